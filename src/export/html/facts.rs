//! A fact difference as the page lists it: the pair it compares, then each side.

use crate::diff::{FactDifference, FactSpan, PairDiff};

/// `a → c: "43" ≠ –`: both documents of the pair are named, so that one fact missing
/// from several members gives one distinguishable line per pair (the report's
/// `message`, "only in a: …", names one document only).
pub(super) fn fact_line(pair: &PairDiff, fact: &FactDifference) -> String {
    let side = |span: Option<&FactSpan>| match span {
        Some(span) => format!("\"{}\"", span.text),
        None => "–".to_string(),
    };
    format!(
        "{} → {}: {} ≠ {}",
        pair.left,
        pair.right,
        side(fact.left.as_ref()),
        side(fact.right.as_ref())
    )
}
