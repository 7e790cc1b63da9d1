//! Segmentation accuracy on the public golden rules (read from ../shared/bench at test
//! time; skipped when a clone does not have it). Targets from issue #2.

mod common;

use tandem::Lang;
use tandem::eval::segment::{evaluate, read_cases};

fn passed(path: &str, lang: Lang) -> Option<(usize, usize)> {
    let dir = common::bench_dir(path)?;
    let cases = read_cases(&dir.join(path)).expect("case file parses");
    let report = evaluate(&cases, Some(lang));
    for failure in &report.failures {
        eprintln!("{path} case {}: got {:?}", failure.index, failure.got);
    }
    Some((report.passed, report.cases))
}

#[test]
fn english_golden_rules_at_least_47_of_48() {
    if let Some((passed, cases)) = passed("pysbd-golden-rules/en/cases.json", Lang::En) {
        assert_eq!(cases, 48);
        assert!(passed >= 47, "{passed}/{cases}");
    }
}

#[test]
fn german_and_spanish_golden_rules_all_pass() {
    for (path, lang) in [
        ("pysbd-golden-rules/de/cases.json", Lang::De),
        ("pragmatic-segmenter-golden-rules/de/cases.json", Lang::De),
        ("pysbd-golden-rules/es/cases.json", Lang::Es),
        ("pragmatic-segmenter-golden-rules/es/cases.json", Lang::Es),
    ] {
        if let Some((passed, cases)) = passed(path, lang) {
            assert_eq!(passed, cases, "{path}");
        }
    }
}
