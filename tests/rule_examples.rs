//! The one test that runs every rule alone on every example it declares, through the full
//! pipeline, and reports every failure at once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use decalque::fix::apply_edits;
use decalque::rules::pack::{parse_embedded, parse_pack};
use decalque::rules::{Example, ExampleEncoding, Expect, RuleMeta, builtin};
use decalque::{Applicability, Document, Linter, Registry, Selection, Source};

fn registry() -> Arc<Registry> {
    Arc::new(Registry::builtin().expect("embedded packs load"))
}

/// The example's bytes as stored, and its expected spans in those bytes.
fn stored(example: &Example, spans: &[Range<usize>]) -> (Vec<u8>, Vec<Range<usize>>) {
    match example.encoding {
        ExampleEncoding::Utf8 => (example.text.as_bytes().to_vec(), spans.to_vec()),
        ExampleEncoding::Windows1252 => {
            // One byte per character in Windows-1252.
            let chars = |b: usize| example.text[..b].chars().count();
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&example.text);
            (bytes.into_owned(), spans.iter().map(|r| chars(r.start)..chars(r.end)).collect())
        }
    }
}

/// The example text as a document; with a source, one translation unit pairing the whole text
/// with it (as `--source` does for a one-paragraph file).
fn document(name: &str, text: &str, source: Option<&str>) -> Document {
    let mut doc = Document::from_str(name, text);
    if let Some(source) = source {
        let segments = doc.segments().len();
        doc.set_sources(vec![(0..segments, source.to_owned())]);
    }
    doc
}

fn check_example(registry: &Arc<Registry>, meta: &RuleMeta, n: usize, example: &Example) -> Vec<String> {
    let mut failures = Vec::new();
    let index = registry.index_of(meta.id.as_str()).expect("rule is registered");
    let linter = Linter::new(registry.clone(), Selection::only(registry, index));
    let expected_spans = match &example.expect {
        Expect::Bad { spans, .. } => spans.clone(),
        Expect::Good => Vec::new(),
    };
    let (bytes, expected_spans) = stored(example, &expected_spans);
    let (checked, diagnostics) = match &example.source {
        Some(source) => {
            let checked = document("example", &example.text, Some(source));
            let diagnostics = linter.check_document(&checked);
            (checked, diagnostics)
        }
        None => match linter.check_source(Source { name: "example".into(), bytes }) {
            Ok(report) => (report.document, report.diagnostics),
            Err(e) => return vec![format!("{} · example {n} · cannot be read: {e}", meta.id)],
        },
    };
    let got: Vec<Range<usize>> = diagnostics.iter().map(|d| d.span.range()).collect();
    let shown = example.marked();
    if got != expected_spans {
        let texts: Vec<String> = diagnostics.iter().map(|d| format!("{:?}", checked.original_text(d.span))).collect();
        failures.push(format!(
            "{} · example {n} · {shown:?}\n    expected spans {expected_spans:?}, got {got:?} {texts:?}",
            meta.id
        ));
    }
    for d in &diagnostics {
        if d.message.trim().is_empty() {
            failures.push(format!("{} · example {n} · empty message", meta.id));
        }
        if meta.fix == Applicability::Safe {
            for s in &d.suggestions {
                if !d.span.contains(s.edit.span) {
                    failures.push(format!("{} · example {n} · safe fix reaches outside its span", meta.id));
                }
            }
        }
    }
    if let Expect::Bad { fixed: Some(fixed), .. } = &example.expect {
        let edits: Vec<_> = diagnostics.iter().filter_map(|d| d.suggestions.first()).map(|s| s.edit.clone()).collect();
        match apply_edits(&example.text, &edits) {
            Ok(result) if &result == fixed => {
                let again = linter.check_document(&document("fixed", &result, example.source.as_deref()));
                if !again.is_empty() {
                    failures.push(format!("{} · example {n} · still fires after the fix: {result:?}", meta.id));
                }
            }
            Ok(result) => failures
                .push(format!("{} · example {n} · {shown:?}\n    expected fixed {fixed:?}, got {result:?}", meta.id)),
            Err(e) => failures.push(format!("{} · example {n} · fix cannot be applied: {e}", meta.id)),
        }
    }
    failures
}

#[test]
fn every_rule_example_behaves() {
    let registry = registry();
    let mut failures = Vec::new();
    let mut count = 0;
    for meta in registry.rules() {
        for (n, example) in meta.examples.iter().enumerate() {
            count += 1;
            failures.extend(check_example(&registry, meta, n + 1, example));
        }
    }
    assert!(count > 0, "no examples ran");
    assert!(failures.is_empty(), "{} of {count} examples failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_rule_has_bad_and_good_examples() {
    let registry = registry();
    let mut missing = Vec::new();
    for meta in registry.rules() {
        let bad = meta.examples.iter().filter(|e| matches!(e.expect, Expect::Bad { .. })).count();
        let good = meta.examples.len() - bad;
        if bad == 0 || good == 0 {
            missing.push(format!("{} ({bad} bad, {good} good)", meta.id));
        }
        assert!(!meta.summary.trim().is_empty(), "{} has no summary", meta.id);
    }
    assert!(missing.is_empty(), "rules without both kinds of example:\n{}", missing.join("\n"));
}

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let registry = registry();
    let mut seen = HashSet::new();
    for meta in registry.rules() {
        assert!(seen.insert(meta.id.as_str()), "duplicate id {}", meta.id);
        assert!(decalque::RuleId::is_valid(meta.id.as_str()), "bad id {}", meta.id);
    }
}

#[test]
fn every_pack_file_is_embedded_as_json_with_the_same_contents() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .map(|name| format!("rules/{name}"))
        .collect();
    on_disk.sort();
    let embedded: Vec<String> = builtin::PACKS.iter().map(|pack| pack.name.to_owned()).collect();
    assert_eq!(on_disk, embedded, "build.rs embeds every rules/*.toml");
    for pack in builtin::PACKS {
        assert!(matches!(pack.source, builtin::PackSource::Json(_)), "{} did not convert", pack.name);
        let text = std::fs::read_to_string(dir.join(pack.name.trim_start_matches("rules/"))).unwrap();
        let from_toml = parse_pack(pack.name, &text).unwrap().trusted();
        let from_json = parse_embedded(pack).unwrap();
        assert_eq!(format!("{from_json:?}"), format!("{from_toml:?}"), "{}", pack.name);
    }
}

#[test]
fn every_code_check_has_an_entry() {
    assert_eq!(registry().unbound_checks(), Vec::<String>::new());
}

#[test]
fn every_embedded_pattern_compiles() {
    // Embedded patterns compile lazily at run time; this compiles them all once.
    assert_eq!(registry().verify(), Vec::<String>::new());
}
