//! Concept ids: what a valid one is, and how one is made from a term (the formats that
//! have no ids of their own and `glossary build` both need it).

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A tandem concept id: lowercase ASCII letters, digits and hyphens, starting with a
/// letter.
pub(crate) fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// An id made from any text: diacritics dropped, lowercase ASCII letters and digits,
/// one hyphen for every other run, `c-` in front when it would not start with a letter.
pub(crate) fn slug(text: &str) -> String {
    let mut id = String::new();
    for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
        // Letters that do not decompose into ASCII and a mark.
        let folded = match c {
            'ß' | 'ẞ' => "ss",
            'æ' | 'Æ' => "ae",
            'ø' | 'Ø' => "o",
            'œ' | 'Œ' => "oe",
            _ => "",
        };
        if !folded.is_empty() {
            id.push_str(folded);
        } else if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id.to_string()
    } else if id.is_empty() {
        "c".to_string()
    } else {
        format!("c-{id}")
    }
}

/// `base`, or `base-2`, `base-3` … whichever is not in `taken`; records it as taken.
pub(crate) fn unique_id(base: String, taken: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ids() {
        let cases = [
            ("Weißes Haus", "weisses-haus"),
            ("GROẞE KOALITION", "grosse-koalition"),
            ("Færøerne", "faeroerne"),
            ("Casa Blanca", "casa-blanca"),
            ("  São Paulo!", "sao-paulo"),
            ("2024 election", "c-2024-election"),
            ("北京", "c"),
            ("C_12", "c-12"),
        ];
        for (text, id) in cases {
            assert_eq!(slug(text), id, "{text}");
            assert!(is_id(&slug(text)), "{text}");
        }
    }

    #[test]
    fn unique_ids_count_up() {
        let mut taken = HashSet::new();
        let ids: Vec<String> = ["a", "a", "a-2", "a"]
            .map(|base| unique_id(base.to_string(), &mut taken))
            .into();
        assert_eq!(ids, ["a", "a-2", "a-2-2", "a-3"]);
    }
}
