//! Which facts of two members are the same, which one states differently, and which
//! only one states.
//!
//! Facts of one kind are paired in passes, each taking the left facts in order and the
//! first right fact that fits:
//! 1. the same value about the same thing (the words after them agree) — equal;
//! 2. a different value about the same thing ("sechs mexikanische Kartelle", "mehrere
//!    mexikanische Kartelle") — a change;
//! 3. the same value anywhere — equal;
//! 4. numbers, dates and weekdays left over on both sides, in order — a change;
//! 5. whatever is left is stated by one member only.
//!
//! The same value means: the same normalised number; dates that agree on every field
//! both give; the same weekday; names of which one has all the words of the other
//! or the same last word ("Sheinbaum", "Claudia Sheinbaum"; by concept with a
//! glossary); and any negation against any other.
//!
//! A name counts once: a name one member states that the other states too (however
//! often) is not reported, nor is the same name twice on one side.

use super::facts::{Date, Fact, same_context};
use super::model::{FactDifference, FactKind, FactSpan};
use crate::glossary::ConceptIndex;

/// A fact of a member, with what is needed to report it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MemberFact<'a> {
    /// The document's id.
    pub(crate) doc: &'a str,
    /// Where its sentence starts in the document.
    pub(crate) sentence_start: usize,
    /// Its sentence.
    pub(crate) sentence: &'a str,
    pub(crate) fact: &'a Fact,
}

impl MemberFact<'_> {
    fn span(&self) -> FactSpan {
        FactSpan {
            doc: self.doc.to_string(),
            start: self.sentence_start + self.fact.start,
            end: self.sentence_start + self.fact.end,
            text: self.sentence[self.fact.start..self.fact.end].to_string(),
            value: self.fact.value.clone(),
        }
    }
}

/// Whether two facts of `kind` state the same value.
fn same_value(kind: FactKind, a: &Fact, b: &Fact) -> bool {
    match kind {
        FactKind::Negation => true,
        FactKind::Date => match (Date::parse(&a.value), Date::parse(&b.value)) {
            (Some(x), Some(y)) => x.compatible(&y),
            _ => a.value == b.value,
        },
        FactKind::Entity => {
            let (x, y): (Vec<&str>, Vec<&str>) =
                (a.value.split(' ').collect(), b.value.split(' ').collect());
            x.last() == y.last()
                || x.iter().all(|w| y.contains(w))
                || y.iter().all(|w| x.contains(w))
        }
        FactKind::Number | FactKind::Weekday => a.value == b.value,
    }
}

const KINDS: [FactKind; 5] = [
    FactKind::Number,
    FactKind::Date,
    FactKind::Weekday,
    FactKind::Entity,
    FactKind::Negation,
];

/// The most facts a side may have to be compared as a whole. Each pass looks through
/// the other side for every fact, so a pair costs the product of their counts: most of
/// the 28 s that the diff of two one-line texts of a million words took. Longer sides
/// are cut into windows of this many facts, at the same share of each side, and only
/// facts in matching windows are compared (a name then counts once per window).
const FACT_WINDOW: usize = 256;

/// The facts of `left` and `right` that differ, kind by kind; see [`FACT_WINDOW`] for
/// sides with many facts.
pub(crate) fn fact_differences(
    left: &[MemberFact<'_>],
    right: &[MemberFact<'_>],
) -> Vec<FactDifference> {
    let windows = left.len().max(right.len()).div_ceil(FACT_WINDOW);
    if windows <= 1 {
        return window_differences(left, right);
    }
    let cut = |facts: &[MemberFact<'_>], w: usize| facts.len() * w / windows;
    (0..windows)
        .flat_map(|w| {
            let l = &left[cut(left, w)..cut(left, w + 1)];
            let r = &right[cut(right, w)..cut(right, w + 1)];
            window_differences(l, r)
        })
        .collect()
}

/// [`fact_differences`] of sides that are compared as a whole.
fn window_differences(left: &[MemberFact<'_>], right: &[MemberFact<'_>]) -> Vec<FactDifference> {
    let mut differences = Vec::new();
    if left.is_empty() && right.is_empty() {
        return differences;
    }
    // Which facts are still free, over both slices, kind by kind.
    let mut left_free = vec![true; left.len()];
    let mut right_free = vec![true; right.len()];
    let mut changes: Vec<(usize, usize)> = Vec::new();
    for kind in KINDS {
        let of_kind = |f: &MemberFact<'_>| f.fact.kind == kind;
        if !left.iter().any(of_kind) && !right.iter().any(of_kind) {
            continue;
        }
        changes.clear();
        let mut pass = |fits: &dyn Fn(&Fact, &Fact) -> bool, changed: bool| {
            for (i, a) in left.iter().enumerate() {
                if !left_free[i] || !of_kind(a) {
                    continue;
                }
                let found = right
                    .iter()
                    .enumerate()
                    .find(|&(j, b)| right_free[j] && of_kind(b) && fits(a.fact, b.fact));
                if let Some((j, _)) = found {
                    left_free[i] = false;
                    right_free[j] = false;
                    if changed {
                        changes.push((i, j));
                    }
                }
            }
        };
        let value = |a: &Fact, b: &Fact| same_value(kind, a, b);
        let context = |a: &Fact, b: &Fact| same_context(&a.context, &b.context);
        pass(&|a, b| value(a, b) && context(a, b), false);
        if kind != FactKind::Negation {
            pass(&|a, b| !value(a, b) && context(a, b), true);
        }
        pass(&value, false);
        if matches!(kind, FactKind::Number | FactKind::Date | FactKind::Weekday) {
            pass(&|_, _| true, true);
        }
        changes.sort_unstable();
        for &(i, j) in &changes {
            let (a, b) = (left[i].span(), right[j].span());
            differences.push(FactDifference {
                kind,
                message: format!("\"{}\" ≠ \"{}\"", a.text, b.text),
                left: Some(a),
                right: Some(b),
            });
        }
        if kind == FactKind::Entity {
            // A name counts once: free names the other side states, or this side stated
            // before, are not reported.
            for (facts, free, other) in [
                (left, &mut left_free, right),
                (right, &mut right_free, left),
            ] {
                for i in (0..facts.len()).filter(|&i| of_kind(&facts[i])) {
                    let named = |f: &MemberFact<'_>| of_kind(f) && value(facts[i].fact, f.fact);
                    if free[i] && (other.iter().any(named) || facts[..i].iter().any(named)) {
                        free[i] = false;
                    }
                }
            }
        }
        for (facts, free, left_side) in [(left, &left_free, true), (right, &right_free, false)] {
            let one_sided = facts
                .iter()
                .zip(free.iter())
                .filter(|(f, free)| **free && of_kind(f));
            differences.extend(one_sided.map(|(fact, _)| {
                let span = fact.span();
                let message = format!("only in {}: \"{}\"", span.doc, span.text);
                let (left, right) = match left_side {
                    true => (Some(span), None),
                    false => (None, Some(span)),
                };
                FactDifference {
                    kind,
                    left,
                    right,
                    message,
                }
            }));
        }
    }
    differences
}

/// Drops the names reported as stated by one member only whose last word the other
/// member has as a word ("Olaf Scholz" against "Scholz sagte …", "Joe Biden" against
/// "Biden said …"): a surname alone is no name by its shape (in German every noun is
/// capitalised, and any sentence starts so), yet it names the same person. Only for
/// members in one language.
pub(crate) fn drop_names_the_other_mentions(
    differences: &mut Vec<FactDifference>,
    left: &str,
    right: &str,
) {
    differences.retain(|d| {
        let (name, other) = match (d.kind, &d.left, &d.right) {
            (FactKind::Entity, Some(name), None) => (name, right),
            (FactKind::Entity, None, Some(name)) => (name, left),
            _ => return true,
        };
        let last = name.text.split_whitespace().next_back().unwrap_or_default();
        !has_word(other, last)
    });
}

/// With a glossary: drops the concepts reported as stated by one member only when the
/// other member has one of the concept's one-word terms as a word ("US", "Sheinbaum"):
/// the matcher leaves such a short form unresolved in a document that never names the
/// concept in full, yet it names the same entity. A longer term's last word alone
/// ("Haus" of "Weißes Haus") is no such evidence.
pub(crate) fn drop_concepts_the_other_names(
    differences: &mut Vec<FactDifference>,
    left: &str,
    right: &str,
    concepts: &ConceptIndex<'_>,
) {
    differences.retain(|d| {
        let (concept, other) = match (d.kind, &d.left, &d.right) {
            (FactKind::Entity, Some(name), None) => (&name.value, right),
            (FactKind::Entity, None, Some(name)) => (&name.value, left),
            _ => return true,
        };
        let Some(concept) = concepts.get(concept) else {
            return true;
        };
        !(concept.all_terms())
            .map(|(_, term)| term.text.as_str())
            .filter(|text| !text.contains(char::is_whitespace))
            .any(|word| has_word(other, word))
    });
}

/// Whether `text` has `word` as a whole word, as written.
fn has_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(kind: FactKind, value: &str, context: &[&str], at: usize) -> Fact {
        Fact {
            kind,
            start: at,
            end: at + 1,
            value: value.to_string(),
            context: context.join(" "),
        }
    }

    const TEXT: &str = "abcdefghijklmnopqrstuvwxyz";

    fn member<'a>(facts: &'a [Fact], doc: &'a str) -> Vec<MemberFact<'a>> {
        facts
            .iter()
            .map(|fact| MemberFact {
                doc,
                sentence_start: 100,
                sentence: TEXT,
                fact,
            })
            .collect()
    }

    fn differences(
        left: &[Fact],
        right: &[Fact],
    ) -> Vec<(FactKind, Option<String>, Option<String>)> {
        fact_differences(&member(left, "a"), &member(right, "b"))
            .into_iter()
            .map(|d| (d.kind, d.left.map(|s| s.value), d.right.map(|s| s.value)))
            .collect()
    }

    use FactKind::*;

    fn some(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn equal_values_are_not_reported() {
        let l = [
            fact(Number, "20000", &["soldat"], 0),
            fact(Date, "--01-03", &[], 2),
        ];
        let r = [
            fact(Date, "2025-01-03", &[], 0),
            fact(Number, "20000", &[], 3),
        ];
        assert_eq!(differences(&l, &r), []);
    }

    #[test]
    fn a_vague_quantity_against_a_number_is_a_change() {
        let l = [fact(Number, "several", &["mexikanisch", "kartell"], 0)];
        let r = [fact(Number, "6", &["mexikanisch", "drogenkartell"], 0)];
        assert_eq!(differences(&l, &r), [(Number, some("several"), some("6"))]);
    }

    #[test]
    fn the_same_thing_counted_differently_beats_the_same_value_elsewhere() {
        // left: "mehrere Kartelle"; right: "in mehreren Staaten … sechs Kartelle"
        let l = [fact(Number, "several", &["kartell"], 0)];
        let r = [
            fact(Number, "several", &["staat"], 0),
            fact(Number, "6", &["kartell"], 5),
        ];
        assert_eq!(
            differences(&l, &r),
            [
                (Number, some("several"), some("6")),
                (Number, None, some("several")),
            ]
        );
    }

    #[test]
    fn swapped_numbers_are_two_changes() {
        let l = [
            fact(Number, "20", &["soldat"], 0),
            fact(Number, "30", &["polizist"], 4),
        ];
        let r = [
            fact(Number, "30", &["soldat"], 0),
            fact(Number, "20", &["polizist"], 4),
        ];
        assert_eq!(differences(&l, &r).len(), 2);
    }

    #[test]
    fn names_match_by_their_words_and_other_names_are_one_sided() {
        let l = [
            fact(Entity, "claudia sheinbaum", &[], 0),
            fact(Entity, "cia", &[], 3),
        ];
        let r = [
            fact(Entity, "sheinbaum", &[], 0),
            fact(Entity, "dea", &[], 3),
        ];
        assert_eq!(
            differences(&l, &r),
            [(Entity, some("cia"), None), (Entity, None, some("dea"))]
        );
    }

    #[test]
    fn any_negation_matches_any_other() {
        let l = [fact(Negation, "nicht", &[], 0)];
        let r = [
            fact(Negation, "kein", &[], 0),
            fact(Negation, "nie", &[], 4),
        ];
        assert_eq!(differences(&l, &r), [(Negation, None, some("nie"))]);
    }

    #[test]
    fn many_facts_are_compared_in_linear_time() {
        // Every left fact looked through all right facts, in five passes: 14 s for these
        // in a debug build. The same facts on both sides are still equal when compared
        // window by window.
        let count = 40_000;
        let facts: Vec<Fact> = (0..count)
            .map(|i| fact(Number, &(i % 97).to_string(), &["soldat"], 0))
            .collect();
        let started = std::time::Instant::now();
        assert_eq!(differences(&facts, &facts), []);
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    }

    #[test]
    fn messages_and_offsets() {
        let text = "Es kamen sechs Leute.";
        let l = Fact {
            kind: Number,
            start: 9,
            end: 14,
            value: "6".into(),
            context: String::new(),
        };
        let member = [MemberFact {
            doc: "002_x",
            sentence_start: 40,
            sentence: text,
            fact: &l,
        }];
        let diff = fact_differences(&member, &[]);
        assert_eq!(diff[0].message, "only in 002_x: \"sechs\"");
        let span = diff[0].left.as_ref().unwrap();
        assert_eq!(
            (span.start, span.end, span.text.as_str()),
            (49, 54, "sechs")
        );
        let both = fact_differences(&member, &member);
        assert!(both.is_empty());
    }
}
