//! Masking: the parts of a segment that are not prose (URLs, e-mail addresses, file paths,
//! command-line options, placeholders, inline code, times with seconds, version numbers, IP
//! addresses, markup) and that typography and locale rules must never touch.
//!
//! A check asks [`mask`] for the masked byte ranges of a segment once, then drops every
//! finding whose span meets one of them ([`is_masked`]).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use rayon::prelude::*;
use regex::Regex;
use regex_automata::{Input, MatchKind, PatternID, PatternSet, meta};

use crate::rules::guarded_regex::without_word_boundaries;
use crate::rules::{Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// What a masked range is; checks that need finer judgement (a `$5` that is money rather
/// than a shell parameter) can look at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MaskKind {
    /// `https://…`, `www.…`, `mailto:…`.
    Url,
    /// `nom@example.org`.
    Email,
    /// `/usr/bin`, `./x`, `~/x`, `C:\…`, `src/main.rs`.
    Path,
    /// `-x`, `--long-option`, `--opt=value`.
    Option,
    /// `%s`, `%1$d`, `%(name)s`, `{0}`, `{name}`, `{{x}}`, `${VAR}`, `$VAR`, `$1`, `%1`.
    Placeholder,
    /// `` `code` ``.
    Code,
    /// `12:30:05`.
    Time,
    /// `v1.2`, `3.2.1`, `version 2.4`, `192.168.0.1`, `12.01.2022`, MAC and IPv6 addresses.
    Version,
    /// `<b>`, `&nbsp;`.
    Markup,
}

/// One masked stretch of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Masked {
    /// Byte range in the segment.
    pub(crate) range: Range<usize>,
    /// What it is.
    pub(crate) kind: MaskKind,
}

/// The compiled masking patterns.
struct Masker {
    patterns: Vec<(MaskKind, Regex)>,
}

/// The patterns without their word boundaries, in one set (see [`without_word_boundaries`]):
/// a superset of where each can match, found in one pass that stays in the lazy DFA. Most
/// segments meet none. Built only for large documents: compiling it costs more than it saves
/// on a page.
static PREFILTER: LazyLock<Option<meta::Regex>> = LazyLock::new(|| {
    let hirs = PATTERNS
        .iter()
        .map(|(_, source)| regex_syntax::parse(source).ok().map(|hir| without_word_boundaries(&hir)))
        .collect::<Option<Vec<_>>>()?;
    let all_matches = meta::Config::new().match_kind(MatchKind::All);
    meta::Builder::new().configure(all_matches).build_many_from_hir(&hirs).ok()
});

/// Documents from this size on mask their segments through [`PREFILTER`].
pub(crate) const PREFILTER_FROM: usize = 4 * 1024;

/// Pattern sources, in no particular order (overlaps are merged afterwards).
const PATTERNS: &[(MaskKind, &str)] = &[
    (MaskKind::Url, r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>«»\x22]+"),
    (MaskKind::Email, r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    (MaskKind::Path, r"(?:~|\.{1,2})?/[\w.@%+~-]+(?:/[\w.@%+~-]*)*"),
    (MaskKind::Path, r"\b[A-Za-z]:\\[^\s«»\x22]*"),
    (MaskKind::Path, r"\\\\[\w.$-]+\\[^\s«»\x22]*"),
    (MaskKind::Path, r"\b[\w-]+(?:/[\w.-]+)+\.[A-Za-z0-9]{1,6}\b"),
    (MaskKind::Option, r"--?[A-Za-z][\w-]*(?:=[^\s,;»\x22')]*)?"),
    (
        MaskKind::Placeholder,
        r"%(?:\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn]",
    ),
    (MaskKind::Placeholder, r"%\(\w+\)[-+#0]*\d*(?:\.\d+)?[a-zA-Z]"),
    (MaskKind::Placeholder, r"%\d+"),
    (MaskKind::Placeholder, r"\{\{[^{}\n]*\}\}"),
    (MaskKind::Placeholder, r"\{[\w.]*(?:[:!][^{}\s]*)?\}"),
    (MaskKind::Placeholder, r"\$\{[^}\n]+\}"),
    (MaskKind::Placeholder, r"\$[A-Za-z_]\w*"),
    (MaskKind::Placeholder, r"\$\d"),
    (MaskKind::Code, r"`[^`\n]+`"),
    (MaskKind::Time, r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b"),
    (MaskKind::Version, r"\b[vV]\d+(?:\.\d+)+(?:[-+.]?[\w]+)*"),
    (MaskKind::Version, r"\b\d+(?:\.\d+){2,}(?:[-+~]?[A-Za-z0-9]+)*"),
    (MaskKind::Version, r"(?i)\bversions?\s+\d+(?:\.\d+)+"),
    (MaskKind::Version, r"\b[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}\b"),
    (MaskKind::Version, r"\b[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}\b"),
    (MaskKind::Markup, r"</?[A-Za-z][^<>\n]*>"),
    (MaskKind::Markup, r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"),
];

static MASKER: LazyLock<Result<Masker, String>> = LazyLock::new(Masker::new);

impl Masker {
    fn new() -> Result<Masker, String> {
        // Compiled on first use, while the other cores are idle: in parallel.
        let patterns = PATTERNS
            .par_iter()
            .map(|&(kind, source)| Regex::new(source).map(|regex| (kind, regex)).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Masker { patterns })
    }

    fn mask(&self, text: &str, prefilter: Option<&meta::Regex>) -> Vec<Masked> {
        let mut found: Vec<Masked> = Vec::new();
        let candidates = prefilter.map(|set| {
            let mut matched = PatternSet::new(set.pattern_len());
            set.which_overlapping_matches(&Input::new(text), &mut matched);
            matched
        });
        let wanted = |i: usize| candidates.as_ref().is_none_or(|c| PatternID::new(i).is_ok_and(|id| c.contains(id)));
        for (_, (kind, regex)) in self.patterns.iter().enumerate().filter(|(i, _)| wanted(*i)) {
            for m in regex.find_iter(text) {
                if let Some(range) = accept(text, *kind, m.range()) {
                    found.push(Masked { range, kind: *kind });
                }
            }
        }
        found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        let mut merged: Vec<Masked> = Vec::with_capacity(found.len());
        for m in found {
            match merged.last_mut() {
                Some(last) if m.range.start < last.range.end => last.range.end = last.range.end.max(m.range.end),
                _ => merged.push(m),
            }
        }
        merged
    }
}

/// Checks the context a regex cannot (the crate has no look-around) and trims what a match
/// swallowed; `None` rejects the match.
fn accept(text: &str, kind: MaskKind, range: Range<usize>) -> Option<Range<usize>> {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    match kind {
        // Sentence punctuation after a URL or a path belongs to the sentence.
        MaskKind::Url | MaskKind::Path => {
            // `et/ou`, `km/h`, `1/2`, the `//host` of a URL: not a path.
            if kind == MaskKind::Path && before.is_some_and(|c| c.is_alphanumeric() || c == '/') {
                return None;
            }
            let trimmed = trim_trailing(&text[range.clone()]);
            if trimmed.is_empty() || (kind == MaskKind::Path && trimmed == "/") {
                return None;
            }
            Some(range.start..range.start + trimmed.len())
        }
        // An option stands alone: `--help`, `(-v)`, not the hyphen of `peut-être` or `a-t-il`.
        MaskKind::Option => {
            if before.is_some_and(|c| !(c.is_whitespace() || "([{«\x22'`=,".contains(c))) {
                return None;
            }
            Some(range)
        }
        // `$5` may be money (`coûte $5`, `$5 millions`); `$1` in a shell manual is a parameter.
        MaskKind::Placeholder if text[range.clone()].starts_with('$') && text[range.clone()].len() == 2 => {
            let decimal =
                matches!(after, Some('.' | ',')) && text[range.end + 1..].starts_with(|c: char| c.is_ascii_digit());
            if after.is_some_and(|c| c.is_ascii_digit()) || decimal || looks_like_money(text, range.clone()) {
                return None;
            }
            Some(range)
        }
        // `%1` is a Qt placeholder only where a number cannot precede it (`5%1` is odd anyway).
        MaskKind::Placeholder if text[range.clone()].starts_with('%') => {
            let body = &text[range.clone()];
            if body[1..].bytes().all(|b| b.is_ascii_digit()) && before.is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            Some(range)
        }
        _ => Some(range),
    }
}

/// Whether `$N` at `range` reads as an amount of money from the words around it.
fn looks_like_money(text: &str, range: Range<usize>) -> bool {
    const CUES: &[&str] = &[
        "coût",
        "coûte",
        "coûtent",
        "coûtait",
        "prix",
        "payé",
        "payer",
        "paie",
        "vend",
        "vendu",
        "vaut",
        "valent",
        "environ",
        "seulement",
        "plus de",
        "moins de",
        "à peine",
        "montant",
        "budget",
        "tarif",
        "gagne",
        "dépense",
    ];
    let start = text[..range.start].char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let before = text[start..range.start].to_lowercase();
    let before = before.trim_end();
    if CUES.iter().any(|cue| before.ends_with(cue)) {
        return true;
    }
    let after = text[range.end..].trim_start();
    ["million", "milliard", "billion", "mille"].iter().any(|w| after.starts_with(w))
}

/// Drops sentence punctuation from the end of a URL or path, keeping a `)` that closes a `(`
/// inside it (Wikipedia URLs).
fn trim_trailing(s: &str) -> &str {
    let mut end = s.len();
    while let Some(c) = s[..end].chars().next_back() {
        let keep_paren = c == ')' && s[..end].matches('(').count() >= s[..end].matches(')').count();
        if ".,;:!?'’”»]".contains(c) || (c == ')' && !keep_paren) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    &s[..end]
}

/// How far line-level heuristics look on each side: a paragraph written on one huge line
/// (minified text, a JSON field) must not make every check quadratic.
const LINE_REACH: usize = 400;

/// The start and end of the line holding `at`, looking at most [`LINE_REACH`] bytes each way.
pub(crate) fn line_bounds(s: &str, at: usize) -> (usize, usize) {
    // Callers may step one byte back from a line start that was itself cut at the reach limit.
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let mut lo = at.saturating_sub(LINE_REACH);
    while !s.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + LINE_REACH).min(s.len());
    while !s.is_char_boundary(hi) {
        hi += 1;
    }
    let start = s[lo..at].rfind('\n').map_or(lo, |i| lo + i + 1);
    let end = s[at..hi].find('\n').map_or(hi, |i| at + i);
    (start, end)
}

/// Words of English and not of French: two of them on a line make it English, whose
/// typography differs (no space before `:`), so French spacing rules leave it alone.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "is",
    "are",
    "for",
    "with",
    "this",
    "that",
    "be",
    "by",
    "from",
    "which",
    "when",
    "will",
    "can",
    "should",
    "must",
    "it",
    "its",
    "an",
    "has",
    "have",
    "was",
    "were",
    "these",
    "those",
    "there",
    "their",
    "been",
    "into",
    "than",
    "then",
    "only",
    "also",
    "such",
    "each",
    "any",
    "if",
    "not",
    "see",
    "example",
    "default",
    "value",
    "used",
    "use",
    "file",
    "files",
    "following",
    "you",
    "your",
];

/// French function words, to weigh a line that mixes both.
pub(crate) const FRENCH_WORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "pour", "dans", "que", "qui", "sur", "par", "pas",
    "au", "aux", "ce", "cette", "sont", "avec", "ou", "être", "il", "elle", "son", "sa", "ses", "si", "à",
];

/// Whether the line `line_start..line_end` of `s` is code or English rather than French prose:
/// C and shell shown in manuals (`int x;`, `$ ls; echo`), `Key-Name:` header fields, English
/// sentences.
fn non_prose_line(s: &str, (line_start, line_end): (usize, usize)) -> bool {
    let line = s[line_start..line_end].trim();
    // A sentence wraps: the line before counts for its language.
    let window_start = if line_start == 0 { 0 } else { line_bounds(s, line_start - 1).0 };
    let window = &s[window_start..line_end];
    const CODE: &[&str] =
        &["/*", "*/", "// ", "->", "==", "!=", "&&", "||", "{", "}", "#include", "#define", ");", "();", " = ", "[]"];
    if CODE.iter().any(|c| line.contains(c))
        || line.ends_with([';', '{', '}', '\\'])
        || line.starts_with("$ ")
        || line.starts_with("# ")
        || line.starts_with("% ")
    {
        return true;
    }
    // Columns of a table or of program output: two gaps of two spaces or more.
    if line.split("  ").filter(|part| !part.trim().is_empty()).count() > 2 || line.contains('\t') {
        return true;
    }
    // `Build-Depends:`, `Standards-Version:`: a field name opening the line.
    if let Some(first) = line.split_whitespace().next() {
        let name = first.trim_end_matches(':');
        if first.ends_with(':')
            && name.contains('-')
            && name.split('-').all(|part| part.starts_with(|c: char| c.is_ascii_uppercase()) && part.is_ascii())
        {
            return true;
        }
    }
    let (english, french) = word_counts(window);
    english >= 2 && english > french
}

/// English-only and French function words in `text`.
pub(crate) fn word_counts(text: &str) -> (usize, usize) {
    let (mut english, mut french) = (0, 0);
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let lower: Cow<'_, str> =
            if word.chars().any(char::is_uppercase) { Cow::Owned(word.to_lowercase()) } else { Cow::Borrowed(word) };
        match WORD_LANGUAGE.get(lower.as_ref()) {
            Some(Language::English) => english += 1,
            Some(Language::French) => french += 1,
            None => {}
        }
    }
    (english, french)
}

/// Which list a function word is in.
enum Language {
    English,
    French,
}

/// [`ENGLISH_WORDS`] and [`FRENCH_WORDS`] in one map (English first, as `word_counts` reads them).
static WORD_LANGUAGE: LazyLock<HashMap<&'static str, Language>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for &word in FRENCH_WORDS {
        map.insert(word, Language::French);
    }
    for &word in ENGLISH_WORDS {
        map.insert(word, Language::English);
    }
    map
});

/// The byte ranges of `text` (one segment) that rules must skip, sorted and non-overlapping;
/// `large` when the segment belongs to a large document (see [`PREFILTER_FROM`]).
pub(crate) fn mask(text: &str, large: bool) -> Vec<Range<usize>> {
    let prefilter = if large { PREFILTER.as_ref() } else { None };
    match &*MASKER {
        Ok(masker) => masker.mask(text, prefilter).into_iter().map(|m| m.range).collect(),
        Err(_) => Vec::new(),
    }
}

/// Whether `start..end` meets a masked range (an empty span: whether it lies inside one).
pub(crate) fn is_masked(ranges: &[Range<usize>], start: usize, end: usize) -> bool {
    // The first range that ends after `start`; it is the only one that can meet the span.
    let i = ranges.partition_point(|r| r.end <= start);
    ranges.get(i).is_some_and(|r| if start == end { r.start <= start } else { r.start < end })
}

/// A segment of the document with its masked ranges, as the typography and locale checks read it.
pub(crate) struct Seg<'a> {
    /// The segment's normalized text.
    pub(crate) text: &'a str,
    /// Its offset in the document's normalized text.
    pub(crate) base: usize,
    /// Ranges that no check may touch (URLs, code, placeholders…), computed on first use.
    masks: &'a OnceLock<Vec<Range<usize>>>,
    /// Whether the document is large enough for the masking prefilter.
    large: bool,
    /// [`Seg::non_prose`] of the lines asked about, by line bounds: MT text has many findings per
    /// line, each asking.
    prose: RefCell<Vec<((usize, usize), bool)>>,
}

impl<'a> Seg<'a> {
    /// The segments of the document being checked, with the masks the context shares.
    pub(crate) fn all(cx: &'a crate::rules::CheckContext<'_>) -> Vec<Seg<'a>> {
        let text = cx.document.text();
        let large = text.len() >= PREFILTER_FROM;
        cx.document
            .segments()
            .iter()
            .zip(cx.mask_cells())
            .map(|(segment, masks)| Seg {
                text: text.get(segment.span.range()).unwrap_or(""),
                base: segment.span.start,
                masks,
                large,
                prose: RefCell::new(Vec::new()),
            })
            .collect()
    }

    /// A document span from segment offsets.
    pub(crate) fn span(&self, start: usize, end: usize) -> NormSpan {
        NormSpan::new(self.base + start, self.base + end)
    }

    /// Whether the line holding `at` is not French prose ([`non_prose_line`]), remembered per
    /// line.
    pub(crate) fn non_prose(&self, at: usize) -> bool {
        let line = line_bounds(self.text, at);
        if let Some(&(_, known)) = self.prose.borrow().iter().find(|(l, _)| *l == line) {
            return known;
        }
        let answer = non_prose_line(self.text, line);
        self.prose.borrow_mut().push((line, answer));
        answer
    }

    /// Whether `start..end` meets a masked range.
    pub(crate) fn masked(&self, start: usize, end: usize) -> bool {
        is_masked(self.masks.get_or_init(|| mask(self.text, self.large)), start, end)
    }

    /// The character before `at`.
    pub(crate) fn prev(&self, at: usize) -> Option<char> {
        self.text.get(..at)?.chars().next_back()
    }

    /// The character at `at`.
    pub(crate) fn next(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }
}

/// Pushes a finding unless its span meets a masked range or a line that is not French prose
/// (code, tables of program output and English sentences keep their own conventions).
pub(crate) fn emit(
    sink: &mut Sink<'_>,
    seg: &Seg<'_>,
    rule: RuleIndex,
    range: Range<usize>,
    build: impl FnOnce(Finding) -> Finding,
) {
    if !seg.masked(range.start, range.end) && !seg.non_prose(range.start) {
        sink.push(build(Finding::new(rule, seg.span(range.start, range.end))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_bounds_accepts_offsets_inside_a_character() {
        let s = "é".repeat(500);
        for at in [0, 1, 401, 599, 999, 1000] {
            let (start, end) = line_bounds(&s, at);
            assert!(s.is_char_boundary(start) && s.is_char_boundary(end) && start <= end);
        }
    }

    fn masked(text: &str) -> Vec<&str> {
        let ranges = mask(text, false);
        // The prefilter of large documents never changes the answer.
        assert_eq!(mask(text, true), ranges, "prefiltered masks differ on {text:?}");
        ranges.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn patterns_compile() {
        assert!(MASKER.is_ok(), "{:?}", MASKER.as_ref().err());
        assert!(PREFILTER.is_some());
    }

    #[test]
    fn urls_emails_and_paths() {
        assert_eq!(masked("Voir https://exemple.fr/a?b=1;c=2."), ["https://exemple.fr/a?b=1;c=2"]);
        assert_eq!(masked("Site : www.exemple.fr, merci"), ["www.exemple.fr"]);
        assert_eq!(masked("Écrivez à jean.dupont@exemple.fr !"), ["jean.dupont@exemple.fr"]);
        assert_eq!(masked("Dans /usr/bin et ./configure, ~/x"), ["/usr/bin", "./configure", "~/x"]);
        assert_eq!(masked(r"Ouvrez C:\Program Files"), [r"C:\Program"]);
        assert_eq!(masked("Le fichier src/main.rs."), ["src/main.rs"]);
        assert!(masked("et/ou, 50 km/h, 1/2").is_empty());
        assert_eq!(
            masked("(https://fr.wikipedia.org/wiki/Paris_(France))"),
            ["https://fr.wikipedia.org/wiki/Paris_(France)"]
        );
    }

    #[test]
    fn options_and_placeholders() {
        assert_eq!(masked("Lancez --help ou -v : (--opt=3)"), ["--help", "-v", "--opt=3"]);
        assert!(masked("peut-être a-t-il raison").is_empty());
        assert_eq!(
            masked("%s et %1$d, %(nom)s, {0}, {name}, {{x}}"),
            ["%s", "%1$d", "%(nom)s", "{0}", "{name}", "{{x}}"]
        );
        assert_eq!(masked("${HOME} et $PATH puis $1"), ["${HOME}", "$PATH", "$1"]);
        assert!(masked("Il coûte $5 et 5 % de plus").is_empty());
        assert!(masked("5% des voix").is_empty());
        assert_eq!(masked("Fichier %1 introuvable"), ["%1"]);
    }

    #[test]
    fn code_times_versions_addresses() {
        assert_eq!(masked("Tapez `ls -l` ; à 12:30:05 ; v1.2 et 3.2.1"), ["`ls -l`", "12:30:05", "v1.2", "3.2.1"]);
        assert_eq!(
            masked("IP 192.168.0.1, la version 2.4 et 12.01.2022"),
            ["192.168.0.1", "version 2.4", "12.01.2022"]
        );
        assert!(masked("à 10:30, 16:9, 3,5 %").is_empty());
        assert_eq!(masked("<b>gras</b> &nbsp;"), ["<b>", "</b>", "&nbsp;"]);
    }

    #[test]
    fn is_masked_meets_ranges() {
        let ranges = vec![2..5, 8..10];
        assert!(is_masked(&ranges, 0, 3));
        assert!(is_masked(&ranges, 4, 9));
        assert!(!is_masked(&ranges, 5, 8));
        assert!(!is_masked(&ranges, 0, 2));
        assert!(is_masked(&ranges, 3, 3));
        assert!(!is_masked(&ranges, 5, 5));
        assert!(!is_masked(&ranges, 10, 12));
    }
}
