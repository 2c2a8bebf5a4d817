//! Rule examples: a text with `⟦…⟧` around each span a bad example must report.

use std::ops::Range;

/// Opens a marked span in an example.
pub const OPEN: char = '⟦';
/// Closes a marked span in an example.
pub const CLOSE: char = '⟧';

/// How an example's text is stored as a file when the test runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExampleEncoding {
    /// UTF-8, as written in the pack.
    #[default]
    Utf8,
    /// Re-encoded as Windows-1252 (for the legacy-encoding rule).
    #[serde(rename = "windows-1252")]
    Windows1252,
}

/// One example attached to a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The example text, markers removed.
    pub text: String,
    /// How the text is stored when the example runs.
    pub encoding: ExampleEncoding,
    /// The source text the example translates (bilingual rules read it); `None` for plain text.
    pub source: Option<String>,
    /// What the rule must do on it.
    pub expect: Expect,
}

/// What a rule must do on an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Report exactly these byte ranges of `text`; applying the first suggestion of each gives `fixed`.
    Bad {
        /// Byte ranges in the unmarked text.
        spans: Vec<Range<usize>>,
        /// The text after the fix, when the example declares it.
        fixed: Option<String>,
    },
    /// Report nothing.
    Good,
}

impl Example {
    /// Parses a bad example: strips the markers and records the spans between them.
    pub fn bad(marked: &str, fixed: Option<String>) -> Result<Example, String> {
        let (text, spans) = strip_markers(marked)?;
        if spans.is_empty() {
            return Err(format!("bad example has no ⟦…⟧ span: {marked:?}"));
        }
        Ok(Example { text, encoding: ExampleEncoding::Utf8, source: None, expect: Expect::Bad { spans, fixed } })
    }

    /// Builds a good example; markers are not allowed in it.
    pub fn good(text: &str) -> Result<Example, String> {
        if text.contains(OPEN) || text.contains(CLOSE) {
            return Err(format!("good example contains a ⟦…⟧ marker: {text:?}"));
        }
        Ok(Example { text: text.to_owned(), encoding: ExampleEncoding::Utf8, source: None, expect: Expect::Good })
    }

    /// The same example stored with another encoding.
    pub fn encoded(mut self, encoding: ExampleEncoding) -> Example {
        self.encoding = encoding;
        self
    }

    /// The same example paired with the source text it translates.
    pub fn with_source(mut self, source: Option<String>) -> Example {
        self.source = source;
        self
    }

    /// The example with its markers put back, for display.
    pub fn marked(&self) -> String {
        match &self.expect {
            Expect::Good => self.text.clone(),
            Expect::Bad { spans, .. } => {
                let mut out = String::with_capacity(self.text.len() + spans.len() * 6);
                let mut last = 0;
                for span in spans {
                    out.push_str(&self.text[last..span.start]);
                    out.push(OPEN);
                    out.push_str(&self.text[span.clone()]);
                    out.push(CLOSE);
                    last = span.end;
                }
                out.push_str(&self.text[last..]);
                out
            }
        }
    }
}

/// Removes `⟦` `⟧` pairs, returning the text and the byte ranges they enclosed.
fn strip_markers(marked: &str) -> Result<(String, Vec<Range<usize>>), String> {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for c in marked.chars() {
        match c {
            OPEN if open.is_some() => return Err(format!("nested ⟦ in example {marked:?}")),
            OPEN => open = Some(text.len()),
            CLOSE => match open.take() {
                Some(start) => spans.push(start..text.len()),
                None => return Err(format!("⟧ without ⟦ in example {marked:?}")),
            },
            _ => text.push(c),
        }
    }
    if open.is_some() {
        return Err(format!("unclosed ⟦ in example {marked:?}"));
    }
    Ok((text, spans))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markers_and_records_byte_spans() {
        let ex = Example::bad("Le ⟦RNC⟧ et l’⟦été⟧.", None).unwrap();
        assert_eq!(ex.text, "Le RNC et l’été.");
        let Expect::Bad { spans, .. } = &ex.expect else { panic!() };
        assert_eq!(spans, &vec![3..6, 14..19]);
        assert_eq!(&ex.text[14..19], "été");
        assert_eq!(ex.marked(), "Le ⟦RNC⟧ et l’⟦été⟧.");
    }

    #[test]
    fn rejects_malformed_markers() {
        assert!(Example::bad("pas de marque", None).is_err());
        assert!(Example::bad("⟦ouvert", None).is_err());
        assert!(Example::bad("fermé⟧", None).is_err());
        assert!(Example::bad("⟦a ⟦b⟧⟧", None).is_err());
        assert!(Example::good("⟦x⟧").is_err());
    }
}
