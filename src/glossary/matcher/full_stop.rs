//! Whether the text still needs a term's final dot when the term is replaced. In "an die
//! U.S." one dot ends both the abbreviation and the sentence, and "USA" in its place
//! must keep it; in "U.S. Behörden" the dot is the abbreviation's alone.
//!
//! The dot stays needed where, after it and any closing quotes or brackets, the line or
//! text ends, or white space and a word that usually starts a sentence in the
//! document's language follow ("Die", "The"; the segmenter's list, which it consults
//! after abbreviations too). It also stays where a digit or dot touches it
//! ("U.S.10.11.2025", "U.S..."): without it, the replacement runs into what follows. (A
//! letter there makes a longer abbreviation, "U.S.A.", in which the term is not found.)
//!
//! A capital alone says nothing: German nouns ("U.S. Behörden") and parts of names
//! ("U.S. Army") have one, and go on with the abbreviation; so do people's names, which
//! start a sentence as often as any word ("… aus den U.S. Donald Trump sagte"). The
//! segmenter cannot tell them apart (after an abbreviation it too asks for a word from
//! the starter list) and reads one sentence there. The glossary can: a place or an
//! organisation is not named "U.S. Donald Trump", so where the glossary finds a
//! person's name right after the dot, the dot stays. Not where the name is the first
//! part of a compound ("U.S. Trump-Zölle"), nor for names the glossary lacks.

use crate::Lang;
use crate::lang::data::LangData;
use crate::text::Span;
use crate::text::sentences::{is_closer, leading_word};

/// Whether the text needs a dot where a term's final dot stands, `rest` being the text
/// after that dot, in a document of `lang`; `name` is where in `rest` the glossary finds
/// the name of a person next, if it does.
pub(super) fn dot_still_needed(rest: &str, lang: Lang, name: Option<Span>) -> bool {
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
    if next.len() == closed.len() {
        return false;
    }
    let (word, tail) = leading_word(next);
    if LangData::get(lang).is_starter(word) {
        return true;
    }
    let word_start = rest.len() - tail.len() - word.len();
    name.is_some_and(|name| {
        name.start == word_start
            && word.starts_with(char::is_uppercase)
            && !rest[name.end..].starts_with(['-', '‐', '‑'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needed(rest: &str, lang: Lang) -> bool {
        dot_still_needed(rest, lang, None)
    }

    #[test]
    fn the_dot_stays_at_the_end_of_a_line_or_text() {
        for rest in ["", "\n", "  \nDie", "\r\nDie", "“", ")\n", "» "] {
            assert!(needed(rest, Lang::De), "{rest:?}");
        }
    }

    #[test]
    fn the_dot_stays_before_a_word_that_starts_a_sentence() {
        assert!(needed(" Die Regierung schweigt.", Lang::De));
        assert!(needed("“ Er sagte", Lang::De));
        assert!(needed(" „Wir", Lang::De));
        assert!(needed(" The talks failed.", Lang::En));
    }

    #[test]
    fn the_dot_stays_where_something_touches_it() {
        for rest in ["10.11.2025", "12:30 Uhr", "..", "A."] {
            assert!(needed(rest, Lang::De), "{rest:?}");
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
            (" Donald Trump sagte", Lang::De),
        ];
        for (rest, lang) in cases {
            assert!(!needed(rest, lang), "{rest:?}");
        }
    }

    /// Whether the dot stays before `rest`, where the glossary finds a person's name in
    /// `name` (the first place `name` stands in `rest`).
    fn needed_before_name(rest: &str, name: &str) -> bool {
        let start = rest.find(name).expect("the name is in the text");
        dot_still_needed(rest, Lang::De, Some(Span::new(start, start + name.len())))
    }

    #[test]
    fn the_dot_stays_before_a_persons_name() {
        // "aus den U.S. Donald Trump sagte" became "aus den USA Donald Trump sagte".
        assert!(needed_before_name(" Donald Trump sagte", "Donald Trump"));
        assert!(needed_before_name(" „Trump hat", "Trump"));
        assert!(needed_before_name("“ Trump hat", "Trump"));
    }

    #[test]
    fn a_persons_name_that_does_not_follow_the_dot_says_nothing() {
        assert!(!needed_before_name(" Präsident Trump sagte", "Trump"));
        assert!(!needed_before_name(" Trump-Zölle", "Trump"));
        assert!(!needed_before_name(", Trump sagte", "Trump"));
        assert!(!needed_before_name(" trump sagte", "trump"));
    }
}
