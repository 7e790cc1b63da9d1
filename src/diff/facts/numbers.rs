//! Numbers and quantities: digits with either convention of separators ("20.000",
//! "20,000", "1,5", "3.5") or thousands set apart by spaces ("1 200"), number words
//! ("sechs", "six"), scale words ("2,5 Milliarden"), percentages ("97 Prozent", "97 %"),
//! vague quantifiers ("mehrere", "several"), and years, which are dates.

use super::Scan;
use super::lists::Unit;
use crate::Lang;
use crate::diff::model::FactKind;

/// A decimal number: `mantissa` × 10^-`scale`, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal {
    mantissa: u128,
    scale: u32,
}

impl Decimal {
    fn integer(n: u128) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// Parses digits with thousands and decimal separators. Both conventions are read:
    /// where both '.' and ',' occur, the last is the decimal mark; a single separator
    /// followed by exactly three digits groups thousands ("20.000", "20,000"), otherwise
    /// it is the decimal mark ("1,5", "3.5"); a separator that occurs twice groups
    /// thousands.
    pub(crate) fn parse(text: &str) -> Option<Decimal> {
        if text.is_empty()
            || !text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        {
            return None;
        }
        let groups: Vec<&str> = text.split(['.', ',']).collect();
        if groups.iter().any(|g| g.is_empty()) {
            return None;
        }
        let separators: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_digit()).collect();
        let decimal_at = match separators.as_slice() {
            [] => None,
            [_] if groups[1].len() == 3 && groups[0] != "0" => None,
            [_] => Some(1),
            seps if seps.iter().all(|&s| s == seps[0]) => None,
            seps => {
                let last = *seps.last()?;
                // Every separator but the last must be the other kind.
                if seps[..seps.len() - 1].contains(&last) {
                    return None;
                }
                Some(groups.len() - 1)
            }
        };
        let whole = decimal_at.unwrap_or(groups.len());
        // Thousands groups have three digits.
        if groups[1..whole].iter().any(|g| g.len() != 3) {
            return None;
        }
        let digits: String = groups.concat();
        let scale = decimal_at.map_or(0, |at| groups[at].len() as u32);
        Some(Decimal {
            mantissa: digits.parse().ok()?,
            scale,
        })
    }

    fn times(self, factor: u128) -> Option<Decimal> {
        Some(Decimal {
            mantissa: self.mantissa.checked_mul(factor)?,
            scale: self.scale,
        })
    }

    /// Plain digits, a period before the decimals, no trailing zeros: "20000", "1.5".
    pub(crate) fn value(self) -> String {
        let digits = self.mantissa.to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return digits;
        }
        let digits = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{fraction}")
        }
    }
}

/// The decimals of a last thousands group with a decimal mark ("200,5", "200.25"), if
/// `text` is one.
fn decimals_after_a_group(text: &str) -> Option<&str> {
    let (group, fraction) = text.split_once([',', '.'])?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (group.len() == 3 && all_digits(group) && all_digits(fraction)).then_some(fraction)
}

impl Scan<'_> {
    /// A number, quantity or year starting at lexeme `i`.
    pub(super) fn number(&mut self, i: usize) -> Option<usize> {
        let text = self.lex[i].text;
        let (number, digits_end, plain_year) = if text.starts_with(|c: char| c.is_ascii_digit()) {
            let number = Decimal::parse(text)?;
            if self.ordinal(i) {
                self.lex[i].used = true;
                return Some(i);
            }
            if let Some((grouped, last)) = self.space_grouped(i) {
                (grouped, last, false)
            } else {
                let year = text.len() == 4
                    && number.scale == 0
                    && (1900..=2099).contains(&number.mantissa);
                (number, i, year)
            }
        } else {
            if let Some(info) = self.info(i)
                && let Some(class) = info.quantifier
                && self.case_fits(i, info.quantifier_any_case)
            {
                self.push(FactKind::Number, i, i, class.to_string());
                return Some(i);
            }
            let value = self.number_word(i)?;
            (Decimal::integer(value), i, false)
        };
        let (number, unit, last) = self.units_after(digits_end, number);
        let value = match unit {
            Some(Unit::Percent) => format!("{}%", number.value()),
            Some(Unit::Points) => format!("{}pp", number.value()),
            Some(Unit::Times(_)) => unreachable!("multipliers are applied"),
            None if plain_year && last == i => {
                self.push(FactKind::Date, i, i, number.value());
                return Some(i);
            }
            // "one" alone is too often a pronoun ("one of them") to be a fact.
            None if last == i && number == Decimal::integer(1) && !text.starts_with('1') => {
                return None;
            }
            None => number.value(),
        };
        self.push(FactKind::Number, i, last, value);
        Some(last)
    }

    /// The value of a number word at `i` ("sechs", "twenty-five"), if it is one.
    fn number_word(&self, i: usize) -> Option<u128> {
        let lower = self.lower(i);
        let value = |word: &str| self.lists.word(word).and_then(|w| w.number);
        let found = match value(lower) {
            Some(v) => Some(v),
            // "twenty-five", "vingt-deux"
            None => {
                let (tens, ones) = lower.split_once('-')?;
                let (tens, ones) = (tens.to_lowercase(), ones.to_lowercase());
                let (tens, ones) = (tens.as_str(), ones.as_str());
                let (tens, ones) = (value(tens)?, value(ones)?);
                (tens >= 20 && tens % 10 == 0 && tens < 100 && (1..10).contains(&ones))
                    .then_some(tens + ones)
            }
        }?;
        // German nouns ("Dutzend", "Million") are capitalised; other number words are
        // lowercase unless they start a sentence.
        let noun = self.lang == Lang::De && (found == 12 || found >= 1_000_000);
        (noun || self.case_fits(i, false)).then_some(found)
    }

    /// German "am 3. Oktober" is a date, but "der 3. Versuch" an ordinal, no quantity.
    fn ordinal(&self, i: usize) -> bool {
        if self.lang != Lang::De || !self.tight_punct(i + 1, ".") || self.word(i + 2).is_none() {
            return false;
        }
        let after_article = i
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .and_then(|w| w.info)
            .is_some_and(|w| w.determiner);
        let next_lower = self
            .word(i + 2)
            .is_some_and(|w| w.text.starts_with(char::is_lowercase));
        after_article || !next_lower
    }

    /// A number whose thousands are set apart by spaces ("1 200", "1 200 000", the
    /// French and SI way), starting at lexeme `i`: the number and its last lexeme. The
    /// first group has one to three digits and every later one exactly three, so that
    /// "2024 12" or "12 5" stay two numbers; the separator is one no-break, narrow
    /// no-break or thin space, or, except in English, which groups with commas, one
    /// plain space.
    fn space_grouped(&self, i: usize) -> Option<(Decimal, usize)> {
        let digits = |k: usize, lengths: std::ops::RangeInclusive<usize>| {
            self.word(k).is_some_and(|w| {
                lengths.contains(&w.text.len()) && w.text.bytes().all(|b| b.is_ascii_digit())
            })
        };
        if !digits(i, 1..=3) || self.lex[i].text.starts_with('0') {
            return None;
        }
        let separated = |k: usize| {
            let gap = &self.text[self.lex[k - 1].end..self.lex[k].start];
            match gap {
                "\u{a0}" | "\u{202f}" | "\u{2009}" => true,
                " " => self.lang != Lang::En,
                _ => false,
            }
        };
        let mut last = i;
        while digits(last + 1, 3..=3) && separated(last + 1) {
            last += 1;
        }
        // The last group may carry the decimals ("1 200,5"): with spaces grouping the
        // thousands, a mark after three digits can only be the decimal one.
        let mut scale = 0;
        if let Some(fraction) = self
            .word(last + 1)
            .and_then(|w| decimals_after_a_group(w.text))
            && separated(last + 1)
        {
            last += 1;
            scale = fraction.len() as u32;
        }
        if last == i {
            return None;
        }
        let written: String = (i..=last)
            .flat_map(|k| self.lex[k].text.chars())
            .filter(char::is_ascii_digit)
            .collect();
        Some((
            Decimal {
                mantissa: written.parse().ok()?,
                scale,
            },
            last,
        ))
    }

    /// Units after the number that ends at lexeme `last`: multipliers applied, then a
    /// percent sign or word; the number, the unit that remains, and the last lexeme.
    fn units_after(&self, mut last: usize, mut number: Decimal) -> (Decimal, Option<Unit>, usize) {
        loop {
            let next = last + 1;
            if self
                .lex
                .get(next)
                .is_some_and(|l| l.text == "%" && l.kind != super::TokenKind::Word)
            {
                return (number, Some(Unit::Percent), next);
            }
            let Some((unit, end)) = self.unit_at(next) else {
                return (number, None, last);
            };
            match unit {
                Unit::Times(factor) => match number.times(factor) {
                    Some(product) => {
                        number = product;
                        last = end;
                    }
                    None => return (number, None, last),
                },
                unit => return (number, Some(unit), end),
            }
        }
    }

    /// A unit phrase starting at lexeme `i`, and its last lexeme.
    fn unit_at(&self, i: usize) -> Option<(Unit, usize)> {
        if !self.info(i).is_some_and(|w| w.unit_start) {
            return None;
        }
        'phrases: for phrase in &self.lists.units {
            let mut at = i;
            for (n, word) in phrase.words.iter().enumerate() {
                let lexeme = self.word(at)?;
                if (n > 0 && !lexeme.spaced) || lexeme.lower != word.as_str() {
                    continue 'phrases;
                }
                at += 1;
            }
            let last = at - 1;
            if phrase.period {
                if !self.tight_punct(at, ".") {
                    continue;
                }
                return Some((phrase.unit, at));
            }
            return Some((phrase.unit, last));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<String> {
        Decimal::parse(text).map(Decimal::value)
    }

    #[test]
    fn separators_of_both_conventions() {
        assert_eq!(value("20.000").as_deref(), Some("20000"));
        assert_eq!(value("20,000").as_deref(), Some("20000"));
        assert_eq!(value("20000").as_deref(), Some("20000"));
        assert_eq!(value("1,5").as_deref(), Some("1.5"));
        assert_eq!(value("3.5").as_deref(), Some("3.5"));
        assert_eq!(value("1.234.567").as_deref(), Some("1234567"));
        assert_eq!(value("1.234,50").as_deref(), Some("1234.5"));
        assert_eq!(value("1,234.5").as_deref(), Some("1234.5"));
        assert_eq!(value("0,375").as_deref(), Some("0.375"));
        assert_eq!(value("2,50").as_deref(), Some("2.5"));
        assert_eq!(value("1.2.3"), None);
        assert_eq!(value("1,2.3,4"), None);
    }

    #[test]
    fn multiplied_values_are_exact() {
        let n = Decimal::parse("1,1").unwrap().times(1_000_000).unwrap();
        assert_eq!(n.value(), "1100000");
        let n = Decimal::parse("2,5").unwrap().times(1_000_000_000).unwrap();
        assert_eq!(n.value(), "2500000000");
    }
}
