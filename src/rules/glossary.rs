//! The glossary: entities with their official French names and acronyms, English acronym
//! pairs, and the vocabulary of institution names, read from the `[[term]]`, `[[acronym]]`
//! and `[[vocabulary]]` tables of the packs.

use std::collections::HashMap;

use serde::Deserialize;

use crate::rules::fold::fold_plain;
use crate::rules::pack::{PackData, PackError, Section};

/// An entity: its official French name and acronym, foreign forms and known wrong variants.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Term {
    /// Official French name, as written mid-sentence.
    pub(crate) fr: String,
    /// Official French acronym.
    pub(crate) fr_acronym: Option<String>,
    /// Other correct French forms.
    #[serde(default)]
    pub(crate) fr_also: Vec<String>,
    /// English name.
    pub(crate) en: Option<String>,
    /// English acronym.
    pub(crate) en_acronym: Option<String>,
    /// Russian name (Cyrillic).
    #[allow(dead_code)]
    pub(crate) ru: Option<String>,
    /// Russian acronym (Cyrillic).
    pub(crate) ru_acronym: Option<String>,
    /// Wrong French forms machine translation produces.
    #[serde(default)]
    pub(crate) wrong: Vec<String>,
    /// What the entity is (organization, treaty…).
    #[allow(dead_code)]
    pub(crate) kind: Option<String>,
}

/// Where an acronym pair's foreign form comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Origin {
    /// An English acronym.
    #[default]
    En,
    /// A Russian acronym romanized.
    Ru,
}

/// A foreign acronym and its French counterpart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct AcronymPair {
    /// The foreign acronym as MT leaves it.
    pub(crate) en: String,
    /// The French acronym or short form.
    pub(crate) fr: String,
    /// What the foreign acronym stands for.
    pub(crate) en_expansion: Option<String>,
    /// What the French one stands for.
    pub(crate) fr_expansion: Option<String>,
    /// Whether the letters are often legitimate in French text (reported at info).
    #[serde(default)]
    pub(crate) ambiguous: bool,
    /// The language of the foreign acronym.
    #[serde(default)]
    pub(crate) from: Origin,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyEntry {
    fr: String,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
}

/// Translations of one word of an institution name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Translations {
    /// English words.
    pub(crate) en: Vec<String>,
    /// Russian words, romanized.
    pub(crate) ru: Vec<String>,
}

/// Everything the term and acronym kinds know about names.
#[derive(Debug, Clone, Default)]
pub(crate) struct Glossary {
    /// Entities.
    pub(crate) terms: Vec<Term>,
    /// Foreign acronym → French acronym, merged from terms and pairs.
    pub(crate) foreign_acronyms: HashMap<String, AcronymPair>,
    /// French acronyms known to be correct (no definition needed).
    pub(crate) french_acronyms: std::collections::HashSet<String>,
    /// Folded French word → translations.
    vocabulary: HashMap<String, Translations>,
}

/// Romanizes a Cyrillic acronym the English way (ОДКБ → ODKB).
pub(crate) fn romanize_acronym(cyrillic: &str) -> String {
    cyrillic
        .chars()
        .map(|c| match c {
            'А' => "A",
            'Б' => "B",
            'В' => "V",
            'Г' => "G",
            'Д' => "D",
            'Е' | 'Э' => "E",
            'Ё' => "Yo",
            'Ж' => "Zh",
            'З' => "Z",
            'И' | 'Й' => "I",
            'К' => "K",
            'Л' => "L",
            'М' => "M",
            'Н' => "N",
            'О' => "O",
            'П' => "P",
            'Р' => "R",
            'С' => "S",
            'Т' => "T",
            'У' => "U",
            'Ф' => "F",
            'Х' => "Kh",
            'Ц' => "Ts",
            'Ч' => "Ch",
            'Ш' => "Sh",
            'Щ' => "Shch",
            'Ы' => "Y",
            'Ю' => "Yu",
            'Я' => "Ya",
            _ => "",
        })
        .collect::<String>()
        .to_uppercase()
}

/// Folds a French word for vocabulary lookup: lowercase, no accents.
fn vocabulary_key(word: &str) -> String {
    fold_plain(word)
}

impl Glossary {
    /// Reads the glossary tables of the loaded packs.
    pub(crate) fn from_data(data: &PackData) -> Result<Glossary, PackError> {
        let mut glossary = Glossary::default();
        for entry in data.entries(Section::Term) {
            let term: Term = entry.parse()?;
            if term.fr.trim().is_empty() {
                return Err(entry.error("`fr` is empty"));
            }
            if let Some(acronym) = &term.fr_acronym {
                glossary.french_acronyms.insert(acronym.clone());
            }
            let french = term.fr_acronym.clone().unwrap_or_else(|| term.fr.clone());
            if let Some(en) = &term.en_acronym
                && Some(en) != term.fr_acronym.as_ref()
            {
                glossary.foreign_acronyms.entry(en.clone()).or_insert_with(|| AcronymPair {
                    en: en.clone(),
                    fr: french.clone(),
                    en_expansion: term.en.clone(),
                    fr_expansion: Some(term.fr.clone()),
                    ambiguous: false,
                    from: Origin::En,
                });
            }
            if let Some(ru) = &term.ru_acronym {
                let latin = romanize_acronym(ru);
                if latin.len() >= 2 && Some(&latin) != term.fr_acronym.as_ref() {
                    glossary.foreign_acronyms.entry(latin.clone()).or_insert_with(|| AcronymPair {
                        en: latin,
                        fr: french.clone(),
                        en_expansion: term.ru.clone(),
                        fr_expansion: Some(term.fr.clone()),
                        ambiguous: false,
                        from: Origin::Ru,
                    });
                }
            }
            glossary.terms.push(term);
        }
        for entry in data.entries(Section::Acronym) {
            let pair: AcronymPair = entry.parse()?;
            glossary.french_acronyms.insert(pair.fr.clone());
            if pair.en != pair.fr {
                // Pairs are more specific than the entity tables: they win.
                glossary.foreign_acronyms.insert(pair.en.clone(), pair);
            }
        }
        // An acronym that is correct French for one entity is not "foreign" for another.
        let french = glossary.french_acronyms.clone();
        glossary.foreign_acronyms.retain(|en, _| !french.contains(en));
        for entry in data.entries(Section::Vocabulary) {
            let word: VocabularyEntry = entry.parse()?;
            let slot = glossary.vocabulary.entry(vocabulary_key(&word.fr)).or_default();
            slot.en.extend(word.en);
            slot.ru.extend(word.ru);
        }
        Ok(glossary)
    }

    /// Translations of a French word, trying its singular and masculine forms.
    pub(crate) fn translations(&self, word: &str) -> Option<&Translations> {
        let key = vocabulary_key(word);
        let candidates = [
            Some(key.clone()),
            key.strip_suffix('s').map(str::to_owned),
            key.strip_suffix('x').map(str::to_owned),
            key.strip_suffix("aux").map(|s| format!("{s}al")),
            key.strip_suffix("es").map(str::to_owned),
            key.strip_suffix('e').map(str::to_owned),
            key.strip_suffix("nne").map(|s| format!("{s}n")),
            key.strip_suffix("nnes").map(|s| format!("{s}n")),
            key.strip_suffix("ive").map(|s| format!("{s}if")),
            key.strip_suffix("ale").map(|s| format!("{s}al")),
            key.strip_suffix("ales").map(|s| format!("{s}al")),
        ];
        candidates.into_iter().flatten().find_map(|k| self.vocabulary.get(&k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_cyrillic_acronyms() {
        assert_eq!(romanize_acronym("ОДКБ"), "ODKB");
        assert_eq!(romanize_acronym("ШОС"), "SHOS");
        assert_eq!(romanize_acronym("СРН"), "SRN");
    }

    #[test]
    fn folds_vocabulary_keys() {
        assert_eq!(vocabulary_key("Européenne"), "europeenne");
        assert_eq!(vocabulary_key("Sécurité"), "securite");
    }
}
