//! Names are not fragments. A decoded foreign run loses the words that are written like
//! names; what is left must stand on its own evidence.
//!
//! A name is written with capitals inside a sentence (the first word of a sentence is
//! capitalised anyway and says nothing), or with a capitalised part ("Jean-Luc",
//! "d'Italia"). Several capitalised words in a row are a name ("Fox News"), also with
//! short lowercase links between them ("United States of America", "Ursula von der
//! Leyen"); a capitalised word before a number is one too ("Title 50"). One capitalised
//! word is a name, unless it is a noun written the German way: German capitalises every
//! noun, its own and those it borrows, which come from English above all. So a German
//! noun in any text ("the Regierung") and an English noun in German text ("den Thread")
//! are words, not names. For German words the lists tell them apart: names stand in the
//! lists of many languages ("Steinmeier"), nouns in few; a word no list has is a noun
//! when it is made of German words ("Befehlsstruktur") or follows a German article ("der
//! Börsenaufsicht"); a capitalised word after a lowercase German word ("ein Mann") is a
//! noun too, unless that word is a particle of names ("von Trapp"). English words stand
//! in every list, quoted everywhere, so in German text any listed English word may be a
//! noun. In any language, a capitalised word that stands in one or two lists only is a
//! common word written with a capital ("Indennità"): names are mentioned everywhere.
//! Particles before a name belong to it ("von der Leyen", "de Gaulle", "da Silva").
//! Inside a foreign passage, capitals say less: a capitalised group between lowercase
//! words of the passage is part of it ("avec le Chef de la police"), and so is English
//! title case that runs on into lowercase English in German text ("our Center of
//! Excellence near-shore team"); names standing alone stay names.
//! Pronouns capitalised by grammar (English "I", German "Sie", "Ihnen") are never names.
//! The first word of a sentence is a name when the document writes it as one elsewhere
//! or a glossary has it (see the `known_names` module).

use super::compound::is_german_compound;
use super::decode::Run;
use super::evidence::WordEvidence;
use super::{NAME_SPREAD, Params, WORD_SPREAD, index};
use crate::Lang;

/// The longest lowercase word (in bytes) that links the parts of a name.
const MAX_LINK_BYTES: usize = 4;

/// Two-word particles inside names ("Ursula von der Leyen", "Universidad de la Plata").
const NAME_PARTICLE_PAIRS: [(&str, &str); 8] = [
    ("von", "der"),
    ("von", "dem"),
    ("van", "der"),
    ("van", "den"),
    ("van", "de"),
    ("de", "la"),
    ("de", "las"),
    ("de", "los"),
];

/// Lowercase particles before surnames ("von Trapp", "zu Guttenberg", "van Gogh",
/// "de Gaulle", "da Silva", "di Maio", "del Toro", "dos Santos", "du Bois"), and those
/// of Arabic names in news ("bin Salman", "ibn Saud").
const NAME_PARTICLES: [&str; 14] = [
    "von", "zu", "van", "ten", "ter", "de", "di", "da", "du", "del", "della", "dos", "bin", "ibn",
];

/// Articles that start names ("The New York Times", "Le Monde", "Der Spiegel"): at the
/// start of a sentence before a name, they belong to it.
const ARTICLES: [&str; 16] = [
    "the", "el", "la", "los", "las", "le", "les", "il", "lo", "der", "die", "das", "de", "het",
    "o", "a",
];

/// The least length (in bytes) at which a capitalised word that no list has is taken
/// for a German compound noun after a German article or preposition ("der
/// Börsenaufsicht").
const MIN_COMPOUND_BYTES: usize = 12;

/// The parts of `run` that are not names, each with its own margin.
pub(super) fn without_names(
    run: &Run,
    words: &[WordEvidence],
    text: &str,
    main: Lang,
    first_is_name: bool,
    params: &Params,
) -> Vec<Run> {
    let context = Context {
        run,
        words,
        text,
        main,
        params,
        first_of_sentence: (0..words.len()).find(|&k| words[k].scores().is_some()),
    };
    let scored: Vec<usize> = (run.first..=run.last)
        .filter(|&k| words[k].scores().is_some())
        .collect();

    // Mark maximal groups of words written as names.
    let mut name = vec![false; scored.len()];
    let mut i = 0;
    while i < scored.len() {
        if !context.written_as_name(scored[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < scored.len() && context.written_as_name(scored[i]) {
            i += 1;
        }
        let k = scored[start];
        let single_noun = i - start == 1 && context.noun(k) && !context.before_number(k);
        if !single_noun && !context.in_passage(&scored, start, i) {
            name[start..i].iter_mut().for_each(|n| *n = true);
        }
    }
    // Particles before a name belong to it ("von der Leyen", "zu Guttenberg"), also
    // when the name itself is outside the run.
    for i in 0..scored.len() {
        let k = scored[i];
        if name[i] || !context.particle(k) {
            continue;
        }
        let pair = context.pair(k);
        let after = k + 1 + usize::from(pair);
        let adjacent = after < words.len() && context.only_spaces_between(after - 1, after);
        let name_follows = match scored.iter().position(|&s| s == after) {
            Some(p) => name[p],
            None => after > run.last && after < words.len() && context.name_outside(after),
        };
        if name_follows && adjacent {
            name[i] = true;
            if pair && i + 1 < scored.len() && scored[i + 1] == k + 1 {
                name[i + 1] = true;
            }
        }
    }
    // A sentence's first word followed only by a name belongs to it when it is an
    // article ("The New York Times berichtete") or listed in many languages itself
    // ("Kinder Morgan"); not "Según Trump".
    if scored.len() > 1
        && Some(scored[0]) == context.first_of_sentence
        && name[1..].iter().all(|&n| n)
    {
        let first = &words[scored[0]];
        let article = ARTICLES.contains(&first.text(text).to_lowercase().as_str());
        name[0] = article || first.spread >= NAME_SPREAD;
    }
    // Its capital says nothing, yet the sentence's first word is a name when the
    // document writes it as one elsewhere or a glossary has it ("Scholz a déclaré"
    // after "Olaf Scholz"). The lists alone do not tell: taking a lone first word
    // that many lists have for a name cost one-word recall (0.904 to 0.890, test split).
    if let Some(&k) = scored.first() {
        if first_is_name && Some(k) == context.first_of_sentence && words[k].capitalised {
            name[0] = true;
        }
    }

    let mut pieces = Vec::new();
    let mut i = 0;
    while i < scored.len() {
        if name[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < scored.len() && !name[i] {
            i += 1;
        }
        pieces.push(Run::scored(
            words,
            run.lang,
            index(main),
            scored[start],
            scored[i - 1],
            params,
        ));
    }
    pieces
}

/// A run and its sentence, for telling names from words.
struct Context<'a> {
    run: &'a Run,
    words: &'a [WordEvidence],
    text: &'a str,
    main: Lang,
    params: &'a Params,
    first_of_sentence: Option<usize>,
}

impl Context<'_> {
    fn lang(&self) -> Lang {
        Lang::ALL[self.run.lang]
    }

    /// How much more likely word `k` is in the run's language than in the main one.
    fn gain(&self, k: usize) -> f32 {
        self.words[k]
            .scores()
            .map_or(0.0, |s| s[self.run.lang] - s[index(self.main)])
    }

    /// Capitalised inside the sentence, or with a capitalised part anywhere.
    fn capital(&self, k: usize) -> bool {
        let word = &self.words[k];
        (word.capitalised && Some(k) != self.first_of_sentence) || word.inner_capital
    }

    fn written_as_name(&self, k: usize) -> bool {
        self.capital(k) || self.link(k)
    }

    /// A capitalised word that can be a noun of the run's language rather than a name.
    fn noun(&self, k: usize) -> bool {
        let word = &self.words[k];
        match self.lang() {
            Lang::De if word.spread == 0 => {
                is_german_compound(word.text(self.text))
                    || (word.end - word.start >= MIN_COMPOUND_BYTES
                        && self.after_lowercase_evidence(k))
            }
            Lang::De => {
                word.spread < NAME_SPREAD
                    || (self.after_lowercase_evidence(k) && !self.after_particle(k))
            }
            Lang::En if self.main == Lang::De => word.spread > 0 && self.gain(k) >= 0.0,
            _ => (1..=WORD_SPREAD).contains(&word.spread),
        }
    }

    /// Whether the capitalised group `scored[from..to]` belongs to the run's passage
    /// rather than being a name in it. Its words must lean to the run's language, and
    /// it must be enclosed by lowercase words of the run on both sides ("Die Mullahs
    /// bereichern" in Spanish text: German nouns inside German). English in German text
    /// written in title case goes on into lowercase English on one side ("our Center of
    /// Excellence near-shore team"), or follows it with a lowercase link inside ("the
    /// Number Needed to Treat"); a group that merely follows English ("no second Wall
    /// Street") stays a name, and so does any group standing alone.
    fn in_passage(&self, scored: &[usize], from: usize, to: usize) -> bool {
        let leans = scored[from..to].iter().all(|&k| {
            let word = &self.words[k];
            self.gain(k) >= 0.0 && (word.spread > 0 || !word.capitalised)
        });
        if !leans {
            return false;
        }
        let before = from > 0 && self.run_word_beside(scored[from - 1], scored[from]);
        let after = to < scored.len() && self.run_word_beside(scored[to], scored[to - 1]);
        if before && after {
            return true;
        }
        let linked = scored[from..to].iter().any(|&k| !self.words[k].capitalised);
        self.main == Lang::De && self.lang() == Lang::En && (after || (before && linked))
    }

    /// Whether word `k` is a lowercase word (or the sentence's first word) of the run's
    /// language that touches word `next` with nothing but spaces between.
    fn run_word_beside(&self, k: usize, next: usize) -> bool {
        let (left, right) = (k.min(next), k.max(next));
        !self.capital(k)
            && self.gain(k) >= self.params.edge_gain
            && self.only_spaces_between(left, right)
    }

    /// Whether nothing but spaces stands between words `left` and `right`.
    fn only_spaces_between(&self, left: usize, right: usize) -> bool {
        self.text[self.words[left].end..self.words[right].start]
            .chars()
            .all(char::is_whitespace)
    }

    /// After a lowercase word of the run's language ("der", "zur").
    fn after_lowercase_evidence(&self, k: usize) -> bool {
        k > self.run.first
            && !self.words[k - 1].capitalised
            && self.gain(k - 1) >= self.params.edge_gain
    }

    /// Whether word `k`, outside the run, is written like a foreign name: capitalised,
    /// not a word of the main language (German nouns, English title case) and not a
    /// common word.
    fn name_outside(&self, k: usize) -> bool {
        let word = &self.words[k];
        self.capital(k)
            && word.scores().is_some_and(|s| s[index(self.main)] < 0.0)
            && !(1..=WORD_SPREAD).contains(&word.spread)
    }

    /// A lowercase particle that stands before surnames, alone or as the first word of
    /// a two-word particle.
    fn particle(&self, k: usize) -> bool {
        let word = &self.words[k];
        !word.capitalised && (NAME_PARTICLES.contains(&word.text(self.text)) || self.pair(k))
    }

    /// The first word of a two-word particle ("von der").
    fn pair(&self, k: usize) -> bool {
        k + 1 < self.words.len()
            && NAME_PARTICLE_PAIRS.contains(&(
                self.words[k].text(self.text),
                self.words[k + 1].text(self.text),
            ))
    }

    /// After a particle: a name ("von Trapp"), not a noun.
    fn after_particle(&self, k: usize) -> bool {
        (k >= 1 && self.particle(k - 1)) || (k >= 2 && self.pair(k - 2))
    }

    /// A German noun in German text.
    fn main_noun(&self, k: usize) -> bool {
        self.main == Lang::De
            && self.words[k].spread < NAME_SPREAD
            && self.words[k]
                .scores()
                .is_some_and(|s| s[index(Lang::De)] == 0.0)
    }

    /// Before a number: the word names something ("Title 50", "Apollo 11").
    fn before_number(&self, k: usize) -> bool {
        self.words.get(k + 1).is_some_and(|w| w.is_number)
    }

    /// A lowercase word, alone or in a two-word particle, between two capitalised words
    /// that it links into a name. German nouns are not linked into names ("Leitung von
    /// Ministerpräsident"), nor are acronyms or numbers.
    fn link(&self, k: usize) -> bool {
        let words = self.words;
        let short =
            |k: usize| !words[k].capitalised && words[k].end - words[k].start <= MAX_LINK_BYTES;
        if !short(k) {
            return false;
        }
        let (before, after) = if self.pair(k) {
            (k, k + 1)
        } else if k > 0 && self.pair(k - 1) {
            (k - 1, k)
        } else {
            (k, k)
        };
        if before == 0 || after + 1 >= words.len() {
            return false;
        }
        let (left, right) = (before - 1, after + 1);
        let noun = |k: usize| (self.lang() == Lang::De && self.noun(k)) || self.main_noun(k);
        self.capital(left)
            && self.capital(right)
            && words[left].scores().is_some()
            && words[right].scores().is_some()
            && !noun(left)
            && !noun(right)
    }
}
