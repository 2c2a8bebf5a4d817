//! Snapshots of the human and JSON reports of every fixture, and the span contract on them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use decalque::report::{self, Format, Summary};
use decalque::{Linter, Registry, Selection, Source};

fn fixtures() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            // fixtures/formats has its own test (tests/formats.rs), with sources and formats.
            if path.is_dir() && !path.ends_with("formats") {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new("fixtures"), &mut out);
    out
}

fn render(format: Format, path: &Path) -> String {
    let registry = Arc::new(Registry::builtin().unwrap());
    let linter = Linter::new(registry.clone(), Selection::all(&registry));
    let name = path.to_string_lossy().replace('\\', "/");
    let report = linter.check_source(Source { name, bytes: std::fs::read(path).unwrap() }).unwrap();
    let mut reporter = report::reporter(format, false, registry.rules());
    let mut summary = Summary::default();
    summary.add(&report);
    let mut out = Vec::new();
    reporter.file(&mut out, &report).unwrap();
    reporter.finish(&mut out, &summary).unwrap();
    String::from_utf8(out).unwrap()
}

fn snapshot_name(path: &Path, suffix: &str) -> String {
    let stem = path.strip_prefix("fixtures").unwrap().with_extension("");
    format!("{}.{suffix}", stem.to_string_lossy().replace(['/', '\\'], "__"))
}

#[test]
fn human_reports_match_their_snapshots() {
    for path in fixtures() {
        insta::assert_snapshot!(snapshot_name(&path, "human"), render(Format::Human, &path));
    }
}

#[test]
fn json_reports_match_their_snapshots() {
    for path in fixtures() {
        insta::assert_snapshot!(snapshot_name(&path, "json"), render(Format::Json, &path));
    }
}

#[test]
fn every_json_text_is_the_bytes_at_its_span() {
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &path)).unwrap();
        for d in json["files"][0]["diagnostics"].as_array().unwrap() {
            let (start, end) =
                (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
            assert!(start <= end && end <= bytes.len(), "{}: span out of bounds: {d}", path.display());
            let text = std::str::from_utf8(&bytes[start..end]).expect("span on UTF-8 boundaries");
            assert_eq!(d["text"].as_str().unwrap(), text, "{}", path.display());
            assert_eq!(
                d["start"]["line"].as_u64().unwrap() as usize,
                bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1
            );
        }
    }
}
