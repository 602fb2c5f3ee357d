//! Bytes to text: finds the encoding of an export (byte-order mark, UTF-16 without a mark,
//! UTF-8, or Windows-1252) and decodes it with `encoding_rs`. Never fails: invalid sequences are
//! replaced and counted, so the caller can report them.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text and what it took to get it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// Borrowed from the bytes when they already are valid UTF-8 (no copy of a large file).
    pub text: Cow<'a, str>,
    /// The encoding's WHATWG name (`UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
    /// Whether a byte-order mark was found (and dropped).
    pub bom: bool,
    /// How many invalid sequences were replaced by U+FFFD.
    pub replaced: usize,
}

/// Decodes an export whatever its bytes.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return with(encoding, &bytes[bom_len..], true);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return with(encoding, bytes, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8.name(),
            bom: false,
            replaced: 0,
        },
        Err(_) => {
            // UTF-8 with a few damaged bytes still has valid multi-byte sequences; a
            // Windows-1252 file has none (its accented letters are single invalid bytes).
            let (valid, invalid) = utf8_sequences(bytes);
            if valid >= invalid {
                with(UTF_8, bytes, false)
            } else {
                with(WINDOWS_1252, bytes, false)
            }
        }
    }
}

/// How long the UTF-8 byte-order mark at the start of a file is (0 without one), when the
/// file's first bytes leave UTF-8 possible; `None` when they name another encoding (a UTF-16
/// mark, or UTF-16 without one).
pub fn utf8_bom_len(first: &[u8]) -> Option<usize> {
    match Encoding::for_bom(first) {
        Some((encoding, len)) if encoding == UTF_8 => Some(len),
        Some(_) => None,
        None => utf16_without_bom(first).is_none().then_some(0),
    }
}

/// Counts valid multi-byte UTF-8 sequences and invalid ones.
fn utf8_sequences(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                valid += text.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let good = e.valid_up_to();
                valid += std::str::from_utf8(&bytes[..good])
                    .map_or(0, |t| t.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = e.error_len().unwrap_or(bytes.len() - good);
                bytes = &bytes[good + skip..];
            }
        }
    }
}

fn with<'a>(encoding: &'static Encoding, bytes: &'a [u8], bom: bool) -> Decoded<'a> {
    let (text, replaced) = match encoding.decode_without_bom_handling_and_without_replacement(bytes)
    {
        Some(text) => (text, 0),
        None => {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            let replaced = text.matches('\u{FFFD}').count();
            (text, replaced)
        }
    };
    Decoded {
        text,
        encoding: encoding.name(),
        bom,
        replaced,
    }
}

/// UTF-16 text without a byte-order mark shows as ASCII with a zero byte beside every
/// character; look at the first kilobyte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    if zeros_odd * 10 >= pairs * 7 && zeros_even * 10 < pairs {
        Some(UTF_16LE)
    } else if zeros_even * 10 >= pairs * 7 && zeros_odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for unit in s.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    }

    #[test]
    fn encodings_are_detected() {
        let cases: Vec<(Vec<u8>, &str, &str, bool, usize)> = vec![
            (b"Date,Views\n".to_vec(), "UTF-8", "Date,Views\n", false, 0),
            (b"\xEF\xBB\xBFDate\n".to_vec(), "UTF-8", "Date\n", true, 0),
            (
                utf16le("sep=,\nDate", true),
                "UTF-16LE",
                "sep=,\nDate",
                true,
                0,
            ),
            (
                utf16le("Date,Primary", false),
                "UTF-16LE",
                "Date,Primary",
                false,
                0,
            ),
            (
                b"Caf\xE9,Jos\xE9\n".to_vec(),
                "windows-1252",
                "Caf\u{e9},Jos\u{e9}\n",
                false,
                0,
            ),
            (
                "Kopi ☕ "
                    .repeat(3000)
                    .into_bytes()
                    .into_iter()
                    .chain(*b"\xFF")
                    .collect(),
                "UTF-8",
                "",
                false,
                1,
            ),
        ];
        for (bytes, encoding, text, bom, replaced) in cases {
            let d = decode(&bytes);
            assert_eq!(d.encoding, encoding, "{bytes:?}");
            if !text.is_empty() {
                assert_eq!(d.text, text);
            }
            assert_eq!((d.bom, d.replaced), (bom, replaced), "{bytes:?}");
        }
    }
}
