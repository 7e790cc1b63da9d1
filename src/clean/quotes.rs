//! Quotation marks: a document that mixes styles („…“, “…”, "…", «…», »…«) gets a
//! finding at each quotation of a style other than the one it uses most, with the
//! quotation in that style as the suggestion. Nested quotations and unpaired marks are
//! left alone.

use crate::Lang;
use crate::clean::lines::Line;
use crate::text::Span;

/// A style of double quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// „…“ (German).
    Low,
    /// „…” (Dutch, Polish).
    LowRight,
    /// “…” (English).
    Curly,
    /// "…" (typewriter).
    Straight,
    /// «…» (French, Spanish, Italian, Portuguese).
    Guillemets,
    /// »…« (German books).
    Reversed,
}

/// Every style, for counting.
const STYLES: [Style; 6] = [
    Style::Low,
    Style::LowRight,
    Style::Curly,
    Style::Straight,
    Style::Guillemets,
    Style::Reversed,
];

impl Style {
    /// The opening and closing marks.
    pub(crate) fn marks(self) -> (char, char) {
        match self {
            Style::Low => ('„', '“'),
            Style::LowRight => ('„', '”'),
            Style::Curly => ('“', '”'),
            Style::Straight => ('"', '"'),
            Style::Guillemets => ('«', '»'),
            Style::Reversed => ('»', '«'),
        }
    }

    /// `…` in this style, for messages.
    fn sample(self) -> String {
        let (open, close) = self.marks();
        format!("{open}…{close}")
    }

    fn index(self) -> usize {
        STYLES.iter().position(|&s| s == self).expect("listed")
    }
}

/// The styles a language prefers, best first: they break ties.
fn preferred(lang: Lang) -> [Style; 6] {
    use Style::*;
    match lang {
        Lang::De => [Low, Reversed, Curly, Straight, Guillemets, LowRight],
        Lang::En => [Curly, Straight, Low, LowRight, Guillemets, Reversed],
        Lang::Nl => [Curly, LowRight, Straight, Low, Guillemets, Reversed],
        Lang::Es | Lang::Fr | Lang::It | Lang::Pt => {
            [Guillemets, Curly, Straight, Low, LowRight, Reversed]
        }
    }
}

/// A quotation: where its marks are, and their style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// From the opening mark to the end of the closing mark.
    pub(crate) span: Span,
    /// Its style.
    pub(crate) style: Style,
}

/// An opening mark waiting for its closing mark.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: char,
    at: usize,
    depth: usize,
}

/// The quotations of one line (at byte `base` of the text) that are not nested in
/// another.
fn line_quotations(line: &str, base: usize, out: &mut Vec<Quotation>) {
    let mut stack: Vec<Open> = Vec::new();
    for (i, c) in line.char_indices() {
        let top = stack.last().map(|o| o.mark);
        let close = |style: Style, stack: &mut Vec<Open>, out: &mut Vec<Quotation>| {
            let open = stack.pop().expect("an open mark");
            if open.depth == 0 {
                out.push(Quotation {
                    span: Span::new(base + open.at, base + i + c.len_utf8()),
                    style,
                });
            }
        };
        let push = |mark: char, stack: &mut Vec<Open>| {
            let depth = stack.len();
            stack.push(Open { mark, at: i, depth });
        };
        match (c, top) {
            ('„', _) => push(c, &mut stack),
            ('“', Some('„')) => close(Style::Low, &mut stack, out),
            ('“', Some('“')) => close(Style::Curly, &mut stack, out),
            ('“', _) => push(c, &mut stack),
            ('”', Some('„')) => close(Style::LowRight, &mut stack, out),
            ('”', Some('“')) => close(Style::Curly, &mut stack, out),
            ('"', Some('"')) => close(Style::Straight, &mut stack, out),
            ('"', _) => push(c, &mut stack),
            ('«', Some('»')) => close(Style::Reversed, &mut stack, out),
            ('«', _) => push(c, &mut stack),
            ('»', Some('«')) => close(Style::Guillemets, &mut stack, out),
            ('»', _) => push(c, &mut stack),
            _ => {}
        }
    }
}

/// A quotation of a minority style and how to write it in the majority style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mismatch {
    /// The quotation.
    pub(crate) span: Span,
    /// Its style.
    pub(crate) style: Style,
    /// The document's main style.
    pub(crate) main: Style,
    /// How often the main style is used.
    pub(crate) main_count: usize,
    /// The quotation in the main style.
    pub(crate) suggestion: String,
}

impl Mismatch {
    /// The message of a finding.
    pub(crate) fn message(&self) -> String {
        format!(
            "quotation marks {} in a text that uses {} ({} time{})",
            self.style.sample(),
            self.main.sample(),
            self.main_count,
            if self.main_count == 1 { "" } else { "s" }
        )
    }
}

/// Spaces that French typography puts inside guillemets.
const GUILLEMET_PADDING: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// The quotations of `text` whose style is not the document's main one; lines marked in
/// `skip` are left out (they are removed by other rules).
pub(crate) fn mismatches(text: &str, lang: Lang, lines: &[Line], skip: &[bool]) -> Vec<Mismatch> {
    let mut quotations = Vec::new();
    for (line, _) in lines.iter().zip(skip).filter(|(_, skip)| !**skip) {
        line_quotations(line.text(text), line.start, &mut quotations);
    }
    let mut counts = [0usize; STYLES.len()];
    for q in &quotations {
        counts[q.style.index()] += 1;
    }
    if counts.iter().filter(|&&n| n > 0).count() < 2 {
        return Vec::new();
    }
    let order = preferred(lang);
    let main = order
        .iter()
        .copied()
        .max_by_key(|style| {
            let rank = order.iter().position(|s| s == style).expect("listed");
            (counts[style.index()], std::cmp::Reverse(rank))
        })
        .expect("six styles");
    let (open, close) = main.marks();
    quotations
        .into_iter()
        .filter(|q| q.style != main)
        .map(|q| {
            let quoted = q.span.text(text);
            let (old_open, old_close) = q.style.marks();
            let mut inner = &quoted[old_open.len_utf8()..quoted.len() - old_close.len_utf8()];
            if matches!(q.style, Style::Guillemets | Style::Reversed) {
                inner = inner.trim_matches(GUILLEMET_PADDING);
            }
            Mismatch {
                span: q.span,
                style: q.style,
                main,
                main_count: counts[main.index()],
                suggestion: format!("{open}{inner}{close}"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::lines;

    fn found(text: &str, lang: Lang) -> Vec<(&str, String)> {
        let lines = lines(text);
        let skip = vec![false; lines.len()];
        mismatches(text, lang, &lines, &skip)
            .into_iter()
            .map(|m| (m.span.text(text), m.suggestion))
            .collect()
    }

    #[test]
    fn minority_styles_get_the_main_style() {
        let text = "„Eins“, sagte er.\n„Zwei“, sagte sie.\nEs sei \"bereit\".\nEine “Waffe”.\n";
        assert_eq!(
            found(text, Lang::De),
            [
                ("\"bereit\"", "„bereit“".to_string()),
                ("“Waffe”", "„Waffe“".to_string())
            ]
        );
    }

    #[test]
    fn consistent_styles_give_nothing() {
        assert!(found("„Eins“ und „Zwei“.\n", Lang::De).is_empty());
        assert!(found("\"One\" and \"two\".\n", Lang::En).is_empty());
        assert!(found("«Uno» y «dos».\n", Lang::Es).is_empty());
        assert!(found("Kein Zitat hier.\n", Lang::De).is_empty());
    }

    #[test]
    fn nested_quotations_are_not_a_second_style() {
        // French text quoting with inner English quotes; straight quotes around a
        // title inside a German quotation.
        assert!(
            found(
                "« Il a dit “non” hier », selon lui. « Oui », dit-elle.\n",
                Lang::Fr
            )
            .is_empty()
        );
        assert!(
            found(
                "„Die Agenda \"America First\" zählt“, hieß es. „Ja“, sagte er.\n",
                Lang::De
            )
            .is_empty()
        );
    }

    #[test]
    fn ties_follow_the_language() {
        let text = "„Eins“ und \"zwei\".\n";
        assert_eq!(found(text, Lang::De), [("\"zwei\"", "„zwei“".to_string())]);
        assert_eq!(found(text, Lang::En), [("„Eins“", "\"Eins\"".to_string())]);
    }

    #[test]
    fn guillemet_padding_is_dropped() {
        let text = "« Non », dit-il. “Yes,” she said. “No,” he said.\n";
        assert_eq!(found(text, Lang::Fr), [("« Non »", "“Non”".to_string())]);
    }

    #[test]
    fn unpaired_marks_are_left_alone() {
        assert!(found("Ein \"Zitat ohne Ende.\n„Eins“.\n", Lang::De).is_empty());
    }
}
