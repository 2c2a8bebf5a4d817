//! `--format jsonl`: one diagnostic object per line, with its `path`; streams as files finish.

use std::io::{self, Write};

use serde::Serialize;

use crate::linter::FileReport;
use crate::report::json::DiagnosticJson;
use crate::report::{Reporter, Summary};

/// One line: the file's path, then the diagnostic's fields.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    diagnostic: DiagnosticJson<'a>,
}

/// Writes each diagnostic as soon as its file is reported.
pub(super) struct JsonlReporter;

impl Reporter for JsonlReporter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        for d in &report.diagnostics {
            let line = Line { path: report.document.name(), diagnostic: DiagnosticJson::new(&report.document, d) };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
