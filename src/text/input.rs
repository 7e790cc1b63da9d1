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

/// The largest input tandem reads, in bytes (1 GiB). Without a limit a stream that
/// never ends (`yes | tandem segment`) would take all memory before anything could
/// say so.
pub const MAX_INPUT_BYTES: usize = 1 << 30;

/// How much is read at a time. Each piece is checked as it comes, so that binary data
/// (`/dev/zero`, `/dev/urandom`) fails at its first bytes, not once memory is full.
const READ_CHUNK: usize = 1 << 16;

/// Reads a file.
pub fn read_path(path: &Path) -> Result<Input> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    // Devices and pipes report no length; they are read until the limit.
    let length = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    if length > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    read_checked(path.to_path_buf(), file, length, MAX_INPUT_BYTES)
}

/// Reads all of standard input.
pub fn read_stdin() -> Result<Input> {
    read_checked(
        PathBuf::from(STDIN_NAME),
        std::io::stdin().lock(),
        0,
        MAX_INPUT_BYTES,
    )
}

/// Reads `reader` to its end (about `expected` bytes, at most `limit`), checking each
/// piece as it comes as [`decode`] checks a whole input.
fn read_checked(
    path: PathBuf,
    mut reader: impl Read,
    expected: usize,
    limit: usize,
) -> Result<Input> {
    let mut bytes = Vec::with_capacity(expected.min(limit));
    let mut chunk = vec![0; READ_CHUNK];
    let mut valid = 0;
    loop {
        let read = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => return Err(Error::Io { path, source }),
        };
        if bytes.len() + read > limit {
            return Err(Error::TooLarge { path, limit });
        }
        let start = bytes.len();
        bytes.extend_from_slice(&chunk[..read]);
        valid = check(&path, &bytes, start, valid)?;
    }
    if bytes.len() < 2 {
        // Too short for the pieces' checks: checked whole.
        return decode(path, bytes);
    }
    // Only a character cut at the end, from `valid` on, can still fail.
    utf8_input(path, bytes)
}

/// Checks the bytes from `start` on, of input `bytes` whose first `valid` bytes are
/// known to be UTF-8, as [`decode`] checks a whole input, and returns how many bytes
/// are now known to be UTF-8 (a character cut at the end waits for the next piece, and
/// so does a first byte alone).
fn check(path: &Path, bytes: &[u8], start: usize, valid: usize) -> Result<usize> {
    let path = || path.to_path_buf();
    if bytes.len() < 2 {
        // Too short to tell UTF-16's byte order mark from invalid UTF-8.
        return Ok(valid);
    }
    if start < 2 && is_utf16(bytes) {
        return Err(Error::Utf16 { path: path() });
    }
    // The first byte may have come alone, before anything was checked.
    let unchecked = if start < 2 { 0 } else { start };
    if let Some(nul) = bytes[unchecked..].iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path(),
            offset: unchecked + nul,
        });
    }
    match std::str::from_utf8(&bytes[valid..]) {
        Ok(_) => Ok(bytes.len()),
        Err(e) if e.error_len().is_none() => Ok(valid + e.valid_up_to()),
        Err(e) => Err(not_utf8(path(), bytes, valid + e.valid_up_to())),
    }
}

/// Whether `bytes` start with a UTF-16 byte order mark.
fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
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
/// mark, as [`read_json`] does: for a caller that looks at the text first.
pub fn parse_json<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    serde_json::from_str(strip_bom(text)).map_err(|e| {
        // The position is reported as `path:line:column` already.
        let msg = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        Error::Json {
            path: path.to_path_buf(),
            line: e.line(),
            // serde_json counts 0 before the first character of a line; editors count 1.
            column: e.column().max(1),
            msg: msg.strip_suffix(&position).unwrap_or(&msg).to_string(),
        }
    })
}

/// Checks that `bytes` are UTF-8 text: no NUL byte (binary files), valid UTF-8.
pub(crate) fn decode(path: PathBuf, bytes: Vec<u8>) -> Result<Input> {
    // UTF-16 (Windows' "Unicode") has NUL bytes in Latin text; say what it is.
    if is_utf16(&bytes) {
        return Err(Error::Utf16 { path });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path, offset });
    }
    utf8_input(path, bytes)
}

/// The input of `bytes` found free of UTF-16 and NUL bytes: its text if they are UTF-8,
/// else an error at the first byte that is not.
fn utf8_input(path: PathBuf, bytes: Vec<u8>) -> Result<Input> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input {
            source: path.to_string_lossy().into_owned(),
            text,
        }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            Err(not_utf8(path, e.as_bytes(), offset))
        }
    }
}

/// The error for `bytes` that are not UTF-8 from `offset` on: one that names the
/// encoding an XML declaration at the start gives (`<?xml version="1.0"
/// encoding="ISO-8859-1"?>`), where there is one, as that says what to convert from.
fn not_utf8(path: PathBuf, bytes: &[u8], offset: usize) -> Error {
    match declared_encoding(bytes) {
        Some(encoding) if !encoding.eq_ignore_ascii_case("utf-8") => Error::DeclaredEncoding {
            path,
            offset,
            encoding,
        },
        _ => Error::InvalidUtf8 { path, offset },
    }
}

/// The encoding named by an XML declaration at the start of `bytes`, if it is a name
/// as XML allows one (letters, digits, `.`, `_`, `-`; at most 40 of them).
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &start[..start.len().min(200)];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let declaration = &head[..head.windows(2).position(|w| w == b"?>")?];
    let at = declaration.windows(8).position(|w| w == b"encoding")? + 8;
    let rest = declaration[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let (&quote, rest) = rest.split_first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let name = &rest[..rest.iter().position(|&b| b == quote)?];
    let allowed = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-');
    (!name.is_empty() && name.len() <= 40 && name.iter().all(allowed))
        .then(|| String::from_utf8_lossy(name).into_owned())
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

    /// A reader that hands out `bytes` a few at a time, as pipes do.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn trickle(bytes: &[u8], step: usize, limit: usize) -> Result<Input> {
        let reader = Trickle { bytes, step };
        read_checked(PathBuf::from("-"), reader, 0, limit)
    }

    #[test]
    fn pieces_are_checked_as_they_come() {
        let text = "Grüße aus Köln – 10 €.".as_bytes();
        for step in 1..=4 {
            // Characters cut between pieces are whole again.
            assert_eq!(
                trickle(text, step, 100).unwrap().text,
                "Grüße aus Köln – 10 €."
            );
            // Offsets count from the start of the input, not of the piece.
            let err = trickle(b"abcdefg\x00h", step, 100).unwrap_err();
            assert!(matches!(err, Error::Binary { offset: 7, .. }), "{err}");
            let err = trickle(b"abc\xC3\x28defg", step, 100).unwrap_err();
            assert!(matches!(err, Error::InvalidUtf8 { offset: 3, .. }), "{err}");
            let err = trickle(b"\xFF\xFEH\x00", step, 100).unwrap_err();
            assert!(matches!(err, Error::Utf16 { .. }), "{err}");
        }
        // An input that ends inside a character.
        let err = trickle(b"K\xC3", 1, 100).unwrap_err();
        assert!(matches!(err, Error::InvalidUtf8 { offset: 1, .. }), "{err}");
        // A first byte that came alone is checked with the next piece.
        let err = trickle(b"\x00abc", 1, 100).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 0, .. }), "{err}");
    }

    #[test]
    fn a_declared_encoding_is_named_when_the_bytes_are_not_utf8() {
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tbx>Wei\xdfes</tbx>";
        let err = decode(PathBuf::from("g.tbx"), latin.to_vec()).unwrap_err();
        assert!(
            matches!(&err, Error::DeclaredEncoding { offset: 52, encoding, .. } if encoding == "ISO-8859-1"),
            "{err}"
        );
        assert!(
            err.to_string().contains("iconv -f ISO-8859-1 -t UTF-8"),
            "{err}"
        );
        // Read in pieces, the same.
        let err = trickle(latin, 7, 1000).unwrap_err();
        assert!(
            matches!(err, Error::DeclaredEncoding { offset: 52, .. }),
            "{err}"
        );
        // A declaration of UTF-8, a name XML does not allow, or none: plain invalid UTF-8.
        for bytes in [
            &b"<?xml version='1.0' encoding='UTF-8'?><a>\xdf</a>"[..],
            b"<?xml version='1.0' encoding='ISO 8859-1; rm'?><a>\xdf</a>",
            b"Wei\xdfes Haus",
        ] {
            let err = decode(PathBuf::from("g.tbx"), bytes.to_vec()).unwrap_err();
            assert!(matches!(err, Error::InvalidUtf8 { .. }), "{err}");
        }
    }

    #[test]
    fn a_stream_stops_at_the_limit() {
        let endless = std::io::repeat(b'a');
        let err = read_checked(PathBuf::from("-"), endless, 0, 1000).unwrap_err();
        assert!(matches!(err, Error::TooLarge { limit: 1000, .. }), "{err}");
        // Binary data fails at once, long before the limit.
        let zeros = std::io::repeat(0);
        let err = read_checked(PathBuf::from("-"), zeros, 0, usize::MAX).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 0, .. }), "{err}");
        assert_eq!(trickle(b"abc", 2, 3).unwrap().text, "abc");
    }

    #[test]
    fn empty_input_is_valid() {
        assert_eq!(decode_bytes(b"").unwrap().text, "");
    }
}
