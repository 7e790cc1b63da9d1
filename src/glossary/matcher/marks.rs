//! Marks at the edges of a term that belong to its name: the "++" of "C++", the "#" of
//! "C#", the "+" of "Canal+". Words are matched without the punctuation around them,
//! so without these "C++" was found in the "C" of "vitamin C". Other punctuation at a
//! term's edge ("Yahoo!", "U.S.") stays optional, as the sentence's own punctuation
//! stands there too.
//!
//! Marks after the words must be exactly the term's, so that "C" is not found in "C++"
//! nor "Canal" in "Canal+"; marks before them may be more, so that "MeToo" is found in
//! the hashtag "#MeToo".
//!
//! A term's final dot ("U.S.", "EE.UU.", "Inc.") is optional too, but part of the match
//! where the text has it: left out, it stayed behind when the mention was replaced
//! ("U.S. Behörden" → "USA. Behörden"). Whether the sentence needs it as well is for
//! [`super::full_stop`] to say. Where a letter touches that dot, the text goes on with a
//! longer abbreviation ("U.S.A."), and the term is not there.

use crate::text::Span;

/// Whether `c`, touching a word, is part of a name rather than of the sentence.
fn is_name_mark(c: char) -> bool {
    matches!(c, '+' | '#' | '@' | '&')
}

/// The name marks of a term right before its first word and right after its last, and
/// whether it ends with a dot after them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Marks {
    before: String,
    after: String,
    dot: bool,
}

impl Marks {
    /// The marks of `term`, whose words are `words`.
    pub(super) fn of(term: &str, words: &[Span]) -> Marks {
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return Marks::default();
        };
        let lead = &term[..first.start];
        let trail = &term[last.end..];
        let unmarked_lead = lead.trim_end_matches(is_name_mark);
        let unmarked_trail = trail.trim_start_matches(is_name_mark);
        Marks {
            before: lead[unmarked_lead.len()..].to_string(),
            after: trail[..trail.len() - unmarked_trail.len()].to_string(),
            dot: unmarked_trail == ".",
        }
    }

    /// The span of a match whose words run over `words` of `text`, widened by the
    /// marks, and by the final dot where the text has it; `None` when the text lacks the
    /// marks there, or has more after the words: other marks, or a letter right after
    /// the final dot ("U.S." is not in "U.S.A.").
    pub(super) fn around(&self, text: &str, words: Span) -> Option<Span> {
        let after = &text[words.end..];
        let marks_after = &after[..after.len() - after.trim_start_matches(is_name_mark).len()];
        let present = text[..words.start].ends_with(&self.before) && marks_after == self.after;
        if !present {
            return None;
        }
        let end = words.end + self.after.len();
        let dot = self.dot && text[end..].starts_with('.');
        if dot && text[end + 1..].starts_with(char::is_alphabetic) {
            return None;
        }
        Some(Span::new(
            words.start - self.before.len(),
            end + usize::from(dot),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::matcher::scan_words;

    fn marks(term: &str) -> Marks {
        let words: Vec<Span> = scan_words(term).collect();
        Marks::of(term, &words)
    }

    #[test]
    fn only_name_marks_next_to_the_words_count() {
        let cases = [
            ("C++", "", "++"),
            ("C#", "", "#"),
            ("#MeToo", "#", ""),
            ("Yahoo!", "", ""),
            ("U.S.", "", ""),
            ("C++.", "", "++"),
            ("Weißes Haus", "", ""),
        ];
        for (term, before, after) in cases {
            let found = marks(term);
            assert_eq!(
                (found.before.as_str(), found.after.as_str()),
                (before, after),
                "{term}"
            );
        }
    }

    #[test]
    fn a_final_dot_after_the_words_and_marks_is_the_terms() {
        for term in ["U.S.", "EE. UU.", "Inc.", "C++."] {
            assert!(marks(term).dot, "{term}");
        }
        for term in ["USA", "Yahoo!", "Yahoo!.", "C++", "U.S"] {
            assert!(!marks(term).dot, "{term}");
        }
    }

    /// The text a match of `term` covers where its words are `words` of `text`.
    fn covered<'t>(term: &str, text: &'t str, words: &str) -> Option<&'t str> {
        let start = text.find(words).expect("the words are in the text");
        let span = marks(term).around(text, Span::new(start, start + words.len()))?;
        Some(span.text(text))
    }

    #[test]
    fn the_final_dot_is_covered_where_the_text_has_it() {
        // The dot was left out of "U.S." and stayed behind when it was replaced.
        assert_eq!(covered("U.S.", "Laut U.S. Behörden", "U.S"), Some("U.S."));
        assert_eq!(covered("U.S.", "an die U.S.", "U.S"), Some("U.S."));
        assert_eq!(covered("U.S.", "the U.S said", "U.S"), Some("U.S"));
        assert_eq!(
            covered("USA", "die USA.", "USA"),
            Some("USA"),
            "the sentence's dot"
        );
        assert_eq!(covered("C++.", "C++. Und", "C"), Some("C++."));
    }

    #[test]
    fn a_letter_after_the_final_dot_makes_a_longer_abbreviation() {
        // "U.S." was found in "U.S.A.", and "U.S.A." became "USA.A.".
        assert_eq!(covered("U.S.", "die U.S.A. sind", "U.S"), None);
        assert_eq!(covered("U.S.", "die U.S.A sind", "U.S"), None);
        assert_eq!(covered("U.S.", "die U.S.10.11.2025", "U.S"), Some("U.S."));
        assert_eq!(covered("U.S.", "die U.S.-Regierung", "U.S"), Some("U.S."));
    }
}
