//! Moses-style TSV export of an alignment: one column per document.
//!
//! One row per group, in the order of the groups (row *n* is group *n* of the alignment,
//! unmatched groups included, so the rows can be joined back to the JSON); one column per
//! document, in the order of the alignment's documents. A cell holds the document's
//! sentences in the group joined by a space ([`Alignment::member_text`]), and is empty
//! when the document has no member there (or an empty side of a parallel bead). Every row
//! ends with a line feed.
//!
//! Decisions:
//!
//! - **No header row** by default: Moses, Marian and OPUS read parallel TSV without one,
//!   and the column order is the order of `documents` in the alignment. [`TsvOptions`]
//!   can add one (the document ids).
//! - **The table stays rectangular.** A tab, or a character that line-based readers treat
//!   as a line break (line feed, carriage return, vertical tab, form feed, U+001C–U+001E,
//!   NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR), becomes one space each; nothing else is
//!   changed or quoted.

use super::Alignment;

/// How `to_tsv_with` writes the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TsvOptions {
    /// Start with a row of document ids. Off by default.
    pub header: bool,
}

/// Writes `alignment` as tab-separated values without a header row: one row per group,
/// one column per document.
///
/// ```
/// use tandem::export::{Alignment, to_tsv};
///
/// let json = r#"{"version": 1, "mode": "parallel",
///   "documents": [
///     {"id": "bericht", "source": "bericht.txt", "lang": "de",
///      "sentences": [{"index": 0, "start": 0, "end": 14, "text": "Guten Morgen."}]},
///     {"id": "report", "source": "report.txt", "lang": "en",
///      "sentences": [{"index": 0, "start": 0, "end": 13, "text": "Good morning."}]}],
///   "groups": [{"id": 0, "score": 0.9, "bead": "1-1",
///     "members": [{"doc": "bericht", "sentences": [0]}, {"doc": "report", "sentences": [0]}]}]}"#;
/// let alignment: Alignment = serde_json::from_str(json)?;
/// assert_eq!(to_tsv(&alignment), "Guten Morgen.\tGood morning.\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_tsv(alignment: &Alignment) -> String {
    to_tsv_with(alignment, &TsvOptions::default())
}

/// Writes `alignment` as tab-separated values, as `options` say.
///
/// The alignment should have passed [`Alignment::validate`]; a member naming a document
/// the alignment does not have is left out, as are sentence indices its document does not
/// have.
pub fn to_tsv_with(alignment: &Alignment, options: &TsvOptions) -> String {
    let docs = alignment.document_indices();
    let text: usize = alignment
        .documents
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.text.len() + 1)
        .sum();
    let mut out = String::with_capacity(text + alignment.groups.len() * alignment.documents.len());
    if options.header {
        let ids: Vec<Vec<&str>> = alignment
            .documents
            .iter()
            .map(|d| vec![d.id.as_str()])
            .collect();
        push_row(&mut out, &ids);
    }
    let mut cells: Vec<Vec<&str>> = vec![Vec::new(); alignment.documents.len()];
    for group in &alignment.groups {
        cells.iter_mut().for_each(Vec::clear);
        for member in &group.members {
            let Some(&d) = docs.get(member.doc.as_str()) else {
                continue;
            };
            let sentences = &alignment.documents[d].sentences;
            let texts = member.sentences.iter().filter_map(|&s| sentences.get(s));
            cells[d].extend(texts.map(|s| s.text.as_str()));
        }
        push_row(&mut out, &cells);
    }
    out
}

/// Appends one row: each cell's pieces joined by a space, cells by a tab.
fn push_row(out: &mut String, cells: &[Vec<&str>]) {
    for (c, cell) in cells.iter().enumerate() {
        if c > 0 {
            out.push('\t');
        }
        for (p, piece) in cell.iter().enumerate() {
            if p > 0 {
                out.push(' ');
            }
            push_cell_text(out, piece);
        }
    }
    out.push('\n');
}

/// Appends `text` with tabs and line breaks made spaces.
fn push_cell_text(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| if breaks_row(c) { ' ' } else { c }));
}

/// Whether `c` would end a cell or a row for some reader of TSV.
fn breaks_row(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | '\u{1C}'
            ..='\u{1E}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        push_cell_text(&mut out, text);
        out
    }

    macro_rules! t {
        ($name:ident, $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(cell($text), $expected);
            }
        };
    }

    t!(
        plain_text_is_kept,
        "Zölle, \"Quoten\" & <Häfen> 🚢",
        "Zölle, \"Quoten\" & <Häfen> 🚢"
    );
    t!(tabs_become_spaces, "a\tb\t\tc", "a b  c");
    t!(line_breaks_become_spaces, "a\r\nb\nc\rd", "a  b c d");
    t!(
        unicode_line_breaks_become_spaces,
        "a\u{85}b\u{2028}c\u{2029}d\u{B}e\u{C}f\u{1C}g\u{1E}h",
        "a b c d e f g h"
    );
    t!(other_controls_are_kept, "a\u{0}b\u{1B}c", "a\u{0}b\u{1B}c");
}
