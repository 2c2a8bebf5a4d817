//! `docs/rules.md` is generated from the registry; this test fails when it is stale.
//! Regenerate with `DECALQUE_UPDATE_DOCS=1 cargo test --test rule_docs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;

use decalque::Registry;
use decalque::rules::Expect;

fn render() -> String {
    let registry = Registry::builtin().unwrap();
    let mut out = String::new();
    writeln!(out, "# Rules\n").unwrap();
    writeln!(
        out,
        "Generated from the embedded packs by `DECALQUE_UPDATE_DOCS=1 cargo test --test rule_docs`; \
         `decalque explain RULE` prints any rule in full.\n"
    )
    .unwrap();
    writeln!(out, "{} rules.\n", registry.rules().len()).unwrap();
    writeln!(out, "| rule | severity | category | fix | what it flags | example |").unwrap();
    writeln!(out, "|---|---|---|---|---|---|").unwrap();
    for meta in registry.rules() {
        let example = meta
            .examples
            .iter()
            .find(|e| matches!(e.expect, Expect::Bad { .. }))
            .map(|e| e.marked())
            .unwrap_or_default();
        let fix = match meta.fix {
            decalque::Applicability::Safe => "safe",
            decalque::Applicability::Unsafe => "suggested",
            decalque::Applicability::DisplayOnly => "shown",
        };
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            meta.id,
            meta.severity,
            meta.category,
            fix,
            cell(&meta.summary),
            cell(&example)
        )
        .unwrap();
    }
    out
}

#[test]
fn rules_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let fresh = render();
    if std::env::var_os("DECALQUE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/rules.md is stale: run `DECALQUE_UPDATE_DOCS=1 cargo test --test rule_docs` and commit it"
    );
}
