//! Text with marked ranges, as escaped HTML: the ranges may overlap (a foreign fragment
//! inside an inserted phrase), so the text is cut at every range boundary and each piece
//! carries the classes of the ranges that cover it.

use std::fmt::Write;

/// A marked range of a text, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mark {
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// The CSS class.
    pub(crate) class: &'static str,
    /// A tooltip, if any.
    pub(crate) title: Option<String>,
}

/// Text removed at a position (a word diff's deletion), shown struck through there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Removal {
    /// The byte position in the text it was removed before.
    pub(crate) at: usize,
    /// What was removed.
    pub(crate) text: String,
}

/// Appends `text` to `out` escaped, with `marks` as `<span class>` and `removals` as
/// `<del>`. Marks outside the text or not on char boundaries are ignored.
pub(crate) fn render_marked(out: &mut String, text: &str, marks: &[Mark], removals: &[Removal]) {
    let valid = |m: &&Mark| {
        m.start < m.end
            && m.end <= text.len()
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.end)
    };
    let marks: Vec<&Mark> = marks.iter().filter(valid).collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in &marks {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    for r in removals {
        if r.at <= text.len() && text.is_char_boundary(r.at) {
            cuts.push(r.at);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut removals: Vec<&Removal> = removals.iter().collect();
    removals.sort_by_key(|r| r.at);
    let mut pending = removals.into_iter().peekable();
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        while let Some(r) = pending.next_if(|r| r.at <= start) {
            push_removal(out, &r.text, text[start..].chars().next());
        }
        let covering: Vec<&&Mark> = marks
            .iter()
            .filter(|m| m.start <= start && end <= m.end)
            .collect();
        let piece_text = &text[start..end];
        if covering.is_empty() {
            escape_into(out, piece_text);
            continue;
        }
        let classes: Vec<&str> = covering.iter().map(|m| m.class).collect();
        let titles: Vec<&str> = covering.iter().filter_map(|m| m.title.as_deref()).collect();
        let _ = write!(out, "<span class=\"{}\"", classes.join(" "));
        if !titles.is_empty() {
            out.push_str(" title=\"");
            escape_into(out, &titles.join("\n"));
            out.push('"');
        }
        out.push('>');
        escape_into(out, piece_text);
        out.push_str("</span>");
    }
    for r in pending {
        push_removal(out, &r.text, None);
    }
}

/// Appends a removal struck through. When a word follows it directly (a deletion and
/// the insertion that replaces it, "58" then "85"), a space comes after it: a line may
/// break there and copied text keeps the words apart. The space has class `gap`, so
/// that it is hidden with the deletion and the remaining text has no double space.
fn push_removal(out: &mut String, text: &str, next: Option<char>) {
    out.push_str("<del>");
    escape_into(out, text);
    out.push_str("</del>");
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    if !spaced(text.chars().next_back()) && !spaced(next) {
        out.push_str(GAP);
    }
}

/// The space between a removal and the word after it.
const GAP: &str = "<span class=\"gap\"> </span>";

/// Appends `text` with the five characters that matter in HTML text and attribute
/// values escaped.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &'static str) -> Mark {
        Mark {
            start,
            end,
            class,
            title: None,
        }
    }

    fn render(text: &str, marks: &[Mark], removals: &[Removal]) -> String {
        let mut out = String::new();
        render_marked(&mut out, text, marks, removals);
        out
    }

    #[test]
    fn plain_text_is_escaped() {
        assert_eq!(
            render("<b> & \"x\" 'y'", &[], &[]),
            "&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
    }

    #[test]
    fn overlapping_marks_split_the_text() {
        assert_eq!(
            render("abcdef", &[mark(1, 4, "ins"), mark(3, 6, "foreign")], &[]),
            "a<span class=\"ins\">bc</span><span class=\"ins foreign\">d</span>\
             <span class=\"foreign\">ef</span>"
        );
    }

    #[test]
    fn removals_come_before_the_text_at_their_position() {
        let removals = [
            Removal {
                at: 2,
                text: "<x>".into(),
            },
            Removal {
                at: 4,
                text: "end".into(),
            },
        ];
        assert_eq!(
            render("abcd", &[], &removals),
            "ab<del>&lt;x&gt;</del><span class=\"gap\"> </span>cd<del>end</del>"
        );
    }

    #[test]
    fn a_removal_touching_a_word_is_followed_by_a_gap_space() {
        let removal = |at: usize, text: &str| Removal {
            at,
            text: text.into(),
        };
        // Replaced by an insertion: "UntersuchungErmittlungen" without the gap.
        assert_eq!(
            render(
                "in Ermittlungen an",
                &[mark(3, 15, "ins")],
                &[removal(3, "Untersuchung")]
            ),
            "in <del>Untersuchung</del><span class=\"gap\"> </span>\
             <span class=\"ins\">Ermittlungen</span> an"
        );
        // A space is there already, after the removal or in the text.
        assert_eq!(render("b", &[], &[removal(0, "a ")]), "<del>a </del>b");
        assert_eq!(render("x b", &[], &[removal(1, "a")]), "x<del>a</del> b");
        assert_eq!(render("x", &[], &[removal(1, "a")]), "x<del>a</del>");
    }

    #[test]
    fn marks_off_char_boundaries_are_ignored() {
        assert_eq!(render("ä", &[mark(0, 1, "x")], &[]), "ä");
    }

    #[test]
    fn titles_are_escaped() {
        let m = Mark {
            start: 0,
            end: 1,
            class: "fact",
            title: Some("\"onmouseover=alert(1)".into()),
        };
        assert_eq!(
            render("a", &[m], &[]),
            "<span class=\"fact\" title=\"&quot;onmouseover=alert(1)\">a</span>"
        );
    }
}
