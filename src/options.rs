//! Settings that change what checks consider correct (not which rules run).

use serde::Deserialize;

/// The French of a country: spacing before `; ! ?` and a few conventions differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Variant {
    /// France (the default): narrow no-break space before `; ! ?`, no-break space before `:`.
    #[default]
    #[serde(rename = "fr-FR")]
    FrFr,
    /// Belgium: as France.
    #[serde(rename = "fr-BE")]
    FrBe,
    /// Canada: no space before `; ! ?`, a no-break space before `:`.
    #[serde(rename = "fr-CA")]
    FrCa,
    /// Switzerland: no space before `; ! ?` is common; a no-break space before `:`.
    #[serde(rename = "fr-CH")]
    FrCh,
}

impl Variant {
    /// The tag as written in configuration (`fr-FR`…).
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::FrFr => "fr-FR",
            Variant::FrBe => "fr-BE",
            Variant::FrCa => "fr-CA",
            Variant::FrCh => "fr-CH",
        }
    }
}

impl std::str::FromStr for Variant {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "fr-FR" => Ok(Variant::FrFr),
            "fr-BE" => Ok(Variant::FrBe),
            "fr-CA" => Ok(Variant::FrCa),
            "fr-CH" => Ok(Variant::FrCh),
            _ => Err(format!("unknown variant `{s}` (expected fr-FR, fr-BE, fr-CA or fr-CH)")),
        }
    }
}

/// Which no-break space typography rules ask for before `; ! ?` and inside « ».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NbspStyle {
    /// U+202F NARROW NO-BREAK SPACE (Imprimerie nationale), U+00A0 before `:`.
    #[default]
    Narrow,
    /// U+00A0 NO-BREAK SPACE everywhere.
    Full,
}

/// Settings the checks read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// Language variant.
    pub variant: Variant,
    /// Whether the `strict` typography tier (breakable space where a no-break one belongs) is on.
    pub strict_typography: bool,
    /// Which no-break space to suggest.
    pub nbsp: NbspStyle,
    /// House spellings among accepted variants (Kyiv rather than Kiev).
    pub prefer: Vec<String>,
}
