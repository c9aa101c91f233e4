//! Text bytes to text: UTF-8 (a byte-order mark dropped), UTF-16 with a
//! byte-order mark, and otherwise Windows-1252 (which reads Latin-1 too, as
//! Danish Excel's "CSV (semikolonsepareret)" and older agenda systems write
//! it), through `encoding_rs`. Whatever was assumed beyond UTF-8 is said in
//! a notice.

use std::borrow::Cow;

use super::Source;
use crate::document::Notice;
use crate::error::InputError;

/// Decoded text and, when it was not UTF-8, what it was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// Borrowed from the bytes when they are UTF-8.
    pub text: Cow<'a, str>,
    /// `None` for UTF-8; else the encoding's name (`UTF-16LE`, `windows-1252`).
    pub encoding: Option<&'static str>,
    pub notice: Option<Notice>,
}

/// Decodes `bytes`; never fails on well-formed input of the encodings above.
/// A NUL byte in text that is not UTF-16 is bad input (a binary file).
pub fn bytes<'a>(name: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, InputError> {
    bytes_in_pieces(name, bytes, CHUNK)
}

/// [`bytes`], UTF-8 and NUL looked for `chunk` bytes at a time (tests ask
/// small pieces, to cut characters anywhere).
fn bytes_in_pieces<'a>(
    name: &str,
    bytes: &'a [u8],
    chunk: usize,
) -> Result<Decoded<'a>, InputError> {
    let (text, encoding) = if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(InputError::new(
                name,
                format!("not valid {} text", enc.name()),
            ));
        }
        (text, (enc != encoding_rs::UTF_8).then(|| enc.name()))
    } else {
        match utf8_without_nul(bytes, chunk) {
            // The usual document: UTF-8 with no NUL, both asked in one pass.
            Pieces::Text(s) => {
                return Ok(Decoded {
                    text: Cow::Borrowed(s),
                    encoding: None,
                    notice: None,
                })
            }
            // A NUL in UTF-8 so far: the whole decides where it is said to be.
            Pieces::Nul => match simdutf8::basic::from_utf8(bytes) {
                Ok(s) => (Cow::Borrowed(s), None),
                Err(_) => windows_1252(bytes),
            },
            Pieces::NotUtf8 => windows_1252(bytes),
        }
    };
    // A NUL is one byte in UTF-8 (memchr finds it faster than `find`).
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(InputError::new(
            name,
            format!("binary data (a NUL byte at offset {at}), not a document"),
        ));
    }
    let notice = encoding.map(|e| Notice {
        loc: None,
        message: match e {
            "windows-1252" => "not UTF-8; read as Windows-1252 (Latin-1)".to_string(),
            other => format!("read as {other}"),
        },
    });
    Ok(Decoded {
        text,
        encoding,
        notice,
    })
}

/// Whether `bytes` decode: [`bytes`]'s error, if any, without the decoding
/// where it is not needed. Text without a byte-order mark (UTF-8, else
/// Windows-1252) always decodes unless it holds a NUL byte, since both
/// encodings read a NUL byte, and only it, as a NUL; so only a NUL byte or
/// a byte-order mark needs the text decoded (for the error's offset in it).
pub fn check(name: &str, bytes: &[u8]) -> Result<(), InputError> {
    if encoding_rs::Encoding::for_bom(bytes).is_none() && memchr::memchr(0, bytes).is_none() {
        return Ok(());
    }
    self::bytes(name, bytes).map(|_| ())
}

/// How many bytes [`utf8_without_nul`] looks at in one piece: small enough
/// to stay in the processor's cache between its two looks.
const CHUNK: usize = 256 * 1024;

/// `bytes` as text when they are UTF-8 with no NUL byte ([`Pieces`]).
/// Both are looked for piece by piece (`chunk` bytes, each ended before a
/// character's first byte), so that each piece is read from memory once:
/// on the 50 MB benchmark document the separate look for a NUL cost about
/// 3 ms before the first table. simdutf8 is several times faster than the
/// standard check on Danish text (its letters leave the ASCII fast path).
/// Pieces ended between characters are UTF-8 each exactly when the whole
/// is (a character never spans two of them, and UTF-8 pieces join into
/// UTF-8).
fn utf8_without_nul(bytes: &[u8], chunk: usize) -> Pieces<'_> {
    let mut start = 0;
    while start < bytes.len() {
        let mut end = start.saturating_add(chunk.max(4)).min(bytes.len());
        // Back to the first byte of a character (at most three steps in
        // UTF-8; a longer run of continuation bytes is no UTF-8 anyway).
        let mut back = 0;
        while end < bytes.len() && back < 3 && bytes.get(end).is_some_and(|b| b & 0xC0 == 0x80) {
            end -= 1;
            back += 1;
        }
        let Some(piece) = bytes.get(start..end) else {
            return Pieces::NotUtf8;
        };
        if simdutf8::basic::from_utf8(piece).is_err() {
            return Pieces::NotUtf8;
        }
        if memchr::memchr(0, piece).is_some() {
            return Pieces::Nul;
        }
        start = end;
    }
    // SAFETY: the pieces checked above follow one another from the first
    // byte to the last (each starts where the one before ended, and each
    // is at least one byte long), and each is UTF-8; UTF-8 pieces joined
    // are UTF-8. The property test below holds this to the whole check.
    Pieces::Text(unsafe { std::str::from_utf8_unchecked(bytes) })
}

/// What [`utf8_without_nul`] found.
#[derive(Debug, PartialEq, Eq)]
enum Pieces<'a> {
    /// UTF-8 without a NUL: the text.
    Text(&'a str),
    /// Not UTF-8 (a piece is not).
    NotUtf8,
    /// A NUL in a piece, every piece before it UTF-8 (the rest not looked at).
    Nul,
}

/// Bytes that are not UTF-8, read as Windows-1252 (which never fails).
fn windows_1252(bytes: &[u8]) -> (Cow<'_, str>, Option<&'static str>) {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    (text, Some("windows-1252"))
}

/// Decodes a source's bytes.
pub fn text<'a>(source: &Source<'a>) -> Result<Decoded<'a>, InputError> {
    bytes(source.name, source.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_windows_1252_and_utf16() {
        let d = bytes("f", "ændring".as_bytes()).unwrap();
        assert_eq!((&*d.text, d.encoding), ("ændring", None));
        let d = bytes("f", b"\xEF\xBB\xBFok").unwrap();
        assert_eq!(d.text, "ok");
        let d = bytes("f", b"\xe6ndring;-6,1").unwrap();
        assert_eq!(d.text, "ændring;-6,1");
        assert_eq!(d.encoding, Some("windows-1252"));
        assert!(d.notice.unwrap().message.contains("Windows-1252"));
        let mut le = vec![0xFF, 0xFE];
        for u in "Å 2026".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = bytes("f", &le).unwrap();
        assert_eq!((&*d.text, d.encoding), ("Å 2026", Some("UTF-16LE")));
        let mut be = vec![0xFE, 0xFF];
        for u in "ø".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(bytes("f", &be).unwrap().text, "ø");
    }

    #[test]
    fn pieces_cut_inside_characters_are_read_whole() {
        let text = "Ændring på 5 % – 1.281,8 € 😀\nI alt\t-6,1\n".repeat(7);
        for chunk in 1..40 {
            assert_eq!(
                utf8_without_nul(text.as_bytes(), chunk),
                Pieces::Text(text.as_str())
            );
        }
        let mut nul = text.clone().into_bytes();
        nul[100] = 0;
        assert_eq!(utf8_without_nul(&nul, 16), Pieces::Nul);
        assert_eq!(utf8_without_nul(b"\xe6ndring", 16), Pieces::NotUtf8);
        assert_eq!(utf8_without_nul(b"", 16), Pieces::Text(""));
    }

    #[test]
    fn a_nul_is_placed_in_the_text_it_is_read_as() {
        let err = |at: usize| format!("f: binary data (a NUL byte at offset {at}), not a document");
        // A NUL in a first piece of UTF-8, a byte that is none in a later one:
        // the whole is Windows-1252, where `æ` is `Ã¦` (four bytes).
        let mut b = "æ\0".as_bytes().to_vec();
        b.resize(CHUNK + 10, b'a');
        b.push(0xE6);
        assert_eq!(utf8_without_nul(&b, CHUNK), Pieces::Nul);
        assert_eq!(bytes("f", &b).unwrap_err().to_string(), err(4));
        // A first piece that is no UTF-8, the NUL in a later one.
        let mut c = vec![0xE6];
        c.resize(CHUNK + 10, b'a');
        c.push(0);
        assert_eq!(utf8_without_nul(&c, CHUNK), Pieces::NotUtf8);
        assert_eq!(bytes("f", &c).unwrap_err().to_string(), err(CHUNK + 11));
    }

    #[test]
    fn any_piece_size_reads_the_whole() {
        for chunk in [0, 1, 2, 3, 4, usize::MAX] {
            assert_eq!(
                utf8_without_nul("😀😀a😀".as_bytes(), chunk),
                Pieces::Text("😀😀a😀")
            );
            assert_eq!(
                utf8_without_nul(b"\x80\x80\x80\x80\x80", chunk),
                Pieces::NotUtf8
            );
        }
    }

    #[test]
    fn binary_is_bad_input() {
        assert!(bytes("f", b"a\nb\0c").is_err());
        assert_eq!(
            check("f", b"\xe6\xe6\0c").unwrap_err().to_string(),
            bytes("f", b"\xe6\xe6\0c").unwrap_err().to_string()
        );
    }

    proptest::proptest! {
        /// Looked at piece by piece, bytes are UTF-8 without a NUL exactly
        /// when they are as a whole, for pieces of any size (a character
        /// of up to four bytes cut anywhere, continuation bytes alone).
        #[test]
        fn pieces_are_read_as_the_whole(
            body in proptest::collection::vec(
                proptest::sample::select(vec![
                    0u8, b'a', b'\n', 0xC3, 0xA6, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xBF, 0xFF,
                ]),
                0..60,
            ),
            chunk in 0usize..12,
        ) {
            let found = utf8_without_nul(&body, chunk);
            match std::str::from_utf8(&body) {
                Ok(s) if !s.contains('\0') => proptest::prop_assert_eq!(found, Pieces::Text(s)),
                // A NUL in UTF-8: said as a NUL.
                Ok(_) => proptest::prop_assert_eq!(found, Pieces::Nul),
                // Not UTF-8: said so, or a NUL found in a piece before the
                // first that is not.
                Err(_) => proptest::prop_assert!(
                    found == Pieces::NotUtf8 || (found == Pieces::Nul && body.contains(&0))
                ),
            }
        }

        /// Decoding piece by piece gives what decoding the whole did: the
        /// text, its encoding and notice, or the same error.
        #[test]
        fn decoding_is_that_of_the_whole(
            body in proptest::collection::vec(
                proptest::sample::select(vec![
                    0u8, b'a', b'\n', 0xC3, 0xA6, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xE6,
                ]),
                0..60,
            ),
            chars in proptest::collection::vec(
                proptest::sample::select(vec!["a", "\0", "æ", "€", "😀", "\n"]),
                0..30,
            ),
            tail in proptest::sample::select(vec![vec![], vec![0xE6], vec![0xC3], vec![0x80]]),
            text in proptest::bool::ANY,
            chunk in 0usize..12,
        ) {
            // Random bytes (seldom UTF-8 beyond ASCII), or whole characters
            // with now and then a byte after them that is no UTF-8.
            let body = if text {
                let mut b = chars.concat().into_bytes();
                b.extend(tail);
                b
            } else {
                body
            };
            // The whole way, as `bytes` decoded before it looked by pieces.
            let whole = |b: &[u8]| -> Result<(String, Option<&'static str>), String> {
                let (text, enc) = match std::str::from_utf8(b) {
                    Ok(s) => (s.to_string(), None),
                    Err(_) => (encoding_rs::WINDOWS_1252.decode(b).0.into_owned(), Some("windows-1252")),
                };
                match text.find('\0') {
                    Some(at) => Err(format!("f: binary data (a NUL byte at offset {at}), not a document")),
                    None => Ok((text, enc)),
                }
            };
            let got = bytes_in_pieces("f", &body, chunk)
                .map(|d| (d.text.into_owned(), d.encoding))
                .map_err(|e| e.to_string());
            proptest::prop_assert_eq!(got, whole(&body));
        }

        /// `check` says what decoding says: the same error, or none, on
        /// any bytes (UTF-8, Windows-1252, with a byte-order mark or a NUL).
        #[test]
        fn check_agrees_with_decoding(
            head in proptest::sample::select(vec![
                vec![], vec![0xEF, 0xBB, 0xBF], vec![0xFF, 0xFE], vec![0xFE, 0xFF],
            ]),
            body in proptest::collection::vec(
                proptest::sample::select(vec![0u8, b'a', b'\n', 0xC3, 0xA6, 0xE6, 0x80, 0xD8, 0xDC]),
                0..40,
            ),
        ) {
            let mut b = head;
            b.extend(body);
            let checked = check("f", &b).map_err(|e| e.to_string());
            let decoded = bytes("f", &b).map(|_| ()).map_err(|e| e.to_string());
            proptest::prop_assert_eq!(checked, decoded);
        }
    }
}
