//! decalque checks French text produced by machine translation and reports, with exact
//! spans, what a good French editor would mark: calques and anglicisms, wrong terminology
//! and acronyms, English-style transliteration, typography, Unicode damage.
//!
//! The pipeline runs one way:
//!
//! ```text
//! Source (bytes) ─▶ Document (NFC text + offset map) ─▶ Segments ─▶ Checks ─▶ Diagnostics ─▶ Report
//! ```
//!
//! Checks read the normalized text and report [`span::NormSpan`]s; the [`rules::Sink`] maps
//! them back to [`span::Span`]s in the original bytes, so every diagnostic points into the
//! file as it was read. Rules are data (`rules/*.toml`, embedded) run by a few engines, one
//! per rule kind, each compiled once per run.
//!
//! ```
//! use std::sync::Arc;
//! use decalque::{Document, Linter, Registry, Selection};
//!
//! let registry = Arc::new(Registry::builtin().unwrap());
//! let linter = Linter::new(registry.clone(), Selection::all(&registry));
//! let doc = Document::from_str("-", "La réunion prendra place à Genève.");
//! let found = linter.check_document(&doc);
//! assert!(found.iter().any(|d| d.rule.as_str() == "calque.prendre-place"));
//! ```

pub mod align;
pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fingerprint;
pub mod fix;
pub mod formats;
pub mod linter;
pub mod options;
pub mod project;
pub mod quality;
pub mod records;
pub mod report;
pub mod rules;
pub mod span;
pub mod suppress;
pub mod walk;

pub use config::Config;
pub use diagnostic::{Applicability, Category, Diagnostic, Edit, Related, RuleId, Severity, Suggestion};
pub use document::{Document, Source};
pub use linter::{FileReport, Linter};
pub use options::{LintOptions, NbspStyle, Variant};
pub use rules::{Registry, RuleSelector, Selection};
