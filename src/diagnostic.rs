//! What a check reports: a rule id, a severity, a category, a message and spans.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is; ordered so that `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; depends on context or house style. Never fails a build by default.
    #[default]
    Info,
    /// Almost always wrong in edited French.
    Warning,
    /// Wrong: broken text, wrong official name.
    Error,
}

impl Severity {
    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Every severity, from least to most serious.
    pub const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!("unknown severity `{s}` (expected error, warning or info)")),
        }
    }
}

/// The kind of defect a rule finds; the closed list of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Word-for-word translation of a foreign phrase (prendre place, département diplomatique).
    Calque,
    /// An English word or construction where French has its own (impacter, deadline).
    Anglicism,
    /// A French word used in the sense of a look-alike English word (éventuellement, digital).
    FalseFriend,
    /// A wrong official name of an organization, institution or treaty.
    Terminology,
    /// A foreign or wrongly built acronym.
    Acronym,
    /// One thing written two ways in one document.
    Consistency,
    /// A Slavic name romanized the English way.
    Transliteration,
    /// French typography: spacing, quotes, apostrophes, dashes, ordinals.
    Typography,
    /// Numbers, dates, times, currencies and capitalized month or nationality words.
    Locale,
    /// Capitals and hyphens of institution names and titles.
    Capitalization,
    /// Encoding damage, invisible characters, mixed scripts.
    Unicode,
    /// Text left in the source language.
    Untranslated,
}

impl Category {
    /// Every category, in the order of the JSON contract.
    pub const ALL: [Category; 12] = [
        Category::Calque,
        Category::Anglicism,
        Category::FalseFriend,
        Category::Terminology,
        Category::Acronym,
        Category::Consistency,
        Category::Transliteration,
        Category::Typography,
        Category::Locale,
        Category::Capitalization,
        Category::Unicode,
        Category::Untranslated,
    ];

    /// The kebab-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Calque => "calque",
            Category::Anglicism => "anglicism",
            Category::FalseFriend => "false-friend",
            Category::Terminology => "terminology",
            Category::Acronym => "acronym",
            Category::Consistency => "consistency",
            Category::Transliteration => "transliteration",
            Category::Typography => "typography",
            Category::Locale => "locale",
            Category::Capitalization => "capitalization",
            Category::Unicode => "unicode",
            Category::Untranslated => "untranslated",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stable, dotted rule identifier such as `calque.prendre-place`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(Arc<str>);

impl RuleId {
    /// Wraps an id; validity is checked by the pack loader.
    pub fn new(id: &str) -> Self {
        RuleId(Arc::from(id))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `id` is well formed: lowercase dotted segments of `[a-z0-9-]`.
    pub fn is_valid(id: &str) -> bool {
        let mut parts = 0;
        for part in id.split('.') {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
                return false;
            }
            parts += 1;
        }
        parts >= 2
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `decalque fix` may apply a suggestion without a human looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// The edit cannot change the meaning (typography, invisible characters).
    Safe,
    /// The edit is probably right but needs a reader.
    #[default]
    Unsafe,
    /// Shown to the reader, never applied.
    DisplayOnly,
}

/// Replace the bytes at `span` with `replacement` (empty span: insert; empty text: delete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Bytes replaced, in the original file.
    pub span: Span,
    /// Text written instead.
    pub replacement: String,
}

/// One way to correct a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The edit; one per suggestion.
    pub edit: Edit,
    /// Optional short label shown beside it.
    pub label: Option<String>,
}

/// Another place in the document that explains a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// What that place is.
    pub message: String,
    /// Where it is, in the original file.
    pub span: Span,
}

/// One finding, in original-file coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule that raised it.
    pub rule: RuleId,
    /// Effective severity (after configuration overrides).
    pub severity: Severity,
    /// Kind of defect.
    pub category: Category,
    /// French, one sentence: what is wrong and what to write.
    pub message: String,
    /// Minimal span of the wrong text.
    pub span: Span,
    /// Corrections; the first one is the fix.
    pub suggestions: Vec<Suggestion>,
    /// Whether the first suggestion may be applied by `decalque fix`.
    pub applicability: Applicability,
    /// Other places that explain the finding.
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// Whether `decalque fix` applies the first suggestion.
    pub fn fix_safe(&self) -> bool {
        self.applicability == Applicability::Safe && !self.suggestions.is_empty()
    }

    /// Sort key: position, then rule id, for deterministic output.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, self.rule.as_str())
    }
}
