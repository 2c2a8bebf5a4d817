//! `--format human`: rustc-style snippets (annotate-snippets) and a closing summary.

use std::io::{self, Write};

use annotate_snippets::{Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::linter::FileReport;
use crate::report::{Reporter, Summary};

/// Renders each diagnostic with its source line and a caret under the span.
pub(super) struct HumanReporter {
    renderer: Renderer,
}

impl HumanReporter {
    pub(super) fn new(color: bool) -> Self {
        HumanReporter { renderer: if color { Renderer::styled() } else { Renderer::plain() } }
    }
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Byte offset in `line` of its `column`-th character (1-based), clamped to the line.
fn column_to_byte(line: &str, column: usize) -> usize {
    line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// The lines a diagnostic covers, joined, and its range within them.
fn excerpt(document: &Document, d: &Diagnostic) -> (String, usize, std::ops::Range<usize>) {
    let start = document.position(d.span.start);
    let end = document.position(d.span.end);
    let mut source = String::new();
    let mut range = 0..0;
    for line in start.line..=end.line.max(start.line) {
        let text = document.line_text(line);
        if line == start.line {
            range.start = source.len() + column_to_byte(text, start.column);
        }
        if line == end.line {
            range.end = source.len() + column_to_byte(text, end.column);
        }
        source.push_str(text);
        if line != end.line {
            source.push('\n');
        }
    }
    range.end = range.end.max(range.start);
    (source, start.line, range)
}

fn suggestion_text(d: &Diagnostic) -> Option<String> {
    let first = d.suggestions.first()?;
    let choices: Vec<String> = d.suggestions.iter().map(|s| format!("« {} »", s.edit.replacement)).collect();
    let how = if d.fix_safe() { "correction sûre" } else { "à vérifier" };
    Some(if first.edit.replacement.is_empty() {
        format!("supprimer ({how})")
    } else {
        format!("remplacer par {} ({how})", choices.join(" ou "))
    })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Reporter for HumanReporter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let document = &report.document;
        for d in &report.diagnostics {
            let (source, line_start, range) = excerpt(document, d);
            let help = suggestion_text(d);
            let related: Vec<String> = d
                .related
                .iter()
                .map(|r| {
                    let p = document.position(r.span.start);
                    format!("{} : « {} » ({}:{})", r.message, document.original_text(r.span), p.line, p.column)
                })
                .collect();
            let lvl = level(d.severity);
            let mut message = lvl.title(&d.message).id(d.rule.as_str()).snippet(
                Snippet::source(&source)
                    .line_start(line_start)
                    .origin(document.name())
                    // Level::Error draws `^` carets, the clearest underline at every severity.
                    .annotation(Level::Error.span(range).label("")),
            );
            if let Some(help) = &help {
                message = message.footer(Level::Help.title(help));
            }
            for note in &related {
                message = message.footer(Level::Note.title(note));
            }
            writeln!(out, "{}\n", self.renderer.render(message))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let files = plural(summary.files, "file", "files");
        let words = plural(summary.words, "word", "words");
        if summary.diagnostics == 0 {
            return writeln!(out, "No problems found in {files} ({words}).");
        }
        let parts: Vec<String> = [(Severity::Error, "error", "errors"), (Severity::Warning, "warning", "warnings")]
            .iter()
            .map(|(s, one, many)| plural(summary.by_severity.get(s).copied().unwrap_or(0), one, many))
            .chain(std::iter::once(format!("{} info", summary.by_severity.get(&Severity::Info).copied().unwrap_or(0))))
            .collect();
        writeln!(
            out,
            "Found {} ({}) in {files} ({words}).",
            plural(summary.diagnostics, "problem", "problems"),
            parts.join(", ")
        )
    }
}
