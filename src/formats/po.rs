//! gettext PO catalogs: each `msgstr` (each plural form) is a unit, its `msgid` (or
//! `msgid_plural` for forms 1 and up) the source.
//!
//! The header entry (empty `msgid`), obsolete entries (`#~`) and untranslated messages (empty
//! `msgstr`) give no unit, nor do fuzzy entries unless [`ReadOptions::include_fuzzy`]. A unit's
//! id is `msgctxt`, U+0004 and `msgid` when the entry has a context, else `msgid`: the key
//! gettext itself looks messages up by. The quotes and line breaks between continuation lines
//! are not copied: the pieces of a string are concatenated; escapes (`\"`, `\n`, octal…) map as
//! escapes over their two or more bytes. A translator comment `# decalque-disable rule, …`
//! silences the rules it names over its whole entry.

use std::ops::Range;

use super::{Directive, ExtractBuilder, Extraction, FormatError, InputFormat, ReadOptions, Scope, Unit};

/// Reads a PO catalog.
pub(super) fn extract(decoded: &str, options: &ReadOptions) -> Result<Extraction, FormatError> {
    let mut reader = Reader { options, b: ExtractBuilder::new(), units: Vec::new(), directives: Vec::new() };
    let mut entry = Entry::default();
    let mut at = 0;
    for full in decoded.split_inclusive('\n') {
        let line_start = at;
        at += full.len();
        let line = full.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let content = &line[indent..];
        let content_start = line_start + indent;
        if content.is_empty() {
            reader.finish(std::mem::take(&mut entry))?;
            continue;
        }
        if let Some(comment) = content.strip_prefix('#') {
            // A comment after the strings starts the next entry.
            if entry.has_strings() {
                reader.finish(std::mem::take(&mut entry))?;
            }
            entry.touch(line_start, line_start + line.len());
            entry.comment(comment, content_start..line_start + line.len());
            continue;
        }
        if content.starts_with('"') {
            let string = parse_string(content, content_start, line_start)?;
            let Some(target) = entry.last_string() else {
                return Err(error(line_start, "a string continues no keyword"));
            };
            target.append(string);
            entry.touch(line_start, line_start + line.len());
            continue;
        }
        let keyword_len = content.find([' ', '\t', '"']).unwrap_or(content.len());
        let keyword = &content[..keyword_len];
        let rest = content[keyword_len..].trim_start_matches([' ', '\t']);
        let rest_start = content_start + (content.len() - rest.len());
        let which = match keyword {
            "msgctxt" => Which::Ctxt,
            "msgid" => Which::Id,
            "msgid_plural" => Which::Plural,
            "msgstr" => Which::Str(0),
            _ => match keyword.strip_prefix("msgstr[").and_then(|k| k.strip_suffix(']')).map(str::parse::<usize>) {
                Some(Ok(n)) => Which::Str(n),
                _ => return Err(error(line_start, &format!("unknown keyword `{keyword}`"))),
            },
        };
        if !rest.starts_with('"') {
            return Err(error(line_start, &format!("`{keyword}` without a string")));
        }
        let string = parse_string(rest, rest_start, line_start)?;
        // A new message after the strings of the last one starts the next entry.
        if matches!(which, Which::Ctxt | Which::Id) && entry.has_strings() {
            reader.finish(std::mem::take(&mut entry))?;
        }
        entry.keyword(which, string, line_start)?;
        entry.touch(line_start, line_start + line.len());
    }
    reader.finish(entry)?;
    let (text, map) = reader.b.finish();
    Ok(Extraction { text, map, units: reader.units, directives: reader.directives })
}

/// A PO format error at decoded offset `offset`.
fn error(offset: usize, message: &str) -> FormatError {
    FormatError { format: InputFormat::Po, offset, message: message.to_owned() }
}

/// A piece of a string as the file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seg {
    /// Text copied as is, at a decoded offset.
    Verbatim(usize, String),
    /// An escape sequence at a decoded range, and what it stands for.
    Escape(Range<usize>, String),
}

/// A string of a keyword, possibly over several lines.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct PoString {
    /// The string with escapes decoded.
    value: String,
    /// Its pieces in the file.
    segs: Vec<Seg>,
}

impl PoString {
    fn append(&mut self, other: PoString) {
        self.value.push_str(&other.value);
        self.segs.extend(other.segs);
    }
}

/// Parses the quoted string at the start of `s` (decoded offset `at`, on the line at `line`);
/// only spaces may follow.
fn parse_string(s: &str, at: usize, line: usize) -> Result<PoString, FormatError> {
    let mut out = PoString::default();
    let mut run_start = 1;
    let mut chars = s.char_indices().skip(1).peekable();
    let flush = |out: &mut PoString, from: usize, to: usize| {
        if to > from {
            out.value.push_str(&s[from..to]);
            out.segs.push(Seg::Verbatim(at + from, s[from..to].to_owned()));
        }
    };
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                flush(&mut out, run_start, i);
                if !s[i + 1..].trim().is_empty() {
                    return Err(error(line, "text after the closing quote"));
                }
                return Ok(out);
            }
            '\\' => {
                flush(&mut out, run_start, i);
                let Some((_, e)) = chars.next() else { break };
                let mut end = i + 1 + e.len_utf8();
                let decoded = match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    '\'' => '\'',
                    '?' => '?',
                    '0'..='7' | 'x' => {
                        let (radix, max) = if e == 'x' { (16, usize::MAX) } else { (8, 2) };
                        let mut value = if e == 'x' { 0 } else { e.to_digit(8).unwrap_or(0) };
                        let mut digits = 0;
                        while digits < max
                            && let Some(&(j, d)) = chars.peek()
                            && let Some(v) = d.to_digit(radix)
                        {
                            value = value.saturating_mul(radix).saturating_add(v);
                            end = j + 1;
                            digits += 1;
                            chars.next();
                        }
                        if e == 'x' && digits == 0 {
                            return Err(error(line, "`\\x` without hexadecimal digits"));
                        }
                        // PO strings are UTF-8; a byte escape above ASCII cannot stand alone.
                        if value < 0x80 { char::from_u32(value).unwrap_or('\u{fffd}') } else { '\u{fffd}' }
                    }
                    other => return Err(error(line, &format!("unknown escape `\\{other}`"))),
                };
                out.value.push(decoded);
                out.segs.push(Seg::Escape(at + i..at + end, decoded.to_string()));
                run_start = end;
            }
            _ => {}
        }
    }
    Err(error(line, "string without a closing quote"))
}

/// Which string of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Ctxt,
    Id,
    Plural,
    Str(usize),
}

/// A translator comment naming rules to silence.
#[derive(Debug)]
struct PendingDirective {
    at: Range<usize>,
    rules: Vec<String>,
}

/// One entry, as read so far.
#[derive(Debug, Default)]
struct Entry {
    /// Decoded range of its lines (without the last line end); empty until a line is read.
    span: Option<Range<usize>>,
    fuzzy: bool,
    obsolete: bool,
    directives: Vec<PendingDirective>,
    ctxt: Option<PoString>,
    /// The msgid and the offset of its line.
    id: Option<(PoString, usize)>,
    plural: Option<PoString>,
    /// Each msgstr: plural index, string.
    strs: Vec<(usize, PoString)>,
    last: Option<Which>,
}

impl Entry {
    fn has_strings(&self) -> bool {
        !self.strs.is_empty()
    }

    /// Extends the entry's range to a line.
    fn touch(&mut self, start: usize, end: usize) {
        self.span = Some(self.span.as_ref().map_or(start, |s| s.start)..end);
    }

    fn comment(&mut self, comment: &str, at: Range<usize>) {
        match comment.chars().next() {
            Some('~') => self.obsolete = true,
            Some(',') => {
                if comment[1..].split(',').any(|f| f.trim() == "fuzzy") {
                    self.fuzzy = true;
                }
            }
            Some('.' | ':' | '|') => {}
            // A translator comment.
            _ => {
                if let Some((_, rules)) = super::parse_directive(comment) {
                    self.directives.push(PendingDirective { at, rules });
                }
            }
        }
    }

    fn last_string(&mut self) -> Option<&mut PoString> {
        match self.last? {
            Which::Ctxt => self.ctxt.as_mut(),
            Which::Id => self.id.as_mut().map(|(s, _)| s),
            Which::Plural => self.plural.as_mut(),
            Which::Str(_) => self.strs.last_mut().map(|(_, s)| s),
        }
    }

    fn keyword(&mut self, which: Which, string: PoString, line: usize) -> Result<(), FormatError> {
        match which {
            Which::Ctxt if self.ctxt.is_some() || self.id.is_some() => {
                return Err(error(line, "`msgctxt` after the message"));
            }
            Which::Ctxt => self.ctxt = Some(string),
            Which::Id if self.id.is_some() => return Err(error(line, "a second `msgid`")),
            Which::Id => self.id = Some((string, line)),
            Which::Plural if self.id.is_none() => return Err(error(line, "`msgid_plural` without `msgid`")),
            Which::Plural if self.plural.is_some() || self.has_strings() => {
                return Err(error(line, "`msgid_plural` out of place"));
            }
            Which::Plural => self.plural = Some(string),
            Which::Str(_) if self.id.is_none() => return Err(error(line, "`msgstr` without `msgid`")),
            Which::Str(n) => self.strs.push((n, string)),
        }
        self.last = Some(which);
        Ok(())
    }
}

/// Turns entries into units.
struct Reader<'o> {
    options: &'o ReadOptions,
    b: ExtractBuilder,
    units: Vec<Unit>,
    directives: Vec<Directive>,
}

impl Reader<'_> {
    fn finish(&mut self, entry: Entry) -> Result<(), FormatError> {
        let Some(span) = entry.span else { return Ok(()) };
        for d in entry.directives {
            self.directives.push(Directive { at: d.at, scope: Scope::Range(span.clone()), rules: d.rules });
        }
        if entry.obsolete {
            return Ok(());
        }
        let Some((id, id_line)) = entry.id else {
            // Comments only; a msgctxt alone is malformed.
            return match entry.ctxt {
                Some(_) => Err(error(span.start, "`msgctxt` without `msgid`")),
                None => Ok(()),
            };
        };
        if entry.strs.is_empty() {
            return Err(error(id_line, "`msgid` without `msgstr`"));
        }
        let header = entry.ctxt.is_none() && id.value.is_empty();
        if header || (entry.fuzzy && !self.options.include_fuzzy) {
            return Ok(());
        }
        let key = match &entry.ctxt {
            Some(ctxt) => format!("{}\u{4}{}", ctxt.value, id.value),
            None => id.value.clone(),
        };
        for (n, string) in entry.strs {
            if string.value.is_empty() {
                continue;
            }
            let source = match (&entry.plural, n) {
                (Some(plural), 1..) => plural.value.clone(),
                _ => id.value.clone(),
            };
            self.b.separate();
            let start = self.b.len();
            for seg in string.segs {
                match seg {
                    Seg::Verbatim(at, text) => self.b.verbatim(at, &text),
                    Seg::Escape(range, text) => self.b.escape(range, &text),
                }
            }
            self.units.push(Unit {
                range: start..self.b.len(),
                source: Some(source),
                id: Some(key.clone()),
                ..Unit::default()
            });
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::formats::test_support::{assert_units_in_order, words};

    /// Decodes raw PO string text: escapes decoded, `"` + line end + `"` between
    /// continuation lines dropped.
    fn decode(raw: &str) -> String {
        let mut out = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('x') => {
                        let mut v = 0u32;
                        while let Some(d) = chars.peek().and_then(|d| d.to_digit(16)) {
                            v = v.saturating_mul(16).saturating_add(d);
                            chars.next();
                        }
                        out.push(if v < 0x80 { char::from_u32(v).unwrap() } else { '\u{fffd}' });
                    }
                    Some(d) if d.is_ascii_digit() => {
                        let mut v = d.to_digit(8).unwrap();
                        for _ in 0..2 {
                            let Some(d) = chars.peek().and_then(|d| d.to_digit(8)) else { break };
                            v = v * 8 + d;
                            chars.next();
                        }
                        out.push(if v < 0x80 { char::from_u32(v).unwrap() } else { '\u{fffd}' });
                    }
                    Some(o) => out.push(o),
                    None => {}
                },
                '"' => {
                    // The end of a line and the start of the next.
                    while chars.peek().is_some_and(|&c| c != '"') {
                        chars.next();
                    }
                    chars.next();
                }
                c => out.push(c),
            }
        }
        out
    }

    /// Every character and every word of the extracted text maps back to the file text
    /// that decodes to it; units lie inside the text, in order.
    fn assert_maps_back(decoded: &str, ex: &Extraction) {
        let map = &ex.map;
        let units_text: Vec<Range<usize>> = ex.units.iter().map(|u| u.range.clone()).collect();
        for (t, c) in ex.text.char_indices() {
            if !units_text.iter().any(|r| r.contains(&t)) {
                continue;
            }
            let raw = &decoded[map.to_decoded(t, false)..map.to_decoded(t + c.len_utf8(), true)];
            assert_eq!(decode(raw), c.to_string(), "char {c:?} at {t} maps to {raw:?}");
        }
        for (at, word) in words(&ex.text) {
            let raw = &decoded[map.to_decoded(at, false)..map.to_decoded(at + word.len(), true)];
            assert_eq!(decode(raw), word, "word {word:?} maps to {raw:?}");
        }
        assert_units_in_order(ex);
    }

    fn read(po: &str) -> Extraction {
        let ex = extract(po, &ReadOptions::default()).unwrap();
        assert_maps_back(po, &ex);
        ex
    }

    fn summary(ex: &Extraction) -> Vec<(&str, &str, &str)> {
        ex.units
            .iter()
            .map(|u| (&ex.text[u.range.clone()], u.source.as_deref().unwrap(), u.id.as_deref().unwrap()))
            .collect()
    }

    const CATALOG: &str = r#"# Traduction française de l'outil.
msgid ""
msgstr ""
"Project-Id-Version: outil 1.0\n"
"Language: fr\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#. Shown on the start page.
#: src/main.c:42
msgid "Welcome to the \"NRC\" portal"
msgstr "Bienvenue sur le portail du \"COR\""

#: src/main.c:50
#, c-format
msgid "%d file deleted"
msgid_plural "%d files deleted"
msgstr[0] "%d fichier supprimé"
msgstr[1] "%d fichiers supprimés"

msgctxt "menu"
msgid "Open"
msgstr ""
"Ouvrir le "
"fichier\n"
"suivant\tici"

#, fuzzy
msgid "Old text"
msgstr "Texte approximatif"

msgid "Untranslated"
msgstr ""

#~ msgid "Gone"
#~ msgstr "Disparu"
"#;

    #[test]
    fn catalog_units_sources_and_ids() {
        let ex = read(CATALOG);
        assert_eq!(
            summary(&ex),
            vec![
                (
                    "Bienvenue sur le portail du \"COR\"",
                    "Welcome to the \"NRC\" portal",
                    "Welcome to the \"NRC\" portal"
                ),
                ("%d fichier supprimé", "%d file deleted", "%d file deleted"),
                ("%d fichiers supprimés", "%d files deleted", "%d file deleted"),
                ("Ouvrir le fichier\nsuivant\tici", "Open", "menu\u{4}Open"),
            ]
        );
        assert_eq!(
            ex.text,
            "Bienvenue sur le portail du \"COR\"\n\n%d fichier supprimé\n\n%d fichiers supprimés\n\nOuvrir le fichier\nsuivant\tici"
        );
        // The quote maps to its escape, the word across a continuation to its two pieces.
        let q = ex.text.find('"').unwrap();
        assert_eq!(&CATALOG[ex.map.to_decoded(q, false)..ex.map.to_decoded(q + 1, true)], "\\\"");
        let w = ex.text.find("fichier\n").unwrap();
        assert_eq!(&CATALOG[ex.map.to_decoded(w, false)..ex.map.to_decoded(w + 8, true)], "fichier\\n");
    }

    #[test]
    fn fuzzy_entries_on_request() {
        let options = ReadOptions { include_fuzzy: true, ..ReadOptions::default() };
        let ex = extract(CATALOG, &options).unwrap();
        assert_eq!(ex.units.len(), 5);
        assert_eq!(&ex.text[ex.units[4].range.clone()], "Texte approximatif");
    }

    #[test]
    fn crlf_and_words_across_continuations() {
        let po =
            "msgid \"Hello world\"\r\nmsgstr \"\"\r\n\"Bonj\"\r\n\"our le \\\"monde\\\"\\n\"\r\n\"\\101\\x42 fin\"\r\n";
        let ex = read(po);
        assert_eq!(ex.text, "Bonjour le \"monde\"\nAB fin");
        let w = ex.text.find("Bonjour").unwrap();
        assert_eq!(&po[ex.map.to_decoded(w, false)..ex.map.to_decoded(w + 7, true)], "Bonj\"\r\n\"our");
        let ab = ex.text.find("AB").unwrap();
        assert_eq!(&po[ex.map.to_decoded(ab, false)..ex.map.to_decoded(ab + 2, true)], "\\101\\x42");
    }

    #[test]
    fn translator_comment_directives_cover_the_entry() {
        let po = "# decalque-disable locale.nombres, typo -- chiffres anglais voulus\n#: a.c:1\nmsgid \"1,500\"\nmsgstr \"1,500\"\n\n# Une remarque.\nmsgid \"a\"\nmsgstr \"b\"\n";
        let ex = read(po);
        assert_eq!(ex.directives.len(), 1);
        let d = &ex.directives[0];
        assert_eq!(d.at, 0..po.find('\n').unwrap());
        assert_eq!(d.rules, vec!["locale.nombres".to_owned(), "typo".to_owned()]);
        assert_eq!(d.scope, Scope::Range(0..po.find("\n\n").unwrap()));
    }

    #[test]
    fn entries_without_blank_lines_between() {
        let po = "msgid \"a\"\nmsgstr \"un\"\n#: x\nmsgid \"b\"\nmsgstr \"deux\"\nmsgid \"c\"\nmsgstr \"trois\"\n#~ msgid \"d\"\n#~ msgstr \"quatre\"";
        let ex = read(po);
        assert_eq!(ex.text, "un\n\ndeux\n\ntrois");
    }

    #[test]
    fn malformed_input_reports_the_line() {
        let cases: &[(&str, usize)] = &[
            ("msgid \"a\"\nmsgstr \"b\n", 10),
            ("msgid \"a\"\nmsgstr \"b\"\n\nmsgtxt \"c\"\n", 22),
            ("\nmsgstr \"b\"\n", 1),
            ("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n", 0),
            ("msgid \"a\"\nmsgstr \"b\" extra\n", 10),
            ("msgid \"a\"\nmsgstr \"\\q\"\n", 10),
            ("\"orphan\"\n", 0),
            ("msgid \"a\"\nmsgid \"b\"\n", 10),
            ("msgid \"a\"\nmsgstr[x] \"b\"\n", 10),
            ("msgid\n", 0),
        ];
        for &(po, offset) in cases {
            let err = extract(po, &ReadOptions::default()).unwrap_err();
            assert_eq!(err.offset, offset, "{po:?}: {}", err.message);
            assert_eq!(err.format, InputFormat::Po);
        }
    }

    #[test]
    fn empty_and_comment_only_files() {
        assert!(read("").units.is_empty());
        assert!(read("# rien\n\n").units.is_empty());
    }

    /// Pieces of PO string content.
    const PIECES: &[&str] = &["mot", " ", "\\\"", "\\n", "é", "\\t", "\\\\", "\\101", "«\u{a0}", "."];

    /// A PO string over one or more lines, from pieces.
    fn po_string(lines: &[Vec<&str>], eol: &str) -> String {
        lines.iter().map(|l| format!("\"{}\"", l.concat())).collect::<Vec<_>>().join(eol)
    }

    proptest::proptest! {
        #[test]
        fn generated_catalogs_read_and_map_back(
            entries in proptest::collection::vec(
                (
                    proptest::collection::vec(proptest::collection::vec(proptest::sample::select(PIECES), 0..5), 1..4),
                    proptest::bool::ANY,
                    proptest::bool::ANY,
                ),
                0..6,
            ),
            crlf in proptest::bool::ANY,
        ) {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut po = String::new();
            let mut expected = 0;
            for (i, (lines, ctxt, comment)) in entries.iter().enumerate() {
                if *comment {
                    po.push_str(&format!("# note{eol}#: f.c:{i}{eol}"));
                }
                if *ctxt {
                    po.push_str(&format!("msgctxt \"c{i}\"{eol}"));
                }
                po.push_str(&format!("msgid \"m{i}\"{eol}msgstr {}{eol}{eol}", po_string(lines, eol)));
                if lines.iter().any(|l| !l.is_empty()) {
                    expected += 1;
                }
            }
            let ex = extract(&po, &ReadOptions::default()).unwrap();
            assert_maps_back(&po, &ex);
            proptest::prop_assert_eq!(ex.units.len(), expected);
        }


        #[test]
        fn any_input_without_panic(s in "(\\PC|[\"\\\\#~,.|: \r\n]|msgid |msgstr |msgstr\\[1\\] |msgctxt |msgid_plural |\\\\[ntx0-7\"]){0,80}") {
            if let Ok(ex) = extract(&s, &ReadOptions { include_fuzzy: true, ..ReadOptions::default() }) {
                assert_maps_back(&s, &ex);
            }
        }
    }
}
