//! The packs compiled into the binary, so the tool runs from anywhere.

/// Name and text of every embedded pack; a test checks that it lists every `rules/*.toml`.
pub const PACKS: &[(&str, &str)] = &[
    ("rules/acronym-pairs.toml", include_str!("../../rules/acronym-pairs.toml")),
    ("rules/acronym.toml", include_str!("../../rules/acronym.toml")),
    ("rules/anglicism.toml", include_str!("../../rules/anglicism.toml")),
    ("rules/bilingual.toml", include_str!("../../rules/bilingual.toml")),
    ("rules/calque.toml", include_str!("../../rules/calque.toml")),
    ("rules/capitalization.toml", include_str!("../../rules/capitalization.toml")),
    ("rules/consistency.toml", include_str!("../../rules/consistency.toml")),
    ("rules/false-friend.toml", include_str!("../../rules/false-friend.toml")),
    ("rules/glossary.toml", include_str!("../../rules/glossary.toml")),
    ("rules/locale.toml", include_str!("../../rules/locale.toml")),
    ("rules/terminology.toml", include_str!("../../rules/terminology.toml")),
    ("rules/transliteration.toml", include_str!("../../rules/transliteration.toml")),
    ("rules/typography.toml", include_str!("../../rules/typography.toml")),
    ("rules/unicode.toml", include_str!("../../rules/unicode.toml")),
    ("rules/vocabulary.toml", include_str!("../../rules/vocabulary.toml")),
];
