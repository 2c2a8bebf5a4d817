//! `--format json`: the version-1 document of DESIGN.md, written once at the end.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Position};
use crate::linter::FileReport;
use crate::report::{Reporter, Summary};
use crate::span::Span;

fn span_value(span: Span) -> Value {
    json!({"start": span.start, "end": span.end})
}

fn position_value(p: Position) -> Value {
    json!({"line": p.line, "column": p.column, "utf16_column": p.utf16_column})
}

/// One diagnostic as the JSON object of the contract.
pub fn diagnostic_value(document: &Document, d: &Diagnostic) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("rule".into(), d.rule.as_str().into());
    m.insert("severity".into(), d.severity.as_str().into());
    m.insert("category".into(), d.category.as_str().into());
    m.insert("message".into(), d.message.clone().into());
    m.insert("text".into(), document.original_text(d.span).into_owned().into());
    m.insert("span".into(), span_value(d.span));
    m.insert("start".into(), position_value(document.position(d.span.start)));
    m.insert("end".into(), position_value(document.position(d.span.end)));
    let suggestions: Vec<Value> = d
        .suggestions
        .iter()
        .map(|s| {
            let mut o = Map::new();
            o.insert("replacement".into(), s.edit.replacement.clone().into());
            o.insert("span".into(), span_value(s.edit.span));
            if let Some(label) = &s.label {
                o.insert("label".into(), label.clone().into());
            }
            Value::Object(o)
        })
        .collect();
    m.insert("suggestions".into(), suggestions.into());
    m.insert("fix_safe".into(), d.fix_safe().into());
    if !d.related.is_empty() {
        let related: Vec<Value> =
            d.related.iter().map(|r| json!({"message": r.message, "span": span_value(r.span)})).collect();
        m.insert("related".into(), related.into());
    }
    m
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
