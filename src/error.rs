//! The library's error type: every variant names the input and, where it has one, the
//! position, so that a user can find the problem without a debugger.

use std::path::PathBuf;

/// Everything that can go wrong in tandem.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file as the user named it (`-` is standard input).
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A directory was given where a file was expected.
    #[error("{path}: is a directory, not a file")]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },
    /// The input is not valid UTF-8.
    #[error("{path}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input is not valid UTF-8, and its XML declaration names another encoding.
    #[error(
        "{path}: invalid UTF-8 at byte {offset}: the file declares encoding \"{encoding}\", \
         and tandem reads UTF-8 only; convert it first (iconv -f {encoding} -t UTF-8)"
    )]
    DeclaredEncoding {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// The encoding the declaration names.
        encoding: String,
    },
    /// The input starts with a UTF-16 byte order mark.
    #[error("{path}: UTF-16 text (byte order mark at byte 0); expected UTF-8")]
    Utf16 {
        /// The file.
        path: PathBuf,
    },
    /// The input holds a NUL byte, so it is binary rather than text.
    #[error("{path}: binary data (NUL byte) at byte {offset}; expected UTF-8 text")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input is larger than tandem reads ([`crate::MAX_INPUT_BYTES`]).
    #[error("{path}: larger than {limit} bytes, the most tandem reads; split it")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit in bytes.
        limit: usize,
    },
    /// A language code that tandem does not support.
    #[error("unsupported language '{code}' (supported: de, en, es, fr, it, pt, nl)")]
    UnsupportedLanguage {
        /// The code as given.
        code: String,
    },
    /// A glossary file is malformed or inconsistent (duplicate id, bad status …).
    #[error("glossary {path}:{line}:{column}: {msg}")]
    Glossary {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong.
        msg: String,
    },
    /// A data file in another format (CoNLL-U, CSV, …) is malformed.
    #[error("{path}:{line}:{column}: {msg}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        msg: String,
    },
    /// A benchmark folder lacks the file of a language.
    #[error("{dir}: no treebank for '{lang}' (expected a file named {lang}_*.conllu)")]
    MissingTreebank {
        /// The folder searched.
        dir: PathBuf,
        /// The language code.
        lang: String,
    },
    /// A JSON input (for example an evaluation case file) is malformed.
    #[error("{path}:{line}:{column}: {msg}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong.
        msg: String,
    },
    /// A benchmark file parses but gives nothing to score: empty, only a header, or no
    /// sentence of the kind the benchmark uses.
    #[error("{path}: holds no usable sentence ({what})")]
    NoCases {
        /// The benchmark file.
        path: PathBuf,
        /// Which sentences the benchmark uses.
        what: String,
    },
    /// A gold file parses but does not fit the documents it is scored against.
    #[error("{path}: {msg}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// What does not fit.
        msg: String,
    },
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
