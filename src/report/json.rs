//! `--format json`: the version-1 document of DESIGN.md, written once at the end.

use std::io::{self, Write};

use std::borrow::Cow;

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Position};
use crate::linter::FileReport;
use crate::report::{Reporter, Summary};
use crate::span::Span;

/// A byte span of the contract.
#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

impl From<Span> for SpanJson {
    fn from(span: Span) -> Self {
        SpanJson { start: span.start, end: span.end }
    }
}

/// A line and column of the contract.
#[derive(Serialize)]
struct PositionJson {
    line: usize,
    column: usize,
    utf16_column: usize,
}

impl From<Position> for PositionJson {
    fn from(p: Position) -> Self {
        PositionJson { line: p.line, column: p.column, utf16_column: p.utf16_column }
    }
}

#[derive(Serialize)]
struct SuggestionJson<'a> {
    replacement: &'a str,
    span: SpanJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    message: &'a str,
    span: SpanJson,
}

/// One diagnostic as the JSON object of the contract, serialized without building a map.
#[derive(Serialize)]
pub(crate) struct DiagnosticJson<'a> {
    rule: &'a str,
    severity: &'static str,
    category: &'static str,
    message: &'a str,
    text: Cow<'a, str>,
    span: SpanJson,
    start: PositionJson,
    end: PositionJson,
    suggestions: Vec<SuggestionJson<'a>>,
    fix_safe: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedJson<'a>>,
}

impl<'a> DiagnosticJson<'a> {
    /// The object for `d`, a diagnostic of `document`.
    pub(crate) fn new(document: &'a Document, d: &'a Diagnostic) -> Self {
        DiagnosticJson {
            rule: d.rule.as_str(),
            severity: d.severity.as_str(),
            category: d.category.as_str(),
            message: &d.message,
            text: document.original_text(d.span),
            span: d.span.into(),
            start: document.position(d.span.start).into(),
            end: document.position(d.span.end).into(),
            suggestions: d
                .suggestions
                .iter()
                .map(|s| SuggestionJson {
                    replacement: &s.edit.replacement,
                    span: s.edit.span.into(),
                    label: s.label.as_deref(),
                })
                .collect(),
            fix_safe: d.fix_safe(),
            related: d.related.iter().map(|r| RelatedJson { message: &r.message, span: r.span.into() }).collect(),
        }
    }
}

/// One diagnostic as the JSON object of the contract.
pub fn diagnostic_value(document: &Document, d: &Diagnostic) -> Map<String, Value> {
    match serde_json::to_value(DiagnosticJson::new(document, d)) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Collects every file, then writes one JSON document.
#[derive(Default)]
pub(super) struct JsonReporter {
    files: Vec<Value>,
}

impl Reporter for JsonReporter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let diagnostics: Vec<Value> =
            report.diagnostics.iter().map(|d| Value::Object(diagnostic_value(&report.document, d))).collect();
        self.files.push(json!({"path": report.document.name(), "diagnostics": diagnostics}));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let by_severity: Map<String, Value> =
            summary.by_severity.iter().map(|(k, v)| (k.as_str().to_owned(), (*v).into())).collect();
        let by_category: Map<String, Value> =
            summary.by_category.iter().map(|(k, v)| (k.as_str().to_owned(), (*v).into())).collect();
        let doc = json!({
            "version": 1,
            "files": std::mem::take(&mut self.files),
            "summary": {
                "files": summary.files,
                "words": summary.words,
                "diagnostics": summary.diagnostics,
                "by_severity": by_severity,
                "by_category": by_category,
            }
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
