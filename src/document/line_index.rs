//! Line starts of the decoded text, and offset → line/column conversion.
//!
//! A line ends at `"\n"` (a `"\r\n"` pair is one terminator; a lone `"\r"` is not a
//! terminator). A text with n line feeds has n + 1 lines; the empty text has one line.

/// A place in a document as editors show it; all numbers are 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line number.
    pub line: usize,
    /// Column in Unicode scalar values (characters) from the start of the line.
    pub column: usize,
    /// Column in UTF-16 code units (what LSP clients and many editors count).
    pub utf16_column: usize,
}

/// Byte offsets where each line of a text starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LineIndex {
    /// Offset of each line's first byte; the first is always 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub(super) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// Number of lines (at least 1).
    pub(super) fn count(&self) -> usize {
        self.starts.len()
    }

    /// Offset where 1-based `line` starts, if there is such a line.
    pub(super) fn start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1).and_then(|i| self.starts.get(i)).copied()
    }

    /// The 1-based line holding offset `offset` (the last line for offsets past the end).
    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The text of 1-based `line` without its terminator (`""` for no such line).
    pub(super) fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let Some(start) = self.start(line) else {
            return "";
        };
        let end = match self.start(line + 1) {
            // The next line starts after a "\n"; drop it and a "\r" before it.
            Some(next) => {
                let end = next.saturating_sub(1);
                if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end }
            }
            None => text.len(),
        };
        text.get(start..end).unwrap_or("")
    }

    /// The position of `offset` in `text` (clamped to the text, floored to a character).
    pub(super) fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.start(line).unwrap_or(0).min(offset);
        let before = text.get(start..offset).unwrap_or("");
        Position { line, column: before.chars().count() + 1, utf16_column: before.encode_utf16().count() + 1 }
    }
}

/// The largest character boundary of `s` at or before `i` (`s.len()` past the end).
pub(super) fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `s` at or after `i` (`s.len()` past the end).
pub(super) fn ceil_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, column: usize, utf16_column: usize) -> Position {
        Position { line, column, utf16_column }
    }

    #[test]
    fn empty_text_has_one_line() {
        let idx = LineIndex::new("");
        assert_eq!(idx.count(), 1);
        assert_eq!(idx.line_text("", 1), "");
        assert_eq!(idx.position("", 0), pos(1, 1, 1));
        assert_eq!(idx.position("", 5), pos(1, 1, 1));
    }

    #[test]
    fn lf_crlf_and_lone_cr() {
        let text = "ab\r\ncd\ref\n\ngh\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.count(), 5);
        assert_eq!(idx.line_text(text, 1), "ab");
        assert_eq!(idx.line_text(text, 2), "cd\ref");
        assert_eq!(idx.line_text(text, 3), "");
        assert_eq!(idx.line_text(text, 4), "gh");
        assert_eq!(idx.line_text(text, 5), "");
        assert_eq!(idx.line_text(text, 0), "");
        assert_eq!(idx.line_text(text, 6), "");
        assert_eq!(idx.start(2), Some(4));
        assert_eq!(idx.start(6), None);
        assert_eq!(idx.position(text, 2), pos(1, 3, 3));
        assert_eq!(idx.position(text, 3), pos(1, 4, 4));
        assert_eq!(idx.position(text, 4), pos(2, 1, 1));
        assert_eq!(idx.position(text, 7), pos(2, 4, 4));
        assert_eq!(idx.position(text, text.len()), pos(5, 1, 1));
    }

    #[test]
    fn crlf_only_line() {
        let text = "\r\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_text(text, 1), "");
        assert_eq!(idx.line_text(text, 2), "");
    }

    #[test]
    fn multibyte_and_astral_columns() {
        let text = "é😀x\nя";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), pos(1, 1, 1));
        assert_eq!(idx.position(text, 2), pos(1, 2, 2));
        // After the emoji: one more character, two more UTF-16 units.
        assert_eq!(idx.position(text, 6), pos(1, 3, 4));
        assert_eq!(idx.position(text, 7), pos(1, 4, 5));
        assert_eq!(idx.position(text, 8), pos(2, 1, 1));
        assert_eq!(idx.position(text, 10), pos(2, 2, 2));
        // Inside the emoji: floored to its start.
        assert_eq!(idx.position(text, 4), pos(1, 2, 2));
    }

    #[test]
    fn char_boundaries() {
        let s = "a😀b";
        assert_eq!(floor_char_boundary(s, 3), 1);
        assert_eq!(ceil_char_boundary(s, 3), 5);
        assert_eq!(floor_char_boundary(s, 99), 6);
        assert_eq!(ceil_char_boundary(s, 99), 6);
        assert_eq!(ceil_char_boundary(s, 1), 1);
    }
}
