//! Issue #7's scale target: `tandem review` on a folder of 1,000 synthetic articles in
//! under 30 s with less than 1 GB of memory. Slow, so opt-in and for release builds:
//! `cargo test --release --test review_scale -- --ignored --nocapture`.

#[path = "../benches/common/mod.rs"]
mod corpus;

use std::process::Command;

#[test]
#[ignore = "writes 1,000 articles and reviews them; run with --release -- --ignored"]
fn a_thousand_articles_in_under_thirty_seconds_and_a_gigabyte() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in corpus::articles::synthetic_articles(1_000) {
        std::fs::write(input.join(name), text).unwrap();
    }
    let out = dir.path().join("out");
    let report = dir.path().join("time.txt");
    let status = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%e %M")
        .arg("-o")
        .arg(&report)
        .arg(assert_cmd::cargo::cargo_bin!("tandem"))
        .arg("review")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .status()
        .expect("/usr/bin/time runs");
    assert!(status.success());
    let measured = std::fs::read_to_string(&report).unwrap();
    let mut fields = measured.split_whitespace();
    let seconds: f64 = fields.next().unwrap().parse().unwrap();
    let kilobytes: f64 = fields.next().unwrap().parse().unwrap();
    eprintln!(
        "1,000 articles: {seconds:.1} s, {:.0} MB peak resident memory",
        kilobytes / 1024.0
    );
    for file in [
        "articles.json",
        "articles.diff.json",
        "articles.findings.jsonl",
        "articles.html",
    ] {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    assert!(seconds < 30.0, "took {seconds} s");
    assert!(kilobytes < 1024.0 * 1024.0, "used {kilobytes} kB");
}
