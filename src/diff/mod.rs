//! What aligned sentences say differently: a word-level diff of each member against a
//! pivot (or of every pair), and the facts (numbers, dates, weekdays, names, negation)
//! one member states and the other does not.

mod model;

pub use model::{
    Change, DiffOptions, DiffReport, FactDifference, FactKind, FactSpan, GroupDiff, PairDiff,
    Pivot, WordChange,
};

use crate::export::Alignment;
use crate::glossary::Glossary;

/// Diffs every group of `alignment`.
pub fn diff_alignment(
    alignment: &Alignment,
    glossary: Option<&Glossary>,
    options: &DiffOptions,
) -> DiffReport {
    let _ = (alignment, glossary, options);
    todo!("issue #6: word and fact diff")
}
