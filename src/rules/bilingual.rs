//! The `bilingual` kind: checks that compare each translation unit with its source text
//! (PO `msgid`, XLIFF `<source>`, a `--source` file aligned paragraph by paragraph).
//!
//! Units without a source are skipped, so the kind is silent on plain text. Every check reads
//! the unit's target and source with URLs, e-mail addresses and placeholders masked out (they
//! are compared as wholes by their own checks), so `%1$s` is not a number nor `{0}` a bracket.

use std::collections::HashMap;
use std::ops::Range;

use regex::Regex;

use crate::document::Unit;
use crate::options::{NbspStyle, Variant};
use crate::rules::glossary::{AcronymPair, Origin};
use crate::rules::pack::{PackData, PackError, RuleEntry, bind_checks, builtin_regex};
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &[
    "number-mismatch",
    "number-missing",
    "source-acronym",
    "untranslated",
    "placeholder",
    "url",
    "unbalanced",
    "bracket-count",
];

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';
const THIN: char = '\u{2009}';

/// English words that tell English prose from a name left as it is (`Save your work` from
/// `Viana do Castelo`); words other languages' names use (a, an, in, do, no) are left out.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "or", "to", "for", "with", "from", "your", "you", "is", "are", "be", "been", "was", "were",
    "this", "that", "these", "it", "its", "not", "my", "our", "we", "can", "cannot", "will", "has", "have", "should",
    "must", "when", "if", "into", "by", "on", "at", "please", "before", "after",
];

/// Runs the `bilingual` rules.
pub(crate) struct BilingualEngine {
    indexes: Vec<RuleIndex>,
    /// `(check name, rule)` for every bound entry.
    bound: Vec<(&'static str, RuleIndex)>,
    /// Foreign acronym → its French form, from the glossary and the acronym pairs.
    acronyms: HashMap<String, AcronymPair>,
    url: Regex,
    email: Regex,
    printf: Regex,
    python: Regex,
    brace: Regex,
    roman_ordinal: Regex,
}

impl BilingualEngine {
    /// Binds the entries to their checks and reads the acronym tables of the glossary.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], data: &PackData) -> Result<Self, PackError> {
        let bound = bind_checks("bilingual", CHECKS, entries)?;
        let re = |source: &str| builtin_regex("bilingual", source);
        Ok(BilingualEngine {
            indexes: entries.iter().map(|(i, _)| *i).collect(),
            bound,
            acronyms: data.glossary()?.foreign_acronyms.clone(),
            url: re(r#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"«»“”`]+"#)?,
            email: re(r"\b(?:mailto:)?[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")?,
            // No space flag: « 50 % de » must not read as `% d`.
            printf: re(
                r"%(?:\d+\$)?[-+#0]*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?(?:hh|h|ll|l|L|z|j|t|q)?[diouxXeEfFgGaAcspn@]",
            )?,
            python: re(r"%\([A-Za-z_]\w*\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")?,
            // `{0}`, `{name}`, `{0,10}`, `{0:N2}`, `{count, number}`; not `{a,b,c}` (a choice in
            // a usage message).
            brace: re(
                r"\{\{\s*[\w.]+\s*\}\}|\{\s*(?:\d+|[A-Za-z_][\w.]*)\s*(?:,\s*(?:-?\d+|number|date|time|plural|select|selectordinal|spellout|ordinal|duration)\b[^{}\n]*|:[^{}\n]*)?\}",
            )?,
            roman_ordinal: re(r"\b([IVXLCDM]+)(?:e|er|re|ème|ᵉ|es|ers)\b")?,
        })
    }

    fn rule(&self, cx: &CheckContext<'_>, check: &str) -> Option<RuleIndex> {
        self.bound.iter().find(|(name, _)| *name == check).map(|&(_, r)| r).filter(|&r| cx.enabled(r))
    }

    /// URLs, e-mail addresses and placeholders of `text`, in text order, none overlapping.
    fn protected(&self, text: &str) -> Vec<Protected> {
        let mut found: Vec<Protected> = Vec::new();
        let overlaps = |found: &[Protected], r: &Range<usize>| {
            found.iter().any(|p| p.range.start < r.end && r.start < p.range.end)
        };
        for m in self.url.find_iter(text) {
            let range = m.start()..m.start() + trim_url(m.as_str()).len();
            found.push(Protected { kind: Kind::Url, key: url_key(&text[range.clone()]), range });
        }
        for m in self.email.find_iter(text) {
            let raw = m.as_str().trim_end_matches('.');
            let range = m.start()..m.start() + raw.len();
            if !overlaps(&found, &range) {
                let key = raw.trim_start_matches("mailto:").to_lowercase();
                found.push(Protected { kind: Kind::Email, key, range });
            }
        }
        let mut placeholders = Vec::new();
        // `%%` is a literal percent sign: `%%(end)` is no placeholder.
        let scan = text.replace("%%", "  ");
        for m in self.printf.find_iter(&scan).chain(self.python.find_iter(&scan)) {
            // `50%d` is not a placeholder in prose; `%1$s%2$s` is.
            if scan[..m.start()].ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            placeholders.push((m.range(), printf_key(m.as_str())));
        }
        for m in self.brace.find_iter(text) {
            // Braces inside an ICU `select`/`plural` hold translated text, not placeholders.
            let depth =
                text[..m.start()].matches('{').count() as isize - text[..m.start()].matches('}').count() as isize;
            // `{dis}able`, `\x{HEX}`: braces glued to a word are syntax, not a placeholder.
            let glued = text[..m.start()].ends_with(char::is_alphanumeric)
                || text[m.end()..].starts_with(char::is_alphanumeric);
            if depth <= 0 && !glued {
                placeholders.push((m.range(), m.as_str().chars().filter(|c| !c.is_whitespace()).collect()));
            }
        }
        for (range, key) in placeholders {
            if !overlaps(&found, &range) {
                found.push(Protected { kind: Kind::Placeholder, key, range });
            }
        }
        found.sort_by_key(|p| p.range.start);
        found
    }

    /// Every check on one unit with a source.
    fn check_unit(&self, cx: &CheckContext<'_>, unit: &Unit, source: &str, sink: &mut Sink<'_>) {
        let Some(target) = cx.document.text().get(unit.span.range()) else { return };
        if target.trim().is_empty() || source.trim().is_empty() {
            return;
        }
        let pair = Pair {
            base: unit.span.start,
            unit: unit.span,
            target,
            source,
            target_protected: self.protected(target),
            source_protected: self.protected(source),
        };
        let target_masked = mask(target, &pair.target_protected);
        let mut source_masked = mask(source, &pair.source_protected);
        // The source shows its inline codes (`<x id="1"/>`) in place; the target's are
        // outside its prose. Their quotes and brackets are markup, not text.
        for code in &unit.source_codes {
            source_masked = source_masked.replace(code.as_str(), &"#".repeat(code.len()));
        }
        if let Some(rule) = self.rule(cx, "untranslated") {
            untranslated(rule, &pair, &source_masked, sink);
        }
        let mismatch = self.rule(cx, "number-mismatch");
        let missing = self.rule(cx, "number-missing");
        if mismatch.is_some() || missing.is_some() {
            self.numbers(cx, mismatch, missing, &pair, &target_masked, &source_masked, sink);
        }
        if let Some(rule) = self.rule(cx, "source-acronym") {
            self.source_acronyms(rule, &pair, &target_masked, &source_masked, sink);
        }
        if let Some(rule) = self.rule(cx, "placeholder") {
            placeholders(rule, &pair, unit, sink);
        }
        if let Some(rule) = self.rule(cx, "url") {
            compare_protected(rule, &pair, &[Kind::Url, Kind::Email], sink);
        }
        let unbalanced = self.rule(cx, "unbalanced");
        let count = self.rule(cx, "bracket-count");
        if unbalanced.is_some() || count.is_some() {
            brackets(unbalanced, count, &pair, &target_masked, &source_masked, sink);
        }
    }

    /// Numbers of the target that the source does not have, and the reverse.
    #[allow(clippy::too_many_arguments)]
    fn numbers(
        &self,
        cx: &CheckContext<'_>,
        mismatch: Option<RuleIndex>,
        missing: Option<RuleIndex>,
        pair: &Pair<'_>,
        target: &str,
        source: &str,
        sink: &mut Sink<'_>,
    ) {
        let space =
            if cx.options.nbsp == NbspStyle::Full || cx.options.variant == Variant::FrCa { NBSP } else { NNBSP };
        let Numbers { quantities: target_numbers, glued: target_glued } = numbers(target, Side::Target, space);
        let Numbers { quantities: source_numbers, glued: source_glued } = numbers(source, Side::Source, space);
        if target_numbers.is_empty() && source_numbers.is_empty() {
            return;
        }
        let source_values: Vec<f64> = source_numbers.iter().flat_map(|n| n.values.iter().copied()).collect();
        // Numbers in words and numbers glued to a name explain numbers of the other side.
        let mut source_words = word_values(source, &english_number_word);
        source_words.extend(source_glued);
        let mut target_values: Vec<f64> = target_numbers.iter().flat_map(|n| n.values.iter().copied()).collect();
        target_values.extend(word_values(target, &french_number_word));
        target_values.extend(target_glued);
        for c in self.roman_ordinal.captures_iter(target) {
            // `Le`, `Ces`, `Des`, `Mes` are words, not ordinals.
            let numeral = c.get(1).map(|m| m.as_str()).filter(|m| !matches!(*m, "L" | "C" | "D" | "M"));
            if let Some(v) = numeral.and_then(roman_value) {
                target_values.push(v as f64);
            }
        }
        let unmatched_target: Vec<&Number> = target_numbers
            .iter()
            .filter(|n| !n.values.iter().any(|v| contains(&source_values, *v) || contains(&source_words, *v)))
            .collect();
        let unmatched_source: Vec<&Number> =
            source_numbers.iter().filter(|n| !n.values.iter().any(|v| contains(&target_values, *v))).collect();

        // Pair each unexplained target number with the source number it likely renders: same
        // digits first (1,500 → 1,5), then in order when the counts agree.
        let mut partner: Vec<Option<usize>> = vec![None; unmatched_target.len()];
        let mut used = vec![false; unmatched_source.len()];
        for (t, slot) in unmatched_target.iter().zip(partner.iter_mut()) {
            if let Some(s) =
                (0..unmatched_source.len()).find(|&s| !used[s] && unmatched_source[s].signature == t.signature)
            {
                used[s] = true;
                *slot = Some(s);
            }
        }
        let free_targets: Vec<usize> = (0..unmatched_target.len()).filter(|&t| partner[t].is_none()).collect();
        let free_sources: Vec<usize> = (0..unmatched_source.len()).filter(|&s| !used[s]).collect();
        if free_targets.len() == free_sources.len() {
            for (&t, &s) in free_targets.iter().zip(&free_sources) {
                partner[t] = Some(s);
                used[s] = true;
            }
        }

        if let Some(rule) = mismatch {
            for (t, number) in unmatched_target.iter().enumerate() {
                let span = pair.span(number.range.clone());
                match partner[t].map(|s| unmatched_source[s]) {
                    Some(s) => {
                        let words = match (s.raw.contains([',', '.']), s.integer) {
                            (true, Some(n)) => french_words(n).map(|w| format!(" ({w})")).unwrap_or_default(),
                            _ => String::new(),
                        };
                        let message = format!(
                            "« {} » : la source dit {}{words} ; en français : « {} ».",
                            number.raw, s.raw, s.french
                        );
                        sink.push(Finding::new(rule, span).with_message(message).suggest(s.french.clone()));
                    }
                    // Small numbers come and go in translation (« les 2 pays » for « both
                    // countries », list numbers): only a clash with a source number counts.
                    None if number.values.iter().all(|v| *v <= 10.0) => {}
                    None => {
                        let message = format!("« {} » n’est pas dans la source : vérifiez ce nombre.", number.raw);
                        sink.push(Finding::new(rule, span).with_message(message));
                    }
                }
            }
        }
        if let Some(rule) = missing {
            // A small number the target does not show was probably written out (« trois »).
            let absent: Vec<String> = unmatched_source
                .iter()
                .enumerate()
                .filter(|(s, n)| !used[*s] && n.values.iter().any(|v| *v > 10.0))
                .map(|(_, n)| format!("« {} »", n.raw))
                .collect();
            if !absent.is_empty() {
                let message = if absent.len() == 1 {
                    format!("La source contient le nombre {}, absent de la traduction.", absent.join(""))
                } else {
                    format!("La source contient les nombres {}, absents de la traduction.", absent.join(", "))
                };
                sink.push(Finding::new(rule, pair.unit).with_message(message));
            }
        }
    }

    /// English acronyms of the source left as they are in the target, where the `acronym`
    /// kind's `english` check is silent (ambiguous letters, glosses, compounds).
    fn source_acronyms(&self, rule: RuleIndex, pair: &Pair<'_>, target: &str, source: &str, sink: &mut Sink<'_>) {
        let shouting = is_shouting(target);
        if !shouting {
            self.scrambled_acronyms(rule, pair, target, source, sink);
        }
        for (acronym, found) in whole_words(target) {
            // Romanized Russian acronyms (ES, SK) are not in an English source.
            let Some(entry) = self.acronyms.get(acronym).filter(|e| e.from == Origin::En) else { continue };
            let in_source: Vec<Range<usize>> =
                whole_words(source).filter(|(w, _)| *w == acronym).map(|(_, r)| r).collect();
            if in_source.is_empty() {
                continue;
            }
            // Letters that are often something else (US Letter, GCC the compiler, ICU the
            // library) are confirmed only by a source that uses them as a name: `the EU`,
            // `the UN's`.
            if entry.ambiguous && !in_source.iter().any(|r| names_entity(source, r.clone())) {
                continue;
            }
            let before = target[..found.start].trim_end();
            let glossed = before.ends_with(['(', '«']);
            let joined = target[..found.start].ends_with('-') || target[found.end..].starts_with('-');
            if !entry.ambiguous && !glossed && !joined {
                // `acronym.english` reports it already.
                continue;
            }
            if entry.ambiguous && shouting {
                continue;
            }
            // « (NATO en anglais) » names the English acronym on purpose.
            let tail: String = target[found.end..].chars().take(40).collect();
            let tail = tail.split([')', '»']).next().unwrap_or("");
            if tail.contains("anglais") || tail.contains("English") {
                continue;
            }
            let english = entry.en_expansion.as_deref().map(|e| format!(" ({e})")).unwrap_or_default();
            let french =
                entry.fr_expansion.as_deref().filter(|e| *e != entry.fr).map(|e| format!(" ({e})")).unwrap_or_default();
            let message = format!(
                "« {acronym} » est l’acronyme anglais de la source{english} ; en français : « {} »{french}.",
                entry.fr
            );
            sink.push(Finding::new(rule, pair.span(found)).with_message(message).suggest(entry.fr.clone()));
        }
    }
}

impl BilingualEngine {
    /// Acronyms of the target that spell a source acronym's letters in another order (the
    /// seed's « RNC » for NRC): MT kept the English letters and reordered them, or kept a
    /// letter order that is neither language's. Reported when the French acronym the
    /// glossary gives is absent from the unit.
    fn scrambled_acronyms(&self, rule: RuleIndex, pair: &Pair<'_>, target: &str, source: &str, sink: &mut Sink<'_>) {
        let sorted = |w: &str| {
            let mut letters: Vec<char> = w.chars().collect();
            letters.sort_unstable();
            letters
        };
        let source_acronyms: Vec<(&str, &AcronymPair)> = whole_words(source)
            .filter_map(|(w, r)| {
                let entry = self.acronyms.get(w).filter(|e| e.from == Origin::En)?;
                (!entry.ambiguous || names_entity(source, r)).then_some((w, entry))
            })
            .collect();
        if source_acronyms.is_empty() {
            return;
        }
        for (word, found) in whole_words(target) {
            let len = word.chars().count();
            if !(2..=6).contains(&len) || !word.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            let letters = sorted(word);
            let Some((english, entry)) = source_acronyms
                .iter()
                .find(|(english, entry)| *english != word && entry.fr != word && sorted(english) == letters)
            else {
                continue;
            };
            if whole_words(target).any(|(w, _)| w == entry.fr) {
                continue;
            }
            let message = format!(
                "« {word} » reprend dans le désordre les lettres de l’acronyme anglais « {english} » de la source ; \
                 en français : « {} ».",
                entry.fr
            );
            sink.push(Finding::new(rule, pair.span(found)).with_message(message).suggest(entry.fr.clone()));
        }
    }
}

impl Check for BilingualEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        for unit in cx.document.units() {
            if let Some(source) = unit.source.as_deref() {
                self.check_unit(cx, unit, source, sink);
            }
        }
    }
}

/// What a protected stretch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Url,
    Email,
    Placeholder,
}

/// A URL, an e-mail address or a placeholder, with the key it is compared by.
#[derive(Debug, Clone)]
struct Protected {
    kind: Kind,
    range: Range<usize>,
    key: String,
}

/// One unit's target (in the document) and source.
struct Pair<'a> {
    /// Offset of the target in the normalized text.
    base: usize,
    /// The unit's span.
    unit: NormSpan,
    target: &'a str,
    source: &'a str,
    target_protected: Vec<Protected>,
    source_protected: Vec<Protected>,
}

impl Pair<'_> {
    /// A range of the target as a span of the document.
    fn span(&self, range: Range<usize>) -> NormSpan {
        NormSpan::new(self.base + range.start, self.base + range.end)
    }
}

/// `text` with the protected ranges filled with `#` (same byte length, so offsets still hold;
/// not spaces, so the quotation mark after `'%s` still closes).
fn mask(text: &str, protected: &[Protected]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for p in protected {
        out.push_str(&text[last..p.range.start]);
        out.extend(std::iter::repeat_n('#', p.range.len()));
        last = p.range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// A URL without the punctuation that ends the sentence around it.
fn trim_url(url: &str) -> &str {
    let mut url = url;
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '’']);
        let trimmed = match trimmed.strip_suffix(')') {
            Some(t) if trimmed.matches('(').count() < trimmed.matches(')').count() => t,
            _ => trimmed,
        };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

/// A URL as compared: scheme and host in lowercase, language codes in the path and query
/// replaced (a translation may point at the French page: `/en/` → `/fr/`).
fn url_key(url: &str) -> String {
    let lower = url.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for (i, part) in lower.split(['/', '?', '&', '=', '#', '.']).enumerate() {
        let is_language = matches!(
            part,
            "en" | "fr"
                | "en-us"
                | "en_us"
                | "en-gb"
                | "en_gb"
                | "fr-fr"
                | "fr_fr"
                | "fr-ca"
                | "fr_ca"
                | "fr-be"
                | "fr-ch"
                | "english"
                | "french"
                | "francais"
                | "français"
        );
        if i > 0 {
            out.push('/');
        }
        out.push_str(if is_language && i > 0 { "{lang}" } else { part });
    }
    out
}

/// A printf placeholder as compared: the argument position is dropped, so `%1$s` reordered
/// in the target still matches `%s`.
fn printf_key(placeholder: &str) -> String {
    if placeholder.starts_with("%(") {
        return placeholder.to_owned();
    }
    // Drop every `N$`, the argument's and those of a `*` width or precision.
    let mut out = String::with_capacity(placeholder.len());
    let mut digits = String::new();
    for c in placeholder.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '$' => digits.clear(),
            _ => {
                out.push_str(&digits);
                digits.clear();
                out.push(c);
            }
        }
    }
    out.push_str(&digits);
    out
}

/// Letters and digits only, lowercase: what is left to compare when punctuation, case and
/// spacing are set aside.
fn letters_and_digits(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Runs of letters (apostrophes and hyphens split them), with their byte ranges.
fn letter_words(text: &str) -> impl Iterator<Item = (&str, Range<usize>)> {
    let mut start = None;
    text.char_indices().chain(std::iter::once((text.len(), ' '))).filter_map(move |(i, c)| {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            None
        } else {
            start.take().map(|s| (&text[s..i], s..i))
        }
    })
}

/// Words of letters and digits that are not part of a longer run (`NATO-Russia` gives both).
fn whole_words(text: &str) -> impl Iterator<Item = (&str, Range<usize>)> {
    let mut start = None;
    text.char_indices().chain(std::iter::once((text.len(), ' '))).filter_map(move |(i, c)| {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            None
        } else {
            start.take().map(|s| (&text[s..i], s..i))
        }
    })
}

/// Whether the acronym at `range` of an English text is used as the name of an entity:
/// after `the`, or with a possessive.
fn names_entity(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].trim_end_matches(is_group_space);
    let article = before.len() < range.start
        && before.rsplit(|c: char| !c.is_alphabetic()).next().is_some_and(|w| w == "the" || w == "The");
    let after = &text[range.end..];
    article || after.starts_with("'s") || after.starts_with("’s")
}

/// Whether most words of `text` are in capitals (a heading: letters cannot be told from acronyms).
fn is_shouting(text: &str) -> bool {
    let words: Vec<&str> = letter_words(text).map(|(w, _)| w).filter(|w| w.chars().count() >= 2).collect();
    let caps = words.iter().filter(|w| w.chars().all(char::is_uppercase)).count();
    words.len() >= 3 && caps * 2 > words.len()
}

/// The whole target equals the source: the unit was not translated.
fn untranslated(rule: RuleIndex, pair: &Pair<'_>, source_masked: &str, sink: &mut Sink<'_>) {
    let target = letters_and_digits(pair.target);
    if target.is_empty() || target != letters_and_digits(pair.source) {
        return;
    }
    // Commands, options and identifiers (`git repack [<options>]`, `--no-prune`) stay as they
    // are: only English prose counts, words of letters between spaces.
    let tokens: Vec<&str> = source_masked.split_whitespace().collect();
    let code =
        |t: &str| t.starts_with('-') || t.contains(['<', '>', '[', ']', '{', '}', '|', '=', '_', '/', '\\', '%', '$']);
    let prose: Vec<&str> = tokens
        .iter()
        .filter(|t| !code(t))
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-')))
        .collect();
    // A name (`Viana do Castelo`, `Logitech iTouch Cordless`) has no English function word.
    let english = prose.iter().any(|w| ENGLISH_FUNCTION_WORDS.contains(&w.to_lowercase().as_str()));
    if prose.len() < 3 || prose.len() * 4 < tokens.len() * 3 || !english {
        return;
    }
    let message = format!("Segment non traduit : la traduction reprend la source telle quelle ({} mots).", prose.len());
    sink.push(Finding::new(rule, pair.unit).with_message(message));
}

/// Placeholders (printf, Python, braces) and XLIFF inline codes missing or added.
fn placeholders(rule: RuleIndex, pair: &Pair<'_>, unit: &Unit, sink: &mut Sink<'_>) {
    // A date format (`%a %b %e %H:%M:%S %Y`) is rewritten for French on purpose.
    if !is_date_format(pair.source) {
        compare_protected(rule, pair, &[Kind::Placeholder], sink);
    }
    let (missing, added) = multiset_difference(&unit.source_codes, &unit.codes);
    if !missing.is_empty() {
        let list = quoted(&missing);
        let message = format!("Balises de la source absentes de la traduction : {list}.");
        sink.push(Finding::new(rule, pair.unit).with_message(message));
    }
    if !added.is_empty() {
        let list = quoted(&added);
        let message = format!("Balises de la traduction absentes de la source : {list}.");
        sink.push(Finding::new(rule, pair.unit).with_message(message));
    }
}

/// Whether `text` holds a `strftime` directive printf does not have (`%H`, `%Y`, `%b`…).
fn is_date_format(text: &str) -> bool {
    text.split('%')
        .skip(1)
        .any(|rest| rest.starts_with(['H', 'M', 'S', 'Y', 'y', 'B', 'b', 'Z', 'T', 'm', 'R', 'I', 'k']))
}

/// `text` with the parentheses of plural and gender marks (`file(s)`, `employé(e)s`,
/// `(S)uivant`) filled with `#`: they are spelling, not brackets.
fn without_marks(text: &str) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = text.to_owned().into_bytes();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != '(' {
            continue;
        }
        let inside = chars[k + 1..].iter().take_while(|(_, c)| c.is_alphabetic()).count();
        let close = chars.get(k + 1 + inside).filter(|(_, c)| *c == ')');
        let glued = k.checked_sub(1).is_some_and(|p| chars[p].1.is_alphabetic())
            || chars.get(k + 2 + inside).is_some_and(|(_, c)| c.is_alphabetic());
        if let Some(&(j, _)) = close
            && (1..=2).contains(&inside)
            && glued
        {
            // Both are one byte: the text stays valid UTF-8.
            out[i] = b'#';
            out[j] = b'#';
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// `« a », « b »`.
fn quoted(items: &[&String]) -> String {
    items.iter().map(|s| format!("« {s} »")).collect::<Vec<_>>().join(", ")
}

/// Items of `source` not in `target` and of `target` not in `source`, counting repeats.
fn multiset_difference<'a>(source: &'a [String], target: &'a [String]) -> (Vec<&'a String>, Vec<&'a String>) {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for s in source {
        *counts.entry(s).or_default() += 1;
    }
    let mut added = Vec::new();
    for t in target {
        match counts.get_mut(t.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => added.push(t),
        }
    }
    let mut missing = Vec::new();
    for s in source {
        if let Some(n) = counts.get_mut(s.as_str())
            && *n > 0
        {
            *n -= 1;
            missing.push(s);
        }
    }
    (missing, added)
}

/// Protected items of the given kinds that one side has and the other lacks: an added one is
/// reported where it stands (naming the source item it probably replaces), the missing ones
/// that nothing replaces on the whole unit.
fn compare_protected(rule: RuleIndex, pair: &Pair<'_>, kinds: &[Kind], sink: &mut Sink<'_>) {
    let pick =
        |list: &[Protected]| -> Vec<Protected> { list.iter().filter(|p| kinds.contains(&p.kind)).cloned().collect() };
    let target = pick(&pair.target_protected);
    let source = pick(&pair.source_protected);
    let source_keys: Vec<String> = source.iter().map(|p| p.key.clone()).collect();
    let target_keys: Vec<String> = target.iter().map(|p| p.key.clone()).collect();
    let (missing, added) = multiset_difference(&source_keys, &target_keys);
    // The raw text of the missing items, in source order.
    let mut missing_raw: Vec<&str> = Vec::new();
    let mut missing_items: Vec<&Protected> = Vec::new();
    let mut wanted = missing.iter().map(|s| s.as_str()).collect::<Vec<_>>();
    for p in &source {
        if let Some(i) = wanted.iter().position(|k| *k == p.key) {
            wanted.remove(i);
            missing_raw.push(&pair.source[p.range.clone()]);
            missing_items.push(p);
        }
    }
    let what = |kind: Kind| match kind {
        Kind::Url => "L’adresse",
        Kind::Email => "L’adresse électronique",
        Kind::Placeholder => "L’espace réservé",
    };
    // Added items, located: the last occurrences of each extra key.
    let mut extra: Vec<&Protected> = Vec::new();
    let mut remaining = added.iter().map(|s| s.as_str()).collect::<Vec<_>>();
    for p in target.iter().rev() {
        if let Some(i) = remaining.iter().position(|k| *k == p.key) {
            remaining.remove(i);
            extra.push(p);
        }
    }
    extra.reverse();
    let paired = extra.len().min(missing_raw.len());
    for (k, p) in extra.iter().enumerate() {
        let raw = &pair.target[p.range.clone()];
        let message = match missing_raw.get(k).filter(|_| k < paired) {
            Some(source) => format!("{} « {raw} » n’est pas dans la source, qui a « {source} ».", what(p.kind)),
            None => format!("{} « {raw} » n’est pas dans la source.", what(p.kind)),
        };
        let finding = Finding::new(rule, pair.span(p.range.clone())).with_message(message);
        // A placeholder or an address must be copied exactly: the source's is the fix.
        let finding = match missing_raw.get(k).filter(|_| k < paired) {
            Some(source) => finding.suggest(*source),
            None => finding,
        };
        sink.push(finding);
    }
    // The singular of a plural message often says « un fichier » for `%d file`: a count before
    // a singular noun, and « un » in the target.
    let says_one = letter_words(pair.target)
        .any(|(w, _)| matches!(w.to_lowercase().as_str(), "un" | "une" | "aucun" | "aucune" | "seul" | "seule"));
    let singular = |p: &Protected| {
        let noun: String = pair.source[p.range.end..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
        p.kind == Kind::Placeholder
            && p.key.starts_with('%')
            && p.key.ends_with(['d', 'i', 'u'])
            && !noun.is_empty()
            && !noun.ends_with('s')
            && says_one
    };
    let unexplained = missing_items.len() > paired && !missing_items[paired..].iter().all(|p| singular(p));
    if unexplained {
        let list: Vec<String> = missing_raw[paired..].iter().map(|s| format!("« {s} »")).collect();
        let noun = match (kinds.contains(&Kind::Placeholder), list.len()) {
            (true, 1) => "L’espace réservé",
            (true, _) => "Les espaces réservés",
            (false, 1) => "L’adresse",
            (false, _) => "Les adresses",
        };
        let verb = if list.len() == 1 { "manque" } else { "manquent" };
        let message = format!("{noun} {} de la source {verb} dans la traduction.", list.join(", "));
        sink.push(Finding::new(rule, pair.unit).with_message(message));
    }
}

/// Brackets and quotation marks that the target balances differently from the source.
fn brackets(
    unbalanced: Option<RuleIndex>,
    count: Option<RuleIndex>,
    pair: &Pair<'_>,
    target: &str,
    source: &str,
    sink: &mut Sink<'_>,
) {
    let (target, source) = (&without_marks(target), &without_marks(source));
    for (open, close, name) in [('(', ')', "parenthèses"), ('[', ']', "crochets"), ('{', '}', "accolades")] {
        let (so, sc) = (source.matches(open).count(), source.matches(close).count());
        let (to, tc) = (target.matches(open).count(), target.matches(close).count());
        let source_excess = so as isize - sc as isize;
        let target_excess = to as isize - tc as isize;
        if target_excess != source_excess {
            if let Some(rule) = unbalanced {
                let (range, which) = match lone_bracket(target, open, close) {
                    Some((range, true)) => (range, "ouvrante sans fermante"),
                    Some((range, false)) => (range, "fermante sans ouvrante"),
                    None => (0..target.len(), "mal appariée"),
                };
                let message = format!(
                    "Une des {name} est {which} dans la traduction alors que la source {} : la source a {so} ouvrante(s) et {sc} fermante(s), la traduction {to} et {tc}.",
                    if source_excess == 0 { "les équilibre" } else { "les apparie autrement" }
                );
                sink.push(Finding::new(rule, pair.span(range)).with_message(message));
            }
        } else if to < so
            && let Some(rule) = count
        {
            let message =
                format!("La source a {so} paire(s) de {name}, la traduction {to} : vérifiez qu’il ne manque rien.");
            sink.push(Finding::new(rule, pair.unit).with_message(message));
        }
    }
    let source_quotes = quote_pairs(source);
    let target_quotes = quote_pairs(target);
    if target_quotes.unpaired > source_quotes.unpaired {
        if let Some(rule) = unbalanced {
            let range = lone_bracket(target, '«', '»').map_or(0..target.len(), |(r, _)| r);
            let message = format!(
                "Guillemets non appariés dans la traduction alors que la source en a {} paire(s) complète(s).",
                source_quotes.pairs
            );
            sink.push(Finding::new(rule, pair.span(range)).with_message(message));
        }
    } else if target_quotes.pairs < source_quotes.pairs
        && target_quotes.unpaired == source_quotes.unpaired
        && let Some(rule) = count
    {
        let message = format!(
            "La source a {} paire(s) de guillemets, la traduction {} : vérifiez qu’il ne manque rien.",
            source_quotes.pairs, target_quotes.pairs
        );
        sink.push(Finding::new(rule, pair.unit).with_message(message));
    }
}

/// French words whose last vowel an apostrophe replaces.
const ELISIONS: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"];

/// Quotation marks counted as pairs, and those left over.
struct Quotes {
    pairs: usize,
    unpaired: usize,
}

/// Pairs of quotation marks and the marks left over. Double marks: `«` `“` `‹` open and `»`
/// `”` `›` close, straight `"` go two by two. Single marks (`‘…’`, `'…'`, `` `…' `` as GNU
/// messages write them) are told from apostrophes by what surrounds them: an opener follows a
/// space or an opening sign, a closer precedes a space or punctuation; `don’t` is neither.
fn quote_pairs(text: &str) -> Quotes {
    let chars: Vec<char> = text.chars().collect();
    let (mut open, mut close, mut straight) = (0usize, 0usize, 0usize);
    let (mut single_open, mut single_close) = (0usize, 0usize);
    for (k, &c) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(k + 1).copied();
        let opening_context = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '<' | '«' | '“' | '"' | '—' | '–' | '/')
        });
        let closing_context = next.is_none_or(|n| !n.is_alphanumeric()) && prev.is_some_and(|p| !p.is_whitespace());
        // `l’`, `d'`, `qu’` elide a word: an apostrophe, whatever follows.
        let elision = matches!(c, '\'' | '’') && {
            let len = chars[..k].iter().rev().take_while(|c| c.is_alphabetic()).count();
            let word: String = chars[k - len..k].iter().flat_map(|c| c.to_lowercase()).collect();
            // A whole word (`%s'` is a placeholder and a quote).
            let boundary = (k - len)
                .checked_sub(1)
                .and_then(|b| chars.get(b))
                .is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '«' | '“' | '"' | '-'));
            boundary && ELISIONS.contains(&word.as_str())
        };
        match c {
            '«' | '“' | '‹' => open += 1,
            '»' | '”' | '›' => close += 1,
            '"' => straight += 1,
            '‘' => single_open += 1,
            '’' | '\'' if elision => {}
            '`' | '\'' if opening_context => single_open += 1,
            '`' | '’' | '\'' if closing_context => single_close += 1,
            '`' => single_open += 1,
            _ => {}
        }
    }
    Quotes {
        pairs: open.min(close) + straight / 2 + single_open.min(single_close),
        unpaired: open.abs_diff(close) + straight % 2 + single_open.abs_diff(single_close),
    }
}

/// The first closing bracket without an opener, else the last opener left unclosed; `true`
/// for an opener.
fn lone_bracket(text: &str, open: char, close: char) -> Option<(Range<usize>, bool)> {
    let mut stack: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        if c == open {
            stack.push(i);
        } else if c == close && stack.pop().is_none() {
            return Some((i..i + c.len_utf8(), false));
        }
    }
    stack.pop().map(|i| (i..i + open.len_utf8(), true))
}

/// Which side a number is read on: English conventions for the source, French for the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Source,
    Target,
}

/// A number written with digits.
#[derive(Debug, Clone)]
struct Number {
    /// Where it is in its text.
    range: Range<usize>,
    /// As written.
    raw: String,
    /// Every value it can be read as (with `million` and the like applied too).
    values: Vec<f64>,
    /// Its first reading written the French way (for source numbers).
    french: String,
    /// Its first reading when that is a whole number.
    integer: Option<u64>,
    /// Its digits without separators nor trailing zeros (1,500 and 1,5 both give `15`).
    signature: String,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | NBSP | NNBSP | THIN)
}

/// Whether two values are the same number.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

fn contains(values: &[f64], v: f64) -> bool {
    values.iter().any(|x| same(*x, v))
}

/// The numbers of a text: those that are quantities, and the values of those glued to a word
/// (G20, COVID-19, X.509, base-64), which are names, never reported, but may explain a number
/// written apart on the other side (`base 64`, `X509`).
struct Numbers {
    quantities: Vec<Number>,
    glued: Vec<f64>,
}

/// The numbers written with digits in `text`, read with the conventions of `side`.
fn numbers(text: &str, side: Side, space: char) -> Numbers {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let mut out = Numbers { quantities: Vec::new(), glued: Vec::new() };
    let mut k = 0;
    while k < chars.len() {
        if !at(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
            continue;
        }
        let prev = k.checked_sub(1).and_then(at);
        let prev2 = k.checked_sub(2).and_then(at);
        let glued = prev.is_some_and(|p| p.is_alphabetic() || p == '_')
            || (prev.is_some_and(|p| matches!(p, '-' | '\u{2011}' | '.' | '_'))
                && prev2.is_some_and(char::is_alphabetic));
        // Digits and the separators between them.
        let mut groups: Vec<Range<usize>> = Vec::new();
        let mut seps: Vec<char> = Vec::new();
        let mut p = k;
        loop {
            let start = p;
            while at(p).is_some_and(|c| c.is_ascii_digit()) {
                p += 1;
            }
            groups.push(start..p);
            let Some(sep) = at(p) else { break };
            if !(matches!(sep, ',' | '.') || is_group_space(sep)) || !at(p + 1).is_some_and(|c| c.is_ascii_digit()) {
                break;
            }
            if is_group_space(sep) {
                // A space groups thousands only between groups of three (`3 000`, not `2019 300`).
                let next = (p + 1..).take_while(|&q| at(q).is_some_and(|c| c.is_ascii_digit())).count();
                let last = groups.last().map_or(0, |g| g.len());
                let first_ok = groups.len() > 1 || last <= 3;
                if next != 3 || !first_ok || (groups.len() > 1 && last != 3) || seps.iter().any(|s| !is_group_space(*s))
                {
                    break;
                }
            }
            seps.push(sep);
            p += 1;
        }
        k = p;
        let digits: Vec<&str> = groups.iter().map(|g| &text[offset(g.start)..offset(g.end)]).collect();
        // A run no convention reads (`1,2,3`, `3.2.1`, `12.01.2022`) is a list of numbers.
        let parts: Vec<(Range<usize>, Reading)> = match read(&digits, &seps, side) {
            Some(reading) => vec![(offset(groups[0].start)..offset(p), reading)],
            None => groups
                .iter()
                .zip(&digits)
                .filter_map(|(g, d)| Some((offset(g.start)..offset(g.end), read(&[d], &[], side)?)))
                .collect(),
        };
        if glued {
            out.glued.extend(parts.iter().flat_map(|(_, r)| r.values.iter().copied()));
            continue;
        }
        for (range, reading) in parts {
            out.quantities.push(quantity(text, range, &reading, side, space));
        }
    }
    out
}

/// A number read at `range`, with the scales and hours the words after it give.
fn quantity(text: &str, range: Range<usize>, reading: &Reading, side: Side, space: char) -> Number {
    let raw = text[range.clone()].to_owned();
    let after = &text[range.end..];
    let word: String = after.trim_start_matches(is_group_space).chars().take_while(|c| c.is_alphabetic()).collect();
    let attached = after.starts_with(char::is_alphabetic);
    let scale = match (side, word.as_str()) {
        (_, "million" | "millions") => Some(1e6),
        (Side::Source, "billion" | "billions" | "bn") => Some(1e9),
        (Side::Source, "trillion" | "trillions") => Some(1e12),
        (Side::Source, "thousand") => Some(1e3),
        (Side::Source, "m" | "mn") if attached => Some(1e6),
        (Side::Source, "k") if attached => Some(1e3),
        (Side::Target, "milliard" | "milliards" | "Md" | "Mds") => Some(1e9),
        (Side::Target, "billion" | "billions") => Some(1e12),
        (Side::Target, "mille") => Some(1e3),
        (Side::Target, "M") => Some(1e6),
        _ => None,
    };
    let mut values = reading.values.clone();
    if let Some(scale) = scale {
        values.extend(reading.values.iter().map(|v| v * scale));
    }
    if side == Side::Target && word == "h" {
        // `18 h` for `6 p.m.`.
        values.extend(reading.values.iter().filter(|v| (13.0..=24.0).contains(*v)).map(|v| v - 12.0));
    }
    if side == Side::Source && matches!(word.as_str(), "pm" | "p") {
        values.extend(reading.values.iter().filter(|v| (1.0..12.0).contains(*v)).map(|v| v + 12.0));
    }
    let signature: String = raw.chars().filter(char::is_ascii_digit).collect();
    let signature = signature.trim_end_matches('0').trim_start_matches('0').to_owned();
    Number { range, raw, values, french: reading.french(space), integer: reading.integer(), signature }
}

/// How a run of digit groups reads.
#[derive(Debug, Clone)]
struct Reading {
    /// Every value it can be read as, the most likely first.
    values: Vec<f64>,
    /// The first reading: integer digits, decimal digits, and whether thousands were grouped.
    first: Candidate,
}

/// One way to read a number: its integer and decimal digits.
#[derive(Debug, Clone)]
struct Candidate {
    int: String,
    frac: Option<String>,
    grouped: bool,
}

impl Candidate {
    fn value(&self) -> Option<f64> {
        match &self.frac {
            Some(frac) => format!("{}.{frac}", self.int).parse().ok(),
            None => self.int.parse().ok(),
        }
    }
}

impl Reading {
    /// The first reading written the French way: thousands grouped by `space` from five
    /// digits, or from four when the source grouped them (so years stay `2019`); decimal comma.
    fn french(&self, space: char) -> String {
        let Candidate { int, frac, grouped } = &self.first;
        let digits: Vec<char> = int.chars().collect();
        let group = digits.len() >= 5 || (digits.len() == 4 && *grouped);
        let mut out = String::with_capacity(int.len() + 8);
        for (i, c) in digits.iter().enumerate() {
            if group && i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(space);
            }
            out.push(*c);
        }
        if let Some(frac) = frac {
            out.push(',');
            out.push_str(frac);
        }
        out
    }

    /// The first reading when it is a whole number.
    fn integer(&self) -> Option<u64> {
        match &self.first.frac {
            None => self.first.int.parse().ok(),
            Some(_) => None,
        }
    }
}

/// The readings of digit groups and their separators on one side.
///
/// Two shapes: every separator groups thousands (one kind, groups of three after a first group
/// of one to three digits), or the last separator is a decimal mark and the others group.
/// English groups with `,` (or spaces) and marks decimals with `.`; French groups with spaces
/// and marks decimals with `,`. Copied English notation is read too in the target (`1.5`,
/// `1,000,000`), except a single `1,500`: in French that is one and a half.
fn read(groups: &[&str], seps: &[char], side: Side) -> Option<Reading> {
    let kind = |c: char| if is_group_space(c) { ' ' } else { c };
    let grouping_ok = |gs: &[&str], ss: &[char]| -> bool {
        // A first group of one to three digits, not a leading zero (`0,254` is no thousand).
        gs.first().is_some_and(|g| (1..=3).contains(&g.len()) && !g.starts_with('0'))
            && gs.iter().skip(1).all(|g| g.len() == 3)
            && ss.windows(2).all(|w| kind(w[0]) == kind(w[1]))
    };
    let Some((&last, rest)) = seps.split_last() else {
        let first = Candidate { int: (*groups.first()?).to_owned(), frac: None, grouped: false };
        return Some(Reading { values: vec![first.value()?], first });
    };
    let last_kind = kind(last);
    let same_as_last = seps.iter().filter(|&&s| kind(s) == last_kind).count();
    // Every separator groups thousands.
    let grouping_shape = grouping_ok(groups, seps);
    let grouping_allowed = match (side, last_kind) {
        (_, ' ') | (Side::Source, _) | (Side::Target, '.') => true,
        (Side::Target, _) => same_as_last >= 2,
    };
    let grouping =
        (grouping_shape && grouping_allowed).then(|| Candidate { int: groups.concat(), frac: None, grouped: true });
    // The last separator marks decimals, the others group.
    let (int_groups, frac_group) = groups.split_at(groups.len().saturating_sub(1));
    let decimal_shape = last_kind != ' ' && same_as_last == 1 && (rest.is_empty() || grouping_ok(int_groups, rest));
    // English `1,500` is never one and a half.
    let decimal_allowed = !(side == Side::Source && last_kind == ',' && grouping_shape);
    let decimal = (decimal_shape && decimal_allowed).then(|| Candidate {
        int: int_groups.concat(),
        frac: frac_group.first().map(|f| (*f).to_owned()),
        grouped: !rest.is_empty(),
    });
    // The most likely reading first: English `1.500` is one and a half, `1,500` fifteen hundred.
    let grouping_first = match side {
        Side::Source => last_kind != '.' || same_as_last >= 2,
        Side::Target => last_kind == ' ' || same_as_last >= 2,
    };
    let candidates: Vec<Candidate> = if grouping_first {
        grouping.into_iter().chain(decimal).collect()
    } else {
        decimal.into_iter().chain(grouping).collect()
    };
    let values: Vec<f64> = candidates.iter().filter_map(Candidate::value).collect();
    let first = candidates.into_iter().next()?;
    (!values.is_empty()).then_some(Reading { values, first })
}

/// What a number word contributes to a number written in words.
#[derive(Debug, Clone, Copy)]
enum NumberWord {
    /// Added: `three`, `vingt`.
    Unit(f64),
    /// Multiplies what precedes: `hundred`, `cent`.
    Hundred,
    /// Closes a group: `thousand`, `million`, `mille`.
    Scale(f64),
}

fn english_number_word(word: &str) -> Option<NumberWord> {
    use NumberWord::{Hundred, Scale, Unit};
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const ORDINALS: &[&str] = &[
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: &[&str] = &["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let w = word.to_lowercase();
    if let Some(n) = UNITS.iter().position(|u| *u == w).or_else(|| ORDINALS.iter().position(|u| *u == w)) {
        return Some(Unit(n as f64));
    }
    if let Some(n) =
        TENS.iter().position(|t| *t == w || w.strip_suffix("ieth").is_some_and(|s| t.strip_suffix('y') == Some(s)))
    {
        return Some(Unit(((n + 2) * 10) as f64));
    }
    Some(match w.as_str() {
        "once" | "single" => Unit(1.0),
        "twice" | "both" | "double" | "pair" | "couple" => Unit(2.0),
        "triple" | "thrice" => Unit(3.0),
        "half" => Unit(0.5),
        "dozen" => Unit(12.0),
        "decade" | "decades" => Unit(10.0),
        "hundred" | "hundreds" | "hundredth" => Hundred,
        "century" => Unit(100.0),
        "thousand" | "thousands" | "thousandth" => Scale(1e3),
        "million" | "millions" => Scale(1e6),
        "billion" | "billions" => Scale(1e9),
        "trillion" => Scale(1e12),
        _ => return None,
    })
}

fn french_number_word(word: &str) -> Option<NumberWord> {
    use NumberWord::{Hundred, Scale, Unit};
    const UNITS: &[&str] = &[
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
        "treize", "quatorze", "quinze", "seize",
    ];
    const ORDINALS: &[&str] = &[
        "",
        "",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
        "onzième",
        "douzième",
        "treizième",
        "quatorzième",
        "quinzième",
        "seizième",
    ];
    const TENS: &[&str] = &["vingt", "trente", "quarante", "cinquante", "soixante"];
    let w = word.to_lowercase();
    if let Some(n) =
        UNITS.iter().position(|u| *u == w).or_else(|| ORDINALS.iter().position(|u| !u.is_empty() && *u == w))
    {
        return Some(Unit(n as f64));
    }
    if let Some(n) = TENS.iter().position(|t| {
        w == *t || w == format!("{t}s") || w.strip_suffix("ième").is_some_and(|s| t.strip_suffix('e').unwrap_or(t) == s)
    }) {
        return Some(Unit(((n + 2) * 10) as f64));
    }
    Some(match w.as_str() {
        "une" | "premier" | "première" | "premiers" | "premières" | "unique" => Unit(1.0),
        "second" | "seconde" | "double" | "deux-tiers" => Unit(2.0),
        "triple" => Unit(3.0),
        "moitié" | "demi" | "demie" => Unit(0.5),
        "dizaine" | "dizaines" | "décennie" | "décennies" => Unit(10.0),
        "douzaine" | "douzaines" => Unit(12.0),
        "quinzaine" => Unit(15.0),
        "vingtaine" => Unit(20.0),
        "trentaine" => Unit(30.0),
        "centaine" | "centaines" | "siècle" => Unit(100.0),
        "cent" | "cents" | "centième" => Hundred,
        "mille" | "millier" | "milliers" | "millième" => Scale(1e3),
        "million" | "millions" => Scale(1e6),
        "milliard" | "milliards" => Scale(1e9),
        _ => return None,
    })
}

/// Values of the numbers written in words in `text` (`twenty-five`, `deux cent mille`,
/// `quatre-vingt-dix`): each phrase's total and each word's own value.
fn word_values(text: &str, lookup: &dyn Fn(&str) -> Option<NumberWord>) -> Vec<f64> {
    let mut out = Vec::new();
    let (mut total, mut current, mut any) = (0.0, 0.0, false);
    let mut previous_unit: Option<f64> = None;
    let mut last_end = 0;
    for (word, range) in letter_words(text) {
        let between = &text[last_end..range.start];
        last_end = range.end;
        let connector = matches!(word.to_lowercase().as_str(), "and" | "et");
        // A phrase is cut by punctuation other than a hyphen.
        let cut = between.chars().any(|c| !c.is_whitespace() && c != '-');
        if cut && any {
            out.push(total + current);
            (total, current, any, previous_unit) = (0.0, 0.0, false, None);
        }
        if connector && any {
            continue;
        }
        match lookup(word) {
            Some(NumberWord::Unit(v)) => {
                out.push(v);
                // `quatre-vingt(s)` multiplies: 4 × 20.
                if v == 20.0 && previous_unit == Some(4.0) {
                    current += 80.0 - 4.0;
                } else {
                    current += v;
                }
                previous_unit = Some(v);
                any = true;
            }
            Some(NumberWord::Hundred) => {
                current = if current == 0.0 { 100.0 } else { current * 100.0 };
                previous_unit = None;
                any = true;
            }
            Some(NumberWord::Scale(scale)) => {
                out.push(scale);
                total += if current == 0.0 { scale } else { current * scale };
                current = 0.0;
                previous_unit = None;
                any = true;
            }
            None => {
                if any {
                    out.push(total + current);
                }
                (total, current, any, previous_unit) = (0.0, 0.0, false, None);
            }
        }
    }
    if any {
        out.push(total + current);
    }
    out
}

/// The value of a Roman numeral (`XXI` → 21).
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<i64> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, v) in values.iter().enumerate() {
        // A smaller numeral before a larger one is subtracted (IV, XC).
        if values.get(i + 1).is_some_and(|next| next > v) { total -= v } else { total += v }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

/// A whole number in French words, traditional spelling (1 500 → « mille cinq cents »), for
/// numbers below a thousand billion.
pub(crate) fn french_words(n: u64) -> Option<String> {
    if n >= 1_000_000_000_000 {
        return None;
    }
    if n == 0 {
        return Some("zéro".to_owned());
    }
    let mut parts: Vec<String> = Vec::new();
    let billions = n / 1_000_000_000;
    let millions = n / 1_000_000 % 1000;
    let thousands = n / 1000 % 1000;
    let rest = n % 1000;
    // Before a noun (million, milliard) and at the end, cents and quatre-vingts keep their s.
    for (value, noun) in [(billions, "milliard"), (millions, "million")] {
        if value > 0 {
            let plural = if value > 1 { "s" } else { "" };
            parts.push(format!("{} {noun}{plural}", below_thousand(value, true)));
        }
    }
    match thousands {
        0 => {}
        1 => parts.push("mille".to_owned()),
        t => parts.push(format!("{} mille", below_thousand(t, false))),
    }
    if rest > 0 {
        parts.push(below_thousand(rest, true));
    }
    Some(parts.join(" "))
}

/// 1 to 999 in words; `end` when nothing but a noun follows (then `cents`, `quatre-vingts`).
fn below_thousand(n: u64, end: bool) -> String {
    const UNITS: [&str; 17] = [
        "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
        "quatorze", "quinze", "seize",
    ];
    const TENS: [&str; 7] = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];
    let below_hundred = |n: u64, end: bool| -> String {
        let n = n as usize;
        match n {
            0..=16 => UNITS[n].to_owned(),
            17..=19 => format!("dix-{}", UNITS[n - 10]),
            20..=69 => match n % 10 {
                0 => TENS[n / 10].to_owned(),
                1 => format!("{} et un", TENS[n / 10]),
                u => format!("{}-{}", TENS[n / 10], UNITS[u]),
            },
            70..=79 => match n {
                71 => "soixante et onze".to_owned(),
                _ => format!("soixante-{}", below_ten_to_nineteen(n - 60)),
            },
            80 => (if end { "quatre-vingts" } else { "quatre-vingt" }).to_owned(),
            _ => format!("quatre-vingt-{}", below_ten_to_nineteen(n - 80)),
        }
    };
    let hundreds = n / 100;
    let rest = n % 100;
    let mut out = match hundreds {
        0 => String::new(),
        1 => "cent".to_owned(),
        h => format!("{} cent{}", UNITS[h as usize], if rest == 0 && end { "s" } else { "" }),
    };
    if rest > 0 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&below_hundred(rest, end));
    }
    out
}

/// 1 to 19 in words (the tail of soixante-dix-neuf, quatre-vingt-onze…).
fn below_ten_to_nineteen(n: usize) -> String {
    const WORDS: [&str; 20] = [
        "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
        "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
    ];
    WORDS.get(n).copied().unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn values(text: &str, side: Side) -> Vec<Vec<f64>> {
        numbers(text, side, NNBSP).quantities.into_iter().map(|n| n.values).collect()
    }

    #[test]
    fn english_and_french_numbers_read_to_values() {
        assert_eq!(values("1,500.5 and 1500 and 3.2", Side::Source), vec![vec![1500.5], vec![1500.0], vec![3.2]]);
        assert_eq!(values("1,500", Side::Source), vec![vec![1500.0]]);
        assert_eq!(values("1 500,5 et 1\u{a0}500 et 3,2", Side::Target), vec![vec![1500.5], vec![1500.0], vec![3.2]]);
        assert_eq!(values("1,500", Side::Target), vec![vec![1.5]]);
        assert_eq!(values("1.5 et 1,000,000", Side::Target), vec![vec![1.5], vec![1_000_000.0]]);
        assert_eq!(values("1.500", Side::Target), vec![vec![1.5, 1500.0]]);
        assert_eq!(values("en 2019 300 personnes", Side::Target), vec![vec![2019.0], vec![300.0]]);
        assert_eq!(values("in 2019, 1,500 people", Side::Source), vec![vec![2019.0], vec![1500.0]]);
        assert_eq!(values("the G20, COVID-19, A320, X.509", Side::Source), Vec::<Vec<f64>>::new());
        assert_eq!(numbers("the G20 and X.509", Side::Source, NNBSP).glued, vec![20.0, 509.0]);
        assert_eq!(
            values("3.2.1 et 1,2,3", Side::Target),
            vec![vec![3.0], vec![2.0], vec![1.0], vec![1.0], vec![2.0], vec![3.0]]
        );
        assert_eq!(values("[0,254]", Side::Source), vec![vec![0.254]]);
        assert_eq!(values("1.5 million", Side::Source), vec![vec![1.5, 1_500_000.0]]);
        assert_eq!(values("1, 2, 3", Side::Target), vec![vec![1.0], vec![2.0], vec![3.0]]);
    }

    #[test]
    fn source_numbers_are_written_the_french_way() {
        let french = |s: &str| numbers(s, Side::Source, NNBSP).quantities.remove(0).french;
        assert_eq!(french("1,500"), "1\u{202f}500");
        assert_eq!(french("1,500.5"), "1\u{202f}500,5");
        assert_eq!(french("2019"), "2019");
        assert_eq!(french("12500"), "12\u{202f}500");
        assert_eq!(french("1,000,000"), "1\u{202f}000\u{202f}000");
        assert_eq!(french("3.25"), "3,25");
    }

    #[test]
    fn numbers_in_words() {
        assert!(contains(&word_values("three people", &english_number_word), 3.0));
        assert!(contains(&word_values("twenty-five", &english_number_word), 25.0));
        assert!(contains(&word_values("two hundred and five", &english_number_word), 205.0));
        assert!(contains(&word_values("trois personnes", &french_number_word), 3.0));
        assert!(contains(&word_values("quatre-vingt-dix-neuf", &french_number_word), 99.0));
        assert!(contains(&word_values("deux cent mille", &french_number_word), 200_000.0));
        assert!(contains(&word_values("vingt et un", &french_number_word), 21.0));
    }

    #[test]
    fn french_words_follow_the_traditional_spelling() {
        let w = |n| french_words(n).unwrap();
        assert_eq!(w(1500), "mille cinq cents");
        assert_eq!(w(80), "quatre-vingts");
        assert_eq!(w(81), "quatre-vingt-un");
        assert_eq!(w(71), "soixante et onze");
        assert_eq!(w(99), "quatre-vingt-dix-neuf");
        assert_eq!(w(200_000), "deux cent mille");
        assert_eq!(w(2_000_000), "deux millions");
        assert_eq!(w(21), "vingt et un");
        assert_eq!(w(1_250_000), "un million deux cent cinquante mille");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("XXI"), Some(21));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("MCMXC"), Some(1990));
    }

    #[test]
    fn placeholder_keys_drop_positions() {
        assert_eq!(printf_key("%1$s"), "%s");
        assert_eq!(printf_key("%s"), "%s");
        assert_eq!(printf_key("%(name)s"), "%(name)s");
        assert_eq!(url_key("https://example.com/en/docs"), url_key("https://example.com/fr/docs"));
        assert_ne!(url_key("https://example.com/docs"), url_key("https://exemple.com/docs"));
        assert_eq!(trim_url("https://a.org/x)."), "https://a.org/x");
        assert_eq!(trim_url("https://en.wikipedia.org/wiki/A_(b)"), "https://en.wikipedia.org/wiki/A_(b)");
    }
}
