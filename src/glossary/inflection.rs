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

    #[test]
    fn keys() {
        assert_eq!(key("hauses"), key("haus"));
        assert_eq!(key("vereinigten"), key("vereinigte"));
        assert_eq!(key("cia"), "cia");
    }
}
