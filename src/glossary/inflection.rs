//! When a word of the text is a form of a word of a term: the same word folded (case,
//! diacritics, `ß`), with an inflection ending (German "Trumps", "Mexikos", "Hauses",
//! English "Trump's"), or, inside a multi-word term, with another adjective ending
//! (German "Weißes Haus" → "des Weißen Hauses").

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Endings a name or noun takes in running text (genitive, plural, dative).
const SUFFIXES: [&str; 7] = ["'s", "es", "en", "s", "n", "e", "'"];

/// Adjective endings that alternate inside a German multi-word term.
const ADJECTIVE_ENDINGS: [&str; 5] = ["en", "em", "er", "es", "e"];

/// The shortest stem an ending may be removed from.
const MIN_STEM: usize = 3;

/// Lowercase, without diacritics, `ß` as `ss`, apostrophes straight: the form words are
/// compared in. Writes into `out` (cleared first) to spare an allocation per word.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in word.nfd() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            '’' | 'ʼ' | '`' | '´' => out.push('\''),
            c if is_combining_mark(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// [`fold_into`] returning a new string.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// The lookup key of a folded word: endings removed one after another while the stem
/// stays long enough. Forms of one word share their key ("hauses", "haus" → "hau";
/// "weißen", "weißes" → "wei"); unrelated words may too, so a match is always checked
/// with [`word_matches`].
pub(crate) fn key(folded: &str) -> &str {
    let ascii = folded.is_ascii();
    let long_enough = |stem: &str| {
        if ascii {
            stem.len() >= MIN_STEM
        } else {
            stem.chars().count() >= MIN_STEM
        }
    };
    let mut stem = folded;
    'strip: loop {
        for ending in SUFFIXES.iter().chain(&ADJECTIVE_ENDINGS) {
            if let Some(shorter) = stem.strip_suffix(ending)
                && long_enough(shorter)
            {
                stem = shorter;
                continue 'strip;
            }
        }
        return stem;
    }
}

/// Whether the folded text word `word` is a form of the folded term word `term`.
/// `inner` says the term word is not the last of its term, so it may be an adjective
/// with another ending.
pub(crate) fn word_matches(term: &str, word: &str, inner: bool) -> bool {
    if term == word {
        return true;
    }
    if let Some(ending) = word.strip_prefix(term)
        && SUFFIXES.contains(&ending)
        && term.chars().count() >= MIN_STEM
    {
        return true;
    }
    inner && adjective_stem(term).is_some_and(|stem| adjective_stem(word) == Some(stem))
}

/// How far a text word is from a term word it is a form of: 0 when it is a form as
/// written (case and diacritics kept), 1 when only case differs, 2 when it takes full
/// folding. Lets the spelling decide between terms that fold alike: "Weisse Haus" is
/// the deprecated "Weisses Haus" inflected, and only a folded form of "Weißes Haus".
pub(crate) fn distance(term: &str, word: &str, inner: bool) -> u32 {
    let as_written = |w: &str| -> String {
        w.nfc()
            .map(|c| {
                if matches!(c, '’' | 'ʼ' | '`' | '´') {
                    '\''
                } else {
                    c
                }
            })
            .collect()
    };
    let (term, word) = (as_written(term), as_written(word));
    if word_matches(&term, &word, inner) {
        0
    } else if word_matches(&term.to_lowercase(), &word.to_lowercase(), inner) {
        1
    } else {
        2
    }
}

/// How a text word is formed from a term word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inflection<'a> {
    /// An ending added to the term word ("Trump" → "Trumps"; empty for the word itself).
    Added(&'a str),
    /// An adjective ending in place of the term word's ("Weißes" → "Weißen").
    Replaced(&'a str),
}

/// How `word` inflects the term word `term`, if it is one of its forms (`inner` as for
/// [`word_matches`]); the ending is `word`'s, as written.
pub(crate) fn inflection<'a>(term: &str, word: &'a str, inner: bool) -> Option<Inflection<'a>> {
    let (term, folded) = (fold(term), fold(word));
    if let Some(ending) = folded.strip_prefix(term.as_str())
        && word_matches(&term, &folded, false)
    {
        return written_ending(word, ending).map(Inflection::Added);
    }
    let stem = adjective_stem(&term).filter(|_| inner)?;
    let ending = folded
        .strip_prefix(stem)
        .filter(|_| adjective_stem(&folded) == Some(stem))?;
    written_ending(word, ending).map(Inflection::Replaced)
}

/// Another term word given the ending of `how`: "Weißes" with `Replaced("en")` is
/// "Weißen", "Trump" with `Added("s")` is "Trumps". A word without an adjective ending
/// to replace stays as it is. An ending written in capitals ("MADUROS") goes on a word
/// with small letters in small letters.
pub(crate) fn inflect(word: &str, how: Inflection<'_>) -> String {
    let cased = |ending: &str| {
        if word.chars().any(char::is_lowercase) {
            ending.to_lowercase()
        } else {
            ending.to_string()
        }
    };
    match how {
        Inflection::Added(ending) => format!("{word}{}", cased(ending)),
        Inflection::Replaced(ending) => {
            let folded = fold(word);
            let own = adjective_stem(&folded)
                .and_then(|stem| written_ending(word, &folded[stem.len()..]));
            match own {
                Some(own) => format!("{}{}", &word[..word.len() - own.len()], cased(ending)),
                None => word.to_string(),
            }
        }
    }
}

/// The end of `word` as written that folds to `ending` (ASCII letters and apostrophes,
/// one character each), if it does.
fn written_ending<'a>(word: &'a str, ending: &str) -> Option<&'a str> {
    let Some(last) = ending.chars().count().checked_sub(1) else {
        return Some("");
    };
    let (start, _) = word.char_indices().rev().nth(last)?;
    let written = &word[start..];
    (fold(written) == ending).then_some(written)
}

/// The stem of a word with an adjective ending, if it has one.
fn adjective_stem(word: &str) -> Option<&str> {
    ADJECTIVE_ENDINGS
        .iter()
        .filter_map(|ending| word.strip_suffix(ending))
        .find(|stem| stem.chars().count() >= MIN_STEM)
}

#[cfg(test)]
#[rustfmt::skip] // one case per line
mod tests {
    use super::*;

    macro_rules! m {
        ($name:ident, $term:expr, $word:expr, $inner:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let (term, word) = (fold($term), fold($word));
                assert_eq!(word_matches(&term, &word, $inner), $expected, "{term} ~ {word}");
                if $expected {
                    assert_eq!(key(&term), key(&word), "forms of one word share their key");
                }
            }
        };
    }

    m!(same_word_other_case, "Trump", "TRUMP", false, true);
    m!(genitive_s, "Trump", "Trumps", false, true);
    m!(genitive_s_after_vowel, "Mexiko", "Mexikos", false, true);
    m!(genitive_es, "Haus", "Hauses", false, true);
    m!(english_possessive, "Trump", "Trump’s", false, true);
    m!(diacritics_fold, "García", "Garcia", false, true);
    m!(sharp_s_folds, "Weißes", "Weisses", true, true);
    m!(adjective_inside_a_term, "Weißes", "Weißen", true, true);
    m!(adjective_only_inside, "Times", "Timer", false, false);
    m!(different_word, "Rubio", "Rubin", false, false);
    m!(prefix_is_not_a_form, "Trump", "Trumpet", false, false);
    m!(short_words_keep_their_endings, "de", "des", true, false);

    macro_rules! d {
        ($name:ident, $term:expr, $word:expr, $inner:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(distance($term, $word, $inner), $expected);
            }
        };
    }

    d!(distance_as_written, "Weißes", "Weißen", true, 0);
    d!(distance_possessive_apostrophes_alike, "Trump", "Trump’s", false, 0);
    d!(distance_case_only, "Trump", "TRUMPS", false, 1);
    d!(distance_sharp_s_folded, "Weißes", "Weisse", true, 2);
    d!(distance_deprecated_ss_spelling_inflected, "Weisses", "Weisse", true, 0);

    macro_rules! i {
        ($name:ident, $variant:expr, $word:expr, $inner:expr, $term:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let how = inflection($variant, $word, $inner);
                assert_eq!(how.map(|how| inflect($term, how)).as_deref(), $expected);
            }
        };
    }

    i!(inflect_same_word, "Maduro", "MADURO", false, "Maduro", Some("Maduro"));
    i!(inflect_added_ending, "Maduro", "Maduros", false, "Maduro", Some("Maduros"));
    i!(inflect_added_ending_after_adjective, "Europaeische", "Europaeischen", true, "Europäische", Some("Europäischen"));
    i!(inflect_replaced_adjective_ending, "Weisses", "Weissen", true, "Weißes", Some("Weißen"));
    i!(inflect_capital_ending_in_small_letters, "Weisses", "WEISSEN", true, "Weißes", Some("Weißen"));
    i!(inflect_ending_as_written, "Trump", "Trump’s", false, "Trump", Some("Trump’s"));
    i!(inflect_no_adjective_ending_to_replace, "Weisses", "Weisse", true, "Claudia", Some("Claudia"));
    i!(inflect_adjective_only_inside, "Weisses", "Weissen", false, "Weißes", None);
    i!(inflect_not_a_form, "Trump", "Trumpet", false, "Trump", None);

    #[test]
    fn keys() {
        assert_eq!(key("hauses"), key("haus"));
        assert_eq!(key("vereinigten"), key("vereinigte"));
        assert_eq!(key("cia"), "cia");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// The matcher looks candidates up by key, so a form of a term word must share
        /// its key, or the term is never tried. Stems and endings are drawn from the
        /// letters endings are made of, where stripping could go wrong.
        #[test]
        fn forms_of_a_word_share_its_key(
            stem in "[aenrs'm]{0,6}",
            term_ending in proptest::sample::select(ENDINGS_TRIED.to_vec()),
            word_ending in proptest::sample::select(ENDINGS_TRIED.to_vec()),
            inner in proptest::bool::ANY,
        ) {
            let term = format!("{stem}{term_ending}");
            let word = format!("{stem}{word_ending}");
            if !term.is_empty() && word_matches(&term, &word, inner) {
                proptest::prop_assert_eq!(key(&term), key(&word), "{} / {}", term, word);
            }
        }
    }

    /// Every ending the matcher knows, and none.
    const ENDINGS_TRIED: [&str; 12] = ["", "'s", "es", "en", "s", "n", "e", "'", "em", "er", "ens", "ses"];
}
