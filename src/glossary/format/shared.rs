//! Helpers the formats share: text clean-up, model checks, error positions.

use std::collections::HashSet;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::glossary::id::is_id;
use crate::glossary::model::{Concept, Glossary, TermStatus};
use crate::text::floor_char_boundary;
use crate::{Error, LineIndex};

/// Checks what every written format relies on: valid, unique ids; non-empty terms; at
/// most one preferred term and no repeated term per concept and language.
pub(super) fn check_model(glossary: &Glossary) -> std::result::Result<(), String> {
    let mut ids = HashSet::new();
    for concept in &glossary.concepts {
        if !is_id(&concept.id) {
            return Err(format!(
                "invalid concept id '{}': use lowercase ASCII letters, digits and hyphens, \
                 starting with a letter",
                concept.id
            ));
        }
        if !ids.insert(concept.id.as_str()) {
            return Err(format!("duplicate concept id '{}'", concept.id));
        }
        for (lang, terms) in &concept.terms {
            let mut seen = HashSet::new();
            let mut preferred = 0;
            for term in terms {
                let text = clean(&term.text);
                if text.is_empty() {
                    return Err(format!(
                        "concept '{}' has an empty term in {lang}",
                        concept.id
                    ));
                }
                if !seen.insert(text.clone()) {
                    return Err(format!(
                        "concept '{}' lists '{text}' twice in {lang}",
                        concept.id
                    ));
                }
                preferred += usize::from(term.status == TermStatus::Preferred);
            }
            if preferred > 1 {
                return Err(format!(
                    "concept '{}' has {preferred} preferred terms in {lang}",
                    concept.id
                ));
            }
        }
    }
    Ok(())
}

/// NFC-normalised text with every whitespace run (line breaks, tabs) made one space,
/// trimmed: how terms and notes are read from XML and written to tab-separated files.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    nfc(&out)
}

/// NFC-normalised text.
pub(super) fn nfc(text: &str) -> String {
    // Most text is already NFC; the quick check spares the full normalisation.
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// Puts the preferred term of each language first, keeping the others in order.
pub(super) fn preferred_first(concept: &mut Concept) {
    for terms in concept.terms.values_mut() {
        if let Some(i) = terms.iter().position(|t| t.status == TermStatus::Preferred) {
            let preferred = terms.remove(i);
            terms.insert(0, preferred);
        }
    }
}

/// A text being parsed, to turn byte offsets into positioned errors.
pub(super) struct Source<'a> {
    pub(super) path: &'a Path,
    pub(super) text: &'a str,
}

impl Source<'_> {
    /// An error at byte `offset` of the text.
    pub(super) fn error(&self, offset: usize, msg: impl Into<String>) -> Error {
        let (line, column) = self.position(offset);
        Error::Glossary {
            path: self.path.to_path_buf(),
            line,
            column,
            msg: msg.into(),
        }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub(super) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        LineIndex::new(self.text).position(self.text, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_whitespace_and_normalises() {
        assert_eq!(clean("  open\n\t\tcluster "), "open cluster");
        assert_eq!(clean("Se\u{301}rgio"), "Sérgio");
    }
}
