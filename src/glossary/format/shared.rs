//! Helpers the formats share: ids, text clean-up, model checks, error positions.

use std::collections::HashSet;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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

/// A tandem concept id: lowercase ASCII letters, digits and hyphens, starting with a
/// letter.
pub(super) fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// An id made from any text: diacritics dropped, lowercase ASCII letters and digits,
/// one hyphen for every other run, `c-` in front when it would not start with a letter.
pub(super) fn slug(text: &str) -> String {
    let mut id = String::new();
    for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
        let folded = match c {
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'ø' | 'Ø' => "o",
            'œ' | 'Œ' => "oe",
            _ => "",
        };
        if !folded.is_empty() {
            id.push_str(folded);
        } else if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id.to_string()
    } else if id.is_empty() {
        "c".to_string()
    } else {
        format!("c-{id}")
    }
}

/// `base`, or `base-2`, `base-3` … whichever is not in `taken`; records it as taken.
pub(super) fn unique_id(base: String, taken: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
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
    fn slugs_are_ids() {
        let cases = [
            ("Weißes Haus", "weisses-haus"),
            ("Casa Blanca", "casa-blanca"),
            ("  São Paulo!", "sao-paulo"),
            ("2024 election", "c-2024-election"),
            ("北京", "c"),
            ("C_12", "c-12"),
        ];
        for (text, id) in cases {
            assert_eq!(slug(text), id, "{text}");
            assert!(is_id(&slug(text)), "{text}");
        }
    }

    #[test]
    fn clean_collapses_whitespace_and_normalises() {
        assert_eq!(clean("  open\n\t\tcluster "), "open cluster");
        assert_eq!(clean("Se\u{301}rgio"), "Sérgio");
    }
}
