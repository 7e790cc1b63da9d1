//! What a sentence is about, as weighted features: content-word stems, glossary
//! concepts, numbers and dates, and character n-grams of long words (so that
//! "Fentanyl-Labore" and "Fentanyllabore" meet). Weights are TF-IDF over all sentences
//! of all documents, so words every sentence has weigh nothing.

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use crate::Lang;
use crate::diff::Decimal;
use crate::glossary::inflection::fold;
use crate::lang::data::LangData;
use crate::text::words;

/// What kind of evidence a feature is; kinds weigh differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
    /// A content word's stem.
    Stem,
    /// A glossary concept.
    Concept,
    /// A number, a number word or a month.
    Number,
    /// A character n-gram of a long word.
    Gram,
}

impl Kind {
    /// How much one feature of this kind counts. Concepts and numbers are strong
    /// evidence; character n-grams come many to a word, so each counts little.
    fn weight(self) -> f32 {
        match self {
            Kind::Stem => 1.0,
            Kind::Concept => 1.5,
            Kind::Number => 1.2,
            Kind::Gram => 0.25,
        }
    }

    /// Whether a shared feature of this kind counts as a shared fact, for the rule that
    /// one shared word is not enough to align two sentences.
    pub(super) fn is_strong(self) -> bool {
        self != Kind::Gram
    }
}

/// Words shorter than this are not content words.
const MIN_CONTENT_CHARS: usize = 3;
/// Words at least this long also give character n-grams.
const GRAM_WORD_CHARS: usize = 8;
/// The n of the character n-grams.
const GRAM: usize = 5;

/// Interned feature names with their kind and document frequency.
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    ids: FxHashMap<(Kind, String), u32>,
    pub(super) kinds: Vec<Kind>,
    pub(super) df: Vec<u32>,
}

impl Vocabulary {
    /// Renumbers the features by kind and name, so that ids (and so every tie broken by
    /// them) do not depend on the order the documents came in; returns the new id of
    /// each old one.
    pub(super) fn canonical_order(&mut self) -> Vec<u32> {
        let mut names: Vec<(&(Kind, String), u32)> =
            self.ids.iter().map(|(name, &id)| (name, id)).collect();
        names.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut renumber = vec![0u32; names.len()];
        for (new, (_, old)) in names.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        let mut kinds = vec![Kind::Stem; self.kinds.len()];
        let mut df = vec![0; self.df.len()];
        for (old, &new) in renumber.iter().enumerate() {
            kinds[new as usize] = self.kinds[old];
            df[new as usize] = self.df[old];
        }
        for id in self.ids.values_mut() {
            *id = renumber[*id as usize];
        }
        self.kinds = kinds;
        self.df = df;
        renumber
    }

    fn intern(&mut self, kind: Kind, name: String) -> u32 {
        let next = self.kinds.len() as u32;
        *self.ids.entry((kind, name)).or_insert_with(|| {
            self.kinds.push(kind);
            self.df.push(0);
            next
        })
    }
}

/// A sentence's raw features before weighting: (feature, count), sorted by feature.
pub(super) type Counts = Vec<(u32, u32)>;

/// A sentence as a unit-length weighted vector, sorted by feature id.
#[derive(Debug, Clone, Default)]
pub(super) struct Vector {
    pub(super) entries: Vec<(u32, f32)>,
}

impl Vector {
    /// Cosine similarity of two unit vectors, and how many strong features they share.
    pub(super) fn compare(&self, other: &Vector, kinds: &[Kind]) -> (f32, usize) {
        let (mut i, mut j, mut dot, mut strong) = (0, 0, 0.0, 0);
        let (a, b) = (&self.entries, &other.entries);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    strong += usize::from(kinds[a[i].0 as usize].is_strong());
                    i += 1;
                    j += 1;
                }
            }
        }
        (dot, strong)
    }
}

/// Extracts the raw features of sentences, interning their names.
pub(super) struct Extractor {
    stemmers: FxHashMap<Lang, Stemmer>,
    pub(super) vocabulary: Vocabulary,
}

fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(lang.snowball())
}

/// Whether a lowercase word is a function word of `lang` (articles, pronouns,
/// prepositions, conjunctions: the hand-written sentence-opener list) or too short to
/// carry content.
fn is_function_word(data: &LangData, lower: &str) -> bool {
    if lower.chars().count() < MIN_CONTENT_CHARS {
        return true;
    }
    let mut chars = lower.chars();
    let capitalised: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect();
    data.is_starter(&capitalised)
}

impl Extractor {
    pub(super) fn new() -> Extractor {
        Extractor {
            stemmers: Lang::ALL.iter().map(|&l| (l, stemmer(l))).collect(),
            vocabulary: Vocabulary::default(),
        }
    }

    /// The features of one sentence of a document in `lang`, with the concepts the
    /// glossary found in it (id and byte range within the sentence). Words inside a
    /// concept's mention count only as the concept, so one fact is not counted twice.
    pub(super) fn features(
        &mut self,
        sentence: &str,
        lang: Lang,
        concepts: &[(&str, std::ops::Range<usize>)],
    ) -> Counts {
        let data = LangData::get(lang);
        let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
        let mut add = |vocabulary: &mut Vocabulary, kind, name: String| {
            *counts.entry(vocabulary.intern(kind, name)).or_default() += 1;
        };
        for token in words(sentence) {
            if concepts
                .iter()
                .any(|(_, range)| range.contains(&token.span.start))
            {
                continue;
            }
            let word = token.text;
            if word.chars().any(|c| c.is_ascii_digit()) {
                add(&mut self.vocabulary, Kind::Number, normalise_number(word));
                continue;
            }
            // The word lists keep accents ("für", "fünf", "août"); stems do not.
            let lower = word.to_lowercase();
            let folded = fold(word);
            if let Some(value) = data.number_word(&lower).filter(|&v| v >= 0) {
                add(&mut self.vocabulary, Kind::Number, value.to_string());
                continue;
            }
            let month_case = !lang.capitalises_dates() || word.starts_with(char::is_uppercase);
            if let Some(month) = data.full_month(&lower).filter(|_| month_case) {
                add(&mut self.vocabulary, Kind::Number, format!("month {month}"));
                continue;
            }
            if is_function_word(data, &lower) {
                continue;
            }
            let stem = self.stemmers[&lang].stem(&folded).into_owned();
            add(&mut self.vocabulary, Kind::Stem, stem);
            let chars: Vec<char> = folded.chars().collect();
            if chars.len() >= GRAM_WORD_CHARS {
                for gram in chars.windows(GRAM) {
                    add(&mut self.vocabulary, Kind::Gram, gram.iter().collect());
                }
            }
        }
        for (concept, _) in concepts {
            add(&mut self.vocabulary, Kind::Concept, (*concept).to_string());
        }
        let mut counts: Counts = counts.into_iter().collect();
        counts.sort_unstable();
        for &(feature, _) in &counts {
            self.vocabulary.df[feature as usize] += 1;
        }
        counts
    }
}

/// Digits of a number without grouping marks, a decimal comma as a point, as the diff
/// reads numbers ("1.000.000" → "1000000", "3,50" → "3.5", "10.000,50" → "10000.5").
fn normalise_number(word: &str) -> String {
    let digits: String = word
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    if let Some(decimal) = Decimal::parse(&digits) {
        return decimal.value();
    }
    let grouped =
        digits.split(['.', ',']).skip(1).all(|part| part.len() == 3) && digits.contains(['.', ',']);
    if grouped {
        digits.replace(['.', ','], "")
    } else {
        digits.replace(',', ".")
    }
}

/// Weights raw counts by TF-IDF and kind, and scales to unit length.
pub(super) fn weigh(counts: &Counts, vocabulary: &Vocabulary, sentences: usize) -> Vector {
    let mut entries: Vec<(u32, f32)> = counts
        .iter()
        .map(|&(feature, count)| {
            let df = vocabulary.df[feature as usize] as f32;
            // One more than the sentences, so that a feature every sentence has still counts
            // a little (in a corpus of two sentences plain IDF weighs everything zero),
            // while large corpora keep plain IDF's contrast.
            let idf = ((sentences as f32 + 1.0) / df).ln();
            let tf = 1.0 + (count as f32).ln();
            (
                feature,
                tf * idf * vocabulary.kinds[feature as usize].weight(),
            )
        })
        .filter(|&(_, w)| w > 0.0)
        .collect();
    let norm = entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut entries {
            *w /= norm;
        }
    }
    Vector { entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_normalise() {
        assert_eq!(normalise_number("1.000.000"), "1000000");
        assert_eq!(normalise_number("3,5"), "3.5");
        assert_eq!(normalise_number("97"), "97");
        assert_eq!(normalise_number("2025"), "2025");
        assert_eq!(normalise_number("10.000,50"), "10000.5");
        assert_eq!(normalise_number("1,000.5"), "1000.5");
        assert_eq!(normalise_number("3,50"), normalise_number("3,5"));
    }

    /// The feature names of `sentence`, with the concepts the glossary found in it.
    fn feature_names(
        sentence: &str,
        lang: Lang,
        concepts: &[(&str, std::ops::Range<usize>)],
    ) -> Vec<(Kind, String)> {
        let mut extractor = Extractor::new();
        let counts = extractor.features(sentence, lang, concepts);
        let ids = &extractor.vocabulary.ids;
        (counts.iter())
            .map(|&(f, _)| ids.iter().find(|(_, id)| **id == f).unwrap().0.clone())
            .collect()
    }

    #[test]
    fn function_words_are_not_features() {
        let names = feature_names(
            "Die USA drängen Mexiko zu sechs Einsätzen",
            Lang::De,
            &[("mexico", 17..23)],
        );
        assert!(names.contains(&(Kind::Number, "6".into())), "{names:?}");
        assert!(names.contains(&(Kind::Concept, "mexico".into())));
        assert!(
            !names.contains(&(Kind::Stem, "mexiko".into())),
            "a concept's words count only as the concept"
        );
        assert!(names.contains(&(Kind::Stem, "einsatz".into())));
        assert!(!names.iter().any(|(_, n)| n == "die" || n == "zu"));
    }

    #[test]
    fn accented_list_words_are_found() {
        let names = feature_names("Hilfe für fünf Bauern im März", Lang::De, &[]);
        assert!(
            !names.iter().any(|(_, n)| n.starts_with("fur")),
            "{names:?}"
        );
        assert!(names.contains(&(Kind::Number, "5".into())), "{names:?}");
        assert!(
            names.contains(&(Kind::Number, "month 3".into())),
            "{names:?}"
        );
    }

    #[test]
    fn month_abbreviations_and_lowercase_may_are_no_months() {
        let names = feature_names("Cruzaron el mar en barco", Lang::Es, &[]);
        assert!(
            !names.iter().any(|(_, n)| n.starts_with("month")),
            "{names:?}"
        );
        let names = feature_names("Officials may arrive in May", Lang::En, &[]);
        let months = names.iter().filter(|(_, n)| n.starts_with("month")).count();
        assert_eq!(months, 1, "{names:?}");
    }

    #[test]
    fn compounds_share_character_ngrams() {
        let mut extractor = Extractor::new();
        let a = extractor.features("Fentanyl-Labore", Lang::De, &[]);
        let b = extractor.features("Fentanyllabore", Lang::De, &[]);
        let shared = a
            .iter()
            .filter(|(f, _)| b.iter().any(|(g, _)| g == f))
            .count();
        assert!(shared >= 4, "{shared}");
    }
}
