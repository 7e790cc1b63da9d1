//! The benchmark's unit: one sentence with gold labels per token, and what the detector
//! under test reports for it.

use serde::{Deserialize, Serialize};

use crate::{Detector, Fragment, Lang};

/// A span the detector reports as foreign (not in the main language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Predicted {
    /// First byte of the span in the case's text.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
    /// The language the detector assigns: an ISO 639-1 code such as `"es"`, or a script
    /// name.
    pub lang: String,
}

impl From<&Fragment> for Predicted {
    fn from(fragment: &Fragment) -> Self {
        Predicted {
            start: fragment.span.start,
            end: fragment.span.end,
            lang: fragment.lang.to_string(),
        }
    }
}

/// tandem's own detector in the shape the benchmarks take.
pub fn tandem_predictions(detector: &Detector) -> impl Fn(&str, Lang) -> Vec<Predicted> + '_ {
    |text, main| {
        detector
            .fragments(text, main)
            .iter()
            .map(Predicted::from)
            .collect()
    }
}

/// One gold sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Where the sentence comes from, e.g. `de/17` (treebank and sentence index) or
    /// `d5u6htb/2` (Denglisch post and sentence number).
    pub id: String,
    /// The sentence's main language, passed to the detector.
    pub main: Lang,
    /// The sentence text the detector sees.
    pub text: String,
    /// Every token of the text, in order, with its gold label.
    pub tokens: Vec<GoldToken>,
    /// The inserted fragment; `None` for clean control sentences and natural
    /// code-switching (Denglisch).
    pub inserted: Option<Insertion>,
}

/// A token of a case with its gold label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldToken {
    /// First byte of the token in the case's text.
    pub start: usize,
    /// One past the last byte of the token.
    pub end: usize,
    /// Whether the token is not in the main language.
    pub foreign: bool,
    /// Whether the token is scored: it holds a letter and its treebank vouches for its
    /// language (insertion benchmark), or it carries a language label (Denglisch).
    /// Punctuation, numbers and words the treebank marks foreign or `X` are not scored.
    pub is_word: bool,
}

impl GoldToken {
    /// The token's text in `text` (the case's text).
    pub fn form<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// What was inserted into an inserted case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Insertion {
    /// The fragment's language.
    pub lang: Lang,
    /// The fragment's length in tokens (1 to 3).
    pub len: usize,
    /// Where in the sentence the fragment went.
    pub position: Position,
}

/// Where a fragment is inserted into its host sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// Before the first token.
    Start,
    /// At a token boundary strictly inside the sentence.
    Middle,
    /// Before the final punctuation, or at the very end when there is none.
    End,
}

impl Position {
    /// Every position, in sentence order.
    pub const ALL: [Position; 3] = [Position::Start, Position::Middle, Position::End];

    /// The lowercase name, e.g. `"start"`.
    pub fn name(self) -> &'static str {
        match self {
            Position::Start => "start",
            Position::Middle => "middle",
            Position::End => "end",
        }
    }
}

/// Builds a text from tokens and their "space after" flags; returns the text and each
/// token's byte range in it.
pub(super) fn join_tokens<'a>(
    tokens: impl IntoIterator<Item = (&'a str, bool)>,
) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut space = false;
    for (form, space_after) in tokens {
        if space {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(form);
        spans.push((start, text.len()));
        space = space_after;
    }
    (text, spans)
}

/// Whether `form` holds a letter.
pub(super) fn has_letter(form: &str) -> bool {
    form.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_respects_space_after_and_records_spans() {
        let (text, spans) = join_tokens([("Hola", false), (",", true), ("mundo", true)]);
        assert_eq!(text, "Hola, mundo");
        assert_eq!(spans, [(0, 4), (4, 5), (6, 11)]);
    }

    #[test]
    fn form_slices_the_text() {
        let token = GoldToken {
            start: 6,
            end: 11,
            foreign: false,
            is_word: true,
        };
        assert_eq!(token.form("Hola, mundo"), "mundo");
    }

    #[test]
    fn position_serializes_lowercase() {
        assert_eq!(
            serde_json::to_string(&Position::Middle).unwrap(),
            "\"middle\""
        );
        assert_eq!(Position::End.name(), "end");
    }
}
