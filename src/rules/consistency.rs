//! The `consistency` kind: one thing written two ways in one document — known variant
//! spellings, straight and curly apostrophes, and near-duplicate spellings of a name.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use crate::rules::fold::{Folded, fold_plain, fold_str};
use crate::rules::pack::{PackData, PackError, RuleEntry, Section};
use crate::rules::pattern::{ends_word, starts_word};
use crate::rules::phrase::match_case;
use crate::rules::{Check, CheckContext, Finding, RuleIndex, Sink};
use crate::span::NormSpan;

/// The checks this kind implements, named by the `check` field of their pack entries.
pub(crate) const CHECKS: &[&str] = &["variants", "spelling-variants", "apostrophe", "apostrophe-mixed", "name-variant"];

/// A `[[variants]]` table: spellings of one thing; each form lists its inflections in the
/// same order (`["plate-forme", "plates-formes"]`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VariantSet {
    forms: Vec<Vec<String>>,
    #[serde(default)]
    case: Option<String>,
    /// Two accepted spellings of a common word (clé/clef): reported by `spelling-variants`.
    #[serde(default)]
    spelling: bool,
}

/// Where a needle of the automaton belongs.
#[derive(Clone, Copy)]
struct Place {
    set: usize,
    form: usize,
    inflection: usize,
}

/// Runs the consistency checks over a whole document.
pub(crate) struct ConsistencyEngine {
    indexes: Vec<RuleIndex>,
    variants: Option<RuleIndex>,
    spelling_variants: Option<RuleIndex>,
    apostrophe: Option<RuleIndex>,
    apostrophe_mixed: Option<RuleIndex>,
    name_variant: Option<RuleIndex>,
    /// Each set's forms, whether it is case-sensitive, and whether it is a spelling set.
    sets: Vec<(Vec<Vec<String>>, bool, bool)>,
    /// Per needle, every place it can be (a folded needle may belong to a case-sensitive pair).
    places: Vec<Vec<Place>>,
    automaton: Option<AhoCorasick>,
}

/// Replaces each `(from, to)` left to right, longest `from` first at each position.
fn rewrite(word: &str, table: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    'outer: while !rest.is_empty() {
        for (from, to) in table {
            if let Some(tail) = rest.strip_prefix(from) {
                out.push_str(to);
                rest = tail;
                continue 'outer;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A sound key of a name read as an English romanization of Cyrillic.
fn english_key(name: &str) -> String {
    let mut w = fold_plain(name);
    for (end, to) in [("skyy", "ski"), ("skyi", "ski"), ("skiy", "ski"), ("sky", "ski"), ("iy", "i"), ("yi", "i")] {
        if let Some(stem) = w.strip_suffix(end) {
            w = format!("{stem}{to}");
            break;
        }
    }
    let table = [
        ("shch", "ŝ"),
        ("sh", "š"),
        ("zh", "ž"),
        ("kh", "x"),
        ("ch", "č"),
        ("ts", "c"),
        ("yu", "iu"),
        ("ya", "ia"),
        ("ye", "ie"),
        ("yo", "io"),
        ("y", "i"),
        ("w", "v"),
    ];
    collapse(&rewrite(&w, &table))
}

/// A sound key of a name read as a French romanization of Cyrillic.
fn french_key(name: &str) -> String {
    let w = fold_plain(name);
    let table = [
        ("chtch", "ŝ"),
        ("tch", "č"),
        ("ch", "š"),
        ("j", "ž"),
        ("kh", "x"),
        ("ts", "c"),
        ("iou", "iu"),
        ("ou", "u"),
        ("gue", "ge"),
        ("gui", "gi"),
        ("y", "i"),
    ];
    collapse(&rewrite(&w, &table))
}

/// Collapses doubled letters (romanizations differ on them).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether a name shows a trace of English-style romanization of Cyrillic.
fn romanized_look(name: &str) -> bool {
    let w = fold_plain(name);
    ["sh", "zh", "kh", "yu", "ya", "yi", "iy", "yy"].iter().any(|m| w.contains(m))
        || w.ends_with("sky")
        || (w.ends_with('y') && w.chars().rev().nth(1).is_some_and(|c| !"aeiou".contains(c)))
}

/// Whether `before` ends with a word that French elides (qu, l, d, jusqu…).
fn ends_with_elision(before: &str) -> bool {
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    matches!(
        word.as_str(),
        "l" | "d" | "j" | "m" | "n" | "s" | "t" | "c" | "qu" | "jusqu" | "lorsqu" | "puisqu" | "quoiqu" | "presqu"
    )
}

/// Whether `a` becomes `b` by swapping two adjacent letters (a typing slip).
fn is_transposition(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a == b {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

impl ConsistencyEngine {
    /// Binds the entries to their checks and indexes the variant sets.
    pub(crate) fn compile(entries: &[(RuleIndex, &RuleEntry)], data: &PackData) -> Result<Self, PackError> {
        let mut engine = ConsistencyEngine {
            indexes: Vec::new(),
            variants: None,
            spelling_variants: None,
            apostrophe: None,
            apostrophe_mixed: None,
            name_variant: None,
            sets: Vec::new(),
            places: Vec::new(),
            automaton: None,
        };
        for &(index, entry) in entries {
            let slot = match entry.meta.check.as_deref() {
                Some("variants") => &mut engine.variants,
                Some("spelling-variants") => &mut engine.spelling_variants,
                Some("apostrophe") => &mut engine.apostrophe,
                Some("apostrophe-mixed") => &mut engine.apostrophe_mixed,
                Some("name-variant") => &mut engine.name_variant,
                other => return Err(entry.error(format!("unknown check {other:?} for kind `consistency`"))),
            };
            *slot = Some(index);
            engine.indexes.push(index);
        }
        let mut needle_ids: HashMap<String, usize> = HashMap::new();
        let mut needles: Vec<String> = Vec::new();
        for entry in data.entries(Section::Variants) {
            let set: VariantSet = entry.parse()?;
            let sensitive = match set.case.as_deref() {
                None | Some("insensitive") => false,
                Some("sensitive") => true,
                Some(other) => return Err(entry.error(format!("unknown case `{other}`"))),
            };
            if set.forms.len() < 2 || set.forms.iter().any(Vec::is_empty) {
                return Err(entry.error("a variant set needs at least two non-empty forms"));
            }
            let set_index = engine.sets.len();
            for (form, inflections) in set.forms.iter().enumerate() {
                for (inflection, text) in inflections.iter().enumerate() {
                    let folded = fold_str(text);
                    let id = *needle_ids.entry(folded.clone()).or_insert_with(|| {
                        needles.push(folded);
                        engine.places.push(Vec::new());
                        needles.len() - 1
                    });
                    engine.places[id].push(Place { set: set_index, form, inflection });
                }
            }
            engine.sets.push((set.forms, sensitive, set.spelling));
        }
        if !needles.is_empty() {
            engine.automaton =
                Some(AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&needles).map_err(|e| {
                    PackError { file: "<variants>".into(), line: None, rule: None, message: e.to_string() }
                })?);
        }
        Ok(engine)
    }

    fn check_variants(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let Some(automaton) = &self.automaton else { return };
        let text = cx.document.text();
        // Every occurrence, in document order: (span, place).
        let mut found: Vec<(NormSpan, Place)> = Vec::new();
        for segment in cx.document.segments() {
            let seg = &text[segment.span.range()];
            let folded = Folded::new(seg);
            for m in automaton.find_iter(&folded.text) {
                let (start, end) = (folded.start(m.start()), folded.end(m.end(), seg));
                if !starts_word(seg, start) || !ends_word(seg, end) {
                    continue;
                }
                let written = &seg[start..end];
                let place = self.places[m.pattern().as_usize()].iter().find(|p| {
                    let (forms, sensitive, _) = &self.sets[p.set];
                    !sensitive || forms[p.form][p.inflection] == written
                });
                if let Some(&place) = place {
                    found.push((NormSpan::new(start, end).shifted(segment.span.start), place));
                }
            }
        }
        // The house spelling (`prefer` in the configuration) wins outright; otherwise the first one used.
        let house = |set: usize| {
            self.sets[set].0.iter().position(|inflections| inflections.iter().any(|f| cx.options.prefer.contains(f)))
        };
        let mut first: HashMap<usize, (usize, Option<NormSpan>)> = HashMap::new();
        for &(span, place) in &found {
            let &mut (winner, ref mut winner_span) = first.entry(place.set).or_insert_with(|| match house(place.set) {
                Some(form) => (form, None),
                None => (place.form, Some(span)),
            });
            if place.form == winner {
                winner_span.get_or_insert(span);
                continue;
            }
            let winner_span = *winner_span;
            let rule = if self.sets[place.set].2 { self.spelling_variants } else { self.variants };
            let Some(rule) = rule.filter(|&r| cx.enabled(r)) else { continue };
            let forms = &self.sets[place.set].0;
            let written = &text[span.range()];
            let preferred = forms[winner].get(place.inflection).unwrap_or(&forms[winner][0]);
            let message = match winner_span {
                Some(w) => format!(
                    "« {written} » et « {} » dans le même document : gardez la première graphie, « {preferred} ».",
                    &text[w.range()]
                ),
                None => {
                    format!("« {written} » : la graphie retenue par la configuration du projet est « {preferred} ».")
                }
            };
            let suggestion = if self.sets[place.set].1 { preferred.clone() } else { match_case(written, preferred) };
            let mut finding = Finding::new(rule, span).with_message(message).suggest(suggestion);
            if let Some(w) = winner_span {
                finding = finding.related("première graphie employée", w);
            }
            sink.push(finding);
        }
    }

    fn check_apostrophes(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        let text = cx.document.text();
        // Apostrophes between two letters (l’État, aujourd’hui) or after an elided word (qu’ « …),
        // not quotation marks.
        let mut marks: Vec<(usize, char)> = Vec::new();
        for segment in cx.document.segments() {
            let seg = &text[segment.span.range()];
            let mut prev: Option<char> = None;
            let mut chars = seg.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if (c == '\'' || c == '’')
                    && prev.is_some_and(char::is_alphabetic)
                    && (chars.peek().is_some_and(|&(_, n)| n.is_alphabetic()) || ends_with_elision(&seg[..i]))
                {
                    marks.push((segment.span.start + i, c));
                }
                prev = Some(c);
            }
        }
        let curly = marks.iter().filter(|(_, c)| *c == '’').count();
        let straight = marks.len() - curly;
        if curly == 0 || straight == 0 {
            return;
        }
        // The majority wins; on a tie, the first one used.
        let majority = match curly.cmp(&straight) {
            std::cmp::Ordering::Greater => '’',
            std::cmp::Ordering::Less => '\'',
            std::cmp::Ordering::Equal => marks[0].1,
        };
        let Some(&(first_majority, _)) = marks.iter().find(|(_, c)| *c == majority) else { return };
        let (count, total) = (curly.min(straight), marks.len());
        // A few strays in a consistent text are slips (machine translation, pasted text): each is
        // reported with a safe fix. A text that mixes both at length has no style to restore.
        let stray = count <= 3 || count * 50 <= total;
        if !stray {
            let enabled = self.apostrophe_mixed.filter(|&r| cx.enabled(r));
            if let (Some(rule), Some(&(at, c))) = (enabled, marks.iter().find(|(_, c)| *c != majority)) {
                let message = format!(
                    "Le document mélange apostrophes droites ({straight}) et courbes ({curly}) : choisissez un style."
                );
                sink.push(Finding::new(rule, NormSpan::new(at, at + c.len_utf8())).with_message(message));
            }
            return;
        }
        let Some(rule) = self.apostrophe.filter(|&r| cx.enabled(r)) else { return };
        for &(at, c) in marks.iter().filter(|(_, c)| *c != majority) {
            let (name, other) = if majority == '’' { ("droite", "courbe") } else { ("courbe", "droite") };
            let message = format!(
                "Apostrophe {name} dans un texte qui emploie l’apostrophe {other} ({count} sur {total}) : \
                 écrivez « {majority} »."
            );
            sink.push(
                Finding::new(rule, NormSpan::new(at, at + c.len_utf8()))
                    .with_message(message)
                    .suggest(majority.to_string())
                    .related("style majoritaire", NormSpan::new(first_majority, first_majority + majority.len_utf8())),
            );
        }
    }

    fn check_names(&self, cx: &CheckContext<'_>, rule: RuleIndex, sink: &mut Sink<'_>) {
        let all = cx.words();
        // Candidate names: capitalized, at least 4 letters, seen at least once inside a sentence.
        let mut inside: HashMap<&str, bool> = HashMap::new();
        for w in all {
            if w.is_capitalized() && !w.is_all_caps() && w.text.chars().count() >= 4 {
                *inside.entry(w.text).or_default() |= !w.sentence_start;
            }
        }
        let names: Vec<&str> = {
            let mut order: Vec<&str> = Vec::new();
            for w in all {
                if inside.get(w.text) == Some(&true) && !order.contains(&w.text) {
                    order.push(w.text);
                }
            }
            order
        };
        // Both readings of every name, so that "Grushko" (English) meets "Grouchko" (French).
        let mut by_key: HashMap<String, &str> = HashMap::new();
        let mut deviant: HashMap<&str, &str> = HashMap::new();
        for &name in &names {
            let keys = [english_key(name), french_key(name)];
            let earlier = keys.iter().find_map(|k| by_key.get(k).copied()).filter(|&e| e != name);
            match earlier {
                Some(first) if romanized_look(first) || romanized_look(name) => {
                    deviant.insert(name, first);
                }
                _ => {
                    for key in keys {
                        by_key.entry(key).or_insert(name);
                    }
                }
            }
        }
        for (i, &a) in names.iter().enumerate() {
            for &b in &names[..i] {
                if a.chars().count() >= 5 && is_transposition(a, b) && !deviant.contains_key(a) {
                    deviant.insert(a, b);
                }
            }
        }
        let mut first_seen: HashMap<&str, NormSpan> = HashMap::new();
        for w in all {
            first_seen.entry(w.text).or_insert(w.span);
        }
        for w in all {
            let Some(&first) = deviant.get(w.text) else { continue };
            let Some(&first_span) = first_seen.get(first) else { continue };
            let message =
                format!("« {} » et « {first} » désignent sans doute la même personne : gardez « {first} ».", w.text);
            sink.push(
                Finding::new(rule, w.span).with_message(message).suggest(first).related("première graphie", first_span),
            );
        }
    }
}

impl Check for ConsistencyEngine {
    fn rules(&self) -> &[RuleIndex] {
        &self.indexes
    }

    fn check(&self, cx: &CheckContext<'_>, sink: &mut Sink<'_>) {
        if [self.variants, self.spelling_variants].into_iter().flatten().any(|r| cx.enabled(r)) {
            self.check_variants(cx, sink);
        }
        if [self.apostrophe, self.apostrophe_mixed].into_iter().flatten().any(|r| cx.enabled(r)) {
            self.check_apostrophes(cx, sink);
        }
        if let Some(rule) = self.name_variant.filter(|&r| cx.enabled(r)) {
            self.check_names(cx, rule, sink);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        let ka = [english_key(a), french_key(a)];
        let kb = [english_key(b), french_key(b)];
        ka.iter().any(|k| kb.contains(k))
    }

    #[test]
    fn romanizations_of_one_name_share_a_key() {
        assert!(same("Grushko", "Grouchko"));
        assert!(same("Zelensky", "Zelenskiy"));
        assert!(same("Navalny", "Navalnyi"));
        assert!(same("Shoigu", "Choïgou"));
        assert!(same("Zhukov", "Joukov"));
    }

    #[test]
    fn different_names_do_not() {
        assert!(!same("Poutine", "Pouchkine"));
        assert!(!same("Morin", "Marin"));
        assert!(!same("Martin", "Martine"));
        assert!(!same("Kiev", "Kyiv"));
    }

    #[test]
    fn elided_words_end_before_an_apostrophe() {
        assert!(ends_with_elision("convaincu qu"));
        assert!(ends_with_elision("L"));
        assert!(!ends_with_elision("les élèves"));
    }

    #[test]
    fn transpositions_are_typing_slips() {
        assert!(is_transposition("Macron", "Marcon"));
        assert!(!is_transposition("Morin", "Marin"));
        assert!(!is_transposition("Macron", "Macron"));
    }

    #[test]
    fn romanized_look_needs_english_traces() {
        assert!(romanized_look("Grushko"));
        assert!(romanized_look("Navalny"));
        assert!(!romanized_look("Roussel"));
        assert!(!romanized_look("Russel"));
    }
}
