//! clap definitions for every subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use tandem::Lang;

/// Mixed-language detection, entity glossaries, sentence alignment and review diffs for
/// multilingual news text.
#[derive(Debug, Parser)]
#[command(name = "tandem", version, about, propagate_version = true)]
#[command(after_help = "Exit codes: 0 success, 1 findings (with --check), 2 usage or input error.")]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Split documents into sentences
    #[command(after_help = "Examples:
  tandem segment seeds/000_7c7a039386e2d980.txt
  tandem segment --format json --lang de article.txt > sentences.jsonl
  cat article.txt | tandem segment -")]
    Segment(SegmentArgs),
    /// Measure tandem against gold data
    Eval(EvalArgs),
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Readable text
    Text,
    /// JSON Lines: one object per document
    Json,
}

/// Input files and the options every per-document command shares.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Input files; `-` or none reads standard input
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// Language of the documents (de, en, es, fr, it, pt, nl); identified when not given
    #[arg(long, value_name = "L", value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
}

/// Where and how to write the result.
#[derive(Debug, Args)]
pub(crate) struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct SegmentArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    #[command(subcommand)]
    pub(crate) command: EvalCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum EvalCommand {
    /// Sentence segmentation accuracy on a golden-rule case file
    #[command(
        after_help = "The case file is a JSON array of {\"text\": ..., \"sentences\": [...]}.
A case passes when the trimmed sentences equal the expected list exactly.

Examples:
  tandem eval segment --lang en --cases ../shared/bench/pysbd-golden-rules/en/cases.json
  tandem eval segment --lang de --cases cases.json --format json --min-accuracy 1.0"
    )]
    Segment(EvalSegmentArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EvalSegmentArgs {
    /// The case file
    #[arg(long, value_name = "FILE")]
    pub(crate) cases: PathBuf,
    /// Language of every case; identified per case when not given
    #[arg(long, value_name = "L", value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// Exit with code 1 when the accuracy is below this (0.0 to 1.0)
    #[arg(long, value_name = "A")]
    pub(crate) min_accuracy: Option<f64>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}
