//! Marks at the edges of a term that belong to its name: the "++" of "C++", the "#" of
//! "C#", the "+" of "Canal+". Words are matched without the punctuation around them,
//! so without these "C++" was found in the "C" of "vitamin C". Other punctuation at a
//! term's edge ("Yahoo!", "U.S.") stays optional, as the sentence's own punctuation
//! stands there too.
//!
//! Marks after the words must be exactly the term's, so that "C" is not found in "C++"
//! nor "Canal" in "Canal+"; marks before them may be more, so that "MeToo" is found in
//! the hashtag "#MeToo".

use crate::text::Span;

/// Whether `c`, touching a word, is part of a name rather than of the sentence.
fn is_name_mark(c: char) -> bool {
    matches!(c, '+' | '#' | '@' | '&')
}

/// The name marks of a term right before its first word and right after its last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Marks {
    before: String,
    after: String,
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
        }
    }

    /// The span of a match whose words run over `words` of `text`, widened by the
    /// marks; `None` when the text lacks them there, or has more after the words.
    pub(super) fn around(&self, text: &str, words: Span) -> Option<Span> {
        let after = &text[words.end..];
        let marks_after = &after[..after.len() - after.trim_start_matches(is_name_mark).len()];
        let present = text[..words.start].ends_with(&self.before) && marks_after == self.after;
        present.then(|| {
            Span::new(
                words.start - self.before.len(),
                words.end + self.after.len(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::matcher::scan_words;

    fn marks(term: &str) -> (String, String) {
        let words: Vec<Span> = scan_words(term).collect();
        let marks = Marks::of(term, &words);
        (marks.before, marks.after)
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
            assert_eq!(
                marks(term),
                (before.to_string(), after.to_string()),
                "{term}"
            );
        }
    }
}
