//! Names: glossary mentions by concept, or, without a glossary, names found by their
//! shape. The shapes are cautious: acronyms ("CIA"), and runs of two or more capitalised
//! words ("Claudia Sheinbaum", "Joint Special Operations Command"), where the first word
//! of a sentence counts only if it is not a word that starts sentences ("Die", "The")
//! or, in German, one mostly written in lower case ("Neue Regeln"). A single
//! capitalised word is never a name by shape, since every German noun is capitalised;
//! in German a word with a noun ending ("Souveränität") is never part of a name.

use super::{Lexeme, Scan};
use crate::Lang;
use crate::diff::model::FactKind;
use crate::diff::tokens::TokenKind;
use crate::glossary::inflection::{fold, key};
use crate::lang::german_case::lowercase_share;

/// A glossary mention inside one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SentenceMention {
    /// First byte, in the sentence.
    pub(crate) start: usize,
    /// One past the last byte, in the sentence.
    pub(crate) end: usize,
    /// The concept's id.
    pub(crate) concept: String,
}

/// Endings of German nouns that are not names.
const GERMAN_NOUN_ENDINGS: [&str; 20] = [
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tät", "täten",
    "ion", "ionen", "ismus", "nis", "nisse", "tum", "ium", "ik", "ling", "ment",
];

/// Small words inside names ("Secretaría de Seguridad", "Bank of America").
const NAME_CONNECTORS: [&str; 9] = ["de", "del", "la", "of", "the", "van", "von", "da", "di"];

impl Scan<'_> {
    /// Glossary `mentions` as entity facts whose value is the concept id.
    pub(super) fn glossary_names(&mut self, mentions: &[SentenceMention]) {
        for mention in mentions {
            let last = self
                .lex
                .iter()
                .rposition(|l| l.end <= mention.end)
                .unwrap_or(0);
            self.push_span(
                FactKind::Entity,
                mention.start,
                mention.end,
                mention.concept.clone(),
                last,
            );
        }
    }

    /// An acronym: two to six capitals ("CIA", "USA", "JSOC").
    fn acronym(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            let count = w.text.chars().count();
            (2..=6).contains(&count) && w.text.chars().all(char::is_uppercase)
        })
    }

    /// A word that may be part of a name: capitalised, letters only (a hyphen and
    /// apostrophes outside German, where hyphens join nouns), not yet part of a fact.
    fn name_word(&self, i: usize) -> bool {
        let Some(word) = self.word(i) else {
            return false;
        };
        if word.used || !word.text.starts_with(char::is_uppercase) {
            return false;
        }
        // Words that usually start a sentence ("Die", "The") start no name.
        if word.info.is_some_and(|w| w.starter) && !self.acronym(i) {
            return false;
        }
        let joiners: &[char] = if self.lang == Lang::De {
            &['\'', '’']
        } else {
            &['\'', '’', '-']
        };
        // A capitalised word ends in lowercase letters, as the endings are written.
        let german_noun =
            self.lang == Lang::De && GERMAN_NOUN_ENDINGS.iter().any(|e| word.text.ends_with(e));
        !german_noun
            && word
                .text
                .chars()
                .all(|c| c.is_alphabetic() || joiners.contains(&c))
    }

    /// Whether the first word of a sentence, followed by capitalised words, starts a
    /// name ("Olaf Scholz sagte", "Joe Biden said"). Words that usually start a sentence
    /// ("Die", "The") are no name words at all; in German, where an adjective before a
    /// noun is capitalised there too ("Neue Regeln", "Deutsche Soldaten"), neither is a
    /// word German mostly writes in lower case.
    fn may_start_name(&self, i: usize) -> bool {
        self.lang != Lang::De || lowercase_share(self.lex[i].text).is_none_or(|share| share < 0.5)
    }

    /// A small word inside a name; German "von" joins nouns far more often than names
    /// ("Handel von Fentanyl"), so it is none there.
    fn connector_at(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            w.spaced
                && NAME_CONNECTORS.contains(&w.text)
                && !(self.lang == Lang::De && w.text == "von")
        })
    }

    /// A German noun after an article or determiner is a common noun before a name,
    /// not part of it ("der Rolle Washingtons", "von Präsidentin Claudia Sheinbaum").
    fn after_article(&self, i: usize) -> bool {
        self.lang == Lang::De
            && i.checked_sub(1)
                .and_then(|p| self.word(p))
                .and_then(|w| w.info)
                .is_some_and(|w| w.determiner)
    }

    /// Finds names by their shape in the lexemes no other fact took.
    pub(super) fn shaped_names(&mut self) {
        let capitals = |l: &&Lexeme<'_>| {
            l.text.starts_with(char::is_uppercase)
                && l.text.len() > 1
                && !l.text.chars().any(char::is_lowercase)
        };
        let words = self.lex.iter().filter(|l| l.kind == TokenKind::Word);
        let (all, upper) = (words.clone().count(), words.filter(capitals).count());
        if upper >= 4 && upper * 10 > all * 6 {
            // A headline in capitals: every word would look like an acronym.
            return;
        }
        let mut i = 0;
        while i < self.lex.len() {
            if !self.name_word(i) {
                i += 1;
                continue;
            }
            // The run of name words from i, with connectors between them.
            let mut words = vec![i];
            let mut j = i;
            loop {
                let spaced = |k: usize| self.lex.get(k).is_some_and(|l| l.spaced);
                // Up to two connectors ("de la") may stand between name words.
                let mut k = j + 1;
                while k < j + 3 && self.connector_at(k) {
                    k += 1;
                }
                if !(self.name_word(k) && spaced(k)) {
                    break;
                }
                j = k;
                words.push(j);
            }
            // The first word of a sentence is capitalised whatever it is: it counts only
            // where the capitalised words after it make a name of it.
            if self.lex[i].initial
                && !self.acronym(i)
                && !(words.len() >= 2 && self.may_start_name(i))
            {
                words.remove(0);
            }
            if words.len() >= 2 && self.after_article(words[0]) && !self.acronym(words[0]) {
                words.remove(0);
            }
            if words.len() >= 2 {
                let value = self.name_value(&words);
                let (first, last) = (words[0], *words.last().expect("two words"));
                self.push(FactKind::Entity, first, last, value);
            } else {
                for k in words {
                    if self.acronym(k) {
                        let value = self.name_value(&[k]);
                        self.push(FactKind::Entity, k, k, value);
                    }
                }
            }
            i = j + 1;
        }
    }

    /// The words of a name folded, without inflection endings ("Mexikos" → "mexiko").
    fn name_value(&self, words: &[usize]) -> String {
        words
            .iter()
            .map(|&k| key(&fold(self.lex[k].text)).to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }
}
