//! Input formats: what a reader extracts from a file's decoded text to check.
//!
//! Each reader turns the file into an [`Extraction`]: the prose to check (units joined by
//! blank lines), a map from that text back to the file, the translation units with their
//! source text, and the suppression comments it found. Checks never see markup, escapes,
//! timings or identifiers; spans map back to the exact bytes of the file.

pub mod extract;
pub mod jsonl;
mod markdown;
mod po;
mod subtitle;
mod xliff;

use std::ops::Range;
use std::path::Path;

pub use extract::{ExtractBuilder, ExtractMap};

/// A file format decalque reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum InputFormat {
    /// Plain text, cut into paragraphs at blank lines.
    #[default]
    Plain,
    /// CommonMark with GitHub extensions: prose only.
    Markdown,
    /// gettext PO catalogs: each `msgstr`, with its `msgid` as source.
    Po,
    /// XLIFF 1.2 and 2.0: each `<target>`, with its `<source>`.
    Xliff,
    /// SubRip subtitles: cue text.
    Srt,
    /// WebVTT subtitles: cue text.
    Vtt,
    /// JSON Lines: one record per line, its text in a field.
    Jsonl,
}

impl InputFormat {
    /// Every format, in the order of `--input-format`'s help.
    pub const ALL: [InputFormat; 7] = [
        InputFormat::Plain,
        InputFormat::Markdown,
        InputFormat::Po,
        InputFormat::Xliff,
        InputFormat::Srt,
        InputFormat::Vtt,
        InputFormat::Jsonl,
    ];

    /// The format's name on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Plain => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Po => "po",
            InputFormat::Xliff => "xliff",
            InputFormat::Srt => "srt",
            InputFormat::Vtt => "vtt",
            InputFormat::Jsonl => "jsonl",
        }
    }

    /// The format of a name given on the command line.
    pub fn from_name(name: &str) -> Option<InputFormat> {
        InputFormat::ALL.into_iter().find(|f| f.name() == name).or(match name {
            "plain" | "txt" => Some(InputFormat::Plain),
            "md" => Some(InputFormat::Markdown),
            "pot" => Some(InputFormat::Po),
            "xlf" => Some(InputFormat::Xliff),
            "webvtt" => Some(InputFormat::Vtt),
            "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        })
    }

    /// The format a file's extension says (plain text for unknown ones).
    pub fn from_path(path: &Path) -> InputFormat {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => InputFormat::Markdown,
            "po" | "pot" => InputFormat::Po,
            "xlf" | "xliff" => InputFormat::Xliff,
            "srt" => InputFormat::Srt,
            "vtt" => InputFormat::Vtt,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            _ => InputFormat::Plain,
        }
    }

    /// The file extensions of the format, for walking folders.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            InputFormat::Plain => &["txt", "text"],
            InputFormat::Markdown => &["md", "markdown", "mdown", "mkd"],
            InputFormat::Po => &["po", "pot"],
            InputFormat::Xliff => &["xlf", "xliff"],
            InputFormat::Srt => &["srt"],
            InputFormat::Vtt => &["vtt"],
            InputFormat::Jsonl => &["jsonl", "ndjson"],
        }
    }

    /// Escapes `text` so that, written into the file in place of extracted text, it reads
    /// back as `text` (fix replacements in PO strings, XML, JSON strings).
    pub fn escape(self, text: &str) -> String {
        match self {
            InputFormat::Po | InputFormat::Jsonl => {
                text.chars().fold(String::with_capacity(text.len()), |mut out, c| {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        c => out.push(c),
                    }
                    out
                })
            }
            InputFormat::Xliff => text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"),
            InputFormat::Plain | InputFormat::Markdown | InputFormat::Srt | InputFormat::Vtt => text.to_owned(),
        }
    }
}

/// What a unit is, which tells checks what to expect in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UnitKind {
    /// Running prose: a paragraph, a list item, a message.
    #[default]
    Prose,
    /// A heading or title.
    Heading,
    /// A table cell or other short label.
    Label,
    /// A subtitle cue.
    Cue,
}

/// One translation unit: a PO entry's `msgstr` (one per plural form), an XLIFF
/// `<target>`, a subtitle cue, a Markdown block, a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    /// Where the unit's prose is in [`Extraction::text`].
    pub range: Range<usize>,
    /// What the unit is.
    pub kind: UnitKind,
    /// The source-language text it translates (msgid, `<source>`, source field), escapes
    /// decoded, inline codes written as in [`Unit::source_codes`].
    pub source: Option<String>,
    /// An identifier people can find the unit by (msgctxt or msgid, XLIFF id, cue number,
    /// record id).
    pub id: Option<String>,
    /// Inline codes and placeholders the target holds outside its prose (XLIFF `<x/>`,
    /// `<ph>`…), written `<x id="1"/>`-style; empty for other formats.
    pub codes: Vec<String>,
    /// The inline codes of the source, written the same way.
    pub source_codes: Vec<String>,
}

/// Which findings a suppression comment silences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// From the comment to the matching enable comment (or the end of the file).
    Disable,
    /// Ends an earlier [`Scope::Disable`] of the same rules (all rules when none named).
    Enable,
    /// The line after the comment.
    NextLine,
    /// A stretch of the decoded text (a PO entry whose translator comment names rules).
    Range(Range<usize>),
}

/// A suppression comment found in the file (`<!-- decalque-disable rule -->`,
/// `# decalque-disable rule` in a PO translator comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Where the comment is in the decoded text.
    pub at: Range<usize>,
    /// What it silences.
    pub scope: Scope,
    /// The rule ids or prefixes it names; empty means every rule.
    pub rules: Vec<String>,
}

/// What a reader extracted from a file.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The prose to check: units in file order, separated by blank lines.
    pub text: String,
    /// Map from offsets in `text` to offsets in the decoded file text.
    pub map: ExtractMap,
    /// The units, in file order; their ranges do not overlap.
    pub units: Vec<Unit>,
    /// Suppression comments, in file order.
    pub directives: Vec<Directive>,
}

/// A file a reader could not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// The format that failed.
    pub format: InputFormat,
    /// Where in the decoded text the problem is.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not valid {}: {}", self.format.name(), self.message)
    }
}

impl std::error::Error for FormatError {}

/// Options of the readers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Check fuzzy PO entries too (skipped by default).
    pub include_fuzzy: bool,
    /// The record fields of JSON Lines input.
    pub fields: jsonl::Fields,
}

/// Extracts the prose of `decoded`, read as `format`; `None` for plain text, which is
/// checked as it is. JSON Lines is read record by record with [`jsonl::read_record`].
pub fn extract(format: InputFormat, decoded: &str, options: &ReadOptions) -> Option<Result<Extraction, FormatError>> {
    match format {
        InputFormat::Plain | InputFormat::Jsonl => None,
        InputFormat::Markdown => Some(Ok(markdown::extract(decoded))),
        InputFormat::Po => Some(po::extract(decoded, options)),
        InputFormat::Xliff => Some(xliff::extract(decoded)),
        InputFormat::Srt => Some(subtitle::extract(decoded, subtitle::Flavor::Srt)),
        InputFormat::Vtt => Some(subtitle::extract(decoded, subtitle::Flavor::Vtt)),
    }
}

/// The suppression comments written as HTML comments (Markdown, HTML, XLIFF):
/// `<!-- decalque-disable[-next-line] [rule, …] -->` and `<!-- decalque-enable [rule, …] -->`.
pub fn html_comment_directives(decoded: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = decoded.get(from..).and_then(|r| r.find("<!--")) {
        let start = from + rel;
        let Some(len) = decoded.get(start..).and_then(|r| r.find("-->")) else { break };
        let end = start + len + 3;
        let body = decoded.get(start + 4..end - 3).unwrap_or("");
        if let Some((scope, rules)) = parse_directive(body) {
            out.push(Directive { at: start..end, scope, rules });
        }
        from = end;
    }
    out
}

/// Parses the body of a suppression comment: `decalque-disable a.b, c`, `decalque-enable`,
/// `decalque-disable-next-line a.b`; `None` when it is not one.
pub fn parse_directive(body: &str) -> Option<(Scope, Vec<String>)> {
    let body = body.trim();
    let (keyword, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let scope = match keyword {
        "decalque-disable" => Scope::Disable,
        "decalque-enable" => Scope::Enable,
        "decalque-disable-next-line" => Scope::NextLine,
        _ => return None,
    };
    // A `--` ends the rule list: what follows is a reason for people.
    let rest = rest.split(" -- ").next().unwrap_or("");
    let rules = rest.split([',', ' ', '\t']).filter(|r| !r.is_empty()).map(str::to_owned).collect();
    Some((scope, rules))
}

/// Helpers the readers' tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use super::Extraction;

    /// The words (runs of non-whitespace) of `text`, with their offsets.
    pub(crate) fn words(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    out.push((s, &text[s..i]));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        out
    }

    /// Units are non-empty, inside the text and in order.
    pub(crate) fn assert_units_in_order(ex: &Extraction) {
        let mut last = 0;
        for u in &ex.units {
            assert!(u.range.start >= last && u.range.end <= ex.text.len() && u.range.start < u.range.end);
            last = u.range.end;
        }
    }
}

#[cfg(test)]
mod escape_tests {
    use super::*;

    #[test]
    fn replacements_are_escaped_for_the_file_format() {
        assert_eq!(InputFormat::Po.escape("« \"a\" \\ b\nc »"), "« \\\"a\\\" \\\\ b\\nc »");
        assert_eq!(InputFormat::Jsonl.escape("\"x\""), "\\\"x\\\"");
        assert_eq!(InputFormat::Xliff.escape("AT&T <b>"), "AT&amp;T &lt;b&gt;");
        assert_eq!(InputFormat::Markdown.escape("a \"b\""), "a \"b\"");
    }

    #[test]
    fn formats_by_extension_and_name() {
        assert_eq!(InputFormat::from_path(Path::new("fr/LC_MESSAGES/app.PO")), InputFormat::Po);
        assert_eq!(InputFormat::from_path(Path::new("a.xlf")), InputFormat::Xliff);
        assert_eq!(InputFormat::from_path(Path::new("notes")), InputFormat::Plain);
        assert_eq!(InputFormat::from_name("webvtt"), Some(InputFormat::Vtt));
        assert_eq!(InputFormat::from_name("docx"), None);
    }

    #[test]
    fn suppression_comments_parse() {
        let text = "a <!-- decalque-disable calque, typography.missing-space -- cité --> b <!-- autre --> <!-- decalque-enable -->";
        let found = html_comment_directives(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].scope, Scope::Disable);
        assert_eq!(found[0].rules, ["calque", "typography.missing-space"]);
        assert_eq!(&text[found[0].at.clone()], "<!-- decalque-disable calque, typography.missing-space -- cité -->");
        assert_eq!(found[1].scope, Scope::Enable);
        assert!(found[1].rules.is_empty());
        assert_eq!(
            parse_directive(" decalque-disable-next-line x.y "),
            Some((Scope::NextLine, vec!["x.y".to_owned()]))
        );
        assert_eq!(parse_directive("decalque-disabled"), None);
    }
}
