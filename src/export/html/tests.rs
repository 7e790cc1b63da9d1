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
                    cross_language: false,
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
    assert!(html.contains("Es gibt <span class=\"fact\" title=\"a → b: &quot;sechs&quot; ≠ &quot;mehrere&quot;\">sechs</span> Kartelle."));
    // The other member: the deletion struck through, the insertion marked as both.
    assert!(
        html.contains(
            "Es gibt <del>sechs</del><span class=\"gap\"> </span><span class=\"fact ins\""
        ),
        "{html}"
    );
    assert!(html.contains("<li>a → b: &quot;sechs&quot; ≠ &quot;mehrere&quot;</li>"));
    // b has nothing in the unmatched group.
    assert!(html.contains("Nur hier.</td><td class=\"absent\"></td></tr>"));
}

#[test]
fn fact_lines_name_both_documents_of_their_pair() {
    let (mut alignment, mut diff) = fixture();
    alignment.documents.push(doc("c", &["Es gibt Kartelle."]));
    alignment.groups[0].members.push(member("c", &[0]));
    // "sechs" is only in a, against b and against c: two lines, told apart by the pair.
    let only_in_a = |right: &str| {
        let mut pair = diff.groups[0].pairs[0].clone();
        pair.right = right.into();
        pair.facts[0].right = None;
        pair.facts[0].message = "only in a: \"sechs\"".into();
        pair
    };
    diff.groups[0].pairs = vec![only_in_a("b"), only_in_a("c")];
    let html = render(&alignment, &diff, &[]);
    assert!(
        html.contains(
            "<ul class=\"facts\"><li>a → b: &quot;sechs&quot; ≠ –</li>\
             <li>a → c: &quot;sechs&quot; ≠ –</li></ul>"
        ),
        "{html}"
    );
}

#[test]
fn a_translation_is_shown_as_written_with_its_facts() {
    let (mut alignment, mut diff) = fixture();
    alignment.documents[1].lang = Lang::Fr;
    alignment.documents[1].sentences[0].text = "Il y a plusieurs cartels.".into();
    let pair = &mut diff.groups[0].pairs[0];
    pair.cross_language = true;
    pair.words = words(&[
        (Change::Delete, "Es gibt sechs Kartelle."),
        (Change::Insert, "Il y a plusieurs cartels."),
    ]);
    let right = pair.facts[0].right.as_mut().unwrap();
    (right.start, right.end, right.text) = (7, 16, "plusieurs".into());
    let html = render(&alignment, &diff, &[]);
    // No source struck through and no translation marked as inserted...
    assert!(!html.contains("<del>Es gibt"), "{html}");
    assert!(!html.contains("<span class=\"ins\">Il"), "{html}");
    // ...but the fact that differs is marked and listed.
    assert!(
        html.contains("Il y a <span class=\"fact\" title=\"a → b: &quot;sechs&quot; ≠ &quot;plusieurs&quot;\">plusieurs</span> cartels."),
        "{html}"
    );
    assert!(html.contains("<li>a → b: &quot;sechs&quot; ≠ &quot;plusieurs&quot;</li>"));
    // With no word diff on the page, the controls and legend of word diffs are left out.
    for gone in [
        "id=\"max-ratio\"",
        "id=\"hide-deletions\"",
        "only in the pivot",
        "similarity",
    ] {
        assert!(!html.contains(gone), "{gone}: {html}");
    }
    assert!(html.contains("id=\"min-score\"") && html.contains("id=\"hide-unmatched\""));
}

#[test]
fn a_page_with_word_diffs_has_their_controls() {
    let (alignment, diff) = fixture();
    let html = render(&alignment, &diff, &[]);
    for control in [
        "id=\"max-ratio\"",
        "id=\"hide-deletions\"",
        "only in the pivot",
    ] {
        assert!(html.contains(control), "{control}: {html}");
    }
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
fn a_deletion_and_its_replacement_are_apart_in_text_and_the_gap_hides_with_it() {
    let (alignment, diff) = fixture();
    let html = render(&alignment, &diff, &[]);
    // A space, not a margin: a line may break there and copied text has two words.
    assert!(html.contains("<del>sechs</del><span class=\"gap\"> </span><span class=\"fact ins\""));
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    let hidden = style
        .lines()
        .find(|line| line.starts_with("body.no-del del"))
        .expect("a rule hiding deletions");
    assert!(hidden.contains("body.no-del .gap"), "{hidden}");
    // No margin on top of the space: one gap, not two.
    let del = style.lines().find(|line| line.starts_with("del {"));
    assert!(!del.expect("a rule for deletions").contains("margin"));
}
