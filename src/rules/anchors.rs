//! Literals every match of a regex contains, for the phrase prefilter: read off the regex's
//! syntax tree as groups of alternatives (`(le|la) ministre` needs one of `le`, `la` *and*
//! `ministre`), compared with text folded by [`fold_for_prefilter`].

use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, RepetitionKind, RepetitionRange};

/// Most strings a node's exact set may hold before it counts as "anything".
const MAX_SET: usize = 512;
/// Most characters a bracketed class may hold to be read as a set of letters.
const MAX_CLASS: u32 = 4;

/// Lowercases text for the prefilter and folds the curly apostrophe into the straight one.
/// Letters a case-insensitive regex takes for one another fold alike (`ſ` and `s`, `ς` and
/// `σ`), which plain lowercase does not ensure.
pub(crate) fn fold_for_prefilter(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut out, c);
    }
    out
}

fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if c == '’' {
        out.push('\'');
    } else if let Some(twin) = multi_upper_twin(c) {
        out.push(twin);
    } else {
        // The lowercase of the uppercase joins the variants of a letter (ſ → S → s).
        let mut upper = c.to_uppercase();
        match (upper.next(), upper.next()) {
            (Some(single), None) => out.extend(single.to_lowercase()),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// The letters with a multi-letter uppercase that case folding joins to another letter.
fn multi_upper_twin(c: char) -> Option<char> {
    match c {
        '\u{1FD3}' => Some('\u{390}'),
        '\u{1FE3}' => Some('\u{3B0}'),
        '\u{FB05}' => Some('\u{FB06}'),
        _ => None,
    }
}

/// What a part of a regex can match, as far as the prefilter cares.
struct Literals {
    /// Every string the part can match, folded, when there are few; `None` when unknown.
    exact: Option<Vec<String>>,
    /// Groups of alternatives: every match contains one string of each group.
    required: Vec<Vec<String>>,
}

impl Literals {
    fn exactly(strings: Vec<String>) -> Literals {
        Literals { exact: Some(strings), required: Vec::new() }
    }

    fn empty() -> Literals {
        Literals::exactly(vec![String::new()])
    }

    fn unknown(required: Vec<Vec<String>>) -> Literals {
        Literals { exact: None, required }
    }

    /// Every group, the exact set included.
    fn into_groups(self) -> Vec<Vec<String>> {
        let mut groups = self.required;
        groups.extend(self.exact);
        groups
    }
}

/// The private-use characters that stand for macros in a skeleton regex, in order.
pub(crate) const MACRO_MARKS: std::ops::Range<u32> = 0xE000..0xF900;

/// The groups of literals every match of `regex` contains (empty when none is known or the
/// regex does not parse). Each group lists folded alternatives, none of them empty.
///
/// The regex may be a skeleton where the `i`-th character of [`MACRO_MARKS`] stands for any string of
/// `macros[i]` (a lemma's forms): parsing the forms' long alternations would cost more than
/// the rest of loading a pack.
pub(crate) fn required_literals(regex: &str, macros: &[Vec<String>]) -> Vec<Vec<String>> {
    let Ok(ast) = ast::parse::Parser::new().parse(regex) else { return Vec::new() };
    let mut groups: Vec<Vec<String>> = Reader { macros }
        .literals(&ast)
        .into_groups()
        .into_iter()
        .filter(|g| !g.is_empty() && g.iter().all(|s| !s.is_empty()))
        .collect();
    for group in &mut groups {
        group.sort();
        group.dedup();
    }
    groups.sort();
    groups.dedup();
    groups
}

/// Reads literals off a syntax tree whose marks stand for `macros`.
struct Reader<'m> {
    macros: &'m [Vec<String>],
}

impl Reader<'_> {
    /// The folded forms of the macro `c` stands for, if it is a mark.
    fn macro_forms(&self, c: char) -> Option<&[String]> {
        if !MACRO_MARKS.contains(&(c as u32)) {
            return None;
        }
        let index = c as u32 - MACRO_MARKS.start;
        self.macros.get(index as usize).map(Vec::as_slice)
    }

    fn literals(&self, ast: &Ast) -> Literals {
        match ast {
            Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Literals::empty(),
            Ast::Literal(literal) => match self.macro_forms(literal.c) {
                Some(forms) if forms.len() <= MAX_SET => Literals::exactly(forms.to_vec()),
                Some(_) => Literals::unknown(Vec::new()),
                None => Literals::exactly(vec![fold_for_prefilter(literal.c.encode_utf8(&mut [0; 4]))]),
            },
            Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => Literals::unknown(Vec::new()),
            Ast::ClassBracketed(class) if !class.negated => match class_chars(&class.kind) {
                Some(chars) => {
                    let mut strings: Vec<String> =
                        chars.iter().map(|c| fold_for_prefilter(c.encode_utf8(&mut [0; 4]))).collect();
                    strings.sort();
                    strings.dedup();
                    Literals::exactly(strings)
                }
                None => Literals::unknown(Vec::new()),
            },
            Ast::ClassBracketed(_) => Literals::unknown(Vec::new()),
            Ast::Group(group) => self.literals(&group.ast),
            Ast::Repetition(repetition) => {
                let inner = self.literals(&repetition.ast);
                match minimum(&repetition.op.kind) {
                    0 => match (&repetition.op.kind, inner.exact) {
                        (RepetitionKind::ZeroOrOne, Some(mut strings)) if strings.len() < MAX_SET => {
                            strings.push(String::new());
                            Literals::exactly(strings)
                        }
                        _ => Literals::unknown(Vec::new()),
                    },
                    _ if exactly_once(&repetition.op.kind) => inner,
                    _ => Literals::unknown(inner.into_groups()),
                }
            }
            Ast::Alternation(alternation) => self.alternation(&alternation.asts),
            Ast::Concat(concat) => self.concatenation(&concat.asts),
        }
    }

    /// An alternation: the union of its branches when they are all exact; otherwise one
    /// group made of each branch's most selective group (every match contains one of them).
    fn alternation(&self, branches: &[Ast]) -> Literals {
        let branches: Vec<Literals> = branches.iter().map(|b| self.literals(b)).collect();
        if branches.iter().all(|b| b.exact.is_some()) {
            let union: Vec<String> = branches.into_iter().flat_map(|b| b.exact.unwrap_or_default()).collect();
            return if union.len() <= MAX_SET { Literals::exactly(union) } else { Literals::unknown(Vec::new()) };
        }
        let mut union = Vec::new();
        for branch in branches {
            let best = branch
                .into_groups()
                .into_iter()
                .filter(|g| g.iter().all(|s| !s.is_empty()))
                .max_by_key(|g| g.iter().map(String::len).min().unwrap_or(0));
            match best {
                Some(group) if union.len() + group.len() <= MAX_SET => union.extend(group),
                _ => return Literals::unknown(Vec::new()),
            }
        }
        Literals::unknown(vec![union])
    }

    /// A concatenation: neighbouring exact parts join into longer strings; a part that is not
    /// exact closes the run before it, which becomes a group of its own.
    fn concatenation(&self, parts: &[Ast]) -> Literals {
        let mut run = vec![String::new()];
        let mut all_exact = true;
        let mut required = Vec::new();
        for part in parts {
            let part = self.literals(part);
            match part.exact {
                Some(strings) if run.len() * strings.len() <= MAX_SET => {
                    run = run.iter().flat_map(|head| strings.iter().map(move |tail| format!("{head}{tail}"))).collect();
                }
                Some(strings) => {
                    all_exact = false;
                    required.push(std::mem::replace(&mut run, strings));
                }
                None => {
                    all_exact = false;
                    required.push(std::mem::replace(&mut run, vec![String::new()]));
                    required.extend(part.required);
                }
            }
        }
        if all_exact {
            return Literals::exactly(run);
        }
        required.push(run);
        Literals::unknown(required)
    }
}

fn minimum(kind: &RepetitionKind) -> u32 {
    match kind {
        RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => 0,
        RepetitionKind::OneOrMore => 1,
        RepetitionKind::Range(
            RepetitionRange::Exactly(n) | RepetitionRange::AtLeast(n) | RepetitionRange::Bounded(n, _),
        ) => *n,
    }
}

fn exactly_once(kind: &RepetitionKind) -> bool {
    matches!(kind, RepetitionKind::Range(RepetitionRange::Exactly(1) | RepetitionRange::Bounded(1, 1)))
}

/// The characters of a small bracketed class made of literals and ranges (`['’]`, `[eé]`).
fn class_chars(set: &ClassSet) -> Option<Vec<char>> {
    let ClassSet::Item(item) = set else { return None };
    let mut chars = Vec::new();
    collect_class(item, &mut chars)?;
    Some(chars)
}

fn collect_class(item: &ClassSetItem, chars: &mut Vec<char>) -> Option<()> {
    match item {
        ClassSetItem::Literal(literal) => chars.push(literal.c),
        ClassSetItem::Range(range) => {
            let (start, end) = (range.start.c as u32, range.end.c as u32);
            if end < start || end - start >= MAX_CLASS {
                return None;
            }
            chars.extend((start..=end).filter_map(char::from_u32));
        }
        ClassSetItem::Union(union) => {
            for item in &union.items {
                collect_class(item, chars)?;
            }
        }
        ClassSetItem::Bracketed(inner) if !inner.negated => chars.extend(class_chars(&inner.kind)?),
        _ => return None,
    }
    (chars.len() as u32 <= MAX_CLASS).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

    fn groups(regex: &str) -> Vec<Vec<String>> {
        required_literals(regex, &[])
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn literal_words_and_alternations_become_groups() {
        assert_eq!(groups(r"(?:prend|prit)\s+place"), vec![strings(&["place"]), strings(&["prend", "prit"])]);
        assert_eq!(groups(r"(le|la)\s+ministre"), vec![strings(&["la", "le"]), strings(&["ministre"])]);
        assert_eq!(groups(r"L['’]Alliance"), vec![strings(&["l'alliance"])]);
        assert_eq!(groups(r"a|\w+"), Vec::<Vec<String>>::new());
        // Branches that are not exact give their most selective literals.
        assert_eq!(groups(r"(?:Premier\s+ministre|Président)\b"), vec![strings(&["ministre", "président"])]);
        assert_eq!(groups(r"on-line|on\s+line"), vec![strings(&["line", "on-line"])]);
        assert_eq!(groups(r"\d+ ?%"), vec![strings(&[" %", "%"])]);
    }

    #[test]
    fn marks_stand_for_macro_forms() {
        let forms = vec![strings(&["prend", "prit"])];
        assert_eq!(
            required_literals("\u{E000}\\s+place", &forms),
            vec![strings(&["place"]), strings(&["prend", "prit"])]
        );
        assert_eq!(required_literals("s['’]\u{E000}", &forms), vec![strings(&["s'prend", "s'prit"])]);
    }

    #[test]
    fn optional_and_repeated_parts() {
        assert_eq!(
            groups(r"plates?-formes?"),
            vec![strings(&["plate-forme", "plate-formes", "plates-forme", "plates-formes"])]
        );
        assert_eq!(groups(r"(?:très\s+)*bien"), vec![strings(&["bien"])]);
        assert_eq!(groups(r"(?:ab)+c"), vec![strings(&["ab"]), strings(&["c"])]);
        assert_eq!(groups(r"x{0,3}yz"), vec![strings(&["yz"])]);
    }

    #[test]
    fn classes_count_only_when_small() {
        assert_eq!(groups(r"[eé]t[eé]"), vec![strings(&["ete", "eté", "éte", "été"])]);
        assert_eq!(groups(r"[a-z]ab"), vec![strings(&["ab"])]);
        assert_eq!(groups(r"[^x]ab"), vec![strings(&["ab"])]);
    }

    #[test]
    fn case_insensitive_twins_fold_alike() {
        // Every letter folds like each letter a case-insensitive regex takes for it.
        let mut apart = Vec::new();
        for c in (0..=0x1_FFFF).filter_map(char::from_u32) {
            let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
            class.case_fold_simple();
            let folded = fold_for_prefilter(c.encode_utf8(&mut [0; 4]));
            for twin in class.iter().flat_map(|r| r.start()..=r.end()) {
                if fold_for_prefilter(twin.encode_utf8(&mut [0; 4])) != folded {
                    apart.push((c, twin));
                }
            }
        }
        assert!(apart.is_empty(), "{apart:?}");
    }
}
