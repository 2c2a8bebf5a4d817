//! Suppression comments: findings silenced by `decalque-disable` comments in the file.
//!
//! Format readers find the comments ([`crate::formats::Directive`]); this module turns them
//! into regions of the file and drops the findings that start inside a region and belong
//! to a rule it names. Names that match no rule are reported: a renamed rule must not
//! silently stop silencing.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Position};
use crate::formats::{Directive, Scope};
use crate::rules::{Registry, RuleSelector};
use crate::span::Span;

/// A rule name in a suppression comment that matches no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    /// Where the comment is.
    pub position: Position,
    /// The name as written.
    pub name: String,
}

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: unknown rule `{}` in a suppression comment",
            self.position.line, self.position.column, self.name
        )
    }
}

/// A stretch of the file where some rules (all when `rules` is empty) are silenced.
#[derive(Debug, Clone)]
struct Region {
    span: Span,
    rules: Vec<RuleSelector>,
}

impl Region {
    fn silences(&self, d: &Diagnostic) -> bool {
        self.span.start <= d.span.start
            && d.span.start < self.span.end
            && (self.rules.is_empty() || self.rules.iter().any(|r| r.matches(d.rule.as_str())))
    }
}

/// Drops the findings the document's suppression comments silence; returns the names in
/// those comments that match no rule of `registry`.
pub fn apply(document: &Document, registry: &Registry, diagnostics: &mut Vec<Diagnostic>) -> Vec<UnknownRule> {
    let directives = document.directives();
    if directives.is_empty() {
        return Vec::new();
    }
    let regions = regions(document, directives);
    diagnostics.retain(|d| !regions.iter().any(|r| r.silences(d)));
    let mut unknown = Vec::new();
    for directive in directives {
        for name in &directive.rules {
            let selector = RuleSelector::new(name);
            if !registry.rules().iter().any(|m| selector.matches(m.id.as_str())) {
                let at = document.decoded_to_original(directive.at.clone());
                unknown.push(UnknownRule { position: document.position(at.start), name: name.clone() });
            }
        }
    }
    unknown
}

/// The silenced regions, in original offsets.
fn regions(document: &Document, directives: &[Directive]) -> Vec<Region> {
    let end_of_file = document.origin().byte + document.original().len();
    let selectors = |names: &[String]| names.iter().map(|n| RuleSelector::new(n)).collect::<Vec<_>>();
    let mut regions = Vec::new();
    // Open `disable` comments: where they start, and the rules still silenced.
    let mut open: Vec<(usize, Vec<String>)> = Vec::new();
    for directive in directives {
        let at = document.decoded_to_original(directive.at.clone());
        match &directive.scope {
            Scope::Disable => open.push((at.end, directive.rules.clone())),
            Scope::Enable => {
                let mut still_open = Vec::new();
                for (start, rules) in open.drain(..) {
                    if directive.rules.is_empty() {
                        regions.push(Region { span: Span::new(start, at.start), rules: selectors(&rules) });
                        continue;
                    }
                    if rules.is_empty() {
                        // Enabling one rule does not end a disable-all.
                        still_open.push((start, rules));
                        continue;
                    }
                    let (closed, kept): (Vec<String>, Vec<String>) =
                        rules.into_iter().partition(|r| directive.rules.contains(r));
                    if !closed.is_empty() {
                        regions.push(Region { span: Span::new(start, at.start), rules: selectors(&closed) });
                    }
                    if !kept.is_empty() {
                        still_open.push((start, kept));
                    }
                }
                open = still_open;
            }
            Scope::NextLine => {
                let line = document.position(at.end).line + 1;
                let span = Span::new(document.line_start(line), document.line_start(line + 1));
                regions.push(Region { span, rules: selectors(&directive.rules) });
            }
            Scope::Range(range) => {
                let span = document.decoded_to_original(range.clone());
                regions.push(Region { span, rules: selectors(&directive.rules) });
            }
        }
    }
    for (start, rules) in open {
        regions.push(Region { span: Span::new(start, end_of_file.max(start)), rules: selectors(&rules) });
    }
    regions
}
