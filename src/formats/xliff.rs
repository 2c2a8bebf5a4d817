//! XLIFF 1.2 and 2.0: each `<target>` of a `<trans-unit>` (1.2) or of a `<segment>` (2.0) is a
//! unit, with its `<source>` as source.
//!
//! A unit's id is the `trans-unit`'s `id` (1.2), or the `unit`'s `id`, then `/` and the
//! `segment`'s `id` when it has one (2.0). Units marked `translate="no"` and empty targets
//! give none; targets in any `state` are checked. Inline codes (1.2 `<x/>`, `<bx/>`, `<ex/>`,
//! `<ph>`, `<bpt>`, `<ept>`, `<it>`; 2.0 `<ph/>`, `<sc/>`, `<ec/>`) are not prose: their content
//! is dropped, each is recorded as `<name id="…"/>` in [`Unit::codes`] (target) or
//! [`Unit::source_codes`] and written so in [`Unit::source`]; in the target text the gap is
//! mended (a space between two words, nothing before punctuation or a space). Paired
//! formatting (`<g>`, `<pc>`, `<mrk>`) is transparent: its content is prose. `<cp hex="…"/>`,
//! the five XML entities and character references map as escapes; CDATA is verbatim; other
//! named entities (not defined in XLIFF) are copied as they are written.

use std::ops::Range;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::markdown::Mender;
use super::{Extraction, FormatError, InputFormat, Unit};

/// Reads an XLIFF document.
pub(super) fn extract(decoded: &str) -> Result<Extraction, FormatError> {
    let mut reader = Reader::from_str(decoded);
    let mut walk = Walk::new(decoded);
    loop {
        let before = pos(reader.buffer_position());
        let event = reader.read_event().map_err(|e| error(pos(reader.error_position()), &e.to_string()))?;
        let range = before..pos(reader.buffer_position());
        match event {
            Event::Eof => break,
            Event::Start(e) => walk.start(&e, range)?,
            Event::Empty(e) => {
                walk.start(&e, range.clone())?;
                walk.end(local(e.local_name().as_ref()), range)?;
            }
            Event::End(e) => walk.end(local(e.local_name().as_ref()), range)?,
            Event::Text(t) => {
                let text = std::str::from_utf8(&t).map_err(|e| error(range.start, &e.to_string()))?;
                walk.text(range.start, text);
            }
            // The content of `<![CDATA[…]]>`, verbatim.
            Event::CData(c) => {
                let text = std::str::from_utf8(&c).map_err(|e| error(range.start, &e.to_string()))?;
                walk.text(range.start + "<![CDATA[".len(), text);
            }
            Event::GeneralRef(r) => walk.reference(&r, range)?,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = walk.stack.last() {
        return Err(error(open.start, &format!("`<{}>` is not closed", open.name)));
    }
    let (text, map) = walk.m.finish();
    Ok(Extraction { text, map, units: walk.units, directives: super::html_comment_directives(decoded) })
}

/// A reader position as an offset (the input is a `&str`, so it fits).
fn pos(p: u64) -> usize {
    usize::try_from(p).unwrap_or(usize::MAX)
}

/// An XLIFF format error at decoded offset `offset`.
fn error(offset: usize, message: &str) -> FormatError {
    FormatError { format: InputFormat::Xliff, offset, message: message.to_owned() }
}

/// An element name as text (XML names are UTF-8 here: the input is a `&str`).
fn local(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

/// An open element.
#[derive(Debug)]
struct Open {
    name: String,
    start: usize,
}

/// Inline elements that are codes: their content is not prose.
const CODES: &[&str] = &["x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec"];

/// What `<source>` or `<target>` is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Source,
    Target,
}

/// A `<trans-unit>` (1.2) or `<segment>` (2.0) being read.
#[derive(Debug, Default)]
struct Pending {
    id: Option<String>,
    skip: bool,
    source: Option<String>,
    source_codes: Vec<String>,
    /// Each target's range in the extracted text and codes.
    targets: Vec<(Range<usize>, Vec<String>)>,
}

/// The walk over the document's events.
struct Walk<'a> {
    m: Mender<'a>,
    units: Vec<Unit>,
    stack: Vec<Open>,
    /// The `id` of the 2.0 `<unit>` being read.
    unit_id: Option<String>,
    /// Whether the 2.0 `<unit>` being read is `translate="no"`.
    unit_skip: bool,
    pending: Option<Pending>,
    /// The side being read, and the stack depth of its element.
    side: Option<(Side, usize)>,
    /// Depth of open codes inside the side: their content is dropped.
    code_depth: usize,
    /// The source text, and the codes of the side being read.
    source: String,
    codes: Vec<String>,
}

impl<'a> Walk<'a> {
    fn new(decoded: &'a str) -> Self {
        Walk {
            m: Mender::new(decoded),
            units: Vec::new(),
            stack: Vec::new(),
            unit_id: None,
            unit_skip: false,
            pending: None,
            side: None,
            code_depth: 0,
            source: String::new(),
            codes: Vec::new(),
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, range: Range<usize>) -> Result<(), FormatError> {
        let name = local(e.local_name().as_ref());
        let attr = |key: &str| -> Result<Option<String>, FormatError> {
            for a in e.attributes() {
                let a = a.map_err(|err| error(range.start, &err.to_string()))?;
                if a.key.local_name().as_ref() == key.as_bytes() {
                    let value = a
                        .normalized_value(XmlVersion::default())
                        .map_err(|err| error(range.start, &err.to_string()))?;
                    return Ok(Some(value.into_owned()));
                }
            }
            Ok(None)
        };
        if let Some((side, _)) = self.side {
            if self.code_depth > 0 {
                self.code_depth += 1;
            } else if CODES.contains(&name.as_str()) {
                let id_attr = ["id", "startRef", "rid"]
                    .into_iter()
                    .map(|k| attr(k).map(|v| v.map(|v| (k, v))))
                    .find_map(Result::transpose)
                    .transpose()?;
                let code = match id_attr {
                    Some((k, v)) => format!("<{name} {k}=\"{v}\"/>"),
                    None => format!("<{name}/>"),
                };
                match side {
                    Side::Source => self.source.push_str(&code),
                    Side::Target => self.m.gap(),
                }
                self.codes.push(code);
                self.code_depth = 1;
            } else if name == "cp" {
                let hex = attr("hex")?.unwrap_or_default();
                let c = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| error(range.start, &format!("`<cp hex=\"{hex}\"/>` is no character")))?;
                match side {
                    Side::Source => self.source.push(c),
                    Side::Target => self.m.escape(range.clone(), &c.to_string()),
                }
            }
            // Other inline elements (`<g>`, `<pc>`, `<mrk>`) are transparent.
        } else {
            let parent = self.stack.last().map(|o| o.name.as_str());
            match name.as_str() {
                "trans-unit" => {
                    let skip = attr("translate")?.as_deref() == Some("no");
                    self.pending = Some(Pending { id: attr("id")?, skip, ..Pending::default() });
                }
                "unit" => {
                    self.unit_id = attr("id")?;
                    self.unit_skip = attr("translate")?.as_deref() == Some("no");
                }
                "segment" => {
                    let id = match (self.unit_id.clone(), attr("id")?) {
                        (Some(u), Some(s)) => Some(format!("{u}/{s}")),
                        (u, s) => u.or(s),
                    };
                    self.pending = Some(Pending { id, skip: self.unit_skip, ..Pending::default() });
                }
                "source" | "target" if matches!(parent, Some("trans-unit" | "segment")) && self.pending.is_some() => {
                    let side = if name == "source" { Side::Source } else { Side::Target };
                    self.side = Some((side, self.stack.len()));
                    self.source.clear();
                    self.codes.clear();
                }
                _ => {}
            }
        }
        self.stack.push(Open { name, start: range.start });
        Ok(())
    }

    fn end(&mut self, name: String, range: Range<usize>) -> Result<(), FormatError> {
        // quick-xml checks that end tags match their start tags.
        let Some(open) = self.stack.pop() else {
            return Err(error(range.start, &format!("`</{name}>` closes nothing")));
        };
        if let Some((side, depth)) = self.side {
            if self.code_depth > 0 {
                self.code_depth -= 1;
            }
            if depth == self.stack.len() {
                self.side = None;
                self.code_depth = 0;
                let codes = std::mem::take(&mut self.codes);
                let target_range = match side {
                    Side::Target => self.m.close(),
                    Side::Source => None,
                };
                if let Some(p) = self.pending.as_mut() {
                    match side {
                        Side::Source => {
                            p.source = Some(std::mem::take(&mut self.source));
                            p.source_codes = codes;
                        }
                        Side::Target => {
                            if let Some(r) = target_range {
                                p.targets.push((r, codes));
                            }
                        }
                    }
                }
            }
            return Ok(());
        }
        match open.name.as_str() {
            "trans-unit" | "segment" => {
                if let Some(p) = self.pending.take()
                    && !p.skip
                {
                    for (range, codes) in p.targets {
                        self.units.push(Unit {
                            range,
                            source: p.source.clone(),
                            id: p.id.clone(),
                            codes,
                            source_codes: p.source_codes.clone(),
                            ..Unit::default()
                        });
                    }
                }
            }
            "unit" => {
                self.unit_id = None;
                self.unit_skip = false;
            }
            _ => {}
        }
        Ok(())
    }

    /// Text (or CDATA content) at decoded offset `at`.
    fn text(&mut self, at: usize, text: &str) {
        match self.side {
            Some(_) if self.code_depth > 0 => {}
            Some((Side::Source, _)) => self.source.push_str(text),
            Some((Side::Target, _)) => {
                self.m.verbatim(at, text);
            }
            None => {}
        }
    }

    /// An entity or character reference at `range`.
    fn reference(&mut self, r: &BytesRef<'_>, range: Range<usize>) -> Result<(), FormatError> {
        if self.side.is_none() || self.code_depth > 0 {
            return Ok(());
        }
        let name = std::str::from_utf8(r).map_err(|e| error(range.start, &e.to_string()))?;
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if r.is_char_ref() => {
                let c = r.resolve_char_ref().map_err(|e| error(range.start, &e.to_string()))?;
                Some(c.ok_or_else(|| error(range.start, "bad character reference"))?)
            }
            _ => None,
        };
        match (self.side, decoded) {
            (Some((Side::Source, _)), Some(c)) => self.source.push(c),
            (Some((Side::Source, _)), None) => self.source.push_str(&format!("&{name};")),
            (_, Some(c)) => self.m.escape(range, &c.to_string()),
            // An entity XLIFF does not define: kept as written.
            (_, None) => {
                if let Some(raw) = self.m.decoded().get(range.clone()) {
                    self.m.verbatim(range.start, raw);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::formats::test_support::{assert_units_in_order, words};

    /// Decodes raw XLIFF text: entities and `<cp/>` decoded, CDATA markers and tags dropped.
    fn decode(raw: &str) -> String {
        let mut out = String::new();
        let mut rest = raw;
        while let Some(c) = rest.chars().next() {
            if let Some(r) = rest.strip_prefix("<![CDATA[") {
                let end = r.find("]]>").unwrap_or(r.len());
                out.push_str(&r[..end]);
                rest = r.get(end + 3..).unwrap_or("");
            } else if let Some(r) = rest.strip_prefix("]]>") {
                // The end of a CDATA section whose start is before the raw text.
                rest = r;
            } else if let Some(r) = rest.strip_prefix("<cp hex=\"") {
                let end = r.find('"').unwrap();
                out.push(char::from_u32(u32::from_str_radix(&r[..end], 16).unwrap()).unwrap());
                rest = &r[r.find('>').unwrap() + 1..];
            } else if let Some(close) = ["ph", "bpt", "ept", "it"]
                .into_iter()
                .filter(|_| c == '<')
                .filter(|n| rest[1..].starts_with(n) && !rest[..rest.find('>').unwrap_or(0)].ends_with('/'))
                .find_map(|n| rest.find(&format!("</{n}>")).map(|e| e + n.len() + 3))
            {
                // A code with content: not prose.
                rest = &rest[close..];
            } else if c == '<'
                && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/')
                && let Some(e) = rest.find('>')
            {
                rest = &rest[e + 1..];
            } else if c == '&'
                && let Some(end) = rest.find(';')
            {
                let d = match &rest[1..end] {
                    "amp" => "&".to_owned(),
                    "lt" => "<".to_owned(),
                    "gt" => ">".to_owned(),
                    "quot" => "\"".to_owned(),
                    "apos" => "'".to_owned(),
                    n if n.starts_with("#x") => {
                        char::from_u32(u32::from_str_radix(&n[2..], 16).unwrap()).unwrap().to_string()
                    }
                    n if n.starts_with('#') => char::from_u32(n[1..].parse().unwrap()).unwrap().to_string(),
                    n => format!("&{n};"),
                };
                out.push_str(&d);
                rest = &rest[end + 1..];
            } else {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
        out
    }

    /// Every character and every word of the extracted text maps back to the file text
    /// that decodes to it (a word across a dropped code holds it); units lie inside the
    /// text, in order.
    fn assert_maps_back(decoded: &str, ex: &Extraction) {
        let map = &ex.map;
        for (t, c) in ex.text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let raw = &decoded[map.to_decoded(t, false)..map.to_decoded(t + c.len_utf8(), true)];
            assert_eq!(decode(raw), c.to_string(), "char {c:?} at {t} maps to {raw:?}");
        }
        for (at, word) in words(&ex.text) {
            let raw = &decoded[map.to_decoded(at, false)..map.to_decoded(at + word.len(), true)];
            let code_free: String = word.chars().filter(|c| !c.is_whitespace()).collect();
            let raw_decoded: String = decode(raw).chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(raw_decoded, code_free, "word {word:?} maps to {raw:?}");
        }
        assert_units_in_order(ex);
    }

    fn read(xlf: &str) -> Extraction {
        let ex = extract(xlf).unwrap();
        assert_maps_back(xlf, &ex);
        ex
    }

    fn texts(ex: &Extraction) -> Vec<&str> {
        ex.units.iter().map(|u| &ex.text[u.range.clone()]).collect()
    }

    const XLIFF12: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\
<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\r\n\
 <file source-language=\"en\" target-language=\"fr\" datatype=\"plaintext\" original=\"ui.txt\">\r\n\
  <body>\r\n\
   <trans-unit id=\"welcome\">\r\n\
    <source>Welcome to the NRC &amp; its <g id=\"1\">members</g>!</source>\r\n\
    <target state=\"translated\">Bienvenue au COR &amp; à ses <g id=\"1\">membres</g>&#160;!</target>\r\n\
    <note>Home page title.</note>\r\n\
   </trans-unit>\r\n\
   <trans-unit id=\"files\">\r\n\
    <source>Click <x id=\"1\"/> to open <ph id=\"2\">&lt;b&gt;</ph>1,500<ph id=\"3\">&lt;/b&gt;</ph> files.</source>\r\n\
    <target state=\"needs-translation\">Cliquez sur <x id=\"1\"/> pour ouvrir <ph id=\"2\">&lt;b&gt;</ph>1 500<ph id=\"3\">&lt;/b&gt;</ph> fichiers.</target>\r\n\
    <alt-trans><target>Ne pas lire</target></alt-trans>\r\n\
   </trans-unit>\r\n\
   <trans-unit id=\"cdata\"><source>x &lt; y</source><target><![CDATA[x < y]]> et&#xA0;<bpt id=\"1\">[b]</bpt>z<ept id=\"1\">[/b]</ept></target></trans-unit>\r\n\
   <trans-unit id=\"untranslated\"><source>Empty</source><target/></trans-unit>\r\n\
   <trans-unit id=\"locked\" translate=\"no\"><source>NRC</source><target>NRC</target></trans-unit>\r\n\
  </body>\r\n\
 </file>\r\n\
</xliff>\r\n";

    #[test]
    fn xliff_1_2_targets_sources_ids_and_codes() {
        let ex = read(XLIFF12);
        assert_eq!(
            texts(&ex),
            vec![
                "Bienvenue au COR & à ses membres\u{a0}!",
                "Cliquez sur pour ouvrir 1 500 fichiers.",
                "x < y et\u{a0}z"
            ]
        );
        let u = &ex.units;
        assert_eq!(u[0].id.as_deref(), Some("welcome"));
        assert_eq!(u[0].source.as_deref(), Some("Welcome to the NRC & its members!"));
        assert!(u[0].codes.is_empty());
        assert_eq!(
            u[1].source.as_deref(),
            Some("Click <x id=\"1\"/> to open <ph id=\"2\"/>1,500<ph id=\"3\"/> files.")
        );
        assert_eq!(u[1].codes, vec!["<x id=\"1\"/>", "<ph id=\"2\"/>", "<ph id=\"3\"/>"]);
        assert_eq!(u[1].source_codes, u[1].codes);
        assert_eq!(u[2].codes, vec!["<bpt id=\"1\"/>", "<ept id=\"1\"/>"]);
        assert_eq!(u[2].source.as_deref(), Some("x < y"));
        // Entities map to their source bytes.
        let amp = ex.text.find('&').unwrap();
        assert_eq!(&XLIFF12[ex.map.to_decoded(amp, false)..ex.map.to_decoded(amp + 1, true)], "&amp;");
        let nbsp = ex.text.find('\u{a0}').unwrap();
        assert_eq!(&XLIFF12[ex.map.to_decoded(nbsp, false)..ex.map.to_decoded(nbsp + 2, true)], "&#160;");
        let w = ex.text.find("membres").unwrap();
        assert_eq!(&XLIFF12[ex.map.to_decoded(w, false)..ex.map.to_decoded(w + 7, true)], "membres");
    }

    const XLIFF20: &str = r#"<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
 <file id="f1">
  <notes><note>Not prose.</note></notes>
  <unit id="u1">
   <originalData><data id="d1">&lt;br/&gt;</data></originalData>
   <segment id="s1" state="translated">
    <source>Press <ph id="1" dataRef="d1"/>Start<pc id="2">now</pc>.</source>
    <target>Appuyez sur <ph id="1" dataRef="d1"/>Démarrer <pc id="2">maintenant</pc>.</target>
   </segment>
   <ignorable><source> </source><target> </target></ignorable>
   <segment>
    <source>Tab<cp hex="0009"/>here <sc id="3"/>bold<ec startRef="3"/></source>
    <target>Tabulation<cp hex="0009"/>ici <sc id="3"/>gras<ec startRef="3"/> <mrk id="m1" translate="no">NRC</mrk></target>
   </segment>
  </unit>
  <unit id="u2"><segment state="initial"><source>New</source><target>Nouveau</target></segment></unit>
 </file>
</xliff>
"#;

    #[test]
    fn xliff_2_0_segments() {
        let ex = read(XLIFF20);
        assert_eq!(texts(&ex), vec!["Appuyez sur Démarrer maintenant.", "Tabulation\tici gras NRC", "Nouveau"]);
        let ids: Vec<_> = ex.units.iter().map(|u| u.id.as_deref().unwrap()).collect();
        assert_eq!(ids, vec!["u1/s1", "u1", "u2"]);
        assert_eq!(ex.units[0].source.as_deref(), Some("Press <ph id=\"1\"/>Startnow."));
        assert_eq!(ex.units[0].codes, vec!["<ph id=\"1\"/>"]);
        assert_eq!(ex.units[1].codes, vec!["<sc id=\"3\"/>", "<ec startRef=\"3\"/>"]);
        assert_eq!(ex.units[1].source.as_deref(), Some("Tab\there <sc id=\"3\"/>bold<ec startRef=\"3\"/>"));
        let tab = ex.text.find('\t').unwrap();
        assert_eq!(&XLIFF20[ex.map.to_decoded(tab, false)..ex.map.to_decoded(tab + 1, true)], "<cp hex=\"0009\"/>");
    }

    #[test]
    fn codes_between_words_give_one_space() {
        let xlf = "<xliff><file><body><trans-unit id=\"1\"><source>a</source><target>mot<x id=\"1\"/>mot, et <x id=\"2\"/> suite <x id=\"3\"/>.</target></trans-unit></body></file></xliff>";
        let ex = read(xlf);
        assert_eq!(ex.text, "mot mot, et suite.");
    }

    #[test]
    fn directives_and_unknown_entities() {
        let xlf = "<xliff><!-- decalque-disable-next-line typo --><file><body><trans-unit id=\"1\"><source>a</source><target>un&nbsp;: deux</target></trans-unit></body></file></xliff>";
        let ex = read(xlf);
        assert_eq!(ex.text, "un&nbsp;: deux");
        assert_eq!(ex.directives.len(), 1);
        assert_eq!(ex.directives[0].rules, vec!["typo".to_owned()]);
    }

    #[test]
    fn malformed_xml_reports_the_offset() {
        let cases: &[(&str, usize)] = &[
            ("<xliff><file></xliff>", 13),
            ("<xliff><trans-unit id=\"1\"><target>a & b</target></trans-unit></xliff>", 36),
            ("<xliff><file>", 7),
            ("<xliff><trans-unit id=\"1><target>a</target></trans-unit></xliff>", 7),
            ("<xliff><trans-unit><source>a</source><target><cp hex=\"zz\"/></target></trans-unit></xliff>", 45),
        ];
        for &(xlf, offset) in cases {
            let err = extract(xlf).unwrap_err();
            assert_eq!(err.offset, offset, "{xlf:?}: {}", err.message);
            assert_eq!(err.format, InputFormat::Xliff);
        }
    }

    #[test]
    fn empty_document() {
        assert!(read("").units.is_empty());
        assert!(read("<xliff version=\"1.2\"/>").units.is_empty());
    }

    /// Pieces of XLIFF target content.
    const PIECES: &[&str] = &[
        "mot",
        " ",
        "é",
        ".",
        "&amp;",
        "&#160;",
        "&#xA0;",
        "&lt;",
        "<x id=\"1\"/>",
        "<ph id=\"2\">&lt;b&gt;</ph>",
        "<g id=\"3\">gras</g>",
        "<![CDATA[a < b]]>",
        "\r\n",
        "<cp hex=\"00E9\"/>",
        "<mrk id=\"m\">m</mrk>",
        "&nbsp;",
    ];

    proptest::proptest! {
        #[test]
        fn any_input_without_panic(s in "(\\PC|[<>&;/=\"# ]|<target>|</target>|<trans-unit>|</trans-unit>|<source>|<x/>|&amp;){0,60}") {
            if let Ok(ex) = extract(&s) {
                let mut last = 0;
                for u in &ex.units {
                    proptest::prop_assert!(u.range.start >= last && u.range.end <= ex.text.len());
                    last = u.range.end;
                }
            }
        }

        #[test]
        fn generated_targets_map_back(targets in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(PIECES), 0..8), 0..5)) {
            let mut xlf = String::from("<xliff version=\"1.2\"><file><body>\n");
            for (i, t) in targets.iter().enumerate() {
                xlf.push_str(&format!("<trans-unit id=\"{i}\"><source>s</source><target>{}</target></trans-unit>\n", t.concat()));
            }
            xlf.push_str("</body></file></xliff>\n");
            let ex = extract(&xlf).unwrap();
            assert_maps_back(&xlf, &ex);
        }
    }
}
