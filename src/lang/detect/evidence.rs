//! What each word says about its language: log10 likelihoods from the word lists, or
//! from the character model for unlisted words, relative to the best language.

use unicode_script::{Script, UnicodeScript};

use super::Params;
use super::charmodel::CharModel;
use super::lexicon::{Frequencies, LANGS, Lexicon, fold};

/// One word of a sentence and its evidence.
#[derive(Debug, Clone)]
pub(super) struct WordEvidence {
    /// Byte range in the text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether the word starts with an uppercase letter.
    pub(super) capitalised: bool,
    /// In how many languages' word lists the word stands (0 when in none).
    pub(super) spread: usize,
    /// English "I" ("I'm", "I'll" …), capitalised everywhere.
    pub(super) is_english_i: bool,
    pub(super) kind: Kind,
}

/// What a word can tell.
#[derive(Debug, Clone)]
pub(super) enum Kind {
    /// Log10 likelihood in each language minus the best one (so the best is 0).
    Scores([f32; LANGS]),
    /// No evidence: numbers, acronyms, protected terms.
    Neutral,
    /// Letters of a script other than Latin.
    Script(Script),
}

impl WordEvidence {
    pub(super) fn scores(&self) -> Option<&[f32; LANGS]> {
        match &self.kind {
            Kind::Scores(scores) => Some(scores),
            _ => None,
        }
    }
}

/// The script of a word's letters when it is not Latin (and not shared, like digits).
pub(super) fn foreign_script(word: &str) -> Option<Script> {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.script())
        .find(|s| {
            !matches!(
                s,
                Script::Latin | Script::Common | Script::Inherited | Script::Unknown
            )
        })
}

/// A word that carries no language evidence: digits, an acronym in capitals, or a
/// brand written in camel case ("CiberCuba", "PayPal", "iPhone").
pub(super) fn is_neutral(word: &str) -> bool {
    let has_digit = word.chars().any(|c| c.is_numeric());
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let camel_case = word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    has_digit || letters == 0 || acronym || camel_case
}

/// Byte ranges of URLs and e-mail addresses in `text`: their words are not language.
pub(super) fn links(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut offset = 0;
    for chunk in text.split_whitespace() {
        let start = offset + text[offset..].find(chunk).unwrap_or(0);
        offset = start + chunk.len();
        let url = chunk.contains("://")
            || chunk
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("www."));
        let email = chunk.contains('@') && chunk.contains('.');
        if url || email {
            ranges.push((start, offset));
        }
    }
    ranges
}

/// Relative log10 likelihood of `word` in each language, and in how many languages'
/// lists it stands (names and internationalisms stand in many).
pub(super) fn word_scores(word: &str, params: &Params) -> ([f32; LANGS], usize) {
    let lexicon = Lexicon::get();
    let folded = fold(word);
    let listed = lexicon
        .lookup(&folded)
        .copied()
        .or_else(|| elided(&folded, lexicon));
    let spread = listed.map_or(0, |f| f.iter().filter(|l| l.is_some()).count());
    let mut scores = [0.0f32; LANGS];
    let mut chars: Option<[f32; LANGS]> = None;
    for (i, score) in scores.iter_mut().enumerate() {
        *score = match listed.and_then(|f| f[i]) {
            Some(log_freq) => log_freq,
            None => {
                let chars = chars.get_or_insert_with(|| char_scores(&folded, params.char_weight));
                lexicon.floor(i) - params.unlisted_drop + chars[i]
            }
        };
    }
    let best = scores.iter().copied().fold(f32::MIN, f32::max);
    (scores.map(|s| s - best), spread)
}

/// French and Italian elisions ("l'état", "dell'anno"): the part after the apostrophe.
fn elided(folded: &str, lexicon: &Lexicon) -> Option<Frequencies> {
    let (_, rest) = folded.split_once('\'')?;
    lexicon.lookup(rest).copied()
}

/// The character model's verdict on an unlisted word, relative to the best language,
/// over the whole word (per-character log10 probability times length, capped).
fn char_scores(folded: &str, weight: f32) -> [f32; LANGS] {
    const MAX_CHARS: f32 = 12.0;
    let mut per_char = [0.0; LANGS];
    CharModel::get().log_prob_per_char(folded, &mut per_char);
    let best = per_char.iter().copied().fold(f32::MIN, f32::max);
    let length = (folded.chars().count() as f32).min(MAX_CHARS);
    per_char.map(|p| weight * length * (p - best))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn index(lang: Lang) -> usize {
        Lang::ALL.iter().position(|&l| l == lang).unwrap()
    }

    #[test]
    fn neutral_words() {
        assert!(is_neutral("2025"));
        assert!(is_neutral("CIA"));
        assert!(is_neutral("F-16"));
        assert!(is_neutral("CiberCuba"));
        assert!(is_neutral("iPhone"));
        assert!(!is_neutral("Según"));
        assert!(!is_neutral("A"));
    }

    #[test]
    fn scripts() {
        assert_eq!(foreign_script("Москва"), Some(Script::Cyrillic));
        assert_eq!(foreign_script("北京"), Some(Script::Han));
        assert_eq!(foreign_script("Straße"), None);
    }

    #[test]
    fn links_are_found() {
        let text = "Mehr unter https://example.org/a-b und www.haolam.de, Post an a.b@c.de bitte.";
        let found: Vec<&str> = links(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            found,
            ["https://example.org/a-b", "www.haolam.de,", "a.b@c.de"]
        );
    }

    #[test]
    fn spanish_word_scores_spanish_best() {
        let (scores, spread) = word_scores("Según", &Params::default());
        assert_eq!(spread, 1);
        assert_eq!(scores[index(Lang::Es)], 0.0);
        assert!(scores[index(Lang::De)] < -3.0, "{scores:?}");
    }
}
