//! Terminology, acronyms, consistency and transliteration beyond the seed: each case is a
//! general mechanism at work on entities the examples do not name.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use decalque::{Document, Linter, Registry, RuleSelector, Selection};

/// `(rule, text at span, first suggestion)` of every finding of the rules under `prefix`.
fn findings(prefix: &str, text: &str) -> Vec<(String, String, Option<String>)> {
    let registry = Arc::new(Registry::builtin().unwrap());
    let selection = Selection::from_selectors(&registry, &[RuleSelector::new(prefix)], &[]).unwrap();
    let linter = Linter::new(registry, selection);
    let doc = Document::from_str("t.txt", text);
    linter
        .check_document(&doc)
        .into_iter()
        .map(|d| {
            let written = doc.original_text(d.span).into_owned();
            (d.rule.to_string(), written, d.suggestions.first().map(|s| s.edit.replacement.clone()))
        })
        .collect()
}

fn has(found: &[(String, String, Option<String>)], rule: &str, text: &str, suggestion: &str) -> bool {
    found.iter().any(|(r, t, s)| r == rule && t == text && s.as_deref() == Some(suggestion))
}

#[test]
fn english_acronyms_left_in_french_are_reported() {
    let found = findings("acronym", "Le GDP de la France a progressé, selon l’IMF et la WHO.");
    assert!(has(&found, "acronym.english", "GDP", "PIB"), "{found:?}");
    assert!(has(&found, "acronym.english", "IMF", "FMI"), "{found:?}");
    assert!(has(&found, "acronym.english", "WHO", "OMS"), "{found:?}");
}

#[test]
fn expansion_mismatch_works_for_any_organization() {
    let cases = [
        ("La Banque eurasienne de développement prête ; la EDB double ses prêts.", "EDB", "BED"),
        ("Le Fonds européen de défense finance des drones ; le EDF dispose de huit milliards.", "EDF", "FED"),
        ("L’Agence fédérale des transports aériens a interdit les vols ; la FAVT le confirme.", "FAVT", "AFTA"),
        ("Le Conseil Russie-OTAN s’est réuni ; le RNC ne s’était pas réuni depuis 2019.", "RNC", "COR"),
    ];
    for (text, acronym, suggestion) in cases {
        let found = findings("acronym.expansion-mismatch", text);
        assert!(has(&found, "acronym.expansion-mismatch", acronym, suggestion), "{text}: {found:?}");
    }
}

#[test]
fn acronyms_in_french_order_or_defined_by_the_author_are_fine() {
    for text in [
        "L’Organisation pour la sécurité et la coopération en Europe observe le scrutin ; l’OSCE publiera un rapport.",
        "L’Agence spatiale européenne (ESA) lance une sonde ; l’ESA a confirmé.",
        "La Banque eurasienne de développement (BED) prête ; la BED double ses prêts.",
    ] {
        assert_eq!(findings("acronym.expansion-mismatch", text), vec![], "{text}");
    }
}

#[test]
fn a_document_mixing_kiev_and_kyiv_is_reported_once_per_deviation() {
    let found =
        findings("consistency", "Le convoi a quitté Kiev lundi. À Kyiv, la mairie a confirmé. Kiev reste calme.");
    assert_eq!(found, vec![("consistency.variant".to_owned(), "Kyiv".to_owned(), Some("Kiev".to_owned()))]);
}

#[test]
fn near_duplicate_names_are_reported_and_lookalikes_are_not() {
    let found = findings("consistency.name-variant", "Dmitri Peskov a parlé. Selon Peskov, puis selon Peskow, rien.");
    assert_eq!(found, vec![]); // Peskov/Peskow: no English romanization trace, not a transposition
    let found = findings(
        "consistency.name-variant",
        "Le ministre Choïgou est arrivé. Plus tard, Shoigu a parlé de Pouchkine et de Poutine.",
    );
    assert_eq!(found, vec![("consistency.name-variant".into(), "Shoigu".into(), Some("Choïgou".into()))]);
}

#[test]
fn wrong_official_names_are_reported_with_the_french_name() {
    let found = findings("terminology", "La Cour criminelle internationale et le Comité olympique international.");
    assert!(
        has(&found, "terminology.wrong-name", "Cour criminelle internationale", "Cour pénale internationale"),
        "{found:?}"
    );
    assert!(
        has(&found, "terminology.wrong-name", "Comité olympique international", "Comité international olympique"),
        "{found:?}"
    );
}

#[test]
fn western_names_are_left_alone() {
    let text =
        "Jens Stoltenberg, George Shaw, Joshua Kushner et Ashley Washington ont rencontré Olaf Scholz à Bruxelles.";
    let found: Vec<_> = findings("all", text).into_iter().filter(|(r, _, _)| !r.starts_with("typography")).collect();
    assert_eq!(found, vec![]);
}
