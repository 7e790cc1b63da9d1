//! `tandem segment --format json`: one object per document.

use serde::{Deserialize, Serialize};

use crate::{Document, Lang};

/// One sentence with its position and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// 0-based position in the document.
    pub index: usize,
    /// First byte, into the input as read.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The sentence as written.
    pub text: String,
}

/// A document's sentences: `{"source", "lang", "sentences": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentedDocument {
    /// The input as the user named it.
    pub source: String,
    /// The document's language.
    pub lang: Lang,
    /// The sentences in order.
    pub sentences: Vec<SentenceRecord>,
}

impl SentenceRecord {
    /// The records of every sentence of `doc`.
    pub fn all(doc: &Document) -> Vec<SentenceRecord> {
        doc.sentences
            .iter()
            .enumerate()
            .map(|(index, span)| SentenceRecord {
                index,
                start: span.start,
                end: span.end,
                text: span.text(&doc.text).to_string(),
            })
            .collect()
    }
}

impl From<&Document> for SegmentedDocument {
    fn from(doc: &Document) -> Self {
        SegmentedDocument {
            source: doc.source.clone(),
            lang: doc.lang,
            sentences: SentenceRecord::all(doc),
        }
    }
}
