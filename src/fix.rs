//! Applying edits to text: sorted, never overlapping, never inside a character.

use crate::diagnostic::Edit;

/// Why a set of edits could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Two edits touch the same bytes; merging them blindly could lose text.
    Overlap {
        /// The first edit's span start.
        first: usize,
        /// The second edit's span start.
        second: usize,
    },
    /// An edit points outside the text or inside a UTF-8 sequence.
    OutOfBounds {
        /// The offending span start.
        start: usize,
    },
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Overlap { first, second } => write!(f, "overlapping edits at bytes {first} and {second}"),
            EditError::OutOfBounds { start } => write!(f, "edit at byte {start} is outside the text"),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `edits` (in any order) to `text`; overlapping edits are refused.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut previous: Option<&Edit> = None;
    for edit in sorted {
        let (start, end) = (edit.span.start, edit.span.end);
        if end > text.len() || start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(EditError::OutOfBounds { start });
        }
        if let Some(prev) = previous {
            // Two insertions at one point, or a range reaching into the next, are ambiguous.
            if start < last || (start == prev.span.start && start == last) {
                return Err(EditError::Overlap { first: prev.span.start, second: start });
            }
        }
        out.push_str(&text[last..start]);
        out.push_str(&edit.replacement);
        last = end;
        previous = Some(edit);
    }
    out.push_str(&text[last..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn edit(start: usize, end: usize, r: &str) -> Edit {
        Edit { span: Span::new(start, end), replacement: r.to_owned() }
    }

    #[test]
    fn applies_sorted_edits() {
        let text = "le bloc et le RNC";
        let out = apply_edits(text, &[edit(14, 17, "COR"), edit(3, 7, "Alliance")]).unwrap();
        assert_eq!(out, "le Alliance et le COR");
    }

    #[test]
    fn refuses_overlaps_and_bad_offsets() {
        assert!(matches!(apply_edits("abcdef", &[edit(0, 3, "x"), edit(2, 4, "y")]), Err(EditError::Overlap { .. })));
        assert!(matches!(apply_edits("abc", &[edit(1, 1, "x"), edit(1, 1, "y")]), Err(EditError::Overlap { .. })));
        assert!(matches!(apply_edits("é", &[edit(1, 2, "x")]), Err(EditError::OutOfBounds { .. })));
        assert!(matches!(apply_edits("abc", &[edit(2, 9, "x")]), Err(EditError::OutOfBounds { .. })));
    }

    #[test]
    fn adjacent_edits_are_fine() {
        assert_eq!(apply_edits("abcd", &[edit(0, 2, "X"), edit(2, 4, "Y")]).unwrap(), "XY");
    }
}
