//! What can make a command fail, beyond the library's own errors.

use std::path::PathBuf;

/// A failed command; every variant but `BrokenPipe` exits with code 2.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// An error from the library (bad input and the like).
    #[error(transparent)]
    Tandem(#[from] tandem::Error),
    /// The command's arguments do not fit together.
    #[error("{0}")]
    Usage(String),
    /// Several inputs were bad (two or more); each has been reported already.
    #[error("{count} inputs could not be read; nothing was written")]
    BadInputs { count: usize },
    /// Writing the output failed.
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The output folder could not be created (a file has its name, a parent is not
    /// writable …).
    #[error("{folder}: cannot create this folder for the output: {source}")]
    MakeFolder {
        folder: PathBuf,
        source: std::io::Error,
    },
    /// The temporary file beside an output could not be created: the cause is the
    /// folder (missing, not writable, full), so the message names it.
    #[error("{folder}: cannot create a file in this folder (to write {target}): {source}")]
    Folder {
        folder: PathBuf,
        target: PathBuf,
        source: std::io::Error,
    },
    /// Standard output was closed by the reader (`tandem … | head`): not an error.
    #[error("broken pipe")]
    BrokenPipe,
}
