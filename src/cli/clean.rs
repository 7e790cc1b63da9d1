//! `tandem clean`: findings grouped by rule or as JSON Lines, and with `--fix` cleaned
//! copies with a change log per input.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;
use tandem::clean::{Cleaner, Edit, Fixed, Kept, Rule};
use tandem::export::Finding;
use tandem::{Document, Lang, LineIndex};

use super::CliError;
use super::args::{CleanArgs, Format};
use super::inputs::{check_output_folder, copies_in_folder, documents};
use super::output::{Sink, one_line, place, plural, write_all};

/// Characters of a finding's text shown in the text report.
const SHOWN_CHARS: usize = 100;

/// The most findings of one rule the text report lists: past it a reader learns nothing
/// new (a scraped page of 160,000 misstyled quotations listed them all). JSON lists all.
const LISTED_PER_RULE: usize = 100;

#[derive(Serialize)]
struct CleanedDocument<'a> {
    source: &'a str,
    lang: Lang,
    findings: &'a [Finding],
    /// With `--fix`: the cleaned copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<String>,
    /// With `--fix`: the change log.
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<String>,
}

/// The change log written beside a cleaned copy.
#[derive(Serialize)]
struct ChangeLog<'a> {
    source: &'a str,
    output: String,
    lang: Lang,
    edits: &'a [Edit],
    kept: &'a [Kept],
}

/// Where a document's cleaned copy and change log go.
struct Targets {
    text: PathBuf,
    log: PathBuf,
}

pub(crate) fn run(args: &CleanArgs) -> Result<ExitCode, CliError> {
    let mut builder = Cleaner::builder();
    for id in &args.disable {
        let rule: Rule = id
            .parse()
            .map_err(|e: tandem::clean::UnknownRule| CliError::Usage(e.to_string()))?;
        builder = builder.disable(rule);
    }
    if let Some(path) = &args.glossary {
        builder = builder.glossary(&super::glossary::load(path)?);
    }
    let docs = documents(&args.input)?;
    let targets = if args.fix {
        let folder = args.output.as_deref().expect("clap requires -o with --fix");
        Some(fix_targets(folder, &docs, args.glossary.as_deref())?)
    } else {
        None
    };
    let cleaner = builder.build();
    let results: Vec<(Vec<Finding>, Option<Fixed>)> = docs
        .par_iter()
        .map(|doc| {
            let findings = cleaner.findings(doc);
            let fixed = args.fix.then(|| cleaner.fix(doc, &findings));
            (findings, fixed)
        })
        .collect();

    if let (Some(targets), Some(folder)) = (&targets, &args.output) {
        super::output::make_folder(folder)?;
        let mut logs = Vec::new();
        for ((doc, (_, fixed)), target) in docs.iter().zip(&results).zip(targets) {
            let fixed = fixed.as_ref().expect("fixed with --fix");
            let log = ChangeLog {
                source: &doc.source,
                output: target.text.display().to_string(),
                lang: doc.lang,
                edits: &fixed.edits,
                kept: &fixed.kept,
            };
            logs.push(serde_json::to_string_pretty(&log).expect("change log serialises") + "\n");
        }
        // Every copy and log or none.
        let outputs: Vec<(Option<&Path>, &str)> = results
            .iter()
            .zip(targets)
            .zip(&logs)
            .flat_map(|(((_, fixed), target), log)| {
                let fixed = fixed.as_ref().expect("fixed with --fix");
                [
                    (Some(target.text.as_path()), fixed.text.as_str()),
                    (Some(target.log.as_path()), log.as_str()),
                ]
            })
            .collect();
        write_all(&outputs)?;
    }

    let report_path = if args.fix {
        None
    } else {
        args.output.as_deref()
    };
    let mut sink = Sink::open(report_path)?;
    match args.format {
        Format::Json => {
            for (i, (doc, (findings, _))) in docs.iter().zip(&results).enumerate() {
                let target = targets.as_ref().map(|t| &t[i]);
                sink.write_json_line(&CleanedDocument {
                    source: &doc.source,
                    lang: doc.lang,
                    findings,
                    output: target.map(|t| t.text.display().to_string()),
                    changes: target.map(|t| t.log.display().to_string()),
                })?;
            }
        }
        Format::Text => {
            let findings: Vec<&[Finding]> = results.iter().map(|(f, _)| f.as_slice()).collect();
            sink.write_report(&text_report(&docs, &findings))?;
            if let Some(targets) = &targets {
                for ((doc, (_, fixed)), target) in docs.iter().zip(&results).zip(targets) {
                    let fixed = fixed.as_ref().expect("fixed with --fix");
                    sink.write_report(&format!(
                        "{}: cleaned copy {} ({} edit{}, {} kept), change log {}\n",
                        one_line(&doc.source),
                        one_line(&target.text.display().to_string()),
                        fixed.edits.len(),
                        plural(fixed.edits.len()),
                        fixed.kept.len(),
                        one_line(&target.log.display().to_string())
                    ))?;
                }
            }
        }
    }
    sink.finish()?;
    let failing = results
        .iter()
        .flat_map(|(findings, _)| findings)
        .any(|f| f.severity >= args.fail_on);
    Ok(if args.check && failing {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The cleaned copy and change log of every document in `folder`, refusing standard
/// input, two inputs of one name, and any target that is an input or the `glossary`.
fn fix_targets(
    folder: &Path,
    docs: &[Document],
    glossary: Option<&Path>,
) -> Result<Vec<Targets>, CliError> {
    check_output_folder(folder, "--fix")?;
    let also_read: Vec<&Path> = glossary.into_iter().collect();
    let copies = copies_in_folder(folder, docs, &also_read, ["", ".changes.json"], "--fix")?;
    Ok(copies
        .into_iter()
        .map(|[text, log]| Targets { text, log })
        .collect())
}

/// The findings of all documents grouped by rule: a heading per rule, then each finding
/// as `file:line:col: severity: message` with its text; then a summary.
fn text_report(docs: &[Document], findings: &[&[Finding]]) -> String {
    let mut out = String::new();
    let indexes: Vec<LineIndex> = docs.iter().map(|d| LineIndex::new(&d.text)).collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut rules: Vec<String> = Rule::ALL.iter().map(|r| r.id().to_string()).collect();
    for list in findings {
        for f in list.iter() {
            if !rules.contains(&f.rule) {
                rules.push(f.rule.clone());
            }
        }
    }
    for rule in &rules {
        let count: usize = findings
            .iter()
            .map(|list| list.iter().filter(|f| &f.rule == rule).count())
            .sum();
        if count == 0 {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "{rule} ({count})");
        let listed = docs
            .iter()
            .zip(&indexes)
            .zip(findings)
            .flat_map(|((doc, lines), list)| {
                list.iter()
                    .filter(|f| &f.rule == rule)
                    .map(move |f| (doc, lines, f))
            })
            .take(LISTED_PER_RULE);
        for (doc, lines, f) in listed {
            let _ = writeln!(
                out,
                "  {}: {}: {}",
                place(doc, lines, f.start),
                f.severity,
                f.message
            );
            let _ = writeln!(out, "      {}", shown(&f.text));
        }
        if count > LISTED_PER_RULE {
            let more = count - LISTED_PER_RULE;
            let _ = writeln!(
                out,
                "  … and {more} more {rule} finding{} (--format json lists every one)",
                plural(more)
            );
        }
        counts.push((rule.clone(), count));
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if !out.is_empty() {
        out.push('\n');
    }
    let by_rule: Vec<String> = counts.iter().map(|(r, n)| format!("{n} {r}")).collect();
    let _ = writeln!(
        out,
        "{} document{}, {total} finding{}{}",
        docs.len(),
        plural(docs.len()),
        plural(total),
        if by_rule.is_empty() {
            String::new()
        } else {
            format!(": {}", by_rule.join(", "))
        }
    );
    out
}

/// A finding's text on one line, shortened with an ellipsis.
fn shown(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    match flat.char_indices().nth(SHOWN_CHARS) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}
