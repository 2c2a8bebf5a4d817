//! The CI and review formats (sarif, github, markdown, html): snapshots on the seed and on a
//! small folder with CRLF, a BOM and multi-byte spans; SARIF against the official schema;
//! fingerprints that survive inserted lines.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::sync::Arc;

use assert_cmd::Command;
use decalque::report::{self, Format, Summary};
use decalque::{Linter, Registry, Selection, Source};
use serde_json::Value;

const FORMATS: &[&str] = &["sarif", "github", "markdown"];

fn decalque() -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `decalque check --format FORMAT PATH` in `dir` and returns standard output, with the
/// crate version masked so snapshots survive a release.
fn run(dir: &Path, format: &str, path: &str) -> String {
    let out = decalque().current_dir(dir).args(["check", "--format", format, path]).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .replace(&format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")), "\"version\": \"[version]\"")
}

/// A folder `docs/` with CRLF line ends, a BOM, multi-byte text before and inside spans,
/// a file name that needs escaping, and a clean file.
fn sample_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir_all(docs.join("sous dossier")).unwrap();
    fs::write(
        docs.join("crlf.txt"),
        "La réunion prendra place à Genève.\r\nLe Conseil Russie-OTAN se réunit. Le RNC ne s’était pas réuni depuis deux ans.\r\n",
    )
    .unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(
        "🇫🇷 Ça commence : Alexander Grushko a noté que *50 %* des [membres], selon <l’OTAN>, étaient là.\n\nIl faut réaliser que c’est important...\n"
            .as_bytes(),
    );
    fs::write(docs.join("bom.txt"), bom).unwrap();
    fs::write(docs.join("sous dossier/notes, v2:final.txt"), "Le projet va prendre place en 2ème semaine.\n").unwrap();
    fs::write(docs.join("propre.txt"), "Les passagers ont pris place à bord.\n").unwrap();
    dir
}

#[test]
fn seed_reports_match_their_snapshots() {
    for format in FORMATS {
        let out = run(Path::new("."), format, "fixtures/seed/rnc-bruxelles.txt");
        insta::assert_snapshot!(format!("seed.{format}"), out);
    }
}

#[test]
fn folder_reports_match_their_snapshots() {
    let dir = sample_folder();
    for format in FORMATS {
        let out = run(dir.path(), format, "docs");
        assert!(!out.contains(&*dir.path().to_string_lossy()), "{format}: absolute path in the output");
        insta::assert_snapshot!(format!("folder.{format}"), out);
    }
}

/// The vendored SARIF 2.1.0 schema (see tests/data/sarif/LICENSE for where it comes from).
///
/// Its `run.language` pattern has a stray `]`, a literal in ECMAScript regexes but an error
/// for Rust's: it is escaped in memory (same meaning); the file itself stays as published.
fn schema_validator() -> jsonschema::Validator {
    let text = fs::read_to_string("tests/data/sarif/sarif-2.1.0-rtm.5.json").unwrap();
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(stray), "the vendored schema changed: revisit this workaround");
    let text = text.replace(stray, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid_sarif(validator: &jsonschema::Validator, text: &str) {
    let log: Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF schema errors:\n{}", errors.join("\n"));
    // What GitHub code scanning needs beyond the schema.
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "decalque");
    assert!(driver["informationUri"].is_string() && driver["version"].is_string());
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = driver["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.starts_with('/') && !uri.contains('\\'), "{uri}");
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(location["region"][key].as_u64().unwrap() >= 1, "{key}");
        }
        assert!(result["partialFingerprints"]["decalque/v1"].as_str().unwrap().len() == 16);
    }
}

#[test]
fn sarif_follows_the_official_schema() {
    let validator = schema_validator();
    assert_valid_sarif(&validator, &run(Path::new("."), "sarif", "fixtures/seed/rnc-bruxelles.txt"));
    let dir = sample_folder();
    assert_valid_sarif(&validator, &run(dir.path(), "sarif", "docs"));
}

#[test]
fn the_schema_rejects_a_broken_log() {
    let validator = schema_validator();
    let broken = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(!validator.is_valid(&broken), "the vendored schema must require driver.name");
}

fn sarif_of(text: &str) -> Value {
    let registry = Arc::new(Registry::builtin().unwrap());
    let linter = Linter::new(registry.clone(), Selection::all(&registry));
    let report = linter.check_source(Source { name: "article.txt".into(), bytes: text.as_bytes().to_vec() }).unwrap();
    let mut reporter = report::reporter(Format::Sarif, false, registry.rules());
    let mut summary = Summary::default();
    summary.add(&report);
    let mut out = Vec::new();
    reporter.file(&mut out, &report).unwrap();
    reporter.finish(&mut out, &summary).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// (rule, snippet, line, fingerprint) of every result.
fn fingerprints(log: &Value) -> Vec<(String, String, u64, String)> {
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                region["snippet"]["text"].as_str().unwrap().to_owned(),
                region["startLine"].as_u64().unwrap(),
                r["partialFingerprints"]["decalque/v1"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_lines_inserted_above() {
    let body =
        "La réunion prendra place à Genève.\nLa réunion prendra place à Genève.\nLe sommet prendra place à Paris.\n";
    let before = fingerprints(&sarif_of(body));
    let after = fingerprints(&sarif_of(&format!("Un titre sans faute.\n\nDeux lignes de plus.\n{body}")));
    assert_eq!(before.len(), 3, "{before:?}");
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((&b.0, &b.1, &b.3), (&a.0, &a.1, &a.3), "fingerprint changed");
        assert_eq!(b.2 + 3, a.2, "the finding moved down three lines");
    }
    // Identical lines get distinct fingerprints through their occurrence index.
    assert_ne!(before[0].3, before[1].3);
    // Editing the flagged line itself changes its fingerprint.
    let edited = fingerprints(&sarif_of(&body.replacen("Genève", "Lyon", 1)));
    assert_ne!(edited[0].3, before[0].3);
}
