//! Boilerplate detection against hand-annotated articles, line by line: a line counts as
//! found when the cleaner removes it as boilerplate or as a whole line of stray
//! metadata; precision, recall and F1 over the non-blank lines of every document.
//!
//! A gold file is JSON:
//!
//! ```json
//! {"description": "…",
//!  "documents": [{"path": "articles/de_rente.txt", "lang": "de",
//!                 "boilerplate": [{"line": 3, "text": "Lesezeit: 3 Minuten"}]}]}
//! ```
//!
//! `path` is relative to the gold file; `line` is 1-based; `text` is the beginning of
//! the line (trimmed), checked when the file is read so that an annotation cannot drift
//! from its document.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::clean::{Cleaner, Rule};
use crate::{Document, DocumentOptions, Error, Lang, LineIndex, Result, read_path};

/// A gold file as written.
#[derive(Debug, Clone, Deserialize)]
struct GoldFile {
    #[allow(dead_code)] // for people reading the file
    #[serde(default)]
    description: String,
    documents: Vec<GoldDocument>,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldDocument {
    path: PathBuf,
    #[serde(default)]
    lang: Option<Lang>,
    boilerplate: Vec<GoldLine>,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldLine {
    line: usize,
    text: String,
}

/// One annotated document.
#[derive(Debug, Clone)]
pub struct Case {
    /// The document, read from its file.
    pub doc: Document,
    /// Its boilerplate lines, 1-based.
    pub boilerplate: BTreeSet<usize>,
}

/// Reads a gold file (`-` is standard input) and the documents it names, whose paths
/// are relative to the gold file's folder (to the current folder for standard input).
pub fn read_gold(path: &Path) -> Result<Vec<Case>> {
    let gold_text = crate::read_input(path)?.text;
    let gold: GoldFile = crate::text::parse_json(path, &gold_text)?;
    // Without documents, every score is 0 and says nothing.
    if gold.documents.is_empty() {
        return Err(Error::Gold {
            path: path.to_path_buf(),
            msg: "nothing to score: \"documents\" is empty".into(),
        });
    }
    let folder = path.parent().unwrap_or(Path::new(""));
    let mut cases = Vec::new();
    for document in gold.documents {
        let file = folder.join(&document.path);
        // A document that cannot be read is the gold file's error: it names it.
        let input = read_path(&file).map_err(|e| {
            let named = serde_json::to_string(&document.path.to_string_lossy())
                .expect("a string serialises");
            let at = gold_text.find(&named).unwrap_or(0);
            let (line, column) = LineIndex::new(&gold_text).position(&gold_text, at);
            Error::Parse {
                path: path.to_path_buf(),
                line,
                column,
                msg: format!("cannot read the document it names: {e}"),
            }
        })?;
        let doc = Document::new(
            &file.display().to_string(),
            input.text,
            DocumentOptions {
                lang: document.lang,
            },
        );
        let lines: Vec<&str> = crate::text::lines(&doc.text)
            .map(|line| line.text(&doc.text))
            .collect();
        let mut boilerplate = BTreeSet::new();
        for annotated in &document.boilerplate {
            let found = annotated
                .line
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .map(|l| l.trim_start_matches('\u{feff}').trim());
            if !found.is_some_and(|l| !l.is_empty() && l.starts_with(annotated.text.trim())) {
                return Err(Error::Parse {
                    path: file,
                    line: annotated.line,
                    column: 1,
                    msg: format!(
                        "{} annotates this line as {:?}, but it reads {:?}",
                        path.display(),
                        annotated.text,
                        found.unwrap_or("(no such line)")
                    ),
                });
            }
            boilerplate.insert(annotated.line);
        }
        cases.push(Case { doc, boilerplate });
    }
    Ok(cases)
}

/// Precision, recall and F1 of one set of lines.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Non-blank lines.
    pub lines: usize,
    /// Lines annotated as boilerplate.
    pub gold: usize,
    /// Lines the cleaner removes.
    pub predicted: usize,
    /// Lines both.
    pub true_positives: usize,
    /// `true_positives / predicted` (1.0 when nothing is predicted).
    pub precision: f64,
    /// `true_positives / gold` (1.0 when nothing is annotated).
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
}

impl Score {
    fn add(&mut self, lines: usize, gold: usize, predicted: usize, true_positives: usize) {
        self.lines += lines;
        self.gold += gold;
        self.predicted += predicted;
        self.true_positives += true_positives;
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.true_positives, self.predicted);
        self.recall = ratio(self.true_positives, self.gold);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
    }
}

/// A line the cleaner got wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    /// The document.
    pub source: String,
    /// 1-based line.
    pub line: usize,
    /// The line's text.
    pub text: String,
}

/// The outcome over a gold file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Number of documents.
    pub documents: usize,
    /// Over all documents.
    pub total: Score,
    /// By document language.
    pub by_lang: BTreeMap<String, Score>,
    /// Lines removed that are article text.
    pub false_positives: Vec<LineError>,
    /// Boilerplate lines kept.
    pub missed: Vec<LineError>,
}

/// The cleaner the evaluation runs: boilerplate and stray metadata only.
pub fn boilerplate_cleaner() -> Cleaner {
    Rule::ALL
        .into_iter()
        .filter(|r| !matches!(r, Rule::Boilerplate | Rule::StrayMetadata))
        .fold(Cleaner::builder(), |builder, rule| builder.disable(rule))
        .build()
}

/// The 1-based lines of `doc` that `cleaner` removes as boilerplate or as whole lines of
/// stray metadata.
pub fn removed_lines(cleaner: &Cleaner, doc: &Document) -> BTreeSet<usize> {
    let index = LineIndex::new(&doc.text);
    cleaner
        .findings(doc)
        .into_iter()
        .filter(|f| {
            let whole_line = || {
                let span = index.line_span(&doc.text, f.start);
                doc.text[span].trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                    == f.text
            };
            f.rule == Rule::Boilerplate.id() || (f.rule == Rule::StrayMetadata.id() && whole_line())
        })
        .map(|f| index.position(&doc.text, f.start).0)
        .collect()
}

/// Scores `cleaner` on the cases.
pub fn evaluate(cleaner: &Cleaner, cases: &[Case]) -> Report {
    let mut total = Score::default();
    let mut by_lang: BTreeMap<String, Score> = BTreeMap::new();
    let mut false_positives = Vec::new();
    let mut missed = Vec::new();
    for case in cases {
        let doc = &case.doc;
        let predicted = removed_lines(cleaner, doc);
        let texts: Vec<&str> = doc.text.lines().collect();
        let lines = texts.iter().filter(|l| !l.trim().is_empty()).count();
        let hits = predicted.intersection(&case.boilerplate).count();
        total.add(lines, case.boilerplate.len(), predicted.len(), hits);
        by_lang.entry(doc.lang.code().to_string()).or_default().add(
            lines,
            case.boilerplate.len(),
            predicted.len(),
            hits,
        );
        let error = |line: usize| LineError {
            source: doc.source.clone(),
            line,
            text: texts.get(line - 1).map_or("", |t| t.trim()).to_string(),
        };
        false_positives.extend(predicted.difference(&case.boilerplate).map(|&l| error(l)));
        missed.extend(case.boilerplate.difference(&predicted).map(|&l| error(l)));
    }
    Report {
        documents: cases.len(),
        total,
        by_lang,
        false_positives,
        missed,
    }
}

impl Report {
    /// The report for people: the scores, then the lines got wrong.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let line = |out: &mut String, name: &str, s: &Score| {
            let _ = writeln!(
                out,
                "{name}: precision {:.3} ({}/{}), recall {:.3} ({}/{}), F1 {:.3}  [{} lines, {} boilerplate]",
                s.precision,
                s.true_positives,
                s.predicted,
                s.recall,
                s.true_positives,
                s.gold,
                s.f1,
                s.lines,
                s.gold
            );
        };
        line(
            &mut out,
            &format!("{} documents", self.documents),
            &self.total,
        );
        for (lang, score) in &self.by_lang {
            line(&mut out, &format!("  {lang}"), score);
        }
        for (title, errors) in [
            (
                "false positives (article text removed)",
                &self.false_positives,
            ),
            ("missed (boilerplate kept)", &self.missed),
        ] {
            if errors.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{title}:");
            for e in errors {
                let _ = writeln!(out, "  {}:{}: {}", e.source, e.line, e.text);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(text: &str, boilerplate: &[usize]) -> Case {
        Case {
            doc: Document::new(
                "t.txt",
                text.to_string(),
                DocumentOptions {
                    lang: Some(Lang::De),
                },
            ),
            boilerplate: boilerplate.iter().copied().collect(),
        }
    }

    #[test]
    fn scores_lines() {
        let cases = [case(
            "Titel\n\nDie Regierung hat am Montag ein Gesetz beschlossen.\n\nLesen Sie auch: Neues\nHintergrund und mehr Text hier.\nTags: Politik, Recht\n",
            &[5, 6, 7],
        )];
        let report = evaluate(&boilerplate_cleaner(), &cases);
        assert_eq!(report.total.lines, 5);
        assert_eq!(report.total.predicted, 2);
        assert_eq!(report.total.true_positives, 2);
        assert_eq!(report.total.precision, 1.0);
        assert!((report.total.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(report.missed[0].line, 6);
        assert!(report.to_text().contains("missed"));
    }

    #[test]
    fn a_drifted_annotation_is_an_error() {
        let dir = std::env::temp_dir().join(format!("tandem-eval-clean-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "Titel\nLesen Sie auch\n").unwrap();
        std::fs::write(
            dir.join("gold.json"),
            r#"{"documents": [{"path": "a.txt", "boilerplate": [{"line": 1, "text": "Lesen Sie auch"}]}]}"#,
        )
        .unwrap();
        let error = read_gold(&dir.join("gold.json")).unwrap_err().to_string();
        assert!(error.contains("a.txt:1:1"), "{error}");
        std::fs::write(
            dir.join("gold.json"),
            r#"{"documents": [{"path": "a.txt", "boilerplate": [{"line": 2, "text": "Lesen Sie"}]}]}"#,
        )
        .unwrap();
        let cases = read_gold(&dir.join("gold.json")).unwrap();
        assert_eq!(cases[0].boilerplate, BTreeSet::from([2]));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_document_that_cannot_be_read_is_an_error_of_the_gold_file() {
        let dir = tempfile::tempdir().unwrap();
        let gold = dir.path().join("gold.json");
        std::fs::write(
            &gold,
            "{\"documents\": [\n  {\"path\": \"missing.txt\", \"boilerplate\": []}]}",
        )
        .unwrap();
        let error = read_gold(&gold).unwrap_err().to_string();
        let expected = format!(
            "{}:2:12: cannot read the document it names: {}: ",
            gold.display(),
            dir.path().join("missing.txt").display()
        );
        assert!(error.starts_with(&expected), "{error}");
    }
}
