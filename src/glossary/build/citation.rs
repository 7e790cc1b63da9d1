//! The dictionary form of a German name seen after a definite article. After "das" and
//! "der" the adjectives of a name in the nominative end in "-e" ("das Weiße Haus", "der
//! Internationale Währungsfonds"); a glossary lists the name without its article, where
//! they take the ending the article shows: "-es" for "das", "-er" for "der" ("Weißes
//! Haus", "Internationaler Währungsfonds"). After "die" both forms are the same, and after
//! the other articles the case is not the nominative, so only these two say anything.

/// A definite article whose noun's dictionary form can be told from the name after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Article {
    /// Neuter: "das Weiße Haus".
    Das,
    /// Masculine: "der Internationale Währungsfonds".
    Der,
}

impl Article {
    /// The article `word` is, in any case of letters.
    pub(super) fn of(word: &str) -> Option<Article> {
        if word.eq_ignore_ascii_case("das") {
            Some(Article::Das)
        } else if word.eq_ignore_ascii_case("der") {
            Some(Article::Der)
        } else {
            None
        }
    }

    /// What an adjective ending in "-e" after this article adds without it.
    fn strong_ending(self) -> char {
        match self {
            Article::Das => 's',
            Article::Der => 'r',
        }
    }
}

/// Endings of German adjectives (before their final "-e"), so that a name's other
/// words ending in "-e" ("Rhone", "Pierre") are left alone.
const ADJECTIVE_SUFFIXES: [&str; 13] = [
    "isch", "lich", "ig", "al", "ar", "är", "iv", "ell", "bar", "sam", "haft", "los", "ös",
];

/// Short adjectives common in names that no suffix gives away.
const SHORT_ADJECTIVES: [&str; 16] = [
    "weiß", "weiss", "rot", "groß", "gross", "neu", "alt", "frei", "grün", "blau", "schwarz",
    "hoh", "ober", "unter", "erst", "deutsch",
];

/// The dictionary form of `written`, a name of two or more words seen right after
/// `article`, when every word before the last is an adjective ending in "-e": each takes
/// the article's strong ending. An adjective is known by its ending, by being a common
/// short one, or by showing another ending in `other_forms` (the name's other written
/// forms: "Weißen Hauses" beside "Weiße Haus"). `None` when nothing is to change.
pub(super) fn citation_form(
    written: &str,
    article: Article,
    other_forms: &[&str],
) -> Option<String> {
    let words: Vec<&str> = written.split(' ').collect();
    if words.len() < 2 || words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let (noun_position, adjectives) = (words.len() - 1, &words[..words.len() - 1]);
    let other_words: Vec<Vec<&str>> = other_forms
        .iter()
        .map(|form| form.split(' ').collect::<Vec<_>>())
        .filter(|w| w.len() == words.len())
        .collect();
    let is_adjective = |position: usize, word: &str| {
        let Some(stem) = word.strip_suffix('e') else {
            return false;
        };
        let lower = stem.to_lowercase();
        ADJECTIVE_SUFFIXES.iter().any(|s| lower.ends_with(s))
            || SHORT_ADJECTIVES.contains(&lower.as_str())
            || other_words.iter().any(|other| {
                other[position]
                    .strip_prefix(word)
                    .is_some_and(|ending| matches!(ending, "n" | "m" | "r" | "s"))
            })
    };
    if !adjectives
        .iter()
        .enumerate()
        .all(|(i, w)| is_adjective(i, w))
    {
        return None;
    }
    let mut form = String::with_capacity(written.len() + adjectives.len());
    for adjective in adjectives {
        form.push_str(adjective);
        form.push(article.strong_ending());
        form.push(' ');
    }
    form.push_str(words[noun_position]);
    Some(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_after_das_and_der_take_the_strong_ending() {
        let cases = [
            ("Weiße Haus", Article::Das, "Weißes Haus"),
            ("Auswärtige Amt", Article::Das, "Auswärtiges Amt"),
            (
                "Internationale Währungsfonds",
                Article::Der,
                "Internationaler Währungsfonds",
            ),
            (
                "Heilige Römische Reich",
                Article::Das,
                "Heiliges Römisches Reich",
            ),
            ("Deutsche Bundestag", Article::Der, "Deutscher Bundestag"),
        ];
        for (written, article, expected) in cases {
            assert_eq!(
                citation_form(written, article, &[]).as_deref(),
                Some(expected),
                "{written}"
            );
        }
    }

    #[test]
    fn another_ending_among_the_forms_shows_an_adjective() {
        assert_eq!(citation_form("Sanfte Riese", Article::Der, &[]), None);
        assert_eq!(
            citation_form("Sanfte Riese", Article::Der, &["Sanften Riesen"]).as_deref(),
            Some("Sanfter Riese")
        );
    }

    #[test]
    fn names_that_are_not_adjective_and_noun_stay_as_written() {
        for (written, article) in [
            ("Rhone Gletscher", Article::Der),
            ("Pierre Boulez", Article::Der),
            ("Weißen Hauses", Article::Das),
            ("Haus", Article::Das),
            ("Weiße  Haus", Article::Das),
        ] {
            assert_eq!(citation_form(written, article, &[]), None, "{written}");
        }
    }

    #[test]
    fn only_das_and_der_are_articles_here() {
        assert_eq!(Article::of("Das"), Some(Article::Das));
        assert_eq!(Article::of("DER"), Some(Article::Der));
        for word in ["die", "des", "dem", "den", "ein"] {
            assert_eq!(Article::of(word), None, "{word}");
        }
    }
}
