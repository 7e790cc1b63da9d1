//! clap definitions for every subcommand.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::parser::ValueSource;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use tandem::Lang;
use tandem::align::ComparableOptions;
use tandem::align::parallel::{DEFAULT_MAX_BEAD, MAX_BEAD_LIMIT};

/// Mixed-language detection, entity glossaries, sentence alignment and review diffs for
/// multilingual news text.
#[derive(Debug, Parser)]
#[command(name = "tandem", version, about, propagate_version = true)]
#[command(
    after_help = "Exit codes: 0 success, 1 findings (with --check), 2 usage or input error, 130 interrupted."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

impl Cli {
    /// Parses the command line as [`Parser::parse`] does, and notes which options of
    /// `align` and `review` it gives (rather than their defaults): a mode refuses those
    /// it would ignore.
    pub(crate) fn parse_noting_given() -> Cli {
        let matches = Cli::command()
            .try_get_matches()
            .unwrap_or_else(|e| with_tips(e).exit());
        let mut cli = Cli::from_arg_matches(&matches)
            .unwrap_or_else(|e| e.format(&mut Cli::command()).exit());
        if let Some((_, sub)) = matches.subcommand() {
            let given = Given(
                sub.ids()
                    .filter(|id| sub.value_source(id.as_str()) == Some(ValueSource::CommandLine))
                    .map(|id| id.as_str().to_string())
                    .collect(),
            );
            match &mut cli.command {
                Command::Align(args) => args.given = given,
                Command::Review(args) => args.given = given,
                _ => {}
            }
        }
        cli
    }
}

/// Adds a tip to a usage error where the usual spelling of other commands misleads:
/// `glossary apply` and `glossary check` take the glossary as their first argument, not
/// as `--glossary`.
fn with_tips(mut error: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let glossary_option = error.kind() == ErrorKind::UnknownArgument
        && matches!(
            error.get(ContextKind::InvalidArg),
            Some(ContextValue::String(arg)) if arg.starts_with("--glossary")
        );
    let args: Vec<String> = std::env::args().skip(1).take(2).collect();
    if glossary_option && args.first().is_some_and(|a| a == "glossary") {
        let sub = args.get(1).map_or("check", String::as_str);
        error.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![
                format!(
                    "the glossary is the first argument here, without --glossary: \
                     tandem glossary {sub} GLOSSARY FILE..."
                )
                .into(),
            ]),
        );
    }
    error
}

/// The options given on the command line, by id (the field's name), as
/// [`Cli::parse_noting_given`] finds them.
#[derive(Debug, Default)]
pub(crate) struct Given(Vec<String>);

impl Given {
    /// Whether the option of field `id` was given on the command line.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.0.iter().any(|given| given == id)
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Split documents into sentences
    #[command(after_help = "Examples:
  tandem segment seeds/000_7c7a039386e2d980.txt
  tandem segment --format json --lang de seeds/001_2c4e72ae57a9902a.txt > sentences.jsonl
  cat seeds/003_2aec6ce4786460de.txt | tandem segment -")]
    Segment(SegmentArgs),
    /// Find words, phrases and sentences in a language other than the document's
    #[command(
        after_help = "Fragments are spans in another language than the document's, down to one word
(the Spanish \"Según\" left by a machine translation); names and established loanwords are
not fragments. Text output shows each fragment as file:line:col with its line; JSON has
byte offsets into the input.

Examples:
  tandem detect seeds/000_7c7a039386e2d980.txt
  tandem detect --format json seeds/*.txt > fragments.jsonl
  tandem detect --check --lang de seeds/000_7c7a039386e2d980.txt   # exit 1 when anything is found"
    )]
    Detect(DetectArgs),
    /// Align sentences across outlets (comparable) or a source and its translation (parallel)
    #[command(after_help = "Modes:
  comparable  several documents in one language: groups of sentences that report the
              same fact, in any order (the default for documents in one language)
  parallel    a source and its translation: ordered beads of up to --max-bead sentences a
              side (1-1, 2-1, 1-2, 2-2, 3-1 … 3-3 by default; one sentence may face a
              fourth, or five pieces cut at ';' or ':'), 1-0 and 0-1 (the default for two
              documents in different languages)

Every sentence of every document is in exactly one group; a group of one member means
nothing matches. A folder stands for its .txt files, in name order.

Batch (parallel mode): with --batch, the inputs are pairs, source then translation,
aligned each on its own but with one bilingual dictionary learnt from all of them
together (as hunalign's batch mode does), which helps short documents most. The output
has one alignment document per pair, one per line (JSON Lines), in input order.

Prior dictionary (parallel mode): word pairs known beforehand link sentences too. For
German and French the FreeDict de-fr dictionary is built in (data/dict/de-fr.tsv, CC
BY-SA 3.0); --dictionary FILE (source<TAB>target per line) replaces it for any pair of
languages, --no-dictionary turns it off.

Examples:
  tandem align seeds/ --glossary glossary/seeds.tsv -o aligned/seeds.json
  tb=../shared/bench/textberg-de-fr   # Text+Berg: German and French, one sentence per line
  tandem align --mode parallel --presegmented $tb/test4.de $tb/test4.fr -o pair.json
  printf 'Gletscher\\tglacier\\n' > terms.tsv
  tandem align --presegmented --dictionary terms.tsv $tb/test4.de $tb/test4.fr
  tandem align --batch --presegmented $tb/test4.de $tb/test4.fr $tb/test5.de $tb/test5.fr \\
      -o pairs.jsonl")]
    Align(AlignArgs),
    /// Show what aligned sentences say differently: words, numbers, dates, names, negation
    #[command(
        after_help = "Reads an alignment made by `tandem align` and compares the members of every group
with a pivot document (the first by default) or pairwise. Text output is in the style of
`git --word-diff`: [-removed-]{+added+}, coloured on a terminal (plain when piped or
with NO_COLOR), followed by the facts that differ. JSON has the word diff, the facts
with byte offsets into each document, and a similarity ratio per pair.

Each group shows two numbers: its score, how sure `tandem align` was that its sentences
belong together (JSON `score`; the review page's \"score\" filter), and its ratio, the
share of equal words of its least similar pair (JSON `ratio`). --min-ratio, --max-ratio
and --sort ratio use the ratio; --min-score and --max-score are old names of the first
two and filter on the ratio too.

Examples:
  tandem diff aligned/seeds.json
  tandem diff aligned/seeds.json --glossary glossary/seeds.tsv --min-ratio 0.2 --sort ratio
  tandem diff aligned/seeds.json --pairwise --format json -o diffs.json
  tandem diff aligned/seeds.json --format html -o review.html"
    )]
    Diff(DiffArgs),
    /// Export an alignment as TMX 1.4b, Moses-style TSV or an HTML review page
    #[command(after_help = "Formats:
  tmx   TMX 1.4b: one <tu> per group, one <tuv xml:lang> per member, merged sentences
        joined by a space, the document id and the score as <prop>
  tsv   one column per document, one row per group, merged sentences joined by a space
  html  the self-contained review page of `tandem diff --format html`

Examples:
  tandem export tests/fixtures/parallel_de_en.alignment.json --to tmx -o pair.tmx
  tandem export aligned/seeds.json --to tsv > seeds.tsv
  tandem export aligned/seeds.json --to html --glossary glossary/seeds.tsv -o review.html")]
    Export(ExportArgs),
    /// Find boilerplate, duplicates, foreign leftovers and glossary problems; --fix cleans
    #[command(after_help = "Rules (switch any off with --disable RULE):
  foreign-fragment      words or lines in another language (kept by --fix: they need a translator)
  boilerplate           calls to share, comment, subscribe or donate; credits, bylines, navigation
  duplicate             a sentence or headline repeated in the document
  glossary-deprecated   a deprecated variant of a glossary name (with --glossary)
  glossary-foreign-form a glossary name in another language (with --glossary)
  split-compound        a compound split in two (\"Sicherheits team\")
  stray-metadata        metadata left in the text (\"date 2025-11-04\")
  quote-style           quotation marks of several styles in one document

Examples:
  tandem clean seeds/*.txt
  tandem clean --glossary glossary/seeds.tsv --format json seeds/002_*.txt
  tandem clean --fix -o cleaned/ --glossary glossary/seeds.tsv seeds/*.txt
  tandem clean --check --fail-on warning seeds/001_2c4e72ae57a9902a.txt   # exit 1: it has warnings")]
    Clean(CleanArgs),
    /// Review a folder of articles: detect, clean, align, diff, into one output folder
    #[command(
        after_help = "Runs the whole chain: read, detect foreign fragments, clean, apply the glossary,
align (comparable, or parallel with --mode parallel), diff, and writes into OUT (NAME is
the folder reviewed, or --name):
  NAME.json            the alignment document (version 1; the README's JSON formats)
  NAME.diff.json       the word and fact diff of every group (as tandem diff --format json)
  NAME.findings.jsonl  the findings of every document (as tandem clean --format json)
  NAME.html            the self-contained review page
A summary goes to standard output. Bad inputs are reported and skipped (exit code 2 at
the end); the others are processed completely.

Examples:
  tandem review seeds/ --glossary glossary/seeds.tsv -o aligned/
  tb=../shared/bench/textberg-de-fr   # Text+Berg: German and French articles
  tandem review --mode parallel $tb/test4.de $tb/test4.fr -o review/"
    )]
    Review(ReviewArgs),
    /// Apply, check, convert and build entity glossaries
    Glossary(GlossaryArgs),
    /// Measure tandem against gold data
    Eval(EvalArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AlignMode {
    /// Comparable for documents in one language, parallel for two in different languages
    Auto,
    /// Outlets in one language, N-way groups in any order
    Comparable,
    /// A source and its translation, monotonic beads
    Parallel,
}

#[derive(Debug, Args)]
pub(crate) struct AlignArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// How the documents relate
    #[arg(long, value_enum, default_value_t = AlignMode::Auto)]
    pub(crate) mode: AlignMode,
    /// A glossary: its concepts count as shared facts (comparable) or word pairs (parallel)
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
    /// The inputs hold one sentence per line
    #[arg(long)]
    pub(crate) presegmented: bool,
    /// Parallel mode, several pairs: the inputs are source, translation, source,
    /// translation …; the dictionary is learnt from all pairs together; one alignment per
    /// pair, as JSON Lines
    #[arg(long)]
    pub(crate) batch: bool,
    #[command(flatten)]
    pub(crate) parallel: ParallelArgs,
    /// Comparable mode: the least similarity of two aligned sentences (0 to 1)
    #[arg(long, value_name = "S", value_parser = parse_fraction::<f32>, default_value_t = ComparableOptions::default().min_similarity)]
    pub(crate) min_similarity: f32,
    /// Write the alignment here (atomically) instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// The options given on the command line.
    #[arg(skip)]
    pub(crate) given: Given,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// Word diff in the style of git --word-diff, then the facts
    Text,
    /// The diff report as one JSON document
    Json,
    /// The self-contained HTML review page
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffSort {
    /// In the alignment's order
    Group,
    /// Most different first (lowest ratio)
    Ratio,
}

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The alignment (JSON from `tandem align`); `-` reads standard input
    #[arg(value_name = "ALIGNMENT")]
    pub(crate) alignment: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
    /// Write here (atomically) instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Compare every member with this document (its id; default the first document); a
    /// group without it is compared with its first member
    #[arg(long, value_name = "DOC", conflicts_with = "pairwise")]
    pub(crate) pivot: Option<String>,
    /// Compare every pair of members
    #[arg(long)]
    pub(crate) pairwise: bool,
    /// Show only groups whose ratio is at least R (0 to 1): the share of equal words,
    /// of their least similar pair, printed as "ratio" (not the alignment's "score");
    /// --min-score is an old name for it
    #[arg(long, alias = "min-score", value_name = "R", value_parser = parse_fraction::<f64>)]
    pub(crate) min_ratio: Option<f64>,
    /// Show only groups whose ratio is at most R (0 to 1), as for --min-ratio;
    /// --max-score is an old name for it
    #[arg(long, alias = "max-score", value_name = "R", value_parser = parse_fraction::<f64>)]
    pub(crate) max_ratio: Option<f64>,
    /// Order of the groups
    #[arg(long, value_enum, default_value_t = DiffSort::Group)]
    pub(crate) sort: DiffSort,
    /// Show groups of one member (sentences nothing matches) in the text report too; JSON
    /// and the review page always hold them, for machines and the page's own filter
    #[arg(long)]
    pub(crate) all: bool,
    /// A glossary: names are compared by concept
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// TMX 1.4b translation memory
    Tmx,
    /// Moses-style TSV, one column per document
    Tsv,
    /// The HTML review page
    Html,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The alignment (JSON from `tandem align`); `-` reads standard input
    #[arg(value_name = "ALIGNMENT")]
    pub(crate) alignment: PathBuf,
    /// Output format
    #[arg(long, value_enum)]
    pub(crate) to: ExportFormat,
    /// Write here (atomically) instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// HTML only: a glossary whose names are compared by concept and underlined
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
    /// TMX only: also write groups in which only one document has sentences
    #[arg(long)]
    pub(crate) include_unmatched: bool,
    /// TSV only: a first row of document ids
    #[arg(long)]
    pub(crate) header: bool,
}

#[derive(Debug, Args)]
pub(crate) struct CleanArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Format of the report
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// A glossary: deprecated and foreign forms are findings, and --fix normalises them
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
    /// Switch a rule off (repeat or separate with commas)
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub(crate) disable: Vec<String>,
    /// Write cleaned copies and a change log into the folder given with -o
    #[arg(long, requires = "output")]
    pub(crate) fix: bool,
    /// With --fix: the folder for cleaned copies; otherwise: the report file
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Exit with code 1 when findings at or above --fail-on exist
    #[arg(long)]
    pub(crate) check: bool,
    /// The least severity that makes --check fail: info, warning or error (errors:
    /// stray-metadata and glossary-deprecated; info: quote-style; the rest warn)
    #[arg(
        long,
        value_name = "SEVERITY",
        default_value = "warning",
        value_parser = PossibleValuesParser::new(["info", "warning", "error"])
            .try_map(|s| s.parse::<tandem::export::Severity>()),
        requires = "check"
    )]
    pub(crate) fail_on: tandem::export::Severity,
}

#[derive(Debug, Args)]
pub(crate) struct ReviewArgs {
    /// Folders (their *.txt files) and files to review
    #[arg(value_name = "DIR|FILE", required = true)]
    pub(crate) inputs: Vec<PathBuf>,
    /// The output folder (created when missing)
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: PathBuf,
    /// Name of the output files (NAME.json, NAME.diff.json, NAME.findings.jsonl,
    /// NAME.html); default the folder reviewed, or "review"
    #[arg(long, value_name = "NAME")]
    pub(crate) name: Option<String>,
    /// A glossary for entities, normalisation and alignment
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
    /// How the documents relate
    #[arg(long, value_enum, default_value_t = AlignMode::Auto)]
    pub(crate) mode: AlignMode,
    /// Language of the documents (de, en, es, fr, it, pt, nl); identified when not given
    #[arg(long, value_name = "L", value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// Comparable mode: the least similarity of two aligned sentences (0 to 1)
    #[arg(long, value_name = "S", value_parser = parse_fraction::<f32>, default_value_t = ComparableOptions::default().min_similarity)]
    pub(crate) min_similarity: f32,
    /// The options given on the command line.
    #[arg(skip)]
    pub(crate) given: Given,
}

#[derive(Debug, Args)]
pub(crate) struct GlossaryArgs {
    #[command(subcommand)]
    pub(crate) command: GlossaryCommand,
}

#[derive(Debug, Subcommand)]
pub(crate) enum GlossaryCommand {
    /// Find glossary terms in documents, or rewrite them (normalize, translate)
    #[command(after_help = "Modes:
  annotate   list every mention: concept id, offsets, the form found (default)
  normalize  replace deprecated variants with the preferred term of the document's language
  translate  replace forms of another language (\"Casa Blanca\" in German) with it

Rewritten text goes to -o (a file, or a folder for several inputs), over the input with
--in-place or -o naming the input itself (atomically, after reading it), or to standard
output; the list of changes goes to standard output, or to standard error when the text
does. With several inputs, every rewritten text is written or, after an error, none.

Examples:
  tandem glossary apply glossary/seeds.tsv seeds/000_7c7a039386e2d980.txt
  tandem glossary apply glossary/seeds.tsv --format json seeds/*.txt
  tandem glossary apply glossary/seeds.tsv --mode translate seeds/000_*.txt -o translated.txt")]
    Apply(GlossaryApplyArgs),
    /// Report deprecated variants, foreign forms and inconsistent names across documents
    #[command(after_help = "Examples:
  tandem glossary check glossary/seeds.tsv seeds/*.txt
  tandem glossary check --check --format json glossary/seeds.tsv seeds/*.txt  # exit 1 on findings")]
    Check(GlossaryCheckArgs),
    /// Convert a glossary between the native TSV, TBX and OmegaT formats
    #[command(
        after_help = "Formats: native (.tsv), tbx (TBX v3, .tbx), tbx2 (TBX v2, read only),
omegat:SRC-TGT (OmegaT tab-separated glossary, e.g. omegat:de-en; .txt).
Formats are taken from the file extensions unless --from / --to say otherwise; the
format of IN also from its content (TBX, the native header).

The glossary to write is -o OUT, or OUT as the second argument; `-` is standard output
(name its format with --to), and IN `-` standard input. TBX entry ids that are not
tandem ids (`WH 1`) are renamed (`wh-1`), with a note on standard error.

Examples:
  tandem glossary convert glossary/seeds.tsv -o glossary/seeds.tbx
  tandem glossary convert glossary/seeds.tbx -o seeds.tsv
  tandem glossary convert glossary/seeds.tsv -o omegat.txt --to omegat:de-en
  tandem glossary convert omegat.txt -o seeds-de-en.tsv --from omegat:de-en
  tandem glossary convert glossary/seeds.tbx seeds-copy.tsv
  cat glossary/seeds.tbx | tandem glossary convert - -o - --to native"
    )]
    Convert(GlossaryConvertArgs),
    /// Propose bilingual entries from a parallel alignment
    #[command(
        after_help = "Reads an alignment made with `tandem align --mode parallel` and proposes pairs of
names, acronyms and capitalised multi-word forms that occur together in aligned
sentences (Dice coefficient, log-likelihood, competitive linking). Entries are written
in the native format with status \"candidate\" and their evidence in the note.

Examples:
  tandem glossary build tests/fixtures/parallel_de_en.alignment.json -o candidates.tsv
  tandem glossary build tests/fixtures/parallel_de_en.alignment.json --format json \\
      --glossary glossary/seeds.tsv"
    )]
    Build(GlossaryBuildArgs),
}

/// Glossary formats as the user names them.
pub(crate) type FormatSpec = String;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ApplyMode {
    /// List mentions
    Annotate,
    /// Replace deprecated variants
    Normalize,
    /// Replace forms of other languages
    Translate,
}

#[derive(Debug, Args)]
pub(crate) struct GlossaryApplyArgs {
    /// The glossary (native .tsv, .tbx, …)
    #[arg(value_name = "GLOSSARY")]
    pub(crate) glossary: PathBuf,
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// What to do with the mentions
    #[arg(long, value_enum, default_value_t = ApplyMode::Annotate)]
    pub(crate) mode: ApplyMode,
    /// Format of the report
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Where rewritten text goes: a file (the input itself rewrites it in place), or a
    /// folder for several inputs
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Rewrite the inputs themselves (atomically)
    #[arg(long, conflicts_with = "output")]
    pub(crate) in_place: bool,
}

#[derive(Debug, Args)]
pub(crate) struct GlossaryCheckArgs {
    /// The glossary
    #[arg(value_name = "GLOSSARY")]
    pub(crate) glossary: PathBuf,
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
    /// Exit with code 1 when anything is found
    #[arg(long)]
    pub(crate) check: bool,
}

#[derive(Debug, Args)]
pub(crate) struct GlossaryConvertArgs {
    /// The glossary to read (`-` for standard input)
    #[arg(value_name = "IN")]
    pub(crate) input: PathBuf,
    /// The glossary to write, if not given with -o
    #[arg(value_name = "OUT")]
    pub(crate) out: Option<PathBuf>,
    /// The glossary to write, atomically (`-` for standard output)
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// Format of IN (native, tbx, tbx2, omegat:SRC-TGT)
    #[arg(long, value_name = "FORMAT")]
    pub(crate) from: Option<FormatSpec>,
    /// Format of OUT (native, tbx, omegat:SRC-TGT)
    #[arg(long, value_name = "FORMAT")]
    pub(crate) to: Option<FormatSpec>,
}

impl GlossaryConvertArgs {
    /// The glossary to write, given as OUT or with -o; `None` when neither or both are
    /// given, which `glossary convert` refuses.
    pub(crate) fn output(&self) -> Option<&Path> {
        match (&self.out, &self.output) {
            (Some(path), None) | (None, Some(path)) => Some(path),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum BuildFormat {
    /// tandem's glossary TSV, status candidate
    Native,
    /// TBX v3
    Tbx,
    /// The proposals with their evidence, as JSON
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct GlossaryBuildArgs {
    /// A parallel alignment (JSON from `tandem align --mode parallel`)
    #[arg(value_name = "ALIGNMENT")]
    pub(crate) alignment: PathBuf,
    /// A glossary whose entries are marked as known
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = BuildFormat::Native)]
    pub(crate) format: BuildFormat,
    /// Write here (atomically) instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
    /// The least number of aligned groups a pair must share
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub(crate) min_pairs: usize,
    /// The least Dice coefficient of a pair (0 to 1)
    #[arg(long, value_name = "D", value_parser = parse_fraction::<f64>, default_value_t = 0.5)]
    pub(crate) min_dice: f64,
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
    /// Input files, or folders standing for their `*.txt` files; `-` or none reads
    /// standard input
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
pub(crate) struct DetectArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
    /// Languages fragments may be in, comma-separated (default: all seven)
    #[arg(long, value_name = "L,L", value_delimiter = ',', value_parser = parse_lang)]
    pub(crate) languages: Vec<Lang>,
    /// Report only fragments at least this confident (0.5 to 1.0)
    #[arg(long, value_name = "C", value_parser = parse_confidence, default_value_t = 0.5)]
    pub(crate) min_confidence: f64,
    /// A glossary whose terms are never fragments
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
    /// Exit with code 1 when any fragment is found
    #[arg(long)]
    pub(crate) check: bool,
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
  tandem eval segment --lang de --cases ../shared/bench/pysbd-golden-rules/de/cases.json \\
      --format json --min-accuracy 1.0"
    )]
    Segment(EvalSegmentArgs),
    /// Fragment detection: word-level insertion benchmark and code-switching corpus
    #[command(
        after_help = "The insertion benchmark takes sentences of the Universal Dependencies treebanks in
DIR (files named <lang>_*.conllu for de en es fr it pt nl), inserts real 1-, 2- and 3-word
spans of another language's sentences (no names, numbers or punctuation) at the start,
middle or end of 3 in 4 of them, keeps the rest clean, and scores foreign tokens.
The Denglisch corpus scores English tokens in German-dominant social-media sentences.

Examples:
  tandem eval detect --ud ../shared/bench/ud
  tandem eval detect --ud ../shared/bench/ud --main de --split test --format json
  tandem eval detect --denglisch ../shared/bench/denglisch/Manu_corpus.csv"
    )]
    Detect(EvalDetectArgs),
    /// Parallel alignment against gold links (Text+Berg de-fr, ParIce en-is)
    #[command(
        after_help = "Scores strict and lax precision, recall and F1 as Vecalign's scorer does (strict:
a link must equal a gold link; lax: it must share a source and a target sentence with
one; links with an empty side are not scored), micro-summed over the documents.
Each document pair learns its dictionary alone unless --batch is given; the report says
which. The prior dictionary is the shipped FreeDict de-fr one unless --dictionary FILE or
--no-dictionary is given; the report says which too. With --links DIR the links of
another aligner are scored instead, by the same scorer (scripts/peers/gale_church_align.py
writes NLTK's Gale-Church links so).

Examples:
  tandem eval align --textberg ../shared/bench/textberg-de-fr
  tandem eval align --textberg ../shared/bench/textberg-de-fr --set dev
  tandem eval align --textberg ../shared/bench/textberg-de-fr --batch
  tandem eval align --parice ../shared/bench/parice-en-is --format json
  tandem eval align --parice ../shared/bench/parice-en-is --no-dictionary"
    )]
    Align(EvalAlignArgs),
    /// Boilerplate detection of `tandem clean` against hand-annotated articles
    #[command(
        after_help = "A gold file names articles (paths relative to it; to the current folder when the
gold file is standard input, --gold -) and their boilerplate lines:
{\"documents\": [{\"path\": \"a.txt\", \"lang\": \"de\",
                \"boilerplate\": [{\"line\": 3, \"text\": \"Lesezeit: 3 Minuten\"}]}]}
A line counts as found when tandem clean removes it as boilerplate or as a whole line of
stray metadata. Precision, recall and F1 are over the non-blank lines, per gold file.

Examples:
  tandem eval clean --gold tests/fixtures/clean/seeds_boilerplate.json
  tandem eval clean --gold tests/fixtures/clean/*.json --format json --min-f1 0.8"
    )]
    Clean(EvalCleanArgs),
    /// Comparable alignment against a hand-made gold of cross-outlet sentence pairs
    #[command(
        after_help = "A gold file lists clear pairs of sentences of different documents that report the
same fact, each sentence named by its document id (file name without extension) and
the start of its text:
{\"pairs\": [{\"a\": {\"doc\": \"000_x\", \"starts_with\": \"Die USA\"},
            \"b\": {\"doc\": \"001_y\", \"starts_with\": \"US-Beamte\"}}]}
Every cross-document pair of sentences in one predicted group is a predicted pair.
Precision is a lower bound: a defensible pair the gold leaves out counts as wrong.

Examples:
  tandem eval comparable --gold tests/fixtures/seeds_comparable_gold.json seeds/ \\
      --glossary glossary/seeds.tsv
  tandem eval comparable --gold tests/fixtures/comparable_bridge_gold.json \\
      tests/fixtures/comparable_bridge/ --details"
    )]
    Comparable(EvalComparableArgs),
}

#[derive(Debug, Args)]
pub(crate) struct EvalComparableArgs {
    /// The gold file (JSON); `-` reads standard input
    #[arg(long, value_name = "FIXTURE")]
    pub(crate) gold: PathBuf,
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// A glossary: its concepts count as shared facts
    #[arg(long, value_name = "G")]
    pub(crate) glossary: Option<PathBuf>,
    /// The least similarity of two aligned sentences (0 to 1)
    #[arg(long, value_name = "S", value_parser = parse_fraction::<f32>, default_value_t = ComparableOptions::default().min_similarity)]
    pub(crate) min_similarity: f32,
    /// List every missed and every unexpected pair (text format)
    #[arg(long)]
    pub(crate) details: bool,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct EvalCleanArgs {
    /// Gold files (JSON); `-` reads standard input, and the articles it names are then
    /// relative to the current folder
    #[arg(long, value_name = "FIXTURE", required = true, num_args = 1..)]
    pub(crate) gold: Vec<PathBuf>,
    /// Exit with code 1 when the F1 of any gold file is below this (0.0 to 1.0)
    #[arg(long, value_name = "F", value_parser = parse_fraction::<f64>)]
    pub(crate) min_f1: Option<f64>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TextbergSet {
    /// test0 to test6, pooled
    Test,
    /// The dev document
    Dev,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("gold").required(true).multiple(true).args(["textberg", "parice"]))]
pub(crate) struct EvalAlignArgs {
    /// The Text+Berg folder (testN.de, testN.fr, testN.defr)
    #[arg(long, value_name = "DIR")]
    pub(crate) textberg: Option<PathBuf>,
    /// Which Text+Berg documents
    #[arg(long, value_enum, default_value_t = TextbergSet::Test, requires = "textberg")]
    pub(crate) set: TextbergSet,
    /// The ParIce folder (eng/, isl/, gold/)
    #[arg(long, value_name = "DIR")]
    pub(crate) parice: Option<PathBuf>,
    /// Learn the dictionary from all document pairs of a set together, as `tandem align
    /// --batch` does (by default each pair learns alone)
    #[arg(long)]
    pub(crate) batch: bool,
    /// Score another aligner's links instead of aligning: `<name>.links` in DIR for
    /// every document (`test0.links` …), one link per line in the gold format
    /// (`[0, 1]:[2]`)
    #[arg(long, value_name = "DIR", conflicts_with_all = ["batch", "dictionary", "no_dictionary", "max_bead"])]
    pub(crate) links: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) parallel: ParallelArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Settings of parallel alignment: the prior bilingual dictionary and the bead size.
#[derive(Debug, Args)]
pub(crate) struct ParallelArgs {
    /// Parallel mode: a bilingual dictionary to use instead of the shipped one (de-fr),
    /// one word pair source<TAB>target per line, `#` comments; `-` reads standard input
    #[arg(long, value_name = "FILE", conflicts_with = "no_dictionary")]
    pub(crate) dictionary: Option<PathBuf>,
    /// Parallel mode: no prior dictionary, not even the shipped one
    #[arg(long)]
    pub(crate) no_dictionary: bool,
    /// Parallel mode: the most sentences on one side of a bead (1 to 8); 1 gives 1-1
    /// beads only, but for pieces of one sentence cut at open ends
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BEAD,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_BEAD_LIMIT as u64))]
    pub(crate) max_bead: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SplitArg {
    /// Sentences with even index
    Dev,
    /// Sentences with odd index
    Test,
    /// Every sentence
    All,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("data").required(true).multiple(true).args(["ud", "denglisch"]))]
pub(crate) struct EvalDetectArgs {
    /// Folder of Universal Dependencies treebanks for the insertion benchmark
    #[arg(long, value_name = "DIR")]
    pub(crate) ud: Option<PathBuf>,
    /// The Denglisch corpus CSV (Manu_corpus.csv); `-` reads standard input
    #[arg(long, value_name = "CSV")]
    pub(crate) denglisch: Option<PathBuf>,
    /// Main languages of the insertion benchmark, comma-separated
    #[arg(long, value_name = "L,L", value_delimiter = ',', value_parser = parse_lang, default_value = "de,en,es")]
    pub(crate) main: Vec<Lang>,
    /// Seed of the insertion benchmark
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) seed: u64,
    /// Which sentences of each treebank to use
    #[arg(long, value_enum, default_value_t = SplitArg::All)]
    pub(crate) split: SplitArg,
    /// Also insert runs whose every word is a word of the main language too (Dutch "in"
    /// in German): undetectable by design, left out by default
    #[arg(long)]
    pub(crate) keep_ambiguous: bool,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, Args)]
pub(crate) struct EvalSegmentArgs {
    /// The case file (JSON); `-` reads standard input
    #[arg(long, value_name = "FILE")]
    pub(crate) cases: PathBuf,
    /// Language of every case; identified per case when not given
    #[arg(long, value_name = "L", value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// Exit with code 1 when the accuracy is below this (0.0 to 1.0)
    #[arg(long, value_name = "A", value_parser = parse_fraction::<f64>)]
    pub(crate) min_accuracy: Option<f64>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

/// A similarity, score or coefficient: a number from 0 to 1. NaN or a number outside
/// would keep everything or nothing without a word.
fn parse_fraction<T: FromStr + Into<f64> + Copy>(s: &str) -> Result<T, String> {
    parse_between(s, 0.0, 1.0)
}

/// A fragment's confidence: detection reports nothing below 0.5.
fn parse_confidence(s: &str) -> Result<f64, String> {
    parse_between(s, 0.5, 1.0)
}

fn parse_between<T: FromStr + Into<f64> + Copy>(s: &str, low: f64, high: f64) -> Result<T, String> {
    let wrong = || format!("takes a number from {low} to {high}");
    let value: T = s.parse().map_err(|_| wrong())?;
    if (low..=high).contains(&value.into()) {
        Ok(value)
    } else {
        Err(wrong())
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    /// The default of `--main` is shown as it is typed ("de,en,es") and still means three
    /// languages.
    #[test]
    fn the_main_languages_default_to_three() {
        let cli = Cli::try_parse_from(["tandem", "eval", "detect", "--ud", "ud"]).unwrap();
        let Command::Eval(eval) = cli.command else {
            panic!("not eval");
        };
        let EvalCommand::Detect(args) = eval.command else {
            panic!("not eval detect");
        };
        assert_eq!(args.main, [Lang::De, Lang::En, Lang::Es]);
    }
}
