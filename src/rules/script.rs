//! The `unicode` kind (being written).

use crate::rules::pack::{PackData, PackError, RuleEntry};
use crate::rules::{Check, CheckContext, RuleIndex, Sink};

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &[];

/// Runs the `unicode` rules.
pub(crate) struct UnicodeEngine {
    indexes: Vec<RuleIndex>,
}

impl UnicodeEngine {
    /// Compiles the entries of this kind with the data tables they read.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], _data: &PackData) -> Result<Self, PackError> {
        Ok(UnicodeEngine { indexes: entries.iter().map(|(i, _)| *i).collect() })
    }
}

impl Check for UnicodeEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, _cx: &CheckContext<'_>, _sink: &mut Sink<'_>) {}
}
