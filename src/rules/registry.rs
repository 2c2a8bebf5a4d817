//! The registry: every loaded rule, its metadata, and the compiled engines that run them.

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::Severity;
use crate::rules::acronym::{self, AcronymEngine};
use crate::rules::bilingual::{self, BilingualEngine};
use crate::rules::capitalization::{self, CapitalizationEngine};
use crate::rules::consistency::{self, ConsistencyEngine};
use crate::rules::document_kind::{self, DocumentEngine};
use crate::rules::locale::{self, LocaleEngine};
use crate::rules::pack::{Pack, PackData, PackError, RuleEntry, parse_embedded, read_pack_dir};
use crate::rules::phrase::PhraseEngine;
use crate::rules::script::{self, UnicodeEngine};
use crate::rules::term::{self, TermEngine};
use crate::rules::transliteration::{self, TransliterationEngine};
use crate::rules::typography::{self, TypographyEngine};
use crate::rules::{Check, RuleIndex, RuleMeta, builtin};

/// Compiles every entry of one kind into its engine.
type BuildFn = fn(&[(RuleIndex, &RuleEntry)], &PackData) -> Result<Box<dyn Check>, PackError>;

/// A kind of rule: its name, the checks it implements in code, and how to compile its entries.
struct KindSpec {
    name: &'static str,
    /// Names a `check` field may take; empty for data-only kinds.
    checks: &'static [&'static str],
    build: BuildFn,
}

const KINDS: &[KindSpec] = &[
    KindSpec {
        name: "phrase",
        checks: &[],
        build: |entries, _| Ok(Box::new(PhraseEngine::compile(entries.iter().copied())?)),
    },
    KindSpec {
        name: "document",
        checks: document_kind::CHECKS,
        build: |entries, _| Ok(Box::new(DocumentEngine::compile(entries.iter().copied())?)),
    },
    KindSpec {
        name: "term",
        checks: term::CHECKS,
        build: |entries, data| Ok(Box::new(TermEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "acronym",
        checks: acronym::CHECKS,
        build: |entries, data| Ok(Box::new(AcronymEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "consistency",
        checks: consistency::CHECKS,
        build: |entries, data| Ok(Box::new(ConsistencyEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "typography",
        checks: typography::CHECKS,
        build: |entries, data| Ok(Box::new(TypographyEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "locale",
        checks: locale::CHECKS,
        build: |entries, data| Ok(Box::new(LocaleEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "capitalization",
        checks: capitalization::CHECKS,
        build: |entries, data| Ok(Box::new(CapitalizationEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "unicode",
        checks: script::CHECKS,
        build: |entries, data| Ok(Box::new(UnicodeEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "transliteration",
        checks: transliteration::CHECKS,
        build: |entries, data| Ok(Box::new(TransliterationEngine::compile(entries, data)?)),
    },
    KindSpec {
        name: "bilingual",
        checks: bilingual::CHECKS,
        build: |entries, data| Ok(Box::new(BilingualEngine::compile(entries, data)?)),
    },
];

/// Every rule known to a run, compiled once.
pub struct Registry {
    metas: Vec<RuleMeta>,
    by_id: HashMap<String, RuleIndex>,
    checks: Vec<Box<dyn Check>>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry").field("rules", &self.metas.len()).finish()
    }
}

impl Registry {
    /// The embedded packs only.
    pub fn builtin() -> Result<Registry, PackError> {
        Registry::load(&[])
    }

    /// The embedded packs plus every pack in `dirs`.
    pub fn load(dirs: &[PathBuf]) -> Result<Registry, PackError> {
        Registry::load_with(dirs, Pack::default())
    }

    /// The embedded packs, every pack in `dirs`, and `extra` (a project glossary).
    pub fn load_with(dirs: &[PathBuf], extra: Pack) -> Result<Registry, PackError> {
        // Packs parse independently: spread them over the cores, then merge in order.
        let parsed: Vec<Result<Pack, PackError>> = builtin::PACKS.par_iter().map(parse_embedded).collect();
        let mut pack = Pack::default();
        for one in parsed {
            pack.extend(one?);
        }
        for dir in dirs {
            pack.extend(read_pack_dir(dir)?);
        }
        pack.extend(extra);
        Registry::from_pack(pack)
    }

    /// Compiles loaded rules and data; ids must be unique and kinds and checks known.
    pub fn from_pack(pack: Pack) -> Result<Registry, PackError> {
        let Pack { rules: entries, data } = pack;
        let mut by_id = HashMap::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            if let Some(previous) = by_id.insert(entry.meta.id.to_string(), RuleIndex(i as u32)) {
                let first = &entries[previous.get()].meta;
                return Err(entry.error(format!("duplicate id (first defined in {}:{})", first.pack, first.line)));
            }
            let Some(kind) = KINDS.iter().find(|k| k.name == entry.meta.kind) else {
                let known: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
                return Err(entry.error(format!("unknown kind `{}` (known: {})", entry.meta.kind, known.join(", "))));
            };
            match (&entry.meta.check, kind.checks.is_empty()) {
                (Some(check), _) if !kind.checks.contains(&check.as_str()) => {
                    return Err(entry.error(format!("kind `{}` has no check `{check}`", kind.name)));
                }
                (None, false) => return Err(entry.error(format!("kind `{}` needs a `check` field", kind.name))),
                _ => {}
            }
        }
        // Engines compile independently: build them in parallel, keep the order of `KINDS`
        // (and so report the first failing kind in that order).
        let built: Vec<Option<Result<Box<dyn Check>, PackError>>> = KINDS
            .par_iter()
            .map(|kind| {
                let mine: Vec<(RuleIndex, &RuleEntry)> = entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.meta.kind == kind.name)
                    .map(|(i, e)| (RuleIndex(i as u32), e))
                    .collect();
                (!mine.is_empty()).then(|| (kind.build)(&mine, &data))
            })
            .collect();
        let mut checks = Vec::with_capacity(KINDS.len());
        for check in built.into_iter().flatten() {
            checks.push(check?);
        }
        let metas = entries.into_iter().map(|e| e.meta).collect();
        Ok(Registry { metas, by_id, checks })
    }

    /// Metadata of the rule at `index`.
    pub fn meta(&self, index: RuleIndex) -> &RuleMeta {
        &self.metas[index.get()]
    }

    /// Every rule, in load order.
    pub fn rules(&self) -> &[RuleMeta] {
        &self.metas
    }

    /// The index of the rule with this id.
    pub fn index_of(&self, id: &str) -> Option<RuleIndex> {
        self.by_id.get(id).copied()
    }

    /// The compiled engines.
    pub fn checks(&self) -> &[Box<dyn Check>] {
        &self.checks
    }

    /// Compiles every lazily compiled pattern; returns the failures (empty when all build).
    pub fn verify(&self) -> Vec<String> {
        self.checks.iter().flat_map(|c| c.verify()).collect()
    }

    /// Code checks that no loaded entry binds, as `kind/check` (empty for the builtin packs).
    pub fn unbound_checks(&self) -> Vec<String> {
        KINDS
            .iter()
            .flat_map(|k| k.checks.iter().map(move |c| (k.name, *c)))
            .filter(|(kind, check)| !self.metas.iter().any(|m| m.kind == *kind && m.check.as_deref() == Some(*check)))
            .map(|(kind, check)| format!("{kind}/{check}"))
            .collect()
    }
}

/// A rule id or a family prefix (`typography`, `anglicism.digital`), or `all`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSelector(String);

impl RuleSelector {
    /// Wraps a selector as typed by the user.
    pub fn new(text: &str) -> Self {
        RuleSelector(text.trim().to_owned())
    }

    /// Whether the selector covers the rule `id`.
    pub fn matches(&self, id: &str) -> bool {
        let s = self.0.as_str();
        s == "all" || id == s || (id.starts_with(s) && id.as_bytes().get(s.len()) == Some(&b'.'))
    }

    /// The selector as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Which rules run and at what severity.
#[derive(Debug, Clone)]
pub struct Selection {
    enabled: Vec<bool>,
    severity: Vec<Severity>,
}

impl Selection {
    /// Every rule at its default severity.
    pub fn all(registry: &Registry) -> Selection {
        Selection {
            enabled: vec![true; registry.metas.len()],
            severity: registry.metas.iter().map(|m| m.severity).collect(),
        }
    }

    /// Only the rule at `index`.
    pub fn only(registry: &Registry, index: RuleIndex) -> Selection {
        let mut selection = Selection::all(registry);
        selection.enabled.fill(false);
        selection.enabled[index.get()] = true;
        selection
    }

    /// `select` (all when empty) minus `ignore`; a selector that names no rule is an error.
    pub fn from_selectors(
        registry: &Registry,
        select: &[RuleSelector],
        ignore: &[RuleSelector],
    ) -> Result<Selection, String> {
        for selector in select.iter().chain(ignore) {
            if !registry.metas.iter().any(|m| selector.matches(m.id.as_str())) {
                return Err(format!("unknown rule or prefix `{}` (see `decalque rules`)", selector.as_str()));
            }
        }
        let mut selection = Selection::all(registry);
        for (i, meta) in registry.metas.iter().enumerate() {
            let id = meta.id.as_str();
            let selected = select.is_empty() || select.iter().any(|s| s.matches(id));
            selection.enabled[i] = selected && !ignore.iter().any(|s| s.matches(id));
        }
        Ok(selection)
    }

    /// Keeps only the rules that are also enabled in `other` (command-line selection on top of
    /// a configuration).
    pub fn restrict_to(&mut self, other: &Selection) {
        for (mine, theirs) in self.enabled.iter_mut().zip(&other.enabled) {
            *mine &= *theirs;
        }
    }

    /// Turns every rule `selector` covers on or off.
    pub fn set_enabled(&mut self, registry: &Registry, selector: &RuleSelector, enabled: bool) {
        for (i, meta) in registry.metas.iter().enumerate() {
            if selector.matches(meta.id.as_str()) {
                self.enabled[i] = enabled;
            }
        }
    }

    /// Sets the severity of every rule `selector` covers.
    pub fn override_severity(&mut self, registry: &Registry, selector: &RuleSelector, severity: Severity) {
        for (i, meta) in registry.metas.iter().enumerate() {
            if selector.matches(meta.id.as_str()) {
                self.severity[i] = severity;
            }
        }
    }

    /// Whether the rule at `index` runs.
    pub fn is_enabled(&self, index: RuleIndex) -> bool {
        self.enabled.get(index.get()).copied().unwrap_or(false)
    }

    /// The effective severity of the rule at `index`.
    pub fn severity(&self, index: RuleIndex) -> Severity {
        self.severity.get(index.get()).copied().unwrap_or(Severity::Info)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_ids_and_whole_prefixes() {
        let s = RuleSelector::new("anglicism");
        assert!(s.matches("anglicism.digital"));
        assert!(s.matches("anglicism"));
        assert!(!s.matches("anglicisms.x"));
        assert!(RuleSelector::new("anglicism.digital").matches("anglicism.digital"));
        assert!(!RuleSelector::new("anglicism.dig").matches("anglicism.digital"));
        assert!(RuleSelector::new("all").matches("calque.x"));
    }
}
