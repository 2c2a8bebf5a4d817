//! Project configuration: `decalque.toml` or `.decalque.toml`, found upward from each file.
//!
//! ```toml
//! variant = "fr-FR"              # fr-CA, fr-CH, fr-BE
//! fail-on = "error"
//! include = ["**/*.md"]
//! exclude = ["vendor/**"]
//! rules-dirs = ["house-rules"]
//! prefer = ["Kyiv", "Zelensky"]  # house spellings among accepted variants
//! [typography]
//! strict = true                  # report breakable spaces where a no-break one belongs
//! nbsp = "narrow"                # or "full": which no-break space to suggest
//! [rules]
//! "typography" = "off"           # a prefix: the whole family
//! "anglicism.digital" = "error"  # an id: severity override
//! [[term]]                       # project glossary entries, as in rules/glossary.toml
//! fr = "Agence nationale du numérique"
//! wrong = ["Agence numérique nationale"]
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::options::{LintOptions, NbspStyle, Variant};
use crate::rules::pack::{Pack, parse_pack};
use crate::rules::{Registry, RuleSelector, Selection};

/// File names searched for, in order, in each folder from the file's up to the root.
pub const CONFIG_NAMES: &[&str] = &["decalque.toml", ".decalque.toml"];

/// A configuration file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The severity at which a run fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Any finding.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
    /// Never: always exit 0 when the input was read.
    Never,
}

impl FailOn {
    /// The lowest severity that fails, or `None` for `never`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }
}

/// What the configuration says about a rule or a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    /// Disabled.
    Off,
    /// Enabled at its default severity.
    On,
    /// Enabled at this severity.
    Info,
    /// Enabled at this severity.
    Warning,
    /// Enabled at this severity.
    Error,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypographySection {
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    nbsp: NbspStyle,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    variant: Option<Variant>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    rules_dirs: Vec<PathBuf>,
    #[serde(default)]
    prefer: Vec<String>,
    #[serde(default)]
    typography: TypographySection,
    #[serde(default)]
    rules: BTreeMap<String, RuleSetting>,
    #[serde(default)]
    term: Vec<toml::Table>,
}

/// A loaded configuration (the default one when no file was found).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Language variant.
    pub variant: Variant,
    /// Failing severity, when the file sets one.
    pub fail_on: Option<FailOn>,
    /// Globs of files to check when walking folders (all text files when empty).
    pub include: Vec<String>,
    /// Globs of files to skip when walking folders.
    pub exclude: Vec<String>,
    /// Extra rule folders, resolved against the configuration's folder.
    pub rules_dirs: Vec<PathBuf>,
    /// House spellings among accepted variants.
    pub prefer: Vec<String>,
    /// Whether the strict typography tier is on.
    pub strict_typography: bool,
    /// Which no-break space typography rules suggest.
    pub nbsp: NbspStyle,
    /// Rule settings, least specific selector first.
    pub rules: Vec<(RuleSelector, RuleSetting)>,
    /// Extra glossary entries, as a pack.
    pub glossary: Option<Pack>,
}

/// A set of globs already validated at load.
fn glob_set(patterns: &[String]) -> globset::GlobSet {
    let mut builder = globset::GlobSetBuilder::new();
    for glob in patterns.iter().filter_map(|p| globset::Glob::new(p).ok()) {
        builder.add(glob);
    }
    builder.build().unwrap_or_else(|_| globset::GlobSet::empty())
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

impl Config {
    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let error = |line, message: String| ConfigError { path: shown.clone(), line, message };
        let text = std::fs::read_to_string(path).map_err(|e| error(None, format!("cannot read: {e}")))?;
        let file: ConfigFile = toml::from_str(&text)
            .map_err(|e| error(e.span().map(|s| line_of(&text, s.start)), e.message().trim_end().to_owned()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut rules: Vec<(RuleSelector, RuleSetting)> =
            file.rules.into_iter().map(|(k, v)| (RuleSelector::new(&k), v)).collect();
        // Families first, then ids: the more specific setting wins.
        rules.sort_by_key(|(s, _)| (s.as_str().matches('.').count(), s.as_str().len()));
        for pattern in file.include.iter().chain(&file.exclude) {
            globset::Glob::new(pattern).map_err(|e| error(None, format!("invalid glob `{pattern}`: {e}")))?;
        }
        let glossary = if file.term.is_empty() {
            None
        } else {
            // Rebuild the tables as a pack so the glossary loader reads them like any other.
            let mut pack_text = String::new();
            for table in &file.term {
                pack_text.push_str("[[term]]\n");
                pack_text.push_str(&toml::to_string(table).map_err(|e| error(None, e.to_string()))?);
                pack_text.push('\n');
            }
            Some(parse_pack(&shown, &pack_text).map_err(|e| error(None, e.message))?)
        };
        Ok(Config {
            path: Some(path.to_path_buf()),
            variant: file.variant.unwrap_or_default(),
            fail_on: file.fail_on,
            include: file.include,
            exclude: file.exclude,
            rules_dirs: file.rules_dirs.iter().map(|d| base.join(d)).collect(),
            prefer: file.prefer,
            strict_typography: file.typography.strict,
            nbsp: file.typography.nbsp,
            rules,
            glossary,
        })
    }

    /// The nearest configuration file in `dir` or its parents.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let start = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        let absolute = std::fs::canonicalize(start).ok()?;
        absolute.ancestors().find_map(|d| CONFIG_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()))
    }

    /// The options the checks read.
    pub fn options(&self) -> LintOptions {
        LintOptions {
            variant: self.variant,
            strict_typography: self.strict_typography,
            nbsp: self.nbsp,
            prefer: self.prefer.clone(),
        }
    }

    /// Loads the rules this configuration needs: the embedded packs, its folders, its glossary.
    pub fn registry(&self, extra_dirs: &[PathBuf]) -> Result<Registry, String> {
        let dirs: Vec<PathBuf> = self.rules_dirs.iter().chain(extra_dirs).cloned().collect();
        Registry::load_with(&dirs, self.glossary.clone().unwrap_or_default()).map_err(|e| e.to_string())
    }

    /// Applies the `[rules]` table to a selection; a selector that names no rule is an error.
    pub fn apply(&self, registry: &Registry, selection: &mut Selection) -> Result<(), ConfigError> {
        for (selector, setting) in &self.rules {
            if !registry.rules().iter().any(|m| selector.matches(m.id.as_str())) {
                return Err(ConfigError {
                    path: self.path.as_ref().map_or_else(String::new, |p| p.display().to_string()),
                    line: None,
                    message: format!("[rules]: unknown rule or prefix `{}`", selector.as_str()),
                });
            }
            let severity = match setting {
                RuleSetting::Off => {
                    selection.set_enabled(registry, selector, false);
                    continue;
                }
                RuleSetting::On => None,
                RuleSetting::Info => Some(Severity::Info),
                RuleSetting::Warning => Some(Severity::Warning),
                RuleSetting::Error => Some(Severity::Error),
            };
            selection.set_enabled(registry, selector, true);
            if let Some(severity) = severity {
                selection.override_severity(registry, selector, severity);
            }
        }
        Ok(())
    }

    /// Whether a file found by walking a folder is checked under this configuration; globs
    /// are matched against the path relative to the configuration's folder.
    pub fn wants(&self, path: &Path) -> bool {
        let relative = self
            .path
            .as_ref()
            .and_then(|config| {
                let base = std::fs::canonicalize(config.parent()?).ok()?;
                Some(std::fs::canonicalize(path).ok()?.strip_prefix(base).ok()?.to_path_buf())
            })
            .unwrap_or_else(|| path.to_path_buf());
        let included = self.include.is_empty() || glob_set(&self.include).is_match(&relative);
        included && !glob_set(&self.exclude).is_match(&relative)
    }

    /// The effective configuration as TOML, for `--show-config`.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let source =
            self.path.as_ref().map_or("(defaults: no decalque.toml found)".to_owned(), |p| p.display().to_string());
        out.push_str(&format!("# {source}\n"));
        out.push_str(&format!("variant = {:?}\n", self.variant.as_str()));
        let fail_on = match self.fail_on.unwrap_or(FailOn::Warning) {
            FailOn::Info => "info",
            FailOn::Warning => "warning",
            FailOn::Error => "error",
            FailOn::Never => "never",
        };
        out.push_str(&format!("fail-on = {fail_on:?}\n"));
        out.push_str(&format!("include = {:?}\n", self.include));
        out.push_str(&format!("exclude = {:?}\n", self.exclude));
        let dirs: Vec<String> = self.rules_dirs.iter().map(|d| d.display().to_string()).collect();
        out.push_str(&format!("rules-dirs = {dirs:?}\n"));
        out.push_str(&format!("prefer = {:?}\n", self.prefer));
        let nbsp = match self.nbsp {
            NbspStyle::Narrow => "narrow",
            NbspStyle::Full => "full",
        };
        out.push_str(&format!("\n[typography]\nstrict = {}\nnbsp = {nbsp:?}\n", self.strict_typography));
        out.push_str("\n[rules]\n");
        for (selector, setting) in &self.rules {
            let value = match setting {
                RuleSetting::Off => "off",
                RuleSetting::On => "on",
                RuleSetting::Info => "info",
                RuleSetting::Warning => "warning",
                RuleSetting::Error => "error",
            };
            out.push_str(&format!("{:?} = {value:?}\n", selector.as_str()));
        }
        out
    }
}
