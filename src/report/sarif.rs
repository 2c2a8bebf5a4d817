//! `--format sarif`: one SARIF 2.1.0 log for the whole run, as GitHub code scanning reads it.
//!
//! Regions count columns in Unicode scalar values (`run.columnKind = "unicodeCodePoints"`),
//! 1-based, the end column exclusive; lines are 1-based. Each result carries a
//! `decalque/v1` partial fingerprint that does not change when unrelated lines move: an
//! FNV-1a 64 hash of the rule id, the flagged text, the trimmed text of its line, and how
//! many times that same triple occurred before it in the file.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::fingerprint::fingerprints;
use crate::linter::FileReport;
use crate::report::{Reporter, Summary, replacements, uri_path};
use crate::rules::{Expect, RuleMeta};
use crate::span::Span;

/// Where people learn about the tool (SARIF's `driver.informationUri`).
const INFORMATION_URI: &str = "https://crates.io/crates/decalque";

/// The key of the fingerprint in `partialFingerprints`; bump the version if its inputs change.
const FINGERPRINT_KEY: &str = "decalque/v1";

/// Collects every result, then writes one SARIF log listing the rules that were reported.
pub(super) struct SarifReporter {
    /// Metadata of every known rule, by id.
    metas: HashMap<String, RuleMeta>,
    /// Results in output order, with their rule id (indices are filled in at the end).
    results: Vec<(String, Map<String, Value>)>,
    /// A descriptor for each reported rule, by id (sorted, so `ruleIndex` is deterministic).
    rules: BTreeMap<String, Value>,
}

impl SarifReporter {
    pub(super) fn new(rules: &[RuleMeta]) -> Self {
        SarifReporter {
            metas: rules.iter().map(|m| (m.id.as_str().to_owned(), m.clone())).collect(),
            results: Vec::new(),
            rules: BTreeMap::new(),
        }
    }
}

/// SARIF's level for a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A text property.
fn message(text: &str) -> Value {
    json!({ "text": text })
}

/// Joins hard-wrapped lines into paragraphs (blank lines kept as paragraph breaks).
fn unwrap(text: &str) -> String {
    text.trim()
        .split("\n\n")
        .map(|p| p.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The help text of a rule: its bad examples with their fixes, then its good ones.
fn help_text(meta: &RuleMeta) -> String {
    let mut lines = vec![meta.message.clone()];
    for example in &meta.examples {
        if let Some(source) = &example.source {
            lines.push(format!("source: {source}"));
        }
        match &example.expect {
            Expect::Bad { fixed, .. } => {
                lines.push(format!("✗ {}", example.marked()));
                if let Some(fixed) = fixed {
                    lines.push(format!("→ {fixed}"));
                }
            }
            Expect::Good => lines.push(format!("✓ {}", example.text)),
        }
    }
    lines.join("\n")
}

/// The descriptor of a rule; a rule missing from the metadata is described by its finding.
fn rule_descriptor(meta: Option<&RuleMeta>, d: &Diagnostic) -> Value {
    match meta {
        Some(meta) => json!({
            "id": meta.id.as_str(),
            "shortDescription": message(&meta.summary),
            "fullDescription": message(&meta.explanation.as_deref().map_or_else(|| meta.message.clone(), unwrap)),
            "help": message(&help_text(meta)),
            "defaultConfiguration": { "level": level(meta.severity) },
            "properties": { "category": meta.category.as_str(), "tags": [meta.category.as_str()] },
        }),
        None => json!({
            "id": d.rule.as_str(),
            "shortDescription": message(d.rule.as_str()),
            "fullDescription": message(&d.message),
            "defaultConfiguration": { "level": level(d.severity) },
            "properties": { "category": d.category.as_str(), "tags": [d.category.as_str()] },
        }),
    }
}

/// The region of a span: 1-based lines and Unicode-scalar columns, end exclusive.
fn region(document: &Document, span: Span) -> Map<String, Value> {
    let start = document.position(span.start);
    let end = document.position(span.end);
    let mut region = Map::new();
    region.insert("startLine".into(), start.line.into());
    region.insert("startColumn".into(), start.column.into());
    region.insert("endLine".into(), end.line.into());
    region.insert("endColumn".into(), end.column.into());
    region
}

fn physical_location(uri: &str, region: Map<String, Value>) -> Value {
    json!({ "physicalLocation": { "artifactLocation": { "uri": uri }, "region": region } })
}

impl Reporter for SarifReporter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let document = &report.document;
        let uri = uri_path(document.name());
        let fingerprints = fingerprints(report);
        for (d, fingerprint) in report.diagnostics.iter().zip(fingerprints) {
            let id = d.rule.as_str().to_owned();
            if !self.rules.contains_key(&id) {
                let descriptor = rule_descriptor(self.metas.get(&id), d);
                self.rules.insert(id.clone(), descriptor);
            }
            let text = document.original_text(d.span).into_owned();

            let mut flagged = region(document, d.span);
            flagged.insert("snippet".into(), message(&text));
            let mut result = Map::new();
            result.insert("ruleId".into(), id.clone().into());
            result.insert("level".into(), level(d.severity).into());
            let text = match replacements(d) {
                Some(choices) => format!("{} → {choices}", d.message),
                None => d.message.clone(),
            };
            result.insert("message".into(), message(&text));
            result.insert("locations".into(), json!([physical_location(&uri, flagged)]));
            result.insert("partialFingerprints".into(), json!({ FINGERPRINT_KEY: fingerprint }));
            if !d.related.is_empty() {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut location = physical_location(&uri, region(document, r.span));
                        if let Value::Object(o) = &mut location {
                            o.insert("id".into(), i.into());
                            o.insert("message".into(), message(&r.message));
                        }
                        location
                    })
                    .collect();
                result.insert("relatedLocations".into(), related.into());
            }
            if !d.suggestions.is_empty() {
                let fixes: Vec<Value> = d
                    .suggestions
                    .iter()
                    .map(|s| {
                        let description = if s.edit.replacement.is_empty() {
                            "supprimer".to_owned()
                        } else {
                            format!("remplacer par « {} »", s.edit.replacement)
                        };
                        json!({
                            "description": message(&description),
                            "artifactChanges": [{
                                "artifactLocation": { "uri": uri },
                                "replacements": [{
                                    "deletedRegion": region(document, s.edit.span),
                                    "insertedContent": message(&s.edit.replacement),
                                }],
                            }],
                        })
                    })
                    .collect();
                result.insert("fixes".into(), fixes.into());
            }
            result.insert("properties".into(), json!({ "category": d.category.as_str() }));
            self.results.push((id, result));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let index: HashMap<&str, usize> = self.rules.keys().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        let results: Vec<Value> = std::mem::take(&mut self.results)
            .into_iter()
            .map(|(id, mut result)| {
                if let Some(i) = index.get(id.as_str()) {
                    result.insert("ruleIndex".into(), (*i).into());
                }
                Value::Object(result)
            })
            .collect();
        let rules: Vec<Value> = std::mem::take(&mut self.rules).into_values().collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "decalque",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}
