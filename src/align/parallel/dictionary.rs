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

/// One aligned pair to learn from.
pub(super) struct Training<'a> {
    /// The source side.
    pub source: &'a Side,
    /// The target side.
    pub target: &'a Side,
    /// The current alignment of the two.
    pub beads: &'a [Found],
}

/// Word types of both sides of a batch under common ids, so that counts from several
/// pairs add up: the same key is the same word in every pair.
#[derive(Default)]
struct Vocabulary<'a> {
    index: FxHashMap<&'a str, u32>,
    keys: Vec<&'a str>,
}

impl<'a> Vocabulary<'a> {
    fn intern(&mut self, key: &'a str) -> u32 {
        if let Some(&id) = self.index.get(key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.index.insert(key, id);
        self.keys.push(key);
        id
    }

    /// The common id of each word type of `side` (`u32::MAX` for numbers and marks).
    fn ids(&mut self, side: &'a Side) -> Vec<u32> {
        side.keys
            .iter()
            .zip(&side.kinds)
            .map(|(key, &kind)| {
                if kind == Kind::Word {
                    self.intern(key)
                } else {
                    u32::MAX
                }
            })
            .collect()
    }
}

/// Word links learnt from the alignments of `pairs` together, returned per pair in its
/// own type ids. A batch of one pair learns from that pair alone.
pub(super) fn learn(pairs: &[Training<'_>]) -> Vec<Vec<Link>> {
    let mut source_vocabulary = Vocabulary::default();
    let mut target_vocabulary = Vocabulary::default();
    let ids: Vec<(Vec<u32>, Vec<u32>)> = pairs
        .iter()
        .map(|p| {
            (
                source_vocabulary.ids(p.source),
                target_vocabulary.ids(p.target),
            )
        })
        .collect();
    let trusted: Vec<(usize, &Found)> = pairs
        .iter()
        .enumerate()
        .flat_map(|(k, p)| trusted(p.beads).into_iter().map(move |b| (k, b)))
        .collect();
    let step = trusted.len().div_ceil(MAX_TRAINING_BEADS).max(1);
    let words = |side: &Side, ids: &[u32], k: usize| -> Vec<u32> {
        side.sentences[k]
            .types
            .iter()
            .map(|&(t, _)| ids[t as usize])
            .filter(|&t| t != u32::MAX)
            .collect()
    };
    let mut pair_count: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut source_count: FxHashMap<u32, u32> = FxHashMap::default();
    let mut target_count: FxHashMap<u32, u32> = FxHashMap::default();
    for &(k, bead) in trusted.iter().step_by(step) {
        let (p, (s_ids, t_ids)) = (&pairs[k], &ids[k]);
        let s_words = words(p.source, s_ids, bead.source.start);
        let t_words = words(p.target, t_ids, bead.target.start);
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
    let mut common: Vec<(u32, u32, f32)> = Vec::new();
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
        common.push((s, t, dice as f32));
    }
    pairs
        .iter()
        .map(|p| {
            common
                .iter()
                .filter_map(|&(s, t, score)| {
                    let source = *p.source.index.get(source_vocabulary.keys[s as usize])?;
                    let target = *p.target.index.get(target_vocabulary.keys[t as usize])?;
                    Some(Link {
                        source,
                        target,
                        score,
                    })
                })
                .collect()
        })
        .collect()
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
        let beads = diagonal(5);
        let links = learn(&[Training {
            source: &source,
            target: &target,
            beads: &beads,
        }])
        .remove(0);
        let has = |s: &str, t: &str| {
            let (s, t) = (source.index[&key(&ks, s)], target.index[&key(&kt, t)]);
            links.iter().any(|l| l.source == s && l.target == t)
        };
        assert!(has("Gipfel", "sommet"));
        assert!(has("Hütte", "cabane"));
        assert!(!has("Gipfel", "cabane"));
    }

    /// `n` beads of 1-1 along the diagonal.
    fn diagonal(n: usize) -> Vec<Found> {
        (0..n)
            .map(|k| Found {
                source: k..k + 1,
                target: k..k + 1,
                confidence: 0.0,
            })
            .collect()
    }

    #[test]
    fn a_batch_learns_what_each_pair_shows_once() {
        // "Gletscher" / "glacier" meet once in each pair: chance for one pair alone,
        // a word pair for the batch.
        let (ks, kt) = (Keyer::new(Some(Lang::De)), Keyer::new(Some(Lang::Fr)));
        let a = (
            Side::new(&["Gletscher eins", "Hütte zwei", "Weg drei"], &ks),
            Side::new(&["glacier un", "cabane deux", "chemin trois"], &kt),
        );
        let b = (
            Side::new(&["Nebel vier", "Gletscher fünf", "Regen sechs"], &ks),
            Side::new(&["brouillard quatre", "glacier cinq", "pluie six"], &kt),
        );
        let beads = diagonal(3);
        let pair = |p: &(Side, Side)| -> (u32, u32) {
            let s = p.0.index[&ks.words("Gletscher")[0].0];
            let t = p.1.index[&kt.words("glacier")[0].0];
            (s, t)
        };
        let has = |links: &[Link], (s, t): (u32, u32)| {
            links.iter().any(|l| l.source == s && l.target == t)
        };
        let alone = learn(&[Training {
            source: &a.0,
            target: &a.1,
            beads: &beads,
        }]);
        assert!(!has(&alone[0], pair(&a)));
        let batch = learn(&[
            Training {
                source: &a.0,
                target: &a.1,
                beads: &beads,
            },
            Training {
                source: &b.0,
                target: &b.1,
                beads: &beads,
            },
        ]);
        assert_eq!(batch.len(), 2);
        // Each pair gets the link in its own type ids.
        assert!(has(&batch[0], pair(&a)));
        assert!(has(&batch[1], pair(&b)));
        // Words that met only once in the whole batch stay unlinked.
        let (hutte, cabane) = (
            a.0.index[&ks.words("Hütte")[0].0],
            a.1.index[&kt.words("cabane")[0].0],
        );
        assert!(!has(&batch[0], (hutte, cabane)));
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
