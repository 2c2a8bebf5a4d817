//! Segments: the stretches of a document's normalized text that checks read.
//!
//! Plain text is cut into paragraphs; other formats (Markdown, PO, XLIFF…) will get their
//! own segment functions beside [`plain_segments`].

use unicode_normalization::char::is_combining_mark;

use crate::span::NormSpan;

/// A stretch of the normalized text to check, with its kind and, for formats with
/// translation units, the unit it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    /// Where the segment is in the normalized text.
    pub span: NormSpan,
    /// What the segment is.
    pub kind: SegmentKind,
    /// Index of its unit in [`crate::Document::units`], for formats that have units.
    pub unit: Option<usize>,
}

/// What a segment is, which tells checks what to expect in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SegmentKind {
    /// A paragraph of prose.
    Plain,
    /// A heading or title.
    Heading,
    /// A table cell or other short label.
    Label,
    /// A subtitle cue.
    Cue,
}

/// Cuts plain text into paragraphs separated by blank (whitespace-only) lines.
///
/// Each span starts at the first byte of the paragraph's first line and ends before the
/// terminator of its last line; blank lines and line terminators around it are excluded.
pub fn plain_segments(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut line_start = 0;
    loop {
        let (content_end, next_start) = match text.get(line_start..).and_then(|r| r.find('\n')) {
            Some(rel) => {
                let nl = line_start + rel;
                let end = if nl > line_start && text.as_bytes().get(nl - 1) == Some(&b'\r') { nl - 1 } else { nl };
                (end, Some(nl + 1))
            }
            None => (text.len(), None),
        };
        let content = text.get(line_start..content_end).unwrap_or("");
        if content.trim().is_empty() {
            if let Some((start, end)) = current.take() {
                segments.push(plain(start, end));
            }
        } else {
            let start = current.map_or(line_start, |(start, _)| start);
            current = Some((start, content_end));
        }
        match next_start {
            Some(next) => line_start = next,
            None => break,
        }
    }
    if let Some((start, end)) = current {
        segments.push(plain(start, end));
    }
    segments
}

/// A plain segment over `start..end`.
fn plain(start: usize, end: usize) -> Segment {
    Segment { span: NormSpan::new(start, end), kind: SegmentKind::Plain, unit: None }
}

/// Whether `c` joins two parts of a word when it stands between letters or digits:
/// apostrophes (`'`, `’`) and hyphens (`-`, U+2010, U+2011, soft hyphen).
fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '\u{AD}')
}

/// Counts words in `text`: runs of letters and digits (with their combining marks); an
/// apostrophe or hyphen between two letters or digits does not split a word.
pub fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut pending_joiner = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word || pending_joiner {
                if !in_word {
                    count += 1;
                }
                in_word = true;
            }
            pending_joiner = false;
        } else if in_word && !pending_joiner && is_combining_mark(c) {
            // A mark that did not compose still belongs to the letter before it.
        } else if in_word && !pending_joiner && is_word_joiner(c) {
            pending_joiner = true;
        } else {
            in_word = false;
            pending_joiner = false;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        plain_segments(text).iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn empty_and_blank_documents_have_no_segments() {
        assert!(plain_segments("").is_empty());
        assert!(plain_segments(" \n\t\r\n\u{a0}\n").is_empty());
    }

    #[test]
    fn paragraphs() {
        let text = "\n\nUn.\r\nDeux.\r\n  \r\nTrois\n\n\n  quatre  \n";
        assert_eq!(spans(text), vec!["Un.\r\nDeux.", "Trois", "  quatre  "]);
        let segs = plain_segments(text);
        assert_eq!(segs[0].span, NormSpan::new(2, 12));
        assert_eq!(segs[0].kind, SegmentKind::Plain);
        assert_eq!(segs[0].unit, None);
    }

    #[test]
    fn single_line_without_terminator() {
        assert_eq!(spans("Bonjour"), vec!["Bonjour"]);
        assert_eq!(spans("Bonjour\r"), vec!["Bonjour\r"]);
    }

    #[test]
    fn words() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("l’homme est peut-être là, aujourd'hui."), 5);
        assert_eq!(count_words("a - b -- c -d e-"), 5);
        assert_eq!(count_words("3,14 et 42"), 4);
        assert_eq!(count_words("q\u{301}q\u{301} мир 😀 x"), 3);
        assert_eq!(count_words("''a''"), 1);
        assert_eq!(count_words("a'-b"), 2);
    }
}
