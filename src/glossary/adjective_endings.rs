//! The endings of German adjectives in names, which follow the definite article before
//! them. A glossary lists a name without its article, in the strong form: "Weißes Haus",
//! "Internationaler Währungsfonds", "Europäische Union". After "der", "die" and "das"
//! its adjectives end in "-e" ("das Weiße Haus"), after "dem" and "den" in "-en" ("dem
//! Weißen Haus"). Both ways are needed: `glossary build` lists "Weißes Haus" for "das
//! Weiße Haus" ([`citation_form`]), and translating writes "das Weiße Haus" where a
//! machine translation left "die White House" ([`after_article`]).

/// A German definite article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Article {
    Der,
    Die,
    Das,
    Dem,
    Den,
    Des,
}

impl Article {
    /// The article `word` is, in any case of letters.
    pub(crate) fn of(word: &str) -> Option<Article> {
        const ALL: [(&str, Article); 6] = [
            ("der", Article::Der),
            ("die", Article::Die),
            ("das", Article::Das),
            ("dem", Article::Dem),
            ("den", Article::Den),
            ("des", Article::Des),
        ];
        ALL.iter()
            .find(|(name, _)| word.eq_ignore_ascii_case(name))
            .map(|&(_, article)| article)
    }

    /// The strong ending an adjective that ends in "-e" after this article takes
    /// without it, where the article shows it: "-es" after "das" (neuter), "-er" after
    /// "der" (masculine; feminine "der" is genitive or dative, where the adjective ends
    /// in "-en"). After "die" both forms are the same.
    fn strong_ending(self) -> Option<char> {
        match self {
            Article::Das => Some('s'),
            Article::Der => Some('r'),
            _ => None,
        }
    }
}

/// Endings of German adjectives (before their inflection ending), so that a name's
/// other words ("Rhone", "Pierre", "Peter") are left alone.
const ADJECTIVE_SUFFIXES: [&str; 13] = [
    "isch", "lich", "ig", "al", "ar", "är", "iv", "ell", "bar", "sam", "haft", "los", "ös",
];

/// Short adjectives common in names that no suffix gives away.
const SHORT_ADJECTIVES: [&str; 16] = [
    "weiß", "weiss", "rot", "groß", "gross", "neu", "alt", "frei", "grün", "blau", "schwarz",
    "hoh", "ober", "unter", "erst", "deutsch",
];

/// Whether `stem`, a word without its inflection ending, looks like an adjective's.
fn is_adjective_stem(stem: &str) -> bool {
    let lower = stem.to_lowercase();
    ADJECTIVE_SUFFIXES.iter().any(|s| lower.ends_with(s))
        || SHORT_ADJECTIVES.contains(&lower.as_str())
}

/// The dictionary form of `written`, a name of two or more words seen right after
/// `article`, when every word before the last is an adjective ending in "-e": each takes
/// the article's strong ending. An adjective is known by its ending, by being a common
/// short one, or by showing another ending in `other_forms` (the name's other written
/// forms: "Weißen Hauses" beside "Weiße Haus"). `None` when nothing is to change.
pub(crate) fn citation_form(
    written: &str,
    article: Article,
    other_forms: &[&str],
) -> Option<String> {
    let strong = article.strong_ending()?;
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
        is_adjective_stem(stem)
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
        form.push(strong);
        form.push(' ');
    }
    form.push_str(words[noun_position]);
    Some(form)
}

/// How `form`, a name in its dictionary form whose adjectives show a gender ("Weißes
/// Haus" neuter, "Internationaler Währungsfonds" masculine), reads after the definite
/// article `written` ("Die", "dem"): the article to write and the name. Its adjectives
/// take the weak ending ("das Weiße Haus", "dem Weißen Haus"), and "die" before a
/// neuter name becomes "das" ("Die Weißes Haus" → "Das Weiße Haus"). `None` when `form`
/// is no such name, after "des", where the noun would need its genitive ending as well,
/// and where the article fits another gender and so leaves the case open.
pub(crate) fn after_article(form: &str, written: &str) -> Option<(String, String)> {
    let article = Article::of(written)?;
    let words: Vec<&str> = form.split(' ').collect();
    if words.len() < 2 || words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let adjectives = &words[..words.len() - 1];
    let stems: Vec<(&str, char)> = adjectives
        .iter()
        .map(|word| {
            (word.strip_suffix("es").map(|stem| (stem, 's')))
                .or_else(|| word.strip_suffix("er").map(|stem| (stem, 'r')))
        })
        .collect::<Option<_>>()?;
    let gender = stems[0].1;
    if stems
        .iter()
        .any(|&(stem, g)| g != gender || !is_adjective_stem(stem))
    {
        return None;
    }
    // What the article says of a neuter (`s`) or masculine (`r`) singular name: the
    // adjective ending, and the article that belongs there. An article of the other
    // genders left by a translation ("bei der Casa Blanca", "la" feminine) leaves the
    // case open, except "die", which is "das" for a neuter name in either case it has.
    let (weak, right) = match (article, gender) {
        (Article::Das | Article::Die, 's') => ("e", Some("das")),
        (Article::Der, 'r') => ("e", None),
        (Article::Dem, _) => ("en", None),
        (Article::Den, 'r') => ("en", None),
        _ => return None,
    };
    let article_to_write = match right {
        Some(right) => same_case_as(right, written),
        None => written.to_string(),
    };
    let mut name = String::with_capacity(form.len() + adjectives.len());
    for (stem, _) in stems {
        name.push_str(stem);
        name.push_str(weak);
        name.push(' ');
    }
    name.push_str(words[words.len() - 1]);
    Some((article_to_write, name))
}

/// `word` (lowercase) written in the case of `like`: "Das" for "Die", "DAS" for "DIE".
fn same_case_as(word: &str, like: &str) -> String {
    if like.chars().all(|c| !c.is_lowercase()) {
        word.to_uppercase()
    } else if like.starts_with(char::is_uppercase) {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    } else {
        word.to_string()
    }
}

/// The German definite article that ends `before` (the text before a name), with the
/// spaces between: "Die " of "… Die ". `None` when another word, or no space, is there.
pub(crate) fn article_before(before: &str) -> Option<&str> {
    let word_end = before.trim_end_matches(' ').len();
    if word_end == before.len() {
        return None;
    }
    let word_start = before[..word_end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let opens_word = before[..word_start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    (opens_word && Article::of(&before[word_start..word_end]).is_some())
        .then(|| &before[word_start..])
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
    fn only_das_and_der_show_the_dictionary_form() {
        for article in [Article::Die, Article::Dem, Article::Den, Article::Des] {
            assert_eq!(
                citation_form("Weiße Haus", article, &[]),
                None,
                "{article:?}"
            );
        }
    }

    #[test]
    fn articles_are_read_in_any_case_and_only_whole() {
        assert_eq!(Article::of("Das"), Some(Article::Das));
        assert_eq!(Article::of("DER"), Some(Article::Der));
        assert_eq!(Article::of("ein"), None);
        assert_eq!(article_before("Laut Die "), Some("Die "));
        assert_eq!(article_before("Die  "), Some("Die  "));
        for before in ["Laut Die", "Anden ", "laut", " ", ""] {
            assert_eq!(article_before(before), None, "{before:?}");
        }
    }

    #[test]
    fn a_dictionary_form_agrees_with_the_article_before_it() {
        let cases = [
            ("Weißes Haus", "Die", Some(("Das", "Weiße Haus"))),
            ("Weißes Haus", "das", Some(("das", "Weiße Haus"))),
            ("Weißes Haus", "dem", Some(("dem", "Weißen Haus"))),
            (
                "Internationaler Währungsfonds",
                "der",
                Some(("der", "Internationale Währungsfonds")),
            ),
            (
                "Internationaler Währungsfonds",
                "den",
                Some(("den", "Internationalen Währungsfonds")),
            ),
            // "die" before a masculine name: nominative "der" or accusative "den".
            ("Internationaler Währungsfonds", "die", None),
            // "der" before a neuter name: dative "dem" or genitive "des".
            ("Weißes Haus", "der", None),
            (
                "Heiliges Römisches Reich",
                "DIE",
                Some(("DAS", "Heilige Römische Reich")),
            ),
            // The genitive needs the noun's ending too; a feminine name shows no gender.
            ("Weißes Haus", "des", None),
            ("Europäische Union", "die", None),
            // No adjectives: a first name ending in "-er" stays.
            ("Peter Müller", "der", None),
            ("Casa Blanca", "die", None),
        ];
        for (form, article, expected) in cases {
            let got = after_article(form, article);
            let got = got.as_ref().map(|(a, n)| (a.as_str(), n.as_str()));
            assert_eq!(got, expected, "{article} {form}");
        }
    }
}
