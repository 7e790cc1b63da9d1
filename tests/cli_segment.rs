//! `tandem segment` end to end: JSON contract, text output, stdin, `-o`.

mod common;

use common::{json_lines, tandem};
use predicates::prelude::*;
use tandem::export::SegmentedDocument;

const SEED: &str = "seeds/001_2c4e72ae57a9902a.txt";

#[test]
fn json_output_follows_the_contract() {
    let out = tandem()
        .args(["segment", "--format", "json", SEED])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), 1);
    let doc = &lines[0];
    assert_eq!(doc["source"], SEED);
    assert_eq!(doc["lang"], "de");
    let text = std::fs::read_to_string(common::root().join(SEED)).unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 14);
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s["index"], i);
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
    }
    assert_eq!(sentences[13]["text"], "Be the first to comment");
}

#[test]
fn json_deserialises_into_the_library_type() {
    let out = tandem()
        .args(["segment", "--format", "json", "--lang", "es", "-"])
        .write_stdin("Hola. ¿Qué tal?")
        .assert()
        .success();
    let doc: SegmentedDocument = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(doc.source, "-");
    assert_eq!(doc.lang, tandem::Lang::Es);
    let texts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Hola.", "¿Qué tal?"]);
}

#[test]
fn reads_stdin_without_arguments() {
    tandem()
        .arg("segment")
        .write_stdin("Eins ist gut. Zwei ist besser.")
        .assert()
        .success()
        .stdout(predicate::str::contains("0  0..13  Eins ist gut.\n"))
        .stdout(predicate::str::contains("1  14..30  Zwei ist besser.\n"));
}

#[test]
fn one_json_line_per_document() {
    let out = tandem()
        .args([
            "segment",
            "--format",
            "json",
            SEED,
            "seeds/004_935d1833868f7eb5.txt",
        ])
        .assert()
        .success();
    let sources: Vec<_> = json_lines(&out.get_output().stdout)
        .iter()
        .map(|d| d["source"].clone())
        .collect();
    assert_eq!(sources, [SEED, "seeds/004_935d1833868f7eb5.txt"]);
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.jsonl");
    tandem()
        .args(["segment", "--format", "json", SEED, "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read(&target).unwrap();
    assert_eq!(json_lines(&written).len(), 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left"
    );
}

#[test]
fn lang_override_and_bad_lang() {
    tandem()
        .args(["segment", "--format", "json", "--lang", "nl", SEED])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"lang\":\"nl\""));
    tandem()
        .args(["segment", "--lang", "xx", SEED])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unsupported language 'xx'"));
}

#[test]
fn help_has_examples() {
    tandem()
        .args(["segment", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}
