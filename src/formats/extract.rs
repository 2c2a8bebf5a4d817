//! The text a format reader extracts from a file, and the map from its offsets back to the
//! file's decoded text.
//!
//! The extracted text is built from pieces: runs copied verbatim from the file (offsets
//! shift by a constant), escapes decoded to fewer or more bytes (`\"`, `&amp;`: mapped as a
//! whole), and synthetic text the file does not contain (the blank line between two units:
//! mapped to a point).

use std::ops::Range;

/// How a piece of the extracted text relates to the decoded file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    /// Copied byte for byte.
    Verbatim,
    /// Decoded from an escape or entity: maps as a whole.
    Escape,
}

/// One stretch of the extracted text and the stretch of the decoded text it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text_start: usize,
    text_end: usize,
    decoded_start: usize,
    decoded_end: usize,
    kind: PieceKind,
}

/// Map from offsets in an extracted text to offsets in the decoded file text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractMap {
    /// In text order, not overlapping; gaps between pieces are synthetic text.
    pieces: Vec<Piece>,
}

impl ExtractMap {
    /// The decoded offset of extracted offset `t`. Inside an escape, its start, or its end
    /// when `round_up`; inside synthetic text, the end of the piece before it, or the start
    /// of the piece after it when `round_up`.
    pub fn to_decoded(&self, t: usize, round_up: bool) -> usize {
        let idx = self.pieces.partition_point(|p| p.text_start <= t);
        let Some(p) = idx.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            // Synthetic text before the first piece.
            return self.pieces.first().map_or(0, |p| p.decoded_start);
        };
        if t < p.text_end {
            // An end that falls where a piece starts ends the piece before it, if that one
            // ends there too: `lien` in `[lien](url) et` ends before `](url)`.
            if round_up
                && t == p.text_start
                && let Some(prev) = idx.checked_sub(2).and_then(|i| self.pieces.get(i))
                && prev.text_end == t
            {
                return prev.decoded_end;
            }
            return match p.kind {
                PieceKind::Verbatim => p.decoded_start + (t - p.text_start),
                PieceKind::Escape if t > p.text_start && round_up => p.decoded_end,
                PieceKind::Escape => p.decoded_start,
            };
        }
        // At the end of `p`, or in the synthetic text after it.
        match self.pieces.get(idx) {
            Some(next) if round_up && t > p.text_end => next.decoded_start,
            _ => p.decoded_end,
        }
    }
}

impl ExtractMap {
    /// The extracted offset of decoded offset `d` (readers move forward through the file, so
    /// pieces are in decoded order too): inside an escape, its start; in bytes the reader
    /// skipped (markup), the end of the piece before.
    pub fn to_extracted(&self, d: usize) -> usize {
        let idx = self.pieces.partition_point(|p| p.decoded_start <= d);
        let Some(p) = idx.checked_sub(1).and_then(|i| self.pieces.get(i)) else {
            return 0;
        };
        match p.kind {
            PieceKind::Verbatim if d < p.decoded_end => p.text_start + (d - p.decoded_start),
            PieceKind::Escape if d < p.decoded_end => p.text_start,
            _ => p.text_end,
        }
    }
}

/// Builds an extracted text and its map, piece by piece, in text order.
#[derive(Debug, Default)]
pub struct ExtractBuilder {
    text: String,
    map: ExtractMap,
}

impl ExtractBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        ExtractBuilder::default()
    }

    /// The text extracted so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Current length of the extracted text (the offset the next piece starts at).
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether nothing was extracted yet.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends `text`, which the file holds verbatim at decoded offset `decoded_start`.
    pub fn verbatim(&mut self, decoded_start: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let text_start = self.text.len();
        self.text.push_str(text);
        let piece = Piece {
            text_start,
            text_end: self.text.len(),
            decoded_start,
            decoded_end: decoded_start + text.len(),
            kind: PieceKind::Verbatim,
        };
        // Merge with a verbatim piece that ends exactly here, to keep the map small.
        if let Some(last) = self.map.pieces.last_mut()
            && last.kind == PieceKind::Verbatim
            && last.text_end == text_start
            && last.decoded_end == decoded_start
        {
            last.text_end = piece.text_end;
            last.decoded_end = piece.decoded_end;
            return;
        }
        self.map.pieces.push(piece);
    }

    /// Appends `text`, decoded from the escape or entity at `decoded` in the file.
    pub fn escape(&mut self, decoded: Range<usize>, text: &str) {
        if text.is_empty() {
            return;
        }
        let text_start = self.text.len();
        self.text.push_str(text);
        self.map.pieces.push(Piece {
            text_start,
            text_end: self.text.len(),
            decoded_start: decoded.start,
            decoded_end: decoded.end,
            kind: PieceKind::Escape,
        });
    }

    /// Appends `text` that the file does not hold (a separator between units).
    pub fn synthetic(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Appends the unit separator (a blank line) unless the text is empty or already ends
    /// with one.
    pub fn separate(&mut self) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let sep = if self.text.ends_with('\n') { "\n" } else { "\n\n" };
        self.text.push_str(sep);
    }

    /// The text and its map.
    pub fn finish(self) -> (String, ExtractMap) {
        (self.text, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_escape_and_synthetic_pieces_map_back() {
        // File: `msgstr "Il a dit \"oui\"."` — the text starts at decoded offset 8.
        let mut b = ExtractBuilder::new();
        b.verbatim(8, "Il a dit ");
        b.escape(17..19, "\"");
        b.verbatim(19, "oui");
        b.escape(22..24, "\"");
        b.verbatim(24, ".");
        b.separate();
        b.verbatim(40, "Suite");
        let (text, map) = b.finish();
        assert_eq!(text, "Il a dit \"oui\".\n\nSuite");
        assert_eq!(map.to_decoded(0, false), 8);
        assert_eq!(map.to_decoded(9, false), 17);
        assert_eq!(map.to_decoded(10, true), 19);
        assert_eq!(map.to_decoded(10, false), 19);
        assert_eq!(map.to_decoded(13, true), 22);
        assert_eq!(map.to_decoded(14, true), 24);
        assert_eq!(map.to_decoded(15, false), 25);
        // Inside the separator: end of the piece before, start of the piece after.
        assert_eq!(map.to_decoded(16, false), 25);
        assert_eq!(map.to_decoded(16, true), 40);
        assert_eq!(map.to_decoded(17, false), 40);
        assert_eq!(map.to_decoded(22, true), 45);
    }

    #[test]
    fn an_end_between_two_distant_pieces_ends_the_first() {
        // File: `[lien](url) et`: the text `lien et`.
        let mut b = ExtractBuilder::new();
        b.verbatim(1, "lien");
        b.verbatim(11, " et");
        let (text, map) = b.finish();
        assert_eq!(text, "lien et");
        assert_eq!(map.to_decoded(4, true), 5);
        assert_eq!(map.to_decoded(4, false), 11);
    }
}
