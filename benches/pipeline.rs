//! Criterion benchmarks: loading the embedded rules, the whole pipeline, and each rule kind.
//!
//! `cargo bench --bench pipeline` (add `-- kind/` to run one group). The text is the seed
//! fixture, plus `corpus/man` when `scripts/noise.sh` or `scripts/bench.sh` has built it.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use decalque::{Document, Linter, Registry, RuleSelector, Selection};

const SEED: &str = include_str!("../fixtures/seed/rnc-bruxelles.txt");

/// Up to `limit` bytes of real French: the manual pages when rendered, else the seed repeated.
fn corpus_text(limit: usize) -> String {
    let mut text = String::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/man");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if text.len() >= limit {
                break;
            }
            if let Ok(page) = std::fs::read_to_string(&path) {
                text.push_str(&page);
                text.push('\n');
            }
        }
    }
    while text.len() < limit {
        text.push_str(SEED);
        text.push('\n');
    }
    text
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("builtin_registry", |b| b.iter(|| Registry::builtin().unwrap()));
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let registry = Arc::new(Registry::builtin().unwrap());
    let linter = Linter::new(registry.clone(), Selection::all(&registry));
    let mut group = c.benchmark_group("pipeline");
    for (name, text) in [("seed", SEED.to_owned()), ("corpus_256k", corpus_text(256 * 1024))] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        // Decoding, normalization and segmentation are part of the pipeline.
        group.bench_function(format!("{name}/decode+check"), |b| {
            b.iter(|| linter.check_document(&Document::from_str("bench.txt", &text)))
        });
        let document = Document::from_str("bench.txt", &text);
        group.bench_function(format!("{name}/check"), |b| b.iter(|| linter.check_document(&document)));
    }
    group.finish();
}

fn per_kind(c: &mut Criterion) {
    let registry = Arc::new(Registry::builtin().unwrap());
    let text = corpus_text(64 * 1024);
    let document = Document::from_str("bench.txt", &text);
    let mut kinds: Vec<&str> = registry.rules().iter().map(|m| m.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut group = c.benchmark_group("kind");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for kind in kinds {
        let ids: Vec<RuleSelector> =
            registry.rules().iter().filter(|m| m.kind == kind).map(|m| RuleSelector::new(m.id.as_str())).collect();
        let selection = Selection::from_selectors(&registry, &ids, &[]).unwrap();
        let linter = Linter::new(registry.clone(), selection);
        group.bench_function(kind, |b| b.iter(|| linter.check_document(&document)));
    }
    group.finish();
}

fn per_family(c: &mut Criterion) {
    let registry = Arc::new(Registry::builtin().unwrap());
    let text = corpus_text(64 * 1024);
    let mut group = c.benchmark_group("family");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for family in ["calque", "anglicism", "false-friend", "typography", "unicode"] {
        let Ok(selection) = Selection::from_selectors(&registry, &[RuleSelector::new(family)], &[]) else {
            continue;
        };
        let linter = Linter::new(registry.clone(), selection);
        group.bench_function(family, |b| {
            b.iter_batched(
                || Document::from_str("bench.txt", &text),
                |doc| linter.check_document(&doc),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, load, pipeline, per_kind, per_family);
criterion_main!(benches);
