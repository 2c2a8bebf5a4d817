//! Words of a document with their spans, for the kinds that reason about names and acronyms.

use crate::document::Document;
use crate::span::NormSpan;

/// One word: a maximal run of letters and digits (hyphens and apostrophes split words).
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// The word as written.
    pub(crate) text: &'t str,
    /// Where it is in the normalized text.
    pub(crate) span: NormSpan,
    /// Index of its segment.
    pub(crate) segment: usize,
    /// Whether punctuation (not a hyphen or apostrophe) separates it from the previous word.
    pub(crate) after_break: bool,
    /// Whether it opens a sentence (or a segment).
    pub(crate) sentence_start: bool,
    /// The character just before it, if any.
    pub(crate) joined_by: Option<char>,
}

impl Word<'_> {
    /// Whether the first letter is uppercase.
    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether it is written in capitals only (at least two letters).
    pub(crate) fn is_all_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && self.text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    }
}

/// Every word of the document's segments, in order.
pub(crate) fn words(document: &Document) -> Vec<Word<'_>> {
    let text = document.text();
    let mut out = Vec::new();
    for (index, segment) in document.segments().iter().enumerate() {
        let base = segment.span.start;
        let seg = &text[segment.span.range()];
        let mut after_break = true;
        let mut sentence_start = true;
        let mut joined_by = None;
        let mut start: Option<usize> = None;
        for (i, c) in seg.char_indices().chain(std::iter::once((seg.len(), ' '))) {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
            if let Some(s) = start.take() {
                out.push(Word {
                    text: &seg[s..i],
                    span: NormSpan::new(base + s, base + i),
                    segment: index,
                    after_break,
                    sentence_start,
                    joined_by,
                });
                after_break = false;
                sentence_start = false;
                joined_by = None;
            }
            match c {
                '.' | '!' | '?' | '…' | ':' => {
                    after_break = true;
                    if c != ':' {
                        sentence_start = true;
                    }
                }
                ',' | ';' | '(' | ')' | '[' | ']' | '«' | '»' | '"' | '“' | '”' | '/' => after_break = true,
                c if c.is_whitespace() => {}
                c => joined_by = Some(c),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_marks_breaks() {
        let doc = Document::from_str("-", "Le Conseil Russie-OTAN (RNC). L’Alliance");
        let w = words(&doc);
        let texts: Vec<&str> = w.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Le", "Conseil", "Russie", "OTAN", "RNC", "L", "Alliance"]);
        assert!(w[0].sentence_start && !w[1].sentence_start);
        assert!(!w[3].after_break && w[3].joined_by == Some('-'));
        assert!(w[4].after_break);
        assert!(w[5].sentence_start);
        assert!(w[3].is_all_caps() && !w[1].is_all_caps());
    }
}
