//! The `unicode` kind: damage hidden in the characters themselves — decomposed accents,
//! invisible and control characters, U+FFFD, mojibake (UTF-8 read as Windows-1252), Latin
//! words with Cyrillic homoglyphs — and text left untranslated: Cyrillic runs, English and
//! German sentences.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use unicode_normalization::char::is_combining_mark;

use crate::rules::pack::{PackData, PackError, RuleEntry};
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::{NormSpan, Span};

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] =
    &["decomposed", "invisible", "replacement-character", "mojibake", "mixed-script", "cyrillic", "english", "german"];

/// French function words: their presence marks a stretch of text as French.
pub(crate) const FRENCH_FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "et", "ou", "est", "sont", "être", "pour", "par",
    "sur", "dans", "avec", "ce", "cet", "cette", "ces", "qui", "que", "quoi", "dont", "il", "elle", "ils", "elles",
    "nous", "vous", "je", "tu", "ne", "pas", "plus", "se", "sa", "son", "ses", "leur", "leurs", "mais", "donc", "car",
    "si", "comme", "tout", "tous", "toute", "toutes", "sans", "sous", "entre", "vers", "chez", "après", "avant",
    "depuis", "pendant", "lors", "alors", "ainsi", "où", "aussi", "très", "peut", "doit", "fait", "été", "était",
    "avait", "ont", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos", "lui", "eux", "y", "en",
    "à", "selon", "contre", "voir", "cela", "ceci", "celui", "celle", "ceux", "quand", "puis", "encore", "déjà", "non",
    "oui", "même", "autre", "autres", "chaque", "peu", "bien",
];

/// Letters that only French (among the languages met here) writes.
fn is_french_letter(c: char) -> bool {
    matches!(
        c,
        'é' | 'è'
            | 'ê'
            | 'ë'
            | 'à'
            | 'â'
            | 'î'
            | 'ï'
            | 'ô'
            | 'û'
            | 'ù'
            | 'ç'
            | 'œ'
            | 'æ'
            | 'É'
            | 'È'
            | 'Ê'
            | 'À'
            | 'Â'
            | 'Î'
            | 'Ô'
            | 'Û'
            | 'Ç'
            | 'Œ'
    )
}

/// The word list a language detector entry gives in its pack entry.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LanguageParams {
    /// Function words of the language (lowercase; apostrophes straight).
    words: Vec<String>,
    /// Determiners and pronouns: a sentence has one, a list of keywords does not.
    core_words: Vec<String>,
    /// How many words a fragment needs at least.
    #[serde(default = "default_min_words")]
    min_words: usize,
}

fn default_min_words() -> usize {
    4
}

/// A compiled language detector.
struct Language {
    rule: RuleIndex,
    words: HashSet<String>,
    core: HashSet<String>,
    min_words: usize,
    name: &'static str,
    /// Whether runs of capitalized words are names and titles (not in German, which
    /// capitalizes every noun).
    title_guard: bool,
}

/// Runs the `unicode` rules.
pub(crate) struct UnicodeEngine {
    indexes: Vec<RuleIndex>,
    decomposed: Option<RuleIndex>,
    invisible: Option<RuleIndex>,
    replacement: Option<RuleIndex>,
    mojibake: Option<RuleIndex>,
    mixed_script: Option<RuleIndex>,
    cyrillic: Option<RuleIndex>,
    languages: Vec<Language>,
    french: HashSet<&'static str>,
}

impl UnicodeEngine {
    /// Compiles the entries of this kind with the data tables they read.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], _data: &PackData) -> Result<Self, PackError> {
        let mut engine = UnicodeEngine {
            indexes: Vec::new(),
            decomposed: None,
            invisible: None,
            replacement: None,
            mojibake: None,
            mixed_script: None,
            cyrillic: None,
            languages: Vec::new(),
            french: FRENCH_FUNCTION_WORDS.iter().copied().collect(),
        };
        for &(index, entry) in entries {
            let check = entry.meta.check.as_deref();
            let slot = match check {
                Some("decomposed") => &mut engine.decomposed,
                Some("invisible") => &mut engine.invisible,
                Some("replacement-character") => &mut engine.replacement,
                Some("mojibake") => &mut engine.mojibake,
                Some("mixed-script") => &mut engine.mixed_script,
                Some("cyrillic") => &mut engine.cyrillic,
                Some(name @ ("english" | "german")) => {
                    let params: LanguageParams = entry.params()?;
                    if params.words.is_empty() {
                        return Err(entry.error("`words` is empty"));
                    }
                    let fold = |list: &[String]| -> HashSet<String> {
                        list.iter().map(|w| w.to_lowercase().replace('’', "'")).collect()
                    };
                    let core = fold(&params.core_words);
                    let mut words = fold(&params.words);
                    words.extend(core.iter().cloned());
                    let english = name == "english";
                    engine.languages.push(Language {
                        rule: index,
                        words,
                        core,
                        min_words: params.min_words.max(2),
                        name: if english { "anglais" } else { "allemand" },
                        title_guard: english,
                    });
                    engine.indexes.push(index);
                    continue;
                }
                other => return Err(entry.error(format!("unknown check {other:?} for kind `unicode`"))),
            };
            if !entry.params.is_empty() {
                let keys: Vec<&String> = entry.params.keys().collect();
                return Err(entry.error(format!("unknown fields {keys:?} for check {check:?}")));
            }
            *slot = Some(index);
            engine.indexes.push(index);
        }
        Ok(engine)
    }
}

// ---------------------------------------------------------------------------------------------
// Decomposed accents

/// Reports stretches whose original characters differ from their NFC form.
fn check_decomposed(cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
    let doc = cx.document;
    let text = doc.text();
    if doc.is_nfc() {
        return;
    }
    for segment in doc.segments() {
        // Groups of normalized characters that map to one original stretch.
        let mut group: Option<(usize, usize, Span)> = None;
        let seg = &text[segment.span.range()];
        let flush = |group: Option<(usize, usize, Span)>, sink: &mut Sink<'_>| {
            let Some((start, end, original)) = group else { return };
            let nfc = &text[start..end];
            let written = doc.original_text(original);
            if written == nfc {
                return;
            }
            // Only letters followed by combining marks: singletons that NFC replaces (the ohm
            // sign, the kelvin sign, Greek oxia) are characters in their own right.
            if !written.chars().any(is_combining_mark) {
                return;
            }
            let message = format!(
                "Caractère décomposé (lettre suivie d’un diacritique combinant) : écrivez « {} » précomposé.",
                nfc.trim()
            );
            sink.push(Finding::new(rule, NormSpan::new(start, end)).with_message(message).suggest(nfc));
        };
        for (i, c) in seg.char_indices() {
            let start = segment.span.start + i;
            let end = start + c.len_utf8();
            let original = doc.to_original(NormSpan::new(start, end));
            group = match group {
                Some((s, _, o)) if o.overlaps(original) => {
                    Some((s, end, Span::new(o.start.min(original.start), o.end.max(original.end))))
                }
                previous => {
                    flush(previous, sink);
                    Some((start, end, original))
                }
            };
        }
        flush(group, sink);
    }
}

// ---------------------------------------------------------------------------------------------
// Invisible and control characters

/// What an invisible character is, for messages; `None` for visible ones.
fn invisible_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "espace sans chasse (U+200B)",
        '\u{200C}' => "antiliant sans chasse (U+200C)",
        '\u{200D}' => "liant sans chasse (U+200D)",
        '\u{2060}' => "gluon de mots (U+2060)",
        '\u{00AD}' => "trait d’union conditionnel (U+00AD)",
        '\u{FEFF}' => "indicateur d’ordre des octets (U+FEFF) au milieu du texte",
        '\u{200E}' | '\u{200F}' => "marque de direction (U+200E/U+200F)",
        '\u{202A}'..='\u{202E}' => "caractère de contrôle bidirectionnel (U+202A–U+202E)",
        '\u{2066}'..='\u{2069}' => "isolat bidirectionnel (U+2066–U+2069)",
        '\u{2061}'..='\u{2064}' => "opérateur invisible (U+2061–U+2064)",
        '\u{0000}'..='\u{0008}' | '\u{000B}' | '\u{000E}'..='\u{001F}' | '\u{007F}' => "caractère de contrôle",
        _ => return None,
    })
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{0000}'..='\u{0008}' | '\u{000B}' | '\u{000E}'..='\u{001F}' | '\u{007F}')
}

/// Whether `c` belongs to a right-to-left script (where bidi controls are legitimate).
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Whether `c` is a letter of the Latin script (with digits: what French words are made of).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}')
}

/// Whether a joiner next to `c` is out of place: joiners serve Arabic, Indic scripts and
/// emoji sequences, not Latin or Cyrillic words.
fn joiner_out_of_place(c: Option<char>) -> bool {
    c.is_some_and(|c| is_latin(c) || is_cyrillic(c) || c.is_ascii_digit())
}

/// Reports invisible characters: the span is the word that holds them, the fix deletes them.
fn check_invisible(cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
    let text = cx.document.text();
    for segment in cx.document.segments() {
        let seg = &text[segment.span.range()];
        if !seg.chars().any(|c| invisible_name(c).is_some()) {
            continue;
        }
        let has_rtl = seg.chars().any(is_rtl);
        let chars: Vec<(usize, char)> = seg.char_indices().collect();
        let flagged = |k: usize| -> bool {
            let c = chars[k].1;
            if invisible_name(c).is_none() {
                return false;
            }
            if is_bidi_control(c) {
                return !has_rtl;
            }
            if c == '\u{200C}' || c == '\u{200D}' {
                let prev = chars[..k].iter().rev().map(|&(_, c)| c).find(|&c| invisible_name(c).is_none());
                let next = chars[k + 1..].iter().map(|&(_, c)| c).find(|&c| invisible_name(c).is_none());
                return joiner_out_of_place(prev) || joiner_out_of_place(next);
            }
            true
        };
        let mut k = 0;
        while k < chars.len() {
            if !flagged(k) {
                k += 1;
                continue;
            }
            let run_start = k;
            while k < chars.len() && flagged(k) {
                k += 1;
            }
            let (start, first) = chars[run_start];
            let end = chars.get(k).map_or(seg.len(), |&(i, _)| i);
            // The word around the run, invisible characters included.
            let in_word = |c: char| c.is_alphanumeric() || is_combining_mark(c) || invisible_name(c).is_some();
            let word_start = chars[..run_start]
                .iter()
                .rev()
                .take_while(|&&(_, c)| in_word(c) && !is_control(c))
                .last()
                .map_or(start, |&(i, _)| i);
            let word_end = chars[k..]
                .iter()
                .take_while(|&&(_, c)| in_word(c) && !is_control(c))
                .last()
                .map_or(end, |&(i, c)| i + c.len_utf8());
            let name = invisible_name(first).unwrap_or("caractère invisible");
            let base = segment.span.start;
            let span = NormSpan::new(base + word_start, base + word_end);
            let edit = NormSpan::new(base + start, base + end);
            let mut finding = Finding::new(rule, span);
            if is_control(first) {
                let code = first as u32;
                finding =
                    finding.with_message(format!("Caractère de contrôle U+{code:04X} dans le texte : supprimez-le."));
                if first == '\u{0000}' || chars[run_start..k].iter().all(|&(_, c)| c != '\u{1B}') {
                    finding = finding.suggest_at(edit, "");
                }
            } else {
                let count = k - run_start;
                let what = if count > 1 { format!("{count} caractères invisibles ({name})") } else { name.to_owned() };
                finding = finding.with_message(format!("{what} dans le texte : supprimez-le.")).suggest_at(edit, "");
            }
            sink.push(finding);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// U+FFFD

fn check_replacement(cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
    let text = cx.document.text();
    for segment in cx.document.segments() {
        let seg = &text[segment.span.range()];
        let mut from = 0;
        while let Some(rel) = seg[from..].find('\u{FFFD}') {
            let start = from + rel;
            let end = start + seg[start..].chars().take_while(|&c| c == '\u{FFFD}').map(char::len_utf8).sum::<usize>();
            sink.push(Finding::new(rule, NormSpan::new(start, end).shifted(segment.span.start)));
            from = end;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Mojibake

/// The Windows-1252 (or Latin-1) byte that `c` displays, for bytes 0x80–0xFF.
fn legacy_byte(c: char) -> Option<u8> {
    let code = c as u32;
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Whether a character decoded from mojibake is one a French text plausibly held.
fn plausible(c: char) -> bool {
    matches!(c, '\u{A0}'..='\u{17F}' | '\u{2010}'..='\u{206F}' | '€' | '™' | '\u{1F300}'..='\u{1FAFF}')
}

/// A mojibake sequence found at a position: its length in characters and the text it was.
fn mojibake_at(chars: &[(usize, char)], k: usize) -> Option<(usize, char)> {
    let lead = legacy_byte(chars[k].1)?;
    let continuation = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = vec![lead];
    for j in 1..=continuation {
        let byte = legacy_byte(chars.get(k + j)?.1)?;
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        bytes.push(byte);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    plausible(decoded).then_some((continuation + 1, decoded))
}

/// Whether `seg` has a character that displays a UTF-8 lead byte followed by one that
/// displays a continuation byte (or `Ã` and a space): where mojibake can start.
fn may_hold_mojibake(seg: &str) -> bool {
    let mut previous_is_lead = false;
    for c in seg.chars() {
        if c.is_ascii() && c != ' ' {
            previous_is_lead = false;
            continue;
        }
        let byte = legacy_byte(c);
        if previous_is_lead && (c == ' ' || byte.is_some_and(|b| (0x80..=0xBF).contains(&b))) {
            return true;
        }
        previous_is_lead = byte.is_some_and(|b| (0xC2..=0xF4).contains(&b));
    }
    false
}

fn check_mojibake(cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
    let text = cx.document.text();
    for segment in cx.document.segments() {
        let seg = &text[segment.span.range()];
        if !may_hold_mojibake(seg) {
            continue;
        }
        let chars: Vec<(usize, char)> = seg.char_indices().collect();
        let end_of = |k: usize| chars.get(k).map_or(seg.len(), |&(i, _)| i);
        let mut k = 0;
        while k < chars.len() {
            let (start, c) = chars[k];
            let found = match mojibake_at(&chars, k) {
                Some((len, decoded)) => Some((len, decoded.to_string())),
                // "Ã" + space: an "à" whose no-break space became a plain space.
                None if c == 'Ã' && chars.get(k + 1).is_some_and(|&(_, n)| n == ' ') => {
                    let at = |j: Option<usize>| j.and_then(|j| chars.get(j)).map(|&(_, c)| c);
                    let prev = at(k.checked_sub(1));
                    let after = at(Some(k + 2));
                    // « voilÃ  » (end of a word) or « Ã  Paris » (a word alone in running text,
                    // one or two spaces before the next word), not a character table.
                    let word_end = prev.is_some_and(char::is_lowercase);
                    let next_word = match after {
                        Some(' ') => at(Some(k + 3)).is_some_and(char::is_alphanumeric),
                        Some(n) => n.is_alphanumeric(),
                        None => false,
                    };
                    let alone =
                        prev == Some(' ') && at(k.checked_sub(2)).is_none_or(|p| !p.is_whitespace()) && next_word;
                    if word_end || alone {
                        // The space was the no-break byte unless a letter follows it directly.
                        let len = if after.is_some_and(char::is_alphanumeric) { 1 } else { 2 };
                        Some((len, "à".to_owned()))
                    } else {
                        None
                    }
                }
                None => None,
            };
            let Some((len, decoded)) = found else {
                k += 1;
                continue;
            };
            let end = end_of(k + len);
            let written = &seg[start..end];
            let message = format!(
                "Texte mal décodé (UTF-8 lu comme du Windows-1252) : « {} » est « {decoded} ».",
                written.trim_end()
            );
            let span = NormSpan::new(start, end).shifted(segment.span.start);
            sink.push(Finding::new(rule, span).with_message(message).suggest(decoded));
            k += len;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Mixed scripts

/// The Latin letter that looks like a Cyrillic one, and back.
const HOMOGLYPHS: &[(char, char)] = &[
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('ԁ', 'd'),
    ('һ', 'h'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
    ('ё', 'ë'),
    ('ї', 'ï'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('У', 'Y'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
    ('Ё', 'Ë'),
];

fn to_latin(c: char) -> Option<char> {
    HOMOGLYPHS.iter().find(|&&(cy, _)| cy == c).map(|&(_, la)| la)
}

fn to_cyrillic(c: char) -> Option<char> {
    HOMOGLYPHS.iter().find(|&&(_, la)| la == c).map(|&(cy, _)| cy)
}

/// Words of a segment: maximal runs of letters and combining marks, as (start, end).
fn letter_runs(seg: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in seg.char_indices() {
        let letter = c.is_alphabetic() || (start.is_some() && is_combining_mark(c));
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, seg.len()));
    }
    out
}

fn check_mixed_script(cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
    let text = cx.document.text();
    for segment in cx.document.segments() {
        let seg = &text[segment.span.range()];
        // This check is about Cyrillic letters only.
        if !seg.chars().any(is_cyrillic) {
            continue;
        }
        for (start, end) in letter_runs(seg) {
            let word = &seg[start..end];
            let latin = word.chars().filter(|&c| is_latin(c)).count();
            let cyrillic = word.chars().filter(|&c| is_cyrillic(c)).count();
            if latin == 0 || cyrillic == 0 {
                continue;
            }
            let to_latin_side = latin >= cyrillic;
            let odd: Vec<char> =
                word.chars().filter(|&c| if to_latin_side { is_cyrillic(c) } else { is_latin(c) }).collect();
            let fixed: Option<String> = word
                .chars()
                .map(|c| match (to_latin_side, is_cyrillic(c), is_latin(c)) {
                    (true, true, _) => to_latin(c),
                    (false, _, true) => to_cyrillic(c),
                    _ => Some(c),
                })
                .collect();
            let odd_list: String =
                odd.iter().map(|c| format!("« {c} » U+{:04X}", *c as u32)).collect::<Vec<_>>().join(", ");
            let (script, other) = if to_latin_side { ("latin", "cyrillique") } else { ("cyrillique", "latin") };
            let span = NormSpan::new(start, end).shifted(segment.span.start);
            let finding = match fixed {
                Some(fixed) => Finding::new(rule, span)
                    .with_message(format!(
                        "Mot {script} contenant des lettres de l’alphabet {other} ({odd_list}) : écrivez « {fixed} »."
                    ))
                    .suggest(fixed),
                None => Finding::new(rule, span).with_message(format!(
                    "Mot {script} contenant des lettres de l’alphabet {other} ({odd_list}) : retapez-le."
                )),
            };
            sink.push(finding);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Untranslated Cyrillic

/// Characters that open or close a quotation or parenthesis (a gloss).
fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '«' | '"' | '“' | '„' | '‹' | '‘')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '»' | '"' | '”' | '›' | '’')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Whether `start..end` of `seg` sits between an opening and a closing mark (spaces apart).
fn enclosed(seg: &str, start: usize, end: usize) -> bool {
    let before = seg[..start].trim_end_matches(|c: char| c.is_whitespace());
    let after = seg[end..].trim_start_matches(|c: char| c.is_whitespace() || is_sentence_end(c) || c == ',');
    before.chars().next_back().is_some_and(is_opener) && after.chars().next().is_some_and(is_closer)
}

fn check_cyrillic(cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
    let text = cx.document.text();
    for segment in cx.document.segments() {
        let seg = &text[segment.span.range()];
        // This check is about Cyrillic letters only.
        if !seg.chars().any(is_cyrillic) {
            continue;
        }
        let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // start, end, words
        for (start, end) in letter_runs(seg) {
            let word = &seg[start..end];
            let cyrillic = word.chars().all(|c| is_cyrillic(c) || is_combining_mark(c));
            if !cyrillic {
                continue;
            }
            match runs.last_mut() {
                Some(run) if joins_run(&seg[run.1..start]) => {
                    run.1 = end;
                    run.2 += 1;
                }
                _ => runs.push((start, end, 1)),
            }
        }
        for (start, end, words) in runs {
            // A short gloss in quotes or parentheses is fine: « дума », (Государственная дума).
            if words <= 6 && enclosed(seg, start, end) {
                continue;
            }
            // Single letters (a character table, a list marker) are not text.
            let run = &seg[start..end];
            let longest = letter_runs(run).iter().map(|&(s, e)| run[s..e].chars().count()).max();
            if longest.unwrap_or(0) < 3 {
                continue;
            }
            sink.push(Finding::new(rule, NormSpan::new(start, end).shifted(segment.span.start)));
        }
    }
}

/// Whether the text between two Cyrillic words keeps them in one run: no letter, no end of
/// sentence, no quotation mark or parenthesis.
fn joins_run(gap: &str) -> bool {
    !gap.chars().any(|c| c.is_alphabetic() || is_sentence_end(c) || is_opener(c) || is_closer(c))
}

// ---------------------------------------------------------------------------------------------
// Untranslated English and German

/// What a token of a sentence is, for the language detectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A function word of the language looked for.
    Foreign,
    /// A French word: a function word, an elision, or a word with French letters.
    French,
    /// Any other word.
    Neutral,
    /// Code, a path, a URL, a number, an option, a word in capitals: ends a fragment.
    Other,
}

/// One whitespace-separated token, trimmed of the punctuation around it.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    class: Class,
    /// Opens a quotation or a parenthesis.
    opens: bool,
    /// Closes one, or ends a sentence or a clause (`. ! ? ; :`).
    closes: bool,
    capitalized: bool,
}

/// Whether `word` (trimmed) looks like code, a path, a URL, a number or an option.
fn code_like(word: &str) -> bool {
    word.starts_with('-')
        || word.chars().any(|c| c.is_ascii_digit() || "_/\\=<>{}[]|$@#`~^%&+*:.".contains(c))
        || (word.chars().skip(1).any(char::is_uppercase) && word.chars().any(char::is_lowercase))
}

const ELISIONS: &[&str] = &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// A word of a segment before the language looked for is known.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    kind: WordKind,
    opens: bool,
    closes: bool,
    capitalized: bool,
}

#[derive(Debug, Clone)]
enum WordKind {
    /// Code, a number, capitals…: [`Class::Other`] in every language.
    Other,
    /// An elided French word (`l’`, `qu’`).
    Elision,
    /// Any other word, lowercased in the segment's word buffer.
    Plain {
        lower: Range<usize>,
        /// A French function word, or a word with French letters.
        french: bool,
        /// Made of Latin letters, apostrophes and hyphens only.
        latin: bool,
    },
}

/// The words of `seg`, with their lowercase forms appended to `lowered`.
fn words(seg: &str, french: &HashSet<&str>, lowered: &mut String) -> Vec<Word> {
    lowered.clear();
    let mut out = Vec::new();
    let mut at = 0;
    for piece in seg.split_inclusive(char::is_whitespace) {
        let start0 = at;
        at += piece.len();
        let raw = piece.trim_end_matches(char::is_whitespace);
        if raw.is_empty() {
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '-').len();
        let core = raw[lead..].trim_end_matches(|c: char| !c.is_alphanumeric());
        let opens = raw[..lead].chars().any(is_opener);
        let tail = &raw[lead + core.len()..];
        let closes = tail.chars().any(|c| is_closer(c) || is_sentence_end(c) || c == ';' || c == ':');
        let start = start0 + lead;
        let end = start + core.len();
        if core.is_empty() {
            // Punctuation alone (a dash, a guillemet): it may open or close a stretch.
            out.push(Word {
                start,
                end: start,
                kind: WordKind::Other,
                opens,
                closes: closes || opens,
                capitalized: false,
            });
            continue;
        }
        let capitalized = core.chars().next().is_some_and(char::is_uppercase);
        let letters = core.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && core.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        let code_marks = |s: &str| s.chars().any(|c| "_/\\=<>{}[]|$@#`~^%&+*".contains(c));
        let kind = if code_like(core) || code_marks(raw) || all_caps || letters == 0 {
            WordKind::Other
        } else {
            let from = lowered.len();
            for c in core.chars() {
                match c {
                    '’' => lowered.push('\''),
                    c if c.is_ascii() => lowered.push(c.to_ascii_lowercase()),
                    c => lowered.extend(c.to_lowercase()),
                }
            }
            let lower = &lowered[from..];
            if lower.split_once('\'').is_some_and(|(head, _)| ELISIONS.contains(&head)) {
                WordKind::Elision
            } else {
                WordKind::Plain {
                    french: french.contains(lower) || core.chars().any(is_french_letter),
                    latin: core.chars().all(|c| is_latin(c) || c == '\'' || c == '’' || c == '-'),
                    lower: from..lowered.len(),
                }
            }
        };
        out.push(Word { start, end, kind, opens, closes, capitalized });
    }
    out
}

/// The tokens of a segment's words for one language.
fn tokens(words: &[Word], lowered: &str, foreign: &HashSet<String>) -> Vec<Token> {
    words
        .iter()
        .map(|w| {
            let class = match &w.kind {
                WordKind::Other => Class::Other,
                WordKind::Elision => Class::French,
                WordKind::Plain { lower, .. } if foreign.contains(&lowered[lower.clone()]) => Class::Foreign,
                WordKind::Plain { french: true, .. } => Class::French,
                WordKind::Plain { latin: true, .. } => Class::Neutral,
                WordKind::Plain { .. } => Class::Other,
            };
            Token { start: w.start, end: w.end, class, opens: w.opens, closes: w.closes, capitalized: w.capitalized }
        })
        .collect()
}

impl UnicodeEngine {
    /// Reports the fragments of each language in `languages` (words tokenized once).
    fn check_languages(&self, cx: &CheckContext<'_>, languages: &[&Language], sink: &mut Sink<'_>) {
        let text = cx.document.text();
        let mut lowered = String::new();
        for segment in cx.document.segments() {
            let seg = &text[segment.span.range()];
            let words = words(seg, &self.french, &mut lowered);
            for language in languages {
                self.check_language(
                    seg,
                    segment.span.start,
                    &tokens(&words, &lowered, &language.words),
                    language,
                    sink,
                );
            }
        }
    }

    fn check_language(&self, seg: &str, base: usize, tokens: &[Token], language: &Language, sink: &mut Sink<'_>) {
        let mut run: Vec<Token> = Vec::new();
        let mut after_french = false;
        for token in tokens {
            if token.opens && !run.is_empty() {
                self.judge(seg, base, &run, after_french, language, sink);
                run.clear();
                after_french = false;
            }
            match token.class {
                Class::Foreign | Class::Neutral => run.push(*token),
                Class::French | Class::Other => {
                    self.judge(seg, base, &run, after_french, language, sink);
                    run.clear();
                    after_french = token.class == Class::French && !token.closes;
                    continue;
                }
            }
            if token.closes {
                self.judge(seg, base, &run, after_french, language, sink);
                run.clear();
                after_french = false;
            }
        }
        self.judge(seg, base, &run, after_french, language, sink);
    }

    /// Reports `run` when it reads as a fragment of the language looked for.
    fn judge(
        &self,
        seg: &str,
        base: usize,
        run: &[Token],
        after_french: bool,
        language: &Language,
        sink: &mut Sink<'_>,
    ) {
        // After a French word, leading lowercase neutral words are French nouns and verbs.
        let skip = if after_french {
            run.iter().take_while(|t| t.class == Class::Neutral && !t.capitalized).count()
        } else {
            0
        };
        let run = &run[skip..];
        let (Some(first), Some(last)) = (run.first(), run.last()) else { return };
        let long_words = run.iter().filter(|t| seg[t.start..t.end].chars().count() >= 2).count();
        if long_words < language.min_words {
            return;
        }
        // A sentence has a determiner or pronoun and another function word; a list of
        // keywords ("source, binary, any, all") does not.
        let is_core = |t: &Token| language.core.contains(&seg[t.start..t.end].to_lowercase().replace('’', "'"));
        let core = run.iter().filter(|t| t.class == Class::Foreign && is_core(t)).count();
        let other = run.iter().filter(|t| t.class == Class::Foreign && !is_core(t)).count();
        if core == 0 || other == 0 {
            return;
        }
        let foreign: Vec<&str> =
            run.iter().filter(|t| t.class == Class::Foreign).map(|t| &seg[t.start..t.end]).collect();
        let distinct: HashSet<String> = foreign.iter().map(|w| w.to_lowercase()).collect();
        if foreign.len() < 2 || distinct.len() < 2 || foreign.len() * 4 < run.len() {
            return;
        }
        // Titles and names: most other words capitalized ("The Lord of the Rings").
        let neutral: Vec<&Token> =
            run.iter().filter(|t| t.class == Class::Neutral && seg[t.start..t.end].chars().count() >= 3).collect();
        let capitalized = neutral.iter().filter(|t| t.capitalized).count();
        if language.title_guard && !neutral.is_empty() && capitalized * 4 >= neutral.len() * 3 {
            return;
        }
        if language.title_guard
            && enclosed(seg, first.start, last.end)
            && run.len() <= 8
            && first.capitalized
            && capitalized * 2 >= neutral.len()
        {
            return;
        }
        let span = NormSpan::new(first.start, last.end).shifted(base);
        let message = format!(
            "Passage en {} non traduit ({} mots) : traduisez-le, ou mettez-le entre guillemets s’il est cité.",
            language.name,
            run.len()
        );
        sink.push(Finding::new(language.rule, span).with_message(message));
    }
}

impl Check for UnicodeEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        if let Some(rule) = self.decomposed.filter(|&r| cx.enabled(r)) {
            check_decomposed(cx, rule, sink);
        }
        if let Some(rule) = self.invisible.filter(|&r| cx.enabled(r)) {
            check_invisible(cx, rule, sink);
        }
        if let Some(rule) = self.replacement.filter(|&r| cx.enabled(r)) {
            check_replacement(cx, rule, sink);
        }
        if let Some(rule) = self.mojibake.filter(|&r| cx.enabled(r)) {
            check_mojibake(cx, rule, sink);
        }
        if let Some(rule) = self.mixed_script.filter(|&r| cx.enabled(r)) {
            check_mixed_script(cx, rule, sink);
        }
        if let Some(rule) = self.cyrillic.filter(|&r| cx.enabled(r)) {
            check_cyrillic(cx, rule, sink);
        }
        let languages: Vec<&Language> = self.languages.iter().filter(|l| cx.enabled(l.rule)).collect();
        if !languages.is_empty() {
            self.check_languages(cx, &languages, sink);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<(usize, char)> {
        s.char_indices().collect()
    }

    #[test]
    fn mojibake_sequences_decode() {
        assert_eq!(mojibake_at(&chars("Ã©"), 0), Some((2, 'é')));
        assert_eq!(mojibake_at(&chars("â€™"), 0), Some((3, '’')));
        assert_eq!(mojibake_at(&chars("Ã\u{a0}"), 0), Some((2, 'à')));
        assert_eq!(mojibake_at(&chars("Å“"), 0), Some((2, 'œ')));
        assert_eq!(mojibake_at(&chars("â‚¬"), 0), Some((3, '€')));
    }

    #[test]
    fn french_capitals_are_not_mojibake() {
        // É + no-break space is valid UTF-8 (U+0260), but not a plausible French character.
        assert_eq!(mojibake_at(&chars("É\u{a0}"), 0), None);
        assert_eq!(mojibake_at(&chars("É»"), 0), None);
        assert_eq!(mojibake_at(&chars("éà"), 0), None);
        assert_eq!(mojibake_at(&chars("Ça"), 0), None);
    }

    #[test]
    fn code_tokens() {
        assert!(code_like("--all"));
        assert!(code_like("file.txt"));
        assert!(code_like("getValue"));
        assert!(code_like("https://x"));
        assert!(!code_like("meeting"));
        assert!(!code_like("Geneva"));
    }
}
