//! Writing a command's result to standard output or, atomically, to a file.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::CliError;

/// The temporary files being written. An interrupted process (Ctrl-C, `kill`) runs no
/// `Drop`, so [`remove_temporary_files_when_interrupted`] removes them.
static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// On SIGINT, SIGTERM or SIGHUP: removes the temporary files, so that no partial output
/// is left beside its target, and ends the process with the shell's code for an
/// interrupted program (130). Outputs already moved into place stay.
pub(crate) fn remove_temporary_files_when_interrupted() {
    // Without a handler (one is set already) an interruption leaves temporary files,
    // as before; that is no reason to refuse to run.
    let _ = ctrlc::set_handler(|| {
        // Held until the end: no temporary file is made after this.
        let temporary = TEMPORARY.lock().unwrap_or_else(PoisonError::into_inner);
        for path in temporary.iter() {
            let _ = std::fs::remove_file(path);
        }
        eprintln!("tandem: interrupted");
        std::process::exit(130);
    });
}

/// Creates the temporary file `temp`, registered for removal on interruption (under
/// the lock, so that an interruption removes it or comes before it exists).
fn create_temporary(temp: &Path) -> io::Result<File> {
    let mut temporary = TEMPORARY.lock().unwrap_or_else(PoisonError::into_inner);
    let file = File::create(temp)?;
    temporary.push(temp.to_path_buf());
    Ok(file)
}

/// Removes `temp` if it still exists (not committed) and from the register.
fn remove_temporary(temp: &Path) {
    let mut temporary = TEMPORARY.lock().unwrap_or_else(PoisonError::into_inner);
    let _ = std::fs::remove_file(temp);
    temporary.retain(|path| path != temp);
}

/// How text output may be styled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// ANSI colours allowed.
    pub(crate) color: bool,
}

/// Where output goes: standard output, or a temporary file renamed into place only when
/// everything was written, or straight into a device or pipe (`-o /dev/null`), which a
/// rename would replace with a regular file.
pub(crate) enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File(FileOutput),
    Special {
        writer: BufWriter<File>,
        path: PathBuf,
    },
}

/// A file being written under a temporary name; removed on drop unless committed.
pub(crate) struct FileOutput {
    writer: Option<BufWriter<File>>,
    temp: PathBuf,
    /// The path as the user gave it, for messages.
    target: PathBuf,
    /// The file the temporary one replaces: `target`, or where its link points.
    real: PathBuf,
}

impl Sink {
    /// Opens `path` for writing, or standard output when it is `None` or `-`.
    pub(crate) fn open(path: Option<&Path>) -> Result<Sink, CliError> {
        let Some(target) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Sink::Stdout(BufWriter::new(io::stdout())));
        };
        let failure = |source| CliError::Write {
            path: target.to_path_buf(),
            source,
        };
        // Metadata follows symbolic links: a link to a device is a device.
        if let Ok(metadata) = std::fs::metadata(target) {
            // Refused now rather than when the finished file is moved into place, so
            // that outputs written together (`write_all`) fail before any of them is.
            if metadata.is_dir() {
                return Err(failure(io::ErrorKind::IsADirectory.into()));
            }
            if !metadata.is_file() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .map_err(failure)?;
                return Ok(Sink::Special {
                    writer: BufWriter::new(file),
                    path: target.to_path_buf(),
                });
            }
        }
        // A link to a file is written through: the new file replaces the one it points
        // to, and the link stays.
        let real = match std::fs::symlink_metadata(target) {
            Ok(m) if m.file_type().is_symlink() => link_target(target).map_err(failure)?,
            _ => target.to_path_buf(),
        };
        let temp = temp_path(&real);
        let file = create_temporary(&temp).map_err(|source| CliError::Folder {
            folder: folder_of(&real),
            target: target.to_path_buf(),
            source,
        })?;
        Ok(Sink::File(FileOutput {
            writer: Some(BufWriter::new(file)),
            temp,
            target: target.to_path_buf(),
            real,
        }))
    }

    /// How to style text for this output: colour only on a terminal, and never when
    /// `NO_COLOR` is set.
    pub(crate) fn style(&self) -> Style {
        let terminal = matches!(self, Sink::Stdout(_)) && io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: terminal && !no_color,
        }
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File(file) => file.writer.as_mut().expect("writer present until commit"),
            Sink::Special { writer, .. } => writer,
        }
    }

    fn failure(&self, source: io::Error) -> CliError {
        match self {
            Sink::Stdout(_) if source.kind() == io::ErrorKind::BrokenPipe => CliError::BrokenPipe,
            Sink::Stdout(_) => CliError::Write {
                path: PathBuf::from("<stdout>"),
                source,
            },
            Sink::File(file) => file.failure(source),
            Sink::Special { path, .. } => CliError::Write {
                path: path.clone(),
                source,
            },
        }
    }

    /// Writes `text`.
    pub(crate) fn write_str(&mut self, text: &str) -> Result<(), CliError> {
        let result = self.writer().write_all(text.as_bytes());
        result.map_err(|e| self.failure(e))
    }

    /// Writes a text report for people, its control characters made [`visible`]. Not
    /// for JSON, nor for documents (cleaned or rewritten text), which keep every
    /// character, nor for a report that colours itself (it shows its pieces itself).
    pub(crate) fn write_report(&mut self, text: &str) -> Result<(), CliError> {
        self.write_str(&visible(text))
    }

    /// Writes one JSON value on a line of its own (JSON Lines).
    pub(crate) fn write_json_line<T: serde::Serialize>(
        &mut self,
        value: &T,
    ) -> Result<(), CliError> {
        let line = serde_json::to_string(value).expect("output types serialise");
        self.write_str(&line)?;
        self.write_str("\n")
    }

    /// Writes everything out: flushes, and for a file syncs and closes its temporary
    /// file, so that [`Sink::finish`] only has to move it into place.
    fn prepare(&mut self) -> Result<(), CliError> {
        if let Sink::File(file) = self {
            return file.close();
        }
        let flushed = self.writer().flush();
        flushed.map_err(|e| self.failure(e))
    }

    /// Flushes and, for a file, moves it into place.
    pub(crate) fn finish(mut self) -> Result<(), CliError> {
        self.prepare()?;
        match self {
            Sink::Stdout(_) | Sink::Special { .. } => Ok(()),
            Sink::File(mut file) => file.commit(),
        }
    }
}

/// Writes each text to its file (standard output for `None`), all or nothing: every
/// file is written, synced and closed under its temporary name before the first one is
/// moved into place, so that an error on any of them leaves none written.
pub(crate) fn write_all(outputs: &[(Option<&Path>, &str)]) -> Result<(), CliError> {
    let mut sinks = Vec::with_capacity(outputs.len());
    for &(target, text) in outputs {
        let mut sink = Sink::open(target)?;
        sink.write_str(text)?;
        sink.prepare()?;
        sinks.push(sink);
    }
    sinks.into_iter().try_for_each(Sink::finish)
}

impl FileOutput {
    fn failure(&self, source: io::Error) -> CliError {
        CliError::Write {
            path: self.target.clone(),
            source,
        }
    }

    /// Flushes, syncs and closes the temporary file (once; later calls do nothing).
    fn close(&mut self) -> Result<(), CliError> {
        let Some(writer) = self.writer.take() else {
            return Ok(());
        };
        let file = writer
            .into_inner()
            .map_err(|e| self.failure(e.into_error()))?;
        file.sync_all().map_err(|e| self.failure(e))
    }

    /// Closes the temporary file and renames it to the target.
    fn commit(&mut self) -> Result<(), CliError> {
        self.close()?;
        std::fs::rename(&self.temp, &self.real).map_err(|e| self.failure(e))
    }
}

impl Drop for FileOutput {
    /// An output that was not committed is removed: no half-written file is left.
    fn drop(&mut self) {
        // After a commit the temporary name no longer exists, and this only forgets it.
        remove_temporary(&self.temp);
    }
}

/// The file the link `path` leads to. It may not exist yet: a link made ahead of the
/// output ("latest.json" to "run-1.json") is written through, as the shell's `>` does.
fn link_target(path: &Path) -> io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let leads_to = std::fs::read_link(path)?;
            let folder = path.parent().unwrap_or(Path::new(""));
            Ok(folder.join(leads_to))
        }
        found => found,
    }
}

/// The folder `path` is in, as a name people can read (`.` rather than nothing).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file beside `target`, so that the final rename stays on one file system.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    target.with_file_name(format!(".{name}.tandem-{}.tmp", std::process::id()))
}

/// `path:line:col` of a byte offset of a document, for messages people read. Columns
/// count characters as an editor shows them: a byte order mark, which editors hide,
/// does not count (JSON offsets, in bytes of the input as read, do count it).
pub(crate) fn place(doc: &tandem::Document, lines: &tandem::LineIndex, offset: usize) -> String {
    let (line, mut column) = lines.position(&doc.text, offset);
    if line == 1 && offset > 0 && doc.text.starts_with('\u{feff}') {
        column -= 1;
    }
    format!("{}:{line}:{column}", one_line(&doc.source))
}

/// Where the shown part of a line starting at byte `start` begins: after the byte order
/// mark on the first line, which editors hide.
pub(crate) fn line_start(text: &str, start: usize) -> usize {
    if start == 0 && text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        start
    }
}

/// `text` as it may be shown on a person's terminal: control characters other than line
/// breaks and tabs, and the bidirectional embeddings, overrides and isolates (U+202A to
/// U+202E, U+2066 to U+2069), are written as `<U+202E>`, so that an input can neither
/// reorder a line to hide part of it nor drive the terminal. For text formats only.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            shown.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// The plural ending of a count in English: `""` for one, `"s"` otherwise.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Writes an error to standard error as one line, `tandem: …`, with the control
/// characters of file names and quoted input shown as [`visible`] shows them, line
/// breaks and tabs too (a file name may hold a line break).
pub(crate) fn print_error(error: &dyn std::fmt::Display, after: &str) {
    eprintln!("tandem: {}{after}", one_line(&error.to_string()));
}

/// `text` as [`visible`] shows it, with line breaks and tabs written as `<U+000A>` and
/// `<U+0009>` too: for file names and messages that must stay on their line.
pub(crate) fn one_line(text: &str) -> String {
    visible(text)
        .replace('\n', "<U+000A>")
        .replace('\t', "<U+0009>")
}

/// A progress bar on standard error (drawn only on a terminal) that follows the stages
/// of comparable alignment, as `tandem align` and `tandem review` report them.
pub(crate) struct StageBar(indicatif::ProgressBar);

impl StageBar {
    pub(crate) fn new() -> StageBar {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg:12} {wide_bar} {pos}/{len} {eta}")
                .expect("valid template"),
        );
        StageBar(bar)
    }

    /// Shows `done` of `total` in `stage`; fits the library's progress callbacks.
    pub(crate) fn report(&self, stage: tandem::align::Stage, done: usize, total: usize) {
        use tandem::align::Stage;
        self.0.set_message(match stage {
            Stage::Features => "reading",
            Stage::Candidates => "comparing",
            Stage::Grouping => "grouping",
        });
        self.0.set_length(total as u64);
        self.0.set_position(done as u64);
    }

    /// Shows a stage of the command's own.
    pub(crate) fn set_message(&self, message: &'static str) {
        self.0.set_message(message);
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// Extensions of the files tandem reads and writes: a folder to be made with such a
/// name was most likely meant as a file (`clean --fix a.txt -o cleaned.txt`).
const FILE_EXTENSIONS: [&str; 9] = [
    "txt", "json", "jsonl", "html", "tsv", "tbx", "tmx", "csv", "md",
];

/// Creates the output folder `folder` and its parents, unless they exist. A folder
/// that does not exist yet and is named like a file is refused rather than made.
pub(crate) fn make_folder(folder: &Path) -> Result<(), CliError> {
    let file_like = folder
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| FILE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    if file_like && !folder.exists() {
        return Err(CliError::Usage(format!(
            "{}: -o names the folder to write into, and this looks like a file's name; give \
             a folder (e.g. -o {}), or create the folder first if this is the name you want",
            one_line(&folder.display().to_string()),
            one_line(&folder.with_extension("").display().to_string()),
        )));
    }
    std::fs::create_dir_all(folder).map_err(|source| CliError::MakeFolder {
        folder: folder.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! v {
        ($name:ident, $text:expr, $shown:expr) => {
            #[test]
            fn $name() {
                assert_eq!(visible($text), $shown);
            }
        };
    }

    v!(
        plain_text_is_kept,
        "Según la \"Casa\"\tBlanca\n",
        "Según la \"Casa\"\tBlanca\n"
    );
    v!(
        overrides_are_escaped,
        "a\u{202e}cba\u{202c}",
        "a<U+202E>cba<U+202C>"
    );
    v!(
        isolates_are_escaped,
        "\u{2066}x\u{2069}",
        "<U+2066>x<U+2069>"
    );
    v!(
        escape_and_carriage_return,
        "\u{1b}[2Jx\ry",
        "<U+001B>[2Jx<U+000D>y"
    );
    v!(c1_and_delete, "\u{85}\u{7f}", "<U+0085><U+007F>");
    v!(marks_are_kept, "\u{200f}\u{200e}", "\u{200f}\u{200e}");
}
