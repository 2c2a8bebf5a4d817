//! Markdown: the prose of a CommonMark document with GitHub extensions.
//!
//! One unit per block holding prose: paragraph, heading ([`UnitKind::Heading`]), list item,
//! block quote paragraph, footnote, table cell ([`UnitKind::Label`]). Code blocks, inline code,
//! HTML, front matter (YAML `---` or TOML `+++` at the start of the file), link and image
//! destinations, autolinks and footnote references are not copied. Link text is kept, and so is
//! image alt text, in place: it is translated prose too; a block holding nothing but images is a
//! [`UnitKind::Label`]. Emphasis and link markers, block quote prefixes and continuation
//! indentation are not copied either; words stay exact through them because their letters are
//! verbatim. Backslash escapes and entities map as escapes over their exact source bytes.
//!
//! Where something was dropped inside a line (inline code, an autolink), the text around it is
//! mended so that checks do not see spacing the file does not have: a space is added between
//! two words the gap separated, and a space left before punctuation (`Lancez `cargo`.`) or
//! before another space is dropped.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{ExtractBuilder, ExtractMap, Extraction, Unit, UnitKind};

/// Extracts the prose of a Markdown document.
pub(super) fn extract(decoded: &str) -> Extraction {
    let body_start = front_matter_end(decoded);
    let body = decoded.get(body_start..).unwrap_or("");
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let mut state = State::new(decoded);
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        state.event(event, range.start + body_start..range.end + body_start);
    }
    state.close_unit();
    let (text, map) = state.m.finish();
    Extraction { text, map, units: state.units, directives: super::html_comment_directives(decoded) }
}

/// Where the body starts after a front matter block (YAML `---` … `---`/`...`, TOML
/// `+++` … `+++`) at the very start of the file; 0 when there is none. Done by hand because
/// pulldown-cmark also takes `---` blocks in the middle of a document for metadata.
fn front_matter_end(decoded: &str) -> usize {
    let mut lines = decoded.split_inclusive('\n');
    let Some(first) = lines.next() else { return 0 };
    let fence = first.trim_end();
    if fence != "---" && fence != "+++" {
        return 0;
    }
    let mut at = first.len();
    for line in lines {
        at += line.len();
        let t = line.trim_end();
        if t == fence || (fence == "---" && t == "...") {
            return at;
        }
    }
    // Never closed: not front matter.
    0
}

/// Builds units from text runs of a file where inline pieces (code, placeholders) were
/// dropped, and mends the spacing the gaps leave: a space between two words a gap separated
/// (synthetic), none before punctuation or another space (the held-back spaces before the
/// gap are dropped). Leading and trailing spaces of a unit are not copied. Shared by the
/// Markdown, XLIFF and subtitle readers.
#[derive(Debug)]
pub(super) struct Mender<'a> {
    decoded: &'a str,
    b: ExtractBuilder,
    /// Where the open unit starts in the extracted text.
    start: Option<usize>,
    /// Trailing spaces of the last text, held back until we know what follows.
    held: Option<(usize, &'a str)>,
    /// Whether something was dropped since the last text.
    gap: bool,
}

impl<'a> Mender<'a> {
    /// A mender over the file's decoded text.
    pub(super) fn new(decoded: &'a str) -> Self {
        Mender { decoded, b: ExtractBuilder::new(), start: None, held: None, gap: false }
    }

    /// The file's decoded text.
    pub(super) fn decoded(&self) -> &'a str {
        self.decoded
    }

    /// Whether the open unit has no content yet (or no unit is open).
    pub(super) fn unit_is_empty(&self) -> bool {
        self.start.is_none_or(|s| s == self.b.len())
    }

    /// Something inside the unit was not copied.
    pub(super) fn gap(&mut self) {
        if !self.unit_is_empty() || self.held.is_some() {
            self.gap = true;
        }
    }

    /// Opens a unit if none is, and settles the gap and held spaces before content that
    /// starts with `first`.
    fn before(&mut self, first: char) {
        if self.start.is_none() {
            self.b.separate();
            self.start = Some(self.b.len());
        }
        let held = self.held.take();
        if self.gap {
            self.gap = false;
            let drops_space = first.is_whitespace() || matches!(first, '.' | ',' | ')' | ']' | '…');
            match held {
                Some(_) if drops_space => return,
                // Between two words (`mot<x/>mot`), not before punctuation (`Texte[^1].`).
                None if first.is_alphanumeric()
                    && !self.unit_is_empty()
                    && self.b.text().ends_with(char::is_alphanumeric) =>
                {
                    self.b.synthetic(" ");
                }
                _ => {}
            }
        }
        if let Some((at, spaces)) = held {
            self.b.verbatim(at, spaces);
        }
    }

    /// Copies `text`, which the file holds at decoded offset `at`; returns whether anything
    /// was copied (leading spaces of a unit are not).
    pub(super) fn verbatim(&mut self, at: usize, text: &str) -> bool {
        let (mut at, mut text) = (at, text);
        if self.unit_is_empty() && self.held.is_none() {
            let trimmed = text.trim_start();
            at += text.len() - trimmed.len();
            text = trimmed;
        }
        let Some(first) = text.chars().next() else { return false };
        self.before(first);
        let body = text.trim_end_matches([' ', '\t']);
        self.b.verbatim(at, body);
        if body.len() < text.len()
            && let Some(spaces) = self.decoded.get(at + body.len()..at + text.len())
        {
            self.held = Some((at + body.len(), spaces));
        }
        true
    }

    /// Appends `text`, decoded from the escape or entity at `range`.
    pub(super) fn escape(&mut self, range: Range<usize>, text: &str) {
        let Some(first) = text.chars().next() else { return };
        self.before(first);
        self.b.escape(range, text);
    }

    /// Ends the open unit; its range in the extracted text, unless it is empty.
    pub(super) fn close(&mut self) -> Option<Range<usize>> {
        self.held = None;
        self.gap = false;
        let start = self.start.take()?;
        // A trailing line break (a hard break ending a block) is not part of the unit.
        let end = start + self.b.text().get(start..).unwrap_or("").trim_end().len();
        (end > start).then_some(start..end)
    }

    /// The extracted text and its map.
    pub(super) fn finish(self) -> (String, ExtractMap) {
        self.b.finish()
    }
}

/// The unit being built.
#[derive(Debug)]
struct Open {
    kind: UnitKind,
    /// Whether it holds text outside image alt text.
    has_prose: bool,
    /// Whether it holds image alt text.
    has_image: bool,
}

/// The walk over pulldown-cmark's events.
struct State<'a> {
    decoded: &'a str,
    m: Mender<'a>,
    units: Vec<Unit>,
    open: Option<Open>,
    /// Depth of elements whose text is not prose (code and HTML blocks, autolinks).
    skip: usize,
    /// Whether each open link is an autolink, whose text is a URL.
    links: Vec<bool>,
    /// Depth of open images, whose text is alt text.
    images: usize,
    /// Heading and table cell nesting, which gives a unit its kind.
    kinds: Vec<UnitKind>,
    /// End of the last leaf event, in the decoded text: a backslash before it was consumed.
    last_end: usize,
}

impl<'a> State<'a> {
    fn new(decoded: &'a str) -> Self {
        State {
            decoded,
            m: Mender::new(decoded),
            units: Vec::new(),
            open: None,
            skip: 0,
            links: Vec::new(),
            images: 0,
            kinds: Vec::new(),
            last_end: 0,
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(text) => {
                if self.skip == 0 {
                    self.text(range.clone(), &text);
                }
                self.last_end = range.end;
            }
            Event::Code(_) | Event::FootnoteReference(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.drop_inline();
                self.last_end = range.end;
            }
            Event::InlineHtml(html) => {
                // Tags around words (`<b>`, `</span>`) join what they separate; a line break
                // or an image separates.
                let lower = html.to_ascii_lowercase();
                if lower.starts_with("<br") || lower.starts_with("<img") || lower.starts_with("<hr") {
                    self.drop_inline();
                }
                self.last_end = range.end;
            }
            Event::SoftBreak | Event::HardBreak => {
                if self.skip == 0 {
                    self.line_break(range.clone());
                }
                self.last_end = range.end;
            }
            Event::Html(_) | Event::TaskListMarker(_) => self.last_end = range.end,
            Event::Rule => self.close_unit(),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
            Tag::Link { link_type, .. } => {
                let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if auto {
                    self.drop_inline();
                    self.skip += 1;
                }
                self.links.push(auto);
            }
            Tag::Image { .. } => self.images += 1,
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close_unit();
                self.skip += 1;
            }
            Tag::Heading { .. } => {
                self.close_unit();
                self.kinds.push(UnitKind::Heading);
            }
            Tag::TableCell => {
                self.close_unit();
                self.kinds.push(UnitKind::Label);
            }
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow => self.close_unit(),
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Link => {
                if self.links.pop() == Some(true) {
                    self.skip = self.skip.saturating_sub(1);
                }
            }
            TagEnd::Image => self.images = self.images.saturating_sub(1),
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.close_unit();
                self.skip = self.skip.saturating_sub(1);
            }
            TagEnd::Heading(_) | TagEnd::TableCell => {
                self.close_unit();
                self.kinds.pop();
            }
            TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow => self.close_unit(),
        }
    }

    /// Something inside the line was not copied.
    fn drop_inline(&mut self) {
        if self.skip == 0 {
            self.m.gap();
        }
    }

    /// Notes that the unit being built (opened now if none is) holds content.
    fn mark_content(&mut self) {
        let image = self.images > 0;
        let kind = self.kinds.last().copied().unwrap_or_default();
        let open = self.open.get_or_insert(Open { kind, has_prose: false, has_image: false });
        if image {
            open.has_image = true;
        } else {
            open.has_prose = true;
        }
    }

    /// Copies a text event: verbatim where the file holds it as is, as escapes otherwise.
    fn text(&mut self, range: Range<usize>, text: &str) {
        let decoded = self.decoded;
        let Some(raw) = decoded.get(range.clone()) else { return };
        let Some(first) = text.chars().next() else { return };
        if raw == text {
            // pulldown-cmark starts the text after a backslash escape at the escaped character.
            let escaped = range.start > 0
                && decoded.as_bytes().get(range.start - 1) == Some(&b'\\')
                && self.last_end < range.start
                && first.is_ascii_punctuation();
            if escaped {
                self.m.escape(range.start - 1..range.start + 1, &text[..1]);
                self.m.verbatim(range.start + 1, &text[1..]);
            } else if !self.m.verbatim(range.start, text) {
                return;
            }
        } else if raw.starts_with('&') && raw.ends_with(';') {
            self.m.escape(range, text);
        } else {
            // Last resort: the common prefix and suffix are verbatim, the rest one escape.
            let prefix = common_prefix(raw, text);
            let suffix = common_suffix(&raw[prefix..], &text[prefix..]);
            self.m.verbatim(range.start, &text[..prefix]);
            self.m.escape(range.start + prefix..range.end - suffix, &text[prefix..text.len() - suffix]);
            self.m.verbatim(range.end - suffix, &text[text.len() - suffix..]);
        }
        self.mark_content();
    }

    /// Copies the line end of a soft or hard break.
    fn line_break(&mut self, range: Range<usize>) {
        if self.m.unit_is_empty() {
            return;
        }
        let raw = self.decoded.get(range.clone()).unwrap_or("");
        let eol = ["\r\n", "\n", "\r"].into_iter().find(|e| raw.ends_with(e));
        match eol {
            Some(eol) => {
                self.m.verbatim(range.end - eol.len(), eol);
            }
            None => self.m.escape(range, "\n"),
        }
    }

    /// Ends the unit being built, if any.
    fn close_unit(&mut self) {
        let open = self.open.take();
        let Some(range) = self.m.close() else { return };
        let kind = match open {
            Some(o) if o.has_image && !o.has_prose && o.kind == UnitKind::Prose => UnitKind::Label,
            Some(o) => o.kind,
            None => self.kinds.last().copied().unwrap_or_default(),
        };
        self.units.push(Unit { range, kind, ..Unit::default() });
    }
}

/// Length of the longest common prefix of `a` and `b`, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices().zip(b.chars()).find(|&((_, x), y)| x != y).map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Length of the longest common suffix of `a` and `b`, on a character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    let mut len = 0;
    for (x, y) in a.chars().rev().zip(b.chars().rev()) {
        if x != y {
            break;
        }
        len += x.len_utf8();
    }
    len
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::formats::Scope;
    use crate::formats::test_support::{assert_units_in_order, words};

    /// Decodes raw Markdown well enough to compare a word with its source: escapes and
    /// entities decoded, emphasis markers and line prefixes dropped.
    fn decode(raw: &str) -> String {
        let mut out = String::new();
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some(&(_, n)) = chars.peek()
                        && n.is_ascii_punctuation()
                    {
                        out.push(n);
                        chars.next();
                    } else {
                        out.push(c);
                    }
                }
                '&' => {
                    let rest = &raw[i..];
                    let entity = rest.find(';').map(|e| &rest[..=e]);
                    let decoded = match entity {
                        Some("&amp;") => Some('&'),
                        Some("&nbsp;" | "&#160;" | "&#xA0;") => Some('\u{a0}'),
                        Some("&eacute;") => Some('é'),
                        Some("&lt;") => Some('<'),
                        _ => None,
                    };
                    match (decoded, entity) {
                        (Some(d), Some(e)) => {
                            out.push(d);
                            for _ in 1..e.chars().count() {
                                chars.next();
                            }
                        }
                        _ => out.push(c),
                    }
                }
                '*' | '_' | '~' | '[' | ']' | '>' => {}
                c => out.push(c),
            }
        }
        out
    }

    /// Every character and every word of the extracted text maps back to file text that
    /// reads as it; units lie inside the text, in order.
    fn assert_maps_back(decoded: &str, ex: &Extraction) {
        let map = &ex.map;
        for (t, c) in ex.text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let (s, e) = (map.to_decoded(t, false), map.to_decoded(t + c.len_utf8(), true));
            let raw = &decoded[s..e];
            assert!(raw == c.to_string() || decode(raw).contains(c), "char {c:?} at {t} maps to {raw:?}");
        }
        // A word maps to the file text from its first character to its last: that text,
        // decoded, holds the word's characters in order (markup and dropped code between).
        for (at, word) in words(&ex.text) {
            let raw = &decoded[map.to_decoded(at, false)..map.to_decoded(at + word.len(), true)];
            let raw_decoded = decode(raw);
            let mut rest = raw_decoded.chars();
            for c in word.chars().filter(|c| !matches!(c, '*' | '_' | '~' | '[' | ']' | '>')) {
                assert!(rest.any(|r| r == c), "word {word:?} maps to {raw:?}");
            }
            let (first, last) = (word.chars().next().unwrap(), word.chars().next_back().unwrap());
            let raw_first = raw.chars().next().unwrap();
            assert!(raw_first == first || raw_first == '\\' || raw_first == '&', "word {word:?} maps to {raw:?}");
            let raw_last = raw.chars().next_back().unwrap();
            assert!(raw_last == last || raw_last == ';', "word {word:?} maps to {raw:?}");
        }
        assert_units_in_order(ex);
    }

    fn units(ex: &Extraction) -> Vec<(&str, UnitKind)> {
        ex.units.iter().map(|u| (&ex.text[u.range.clone()], u.kind)).collect()
    }

    #[test]
    fn prose_blocks_without_code_html_or_front_matter() {
        let md = "---\ntitle: \"Guide\"\n---\n\n# Installer *decalque* #\n\nLancez `cargo build`, puis\nvérifiez le **résultat**.\n\n```sh\ncargo test\n```\n\n<div>\nbloc HTML\n</div>\n\n    code indenté\n\nFin.\n";
        let ex = extract(md);
        assert_eq!(ex.text, "Installer decalque\n\nLancez, puis\nvérifiez le résultat.\n\nFin.");
        assert_eq!(
            units(&ex),
            vec![
                ("Installer decalque", UnitKind::Heading),
                ("Lancez, puis\nvérifiez le résultat.", UnitKind::Prose),
                ("Fin.", UnitKind::Prose)
            ]
        );
        assert_maps_back(md, &ex);
        // The word through the emphasis is exact.
        let at = ex.text.find("decalque").unwrap();
        assert_eq!(&md[ex.map.to_decoded(at, false)..ex.map.to_decoded(at + 8, true)], "decalque");
    }

    #[test]
    fn toml_front_matter_and_unclosed_fence() {
        let ex = extract("+++\ntitle = \"x\"\n+++\nTexte.\n");
        assert_eq!(ex.text, "Texte.");
        // A `---` later in the file is a thematic break, not metadata.
        let md = "Para.\n\n---\nfoo: bar\n---\n";
        let ex = extract(md);
        assert_eq!(ex.text, "Para.\n\nfoo: bar");
        assert_eq!(units(&ex)[1], ("foo: bar", UnitKind::Heading));
        assert_maps_back(md, &ex);
    }

    #[test]
    fn escapes_and_entities_map_to_their_source_bytes() {
        let md = "Un \\*gras\\* &amp; caf&eacute; x&nbsp;: y&#160;!\n";
        let ex = extract(md);
        assert_eq!(ex.text, "Un *gras* & café x\u{a0}: y\u{a0}!");
        assert_maps_back(md, &ex);
        let star = ex.text.find('*').unwrap();
        assert_eq!(&md[ex.map.to_decoded(star, false)..ex.map.to_decoded(star + 1, true)], "\\*");
        let word = ex.text.find("café").unwrap();
        assert_eq!(&md[ex.map.to_decoded(word, false)..ex.map.to_decoded(word + "café".len(), true)], "caf&eacute;");
        // An escaped backslash.
        let md = "a\\\\b\n";
        let ex = extract(md);
        assert_eq!(ex.text, "a\\b");
        assert_eq!(&md[ex.map.to_decoded(0, false)..ex.map.to_decoded(3, true)], "a\\\\b");
    }

    #[test]
    fn crlf_breaks_and_block_quotes() {
        let md = "Ligne un  \r\nligne deux\\\r\ntrois\r\n\r\n> Cité un\r\n> suite *emph\r\n> ase* fin\r\n";
        let ex = extract(md);
        assert_eq!(ex.text, "Ligne un\r\nligne deux\r\ntrois\n\nCité un\r\nsuite emph\r\nase fin");
        assert_eq!(ex.units.len(), 2);
        assert_maps_back(md, &ex);
        let eol = ex.text.find("\r\n").unwrap();
        assert_eq!(ex.map.to_decoded(eol, false), md.find("  \r\n").unwrap() + 2);
    }

    #[test]
    fn links_images_autolinks_lists_and_tables() {
        let md = "- item **un**\n  suite\n  - sous [le lien](http://x.org \"titre\") et <https://a.b> ![un schéma](i.png)\n\n![Seule image](a.png)\n\n| Nom \\| titre | Valeur |\n|---|---|\n| `x` y | z |\n\nTexte[^1] et <span>html</span> `code`.\n\n[^1]: Note.\n- [x] tâche faite\n";
        let ex = extract(md);
        assert_eq!(
            units(&ex),
            vec![
                ("item un\nsuite", UnitKind::Prose),
                ("sous le lien et un schéma", UnitKind::Prose),
                ("Seule image", UnitKind::Label),
                ("Nom | titre", UnitKind::Label),
                ("Valeur", UnitKind::Label),
                ("y", UnitKind::Label),
                ("z", UnitKind::Label),
                ("Texte et html.", UnitKind::Prose),
                ("Note.", UnitKind::Prose),
                ("tâche faite", UnitKind::Prose),
            ]
        );
        assert_maps_back(md, &ex);
        let lien = ex.text.find("lien").unwrap();
        assert_eq!(&md[ex.map.to_decoded(lien, false)..ex.map.to_decoded(lien + 4, true)], "lien");
    }

    #[test]
    fn loose_and_ordered_nested_lists() {
        let md = "1. Premier point.

   Suite du premier.
2. Second :
   - sous-point *a* ;
     1. encore plus bas.

> - dans une citation
>   continuée
";
        let ex = extract(md);
        assert_eq!(
            units(&ex).into_iter().map(|(t, _)| t).collect::<Vec<_>>(),
            vec![
                "Premier point.",
                "Suite du premier.",
                "Second :",
                "sous-point a ;",
                "encore plus bas.",
                "dans une citation\ncontinuée"
            ]
        );
        assert_maps_back(md, &ex);
    }

    #[test]
    fn gaps_are_mended() {
        let md = "la commande`ls`liste, `x` : ok et `y`\n";
        let ex = extract(md);
        assert_eq!(ex.text, "la commande liste, : ok et");
        assert_maps_back(md, &ex);
        let ex = extract("`cargo` lance la compilation.\n");
        assert_eq!(ex.text, "lance la compilation.");
        let ex = extract("Voir<br>ici et <b>là</b>.\n");
        assert_eq!(ex.text, "Voir ici et là.");
        let ex = extract("Une note[^1]. (`x`) l'`objet`\n\n[^1]: Note.\n");
        assert_eq!(ex.text, "Une note. () l'\n\nNote.");
    }

    #[test]
    fn directives_are_collected() {
        let md = "<!-- decalque-disable typo.espace -->\nTexte.\n\n<!-- decalque-enable -->\n";
        let ex = extract(md);
        assert_eq!(ex.text, "Texte.");
        assert_eq!(ex.directives.len(), 2);
        assert_eq!(ex.directives[0].scope, Scope::Disable);
        assert_eq!(ex.directives[0].rules, vec!["typo.espace".to_owned()]);
        assert_eq!(ex.directives[0].at, 0..37);
    }

    #[test]
    fn empty_input() {
        let ex = extract("");
        assert!(ex.text.is_empty() && ex.units.is_empty());
    }

    /// Pieces of Markdown syntax random documents are made of.
    const TOKENS: &[&str] = &[
        "mot",
        "é",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        "*",
        "**",
        "_",
        "~~",
        "`",
        "```",
        "    ",
        "> ",
        "- ",
        "1. ",
        "# ",
        "[",
        "]",
        "(",
        ")",
        "![",
        "<",
        ">",
        "&amp;",
        "&nbsp;",
        "&#160;",
        "&bogus;",
        "\\",
        "\\*",
        "|",
        "---",
        "+++",
        "[^1]",
        "<!-- decalque-disable -->",
        "<b>",
        "<https://a.b>",
        ".",
        ",",
        ":",
        "\t",
        "[ ] ",
    ];

    proptest::proptest! {
        #[test]
        fn any_input_maps_back_without_panic(s in "(\\PC|[*_`<>&;#\\\\\\[\\]()!|\r\n -]){0,200}") {
            let ex = extract(&s);
            assert_maps_back(&s, &ex);
        }

        #[test]
        fn markdown_like_input_maps_back(parts in proptest::collection::vec(proptest::sample::select(TOKENS), 0..60)) {
            let s = parts.concat();
            let ex = extract(&s);
            assert_maps_back(&s, &ex);
        }
    }
}
