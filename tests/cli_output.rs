//! `-o`: output files are replaced atomically, but a pipe or device named as output is
//! written into, never replaced, and a link to a file is written through.
#![cfg(unix)]

mod common;

use common::{listing, tandem};
use std::os::unix::fs::FileTypeExt;

const SEED: &str = "seeds/001_2c4e72ae57a9902a.txt";

#[test]
fn a_named_pipe_is_written_into_and_stays_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo failed");
    // Opening a pipe for writing waits for a reader: read it on another thread.
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    tandem()
        .args(["detect", "--format", "json", SEED, "-o"])
        .arg(&fifo)
        .assert()
        .success();
    // Checked before joining: a replaced pipe never gets a writer, and the reader would
    // wait for ever.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by {kind:?}");
    let received = reader.join().unwrap();
    let doc: serde_json::Value = serde_json::from_str(received.lines().next().unwrap()).unwrap();
    assert_eq!(doc["lang"], "de");
    assert_eq!(
        listing(dir.path()),
        ["out.fifo"],
        "a temporary file was left"
    );
}

#[test]
fn a_link_to_a_file_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    tandem()
        .args(["detect", "--format", "json", SEED, "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(
        written.starts_with('{'),
        "real file not rewritten: {written}"
    );
    assert_eq!(listing(dir.path()), ["link.json", "real.json"]);
}

#[test]
fn a_directory_as_output_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    tandem()
        .args(["detect", SEED, "-o"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            dir.path().to_string_lossy().as_ref(),
        ));
    assert!(listing(dir.path()).is_empty());
}
