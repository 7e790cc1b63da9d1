use super::*;
use crate::Lang;
use crate::diff::{FactDifference, FactKind, WordChange};
use crate::export::{AlignmentMode, SentenceRecord};

fn doc(id: &str, sentences: &[&str]) -> AlignedDocument {
    let mut records = Vec::new();
    let mut at = 0;
    for (index, text) in sentences.iter().enumerate() {
        records.push(SentenceRecord {
            index,
            start: at,
            end: at + text.len(),
            text: text.to_string(),
        });
        at += text.len() + 1;
    }
    AlignedDocument {
        id: id.into(),
        source: format!("{id}.txt"),
        lang: Lang::De,
        sentences: records,
    }
}

fn member(doc: &str, sentences: &[usize]) -> Member {
    Member {
        doc: doc.into(),
        sentences: sentences.to_vec(),
    }
}

fn words(pieces: &[(Change, &str)]) -> Vec<WordChange> {
    pieces
        .iter()
        .map(|&(change, text)| WordChange {
            change,
            text: text.into(),
        })
        .collect()
}

/// Two documents: a matched pair (with a number that differs) and an unmatched sentence.
fn fixture() -> (Alignment, DiffReport) {
    let a = doc("a", &["Es gibt sechs Kartelle.", "Nur hier."]);
    let b = doc("b", &["Es gibt mehrere Kartelle."]);
    let alignment = Alignment {
        version: 1,
        mode: AlignmentMode::Comparable,
        documents: vec![a, b],
        groups: vec![
            Group {
                id: 0,
                score: 0.5,
                members: vec![member("a", &[0]), member("b", &[0])],
                bead: None,
            },
            Group {
                id: 1,
                score: 0.0,
                members: vec![member("a", &[1])],
                bead: None,
            },
        ],
    };
    let span = |doc: &str, start: usize, text: &str, value: &str| FactSpan {
        doc: doc.into(),
        start,
        end: start + text.len(),
        text: text.into(),
        value: value.into(),
    };
    let diff = DiffReport {
        version: 1,
        pivot: Some("a".into()),
        groups: vec![
            GroupDiff {
                group: 0,
                score: 0.5,
                ratio: 0.75,
                pairs: vec![PairDiff {
                    left: "a".into(),
                    right: "b".into(),
                    ratio: 0.75,
                    words: words(&[
                        (Change::Equal, "Es gibt "),
                        (Change::Delete, "sechs"),
                        (Change::Insert, "mehrere"),
                        (Change::Equal, " Kartelle."),
                    ]),
                    facts: vec![FactDifference {
                        kind: FactKind::Number,
                        left: Some(span("a", 8, "sechs", "6")),
                        right: Some(span("b", 8, "mehrere", "several")),
                        message: "\"sechs\" ≠ \"mehrere\"".into(),
                    }],
                }],
            },
            GroupDiff {
                group: 1,
                score: 0.0,
                ratio: 1.0,
                pairs: vec![],
            },
        ],
    };
    (alignment, diff)
}

fn render(alignment: &Alignment, diff: &DiffReport, annotations: &[Annotation]) -> String {
    render_html(&ReviewPage {
        title: "test",
        alignment,
        diff,
        annotations,
    })
}

#[test]
fn rows_show_the_diff_facts_and_unmatched_sentences() {
    let (alignment, diff) = fixture();
    let html = render(&alignment, &diff, &[]);
    assert!(html.contains("<tr id=\"g0\" class=\"matched\""));
    assert!(html.contains("<tr id=\"g1\" class=\"unmatched\""));
    // The pivot as written, with its fact marked.
    assert!(html.contains("Es gibt <span class=\"fact\" title=\"&quot;sechs&quot; ≠ &quot;mehrere&quot;\">sechs</span> Kartelle."));
    // The other member: the deletion struck through, the insertion marked as both.
    assert!(
        html.contains("Es gibt <del>sechs</del><span class=\"fact ins\""),
        "{html}"
    );
    assert!(html.contains("<li>&quot;sechs&quot; ≠ &quot;mehrere&quot;</li>"));
    // b has nothing in the unmatched group.
    assert!(html.contains("Nur hier.</td><td class=\"absent\"></td></tr>"));
}

#[test]
fn a_diff_that_does_not_spell_the_text_is_not_shown() {
    let (alignment, mut diff) = fixture();
    diff.groups[0].pairs[0].words[3].text = " Banden.".into();
    let html = render(&alignment, &diff, &[]);
    assert!(!html.contains("<del>sechs"));
    assert!(html.contains("Es gibt <span class=\"fact\""));
}

#[test]
fn annotations_are_marked_across_joined_sentences() {
    let (mut alignment, mut diff) = fixture();
    alignment.groups[0].members[0].sentences = vec![0, 1];
    alignment.groups.pop();
    diff.groups.pop();
    diff.groups[0].pairs.clear();
    let annotations = [Annotation {
        doc: "a".into(),
        start: 24,
        end: 28,
        kind: AnnotationKind::Foreign,
        label: "es".into(),
    }];
    let html = render(&alignment, &diff, &annotations);
    assert!(
        html.contains("Kartelle. <span class=\"foreign\" title=\"es\">Nur </span>hier."),
        "{html}"
    );
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let hostile = "<script>alert(1)</script> \"onmouseover=alert(2) '";
    let (mut alignment, mut diff) = fixture();
    alignment.documents[0].id = hostile.into();
    alignment.documents[0].source = hostile.into();
    alignment.groups[1].members[0].doc = hostile.into();
    alignment.documents[0].sentences[1].text = hostile.into();
    diff.groups[0].pairs[0].facts[0].message = hostile.into();
    let annotations = [Annotation {
        doc: hostile.into(),
        start: 24,
        end: 30,
        kind: AnnotationKind::Finding,
        label: hostile.into(),
    }];
    let html = render_html(&ReviewPage {
        title: hostile,
        alignment: &alignment,
        diff: &diff,
        annotations: &annotations,
    });
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("\"onmouseover"));
    assert!(!html.contains("alert(2) '"), "a single quote survived");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2) &#39;")
    );
}

#[test]
fn the_page_needs_nothing_from_outside() {
    let (alignment, diff) = fixture();
    let html = render(&alignment, &diff, &[]);
    for outside in ["http:", "https:", "src=", "href=", "@import", "url("] {
        assert!(!html.contains(outside), "the page refers to {outside}");
    }
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn many_documents_are_listed_in_rows_not_columns() {
    let (mut alignment, diff) = fixture();
    for i in 0..MAX_COLUMNS {
        alignment.documents.push(doc(&format!("extra{i}"), &[]));
    }
    let html = render(&alignment, &diff, &[]);
    assert!(html.contains("<th>members</th>"));
    assert!(!html.contains("class=\"absent\""));
    assert!(html.contains(
        "<div class=\"stacked\"><b>b</b> <span class=\"idx\">#0</span>Es gibt <del>sechs</del>"
    ));
}

#[test]
fn a_deletion_and_its_replacement_are_set_apart() {
    let (alignment, diff) = fixture();
    let html = render(&alignment, &diff, &[]);
    // The markup has them touching ("sechs" struck through, then "mehrere")...
    assert!(html.contains("<del>sechs</del><span class=\"fact ins\""));
    // ...so the page's style must keep them apart.
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    let rule = style
        .lines()
        .find(|line| line.starts_with("del {"))
        .expect("a rule for deletions");
    assert!(rule.contains("margin-right: 0.3em"), "{rule}");
}
