//! Cue phrases of boilerplate lines in seven languages (`data/<lang>/boilerplate.txt`,
//! hand-written), parsed once and indexed by their first word.

use std::collections::VecDeque;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::Lang;
use crate::clean::lines::{CueToken, cue_tokens};
use crate::lang::data::entries;

/// What kind of boilerplate a cue or a feature points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    Call,
    Credit,
    Byline,
    Navigation,
    Contact,
    Legal,
    Author,
    Promo,
    /// Links, domains and e-mail addresses.
    Links,
    /// A short line that is not a sentence.
    Short,
}

impl Category {
    fn parse(name: &str) -> Option<Category> {
        Some(match name {
            "call" => Category::Call,
            "credit" => Category::Credit,
            "byline" => Category::Byline,
            "navigation" => Category::Navigation,
            "contact" => Category::Contact,
            "legal" => Category::Legal,
            "author" => Category::Author,
            "promo" => Category::Promo,
            _ => return None,
        })
    }

    /// What a line of this category is, for messages.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Category::Call => "a call to share, comment, subscribe, donate or log in",
            Category::Credit => "a photo, image or source credit",
            Category::Byline => "a byline, dateline or reading time",
            Category::Navigation => "navigation or related content",
            Category::Contact => "contact details",
            Category::Legal => "a cookie, privacy or copyright notice",
            Category::Author => "an author or newsroom box",
            Category::Promo => "advertising or promotion",
            Category::Links => "links rather than text",
            Category::Short => "a short line that is no sentence",
        }
    }
}

/// Where in a line a cue must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// The whole line (a final `:` may be left out).
    Line,
    /// At its start.
    Start,
    /// Anywhere, as whole words.
    Any,
}

/// One word of a cue phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(String),
    /// `#`: any number.
    Number,
    /// `abonnier*`: any word with this beginning.
    Prefix(String),
}

impl Pattern {
    fn matches(&self, token: &str) -> bool {
        match self {
            Pattern::Exact(word) => word == token,
            Pattern::Number => is_number(token),
            Pattern::Prefix(prefix) => token.starts_with(prefix.as_str()),
        }
    }
}

/// One cue phrase.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub(crate) category: Category,
    pub(crate) place: Place,
    pub(crate) strong: bool,
    /// The phrase as written in the list, to tell distinct cues apart.
    pub(crate) phrase: String,
    words: Vec<Pattern>,
}

/// A cue found in a line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueMatch<'a> {
    pub(crate) cue: &'a Cue,
    /// The bytes of the line its words stand in, from the first to the last.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Every language's cues, indexed by first word.
pub(crate) struct Cues {
    cues: Vec<Cue>,
    /// Cues by their first word, when it is exact.
    by_word: FxHashMap<String, Vec<usize>>,
    /// Cues whose first word is a prefix, by its first three characters.
    by_prefix: FxHashMap<String, Vec<usize>>,
    /// The most words a cue has.
    longest: usize,
}

/// The list files, embedded.
fn raw(lang: Lang) -> &'static str {
    match lang {
        Lang::De => include_str!("../../../data/de/boilerplate.txt"),
        Lang::En => include_str!("../../../data/en/boilerplate.txt"),
        Lang::Es => include_str!("../../../data/es/boilerplate.txt"),
        Lang::Fr => include_str!("../../../data/fr/boilerplate.txt"),
        Lang::It => include_str!("../../../data/it/boilerplate.txt"),
        Lang::Pt => include_str!("../../../data/pt/boilerplate.txt"),
        Lang::Nl => include_str!("../../../data/nl/boilerplate.txt"),
    }
}

/// Whether a token is a number.
fn is_number(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| c.is_ascii_digit())
}

/// The first three characters of a word, the key of prefix cues.
fn head3(word: &str) -> Option<&str> {
    let end = word.char_indices().nth(3).map(|(i, _)| i)?;
    Some(&word[..end])
}

/// Parses one entry line; `None` for lines of another shape (a test checks there are
/// none).
fn parse_entry(line: &str) -> Option<Cue> {
    let mut fields = line.split('\t');
    let category = Category::parse(fields.next()?)?;
    let place = match fields.next()? {
        "line" => Place::Line,
        "start" => Place::Start,
        "any" => Place::Any,
        _ => return None,
    };
    let strong = match fields.next()? {
        "strong" => true,
        "weak" => false,
        _ => return None,
    };
    let phrase = fields.next()?.trim();
    if fields.next().is_some() || phrase.is_empty() {
        return None;
    }
    let words: Vec<Pattern> = phrase
        .split_whitespace()
        .flat_map(|raw_word| {
            let (body, prefix) = match raw_word.strip_suffix('*') {
                Some(body) => (body, true),
                None => (raw_word, false),
            };
            if body == "#" {
                return vec!["#".to_string()];
            }
            let mut tokens: Vec<String> = cue_tokens(body).map(|t| t.word).collect();
            if prefix {
                if let Some(last) = tokens.pop() {
                    tokens.push(format!("{last}*"));
                }
            }
            tokens
        })
        .map(|token| match token.strip_suffix('*') {
            Some(prefix) => Pattern::Prefix(prefix.to_string()),
            None if token == "#" => Pattern::Number,
            None => Pattern::Exact(token),
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    if let Pattern::Prefix(prefix) = &words[0] {
        head3(prefix)?;
    }
    Some(Cue {
        category,
        place,
        strong,
        phrase: phrase.to_string(),
        words,
    })
}

impl Cues {
    /// The cues of all languages, parsed on first use.
    pub(crate) fn get() -> &'static Cues {
        static CUES: LazyLock<Cues> = LazyLock::new(|| {
            Cues::new(
                Lang::ALL
                    .into_iter()
                    .flat_map(|lang| entries(raw(lang)))
                    .filter_map(parse_entry),
            )
        });
        &CUES
    }

    fn new(cues: impl Iterator<Item = Cue>) -> Cues {
        let cues: Vec<Cue> = cues.collect();
        let mut by_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_prefix: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, cue) in cues.iter().enumerate() {
            match &cue.words[0] {
                Pattern::Exact(word) => by_word.entry(word.clone()).or_default().push(i),
                Pattern::Prefix(prefix) => by_prefix
                    .entry(head3(prefix).unwrap_or(prefix).to_string())
                    .or_default()
                    .push(i),
                // Cues that start with a number are kept under "#".
                Pattern::Number => by_prefix.entry("#".to_string()).or_default().push(i),
            }
        }
        Cues {
            longest: cues.iter().map(|cue| cue.words.len()).max().unwrap_or(0),
            cues,
            by_word,
            by_prefix,
        }
    }

    /// Every cue that matches the line with these tokens (see
    /// [`crate::clean::lines::cue_tokens`]). The tokens pass through a window as long as
    /// the longest cue, so that a line of any length takes little memory.
    pub(crate) fn matches<'a>(
        &'a self,
        tokens: impl IntoIterator<Item = CueToken>,
    ) -> Vec<CueMatch<'a>> {
        let mut found: Vec<CueMatch<'a>> = Vec::new();
        let mut tokens = tokens.into_iter();
        let mut window: VecDeque<CueToken> = tokens.by_ref().take(self.longest).collect();
        // Whole-line cues leave numbers out ("Kommentare (3)", "3 Kommentare"): the
        // line's other words, while they are few enough for one to match.
        let mut words: Option<Vec<CueToken>> = Some(Vec::new());
        let mut start = true;
        while !window.is_empty() {
            let place = if start { Place::Start } else { Place::Any };
            self.add_matches(window.make_contiguous(), place, &mut found);
            start = false;
            let token = window.pop_front().expect("the window is not empty");
            if !is_number(&token.word) {
                // A whole-line cue may be followed by a ':' of the line.
                words = words.filter(|words| words.len() <= self.longest);
                if let Some(words) = &mut words {
                    words.push(token);
                }
            }
            window.extend(tokens.next());
        }
        if let Some(words) = words.filter(|words| !words.is_empty()) {
            self.add_matches(&words, Place::Line, &mut found);
        }
        found
    }

    /// The cues that match `tokens` from their first, into `found` (once each):
    /// `place` says where the tokens stand, `Place::Line` when they are the whole line
    /// (without numbers), `Place::Start` when they start it, `Place::Any` otherwise.
    fn add_matches<'a>(&'a self, tokens: &[CueToken], place: Place, found: &mut Vec<CueMatch<'a>>) {
        let token = tokens[0].word.as_str();
        let exact = self.by_word.get(token).into_iter().flatten();
        let prefixed = head3(token)
            .and_then(|head| self.by_prefix.get(head))
            .into_iter()
            .flatten();
        let numeric = is_number(token)
            .then(|| self.by_prefix.get("#"))
            .flatten()
            .into_iter()
            .flatten();
        // A final ':' does not count for whole-line cues ("Verwandte Videos:").
        let line_len = match tokens.last().map(|t| t.word.as_str()) {
            Some(":") => tokens.len() - 1,
            _ => tokens.len(),
        };
        for &c in exact.chain(prefixed).chain(numeric) {
            let cue = &self.cues[c];
            let n = cue.words.len();
            let placed = match cue.place {
                Place::Line => place == Place::Line && (n == line_len || n == tokens.len()),
                Place::Start => place == Place::Start,
                Place::Any => place != Place::Line,
            };
            if placed
                && n <= tokens.len()
                && cue
                    .words
                    .iter()
                    .zip(tokens)
                    .all(|(p, t)| p.matches(&t.word))
                && !found.iter().any(|m| std::ptr::eq(m.cue, cue))
            {
                // A whole-line cue stands for all the line's words.
                let last = if place == Place::Line {
                    tokens.len()
                } else {
                    n
                };
                found.push(CueMatch {
                    cue,
                    start: tokens[0].start,
                    end: tokens[last - 1].end,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_line_parses() {
        for lang in Lang::ALL {
            for line in entries(raw(lang)) {
                assert!(
                    parse_entry(line).is_some(),
                    "data/{}/boilerplate.txt: bad entry {line:?}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn no_entry_is_listed_twice_in_one_file() {
        for lang in Lang::ALL {
            let mut seen = std::collections::HashSet::new();
            for line in entries(raw(lang)) {
                assert!(
                    seen.insert(line),
                    "data/{}/boilerplate.txt: {line:?} twice",
                    lang.code()
                );
            }
        }
    }

    fn phrases(line: &str) -> Vec<String> {
        let mut found: Vec<String> = Cues::get()
            .matches(cue_tokens(line))
            .iter()
            .map(|m| m.cue.phrase.clone())
            .collect();
        found.sort();
        found.dedup();
        found
    }

    #[test]
    fn places_are_respected() {
        assert!(phrases("Verwandte Videos:").contains(&"verwandte videos".to_string()));
        // A whole-line cue does not match inside a longer line.
        assert!(
            !phrases("Verwandte Videos zeigen den Einsatz")
                .contains(&"verwandte videos".to_string())
        );
        // A start cue only at the start.
        assert!(phrases("Foto: Max Muster").contains(&"foto:".to_string()));
        assert!(!phrases("Das Foto zeigt Trump").contains(&"foto:".to_string()));
        // Any: anywhere, as whole words only.
        assert!(
            phrases("Jetzt den Newsletter abonnieren und nichts verpassen")
                .contains(&"newsletter abonnieren".to_string())
        );
        assert!(phrases("Die Polizei teilte mit").is_empty());
    }

    #[test]
    fn a_long_line_is_matched_all_through_its_window() {
        // The tokens pass through a window: a cue at the far end is still found, a
        // whole-line cue is not, and one at the start only there.
        let filler = "die Polizei teilte mit ".repeat(10_000);
        let line = format!("Fotograf: {filler} jetzt den Newsletter abonnieren");
        let found = phrases(&line);
        assert!(
            found.contains(&"newsletter abonnieren".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"fotograf:".to_string()), "{found:?}");
        let later = phrases(&format!("{filler} Fotograf: x"));
        assert!(!later.contains(&"fotograf:".to_string()), "{later:?}");
        assert!(phrases("Verwandte Videos 3:").contains(&"verwandte videos".to_string()));
        let long = format!("Verwandte Videos {}", "1 ".repeat(50));
        assert!(phrases(&long).contains(&"verwandte videos".to_string()));
    }

    #[test]
    fn matches_know_where_their_words_stand() {
        let spans = |line: &'static str| -> Vec<&'static str> {
            Cues::get()
                .matches(cue_tokens(line))
                .iter()
                .map(|m| &line[m.start..m.end])
                .collect()
        };
        assert_eq!(
            spans("Teilen Sie diesen Artikel Die Regierung hat am Montag getagt."),
            ["Teilen Sie diesen Artikel"]
        );
        assert!(spans("Foto: Reuters").contains(&"Foto:"));
        assert_eq!(spans("  Verwandte Videos:"), ["Verwandte Videos:"]);
    }

    #[test]
    fn cues_of_every_language_apply() {
        assert!(!phrases("Join the conversation").is_empty());
        assert!(!phrases("Te puede interesar").is_empty());
        assert!(!phrases("À lire aussi").is_empty());
        assert!(!phrases("Leggi anche").is_empty());
        assert!(!phrases("Leia também").is_empty());
        assert!(!phrases("Lees ook").is_empty());
    }

    #[test]
    fn numbers_in_cues_and_counts_in_lines() {
        assert!(phrases("Kommentare (3)").contains(&"kommentare".to_string()));
        assert!(phrases("12 Comments").contains(&"comments".to_string()));
        let cues = Cues::new(parse_entry("byline\tany\tweak\t# hours ago").into_iter());
        assert_eq!(cues.matches(cue_tokens("Updated 2 hours ago")).len(), 1);
        assert_eq!(cues.matches(cue_tokens("Updated two hours ago")).len(), 0);
    }

    #[test]
    fn prefix_patterns_match_endings() {
        let cues = Cues::new(parse_entry("call\tany\tstrong\tabonnier*").into_iter());
        assert_eq!(cues.matches(cue_tokens("Jetzt abonnieren!")).len(), 1);
        assert_eq!(cues.matches(cue_tokens("Abo")).len(), 0);
    }
}
