//! Turning file bytes into text, with a map from decoded offsets back to the original bytes.
//!
//! Detection order: a UTF-16 byte order mark (FF FE or FE FF) decides UTF-16; otherwise a
//! NUL byte means a binary file; otherwise valid UTF-8 (with or without the EF BB BF byte
//! order mark) is UTF-8; otherwise the bytes are read as Windows-1252 if they look like
//! text in it, and refused if not.

use std::fmt;

/// The character encoding a document was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 starting with the byte order mark EF BB BF.
    Utf8Bom,
    /// UTF-16 little-endian, starting with the byte order mark FF FE.
    Utf16Le,
    /// UTF-16 big-endian, starting with the byte order mark FE FF.
    Utf16Be,
    /// Windows-1252 (legacy Western European), chosen because the bytes were not UTF-8.
    Windows1252,
}

impl Encoding {
    /// The usual label of the encoding, e.g. `"UTF-8"` or `"windows-1252"`.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// Length in bytes of the byte order mark this encoding implies (0 if none).
    pub fn bom_len(self) -> usize {
        match self {
            Encoding::Utf8 | Encoding::Windows1252 => 0,
            Encoding::Utf8Bom => 3,
            Encoding::Utf16Le | Encoding::Utf16Be => 2,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DecodeError {
    /// The file holds a NUL byte and has no UTF-16 byte order mark: it is binary.
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The file is not valid UTF-8 and does not look like Windows-1252 text either.
    NotText {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at offset {offset})")
            }
            DecodeError::NotText { offset } => {
                write!(f, "not UTF-8 text (invalid byte at offset {offset}) and not Windows-1252 either")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// The file as read, and its decoded text, sharing memory when the file is UTF-8.
#[derive(Debug, Clone)]
pub(super) enum Storage {
    /// The whole file is valid UTF-8; the decoded text is `text[bom..]`.
    Utf8 {
        /// The file bytes, BOM included.
        text: String,
        /// Length of the byte order mark (0 or 3).
        bom: usize,
    },
    /// The file was transcoded; both forms are kept.
    Transcoded {
        /// The file bytes.
        bytes: Vec<u8>,
        /// The decoded text, without BOM.
        decoded: String,
    },
}

impl Storage {
    /// The file bytes as read.
    pub(super) fn original(&self) -> &[u8] {
        match self {
            Storage::Utf8 { text, .. } => text.as_bytes(),
            Storage::Transcoded { bytes, .. } => bytes,
        }
    }

    /// The decoded text, BOM removed.
    pub(super) fn decoded(&self) -> &str {
        match self {
            Storage::Utf8 { text, bom } => text.get(*bom..).unwrap_or(""),
            Storage::Transcoded { decoded, .. } => decoded,
        }
    }
}

/// A run of consecutive characters that all have the same width in both texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Run {
    /// Decoded offset of the run's first character.
    decoded: usize,
    /// Original offset of the run's first character.
    original: usize,
    /// Bytes per character in the decoded text (1 to 4).
    decoded_width: u8,
    /// Bytes per character in the original file (1 to 4).
    original_width: u8,
}

/// Map between offsets in the decoded text and offsets in the original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DecodeMap {
    /// `original = decoded + delta` (UTF-8 files; `delta` is the BOM length). O(1) memory.
    Shift {
        /// Bytes before the decoded text in the original (the BOM).
        delta: usize,
        /// Length of the decoded text.
        decoded_len: usize,
    },
    /// Transcoded files: runs of characters of equal widths, sorted by offset.
    Runs {
        /// The runs; a run lasts until the next one starts.
        runs: Vec<Run>,
        /// Length of the decoded text.
        decoded_len: usize,
        /// Length of the original bytes.
        original_len: usize,
    },
}

impl DecodeMap {
    /// The original offset of decoded offset `d`; inside a character, the character's start
    /// (or its end when `round_up`). Past the end gives the original length.
    pub(super) fn to_original(&self, d: usize, round_up: bool) -> usize {
        match self {
            DecodeMap::Shift { delta, decoded_len } => d.min(*decoded_len) + delta,
            DecodeMap::Runs { runs, decoded_len, original_len } => {
                if d >= *decoded_len {
                    return *original_len;
                }
                let idx = runs.partition_point(|r| r.decoded <= d);
                let Some(run) = idx.checked_sub(1).and_then(|i| runs.get(i)) else {
                    return runs.first().map_or(0, |r| r.original);
                };
                let (dw, ow) = (usize::from(run.decoded_width.max(1)), usize::from(run.original_width));
                let rel = d - run.decoded;
                let mut o = run.original + (rel / dw) * ow;
                if round_up && rel % dw != 0 {
                    o += ow;
                }
                o.min(*original_len)
            }
        }
    }

    /// The decoded offset of original offset `o`; inside a character (or the BOM), the
    /// character's start (or its end when `round_up`; the BOM always maps to 0).
    pub(super) fn to_decoded(&self, o: usize, round_up: bool) -> usize {
        match self {
            DecodeMap::Shift { delta, decoded_len } => o.saturating_sub(*delta).min(*decoded_len),
            DecodeMap::Runs { runs, decoded_len, original_len } => {
                if o >= *original_len {
                    return *decoded_len;
                }
                let idx = runs.partition_point(|r| r.original <= o);
                let Some(run) = idx.checked_sub(1).and_then(|i| runs.get(i)) else {
                    return 0;
                };
                let (dw, ow) = (usize::from(run.decoded_width), usize::from(run.original_width.max(1)));
                let rel = o - run.original;
                let mut d = run.decoded + (rel / ow) * dw;
                if round_up && rel % ow != 0 {
                    d += dw;
                }
                d.min(*decoded_len)
            }
        }
    }

    /// Number of entries the map holds (0 for a constant shift); for tests and statistics.
    #[cfg(test)]
    pub(super) fn entries(&self) -> usize {
        match self {
            DecodeMap::Shift { .. } => 0,
            DecodeMap::Runs { runs, .. } => runs.len(),
        }
    }
}

/// Builds the runs of a [`DecodeMap::Runs`] one character at a time.
struct RunBuilder {
    runs: Vec<Run>,
    decoded: usize,
    original: usize,
}

impl RunBuilder {
    fn new(original_start: usize) -> Self {
        RunBuilder { runs: Vec::new(), decoded: 0, original: original_start }
    }

    /// Adds one character of `decoded_width` bytes decoded from `original_width` bytes.
    fn push(&mut self, decoded_width: usize, original_width: usize) {
        // Widths are at most 4; saturate rather than wrap, although it cannot happen.
        let dw = u8::try_from(decoded_width).unwrap_or(u8::MAX);
        let ow = u8::try_from(original_width).unwrap_or(u8::MAX);
        let same = self.runs.last().is_some_and(|r| r.decoded_width == dw && r.original_width == ow);
        if !same {
            self.runs.push(Run {
                decoded: self.decoded,
                original: self.original,
                decoded_width: dw,
                original_width: ow,
            });
        }
        self.decoded += decoded_width;
        self.original += original_width;
    }

    fn finish(self, original_len: usize) -> DecodeMap {
        DecodeMap::Runs { runs: self.runs, decoded_len: self.decoded, original_len }
    }
}

/// The result of decoding a file.
#[derive(Debug, Clone)]
pub(super) struct Decoded {
    /// Original bytes and decoded text.
    pub(super) storage: Storage,
    /// The encoding found.
    pub(super) encoding: Encoding,
    /// For Windows-1252: offset of the first byte that is not valid UTF-8.
    pub(super) legacy_offset: Option<usize>,
    /// Decoded ↔ original offsets.
    pub(super) map: DecodeMap,
}

/// The UTF-8 byte order mark.
const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Decodes file bytes, guessing the encoding (see the module documentation).
pub(super) fn decode(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Ok(decode_utf16(bytes, false));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(decode_utf16(bytes, true));
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(from_utf8(text)),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            decode_windows_1252(err.into_bytes(), offset)
        }
    }
}

/// Wraps text already known to be UTF-8 (a leading U+FEFF is taken as the BOM).
pub(super) fn from_utf8(text: String) -> Decoded {
    let bom = if text.as_bytes().starts_with(UTF8_BOM) { UTF8_BOM.len() } else { 0 };
    let decoded_len = text.len() - bom;
    Decoded {
        storage: Storage::Utf8 { text, bom },
        encoding: if bom > 0 { Encoding::Utf8Bom } else { Encoding::Utf8 },
        legacy_offset: None,
        map: DecodeMap::Shift { delta: bom, decoded_len },
    }
}

/// Whether a byte rules out Windows-1252 text: a C0 control other than tab, line feed,
/// carriage return and form feed, or one of the five bytes 1252 leaves undefined.
fn not_1252_text(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)
}

/// Reads bytes that are not UTF-8 as Windows-1252, if they look like text in it.
fn decode_windows_1252(bytes: Vec<u8>, first_invalid: usize) -> Result<Decoded, DecodeError> {
    if bytes.iter().any(|&b| not_1252_text(b)) {
        return Err(DecodeError::NotText { offset: first_invalid });
    }
    let (text, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    let decoded = text.into_owned();
    let mut builder = RunBuilder::new(0);
    // Windows-1252 is a single-byte encoding: every byte is one character.
    for c in decoded.chars() {
        builder.push(c.len_utf8(), 1);
    }
    let map = builder.finish(bytes.len());
    Ok(Decoded {
        storage: Storage::Transcoded { bytes, decoded },
        encoding: Encoding::Windows1252,
        legacy_offset: Some(first_invalid),
        map,
    })
}

/// Reads UTF-16 after its 2-byte BOM; unpaired surrogates and a trailing odd byte become
/// U+FFFD.
fn decode_utf16(bytes: Vec<u8>, big_endian: bool) -> Decoded {
    let body = bytes.get(2..).unwrap_or(&[]);
    let units = body.chunks_exact(2).map(|pair| match *pair {
        [a, b] if big_endian => u16::from_be_bytes([a, b]),
        [a, b] => u16::from_le_bytes([a, b]),
        _ => 0xFFFD,
    });
    let mut decoded = String::with_capacity(body.len());
    let mut builder = RunBuilder::new(2);
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => {
                decoded.push(c);
                builder.push(c.len_utf8(), 2 * c.len_utf16());
            }
            Err(_) => {
                decoded.push(char::REPLACEMENT_CHARACTER);
                builder.push(char::REPLACEMENT_CHARACTER.len_utf8(), 2);
            }
        }
    }
    if body.len() % 2 == 1 {
        decoded.push(char::REPLACEMENT_CHARACTER);
        builder.push(char::REPLACEMENT_CHARACTER.len_utf8(), 1);
    }
    let map = builder.finish(bytes.len());
    Decoded {
        storage: Storage::Transcoded { bytes, decoded },
        encoding: if big_endian { Encoding::Utf16Be } else { Encoding::Utf16Le },
        legacy_offset: None,
        map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in s.encode_utf16() {
            if big_endian {
                out.extend(u.to_be_bytes());
            } else {
                out.extend(u.to_le_bytes());
            }
        }
        out
    }

    #[test]
    fn plain_utf8() {
        let d = decode(b"caf\xc3\xa9".to_vec()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.storage.decoded(), "café");
        assert_eq!(d.storage.original(), b"caf\xc3\xa9");
        assert_eq!(d.legacy_offset, None);
        assert_eq!(d.map.entries(), 0);
        assert_eq!(d.map.to_original(3, false), 3);
        assert_eq!(d.map.to_original(5, false), 5);
        assert_eq!(d.map.to_decoded(4, false), 4);
    }

    #[test]
    fn utf8_bom_is_stripped_and_shifts_offsets() {
        let d = decode(b"\xef\xbb\xbfab".to_vec()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.storage.decoded(), "ab");
        assert_eq!(d.storage.original().len(), 5);
        assert_eq!(d.map.to_original(0, false), 3);
        assert_eq!(d.map.to_original(2, true), 5);
        assert_eq!(d.map.to_original(9, true), 5);
        for o in 0..=3 {
            assert_eq!(d.map.to_decoded(o, false), 0);
        }
        assert_eq!(d.map.to_decoded(4, false), 1);
        assert_eq!(d.map.entries(), 0, "UTF-8 map must be a constant shift");
    }

    #[test]
    fn bom_only_is_empty() {
        let d = decode(UTF8_BOM.to_vec()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.storage.decoded(), "");
        let d = decode(vec![0xFF, 0xFE]).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16Le);
        assert_eq!(d.storage.decoded(), "");
        assert_eq!(d.map.to_original(0, false), 2);
    }

    #[test]
    fn empty_is_utf8() {
        let d = decode(Vec::new()).unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.storage.decoded(), "");
        assert_eq!(d.map.to_original(0, true), 0);
        assert_eq!(d.map.to_decoded(0, true), 0);
    }

    #[test]
    fn utf16_le_with_astral_char() {
        let text = "a😀é\r\nb";
        let d = decode(utf16(text, false)).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16Le);
        assert_eq!(d.storage.decoded(), text);
        // a: decoded 0, original 2; 😀: decoded 1, original 4; é: decoded 5, original 8.
        assert_eq!(d.map.to_original(0, false), 2);
        assert_eq!(d.map.to_original(1, false), 4);
        assert_eq!(d.map.to_original(5, false), 8);
        assert_eq!(d.map.to_original(7, false), 10);
        assert_eq!(d.map.to_original(text.len(), false), 2 + 2 * 7);
        // Inside the emoji's UTF-8 bytes: snap down or up.
        assert_eq!(d.map.to_original(2, false), 4);
        assert_eq!(d.map.to_original(2, true), 8);
        // Between the two surrogates: snap to the character.
        assert_eq!(d.map.to_decoded(6, false), 1);
        assert_eq!(d.map.to_decoded(6, true), 5);
        assert_eq!(d.map.to_decoded(0, false), 0);
        assert_eq!(d.map.to_decoded(1, true), 0);
        assert_eq!(d.map.to_decoded(8, false), 5);
    }

    #[test]
    fn utf16_be_with_astral_char() {
        let text = "é😀z";
        let d = decode(utf16(text, true)).unwrap();
        assert_eq!(d.encoding, Encoding::Utf16Be);
        assert_eq!(d.storage.decoded(), text);
        assert_eq!(d.map.to_original(2, false), 4);
        assert_eq!(d.map.to_original(6, false), 8);
        assert_eq!(d.map.to_decoded(8, false), 6);
        assert_eq!(d.map.to_original(7, false), 10);
    }

    #[test]
    fn utf16_broken_input_is_replaced() {
        // Unpaired high surrogate, then 'A', then a lone odd byte.
        let d = decode(vec![0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x42]).unwrap();
        assert_eq!(d.storage.decoded(), "\u{FFFD}A\u{FFFD}");
        assert_eq!(d.map.to_original(3, false), 4);
        assert_eq!(d.map.to_original(4, false), 6);
        assert_eq!(d.map.to_original(7, false), 7);
        assert_eq!(d.map.to_decoded(6, false), 4);
    }

    #[test]
    fn utf16_allows_nul() {
        let d = decode(utf16("a\0b", false)).unwrap();
        assert_eq!(d.storage.decoded(), "a\0b");
    }

    #[test]
    fn windows_1252() {
        let d = decode(b"caf\xe9 \x80 ok".to_vec()).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.storage.decoded(), "café € ok");
        assert_eq!(d.legacy_offset, Some(3));
        // é: decoded 3..5, original 3..4; €: decoded 6..9, original 5..6.
        assert_eq!(d.map.to_original(3, false), 3);
        assert_eq!(d.map.to_original(5, false), 4);
        assert_eq!(d.map.to_original(4, false), 3);
        assert_eq!(d.map.to_original(4, true), 4);
        assert_eq!(d.map.to_original(6, false), 5);
        assert_eq!(d.map.to_original(9, false), 6);
        assert_eq!(d.map.to_decoded(4, false), 5);
        assert_eq!(d.map.to_decoded(6, false), 9);
        assert_eq!(d.map.to_decoded(9, false), 12);
    }

    #[test]
    fn windows_1252_rejects_controls_and_undefined_bytes() {
        assert_eq!(decode(b"ab\xe9\x01".to_vec()).unwrap_err(), DecodeError::NotText { offset: 2 });
        assert_eq!(decode(b"\xe9\x81".to_vec()).unwrap_err(), DecodeError::NotText { offset: 0 });
        // Tab, form feed and CRLF are fine.
        assert!(decode(b"\xe9\t\x0c\r\n".to_vec()).is_ok());
    }

    #[test]
    fn nul_is_binary() {
        assert_eq!(decode(b"abc\0def".to_vec()).unwrap_err(), DecodeError::Binary { offset: 3 });
        assert_eq!(decode(b"\xef\xbb\xbf\0".to_vec()).unwrap_err(), DecodeError::Binary { offset: 3 });
        assert_eq!(decode(b"\xe9\0".to_vec()).unwrap_err(), DecodeError::Binary { offset: 1 });
    }

    #[test]
    fn error_messages() {
        assert_eq!(DecodeError::Binary { offset: 123 }.to_string(), "binary file (NUL byte at offset 123)");
        assert_eq!(
            DecodeError::NotText { offset: 12 }.to_string(),
            "not UTF-8 text (invalid byte at offset 12) and not Windows-1252 either"
        );
        let err: Box<dyn std::error::Error> = Box::new(DecodeError::Binary { offset: 0 });
        assert!(err.to_string().starts_with("binary file"));
    }

    #[test]
    fn runs_are_merged() {
        let d = decode(b"aaaa\xe9\xe9bbbb".to_vec()).unwrap();
        assert_eq!(d.map.entries(), 3);
    }
}
