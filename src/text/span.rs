//! Byte spans into the input as read.

use serde::{Deserialize, Serialize};

use super::floor_char_boundary;

/// A half-open byte range `start..end` into a text.
///
/// Offsets are UTF-8 byte offsets into the input exactly as it was read, so
/// `&input[span.start..span.end]` is always the span's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The span's text in `input`.
    ///
    /// # Panics
    /// When the span does not lie on char boundaries of `input`.
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        &input[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span cut into pieces of at most `max` bytes of `input` (`max` at least 4),
    /// each ending after whitespace where the piece has any, else on a char boundary:
    /// a span of that length or less is its only piece.
    pub fn pieces(self, input: &str, max: usize) -> impl Iterator<Item = Span> + '_ {
        debug_assert!(max >= 4, "a piece must hold any char");
        let mut rest = self;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let mut end = rest.end.min(rest.start + max);
            if end < rest.end {
                let window = &input.as_bytes()[rest.start..end];
                end = match window.iter().rposition(u8::is_ascii_whitespace) {
                    Some(space) if space > 0 => rest.start + space + 1,
                    _ => floor_char_boundary(input, end),
                };
            }
            let piece = Span::new(rest.start, end);
            rest.start = end;
            Some(piece)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(input: &str, max: usize) -> Vec<&str> {
        let whole = Span::new(0, input.len());
        whole.pieces(input, max).map(|p| p.text(input)).collect()
    }

    #[test]
    fn pieces_end_after_whitespace_and_cover_the_span() {
        assert_eq!(pieces("short one", 64), ["short one"]);
        assert_eq!(pieces("aa bb cc dd", 6), ["aa bb ", "cc dd"]);
        assert_eq!(pieces("aaaaaaaa bb", 4), ["aaaa", "aaaa", " bb"]);
        // A char is never cut: "ö" is two bytes.
        assert_eq!(pieces("öööö", 5), ["öö", "öö"]);
        assert!(pieces("", 8).is_empty());
    }
}
