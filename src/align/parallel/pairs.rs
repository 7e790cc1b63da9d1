//! Lexical evidence between one source sentence and a run of target sentences: how much
//! of the source sentence's weight has a link into each target sentence, and the other
//! way round. Beads of several sentences combine these per-pair figures.

use std::ops::Range;

use super::links::Links;
use super::side::Side;

/// Evidence between one source and one target sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Overlap {
    /// Weight of the source sentence's types linked into the target sentence, each
    /// times its best link score.
    pub source: f32,
    /// The same for the target sentence's types.
    pub target: f32,
}

/// Computes rows of [`Overlap`]s; keeps scratch space between rows.
pub(super) struct PairScorer<'a> {
    source: &'a Side,
    target: &'a Side,
    links: &'a Links,
    /// Per target type: the row it was last filled for, and its run in `entries`.
    slots: Vec<(u32, u32, u32)>,
    /// (target type, position of the source type in the sentence, link score).
    entries: Vec<(u32, u16, f32)>,
    /// Best link score per position of the source sentence's types.
    best: Vec<f32>,
    row: u32,
}

impl<'a> PairScorer<'a> {
    pub(super) fn new(source: &'a Side, target: &'a Side, links: &'a Links) -> Self {
        PairScorer {
            source,
            target,
            links,
            slots: vec![(u32::MAX, 0, 0); target.keys.len()],
            entries: Vec::new(),
            best: Vec::new(),
            row: 0,
        }
    }

    /// The overlaps of source sentence `s` with each target sentence in `targets`,
    /// written to `out` (cleared first).
    pub(super) fn row(&mut self, s: usize, targets: Range<usize>, out: &mut Vec<Overlap>) {
        out.clear();
        self.row = self.row.wrapping_add(1);
        let sentence = &self.source.sentences[s];
        self.entries.clear();
        // Positions beyond u16 are not reached by real sentences; they simply find no
        // links.
        for (k, &(ty, _)) in sentence
            .types
            .iter()
            .enumerate()
            .take(usize::from(u16::MAX))
        {
            for &(t, score) in &self.links.by_source[ty as usize] {
                self.entries.push((t, k as u16, score));
            }
        }
        self.entries.sort_unstable_by_key(|e| e.0);
        let mut start = 0;
        while start < self.entries.len() {
            let t = self.entries[start].0;
            let mut end = start + 1;
            while end < self.entries.len() && self.entries[end].0 == t {
                end += 1;
            }
            self.slots[t as usize] = (self.row, start as u32, (end - start) as u32);
            start = end;
        }
        self.best.clear();
        self.best.resize(sentence.types.len(), 0.0);
        for j in targets {
            out.push(self.overlap(s, j));
        }
    }

    fn overlap(&mut self, s: usize, j: usize) -> Overlap {
        let sentence = &self.source.sentences[s];
        let mut target_side = 0.0;
        let mut touched = false;
        for &(t, weight) in &self.target.sentences[j].types {
            let (row, start, len) = self.slots[t as usize];
            if row != self.row {
                continue;
            }
            let mut best_here: f32 = 0.0;
            for &(_, k, score) in &self.entries[start as usize..(start + len) as usize] {
                best_here = best_here.max(score);
                let b = &mut self.best[usize::from(k)];
                *b = b.max(score);
                touched = true;
            }
            target_side += weight * best_here;
        }
        let mut source_side = 0.0;
        if touched {
            for (b, &(_, weight)) in self.best.iter_mut().zip(&sentence.types) {
                source_side += weight * *b;
                *b = 0.0;
            }
        }
        Overlap {
            source: source_side,
            target: target_side,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::align::parallel::side::Keyer;

    #[test]
    fn overlap_counts_linked_weight_on_both_sides() {
        let (ks, kt) = (Keyer::new(Some(Lang::De)), Keyer::new(Some(Lang::Fr)));
        let source = Side::new(&["Matterhorn 4478 und", "nichts"], &ks);
        let target = Side::new(&["Matterhorn 4478 et", "rien"], &kt);
        let links = Links::evident(&source, &target, &[], (&ks, &kt));
        let mut scorer = PairScorer::new(&source, &target, &links);
        let mut out = Vec::new();
        scorer.row(0, 0..2, &mut out);
        let s0 = &source.sentences[0];
        let t0 = &target.sentences[0];
        // "und" / "et" are not linked: only two of three types meet.
        let und = s0
            .types
            .iter()
            .find(|&&(t, _)| source.keys[t as usize] == "und")
            .unwrap()
            .1;
        let et = t0
            .types
            .iter()
            .find(|&&(t, _)| target.keys[t as usize] == "et")
            .unwrap()
            .1;
        assert!((out[0].source - (s0.weight - und)).abs() < 1e-5);
        assert!((out[0].target - (t0.weight - et)).abs() < 1e-5);
        assert_eq!(out[1], Overlap::default());
        scorer.row(1, 0..2, &mut out);
        assert_eq!(out, [Overlap::default(), Overlap::default()]);
    }
}
