//! Whether the text still needs a term's final dot when the term is replaced. In "an die
//! U.S." one dot ends both the abbreviation and the sentence, and "USA" in its place
//! must keep it; in "U.S. Behörden" the dot is the abbreviation's alone.
//!
//! The dot stays needed where, after it and any closing quotes or brackets, the line or
//! text ends, or white space and a word that usually starts a sentence in the
//! document's language follow ("Die", "The"; the segmenter's list, which it consults
//! after abbreviations too). It also stays where a letter, digit or dot touches it
//! ("U.S.10.11.2025", "U.S..."): without it, the replacement runs into what follows.
//! A capital alone says nothing: German nouns ("U.S. Behörden") and names ("U.S.
//! Army") have one.

use crate::Lang;
use crate::lang::data::LangData;
use crate::text::sentences::{is_closer, leading_word};

/// Whether the text needs a dot where a term's final dot stands, `rest` being the text
/// after that dot, in a document of `lang`.
pub(super) fn dot_still_needed(rest: &str, lang: Lang) -> bool {
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '.') {
        return true;
    }
    let closed = rest.trim_start_matches(is_closer);
    let next = closed.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    if next.is_empty() || next.starts_with('\n') {
        return true;
    }
    // Right after the dot and its closers, anything but white space ("U.S.,", "U.S.)")
    // goes on with the sentence.
    next.len() < closed.len() && LangData::get(lang).is_starter(leading_word(next).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dot_stays_at_the_end_of_a_line_or_text() {
        for rest in ["", "\n", "  \nDie", "\r\nDie", "“", ")\n", "» "] {
            assert!(dot_still_needed(rest, Lang::De), "{rest:?}");
        }
    }

    #[test]
    fn the_dot_stays_before_a_word_that_starts_a_sentence() {
        assert!(dot_still_needed(" Die Regierung schweigt.", Lang::De));
        assert!(dot_still_needed("“ Er sagte", Lang::De));
        assert!(dot_still_needed(" „Wir", Lang::De));
        assert!(dot_still_needed(" The talks failed.", Lang::En));
    }

    #[test]
    fn the_dot_stays_where_something_touches_it() {
        for rest in ["10.11.2025", "12:30 Uhr", "..", "A."] {
            assert!(dot_still_needed(rest, Lang::De), "{rest:?}");
        }
    }

    #[test]
    fn the_dot_goes_inside_a_sentence() {
        let cases = [
            (" Behörden und", Lang::De),
            (" Army said", Lang::En),
            (" und die", Lang::De),
            (", die", Lang::De),
            (") Regierung", Lang::De),
            ("“ Regierung", Lang::De),
            ("),", Lang::De),
            ("?", Lang::De),
            (" 2025 war", Lang::De),
        ];
        for (rest, lang) in cases {
            assert!(!dot_still_needed(rest, lang), "{rest:?}");
        }
    }
}
