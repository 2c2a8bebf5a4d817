//! Input formats on the realistic files of `fixtures/formats/`: a snapshot of each file's
//! findings, and every span's `text` equal to the bytes of the file it points into.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn decalque() -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `check --format json` with `args`; the parsed report.
fn check_json(args: &[&str]) -> Value {
    let out = decalque().args(["check", "--format", "json"]).args(args).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// One line per finding, `line:column rule «text»`, after checking that each finding's
/// span holds exactly its `text` in the file.
fn findings(report: &Value) -> String {
    let mut out = String::new();
    for file in report["files"].as_array().unwrap() {
        let path = file["path"].as_str().unwrap();
        let bytes = fs::read(path).unwrap();
        for d in file["diagnostics"].as_array().unwrap() {
            let (s, e) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
            let text = d["text"].as_str().unwrap();
            assert_eq!(String::from_utf8_lossy(&bytes[s..e]), text, "{path}: span {s}..{e} of {}", d["rule"]);
            writeln!(
                out,
                "{}:{} {} [{}] «{}»",
                d["start"]["line"],
                d["start"]["column"],
                d["rule"].as_str().unwrap(),
                d["category"].as_str().unwrap(),
                text.replace('\n', "⏎").replace('\r', "")
            )
            .unwrap();
        }
    }
    out
}

#[test]
fn each_format_matches_its_snapshot_and_spans_are_file_bytes() {
    let dir = Path::new("fixtures/formats");
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for name in names.iter().filter(|n| !n.ends_with(".en.txt")) {
        let path = format!("fixtures/formats/{name}");
        let mut args = vec![path.as_str(), "--id-field", "id", "--source-field", "source"];
        let source = path.replace(".fr.txt", ".en.txt");
        if name.ends_with(".fr.txt") {
            args.extend(["--source", source.as_str()]);
        }
        let report = check_json(&args);
        insta::assert_snapshot!(format!("formats__{name}"), findings(&report));
    }
}

#[test]
fn po_pairing_english_sources_with_the_seed_reports_numbers_acronyms_and_untranslated() {
    let report = check_json(&["fixtures/formats/seed-pairs.po"]);
    let found: Vec<(String, String, u64)> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["category"].as_str().unwrap().to_owned(),
                d["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let has = |rule: &str, category: &str, line: u64| {
        assert!(
            found.iter().any(|(r, c, l)| r == rule && c == category && *l == line),
            "missing {rule} [{category}] on line {line}: {found:?}"
        );
    };
    // « 1,5 euros » for « 1,500 euros ».
    has("bilingual.number-mismatch", "locale", 29);
    // RNC for the Conseil OTAN-Russie (English NRC in the source).
    has("acronym.expansion-mismatch", "acronym", 23);
    // The untranslated entry.
    has("bilingual.untranslated", "untranslated", 33);
    // The fuzzy entry (line 49) and the obsolete one are not checked.
    assert!(found.iter().all(|(_, _, l)| *l < 47), "{found:?}");
}

#[test]
fn fuzzy_entries_are_checked_on_request() {
    let report = check_json(&["fixtures/formats/seed-pairs.po", "--include-fuzzy", "--select", "calque.prendre-place"]);
    let lines: Vec<u64> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [49]);
}

#[test]
fn input_format_overrides_the_extension() {
    // A PO file read as text: its msgid lines are prose too, so the English is reported.
    let as_text = check_json(&["fixtures/formats/seed-pairs.po", "--input-format", "text", "--select", "untranslated"]);
    let as_po = check_json(&["fixtures/formats/seed-pairs.po", "--select", "untranslated"]);
    let count = |r: &Value| r["files"][0]["diagnostics"].as_array().map_or(0, Vec::len);
    assert!(count(&as_text) > count(&as_po), "{} vs {}", count(&as_text), count(&as_po));
}

#[test]
fn a_malformed_po_file_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.po"), "msgid \"a\"\nmsgstr \"b\n").unwrap();
    fs::write(dir.path().join("good.po"), "msgid \"a\"\nmsgstr \"La réunion prendra place à Genève.\"\n").unwrap();
    let out = decalque().current_dir(dir.path()).args(["check", "bad.po", "good.po"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.po:2:1: not valid po"), "{stderr}");
    // The other file is still checked.
    assert!(String::from_utf8_lossy(&out.stdout).contains("calque.prendre-place"));
}

#[test]
fn fix_writes_replacements_escaped_for_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let po = "msgid \"He said \\\"yes\\\", then no!\"\nmsgstr \"Il a dit \\\"oui\\\", puis non!\"\n";
    fs::write(dir.path().join("fr.po"), po).unwrap();
    decalque().current_dir(dir.path()).args(["fix", "fr.po"]).assert().code(0);
    let fixed = fs::read_to_string(dir.path().join("fr.po")).unwrap();
    assert_ne!(fixed, po, "a safe fix was applied");
    assert!(
        fixed.starts_with("msgid \"He said \\\"yes\\\", then no!\"\nmsgstr \"Il a dit \\\"oui\\\", puis non"),
        "{fixed}"
    );
    assert!(fixed.ends_with("!\"\n") && !fixed.ends_with("non!\"\n"), "{fixed}");
    // Still a valid PO file, and checking it again finds nothing safe to fix.
    decalque().current_dir(dir.path()).args(["check", "fr.po", "--fail-on", "never"]).assert().code(0);
    let again = fs::read_to_string(dir.path().join("fr.po")).unwrap();
    decalque().current_dir(dir.path()).args(["fix", "fr.po"]).assert().code(0);
    assert_eq!(fs::read_to_string(dir.path().join("fr.po")).unwrap(), again);
}
