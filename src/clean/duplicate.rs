//! Duplicates: a line or a sentence that the document has said before (a headline
//! pasted three times, a paragraph repeated). The first copy is kept; each later copy is
//! a finding.

use rustc_hash::FxHashMap;

use crate::clean::lines::{Line, line_of, word_count};
use crate::text::Span;

/// A line repeated needs at least this many words ("Ja." twice is no duplicate).
const MIN_LINE_WORDS: usize = 3;
/// A sentence repeated inside a longer line needs at least this many words.
const MIN_SENTENCE_WORDS: usize = 5;

/// A later copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Copy {
    /// The copy (a trimmed line, or a sentence).
    pub(crate) span: Span,
    /// Whether the copy is a whole line.
    pub(crate) whole_line: bool,
    /// The 0-based line of the first copy.
    pub(crate) first_line: usize,
}

/// A text as duplicates are compared: lowercase, white space collapsed, without final
/// punctuation.
fn key(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        // Quotation marks of any style are one mark: a copy may differ in them.
        folded.extend(word.chars().flat_map(char::to_lowercase).map(|c| {
            if matches!(c, '„' | '“' | '”' | '«' | '»' | '‚' | '‘' | '’') {
                '"'
            } else {
                c
            }
        }));
    }
    folded
        .trim_end_matches(['.', '!', '?', '…', ':', ';', ','])
        .to_string()
}

/// The later copies of lines and sentences in `text`, whose sentences are `sentences`;
/// lines marked in `skip` (removed by other rules) are neither copies nor originals.
pub(crate) fn find(text: &str, sentences: &[Span], lines: &[Line], skip: &[bool]) -> Vec<Copy> {
    // The sentences that lie inside one line, by line.
    let mut by_line: Vec<Vec<Span>> = vec![Vec::new(); lines.len()];
    for sentence in sentences {
        let trimmed = trim(text, *sentence);
        if trimmed.is_empty() {
            continue;
        }
        let l = line_of(lines, trimmed.start);
        if trimmed.end <= lines[l].end {
            by_line[l].push(trimmed);
        }
    }
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    let mut copies = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        if skip[l] || line.is_blank(text) {
            continue;
        }
        let span = line.trimmed(text);
        let line_key = key(span.text(text));
        if let Some(&first) = seen.get(&line_key) {
            if word_count(span.text(text)) >= MIN_LINE_WORDS {
                copies.push(Copy {
                    span,
                    whole_line: true,
                    first_line: first,
                });
                continue;
            }
        }
        if by_line[l].len() > 1 {
            for &sentence in &by_line[l] {
                let sentence_key = key(sentence.text(text));
                match seen.get(&sentence_key) {
                    Some(&first) if word_count(sentence.text(text)) >= MIN_SENTENCE_WORDS => {
                        copies.push(Copy {
                            span: sentence,
                            whole_line: false,
                            first_line: first,
                        });
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(sentence_key, l);
                    }
                }
            }
        }
        seen.entry(line_key).or_insert(l);
    }
    copies
}

/// A span without surrounding white space.
fn trim(text: &str, span: Span) -> Span {
    let inner = span.text(text);
    let start = span.start + (inner.len() - inner.trim_start().len());
    let end = span.start + inner.trim_end().len();
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::lines;
    use crate::{Document, DocumentOptions, Lang};

    fn copies(text: &str) -> Vec<(String, bool, usize)> {
        let doc = Document::new(
            "t.txt",
            text.to_string(),
            DocumentOptions {
                lang: Some(Lang::De),
            },
        );
        let lines = lines(&doc.text);
        let skip = vec![false; lines.len()];
        find(&doc.text, &doc.sentences, &lines, &skip)
            .into_iter()
            .map(|c| {
                (
                    c.span.text(&doc.text).to_string(),
                    c.whole_line,
                    c.first_line,
                )
            })
            .collect()
    }

    #[test]
    fn repeated_headline_is_reported_twice() {
        let text = "USA bereiten Einsatz vor\n\nUSA bereiten Einsatz vor\n\nDer Text beginnt hier.\n\nUSA bereiten Einsatz vor\n";
        let found = copies(text);
        assert_eq!(
            found,
            [
                ("USA bereiten Einsatz vor".to_string(), true, 0),
                ("USA bereiten Einsatz vor".to_string(), true, 0)
            ]
        );
    }

    #[test]
    fn repeated_sentence_inside_a_paragraph() {
        let text = "Die Regierung lehnt den Vorschlag entschieden ab. Sie verweist auf die Souveränität.\n\nNeu ist das nicht. Die Regierung lehnt den Vorschlag entschieden ab. Mehr sagte sie nicht.\n";
        let found = copies(text);
        assert_eq!(
            found,
            [(
                "Die Regierung lehnt den Vorschlag entschieden ab.".to_string(),
                false,
                0
            )]
        );
    }

    #[test]
    fn short_repeats_and_case_are_handled() {
        // Short lines and short sentences may repeat.
        assert!(copies("Ja.\nNein.\nJa.\n").is_empty());
        assert!(
            copies("Er sagte: Nein. Dann ging er.\nSie sagte: Nein. Dann blieb sie.\n").is_empty()
        );
        // Case and spacing do not hide a copy.
        assert_eq!(
            copies("Trump plant den Einsatz\ntrump  plant den Einsatz.\n").len(),
            1
        );
    }

    #[test]
    fn different_lines_are_no_copies() {
        assert!(copies("Trump plant den Einsatz\nTrump plant den Rückzug\n").is_empty());
    }
}
