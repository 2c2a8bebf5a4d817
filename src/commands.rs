//! The subcommands: each turns parsed arguments into library calls and an exit status.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

use decalque::baseline::Baseline;
use decalque::config;
use decalque::document::{DecodeError, ReadError, Source};
use decalque::fix::{FixError, FixOutcome, MAX_ROUNDS, fix_source, write_atomic};
use decalque::formats::jsonl::Fields;
use decalque::formats::{InputFormat, ReadOptions};
use decalque::project::{Prepared, Project, Settings};
use decalque::records::{Locate, Record, RecordError, check_records};
use decalque::report::{self, Format, Summary};
use decalque::rules::{Example, Expect, RuleMeta};
use decalque::walk::{Input, collect_inputs};
use decalque::{FileReport, Linter, Registry, RuleSelector, Severity};
use rayon::prelude::*;

use crate::cli::{
    CheckArgs, ColorChoice, ExplainArgs, FailOn, FixArgs, InputArgs, ListFormat, OutputFormat, RulesArgs, SeverityArg,
};
use crate::progress::Progress;

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

/// The format an input is read as: `--input-format`, else its extension.
fn input_format(args: &InputArgs, input: &Input) -> InputFormat {
    args.input_format.unwrap_or_else(|| input.format())
}

/// How the format readers are set up.
fn read_options(args: &InputArgs) -> ReadOptions {
    ReadOptions {
        include_fuzzy: args.include_fuzzy,
        fields: Fields { text: args.text_field.clone(), source: args.source_field.clone(), id: args.id_field.clone() },
    }
}

/// Why a file could not be read, as shown to people.
fn read_failure(name: &str, error: ReadError) -> Skipped {
    match error {
        ReadError::Decode(e @ DecodeError::Binary { .. }) => Skipped::Binary(format!("{name}: skipped: {e}")),
        ReadError::Decode(e) => Skipped::Error(format!("{name}: {e}")),
        ReadError::Format { error, line, column } => Skipped::Error(format!("{name}:{line}:{column}: {error}")),
    }
}

/// Runs `f`, turning a panic (a bug in a check) into an error against this input, so that
/// the other files are still checked.
fn guarded<T>(name: &str, f: impl FnOnce() -> Result<T, Skipped>) -> Result<T, Skipped> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(Skipped::Error(format!("{name}: internal error while checking this file (please report it)")))
    })
}

fn check_input(
    linter: &Linter,
    input: &Input,
    format: InputFormat,
    options: &ReadOptions,
) -> Result<FileReport, Skipped> {
    let name = input.name();
    let source = read_input(input).map_err(|e| Skipped::Error(format!("{name}: {e}")))?;
    guarded(&name, || linter.check_source_as(source, format, options).map_err(|e| read_failure(&name, e)))
}

/// Checks one input against a source-language file: paragraphs aligned, then checked with
/// the bilingual rules.
fn check_with_source(
    linter: &Linter,
    input: &Input,
    format: InputFormat,
    options: &ReadOptions,
    source_path: &std::path::Path,
) -> Result<FileReport, Skipped> {
    let name = input.name();
    let source = read_input(input).map_err(|e| Skipped::Error(format!("{name}: {e}")))?;
    let shown = source_path.display().to_string();
    let original = std::fs::read(source_path).map_err(|e| Skipped::Error(format!("{shown}: {e}")))?;
    let original = decalque::Document::read(Source { name: shown.clone(), bytes: original }, format, options)
        .map_err(|e| read_failure(&shown, e))?;
    guarded(&name, || {
        let mut document = decalque::Document::read(source, format, options).map_err(|e| read_failure(&name, e))?;
        let groups = decalque::align::source_groups(&document, &original);
        document.set_sources(groups);
        Ok(linter.check_into_report(document))
    })
}

/// An input for a reader of JSON Lines: standard input or the file; `None`, with the error
/// recorded, when the file cannot be opened.
fn open_lines(input: &Input, errors: &mut Vec<String>) -> Option<Box<dyn BufRead>> {
    match input {
        Input::Stdin(_) => Some(Box::new(io::BufReader::new(io::stdin()))),
        Input::File(path) => match std::fs::File::open(path) {
            Ok(file) => Some(Box::new(io::BufReader::with_capacity(1 << 16, file))),
            Err(e) => {
                errors.push(format!("{}: {e}", input.name()));
                None
            }
        },
    }
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

/// What `check` does with each file's findings on their way to the report.
struct Pipeline<'a> {
    reporter: Box<dyn report::Reporter>,
    out: Box<dyn Write + 'a>,
    summary: Summary,
    baseline: Option<Baseline>,
    recorder: Option<Baseline>,
    failed: bool,
}

impl Pipeline<'_> {
    /// Filters a file's findings through the baseline, records them, reports them (a JSON
    /// Lines record only when it has findings).
    fn report(
        &mut self,
        mut file: FileReport,
        fail_threshold: Option<Severity>,
        errors: &mut Vec<String>,
    ) -> io::Result<()> {
        let name = file.document.name().to_owned();
        errors.extend(file.unknown_suppressions.iter().map(|u| format!("{name}:{u}")));
        if let Some(baseline) = &mut self.baseline {
            baseline.filter(&mut file);
        }
        if let Some(recorder) = &mut self.recorder {
            recorder.record(&file);
        }
        self.failed |= fail_threshold.is_some_and(|t| file.diagnostics.iter().any(|d| d.severity >= t));
        self.summary.add_findings(&file);
        if file.diagnostics.is_empty() && file.document.format() == InputFormat::Jsonl {
            return Ok(());
        }
        self.reporter.file(&mut self.out, &file)
    }
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
    // Before anything uses the global pool (loading rule packs does).
    set_jobs(args.inputs.jobs)?;
    let inputs = prepare_inputs(&mut project, &args.paths, &args.inputs.stdin_filename, errors)?;
    let options = read_options(&args.inputs);
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| Fatal(format!("{}: {e}", path.display())))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    if args.format == OutputFormat::Records {
        return records(&inputs, &options, args.score, &mut out, errors);
    }
    if args.source.is_some() && inputs.len() != 1 {
        return Err(Fatal("--source takes exactly one file to check".to_owned()));
    }
    let formats: Vec<InputFormat> = inputs.iter().map(|(input, _)| input_format(&args.inputs, input)).collect();

    // Files are checked in parallel, then reported in input order; JSON Lines files stream
    // their records in the reporting loop instead, so their size does not matter.
    let progress = Progress::new(inputs.len(), !args.no_progress);
    let results: Vec<Option<Result<FileReport, Skipped>>> = inputs
        .par_iter()
        .zip(&formats)
        .map(|((input, setup), &format)| {
            if format == InputFormat::Jsonl {
                return None;
            }
            let result = match &args.source {
                Some(source) => check_with_source(&setup.linter, input, format, &options, source),
                None => check_input(&setup.linter, input, format, &options),
            };
            progress.file_done(result.as_ref().map_or(0, |r| r.document.word_count()));
            Some(result)
        })
        .collect();
    progress.finish();

    let format = match args.format {
        OutputFormat::Human => Format::Human,
        OutputFormat::Json => Format::Json,
        OutputFormat::Jsonl => Format::Jsonl,
        OutputFormat::Sarif => Format::Sarif,
        OutputFormat::Github => Format::Github,
        OutputFormat::Markdown => Format::Markdown,
        OutputFormat::Html => Format::Html,
        OutputFormat::Records => return Err(Fatal("records are written by `records`".to_owned())),
    };
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose().map_err(Fatal)?;
    let mut pipeline = Pipeline {
        reporter: report::reporter(format, color, &rule_metas(&inputs)),
        out,
        summary: Summary::default(),
        baseline,
        recorder: args.write_baseline.is_some().then(Baseline::new),
        failed: false,
    };
    for ((input, setup), result) in inputs.iter().zip(results) {
        match result {
            Some(Ok(file)) => {
                pipeline.summary.files += 1;
                pipeline.report(file, setup.fail_threshold, errors)?;
            }
            Some(Err(Skipped::Error(message))) => errors.push(message),
            Some(Err(Skipped::Binary(message))) => notes.push(message),
            None => {
                let name = input.name();
                let Some(reader) = open_lines(input, errors) else { continue };
                pipeline.summary.files += 1;
                let mut record_errors = Vec::new();
                check_records(&setup.linter, &name, reader, &options.fields, Locate::InFile, |record| {
                    match record.result {
                        Ok(file) => pipeline.report(file, setup.fail_threshold, &mut record_errors),
                        Err(RecordError::Blank) => Ok(()),
                        Err(e) => {
                            record_errors.push(format!("{name}:{}: {e}", record.line));
                            Ok(())
                        }
                    }
                })
                .map_err(|e| Fatal(format!("{name}: {e}")))?;
                errors.extend(record_errors);
            }
        }
    }
    pipeline.reporter.finish(&mut pipeline.out, &pipeline.summary)?;
    pipeline.out.flush()?;
    // The process ends next: freeing thousands of compiled rules one by one would only add
    // to the wall time of every run (a few milliseconds on a small file).
    std::mem::forget(inputs);
    std::mem::forget(project);
    if let (Some(path), Some(recorder)) = (&args.write_baseline, &pipeline.recorder) {
        write_atomic(path, recorder.to_json().as_bytes()).map_err(|e| Fatal(format!("{}: {e}", path.display())))?;
        return Ok(if errors.is_empty() { Status::Clean } else { Status::Error });
    }
    Ok(if !errors.is_empty() {
        Status::Error
    } else if pipeline.failed {
        Status::Findings
    } else {
        Status::Clean
    })
}

/// Sets the number of worker threads (`--jobs`; all cores by default).
fn set_jobs(jobs: Option<usize>) -> Result<(), Fatal> {
    // The global pool can be set once per process; the binary runs one command.
    rayon::ThreadPoolBuilder::new().num_threads(jobs.unwrap_or(0)).build_global().or_else(|e| {
        if jobs.is_some() {
            Err(Fatal(format!("cannot start {} worker threads: {e}", jobs.unwrap_or(0))))
        } else {
            Ok(())
        }
    })
}

/// `--format records`: every input read as JSON Lines, one output line per input line, in
/// order. Exits 0 whenever the inputs could be read, whatever was found: findings are data
/// for the pipeline, not failures.
fn records(
    inputs: &[(Input, Arc<Prepared>)],
    options: &ReadOptions,
    score: bool,
    out: &mut dyn Write,
    errors: &mut Vec<String>,
) -> Result<Status, Fatal> {
    for (input, setup) in inputs {
        let name = input.name();
        let Some(reader) = open_lines(input, errors) else { continue };
        check_records(&setup.linter, &name, reader, &options.fields, Locate::InRecord, |record| {
            let mut line = serde_json::to_string(&record_value(&record, score)).map_err(io::Error::other)?;
            line.push('\n');
            out.write_all(line.as_bytes())
        })
        .map_err(|e| Fatal(format!("{name}: {e}")))?;
    }
    out.flush()?;
    Ok(if errors.is_empty() { Status::Clean } else { Status::Error })
}

/// The output line of one record: its line, id, words and findings (with their range in the
/// text field, in characters), or the error that kept it from being checked.
fn record_value(record: &Record, score: bool) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    m.insert("line".into(), record.line.into());
    match &record.result {
        Ok(file) => {
            let document = &file.document;
            let id = document.units().first().and_then(|u| u.id.clone());
            m.insert("id".into(), id.map_or(serde_json::Value::Null, Into::into));
            m.insert("words".into(), document.word_count().into());
            let findings: Vec<serde_json::Value> = file
                .diagnostics
                .iter()
                .map(|d| {
                    let mut v = report::diagnostic_value(document, d);
                    let chars = document.extracted_chars(d.span);
                    v.insert("text_range".into(), serde_json::json!([chars.start, chars.end]));
                    serde_json::Value::Object(v)
                })
                .collect();
            m.insert("findings".into(), findings.into());
            if score {
                let q = decalque::quality::score(&file.diagnostics, document.word_count());
                m.insert(
                    "score".into(),
                    serde_json::json!({
                        "penalty": q.penalty,
                        "per_thousand_words": q.per_thousand_words,
                        "minor_punctuation": q.minor_punctuation,
                        "minor": q.minor,
                        "major": q.major,
                        "non_translation": q.non_translation,
                    }),
                );
            }
        }
        Err(e) => {
            m.insert("id".into(), serde_json::Value::Null);
            m.insert("error".into(), e.to_string().into());
            m.insert("findings".into(), serde_json::Value::Array(Vec::new()));
        }
    }
    serde_json::Value::Object(m)
}

/// A fixed input, or why it was not fixed with the bytes to pass through (standard input).
type FixResult = Result<FixOutcome, (Skipped, Option<Vec<u8>>)>;

/// Fixes one input in memory; nothing is written yet. When it cannot be fixed, says why,
/// with its bytes when they were read (standard input passes them through unchanged).
fn fix_input(linter: &Linter, input: &Input, format: InputFormat, options: &ReadOptions) -> FixResult {
    let name = input.name();
    let source = read_input(input).map_err(|e| (Skipped::Error(format!("{name}: {e}")), None))?;
    let bytes = matches!(input, Input::Stdin(_)).then(|| source.bytes.clone());
    fix_source(linter, source, format, options).map_err(|e| match e {
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
    set_jobs(args.inputs.jobs)?;
    let mut project = Project::new(settings(&args.inputs));
    let prepared = prepare_inputs(&mut project, &args.paths, &args.inputs.stdin_filename, errors)?;
    let options = read_options(&args.inputs);
    let results: Vec<FixResult> = prepared
        .par_iter()
        .map(|(input, setup)| fix_input(&setup.linter, input, input_format(&args.inputs, input), &options))
        .collect();
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
    let mut value = match &example.expect {
        Expect::Good => serde_json::json!({"good": example.text}),
        Expect::Bad { fixed, .. } => serde_json::json!({"bad": example.marked(), "fixed": fixed}),
    };
    if let (Some(source), Some(object)) = (&example.source, value.as_object_mut()) {
        object.insert("source".into(), source.clone().into());
    }
    value
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
        if let Some(source) = &example.source {
            let _ = writeln!(text, "  source : {source}");
        }
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
