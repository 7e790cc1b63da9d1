//! The alignment document of DESIGN.md (version 1): documents with their sentences, and
//! groups of sentences that say the same thing. Written by `tandem align`, read by
//! `tandem diff`, `tandem export` and `tandem glossary build`.

use serde::{Deserialize, Serialize};

use super::SentenceRecord;
use crate::Lang;

/// How the documents relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AlignmentMode {
    /// Several outlets in one language: any order, N-way groups.
    Comparable,
    /// A source and its translation: ordered beads of exactly two members.
    Parallel,
}

/// One aligned document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedDocument {
    /// Its id (the file stem).
    pub id: String,
    /// The input as named.
    pub source: String,
    /// Its language.
    pub lang: Lang,
    /// Every sentence, in order.
    pub sentences: Vec<SentenceRecord>,
}

/// The sentences of one document in a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The document's id.
    pub doc: String,
    /// Indices of its sentences in the group (may be empty on one side of a parallel
    /// bead).
    pub sentences: Vec<usize>,
}

/// Sentences of several documents that report the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Position of the group.
    pub id: usize,
    /// How similar the members are, 0 to 1.
    pub score: f64,
    /// The members; a group of one member means nothing matches.
    pub members: Vec<Member>,
    /// In parallel mode, the bead type ("1-1", "2-1", "1-0" …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bead: Option<String>,
}

/// A whole alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Format version, 1.
    pub version: u32,
    /// Comparable or parallel.
    pub mode: AlignmentMode,
    /// The documents, in input order.
    pub documents: Vec<AlignedDocument>,
    /// The groups; every sentence of every document is in exactly one.
    pub groups: Vec<Group>,
}

impl Alignment {
    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&AlignedDocument> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// The text of a member: its sentences joined by a space.
    pub fn member_text(&self, member: &Member) -> String {
        let Some(doc) = self.document(&member.doc) else {
            return String::new();
        };
        member
            .sentences
            .iter()
            .filter_map(|&i| doc.sentences.get(i))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}
