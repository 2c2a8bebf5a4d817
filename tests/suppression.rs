//! Suppression comments in the file and baselines: each test would fail if they were ignored.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn decalque() -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `check --format json` on `path` in `dir`: exit code, (rule, line) of each finding, stderr.
fn check(dir: &Path, args: &[&str]) -> (i32, Vec<(String, u64)>, String) {
    let out = decalque().current_dir(dir).args(["check", "--format", "json"]).args(args).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
        .map(|d| (d["rule"].as_str().unwrap().to_owned(), d["start"]["line"].as_u64().unwrap()))
        .collect();
    (out.status.code().unwrap(), found, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn rules_of(found: &[(String, u64)]) -> Vec<(&str, u64)> {
    found.iter().map(|(r, l)| (r.as_str(), *l)).collect()
}

#[test]
fn markdown_comments_disable_enable_and_next_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\
# Rapport

<!-- decalque-disable calque.prendre-place -- cité tel quel -->
La réunion prendra place à Genève.
<!-- decalque-enable -->

La réunion prendra place à Genève.

<!-- decalque-disable-next-line calque -->
La séance prendra place à Paris.
La séance prendra place à Lyon.

<!-- decalque-disable -->
Le sommet prendra place à Rome.
";
    fs::write(dir.path().join("a.md"), text).unwrap();
    let (code, found, _) = check(dir.path(), &["a.md"]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&found), vec![("calque.prendre-place", 7), ("calque.prendre-place", 11)]);

    // The same text without the comments reports all five.
    let bare: String = text.lines().filter(|l| !l.starts_with("<!--")).map(|l| format!("{l}\n")).collect();
    fs::write(dir.path().join("b.md"), bare).unwrap();
    let (_, found, _) = check(dir.path(), &["b.md"]);
    assert_eq!(found.len(), 5);
}

#[test]
fn a_disable_naming_one_rule_leaves_the_others() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.md"),
        "<!-- decalque-disable typography -->\nLa réunion prendra place à Genève , demain.\n",
    )
    .unwrap();
    let (_, found, _) = check(dir.path(), &["a.md"]);
    assert_eq!(rules_of(&found), vec![("calque.prendre-place", 2)]);
}

#[test]
fn unknown_rules_in_suppression_comments_are_errors_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), "Titre\n\n<!-- decalque-disable calque.nexiste-pas -->\nTexte.\n").unwrap();
    let (code, _, stderr) = check(dir.path(), &["a.md"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("a.md:3:1: unknown rule `calque.nexiste-pas` in a suppression comment"), "{stderr}");
}

#[test]
fn po_translator_comments_silence_their_entry_only() {
    let dir = tempfile::tempdir().unwrap();
    let po = "\
msgid \"\"
msgstr \"\"
\"Content-Type: text/plain; charset=UTF-8\\n\"

# decalque-disable calque.prendre-place
msgid \"The meeting will take place in Geneva.\"
msgstr \"La réunion prendra place à Genève.\"

msgid \"The summit will take place in Rome.\"
msgstr \"Le sommet prendra place à Rome.\"
";
    fs::write(dir.path().join("fr.po"), po).unwrap();
    let (_, found, _) = check(dir.path(), &["fr.po", "--select", "calque"]);
    assert_eq!(rules_of(&found), vec![("calque.prendre-place", 10)]);
}

#[test]
fn baseline_reports_only_new_findings_even_when_lines_move() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    fs::write(&path, "La réunion prendra place à Genève.\n\nIl faut réaliser que c’est important.\n").unwrap();
    let (code, before, _) = check(dir.path(), &["a.txt", "--write-baseline", "base.json"]);
    assert_eq!(code, 0, "writing a baseline accepts the findings");
    assert_eq!(before.len(), 2);
    let baseline: Value = serde_json::from_str(&fs::read_to_string(dir.path().join("base.json")).unwrap()).unwrap();
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 2);

    // Lines inserted above, one new finding: only it is reported.
    fs::write(
        &path,
        "Introduction.\n\nLa conférence prendra place à Lyon.\n\nLa réunion prendra place à Genève.\n\nIl faut réaliser que c’est important.\n",
    )
    .unwrap();
    let (code, after, _) = check(dir.path(), &["a.txt", "--baseline", "base.json"]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&after), vec![("calque.prendre-place", 3)]);

    // Without the baseline, all three.
    let (_, all, _) = check(dir.path(), &["a.txt"]);
    assert_eq!(all.len(), 3);
}

#[test]
fn a_malformed_baseline_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Bonjour.\n").unwrap();
    fs::write(dir.path().join("base.json"), "{\"version\": 1, \"findings\": [{\"path\": 3}]}").unwrap();
    let out = decalque().current_dir(dir.path()).args(["check", "a.txt", "--baseline", "base.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("base.json: finding 1 has no string `path`"));
}
