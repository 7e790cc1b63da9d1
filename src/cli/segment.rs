//! `tandem segment`: sentences of each document, as text or JSON Lines.

use std::fmt::Write as _;
use std::process::ExitCode;

use tandem::Document;
use tandem::export::SegmentedDocument;

use super::CliError;
use super::args::{Format, SegmentArgs};
use super::inputs::documents_one_by_one;
use super::output::{Sink, one_line, plural};

pub(crate) fn run(args: &SegmentArgs) -> Result<ExitCode, CliError> {
    let docs = documents_one_by_one(&args.input)?;
    let mut sink = Sink::open(args.output.output.as_deref())?;
    for doc in docs {
        match args.output.format {
            Format::Json => sink.write_json_line(&SegmentedDocument::from(&doc))?,
            Format::Text => sink.write_report(&text_report(&doc))?,
        }
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// A header line per document, then one line per sentence: index, byte range, text.
fn text_report(doc: &Document) -> String {
    let mut out = format!(
        "{}  {} {:.2}  {} sentence{}\n",
        one_line(&doc.source),
        doc.lang,
        doc.lang_confidence,
        doc.sentences.len(),
        plural(doc.sentences.len())
    );
    for (index, span) in doc.sentences.iter().enumerate() {
        let _ = writeln!(
            out,
            "{index:>5}  {}..{}  {}",
            span.start,
            span.end,
            span.text(&doc.text)
        );
    }
    out
}
