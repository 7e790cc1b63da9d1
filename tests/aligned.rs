//! `aligned/` holds tandem's current output for the seeds: regenerating it must give the
//! committed bytes.

mod common;

fn seed_paths() -> Vec<String> {
    let mut paths: Vec<String> = std::fs::read_dir(common::root().join("seeds"))
        .unwrap()
        .map(|e| format!("seeds/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|p| p.ends_with(".txt"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn committed_sentences_are_current() {
    let out = common::tandem()
        .args(["segment", "--format", "json"])
        .args(seed_paths())
        .assert()
        .success();
    let committed = std::fs::read(common::root().join("aligned/sentences.jsonl")).unwrap();
    assert!(
        out.get_output().stdout == committed,
        "aligned/sentences.jsonl is stale: run \
         `cargo run --release -- segment --format json seeds/*.txt -o aligned/sentences.jsonl`"
    );
}
