//! Which forms of a concept are short forms: one-word variants of a concept that has
//! longer terms ("Times" of "The New York Times", "Rubio" of "Marco Rubio"). The matcher
//! resolves a short form only where the document names its concept in full, and `check`
//! leaves short forms out of its consistency rule; both ask here, so that they cannot
//! disagree on what a short form is.

use super::matcher::scan_words;
use super::{Concept, TermStatus};

/// Whether `form`, a term of `concept`, is one of its short forms: one word (as the
/// matcher cuts words) while the concept has a term of several. An acronym ("CIA") is
/// no more ambiguous than its expansion, so it is not one; nor is any language's
/// preferred term (that is the concept's name).
pub(crate) fn is_short_form(concept: &Concept, form: &str) -> bool {
    let mut words = scan_words(form);
    let (Some(word), None) = (words.next(), words.next()) else {
        return false;
    };
    let has_longer = concept
        .all_terms()
        .any(|(_, t)| scan_words(&t.text).nth(1).is_some());
    let preferred = concept
        .all_terms()
        .any(|(_, t)| t.text == form && t.status == TermStatus::Preferred);
    has_longer && !preferred && !is_acronym(word.text(form))
}

/// Two letters or more, all capitals ("CIA", "EU", "G7").
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::sketch::glossary;

    macro_rules! t {
        ($name:ident, $concept:expr, $form:expr, $short:expr) => {
            #[test]
            fn $name() {
                let glossary = glossary(&[$concept]);
                assert_eq!(is_short_form(&glossary.concepts[0], $form), $short);
            }
        };
    }

    #[rustfmt::skip]
    mod cases {
        use super::*;
        t!(surname_of_a_full_name, "rubio: de=Marco Rubio | de=Rubio/admitted", "Rubio", true);
        t!(full_name, "rubio: de=Marco Rubio | de=Rubio/admitted", "Marco Rubio", false);
        t!(acronym, "us: de=Vereinigte Staaten | de=USA/admitted", "USA", false);
        t!(preferred_in_another_language, "trump: de=Trump | en=Donald Trump | en=Trump/admitted", "Trump", false);
        t!(no_longer_term, "mexico: de=Mexiko | es=Méjico/admitted", "Méjico", false);
        t!(hyphen_makes_two_words, "qaida: de=Terrornetz al-Qaida | de=al-Qaida/admitted", "al-Qaida", false);
    }
}
