//! One side of a document pair as the aligner sees it: per sentence, its length in
//! characters and its set of token types (word stems, numbers, punctuation marks), each
//! weighted by how rare it is in the document.

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use super::cognate::fold;
use crate::{Lang, words};

/// Without a stemmer (a language tandem does not know), words are cut to this many
/// characters: a crude, language-independent stemmer that still lets inflected forms of
/// one word meet (Icelandic "fjallið" / "fjallsins").
const UNKNOWN_LANG_STEM_CHARS: usize = 6;

/// Punctuation that translations keep: questions, exclamations, colons, semicolons,
/// quotes and parentheses. Quote styles differ between languages, so every double quote
/// is one mark; so is every parenthesis.
fn punctuation_class(c: char) -> Option<char> {
    match c {
        '?' | '¿' => Some('?'),
        '!' | '¡' => Some('!'),
        ':' => Some(':'),
        ';' => Some(';'),
        '"' | '«' | '»' | '„' | '“' | '”' | '‹' | '›' => Some('"'),
        '(' | ')' | '[' | ']' => Some('('),
        _ => None,
    }
}

/// Parentheses and square brackets `(closed, open)`: how many a text closes that it
/// did not open, and how many it opens and leaves open. Quotes are left out: their
/// direction differs between languages (« » and » «).
fn brackets(text: &str) -> (usize, usize) {
    let (mut closed, mut open) = (0, 0);
    for c in text.chars() {
        match c {
            '(' | '[' => open += 1,
            ')' | ']' if open > 0 => open -= 1,
            ')' | ']' => closed += 1,
            _ => {}
        }
    }
    (closed, open)
}

/// Whether a text ends with an initial and its full stop ("B.M .", "Marmet-E.", "J ."):
/// a name the segmenter took for a sentence end.
fn ends_with_initial(text: &str) -> bool {
    let Some(rest) = text.trim_end().strip_suffix('.') else {
        return false;
    };
    let mut chars = rest.trim_end().chars().rev();
    let (Some(letter), before) = (chars.next(), chars.next()) else {
        return false;
    };
    letter.is_uppercase() && before.is_none_or(|c| c.is_whitespace() || c == '.' || c == '-')
}

/// What a token type is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A word's folded stem.
    Word,
    /// The digits of a number.
    Number,
    /// The n-th occurrence of a punctuation mark in its sentence.
    Punctuation,
}

/// A sentence's features.
#[derive(Debug, Clone, Default)]
pub(super) struct Sentence {
    /// Its distinct token types with their weights, sorted by type.
    pub types: Vec<(u32, f32)>,
    /// The sum of the weights.
    pub weight: f32,
    /// Length in characters, without surrounding white space.
    pub chars: u32,
    /// Whether the sentence ends without closing its clause ("… Zürich :", "… ;"), leaves
    /// a bracket open ("( Nov ." before "1956 ) ."), ends with an initial ("… durch B.M ."
    /// before "Abalakow …"), or the next one starts in lower case or closes a bracket
    /// it did not open: the segmenter may have split a sentence.
    pub open_end: bool,
    /// How the sentence ends.
    pub end: End,
    /// OCR debris rather than a sentence: no digit and never two letters in a row ("- _-",
    /// "h * \"", "é » ."), which no translator translates.
    pub debris: bool,
}

/// Whether a line is OCR debris (see [`Sentence::debris`]). Two letters in a row make a
/// word, however short ("No.", "Já."), and a digit a number, which is translated.
fn is_debris(text: &str) -> bool {
    let mut letters_in_a_row = 0;
    for c in text.chars() {
        if c.is_numeric() {
            return false;
        }
        if c.is_alphabetic() {
            letters_in_a_row += 1;
            if letters_in_a_row == 2 {
                return false;
            }
        } else {
            letters_in_a_row = 0;
        }
    }
    true
}

/// How a sentence ends: translations end their units alike, so a bead whose two sides
/// end differently ("… Zugang :" against "… conseillé .") is often cut in the wrong
/// place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum End {
    /// A full stop, question or exclamation mark.
    #[default]
    Final,
    /// A colon.
    Colon,
    /// A semicolon.
    Semicolon,
    /// A comma.
    Comma,
    /// Anything else: a caption, a heading, a cut-off line.
    Other,
}

impl End {
    fn of(text: &str) -> End {
        match text.trim_end().chars().next_back() {
            Some('.' | '?' | '!' | '…') => End::Final,
            Some(':') => End::Colon,
            Some(';') => End::Semicolon,
            Some(',') => End::Comma,
            _ => End::Other,
        }
    }

    /// Whether a sentence ending so leaves its clause open ("… Zürich :", "… ;", "… ,").
    fn leaves_clause_open(self) -> bool {
        matches!(self, End::Colon | End::Semicolon | End::Comma)
    }
}

/// One side of the pair.
#[derive(Debug, Default)]
pub(super) struct Side {
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Each type's key (a folded stem, `#` and digits, or a mark and its count).
    pub keys: Vec<String>,
    /// Each type's kind.
    pub kinds: Vec<Kind>,
    /// Key to type.
    pub index: FxHashMap<String, u32>,
    /// `chars[k]` = characters in sentences `0..k`.
    pub char_prefix: Vec<u64>,
    /// `weight[k]` = weight of sentences `0..k`.
    pub weight_prefix: Vec<f64>,
}

/// Turns words into keys the same way for the document and for glossary terms.
pub(super) struct Keyer {
    stemmer: Option<Stemmer>,
}

impl Keyer {
    /// The keyer for `lang`; without a language, words are cut instead of stemmed.
    pub(super) fn new(lang: Option<Lang>) -> Keyer {
        let algorithm = lang.map(Lang::snowball);
        Keyer {
            stemmer: algorithm.map(Stemmer::create),
        }
    }

    /// The key and kind of every word of `text`, in order.
    pub(super) fn words(&self, text: &str) -> Vec<(String, Kind)> {
        words(text)
            .map(|token| {
                if token.text.chars().any(|c| c.is_ascii_digit()) {
                    let digits: String = token.text.chars().filter(char::is_ascii_digit).collect();
                    (format!("#{digits}"), Kind::Number)
                } else {
                    (self.stem(token.text), Kind::Word)
                }
            })
            .collect()
    }

    fn stem(&self, word: &str) -> String {
        let lower = word.to_lowercase();
        match &self.stemmer {
            Some(stemmer) => fold(&stemmer.stem(&lower)),
            None => fold(&lower).chars().take(UNKNOWN_LANG_STEM_CHARS).collect(),
        }
    }
}

/// Weight of a type found in `df` of `n` sentences: its inverse document frequency,
/// smoothed so that a word in every sentence still counts a little (a learnt
/// translation of "und" is weak evidence, not none).
fn idf(n: usize, df: u32) -> f32 {
    (1.0 + n as f64 / f64::from(df.max(1))).ln() as f32
}

impl Side {
    /// Reads the sentences of one side.
    pub(super) fn new(sentences: &[&str], keyer: &Keyer) -> Side {
        let mut side = Side::default();
        let mut df: Vec<u32> = Vec::new();
        let mut raw: Vec<Vec<u32>> = Vec::with_capacity(sentences.len());
        for text in sentences {
            let mut types: Vec<u32> = Vec::new();
            for (key, kind) in keyer.words(text) {
                types.push(side.intern(key, kind));
            }
            let mut seen: FxHashMap<char, u32> = FxHashMap::default();
            for class in text.chars().filter_map(punctuation_class) {
                let count = seen.entry(class).or_insert(0);
                *count += 1;
                types.push(side.intern(format!("{class}{count}"), Kind::Punctuation));
            }
            types.sort_unstable();
            types.dedup();
            df.resize(side.keys.len(), 0);
            for &t in &types {
                df[t as usize] += 1;
            }
            raw.push(types);
            let trimmed = text.trim();
            let end = End::of(trimmed);
            side.sentences.push(Sentence {
                chars: trimmed.chars().count() as u32,
                open_end: end.leaves_clause_open()
                    || brackets(trimmed).1 > 0
                    || ends_with_initial(trimmed),
                end,
                debris: is_debris(trimmed),
                ..Sentence::default()
            });
        }
        for (k, text) in sentences.iter().enumerate().skip(1) {
            if text.trim_start().starts_with(char::is_lowercase) || brackets(text).0 > 0 {
                side.sentences[k - 1].open_end = true;
            }
        }
        let n = sentences.len();
        let weights: Vec<f32> = df.iter().map(|&d| idf(n, d)).collect();
        side.char_prefix.push(0);
        side.weight_prefix.push(0.0);
        for (sentence, types) in side.sentences.iter_mut().zip(raw) {
            sentence.types = types.iter().map(|&t| (t, weights[t as usize])).collect();
            sentence.weight = sentence.types.iter().map(|&(_, w)| w).sum();
            let last_chars = *side.char_prefix.last().unwrap_or(&0);
            side.char_prefix
                .push(last_chars + u64::from(sentence.chars));
            let last_weight = *side.weight_prefix.last().unwrap_or(&0.0);
            side.weight_prefix
                .push(last_weight + f64::from(sentence.weight));
        }
        side
    }

    fn intern(&mut self, key: String, kind: Kind) -> u32 {
        if let Some(&id) = self.index.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.index.insert(key.clone(), id);
        self.keys.push(key);
        self.kinds.push(kind);
        id
    }

    /// Number of sentences.
    pub(super) fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Characters in sentences `from..to`.
    pub(super) fn chars(&self, from: usize, to: usize) -> f64 {
        (self.char_prefix[to] - self.char_prefix[from]) as f64
    }

    /// Weight of sentences `from..to`.
    pub(super) fn weight(&self, from: usize, to: usize) -> f64 {
        self.weight_prefix[to] - self.weight_prefix[from]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_words_and_punctuation_become_types() {
        let keyer = Keyer::new(Some(Lang::De));
        let side = Side::new(&["Der Berg ( 4478 m ) ?", "Die Berge ."], &keyer);
        let keys: Vec<&str> = side.sentences[0]
            .types
            .iter()
            .map(|&(t, _)| side.keys[t as usize].as_str())
            .collect();
        for key in ["#4478", "berg", "(1", "(2", "?1"] {
            assert!(keys.contains(&key), "{key} missing from {keys:?}");
        }
        // "Berg" and "Berge" share a stem, so it is in both sentences.
        let berg = side.index["berg"];
        assert!(side.sentences[1].types.iter().any(|&(t, _)| t == berg));
        assert_eq!(side.chars(0, 1), 21.0);
    }

    #[test]
    fn open_ends_mark_likely_segmentation_artefacts() {
        let keyer = Keyer::new(Some(Lang::De));
        let side = Side::new(
            &[
                "Grenoble :",
                "B.Arthaud ) .",
                "und dann .",
                "Ende .",
                "Erstersteigung durch B.M .",
                "Abalakow ( Nr. 293 , Nov .",
                "1956 ) , S. 3 .",
                "Die Route ( 1956 ) war gut .",
                "Er sah einen Berg .",
                "Das Tal ( 5 ) [ 6 ] .",
            ],
            &keyer,
        );
        let open: Vec<bool> = side.sentences.iter().map(|s| s.open_end).collect();
        assert_eq!(
            open,
            [
                true, true, false, false, true, true, false, false, false, false
            ]
        );
    }

    #[test]
    fn ends_are_classified_by_the_last_mark() {
        for (text, end) in [
            ("Wir kamen an . ", End::Final),
            ("Wer kam ?", End::Final),
            ("Zugang : ", End::Colon),
            ("la neige est sans consistance ;", End::Semicolon),
            ("Wagen 2. Klasse an der Spitze ,", End::Comma),
            ("Vue sur la Vorderspitze", End::Other),
            ("", End::Other),
        ] {
            assert_eq!(End::of(text), end, "{text:?}");
        }
        let side = Side::new(&["Zugang :", "Ende ."], &Keyer::new(Some(Lang::De)));
        assert_eq!(side.sentences[0].end, End::Colon);
        assert_eq!(side.sentences[1].end, End::Final);
    }

    #[test]
    fn debris_has_no_digit_and_no_two_letters_in_a_row() {
        for debris in ["- _-", "h * \"", "é » .", ".....", ",r", "f r", ""] {
            assert!(is_debris(debris), "{debris:?}");
        }
        for text in ["No.", "Já.", "1. 1950 :", "m 4478", "JfV"] {
            assert!(!is_debris(text), "{text:?}");
        }
    }

    #[test]
    fn rare_types_weigh_more() {
        let keyer = Keyer::new(None);
        let side = Side::new(&["a b", "a c", "a d"], &keyer);
        let weight = |key: &str| {
            let id = side.index[key];
            side.sentences
                .iter()
                .flat_map(|s| &s.types)
                .find(|&&(t, _)| t == id)
                .map(|&(_, w)| w)
                .unwrap()
        };
        assert!(weight("b") > weight("a"));
        assert!(weight("a") > 0.0);
    }

    #[test]
    fn unknown_languages_cut_words() {
        let keyer = Keyer::new(None);
        let keys: Vec<String> = keyer.words("Fjallsins").into_iter().map(|k| k.0).collect();
        assert_eq!(keys, ["fjalls"]);
    }
}
