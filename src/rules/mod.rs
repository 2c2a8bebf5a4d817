//! Rules: their metadata, the engines (kinds) that run them, and the registry.
//!
//! Every rule is an entry in a TOML pack (`rules/*.toml`): metadata and examples are data.
//! Each entry names a *kind*, an engine in this module that compiles all the entries of its
//! kind once and then checks documents for all of them together.

mod acronym;
mod anchors;
mod bilingual;
pub mod builtin;
mod capitalization;
mod consistency;
mod document_kind;
pub mod examples;
mod fold;
mod glossary;
mod guarded_regex;
mod lazy_regex;
pub mod lemma;
mod locale;
mod mask;
pub mod pack;
mod pattern;
pub mod phrase;
pub mod registry;
mod script;
mod sink;
mod term;
mod transliteration;
mod typography;
mod words;

pub use examples::{Example, ExampleEncoding, Expect};
pub use pack::PackError;
pub use registry::{Registry, RuleSelector, Selection};
pub use sink::{Finding, Sink};

use std::ops::Range;
use std::sync::OnceLock;

use crate::diagnostic::{Applicability, Category, RuleId, Severity};
use crate::document::Document;
use crate::options::LintOptions;

/// Index of a rule in its [`Registry`]; cheaper than an id inside the engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleIndex(pub u32);

impl RuleIndex {
    /// The index as a `usize` for slicing.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// Everything about a rule except its detection logic.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    /// Stable dotted id.
    pub id: RuleId,
    /// The engine that runs it (`phrase`, `document`…).
    pub kind: String,
    /// For code-backed kinds, the function within the engine.
    pub check: Option<String>,
    /// Default severity.
    pub severity: Severity,
    /// Kind of defect.
    pub category: Category,
    /// Default message (French, one sentence).
    pub message: String,
    /// One line saying what it flags.
    pub summary: String,
    /// Longer explanation for `decalque explain`.
    pub explanation: Option<String>,
    /// Where the rule comes from (dictionaries, style guides).
    pub references: Vec<String>,
    /// Whether its suggestions may be applied by `decalque fix`.
    pub fix: Applicability,
    /// Bad and good examples, run by the test suite.
    pub examples: Vec<Example>,
    /// The pack file it was loaded from.
    pub pack: String,
    /// The line of its `[[rule]]` table in the pack.
    pub line: usize,
}

/// What a check sees: the document and which rules are on.
pub struct CheckContext<'a> {
    /// The document being checked.
    pub document: &'a Document,
    /// Which rules run, with their effective severities.
    pub selection: &'a Selection,
    /// Variant and other settings that change what is correct.
    pub options: &'a LintOptions,
    /// Per-segment masked ranges, each computed the first time a check asks (most segments
    /// never hold a finding to mask) and shared by the checks.
    masks: OnceLock<Vec<OnceLock<Vec<Range<usize>>>>>,
    /// The document's words, split once for the checks that read them.
    words: OnceLock<Vec<words::Word<'a>>>,
}

impl<'a> CheckContext<'a> {
    /// The context of one check run over `document`.
    pub fn new(document: &'a Document, selection: &'a Selection, options: &'a LintOptions) -> Self {
        CheckContext { document, selection, options, masks: OnceLock::new(), words: OnceLock::new() }
    }

    /// The words of the document, split on first use and shared by the acronym and
    /// consistency checks.
    pub(crate) fn words(&self) -> &[words::Word<'a>] {
        self.words.get_or_init(|| words::words(self.document))
    }

    /// One cell per segment for its masked ranges (URLs, code, placeholders…), filled by
    /// [`mask::Seg::masked`] on first use.
    pub(crate) fn mask_cells(&self) -> &[OnceLock<Vec<Range<usize>>>] {
        self.masks.get_or_init(|| self.document.segments().iter().map(|_| OnceLock::new()).collect())
    }
}

impl CheckContext<'_> {
    /// Whether the rule at `index` is enabled for this run.
    pub fn enabled(&self, index: RuleIndex) -> bool {
        self.selection.is_enabled(index)
    }
}

/// An engine that runs every rule of one kind over a document.
pub trait Check: Send + Sync {
    /// The rules this engine runs, by index into the registry.
    fn rules(&self) -> &[RuleIndex];

    /// Checks the whole document, pushing findings for enabled rules into `sink`.
    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>);

    /// Compiles whatever is compiled lazily and returns what fails (for the test suite).
    fn verify(&self) -> Vec<String> {
        Vec::new()
    }
}
