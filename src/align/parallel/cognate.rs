//! String similarity across languages: folding words to a comparable form, and telling
//! cognates ("Expedition" / "expédition", "Himalaya" / "himalayens") apart from
//! unrelated words without a dictionary.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Cognates share at least this many leading characters. Four is the classic threshold
/// of Simard et al. (1992): three lets function words meet ("der" / "des"), five misses
/// short names whose endings differ.
pub(super) const MIN_COGNATE_PREFIX: usize = 4;

/// Or their character bigrams overlap this much (Dice), for cognates whose spelling
/// differs after their first letters ("Literatur" / "littérature", "Glaziologie" /
/// "glaciologie"). The search compares only words that share their first two letters
/// (see `links`), so a difference earlier than that ("Tschingel" / "Tchingel") is not
/// found.
const MIN_COGNATE_DICE: f64 = 0.7;

/// Lowercase, without diacritics, with letters that other alphabets write as two
/// letters spelled out, so that "Grösse" / "Größe" and "Ísafjörður" / "Isafjordur" meet.
pub(super) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfd() {
        match c {
            c if is_combining_mark(c) => {}
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'þ' | 'Þ' => out.push_str("th"),
            'ð' | 'Ð' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Number of leading characters `a` and `b` share.
pub(super) fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Dice coefficient of the character bigram multisets of `a` and `b` (0 when either
/// has fewer than two characters).
pub(super) fn bigram_dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    // Both sorted: count the multiset intersection by merging.
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (x.len() + y.len()) as f64
}

/// Whether two folded words of at least [`MIN_COGNATE_PREFIX`] characters look like the
/// same word in two languages.
pub(super) fn are_cognates(a: &str, b: &str) -> bool {
    let short = a.chars().count().min(b.chars().count());
    short >= MIN_COGNATE_PREFIX
        && (common_prefix(a, b) >= MIN_COGNATE_PREFIX || bigram_dice(a, b) >= MIN_COGNATE_DICE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_ligatures() {
        assert_eq!(fold("Größe"), "grosse");
        assert_eq!(fold("Expédition"), "expedition");
        assert_eq!(fold("Ísafjörður"), "isafjordur");
        assert_eq!(fold("Œuvre"), "oeuvre");
    }

    #[test]
    fn measures_prefix_and_bigrams() {
        assert_eq!(common_prefix("himalaya", "himalayens"), 7);
        assert_eq!(bigram_dice("abc", "abc"), 1.0);
        assert_eq!(bigram_dice("a", "abc"), 0.0);
        assert!((bigram_dice("night", "nacht") - 0.25).abs() < 1e-9);
    }

    #[test]
    fn tells_cognates_from_unrelated_words() {
        assert!(are_cognates("expedition", "expeditions"));
        assert!(are_cognates("tschingel", "tchingel"));
        assert!(are_cognates("literatur", "litteratur"));
        assert!(!are_cognates("der", "des"));
        assert!(!are_cognates("berg", "montagne"));
    }
}
