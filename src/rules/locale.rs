//! The `locale` kind: English conventions for numbers, percentages, times, dates and
//! currencies left in French text, and months, weekdays, nationality adjectives and language
//! names written with a capital letter.
//!
//! Like typography, every check skips masked text ([`super::mask`]): versions (3.2.1), IP
//! addresses, times with seconds, placeholders, paths, URLs and code are never numbers to fix.

use std::collections::HashSet;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::options::{LintOptions, NbspStyle, Variant};
use crate::rules::guarded_regex::GuardedRegex;
use crate::rules::mask::{Seg, emit};
use crate::rules::pack::{PackData, PackError, RuleEntry, bind_checks};
use crate::rules::{Check, CheckContext, RuleIndex, Sink};

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &[
    "thousands-separator",
    "decimal-point",
    "percent-space",
    "time-colon",
    "am-pm",
    "english-date",
    "us-date",
    "ambiguous-date",
    "month-capital",
    "weekday-capital",
    "nationality-capital",
    "currency-before",
    "currency-space",
];

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// French months, in order.
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// English months, in order.
const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day and month that name a holiday or an event, written with a capital: « le 14 Juillet ».
const HOLIDAYS: &[(&str, &str)] = &[
    ("14", "Juillet"),
    ("1er", "Mai"),
    ("8", "Mai"),
    ("11", "Novembre"),
    ("18", "Juin"),
    ("6", "Juin"),
    ("11", "Septembre"),
    ("13", "Novembre"),
    ("7", "Octobre"),
    ("15", "Août"),
    ("4", "Septembre"),
    ("6", "Février"),
];

/// Nationality adjectives (masculine, feminine); plurals are derived.
const NATIONALITIES: &[(&str, &str)] = &[
    ("russe", "russe"),
    ("français", "française"),
    ("anglais", "anglaise"),
    ("allemand", "allemande"),
    ("américain", "américaine"),
    ("chinois", "chinoise"),
    ("japonais", "japonaise"),
    ("ukrainien", "ukrainienne"),
    ("européen", "européenne"),
    ("britannique", "britannique"),
    ("italien", "italienne"),
    ("espagnol", "espagnole"),
    ("portugais", "portugaise"),
    ("polonais", "polonaise"),
    ("turc", "turque"),
    ("iranien", "iranienne"),
    ("syrien", "syrienne"),
    ("israélien", "israélienne"),
    ("palestinien", "palestinienne"),
    ("canadien", "canadienne"),
    ("québécois", "québécoise"),
    ("belge", "belge"),
    ("suisse", "suisse"),
    ("biélorusse", "biélorusse"),
    ("géorgien", "géorgienne"),
    ("arménien", "arménienne"),
    ("azerbaïdjanais", "azerbaïdjanaise"),
    ("kazakh", "kazakhe"),
    ("ouzbek", "ouzbèke"),
    ("tchétchène", "tchétchène"),
    ("letton", "lettonne"),
    ("lituanien", "lituanienne"),
    ("estonien", "estonienne"),
    ("finlandais", "finlandaise"),
    ("suédois", "suédoise"),
    ("norvégien", "norvégienne"),
    ("danois", "danoise"),
    ("néerlandais", "néerlandaise"),
    ("autrichien", "autrichienne"),
    ("hongrois", "hongroise"),
    ("roumain", "roumaine"),
    ("bulgare", "bulgare"),
    ("serbe", "serbe"),
    ("croate", "croate"),
    ("grec", "grecque"),
    ("tchèque", "tchèque"),
    ("slovaque", "slovaque"),
    ("moldave", "moldave"),
    ("mexicain", "mexicaine"),
    ("brésilien", "brésilienne"),
    ("argentin", "argentine"),
    ("indien", "indienne"),
    ("pakistanais", "pakistanaise"),
    ("afghan", "afghane"),
    ("irakien", "irakienne"),
    ("saoudien", "saoudienne"),
    ("égyptien", "égyptienne"),
    ("africain", "africaine"),
    ("asiatique", "asiatique"),
    ("arabe", "arabe"),
    ("coréen", "coréenne"),
    ("vietnamien", "vietnamienne"),
    ("soviétique", "soviétique"),
];

/// Language names (masculine singular of the adjective): « parle le russe », « en anglais ».
const LANGUAGES: &[&str] = &[
    "russe",
    "anglais",
    "français",
    "allemand",
    "chinois",
    "japonais",
    "italien",
    "espagnol",
    "portugais",
    "polonais",
    "ukrainien",
    "arabe",
    "turc",
    "grec",
    "coréen",
    "néerlandais",
    "suédois",
    "norvégien",
    "danois",
    "finnois",
    "hongrois",
    "roumain",
    "bulgare",
    "serbe",
    "croate",
    "tchèque",
    "slovaque",
    "hébreu",
    "persan",
    "latin",
    "biélorusse",
    "géorgien",
    "arménien",
    "vietnamien",
];

/// Verbs after which a language name is the object: « parle le russe ».
const SPEAK_VERBS: &[&str] = &[
    "parle",
    "parles",
    "parlent",
    "parlait",
    "parlaient",
    "parler",
    "parlé",
    "parlant",
    "parlons",
    "parlez",
    "apprend",
    "apprends",
    "apprennent",
    "apprendre",
    "appris",
    "apprenait",
    "enseigne",
    "enseignent",
    "enseigner",
    "enseignait",
    "traduit",
    "traduits",
    "traduite",
    "traduites",
    "traduire",
    "comprend",
    "comprennent",
    "comprendre",
    "lit",
    "lisent",
    "lire",
    "écrit",
    "écrits",
    "écrite",
    "écrire",
    "maîtrise",
    "maîtrisent",
    "maîtriser",
    "étudie",
    "étudient",
    "étudier",
];

/// Words after which a capitalized nationality word is a noun (« les Russes », « de nombreux
/// Français », « ils sont Russes » is left alone too), so only a noun before it makes it an
/// adjective to lower-case (« les diplomates Russes »).
const NOT_A_NOUN: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "au",
    "aux",
    "à",
    "ce",
    "cet",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "son",
    "sa",
    "ses",
    "notre",
    "nos",
    "votre",
    "vos",
    "leur",
    "leurs",
    "quelques",
    "plusieurs",
    "certains",
    "certaines",
    "tous",
    "toutes",
    "tout",
    "toute",
    "chaque",
    "aucun",
    "aucune",
    "autre",
    "autres",
    "même",
    "mêmes",
    "tel",
    "telle",
    "tels",
    "telles",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "et",
    "ou",
    "ni",
    "mais",
    "que",
    "qu",
    "car",
    "comme",
    "donc",
    "or",
    "si",
    "puis",
    "en",
    "par",
    "pour",
    "avec",
    "sans",
    "chez",
    "entre",
    "contre",
    "vers",
    "selon",
    "sous",
    "sur",
    "dans",
    "parmi",
    "envers",
    "malgré",
    "dont",
    "où",
    "qui",
    "nous",
    "vous",
    "eux",
    "elles",
    "ils",
    "elle",
    "il",
    "on",
    "lui",
    "y",
    "ne",
    "pas",
    "plus",
    "moins",
    "aussi",
    "autant",
    "beaucoup",
    "peu",
    "combien",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "vingt",
    "trente",
    "cent",
    "cents",
    "mille",
    "millions",
    "milliers",
    "centaines",
    "dizaines",
    "jeune",
    "jeunes",
    "vieux",
    "vieille",
    "vieilles",
    "riche",
    "riches",
    "pauvre",
    "pauvres",
    "simple",
    "simples",
    "bon",
    "bons",
    "bonne",
    "bonnes",
    "grand",
    "grands",
    "grande",
    "grandes",
    "petit",
    "petits",
    "petite",
    "petites",
    "nombreux",
    "nombreuses",
    "premier",
    "premiers",
    "première",
    "premières",
    "dernier",
    "derniers",
    "dernière",
    "dernières",
    "ancien",
    "anciens",
    "ancienne",
    "anciennes",
    "nouveau",
    "nouveaux",
    "nouvelle",
    "nouvelles",
    "vrai",
    "vrais",
    "vraie",
    "vraies",
    "braves",
    "cher",
    "chers",
    "chère",
    "chères",
    "seul",
    "seuls",
    "seule",
    "seules",
    "futur",
    "futurs",
    "fameux",
    "est",
    "sont",
    "était",
    "étaient",
    "sera",
    "seront",
    "être",
    "été",
    "étant",
    "soit",
    "fut",
    "furent",
    "devenu",
    "devenue",
    "devenus",
    "devenues",
    "naturalisé",
    "naturalisée",
    "naturalisés",
    "naturalisées",
    "reste",
    "restent",
    "semble",
    "semblent",
    "voici",
    "voilà",
    "demi",
    "ex",
    // « l’océan Indien », « l’océan Pacifique » are names.
    "océan",
];

/// Measurement units: `1,500 mètres` may be a French decimal (1.5 m written to the millimetre).
const MEASURE_WORDS: &[&str] = &[
    "mètres",
    "kilomètres",
    "centimètres",
    "millimètres",
    "grammes",
    "kilogrammes",
    "kilos",
    "litres",
    "millilitres",
    "secondes",
    "minutes",
    "heures",
    "degrés",
    "volts",
    "watts",
    "ampères",
    "hectares",
    "tonnes",
    "pouces",
    "pieds",
    "milles",
    "miles",
    "points",
];

/// What may follow a quantity written with a decimal point (`3.5 %`, `2.4 millions`, `1.5 km`).
const QUANTITY_WORDS: &[&str] = &[
    "million",
    "millions",
    "milliard",
    "milliards",
    "billion",
    "billions",
    "km",
    "m",
    "cm",
    "mm",
    "kg",
    "g",
    "mg",
    "l",
    "ml",
    "cl",
    "Mo",
    "Go",
    "To",
    "Ko",
    "Mio",
    "Gio",
    "Kio",
    "MB",
    "GB",
    "KB",
    "TB",
    "Mbit",
    "Gbit",
    "Mbps",
    "Gbps",
    "GHz",
    "MHz",
    "kHz",
    "Hz",
    "°C",
    "°",
    "V",
    "W",
    "kW",
    "kWh",
    "MW",
    "ans",
    "mois",
    "jours",
    "semaines",
    "heures",
    "minutes",
    "secondes",
    "fois",
    "points",
    "dollars",
    "euros",
    "roubles",
    "livres",
    "yens",
    "francs",
    "mètres",
    "kilomètres",
    "kilos",
    "kilogrammes",
    "grammes",
    "litres",
    "tonnes",
    "habitants",
    "pour cent",
];

/// Words before a dotted number that make it a reference, not a quantity (`section 3.5`).
const REFERENCE_WORDS: &[&str] = &[
    "article",
    "articles",
    "section",
    "sections",
    "chapitre",
    "paragraphe",
    "point",
    "figure",
    "fig",
    "tableau",
    "annexe",
    "étape",
    "version",
    "v",
    "release",
    "norme",
    "rfc",
    "iso",
    "python",
    "java",
    "linux",
    "partie",
    "titre",
    "alinéa",
    "verset",
    "psaume",
    "gtk",
    "qt",
    "kde",
    "gnome",
    "perl",
    "php",
    "ruby",
    "unicode",
    "http",
    "tls",
    "ssl",
    "ipv",
    "bluetooth",
    "usb",
    "opengl",
    "directx",
    "android",
    "ios",
    "windows",
    "macos",
    "debian",
    "ubuntu",
    "fedora",
];

/// Runs the `locale` rules.
pub(crate) struct LocaleEngine {
    indexes: Vec<RuleIndex>,
    /// `(check name, rule)` for every bound entry.
    bound: Vec<(&'static str, RuleIndex)>,
    thousands: GuardedRegex,
    decimal: GuardedRegex,
    time: GuardedRegex,
    am_pm: GuardedRegex,
    dates: Vec<(DateShape, GuardedRegex)>,
    numeric_date: GuardedRegex,
    month: GuardedRegex,
    weekday: GuardedRegex,
    /// The capitalized nationalities and languages (`Russes`, `Anglais`).
    nationality_words: AhoCorasick,
    currency_before: GuardedRegex,
    currency_after: GuardedRegex,
    nationalities: HashSet<String>,
}

/// Which part of a date pattern holds what.
#[derive(Clone, Copy)]
enum DateShape {
    /// `January 12, 2022`, `janvier 12, 2022`: month, day, year.
    MonthDayCommaYear,
    /// `12 January 2022`, `12th January`: day, month, optional year.
    DayEnglishMonth,
    /// `January 12`: month, day.
    EnglishMonthDay,
    /// `January 2022`: month, year.
    EnglishMonthYear,
}

/// The space that groups digits and separates a number from `%` or a currency sign.
fn number_space(options: &LintOptions) -> char {
    // The OQLF asks for the full no-break space; so does the `full` style.
    if options.nbsp == NbspStyle::Full || options.variant == Variant::FrCa { NBSP } else { NNBSP }
}

/// The word (letters and digits) just before `at`, separated from it by spaces only.
fn prev_word(s: &str, at: usize) -> Option<(&str, usize)> {
    let before = s[..at].trim_end_matches(char::is_whitespace);
    // Several spaces separate the columns of a table or a page footer, not words.
    if before.len() == at || s[before.len()..at].chars().count() > 1 {
        return None;
    }
    let start =
        before.len() - before.chars().rev().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum::<usize>();
    (start < before.len()).then(|| (&before[start..], start))
}

/// The word just after `at`, separated from it by spaces only.
fn next_word(s: &str, at: usize) -> Option<(&str, usize)> {
    let after = s[at..].trim_start_matches(char::is_whitespace);
    let start = s.len() - after.len();
    if start == at {
        return None;
    }
    let len: usize = after.chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum();
    (len > 0).then(|| (&after[..len], start))
}

/// Whether `at` opens a sentence (or a line, or a quotation): a capital is normal there.
fn sentence_start(s: &str, at: usize) -> bool {
    if s[..at].ends_with("  ") || s[..at].ends_with('\t') {
        return true;
    }
    let before = s[..at].trim_end_matches(|c: char| {
        (c.is_whitespace() && c != '\n') || matches!(c, '«' | '"' | '“' | '(' | '[' | '—' | '–' | '-' | '\'' | '‘')
    });
    before.chars().next_back().is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '\n' | '\r' | '•' | '*'))
}

/// Start of the number that ends at `end`: digits, with `,` `.` or no-break spaces between digits.
fn number_start(s: &str, end: usize) -> usize {
    let mut start = end;
    loop {
        let Some(c) = s[..start].chars().next_back() else { return start };
        if c.is_ascii_digit() {
            start -= 1;
        } else if matches!(c, ',' | '.' | NBSP | NNBSP)
            && start < end
            && s[..start - c.len_utf8()].chars().next_back().is_some_and(|d| d.is_ascii_digit())
        {
            start -= c.len_utf8();
        } else {
            return start;
        }
    }
}

/// A number in English notation rewritten the French way: `1,500.5` → `1 500,5`, `3.5` → `3,5`.
fn frenchify(number: &str, space: char) -> String {
    let (int, frac) = match number.split_once('.') {
        Some((int, frac)) if int.contains(',') || frac.len() != 3 => (int, Some(frac)),
        Some(_) => return number.to_owned(),
        None => (number, None),
    };
    let mut out: String = int.split(',').collect::<Vec<_>>().join(&space.to_string());
    if let Some(frac) = frac {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `1` → `1er`, other days as written.
fn day_text(day: &str) -> String {
    let day = day.trim_start_matches('0');
    if day == "1" { "1er".to_owned() } else { day.to_owned() }
}

/// The French month for an English or French month name.
fn french_month(name: &str) -> Option<&'static str> {
    let plain = |s: &str| -> String {
        s.to_lowercase()
            .chars()
            .map(|c| match c {
                'é' | 'è' | 'ê' => 'e',
                'û' => 'u',
                c => c,
            })
            .collect()
    };
    let wanted = plain(name);
    ENGLISH_MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(name))
        .or_else(|| MONTHS.iter().position(|m| plain(m) == wanted))
        .map(|i| MONTHS[i])
}

/// The word with its first letter lowered.
/// The capitalized forms of `nationalities` written as one word of lowercase letters (the
/// only ones a capitalized word can be), longest match first.
fn nationality_words(nationalities: &HashSet<String>) -> Result<AhoCorasick, PackError> {
    let mut forms: Vec<String> = nationalities
        .iter()
        .filter(|form| form.chars().all(|c| c.is_alphabetic() && c.is_lowercase()))
        .filter_map(|form| {
            let mut chars = form.chars();
            let mut upper = chars.next()?.to_uppercase();
            let (Some(first), None) = (upper.next(), upper.next()) else { return None };
            Some(format!("{first}{}", chars.as_str()))
        })
        .collect();
    forms.sort();
    AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&forms).map_err(|e| PackError {
        file: "<locale>".into(),
        line: None,
        rule: None,
        message: e.to_string(),
    })
}

fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl LocaleEngine {
    /// Compiles the entries of this kind with the data tables they read.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], _data: &PackData) -> Result<Self, PackError> {
        let bound = bind_checks("locale", CHECKS, entries)?;
        let regex = |source: &str| GuardedRegex::new("locale", source);
        let en = ENGLISH_MONTHS.join("|");
        let fr = "[Jj]anvier|[Ff][ée]vrier|[Mm]ars|[Aa]vril|[Mm]ai|[Jj]uin|[Jj]uillet|[Aa]o[ûu]t|[Ss]eptembre|[Oo]ctobre|[Nn]ovembre|[Dd][ée]cembre";
        let mut nationalities = HashSet::new();
        for (masc, fem) in NATIONALITIES {
            for form in [*masc, *fem] {
                nationalities.insert(form.to_owned());
                if !form.ends_with(['s', 'x']) {
                    nationalities.insert(format!("{form}s"));
                }
            }
        }
        Ok(LocaleEngine {
            indexes: entries.iter().map(|(i, _)| *i).collect(),
            bound,
            thousands: regex(r"\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b")?,
            decimal: regex(r"\b\d+\.\d+\b")?,
            time: regex(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")?,
            am_pm: regex(r"\b(\d{1,2})(?::([0-5]\d))?[ \x{a0}\x{202f}]?(a\.m\.|p\.m\.|A\.M\.|P\.M\.|am|pm|AM|PM)")?,
            dates: vec![
                (
                    DateShape::MonthDayCommaYear,
                    regex(&format!(r"\b({en}|{fr})\s+(\d{{1,2}})(?:st|nd|rd|th|er)?,\s*(\d{{4}})\b"))?,
                ),
                (
                    DateShape::DayEnglishMonth,
                    regex(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({en})(?:,?\s+(\d{{4}}))?\b"))?,
                ),
                (DateShape::EnglishMonthDay, regex(&format!(r"\b({en})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"))?),
                (DateShape::EnglishMonthYear, regex(&format!(r"\b({en})\s+(\d{{4}})\b"))?),
            ],
            numeric_date: regex(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")?,
            month: regex(
                r"\b(Janvier|Février|Fevrier|Mars|Avril|Mai|Juin|Juillet|Août|Aout|Septembre|Octobre|Novembre|Décembre|Decembre)\b",
            )?,
            weekday: regex(r"\b(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche)\b")?,
            nationality_words: nationality_words(&nationalities)?,
            currency_before: regex(
                r"(US\$|CA\$|C\$|A\$|\$|€|£|¥)[ \x{a0}\x{202f}]?(\d+(?:[,.]\d+)*)(?:[ \x{a0}\x{202f}]+(millions?|milliards?|billions?|mille)\b)?",
            )?,
            currency_after: regex(r"\d(€|\$|£|¥)")?,
            nationalities,
        })
    }

    fn rule(&self, cx: &CheckContext<'_>, check: &str) -> Option<RuleIndex> {
        self.bound.iter().find(|(name, _)| *name == check).map(|&(_, r)| r).filter(|&r| cx.enabled(r))
    }

    /// `1,000`, `12,500 habitants`, `1,500.50` for `1 000`, `12 500 habitants`, `1 500,50`.
    fn thousands(&self, cx: &CheckContext<'_>, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for m in self.thousands.find_iter(s) {
            let number = m.as_str();
            if seg.prev(m.start()).is_some_and(|p| matches!(p, ',' | '.'))
                || (matches!(seg.next(m.end()), Some(',' | '.'))
                    && s[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            // `1,500` is one and a half in French: only context tells it is English thousands.
            let groups = number.split('.').next().map_or(0, |int| int.matches(',').count());
            let before = s[..m.start()].trim_end_matches([' ', NBSP, NNBSP]);
            let after = s[m.end()..].trim_start_matches([' ', NBSP, NNBSP]);
            let next = next_word(s, m.end()).map(|(w, _)| w);
            let english = groups >= 2
                || number.contains('.')
                || before.ends_with(['$', '€', '£'])
                || after.starts_with(['$', '€', '£'])
                || next.is_some_and(|w| {
                    matches!(
                        w,
                        "million"
                            | "millions"
                            | "milliard"
                            | "milliards"
                            | "billion"
                            | "billions"
                            | "dollars"
                            | "euros"
                    ) || (w.chars().count() >= 3
                        && w.ends_with(['s', 'x'])
                        && w.chars().all(|c| c.is_lowercase())
                        && !MEASURE_WORDS.contains(&w))
                });
            if !english {
                continue;
            }
            let fixed = frenchify(number, number_space(cx.options));
            let message = format!("Séparateur de milliers anglais dans « {number} » : écrivez « {fixed} ».");
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `3.5 %`, `2.4 millions`, `1.5 km` for `3,5 %`…
    fn decimal(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for m in self.decimal.find_iter(s) {
            let number = m.as_str();
            let Some((int, frac)) = number.split_once('.') else { continue };
            if seg.prev(m.start()).is_some_and(|p| matches!(p, ',' | '.' | '/' | '-' | '_'))
                || (matches!(seg.next(m.end()), Some('.' | ','))
                    && s[m.end() + 1..].starts_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
            // `1.500` may be a German-style thousand.
            if frac.len() == 3 && int.len() <= 3 {
                continue;
            }
            if prev_word(s, m.start()).is_some_and(|(w, _)| REFERENCE_WORDS.contains(&w.to_lowercase().as_str())) {
                continue;
            }
            let after = s[m.end()..].trim_start_matches([' ', NBSP, NNBSP]);
            let before = s[..m.start()].trim_end_matches([' ', NBSP, NNBSP]);
            let unit = after.starts_with(['%', '€', '$', '£'])
                || before.ends_with(['$', '€', '£'])
                || QUANTITY_WORDS.iter().any(|w| {
                    after
                        .strip_prefix(w)
                        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '’')))
                });
            if !unit {
                continue;
            }
            let fixed = format!("{int},{frac}");
            let message = format!("Point décimal anglais dans « {number} » : en français, écrivez « {fixed} ».");
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `5%` for `5 %` (not in Switzerland, where `5%` is the norm).
    fn percent(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        // Style guides ask for the (full) no-break space before `%`, as before a unit.
        let space = NBSP;
        for (i, _) in s.match_indices('%') {
            if !seg.prev(i).is_some_and(|p| p.is_ascii_digit()) || seg.next(i + 1).is_some_and(char::is_alphanumeric) {
                continue;
            }
            let start = number_start(s, i);
            if seg.prev(start).is_some_and(|p| p.is_alphanumeric() || p == '%') {
                continue;
            }
            let number = &s[start..i];
            let message = format!("Il manque une espace insécable avant « % » : écrivez « {number}{space}% ».");
            emit(sink, seg, rule, start..i + 1, |f| {
                f.with_message(message).suggest_at(seg.span(i, i), space.to_string())
            });
        }
    }

    /// `10:30` for `10 h 30` in running text.
    fn time(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.time.captures_iter(s) {
            let (Some(m), Some(h), Some(min)) = (caps.get(0), caps.get(1), caps.get(2)) else { continue };
            if seg.prev(m.start()).is_some_and(|p| matches!(p, ':' | '.' | ',' | '/'))
                || seg.next(m.end()).is_some_and(|n| n == ':' || n.is_ascii_digit())
            {
                continue;
            }
            // A ratio (`format 16:10`), a score or a verse (`Jean 3:16`) is not a time.
            if let Some((w, _)) = prev_word(s, m.start()) {
                let lower = w.to_lowercase();
                if matches!(
                    lower.as_str(),
                    "format"
                        | "ratio"
                        | "rapport"
                        | "proportion"
                        | "score"
                        | "échelle"
                        | "aspect"
                        | "verset"
                        | "chapitre"
                        | "résultat"
                ) || (w.starts_with(char::is_uppercase) && h.as_str().len() == 1)
                {
                    continue;
                }
            }
            let hour = h.as_str().trim_start_matches('0');
            let hour = if hour.is_empty() { "0" } else { hour };
            let fixed = if min.as_str() == "00" {
                format!("{hour}{NBSP}h")
            } else {
                format!("{hour}{NBSP}h{NBSP}{}", min.as_str())
            };
            let message = format!("Heure à l’anglaise « {} » : dans un texte suivi, écrivez « {fixed} ».", m.as_str());
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `10 am`, `2:30 p.m.` for `10 h`, `14 h 30`.
    fn am_pm(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.am_pm.captures_iter(s) {
            let (Some(m), Some(h), Some(marker)) = (caps.get(0), caps.get(1), caps.get(3)) else { continue };
            if seg.next(m.end()).is_some_and(char::is_alphanumeric)
                || seg.prev(m.start()).is_some_and(|p| matches!(p, ':' | '.' | ','))
            {
                continue;
            }
            // `at 10am tomorrow` is the syntax of the `at` command, not prose.
            if prev_word(s, m.start()).is_some_and(|(w, _)| w == "at") {
                continue;
            }
            let Ok(hour) = h.as_str().parse::<u32>() else { continue };
            if !(1..=12).contains(&hour) {
                continue;
            }
            let pm = marker.as_str().to_lowercase().starts_with('p');
            let hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            let fixed = match caps.get(2).map(|m| m.as_str()).filter(|m| *m != "00") {
                Some(min) => format!("{hour}{NBSP}h{NBSP}{min}"),
                None => format!("{hour}{NBSP}h"),
            };
            let message =
                format!("« {} » : le français compte les heures de 0 à 24 ; écrivez « {fixed} ».", m.as_str());
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `January 12, 2022`, `12 January`, `janvier 12, 2022` for `12 janvier 2022`.
    fn english_date(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let mut taken: Vec<Range<usize>> = Vec::new();
        for (shape, regex) in &self.dates {
            for caps in regex.captures_iter(s) {
                let Some(m) = caps.get(0) else { continue };
                if taken.iter().any(|r| r.start < m.end() && m.start() < r.end) {
                    continue;
                }
                let group = |i: usize| caps.get(i).map_or("", |g| g.as_str());
                let (month, day, year) = match shape {
                    DateShape::MonthDayCommaYear => (group(1), group(2), group(3)),
                    DateShape::DayEnglishMonth => (group(2), group(1), group(3)),
                    DateShape::EnglishMonthDay => (group(1), group(2), ""),
                    DateShape::EnglishMonthYear => (group(1), "", group(2)),
                };
                if matches!(shape, DateShape::EnglishMonthDay)
                    && seg.next(m.end()).is_some_and(|c| c.is_ascii_digit() || c == ',')
                {
                    continue;
                }
                if !day.is_empty() && !day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) {
                    continue;
                }
                let Some(french) = french_month(month) else { continue };
                let fixed = [day_text(day), french.to_owned(), year.to_owned()]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let message = format!("Date à l’anglaise « {} » : écrivez « {fixed} ».", m.as_str());
                taken.push(m.range());
                emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
            }
        }
    }

    /// `01/25/2022` (month first: certain) and `05/03/2022` (either order: ambiguous).
    fn numeric_date(&self, us: Option<RuleIndex>, ambiguous: Option<RuleIndex>, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.numeric_date.captures_iter(s) {
            let (Some(m), Some(a), Some(b), Some(y)) = (caps.get(0), caps.get(1), caps.get(2), caps.get(3)) else {
                continue;
            };
            if seg.prev(m.start()).is_some_and(|p| matches!(p, '/' | '.' | '-'))
                || seg.next(m.end()).is_some_and(|n| matches!(n, '/' | '-'))
            {
                continue;
            }
            let (Ok(first), Ok(second)) = (a.as_str().parse::<u32>(), b.as_str().parse::<u32>()) else { continue };
            if !(1..=12).contains(&first) || second == 0 || second > 31 {
                continue;
            }
            if second > 12 {
                let Some(rule) = us else { continue };
                let fixed = format!("{}/{}/{}", b.as_str(), a.as_str(), y.as_str());
                let message = format!(
                    "Date dans l’ordre américain (mois/jour) « {} » : écrivez le jour en premier, « {fixed} ».",
                    m.as_str()
                );
                emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
            } else if first != second {
                let Some(rule) = ambiguous else { continue };
                let message = format!(
                    "Date numérique ambiguë « {} » : si le texte vient de l’anglais, le mois peut être en premier ; écrivez le mois en lettres.",
                    m.as_str()
                );
                emit(sink, seg, rule, m.range(), |f| f.with_message(message));
            }
        }
    }

    /// `le 12 Janvier`, `en Mars 2022`.
    fn month_capital(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for m in self.month.find_iter(s) {
            if sentence_start(s, m.start()) {
                continue;
            }
            let month = m.as_str();
            let prev = prev_word(s, m.start());
            let day = prev.filter(|(w, _)| *w == "1er" || w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)));
            let year_after =
                next_word(s, m.end()).is_some_and(|(w, _)| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
            let context_word = prev.is_some_and(|(w, _)| {
                matches!(w, "en" | "début" | "fin" | "courant" | "depuis" | "dès" | "mois" | "jusqu" | "ici" | "mi")
            });
            let planet_or_name = matches!(month, "Mars" | "Avril" | "Mai");
            if !(day.is_some() || (year_after && month != "Mars") || (context_word && !planet_or_name)) {
                continue;
            }
            if let Some((d, at)) = day {
                // « le 14 Juillet » (a holiday), « rue du 4 Septembre » (a street) keep their capital.
                if !year_after && HOLIDAYS.contains(&(d, month)) {
                    continue;
                }
                let street = prev_word(s, at).filter(|(w, _)| *w == "du").and_then(|(_, at)| prev_word(s, at));
                if street.is_some_and(|(w, _)| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "rue"
                            | "place"
                            | "avenue"
                            | "boulevard"
                            | "pont"
                            | "quai"
                            | "square"
                            | "allée"
                            | "cours"
                            | "impasse"
                            | "esplanade"
                    )
                }) {
                    continue;
                }
            }
            let fixed = lower_first(month);
            let message = format!("Les noms de mois s’écrivent en minuscules : écrivez « {fixed} ».");
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `Mardi` in the middle of a sentence.
    fn weekday_capital(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for m in self.weekday.find_iter(s) {
            if sentence_start(s, m.start()) {
                continue;
            }
            let prev = prev_word(s, m.start()).map(|(w, _)| w);
            let next = next_word(s, m.end()).map(|(w, _)| w);
            // « Mardi gras », « Vendredi saint » are names of days in the calendar.
            if next.is_some_and(|w| matches!(w.to_lowercase().as_str(), "gras" | "saint" | "saints" | "noir" | "des")) {
                continue;
            }
            let by_prev = prev.is_some_and(|w| {
                matches!(
                    w,
                    "le" | "ce"
                        | "chaque"
                        | "dès"
                        | "depuis"
                        | "avant"
                        | "après"
                        | "à"
                        | "au"
                        | "entre"
                        | "les"
                        | "prochain"
                )
            });
            let by_next = next.is_some_and(|w| {
                w == "1er"
                    || w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
                    || matches!(w, "matin" | "midi" | "soir" | "après" | "prochain" | "dernier")
            });
            if !(by_prev || by_next) {
                continue;
            }
            let fixed = lower_first(m.as_str());
            let message = format!("Les noms de jours s’écrivent en minuscules : écrivez « {fixed} ».");
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `les diplomates Russes`, `parle le Russe`, `en Anglais`.
    fn nationality_capital(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for m in self.nationality_words.find_iter(s) {
            // Whole words only, as `\b` would have it (the forms are letters).
            let is_word = |c: char| regex_syntax::is_word_character(c);
            if seg.prev(m.start()).is_some_and(is_word) || seg.next(m.end()).is_some_and(is_word) {
                continue;
            }
            let word = &s[m.range()];
            let lower = word.to_lowercase();
            // `îles Turques-et-Caïques`: part of a compound proper name.
            if !self.nationalities.contains(&lower) || sentence_start(s, m.start()) || seg.next(m.end()) == Some('-') {
                continue;
            }
            let Some((prev, prev_at)) = prev_word(s, m.start()) else { continue };
            if prev.starts_with(char::is_uppercase) || prev.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let language = LANGUAGES.contains(&lower.as_str())
                && (prev == "en"
                    || SPEAK_VERBS.contains(&prev)
                    || (prev == "le" && prev_word(s, prev_at).is_some_and(|(v, _)| SPEAK_VERBS.contains(&v))));
            // An elided article glued before the noun (`l’Américain`) is caught by `prev_word`
            // returning nothing; a noun before it makes the word an adjective.
            let adjective = !NOT_A_NOUN.contains(&prev) && prev.chars().count() >= 2;
            if !(language || adjective) {
                continue;
            }
            let message = if language {
                format!("Les noms de langues s’écrivent en minuscules : écrivez « {lower} ».")
            } else {
                format!(
                    "Adjectif de nationalité : il s’écrit en minuscules (« {lower} ») ; seul le nom de personne prend la majuscule (« les Russes »)."
                )
            };
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(lower));
        }
    }

    /// `$5`, `€5`, `$500 millions` for `5 $`, `5 €`, `500 millions de dollars`.
    fn currency_before(&self, cx: &CheckContext<'_>, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.currency_before.captures_iter(s) {
            let (Some(m), Some(symbol), Some(number)) = (caps.get(0), caps.get(1), caps.get(2)) else { continue };
            if seg.prev(m.start()).is_some_and(char::is_alphanumeric)
                || seg.next(m.end()).is_some_and(char::is_alphanumeric)
                || seg.masked(symbol.start(), number.start())
            {
                continue;
            }
            let space = number_space(cx.options);
            let amount = frenchify(number.as_str(), space);
            let (name, of) = match symbol.as_str() {
                "$" => ("dollars", "de dollars"),
                "US$" => ("dollars américains", "de dollars américains"),
                "CA$" | "C$" => ("dollars canadiens", "de dollars canadiens"),
                "A$" => ("dollars australiens", "de dollars australiens"),
                "€" => ("euros", "d’euros"),
                "£" => ("livres sterling", "de livres sterling"),
                _ => ("yens", "de yens"),
            };
            let fixed = match caps.get(3) {
                Some(scale) => format!("{amount} {} {of}", scale.as_str()),
                None if symbol.as_str().len() > 2 && symbol.as_str().ends_with('$') => format!("{amount} {name}"),
                None => format!("{amount}{NBSP}{}", symbol.as_str()),
            };
            let message = format!("Symbole monétaire avant le montant « {} » : écrivez « {fixed} ».", m.as_str());
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `60€` for `60 €`.
    fn currency_space(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.currency_after.captures_iter(s) {
            let Some(symbol) = caps.get(1) else { continue };
            if seg.next(symbol.end()).is_some_and(|n| n.is_alphanumeric() || n == '{') {
                continue;
            }
            let start = number_start(s, symbol.start());
            if seg.prev(start).is_some_and(|p| p.is_alphanumeric() || matches!(p, '$' | '€' | '£' | '[' | '-' | '_'))
            {
                continue;
            }
            let space = NBSP;
            let message = format!(
                "Il manque une espace insécable entre le montant et le symbole : écrivez « {}{space}{} ».",
                &s[start..symbol.start()],
                symbol.as_str()
            );
            let at = symbol.start();
            emit(sink, seg, rule, start..symbol.end(), |f| {
                f.with_message(message).suggest_at(seg.span(at, at), space.to_string())
            });
        }
    }
}

impl Check for LocaleEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let (us, ambiguous) = (self.rule(cx, "us-date"), self.rule(cx, "ambiguous-date"));
        for seg in Seg::all(cx) {
            if let Some(rule) = self.rule(cx, "thousands-separator") {
                self.thousands(cx, rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "decimal-point") {
                self.decimal(rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "percent-space").filter(|_| cx.options.variant != Variant::FrCh) {
                self.percent(rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "time-colon") {
                self.time(rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "am-pm") {
                self.am_pm(rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "english-date") {
                self.english_date(rule, &seg, sink);
            }
            if us.is_some() || ambiguous.is_some() {
                self.numeric_date(us, ambiguous, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "month-capital") {
                self.month_capital(rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "weekday-capital") {
                self.weekday_capital(rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "nationality-capital") {
                self.nationality_capital(rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "currency-before") {
                self.currency_before(cx, rule, &seg, sink);
            }
            if let Some(rule) = self.rule(cx, "currency-space") {
                self.currency_space(rule, &seg, sink);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rewritten_the_french_way() {
        assert_eq!(frenchify("1,500", ' '), "1 500");
        assert_eq!(frenchify("1,500,000.25", ' '), "1 500 000,25");
        assert_eq!(frenchify("3.5", ' '), "3,5");
        assert_eq!(frenchify("1.500", ' '), "1.500");
    }

    #[test]
    fn months_and_days() {
        assert_eq!(french_month("January"), Some("janvier"));
        assert_eq!(french_month("Janvier"), Some("janvier"));
        assert_eq!(french_month("Fevrier"), Some("février"));
        assert_eq!(french_month("Aout"), Some("août"));
        assert_eq!(day_text("01"), "1er");
        assert_eq!(day_text("12"), "12");
    }

    #[test]
    fn words_around() {
        assert_eq!(prev_word("le 12 Janvier", 6), Some(("12", 3)));
        assert_eq!(prev_word("l’Américain", 4), None);
        assert_eq!(next_word("Janvier 2022.", 7).map(|w| w.0), Some("2022"));
        let s = "Fin. « Mardi";
        assert!(sentence_start(s, s.find("Mardi").unwrap_or(0)));
        assert!(!sentence_start("le Mardi", 3));
    }
}
