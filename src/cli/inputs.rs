//! Reading every input of a command before anything is written, so that a bad input
//! leaves no partial output behind.

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
    if files.is_empty() && !args.files.is_empty() {
        return Err(CliError::Usage(
            "no documents: the folders given hold no .txt files".into(),
        ));
    }
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
/// files of folders, sorted.
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
    Ok(paths)
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
