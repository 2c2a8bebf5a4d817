//! JSON Lines input: `--format records` (one output line per input line, in order, exit 0)
//! and `check` on a `.jsonl` file (findings located in the file).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;

use assert_cmd::Command;
use serde_json::Value;

fn decalque() -> Command {
    let mut cmd = Command::cargo_bin("decalque").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Record `i`: every third has a calque, every fifth holds newlines, the rest are clean.
fn record(i: usize) -> (String, bool) {
    let bad = i % 3 == 0;
    let body = if bad { "La réunion prendra place à Genève." } else { "Les passagers ont pris place à bord." };
    let text = if i % 5 == 0 { format!("Titre {i}\n\n{body}\nFin.") } else { format!("{body} ({i})") };
    (serde_json::json!({ "id": format!("r{i}"), "text": text }).to_string(), bad)
}

#[test]
fn records_mode_writes_one_line_per_record_in_order() {
    let n = 10_000;
    let mut input = String::new();
    for i in 0..n {
        writeln!(input, "{}", record(i).0).unwrap();
    }
    let out = decalque()
        .args(["check", "--format", "records", "--id-field", "id", "--jobs", "2", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), n);
    for (i, line) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["line"], i + 1);
        assert_eq!(v["id"], format!("r{i}"));
        let rules: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
        if record(i).1 {
            assert_eq!(rules, ["calque.prendre-place"], "record {i}");
            let finding = &v["findings"][0];
            assert_eq!(finding["text"], "prendra place");
            // The range is in characters of the text field.
            let text: Vec<char> =
                serde_json::from_str::<Value>(&record(i).0).unwrap()["text"].as_str().unwrap().chars().collect();
            let (s, e) = (finding["text_range"][0].as_u64().unwrap(), finding["text_range"][1].as_u64().unwrap());
            assert_eq!(text[s as usize..e as usize].iter().collect::<String>(), "prendra place");
        } else {
            assert!(rules.is_empty(), "record {i}: {rules:?}");
        }
    }
}

#[test]
fn records_mode_reports_bad_lines_in_place_and_still_exits_0() {
    let input =
        "{\"id\": 1, \"text\": \"Bonjour.\"}\nnot json\n\n{\"id\": 2}\n{\"id\": 3, \"text\": \"Il a pris place.\"}\n";
    let out =
        decalque().args(["check", "--format", "records", "--id-field", "id", "-"]).write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "1");
    assert!(lines[1]["error"].is_string());
    assert!(lines[2]["error"].is_string());
    assert!(lines[3]["error"].as_str().unwrap().contains("text"), "{}", lines[3]);
    assert_eq!(lines[4]["findings"], Value::Array(vec![]));
}

#[test]
fn check_locates_record_findings_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let line3 = "{\"id\": \"c\", \"text\": \"Il a dit \\\"oui\\\" : la réunion prendra place à Genève.\"}";
    let content = format!(
        "{{\"id\": \"a\", \"text\": \"Bonjour.\"}}\r\n{{\"id\": \"b\", \"text\": \"Rien à signaler.\"}}\r\n{line3}\r\n"
    );
    std::fs::write(dir.path().join("corpus.jsonl"), &content).unwrap();
    let out = decalque()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--select", "calque", "corpus.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "only the record with a finding is listed");
    let d = &files[0]["diagnostics"][0];
    assert_eq!(d["rule"], "calque.prendre-place");
    assert_eq!(d["start"]["line"], 3);
    let (s, e) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
    assert_eq!(&content.as_bytes()[s..e], "prendra place".as_bytes());
    assert_eq!(d["text"], "prendra place");
    assert_eq!(json["summary"]["files"], 1);
}
