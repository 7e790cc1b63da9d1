//! Lines of a text, cut the same way wherever tandem cuts one: at `\n`, `\r\n` and a lone
//! `\r` (old Mac files), and at the other line breaks Unicode makes mandatory (UAX #14:
//! vertical tab, form feed, NEL, the line and paragraph separators). Offsets are bytes
//! of the text as given.

use crate::text::Span;

/// One line of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// First byte of the line.
    pub(crate) start: usize,
    /// End of its content, before its line break.
    pub(crate) end: usize,
    /// Where the next line starts (the text's length for the last line).
    pub(crate) next: usize,
}

/// Characters that surround a line's content without being part of it.
pub(crate) fn is_padding(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200e}' | '\u{200f}')
}

impl Line {
    /// The line's content, without its line break.
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The content without surrounding white space (and byte-order or zero-width marks).
    pub(crate) fn trimmed(&self, text: &str) -> Span {
        let content = self.text(text);
        let start = self.start + (content.len() - content.trim_start_matches(is_padding).len());
        let end = self.start + content.trim_end_matches(is_padding).len();
        Span::new(start, end.max(start))
    }

    /// Whether the line holds nothing but white space.
    pub(crate) fn is_blank(&self, text: &str) -> bool {
        self.trimmed(text).is_empty()
    }

    /// Whether a line break ends the line (the last line of a text may have none).
    pub(crate) fn has_break(&self) -> bool {
        self.next > self.end
    }
}

/// The length in bytes of the line break that starts at byte `at` of `bytes`, if one
/// does. The bytes compared are ASCII or lead bytes, never inside another character.
fn break_at(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes[at] {
        b'\n' | 0x0b | 0x0c => Some(1),
        b'\r' => Some(if bytes.get(at + 1) == Some(&b'\n') {
            2
        } else {
            1
        }),
        // NEL, U+0085.
        0xc2 => (bytes.get(at + 1) == Some(&0x85)).then_some(2),
        // LINE SEPARATOR and PARAGRAPH SEPARATOR, U+2028 and U+2029.
        0xe2 => (bytes.get(at + 1) == Some(&0x80)
            && matches!(bytes.get(at + 2), Some(0xa8 | 0xa9)))
        .then_some(3),
        _ => None,
    }
}

/// The lines of `text`; a text ending with a line break has no empty last line, and an
/// empty text has no line.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let (mut start, mut at) = (0, 0);
    std::iter::from_fn(move || {
        while at < bytes.len() {
            if let Some(len) = break_at(bytes, at) {
                let line = Line {
                    start,
                    end: at,
                    next: at + len,
                };
                (start, at) = (line.next, line.next);
                return Some(line);
            }
            at += 1;
        }
        let last = (start < bytes.len()).then_some(Line {
            start,
            end: bytes.len(),
            next: bytes.len(),
        });
        start = bytes.len();
        last
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line's content and its line break.
    fn cut(text: &str) -> Vec<(&str, &str)> {
        lines(text)
            .map(|l| (l.text(text), &text[l.end..l.next]))
            .collect()
    }

    #[test]
    fn every_kind_of_line_break_ends_a_line() {
        assert_eq!(
            cut("a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g\u{b}h\u{c}i"),
            [
                ("a", "\n"),
                ("b", "\r\n"),
                ("c", "\r"),
                ("d", "\u{85}"),
                ("e", "\u{2028}"),
                ("f", "\u{2029}"),
                ("g", "\u{b}"),
                ("h", "\u{c}"),
                ("i", "")
            ]
        );
    }

    #[test]
    fn lone_carriage_returns_are_lines_of_their_own() {
        // Old Mac files end lines with `\r` alone; `\r\r\n` is an empty line.
        assert_eq!(cut("Eins\rZwei\r"), [("Eins", "\r"), ("Zwei", "\r")]);
        assert_eq!(cut("a\r\r\nb"), [("a", "\r"), ("", "\r\n"), ("b", "")]);
        assert_eq!(cut("\r\n\n"), [("", "\r\n"), ("", "\n")]);
    }

    #[test]
    fn other_characters_with_the_same_bytes_are_no_breaks() {
        // „ (E2 80 9E), — (E2 80 94), NBSP (C2 A0), « (C2 AB) share lead bytes.
        let text = "„Ja“ — nein\u{a0}«vielleicht»";
        assert_eq!(cut(text), [(text, "")]);
    }

    #[test]
    fn a_text_ending_with_a_break_has_no_empty_last_line() {
        assert_eq!(lines("a\nb\n").count(), 2);
        assert_eq!(lines("").count(), 0);
        let last = lines("a\nb").last().unwrap();
        assert!(!last.has_break());
        assert_eq!((last.start, last.end, last.next), (2, 3, 3));
    }
}
