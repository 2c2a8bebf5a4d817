//! The subcommands: each turns parsed arguments into library calls and an exit status.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

use decalque::config;
use decalque::document::{DecodeError, Source};
use decalque::fix::{FixError, FixOutcome, MAX_ROUNDS, fix_source, write_atomic};
use decalque::project::{Prepared, Project, Settings};
use decalque::report::{self, Format, Summary};
use decalque::rules::{Example, Expect, RuleMeta};
use decalque::walk::{Input, collect_inputs};
use decalque::{FileReport, Linter, Registry, RuleSelector, Severity};
use rayon::prelude::*;

use crate::cli::{
    CheckArgs, ColorChoice, ExplainArgs, FailOn, FixArgs, InputArgs, ListFormat, OutputFormat, RulesArgs, SeverityArg,
};

/// How a run ended, mapped to the exit codes of DESIGN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// Nothing at or above `--fail-on`.
    Clean,
    /// Findings at or above `--fail-on`.
    Findings,
    /// Usage, configuration, rule-pack or input error.
    Error,
}

/// An error that stops the command, with the message for standard error.
pub(crate) struct Fatal(pub(crate) String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.to_string())
    }
}

fn load_registry(dirs: &[PathBuf]) -> Result<Arc<Registry>, Fatal> {
    Registry::load(dirs).map(Arc::new).map_err(|e| Fatal(format!("rule pack error: {e}")))
}

fn severity(arg: SeverityArg) -> Severity {
    match arg {
        SeverityArg::Info => Severity::Info,
        SeverityArg::Warning => Severity::Warning,
        SeverityArg::Error => Severity::Error,
    }
}

fn read_input(input: &Input) -> io::Result<Source> {
    let bytes = match input {
        Input::Stdin(_) => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            bytes
        }
        Input::File(path) => std::fs::read(path)?,
    };
    Ok(Source { name: input.name(), bytes })
}

/// A file that produced no report.
enum Skipped {
    /// Could not be read or decoded: reported, and the run exits 2.
    Error(String),
    /// Binary: skipped with a note, not an error.
    Binary(String),
}

fn check_input(linter: &Linter, input: &Input) -> Result<FileReport, Skipped> {
    let name = input.name();
    let source = read_input(input).map_err(|e| Skipped::Error(format!("{name}: {e}")))?;
    // A bug in one check must not take the other files down with it: report it against this file.
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| linter.check_source(source)))
        .map_err(|_| Skipped::Error(format!("{name}: internal error while checking this file (please report it)")))?;
    checked.map_err(|e| match e {
        DecodeError::Binary { .. } => Skipped::Binary(format!("{name}: skipped: {e}")),
        DecodeError::NotText { .. } => Skipped::Error(format!("{name}: {e}")),
    })
}

/// The command-line settings shared by the commands that check files.
fn settings(inputs: &InputArgs) -> Settings {
    Settings {
        select: inputs.select.iter().map(|s| RuleSelector::new(s)).collect(),
        ignore: inputs.ignore.iter().map(|s| RuleSelector::new(s)).collect(),
        rules_dirs: inputs.rules_dirs.clone(),
        config: inputs.config.clone(),
        ..Settings::default()
    }
}

/// The settings of `check`: the shared ones plus severity and failure thresholds.
fn check_settings(args: &CheckArgs) -> Settings {
    Settings {
        min_severity: severity(args.min_severity),
        fail_on: args.fail_on.map(|f| match f {
            FailOn::Info => config::FailOn::Info,
            FailOn::Warning => config::FailOn::Warning,
            FailOn::Error => config::FailOn::Error,
            FailOn::Never => config::FailOn::Never,
        }),
        ..settings(&args.inputs)
    }
}

/// Each input with the prepared configuration that applies to it; walked files that the
/// configuration's include/exclude globs leave out are dropped.
fn prepare_inputs(
    project: &mut Project,
    paths: &[PathBuf],
    stdin_filename: &str,
    errors: &mut Vec<String>,
) -> Result<Vec<(Input, Arc<Prepared>)>, Fatal> {
    let (inputs, walk_errors) = collect_inputs(paths, stdin_filename);
    errors.extend(walk_errors.into_iter().map(|e| format!("{}: {}", e.path, e.message)));
    let explicit: HashSet<&PathBuf> = paths.iter().collect();
    let mut prepared = Vec::with_capacity(inputs.len());
    for input in inputs {
        let config_path = project.config_path(&input);
        let setup = project.prepare(config_path).map_err(Fatal)?;
        if let Input::File(path) = &input
            && !explicit.contains(path)
            && !setup.config.wants(path)
        {
            continue;
        }
        prepared.push((input, setup));
    }
    Ok(prepared)
}

/// The metadata of every rule the prepared configurations load, each id once.
fn rule_metas(inputs: &[(Input, Arc<Prepared>)]) -> Vec<RuleMeta> {
    let mut seen = HashSet::new();
    let mut metas = Vec::new();
    for (_, setup) in inputs {
        for meta in setup.linter.registry().rules() {
            if seen.insert(meta.id.as_str().to_owned()) {
                metas.push(meta.clone());
            }
        }
    }
    metas
}

/// `decalque check`; errors about single files go to `errors`, `notes` get the skipped ones.
pub(crate) fn check(args: CheckArgs, errors: &mut Vec<String>, notes: &mut Vec<String>) -> Result<Status, Fatal> {
    let mut project = Project::new(check_settings(&args));
    if args.show_config {
        let first = args.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
        let input = if first.is_dir() { Input::File(first.join("-")) } else { Input::File(first) };
        let setup = project.prepare(project.config_path(&input)).map_err(Fatal)?;
        io::stdout().lock().write_all(setup.config.describe().as_bytes())?;
        return Ok(Status::Clean);
    }
    let inputs = prepare_inputs(&mut project, &args.paths, &args.inputs.stdin_filename, errors)?;

    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.inputs.jobs.unwrap_or(0)).build()?;
    let results: Vec<(Result<FileReport, Skipped>, Option<Severity>)> = pool.install(|| {
        inputs.par_iter().map(|(input, setup)| (check_input(&setup.linter, input), setup.fail_threshold)).collect()
    });

    let format = match args.format {
        OutputFormat::Human => Format::Human,
        OutputFormat::Json => Format::Json,
        OutputFormat::Jsonl => Format::Jsonl,
        OutputFormat::Sarif => Format::Sarif,
        OutputFormat::Github => Format::Github,
        OutputFormat::Markdown => Format::Markdown,
    };
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| Fatal(format!("{}: {e}", path.display())))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut reporter = report::reporter(format, color, &rule_metas(&inputs));
    let mut summary = Summary::default();
    let mut failed = false;
    for (result, fail_threshold) in results {
        match result {
            Ok(file) => {
                failed |= fail_threshold.is_some_and(|t| file.diagnostics.iter().any(|d| d.severity >= t));
                summary.add(&file);
                reporter.file(&mut out, &file)?;
            }
            Err(Skipped::Error(message)) => errors.push(message),
            Err(Skipped::Binary(message)) => notes.push(message),
        }
    }
    reporter.finish(&mut out, &summary)?;
    out.flush()?;
    Ok(if !errors.is_empty() {
        Status::Error
    } else if failed {
        Status::Findings
    } else {
        Status::Clean
    })
}

/// A fixed input, or why it was not fixed with the bytes to pass through (standard input).
type FixResult = Result<FixOutcome, (Skipped, Option<Vec<u8>>)>;

/// Fixes one input in memory; nothing is written yet. When it cannot be fixed, says why,
/// with its bytes when they were read (standard input passes them through unchanged).
fn fix_input(linter: &Linter, input: &Input) -> FixResult {
    let name = input.name();
    let source = read_input(input).map_err(|e| (Skipped::Error(format!("{name}: {e}")), None))?;
    let bytes = matches!(input, Input::Stdin(_)).then(|| source.bytes.clone());
    fix_source(linter, source).map_err(|e| match e {
        FixError::Decode(e @ DecodeError::Binary { .. }) => (Skipped::Binary(format!("{name}: skipped: {e}")), bytes),
        e => (Skipped::Error(format!("{name}: {e}")), bytes),
    })
}

/// `N problems in M files`, with the right plurals.
fn counted(problems: usize, files: usize) -> String {
    let p = if problems == 1 { "problem" } else { "problems" };
    let f = if files == 1 { "file" } else { "files" };
    format!("{problems} {p} in {files} {f}")
}

/// `decalque fix`: applies safe fixes in place, or prints them as a diff.
pub(crate) fn fix(args: FixArgs, errors: &mut Vec<String>, notes: &mut Vec<String>) -> Result<Status, Fatal> {
    let mut project = Project::new(settings(&args.inputs));
    let prepared = prepare_inputs(&mut project, &args.paths, &args.inputs.stdin_filename, errors)?;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.inputs.jobs.unwrap_or(0)).build()?;
    let results: Vec<FixResult> =
        pool.install(|| prepared.par_iter().map(|(input, setup)| fix_input(&setup.linter, input)).collect());
    let inputs: Vec<&Input> = prepared.iter().map(|(input, _)| input).collect();

    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut problems, mut files) = (0, 0);
    for (input, result) in inputs.iter().zip(results) {
        let outcome = match result {
            Ok(outcome) => outcome,
            Err((skipped, unchanged)) => {
                match skipped {
                    Skipped::Error(message) => errors.push(message),
                    Skipped::Binary(message) => notes.push(message),
                }
                // A filter never swallows its input: what cannot be fixed goes through as is.
                if let Some(bytes) = unchanged.filter(|_| !args.diff) {
                    out.write_all(&bytes)?;
                }
                continue;
            }
        };
        let name = input.name();
        for s in &outcome.skipped {
            notes.push(format!(
                "{name}:{}:{}: the fix of `{}` overlaps the fix of `{}`: applied the latter, then checked again",
                s.position.line, s.position.column, s.rule, s.kept
            ));
        }
        if !outcome.settled {
            notes
                .push(format!("{name}: safe fixes were still pending after {MAX_ROUNDS} rounds; not all were applied"));
        }
        if args.diff {
            if outcome.changed() {
                let before = String::from_utf8_lossy(&outcome.original);
                let after = String::from_utf8_lossy(&outcome.fixed);
                let diff = similar::TextDiff::from_lines(before.as_ref(), after.as_ref());
                write!(
                    out,
                    "{}",
                    diff.unified_diff().context_radius(3).header(&format!("a/{name}"), &format!("b/{name}"))
                )?;
            }
        } else {
            match input {
                Input::Stdin(_) => out.write_all(&outcome.fixed)?,
                Input::File(path) if outcome.changed() => {
                    if let Err(e) = write_atomic(path, &outcome.fixed) {
                        errors.push(format!("{name}: cannot write the fixed file: {e}"));
                        continue;
                    }
                }
                Input::File(_) => {}
            }
        }
        if outcome.changed() {
            problems += outcome.applied;
            files += 1;
        }
    }
    out.flush()?;
    let verb = if args.diff { "would fix" } else { "fixed" };
    let mut err = io::stderr().lock();
    writeln!(err, "{verb} {}", counted(problems, files))?;
    Ok(if errors.is_empty() { Status::Clean } else { Status::Error })
}

fn example_json(example: &Example) -> serde_json::Value {
    match &example.expect {
        Expect::Good => serde_json::json!({"good": example.text}),
        Expect::Bad { fixed, .. } => serde_json::json!({"bad": example.marked(), "fixed": fixed}),
    }
}

fn rule_json(meta: &RuleMeta) -> serde_json::Value {
    serde_json::json!({
        "id": meta.id.as_str(),
        "kind": meta.kind,
        "severity": meta.severity.as_str(),
        "category": meta.category.as_str(),
        "summary": meta.summary,
        "message": meta.message,
        "fix": meta.fix,
        "pack": meta.pack,
        "examples": meta.examples.iter().map(example_json).collect::<Vec<_>>(),
    })
}

/// `decalque rules`.
pub(crate) fn rules(args: RulesArgs) -> Result<Status, Fatal> {
    let registry = load_registry(&args.rules_dirs)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Json => {
            let list: Vec<_> = registry.rules().iter().map(rule_json).collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        ListFormat::Human => {
            let width = registry.rules().iter().map(|m| m.id.as_str().len()).max().unwrap_or(0);
            for meta in registry.rules() {
                writeln!(
                    out,
                    "{:<width$}  {:<7}  {:<15}  {}",
                    meta.id.as_str(),
                    meta.severity.as_str(),
                    meta.category.as_str(),
                    meta.summary
                )?;
            }
            writeln!(out, "{} rules", registry.rules().len())?;
        }
    }
    out.flush()?;
    Ok(Status::Clean)
}

/// `decalque explain RULE`.
pub(crate) fn explain(args: ExplainArgs) -> Result<Status, Fatal> {
    let registry = load_registry(&args.rules_dirs)?;
    let Some(index) = registry.index_of(&args.rule) else {
        return Err(Fatal(format!("unknown rule `{}` (see `decalque rules`)", args.rule)));
    };
    let meta = registry.meta(index);
    let mut text = String::new();
    let _ = writeln!(text, "{}  ({}, {}, kind {})", meta.id, meta.severity, meta.category, meta.kind);
    let _ = writeln!(text, "\n{}\n\n{}", meta.summary, meta.message);
    if let Some(explanation) = &meta.explanation {
        let _ = writeln!(text, "\n{}", explanation.trim());
    }
    let _ = writeln!(text, "\nExemples :");
    for example in &meta.examples {
        match &example.expect {
            Expect::Bad { fixed, .. } => {
                let _ = writeln!(text, "  ✗ {}", example.marked());
                if let Some(fixed) = fixed {
                    let _ = writeln!(text, "  → {fixed}");
                }
            }
            Expect::Good => {
                let _ = writeln!(text, "  ✓ {}", example.text);
            }
        }
    }
    if !meta.references.is_empty() {
        let _ = writeln!(text, "\nRéférences :");
        for reference in &meta.references {
            let _ = writeln!(text, "  - {reference}");
        }
    }
    let _ = writeln!(text, "\nDéfini dans {}:{}", meta.pack, meta.line);
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(Status::Clean)
}
