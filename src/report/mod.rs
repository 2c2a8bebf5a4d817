//! Output formats. A reporter only formats: positions come from the document's line index
//! and everything else from the diagnostics.

mod human;
mod json;
mod jsonl;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::diagnostic::{Category, Severity};
use crate::linter::FileReport;

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

/// The reporter for `format`; `color` applies to human output only.
pub fn reporter(format: Format, color: bool) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::HumanReporter::new(color)),
        Format::Json => Box::new(json::JsonReporter::default()),
        Format::Jsonl => Box::new(jsonl::JsonlReporter),
    }
}
