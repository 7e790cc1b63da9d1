//! Lines of a text, as the rules see them (cut by `crate::text::lines`, so that a lone
//! `\r` ends a line as `\n` does), and their words folded for comparing with cue lists.

pub(crate) use crate::text::{Line, is_padding};

/// The lines of `text`; a text ending with a line break has no empty last line.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    crate::text::lines(text).collect()
}

/// The index of the line holding byte `offset`.
pub(crate) fn line_of(lines: &[Line], offset: usize) -> usize {
    lines
        .partition_point(|line| line.next <= offset)
        .min(lines.len().saturating_sub(1))
}

/// Whether `c` belongs to a word: a letter, a digit or a combining mark.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// The words of `text` as byte ranges: runs of letters, digits and combining marks,
/// with an apostrophe between letters ("don't") and a period or comma between digits
/// ("5,40", "05.11.2025") inside. Close to the UAX #29 words of [`crate::words`] and many
/// times faster, for counting and for pairs of words.
pub(crate) fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    let char_at = move |i: usize| -> Option<(char, usize)> {
        let b = *bytes.get(i)?;
        if b < 0x80 {
            Some((b as char, 1))
        } else {
            text[i..].chars().next().map(|c| (c, c.len_utf8()))
        }
    };
    std::iter::from_fn(move || {
        loop {
            let (c, len) = char_at(at)?;
            if is_word_char(c) {
                break;
            }
            at += len;
        }
        let start = at;
        let mut last = ' ';
        while let Some((c, len)) = char_at(at) {
            if is_word_char(c) {
                last = c;
                at += len;
                continue;
            }
            // A joiner counts only between two word characters of the right kind.
            let joins = match c {
                '\'' | '’' => last.is_alphabetic(),
                '.' | ',' => last.is_ascii_digit(),
                _ => false,
            };
            match char_at(at + len) {
                Some((next, _))
                    if joins
                        && is_word_char(next)
                        && (c == '\'' || c == '’' || next.is_ascii_digit()) =>
                {
                    at += len;
                }
                _ => break,
            }
        }
        Some((start, at))
    })
}

/// The number of words of `text` (see [`word_spans`]).
pub(crate) fn word_count(text: &str) -> usize {
    word_spans(text).count()
}

/// A folded token of a line (see [`cue_tokens`]) and the bytes of the line it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CueToken {
    /// The word in lowercase, or `:`.
    pub(crate) word: String,
    /// First byte of the token in the line.
    pub(crate) start: usize,
    /// One past its last byte.
    pub(crate) end: usize,
}

impl CueToken {
    fn colon(at: usize) -> CueToken {
        CueToken {
            word: ":".to_string(),
            start: at,
            end: at + 1,
        }
    }
}

/// The folded tokens of a line for comparing with cue phrases: its words in lowercase
/// (with apostrophes inside words written `'`), and `:` as a token of its own. Other
/// punctuation only separates words. Made one at a time, so that a line of megabytes
/// is never held as tokens.
pub(crate) fn cue_tokens(text: &str) -> impl Iterator<Item = CueToken> + '_ {
    let mut chars = text.char_indices().peekable();
    // A ':' right after a word comes out after that word.
    let mut colon_next: Option<usize> = None;
    std::iter::from_fn(move || {
        if let Some(at) = colon_next.take() {
            return Some(CueToken::colon(at));
        }
        let mut token = CueToken {
            word: String::new(),
            start: 0,
            end: 0,
        };
        while let Some((at, c)) = chars.next() {
            if is_word_char(c) {
                if token.word.is_empty() {
                    token.start = at;
                }
                token.word.extend(c.to_lowercase());
                token.end = at + c.len_utf8();
            } else if matches!(c, '\'' | '’' | 'ʼ')
                && !token.word.is_empty()
                && chars.peek().is_some_and(|&(_, n)| is_word_char(n))
            {
                token.word.push('\'');
            } else if !token.word.is_empty() {
                colon_next = (c == ':').then_some(at);
                return Some(token);
            } else if c == ':' {
                return Some(CueToken::colon(at));
            }
        }
        (!token.word.is_empty()).then_some(token)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_and_breaks() {
        let text = "eins\r\n\n  zwei  \ndrei";
        let found = lines(text);
        let contents: Vec<&str> = found.iter().map(|l| l.text(text)).collect();
        assert_eq!(contents, ["eins", "", "  zwei  ", "drei"]);
        assert_eq!(found[0].next, 6);
        assert!(found[1].is_blank(text));
        assert_eq!(found[2].trimmed(text).text(text), "zwei");
        assert_eq!(line_of(&found, 0), 0);
        assert_eq!(line_of(&found, 6), 1);
        assert_eq!(line_of(&found, 9), 2);
        assert_eq!(line_of(&found, text.len()), 3);
    }

    #[test]
    fn trailing_break_makes_no_empty_line() {
        assert_eq!(lines("a\nb\n").len(), 2);
        assert!(lines("").is_empty());
    }

    #[test]
    fn byte_order_mark_is_padding() {
        let text = "\u{feff}Titel\n";
        let line = lines(text)[0];
        assert_eq!(line.trimmed(text).text(text), "Titel");
    }

    #[test]
    fn word_spans_are_close_to_uax29_words() {
        for text in [
            "„Wir sagen immer“, erklärte Sheinbaum.",
            "97 Prozent, 3.5 Mio. don't 5,40 Metern am 05.11.2025",
            "CIA-Agenten und US-Streitkräfte",
            "Trump’s Plan",
            "",
            " … !? ",
        ] {
            let fast: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
            let uax: Vec<&str> = crate::words(text).map(|t| t.text).collect();
            assert_eq!(fast, uax, "{text:?}");
        }
    }

    #[test]
    fn cue_tokens_fold_words_and_keep_colons() {
        let words = |text| cue_tokens(text).map(|t| t.word).collect::<Vec<_>>();
        assert_eq!(
            words("Bild Quelle: By Gage-Skidmore, CC BY-SA 2.0"),
            [
                "bild", "quelle", ":", "by", "gage", "skidmore", "cc", "by", "sa", "2", "0"
            ]
        );
        assert_eq!(
            words("Hier geht’s zum Artikel"),
            ["hier", "geht's", "zum", "artikel"]
        );
        assert_eq!(words("  » Lesen Sie auch:"), ["lesen", "sie", "auch", ":"]);
    }

    #[test]
    fn cue_tokens_know_where_they_stand() {
        let text = "  Straße’s Foto: Ärger";
        let spans: Vec<&str> = cue_tokens(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(spans, ["Straße’s", "Foto", ":", "Ärger"]);
    }
}
