//! Built-in regexes with a cheap guard. A Unicode `\b` makes the regex crate's lazy DFA give
//! up on non-ASCII text and fall back to slower engines, on nearly every line of French. The
//! same regex without its word boundaries matches wherever the original can (a superset), stays
//! in the lazy DFA, and on most segments says at once that there is nothing to find.

use regex::{CaptureMatches, Matches, Regex};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

use crate::rules::lazy_regex;
use crate::rules::pack::{PackError, builtin_regex};

/// A regex built into a code-backed kind, and its guard when it has word boundaries.
#[derive(Debug)]
pub(crate) struct GuardedRegex {
    regex: Regex,
    guard: Option<regex_automata::meta::Regex>,
}

impl GuardedRegex {
    /// Compiles `source` for the kind `kind` (named in errors).
    pub(crate) fn new(kind: &str, source: &str) -> Result<GuardedRegex, PackError> {
        let regex = builtin_regex(kind, source)?;
        let guard = regex_syntax::parse(source)
            .ok()
            .filter(|hir| hir.properties().look_set().contains_word())
            .and_then(|hir| lazy_regex::build(&without_word_boundaries(&hir)).ok());
        Ok(GuardedRegex { regex, guard })
    }

    /// Whether `text` may hold a match (false only when it certainly does not).
    fn may_match(&self, text: &str) -> bool {
        self.guard.as_ref().is_none_or(|guard| guard.is_match(text))
    }

    /// The matches of the regex in `text`, with their groups.
    pub(crate) fn captures_iter<'r, 't>(
        &'r self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Captures<'t>> + use<'r, 't> {
        let matches: Option<CaptureMatches<'r, 't>> = self.may_match(text).then(|| self.regex.captures_iter(text));
        matches.into_iter().flatten()
    }

    /// The matches of the regex in `text`.
    pub(crate) fn find_iter<'r, 't>(&'r self, text: &'t str) -> impl Iterator<Item = regex::Match<'t>> + use<'r, 't> {
        let matches: Option<Matches<'r, 't>> = self.may_match(text).then(|| self.regex.find_iter(text));
        matches.into_iter().flatten()
    }
}

/// `hir` with its word-boundary assertions removed (line and text anchors kept).
pub(crate) fn without_word_boundaries(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Look(look)
            if !matches!(
                look,
                Look::Start | Look::End | Look::StartLF | Look::EndLF | Look::StartCRLF | Look::EndCRLF
            ) =>
        {
            Hir::empty()
        }
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            sub: Box::new(without_word_boundaries(&repetition.sub)),
            ..repetition.clone()
        }),
        HirKind::Capture(capture) => {
            Hir::capture(Capture { sub: Box::new(without_word_boundaries(&capture.sub)), ..capture.clone() })
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(without_word_boundaries).collect()),
        HirKind::Alternation(branches) => Hir::alternation(branches.iter().map(without_word_boundaries).collect()),
        _ => hir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guard_never_hides_a_match() {
        let sources = [r"\b\d+\.\d+\b", r"(?i)\b(?:l|qu)['’]( +)", r"\b(Mr|Dr)(\.?)\s+\p{Lu}", r"^\bx", r"#(\d+)\b"];
        let texts = ["", "3.14", "é3.14é", "l’ école", "Qu' il", "dit Mr Smith", "Dr. Émile", "x", "#12", "é#12é"];
        for source in sources {
            let guarded = GuardedRegex::new("test", source).unwrap();
            assert!(guarded.guard.is_some(), "{source}");
            let plain = Regex::new(source).unwrap();
            for text in texts {
                let got: Vec<_> = guarded.find_iter(text).map(|m| m.range()).collect();
                let want: Vec<_> = plain.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(got, want, "{source} on {text:?}");
                assert!(guarded.may_match(text) || want.is_empty());
            }
        }
        assert!(!GuardedRegex::new("test", r"\b\d+\b").unwrap().may_match("pas de chiffre, déjà"));
        assert!(GuardedRegex::new("test", r"\d+").unwrap().guard.is_none());
    }
}
