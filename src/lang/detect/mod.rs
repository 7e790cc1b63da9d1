//! Mixed-language fragments down to a single word.
//!
//! Each word gets evidence from word-frequency lists of all seven languages (or, when
//! no list has it, from character trigram models of their vocabularies); the lists are
//! first cleaned of what other languages leak into them (web text quotes English
//! everywhere). German capitalises its nouns, so a word written in lower case is as
//! likely German as the share of its lowercase use says ("eine massage" is not the
//! German noun). A hyphenated compound is one word. A hidden Markov model over the words
//! of a sentence then decides which words belong to another language: switching
//! language costs, so one word needs strong evidence while a run of foreign words adds
//! its evidence up. Runs that are written like names (capitalised words inside a
//! sentence, or a sentence's first word that the document writes as a name elsewhere;
//! see the `names` module) are names, not fragments; acronyms, numbers and
//! protected glossary terms carry no evidence. A lone word that the main language uses
//! often on its own is a word of it, whatever other languages say (German "per" in "per
//! Lastschrift" is not Italian). Words in another script are flagged by script.

mod charmodel;
mod compound;
mod decode;
mod evidence;
mod fragment;
mod known_names;
mod lexicon;
mod names;
mod protect;

use unicode_script::Script;

use crate::lang::{Lang, identify};
use crate::text::sentences::Segmenter;
use crate::text::{Document, Span};

pub use fragment::{Fragment, FragmentLang};

use decode::{Run, foreign_runs};
use evidence::{Kind, WordEvidence, sentence_evidence};
use known_names::DocumentNames;
pub(super) use lexicon::fold;
use lexicon::{LANGS, Lexicon};
use protect::Protected;

/// The longest stretch of a sentence weighed at once. Real sentences are far shorter;
/// a line of megabytes without a sentence end is weighed in pieces, so that memory does
/// not grow with it (the words' evidence takes about 14 times the text's bytes).
const MAX_SENTENCE_BYTES: usize = 1 << 16;

/// The detector's tuning, in log10 likelihood units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Params {
    /// Cost of switching language inside a sentence.
    pub(crate) switch_cost: f32,
    /// Cost of starting a sentence in a language other than the main one.
    pub(crate) start_cost: f32,
    /// Cost of ending a sentence in a language other than the main one.
    pub(crate) end_cost: f32,
    /// How much rarer than a list's rarest word an unlisted word is taken to be.
    pub(crate) unlisted_drop: f32,
    /// Weight of the evidence of a capitalised word inside a sentence, when the main
    /// language does not capitalise nouns: such words are mostly names.
    pub(crate) name_weight: f32,
    /// The least margin a run needs to be reported.
    pub(crate) min_margin: f32,
    /// Weight of the character model's verdict on unlisted words.
    pub(crate) char_weight: f32,
    /// The least evidence a word at the edge of a fragment must give for the fragment's
    /// language to stay part of it.
    pub(crate) edge_gain: f32,
}

impl Default for Params {
    /// Tuned on the even-numbered sentences of the insertion benchmark (`tandem eval
    /// detect --split dev`); the odd-numbered ones are kept for reporting.
    fn default() -> Self {
        Params {
            switch_cost: 0.8,
            start_cost: 0.8,
            end_cost: 0.6,
            unlisted_drop: 0.5,
            name_weight: 0.3,
            min_margin: 0.3,
            char_weight: 1.0,
            edge_gain: 0.2,
        }
    }
}

/// A capitalised word that stands in this many languages' full wordfreq lists is taken
/// for a name even when it is most frequent in German ("Stuttgart", "Steinmeier"):
/// names are mentioned everywhere, German nouns rarely.
pub(crate) const NAME_SPREAD: usize = 4;

/// A capitalised word that stands in at most this many languages' full wordfreq lists
/// (and in one at least) is a common word of its language written with a capital
/// ("Indennità", "Novembro", "Volksgezondheid"), not a name: even names of local fame
/// ("Ebrard", "Culiacán", "Habeck") are mentioned in three lists or more.
pub(crate) const WORD_SPREAD: usize = 2;

/// The document language and the fragments of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// The main language of the text.
    pub lang: Lang,
    /// How sure the identification of the main language is.
    pub lang_confidence: f64,
    /// The foreign fragments, sorted and non-overlapping.
    pub fragments: Vec<Fragment>,
}

/// Finds mixed-language fragments with the default settings, identifying the main
/// language with whatlang.
///
/// ```
/// let text = "Según The New York Times hat sich das Weiße Haus nicht geäußert.";
/// let detection = tandem::detect(text);
/// assert_eq!(detection.lang, tandem::Lang::De);
/// let fragment = &detection.fragments[0];
/// assert_eq!(fragment.span.text(text), "Según");
/// assert_eq!(fragment.lang.to_string(), "es");
/// ```
pub fn detect(text: &str) -> Detection {
    Detector::default().detect(text)
}

/// A configured fragment detector.
#[derive(Debug, Clone)]
pub struct Detector {
    params: Params,
    allowed: [bool; LANGS],
    protected: Protected,
}

impl Default for Detector {
    fn default() -> Self {
        Detector::builder().build()
    }
}

/// Settings for a [`Detector`].
#[derive(Debug, Clone)]
pub struct DetectorBuilder {
    params: Params,
    languages: Vec<Lang>,
    protected: Vec<String>,
}

impl DetectorBuilder {
    /// The languages fragments may be in (default: all seven). Fragments of other
    /// languages are dropped, never relabelled: the words are weighed in all seven
    /// languages ("gracias" in German text is Spanish, and is dropped when Spanish is
    /// not allowed, not reported as English). Words of other scripts are reported
    /// whatever this says.
    pub fn languages(mut self, languages: &[Lang]) -> Self {
        self.languages = languages.to_vec();
        self
    }

    /// Terms that are never fragments, such as glossary entries ("Casa Blanca").
    pub fn protect<I, S>(mut self, terms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.protected.extend(terms.into_iter().map(Into::into));
        self
    }

    /// The cost of a language switch inside a sentence, in log10 likelihood units
    /// (default 0.8): higher finds fewer, surer fragments.
    pub fn switch_cost(mut self, cost: f32) -> Self {
        self.params.switch_cost = cost;
        self
    }

    /// The cost of starting a sentence in a foreign language (default 0.8).
    pub fn start_cost(mut self, cost: f32) -> Self {
        self.params.start_cost = cost;
        self
    }

    /// The cost of ending a sentence in a foreign language (default 0.6).
    pub fn end_cost(mut self, cost: f32) -> Self {
        self.params.end_cost = cost;
        self
    }

    /// The least margin, in log10 likelihood units, a fragment must have over the main
    /// language to be reported (default 0.3).
    pub fn min_margin(mut self, margin: f32) -> Self {
        self.params.min_margin = margin;
        self
    }

    /// How much rarer than a word list's rarest word an unlisted word is taken to be,
    /// in log10 units (default 0.5).
    pub fn unlisted_penalty(mut self, penalty: f32) -> Self {
        self.params.unlisted_drop = penalty;
        self
    }

    /// Weight of the character model's verdict on words no list has (default 1.0; a
    /// negative weight counts as 0).
    pub fn char_model_weight(mut self, weight: f32) -> Self {
        self.params.char_weight = weight.max(0.0);
        self
    }

    /// Weight of the evidence of capitalised words inside a sentence when the main
    /// language does not capitalise nouns (default 0.3): such words are mostly names.
    pub fn name_weight(mut self, weight: f32) -> Self {
        self.params.name_weight = weight;
        self
    }

    /// The least evidence, in log10 units, a word at the edge of a fragment must give for
    /// the fragment's language to stay part of it (default 0.2).
    pub fn edge_gain(mut self, gain: f32) -> Self {
        self.params.edge_gain = gain;
        self
    }

    /// Builds the detector.
    pub fn build(self) -> Detector {
        let mut allowed = [false; LANGS];
        for lang in &self.languages {
            allowed[index(*lang)] = true;
        }
        Detector {
            params: self.params,
            allowed,
            protected: Protected::new(&self.protected),
        }
    }
}

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)
}

impl Detector {
    /// Settings, starting from the defaults.
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder {
            params: Params::default(),
            languages: Lang::ALL.to_vec(),
            protected: Vec::new(),
        }
    }

    /// Identifies the main language of `text` and finds its fragments.
    pub fn detect(&self, text: &str) -> Detection {
        let guess = identify(text);
        let lang = guess.map_or(Lang::En, |g| g.lang);
        Detection {
            lang,
            lang_confidence: guess.map_or(0.0, |g| g.confidence),
            fragments: self.fragments(text, lang),
        }
    }

    /// The fragments of `text`, whose main language is `main`.
    pub fn fragments(&self, text: &str, main: Lang) -> Vec<Fragment> {
        let sentences = Segmenter::new(main).segment(text);
        self.fragments_in(text, &sentences, main)
    }

    /// The fragments of a document, in its language and sentences.
    pub fn document_fragments(&self, doc: &Document) -> Vec<Fragment> {
        self.fragments_in(&doc.text, &doc.sentences, doc.lang)
    }

    fn fragments_in(&self, text: &str, sentences: &[Span], main: Lang) -> Vec<Fragment> {
        let mut fragments = Vec::new();
        let mut sentence_words = Vec::new();
        let names = DocumentNames::new(text, sentences, main, self.protected.names());
        let pieces = sentences
            .iter()
            .flat_map(|s| s.pieces(text, MAX_SENTENCE_BYTES));
        for sentence in pieces {
            self.evidence(text, sentence, main, &mut sentence_words);
            self.sentence_fragments(text, &sentence_words, main, &names, &mut fragments);
        }
        fragments
    }

    /// The words of one sentence with their evidence.
    fn evidence(&self, text: &str, sentence: Span, main: Lang, out: &mut Vec<WordEvidence>) {
        sentence_evidence(text, sentence, main, &self.params, out);
        self.protected.neutralise(text, out);
    }

    fn sentence_fragments(
        &self,
        text: &str,
        words: &[WordEvidence],
        main: Lang,
        names: &DocumentNames,
        out: &mut Vec<Fragment>,
    ) {
        let runs = foreign_runs(words, index(main), &self.params);
        // Whether the sentence's first word, capitalised and foreign, is a name the
        // document shows: asked only then, since gathering them costs a pass.
        let first = words.iter().position(|w| w.scores().is_some());
        let first_is_name = first.is_some_and(|k| {
            words[k].capitalised
                && runs.iter().any(|run| run.first == k)
                && names.knows(words[k].text(text), &self.params)
        });
        let mut found: Vec<Fragment> = runs
            .iter()
            .flat_map(|run| {
                names::without_names(run, words, text, main, first_is_name, &self.params)
            })
            .filter(|run| run.margin >= self.params.min_margin)
            .filter(|run| self.allowed[run.lang])
            .filter(|run| !lone_common_word(run, words, text, main))
            .map(|run| Fragment {
                span: Span::new(words[run.first].start, words[run.last].end),
                lang: FragmentLang::Lang(Lang::ALL[run.lang]),
                confidence: confidence(run.margin),
            })
            .collect();
        found.extend(script_fragments(words));
        found.sort_by_key(|f| f.span.start);
        debug_assert!(found.iter().all(|f| text.is_char_boundary(f.span.start)));
        out.extend(found);
    }
}

/// Whether `run` is one word that the main language uses often on its own: German
/// "per" ("per Lastschrift") stands alone as German, not as Italian.
fn lone_common_word(run: &Run, words: &[WordEvidence], text: &str, main: Lang) -> bool {
    run.first == run.last
        && Lexicon::get()
            .lookup(&fold(words[run.first].text(text)))
            .is_some_and(|entry| entry.common_in(index(main)))
}

/// Maps a margin in log10 units to a probability-like confidence.
fn confidence(margin: f32) -> f64 {
    let p = 1.0 / (1.0 + 10f64.powf(-f64::from(margin)));
    (p * 100.0).round() / 100.0
}

/// Runs of words in the same non-Latin script.
fn script_fragments(words: &[WordEvidence]) -> Vec<Fragment> {
    let mut fragments: Vec<Fragment> = Vec::new();
    let mut previous: Option<Script> = None;
    for word in words {
        let script = match word.kind {
            Kind::Script(script) => Some(script),
            _ => None,
        };
        match (script, previous, fragments.last_mut()) {
            (Some(s), Some(p), Some(last)) if s == p => last.span.end = word.end,
            (Some(s), _, _) => fragments.push(Fragment {
                span: Span::new(word.start, word.end),
                lang: FragmentLang::Script(s),
                confidence: 0.99,
            }),
            _ => {}
        }
        previous = script;
    }
    fragments
}

#[cfg(test)]
#[rustfmt::skip] // one case per line
mod tests;
