//! `tandem eval …`: scores against gold data, as text or JSON.

use std::fmt::Write as _;
use std::process::ExitCode;

use tandem::eval::segment::{Report, evaluate, read_cases};

use super::CliError;
use super::args::{EvalSegmentArgs, Format};
use super::output::Sink;

pub(crate) fn segment(args: &EvalSegmentArgs) -> Result<ExitCode, CliError> {
    let cases = read_cases(&args.cases)?;
    let report = evaluate(&cases, args.lang);
    let mut sink = Sink::open(args.output.output.as_deref())?;
    match args.output.format {
        Format::Json => sink.write_json_line(&report)?,
        Format::Text => {
            sink.write_str(&segment_text(&args.cases.display().to_string(), &report))?
        }
    }
    sink.finish()?;
    let below = args.min_accuracy.is_some_and(|min| report.accuracy < min);
    Ok(if below {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
