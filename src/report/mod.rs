//! Output formats. A reporter only formats: positions come from the document's line index
//! and everything else from the diagnostics.

mod github;
mod html;
mod human;
mod json;
mod jsonl;
mod markdown;
mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::linter::FileReport;
use crate::rules::RuleMeta;

pub use json::diagnostic_value;

/// The output formats `check` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Annotated source snippets, for people at a terminal.
    Human,
    /// One JSON document (version 1) for the whole run.
    Json,
    /// One JSON object per diagnostic and line, with its path.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A Markdown summary for a pull-request comment.
    Markdown,
    /// A self-contained HTML review page with an MQM-style quality score.
    Html,
}

/// Totals of a run, for summaries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked (unreadable ones excluded).
    pub files: usize,
    /// Words in the checked prose.
    pub words: usize,
    /// Diagnostics reported.
    pub diagnostics: usize,
    /// Diagnostics per severity.
    pub by_severity: BTreeMap<Severity, usize>,
    /// Diagnostics per category.
    pub by_category: BTreeMap<Category, usize>,
}

impl Summary {
    /// Adds one file's findings to the totals.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.add_findings(report);
    }

    /// Adds a document's words and findings without counting a file (JSON Lines records).
    pub fn add_findings(&mut self, report: &FileReport) {
        self.words += report.document.word_count();
        self.diagnostics += report.diagnostics.len();
        for d in &report.diagnostics {
            *self.by_severity.entry(d.severity).or_default() += 1;
            *self.by_category.entry(d.category).or_default() += 1;
        }
    }
}

/// Writes the reports of a run in one format.
pub trait Reporter {
    /// Called once per file, in output order.
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()>;
    /// Called once at the end with the totals.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The reporter for `format`; `color` applies to human output only, and `rules` (the
/// metadata of every rule the run may report) to SARIF only.
pub fn reporter(format: Format, color: bool, rules: &[RuleMeta]) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::HumanReporter::new(color)),
        Format::Json => Box::new(json::JsonReporter::default()),
        Format::Jsonl => Box::new(jsonl::JsonlReporter),
        Format::Sarif => Box::new(sarif::SarifReporter::new(rules)),
        Format::Github => Box::new(github::GithubReporter),
        Format::Markdown => Box::new(markdown::MarkdownReporter::default()),
        Format::Html => Box::new(html::HtmlReporter::default()),
    }
}

/// A path as a relative URI reference: forward slashes, and every byte outside the
/// unreserved and path characters percent-encoded (`:` too, so no segment reads as a scheme).
pub(super) fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The replacements a diagnostic suggests, as `« a » ou « b »` (`supprimer` for a deletion);
/// `None` when it has none.
pub(super) fn replacements(d: &Diagnostic) -> Option<String> {
    if d.suggestions.is_empty() {
        return None;
    }
    let choices: Vec<String> = d
        .suggestions
        .iter()
        .map(|s| {
            if s.edit.replacement.is_empty() { "supprimer".to_owned() } else { format!("« {} »", s.edit.replacement) }
        })
        .collect();
    Some(choices.join(" ou "))
}
