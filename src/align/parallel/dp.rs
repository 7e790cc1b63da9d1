//! The search: dynamic programming over the band for the monotone sequence of beads with
//! the highest total worth. Scores are kept for the last few rows only and overlaps are
//! computed row by row, so memory is one byte per band cell.

use super::band::Band;
use super::links::Links;
use super::pairs::{Overlap, PairScorer};
use super::scoring::{Candidate, Scoring};
use super::side::Side;

/// A bead found by the search, as ranges of sentences.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    /// Source sentences.
    pub source: std::ops::Range<usize>,
    /// Target sentences.
    pub target: std::ops::Range<usize>,
    /// Confidence, 0 to 1 (0 for a bead with an empty side).
    pub confidence: f64,
}

impl Found {
    /// The shape `(a, b)`.
    pub(super) fn shape(&self) -> (usize, usize) {
        (self.source.len(), self.target.len())
    }
}

/// The largest number of sentences on one side of a bead the search allows, whatever
/// the options ask: longer beads are not translation units but a failed alignment,
/// and the search time grows with the square of this number.
pub(super) const MAX_SIDE: usize = 8;

/// The bead shapes allowed with at most `max` sentences on a side (1 to [`MAX_SIDE`]):
/// 1-0, 0-1 and every `a`-`b` with `1 <= a, b <= max`.
///
/// The most frequent shapes come first, so that the search finds a good worth early
/// and can skip the others by their bounds.
pub(super) fn shapes(max: usize) -> Vec<(usize, usize)> {
    let max = max.clamp(1, MAX_SIDE);
    let mut shapes = vec![(1, 1), (1, 0), (0, 1)];
    for a in 1..=max {
        for b in 1..=max {
            if (a, b) != (1, 1) {
                shapes.push((a, b));
            }
        }
    }
    shapes
}

/// How many pieces beyond `max` one sentence may be translated by: a long sentence
/// the translator (or the segmenter) cut at semicolons, colons or commas is one unit in
/// pieces, and counts as one towards the largest bead side.
const EXTRA_PIECES: usize = 2;

/// How many sentences beyond `max` one sentence may face whatever their ends: a long
/// sentence is often translated by several shorter ones. On the Text+Berg development
/// document the search could not reach one such 1-4 bead (three closed French sentences
/// and a footnote against one German sentence), although the scoring preferred it by a
/// wide margin (0.68); allowing it gains that bead (strict F1 0.902 to 0.906, its
/// quarters 0.909 to 0.913) and changes nothing else there or on ParIce en–is. One, not
/// more: larger sides are what [`EXTRA_PIECES`] is for, and a `max_bead` of 4 for every
/// shape gained nothing.
const EXTRA_CLOSED: usize = 1;

/// Whether an `a`-`b` bead is one sentence against up to [`EXTRA_CLOSED`] sentences
/// more than `max`: allowed whatever the ends of those sentences, unless `max` is 1,
/// which asks for one-to-one beads.
fn one_against_a_few_more(a: usize, b: usize, max: usize) -> bool {
    let few_more = |k: usize| max > 1 && k > max && k <= max + EXTRA_CLOSED;
    (a == 1 && few_more(b)) || (b == 1 && few_more(a))
}

/// The largest bead side the search looks at: `max` sentences, or more pieces of
/// open-ended sentences facing a single sentence.
fn reach(max: usize) -> usize {
    (max.clamp(1, MAX_SIDE) + EXTRA_PIECES).min(MAX_SIDE)
}

/// The shapes searched with at most `max` units a side: [`shapes`], and one sentence
/// against `max + 1` to [`reach`] pieces, allowed only where the pieces are at most
/// `max` units or [`one_against_a_few_more`] (see [`Search::run`]).
fn search_shapes(max: usize) -> Vec<(usize, usize)> {
    let max = max.clamp(1, MAX_SIDE);
    let mut shapes = shapes(max);
    for k in max + 1..=reach(max) {
        shapes.extend([(1, k), (k, 1)]);
    }
    shapes
}

/// `prefix[k]` = sentences before `k` of `side` with an open end.
fn open_prefix(side: &Side) -> Vec<usize> {
    let mut prefix = Vec::with_capacity(side.len() + 1);
    prefix.push(0);
    for sentence in &side.sentences {
        prefix.push(prefix[prefix.len() - 1] + usize::from(sentence.open_end));
    }
    prefix
}

/// The nodes `(i, j)` a sequence of beads passes through, from `(0, 0)`.
fn nodes(beads: &[Found]) -> Vec<(usize, usize)> {
    let mut nodes = vec![(0, 0)];
    nodes.extend(beads.iter().map(|b| (b.source.end, b.target.end)));
    nodes
}

/// Marks a cell the search could not reach.
const UNREACHED: u8 = u8::MAX;

/// What the search needs.
pub(super) struct Search<'a> {
    /// The source side.
    pub source: &'a Side,
    /// The target side.
    pub target: &'a Side,
    /// The lexical links.
    pub links: &'a Links,
    /// The bead worth.
    pub scoring: &'a Scoring,
    /// The largest number of sentences on one side of a bead, but for one sentence
    /// against pieces cut at open ends or one closed sentence more (see [`reach`] and
    /// [`one_against_a_few_more`]).
    pub max_bead: usize,
}

/// The last few rows of a band-shaped table, each as (first column, values). The
/// size is a power of two so that finding a row is a mask, not a division.
struct Ring<T> {
    rows: Vec<(usize, Vec<T>)>,
    mask: usize,
}

impl<T: Clone> Ring<T> {
    /// A ring holding at least `rows` rows.
    fn new(rows: usize) -> Self {
        let size = rows.max(1).next_power_of_two();
        Ring {
            rows: vec![(0, Vec::new()); size],
            mask: size - 1,
        }
    }

    fn row(&self, k: usize) -> &(usize, Vec<T>) {
        &self.rows[k & self.mask]
    }

    fn row_mut(&mut self, k: usize) -> &mut (usize, Vec<T>) {
        &mut self.rows[k & self.mask]
    }
}

/// Overlap rows of the last [`reach`]`(max_bead)` source sentences.
type OverlapRing = Ring<Overlap>;

impl Search<'_> {
    /// Searches a band of half-width `width` around `centre` (a previous alignment) or
    /// the diagonal. While the best path runs along the band's edge, the search is
    /// repeated in a band twice as wide around both the centre and the path found:
    /// following the path reaches a distant best path quickly, keeping the centre
    /// guarantees that the band eventually covers everything.
    pub(super) fn run_widening(&self, centre: Option<&[Found]>, width: usize) -> Vec<Found> {
        let (n, m) = (self.source.len(), self.target.len());
        // The ordinary largest side, not the [`reach`] of open-ended pieces: those beads
        // are rare, and a wider margin widens (and repeats) the search far more often.
        let margin = self.max_bead.clamp(1, MAX_SIDE);
        let centre = centre.map(nodes);
        let around_centre = |width: usize| match &centre {
            Some(path) => Band::around(path, n, m, width),
            None => Band::diagonal(n, m, width),
        };
        let mut width = width;
        let mut band = around_centre(width);
        loop {
            let beads = self.run(&band);
            let path = nodes(&beads);
            if band.is_full() || !band.touched_by(&path, margin) {
                return beads;
            }
            width = width.saturating_mul(2);
            band = around_centre(width).union(&Band::around(&path, n, m, width));
        }
    }

    /// The best path within `band`, as beads in order.
    fn run(&self, band: &Band) -> Vec<Found> {
        let n = self.source.len();
        let units = self.max_bead.clamp(1, MAX_SIDE);
        let max = reach(units);
        let shapes = search_shapes(units);
        let open_source = open_prefix(self.source);
        let open_target = open_prefix(self.target);
        // Whether sentences `from..to` of a side are at most `units` units, the pieces
        // joined at open ends counting as one.
        let fits = |prefix: &[usize], from: usize, to: usize| {
            to - from <= units || to - from - (prefix[to - 1] - prefix[from]) <= units
        };
        let mut scorer = PairScorer::new(self.source, self.target, self.links);
        let mut ring = OverlapRing::new(max);
        let mut scores: Ring<f64> = Ring::new(max + 1);
        let mut row_start = Vec::with_capacity(n + 2);
        let mut back: Vec<u8> = Vec::with_capacity(band.cells());
        for i in 0..=n {
            row_start.push(back.len());
            if i >= 1 {
                let s = i - 1;
                let from = band.lo[s + 1].saturating_sub(max);
                let to = band.hi[(s + max).min(n)];
                let slot = ring.row_mut(s);
                slot.0 = from;
                scorer.row(s, from..to, &mut slot.1);
            }
            let (lo, hi) = (band.lo[i], band.hi[i]);
            let mut row = std::mem::take(&mut scores.row_mut(i).1);
            row.clear();
            row.resize(hi - lo + 1, f64::NEG_INFINITY);
            for j in lo..=hi {
                let mut best = f64::NEG_INFINITY;
                let mut best_shape = UNREACHED;
                if i == 0 && j == 0 {
                    best = 0.0;
                }
                for (k, &(a, b)) in shapes.iter().enumerate() {
                    if a > i || b > j {
                        continue;
                    }
                    let (pi, pj) = (i - a, j - b);
                    if !(fits(&open_source, pi, i) && fits(&open_target, pj, j)
                        || one_against_a_few_more(a, b, units))
                    {
                        continue;
                    }
                    let prev = if a == 0 {
                        if pj < lo {
                            continue;
                        }
                        row[pj - lo]
                    } else {
                        if pj < band.lo[pi] || pj > band.hi[pi] {
                            continue;
                        }
                        let (offset, prev_row) = scores.row(pi);
                        prev_row[pj - offset]
                    };
                    if prev == f64::NEG_INFINITY {
                        continue;
                    }
                    let worth = if b == 0 {
                        let debris = self.source.sentences[pi].debris;
                        self.scoring.skip(true, self.source.chars(pi, i), debris)
                    } else if a == 0 {
                        let debris = self.target.sentences[pj].debris;
                        self.scoring.skip(false, self.target.chars(pj, j), debris)
                    } else {
                        // Cheap bounds first: most shapes cannot beat the best so far.
                        let total = self.source.weight(pi, i) + self.target.weight(pj, j);
                        if prev + self.scoring.bound(a, b, total) <= best {
                            continue;
                        }
                        let candidate = self.candidate(&ring, pi..i, pj..j);
                        let lexical = self.scoring.lexical(&candidate);
                        if prev + lexical <= best {
                            continue;
                        }
                        lexical + self.scoring.length(&candidate)
                    };
                    if prev + worth > best {
                        best = prev + worth;
                        best_shape = k as u8;
                    }
                }
                row[j - lo] = best;
                back.push(best_shape);
            }
            *scores.row_mut(i) = (lo, row);
        }
        self.backtrack(band, &shapes, &row_start, &back)
    }

    fn backtrack(
        &self,
        band: &Band,
        shapes: &[(usize, usize)],
        row_start: &[usize],
        back: &[u8],
    ) -> Vec<Found> {
        let (mut i, mut j) = (self.source.len(), self.target.len());
        let mut beads = Vec::new();
        while i > 0 || j > 0 {
            let shape = back[row_start[i] + j - band.lo[i]];
            // Every cell on the best path was reached, so `shape` is valid; a band that
            // breaks that would be a bug in `Band`.
            let (a, b) = shapes[usize::from(shape)];
            beads.push(Found {
                source: i - a..i,
                target: j - b..j,
                confidence: 0.0,
            });
            i -= a;
            j -= b;
        }
        beads.reverse();
        self.fill_confidence(&mut beads);
        beads
    }

    /// A bead as the scoring sees it. Its linked weight sums, over both sides'
    /// sentences, the weight each has linked into the other side, a sentence's share
    /// capped at its own weight when several sentences contribute.
    fn candidate(
        &self,
        ring: &OverlapRing,
        source: std::ops::Range<usize>,
        target: std::ops::Range<usize>,
    ) -> Candidate {
        let mut target_sums = [0f32; MAX_SIDE];
        let mut linked = 0.0;
        for s in source.clone() {
            let (offset, row) = ring.row(s);
            let overlaps = &row[target.start - offset..target.end - offset];
            let mut sum = 0.0;
            for (k, overlap) in overlaps.iter().enumerate() {
                sum += overlap.source;
                if let Some(total) = target_sums.get_mut(k) {
                    *total += overlap.target;
                }
            }
            linked += f64::from(sum.min(self.source.sentences[s].weight));
        }
        for (t, sum) in target.clone().zip(target_sums) {
            linked += f64::from(sum.min(self.target.sentences[t].weight));
        }
        let open = |side: &Side, range: std::ops::Range<usize>| {
            side.sentences[range.start..range.end.saturating_sub(1).max(range.start)]
                .iter()
                .filter(|s| s.open_end)
                .count()
        };
        Candidate {
            a: source.len(),
            b: target.len(),
            open_boundaries: open(self.source, source.clone()) + open(self.target, target.clone()),
            l1: self.source.chars(source.start, source.end),
            l2: self.target.chars(target.start, target.end),
            linked,
            ends_differ: match (source.end, target.end) {
                (0, _) | (_, 0) => false,
                (a, b) => self.source.sentences[a - 1].end != self.target.sentences[b - 1].end,
            },
            total: self.source.weight(source.start, source.end)
                + self.target.weight(target.start, target.end),
        }
    }

    /// Computes the confidence of each found bead (the search keeps no overlaps).
    fn fill_confidence(&self, beads: &mut [Found]) {
        let mut scorer = PairScorer::new(self.source, self.target, self.links);
        // One ring for every bead: a bead has at most MAX_SIDE source sentences.
        let mut ring = OverlapRing::new(MAX_SIDE);
        for bead in beads {
            if bead.source.is_empty() || bead.target.is_empty() {
                continue;
            }
            for s in bead.source.clone() {
                let slot = ring.row_mut(s);
                slot.0 = bead.target.start;
                scorer.row(s, bead.target.clone(), &mut slot.1);
            }
            let candidate = self.candidate(&ring, bead.source.clone(), bead.target.clone());
            bead.confidence = self.scoring.confidence(&candidate);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_up_to_two_are_the_classic_six() {
        let mut got = shapes(2);
        got.sort();
        assert_eq!(got, [(0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2)]);
        assert_eq!(shapes(3).len(), 11);
        assert_eq!(shapes(0).len(), 3);
        assert_eq!(shapes(100).len(), 2 + MAX_SIDE * MAX_SIDE);
    }

    #[test]
    fn one_sentence_may_face_one_more_sentence_than_the_largest_side() {
        assert!(one_against_a_few_more(1, 4, 3) && one_against_a_few_more(4, 1, 3));
        assert!(!one_against_a_few_more(1, 5, 3) && !one_against_a_few_more(2, 4, 3));
        assert!(!one_against_a_few_more(1, 3, 3) && !one_against_a_few_more(1, 1, 3));
        assert!(one_against_a_few_more(1, 3, 2) && !one_against_a_few_more(1, 2, 1));
    }

    #[test]
    fn one_sentence_may_face_two_more_pieces_than_the_largest_side() {
        let got = search_shapes(3);
        assert_eq!(got.len(), 11 + 4);
        for shape in [(1, 4), (4, 1), (1, 5), (5, 1)] {
            assert!(got.contains(&shape), "{shape:?}");
        }
        assert!(!got.contains(&(2, 4)) && !got.contains(&(1, 6)));
        assert_eq!(search_shapes(MAX_SIDE).len(), shapes(MAX_SIDE).len());
    }
}
