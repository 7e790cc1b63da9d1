//! `tandem diff` end to end, on the alignment of the seed articles and on small fixtures
//! written for these tests.

mod common;

use common::{root, tandem};
use predicates::prelude::*;
use tandem::diff::{DiffReport, FactKind};
use tandem::export::Alignment;

const SEEDS: &str = "aligned/seeds.json";
const FIXTURE: &str = "tests/fixtures/diff/two_outlets.json";

fn report(args: &[&str]) -> DiffReport {
    let out = tandem()
        .arg("diff")
        .args(["--format", "json"])
        .args(args)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("the report parses")
}

fn text(args: &[&str]) -> String {
    let out = tandem().arg("diff").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
}

fn seeds() -> Alignment {
    serde_json::from_str(&std::fs::read_to_string(root().join(SEEDS)).unwrap()).unwrap()
}

/// The input of a document as read (a BOM counted), to check offsets against.
fn input(alignment: &Alignment, doc: &str) -> Vec<u8> {
    let source = &alignment.document(doc).expect("a document").source;
    std::fs::read(root().join(source)).expect("the source is readable")
}

#[test]
fn several_against_six_is_a_number_difference_at_the_right_place() {
    let alignment = seeds();
    let report = report(&[SEEDS]);
    let found: Vec<_> = report
        .groups
        .iter()
        .flat_map(|g| &g.pairs)
        .filter(|p| p.left.starts_with("000_") && p.right.starts_with("002_"))
        .flat_map(|p| &p.facts)
        .filter(|f| f.kind == FactKind::Number)
        .filter_map(|f| Some((f.left.as_ref()?, f.right.as_ref()?, &f.message)))
        .filter(|(l, r, _)| l.text == "mehrere" && r.text == "sechs")
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one \"mehrere\" ≠ \"sechs\" between 000 and 002"
    );
    let (left, right, message) = found[0];
    assert_eq!(message, "\"mehrere\" ≠ \"sechs\"");
    assert_eq!(
        (left.value.as_str(), right.value.as_str()),
        ("several", "6")
    );
    for span in [left, right] {
        let bytes = input(&alignment, &span.doc);
        assert_eq!(
            &bytes[span.start..span.end],
            span.text.as_bytes(),
            "{span:?}"
        );
    }
}

#[test]
fn every_fact_of_the_seeds_points_into_its_input() {
    let alignment = seeds();
    for args in [
        &[SEEDS][..],
        &[SEEDS, "--pairwise"],
        &[SEEDS, "--glossary", "glossary/seeds.tsv"],
    ] {
        for group in report(args).groups {
            for pair in &group.pairs {
                for fact in &pair.facts {
                    for span in fact.left.iter().chain(&fact.right) {
                        let bytes = input(&alignment, &span.doc);
                        assert_eq!(&bytes[span.start..span.end], span.text.as_bytes());
                    }
                }
            }
        }
    }
}

#[test]
fn json_keeps_every_group_and_spells_both_texts() {
    let alignment = seeds();
    let report = report(&[SEEDS]);
    assert_eq!(report.version, 1);
    assert_eq!(
        report.pivot.as_deref(),
        Some(alignment.documents[0].id.as_str())
    );
    let ids: Vec<usize> = alignment.groups.iter().map(|g| g.id).collect();
    let reported: Vec<usize> = report.groups.iter().map(|g| g.group).collect();
    assert_eq!(reported, ids, "every group, in the alignment's order");
    for (group, diff) in alignment.groups.iter().zip(&report.groups) {
        for pair in &diff.pairs {
            let member = |doc: &str| group.members.iter().find(|m| m.doc == doc).unwrap();
            assert_eq!(pair.left_text(), alignment.member_text(member(&pair.left)));
            assert_eq!(
                pair.right_text(),
                alignment.member_text(member(&pair.right))
            );
        }
    }
}

#[test]
fn text_output_has_no_colour_when_piped_or_with_no_color() {
    let piped = text(&[SEEDS]);
    let no_color = {
        let out = tandem()
            .env("NO_COLOR", "1")
            .args(["diff", SEEDS])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    for out in [&piped, &no_color] {
        assert!(!out.contains('\u{1b}'), "an ANSI escape in piped output");
        assert!(
            out.contains("[-") && out.contains("{+"),
            "word diff brackets"
        );
    }
    assert_eq!(piped, no_color);
}

#[test]
fn text_output_shows_headers_word_diff_and_facts() {
    let out = text(&[FIXTURE]);
    let expected = "\
group 0 · score 0.41 · ratio 0.29
nord_de → sued_de · ratio 0.29
[-Am Dienstag stürmten 20.000 Polizisten sechs-]{+Die Polizei durchsuchte am Mittwoch mehrere+} Lagerhallen im Hafen{+ mit 20000 Beamten+}.
  number   \"sechs\" nord_de@40..45 ≠ \"mehrere\" sued_de@36..43
  weekday  \"Dienstag\" nord_de@3..11 ≠ \"Mittwoch\" sued_de@27..35

group 1 · score 0.77 · ratio 0.92
nord_de → sued_de · ratio 0.92
Der Innenminister sprach von einem [-großen -]Erfolg.

";
    assert_eq!(out, expected);
    // The fixture's inputs have what the offsets say.
    let nord = std::fs::read_to_string(root().join("tests/fixtures/diff/nord_de.txt")).unwrap();
    let sued = std::fs::read_to_string(root().join("tests/fixtures/diff/sued_de.txt")).unwrap();
    assert_eq!((&nord[40..45], &nord[3..11]), ("sechs", "Dienstag"));
    assert_eq!((&sued[36..43], &sued[27..35]), ("mehrere", "Mittwoch"));
}

#[test]
fn all_shows_groups_of_one_member() {
    let hidden = text(&[FIXTURE]);
    assert!(!hidden.contains("group 2 "));
    let all = text(&[FIXTURE, "--all"]);
    assert!(all.contains(
        "group 2 · score 0.00 · ratio 1.00\nnord_de: Die Opposition äußerte sich nicht.\n"
    ));
    // JSON keeps them without --all.
    assert_eq!(report(&[FIXTURE]).groups.len(), 3);
}

#[test]
fn ratio_filters_and_sort() {
    let all = report(&[SEEDS]);
    let low = report(&[SEEDS, "--max-ratio", "0.1"]);
    let high = report(&[SEEDS, "--min-ratio", "0.1"]);
    assert!(!low.groups.is_empty() && !high.groups.is_empty());
    assert!(low.groups.iter().all(|g| g.ratio <= 0.1));
    assert!(high.groups.iter().all(|g| g.ratio >= 0.1));
    let expected = all.groups.iter().filter(|g| g.ratio <= 0.1).count();
    assert_eq!(low.groups.len(), expected);
    let band = report(&[SEEDS, "--min-ratio", "0.05", "--max-ratio", "0.15"]);
    assert!(band.groups.iter().all(|g| (0.05..=0.15).contains(&g.ratio)));
    let sorted = report(&[SEEDS, "--sort", "ratio"]);
    assert_eq!(sorted.groups.len(), all.groups.len());
    assert!(sorted.groups.windows(2).all(|w| w[0].ratio <= w[1].ratio));
    // In text, sorted by ratio the most different group comes first.
    let out = text(&[SEEDS, "--sort", "ratio"]);
    let first = out.lines().next().unwrap();
    let lowest = sorted.groups.iter().find(|g| !g.pairs.is_empty()).unwrap();
    assert!(
        first.starts_with(&format!("group {} ·", lowest.group)),
        "{first}"
    );
}

#[test]
fn pivot_and_pairwise() {
    let pivot = "002_da13f683df3bbde4";
    let report_002 = report(&[SEEDS, "--pivot", pivot]);
    assert_eq!(report_002.pivot.as_deref(), Some(pivot));
    let alignment = seeds();
    for (group, diff) in alignment.groups.iter().zip(&report_002.groups) {
        let has = group
            .members
            .iter()
            .any(|m| m.doc == pivot && !m.sentences.is_empty());
        for pair in &diff.pairs {
            assert_eq!(pair.left == pivot, has, "group {}", group.id);
        }
    }
    let pairwise = report(&[SEEDS, "--pairwise"]);
    assert_eq!(pairwise.pivot, None);
    for (group, diff) in alignment.groups.iter().zip(&pairwise.groups) {
        let n = group
            .members
            .iter()
            .filter(|m| !m.sentences.is_empty())
            .count();
        let expected = if n < 2 { 0 } else { n * (n - 1) / 2 };
        assert_eq!(diff.pairs.len(), expected);
    }
}

#[test]
fn an_unknown_pivot_lists_the_documents() {
    tandem()
        .args(["diff", SEEDS, "--pivot", "999_none"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("999_none").and(predicate::str::contains(
                "000_7c7a039386e2d980, 001_2c4e72ae57a9902a",
            )),
        );
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diff.json");
    tandem()
        .args(["diff", FIXTURE, "--format", "json", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written: DiffReport =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written, report(&[FIXTURE]));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn bad_alignments_exit_2_naming_the_file_and_write_nothing() {
    for (fixture, says) in [
        ("truncated.json", "EOF while parsing"),
        ("unknown_document.json", "'west_de'"),
        ("sentence_out_of_range.json", "sentence 7"),
    ] {
        let path = format!("tests/fixtures/diff/{fixture}");
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("diff.txt");
        tandem()
            .args(["diff", &path, "-o"])
            .arg(&out)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(path.as_str()).and(predicate::str::contains(says)));
        assert!(!out.exists(), "{fixture}: nothing written");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
    tandem()
        .args(["diff", "tests/fixtures/diff/none.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("none.json"));
}

#[test]
fn html_is_the_review_page_of_the_groups_kept() {
    let all = tandem()
        .args(["diff", SEEDS, "--format", "html"])
        .assert()
        .success();
    let all = String::from_utf8(all.get_output().stdout.clone()).unwrap();
    assert!(all.starts_with("<!DOCTYPE html>"));
    assert!(all.contains("class=\"unmatched\""));
    let kept = tandem()
        .args(["diff", SEEDS, "--format", "html", "--min-score", "0.3"])
        .assert()
        .success();
    let kept = String::from_utf8(kept.get_output().stdout.clone()).unwrap();
    assert!(kept.matches("<tr id=").count() < all.matches("<tr id=").count());
}

/// The ratio filters were once named --min-score and --max-score, though they never
/// filtered on the score a group is printed with; the old names still work, as the
/// same filters.
#[test]
fn the_old_names_of_the_ratio_filters_still_work() {
    let new = report(&[SEEDS, "--min-ratio", "0.05", "--max-ratio", "0.15"]);
    let old = report(&[SEEDS, "--min-score", "0.05", "--max-score", "0.15"]);
    assert!(!new.groups.is_empty());
    assert_eq!(old, new);
    // What they filter on is the ratio, not the alignment score.
    assert!(new.groups.iter().any(|g| !(0.05..=0.15).contains(&g.score)));
    let help = tandem().args(["diff", "--help"]).assert().success();
    let help = String::from_utf8(help.get_output().stdout.clone()).unwrap();
    assert!(help.contains("--min-ratio <R>") && help.contains("not the alignment's \"score\""));
}

#[test]
fn usage_errors() {
    tandem()
        .args(["diff", SEEDS, "--min-score", "1.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--min-ratio"));
    tandem()
        .args([
            "diff",
            SEEDS,
            "--pivot",
            "000_7c7a039386e2d980",
            "--pairwise",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_glossary_compares_names_by_concept() {
    let report = report(&[SEEDS, "--glossary", "glossary/seeds.tsv"]);
    let entities: Vec<_> = report
        .groups
        .iter()
        .flat_map(|g| &g.pairs)
        .flat_map(|p| &p.facts)
        .filter(|f| f.kind == FactKind::Entity)
        .collect();
    assert!(!entities.is_empty());
    let glossary = std::fs::read_to_string(root().join("glossary/seeds.tsv")).unwrap();
    for fact in entities {
        for span in fact.left.iter().chain(&fact.right) {
            let concept = format!("\n{}\t", span.value);
            assert!(
                glossary.contains(&concept),
                "{} is a concept id",
                span.value
            );
        }
    }
}

#[test]
fn standard_input() {
    let json = std::fs::read(root().join(FIXTURE)).unwrap();
    tandem()
        .args(["diff", "-"])
        .write_stdin(json)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("group 0 · score 0.41"));
}

#[test]
fn a_translation_is_shown_as_written_with_its_facts() {
    let dir = tempfile::tempdir().unwrap();
    let aligned = common::translation_alignment(
        dir.path(),
        "Die Stadt hat 1.200 Stellen gestrichen.\n",
        "La ville a supprimé 1 300 postes.\n",
    );
    let out = tandem()
        .args(["diff", "-"])
        .write_stdin(aligned)
        .assert()
        .success();
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(out.starts_with("group 0 · score "), "{out}");
    assert!(!out.contains("ratio"), "{out}");
    assert!(out.contains("quelle → cible · translation\n"), "{out}");
    assert!(
        out.contains(
            "  Die Stadt hat 1.200 Stellen gestrichen.\n  La ville a supprimé 1 300 postes.\n"
        ),
        "{out}"
    );
    assert!(!out.contains("[-") && !out.contains("{+"), "{out}");
    assert!(out.contains("number   \"1.200\""), "{out}");
}
