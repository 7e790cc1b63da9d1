//! What aligned sentences say differently: a word-level diff of each member against a
//! pivot (or of every pair), and the facts (numbers, dates, weekdays, names, negation)
//! one member states and the other does not.
//!
//! ```
//! use tandem::diff::{DiffOptions, FactKind, diff_alignment};
//! use tandem::export::Alignment;
//!
//! let json = r#"{"version": 1, "mode": "comparable",
//!   "documents": [
//!     {"id": "a", "source": "a.txt", "lang": "de", "sentences":
//!       [{"index": 0, "start": 0, "end": 32, "text": "Das Amt nannte mehrere Kartelle."}]},
//!     {"id": "b", "source": "b.txt", "lang": "de", "sentences":
//!       [{"index": 0, "start": 10, "end": 40, "text": "Das Amt nannte sechs Kartelle."}]}],
//!   "groups": [{"id": 0, "score": 0.8, "members":
//!     [{"doc": "a", "sentences": [0]}, {"doc": "b", "sentences": [0]}]}]}"#;
//! let alignment: Alignment = serde_json::from_str(json)?;
//! let report = diff_alignment(&alignment, None, &DiffOptions::default());
//! let pair = &report.groups[0].pairs[0];
//! assert_eq!(pair.facts[0].kind, FactKind::Number);
//! assert_eq!(pair.facts[0].message, "\"mehrere\" ≠ \"sechs\"");
//! assert_eq!(pair.facts[0].right.as_ref().unwrap().start, 10 + 15);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod facts;
mod matching;
mod model;
mod prepare;
mod tokens;
mod words;

pub(crate) use facts::Decimal;
pub use model::{
    Change, DiffOptions, DiffReport, FactDifference, FactKind, FactSpan, GroupDiff, PairDiff,
    Pivot, WordChange,
};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::Lang;
use crate::export::{Alignment, Group, Member};
use crate::glossary::{ConceptIndex, Glossary, Matcher};
use matching::{
    MemberFact, drop_concepts_the_other_names, drop_names_the_other_mentions, fact_differences,
};
use prepare::Prepared;
use words::{DiffToken, MemberText, word_diff};

/// Diffs every group of `alignment`: each member against the pivot (or every pair), word
/// by word and fact by fact. With a glossary, names are its concepts; without one, names
/// are found by their shape, and compared only between documents of one language.
///
/// The alignment should have passed [`Alignment::validate`]; members naming documents
/// or sentences it does not have are skipped.
pub fn diff_alignment(
    alignment: &Alignment,
    glossary: Option<&Glossary>,
    options: &DiffOptions,
) -> DiffReport {
    let matcher = glossary.map(Matcher::new);
    let concepts = glossary.map(Glossary::index);
    let prepared = prepare::prepare(alignment, matcher.as_ref());
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, doc) in alignment.documents.iter().enumerate() {
        index.entry(doc.id.as_str()).or_insert(i);
    }
    let differ = GroupDiffer {
        alignment,
        prepared: &prepared,
        index: &index,
        pivot: &options.pivot,
        concepts: concepts.as_ref(),
    };
    let groups = alignment
        .groups
        .par_iter()
        .map(|group| differ.group(group))
        .collect();
    let pivot = match &options.pivot {
        Pivot::First => alignment.documents.first().map(|d| d.id.clone()),
        Pivot::Document(id) => Some(id.clone()),
        Pivot::Pairwise => None,
    };
    DiffReport {
        version: 1,
        pivot,
        groups,
    }
}

/// What every group's diff reads.
struct GroupDiffer<'a> {
    alignment: &'a Alignment,
    prepared: &'a Prepared,
    index: &'a FxHashMap<&'a str, usize>,
    pivot: &'a Pivot,
    /// With a glossary, names are its concepts, not found by their shape.
    concepts: Option<&'a ConceptIndex<'a>>,
}

/// A member of a group with its text and facts.
struct Side<'a> {
    doc: &'a str,
    lang: Lang,
    text: MemberText<'a>,
    facts: Vec<MemberFact<'a>>,
}

impl<'a> GroupDiffer<'a> {
    fn group(&self, group: &Group) -> GroupDiff {
        let mut members: Vec<(usize, &Member)> = group
            .members
            .iter()
            .filter_map(|m| {
                let d = *self.index.get(m.doc.as_str())?;
                let count = self.alignment.documents[d].sentences.len();
                m.sentences.iter().any(|&s| s < count).then_some((d, m))
            })
            .collect();
        // The alignment's document order: the pivot of `Pivot::First` comes first.
        members.sort_by_key(|&(d, _)| d);
        let sides: Vec<Side<'a>> = members.iter().map(|&(d, m)| self.side(d, m)).collect();
        let pairs: Vec<(usize, usize)> = match self.pivot {
            Pivot::Pairwise => (0..sides.len())
                .flat_map(|a| (a + 1..sides.len()).map(move |b| (a, b)))
                .collect(),
            pivot => {
                let p = match pivot {
                    Pivot::Document(id) => sides.iter().position(|s| s.doc == id).unwrap_or(0),
                    _ => 0,
                };
                (0..sides.len())
                    .filter(|&b| b != p)
                    .map(|b| (p, b))
                    .collect()
            }
        };
        let pairs: Vec<PairDiff> = pairs
            .into_iter()
            .map(|(a, b)| {
                let (left, right) = (&sides[a], &sides[b]);
                let (words, ratio) = word_diff(&left.text, &right.text);
                // Names found by their shape are written differently in another
                // language ("Weißes Haus", "White House"): across languages only a
                // glossary's concepts compare.
                let facts = if left.lang == right.lang {
                    let mut facts = fact_differences(&left.facts, &right.facts);
                    let (l, r) = (left.text.as_str(), right.text.as_str());
                    match self.concepts {
                        None => drop_names_the_other_mentions(&mut facts, l, r),
                        Some(concepts) => drop_concepts_the_other_names(&mut facts, l, r, concepts),
                    }
                    facts
                } else if self.concepts.is_some() {
                    fact_differences(&left.facts, &right.facts)
                } else {
                    let no_names = |side: &Side<'a>| -> Vec<MemberFact<'a>> {
                        let facts = side.facts.iter().copied();
                        facts.filter(|f| f.fact.kind != FactKind::Entity).collect()
                    };
                    fact_differences(&no_names(left), &no_names(right))
                };
                PairDiff {
                    left: left.doc.to_string(),
                    right: right.doc.to_string(),
                    ratio,
                    words,
                    facts,
                    cross_language: left.lang != right.lang,
                }
            })
            .collect();
        let ratio = pairs.iter().map(|p| p.ratio).fold(1.0, f64::min);
        GroupDiff {
            group: group.id,
            score: group.score,
            ratio,
            pairs,
        }
    }

    fn side(&self, d: usize, member: &Member) -> Side<'a> {
        let doc = &self.alignment.documents[d];
        let prepared = self.prepared.document(d);
        let sentences = member
            .sentences
            .iter()
            .filter(|&&s| s < doc.sentences.len());
        let texts: Vec<(&'a str, &'a [DiffToken])> = sentences
            .clone()
            .map(|&s| {
                (
                    doc.sentences[s].text.as_str(),
                    prepared[s].tokens.as_slice(),
                )
            })
            .collect();
        let text = MemberText::join(&texts);
        let facts = sentences
            .flat_map(|&s| {
                let record = &doc.sentences[s];
                prepared[s].facts.iter().map(move |fact| MemberFact {
                    doc: doc.id.as_str(),
                    sentence_start: record.start,
                    sentence: record.text.as_str(),
                    fact,
                })
            })
            .collect();
        Side {
            doc: doc.id.as_str(),
            lang: doc.lang,
            text,
            facts,
        }
    }
}

#[cfg(test)]
mod tests;
