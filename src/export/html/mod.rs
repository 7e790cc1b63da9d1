//! The self-contained HTML review page: documents as columns in their order, aligned
//! groups as rows, each member's words diffed against the pivot, fact differences,
//! foreign fragments, glossary entities and findings marked, a score filter and a
//! legend. No external CSS, script, font or request (a Content-Security-Policy forbids
//! them); every piece of input text is escaped.

mod entities;
mod facts;
mod marks;

pub use entities::entity_annotations;

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{AlignedDocument, Alignment, Group, Member};
use crate::diff::{Change, DiffReport, FactSpan, GroupDiff, PairDiff};
use facts::fact_line;
use marks::{Mark, Removal, escape_into, render_marked};

/// What an annotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnotationKind {
    /// A fragment in another language than the document's.
    Foreign,
    /// A glossary entity.
    Entity,
    /// A finding of `tandem clean`.
    Finding,
}

/// A span of a document to mark on the page, besides the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// The document's id.
    pub doc: String,
    /// First byte, into the document's input as read.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: AnnotationKind,
    /// Shown on hover: the language, the concept, the rule and message.
    pub label: String,
}

/// Everything the review page shows.
#[derive(Debug, Clone, Copy)]
pub struct ReviewPage<'a> {
    /// The page title.
    pub title: &'a str,
    /// The alignment: documents and groups.
    pub alignment: &'a Alignment,
    /// Its diff; its groups are the rows, in its order.
    pub diff: &'a DiffReport,
    /// Foreign fragments, entities and findings to mark.
    pub annotations: &'a [Annotation],
}

/// The page as one HTML document.
pub fn render_html(page: &ReviewPage<'_>) -> String {
    let alignment = page.alignment;
    let groups: HashMap<usize, &Group> = alignment.groups.iter().map(|g| (g.id, g)).collect();
    let mut by_doc: HashMap<&str, Vec<&Annotation>> = HashMap::new();
    for a in page.annotations {
        by_doc.entry(a.doc.as_str()).or_default().push(a);
    }
    let by_doc: HashMap<&str, DocAnnotations> = by_doc
        .into_iter()
        .map(|(doc, all)| (doc, DocAnnotations::new(all)))
        .collect();
    let rows: Vec<(&GroupDiff, &Group)> = page
        .diff
        .groups
        .iter()
        .filter_map(|d| groups.get(&d.group).map(|g| (d, *g)))
        .collect();
    let matched = rows.iter().filter(|(_, g)| is_matched(g)).count();

    let mut out = String::with_capacity(64 * 1024 + rows.len() * 2048);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"tandem ",
    );
    out.push_str(env!("CARGO_PKG_VERSION"));
    out.push_str("\">\n<title>");
    escape_into(&mut out, page.title);
    out.push_str("</title>\n<style>\n");
    out.push_str(include_str!("page.css"));
    // Errors of the page script are recorded on the document, so a headless browser test
    // can see them in the DOM.
    out.push_str(
        "</style>\n<script>window.addEventListener(\"error\", function (e) { \
         var root = document.documentElement; root.setAttribute(\"data-errors\", \
         (root.getAttribute(\"data-errors\") || \"\") + e.message + \"; \"); });</script>\n\
         </head>\n<body>\n<header>\n<h1>",
    );
    escape_into(&mut out, page.title);
    let _ = writeln!(
        out,
        "</h1>\n<p class=\"summary\">{} documents · {} sentences · {} aligned groups · {} \
         unmatched · {} mode · showing <output id=\"shown\">{}</output> rows</p>",
        alignment.documents.len(),
        alignment
            .documents
            .iter()
            .map(|d| d.sentences.len())
            .sum::<usize>(),
        matched,
        rows.len() - matched,
        match alignment.mode {
            super::AlignmentMode::Comparable => "comparable",
            super::AlignmentMode::Parallel => "parallel",
        },
        rows.len()
    );
    // Translations are shown as written, so a page of them has no word diffs to filter.
    let word_diffs = page
        .diff
        .groups
        .iter()
        .flat_map(|g| &g.pairs)
        .any(|p| !p.cross_language);
    out.push_str(&controls(word_diffs));
    out.push_str(&legend(word_diffs));
    out.push_str("</header>\n<main>\n<table>\n<thead><tr><th class=\"group\">group</th>");
    let columns = alignment.documents.len() <= MAX_COLUMNS;
    if columns {
        for doc in &alignment.documents {
            out.push_str("<th>");
            document_heading(&mut out, doc);
            out.push_str("</th>");
        }
    } else {
        out.push_str("<th>members</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (diff, group) in rows {
        render_row(&mut out, alignment, &by_doc, diff, group, columns);
    }
    out.push_str("</tbody>\n</table>\n</main>\n<script>\n");
    out.push_str(include_str!("page.js"));
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// Up to this many documents are columns; more are listed in each row, so that a folder
/// of a thousand articles gives a page of rows, not of empty cells.
const MAX_COLUMNS: usize = 8;

/// The page's controls; those of word diffs only where some pair has one (a page of
/// translations has none: their words are not compared).
fn controls(word_diffs: bool) -> String {
    let mut out = String::from(
        "<div class=\"controls\">\
<label>score ≥ <input id=\"min-score\" type=\"range\" min=\"0\" max=\"1\" step=\"0.01\" value=\"0\"> \
<output id=\"min-score-value\">0.00</output></label>",
    );
    if word_diffs {
        out.push_str(
            "<label>similarity ≤ <input id=\"max-ratio\" type=\"range\" min=\"0\" max=\"1\" step=\"0.01\" value=\"1\"> \
<output id=\"max-ratio-value\">1.00</output></label>",
        );
    }
    out.push_str(
        "<label><input id=\"hide-unmatched\" type=\"checkbox\"> hide unmatched sentences</label>",
    );
    if word_diffs {
        out.push_str(
            "<label><input id=\"hide-deletions\" type=\"checkbox\"> hide deleted words</label>",
        );
    }
    out.push_str("</div>\n");
    out
}

/// The legend; the marks of word diffs only where some pair has one.
fn legend(word_diffs: bool) -> String {
    let mut out = String::from("<div class=\"legend\"><span>legend:</span>");
    if word_diffs {
        out.push_str(
            "<span class=\"ins\">only in this document</span><span><del>only in the pivot</del></span>",
        );
    }
    out.push_str(
        "<span class=\"fact\">fact that differs</span>\
<span class=\"foreign\">foreign fragment</span>\
<span class=\"entity\">glossary entity</span>\
<span class=\"finding\">cleaning finding</span>",
    );
    out.push_str(if word_diffs {
        "<span>score: alignment score · similarity: share of equal words</span></div>\n"
    } else {
        "<span>score: alignment score</span></div>\n"
    });
    out
}

fn is_matched(group: &Group) -> bool {
    group
        .members
        .iter()
        .filter(|m| !m.sentences.is_empty())
        .count()
        > 1
}

fn render_row(
    out: &mut String,
    alignment: &Alignment,
    annotations: &HashMap<&str, DocAnnotations>,
    diff: &GroupDiff,
    group: &Group,
    columns: bool,
) {
    let matched = is_matched(group);
    // The word similarity of a translation says nothing, so the similarity filter
    // passes it.
    let translated = diff.is_translation();
    let _ = write!(
        out,
        "<tr id=\"g{}\" class=\"{}\" data-score=\"{:.3}\" data-ratio=\"{:.3}\">\
         <td class=\"group\">group {}<br>score {:.2}",
        group.id,
        if matched { "matched" } else { "unmatched" },
        group.score,
        if translated { 0.0 } else { diff.ratio },
        group.id,
        group.score,
    );
    if matched && !translated {
        let _ = write!(out, " · similarity {:.2}", diff.ratio);
    }
    if let Some(bead) = &group.bead {
        out.push_str(" · ");
        escape_into(out, bead);
    }
    let facts: Vec<String> = diff
        .pairs
        .iter()
        .flat_map(|p| p.facts.iter().map(|f| fact_line(p, f)))
        .collect();
    if !facts.is_empty() {
        out.push_str("<ul class=\"facts\">");
        for line in facts {
            out.push_str("<li>");
            escape_into(out, &line);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</td>");
    let empty = DocAnnotations::new(Vec::new());
    let member_of = |doc: &AlignedDocument| {
        group
            .members
            .iter()
            .find(|m| m.doc == doc.id && !m.sentences.is_empty())
    };
    if columns {
        for doc in &alignment.documents {
            let Some(member) = member_of(doc) else {
                out.push_str("<td class=\"absent\"></td>");
                continue;
            };
            out.push_str("<td class=\"member\">");
            let doc_annotations = annotations.get(doc.id.as_str()).unwrap_or(&empty);
            render_member(out, doc, member, doc_annotations, &diff.pairs);
            out.push_str("</td>");
        }
    } else {
        out.push_str("<td class=\"member\">");
        for doc in &alignment.documents {
            if let Some(member) = member_of(doc) {
                out.push_str("<div class=\"stacked\"><b>");
                escape_into(out, &doc.id);
                out.push_str("</b> ");
                let doc_annotations = annotations.get(doc.id.as_str()).unwrap_or(&empty);
                render_member(out, doc, member, doc_annotations, &diff.pairs);
                out.push_str("</div>");
            }
        }
        out.push_str("</td>");
    }
    out.push_str("</tr>\n");
}

/// A document's column heading: id, language and source.
fn document_heading(out: &mut String, doc: &AlignedDocument) {
    escape_into(out, &doc.id);
    let _ = write!(out, " <span class=\"pivot\">{}</span>", doc.lang);
    out.push_str("<span class=\"source\">");
    escape_into(out, &doc.source);
    out.push_str("</span>");
}

/// A member's sentences joined by a space, and where each sentence starts in the joined
/// text and in the document.
struct Joined {
    text: String,
    /// (start in joined text, start in document, length) per sentence.
    pieces: Vec<(usize, usize, usize)>,
}

impl Joined {
    fn new(doc: &AlignedDocument, member: &Member) -> Joined {
        let mut text = String::new();
        let mut pieces = Vec::new();
        for sentence in member
            .sentences
            .iter()
            .filter_map(|&i| doc.sentences.get(i))
        {
            if !text.is_empty() {
                text.push(' ');
            }
            pieces.push((text.len(), sentence.start, sentence.text.len()));
            text.push_str(&sentence.text);
        }
        Joined { text, pieces }
    }

    /// The document range from the member's first byte to its last.
    fn range(&self) -> Range<usize> {
        let start = self.pieces.iter().map(|&(_, doc, _)| doc).min();
        let end = self.pieces.iter().map(|&(_, doc, len)| doc + len).max();
        start.unwrap_or(0)..end.unwrap_or(0)
    }

    /// The parts of the document range `start..end` that lie in this member, in joined
    /// coordinates.
    fn map(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.pieces.iter().filter_map(move |&(joined, doc, len)| {
            let (s, e) = (start.max(doc), end.min(doc + len));
            (s < e).then(|| (joined + s - doc, joined + e - doc))
        })
    }
}

/// A document's annotations with an index by position, so that each member looks only
/// at those near its sentences: a pass over all of them per member would take time in
/// groups times annotations (minutes for a 10 MB article).
struct DocAnnotations<'a> {
    all: Vec<&'a Annotation>,
    /// Positions in `all`, ordered by start.
    by_start: Vec<usize>,
    /// The longest annotation in bytes: none that starts further before a range
    /// reaches into it.
    longest: usize,
}

impl<'a> DocAnnotations<'a> {
    fn new(all: Vec<&'a Annotation>) -> DocAnnotations<'a> {
        let mut by_start: Vec<usize> = (0..all.len()).collect();
        by_start.sort_by_key(|&i| all[i].start);
        let longest = all
            .iter()
            .map(|a| a.end.saturating_sub(a.start))
            .max()
            .unwrap_or(0);
        DocAnnotations {
            all,
            by_start,
            longest,
        }
    }

    /// The annotations that may overlap `range`, in their given order (the order of
    /// the marks decides how overlapping ones are drawn).
    fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &'a Annotation> + '_ {
        let first = range.start.saturating_sub(self.longest);
        let starts = |bound: usize| {
            self.by_start
                .partition_point(|&i| self.all[i].start < bound)
        };
        let mut near = self.by_start[starts(first)..starts(range.end)].to_vec();
        near.sort_unstable();
        near.into_iter().map(|i| self.all[i])
    }
}

fn render_member(
    out: &mut String,
    doc: &AlignedDocument,
    member: &Member,
    annotations: &DocAnnotations,
    pairs: &[PairDiff],
) {
    let joined = Joined::new(doc, member);
    let indices: Vec<String> = member.sentences.iter().map(|i| format!("#{i}")).collect();
    let _ = write!(out, "<span class=\"idx\">{}</span>", indices.join(" "));
    let mut marks = Vec::new();
    for a in annotations.overlapping(joined.range()) {
        let class = match a.kind {
            AnnotationKind::Foreign => "foreign",
            AnnotationKind::Entity => "entity",
            AnnotationKind::Finding => "finding",
        };
        for (start, end) in joined.map(a.start, a.end) {
            marks.push(Mark {
                start,
                end,
                class,
                title: Some(a.label.clone()),
            });
        }
    }
    let fact_span = |span: &FactSpan, line: String, marks: &mut Vec<Mark>| {
        for (start, end) in joined.map(span.start, span.end) {
            marks.push(Mark {
                start,
                end,
                class: "fact",
                title: Some(line.clone()),
            });
        }
    };
    for pair in pairs {
        for fact in &pair.facts {
            let span = if pair.left == doc.id {
                fact.left.as_ref()
            } else if pair.right == doc.id {
                fact.right.as_ref()
            } else {
                None
            };
            if let Some(span) = span.filter(|s| s.doc == doc.id) {
                fact_span(span, fact_line(pair, fact), &mut marks);
            }
        }
    }
    // A member is shown with its words diffed against the member it was compared with
    // as the right side; the pivot (only ever a left side) is shown as written, and so
    // is a translation: a word diff across two languages strikes out every word.
    let mut removals = Vec::new();
    if let Some(pair) = pairs
        .iter()
        .find(|p| p.right == doc.id && !p.cross_language)
        && let Some((inserted, removed)) = word_marks(pair, &joined.text)
    {
        marks.extend(inserted);
        removals = removed;
    }
    render_marked(out, &joined.text, &marks, &removals);
}

/// The insertions of a word diff as marks on the right text and its deletions as
/// removals, or `None` when the diff does not spell the right text exactly (then the
/// text is shown without diff rather than wrongly).
fn word_marks(pair: &PairDiff, right: &str) -> Option<(Vec<Mark>, Vec<Removal>)> {
    let mut marks = Vec::new();
    let mut removals = Vec::new();
    let mut at = 0;
    for piece in &pair.words {
        match piece.change {
            Change::Delete if piece.text.trim().is_empty() => {}
            Change::Delete => removals.push(Removal {
                at,
                text: piece.text.clone(),
            }),
            Change::Equal | Change::Insert => {
                let end = at + piece.text.len();
                if right.get(at..end) != Some(piece.text.as_str()) {
                    return None;
                }
                if piece.change == Change::Insert && !piece.text.trim().is_empty() {
                    marks.push(Mark {
                        start: at,
                        end,
                        class: "ins",
                        title: None,
                    });
                }
                at = end;
            }
        }
    }
    (at == right.len()).then_some((marks, removals))
}

/// The page title for an alignment: its document ids.
pub fn page_title(alignment: &Alignment) -> String {
    let ids: Vec<&str> = alignment.documents.iter().map(|d| d.id.as_str()).collect();
    format!("tandem review: {}", ids.join(", "))
}

#[cfg(test)]
mod tests;
