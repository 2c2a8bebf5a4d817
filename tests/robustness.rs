//! The full rule set on generated French-looking text: no panic, and every span valid.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, OnceLock};

use decalque::{Document, Linter, Registry, Selection};
use proptest::prelude::*;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        let registry = Arc::new(Registry::builtin().unwrap());
        Linter::new(registry.clone(), Selection::all(&registry))
    })
}

/// Pieces that exercise the rules' edges: elisions, guillemets, no-break spaces, numbers,
/// acronyms, Cyrillic, decomposed accents, line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Le ",
        "la ",
        "l’",
        "l'",
        "qu' ",
        "OTAN",
        "RNC",
        "Conseil Russie-OTAN",
        " « ",
        " » ",
        "\u{a0}",
        "\u{202f}",
        " : ",
        ";",
        "!",
        "?",
        "...",
        " - ",
        "  ",
        "1,500",
        "3.5",
        "5%",
        "10:30",
        "12:30:05",
        "2ème",
        "Mr ",
        "prendra place",
        "département diplomatique",
        "Grushko",
        "Сергей",
        "e\u{301}",
        "é",
        "\r\n",
        "\n\n",
        "💶",
        "https://exemple.fr/a?b=c",
        "{0}",
        "%s",
        "`code`",
        "a",
        "é",
        "É",
        "-",
        "’",
        "\"",
        "(",
        ")",
        " ",
        "x",
    ])
    .prop_map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn every_rule_survives_any_mix(pieces in prop::collection::vec(piece(), 0..300)) {
        let text: String = pieces.concat();
        let doc = Document::from_str("p.txt", &text);
        for d in linter().check_document(&doc) {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            for s in &d.suggestions {
                prop_assert!(s.edit.span.end <= text.len() && text.is_char_boundary(s.edit.span.start));
            }
        }
    }
}
