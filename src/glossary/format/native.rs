//! tandem's own glossary format: tab-separated, one row per term (see the module docs of
//! [`super`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

use super::shared::{clean, nfc, preferred_first};
use crate::glossary::id::is_id;
use crate::glossary::model::{Concept, EntityType, Glossary, Term, TermStatus};
use crate::{Error, Lang, Result};

/// The header line, exactly.
pub(super) const HEADER: &str = "id\ttype\tlang\tterm\tstatus\tnote";

/// The header's column names.
const COLUMNS: [&str; 6] = ["id", "type", "lang", "term", "status", "note"];

/// One field of a row: its trimmed text and the 1-based column where that text starts.
#[derive(Clone, Copy)]
struct Field<'a> {
    text: &'a str,
    /// The line it is in, and the byte where it starts there (the text's start, or
    /// the field's when it is blank).
    line: &'a str,
    start: usize,
}

impl Field<'_> {
    /// 1-based column in characters, counted only when an error needs it.
    fn column(&self) -> usize {
        self.line[..self.start].chars().count() + 1
    }
}

/// What is known about the concept whose rows are being read.
struct Current {
    /// Line of the concept's first row.
    line: usize,
    /// Line where each language's preferred term is.
    preferred: HashMap<Lang, usize>,
    /// Line where each (language, term) is.
    terms: HashMap<(Lang, String), usize>,
    /// Line of the concept-note row.
    note: Option<usize>,
}

/// Parses a native glossary (BOM already removed).
pub(super) fn parse(path: &Path, text: &str) -> Result<Glossary> {
    let error = |line: usize, column: usize, msg: String| Error::Glossary {
        path: path.to_path_buf(),
        line,
        column,
        msg,
    };
    let mut header = false;
    let mut concepts: Vec<Concept> = Vec::new();
    let mut first_lines: HashMap<String, usize> = HashMap::new();
    let mut current: Option<Current> = None;
    for (i, line) in text.split('\n').enumerate() {
        let number = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields = split(line);
        if !header {
            check_header(&fields).map_err(|(column, msg)| error(number, column, msg))?;
            header = true;
            continue;
        }
        if fields.len() < 5 || fields.len() > 6 {
            let column = match fields.get(6) {
                Some(extra) => extra.column(),
                None => line.chars().count() + 1,
            };
            let msg = format!(
                "expected 6 tab-separated columns (id, type, lang, term, status, note; \
                 the note may be left out), found {}",
                fields.len()
            );
            return Err(error(number, column, msg));
        }
        let [id, kind, lang, term, status] = [0, 1, 2, 3, 4].map(|i| fields[i]);
        let note = fields
            .get(5)
            .map(|f| clean(f.text))
            .filter(|n| !n.is_empty());

        if !is_id(id.text) {
            let msg = format!(
                "invalid id '{}': use lowercase ASCII letters, digits and hyphens, starting \
                 with a letter",
                id.text
            );
            return Err(error(number, id.column(), msg));
        }
        // A blank type or status would parse as the default ("other", "admitted"); in
        // a file it is a value left out.
        let filled = |field: Field<'_>, what: &str, expected: &str| {
            if field.text.is_empty() {
                let msg = format!("empty {what} (expected {expected})");
                return Err(error(number, field.column(), msg));
            }
            Ok(())
        };
        filled(kind, "type", EntityType::EXPECTED)?;
        let entity_type: EntityType = kind
            .text
            .parse()
            .map_err(|msg| error(number, kind.column(), msg))?;
        let same = concepts.last().is_some_and(|c| c.id == id.text);
        if !same {
            if let Some(&first) = first_lines.get(id.text) {
                let msg = format!(
                    "duplicate id '{}' (first defined at line {first}); keep the rows of a \
                     concept together",
                    id.text
                );
                return Err(error(number, id.column(), msg));
            }
            first_lines.insert(id.text.to_string(), number);
            concepts.push(Concept {
                id: id.text.to_string(),
                entity_type,
                terms: BTreeMap::new(),
                note: None,
            });
            current = Some(Current {
                line: number,
                preferred: HashMap::new(),
                terms: HashMap::new(),
                note: None,
            });
        }
        let concept = concepts.last_mut().expect("a concept was just pushed");
        let state = current.as_mut().expect("set with the concept");
        if entity_type != concept.entity_type {
            let msg = format!(
                "type '{entity_type}' differs from '{}' given for '{}' at line {}",
                concept.entity_type, concept.id, state.line
            );
            return Err(error(number, kind.column(), msg));
        }

        if lang.text == "*" {
            if !term.text.is_empty() {
                let msg = "a concept-note row (lang '*') must have an empty term".to_string();
                return Err(error(number, term.column(), msg));
            }
            if status.text != "-" {
                let msg = format!(
                    "a concept-note row (lang '*') has status '-', not '{}'",
                    status.text
                );
                return Err(error(number, status.column(), msg));
            }
            if let Some(first) = state.note {
                let msg = format!(
                    "second concept-note row for '{}' (first at line {first})",
                    concept.id
                );
                return Err(error(number, lang.column(), msg));
            }
            state.note = Some(number);
            concept.note = note;
            continue;
        }
        let lang_code = lang.text;
        let lang: Lang = lang_code.parse().map_err(|_| {
            let msg = format!(
                "unknown language '{lang_code}' (expected de, en, es, fr, it, pt, nl, or * for \
                 a concept note)"
            );
            error(number, lang.column(), msg)
        })?;
        let text = nfc(term.text);
        if text.is_empty() {
            return Err(error(number, term.column(), "empty term".into()));
        }
        filled(status, "status", TermStatus::EXPECTED)?;
        let status_value: TermStatus = status
            .text
            .parse()
            .map_err(|msg| error(number, status.column(), msg))?;
        if status_value == TermStatus::Preferred {
            if let Some(first) = state.preferred.insert(lang, number) {
                let msg = format!(
                    "second preferred term for '{}' in {lang} (first at line {first}); mark \
                     one of them admitted",
                    concept.id
                );
                return Err(error(number, status.column(), msg));
            }
        }
        if let Some(first) = state.terms.insert((lang, text.clone()), number) {
            let msg = format!(
                "term '{text}' listed twice for '{}' in {lang} (first at line {first})",
                concept.id
            );
            return Err(error(number, term.column(), msg));
        }
        concept.terms.entry(lang).or_default().push(Term {
            text,
            status: status_value,
            note,
        });
    }
    if !header {
        let msg = format!("missing header line '{}'", HEADER.replace('\t', "<TAB>"));
        return Err(error(1, 1, msg));
    }
    concepts.iter_mut().for_each(preferred_first);
    Ok(Glossary { concepts })
}

/// The tab-separated fields of a line, trimmed, with their columns.
fn split(line: &str) -> Vec<Field<'_>> {
    let mut offset = 0;
    line.split('\t')
        .map(|part| {
            let text = part.trim();
            // An all-blank field is reported where it starts.
            let lead = if text.is_empty() {
                0
            } else {
                part.len() - part.trim_start().len()
            };
            let field = Field {
                text,
                line,
                start: offset + lead,
            };
            offset += part.len() + 1;
            field
        })
        .collect()
}

/// Checks the header; on error, the column and message.
fn check_header(fields: &[Field<'_>]) -> std::result::Result<(), (usize, String)> {
    let expected = format!("expected the header '{}'", HEADER.replace('\t', "<TAB>"));
    for (i, name) in COLUMNS.iter().enumerate() {
        match fields.get(i) {
            Some(field) if field.text == *name => {}
            Some(field) => {
                let msg = format!(
                    "{expected}: column {} is '{}', not '{name}'",
                    i + 1,
                    field.text
                );
                return Err((field.column(), msg));
            }
            None => {
                let end = fields
                    .last()
                    .map_or(1, |f| f.column() + f.text.chars().count());
                return Err((end, format!("{expected}: column '{name}' is missing")));
            }
        }
    }
    match fields.get(COLUMNS.len()) {
        Some(extra) => Err((
            extra.column(),
            format!("{expected}: extra column '{}'", extra.text),
        )),
        None => Ok(()),
    }
}

/// Writes a glossary whose model was checked ([`super::shared::check_model`]).
pub(super) fn render(glossary: &Glossary) -> String {
    let mut out = String::new();
    let n = glossary.concepts.len();
    let _ = writeln!(out, "{HEADER}");
    let _ = writeln!(
        out,
        "# tandem glossary: {n} concept{}",
        if n == 1 { "" } else { "s" }
    );
    for concept in &glossary.concepts {
        let prefix = format!("{}\t{}", concept.id, concept.entity_type);
        let mut rows = 0;
        for (lang, terms) in &concept.terms {
            let preferred = terms.iter().filter(|t| t.status == TermStatus::Preferred);
            let others = terms.iter().filter(|t| t.status != TermStatus::Preferred);
            for term in preferred.chain(others) {
                let _ = write!(
                    out,
                    "{prefix}\t{lang}\t{}\t{}",
                    clean(&term.text),
                    term.status
                );
                if let Some(note) = term.note.as_deref().map(clean).filter(|n| !n.is_empty()) {
                    let _ = write!(out, "\t{note}");
                }
                out.push('\n');
                rows += 1;
            }
        }
        let note = concept.note.as_deref().map(clean).unwrap_or_default();
        if !note.is_empty() || rows == 0 {
            let _ = writeln!(out, "{prefix}\t*\t\t-\t{note}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = "\
# Lines starting with # are comments; blank lines are ignored.
id\ttype\tlang\tterm\tstatus\tnote
white-house\torganisation\tde\tWeißes Haus\tpreferred
white-house\torganisation\tde\tWeiße Haus\tadmitted\tnominative with article
white-house\torganisation\ten\tWhite House\tpreferred
white-house\torganisation\tes\tCasa Blanca\tpreferred
white-house\torganisation\t*\t\t-\tThe US president's office and residence

# a second concept, after a blank line
sheinbaum\tperson\tes\tClaudia Sheinbaum\tpreferred\t
sheinbaum\tperson\tde\tSheinbaum\tcandidate
sheinbaum\tperson\tde\tPräsidentin Sheinbaum\tdeprecated\tmachine translation
";

    fn parse_str(text: &str) -> Result<Glossary> {
        parse(Path::new("g.tsv"), text)
    }

    /// The (line, column, message) of the error parsing `rows` after the header.
    fn error_of(rows: &str) -> (usize, usize, String) {
        match parse_str(&format!("{HEADER}\n{rows}")) {
            Err(Error::Glossary {
                line, column, msg, ..
            }) => (line, column, msg),
            other => panic!("expected a glossary error, got {other:?}"),
        }
    }

    macro_rules! bad {
        ($name:ident, $rows:expr, $line:expr, $column:expr, $needle:expr) => {
            #[test]
            fn $name() {
                let (line, column, msg) = error_of($rows);
                assert_eq!((line, column), ($line, $column), "{msg}");
                assert!(msg.contains($needle), "{msg:?} lacks {:?}", $needle);
            }
        };
    }

    #[test]
    fn parses_the_example() {
        let glossary = parse_str(EXAMPLE).unwrap();
        assert_eq!(glossary.concepts.len(), 2);
        let wh = &glossary.concepts[0];
        assert_eq!(wh.id, "white-house");
        assert_eq!(wh.entity_type, EntityType::Organisation);
        assert_eq!(
            wh.note.as_deref(),
            Some("The US president's office and residence")
        );
        let de = &wh.terms[&Lang::De];
        assert_eq!(de.len(), 2);
        assert_eq!(de[1].text, "Weiße Haus");
        assert_eq!(de[1].status, TermStatus::Admitted);
        assert_eq!(de[1].note.as_deref(), Some("nominative with article"));
        assert_eq!(wh.preferred(Lang::Es).unwrap().text, "Casa Blanca");
        let sh = &glossary.concepts[1];
        assert_eq!(sh.entity_type, EntityType::Person);
        assert_eq!(sh.terms[&Lang::Es][0].note, None);
        assert_eq!(sh.terms[&Lang::De][0].status, TermStatus::Candidate);
        assert_eq!(sh.note, None);
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let crlf = EXAMPLE.replace('\n', "\r\n");
        assert_eq!(parse_str(&crlf).unwrap(), parse_str(EXAMPLE).unwrap());
        let bom = format!("\u{feff}{EXAMPLE}");
        let via_api = super::super::parse(Path::new("g.tsv"), &bom, None).unwrap();
        assert_eq!(via_api, parse_str(EXAMPLE).unwrap());
    }

    #[test]
    fn bom_does_not_shift_columns() {
        let text = format!("\u{feff}{HEADER}\nBad\tperson\tde\tX\tpreferred\n");
        let err = super::super::parse(Path::new("g.tsv"), &text, None).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Glossary {
                    line: 2,
                    column: 1,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn terms_are_nfc_normalised_and_preferred_first() {
        let rows = "a\tplace\tpt\tSa\u{303}o Paulo\tadmitted\n\
                    a\tplace\tpt\tSP\tpreferred\n\
                    a\tplace\tpt\tSampa\tadmitted\n";
        let glossary = parse_str(&format!("{HEADER}\n{rows}")).unwrap();
        let pt: Vec<&str> = glossary.concepts[0].terms[&Lang::Pt]
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(pt, ["SP", "São Paulo", "Sampa"]);
    }

    #[test]
    fn render_parse_round_trip() {
        let glossary = parse_str(EXAMPLE).unwrap();
        let text = render(&glossary);
        assert!(text.starts_with(&format!("{HEADER}\n# tandem glossary: 2 concepts\n")));
        assert_eq!(parse_str(&text).unwrap(), glossary);
        assert_eq!(render(&parse_str(&text).unwrap()), text);
    }

    #[test]
    fn render_writes_the_example_rows() {
        let text = render(&parse_str(EXAMPLE).unwrap());
        assert!(text.contains("white-house\torganisation\tde\tWeißes Haus\tpreferred\n"));
        assert!(text.contains("\tde\tWeiße Haus\tadmitted\tnominative with article\n"));
        assert!(text.contains(
            "white-house\torganisation\t*\t\t-\tThe US president's office and residence\n"
        ));
    }

    #[test]
    fn concepts_without_terms_survive() {
        let text = format!("{HEADER}\nempty\tother\t*\t\t-\t\n");
        let glossary = parse_str(&text).unwrap();
        assert_eq!(glossary.concepts.len(), 1);
        assert!(glossary.concepts[0].terms.is_empty());
        assert_eq!(parse_str(&render(&glossary)).unwrap(), glossary);
    }

    #[test]
    fn render_replaces_tabs_and_line_breaks() {
        let mut glossary = parse_str(EXAMPLE).unwrap();
        glossary.concepts[0].note = Some("line one\nline\ttwo".into());
        let back = parse_str(&render(&glossary)).unwrap();
        assert_eq!(back.concepts[0].note.as_deref(), Some("line one line two"));
    }

    #[test]
    fn missing_header() {
        let err = parse_str("# only a comment\n").unwrap_err();
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
    }

    #[test]
    fn wrong_header_names_the_column() {
        let err = parse_str("id\ttype\tlanguage\tterm\tstatus\tnote\n").unwrap_err();
        let Error::Glossary {
            line, column, msg, ..
        } = err
        else {
            panic!()
        };
        assert_eq!((line, column), (1, 9));
        assert!(msg.contains("'language', not 'lang'"), "{msg}");
    }

    bad!(
        bad_id,
        "White-House\torganisation\ten\tWhite House\tpreferred\n",
        2,
        1,
        "invalid id 'White-House'"
    );
    bad!(
        bad_type,
        "a\tcompany\ten\tA\tpreferred\n",
        2,
        3,
        "unknown type 'company'"
    );
    bad!(
        bad_lang,
        "a\tplace\tru\tA\tpreferred\n",
        2,
        9,
        "unknown language 'ru'"
    );
    bad!(
        bad_status,
        "a\tplace\ten\tAb\tbest\n",
        2,
        15,
        "unknown status 'best'"
    );
    bad!(
        empty_term,
        "a\tplace\ten\t \tpreferred\n",
        2,
        12,
        "empty term"
    );
    bad!(
        empty_type,
        "a\t \ten\tA\tpreferred\n",
        2,
        3,
        "empty type (expected person,"
    );
    bad!(
        empty_type_on_a_note_row,
        "a\t\t*\t\t-\tnote\n",
        2,
        3,
        "empty type"
    );
    bad!(
        empty_status,
        "a\tplace\ten\tA\t\tnote\n",
        2,
        14,
        "empty status (expected preferred,"
    );
    bad!(too_few_columns, "a\tplace\ten\tAbc\n", 2, 15, "found 4");
    bad!(
        too_many_columns,
        "a\tplace\ten\tA\tpreferred\tnote\textra\n",
        2,
        29,
        "found 7"
    );
    bad!(
        duplicate_id,
        "a\tplace\ten\tA\tpreferred\nb\tplace\ten\tB\tpreferred\na\tplace\tde\tA\tpreferred\n",
        4,
        1,
        "duplicate id 'a' (first defined at line 2)"
    );
    bad!(
        type_differs,
        "a\tplace\ten\tA\tpreferred\na\tperson\tde\tA\tpreferred\n",
        3,
        3,
        "type 'person' differs from 'place'"
    );
    bad!(
        two_preferred,
        "a\tplace\ten\tA\tpreferred\na\tplace\ten\tAy\tpreferred\n",
        3,
        15,
        "second preferred term for 'a' in en (first at line 2)"
    );
    bad!(
        repeated_term,
        "a\tplace\ten\tA\tpreferred\na\tplace\ten\tA\tadmitted\n",
        3,
        12,
        "listed twice"
    );
    bad!(
        note_row_with_term,
        "a\tplace\t*\tA\t-\tnote\n",
        2,
        11,
        "empty term"
    );
    bad!(
        note_row_with_status,
        "a\tplace\t*\t\tpreferred\tnote\n",
        2,
        12,
        "status '-'"
    );
    bad!(
        second_note_row,
        "a\tplace\t*\t\t-\tone\na\tplace\t*\t\t-\ttwo\n",
        3,
        9,
        "second concept-note row"
    );

    #[test]
    fn columns_count_characters_not_bytes() {
        let (line, column, _) = error_of("a\tplace\tde\tÜberäöü\tbest\n");
        assert_eq!((line, column), (2, 20));
    }
}
