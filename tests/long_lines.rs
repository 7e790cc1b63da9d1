//! Regressions from the hostile-input audit: one very long line or sentence, and the
//! glossary commands' outputs and hints, end to end.

mod common;

use common::tandem;

#[test]
fn detect_shows_a_line_long_fragment_shortened() {
    // A 30 MB line without spaces was quoted, shown and marked whole: 90 MB of report.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nospace.txt");
    std::fs::write(&input, "a".repeat(30_000)).unwrap();
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
