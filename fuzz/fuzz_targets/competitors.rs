#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| linimasa_fuzz::family("competitors", data));
