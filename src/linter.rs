//! The linter: runs every enabled rule over a document and returns sorted diagnostics.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{DecodeError, Document, Source};
use crate::options::LintOptions;
use crate::rules::{CheckContext, Registry, Selection, Sink};

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
    /// Sorted by position, then rule id.
    pub diagnostics: Vec<Diagnostic>,
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

    /// Checks a decoded document.
    pub fn check_document(&self, document: &Document) -> Vec<Diagnostic> {
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

    /// Decodes and checks one source.
    pub fn check_source(&self, source: Source) -> Result<FileReport, DecodeError> {
        let document = Document::from_source(source)?;
        let diagnostics = self.check_document(&document);
        Ok(FileReport { document, diagnostics })
    }
}
