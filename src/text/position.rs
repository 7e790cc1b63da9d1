//! Line and column of a byte offset, for messages people read.

use crate::text::lines;

/// Bytes between two counts of characters kept by [`LineIndex`].
const CHAR_MARK_STRIDE: usize = 4096;

/// Where each line of a text starts, to turn byte offsets into lines and columns. Lines
/// end where tandem's sentences do: at `\n`, `\r\n`, a lone `\r`, and the other line
/// breaks Unicode makes mandatory (vertical tab, form feed, NEL, U+2028, U+2029).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Where each line's content ends, before its line break.
    ends: Vec<usize>,
    /// The characters before every [`CHAR_MARK_STRIDE`]th byte (before the character
    /// that holds it, see [`mark_byte`]). A column is counted from the nearest mark
    /// rather than from the start of its line: a report with a finding every few bytes
    /// of a line of megabytes once counted the line over for each.
    char_marks: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let (mut starts, mut ends) = (vec![0], Vec::new());
        for line in lines(text) {
            ends.push(line.end);
            if line.has_break() {
                starts.push(line.next);
            }
        }
        // A text ending with a line break (or an empty one) ends with an empty line.
        if ends.len() < starts.len() {
            ends.push(text.len());
        }
        let mut char_marks = Vec::with_capacity(text.len() / CHAR_MARK_STRIDE + 1);
        let (mut byte, mut chars) = (0, 0);
        for mark in 0..=text.len() / CHAR_MARK_STRIDE {
            let next = mark_byte(text, mark);
            chars += text[byte..next].chars().count();
            char_marks.push(chars);
            byte = next;
        }
        LineIndex {
            starts,
            ends,
            char_marks,
        }
    }

    /// 1-based line and 1-based column (in characters) of byte `offset` of `text`, the
    /// text the index was made of. Costs a few thousand bytes at most, however long the
    /// line.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = self.chars_before(text, offset) - self.chars_before(text, self.starts[line]);
        (line + 1, column + 1)
    }

    /// The number of characters in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let mark = offset / CHAR_MARK_STRIDE;
        self.char_marks[mark] + text[mark_byte(text, mark)..offset].chars().count()
    }

    /// The byte range of the line that holds `offset`, without its line break (`text`, the
    /// text the index was made of, is no longer needed: the index keeps where lines end).
    pub fn line_span(&self, _text: &str, offset: usize) -> std::ops::Range<usize> {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        self.starts[line]..self.ends[line]
    }
}

/// Where mark `mark` of `text` is: the start of the character that holds its byte.
fn mark_byte(text: &str, mark: usize) -> usize {
    floor_char_boundary(text, mark * CHAR_MARK_STRIDE)
}

/// The start of the character of `text` that holds byte `at`, or the end of `text` when
/// `at` is past it: where to cut a text at a byte count without splitting a character.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let text = "eins\r\nzwei drei\nvier";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 11), (2, 6));
        assert_eq!(index.position(text, text.len()), (3, 5));
        assert_eq!(&text[index.line_span(text, 0)], "eins");
        assert_eq!(&text[index.line_span(text, 8)], "zwei drei");
    }

    #[test]
    fn lone_carriage_returns_and_unicode_separators_end_lines() {
        let text = "eins\rzwei\u{2028}drei\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5), (2, 1));
        assert_eq!(index.position(text, 12), (3, 1));
        assert_eq!(index.position(text, text.len()), (4, 1));
        assert_eq!(&text[index.line_span(text, 6)], "zwei");
        assert_eq!(&text[index.line_span(text, 12)], "drei");
        assert_eq!(&text[index.line_span(text, text.len())], "");
    }

    #[test]
    fn columns_count_characters() {
        let text = "Según dice";
        assert_eq!(LineIndex::new(text).position(text, 7), (1, 7));
    }

    #[test]
    fn columns_far_into_a_long_line_cost_little() {
        // A report with a finding every few bytes of a line of megabytes counted the line
        // from its start for each: 32 s for the quotation marks of a 4 MB line.
        let unit = "aä“ ";
        let text = format!("\n{}", unit.repeat(600_000));
        let index = LineIndex::new(&text);
        let started = std::time::Instant::now();
        for n in (0..600_000).step_by(3) {
            let at = 1 + n * unit.len();
            assert_eq!(index.position(&text, at), (2, 4 * n + 1));
        }
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    }
}
