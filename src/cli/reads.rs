//! What a command reads and writes, checked before it runs: an output file must not be
//! one of its inputs, and standard input can feed only one of them.

use std::path::{Path, PathBuf};

use super::CliError;
use super::args::{ApplyMode, Command, EvalCommand, GlossaryCommand, InputArgs};
use super::inputs::{file_id, files_with_extensions, txt_files};

/// One input of a command, as its messages name it.
struct Read<'a> {
    /// The argument or option that gives it (`FILE`, `--glossary`).
    name: &'static str,
    /// The file or folder; `None` for the documents read from standard input because no
    /// FILE is given.
    path: Option<&'a Path>,
    /// Whether `-o` may not name it. A filter's document may be rewritten in place.
    protected: bool,
}

impl<'a> Read<'a> {
    fn file(name: &'static str, path: &'a Path) -> Read<'a> {
        Read {
            name,
            path: Some(path),
            protected: true,
        }
    }

    fn reads_stdin(&self) -> bool {
        self.path
            .is_none_or(|path| path.as_os_str() == tandem::STDIN_NAME)
    }

    /// How a message names this input when it reads standard input.
    fn stdin_label(&self) -> String {
        match self.path {
            None => "the documents (no FILE given)".to_string(),
            Some(_) => format!("{} -", self.name),
        }
    }
}

/// A command's output file (`None` for standard output or a folder) and its inputs.
struct Files<'a> {
    output: Option<&'a Path>,
    reads: Vec<Read<'a>>,
}

impl<'a> Files<'a> {
    fn new(output: Option<&'a Path>) -> Self {
        Files {
            output,
            reads: Vec::new(),
        }
    }

    /// The documents: each FILE, or standard input when none is given.
    fn documents(mut self, input: &'a InputArgs) -> Self {
        if input.files.is_empty() {
            self.reads.push(Read {
                name: "FILE",
                path: None,
                protected: true,
            });
        }
        self.files("FILE", &input.files)
    }

    /// Documents that the command may rewrite (a filter's input).
    fn filtered_documents(mut self, input: &'a InputArgs) -> Self {
        let start = self.reads.len();
        self = self.documents(input);
        for read in &mut self.reads[start..] {
            read.protected = false;
        }
        self
    }

    fn file(mut self, name: &'static str, path: &'a Path) -> Self {
        self.reads.push(Read::file(name, path));
        self
    }

    /// Inputs given by one argument or option (none for an option not given).
    fn files(mut self, name: &'static str, paths: impl IntoIterator<Item = &'a PathBuf>) -> Self {
        self.reads
            .extend(paths.into_iter().map(|path| Read::file(name, path)));
        self
    }
}

/// Every file `command` reads and the file it writes.
fn command_files(command: &Command) -> Files<'_> {
    match command {
        Command::Segment(a) => Files::new(a.output.output.as_deref()).documents(&a.input),
        Command::Detect(a) => Files::new(a.output.output.as_deref())
            .documents(&a.input)
            .files("--glossary", &a.glossary),
        Command::Align(a) => Files::new(a.output.as_deref())
            .documents(&a.input)
            .files("--glossary", &a.glossary)
            .files("--dictionary", &a.parallel.dictionary),
        Command::Diff(a) => Files::new(a.output.as_deref())
            .file("ALIGNMENT", &a.alignment)
            .files("--glossary", &a.glossary),
        Command::Export(a) => Files::new(a.output.as_deref())
            .file("ALIGNMENT", &a.alignment)
            .files("--glossary", &a.glossary),
        // With --fix, -o is a folder of copies (checked by `copies_in_folder`).
        Command::Clean(a) => Files::new(a.output.as_deref().filter(|_| !a.fix))
            .documents(&a.input)
            .files("--glossary", &a.glossary),
        // Its output is a folder, checked by the command itself.
        Command::Review(a) => Files::new(None)
            .files("DIR|FILE", &a.inputs)
            .files("--glossary", &a.glossary),
        Command::Glossary(g) => match &g.command {
            GlossaryCommand::Apply(a) => {
                let files = Files::new(a.output.as_deref()).file("GLOSSARY", &a.glossary);
                // Normalising and translating are filters: -o may name the document
                // they rewrite; it is read whole and replaced atomically.
                if a.mode == ApplyMode::Annotate {
                    files.documents(&a.input)
                } else {
                    files.filtered_documents(&a.input)
                }
            }
            GlossaryCommand::Check(a) => Files::new(a.output.output.as_deref())
                .file("GLOSSARY", &a.glossary)
                .documents(&a.input),
            // Not a filter: a conversion can lose what the output format cannot hold,
            // and a wrong --to would leave another format under the input's name.
            // Both OUT and -o, or neither, is refused by the command itself.
            GlossaryCommand::Convert(a) => Files::new(a.output()).file("INPUT", &a.input),
            GlossaryCommand::Build(a) => Files::new(a.output.as_deref())
                .file("ALIGNMENT", &a.alignment)
                .files("--glossary", &a.glossary),
        },
        Command::Eval(e) => match &e.command {
            EvalCommand::Segment(a) => {
                Files::new(a.output.output.as_deref()).file("--cases", &a.cases)
            }
            EvalCommand::Detect(a) => Files::new(a.output.output.as_deref())
                .files("--ud", &a.ud)
                .files("--denglisch", &a.denglisch),
            EvalCommand::Align(a) => Files::new(a.output.output.as_deref())
                .files("--textberg", &a.textberg)
                .files("--parice", &a.parice)
                .files("--dictionary", &a.parallel.dictionary),
            EvalCommand::Clean(a) => {
                Files::new(a.output.output.as_deref()).files("--gold", &a.gold)
            }
            EvalCommand::Comparable(a) => Files::new(a.output.output.as_deref())
                .file("--gold", &a.gold)
                .documents(&a.input)
                .files("--glossary", &a.glossary),
        },
    }
}

/// Refuses, before anything is read or written, an output file that is one of the files
/// the command reads, however either is spelled (`./a.txt`, `../x/a.txt`, a link, a hard
/// link): a report written over the article it reports on would destroy it. A folder
/// input stands for its `*.txt` documents, an `eval` benchmark folder for the files it
/// reads ([`benchmark_files`]); `eval clean` checks the articles its gold files name.
///
/// `glossary apply --mode normalize|translate` is a filter whose output is the same kind
/// of document as its input, so `-o` may name that input: it is read whole, and the
/// rewritten text replaces it atomically (as `--in-place` does). Its glossary is still
/// protected. Folders of outputs (`clean --fix`, `review`) are checked by
/// `copies_in_folder` and the commands themselves.
pub(crate) fn refuse_output_over_input(command: &Command) -> Result<(), CliError> {
    let files = command_files(command);
    // A folder stands for its documents (`align seeds/ -o seeds/000.txt`).
    let inputs = files
        .reads
        .iter()
        .filter(|read| read.protected)
        .filter_map(|read| read.path)
        .flat_map(|input| {
            if input.is_dir() {
                txt_files(input).unwrap_or_default()
            } else {
                vec![input.to_path_buf()]
            }
        });
    // `glossary convert` may name its output without -o.
    let option = match command {
        Command::Glossary(g) => match &g.command {
            GlossaryCommand::Convert(a) if a.out.is_some() => "",
            _ => "-o ",
        },
        _ => "-o ",
    };
    refuse_named_output_over(option, files.output, inputs.chain(benchmark_files(command)))
}

/// Refuses `-o output` when it is one of `inputs`, however either is spelled.
pub(crate) fn refuse_output_over(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = PathBuf>,
) -> Result<(), CliError> {
    refuse_named_output_over("-o ", output, inputs)
}

/// [`refuse_output_over`] for an output given by `option` (`-o ` or nothing).
fn refuse_named_output_over(
    option: &str,
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = PathBuf>,
) -> Result<(), CliError> {
    let Some(output) = output else {
        return Ok(());
    };
    let Some(id) = file_id(output) else {
        return Ok(());
    };
    match inputs
        .into_iter()
        .find(|input| file_id(input).as_ref() == Some(&id))
    {
        Some(input) => Err(CliError::Usage(format!(
            "{option}{}: output would overwrite input {}",
            output.display(),
            input.display()
        ))),
        None => Ok(()),
    }
}

/// The files an `eval` command reads from its benchmark folders (which hold no `*.txt`
/// documents, or not only those): Text+Berg `*.de`, `*.fr`, `*.defr`; ParIce `eng/`,
/// `isl/` and `gold/`; another aligner's `*.links`; treebanks `*.conllu`.
fn benchmark_files(command: &Command) -> Vec<PathBuf> {
    let Command::Eval(eval) = command else {
        return Vec::new();
    };
    let files = |dir: &Path, extensions: &[&str]| {
        files_with_extensions(dir, extensions).unwrap_or_default()
    };
    let mut found = Vec::new();
    match &eval.command {
        EvalCommand::Align(a) => {
            if let Some(dir) = &a.textberg {
                found.extend(files(dir, &["de", "fr", "defr"]));
            }
            if let Some(dir) = &a.parice {
                for sub in ["eng", "isl", "gold"] {
                    found.extend(files(&dir.join(sub), &["txt"]));
                }
            }
            if let Some(dir) = &a.links {
                found.extend(files(dir, &["links"]));
            }
        }
        EvalCommand::Detect(a) => {
            if let Some(dir) = &a.ud {
                found.extend(files(dir, &["conllu"]));
            }
        }
        _ => {}
    }
    found
}

/// Refuses standard input named for two inputs (`eval comparable --gold -` with the
/// documents on standard input too, `eval clean --gold - --gold -`), before anything is
/// read: the first would take all of it, and the second would read nothing and fail with
/// a confusing message, or be silently empty.
pub(crate) fn refuse_stdin_twice(command: &Command) -> Result<(), CliError> {
    let files = command_files(command);
    let mut readers = files.reads.iter().filter(|read| read.reads_stdin());
    match (readers.next(), readers.next()) {
        (Some(first), Some(second)) => Err(CliError::Usage(format!(
            "standard input can be read only once, but {} and {} both read it; \
             give a file for one of them",
            first.stdin_label(),
            second.stdin_label()
        ))),
        _ => Ok(()),
    }
}
