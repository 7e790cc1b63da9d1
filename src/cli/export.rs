//! `tandem export`: an alignment as TMX 1.4b, Moses-style TSV or the HTML review page.

use std::process::ExitCode;

use tandem::diff::{DiffOptions, DiffReport, diff_alignment};
use tandem::export::{
    Alignment, ReviewPage, TmxOptions, TsvOptions, entity_annotations, page_title, render_html,
    to_tmx, to_tsv_with,
};
use tandem::glossary::Glossary;

use super::CliError;
use super::args::{ExportArgs, ExportFormat};
use super::inputs::read_alignment;
use super::output::Sink;

pub(crate) fn run(args: &ExportArgs) -> Result<ExitCode, CliError> {
    let misplaced = [
        (
            args.glossary.is_some() && args.to != ExportFormat::Html,
            "--glossary",
            "html",
        ),
        (
            args.include_unmatched && args.to != ExportFormat::Tmx,
            "--include-unmatched",
            "tmx",
        ),
        (
            args.header && args.to != ExportFormat::Tsv,
            "--header",
            "tsv",
        ),
    ];
    if let Some((_, flag, format)) = misplaced.iter().find(|(wrong, _, _)| *wrong) {
        return Err(CliError::Usage(format!(
            "{flag} is only used with --to {format}"
        )));
    }
    // Everything is read and rendered before the output is opened: a bad alignment
    // leaves no file behind.
    let alignment = read_alignment(&args.alignment)?;
    let text = match args.to {
        ExportFormat::Tmx => to_tmx(
            &alignment,
            &TmxOptions {
                include_unmatched: args.include_unmatched,
            },
        ),
        ExportFormat::Tsv => to_tsv_with(
            &alignment,
            &TsvOptions {
                header: args.header,
            },
        ),
        ExportFormat::Html => {
            let glossary = super::glossary::load_optional(args.glossary.as_deref())?;
            let diff = diff_alignment(&alignment, glossary.as_ref(), &DiffOptions::default());
            review_page(&alignment, &diff, glossary.as_ref())
        }
    };
    let mut sink = Sink::open(args.output.as_deref())?;
    sink.write_str(&text)?;
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The review page of an alignment file and its diff, with the glossary's entities
/// underlined when there is one.
pub(crate) fn review_page(
    alignment: &Alignment,
    diff: &DiffReport,
    glossary: Option<&Glossary>,
) -> String {
    let annotations = glossary
        .map(|g| entity_annotations(alignment, g))
        .unwrap_or_default();
    render_html(&ReviewPage {
        title: &page_title(alignment),
        alignment,
        diff,
        annotations: &annotations,
    })
}
