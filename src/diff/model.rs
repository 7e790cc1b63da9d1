//! The diff report: serialisable, read by the HTML page and other tools.

use serde::{Deserialize, Serialize};

/// Which members each member is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Pivot {
    /// The first document of the alignment that has sentences in the group.
    #[default]
    First,
    /// This document (by id); groups without it compare against their first member.
    Document(String),
    /// Every pair of members.
    Pairwise,
}

/// How to diff.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// What each member is compared with.
    pub pivot: Pivot,
}

/// What a piece of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// In both members.
    Equal,
    /// Only in the left member (the pivot).
    Delete,
    /// Only in the right member.
    Insert,
}

/// One piece of a word diff; the pieces of `Equal` and `Delete` spell the left text, the
/// pieces of `Equal` and `Insert` the right text, whitespace included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordChange {
    /// Equal, delete or insert.
    pub change: Change,
    /// The words, as written.
    pub text: String,
}

/// The kind of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A number or quantity ("97 Prozent", "20 Millionen", "sechs", "mehrere").
    Number,
    /// A date or year ("3. Januar", "2025-11-04").
    Date,
    /// A weekday ("Dienstag").
    Weekday,
    /// A named entity: a glossary concept, or a capitalised name.
    Entity,
    /// A negation ("nicht", "kein", "not").
    Negation,
}

/// A fact as one member states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactSpan {
    /// The document's id.
    pub doc: String,
    /// First byte, into the document's input as read.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The value compared: a number ("6", "97%", "20000000"), a date ("2025-01-03",
    /// "--01-03"), a weekday ("tuesday"), a concept id or folded name, or the negation
    /// word folded.
    pub value: String,
}

/// A fact one member states differently from the other, or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactDifference {
    /// Number, date, weekday, entity or negation.
    pub kind: FactKind,
    /// The fact in the left member, if it states one.
    pub left: Option<FactSpan>,
    /// The fact in the right member, if it states one.
    pub right: Option<FactSpan>,
    /// What differs, for people ("sechs" vs "mehrere").
    pub message: String,
}

/// One member compared with another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairDiff {
    /// The left (pivot) document's id.
    pub left: String,
    /// The right document's id.
    pub right: String,
    /// How similar the two texts are, 0 to 1 (share of equal words).
    pub ratio: f64,
    /// The word diff, left to right.
    pub words: Vec<WordChange>,
    /// The facts that differ.
    pub facts: Vec<FactDifference>,
}

/// The diff of one alignment group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupDiff {
    /// The group's id in the alignment.
    pub group: usize,
    /// The group's alignment score.
    pub score: f64,
    /// The lowest ratio of its pairs (1 for a group of one member).
    pub ratio: f64,
    /// The compared pairs; empty for a group of one member.
    pub pairs: Vec<PairDiff>,
}

/// The diff of a whole alignment: `tandem diff --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffReport {
    /// Format version, 1.
    pub version: u32,
    /// The pivot document's id, or `null` when pairwise.
    pub pivot: Option<String>,
    /// One entry per alignment group, in the alignment's order.
    pub groups: Vec<GroupDiff>,
}
