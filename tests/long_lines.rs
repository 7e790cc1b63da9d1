//! Regressions from the hostile-input audit: one very long line or sentence, and the
//! glossary commands' outputs and hints, end to end.

mod common;

use common::tandem;

#[test]
fn detect_on_a_line_without_spaces_gives_a_short_report() {
    // A 30 MB line without spaces was quoted, shown and marked whole: 90 MB of report.
    // Then, weighed in pieces of 64 KB, each piece was a "word" and a fragment.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nospace.txt");
    std::fs::write(&input, "a".repeat(3_000_000)).unwrap();
    let out = tandem()
        .arg("detect")
        .arg(&input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report = String::from_utf8(out).unwrap();
    assert!(report.contains(" fragment"), "{report}");
    assert!(report.len() < 2_000, "{} bytes of report", report.len());
    for line in report.lines() {
        assert!(line.chars().count() < 500, "{line}");
    }
}

#[test]
fn glossary_apply_to_stdout_keeps_the_changes_on_stderr() {
    // With `-o -` the change list was written into the rewritten text.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("t.txt");
    std::fs::write(&input, "Die Regierung von Sheinbaum und Casa Blanca.\n").unwrap();
    let run = |extra: &[&str]| {
        let assert = tandem()
            .args([
                "glossary",
                "apply",
                "glossary/seeds.tsv",
                "--mode",
                "translate",
            ])
            .arg(&input)
            .args(extra)
            .assert()
            .success();
        let out = assert.get_output();
        (out.stdout.clone(), out.stderr.clone())
    };
    let (text, changes) = run(&[]);
    assert!(!changes.is_empty(), "no change listed");
    assert_eq!(run(&["-o", "-"]), (text, changes));
}

#[test]
fn the_omegat_hint_is_a_command_that_works() {
    // `detect --glossary omg.txt` said to give `--from omegat:de-en`, which detect has
    // not. The hint is run as given.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("omg.txt"), "Weißes Haus\tWhite House\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), "Das Weiße Haus schweigt.\n").unwrap();
    let failed = tandem()
        .current_dir(dir.path())
        .args(["detect", "--glossary", "omg.txt", "a.txt"])
        .assert()
        .code(2);
    let message = String::from_utf8(failed.get_output().stderr.clone()).unwrap();
    let hint = message
        .split("tandem glossary convert")
        .nth(1)
        .unwrap_or_else(|| panic!("no command in {message}"));
    let args: Vec<&str> = hint.split_whitespace().collect();
    tandem()
        .current_dir(dir.path())
        .args(["glossary", "convert"])
        .args(&args)
        .assert()
        .success();
    tandem()
        .current_dir(dir.path())
        .args(["glossary", "apply", args[args.len() - 1], "a.txt"])
        .assert()
        .success();
}

/// Interrupted while it writes (Ctrl-C, `kill`), tandem removes its temporary file:
/// before, a `.out.jsonl.tandem-PID.tmp` as large as the output stayed beside it.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    // One long sentence: segmenting it takes seconds, with the output file open.
    std::fs::write(dir.path().join("long.txt"), "a".repeat(5_000_000)).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("tandem"))
        .current_dir(dir.path())
        .args(["segment", "--format", "json", "long.txt", "-o", "out.jsonl"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let temporary = || {
        common::listing(dir.path())
            .into_iter()
            .any(|name| name.ends_with(".tmp"))
    };
    let started = Instant::now();
    while !temporary() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "finished before its output was seen: make the input longer"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no output file"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "tandem: interrupted\n"
    );
    assert_eq!(common::listing(dir.path()), ["long.txt"]);
}
