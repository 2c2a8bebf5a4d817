//! Phrase patterns: regexes with lemma macros, flexible spaces and apostrophes, matched on
//! French word boundaries, plus the literal anchors the prefilter looks for.

use std::collections::HashMap;

use regex_automata::util::captures::Captures;

use crate::rules::anchors::{MACRO_MARKS, fold_for_prefilter, required_literals};
use crate::rules::lazy_regex::LazyRegex;
use crate::rules::lemma::{self, Person, Slot};

/// The forms of one lemma macro, for finding the slot of a matched form.
#[derive(Debug, Clone)]
pub(crate) struct MacroForms {
    /// Each form with every slot it fills, most likely first.
    forms: HashMap<String, Vec<Slot>>,
}

/// Auxiliaries that make an ambiguous form a past participle (il a fait, elle est venue).
const AUXILIARIES: &[&str] = &[
    "a", "ai", "as", "avons", "avez", "ont", "avait", "avais", "avaient", "avions", "aviez", "aura", "aurai", "auras",
    "aurons", "aurez", "auront", "aurait", "aurais", "auraient", "eu", "ayant", "avoir", "est", "es", "suis", "sommes",
    "êtes", "sont", "était", "étais", "étaient", "été", "sera", "seront", "serait", "seraient", "être", "étant",
    "soit", "soient", "ait", "aient",
];

impl MacroForms {
    /// The slot of the first word of `matched` that is a form of this macro; `before` is the
    /// text before the match, whose last word tells a participle (a fait) from a verb (fait).
    pub(crate) fn slot_in(&self, before: &str, matched: &str) -> Option<Slot> {
        let mut previous = before.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).map(str::to_lowercase);
        for word in matched.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()) {
            let lower = word.to_lowercase();
            if let Some(slots) = self.forms.get(&lower) {
                let after_auxiliary = previous.as_deref().is_some_and(|p| AUXILIARIES.contains(&p));
                if after_auxiliary {
                    let participle = slots.iter().find(|s| matches!(s, Slot::PastParticiple { .. }));
                    return participle.or(slots.first()).copied();
                }
                // Prose is mostly in the third person: « questionne » is il questionne.
                let third = slots.iter().find(|s| matches!(s, Slot::Finite { person: Person::S3 | Person::P3, .. }));
                let other = slots.iter().find(|s| !matches!(s, Slot::PastParticiple { .. }));
                return third.or(other).or(slots.first()).copied();
            }
            previous = Some(lower);
        }
        None
    }
}

/// A compiled phrase pattern.
#[derive(Debug)]
pub(crate) struct Pattern {
    regex: LazyRegex,
    /// The first lemma macro of the pattern, if any.
    pub(crate) first_macro: Option<MacroForms>,
    /// Groups of literals (folded) of which every match contains one string each.
    pub(crate) anchors: Vec<Vec<String>>,
}

/// A pattern written as a regex.
pub(crate) struct Translation {
    /// The regex text.
    pub(crate) regex: String,
    /// The forms of each lemma macro met, in order.
    pub(crate) macros: Vec<Vec<(Slot, String)>>,
    /// Byte ranges of `regex` that spell out each macro's forms.
    macro_spans: Vec<std::ops::Range<usize>>,
}

impl Translation {
    /// The regex with each macro written as one mark character (see
    /// [`required_literals`]), or the regex itself if it already holds such characters.
    fn skeleton(&self) -> String {
        if self.regex.chars().any(|c| MACRO_MARKS.contains(&(c as u32))) {
            return self.regex.clone();
        }
        let mut out = String::with_capacity(self.regex.len());
        let mut last = 0;
        for (n, span) in self.macro_spans.iter().enumerate() {
            out.push_str(&self.regex[last..span.start]);
            out.extend(char::from_u32(MACRO_MARKS.start + n as u32));
            last = span.end;
        }
        out.push_str(&self.regex[last..]);
        out
    }

    /// The folded forms of each macro, as [`required_literals`] takes them.
    fn folded_macros(&self) -> Vec<Vec<String>> {
        self.macros.iter().map(|forms| forms.iter().map(|(_, f)| fold_for_prefilter(f)).collect()).collect()
    }
}

/// Expands `{lemma}` macros, spaces and apostrophes of `source` into a regex.
pub(crate) fn translate(source: &str) -> Result<Translation, String> {
    let mut out = String::with_capacity(source.len() * 2);
    let mut macros = Vec::new();
    let mut macro_spans = Vec::new();
    let mut chars = source.char_indices().peekable();
    let mut in_class = false;
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                out.push('\\');
                match chars.next() {
                    // `\p{L}`: a Unicode class, not a lemma macro.
                    Some((_, class @ ('p' | 'P'))) if matches!(chars.peek(), Some((_, '{'))) => {
                        out.push(class);
                        for (_, c) in chars.by_ref() {
                            out.push(c);
                            if c == '}' {
                                break;
                            }
                        }
                    }
                    Some((_, escaped)) => out.push(escaped),
                    None => return Err("pattern ends with a lone backslash".to_owned()),
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                // A `]` right after `[` or `[^` is a literal.
                if let Some(&(_, '^')) = chars.peek() {
                    out.push('^');
                    chars.next();
                }
                if let Some(&(_, ']')) = chars.peek() {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
            }
            '\'' | '’' if in_class => out.push_str("'’"),
            '\'' | '’' => out.push_str("['’]"),
            ' ' if in_class => out.push(' '),
            ' ' => {
                while let Some(&(_, ' ')) = chars.peek() {
                    chars.next();
                }
                out.push_str(r"\s+");
            }
            '{' if !in_class => match macro_body(&source[i + 1..]) {
                Some(body) => {
                    let expanded =
                        lemma::expand(body).ok_or_else(|| format!("cannot inflect lemma macro `{{{body}}}`"))?;
                    let mut forms: Vec<String> = expanded.iter().map(|(_, form)| form.replace('’', "'")).collect();
                    forms.sort();
                    forms.dedup();
                    let start = out.len();
                    out.push_str("(?:");
                    push_trie(&mut out, &forms.iter().map(String::as_str).collect::<Vec<_>>());
                    out.push(')');
                    macro_spans.push(start..out.len());
                    macros.push(expanded);
                    for _ in 0..body.chars().count() + 1 {
                        chars.next();
                    }
                }
                None => out.push('{'),
            },
            _ => out.push(c),
        }
    }
    Ok(Translation { regex: out, macros, macro_spans })
}

/// Writes sorted, distinct `words` as one alternation factored by common prefixes
/// (`prend(?:re|s|…)`): the regex compiles several times faster than a flat list, and matches
/// the same (where two words match at one place, the longer is tried first, as with a list
/// sorted longest first).
fn push_trie(out: &mut String, words: &[&str]) {
    let (has_empty, words) = match words.split_first() {
        Some((&"", rest)) => (true, rest),
        _ => (false, words),
    };
    if words.is_empty() {
        return;
    }
    if has_empty {
        out.push_str("(?:");
    }
    let mut branches = Vec::new();
    let mut rest = words;
    while let Some(first) = rest.first().and_then(|w| w.chars().next()) {
        let end = rest.iter().position(|w| !w.starts_with(first)).unwrap_or(rest.len());
        branches.push((first, &rest[..end]));
        rest = &rest[end..];
    }
    let grouped = branches.len() > 1;
    if grouped {
        out.push_str("(?:");
    }
    for (n, (first, group)) in branches.into_iter().enumerate() {
        if n > 0 {
            out.push('|');
        }
        match first {
            '\'' => out.push_str("['’]"),
            c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
        let tails: Vec<&str> = group.iter().map(|w| &w[first.len_utf8()..]).collect();
        push_trie(out, &tails);
    }
    if grouped {
        out.push(')');
    }
    if has_empty {
        out.push_str(")?");
    }
}

/// The body of a lemma macro starting right after a `{`, if `rest` starts with one.
fn macro_body(rest: &str) -> Option<&str> {
    let end = rest.find('}')?;
    let body = &rest[..end];
    let first = body.chars().next()?;
    (first.is_alphabetic() && body.chars().all(|c| c.is_alphabetic() || c == ':' || c == '-' || c == '\''))
        .then_some(body)
}

impl Pattern {
    /// Compiles `source`; errors say what is wrong with it.
    pub(crate) fn compile(source: &str, case_sensitive: bool, trusted: bool) -> Result<Pattern, String> {
        let translation = translate(source)?;
        let anchors = required_literals(&translation.skeleton(), &translation.folded_macros());
        let first_macro = translation.macros.into_iter().next().map(|forms| {
            let mut map: HashMap<String, Vec<Slot>> = HashMap::with_capacity(forms.len());
            for (slot, form) in forms {
                map.entry(form).or_default().push(slot);
            }
            MacroForms { forms: map }
        });
        let regex = LazyRegex::new(translation.regex, !case_sensitive, trusted)
            .map_err(|e| format!("invalid pattern `{source}`: {e}"))?;
        Ok(Pattern { regex, first_macro, anchors })
    }

    /// Compiles the regex now, for the test that checks every embedded pattern.
    pub(crate) fn force(&self) -> Result<(), String> {
        self.regex.force()
    }

    /// Compiles the regex now unless it is already.
    pub(crate) fn warm(&self) {
        self.regex.warm();
    }

    /// Whether the regex still has to be compiled.
    pub(crate) fn is_cold(&self) -> bool {
        !self.regex.is_compiled()
    }

    /// Every match in `text` that starts and ends on a word boundary, left to right.
    pub(crate) fn matches<'t>(&self, text: &'t str) -> Vec<PatternMatch<'t>> {
        let mut found = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(captures) = self.regex.captures_at(text, at) else { break };
            let Some(whole) = captures.get_match() else { break };
            let (start, end) = (whole.start(), whole.end());
            if start == end {
                at = next_char(text, start);
                continue;
            }
            if starts_word(text, start) && ends_word(text, end) {
                at = end;
                found.push(PatternMatch { text, captures, start, end });
            } else {
                at = next_char(text, start);
            }
        }
        found
    }
}

/// One match of a pattern, with its groups.
pub(crate) struct PatternMatch<'t> {
    text: &'t str,
    captures: Captures,
    /// Byte offset of the match in the text.
    pub(crate) start: usize,
    /// Byte offset just past the match.
    pub(crate) end: usize,
}

impl PatternMatch<'_> {
    /// The matched text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text[self.start..self.end]
    }

    /// Appends `template` to `out` with `$1`, `${1}` or `$name` replaced by the groups.
    pub(crate) fn expand(&self, template: &str, out: &mut String) {
        self.captures.interpolate_string_into(self.text, template, out);
    }
}

fn next_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Whether a match starting at `start` begins a word: not glued to a preceding letter, nor
/// joined to it by a hyphen. An elided article (`l’`) ends the word before.
pub(crate) fn starts_word(text: &str, start: usize) -> bool {
    if !text[start..].chars().next().is_some_and(char::is_alphanumeric) {
        return true;
    }
    let mut before = text[..start].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('-') => !before.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// Whether a match ending at `end` ends a word (see [`starts_word`]).
pub(crate) fn ends_word(text: &str, end: usize) -> bool {
    if !text[..end].chars().next_back().is_some_and(char::is_alphanumeric) {
        return true;
    }
    let mut after = text[end..].chars();
    match after.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('-') => !after.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(pattern: &str, text: &str) -> Vec<String> {
        let p = Pattern::compile(pattern, false, false).unwrap();
        p.matches(text).iter().map(|m| m.as_str().to_owned()).collect()
    }

    #[test]
    fn spaces_apostrophes_and_case() {
        assert_eq!(spans("l'alliance atlantique", "De L’Alliance\u{a0}atlantique."), ["L’Alliance\u{a0}atlantique"]);
        assert_eq!(spans("[^'] x", "a x"), ["a x"]);
    }

    #[test]
    fn word_boundaries_understand_elision_and_hyphens() {
        assert_eq!(spans("bloc", "le bloc, l’bloc"), ["bloc", "bloc"]);
        assert!(spans("bloc", "un bloc-notes, des blocs, anti-bloc").is_empty());
        assert_eq!(spans("plate-forme", "la plate-forme-"), ["plate-forme"]);
        assert_eq!(spans("qu'", "qu’il"), ["qu’"]);
    }

    #[test]
    fn anchors_come_from_the_expanded_regex() {
        let p = Pattern::compile("{prendre} place", false, false).unwrap();
        assert_eq!(p.anchors.len(), 2);
        assert_eq!(p.anchors[0], ["place"]);
        assert!(p.anchors[1].iter().any(|f| f == "prendra") && p.anchors[1].iter().any(|f| f == "prit"));
        let p = Pattern::compile("L’Alliance", true, false).unwrap();
        assert_eq!(p.anchors, [["l'alliance"]]);
        assert!(Pattern::compile(r"\d+ ?\w+", false, false).unwrap().anchors.is_empty());
    }

    #[test]
    fn macro_forms_are_factored_by_prefix() {
        let mut out = String::new();
        push_trie(&mut out, &["", "a", "ab", "abc", "b", "l'x"]);
        assert_eq!(out, "(?:(?:a(?:b(?:c)?)?|b|l['’]x))?");
        let forms = ["prend", "prendra", "prendre", "prends", "prenne", "prit"];
        let mut out = String::new();
        push_trie(&mut out, &forms);
        let trie = regex::Regex::new(&format!("^(?:{out})")).unwrap();
        for text in ["prendra place", "prends", "prenne", "prit", "prendre"] {
            let longest = forms.iter().filter(|f| text.starts_with(**f)).max_by_key(|f| f.len()).unwrap();
            assert_eq!(trie.find(text).unwrap().as_str(), *longest, "{text}");
        }
    }

    #[test]
    fn unicode_classes_are_not_macros() {
        assert_eq!(spans(r"\p{Lu}\p{L}+ dit", "Selon Ivan dit"), ["Ivan dit"]);
    }

    #[test]
    fn repetition_braces_are_not_macros() {
        assert_eq!(spans(r"\d{2} ans", "12 ans"), ["12 ans"]);
    }

    #[test]
    fn unknown_macro_is_an_error() {
        let err = Pattern::compile("{v:}", false, false).unwrap_err();
        assert!(err.contains("cannot inflect"), "{err}");
        assert!(Pattern::compile("(", false, false).is_err());
    }
}
