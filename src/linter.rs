//! The linter: runs every enabled rule over a document and returns sorted diagnostics.

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{DecodeError, Document, ReadError, Source};
use crate::formats::{InputFormat, ReadOptions};
use crate::options::LintOptions;
use crate::rules::{Check, CheckContext, Registry, Selection, Sink};
use crate::span::Span;
use crate::suppress::{self, UnknownRule};

/// Documents from this size on (bytes of text) have their rule kinds checked in parallel.
const PARALLEL_KINDS_FROM: usize = 1024;

/// A compiled rule set with a selection of rules, ready to check documents.
#[derive(Debug, Clone)]
pub struct Linter {
    registry: Arc<Registry>,
    selection: Selection,
    options: LintOptions,
    min_severity: Severity,
}

/// The findings of one file, with the document they point into.
#[derive(Debug)]
pub struct FileReport {
    /// The checked document (reports need its text and line index).
    pub document: Document,
    /// Sorted by position, then rule id; suppressed ones removed.
    pub diagnostics: Vec<Diagnostic>,
    /// Names in the file's suppression comments that match no rule.
    pub unknown_suppressions: Vec<UnknownRule>,
}

impl Linter {
    /// A linter running the rules of `selection`.
    pub fn new(registry: Arc<Registry>, selection: Selection) -> Self {
        Linter { registry, selection, options: LintOptions::default(), min_severity: Severity::Info }
    }

    /// Drops findings below `severity` (after severity overrides).
    pub fn with_min_severity(mut self, severity: Severity) -> Self {
        self.min_severity = severity;
        self
    }

    /// Sets the variant and other options the checks read.
    pub fn with_options(mut self, options: LintOptions) -> Self {
        self.options = options;
        self
    }

    /// The registry the linter runs.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Checks a decoded document; findings its suppression comments silence are dropped.
    pub fn check_document(&self, document: &Document) -> Vec<Diagnostic> {
        self.report(document).0
    }

    /// Checks a document: its findings, and the names in its suppression comments that
    /// match no rule.
    fn report(&self, document: &Document) -> (Vec<Diagnostic>, Vec<UnknownRule>) {
        let mut diagnostics = self.findings(document);
        let unknown = suppress::apply(document, &self.registry, &mut diagnostics);
        (diagnostics, unknown)
    }

    /// Every finding of the enabled rules, before suppression comments.
    fn findings(&self, document: &Document) -> Vec<Diagnostic> {
        let cx = CheckContext::new(document, &self.selection, &self.options);
        let checks: Vec<&dyn Check> = self
            .registry
            .checks()
            .iter()
            .map(|c| c.as_ref())
            .filter(|c| c.rules().iter().any(|&r| self.selection.is_enabled(r)))
            .collect();
        let run = |check: &&dyn Check| {
            let mut sink = Sink::new(&self.registry, &self.selection, document);
            check.check(&cx, &mut sink);
            sink
        };
        // The kinds are independent: on a document of some size they run on all cores (a
        // single large file is not left to one thread); tiny records stay on theirs. Each kind
        // fills its own sink, merged in the same order, so the output does not change.
        let sinks: Vec<Sink<'_>> = if document.text().len() >= PARALLEL_KINDS_FROM {
            checks.par_iter().map(run).collect()
        } else {
            checks.iter().map(run).collect()
        };
        let mut sink = Sink::new(&self.registry, &self.selection, document);
        for part in sinks {
            sink.append(part);
        }
        let mut diagnostics = sink.finish();
        diagnostics.retain(|d| d.severity >= self.min_severity);
        drop_repeats(&mut diagnostics);
        diagnostics
    }

    /// Checks a document and wraps it in a report.
    pub fn check_into_report(&self, document: Document) -> FileReport {
        let (diagnostics, unknown_suppressions) = self.report(&document);
        FileReport { document, diagnostics, unknown_suppressions }
    }

    /// Decodes and checks one plain-text source.
    pub fn check_source(&self, source: Source) -> Result<FileReport, DecodeError> {
        Ok(self.check_into_report(Document::from_source(source)?))
    }

    /// Decodes one source, reads it as `format` and checks it.
    pub fn check_source_as(
        &self,
        source: Source,
        format: InputFormat,
        options: &ReadOptions,
    ) -> Result<FileReport, ReadError> {
        Ok(self.check_into_report(Document::read(source, format, options)?))
    }
}

/// Drops a finding when another on the same span proposes the same first replacement at a
/// higher or equal severity (same edit: same bytes replaced by the same text) (two rules that reached the same correction by different
/// evidence, e.g. an acronym check and a bilingual check): one correction, one finding.
fn drop_repeats(diagnostics: &mut Vec<Diagnostic>) {
    fn first_fix(d: &Diagnostic) -> Option<(Span, &str)> {
        d.suggestions.first().map(|s| (s.edit.span, s.edit.replacement.as_str()))
    }
    let mut keep = vec![true; diagnostics.len()];
    // Diagnostics are sorted by position: findings on one span are neighbours.
    let mut group_start = 0;
    while group_start < diagnostics.len() {
        let start = diagnostics[group_start].span.start;
        let group_end = diagnostics[group_start..]
            .iter()
            .position(|d| d.span.start != start)
            .map_or(diagnostics.len(), |n| group_start + n);
        let group = &diagnostics[group_start..group_end];
        for (i, d) in group.iter().enumerate() {
            let Some(fix) = first_fix(d) else { continue };
            let beaten = group.iter().enumerate().any(|(j, o)| {
                j != i
                    && o.span == d.span
                    && first_fix(o) == Some(fix)
                    && (o.severity > d.severity || (o.severity == d.severity && j < i))
            });
            keep[group_start + i] = !beaten;
        }
        group_start = group_end;
    }
    let mut flags = keep.into_iter();
    diagnostics.retain(|_| flags.next().unwrap_or(true));
}
