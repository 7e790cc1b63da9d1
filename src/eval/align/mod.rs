//! Parallel alignment against gold links: the Text+Berg German–French set and the
//! ParIce English–Icelandic set, scored as Vecalign's `score.py` does (after Sennrich &
//! Volk 2011).
//!
//! Gold files hold one link per line, `[src ids]:[tgt ids]` with 0-based sentence ids
//! and `[]` for an empty side: `[6, 7]:[9]`, `[]:[51]`.
//!
//! Scoring, micro-summed over documents:
//! - a test link is a **strict** hit when an identical link is in the gold, a **lax**
//!   hit when it shares at least one source and one target id with gold links (through
//!   the map from each gold source id to the gold target ids linked to it);
//! - precision counts every test link that is not empty on both sides, insertions and
//!   deletions included;
//! - recall is precision with test and gold swapped, both without links that are empty
//!   on either side;
//! - F1 is the harmonic mean of the pooled precision and recall; a ratio with nothing
//!   to divide is 0.
//!
//! ```
//! use std::path::Path;
//! use tandem::eval::align::{parse_links, score};
//!
//! let gold = parse_links(Path::new("gold"), "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n")?;
//! let test = parse_links(Path::new("test"), "[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n")?;
//! let scores = score(&[(test, gold)]);
//! assert_eq!(scores.strict.precision, 0.5);
//! assert_eq!(scores.lax.precision, 0.75);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The gold data are read at evaluation time and never copied into the repository.
//! The parts: the gold link format ([`parse_links`], [`Link::to_line`]), the scorer
//! ([`score()`]), the benchmark sets on disk ([`textberg_set`], [`parice_set`]); here,
//! aligning a set and reporting its scores.

mod links;
mod score;
mod sets;

use std::fmt::Write;
use std::path::Path;
use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use self::links::{Link, links_from_beads, parse_links, read_links};
use self::links::{Sides, read_gold};
pub use self::score::{AlignScores, Prf, score};
pub use self::sets::{PairCase, TEXTBERG_DEV, TEXTBERG_TEST, parice_set, textberg_set};
use crate::Result;
use crate::align::parallel::{
    Bead, PairText, ParallelOptions, align_parallel, align_parallel_batch,
};

/// Scores of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentScores {
    /// The document's name.
    pub name: String,
    /// Source sentences.
    pub source_sentences: usize,
    /// Target sentences.
    pub target_sentences: usize,
    /// Gold links.
    pub gold_links: usize,
    /// Links produced.
    pub test_links: usize,
    /// Strict and lax scores of this document alone.
    pub scores: AlignScores,
}

/// Where the aligner learns its bilingual dictionary during an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Learning {
    /// From each document pair alone ([`align_parallel`]).
    #[default]
    PerPair,
    /// From all document pairs of the set together ([`align_parallel_batch`]), as
    /// `tandem align --batch` does; unsupervised, the gold is never seen.
    Batch,
}

impl Learning {
    /// How the report names it.
    pub fn describe(self) -> &'static str {
        match self {
            Learning::PerPair => "dictionary learnt from each pair alone",
            Learning::Batch => "dictionary learnt from all pairs together (batch)",
        }
    }
}

/// The outcome over a set of documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignReport {
    /// The folder whose `<name>.links` files were scored ([`evaluate_links`]), when the
    /// links are another aligner's; `None` when tandem aligned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links_from: Option<String>,
    /// Where the dictionary was learnt.
    pub learning: Learning,
    /// Which prior dictionary was used
    /// ([`PriorDictionary::describe`](crate::align::parallel::PriorDictionary::describe)).
    pub prior_dictionary: String,
    /// Per document, in input order.
    pub documents: Vec<DocumentScores>,
    /// All documents micro-summed.
    pub pooled: AlignScores,
    /// Sentences aligned (both sides).
    pub sentences: usize,
    /// Wall-clock seconds spent aligning.
    pub seconds: f64,
    /// `sentences / seconds`.
    pub sentences_per_second: f64,
}

/// Aligns every case with `options`, each pair on its own, and scores it against its
/// gold.
pub fn evaluate(cases: &[PairCase], options: &ParallelOptions) -> AlignReport {
    evaluate_with(cases, options, Learning::PerPair)
}

/// Aligns every case with `options`, learning the dictionary as `learning` says, and
/// scores it against its gold.
pub fn evaluate_with(
    cases: &[PairCase],
    options: &ParallelOptions,
    learning: Learning,
) -> AlignReport {
    let texts: Vec<(Vec<&str>, Vec<&str>)> = cases
        .iter()
        .map(|case| {
            (
                case.source.iter().map(String::as_str).collect(),
                case.target.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let pair_texts: Vec<PairText> = cases
        .iter()
        .zip(&texts)
        .map(|(case, (source, target))| PairText {
            source,
            source_lang: case.source_lang,
            target,
            target_lang: case.target_lang,
        })
        .collect();
    let start = Instant::now();
    let aligned: Vec<Vec<Bead>> = match learning {
        Learning::PerPair => pair_texts
            .iter()
            .map(|p| align_parallel(p.source, p.source_lang, p.target, p.target_lang, options))
            .collect(),
        Learning::Batch => align_parallel_batch(&pair_texts, options),
    };
    let seconds = start.elapsed().as_secs_f64();
    let tests = aligned
        .iter()
        .map(|beads| links_from_beads(beads))
        .collect();
    let mut report = scored(cases, tests, seconds);
    report.learning = learning;
    report.prior_dictionary = options.dictionary.describe();
    report
}

/// Scores links another aligner wrote, with the scorer tandem's own alignments get: for
/// every case, `<name>.links` in `dir`, in the gold format (`[0, 1]:[2]`, a link per
/// line). A missing file, a malformed line or an id past the end of its document is an
/// error naming the file, line and column.
pub fn evaluate_links(cases: &[PairCase], dir: &Path) -> Result<AlignReport> {
    let mut tests = Vec::new();
    for case in cases {
        let path = dir.join(format!("{}.links", case.name));
        // A case keeps its sentences, not their files: messages name the sides.
        let sides = Sides {
            source: (case.source.len(), Path::new("the source")),
            target: (case.target.len(), Path::new("the target")),
        };
        tests.push(read_gold(&path, &sides)?);
    }
    let mut report = scored(cases, tests, 0.0);
    report.links_from = Some(dir.display().to_string());
    Ok(report)
}

/// The report of `tests`, one list of links per case, against the cases' gold;
/// `seconds` spent aligning them.
fn scored(cases: &[PairCase], tests: Vec<Vec<Link>>, seconds: f64) -> AlignReport {
    let mut documents = Vec::new();
    let mut pairs = Vec::new();
    let mut sentences = 0;
    for (case, test) in cases.iter().zip(tests) {
        sentences += case.source.len() + case.target.len();
        let pair = (test, case.gold.clone());
        documents.push(DocumentScores {
            name: case.name.clone(),
            source_sentences: case.source.len(),
            target_sentences: case.target.len(),
            gold_links: case.gold.len(),
            test_links: pair.0.len(),
            scores: score(std::slice::from_ref(&pair)),
        });
        pairs.push(pair);
    }
    AlignReport {
        links_from: None,
        learning: Learning::default(),
        prior_dictionary: String::new(),
        documents,
        pooled: score(&pairs),
        sentences,
        seconds,
        sentences_per_second: if seconds > 0.0 {
            sentences as f64 / seconds
        } else {
            0.0
        },
    }
}

impl AlignReport {
    /// The report as an aligned plain-text table.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = match &self.links_from {
            Some(dir) => writeln!(
                out,
                "links read from {dir} (not aligned by tandem): {} documents, {} sentences\n",
                self.documents.len(),
                self.sentences,
            ),
            None => writeln!(
                out,
                "parallel alignment: {} documents, {} sentences, {:.2} s ({:.0} sentences/s); {}; {}\n",
                self.documents.len(),
                self.sentences,
                self.seconds,
                self.sentences_per_second,
                self.learning.describe(),
                self.prior_dictionary
            ),
        };
        let _ = writeln!(
            out,
            "{:<10} {:>5} {:>5} {:>5} {:>5}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
            "document", "src", "tgt", "gold", "test", "P", "R", "F1", "lax-P", "lax-R", "lax-F1"
        );
        let row = |out: &mut String, name: &str, counts: [String; 4], s: &AlignScores| {
            let _ = writeln!(
                out,
                "{name:<10} {:>5} {:>5} {:>5} {:>5}   {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}",
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                s.strict.precision,
                s.strict.recall,
                s.strict.f1,
                s.lax.precision,
                s.lax.recall,
                s.lax.f1
            );
        };
        let mut totals = [0usize; 4];
        for d in &self.documents {
            let counts = [
                d.source_sentences,
                d.target_sentences,
                d.gold_links,
                d.test_links,
            ];
            for (t, c) in totals.iter_mut().zip(counts) {
                *t += c;
            }
            row(&mut out, &d.name, counts.map(|c| c.to_string()), &d.scores);
        }
        row(
            &mut out,
            "pooled",
            totals.map(|c| c.to_string()),
            &self.pooled,
        );
        out
    }
}

/// Test helper: links parsed from `text`.
#[cfg(test)]
fn links(text: &str) -> Vec<Link> {
    parse_links(Path::new("t"), text).unwrap()
}

/// Test helper: a link.
#[cfg(test)]
fn link(source: &[usize], target: &[usize]) -> Link {
    Link {
        source: source.to_vec(),
        target: target.to_vec(),
    }
}

/// Test helper: the line, column and message of a parse error.
#[cfg(test)]
fn parse_failure<T: std::fmt::Debug>(result: Result<T>) -> (usize, usize, String) {
    match result {
        Err(crate::Error::Parse {
            line, column, msg, ..
        }) => (line, column, msg),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn reads_indexed_lines_and_textberg_files() {
        // Files that start with a byte order mark read the same.
        for bom in ["", "\u{feff}"] {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path();
            let write = |name: &str, text: &str| {
                std::fs::write(p.join(name), format!("{bom}{text}")).unwrap();
            };
            write("a.de", "Eins . \nZwei . \n");
            write("a.fr", "Un . \nDeux . \n");
            write("a.defr", "[0]:[0]\n[1]:[1]\n");
            let cases = textberg_set(p, &["a"]).unwrap();
            assert_eq!(cases[0].source, ["Eins . ", "Zwei . "]);
            assert_eq!(cases[0].target, ["Un . ", "Deux . "]);
            assert_eq!(cases[0].gold.len(), 2);
            let report = evaluate(&cases, &ParallelOptions::default());
            assert_eq!(report.pooled.strict.f1, 1.0);
            assert_eq!(report.learning, Learning::PerPair);
            assert!(report.to_text().contains("pooled"));
            let batch = evaluate_with(&cases, &ParallelOptions::default(), Learning::Batch);
            assert_eq!(batch.pooled, report.pooled);
            assert!(batch.to_text().contains("(batch)"), "{}", batch.to_text());

            for sub in ["eng", "isl", "gold"] {
                std::fs::create_dir(p.join(sub)).unwrap();
            }
            write("eng/d.txt", "0\tOne.\n1\tTwo.");
            write("isl/d.txt", "0\tEinn.\n1\tTveir.\n");
            write("gold/d.txt", "[0]:[0]\n[1]:[1]\n");
            let cases = parice_set(p).unwrap();
            assert_eq!((cases[0].name.as_str(), cases[0].target_lang), ("d", None));
            assert_eq!(cases[0].source, ["One.", "Two."]);
            assert_eq!(cases[0].gold.len(), 2);

            write("isl/d.txt", "0\tEinn.\n5\tTveir.\n");
            match parice_set(p) {
                Err(Error::Parse { line: 2, .. }) => {}
                other => panic!("expected a parse error on line 2, got {other:?}"),
            }
        }
    }

    #[test]
    fn another_aligners_links_are_scored_like_tandems() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("a.de"), "Eins . \nZwei . \nDrei . \n").unwrap();
        std::fs::write(p.join("a.fr"), "Un . \nDeux . \nTrois . \n").unwrap();
        std::fs::write(p.join("a.defr"), "[0]:[0]\n[1, 2]:[1, 2]\n").unwrap();
        let cases = textberg_set(p, &["a"]).unwrap();
        let links = p.join("links");
        std::fs::create_dir(&links).unwrap();
        // One of the two gold links, and a split of the other: strict 1/3 and 1/2.
        std::fs::write(links.join("a.links"), "[0]:[0]\n[1]:[1]\n[2]:[2]\n").unwrap();
        let report = evaluate_links(&cases, &links).unwrap();
        let expected = score(&[(
            parse_links(Path::new("t"), "[0]:[0]\n[1]:[1]\n[2]:[2]\n").unwrap(),
            cases[0].gold.clone(),
        )]);
        assert_eq!(report.pooled, expected);
        assert!((report.pooled.strict.precision - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(report.pooled.strict.recall, 0.5);
        assert_eq!(report.documents[0].test_links, 3);
        let text = report.to_text();
        assert!(text.contains("not aligned by tandem"), "{text}");

        std::fs::write(links.join("a.links"), "[0]:[0]\n[1]:[7]\n").unwrap();
        let (line, column, msg) = parse_failure(evaluate_links(&cases, &links));
        assert_eq!((line, column), (2, 6));
        assert!(msg.contains("7 is past the end"), "{msg}");
        std::fs::remove_file(links.join("a.links")).unwrap();
        assert!(evaluate_links(&cases, &links).is_err());
    }
}
