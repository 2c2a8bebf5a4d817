//! The phrase kind: literal and regex phrases with lemma macros and context, all found in
//! one pass per segment (an Aho-Corasick prefilter on literal anchors, then confirmation).

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use regex::Captures;
use serde::Deserialize;

use crate::rules::lazy_regex::LazyRegex;
use crate::rules::lemma::{self, Slot};
use crate::rules::pack::{PackError, RuleEntry};
use crate::rules::pattern::{Anchors, Pattern, fold_for_prefilter, translate};
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
    prefilter: AhoCorasick,
    /// For each prefilter pattern, the positions in `rules` it is an anchor of.
    anchor_rules: Vec<Vec<u32>>,
    /// Rules with no literal anchor: tried on every segment.
    always: Vec<u32>,
}

fn context_regex(entry: &RuleEntry, field: &str, source: &Option<String>) -> Result<Option<LazyRegex>, PackError> {
    source
        .as_deref()
        .map(|s| {
            let (text, _) = translate(s).map_err(|e| entry.error(format!("`{field}`: {e}")))?;
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
            && !self
                .unless
                .iter()
                .any(|p| p.matches(text).iter().any(|c| c.get(0).is_some_and(|m| m.start() <= start && end <= m.end())))
    }

    /// The suggestions for one match.
    fn suggestions(&self, pattern: &Pattern, before: &str, caps: &Captures<'_>) -> Vec<String> {
        let matched = caps.get(0).map_or("", |m| m.as_str());
        let slot = pattern.first_macro.as_ref().and_then(|m| m.slot_in(before, matched)).unwrap_or(Slot::Infinitive);
        self.replacements
            .iter()
            .map(|template| {
                let inflected = inflect_macros(template, slot);
                let mut out = String::new();
                caps.expand(&inflected, &mut out);
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
        let mut anchor_ids: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut anchors: Vec<String> = Vec::new();
        let mut anchor_rules: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (position, rule) in rules.iter().enumerate() {
            let position = position as u32;
            let mut needs_always = false;
            let mut words: Vec<&String> = Vec::new();
            for pattern in &rule.patterns {
                match &pattern.anchors {
                    Anchors::Always => needs_always = true,
                    Anchors::AnyOf(list) => words.extend(list),
                }
            }
            if needs_always {
                always.push(position);
                continue;
            }
            for word in words {
                let id = *anchor_ids.entry(word.clone()).or_insert_with(|| {
                    anchors.push(word.clone());
                    anchor_rules.push(Vec::new());
                    anchors.len() - 1
                });
                if anchor_rules[id].last() != Some(&position) {
                    anchor_rules[id].push(position);
                }
            }
        }
        let prefilter = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&anchors)
            .map_err(|e| PackError { file: "<phrase rules>".into(), line: None, rule: None, message: e.to_string() })?;
        Ok(PhraseEngine { indexes: rules.iter().map(|r| r.index).collect(), rules, prefilter, anchor_rules, always })
    }

    /// Positions in `rules` of the rules whose anchors occur in `text`, in order.
    fn candidates(&self, text: &str, seen: &mut [bool]) -> Vec<u32> {
        seen.fill(false);
        let folded = fold_for_prefilter(text);
        let mut out: Vec<u32> = Vec::new();
        for &p in &self.always {
            seen[p as usize] = true;
            out.push(p);
        }
        for m in self.prefilter.find_overlapping_iter(&folded) {
            for &p in &self.anchor_rules[m.pattern().as_usize()] {
                if !seen[p as usize] {
                    seen[p as usize] = true;
                    out.push(p);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

impl PhraseEngine {
    /// Compiles, in parallel, the patterns of the enabled candidate rules that are still cold.
    /// Regexes compile lazily and, on a short document, compiling them is most of the work.
    fn warm(&self, cx: &CheckContext<'_>, candidates: &[Vec<u32>], seen: &mut [bool]) {
        seen.fill(false);
        let mut cold: Vec<&Pattern> = Vec::new();
        for &position in candidates.iter().flatten() {
            let rule = &self.rules[position as usize];
            if !std::mem::replace(&mut seen[position as usize], true) && cx.enabled(rule.index) {
                cold.extend(rule.patterns.iter().filter(|p| p.is_cold()));
            }
        }
        if cold.len() > 1 {
            cold.par_iter().for_each(|p| p.warm());
        }
    }
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
        let mut seen = vec![false; self.rules.len()];
        let mut document_ok: Vec<Option<bool>> = vec![None; self.rules.len()];
        let segments = cx.document.segments();
        let candidates: Vec<Vec<u32>> =
            segments.iter().map(|segment| self.candidates(&text[segment.span.range()], &mut seen)).collect();
        self.warm(cx, &candidates, &mut seen);
        for (segment, candidates) in segments.iter().zip(candidates) {
            let seg_text = &text[segment.span.range()];
            for position in candidates {
                let rule = &self.rules[position as usize];
                if !cx.enabled(rule.index) {
                    continue;
                }
                let mut reported: Vec<(usize, usize)> = Vec::new();
                for pattern in &rule.patterns {
                    for caps in pattern.matches(seg_text) {
                        let Some(whole) = caps.get(0) else { continue };
                        let (start, end) = (whole.start(), whole.end());
                        if reported.iter().any(|&(s, e)| s < end && start < e)
                            || !rule.context_allows(seg_text, start, end)
                        {
                            continue;
                        }
                        if let Some(doc_regex) = &rule.document {
                            let ok = *document_ok[position as usize].get_or_insert_with(|| doc_regex.is_match(text));
                            if !ok {
                                continue;
                            }
                        }
                        reported.push((start, end));
                        let span = NormSpan::new(start, end).shifted(segment.span.start);
                        let mut finding = Finding::new(rule.index, span);
                        for replacement in rule.suggestions(pattern, &seg_text[..start], &caps) {
                            finding = finding.suggest(replacement);
                        }
                        sink.push(finding);
                    }
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
