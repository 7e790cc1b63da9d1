//! What each word says about its language: log10 likelihoods from the word lists, or
//! from the character model for unlisted words, relative to the best language.

use unicode_script::{Script, UnicodeScript};

use super::charmodel::CharModel;
use super::compound::{HYPHENS, compound_parts, compound_scores, compound_words};
use super::lexicon::{Frequencies, LANGS, Lexicon, fold};
use super::{NAME_SPREAD, Params, WORD_SPREAD, index};
use crate::Lang;
use crate::lang::data::{AbbrevClass, LangData};
use crate::text::Span;

/// One word of a sentence and its evidence.
#[derive(Debug, Clone)]
pub(super) struct WordEvidence {
    /// Byte range in the text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether the word starts with an uppercase letter that is not grammar: English
    /// "I" and German "Sie", "Ihnen" … are capitalised everywhere and never names.
    pub(super) capitalised: bool,
    /// Whether a later part of the word starts with one: a compound or elision written
    /// as a name ("Jean-Luc", "d'Italia").
    pub(super) inner_capital: bool,
    /// In how many languages' word lists the word stands (0 when in none).
    pub(super) spread: usize,
    /// Whether the word is a number ("50", "3.5").
    pub(super) is_number: bool,
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
    pub(super) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub(super) fn scores(&self) -> Option<&[f32; LANGS]> {
        match &self.kind {
            Kind::Scores(scores) => Some(scores),
            _ => None,
        }
    }
}

/// The words of one sentence of `text` with their evidence, into `out`.
pub(super) fn sentence_evidence(
    text: &str,
    sentence: Span,
    main: Lang,
    params: &Params,
    out: &mut Vec<WordEvidence>,
) {
    // Case is German writers' evidence: in English or French text a German word is
    // written in lower case like any other ("the energiewende").
    let german = main == Lang::De;
    words_evidence(text, sentence, main, german, params, out);
    // Rarely needed, so the words are weighed again rather than checked first.
    if german && !writer_capitalises(text, out) {
        words_evidence(text, sentence, main, false, params, out);
    }
    titled_names(text, main, out);
}

/// The words of one sentence with their evidence, into `out`; `case_tells` says
/// whether a German word written in lower case counts as unlikely a noun.
fn words_evidence(
    text: &str,
    sentence: Span,
    main: Lang,
    case_tells: bool,
    params: &Params,
    out: &mut Vec<WordEvidence>,
) {
    out.clear();
    let body = sentence.text(text);
    let links = links(body);
    // The links are sorted and apart: the last one starting at or before a word is the
    // only one that can hold it (a line of thousands of addresses stays linear).
    let in_link = |start: usize| {
        let before = links.partition_point(|&(s, _)| s <= start);
        before > 0 && start < links[before - 1].1
    };
    for (position, span) in compound_words(body).enumerate() {
        let word = span.text(body);
        let capitalised =
            word.chars().next().is_some_and(char::is_uppercase) && !capital_pronoun(word);
        let mut spread = 0;
        let script = foreign_script(word);
        let scored = match script {
            None if !in_link(span.start) && word.len() <= MAX_WORD_BYTES => {
                compound_scores(word, case_tells, params)
            }
            _ => None,
        };
        let kind = if let Some(script) = script {
            Kind::Script(script)
        } else if let Some((mut likelihoods, listed_in)) = scored {
            spread = listed_in;
            if elided_alone(body, span) {
                only_eliding_languages(word, &mut likelihoods, params);
            }
            let best = likelihoods.iter().copied().fold(f32::MIN, f32::max);
            let mut scores = likelihoods.map(|l| l - best);
            // Inside a sentence a capitalised word is mostly a name.
            let german = index(Lang::De);
            let after_german = out.last().is_some_and(|previous| {
                !previous.capitalised
                    && previous.scores().is_some_and(|s| {
                        s[german] == 0.0 && s[german] - s[index(main)] >= params.edge_gain
                    })
            });
            if capitalised
                && position > 0
                && main != Lang::De
                && !capitalised_word(&scores, spread, after_german)
            {
                scores = scores.map(|s| s * params.name_weight);
            }
            Kind::Scores(scores)
        } else {
            Kind::Neutral
        };
        out.push(WordEvidence {
            start: sentence.start + span.start,
            end: sentence.start + span.end,
            capitalised,
            inner_capital: word
                .split(|c: char| HYPHENS.contains(&c) || APOSTROPHES.contains(&c))
                .skip(1)
                .any(|part| part.chars().next().is_some_and(char::is_uppercase)),
            spread,
            is_number: word.chars().next().is_some_and(char::is_numeric),
            kind,
        });
    }
}

/// The longest word weighed, in bytes: the longest German compounds in use have about
/// 60 letters. Anything longer (a hash, a line of one letter, a word the detector cut
/// where a line of megabytes has no space) tells no language.
const MAX_WORD_BYTES: usize = 128;

/// Whether a word capitalised inside a sentence, with these `scores` (relative to the
/// best language) and `spread`, can be a word rather than a name: a German noun
/// (German capitalises them all: one that stands in few lists, or any after a lowercase
/// German word, "ein Mann", as `after_german` says) or a common word of its language
/// (one or two lists). Names and internationalisms stand in many languages' lists.
pub(super) fn capitalised_word(scores: &[f32; LANGS], spread: usize, after_german: bool) -> bool {
    let german_noun = scores[index(Lang::De)] == 0.0 && (spread < NAME_SPREAD || after_german);
    german_noun || (1..=WORD_SPREAD).contains(&spread)
}

/// A word is written in lower case this rarely, at most, to count as a German noun
/// (log10 of its lowercase share relative to a word capitalised only at the start of a
/// sentence, as [`Entry::german_lowercase`](super::lexicon::Entry) holds it): "Team",
/// "Problem", "Information".
const NOUN_LOWERCASE: f32 = -0.7;

/// Whether `word` starts with a lowercase letter.
fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the writer of a sentence (its `words` in `text`) capitalises German nouns,
/// so that a word written in lower case is unlikely a German noun. A sentence that
/// starts in lower case says the writer does not; so do two or more German nouns in
/// lower case when no word after the first is capitalised ("heute habe ich mit dem
/// team ein problem gefunden"). One may be a foreign word ("Hab den job").
fn writer_capitalises(text: &str, words: &[WordEvidence]) -> bool {
    let Some(first) = words.first() else {
        return true;
    };
    if starts_lowercase(first.text(text)) {
        return false;
    }
    if words.iter().skip(1).any(|w| w.capitalised) {
        return true;
    }
    let lexicon = Lexicon::get();
    let german = index(Lang::De);
    let german_noun = |part: &str| {
        lexicon.lookup(&fold(part)).is_some_and(|entry| {
            entry.frequencies[german].is_some() && entry.german_lowercase <= NOUN_LOWERCASE
        })
    };
    words
        .iter()
        .map(|w| w.text(text))
        .filter(|word| starts_lowercase(word) && word.split(HYPHENS).any(german_noun))
        .take(2)
        .count()
        < 2
}

/// Makes a title of the main language ("Dr.", "Prof.", "Mrs.") and the capitalised
/// words after it neutral: they are a name ("Dr. Stiefvater"), whatever its words mean
/// in other languages.
fn titled_names(text: &str, main: Lang, words: &mut [WordEvidence]) {
    let data = LangData::get(main);
    let mut k = 0;
    while k < words.len() {
        let word = &words[k];
        let title = text[word.end..].starts_with('.')
            && data.abbreviation(word.text(text)) == Some(AbbrevClass::Title);
        if !title {
            k += 1;
            continue;
        }
        words[k].kind = Kind::Neutral;
        k += 1;
        while k < words.len() && words[k].capitalised {
            words[k].kind = Kind::Neutral;
            k += 1;
        }
    }
}

/// German pronouns of polite address, capitalised by grammar.
const GERMAN_POLITE_PRONOUNS: [&str; 8] = [
    "Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer", "Ihres",
];

/// A pronoun written with a capital everywhere: English "I" ("I'm", "I'll" …) and the
/// German pronouns of polite address.
pub(super) fn capital_pronoun(word: &str) -> bool {
    word == "I"
        || word.starts_with("I'")
        || word.starts_with("I’")
        || GERMAN_POLITE_PRONOUNS.contains(&word)
}

/// Apostrophes of elisions ("d'Italia", "l’État").
const APOSTROPHES: [char; 2] = ['\'', '’'];

/// The languages that write an elided article or preposition with an apostrophe
/// ("d'", "l'", "qu'", "dell'"): French and Italian.
const ELIDING: [Lang; 2] = [Lang::Fr, Lang::It];

/// The most letters of an elided article, pronoun or preposition that only French and
/// Italian write ("d'", "l'", "qu'"). Longer elided forms are other languages' too
/// (German "hab'", English "parents'"): the lists tell which languages write them
/// ("dell'anno" is Italian).
const MAX_ELIDED_LETTERS: usize = 2;

/// Whether the word at `span` of `text` stands on its own before an apostrophe: no
/// letter follows the apostrophe ("d' un", "dell' anno", "l'" at the end of a quote),
/// and none comes before the word (English "rock 'n' roll").
fn elided_alone(text: &str, span: Span) -> bool {
    let mut after = text[span.end..].chars();
    let quoted = text[..span.start]
        .chars()
        .next_back()
        .is_some_and(|c| APOSTROPHES.contains(&c));
    !quoted
        && after.next().is_some_and(|c| APOSTROPHES.contains(&c))
        && !after.next().is_some_and(char::is_alphabetic)
}

/// Leaves the lists' evidence for an elided form ("d", "dell": the lists count elisions
/// as the bare letters) to the languages that write it: in every other language, the
/// form is as likely as an unlisted word. Short forms are French and Italian; for
/// longer ones, the languages whose lists have words that start with the form and an
/// apostrophe. When no list has such words, nothing changes.
fn only_eliding_languages(word: &str, likelihoods: &mut [f32; LANGS], params: &Params) {
    let lexicon = Lexicon::get();
    let writes = |i: usize| {
        if word.chars().count() <= MAX_ELIDED_LETTERS {
            ELIDING.contains(&Lang::ALL[i])
        } else {
            lexicon.elision_langs(&fold(word)) & (1 << i) != 0
        }
    };
    if !(0..LANGS).any(writes) {
        return;
    }
    for (i, likelihood) in likelihoods.iter_mut().enumerate() {
        if !writes(i) {
            *likelihood = likelihood.min(lexicon.floor(i) - params.unlisted_drop);
        }
    }
}

/// The last character of the Latin Extended-B block.
const LAST_LATIN_BLOCK: char = '\u{024F}';

/// The script of a word's letters when it is not Latin (and not shared, like digits).
pub(super) fn foreign_script(word: &str) -> Option<Script> {
    word.chars()
        // Up to Latin Extended-B every letter is Latin: no need to look it up.
        .filter(|&c| c > LAST_LATIN_BLOCK && c.is_alphabetic())
        .map(|c| c.script())
        .find(|s| {
            !matches!(
                s,
                Script::Latin | Script::Common | Script::Inherited | Script::Unknown
            )
        })
}

/// Symbols of units that every language writes alike: the word lists have them from
/// whichever language wrote most about distances and weights ("km" is German there).
const UNIT_SYMBOLS: [&str; 19] = [
    "km", "cm", "mm", "nm", "kg", "mg", "ml", "dl", "cl", "kW", "kWh", "MW", "MWh", "GW", "GWh",
    "Hz", "kHz", "MHz", "GHz",
];

/// A word that carries no language evidence: digits, an acronym in capitals, a brand
/// written in camel case ("CiberCuba", "PayPal", "iPhone") or a unit symbol ("km").
pub(super) fn is_neutral(word: &str) -> bool {
    if UNIT_SYMBOLS.contains(&word) {
        return true;
    }
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

/// Log10 likelihood of `word` in each language, and in how many languages' lists it
/// stands (names and internationalisms stand in many). `case_tells` says whether the
/// writer uses capitals, so that a German word written in lower case is unlikely a
/// noun.
pub(super) fn word_scores(word: &str, case_tells: bool, params: &Params) -> ([f32; LANGS], usize) {
    // An elision's case is that of the word elided onto ("l'Europe" is capitalised).
    let written = word.rsplit(APOSTROPHES).next().unwrap_or(word);
    let lowercase = case_tells && starts_lowercase(written);
    folded_scores(&fold(word), lowercase, params)
}

/// [`word_scores`] of a word already folded; `lowercase` says whether it was written
/// in lower case (the likelihood of German words depends on it).
fn folded_scores(folded: &str, lowercase: bool, params: &Params) -> ([f32; LANGS], usize) {
    let lexicon = Lexicon::get();
    let entry = lexicon
        .lookup(folded)
        .or_else(|| lexicon.lookup(elided(folded)?));
    if entry.is_none() {
        if let Some((head, tail, _)) = compound_parts(folded) {
            // A compound no list has is as likely as its parts together; its case is
            // that of its last part, which makes it a noun or not.
            let (head, _) = folded_scores(head, false, params);
            let (tail, _) = folded_scores(tail, lowercase, params);
            return (std::array::from_fn(|i| head[i] + tail[i]), 0);
        }
    }
    let listed = entry.map(|e| e.frequencies);
    let spread = entry.map_or(0, |e| e.spread);
    let mut scores = [0.0f32; LANGS];
    let mut chars: Option<[f32; LANGS]> = None;
    let mut unaccented: Option<Option<&Frequencies>> = None;
    let german = index(Lang::De);
    for (i, score) in scores.iter_mut().enumerate() {
        let mut unlisted = || {
            let chars = chars.get_or_insert_with(|| char_scores(folded, params.char_weight));
            lexicon.floor(i) - params.unlisted_drop + chars[i]
        };
        *score = match listed.and_then(|f| f[i]) {
            // German capitalises its nouns: written in lower case, a German noun is as
            // unlikely as the share of its lowercase use says, though never less
            // likely than a word no list has.
            Some(log_freq) if i == german && lowercase => {
                let cased = log_freq + entry.map_or(0.0, |e| e.german_lowercase);
                // An unlisted word is at best the list's floor less the drop: only
                // below that is the character model worth asking.
                if cased >= lexicon.floor(i) - params.unlisted_drop {
                    cased
                } else {
                    cased.max(unlisted())
                }
            }
            Some(log_freq) => log_freq,
            None => {
                let unlisted = unlisted();
                // A language that drops accents may have the word with them.
                let unaccented = unaccented.get_or_insert_with(|| lexicon.unaccented(folded));
                match unaccented.and_then(|f| f[i]) {
                    Some(log_freq) => unlisted.max(log_freq),
                    None => unlisted,
                }
            }
        };
    }
    (scores, spread)
}

/// French and Italian elisions ("l'état", "dell'anno"): the part after the apostrophe.
fn elided(folded: &str) -> Option<&str> {
    folded.split_once('\'').map(|(_, rest)| rest)
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
        assert!(is_neutral("km"));
        assert!(is_neutral("kWh"));
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
    fn elisions_standing_alone() {
        let at = |text: &str, word: &str| {
            let start = text.rfind(word).unwrap();
            elided_alone(text, Span::new(start, start + word.len()))
        };
        assert!(at("une tasse d' eau", "d"));
        assert!(at("una tazza dell’ acqua", "dell"));
        assert!(at("il dit l'", "l"));
        assert!(!at("une tasse d'eau", "d"), "joined to its word");
        assert!(!at("rock 'n' roll", "n"), "a quoted letter");
        assert!(!at("une tasse de eau", "de"));
    }

    #[test]
    fn elided_forms_keep_the_evidence_of_languages_that_write_them() {
        let params = Params::default();
        let lexicon = Lexicon::get();
        let (mut d, _) = word_scores("d", true, &params);
        only_eliding_languages("d", &mut d, &params);
        for lang in [Lang::De, Lang::En, Lang::Es, Lang::Pt, Lang::Nl] {
            let i = index(lang);
            assert!(d[i] <= lexicon.floor(i) - params.unlisted_drop, "{lang}");
        }
        assert!(d[index(Lang::Fr)] > -3.0);
        let (mut dell, _) = word_scores("dell", true, &params);
        only_eliding_languages("dell", &mut dell, &params);
        let best = (0..LANGS).max_by(|&a, &b| dell[a].total_cmp(&dell[b]));
        assert_eq!(best, Some(index(Lang::It)));
        let (parents, _) = word_scores("parents", true, &params);
        let mut unchanged = parents;
        only_eliding_languages("parents", &mut unchanged, &params);
        assert_eq!(
            unchanged, parents,
            "no list writes \"parents'\" before a word"
        );
        let (mut hab, _) = word_scores("hab", true, &params);
        only_eliding_languages("hab", &mut hab, &params);
        let best = (0..LANGS).max_by(|&a, &b| hab[a].total_cmp(&hab[b]));
        assert_eq!(best, Some(index(Lang::De)), "German writes \"hab's\"");
    }

    #[test]
    fn spanish_word_scores_spanish_best() {
        let (likelihoods, spread) = word_scores("Según", true, &Params::default());
        assert_eq!(spread, 1);
        let (es, de) = (likelihoods[index(Lang::Es)], likelihoods[index(Lang::De)]);
        assert!(likelihoods.iter().all(|&l| l <= es), "{likelihoods:?}");
        assert!(de < es - 3.0, "{likelihoods:?}");
    }
}
