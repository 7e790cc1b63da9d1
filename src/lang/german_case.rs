//! How German writes a word: how often in lower case, from the German word list
//! (`data/words/de.txt`) and the lowercase shares of `data/detect/de_lowercase.txt`.
//! Much lighter than the detector's lexicon, which reads every language's list, for
//! callers that need German case only (the fact diff's names).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::detect::fold;

/// The German word list, `word<TAB>zipf` lines.
pub(crate) const WORDS: &str = include_str!("../../data/words/de.txt");

/// `word<TAB>share` lines: the share of a German word's occurrences written in lower
/// case, for the listed words below [`LOWERCASE_WORD_SHARE`] (see data/SOURCES.md).
const LOWERCASE_SHARES: &str = include_str!("../../data/detect/de_lowercase.txt");

/// The table's cut-off: listed words it leaves out are written in lower case at least
/// this often, as words capitalised only at the start of a sentence are.
pub(crate) const LOWERCASE_WORD_SHARE: f32 = 0.9;

/// The measured lowercase shares, `(word, share)`: the listed words written in lower
/// case less often than [`LOWERCASE_WORD_SHARE`].
pub(crate) fn measured_lowercase_shares() -> impl Iterator<Item = (&'static str, f32)> {
    LOWERCASE_SHARES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (word, share) = line.split_once('\t')?;
            Some((word, share.parse().ok()?))
        })
}

/// The share of `word`'s German occurrences written in lower case (in any case as
/// written); `None` when the German list does not have it, as it has few names.
pub(crate) fn lowercase_share(word: &str) -> Option<f32> {
    static SHARES: LazyLock<FxHashMap<&'static str, f32>> = LazyLock::new(|| {
        let listed = WORDS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| Some((line.split_once('\t')?.0, LOWERCASE_WORD_SHARE)));
        // The measured share replaces the cut-off of the same word.
        listed.chain(measured_lowercase_shares()).collect()
    });
    SHARES.get(fold(word).as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_names_and_lowercase_words() {
        assert!(lowercase_share("Olaf").is_some_and(|s| s < 0.1));
        assert!(lowercase_share("Bundeskanzler").is_some_and(|s| s < 0.1));
        assert!(
            lowercase_share("Neue").is_some_and(|s| s >= 0.9),
            "not in the table"
        );
        assert!(lowercase_share("deutsche").is_some_and(|s| s > 0.5));
        assert_eq!(lowercase_share("Xqzvw"), None);
    }
}
