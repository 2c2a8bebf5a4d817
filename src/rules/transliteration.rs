//! The `transliteration` kind: Russian, Ukrainian and Belarusian names left in English
//! romanization in French text (Grushko for Grouchko, Sergey for Sergueï, Moscow for Moscou).
//!
//! Three sources of findings, from the surest to the least sure:
//! - `known-name`: the `[[person]]` and `[[place]]` tables, matched word by word, so a full
//!   name is one finding and a later bare surname is its own;
//! - `first-name`: the `[[first-name]]` table; first names that are also Western (Alexander)
//!   only before a surname that looks East Slavic;
//! - `letter-rules` and `letter-rules-weak`: the French form of an unknown name built by
//!   letter rules, only when the name looks East Slavic (its ending, its letters, a first name
//!   before it, a Russian or Ukrainian context), at a severity that follows the evidence.
//!
//! A French form from the tables (Alexandre Grouchko, Zelenski) is matched too: it claims its
//! words so that no other check of the kind looks at them.

mod letters;
mod lexicon;
mod words;

use std::cell::LazyCell;
use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::rules::pack::{DataEntry, PackData, PackError, RuleEntry, Section};
use crate::rules::pattern::{ends_word, starts_word};
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

use letters::Mode;
use words::Word;

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &["known-name", "first-name", "letter-rules", "letter-rules-weak"];

/// Positions in [`CHECKS`].
const KNOWN: usize = 0;
const FIRST: usize = 1;
const LETTERS: usize = 2;
const WEAK: usize = 3;

/// The message when a rule gives no `template`.
const DEFAULT_TEMPLATE: &str = "« {en} » est la romanisation anglaise ; en français : « {fr} ».";

/// A `[[person]]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PersonRow {
    en: String,
    fr: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    fr_also: Vec<String>,
    /// Whether the surname alone is matched too (off for surnames shared with others).
    #[serde(default = "yes")]
    alone: bool,
    /// Whether a Russian or Ukrainian context is needed.
    #[serde(default)]
    context: bool,
}

/// A `[[place]]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PlaceRow {
    en: String,
    fr: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    fr_also: Vec<String>,
    #[serde(default)]
    context: bool,
}

/// A `[[first-name]]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FirstNameRow {
    en: Vec<String>,
    fr: String,
    #[serde(default)]
    fr_also: Vec<String>,
    /// Also a Western (or Japanese…) first name: flagged only before an East Slavic surname.
    #[serde(default)]
    ambiguous: bool,
}

/// The fields a rule of this kind may have besides the common ones.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    /// The message, with `{en}` for the text as written and `{fr}` for the French form.
    template: Option<String>,
}

fn yes() -> bool {
    true
}

/// One word of a name in a table; `dot` when it is written with a full stop (`St.`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Tok {
    text: String,
    dot: bool,
}

/// A name of the tables, as a sequence of words, and what to say when it is found.
#[derive(Debug)]
struct Known {
    tokens: Vec<Tok>,
    /// The words `lo..hi` differ from the French form: they are the finding's span, so
    /// "Sergey Lavrov" reports "Sergey" and "Vladimir Putin" reports "Putin".
    lo: usize,
    hi: usize,
    /// French forms for the span, the usual one first; empty for a French form of the table.
    suggestions: Vec<String>,
    /// Only in a Russian or Ukrainian context.
    context: bool,
}

/// A first name of the table.
#[derive(Debug)]
struct FirstName {
    en: Vec<String>,
    suggestions: Vec<String>,
    ambiguous: bool,
}

/// A rule bound to one of the checks, with its message template.
#[derive(Debug)]
struct Bound {
    index: RuleIndex,
    id: String,
    template: String,
}

impl Bound {
    /// A finding at `span` with the message filled in and `suggestions` offered in order.
    fn finding(&self, span: NormSpan, written: &str, suggestions: &[String]) -> Finding {
        let fr = suggestions.first().map_or("", String::as_str);
        let message = self.template.replace("{en}", written).replace("{fr}", fr);
        suggestions.iter().fold(Finding::new(self.index, span).with_message(message), |f, s| f.suggest(s.clone()))
    }
}

/// How strongly an unknown name looks East Slavic and romanized the English way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Weak,
    Strong,
}

/// A name the letter rules would change, before the document-wide decision.
struct Candidate {
    /// Lowercase, to group the occurrences of one name.
    form: String,
    span: NormSpan,
    written: String,
    french: String,
    /// `None`: not enough evidence here, but another occurrence of the name may have it.
    level: Option<Level>,
}

/// A table name found in a segment: words `first..=last`, or one part of a hyphenated word.
struct Hit {
    entry: usize,
    first: usize,
    last: usize,
    part: Option<(usize, usize)>,
}

/// Runs the `transliteration` rules.
pub(crate) struct TransliterationEngine {
    indexes: Vec<RuleIndex>,
    rules: [Option<Bound>; 4],
    known: Vec<Known>,
    /// Entries of `known` by their first word, longest first.
    by_first: HashMap<String, Vec<usize>>,
    first_names: Vec<FirstName>,
    first_by_en: HashMap<String, usize>,
    /// Lowercase first names that make the next word a surname (Vasily, Oleg, Sergueï).
    slavic_first: HashSet<String>,
    /// Surnames of the persons, English and French (Grushko, Grouchko).
    surname_words: HashSet<String>,
    /// Every word of the tables, lowercase: the letter rules leave them to the tables.
    table_words: HashSet<String>,
}

impl TransliterationEngine {
    /// Compiles the entries of this kind with the data tables they read.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], data: &PackData) -> Result<Self, PackError> {
        let mut rules: [Option<Bound>; 4] = Default::default();
        for &(index, entry) in entries {
            let check = entry.meta.check.as_deref().unwrap_or_default();
            let Some(slot) = CHECKS.iter().position(|c| *c == check) else {
                return Err(entry.error(format!("unknown check `{check}` for kind `transliteration`")));
            };
            if let Some(other) = &rules[slot] {
                return Err(entry.error(format!("check `{check}` is already bound to `{}`", other.id)));
            }
            let params: Params = entry.params()?;
            let template = params.template.unwrap_or_else(|| DEFAULT_TEMPLATE.to_owned());
            if !template.contains("{en}") || !template.contains("{fr}") {
                return Err(entry.error("`template` must contain {en} and {fr}"));
            }
            rules[slot] = Some(Bound { index, id: entry.meta.id.to_string(), template });
        }
        let mut tables = Tables::default();
        for entry in data.entries(Section::FirstName) {
            tables.first_name(entry)?;
        }
        for entry in data.entries(Section::Person) {
            tables.person(entry)?;
        }
        for entry in data.entries(Section::Place) {
            tables.place(entry)?;
        }
        Ok(tables.finish(entries.iter().map(|(i, _)| *i).collect(), rules))
    }

    fn rule(&self, cx: &CheckContext<'_>, slot: usize) -> Option<&Bound> {
        self.rules[slot].as_ref().filter(|b| cx.enabled(b.index))
    }

    /// The table names in a segment, left to right, longest match first.
    fn hits(&self, seg: &str, words: &[Word]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // "The Moscow Times", "The Kyiv Independent": an English title, left as it is.
            let after_the = i > 0 && text(seg, words[i - 1]) == "The" && words::joins(gap(seg, words, i - 1), false);
            if !after_the {
                if let Some((entry, last)) = self.match_at(seg, words, i) {
                    hits.push(Hit { entry, first: i, last, part: None });
                    i = last + 1;
                    continue;
                }
                hits.extend(self.match_parts(seg, words, i));
            }
            i += 1;
        }
        hits
    }

    /// The longest table name starting at word `i`, with the index of its last word.
    fn match_at(&self, seg: &str, words: &[Word], i: usize) -> Option<(usize, usize)> {
        let candidates = self.by_first.get(text(seg, words[i]))?;
        'entries: for &k in candidates {
            let tokens = &self.known[k].tokens;
            if i + tokens.len() > words.len() {
                continue;
            }
            for (t, tok) in tokens.iter().enumerate() {
                if text(seg, words[i + t]) != tok.text {
                    continue 'entries;
                }
                if t + 1 < tokens.len() && !words::joins(gap(seg, words, i + t), tok.dot) {
                    continue 'entries;
                }
            }
            let last = i + tokens.len() - 1;
            if starts_word(seg, words[i].start) && ends_word(seg, words[last].end) {
                return Some((k, last));
            }
        }
        None
    }

    /// One-word table names as parts of a hyphenated word (the Putin-Zelenskyy meeting).
    fn match_parts(&self, seg: &str, words: &[Word], i: usize) -> Vec<Hit> {
        let word = text(seg, words[i]);
        let parts = words::parts(word);
        if parts.len() < 2 {
            return Vec::new();
        }
        parts
            .into_iter()
            .filter_map(|(offset, part)| {
                let entry = *self.by_first.get(part)?.iter().find(|&&k| self.known[k].tokens.len() == 1)?;
                let start = words[i].start + offset;
                Some(Hit { entry, first: i, last: i, part: Some((start, start + part.len())) })
            })
            .collect()
    }

    /// Whether the first name at word `i` is to be reported.
    fn first_name_applies(&self, name: &FirstName, seg: &str, words: &[Word], i: usize) -> bool {
        let next = next_word(seg, words, i);
        // Andrey Rublev: the sports press keeps the player's own spelling, first name included.
        if next.is_some_and(|n| lexicon::KEEP_SET.contains(n.to_lowercase().as_str())) {
            return false;
        }
        if !name.ambiguous {
            return true;
        }
        next.is_some_and(|n| {
            self.surname_words.contains(n)
                || letters::is_patronymic(n)
                || (n.chars().next().is_some_and(char::is_uppercase)
                    && letters::cues(&n.to_lowercase()).slavic_surname())
        })
    }

    /// A name at word `i` that the letter rules would change and that looks East Slavic.
    fn candidate(&self, seg: &str, words: &[Word], i: usize, context: impl Fn() -> bool) -> Option<Candidate> {
        let w = words[i];
        let word = text(seg, w);
        // Every part must be capitalized ASCII (below): most words fail on their first byte.
        if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let parts = words::parts(word);
        let shaped = |p: &str| {
            let b = p.as_bytes();
            b.len() >= 2 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
        };
        if word.len() - (parts.len() - 1) < 4
            || !parts.iter().all(|(_, p)| shaped(p))
            || word.contains(['\u{2010}', '\u{2011}'])
        {
            return None;
        }
        let lower = word.to_ascii_lowercase();
        let listed = |p: &str| {
            self.table_words.contains(p)
                || lexicon::KEEP_SET.contains(p)
                || lexicon::WESTERN_SET.contains(p)
                || lexicon::CONTEXT.contains(p)
        };
        if listed(&lower) || lower.split('-').any(|p| listed(p) || !letters::english_style_shape(p)) {
            return None;
        }
        if !plain_surroundings(seg, w) || signed(seg, words, i) {
            return None;
        }
        let strict = letters::french_form(word, Mode::Unambiguous)?;
        if strict == word {
            return None;
        }
        let french = letters::french_form(word, Mode::Full)?;
        let cues = letters::cues(&lower);
        let before = i.checked_sub(1).filter(|&p| words::joins(gap(seg, words, p), false)).map(|p| text(seg, words[p]));
        let name_cue = before
            .is_some_and(|b| self.slavic_first.contains(&b.to_lowercase()) || letters::is_patronymic(b))
            || next_word(seg, words, i).is_some_and(letters::is_patronymic);
        // Alexander, Victor… say little alone, but enough beside an -ov or -sky.
        let shared_first_name =
            before.is_some_and(|b| self.first_by_en.get(b).is_some_and(|&k| self.first_names[k].ambiguous));
        let level = if cues.strong
            || cues.count() >= 2
            || (cues.count() >= 1 && name_cue)
            || (cues.medium >= 1 && (shared_first_name || context()))
        {
            Some(Level::Strong)
        } else if cues.medium >= 1 {
            Some(Level::Weak)
        } else if cues.count() >= 1 {
            None
        } else {
            return None;
        };
        Some(Candidate { form: lower, span: NormSpan::new(w.start, w.end), written: word.to_owned(), french, level })
    }
}

/// The text of a word.
fn text(seg: &str, w: Word) -> &str {
    &seg[w.start..w.end]
}

/// The text between word `i` and the next.
fn gap<'s>(seg: &'s str, words: &[Word], i: usize) -> &'s str {
    words.get(i + 1).map_or("", |n| &seg[words[i].end..n.start])
}

/// The word after word `i` when only spaces separate them.
fn next_word<'s>(seg: &'s str, words: &[Word], i: usize) -> Option<&'s str> {
    let next = *words.get(i + 1)?;
    words::joins(gap(seg, words, i), false).then(|| text(seg, next))
}

/// Whether a word stands as prose, not inside an address, a handle, a path or a name with an
/// apostrophe (Vasil'ev is cut at the apostrophe; an English possessive is fine).
fn plain_surroundings(seg: &str, w: Word) -> bool {
    let before = seg[..w.start].chars().next_back();
    if before.is_some_and(|c| matches!(c, '@' | '#' | '/' | '\\' | '_' | '.' | '\'' | '’')) {
        // An elided article (d’Ushakov) is prose.
        let elided =
            matches!(before, Some('\'' | '’')) && seg[..w.start].chars().rev().nth(1).is_some_and(char::is_lowercase);
        if !elided {
            return false;
        }
    }
    let mut after = seg[w.end..].chars();
    match (after.next(), after.next(), after.next()) {
        (Some('@' | '/' | '\\' | '_'), _, _) => false,
        (Some('.'), Some(c), _) if c.is_alphanumeric() => false,
        (Some('\'' | '’'), Some('s'), next) => next.is_none_or(|c| !c.is_alphanumeric()),
        (Some('\'' | '’'), Some(c), _) if c.is_alphanumeric() => false,
        _ => true,
    }
}

/// Whether the name around word `i` is a signature, followed by an address in angle
/// brackets (Sergey Poznyakoff <gray@gnu.org.ua>): the person's own spelling, left alone.
fn signed(seg: &str, words: &[Word], i: usize) -> bool {
    let mut last = i;
    // The rest of the name: up to three more words or initials (Dmitry V. Levin).
    while last + 1 < words.len() && last < i + 3 {
        let next = text(seg, words[last + 1]);
        let initial = text(seg, words[last]).chars().count() == 1;
        let joined =
            words::joins(gap(seg, words, last), false) || (initial && words::joins(gap(seg, words, last), true));
        if !joined || !next.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        last += 1;
    }
    seg[words[last].end..].trim_start().starts_with('<')
}

/// Whether a word announces a Russian or Ukrainian context.
fn is_context_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lexicon::CONTEXT.contains(lower.as_str()) || words::parts(&lower).iter().any(|(_, p)| lexicon::CONTEXT.contains(p))
}

impl Check for TransliterationEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let text_all = cx.document.text();
        let known_rule = self.rule(cx, KNOWN);
        let first_rule = self.rule(cx, FIRST);
        let letters_on = self.rule(cx, LETTERS).is_some() || self.rule(cx, WEAK).is_some();
        if known_rule.is_none() && first_rule.is_none() && !letters_on {
            return;
        }
        let mut candidates = Vec::new();
        for segment in cx.document.segments() {
            let base = segment.span.start;
            let seg = &text_all[segment.span.range()];
            let words = words::words(seg);
            let Some(last) = words.last() else { continue };
            let mut claimed = vec![false; words.len()];
            let hits = self.hits(seg, &words);

            // Context: words such as russe or Kremlin, and table names that need none. Read
            // only when a name needs it: most segments have none.
            let context = LazyCell::new(|| {
                let mut context = vec![false; last.sentence + 1];
                for w in &words {
                    if is_context_word(text(seg, *w)) {
                        context[w.sentence] = true;
                    }
                }
                // A table name is context too, unless it is a lone word already in French
                // (Miller, as in Alexeï Miller, says nothing).
                for hit in hits.iter().filter(|h| {
                    let known = &self.known[h.entry];
                    !known.context && (!known.suggestions.is_empty() || known.tokens.len() > 1)
                }) {
                    context[words[hit.first].sentence] = true;
                }
                context
            });
            let in_context = |s: usize| context[s] || (s > 0 && context[s - 1]);

            for hit in &hits {
                let known = &self.known[hit.entry];
                if known.context && !in_context(words[hit.first].sentence) {
                    continue;
                }
                claimed[hit.first..=hit.last].fill(true);
                let (Some(rule), false) = (known_rule, known.suggestions.is_empty()) else { continue };
                let (start, end) =
                    hit.part.unwrap_or((words[hit.first + known.lo].start, words[hit.first + known.hi - 1].end));
                let span = NormSpan::new(start, end);
                sink.push(rule.finding(span.shifted(base), &seg[start..end], &known.suggestions));
            }

            for i in 0..words.len() {
                if claimed[i] {
                    continue;
                }
                let word = text(seg, words[i]);
                let Some(&k) = self.first_by_en.get(word) else { continue };
                claimed[i] = true;
                let name = &self.first_names[k];
                let applies = !signed(seg, &words, i) && self.first_name_applies(name, seg, &words, i);
                if let Some(rule) = first_rule.filter(|_| applies) {
                    let span = NormSpan::new(words[i].start, words[i].end).shifted(base);
                    sink.push(rule.finding(span, word, &name.suggestions));
                }
            }

            if letters_on {
                for i in (0..words.len()).filter(|&i| !claimed[i]) {
                    if let Some(mut c) = self.candidate(seg, &words, i, || in_context(words[i].sentence)) {
                        c.span = c.span.shifted(base);
                        candidates.push(c);
                    }
                }
            }
        }
        self.push_letter_findings(cx, sink, candidates);
    }
}

impl TransliterationEngine {
    /// Reports the letter-rule candidates, each occurrence of a name at the strongest level
    /// any of its occurrences reached: "Oleg Kuzhelev" early makes a later bare "Kuzhelev" sure.
    fn push_letter_findings(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>, candidates: Vec<Candidate>) {
        let mut best: HashMap<&str, Level> = HashMap::new();
        for c in &candidates {
            if let Some(level) = c.level {
                let entry = best.entry(c.form.as_str()).or_insert(level);
                *entry = (*entry).max(level);
            }
        }
        for c in &candidates {
            let slot = match best.get(c.form.as_str()) {
                Some(Level::Strong) => LETTERS,
                Some(Level::Weak) => WEAK,
                None => continue,
            };
            if let Some(rule) = self.rule(cx, slot) {
                sink.push(rule.finding(c.span, &c.written, std::slice::from_ref(&c.french)));
            }
        }
    }
}

/// The French forms of a bare surname and whether it needs context; `None` once two persons
/// with that English surname disagree on its French form.
type BareFrench = Option<(Vec<String>, bool)>;

/// The tables as they are being built.
#[derive(Default)]
struct Tables {
    known: Vec<Known>,
    seen: HashSet<Vec<String>>,
    /// Bare surnames with their French forms, in the order met.
    bare: Vec<(String, BareFrench)>,
    bare_index: HashMap<String, usize>,
    /// French forms, added last so that an English form always wins.
    accepted: Vec<Vec<Tok>>,
    first_names: Vec<FirstName>,
    first_by_en: HashMap<String, usize>,
    slavic_first: HashSet<String>,
    surname_words: HashSet<String>,
    table_words: HashSet<String>,
}

/// NFC, as the document text is.
fn nfc(text: &str) -> String {
    text.nfc().collect()
}

/// A name of a table as words; each must be one word for the tokenizer.
fn parse_name(name: &str, entry: &DataEntry) -> Result<Vec<Tok>, PackError> {
    let name = nfc(name);
    let mut tokens = Vec::new();
    for piece in name.split_whitespace() {
        let (word, dot) = piece.strip_suffix('.').map_or((piece, false), |w| (w, true));
        let found = words::words(word);
        if found.len() != 1 || found[0].start != 0 || found[0].end != word.len() {
            return Err(entry.error(format!("`{name}`: `{piece}` is not one word")));
        }
        tokens.push(Tok { text: word.to_owned(), dot });
    }
    if tokens.is_empty() {
        return Err(entry.error("empty name"));
    }
    Ok(tokens)
}

/// The words of a name joined back with spaces.
fn join(tokens: &[Tok]) -> String {
    let words: Vec<String> =
        tokens.iter().map(|t| if t.dot { format!("{}.", t.text) } else { t.text.clone() }).collect();
    words.join(" ")
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

impl Tables {
    fn first_name(&mut self, entry: &DataEntry) -> Result<(), PackError> {
        let row: FirstNameRow = entry.parse()?;
        let fr = nfc(&row.fr);
        let mut suggestions = vec![fr.clone()];
        for alt in &row.fr_also {
            push_unique(&mut suggestions, nfc(alt));
        }
        if row.en.is_empty() {
            return Err(entry.error("`en` lists no English form"));
        }
        let index = self.first_names.len();
        for en in &row.en {
            if suggestions.contains(en) {
                return Err(entry.error(format!("`{en}` is also a French form: leave it out")));
            }
            if self.first_by_en.insert(en.clone(), index).is_some() {
                return Err(entry.error(format!("`{en}` is already in another [[first-name]]")));
            }
            self.table_words.insert(en.to_lowercase());
            if !row.ambiguous {
                self.slavic_first.insert(en.to_lowercase());
            }
        }
        for form in &suggestions {
            let lower = form.to_lowercase();
            self.table_words.insert(lower.clone());
            if !row.ambiguous && !lexicon::WESTERN_FIRST_NAMES.contains(&lower.as_str()) {
                self.slavic_first.insert(lower);
            }
        }
        self.first_names.push(FirstName { en: row.en, suggestions, ambiguous: row.ambiguous });
        Ok(())
    }

    fn person(&mut self, entry: &DataEntry) -> Result<(), PackError> {
        let row: PersonRow = entry.parse()?;
        let fr_forms = std::iter::once(&row.fr)
            .chain(&row.fr_also)
            .map(|n| parse_name(n, entry))
            .collect::<Result<Vec<_>, _>>()?;
        let mut en_forms =
            std::iter::once(&row.en).chain(&row.also).map(|n| parse_name(n, entry)).collect::<Result<Vec<_>, _>>()?;
        if en_forms.iter().any(|f| fr_forms.contains(f)) {
            return Err(entry.error(format!("`{}` is written the same in French: leave it out", row.en)));
        }
        // Every English spelling of the first name (Sergey, Sergei; Alexander, Aleksandr)
        // goes with the surname: the rows that share its French form.
        let mut variants = Vec::new();
        for form in en_forms.iter().filter(|f| f.len() >= 2) {
            let first = &form[0].text;
            let Some(k) = self.first_by_en.get(first).copied().or_else(|| {
                // Written the French way already in the table (Dmitri Trenin, Grigori Rasputin).
                self.first_names.iter().position(|n| n.suggestions.contains(first))
            }) else {
                continue;
            };
            let french = &self.first_names[k].suggestions[0];
            let spellings = self.first_names.iter().filter(|n| &n.suggestions[0] == french).flat_map(|n| &n.en);
            for alt in spellings {
                let mut variant = form.clone();
                variant[0] = Tok { text: alt.clone(), dot: false };
                if !en_forms.contains(&variant) && !variants.contains(&variant) {
                    variants.push(variant);
                }
            }
        }
        en_forms.extend(variants);
        for form in &en_forms {
            self.add(form, &fr_forms, row.context);
            if row.alone && form.len() >= 2 {
                self.add_bare(form, &fr_forms, row.context);
            }
        }
        for form in &fr_forms {
            self.accepted.push(form.clone());
            if row.alone && form.len() >= 2 {
                self.accepted.push(form[form.len() - 1..].to_vec());
            }
        }
        for form in en_forms.iter().chain(&fr_forms) {
            // The surname: what makes an Alexander before it Russian. Not for epithets and
            // numerals (Peter the Great, Nicholas II), which have `alone = false`.
            if row.alone && form.len() >= 2 {
                if let Some(last) = form.last() {
                    self.surname_words.insert(last.text.clone());
                }
            }
            self.note_words(form);
        }
        Ok(())
    }

    fn place(&mut self, entry: &DataEntry) -> Result<(), PackError> {
        let row: PlaceRow = entry.parse()?;
        let fr_forms = std::iter::once(&row.fr)
            .chain(&row.fr_also)
            .map(|n| parse_name(n, entry))
            .collect::<Result<Vec<_>, _>>()?;
        let en_forms =
            std::iter::once(&row.en).chain(&row.also).map(|n| parse_name(n, entry)).collect::<Result<Vec<_>, _>>()?;
        if en_forms.iter().any(|f| fr_forms.contains(f)) {
            return Err(entry.error(format!("`{}` is written the same in French: leave it out", row.en)));
        }
        for form in &en_forms {
            self.add(form, &fr_forms, row.context);
        }
        self.accepted.extend(fr_forms.iter().cloned());
        for form in en_forms.iter().chain(&fr_forms) {
            self.note_words(form);
        }
        Ok(())
    }

    /// Remembers the words of a name so the letter rules leave them alone.
    fn note_words(&mut self, form: &[Tok]) {
        for tok in form {
            let lower = tok.text.to_lowercase();
            for (_, part) in words::parts(&lower) {
                self.table_words.insert(part.to_owned());
            }
            self.table_words.insert(lower);
        }
    }

    /// Adds an English form; its span is the words that differ from every French form.
    fn add(&mut self, form: &[Tok], fr_forms: &[Vec<Tok>], context: bool) {
        let key: Vec<String> = form.iter().map(|t| t.text.clone()).collect();
        if !self.seen.insert(key) {
            return;
        }
        let same = |a: &Tok, b: &Tok| a.text == b.text;
        let shortest = fr_forms.iter().map(Vec::len).min().unwrap_or(0).min(form.len());
        let lo = fr_forms
            .iter()
            .map(|f| form.iter().zip(f).take_while(|(a, b)| same(a, b)).count())
            .min()
            .unwrap_or(0)
            .min(shortest);
        let suffix = fr_forms
            .iter()
            .map(|f| form.iter().rev().zip(f.iter().rev()).take_while(|(a, b)| same(a, b)).count())
            .min()
            .unwrap_or(0)
            .min(shortest - lo);
        let hi = form.len() - suffix;
        let mut suggestions = Vec::new();
        for f in fr_forms {
            let middle = &f[lo..f.len() - suffix];
            if !middle.is_empty() {
                push_unique(&mut suggestions, join(middle));
            }
        }
        if lo >= hi || suggestions.is_empty() {
            return;
        }
        self.known.push(Known { tokens: form.to_vec(), lo, hi, suggestions, context });
    }

    /// Adds the surname of an English form on its own (a later "Grushko").
    fn add_bare(&mut self, form: &[Tok], fr_forms: &[Vec<Tok>], context: bool) {
        let Some(bare) = form.last() else { return };
        let mut french = Vec::new();
        for f in fr_forms {
            if let Some(last) = f.last() {
                push_unique(&mut french, join(std::slice::from_ref(last)));
            }
        }
        if french.contains(&bare.text) {
            return;
        }
        match self.bare_index.get(&bare.text) {
            Some(&i) => {
                // Two persons with one English surname: only if they agree on the French one.
                if let (_, Some((existing, _))) = &self.bare[i] {
                    if existing.first() != french.first() {
                        self.bare[i].1 = None;
                    }
                }
            }
            None => {
                self.bare_index.insert(bare.text.clone(), self.bare.len());
                self.bare.push((bare.text.clone(), Some((french, context))));
            }
        }
    }

    fn finish(mut self, indexes: Vec<RuleIndex>, rules: [Option<Bound>; 4]) -> TransliterationEngine {
        for (word, french) in std::mem::take(&mut self.bare) {
            if let Some((french, context)) = french {
                let tok = Tok { text: word, dot: false };
                let fr: Vec<Vec<Tok>> = french.into_iter().map(|text| vec![Tok { text, dot: false }]).collect();
                self.add(&[tok], &fr, context);
            }
        }
        for form in std::mem::take(&mut self.accepted) {
            let key: Vec<String> = form.iter().map(|t| t.text.clone()).collect();
            if self.seen.insert(key) {
                let hi = form.len();
                self.known.push(Known { tokens: form, lo: 0, hi, suggestions: Vec::new(), context: false });
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, known) in self.known.iter().enumerate() {
            by_first.entry(known.tokens[0].text.clone()).or_default().push(k);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&k| std::cmp::Reverse(self.known[k].tokens.len()));
        }
        let mut slavic_first = self.slavic_first;
        slavic_first.extend(lexicon::SLAVIC_FIRST_NAMES.iter().map(|s| (*s).to_owned()));
        TransliterationEngine {
            indexes,
            rules,
            known: self.known,
            by_first,
            first_names: self.first_names,
            first_by_en: self.first_by_en,
            slavic_first,
            surname_words: self.surname_words,
            table_words: self.table_words,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, OnceLock};

    use crate::rules::pack::parse_pack;
    use crate::{Document, Linter, Registry, Selection, Severity};

    const PACK: &str = include_str!("../../rules/transliteration.toml");

    /// A linter with this pack alone, so other packs in progress do not interfere; built once.
    fn linter() -> &'static Linter {
        static LINTER: OnceLock<Linter> = OnceLock::new();
        LINTER.get_or_init(|| {
            let pack = parse_pack("rules/transliteration.toml", PACK).expect("pack parses");
            let registry = Arc::new(Registry::from_pack(pack).expect("pack compiles"));
            Linter::new(registry.clone(), Selection::all(&registry))
        })
    }

    /// (rule without its family, text, first suggestion) of each finding.
    fn found(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::from_str("t", text);
        linter()
            .check_document(&doc)
            .iter()
            .map(|d| {
                let rule = d.rule.as_str().trim_start_matches("transliteration.").to_owned();
                let suggestion = d.suggestions.first().map(|s| s.edit.replacement.clone()).unwrap_or_default();
                (rule, doc.original_text(d.span).into_owned(), suggestion)
            })
            .collect()
    }

    fn owned(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        list.iter().map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned())).collect()
    }

    #[test]
    fn a_full_name_is_one_finding_and_a_later_surname_another() {
        let text = "Le vice-ministre Alexander Grushko est arrivé.\n\nComme Grushko l’a dit, Jens Stoltenberg attend.";
        assert_eq!(
            found(text),
            owned(&[("known-name", "Alexander Grushko", "Alexandre Grouchko"), ("known-name", "Grushko", "Grouchko")])
        );
    }

    #[test]
    fn only_the_words_that_differ_are_reported() {
        assert_eq!(
            found("Sergei Lavrov et Vladimir Putin à Nizhny Novgorod."),
            owned(&[
                ("known-name", "Sergei", "Sergueï"),
                ("known-name", "Putin", "Poutine"),
                ("known-name", "Nizhny", "Nijni")
            ])
        );
        assert_eq!(found("Une lecture de Pushkin."), owned(&[("known-name", "Pushkin", "Pouchkine")]));
        // Every English spelling of a table first name goes with the surname.
        assert_eq!(found("Grigory Rasputin"), owned(&[("known-name", "Grigory Rasputin", "Grigori Raspoutine")]));
        assert_eq!(found("Aleksandr Grushko"), owned(&[("known-name", "Aleksandr Grushko", "Alexandre Grouchko")]));
        assert_eq!(found("La rencontre Putin-Zelensky."), owned(&[("known-name", "Putin", "Poutine")]));
        assert_eq!(
            found("La rencontre Putin-Zelenskyy."),
            owned(&[("known-name", "Putin", "Poutine"), ("known-name", "Zelenskyy", "Zelensky")])
        );
    }

    #[test]
    fn western_names_stay_untouched_even_in_a_russian_context() {
        let text = "Le ministre russe a reçu à Moscou Jens Stoltenberg, Bernard Shaw, George Washington, George \
                    Bush, Chuck Schumer, Jared Kushner, Joshua, Ashley, Ben Shapiro et Lloyd Austin, diplômés de \
                    Yale ; Alexander Stubb, Victor Hugo et Sanna Marin aussi, avec Zhang Jun et Ali Khamenei.";
        assert_eq!(found(text), []);
        assert_eq!(found("The Moscow Times cite Noam Chomsky et Igor Stravinsky."), []);
    }

    #[test]
    fn french_forms_are_accepted() {
        let text = "Alexandre Grouchko, Zelensky ou Zelenski, Youri Gagarine et Iouri Gagarine, Sergueï Choïgou.";
        assert_eq!(found(text), []);
    }

    #[test]
    fn unknown_names_by_letter_rules() {
        assert_eq!(
            found("Vasily Shmelyov, Oleg Kuzhelev et Sergey Lyubchenko."),
            owned(&[
                ("first-name", "Vasily", "Vassili"),
                ("letter-rules", "Shmelyov", "Chmeliov"),
                ("letter-rules", "Kuzhelev", "Koujelev"),
                ("first-name", "Sergey", "Sergueï"),
                ("letter-rules", "Lyubchenko", "Lioubtchenko")
            ])
        );
    }

    #[test]
    fn evidence_decides_the_rule_and_holds_for_the_whole_document() {
        assert_eq!(found("Le cinéaste Sokurov."), owned(&[("letter-rules-weak", "Sokurov", "Sokourov")]));
        assert_eq!(found("Le cinéaste russe Sokurov."), owned(&[("letter-rules", "Sokurov", "Sokourov")]));
        // -in alone proves nothing; beside Igor it does, and then for every occurrence.
        assert_eq!(found("Sechkin a parlé."), []);
        // A patronymic's -ich is English whatever else the word holds.
        assert_eq!(
            found("Vladimir Vladimirovich Putin"),
            owned(&[("letter-rules", "Vladimirovich", "Vladimirovitch"), ("known-name", "Putin", "Poutine")])
        );
        assert_eq!(
            found("Sechkin a parlé. Puis Igor Sechkin est parti."),
            owned(&[("letter-rules", "Sechkin", "Setchkine"), ("letter-rules", "Sechkin", "Setchkine")])
        );
    }

    #[test]
    fn shared_first_names_need_an_east_slavic_surname() {
        assert_eq!(found("Alexander Kozlov et Alexander Stubb."), owned(&[("first-name", "Alexander", "Alexandre")]));
        assert_eq!(found("Yuri Tanaka et Andrei Plesu."), []);
    }

    #[test]
    fn places_that_need_context_and_signatures() {
        assert_eq!(found("Le peintre est né à Tula, au Mexique."), []);
        assert_eq!(found("La ville russe de Tula."), owned(&[("known-name", "Tula", "Toula")]));
        assert_eq!(found("Écrit par Sergey Poznyakoff <gray@gnu.org.ua>."), []);
    }

    #[test]
    fn severities_come_from_the_pack() {
        let doc = Document::from_str("t", "Le cinéaste Sokurov et Sergey Kozlov.");
        let severities: Vec<Severity> = linter().check_document(&doc).iter().map(|d| d.severity).collect();
        assert_eq!(severities, [Severity::Info, Severity::Warning]);
    }

    #[test]
    fn tables_are_large_enough_and_checks_match_the_pack() {
        let pack = parse_pack("rules/transliteration.toml", PACK).expect("pack parses");
        use crate::rules::pack::Section;
        assert!(pack.data.entries(Section::Person).len() >= 150);
        assert!(pack.data.entries(Section::FirstName).len() >= 60);
        assert!(pack.data.entries(Section::Place).len() >= 30);
        // No English form twice: the second would be silently ignored.
        let mut seen = std::collections::HashSet::new();
        for section in [Section::Person, Section::Place] {
            for entry in pack.data.entries(section) {
                let en = entry.table.get("en").and_then(|v| v.as_str()).unwrap_or_default();
                assert!(seen.insert(en.to_owned()), "{en} is listed twice (line {})", entry.line);
            }
        }
        let mut bound: Vec<&str> = pack.rules.iter().filter_map(|r| r.meta.check.as_deref()).collect();
        bound.sort_unstable();
        let mut checks = super::CHECKS.to_vec();
        checks.sort_unstable();
        assert_eq!(bound, checks);
    }

    #[test]
    fn table_errors_name_the_line() {
        let bad = format!("{PACK}\n[[person]]\nen = \"Oleg Orlov\"\nfr = \"Oleg Orlov\"\n");
        let pack = parse_pack("t.toml", &bad).expect("pack parses");
        let err = Registry::from_pack(pack).map(|_| ()).expect_err("same form is an error");
        assert!(err.to_string().contains("same in French"), "{err}");
        assert!(err.line.is_some());
        let bad = format!("{PACK}\n[[place]]\nen = \"Moskva\"\nfr = \"Moscou\"\nregion = \"x\"\n");
        let pack = parse_pack("t.toml", &bad).expect("pack parses");
        assert!(Registry::from_pack(pack).is_err());
    }
}
