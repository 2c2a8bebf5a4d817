//! The command line: exit codes, standard input, folders, formats, errors naming files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn decalque() -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

const BAD: &str = "La réunion prendra place à Genève.";

#[test]
fn stdin_with_a_finding_exits_1_and_names_the_phrase() {
    decalque()
        .args(["check", "-"])
        .write_stdin(BAD)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("calque.prendre-place"))
        .stdout(predicate::str::contains("prendra place"))
        .stdout(predicate::str::contains("« aura lieu »"));
}

#[test]
fn clean_text_exits_0() {
    decalque()
        .args(["check", "-"])
        .write_stdin("Les passagers ont pris place à bord.")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file"));
}

#[test]
fn fail_on_controls_the_exit_code() {
    decalque().args(["check", "--fail-on", "never", "-"]).write_stdin(BAD).assert().code(0);
    decalque().args(["check", "--fail-on", "error", "-"]).write_stdin(BAD).assert().code(0);
    decalque().args(["check", "--fail-on", "info", "-"]).write_stdin(BAD).assert().code(1);
}

#[test]
fn stdin_filename_names_the_input() {
    let out = decalque()
        .args(["check", "--format", "json", "--stdin-filename", "article.txt", "-"])
        .write_stdin(BAD)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["files"][0]["path"], "article.txt");
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "calque.prendre-place");
    assert_eq!(d["text"], "prendra place");
    assert_eq!(d["span"]["start"], 12);
    assert_eq!(d["span"]["end"], 25);
    assert_eq!(d["start"]["column"], 12);
    assert_eq!(d["suggestions"][0]["replacement"], "aura lieu");
    assert_eq!(d["fix_safe"], false);
}

#[test]
fn select_and_ignore_filter_rules() {
    decalque().args(["check", "--ignore", "calque", "-"]).write_stdin(BAD).assert().code(0);
    decalque().args(["check", "--select", "anglicism", "-"]).write_stdin(BAD).assert().code(0);
    decalque().args(["check", "--select", "calque.prendre-place", "-"]).write_stdin(BAD).assert().code(1);
    decalque()
        .args(["check", "--select", "nonexistent", "-"])
        .write_stdin(BAD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule or prefix `nonexistent`"));
}

#[test]
fn min_severity_hides_lower_findings() {
    decalque()
        .args(["check", "--min-severity", "error", "--format", "jsonl", "-"])
        .write_stdin(BAD)
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn missing_file_exits_2_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    fs::write(&good, BAD).unwrap();
    let missing = dir.path().join("absent.txt");
    decalque()
        .arg("check")
        .arg(&missing)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("absent.txt"))
        .stdout(predicate::str::contains("calque.prendre-place"));
}

#[test]
fn malformed_pack_exits_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("house.toml"),
        "[[rule]]\nid = \"house.x\"\nseverity = \"warning\"\ncategory = \"calque\"\nmessage = \"m\"\npatterns = [\"(\"]\nbad = [\"⟦x⟧\"]\ngood = [\"y\"]\n",
    )
    .unwrap();
    decalque()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg("-")
        .write_stdin(BAD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("house.toml:1: rule `house.x`: invalid pattern"));
    fs::write(dir.path().join("house.toml"), "[[rule]]\nid = \"house.x\"\nseverity = \n").unwrap();
    decalque()
        .args(["check", "--rules"])
        .arg(dir.path())
        .arg("-")
        .write_stdin(BAD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("house.toml:3:"));
}

#[test]
fn extra_rule_folder_adds_rules() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("house.toml"),
        r#"[[rule]]
id = "house.synergie"
severity = "warning"
category = "anglicism"
message = "Jargon : écrivez « coopération »."
patterns = ["synergies?"]
replacements = ["coopération"]
bad = ["Une ⟦synergie⟧ forte."]
good = ["Une coopération forte."]
"#,
    )
    .unwrap();
    decalque()
        .args(["check", "--format", "jsonl", "--rules"])
        .arg(dir.path())
        .arg("-")
        .write_stdin("Des synergies.")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(r#""rule":"house.synergie""#));
}

#[test]
fn folders_are_walked_and_gitignore_respected() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/b.txt"), BAD).unwrap();
    fs::write(dir.path().join("a.md"), BAD).unwrap();
    fs::write(dir.path().join("skip.txt"), BAD).unwrap();
    fs::write(dir.path().join("image.png"), [0u8, 1, 2]).unwrap();
    fs::write(dir.path().join(".gitignore"), "skip.txt\n").unwrap();
    let out = decalque().current_dir(dir.path()).args(["check", "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = json["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["a.md", "sub/b.txt"]);
}

#[test]
fn binary_file_is_skipped_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("data.txt");
    fs::write(&bin, b"abc\0def").unwrap();
    decalque()
        .arg("check")
        .arg(&bin)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("data.txt: skipped: binary file"));
}

#[test]
fn jsonl_writes_one_object_per_line_with_its_path() {
    let out = decalque()
        .args(["check", "--format", "jsonl", "--stdin-filename", "x.txt", "-"])
        .write_stdin(format!("{BAD}\n{BAD}"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["path"], "x.txt");
    assert_eq!(lines[1]["start"]["line"], 2);
}

#[test]
fn output_option_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    decalque()
        .args(["check", "--format", "json", "--output"])
        .arg(&report)
        .arg("-")
        .write_stdin(BAD)
        .assert()
        .code(1)
        .stdout("");
    let json: Value = serde_json::from_str(&fs::read_to_string(report).unwrap()).unwrap();
    assert_eq!(json["summary"]["diagnostics"], 1);
}

#[test]
fn rules_lists_every_rule_as_json() {
    let out = decalque().args(["rules", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 40, "only {} rules", rules.len());
    let rule = rules.iter().find(|r| r["id"] == "calque.prendre-place").unwrap();
    assert_eq!(rule["category"], "calque");
    assert!(rule["examples"].as_array().unwrap().len() >= 2);
}

#[test]
fn explain_prints_documentation_and_examples() {
    decalque()
        .args(["explain", "calque.prendre-place"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Exemples"))
        .stdout(predicate::str::contains("✗"))
        .stdout(predicate::str::contains("⟦"))
        .stdout(predicate::str::contains("✓"));
    decalque().args(["explain", "calque.inconnu"]).assert().code(2).stderr(predicate::str::contains("unknown rule"));
}

#[test]
fn legacy_encoding_is_checked_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    fs::write(&path, b"La r\xe9union prendra place \xe0 Gen\xe8ve.").unwrap();
    let out = decalque().args(["check", "--format", "json"]).arg(&path).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules: Vec<&str> =
        json["files"][0]["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["unicode.legacy-encoding", "calque.prendre-place"]);
    assert_eq!(json["files"][0]["diagnostics"][0]["span"], serde_json::json!({"start": 4, "end": 5}));
    assert_eq!(json["files"][0]["diagnostics"][1]["span"], serde_json::json!({"start": 11, "end": 24}));
}

#[test]
fn undecodable_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("junk.txt");
    fs::write(&path, b"abc \x81\x8d\x01 def").unwrap();
    decalque().arg("check").arg(&path).assert().code(2).stderr(predicate::str::contains("junk.txt"));
}

#[test]
fn output_is_identical_whatever_the_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        fs::write(dir.path().join(format!("f{i:02}.txt")), format!("{BAD}\nLe RNC et le Conseil Russie-OTAN.\n"))
            .unwrap();
    }
    // A file over 1 KB: its rule kinds run in parallel when there are threads.
    let seed = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed/rnc-bruxelles.txt")).unwrap();
    assert!(seed.len() > 2048);
    fs::write(dir.path().join("seed.txt"), seed).unwrap();
    let run = |jobs: &str| {
        decalque()
            .current_dir(dir.path())
            .args(["check", "--format", "json", "--jobs", jobs, "."])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
}

#[test]
fn explain_shows_the_source_of_bilingual_examples() {
    decalque()
        .args(["explain", "bilingual.number-mismatch"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("  source : The route is"))
        .stdout(predicate::str::contains("⟦1,5⟧"));
    let out = decalque().args(["rules", "--format", "json"]).output().unwrap();
    let rules: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rule = rules.as_array().unwrap().iter().find(|r| r["id"] == "bilingual.number-mismatch").unwrap();
    assert!(rule["examples"][0]["source"].is_string(), "{}", rule["examples"][0]);
}
