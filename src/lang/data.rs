//! Per-language word lists written by the team (`data/<lang>/*.txt`), embedded at
//! compile time and parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::Lang;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Stands before a name (`Dr.`, `Mr.`): what follows never starts a sentence.
    Title,
    /// Stands before a number (`Nr.`, `p.`).
    Numeric,
    /// May end a sentence (`usw.`, `Inc.`, `U.S.`).
    General,
}

/// The word lists of one language.
#[derive(Debug, Default)]
pub(crate) struct LangData {
    /// Abbreviations without their final period, as written.
    abbreviations: HashMap<String, AbbrevClass>,
    /// The same, lowercased, for a case-insensitive second look.
    abbreviations_folded: HashMap<String, AbbrevClass>,
    /// Capitalised words that usually start a sentence.
    starters: HashSet<String>,
    /// Month names and abbreviations (without period), lowercased, to month number.
    months: HashMap<String, u8>,
    /// The keys of `months` that are full month names, not abbreviations.
    full_months: HashSet<String>,
    /// Weekday names, lowercased, to 1 (Monday) … 7.
    weekdays: HashMap<String, u8>,
    /// Number words, lowercased, to value; vague quantifiers ("mehrere") are -1.
    number_words: HashMap<String, i64>,
    /// Lowercased words after which `<number>.` is an ordinal (German "am 3. Januar").
    ordinal_context: HashSet<String>,
}

struct RawFiles {
    abbreviations: &'static str,
    starters: &'static str,
    months: &'static str,
    month_abbreviations: &'static str,
    weekdays: &'static str,
    number_words: &'static str,
    ordinal_context: &'static str,
}

macro_rules! raw_files {
    ($code:literal, $ordinal_context:expr) => {
        RawFiles {
            abbreviations: include_str!(concat!("../../data/", $code, "/abbreviations.txt")),
            starters: include_str!(concat!("../../data/", $code, "/sentence_starters.txt")),
            months: include_str!(concat!("../../data/", $code, "/months.txt")),
            month_abbreviations: include_str!(concat!(
                "../../data/",
                $code,
                "/month_abbreviations.txt"
            )),
            weekdays: include_str!(concat!("../../data/", $code, "/weekdays.txt")),
            number_words: include_str!(concat!("../../data/", $code, "/number_words.txt")),
            ordinal_context: $ordinal_context,
        }
    };
}

fn raw_files(lang: Lang) -> RawFiles {
    match lang {
        Lang::De => raw_files!("de", include_str!("../../data/de/ordinal_context.txt")),
        Lang::En => raw_files!("en", ""),
        Lang::Es => raw_files!("es", ""),
        Lang::Fr => raw_files!("fr", ""),
        Lang::It => raw_files!("it", ""),
        Lang::Pt => raw_files!("pt", ""),
        Lang::Nl => raw_files!("nl", ""),
    }
}

/// The entry lines of a list file: no comments, no blank lines, no trailing space.
pub(crate) fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// `key<TAB>value` entry lines; lines of another shape are skipped (a test checks there
/// are none).
pub(crate) fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    entries(text).filter_map(|line| line.split_once('\t'))
}

fn parse_class(word: &str) -> Option<AbbrevClass> {
    match word {
        "title" => Some(AbbrevClass::Title),
        "numeric" => Some(AbbrevClass::Numeric),
        "general" => Some(AbbrevClass::General),
        _ => None,
    }
}

fn without_period(abbreviation: &str) -> &str {
    abbreviation.strip_suffix('.').unwrap_or(abbreviation)
}

impl LangData {
    fn parse(raw: &RawFiles) -> LangData {
        let mut data = LangData::default();
        for (abbreviation, class) in pairs(raw.abbreviations) {
            let Some(class) = parse_class(class.trim()) else {
                continue;
            };
            let key = without_period(abbreviation);
            data.abbreviations.insert(key.to_string(), class);
            data.abbreviations_folded
                .entry(key.to_lowercase())
                .or_insert(class);
        }
        data.starters = entries(raw.starters).map(str::to_string).collect();
        for (names, full) in [(raw.months, true), (raw.month_abbreviations, false)] {
            for (name, number) in pairs(names) {
                if let Ok(number) = number.trim().parse() {
                    let key = without_period(name).to_lowercase();
                    if full {
                        data.full_months.insert(key.clone());
                    }
                    data.months.insert(key, number);
                }
            }
        }
        for (name, number) in pairs(raw.weekdays) {
            if let Ok(number) = number.trim().parse() {
                data.weekdays.insert(name.to_lowercase(), number);
            }
        }
        for (word, value) in pairs(raw.number_words) {
            if let Ok(value) = value.trim().parse() {
                data.number_words.insert(word.to_lowercase(), value);
            }
        }
        data.ordinal_context = entries(raw.ordinal_context)
            .map(str::to_lowercase)
            .collect();
        data
    }

    /// The lists of `lang`, parsed on first use.
    pub(crate) fn get(lang: Lang) -> &'static LangData {
        static ALL: LazyLock<Vec<LangData>> = LazyLock::new(|| {
            Lang::ALL
                .iter()
                .map(|&lang| LangData::parse(&raw_files(lang)))
                .collect()
        });
        &ALL[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)]
    }

    /// The class of `word` (written without its final period) if it is a known
    /// abbreviation; an exact match beats a case-insensitive one.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        self.abbreviations
            .get(word)
            .copied()
            .or_else(|| self.abbreviations_folded.get(&word.to_lowercase()).copied())
    }

    /// Whether `word` (as written) usually starts a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// The month number of a month name or abbreviation, in any case.
    pub(crate) fn month(&self, word: &str) -> Option<u8> {
        self.months.get(&word.to_lowercase()).copied()
    }

    /// The month number of a full month name ("März", "May"), in any case; not of an
    /// abbreviation, which is often a word too (Spanish "mar", English "may").
    pub(crate) fn full_month(&self, word: &str) -> Option<u8> {
        let lower = word.to_lowercase();
        self.full_months
            .contains(&lower)
            .then(|| self.months.get(&lower).copied())
            .flatten()
    }

    /// The weekday number (Monday = 1) of a weekday name, in any case.
    pub(crate) fn weekday(&self, word: &str) -> Option<u8> {
        self.weekdays.get(&word.to_lowercase()).copied()
    }

    /// The value of a number word; -1 for a vague quantifier ("mehrere").
    pub(crate) fn number_word(&self, word: &str) -> Option<i64> {
        self.number_words.get(&word.to_lowercase()).copied()
    }

    /// Every month name and abbreviation (lowercased, without period) with its number
    /// and whether it is a full name.
    pub(crate) fn months(&self) -> impl Iterator<Item = (&str, u8, bool)> {
        self.months
            .iter()
            .map(|(name, &number)| (name.as_str(), number, self.full_months.contains(name)))
    }

    /// Every weekday name, lowercased, with its number (Monday = 1).
    pub(crate) fn weekdays(&self) -> impl Iterator<Item = (&str, u8)> {
        self.weekdays.iter().map(|(name, &n)| (name.as_str(), n))
    }

    /// Every number word, lowercased, with its value (-1 for a vague quantifier).
    pub(crate) fn number_words(&self) -> impl Iterator<Item = (&str, i64)> {
        self.number_words
            .iter()
            .map(|(word, &v)| (word.as_str(), v))
    }

    /// Every sentence starter, as written.
    pub(crate) fn starters(&self) -> impl Iterator<Item = &str> {
        self.starters.iter().map(String::as_str)
    }

    /// Every word after which `<number>.` is an ordinal, lowercased.
    pub(crate) fn ordinal_contexts(&self) -> impl Iterator<Item = &str> {
        self.ordinal_context.iter().map(String::as_str)
    }

    /// Whether `<number>.` after `word` reads as an ordinal ("am 3. Januar").
    pub(crate) fn takes_ordinal(&self, word: &str) -> bool {
        self.ordinal_context.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry line of every list file has the shape its loader expects, so that
    /// nothing is skipped silently.
    #[test]
    fn every_list_line_parses() {
        for lang in Lang::ALL {
            let raw = raw_files(lang);
            let abbreviations = entries(raw.abbreviations).count();
            let parsed = pairs(raw.abbreviations)
                .filter(|(_, class)| parse_class(class.trim()).is_some())
                .count();
            assert_eq!(abbreviations, parsed, "{lang}: malformed abbreviation line");
            for (name, file) in [
                ("months", raw.months),
                ("month_abbreviations", raw.month_abbreviations),
                ("weekdays", raw.weekdays),
                ("number_words", raw.number_words),
            ] {
                let lines = entries(file).count();
                let numeric = pairs(file)
                    .filter(|(_, n)| n.trim().parse::<i64>().is_ok())
                    .count();
                assert_eq!(lines, numeric, "{lang}: malformed line in {name}");
            }
            let data = LangData::get(lang);
            assert!(
                data.abbreviations.len() >= 30,
                "{lang}: too few abbreviations"
            );
            assert!(
                data.starters.len() >= 50,
                "{lang}: too few sentence starters"
            );
            assert_eq!(
                data.months.values().collect::<HashSet<_>>().len(),
                12,
                "{lang}: months"
            );
            assert_eq!(
                data.weekdays.values().collect::<HashSet<_>>().len(),
                7,
                "{lang}: weekdays"
            );
        }
    }

    #[test]
    fn lookups() {
        let de = LangData::get(Lang::De);
        assert_eq!(de.abbreviation("Dr"), Some(AbbrevClass::Title));
        assert_eq!(de.abbreviation("z.B"), Some(AbbrevClass::General));
        assert_eq!(de.month("Januar"), Some(1));
        assert_eq!(de.month("JUNI"), Some(6));
        assert!(de.is_starter("Die"));
        assert!(de.takes_ordinal("am"));
        assert_eq!(de.number_word("sechs"), Some(6));
        assert_eq!(de.number_word("mehrere"), Some(-1));
        assert_eq!(de.weekday("Mittwoch"), Some(3));
        let en = LangData::get(Lang::En);
        assert_eq!(en.abbreviation("Mr"), Some(AbbrevClass::Title));
        assert!(en.is_starter("How"));
        assert!(!en.takes_ordinal("the"));
    }
}
