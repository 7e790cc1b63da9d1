//! Reading every input of a command before anything is written, so that a bad input
//! leaves no partial output behind.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use tandem::{Document, DocumentOptions, Input, read_input};

use super::CliError;
use super::args::{ApplyMode, Command, EvalCommand, GlossaryCommand, InputArgs};

/// The paths to read: the given files, or standard input when there are none.
fn paths(files: &[PathBuf]) -> Vec<PathBuf> {
    if files.is_empty() {
        vec![PathBuf::from(tandem::STDIN_NAME)]
    } else {
        files.to_vec()
    }
}

/// Reads every input; reports each bad one on standard error and fails when any was bad.
pub(crate) fn read_all(files: &[PathBuf]) -> Result<Vec<Input>, CliError> {
    let mut inputs = Vec::new();
    let mut bad = Vec::new();
    for path in paths(files) {
        match read_input(&path) {
            Ok(input) => inputs.push(input),
            Err(error) => bad.push(error),
        }
    }
    match bad.len() {
        0 => Ok(inputs),
        1 => Err(bad.remove(0).into()),
        count => {
            for error in bad {
                eprintln!("tandem: {error}");
            }
            Err(CliError::BadInputs { count })
        }
    }
}

/// Reads every input and builds its document.
pub(crate) fn documents(args: &InputArgs) -> Result<Vec<Document>, CliError> {
    let options = DocumentOptions { lang: args.lang };
    Ok(read_all(&args.files)?
        .into_iter()
        .map(|input| Document::from_input(input, options))
        .collect())
}

/// [`documents`] for a command that compares documents: a folder stands for its `*.txt`
/// files, and a folder without any is an error rather than a silent read of standard
/// input.
pub(crate) fn folder_documents(
    args: &InputArgs,
    presegmented: bool,
) -> Result<Vec<Document>, CliError> {
    let files = expand_folders(&args.files)?;
    let options = DocumentOptions { lang: args.lang };
    Ok(read_all(&files)?
        .into_iter()
        .map(|input| {
            if presegmented {
                Document::presegmented(&input.source, input.text, options)
            } else {
                Document::from_input(input, options)
            }
        })
        .collect())
}

/// The inputs of a command that takes many documents: files as given, and the `*.txt`
/// files of folders, sorted. Inputs that come to nothing (folders without any) are an
/// error rather than a silent read of standard input or an empty result.
pub(crate) fn expand_folders(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut paths = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            paths.push(input.clone());
            continue;
        }
        let found = txt_files(input).map_err(|source| tandem::Error::Io {
            path: input.clone(),
            source,
        })?;
        if found.is_empty() {
            eprintln!("tandem: warning: {}: no .txt files", input.display());
        }
        paths.extend(found);
    }
    if paths.is_empty() && !inputs.is_empty() {
        return Err(CliError::Usage(
            "no documents: the folders given hold no .txt files".into(),
        ));
    }
    Ok(paths)
}

/// The `*.txt` files of folder `dir`, sorted: the documents a folder stands for.
fn txt_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    files_with_extensions(dir, &["txt"])
}

/// The files of folder `dir` whose extension is one of `extensions`, sorted.
fn files_with_extensions(dir: &Path, extensions: &[&str]) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| extensions.iter().any(|x| e == *x))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Refuses an output folder that exists as something else, before any work is done
/// (rather than after it, with the operating system's "File exists"). `what` says who
/// writes into it.
pub(crate) fn check_output_folder(dir: &Path, what: &str) -> Result<(), CliError> {
    refuse_stdout_as_folder(dir, what)?;
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "{}: not a folder; {what} writes into a folder",
            dir.display()
        )));
    }
    Ok(())
}

/// Refuses `-o -` where the output is a folder: `-` means standard output elsewhere, and
/// several files cannot go there (a folder named `-` would be a surprise).
fn refuse_stdout_as_folder(dir: &Path, what: &str) -> Result<(), CliError> {
    if dir.as_os_str() == "-" {
        return Err(CliError::Usage(format!(
            "-o -: {what} writes several files into a folder, not to standard output; \
             give a folder"
        )));
    }
    Ok(())
}

/// Where copies of `docs` go in `folder`: each input's file name with each of `suffixes`
/// appended (`""` for the copy itself). `what` names the option in messages. Refuses
/// standard input (it has no name), two inputs of one name (their copies would replace
/// each other) and a copy that would replace an input, however the folder is spelled
/// (`.`, `./`, `../in`, a link).
pub(crate) fn copies_in_folder<const N: usize>(
    folder: &Path,
    docs: &[Document],
    suffixes: [&str; N],
    what: &str,
) -> Result<Vec<[PathBuf; N]>, CliError> {
    refuse_stdout_as_folder(folder, what)?;
    let mut names: BTreeMap<&OsStr, &str> = BTreeMap::new();
    // Each input's identity once: a check per copy and input would stat the files
    // copies times inputs times.
    let inputs: HashSet<FileId> = docs
        .iter()
        .filter_map(|d| file_id(Path::new(&d.source)))
        .collect();
    let mut copies = Vec::new();
    for doc in docs {
        if doc.source == tandem::STDIN_NAME {
            return Err(CliError::Usage(format!(
                "{what} needs files: standard input has no name to write a copy under"
            )));
        }
        let name = Path::new(&doc.source).file_name().ok_or_else(|| {
            CliError::Usage(format!("{}: no file name to write under", doc.source))
        })?;
        if let Some(other) = names.insert(name, &doc.source) {
            return Err(CliError::Usage(format!(
                "{other} and {} have the same name; their copies would overwrite each other",
                doc.source
            )));
        }
        let paths = suffixes.map(|suffix| {
            let mut file = name.to_os_string();
            file.push(suffix);
            folder.join(file)
        });
        for path in &paths {
            if file_id(path).is_some_and(|id| inputs.contains(&id)) {
                return Err(CliError::Usage(format!(
                    "{}: {what} would overwrite an input; choose another folder for -o",
                    path.display()
                )));
            }
        }
        copies.push(paths);
    }
    Ok(copies)
}

/// Refuses, before anything is read or written, an output file that is one of the files
/// the command reads, however either is spelled (`./a.txt`, `../x/a.txt`, a link, a hard
/// link): a report written over the article it reports on would destroy it. A folder
/// input stands for its `*.txt` documents, an `eval` benchmark folder for the files it
/// reads ([`benchmark_files`]); `eval clean` checks the articles its gold files name.
///
/// `glossary apply --mode normalize|translate` is a filter whose output is the same kind
/// of document as its input, so `-o` may name that input: it is read whole, and the
/// rewritten text replaces it atomically (as `--in-place` does). Its glossary is still
/// protected. Folders of outputs (`clean --fix`, `review`) are checked by
/// [`copies_in_folder`] and the commands themselves.
pub(crate) fn refuse_output_over_input(command: &Command) -> Result<(), CliError> {
    let (output, inputs) = output_and_inputs(command);
    // A folder stands for its documents (`align seeds/ -o seeds/000.txt`).
    let inputs = inputs.into_iter().flat_map(|input| {
        if input.is_dir() {
            txt_files(input).unwrap_or_default()
        } else {
            vec![input.to_path_buf()]
        }
    });
    // `glossary convert` names its output without -o.
    let option = match command {
        Command::Glossary(g) if matches!(g.command, GlossaryCommand::Convert(_)) => "",
        _ => "-o ",
    };
    refuse_named_output_over(option, output, inputs.chain(benchmark_files(command)))
}

/// Refuses `-o output` when it is one of `inputs`, however either is spelled.
pub(crate) fn refuse_output_over(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = PathBuf>,
) -> Result<(), CliError> {
    refuse_named_output_over("-o ", output, inputs)
}

/// [`refuse_output_over`] for an output given by `option` (`-o ` or nothing).
fn refuse_named_output_over(
    option: &str,
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = PathBuf>,
) -> Result<(), CliError> {
    let Some(output) = output else {
        return Ok(());
    };
    let Some(id) = file_id(output) else {
        return Ok(());
    };
    match inputs
        .into_iter()
        .find(|input| file_id(input).as_ref() == Some(&id))
    {
        Some(input) => Err(CliError::Usage(format!(
            "{option}{}: output would overwrite input {}",
            output.display(),
            input.display()
        ))),
        None => Ok(()),
    }
}

/// The output file of `command` (`None` for standard output, a folder or a filter's
/// own input) and the files it reads.
fn output_and_inputs(command: &Command) -> (Option<&Path>, Vec<&Path>) {
    fn files<'a>(
        input: &'a InputArgs,
        more: impl IntoIterator<Item = &'a Option<PathBuf>>,
    ) -> Vec<&'a Path> {
        let more = more.into_iter().filter_map(Option::as_deref);
        input
            .files
            .iter()
            .map(PathBuf::as_path)
            .chain(more)
            .collect()
    }
    fn one<'a>(path: &'a Path, more: &'a Option<PathBuf>) -> Vec<&'a Path> {
        std::iter::once(path).chain(more.as_deref()).collect()
    }
    match command {
        Command::Segment(a) => (a.output.output.as_deref(), files(&a.input, [])),
        Command::Detect(a) => (a.output.output.as_deref(), files(&a.input, [&a.glossary])),
        Command::Align(a) => (
            a.output.as_deref(),
            files(&a.input, [&a.glossary, &a.parallel.dictionary]),
        ),
        Command::Diff(a) => (a.output.as_deref(), one(&a.alignment, &a.glossary)),
        Command::Export(a) => (a.output.as_deref(), one(&a.alignment, &a.glossary)),
        Command::Clean(a) if a.fix => (None, Vec::new()),
        Command::Clean(a) => (a.output.as_deref(), files(&a.input, [&a.glossary])),
        Command::Review(_) => (None, Vec::new()),
        Command::Glossary(g) => match &g.command {
            GlossaryCommand::Apply(a) if a.mode == ApplyMode::Annotate => {
                let mut inputs = files(&a.input, []);
                inputs.push(&a.glossary);
                (a.output.as_deref(), inputs)
            }
            GlossaryCommand::Apply(a) => (a.output.as_deref(), vec![a.glossary.as_path()]),
            GlossaryCommand::Check(a) => {
                let mut inputs = files(&a.input, []);
                inputs.push(&a.glossary);
                (a.output.output.as_deref(), inputs)
            }
            // Not a filter: a conversion can lose what the output format cannot hold,
            // and a wrong --to would leave another format under the input's name.
            GlossaryCommand::Convert(a) => (Some(a.output.as_path()), vec![a.input.as_path()]),
            GlossaryCommand::Build(a) => (a.output.as_deref(), one(&a.alignment, &a.glossary)),
        },
        Command::Eval(e) => match &e.command {
            EvalCommand::Segment(a) => (a.output.output.as_deref(), vec![a.cases.as_path()]),
            EvalCommand::Detect(a) => (
                a.output.output.as_deref(),
                [&a.ud, &a.denglisch]
                    .into_iter()
                    .filter_map(Option::as_deref)
                    .collect(),
            ),
            EvalCommand::Align(a) => (
                a.output.output.as_deref(),
                [&a.textberg, &a.parice, &a.parallel.dictionary]
                    .into_iter()
                    .filter_map(Option::as_deref)
                    .collect(),
            ),
            EvalCommand::Clean(a) => (
                a.output.output.as_deref(),
                a.gold.iter().map(PathBuf::as_path).collect(),
            ),
            EvalCommand::Comparable(a) => {
                let mut inputs = files(&a.input, [&a.glossary]);
                inputs.push(&a.gold);
                (a.output.output.as_deref(), inputs)
            }
        },
    }
}

/// The files an `eval` command reads from its benchmark folders (which hold no `*.txt`
/// documents, or not only those): Text+Berg `*.de`, `*.fr`, `*.defr`; ParIce `eng/`,
/// `isl/` and `gold/`; another aligner's `*.links`; treebanks `*.conllu`.
fn benchmark_files(command: &Command) -> Vec<PathBuf> {
    let Command::Eval(eval) = command else {
        return Vec::new();
    };
    let files = |dir: &Path, extensions: &[&str]| {
        files_with_extensions(dir, extensions).unwrap_or_default()
    };
    let mut found = Vec::new();
    match &eval.command {
        EvalCommand::Align(a) => {
            if let Some(dir) = &a.textberg {
                found.extend(files(dir, &["de", "fr", "defr"]));
            }
            if let Some(dir) = &a.parice {
                for sub in ["eng", "isl", "gold"] {
                    found.extend(files(&dir.join(sub), &["txt"]));
                }
            }
            if let Some(dir) = &a.links {
                found.extend(files(dir, &["links"]));
            }
        }
        EvalCommand::Detect(a) => {
            if let Some(dir) = &a.ud {
                found.extend(files(dir, &["conllu"]));
            }
        }
        _ => {}
    }
    found
}

/// Refuses standard input named for two inputs (`eval comparable --gold -` with the
/// documents on standard input too, `eval clean --gold - --gold -`), before anything is
/// read: the first would take all of it, and the second would read nothing and fail with
/// a confusing message, or be silently empty.
pub(crate) fn refuse_stdin_twice(command: &Command) -> Result<(), CliError> {
    match stdin_readers(command).as_slice() {
        [first, second, ..] => Err(CliError::Usage(format!(
            "standard input can be read only once, but {first} and {second} both read it; \
             give a file for one of them"
        ))),
        _ => Ok(()),
    }
}

/// The inputs of `command` that read standard input, as messages name them: every `-`
/// given for a file, and the documents when no file is given.
fn stdin_readers(command: &Command) -> Vec<String> {
    fn named<'a>(name: &str, paths: impl IntoIterator<Item = &'a PathBuf>) -> Vec<String> {
        paths
            .into_iter()
            .filter(|path| path.as_os_str() == tandem::STDIN_NAME)
            .map(|_| format!("{name} -"))
            .collect()
    }
    fn documents(input: &InputArgs) -> Vec<String> {
        if input.files.is_empty() {
            vec!["the documents (no FILE given)".to_string()]
        } else {
            named("FILE", &input.files)
        }
    }
    let glossary = |path: &Option<PathBuf>| named("--glossary", path);
    match command {
        Command::Segment(a) => documents(&a.input),
        Command::Detect(a) => [documents(&a.input), glossary(&a.glossary)].concat(),
        Command::Align(a) => [
            documents(&a.input),
            glossary(&a.glossary),
            named("--dictionary", &a.parallel.dictionary),
        ]
        .concat(),
        Command::Diff(a) => [named("ALIGNMENT", [&a.alignment]), glossary(&a.glossary)].concat(),
        Command::Export(a) => [named("ALIGNMENT", [&a.alignment]), glossary(&a.glossary)].concat(),
        Command::Clean(a) => [documents(&a.input), glossary(&a.glossary)].concat(),
        Command::Review(a) => [named("DIR|FILE", &a.inputs), glossary(&a.glossary)].concat(),
        Command::Glossary(g) => match &g.command {
            GlossaryCommand::Apply(a) => {
                [named("GLOSSARY", [&a.glossary]), documents(&a.input)].concat()
            }
            GlossaryCommand::Check(a) => {
                [named("GLOSSARY", [&a.glossary]), documents(&a.input)].concat()
            }
            GlossaryCommand::Convert(_) => Vec::new(),
            GlossaryCommand::Build(a) => {
                [named("ALIGNMENT", [&a.alignment]), glossary(&a.glossary)].concat()
            }
        },
        Command::Eval(e) => match &e.command {
            EvalCommand::Clean(a) => named("--gold", &a.gold),
            EvalCommand::Comparable(a) => [
                named("--gold", [&a.gold]),
                documents(&a.input),
                glossary(&a.glossary),
            ]
            .concat(),
            // One file option each: --cases, --denglisch, --dictionary.
            EvalCommand::Segment(_) | EvalCommand::Detect(_) | EvalCommand::Align(_) => Vec::new(),
        },
    }
}

/// What makes a file the same file however its path is spelled (`./a.txt`,
/// `../x/a.txt`, a link, a hard link): its device and inode.
#[cfg(unix)]
type FileId = (u64, u64);
/// What makes a file the same file however its path is spelled: its canonical path.
#[cfg(not(unix))]
type FileId = PathBuf;

/// The identity of `path` if it is an existing regular file. Devices and pipes have
/// none: writing to one does not replace what was read from it.
fn file_id(path: &Path) -> Option<FileId> {
    let metadata = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        std::fs::canonicalize(path).ok()
    }
}

/// Reads an alignment JSON file (or standard input for `-`) and checks that its groups
/// refer to documents and sentences it has.
pub(crate) fn read_alignment(path: &Path) -> Result<tandem::export::Alignment, CliError> {
    let alignment: tandem::export::Alignment = tandem::read_json(path)?;
    alignment.validate().map_err(|msg| {
        CliError::Usage(format!("{}: not a valid alignment: {msg}", path.display()))
    })?;
    Ok(alignment)
}
