//! The `capitalization` kind: institution names and titles written the French way, compared
//! with a gazetteer of canonical forms in the packs (capitals only where French puts them,
//! hyphens where the name has them), titles capitalized before a name, and headings in
//! English Title Case.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::rules::fold::base_letter;
use crate::rules::pack::{PackData, PackError, RuleEntry};
use crate::rules::pattern::{ends_word, starts_word};
use crate::rules::script::FRENCH_FUNCTION_WORDS;
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &["institution", "title", "title-before-name", "title-case-heading"];

/// The gazetteer of an `institution` or `title` entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct GazetteerParams {
    /// Canonical forms (`a | b` lists accepted alternatives, the first one canonical);
    /// only capitals in excess and missing or extra hyphens are flagged.
    #[serde(default)]
    names: Vec<String>,
    /// Names whose inner capitals are required too (`président de la République`).
    #[serde(default)]
    strict_names: Vec<String>,
}

/// The word lists of the `title-before-name` entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TitleWordParams {
    /// Titles written in lower case before a name (`président`, `pape`).
    titles: Vec<String>,
    /// Lowercase words that may follow a title (`russe`, `sortant`).
    #[serde(default)]
    adjectives: Vec<String>,
}

/// A name split into words and the separators between them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    words: Vec<String>,
    seps: Vec<String>,
}

/// Splits `text` into letter runs and what separates them; `None` if it does not start
/// and end with a letter.
fn shape(text: &str) -> Option<Shape> {
    let mut words = Vec::new();
    let mut seps = Vec::new();
    let mut current = String::new();
    let mut sep = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !sep.is_empty() {
                seps.push(std::mem::take(&mut sep));
            }
            current.push(c);
        } else {
            if current.is_empty() && words.is_empty() {
                return None;
            }
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            sep.push(c);
        }
    }
    if current.is_empty() {
        return None;
    }
    words.push(current);
    Some(Shape { words, seps })
}

/// One entry of a gazetteer.
struct Name {
    rule: RuleIndex,
    canonical: Shape,
    /// Every accepted form, the canonical one included.
    accepted: Vec<String>,
    strict: bool,
    /// A title or generic noun: a capital on the first word mid-sentence is wrong too.
    title: bool,
}

/// Folds one character for gazetteer matching: lower case, no accents, hyphens and spaces
/// alike, apostrophes alike. `None` drops nothing: every character folds to one.
fn fold_char(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match base_letter(lower) {
        '’' | 'ʼ' | '‘' => '\'',
        '-' | '‐' | '‑' => ' ',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Folded text, with whitespace runs collapsed, and the original offset of each folded byte.
struct FoldedText {
    text: String,
    /// For each byte of `text`: the start and end of the original character it came from.
    map: Vec<(usize, usize)>,
}

fn fold(text: &str) -> FoldedText {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let f = fold_char(c);
        if f == ' ' && out.ends_with(' ') {
            continue;
        }
        let before = out.len();
        out.push(f);
        map.extend(std::iter::repeat_n((i, i + c.len_utf8()), out.len() - before));
    }
    FoldedText { text: out, map }
}

fn fold_key(text: &str) -> String {
    fold(text.trim()).text
}

/// Whether the first letter of `word` is a capital.
fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether every letter of `text` is a capital (at least two letters).
fn all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn is_hyphen(sep: &str) -> bool {
    sep.contains(['-', '‐', '‑'])
}

/// `word` with its first letter in lower case.
fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether a word starting at `start` of `seg` opens a sentence, a line, a quotation or a
/// list item (where a capital is expected).
fn sentence_start(seg: &str, start: usize) -> bool {
    let before = &seg[..start];
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '«' | '"' | '“' | '(' | '[' | '—' | '–' | '-' | '*' | '#' | '•' | '‘' | '\'')
    });
    if trimmed.is_empty() || before[trimmed.len()..].contains('\n') {
        return true;
    }
    trimmed.chars().next_back().is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':'))
}

/// Whether the text before `start` addresses someone (« Monsieur le Président »).
fn after_address(seg: &str, start: usize) -> bool {
    let before: String = seg[..start].chars().rev().take(14).collect::<Vec<_>>().into_iter().rev().collect();
    let folded = fold_key(&before);
    ["monsieur le", "madame la", "madame le", "m. le", "mme la", "mme le", "messieurs les", "mesdames les"]
        .iter()
        .any(|a| folded.ends_with(a))
}

/// Runs the capitalization checks.
pub(crate) struct CapitalizationEngine {
    indexes: Vec<RuleIndex>,
    names: Vec<Name>,
    /// Per needle of the automaton, the names it stands for.
    needles: Vec<Vec<usize>>,
    automaton: Option<AhoCorasick>,
    title_before_name: Option<(RuleIndex, HashSet<String>, HashSet<String>)>,
    heading: Option<RuleIndex>,
    function_words: HashSet<&'static str>,
}

impl CapitalizationEngine {
    /// Compiles the entries of this kind with the data tables they read.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], _data: &PackData) -> Result<Self, PackError> {
        let mut engine = CapitalizationEngine {
            indexes: Vec::new(),
            names: Vec::new(),
            needles: Vec::new(),
            automaton: None,
            title_before_name: None,
            heading: None,
            function_words: FRENCH_FUNCTION_WORDS.iter().copied().collect(),
        };
        let mut keys: Vec<String> = Vec::new();
        for &(index, entry) in entries {
            engine.indexes.push(index);
            match entry.meta.check.as_deref() {
                Some(check @ ("institution" | "title")) => {
                    let params: GazetteerParams = entry.params()?;
                    let listed =
                        params.names.iter().map(|n| (n, false)).chain(params.strict_names.iter().map(|n| (n, true)));
                    for (line, strict) in listed {
                        let accepted: Vec<String> = line.split(" | ").map(|s| s.trim().to_owned()).collect();
                        let canonical = accepted
                            .first()
                            .and_then(|c| shape(c))
                            .ok_or_else(|| entry.error(format!("name `{line}` must start and end with a letter")))?;
                        let key = fold_key(&accepted[0]);
                        if accepted.iter().any(|a| fold_key(a) != key) {
                            return Err(
                                entry.error(format!("the forms of `{line}` differ in more than case and hyphens"))
                            );
                        }
                        let position = match keys.iter().position(|k| *k == key) {
                            Some(p) => p,
                            None => {
                                keys.push(key);
                                engine.needles.push(Vec::new());
                                keys.len() - 1
                            }
                        };
                        engine.needles[position].push(engine.names.len());
                        engine.names.push(Name { rule: index, canonical, accepted, strict, title: check == "title" });
                    }
                }
                Some("title-before-name") => {
                    let params: TitleWordParams = entry.params()?;
                    // Accents are kept: « General » is English, « Général » French.
                    let titles = params.titles.iter().map(|t| t.to_lowercase()).collect();
                    let adjectives = params.adjectives.iter().map(|t| t.to_lowercase()).collect();
                    engine.title_before_name = Some((index, titles, adjectives));
                }
                Some("title-case-heading") => {
                    if !entry.params.is_empty() {
                        let keys: Vec<&String> = entry.params.keys().collect();
                        return Err(entry.error(format!("unknown fields {keys:?} for check `title-case-heading`")));
                    }
                    engine.heading = Some(index);
                }
                other => return Err(entry.error(format!("unknown check {other:?} for kind `capitalization`"))),
            }
        }
        if !keys.is_empty() {
            let automaton =
                AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&keys).map_err(|e| PackError {
                    file: "<capitalization>".into(),
                    line: None,
                    rule: None,
                    message: e.to_string(),
                })?;
            engine.automaton = Some(automaton);
        }
        Ok(engine)
    }

    fn check_gazetteer(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let Some(automaton) = &self.automaton else { return };
        let text = cx.document.text();
        for segment in cx.document.segments() {
            let seg = &text[segment.span.range()];
            let folded = fold(seg);
            for m in automaton.find_iter(&folded.text) {
                let (Some(&(start, _)), Some(&(_, end))) =
                    (folded.map.get(m.start()), m.end().checked_sub(1).and_then(|e| folded.map.get(e)))
                else {
                    continue;
                };
                if !starts_word(seg, start) || !ends_word(seg, end) {
                    continue;
                }
                let written = &seg[start..end];
                let candidates = &self.needles[m.pattern().as_usize()];
                let Some(&first) = candidates.iter().find(|&&n| cx.enabled(self.names[n].rule)) else { continue };
                let name = &self.names[first];
                if let Some((message, fixed)) = judge_name(name, seg, start, written) {
                    let span = NormSpan::new(start, end).shifted(segment.span.start);
                    sink.push(Finding::new(name.rule, span).with_message(message).suggest(fixed));
                }
            }
        }
    }

    fn check_title_before_name(
        &self,
        cx: &CheckContext<'_>,
        rule: RuleIndex,
        titles: &HashSet<String>,
        adjectives: &HashSet<String>,
        sink: &mut Sink<'_>,
    ) {
        let text = cx.document.text();
        const PLACES: &[&str] = &[
            "avenue",
            "rue",
            "boulevard",
            "bd",
            "place",
            "quai",
            "pont",
            "square",
            "allee",
            "cours",
            "lycee",
            "college",
            "ecole",
            "hopital",
            "stade",
            "port",
            "aeroport",
            "gare",
            "station",
            "porte",
            "centre",
            "fondation",
            "prix",
            "musee",
            "institut",
            "universite",
            "terre",
            "ile",
            "iles",
            "cap",
            "mont",
            "lac",
            "baie",
            "golfe",
            "detroit",
            "canal",
            "fort",
            "hotel",
            "palais",
            "chateau",
            "navire",
            "croiseur",
        ];
        for segment in cx.document.segments() {
            let seg = &text[segment.span.range()];
            let words = compound_words(seg);
            for (k, &(start, end)) in words.iter().enumerate() {
                let word = &seg[start..end];
                if !capitalized(word) || all_caps(word) || !titles.contains(&word.to_lowercase()) {
                    continue;
                }
                if sentence_start(seg, start) || after_address(seg, start) {
                    continue;
                }
                // Street, school and prize names keep the title: avenue du Président-Wilson.
                let near: Vec<String> =
                    words[k.saturating_sub(3)..k].iter().map(|&(s, e)| fold_key(&seg[s..e])).collect();
                if near.iter().any(|w| PLACES.contains(&w.as_str())) {
                    continue;
                }
                // Part of a longer proper name: a capitalized word right before it.
                if let Some(&(ps, pe)) = k.checked_sub(1).and_then(|p| words.get(p))
                    && capitalized(&seg[ps..pe])
                    && seg[pe..start].trim().is_empty()
                    && !sentence_start(seg, ps)
                {
                    continue;
                }
                let Some(&(ns, ne)) = words.get(k + 1) else { continue };
                let gap = &seg[end..ns];
                if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
                    continue;
                }
                let next = &seg[ns..ne];
                // « Secrétaire Général », « Vice-Président Exécutif »: a title in Title Case,
                // for the gazetteer, not a title before a name.
                let next_folded = fold_key(next);
                if titles.contains(&next.to_lowercase()) || TITLE_TAILS.contains(&next_folded.as_str()) {
                    continue;
                }
                let before_name = capitalized(next) && !all_caps(next);
                if !before_name && !adjectives.contains(&next.to_lowercase()) {
                    continue;
                }
                let fixed = lower_first(word);
                let message = format!(
                    "« {word} » : un titre s’écrit en minuscule devant un nom ou un adjectif ; écrivez « {fixed} {next} »."
                );
                let span = NormSpan::new(start, end).shifted(segment.span.start);
                sink.push(Finding::new(rule, span).with_message(message).suggest(fixed));
            }
        }
    }

    fn check_headings(&self, cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
        let text = cx.document.text();
        for segment in cx.document.segments() {
            let seg = &text[segment.span.range()];
            if seg.contains('\n') {
                continue;
            }
            let line = seg.trim_start_matches(|c: char| c.is_whitespace() || c == '#').trim_end();
            let offset = seg.len() - seg.trim_start_matches(|c: char| c.is_whitespace() || c == '#').len();
            // Tables (columns aligned with runs of spaces) are not headings.
            if line.is_empty()
                || line.ends_with(['.', ',', ';'])
                || all_caps(line)
                || line.contains("   ")
                || line.contains('\t')
            {
                continue;
            }
            if let Some(words) = self.title_case_words(line) {
                let shown: Vec<String> = words.iter().take(3).map(|w| format!("« {w} »")).collect();
                let message = format!(
                    "Titre en capitales à l’anglaise ({}) : en français, seuls le premier mot et les noms propres \
                     prennent la majuscule.",
                    shown.join(", ")
                );
                let span = NormSpan::new(offset, offset + line.len()).shifted(segment.span.start);
                sink.push(Finding::new(rule, span).with_message(message));
            }
        }
    }

    /// The capitalized common words of `line` when it reads as a heading in Title Case.
    fn title_case_words(&self, line: &str) -> Option<Vec<String>> {
        const PARTICLES: &[&str] = &["le", "la", "les", "de", "du", "des", "l", "d"];
        // What is in parentheses is an aside (a country, an acronym), not the heading.
        let mut depth = 0usize;
        let outside: String = line
            .chars()
            .map(|c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                if depth > 0 || c == ')' { ' ' } else { c }
            })
            .collect();
        let words: Vec<&str> = outside
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '‐'))
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        if words.len() < 3 || words.len() > 12 {
            return None;
        }
        let lower = |w: &str| w.to_lowercase();
        let french = words.iter().any(|w| self.function_words.contains(lower(w).as_str()))
            || line.chars().any(|c| "éèêàâîôûùçœÉÈÊÀÂÎÔÛÇ".contains(c));
        if !french {
            return None;
        }
        let (mut content_caps, mut content_lower, mut function_caps, mut common) = (0, 0, 0, 0);
        let mut shown = Vec::new();
        for &w in &words[1..] {
            let l = lower(w);
            let function = self.function_words.contains(l.as_str()) || PARTICLES.contains(&l.as_str());
            if all_caps(w) || w.chars().count() < 2 && !function {
                continue;
            }
            match (function, capitalized(w)) {
                (true, true) if !PARTICLES.contains(&l.as_str()) => {
                    function_caps += 1;
                    shown.push(w.to_owned());
                }
                (true, _) => {}
                (false, true) => {
                    content_caps += 1;
                    if looks_common(&l) {
                        common += 1;
                        shown.push(w.to_owned());
                    }
                }
                (false, false) => content_lower += 1,
            }
        }
        let title_case = content_lower == 0
            && ((function_caps >= 1 && common >= 1 && function_caps + content_caps >= 3)
                || (content_caps >= 3 && common >= 2));
        title_case.then_some(shown)
    }
}

/// Whether a lowercase word has an ending common nouns and adjectives have and names rarely do.
fn looks_common(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tion", "tions", "ment", "ments", "ité", "ités", "ique", "iques", "aire", "aires", "eur", "eurs", "euse",
        "ence", "ences", "ance", "ances", "age", "ages", "ée", "ées", "és", "ale", "ales", "aux", "enne", "ennes",
        "isme", "iste", "istes", "oire", "ure", "ures", "ion", "ions", "ère", "ères", "ies", "elle", "elles",
    ];
    word.chars().count() >= 4 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Words that continue a title rather than name a person (folded).
const TITLE_TAILS: &[&str] = &[
    "general",
    "generale",
    "ministre",
    "adjoint",
    "adjointe",
    "executif",
    "executive",
    "directeur",
    "directrice",
    "delegue",
    "deleguee",
    "honoraire",
    "emerite",
    "permanent",
    "permanente",
    "special",
    "speciale",
];

/// Words made of letters and inner hyphens (Vice-Président), as byte ranges of `seg`.
fn compound_words(seg: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = seg.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins =
            matches!(c, '-' | '‐' | '‑') && start.is_some() && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, seg.len()));
    }
    out
}

/// The message and fix for a written occurrence of `name`, or `None` when it is right.
fn judge_name(name: &Name, seg: &str, start: usize, written: &str) -> Option<(String, String)> {
    let normal = |s: &str| s.replace('\'', "’").split_whitespace().collect::<Vec<_>>().join(" ");
    if name.accepted.iter().any(|a| normal(a) == normal(written)) || all_caps(written) {
        return None;
    }
    let shape_written = shape(written)?;
    let canonical = &name.canonical;
    // « une maison blanche », « la croix rouge » : common words, not the institution.
    let written_lower = !written.chars().any(char::is_uppercase);
    if written_lower && !name.strict && canonical.words.iter().any(|w| capitalized(w)) {
        return None;
    }
    if shape_written.words.len() != canonical.words.len() {
        return None;
    }
    let mut reasons: Vec<String> = Vec::new();
    let mut fixed_words: Vec<String> = shape_written.words.clone();
    let mut fixed_seps: Vec<String> = shape_written.seps.clone();
    let mut extra: Vec<&str> = Vec::new();
    let mut missing: Vec<&str> = Vec::new();
    let inner_caps_kept =
        shape_written.words.iter().zip(&canonical.words).skip(1).any(|(w, c)| capitalized(c) && capitalized(w));
    for (i, (w, c)) in shape_written.words.iter().zip(&canonical.words).enumerate() {
        let (wc, cc) = (capitalized(w), capitalized(c));
        if i == 0 {
            if wc && !cc && name.title && !sentence_start(seg, start) && !after_address(seg, start) {
                fixed_words[0] = c.clone();
                reasons.push(format!("« {w} » prend une minuscule en cours de phrase"));
            } else if !wc && cc && name.strict && inner_caps_kept {
                fixed_words[0] = c.clone();
                missing.push(w);
            }
            continue;
        }
        if wc && !cc {
            fixed_words[i] = c.clone();
            extra.push(w);
        } else if !wc && cc && name.strict {
            fixed_words[i] = c.clone();
            missing.push(w);
        }
    }
    let quote = |list: &[&str]| list.iter().map(|w| format!("« {w} »")).collect::<Vec<_>>().join(", ");
    if !extra.is_empty() {
        reasons.push(format!("majuscule à l’anglaise sur {}", quote(&extra)));
    }
    if !missing.is_empty() {
        reasons.push(format!("majuscule manquante à {}", quote(&missing)));
    }
    let mut hyphen_missing = false;
    let mut hyphen_extra = false;
    for (i, (ws, cs)) in shape_written.seps.iter().zip(&canonical.seps).enumerate() {
        match (is_hyphen(ws), is_hyphen(cs)) {
            (false, true) => {
                hyphen_missing = true;
                fixed_seps[i] = cs.clone();
            }
            (true, false) => {
                hyphen_extra = true;
                fixed_seps[i] = cs.clone();
            }
            _ => {}
        }
    }
    if hyphen_missing {
        reasons.push("trait d’union manquant".to_owned());
    }
    if hyphen_extra {
        reasons.push("trait d’union en trop".to_owned());
    }
    if reasons.is_empty() {
        return None;
    }
    let mut fixed = String::with_capacity(written.len());
    for (i, word) in fixed_words.iter().enumerate() {
        if i > 0 {
            fixed.push_str(&fixed_seps[i - 1]);
        }
        fixed.push_str(word);
    }
    if fixed == written {
        return None;
    }
    let message = format!("« {written} » : {} ; écrivez « {fixed} ».", reasons.join(", "));
    Some((message, fixed))
}

impl Check for CapitalizationEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        if self.names.iter().any(|n| cx.enabled(n.rule)) {
            self.check_gazetteer(cx, sink);
        }
        if let Some((rule, titles, adjectives)) = &self.title_before_name
            && cx.enabled(*rule)
        {
            self.check_title_before_name(cx, *rule, titles, adjectives, sink);
        }
        if let Some(rule) = self.heading.filter(|&r| cx.enabled(r)) {
            self.check_headings(cx, rule, sink);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_split_words_and_separators() {
        let s = shape("ministère de l’Économie").unwrap();
        assert_eq!(s.words, ["ministère", "de", "l", "Économie"]);
        assert_eq!(s.seps, [" ", " ", "’"]);
        assert!(shape("« x").is_none());
    }

    #[test]
    fn folding_ignores_case_accents_and_hyphens() {
        assert_eq!(fold_key("Maison-Blanche"), fold_key("maison  blanche"));
        assert_eq!(fold_key("Département d'Etat"), fold_key("département d’État"));
    }

    #[test]
    fn sentence_starts() {
        assert!(sentence_start("Président", 0));
        assert!(sentence_start("Fin. Président", 5));
        assert!(sentence_start("dit : « Président", 9));
        assert!(!sentence_start("le Président", 3));
    }

    #[test]
    fn common_endings() {
        assert!(looks_common("sécurité"));
        assert!(looks_common("européenne"));
        assert!(!looks_common("macron"));
        assert!(!looks_common("moscou"));
    }

    fn found(select: &str, text: &str) -> Vec<(String, Option<String>)> {
        use std::sync::Arc;

        use crate::{Document, Linter, Registry, RuleSelector, Selection};
        let registry = Arc::new(Registry::builtin().unwrap());
        let selection = Selection::from_selectors(&registry, &[RuleSelector::new(select)], &[]).unwrap();
        let linter = Linter::new(registry, selection);
        let doc = Document::from_str("t", text);
        linter
            .check_document(&doc)
            .iter()
            .map(|d| (text[d.span.range()].to_owned(), d.suggestions.first().map(|s| s.edit.replacement.clone())))
            .collect()
    }

    #[test]
    fn common_words_and_house_styles_are_left_alone() {
        let text = "Il a une maison blanche près de la croix rouge. L’assemblée générale a voté. \
                    Le ministère des affaires étrangères et le premier ministre ont parlé.";
        assert_eq!(found("capitalization", text), []);
    }

    #[test]
    fn titles_in_mid_sentence_take_the_canonical_lower_case() {
        let text = "Il a visité l’Etat-Major. Secrétaire général depuis 2019, il parle au Secrétaire Général.";
        assert_eq!(
            found("capitalization.title", text),
            [
                ("Etat-Major".to_owned(), Some("état-major".to_owned())),
                ("Secrétaire Général".to_owned(), Some("secrétaire général".to_owned())),
            ]
        );
    }

    #[test]
    fn title_before_name_skips_titles_in_title_case_and_places() {
        let text = "Le Secrétaire Général Guterres, la Terre de la Reine Maud et le Président Macron.";
        assert_eq!(
            found("capitalization.title-before-name", text),
            [("Président".to_owned(), Some("président".to_owned()))]
        );
    }

    #[test]
    fn headings_ignore_asides_and_tables() {
        assert_eq!(found("capitalization.title-case-heading", "yaka (République Démocratique du Congo)"), []);
        assert_eq!(found("capitalization.title-case-heading", "Taille     Entrée     Fanion Lien   Alignement"), []);
        assert_eq!(found("capitalization.title-case-heading", "Phra Nakhon Si Ayutthaya"), []);
        assert_eq!(
            found("capitalization.title-case-heading", "Validation du Contrat de Licence Utilisateur Final").len(),
            1
        );
    }
}
