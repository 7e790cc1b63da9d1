//! `tandem export` end to end: the CLI writes exactly what the library renders, to
//! standard output or atomically to `-o`, and a bad alignment writes nothing.

mod common;

use common::{PARALLEL, SEEDS, load_alignment as load};
use common::{listing, root, tandem};
use predicates::prelude::*;
use tandem::export::{TmxOptions, to_tmx, to_tsv};

fn stdout_of(args: &[&str]) -> String {
    let out = tandem().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn tmx_of_the_parallel_fixture() {
    let tmx = stdout_of(&["export", PARALLEL, "--to", "tmx"]);
    assert_eq!(tmx, to_tmx(&load(PARALLEL), &TmxOptions::default()));
    assert!(tmx.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"));
    assert!(tmx.contains("srclang=\"de\""));
    assert_eq!(tmx.matches("<tu ").count(), 14);
    assert_eq!(tmx.matches("<tuv xml:lang=\"de\">").count(), 14);
    assert_eq!(tmx.matches("<tuv xml:lang=\"en\">").count(), 14);
    assert!(tmx.contains("<seg>The White House announced new tariffs.</seg>"));
}

#[test]
fn tsv_of_the_parallel_fixture() {
    let tsv = stdout_of(&["export", PARALLEL, "--to", "tsv"]);
    assert_eq!(tsv, to_tsv(&load(PARALLEL)));
    assert!(tsv.starts_with(
        "Das Weiße Haus kündigte neue Zölle an.\tThe White House announced new tariffs.\n"
    ));
}

#[test]
fn the_seed_alignment_in_both_formats() {
    let alignment = load(SEEDS);
    let tmx = stdout_of(&["export", SEEDS, "--to", "tmx"]);
    assert_eq!(tmx, to_tmx(&alignment, &TmxOptions::default()));
    let matched = alignment
        .groups
        .iter()
        .filter(|g| g.members.len() >= 2)
        .count();
    assert_eq!(tmx.matches("<tu ").count(), matched);
    let tsv = stdout_of(&["export", SEEDS, "--to", "tsv"]);
    assert_eq!(tsv, to_tsv(&alignment));
    assert_eq!(tsv.lines().count(), alignment.groups.len());
    assert!(tsv.lines().all(|row| row.split('\t').count() == 5));
}

#[test]
fn output_file_holds_what_stdout_would() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds.tmx");
    tandem()
        .args(["export", SEEDS, "--to", "tmx", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, stdout_of(&["export", SEEDS, "--to", "tmx"]));
    assert_eq!(
        listing(dir.path()),
        ["seeds.tmx"],
        "no temporary file is left"
    );
}

#[test]
fn alignment_from_standard_input() {
    let json = std::fs::read_to_string(root().join(PARALLEL)).unwrap();
    let out = tandem()
        .args(["export", "-", "--to", "tsv"])
        .write_stdin(json)
        .assert()
        .success();
    assert_eq!(out.get_output().stdout, to_tsv(&load(PARALLEL)).as_bytes());
}

/// Runs `tandem export` on `json` (written to a file) with `-o` pointing at a file that
/// already exists; checks that it fails with exit code 2, says `needle` and names the
/// input, and leaves the folder as it was.
fn fails_without_writing(json: &str, needle: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.alignment.json");
    std::fs::write(&input, json).unwrap();
    let out = dir.path().join("out.tmx");
    std::fs::write(&out, "old contents").unwrap();
    for to in ["tmx", "tsv"] {
        tandem()
            .args(["export", "--to", to])
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("bad.alignment.json"))
            .stderr(predicate::str::contains(needle));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old contents");
        assert_eq!(listing(dir.path()), ["bad.alignment.json", "out.tmx"]);
    }
}

#[test]
fn invalid_json_exits_2_and_writes_nothing() {
    fails_without_writing(
        "{\"version\": 1, \"mode\": \"parallel\", \"documents\": [",
        "bad.alignment.json:1:49: EOF",
    );
    fails_without_writing("not json at all", "bad.alignment.json:1:2:");
}

#[test]
fn a_member_naming_an_unknown_document_exits_2_and_writes_nothing() {
    let json = r#"{"version": 1, "mode": "comparable",
      "documents": [{"id": "a", "source": "a.txt", "lang": "de",
                     "sentences": [{"index": 0, "start": 0, "end": 5, "text": "Hallo"}]}],
      "groups": [{"id": 0, "score": 1.0, "members": [
        {"doc": "a", "sentences": [0]}, {"doc": "ghost", "sentences": [0]}]}]}"#;
    fails_without_writing(json, "'ghost'");
}

#[test]
fn a_sentence_the_document_lacks_exits_2() {
    let json = r#"{"version": 1, "mode": "comparable",
      "documents": [{"id": "a", "source": "a.txt", "lang": "de", "sentences": []}],
      "groups": [{"id": 7, "score": 0.0, "members": [{"doc": "a", "sentences": [3]}]}]}"#;
    fails_without_writing(json, "sentence 3");
}

#[test]
fn a_missing_alignment_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.tsv");
    tandem()
        .args(["export", "no/such/alignment.json", "--to", "tsv", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/alignment.json"));
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn html_is_the_review_page_with_glossary_entities() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.html");
    tandem()
        .args(["export", "aligned/seeds.json", "--to", "html"])
        .args(["--glossary", "glossary/seeds.tsv", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<th>000_7c7a039386e2d980"));
    assert!(html.contains("class=\"entity\" title=\"glossary: "));
    assert!(html.contains("<tr id=\"g0\""));
}

#[test]
fn hostile_text_is_escaped_through_diff_and_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.html");
    tandem()
        .args([
            "export",
            "tests/fixtures/export/hostile_parallel.alignment.json",
        ])
        .args(["--to", "html", "-o"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(&out).unwrap();
    let input = std::fs::read_to_string(
        root().join("tests/fixtures/export/hostile_parallel.alignment.json"),
    )
    .unwrap();
    assert!(input.contains("<script>alert(1)</script>") && input.contains("\\\"onmouseover="));
    assert!(!html.contains("<script>alert"), "a script tag survived");
    assert!(
        !html.contains("\"onmouseover="),
        "an attribute break survived"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;onmouseover="));
}

#[test]
fn a_glossary_is_refused_outside_html() {
    tandem()
        .args([
            "export",
            PARALLEL,
            "--to",
            "tmx",
            "--glossary",
            "glossary/seeds.tsv",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "--glossary is only used with --to html",
        ));
}
