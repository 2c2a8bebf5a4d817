//! Paragraph alignment of a translation with its source (Gale & Church 1993), so the bilingual
//! checks also run on plain text given with `--source`.
//!
//! The lengths of paragraphs in characters are all it reads: a French paragraph is about
//! [`RATIO`] times as long as its English source, with a spread that grows with the length.
//! Dynamic programming finds the most likely sequence of *beads* — 1-1, 1-0, 0-1, 2-1 and
//! 1-2 paragraphs — restricted to a band around the diagonal so long files stay cheap.

use std::ops::Range;

use crate::document::{Document, plain_segments};

/// French characters per English character. Measured on the 22,259 French–English message
/// pairs of at least 40 characters in this machine's gettext catalogs: 1.236 (median 1.231);
/// running prose is a little shorter, hence 1.2.
pub const RATIO: f64 = 1.2;

/// Variance of the French length per English character (same measurement: 4.09; 2.88 without
/// the 1 % worst pairs). The untrimmed figure keeps loose translations from breaking beads.
pub const VARIANCE: f64 = 4.1;

/// A bead: how many target and source paragraphs it takes, and its prior probability
/// (Gale & Church's figures; 2-2 beads are not used).
const BEADS: [(usize, usize, f64); 5] = [(1, 1, 0.89), (1, 0, 0.0099), (0, 1, 0.0099), (2, 1, 0.089), (1, 2, 0.089)];

/// Half-width of the band of the dynamic programme, in source paragraphs.
fn band(target: usize, source: usize) -> usize {
    (target.max(source) / 10).max(50)
}

/// `ln(erfc(x))` for `x ≥ 0`, computed in the log domain so long mismatched paragraphs do not
/// underflow to an infinite cost (Numerical Recipes' `erfcc`, relative error below 1.2e-7).
fn ln_erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() - x * x + poly
}

/// Cost (−100 ln probability) of a bead joining `target` and `source` characters.
///
/// A paragraph added or dropped (one side empty) costs its prior alone: the length model says
/// how long a translation is, and there is no translation. (Gale & Church also apply it there,
/// which makes dropping a long paragraph dearer than misaligning its neighbours.)
fn bead_cost(target: usize, source: usize, prior: f64, one_sided: bool) -> f64 {
    if one_sided {
        return -100.0 * prior.ln();
    }
    let (t, s) = (target as f64, source as f64);
    let mean = (s + t / RATIO) / 2.0;
    let z = if mean > 0.0 { (RATIO * s - t).abs() / (VARIANCE * mean).sqrt() } else { 0.0 };
    // Two-tailed probability of a deviation at least this large: erfc(|z| / √2).
    -100.0 * (ln_erfc(z / std::f64::consts::SQRT_2) + prior.ln())
}

/// The band of source indices row `i` of the programme keeps: wide enough that every cell of
/// it can be reached from the row before (see the proof in the body).
fn row_band(i: usize, n: usize, m: usize, w: usize) -> (usize, usize) {
    let center = |k: usize| if n == 0 { m } else { k.min(n) * m / n };
    // `lo` is at most the previous row's centre, which that row covers: a 1-0 bead reaches it.
    let lo = center(i.saturating_sub(1)).saturating_sub(w);
    let hi = (center(i + 1) + w).min(m);
    (lo, hi.max(lo))
}

/// Aligns target paragraphs with source paragraphs.
///
/// Returns groups `(target range, source range)` that cover both lists in order; a group has
/// one or two paragraphs on each side, or one on a side and none on the other (a paragraph
/// added or dropped in translation). Both empty gives no group.
pub fn align(target: &[&str], source: &[&str]) -> Vec<(Range<usize>, Range<usize>)> {
    let lengths = |v: &[&str]| -> Vec<usize> { v.iter().map(|p| p.trim().chars().count()).collect() };
    align_lengths(&lengths(target), &lengths(source))
}

/// [`align`] on paragraph lengths in characters.
pub fn align_lengths(target: &[usize], source: &[usize]) -> Vec<(Range<usize>, Range<usize>)> {
    let (n, m) = (target.len(), source.len());
    let w = band(n, m);
    let bands: Vec<(usize, usize)> = (0..=n).map(|i| row_band(i, n, m, w)).collect();
    // Backpointers, one byte per cell of each row's band: the bead that reached the cell.
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    // Costs of the last three rows (a 2-1 bead reaches two rows back).
    let mut rows: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for i in 0..=n {
        let (lo, hi) = bands[i];
        let mut cost = vec![f64::INFINITY; hi - lo + 1];
        let mut from = vec![u8::MAX; hi - lo + 1];
        for j in lo..=hi {
            if i == 0 && j == 0 {
                cost[0] = 0.0;
                continue;
            }
            let mut best = f64::INFINITY;
            let mut best_bead = u8::MAX;
            for (b, &(dt, ds, prior)) in BEADS.iter().enumerate() {
                let (Some(pi), Some(pj)) = (i.checked_sub(dt), j.checked_sub(ds)) else { continue };
                let previous = if dt == 0 {
                    // The same row, computed left to right.
                    pj.checked_sub(lo).and_then(|k| cost.get(k)).copied()
                } else {
                    let (plo, phi) = bands[pi];
                    let row = &rows[(i - dt) % 3];
                    (plo..=phi).contains(&pj).then(|| row.get(pj - plo).copied()).flatten()
                };
                let Some(previous) = previous.filter(|c| c.is_finite()) else { continue };
                let t: usize = target[pi..i].iter().sum();
                let s: usize = source[pj..j].iter().sum();
                let total = previous + bead_cost(t, s, prior, dt == 0 || ds == 0);
                if total < best {
                    best = total;
                    best_bead = b as u8;
                }
            }
            cost[j - lo] = best;
            from[j - lo] = best_bead;
        }
        rows[i % 3] = cost;
        back.push(from);
    }
    // Walk back from the corner, which every row band reaches (the last row's centre is `m`).
    let mut groups = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (lo, _) = bands[i];
        let bead = back[i].get(j.wrapping_sub(lo)).copied().map_or(u8::MAX, |b| b);
        let Some(&(dt, ds, _)) = BEADS.get(usize::from(bead)) else {
            // Unreachable by construction; fall back to pairing what is left as one group.
            groups.push((0..i, 0..j));
            break;
        };
        groups.push((i - dt..i, j - ds..j));
        i -= dt;
        j -= ds;
    }
    groups.reverse();
    groups
}

/// The sources of a plain-text document's paragraphs, aligned with the paragraphs of `source`
/// (blank-line separated), in the form [`Document::set_sources`] takes. Paragraphs that only
/// one side has get no source.
pub fn source_groups(document: &Document, source: &str) -> Vec<(Range<usize>, String)> {
    let text = document.text();
    let target: Vec<&str> = document.segments().iter().map(|s| text.get(s.span.range()).unwrap_or("")).collect();
    let paragraphs: Vec<&str> =
        plain_segments(source).iter().map(|s| source.get(s.span.range()).unwrap_or("")).collect();
    align(&target, &paragraphs)
        .into_iter()
        .filter(|(t, s)| !t.is_empty() && !s.is_empty())
        .map(|(t, s)| (t, paragraphs[s].join("\n\n")))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// Paragraphs of given lengths.
    fn paras(lengths: &[usize]) -> Vec<String> {
        lengths.iter().map(|&n| "x".repeat(n)).collect()
    }

    fn run(target: &[usize], source: &[usize]) -> Vec<(Range<usize>, Range<usize>)> {
        let t = paras(target);
        let s = paras(source);
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        let s: Vec<&str> = s.iter().map(String::as_str).collect();
        align(&t, &s)
    }

    /// Checks that the groups cover both sides in order.
    fn covers(groups: &[(Range<usize>, Range<usize>)], n: usize, m: usize) {
        let (mut i, mut j) = (0, 0);
        for (t, s) in groups {
            assert_eq!((t.start, s.start), (i, j), "{groups:?}");
            assert!(t.len() + s.len() > 0);
            (i, j) = (t.end, s.end);
        }
        assert_eq!((i, j), (n, m));
    }

    #[test]
    fn equal_counts_pair_one_to_one() {
        let source = [100, 40, 300, 80, 150];
        let target: Vec<usize> = source.iter().map(|&l| l * 6 / 5).collect();
        let groups = run(&target, &source);
        covers(&groups, 5, 5);
        assert!(groups.iter().all(|(t, s)| t.len() == 1 && s.len() == 1), "{groups:?}");
    }

    #[test]
    fn a_dropped_paragraph_is_a_zero_one_bead() {
        let source = [120, 300, 90, 200];
        // The translation lost the second paragraph.
        let target = [144, 108, 240];
        let groups = run(&target, &source);
        covers(&groups, 3, 4);
        assert_eq!(groups, vec![(0..1, 0..1), (1..1, 1..2), (1..2, 2..3), (2..3, 3..4)]);
    }

    #[test]
    fn merged_paragraphs_are_a_one_two_bead() {
        let source = [120, 200, 180, 90];
        // The second and third source paragraphs became one.
        let target = [144, 460, 108];
        let groups = run(&target, &source);
        covers(&groups, 3, 4);
        assert_eq!(groups, vec![(0..1, 0..1), (1..2, 1..3), (2..3, 3..4)]);
    }

    #[test]
    fn a_split_paragraph_is_a_two_one_bead() {
        let source = [120, 400, 90];
        let target = [144, 230, 250, 108];
        assert_eq!(run(&target, &source), vec![(0..1, 0..1), (1..3, 1..2), (3..4, 2..3)]);
    }

    #[test]
    fn empty_sides() {
        assert_eq!(run(&[], &[]), vec![]);
        assert_eq!(run(&[10, 20], &[]), vec![(0..1, 0..0), (1..2, 0..0)]);
        assert_eq!(run(&[], &[10]), vec![(0..0, 0..1)]);
    }

    #[test]
    fn long_documents_stay_in_the_band() {
        // 1,500 paragraphs with a dropped one every 300: every group still covers in order.
        let source: Vec<usize> = (0..1500).map(|k| 40 + (k * 37) % 400).collect();
        let target: Vec<usize> =
            source.iter().enumerate().filter(|(k, _)| k % 300 != 7).map(|(_, &l)| l * 6 / 5).collect();
        let groups = align_lengths(&target, &source);
        covers(&groups, target.len(), source.len());
        let dropped = groups.iter().filter(|(t, s)| t.is_empty() && s.len() == 1).count();
        assert_eq!(dropped, 5);
        let one_to_one = groups.iter().filter(|(t, s)| t.len() == 1 && s.len() == 1).count();
        assert_eq!(one_to_one, target.len());
    }

    #[test]
    fn lopsided_counts_are_still_covered() {
        let groups = align_lengths(&[500], &[50; 300]);
        covers(&groups, 1, 300);
        let groups = align_lengths(&[50; 300], &[500]);
        covers(&groups, 300, 1);
    }

    #[test]
    fn source_groups_join_the_paragraphs_of_a_bead() {
        let doc = Document::from_str(
            "t",
            "Premier paragraphe assez long.\n\nDeuxième, qui réunit deux paragraphes de la source.",
        );
        let groups = source_groups(&doc, "First paragraph, long enough.\n\nSecond one,\n\nmerged in French.");
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0], (0..1, "First paragraph, long enough.".to_owned()));
        assert_eq!(groups[1].0, 1..2);
        assert_eq!(groups[1].1, "Second one,\n\nmerged in French.");
    }
}

#[cfg(test)]
mod eval_tmp {
    #![allow(clippy::unwrap_used)]
    #[test]
    #[ignore]
    fn eval() {
        let text = std::fs::read_to_string("/tmp/pairs.tsv").unwrap();
        let pairs: Vec<(usize, usize)> = text
            .lines()
            .map(|l| {
                let (a, b) = l.split_once('\t').unwrap();
                (a.parse().unwrap(), b.parse().unwrap())
            })
            .collect();
        let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(10000);
        let mut seed: u64 = 42;
        let mut rnd = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        for offset in [0usize, 10000, 20000, 30000] {
            let chunk = &pairs[offset..(offset + n).min(pairs.len())];
            // Truth beads: 1-1, with 1% dropped target paragraphs and 1% merged in the target.
            let mut source = Vec::new();
            let mut target = Vec::new();
            let mut truth = Vec::new();
            let mut k = 0;
            while k < chunk.len() {
                let r = rnd();
                let (ti, si) = (target.len(), source.len());
                if r < 0.01 {
                    source.push(chunk[k].0);
                    truth.push((ti..ti, si..si + 1));
                    k += 1;
                } else if r < 0.02 && k + 1 < chunk.len() {
                    source.push(chunk[k].0);
                    source.push(chunk[k + 1].0);
                    target.push(chunk[k].1 + chunk[k + 1].1 + 1);
                    truth.push((ti..ti + 1, si..si + 2));
                    k += 2;
                } else {
                    source.push(chunk[k].0);
                    target.push(chunk[k].1);
                    truth.push((ti..ti + 1, si..si + 1));
                    k += 1;
                }
            }
            let start = std::time::Instant::now();
            let got = super::align_lengths(&target, &source);
            let took = start.elapsed();
            let truth_set: std::collections::HashSet<_> = truth.iter().cloned().collect();
            let correct = got.iter().filter(|g| truth_set.contains(g)).count();
            // Target paragraphs whose group is exactly right.
            let tcorrect: usize = got.iter().filter(|g| truth_set.contains(g)).map(|g| g.0.len()).sum();
            eprintln!(
                "offset {offset}: {} target / {} source paragraphs; {} beads found, {} true; exact beads: precision {:.4} recall {:.4}; target paragraphs in a correct bead {:.4}; {:?}",
                target.len(),
                source.len(),
                got.len(),
                truth.len(),
                correct as f64 / got.len() as f64,
                correct as f64 / truth.len() as f64,
                tcorrect as f64 / target.len() as f64,
                took
            );
        }
    }
}
