//! SubRip (SRT) and WebVTT subtitles: the text of each cue is a unit ([`UnitKind::Cue`]).
//!
//! Cue numbers, timing lines (with WebVTT cue settings), cue identifiers, the WebVTT header
//! and its `NOTE`, `STYLE` and `REGION` blocks are not copied. In cue text, tags (`<i>`, `<b>`,
//! `<v Speaker>`, `<c.class>`, `<00:01.000>`, SRT's `<font …>` and `{\an8}`) are dropped as
//! formatting, entities (`&amp;`, `&nbsp;`, `&#233;`…) map as escapes, unknown ones are copied
//! as written; the line break between two lines of a cue is the file's own (`\n` or `\r\n`).
//! A cue's id is its number (SRT) or identifier (WebVTT), else its timing `start --> end`.
//!
//! Reading is lenient: a block without a timing line is skipped, a timing line inside a
//! block starts a new cue (a missing blank line). Errors are a WebVTT file without its
//! `WEBVTT` signature, and an SRT file with text but not a single cue.

use super::markdown::Mender;
use super::{Extraction, FormatError, InputFormat, Unit, UnitKind};

/// Which subtitle format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flavor {
    /// SubRip.
    Srt,
    /// WebVTT.
    Vtt,
}

impl Flavor {
    fn format(self) -> InputFormat {
        match self {
            Flavor::Srt => InputFormat::Srt,
            Flavor::Vtt => InputFormat::Vtt,
        }
    }
}

/// A line of the file.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// Decoded offset of its first byte.
    start: usize,
    /// Its text, without the line end.
    text: &'a str,
    /// Its line end (`\n`, `\r\n`, or empty on the last line).
    eol: &'a str,
}

impl Line<'_> {
    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    fn is_timing(&self) -> bool {
        self.text.contains("-->")
    }
}

/// Reads a subtitle file.
pub(super) fn extract(decoded: &str, flavor: Flavor) -> Result<Extraction, FormatError> {
    let mut lines = Vec::new();
    let mut at = 0;
    for full in decoded.split_inclusive('\n') {
        let text = full.trim_end_matches(['\n', '\r']);
        lines.push(Line { start: at, text, eol: &full[text.len()..] });
        at += full.len();
    }
    let blocks: Vec<&[Line<'_>]> = lines.split(Line::is_blank).filter(|b| !b.is_empty()).collect();
    let mut blocks = blocks.as_slice();
    if flavor == Flavor::Vtt {
        let signed = blocks.first().and_then(|b| b.first()).is_some_and(|l| {
            l.start == 0 && l.text.strip_prefix("WEBVTT").is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
        });
        if !signed {
            return Err(FormatError {
                format: flavor.format(),
                offset: 0,
                message: "no `WEBVTT` signature on the first line".to_owned(),
            });
        }
        // The header block: signature and header lines.
        blocks = blocks.get(1..).unwrap_or_default();
    }
    let mut m = Mender::new(decoded);
    let mut units = Vec::new();
    for block in blocks {
        if flavor == Flavor::Vtt && is_vtt_meta(block) {
            continue;
        }
        for cue in cues(block, flavor) {
            for (i, line) in cue.payload.iter().enumerate() {
                if i > 0 {
                    let prev = &cue.payload[i - 1];
                    m.verbatim(prev.start + prev.text.len(), prev.eol);
                }
                cue_line(&mut m, line);
            }
            if let Some(range) = m.close() {
                units.push(Unit { range, kind: UnitKind::Cue, id: Some(cue.id), ..Unit::default() });
            }
        }
    }
    if flavor == Flavor::Srt
        && units.is_empty()
        && !blocks.iter().any(|b| b.iter().any(Line::is_timing))
        && let Some(first) = lines.iter().find(|l| !l.is_blank())
    {
        return Err(FormatError {
            format: flavor.format(),
            offset: first.start + (first.text.len() - first.text.trim_start().len()),
            message: "no subtitle cue (no `-->` timing line)".to_owned(),
        });
    }
    let (text, map) = m.finish();
    Ok(Extraction { text, map, units, directives: Vec::new() })
}

/// Whether a WebVTT block is a `NOTE`, `STYLE` or `REGION` block.
fn is_vtt_meta(block: &[Line<'_>]) -> bool {
    let Some(first) = block.first() else { return false };
    ["NOTE", "STYLE", "REGION"]
        .iter()
        .any(|k| first.text.strip_prefix(k).is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t'])))
        && !first.is_timing()
}

/// A cue: its id and its text lines.
struct Cue<'b, 'a> {
    id: String,
    payload: &'b [Line<'a>],
}

/// The cues of a block: each timing line starts one; the line before it is its number or
/// identifier (in SRT, inside a block, only when it is a number).
fn cues<'b, 'a>(block: &'b [Line<'a>], flavor: Flavor) -> Vec<Cue<'b, 'a>> {
    let timings: Vec<usize> = block.iter().enumerate().filter(|(_, l)| l.is_timing()).map(|(i, _)| i).collect();
    let mut out = Vec::new();
    for (k, &t) in timings.iter().enumerate() {
        let next = timings.get(k + 1).copied().unwrap_or(block.len());
        // In SRT, a number line just before the next timing line is that cue's number.
        let end = match block.get(next.wrapping_sub(1)) {
            Some(l) if flavor == Flavor::Srt && next < block.len() && next > t + 1 && is_number(l.text) => next - 1,
            _ => next,
        };
        let label = match t.checked_sub(1).and_then(|i| block.get(i)) {
            Some(l) if k == 0 || (flavor == Flavor::Srt && is_number(l.text)) => Some(l.text.trim()),
            _ => None,
        };
        let id = match label {
            Some(label) if !label.is_empty() => label.to_owned(),
            _ => timing(block[t].text),
        };
        out.push(Cue { id, payload: block.get(t + 1..end).unwrap_or_default() });
    }
    out
}

fn is_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// `start --> end` of a timing line, without cue settings.
fn timing(line: &str) -> String {
    let (start, end) = line.split_once("-->").unwrap_or((line, ""));
    let end = end.split_whitespace().next().unwrap_or("");
    format!("{} --> {end}", start.trim())
}

/// Copies one line of cue text: tags dropped, entities as escapes.
fn cue_line(m: &mut Mender<'_>, line: &Line<'_>) {
    let text = line.text;
    let mut run = 0;
    let mut i = 0;
    while let Some(rel) = text.get(i..).and_then(|r| r.find(['<', '&', '{'])) {
        let at = i + rel;
        let rest = &text[at..];
        let markup: Option<(usize, Option<String>)> = match rest.as_bytes().first() {
            Some(b'<') => tag_len(rest).map(|n| (n, None)),
            Some(b'{') if rest.starts_with("{\\") => rest.find('}').map(|e| (e + 1, None)),
            Some(b'&') => entity(rest).map(|(n, c)| (n, Some(c.to_string()))),
            _ => None,
        };
        let Some((len, decoded)) = markup else {
            i = at + 1;
            continue;
        };
        m.verbatim(line.start + run, &text[run..at]);
        if let Some(d) = decoded {
            m.escape(line.start + at..line.start + at + len, &d);
        }
        i = at + len;
        run = i;
    }
    m.verbatim(line.start + run, &text[run..]);
}

/// Length of the tag at the start of `s` (`<i>`, `</b>`, `<v Nom>`, `<00:01.000>`), if it is one.
fn tag_len(s: &str) -> Option<usize> {
    let next = s[1..].chars().next()?;
    if !(next.is_ascii_alphanumeric() || next == '/') {
        return None;
    }
    s.find('>').map(|e| e + 1)
}

/// The entity at the start of `s`: its length and character, if it is a known one.
fn entity(s: &str) -> Option<(usize, char)> {
    // Entity names are short: look for the `;` in the next few bytes only.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        _ => {
            let num = name.strip_prefix('#')?;
            let value = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(value).filter(|&c| c != '\0')?
        }
    };
    Some((end + 1, c))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::formats::test_support::{assert_units_in_order, words};

    /// Decodes raw cue text: tags dropped, entities decoded.
    fn decode(raw: &str) -> String {
        let mut out = String::new();
        let mut rest = raw;
        while let Some(c) = rest.chars().next() {
            if c == '<'
                && let Some(n) = tag_len(rest)
            {
                rest = &rest[n..];
            } else if c == '{'
                && rest.starts_with("{\\")
                && let Some(e) = rest.find('}')
            {
                rest = &rest[e + 1..];
            } else if c == '&'
                && let Some((n, d)) = entity(rest)
            {
                out.push(d);
                rest = &rest[n..];
            } else {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        out
    }

    /// Every character and every word of the extracted text maps back to the file text
    /// that decodes to it; units lie inside the text, in order.
    fn assert_maps_back(decoded: &str, ex: &Extraction) {
        let map = &ex.map;
        for u in &ex.units {
            for (t, c) in ex.text[u.range.clone()].char_indices() {
                let t = t + u.range.start;
                let raw = &decoded[map.to_decoded(t, false)..map.to_decoded(t + c.len_utf8(), true)];
                assert_eq!(decode(raw), c.to_string(), "char {c:?} at {t} maps to {raw:?}");
            }
        }
        for (at, word) in words(&ex.text) {
            let raw = &decoded[map.to_decoded(at, false)..map.to_decoded(at + word.len(), true)];
            assert_eq!(decode(raw), word, "word {word:?} maps to {raw:?}");
        }
        assert_units_in_order(ex);
    }

    fn read(s: &str, flavor: Flavor) -> Extraction {
        let ex = extract(s, flavor).unwrap();
        assert_maps_back(s, &ex);
        ex
    }

    fn cues_of(ex: &Extraction) -> Vec<(&str, &str)> {
        ex.units.iter().map(|u| (u.id.as_deref().unwrap(), &ex.text[u.range.clone()])).collect()
    }

    #[test]
    fn srt_cues_with_crlf_tags_and_entities() {
        let srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\n<i>Bienvenue</i> au COR&nbsp;!\r\n- Merci.\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,500\r\n{\\an8}<font color=\"#fff\">Texte</font> &amp; suite\r\n\r\n";
        let ex = read(srt, Flavor::Srt);
        assert_eq!(cues_of(&ex), vec![("1", "Bienvenue au COR\u{a0}!\r\n- Merci."), ("2", "Texte & suite")]);
        assert!(ex.units.iter().all(|u| u.kind == UnitKind::Cue));
        let w = ex.text.find("COR").unwrap();
        assert_eq!(&srt[ex.map.to_decoded(w, false)..ex.map.to_decoded(w + 5, true)], "COR&nbsp;");
        let eol = ex.text.find("\r\n").unwrap();
        assert_eq!(ex.map.to_decoded(eol, false), srt.find("!\r\n").unwrap() + 1);
    }

    #[test]
    fn srt_missing_blank_line_and_garbage_blocks() {
        let srt = "Titre sans minutage\n\n1\n00:00:01,000 --> 00:00:02,000\nUn.\n2\n00:00:03,000 --> 00:00:04,000\nDeux.\n\n00:00:05,000 --> 00:00:06,000\nTrois sans numéro.\n";
        let ex = read(srt, Flavor::Srt);
        assert_eq!(
            cues_of(&ex),
            vec![("1", "Un."), ("2", "Deux."), ("00:00:05,000 --> 00:00:06,000", "Trois sans numéro.")]
        );
    }

    #[test]
    fn vtt_header_notes_styles_ids_and_settings() {
        let vtt = "WEBVTT - Sous-titres\nKind: captions\n\nNOTE Ceci n'est pas\nun texte\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:bas\n\nintro\n00:01.000 --> 00:04.000 align:start line:0\n<v Marie>Bonjour &lt;tous&gt;</v>\n<c.jaune>ligne</c> <00:02.500>deux\n\n00:05.000 --> 00:06.000\nSans identifiant &#233;t&#xE9;\n";
        let ex = read(vtt, Flavor::Vtt);
        assert_eq!(
            cues_of(&ex),
            vec![("intro", "Bonjour <tous>\nligne deux"), ("00:05.000 --> 00:06.000", "Sans identifiant été")]
        );
        let w = ex.text.find("été").unwrap();
        assert_eq!(&vtt[ex.map.to_decoded(w, false)..ex.map.to_decoded(w + "été".len(), true)], "&#233;t&#xE9;");
    }

    #[test]
    fn vtt_crlf_and_literal_brackets() {
        let vtt = "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.000\r\na < b & c\r\n<b>fin</b>\r\n";
        let ex = read(vtt, Flavor::Vtt);
        assert_eq!(ex.text, "a < b & c\r\nfin");
    }

    #[test]
    fn errors() {
        let err = extract("1\n00:00:01.000 --> 00:00:02.000\nSans signature\n", Flavor::Vtt).unwrap_err();
        assert_eq!((err.offset, err.format), (0, InputFormat::Vtt));
        let err = extract("\n\n  Pas des sous-titres.\n", Flavor::Srt).unwrap_err();
        assert_eq!((err.offset, err.format), (4, InputFormat::Srt));
        // Empty and blank files are fine.
        assert!(read("", Flavor::Srt).units.is_empty());
        assert!(read(" \n\n", Flavor::Srt).units.is_empty());
        assert!(read("WEBVTT\n", Flavor::Vtt).units.is_empty());
        // A cue with a timing line but no text is not an error.
        assert!(read("1\n00:00:01,000 --> 00:00:02,000\n", Flavor::Srt).units.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn any_input_maps_back_without_panic(s in "(WEBVTT\n|\\PC|[<>&;{}\\\\#0-9: \r\n-]|-->|&amp;|<i>|</i>|\n\n){0,80}") {
            for flavor in [Flavor::Srt, Flavor::Vtt] {
                if let Ok(ex) = extract(&s, flavor) {
                    assert_maps_back(&s, &ex);
                }
            }
        }
    }
}
