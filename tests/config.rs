//! Configuration files: found upward from each file, validated with file and line, applied.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const BAD: &str = "La réunion prendra place à Genève.\n";

fn decalque(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn rules_found(out: &[u8]) -> Vec<(String, String)> {
    let json: Value = serde_json::from_slice(out).unwrap();
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| (d["rule"].as_str().unwrap().to_owned(), d["severity"].as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn config_is_found_upward_and_overrides_severity_and_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("docs/fr")).unwrap();
    fs::write(dir.path().join("docs/fr/a.txt"), BAD).unwrap();
    fs::write(dir.path().join("decalque.toml"), "fail-on = \"error\"\n[rules]\n\"calque.prendre-place\" = \"info\"\n")
        .unwrap();
    let out = decalque(dir.path()).args(["check", "--format", "json", "docs/fr/a.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "info does not fail under fail-on = error");
    assert_eq!(rules_found(&out.stdout), [("calque.prendre-place".to_owned(), "info".to_owned())]);
}

#[test]
fn a_family_can_be_turned_off_and_one_rule_back_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "La réunion prendra place à Genève. Il a noté que rien.\n").unwrap();
    fs::write(dir.path().join(".decalque.toml"), "[rules]\n\"calque\" = \"off\"\n\"calque.prendre-place\" = \"on\"\n")
        .unwrap();
    let out = decalque(dir.path()).args(["check", "--format", "json", "a.txt"]).output().unwrap();
    let rules: Vec<String> =
        rules_found(&out.stdout).into_iter().map(|(r, _)| r).filter(|r| r.starts_with("calque")).collect();
    assert_eq!(rules, ["calque.prendre-place"]);
}

#[test]
fn unknown_keys_and_bad_values_exit_2_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), BAD).unwrap();
    fs::write(dir.path().join("decalque.toml"), "variant = \"fr-FR\"\nfail_on = \"error\"\n").unwrap();
    decalque(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("decalque.toml:2: unknown field `fail_on`"));
    fs::write(dir.path().join("decalque.toml"), "\n\nvariant = \"fr-XX\"\n").unwrap();
    decalque(dir.path()).args(["check", "a.txt"]).assert().code(2).stderr(predicate::str::contains("decalque.toml:3:"));
    fs::write(dir.path().join("decalque.toml"), "[rules]\n\"calques\" = \"off\"\n").unwrap();
    decalque(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule or prefix `calques`"));
}

#[test]
fn include_and_exclude_filter_walked_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("vendor")).unwrap();
    fs::write(dir.path().join("a.md"), BAD).unwrap();
    fs::write(dir.path().join("b.txt"), BAD).unwrap();
    fs::write(dir.path().join("vendor/c.md"), BAD).unwrap();
    fs::write(dir.path().join("decalque.toml"), "include = [\"**/*.md\"]\nexclude = [\"vendor/**\"]\n").unwrap();
    let out = decalque(dir.path()).args(["check", "--format", "json", "."]).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = json["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["a.md"]);
}

#[test]
fn preferred_spelling_is_required_even_alone() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Le convoi a quitté Kiev lundi.\n").unwrap();
    let out = decalque(dir.path()).args(["check", "--format", "json", "a.txt"]).output().unwrap();
    assert!(rules_found(&out.stdout).is_empty(), "either spelling alone is fine without a preference");
    fs::write(dir.path().join("decalque.toml"), "prefer = [\"Kyiv\"]\n").unwrap();
    let out = decalque(dir.path()).args(["check", "--format", "json", "a.txt"]).output().unwrap();
    assert_eq!(rules_found(&out.stdout), [("consistency.variant".to_owned(), "warning".to_owned())]);
}

#[test]
fn show_config_prints_the_effective_configuration() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("decalque.toml"), "variant = \"fr-CA\"\n[typography]\nstrict = true\n").unwrap();
    decalque(dir.path())
        .args(["check", "--show-config"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("variant = \"fr-CA\""))
        .stdout(predicate::str::contains("strict = true"));
}

#[test]
fn project_glossary_entries_are_used() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "L’Agence numérique nationale publie un rapport.\n").unwrap();
    fs::write(
        dir.path().join("decalque.toml"),
        "[[term]]\nfr = \"Agence nationale du numérique\"\nwrong = [\"Agence numérique nationale\"]\n",
    )
    .unwrap();
    let out = decalque(dir.path()).args(["check", "--format", "json", "a.txt"]).output().unwrap();
    assert_eq!(rules_found(&out.stdout), [("terminology.wrong-name".to_owned(), "warning".to_owned())]);
}
