//! The word lists of the fact diff, gathered once into one table per language, so that a
//! word is looked up once whatever it may be: `data/<lang>/negations.txt`,
//! `quantifiers.txt`, `number_units.txt` and `weekday_parts.txt` (the fact diff's own,
//! parsed here), and the months, weekdays, number words, sentence starters and ordinal
//! contexts that [`LangData`] has already parsed.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::Lang;
use crate::lang::data::{LangData, entries, pairs};

/// What a word after a number does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Multiplies it ("Millionen").
    Times(u128),
    /// Makes it a percentage ("Prozent").
    Percent,
    /// Makes it percentage points ("Prozentpunkte").
    Points,
}

/// A phrase of one to three words after a number.
#[derive(Debug, Clone)]
pub(crate) struct UnitPhrase {
    /// Its words, lowercase.
    pub(crate) words: Vec<String>,
    /// Whether a period follows the last word ("Mio.").
    pub(crate) period: bool,
    pub(crate) unit: Unit,
}

/// Everything the lists say about one lowercase word. A list word written with a
/// capital (a German noun) may be written in any case (`*_any_case`); a lowercase one
/// must be lowercase in the text unless it starts a sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    /// The month it names (full name or abbreviation).
    pub(crate) month: Option<u8>,
    /// It is a full month name, not an abbreviation.
    pub(crate) month_full: bool,
    /// The weekday it names, Monday = 1.
    pub(crate) weekday: Option<u8>,
    /// Its value as a number word ("sechs").
    pub(crate) number: Option<u128>,
    /// Its class as a vague quantifier ("mehrere": "several").
    pub(crate) quantifier: Option<&'static str>,
    pub(crate) quantifier_any_case: bool,
    /// It negates.
    pub(crate) negation: bool,
    pub(crate) negation_any_case: bool,
    /// It starts a unit phrase ("Millionen", "por" in "por ciento").
    pub(crate) unit_start: bool,
    /// It usually starts a sentence ("Die", "The").
    pub(crate) starter: bool,
    /// An article or determiner after which `<number>.` is an ordinal (German).
    pub(crate) determiner: bool,
}

/// The fact diff's lists of one language.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    /// Every listed word, lowercase.
    words: FxHashMap<Box<str>, WordInfo>,
    /// Endings that negate the word they end ("n't"), lowercase.
    pub(crate) negating_endings: Vec<String>,
    /// Phrases that start with a negation word and do not negate, as lowercase words.
    pub(crate) not_negations: Vec<Vec<String>>,
    /// Words after a number, longest phrase first.
    pub(crate) units: Vec<UnitPhrase>,
}

/// The fact diff's own list files of one language.
struct Raw {
    negations: &'static str,
    quantifiers: &'static str,
    units: &'static str,
    weekday_parts: &'static str,
}

macro_rules! raw {
    ($code:literal) => {
        Raw {
            negations: include_str!(concat!("../../../data/", $code, "/negations.txt")),
            quantifiers: include_str!(concat!("../../../data/", $code, "/quantifiers.txt")),
            units: include_str!(concat!("../../../data/", $code, "/number_units.txt")),
            weekday_parts: include_str!(concat!("../../../data/", $code, "/weekday_parts.txt")),
        }
    };
}

fn raw(lang: Lang) -> Raw {
    match lang {
        Lang::De => raw!("de"),
        Lang::En => raw!("en"),
        Lang::Es => raw!("es"),
        Lang::Fr => raw!("fr"),
        Lang::It => raw!("it"),
        Lang::Pt => raw!("pt"),
        Lang::Nl => raw!("nl"),
    }
}

/// The classes a vague quantifier may have.
const CLASSES: [&str; 8] = [
    "few",
    "several",
    "many",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

fn parse_unit(value: &str) -> Option<Unit> {
    match value {
        "%" => Some(Unit::Percent),
        "pp" => Some(Unit::Points),
        n => n.parse().ok().map(Unit::Times),
    }
}

fn has_capital(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

impl Lists {
    fn info(&mut self, word: &str) -> &mut WordInfo {
        let key = word.trim_end_matches('.').to_lowercase();
        self.words.entry(key.into()).or_default()
    }

    fn parse(raw: &Raw, shared: &LangData) -> Lists {
        let mut lists = Lists::default();
        for line in entries(raw.negations) {
            if let Some(phrase) = line.strip_prefix('!') {
                let words = phrase.split_whitespace().map(str::to_lowercase).collect();
                lists.not_negations.push(words);
            } else if let Some(ending) = line.strip_prefix('-') {
                lists.negating_endings.push(ending.to_lowercase());
            } else {
                let info = lists.info(line);
                info.negation = true;
                info.negation_any_case = has_capital(line);
            }
        }
        for (word, class) in pairs(raw.quantifiers) {
            if let Some(&class) = CLASSES.iter().find(|&&c| c == class.trim()) {
                let info = lists.info(word);
                info.quantifier = Some(class);
                info.quantifier_any_case = has_capital(word);
            }
        }
        for (phrase, value) in pairs(raw.units) {
            let Some(unit) = parse_unit(value.trim()) else {
                continue;
            };
            let period = phrase.ends_with('.');
            let words: Vec<String> = phrase
                .trim_end_matches('.')
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            if let Some(first) = words.first() {
                lists.info(first).unit_start = true;
            }
            lists.units.push(UnitPhrase {
                words,
                period,
                unit,
            });
        }
        lists
            .units
            .sort_by_key(|u| std::cmp::Reverse(u.words.len()));
        for (name, number, full) in shared.months() {
            let info = lists.info(name);
            info.month = Some(number);
            info.month_full |= full;
        }
        for (name, number) in shared.weekdays() {
            lists.info(name).weekday = Some(number);
            // A part of the day compounded with it names the weekday ("Montagmorgen").
            for part in entries(raw.weekday_parts) {
                lists.info(&format!("{name}{part}")).weekday = Some(number);
            }
        }
        for (word, value) in shared.number_words() {
            // Vague words (-1) are the quantifiers' business.
            if let Ok(value) = u128::try_from(value) {
                lists.info(word).number = Some(value);
            }
        }
        for word in shared.starters() {
            lists.info(word).starter = true;
        }
        for word in shared.ordinal_contexts() {
            lists.info(word).determiner = true;
        }
        lists
    }

    /// The lists of `lang`, parsed on first use.
    pub(crate) fn get(lang: Lang) -> &'static Lists {
        static ALL: LazyLock<Vec<Lists>> = LazyLock::new(|| {
            Lang::ALL
                .iter()
                .map(|&l| Lists::parse(&raw(l), LangData::get(l)))
                .collect()
        });
        &ALL[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)]
    }

    /// What the lists say about a lowercase word.
    pub(crate) fn word(&self, lower: &str) -> Option<&WordInfo> {
        self.words.get(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry line of the fact diff's own lists has the shape its loader expects,
    /// so that nothing is skipped silently.
    #[test]
    fn every_list_line_parses() {
        for lang in Lang::ALL {
            let raw = raw(lang);
            let lists = Lists::get(lang);
            let negations = lists.words.values().filter(|w| w.negation).count();
            assert_eq!(
                entries(raw.negations).count(),
                negations + lists.negating_endings.len() + lists.not_negations.len(),
                "{lang}: negations"
            );
            assert!(negations >= 5, "{lang}: too few negations");
            let quantifiers = lists
                .words
                .values()
                .filter(|w| w.quantifier.is_some())
                .count();
            assert_eq!(
                entries(raw.quantifiers).count(),
                quantifiers,
                "{lang}: quantifiers (a line without a known class, or a word twice)"
            );
            assert_eq!(
                entries(raw.units).count(),
                lists.units.len(),
                "{lang}: units"
            );
            assert!(
                lists.units.iter().any(|u| u.unit == Unit::Percent),
                "{lang}: no percent word"
            );
            let months = lists.words.values().filter(|w| w.month_full).count();
            assert!(months >= 12, "{lang}: months");
            let weekdays = lists.words.values().filter(|w| w.weekday.is_some()).count();
            assert!(weekdays >= 7, "{lang}: weekdays");
        }
    }

    #[test]
    fn lookups() {
        let de = Lists::get(Lang::De);
        assert!(de.word("keine").unwrap().negation);
        assert!(
            de.not_negations
                .contains(&vec!["nicht".into(), "nur".into()])
        );
        assert_eq!(de.word("mehrere").unwrap().quantifier, Some("several"));
        assert!(de.word("dutzende").unwrap().quantifier_any_case);
        assert!(!de.word("paar").unwrap().quantifier_any_case);
        assert_eq!(de.word("sechs").unwrap().number, Some(6));
        assert_eq!(de.word("mehrere").unwrap().number, None, "vague, not -1");
        let jan = de.word("jan").unwrap();
        assert_eq!((jan.month, jan.month_full), (Some(1), false));
        assert!(de.word("januar").unwrap().month_full);
        assert_eq!(de.word("dienstag").unwrap().weekday, Some(2));
        assert!(de.word("am").unwrap().determiner);
        assert!(de.word("die").unwrap().starter);
        let mio = de.units.iter().find(|u| u.words == ["mio"]).unwrap();
        assert!(mio.period);
        assert_eq!(mio.unit, Unit::Times(1_000_000));
        assert!(de.word("mio").unwrap().unit_start);
        let en = Lists::get(Lang::En);
        assert_eq!(en.negating_endings, ["n't"]);
        assert_eq!(en.units[0].words.len(), 2, "longest phrases first");
        assert!(Lists::get(Lang::Es).word("enero").unwrap().month_full);
    }
}
