//! A bilingual dictionary learnt from the document pair itself, as hunalign does: the
//! trusted 1-1 beads of a first alignment are a small parallel corpus; word pairs that
//! occur together in them far more often than apart become links. Association is the
//! Dice coefficient; competitive linking (Melamed 2000) keeps only the best partners of
//! each word, so a frequent word does not link to everything it happens to meet.

use rustc_hash::FxHashMap;

use super::dp::Found;
use super::links::Link;
use super::side::{Kind, Side};

/// A pair seen together only once is chance as often as not.
const MIN_COOCCURRENCE: u32 = 2;

/// Pairs whose Dice coefficient is below this are too loosely associated to link.
const MIN_DICE: f64 = 0.3;

/// Each word keeps at most this many partners: a word has one translation or two
/// (German "der" → French "le" / "la"), rarely more.
const MAX_PARTNERS: usize = 2;

/// At most this many beads are counted, spread over the document, which bounds the
/// learning time on very long documents without losing their vocabulary's core.
const MAX_TRAINING_BEADS: usize = 20_000;

/// The 1-1 beads to learn from: those whose neighbours are 1-1 as well, since a 1-1
/// bead inside a run of them is rarely misplaced.
fn trusted(beads: &[Found]) -> Vec<&Found> {
    let one_to_one = |k: usize| beads.get(k).is_none_or(|b| b.shape() == (1, 1));
    beads
        .iter()
        .enumerate()
        .filter(|&(k, b)| b.shape() == (1, 1) && (k == 0 || one_to_one(k - 1)) && one_to_one(k + 1))
        .map(|(_, b)| b)
        .collect()
}

/// Word links learnt from `beads`, an alignment of `source` with `target`.
pub(super) fn learn(source: &Side, target: &Side, beads: &[Found]) -> Vec<Link> {
    let trusted = trusted(beads);
    let step = trusted.len().div_ceil(MAX_TRAINING_BEADS).max(1);
    let words = |side: &Side, k: usize| -> Vec<u32> {
        side.sentences[k]
            .types
            .iter()
            .map(|&(t, _)| t)
            .filter(|&t| side.kinds[t as usize] == Kind::Word)
            .collect()
    };
    let mut pair_count: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut source_count: FxHashMap<u32, u32> = FxHashMap::default();
    let mut target_count: FxHashMap<u32, u32> = FxHashMap::default();
    for bead in trusted.iter().step_by(step) {
        let s_words = words(source, bead.source.start);
        let t_words = words(target, bead.target.start);
        for &s in &s_words {
            *source_count.entry(s).or_default() += 1;
            for &t in &t_words {
                *pair_count.entry((s, t)).or_default() += 1;
            }
        }
        for &t in &t_words {
            *target_count.entry(t).or_default() += 1;
        }
    }
    let mut candidates: Vec<(f64, u32, u32, u32)> = pair_count
        .into_iter()
        .filter(|&(_, c)| c >= MIN_COOCCURRENCE)
        .map(|((s, t), c)| {
            let dice = 2.0 * f64::from(c) / f64::from(source_count[&s] + target_count[&t]);
            (dice, c, s, t)
        })
        .filter(|&(dice, ..)| dice >= MIN_DICE)
        .collect();
    candidates.sort_unstable_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(y.1.cmp(&x.1))
            .then((x.2, x.3).cmp(&(y.2, y.3)))
    });
    let mut partners_s: FxHashMap<u32, usize> = FxHashMap::default();
    let mut partners_t: FxHashMap<u32, usize> = FxHashMap::default();
    let mut links = Vec::new();
    for (dice, _, s, t) in candidates {
        let ps = partners_s.entry(s).or_default();
        if *ps >= MAX_PARTNERS {
            continue;
        }
        let pt = partners_t.entry(t).or_default();
        if *pt >= MAX_PARTNERS {
            continue;
        }
        *ps += 1;
        *pt += 1;
        links.push(Link {
            source: s,
            target: t,
            score: dice as f32,
        });
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;
    use crate::align::parallel::side::Keyer;

    #[test]
    fn learns_word_pairs_that_occur_together() {
        let source_text = [
            "Gipfel eins",
            "Gipfel zwei",
            "Hütte drei",
            "Hütte vier",
            "Gipfel und Hütte",
        ];
        let target_text = [
            "sommet un",
            "sommet deux",
            "cabane trois",
            "cabane quatre",
            "sommet et cabane",
        ];
        let (ks, kt) = (Keyer::new(Some(Lang::De)), Keyer::new(Some(Lang::Fr)));
        let source = Side::new(&source_text, &ks);
        let target = Side::new(&target_text, &kt);
        let key = |keyer: &Keyer, word: &str| keyer.words(word)[0].0.clone();
        let beads: Vec<Found> = (0..5)
            .map(|k| Found {
                source: k..k + 1,
                target: k..k + 1,
                confidence: 0.0,
            })
            .collect();
        let links = learn(&source, &target, &beads);
        let has = |s: &str, t: &str| {
            let (s, t) = (source.index[&key(&ks, s)], target.index[&key(&kt, t)]);
            links.iter().any(|l| l.source == s && l.target == t)
        };
        assert!(has("Gipfel", "sommet"));
        assert!(has("Hütte", "cabane"));
        assert!(!has("Gipfel", "cabane"));
    }

    #[test]
    fn beads_next_to_merges_are_not_trusted() {
        let bead = |s: std::ops::Range<usize>, t: std::ops::Range<usize>| Found {
            source: s,
            target: t,
            confidence: 0.0,
        };
        let beads = [
            bead(0..1, 0..1),
            bead(1..2, 1..2),
            bead(2..4, 2..3),
            bead(4..5, 3..4),
        ];
        assert_eq!(trusted(&beads).len(), 1);
    }
}
