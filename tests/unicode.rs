//! The `unicode` kind through the whole pipeline: spans in the original bytes (BOM, CRLF,
//! decomposed accents, UTF-16), fixes that touch only the damaged characters, and the
//! untranslated-text detectors on French that legitimately holds English and code.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, OnceLock};

use decalque::fix::apply_edits;
use decalque::{Diagnostic, Linter, Registry, RuleSelector, Selection, Source};

fn registry() -> Arc<Registry> {
    static REGISTRY: OnceLock<Arc<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(|| Arc::new(Registry::builtin().unwrap())).clone()
}

fn linter(select: &str) -> Linter {
    let registry = registry();
    let selection = Selection::from_selectors(&registry, &[RuleSelector::new(select)], &[]).unwrap();
    Linter::new(registry, selection)
}

fn check_bytes(select: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    linter(select).check_source(Source { name: "t.txt".into(), bytes: bytes.to_vec() }).unwrap().diagnostics
}

fn check(select: &str, text: &str) -> Vec<Diagnostic> {
    check_bytes(select, text.as_bytes())
}

fn texts<'t>(text: &'t str, found: &[Diagnostic]) -> Vec<&'t str> {
    found.iter().map(|d| &text[d.span.range()]).collect()
}

/// Applies the first suggestion of every finding to `text`.
fn fixed(text: &str, found: &[Diagnostic]) -> String {
    let edits: Vec<_> = found.iter().filter_map(|d| d.suggestions.first()).map(|s| s.edit.clone()).collect();
    apply_edits(text, &edits).unwrap()
}

#[test]
fn decomposed_accents_point_at_the_original_bytes() {
    let text = "\u{feff}Il est de\u{301}ja\u{300} parti.\r\nE\u{301}tat.\r\n";
    let found = check("unicode.decomposed", text);
    assert_eq!(texts(text, &found), ["e\u{301}", "a\u{300}", "E\u{301}"]);
    assert!(found.iter().all(|d| d.fix_safe()));
    assert_eq!(fixed(text, &found), "\u{feff}Il est déjà parti.\r\nÉtat.\r\n");
}

#[test]
fn decomposed_accents_in_utf16() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Le cafe\u{301}.".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let found = check_bytes("unicode.decomposed", &bytes);
    assert_eq!(found.len(), 1);
    // BOM 2 + "Le caf" 6 units = 14; "e" + U+0301 are two units.
    assert_eq!(found[0].span.range(), 14..18);
    assert_eq!(found[0].suggestions[0].edit.replacement, "é");
    assert_eq!(found[0].suggestions[0].edit.span, found[0].span);
}

#[test]
fn already_composed_text_is_clean() {
    assert!(check("unicode", "L’État a décidé à Noël ; ça suffit, dit l’Œuvre.").is_empty());
}

#[test]
fn invisible_characters_span_the_word_and_fix_only_themselves() {
    let text = "Le tab\u{200b}leau\r\nUne infor\u{ad}mation et un\u{2060} mot.";
    let found = check("unicode.invisible", text);
    assert_eq!(texts(text, &found), ["tab\u{200b}leau", "infor\u{ad}mation", "un\u{2060}"]);
    for d in &found {
        let edit = &d.suggestions[0].edit;
        assert_eq!(edit.replacement, "");
        assert_eq!(edit.span.len(), text[edit.span.range()].len());
        assert!(text[edit.span.range()].chars().all(|c| !c.is_alphanumeric()));
    }
    assert_eq!(fixed(text, &found), "Le tableau\r\nUne information et un mot.");
}

#[test]
fn consecutive_invisible_characters_are_one_finding() {
    let text = "Le tab\u{200b}\u{200b}leau.";
    let found = check("unicode.invisible", text);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("2 caractères"), "{}", found[0].message);
    assert_eq!(fixed(text, &found), "Le tableau.");
}

#[test]
fn joiners_are_fine_in_emoji_and_arabic_but_not_between_latin_letters() {
    assert!(check("unicode.invisible", "Famille 👨\u{200d}👩\u{200d}👧 réunie.").is_empty());
    assert!(check("unicode.invisible", "Le persan می\u{200c}خواهم.").is_empty());
    let found = check("unicode.invisible", "Le mot ta\u{200d}ble.");
    assert_eq!(found.len(), 1);
}

#[test]
fn bidi_controls_only_outside_right_to_left_text() {
    assert_eq!(check("unicode.invisible", "Un \u{202e}piège\u{202c} ici.").len(), 2);
    assert!(check("unicode.invisible", "Le nom \u{202b}محمد\u{202c} est courant.").is_empty());
}

#[test]
fn mojibake_is_decoded_but_not_safe() {
    let text = "Le cafÃ© de lâ€™Ã‰tat coÃ»te 5 â‚¬.";
    let found = check("unicode.mojibake", text);
    assert_eq!(texts(text, &found), ["Ã©", "â€™", "Ã‰", "Ã»", "â‚¬"]);
    assert!(found.iter().all(|d| !d.fix_safe()));
    assert_eq!(fixed(text, &found), "Le café de l’État coûte 5 €.");
}

#[test]
fn mojibake_ignores_real_capitals_and_portuguese() {
    assert!(check("unicode.mojibake", "« ÉTÉ\u{a0}» et « CAFÉ\u{a0}», SÃO PAULO, Ålesund, Ça va.").is_empty());
}

#[test]
fn mixed_script_words_get_their_homoglyphs_replaced() {
    let text = "À Mоscou, le Кremlin et Москвa.";
    let found = check("unicode.mixed-script", text);
    assert_eq!(texts(text, &found), ["Mоscou", "Кremlin", "Москвa"]);
    assert!(found.iter().all(Diagnostic::fix_safe));
    assert_eq!(fixed(text, &found), "À Moscou, le Kremlin et Москва.");
    // A Cyrillic letter without a Latin twin: reported, no fix.
    let found = check("unicode.mixed-script", "Le mot Mдscou.");
    assert_eq!(found.len(), 1);
    assert!(found[0].suggestions.is_empty());
}

#[test]
fn cyrillic_runs_but_not_glosses() {
    let text = "Il a dit : Мы этого не допустим. La Douma (Государственная дума) et « спасибо ».";
    let found = check("untranslated.cyrillic", text);
    assert_eq!(texts(text, &found), ["Мы этого не допустим"]);
}

#[test]
fn english_sentences_are_found() {
    let text = "Le ministre a parlé. The meeting will take place tomorrow in Geneva, and the talks \
                will continue. Il a ensuite quitté la salle.";
    let found = check("untranslated.english", text);
    assert_eq!(texts(text, &found), ["The meeting will take place tomorrow in Geneva, and the talks will continue"]);
}

#[test]
fn english_detector_leaves_man_page_french_alone() {
    let text = "\
NOM
       ls - Afficher le contenu de répertoires

SYNOPSIS
       ls [OPTION]... [FICHIER]...

DESCRIPTION
       Afficher les informations des FICHIERs (du répertoire courant par
       défaut). Les entrées sont triées alphabétiquement si aucune des
       options -cftuvSUX ou --sort n'est indiquée.

       -a, --all
              ne pas ignorer les entrées débutant par .

       --color[=WHEN]
              colorer la sortie ; WHEN peut être « always » (par défaut si
              omis), « auto » ou « never » ; plus d'informations ci-dessous

       Consultez https://www.gnu.org/software/coreutils/ls pour the full
       documentation, ou lancez info '(coreutils) ls invocation'.

       Le paquet The GNU Coreutils et la série « The Crown » ; la commande
       git commit --amend; le fichier /etc/passwd; for i in a b c; do echo $i; done
";
    let found = check("untranslated", text);
    assert!(found.is_empty(), "{:?}", found.iter().map(|d| &text[d.span.range()]).collect::<Vec<_>>());
}

#[test]
fn keyword_lists_are_not_sentences() {
    let text = "Valeurs admises : full, source, binary, any, all. Mots réservés : case do done for if in then while.";
    assert!(check("untranslated.english", text).is_empty());
}

#[test]
fn german_fragments() {
    let text = "Le prix : Die Preise sind inklusive der Mehrwertsteuer. Le journal Die Welt en parle.";
    let found = check("untranslated.german", text);
    assert_eq!(texts(text, &found), ["Die Preise sind inklusive der Mehrwertsteuer"]);
}

#[test]
fn replacement_characters() {
    let text = "Le caf\u{fffd} et les \u{fffd}\u{fffd} degrés.";
    let found = check("unicode.replacement-character", text);
    assert_eq!(texts(text, &found), ["\u{fffd}", "\u{fffd}\u{fffd}"]);
    assert!(found.iter().all(|d| d.suggestions.is_empty()));
}
