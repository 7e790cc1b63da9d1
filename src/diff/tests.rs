//! The differ on small alignments written for these tests.

use super::*;
use crate::export::{AlignedDocument, AlignmentMode, SentenceRecord};

/// An alignment of documents given as sentences (joined by a line break, so that
/// offsets in the document differ from offsets in a member's text) and groups given
/// as (document, sentence indices).
fn alignment(docs: &[(&str, Lang, &[&str])], groups: &[&[(&str, &[usize])]]) -> Alignment {
    let documents = docs
        .iter()
        .map(|&(id, lang, sentences)| {
            let mut at = 3; // a title line before the first sentence
            let records = sentences
                .iter()
                .enumerate()
                .map(|(index, text)| {
                    let record = SentenceRecord {
                        index,
                        start: at,
                        end: at + text.len(),
                        text: text.to_string(),
                    };
                    at = record.end + 1;
                    record
                })
                .collect();
            AlignedDocument {
                id: id.into(),
                source: format!("{id}.txt"),
                lang,
                sentences: records,
            }
        })
        .collect();
    let groups = groups
        .iter()
        .enumerate()
        .map(|(id, members)| Group {
            id,
            score: 0.5,
            members: members
                .iter()
                .map(|&(doc, sentences)| Member {
                    doc: doc.into(),
                    sentences: sentences.to_vec(),
                })
                .collect(),
            bead: None,
        })
        .collect();
    let alignment = Alignment {
        version: 1,
        mode: AlignmentMode::Comparable,
        documents,
        groups,
    };
    alignment.validate().expect("a valid test alignment");
    alignment
}

const A: &[&str] = &[
    "Das Ministerium nannte am Dienstag sechs Kartelle.",
    "Die Grenze bleibt offen.",
];
const B: &[&str] = &[
    "Die Grenze bleibt nicht offen.",
    "Das Ministerium nannte mehrere Kartelle.",
];
const C: &[&str] = &["Das Ministerium nannte sechs Kartelle."];

fn three() -> Alignment {
    alignment(
        &[("a", Lang::De, A), ("b", Lang::De, B), ("c", Lang::De, C)],
        &[
            &[("b", &[1]), ("a", &[0]), ("c", &[0])],
            &[("a", &[1]), ("b", &[0])],
        ],
    )
}

fn pairs(report: &DiffReport, group: usize) -> Vec<(&str, &str)> {
    report.groups[group]
        .pairs
        .iter()
        .map(|p| (p.left.as_str(), p.right.as_str()))
        .collect()
}

#[test]
fn the_first_document_is_the_pivot() {
    let report = diff_alignment(&three(), None, &DiffOptions::default());
    assert_eq!(report.pivot.as_deref(), Some("a"));
    assert_eq!(pairs(&report, 0), [("a", "b"), ("a", "c")]);
    assert_eq!(pairs(&report, 1), [("a", "b")]);
}

#[test]
fn a_chosen_pivot_and_every_pair() {
    let options = DiffOptions {
        pivot: Pivot::Document("c".into()),
    };
    let report = diff_alignment(&three(), None, &options);
    assert_eq!(pairs(&report, 0), [("c", "a"), ("c", "b")]);
    // Group 1 has no "c": its first member is the pivot.
    assert_eq!(pairs(&report, 1), [("a", "b")]);
    let options = DiffOptions {
        pivot: Pivot::Pairwise,
    };
    let report = diff_alignment(&three(), None, &options);
    assert_eq!(report.pivot, None);
    assert_eq!(pairs(&report, 0), [("a", "b"), ("a", "c"), ("b", "c")]);
}

#[test]
fn facts_point_into_the_documents() {
    let alignment = three();
    let report = diff_alignment(&alignment, None, &DiffOptions::default());
    let ab = &report.groups[0].pairs[0];
    let kinds: Vec<(FactKind, &str)> = ab
        .facts
        .iter()
        .map(|f| (f.kind, f.message.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (FactKind::Number, "\"sechs\" ≠ \"mehrere\""),
            (FactKind::Weekday, "only in a: \"Dienstag\""),
        ]
    );
    for fact in &ab.facts {
        for span in fact.left.iter().chain(&fact.right) {
            let doc = alignment.document(&span.doc).unwrap();
            let record = doc
                .sentences
                .iter()
                .find(|s| s.start <= span.start && span.end <= s.end)
                .expect("inside a sentence");
            assert_eq!(
                &record.text[span.start - record.start..span.end - record.start],
                span.text
            );
        }
    }
    // "sechs" in b's second sentence: after the title line and the first sentence.
    let right = ab.facts[0].right.as_ref().unwrap();
    assert_eq!(
        right.start,
        3 + B[0].len() + 1 + "Das Ministerium nannte ".len()
    );
    // a and c say the same apart from the weekday.
    let ac = &report.groups[0].pairs[1];
    assert_eq!(ac.facts.len(), 1);
    assert_eq!(ac.facts[0].kind, FactKind::Weekday);
    // The negation of group 1.
    let negation = &report.groups[1].pairs[0].facts;
    assert_eq!(negation.len(), 1);
    assert_eq!(negation[0].kind, FactKind::Negation);
    assert!(negation[0].left.is_none());
}

#[test]
fn members_of_several_sentences_are_joined_by_a_space() {
    let alignment = alignment(
        &[("a", Lang::De, A), ("b", Lang::De, B)],
        &[&[("a", &[0, 1]), ("b", &[1, 0])]],
    );
    let report = diff_alignment(&alignment, None, &DiffOptions::default());
    let pair = &report.groups[0].pairs[0];
    assert_eq!(
        pair.left_text(),
        alignment.member_text(&alignment.groups[0].members[0])
    );
    assert_eq!(
        pair.right_text(),
        alignment.member_text(&alignment.groups[0].members[1])
    );
}

#[test]
fn a_group_of_one_member_or_an_empty_side_has_no_pairs() {
    let alignment = alignment(
        &[
            ("a", Lang::De, A),
            ("b", Lang::En, &["The border stays open."]),
        ],
        &[&[("a", &[0]), ("b", &[])], &[("a", &[1])], &[("b", &[0])]],
    );
    let report = diff_alignment(&alignment, None, &DiffOptions::default());
    for group in &report.groups {
        assert!(group.is_unmatched());
        assert_eq!(group.ratio, 1.0);
    }
}

#[test]
fn pairs_in_two_languages_are_marked_cross_language_and_keep_their_word_diff() {
    let alignment = alignment(
        &[
            ("a", Lang::De, A),
            ("b", Lang::En, &["The border stays open."]),
            ("c", Lang::De, B),
        ],
        &[
            &[("a", &[1]), ("b", &[0]), ("c", &[0])],
            &[("a", &[0]), ("c", &[1])],
        ],
    );
    let report = diff_alignment(&alignment, None, &DiffOptions::default());
    let pairs = &report.groups[0].pairs;
    let cross: Vec<(&str, bool)> = pairs
        .iter()
        .map(|p| (p.right.as_str(), p.cross_language))
        .collect();
    assert_eq!(cross, [("b", true), ("c", false)]);
    // The JSON keeps its meaning: the words still spell both texts.
    assert_eq!(pairs[0].right_text(), "The border stays open.");
    let json = serde_json::to_value(&pairs[0]).unwrap();
    assert_eq!(json["cross_language"], true);
    // Reports written before the field read as one language.
    let mut old = json.clone();
    old.as_object_mut().unwrap().remove("cross_language");
    let old: PairDiff = serde_json::from_value(old).unwrap();
    assert!(!old.cross_language);
}

#[test]
fn the_same_text_is_equal_with_no_facts() {
    let alignment = alignment(
        &[("a", Lang::De, A), ("b", Lang::De, A)],
        &[&[("a", &[0]), ("b", &[0])], &[("a", &[1]), ("b", &[1])]],
    );
    let report = diff_alignment(&alignment, None, &DiffOptions::default());
    for group in &report.groups {
        let pair = &group.pairs[0];
        assert_eq!(pair.ratio, 1.0);
        assert!(pair.facts.is_empty());
        assert!(pair.words.iter().all(|w| w.change == Change::Equal));
    }
}

#[test]
fn glossary_names_compare_by_concept() {
    let glossary = crate::glossary::parse(
        std::path::Path::new("g.tsv"),
        "id\ttype\tlang\tterm\tstatus\tnote\n\
         claudia-sheinbaum\tperson\tde\tClaudia Sheinbaum\tpreferred\t\n\
         claudia-sheinbaum\tperson\tde\tSheinbaum\tadmitted\t\n\
         marco-rubio\tperson\tde\tMarco Rubio\tpreferred\t\n\
         marco-rubio\tperson\tde\tRubio\tadmitted\t\n",
        Some(crate::glossary::Format::Native),
    )
    .expect("glossary parses");
    let alignment = alignment(
        &[
            (
                "a",
                Lang::De,
                &[
                    "Präsidentin Claudia Sheinbaum traf Marco Rubio.",
                    "Sheinbaum lehnte ab.",
                ],
            ),
            (
                "b",
                Lang::De,
                &["Claudia Sheinbaum sprach.", "Auch Sheinbaum lehnte ab."],
            ),
        ],
        &[&[("a", &[1]), ("b", &[1])], &[("a", &[0]), ("b", &[0])]],
    );
    let report = diff_alignment(&alignment, Some(&glossary), &DiffOptions::default());
    // "Sheinbaum" (a short form, resolved by the full name elsewhere in the
    // document) is the same concept on both sides.
    assert!(
        report.groups[0].pairs[0].facts.is_empty(),
        "{:?}",
        report.groups[0]
    );
    let facts = &report.groups[1].pairs[0].facts;
    let values: Vec<(Option<&str>, Option<&str>)> = facts
        .iter()
        .map(|f| {
            (
                f.left.as_ref().map(|s| s.value.as_str()),
                f.right.as_ref().map(|s| s.value.as_str()),
            )
        })
        .collect();
    assert_eq!(values, [(Some("marco-rubio"), None)]);
    assert_eq!(facts[0].left.as_ref().unwrap().text, "Marco Rubio");
}

#[test]
fn a_glossary_concept_is_not_dropped_for_a_word_it_shares() {
    let glossary = crate::glossary::parse(
        std::path::Path::new("g.tsv"),
        "id\ttype\tlang\tterm\tstatus\tnote\n\
         white-house\torganisation\tde\tWeißes Haus\tpreferred\t\n",
        Some(crate::glossary::Format::Native),
    )
    .expect("glossary parses");
    let alignment = alignment(
        &[
            ("a", Lang::De, &["Das Weiße Haus schwieg am Montag."]),
            ("b", Lang::De, &["Im Haus blieb es am Montag still."]),
        ],
        &[&[("a", &[0]), ("b", &[0])]],
    );
    let report = diff_alignment(&alignment, Some(&glossary), &DiffOptions::default());
    let facts = &report.groups[0].pairs[0].facts;
    let values: Vec<Option<&str>> = facts
        .iter()
        .map(|f| f.left.as_ref().map(|s| s.value.as_str()))
        .collect();
    assert_eq!(values, [Some("white-house")], "{facts:?}");
}

#[test]
fn across_languages_facts_compare_by_value_and_names_need_a_glossary() {
    let alignment = alignment(
        &[
            (
                "de",
                Lang::De,
                &["Am 3. Januar schickte das Weiße Haus 20.000 Soldaten und sechs Drohnen."],
            ),
            (
                "en",
                Lang::En,
                &["On January 3, the White House sent 20,000 troops and seven drones."],
            ),
        ],
        &[&[("de", &[0]), ("en", &[0])]],
    );
    let report = diff_alignment(&alignment, None, &DiffOptions::default());
    let facts: Vec<(FactKind, &str)> = report.groups[0].pairs[0]
        .facts
        .iter()
        .map(|f| (f.kind, f.message.as_str()))
        .collect();
    assert_eq!(facts, [(FactKind::Number, "\"sechs\" ≠ \"seven\"")]);
}

#[test]
fn filters_and_order() {
    let group = |group: usize, ratio: f64, pairs: usize| GroupDiff {
        group,
        score: 0.5,
        ratio,
        pairs: (0..pairs)
            .map(|_| PairDiff {
                left: "a".into(),
                right: "b".into(),
                ratio,
                words: vec![],
                facts: vec![],
                cross_language: false,
            })
            .collect(),
    };
    let report = DiffReport {
        version: 1,
        pivot: None,
        groups: vec![
            group(0, 0.8, 1),
            group(1, 1.0, 0),
            group(2, 0.2, 2),
            group(3, 0.8, 1),
        ],
    };
    let ids = |r: &DiffReport| r.groups.iter().map(|g| g.group).collect::<Vec<_>>();
    let mut sorted = report.clone();
    sorted.sort_by_ratio();
    assert_eq!(ids(&sorted), [2, 0, 3, 1]);
    let mut matched = report.clone();
    matched.drop_unmatched();
    assert_eq!(ids(&matched), [0, 2, 3]);
    let mut band = report.clone();
    band.retain_ratio(Some(0.5), Some(0.9));
    assert_eq!(ids(&band), [0, 3]);
    let mut low = report;
    low.retain_ratio(None, Some(0.2));
    assert_eq!(ids(&low), [2]);
}

/// The facts that differ between two one-sentence documents of `lang`, as the text
/// report names them.
fn differing_facts(lang: Lang, a: &str, b: &str) -> Vec<String> {
    let alignment = alignment(
        &[("a", lang, &[a]), ("b", lang, &[b])],
        &[&[("a", &[0]), ("b", &[0])]],
    );
    let report = diff_alignment(&alignment, None, &DiffOptions::default());
    let pair = &report.groups[0].pairs[0];
    pair.facts
        .iter()
        .map(|f| format!("{} {}", f.kind.name(), f.message))
        .collect()
}

/// Asserts that two one-sentence documents of `lang` state the same facts.
fn assert_same_facts(lang: Lang, a: &str, b: &str) {
    let facts = differing_facts(lang, a, b);
    assert!(facts.is_empty(), "{a:?} / {b:?}: {facts:?}");
}

#[test]
fn a_name_that_starts_one_sentence_is_in_both() {
    assert_same_facts(
        Lang::De,
        "Am Montag sagte Olaf Scholz, die Lage sei ernst.",
        "Olaf Scholz sagte am Montag, die Lage sei ernst.",
    );
    assert_same_facts(
        Lang::En,
        "On Monday, Joe Biden said the situation was serious.",
        "Joe Biden said on Monday the situation was serious.",
    );
}

#[test]
fn a_surname_alone_names_the_same_person() {
    assert_same_facts(
        Lang::De,
        "Am Montag sagte Olaf Scholz, die Lage sei ernst.",
        "Am Montag sagte Scholz, die Lage sei ernst.",
    );
    assert_same_facts(
        Lang::En,
        "On Monday, Joe Biden said the situation was serious.",
        "Biden said on Monday the situation was serious.",
    );
    // Another person is still a difference, and so is a name the other side lacks.
    let other = differing_facts(
        Lang::De,
        "Am Montag sagte Olaf Scholz, die Lage sei ernst.",
        "Am Montag sagte Friedrich Merz, die Lage sei ernst.",
    );
    assert_eq!(other.len(), 2, "{other:?}");
    let lacking = differing_facts(
        Lang::De,
        "Am Montag sagte Olaf Scholz, die Lage sei ernst.",
        "Am Montag hieß es, die Lage sei ernst.",
    );
    assert_eq!(lacking.len(), 1, "{lacking:?}");
}

#[test]
fn a_weekday_with_a_part_of_the_day_is_that_weekday() {
    assert_same_facts(
        Lang::De,
        "Die Kommission tagte am Montagmorgen.",
        "Die Kommission tagte am Montag früh.",
    );
}

#[test]
fn thousands_set_apart_by_a_space_are_one_number() {
    for space in [" ", "\u{a0}", "\u{202f}"] {
        let a = format!("L'entreprise supprime 1{space}200 postes.");
        assert_same_facts(Lang::Fr, &a, "L'entreprise supprime 1200 postes.");
    }
}
