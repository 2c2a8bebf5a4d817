//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=rule.id::message`.
//!
//! Lines and columns are 1-based; columns count Unicode scalar values and `endColumn` is the
//! column of the last flagged character (GitHub's range is inclusive). GitHub ignores
//! columns on an annotation that spans several lines, so they are left out there.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::linter::FileReport;
use crate::report::{Reporter, Summary, replacements};

/// Writes each annotation as soon as its file is reported.
pub(super) struct GithubReporter;

/// The workflow command for a severity.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes the data (message) of a workflow command.
pub(super) fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value of a workflow command: the data escapes plus `:` and `,`.
pub(super) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for GithubReporter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let document = &report.document;
        let file = escape_property(&document.name().replace('\\', "/"));
        for d in &report.diagnostics {
            let start = document.position(d.span.start);
            let end = document.position(d.span.end);
            let mut properties = format!("file={file},line={},", start.line);
            if start.line == end.line {
                let last = end.column.saturating_sub(1).max(start.column);
                properties.push_str(&format!("col={},endLine={},endColumn={last},", start.column, end.line));
            } else {
                properties.push_str(&format!("endLine={},", end.line));
            }
            properties.push_str(&format!("title={}", escape_property(d.rule.as_str())));
            let message = match replacements(d) {
                Some(choices) => format!("{} → {choices}", d.message),
                None => d.message.clone(),
            };
            writeln!(out, "::{} {properties}::{}", command(d.severity), escape_data(&message))?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("50 % : a,b\r\nc\nd"), "50 %25 : a,b%0D%0Ac%0Ad");
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
        assert_eq!(escape_property("dir/fichier, v2:final.txt"), "dir/fichier%2C v2%3Afinal.txt");
    }
}
