//! `tandem align`: reads the documents, calls the aligner, writes the alignment JSON.

use std::process::ExitCode;

use tandem::Document;
use tandem::align::parallel::{self, PriorDictionary};
use tandem::align::{self, ComparableOptions, ParallelOptions, Stage};
use tandem::export::AlignmentMode;
use tandem::glossary::Glossary;

use super::CliError;
use super::args::{AlignArgs, AlignMode, Given, ParallelArgs};
use super::inputs::read_documents;
use super::output::{Sink, StageBar};

pub(crate) fn run(args: &AlignArgs) -> Result<ExitCode, CliError> {
    let mut docs = read_documents(&args.input, args.presegmented)?;
    let glossary = super::glossary::load_optional(args.glossary.as_deref())?;
    if args.batch {
        return batch(args, docs, glossary.as_ref());
    }
    align::distinct_ids(&mut docs);
    align::adopt_common_language(&mut docs);
    let parallel = is_parallel(args.mode, &docs);
    refuse_ignored(args, parallel, &aligned_in(args.mode, parallel))?;
    let alignment = if parallel {
        let [source, target] = docs.as_slice() else {
            return Err(CliError::Usage(format!(
                "parallel alignment takes exactly two documents, a source and its translation; got {}",
                docs.len()
            )));
        };
        let mut options = parallel_options(&args.parallel)?;
        if let Some(glossary) = &glossary {
            options.glossary_pairs = align::glossary_pairs(glossary, source.lang, target.lang);
        }
        align::align_pair(source, target, &options)
    } else {
        warn_if_languages_differ(&docs);
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

/// `--batch`: pairs of documents aligned with one dictionary, one alignment per line.
fn batch(
    args: &AlignArgs,
    mut docs: Vec<Document>,
    glossary: Option<&Glossary>,
) -> Result<ExitCode, CliError> {
    if args.mode == AlignMode::Comparable {
        return Err(CliError::Usage(
            "--batch aligns pairs of a source and its translation; it needs parallel mode"
                .to_string(),
        ));
    }
    refuse_ignored(args, true, "--batch aligns in parallel mode")?;
    if docs.is_empty() || docs.len() % 2 != 0 {
        return Err(CliError::Usage(format!(
            "--batch takes pairs of documents, a source then its translation; got {}",
            docs.len()
        )));
    }
    for pair in docs.chunks_mut(2) {
        align::distinct_ids(pair);
    }
    let mut options = parallel_options(&args.parallel)?;
    if let Some(glossary) = glossary {
        // Each language pair of the batch contributes its term pairs, once.
        let mut langs: Vec<_> = docs.chunks(2).map(|p| (p[0].lang, p[1].lang)).collect();
        langs.sort_unstable();
        langs.dedup();
        for (source, target) in langs {
            options
                .glossary_pairs
                .extend(align::glossary_pairs(glossary, source, target));
        }
    }
    let pairs: Vec<(&Document, &Document)> =
        docs.chunks(2).map(|pair| (&pair[0], &pair[1])).collect();
    let mut sink = Sink::open(args.output.as_deref())?;
    for alignment in align::align_pairs(&pairs, &options) {
        sink.write_json_line(&alignment)?;
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Warns that outlets in different languages are compared word by word, which finds
/// little: comparable mode is for one language (parallel mode takes two documents).
pub(crate) fn warn_if_languages_differ(docs: &[Document]) {
    if docs.windows(2).any(|pair| pair[0].lang != pair[1].lang) {
        let langs: Vec<String> = docs
            .iter()
            .map(|d| format!("{} ({})", d.source, d.lang))
            .collect();
        eprintln!(
            "tandem: warning: comparable alignment of documents in different languages: {}",
            langs.join(", ")
        );
    }
}

/// Whether `docs` are aligned in parallel mode: as `mode` says, or as
/// [`align::default_mode`] finds for them.
pub(crate) fn is_parallel(mode: AlignMode, docs: &[Document]) -> bool {
    match mode {
        AlignMode::Parallel => true,
        AlignMode::Comparable => false,
        AlignMode::Auto => align::default_mode(docs) == AlignmentMode::Parallel,
    }
}

/// An option and whether it was given.
type GivenOption = (&'static str, bool);

/// Refuses an option of `args` that the mode the documents are aligned in (`parallel` or
/// comparable) would ignore; `aligned` says how they are aligned.
fn refuse_ignored(args: &AlignArgs, parallel: bool, aligned: &str) -> Result<(), CliError> {
    let parallel_only = [
        ("--dictionary", args.parallel.dictionary.is_some()),
        ("--no-dictionary", args.parallel.no_dictionary),
        ("--max-bead", args.given.has("max_bead")),
    ];
    refuse_unused(
        &parallel_only,
        &comparable_only(&args.given),
        parallel,
        aligned,
    )
}

/// The options only comparable mode uses, of `align` and `review` alike, and whether
/// each was given.
pub(crate) fn comparable_only(given: &Given) -> [GivenOption; 1] {
    [("--min-similarity", given.has("min_similarity"))]
}

/// How the documents are aligned and why, for messages: "these documents are aligned in
/// parallel mode (--mode auto: two documents in different languages)".
pub(crate) fn aligned_in(mode: AlignMode, parallel: bool) -> String {
    let (name, auto) = if parallel {
        ("parallel", "two documents in different languages")
    } else {
        ("comparable", "not two documents in different languages")
    };
    let why = match mode {
        AlignMode::Auto => format!(" (--mode auto: {auto})"),
        AlignMode::Comparable | AlignMode::Parallel => String::new(),
    };
    format!("these documents are aligned in {name} mode{why}")
}

/// Refuses a given option that only the mode the documents are not aligned in (`parallel`
/// or comparable) uses: it would be ignored. `aligned` says how they are aligned.
pub(crate) fn refuse_unused(
    parallel_only: &[GivenOption],
    comparable_only: &[GivenOption],
    parallel: bool,
    aligned: &str,
) -> Result<(), CliError> {
    let (unused, mode) = if parallel {
        (comparable_only, "comparable")
    } else {
        (parallel_only, "parallel")
    };
    match unused.iter().find(|(_, given)| *given) {
        Some((option, _)) => Err(CliError::Usage(format!(
            "{option} is only used in {mode} mode; {aligned}"
        ))),
        None => Ok(()),
    }
}

/// Parallel options as `args` choose: the prior dictionary (the shipped one by default,
/// a file's, or none) and the largest bead side.
pub(crate) fn parallel_options(args: &ParallelArgs) -> Result<ParallelOptions, CliError> {
    let dictionary = match (&args.dictionary, args.no_dictionary) {
        (Some(path), _) => PriorDictionary::Given(parallel::read_dictionary(path)?),
        (None, true) => PriorDictionary::Off,
        (None, false) => PriorDictionary::Shipped,
    };
    Ok(ParallelOptions {
        dictionary,
        max_bead: args.max_bead,
        ..ParallelOptions::default()
    })
}
