//! Regexes compiled on first use. Hundreds of rule patterns are checked for syntax when the
//! packs load (cheap), but only the ones whose anchors appear in the text are ever compiled.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

/// A regex known to parse, compiled the first time it is needed.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    source: String,
    case_insensitive: bool,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    /// Checks the syntax of `source` now (unless `trusted`: embedded packs are checked by the
    /// test suite); compiles it later.
    pub(crate) fn new(source: String, case_insensitive: bool, trusted: bool) -> Result<LazyRegex, String> {
        if !trusted {
            regex_syntax::ParserBuilder::new()
                .case_insensitive(case_insensitive)
                .build()
                .parse(&source)
                .map_err(|e| e.to_string())?;
        }
        Ok(LazyRegex { source, case_insensitive, compiled: OnceLock::new() })
    }

    /// Compiles the regex now; the error says why it cannot be built.
    pub(crate) fn force(&self) -> Result<(), String> {
        RegexBuilder::new(&self.source)
            .case_insensitive(self.case_insensitive)
            .size_limit(1 << 24)
            .build()
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// The compiled regex; `None` only if it exceeds the size limit.
    pub(crate) fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                RegexBuilder::new(&self.source).case_insensitive(self.case_insensitive).size_limit(1 << 24).build().ok()
            })
            .as_ref()
    }

    /// Whether the regex has been compiled already.
    pub(crate) fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// Whether the regex matches somewhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.get().is_some_and(|r| r.is_match(text))
    }
}
