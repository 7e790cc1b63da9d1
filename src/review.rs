//! The whole chain on a set of articles, as `tandem review` runs it: clean each document
//! (foreign fragments, boilerplate, duplicates, glossary problems …), find its glossary
//! entities, align the documents (comparable, or parallel for a source and its
//! translation), diff every group, and gather what the review page marks.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::Document;
use crate::align::{self, ComparableOptions, ParallelOptions, Progress, Stage};
use crate::clean::Cleaner;
use crate::diff::{self, DiffOptions, DiffReport};
use crate::export::{Alignment, AlignmentMode, Annotation, AnnotationKind, Finding};
use crate::glossary::{Glossary, Matcher};

/// How to review.
#[derive(Debug, Clone, Default)]
pub struct ReviewOptions {
    /// How the documents relate; `None` chooses as [`align::default_mode`] does.
    pub mode: Option<AlignmentMode>,
    /// Comparable alignment options.
    pub comparable: ComparableOptions,
}

/// The findings of one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocumentFindings {
    /// The input as named.
    pub source: String,
    /// Its language.
    pub lang: crate::Lang,
    /// The findings, by position.
    pub findings: Vec<Finding>,
}

/// What a review produces.
#[derive(Debug, Clone)]
pub struct Review {
    /// The alignment of the documents.
    pub alignment: Alignment,
    /// Every group's diff.
    pub diff: DiffReport,
    /// Per document, in input order, what cleaning found.
    pub findings: Vec<DocumentFindings>,
    /// Foreign fragments, entities and findings for the review page.
    pub annotations: Vec<Annotation>,
}

impl Review {
    /// How many findings there are of each rule.
    pub fn findings_by_rule(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for finding in self.findings.iter().flat_map(|d| &d.findings) {
            *counts.entry(finding.rule.as_str()).or_insert(0) += 1;
        }
        counts
    }
}

/// Why a review cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReviewError {
    /// Parallel mode needs a source and a translation.
    #[error("parallel review takes exactly two documents, a source and its translation; got {0}")]
    ParallelNeedsTwo(usize),
}

/// Reviews `docs` (whose ids must be distinct: see [`align::distinct_ids`]).
/// `progress` is called as [`align::align_comparable`] calls it, with
/// [`Stage::Features`] also counting the documents cleaned.
pub fn review(
    docs: &[Document],
    glossary: Option<&Glossary>,
    options: &ReviewOptions,
    progress: Progress<'_>,
) -> Result<Review, ReviewError> {
    let mode = options.mode.unwrap_or_else(|| align::default_mode(docs));
    if mode == AlignmentMode::Parallel && docs.len() != 2 {
        return Err(ReviewError::ParallelNeedsTwo(docs.len()));
    }
    let mut cleaner = Cleaner::builder();
    if let Some(glossary) = glossary {
        cleaner = cleaner.glossary(glossary);
    }
    let cleaner = cleaner.build();
    let matcher = glossary.map(Matcher::new);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let per_doc: Vec<(DocumentFindings, Vec<Annotation>)> = docs
        .par_iter()
        .map(|doc| {
            let findings = cleaner.findings(doc);
            let mut annotations = annotations_of(doc, &findings);
            if let Some(matcher) = &matcher {
                for mention in matcher.find(&doc.text, doc.lang).mentions {
                    annotations.push(Annotation::entity(&doc.id, &mention, 0));
                }
            }
            let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(Stage::Features, finished, docs.len());
            let record = DocumentFindings {
                source: doc.source.clone(),
                lang: doc.lang,
                findings,
            };
            (record, annotations)
        })
        .collect();
    let (findings, annotations): (Vec<_>, Vec<_>) = per_doc.into_iter().unzip();
    let alignment = match (mode, docs) {
        (AlignmentMode::Parallel, [source, target]) => {
            let mut parallel = ParallelOptions::default();
            if let Some(glossary) = glossary {
                parallel.glossary_pairs = align::glossary_pairs(glossary, source.lang, target.lang);
            }
            align::align_pair(source, target, &parallel)
        }
        _ => {
            let groups = align::align_comparable(docs, glossary, &options.comparable, progress);
            align::comparable_alignment(docs, &groups)
        }
    };
    let diff = diff::diff_alignment(&alignment, glossary, &DiffOptions::default());
    Ok(Review {
        alignment,
        diff,
        findings,
        annotations: annotations.into_iter().flatten().collect(),
    })
}

/// The page marks of a document's findings: foreign fragments as such, the rest as
/// findings.
fn annotations_of(doc: &Document, findings: &[Finding]) -> Vec<Annotation> {
    findings
        .iter()
        .map(|f| Annotation {
            doc: doc.id.clone(),
            start: f.start,
            end: f.end,
            kind: if f.rule == "foreign-fragment" {
                AnnotationKind::Foreign
            } else {
                AnnotationKind::Finding
            },
            label: format!("{}: {}", f.rule, f.message),
        })
        .collect()
}
