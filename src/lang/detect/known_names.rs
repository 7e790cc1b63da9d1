//! Names a document shows. The first word of a sentence is capitalised anyway, so its
//! capital says nothing; but a word that the same document writes as a name elsewhere
//! is a name at the start of a sentence too ("Scholz a déclaré" after "Olaf Scholz").
//! Written as a name is: one of two or more capitalised words in a row inside a
//! sentence ("Olaf Scholz", "Jean-Luc Mélenchon"), or one capitalised word inside a
//! sentence that the lists take for a name there too (see [`capitalised_word`]: not a
//! German noun, not a common word). German capitalises every noun, its own and those it
//! borrows from English, so in German text a lone capitalised word that leans English
//! says nothing ("vom Lockdown"), while one that leans to another language is a name
//! ("sagte Rubio", then "Rubio sagte"). A capitalised word of a glossary term is a name
//! too.

use std::cell::OnceCell;

use rustc_hash::FxHashSet;

use super::compound::{compound_scores, compound_words};
use super::evidence::{capital_pronoun, capitalised_word, is_neutral};
use super::lexicon::fold;
use super::{Params, index};
use crate::Lang;
use crate::text::Span;

/// The names of one document, gathered the first time they are asked for: most
/// documents never ask.
pub(super) struct DocumentNames<'a> {
    text: &'a str,
    sentences: &'a [Span],
    main: Lang,
    glossary: &'a FxHashSet<String>,
    gathered: OnceCell<Gathered>,
}

/// Folded words the document writes as names.
#[derive(Default)]
struct Gathered {
    /// In a group of capitalised words inside a sentence.
    grouped: FxHashSet<String>,
    /// Capitalised alone inside a sentence: names unless the lists take them for
    /// German nouns or common words (or, in German text, for English nouns).
    alone: FxHashSet<String>,
}

impl<'a> DocumentNames<'a> {
    /// The names of the document `text` cut into `sentences`, in language `main`;
    /// `glossary` holds the folded capitalised words of glossary terms.
    pub(super) fn new(
        text: &'a str,
        sentences: &'a [Span],
        main: Lang,
        glossary: &'a FxHashSet<String>,
    ) -> Self {
        DocumentNames {
            text,
            sentences,
            main,
            glossary,
            gathered: OnceCell::new(),
        }
    }

    /// Whether the document or the glossary writes `word` as a name.
    pub(super) fn knows(&self, word: &str, params: &Params) -> bool {
        let folded = fold(word);
        if self.glossary.contains(&folded) {
            return true;
        }
        let gathered = self.gathered.get_or_init(|| self.gather());
        gathered.grouped.contains(&folded)
            || (gathered.alone.contains(&folded)
                && compound_scores(word, false, params).is_some_and(|(likelihoods, spread)| {
                    let best = likelihoods.iter().copied().fold(f32::MIN, f32::max);
                    let relative = likelihoods.map(|l| l - best);
                    let english_noun = self.main == Lang::De && relative[index(Lang::En)] == 0.0;
                    !capitalised_word(&relative, spread, false) && !english_noun
                }))
    }

    fn gather(&self) -> Gathered {
        let mut gathered = Gathered::default();
        let mut lowercase = FxHashSet::default();
        for sentence in self.sentences {
            let body = sentence.text(self.text);
            let words: Vec<Span> = compound_words(body).collect();
            // The first word's capital is the sentence's, not the word's.
            let capital =
                |k: usize| k > 0 && k < words.len() && written_as_name(words[k].text(body));
            let touching = |left: Span, right: Span| {
                body[left.end..right.start].chars().all(char::is_whitespace)
            };
            for word in &words {
                let word = word.text(body);
                if word.chars().next().is_some_and(char::is_lowercase) {
                    lowercase.insert(fold(word));
                }
            }
            for k in (1..words.len()).filter(|&k| capital(k)) {
                let grouped = (capital(k - 1) && touching(words[k - 1], words[k]))
                    || (capital(k + 1) && touching(words[k], words[k + 1]));
                let folded = fold(words[k].text(body));
                if grouped {
                    gathered.grouped.insert(folded);
                } else {
                    gathered.alone.insert(folded);
                }
            }
        }
        // A word the document also writes in lower case is a word, not a name ("No"
        // and "we" in English passages of German text).
        gathered.alone.retain(|word| !lowercase.contains(word));
        gathered
    }
}

/// A word that starts with a capital not by grammar (English "I", German "Sie") and is
/// not an acronym or number.
fn written_as_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && !capital_pronoun(word)
        && !is_neutral(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::Segmenter;

    fn knows(text: &str, main: Lang, word: &str) -> bool {
        let sentences = Segmenter::new(main).segment(text);
        let glossary = FxHashSet::default();
        DocumentNames::new(text, &sentences, main, &glossary).knows(word, &Params::default())
    }

    #[test]
    fn names_written_inside_sentences() {
        let fr = "Le chancelier Olaf Scholz est venu. Scholz a parlé. Hier, Macron a parlé.";
        assert!(knows(fr, Lang::Fr, "Scholz"), "in a group");
        assert!(knows(fr, Lang::Fr, "Macron"), "alone, listed everywhere");
        let de = "Der Lockdown dauerte. Bundeskanzler Olaf Scholz sprach vom Lockdown. \
                  Im Wasser lag Eis. Am Montag sagte Rubio, er reise ab.";
        assert!(knows(de, Lang::De, "Scholz"), "in a group");
        assert!(
            !knows(de, Lang::De, "Lockdown"),
            "German capitalises every noun, also those it borrows from English"
        );
        assert!(!knows(de, Lang::De, "Wasser"), "a German noun");
        assert!(knows(de, Lang::De, "Rubio"), "alone, leaning to Spanish");
        let mixed = "Er fragte nur: Do you know? Sie sagte, do it.";
        assert!(!knows(mixed, Lang::De, "Do"), "also written in lower case");
        let en = "The Regierung met. Regierung is German.";
        assert!(!knows(en, Lang::En, "Regierung"), "a German noun");
        assert!(
            !knows("Der Plan. Olaf sagte nein.", Lang::De, "Olaf"),
            "first words"
        );
    }
}
