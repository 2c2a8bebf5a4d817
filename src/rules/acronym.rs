//! The `acronym` kind: foreign acronyms left in French, acronyms whose letters follow
//! another language's words or word order, and acronyms used without or before definition.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::Deserialize;

use crate::rules::fold::{base_letter, fold_str};
use crate::rules::glossary::{Glossary, Origin};
use crate::rules::pack::{PackData, PackError, RuleEntry};
use crate::rules::words::Word;
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] =
    &["english", "english-ambiguous", "expansion-mismatch", "undefined", "defined-twice"];

/// Words that do not count in an acronym (French and English).
const FUNCTION_WORDS: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l", "d", "un", "une", "pour", "et", "en", "sur", "à", "au", "aux", "contre",
    "dans", "par", "avec", "of", "the", "for", "and", "on", "in", "to",
];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct UndefinedParams {
    /// Acronyms readers know without a definition (PDF, USB…).
    #[serde(default)]
    known: Vec<String>,
}

/// Runs the acronym checks over a whole document.
pub(crate) struct AcronymEngine {
    indexes: Vec<RuleIndex>,
    english: Option<RuleIndex>,
    english_ambiguous: Option<RuleIndex>,
    expansion_mismatch: Option<RuleIndex>,
    undefined: Option<RuleIndex>,
    defined_twice: Option<RuleIndex>,
    glossary: Arc<Glossary>,
    known: HashSet<String>,
    /// Folded glossary names (official, other correct forms and wrong variants) → term index.
    names: HashMap<String, usize>,
}

/// A candidate acronym occurrence.
struct Occurrence {
    word: usize,
    /// For `NAME (ACR)`: index of the last word of the name; for `ACR (NAME)`: the first.
    definition: Option<Definition>,
}

#[derive(Clone)]
struct Definition {
    /// Content words of the expansion, in order.
    expansion: Vec<usize>,
}

/// The initials a word can give an acronym: `(initial, word it stands for)` options.
type Options = Vec<(char, String)>;

/// A word's French initial and its English and Russian options.
type Initials = (Option<char>, Options, Options);

/// A foreign reading of an acronym (language, foreign words) and the name it reads (span, text).
type ForeignReading = ((Reading, Vec<String>), (NormSpan, String));

/// The bit of an uppercase ASCII letter (0 for anything else).
fn letter_bit(c: char) -> u32 {
    if c.is_ascii_uppercase() { 1 << (c as u32 - 'A' as u32) } else { 0 }
}

/// Which language a reading of the acronym follows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    English,
    Russian,
    Mixed,
}

/// Whether `s` is a well-formed Roman numeral (XIV, MMXXII), not merely made of their letters (MID).
fn is_roman_numeral(s: &str) -> bool {
    static ROMAN: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$").ok()
    });
    !s.is_empty() && ROMAN.as_ref().is_some_and(|r| r.is_match(s))
}

/// Nouns that open the name of an organization, an institution or a treaty.
const HEAD_NOUNS: &[&str] = &[
    "conseil",
    "organisation",
    "agence",
    "banque",
    "fonds",
    "commission",
    "comité",
    "union",
    "cour",
    "tribunal",
    "service",
    "services",
    "ministère",
    "office",
    "bureau",
    "institut",
    "centre",
    "parti",
    "front",
    "mouvement",
    "alliance",
    "assemblée",
    "parlement",
    "chambre",
    "sénat",
    "fédération",
    "communauté",
    "association",
    "programme",
    "traité",
    "accord",
    "accords",
    "convention",
    "forum",
    "groupe",
    "garde",
    "direction",
    "département",
    "autorité",
    "haut",
    "haute",
    "conférence",
    "armée",
    "forces",
    "force",
    "marché",
    "zone",
    "coalition",
    "ligue",
    "société",
    "compagnie",
    "fondation",
    "académie",
    "université",
    "réseau",
    "mission",
    "cabinet",
    "gouvernement",
    "administration",
    "inspection",
    "parquet",
    "procureur",
    "agency",
    "council",
    "organization",
    "bank",
    "fund",
    "union",
    "court",
    "committee",
    "état-major",
    "corps",
    "régiment",
    "flotte",
    "entreprise",
    "consortium",
    "observatoire",
    "secrétariat",
    "délégation",
    "représentation",
    "garde",
];

/// Lowercase words that the vocabulary knows but that are ordinary words, not parts of a name.
const ORDINARY_WORDS: &[&str] = &["est", "court", "plan", "action", "fait", "pays", "nord", "sud", "ouest", "centre"];

fn is_function_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    FUNCTION_WORDS.contains(&lower.as_str())
}

/// The first letter of a word, uppercase and without accent.
fn initial(word: &str) -> Option<char> {
    let c = word.chars().next()?;
    base_letter(c.to_lowercase().next()?).to_uppercase().next()
}

/// Lines written mostly in capitals (headings in capitals: acronyms cannot be told apart there),
/// as byte ranges of the normalized text.
fn shouting_lines(text: &str, words: &[Word<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let (mut caps, mut all) = (0, 0);
        while k < words.len() && words[k].span.start < end {
            if words[k].text.chars().any(char::is_alphabetic) {
                all += 1;
                caps += usize::from(words[k].is_all_caps());
            }
            k += 1;
        }
        if all >= 3 && caps * 2 > all {
            out.push(start..end);
        }
        start = end;
    }
    out
}

impl AcronymEngine {
    /// Binds the entries to their checks and loads the glossary.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], data: &PackData) -> Result<Self, PackError> {
        let glossary = data.glossary()?;
        let mut names = HashMap::new();
        for (i, term) in glossary.terms.iter().enumerate() {
            for name in std::iter::once(&term.fr).chain(&term.fr_also).chain(&term.wrong) {
                names.entry(fold_str(name)).or_insert(i);
            }
        }
        let mut engine = AcronymEngine {
            indexes: Vec::new(),
            english: None,
            english_ambiguous: None,
            expansion_mismatch: None,
            undefined: None,
            defined_twice: None,
            glossary,
            known: HashSet::new(),
            names,
        };
        for &(index, entry) in entries {
            let slot = match entry.meta.check.as_deref() {
                Some("english") => &mut engine.english,
                Some("english-ambiguous") => &mut engine.english_ambiguous,
                Some("expansion-mismatch") => &mut engine.expansion_mismatch,
                Some("undefined") => {
                    let params: UndefinedParams = entry.params()?;
                    engine.known.extend(params.known);
                    &mut engine.undefined
                }
                Some("defined-twice") => &mut engine.defined_twice,
                other => return Err(entry.error(format!("unknown check {other:?} for kind `acronym`"))),
            };
            *slot = Some(index);
            engine.indexes.push(index);
        }
        Ok(engine)
    }

    /// The official French acronym of a name the glossary knows (official form or variant).
    fn official_acronym(&self, name: &str) -> Option<&str> {
        let term = &self.glossary.terms[*self.names.get(&fold_str(name))?];
        term.fr_acronym.as_deref()
    }

    /// Letters (as bits A–Z) a word can give an acronym in any language.
    fn initial_mask(&self, word: &str) -> u32 {
        let (fr, en, ru) = self.initials(word);
        fr.into_iter()
            .chain(en.iter().map(|(c, _)| *c))
            .chain(ru.iter().map(|(c, _)| *c))
            .fold(0, |m, c| m | letter_bit(c))
    }

    /// The first reading of `letters` among the candidate names: whether one reads in French
    /// order (then the acronym is right), else the first foreign reading and its name.
    fn best_reading(
        &self,
        letters: &[char],
        candidates: &[&Vec<usize>],
        words: &[Word<'_>],
        text: &str,
    ) -> (bool, Option<ForeignReading>) {
        let mut found = None;
        for window in candidates {
            let expansion: Vec<&str> = window.iter().map(|&k| words[k].text).collect();
            let (Some(&first), Some(&last)) = (window.first(), window.last()) else { continue };
            if expansion.len() == letters.len() && expansion.iter().zip(letters).all(|(e, l)| initial(e) == Some(*l)) {
                return (true, None);
            }
            if found.is_none()
                && let Some(reading) = self.foreign_reading(letters, &expansion)
            {
                found = Some((reading, covering(text, words, first, last)));
            }
        }
        (false, found)
    }

    /// Initials a word can give an acronym in French, English and Russian.
    fn initials(&self, word: &str) -> Initials {
        let french = initial(word);
        let mut en = Vec::new();
        let mut ru = Vec::new();
        if let Some(t) = self.glossary.translations(word) {
            // An acronym used as a word (OTAN) translates to an acronym (NATO).
            let shown = |w: &String| if word.chars().all(char::is_uppercase) { w.to_uppercase() } else { w.clone() };
            en.extend(t.en.iter().filter_map(|w| Some((initial(w)?, shown(w)))));
            ru.extend(t.ru.iter().filter_map(|w| Some((initial(w)?, shown(w)))));
        }
        // Proper nouns without a translation keep their initial in every language.
        if let Some(f) = french {
            if en.is_empty() {
                en.push((f, word.to_owned()));
            }
            if ru.is_empty() {
                ru.push((f, word.to_owned()));
            }
        }
        (french, en, ru)
    }

    /// Finds a reading of `letters` as the initials of `expansion` (words, in text order) in
    /// a language other than French order; returns it with the foreign words in acronym order.
    fn foreign_reading(&self, letters: &[char], expansion: &[&str]) -> Option<(Reading, Vec<String>)> {
        if letters.len() != expansion.len() {
            return None;
        }
        let sets: Vec<_> = expansion.iter().map(|w| self.initials(w)).collect();
        // The French initials in French order: the acronym is right.
        if sets.iter().zip(letters).all(|((fr, _, _), l)| *fr == Some(*l)) {
            return None;
        }
        let by_language = |pick: &dyn Fn(usize) -> Options| -> Option<Vec<String>> {
            let options: Vec<Options> = (0..sets.len()).map(pick).collect();
            let mut used = vec![false; options.len()];
            let mut chosen = Vec::with_capacity(letters.len());
            assign(letters, &options, &mut used, &mut chosen).then_some(chosen)
        };
        if let Some(words) = by_language(&|i| sets[i].1.clone()) {
            return Some((Reading::English, words));
        }
        if let Some(words) = by_language(&|i| sets[i].2.clone()) {
            return Some((Reading::Russian, words));
        }
        let mixed = |i: usize| {
            let (fr, en, ru) = &sets[i];
            let mut all: Options = en.iter().chain(ru).cloned().collect();
            all.extend(fr.map(|f| (f, expansion[i].to_owned())));
            all
        };
        by_language(&mixed).map(|words| (Reading::Mixed, words))
    }
}

/// Backtracking: gives each letter a distinct word whose options contain it.
fn assign(letters: &[char], options: &[Options], used: &mut [bool], chosen: &mut Vec<String>) -> bool {
    let Some((&letter, rest)) = letters.split_first() else { return true };
    for (i, word_options) in options.iter().enumerate() {
        if used[i] {
            continue;
        }
        if let Some((_, w)) = word_options.iter().find(|(c, _)| *c == letter) {
            used[i] = true;
            chosen.push(w.clone());
            if assign(rest, options, used, chosen) {
                return true;
            }
            chosen.pop();
            used[i] = false;
        }
    }
    false
}

/// Content words of a name starting at `start`, up to `n` of them, within one phrase;
/// `None` when the phrase stops being a name (an ordinary lowercase word) first.
fn name_window(words: &[Word<'_>], start: usize, n: usize, engine: &AcronymEngine) -> Option<Vec<usize>> {
    let first = words.get(start)?;
    // Names of organizations open with a head noun (Conseil, Banque, Agence…); this keeps
    // ordinary capitalized phrases ("Un Identificateur de Ressource") out.
    if !first.is_capitalized() || !HEAD_NOUNS.contains(&first.text.to_lowercase().as_str()) {
        return None;
    }
    let mut content = Vec::with_capacity(n);
    let mut i = start;
    while content.len() < n {
        let w = words.get(i)?;
        if i > start && (w.after_break || w.segment != first.segment) {
            return None;
        }
        if !is_function_word(w.text) {
            let is_name = w.is_capitalized()
                || (!ORDINARY_WORDS.contains(&w.text) && engine.glossary.translations(w.text).is_some());
            if !is_name {
                return None;
            }
            content.push(i);
        }
        i += 1;
    }
    Some(content)
}

/// Whether the token at `span` is part of code: an identifier (POSIXLY_CORRECT), a variable
/// ($HOME), an option value (PATH=…) or a path.
fn code_like(text: &str, span: NormSpan) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    before.is_some_and(|c| matches!(c, '_' | '$' | '/' | '=' | '.' | '%' | '<' | '[' | '{'))
        || after.is_some_and(|c| matches!(c, '_' | '=' | '(' | '/' | '>' | ']' | '}') || c.is_ascii_digit())
}

/// The word with a capital first letter (foreign names are shown the way they are written).
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Whether the word at `i` is an item of a comma-separated list of capitalized names.
fn in_name_list(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let listed = |a: &Word<'_>, b: &Word<'_>, other: &Word<'_>| {
        a.segment == b.segment
            && other.is_capitalized()
            && text[a.span.end..b.span.start].trim().trim_end_matches(" et").trim() == ","
    };
    let w = &words[i];
    i.checked_sub(1).is_some_and(|p| listed(&words[p], w, &words[p]))
        || words.get(i + 1).is_some_and(|n| listed(w, n, n))
}

/// The text covering the words `first..=last`.
fn covering(text: &str, words: &[Word<'_>], first: usize, last: usize) -> (NormSpan, String) {
    let span = NormSpan::new(words[first].span.start, words[last].span.end);
    (span, text[span.range()].to_owned())
}

impl Check for AcronymEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let text = cx.document.text();
        let words = cx.words();
        let shouting = shouting_lines(text, words);

        // Acronym occurrences and their definitions, `NAME (ACR)` or `ACR (NAME)`.
        let mut occurrences: Vec<Occurrence> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let letters = w.text.chars().count();
            // Mixed-case acronyms (ShOS, MChS) only when the table knows them.
            let listed_mixed = !w.is_all_caps()
                && w.text.chars().filter(|c| c.is_uppercase()).count() >= 2
                && self.glossary.foreign_acronyms.contains_key(w.text);
            if !(w.is_all_caps() || listed_mixed)
                || !(2..=8).contains(&letters)
                || !w.text.chars().all(char::is_alphabetic)
                || is_roman_numeral(w.text)
                || shouting.iter().any(|r| r.contains(&w.span.start))
                || w.joined_by == Some('-')
                || words.get(i + 1).is_some_and(|n| !n.after_break && n.joined_by == Some('-'))
            {
                continue;
            }
            let before = text[..w.span.start].trim_end();
            let after = &text[w.span.end..];
            let mut definition = None;
            if before.ends_with('(') && after.starts_with(')') && i > 0 {
                // NAME (ACR): the n content words before the parenthesis.
                let mut expansion = Vec::new();
                let mut j = i;
                while j > 0 && expansion.len() < letters {
                    j -= 1;
                    if words[j].segment != w.segment {
                        break;
                    }
                    if !is_function_word(words[j].text) {
                        expansion.push(j);
                    }
                    if words[j].after_break && j + 1 < i && !words[j + 1].after_break {
                        break;
                    }
                }
                expansion.reverse();
                definition = Some(Definition { expansion });
            } else if after.trim_start().starts_with('(') {
                let mut expansion = Vec::new();
                let mut j = i + 1;
                while let Some(n) = words.get(j) {
                    if n.segment != w.segment || (j > i + 1 && n.after_break) {
                        break;
                    }
                    if !is_function_word(n.text) {
                        expansion.push(j);
                    }
                    j += 1;
                }
                if expansion.len() >= 2 {
                    definition = Some(Definition { expansion });
                }
            }
            occurrences.push(Occurrence { word: i, definition });
        }

        // Words the document also writes in lowercase: in capitals they are emphasis or
        // placeholders (FICHIER, NOTE), not acronyms.
        let lowercase_words: HashSet<&str> =
            words.iter().filter(|w| w.text.chars().all(|c| !c.is_uppercase())).map(|w| w.text).collect();
        let mut first_definition: HashMap<&str, (usize, String)> = HashMap::new();
        // Candidate names by number of content words (with the letters they can give), and
        // each undefined acronym's reading, built once per document.
        let mut windows: HashMap<usize, Vec<(Vec<usize>, u32)>> = HashMap::new();
        let mut readings: HashMap<&str, (bool, Option<ForeignReading>)> = HashMap::new();
        let mut reported_undefined: HashSet<&str> = HashSet::new();
        for occurrence in &occurrences {
            let w = &words[occurrence.word];
            let acronym = w.text;
            let span = w.span;
            let letters: Vec<char> = acronym.chars().collect();

            if let Some(pair) = self.glossary.foreign_acronyms.get(acronym) {
                let rule = if pair.ambiguous { self.english_ambiguous } else { self.english };
                let glossed = text[..span.start].trim_end().ends_with(['(', '«']);
                if let Some(rule) = rule
                    && !glossed
                {
                    let what = match pair.from {
                        Origin::En => "acronyme anglais",
                        Origin::Ru => "acronyme russe translittéré",
                    };
                    let expansion = pair.fr_expansion.as_deref().map(|e| format!(" ({e})")).unwrap_or_default();
                    let source = pair.en_expansion.as_deref().map(|e| format!(" ({e})")).unwrap_or_default();
                    let message =
                        format!("« {acronym} » est un {what}{source} ; en français : « {} »{expansion}.", pair.fr);
                    sink.push(Finding::new(rule, span).with_message(message).suggest(pair.fr.clone()));
                }
                continue;
            }

            // Expansion mismatch: against the acronym's own definition, or any name in the text.
            let mut mismatch = None;
            if let Some(rule) = self.expansion_mismatch
                && letters.len() >= 3
            {
                let cached = occurrence.definition.is_none().then(|| readings.get(acronym).cloned()).flatten();
                let (french_reading, found) = match cached {
                    Some(result) => result,
                    None => {
                        let n = letters.len();
                        let by_length = windows.entry(n).or_insert_with(|| {
                            (0..words.len())
                                .filter_map(|s| name_window(words, s, n, self))
                                .map(|w| {
                                    let mask = w.iter().fold(0u32, |m, &k| m | self.initial_mask(words[k].text));
                                    (w, mask)
                                })
                                .collect::<Vec<_>>()
                        });
                        let wanted = letters.iter().fold(0u32, |m, &c| m | letter_bit(c));
                        // Windows whose words cannot give these letters are skipped before any
                        // reading.
                        let candidates: Vec<&Vec<usize>> = match &occurrence.definition {
                            Some(d) => vec![&d.expansion],
                            None if self.glossary.french_acronyms.contains(acronym) => Vec::new(),
                            None => by_length
                                .iter()
                                .filter(|(win, mask)| {
                                    wanted & !mask == 0 && !win.iter().any(|&k| words[k].text == acronym)
                                })
                                .map(|(win, _)| win)
                                .collect(),
                        };
                        let result = self.best_reading(&letters, &candidates, words, text);
                        if occurrence.definition.is_none() {
                            readings.insert(acronym, result.clone());
                        }
                        result
                    }
                };
                let found = found.filter(|(_, (_, name))| {
                    // A definition in the text is the author's choice (ESA for the Agence spatiale
                    // européenne): only the glossary's official acronym overrides it.
                    occurrence.definition.is_none() || self.official_acronym(name).is_some_and(|a| a != acronym)
                });
                if !french_reading && let Some(((reading, foreign_words), (name_span, name))) = found {
                    let term = self.names.get(&fold_str(&name)).map(|&t| &self.glossary.terms[t]);
                    let suggestion = term.and_then(|t| t.fr_acronym.clone()).unwrap_or_else(|| {
                        let first = words.partition_point(|x| x.span.start < name_span.start);
                        let french: Vec<&str> = words[first..]
                            .iter()
                            .take_while(|x| x.span.start < name_span.end)
                            .filter(|x| name_span.contains(x.span) && !is_function_word(x.text))
                            .map(|x| x.text)
                            .collect();
                        french.iter().filter_map(|w| initial(w)).collect()
                    });
                    let source = foreign_words.iter().map(|w| capitalized(w)).collect::<Vec<_>>().join(" ");
                    let how = match reading {
                        Reading::English => format!("suivent l’ordre des mots anglais ({source})"),
                        Reading::Russian => format!("suivent les mots russes ({source})"),
                        Reading::Mixed => format!("suivent d’autres mots ou un autre ordre ({source})"),
                    };
                    let message = format!(
                        "« {acronym} » ne correspond pas au nom français « {name} » : ses lettres {how} ; \
                         l’acronyme français est « {suggestion} »."
                    );
                    mismatch = Some(
                        Finding::new(rule, span)
                            .with_message(message)
                            .suggest(suggestion)
                            .related("le nom développé", name_span),
                    );
                }
            }
            let mismatched = mismatch.is_some();
            if let Some(finding) = mismatch {
                sink.push(finding);
            }

            // Definitions: the first one wins; a different later one is reported.
            if let Some(def) = &occurrence.definition
                && let (Some(&first), Some(&last)) = (def.expansion.first(), def.expansion.last())
            {
                let (def_span, expansion) = covering(text, words, first, last);
                match first_definition.get(acronym) {
                    None => {
                        first_definition.insert(acronym, (occurrence.word, expansion));
                    }
                    Some((first_word, first_expansion)) if fold_str(first_expansion) != fold_str(&expansion) => {
                        if let Some(rule) = self.defined_twice {
                            let message = format!(
                                "« {acronym} » est défini deux fois, comme « {first_expansion} » puis « {expansion} » : \
                                 gardez une seule définition."
                            );
                            sink.push(
                                Finding::new(rule, def_span)
                                    .with_message(message)
                                    .related("la première définition", words[*first_word].span),
                            );
                        }
                    }
                    Some(_) => {}
                }
                continue;
            }

            // Used before or without definition; not inside a list of names (Facebook, GAB, Telegram).
            if let Some(rule) = self.undefined
                && !mismatched
                && !in_name_list(text, words, occurrence.word)
                && (3..=5).contains(&letters.len())
                && acronym.is_ascii()
                && !code_like(text, span)
                && !lowercase_words.contains(acronym.to_lowercase().as_str())
                && !self.glossary.french_acronyms.contains(acronym)
                && !self.known.contains(acronym)
                && !first_definition.contains_key(acronym)
                && reported_undefined.insert(acronym)
            {
                let later = occurrences
                    .iter()
                    .find(|o| o.definition.is_some() && words[o.word].text == acronym && o.word > occurrence.word);
                let finding = match later {
                    Some(o) => Finding::new(rule, span)
                        .with_message(format!(
                            "« {acronym} » est employé avant d’être défini : donnez la forme développée à la première occurrence."
                        ))
                        .related("la définition", words[o.word].span),
                    None => Finding::new(rule, span).with_message(format!(
                        "« {acronym} » n’est défini nulle part : donnez la forme développée à la première occurrence."
                    )),
                };
                sink.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_must_be_well_formed() {
        assert!(is_roman_numeral("XIV"));
        assert!(is_roman_numeral("MMXXII"));
        assert!(!is_roman_numeral("MID"));
        assert!(!is_roman_numeral("ICC"));
        assert!(!is_roman_numeral("MVD"));
    }
}
