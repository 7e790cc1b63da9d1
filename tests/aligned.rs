//! `aligned/` holds tandem's current output for the seeds, as the README's first command
//! writes it: regenerating it must give the committed bytes.

mod common;

const PACKAGE: [&str; 4] = [
    "seeds.json",
    "seeds.diff.json",
    "seeds.findings.jsonl",
    "seeds.html",
];

#[test]
fn committed_review_package_is_current() {
    let dir = tempfile::tempdir().unwrap();
    common::tandem()
        .args(["review", "seeds/", "--glossary", "glossary/seeds.tsv", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    for name in PACKAGE {
        let fresh = std::fs::read(dir.path().join(name)).unwrap();
        let committed = std::fs::read(common::root().join("aligned").join(name)).unwrap();
        assert!(
            fresh == committed,
            "aligned/{name} is stale: run \
             `cargo run --release -- review seeds/ --glossary glossary/seeds.tsv -o aligned/`"
        );
    }
}

#[test]
fn aligned_holds_only_the_package() {
    let mut names: Vec<String> = std::fs::read_dir(common::root().join("aligned"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".png") && n != "README.md")
        .collect();
    names.sort();
    let mut expected: Vec<String> = PACKAGE.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(names, expected, "aligned/ has files no command writes");
}
