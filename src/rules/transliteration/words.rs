//! Cutting a segment into the words and sentences the name checks read.

use unicode_normalization::char::is_combining_mark;

/// A word of a segment: letters and digits, with hyphens between them (Rostov-on-Don);
/// apostrophes split words, so an elided article stays apart (d’Alexander).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    /// First byte, in the segment.
    pub(super) start: usize,
    /// One past the last byte.
    pub(super) end: usize,
    /// Index of its sentence in the segment.
    pub(super) sentence: usize,
}

/// Hyphens that join the parts of a compound name.
pub(super) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words of `text`, in order, with their sentence numbers. A sentence ends at `.`, `!`,
/// `?` or `…` followed by a space or the end; abbreviations split sentences too, which only
/// widens the context a little.
pub(super) fn words(text: &str) -> Vec<Word> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut k = 0;
    while k < chars.len() {
        let (pos, c) = chars[k];
        if !is_word_char(c) {
            let ends_sentence = matches!(c, '.' | '!' | '?' | '…')
                && chars.get(k + 1).is_none_or(|&(_, d)| d.is_whitespace() || matches!(d, '»' | '"' | '”' | ')'));
            if ends_sentence && out.last().is_some_and(|w: &Word| w.sentence == sentence) {
                sentence += 1;
            }
            k += 1;
            continue;
        }
        let mut j = k + 1;
        loop {
            match chars.get(j) {
                Some(&(_, d)) if is_word_char(d) => j += 1,
                Some(&(_, d)) if is_hyphen(d) && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphanumeric()) => j += 2,
                _ => break,
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
        out.push(Word { start: pos, end, sentence });
        k = j;
    }
    out
}

/// The hyphen-separated parts of `text` with their byte offsets in it.
pub(super) fn parts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_hyphen(c) {
            out.push((start, &text[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((start, &text[start..]));
    out
}

/// Whether the text between two words leaves them in one name: whitespace only (any amount,
/// line breaks included), after a full stop when the first is an abbreviation (`St.`).
pub(super) fn joins(gap: &str, after_dot: bool) -> bool {
    let rest = if after_dot {
        match gap.strip_prefix('.') {
            Some(rest) => rest,
            None => return false,
        }
    } else {
        gap
    };
    !rest.is_empty() && rest.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, usize)> {
        words(text).iter().map(|w| (&text[w.start..w.end], w.sentence)).collect()
    }

    #[test]
    fn words_hyphens_apostrophes_and_sentences() {
        assert_eq!(
            texts("Selon d’Alexander Grushko, Rostov-on-Don. Puis St. Petersburg !"),
            [
                ("Selon", 0),
                ("d", 0),
                ("Alexander", 0),
                ("Grushko", 0),
                ("Rostov-on-Don", 0),
                ("Puis", 1),
                ("St", 1),
                ("Petersburg", 2)
            ]
        );
        assert_eq!(parts("Rostov-on-Don"), [(0, "Rostov"), (7, "on"), (10, "Don")]);
        assert!(joins(" ", false) && joins("\u{a0}\n", false) && joins(". ", true));
        assert!(!joins(", ", false) && !joins("", false) && !joins(" ", true));
    }
}
