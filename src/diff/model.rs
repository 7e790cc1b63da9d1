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
    /// The two documents are in different languages (a source and its translation):
    /// `words` still spells both texts, but compares no wording, so the review page
    /// shows both texts without it. Absent in reports written before it was added.
    #[serde(default)]
    pub cross_language: bool,
}

impl PairDiff {
    /// The left member's text as the word diff spells it: its equal and deleted words.
    pub fn left_text(&self) -> String {
        spell(&self.words, Change::Delete)
    }

    /// The right member's text as the word diff spells it: its equal and inserted words.
    pub fn right_text(&self) -> String {
        spell(&self.words, Change::Insert)
    }
}

/// One side of a word diff: the equal pieces and those of `own` change.
pub(crate) fn spell(words: &[WordChange], own: Change) -> String {
    words
        .iter()
        .filter(|w| w.change == Change::Equal || w.change == own)
        .map(|w| w.text.as_str())
        .collect()
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

impl FactKind {
    /// The kind's name, as in JSON: "number", "date", "weekday", "entity", "negation".
    pub fn name(self) -> &'static str {
        match self {
            FactKind::Number => "number",
            FactKind::Date => "date",
            FactKind::Weekday => "weekday",
            FactKind::Entity => "entity",
            FactKind::Negation => "negation",
        }
    }
}

impl GroupDiff {
    /// Whether nothing was compared: the group has fewer than two members with sentences
    /// (a sentence nothing matches).
    pub fn is_unmatched(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Whether every compared pair is a translation (two languages): then the group's
    /// word ratio says nothing.
    pub fn is_translation(&self) -> bool {
        !self.is_unmatched() && self.pairs.iter().all(|p| p.cross_language)
    }
}

impl DiffReport {
    /// Keeps the groups for which `keep` is true, in order.
    pub fn retain(&mut self, keep: impl FnMut(&GroupDiff) -> bool) {
        self.groups.retain(keep);
    }

    /// Keeps the groups whose ratio (the lowest of their pairs) is at least `min` and at
    /// most `max`, where given.
    pub fn retain_ratio(&mut self, min: Option<f64>, max: Option<f64>) {
        self.retain(|g| {
            min.is_none_or(|min| g.ratio >= min) && max.is_none_or(|max| g.ratio <= max)
        });
    }

    /// Drops the groups of one member (see [`GroupDiff::is_unmatched`]).
    pub fn drop_unmatched(&mut self) {
        self.retain(|g| !g.is_unmatched());
    }

    /// Orders the groups most different first: by ratio, lowest first, then by id.
    pub fn sort_by_ratio(&mut self) {
        self.groups
            .sort_by(|a, b| a.ratio.total_cmp(&b.ratio).then(a.group.cmp(&b.group)));
    }
}
