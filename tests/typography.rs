//! Typography and locale rules: behaviour by language variant, the strict tier, masking of
//! non-prose text, and the seed document.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, OnceLock};

use decalque::{
    Applicability, Diagnostic, Document, LintOptions, Linter, NbspStyle, Registry, RuleSelector, Selection, Severity,
    Variant,
};

fn registry() -> Arc<Registry> {
    static REGISTRY: OnceLock<Arc<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(|| Arc::new(Registry::builtin().expect("embedded packs load"))).clone()
}

/// A linter running the rules `select` names, with `options`.
fn linter(select: &[&str], options: LintOptions) -> Linter {
    let registry = registry();
    let select: Vec<RuleSelector> = select.iter().map(|s| RuleSelector::new(s)).collect();
    let selection = Selection::from_selectors(&registry, &select, &[]).expect("known selectors");
    Linter::new(registry, selection).with_options(options)
}

fn check(select: &[&str], options: LintOptions, text: &str) -> Vec<Diagnostic> {
    linter(select, options).check_document(&Document::from_str("test.txt", text))
}

fn options(variant: Variant, strict: bool) -> LintOptions {
    LintOptions { variant, strict_typography: strict, ..Default::default() }
}

/// `(rule, spanned text)` of each diagnostic.
fn found(text: &str, diagnostics: &[Diagnostic]) -> Vec<(String, String)> {
    diagnostics.iter().map(|d| (d.rule.as_str().to_owned(), text[d.span.range()].to_owned())).collect()
}

fn first_fix(d: &Diagnostic) -> &str {
    d.suggestions.first().map(|s| s.edit.replacement.as_str()).unwrap_or("")
}

const ALL_VARIANTS: [Variant; 4] = [Variant::FrFr, Variant::FrBe, Variant::FrCa, Variant::FrCh];

#[test]
fn no_space_before_an_exclamation_depends_on_the_variant() {
    let text = "Bonjour!";
    for variant in [Variant::FrFr, Variant::FrBe] {
        let d = check(&["typography"], options(variant, false), text);
        assert_eq!(found(text, &d), [("typography.missing-space".to_owned(), "Bonjour!".to_owned())], "{variant:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(first_fix(&d[0]), "\u{202f}");
        assert_eq!(d[0].applicability, Applicability::Safe);
    }
    // Canadian and Swiss usage puts no space before `! ? ;`: its absence is correct.
    for variant in [Variant::FrCa, Variant::FrCh] {
        assert!(check(&["typography"], options(variant, false), text).is_empty(), "{variant:?}");
        assert!(check(&["typography"], options(variant, true), text).is_empty(), "{variant:?} strict");
    }
    // The colon wants its no-break space everywhere (its own rule, at info).
    for variant in ALL_VARIANTS {
        let d = check(&["typography"], options(variant, false), "Attention: danger.");
        let expected = [("typography.missing-space-colon".to_owned(), "Attention:".to_owned())];
        assert_eq!(found("Attention: danger.", &d), expected);
        assert_eq!(d[0].severity, Severity::Info);
        assert_eq!(first_fix(&d[0]), "\u{a0}");
    }
}

#[test]
fn the_full_style_asks_for_the_full_no_break_space() {
    let full = LintOptions { nbsp: NbspStyle::Full, ..Default::default() };
    let d = check(&["typography"], full, "Bonjour!");
    assert_eq!(first_fix(&d[0]), "\u{a0}");
}

#[test]
fn an_ordinary_space_is_flagged_only_in_the_strict_tier() {
    let text = "Bonjour !";
    for variant in ALL_VARIANTS {
        assert!(check(&["typography"], options(variant, false), text).is_empty(), "{variant:?}");
    }
    for variant in ALL_VARIANTS {
        let d = check(&["typography"], options(variant, true), text);
        assert_eq!(found(text, &d), [("typography.nbsp".to_owned(), "Bonjour !".to_owned())], "{variant:?}");
        assert_eq!(d[0].severity, Severity::Info);
        // The fix replaces the space alone; a narrow no-break space fits every variant.
        assert_eq!(first_fix(&d[0]), "\u{202f}");
        assert_eq!(&text[d[0].suggestions[0].edit.span.range()], " ");
    }
    // With full no-break spaces only, Canadian and Swiss usage drop the space instead.
    let ca_full = LintOptions { nbsp: NbspStyle::Full, ..options(Variant::FrCa, true) };
    assert_eq!(first_fix(&check(&["typography"], ca_full, text)[0]), "");
}

#[test]
fn a_narrow_no_break_space_is_right_everywhere() {
    for variant in ALL_VARIANTS {
        for strict in [false, true] {
            let text = "Bonjour\u{202f}! Attention\u{a0}: «\u{a0}oui\u{a0}».";
            assert!(check(&["typography"], options(variant, strict), text).is_empty(), "{variant:?} {strict}");
        }
    }
}

#[test]
fn the_strict_tier_covers_colons_and_guillemets() {
    let text = "Attention : il a dit « oui ».";
    assert!(check(&["typography"], options(Variant::FrFr, false), text).is_empty());
    let d = check(&["typography"], options(Variant::FrFr, true), text);
    assert_eq!(
        found(text, &d),
        [
            ("typography.nbsp".to_owned(), "Attention :".to_owned()),
            ("typography.nbsp".to_owned(), "« oui".to_owned()),
            ("typography.nbsp".to_owned(), "oui »".to_owned()),
        ]
    );
    assert!(d.iter().all(|d| first_fix(d) == "\u{a0}"));
}

#[test]
fn selecting_the_strict_rule_alone_turns_it_on() {
    let text = "Attention : danger.";
    assert_eq!(check(&["typography.nbsp"], LintOptions::default(), text).len(), 1);
    assert!(check(&["typography", "locale"], LintOptions::default(), text).is_empty());
}

#[test]
fn masked_text_is_never_touched() {
    let text = "Voir https://exemple.fr/a?b=1;c=2:3 ou www.exemple.fr!x et écrire à jean.dupont@exemple.fr;\n\
                lancez `make;install` puis --help:ok ; à 12:30:05; version 3.2.1; v1.2: le fichier /usr/bin/x;\n\
                le paramètre {0}: et {name}! et %s: et %1$d; l'adresse 192.168.0.1; ${HOME}; $1!";
    for variant in ALL_VARIANTS {
        let d = check(&["typography", "locale"], options(variant, true), text);
        let hits: Vec<_> = found(text, &d).into_iter().filter(|(r, _)| r != "typography.nbsp").collect();
        assert!(hits.is_empty(), "{variant:?}: {hits:?}");
    }
}

#[test]
fn number_traps_are_left_alone() {
    let text = "Il y a 1 500 habitants, une hausse de 3,5 %, un prix de 4,90 €, rendez-vous à 14 h 05 ; \
                la version 3.2.1, le format 16:9, le score 2:1, « Mr. Robot », la Française, les Russes, \
                l’option --help et la valeur {count}.";
    let d = check(&["typography", "locale"], LintOptions::default(), text);
    assert!(d.is_empty(), "{:?}", found(text, &d));
}

#[test]
fn locale_rules_follow_the_variant() {
    let text = "Une hausse de 5%.";
    let fr = check(&["locale"], LintOptions::default(), text);
    assert_eq!(found(text, &fr), [("locale.percent-space".to_owned(), "5%".to_owned())]);
    // Swiss usage writes `5%`.
    assert!(check(&["locale"], options(Variant::FrCh, false), text).is_empty());
}

#[test]
fn the_seed_reports_the_broken_quote_and_the_trailing_no_break_spaces() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed/rnc-bruxelles.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let d = check(&["typography", "locale"], LintOptions::default(), &text);
    let orientation: Vec<&Diagnostic> =
        d.iter().filter(|d| d.rule.as_str() == "typography.guillemet-orientation").collect();
    assert_eq!(orientation.len(), 1, "{:?}", found(&text, &d));
    assert_eq!(&text[orientation[0].span.range()], "»un");
    assert_eq!(orientation[0].severity, Severity::Error);
    assert!(text[..orientation[0].span.start].ends_with("qu'\u{a0}"));

    let trailing: Vec<&Diagnostic> = d.iter().filter(|d| d.rule.as_str() == "typography.trailing-nbsp").collect();
    assert!(trailing.len() >= 5, "{:?}", found(&text, &d));
    for t in &trailing {
        assert!(text[t.span.range()].contains('\u{a0}'));
        assert!(text[t.span.end..].starts_with('\n') || t.span.end == text.len());
        assert_eq!(t.applicability, Applicability::Safe);
        assert_eq!(first_fix(t), "");
        assert_eq!(t.suggestions[0].edit.span, t.span);
    }
    // A no-break space between two words is odd but harmless.
    let news = text.find("Rejoignez\u{a0}News-Front").unwrap();
    assert!(d.iter().all(|d| d.span.end <= news || d.span.start >= news + "Rejoignez\u{a0}News-Front".len()));
    // Nothing in the seed is a locale defect.
    assert!(d.iter().all(|d| !d.rule.as_str().starts_with("locale.")), "{:?}", found(&text, &d));
}

#[test]
fn safe_fixes_stay_inside_their_spans() {
    let text = "Le groupe; la suite  ici , et «OUI» ... puis le 2ème étage à 60€ et 5%.\u{a0}\n\nFin.";
    let d = check(&["typography", "locale"], options(Variant::FrFr, true), text);
    assert!(!d.is_empty());
    for d in d.iter().filter(|d| d.applicability == Applicability::Safe) {
        for s in &d.suggestions {
            assert!(d.span.contains(s.edit.span), "{} {:?} {:?}", d.rule, d.span, s.edit.span);
        }
    }
}
