//! A document: a file's bytes, their decoded and normalized text, and the maps between them.
//!
//! Three texts, two coordinate systems:
//! - the **original** bytes, as read; [`Span`]s and [`Position`]s refer to them;
//! - the **decoded** text (BOM removed, CRLF kept), which lines and columns count in;
//! - the **normalized** text (NFC of the decoded text), which checks read and which
//!   [`NormSpan`]s refer to.
//!
//! [`Document::to_original`] turns a [`NormSpan`] into a [`Span`] through both maps.

mod decode;
mod line_index;
mod normalize;
mod segment;

use std::borrow::Cow;

pub use decode::{DecodeError, Encoding};
pub use line_index::Position;
pub use segment::{Segment, SegmentKind, count_words, plain_segments};

use crate::span::{NormSpan, Span};
use decode::{DecodeMap, Decoded, Storage};
use line_index::{LineIndex, ceil_char_boundary, floor_char_boundary};
use normalize::NormMap;

/// A file to read: its display name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Display path of the file, or `"-"` for standard input.
    pub name: String,
    /// The file's bytes, as read.
    pub bytes: Vec<u8>,
}

/// A decoded, normalized and segmented text file, with the offset maps back to its bytes.
#[derive(Debug, Clone)]
pub struct Document {
    name: String,
    storage: Storage,
    encoding: Encoding,
    legacy_offset: Option<usize>,
    decode_map: DecodeMap,
    /// The NFC text, or `None` when it equals the decoded text.
    normalized: Option<String>,
    norm_map: NormMap,
    lines: LineIndex,
    segments: Vec<Segment>,
    word_count: usize,
}

impl Document {
    /// Decodes, normalizes and segments a file; fails on binary or undecodable bytes.
    pub fn from_source(source: Source) -> Result<Document, DecodeError> {
        let decoded = decode::decode(source.bytes)?;
        Ok(Document::build(source.name, decoded))
    }

    /// A document from UTF-8 text (a leading U+FEFF counts as a BOM); for tests and tools.
    pub fn from_str(name: &str, text: &str) -> Document {
        Document::build(name.to_owned(), decode::from_utf8(text.to_owned()))
    }

    fn build(name: String, decoded: Decoded) -> Document {
        let Decoded { storage, encoding, legacy_offset, map } = decoded;
        let (normalized, norm_map) = normalize::normalize(storage.decoded());
        let lines = LineIndex::new(storage.decoded());
        let text = normalized.as_deref().unwrap_or(storage.decoded());
        let segments = plain_segments(text);
        let word_count = segments.iter().map(|s| text.get(s.span.range()).map_or(0, count_words)).sum();
        Document {
            name,
            storage,
            encoding,
            legacy_offset,
            decode_map: map,
            normalized,
            norm_map,
            lines,
            segments,
            word_count,
        }
    }

    /// The display name given with the source (a path or `"-"`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file bytes as read.
    pub fn original(&self) -> &[u8] {
        self.storage.original()
    }

    /// The decoded text: BOM removed, line terminators (CRLF too) kept, not normalized.
    pub fn decoded(&self) -> &str {
        self.storage.decoded()
    }

    /// The NFC-normalized text that checks read; [`NormSpan`]s refer to it.
    pub fn text(&self) -> &str {
        self.normalized.as_deref().unwrap_or_else(|| self.storage.decoded())
    }

    /// The encoding the file was read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// For Windows-1252 files, the offset in the original of the first byte that is not
    /// valid UTF-8; `None` for other encodings.
    pub fn legacy_offset(&self) -> Option<usize> {
        self.legacy_offset
    }

    /// Maps a span of the normalized text to the original bytes.
    ///
    /// The start snaps down and the end up to the nearest offsets that can be mapped (the
    /// bounds of a character, and of a stretch that normalization changed), so the result
    /// covers everything the span covered and never splits an encoded character. Spans
    /// past the end are clamped; a start after the end is treated as an empty span.
    pub fn to_original(&self, span: NormSpan) -> Span {
        let text = self.text();
        let start = floor_char_boundary(text, span.start);
        let end = ceil_char_boundary(text, span.end.max(start));
        let decoded_start = self.norm_map.to_decoded(start, false);
        let decoded_end = self.norm_map.to_decoded(end, true).max(decoded_start);
        let original_start = self.decode_map.to_original(decoded_start, false);
        let original_end = self.decode_map.to_original(decoded_end, true).max(original_start);
        Span::new(original_start, original_end)
    }

    /// The text of a span of the original bytes: for UTF-8 files exactly those bytes (any
    /// broken sequence at the edges shown as U+FFFD); for other encodings the decoded text
    /// of the characters the span touches. Spans past the end are clamped.
    pub fn original_text(&self, span: Span) -> Cow<'_, str> {
        match &self.storage {
            Storage::Utf8 { text, .. } => {
                let bytes = text.as_bytes();
                let end = span.end.min(bytes.len());
                let start = span.start.min(end);
                String::from_utf8_lossy(bytes.get(start..end).unwrap_or(&[]))
            }
            Storage::Transcoded { decoded, .. } => {
                let start = self.decode_map.to_decoded(span.start, false);
                let end = self.decode_map.to_decoded(span.end.max(span.start), true).max(start);
                Cow::Borrowed(decoded.get(start..end).unwrap_or(""))
            }
        }
    }

    /// The line and columns of an original byte offset (`original().len()` is the end of
    /// the file; larger offsets are clamped; an offset inside a character or the BOM counts
    /// as that character's start).
    pub fn position(&self, offset: usize) -> Position {
        let decoded = self.decode_map.to_decoded(offset, false);
        self.lines.position(self.storage.decoded(), decoded)
    }

    /// The position in the original file of an offset in the normalized text.
    pub fn norm_position(&self, offset: usize) -> Position {
        self.position(self.to_original(NormSpan::new(offset, offset)).start)
    }

    /// Number of lines: line feeds plus one (an empty file has one line).
    pub fn line_count(&self) -> usize {
        self.lines.count()
    }

    /// The decoded text of 1-based `line`, without its `"\n"` or `"\r\n"` (`""` if there is
    /// no such line).
    pub fn line_text(&self, line: usize) -> &str {
        self.lines.line_text(self.storage.decoded(), line)
    }

    /// The original byte offset of the first byte of 1-based `line`'s text (after the BOM
    /// for line 1); line 0 counts as line 1, lines past the last give the file length.
    pub fn line_start(&self, line: usize) -> usize {
        match self.lines.start(line.max(1)) {
            Some(decoded) => self.decode_map.to_original(decoded, false),
            None => self.storage.original().len(),
        }
    }

    /// The segments of the normalized text that checks read, in text order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Number of words in the segments (see [`count_words`]).
    pub fn word_count(&self) -> usize {
        self.word_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: &[u8]) -> Document {
        Document::from_source(Source { name: "t.txt".to_owned(), bytes: bytes.to_vec() }).unwrap()
    }

    fn pos(line: usize, column: usize, utf16_column: usize) -> Position {
        Position { line, column, utf16_column }
    }

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in s.encode_utf16() {
            out.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    fn norm_span_of(d: &Document, needle: &str) -> NormSpan {
        let start = d.text().find(needle).unwrap();
        NormSpan::new(start, start + needle.len())
    }

    #[test]
    fn plain_utf8_document() {
        let d = doc("Le café.\n\nLa suite.".as_bytes());
        assert_eq!(d.name(), "t.txt");
        assert_eq!(d.encoding(), Encoding::Utf8);
        assert_eq!(d.text(), "Le café.\n\nLa suite.");
        assert_eq!(d.decoded(), d.text());
        assert_eq!(d.line_count(), 3);
        assert_eq!(d.segments().len(), 2);
        assert_eq!(d.word_count(), 4);
        let span = d.to_original(norm_span_of(&d, "café"));
        assert_eq!(d.original_text(span), "café");
        assert_eq!(d.position(span.start), pos(1, 4, 4));
        assert_eq!(d.legacy_offset(), None);
    }

    #[test]
    fn bom_and_crlf() {
        let d = doc(b"\xef\xbb\xbfUn\r\nDeux\r\n");
        assert_eq!(d.encoding(), Encoding::Utf8Bom);
        assert_eq!(d.decoded(), "Un\r\nDeux\r\n");
        assert_eq!(d.original().len(), 13);
        assert_eq!(d.line_count(), 3);
        assert_eq!(d.line_text(1), "Un");
        assert_eq!(d.line_text(2), "Deux");
        assert_eq!(d.line_text(3), "");
        assert_eq!(d.line_start(1), 3);
        assert_eq!(d.line_start(2), 7);
        assert_eq!(d.line_start(4), 13);
        let span = d.to_original(norm_span_of(&d, "Deux"));
        assert_eq!(span, Span::new(7, 11));
        assert_eq!(d.original_text(span), "Deux");
        assert_eq!(d.position(0), pos(1, 1, 1));
        assert_eq!(d.position(2), pos(1, 1, 1));
        assert_eq!(d.position(3), pos(1, 1, 1));
        assert_eq!(d.position(5), pos(1, 3, 3));
        assert_eq!(d.position(7), pos(2, 1, 1));
        assert_eq!(d.position(13), pos(3, 1, 1));
        assert_eq!(d.position(99), pos(3, 1, 1));
        assert_eq!(d.to_original(NormSpan::new(0, d.text().len())), Span::new(3, 13));
        assert_eq!(d.segments().len(), 1);
        assert_eq!(&d.text()[d.segments()[0].span.range()], "Un\r\nDeux");
    }

    #[test]
    fn utf16_le_document() {
        let text = "Voilà 😀 ici\r\nsuite";
        let d = doc(&utf16(text, false));
        assert_eq!(d.encoding(), Encoding::Utf16Le);
        assert_eq!(d.decoded(), text);
        let span = d.to_original(norm_span_of(&d, "😀"));
        // BOM 2 + "Voilà " 6 units = 14; the emoji is 2 units.
        assert_eq!(span, Span::new(14, 18));
        assert_eq!(d.original_text(span), "😀");
        assert_eq!(d.position(14), pos(1, 7, 7));
        assert_eq!(d.position(18), pos(1, 8, 9));
        assert_eq!(d.position(16), pos(1, 7, 7));
        assert_eq!(d.line_start(2), 2 + 2 * 14);
        assert_eq!(d.position(d.line_start(2)), pos(2, 1, 1));
        assert_eq!(d.line_text(1), "Voilà 😀 ici");
        assert_eq!(
            d.to_original(NormSpan::new(d.text().len(), d.text().len())),
            Span::new(d.original().len(), d.original().len())
        );
    }

    #[test]
    fn utf16_be_document() {
        let text = "a𝄞b";
        let d = doc(&utf16(text, true));
        assert_eq!(d.encoding(), Encoding::Utf16Be);
        assert_eq!(d.text(), text);
        let span = d.to_original(norm_span_of(&d, "𝄞"));
        assert_eq!(span, Span::new(4, 8));
        assert_eq!(d.original_text(span), "𝄞");
        assert_eq!(d.position(8), pos(1, 3, 4));
        // A span starting between the surrogates covers the whole character.
        assert_eq!(d.original_text(Span::new(6, 8)), "𝄞");
    }

    #[test]
    fn windows_1252_document() {
        let d = doc(b"caf\xe9 cr\xe8me");
        assert_eq!(d.encoding(), Encoding::Windows1252);
        assert_eq!(d.legacy_offset(), Some(3));
        assert_eq!(d.text(), "café crème");
        let span = d.to_original(norm_span_of(&d, "café"));
        assert_eq!(span, Span::new(0, 4));
        assert_eq!(d.original_text(span), "café");
        let span = d.to_original(norm_span_of(&d, "crème"));
        assert_eq!(span, Span::new(5, 10));
        assert_eq!(d.position(9), pos(1, 10, 10));
        assert_eq!(d.word_count(), 2);
    }

    #[test]
    fn binary_is_an_error() {
        let err =
            Document::from_source(Source { name: "x".to_owned(), bytes: b"PK\x03\x04\0\0".to_vec() }).unwrap_err();
        assert_eq!(err, DecodeError::Binary { offset: 4 });
    }

    #[test]
    fn nfd_accent_maps_to_three_original_bytes() {
        let d = doc("de\u{301}ja".as_bytes());
        assert_eq!(d.text(), "déja");
        assert_eq!(d.decoded(), "de\u{301}ja");
        let span = d.to_original(norm_span_of(&d, "é"));
        assert_eq!(span, Span::new(1, 4));
        assert_eq!(d.original_text(span), "e\u{301}");
        // Half of the "é" (inside its UTF-8 bytes) still covers all three bytes.
        assert_eq!(d.to_original(NormSpan::new(2, 3)), Span::new(1, 4));
        let span = d.to_original(norm_span_of(&d, "ja"));
        assert_eq!(span, Span::new(4, 6));
        assert_eq!(d.position(4), pos(1, 4, 4));
        assert_eq!(d.norm_position(3), pos(1, 4, 4));
        assert_eq!(d.word_count(), 1);
    }

    #[test]
    fn nfd_in_utf16() {
        let d = doc(&utf16("c\u{327}a", false));
        assert_eq!(d.text(), "ça");
        assert_eq!(d.to_original(norm_span_of(&d, "ç")), Span::new(2, 6));
        assert_eq!(d.to_original(norm_span_of(&d, "a")), Span::new(6, 8));
    }

    #[test]
    fn empty_and_blank_documents() {
        let d = doc(b"");
        assert_eq!(d.text(), "");
        assert_eq!(d.line_count(), 1);
        assert_eq!(d.line_text(1), "");
        assert_eq!(d.line_start(1), 0);
        assert!(d.segments().is_empty());
        assert_eq!(d.word_count(), 0);
        assert_eq!(d.position(0), pos(1, 1, 1));
        assert_eq!(d.to_original(NormSpan::new(0, 0)), Span::new(0, 0));
        let d = doc(b"  \n\t\n");
        assert!(d.segments().is_empty());
        assert_eq!(d.line_count(), 3);
    }

    #[test]
    fn out_of_range_inputs_do_not_panic() {
        let d = doc("é😀\r\n".as_bytes());
        assert_eq!(d.to_original(NormSpan::new(50, 60)), Span::new(8, 8));
        assert_eq!(d.to_original(NormSpan { start: 5, end: 1 }), Span::new(2, 2));
        assert_eq!(d.original_text(Span { start: 9, end: 2 }), "");
        assert_eq!(d.original_text(Span::new(1, 3)), "\u{FFFD}\u{FFFD}");
        assert_eq!(d.line_text(0), "");
        assert_eq!(d.line_text(9), "");
        assert_eq!(d.line_start(0), 0);
        let d = doc(b"caf\xe9");
        assert_eq!(d.original_text(Span::new(2, 99)), "fé");
    }

    #[test]
    fn from_str_keeps_nul_and_bom() {
        let d = Document::from_str("-", "\u{feff}a\0b");
        assert_eq!(d.name(), "-");
        assert_eq!(d.encoding(), Encoding::Utf8Bom);
        assert_eq!(d.text(), "a\0b");
        assert_eq!(d.original().len(), 6);
    }

    #[test]
    fn astral_positions() {
        let d = Document::from_str("t", "😀😀x");
        assert_eq!(d.position(4), pos(1, 2, 3));
        assert_eq!(d.position(8), pos(1, 3, 5));
        assert_eq!(d.position(9), pos(1, 4, 6));
    }
}
