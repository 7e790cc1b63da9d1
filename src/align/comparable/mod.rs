//! Comparable alignment: sentences of several documents in one language that report the
//! same fact, in any order, as N-way groups.

mod candidates;
mod features;
mod groups;

use crate::Document;
use crate::glossary::{Glossary, Matcher};

use candidates::{Indexed, candidates};
use features::{Extractor, Vector, weigh};
use groups::{Thresholds, group};

/// Settings for comparable alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComparableOptions {
    /// The least cosine similarity of a mutual best pair (0 to 1); sentences that join a
    /// group otherwise (a merge of groups, a split fact) need 0.8 of it.
    pub min_similarity: f32,
    /// The least number of facts (content words, concepts, numbers) two sentences must
    /// share: one shared word is not enough.
    pub min_shared: usize,
    /// How many candidates each sentence keeps before the exact comparison.
    pub candidates: usize,
}

impl Default for ComparableOptions {
    fn default() -> Self {
        ComparableOptions {
            min_similarity: 0.12,
            min_shared: 2,
            candidates: 8,
        }
    }
}

/// The stage a long alignment is in, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the sentences' features: `done` of `total` documents.
    Features,
    /// Finding candidate pairs: `done` of `total` sentences.
    Candidates,
    /// Forming groups.
    Grouping,
}

/// Where a long alignment is: a stage, and how far it is in it.
pub type Progress<'a> = &'a (dyn Fn(Stage, usize, usize) + Sync);

/// A group of sentences that report the same fact: per member document (index into the
/// input) its sentence indices, and the mean similarity of its cross-document pairs
/// (0 for a sentence that matches nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceGroup {
    /// (document index, sentence indices), by document index.
    pub members: Vec<(usize, Vec<usize>)>,
    /// Mean cosine similarity of the members' sentences across documents.
    pub score: f64,
}

/// Aligns the sentences of `docs` (one language) into groups. With a glossary, concepts
/// count as shared facts whatever words name them.
pub fn align_comparable(
    docs: &[Document],
    glossary: Option<&Glossary>,
    options: &ComparableOptions,
    progress: Progress<'_>,
) -> Vec<SentenceGroup> {
    let matcher = glossary.map(Matcher::new);
    let mut extractor = Extractor::new();
    let mut owners: Vec<(usize, usize)> = Vec::new();
    let mut counts = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        progress(Stage::Features, d, docs.len());
        let mentions = matcher
            .as_ref()
            .map(|m| m.find(&doc.text, doc.lang).mentions)
            .unwrap_or_default();
        for (s, span) in doc.sentences.iter().enumerate() {
            let concepts: Vec<(&str, std::ops::Range<usize>)> = mentions
                .iter()
                .filter(|m| m.start >= span.start && m.end <= span.end)
                .map(|m| (m.concept.as_str(), m.start - span.start..m.end - span.start))
                .collect();
            counts.push(extractor.features(span.text(&doc.text), doc.lang, &concepts));
            owners.push((d, s));
        }
    }
    let mut vocabulary = extractor.vocabulary;
    let renumber = vocabulary.canonical_order();
    for sentence in &mut counts {
        for (feature, _) in sentence.iter_mut() {
            *feature = renumber[*feature as usize];
        }
        sentence.sort_unstable();
    }
    let vectors: Vec<Vector> = counts
        .iter()
        .map(|c| weigh(c, &vocabulary, counts.len()))
        .collect();
    let doc_of: Vec<usize> = owners.iter().map(|&(d, _)| d).collect();
    let titles: Vec<bool> = owners
        .iter()
        .map(|&(d, s)| is_title_like(docs[d].sentences[s].text(&docs[d].text)))
        .collect();
    let indexed: Vec<Indexed> = vectors
        .iter()
        .zip(&doc_of)
        .map(|(vector, &doc)| Indexed { doc, vector })
        .collect();
    let total = indexed.len();
    // Sentences in an order that does not depend on the order of the inputs.
    let order: Vec<(String, usize)> = owners
        .iter()
        .map(|&(d, s)| (docs[d].id.clone(), s))
        .collect();
    let found = candidates(
        &indexed,
        &vocabulary.kinds,
        &order,
        options.candidates,
        &|done| progress(Stage::Candidates, done, total),
    );
    progress(Stage::Grouping, 0, 1);
    let thresholds = Thresholds {
        similarity: options.min_similarity,
        shared: options.min_shared,
        split_share: 0.8,
    };
    let vector_refs: Vec<&Vector> = vectors.iter().collect();
    let sets = group(
        &doc_of,
        &titles,
        &vector_refs,
        &vocabulary.kinds,
        &found,
        &order,
        thresholds,
    );
    let mut groups: Vec<SentenceGroup> = sets
        .into_iter()
        .map(|set| {
            let score = mean_similarity(&set, &doc_of, &vector_refs, &vocabulary.kinds);
            let mut members: Vec<(usize, Vec<usize>)> = Vec::new();
            for s in set {
                let (d, index) = owners[s];
                match members.iter_mut().find(|(md, _)| *md == d) {
                    Some((_, list)) => list.push(index),
                    None => members.push((d, vec![index])),
                }
            }
            members.sort_by_key(|(d, _)| *d);
            for (_, list) in &mut members {
                list.sort_unstable();
            }
            SentenceGroup { members, score }
        })
        .collect();
    groups.sort_by_key(|g| g.members.iter().map(|(d, list)| (*d, list[0])).min());
    groups
}

/// Whether a sentence ends without closing punctuation, as headlines, bylines, captions
/// and link labels do ("Trump will hart durchgreifen", "Autor: Redaktion").
fn is_title_like(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(char::is_alphanumeric)
}

/// The mean similarity of the cross-document pairs of a group, 0 for a single sentence.
fn mean_similarity(
    set: &[usize],
    docs: &[usize],
    vectors: &[&Vector],
    kinds: &[features::Kind],
) -> f64 {
    let mut sum = 0.0f64;
    let mut pairs = 0usize;
    for (i, &a) in set.iter().enumerate() {
        for &b in &set[i + 1..] {
            if docs[a] != docs[b] {
                sum += f64::from(vectors[a].compare(vectors[b], kinds).0);
                pairs += 1;
            }
        }
    }
    if pairs == 0 {
        0.0
    } else {
        ((sum / pairs as f64) * 1000.0).round() / 1000.0
    }
}
