//! Word frequencies of every language (`data/words/<lang>.txt`, generated from wordfreq):
//! how often each word occurs in each language, as log10 of its relative frequency.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use unicode_normalization::UnicodeNormalization;

use crate::lang::Lang;

/// Number of supported languages; index `i` is `Lang::ALL[i]`.
pub(crate) const LANGS: usize = Lang::ALL.len();

/// Log10 relative frequencies of a word in each language; `None` where the word is not
/// among the language's listed words.
pub(crate) type Frequencies = [Option<f32>; LANGS];

fn raw_list(lang: Lang) -> &'static str {
    match lang {
        Lang::De => include_str!("../../../data/words/de.txt"),
        Lang::En => include_str!("../../../data/words/en.txt"),
        Lang::Es => include_str!("../../../data/words/es.txt"),
        Lang::Fr => include_str!("../../../data/words/fr.txt"),
        Lang::It => include_str!("../../../data/words/it.txt"),
        Lang::Pt => include_str!("../../../data/words/pt.txt"),
        Lang::Nl => include_str!("../../../data/words/nl.txt"),
    }
}

/// The `word<TAB>zipf` entries of a list file.
pub(crate) fn entries(lang: Lang) -> impl Iterator<Item = (&'static str, f32)> {
    raw_list(lang)
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (word, zipf) = line.split_once('\t')?;
            Some((word, zipf.parse::<f32>().ok()?))
        })
}

/// Every listed word with its frequencies in all languages.
pub(crate) struct Lexicon {
    words: FxHashMap<Box<str>, Frequencies>,
    /// The lowest listed log10 frequency of each language: unlisted words are rarer.
    floors: [f32; LANGS],
}

impl Lexicon {
    /// The lexicon of all languages, built on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);
        &LEXICON
    }

    fn build() -> Lexicon {
        let mut words: FxHashMap<Box<str>, Frequencies> =
            FxHashMap::with_capacity_and_hasher(300_000, Default::default());
        let mut floors = [0.0f32; LANGS];
        let mut top_words: Vec<Vec<&str>> = Vec::with_capacity(LANGS);
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            let mut floor = f32::MAX;
            for (word, zipf) in entries(lang) {
                // zipf is log10 of occurrences per billion words.
                let log_freq = zipf - 9.0;
                floor = floor.min(log_freq);
                words.entry(word.into()).or_insert([None; LANGS])[i] = Some(log_freq);
            }
            floors[i] = floor;
            top_words.push(entries(lang).take(LEAK_SAMPLE).map(|(w, _)| w).collect());
        }
        let leaks = leak_rates(&words, &top_words);
        for frequencies in words.values_mut() {
            remove_leaks(frequencies, &leaks);
        }
        Lexicon { words, floors }
    }

    /// The frequencies of a word already folded with [`fold`].
    pub(crate) fn lookup(&self, folded: &str) -> Option<&Frequencies> {
        self.words.get(folded)
    }

    /// The lowest listed log10 frequency of the language at index `i`.
    pub(crate) fn floor(&self, i: usize) -> f32 {
        self.floors[i]
    }
}

/// How many of a language's most frequent words are looked at to estimate how much of
/// it leaks into other languages' lists.
const LEAK_SAMPLE: usize = 300;

/// Which quantile of the frequency ratios over the sample measures the leak: the
/// median, since most of a language's top words are its own and occur elsewhere only
/// by leaking.
const LEAK_QUANTILE: f32 = 0.5;

/// What removing leaks leaves at least of a listed frequency: some words are both
/// (German "Not" and English "not"), so the correction is at most one order of
/// magnitude and context decides the rest.
const KEEP_SHARE: f32 = 0.1;

/// `leaks[m][f]`: the share of language f's running text that shows up in language m's
/// word counts. wordfreq counts web and subtitle text, where one language quotes
/// another: its German list has English "the" at 0.8% of English's frequency. The rate
/// is read off f's most frequent words (the median frequency ratio m/f over them).
fn leak_rates(
    words: &FxHashMap<Box<str>, Frequencies>,
    top_words: &[Vec<&str>],
) -> [[f32; LANGS]; LANGS] {
    let mut leaks = [[0.0; LANGS]; LANGS];
    for m in 0..LANGS {
        for f in 0..LANGS {
            if m == f {
                continue;
            }
            let mut ratios: Vec<f32> = top_words[f]
                .iter()
                .filter_map(|w| {
                    let freq = words.get(*w)?;
                    let in_f = 10f32.powf(freq[f]?);
                    let in_m = freq[m].map_or(0.0, |l| 10f32.powf(l));
                    Some(in_m / in_f)
                })
                .collect();
            if ratios.is_empty() {
                continue;
            }
            ratios.sort_by(f32::total_cmp);
            leaks[m][f] = ratios[(ratios.len() as f32 * LEAK_QUANTILE) as usize];
        }
    }
    leaks
}

/// Subtracts from each language's frequency what other languages' leaks explain.
fn remove_leaks(frequencies: &mut Frequencies, leaks: &[[f32; LANGS]; LANGS]) {
    let linear: [f32; LANGS] =
        std::array::from_fn(|i| frequencies[i].map_or(0.0, |l| 10f32.powf(l)));
    for m in 0..LANGS {
        if linear[m] == 0.0 {
            continue;
        }
        let leaked: f32 = (0..LANGS)
            .filter(|&f| f != m)
            .map(|f| leaks[m][f] * linear[f])
            .sum();
        let own = (linear[m] - leaked).max(KEEP_SHARE * linear[m]);
        frequencies[m] = Some(own.log10());
    }
}

/// The form under which word lists store a word: NFC, lowercase, `ß` as `ss`, curly
/// apostrophes straight (wordfreq case-folds).
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(word.len());
    for c in word.nfc() {
        match c {
            'ß' | 'ẞ' => folded.push_str("ss"),
            '’' | 'ʼ' => folded.push('\''),
            c => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(lang: Lang) -> usize {
        Lang::ALL.iter().position(|&l| l == lang).unwrap()
    }

    #[test]
    fn folds_like_wordfreq() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("SEGÚN"), "según");
        assert_eq!(fold("don’t"), "don't");
        assert_eq!(fold("Cafe\u{301}"), "café");
    }

    #[test]
    fn spanish_word_is_spanish() {
        let lexicon = Lexicon::get();
        let f = lexicon.lookup("según").unwrap();
        assert!(f[index(Lang::Es)].unwrap() > -4.0);
        assert!(f[index(Lang::De)].is_none());
    }

    #[test]
    fn english_leaking_into_german_lists_is_removed() {
        let lexicon = Lexicon::get();
        let the = lexicon.lookup("the").unwrap();
        let (de, en) = (the[index(Lang::De)].unwrap(), the[index(Lang::En)].unwrap());
        assert!(
            en - de > 3.0,
            "listed 2.1 orders of magnitude apart, now {}",
            en - de
        );
        let und = lexicon.lookup("und").unwrap();
        assert!(und[index(Lang::De)].unwrap() > -3.0);
        let team = lexicon.lookup("team").unwrap();
        assert!(
            team[index(Lang::De)].is_some(),
            "a loanword stays German: {team:?}"
        );
    }

    #[test]
    fn every_list_is_loaded() {
        let lexicon = Lexicon::get();
        for lang in Lang::ALL {
            assert!(entries(lang).count() > 50_000, "{lang}");
            assert!(lexicon.floor(index(lang)) < -6.0);
        }
    }
}
