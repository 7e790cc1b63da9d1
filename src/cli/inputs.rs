//! Reading every input of a command before anything is written, so that a bad input
//! leaves no partial output behind.

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
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
                super::output::print_error(&error, "");
            }
            Err(CliError::BadInputs { count })
        }
    }
}

/// Reads every input and builds its document; a folder stands for its `*.txt` files.
pub(crate) fn documents(args: &InputArgs) -> Result<Vec<Document>, CliError> {
    read_documents(args, false)
}

/// [`documents`] built one at a time as they are taken, for a command that writes each
/// before it needs the next: every input is still read (and a bad one refused) first,
/// but only one document's sentences are held at once.
pub(crate) fn documents_one_by_one(
    args: &InputArgs,
) -> Result<impl Iterator<Item = Document>, CliError> {
    read_documents_lazily(args, false)
}

/// [`documents`], each one sentence per line when `presegmented`. A folder without
/// `*.txt` files is an error rather than a silent read of standard input.
pub(crate) fn read_documents(
    args: &InputArgs,
    presegmented: bool,
) -> Result<Vec<Document>, CliError> {
    Ok(read_documents_lazily(args, presegmented)?.collect())
}

/// Reads every input now; builds each document when it is taken.
fn read_documents_lazily(
    args: &InputArgs,
    presegmented: bool,
) -> Result<impl Iterator<Item = Document>, CliError> {
    let files = expand_folders(&args.files)?;
    let options = DocumentOptions { lang: args.lang };
    Ok(read_all(&files)?.into_iter().map(move |input| {
        if presegmented {
            Document::presegmented(&input.source, input.text, options)
        } else {
            Document::from_input(input, options)
        }
    }))
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
pub(super) fn txt_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    files_with_extensions(dir, &["txt"])
}

/// The files of folder `dir` whose extension is one of `extensions`, sorted.
pub(super) fn files_with_extensions(
    dir: &Path,
    extensions: &[&str],
) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let wanted = path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x));
        if !wanted {
            continue;
        }
        // Regular files only: reading a named pipe waits for a writer forever, and a
        // device is no document. A link that leads nowhere is kept, so that reading it
        // names it, rather than being left out without a word.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => {}
            Ok(meta) if !meta.is_file() => {
                eprintln!(
                    "tandem: warning: {}: not a regular file, skipped",
                    path.display()
                );
            }
            _ => found.push(path),
        }
    }
    found.sort();
    Ok(found)
}

/// Refuses an output folder that exists as something else, before any work is done
/// (rather than after it, with the operating system's "File exists"). `what` says who
/// writes into it.
pub(crate) fn check_output_folder(dir: &Path, what: &str) -> Result<(), CliError> {
    refuse_stdout_as_folder(dir, what)?;
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::Usage(format!(
            "{}: not a folder; {what} writes into a folder",
            dir.display()
        )));
    }
    Ok(())
}

/// Refuses `-o -` where the output is a folder: `-` means standard output elsewhere, and
/// several files cannot go there (a folder named `-` would be a surprise).
fn refuse_stdout_as_folder(dir: &Path, what: &str) -> Result<(), CliError> {
    if dir.as_os_str() == "-" {
        return Err(CliError::Usage(format!(
            "-o -: {what} writes several files into a folder, not to standard output; \
             give a folder"
        )));
    }
    Ok(())
}

/// Where copies of `docs` go in `folder`: each input's file name with each of `suffixes`
/// appended (`""` for the copy itself). `what` names the option in messages. Refuses
/// standard input (it has no name), two inputs of one name (their copies would replace
/// each other), two copies of one name ("a.txt.changes.json" is the change log of
/// "a.txt" and the copy of an input of that name), and a copy that would replace an
/// input or one of the other files the command reads (`also_read`: a glossary),
/// however the folder is spelled (`.`, `./`, `../in`, a link).
pub(crate) fn copies_in_folder<const N: usize>(
    folder: &Path,
    docs: &[Document],
    also_read: &[&Path],
    suffixes: [&str; N],
    what: &str,
) -> Result<Vec<[PathBuf; N]>, CliError> {
    refuse_stdout_as_folder(folder, what)?;
    // Each input's identity once: a check per copy and input would stat the files
    // copies times inputs times.
    let inputs: HashSet<FileId> = docs
        .iter()
        .map(|d| Path::new(&d.source))
        .chain(also_read.iter().copied())
        .filter_map(file_id)
        .collect();
    // The input each file name in the folder is written for.
    let mut targets: BTreeMap<OsString, &str> = BTreeMap::new();
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
        let files = suffixes.map(|suffix| {
            let mut file = name.to_os_string();
            file.push(suffix);
            file
        });
        for file in &files {
            let path = folder.join(file);
            if let Some(other) = targets.insert(file.clone(), &doc.source) {
                let message = if Path::new(other).file_name() == Some(name) {
                    format!(
                        "{other} and {} have the same name; their copies would overwrite each other",
                        doc.source
                    )
                } else {
                    format!(
                        "{}: {what} would write it for both {other} and {}; rename one",
                        path.display(),
                        doc.source
                    )
                };
                return Err(CliError::Usage(message));
            }
            if file_id(&path).is_some_and(|id| inputs.contains(&id)) {
                return Err(CliError::Usage(format!(
                    "{}: {what} would overwrite an input; choose another folder for -o",
                    path.display()
                )));
            }
        }
        let paths = files.map(|file| folder.join(file));
        copies.push(paths);
    }
    Ok(copies)
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
pub(super) fn file_id(path: &Path) -> Option<FileId> {
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
    let input = tandem::read_input(path)?;
    // serde reads a struct from an array of its fields as well: `[1, "parallel", …]`
    // would pass for an alignment, and a list of alignments gets a message about types.
    if input
        .text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('[')
    {
        return Err(CliError::Usage(format!(
            "{}: not an alignment: a JSON array, where an alignment is one JSON object \
             ({{…}}), as `tandem align` writes it",
            path.display()
        )));
    }
    let alignment: tandem::export::Alignment = match tandem::parse_json(path, &input.text) {
        // What `align --batch` writes: one alignment per line.
        Err(tandem::Error::Json { line, msg, .. })
            if line > 1 && msg.starts_with("trailing characters") =>
        {
            return Err(CliError::Usage(format!(
                "{}:{line}: a second alignment; this command reads one, and `align --batch` \
                 writes one per line: give each line as its own file",
                path.display()
            )));
        }
        read => read?,
    };
    alignment.validate().map_err(|msg| {
        CliError::Usage(format!("{}: not a valid alignment: {msg}", path.display()))
    })?;
    Ok(alignment)
}
