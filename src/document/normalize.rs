//! NFC normalization with a map from normalized offsets back to decoded offsets.
//!
//! The decoded text is cut into chunks at stable boundaries (before a character with
//! canonical combining class 0 whose NFC quick check is Yes: nothing before it can
//! combine with it or be reordered across it), each chunk is normalized on its own,
//! and only the chunks whose normalized form differs are recorded. Between them the
//! two texts are identical, so offsets only shift by a running delta.

use std::iter;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A chunk of the decoded text that normalization changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Chunk {
    /// Start of the chunk in the normalized text.
    norm_start: usize,
    /// End of the chunk in the normalized text.
    norm_end: usize,
    /// Start of the chunk in the decoded text.
    decoded_start: usize,
    /// End of the chunk in the decoded text.
    decoded_end: usize,
}

/// Map from normalized offsets to decoded offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum NormMap {
    /// The decoded text was already NFC: offsets are the same.
    Identity,
    /// The changed chunks, in text order; offsets shift by a running delta between them.
    Chunks(Vec<Chunk>),
}

impl NormMap {
    /// The decoded offset of normalized offset `n`. Inside a changed chunk, the chunk's
    /// start, or its end when `round_up`.
    pub(super) fn to_decoded(&self, n: usize, round_up: bool) -> usize {
        let chunks = match self {
            NormMap::Identity => return n,
            NormMap::Chunks(chunks) => chunks,
        };
        let idx = chunks.partition_point(|c| c.norm_start <= n);
        let Some(chunk) = idx.checked_sub(1).and_then(|i| chunks.get(i)) else {
            return n;
        };
        if n == chunk.norm_start {
            chunk.decoded_start
        } else if n < chunk.norm_end {
            if round_up { chunk.decoded_end } else { chunk.decoded_start }
        } else {
            n - chunk.norm_end + chunk.decoded_end
        }
    }

    /// The normalized offset of decoded offset `d`: the inverse of [`NormMap::to_decoded`].
    /// Inside a changed chunk, the chunk's start, or its end when `round_up`.
    pub(super) fn to_norm(&self, d: usize, round_up: bool) -> usize {
        let chunks = match self {
            NormMap::Identity => return d,
            NormMap::Chunks(chunks) => chunks,
        };
        let idx = chunks.partition_point(|c| c.decoded_start <= d);
        let Some(chunk) = idx.checked_sub(1).and_then(|i| chunks.get(i)) else {
            return d;
        };
        if d == chunk.decoded_start {
            chunk.norm_start
        } else if d < chunk.decoded_end {
            if round_up { chunk.norm_end } else { chunk.norm_start }
        } else {
            d - chunk.decoded_end + chunk.norm_end
        }
    }

    /// Number of changed chunks recorded.
    #[cfg(test)]
    pub(super) fn changed_chunks(&self) -> usize {
        match self {
            NormMap::Identity => 0,
            NormMap::Chunks(chunks) => chunks.len(),
        }
    }
}

/// Whether a chunk may start before `c`: combining class 0 and NFC quick check Yes.
pub(super) fn is_stable_boundary(c: char) -> bool {
    // Everything below U+0300 is a starter that is allowed in NFC (checked in the tests).
    c < '\u{300}' || (canonical_combining_class(c) == 0 && is_nfc_quick(iter::once(c)) == IsNormalized::Yes)
}

/// Normalizes `decoded` to NFC. Returns `None` for the text when it is already NFC.
pub(super) fn normalize(decoded: &str) -> (Option<String>, NormMap) {
    if is_nfc_quick(decoded.chars()) == IsNormalized::Yes {
        return (None, NormMap::Identity);
    }
    let (out, chunks) = normalize_chunks(decoded);
    // Chunk-wise normalization equals whole-text normalization; should it ever not, fall
    // back to one chunk covering everything rather than report a wrong text.
    let whole: String = decoded.nfc().collect();
    if whole != out {
        let chunk = Chunk { norm_start: 0, norm_end: whole.len(), decoded_start: 0, decoded_end: decoded.len() };
        return (Some(whole), NormMap::Chunks(vec![chunk]));
    }
    if chunks.is_empty() { (None, NormMap::Identity) } else { (Some(out), NormMap::Chunks(chunks)) }
}

/// Normalizes `decoded` chunk by chunk; returns the NFC text and the changed chunks.
fn normalize_chunks(decoded: &str) -> (String, Vec<Chunk>) {
    let mut out = String::with_capacity(decoded.len() + decoded.len() / 8);
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut start_is_boundary = decoded.chars().next().is_some_and(is_stable_boundary);
    for (i, c) in decoded.char_indices() {
        if i > start && is_stable_boundary(c) {
            push_chunk(decoded, start, i, start_is_boundary, &mut out, &mut chunks);
            start = i;
            start_is_boundary = true;
        }
    }
    if start < decoded.len() {
        push_chunk(decoded, start, decoded.len(), start_is_boundary, &mut out, &mut chunks);
    }
    (out, chunks)
}

/// Normalizes `decoded[start..end]` onto `out`, recording it if it changed.
fn push_chunk(
    decoded: &str,
    start: usize,
    end: usize,
    start_is_boundary: bool,
    out: &mut String,
    chunks: &mut Vec<Chunk>,
) {
    let Some(piece) = decoded.get(start..end) else {
        return;
    };
    let norm_start = out.len();
    let single_char = piece.chars().nth(1).is_none();
    if single_char && start_is_boundary {
        // A lone character that passes the quick check is its own NFC.
        out.push_str(piece);
        return;
    }
    out.extend(piece.nfc());
    if out.get(norm_start..) != Some(piece) {
        chunks.push(Chunk { norm_start, norm_end: out.len(), decoded_start: start, decoded_end: end });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nfc_text_is_identity() {
        let (text, map) = normalize("café « déjà » 😀");
        assert!(text.is_none());
        assert_eq!(map, NormMap::Identity);
        assert_eq!(map.to_decoded(7, false), 7);
    }

    #[test]
    fn maybe_but_already_nfc_is_identity() {
        // U+0301 after 'q' does not compose: the quick check says Maybe, nothing changes.
        let (text, map) = normalize("q\u{301}");
        assert!(text.is_none());
        assert_eq!(map, NormMap::Identity);
    }

    #[test]
    fn nfd_accent_maps_to_its_chunk() {
        let decoded = "de\u{301}ja\u{300} vu";
        let (text, map) = normalize(decoded);
        let text = text.unwrap();
        assert_eq!(text, "déjà vu");
        assert_eq!(map.changed_chunks(), 2);
        // "é" is 1..3 in the NFC text and 1..4 in the decoded text.
        assert_eq!(map.to_decoded(1, false), 1);
        assert_eq!(map.to_decoded(3, true), 4);
        // Inside "é": snap to the chunk.
        assert_eq!(map.to_decoded(2, false), 1);
        assert_eq!(map.to_decoded(2, true), 4);
        // "j" is 3 in NFC, 4 in decoded; "à" 4..6 vs 5..8; " vu" shifted by 2.
        assert_eq!(map.to_decoded(3, false), 4);
        assert_eq!(map.to_decoded(4, false), 5);
        assert_eq!(map.to_decoded(6, false), 8);
        assert_eq!(map.to_decoded(text.len(), true), decoded.len());
    }

    #[test]
    fn leading_combining_mark() {
        let decoded = "\u{301}e\u{301}";
        let (text, map) = normalize(decoded);
        let text = text.unwrap();
        assert_eq!(text, "\u{301}é");
        assert_eq!(map.to_decoded(0, false), 0);
        assert_eq!(map.to_decoded(2, false), 2);
        assert_eq!(map.to_decoded(text.len(), true), decoded.len());
    }

    #[test]
    fn reordering_and_expansion() {
        // Marks out of canonical order, and a composition exclusion that grows in NFC.
        let decoded = "a\u{301}\u{327}x\u{958}y";
        let (text, map) = normalize(decoded);
        let text = text.unwrap();
        let whole: String = decoded.nfc().collect();
        assert_eq!(text, whole);
        let y_norm = text.find('y').unwrap();
        let y_dec = decoded.find('y').unwrap();
        assert_eq!(map.to_decoded(y_norm, false), y_dec);
        let x_norm = text.find('x').unwrap();
        assert_eq!(map.to_decoded(x_norm, false), decoded.find('x').unwrap());
    }

    #[test]
    fn below_u0300_is_always_a_boundary() {
        for c in '\0'..'\u{300}' {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    /// Characters that exercise composition, reordering, exclusions, singletons and Hangul.
    const TRICKY: &str = "aecouAq \u{300}\u{301}\u{302}\u{308}\u{323}\u{327}\u{328}\u{345}\
        \u{344}\u{340}\u{5B0}\u{93C}\u{915}\u{958}\u{F71}\u{F72}\u{F73}\u{F40}\u{F75}\u{CC6}\
        \u{CC2}\u{CD5}\u{CCA}\u{1100}\u{1161}\u{11A8}\u{AC00}\u{212B}\u{2126}\u{1E9B}\u{3B1}\
        \u{1FB6}\u{E9}\u{CF}\u{2ADC}\u{1D15E}\u{1D165}\u{1D16E}\u{FB1D}\u{FB2C}\u{5BF}\u{5C1}\
        \u{5E9}\u{3099}\u{304B}\u{FF9E}\u{11099}\u{110BA}\u{1F600}";

    fn tricky_string() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select(TRICKY.chars().collect::<Vec<_>>()),
                1 => any::<char>(),
            ],
            0..24,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn chunked_nfc_equals_whole_nfc(s in tricky_string()) {
            let (out, chunks) = normalize_chunks(&s);
            let whole: String = s.nfc().collect();
            prop_assert_eq!(&out, &whole);
            for c in &chunks {
                prop_assert!(out.is_char_boundary(c.norm_start) && out.is_char_boundary(c.norm_end));
                prop_assert!(s.is_char_boundary(c.decoded_start) && s.is_char_boundary(c.decoded_end));
            }
            let (text, map) = normalize(&s);
            prop_assert_eq!(text.as_deref().unwrap_or(&s), whole.as_str());
            let mut last = 0;
            for (i, _) in whole.char_indices().chain(iter::once((whole.len(), ' '))) {
                let d = map.to_decoded(i, false);
                prop_assert!(d >= last && d <= s.len() && s.is_char_boundary(d));
                last = d;
            }
            prop_assert_eq!(map.to_decoded(whole.len(), true), s.len());
        }
    }

    #[test]
    fn empty() {
        let (text, map) = normalize("");
        assert!(text.is_none());
        assert_eq!(map.to_decoded(0, true), 0);
    }
}
