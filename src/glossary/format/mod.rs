//! Reading and writing glossaries in the formats terminologists use.
//!
//! | format | read | write | what it is |
//! |---|---|---|---|
//! | [`Format::Native`] | yes | yes | tandem's own tab-separated file, one row per term |
//! | [`Format::Tbx`] | yes | yes | TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style |
//! | [`Format::TbxV2`] | yes | no | TBX v2 (`<martif>`, ISO 30042:2008), TBX-Basic |
//! | [`Format::OmegaT`] | yes | yes | OmegaT's `source<TAB>target<TAB>comment` glossary |
//!
//! Every reader NFC-normalises terms and notes and returns concepts whose terms put the
//! preferred term of each language first (the others keep file order), so that
//! `parse(render(g)) == g` for every glossary that follows the model's rules. Every
//! malformed input is an [`Error::Glossary`] with the file, the 1-based line and the
//! 1-based column (in characters) of the problem.
//!
//! # Native format
//!
//! Columns are separated by one tab (shown as spaces here):
//!
//! ```text
//! # Lines starting with # are comments; blank lines are ignored.
//! id           type          lang  term         status     note
//! white-house  organisation  de    Weißes Haus  preferred
//! white-house  organisation  de    Weiße Haus   admitted   nominative with article
//! white-house  organisation  en    White House  preferred
//! white-house  organisation  *                  -          The US president's office
//! ```
//!
//! ```
//! use std::path::Path;
//! use tandem::glossary::{self, Format};
//!
//! let text = "id\ttype\tlang\tterm\tstatus\tnote\n\
//!             white-house\torganisation\tde\tWeißes Haus\tpreferred\n\
//!             white-house\torganisation\ten\tWhite House\tpreferred\n";
//! let native = glossary::parse(Path::new("g.tsv"), text, None)?;
//! let tbx = glossary::render(&native, Format::Tbx, None)?;
//! assert_eq!(glossary::parse(Path::new("g.tbx"), &tbx, None)?, native);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The first line that is not a comment is the header. Each row is one term; `lang` `*`
//! with an empty term and status `-` holds the concept's note (a `*` row with an empty
//! note keeps a concept that has no terms). The rows of one concept are contiguous and
//! agree on the type; there is at most one preferred term per concept and language, and a
//! term appears once per concept and language. Fields are trimmed; the note column may
//! be left out, and only the note may be blank (a blank type or status is an error, not
//! `other` or `admitted`). When writing, tabs and line breaks inside texts become spaces.
//!
//! # TBX
//!
//! TBX v3 output is TBX-Basic in the DCA style and uses only TBX-Basic data categories,
//! checked against the LTAC-Global `TBX-Basic_dialect` repository (dialect 1.2
//! `DCA/TBX-Basic_DCA.sch`, basic module `Basic.rng`, sample `Example_Astronomy_DCA`):
//!
//! - a term is `<termSec><term>`, with `<termNote type="administrativeStatus">`
//!   `preferredTerm-admn-sts`, `admittedTerm-admn-sts` or `deprecatedTerm-admn-sts`, and
//!   `<termNote type="partOfSpeech">noun</termNote>` (TBX-Basic's picklist has no
//!   `properNoun`; names are nouns);
//! - a term note is a `<note>` in its `<termSec>`, a concept note a `<note>` in its
//!   `<conceptEntry>`;
//! - TBX-Basic has no category for what tandem calls the entity type (`subjectField` is
//!   the domain of knowledge, not the kind of entity) nor for an unreviewed term
//!   (`processStatus` is not part of TBX-Basic). Both are written as machine-readable
//!   notes that other tools show as ordinary notes: the first `<note>` of a
//!   `<conceptEntry>` is `tandem:type=organisation`, and a candidate term is written as
//!   `admittedTerm-admn-sts` plus a `<note>tandem:status=candidate</note>` in its
//!   `<termSec>`. On reading, the first concept note starting with `tandem:type=` gives
//!   the type (default `other`) and that candidate note makes a term a candidate. So
//!   native → TBX → native loses nothing.
//!
//! Reading accepts TBX v3 (`<tbx>`, `conceptEntry`/`langSec`/`termSec`) and TBX v2
//! (`<martif>`, `termEntry`/`langSet`/`tig`, or `ntig`/`termGrp`), whichever format was
//! asked for. `supersededTerm-admn-sts` reads as deprecated; `legalTerm-`,
//! `regulatedTerm-` and `standardizedTerm-admn-sts` as admitted; a term without
//! administrative status is admitted. Whitespace runs inside terms and notes (line
//! wrapping of pretty-printed files) become one space; several notes on one level are
//! joined with `; `. A language code is reduced to its primary subtag (`de-DE` is `de`);
//! a `langSec` in a language tandem does not support (`ru`) is skipped, and a concept
//! whose every `langSec` was skipped is dropped. Two preferred terms, or one term twice,
//! in one `langSec` are errors; `langSec`s that share a language (`de-DE`, `de-AT`) are
//! merged: a term already read is skipped and a further preferred term is admitted. Ids
//! that are not tandem ids (`C_12`, `WH 1`) are turned into one (`c-12`, `wh-1`), and
//! [`parse_noting_left_out`] lists each such renaming in [`LeftOut::renamed`]; a v2
//! `termEntry` without an id gets `entry-N` (its 1-based position). Data categories the
//! model has no place for (definitions, contexts, sources, transactions, language-level
//! notes) are ignored.
//!
//! XML is read with `quick-xml` and never expands anything but the five predefined
//! entities and numeric character references: no DTD is loaded, no external entity is
//! read, and a reference to an entity declared in a `<!DOCTYPE>` (a "billion laughs"
//! file) is an error at that reference.
//!
//! # OmegaT
//!
//! One line per entry, `source<TAB>target` and optionally `<TAB>comment`; lines starting
//! with `#` and blank lines are skipped. The file does not name its languages, so it is
//! read with [`parse_omegat`]. Each source term becomes a concept of type `other`, id the
//! ASCII slug of the source term (`Weißes Haus` → `weisses-haus`, then `-2`, `-3` … when
//! taken), both terms preferred and the comment as concept note. A later line with the
//! same source term and another target adds that target as an admitted variant (its
//! comment becomes the variant's note).
//!
//! Writing puts, for each concept that has both languages, the preferred (else the
//! first admitted) source and target terms with the concept note as comment, then each
//! admitted target with the preferred source, then each admitted or deprecated source
//! variant with the preferred target and a comment naming its status: a source text may
//! use a variant, and the translator needs the target term all the same.
//!
//! ```text
//! Weißes Haus   White House   Office and residence of the US president
//! Weisses Haus  White House   deprecated variant of 'Weißes Haus'; ss spelling
//! ```
//!
//! Reading takes such a line (comment `admitted variant of 'S'` or `deprecated variant
//! of 'S'`, optionally `; note`, target the preferred target of source term `S`) back as
//! a variant of `S`'s concept, so the variants survive a round trip. Deprecated target
//! terms (a translator should not be offered them), candidates (a concept with only
//! candidates or deprecated terms in one of the languages entirely) and source terms
//! starting with `#` (a comment to OmegaT) are left out; [`omegat_left_out`] counts
//! them.

mod conflicts;
mod native;
mod omegat;
mod shared;
mod tbx;
mod xml;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::model::Glossary;
use crate::text::strip_bom;
use crate::{Error, Lang, Result};
use shared::check_model;

pub use conflicts::{Conflict, conflicts};
pub use omegat::{omegat_left_out, parse_omegat};

/// A glossary file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// tandem's own tab-separated format (`.tsv`).
    Native,
    /// TBX v3, TBX-Basic dialect (`.tbx`); reading also accepts TBX v2.
    Tbx,
    /// TBX v2 (`<martif>`); read only.
    TbxV2,
    /// OmegaT's tab-separated glossary (`.txt`, `.utf8`, `.tab`); needs two languages.
    OmegaT,
}

impl Format {
    /// The format a file name suggests: `.tsv` native, `.tbx` TBX, `.txt`, `.utf8` and
    /// `.tab` OmegaT. [`parse`] with `None` looks at the content first.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "tsv" => Some(Format::Native),
            "tbx" => Some(Format::Tbx),
            "txt" | "utf8" | "tab" => Some(Format::OmegaT),
            _ => None,
        }
    }

    /// The name used on the command line: `native`, `tbx`, `tbx2`, `omegat`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::Tbx => "tbx",
            Format::TbxV2 => "tbx2",
            Format::OmegaT => "omegat",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "native" | "tsv" => Ok(Format::Native),
            "tbx" | "tbx3" => Ok(Format::Tbx),
            "tbx2" | "martif" => Ok(Format::TbxV2),
            "omegat" => Ok(Format::OmegaT),
            other => Err(format!(
                "unknown glossary format '{other}' (expected native, tbx, tbx2 or omegat)"
            )),
        }
    }
}

/// Parses a glossary. `format` `None` detects it: TBX when the first element is `<tbx>`
/// or `<martif>`, native when the first line that is not a comment is the native
/// header, else the file name's format; OmegaT needs its languages ([`parse_omegat`]).
/// `path` is only used in messages.
pub fn parse(path: &Path, text: &str, format: Option<Format>) -> Result<Glossary> {
    parse_noting_left_out(path, text, format).map(|(glossary, _)| glossary)
}

/// What a reader left out of a glossary without an error: TBX language sections in a
/// language tandem does not support (a TBX file may hold any number of languages), and
/// TBX entry ids that are not tandem ids, which the glossary holds renamed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Per language code as the file writes it (`ru`, `zh-Hans`), the terms left out, by
    /// code.
    pub languages: Vec<(String, usize)>,
    /// Per entry whose id is not a tandem id, in file order: the id as the file writes
    /// it and the concept's id in the glossary (`WH 1` → `wh-1`). An entry without an
    /// id (`entry-N`) and an entry dropped for its languages are not listed.
    pub renamed: Vec<(String, String)>,
}

impl LeftOut {
    /// The number of terms left out.
    pub fn terms(&self) -> usize {
        self.languages.iter().map(|(_, n)| n).sum()
    }
}

/// [`parse`], also saying what was left out.
pub fn parse_noting_left_out(
    path: &Path,
    text: &str,
    format: Option<Format>,
) -> Result<(Glossary, LeftOut)> {
    let text = strip_bom(text);
    let format = match format {
        Some(format) => format,
        None => detect(text)
            .or(Format::from_path(path))
            .unwrap_or(Format::OmegaT),
    };
    match format {
        Format::Native => Ok((native::parse(path, text)?, LeftOut::default())),
        Format::Tbx | Format::TbxV2 => tbx::parse(path, text),
        Format::OmegaT => Err(match first_content_line(text) {
            // A file of another kind (notes, a CSV list) is not an OmegaT glossary that
            // lacks its languages: converting it would not help.
            Some((line, content)) if !content.contains('\t') => Error::Glossary {
                path: path.to_path_buf(),
                line,
                column: 1,
                msg: format!(
                    "not a glossary tandem reads: this line has no tab, so it is neither \
                     the native header ({}) nor an OmegaT entry (source<TAB>target); TBX \
                     starts with '<'",
                    native::HEADER.replace('\t', "<TAB>")
                ),
            },
            _ => omegat_needs_languages(path),
        }),
    }
}

/// The error for an OmegaT glossary read where its languages cannot be given.
fn omegat_needs_languages(path: &Path) -> Error {
    Error::Glossary {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        // Only `glossary convert` takes a format with languages, so the hint names
        // that command: it is then true whichever command read the glossary.
        msg: format!(
            "an omegat glossary does not name its languages; convert it first, e.g. \
             tandem glossary convert --from omegat:de-en {} -o glossary.tsv",
            path.display()
        ),
    }
}

/// Reads and parses a glossary file (`-` is standard input); see [`parse`].
pub fn read(path: &Path, format: Option<Format>) -> Result<Glossary> {
    read_noting_left_out(path, format).map(|(glossary, _)| glossary)
}

/// [`read`], also saying what was left out.
pub fn read_noting_left_out(path: &Path, format: Option<Format>) -> Result<(Glossary, LeftOut)> {
    let input = crate::read_input(path)?;
    parse_noting_left_out(path, &input.text, format)
}

/// Writes a glossary. [`Format::OmegaT`] needs the (source, target) languages;
/// [`Format::TbxV2`] cannot be written.
pub fn render(glossary: &Glossary, format: Format, langs: Option<(Lang, Lang)>) -> Result<String> {
    match format {
        Format::Native => {
            check_model(glossary).map_err(|msg| render_error(format, msg))?;
            Ok(native::render(glossary))
        }
        Format::Tbx => {
            check_model(glossary).map_err(|msg| render_error(format, msg))?;
            Ok(tbx::render(glossary))
        }
        Format::TbxV2 => Err(render_error(
            format,
            "tbx v2 is read only; write tbx (v3) instead".into(),
        )),
        Format::OmegaT => match langs {
            Some((source, target)) if source != target => {
                Ok(omegat::render(glossary, source, target))
            }
            Some(_) => Err(render_error(
                format,
                "the source and target language must differ".into(),
            )),
            None => Err(render_error(
                format,
                "omegat output needs a source and a target language, e.g. --to omegat:de-en".into(),
            )),
        },
    }
}

/// The format the content shows, if it shows one.
fn detect(text: &str) -> Option<Format> {
    if text.trim_start().starts_with('<') {
        return Some(Format::Tbx);
    }
    let (_, first) = first_content_line(text)?;
    // A misspelt native header still reads as native, to report the header error.
    let looks_native = first == native::HEADER || first.starts_with("id\t");
    looks_native.then_some(Format::Native)
}

/// The first line that is neither blank nor a `#` comment, with its 1-based number.
fn first_content_line(text: &str) -> Option<(usize, &str)> {
    text.lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(i, line)| (i + 1, line))
}

/// An error in a glossary that cannot be written (no file position).
fn render_error(format: Format, msg: String) -> Error {
    Error::Glossary {
        path: PathBuf::from(format!("<{format} output>")),
        line: 0,
        column: 0,
        msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NATIVE: &str = "id\ttype\tlang\tterm\tstatus\tnote\n\
                          white-house\torganisation\ten\tWhite House\tpreferred\n";

    #[test]
    fn formats_from_paths() {
        let cases = [
            ("g.tsv", Some(Format::Native)),
            ("g.TBX", Some(Format::Tbx)),
            ("g.txt", Some(Format::OmegaT)),
            ("g.utf8", Some(Format::OmegaT)),
            ("g.csv", None),
            ("g", None),
        ];
        for (path, format) in cases {
            assert_eq!(Format::from_path(Path::new(path)), format, "{path}");
        }
    }

    #[test]
    fn format_names_round_trip() {
        for format in [Format::Native, Format::Tbx, Format::TbxV2, Format::OmegaT] {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert!("xliff".parse::<Format>().is_err());
    }

    #[test]
    fn detects_native_by_header_whatever_the_extension() {
        let text = format!("\u{feff}# a comment\n\n{NATIVE}");
        let glossary = parse(Path::new("g.txt"), &text, None).unwrap();
        assert_eq!(glossary.concepts[0].id, "white-house");
    }

    #[test]
    fn detects_tbx_v3_and_v2_by_root() {
        let v3 = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\"><text><body>\
                  <conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>A</term>\
                  </termSec></langSec></conceptEntry></body></text></tbx>";
        let v2 = "<martif type=\"TBX-Basic\"><text><body><termEntry id=\"b\">\
                  <langSet xml:lang=\"en\"><tig><term>B</term></tig></langSet></termEntry>\
                  </body></text></martif>";
        let g3 = parse(Path::new("g.txt"), v3, None).unwrap();
        let g2 = parse(Path::new("g.tsv"), v2, None).unwrap();
        assert_eq!(g3.concepts[0].id, "a");
        assert_eq!(g2.concepts[0].id, "b");
    }

    #[test]
    fn omegat_hint_names_the_command_that_takes_languages() {
        // `detect --glossary` has no --from: the hint must be a command that exists.
        let err = parse(Path::new("omg.txt"), "a\tb\n", None).unwrap_err();
        let hint = "tandem glossary convert --from omegat:de-en omg.txt -o glossary.tsv";
        assert!(err.to_string().contains(hint), "{err}");
    }

    #[test]
    fn a_text_file_without_tabs_is_no_omegat_glossary() {
        let notes = "# my notes\n\nWhite House, Weißes Haus\n";
        for format in [None, Some(Format::OmegaT)] {
            let err = parse(Path::new("notes.txt"), notes, format).unwrap_err();
            let msg = err.to_string();
            assert!(
                msg.starts_with("glossary notes.txt:3:1: not a glossary"),
                "{msg}"
            );
            assert!(!msg.contains("convert"), "{msg}");
        }
    }

    #[test]
    fn omegat_without_languages_asks_for_them() {
        let err = parse(Path::new("g.txt"), "Weißes Haus\tWhite House\n", None).unwrap_err();
        assert!(err.to_string().contains("--from omegat:de-en"), "{err}");
        let err = parse(Path::new("g.tsv"), "a\tb\n", Some(Format::OmegaT)).unwrap_err();
        assert!(err.to_string().contains("omegat:de-en"), "{err}");
    }

    #[test]
    fn unknown_content_with_native_extension_reports_the_header() {
        let err = parse(Path::new("g.tsv"), "Weißes Haus\tWhite House\n", None).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Glossary {
                    line: 1,
                    column: 1,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("header"), "{err}");
    }

    #[test]
    fn render_refuses_what_it_cannot_write() {
        let glossary = Glossary::default();
        assert!(render(&glossary, Format::TbxV2, None).is_err());
        assert!(render(&glossary, Format::OmegaT, None).is_err());
        assert!(render(&glossary, Format::OmegaT, Some((Lang::De, Lang::De))).is_err());
        let mut bad = parse(Path::new("g.tsv"), NATIVE, None).unwrap();
        bad.concepts[0].id = "White House".into();
        let err = render(&bad, Format::Native, None).unwrap_err();
        assert!(err.to_string().contains("invalid concept id"), "{err}");
    }

    #[test]
    fn read_checks_the_bytes_then_parses() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.tsv");
        std::fs::write(&path, format!("\u{feff}{NATIVE}")).unwrap();
        assert_eq!(read(&path, None).unwrap().concepts[0].id, "white-house");
        let binary = dir.path().join("b.tbx");
        std::fs::write(&binary, b"<tbx>\0</tbx>").unwrap();
        let err = read(&binary, None).unwrap_err();
        assert!(matches!(err, Error::Binary { offset: 5, .. }), "{err}");
    }

    #[test]
    fn read_names_missing_files() {
        let err = read(Path::new("/nonexistent/g.tsv"), None).unwrap_err();
        assert!(matches!(err, Error::Io { .. }), "{err}");
    }
}
