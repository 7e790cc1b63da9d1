//! Comparable alignment against a hand-made gold of clear cross-outlet sentence pairs.
//! Every pair of sentences that share a predicted group (across documents) is a
//! predicted pair; precision is the share of them in the gold, recall the share of gold
//! pairs predicted. The gold lists only clear pairs, so precision is a lower bound: a
//! defensible pair the annotator left out counts as wrong.
//!
//! A gold file is JSON:
//!
//! ```json
//! {"description": "…",
//!  "pairs": [{"a": {"doc": "000_abc", "starts_with": "Die Vereinigten Staaten"},
//!             "b": {"doc": "001_def", "starts_with": "US-Beamte erhöhen"},
//!             "split": false, "note": "…"}]}
//! ```
//!
//! `doc` is a document id (the file name without its extension); `starts_with` is the
//! beginning of the sentence's text, so the gold survives changes of segmentation
//! elsewhere in the document.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::align::SentenceGroup;
use crate::{Document, Error, Result};

/// A gold file as written.
#[derive(Debug, Clone, Deserialize)]
struct GoldFile {
    pairs: Vec<GoldPair>,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldPair {
    a: GoldSentence,
    b: GoldSentence,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldSentence {
    doc: String,
    starts_with: String,
}

/// A sentence: (document index, sentence index).
pub type SentenceRef = (usize, usize);

/// A pair of sentences of different documents, the smaller first.
pub type SentencePair = (SentenceRef, SentenceRef);

/// Gold pairs resolved against the documents they name.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The file the pairs were read from.
    pub path: PathBuf,
    /// The pairs, each ordered.
    pub pairs: BTreeSet<SentencePair>,
}

/// Reads a gold file (`-` is standard input) and finds each named sentence in `docs`. A
/// document or sentence the gold names but `docs` lacks is an error naming the pair, so
/// that a gold cannot silently drift from its documents.
pub fn read_gold(path: &Path, docs: &[Document]) -> Result<Gold> {
    let file: GoldFile = crate::read_json(path)?;
    // Without pairs, precision and recall mean nothing.
    if file.pairs.is_empty() {
        return Err(Error::Gold {
            path: path.to_path_buf(),
            msg: "nothing to score: \"pairs\" is empty".into(),
        });
    }
    let invalid = |index: usize, msg: String| Error::Gold {
        path: path.to_path_buf(),
        msg: format!("pair {}: {msg}", index + 1),
    };
    let find = |index: usize, side: &GoldSentence| -> Result<SentenceRef> {
        let d = docs
            .iter()
            .position(|doc| doc.id == side.doc)
            .ok_or_else(|| invalid(index, format!("no document with id {:?}", side.doc)))?;
        let doc = &docs[d];
        let mut found = doc
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.text(&doc.text).starts_with(&side.starts_with))
            .map(|(s, _)| s);
        match (found.next(), found.next()) {
            (Some(s), None) => Ok((d, s)),
            (None, _) => Err(invalid(
                index,
                format!(
                    "no sentence of {} starts with {:?}",
                    side.doc, side.starts_with
                ),
            )),
            (Some(_), Some(_)) => Err(invalid(
                index,
                format!(
                    "several sentences of {} start with {:?}",
                    side.doc, side.starts_with
                ),
            )),
        }
    };
    let mut pairs = BTreeSet::new();
    for (index, pair) in file.pairs.iter().enumerate() {
        let (a, b) = (find(index, &pair.a)?, find(index, &pair.b)?);
        if a.0 == b.0 {
            return Err(invalid(index, "both sentences are in one document".into()));
        }
        pairs.insert(ordered(a, b));
    }
    Ok(Gold {
        path: path.to_path_buf(),
        pairs,
    })
}

fn ordered(a: SentenceRef, b: SentenceRef) -> SentencePair {
    (a.min(b), a.max(b))
}

/// Every cross-document pair of sentences that share a group.
pub fn predicted_pairs(groups: &[SentenceGroup]) -> BTreeSet<SentencePair> {
    let mut pairs = BTreeSet::new();
    for group in groups {
        for (i, (da, sa)) in group.members.iter().enumerate() {
            for (db, sb) in &group.members[i + 1..] {
                for &x in sa {
                    for &y in sb {
                        pairs.insert(ordered((*da, x), (*db, y)));
                    }
                }
            }
        }
    }
    pairs
}

/// How the predicted pairs compare with the gold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Predicted pairs.
    pub predicted: usize,
    /// Gold pairs.
    pub gold: usize,
    /// Predicted pairs in the gold.
    pub found: usize,
    /// `found / predicted` (0 when nothing is predicted).
    pub precision: f64,
    /// `found / gold`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Gold pairs not predicted, as (document id, sentence text) pairs.
    pub missed: Vec<[(String, String); 2]>,
    /// Predicted pairs not in the gold.
    pub unexpected: Vec<[(String, String); 2]>,
}

/// Scores `groups` of `docs` against `gold`.
pub fn evaluate(docs: &[Document], groups: &[SentenceGroup], gold: &Gold) -> Report {
    let predicted = predicted_pairs(groups);
    let found = predicted.intersection(&gold.pairs).count();
    let precision = ratio(found, predicted.len());
    let recall = ratio(found, gold.pairs.len());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let describe = |&(a, b): &SentencePair| [sentence(docs, a), sentence(docs, b)];
    Report {
        predicted: predicted.len(),
        gold: gold.pairs.len(),
        found,
        precision,
        recall,
        f1,
        missed: gold.pairs.difference(&predicted).map(describe).collect(),
        unexpected: predicted.difference(&gold.pairs).map(describe).collect(),
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn sentence(docs: &[Document], (d, s): SentenceRef) -> (String, String) {
    let doc = &docs[d];
    (doc.id.clone(), doc.sentences[s].text(&doc.text).to_string())
}

/// The first `chars` characters of a sentence, with "…" when cut.
fn clip(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

impl Report {
    /// A readable summary; with `details`, every missed and unexpected pair.
    pub fn to_text(&self, details: bool) -> String {
        let mut out = format!(
            "{} predicted pairs, {} gold pairs, {} found\nprecision {:.3}  recall {:.3}  F1 {:.3}\n",
            self.predicted, self.gold, self.found, self.precision, self.recall, self.f1
        );
        if details {
            for (title, pairs) in [("missed", &self.missed), ("unexpected", &self.unexpected)] {
                out.push_str(&format!("\n{title} ({}):\n", pairs.len()));
                for [(da, ta), (db, tb)] in pairs {
                    out.push_str(&format!("  {da}: {}\n", clip(ta, 90)));
                    out.push_str(&format!("  {db}: {}\n\n", clip(tb, 90)));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DocumentOptions;

    fn doc(id: &str, text: &str) -> Document {
        Document::new(id, text.to_string(), DocumentOptions::default())
    }

    fn write_gold(json: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.json");
        std::fs::write(&path, json).unwrap();
        (dir, path)
    }

    fn docs() -> Vec<Document> {
        vec![
            doc(
                "a",
                "Der Fluss trat am Montag über die Ufer. Die Feuerwehr rückte mit 40 Kräften aus.",
            ),
            doc(
                "b",
                "Mit 40 Einsatzkräften war die Feuerwehr vor Ort. Am Montag trat der Fluss über die Ufer.",
            ),
        ]
    }

    const GOLD: &str = r#"{"pairs": [
        {"a": {"doc": "a", "starts_with": "Der Fluss"}, "b": {"doc": "b", "starts_with": "Am Montag"}},
        {"a": {"doc": "b", "starts_with": "Mit 40"}, "b": {"doc": "a", "starts_with": "Die Feuerwehr"}}
    ]}"#;

    #[test]
    fn scores_pairs_in_either_order() {
        let docs = docs();
        let (_dir, path) = write_gold(GOLD);
        let gold = read_gold(&path, &docs).unwrap();
        assert_eq!(gold.pairs.len(), 2);
        // One right group, one wrong one.
        let groups = vec![
            SentenceGroup {
                members: vec![(0, vec![0]), (1, vec![1])],
                score: 0.5,
            },
            SentenceGroup {
                members: vec![(0, vec![1]), (1, vec![0])],
                score: 0.5,
            },
        ];
        let report = evaluate(&docs, &groups, &gold);
        assert_eq!((report.predicted, report.found), (2, 2));
        assert_eq!((report.precision, report.recall), (1.0, 1.0));
        let crossed = vec![SentenceGroup {
            members: vec![(0, vec![0, 1]), (1, vec![0])],
            score: 0.5,
        }];
        let report = evaluate(&docs, &crossed, &gold);
        assert_eq!((report.predicted, report.found), (2, 1));
        assert_eq!(report.missed.len(), 1);
        assert_eq!(report.unexpected.len(), 1);
        assert!((report.f1 - 0.5).abs() < 1e-9);
        assert!(report.to_text(true).contains("missed (1)"));
    }

    #[test]
    fn a_gold_that_does_not_fit_its_documents_is_an_error() {
        let docs = docs();
        for (json, expected) in [
            (
                r#"{"pairs": [{"a": {"doc": "a", "starts_with": "Nie"}, "b": {"doc": "b", "starts_with": "Mit"}}]}"#,
                "pair 1: no sentence of a starts with",
            ),
            (
                r#"{"pairs": [{"a": {"doc": "z", "starts_with": "Der"}, "b": {"doc": "b", "starts_with": "Mit"}}]}"#,
                "no document with id \"z\"",
            ),
            (
                r#"{"pairs": [{"a": {"doc": "a", "starts_with": "D"}, "b": {"doc": "b", "starts_with": "Mit"}}]}"#,
                "several sentences of a",
            ),
            (
                r#"{"pairs": [{"a": {"doc": "a", "starts_with": "Der"}, "b": {"doc": "a", "starts_with": "Die"}}]}"#,
                "one document",
            ),
        ] {
            let (_dir, path) = write_gold(json);
            let error = read_gold(&path, &docs).unwrap_err().to_string();
            assert!(error.contains(expected), "{error}");
            assert!(error.contains("gold.json"), "{error}");
        }
        let (_dir, path) = write_gold("{\"pairs\": [");
        assert!(read_gold(&path, &docs).is_err());
    }
}
