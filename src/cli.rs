//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use decalque::formats::InputFormat;

/// Checks French machine-translated text: calques, anglicisms, terminology, transliteration,
/// typography and Unicode damage, with exact spans.
#[derive(Debug, Parser)]
#[command(name = "decalque", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check files, folders or standard input (`-`).
    Check(CheckArgs),
    /// Apply the safe fixes in place (`-`: standard input to standard output).
    Fix(FixArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Print a rule's documentation and examples.
    Explain(ExplainArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    Human,
    Json,
    Jsonl,
    Sarif,
    Github,
    Markdown,
    Html,
    /// JSON Lines in, one JSON line out per record, in order (corpus pipelines).
    Records,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SeverityArg {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    Info,
    Warning,
    Error,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What `check` and `fix` share: which rules run, which configuration, how inputs are read.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Only these rules or prefixes (comma-separated, e.g. `calque,anglicism.digital`).
    #[arg(long, value_delimiter = ',')]
    pub(crate) select: Vec<String>,
    /// Skip these rules or prefixes (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub(crate) ignore: Vec<String>,
    /// Use this configuration file for every input instead of searching for decalque.toml.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Name shown for standard input.
    #[arg(long, default_value = "-")]
    pub(crate) stdin_filename: String,
    /// Also load the rule packs (`*.toml`) in this folder (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules_dirs: Vec<PathBuf>,
    /// Number of files processed in parallel (default: all cores).
    #[arg(long, short)]
    pub(crate) jobs: Option<usize>,
    /// Read every input as this format instead of choosing by extension: text, markdown, po,
    /// xliff, srt, vtt or jsonl.
    #[arg(long, value_name = "FORMAT", value_parser = parse_input_format)]
    pub(crate) input_format: Option<InputFormat>,
    /// Also check fuzzy PO entries (skipped by default).
    #[arg(long)]
    pub(crate) include_fuzzy: bool,
    /// JSON Lines: the field holding the text to check.
    #[arg(long, default_value = "text", value_name = "FIELD")]
    pub(crate) text_field: String,
    /// JSON Lines: the field holding the source-language text, for bilingual checks.
    #[arg(long, value_name = "FIELD")]
    pub(crate) source_field: Option<String>,
    /// JSON Lines: the field holding the record's identifier, shown with its findings.
    #[arg(long, value_name = "FIELD")]
    pub(crate) id_field: Option<String>,
}

/// Parses `--input-format` with the library's own names.
fn parse_input_format(name: &str) -> Result<InputFormat, String> {
    InputFormat::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = InputFormat::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format (known: {})", known.join(", "))
    })
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files or folders to check; `-` reads standard input. Default: the current folder.
    pub(crate) paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub(crate) format: OutputFormat,
    /// Rule selection, configuration and inputs.
    #[command(flatten)]
    pub(crate) inputs: InputArgs,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Report only findings at or above this severity.
    #[arg(long, value_enum, default_value_t = SeverityArg::Info)]
    pub(crate) min_severity: SeverityArg,
    /// Exit 1 when a finding is at or above this severity [default: the configuration's, or warning].
    #[arg(long, value_enum)]
    pub(crate) fail_on: Option<FailOn>,
    /// Print the configuration that applies to the first path (or the current folder) and exit.
    #[arg(long)]
    pub(crate) show_config: bool,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
    /// Report only findings that this baseline file (from `--write-baseline`) does not list.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Record every finding in this baseline file, then exit 0 unless an input failed.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub(crate) write_baseline: Option<PathBuf>,
    /// The source-language text of a single plain-text or Markdown input, aligned paragraph
    /// by paragraph, for the bilingual checks.
    #[arg(long, value_name = "FILE")]
    pub(crate) source: Option<PathBuf>,
    /// Records format: add an MQM-style quality score to each record.
    #[arg(long)]
    pub(crate) score: bool,
    /// Never show the progress bar (it shows on a terminal when a run takes over a second).
    #[arg(long)]
    pub(crate) no_progress: bool,
}

#[derive(Debug, Args)]
pub(crate) struct FixArgs {
    /// Files or folders to fix; `-` reads standard input and writes the fixed text to
    /// standard output. Default: the current folder.
    pub(crate) paths: Vec<PathBuf>,
    /// Rule selection, configuration and inputs.
    #[command(flatten)]
    pub(crate) inputs: InputArgs,
    /// Print a unified diff of the fixes instead of writing them.
    #[arg(long)]
    pub(crate) diff: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub(crate) format: ListFormat,
    /// Also load the rule packs in this folder (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules_dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The rule id, e.g. `calque.prendre-place`.
    pub(crate) rule: String,
    /// Also load the rule packs in this folder (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub(crate) rules_dirs: Vec<PathBuf>,
}
