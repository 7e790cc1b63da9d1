//! tandem: mixed-language detection, entity glossaries, sentence alignment and review
//! diffs for multilingual news text.
//!
//! Every span tandem reports is a byte range into the input exactly as it was read, so
//! `&input[span.start..span.end]` is always the reported text.
//!
//! ```
//! use tandem::{Document, DocumentOptions, Lang};
//!
//! let text = "Die USA drängen Mexiko. Die Regierung von Sheinbaum lehnt das ab.";
//! let doc = Document::new("article.txt", text.to_string(), DocumentOptions::default());
//! assert_eq!(doc.lang, Lang::De);
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.sentences[1].text(&doc.text), "Die Regierung von Sheinbaum lehnt das ab.");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

pub mod align;
pub mod clean;
pub mod diff;
mod error;
pub mod eval;
pub mod export;
pub mod glossary;
mod lang;
pub mod review;
mod text;

pub use error::{Error, Result};
pub use lang::{
    Detection, Detector, DetectorBuilder, Fragment, FragmentLang, Lang, LangGuess, detect, identify,
};
pub use text::sentences::{Segmenter, segment};
pub use text::{
    Document, DocumentOptions, Input, LineIndex, MAX_INPUT_BYTES, STDIN_NAME, Span, Token,
    parse_json, read_input, read_json, read_path, read_stdin, words,
};

/// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
