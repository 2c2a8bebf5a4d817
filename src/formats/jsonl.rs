//! JSON Lines: one JSON object per line; the text to check is a string field, mapped through
//! JSON string escapes (`\"`, `\n`, `\u00e9`, surrogate pairs) to the exact bytes of the line.
//!
//! Field names may be paths into nested objects (`meta.id`); a key that itself holds a dot
//! is found first. The record's one unit has the id field's value as id (a string, or the
//! JSON text of a number or other value) and the source field's string as source. A `null`
//! text is an empty text with its unit; a missing or non-string text field is an error.

use std::collections::HashMap;

use serde_json::value::RawValue;

use super::{ExtractBuilder, Extraction, FormatError, InputFormat, Unit};

/// The fields of a JSON Lines record decalque reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The field holding the text to check.
    pub text: String,
    /// The field holding the source-language text, if any.
    pub source: Option<String>,
    /// The field holding the record's identifier, if any.
    pub id: Option<String>,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { text: "text".to_owned(), source: None, id: None }
    }
}

/// Reads one record (a line without its terminator).
pub fn read_record(line: &str, fields: &Fields) -> Result<Extraction, FormatError> {
    let record: HashMap<String, &RawValue> = serde_json::from_str(line).map_err(|e| json_error(line, &e))?;
    let text = find(&record, &fields.text, line)?
        .ok_or_else(|| error(0, &format!("no `{}` field in the record", fields.text)))?;
    let text_at = offset(line, text);
    let mut b = ExtractBuilder::new();
    match text.get().as_bytes().first() {
        Some(b'"') => decode_into(text.get(), text_at, Some(&mut b)).map(drop),
        Some(b'n') => Ok(()),
        _ => Err(error(text_at, &format!("the `{}` field is not a string", fields.text))),
    }?;
    let source = match &fields.source {
        Some(name) => find(&record, name, line)?.and_then(|v| string(v, line)),
        None => None,
    };
    let id = match &fields.id {
        Some(name) => find(&record, name, line)?.and_then(|v| match v.get() {
            "null" => None,
            raw if raw.starts_with('"') => string(v, line),
            raw => Some(raw.to_owned()),
        }),
        None => None,
    };
    let (text, map) = b.finish();
    let unit = Unit { range: 0..text.len(), source, id, ..Unit::default() };
    Ok(Extraction { text, map, units: vec![unit], directives: Vec::new() })
}

/// A JSON Lines format error at offset `offset` of the line.
fn error(offset: usize, message: &str) -> FormatError {
    FormatError { format: InputFormat::Jsonl, offset, message: message.to_owned() }
}

/// A serde_json error, at its offset in the line (its line and column count bytes).
fn json_error(line: &str, e: &serde_json::Error) -> FormatError {
    let line_start: usize = line.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum();
    let offset = (line_start + e.column().saturating_sub(1)).min(line.len());
    let message = e.to_string();
    // serde_json appends " at line L column C": the caller reports the position its own way.
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    error(offset, message)
}

/// Where a raw value borrowed from `line` starts in it.
fn offset(line: &str, value: &RawValue) -> usize {
    (value.get().as_ptr() as usize).saturating_sub(line.as_ptr() as usize).min(line.len())
}

/// The value at `path` in `record`: a key as is, else a dotted path into nested objects.
fn find<'a>(
    record: &HashMap<String, &'a RawValue>,
    path: &str,
    line: &str,
) -> Result<Option<&'a RawValue>, FormatError> {
    if let Some(v) = record.get(path) {
        return Ok(Some(v));
    }
    for (dot, _) in path.match_indices('.') {
        let Some(v) = record.get(&path[..dot]) else { continue };
        if !v.get().starts_with('{') {
            continue;
        }
        let inner: HashMap<String, &'a RawValue> =
            serde_json::from_str(v.get()).map_err(|e| error(offset(line, v), &e.to_string()))?;
        if let Some(found) = find(&inner, &path[dot + 1..], line)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// The decoded string of a raw JSON string value, or `None` when it is not a string.
fn string(value: &RawValue, line: &str) -> Option<String> {
    let raw = value.get();
    if !raw.starts_with('"') {
        return None;
    }
    decode_into(raw, offset(line, value), None).ok()
}

/// Decodes the JSON string literal `raw` (quotes included) found at offset `at` of the
/// line, copying it into `b` (verbatim runs and escapes) when given; returns the string.
fn decode_into(raw: &str, at: usize, mut b: Option<&mut ExtractBuilder>) -> Result<String, FormatError> {
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
    let base = at + 1;
    let mut out = String::with_capacity(inner.len());
    let mut run = 0;
    let mut i = 0;
    while let Some(rel) = inner.get(i..).and_then(|r| r.find('\\')) {
        let start = i + rel;
        let (len, c) = escape_at(inner, start).ok_or_else(|| error(base + start, "bad escape in a JSON string"))?;
        let verbatim = &inner[run..start];
        out.push_str(verbatim);
        out.push(c);
        if let Some(b) = b.as_deref_mut() {
            b.verbatim(base + run, verbatim);
            b.escape(base + start..base + start + len, c.encode_utf8(&mut [0; 4]));
        }
        i = start + len;
        run = i;
    }
    let rest = inner.get(run..).unwrap_or("");
    out.push_str(rest);
    if let Some(b) = b {
        b.verbatim(base + run, rest);
    }
    Ok(out)
}

/// The escape at byte `i` of `s` (a backslash): its length and character. A lone surrogate
/// decodes to U+FFFD.
fn escape_at(s: &str, i: usize) -> Option<(usize, char)> {
    let c = match s.as_bytes().get(i + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let hex = |at: usize| s.get(at..at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
            let high = hex(i + 2)?;
            if (0xD800..0xDC00).contains(&high)
                && s.get(i + 6..i + 8) == Some("\\u")
                && let Some(low) = hex(i + 8).filter(|l| (0xDC00..0xE000).contains(l))
            {
                let c = char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?;
                return Some((12, c));
            }
            return Some((6, char::from_u32(high).unwrap_or('\u{fffd}')));
        }
        _ => return None,
    };
    Some((2, c))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// Decodes raw JSON string content.
    fn decode(raw: &str) -> String {
        decode_into(&format!("\"{raw}\""), 0, None).unwrap()
    }

    /// Every character and every word of the extracted text maps back to the line's bytes
    /// that decode to it.
    fn assert_maps_back(line: &str, ex: &Extraction) {
        let map = &ex.map;
        for (t, c) in ex.text.char_indices() {
            let raw = &line[map.to_decoded(t, false)..map.to_decoded(t + c.len_utf8(), true)];
            assert_eq!(decode(raw), c.to_string(), "char {c:?} at {t} maps to {raw:?}");
        }
        let mut start = None;
        for (i, c) in ex.text.char_indices().chain([(ex.text.len(), ' ')]) {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    let word = &ex.text[s..i];
                    let raw = &line[map.to_decoded(s, false)..map.to_decoded(i, true)];
                    assert_eq!(decode(raw), word, "word {word:?} maps to {raw:?}");
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        assert_eq!(ex.units.len(), 1);
        assert_eq!(ex.units[0].range, 0..ex.text.len());
    }

    fn fields(text: &str, source: Option<&str>, id: Option<&str>) -> Fields {
        Fields { text: text.to_owned(), source: source.map(str::to_owned), id: id.map(str::to_owned) }
    }

    #[test]
    fn text_source_and_id_through_escapes() {
        let line = r#"{"id": 42, "src": "The \"NRC\"", "text": "Le \"COR\" a dit\u00a0: \u00e9t\u00E9\nfin \ud83d\ude00 \\ \/ \t."}"#;
        let ex = read_record(line, &fields("text", Some("src"), Some("id"))).unwrap();
        assert_eq!(ex.text, "Le \"COR\" a dit\u{a0}: été\nfin 😀 \\ / \t.");
        assert_eq!(ex.units[0].source.as_deref(), Some("The \"NRC\""));
        assert_eq!(ex.units[0].id.as_deref(), Some("42"));
        assert_maps_back(line, &ex);
        let w = ex.text.find("été").unwrap();
        assert_eq!(&line[ex.map.to_decoded(w, false)..ex.map.to_decoded(w + "été".len(), true)], "\\u00e9t\\u00E9");
        let smile = ex.text.find('😀').unwrap();
        assert_eq!(&line[ex.map.to_decoded(smile, false)..ex.map.to_decoded(smile + 4, true)], "\\ud83d\\ude00");
    }

    #[test]
    fn nested_fields_and_string_ids() {
        let line =
            r#"{"meta": {"id": "doc-7", "lang": "fr"}, "seg.text": "Texte direct", "seg": {"text": "Texte imbriqué"}}"#;
        let ex = read_record(line, &fields("seg.text", None, Some("meta.id"))).unwrap();
        assert_eq!(ex.text, "Texte direct");
        assert_eq!(ex.units[0].id.as_deref(), Some("doc-7"));
        let ex = read_record(line, &fields("seg.text", None, Some("meta.missing"))).unwrap();
        assert_eq!(ex.units[0].id, None);
        let line = r#"{"seg": {"text": "Texte imbriqué"}}"#;
        let ex = read_record(line, &fields("seg.text", None, None)).unwrap();
        assert_eq!(ex.text, "Texte imbriqué");
        assert_maps_back(line, &ex);
    }

    #[test]
    fn null_text_is_empty() {
        let ex = read_record(r#"{"text": null, "id": null}"#, &fields("text", Some("src"), Some("id"))).unwrap();
        assert_eq!(ex.text, "");
        assert_eq!(ex.units.len(), 1);
        assert_eq!(ex.units[0].id, None);
        assert_eq!(ex.units[0].source, None);
    }

    #[test]
    fn errors_carry_the_offset() {
        let f = Fields::default();
        let err = read_record(r#"{"text": 12}"#, &f).unwrap_err();
        assert_eq!((err.offset, err.format), (9, InputFormat::Jsonl));
        let err = read_record(r#"{"other": "x"}"#, &f).unwrap_err();
        assert_eq!(err.offset, 0);
        // Unexpected end: the last byte (serde_json counts bytes: `é` is two).
        let err = read_record(r#"{"text": "é" "#, &f).unwrap_err();
        assert_eq!(err.offset, 13);
        let err = read_record(r#"{"text": "a\qb"}"#, &f).unwrap_err();
        // At the escaped character.
        assert_eq!(err.offset, 12, "{}", err.message);
        let err = read_record("[1, 2]", &f).unwrap_err();
        assert_eq!(err.offset, 0, "{}", err.message);
        let err = read_record("", &f).unwrap_err();
        assert_eq!(err.offset, 0);
    }

    proptest::proptest! {
        #[test]
        fn any_string_round_trips(s in "\\PC{0,40}|[\"\\\\/\n\t\u{0}-\u{1f}é😀 ]{0,20}") {
            let line = serde_json::json!({ "text": s, "id": 1 }).to_string();
            let ex = read_record(&line, &Fields::default()).unwrap();
            proptest::prop_assert_eq!(&ex.text, &s);
            assert_maps_back(&line, &ex);
        }

        #[test]
        fn any_input_without_panic(s in "(\\PC|[{}\":,\\\\ ]|\"text\"|\\\\u[0-9a-fA-F]{0,4}){0,60}") {
            let _ = read_record(&s, &fields("text", Some("s"), Some("i")));
        }
    }
}
