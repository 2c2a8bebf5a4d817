//! The bilingual checks on documents whose units carry a source: exact spans, rule ids and
//! messages, the traps they must not fall into, and silence on plain text without a source.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, LazyLock};

use decalque::formats::InputFormat;
use decalque::{Diagnostic, Document, Linter, Registry, RuleSelector, Selection};

/// Loaded once: compiling every pack for each check would dominate the test's time.
static REGISTRY: LazyLock<Arc<Registry>> =
    LazyLock::new(|| Arc::new(Registry::builtin().expect("embedded packs load")));

fn registry() -> Arc<Registry> {
    REGISTRY.clone()
}

/// A linter running the rules `select` names (`bilingual`, `acronym`…).
fn linter(select: &[&str]) -> Linter {
    let registry = registry();
    let select: Vec<RuleSelector> = select.iter().map(|s| RuleSelector::new(s)).collect();
    let selection = Selection::from_selectors(&registry, &select, &[]).unwrap();
    Linter::new(registry, selection)
}

/// A plain-text target whose paragraphs translate `sources` one by one.
fn pair(target: &str, sources: &[&str]) -> Document {
    let mut doc = Document::from_str("t.txt", target);
    assert_eq!(doc.segments().len(), sources.len(), "one source per paragraph");
    doc.set_sources(sources.iter().enumerate().map(|(i, s)| (i..i + 1, (*s).to_owned())).collect());
    doc
}

/// `(rule, text of the span)` of each finding.
fn found(doc: &Document, diagnostics: &[Diagnostic]) -> Vec<(String, String)> {
    diagnostics.iter().map(|d| (d.rule.to_string(), doc.original_text(d.span).into_owned())).collect()
}

fn check(target: &str, source: &str) -> (Document, Vec<Diagnostic>) {
    let doc = pair(target, &[source]);
    let diagnostics = linter(&["bilingual"]).check_document(&doc);
    (doc, diagnostics)
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

#[test]
fn a_thousands_comma_read_as_a_decimal_is_reported_with_the_french_form() {
    let (doc, d) = check("Le trajet fait 1,5 km.", "The route is 1,500 km long.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.number-mismatch", "1,5")]));
    assert_eq!(d[0].span.range(), 15..18);
    assert_eq!(d[0].message, "« 1,5 » : la source dit 1,500 (mille cinq cents) ; en français : « 1\u{202f}500 ».");
    assert_eq!(d[0].suggestions[0].edit.replacement, "1\u{202f}500");
    assert_eq!(d[0].category, decalque::Category::Locale);
}

#[test]
fn a_copied_english_thousands_comma_reads_one_and_a_half_in_french() {
    let (doc, d) = check("Il mesure 1,500 mètres.", "It is 1,500 metres long.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.number-mismatch", "1,500")]));
}

#[test]
fn a_changed_number_names_the_source_number() {
    let (doc, d) =
        check("La ville compte 12 000 habitants et 40 écoles.", "The city has 21,000 inhabitants and 40 schools.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.number-mismatch", "12 000")]));
    assert!(d[0].message.contains("la source dit 21,000 (vingt et un mille)"), "{}", d[0].message);
}

#[test]
fn a_dropped_number_is_reported_on_the_unit_at_info() {
    let (doc, d) = check("Le budget a atteint un record.", "The budget reached a record 4,500 million.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.number-missing", "Le budget a atteint un record.")]));
    assert_eq!(d[0].severity, decalque::Severity::Info);
    assert!(d[0].message.contains("« 4,500 »"), "{}", d[0].message);
}

#[test]
fn numbers_that_agree_are_silent() {
    for (target, source) in [
        ("Une hausse de 1,5 %.", "A rise of 1.5%."),
        ("Une hausse de 1.5 %.", "A rise of 1.5%."),
        ("Il y a 1 500 personnes.", "There are 1,500 people."),
        ("Il y a 1\u{202f}500 personnes.", "There are 1,500 people."),
        ("Il y a 1500 personnes.", "There are 1,500 people."),
        ("Il y a 1 500,5 tonnes.", "There are 1,500.5 tonnes."),
        ("En 2019, 1 500 personnes sont venues.", "In 2019, 1,500 people came."),
        ("Entre 1990 et 2000.", "Between 1990 and 2000."),
        ("Les années 1990.", "The 1990s."),
        ("Trois pays ont signé.", "3 countries signed."),
        ("Vingt-cinq pays ont signé.", "25 countries signed."),
        ("Les 3 pays ont signé.", "Three countries signed."),
        ("Au XXIe siècle.", "In the 21st century."),
        ("Le 1er janvier.", "On January 1st."),
        ("À 18 h 30.", "At 6:30 p.m."),
        ("2,4 millions de voyageurs.", "2.4 million travellers."),
        ("2 400 000 voyageurs.", "2.4 million travellers."),
        ("Le G20 et la COVID-19.", "The G20 and COVID-19."),
        ("Version 3.2.1 du 12.01.2022.", "Version 3.2.1 of 12.01.2022."),
        ("Les 2 pays.", "Both countries."),
        ("Le 3 mars 2022.", "On March 3, 2022."),
        ("Voir %1$s pour 10 fichiers.", "See %1$s for 10 files."),
    ] {
        let (doc, d) = check(target, source);
        assert_eq!(found(&doc, &d), vec![], "{target:?} ← {source:?}");
    }
}

#[test]
fn an_english_acronym_kept_from_the_source_is_reported_once() {
    let source = "The NATO-Russia Council (NRC) met in Brussels.";
    let target = "Le Conseil OTAN-Russie (NRC) s’est réuni à Bruxelles.";
    let doc = pair(target, &[source]);
    let d = linter(&["bilingual", "acronym"]).check_document(&doc);
    assert_eq!(found(&doc, &d), owned(&[("bilingual.source-acronym", "NRC")]));
    assert_eq!(d[0].suggestions[0].edit.replacement, "COR");
    assert_eq!(
        d[0].message,
        "« NRC » est l’acronyme anglais de la source (NATO-Russia Council) ; en français : « COR » (Conseil OTAN-Russie)."
    );
    // Where `acronym.english` reports it already, the bilingual rule stays silent.
    let doc = pair("Le NRC s’est réuni à Bruxelles.", &["The NRC met in Brussels."]);
    let d = linter(&["bilingual", "acronym"]).check_document(&doc);
    assert_eq!(found(&doc, &d), owned(&[("acronym.english", "NRC")]));
}

#[test]
fn an_ambiguous_acronym_is_confirmed_by_the_source() {
    let (doc, d) = check("Les ministres de l’EU se réunissent.", "The EU ministers meet.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.source-acronym", "EU")]));
    assert_eq!(d[0].severity, decalque::Severity::Warning);
    let (doc, d) = check("Selon l’UN, la famine menace.", "According to the UN's report, famine looms.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.source-acronym", "UN")]));
    // Without `the` or a possessive the letters may name something else: a paper size, a
    // compiler, a keyboard.
    for (target, source) in [
        ("Format US Letter", "US Letter"),
        ("Options de l’éditeur de liens GCC", "GCC linker options"),
        ("Russe (avec ponctuation US)", "Russian (with US punctuation)"),
        ("Encodage non pris en charge par ICU", "Encoding not supported by ICU"),
    ] {
        let (doc, d) = check(target, source);
        assert_eq!(found(&doc, &d), vec![], "{target:?}");
    }
    // Without the acronym in the source, the letters may be anything.
    let (_, d) = check("Les ministres de l’EU se réunissent.", "The ministers of the Union meet.");
    assert_eq!(d, vec![]);
    let (_, d) = check("L’Organisation (NATO en anglais) a 75 ans.", "The Organization (NATO) is 75 years old.");
    assert_eq!(d, vec![]);
}

#[test]
fn an_untranslated_unit_is_reported_whole() {
    let (doc, d) = check("Save your changes before closing.", "Save your changes before closing.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.untranslated", "Save your changes before closing.")]));
    assert_eq!(d[0].category, decalque::Category::Untranslated);
    for same in ["New York City", "OK", "HTTP GET POST", "Version 2.0"] {
        let (_, d) = check(same, same);
        assert_eq!(d, vec![], "{same}");
    }
}

#[test]
fn placeholders_missing_added_or_changed() {
    let (doc, d) = check("Impossible d’ouvrir le fichier.", "Cannot open file %s.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.placeholder", "Impossible d’ouvrir le fichier.")]));
    assert_eq!(d[0].message, "L’espace réservé « %s » de la source manque dans la traduction.");
    assert_eq!(d[0].severity, decalque::Severity::Error);

    // « un » in the target does not excuse a count before a plural noun.
    let (doc, d) =
        check("Il s’est dit convaincu qu’un dialogue est possible.", "He said a dialogue is possible (%d sessions).");
    assert_eq!(found(&doc, &d).iter().filter(|(rule, _)| rule == "bilingual.placeholder").count(), 1);

    let (doc, d) = check("Fichier {0} introuvable dans {1}.", "File {0} not found.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.placeholder", "{1}")]));
    assert_eq!(d[0].message, "L’espace réservé « {1} » n’est pas dans la source.");

    let (doc, d) = check("Il reste %s fichiers.", "%d files left.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.placeholder", "%s")]));
    assert_eq!(d[0].suggestions[0].edit.replacement, "%d");

    // Reordered positional arguments, named ones, percentages and ICU plurals are fine.
    for (target, source) in [
        ("%2$s contient %1$d fichiers.", "%1$d files in %2$s."),
        (
            "Bonjour %(name)s, {{user}} et {count} autres, 50 % de plus.",
            "Hello %(name)s, {{user}} and {count} others, 50% more.",
        ),
        ("{n, plural, one {# fichier} other {# fichiers}}", "{n, plural, one {# file} other {# files}}"),
        // A date format is rewritten for French; `%%` is a percent sign; `{a,b}` a choice.
        ("%a %d %b %Y", "%a %b %e %Y"),
        ("format : atome %%(end) manquant", "format: %%(end) atom missing"),
        ("combiner deux options parmi ascii, ebcdic et ibm", "combine two of {ascii,ebcdic,ibm}"),
        // The singular of a plural message.
        ("Un fichier supprimé.", "%d file deleted."),
    ] {
        let (doc, d) = check(target, source);
        let placeholders: Vec<_> =
            found(&doc, &d).into_iter().filter(|(rule, _)| rule == "bilingual.placeholder").collect();
        assert_eq!(placeholders, vec![], "{target:?}");
    }
}

#[test]
fn urls_and_addresses_must_pass_unchanged() {
    let (doc, d) = check("Voir https://exemple.com/aide.", "See https://example.com/help.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.url", "https://exemple.com/aide")]));
    assert_eq!(
        d[0].message,
        "L’adresse « https://exemple.com/aide » n’est pas dans la source, qui a « https://example.com/help »."
    );
    assert_eq!(d[0].suggestions[0].edit.replacement, "https://example.com/help");

    let (doc, d) = check("Écrivez-nous.", "Write to support@example.com.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.url", "Écrivez-nous.")]));
    assert!(d[0].message.contains("support@example.com"), "{}", d[0].message);

    // The language of the page may change; the numbers inside a URL are not numbers.
    let (doc, d) = check(
        "Voir https://example.com/fr/docs/2019/42 ou écrire à support@example.com.",
        "See https://example.com/en/docs/2019/42 or write to support@example.com.",
    );
    assert_eq!(found(&doc, &d), vec![]);
}

#[test]
fn unbalanced_guillemets_and_brackets() {
    let (doc, d) = check("Il a répondu « oui sans hésiter.", "He answered \"yes\" without hesitation.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.unbalanced", "«")]));
    assert_eq!(d[0].span.range(), 14..16);

    let (doc, d) = check("Il a répondu oui » sans hésiter.", "He answered “yes” without hesitation.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.unbalanced", "»")]));

    let (doc, d) = check("Le comité (créé en 2019 se réunit.", "The committee (created in 2019) meets.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.unbalanced", "(")]));

    let (doc, d) = check("Le sommet s’ouvre demain.", "The summit (the 74th) opens tomorrow.");
    // The parenthesis went with its number: each rule says its part.
    assert_eq!(
        found(&doc, &d),
        owned(&[
            ("bilingual.bracket-count", "Le sommet s’ouvre demain."),
            ("bilingual.number-missing", "Le sommet s’ouvre demain."),
        ])
    );

    for (target, source) in [
        ("Il a répondu « oui » (sans hésiter).", "He answered \"yes\" (without hesitation)."),
        ("Il a dit « non ».", "He said “no”."),
        ("a) le budget ; b) le calendrier.", "a) the budget; b) the schedule."),
        ("Il a dit « c’est “non” ».", "He said “it is ‘no’”."),
        // GNU quotes, elided articles, plural marks, quotes added around a placeholder.
        ("Impossible d’ouvrir « %s » : l’accès est refusé.", "Cannot open `%s': access denied."),
        ("Impossible d’ouvrir « %s ».", "Cannot open '%s'."),
        ("Impossible d’ouvrir '%s'.", "Cannot open %s."),
        ("Affiche le(s) fichier(s) trouvé(s).", "Print the file(s) found."),
    ] {
        let (doc, d) = check(target, source);
        assert_eq!(found(&doc, &d), vec![], "{target:?}");
    }
}

#[test]
fn spans_point_into_the_right_paragraph() {
    let doc = pair(
        "Premier paragraphe sans problème.\n\nLe trajet fait 1,5 km.",
        &["First paragraph without problems.", "The route is 1,500 km long."],
    );
    let d = linter(&["bilingual"]).check_document(&doc);
    assert_eq!(found(&doc, &d), owned(&[("bilingual.number-mismatch", "1,5")]));
    assert_eq!(doc.position(d[0].span.start).line, 3);
}

#[test]
fn nothing_is_reported_without_a_source() {
    let text = "Le trajet fait 1,5 km.\n\nSave your changes before closing.\n\nLe comité (créé en 2019.\n\nLe Conseil (NRC) et %s.";
    let doc = Document::from_str("t.txt", text);
    assert!(doc.units().is_empty());
    assert_eq!(linter(&["bilingual"]).check_document(&doc), vec![]);
}

#[test]
fn po_entries_are_checked_against_their_msgid() {
    let po = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n\
              msgid \"The route is 1,500 km long.\"\nmsgstr \"Le trajet fait 1,5 km.\"\n\n\
              msgid \"Cannot open file %s.\"\nmsgstr \"Impossible d’ouvrir le fichier.\"\n\n\
              msgid \"Save your changes before closing.\"\nmsgstr \"Save your changes before closing.\"\n";
    let doc = Document::from_str_as("fr.po", po, InputFormat::Po).unwrap();
    let d = linter(&["bilingual"]).check_document(&doc);
    assert_eq!(
        found(&doc, &d),
        owned(&[
            ("bilingual.number-mismatch", "1,5"),
            ("bilingual.placeholder", "Impossible d’ouvrir le fichier."),
            ("bilingual.untranslated", "Save your changes before closing."),
        ])
    );
    assert_eq!(doc.position(d[0].span.start).line, 5);
}

#[test]
fn a_source_acronym_with_its_letters_reordered_is_reported_with_the_french_one() {
    let (doc, d) = check("Le RNC se réunira en 2022.", "The NRC will meet in 2022.");
    assert_eq!(found(&doc, &d), owned(&[("bilingual.source-acronym", "RNC")]));
    assert_eq!(d[0].suggestions[0].edit.replacement, "COR");
    assert!(d[0].message.contains("« NRC »"), "{}", d[0].message);
    // The French acronym already in the unit, or unrelated letters: nothing.
    let (_, d) = check("Le COR (RNC) se réunira.", "The NRC will meet.");
    assert!(d.is_empty(), "{d:?}");
    let (_, d) = check("La SNCF se réunira.", "The NRC will meet.");
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn two_rules_proposing_the_same_fix_on_the_same_span_give_one_finding() {
    let doc = Document::from_str_as(
        "fr.po",
        "msgid \"The NATO-Russia Council (NRC) met.\"\nmsgstr \"Le Conseil Russie-OTAN (RNC) s’est réuni.\"\n",
        InputFormat::Po,
    )
    .unwrap();
    let d = linter(&["bilingual", "acronym"]).check_document(&doc);
    let on_rnc: Vec<&str> = d.iter().filter(|d| doc.original_text(d.span) == "RNC").map(|d| d.rule.as_str()).collect();
    assert_eq!(on_rnc, ["acronym.expansion-mismatch"]);
}
