//! Candidate pairs without comparing all pairs: an inverted index from features to the
//! sentences that have them. Each sentence accumulates scores only through its
//! highest-weighted features, skipping features so common that they say nothing, and
//! keeps its best few candidates in other documents.

use rayon::prelude::*;

use super::features::{Kind, Vector};

/// How many of a sentence's features are used to look for candidates: the ones with
/// the highest weight.
const PROBE_FEATURES: usize = 12;

/// Features held by more sentences than this are skipped when looking for candidates
/// (their weight is low anyway).
const MAX_POSTINGS: usize = 2000;

/// A sentence of the corpus: its document and its vector.
pub(super) struct Indexed<'a> {
    pub(super) doc: usize,
    pub(super) vector: &'a Vector,
}

/// For each sentence, up to `keep` candidates in other documents, best first by their
/// approximate score (the dot product over the probed features); ties are broken by
/// `order`, which does not depend on the order of the inputs.
pub(super) fn candidates(
    sentences: &[Indexed<'_>],
    kinds: &[Kind],
    order: &[(String, usize)],
    keep: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Vec<usize>> {
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); kinds.len()];
    for (s, sentence) in sentences.iter().enumerate() {
        for &(feature, weight) in &sentence.vector.entries {
            postings[feature as usize].push((s as u32, weight));
        }
    }
    let done = std::sync::atomic::AtomicUsize::new(0);
    sentences
        .par_iter()
        .enumerate()
        .map_init(
            || (vec![0.0f32; sentences.len()], Vec::<u32>::new()),
            |(scores, touched), (_, sentence)| {
                let mut probes = sentence.vector.entries.clone();
                probes.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                for &(feature, weight) in probes.iter().take(PROBE_FEATURES) {
                    let list = &postings[feature as usize];
                    if list.len() > MAX_POSTINGS {
                        continue;
                    }
                    for &(other, other_weight) in list {
                        if sentences[other as usize].doc == sentence.doc {
                            continue;
                        }
                        if scores[other as usize] == 0.0 {
                            touched.push(other);
                        }
                        scores[other as usize] += weight * other_weight;
                    }
                }
                let mut found: Vec<(f32, u32)> =
                    touched.iter().map(|&o| (scores[o as usize], o)).collect();
                for &o in touched.iter() {
                    scores[o as usize] = 0.0;
                }
                touched.clear();
                found.sort_by(|a, b| {
                    b.0.total_cmp(&a.0)
                        .then_with(|| order[a.1 as usize].cmp(&order[b.1 as usize]))
                });
                found.truncate(keep);
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n % 4096 == 0 {
                    progress(n);
                }
                found.into_iter().map(|(_, o)| o as usize).collect()
            },
        )
        .collect()
}
