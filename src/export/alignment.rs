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

    /// The position of each document in [`Alignment::documents`], by id.
    pub(crate) fn document_indices(&self) -> std::collections::HashMap<&str, usize> {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect()
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

    /// Checks what the types cannot: ids are distinct, every sentence's index is its
    /// position and its offsets span its text, every member names a document of the
    /// alignment (each at most once per group) and sentences it has, every sentence is in
    /// exactly one group, and every score is 0 to 1. A parallel alignment's groups are also beads in order, each with
    /// one member per document and the bead type its sizes say. An alignment read from a
    /// file must pass before it is used.
    pub fn validate(&self) -> Result<(), String> {
        // A later version may change what fields mean; reading it as version 1 would
        // report wrong offsets without a word.
        if self.version != 1 {
            return Err(format!(
                "alignment version {} is not supported (tandem reads version 1)",
                self.version
            ));
        }
        if self.mode == AlignmentMode::Parallel && self.documents.len() != 2 {
            return Err(format!(
                "a parallel alignment has two documents, a source and its translation; \
                 this one has {}",
                self.documents.len()
            ));
        }
        let mut seen = std::collections::HashMap::new();
        for (d, doc) in self.documents.iter().enumerate() {
            if seen.insert(doc.id.as_str(), d).is_some() {
                return Err(format!("document id '{}' appears twice", doc.id));
            }
            check_sentences(doc)?;
        }
        check_groups(&self.groups)?;
        // Per sentence, the group that holds it.
        let mut used: Vec<Vec<Option<usize>>> = self
            .documents
            .iter()
            .map(|d| vec![None; d.sentences.len()])
            .collect();
        for group in &self.groups {
            for member in &group.members {
                let Some(&d) = seen.get(member.doc.as_str()) else {
                    return Err(format!(
                        "group {} names document '{}', which is not in the alignment",
                        group.id, member.doc
                    ));
                };
                for &s in &member.sentences {
                    let Some(slot) = used[d].get_mut(s) else {
                        return Err(format!(
                            "group {} names sentence {s} of '{}', which has {} sentences",
                            group.id,
                            member.doc,
                            self.documents[d].sentences.len()
                        ));
                    };
                    match slot.replace(group.id) {
                        Some(first) if first == group.id => {
                            return Err(format!(
                                "group {} lists sentence {s} of '{}' twice",
                                group.id, member.doc
                            ));
                        }
                        Some(first) => {
                            return Err(format!(
                                "sentence {s} of '{}' is in two groups, {first} and {}",
                                member.doc, group.id
                            ));
                        }
                        None => {}
                    }
                }
            }
        }
        // A sentence in no group would vanish from every diff and export without a word.
        for (doc, used) in self.documents.iter().zip(&used) {
            if let Some(s) = used.iter().position(Option::is_none) {
                return Err(format!(
                    "sentence {s} of '{}' is in no group (every sentence must be in exactly one)",
                    doc.id
                ));
            }
        }
        if self.mode == AlignmentMode::Parallel {
            check_beads(&self.documents, &self.groups)?;
        }
        Ok(())
    }
}

/// Group ids are distinct, since messages and review pages name groups by id; a group
/// names a document once, in one member that holds all of its sentences there (two
/// members of one document would be diffed against each other); and every score is a
/// number from 0 to 1, as readers that rank or colour by it assume.
fn check_groups(groups: &[Group]) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for group in groups {
        if !ids.insert(group.id) {
            return Err(format!("group id {} appears twice", group.id));
        }
        let mut docs = std::collections::HashSet::new();
        if let Some(twice) = group.members.iter().find(|m| !docs.insert(m.doc.as_str())) {
            return Err(format!(
                "group {} has two members of '{}' (one member holds all of a document's \
                 sentences in a group)",
                group.id, twice.doc
            ));
        }
        if !(0.0..=1.0).contains(&group.score) {
            return Err(format!(
                "group {} has score {} (a score is from 0 to 1)",
                group.id, group.score
            ));
        }
    }
    Ok(())
}

/// The groups of a parallel alignment are its beads: in order, each has the source and
/// the target as its two members, takes the sentences that follow the previous bead's on
/// each side, and, where a bead type is given, it is the two sides' sizes ("2-1").
/// Checked after every sentence is known to be in exactly one group.
fn check_beads(documents: &[AlignedDocument], groups: &[Group]) -> Result<(), String> {
    // The next sentence of each document a bead must start with.
    let mut next = [0usize; 2];
    for group in groups {
        let [source, target] = group.members.as_slice() else {
            return Err(format!(
                "group {} of a parallel alignment has {} (a bead has two: the source and \
                 the target, either without sentences)",
                group.id,
                match group.members.len() {
                    1 => "one member".to_string(),
                    n => format!("{n} members"),
                }
            ));
        };
        for (side, member) in [source, target].into_iter().enumerate() {
            let doc = &documents[side];
            if member.doc != doc.id {
                return Err(format!(
                    "group {}: member {side} is '{}' where a bead lists '{}' (members follow \
                     the documents' order)",
                    group.id, member.doc, doc.id
                ));
            }
            let expected = next[side]..next[side] + member.sentences.len();
            if !member.sentences.iter().copied().eq(expected.clone()) {
                return Err(format!(
                    "group {}: sentences {:?} of '{}' are out of order (a bead takes the \
                     sentences that follow the previous bead's, here from {})",
                    group.id, member.sentences, doc.id, next[side]
                ));
            }
            next[side] = expected.end;
        }
        if source.sentences.is_empty() && target.sentences.is_empty() {
            return Err(format!("group {} is a bead of no sentence", group.id));
        }
        let kind = format!("{}-{}", source.sentences.len(), target.sentences.len());
        if let Some(bead) = group.bead.as_deref().filter(|&b| b != kind) {
            return Err(format!(
                "group {} is marked bead \"{bead}\" but holds a {kind} bead",
                group.id
            ));
        }
    }
    Ok(())
}

/// Every sentence's index is its position, and its `end - start` is the length of its
/// text, as `input[start..end] == text` implies. Offsets of what is found in a sentence
/// are added to its start, so a start that does not fit its text would shift them, or
/// overflow.
fn check_sentences(doc: &AlignedDocument) -> Result<(), String> {
    for (s, sentence) in doc.sentences.iter().enumerate() {
        // Groups name sentences by position; an index that says otherwise is a broken
        // file, not a second numbering.
        if sentence.index != s {
            return Err(format!(
                "sentence {s} of '{}' has index {} (an index is the sentence's position)",
                doc.id, sentence.index
            ));
        }
        if sentence.end.checked_sub(sentence.start) != Some(sentence.text.len()) {
            return Err(format!(
                "sentence {s} of '{}': start {} and end {} do not span its text of {} bytes",
                doc.id,
                sentence.start,
                sentence.end,
                sentence.text.len()
            ));
        }
    }
    Ok(())
}
