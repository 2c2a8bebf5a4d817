//! Which configuration and which linter apply to each input: configurations are found upward
//! from each file, loaded once each, and each gets its own compiled rule set.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{Config, FailOn};
use crate::diagnostic::Severity;
use crate::linter::Linter;
use crate::rules::{RuleSelector, Selection};
use crate::walk::Input;

/// What the command line says, on top of any configuration.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--select`: only these rules (all when empty).
    pub select: Vec<RuleSelector>,
    /// `--ignore`: not these rules.
    pub ignore: Vec<RuleSelector>,
    /// `--rules DIR`: extra rule folders.
    pub rules_dirs: Vec<PathBuf>,
    /// `--min-severity`.
    pub min_severity: Severity,
    /// `--fail-on`, when given (it overrides the configuration's).
    pub fail_on: Option<FailOn>,
    /// `--config FILE`: use this file for every input instead of searching.
    pub config: Option<PathBuf>,
}

/// A configuration with the linter built from it.
#[derive(Debug)]
pub struct Prepared {
    /// The configuration (defaults when no file applies).
    pub config: Config,
    /// Its rules and options.
    pub linter: Linter,
    /// The severity at which findings fail the run, if any.
    pub fail_threshold: Option<Severity>,
}

/// Prepares one linter per distinct configuration.
#[derive(Debug, Default)]
pub struct Project {
    settings: Settings,
    prepared: HashMap<Option<PathBuf>, Arc<Prepared>>,
}

impl Project {
    /// A project with these command-line settings.
    pub fn new(settings: Settings) -> Self {
        Project { settings, prepared: HashMap::new() }
    }

    /// The configuration file that applies to `input`.
    pub fn config_path(&self, input: &Input) -> Option<PathBuf> {
        if let Some(path) = &self.settings.config {
            return Some(path.clone());
        }
        let dir = match input {
            Input::Stdin(_) => PathBuf::from("."),
            Input::File(path) => path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        };
        Config::find(&dir)
    }

    /// The prepared linter for a configuration file (or the defaults), built once.
    pub fn prepare(&mut self, config_path: Option<PathBuf>) -> Result<Arc<Prepared>, String> {
        if let Some(prepared) = self.prepared.get(&config_path) {
            return Ok(prepared.clone());
        }
        let config = match &config_path {
            Some(path) => Config::load(path).map_err(|e| format!("config error: {e}"))?,
            None => Config::default(),
        };
        let registry =
            Arc::new(config.registry(&self.settings.rules_dirs).map_err(|e| format!("rule pack error: {e}"))?);
        let mut selection = Selection::all(&registry);
        config.apply(&registry, &mut selection).map_err(|e| format!("config error: {e}"))?;
        let cli = Selection::from_selectors(&registry, &self.settings.select, &self.settings.ignore)?;
        selection.restrict_to(&cli);
        let fail_on = self.settings.fail_on.or(config.fail_on).unwrap_or(FailOn::Warning);
        let linter = Linter::new(registry, selection)
            .with_options(config.options())
            .with_min_severity(self.settings.min_severity);
        let prepared = Arc::new(Prepared { config, linter, fail_threshold: fail_on.threshold() });
        self.prepared.insert(config_path, prepared.clone());
        Ok(prepared)
    }
}
