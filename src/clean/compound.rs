//! Split compounds: German and Dutch write compounds as one word, and machine
//! translation or careless editing splits them ("Sicherheits team", "Daten schutz",
//! "veiligheids team"). Two signals, both checked against the word-frequency lists
//! (`data/words/<lang>.txt`), and kept conservative:
//!
//! - a first word ending in a linking `s` that only compounds have: after a feminine
//!   suffix (German `-heits`, `-keits`, `-ungs`, `-schafts`, `-ions`, `-täts`; Dutch
//!   `-heids`, `-ings`, `-schaps`, `-teits`), far rarer in the lists than the word
//!   without its `s`, followed by a listed word;
//! - two words whose joined form is a common listed word, where the second is written
//!   in lowercase like no German noun is (for Dutch: neither word is a function word and
//!   the first is no adjective).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::Lang;
use crate::clean::lines::{Line, word_spans};
use crate::text::Span;

/// A word's place in its list: rank (0 is the most frequent) and Zipf frequency.
#[derive(Debug, Clone, Copy)]
struct Listed {
    rank: u32,
    zipf: f32,
}

/// A language's word-frequency list.
struct WordList {
    words: FxHashMap<&'static str, Listed>,
}

impl WordList {
    fn parse(raw: &'static str) -> WordList {
        let mut words = FxHashMap::default();
        let mut rank = 0;
        for line in raw.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, zipf)) = line.split_once('\t') else {
                continue;
            };
            let Ok(zipf) = zipf.parse() else {
                continue;
            };
            words.entry(word).or_insert(Listed { rank, zipf });
            rank += 1;
        }
        WordList { words }
    }

    fn get(&self, folded: &str) -> Option<Listed> {
        self.words.get(folded).copied()
    }

    fn zipf(&self, folded: &str) -> f32 {
        self.get(folded).map_or(0.0, |l| l.zipf)
    }

    fn rank(&self, folded: &str) -> u32 {
        self.get(folded).map_or(u32::MAX, |l| l.rank)
    }
}

/// The list of `lang`, for the languages that write compounds as one word.
fn list(lang: Lang) -> Option<&'static WordList> {
    static DE: LazyLock<WordList> =
        LazyLock::new(|| WordList::parse(include_str!("../../data/words/de.txt")));
    static NL: LazyLock<WordList> =
        LazyLock::new(|| WordList::parse(include_str!("../../data/words/nl.txt")));
    match lang {
        Lang::De => Some(&DE),
        Lang::Nl => Some(&NL),
        _ => None,
    }
}

/// A word as the lists have it: lowercase, `ß` as `ss`.
fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        if c == 'ß' {
            folded.push_str("ss");
        } else {
            folded.push(c);
        }
    }
    folded
}

/// Endings of first parts that take a linking `s` and are no word of their own.
fn linking_suffixes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["heits", "keits", "ungs", "schafts", "ions", "täts"],
        Lang::Nl => &["heids", "ings", "schaps", "teits"],
        _ => &[],
    }
}

/// German second words that stand apart after a noun in correct text ("eine Zeit
/// lang", "Schuld sein"), although the joined form is listed too.
const GERMAN_FREE_SECOND: [&str; 22] = [
    "lang",
    "weit",
    "voll",
    "frei",
    "fest",
    "los",
    "gut",
    "wert",
    "reich",
    "mal",
    "teil",
    "statt",
    "halber",
    "zufolge",
    "entlang",
    "gegenüber",
    "wegen",
    "weise",
    "schuld",
    "leid",
    "recht",
    "bereit",
];

/// How much rarer than the word without it the form with a linking `s` must be (in
/// Zipf units): the form is then a compound part, not a word.
const LINK_MARGIN: f32 = 0.8;
/// The least Zipf frequency of the word without the linking `s`.
const MIN_STEM_ZIPF: f32 = 3.0;
/// The least Zipf frequency of a joined form for the second signal.
const MIN_JOINED_ZIPF: [f32; 2] = [3.0, 3.5];
/// Second words among the most frequent are function words ("und", "en").
const MIN_SECOND_RANK: u32 = 200;

/// A split compound: the two words and the space between, and the joined word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    pub(crate) span: Span,
    pub(crate) joined: String,
}

/// Whether `first second` is a split compound in `lang`, given the first word folded.
/// `sentence_start` tells whether the first word opens its sentence.
fn is_split(
    list: &WordList,
    lang: Lang,
    first: &str,
    folded_first: &str,
    second: &str,
    sentence_start: bool,
) -> bool {
    let folded_second = fold(second);
    let second_lower = second.chars().next().is_some_and(char::is_lowercase);
    let first_upper = first.chars().next().is_some_and(char::is_uppercase);
    if second.chars().count() < 3 || list.rank(&folded_second) < MIN_SECOND_RANK {
        return false;
    }
    let joined = format!("{folded_first}{folded_second}");
    // A linking `s` that only compounds have.
    let linked = linking_suffixes(lang)
        .iter()
        .any(|suffix| folded_first.ends_with(suffix))
        && folded_first.chars().count() >= 6
        && {
            let stem = &folded_first[..folded_first.len() - 1];
            let stem_zipf = list.zipf(stem);
            stem_zipf >= MIN_STEM_ZIPF && stem_zipf >= list.zipf(folded_first) + LINK_MARGIN
        }
        && list.zipf(&folded_second) >= 2.5;
    match lang {
        Lang::De => {
            if linked && first_upper && (second_lower || list.get(&joined).is_some()) {
                return true;
            }
            first_upper
                && second_lower
                && !sentence_start
                && second.chars().count() >= 4
                && !["en", "ern", "eln"]
                    .iter()
                    .any(|e| folded_second.ends_with(e))
                && !GERMAN_FREE_SECOND.contains(&folded_second.as_str())
                && list.rank(folded_first) >= 100
                && list.rank(&folded_second) >= 300
                && list.zipf(&joined) >= MIN_JOINED_ZIPF[0]
        }
        Lang::Nl => {
            if linked && second_lower {
                return true;
            }
            let adjective = list.zipf(&format!("{folded_first}e")) >= 3.0;
            second_lower
                && !first_upper
                && !adjective
                && folded_first.chars().count() >= 4
                && second.chars().count() >= 4
                && !folded_second.ends_with("en")
                && list.rank(folded_first) >= 300
                && list.rank(&folded_second) >= 300
                && list.zipf(&joined) >= MIN_JOINED_ZIPF[1]
        }
        _ => false,
    }
}

/// The split compounds of `text` in `lang` (none for languages that write compounds
/// apart); lines marked in `skip` are left out.
pub(crate) fn find(text: &str, lang: Lang, lines: &[Line], skip: &[bool]) -> Vec<Split> {
    let Some(list) = list(lang) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (line, _) in lines.iter().zip(skip).filter(|(_, skip)| !**skip) {
        let tokens: Vec<Span> = word_spans(line.text(text))
            .map(|(start, end)| Span::new(line.start + start, line.start + end))
            .collect();
        let mut i = 0;
        while i + 1 < tokens.len() {
            let first = tokens[i];
            let mut joined = first.text(text).to_string();
            let mut joined_folded: Option<String> = None;
            let mut end = i;
            while end + 1 < tokens.len() {
                let (a, b) = (tokens[end], tokens[end + 1]);
                let second = b.text(text);
                // Cheap tests first: one space between two words of letters, and the
                // case each language needs.
                let plain = |w: &str| w.chars().all(char::is_alphabetic);
                let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
                let cased = match lang {
                    Lang::De => upper(&joined),
                    _ => !upper(second),
                };
                if &text[a.end..b.start] != " "
                    || !cased
                    || second.len() < 3
                    || !plain(&joined)
                    || !plain(second)
                {
                    break;
                }
                let sentence_start = {
                    let before = text[line.start..first.start].trim_end();
                    before.is_empty()
                        || before.ends_with(['.', '!', '?', ':', '„', '"', '“', '«', '»'])
                };
                let folded = joined_folded.get_or_insert_with(|| fold(&joined));
                if !is_split(list, lang, &joined, folded, second, sentence_start) {
                    break;
                }
                let mut rest = second.chars();
                let head: String = rest
                    .next()
                    .into_iter()
                    .flat_map(char::to_lowercase)
                    .collect();
                joined = format!("{joined}{head}{}", rest.as_str());
                joined_folded = None;
                end += 1;
            }
            if end > i {
                found.push(Split {
                    span: Span::new(first.start, tokens[end].end),
                    joined,
                });
                i = end + 1;
            } else {
                i += 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::lines;

    fn splits(text: &str, lang: Lang) -> Vec<(&str, String)> {
        let lines = lines(text);
        let skip = vec![false; lines.len()];
        find(text, lang, &lines, &skip)
            .into_iter()
            .map(|s| (s.span.text(text), s.joined))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $lang:expr, $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: Vec<(&str, String)> = $expected
                    .iter()
                    .map(|(a, b): &(&str, &str)| (*a, b.to_string()))
                    .collect();
                assert_eq!(splits($text, $lang), expected);
            }
        };
    }

    t!(
        de_linking_s,
        Lang::De,
        "Trump und sein nationales Sicherheits team.",
        [("Sicherheits team", "Sicherheitsteam")]
    );
    t!(
        de_linking_s_capital_second,
        Lang::De,
        "Der Regierungs Sprecher schwieg.",
        [("Regierungs Sprecher", "Regierungssprecher")]
    );
    t!(
        de_lowercase_second,
        Lang::De,
        "Der Daten schutz ist wichtig.",
        [("Daten schutz", "Datenschutz")]
    );
    t!(
        de_chain,
        Lang::De,
        "Die Bundes regierung hat entschieden.",
        [("Bundes regierung", "Bundesregierung")]
    );
    t!(
        nl_linking_s,
        Lang::Nl,
        "Het veiligheids team was er snel.",
        [("veiligheids team", "veiligheidsteam")]
    );

    // Negative cases.
    t!(
        de_words_apart,
        Lang::De,
        "Das Team arbeitet. Die Jungs spielen. Er will Auto fahren und eine Zeit lang bleiben.",
        []
    );
    t!(
        de_names_and_english,
        Lang::De,
        "Das Joint Special Operations Command und Claudia Sheinbaum.",
        []
    );
    t!(
        de_suspended_hyphen,
        Lang::De,
        "Vom Verteidigungs- über das Außenministerium.",
        []
    );
    t!(
        de_verb_after_noun,
        Lang::De,
        "Die Regierung lehnt dies ab, die Kartelle regieren.",
        []
    );
    t!(en_is_never_checked, Lang::En, "The security team met.", []);
    t!(nl_adjective, Lang::Nl, "Een klein kind speelde buiten.", []);
}
