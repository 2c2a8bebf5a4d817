//! A document: a file's bytes, their decoded and normalized text, and the maps between them.
//!
//! Four texts, two coordinate systems:
//! - the **original** bytes, as read; [`Span`]s and [`Position`]s refer to them;
//! - the **decoded** text (BOM removed, CRLF kept), which lines and columns count in;
//! - the **extracted** text: for formats with markup or escapes (Markdown, PO, XLIFF…),
//!   the prose their reader pulled out; for plain text, the decoded text itself;
//! - the **normalized** text (NFC of the extracted text), which checks read and which
//!   [`NormSpan`]s refer to.
//!
//! [`Document::to_original`] turns a [`NormSpan`] into a [`Span`] through the maps.

mod decode;
mod line_index;
mod normalize;
mod segment;

use std::borrow::Cow;
use std::ops::Range;

pub use decode::{DecodeError, Encoding};
pub use line_index::Position;
pub use segment::{Segment, SegmentKind, count_words, plain_segments};

use crate::formats::{self, Directive, ExtractMap, Extraction, FormatError, InputFormat, ReadOptions, UnitKind};
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
    format: InputFormat,
    storage: Storage,
    encoding: Encoding,
    legacy_offset: Option<usize>,
    decode_map: DecodeMap,
    /// The extracted prose and its map to the decoded text, or `None` for plain text.
    extracted: Option<(String, ExtractMap)>,
    /// The NFC text, or `None` when it equals the extracted text.
    normalized: Option<String>,
    norm_map: NormMap,
    lines: LineIndex,
    segments: Vec<Segment>,
    units: Vec<Unit>,
    directives: Vec<Directive>,
    origin: Origin,
    word_count: usize,
}

/// Where a document starts in a larger file (a JSON Lines record): added to every span
/// and position it gives, and taken off every one it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Origin {
    /// Byte offset of the document's first byte in the file.
    pub byte: usize,
    /// Number of lines before it in the file.
    pub line: usize,
}

/// A translation unit of a document (a PO message, an XLIFF target, a cue, a record),
/// located in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Where the unit's prose is in the normalized text.
    pub span: NormSpan,
    /// What it is.
    pub kind: SegmentKind,
    /// The source-language text it translates, when the format carries one.
    pub source: Option<String>,
    /// The identifier people can find it by.
    pub id: Option<String>,
    /// Inline codes the target holds outside its prose (XLIFF).
    pub codes: Vec<String>,
    /// Inline codes of the source.
    pub source_codes: Vec<String>,
}

/// Why a file could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The bytes are not text.
    Decode(DecodeError),
    /// The text is not valid in its format.
    Format {
        /// What the reader said.
        error: FormatError,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Decode(e) => e.fmt(f),
            ReadError::Format { error, line, column } => write!(f, "line {line}, column {column}: {error}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<DecodeError> for ReadError {
    fn from(e: DecodeError) -> Self {
        ReadError::Decode(e)
    }
}

impl Document {
    /// Decodes, normalizes and segments a plain-text file; fails on binary or undecodable bytes.
    pub fn from_source(source: Source) -> Result<Document, DecodeError> {
        let decoded = decode::decode(source.bytes)?;
        Ok(Document::build(source.name, decoded, InputFormat::Plain, None))
    }

    /// Decodes a file and reads it as `format` (JSON Lines files are read record by record
    /// with [`Document::from_record`]; given whole here, they are read as plain text).
    pub fn read(source: Source, format: InputFormat, options: &ReadOptions) -> Result<Document, ReadError> {
        let decoded = decode::decode(source.bytes)?;
        match formats::extract(format, decoded.storage.decoded(), options) {
            None => Ok(Document::build(source.name, decoded, InputFormat::Plain, None)),
            Some(Ok(extraction)) => Ok(Document::build(source.name, decoded, format, Some(extraction))),
            Some(Err(error)) => {
                let lines = LineIndex::new(decoded.storage.decoded());
                let offset = floor_char_boundary(decoded.storage.decoded(), error.offset);
                let position = lines.position(decoded.storage.decoded(), offset);
                Err(ReadError::Format { error, line: position.line, column: position.column })
            }
        }
    }

    /// One JSON Lines record: `line` (without its terminator) is line `origin.line + 1` of
    /// the file `name` and starts at byte `origin.byte`.
    pub fn from_record(
        name: &str,
        line: String,
        origin: Origin,
        fields: &formats::jsonl::Fields,
    ) -> Result<Document, ReadError> {
        let extraction = formats::jsonl::read_record(&line, fields).map_err(|error| {
            let column = line.get(..error.offset.min(line.len())).map_or(1, |s| s.chars().count() + 1);
            ReadError::Format { error, line: origin.line + 1, column }
        })?;
        let mut document =
            Document::build(name.to_owned(), decode::from_utf8(line), InputFormat::Jsonl, Some(extraction));
        document.origin = origin;
        Ok(document)
    }

    /// A document from UTF-8 text (a leading U+FEFF counts as a BOM); for tests and tools.
    pub fn from_str(name: &str, text: &str) -> Document {
        Document::build(name.to_owned(), decode::from_utf8(text.to_owned()), InputFormat::Plain, None)
    }

    /// A document from UTF-8 text read as `format`; for tests and tools.
    pub fn from_str_as(name: &str, text: &str, format: InputFormat) -> Result<Document, ReadError> {
        let source = Source { name: name.to_owned(), bytes: text.as_bytes().to_vec() };
        Document::read(source, format, &ReadOptions::default())
    }

    fn build(name: String, decoded: Decoded, format: InputFormat, extraction: Option<Extraction>) -> Document {
        let Decoded { storage, encoding, legacy_offset, map } = decoded;
        let lines = LineIndex::new(storage.decoded());
        let (extracted, format_units, directives) = match extraction {
            Some(Extraction { text, map, units, directives }) => (Some((text, map)), units, directives),
            None => (None, Vec::new(), Vec::new()),
        };
        let checked = extracted.as_ref().map_or(storage.decoded(), |(text, _)| text.as_str());
        let (normalized, norm_map) = normalize::normalize(checked);
        let text = normalized.as_deref().unwrap_or(checked);
        let (segments, units) = if extracted.is_none() {
            (plain_segments(text), Vec::new())
        } else {
            unit_segments(text, &norm_map, format_units)
        };
        let word_count = segments.iter().map(|s| text.get(s.span.range()).map_or(0, count_words)).sum();
        Document {
            name,
            format,
            storage,
            encoding,
            legacy_offset,
            decode_map: map,
            extracted,
            normalized,
            norm_map,
            lines,
            segments,
            units,
            directives,
            origin: Origin::default(),
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
        self.normalized.as_deref().unwrap_or_else(|| self.extracted_text())
    }

    /// The text the format reader extracted (the decoded text for plain text), before NFC.
    fn extracted_text(&self) -> &str {
        self.extracted.as_ref().map_or_else(|| self.storage.decoded(), |(text, _)| text.as_str())
    }

    /// Whether the checked text needed no normalization (it was NFC as written).
    pub fn is_nfc(&self) -> bool {
        self.normalized.is_none()
    }

    /// The format the document was read as.
    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// The translation units, for formats that have them (empty for plain text).
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The suppression comments the format reader found, in decoded offsets.
    pub fn directives(&self) -> &[Directive] {
        &self.directives
    }

    /// Where the document starts in its file (non-zero for JSON Lines records).
    pub fn origin(&self) -> Origin {
        self.origin
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
        let mut decoded_start = self.norm_map.to_decoded(start, false);
        let mut decoded_end = self.norm_map.to_decoded(end, true).max(decoded_start);
        if let Some((_, map)) = &self.extracted {
            decoded_start = map.to_decoded(decoded_start, false);
            decoded_end = map.to_decoded(decoded_end, true).max(decoded_start);
        }
        let original_start = self.decode_map.to_original(decoded_start, false);
        let original_end = self.decode_map.to_original(decoded_end, true).max(original_start);
        Span::new(original_start + self.origin.byte, original_end + self.origin.byte)
    }

    /// The text of a span of the original bytes: for UTF-8 files exactly those bytes (any
    /// broken sequence at the edges shown as U+FFFD); for other encodings the decoded text
    /// of the characters the span touches. Spans past the end are clamped.
    pub fn original_text(&self, span: Span) -> Cow<'_, str> {
        let span = self.local(span);
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
        let decoded = self.decode_map.to_decoded(offset.saturating_sub(self.origin.byte), false);
        let mut position = self.lines.position(self.storage.decoded(), decoded);
        position.line += self.origin.line;
        position
    }

    /// A stretch of the decoded text as a span of the file (for format readers' offsets).
    pub fn decoded_to_original(&self, range: Range<usize>) -> Span {
        let start = self.decode_map.to_original(range.start, false);
        let end = self.decode_map.to_original(range.end.max(range.start), true).max(start);
        Span::new(start + self.origin.byte, end + self.origin.byte)
    }

    /// Where a span of the file falls in the extracted text (the decoded text for plain
    /// text), in characters: the offsets a program holding that text (a JSON Lines field,
    /// a PO string with escapes decoded) would index it by.
    pub fn extracted_chars(&self, span: Span) -> Range<usize> {
        let span = self.local(span);
        let mut start = self.decode_map.to_decoded(span.start, false);
        let mut end = self.decode_map.to_decoded(span.end, true).max(start);
        if let Some((_, map)) = &self.extracted {
            start = map.to_extracted(start);
            end = map.to_extracted(end).max(start);
        }
        let text = self.extracted_text();
        let chars =
            |o: usize| text.get(..floor_char_boundary(text, o.min(text.len()))).map_or(0, |t| t.chars().count());
        chars(start)..chars(end)
    }

    /// A span of the file as a span of this document's own bytes.
    fn local(&self, span: Span) -> Span {
        let start = span.start.saturating_sub(self.origin.byte);
        Span::new(start, span.end.saturating_sub(self.origin.byte).max(start))
    }

    /// The position in the original file of an offset in the normalized text.
    pub fn norm_position(&self, offset: usize) -> Position {
        self.position(self.to_original(NormSpan::new(offset, offset)).start)
    }

    /// Number of the last line: line feeds plus one (an empty file has one line), plus the
    /// lines before the document in its file.
    pub fn line_count(&self) -> usize {
        self.lines.count() + self.origin.line
    }

    /// The decoded text of 1-based `line`, without its `"\n"` or `"\r\n"` (`""` if there is
    /// no such line).
    pub fn line_text(&self, line: usize) -> &str {
        match line.checked_sub(self.origin.line) {
            Some(line) if line > 0 => self.lines.line_text(self.storage.decoded(), line),
            _ => "",
        }
    }

    /// The original byte offset of the first byte of 1-based `line`'s text (after the BOM
    /// for line 1); line 0 counts as line 1, lines past the last give the file length.
    pub fn line_start(&self, line: usize) -> usize {
        let local = line.saturating_sub(self.origin.line).max(1);
        let offset = match self.lines.start(local) {
            Some(decoded) => self.decode_map.to_original(decoded, false),
            None => self.storage.original().len(),
        };
        offset + self.origin.byte
    }

    /// The segments of the normalized text that checks read, in text order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Groups plain-text segments into units with a source text (a `--source` file aligned
    /// paragraph by paragraph): each entry names a range of segment indices and the source
    /// paragraphs they translate. Replaces any units the document had; ranges past the
    /// segments are clamped, empty ones skipped.
    pub fn set_sources(&mut self, groups: Vec<(Range<usize>, String)>) {
        self.units.clear();
        for segment in &mut self.segments {
            segment.unit = None;
        }
        for (range, source) in groups {
            let end = range.end.min(self.segments.len());
            let (Some(first), Some(last)) =
                (self.segments.get(range.start), end.checked_sub(1).and_then(|i| self.segments.get(i)))
            else {
                continue;
            };
            if range.start >= end {
                continue;
            }
            let span = NormSpan::new(first.span.start, last.span.end);
            let kind = first.kind;
            let index = self.units.len();
            for segment in self.segments.get_mut(range.start..end).unwrap_or_default() {
                segment.unit = Some(index);
            }
            self.units.push(Unit {
                span,
                kind,
                source: Some(source),
                id: None,
                codes: Vec::new(),
                source_codes: Vec::new(),
            });
        }
    }

    /// Number of words in the segments (see [`count_words`]).
    pub fn word_count(&self) -> usize {
        self.word_count
    }
}

/// The segments of an extracted text: each unit's paragraphs, tagged with the unit; and
/// the units located in the normalized text.
fn unit_segments(text: &str, norm_map: &NormMap, units: Vec<formats::Unit>) -> (Vec<Segment>, Vec<Unit>) {
    let mut segments = Vec::new();
    let mut located = Vec::with_capacity(units.len());
    for (index, unit) in units.into_iter().enumerate() {
        let start = norm_map.to_norm(unit.range.start, false).min(text.len());
        let end = norm_map.to_norm(unit.range.end, true).clamp(start, text.len());
        let kind = match unit.kind {
            UnitKind::Prose => SegmentKind::Plain,
            UnitKind::Heading => SegmentKind::Heading,
            UnitKind::Label => SegmentKind::Label,
            UnitKind::Cue => SegmentKind::Cue,
        };
        if let Some(body) = text.get(start..end) {
            for mut segment in plain_segments(body) {
                segment.span = NormSpan::new(segment.span.start + start, segment.span.end + start);
                segment.kind = kind;
                segment.unit = Some(index);
                segments.push(segment);
            }
        }
        located.push(Unit {
            span: NormSpan::new(start, end),
            kind,
            source: unit.source,
            id: unit.id,
            codes: unit.codes,
            source_codes: unit.source_codes,
        });
    }
    (segments, located)
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
