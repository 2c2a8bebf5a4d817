//! Letter rules: the French form of a name romanized the English way (Shmelyov → Chmeliov),
//! and the clues that a capitalized word is such a name.
//!
//! Everything here works on one word in lowercase ASCII; the engine decides which words to
//! look at and restores their capitals.

use super::lexicon;

/// Which correspondences to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Every correspondence: the form to suggest.
    Full,
    /// Only the correspondences a French form never shows. `ch` (French for ш, English for ч)
    /// and a final `-y` after a consonant (French keeps it for ы: Navalny, Grozny) are left
    /// alone, so a word already in French (Chmeliov) compares equal to itself.
    Unambiguous,
}

/// Vowels of the English romanization; `y` counts, being ы or a glide.
fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Vowels that make a following `i`, `e` or `y` a glide (й): Mikhail, Dostoevsky, Andrey.
fn is_open_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'o' | b'u')
}

/// The French form of `word` (any case, hyphenated parts converted one by one), or `None`
/// when the word is not plain ASCII letters and hyphens.
pub(super) fn french_form(word: &str, mode: Mode) -> Option<String> {
    let mut parts = Vec::new();
    for part in word.split('-') {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let lower = part.to_ascii_lowercase();
        let mut converted = convert(lower.as_bytes(), mode);
        if part.as_bytes()[0].is_ascii_uppercase() {
            converted = capitalize(&converted);
        }
        parts.push(converted);
    }
    Some(parts.join("-"))
}

/// `text` with its first character in uppercase.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Converts one lowercase ASCII word, left to right, with a character of look-behind and
/// look-ahead: that is all the English romanization needs to be read back.
fn convert(w: &[u8], mode: Mode) -> String {
    let n = w.len();
    let mut out = String::with_capacity(n + 6);
    let mut i = 0;
    while i < n {
        let rest = &w[i..];
        let prev = i.checked_sub(1).map(|p| w[p]);
        let next = w.get(i + 1).copied();
        if rest.starts_with(b"shch") {
            out.push_str("chtch");
            i += 4;
            continue;
        }
        if rest.starts_with(b"sh") {
            out.push_str("ch");
            i += 2;
            continue;
        }
        if rest.starts_with(b"zh") {
            out.push('j');
            i += 2;
            continue;
        }
        if rest.starts_with(b"kh") || rest.starts_with(b"tch") {
            // kh is kh in both; an English form may already write tch (Tchaikovsky).
            let len = if rest.starts_with(b"kh") { 2 } else { 3 };
            out.extend(rest[..len].iter().map(|&b| char::from(b)));
            i += len;
            continue;
        }
        if rest.starts_with(b"ch") {
            // A final -ich, -ych is the English patronymic or surname ending (-ovich): French
            // writes -itch, so even an otherwise French-looking word is English there.
            let final_ich = i + 2 == n && matches!(prev, Some(b'i' | b'y'));
            out.push_str(if mode == Mode::Full || final_ich { "tch" } else { "ch" });
            i += 2;
            continue;
        }
        match w[i] {
            b'y' => {
                let before_vowel = next.is_some_and(is_open_vowel);
                match prev {
                    // Initial ya, ye, yo, yu: ia, ie, io, iou (Yermak → Iermak).
                    None => out.push(if before_vowel { 'i' } else { 'y' }),
                    // iy is one sound: iya → ia, iye → ie, -iy → -i (Matviyenko, Dmitriy).
                    Some(b'i') => {}
                    // ay, ey, oy, uy: a glide, ï (Andrey → Andreï, Politkovskaya → -skaïa).
                    Some(p) if is_open_vowel(p) => out.push('ï'),
                    Some(_) => {
                        if before_vowel {
                            // Ryabkov → Riabkov, Lyubchenko → Lioubtchenko.
                            out.push('i');
                        } else if next == Some(b'i') {
                            // Ilyich → Ilitch.
                        } else if next == Some(b'y') && i + 2 == n {
                            // Ukrainian -yy (Zelenskyy): one sound.
                            out.push('i');
                            i += 1;
                        } else if next.is_none() {
                            // -sky → -ski always; other final -y (Dmitry, Nizhny) only in
                            // full mode, since French keeps the y of ы (Navalny).
                            let sky = w.ends_with(b"sky");
                            out.push(if mode == Mode::Full || sky { 'i' } else { 'y' });
                        } else {
                            // Between consonants it is ы, written y in French too (Kadyrov).
                            out.push('y');
                        }
                    }
                }
            }
            b'u' => out.push_str("ou"),
            b'i' => match prev {
                // -ii is one sound (Vasilii → Vasili).
                Some(b'i') if next.is_none() => {}
                Some(b'i') => out.push('ï'),
                Some(p) if is_open_vowel(p) => out.push('ï'),
                _ => out.push('i'),
            },
            // е after a vowel is a glide + e: Dostoevsky → Dostoïevski, Alekseev → Alekseïev.
            b'e' => match prev {
                Some(p) if is_open_vowel(p) => out.push_str("ïe"),
                _ => out.push('e'),
            },
            // A single s between vowels sounds z in French: Vasily → Vassili.
            b's' => {
                let single = prev != Some(b's') && next != Some(b's');
                let between = prev.is_some_and(is_vowel) && next.is_some_and(is_vowel);
                out.push_str(if single && between { "ss" } else { "s" });
            }
            other => out.push(char::from(other)),
        }
        i += 1;
    }
    // -in, -yn after a consonant: the French -ine, -yne of Russian surnames (Poutine).
    if n >= 3 && (w.ends_with(b"in") || w.ends_with(b"yn")) && !matches!(w[n - 3], b'a' | b'e' | b'i' | b'o' | b'u') {
        out.push('e');
    }
    harden_g(&out)
}

/// `g` before e, i, ï is written gu in French to stay hard (Sergey → Sergueï, Georgy → Gueorgui).
fn harden_g(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == 'g' && matches!(chars.peek(), Some('e' | 'i' | 'ï')) {
            out.push('u');
        }
    }
    out
}

/// Whether a lowercase ASCII word (one hyphen part) is spelled the way English romanizes
/// Cyrillic. Letters and clusters that romanization never produces (w, q, x, j, c without h,
/// th, ph, ck, oo, sch, sz…) mark a Western or other name; `ou` marks a form already French.
pub(super) fn english_style_shape(part: &str) -> bool {
    let b = part.as_bytes();
    if b.len() < 2 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    if b.iter().any(|c| matches!(c, b'q' | b'w' | b'x' | b'j')) {
        return false;
    }
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| b[p]);
        if c == b'c' && next != Some(b'h') {
            return false;
        }
        if c == b'h' && !matches!(prev, Some(b'c' | b's' | b'z' | b'k')) {
            return false;
        }
    }
    if b[0] == b'y' && !b.get(1).is_some_and(|&c| is_open_vowel(c)) {
        return false;
    }
    // -eev, -eeva (Alekseev) is the only doubled e of the romanization.
    let ee_ok = part.ends_with("eev") || part.ends_with("eeva");
    let ee_count = part.matches("ee").count();
    if ee_count > 1 || (ee_count == 1 && !ee_ok) {
        return false;
    }
    // -ii only at the end (Vasilii).
    if part.find("ii").is_some_and(|p| p + 2 != part.len()) {
        return false;
    }
    // Doubled consonants other than nn, ll, ss, mm, rr are not Russian (Abbrev, Poznyakoff).
    const CLUSTERS: &[&str] =
        &["oo", "aa", "uu", "ou", "sch", "sz", "bb", "dd", "ff", "gg", "kk", "pp", "tt", "vv", "zz"];
    !CLUSTERS.iter().any(|s| part.contains(s))
}

/// How much a word looks like an East Slavic name romanized the English way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Cues {
    /// A clue that is enough on its own (-ovich, -enko, -skiy, -yev, shch…).
    pub(super) strong: bool,
    /// Clues that need one more (-ov, -ev, -sky, -yan): counted, and enough for `info` alone.
    pub(super) medium: u8,
    /// Clues shared with other languages (zh, kh, -in, -ko, a consonant + y + vowel…): they
    /// count only beside another clue.
    pub(super) paired: u8,
}

impl Cues {
    /// Medium and paired clues together.
    pub(super) fn count(self) -> u8 {
        self.medium + self.paired
    }

    /// Whether the word looks like an East Slavic surname by itself.
    pub(super) fn slavic_surname(self) -> bool {
        self.strong || self.medium > 0 || self.paired > 1
    }
}

/// Endings that are East Slavic on their own, with the shortest stem before them.
const STRONG_ENDINGS: &[(&str, usize)] = &[
    ("ovich", 2),
    ("evich", 2),
    ("ovych", 2),
    ("evych", 2),
    ("ovna", 2),
    ("evna", 2),
    ("ivna", 2),
    ("skiy", 2),
    ("skaya", 2),
    ("skyy", 2),
    ("enko", 2),
    ("chuk", 2),
    ("yuk", 3),
    ("yev", 2),
    ("yeva", 2),
    ("yov", 2),
    ("yova", 2),
    ("eev", 2),
    ("eeva", 2),
    ("iy", 3),
];

/// Endings common in East Slavic names and rare elsewhere.
const MEDIUM_ENDINGS: &[(&str, usize)] =
    &[("ov", 3), ("ova", 3), ("ev", 3), ("eva", 3), ("sky", 3), ("aya", 3), ("yan", 3), ("ii", 3)];

/// Endings East Slavic names share with many others (Martin, Regina, Franco, Facebook…).
const PAIRED_ENDINGS: &[(&str, usize)] = &[("in", 2), ("ina", 2), ("yn", 2), ("yna", 2), ("ko", 3), ("uk", 3)];

/// The clues in a lowercase ASCII word (hyphenated or not).
pub(super) fn cues(word: &str) -> Cues {
    let last = word.rsplit('-').next().unwrap_or(word);
    let mut cues = Cues::default();
    let ends =
        |list: &[(&str, usize)]| list.iter().any(|(end, stem)| last.len() >= end.len() + stem && last.ends_with(end));
    let japanese = lexicon::is_japanese(last);
    if ends(STRONG_ENDINGS) || word.contains("shch") {
        cues.strong = true;
    } else if ends(MEDIUM_ENDINGS) && !japanese && !last.ends_with("uev") && !last.ends_with("ueva") {
        // Not Ishii, not the Spanish -ueva of Villanueva.
        cues.medium += 1;
    } else if ends(PAIRED_ENDINGS) {
        let stem = last.as_bytes()[..last.len() - 2].last().copied();
        let after_consonant = stem.is_some_and(|c| !is_vowel(c));
        let ko = last.ends_with("ko");
        // -in/-ina/-ko after a consonant only (Grushko, Putin; not Heino, Marina's -ina after a vowel).
        let counts = if last.ends_with("ina") || last.ends_with("yna") {
            last.as_bytes()[..last.len() - 3].last().is_some_and(|&c| !is_vowel(c))
        } else if ko || last.ends_with("in") {
            after_consonant && !(ko && japanese)
        } else {
            true
        };
        if counts {
            cues.paired += 1;
        }
    }
    let pinyin = lexicon::is_pinyin(last);
    if word.contains("zh") && !pinyin {
        cues.paired += 1;
    }
    if word.contains("kh") {
        cues.paired += 1;
    }
    // A consonant + y + vowel inside the word (Ryabkov, Zyuganov), unless the word reads as
    // Chinese or Japanese (Yang, Kyoto).
    let b = word.as_bytes();
    let glide = (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'y' && b[i - 1].is_ascii_alphabetic() && !is_vowel(b[i - 1]) && is_open_vowel(b[i + 1]));
    if glide && !pinyin && !japanese {
        cues.paired += 1;
    }
    cues
}

/// Whether a word is a patronymic, English or French (Vladimirovich, Ivanovna, Ilitch).
pub(super) fn is_patronymic(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["ovich", "evich", "ovitch", "evitch", "ovych", "ovna", "evna", "ievna", "ivna"]
        .iter()
        .any(|end| lower.len() > end.len() + 2 && lower.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(word: &str) -> String {
        french_form(word, Mode::Full).unwrap_or_default()
    }

    #[test]
    fn the_usual_correspondences() {
        for (en, expected) in [
            ("Kuleba", "Kouleba"),
            ("Shoigu", "Choïgou"),
            ("Yermak", "Iermak"),
            ("Zhukov", "Joukov"),
            ("Khodorkovsky", "Khodorkovski"),
            ("Dostoevsky", "Dostoïevski"),
            ("Dostoyevsky", "Dostoïevski"),
            ("Nizhny", "Nijni"),
            ("Grushko", "Grouchko"),
            ("Khrushchev", "Khrouchtchev"),
            ("Brezhnev", "Brejnev"),
            ("Prigozhin", "Prigojine"),
            ("Chernomyrdin", "Tchernomyrdine"),
            ("Putin", "Poutine"),
            ("Zyuganov", "Ziouganov"),
            ("Nabiullina", "Nabioullina"),
            ("Ryabkov", "Riabkov"),
            ("Nebenzya", "Nebenzia"),
            ("Pyotr", "Piotr"),
            ("Dudayev", "Doudaïev"),
            ("Mikhail", "Mikhaïl"),
            ("Sergey", "Sergueï"),
            ("Sergei", "Sergueï"),
            ("Georgy", "Gueorgui"),
            ("Gennady", "Guennadi"),
            ("Dmitry", "Dmitri"),
            ("Dmitriy", "Dmitri"),
            ("Yury", "Iouri"),
            ("Vasily", "Vassili"),
            ("Gerasimov", "Guerassimov"),
            ("Belousov", "Belooussov"),
            ("Mishustin", "Michoustine"),
            ("Naryshkin", "Narychkine"),
            ("Solzhenitsyn", "Soljenitsyne"),
            ("Politkovskaya", "Politkovskaïa"),
            ("Tchaikovsky", "Tchaïkovski"),
            ("Matviyenko", "Matvienko"),
            ("Alekseev", "Alekseïev"),
            ("Nazarbayev", "Nazarbaïev"),
            ("Vyacheslav", "Viatcheslav"),
            ("Zaporizhzhia", "Zaporijjia"),
            ("Yekaterinburg", "Iekaterinbourg"),
            ("Chelyabinsk", "Tcheliabinsk"),
            ("Ilyin", "Iline"),
            ("Zelenskyy", "Zelenski"),
            ("Lysychansk", "Lyssytchansk"),
            ("Bonch-Bruyevich", "Bontch-Brouïevitch"),
            ("Oleksandr", "Oleksandr"),
            ("Lavrov", "Lavrov"),
        ] {
            assert_eq!(fr(en), expected, "{en}");
        }
    }

    #[test]
    fn names_not_in_any_table() {
        assert_eq!(fr("Vasily"), "Vassili");
        assert_eq!(fr("Shmelyov"), "Chmeliov");
        assert_eq!(fr("Oleg"), "Oleg");
        assert_eq!(fr("Kuzhelev"), "Koujelev");
        assert_eq!(fr("Lyubchenko"), "Lioubtchenko");
        assert_eq!(fr("Nikitin"), "Nikitine");
    }

    #[test]
    fn unambiguous_mode_leaves_french_forms_alone() {
        for word in ["Chmeliov", "Navalny", "Grozny", "Tchekhov", "Kadyrov"] {
            assert_eq!(french_form(word, Mode::Unambiguous).as_deref(), Some(word), "{word}");
        }
        assert_eq!(french_form("Gorbachev", Mode::Unambiguous).as_deref(), Some("Gorbachev"));
        assert_eq!(french_form("Vladimirovich", Mode::Unambiguous).as_deref(), Some("Vladimirovitch"));
        assert_eq!(fr("Gorbachev"), "Gorbatchev");
        assert_eq!(french_form("Stoltenberg-Ü", Mode::Full), None);
    }

    #[test]
    fn shapes_that_romanization_does_not_produce() {
        for word in ["washington", "schumer", "joshua", "thompson", "macron", "brooks", "weiss", "szabo", "yvonne"] {
            assert!(!english_style_shape(word), "{word}");
        }
        for word in ["shoigu", "alekseev", "khrushchev", "vasilii", "stoltenberg"] {
            assert!(english_style_shape(word), "{word}");
        }
    }

    #[test]
    fn clues() {
        assert!(cues("lyubchenko").strong);
        assert!(cues("shmelyov").strong);
        assert!(cues("khrushchev").strong);
        assert_eq!(cues("kuzhelev").count(), 2);
        assert_eq!(cues("zhukov").count(), 2);
        assert_eq!(cues("sokurov"), Cues { strong: false, medium: 1, paired: 0 });
        assert_eq!(cues("stoltenberg"), Cues::default());
        assert_eq!(cues("shapiro"), Cues::default());
        assert_eq!(cues("zhang").count(), 0, "pinyin");
        assert_eq!(cues("kyoko").count(), 0, "japanese");
        assert_eq!(cues("austin").count(), 1);
        assert_eq!(cues("marina").count(), 1);
        assert_eq!(cues("heino").count(), 0);
        assert_eq!(cues("ishii").count(), 0, "japanese");
        assert_eq!(cues("villanueva").count(), 0, "spanish");
        assert!(is_patronymic("Vladimirovich") && is_patronymic("Ivanovna") && !is_patronymic("Ivanov"));
    }
}
