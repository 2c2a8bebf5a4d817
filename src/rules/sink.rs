//! The sink checks push findings into: it stamps rule id, severity and category, and maps
//! normalized spans back to the original bytes, so no check can get those wrong.

use crate::diagnostic::{Diagnostic, Edit, Related, Suggestion};
use crate::document::Document;
use crate::rules::{Registry, RuleIndex, Selection};
use crate::span::NormSpan;

/// A finding as a check sees it, in normalized-text coordinates.
#[derive(Debug, Clone)]
pub struct Finding {
    rule: RuleIndex,
    span: NormSpan,
    message: Option<String>,
    suggestions: Vec<(NormSpan, String)>,
    related: Vec<(String, NormSpan)>,
}

impl Finding {
    /// A finding of `rule` at `span`, with the rule's default message.
    pub fn new(rule: RuleIndex, span: NormSpan) -> Self {
        Finding { rule, span, message: None, suggestions: Vec::new(), related: Vec::new() }
    }

    /// Replaces the rule's default message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }

    /// Adds a suggestion replacing the finding's span.
    pub fn suggest(self, replacement: impl Into<String>) -> Self {
        let span = self.span;
        self.suggest_at(span, replacement)
    }

    /// Adds a suggestion replacing `span` (which may differ from the finding's span).
    pub fn suggest_at(mut self, span: NormSpan, replacement: impl Into<String>) -> Self {
        self.suggestions.push((span, replacement.into()));
        self
    }

    /// Points at another place in the document that explains the finding.
    pub fn related(mut self, message: impl Into<String>, span: NormSpan) -> Self {
        self.related.push((message.into(), span));
        self
    }
}

/// Collects the diagnostics of one document.
pub struct Sink<'a> {
    registry: &'a Registry,
    selection: &'a Selection,
    document: &'a Document,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    /// An empty sink for one document.
    pub fn new(registry: &'a Registry, selection: &'a Selection, document: &'a Document) -> Self {
        Sink { registry, selection, document, diagnostics: Vec::new() }
    }

    /// Records a finding, unless its rule is disabled for this run.
    pub fn push(&mut self, finding: Finding) {
        if !self.selection.is_enabled(finding.rule) {
            return;
        }
        let meta = self.registry.meta(finding.rule);
        let doc = self.document;
        let suggestions = finding
            .suggestions
            .into_iter()
            .map(|(span, replacement)| Suggestion {
                edit: Edit { span: doc.to_original(span), replacement },
                label: None,
            })
            .collect();
        let related = finding
            .related
            .into_iter()
            .map(|(message, span)| Related { message, span: doc.to_original(span) })
            .collect();
        self.diagnostics.push(Diagnostic {
            rule: meta.id.clone(),
            severity: self.selection.severity(finding.rule),
            category: meta.category,
            message: finding.message.unwrap_or_else(|| meta.message.clone()),
            span: doc.to_original(finding.span),
            suggestions,
            applicability: meta.fix,
            related,
        });
    }

    /// Moves the findings of `other` (for the same document) after this sink's.
    pub fn append(&mut self, mut other: Sink<'a>) {
        self.diagnostics.append(&mut other.diagnostics);
    }

    /// The collected diagnostics, sorted by position then rule, without exact duplicates.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then_with(|| a.message.cmp(&b.message)));
        self.diagnostics.dedup();
        self.diagnostics
    }
}
