//! The linter: runs every enabled rule over a document and returns sorted diagnostics.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{DecodeError, Document, ReadError, Source};
use crate::formats::{InputFormat, ReadOptions};
use crate::options::LintOptions;
use crate::rules::{CheckContext, Registry, Selection, Sink};
use crate::suppress::{self, UnknownRule};

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
        let cx = CheckContext { document, selection: &self.selection, options: &self.options };
        let mut sink = Sink::new(&self.registry, &self.selection, document);
        for check in self.registry.checks() {
            if check.rules().iter().any(|&r| self.selection.is_enabled(r)) {
                check.check(&cx, &mut sink);
            }
        }
        let mut diagnostics = sink.finish();
        diagnostics.retain(|d| d.severity >= self.min_severity);
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
