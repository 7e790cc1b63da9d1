//! Reading a JSON gold file with errors that name the file, line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::{Error, Result, read_input};

/// Reads and parses the JSON file at `path` (`-` is standard input).
pub(crate) fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let input = read_input(path)?;
    serde_json::from_str(&input.text).map_err(|e| Error::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        msg: e.to_string(),
    })
}
