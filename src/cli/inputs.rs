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
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    found.sort();
    Ok(found)
}

/// Refuses an output folder that exists as something else, before any work is done
/// (rather than after it, with the operating system's "File exists"). `what` says who
/// writes into it.
pub(crate) fn check_output_folder(dir: &Path, what: &str) -> Result<(), CliError> {
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "{}: not a folder; {what} writes into a folder",
            dir.display()
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
/// input stands for its `*.txt` documents.
///
/// `glossary apply --mode normalize|translate` is a filter whose output is the same kind
/// of document as its input, so `-o` may name that input: it is read whole, and the
/// rewritten text replaces it atomically (as `--in-place` does). Its glossary is still
/// protected. Folders of outputs (`clean --fix`, `review`) are checked by
/// [`copies_in_folder`] and the commands themselves.
pub(crate) fn refuse_output_over_input(command: &Command) -> Result<(), CliError> {
    let (output, inputs) = output_and_inputs(command);
    let Some(output) = output else {
        return Ok(());
    };
    let Some(id) = file_id(output) else {
        return Ok(());
    };
    // A folder stands for its documents (`align seeds/ -o seeds/000.txt`).
    let mut inputs = inputs.into_iter().flat_map(|input| {
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
    match inputs.find(|input| file_id(input).as_ref() == Some(&id)) {
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
    let input = read_input(path)?;
    let alignment: tandem::export::Alignment =
        serde_json::from_str(&input.text).map_err(|e| tandem::Error::Json {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            msg: e.to_string(),
        })?;
    alignment.validate().map_err(|msg| {
        CliError::Usage(format!("{}: not a valid alignment: {msg}", input.source))
    })?;
    Ok(alignment)
}
