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

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write;
use std::path::Path;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::align::parallel::{
    Bead, PairText, ParallelOptions, align_parallel, align_parallel_batch,
};
use crate::text::strip_bom;
use crate::{Error, Lang, Result, read_path};

/// One alignment link: source sentence ids and target sentence ids (either may be
/// empty).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    /// Source sentence ids, 0-based.
    pub source: Vec<usize>,
    /// Target sentence ids, 0-based.
    pub target: Vec<usize>,
}

impl Link {
    /// The link as written in gold files: `[0, 1]:[2]`.
    pub fn to_line(&self) -> String {
        let side = |ids: &[usize]| {
            let ids: Vec<String> = ids.iter().map(usize::to_string).collect();
            format!("[{}]", ids.join(", "))
        };
        format!("{}:{}", side(&self.source), side(&self.target))
    }
}

/// The links of aligned beads.
pub fn links_from_beads(beads: &[Bead]) -> Vec<Link> {
    beads
        .iter()
        .map(|b| Link {
            source: b.source.clone(),
            target: b.target.clone(),
        })
        .collect()
}

/// Reads a gold (or test) link file.
pub fn read_links(path: &Path) -> Result<Vec<Link>> {
    parse_links(path, &read_path(path)?.text)
}

/// Parses links, one per line; blank lines are skipped. `path` names the input in
/// errors.
pub fn parse_links(path: &Path, text: &str) -> Result<Vec<Link>> {
    parse_links_within(path, text, None)
}

/// How many sentences the two sides of a gold file have, and the files that hold them,
/// for the message when a link points past the end.
struct Sides<'a> {
    source: (usize, &'a Path),
    target: (usize, &'a Path),
}

/// Reads a gold link file whose links refer to `sides`: in a link with sentences on both
/// sides, an id past the end of its side is an error at its line and column (the link
/// would be scored as one nothing can ever match, without a word). A link with an empty
/// side is never scored and cannot change a score, so an id past the end there is let
/// through: the ParIce gold `u_1.txt` has one (`[41]:[]` for 41 English sentences).
fn read_gold(path: &Path, sides: &Sides) -> Result<Vec<Link>> {
    parse_links_within(path, &read_path(path)?.text, Some(sides))
}

/// [`parse_links`], with every id checked against `sides` when given.
fn parse_links_within(path: &Path, text: &str, sides: Option<&Sides>) -> Result<Vec<Link>> {
    let mut links = Vec::new();
    for (k, line) in strip_bom(text).lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let error = |(column, msg)| Error::Parse {
            path: path.to_path_buf(),
            line: k + 1,
            column,
            msg,
        };
        let (source, target) = parse_link(line).map_err(error)?;
        if let Some(sides) = sides
            && !source.is_empty()
            && !target.is_empty()
        {
            check_ids(&source, sides.source).map_err(error)?;
            check_ids(&target, sides.target).map_err(error)?;
        }
        links.push(Link {
            source: source.into_iter().map(|(id, _)| id).collect(),
            target: target.into_iter().map(|(id, _)| id).collect(),
        });
    }
    Ok(links)
}

/// Refuses an id at or past `len`, the number of sentences in `file`.
fn check_ids(
    ids: &[(usize, usize)],
    (len, file): (usize, &Path),
) -> std::result::Result<(), LineError> {
    match ids.iter().find(|&&(id, _)| id >= len) {
        Some(&(id, column)) => Err((
            column,
            format!(
                "sentence id {id} is past the end: {} has {len} sentences",
                file.display()
            ),
        )),
        None => Ok(()),
    }
}

/// A parse failure: 1-based column (in characters) and message.
type LineError = (usize, String);

/// Sentence ids, each with its 1-based column (in characters) for messages.
type PlacedIds = Vec<(usize, usize)>;

/// Reads one `[ids]:[ids]` line.
fn parse_link(line: &str) -> std::result::Result<(PlacedIds, PlacedIds), LineError> {
    let chars: Vec<char> = line.chars().collect();
    let mut pos = 0;
    let source = parse_side(&chars, &mut pos)?;
    skip_spaces(&chars, &mut pos);
    expect(&chars, &mut pos, ':')?;
    let target = parse_side(&chars, &mut pos)?;
    skip_spaces(&chars, &mut pos);
    if pos < chars.len() {
        return Err((
            pos + 1,
            format!("unexpected '{}' after the link", chars[pos]),
        ));
    }
    Ok((source, target))
}

fn skip_spaces(chars: &[char], pos: &mut usize) {
    while chars.get(*pos).is_some_and(|c| c.is_whitespace()) {
        *pos += 1;
    }
}

fn expect(chars: &[char], pos: &mut usize, want: char) -> std::result::Result<(), LineError> {
    match chars.get(*pos) {
        Some(&c) if c == want => {
            *pos += 1;
            Ok(())
        }
        Some(&c) => Err((*pos + 1, format!("expected '{want}', found '{c}'"))),
        None => Err((*pos + 1, format!("expected '{want}', found end of line"))),
    }
}

/// Reads `[1, 2]` (or `[]`) at `pos`, leading spaces allowed.
fn parse_side(chars: &[char], pos: &mut usize) -> std::result::Result<PlacedIds, LineError> {
    skip_spaces(chars, pos);
    expect(chars, pos, '[')?;
    let mut ids = Vec::new();
    skip_spaces(chars, pos);
    if chars.get(*pos) == Some(&']') {
        *pos += 1;
        return Ok(ids);
    }
    loop {
        skip_spaces(chars, pos);
        let start = *pos;
        while chars.get(*pos).is_some_and(char::is_ascii_digit) {
            *pos += 1;
        }
        if start == *pos {
            let found = chars
                .get(*pos)
                .map_or("end of line".to_string(), |c| format!("'{c}'"));
            return Err((start + 1, format!("expected a sentence id, found {found}")));
        }
        let digits: String = chars[start..*pos].iter().collect();
        let id = digits
            .parse()
            .map_err(|_| (start + 1, format!("sentence id {digits} is too large")))?;
        ids.push((id, start + 1));
        skip_spaces(chars, pos);
        match chars.get(*pos) {
            Some(',') => *pos += 1,
            Some(']') => {
                *pos += 1;
                return Ok(ids);
            }
            Some(&c) => return Err((*pos + 1, format!("expected ',' or ']', found '{c}'"))),
            None => return Err((*pos + 1, "expected ']', found end of line".to_string())),
        }
    }
}

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

/// One document pair with its gold alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairCase {
    /// The document's name (`test0`, `s_1` …).
    pub name: String,
    /// Source sentences, one per line as read.
    pub source: Vec<String>,
    /// Target sentences.
    pub target: Vec<String>,
    /// The source language, if tandem knows it.
    pub source_lang: Option<Lang>,
    /// The target language, if tandem knows it.
    pub target_lang: Option<Lang>,
    /// The gold links.
    pub gold: Vec<Link>,
}

/// Reads Text+Berg documents from `dir`: `<name>.de`, `<name>.fr` (one sentence per
/// line) and `<name>.defr` (gold links), German as the source.
pub fn textberg_set(dir: &Path, names: &[&str]) -> Result<Vec<PairCase>> {
    names
        .iter()
        .map(|name| {
            let file = |ext: &str| dir.join(format!("{name}.{ext}"));
            let lines = |path: &Path| -> Result<Vec<String>> {
                let text = read_path(path)?.text;
                Ok(strip_bom(&text).lines().map(str::to_string).collect())
            };
            let (de, fr) = (file("de"), file("fr"));
            let source = lines(&de)?;
            let target = lines(&fr)?;
            let sides = Sides {
                source: (source.len(), &de),
                target: (target.len(), &fr),
            };
            Ok(PairCase {
                name: name.to_string(),
                gold: read_gold(&file("defr"), &sides)?,
                source,
                target,
                source_lang: Some(Lang::De),
                target_lang: Some(Lang::Fr),
            })
        })
        .collect()
}

/// The Text+Berg test documents, `test0` to `test6`.
pub const TEXTBERG_TEST: [&str; 7] = [
    "test0", "test1", "test2", "test3", "test4", "test5", "test6",
];

/// The Text+Berg development document, the only one to tune on.
pub const TEXTBERG_DEV: [&str; 1] = ["dev"];

/// Reads the ParIce documents of `dir`: every `<doc>.txt` of `eng/` (the source),
/// `isl/` and `gold/`, whose sentence lines are `<index>\t<sentence>`. A document
/// missing from any of the three is an error: dropping it would change the score
/// without a word. Icelandic is not a tandem language, so the target language is `None`.
pub fn parice_set(dir: &Path) -> Result<Vec<PairCase>> {
    let (eng, isl, gold) = (dir.join("eng"), dir.join("isl"), dir.join("gold"));
    let mut names = BTreeSet::new();
    for folder in [&eng, &isl, &gold] {
        names.extend(txt_stems(folder)?);
    }
    names
        .into_iter()
        .map(|name| {
            let file = format!("{name}.txt");
            let (source_path, target_path) = (eng.join(&file), isl.join(&file));
            let gold_path = gold.join(&file);
            if !gold_path.is_file() {
                return Err(Error::Gold {
                    path: gold_path,
                    msg: format!("missing: document {name} has sentences but no gold links"),
                });
            }
            let source = indexed_lines(&source_path)?;
            let target = indexed_lines(&target_path)?;
            let sides = Sides {
                source: (source.len(), &source_path),
                target: (target.len(), &target_path),
            };
            Ok(PairCase {
                gold: read_gold(&gold_path, &sides)?,
                source,
                target,
                source_lang: Some(Lang::En),
                target_lang: None,
                name,
            })
        })
        .collect()
}

/// The stems of the `*.txt` files in `folder`.
fn txt_stems(folder: &Path) -> Result<BTreeSet<String>> {
    let io = |source| Error::Io {
        path: folder.to_path_buf(),
        source,
    };
    let mut stems = BTreeSet::new();
    for entry in std::fs::read_dir(folder).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "txt")
            && let Some(stem) = path.file_stem()
        {
            stems.insert(stem.to_string_lossy().into_owned());
        }
    }
    Ok(stems)
}

/// Reads lines `<index>\t<sentence>` and returns the sentences; the index must be the
/// line's 0-based position.
fn indexed_lines(path: &Path) -> Result<Vec<String>> {
    let input = read_path(path)?;
    let mut sentences = Vec::new();
    for (k, line) in strip_bom(&input.text).lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let error = |column: usize, msg: String| Error::Parse {
            path: path.to_path_buf(),
            line: k + 1,
            column,
            msg,
        };
        let Some((index, sentence)) = line.split_once('\t') else {
            return Err(error(1, "expected '<index>\\t<sentence>'".to_string()));
        };
        if index.trim().parse::<usize>().ok() != Some(sentences.len()) {
            let msg = format!("expected index {}, found '{index}'", sentences.len());
            return Err(error(1, msg));
        }
        sentences.push(sentence.to_string());
    }
    Ok(sentences)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<Link> {
        parse_links(Path::new("t"), text).unwrap()
    }

    fn link(source: &[usize], target: &[usize]) -> Link {
        Link {
            source: source.to_vec(),
            target: target.to_vec(),
        }
    }

    fn parse_error(text: &str) -> (usize, usize, String) {
        parse_failure(parse_links(Path::new("gold.txt"), text))
    }

    /// The line, column and message of a parse error.
    fn parse_failure<T: std::fmt::Debug>(result: Result<T>) -> (usize, usize, String) {
        match result {
            Err(Error::Parse {
                line, column, msg, ..
            }) => (line, column, msg),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn parses_links_with_empty_sides_and_blank_lines() {
        assert_eq!(
            links("[0, 1]:[2]\n\n[]:[3]\n[2]:[]\n [4] : [ 5 ,6 ] \r\n"),
            [
                link(&[0, 1], &[2]),
                link(&[], &[3]),
                link(&[2], &[]),
                link(&[4], &[5, 6])
            ]
        );
        assert_eq!(link(&[0, 1], &[]).to_line(), "[0, 1]:[]");
    }

    #[test]
    fn parse_errors_name_line_and_column() {
        let (line, column, msg) = parse_error("[0]:[0]\n[1]:[x]\n");
        assert_eq!((line, column), (2, 6));
        assert!(msg.contains("sentence id"), "{msg}");
        assert_eq!(parse_error("[0]-[0]").1, 4);
        assert_eq!(parse_error("[0, 1:[2]").1, 6);
        assert_eq!(parse_error("[0]:[2").1, 7);
        assert_eq!(parse_error("[0]:[2] x").1, 9);
        let err = parse_links(Path::new("gold.txt"), "0:0").unwrap_err();
        assert_eq!(err.to_string(), "gold.txt:1:1: expected '[', found '0'");
    }

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

    #[test]
    fn gold_ids_past_the_end_of_a_document_name_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("a.de"), "Eins . \nZwei . \n").unwrap();
        std::fs::write(p.join("a.fr"), "Un . \nDeux . \n").unwrap();
        std::fs::write(p.join("a.defr"), "[0]:[0]\n[1]:[9999]\n").unwrap();
        let (line, column, msg) = parse_failure(textberg_set(p, &["a"]));
        assert_eq!((line, column), (2, 6));
        assert!(
            msg.contains("9999 is past the end") && msg.contains("a.fr has 2"),
            "{msg}"
        );
        // An empty document with gold links to it.
        std::fs::write(p.join("a.defr"), "[0]:[0]\n").unwrap();
        std::fs::write(p.join("a.de"), "").unwrap();
        let (line, column, msg) = parse_failure(textberg_set(p, &["a"]));
        assert_eq!((line, column), (1, 2));
        assert!(msg.contains("a.de has 0 sentences"), "{msg}");
        // A link with an empty side is never scored: let through, as ParIce needs.
        std::fs::write(p.join("a.defr"), "[5]:[]\n").unwrap();
        assert_eq!(textberg_set(p, &["a"]).unwrap()[0].gold.len(), 1);

        for sub in ["eng", "isl", "gold"] {
            std::fs::create_dir(p.join(sub)).unwrap();
        }
        std::fs::write(p.join("eng/d.txt"), "0\tOne.\n1\tTwo.\n").unwrap();
        std::fs::write(p.join("isl/d.txt"), "0\tEinn.\n1\tTveir.\n").unwrap();
        std::fs::write(p.join("gold/d.txt"), "[0]:[0]\n[1, 2]:[1]\n").unwrap();
        let (line, column, msg) = parse_failure(parice_set(p));
        assert_eq!((line, column), (2, 5));
        assert!(msg.contains("eng/d.txt has 2"), "{msg}");
    }

    #[test]
    fn a_parice_document_without_gold_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        for sub in ["eng", "isl", "gold"] {
            std::fs::create_dir(p.join(sub)).unwrap();
        }
        for name in ["d", "e"] {
            std::fs::write(p.join(format!("eng/{name}.txt")), "0\tOne.\n").unwrap();
            std::fs::write(p.join(format!("isl/{name}.txt")), "0\tEinn.\n").unwrap();
        }
        std::fs::write(p.join("gold/d.txt"), "[0]:[0]\n").unwrap();
        match parice_set(p) {
            Err(Error::Gold { path, msg }) => {
                assert_eq!(path, p.join("gold/e.txt"));
                assert!(msg.contains("document e has sentences"), "{msg}");
            }
            other => panic!("expected a missing gold error, got {other:?}"),
        }
    }
}
