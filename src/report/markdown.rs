//! `--format markdown`: a summary for a pull-request comment: counts by severity and by
//! category, then the findings of each file as bullets linking to their line.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::linter::FileReport;
use crate::report::{Reporter, Summary, replacements, uri_path};

/// Collects each file's section, then writes the heading, the counts and the sections.
#[derive(Default)]
pub(super) struct MarkdownReporter {
    sections: String,
}

/// Escapes the characters that Markdown (CommonMark and GitHub's) would read as markup in
/// running text; line breaks become spaces.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' | '@' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A code span holding `text` verbatim: fenced with one more backtick than its longest run,
/// padded when it starts or ends with a backtick; line breaks shown as `⏎`.
pub(super) fn code(text: &str) -> String {
    let text = text.replace("\r\n", "⏎").replace(['\n', '\r'], "⏎");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "🔴 error",
        Severity::Warning => "🟠 warning",
        Severity::Info => "🔵 info",
    }
}

impl Reporter for MarkdownReporter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let document = &report.document;
        let name = document.name().replace('\\', "/");
        let link = uri_path(&name);
        let s = &mut self.sections;
        s.push_str(&format!("\n### {}\n\n", escape(&name)));
        for d in &report.diagnostics {
            let p = document.position(d.span.start);
            let location = code(&format!("{name}:{}:{}", p.line, p.column));
            s.push_str(&format!(
                "- [{location}]({link}#L{}) **{}** {} — {} — {}",
                p.line,
                severity_label(d.severity),
                code(d.rule.as_str()),
                escape(&d.message),
                code(&document.original_text(d.span)),
            ));
            if let Some(choices) = replacements(d) {
                s.push_str(&format!(" → {}", escape(&choices)));
            }
            s.push('\n');
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "## decalque report\n")?;
        let problems = if summary.diagnostics == 1 { "problem" } else { "problems" };
        let files = if summary.files == 1 { "file" } else { "files" };
        writeln!(
            out,
            "**{} {problems}** in {} {files} ({} words checked).",
            summary.diagnostics, summary.files, summary.words
        )?;
        if summary.diagnostics == 0 {
            return Ok(());
        }
        writeln!(out, "\n| Severity | Findings |\n|---|---:|")?;
        for severity in Severity::ALL.iter().rev() {
            if let Some(n) = summary.by_severity.get(severity) {
                writeln!(out, "| {} | {n} |", severity_label(*severity))?;
            }
        }
        writeln!(out, "\n| Category | Findings |\n|---|---:|")?;
        for (category, n) in &summary.by_category {
            writeln!(out, "| {} | {n} |", category.as_str())?;
        }
        out.write_all(self.sections.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_plain_punctuation() {
        assert_eq!(escape("a *b* [c](d) <e> | f_g\n2.5 - h"), "a \\*b\\* \\[c\\](d) \\<e\\> \\| f\\_g 2.5 - h");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("RNC"), "`RNC`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a\r\nb"), "`a⏎b`");
    }
}
