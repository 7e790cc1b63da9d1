//! Whether terminal punctuation ends a sentence, judged from the word before it and the
//! word after it.

use crate::lang::Lang;
use crate::lang::data::{AbbrevClass, LangData};

/// Characters that end a sentence.
pub(super) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽')
}

/// Closing marks that belong to the sentence they follow (`."`, `!“`, `.)`).
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '“' | '’' | '‘' | '»' | '«' | '›' | '‹' | ')' | ']' | '}'
    )
}

/// Marks that may stand before the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '„'
            | '“'
            | '”'
            | '‚'
            | '‘'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '¿'
            | '¡'
    )
}

/// A stretch of terminal punctuation in a line, with what surrounds it.
pub(super) struct Candidate<'a> {
    /// The line the punctuation is in.
    pub(super) line: &'a str,
    /// First byte of the punctuation run.
    pub(super) run_start: usize,
    /// One past the punctuation run (spaced ellipses `. . .` included).
    pub(super) run_end: usize,
    /// One past the closing quotes and brackets after the run: where the sentence ends.
    pub(super) after: usize,
}

impl Candidate<'_> {
    fn run(&self) -> &str {
        &self.line[self.run_start..self.run_end]
    }

    /// The word before the run, without the quotes or brackets that open it.
    fn word_before(&self) -> &str {
        let head = &self.line[..self.run_start];
        let start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        head[start..].trim_start_matches(is_opener)
    }

    /// The word before [`Self::word_before`], if any.
    fn word_before_that(&self) -> Option<&str> {
        let head = self.line[..self.run_start].trim_end_matches(|c: char| !c.is_whitespace());
        head.split_whitespace().next_back()
    }

    /// Whether nothing but white space, bullets or a list number stands before the word
    /// before the run: the run is then part of a heading or item number.
    fn word_before_starts_line(&self) -> bool {
        self.word_before_that().is_none()
    }

    /// The text after the run and its closers, without leading white space.
    fn rest(&self) -> &str {
        self.line[self.after..].trim_start()
    }

    /// The next word, without the quotes or brackets that open it.
    fn next_word(&self) -> &str {
        self.next_word_and_tail().0
    }

    /// The next word and the text right after it.
    fn next_word_and_tail(&self) -> (&str, &str) {
        leading_word(self.rest())
    }
}

/// The word `text` starts with, after the quotes or brackets that open it, and the text
/// right after that word.
pub(crate) fn leading_word(text: &str) -> (&str, &str) {
    let text = text.trim_start_matches(is_opener);
    let end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(text.len(), |(i, _)| i);
    text.split_at(end)
}

/// Where the sentence ends if `candidate` is a sentence boundary; `None` if it is not.
pub(super) fn sentence_end(
    candidate: &Candidate<'_>,
    lang: Lang,
    data: &LangData,
) -> Option<usize> {
    let end = candidate.after;
    let Some(first) = candidate.rest().chars().next() else {
        return Some(end);
    };
    if continues_sentence(first) {
        return None;
    }
    let run = candidate.run();
    if run.contains(['!', '?', '‽']) {
        return Some(end);
    }
    let dots = run.matches('.').count() + 3 * run.matches('…').count();
    if dots >= 3 {
        return ellipsis_end(candidate, lang, dots);
    }
    let word = candidate.word_before();
    if word.is_empty() {
        return Some(end);
    }
    if is_number(word) {
        return number_end(candidate, lang, data);
    }
    if first.is_numeric() && is_short_word(word) {
        // "Nr. 5", "párr. 5", "Mar. 23", "N°. 1026": a short word before a number is
        // an abbreviation whether listed or not.
        return None;
    }
    let class = data
        .abbreviation(word)
        .or_else(|| data.abbreviation(without_elided_article(word)?))
        .or_else(|| two_part_abbreviation(candidate, word, data))
        .or_else(|| joined_with_next(candidate, word, data))
        .or_else(|| international_title(word))
        .or_else(|| abbreviation_by_shape(word));
    match class {
        Some(AbbrevClass::Title) => None,
        Some(AbbrevClass::Numeric | AbbrevClass::General) if first.is_numeric() => None,
        Some(_) => data.is_starter(candidate.next_word()).then_some(end),
        None if is_initial(word) => data.is_starter(candidate.next_word()).then_some(end),
        None => Some(end),
    }
}

/// The word after an elided article or preposition (Italian "l'on", "dell'avv", French
/// "l'adj"): the abbreviation is what follows the apostrophe.
fn without_elided_article(word: &str) -> Option<&str> {
    let (article, rest) = word.split_once(['\'', '’'])?;
    let elided = (1..=5).contains(&article.chars().count())
        && article
            .chars()
            .all(|c| c.is_lowercase() || c == 'L' || c == 'D');
    (elided && !rest.is_empty()).then_some(rest)
}

/// An ellipsis before a capital letter ends a sentence, unless it marks an omission in
/// brackets or the capital is English "I", which is capitalised anywhere. With four dots
/// the first belongs to the sentence and the others start the next (`words. . . . The`).
fn ellipsis_end(candidate: &Candidate<'_>, lang: Lang, dots: usize) -> Option<usize> {
    let before = candidate.line[..candidate.run_start].chars().next_back();
    if before.is_some_and(|c| c == '[' || c == '(') {
        return None;
    }
    let run = candidate.run();
    let attached = before.is_some_and(|c| !c.is_whitespace());
    if dots >= 4 && attached && run.starts_with(". .") {
        return Some(candidate.run_start + 1);
    }
    let next = candidate.next_word();
    if dots == 3
        && lang == Lang::En
        && (next == "I" || next.starts_with("I'") || next.starts_with("I’"))
    {
        return None;
    }
    Some(candidate.after)
}

/// After a number: German ordinals ("am 3. Januar", "vom 12. Juni") and heading or item
/// numbers at the start of a line do not end a sentence; other numbers do.
fn number_end(candidate: &Candidate<'_>, lang: Lang, data: &LangData) -> Option<usize> {
    if candidate.word_before_starts_line() {
        return None;
    }
    let word = candidate.word_before();
    if lang == Lang::De && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        let next = candidate.next_word();
        let month = data.month(next).is_some();
        // A year ends sentences ("seit dem Hochwasser von 2002. Binnen …") far more
        // often than a four-digit ordinal stands after an article ("der 1000. Besucher").
        let ordinal_context = !is_year(word)
            && candidate
                .word_before_that()
                .is_some_and(|w| data.takes_ordinal(w.trim_start_matches(is_opener)));
        if month || ordinal_context {
            return None;
        }
    }
    Some(candidate.after)
}

/// Whether a word of digits reads as a year of news: 1000 to 2199.
fn is_year(digits: &str) -> bool {
    digits.len() == 4
        && (digits.starts_with('1') || digits.starts_with("20") || digits.starts_with("21"))
}

/// German "z. B.", "u. a.": a single letter whose previous word is a single letter
/// with a period.
fn two_part_abbreviation(
    candidate: &Candidate<'_>,
    word: &str,
    data: &LangData,
) -> Option<AbbrevClass> {
    if word.chars().count() != 1 {
        return None;
    }
    let previous = candidate.word_before_that()?;
    let first = previous.strip_suffix('.')?;
    if first.chars().count() != 1 {
        return None;
    }
    data.abbreviation(&format!("{first}.{word}"))
}

/// Spanish "EE. UU.": the word and the next one together form a listed abbreviation.
fn joined_with_next(candidate: &Candidate<'_>, word: &str, data: &LangData) -> Option<AbbrevClass> {
    let (next, tail) = candidate.next_word_and_tail();
    if next.is_empty() || next.chars().count() > 3 || !tail.starts_with('.') {
        return None;
    }
    data.abbreviation(&format!("{word}.{next}"))
}

/// English titles ("Mr.", "Mt.", "Gen.") turn up in news of every language.
fn international_title(word: &str) -> Option<AbbrevClass> {
    LangData::get(Lang::En)
        .abbreviation(word)
        .filter(|&class| class == AbbrevClass::Title)
}

/// Whether a sentence cannot start with `c`: lowercase letters and punctuation that
/// continues a sentence (commas, closing brackets, slashes, dashes).
fn continues_sentence(c: char) -> bool {
    c.is_lowercase() || ",;:)]}%/|-–—…".contains(c)
}

/// Up to four letters (ordinal indicators included, as in "N°"): the shape of an
/// abbreviation when a number follows. Longer words end sentences ("Krieg. 2000 …").
fn is_short_word(word: &str) -> bool {
    let count = word.chars().count();
    (1..=4).contains(&count) && word.chars().all(|c| c.is_alphabetic() || "°ºª".contains(c))
}

/// Unlisted abbreviations recognised by their shape: letters with inner periods
/// ("U.S", "a.m", "Ph.D"), or a single lowercase letter.
fn abbreviation_by_shape(word: &str) -> Option<AbbrevClass> {
    let dotted = word.contains('.')
        && word.split('.').all(|part| {
            (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        });
    let lowercase_letter = word.chars().count() == 1 && word.chars().all(char::is_lowercase);
    (dotted || lowercase_letter).then_some(AbbrevClass::General)
}

/// A single capital letter: an initial ("Jonas E. Smith") or a pronoun ("you and I.").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Digits with separators, currency signs or a percent sign: "12", "1.000.000",
/// "$100.00", "20%".
fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || ".,'’%$€£¥".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_number("1.000.000"));
        assert!(is_number("$100.00"));
        assert!(!is_number("N°"));
        assert!(!is_number("3D"));
        assert!(is_initial("E"));
        assert!(!is_initial("Er"));
        assert_eq!(abbreviation_by_shape("U.S"), Some(AbbrevClass::General));
        assert_eq!(abbreviation_by_shape("a.m"), Some(AbbrevClass::General));
        assert_eq!(abbreviation_by_shape("z"), Some(AbbrevClass::General));
        assert_eq!(abbreviation_by_shape("Haus"), None);
        assert_eq!(abbreviation_by_shape("example.com"), None);
        assert!(is_short_word("N°"));
        assert!(is_short_word("párr"));
        assert!(!is_short_word("Krieg"));
        assert!(!is_short_word("Seite7"));
        assert!(!is_short_word("Jahres"));
        assert!(continues_sentence('/'));
        assert!(!continues_sentence('„'));
    }
}
