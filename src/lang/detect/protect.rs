//! Protected terms (glossary entries): their words carry no language evidence, so they
//! are never fragments and never pull their neighbours into one. Their capitalised
//! words are names wherever they stand alone ("Scholz" of "Olaf Scholz").

use std::collections::HashMap;

use rustc_hash::FxHashSet;

use super::evidence::{Kind, WordEvidence};
use super::lexicon::fold;
use crate::text::words;

/// Terms as sequences of folded words, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub(super) struct Protected {
    by_first_word: HashMap<String, Vec<Vec<String>>>,
    /// The folded words of the terms that are written with a capital.
    names: FxHashSet<String>,
}

impl Protected {
    pub(super) fn new(terms: &[String]) -> Protected {
        let mut by_first_word: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let mut names = FxHashSet::default();
        for term in terms {
            let capitalised = words(term).filter(|t| t.text.starts_with(char::is_uppercase));
            names.extend(capitalised.map(|t| fold(t.text)));
            let folded: Vec<String> = words(term).map(|t| fold(t.text)).collect();
            if let Some(first) = folded.first() {
                by_first_word.entry(first.clone()).or_default().push(folded);
            }
        }
        for sequences in by_first_word.values_mut() {
            // Longest first, so that the longest term wins.
            sequences.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
        Protected {
            by_first_word,
            names,
        }
    }

    /// The folded words of the terms that are written with a capital.
    pub(super) fn names(&self) -> &FxHashSet<String> {
        &self.names
    }

    /// Makes the words of every protected term in `words` neutral.
    pub(super) fn neutralise(&self, text: &str, words: &mut [WordEvidence]) {
        if self.by_first_word.is_empty() {
            return;
        }
        let folded: Vec<String> = words.iter().map(|w| fold(&text[w.start..w.end])).collect();
        let mut t = 0;
        while t < words.len() {
            let matched = self.by_first_word.get(&folded[t]).and_then(|sequences| {
                sequences
                    .iter()
                    .find(|s| {
                        folded
                            .get(t..t + s.len())
                            .is_some_and(|window| window == s.as_slice())
                    })
                    .map(Vec::len)
            });
            match matched {
                Some(len) => {
                    for word in &mut words[t..t + len] {
                        word.kind = Kind::Neutral;
                    }
                    t += len;
                }
                None => t += 1,
            }
        }
    }
}
