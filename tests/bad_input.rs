//! Bad input: a clear error naming the file and position, exit code 2, no output file,
//! and never a panic; odd but valid input is segmented.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{json_lines, tandem};
use predicates::prelude::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `segment -o` on `files` and checks it fails with exit code 2, `message` on
/// standard error, and no output file.
fn fails_without_output(files: &[&str], message: &str) {
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("out.jsonl");
    tandem()
        .args(["segment", "--format", "json"])
        .args(files)
        .arg("-o")
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(message))
        .stderr(predicate::str::contains("panicked").not());
    assert_eq!(
        std::fs::read_dir(out_dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn invalid_utf8_names_file_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "latin1.txt", b"Stra\xdfe in M\xfcnchen");
    fails_without_output(&[&bad], &format!("{bad}: invalid UTF-8 at byte 4"));
}

#[test]
fn nul_bytes_are_binary() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    fails_without_output(&[&bad], &format!("{bad}: binary data (NUL byte) at byte 8"));
}

#[test]
fn folder_without_documents_and_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_string_lossy().into_owned();
    fails_without_output(&[&folder], "the folders given hold no .txt files");
    let missing = dir
        .path()
        .join("missing.txt")
        .to_string_lossy()
        .into_owned();
    fails_without_output(&[&missing], &format!("{missing}: No such file"));
}

#[test]
fn one_bad_file_among_good_ones_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", "Alles gut.".as_bytes());
    let bad = write(dir.path(), "bad.txt", b"\xff");
    let worse = write(dir.path(), "worse.txt", b"a\x00");
    fails_without_output(&[&good, &bad, &worse], "2 inputs could not be read");
    tandem()
        .args(["segment", &good, &bad])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("bad.txt: invalid UTF-8 at byte 0"));
}

#[test]
fn empty_file_is_an_empty_document() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let out = tandem()
        .args(["segment", "--format", "json", &empty])
        .assert()
        .success();
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs[0]["sentences"].as_array().unwrap().len(), 0);
}

#[test]
fn crlf_and_bom_offsets_point_into_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = "\u{feff}Titel\r\n\r\nErster Satz. Zweiter Satz.\r\n".as_bytes();
    let file = write(dir.path(), "crlf.txt", bytes);
    let out = tandem()
        .args(["segment", "--format", "json", &file])
        .assert()
        .success();
    let doc = &json_lines(&out.get_output().stdout)[0];
    let text = std::str::from_utf8(bytes).unwrap();
    let sentences = doc["sentences"].as_array().unwrap();
    let texts: Vec<&str> = sentences
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Titel", "Erster Satz.", "Zweiter Satz."]);
    assert_eq!(sentences[0]["start"], 3, "the BOM is counted");
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
    }
}

/// A 10 MB line of each shape must be segmented in linear time: at debug-build speed
/// well under the limit, where a quadratic pass would take hours.
#[test]
fn ten_megabyte_single_lines_finish_in_linear_time() {
    let ten_mb = 10 * 1024 * 1024;
    let shapes: [(&str, &str); 6] = [
        ("sentences", "Der Plan sieht Einsätze vor. "),
        ("no spaces", "abcdefghij"),
        ("spaced dots", " ."),
        ("list markers", "1. a. "),
        ("quotes", "„a“ \"b\" "),
        ("abbreviations", "z. B. Nr. 5 usw. "),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, unit) in shapes {
        let line = unit.repeat(ten_mb / unit.len());
        let file = write(dir.path(), "long.txt", line.as_bytes());
        let started = Instant::now();
        tandem()
            .args(["segment", "--lang", "de", "--format", "json", &file, "-o"])
            .arg(dir.path().join("out.jsonl"))
            .assert()
            .success();
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(60),
            "{name}: 10 MB took {took:?}"
        );
    }
}

/// A TBX file in Latin-1 said only "invalid UTF-8 at byte 201"; its declaration says
/// what to convert from.
#[test]
fn a_glossary_that_declares_another_encoding_is_named_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let tbx = write(
        dir.path(),
        "latin.tbx",
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tbx><text><body>Wei\xdfes Haus</body></text></tbx>\n",
    );
    tandem()
        .args(["glossary", "convert", &tbx, "-o"])
        .arg(dir.path().join("out.tsv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "latin.tbx: invalid UTF-8 at byte 64: the file declares encoding \"ISO-8859-1\"",
        ))
        .stderr(predicate::str::contains("iconv -f ISO-8859-1 -t UTF-8"));
    assert!(!dir.path().join("out.tsv").exists());
}
