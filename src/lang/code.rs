//! The supported languages and their ISO 639-1 codes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// A language tandem can segment and detect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// German.
    De,
    /// English.
    En,
    /// Spanish.
    Es,
    /// French.
    Fr,
    /// Italian.
    It,
    /// Portuguese.
    Pt,
    /// Dutch.
    Nl,
}

impl Lang {
    /// Every supported language, in a fixed order.
    pub const ALL: [Lang; 7] = [
        Lang::De,
        Lang::En,
        Lang::Es,
        Lang::Fr,
        Lang::It,
        Lang::Pt,
        Lang::Nl,
    ];

    /// Whether the language writes month and weekday names with a capital ("März",
    /// "May", "Tuesday"): there a lowercase "may" or "märz" is no date.
    pub(crate) fn capitalises_dates(self) -> bool {
        matches!(self, Lang::De | Lang::En)
    }

    /// The ISO 639-1 code, e.g. `"de"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::It => "it",
            Lang::Pt => "pt",
            Lang::Nl => "nl",
        }
    }

    /// The Snowball stemmer of the language.
    pub(crate) fn snowball(self) -> rust_stemmers::Algorithm {
        use rust_stemmers::Algorithm;
        match self {
            Lang::De => Algorithm::German,
            Lang::En => Algorithm::English,
            Lang::Es => Algorithm::Spanish,
            Lang::Fr => Algorithm::French,
            Lang::It => Algorithm::Italian,
            Lang::Pt => Algorithm::Portuguese,
            Lang::Nl => Algorithm::Dutch,
        }
    }

    /// The same language in whatlang's terms.
    pub(crate) fn to_whatlang(self) -> whatlang::Lang {
        match self {
            Lang::De => whatlang::Lang::Deu,
            Lang::En => whatlang::Lang::Eng,
            Lang::Es => whatlang::Lang::Spa,
            Lang::Fr => whatlang::Lang::Fra,
            Lang::It => whatlang::Lang::Ita,
            Lang::Pt => whatlang::Lang::Por,
            Lang::Nl => whatlang::Lang::Nld,
        }
    }

    /// The tandem language for a whatlang language, if it is one of ours.
    pub(crate) fn from_whatlang(lang: whatlang::Lang) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.to_whatlang() == lang)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Accepts ISO 639-1 (`de`) and ISO 639-3 (`deu`) codes, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == lower || l.to_whatlang().code() == lower)
            .ok_or_else(|| Error::UnsupportedLanguage {
                code: s.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_two_and_three_letter_codes() {
        assert_eq!("de".parse::<Lang>().unwrap(), Lang::De);
        assert_eq!("NLD".parse::<Lang>().unwrap(), Lang::Nl);
        assert_eq!(" pt ".parse::<Lang>().unwrap(), Lang::Pt);
    }

    #[test]
    fn rejects_unknown_codes() {
        let err = "ru".parse::<Lang>().unwrap_err();
        assert!(err.to_string().contains("unsupported language 'ru'"));
    }

    #[test]
    fn whatlang_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_whatlang(lang.to_whatlang()), Some(lang));
        }
    }

    #[test]
    fn serializes_as_code() {
        assert_eq!(serde_json::to_string(&Lang::Es).unwrap(), "\"es\"");
    }
}
