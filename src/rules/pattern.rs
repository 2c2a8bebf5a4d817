//! Phrase patterns: regexes with lemma macros, flexible spaces and apostrophes, matched on
//! French word boundaries, plus the literal anchors the prefilter looks for.

use std::collections::HashMap;

use regex::Captures;

use crate::rules::lazy_regex::LazyRegex;
use crate::rules::lemma::{self, Person, Slot};

/// What the prefilter must see in a segment before a pattern can match there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Anchors {
    /// No literal is required: always try the pattern.
    Always,
    /// At least one of these lowercase strings (apostrophes as `'`) occurs in every match.
    AnyOf(Vec<String>),
}

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
    /// Literals every match contains.
    pub(crate) anchors: Anchors,
}

/// Expands `{lemma}` macros, spaces and apostrophes of `source` into a regex string.
/// Returns the regex text and the bodies of the macros met, in order.
pub(crate) fn translate(source: &str) -> Result<(String, Vec<String>), String> {
    let mut out = String::with_capacity(source.len() * 2);
    let mut macros = Vec::new();
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
                    let mut forms: Vec<String> = lemma::expand(body)
                        .ok_or_else(|| format!("cannot inflect lemma macro `{{{body}}}`"))?
                        .into_iter()
                        .map(|(_, form)| form)
                        .collect();
                    forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
                    forms.dedup();
                    out.push_str("(?:");
                    for (n, form) in forms.iter().enumerate() {
                        if n > 0 {
                            out.push('|');
                        }
                        out.push_str(&regex::escape(form).replace('\'', "['’]"));
                    }
                    out.push(')');
                    macros.push(body.to_owned());
                    for _ in 0..body.chars().count() + 1 {
                        chars.next();
                    }
                }
                None => out.push('{'),
            },
            _ => out.push(c),
        }
    }
    Ok((out, macros))
}

/// The body of a lemma macro starting right after a `{`, if `rest` starts with one.
fn macro_body(rest: &str) -> Option<&str> {
    let end = rest.find('}')?;
    let body = &rest[..end];
    let first = body.chars().next()?;
    (first.is_alphabetic() && body.chars().all(|c| c.is_alphabetic() || c == ':' || c == '-' || c == '\''))
        .then_some(body)
}

/// Splits a pattern at spaces outside groups and classes.
fn top_level_tokens(source: &str) -> Option<Vec<&str>> {
    let mut tokens = Vec::new();
    let (mut depth, mut in_class, mut escaped, mut start) = (0i32, false, false, 0);
    for (i, c) in source.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            '|' if !in_class && depth == 0 => return None,
            ' ' if !in_class && depth == 0 => {
                tokens.push(&source[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    tokens.push(&source[start..]);
    Some(tokens.into_iter().filter(|t| !t.is_empty()).collect())
}

/// Lowercases text for the prefilter and folds the curly apostrophe into the straight one.
pub(crate) fn fold_for_prefilter(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '’' {
            out.push('\'');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The literals that every match of `source` contains.
fn anchors(source: &str) -> Result<Anchors, String> {
    let Some(tokens) = top_level_tokens(source) else {
        return Ok(Anchors::Always);
    };
    let literal = tokens
        .iter()
        .filter(|t| t.chars().all(|c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .max_by_key(|t| t.len());
    if let Some(word) = literal {
        return Ok(Anchors::AnyOf(vec![fold_for_prefilter(word)]));
    }
    for token in tokens {
        if let Some(body) = token.strip_prefix('{').and_then(|t| t.strip_suffix('}'))
            && macro_body(&token[1..]).is_some()
        {
            let forms = lemma::expand(body).ok_or_else(|| format!("cannot inflect lemma macro `{{{body}}}`"))?;
            let mut forms: Vec<String> = forms.into_iter().map(|(_, f)| fold_for_prefilter(&f)).collect();
            forms.sort();
            forms.dedup();
            return Ok(Anchors::AnyOf(forms));
        }
    }
    Ok(Anchors::Always)
}

impl Pattern {
    /// Compiles `source`; errors say what is wrong with it.
    pub(crate) fn compile(source: &str, case_sensitive: bool, trusted: bool) -> Result<Pattern, String> {
        let (regex_text, macros) = translate(source)?;
        let regex = LazyRegex::new(regex_text, !case_sensitive, trusted)
            .map_err(|e| format!("invalid pattern `{source}`: {e}"))?;
        let first_macro = match macros.first() {
            Some(body) => {
                let forms = lemma::expand(body).unwrap_or_default();
                let mut map: HashMap<String, Vec<Slot>> = HashMap::with_capacity(forms.len());
                for (slot, form) in forms {
                    map.entry(form).or_default().push(slot);
                }
                Some(MacroForms { forms: map })
            }
            None => None,
        };
        Ok(Pattern { regex, first_macro, anchors: anchors(source)? })
    }

    /// Compiles the regex now, for the test that checks every embedded pattern.
    pub(crate) fn force(&self) -> Result<(), String> {
        self.regex.force()
    }

    /// Compiles the regex now unless it is already.
    pub(crate) fn warm(&self) {
        self.regex.get();
    }

    /// Whether the regex still has to be compiled.
    pub(crate) fn is_cold(&self) -> bool {
        !self.regex.is_compiled()
    }

    /// Every match in `text` that starts and ends on a word boundary, left to right.
    pub(crate) fn matches<'t>(&self, text: &'t str) -> Vec<Captures<'t>> {
        let mut found = Vec::new();
        let Some(regex) = self.regex.get() else { return found };
        let mut at = 0;
        while at <= text.len() {
            let Some(caps) = regex.captures_at(text, at) else { break };
            let Some(whole) = caps.get(0) else { break };
            if whole.is_empty() {
                at = next_char(text, whole.start());
                continue;
            }
            if starts_word(text, whole.start()) && ends_word(text, whole.end()) {
                at = whole.end();
                found.push(caps);
            } else {
                at = next_char(text, whole.start());
            }
        }
        found
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
        p.matches(text).iter().map(|c| c[0].to_owned()).collect()
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
    fn anchors_pick_the_longest_mandatory_literal() {
        assert_eq!(anchors("{prendre} place").unwrap(), Anchors::AnyOf(vec!["place".into()]));
        assert_eq!(anchors("(le|du) bloc").unwrap(), Anchors::AnyOf(vec!["bloc".into()]));
        assert_eq!(anchors("a|b").unwrap(), Anchors::Always);
        assert_eq!(anchors("L’Alliance").unwrap(), Anchors::AnyOf(vec!["l'alliance".into()]));
        assert_eq!(anchors(r"\d+ ?%").unwrap(), Anchors::Always);
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
