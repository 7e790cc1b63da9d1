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

pub use model::{
    Change, DiffOptions, DiffReport, FactDifference, FactKind, FactSpan, GroupDiff, PairDiff,
    Pivot, WordChange,
};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::Lang;
use crate::export::{Alignment, Group, Member};
use crate::glossary::{Glossary, Matcher};
use matching::{MemberFact, fact_differences};
use prepare::PreparedSentence;
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
        glossary: glossary.is_some(),
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
    prepared: &'a [Vec<PreparedSentence>],
    index: &'a FxHashMap<&'a str, usize>,
    pivot: &'a Pivot,
    /// Names are a glossary's concepts, not found by their shape.
    glossary: bool,
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
                let facts = if left.lang == right.lang || self.glossary {
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
        let prepared = &self.prepared[d];
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
mod tests {
    use super::*;
    use crate::export::{AlignedDocument, AlignmentMode, SentenceRecord};

    /// An alignment of documents given as sentences (joined by a line break, so that
    /// offsets in the document differ from offsets in a member's text) and groups given
    /// as (document, sentence indices).
    fn alignment(docs: &[(&str, Lang, &[&str])], groups: &[&[(&str, &[usize])]]) -> Alignment {
        let documents = docs
            .iter()
            .map(|&(id, lang, sentences)| {
                let mut at = 3; // a title line before the first sentence
                let records = sentences
                    .iter()
                    .enumerate()
                    .map(|(index, text)| {
                        let record = SentenceRecord {
                            index,
                            start: at,
                            end: at + text.len(),
                            text: text.to_string(),
                        };
                        at = record.end + 1;
                        record
                    })
                    .collect();
                AlignedDocument {
                    id: id.into(),
                    source: format!("{id}.txt"),
                    lang,
                    sentences: records,
                }
            })
            .collect();
        let groups = groups
            .iter()
            .enumerate()
            .map(|(id, members)| Group {
                id,
                score: 0.5,
                members: members
                    .iter()
                    .map(|&(doc, sentences)| Member {
                        doc: doc.into(),
                        sentences: sentences.to_vec(),
                    })
                    .collect(),
                bead: None,
            })
            .collect();
        let alignment = Alignment {
            version: 1,
            mode: AlignmentMode::Comparable,
            documents,
            groups,
        };
        alignment.validate().expect("a valid test alignment");
        alignment
    }

    const A: &[&str] = &[
        "Das Ministerium nannte am Dienstag sechs Kartelle.",
        "Die Grenze bleibt offen.",
    ];
    const B: &[&str] = &[
        "Die Grenze bleibt nicht offen.",
        "Das Ministerium nannte mehrere Kartelle.",
    ];
    const C: &[&str] = &["Das Ministerium nannte sechs Kartelle."];

    fn three() -> Alignment {
        alignment(
            &[("a", Lang::De, A), ("b", Lang::De, B), ("c", Lang::De, C)],
            &[
                &[("b", &[1]), ("a", &[0]), ("c", &[0])],
                &[("a", &[1]), ("b", &[0])],
            ],
        )
    }

    fn pairs(report: &DiffReport, group: usize) -> Vec<(&str, &str)> {
        report.groups[group]
            .pairs
            .iter()
            .map(|p| (p.left.as_str(), p.right.as_str()))
            .collect()
    }

    #[test]
    fn the_first_document_is_the_pivot() {
        let report = diff_alignment(&three(), None, &DiffOptions::default());
        assert_eq!(report.pivot.as_deref(), Some("a"));
        assert_eq!(pairs(&report, 0), [("a", "b"), ("a", "c")]);
        assert_eq!(pairs(&report, 1), [("a", "b")]);
    }

    #[test]
    fn a_chosen_pivot_and_every_pair() {
        let options = DiffOptions {
            pivot: Pivot::Document("c".into()),
        };
        let report = diff_alignment(&three(), None, &options);
        assert_eq!(pairs(&report, 0), [("c", "a"), ("c", "b")]);
        // Group 1 has no "c": its first member is the pivot.
        assert_eq!(pairs(&report, 1), [("a", "b")]);
        let options = DiffOptions {
            pivot: Pivot::Pairwise,
        };
        let report = diff_alignment(&three(), None, &options);
        assert_eq!(report.pivot, None);
        assert_eq!(pairs(&report, 0), [("a", "b"), ("a", "c"), ("b", "c")]);
    }

    #[test]
    fn facts_point_into_the_documents() {
        let alignment = three();
        let report = diff_alignment(&alignment, None, &DiffOptions::default());
        let ab = &report.groups[0].pairs[0];
        let kinds: Vec<(FactKind, &str)> = ab
            .facts
            .iter()
            .map(|f| (f.kind, f.message.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (FactKind::Number, "\"sechs\" ≠ \"mehrere\""),
                (FactKind::Weekday, "only in a: \"Dienstag\""),
            ]
        );
        for fact in &ab.facts {
            for span in fact.left.iter().chain(&fact.right) {
                let doc = alignment.document(&span.doc).unwrap();
                let record = doc
                    .sentences
                    .iter()
                    .find(|s| s.start <= span.start && span.end <= s.end)
                    .expect("inside a sentence");
                assert_eq!(
                    &record.text[span.start - record.start..span.end - record.start],
                    span.text
                );
            }
        }
        // "sechs" in b's second sentence: after the title line and the first sentence.
        let right = ab.facts[0].right.as_ref().unwrap();
        assert_eq!(
            right.start,
            3 + B[0].len() + 1 + "Das Ministerium nannte ".len()
        );
        // a and c say the same apart from the weekday.
        let ac = &report.groups[0].pairs[1];
        assert_eq!(ac.facts.len(), 1);
        assert_eq!(ac.facts[0].kind, FactKind::Weekday);
        // The negation of group 1.
        let negation = &report.groups[1].pairs[0].facts;
        assert_eq!(negation.len(), 1);
        assert_eq!(negation[0].kind, FactKind::Negation);
        assert!(negation[0].left.is_none());
    }

    #[test]
    fn members_of_several_sentences_are_joined_by_a_space() {
        let alignment = alignment(
            &[("a", Lang::De, A), ("b", Lang::De, B)],
            &[&[("a", &[0, 1]), ("b", &[1, 0])]],
        );
        let report = diff_alignment(&alignment, None, &DiffOptions::default());
        let pair = &report.groups[0].pairs[0];
        let spelt = |keep: Change| -> String {
            pair.words
                .iter()
                .filter(|w| w.change == Change::Equal || w.change == keep)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(
            spelt(Change::Delete),
            alignment.member_text(&alignment.groups[0].members[0])
        );
        assert_eq!(
            spelt(Change::Insert),
            alignment.member_text(&alignment.groups[0].members[1])
        );
    }

    #[test]
    fn a_group_of_one_member_or_an_empty_side_has_no_pairs() {
        let alignment = alignment(
            &[
                ("a", Lang::De, A),
                ("b", Lang::En, &["The border stays open."]),
            ],
            &[&[("a", &[0]), ("b", &[])], &[("a", &[1])], &[("b", &[0])]],
        );
        let report = diff_alignment(&alignment, None, &DiffOptions::default());
        for group in &report.groups {
            assert!(group.is_unmatched());
            assert_eq!(group.ratio, 1.0);
        }
    }

    #[test]
    fn the_same_text_is_equal_with_no_facts() {
        let alignment = alignment(
            &[("a", Lang::De, A), ("b", Lang::De, A)],
            &[&[("a", &[0]), ("b", &[0])], &[("a", &[1]), ("b", &[1])]],
        );
        let report = diff_alignment(&alignment, None, &DiffOptions::default());
        for group in &report.groups {
            let pair = &group.pairs[0];
            assert_eq!(pair.ratio, 1.0);
            assert!(pair.facts.is_empty());
            assert!(pair.words.iter().all(|w| w.change == Change::Equal));
        }
    }

    #[test]
    fn glossary_names_compare_by_concept() {
        let glossary = crate::glossary::parse(
            std::path::Path::new("g.tsv"),
            "id\ttype\tlang\tterm\tstatus\tnote\n\
             claudia-sheinbaum\tperson\tde\tClaudia Sheinbaum\tpreferred\t\n\
             claudia-sheinbaum\tperson\tde\tSheinbaum\tadmitted\t\n\
             marco-rubio\tperson\tde\tMarco Rubio\tpreferred\t\n\
             marco-rubio\tperson\tde\tRubio\tadmitted\t\n",
            Some(crate::glossary::Format::Native),
        )
        .expect("glossary parses");
        let alignment = alignment(
            &[
                (
                    "a",
                    Lang::De,
                    &[
                        "Präsidentin Claudia Sheinbaum traf Marco Rubio.",
                        "Sheinbaum lehnte ab.",
                    ],
                ),
                (
                    "b",
                    Lang::De,
                    &["Claudia Sheinbaum sprach.", "Auch Sheinbaum lehnte ab."],
                ),
            ],
            &[&[("a", &[1]), ("b", &[1])], &[("a", &[0]), ("b", &[0])]],
        );
        let report = diff_alignment(&alignment, Some(&glossary), &DiffOptions::default());
        // "Sheinbaum" (a short form, resolved by the full name elsewhere in the
        // document) is the same concept on both sides.
        assert!(
            report.groups[0].pairs[0].facts.is_empty(),
            "{:?}",
            report.groups[0]
        );
        let facts = &report.groups[1].pairs[0].facts;
        let values: Vec<(Option<&str>, Option<&str>)> = facts
            .iter()
            .map(|f| {
                (
                    f.left.as_ref().map(|s| s.value.as_str()),
                    f.right.as_ref().map(|s| s.value.as_str()),
                )
            })
            .collect();
        assert_eq!(values, [(Some("marco-rubio"), None)]);
        assert_eq!(facts[0].left.as_ref().unwrap().text, "Marco Rubio");
    }

    #[test]
    fn across_languages_facts_compare_by_value_and_names_need_a_glossary() {
        let alignment = alignment(
            &[
                (
                    "de",
                    Lang::De,
                    &["Am 3. Januar schickte das Weiße Haus 20.000 Soldaten und sechs Drohnen."],
                ),
                (
                    "en",
                    Lang::En,
                    &["On January 3, the White House sent 20,000 troops and seven drones."],
                ),
            ],
            &[&[("de", &[0]), ("en", &[0])]],
        );
        let report = diff_alignment(&alignment, None, &DiffOptions::default());
        let facts: Vec<(FactKind, &str)> = report.groups[0].pairs[0]
            .facts
            .iter()
            .map(|f| (f.kind, f.message.as_str()))
            .collect();
        assert_eq!(facts, [(FactKind::Number, "\"sechs\" ≠ \"seven\"")]);
    }

    #[test]
    fn filters_and_order() {
        let group = |group: usize, ratio: f64, pairs: usize| GroupDiff {
            group,
            score: 0.5,
            ratio,
            pairs: (0..pairs)
                .map(|_| PairDiff {
                    left: "a".into(),
                    right: "b".into(),
                    ratio,
                    words: vec![],
                    facts: vec![],
                })
                .collect(),
        };
        let report = DiffReport {
            version: 1,
            pivot: None,
            groups: vec![
                group(0, 0.8, 1),
                group(1, 1.0, 0),
                group(2, 0.2, 2),
                group(3, 0.8, 1),
            ],
        };
        let ids = |r: &DiffReport| r.groups.iter().map(|g| g.group).collect::<Vec<_>>();
        let mut sorted = report.clone();
        sorted.sort_by_ratio();
        assert_eq!(ids(&sorted), [2, 0, 3, 1]);
        let mut matched = report.clone();
        matched.drop_unmatched();
        assert_eq!(ids(&matched), [0, 2, 3]);
        let mut band = report.clone();
        band.retain_ratio(Some(0.5), Some(0.9));
        assert_eq!(ids(&band), [0, 3]);
        let mut low = report;
        low.retain_ratio(None, Some(0.2));
        assert_eq!(ids(&low), [2]);
    }
}
