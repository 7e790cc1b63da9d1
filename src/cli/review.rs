//! `tandem review`: reads a folder of articles (skipping bad files), runs the library's
//! review, and writes the reviewer package into the output folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use tandem::align::{self, ComparableOptions, Stage};
use tandem::export::{AlignmentMode, ReviewPage, page_title, render_html};
use tandem::review::{Review, ReviewOptions, review};
use tandem::{Document, DocumentOptions};

use super::CliError;
use super::align::{
    aligned_in, comparable_only, is_parallel, refuse_unused, warn_if_languages_differ,
};
use super::args::{AlignMode, ReviewArgs};
use super::inputs::{check_output_folder, expand_folders};
use super::output::{Sink, StageBar, write_all};
use super::reads::refuse_output_over;

pub(crate) fn run(args: &ReviewArgs) -> Result<ExitCode, CliError> {
    let started = Instant::now();
    let stem = stem(args)?;
    check_output_folder(&args.output, "tandem review -o")?;
    let paths = expand_folders(&args.inputs)?;
    // The package must not replace what it reviews ("-o in --name in" with an input
    // in/in.html) or the glossary.
    let read: Vec<PathBuf> = paths.iter().cloned().chain(args.glossary.clone()).collect();
    for output in package_paths(&args.output, &stem) {
        refuse_output_over(Some(&output), read.iter().cloned())?;
    }
    let options = DocumentOptions { lang: args.lang };
    let mut docs = Vec::new();
    let mut skipped = 0;
    for path in &paths {
        match tandem::read_input(path) {
            Ok(input) => docs.push(Document::from_input(input, options)),
            Err(error) => {
                super::output::print_error(&error, " (skipped)");
                skipped += 1;
            }
        }
    }
    if docs.is_empty() {
        return Err(CliError::Usage(match paths.len() {
            1 => "nothing to review: the input could not be read".to_string(),
            n => format!("nothing to review: none of the {n} inputs could be read"),
        }));
    }
    align::distinct_ids(&mut docs);
    align::adopt_common_language(&mut docs);
    let parallel = is_parallel(args.mode, &docs);
    if !parallel {
        warn_if_languages_differ(&docs);
    }
    refuse_unused(
        &[],
        &comparable_only(&args.given),
        parallel,
        &aligned_in(args.mode, parallel),
    )?;
    let glossary = super::glossary::load_optional(args.glossary.as_deref())?;
    let options = ReviewOptions {
        mode: match args.mode {
            AlignMode::Auto => None,
            AlignMode::Comparable => Some(AlignmentMode::Comparable),
            AlignMode::Parallel => Some(AlignmentMode::Parallel),
        },
        comparable: ComparableOptions {
            min_similarity: args.min_similarity,
            ..ComparableOptions::default()
        },
    };
    let bar = StageBar::new();
    let report = |stage: Stage, done: usize, total: usize| bar.report(stage, done, total);
    let result = review(&docs, glossary.as_ref(), &options, &report)
        .map_err(|e| CliError::Usage(e.to_string()))?;
    bar.set_message("writing");
    let written = write_package(&args.output, &stem, &result)?;
    bar.finish();

    let mut sink = Sink::open(None)?;
    sink.write_report(&summary(&docs, &result, &written, started))?;
    sink.finish()?;
    Ok(if skipped > 0 {
        let (s, were) = match skipped {
            1 => ("", "was"),
            _ => ("s", "were"),
        };
        eprintln!("tandem: {skipped} input{s} could not be read and {were} skipped");
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// The name of the output files: `--name`, else the one folder reviewed, else `review`.
/// A `--name` that is empty or holds a path would write hidden files or files outside
/// the output folder.
fn stem(args: &ReviewArgs) -> Result<String, CliError> {
    if let Some(name) = &args.name {
        if name.is_empty() {
            return Err(CliError::Usage(
                "--name is empty; give the name of the output files, e.g. --name seeds".into(),
            ));
        }
        if Path::new(name).file_name() != Some(name.as_ref()) {
            return Err(CliError::Usage(format!(
                "--name is a file name, without folders: '{name}'"
            )));
        }
        return Ok(name.clone());
    }
    Ok(match args.inputs.as_slice() {
        [dir] if dir.is_dir() => dir
            .canonicalize()
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "review".into()),
        _ => "review".into(),
    })
}

/// Writes the four files, all or none ([`write_all`]).
fn write_package(dir: &Path, stem: &str, review: &Review) -> Result<Vec<PathBuf>, CliError> {
    super::output::make_folder(dir)?;
    let alignment = serde_json::to_string_pretty(&review.alignment).expect("serialises") + "\n";
    let diff = serde_json::to_string_pretty(&review.diff).expect("serialises") + "\n";
    let mut findings = String::new();
    for doc in &review.findings {
        findings.push_str(&serde_json::to_string(doc).expect("serialises"));
        findings.push('\n');
    }
    let title = page_title(&review.alignment);
    let html = render_html(&ReviewPage {
        title: &title,
        alignment: &review.alignment,
        diff: &review.diff,
        annotations: &review.annotations,
    });
    let paths = package_paths(dir, stem);
    let texts = [alignment, diff, findings, html];
    // All written under temporary names first and renamed at the end, so an
    // interrupted run leaves the previous package, not a mix.
    let outputs: Vec<(Option<&Path>, &str)> = paths
        .iter()
        .zip(&texts)
        .map(|(path, text)| (Some(path.as_path()), text.as_str()))
        .collect();
    write_all(&outputs)?;
    Ok(paths.to_vec())
}

/// The package's files in `dir`: the alignment, the diffs, the findings and the page.
fn package_paths(dir: &Path, stem: &str) -> [PathBuf; 4] {
    ["json", "diff.json", "findings.jsonl", "html"].map(|ext| dir.join(format!("{stem}.{ext}")))
}

fn summary(docs: &[Document], review: &Review, written: &[PathBuf], started: Instant) -> String {
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let groups = &review.alignment.groups;
    let aligned = groups
        .iter()
        .filter(|g| g.members.iter().filter(|m| !m.sentences.is_empty()).count() > 1)
        .count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "reviewed {} document{}, {sentences} sentence{} ({} mode)",
        docs.len(),
        super::output::plural(docs.len()),
        super::output::plural(sentences),
        match review.alignment.mode {
            AlignmentMode::Comparable => "comparable",
            AlignmentMode::Parallel => "parallel",
        }
    );
    let _ = writeln!(
        out,
        "groups: {} ({aligned} aligned, {} single)",
        groups.len(),
        groups.len() - aligned
    );
    let by_rule = review.findings_by_rule();
    let total: usize = by_rule.values().sum();
    let _ = writeln!(out, "findings: {total}");
    for (rule, count) in by_rule {
        let _ = writeln!(out, "  {rule:<22} {count}");
    }
    let facts: usize = review
        .diff
        .groups
        .iter()
        .flat_map(|g| &g.pairs)
        .map(|p| p.facts.len())
        .sum();
    let _ = writeln!(out, "fact differences: {facts}");
    for path in written {
        let _ = writeln!(out, "wrote {}", path.display());
    }
    let _ = writeln!(out, "time: {:.2} s", started.elapsed().as_secs_f64());
    out
}
