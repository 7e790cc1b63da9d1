//! `tandem review`: the whole chain into one folder, bad inputs skipped, nothing
//! half-written.

mod common;

use std::collections::HashSet;

use predicates::prelude::*;

use tandem::export::Alignment;

fn read_alignment(path: &std::path::Path) -> Alignment {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn outlets_in_different_languages_get_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("story");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in [
        (
            "de.txt",
            "Die Regierung hat am Montag ein neues Gesetz beschlossen.\n",
        ),
        ("en.txt", "The government passed a new law on Monday.\n"),
        (
            "fr.txt",
            "Le gouvernement a adopté une nouvelle loi lundi.\n",
        ),
    ] {
        std::fs::write(input.join(name), text).unwrap();
    }
    common::tandem()
        .arg("review")
        .arg(&input)
        .arg("-o")
        .arg(dir.path().join("out"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: comparable alignment of documents in different languages",
        ));
}

#[test]
fn reviewing_the_seeds_writes_the_package_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::tandem()
        .args(["review", "seeds/", "--glossary", "glossary/seeds.tsv", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("reviewed 5 documents, "), "{stdout}");
    assert!(stdout.contains("findings: "), "{stdout}");
    assert!(stdout.contains("  boilerplate "), "{stdout}");
    assert!(stdout.contains("  foreign-fragment "), "{stdout}");
    assert!(stdout.contains("time: "), "{stdout}");

    let alignment = read_alignment(&dir.path().join("seeds.json"));
    alignment.validate().unwrap();
    let total: usize = alignment.documents.iter().map(|d| d.sentences.len()).sum();
    let grouped: usize = alignment
        .groups
        .iter()
        .flat_map(|g| &g.members)
        .map(|m| m.sentences.len())
        .sum();
    assert_eq!(grouped, total, "every sentence is in exactly one group");

    let findings = std::fs::read(dir.path().join("seeds.findings.jsonl")).unwrap();
    let findings = common::json_lines(&findings);
    assert_eq!(findings.len(), 5);
    let text =
        std::fs::read_to_string(common::root().join("seeds/000_7c7a039386e2d980.txt")).unwrap();
    let first = &findings[0];
    assert_eq!(first["source"], "seeds/000_7c7a039386e2d980.txt");
    for f in first["findings"].as_array().unwrap() {
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], f["text"].as_str().unwrap());
    }
    assert!(
        first["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "foreign-fragment" && f["text"] == "Según"),
        "the Spanish leftover of seed 000 is a finding"
    );

    let diff: tandem::diff::DiffReport =
        serde_json::from_slice(&std::fs::read(dir.path().join("seeds.diff.json")).unwrap())
            .unwrap();
    assert_eq!(diff.groups.len(), alignment.groups.len());

    let html = std::fs::read_to_string(dir.path().join("seeds.html")).unwrap();
    for doc in &alignment.documents {
        assert!(html.contains(&doc.id));
    }
    assert!(html.contains("class=\"foreign\""));
    assert!(html.contains("class=\"entity\""));
}

#[test]
fn bad_files_are_skipped_by_name_and_the_rest_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let seed = |n: &str| std::fs::read(common::root().join("seeds").join(n)).unwrap();
    std::fs::write(input.join("a.txt"), seed("000_7c7a039386e2d980.txt")).unwrap();
    std::fs::write(input.join("b.txt"), seed("002_da13f683df3bbde4.txt")).unwrap();
    std::fs::write(
        input.join("bad_utf8.txt"),
        b"Die USA \xff\xfe dr\xc3\xa4ngen",
    )
    .unwrap();
    std::fs::write(input.join("binary.txt"), b"\x00\x01\x02PNG\x00").unwrap();
    std::fs::write(input.join("empty.txt"), b"").unwrap();
    let out = dir.path().join("out");
    let assert = common::tandem()
        .arg("review")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("bad_utf8.txt"), "{stderr}");
    assert!(stderr.contains("binary.txt"), "{stderr}");
    assert!(
        !stderr.contains("empty.txt"),
        "an empty file is an empty document: {stderr}"
    );
    let alignment = read_alignment(&out.join("in.json"));
    let ids: HashSet<&str> = alignment.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, HashSet::from(["a", "b", "empty"]));
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn nothing_readable_is_said_in_words_for_one_input_and_for_several() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\x00\x01\x02PNG\x00").unwrap();
    for (inputs, said) in [
        (vec![&bad], "nothing to review: the input could not be read"),
        (
            vec![&bad, &bad],
            "nothing to review: none of the 2 inputs could be read",
        ),
    ] {
        common::tandem()
            .arg("review")
            .args(inputs)
            .arg("-o")
            .arg(dir.path().join("out"))
            .assert()
            .code(2)
            .stderr(predicates::str::contains(said));
    }
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn parallel_review_of_three_documents_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    common::tandem()
        .args(["review", "--mode", "parallel", "seeds/", "-o"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("exactly two documents"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_folder_without_text_files_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    common::tandem()
        .arg("review")
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no .txt files"))
        .stderr(predicates::str::contains("none of the 0").not());
}

#[test]
fn hostile_text_in_the_articles_is_escaped_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let hostile = "Der Sprecher schrieb <script>alert(1)</script> in das Formular.\n\
                   Ein Link mit \"onmouseover=alert(2)\" wurde am Dienstag entfernt.\n";
    std::fs::write(input.join("a.txt"), hostile).unwrap();
    std::fs::write(
        input.join("b.txt"),
        hostile
            .replace("Dienstag", "Mittwoch")
            .replace("Formular", "Feld"),
    )
    .unwrap();
    let out = dir.path().join("out");
    common::tandem()
        .arg("review")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("in.html")).unwrap();
    assert!(!html.contains("<script>alert"), "a script tag survived");
    assert!(
        !html.contains("\"onmouseover"),
        "an attribute break survived"
    );
    // Marks may cut the text into pieces; without the page's own tags it reads whole.
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    assert!(
        text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{text}"
    );
    assert!(text.contains("&quot;onmouseover=alert(2)&quot;"));
}
