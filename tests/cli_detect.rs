//! `tandem detect` end to end, on the seeds and on bad input.

mod common;

use common::{json_lines, tandem};
use predicates::prelude::*;

fn fragments(seed: &str) -> Vec<(String, String)> {
    let out = tandem()
        .args(["detect", "--format", "json", seed])
        .assert()
        .success();
    let doc = &json_lines(&out.get_output().stdout)[0];
    let text = std::fs::read_to_string(common::root().join(seed)).unwrap();
    doc["fragments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let (start, end) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &text[start..end],
                f["text"].as_str().unwrap(),
                "offsets point into the input"
            );
            let confidence = f["confidence"].as_f64().unwrap();
            assert!((0.5..=1.0).contains(&confidence));
            (
                f["text"].as_str().unwrap().to_string(),
                f["lang"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_folder_stands_for_its_txt_files() {
    let out = tandem().args(["detect", "seeds/"]).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for seed in std::fs::read_dir(common::root().join("seeds")).unwrap() {
        let name = seed.unwrap().file_name().into_string().unwrap();
        assert!(
            stdout.contains(&format!("seeds/{name}")),
            "{name} missing: {stdout}"
        );
    }
}

#[test]
fn spanish_leftovers_in_seed_000_are_found() {
    let found = fragments("seeds/000_7c7a039386e2d980.txt");
    let spanish: Vec<&str> = found
        .iter()
        .filter(|(_, l)| l == "es")
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(spanish.len(), 2, "{found:?}");
    assert!(spanish.iter().all(|t| t.starts_with("Según")), "{found:?}");
}

#[test]
fn english_comment_box_in_seed_001_is_found() {
    let found = fragments("seeds/001_2c4e72ae57a9902a.txt");
    for line in [
        "Discussion",
        "Join the conversation",
        "Be the first to comment",
    ] {
        assert!(
            found.contains(&(line.to_string(), "en".to_string())),
            "{line}: {found:?}"
        );
    }
}

/// Every name the seeds mention, written out by hand: none may be inside a fragment.
#[test]
fn no_name_in_the_seeds_is_flagged() {
    let names = [
        "Claudia Sheinbaum",
        "Sheinbaum Pardo",
        "Donald Trump",
        "Nicolás Maduro",
        "Omar García Harfuch",
        "Marco Rubio",
        "The New York Times",
        "New Yorker",
        "Times",
        "Fox News",
        "NBC News",
        "NBC",
        "CIA",
        "DEA",
        "JSOC",
        "Joint Special Operations Command",
        "CJNG",
        "Jalisco Nueva Generación",
        "Sinaloa",
        "Sonora",
        "Tamaulipas",
        "Washington",
        "Mexiko",
        "Venezuela",
        "CiberCuba",
        "Gage Skidmore",
        "Peoria",
        "haOlam",
        "PayPal",
        "Daily Caller News Foundation",
        "Title 50",
        "America First",
        "Facebook",
    ];
    for seed in std::fs::read_dir(common::root().join("seeds")).unwrap() {
        let seed = format!("seeds/{}", seed.unwrap().file_name().to_string_lossy());
        for (text, _) in fragments(&seed) {
            for name in names {
                assert!(
                    !text.contains(name),
                    "{seed}: fragment {text:?} contains the name {name:?}"
                );
            }
        }
    }
}

#[test]
fn clean_seeds_have_no_fragments() {
    for seed in [
        "seeds/003_2aec6ce4786460de.txt",
        "seeds/004_935d1833868f7eb5.txt",
    ] {
        assert_eq!(fragments(seed), Vec::<(String, String)>::new(), "{seed}");
    }
}

#[test]
fn text_report_names_file_line_and_column() {
    tandem()
        .args(["detect", "seeds/000_7c7a039386e2d980.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "seeds/000_7c7a039386e2d980.txt:25:1: es ",
        ))
        .stdout(predicate::str::contains("    ^^^^^\n"))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn check_exits_1_on_findings_and_0_without() {
    tandem()
        .args(["detect", "--check", "seeds/001_2c4e72ae57a9902a.txt"])
        .assert()
        .code(1);
    tandem()
        .args(["detect", "--check", "seeds/004_935d1833868f7eb5.txt"])
        .assert()
        .code(0);
}

#[test]
fn odd_input_gives_sensible_output() {
    for input in [
        "",
        "1234 567 !!! ...",
        "🙂🙂 👍 \u{200b}\u{200d}",
        "Москва и Мадрид. Das ist alles.",
    ] {
        let out = tandem()
            .args(["detect", "--format", "json", "--lang", "de", "-"])
            .write_stdin(input)
            .assert()
            .success();
        let doc = &json_lines(&out.get_output().stdout)[0];
        for f in doc["fragments"].as_array().unwrap() {
            let (start, end) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&input[start..end], f["text"].as_str().unwrap());
        }
    }
}

#[test]
fn bad_input_is_exit_2() {
    tandem()
        .args(["detect", "-"])
        .write_stdin(&b"Hola \xff"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-: invalid UTF-8 at byte 5"));
}

/// A byte order mark is hidden by editors: the text report neither counts it in the
/// column nor shows it before the carets (JSON offsets still count its bytes).
#[test]
fn a_byte_order_mark_does_not_shift_the_text_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    std::fs::write(
        &path,
        "\u{feff}Según la policía, todo bien.\nDas ist gut.\n",
    )
    .unwrap();
    let expected = format!(
        "{0}:1:1: es 1.00 \"Según la policía, todo bien\"\n    Según la policía, todo bien.\n    {1}\n{0}: de 1.00, 1 fragment\n",
        path.display(),
        "^".repeat("Según la policía, todo bien".chars().count())
    );
    tandem()
        .args(["detect", "--lang", "de"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(expected);
    let out = tandem()
        .args(["detect", "--lang", "de", "--format", "json"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(
        json_lines(&out.get_output().stdout)[0]["fragments"][0]["start"],
        3
    );
}
