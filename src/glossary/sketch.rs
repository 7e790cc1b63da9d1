//! Small glossaries written inline, for tests.

use std::collections::BTreeMap;

use super::{Concept, EntityType, Glossary, Term};
use crate::Lang;

/// A glossary from `id: lang=term/status | lang=term/status …` lines; a term without a
/// status is preferred. A concept is of type `other` unless its id is followed by one in
/// brackets: `trump (person): en=Donald Trump`.
pub(crate) fn glossary(lines: &[&str]) -> Glossary {
    let concepts = lines
        .iter()
        .map(|line| {
            let (id, rest) = line.split_once(": ").expect("an id");
            let (id, entity_type) = match id.split_once(" (") {
                Some((id, kind)) => {
                    let kind = kind.strip_suffix(')').expect("a type in brackets");
                    (id, kind.parse().expect("an entity type"))
                }
                None => (id, EntityType::Other),
            };
            let mut terms: BTreeMap<Lang, Vec<Term>> = BTreeMap::new();
            for entry in rest.split(" | ") {
                let (lang, term) = entry.split_once('=').expect("lang=term");
                let (text, status) = term.rsplit_once('/').unwrap_or((term, "preferred"));
                terms
                    .entry(lang.parse().expect("a language"))
                    .or_default()
                    .push(Term {
                        text: text.into(),
                        status: status.parse().expect("a status"),
                        note: None,
                    });
            }
            Concept {
                id: id.into(),
                entity_type,
                terms,
                note: None,
            }
        })
        .collect();
    Glossary { concepts }
}
