//! The phrase kind: literal and regex phrases with lemma macros and context, all found in
//! one pass per segment (an Aho-Corasick prefilter on literal anchors, then confirmation).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use serde::Deserialize;

use crate::rules::anchors::fold_for_prefilter;
use crate::rules::lazy_regex::LazyRegex;
use crate::rules::lemma::{self, Slot};
use crate::rules::pack::{PackError, RuleEntry};
use crate::rules::pattern::{Pattern, PatternMatch, translate};
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// How a phrase compares letters.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum CaseMode {
    #[default]
    Insensitive,
    Sensitive,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PhraseParams {
    patterns: Vec<String>,
    #[serde(default)]
    replacements: Vec<String>,
    #[serde(default)]
    case: CaseMode,
    before: Option<String>,
    after: Option<String>,
    not_before: Option<String>,
    not_after: Option<String>,
    #[serde(default)]
    unless: Vec<String>,
    document: Option<String>,
}

/// One compiled phrase rule.
struct PhraseRule {
    index: RuleIndex,
    patterns: Vec<Pattern>,
    replacements: Vec<String>,
    before: Option<LazyRegex>,
    after: Option<LazyRegex>,
    not_before: Option<LazyRegex>,
    not_after: Option<LazyRegex>,
    unless: Vec<Pattern>,
    document: Option<LazyRegex>,
}

/// Every phrase rule of the registry, with one prefilter over all their anchors.
pub struct PhraseEngine {
    indexes: Vec<RuleIndex>,
    rules: Vec<PhraseRule>,
    /// Every pattern of every rule, in rule then pattern order.
    slots: Vec<PatternSlot>,
    prefilter: AhoCorasick,
    /// For each prefilter literal, the slots whose trigger group holds it.
    triggers: Vec<Vec<u32>>,
    /// Slots with no known literal: tried on every segment.
    always: Vec<u32>,
}

/// One pattern of one rule, with the prefilter literals it needs.
struct PatternSlot {
    /// Position of the rule in `rules`.
    rule: u32,
    /// Position of the pattern in the rule's `patterns`.
    pattern: u32,
    /// Groups of prefilter literal ids: a segment must hold one of each.
    needs: Vec<Vec<u32>>,
}

/// Scratch state of the prefilter for one document.
struct Scan {
    /// For each literal, the number of the last segment it was seen in.
    seen_in: Vec<u32>,
    /// For each slot, the number of the last segment it was triggered in.
    triggered_in: Vec<u32>,
    /// Number of the current segment, from 1.
    segment: u32,
}

/// Literals shorter than this (in bytes) only trigger a pattern that has nothing longer:
/// they occur in most segments and would flood the prefilter.
const SHORT_LITERAL: usize = 3;

fn context_regex(entry: &RuleEntry, field: &str, source: &Option<String>) -> Result<Option<LazyRegex>, PackError> {
    source
        .as_deref()
        .map(|s| {
            let text = translate(s).map_err(|e| entry.error(format!("`{field}`: {e}")))?.regex;
            LazyRegex::new(text, true, entry.trusted)
                .map_err(|e| entry.error(format!("`{field}`: invalid regex `{s}`: {e}")))
        })
        .transpose()
}

impl PhraseRule {
    fn compile(index: RuleIndex, entry: &RuleEntry) -> Result<PhraseRule, PackError> {
        let params: PhraseParams = entry.params()?;
        if params.patterns.is_empty() {
            return Err(entry.error("`patterns` is empty"));
        }
        let sensitive = params.case == CaseMode::Sensitive;
        let compile_all = |sources: &[String], case_sensitive: bool| {
            sources
                .iter()
                .map(|s| Pattern::compile(s, case_sensitive, entry.trusted).map_err(|e| entry.error(e)))
                .collect::<Result<Vec<_>, _>>()
        };
        for replacement in &params.replacements {
            for body in macro_bodies(replacement) {
                if lemma::expand(body).is_none() {
                    return Err(entry.error(format!("replacement: cannot inflect lemma macro `{{{body}}}`")));
                }
            }
        }
        Ok(PhraseRule {
            index,
            patterns: compile_all(&params.patterns, sensitive)?,
            replacements: params.replacements,
            before: context_regex(entry, "before", &params.before)?,
            after: context_regex(entry, "after", &params.after)?,
            not_before: context_regex(entry, "not-before", &params.not_before)?,
            not_after: context_regex(entry, "not-after", &params.not_after)?,
            unless: compile_all(&params.unless, false)?,
            document: context_regex(entry, "document", &params.document)?,
        })
    }

    /// Whether the context around `start..end` of `text` allows the rule to fire.
    fn context_allows(&self, text: &str, start: usize, end: usize) -> bool {
        let (head, tail) = (&text[..start], &text[end..]);
        self.before.as_ref().is_none_or(|r| r.is_match_before(head))
            && self.after.as_ref().is_none_or(|r| r.is_match_after(tail))
            && !self.not_before.as_ref().is_some_and(|r| r.is_match_before(head))
            && !self.not_after.as_ref().is_some_and(|r| r.is_match_after(tail))
            && !self.unless.iter().any(|p| p.matches(text).iter().any(|m| m.start <= start && end <= m.end))
    }

    /// The suggestions for one match.
    fn suggestions(&self, pattern: &Pattern, before: &str, found: &PatternMatch<'_>) -> Vec<String> {
        let matched = found.as_str();
        let slot = pattern.first_macro.as_ref().and_then(|m| m.slot_in(before, matched)).unwrap_or(Slot::Infinitive);
        self.replacements
            .iter()
            .map(|template| {
                let inflected = inflect_macros(template, slot);
                let mut out = String::new();
                found.expand(&inflected, &mut out);
                if sentence_start(before) { match_case(matched, &out) } else { out }
            })
            .collect()
    }
}

/// The bodies of the `{lemma}` macros in a replacement template (`${1}` is a group, not a macro).
fn macro_bodies(template: &str) -> impl Iterator<Item = &str> {
    template
        .match_indices('{')
        .filter(|(i, _)| !template[..*i].ends_with('$'))
        .filter_map(|(i, _)| template[i + 1..].split_once('}').map(|(body, _)| body))
}

/// Replaces each `{lemma}` of `template` with its form in `slot`.
fn inflect_macros(template: &str, slot: Slot) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        if rest[..open].ends_with('$') {
            // `${1}`: a capture group for `Captures::expand`, kept as written.
            out.push('{');
            rest = &rest[open + 1..];
            continue;
        }
        match rest[open + 1..].split_once('}') {
            Some((body, after)) => {
                let form = lemma::inflect(body, slot).unwrap_or_else(|| body.to_owned());
                out.push_str(&form);
                rest = after;
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a match after `before` opens a sentence (so its capital is not a proper noun's).
fn sentence_start(before: &str) -> bool {
    let trimmed =
        before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '«' | '"' | '“' | '(' | '—' | '–'));
    trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', '…', ':', '\n'])
}

/// Gives `replacement` a capital first letter when `original` has one.
pub(crate) fn match_case(original: &str, replacement: &str) -> String {
    let starts_upper = original.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if starts_upper && first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => replacement.to_owned(),
    }
}

impl PhraseEngine {
    /// Compiles the phrase rules among `entries` (pairs of registry index and entry).
    pub fn compile<'e>(entries: impl IntoIterator<Item = (RuleIndex, &'e RuleEntry)>) -> Result<Self, PackError> {
        let mut rules = Vec::new();
        for (index, entry) in entries {
            rules.push(PhraseRule::compile(index, entry)?);
        }
        let mut literal_ids: HashMap<&str, u32> = HashMap::new();
        let mut literals: Vec<&str> = Vec::new();
        let mut slots = Vec::new();
        for (rule_position, rule) in rules.iter().enumerate() {
            for (pattern_position, pattern) in rule.patterns.iter().enumerate() {
                let needs = prefilter_groups(&pattern.anchors)
                    .into_iter()
                    .map(|group| {
                        group
                            .iter()
                            .map(|literal| {
                                *literal_ids.entry(literal).or_insert_with(|| {
                                    literals.push(literal);
                                    (literals.len() - 1) as u32
                                })
                            })
                            .collect()
                    })
                    .collect();
                slots.push(PatternSlot { rule: rule_position as u32, pattern: pattern_position as u32, needs });
            }
        }
        let mut triggers: Vec<Vec<u32>> = vec![Vec::new(); literals.len()];
        let mut always = Vec::new();
        for (position, slot) in slots.iter().enumerate() {
            match slot.needs.first() {
                Some(trigger) => trigger.iter().for_each(|&id| triggers[id as usize].push(position as u32)),
                None => always.push(position as u32),
            }
        }
        let prefilter = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .map_err(|e| PackError { file: "<phrase rules>".into(), line: None, rule: None, message: e.to_string() })?;
        Ok(PhraseEngine { indexes: rules.iter().map(|r| r.index).collect(), rules, slots, prefilter, triggers, always })
    }

    /// Scratch state for scanning the segments of one document.
    fn scan(&self) -> Scan {
        Scan { seen_in: vec![0; self.triggers.len()], triggered_in: vec![0; self.slots.len()], segment: 0 }
    }

    /// The slots whose literals all occur in `text`, in slot order.
    fn candidates(&self, text: &str, scan: &mut Scan) -> Vec<u32> {
        scan.segment += 1;
        let now = scan.segment;
        let mut triggered: Vec<u32> = Vec::new();
        for m in self.prefilter.find_overlapping_iter(&fold_for_prefilter(text)) {
            let id = m.pattern().as_usize();
            scan.seen_in[id] = now;
            for &slot in &self.triggers[id] {
                if std::mem::replace(&mut scan.triggered_in[slot as usize], now) != now {
                    triggered.push(slot);
                }
            }
        }
        // Every literal has been seen by now: keep the slots whose other groups are met too.
        triggered.retain(|&slot| {
            self.slots[slot as usize].needs[1..]
                .iter()
                .all(|group| group.iter().any(|&id| scan.seen_in[id as usize] == now))
        });
        triggered.extend_from_slice(&self.always);
        triggered.sort_unstable();
        triggered
    }

    /// Compiles, in parallel, the patterns of the enabled candidate slots that are still cold.
    /// Regexes compile lazily and, on a short document, compiling them is most of the work.
    fn warm(&self, cx: &CheckContext<'_>, candidates: &[Vec<u32>]) {
        let mut slots: Vec<u32> = candidates.iter().flatten().copied().collect();
        slots.sort_unstable();
        slots.dedup();
        let cold: Vec<&Pattern> = slots
            .into_iter()
            .map(|slot| self.pattern(slot))
            .filter(|(rule, pattern)| pattern.is_cold() && cx.enabled(rule.index))
            .map(|(_, pattern)| pattern)
            .collect();
        if cold.len() > 1 {
            cold.par_iter().for_each(|p| p.warm());
        }
    }

    /// The rule and pattern of a slot.
    fn pattern(&self, slot: u32) -> (&PhraseRule, &Pattern) {
        let slot = &self.slots[slot as usize];
        let rule = &self.rules[slot.rule as usize];
        (rule, &rule.patterns[slot.pattern as usize])
    }
}

/// The groups of a pattern's literals the prefilter checks, trigger first: the group whose
/// shortest literal is longest, then the other groups without short literals.
fn prefilter_groups(groups: &[Vec<String>]) -> Vec<&[String]> {
    let shortest = |group: &[String]| group.iter().map(String::len).min().unwrap_or(0);
    let Some(trigger) = groups.iter().max_by_key(|g| (shortest(g), std::cmp::Reverse(g.len()))) else {
        return Vec::new();
    };
    let mut chosen = vec![trigger.as_slice()];
    chosen.extend(
        groups.iter().filter(|g| !std::ptr::eq(*g, trigger) && shortest(g) >= SHORT_LITERAL).map(Vec::as_slice),
    );
    chosen
}

impl Check for PhraseEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn verify(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for rule in &self.rules {
            let contexts = [&rule.before, &rule.after, &rule.not_before, &rule.not_after, &rule.document];
            let results = rule
                .patterns
                .iter()
                .chain(&rule.unless)
                .map(Pattern::force)
                .chain(contexts.into_iter().flatten().map(LazyRegex::force));
            failures.extend(results.filter_map(Result::err).map(|e| format!("rule {:?}: {e}", rule.index)));
        }
        failures
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let text = cx.document.text();
        let mut document_ok: Vec<Option<bool>> = vec![None; self.rules.len()];
        let segments = cx.document.segments();
        let mut scan = self.scan();
        let candidates: Vec<Vec<u32>> =
            segments.iter().map(|segment| self.candidates(&text[segment.span.range()], &mut scan)).collect();
        self.warm(cx, &candidates);
        for (segment, candidates) in segments.iter().zip(candidates) {
            let seg_text = &text[segment.span.range()];
            // Slots are in rule order: a rule's patterns share what it has reported.
            let mut reported: Vec<(usize, usize)> = Vec::new();
            let mut current_rule = None;
            for slot in candidates {
                let rule_position = self.slots[slot as usize].rule as usize;
                let (rule, pattern) = self.pattern(slot);
                if !cx.enabled(rule.index) {
                    continue;
                }
                if current_rule.replace(rule_position) != Some(rule_position) {
                    reported.clear();
                }
                for found in pattern.matches(seg_text) {
                    let (start, end) = (found.start, found.end);
                    if reported.iter().any(|&(s, e)| s < end && start < e) || !rule.context_allows(seg_text, start, end)
                    {
                        continue;
                    }
                    if let Some(doc_regex) = &rule.document {
                        let ok = *document_ok[rule_position].get_or_insert_with(|| doc_regex.is_match(text));
                        if !ok {
                            continue;
                        }
                    }
                    reported.push((start, end));
                    let span = NormSpan::new(start, end).shifted(segment.span.start);
                    let mut finding = Finding::new(rule.index, span);
                    for replacement in rule.suggestions(pattern, &seg_text[..start], &found) {
                        finding = finding.suggest(replacement);
                    }
                    sink.push(finding);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_original() {
        assert_eq!(match_case("Prendra place", "aura lieu"), "Aura lieu");
        assert_eq!(match_case("prendra place", "aura lieu"), "aura lieu");
        assert_eq!(match_case("Bloc", "l’Alliance"), "L’Alliance");
    }

    #[test]
    fn capitals_are_copied_only_at_sentence_start() {
        assert!(sentence_start(""));
        assert!(sentence_start("Fin. "));
        assert!(sentence_start("Il dit : « "));
        assert!(!sentence_start("selon le "));
    }

    #[test]
    fn group_references_are_not_macros() {
        assert_eq!(macro_bodies("${1}ère {avoir}").collect::<Vec<_>>(), ["avoir"]);
        assert_eq!(inflect_macros("${1}ère", Slot::Infinitive), "${1}ère");
    }

    #[test]
    fn macro_bodies_are_found_in_templates() {
        assert_eq!(macro_bodies("{avoir} lieu et {faire}").collect::<Vec<_>>(), ["avoir", "faire"]);
        assert_eq!(inflect_macros("sans macro", Slot::Infinitive), "sans macro");
    }
}
