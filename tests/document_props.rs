//! Property tests for `decalque::document`: offset maps, original text and positions.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use decalque::document::{Document, Encoding, Source};
use decalque::span::NormSpan;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Pieces of French-ish machine-translated text, including decomposed accents.
const FRAGMENTS: &[&str] = &[
    "a",
    "Le",
    " ",
    ".",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "e\u{301}",
    "a\u{300}",
    "c\u{327}",
    "é",
    "’",
    "«\u{a0}",
    "\u{a0}»",
    "жизнь",
    "😀",
    "q\u{301}",
    "\u{301}",
    "e\u{327}\u{301}",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..30).prop_map(|parts| parts.concat())
}

/// Generated text, and whether to write it with a UTF-8 BOM.
fn utf8_input() -> impl Strategy<Value = (String, bool)> {
    (fragments(), any::<bool>())
}

fn bytes_of(text: &str, bom: bool) -> Vec<u8> {
    let mut bytes = if bom { vec![0xEF, 0xBB, 0xBF] } else { Vec::new() };
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

#[allow(clippy::expect_used)] // test helper: generated inputs always decode
fn read(bytes: Vec<u8>) -> Document {
    Document::from_source(Source { name: "prop.txt".to_owned(), bytes }).expect("generated input decodes")
}

/// Char boundaries of `s`, including `s.len()`.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect()
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

proptest! {
    // Failures print their minimal input; no regression files are written into the tree.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// (a) spans land on char boundaries, in bounds, ordered, and monotonic.
    #[test]
    fn spans_are_well_formed_and_monotonic((text, bom) in utf8_input()) {
        let bytes = bytes_of(&text, bom);
        let original = std::str::from_utf8(&bytes).expect("generated input is UTF-8").to_owned();
        let doc = read(bytes);
        prop_assert_eq!(doc.text(), nfc(&text));
        let cuts = boundaries(doc.text());
        let mut last_start = 0;
        for (a, &i) in cuts.iter().enumerate() {
            let mut last_end = 0;
            for &j in &cuts[a..] {
                let span = doc.to_original(NormSpan::new(i, j));
                prop_assert!(span.start <= span.end, "{span:?}");
                prop_assert!(span.end <= original.len(), "{span:?}");
                prop_assert!(original.is_char_boundary(span.start), "{span:?}");
                prop_assert!(original.is_char_boundary(span.end), "{span:?}");
                prop_assert!(span.end >= last_end, "end not monotonic at {i}..{j}");
                last_end = span.end;
                if j == i {
                    prop_assert!(span.start >= last_start, "start not monotonic at {i}");
                    last_start = span.start;
                }
                // The start does not depend on the end.
                prop_assert_eq!(span.start, doc.to_original(NormSpan::new(i, i)).start);
            }
        }
    }

    /// (b) original_text is the original bytes; unsnapped spans normalize to the slice.
    #[test]
    fn original_text_matches_bytes((text, bom) in utf8_input()) {
        let bytes = bytes_of(&text, bom);
        let doc = read(bytes.clone());
        let cuts = boundaries(doc.text());
        for (a, &i) in cuts.iter().enumerate() {
            for &j in &cuts[a..] {
                let span = doc.to_original(NormSpan::new(i, j));
                let got = doc.original_text(span);
                let expected = std::str::from_utf8(&bytes[span.range()]).expect("char boundaries");
                prop_assert_eq!(got.as_ref(), expected);
                let snapped = !doc.to_original(NormSpan::new(i, i)).is_empty()
                    || !doc.to_original(NormSpan::new(j, j)).is_empty();
                if !snapped {
                    prop_assert_eq!(nfc(&got), nfc(&doc.text()[i..j]), "span {}..{}", i, j);
                } else {
                    // A snapped span still covers what was asked.
                    prop_assert!(nfc(&got).contains(&doc.text()[i..j]), "span {}..{}", i, j);
                }
            }
        }
    }

    /// (c) positions are monotonic and count lines like the original bytes do.
    #[test]
    fn positions_are_monotonic((text, bom) in utf8_input()) {
        let bytes = bytes_of(&text, bom);
        let doc = read(bytes.clone());
        let mut last = doc.position(0);
        for offset in 0..=bytes.len() {
            let pos = doc.position(offset);
            prop_assert!(pos >= last, "position went back at {offset}: {last:?} -> {pos:?}");
            let newlines = bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            prop_assert_eq!(pos.line, newlines + 1, "line at {}", offset);
            prop_assert!(pos.column >= 1 && pos.utf16_column >= pos.column);
            last = pos;
        }
        prop_assert_eq!(doc.line_count(), text.matches('\n').count() + 1);
        for line in 1..=doc.line_count() {
            let start = doc.line_start(line);
            prop_assert_eq!(doc.position(start).line, line);
            prop_assert_eq!(doc.position(start).column, 1);
            prop_assert!(!doc.line_text(line).contains('\n'));
        }
    }

    /// (d) the end of the normalized text is the end of the file.
    #[test]
    fn end_maps_to_end((text, bom) in utf8_input()) {
        let bytes = bytes_of(&text, bom);
        let len = bytes.len();
        let doc = read(bytes);
        let end = doc.text().len();
        let span = doc.to_original(NormSpan::new(end, end));
        prop_assert_eq!((span.start, span.end), (len, len));
        let whole = doc.to_original(NormSpan::new(0, end));
        prop_assert_eq!((whole.start, whole.end), (if bom { 3 } else { 0 }, len));
    }

    /// Segments are non-blank, ordered, and exclude line terminators at their edges.
    #[test]
    fn segments_are_ordered_and_trimmed((text, bom) in utf8_input()) {
        let doc = read(bytes_of(&text, bom));
        let mut last_end = 0;
        for seg in doc.segments() {
            prop_assert!(seg.span.start >= last_end && seg.span.start < seg.span.end);
            let slice = &doc.text()[seg.span.range()];
            prop_assert!(!slice.trim().is_empty());
            prop_assert!(!slice.starts_with('\n') && !slice.ends_with('\n'));
            prop_assert!(!slice.ends_with("\r\n") && !slice.contains("\n\n"));
            last_end = seg.span.end;
        }
        prop_assert_eq!(doc.segments().is_empty(), doc.text().trim().is_empty());
    }

    /// UTF-16 files map spans onto whole code units and never between surrogates.
    #[test]
    fn utf16_spans(text in fragments(), big_endian in any::<bool>()) {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        let mut unit_starts = vec![2];
        for c in text.chars() {
            for u in c.encode_utf16(&mut [0; 2]) {
                bytes.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            unit_starts.push(bytes.len());
        }
        let doc = read(bytes.clone());
        prop_assert_eq!(
            doc.encoding(),
            if big_endian { Encoding::Utf16Be } else { Encoding::Utf16Le }
        );
        prop_assert_eq!(doc.decoded(), text.as_str());
        prop_assert_eq!(doc.text(), nfc(&text));
        let cuts = boundaries(doc.text());
        for (a, &i) in cuts.iter().enumerate() {
            for &j in &cuts[a..] {
                let span = doc.to_original(NormSpan::new(i, j));
                prop_assert!(span.start <= span.end && span.end <= bytes.len());
                prop_assert!(unit_starts.binary_search(&span.start).is_ok(), "{span:?}");
                prop_assert!(unit_starts.binary_search(&span.end).is_ok(), "{span:?}");
                let got = doc.original_text(span);
                prop_assert!(nfc(&got).contains(&doc.text()[i..j]));
            }
        }
        let end = doc.text().len();
        prop_assert_eq!(doc.to_original(NormSpan::new(end, end)).start, bytes.len());
        let mut last = doc.position(0);
        for offset in 0..=bytes.len() {
            let pos = doc.position(offset);
            prop_assert!(pos >= last);
            last = pos;
        }
    }

    /// Windows-1252 files: legacy offset, mapping and original text.
    #[test]
    fn windows_1252_spans(parts in prop::collection::vec(
        prop::sample::select(&["a", "Le", " ", "\r\n", "é", "è", "à", "ç", "€", "’", "«\u{a0}", "œ"][..]),
        1..30,
    )) {
        let text = format!("{}é", parts.concat());
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        prop_assert!(!unmappable);
        let bytes = bytes.into_owned();
        // The generated text always ends with a lone 0xE9, so it is never valid UTF-8.
        let first_invalid = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to());
        prop_assert!(first_invalid.is_some());
        let doc = read(bytes.clone());
        prop_assert_eq!(doc.encoding(), Encoding::Windows1252);
        prop_assert_eq!(doc.legacy_offset(), first_invalid);
        prop_assert_eq!(doc.text(), text.as_str());
        let cuts = boundaries(doc.text());
        for (a, &i) in cuts.iter().enumerate() {
            for &j in &cuts[a..] {
                let span = doc.to_original(NormSpan::new(i, j));
                prop_assert_eq!(span.len(), doc.text()[i..j].chars().count());
                prop_assert_eq!(doc.original_text(span), &doc.text()[i..j]);
            }
        }
    }

    /// Arbitrary bytes never panic, and a decoded document is self-consistent.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let len = bytes.len();
        if let Ok(doc) = Document::from_source(Source { name: "-".to_owned(), bytes }) {
            let end = doc.text().len();
            let whole = doc.to_original(NormSpan::new(0, end));
            prop_assert_eq!(whole.end, len);
            for i in 0..=end + 1 {
                let span = doc.to_original(NormSpan::new(i, end + 2));
                prop_assert!(span.start <= span.end && span.end <= len);
                let _ = doc.original_text(span);
            }
            for offset in 0..=len + 1 {
                let _ = doc.position(offset);
            }
            for line in 0..=doc.line_count() + 1 {
                let _ = doc.line_text(line);
                prop_assert!(doc.line_start(line) <= len);
            }
        }
    }

    /// Arbitrary strings (any scalar values) normalize exactly like whole-text NFC.
    #[test]
    fn arbitrary_strings(text in "\\PC{0,40}", bom in any::<bool>()) {
        let doc = read(bytes_of(&text, bom));
        // Without a written BOM, a leading U+FEFF in the text is taken as one.
        let decoded = if bom { text.as_str() } else { text.strip_prefix('\u{feff}').unwrap_or(&text) };
        prop_assert_eq!(doc.decoded(), decoded);
        prop_assert_eq!(doc.text(), nfc(decoded));
        let cuts = boundaries(doc.text());
        let mut last = 0;
        for &i in &cuts {
            let span = doc.to_original(NormSpan::new(i, i));
            prop_assert!(span.start >= last);
            last = span.start;
        }
    }
}
