//! Applying findings: whole lines removed without piling up blank lines, tokens removed
//! with the space around them, suggestions put in, quotation marks replaced; every edit
//! logged with offsets into the original text.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::clean::lines::{Line, is_padding, line_of, lines};
use crate::export::Finding;

/// One change to the text, with offsets into the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The rule whose finding made it.
    pub rule: String,
    /// First byte of the original text replaced.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The original text, `text[start..end]`.
    pub original: String,
    /// What stands there now.
    pub replacement: String,
}

/// A finding left as it is, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kept {
    /// The finding's rule.
    pub rule: String,
    /// First byte of the finding in the original text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The text found.
    pub text: String,
    /// Why it is kept, e.g. `kept: needs a translator`.
    pub note: String,
}

/// A cleaned text and how it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fixed {
    /// The cleaned text.
    pub text: String,
    /// Every change, in text order, non-overlapping.
    pub edits: Vec<Edit>,
    /// Findings not applied: those without a suggestion (foreign fragments need a
    /// translator) and those overlapping an edit already made.
    pub kept: Vec<Kept>,
}

/// A planned replacement of `start..end`.
#[derive(Debug, Clone)]
struct Planned<'a> {
    finding: &'a Finding,
    start: usize,
    end: usize,
    replacement: String,
}

/// Applies `findings` to `text` (see [`Cleaner::fix`](crate::clean::Cleaner::fix)).
pub(crate) fn fix(text: &str, findings: &[Finding]) -> Fixed {
    let lines = lines(text);
    let mut removed_line: Vec<Option<&Finding>> = vec![None; lines.len()];
    let mut planned: Vec<Planned> = Vec::new();
    let mut kept = Vec::new();
    for finding in findings {
        let valid = finding.start <= finding.end
            && finding.end <= text.len()
            && text.is_char_boundary(finding.start)
            && text.is_char_boundary(finding.end)
            && text[finding.start..finding.end] == finding.text;
        if !valid || lines.is_empty() {
            kept.push(keep(finding, "kept: does not match the text"));
            continue;
        }
        match finding.suggestion.as_deref() {
            None => kept.push(keep(
                finding,
                if finding.rule == "foreign-fragment" {
                    "kept: needs a translator"
                } else {
                    "kept: no suggestion"
                },
            )),
            Some("") => {
                let l = line_of(&lines, finding.start);
                let line = lines[l];
                let whole = line.trimmed(text);
                if finding.start <= whole.start && finding.end >= whole.end {
                    removed_line[l].get_or_insert(finding);
                } else {
                    let (start, end) = deletion(text, &line, finding.start, finding.end);
                    planned.push(Planned {
                        finding,
                        start,
                        end,
                        replacement: String::new(),
                    });
                }
            }
            Some(suggestion) if finding.rule == "quote-style" => {
                planned.extend(quote_marks(text, finding, suggestion));
            }
            Some(suggestion) => planned.push(Planned {
                finding,
                start: finding.start,
                end: finding.end,
                replacement: suggestion.to_string(),
            }),
        }
    }
    let mut edits: Vec<Edit> = line_removals(text, &lines, &removed_line);
    let removed = Ranges::from_disjoint(edits.iter().map(|e| (e.start, e.end)));
    // Findings inside removed lines go with them.
    kept.retain(|k: &Kept| !removed.contains(k.start, k.end));
    let mut already_kept: HashSet<(usize, String)> =
        kept.iter().map(|k| (k.start, k.rule.clone())).collect();
    planned.sort_by_key(|p| (p.start, p.end));
    let mut taken = removed.clone();
    for plan in planned {
        if removed.contains(plan.start, plan.end)
            || removed.contains(plan.finding.start, plan.finding.end)
        {
            continue;
        }
        let mut plan = plan;
        // Two deletions side by side may both claim the space between them.
        if plan.replacement.is_empty() {
            if let Some((start, end)) = taken.holding(plan.start).filter(|&(_, e)| e < plan.end) {
                if text[plan.start..end].chars().all(is_padding) {
                    plan.start = end;
                    // Nothing is left before it on its line: the space after goes too.
                    let line = lines[line_of(&lines, start)];
                    if text[line.start..start].chars().all(is_padding) {
                        let after = &text[plan.end..line.end];
                        plan.end += after.len() - after.trim_start_matches(is_padding).len();
                    }
                }
            }
        }
        if taken.overlaps(plan.start, plan.end) {
            if already_kept.insert((plan.finding.start, plan.finding.rule.clone())) {
                kept.push(keep(plan.finding, "kept: overlaps another edit"));
            }
            continue;
        }
        taken.insert(plan.start, plan.end);
        edits.push(Edit {
            rule: plan.finding.rule.clone(),
            start: plan.start,
            end: plan.end,
            original: text[plan.start..plan.end].to_string(),
            replacement: plan.replacement,
        });
    }
    edits.sort_by_key(|e| (e.start, e.end));
    kept.sort_by_key(|k| (k.start, k.end));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for edit in &edits {
        out.push_str(&text[copied..edit.start]);
        out.push_str(&edit.replacement);
        copied = edit.end;
    }
    out.push_str(&text[copied..]);
    Fixed {
        text: out,
        edits,
        kept,
    }
}

/// Byte ranges that do not overlap one another (as [`Ranges::overlaps`] counts it), so
/// that each question looks at one neighbour only: a text with tens of thousands of
/// edits stays linear.
#[derive(Debug, Clone, Default)]
struct Ranges {
    /// Start to end; a start held by an empty range and a longer one keeps the end of the
    /// longer, which overlaps whatever the empty one does.
    by_start: BTreeMap<usize, usize>,
}

impl Ranges {
    fn from_disjoint(ranges: impl IntoIterator<Item = (usize, usize)>) -> Ranges {
        let mut out = Ranges::default();
        for (start, end) in ranges {
            out.insert(start, end);
        }
        out
    }

    fn insert(&mut self, start: usize, end: usize) {
        let stored = self.by_start.entry(start).or_insert(end);
        *stored = (*stored).max(end);
    }

    /// The range that starts last at or before `at`, if it reaches past `at`.
    fn holding(&self, at: usize) -> Option<(usize, usize)> {
        let (&start, &end) = self.by_start.range(..=at).next_back()?;
        (at < end).then_some((start, end))
    }

    /// Whether `start..end` lies within one range.
    fn contains(&self, start: usize, end: usize) -> bool {
        self.by_start
            .range(..=start)
            .next_back()
            .is_some_and(|(_, &e)| end <= e)
    }

    /// Whether `start..end` shares a byte with a range, or an empty one stands inside
    /// it. Only the range starting last before `end` can: one starting earlier that
    /// reached past `start` would overlap that one.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.by_start
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| start < e)
    }
}

fn keep(finding: &Finding, note: &str) -> Kept {
    Kept {
        rule: finding.rule.clone(),
        start: finding.start,
        end: finding.end,
        text: finding.text.clone(),
        note: note.to_string(),
    }
}

/// The range to delete for removing `start..end` from inside `line`: with the space
/// before it, or at the start of the line with the space after it, and with brackets
/// that would be left empty. A token glued to the next word keeps the space before it,
/// which is that word's (`Die <b>Regierung` is "Die Regierung", not "DieRegierung").
fn deletion(text: &str, line: &Line, mut start: usize, mut end: usize) -> (usize, usize) {
    if text[..start].ends_with('(') && text[end..].starts_with(')') {
        start -= 1;
        end += 1;
    }
    let before = &text[line.start..start];
    if before.chars().all(is_padding) {
        let after = &text[end..line.end];
        let space = after.len() - after.trim_start_matches(is_padding).len();
        (line.start, end + space)
    } else if text[end..line.end]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        (start, end)
    } else {
        let space = before.len() - before.trim_end_matches(is_padding).len();
        (start - space, end)
    }
}

/// The two mark replacements of a quote-style finding (with the spaces French puts
/// inside guillemets when the suggestion drops them), or one replacement of the whole
/// quotation when the suggestion is not the same quotation in other marks.
fn quote_marks<'a>(text: &str, finding: &'a Finding, suggestion: &str) -> Vec<Planned<'a>> {
    let whole = || {
        vec![Planned {
            finding,
            start: finding.start,
            end: finding.end,
            replacement: suggestion.to_string(),
        }]
    };
    let original = &text[finding.start..finding.end];
    let (Some(old_open), Some(old_close)) = (original.chars().next(), original.chars().next_back())
    else {
        return whole();
    };
    let (Some(new_open), Some(new_close)) =
        (suggestion.chars().next(), suggestion.chars().next_back())
    else {
        return whole();
    };
    if original.chars().count() < 2 || suggestion.chars().count() < 2 {
        return whole();
    }
    let old_inner = &original[old_open.len_utf8()..original.len() - old_close.len_utf8()];
    let new_inner = &suggestion[new_open.len_utf8()..suggestion.len() - new_close.len_utf8()];
    let left = old_inner.len() - old_inner.trim_start_matches(is_padding).len();
    let right = old_inner.len() - old_inner.trim_end_matches(is_padding).len();
    let (left, right) = if old_inner == new_inner {
        (0, 0)
    } else if old_inner.len() >= left + right
        && &old_inner[left..old_inner.len() - right] == new_inner
    {
        (left, right)
    } else {
        return whole();
    };
    vec![
        Planned {
            finding,
            start: finding.start,
            end: finding.start + old_open.len_utf8() + left,
            replacement: new_open.to_string(),
        },
        Planned {
            finding,
            start: finding.end - old_close.len_utf8() - right,
            end: finding.end,
            replacement: new_close.to_string(),
        },
    ]
}

/// The edits that remove whole lines: each line with the blank lines after it, or, at
/// the end of the text, with the blank lines before it, so that blank lines do not pile
/// up and a text that did not end with a line break still does not.
fn line_removals(text: &str, lines: &[Line], removed: &[Option<&Finding>]) -> Vec<Edit> {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank(text))
        .collect();
    // kept_after[k]: whether a kept content line comes after content[k].
    let mut kept_after = vec![false; content.len()];
    let mut any = false;
    for k in (0..content.len()).rev() {
        kept_after[k] = any;
        any |= removed[content[k]].is_none();
    }
    let mut edits = Vec::new();
    for (k, &i) in content.iter().enumerate() {
        let Some(finding) = removed[i] else {
            continue;
        };
        let next_start = content.get(k + 1).map_or(text.len(), |&j| lines[j].start);
        let (start, end) = if kept_after[k] {
            (lines[i].start, next_start)
        } else {
            let previous = k.checked_sub(1).map(|p| content[p]);
            let start = match previous {
                Some(p) if removed[p].is_none() => {
                    if lines.last().is_some_and(Line::has_break) {
                        lines[p].next
                    } else {
                        lines[p].end
                    }
                }
                Some(_) => lines[i].start,
                None => 0,
            };
            (start, next_start)
        };
        edits.push(Edit {
            rule: finding.rule.clone(),
            start,
            end,
            original: text[start..end].to_string(),
            replacement: String::new(),
        });
    }
    edits
}

/// A piece of a cleaned text: copied from the original, or put in by an edit.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Where it is in the cleaned text.
    start: usize,
    end: usize,
    /// The original range it stands for.
    original_start: usize,
    original_end: usize,
    /// The edit that put it in, if any.
    edit: Option<usize>,
}

/// The pieces of `first.text`, in order.
fn pieces(original: &str, first: &Fixed) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let (mut at, mut copied) = (0, 0);
    let copy = |pieces: &mut Vec<Piece>, at: &mut usize, from: usize, to: usize| {
        if to > from {
            pieces.push(Piece {
                start: *at,
                end: *at + (to - from),
                original_start: from,
                original_end: to,
                edit: None,
            });
            *at += to - from;
        }
    };
    for (i, edit) in first.edits.iter().enumerate() {
        copy(&mut pieces, &mut at, copied, edit.start);
        pieces.push(Piece {
            start: at,
            end: at + edit.replacement.len(),
            original_start: edit.start,
            original_end: edit.end,
            edit: Some(i),
        });
        at += edit.replacement.len();
        copied = edit.end;
    }
    copy(&mut pieces, &mut at, copied, original.len());
    pieces
}

/// The edits of `original` that give `second.text`, where `second` was made from
/// `first.text` and `first` from `original`: edits of the second pass are mapped back to
/// the original, taking in the first-pass edits they touch. `None` when two mapped edits
/// would overlap.
pub(crate) fn compose(original: &str, first: &Fixed, second: &Fixed) -> Option<Fixed> {
    let pieces = pieces(original, first);
    let middle = first.text.as_str();
    let mut absorbed = vec![false; first.edits.len()];
    let mut composed: Vec<Edit> = Vec::new();
    for edit in &second.edits {
        let touched: Vec<&Piece> = pieces
            .iter()
            .filter(|p| {
                if p.start == p.end {
                    // An edit that removed text touches where it was only from inside.
                    edit.start < p.start && p.start < edit.end
                } else {
                    p.start < edit.end && edit.start < p.end
                }
            })
            .collect();
        let (mut start, mut end) = (edit.start, edit.end);
        let mut original_start = usize::MAX;
        let mut original_end = 0;
        for piece in &touched {
            match piece.edit {
                Some(i) => {
                    absorbed[i] = true;
                    start = start.min(piece.start);
                    end = end.max(piece.end);
                    original_start = original_start.min(piece.original_start);
                    original_end = original_end.max(piece.original_end);
                }
                None => {
                    let from = piece.original_start + edit.start.max(piece.start) - piece.start;
                    let to = piece.original_start + edit.end.min(piece.end) - piece.start;
                    original_start = original_start.min(from);
                    original_end = original_end.max(to);
                }
            }
        }
        if original_start > original_end {
            return None;
        }
        let replacement = format!(
            "{}{}{}",
            &middle[start..edit.start],
            edit.replacement,
            &middle[edit.end..end]
        );
        composed.push(Edit {
            rule: edit.rule.clone(),
            start: original_start,
            end: original_end,
            original: original[original_start..original_end].to_string(),
            replacement,
        });
    }
    let mut edits: Vec<Edit> = first
        .edits
        .iter()
        .zip(&absorbed)
        .filter(|(_, absorbed)| !**absorbed)
        .map(|(e, _)| e.clone())
        .chain(composed)
        .collect();
    edits.sort_by_key(|e| (e.start, e.end));
    if edits.windows(2).any(|w| w[0].end > w[1].start) {
        return None;
    }
    let kept = first
        .kept
        .iter()
        .filter(|k| !edits.iter().any(|e| e.start <= k.start && k.end <= e.end))
        .cloned()
        .collect();
    let mut text = String::with_capacity(original.len());
    let mut copied = 0;
    for edit in &edits {
        text.push_str(&original[copied..edit.start]);
        text.push_str(&edit.replacement);
        copied = edit.end;
    }
    text.push_str(&original[copied..]);
    (text == second.text).then_some(Fixed { text, edits, kept })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Severity;

    fn finding(text: &str, part: &str, rule: &str, suggestion: Option<&str>) -> Finding {
        let start = text.find(part).expect("part of the text");
        Finding {
            rule: rule.into(),
            severity: Severity::Warning,
            start,
            end: start + part.len(),
            text: part.into(),
            message: String::new(),
            suggestion: suggestion.map(str::to_string),
        }
    }

    fn delete_lines(text: &str, parts: &[&str]) -> String {
        let findings: Vec<Finding> = parts
            .iter()
            .map(|p| finding(text, p, "boilerplate", Some("")))
            .collect();
        fix(text, &findings).text
    }

    #[test]
    fn removed_lines_leave_no_blank_pile_up() {
        assert_eq!(delete_lines("A\n\nB\n\nC\n", &["B"]), "A\n\nC\n");
        assert_eq!(delete_lines("A\nB\nC", &["B"]), "A\nC");
        assert_eq!(delete_lines("B\n\nA\n", &["B"]), "A\n");
        assert_eq!(delete_lines("A\n\nB\n\nC\n", &["B", "C"]), "A\n");
        assert_eq!(delete_lines("A\n\nB\n\nC", &["C"]), "A\n\nB");
        assert_eq!(delete_lines("A\r\n\r\nB\r\n", &["B"]), "A\r\n");
        assert_eq!(
            delete_lines("A\n\nB\n\n\nC\n\nD\n", &["B", "C"]),
            "A\n\nD\n"
        );
        assert_eq!(delete_lines("B\nC\n", &["B", "C"]), "");
    }

    #[test]
    fn tokens_go_with_their_space() {
        let text = " date 2025-11-04 Die USA planen.\nDer Bericht (ID: 48213) erschien. Ende.\n";
        let findings = [
            finding(text, "date 2025-11-04", "stray-metadata", Some("")),
            finding(text, "ID: 48213", "stray-metadata", Some("")),
            finding(text, "Ende.", "duplicate", Some("")),
        ];
        let fixed = fix(text, &findings);
        assert_eq!(fixed.text, "Die USA planen.\nDer Bericht erschien.\n");
        for edit in &fixed.edits {
            assert_eq!(&text[edit.start..edit.end], edit.original);
        }
        // A tag glued to the next word leaves that word its space.
        let text = "Die <b>Regierung</b> hat<br/><br/>entschieden.\n";
        let findings = [
            finding(text, "<b>", "stray-metadata", Some("")),
            finding(text, "</b>", "stray-metadata", Some("")),
            finding(text, "<br/><br/>", "stray-metadata", Some(" ")),
        ];
        assert_eq!(
            fix(text, &findings).text,
            "Die Regierung hat entschieden.\n"
        );
    }

    #[test]
    fn suggestions_and_quote_marks() {
        let text = "Das Sicherheits team sagte \"nein\" und « oui ».\n";
        let findings = [
            finding(
                text,
                "Sicherheits team",
                "split-compound",
                Some("Sicherheitsteam"),
            ),
            finding(text, "\"nein\"", "quote-style", Some("„nein“")),
            finding(text, "« oui »", "quote-style", Some("„oui“")),
        ];
        let fixed = fix(text, &findings);
        assert_eq!(fixed.text, "Das Sicherheitsteam sagte „nein“ und „oui“.\n");
        assert_eq!(fixed.edits.len(), 5);
    }

    #[test]
    fn foreign_fragments_are_kept_and_listed() {
        let text = "Según The New York Times hat das Haus geschwiegen.\nJoin the conversation\n";
        let findings = [
            finding(text, "Según", "foreign-fragment", None),
            finding(text, "Join the conversation", "foreign-fragment", None),
            finding(text, "Join the conversation", "boilerplate", Some("")),
        ];
        let fixed = fix(text, &findings);
        assert_eq!(
            fixed.text,
            "Según The New York Times hat das Haus geschwiegen.\n"
        );
        assert_eq!(fixed.kept.len(), 1, "{:?}", fixed.kept);
        assert_eq!(fixed.kept[0].note, "kept: needs a translator");
        assert_eq!(fixed.kept[0].text, "Según");
    }

    #[test]
    fn second_pass_edits_map_back_to_the_original() {
        let original = "A date 2025-11-04 B. Tail.\nZ\n";
        let first = fix(
            original,
            &[finding(
                original,
                "date 2025-11-04",
                "stray-metadata",
                Some(""),
            )],
        );
        assert_eq!(first.text, "A B. Tail.\nZ\n");
        // The second pass removes text around the first edit, and text elsewhere.
        let second = fix(
            &first.text,
            &[
                finding(&first.text, "A B.", "duplicate", Some("")),
                finding(&first.text, "Z", "boilerplate", Some("")),
            ],
        );
        let composed = compose(original, &first, &second).expect("composes");
        assert_eq!(composed.text, second.text);
        for edit in &composed.edits {
            assert_eq!(&original[edit.start..edit.end], edit.original);
        }
        assert_eq!(composed.edits[0].rule, "duplicate");
        assert_eq!(composed.edits[0].original, "A date 2025-11-04 B. ");
    }

    #[test]
    fn adjacent_deletions_share_their_space() {
        let text = "Eins zwei drei vier fünf. Sechs sieben acht neun zehn. Rest bleibt.\n";
        let findings = [
            finding(text, "Eins zwei drei vier fünf.", "duplicate", Some("")),
            finding(text, "Sechs sieben acht neun zehn.", "duplicate", Some("")),
        ];
        let fixed = fix(text, &findings);
        assert_eq!(fixed.text, "Rest bleibt.\n");
        assert!(fixed.kept.is_empty(), "{:?}", fixed.kept);
    }

    #[test]
    fn overlapping_suggestions_keep_the_first() {
        let text = "Die Casa Blanca team.\n";
        let findings = [
            finding(
                text,
                "Casa Blanca",
                "glossary-foreign-form",
                Some("Weißes Haus"),
            ),
            finding(text, "Blanca team", "split-compound", Some("Blancateam")),
        ];
        let fixed = fix(text, &findings);
        assert_eq!(fixed.text, "Die Weißes Haus team.\n");
        assert_eq!(fixed.kept[0].note, "kept: overlaps another edit");
    }

    #[test]
    fn many_edits_on_one_line_are_linear() {
        // Each edit was checked against every edit already taken: 16 s for 160,000
        // quotation marks on a line of 1.4 MB.
        let count = 40_000;
        let text = "„a“ x ".repeat(count) + "\n";
        let mut findings = Vec::with_capacity(count + 1);
        for k in 0..count {
            let start = k * "„a“ x ".len();
            findings.push(Finding {
                rule: "quote-style".into(),
                severity: Severity::Info,
                start,
                end: start + "„a“".len(),
                text: "„a“".into(),
                message: String::new(),
                suggestion: Some("«a»".into()),
            });
        }
        // One finding that overlaps the others is kept.
        findings.push(finding(
            &text,
            "„a“ x „a“",
            "quote-style",
            Some("«a» x «a»"),
        ));
        let started = std::time::Instant::now();
        let fixed = fix(&text, &findings);
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
        assert_eq!(fixed.text, "«a» x ".repeat(count) + "\n");
        assert_eq!(fixed.edits.len(), 2 * count);
        assert_eq!(fixed.kept.len(), 1);
    }
}
