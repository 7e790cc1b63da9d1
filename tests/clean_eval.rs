//! `tandem eval clean` on the hand-annotated fixtures: the boilerplate rule must keep the
//! precision and recall it reaches today (the thresholds are what it genuinely reaches,
//! a little below, so that a regression fails this test).

mod common;

use common::{json_lines, tandem};
use predicates::prelude::*;

const SEEDS: &str = "tests/fixtures/clean/seeds_boilerplate.json";
const ARTICLES: &str = "tests/fixtures/clean/articles_boilerplate.json";
const HELDOUT: &str = "tests/fixtures/clean/heldout_boilerplate.json";

/// (precision, recall, f1) of each gold file, in the order given.
fn scores(gold: &[&str]) -> Vec<(f64, f64, f64)> {
    let out = tandem()
        .args(["eval", "clean", "--format", "json", "--gold"])
        .args(gold)
        .assert()
        .success();
    json_lines(&out.get_output().stdout)
        .iter()
        .map(|line| {
            let total = &line["report"]["total"];
            (
                total["precision"].as_f64().unwrap(),
                total["recall"].as_f64().unwrap(),
                total["f1"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn boilerplate_lines_are_found_in_every_fixture() {
    let found = scores(&[SEEDS, ARTICLES, HELDOUT]);
    let [seeds, articles, heldout] = found[..] else {
        panic!("three reports: {found:?}");
    };
    // The seeds: every boilerplate line, no article line.
    assert!(seeds.0 >= 0.99 && seeds.1 >= 0.99, "seeds {seeds:?}");
    // The articles the cue lists were tuned on.
    assert!(
        articles.0 >= 0.97 && articles.1 >= 0.95,
        "articles {articles:?}"
    );
    // Articles written after tuning: precision stays high, recall is lower.
    assert!(
        heldout.0 >= 0.95 && heldout.1 >= 0.80,
        "held-out {heldout:?}"
    );
}

#[test]
fn text_report_and_min_f1() {
    tandem()
        .args(["eval", "clean", "--gold", SEEDS])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "5 documents: precision 1.000 (22/22), recall 1.000 (22/22), F1 1.000",
        ));
    // An F1 nobody reaches fails the command.
    tandem()
        .args(["eval", "clean", "--min-f1", "0.999", "--gold", HELDOUT])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("missed (boilerplate kept):"))
        .stderr(predicate::str::contains(
            "heldout_boilerplate.json: F1 0.913 is below --min-f1 0.999",
        ));
}

#[test]
fn a_missing_gold_file_is_an_input_error() {
    tandem()
        .args(["eval", "clean", "--gold", "tests/fixtures/clean/none.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("none.json"));
}
