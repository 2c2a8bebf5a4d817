//! Case- and apostrophe-folded text with a map back to the original offsets, so that one
//! Aho-Corasick automaton over folded needles finds names however they are capitalized.

/// Text folded for matching, with each folded byte's offset in the original.
pub(crate) struct Folded {
    /// Lowercase text; `’` folded to `'`, no-break spaces to spaces.
    pub(crate) text: String,
    /// For each byte of `text` (and one past the end), the original byte offset.
    map: Vec<u32>,
}

/// Folds one character into `out`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    match c {
        '’' | 'ʼ' => out.push('\''),
        '\u{a0}' | '\u{202f}' | '\u{2007}' => out.push(' '),
        '–' | '—' | '‑' => out.push('-'),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

/// Folds a needle the same way as the text it is searched in.
pub(crate) fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// A lowercase letter without its accent (é → e, ç → c); anything else unchanged.
pub(crate) fn base_letter(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        c => c,
    }
}

/// Folds a word as [`fold_str`] does, and drops its accents (for lookups across spellings).
pub(crate) fn fold_plain(text: &str) -> String {
    fold_str(text).chars().map(base_letter).collect()
}

impl Folded {
    /// Folds `text`.
    pub(crate) fn new(text: &str) -> Folded {
        let mut folded = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            let before = folded.len();
            fold_char(c, &mut folded);
            map.extend(std::iter::repeat_n(i as u32, folded.len() - before));
        }
        map.push(text.len() as u32);
        Folded { text: folded, map }
    }

    /// The original offset of a folded start offset.
    pub(crate) fn start(&self, folded: usize) -> usize {
        self.map.get(folded).map_or(0, |&o| o as usize)
    }

    /// The original offset of a folded end offset (the end of the character it follows).
    pub(crate) fn end(&self, folded: usize, original: &str) -> usize {
        if folded >= self.text.len() {
            return original.len();
        }
        let o = self.map[folded] as usize;
        // Inside one original character that folded into several bytes: move past it.
        if folded > 0 && self.map[folded - 1] as usize == o {
            o + original[o..].chars().next().map_or(0, char::len_utf8)
        } else {
            o
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_folded_offsets_back() {
        let text = "L’Alliance\u{a0}Atlantique";
        let f = Folded::new(text);
        assert_eq!(f.text, "l'alliance atlantique");
        let at = f.text.find("alliance atlantique").unwrap();
        let (s, e) = (f.start(at), f.end(at + "alliance atlantique".len(), text));
        assert_eq!(&text[s..e], "Alliance\u{a0}Atlantique");
        assert_eq!(fold_str("Conseil Russie–OTAN"), "conseil russie-otan");
    }
}
