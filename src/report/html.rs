//! `--format html`: one self-contained review page (inline CSS and script, no external
//! resource) for one file or a whole folder.
//!
//! The page has a summary table (per file and overall: words, findings by severity, the
//! MQM-style penalty and score of [`crate::quality`]), filters by category and severity
//! (shown only when scripts run), then one section per file: its text with every finding
//! highlighted in place (colour and underline by severity, message and suggestion in the
//! `title`), and beside it the numbered list of findings linking to their marks.
//!
//! The text shown is the decoded text (BOM removed; CRLF shown as one line break, as HTML
//! parsers read it anyway; a line break follows `<pre>` because parsers drop the first one),
//! each character exactly once and in order. Overlapping findings
//! nest; where two cross, the inner mark is closed and reopened as a continuation piece
//! (`data-d` names its finding; only the first piece has the `id`). Printing shows every
//! finding, whatever the filters, and hides the controls. Output is deterministic.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::{Document, Encoding};
use crate::linter::FileReport;
use crate::quality::{self, MqmClass, Quality};
use crate::report::{Reporter, Summary, replacements};
use crate::span::Span;

/// The summary row of one file.
struct Row {
    name: String,
    by_severity: BTreeMap<Severity, usize>,
    quality: Quality,
}

/// Collects each file's summary row and section, then writes the page.
#[derive(Default)]
pub(super) struct HtmlReporter {
    rows: Vec<Row>,
    sections: String,
}

/// Escapes text for HTML content and quoted attribute values; line breaks in attributes
/// stay line breaks (`&#10;`), and a CR before a LF is dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text, false);
    out
}

/// Escapes for a double-quoted attribute value, line breaks as `&#10;`.
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text, true);
    out
}

fn push_escaped(out: &mut String, text: &str, attribute: bool) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' if attribute => out.push_str("&#10;"),
            // A lone CR is read as a line break by HTML parsers: write it as one.
            '\r' => out.push('\n'),
            _ => out.push(c),
        }
    }
}

fn severity_label(severity: Severity) -> &'static str {
    severity.as_str()
}

/// A number of points or a score with one decimal.
fn points(value: f64) -> String {
    format!("{value:.1}")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The largest character boundary of `s` at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `s` at or after `i`.
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Byte offsets in the decoded text where each line starts (after each `\n`).
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
    starts
}

/// The decoded-text offset of an original byte offset, through its line and column.
fn decoded_offset(document: &Document, starts: &[usize], offset: usize) -> usize {
    let text = document.decoded();
    let p = document.position(offset);
    let line_start = p.line.checked_sub(1).and_then(|i| starts.get(i)).copied().unwrap_or(0).min(text.len());
    let rest = text.get(line_start..).unwrap_or("");
    let within = rest.char_indices().nth(p.column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i);
    line_start + within
}

/// The range of the decoded text that a span of the original bytes covers: a character
/// the span touches is covered whole; never inside a character, start ≤ end.
fn decoded_range(document: &Document, starts: &[usize], span: Span) -> (usize, usize) {
    let text = document.decoded();
    match document.encoding() {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            let bom = document.encoding().bom_len();
            let start = floor_boundary(text, span.start.saturating_sub(bom));
            let end = ceil_boundary(text, span.end.saturating_sub(bom)).max(start);
            (start, end)
        }
        Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Windows1252 => {
            // `original_text` is the decoded text from the start's character on.
            let start = decoded_offset(document, starts, span.start);
            let end = ceil_boundary(text, start + document.original_text(span).len()).max(start);
            (start, end)
        }
    }
}

/// Whether a flagged text shows nothing on screen (spaces, invisible characters).
fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    })
}

/// One piece of the marked-up text.
enum Token {
    /// Decoded text from `start` to `end`.
    Text(usize, usize),
    /// The start of a piece of the mark of finding `index`; `first` for its first piece,
    /// `last` once its end is reached in this piece.
    Open { index: usize, first: bool, last: bool },
    /// The end of the innermost open piece.
    Close,
    /// An empty finding (an insertion point).
    Empty(usize),
}

/// The text split at every finding's edges, with marks that nest: where a finding ends
/// inside another that began after it, the inner ones are closed and reopened.
fn tokens(ranges: &[(usize, usize)], len: usize) -> Vec<Token> {
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    // Outer (longer) marks open first at the same offset.
    order.sort_by_key(|&i| (ranges[i].0, std::cmp::Reverse(ranges[i].1), i));
    let mut bounds: Vec<usize> = ranges.iter().flat_map(|&(s, e)| [s, e]).chain([0, len]).collect();
    bounds.sort_unstable();
    bounds.dedup();

    let mut out = Vec::new();
    // Open pieces, outermost first: (finding, index of its Open token).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut next = 0;
    let mut previous = 0;
    for &at in &bounds {
        if at > previous {
            out.push(Token::Text(previous, at));
            previous = at;
        }
        // Close every piece from the outermost one that ends here; reopen the others.
        if let Some(lowest) = stack.iter().position(|&(i, _)| ranges[i].1 == at) {
            let closed: Vec<(usize, usize)> = stack.drain(lowest..).collect();
            for &(i, open) in closed.iter().rev() {
                out.push(Token::Close);
                if ranges[i].1 == at {
                    if let Some(Token::Open { last, .. }) = out.get_mut(open) {
                        *last = true;
                    }
                }
            }
            for &(i, _) in &closed {
                if ranges[i].1 != at {
                    stack.push((i, out.len()));
                    out.push(Token::Open { index: i, first: false, last: false });
                }
            }
        }
        while let Some(&i) = order.get(next) {
            if ranges[i].0 != at {
                break;
            }
            next += 1;
            if ranges[i].1 == at {
                out.push(Token::Empty(i));
            } else {
                stack.push((i, out.len()));
                out.push(Token::Open { index: i, first: true, last: false });
            }
        }
    }
    for _ in stack.drain(..) {
        out.push(Token::Close);
    }
    out
}

/// What a finding's tooltip says: severity, rule, message, suggestion.
fn tooltip(d: &Diagnostic) -> String {
    let mut text = format!("{} [{}] {}", severity_label(d.severity), d.rule, d.message);
    if let Some(choices) = replacements(d) {
        text.push_str(&format!("\n→ {choices}"));
    }
    text
}

/// The opening tag of a piece of the mark of finding `n` (1-based) of file `file`.
fn open_tag(out: &mut String, file: usize, n: usize, d: &Diagnostic, first: bool, last: bool, blank: bool) {
    let mut classes = format!("sev-{}", d.severity.as_str());
    if !first {
        classes.push_str(" cont");
    }
    if last {
        classes.push_str(" last");
    }
    if blank {
        classes.push_str(" blank");
    }
    let _ = write!(out, "<mark class=\"{classes}\"");
    if first {
        let _ = write!(out, " id=\"f{file}-{n}\"");
    }
    let _ = write!(
        out,
        " data-d=\"{file}-{n}\" data-n=\"{n}\" data-cat=\"{}\" data-sev=\"{}\" title=\"{}\">",
        d.category.as_str(),
        d.severity.as_str(),
        attr(&tooltip(d))
    );
}

/// The document text of one file with its findings marked, as the content of a `<pre>`.
fn marked_text(file: usize, report: &FileReport) -> String {
    let document = &report.document;
    let text = document.decoded();
    let starts = line_starts(text);
    let ranges: Vec<(usize, usize)> =
        report.diagnostics.iter().map(|d| decoded_range(document, &starts, d.span)).collect();
    let mut out = String::with_capacity(text.len() * 2);
    for token in tokens(&ranges, text.len()) {
        match token {
            Token::Text(start, end) => {
                // A CR whose LF starts the next piece is dropped, as HTML parsers would.
                let piece = text.get(start..end).unwrap_or("");
                if let Some(body) = piece.strip_suffix('\r').filter(|_| text.as_bytes().get(end) == Some(&b'\n')) {
                    out.push_str(&escape(body));
                } else {
                    out.push_str(&escape(piece));
                }
            }
            Token::Open { index, first, last } => {
                if let Some(d) = report.diagnostics.get(index) {
                    let (s, e) = ranges[index];
                    open_tag(&mut out, file, index + 1, d, first, last, is_blank(text.get(s..e).unwrap_or("")));
                }
            }
            Token::Close => out.push_str("</mark>"),
            Token::Empty(index) => {
                if let Some(d) = report.diagnostics.get(index) {
                    open_tag(&mut out, file, index + 1, d, true, true, true);
                    out.push_str("</mark>");
                }
            }
        }
    }
    out
}

/// The flagged text for the side list; text that shows nothing is named by its code points.
fn flagged(text: &str) -> String {
    if text.is_empty() {
        "<span class=\"cp\">insertion point</span>".to_owned()
    } else if is_blank(text) {
        let points: Vec<String> = text.chars().map(|c| format!("U+{:04X}", u32::from(c))).collect();
        format!("<span class=\"cp\">{}</span>", points.join(" "))
    } else {
        format!("<q lang=\"fr\">{}</q>", escape(text))
    }
}

/// The side list of one file's findings, numbered like their marks (`value`, so the
/// numbers stay when filters hide items).
fn finding_list(file: usize, report: &FileReport) -> String {
    let document = &report.document;
    let mut out = String::from("<ol class=\"findings\">\n");
    for (i, d) in report.diagnostics.iter().enumerate() {
        let n = i + 1;
        let p = document.position(d.span.start);
        let sev = d.severity.as_str();
        let _ = write!(
            out,
            "<li id=\"l{file}-{n}\" value=\"{n}\" class=\"sev-{sev}\" data-cat=\"{cat}\" data-sev=\"{sev}\">\
             <a class=\"loc\" href=\"#f{file}-{n}\">{line}:{col}</a> \
             <span class=\"badge sev-{sev}\">{label}</span> \
             <span class=\"cat\">{cat}</span> <code class=\"rule\">{rule}</code>\
             <div class=\"flagged\">{flagged}</div>\
             <div class=\"msg\" lang=\"fr\">{msg}</div>",
            cat = d.category.as_str(),
            line = p.line,
            col = p.column,
            label = severity_label(d.severity),
            rule = escape(d.rule.as_str()),
            flagged = flagged(&document.original_text(d.span)),
            msg = escape(&d.message),
        );
        if let Some(choices) = replacements(d) {
            let _ = write!(out, "<div class=\"fix\" lang=\"fr\">→ {}</div>", escape(&choices));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    out
}

/// Counts by severity of one file.
fn severities(diagnostics: &[Diagnostic]) -> BTreeMap<Severity, usize> {
    let mut counts = BTreeMap::new();
    for d in diagnostics {
        *counts.entry(d.severity).or_default() += 1;
    }
    counts
}

const STYLE: &str = r#"
:root { --error: #b3261e; --error-bg: #fbe0de; --warning: #b86200; --warning-bg: #ffecc7;
  --info: #1d5fb8; --info-bg: #dfeafb; --line: #d8d8d8; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #1f1f1f; margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 90rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; }
.totals { margin: 0 0 1rem; color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .75rem; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { border-bottom: 2px solid #888; }
tfoot th, tfoot td { border-top: 2px solid #888; border-bottom: none; font-weight: 600; }
.scoring { color: var(--muted); font-size: .9rem; max-width: 60rem; }
.scoring table { font-size: .9rem; }
#filters { margin: 1.25rem 0; padding: .5rem .75rem; border: 1px solid var(--line); border-radius: 6px;
  display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
#filters[hidden] { display: none; }
#filters fieldset { border: 0; margin: 0; padding: 0; }
#filters legend { font-weight: 600; padding: 0; margin-bottom: .2rem; }
#filters label { margin-right: .9rem; white-space: nowrap; }
section.file { border-top: 1px solid var(--line); margin-top: 2rem; }
section.file h2 { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 1.1rem; word-break: break-all; }
.meta { color: var(--muted); margin: 0 0 .75rem; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1.5rem; align-items: start; }
pre.doc { font: 16px/1.9 Georgia, "DejaVu Serif", serif; white-space: pre-wrap; overflow-wrap: anywhere;
  margin: 0; padding: 1rem 1.25rem; background: #fcfcfa; border: 1px solid var(--line); border-radius: 6px; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; cursor: help;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.sev-error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--warning-bg); border-bottom: 2px dashed var(--warning); }
mark.sev-info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
mark mark { padding: 0; background-image: linear-gradient(rgba(0,0,0,.06), rgba(0,0,0,.06)); }
mark.blank { padding: 0 .2em; }
mark.last::after { content: attr(data-n); font: 600 .65em/1 system-ui, "DejaVu Sans", sans-serif;
  vertical-align: super; margin-left: 1px; }
mark.sev-error.last::after { color: var(--error); }
mark.sev-warning.last::after { color: var(--warning); }
mark.sev-info.last::after { color: var(--info); }
mark:target, mark.hl { outline: 2px solid #222; outline-offset: 1px; }
ol.findings { margin: 0; padding: 0 0 0 2.2rem; font-size: .9rem; max-height: calc(100vh - 2rem);
  overflow-y: auto; position: sticky; top: 1rem; }
ol.findings li { padding: .35rem .25rem .45rem; border-bottom: 1px solid #eee; }
ol.findings li::marker { font-weight: 600; }
ol.findings li.sev-error::marker { color: var(--error); }
ol.findings li.sev-warning::marker { color: var(--warning); }
ol.findings li.sev-info::marker { color: var(--info); }
ol.findings li:target { background: #f3f3f3; }
.loc { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .4rem; border-radius: 999px; color: #fff; }
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
.cat { color: var(--muted); }
code.rule { font-size: .8rem; color: var(--muted); }
.flagged q { font-family: Georgia, "DejaVu Serif", serif; white-space: pre-wrap; background: #f3f3f3; padding: 0 .2rem; }
.flagged q::before, .flagged q::after { content: none; }
.flagged .cp { font: .8rem ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); }
.fix { color: #1b6e2d; }
.clean { color: #1b6e2d; }
details > summary { cursor: pointer; color: var(--muted); margin-bottom: .5rem; }
@media screen {
  mark.off { background: none; border-bottom-color: transparent; cursor: auto; }
  mark.off::after { content: none; }
  li.off { display: none; }
}
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } ol.findings { position: static; max-height: none; } }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  #filters, details > summary { display: none; }
  .layout { display: block; }
  pre.doc { border: none; padding: 0; font-size: 11pt; }
  ol.findings { position: static; max-height: none; overflow: visible; margin-top: 1rem; }
  ol.findings li { break-inside: avoid; }
  section.file + section.file { break-before: page; }
  a { color: inherit; text-decoration: none; }
  mark, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  function apply() {
    var off = {};
    form.querySelectorAll('input').forEach(function (i) { if (!i.checked) off[i.name + ':' + i.value] = true; });
    document.querySelectorAll('[data-cat]').forEach(function (e) {
      e.classList.toggle('off', !!(off['cat:' + e.dataset.cat] || off['sev:' + e.dataset.sev]));
    });
  }
  form.addEventListener('change', apply);
  apply();
  document.querySelectorAll('mark[data-d]').forEach(function (m) {
    m.addEventListener('click', function () { location.hash = 'l' + m.dataset.d; });
  });
  document.querySelectorAll('ol.findings li').forEach(function (li) {
    var marks = document.querySelectorAll('mark[data-d="' + li.id.slice(1) + '"]');
    li.addEventListener('mouseenter', function () { marks.forEach(function (m) { m.classList.add('hl'); }); });
    li.addEventListener('mouseleave', function () { marks.forEach(function (m) { m.classList.remove('hl'); }); });
  });
})();
"#;

impl HtmlReporter {
    /// The summary table: one row per file, then the overall row.
    fn summary_table(&self, total: &Quality, summary: &Summary) -> String {
        let mut out = String::from(
            "<table class=\"summary\">\n<thead><tr><th>File</th><th class=\"num\">Words</th>\
             <th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Info</th>\
             <th class=\"num\">Penalty</th><th class=\"num\">Per 1,000 words</th></tr></thead>\n<tbody>\n",
        );
        let counts = |by: &BTreeMap<Severity, usize>| {
            Severity::ALL
                .iter()
                .rev()
                .map(|s| format!("<td class=\"num\">{}</td>", by.get(s).copied().unwrap_or(0)))
                .collect::<String>()
        };
        for (i, row) in self.rows.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#file-{}\">{}</a></td><td class=\"num\">{}</td>{}<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                i + 1,
                escape(&row.name),
                row.quality.words,
                counts(&row.by_severity),
                points(row.quality.penalty),
                points(row.quality.per_thousand_words),
            );
        }
        let _ = writeln!(
            out,
            "</tbody>\n<tfoot><tr><th>Overall ({})</th><td class=\"num\">{}</td>{}<td class=\"num\">{}</td><td class=\"num\">{}</td></tr></tfoot>\n</table>",
            plural(summary.files, "file", "files"),
            total.words,
            counts(&summary.by_severity),
            points(total.penalty),
            points(total.per_thousand_words),
        );
        out
    }

    /// How the score is computed, with the overall count of each MQM class.
    fn scoring(total: &Quality) -> String {
        let mut out = String::from(
            "<div class=\"scoring\">\n<p>Score in the MQM style of the WMT evaluations of machine translation: \
             the penalty (sum of the weights of the findings) per 1,000 words; lower is better, 0 for no finding. \
             Untranslated text counts as non-translation; typography and locale findings as minor punctuation \
             (minor at error); other findings as minor at info, major at warning and error.</p>\n\
             <table><thead><tr><th>MQM class</th><th class=\"num\">Weight</th><th class=\"num\">Findings</th>\
             <th class=\"num\">Penalty</th></tr></thead>\n<tbody>\n",
        );
        for class in MqmClass::ALL.iter().rev() {
            let n = total.count(*class);
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{n}</td><td class=\"num\">{}</td></tr>",
                class.as_str(),
                class.weight(),
                points(class.tenths() as f64 * n as f64 / 10.0),
            );
        }
        out.push_str("</tbody></table>\n</div>\n");
        out
    }

    /// The filter controls: one checkbox per severity and per category found.
    fn filters(summary: &Summary) -> String {
        if summary.diagnostics == 0 {
            return String::new();
        }
        let mut out = String::from("<form id=\"filters\" hidden>\n<fieldset><legend>Severity</legend>\n");
        for severity in Severity::ALL.iter().rev() {
            if let Some(n) = summary.by_severity.get(severity) {
                let _ = writeln!(
                    out,
                    "<label><input type=\"checkbox\" name=\"sev\" value=\"{s}\" checked> <span class=\"badge sev-{s}\">{}</span> ({n})</label>",
                    severity_label(*severity),
                    s = severity.as_str(),
                );
            }
        }
        out.push_str("</fieldset>\n<fieldset><legend>Category</legend>\n");
        for category in Category::ALL {
            if let Some(n) = summary.by_category.get(&category) {
                let _ = writeln!(
                    out,
                    "<label><input type=\"checkbox\" name=\"cat\" value=\"{c}\" checked> {c} ({n})</label>",
                    c = category.as_str(),
                );
            }
        }
        out.push_str("</fieldset>\n</form>\n");
        out
    }
}

impl Reporter for HtmlReporter {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let document = &report.document;
        let file = self.rows.len() + 1;
        let name = document.name().replace('\\', "/");
        let quality = quality::score(&report.diagnostics, document.word_count());
        let by_severity = severities(&report.diagnostics);

        let s = &mut self.sections;
        let _ = writeln!(s, "<section class=\"file\" id=\"file-{file}\">\n<h2>{}</h2>", escape(&name));
        let mut meta = vec![
            plural(quality.words, "word", "words"),
            plural(report.diagnostics.len(), "finding", "findings"),
            format!("penalty {}", points(quality.penalty)),
            format!("{} per 1,000 words", points(quality.per_thousand_words)),
        ];
        if document.encoding() != Encoding::Utf8 {
            meta.push(format!("read as {}", document.encoding().label()));
        }
        let _ = writeln!(s, "<p class=\"meta\">{}</p>", escape(&meta.join(" · ")));
        let text = marked_text(file, report);
        if report.diagnostics.is_empty() {
            let _ = writeln!(
                s,
                "<p class=\"clean\">No findings.</p>\n<details><summary>Show the text</summary>\n<pre class=\"doc\" lang=\"fr\">\n{text}</pre>\n</details>"
            );
        } else {
            let _ = write!(
                s,
                "<div class=\"layout\">\n<pre class=\"doc\" lang=\"fr\">\n{text}</pre>\n{}</div>\n",
                finding_list(file, report)
            );
        }
        s.push_str("</section>\n");
        self.rows.push(Row { name, by_severity, quality });
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let total: Quality = self.rows.iter().map(|r| &r.quality).sum();
        let mut page = String::with_capacity(self.sections.len() + STYLE.len() + 4096);
        let _ = write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"decalque {}\">\n<title>decalque report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
             <header>\n<h1>decalque report</h1>\n",
            env!("CARGO_PKG_VERSION")
        );
        let _ = writeln!(
            page,
            "<p class=\"totals\"><strong>{}</strong> in {} ({} checked); {} per 1,000 words (MQM-style penalty {}).</p>\n</header>",
            plural(summary.diagnostics, "problem", "problems"),
            plural(summary.files, "file", "files"),
            plural(summary.words, "word", "words"),
            points(total.per_thousand_words),
            points(total.penalty),
        );
        page.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
        page.push_str(&self.summary_table(&total, summary));
        page.push_str(&Self::scoring(&total));
        page.push_str("</section>\n");
        page.push_str(&Self::filters(summary));
        page.push_str(&self.sections);
        let _ = write!(page, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
        out.write_all(page.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders tokens as `[i` … `]` around text, `<i>` for an empty finding.
    fn render(ranges: &[(usize, usize)], text: &str) -> String {
        let mut out = String::new();
        let mut open = Vec::new();
        for token in tokens(ranges, text.len()) {
            match token {
                Token::Text(s, e) => out.push_str(&text[s..e]),
                Token::Open { index, first, .. } => {
                    open.push(index);
                    out.push_str(&format!("[{index}{}", if first { "" } else { "+" }));
                }
                Token::Close => {
                    open.pop();
                    out.push(']');
                }
                Token::Empty(i) => out.push_str(&format!("<{i}>")),
            }
        }
        assert!(open.is_empty());
        out
    }

    #[test]
    fn marks_nest_and_split_where_they_cross() {
        assert_eq!(render(&[(0, 3)], "abcdef"), "[0abc]def");
        assert_eq!(render(&[(1, 5), (2, 3)], "abcdef"), "a[0b[1c]de]f");
        // Same start: the longer one is outside.
        assert_eq!(render(&[(0, 2), (0, 4)], "abcdef"), "[1[0ab]cd]ef");
        // Crossing: 0 = [0,3), 1 = [2,5): 1 is closed with 0 and reopened.
        assert_eq!(render(&[(0, 3), (2, 5)], "abcdef"), "[0ab[1c]][1+de]f");
        assert_eq!(render(&[(2, 2), (0, 6)], "abcdef"), "[1ab<0>cdef]");
        assert_eq!(render(&[(6, 6)], "abcdef"), "abcdef<0>");
        assert_eq!(render(&[], ""), "");
    }

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(escape("<a href=\"x\">&'</a>\r\nb\rc"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;\nb\nc");
        assert_eq!(attr("a\r\nb\nc"), "a&#10;b&#10;c");
    }

    #[test]
    fn spans_map_to_decoded_text_in_every_encoding() {
        // Windows-1252: « é » is one byte; UTF-16: every character two bytes after the BOM.
        let latin = Document::from_source(crate::Source { name: "a".into(), bytes: b"caf\xe9 ok".to_vec() }).unwrap();
        let starts = line_starts(latin.decoded());
        assert_eq!(decoded_range(&latin, &starts, Span::new(3, 4)), (3, 5));
        assert_eq!(decoded_range(&latin, &starts, Span::new(5, 7)), (6, 8));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("é\nok".encode_utf16().flat_map(u16::to_le_bytes));
        let doc = Document::from_source(crate::Source { name: "b".into(), bytes: utf16 }).unwrap();
        let starts = line_starts(doc.decoded());
        assert_eq!(decoded_range(&doc, &starts, Span::new(2, 4)), (0, 2));
        assert_eq!(decoded_range(&doc, &starts, Span::new(6, 10)), (3, 5));
        // UTF-8 with BOM: offsets shift by three; a span inside a character widens to it.
        let doc = Document::from_str("c", "\u{feff}é!");
        let starts = line_starts(doc.decoded());
        assert_eq!(decoded_range(&doc, &starts, Span::new(4, 6)), (0, 3));
        assert_eq!(decoded_range(&doc, &starts, Span::new(0, 99)), (0, 3));
    }
}
