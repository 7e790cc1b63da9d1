//! `tandem::clean` on the seed articles and the clean fixtures: what the seeds are known
//! to hold is found, offsets point into the input, and cleaning is idempotent.

mod common;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use tandem::clean::{Cleaner, Rule};
use tandem::export::Finding;
use tandem::{Document, DocumentOptions, read_path};

/// One cleaner with the seed glossary, built once for all tests, as the library means
/// it to be used.
static CLEANER: LazyLock<Cleaner> = LazyLock::new(|| {
    let glossary = tandem::glossary::read(&common::root().join("glossary/seeds.tsv"), None)
        .expect("the seed glossary reads");
    Cleaner::builder().glossary(&glossary).build()
});

fn document(path: &Path) -> Document {
    let input = read_path(path).expect("readable input");
    Document::from_input(input, DocumentOptions::default())
}

fn seed(prefix: &str) -> Document {
    let dir = common::root().join("seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("the seed exists");
    document(&path)
}

fn of_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a str> {
    findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.text.as_str())
        .collect()
}

#[test]
fn english_comment_box_at_the_end_of_seed_001_is_boilerplate() {
    let findings = CLEANER.findings(&seed("001_"));
    assert_eq!(
        of_rule(&findings, "boilerplate"),
        [
            "Discussion",
            "Join the conversation",
            "Be the first to comment"
        ]
    );
    // They are removed as lines, not reported a second time as foreign words.
    assert!(
        of_rule(&findings, "foreign-fragment").is_empty(),
        "{findings:?}"
    );
}

/// Scraped pages may put a whole article on one line: its credit and its navigation
/// block go, its sentences stay. (The credit, "Verwandte Videos:" and the lead have no
/// full stop between them, so they are one sentence once joined, and the lead goes
/// with the credit.)
#[test]
fn a_seed_on_one_line_loses_its_boilerplate_sentences_not_the_article() {
    let lines = seed("000_").text;
    let one_line = Document::new(
        "one-line",
        lines.split('\n').collect::<Vec<_>>().join(" "),
        DocumentOptions::default(),
    );
    let findings = CLEANER.findings(&one_line);
    let boilerplate = of_rule(&findings, "boilerplate");
    assert_eq!(boilerplate.len(), 2, "{boilerplate:?}");
    assert!(boilerplate[0].contains("Foto ©"), "{boilerplate:?}");
    assert!(
        boilerplate[1].starts_with("Archiviert unter"),
        "{boilerplate:?}"
    );
    let fixed = CLEANER.fix(&one_line, &findings).text;
    assert!(fixed.contains("Das Weiße Haus strebt an"));
    assert!(!fixed.contains("Ein Team von Journalisten"));
    assert!(!fixed.contains("Foto ©"));
    assert!(fixed.len() > one_line.text.len() * 4 / 5, "{fixed}");
}

#[test]
fn date_token_in_seed_004_is_stray_metadata() {
    let doc = seed("004_");
    let findings = CLEANER.findings(&doc);
    assert_eq!(of_rule(&findings, "stray-metadata"), ["date 2025-11-04"]);
    let fixed = CLEANER.fix(&doc, &findings);
    assert!(fixed.text.starts_with("Die USA planen Berichten zufolge"));
}

#[test]
fn triple_headline_of_seed_002_gives_two_duplicates() {
    let doc = seed("002_");
    let findings = CLEANER.findings(&doc);
    let headline = "USA bereiten militärischen Einsatz in Mexiko vor – Trump plant Bodentruppen gegen Drogenkartelle";
    assert_eq!(of_rule(&findings, "duplicate"), [headline, headline]);
    let fixed = CLEANER.fix(&doc, &findings);
    assert_eq!(fixed.text.matches(headline).count(), 1);
    assert!(fixed.text.starts_with(headline));
}

#[test]
fn split_compound_in_seed_000_is_found() {
    let findings = CLEANER.findings(&seed("000_"));
    let splits: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == "split-compound")
        .collect();
    assert_eq!(splits.len(), 1, "{splits:?}");
    assert_eq!(splits[0].text, "Sicherheits team");
    assert_eq!(splits[0].suggestion.as_deref(), Some("Sicherheitsteam"));
}

#[test]
fn spanish_leftovers_and_mixed_quotes_in_seed_000() {
    let findings = CLEANER.findings(&seed("000_"));
    let spanish = of_rule(&findings, "foreign-fragment");
    assert_eq!(spanish.len(), 2, "{spanish:?}");
    assert!(
        spanish.iter().all(|t| t.starts_with("Según")),
        "{spanish:?}"
    );
    let quotes: Vec<(&str, Option<&str>)> = findings
        .iter()
        .filter(|f| f.rule == "quote-style")
        .map(|f| (f.text.as_str(), f.suggestion.as_deref()))
        .collect();
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(quotes[0].1.unwrap().starts_with('„') && quotes[0].1.unwrap().ends_with('“'));
    assert_eq!(
        quotes[1],
        (
            "“Waffe der massiven Zerstörung”",
            Some("„Waffe der massiven Zerstörung“")
        )
    );
}

#[test]
fn seed_003_donation_box_is_boilerplate_and_the_rest_is_kept() {
    let doc = seed("003_");
    let findings = CLEANER.findings(&doc);
    assert_eq!(
        of_rule(&findings, "boilerplate").len(),
        2,
        "{:?}",
        of_rule(&findings, "boilerplate")
    );
    let fixed = CLEANER.fix(&doc, &findings);
    assert!(!fixed.text.contains("Spende"));
    assert!(fixed.text.contains("Nach dem Ende der Gespräche"));
}

#[test]
fn glossary_deprecated_and_foreign_forms_are_found_and_normalised() {
    let text = "Das Weisses Haus schweigt.\n\nDie Casa Blanca hat sich nicht geäußert, sagte ein Sprecher.\n";
    let doc = Document::new(
        "g.txt",
        text.to_string(),
        DocumentOptions {
            lang: Some(tandem::Lang::De),
        },
    );
    let findings = CLEANER.findings(&doc);
    // Each with its article, which the German name must agree with.
    assert_eq!(
        of_rule(&findings, "glossary-deprecated"),
        ["Das Weisses Haus"]
    );
    assert_eq!(
        of_rule(&findings, "glossary-foreign-form"),
        ["Die Casa Blanca"]
    );
    // A glossary term is not a foreign fragment.
    assert!(
        of_rule(&findings, "foreign-fragment").is_empty(),
        "{findings:?}"
    );
    let fixed = CLEANER.fix(&doc, &findings);
    assert_eq!(
        fixed.text,
        "Das Weiße Haus schweigt.\n\nDas Weiße Haus hat sich nicht geäußert, sagte ein Sprecher.\n"
    );
    // Without a glossary, neither rule runs.
    let plain = Cleaner::builder().disable(Rule::ForeignFragment).build();
    assert!(
        plain
            .findings(&doc)
            .iter()
            .all(|f| !f.rule.starts_with("glossary"))
    );
}

/// Every text the clean tests use: the seeds and the fixture articles.
fn corpus() -> Vec<PathBuf> {
    let root = common::root();
    let mut paths = Vec::new();
    for dir in [
        "seeds",
        "tests/fixtures/clean/articles",
        "tests/fixtures/clean/heldout",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    assert!(paths.len() >= 24, "{paths:?}");
    paths
}

#[test]
fn findings_point_into_the_input_sorted() {
    for path in corpus() {
        let doc = document(&path);
        let findings = CLEANER.findings(&doc);
        for f in &findings {
            assert_eq!(
                &doc.text[f.start..f.end],
                f.text,
                "{}: {f:?}",
                path.display()
            );
        }
        assert!(findings.windows(2).all(|w| w[0].start <= w[1].start));
        // Findings that remove lines never overlap each other.
        let removals: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.suggestion.as_deref() == Some(""))
            .collect();
        for w in removals.windows(2) {
            assert!(w[0].end <= w[1].start, "{}: {w:?}", path.display());
        }
    }
}

#[test]
fn cleaning_a_cleaned_text_changes_nothing() {
    for path in corpus() {
        let doc = document(&path);
        let (findings, fixed) = CLEANER.clean(&doc);
        for edit in &fixed.edits {
            assert_eq!(&doc.text[edit.start..edit.end], edit.original);
        }
        assert!(
            findings.iter().any(|f| f.suggestion.is_some()) != fixed.edits.is_empty(),
            "{}",
            path.display()
        );
        let again = Document::new(
            &doc.source,
            fixed.text.clone(),
            DocumentOptions {
                lang: Some(doc.lang),
            },
        );
        let (_, twice) = CLEANER.clean(&again);
        assert!(
            twice.edits.is_empty(),
            "{}: {:?}",
            path.display(),
            twice.edits
        );
        assert_eq!(twice.text, fixed.text);
        // What is kept (foreign fragments) is kept again.
        assert_eq!(twice.kept.len(), fixed.kept.len(), "{}", path.display());
        // No blank lines pile up: never more blank lines in a row than the input had.
        let most_blank = |t: &str| {
            t.split('\n')
                .fold((0, 0), |(run, most), l| {
                    let run = if l.trim().is_empty() { run + 1 } else { 0 };
                    (run, most.max(run))
                })
                .1
        };
        assert!(
            most_blank(&fixed.text) <= most_blank(&doc.text),
            "{}",
            path.display()
        );
    }
}
