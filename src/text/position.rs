//! Line and column of a byte offset, for messages people read.

/// Where each line of a text starts, to turn byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// 1-based line and 1-based column (in characters) of byte `offset` of `text`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte range of the line that holds `offset`, without its line break.
    pub fn line_span(&self, text: &str, offset: usize) -> std::ops::Range<usize> {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let end = if text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }
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
    fn columns_count_characters() {
        let text = "Según dice";
        assert_eq!(LineIndex::new(text).position(text, 7), (1, 7));
    }
}
