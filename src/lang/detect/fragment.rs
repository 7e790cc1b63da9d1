//! A detected fragment: a span of text in a language other than the document's.

use std::fmt;

use serde::{Serialize, Serializer};
use unicode_script::Script;

use crate::{Lang, Span};

/// The language of a fragment: one of tandem's languages, or a script other than Latin
/// when the language itself is not one tandem models.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FragmentLang {
    /// A supported language.
    Lang(Lang),
    /// A non-Latin script, shown as its ISO 15924 code (`Cyrl`, `Grek`, `Hani` …).
    Script(Script),
}

impl fmt::Display for FragmentLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FragmentLang::Lang(lang) => f.write_str(lang.code()),
            FragmentLang::Script(script) => f.write_str(script.short_name()),
        }
    }
}

impl Serialize for FragmentLang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A span of foreign text.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// Where it is, in bytes of the input as read.
    pub span: Span,
    /// Its language.
    pub lang: FragmentLang,
    /// How sure the detector is, 0.5 to 1.0.
    pub confidence: f64,
}
