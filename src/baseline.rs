//! Baselines: the findings a project has accepted, so that CI reports only new ones.
//!
//! A baseline file is JSON: `{"version": 1, "findings": [{"path", "rule", "fingerprint",
//! "line", "text"}]}`. Findings match on path, rule and [fingerprint](crate::fingerprint),
//! which does not depend on line numbers; `line` and `text` are there for people reading the
//! file. Each recorded finding absorbs one finding of a run, so a second copy of an accepted
//! mistake is still reported.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::{Value, json};

use crate::fingerprint::fingerprints;
use crate::linter::FileReport;

/// The version of the baseline file format.
const VERSION: u64 = 1;

/// Which finding a baseline entry stands for.
type Key = (String, String, String);

/// Findings recorded in a baseline file, or being recorded for one.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    /// How many findings each key still absorbs.
    remaining: HashMap<Key, usize>,
    /// Entries to write, sorted by path, line, rule.
    written: BTreeMap<(String, u64, String, String), Value>,
}

/// The path as recorded: forward slashes, no leading `./`.
fn normalized(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_owned()
}

impl Baseline {
    /// An empty baseline.
    pub fn new() -> Self {
        Baseline::default()
    }

    /// Reads a baseline file; errors name the file and say what is wrong.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: {e}"))?;
        let value: Value = serde_json::from_str(&text)
            .map_err(|e| format!("{shown}:{}:{}: not a baseline file: {e}", e.line(), e.column()))?;
        if value.get("version").and_then(Value::as_u64) != Some(VERSION) {
            return Err(format!("{shown}: not a decalque baseline (version {VERSION} expected)"));
        }
        let findings = value
            .get("findings")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{shown}: the baseline has no `findings` list"))?;
        let mut baseline = Baseline::new();
        for (i, finding) in findings.iter().enumerate() {
            let field = |name: &str| {
                finding
                    .get(name)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| format!("{shown}: finding {} has no string `{name}`", i + 1))
            };
            let key = (normalized(&field("path")?), field("rule")?, field("fingerprint")?);
            *baseline.remaining.entry(key).or_default() += 1;
        }
        Ok(baseline)
    }

    /// Records every finding of `report`.
    pub fn record(&mut self, report: &FileReport) {
        let path = normalized(report.document.name());
        for (d, fingerprint) in report.diagnostics.iter().zip(fingerprints(report)) {
            let line = report.document.position(d.span.start).line as u64;
            let text = report.document.original_text(d.span).into_owned();
            let entry = json!({
                "path": path,
                "rule": d.rule.as_str(),
                "fingerprint": fingerprint,
                "line": line,
                "text": text,
            });
            self.written.insert((path.clone(), line, d.rule.as_str().to_owned(), fingerprint), entry);
        }
    }

    /// The baseline file for the recorded findings.
    pub fn to_json(&self) -> String {
        let findings: Vec<&Value> = self.written.values().collect();
        let mut text =
            serde_json::to_string_pretty(&json!({ "version": VERSION, "findings": findings })).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Removes from `report` the findings the baseline accepts; returns how many.
    pub fn filter(&mut self, report: &mut FileReport) -> usize {
        if self.remaining.is_empty() || report.diagnostics.is_empty() {
            return 0;
        }
        let path = normalized(report.document.name());
        let prints = fingerprints(report);
        let before = report.diagnostics.len();
        let mut prints = prints.into_iter();
        report.diagnostics.retain(|d| {
            let Some(fingerprint) = prints.next() else { return true };
            match self.remaining.get_mut(&(path.clone(), d.rule.as_str().to_owned(), fingerprint)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - report.diagnostics.len()
    }
}
