//! `tandem align`: reads the documents, calls the aligner, writes the alignment JSON.

use std::process::ExitCode;

use tandem::align::{self, ComparableOptions, ParallelOptions, Stage};
use tandem::export::AlignmentMode;

use super::CliError;
use super::args::{AlignArgs, AlignMode};
use super::inputs::folder_documents;
use super::output::{Sink, StageBar};

pub(crate) fn run(args: &AlignArgs) -> Result<ExitCode, CliError> {
    let mut docs = folder_documents(&args.input, args.presegmented)?;
    align::distinct_ids(&mut docs);
    let glossary = super::glossary::load_optional(args.glossary.as_deref())?;
    let languages_differ = docs.windows(2).any(|pair| pair[0].lang != pair[1].lang);
    let parallel = match args.mode {
        AlignMode::Parallel => true,
        AlignMode::Comparable => false,
        AlignMode::Auto => align::default_mode(&docs) == AlignmentMode::Parallel,
    };
    let alignment = if parallel {
        let [source, target] = docs.as_slice() else {
            return Err(CliError::Usage(format!(
                "parallel alignment takes exactly two documents, a source and its translation; got {}",
                docs.len()
            )));
        };
        let mut options = ParallelOptions::default();
        if let Some(glossary) = &glossary {
            options.glossary_pairs = align::glossary_pairs(glossary, source.lang, target.lang);
        }
        align::align_pair(source, target, &options)
    } else {
        if languages_differ {
            let langs: Vec<String> = docs
                .iter()
                .map(|d| format!("{} ({})", d.source, d.lang))
                .collect();
            eprintln!(
                "tandem: warning: comparable alignment of documents in different languages: {}",
                langs.join(", ")
            );
        }
        let options = ComparableOptions {
            min_similarity: args.min_similarity,
            ..ComparableOptions::default()
        };
        let bar = StageBar::new();
        let report = |stage: Stage, done: usize, total: usize| bar.report(stage, done, total);
        let groups = align::align_comparable(&docs, glossary.as_ref(), &options, &report);
        bar.finish();
        align::comparable_alignment(&docs, &groups)
    };
    let mut sink = Sink::open(args.output.as_deref())?;
    sink.write_str(&serde_json::to_string_pretty(&alignment).expect("alignment serialises"))?;
    sink.write_str("\n")?;
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
