//! Segmentation accuracy on golden-rule case files: a JSON array of
//! `{"text", "sentences"}`; a case passes when the trimmed sentences equal the expected
//! list exactly (the measure pySBD and Pragmatic Segmenter report).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{Lang, Result, Segmenter, identify};

/// One gold case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// The input text.
    pub text: String,
    /// The expected sentences.
    pub sentences: Vec<String>,
}

/// A case the segmenter got wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// 0-based position of the case in the file.
    pub index: usize,
    /// The input text.
    pub text: String,
    /// What the gold file expects.
    pub expected: Vec<String>,
    /// What tandem produced.
    pub got: Vec<String>,
}

/// The outcome over a case file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Number of cases.
    pub cases: usize,
    /// Cases segmented exactly as expected.
    pub passed: usize,
    /// `passed / cases` (1.0 for an empty file).
    pub accuracy: f64,
    /// The cases that failed, in file order.
    pub failures: Vec<Failure>,
}

/// Reads a case file (`-` is standard input). A file without cases is an error: it
/// would score 100% and pass any `--min-accuracy`.
pub fn read_cases(path: &Path) -> Result<Vec<Case>> {
    let cases: Vec<Case> = crate::read_json(path)?;
    if cases.is_empty() {
        return Err(crate::Error::NoCases {
            path: path.to_path_buf(),
            what: "no case in the list".into(),
        });
    }
    Ok(cases)
}

/// Segments each case with `lang` (or the language identified per case when `None`) and
/// scores it.
pub fn evaluate(cases: &[Case], lang: Option<Lang>) -> Report {
    let mut failures = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let lang = lang
            .or_else(|| identify(&case.text).map(|g| g.lang))
            .unwrap_or(Lang::En);
        let got: Vec<String> = Segmenter::new(lang)
            .segment(&case.text)
            .iter()
            .map(|s| s.text(&case.text).trim().to_string())
            .collect();
        let expected: Vec<String> = case
            .sentences
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        if got != expected {
            failures.push(Failure {
                index,
                text: case.text.clone(),
                expected,
                got,
            });
        }
    }
    let passed = cases.len() - failures.len();
    Report {
        cases: cases.len(),
        passed,
        accuracy: if cases.is_empty() {
            1.0
        } else {
            passed as f64 / cases.len() as f64
        },
        failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(text: &str, sentences: &[&str]) -> Case {
        Case {
            text: text.into(),
            sentences: sentences.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn counts_passes_and_lists_failures() {
        let cases = [
            case("Eins. Zwei.", &["Eins.", "Zwei."]),
            case("Eins. Zwei.", &["Eins. Zwei."]),
        ];
        let report = evaluate(&cases, Some(Lang::De));
        assert_eq!((report.cases, report.passed), (2, 1));
        assert_eq!(report.accuracy, 0.5);
        assert_eq!(report.failures[0].index, 1);
        assert_eq!(report.failures[0].got, ["Eins.", "Zwei."]);
    }

    #[test]
    fn empty_file_is_perfect() {
        assert_eq!(evaluate(&[], None).accuracy, 1.0);
    }
}
