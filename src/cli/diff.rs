//! `tandem diff`: reads an alignment, calls the differ, filters and orders the groups,
//! and writes them as a word diff in the style of `git --word-diff`, or as JSON.

use std::fmt::Write as _;
use std::process::ExitCode;

use tandem::diff::{self, Change, DiffOptions, DiffReport, FactSpan, Pivot};
use tandem::export::Alignment;

use super::CliError;
use super::args::{DiffArgs, DiffFormat, DiffSort};
use super::inputs::read_alignment;
use super::output::{Sink, Style, visible};

pub(crate) fn run(args: &DiffArgs) -> Result<ExitCode, CliError> {
    if let (Some(min), Some(max)) = (args.min_ratio, args.max_ratio)
        && min > max
    {
        return Err(CliError::Usage(format!(
            "--min-ratio {min} is greater than --max-ratio {max}: no group could be shown"
        )));
    }
    let alignment = read_alignment(&args.alignment)?;
    let pivot = match (&args.pivot, args.pairwise) {
        (_, true) => Pivot::Pairwise,
        (Some(id), false) => {
            if alignment.document(id).is_none() {
                let ids: Vec<&str> = alignment.documents.iter().map(|d| d.id.as_str()).collect();
                return Err(CliError::Usage(format!(
                    "--pivot {id}: {} has no such document; its documents are: {}",
                    args.alignment.display(),
                    ids.join(", ")
                )));
            }
            Pivot::Document(id.clone())
        }
        (None, false) => Pivot::First,
    };
    let glossary = super::glossary::load_optional(args.glossary.as_deref())?;
    let mut report = diff::diff_alignment(&alignment, glossary.as_ref(), &DiffOptions { pivot });
    report.retain_ratio(args.min_ratio, args.max_ratio);
    if args.format == DiffFormat::Text && !args.all {
        report.drop_unmatched();
    }
    if args.sort == DiffSort::Ratio {
        report.sort_by_ratio();
    }
    let mut sink = Sink::open(args.output.as_deref())?;
    match args.format {
        DiffFormat::Json => {
            sink.write_str(&serde_json::to_string_pretty(&report).expect("report serialises"))?;
            sink.write_str("\n")?;
        }
        DiffFormat::Html => {
            let page = super::export::review_page(&alignment, &report, glossary.as_ref());
            sink.write_str(&page)?;
        }
        DiffFormat::Text => {
            let style = sink.style();
            sink.write_str(&text(&report, &alignment, style))?;
        }
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The report as text: per group a header, per pair the documents, the word diff (or,
/// for a translation, both sides as written) and the facts that differ. It colours
/// itself, so it shows the alignment's texts and ids [`visible`] itself.
fn text(report: &DiffReport, alignment: &Alignment, style: Style) -> String {
    let paint = |code: &str, text: &str| {
        if style.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    for group in &report.groups {
        let header = if group.is_translation() {
            format!("group {} · score {:.2}", group.group, group.score)
        } else {
            format!(
                "group {} · score {:.2} · ratio {:.2}",
                group.group, group.score, group.ratio
            )
        };
        let _ = writeln!(out, "{}", paint(BOLD, &header));
        if group.is_unmatched() {
            // Nothing was compared: show what the group holds.
            if let Some(g) = alignment.groups.iter().find(|g| g.id == group.group) {
                for member in g.members.iter().filter(|m| !m.sentences.is_empty()) {
                    let text = alignment.member_text(member);
                    let _ = writeln!(out, "{}: {}", visible(&member.doc), visible(&text));
                }
            }
        }
        for pair in &group.pairs {
            // The word ratio of a translation says nothing.
            let measure = if pair.cross_language {
                "translation".to_string()
            } else {
                format!("ratio {:.2}", pair.ratio)
            };
            let _ = writeln!(
                out,
                "{} → {} · {measure}",
                visible(&pair.left),
                visible(&pair.right),
            );
            if pair.cross_language {
                // A word diff across two languages strikes out every word: show both
                // sides as written, as the review page does.
                let _ = writeln!(out, "  {}", visible(&pair.left_text()));
                let _ = writeln!(out, "  {}", visible(&pair.right_text()));
            } else {
                for piece in &pair.words {
                    let text = visible(&piece.text);
                    match piece.change {
                        Change::Equal => out.push_str(&text),
                        Change::Delete => out.push_str(&paint(RED, &format!("[-{text}-]"))),
                        Change::Insert => out.push_str(&paint(GREEN, &format!("{{+{text}+}}"))),
                    }
                }
                out.push('\n');
            }
            for fact in &pair.facts {
                let _ = writeln!(
                    out,
                    "  {:<8} {} ≠ {}",
                    fact.kind.name(),
                    side(fact.left.as_ref()),
                    side(fact.right.as_ref())
                );
            }
        }
        out.push('\n');
    }
    out
}

/// One side of a fact line: `"sechs" 002_…@2345..2350`, or `–` where it is not stated.
fn side(span: Option<&FactSpan>) -> String {
    match span {
        Some(s) => format!(
            "\"{}\" {}@{}..{}",
            visible(&s.text),
            visible(&s.doc),
            s.start,
            s.end
        ),
        None => "–".to_string(),
    }
}
