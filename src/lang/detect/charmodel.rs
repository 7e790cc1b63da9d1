//! Character trigram models of each language's vocabulary, for words that no word list
//! has (compounds, inflections, misspellings): how word-like a string is in each
//! language.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::{LANGS, entries};
use crate::lang::Lang;

/// Marks the start and end of a word.
const BOUNDARY: char = '\u{2}';

/// Interpolation weights of trigram, bigram and unigram estimates; the rest is a
/// uniform floor over an alphabet of [`ALPHABET`] characters.
const WEIGHTS: [f32; 3] = [0.6, 0.3, 0.08];
const ALPHABET: f32 = 100.0;

/// A product of probabilities this small is folded into the log sum: far above the
/// least positive `f64` even after one more factor.
const FLUSH_BELOW: f64 = 1e-200;

/// Counts of n-grams over word types, per language.
pub(crate) struct CharModel {
    /// Trigram, bigram and unigram counts; key is up to three chars packed into a u64.
    counts: FxHashMap<u64, [f32; LANGS]>,
    /// Counts of trigram contexts (first two chars) and bigram contexts (first char),
    /// keyed like `counts` with a context tag.
    contexts: FxHashMap<u64, [f32; LANGS]>,
    /// Number of characters seen per language.
    totals: [f32; LANGS],
}

/// Packs up to three chars (21 bits each) into the low 63 bits of a key. Keys of
/// different lengths cannot collide because no word contains U+0000.
fn key(chars: &[char]) -> u64 {
    chars.iter().fold(0u64, |k, &c| (k << 21) | u64::from(c))
}

/// The key of a context: the same packing with the top bit set.
fn context_key(chars: &[char]) -> u64 {
    key(chars) | (1 << 63)
}

impl CharModel {
    /// The model of all languages, trained on first use from the word lists.
    pub(crate) fn get() -> &'static CharModel {
        static MODEL: LazyLock<CharModel> = LazyLock::new(CharModel::train);
        &MODEL
    }

    fn train() -> CharModel {
        let mut counts: FxHashMap<u64, [f32; LANGS]> =
            FxHashMap::with_capacity_and_hasher(400_000, Default::default());
        let mut contexts: FxHashMap<u64, [f32; LANGS]> =
            FxHashMap::with_capacity_and_hasher(100_000, Default::default());
        let mut totals = [0.0; LANGS];
        let mut chars = Vec::with_capacity(32);
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            for (word, _) in entries(lang) {
                padded(word, &mut chars);
                for n in 2..chars.len() {
                    let (a, b, c) = (chars[n - 2], chars[n - 1], chars[n]);
                    counts.entry(key(&[a, b, c])).or_insert([0.0; LANGS])[i] += 1.0;
                    contexts.entry(context_key(&[a, b])).or_insert([0.0; LANGS])[i] += 1.0;
                    counts.entry(key(&[b, c])).or_insert([0.0; LANGS])[i] += 1.0;
                    contexts.entry(context_key(&[b])).or_insert([0.0; LANGS])[i] += 1.0;
                    counts.entry(key(&[c])).or_insert([0.0; LANGS])[i] += 1.0;
                    totals[i] += 1.0;
                }
            }
        }
        CharModel {
            counts,
            contexts,
            totals,
        }
    }

    /// Log10 probability of `word` (already folded) in every language, per character,
    /// so that long and short words weigh alike.
    pub(crate) fn log_prob_per_char(&self, word: &str, out: &mut [f32; LANGS]) {
        let mut chars = Vec::with_capacity(word.len() + 3);
        padded(word, &mut chars);
        // Probabilities are multiplied and their logarithm taken once (logarithms are
        // the costliest step), folding the product into the sum before it underflows.
        let mut log_sum = [0.0f64; LANGS];
        let mut product = [1.0f64; LANGS];
        let zero = [0.0; LANGS];
        for n in 2..chars.len() {
            let (a, b, c) = (chars[n - 2], chars[n - 1], chars[n]);
            let tri = self.counts.get(&key(&[a, b, c])).unwrap_or(&zero);
            let tri_ctx = self.contexts.get(&context_key(&[a, b])).unwrap_or(&zero);
            let bi = self.counts.get(&key(&[b, c])).unwrap_or(&zero);
            let bi_ctx = self.contexts.get(&context_key(&[b])).unwrap_or(&zero);
            let uni = self.counts.get(&key(&[c])).unwrap_or(&zero);
            for i in 0..LANGS {
                let ratio = |num: f32, den: f32| if den > 0.0 { num / den } else { 0.0 };
                let p = WEIGHTS[0] * ratio(tri[i], tri_ctx[i])
                    + WEIGHTS[1] * ratio(bi[i], bi_ctx[i])
                    + WEIGHTS[2] * ratio(uni[i], self.totals[i])
                    + (1.0 - WEIGHTS.iter().sum::<f32>()) / ALPHABET;
                product[i] *= f64::from(p);
                if product[i] < FLUSH_BELOW {
                    log_sum[i] += product[i].log10();
                    product[i] = 1.0;
                }
            }
        }
        let steps = (chars.len() - 2) as f64;
        *out = std::array::from_fn(|i| ((log_sum[i] + product[i].log10()) / steps) as f32);
    }
}

/// `word` as chars between two start marks and one end mark.
fn padded(word: &str, chars: &mut Vec<char>) {
    chars.clear();
    chars.push(BOUNDARY);
    chars.push(BOUNDARY);
    chars.extend(word.chars());
    chars.push(BOUNDARY);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(word: &str) -> Lang {
        let mut scores = [0.0; LANGS];
        CharModel::get().log_prob_per_char(word, &mut scores);
        let i = (0..LANGS)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
            .unwrap();
        Lang::ALL[i]
    }

    #[test]
    fn unlisted_compounds_look_like_their_language() {
        assert_eq!(best("drogenbekämpfungsoperationen"), Lang::De);
        assert_eq!(best("überdosisfälle"), Lang::De);
        assert_eq!(best("desestabilización"), Lang::Es);
        assert_eq!(best("thoughtfulnesses"), Lang::En);
    }

    #[test]
    fn keys_keep_order_and_kind_apart() {
        assert_ne!(key(&['a', 'b']), key(&['b', 'a']));
        assert_ne!(key(&['a', 'b']), key(&['a', 'b', 'c']));
        assert_ne!(key(&['a', 'b']), context_key(&['a', 'b']));
        assert_ne!(key(&['\u{10FFFF}'; 3]) & (1 << 63), 1 << 63);
    }
}
