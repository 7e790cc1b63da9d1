//! The glossary model: concepts (one entity: a person, organisation, place or medium)
//! with, per language, a preferred term and variants.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::Lang;

/// What kind of entity a concept is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person.
    Person,
    /// A government body, company, party, armed group …
    Organisation,
    /// A country, region, city …
    Place,
    /// A newspaper, broadcaster, agency …
    Media,
    /// Anything else.
    Other,
}

/// How a term may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TermStatus {
    /// The form to use in this language (one per concept and language).
    Preferred,
    /// An accepted variant.
    Admitted,
    /// A variant that should be replaced by the preferred term.
    Deprecated,
    /// Proposed by `tandem glossary build`, not yet reviewed.
    Candidate,
}

/// One written form of a concept in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The form as written ("Weißes Haus").
    pub text: String,
    /// How it may be used.
    pub status: TermStatus,
    /// A free-text note, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One entity with its terms in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// Stable id, lowercase with hyphens ("white-house").
    pub id: String,
    /// What kind of entity it is.
    pub entity_type: EntityType,
    /// Terms per language; within a language the preferred term comes first.
    pub terms: BTreeMap<Lang, Vec<Term>>,
    /// A note on the concept, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A set of concepts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glossary {
    /// The concepts in file order; ids are unique.
    pub concepts: Vec<Concept>,
}

impl Concept {
    /// The preferred term in `lang`, or the first term when none is marked preferred.
    pub fn preferred(&self, lang: Lang) -> Option<&Term> {
        let terms = self.terms.get(&lang)?;
        terms
            .iter()
            .find(|t| t.status == TermStatus::Preferred)
            .or_else(|| terms.first())
    }

    /// The term to write in `lang`: the preferred one, else the first admitted one. `None`
    /// where the language has only deprecated terms and candidates, which a text should
    /// never be given (unlike [`Concept::preferred`], which falls back to any first term).
    pub fn recommended(&self, lang: Lang) -> Option<&Term> {
        let terms = self.terms.get(&lang)?;
        let with = |status| terms.iter().find(|t| t.status == status);
        with(TermStatus::Preferred).or_else(|| with(TermStatus::Admitted))
    }

    /// Every term with its language.
    pub fn all_terms(&self) -> impl Iterator<Item = (Lang, &Term)> {
        self.terms
            .iter()
            .flat_map(|(&lang, terms)| terms.iter().map(move |t| (lang, t)))
    }
}

impl Glossary {
    /// The concept with this id. A search through the list: to look up many, use
    /// [`Glossary::index`].
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// The concepts by id, for looking up many (every mention of a text, say).
    pub fn index(&self) -> ConceptIndex<'_> {
        ConceptIndex(self.concepts.iter().map(|c| (c.id.as_str(), c)).collect())
    }

    /// Every term of every concept: (concept, language, term).
    pub fn terms(&self) -> impl Iterator<Item = (&Concept, Lang, &Term)> {
        self.concepts
            .iter()
            .flat_map(|c| c.all_terms().map(move |(lang, t)| (c, lang, t)))
    }
}

/// A glossary's concepts by id, made by [`Glossary::index`].
#[derive(Debug, Clone)]
pub struct ConceptIndex<'a>(FxHashMap<&'a str, &'a Concept>);

impl<'a> ConceptIndex<'a> {
    /// The concept with this id.
    pub fn get(&self, id: &str) -> Option<&'a Concept> {
        self.0.get(id).copied()
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EntityType::Person => "person",
            EntityType::Organisation => "organisation",
            EntityType::Place => "place",
            EntityType::Media => "media",
            EntityType::Other => "other",
        })
    }
}

impl EntityType {
    /// The names a type is written as, for messages.
    pub(crate) const EXPECTED: &str = "person, organisation, place, media or other";
}

impl FromStr for EntityType {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" => Ok(EntityType::Person),
            "organisation" | "organization" => Ok(EntityType::Organisation),
            "place" | "location" => Ok(EntityType::Place),
            "media" => Ok(EntityType::Media),
            "other" | "" => Ok(EntityType::Other),
            other => Err(format!(
                "unknown type '{other}' (expected {})",
                EntityType::EXPECTED
            )),
        }
    }
}

impl fmt::Display for TermStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TermStatus::Preferred => "preferred",
            TermStatus::Admitted => "admitted",
            TermStatus::Deprecated => "deprecated",
            TermStatus::Candidate => "candidate",
        })
    }
}

impl TermStatus {
    /// The names a status is written as, for messages.
    pub(crate) const EXPECTED: &str = "preferred, admitted, deprecated or candidate";
}

impl FromStr for TermStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "preferred" | "preferredterm-admn-sts" => Ok(TermStatus::Preferred),
            "admitted" | "admittedterm-admn-sts" | "" => Ok(TermStatus::Admitted),
            "deprecated" | "deprecatedterm-admn-sts" | "supersededterm-admn-sts" => {
                Ok(TermStatus::Deprecated)
            }
            "candidate" => Ok(TermStatus::Candidate),
            other => Err(format!(
                "unknown status '{other}' (expected {})",
                TermStatus::EXPECTED
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn white_house() -> Concept {
        let mut terms = BTreeMap::new();
        terms.insert(
            Lang::De,
            vec![
                Term {
                    text: "Weißes Haus".into(),
                    status: TermStatus::Preferred,
                    note: None,
                },
                Term {
                    text: "White House".into(),
                    status: TermStatus::Deprecated,
                    note: None,
                },
            ],
        );
        terms.insert(
            Lang::Es,
            vec![Term {
                text: "Casa Blanca".into(),
                status: TermStatus::Admitted,
                note: None,
            }],
        );
        Concept {
            id: "white-house".into(),
            entity_type: EntityType::Organisation,
            terms,
            note: None,
        }
    }

    #[test]
    fn preferred_falls_back_to_first() {
        let concept = white_house();
        assert_eq!(concept.preferred(Lang::De).unwrap().text, "Weißes Haus");
        assert_eq!(concept.preferred(Lang::Es).unwrap().text, "Casa Blanca");
        assert!(concept.preferred(Lang::Fr).is_none());
    }

    #[test]
    fn recommended_is_never_deprecated_or_a_candidate() {
        let term = |text: &str, status| Term {
            text: text.into(),
            status,
            note: None,
        };
        let mut concept = white_house();
        concept.terms.insert(
            Lang::Fr,
            vec![
                term("Maison Blanche", TermStatus::Deprecated),
                term("Maison-Blanche", TermStatus::Candidate),
                term("la Maison Blanche", TermStatus::Admitted),
            ],
        );
        concept
            .terms
            .insert(Lang::It, vec![term("Casa Bianca", TermStatus::Deprecated)]);
        assert_eq!(concept.recommended(Lang::De).unwrap().text, "Weißes Haus");
        assert_eq!(
            concept.recommended(Lang::Fr).unwrap().text,
            "la Maison Blanche"
        );
        assert_eq!(concept.recommended(Lang::It), None);
        assert_eq!(concept.recommended(Lang::Nl), None);
    }

    #[test]
    fn statuses_and_types_parse_tbx_values_too() {
        assert_eq!(
            "deprecatedTerm-admn-sts".parse::<TermStatus>(),
            Ok(TermStatus::Deprecated)
        );
        assert_eq!(
            "Organization".parse::<EntityType>(),
            Ok(EntityType::Organisation)
        );
        assert!("nonsense".parse::<TermStatus>().is_err());
    }
}
