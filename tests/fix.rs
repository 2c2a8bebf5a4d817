//! `decalque fix`: atomic writes, bytes kept outside the edits, idempotence, `--diff`,
//! standard input, refusal of non-UTF-8 files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn decalque() -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// BOM, CRLF, a zero-width space, a decomposed accent, a Cyrillic « о » in a Latin word,
/// and mojibake (whose fix is unsafe, so it stays).
const DAMAGED: &[u8] = b"\xef\xbb\xbfLe tab\xe2\x80\x8bleau est pr\xc3\xaat.\r\n\r\nIl est de\xcc\x81j\xc3\xa0 parti \xc3\xa0 M\xd0\xbescou.\r\nLe caf\xc3\x83\xc2\xa9 est froid.\r\n";

/// What a correct fix of `DAMAGED` gives: only the three safe edits, nothing else touched.
const FIXED: &[u8] = b"\xef\xbb\xbfLe tableau est pr\xc3\xaat.\r\n\r\nIl est d\xc3\xa9j\xc3\xa0 parti \xc3\xa0 Moscou.\r\nLe caf\xc3\x83\xc2\xa9 est froid.\r\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn fixes_in_place_keeping_bom_crlf_and_untouched_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", DAMAGED);
    decalque()
        .args(["fix", "--select", "unicode"])
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed 3 problems in 1 file"));
    assert_eq!(fs::read(&path).unwrap(), FIXED);
}

#[cfg(unix)]
#[test]
fn atomic_write_keeps_permissions_and_leaves_no_temporary_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", DAMAGED);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    decalque().args(["fix", "--select", "unicode"]).arg(&path).assert().code(0);
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    let names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["a.txt"]);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "real.txt", DAMAGED);
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    decalque().args(["fix", "--select", "unicode"]).arg(&link).assert().code(0);
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(&target).unwrap(), FIXED);
}

#[test]
fn second_run_changes_nothing_and_check_finds_no_safe_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", DAMAGED);
    decalque().args(["fix"]).arg(&path).assert().code(0);
    let once = fs::read(&path).unwrap();
    decalque()
        .args(["fix"])
        .arg(&path)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed 0 problems in 0 files"));
    assert_eq!(fs::read(&path).unwrap(), once);
    let out = decalque().args(["check", "--format", "json", "--fail-on", "never"]).arg(&path).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    let safe: Vec<&Value> = diagnostics.iter().filter(|d| d["fix_safe"] == true).collect();
    assert!(safe.is_empty(), "safe fixes left after `fix`: {safe:#?}");
    // The unsafe one is still reported.
    assert!(diagnostics.iter().any(|d| d["rule"] == "unicode.mojibake"));
}

#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", DAMAGED);
    let out =
        decalque().current_dir(dir.path()).args(["fix", "--diff", "--select", "unicode", "a.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(fs::read(dir.path().join("a.txt")).unwrap(), DAMAGED);
    assert!(String::from_utf8_lossy(&out.stderr).contains("would fix 3 problems in 1 file"));
    // Invisible and carriage-return characters made visible for the snapshot.
    let shown = String::from_utf8(out.stdout)
        .unwrap()
        .replace('\u{feff}', "<BOM>")
        .replace('\u{200b}', "<ZWSP>")
        .replace('\u{301}', "<U+0301>")
        .replace('\u{43e}', "<CYR-o>")
        .replace('\r', "<CR>");
    insta::assert_snapshot!("fix_diff", shown);
}

#[test]
fn standard_input_goes_to_standard_output() {
    decalque()
        .args(["fix", "--select", "unicode", "-"])
        .write_stdin("Le tab\u{200b}leau de M\u{43e}scou.\n")
        .assert()
        .code(0)
        .stdout("Le tableau de Moscou.\n")
        .stderr(predicate::str::contains("fixed 2 problems in 1 file"));
    // Nothing to fix: the text comes back unchanged.
    decalque().args(["fix", "-"]).write_stdin("Rien à corriger.\n").assert().code(0).stdout("Rien à corriger.\n");
}

#[test]
fn selection_options_apply() {
    decalque()
        .args(["fix", "--select", "unicode", "--ignore", "unicode.invisible", "--stdin-filename", "x.txt", "-"])
        .write_stdin("Le tab\u{200b}leau de M\u{43e}scou.\n")
        .assert()
        .code(0)
        .stdout("Le tab\u{200b}leau de Moscou.\n");
    decalque().args(["fix", "--select", "nonexistent.rule", "-"]).write_stdin("x").assert().code(2);
}

#[test]
fn windows_1252_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: &[u8] = b"Le caf\xe9 est pr\xeat \xe0 M\xe9\xe9\xe9.\r\n";
    let legacy = write(dir.path(), "legacy.txt", bytes);
    let good = write(dir.path(), "good.txt", "Le tab\u{200b}leau.\n".as_bytes());
    decalque()
        .args(["fix", "--select", "unicode"])
        .arg(&legacy)
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("legacy.txt"))
        .stderr(predicate::str::contains("windows-1252, not UTF-8"))
        .stderr(predicate::str::contains("fixed 1 problem in 1 file"));
    assert_eq!(fs::read(&legacy).unwrap(), bytes);
    assert_eq!(fs::read_to_string(&good).unwrap(), "Le tableau.\n");
}

#[test]
fn refused_standard_input_passes_through_unchanged() {
    let bytes: &[u8] = b"Le caf\xe9 est pr\xeat.\n";
    decalque()
        .args(["fix", "-"])
        .write_stdin(bytes)
        .assert()
        .code(2)
        .stdout(predicate::eq(bytes))
        .stderr(predicate::str::contains("not UTF-8"));
}

#[test]
fn utf16_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Le tab\u{200b}leau.".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let path = write(dir.path(), "u16.txt", &bytes);
    decalque().args(["fix"]).arg(&path).assert().code(2).stderr(predicate::str::contains("UTF-16LE, not UTF-8"));
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn missing_file_is_an_error_but_others_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", "Le tab\u{200b}leau.\n".as_bytes());
    decalque()
        .args(["fix"])
        .arg(dir.path().join("missing.txt"))
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
    assert_eq!(fs::read_to_string(&good).unwrap(), "Le tableau.\n");
}

#[test]
fn folders_are_walked() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let a = write(dir.path(), "a.txt", "Le tab\u{200b}leau.\n".as_bytes());
    let b = write(&dir.path().join("sub"), "b.md", "Une infor\u{ad}mation.\n".as_bytes());
    decalque()
        .args(["fix", "--select", "unicode"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed 2 problems in 2 files"));
    assert_eq!(fs::read_to_string(a).unwrap(), "Le tableau.\n");
    assert_eq!(fs::read_to_string(b).unwrap(), "Une information.\n");
}

#[test]
fn the_seed_gets_only_its_safe_typographic_fixes() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/rnc-bruxelles.txt");
    let out = decalque()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["fix", "--diff", "fixtures/seed/rnc-bruxelles.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("seed_fix_diff", String::from_utf8(out.stdout).unwrap());

    // Applying them, then checking again: none of the safe-fixable findings is left.
    let dir = tempfile::tempdir().unwrap();
    let copy = write(dir.path(), "seed.txt", &fs::read(&seed).unwrap());
    decalque().arg("fix").arg(&copy).assert().code(0);
    let out = decalque().args(["check", "--format", "json"]).arg(&copy).output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap();
    assert!(diagnostics.iter().all(|d| d["fix_safe"] == false), "safe fixes left: {diagnostics:?}");
    let rules: Vec<&str> = diagnostics.iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"typography.guillemet-orientation"), "the broken quote needs a person: {rules:?}");
    assert!(!rules.contains(&"typography.trailing-nbsp"));
}
