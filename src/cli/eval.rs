//! `tandem eval …`: scores against gold data, as text or JSON.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tandem::Detector;
use tandem::eval::detect::{self, DetectReport, ScoreOptions, Split};
use tandem::eval::segment::{Report, evaluate, read_cases};

use super::CliError;
use super::args::{
    EvalAlignArgs, EvalCleanArgs, EvalComparableArgs, EvalDetectArgs, EvalSegmentArgs, Format,
    SplitArg, TextbergSet,
};
use super::output::Sink;

pub(crate) fn segment(args: &EvalSegmentArgs) -> Result<ExitCode, CliError> {
    let cases = read_cases(&args.cases)?;
    let report = evaluate(&cases, args.lang);
    let mut sink = Sink::open(args.output.output.as_deref())?;
    match args.output.format {
        Format::Json => sink.write_json_line(&report)?,
        Format::Text => {
            sink.write_report(&segment_text(&args.cases.display().to_string(), &report))?
        }
    }
    sink.finish()?;
    let below = args.min_accuracy.filter(|&min| report.accuracy < min);
    Ok(match below {
        Some(min) => below_threshold(
            &args.cases,
            "accuracy",
            report.accuracy,
            "--min-accuracy",
            min,
        ),
        None => ExitCode::SUCCESS,
    })
}

/// Says on standard error which gold file scored below the threshold the caller set,
/// and gives exit code 1 (the report alone does not say that it failed).
fn below_threshold(gold: &Path, measure: &str, value: f64, option: &str, min: f64) -> ExitCode {
    eprintln!(
        "tandem: {}: {measure} {value:.3} is below {option} {min}",
        gold.display()
    );
    ExitCode::from(1)
}

fn segment_text(source: &str, report: &Report) -> String {
    let mut out = String::new();
    for failure in &report.failures {
        let _ = writeln!(out, "FAIL case {}: {:?}", failure.index, failure.text);
        for sentence in &failure.expected {
            let _ = writeln!(out, "  expected: {sentence:?}");
        }
        for sentence in &failure.got {
            let _ = writeln!(out, "  got:      {sentence:?}");
        }
    }
    let _ = writeln!(
        out,
        "{source}: {}/{} cases passed, accuracy {:.1}%",
        report.passed,
        report.cases,
        100.0 * report.accuracy
    );
    out
}

pub(crate) fn detect(args: &EvalDetectArgs) -> Result<ExitCode, CliError> {
    let detector = Detector::default();
    let run = detect::tandem_predictions(&detector);
    let mut reports: Vec<(String, DetectReport)> = Vec::new();
    if let Some(ud) = &args.ud {
        let split = match args.split {
            SplitArg::Dev => Split::Dev,
            SplitArg::Test => Split::Test,
            SplitArg::All => Split::All,
        };
        let cases = detect::insertion_cases(ud, &args.main, args.seed, split, args.keep_ambiguous)?;
        let name = format!(
            "insertion benchmark ({}, seed {}, split {})",
            ud.display(),
            args.seed,
            split.name()
        );
        reports.push((name, detect::score(&cases, &run)));
    }
    if let Some(csv) = &args.denglisch {
        let cases = detect::denglisch_cases(csv)?;
        let options = ScoreOptions {
            require_lang: Some("en".into()),
        };
        let name = format!("Denglisch, English tokens ({})", csv.display());
        reports.push((name, detect::score_with(&cases, &run, &options)));
    }
    write_reports(&args.output, &reports, |r| r.to_text())?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn align(args: &EvalAlignArgs) -> Result<ExitCode, CliError> {
    use tandem::eval::align as eval_align;
    let options = super::align::parallel_options(&args.parallel)?;
    let learning = if args.batch {
        eval_align::Learning::Batch
    } else {
        eval_align::Learning::PerPair
    };
    // tandem's alignment, or the links another aligner wrote.
    let evaluate = |cases: &[eval_align::PairCase]| match &args.links {
        Some(dir) => eval_align::evaluate_links(cases, dir),
        None => Ok(eval_align::evaluate_with(cases, &options, learning)),
    };
    let mut reports = Vec::new();
    if let Some(dir) = &args.textberg {
        let names: &[&str] = match args.set {
            TextbergSet::Test => &eval_align::TEXTBERG_TEST,
            TextbergSet::Dev => &eval_align::TEXTBERG_DEV,
        };
        let cases = eval_align::textberg_set(dir, names)?;
        reports.push((
            format!("Text+Berg de-fr ({})", dir.display()),
            evaluate(&cases)?,
        ));
    }
    if let Some(dir) = &args.parice {
        let cases = eval_align::parice_set(dir)?;
        reports.push((
            format!("ParIce en-is ({})", dir.display()),
            evaluate(&cases)?,
        ));
    }
    write_reports(&args.output, &reports, |r| r.to_text())?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn clean(args: &EvalCleanArgs) -> Result<ExitCode, CliError> {
    use tandem::eval::clean as eval_clean;
    let mut cases = Vec::new();
    for path in &args.gold {
        cases.push((path, eval_clean::read_gold(path)?));
    }
    // The articles a gold file names are inputs too.
    let articles = cases.iter().flat_map(|(_, cases)| cases.iter());
    super::reads::refuse_output_over(
        args.output.output.as_deref(),
        articles.map(|case| PathBuf::from(&case.doc.source)),
    )?;
    let cleaner = eval_clean::boilerplate_cleaner();
    let reports: Vec<(String, eval_clean::Report)> = cases
        .iter()
        .map(|(path, cases)| {
            (
                format!("boilerplate lines ({})", path.display()),
                eval_clean::evaluate(&cleaner, cases),
            )
        })
        .collect();
    write_reports(&args.output, &reports, |r| r.to_text())?;
    let mut code = ExitCode::SUCCESS;
    if let Some(min) = args.min_f1 {
        for ((path, _), (_, report)) in cases.iter().zip(&reports) {
            if report.total.f1 < min {
                code = below_threshold(path, "F1", report.total.f1, "--min-f1", min);
            }
        }
    }
    Ok(code)
}

pub(crate) fn comparable(args: &EvalComparableArgs) -> Result<ExitCode, CliError> {
    use tandem::align::{self, ComparableOptions};
    use tandem::eval::comparable as eval_comparable;
    let mut docs = super::inputs::documents(&args.input)?;
    align::distinct_ids(&mut docs);
    let glossary = super::glossary::load_optional(args.glossary.as_deref())?;
    let gold = eval_comparable::read_gold(&args.gold, &docs)?;
    let options = ComparableOptions {
        min_similarity: args.min_similarity,
        ..ComparableOptions::default()
    };
    let groups = align::align_comparable(&docs, glossary.as_ref(), &options, &|_, _, _| {});
    let report = eval_comparable::evaluate(&docs, &groups, &gold);
    let name = format!("comparable alignment ({})", args.gold.display());
    write_reports(&args.output, &[(name, report)], |r| r.to_text(args.details))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes named benchmark reports: JSON Lines `{"benchmark", "report"}`, or each report's
/// text under a `== name` heading.
fn write_reports<T: serde::Serialize>(
    output: &super::args::OutputArgs,
    reports: &[(String, T)],
    text: impl Fn(&T) -> String,
) -> Result<(), CliError> {
    let mut sink = Sink::open(output.output.as_deref())?;
    for (name, report) in reports {
        match output.format {
            Format::Json => {
                sink.write_json_line(&serde_json::json!({"benchmark": name, "report": report}))?
            }
            Format::Text => sink.write_report(&format!("== {name}\n{}\n", text(report)))?,
        }
    }
    sink.finish()
}
