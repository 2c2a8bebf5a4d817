//! Paragraph alignment of a translation with its source (Gale & Church 1993), so the bilingual
//! checks also run on plain text given with `--source`.
//!
//! The lengths of paragraphs in characters are all it reads: a French paragraph is about
//! [`RATIO`] times as long as its English source, with a spread that grows with the length.
//! Dynamic programming finds the most likely sequence of *beads* — 1-1, 1-0, 0-1, 2-1 and
//! 1-2 paragraphs — restricted to a band around the diagonal so long files stay cheap.

use std::ops::Range;

use crate::document::Document;

/// French characters per English character. Measured on the 22,259 English–French message
/// pairs of at least 40 characters in the gettext catalogs of a Debian system: 1.236 (median
/// 1.231); interface messages run longer than prose, hence 1.2.
pub const RATIO: f64 = 1.2;

/// Variance of the French length per English character. The same pairs give 4.1, but
/// aligning 4 × 10,000 of those messages (1 % dropped, 1 % merged) put 94–97 % of target
/// paragraphs in the right bead with 4.1 and 95–98 % with Gale & Church's 6.8 (flat up to 10).
pub const VARIANCE: f64 = 6.8;

/// A bead: how many target and source paragraphs it takes, and its prior probability
/// (Gale & Church's figures; 2-2 beads are not used).
const BEADS: [(usize, usize, f64); 5] = [(1, 1, 0.89), (1, 0, 0.0099), (0, 1, 0.0099), (2, 1, 0.089), (1, 2, 0.089)];

/// Widest half-width of the band of the dynamic programme, in source paragraphs: a tenth of
/// the document, at least 50.
fn max_band(target: usize, source: usize) -> usize {
    (target.max(source) / 10).max(50)
}

/// First half-width tried: a hundredth of the document, at least 50; widened while the best
/// path runs along the band's edge (where the band, not the lengths, chose it).
fn first_band(target: usize, source: usize) -> usize {
    (target.max(source) / 100).max(50)
}

/// Groups of target and source paragraph indices, in order.
type Beads = Vec<(Range<usize>, Range<usize>)>;

/// How close to the edge of the band a path may come before the band is widened.
const EDGE: usize = 3;

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

/// The length model: French characters per English one, and their variance per character.
#[derive(Debug, Clone, Copy)]
struct Model {
    ratio: f64,
    variance: f64,
}

const MODEL: Model = Model { ratio: RATIO, variance: VARIANCE };

impl Model {
    /// The squared deviation `z²` of a bead joining `target` and `source` characters from the
    /// length the model expects.
    fn z2(self, target: usize, source: usize) -> f64 {
        let (t, s) = (target as f64, source as f64);
        let mean = (s + t / self.ratio) / 2.0;
        if mean > 0.0 { (self.ratio * s - t).powi(2) / (self.variance * mean) } else { 0.0 }
    }
}

/// Cost (−100 ln probability) of a deviation `z²`: the two-tailed probability of a deviation at
/// least this large is erfc(|z| / √2). It is at least `50 z²`, since erfc(x) ≤ exp(−x²).
fn length_cost(z2: f64) -> f64 {
    -100.0 * ln_erfc((z2 / 2.0).sqrt())
}

/// The band of source indices row `i` of the programme keeps: wide enough that every cell of
/// it can be reached from the row before (see the proof in the body).
fn row_band(i: usize, n: usize, m: usize, w: usize) -> (usize, usize) {
    let center = |k: usize| (k.min(n) * m).checked_div(n).unwrap_or(m);
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
    align_with(target, source, MODEL)
}

fn align_with(target: &[usize], source: &[usize], model: Model) -> Vec<(Range<usize>, Range<usize>)> {
    let (n, m) = (target.len(), source.len());
    let widest = max_band(n, m);
    let mut w = first_band(n, m);
    loop {
        let (groups, on_edge) = align_in_band(target, source, model, w);
        if !on_edge || w >= widest {
            return groups;
        }
        w = (w * 4).min(widest);
    }
}

/// The best alignment within `w` paragraphs of the diagonal, and whether it touches the band's
/// edge (other than the ends of the document).
fn align_in_band(target: &[usize], source: &[usize], model: Model, w: usize) -> (Beads, bool) {
    let (n, m) = (target.len(), source.len());
    let prior_costs: Vec<f64> = BEADS.iter().map(|&(_, _, prior)| -100.0 * prior.ln()).collect();
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
            for (b, &(dt, ds, _)) in BEADS.iter().enumerate() {
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
                let mut total = previous + prior_costs[b];
                if total >= best {
                    continue;
                }
                // A paragraph added or dropped costs its prior alone: the length model says how
                // long a translation is, and there is none. (Gale & Church apply it there too,
                // which makes dropping a long paragraph dearer than misaligning its neighbours.)
                if dt > 0 && ds > 0 {
                    let z2 = model.z2(target[pi..i].iter().sum(), source[pj..j].iter().sum());
                    // Most cells of the band are far from any plausible bead: the bound skips
                    // the logarithm there.
                    if total + 50.0 * z2 >= best {
                        continue;
                    }
                    total += length_cost(z2);
                }
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
    let mut on_edge = false;
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (lo, hi) = bands[i];
        on_edge |= (lo > 0 && j < lo + EDGE) || (hi < m && j + EDGE > hi);
        let bead = back[i].get(j.wrapping_sub(lo)).copied().unwrap_or(u8::MAX);
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
    (groups, on_edge)
}

/// The sources of a document's paragraphs, aligned with the paragraphs of `source` (the
/// source-language file, read in the same format), in the form [`Document::set_sources`]
/// takes. Paragraphs that only one side has get no source.
pub fn source_groups(document: &Document, source: &Document) -> Vec<(Range<usize>, String)> {
    let paragraphs = |d: &Document| -> Vec<String> {
        d.segments().iter().map(|s| d.text().get(s.span.range()).unwrap_or("").to_owned()).collect()
    };
    let target = paragraphs(document);
    let target: Vec<&str> = target.iter().map(String::as_str).collect();
    let paragraphs = paragraphs(source);
    let sources: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    align(&target, &sources)
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

    /// `n` paragraph lengths between 20 and 600, pseudo-random (a periodic pattern would let the
    /// alignment slip by a period).
    fn lengths(n: usize) -> Vec<usize> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        (0..n)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                20 + (state >> 33) as usize % 580
            })
            .collect()
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
    fn a_drift_wider_than_the_first_band_widens_it() {
        // 60 source paragraphs missing at the start: the path leaves the first band (50) but
        // stays in the widest (100).
        let source = lengths(1000);
        let target: Vec<usize> = source[60..].iter().map(|&l| l * 6 / 5).collect();
        assert_eq!(first_band(target.len(), source.len()), 50);
        let groups = align_lengths(&target, &source);
        covers(&groups, target.len(), source.len());
        let one_to_one = groups.iter().filter(|(t, s)| t.len() == 1 && s.len() == 1 && t.start + 60 == s.start).count();
        // The band of 50 cannot hold the path; the widened one aligns all but the first few
        // (length alone cannot tell which of 60 dropped paragraphs the first ones follow).
        assert!(align_in_band(&target, &source, MODEL, 50).1);
        assert!(one_to_one >= target.len() - 15, "{one_to_one}");
    }

    #[test]
    fn long_documents_stay_in_the_band() {
        // 1,500 paragraphs with a dropped one every 300: every group still covers in order.
        let source = lengths(1500);
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
        let source = Document::from_str("en.txt", "First paragraph, long enough.\n\nSecond one,\n\nmerged in French.");
        let groups = source_groups(&doc, &source);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0], (0..1, "First paragraph, long enough.".to_owned()));
        assert_eq!(groups[1].0, 1..2);
        assert_eq!(groups[1].1, "Second one,\n\nmerged in French.");
    }
}
