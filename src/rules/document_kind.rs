//! The `document` kind: findings about the file itself rather than its prose.

use crate::document::Encoding;
use crate::rules::pack::{PackError, RuleEntry};
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &["legacy-encoding"];

/// Findings about encoding and the file as a whole.
pub(crate) struct DocumentEngine {
    indexes: Vec<RuleIndex>,
    legacy_encoding: Option<RuleIndex>,
}

impl DocumentEngine {
    /// Binds each entry to the check its `check` field names.
    pub(crate) fn compile<'e>(
        entries: impl IntoIterator<Item = (RuleIndex, &'e RuleEntry)>,
    ) -> Result<Self, PackError> {
        let mut engine = DocumentEngine { indexes: Vec::new(), legacy_encoding: None };
        for (index, entry) in entries {
            match entry.meta.check.as_deref() {
                Some("legacy-encoding") => engine.legacy_encoding = Some(index),
                other => return Err(entry.error(format!("unknown check {other:?} for kind `document`"))),
            }
            if !entry.params.is_empty() {
                let keys: Vec<&String> = entry.params.keys().collect();
                return Err(entry.error(format!("unknown fields {keys:?} for kind `document`")));
            }
            engine.indexes.push(index);
        }
        Ok(engine)
    }
}

impl Check for DocumentEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let Some(rule) = self.legacy_encoding else { return };
        if cx.document.encoding() != Encoding::Windows1252 {
            return;
        }
        // Every non-ASCII character of such a file came from one legacy byte: point at the first.
        let text = cx.document.text();
        let span = text
            .char_indices()
            .find(|(_, c)| !c.is_ascii())
            .map_or(NormSpan::new(0, 0), |(i, c)| NormSpan::new(i, i + c.len_utf8()));
        sink.push(Finding::new(rule, span));
    }
}
