//! Fingerprints of findings that survive edits elsewhere in the file: a hash of the rule
//! id, the flagged text, the trimmed text of its line, and how many times that same triple
//! occurred before it in the file. Line numbers are left out on purpose, so lines inserted
//! or removed above a finding do not change it.

use std::collections::HashMap;

use crate::linter::FileReport;

/// FNV-1a, 64 bits: stable across platforms, Rust versions and runs.
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The fingerprint of each diagnostic of `report`, in order, as 16 hex digits.
pub fn fingerprints(report: &FileReport) -> Vec<String> {
    let document = &report.document;
    let mut occurrences: HashMap<(&str, String, String), usize> = HashMap::new();
    report
        .diagnostics
        .iter()
        .map(|d| {
            let text = document.original_text(d.span).into_owned();
            let line = document.line_text(document.position(d.span.start).line).trim().to_owned();
            let hashed = format!("{}\0{text}\0{line}", d.rule.as_str());
            let occurrence = occurrences.entry((d.rule.as_str(), text, line)).or_default();
            let fingerprint = fnv1a64(format!("{hashed}\0{occurrence}").as_bytes());
            *occurrence += 1;
            format!("{fingerprint:016x}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
