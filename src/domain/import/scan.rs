//! The structural bytes of delimited text, 64 at a time: where the quotes, delimiters, line feeds
//! and carriage returns are, and the dots and commas that may separate a number's digits, as
//! one bit per byte. Vector compares where the machine has them
//! (SIMD128 in WebAssembly, SSE2 on x86-64), plain comparisons elsewhere; the same bits either
//! way (tested against the plain version).

/// Bit `i` of each mask is byte `i` of a block of [`BLOCK`] bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Masks {
    pub quote: u64,
    pub delimiter: u64,
    pub lf: u64,
    pub cr: u64,
    /// `.` and `,`.
    pub separator: u64,
}

/// How many bytes one set of masks covers.
pub(super) const BLOCK: usize = 64;

/// The masks of `block` (at most [`BLOCK`] bytes; the bits past its end are clear).
pub(super) fn masks(block: &[u8], delimiter: u8) -> Masks {
    match <&[u8; BLOCK]>::try_from(block) {
        Ok(full) => full_masks(full, delimiter),
        Err(_) => {
            let mut padded = [0u8; BLOCK];
            let n = block.len().min(BLOCK);
            padded[..n].copy_from_slice(&block[..n]);
            let m = full_masks(&padded, delimiter);
            let keep = if n == BLOCK { !0 } else { (1u64 << n) - 1 };
            Masks {
                quote: m.quote & keep,
                delimiter: m.delimiter & keep,
                lf: m.lf & keep,
                cr: m.cr & keep,
                separator: m.separator & keep,
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
#[target_feature(enable = "simd128")]
fn full_masks(block: &[u8; BLOCK], delimiter: u8) -> Masks {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_load, v128_or};
    let (q, d, lf, cr, dot, comma) = (
        u8x16_splat(b'"'),
        u8x16_splat(delimiter),
        u8x16_splat(b'\n'),
        u8x16_splat(b'\r'),
        u8x16_splat(b'.'),
        u8x16_splat(b','),
    );
    let mut m = Masks::default();
    for i in 0..BLOCK / 16 {
        // SAFETY: `block` holds BLOCK bytes, so 16 from 16 * i are in it; v128_load needs no
        // alignment.
        let v = unsafe { v128_load(block.as_ptr().add(16 * i).cast::<v128>()) };
        let at = 16 * i as u32;
        m.quote |= u64::from(u8x16_bitmask(u8x16_eq(v, q))) << at;
        m.delimiter |= u64::from(u8x16_bitmask(u8x16_eq(v, d))) << at;
        m.lf |= u64::from(u8x16_bitmask(u8x16_eq(v, lf))) << at;
        m.cr |= u64::from(u8x16_bitmask(u8x16_eq(v, cr))) << at;
        m.separator |=
            u64::from(u8x16_bitmask(v128_or(u8x16_eq(v, dot), u8x16_eq(v, comma)))) << at;
    }
    m
}

#[cfg(target_arch = "x86_64")]
fn full_masks(block: &[u8; BLOCK], delimiter: u8) -> Masks {
    use std::arch::x86_64::_mm_set1_epi8;
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
    };
    // SSE2 is part of every x86-64 processor.
    // SAFETY: the loads read 16 bytes from 16 * i, inside `block`; no alignment is needed.
    unsafe {
        let (q, d, lf, cr, dot, comma) = (
            _mm_set1_epi8(b'"' as i8),
            _mm_set1_epi8(delimiter as i8),
            _mm_set1_epi8(b'\n' as i8),
            _mm_set1_epi8(b'\r' as i8),
            _mm_set1_epi8(b'.' as i8),
            _mm_set1_epi8(b',' as i8),
        );
        let mut m = Masks::default();
        for i in 0..BLOCK / 16 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * i).cast::<__m128i>());
            let bits = |c| u64::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c)) as u16) << (16 * i);
            m.quote |= bits(q);
            m.delimiter |= bits(d);
            m.lf |= bits(lf);
            m.cr |= bits(cr);
            let separator = _mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, comma));
            m.separator |= u64::from(_mm_movemask_epi8(separator) as u16) << (16 * i);
        }
        m
    }
}

#[cfg(not(any(target_arch = "wasm32", target_arch = "x86_64")))]
fn full_masks(block: &[u8; BLOCK], delimiter: u8) -> Masks {
    plain_masks(block, delimiter)
}

/// The masks by plain comparisons, byte by byte.
#[cfg_attr(any(target_arch = "wasm32", target_arch = "x86_64"), allow(dead_code))]
fn plain_masks(block: &[u8], delimiter: u8) -> Masks {
    let mut m = Masks::default();
    for (i, b) in block.iter().enumerate().take(BLOCK) {
        let bit = 1u64 << i;
        match *b {
            b'"' => m.quote |= bit,
            b'\n' => m.lf |= bit,
            b'\r' => m.cr |= bit,
            b'.' | b',' => m.separator |= bit,
            _ => {}
        }
        if *b == delimiter {
            m.delimiter |= bit;
        }
    }
    m
}

/// Bit `i` set when an odd number of bits `0..=i` of `x` are: whether byte `i` is inside a
/// quote (an opening quote and what follows it, not its closing quote).
pub(super) fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn vector_masks_are_the_plain_ones(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'"', b',', b';', b'.', b'\n', b'\r', b'a', 0, 0xe2, b' ']),
                0..=BLOCK,
            ),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|', 0]),
        ) {
            let mut expected = plain_masks(&bytes, delimiter);
            if delimiter == 0 {
                // Padding is zeros: the bits past the end stay clear all the same.
                expected.delimiter &= if bytes.len() == BLOCK { !0 } else { (1 << bytes.len()) - 1 };
            }
            proptest::prop_assert_eq!(masks(&bytes, delimiter), expected);
        }

        #[test]
        fn prefix_xor_is_quote_parity(x in proptest::num::u64::ANY) {
            let mut parity = 0u64;
            for i in 0..64 {
                parity ^= (x >> i) & 1;
                proptest::prop_assert_eq!((prefix_xor(x) >> i) & 1, parity);
            }
        }
    }
}
