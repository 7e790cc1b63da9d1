//! `tandem detect --format json`: one object per document.

use serde::Serialize;

use crate::{Document, Fragment, FragmentLang, Lang};

/// One fragment: `{"start", "end", "text", "lang", "confidence"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FragmentRecord {
    /// First byte, into the input as read.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The fragment as written.
    pub text: String,
    /// Its language code (`es`) or, for other scripts, ISO 15924 code (`Cyrl`).
    pub lang: FragmentLang,
    /// How sure the detector is, 0.5 to 1.0.
    pub confidence: f64,
}

/// A document's fragments: `{"source", "lang", "lang_confidence", "fragments"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DetectedDocument {
    /// The input as the user named it.
    pub source: String,
    /// The document's language.
    pub lang: Lang,
    /// How sure the identification of the document's language is.
    pub lang_confidence: f64,
    /// The fragments in order.
    pub fragments: Vec<FragmentRecord>,
}

impl DetectedDocument {
    /// The record of `doc` and its fragments.
    pub fn new(doc: &Document, fragments: &[Fragment]) -> Self {
        DetectedDocument {
            source: doc.source.clone(),
            lang: doc.lang,
            lang_confidence: (doc.lang_confidence * 100.0).round() / 100.0,
            fragments: fragments
                .iter()
                .map(|f| FragmentRecord {
                    start: f.span.start,
                    end: f.span.end,
                    text: f.span.text(&doc.text).to_string(),
                    lang: f.lang,
                    confidence: f.confidence,
                })
                .collect(),
        }
    }
}
