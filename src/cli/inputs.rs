//! Reading every input of a command before anything is written, so that a bad input
//! leaves no partial output behind.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use tandem::{Document, DocumentOptions, Input, read_input};

use super::CliError;
use super::args::InputArgs;

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
        let entries = std::fs::read_dir(input).map_err(|source| tandem::Error::Io {
            path: input.clone(),
            source,
        })?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
            .collect();
        found.sort();
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
    let inputs: Vec<PathBuf> = docs
        .iter()
        .filter_map(|d| std::fs::canonicalize(&d.source).ok())
        .collect();
    // A folder that does not exist yet holds no input.
    let canonical_folder = std::fs::canonicalize(folder).ok();
    let mut names: BTreeMap<&OsStr, &str> = BTreeMap::new();
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
            let is_input = canonical_folder
                .as_ref()
                .and_then(|f| path.file_name().map(|n| f.join(n)))
                .is_some_and(|p| inputs.contains(&p));
            if is_input {
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
