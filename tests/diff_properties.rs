//! Invariants of the diff on generated alignments: the word pieces spell both members'
//! texts, ratios are shares, and every fact points at its text in the document's input
//! (through the sentence records), whatever the words, spacing and Unicode forms.

use std::sync::OnceLock;

use proptest::prelude::*;
use tandem::Lang;
use tandem::diff::{Change, DiffOptions, Pivot, diff_alignment};
use tandem::export::{AlignedDocument, Alignment, AlignmentMode, Group, Member, SentenceRecord};
use tandem::glossary::Glossary;

/// The glossary shipped for the seeds, whose names the generated sentences use.
fn glossary() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary/seeds.tsv");
        tandem::glossary::read(&path, None).expect("the shipped glossary reads")
    })
}

/// Pieces of news-like sentences, with the things the fact diff looks for and the
/// spellings that trip offsets up (decomposed accents, no-break spaces, line breaks).
const PIECES: &[&str] = &[
    "Die Regierung",
    "meldete",
    "the ministry said",
    "el gobierno",
    "sechs",
    "mehrere",
    "several",
    "varios",
    "20.000",
    "20,000",
    "1,5 Millionen",
    "2.5 billion",
    "97 Prozent",
    "97 %",
    "3. Januar",
    "January 3, 2025",
    "3 de enero de 2025",
    "2025-11-04",
    "im Jahr 2019",
    "am Dienstag",
    "on Tuesday",
    "el martes",
    "nicht",
    "didn’t",
    "no",
    "Claudia Sheinbaum",
    "Nicola\u{301}s Maduro",
    "Nicolás Maduro",
    "CIA",
    "DEA-Agenten",
    "US-Regierung",
    "„Wir sagen nein“,",
    "Soldaten",
    "Kartelle",
    "ßtraße",
    "über",
    "–",
    ",",
    ":",
    "(JSOC)",
    "🙂",
];

const SPACES: &[&str] = &[" ", " ", " ", "  ", "\u{a0}", "\n"];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(PIECES), prop::sample::select(SPACES)),
        1..12,
    )
    .prop_map(|words| {
        let mut text = String::new();
        for (i, (word, space)) in words.iter().enumerate() {
            if i > 0 {
                text.push_str(space);
            }
            text.push_str(word);
        }
        text.push('.');
        text
    })
}

/// A document: its language, its sentences, and the text between them.
fn document() -> impl Strategy<Value = (Lang, Vec<(String, &'static str)>)> {
    (
        prop::sample::select(vec![Lang::De, Lang::En, Lang::Es]),
        prop::collection::vec(
            (
                sentence(),
                prop::sample::select(&["\n", " ", "\n\n", "   "][..]),
            ),
            1..6,
        ),
    )
}

/// Documents, and for every sentence the group it goes to.
fn alignment() -> impl Strategy<Value = Alignment> {
    prop::collection::vec(document(), 2..5)
        .prop_flat_map(|docs| {
            let sentences: usize = docs.iter().map(|(_, s)| s.len()).sum();
            (Just(docs), prop::collection::vec(0usize..6, sentences))
        })
        .prop_map(|(docs, slots)| {
            let mut slots = slots.into_iter();
            let mut groups: Vec<Vec<Member>> = vec![Vec::new(); 6];
            let documents = docs
                .into_iter()
                .enumerate()
                .map(|(d, (lang, sentences))| {
                    let id = format!("{d:03}_doc");
                    let mut text = String::from("\u{feff}Titel\n\n");
                    let mut records = Vec::new();
                    for (index, (sentence, gap)) in sentences.into_iter().enumerate() {
                        let start = text.len();
                        text.push_str(&sentence);
                        records.push(SentenceRecord {
                            index,
                            start,
                            end: text.len(),
                            text: sentence,
                        });
                        text.push_str(gap);
                        let slot = slots.next().expect("a slot per sentence");
                        match groups[slot].iter_mut().find(|m| m.doc == id) {
                            Some(member) => member.sentences.push(index),
                            None => groups[slot].push(Member {
                                doc: id.clone(),
                                sentences: vec![index],
                            }),
                        }
                    }
                    AlignedDocument {
                        id,
                        source: format!("{d}.txt"),
                        lang,
                        sentences: records,
                    }
                })
                .collect();
            let groups = groups
                .into_iter()
                .filter(|members| !members.is_empty())
                .enumerate()
                .map(|(id, members)| Group {
                    id,
                    score: 0.5,
                    members,
                    bead: None,
                })
                .collect();
            Alignment {
                version: 1,
                mode: AlignmentMode::Comparable,
                documents,
                groups,
            }
        })
}

fn pivot() -> impl Strategy<Value = Pivot> {
    prop_oneof![
        Just(Pivot::First),
        Just(Pivot::Pairwise),
        Just(Pivot::Document("001_doc".into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pieces_spell_both_texts_and_facts_point_into_the_input(
        alignment in alignment(),
        pivot in pivot(),
        with_glossary in any::<bool>(),
    ) {
        prop_assert!(alignment.validate().is_ok());
        let glossary = with_glossary.then(glossary);
        let report = diff_alignment(&alignment, glossary, &DiffOptions { pivot });
        prop_assert_eq!(report.groups.len(), alignment.groups.len());
        for (group, diff) in alignment.groups.iter().zip(&report.groups) {
            prop_assert_eq!(group.id, diff.group);
            prop_assert!((0.0..=1.0).contains(&diff.ratio));
            let text_of = |doc: &str| {
                let member = group.members.iter().find(|m| m.doc == doc).expect("a member");
                alignment.member_text(member)
            };
            for pair in &diff.pairs {
                prop_assert!((0.0..=1.0).contains(&pair.ratio));
                prop_assert!(diff.ratio <= pair.ratio);
                prop_assert_eq!(pair.left_text(), text_of(&pair.left));
                prop_assert_eq!(pair.right_text(), text_of(&pair.right));
                prop_assert!(pair.words.iter().all(|w| !w.text.is_empty()));
                prop_assert!(
                    pair.words.windows(2).all(|w| w[0].change != w[1].change),
                    "adjacent pieces of one change are merged: {:?}", pair.words
                );
                for fact in &pair.facts {
                    prop_assert!(fact.left.is_some() || fact.right.is_some());
                    for (span, doc) in [(&fact.left, &pair.left), (&fact.right, &pair.right)] {
                        let Some(span) = span else { continue };
                        prop_assert_eq!(&span.doc, doc);
                        let document = alignment.document(doc).expect("the document");
                        let record = document
                            .sentences
                            .iter()
                            .find(|s| s.start <= span.start && span.end <= s.end);
                        prop_assert!(record.is_some(), "{:?} in no sentence", span);
                        let record = record.unwrap();
                        let (from, to) = (span.start - record.start, span.end - record.start);
                        prop_assert!(record.text.is_char_boundary(from));
                        prop_assert!(record.text.is_char_boundary(to));
                        prop_assert_eq!(&record.text[from..to], span.text.as_str());
                        // A fact is whole words: it does not cut one.
                        let before = record.text[..from].chars().next_back();
                        let after = record.text[to..].chars().next();
                        let (first, last) = (span.text.chars().next(), span.text.chars().next_back());
                        let cut = |a: Option<char>, b: Option<char>| {
                            a.zip(b).is_some_and(|(a, b)| a.is_alphanumeric() && b.is_alphanumeric())
                        };
                        prop_assert!(!cut(before, first) && !cut(last, after), "{:?} cuts a word", span);
                    }
                }
            }
        }
    }

    #[test]
    fn a_sentence_against_itself_is_equal(text in sentence(), lang in prop::sample::select(vec![Lang::De, Lang::En, Lang::Es])) {
        let document = |id: &str, start: usize| AlignedDocument {
            id: id.into(),
            source: format!("{id}.txt"),
            lang,
            sentences: vec![SentenceRecord { index: 0, start, end: start + text.len(), text: text.clone() }],
        };
        let alignment = Alignment {
            version: 1,
            mode: AlignmentMode::Comparable,
            documents: vec![document("a", 0), document("b", 7)],
            groups: vec![Group {
                id: 0,
                score: 1.0,
                members: vec![
                    Member { doc: "a".into(), sentences: vec![0] },
                    Member { doc: "b".into(), sentences: vec![0] },
                ],
                bead: None,
            }],
        };
        let report = diff_alignment(&alignment, None, &DiffOptions::default());
        let pair = &report.groups[0].pairs[0];
        prop_assert_eq!(pair.ratio, 1.0);
        prop_assert!(pair.facts.is_empty(), "{:?}", pair.facts);
        prop_assert_eq!(pair.words.len(), 1);
        prop_assert_eq!(pair.words[0].change, Change::Equal);
    }
}
