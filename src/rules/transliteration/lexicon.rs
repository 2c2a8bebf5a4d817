//! Word lists the name checks consult: words that announce a Russian or Ukrainian context,
//! East Slavic first names that French leaves unchanged, and names the letter rules must
//! leave alone. Lists are lowercase.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Words whose presence in a sentence (or the one before) makes an East Slavic name likely.
pub(super) const CONTEXT_WORDS: &[&str] = &[
    // French
    "russe",
    "russes",
    "russie",
    "russo",
    "prorusse",
    "prorusses",
    "ukraine",
    "ukrainien",
    "ukrainienne",
    "ukrainiens",
    "ukrainiennes",
    "biélorusse",
    "biélorusses",
    "biélorussie",
    "bélarus",
    "bélarusse",
    "bélarusses",
    "soviétique",
    "soviétiques",
    "urss",
    "kremlin",
    "moscou",
    "moscovite",
    "moscovites",
    "kiev",
    "kyiv",
    "kyïv",
    "minsk",
    "douma",
    "donbass",
    "crimée",
    "tchétchénie",
    "tchétchène",
    "tchétchènes",
    "sibérie",
    "sibérien",
    "sibérienne",
    "saint-pétersbourg",
    "rada",
    "gazprom",
    "rosneft",
    "roscosmos",
    "rosatom",
    "fsb",
    "kgb",
    "sbu",
    "tass",
    "interfax",
    "spoutnik",
    "oblast",
    "kharkiv",
    "kharkov",
    "odessa",
    "donetsk",
    "louhansk",
    "lougansk",
    "marioupol",
    "kherson",
    "zaporijjia",
    "zaporijia",
    "bakhmout",
    "poutine",
    "zelensky",
    "zelenski",
    "loukachenko",
    "lavrov",
    // English, as machine translation leaves it
    "russia",
    "russian",
    "russians",
    "ukrainian",
    "ukrainians",
    "belarusian",
    "soviet",
    "moscow",
    "donbas",
];

/// East Slavic first names that French writes as English does (Vladimir, Oleg, Iryna):
/// before a capitalized word they make it a surname.
pub(super) const SLAVIC_FIRST_NAMES: &[&str] = &[
    "vladimir",
    "volodymyr",
    "oleksandr",
    "oleg",
    "oleh",
    "igor",
    "ihor",
    "ivan",
    "olga",
    "olha",
    "irina",
    "iryna",
    "svetlana",
    "svitlana",
    "nikita",
    "pavel",
    "pavlo",
    "kirill",
    "kyrylo",
    "vladislav",
    "mykola",
    "dmytro",
    "petro",
    "taras",
    "bohdan",
    "ruslan",
    "konstantin",
    "kostiantyn",
    "stanislav",
    "vsevolod",
    "rostislav",
    "gleb",
    "vadim",
    "vadym",
    "leonid",
    "mstislav",
    "veniamin",
    "valentin",
    "valentina",
    "galina",
    "halyna",
    "oksana",
    "olena",
    "larisa",
    "lyudmila",
    "ludmila",
    "viktor",
    "ramzan",
    "zakhar",
    "yaroslava",
    "vitali",
    "anatoli",
    "grigori",
    "dmitri",
    "timofei",
];

/// First names of the first-name table that are as common outside East Slavic countries
/// (Maria, Elena): they do not make the next word an East Slavic surname.
pub(super) const WESTERN_FIRST_NAMES: &[&str] = &[
    "maria",
    "sofia",
    "elena",
    "anastasia",
    "natalia",
    "daria",
    "ksenia",
    "tatiana",
    "alexandra",
    "nadia",
    "sonia",
    "katia",
    "tania",
    "sacha",
    "micha",
    "natacha",
    "vera",
    "nina",
    "ilia",
    "janna",
    "anna",
    "victor",
    "alexandre",
    "maxime",
    "maxim",
];

/// Names whose English-looking spelling is what the French press writes: émigrés who chose
/// their Latin spelling, brands, athletes as the sports press writes them. The letter rules
/// never touch them, and a first name before one of them is left alone too.
pub(super) const KEEP: &[&str] = &[
    "chomsky",
    "stravinsky",
    "kandinsky",
    "sikorsky",
    "kaspersky",
    "zelensky",
    "lewinsky",
    "polanski",
    "brzezinski",
    "klitschko",
    "durov",
    "nabokov",
    "balanchine",
    "rachmaninoff",
    "smirnoff",
    "sharapova",
    "rublev",
    "khachanov",
    "shapovalov",
    "kuznetsova",
    "kasatkina",
    "pavlyuchenkova",
    "kudermetova",
    "alexandrova",
    "andreeva",
    "samsonova",
    "kalinskaya",
    "kostyuk",
    "tsurenko",
    "yastremska",
    "svitolina",
    "safiullin",
    "karatsev",
    "ovechkin",
    "malkin",
    "kucherov",
    "sabalenka",
    "azarenka",
    "lukoil",
    "novatek",
    "sberbank",
    "aeroflot",
    "rusal",
    "severstal",
    "tinkoff",
    "kyiv",
    "kiev",
    "kharkiv",
    "odesa",
    "lviv",
    "donbas",
];

/// Western and other names that the shape filter lets through and that carry a clue
/// (Geneva's -eva, Lyon's y + vowel): never East Slavic.
pub(super) const WESTERN: &[&str] = &[
    "geneva",
    "genova",
    "lyon",
    "lyons",
    "ryan",
    "bryan",
    "kenya",
    "libya",
    "tokyo",
    "kyoto",
    "maya",
    "goya",
    "austin",
    "martin",
    "kevin",
    "justin",
    "dublin",
    "berlin",
    "franklin",
    "benjamin",
    "robin",
    "colin",
    "calvin",
    "gavin",
    "erin",
    "griffin",
    "corbin",
    "durbin",
    "marin",
    "tintin",
    "latin",
    "stalingrad",
    "pyongyang",
    "myanmar",
    "bayer",
    "mayer",
    "meyer",
    "sawyer",
    "tyson",
    "byron",
    "myers",
    "pushkar",
];

/// The lowercase words of a list, as a set.
fn set(list: &'static [&'static str]) -> HashSet<&'static str> {
    list.iter().copied().collect()
}

/// [`CONTEXT_WORDS`] as a set.
pub(super) static CONTEXT: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(CONTEXT_WORDS));
/// [`KEEP`] as a set.
pub(super) static KEEP_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(KEEP));
/// [`WESTERN`] as a set.
pub(super) static WESTERN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(WESTERN));

/// Pinyin syllables without tones (a superset: initials × finals).
static PINYIN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    const INITIALS: &[&str] = &[
        "", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s",
        "y", "w",
    ];
    const FINALS: &[&str] = &[
        "a", "o", "e", "i", "u", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "ia", "ie", "iao",
        "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ue",
    ];
    INITIALS.iter().flat_map(|i| FINALS.iter().map(move |f| format!("{i}{f}"))).collect()
});

/// Japanese syllables in Hepburn romanization (a superset).
static JAPANESE: LazyLock<HashSet<String>> = LazyLock::new(|| {
    const CONSONANTS: &[&str] = &["", "k", "s", "t", "n", "h", "m", "y", "r", "w", "g", "z", "d", "b", "p"];
    const EXTRA: &[&str] = &[
        "kya", "kyu", "kyo", "gya", "gyu", "gyo", "sha", "shi", "shu", "sho", "ja", "ji", "ju", "jo", "cha", "chi",
        "chu", "cho", "tsu", "fu", "nya", "nyu", "nyo", "hya", "hyu", "hyo", "mya", "myu", "myo", "rya", "ryu", "ryo",
        "bya", "byu", "byo", "pya", "pyu", "pyo", "n",
    ];
    let mut all: HashSet<String> =
        CONSONANTS.iter().flat_map(|c| ["a", "i", "u", "e", "o"].iter().map(move |v| format!("{c}{v}"))).collect();
    all.extend(EXTRA.iter().map(|s| (*s).to_owned()));
    all
});

/// Whether `word` splits entirely into syllables of `syllables` (longest syllable: 6 bytes).
fn splits_into(word: &str, syllables: &HashSet<String>) -> bool {
    let n = word.len();
    if n == 0 || !word.is_ascii() {
        return false;
    }
    let mut reachable = vec![false; n + 1];
    reachable[0] = true;
    for start in 0..n {
        if !reachable[start] {
            continue;
        }
        for end in start + 1..=(start + 6).min(n) {
            if syllables.contains(&word[start..end]) {
                reachable[end] = true;
            }
        }
    }
    reachable[n]
}

/// Whether a lowercase word reads as Chinese pinyin (Zhang, Zhejiang, Yang).
pub(super) fn is_pinyin(word: &str) -> bool {
    splits_into(word, &PINYIN)
}

/// Whether a lowercase word reads as Japanese (Kyoko, Yoshida).
pub(super) fn is_japanese(word: &str) -> bool {
    splits_into(word, &JAPANESE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_checks() {
        assert!(is_pinyin("zhang") && is_pinyin("zhejiang") && is_pinyin("guangzhou"));
        assert!(!is_pinyin("zhukov") && !is_pinyin("kuzhelev") && !is_pinyin("brezhnev"));
        assert!(is_japanese("kyoko") && is_japanese("yoshida"));
        assert!(!is_japanese("ryabkov") && !is_japanese("lyubchenko"));
    }
}
