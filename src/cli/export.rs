//! `tandem export`: an alignment as TMX 1.4b or Moses-style TSV.

use std::process::ExitCode;

use tandem::export::{TmxOptions, to_tmx, to_tsv};

use super::CliError;
use super::args::{ExportArgs, ExportFormat};
use super::inputs::read_alignment;
use super::output::Sink;

pub(crate) fn run(args: &ExportArgs) -> Result<ExitCode, CliError> {
    if args.to == ExportFormat::Html {
        return Err(CliError::Usage("the HTML page is not built yet".into()));
    }
    if args.glossary.is_some() {
        return Err(CliError::Usage(
            "--glossary is only used with --to html".into(),
        ));
    }
    // Everything is read and rendered before the output is opened: a bad alignment
    // leaves no file behind.
    let alignment = read_alignment(&args.alignment)?;
    let text = match args.to {
        ExportFormat::Tmx => to_tmx(&alignment, &TmxOptions::default()),
        ExportFormat::Tsv => to_tsv(&alignment),
        ExportFormat::Html => unreachable!("refused above"),
    };
    let mut sink = Sink::open(args.output.as_deref())?;
    sink.write_str(&text)?;
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
