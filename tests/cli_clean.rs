//! `tandem clean` end to end: the report grouped by rule, JSON Lines with offsets into
//! the input, --disable, --check and --fail-on, and --fix with its change logs.

mod common;

use std::path::Path;

use common::{json_lines, root, tandem};
use predicates::prelude::*;

const SEEDS: [&str; 5] = [
    "seeds/000_7c7a039386e2d980.txt",
    "seeds/001_2c4e72ae57a9902a.txt",
    "seeds/002_da13f683df3bbde4.txt",
    "seeds/003_2aec6ce4786460de.txt",
    "seeds/004_935d1833868f7eb5.txt",
];

/// The text report of the seeds.
fn seeds_report() -> String {
    let out = tandem().arg("clean").args(SEEDS).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn text_report_is_grouped_by_rule() {
    let report = seeds_report();
    let headings: Vec<&str> = report
        .lines()
        .filter(|l| !l.starts_with(' ') && l.ends_with(')'))
        .collect();
    assert_eq!(
        headings,
        [
            "foreign-fragment (2)",
            "boilerplate (22)",
            "duplicate (2)",
            "split-compound (1)",
            "stray-metadata (1)",
            "quote-style (2)"
        ],
        "{report}"
    );
    // Under a heading: `file:line:col: severity: message`, then the text.
    assert!(report.contains(
        "  seeds/004_935d1833868f7eb5.txt:1:2: error: a metadata field left in the text\n      date 2025-11-04\n"
    ), "{report}");
    assert!(report.contains("  seeds/000_7c7a039386e2d980.txt:45:159: warning: compound split by a space: write 'Sicherheitsteam'\n      Sicherheits team\n"), "{report}");
    assert!(report.contains("seeds/000_7c7a039386e2d980.txt:35:54: info: quotation marks"));
    assert!(report.ends_with(
        "5 documents, 30 findings: 2 foreign-fragment, 22 boilerplate, 2 duplicate, 1 split-compound, 1 stray-metadata, 2 quote-style\n"
    ), "{report}");
}

#[test]
fn json_lines_have_the_documented_shape_and_offsets() {
    let out = tandem()
        .args(["clean", "--format", "json"])
        .args(SEEDS)
        .assert()
        .success();
    let docs = json_lines(&out.get_output().stdout);
    assert_eq!(docs.len(), SEEDS.len());
    for (doc, seed) in docs.iter().zip(SEEDS) {
        let keys: Vec<&str> = doc
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["findings", "lang", "source"]);
        assert_eq!(doc["source"], seed);
        assert_eq!(doc["lang"], "de");
        let input = std::fs::read_to_string(root().join(seed)).unwrap();
        for f in doc["findings"].as_array().unwrap() {
            let mut keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                [
                    "end",
                    "message",
                    "rule",
                    "severity",
                    "start",
                    "suggestion",
                    "text"
                ]
            );
            let (start, end) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&input[start..end], f["text"].as_str().unwrap(), "{f}");
            assert!(["info", "warning", "error"].contains(&f["severity"].as_str().unwrap()));
            match f["rule"].as_str().unwrap() {
                "foreign-fragment" => assert!(f["suggestion"].is_null()),
                "boilerplate" | "duplicate" => assert_eq!(f["suggestion"], ""),
                _ => assert!(f["suggestion"].is_string()),
            }
        }
    }
    let seed_001 = &docs[1]["findings"];
    let boilerplate: Vec<&str> = seed_001
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "boilerplate")
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        boilerplate,
        [
            "Discussion",
            "Join the conversation",
            "Be the first to comment"
        ]
    );
}

#[test]
fn disabled_rules_are_not_run() {
    let out = tandem()
        .args([
            "clean",
            "--format",
            "json",
            "--disable",
            "boilerplate,quote-style",
            "--disable",
            "foreign-fragment",
        ])
        .args(SEEDS)
        .assert()
        .success();
    for doc in json_lines(&out.get_output().stdout) {
        for f in doc["findings"].as_array().unwrap() {
            let rule = f["rule"].as_str().unwrap();
            assert!(
                !["boilerplate", "quote-style", "foreign-fragment"].contains(&rule),
                "{f}"
            );
        }
    }
}

#[test]
fn unknown_rule_is_a_usage_error_listing_the_rules() {
    clean_fast()
        .args(["--disable", "boilerplat", SEEDS[0]])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("unknown rule 'boilerplat'")
                .and(predicate::str::contains(
                    "foreign-fragment, boilerplate, duplicate",
                ))
                .and(predicate::str::contains("quote-style")),
        );
}

/// `tandem clean` without the fragment detector, whose word lists take seconds to
/// build in a debug build: for tests about other things.
fn clean_fast() -> assert_cmd::Command {
    let mut cmd = tandem();
    cmd.args(["clean", "--disable", "foreign-fragment"]);
    cmd
}

/// The copy `clean --fix` (as [`clean_fast`]) writes of `input`, into a folder beside it.
fn fixed_copy(input: &Path) -> String {
    let out = input.with_extension("fixed");
    clean_fast()
        .args(["--fix", "-o"])
        .arg(&out)
        .arg(input)
        .assert()
        .success();
    std::fs::read_to_string(out.join(input.file_name().unwrap())).unwrap()
}

#[test]
fn a_folder_stands_for_its_txt_files() {
    clean_fast()
        .arg("seeds/")
        .assert()
        .success()
        .stdout(predicate::str::contains("5 documents,"));
}

#[test]
fn check_exits_one_at_or_above_fail_on() {
    // Seed 003 has boilerplate (warnings) and nothing worse.
    let seed = SEEDS[3];
    clean_fast().arg(seed).assert().code(0);
    clean_fast().args(["--check", seed]).assert().code(1);
    clean_fast()
        .args(["--check", "--fail-on", "error", seed])
        .assert()
        .code(0);
    // Mixed quotation marks only: an info finding.
    let quotes = "„Eins“, sagte er. „Zwei“, sagte sie. Es sei \"drei\" gewesen, hieß es am Ende.\n";
    let stdin = |args: &[&str]| {
        clean_fast()
            .args(["--lang", "de"])
            .args(args)
            .write_stdin(quotes)
            .assert()
    };
    stdin(&["--check"]).code(0);
    stdin(&["--check", "--fail-on", "info"]).code(1);
    // Without --check, --fail-on would mean nothing: refused.
    stdin(&["--fail-on", "info"]).code(2);
    clean_fast()
        .args(["--check", "--fail-on", "fatal", seed])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "[possible values: info, warning, error]",
        ));
    // Seed 004 has metadata left in its text: an error.
    clean_fast()
        .args(["--check", "--fail-on", "error", SEEDS[4]])
        .assert()
        .code(1);
    // So is a variant the glossary deprecates.
    clean_fast()
        .args(["--lang", "de", "--glossary", "glossary/seeds.tsv"])
        .args(["--check", "--fail-on", "error", "-"])
        .write_stdin("Das Weisses Haus schweigt dazu.\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error: deprecated variant of 'white-house'",
        ));
}

#[test]
fn report_goes_to_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.jsonl");
    clean_fast()
        .args(["--format", "json", "-o"])
        .arg(&out)
        .arg(SEEDS[4])
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read(&out).unwrap();
    assert_eq!(json_lines(&written).len(), 1);
}

/// Copies the seeds into a fresh folder, so that tests may write beside them.
fn copied_seeds(dir: &Path) -> Vec<std::path::PathBuf> {
    let inputs = dir.join("in");
    std::fs::create_dir(&inputs).unwrap();
    SEEDS
        .iter()
        .map(|seed| {
            let to = inputs.join(Path::new(seed).file_name().unwrap());
            std::fs::copy(root().join(seed), &to).unwrap();
            to
        })
        .collect()
}

#[test]
fn fix_writes_cleaned_copies_and_change_logs_and_leaves_inputs_alone() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = copied_seeds(dir.path());
    let before: Vec<Vec<u8>> = inputs.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let cleaned = dir.path().join("cleaned");
    let out = tandem()
        .args(["clean", "--fix", "--glossary", "glossary/seeds.tsv", "-o"])
        .arg(&cleaned)
        .args(&inputs)
        .assert()
        .success();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(report.contains("cleaned copy"), "{report}");
    // Inputs untouched.
    for (path, bytes) in inputs.iter().zip(&before) {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
    // One cleaned copy and one change log per input, nothing else (no temporary files).
    let mut names: Vec<String> = std::fs::read_dir(&cleaned)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2 * SEEDS.len(), "{names:?}");
    for (input, original) in inputs.iter().zip(&before) {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(cleaned.join(&name)).unwrap();
        let original = String::from_utf8(original.clone()).unwrap();
        let log: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(cleaned.join(format!("{name}.changes.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(log["source"], input.display().to_string());
        // Replaying the edits on the original gives the cleaned copy.
        let mut replayed = String::new();
        let mut copied = 0;
        for edit in log["edits"].as_array().unwrap() {
            let (start, end) = (
                edit["start"].as_u64().unwrap() as usize,
                edit["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&original[start..end], edit["original"].as_str().unwrap());
            assert!(edit["rule"].is_string());
            replayed.push_str(&original[copied..start]);
            replayed.push_str(edit["replacement"].as_str().unwrap());
            copied = end;
        }
        replayed.push_str(&original[copied..]);
        assert_eq!(replayed, text, "{name}");
        for kept in log["kept"].as_array().unwrap() {
            assert_eq!(kept["rule"], "foreign-fragment");
            assert_eq!(kept["note"], "kept: needs a translator");
        }
    }
    let seed_000 = std::fs::read_to_string(cleaned.join("000_7c7a039386e2d980.txt")).unwrap();
    assert!(seed_000.contains("Sicherheitsteam"));
    assert!(seed_000.contains("Según"), "foreign fragments are kept");
    assert!(!seed_000.contains("Verwandte Videos"));
    // Lines 7 and 9 are gone, with their blank lines.
    assert!(seed_000.contains("lehnt dies entschieden ab.\n\nDie Vereinigten Staaten"));

    // Cleaning the cleaned copies changes nothing.
    let again = dir.path().join("again");
    let cleaned_inputs: Vec<_> = inputs
        .iter()
        .map(|p| cleaned.join(p.file_name().unwrap()))
        .collect();
    tandem()
        .args(["clean", "--fix", "--glossary", "glossary/seeds.tsv", "-o"])
        .arg(&again)
        .args(&cleaned_inputs)
        .assert()
        .success()
        .stdout(predicate::str::contains("(0 edits"));
    for path in &cleaned_inputs {
        let name = path.file_name().unwrap();
        assert_eq!(
            std::fs::read(path).unwrap(),
            std::fs::read(again.join(name)).unwrap(),
            "{}",
            path.display()
        );
    }
}

/// `clean --fix` with the shipped glossary of `text`, written as `name` into `dir`: the
/// cleaned text.
fn fixed_with_glossary(text: &str, dir: &Path, name: &str) -> String {
    let glossary = root().join("glossary/seeds.tsv");
    common::fixed_with_glossary(text, "de", &glossary, dir, name)
}

#[test]
fn fixing_dotted_glossary_terms_twice_changes_nothing_more() {
    // The dot of "U.S." was left behind ("USA. Regierung"); where it also ends the
    // sentence or a date touches it, it has to stay.
    let text = "Die U.S. Regierung und U.S.10.11.2025 sowie U.S.12:30 Uhr. Hilfe für die U.S.\n";
    let dir = tempfile::tempdir().unwrap();
    let once = fixed_with_glossary(text, dir.path(), "once.txt");
    assert_eq!(
        once,
        "Die USA Regierung und USA.10.11.2025 sowie USA.12:30 Uhr. Hilfe für die USA.\n"
    );
    assert_eq!(fixed_with_glossary(&once, dir.path(), "twice.txt"), once);
}

#[test]
fn fix_json_names_the_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = clean_fast()
        .args(["--fix", "--format", "json", "-o"])
        .arg(dir.path())
        .arg(SEEDS[4])
        .assert()
        .success();
    let doc = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(doc["source"], SEEDS[4]);
    let output = doc["output"].as_str().unwrap();
    assert!(output.ends_with("004_935d1833868f7eb5.txt"));
    assert!(
        doc["changes"]
            .as_str()
            .unwrap()
            .ends_with("004_935d1833868f7eb5.txt.changes.json")
    );
    assert!(Path::new(output).is_file());
}

#[test]
fn fix_refuses_to_overwrite_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = copied_seeds(dir.path());
    let folder = inputs[0].parent().unwrap();
    let before = std::fs::read(&inputs[0]).unwrap();
    clean_fast()
        .args(["--fix", "-o"])
        .arg(folder)
        .arg(&inputs[0])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite an input"));
    assert_eq!(std::fs::read(&inputs[0]).unwrap(), before);
    // The same folder named differently is still the same folder.
    clean_fast()
        .current_dir(folder)
        .args(["--fix", "-o", ".", "000_7c7a039386e2d980.txt"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read_dir(folder).unwrap().count(), SEEDS.len());
}

#[test]
fn fix_needs_a_folder_and_files() {
    clean_fast()
        .args(["--fix", SEEDS[0]])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output"));
    let dir = tempfile::tempdir().unwrap();
    clean_fast()
        .args(["--fix", "-o"])
        .arg(dir.path())
        .write_stdin("Titel\n\nText.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input"));
    // Two inputs of one name would overwrite each other's copies.
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    std::fs::write(a.join("x.txt"), "Eins.\n").unwrap();
    std::fs::write(b.join("x.txt"), "Zwei.\n").unwrap();
    clean_fast()
        .args(["--fix", "-o"])
        .arg(dir.path().join("out"))
        .arg(a.join("x.txt"))
        .arg(b.join("x.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("same name"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Gut\n\xff\xfe kaputt\n").unwrap();
    let out = dir.path().join("out");
    clean_fast()
        .args(["--fix", "-o"])
        .arg(&out)
        .arg(SEEDS[0])
        .arg(&bad)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("invalid UTF-8 at byte 4"));
    assert!(!out.exists(), "no output folder for a failed run");
    let report = dir.path().join("report.txt");
    clean_fast()
        .arg("-o")
        .arg(&report)
        .arg(&bad)
        .assert()
        .code(2);
    assert!(!report.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A page of 150 misstyled quotations lists 100 of them and counts the rest; JSON keeps
/// every one.
#[test]
fn the_text_report_lists_at_most_a_hundred_findings_of_a_rule() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quotes.txt");
    let text: String = (0..100)
        .map(|k| format!("Am Tag {k} sagte er «ja» und sie «nein».\n"))
        .chain((0..150).map(|k| format!("In Woche {k} hieß es „vielleicht“.\n")))
        .collect();
    std::fs::write(&path, text).unwrap();
    let out = tandem()
        .args(["clean", "--lang", "de"])
        .arg(&path)
        .assert()
        .success();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let listed = report.lines().filter(|l| l.contains(": info: ")).count();
    assert_eq!(listed, 100, "{report}");
    assert!(report.contains("quote-style (150)\n"));
    assert!(
        report.contains("  … and 50 more quote-style findings (--format json lists every one)\n")
    );
    let out = tandem()
        .args(["clean", "--lang", "de", "--format", "json"])
        .arg(&path)
        .assert()
        .success();
    let json = &json_lines(&out.get_output().stdout)[0];
    let quotes = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "quote-style")
        .count();
    assert_eq!(quotes, 150);
}

/// Lowercasing "ẞ" shortens it and "İ" lengthens it: the metadata rule found offsets in
/// the lowercased line and cut the line there, inside a character (exit 101).
#[test]
fn capitals_whose_lowercase_has_another_length_do_not_panic() {
    let text = "GROẞE ÜBERRASCHUNG IN İSTANBUL [Video]\nSTRAẞE GESPERRT, DATUM 2025-11-04\n";
    tandem()
        .args(["clean", "--lang", "de", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
    let out = tandem()
        .args(["clean", "--lang", "de", "--format", "json", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
    let json = &json_lines(&out.get_output().stdout)[0];
    let metadata: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "stray-metadata")
        .map(|f| {
            let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            assert_eq!(text[start as usize..end as usize], f["text"]);
            f["text"].as_str().unwrap()
        })
        .collect();
    assert_eq!(metadata, ["DATUM 2025-11-04"]);
}

/// A lone `\r` (old Mac line ends) was no line break: the file was one line, judged
/// boilerplate by its first words, and `--fix` wrote an empty copy.
#[test]
fn fix_keeps_the_article_of_a_file_with_old_mac_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("cr.txt");
    let article = "Die Regierung hat am Montag einen Plan vorgestellt.\r\
                   Der Minister sagte, man werde die Steuern senken.\r";
    std::fs::write(&input, format!("Teilen Sie diesen Artikel\r{article}")).unwrap();
    assert_eq!(fixed_copy(&input), article);
    // The report counts lines as the cleaner does.
    clean_fast()
        .arg(&input)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "cr.txt:1:1: warning: a call to share",
        ))
        .stdout(predicate::str::contains(
            "1 document, 1 finding: 1 boilerplate",
        ));
}

/// A share prompt glued to the paragraph without a full stop made its first sentence
/// boilerplate, and `--fix` removed the line with the clean sentence after it.
#[test]
fn fix_removes_a_glued_share_prompt_and_keeps_the_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("lf.txt");
    let article = "Die Regierung hat am Montag einen Plan vorgestellt. \
                   Der Minister sagte, man werde die Steuern senken.\n";
    std::fs::write(&input, format!("Teilen Sie diesen Artikel {article}")).unwrap();
    assert_eq!(fixed_copy(&input), article);
    let report = clean_fast()
        .args(["--format", "json"])
        .arg(&input)
        .assert()
        .success();
    let json = &json_lines(&report.get_output().stdout)[0];
    let findings: Vec<(&str, u64, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            (f["text"].as_str().unwrap(), start, end)
        })
        .collect();
    assert_eq!(findings, [("Teilen Sie diesen Artikel", 0, 25)]);
}

/// A credit glued to the paragraph it stands above took the paragraph with it.
#[test]
fn fix_removes_a_glued_credit_and_keeps_the_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("credit.txt");
    let before = "Die Regierung hat am Montag neue Regeln beschlossen.\n";
    let paragraph = "Die Minister einigten sich nach langen Verhandlungen auf einen Kompromiss.\n";
    std::fs::write(&input, format!("{before}Foto: dpa {paragraph}")).unwrap();
    assert_eq!(fixed_copy(&input), format!("{before}{paragraph}"));
}
