//! `tandem glossary apply|check|convert|build`: reading, formatting and writing only; the
//! matching, rewriting, checking and building live in `tandem::glossary`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use tandem::export::Finding;
use tandem::glossary::{
    self, BuildOptions, CheckedDocument, Format, Glossary, Matcher, Mentions, RewriteMode,
};
use tandem::{Document, Lang, LineIndex};

use super::CliError;
use super::args::{
    ApplyMode, BuildFormat, Format as OutputFormat, GlossaryApplyArgs, GlossaryBuildArgs,
    GlossaryCheckArgs, GlossaryCommand, GlossaryConvertArgs,
};
use super::inputs::{check_output_folder, copies_in_folder, documents};
use super::output::{Sink, one_line, place, plural, visible, write_all};

pub(crate) fn run(command: GlossaryCommand) -> Result<ExitCode, CliError> {
    match command {
        GlossaryCommand::Apply(args) => apply(&args),
        GlossaryCommand::Check(args) => check(&args),
        GlossaryCommand::Convert(args) => convert(&args),
        GlossaryCommand::Build(args) => build(&args),
    }
}

/// [`load`] for an optional `--glossary`.
pub(crate) fn load_optional(path: Option<&Path>) -> Result<Option<Glossary>, CliError> {
    path.map(load).transpose()
}

/// Reads a glossary and tells what it left out: language sections in languages tandem
/// does not support (a warning), entry ids that are not tandem ids (a note on the
/// renaming).
fn read_glossary(path: &Path, format: Option<Format>) -> Result<Glossary, CliError> {
    let (glossary, left_out) = glossary::read_noting_left_out(path, format)?;
    if let Some((old, new)) = left_out.renamed.first() {
        let n = left_out.renamed.len();
        let renamed = if n == 1 {
            format!("1 entry id was renamed to a tandem id ('{old}' → '{new}')")
        } else {
            format!("{n} entry ids were renamed to tandem ids (e.g. '{old}' → '{new}')")
        };
        let note = format!("glossary {}: {renamed}", path.display());
        eprintln!("tandem: note: {}", one_line(&note));
    }
    let n = left_out.terms();
    if n > 0 {
        let languages: Vec<String> = left_out
            .languages
            .iter()
            .map(|(code, n)| format!("{code} ({n})"))
            .collect();
        eprintln!(
            "tandem: warning: glossary {}: {n} term{} in languages tandem does not support \
             left out: {}",
            path.display(),
            plural(n),
            languages.join(", ")
        );
    }
    Ok(glossary)
}

/// Reads a glossary and warns about what it left out and about forms that several
/// concepts claim.
pub(crate) fn load(path: &Path) -> Result<Glossary, CliError> {
    let glossary = read_glossary(path, None)?;
    for conflict in glossary::conflicts(&glossary) {
        eprintln!(
            "tandem: warning: glossary {}: '{}' ({}) is a term of {}",
            path.display(),
            conflict.form,
            conflict.lang,
            conflict.concepts.join(", ")
        );
    }
    Ok(glossary)
}

#[derive(Serialize)]
struct AnnotatedDocument<'a> {
    source: &'a str,
    lang: Lang,
    #[serde(flatten)]
    mentions: &'a Mentions,
}

#[derive(Serialize)]
struct RewrittenDocument<'a> {
    source: &'a str,
    lang: Lang,
    output: Option<String>,
    changes: &'a [glossary::Change],
}

fn apply(args: &GlossaryApplyArgs) -> Result<ExitCode, CliError> {
    if args.in_place && args.mode == ApplyMode::Annotate {
        return Err(CliError::Usage(
            "--in-place rewrites the inputs: it needs --mode normalize or --mode translate".into(),
        ));
    }
    let glossary = load(&args.glossary)?;
    let docs = documents(&args.input)?;
    let matcher = Matcher::new(&glossary);
    let mode = match args.mode {
        ApplyMode::Annotate => None,
        ApplyMode::Normalize => Some(RewriteMode::Normalize),
        ApplyMode::Translate => Some(RewriteMode::Translate),
    };
    let Some(mode) = mode else {
        let mut sink = Sink::open(args.output.as_deref())?;
        for doc in &docs {
            let mentions = matcher.find(&doc.text, doc.lang);
            match args.format {
                OutputFormat::Json => sink.write_json_line(&AnnotatedDocument {
                    source: &doc.source,
                    lang: doc.lang,
                    mentions: &mentions,
                })?,
                OutputFormat::Text => sink.write_report(&annotation_text(doc, &mentions))?,
            }
        }
        sink.finish()?;
        return Ok(ExitCode::SUCCESS);
    };
    let targets = rewrite_targets(args, &docs)?;
    let text_to_stdout = targets.iter().all(Option::is_none);
    let mut report = String::new();
    let mut json_lines = Vec::new();
    let rewrites: Vec<glossary::Rewrite> = docs
        .iter()
        .map(|doc| {
            let mentions = matcher.find(&doc.text, doc.lang);
            glossary::rewrite(&doc.text, &mentions.mentions, &glossary, doc.lang, mode)
        })
        .collect();
    // Every rewritten text or none: a failure on one input leaves no output of another.
    let outputs: Vec<(Option<&Path>, &str)> = targets
        .iter()
        .zip(&rewrites)
        .map(|(target, rewrite)| (target.as_deref(), rewrite.text.as_str()))
        .collect();
    write_all(&outputs)?;
    for ((doc, target), rewrite) in docs.iter().zip(&targets).zip(&rewrites) {
        match args.format {
            OutputFormat::Json => json_lines.push(
                serde_json::to_string(&RewrittenDocument {
                    source: &doc.source,
                    lang: doc.lang,
                    output: target.as_ref().map(|t| t.display().to_string()),
                    changes: &rewrite.changes,
                })
                .expect("report serialises"),
            ),
            OutputFormat::Text => report.push_str(&changes_text(doc, &rewrite.changes)),
        }
    }
    let report = match args.format {
        OutputFormat::Json => json_lines.iter().map(|l| format!("{l}\n")).collect(),
        OutputFormat::Text => visible(&report).into_owned(),
    };
    if text_to_stdout {
        eprint!("{report}");
    } else {
        let mut sink = Sink::open(None)?;
        sink.write_str(&report)?;
        sink.finish()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Where each document's rewritten text goes; `None` is standard output.
fn rewrite_targets(
    args: &GlossaryApplyArgs,
    docs: &[Document],
) -> Result<Vec<Option<PathBuf>>, CliError> {
    if args.in_place {
        if docs.iter().any(|d| d.source == tandem::STDIN_NAME) {
            return Err(CliError::Usage(
                "--in-place cannot rewrite standard input".into(),
            ));
        }
        return Ok(docs
            .iter()
            .map(|d| Some(PathBuf::from(&d.source)))
            .collect());
    }
    // `-o -` is standard output, as if no -o were given: the change list then goes to
    // standard error and does not mix into the rewritten text. Several texts cannot go
    // there: that is refused, as `-o -` for any folder is, by `copies_in_folder`.
    let to_stdout = args.output.as_ref().is_none_or(|o| o.as_os_str() == "-");
    match &args.output {
        _ if to_stdout && docs.len() <= 1 => Ok(vec![None]),
        None => Err(CliError::Usage(
            "several inputs: give -o FOLDER or --in-place for the rewritten texts".into(),
        )),
        Some(out) if docs.len() == 1 && !out.is_dir() => Ok(vec![Some(out.clone())]),
        Some(folder) => {
            check_output_folder(folder, "-o FOLDER")?;
            let glossary = [args.glossary.as_path()];
            let copies = copies_in_folder(folder, docs, &glossary, [""], "-o FOLDER")?;
            super::output::make_folder(folder)?;
            Ok(copies.into_iter().map(|[copy]| Some(copy)).collect())
        }
    }
}

fn annotation_text(doc: &Document, mentions: &Mentions) -> String {
    let lines = LineIndex::new(&doc.text);
    let mut out = String::new();
    for m in &mentions.mentions {
        let exact = if m.exact { "" } else { ", folded" };
        let _ = writeln!(
            out,
            "{}: {} {:?} ({} {}{exact})",
            place(doc, &lines, m.start),
            m.concept,
            m.text,
            m.lang,
            m.status
        );
    }
    for a in &mentions.ambiguous {
        let _ = writeln!(
            out,
            "{}: ambiguous {:?}: {}",
            place(doc, &lines, a.start),
            a.text,
            a.candidates.join(" or ")
        );
    }
    let mut concepts: Vec<&str> = mentions
        .mentions
        .iter()
        .map(|m| m.concept.as_str())
        .collect();
    concepts.sort_unstable();
    concepts.dedup();
    let _ = writeln!(
        out,
        "{}: {}, {} mention{} of {} concept{}, {} ambiguous",
        one_line(&doc.source),
        doc.lang,
        mentions.mentions.len(),
        plural(mentions.mentions.len()),
        concepts.len(),
        plural(concepts.len()),
        mentions.ambiguous.len()
    );
    out
}

fn changes_text(doc: &Document, changes: &[glossary::Change]) -> String {
    let lines = LineIndex::new(&doc.text);
    let mut out = String::new();
    for c in changes {
        let _ = writeln!(
            out,
            "{}: {} {:?} -> {:?} ({})",
            place(doc, &lines, c.start),
            c.reason,
            c.from,
            c.to,
            c.concept
        );
    }
    let _ = writeln!(
        out,
        "{}: {} change{}",
        one_line(&doc.source),
        changes.len(),
        plural(changes.len())
    );
    out
}

#[derive(Serialize)]
struct CheckedReport<'a> {
    source: &'a str,
    lang: Lang,
    findings: &'a [Finding],
}

fn check(args: &GlossaryCheckArgs) -> Result<ExitCode, CliError> {
    let glossary = load(&args.glossary)?;
    let docs = documents(&args.input)?;
    let matcher = Matcher::new(&glossary);
    let mentions: Vec<Mentions> = docs.iter().map(|d| matcher.find(&d.text, d.lang)).collect();
    let checked: Vec<CheckedDocument> = docs
        .iter()
        .zip(&mentions)
        .map(|(d, m)| CheckedDocument {
            source: &d.source,
            lang: d.lang,
            mentions: m,
        })
        .collect();
    let findings = glossary::check(&glossary, &checked);
    let mut sink = Sink::open(args.output.output.as_deref())?;
    for (doc, found) in docs.iter().zip(&findings) {
        match args.output.format {
            OutputFormat::Json => sink.write_json_line(&CheckedReport {
                source: &doc.source,
                lang: doc.lang,
                findings: found,
            })?,
            OutputFormat::Text => sink.write_report(&findings_text(doc, found))?,
        }
    }
    sink.finish()?;
    let any = findings.iter().any(|f| !f.is_empty());
    Ok(if args.check && any {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Findings as `file:line:col: severity rule: message`, then a count.
pub(crate) fn findings_text(doc: &Document, findings: &[Finding]) -> String {
    let lines = LineIndex::new(&doc.text);
    let mut out = String::new();
    for f in findings {
        let _ = writeln!(
            out,
            "{}: {} {}: {}",
            place(doc, &lines, f.start),
            f.severity,
            f.rule,
            f.message
        );
    }
    let _ = writeln!(
        out,
        "{}: {} finding{}",
        one_line(&doc.source),
        findings.len(),
        plural(findings.len())
    );
    out
}

/// A glossary format with the (source, target) languages `omegat:SRC-TGT` gives.
type FormatWithLangs = (Format, Option<(Lang, Lang)>);

/// A format as given on the command line: a name, or `omegat:SRC-TGT`.
fn parse_format(spec: &str) -> Result<FormatWithLangs, CliError> {
    let (name, langs) = match spec.split_once(':') {
        Some((name, langs)) => (name, Some(langs)),
        None => (spec, None),
    };
    let format: Format = name.parse().map_err(|e: String| CliError::Usage(e))?;
    let langs = match langs {
        None => None,
        Some(pair) => {
            let (a, b) = pair.split_once('-').ok_or_else(|| {
                CliError::Usage(format!(
                    "'{spec}': give the languages as SRC-TGT, e.g. omegat:de-en"
                ))
            })?;
            Some((a.parse::<Lang>()?, b.parse::<Lang>()?))
        }
    };
    Ok((format, langs))
}

/// The formats `glossary convert` writes, for messages.
const WRITABLE: &str = "native (.tsv), tbx (.tbx) or omegat:SRC-TGT (.txt)";

/// The extension of a file in `format`.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Native => "tsv",
        Format::Tbx | Format::TbxV2 => "tbx",
        Format::OmegaT => "txt",
    }
}

/// The glossary `glossary convert` writes, and its format, checked before anything is
/// read: OUT or -o (not both), not a folder, and a format tandem writes.
fn convert_output(args: &GlossaryConvertArgs) -> Result<(&Path, FormatWithLangs), CliError> {
    // `output()` is `None` when both OUT and -o are given, or neither.
    let Some(output) = args.output() else {
        let msg = match (&args.out, &args.output) {
            (Some(out), Some(o)) => format!(
                "the glossary to write is given twice, as OUT ({}) and with -o ({}); give one",
                out.display(),
                o.display()
            ),
            _ => "glossary convert needs the glossary to write: give -o OUT (`-o -` for \
                  standard output, with --to)"
                .to_string(),
        };
        return Err(CliError::Usage(msg));
    };
    let to = args
        .to
        .as_deref()
        .map(|spec| {
            let name = spec.split(':').next().unwrap_or_default();
            if name.parse::<Format>().is_err() {
                return Err(CliError::Usage(format!(
                    "{}: unknown format --to {spec}; tandem writes {WRITABLE}",
                    output.display()
                )));
            }
            parse_format(spec)
        })
        .transpose()?;
    if output.is_dir() {
        let stem = match args.input.file_stem() {
            Some(stem) if args.input.as_os_str() != tandem::STDIN_NAME => stem,
            _ => "glossary".as_ref(),
        };
        let ext = match to {
            Some((format, _)) => extension(format),
            None if Format::from_path(&args.input) == Some(Format::Native) => "tbx",
            None => "tsv",
        };
        let example = output.join(stem).with_extension(ext);
        return Err(CliError::Usage(format!(
            "{}: is a folder; give the glossary file to write, e.g. -o {}",
            output.display(),
            example.display()
        )));
    }
    let (format, langs) = match to {
        Some(spec) => spec,
        None if output.as_os_str() == "-" => {
            return Err(CliError::Usage(format!(
                "-: standard output has no file name to tell the format by; give --to \
                 {WRITABLE}"
            )));
        }
        None => {
            let format = Format::from_path(output).ok_or_else(|| {
                CliError::Usage(format!(
                    "{}: cannot tell the format to write from the name; give --to {WRITABLE}",
                    output.display()
                ))
            })?;
            (format, None)
        }
    };
    match (format, langs) {
        (Format::TbxV2, _) => Err(CliError::Usage(format!(
            "{}: tbx2 (TBX v2) can be read but not written; tandem writes {WRITABLE}",
            output.display()
        ))),
        (Format::OmegaT, None) => {
            let why = match &args.to {
                Some(_) => "--to omegat".to_string(),
                None => format!(
                    "the name (.{})",
                    output.extension().unwrap_or_default().to_string_lossy()
                ),
            };
            Err(CliError::Usage(format!(
                "{}: {why} asks for an omegat glossary, which does not name its languages: \
                 give them with --to omegat:SRC-TGT (e.g. omegat:de-en)",
                output.display()
            )))
        }
        (Format::OmegaT, Some((source, target))) if source == target => {
            Err(CliError::Usage(format!(
                "{}: --to omegat:{source}-{target}: the source and target languages must differ",
                output.display()
            )))
        }
        _ => Ok((output, (format, langs))),
    }
}

fn convert(args: &GlossaryConvertArgs) -> Result<ExitCode, CliError> {
    let from = args.from.as_deref().map(parse_format).transpose()?;
    let (output, (format, langs)) = convert_output(args)?;
    let glossary = match from {
        Some((Format::OmegaT, Some((source, target)))) => {
            let input = tandem::read_input(&args.input)?;
            glossary::parse_omegat(&args.input, &input.text, source, target)?
        }
        Some((format, _)) => read_glossary(&args.input, Some(format))?,
        None => read_glossary(&args.input, None)?,
    };
    let text = glossary::render(&glossary, format, langs)?;
    let mut sink = Sink::open(Some(output))?;
    sink.write_str(&text)?;
    sink.finish()?;
    if let (Format::OmegaT, Some((source, target))) = (format, langs) {
        let left_out = glossary::omegat_left_out(&glossary, source, target);
        if left_out > 0 {
            eprintln!(
                "tandem: note: {left_out} term{} left out of the omegat glossary \
                 (deprecated {target} terms and candidates have no line)",
                if left_out == 1 { " was" } else { "s were" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn build(args: &GlossaryBuildArgs) -> Result<ExitCode, CliError> {
    let alignment = super::inputs::read_alignment(&args.alignment)?;
    if alignment.documents.len() != 2 || alignment.mode != tandem::export::AlignmentMode::Parallel {
        return Err(CliError::Usage(format!(
            "{}: glossary build needs a parallel alignment of two documents (tandem align --mode parallel)",
            args.alignment.display()
        )));
    }
    let langs = (alignment.documents[0].lang, alignment.documents[1].lang);
    if langs.0 == langs.1 {
        return Err(CliError::Usage(format!(
            "{}: both documents are in '{}'; glossary build pairs the names of a source and \
             its translation in another language",
            args.alignment.display(),
            langs.0.code()
        )));
    }
    let known = args.glossary.as_deref().map(load).transpose()?;
    let options = BuildOptions {
        min_pairs: args.min_pairs,
        min_dice: args.min_dice,
        ..BuildOptions::default()
    };
    let proposals = glossary::build(&alignment, known.as_ref(), options);
    let text = match args.format {
        BuildFormat::Json => {
            serde_json::to_string_pretty(&proposals).expect("proposals serialise") + "\n"
        }
        BuildFormat::Native | BuildFormat::Tbx => {
            let format = if args.format == BuildFormat::Tbx {
                Format::Tbx
            } else {
                Format::Native
            };
            glossary::render(
                &glossary::proposals_to_glossary(&proposals, langs.0, langs.1),
                format,
                None,
            )?
        }
    };
    let mut sink = Sink::open(args.output.as_deref())?;
    sink.write_str(&text)?;
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
