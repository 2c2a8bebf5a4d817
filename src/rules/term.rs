//! The `term` kind: glossary names written the wrong way (another word order, a literal
//! translation) or left in English, reported with the official French name.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::rules::fold::{Folded, fold_str};
use crate::rules::glossary::Term;
use crate::rules::pack::{PackData, PackError, RuleEntry};
use crate::rules::pattern::{ends_word, starts_word};
use crate::rules::phrase::match_case;
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &["wrong-name", "english-name"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NeedleKind {
    Wrong,
    English,
}

struct Needle {
    kind: NeedleKind,
    term: usize,
    text: String,
}

/// Finds every glossary name variant in one pass per segment.
pub(crate) struct TermEngine {
    indexes: Vec<RuleIndex>,
    wrong_name: Option<RuleIndex>,
    english_name: Option<RuleIndex>,
    terms: Vec<Term>,
    needles: Vec<Needle>,
    automaton: Option<AhoCorasick>,
}

/// Words of a name, folded, for comparing word orders.
fn words(name: &str) -> Vec<String> {
    let mut w: Vec<String> = fold_str(name)
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    w.sort();
    w
}

/// Whether `a` and `b` are equal once apostrophes, dashes and spaces are unified (case kept).
fn same_marks(a: &str, b: &str) -> bool {
    let unify = |c: char| match c {
        '’' => '\'',
        '\u{a0}' | '\u{202f}' => ' ',
        '–' | '—' | '‑' => '-',
        c => c,
    };
    a.chars().map(unify).eq(b.chars().map(unify))
}

/// Whether the text just before `start` opens a parenthesis or a quotation (a gloss).
fn glossed(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace());
    before.ends_with(['(', '«', '"', '“'])
}

impl TermEngine {
    /// Binds the entries to their checks and indexes the glossary names.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], data: &PackData) -> Result<Self, PackError> {
        let mut engine = TermEngine {
            indexes: Vec::new(),
            wrong_name: None,
            english_name: None,
            terms: Vec::new(),
            needles: Vec::new(),
            automaton: None,
        };
        for &(index, entry) in entries {
            match entry.meta.check.as_deref() {
                Some("wrong-name") => engine.wrong_name = Some(index),
                Some("english-name") => engine.english_name = Some(index),
                other => return Err(entry.error(format!("unknown check {other:?} for kind `term`"))),
            }
            engine.indexes.push(index);
        }
        let glossary = data.glossary()?;
        let mut seen = std::collections::HashSet::new();
        for (i, term) in glossary.terms.iter().enumerate() {
            let correct: Vec<String> = std::iter::once(&term.fr).chain(&term.fr_also).map(|s| fold_str(s)).collect();
            let wrong = term.wrong.iter().map(|w| (NeedleKind::Wrong, w));
            let english = term.en.iter().map(|e| (NeedleKind::English, e));
            for (kind, text) in wrong.chain(english) {
                let folded = fold_str(text);
                // A foreign name that is also correct French (Interpol) is not a finding.
                if folded.is_empty() || correct.contains(&folded) || !seen.insert(folded) {
                    continue;
                }
                engine.needles.push(Needle { kind, term: i, text: text.clone() });
            }
        }
        if !engine.needles.is_empty() {
            let patterns: Vec<String> = engine.needles.iter().map(|n| fold_str(&n.text)).collect();
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .map_err(|e| PackError { file: "<glossary>".into(), line: None, rule: None, message: e.to_string() })?;
            engine.automaton = Some(automaton);
        }
        engine.terms = glossary.terms.clone();
        Ok(engine)
    }

    fn message(&self, needle: &Needle, written: &str) -> String {
        let term = &self.terms[needle.term];
        match needle.kind {
            NeedleKind::English => {
                format!("« {written} » est le nom anglais ; en français : « {} ».", term.fr)
            }
            NeedleKind::Wrong if words(written) == words(&term.fr) => {
                let source = term.en.as_deref().map(|en| format!(" (calque de « {en} »)")).unwrap_or_default();
                format!("« {written} » : ordre des mots étranger{source} ; le nom officiel est « {} ».", term.fr)
            }
            NeedleKind::Wrong => {
                let source =
                    term.en.as_deref().map(|en| format!(" (traduction littérale de « {en} »)")).unwrap_or_default();
                format!("« {written} » n’est pas le nom officiel{source} : écrivez « {} ».", term.fr)
            }
        }
    }
}

impl Check for TermEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let Some(automaton) = &self.automaton else { return };
        let text = cx.document.text();
        for segment in cx.document.segments() {
            let seg = &text[segment.span.range()];
            let folded = Folded::new(seg);
            for m in automaton.find_iter(&folded.text) {
                let needle = &self.needles[m.pattern().as_usize()];
                let rule = match needle.kind {
                    NeedleKind::Wrong => self.wrong_name,
                    NeedleKind::English => self.english_name,
                };
                let Some(rule) = rule else { continue };
                let (start, end) = (folded.start(m.start()), folded.end(m.end(), seg));
                if !starts_word(seg, start) || !ends_word(seg, end) {
                    continue;
                }
                let written = &seg[start..end];
                if needle.kind == NeedleKind::English && (!same_marks(written, &needle.text) || glossed(seg, start)) {
                    continue;
                }
                let fr = &self.terms[needle.term].fr;
                let finding = Finding::new(rule, NormSpan::new(start, end).shifted(segment.span.start))
                    .with_message(self.message(needle, written))
                    .suggest(match_case(written, fr));
                sink.push(finding);
            }
        }
    }
}
