//! What the shape of a line says, whatever its language: links and addresses, copyright
//! signs, menus, date-only lines, bylines, short lines that are no sentence.

use crate::Lang;
use crate::lang::data::LangData;
use crate::text::words;

/// Top-level domains that make `word.tld` a web address in running text.
const TLDS: [&str; 30] = [
    "com", "org", "net", "info", "news", "tv", "io", "eu", "de", "at", "ch", "es", "fr", "it",
    "pt", "nl", "be", "uk", "us", "mx", "ar", "br", "co", "cl", "pe", "ve", "cu", "lu", "ie", "ca",
];

/// Bytes of the line that are web addresses, domains or e-mail addresses, and whether
/// one of them is an e-mail address.
pub(crate) fn link_bytes(line: &str) -> (usize, bool) {
    let mut bytes = 0;
    let mut email = false;
    for piece in line.split(|c: char| {
        c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '„' | '“' | '"' | '«' | '»')
    }) {
        let piece = piece.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        if piece.is_empty() {
            continue;
        }
        let lower = piece.to_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            bytes += piece.len();
        } else if is_email(piece) {
            bytes += piece.len();
            email = true;
        } else if is_domain(piece) {
            bytes += piece.len();
        }
    }
    (bytes, email)
}

fn is_email(piece: &str) -> bool {
    let Some((user, host)) = piece.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
        && is_domain(host)
}

/// `name.tld` or `a.name.tld`, with a known top-level domain written in lowercase.
fn is_domain(piece: &str) -> bool {
    let piece = piece.split('/').next().unwrap_or(piece);
    let labels: Vec<&str> = piece.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let tld = labels[labels.len() - 1];
    let name = labels[labels.len() - 2];
    TLDS.contains(&tld)
        && name.chars().count() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && name.chars().any(char::is_alphabetic)
}

/// Whether the line holds a telephone number: `+` or `0` and at least eight digits
/// with spaces, dashes, slashes, dots or brackets between them.
pub(crate) fn has_phone(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = (chars[i] == '+' || chars[i] == '0')
            && (i == 0 || !chars[i - 1].is_alphanumeric())
            && chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_digit() || *c == ' ' || *c == '(');
        if starts {
            let mut digits = 0;
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || matches!(chars[j], '+' | ' ' | '-' | '/' | '(' | ')' | '.'))
            {
                digits += usize::from(chars[j].is_ascii_digit());
                j += 1;
            }
            if digits >= 8 {
                return true;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    false
}

/// Whether the line is a menu or breadcrumb: items of one to three words between at
/// least two separators (`|`, `•`, `·`, `>`, `»`, `/`).
pub(crate) fn is_menu(line: &str, word_count: usize) -> bool {
    let separators = line
        .split_whitespace()
        .filter(|piece| matches!(*piece, "|" | "•" | "·" | ">" | "»" | "/" | "›"))
        .count();
    separators >= 2 && word_count <= 3 * (separators + 1)
}

/// Small words that stand in dates ("am 5. November", "4 de noviembre de 2025", "at
/// 10:32").
const DATE_WORDS: [&str; 24] = [
    "am", "um", "uhr", "den", "de", "del", "le", "la", "the", "of", "at", "on", "a", "las", "el",
    "à", "às", "alle", "ore", "op", "om", "h", "heure", "horas",
];

/// Whether every word of the line is part of a date or time (numbers, month and weekday
/// names, the small words of dates) but for at most two capitalised words (a place)
/// and an agency name; at least one month or weekday name or a numeric date must stand
/// in it.
pub(crate) fn is_date_line(line: &str) -> bool {
    let mut date = false;
    let mut other = 0;
    let mut count = 0;
    for token in words(line) {
        count += 1;
        let word = token.text;
        let lower = word.to_lowercase();
        if word.chars().all(|c| c.is_ascii_digit() || c == '.') {
            // "05.11.2025" is one word; "2025", "11" are parts of "2025-11-04".
            let year = word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
            date |= word.matches('.').count() == 2 || year;
            continue;
        }
        let named = Lang::ALL.iter().any(|&lang| {
            let data = LangData::get(lang);
            data.month(&lower).is_some() || data.weekday(&lower).is_some()
        });
        if named {
            date = true;
        } else if DATE_WORDS.contains(&lower.as_str()) || is_agency(&lower) {
            continue;
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            other += 1;
        } else {
            return false;
        }
    }
    date && other <= 2 && count <= 12
}

/// News agencies whose names stand in credits and datelines.
pub(crate) fn is_agency(lower: &str) -> bool {
    matches!(
        lower,
        "dpa"
            | "afp"
            | "ap"
            | "reuters"
            | "epa"
            | "efe"
            | "ansa"
            | "anp"
            | "lusa"
            | "apa"
            | "kna"
            | "epd"
            | "sda"
            | "belga"
            | "xinhua"
            | "upi"
            | "ips"
    )
}

/// Words that start a byline ("Von Anna Berger", "By Jane Doe", "Por María López").
const BYLINE_MARKERS: [&str; 6] = ["von", "by", "por", "par", "di", "door"];

/// Small words inside names or joining two authors.
const NAME_JOINERS: [&str; 12] = [
    "und", "and", "y", "e", "et", "en", "van", "de", "der", "del", "da", "dos",
];

/// Whether the line is a byline: a marker word and one to six words of names
/// (capitalised, or joiners, or agencies), and no final period.
pub(crate) fn is_byline(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let tokens: Vec<&str> = words(trimmed).map(|t| t.text).collect();
    let Some((first, rest)) = tokens.split_first() else {
        return false;
    };
    if !BYLINE_MARKERS.contains(&first.to_lowercase().as_str()) || rest.is_empty() || rest.len() > 6
    {
        return false;
    }
    let mut names = 0;
    for word in rest {
        let lower = word.to_lowercase();
        if word.chars().next().is_some_and(char::is_uppercase) {
            names += 1;
        } else if !NAME_JOINERS.contains(&lower.as_str()) && !is_agency(&lower) {
            return false;
        }
    }
    names >= 1
}

/// Whether the line ends like a sentence (or a quotation).
pub(crate) fn ends_like_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '…', '"', '“', '”', '»', '«', '\'', '’', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_addresses() {
        assert_eq!(link_bytes("Kontakt: redaktion@haolam.de"), (19, true));
        assert_eq!(link_bytes("haOlam.de – Gemeinsam in die Zukunft").0, 9);
        assert_eq!(link_bytes("Mehr unter https://example.org/a?b=1.").0, 25);
        // Abbreviations and numbers are no domains.
        assert_eq!(link_bytes("z.B. 3.5 Mio. U.S. Army"), (0, false));
    }

    #[test]
    fn phones() {
        assert!(has_phone("Tel. +49 30 1234 5678"));
        assert!(has_phone("Llámenos al 0034 91 123 45 67"));
        assert!(!has_phone("Im Jahr 2024 starben 20 000 Menschen"));
        assert!(!has_phone("insgesamt 20 Millionen Pillen"));
    }

    #[test]
    fn menus() {
        assert!(is_menu("Startseite > Politik > Ausland", 3));
        assert!(is_menu("Facebook | X | WhatsApp | E-Mail", 5));
        assert!(!is_menu("Er sagte: „Ja.“", 3));
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Mittwoch, 05 November 2025"));
        assert!(is_date_line("Berlin, 5. November 2025, 10:32 Uhr"));
        assert!(is_date_line("Madrid, 4 de noviembre de 2025 (EFE)"));
        assert!(is_date_line("04.11.2025"));
        assert!(!is_date_line("Im November 2025 begann die Operation"));
        assert!(!is_date_line("Trump will hart durchgreifen"));
        assert!(!is_date_line("Mexiko-Stadt"));
        assert!(!is_date_line("Now at 83.5."));
        assert!(!is_date_line("732-657-3416"));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("Von Anna Berger und Jan de Vries"));
        assert!(is_byline("By Jane Doe, Washington"));
        assert!(is_byline("Por María López"));
        assert!(!is_byline("Von Washington nach Mexiko"));
        assert!(!is_byline("Von Trump bis Obama"));
        assert!(!is_byline("By the numbers"));
        assert!(!is_byline("Von Max Mustermann."));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_like_sentence("Er kam."));
        assert!(ends_like_sentence("„Keine fremde Einmischung“"));
        assert!(!ends_like_sentence("Verwandte Videos:"));
        assert!(!ends_like_sentence("empfohlene Artikel"));
    }
}
