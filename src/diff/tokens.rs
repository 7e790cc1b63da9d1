//! The tokens both diffs work on: words (with the marks that hold a word together:
//! "don't", "US-Regierung", "20.000", "2025-11-04"), runs of white space, and single
//! punctuation characters, so that a changed comma does not swallow the word before it.

use unicode_normalization::char::is_combining_mark;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and digit separators.
    Word,
    /// A run of white space.
    Space,
    /// One character that is neither.
    Punct,
}

/// A token: a byte range of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// Word, space or punctuation.
    pub(crate) kind: TokenKind,
}

impl Token {
    /// The token's text in `text`.
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Whether `c`, between `before` and `after`, keeps one word together.
fn joins(before: char, c: char, after: char) -> bool {
    match c {
        '\'' | '’' => before.is_alphabetic() && after.is_alphabetic(),
        '-' | '‐' | '‑' => word_char(before) && word_char(after),
        '.' | ',' | ':' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// The tokens of `text`, in order; together they cover it without gaps.
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// The tokens of `text`, in order, into `tokens` (cleared first), to reuse its
/// allocation; together they cover the text without gaps.
pub(crate) fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = if word_char(c) {
            let mut last = c;
            loop {
                match chars.peek().copied() {
                    Some((_, next)) if word_char(next) => {
                        last = next;
                        chars.next();
                    }
                    Some((at, next)) => {
                        let after = text[at + next.len_utf8()..].chars().next();
                        match after {
                            Some(after) if joins(last, next, after) => {
                                chars.next();
                                last = next;
                            }
                            _ => break,
                        }
                    }
                    None => break,
                }
            }
            TokenKind::Word
        } else if c.is_whitespace() {
            while chars.next_if(|&(_, next)| next.is_whitespace()).is_some() {}
            TokenKind::Space
        } else {
            TokenKind::Punct
        };
        let end = chars.peek().map_or(text.len(), |&(at, _)| at);
        tokens.push(Token { start, end, kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_spaces_and_punctuation() {
        assert_eq!(
            cut("„Wir sagen nicht“, erklärte sie."),
            [
                "„",
                "Wir",
                " ",
                "sagen",
                " ",
                "nicht",
                "“",
                ",",
                " ",
                "erklärte",
                " ",
                "sie",
                "."
            ]
        );
    }

    #[test]
    fn inner_marks_keep_words_together() {
        assert_eq!(
            cut("US-Regierung don't 20.000 1,5 2025-11-04 10:30"),
            [
                "US-Regierung",
                " ",
                "don't",
                " ",
                "20.000",
                " ",
                "1,5",
                " ",
                "2025-11-04",
                " ",
                "10:30"
            ]
        );
    }

    #[test]
    fn marks_at_the_edges_are_punctuation() {
        assert_eq!(cut("am 3. Januar"), ["am", " ", "3", ".", " ", "Januar"]);
        assert_eq!(cut("'Times' -"), ["'", "Times", "'", " ", "-"]);
        assert_eq!(cut("20, 30"), ["20", ",", " ", "30"]);
    }

    #[test]
    fn tokens_cover_the_text() {
        let text = "Die  USA\u{a0}drängen e\u{301}…\n";
        let tokens = tokenize(text);
        let joined: String = tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(joined, text);
        assert!(tokens.windows(2).all(|w| w[0].end == w[1].start));
    }
}
