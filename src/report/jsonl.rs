//! `--format jsonl`: one diagnostic object per line, with its `path`; streams as files finish.

use std::io::{self, Write};

use serde_json::Value;

use crate::linter::FileReport;
use crate::report::{Reporter, Summary, diagnostic_value};

/// Writes each diagnostic as soon as its file is reported.
pub(super) struct JsonlReporter;

impl Reporter for JsonlReporter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        for d in &report.diagnostics {
            let mut object = serde_json::Map::new();
            object.insert("path".into(), report.document.name().into());
            object.extend(diagnostic_value(&report.document, d));
            serde_json::to_writer(&mut *out, &Value::Object(object))?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
