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

/// Reads every input and builds its document with one sentence per line.
pub(crate) fn presegmented_documents(args: &InputArgs) -> Result<Vec<Document>, CliError> {
    let options = DocumentOptions { lang: args.lang };
    Ok(read_all(&args.files)?
        .into_iter()
        .map(|input| Document::presegmented(&input.source, input.text, options))
        .collect())
}

/// Reads every input and builds its document.
pub(crate) fn documents(args: &InputArgs) -> Result<Vec<Document>, CliError> {
    let options = DocumentOptions { lang: args.lang };
    Ok(read_all(&args.files)?
        .into_iter()
        .map(|input| Document::from_input(input, options))
        .collect())
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
