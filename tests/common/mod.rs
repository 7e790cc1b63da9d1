//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `tandem` binary with a cleared environment and the repository root as working
/// directory, so that tests do not depend on the caller's shell.
pub fn tandem() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("tandem"));
    cmd.env_clear().current_dir(root());
    cmd
}

/// The names in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The shared benchmark folder, or `None` (with a message) when this clone has none.
pub fn bench_dir(what: &str) -> Option<PathBuf> {
    let dir = root().join("../shared/bench");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping {what}: ../shared/bench is not present in this clone");
        None
    }
}

/// Fixture alignments the export tests share.
pub const HOSTILE: &str = "tests/fixtures/export/hostile_parallel.alignment.json";
pub const MIXED: &str = "tests/fixtures/export/mixed_comparable.alignment.json";
pub const PARALLEL: &str = "tests/fixtures/parallel_de_en.alignment.json";
pub const SEEDS: &str = "aligned/seeds.json";

/// Reads the alignment JSON at `path` (relative to the repository root) and checks it
/// with [`tandem::export::Alignment::validate`].
pub fn load_alignment(path: &str) -> tandem::export::Alignment {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let alignment: tandem::export::Alignment = serde_json::from_str(&text).unwrap();
    alignment.validate().unwrap();
    alignment
}

/// `tandem clean --fix` of `text`, a document in `lang`, with `glossary`, written as
/// `name` into `dir`: the cleaned text.
pub fn fixed_with_glossary(
    text: &str,
    lang: &str,
    glossary: &Path,
    dir: &Path,
    name: &str,
) -> String {
    let input = dir.join(name);
    std::fs::write(&input, text).unwrap();
    let cleaned = dir.join(format!("{name}.cleaned"));
    tandem()
        .args(["clean", "--fix", "--lang", lang, "--glossary"])
        .arg(glossary)
        .arg("-o")
        .arg(&cleaned)
        .arg(&input)
        .assert()
        .success();
    std::fs::read_to_string(cleaned.join(name)).unwrap()
}

/// Parses JSON Lines output.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

/// The parallel alignment (JSON, as `tandem align --mode parallel` prints it) of a
/// German text and its French translation, written into `dir` as `quelle.txt` and
/// `cible.txt`.
pub fn translation_alignment(dir: &Path, german: &str, french: &str) -> Vec<u8> {
    let (de, fr) = (dir.join("quelle.txt"), dir.join("cible.txt"));
    std::fs::write(&de, german).unwrap();
    std::fs::write(&fr, french).unwrap();
    let aligned = tandem()
        .args(["align", "--mode", "parallel"])
        .args([&de, &fr])
        .assert()
        .success();
    aligned.get_output().stdout.clone()
}
