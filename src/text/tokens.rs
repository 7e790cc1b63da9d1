//! Word tokens by Unicode word boundaries (UAX #29).

use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// A word of the text: letters or digits between UAX #29 word boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Where the word is in the input.
    pub span: Span,
    /// The word itself.
    pub text: &'a str,
}

/// The words of `text` with their byte offsets; punctuation and spaces are skipped.
///
/// ```
/// let words: Vec<&str> = tandem::words("Según revelte The New York Times,").map(|t| t.text).collect();
/// assert_eq!(words, ["Según", "revelte", "The", "New", "York", "Times"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = Token<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, w)| Token {
            span: Span::new(start, start + w.len()),
            text: w,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).map(|t| t.text).collect()
    }

    #[test]
    fn splits_on_punctuation_and_keeps_offsets() {
        let input = "„Wir sagen immer“, erklärte Sheinbaum.";
        for token in words(input) {
            assert_eq!(token.span.text(input), token.text);
        }
        assert_eq!(
            texts(input),
            ["Wir", "sagen", "immer", "erklärte", "Sheinbaum"]
        );
    }

    #[test]
    fn keeps_numbers_and_inner_apostrophes() {
        assert_eq!(
            texts("97 Prozent, 3.5 Mio. don't"),
            ["97", "Prozent", "3.5", "Mio", "don't"]
        );
    }

    #[test]
    fn hyphenated_compounds_are_separate_words() {
        assert_eq!(texts("CIA-Agenten"), ["CIA", "Agenten"]);
    }

    #[test]
    fn empty_and_symbol_only_input_has_no_words() {
        assert!(texts("").is_empty());
        assert!(texts(" … !? 🙂 ").is_empty());
    }
}
