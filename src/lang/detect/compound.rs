//! Hyphenated compounds ("E-Mail", "Browser-Plugin", "Jean-Luc") are one word in one
//! language, and German compounds that no list has are made of listed German words.

use super::evidence::{is_neutral, word_scores};
use super::lexicon::{LANGS, Lexicon, fold};
use super::{Params, index};
use crate::Lang;
use crate::text::{Span, words};

/// Characters that join the parts of a compound ("E-Mail", "Browser-Plugin").
pub(super) const HYPHENS: [char; 2] = ['-', '\u{2010}'];

/// The longest of [`HYPHENS`] in UTF-8 bytes.
const HYPHEN_BYTES: usize = 3;

/// The words of `text` as byte spans, with hyphenated compounds as one word: the
/// parts of a compound are in one language, the language of the compound.
pub(super) fn compound_words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut tokens = words(text).map(|token| token.span).peekable();
    std::iter::from_fn(move || {
        let mut span = tokens.next()?;
        while let Some(next) = tokens.next_if(|next| {
            let gap = &text[span.end..next.start];
            gap.len() <= HYPHEN_BYTES && HYPHENS.iter().any(|&h| gap.chars().eq([h]))
        }) {
            span.end = next.end;
        }
        Some(span)
    })
}

/// The evidence of a word or compound: the sum of its parts' evidence, and the fewest
/// languages' lists any part stands in; `None` when no part carries evidence (acronyms,
/// numbers, single letters as in "E-Mail" or "U-Bahn"). `case_tells` as for
/// [`word_scores`].
pub(super) fn compound_scores(
    word: &str,
    case_tells: bool,
    params: &Params,
) -> Option<([f32; LANGS], usize)> {
    // A single letter in a compound is a prefix or an abbreviation, not a word.
    let compound = word.contains(HYPHENS);
    let no_evidence = |part: &str| is_neutral(part) || (compound && part.chars().count() == 1);
    let parts = word.split(HYPHENS).filter(|part| !no_evidence(part));
    let mut total: Option<([f32; LANGS], usize)> = None;
    for part in parts {
        let (scores, spread) = word_scores(part, case_tells, params);
        total = Some(match total {
            None => (scores, spread),
            Some((sum, fewest)) => (
                std::array::from_fn(|i| sum[i] + scores[i]),
                fewest.min(spread),
            ),
        });
    }
    total
}

/// Languages that write compounds as one word ("Befehlsstruktur", "vaccinatiegraad").
const COMPOUNDING: [Lang; 2] = [Lang::De, Lang::Nl];

/// The two listed words of one compounding language that `folded`, a word no list has,
/// is made of, the first maybe with a linking "s" ("schnaps|idee", "vaccinatie|graad",
/// "ordnungs|amt" is "ordnung" and "amt"), and the language. When several splits fit,
/// the one whose parts are most frequent. Words shorter than [`MIN_COMPOUND_CHARS`]
/// are not split.
pub(super) fn compound_parts(folded: &str) -> Option<(&str, &str, Lang)> {
    let lexicon = Lexicon::get();
    if folded.chars().count() < MIN_COMPOUND_CHARS || !splittable(folded, lexicon) {
        return None;
    }
    let mut best: Option<(f32, (&str, &str, Lang))> = None;
    for (at, _) in folded.char_indices().skip(1) {
        for lang in COMPOUNDING {
            if let Some((head, tail, total)) = split_at(folded, at, lang, lexicon) {
                if best.is_none_or(|(b, _)| total > b) {
                    best = Some((total, (head, tail, lang)));
                }
            }
        }
    }
    best.map(|(_, parts)| parts)
}

/// Whether `word`, which no list has, is made of two German words, the first maybe
/// with a linking "s" ("Befehls|struktur", "Klein|aktionäre"): a compound noun, not a
/// name. Unlike [`compound_parts`], short words count too: this only tells nouns from
/// names.
pub(super) fn is_german_compound(word: &str) -> bool {
    let lexicon = Lexicon::get();
    let folded = fold(word);
    splittable(&folded, lexicon)
        && folded
            .char_indices()
            .skip(1)
            .any(|(at, _)| split_at(&folded, at, Lang::De, lexicon).is_some())
}

/// `folded` cut at byte `at` into two listed words of `lang`, the first maybe with a
/// linking "s" that is not part of it ("ordnungs|amt" is "ordnung" and "amt"), and the
/// sum of their log10 frequencies. Parts shorter than [`MIN_COMPOUND_PART`] letters
/// match by chance and do not count.
fn split_at<'a>(
    folded: &'a str,
    at: usize,
    lang: Lang,
    lexicon: &Lexicon,
) -> Option<(&'a str, &'a str, f32)> {
    let frequency = |part: &str| {
        if part.chars().count() < MIN_COMPOUND_PART {
            return None;
        }
        lexicon.lookup(part)?.frequencies[index(lang)]
    };
    let (head, tail) = folded.split_at(at);
    let tail_frequency = frequency(tail)?;
    let (head, head_frequency) = match frequency(head) {
        Some(f) => (head, f),
        None => {
            let bare = head.strip_suffix('s')?;
            (bare, frequency(bare)?)
        }
    };
    Some((head, tail, head_frequency + tail_frequency))
}

/// Whether `folded` is short enough to be two listed words and a linking "s". Every
/// split point hashes both parts, so without this bound a word of n bytes (a line of
/// base64, a 50 MB string without spaces) would take time in n².
fn splittable(folded: &str, lexicon: &Lexicon) -> bool {
    folded.len() <= 2 * lexicon.longest() + 1
}

/// The fewest letters of each part of a compound that [`compound_parts`] and
/// [`is_german_compound`] accept: shorter parts match by chance.
const MIN_COMPOUND_PART: usize = 4;

/// The fewest letters of a word that [`compound_parts`] splits: shorter words (names
/// above all: "Edenorte", "Kolkatta") split into two short listed words by chance.
const MIN_COMPOUND_CHARS: usize = 10;

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        compound_words(text).map(|span| span.text(text)).collect()
    }

    #[test]
    fn hyphenated_words_are_one_word() {
        assert_eq!(
            texts("Das Browser-Plugin – nicht die E‐Mail - fehlt."),
            ["Das", "Browser-Plugin", "nicht", "die", "E‐Mail", "fehlt"]
        );
    }

    #[test]
    fn single_letters_and_acronyms_carry_no_evidence() {
        assert!(compound_scores("F-16", true, &Params::default()).is_none());
        let (email, _) = compound_scores("e-mail", true, &Params::default()).unwrap();
        let (mail, _) = word_scores("mail", true, &Params::default());
        assert_eq!(email, mail);
    }

    #[test]
    fn compounds_no_list_has_split_into_listed_words() {
        assert_eq!(
            compound_parts("ziekenhuisbedden"),
            Some(("ziekenhuis", "bedden", Lang::Nl))
        );
        assert_eq!(
            compound_parts("schnapsidee"),
            Some(("schnaps", "idee", Lang::De))
        );
        assert_eq!(compound_parts("edenorte"), None, "too short to split");
        assert_eq!(compound_parts("mississauga"), None);
    }

    #[test]
    fn compound_evidence_is_the_parts_together() {
        let params = Params::default();
        let (compound, spread) = word_scores("ziekenhuisbedden", true, &params);
        let (head, _) = word_scores("ziekenhuis", true, &params);
        let (tail, _) = word_scores("bedden", true, &params);
        assert_eq!(spread, 0, "no list has the compound");
        for i in 0..LANGS {
            assert!((compound[i] - head[i] - tail[i]).abs() < 1e-4);
        }
    }

    #[test]
    fn german_compounds_of_listed_words() {
        assert!(is_german_compound("Befehlsstruktur"));
        assert!(is_german_compound("Kleinaktionäre"));
        assert!(!is_german_compound("Mississauga"));
        assert!(
            !is_german_compound("Anstand"),
            "parts of three letters match by chance"
        );
    }

    #[test]
    fn a_word_longer_than_two_listed_words_is_not_split_at_every_point() {
        // A line without spaces is one word; trying each of its split points would
        // take minutes for this one, and days for 50 MB.
        let long = "ab".repeat(100_000);
        Lexicon::get();
        let started = std::time::Instant::now();
        assert_eq!(compound_parts(&long), None);
        assert!(!is_german_compound(&long));
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(2), "took {took:?}");
        let longest = "a".repeat(Lexicon::get().longest());
        assert!(splittable(&format!("{longest}s{longest}"), Lexicon::get()));
    }
}
