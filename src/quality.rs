//! An MQM-style quality score: error penalties per 1,000 words, with the weights of the
//! WMT human evaluations of machine translation (Freitag et al., 2021): minor 1, major 5,
//! minor punctuation 0.1, non-translation 25.
//!
//! decalque's findings map to those classes by category and severity:
//!
//! | finding | MQM class | weight |
//! |---|---|---:|
//! | category `untranslated`, any severity | non-translation | 25 |
//! | category `typography` or `locale`, `info` or `warning` | minor punctuation | 0.1 |
//! | category `typography` or `locale`, `error` | minor | 1 |
//! | any other category, `info` | minor | 1 |
//! | any other category, `warning` or `error` | major | 5 |
//!
//! The score of a text is its penalty (the sum of the weights of its findings) per 1,000 of
//! its words; lower is better and 0 is a text with no finding. A text of zero words counts
//! as one word, so the score is always defined: 0 without findings, penalty × 1,000 with.
//! Scores of several files are combined by adding their words and penalties, never by
//! averaging their scores. Penalties are kept in tenths of a point, so sums are exact.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign};

use crate::diagnostic::{Category, Diagnostic, Severity};

/// The MQM severity classes of the WMT evaluations, from the lightest to the heaviest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MqmClass {
    /// A minor punctuation or typography error (weight 0.1).
    MinorPunctuation,
    /// A minor error: noticeable, does not hinder understanding (weight 1).
    Minor,
    /// A major error: misleads or hinders understanding (weight 5).
    Major,
    /// Text left untranslated (weight 25).
    NonTranslation,
}

impl MqmClass {
    /// Every class, from the lightest to the heaviest.
    pub const ALL: [MqmClass; 4] =
        [MqmClass::MinorPunctuation, MqmClass::Minor, MqmClass::Major, MqmClass::NonTranslation];

    /// The weight of the class in tenths of a point (0.1 → 1, 25 → 250).
    pub fn tenths(self) -> u64 {
        match self {
            MqmClass::MinorPunctuation => 1,
            MqmClass::Minor => 10,
            MqmClass::Major => 50,
            MqmClass::NonTranslation => 250,
        }
    }

    /// The weight of the class in points.
    pub fn weight(self) -> f64 {
        self.tenths() as f64 / 10.0
    }

    /// The class's name, as in MQM reports: `minor/punctuation`, `minor`, `major`,
    /// `non-translation`.
    pub fn as_str(self) -> &'static str {
        match self {
            MqmClass::MinorPunctuation => "minor/punctuation",
            MqmClass::Minor => "minor",
            MqmClass::Major => "major",
            MqmClass::NonTranslation => "non-translation",
        }
    }
}

impl fmt::Display for MqmClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The MQM class of a finding (see the module documentation for the mapping).
pub fn class(d: &Diagnostic) -> MqmClass {
    match (d.category, d.severity) {
        (Category::Untranslated, _) => MqmClass::NonTranslation,
        (Category::Typography | Category::Locale, Severity::Error) => MqmClass::Minor,
        (Category::Typography | Category::Locale, _) => MqmClass::MinorPunctuation,
        (_, Severity::Info) => MqmClass::Minor,
        (_, Severity::Warning | Severity::Error) => MqmClass::Major,
    }
}

/// The penalty of one finding in points: the weight of its MQM class.
pub fn weight(d: &Diagnostic) -> f64 {
    class(d).weight()
}

/// The MQM-style quality of a text, or of several added together.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Quality {
    /// Words checked.
    pub words: usize,
    /// Sum of the weights of the findings, in points.
    pub penalty: f64,
    /// Penalty per 1,000 words (a text of zero words counts as one word); lower is better.
    pub per_thousand_words: f64,
    /// Findings of class minor/punctuation.
    pub minor_punctuation: usize,
    /// Findings of class minor.
    pub minor: usize,
    /// Findings of class major.
    pub major: usize,
    /// Findings of class non-translation.
    pub non_translation: usize,
    /// The penalty in tenths of a point, kept exact for sums.
    penalty_tenths: u64,
}

impl Quality {
    /// The quality of `words` words with a penalty of `penalty_tenths` tenths of a point
    /// and these counts per class.
    fn from_parts(words: usize, penalty_tenths: u64, counts: [usize; 4]) -> Quality {
        let penalty = penalty_tenths as f64 / 10.0;
        // Tenths × 100 / words = points × 1,000 / words, with a single rounding.
        let per_thousand_words = (penalty_tenths as f64 * 100.0) / words.max(1) as f64;
        let [minor_punctuation, minor, major, non_translation] = counts;
        Quality { words, penalty, per_thousand_words, minor_punctuation, minor, major, non_translation, penalty_tenths }
    }

    /// The number of findings of `class`.
    pub fn count(&self, class: MqmClass) -> usize {
        match class {
            MqmClass::MinorPunctuation => self.minor_punctuation,
            MqmClass::Minor => self.minor,
            MqmClass::Major => self.major,
            MqmClass::NonTranslation => self.non_translation,
        }
    }

    /// The number of findings scored.
    pub fn findings(&self) -> usize {
        self.minor_punctuation + self.minor + self.major + self.non_translation
    }

    fn counts(&self) -> [usize; 4] {
        [self.minor_punctuation, self.minor, self.major, self.non_translation]
    }
}

/// The quality of a text of `words` words with these findings.
pub fn score(diagnostics: &[Diagnostic], words: usize) -> Quality {
    let mut counts = [0usize; 4];
    let mut tenths = 0u64;
    for d in diagnostics {
        let class = class(d);
        tenths += class.tenths();
        counts[class as usize] += 1;
    }
    Quality::from_parts(words, tenths, counts)
}

impl Add for Quality {
    type Output = Quality;

    /// Adds words, penalties and counts; the score is recomputed from the sums.
    fn add(self, other: Quality) -> Quality {
        let mut counts = self.counts();
        for (c, o) in counts.iter_mut().zip(other.counts()) {
            *c += o;
        }
        Quality::from_parts(self.words + other.words, self.penalty_tenths + other.penalty_tenths, counts)
    }
}

impl AddAssign for Quality {
    fn add_assign(&mut self, other: Quality) {
        *self = *self + other;
    }
}

impl Sum for Quality {
    fn sum<I: Iterator<Item = Quality>>(iter: I) -> Quality {
        iter.fold(Quality::default(), Add::add)
    }
}

impl<'a> Sum<&'a Quality> for Quality {
    fn sum<I: Iterator<Item = &'a Quality>>(iter: I) -> Quality {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, RuleId};
    use crate::span::Span;

    fn finding(category: Category, severity: Severity) -> Diagnostic {
        Diagnostic {
            rule: RuleId::new("test.rule"),
            severity,
            category,
            message: String::new(),
            span: Span::new(0, 1),
            suggestions: Vec::new(),
            applicability: Applicability::Unsafe,
            related: Vec::new(),
        }
    }

    #[test]
    fn classes_follow_the_documented_mapping() {
        use Category::*;
        use MqmClass::*;
        use Severity::*;
        for severity in Severity::ALL {
            assert_eq!(class(&finding(Untranslated, severity)), NonTranslation);
        }
        for category in [Typography, Locale] {
            assert_eq!(class(&finding(category, Info)), MinorPunctuation);
            assert_eq!(class(&finding(category, Warning)), MinorPunctuation);
            assert_eq!(class(&finding(category, Error)), Minor);
        }
        for category in Category::ALL.into_iter().filter(|c| ![Untranslated, Typography, Locale].contains(c)) {
            assert_eq!(class(&finding(category, Info)), Minor, "{category}");
            assert_eq!(class(&finding(category, Warning)), Major, "{category}");
            assert_eq!(class(&finding(category, Error)), Major, "{category}");
        }
        assert_eq!(weight(&finding(Untranslated, Info)), 25.0);
        assert_eq!(weight(&finding(Calque, Warning)), 5.0);
        assert_eq!(weight(&finding(Calque, Info)), 1.0);
        assert_eq!(weight(&finding(Typography, Warning)), 0.1);
        assert_eq!(weight(&finding(Locale, Error)), 1.0);
    }

    #[test]
    fn scores_are_exact() {
        use Category::*;
        use Severity::*;
        // 3 × 0.1 + 1 + 5 + 5 + 25 = 36.3 over 500 words: 72.6 per 1,000.
        let findings = [
            finding(Typography, Warning),
            finding(Typography, Info),
            finding(Locale, Warning),
            finding(Anglicism, Info),
            finding(Calque, Warning),
            finding(Terminology, Error),
            finding(Untranslated, Warning),
        ];
        let q = score(&findings, 500);
        assert_eq!(q.words, 500);
        assert_eq!(q.penalty, 36.3);
        assert_eq!(q.per_thousand_words, 72.6);
        assert_eq!((q.minor_punctuation, q.minor, q.major, q.non_translation), (3, 1, 2, 1));
        assert_eq!(q.findings(), 7);
        assert_eq!(q.count(MqmClass::Major), 2);

        // Ten punctuation slips sum to exactly 1, not 0.9999999999999999.
        let q = score(&vec![finding(Typography, Warning); 10], 1000);
        assert_eq!(q.penalty, 1.0);
        assert_eq!(q.per_thousand_words, 1.0);

        let clean = score(&[], 250);
        assert_eq!((clean.penalty, clean.per_thousand_words, clean.findings()), (0.0, 0.0, 0));
    }

    #[test]
    fn zero_words_count_as_one() {
        let q = score(&[], 0);
        assert_eq!((q.words, q.penalty, q.per_thousand_words), (0, 0.0, 0.0));
        let q = score(&[finding(Category::Unicode, Severity::Error)], 0);
        assert_eq!((q.penalty, q.per_thousand_words), (5.0, 5000.0));
        assert!(q.per_thousand_words.is_finite());
    }

    #[test]
    fn sums_add_words_and_penalties_not_scores() {
        let a = score(&[finding(Category::Calque, Severity::Warning)], 100); // 50 per 1,000
        let b = score(&[finding(Category::Typography, Severity::Warning)], 900); // 0.11… per 1,000
        let total: Quality = [a, b].iter().sum();
        assert_eq!(total.words, 1000);
        assert_eq!(total.penalty, 5.1);
        assert_eq!(total.per_thousand_words, 5.1);
        assert_eq!((total.major, total.minor_punctuation), (1, 1));
        let mut acc = Quality::default();
        acc += a;
        acc += b;
        assert_eq!(acc, total);
        assert_eq!(Quality::default(), score(&[], 0));
    }
}
