//! Vecalign's scorer: strict and lax precision, recall and F1 of test links against
//! gold links (see the [module](super) for the definitions).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::links::Link;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Share of test links that are right.
    pub precision: f64,
    /// Share of gold links found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Strict and lax scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignScores {
    /// Links must be identical.
    pub strict: Prf,
    /// Links must overlap on both sides.
    pub lax: Prf,
}

/// Hit counts of one direction: (strict hits, strict misses, lax hits, lax misses).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    strict_hits: usize,
    strict_misses: usize,
    lax_hits: usize,
    lax_misses: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.strict_hits += o.strict_hits;
        self.strict_misses += o.strict_misses;
        self.lax_hits += o.lax_hits;
        self.lax_misses += o.lax_misses;
    }
}

/// Vecalign's `_precision(goldalign, testalign)`: both sides as sets, links empty on
/// both sides dropped.
fn precision_counts(gold: &[&Link], test: &[&Link]) -> Counts {
    let not_empty = |l: &&&Link| !(l.source.is_empty() && l.target.is_empty());
    let test: HashSet<&Link> = test.iter().filter(not_empty).copied().collect();
    let gold: HashSet<&Link> = gold.iter().filter(not_empty).copied().collect();
    let mut gold_targets: HashMap<usize, HashSet<usize>> = HashMap::new();
    for link in &gold {
        for &s in &link.source {
            gold_targets.entry(s).or_default().extend(&link.target);
        }
    }
    let mut counts = Counts::default();
    for link in test {
        if gold.contains(link) {
            counts.strict_hits += 1;
            counts.lax_hits += 1;
            continue;
        }
        counts.strict_misses += 1;
        let overlaps = link.source.iter().any(|s| {
            gold_targets
                .get(s)
                .is_some_and(|targets| link.target.iter().any(|t| targets.contains(t)))
        });
        if overlaps {
            counts.lax_hits += 1;
        } else {
            counts.lax_misses += 1;
        }
    }
    counts
}

/// Scores test links against gold links, `(test, gold)` per document, micro-summed.
pub fn score(pairs: &[(Vec<Link>, Vec<Link>)]) -> AlignScores {
    let mut p = Counts::default();
    let mut r = Counts::default();
    for (test, gold) in pairs {
        p += precision_counts(&all(gold), &all(test));
        r += precision_counts(&full(test), &full(gold));
    }
    let prf = |p_hits, p_misses, r_hits, r_misses| {
        let precision = ratio(p_hits, p_hits + p_misses);
        let recall = ratio(r_hits, r_hits + r_misses);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    };
    AlignScores {
        strict: prf(
            p.strict_hits,
            p.strict_misses,
            r.strict_hits,
            r.strict_misses,
        ),
        lax: prf(p.lax_hits, p.lax_misses, r.lax_hits, r.lax_misses),
    }
}

/// Every link.
fn all(links: &[Link]) -> Vec<&Link> {
    links.iter().collect()
}

/// The links with both sides non-empty.
fn full(links: &[Link]) -> Vec<&Link> {
    links
        .iter()
        .filter(|l| !l.source.is_empty() && !l.target.is_empty())
        .collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests {
    use super::super::links;
    use super::*;

    #[test]
    fn identical_links_score_one() {
        let gold = links("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3, 4]\n");
        let s = score(&[(gold.clone(), gold)]);
        for prf in [s.strict, s.lax] {
            assert_eq!((prf.precision, prf.recall, prf.f1), (1.0, 1.0, 1.0));
        }
    }

    #[test]
    fn partial_matches_score_strict_and_lax() {
        // Gold merges 1-2; the test splits them and leaves target 2 unaligned.
        let gold = links("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n");
        let test = links("[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n");
        let s = score(&[(test, gold)]);
        // Precision over 4 test links: [0]:[0] and []:[2] strict; [1]:[1] lax only;
        // [2]:[] is a miss.
        assert_eq!((s.strict.precision, s.lax.precision), (0.5, 0.75));
        // Recall over the 2 non-empty gold links: [0]:[0] strict, [1,2]:[1] lax.
        assert_eq!((s.strict.recall, s.lax.recall), (0.5, 1.0));
        assert!((s.strict.f1 - 0.5).abs() < 1e-12);
        assert!((s.lax.f1 - 2.0 * 0.75 / 1.75).abs() < 1e-12);
    }

    #[test]
    fn scores_are_micro_summed_over_documents() {
        let gold = links("[0]:[0]\n[1]:[1]\n[2]:[2]\n");
        let wrong = links("[0]:[1]\n[1]:[0]\n[2]:[2]\n");
        let s = score(&[(gold.clone(), gold.clone()), (wrong, gold)]);
        assert!((s.strict.precision - 4.0 / 6.0).abs() < 1e-12);
        assert!((s.strict.recall - 4.0 / 6.0).abs() < 1e-12);
        assert_eq!(score(&[]).strict, Prf::default());
    }

    #[test]
    fn duplicate_test_links_count_once() {
        let gold = links("[0]:[0]\n");
        let test = links("[0]:[0]\n[0]:[0]\n[1]:[5]\n");
        assert_eq!(score(&[(test, gold)]).strict.precision, 0.5);
    }
}
