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
