//! Dates ("3. Januar", "January 3, 2025", "3 de enero", "2025-11-04", "im Jahr 2025")
//! and weekdays.

use super::Scan;
use crate::Lang;
use crate::diff::model::FactKind;

/// A date as far as the text gives it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Date {
    pub(crate) year: Option<u16>,
    pub(crate) month: Option<u8>,
    pub(crate) day: Option<u8>,
}

impl Date {
    /// ISO 8601 where it can be: "2025-01-03", "2025-01", "2025"; without a year
    /// "--01-03" and "--01".
    pub(crate) fn value(&self) -> String {
        let year = self.year.map_or("-".to_string(), |y| format!("{y:04}"));
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year}-{m:02}"),
            _ => year,
        }
    }

    /// The date a [`Date::value`] stands for.
    pub(crate) fn parse(value: &str) -> Option<Date> {
        let number = |s: &str| s.parse::<u16>().ok();
        let mut parts = value.split('-');
        let year = match value.strip_prefix("--") {
            Some(_) => {
                parts.nth(1);
                None
            }
            None => Some(number(parts.next()?)?),
        };
        let month = parts.next().map(number).map(|m| m.map(|m| m as u8));
        let day = parts.next().map(number).map(|d| d.map(|d| d as u8));
        Some(Date {
            year,
            month: month.flatten(),
            day: day.flatten(),
        })
    }

    /// Whether two dates can be the same day: they give at least one field in common,
    /// and agree on every field both give ("3. Januar" and "3 January 2025").
    pub(crate) fn compatible(&self, other: &Date) -> bool {
        let fields = [
            (self.year, other.year),
            (self.month.map(u16::from), other.month.map(u16::from)),
            (self.day.map(u16::from), other.day.map(u16::from)),
        ];
        let common = fields.iter().filter(|(a, b)| a.is_some() && b.is_some());
        common.clone().count() > 0 && common.into_iter().all(|(a, b)| a == b)
    }

    fn valid(self) -> Option<Date> {
        let month_ok = self.month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = self.day.is_none_or(|d| (1..=31).contains(&d));
        (month_ok && day_ok).then_some(self)
    }
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words between a day or month and what follows ("3 de enero de 2025", "3rd of May").
const CONNECTORS: [&str; 3] = ["de", "del", "of"];

/// Digits only, `min..=max` of them.
fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    let ok = (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

/// A day of the month, with an ordinal ending if any ("3", "03", "3rd", "1er", "1º").
fn day_of(text: &str) -> Option<u8> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, ending) = text.split_at(split);
    let ending_ok = matches!(
        ending,
        "" | "st" | "nd" | "rd" | "th" | "er" | "e" | "º" | "ª" | "°" | "o"
    );
    let day = digits(number, 1, 2)?;
    (ending_ok && (1..=31).contains(&day)).then_some(day as u8)
}

/// A year written with four digits.
fn year_of(text: &str) -> Option<u16> {
    digits(text, 4, 4)
        .filter(|y| (1000..=2999).contains(y))
        .map(|y| y as u16)
}

/// An ISO date ("2025-11-04").
fn iso(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Date {
        year: Some(year_of(y)?),
        month: Some(digits(m, 2, 2)? as u8),
        day: Some(digits(d, 2, 2)? as u8),
    }
    .valid()
}

/// A date with periods, day first ("4.11.2025", "04.11.2025").
fn dotted(text: &str) -> Option<Date> {
    let mut parts = text.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Date {
        year: Some(year_of(y)?),
        month: Some(digits(m, 1, 2)? as u8),
        day: Some(digits(d, 1, 2)? as u8),
    }
    .valid()
}

/// A span of years ("2024-2025", "1618-1648"): each year and where it is in the text.
/// The second year follows the first by at most [`MAX_YEAR_SPAN`]: "1500-2000 Soldaten"
/// is a count.
fn year_range(text: &str) -> Option<[(u16, usize, usize); 2]> {
    let (a, b) = text.split_once('-')?;
    let (from, to) = (year_of(a)?, year_of(b)?);
    (from < to && to - from <= MAX_YEAR_SPAN)
        .then_some([(from, 0, a.len()), (to, a.len() + 1, text.len())])
}

/// The longest span of years [`year_range`] takes for one: a war, a reign, a life.
const MAX_YEAR_SPAN: u16 = 100;

impl Scan<'_> {
    /// A month name at `i`: its number and the last lexeme (an abbreviation takes its
    /// period along). Abbreviations only where `in_date`.
    fn month_at(&self, i: usize, in_date: bool) -> Option<(u8, usize, bool)> {
        let word = self.word(i)?;
        let info = self.info(i)?;
        let month = info.month?;
        let capitalised = word.text.starts_with(char::is_uppercase);
        if self.lang.capitalises_dates() && !capitalised {
            return None;
        }
        let full = info.month_full;
        if full {
            return Some((month, i, true));
        }
        if !in_date {
            return None;
        }
        let last = if self.tight_punct(i + 1, ".") {
            i + 1
        } else {
            i
        };
        Some((month, last, false))
    }

    /// A connector word ("de", "of") at `i`.
    fn connector(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| CONNECTORS.contains(&w.lower.as_ref()))
    }

    /// A year after lexeme `last` ("2025", ", 2025", "de 2025"): the year and its lexeme.
    fn year_after(&self, last: usize) -> Option<(u16, usize)> {
        let mut i = last + 1;
        if self.tight_punct(i, ",") || self.connector(i) {
            i += 1;
        }
        let word = self.word(i)?;
        Some((year_of(word.text)?, i))
    }

    /// A date starting at lexeme `i`.
    pub(super) fn date(&mut self, i: usize) -> Option<usize> {
        let text = self.lex[i].text;
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some(date) = iso(text).or_else(|| dotted(text)) {
                self.push(FactKind::Date, i, i, date.value());
                return Some(i);
            }
            if let Some(years) = year_range(text) {
                let start = self.lex[i].start;
                for (year, from, to) in years {
                    self.push_span(
                        FactKind::Date,
                        start + from,
                        start + to,
                        year.to_string(),
                        i,
                    );
                }
                self.lex[i].used = true;
                return Some(i);
            }
            let day = day_of(text)?;
            // "3. Januar", "3 January", "3rd of January", "3 de enero"
            let mut j = i + 1;
            if self.tight_punct(j, ".") {
                j += 1;
            }
            if self.connector(j) {
                j += 1;
            }
            let (month, last, _) = self.month_at(j, true)?;
            let (year, last) = match self.year_after(last) {
                Some((year, at)) => (Some(year), at),
                None => (None, last),
            };
            let date = Date {
                year,
                month: Some(month),
                day: Some(day),
            };
            self.push(FactKind::Date, i, last, date.value());
            return Some(last);
        }
        let (month, last, full) = self.month_at(i, true)?;
        // "January 2025", "enero de 2025"
        if let Some((year, at)) = self.year_after(last) {
            let date = Date {
                year: Some(year),
                month: Some(month),
                day: None,
            };
            self.push(FactKind::Date, i, at, date.value());
            return Some(at);
        }
        // "January 3", "January 3rd, 2025": English only (German writes "20. März", so
        // "im März 20 Prozent" is a month and a number).
        let day = (self.lang == Lang::En)
            .then(|| self.word(last + 1).and_then(|w| day_of(w.text)))
            .flatten();
        if let Some(day) = day {
            let (year, end) = match self.year_after(last + 1) {
                Some((year, at)) => (Some(year), at),
                None => (None, last + 1),
            };
            let date = Date {
                year,
                month: Some(month),
                day: Some(day),
            };
            self.push(FactKind::Date, i, end, date.value());
            return Some(end);
        }
        // "im Februar", "en marzo"
        if !full || !self.case_fits(i, self.lang.capitalises_dates()) {
            return None;
        }
        let date = Date {
            month: Some(month),
            ..Date::default()
        };
        self.push(FactKind::Date, i, i, date.value());
        Some(i)
    }

    /// A weekday at lexeme `i`.
    pub(super) fn weekday(&mut self, i: usize) -> Option<usize> {
        let day = self.info(i)?.weekday?;
        let capitalised = self.lex[i].text.starts_with(char::is_uppercase);
        if self.lang.capitalises_dates() && !capitalised {
            return None;
        }
        let name = WEEKDAYS.get(usize::from(day).checked_sub(1)?)?;
        self.push(FactKind::Weekday, i, i, name.to_string());
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        for value in ["2025-01-03", "2025-01", "2025", "--01-03", "--01"] {
            assert_eq!(Date::parse(value).unwrap().value(), value);
        }
    }

    #[test]
    fn compatible_dates_share_a_field_and_agree() {
        let d = |v: &str| Date::parse(v).unwrap();
        assert!(d("--01-03").compatible(&d("2025-01-03")));
        assert!(d("2025").compatible(&d("2025-01-03")));
        assert!(!d("--01-04").compatible(&d("2025-01-03")));
        assert!(!d("2025").compatible(&d("--01-03")), "nothing in common");
        assert!(!d("2024").compatible(&d("2025-01")));
    }

    #[test]
    fn day_and_year_shapes() {
        assert_eq!(day_of("3rd"), Some(3));
        assert_eq!(day_of("1er"), Some(1));
        assert_eq!(day_of("32"), None);
        assert_eq!(day_of("3x"), None);
        assert_eq!(year_of("2025"), Some(2025));
        assert_eq!(year_of("20255"), None);
        assert_eq!(iso("2025-13-01"), None);
        assert_eq!(dotted("4.11.2025").unwrap().value(), "2025-11-04");
        assert_eq!(dotted("1.500.000"), None);
    }
}
