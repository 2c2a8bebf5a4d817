//! TEMPORARY placeholder: replaced by the real inflection module.
#![allow(missing_docs, unreachable_pub)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Infinitive,
    Other(u8),
}
pub fn expand(body: &str) -> Option<Vec<(Slot, String)>> {
    let w = body.trim_start_matches("v:").trim_start_matches("n:");
    if w.is_empty() || w.contains(' ') {
        return None;
    }
    let mut v = vec![(Slot::Infinitive, w.to_owned())];
    if let Some(stem) = w.strip_suffix("er") {
        for (i, e) in ["e", "es", "ent", "é", "ée", "és", "ées", "ait", "ant"].iter().enumerate() {
            v.push((Slot::Other(i as u8), format!("{stem}{e}")));
        }
    } else {
        v.push((Slot::Other(99), format!("{w}s")));
    }
    Some(v)
}
pub fn inflect(body: &str, slot: Slot) -> Option<String> {
    let forms = expand(body)?;
    forms.iter().find(|(s, _)| *s == slot).or(forms.first()).map(|(_, f)| f.clone())
}
