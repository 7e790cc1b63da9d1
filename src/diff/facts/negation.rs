//! Negation: "nicht", "kein", "not", "n't", "nunca" … from `data/<lang>/negations.txt`,
//! except the phrases that start with one and do not negate ("nicht nur").

use super::Scan;
use crate::diff::model::FactKind;

impl Scan<'_> {
    /// Whether the words from lexeme `i` on are `phrase` (lowercase words).
    fn phrase_at(&self, i: usize, phrase: &[String]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(n, word)| self.word(i + n).is_some_and(|w| w.lower == word.as_str()))
    }

    /// A negation at lexeme `i`.
    pub(super) fn negation(&mut self, i: usize) -> Option<usize> {
        let text = self.lex[i].text;
        let listed = self
            .info(i)
            .is_some_and(|w| w.negation && self.case_fits(i, w.negation_any_case));
        // An ending is only looked for in a word with an apostrophe ("don't").
        let ending = || {
            let lower = text.to_lowercase().replace('’', "'");
            let endings = &self.lists.negating_endings;
            endings
                .iter()
                .any(|e| lower.len() > e.len() && lower.ends_with(e.as_str()))
        };
        let negated = listed || (text.contains(['\'', '’']) && ending());
        if !negated {
            return None;
        }
        // "No. 5" is a number sign.
        let number_sign = self.tight_punct(i + 1, ".")
            && self
                .word(i + 2)
                .is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()));
        let not_negation = self
            .lists
            .not_negations
            .iter()
            .any(|phrase| self.phrase_at(i, phrase));
        if number_sign || not_negation {
            self.lex[i].used = true;
            return Some(i);
        }
        self.push(
            FactKind::Negation,
            i,
            i,
            text.to_lowercase().replace('’', "'"),
        );
        Some(i)
    }
}
