//! Alignment invariants (property tests), the seeds against the hand-made gold, and the
//! committed aligned/seeds.json.

mod common;

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use proptest::prelude::*;
use tandem::align::{self, ComparableOptions, ParallelOptions};
use tandem::eval::comparable;
use tandem::glossary::Glossary;
use tandem::{Document, DocumentOptions, Lang, read_path};

/// Each group as a set of (document id, sentence index).
fn group_sets(
    docs: &[Document],
    groups: &[align::SentenceGroup],
) -> BTreeSet<BTreeSet<(String, usize)>> {
    groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .flat_map(|(d, ss)| ss.iter().map(move |&s| (docs[*d].id.clone(), s)))
                .collect()
        })
        .collect()
}

fn comparable(docs: &[Document]) -> Vec<align::SentenceGroup> {
    align::align_comparable(docs, None, &ComparableOptions::default(), &|_, _, _| {})
}

/// Every sentence of every document is in exactly one group.
fn assert_partition(docs: &[Document], groups: &[align::SentenceGroup]) {
    let mut seen = HashSet::new();
    for g in groups {
        for (d, sentences) in &g.members {
            for &s in sentences {
                assert!(s < docs[*d].sentences.len());
                assert!(seen.insert((*d, s)), "sentence {d}/{s} in two groups");
            }
        }
    }
    let total: usize = docs.iter().map(|d| d.sentences.len()).sum();
    assert_eq!(seen.len(), total, "every sentence in a group");
}

/// Documents of made-up sentences, all distinct.
fn documents() -> impl Strategy<Value = Vec<Vec<String>>> {
    let word = proptest::sample::select(vec![
        "Regierung",
        "Kartell",
        "Mexiko",
        "Drohnen",
        "Labore",
        "Truppen",
        "Grenze",
        "Minister",
        "Angriff",
        "Plan",
        "sechs",
        "mehrere",
        "erklärte",
        "bestätigte",
        "plant",
        "fordert",
        "Washington",
        "Sicherheit",
        "Einsatz",
        "Bericht",
    ]);
    let sentence = proptest::collection::vec(word, 3..9);
    let document = proptest::collection::vec(sentence, 1..7);
    proptest::collection::vec(document, 1..4).prop_map(|docs| {
        let mut n = 0;
        docs.into_iter()
            .map(|doc| {
                doc.into_iter()
                    .map(|words| {
                        n += 1;
                        format!("{} Nummer{n}.", words.join(" "))
                    })
                    .collect()
            })
            .collect()
    })
}

fn build(docs: &[Vec<String>]) -> Vec<Document> {
    docs.iter()
        .enumerate()
        .map(|(i, sentences)| {
            Document::new(
                &format!("doc{i}.txt"),
                sentences.join(" "),
                DocumentOptions {
                    lang: Some(Lang::De),
                },
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn comparable_groups_partition_all_sentences(docs in documents()) {
        let docs = build(&docs);
        assert_partition(&docs, &comparable(&docs));
    }

    #[test]
    fn a_document_aligned_with_itself_gives_one_to_one_groups(docs in documents()) {
        let doc = build(&docs[..1]).remove(0);
        let mut copy = doc.clone();
        copy.id = "copy".into();
        let pair = [doc.clone(), copy.clone()];
        for g in comparable(&pair) {
            prop_assert_eq!(g.members.len(), 2, "{:?}", g);
            prop_assert_eq!(&g.members[0].1, &g.members[1].1);
        }
        let beads = align::align_pair(&doc, &copy, &ParallelOptions::default());
        for group in beads.groups {
            prop_assert_eq!(group.bead.as_deref(), Some("1-1"));
            prop_assert_eq!(&group.members[0].sentences, &group.members[1].sentences);
        }
    }

    #[test]
    fn alignments_written_pass_their_own_check(docs in documents()) {
        let docs = build(&docs);
        let written = align::comparable_alignment(&docs, &comparable(&docs));
        prop_assert_eq!(written.validate(), Ok(()));
        if let [source, target, ..] = docs.as_slice() {
            let beads = align::align_pair(source, target, &ParallelOptions::default());
            prop_assert_eq!(beads.validate(), Ok(()));
        }
    }

    #[test]
    fn input_order_does_not_change_the_groups(docs in documents()) {
        let forward = build(&docs);
        let mut backward = forward.clone();
        backward.reverse();
        prop_assert_eq!(group_sets(&forward, &comparable(&forward)), group_sets(&backward, &comparable(&backward)));
    }
}

fn seeds() -> Vec<Document> {
    read_folder("seeds")
}

/// The `.txt` documents of a folder of the repository, by file name.
fn read_folder(folder: &str) -> Vec<Document> {
    let mut paths: Vec<_> = std::fs::read_dir(common::root().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Document::from_input(read_path(p).unwrap(), DocumentOptions::default()))
        .collect()
}

#[test]
fn seeds_in_any_order_give_the_same_groups() {
    let glossary =
        tandem::glossary::read(&common::root().join("glossary/seeds.tsv"), None).unwrap();
    let run = |docs: &[Document]| {
        align::align_comparable(
            docs,
            Some(&glossary),
            &ComparableOptions::default(),
            &|_, _, _| {},
        )
    };
    let docs = seeds();
    let mut shuffled = docs.clone();
    shuffled.rotate_left(2);
    shuffled.swap(0, 1);
    let groups = run(&docs);
    assert_partition(&docs, &groups);
    assert_eq!(
        group_sets(&docs, &groups),
        group_sets(&shuffled, &run(&shuffled))
    );
}

/// Precision and recall of comparable mode against a hand-made gold of clear
/// cross-outlet pairs (`tests/fixtures/<gold>`), as `tandem eval comparable` scores
/// them. Prints the figures and returns them.
fn against_gold(docs: &[Document], glossary: Option<&Glossary>, gold: &str) -> (f64, f64) {
    let groups =
        align::align_comparable(docs, glossary, &ComparableOptions::default(), &|_, _, _| {});
    let gold = comparable::read_gold(&common::root().join("tests/fixtures").join(gold), docs)
        .expect("the gold fits its documents");
    let report = comparable::evaluate(docs, &groups, &gold);
    eprint!("{}", report.to_text(false));
    (report.precision, report.recall)
}

/// A fact told in one sentence by one outlet and in two by another: the second half
/// joins the group when it stands next to the first, and stays a row of its own when
/// four unrelated sentences lie between them.
#[test]
fn a_split_fact_joins_only_from_a_neighbouring_sentence() {
    let whole = vec![
        "Die Stadt Basel sperrt die alte Rheinbrücke ab Montag für Autos, Busse und \
         Lastwagen, weil Ingenieure Risse in drei Pfeilern gefunden haben."
            .to_string(),
        "Der Stadtrat berät am Donnerstag über die Kosten der Sanierung.".to_string(),
    ];
    let first = "Die Stadt Basel sperrt die alte Rheinbrücke ab Montag für Autos.";
    let second = "Auch Busse und Lastwagen dürfen nicht mehr fahren, denn Ingenieure haben \
                  Risse in drei Pfeilern gefunden.";
    let council = "Der Stadtrat berät am Donnerstag über die Kosten der Sanierung.";
    let fillers = [
        "Fußgänger dürfen die Brücke weiter benutzen.",
        "Die Fähre fährt häufiger.",
        "Die Polizei leitet den Verkehr um.",
    ];
    let near: Vec<String> = [first, second, council].map(String::from).to_vec();
    let far: Vec<String> = [first, council]
        .into_iter()
        .chain(fillers)
        .chain([second])
        .map(String::from)
        .collect();
    let group_of_first = |split: Vec<String>| {
        let docs = build(&[whole.clone(), split]);
        let groups = comparable(&docs);
        let group = groups
            .iter()
            .find(|g| g.members.iter().any(|(d, ss)| *d == 0 && ss.contains(&0)))
            .unwrap();
        group
            .members
            .iter()
            .find(|(d, _)| *d == 1)
            .map(|(_, ss)| ss.clone())
    };
    assert_eq!(group_of_first(near), Some(vec![0, 1]));
    assert_eq!(group_of_first(far), Some(vec![0]));
}

/// The seeds against their hand-made gold; the floors catch regressions.
#[test]
fn seeds_against_the_hand_made_gold() {
    let glossary =
        tandem::glossary::read(&common::root().join("glossary/seeds.tsv"), None).unwrap();
    let (precision, recall) = against_gold(&seeds(), Some(&glossary), "seeds_comparable_gold.json");
    assert!(recall >= 0.5, "recall {recall:.3} fell below the floor");
    assert!(
        precision >= PRECISION_FLOOR_SEEDS,
        "precision {precision:.3} fell below the floor"
    );
}

/// An invented story of `outlets` articles in `tests/fixtures/<folder>` against its
/// gold, with floors a little below the measured precision and recall.
fn story_against_gold(folder: &str, outlets: usize, floors: (f64, f64)) {
    let docs = read_folder(&format!("tests/fixtures/{folder}"));
    assert_eq!(docs.len(), outlets);
    let (precision, recall) = against_gold(&docs, None, &format!("{folder}_gold.json"));
    assert!(
        precision >= floors.0,
        "precision {precision:.3} fell below the floor"
    );
    assert!(
        recall >= floors.1,
        "recall {recall:.3} fell below the floor"
    );
}

/// An invented story (a bridge closed for cracks) told by four invented outlets, with
/// paraphrase, reordering, split facts and unrelated lines; written by the project so
/// that comparable mode is not fitted to the seeds alone.
#[test]
fn bridge_story_against_the_hand_made_gold() {
    story_against_gold("comparable_bridge", 4, (0.85, 0.65));
}

/// A third invented story (a river flood) told by five invented outlets, written by a
/// helper who never saw the aligner, and measured once without tuning (P 0.875, R
/// 0.712): the held-out check of comparable mode.
#[test]
fn flood_story_against_the_held_out_gold() {
    story_against_gold("comparable_flood", 5, (0.8, 0.65));
}

/// A floor a little below the measured figure (README, `tandem eval comparable`).
const PRECISION_FLOOR_SEEDS: f64 = 0.30;

#[test]
fn committed_seed_alignment_is_current() {
    let mut paths: Vec<String> = std::fs::read_dir(common::root().join("seeds"))
        .unwrap()
        .map(|e| format!("seeds/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    paths.sort();
    let out = common::tandem()
        .arg("align")
        .args(&paths)
        .args(["--glossary", "glossary/seeds.tsv"])
        .assert()
        .success();
    let committed = std::fs::read(common::root().join("aligned/seeds.json")).unwrap();
    assert!(
        out.get_output().stdout == committed,
        "aligned/seeds.json is stale: run `cargo run --release -- align seeds/*.txt --glossary glossary/seeds.tsv -o aligned/seeds.json`"
    );
    let alignment: tandem::export::Alignment = serde_json::from_slice(&committed).unwrap();
    assert_eq!(alignment.version, 1);
    assert!(Path::new(&alignment.documents[0].source).starts_with("seeds"));
}

#[test]
fn a_folder_stands_for_its_text_files() {
    let out = common::tandem()
        .args(["align", "seeds", "--glossary", "glossary/seeds.tsv"])
        .assert()
        .success();
    let committed = std::fs::read(common::root().join("aligned/seeds.json")).unwrap();
    assert!(out.get_output().stdout == committed);
    let empty = tempfile::tempdir().unwrap();
    common::tandem()
        .arg("align")
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no .txt files"));
}

/// `tandem eval comparable` reports what the library computes, and a gold that does
/// not fit its documents is an error naming the gold and the pair.
#[test]
fn eval_comparable_scores_a_gold_and_rejects_a_stale_one() {
    let out = common::tandem()
        .args([
            "eval",
            "comparable",
            "--format",
            "json",
            "--gold",
            "tests/fixtures/comparable_bridge_gold.json",
            "tests/fixtures/comparable_bridge",
        ])
        .assert()
        .success();
    let lines = common::json_lines(&out.get_output().stdout);
    let report = &lines[0]["report"];
    let docs = read_folder("tests/fixtures/comparable_bridge");
    let (precision, recall) = against_gold(&docs, None, "comparable_bridge_gold.json");
    assert_eq!(report["precision"].as_f64(), Some(precision));
    assert_eq!(report["recall"].as_f64(), Some(recall));
    assert_eq!(
        report["missed"].as_array().unwrap().len(),
        report["gold"].as_u64().unwrap() as usize - report["found"].as_u64().unwrap() as usize
    );

    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.json");
    std::fs::write(
        &gold,
        r#"{"pairs": [{"a": {"doc": "a_landbote", "starts_with": "Ein Satz, den es nicht gibt"},
                       "b": {"doc": "b_nachrichtendienst", "starts_with": "Wegen"}}]}"#,
    )
    .unwrap();
    common::tandem()
        .args(["eval", "comparable", "--gold"])
        .arg(&gold)
        .arg("tests/fixtures/comparable_bridge")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "gold.json: pair 1: no sentence of a_landbote",
        ));
}
