//! The `typography` kind: French spacing around punctuation and guillemets (aware of the
//! language variant), guillemet pairing and orientation, `...`, hyphens used as dashes,
//! doubled and trailing spaces, civility abbreviations, ordinals, foreign quotation marks and
//! `#` for « n° ».
//!
//! Every check reads the segments with their non-prose parts masked ([`super::mask`]): a
//! finding whose span (or, for a whole quotation, whose marks) meets a URL, a path, an option,
//! a placeholder, code or a time is dropped.

use std::ops::Range;

use crate::rules::guarded_regex::GuardedRegex;

use crate::options::{NbspStyle, Variant};
use crate::rules::mask::{FRENCH_WORDS, Seg, emit, line_bounds, word_counts};
use crate::rules::pack::{PackData, PackError, RuleEntry, bind_checks};
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &[
    "missing-space",
    "missing-space-colon",
    "nbsp",
    "guillemet-space",
    "guillemet-orientation",
    "unpaired-guillemet",
    "apostrophe-space",
    "ellipsis",
    "etc-ellipsis",
    "hyphen-dash",
    "double-space",
    "space-before-comma",
    "trailing-nbsp",
    "trailing-space",
    "civility",
    "ordinal",
    "straight-quotes",
    "german-quotes",
    "numero",
];

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

/// Runs the `typography` rules.
pub(crate) struct TypographyEngine {
    indexes: Vec<RuleIndex>,
    /// `(check name, rule)` for every bound entry.
    bound: Vec<(&'static str, RuleIndex)>,
    apostrophe: GuardedRegex,
    etc: GuardedRegex,
    civility: GuardedRegex,
    ordinal: GuardedRegex,
    roman_ordinal: GuardedRegex,
    numero: GuardedRegex,
}

fn prev_char(s: &str, at: usize) -> Option<char> {
    s.get(..at)?.chars().next_back()
}

fn next_char(s: &str, at: usize) -> Option<char> {
    s.get(at..)?.chars().next()
}

/// A space inside a line (no line break).
fn is_hspace(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

/// A space where a line may break: the ordinary space and the thin space.
fn is_breakable(c: char) -> bool {
    c == ' ' || c == '\u{2009}'
}

/// A no-break space: U+00A0, U+202F, or the figure space.
fn is_nobreak(c: char) -> bool {
    matches!(c, NBSP | NNBSP | '\u{2007}')
}

/// Marks that may close a word before punctuation (`mot»;`, `(voir annexe):`).
fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '»' | '”' | '%')
}

/// Elided words: an apostrophe after them ends the word.
fn is_elision(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "l" | "d" | "j" | "m" | "n" | "s" | "t" | "c" | "qu" | "jusqu" | "lorsqu" | "puisqu" | "quoiqu" | "presqu"
    )
}

/// Start of the word ending at `end`: letters and digits, with hyphens and apostrophes inside
/// (`peut-être`, `aujourd’hui`), but an elided article ends a word (`l’État` gives `État`).
fn word_start(s: &str, end: usize) -> usize {
    let mut start = end;
    loop {
        while let Some(c) = prev_char(s, start).filter(|c| c.is_alphanumeric()) {
            start -= c.len_utf8();
        }
        let Some(joiner) = prev_char(s, start).filter(|&c| start < end && matches!(c, '-' | '\'' | '’')) else {
            return start;
        };
        let before = start - joiner.len_utf8();
        if !prev_char(s, before).is_some_and(char::is_alphanumeric) {
            return start;
        }
        if joiner != '-' {
            let mut part = before;
            while let Some(c) = prev_char(s, part).filter(|c| c.is_alphanumeric()) {
                part -= c.len_utf8();
            }
            if is_elision(&s[part..before]) {
                return start;
            }
        }
        start = before;
    }
}

/// End of the word starting at `start` (see [`word_start`]); at least the next character.
fn word_end(s: &str, start: usize) -> usize {
    let mut end = start;
    loop {
        while let Some(c) = next_char(s, end).filter(|c| c.is_alphanumeric()) {
            end += c.len_utf8();
        }
        match next_char(s, end) {
            Some(j @ ('-' | '\'' | '’'))
                if end > start && next_char(s, end + j.len_utf8()).is_some_and(char::is_alphanumeric) =>
            {
                end += j.len_utf8();
            }
            _ => break,
        }
    }
    if end == start { next_char(s, start).map_or(start, |c| start + c.len_utf8()) } else { end }
}

/// Whether the colon at `at` separates a field name opening its line from a value that is
/// not a French sentence (`Package: dpkg`, `Pin: release n=sid`, `Version:     %u`).
fn field_colon(s: &str, at: usize) -> bool {
    let (line_start, line_end) = line_bounds(s, at);
    let name = s[line_start..at].trim_start();
    // Only whole words count: `nom-complet-et-adresse` is a value, not a sentence.
    let french = s[at + 1..line_end]
        .split_whitespace()
        .any(|w| FRENCH_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase().as_str()));
    // A sentence ends with its full stop; a field value does not.
    let sentence = s[at + 1..line_end].trim_end().ends_with(['.', '!', '?', '…']);
    !name.is_empty() && !name.contains(char::is_whitespace) && !french && !sentence
}

/// Whether `at` lies in a quotation that is a literal, not a sentence (`« Multi-Arch: same »`).
fn in_literal_quote(literals: &[Range<usize>], at: usize) -> bool {
    literals.iter().any(|q| q.start < at && at < q.end)
}

/// Whether the line around `start..end` holds another run of two spaces or more.
fn line_has_other_run(s: &str, start: usize, end: usize) -> bool {
    let (line_start, _) = line_bounds(s, start);
    let (_, line_end) = line_bounds(s, end);
    let has_run = |t: &str| t.trim_start().contains("  ") || t.contains('\t');
    has_run(&s[line_start..start]) || has_run(&s[end..line_end])
}

/// Start of the span that leads up to a sign at `at`: the word before it, with the closing
/// marks glued to it (`groupe;`, `annexe);`, `»;`).
fn lead_start(s: &str, at: usize) -> usize {
    let mut j = at;
    for _ in 0..2 {
        match prev_char(s, j) {
            Some(c) if is_closing(c) => j -= c.len_utf8(),
            _ => break,
        }
    }
    word_start(s, j)
}

/// Whether the character after a sign lets it be sentence punctuation (not `a:b`, `;)`, `!=`).
fn ends_sign(sign: char, next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) if n.is_whitespace() => true,
        Some(n) if matches!(sign, '!' | '?') => matches!(n, '!' | '?' | ')' | ']' | '»' | '”' | '"' | '.' | '…' | ','),
        Some(n) => matches!(n, '»' | '”'),
    }
}

/// Quoted stretches of a segment (« », “ ”, and paired straight quotes).
fn quoted_ranges(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut straight: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match c {
            '«' | '“' => open.push((c, i)),
            '»' | '”' => {
                let want = if c == '»' { '«' } else { '“' };
                if let Some(pos) = open.iter().rposition(|&(o, _)| o == want) {
                    let (_, start) = open.remove(pos);
                    out.push(start..i + c.len_utf8());
                }
            }
            '"' => match straight.take() {
                Some(start) => out.push(start..i + 1),
                None => straight = Some(i),
            },
            _ => {}
        }
    }
    out
}

/// What the guillemets of a document look like once paired.
#[derive(Default)]
struct Guillemets {
    /// Well-oriented pairs inside one segment: `(segment, «, »)` in segment offsets.
    pairs: Vec<(usize, usize, usize)>,
    /// Guillemets used the wrong way: `(segment, span, replacement, message)`.
    misoriented: Vec<(usize, Range<usize>, String, String)>,
    /// Guillemets that nothing pairs: `(segment, offset, the guillemet)`.
    unpaired: Vec<(usize, usize, char)>,
}

/// An opening guillemet waiting for its closing one.
struct Open {
    seg: usize,
    at: usize,
    /// A `»` used to open (already reported): its pair is not checked again.
    misoriented: bool,
}

/// Pairs the guillemets of the whole document. A quotation may run over several paragraphs
/// when each new paragraph opens with a guillemet or a dialogue dash; a `»` between spaces
/// with nothing open is a separator (breadcrumbs: `Accueil » Politique`), not a quote.
fn pair_guillemets(segs: &[Seg<'_>], nbsp: char) -> Guillemets {
    let mut out = Guillemets::default();
    let mut stack: Vec<Open> = Vec::new();
    for (si, seg) in segs.iter().enumerate() {
        let s = seg.text;
        let trimmed = s.trim_start();
        let lead = s.len() - trimmed.len();
        let mut continuation = None;
        if !stack.is_empty() {
            if trimmed.starts_with(['«', '»']) {
                continuation = Some(lead);
            } else if !trimmed.starts_with(['—', '–', '-']) {
                for open in stack.drain(..).filter(|o| !o.misoriented) {
                    out.unpaired.push((open.seg, open.at, '«'));
                }
            }
        }
        for (i, c) in s.char_indices() {
            if !matches!(c, '«' | '»') || seg.masked(i, i + c.len_utf8()) || continuation == Some(i) {
                continue;
            }
            let (p, n) = (seg.prev(i), seg.next(i + c.len_utf8()));
            if c == '«' {
                let glued_before = p.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | '!' | '?' | '…'));
                let closes =
                    n.is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')'));
                // A guillemet alone in a table cell (`A7   «   GUILLEMET`) quotes nothing.
                let line_head = &s[line_bounds(s, i).0..i];
                let tail = &s[i + c.len_utf8()..];
                let gap_before = line_head.ends_with("  ") || line_head.trim().is_empty();
                let gap_after = tail.starts_with("  ") || tail.starts_with('\n') || tail.trim().is_empty();
                if gap_before && gap_after {
                    continue;
                }
                if glued_before && closes && !stack.is_empty() {
                    stack.pop();
                    let start = word_start(s, i);
                    let word = s[start..i].trim_end_matches(|c: char| c.is_whitespace());
                    out.misoriented.push((
                        si,
                        start..i + c.len_utf8(),
                        format!("{word}{nbsp}»"),
                        format!("Guillemet ouvrant employé pour fermer la citation : écrivez {word}{nbsp}» au lieu de {word}«."),
                    ));
                } else {
                    stack.push(Open { seg: si, at: i, misoriented: false });
                }
                continue;
            }
            if let Some(open) = stack.pop() {
                if open.seg == si && !open.misoriented {
                    out.pairs.push((si, open.at, i));
                }
                continue;
            }
            let opens_word = n.is_some_and(char::is_alphanumeric)
                && p.is_none_or(|p| p.is_whitespace() || matches!(p, '\'' | '’' | '(' | '[' | '—' | '–'));
            if opens_word {
                let end = word_end(s, i + c.len_utf8());
                let word = &s[i + c.len_utf8()..end];
                out.misoriented.push((
                    si,
                    i..end,
                    format!("«{nbsp}{word}"),
                    format!(
                        "Guillemet fermant employé pour ouvrir la citation : écrivez «{nbsp}{word} au lieu de »{word}."
                    ),
                ));
                stack.push(Open { seg: si, at: i, misoriented: true });
            } else if p.is_none_or(char::is_whitespace) && n.is_none_or(char::is_whitespace) {
                // A separator, or the first mark of a continued paragraph.
            } else {
                out.unpaired.push((si, i, '»'));
            }
        }
    }
    for open in stack.into_iter().filter(|o| !o.misoriented) {
        out.unpaired.push((open.seg, open.at, '«'));
    }
    out
}

impl TypographyEngine {
    /// Compiles the entries of this kind with the data tables they read.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], _data: &PackData) -> Result<Self, PackError> {
        let bound = bind_checks("typography", CHECKS, entries)?;
        let regex = |source: &str| GuardedRegex::new("typography", source);
        Ok(TypographyEngine {
            indexes: entries.iter().map(|(i, _)| *i).collect(),
            bound,
            apostrophe: regex(
                r"(?i)\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]([ \t\x{a0}\x{202f}\x{2009}]+)",
            )?,
            etc: regex(r"\b[Ee]tc(?:\.{2,}|\.?…)")?,
            civility: regex(r"\b(Mrs|Mr|Ms|Mmes|Mme|Mlles|Mlle|Dr|Pr)(\.?)\s+\p{Lu}")?,
            ordinal: regex(
                r"\b(\d+)(ièmes|ième|iemes|ieme|èmes|ème|émes|éme|emes|eme|è|ières|ière|ieres|iere|ères|ère|eres|ere|iers|ier|ndes|nde|st|nd|rd|th)\b",
            )?,
            roman_ordinal: regex(r"\b([IVXLC]+)(ièmes|ième|iemes|ieme|èmes|ème|emes|eme|è)\b")?,
            numero: regex(r"#(\d+)\b|\bNo\.[ \x{a0}\x{202f}]?(\d+)\b")?,
        })
    }

    fn rule(&self, cx: &CheckContext<'_>, check: &str) -> Option<RuleIndex> {
        self.bound.iter().find(|(name, _)| *name == check).map(|&(_, r)| r).filter(|&r| cx.enabled(r))
    }
}

/// Names a space character for messages.
fn space_name(c: char) -> &'static str {
    match c {
        NNBSP => "une espace fine insécable",
        NBSP => "une espace insécable",
        _ => "aucune espace",
    }
}

/// The space a sign wants before it in this variant and style: `None` when none is required.
fn space_before(sign: char, variant: Variant, style: NbspStyle) -> Option<char> {
    match (sign, variant) {
        (':', _) => Some(NBSP),
        (_, Variant::FrFr | Variant::FrBe) => Some(if style == NbspStyle::Full { NBSP } else { NNBSP }),
        _ => None,
    }
}

impl TypographyEngine {
    /// No space at all before `; : ! ?` where the variant wants one.
    /// `rules`: the rule for `; ! ?` and the one for `:` (technical French often glues the colon
    /// of `erreur: …` message prefixes, so it has its own, quieter rule).
    fn missing_space(
        &self,
        cx: &CheckContext<'_>,
        rules: (Option<RuleIndex>, Option<RuleIndex>),
        seg: &Seg<'_>,
        sink: &mut Sink<'_>,
    ) {
        let s = seg.text;
        // Quotations without a French word in them quote a literal value.
        let literals: Vec<Range<usize>> =
            quoted_ranges(s).into_iter().filter(|q| word_counts(&s[q.clone()]).1 == 0).collect();
        for (i, c) in s.char_indices() {
            if !matches!(c, ';' | ':' | '!' | '?') {
                continue;
            }
            let Some(rule) = (if c == ':' { rules.1 } else { rules.0 }) else { continue };
            let Some(space) = space_before(c, cx.options.variant, cx.options.nbsp) else { continue };
            let Some(p) = seg.prev(i) else { continue };
            if !(p.is_alphanumeric() || is_closing(p)) || !ends_sign(c, seg.next(i + 1)) {
                continue;
            }
            // A number before `:` labels a line of a table or a list (`0:`, `#5:`).
            let label = c == ':' && s[word_start(s, i)..i].chars().all(|c| c.is_ascii_digit());
            if label || seg.non_prose(i) || (c == ':' && field_colon(s, i)) || in_literal_quote(&literals, i) {
                continue;
            }
            let start = lead_start(s, i);
            // An identifier (`md_apply_fix:`, `%P:`, `.endef:`) is code quoted in a message.
            if s[start..i].contains('_') || seg.prev(start).is_some_and(|p| matches!(p, '%' | '.' | '_' | '/' | '$')) {
                continue;
            }
            // `Yahoo!` is a name, not an exclamation.
            if c == '!' && s[start..i].eq_ignore_ascii_case("yahoo") {
                continue;
            }
            // A cluster (`?!`, `!!!`) takes one space, before its first sign.
            let end = i + s[i..].find(|c: char| !matches!(c, '!' | '?' | ';' | ':')).unwrap_or(s.len() - i);
            let message = format!(
                "Il manque {} avant « {} » : écrivez « {}{space}{} ».",
                space_name(space),
                &s[i..end],
                &s[start..i],
                &s[i..end]
            );
            emit(sink, seg, rule, start..end, |f| {
                f.with_message(message).suggest_at(seg.span(i, i), space.to_string())
            });
        }
    }

    /// Strict tier: a breakable space where a no-break one belongs (before `; : ! ?`, inside « »).
    fn breakable_space(&self, cx: &CheckContext<'_>, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let (variant, style) = (cx.options.variant, cx.options.nbsp);
        for (i, c) in s.char_indices() {
            match c {
                ';' | ':' | '!' | '?' => {
                    let Some(sp) = seg.prev(i).filter(|&p| is_breakable(p)) else { continue };
                    let at = i - sp.len_utf8();
                    let Some(p) = seg.prev(at) else { continue };
                    if !(p.is_alphanumeric() || is_closing(p)) || !ends_sign(c, seg.next(i + 1)) {
                        continue;
                    }
                    // Canadian and Swiss usage: a fine space or nothing at all before `; ! ?`.
                    let replacement = match space_before(c, variant, style) {
                        Some(space) => space.to_string(),
                        None if style == NbspStyle::Full => String::new(),
                        None => NNBSP.to_string(),
                    };
                    let start = lead_start(s, at);
                    let wanted = match replacement.chars().next() {
                        Some(r) => space_name(r).to_owned(),
                        None => "aucune espace (ou une espace fine insécable)".to_owned(),
                    };
                    let message = format!(
                        "Espace sécable avant « {c} » : la ligne peut couper avant le signe ; mettez {wanted} : « {}{replacement}{c} ».",
                        &s[start..at]
                    );
                    emit(sink, seg, rule, start..i + 1, |f| {
                        f.with_message(message).suggest_at(seg.span(at, i), replacement)
                    });
                }
                '«' => {
                    let after = i + c.len_utf8();
                    let Some(sp) = seg.next(after).filter(|&n| is_breakable(n)) else { continue };
                    let word = after + sp.len_utf8();
                    if seg.next(word).is_none_or(|n| n.is_whitespace() || n == '»') {
                        continue;
                    }
                    let end = word_end(s, word);
                    let message = format!(
                        "Espace sécable après « : la ligne peut couper après le guillemet ; mettez une espace insécable : « «{NBSP}{} ».",
                        &s[word..end]
                    );
                    emit(sink, seg, rule, i..end, |f| {
                        f.with_message(message).suggest_at(seg.span(after, word), NBSP.to_string())
                    });
                }
                '»' => {
                    let Some(sp) = seg.prev(i).filter(|&p| is_breakable(p)) else { continue };
                    let at = i - sp.len_utf8();
                    if seg.prev(at).is_none_or(|p| p.is_whitespace() || p == '«') {
                        continue;
                    }
                    let start = word_start(s, at);
                    let start = if start == at { at - seg.prev(at).map_or(0, char::len_utf8) } else { start };
                    let message = format!(
                        "Espace sécable avant » : la ligne peut couper avant le guillemet ; mettez une espace insécable : « {}{NBSP}» ».",
                        &s[start..at]
                    );
                    emit(sink, seg, rule, start..i + c.len_utf8(), |f| {
                        f.with_message(message).suggest_at(seg.span(at, i), NBSP.to_string())
                    });
                }
                _ => {}
            }
        }
    }

    /// `«SUPPRIMER»`: no space inside the guillemets.
    fn guillemet_space(&self, rule: RuleIndex, segs: &[Seg<'_>], g: &Guillemets, sink: &mut Sink<'_>) {
        for &(si, open, close) in &g.pairs {
            let seg = &segs[si];
            let s = seg.text;
            let inner = open + '«'.len_utf8();
            let end = close + '»'.len_utf8();
            if inner >= close || seg.masked(open, inner) || seg.masked(close, end) {
                continue;
            }
            let missing_open = !seg.next(inner).is_some_and(char::is_whitespace);
            let missing_close = !seg.prev(close).is_some_and(char::is_whitespace);
            if !missing_open && !missing_close {
                continue;
            }
            let content = s[inner..close].trim_matches(char::is_whitespace);
            let message = format!(
                "Il manque les espaces insécables à l’intérieur des guillemets : écrivez « «{NBSP}{content}{NBSP}» »."
            );
            let span = seg.span(open, end);
            let finding = Finding::new(rule, span).with_message(message);
            let finding = match (missing_open, missing_close) {
                (true, true) => finding.suggest(format!("«{NBSP}{}{NBSP}»", &s[inner..close])),
                (true, false) => finding.suggest_at(seg.span(inner, inner), NBSP.to_string()),
                _ => finding.suggest_at(seg.span(close, close), NBSP.to_string()),
            };
            sink.push(finding);
        }
    }

    /// A space after an elided word (`l’ école`, `qu’ « un`).
    fn apostrophe_space(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.apostrophe.captures_iter(s) {
            let (Some(m), Some(spaces)) = (caps.get(0), caps.get(1)) else { continue };
            // `'l' suivi` quotes a letter; only an elision in running text counts.
            if seg.prev(m.start()).is_some_and(|p| !(p.is_whitespace() || matches!(p, '(' | '«' | '—' | '–'))) {
                continue;
            }
            if !seg.next(spaces.end()).is_some_and(|n| n.is_alphabetic() || matches!(n, '«' | '»' | '"' | '“')) {
                continue;
            }
            let elided = &s[m.start()..spaces.start()];
            let message = if seg.next(spaces.end()).is_some_and(|n| n.is_alphabetic()) {
                let word = &s[spaces.end()..word_end(s, spaces.end())];
                format!("Pas d’espace après l’apostrophe d’élision : écrivez « {elided}{word} ».")
            } else {
                format!("Pas d’espace entre l’apostrophe et le guillemet ouvrant : écrivez « {elided}« … ».")
            };
            emit(sink, seg, rule, m.range(), |f| {
                f.with_message(message).suggest_at(seg.span(spaces.start(), spaces.end()), "")
            });
        }
    }

    /// `...` for `…`, and `etc...` for `etc.`.
    fn ellipsis(&self, ellipsis: Option<RuleIndex>, etc: Option<RuleIndex>, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let mut etc_spans: Vec<Range<usize>> = Vec::new();
        for m in self.etc.find_iter(s) {
            etc_spans.push(m.range());
            if let Some(rule) = etc {
                let written = m.as_str();
                let fixed = format!("{}.", &written[..3]);
                let message = format!("« etc. » n’est jamais suivi de points de suspension : écrivez « {fixed} ».");
                emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
            }
        }
        let Some(rule) = ellipsis else { return };
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'.' {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i] == b'.' {
                i += 1;
            }
            if i - start != 3 || etc_spans.iter().any(|r| r.start < i && start < r.end) {
                continue;
            }
            // `1...10`, `a...z`: a range in code or a formula.
            if seg.prev(start).is_some_and(char::is_alphanumeric) && seg.next(i).is_some_and(char::is_alphanumeric) {
                continue;
            }
            emit(sink, seg, rule, start..i, |f| {
                f.with_message("Trois points au lieu du caractère points de suspension : écrivez « … ».").suggest("…")
            });
        }
    }

    /// ` - ` or ` -- ` between words, used as a dash.
    fn hyphen_dash(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'-' {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i] == b'-' {
                i += 1;
            }
            if i - start > 2 {
                continue;
            }
            let (Some(sp1), Some(sp2)) = (seg.prev(start), seg.next(i)) else { continue };
            if !(is_hspace(sp1) && is_hspace(sp2)) {
                continue;
            }
            let (Some(left), Some(right)) = (seg.prev(start - sp1.len_utf8()), seg.next(i + sp2.len_utf8())) else {
                continue;
            };
            let left_ok = left.is_alphanumeric() || matches!(left, ')' | '»' | '”');
            let right_ok = right.is_alphanumeric() || matches!(right, '«' | '(' | '“');
            // `5 - 3` is a subtraction or a range.
            if !left_ok || !right_ok || (left.is_ascii_digit() && right.is_ascii_digit()) {
                continue;
            }
            let message = format!(
                "« {} » employé comme tiret : écrivez un tiret demi-cadratin « – » entre espaces.",
                &s[start..i]
            );
            emit(sink, seg, rule, start..i, |f| f.with_message(message).suggest("–"));
        }
    }

    /// Two spaces or more between words (not indentation, not trailing).
    fn double_space(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let mut chars = s.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !is_hspace(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            let mut count = 1;
            let mut tab = c == '\t';
            let mut kept = if is_nobreak(c) { Some(c) } else { None };
            while let Some(&(j, d)) = chars.peek().filter(|&&(_, d)| is_hspace(d)) {
                end = j + d.len_utf8();
                count += 1;
                tab |= d == '\t';
                if kept.is_none() && is_nobreak(d) {
                    kept = Some(d);
                }
                chars.next();
            }
            if count < 2 || tab {
                continue;
            }
            let (Some(p), Some(n)) = (seg.prev(start), seg.next(end)) else { continue };
            if matches!(p, '\n' | '\r') || matches!(n, '\n' | '\r') {
                continue;
            }
            // Columns of a table line up with runs of ordinary spaces: three or more, or
            // several runs on one line. A no-break space in the run is never alignment.
            let plain_spaces = s[start..end].matches(' ').count();
            if (plain_spaces > 2 || (plain_spaces == 2 && count > 2))
                || (kept.is_none() && line_has_other_run(s, start, end))
            {
                continue;
            }
            // Code shown in the text (`x;  /* … */`) aligns its comments.
            if matches!(p, ';' | '{' | '}' | '=' | '|' | '/' | '*') || matches!(n, '/' | '#' | '|' | '=') {
                continue;
            }
            if kept.is_none() {
                // After a list or option marker opening the line (`•  Texte`, `8.  Texte`,
                // `--save  Texte`), two spaces set the columns of a definition list.
                let line_start = line_bounds(s, start).0;
                let head = s[line_start..start].trim_start();
                if !head.contains(char::is_whitespace) || head.starts_with(['-', '*', '•', '\\', '#']) {
                    continue;
                }
                // Two spaces after a full stop are the typewriter convention (and what groff
                // prints): old-fashioned, harmless, and too common in plain text to flag.
                if matches!(p, '.' | '!' | '?' | ':' | '…' | ')' | '»' | '"') {
                    continue;
                }
            }
            if seg.non_prose(start) {
                continue;
            }
            // A no-break space in the run was meant (before `:`, after a number): keep it.
            let keep = kept.unwrap_or(' ');
            let message = "Espaces multiples : une seule espace suffit.";
            emit(sink, seg, rule, start..end, |f| f.with_message(message).suggest(keep.to_string()));
        }
    }

    /// A space before `,` or `.` (`mot , suite`).
    fn space_before_comma(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for (i, c) in s.char_indices() {
            if !matches!(c, ',' | '.') {
                continue;
            }
            let mut at = i;
            while let Some(sp) = prev_char(s, at).filter(|&p| is_hspace(p)) {
                at -= sp.len_utf8();
            }
            if at == i {
                continue;
            }
            let Some(p) = seg.prev(at) else { continue };
            if !(p.is_alphanumeric() || matches!(p, ')' | '»' | '”')) {
                continue;
            }
            let next = seg.next(i + 1);
            let ok = match c {
                ',' => next.is_none_or(char::is_whitespace),
                // A period ends a sentence: what follows opens one. `find . -name` is a path.
                _ => {
                    let rest = s[i + 1..].trim_start_matches(is_hspace);
                    next.is_none_or(char::is_whitespace)
                        && rest
                            .chars()
                            .next()
                            .is_none_or(|n| n.is_uppercase() || matches!(n, '\n' | '\r' | '«' | '"' | '—'))
                }
            };
            if !ok {
                continue;
            }
            let start = lead_start(s, at);
            let message = format!("Pas d’espace avant « {c} » : écrivez « {}{c} ».", &s[start..at]);
            emit(sink, seg, rule, start..i + 1, |f| f.with_message(message).suggest_at(seg.span(at, i), ""));
        }
    }

    /// Spaces at the end of a line or paragraph; no-break ones are the mark of converted HTML.
    fn trailing(&self, nbsp: Option<RuleIndex>, plain: Option<RuleIndex>, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let mut line_start = 0;
        for line in s.split('\n') {
            let content = line.strip_suffix('\r').unwrap_or(line);
            let trimmed = content.trim_end_matches(char::is_whitespace);
            let (start, end) = (line_start + trimmed.len(), line_start + content.len());
            line_start += line.len() + 1;
            if trimmed.trim_start().is_empty() || start == end {
                continue;
            }
            let run = &s[start..end];
            let special = run.chars().any(|c| c != ' ' && c != '\t');
            let (rule, message) = if special {
                (nbsp, "Espace insécable en fin de ligne ou de paragraphe : supprimez-la.")
            } else {
                (plain, "Espaces en fin de ligne : supprimez-les.")
            };
            if let Some(rule) = rule {
                emit(sink, seg, rule, start..end, |f| f.with_message(message).suggest(""));
            }
        }
    }

    /// `Mr`, `Mrs`, `Ms`, `Dr.`, `Mme.` before a name.
    fn civility(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let quoted = quoted_ranges(s);
        for caps in self.civility.captures_iter(s) {
            let (Some(abbr), Some(dot)) = (caps.get(1), caps.get(2)) else { continue };
            let with_dot = !dot.as_str().is_empty();
            let fixed = match abbr.as_str() {
                "Mr" => "M.",
                "Mrs" | "Ms" => "Mme",
                other if with_dot => other,
                _ => continue,
            };
            let range = abbr.start()..dot.end();
            // « Mr. Robot » is a title; English quoted inside French keeps its form.
            if quoted.iter().any(|q| q.start < range.start && range.end < q.end) {
                continue;
            }
            let written = &s[range.clone()];
            let message = format!("« {written} » n’est pas une abréviation française : écrivez « {fixed} ».");
            emit(sink, seg, rule, range, |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `2ème`, `1ère`, `2nd`, `21st`, `XXIème` for `2e`, `1re`, `2e`, `21e`, `XXIe`.
    fn ordinal(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.ordinal.captures_iter(s) {
            let (Some(m), Some(n), Some(suffix)) = (caps.get(0), caps.get(1), caps.get(2)) else { continue };
            // Formatting codes (`~2st~3`, `%2nd`) are not ordinals.
            if seg.prev(m.start()).is_some_and(|p| matches!(p, '~' | '%' | '#' | '$' | '&' | '_' | '\\')) {
                continue;
            }
            let (n, suffix) = (n.as_str(), suffix.as_str());
            let plural = suffix.ends_with('s') && suffix != "st" && suffix != "iers";
            let plural_s = if plural { "s" } else { "" };
            let fixed: Option<String> = match suffix {
                "ier" | "iers" if n == "1" => Some(format!("1er{}", if suffix == "iers" { "s" } else { "" })),
                "ier" | "iers" => continue,
                "ières" | "ière" | "ieres" | "iere" | "ères" | "ère" | "eres" | "ere" if n == "1" => {
                    Some(format!("1re{plural_s}"))
                }
                "nde" | "ndes" if n == "2" => Some(format!("2de{plural_s}")),
                "nde" | "ndes" => continue,
                // `1st`: masculine or feminine, only the reader knows.
                "st" if n == "1" => None,
                _ if n == "1" => None,
                _ => Some(format!("{n}e{plural_s}")),
            };
            let written = m.as_str();
            let message = match &fixed {
                Some(f) => format!("Abréviation d’ordinal incorrecte « {written} » : écrivez « {f} »."),
                None => format!("Abréviation d’ordinal incorrecte « {written} » : écrivez « 1er » ou « 1re »."),
            };
            emit(sink, seg, rule, m.range(), |f| match fixed {
                Some(fixed) => f.with_message(message).suggest(fixed),
                None => f.with_message(message),
            });
        }
        for caps in self.roman_ordinal.captures_iter(s) {
            let (Some(m), Some(n), Some(suffix)) = (caps.get(0), caps.get(1), caps.get(2)) else { continue };
            let plural = if suffix.as_str().ends_with('s') { "s" } else { "" };
            let fixed = format!("{}e{plural}", n.as_str());
            let message = format!("Abréviation d’ordinal incorrecte « {} » : écrivez « {fixed} ».", m.as_str());
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `"texte"` for « texte ».
    fn straight_quotes(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        let marks: Vec<usize> = s.match_indices('"').map(|(i, _)| i).filter(|&i| !seg.masked(i, i + 1)).collect();
        // An odd count means inches, a stray mark or a quote over several paragraphs: no guess.
        if marks.is_empty() || marks.len() % 2 == 1 {
            return;
        }
        let mut pairs = Vec::new();
        for pair in marks.chunks(2) {
            let (open, close) = (pair[0], pair[1]);
            let opens =
                seg.prev(open).is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '\'' | '’'))
                    && seg.next(open + 1).is_some_and(|n| !n.is_whitespace());
            let closes = seg.prev(close).is_some_and(|p| !p.is_whitespace())
                && seg.next(close + 1).is_none_or(|n| !n.is_alphanumeric());
            if !opens || !closes {
                return;
            }
            pairs.push((open, close));
        }
        for (open, close) in pairs {
            let content = &s[open + 1..close];
            // A literal string (`"*.txt"`, `"a=b"`, a placeholder) is code, not a quotation.
            let prose = content.chars().any(char::is_alphabetic)
                && content.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || "-'’,.!?;:…()«»".contains(c))
                && !seg.masked(open, close + 1);
            if !prose {
                continue;
            }
            let message = format!("Guillemets droits : en français, écrivez « «{NBSP}{content}{NBSP}» ».");
            let fixed = format!("«{NBSP}{}{NBSP}»", content.trim());
            emit(sink, seg, rule, open..close + 1, |f| f.with_message(message).suggest(fixed));
        }
    }

    /// `„texte“` (German or Polish quotes) for « texte ».
    fn german_quotes(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for (open, _) in s.match_indices('„') {
            let inner = open + '„'.len_utf8();
            let Some(rel) = s[inner..].find(['“', '”']) else { continue };
            let close = inner + rel;
            let end = close + '“'.len_utf8();
            // A quotation on one line, not the first and last cells of a character table.
            if close == inner || s[inner..close].contains(['\n', '\t']) || s[inner..close].contains("  ") {
                continue;
            }
            if seg.masked(open, inner) || seg.masked(close, end) || seg.non_prose(open) {
                continue;
            }
            let content = s[inner..close].trim();
            let message = format!("Guillemets allemands „ “ : en français, écrivez « «{NBSP}{content}{NBSP}» ».");
            let fixed = format!("«{NBSP}{content}{NBSP}»");
            sink.push(Finding::new(rule, seg.span(open, end)).with_message(message).suggest(fixed));
        }
    }

    /// `#48213` or `No. 5` for « n° 48213 ».
    fn numero(&self, rule: RuleIndex, seg: &Seg<'_>, sink: &mut Sink<'_>) {
        let s = seg.text;
        for caps in self.numero.captures_iter(s) {
            let Some(m) = caps.get(0) else { continue };
            let Some(digits) = caps.get(1).or_else(|| caps.get(2)) else { continue };
            // A hashtag or an anchor glued to a word (`C#5`, `page#12`) is not a number sign,
            // and a standard's number keeps its form (`PKCS #11`).
            if m.as_str().starts_with('#') && seg.prev(m.start()).is_some_and(|p| !(p.is_whitespace() || p == '(')) {
                continue;
            }
            let before = s[..m.start()].trim_end();
            let acronym: String = before.chars().rev().take_while(|c| c.is_alphanumeric()).collect();
            if acronym.chars().count() >= 2 && acronym.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
                continue;
            }
            let fixed = format!("n°{NBSP}{}", digits.as_str());
            let message = format!("« {} » est l’usage anglais : écrivez « {fixed} ».", m.as_str());
            emit(sink, seg, rule, m.range(), |f| f.with_message(message).suggest(fixed));
        }
    }
}

impl Check for TypographyEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let segs = Seg::all(cx);
        let orientation = self.rule(cx, "guillemet-orientation");
        let unpaired = self.rule(cx, "unpaired-guillemet");
        // Swiss usage accepts guillemets without inner spaces.
        let inner_space = self.rule(cx, "guillemet-space").filter(|_| cx.options.variant != Variant::FrCh);
        if orientation.is_some() || unpaired.is_some() || inner_space.is_some() {
            let g = pair_guillemets(&segs, NBSP);
            if let Some(rule) = orientation {
                for (si, range, replacement, message) in &g.misoriented {
                    emit(sink, &segs[*si], rule, range.clone(), |f| {
                        f.with_message(message.clone()).suggest(replacement.clone())
                    });
                }
            }
            if let Some(rule) = unpaired {
                for &(si, at, c) in &g.unpaired {
                    let message = if c == '«' {
                        "Guillemet ouvrant « sans guillemet fermant : fermez la citation par « » »."
                    } else {
                        "Guillemet fermant » sans guillemet ouvrant : ouvrez la citation par « « » ou supprimez-le."
                    };
                    emit(sink, &segs[si], rule, at..at + c.len_utf8(), |f| f.with_message(message));
                }
            }
            if let Some(rule) = inner_space {
                self.guillemet_space(rule, &segs, &g, sink);
            }
        }
        // The strict tier runs when the options turn it on, or when the rule is selected without
        // the rest of its family (`--select typography.nbsp`: the user asked for it by name).
        let strict = self.rule(cx, "nbsp").filter(|_| {
            cx.options.strict_typography || self.bound.iter().all(|&(name, r)| name == "nbsp" || !cx.enabled(r))
        });
        let (ellipsis, etc) = (self.rule(cx, "ellipsis"), self.rule(cx, "etc-ellipsis"));
        let (trailing_nbsp, trailing_space) = (self.rule(cx, "trailing-nbsp"), self.rule(cx, "trailing-space"));
        for seg in &segs {
            let missing = (self.rule(cx, "missing-space"), self.rule(cx, "missing-space-colon"));
            if missing.0.is_some() || missing.1.is_some() {
                self.missing_space(cx, missing, seg, sink);
            }
            if let Some(rule) = strict {
                self.breakable_space(cx, rule, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "apostrophe-space") {
                self.apostrophe_space(rule, seg, sink);
            }
            if ellipsis.is_some() || etc.is_some() {
                self.ellipsis(ellipsis, etc, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "hyphen-dash") {
                self.hyphen_dash(rule, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "double-space") {
                self.double_space(rule, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "space-before-comma") {
                self.space_before_comma(rule, seg, sink);
            }
            if trailing_nbsp.is_some() || trailing_space.is_some() {
                self.trailing(trailing_nbsp, trailing_space, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "civility") {
                self.civility(rule, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "ordinal") {
                self.ordinal(rule, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "straight-quotes") {
                self.straight_quotes(rule, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "german-quotes") {
                self.german_quotes(rule, seg, sink);
            }
            if let Some(rule) = self.rule(cx, "numero") {
                self.numero(rule, seg, sink);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_sign() {
        assert_eq!(&"le groupe;"[lead_start("le groupe;", 9)..], "groupe;");
        assert_eq!(&"c’est aujourd’hui;"[lead_start("c’est aujourd’hui;", 20)..], "aujourd’hui;");
        assert_eq!(&"pour l’État;"[lead_start("pour l’État;", 14)..], "État;");
        assert_eq!(&"(voir annexe);"[lead_start("(voir annexe);", 13)..], "annexe);");
        assert_eq!(&"peut-être?"[lead_start("peut-être?", 10)..], "peut-être?");
        assert_eq!(&"»un dialogue"[..word_end("»un dialogue", 2)], "»un");
    }

    #[test]
    fn quoted_ranges_pair_marks() {
        let s = "« Mr. Robot » et \"Mr Bean\"";
        let q = quoted_ranges(s);
        assert_eq!(q.len(), 2);
        assert!(s[q[0].clone()].contains("Robot"));
        assert!(s[q[1].clone()].contains("Bean"));
    }
}
