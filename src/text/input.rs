//! Reading input: a file or standard input, UTF-8 with an optional BOM, LF or CRLF.
//! Anything else is an error that names the input and the byte offset.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// How standard input is named in sources and messages.
pub const STDIN_NAME: &str = "-";

/// Text read from one input, exactly as it was read (a BOM, if any, is kept so that
/// offsets count it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The input as the user named it; [`STDIN_NAME`] for standard input.
    pub source: String,
    /// The whole input.
    pub text: String,
}

/// Reads `path`, or standard input when it is `-`.
pub fn read_input(path: &Path) -> Result<Input> {
    if path.as_os_str() == STDIN_NAME {
        read_stdin()
    } else {
        read_path(path)
    }
}

/// Reads a file.
pub fn read_path(path: &Path) -> Result<Input> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if std::fs::metadata(path).map_err(io_error)?.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    decode(path.to_path_buf(), bytes)
}

/// Reads all of standard input.
pub fn read_stdin() -> Result<Input> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: PathBuf::from(STDIN_NAME),
            source,
        })?;
    decode(PathBuf::from(STDIN_NAME), bytes)
}

/// `text` without its leading byte order mark, if it has one. Offsets into the input
/// count the mark: they are `text.len() - strip_bom(text).len()` more than offsets into
/// the result.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads and parses the JSON file at `path` (`-` is standard input), skipping a leading
/// byte order mark; a syntax error names the file, line and column.
///
/// ```no_run
/// let alignment: tandem::export::Alignment = tandem::read_json("pair.json".as_ref())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let input = read_input(path)?;
    parse_json(path, &input.text)
}

/// Parses JSON read from `path` (only named in errors), skipping a leading byte order
/// mark, as [`read_json`] does.
pub(crate) fn parse_json<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    serde_json::from_str(strip_bom(text)).map_err(|e| {
        // The position is reported as `path:line:column` already.
        let msg = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        Error::Json {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            msg: msg.strip_suffix(&position).unwrap_or(&msg).to_string(),
        }
    })
}

/// Checks that `bytes` are UTF-8 text: no NUL byte (binary files), valid UTF-8.
pub(crate) fn decode(path: PathBuf, bytes: Vec<u8>) -> Result<Input> {
    // UTF-16 (Windows' "Unicode") has NUL bytes in Latin text; say what it is.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Error::Utf16 { path });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path, offset });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input {
            source: path.to_string_lossy().into_owned(),
            text,
        }),
        Err(e) => Err(Error::InvalidUtf8 {
            path,
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_bytes(bytes: &[u8]) -> Result<Input> {
        decode(PathBuf::from("x.txt"), bytes.to_vec())
    }

    #[test]
    fn json_errors_give_the_position_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "{\"a\": 1,\n \"b\": }").unwrap();
        let err = read_json::<serde_json::Value>(&path).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}:2:7: expected value", path.display())
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode_bytes(b"Hallo \xC3\x28 Welt").unwrap_err();
        assert_eq!(err.to_string(), "x.txt: invalid UTF-8 at byte 6");
    }

    #[test]
    fn nul_byte_is_binary() {
        let err = decode_bytes(b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 4, .. }), "{err}");
    }

    #[test]
    fn utf16_is_named_as_such() {
        for bom in [&b"\xFF\xFEH\x00i\x00"[..], b"\xFE\xFF\x00H\x00i"] {
            let err = decode_bytes(bom).unwrap_err();
            assert_eq!(
                err.to_string(),
                "x.txt: UTF-16 text (byte order mark at byte 0); expected UTF-8"
            );
        }
    }

    #[test]
    fn bom_and_crlf_are_kept() {
        let input = decode_bytes(b"\xEF\xBB\xBFEins.\r\nZwei.").unwrap();
        assert_eq!(input.text, "\u{feff}Eins.\r\nZwei.");
    }

    #[test]
    fn empty_input_is_valid() {
        assert_eq!(decode_bytes(b"").unwrap().text, "");
    }
}
