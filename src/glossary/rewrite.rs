//! Rewriting a text with a glossary: `normalize` replaces deprecated variants with the
//! preferred term of the document's language, `translate` replaces forms of another
//! language ("Casa Blanca" in German text) with it. Every change is reported with its
//! offsets in the original text.

use serde::Serialize;

use super::inflection::fold;
use super::{Glossary, Mention, TermStatus};
use crate::Lang;

/// What a rewrite replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RewriteMode {
    /// Deprecated variants of the document's language.
    Normalize,
    /// Terms of other languages.
    Translate,
}

/// One replacement, with offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The concept's id.
    pub concept: String,
    /// First byte of the replaced text in the original.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text replaced.
    pub from: String,
    /// The text put in.
    pub to: String,
    /// Why: `deprecated` or `foreign-form`.
    pub reason: &'static str,
}

/// A rewritten text and the changes that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rewrite {
    /// The new text.
    pub text: String,
    /// The changes, in text order.
    pub changes: Vec<Change>,
}

/// Whether a mention is a term of another language than the document's, with no term
/// of the document's language written the same way.
pub fn is_foreign_form(mention: &Mention, glossary: &Glossary, lang: Lang) -> bool {
    if mention.lang == lang {
        return false;
    }
    let Some(concept) = glossary.concept(&mention.concept) else {
        return false;
    };
    let own = concept
        .terms
        .get(&lang)
        .map(Vec::as_slice)
        .unwrap_or_default();
    !own.iter().any(|t| fold(&t.text) == fold(&mention.term))
}

/// The replacement for a mention under `mode`, if it needs one: the preferred term of
/// `lang`, keeping an inflection ending the mention's last word has ("Trumps").
pub fn replacement(
    mention: &Mention,
    glossary: &Glossary,
    lang: Lang,
    mode: RewriteMode,
) -> Option<(String, &'static str)> {
    let reason = match mode {
        RewriteMode::Normalize
            if mention.lang == lang && mention.status == TermStatus::Deprecated =>
        {
            "deprecated"
        }
        RewriteMode::Translate if is_foreign_form(mention, glossary, lang) => "foreign-form",
        _ => return None,
    };
    let preferred = glossary.concept(&mention.concept)?.preferred(lang)?;
    let ending = inflection_ending(&mention.text, &mention.term);
    let to = format!("{}{ending}", preferred.text);
    (to != mention.text).then_some((to, reason))
}

/// The ending the text adds to the term's last word ("Trumps" over "Trump" → "s").
fn inflection_ending<'a>(text: &'a str, term: &str) -> &'a str {
    let (Some(text_word), Some(term_word)) = (
        text.split_whitespace().last(),
        term.split_whitespace().last(),
    ) else {
        return "";
    };
    let (folded_text, folded_term) = (fold(text_word), fold(term_word));
    match folded_text.strip_prefix(folded_term.as_str()) {
        Some(ending)
            if !ending.is_empty() && text_word.is_char_boundary(text_word.len() - ending.len()) =>
        {
            &text_word[text_word.len() - ending.len()..]
        }
        _ => "",
    }
}

/// Applies `mode` to `text` (a document in `lang`) given its mentions.
pub fn rewrite(
    text: &str,
    mentions: &[Mention],
    glossary: &Glossary,
    lang: Lang,
    mode: RewriteMode,
) -> Rewrite {
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::new();
    let mut copied = 0;
    for mention in mentions {
        let Some((to, reason)) = replacement(mention, glossary, lang, mode) else {
            continue;
        };
        out.push_str(&text[copied..mention.start]);
        out.push_str(&to);
        copied = mention.end;
        changes.push(Change {
            concept: mention.concept.clone(),
            start: mention.start,
            end: mention.end,
            from: mention.text.clone(),
            to,
            reason,
        });
    }
    out.push_str(&text[copied..]);
    Rewrite { text: out, changes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Matcher;
    use crate::glossary::{Concept, EntityType, Term};
    use std::collections::BTreeMap;

    fn term(text: &str, status: TermStatus) -> Term {
        Term {
            text: text.into(),
            status,
            note: None,
        }
    }

    fn glossary() -> Glossary {
        let mut white_house = BTreeMap::new();
        white_house.insert(Lang::De, vec![term("Weißes Haus", TermStatus::Preferred)]);
        white_house.insert(Lang::Es, vec![term("Casa Blanca", TermStatus::Preferred)]);
        let mut sheinbaum = BTreeMap::new();
        sheinbaum.insert(
            Lang::De,
            vec![
                term("Claudia Sheinbaum", TermStatus::Preferred),
                term("Sheinbaum Pardo", TermStatus::Deprecated),
            ],
        );
        let mut cia = BTreeMap::new();
        cia.insert(Lang::De, vec![term("CIA", TermStatus::Preferred)]);
        cia.insert(Lang::En, vec![term("CIA", TermStatus::Preferred)]);
        Glossary {
            concepts: vec![
                Concept {
                    id: "white-house".into(),
                    entity_type: EntityType::Organisation,
                    terms: white_house,
                    note: None,
                },
                Concept {
                    id: "sheinbaum".into(),
                    entity_type: EntityType::Person,
                    terms: sheinbaum,
                    note: None,
                },
                Concept {
                    id: "cia".into(),
                    entity_type: EntityType::Organisation,
                    terms: cia,
                    note: None,
                },
            ],
        }
    }

    fn run(text: &str, mode: RewriteMode) -> Rewrite {
        let glossary = glossary();
        let mentions = Matcher::new(&glossary).find(text, Lang::De).mentions;
        rewrite(text, &mentions, &glossary, Lang::De, mode)
    }

    #[test]
    fn translate_replaces_foreign_forms_only() {
        let result = run(
            "Die Casa Blanca und die CIA schweigen.",
            RewriteMode::Translate,
        );
        assert_eq!(result.text, "Die Weißes Haus und die CIA schweigen.");
        assert_eq!(result.changes.len(), 1);
        assert_eq!((result.changes[0].start, result.changes[0].end), (4, 15));
        assert_eq!(result.changes[0].reason, "foreign-form");
    }

    #[test]
    fn normalize_replaces_deprecated_variants_and_keeps_endings() {
        let result = run(
            "Sheinbaum Pardos Plan. Sheinbaum Pardo schweigt.",
            RewriteMode::Normalize,
        );
        assert_eq!(
            result.text,
            "Claudia Sheinbaums Plan. Claudia Sheinbaum schweigt."
        );
        assert_eq!(result.changes.len(), 2);
        assert!(result.changes.iter().all(|c| c.reason == "deprecated"));
    }

    #[test]
    fn nothing_to_change_gives_the_same_text() {
        let text = "Claudia Sheinbaum und das Weiße Haus.";
        assert_eq!(run(text, RewriteMode::Normalize).text, text);
        assert_eq!(run(text, RewriteMode::Translate).text, text);
    }

    #[test]
    fn rewriting_twice_changes_nothing_more() {
        let once = run("Die Casa Blanca. Sheinbaum Pardo.", RewriteMode::Translate);
        let twice = run(&once.text, RewriteMode::Translate);
        assert!(twice.changes.is_empty());
    }
}
