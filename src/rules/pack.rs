//! Loading rule packs: TOML files of `[[rule]]` tables, with errors that name the file,
//! the line and the rule id.

use std::fmt;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use toml::{Spanned, Table, Value};

use crate::diagnostic::{Applicability, Category, RuleId, Severity};
use crate::rules::builtin::{EmbeddedPack, PackSource};
use crate::rules::glossary::Glossary;
use crate::rules::{Example, ExampleEncoding, RuleIndex, RuleMeta};

/// A pack that could not be loaded, or a rule in it that could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// The pack file (as given, or the name of an embedded pack).
    pub file: String,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// The rule concerned, when known.
    pub rule: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(rule) = &self.rule {
            write!(f, ": rule `{rule}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for PackError {}

/// One rule as loaded from a pack: its metadata and the kind-specific fields.
#[derive(Debug, Clone)]
pub struct RuleEntry {
    /// Id, severity, examples… common to every kind.
    pub meta: RuleMeta,
    /// The remaining fields, read by the rule's kind.
    pub params: Table,
    /// Whether the pack is embedded (its patterns are checked by the test suite, not at load).
    pub trusted: bool,
}

impl RuleEntry {
    /// An error about this rule, located at its table in its pack.
    pub fn error(&self, message: impl Into<String>) -> PackError {
        PackError {
            file: self.meta.pack.clone(),
            line: Some(self.meta.line),
            rule: Some(self.meta.id.to_string()),
            message: message.into(),
        }
    }

    /// Deserializes the kind-specific fields, rejecting unknown ones.
    pub fn params<T: for<'de> Deserialize<'de>>(&self) -> Result<T, PackError> {
        Value::Table(self.params.clone()).try_into().map_err(|e: toml::de::Error| self.error(e.message()))
    }
}

/// Compiles a regex built into a code-backed kind; an error names the kind (it is a bug, not
/// a user's pack problem, but it must not panic).
pub(crate) fn builtin_regex(kind: &str, source: &str) -> Result<regex::Regex, PackError> {
    regex::Regex::new(source).map_err(|e| PackError {
        file: format!("<{kind}>"),
        line: None,
        rule: None,
        message: e.to_string(),
    })
}

/// Binds each entry of a code-backed kind to the check its `check` field names; entries take no
/// parameters of their own.
pub(crate) fn bind_checks(
    kind: &str,
    checks: &'static [&'static str],
    entries: &[(RuleIndex, &RuleEntry)],
) -> Result<Vec<(&'static str, RuleIndex)>, PackError> {
    let mut bound = Vec::with_capacity(entries.len());
    for &(index, entry) in entries {
        if !entry.params.is_empty() {
            let keys: Vec<&String> = entry.params.keys().collect();
            return Err(entry.error(format!("unknown fields {keys:?} for kind `{kind}`")));
        }
        let Some(&name) = checks.iter().find(|&&c| Some(c) == entry.meta.check.as_deref()) else {
            return Err(entry.error(format!("unknown check {:?} for kind `{kind}`", entry.meta.check)));
        };
        bound.push((name, index));
    }
    Ok(bound)
}

/// The tables of a pack file by section, each table as `T` (spanned or located).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct PackFile<T> {
    #[serde(default = "Vec::new")]
    rule: Vec<T>,
    #[serde(default = "Vec::new")]
    term: Vec<T>,
    #[serde(default = "Vec::new")]
    acronym: Vec<T>,
    #[serde(default = "Vec::new")]
    variants: Vec<T>,
    #[serde(default = "Vec::new")]
    person: Vec<T>,
    #[serde(default = "Vec::new")]
    first_name: Vec<T>,
    #[serde(default = "Vec::new")]
    place: Vec<T>,
    #[serde(default = "Vec::new")]
    vocabulary: Vec<T>,
}

/// A table and the line it starts on (the form `build.rs` writes embedded packs in).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocatedTable {
    line: usize,
    table: Table,
}

impl<T> PackFile<T> {
    fn map<U>(self, mut f: impl FnMut(T) -> U) -> PackFile<U> {
        let mut all = |tables: Vec<T>| tables.into_iter().map(&mut f).collect();
        PackFile {
            rule: all(self.rule),
            term: all(self.term),
            acronym: all(self.acronym),
            variants: all(self.variants),
            person: all(self.person),
            first_name: all(self.first_name),
            place: all(self.place),
            vocabulary: all(self.vocabulary),
        }
    }
}

/// The kinds of data table a pack may hold besides rules (`[[term]]`, `[[person]]`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// `[[term]]`: an entity of the glossary (official name, acronyms, wrong variants).
    Term,
    /// `[[acronym]]`: an acronym pair that is not an entity (GDP/PIB).
    Acronym,
    /// `[[variants]]`: spellings of one thing that a document must not mix.
    Variants,
    /// `[[person]]`: a person's name romanized the English and the French way.
    Person,
    /// `[[first-name]]`: a first name romanized the English and the French way.
    FirstName,
    /// `[[place]]`: a place name romanized the English and the French way.
    Place,
    /// `[[vocabulary]]`: translations of the words of institution names.
    Vocabulary,
}

/// One data table from a pack, with where it was written.
#[derive(Debug, Clone)]
pub struct DataEntry {
    /// The pack file.
    pub file: String,
    /// 1-based line of the table.
    pub line: usize,
    /// The table's fields.
    pub table: Table,
}

impl DataEntry {
    /// An error located at this table.
    pub fn error(&self, message: impl Into<String>) -> PackError {
        PackError { file: self.file.clone(), line: Some(self.line), rule: None, message: message.into() }
    }

    /// Deserializes the table, rejecting unknown fields as the target type demands.
    pub fn parse<T: for<'de> Deserialize<'de>>(&self) -> Result<T, PackError> {
        Value::Table(self.table.clone()).try_into().map_err(|e: toml::de::Error| self.error(e.message().trim_end()))
    }
}

/// The data tables of every loaded pack, by section.
#[derive(Debug, Clone, Default)]
pub struct PackData {
    sections: std::collections::BTreeMap<Section, Vec<DataEntry>>,
    /// The glossary read from the tables, built once for the kinds that share it.
    glossary: OnceLock<Result<Arc<Glossary>, PackError>>,
}

impl PackData {
    /// The tables of one section, in load order.
    pub fn entries(&self, section: Section) -> &[DataEntry] {
        self.sections.get(&section).map_or(&[], Vec::as_slice)
    }

    /// The glossary of these tables (terms, acronyms, vocabulary), read on first use.
    pub(crate) fn glossary(&self) -> Result<Arc<Glossary>, PackError> {
        self.glossary.get_or_init(|| Glossary::from_data(self).map(Arc::new)).clone()
    }

    /// Adds the tables of another pack.
    pub fn extend(&mut self, other: PackData) {
        self.glossary = OnceLock::new();
        for (section, entries) in other.sections {
            self.sections.entry(section).or_default().extend(entries);
        }
    }
}

/// A parsed pack: its rules and its data tables.
#[derive(Debug, Clone, Default)]
pub struct Pack {
    /// The `[[rule]]` entries.
    pub rules: Vec<RuleEntry>,
    /// The other tables.
    pub data: PackData,
}

impl Pack {
    /// Marks every rule as coming from an embedded pack.
    pub fn trusted(mut self) -> Pack {
        for rule in &mut self.rules {
            rule.trusted = true;
        }
        self
    }

    /// Adds another pack's rules and data.
    pub fn extend(&mut self, other: Pack) {
        self.rules.extend(other.rules);
        self.data.extend(other.data);
    }
}

/// A bad example written as a table: the marked text, the text expected after the fix, the
/// source text it translates.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BadTable {
    text: String,
    fixed: Option<String>,
    encoding: Option<ExampleEncoding>,
    source: Option<String>,
}

/// A good example written as a table: the text and the source text it translates.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoodTable {
    text: String,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CommonFields {
    id: String,
    #[serde(default = "default_kind")]
    kind: String,
    check: Option<String>,
    severity: Severity,
    category: Category,
    message: String,
    summary: Option<String>,
    explanation: Option<String>,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    fix: Applicability,
    #[serde(default)]
    bad: Vec<Value>,
    #[serde(default)]
    good: Vec<Value>,
}

fn default_kind() -> String {
    "phrase".to_owned()
}

const COMMON_KEYS: &[&str] = &[
    "id",
    "kind",
    "check",
    "severity",
    "category",
    "message",
    "summary",
    "explanation",
    "references",
    "fix",
    "bad",
    "good",
];

/// 1-based line of a byte offset in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The offsets of the newlines of a text, to find the line of many offsets without rescanning
/// the text each time (a pack has thousands of tables).
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect())
    }

    /// 1-based line of a byte offset (as [`line_of`]).
    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&newline| newline < offset) + 1
    }
}

/// Parses the pack `text`, named `file` in errors, into rule entries and data tables.
pub fn parse_pack(file: &str, text: &str) -> Result<Pack, PackError> {
    let pack: PackFile<Spanned<Table>> = toml::from_str(text).map_err(|e| PackError {
        file: file.to_owned(),
        line: e.span().map(|s| line_of(text, s.start)),
        rule: None,
        message: e.message().trim_end().to_owned(),
    })?;
    let lines = Lines::new(text);
    assemble(file, pack.map(|t| LocatedTable { line: lines.line_of(t.span().start), table: t.into_inner() }))
}

/// Loads an embedded pack.
pub fn parse_embedded(pack: &EmbeddedPack) -> Result<Pack, PackError> {
    let loaded = match pack.source {
        PackSource::Toml(text) => parse_pack(pack.name, text),
        PackSource::Json(json) => serde_json::from_str(json)
            .map_err(|e| PackError { file: pack.name.to_owned(), line: None, rule: None, message: e.to_string() })
            .and_then(|tables| assemble(pack.name, tables)),
    };
    loaded.map(Pack::trusted)
}

/// Rule entries and data tables from a pack's located tables.
fn assemble(file: &str, pack: PackFile<LocatedTable>) -> Result<Pack, PackError> {
    let rules = pack.rule.into_iter().map(|table| parse_rule(file, table)).collect::<Result<_, _>>()?;
    let mut data = PackData::default();
    for (section, tables) in [
        (Section::Term, pack.term),
        (Section::Acronym, pack.acronym),
        (Section::Variants, pack.variants),
        (Section::Person, pack.person),
        (Section::FirstName, pack.first_name),
        (Section::Place, pack.place),
        (Section::Vocabulary, pack.vocabulary),
    ] {
        if tables.is_empty() {
            continue;
        }
        let entries =
            tables.into_iter().map(|t| DataEntry { file: file.to_owned(), line: t.line, table: t.table }).collect();
        data.sections.insert(section, entries);
    }
    Ok(Pack { rules, data })
}

fn parse_rule(file: &str, located: LocatedTable) -> Result<RuleEntry, PackError> {
    let LocatedTable { line, table: mut params } = located;
    let id_hint = params.get("id").and_then(Value::as_str).map(str::to_owned);
    let err = |message: String| PackError { file: file.to_owned(), line: Some(line), rule: id_hint.clone(), message };

    let mut common = Table::new();
    for key in COMMON_KEYS {
        if let Some(value) = params.remove(*key) {
            common.insert((*key).to_owned(), value);
        }
    }
    let fields: CommonFields =
        Value::Table(common).try_into().map_err(|e: toml::de::Error| err(e.message().trim_end().to_owned()))?;
    if !RuleId::is_valid(&fields.id) {
        return Err(err(format!(
            "invalid id `{}`: use lowercase dotted names such as `calque.prendre-place`",
            fields.id
        )));
    }
    if fields.message.trim().is_empty() {
        return Err(err("empty message".to_owned()));
    }
    let mut examples = Vec::with_capacity(fields.bad.len() + fields.good.len());
    for bad in fields.bad {
        let example = match bad {
            Value::String(text) => Example::bad(&text, None),
            table @ Value::Table(_) => {
                let BadTable { text, fixed, encoding, source } = table
                    .try_into()
                    .map_err(|e: toml::de::Error| err(format!("bad example: {}", e.message().trim_end())))?;
                Example::bad(&text, fixed).map(|e| e.encoded(encoding.unwrap_or_default()).with_source(source))
            }
            other => Err(format!("a bad example is a string or a table, not {}", other.type_str())),
        };
        examples.push(example.map_err(&err)?);
    }
    for good in fields.good {
        let example = match good {
            Value::String(text) => Example::good(&text),
            table @ Value::Table(_) => {
                let GoodTable { text, source } = table
                    .try_into()
                    .map_err(|e: toml::de::Error| err(format!("good example: {}", e.message().trim_end())))?;
                Example::good(&text).map(|e| e.with_source(source))
            }
            other => Err(format!("a good example is a string or a table, not {}", other.type_str())),
        };
        examples.push(example.map_err(&err)?);
    }
    let summary = fields.summary.unwrap_or_else(|| fields.message.clone());
    Ok(RuleEntry {
        meta: RuleMeta {
            id: RuleId::new(&fields.id),
            kind: fields.kind,
            check: fields.check,
            severity: fields.severity,
            category: fields.category,
            message: fields.message,
            summary,
            explanation: fields.explanation,
            references: fields.references,
            fix: fields.fix,
            examples,
            pack: file.to_owned(),
            line,
        },
        params,
        trusted: false,
    })
}

/// Reads every `*.toml` pack in `dir`, in file-name order.
pub fn read_pack_dir(dir: &Path) -> Result<Pack, PackError> {
    let dir_error = |message: String| PackError { file: dir.display().to_string(), line: None, rule: None, message };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| dir_error(format!("cannot read rule folder: {e}")))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut entries = Pack::default();
    for path in files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| PackError {
            file: name.clone(),
            line: None,
            rule: None,
            message: format!("cannot read: {e}"),
        })?;
        entries.extend(parse_pack(&name, &text)?);
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "calque.test"
severity = "warning"
category = "calque"
message = "Un message."
patterns = ["abc"]
bad = ["x ⟦abc⟧ y", { text = "⟦abc⟧", fixed = "def" }, { text = "⟦abc⟧", source = "the abc" }]
good = ["rien", { text = "rien non plus", source = "nothing either" }]
"#;

    #[test]
    fn parses_common_fields_and_keeps_kind_params() {
        let entries = parse_pack("t.toml", GOOD).unwrap().rules;
        assert_eq!(entries.len(), 1);
        let e = &entries[0];
        assert_eq!(e.meta.id.as_str(), "calque.test");
        assert_eq!(e.meta.kind, "phrase");
        assert_eq!(e.meta.line, 2);
        assert_eq!(e.meta.examples.len(), 5);
        assert_eq!(e.meta.examples[2].source.as_deref(), Some("the abc"));
        assert_eq!(e.meta.examples[4].source.as_deref(), Some("nothing either"));
        assert_eq!(e.meta.examples[3].source, None);
        assert!(e.params.contains_key("patterns"));
        assert!(!e.params.contains_key("bad"));
    }

    #[test]
    fn line_index_agrees_with_counting() {
        let text = "a\nbc\n\nd";
        let lines = Lines::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(lines.line_of(offset), line_of(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let err = parse_pack("p.toml", "[[rule]]\nid = \"a.b\"\nseverity = \n").unwrap_err();
        assert_eq!(err.file, "p.toml");
        assert_eq!(err.line, Some(3));
    }

    #[test]
    fn field_error_names_rule_and_its_line() {
        let text = GOOD.replace("severity = \"warning\"", "severity = \"grave\"");
        let err = parse_pack("p.toml", &text).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert_eq!(err.rule.as_deref(), Some("calque.test"));
        assert!(err.message.contains("grave"), "{}", err.message);
        assert!(err.to_string().starts_with("p.toml:2: rule `calque.test`: "));
    }

    #[test]
    fn invalid_id_and_bad_markers_are_errors() {
        let text = GOOD.replace("calque.test", "Calque Test");
        assert!(parse_pack("p.toml", &text).unwrap_err().message.contains("invalid id"));
        let text = GOOD.replace("x ⟦abc⟧ y", "x abc y");
        assert!(parse_pack("p.toml", &text).unwrap_err().message.contains("no ⟦…⟧"));
    }
}
