//! Regexes compiled on first use. Hundreds of rule patterns are checked for syntax when the
//! packs load (cheap), but only the ones whose anchors appear in the text are ever compiled.
//!
//! They are built with regex-automata's meta engine configured for short texts: no literal
//! prefilter (the phrase prefilter has already found the segment's literals), no one-pass or
//! full DFA. That makes a small regex ten times cheaper to build than with `regex::Regex`, and
//! a short document's check is mostly building the regexes its words call for.

use std::sync::OnceLock;

use regex_automata::Input;
use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_syntax::hir::{Hir, Look};

/// A regex known to parse, compiled the first time it is needed.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    source: String,
    case_insensitive: bool,
    compiled: OnceLock<Option<Compiled>>,
}

#[derive(Debug)]
struct Compiled {
    regex: Regex,
    reach: Reach,
}

/// How far from the end (or the start) of a text a regex anchored there can match, so that
/// context checks read a window instead of the whole paragraph before (or after) a match.
#[derive(Debug, Clone, Copy, Default)]
struct Reach {
    /// Longest match, in bytes, when every match ends at the end of the text (`…$`).
    from_end: Option<usize>,
    /// Longest match, in bytes, when every match starts at the start of the text (`^…`).
    from_start: Option<usize>,
}

impl Reach {
    fn of(hir: &Hir) -> Reach {
        let props = hir.properties();
        let looks = props.look_set();
        // An anchor at the other end would match at the window's edge: no window then.
        let from_end = (props.look_set_suffix().contains(Look::End) && !looks.contains(Look::Start))
            .then(|| props.maximum_len())
            .flatten();
        let from_start = (props.look_set_prefix().contains(Look::Start) && !looks.contains(Look::End))
            .then(|| props.maximum_len())
            .flatten();
        Reach { from_end, from_start }
    }
}

/// Slack around a window: a look-around such as `\b` at the window's edge reads one
/// character beyond it.
const EDGE: usize = 4;

/// Largest compiled program, as `regex::RegexBuilder::size_limit`.
const SIZE_LIMIT: usize = 1 << 24;

fn parse(source: &str, case_insensitive: bool) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(source)
        .map_err(|e| e.to_string())
}

/// Builds `hir` for short texts (see the module documentation).
pub(crate) fn build(hir: &Hir) -> Result<Regex, String> {
    let config = meta::Config::new().auto_prefilter(false).onepass(false).dfa(false).nfa_size_limit(Some(SIZE_LIMIT));
    meta::Builder::new().configure(config).build_from_hir(hir).map_err(|e| e.to_string())
}

impl LazyRegex {
    /// Checks the syntax of `source` now (unless `trusted`: embedded packs are checked by the
    /// test suite); compiles it later.
    pub(crate) fn new(source: String, case_insensitive: bool, trusted: bool) -> Result<LazyRegex, String> {
        if !trusted {
            parse(&source, case_insensitive)?;
        }
        Ok(LazyRegex { source, case_insensitive, compiled: OnceLock::new() })
    }

    /// Compiles the regex now; the error says why it cannot be built.
    pub(crate) fn force(&self) -> Result<(), String> {
        build(&parse(&self.source, self.case_insensitive)?).map(|_| ())
    }

    fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .get_or_init(|| {
                let hir = parse(&self.source, self.case_insensitive).ok()?;
                Some(Compiled { regex: build(&hir).ok()?, reach: Reach::of(&hir) })
            })
            .as_ref()
    }

    /// Compiles the regex now unless it is already.
    pub(crate) fn warm(&self) {
        self.compiled();
    }

    /// Whether the regex has been compiled already.
    pub(crate) fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// Whether the regex matches somewhere in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.compiled().is_some_and(|c| c.regex.is_match(text))
    }

    /// The leftmost match starting at or after `at`, with its groups (`text` before `at` is
    /// still seen by look-arounds such as `\b`).
    pub(crate) fn captures_at(&self, text: &str, at: usize) -> Option<Captures> {
        let regex = &self.compiled()?.regex;
        let mut captures = regex.create_captures();
        regex.search_captures(&Input::new(text).range(at..), &mut captures);
        captures.is_match().then_some(captures)
    }

    /// How far from each end the regex can reach (nothing known if it does not compile).
    fn reach(&self) -> Reach {
        self.compiled().map(|c| c.reach).unwrap_or_default()
    }

    /// [`LazyRegex::is_match`] on the text before a match: the same answer, reading only the
    /// tail of `head` when the regex is anchored at its end with a bounded length.
    pub(crate) fn is_match_before(&self, head: &str) -> bool {
        let window = match self.reach().from_end {
            Some(len) if len + EDGE < head.len() => {
                let mut from = head.len() - len - EDGE;
                while !head.is_char_boundary(from) {
                    from -= 1;
                }
                &head[from..]
            }
            _ => head,
        };
        self.is_match(window)
    }

    /// [`LazyRegex::is_match`] on the text after a match: the same answer, reading only the
    /// head of `tail` when the regex is anchored at its start with a bounded length.
    pub(crate) fn is_match_after(&self, tail: &str) -> bool {
        let window = match self.reach().from_start {
            Some(len) if len + EDGE < tail.len() => {
                let mut to = len + EDGE;
                while !tail.is_char_boundary(to) {
                    to += 1;
                }
                &tail[..to]
            }
            _ => tail,
        };
        self.is_match(window)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windowed_context_matches_give_the_whole_text_answer() {
        let patterns =
            [r"\bchef du $", r"(?:le|la)\s+$", r"^\s*(?:de|du)\b", r"^[a-zé]{2,4}\b", r"\bun .*$", r"^$", r"x$|^y"];
        let texts = [
            "",
            "Le chef du ",
            "Le sous-chef du ",
            "Un long texte avant, puis le chef du ",
            "le ",
            " de Paris, et ensuite bien d’autres choses encore pour être long",
            "défaut de fabrication et ainsi de suite, longtemps",
            "Déjà ici, un texte avec des accents éèà à la fin: ",
            "y a-t-il un x",
        ];
        for p in patterns {
            let regex = LazyRegex::new(p.to_owned(), true, false).unwrap();
            for t in texts {
                assert_eq!(regex.is_match_before(t), regex.is_match(t), "before: {p:?} on {t:?}");
                assert_eq!(regex.is_match_after(t), regex.is_match(t), "after: {p:?} on {t:?}");
            }
        }
    }
}
