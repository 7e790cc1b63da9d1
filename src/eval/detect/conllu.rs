//! Reading Universal Dependencies treebanks (CoNLL-U) as sentences of surface tokens.
//!
//! A multi-word token (range line `3-4 del …`, Spanish "del" = "de" + "el") is kept as
//! its surface form and gets the part of speech of its first word; the word lines it
//! covers are skipped, and so are empty nodes (`5.1`). `SpaceAfter=No` in the last column says that
//! no space follows the token in the raw text.

use std::path::Path;

use crate::{Error, Result, read_path};

/// A surface token of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdToken {
    /// The token as written in the text.
    pub form: String,
    /// Universal part of speech (`NOUN`, `PUNCT`, …); for a multi-word token, that of
    /// its first word.
    pub upos: String,
    /// Whether a space follows the token in the raw text.
    pub space_after: bool,
    /// Whether the token is a multi-word token (a range line such as `3-4`).
    pub multiword: bool,
    /// Whether the treebank marks the token as foreign: `Foreign=Yes` in its features, a
    /// `Lang=` item in its last column, or the foreign-material tags `FM` (German) and
    /// `FW` (English) as its language-specific part of speech.
    pub marked_foreign: bool,
}

impl UdToken {
    /// Whether the treebank does not vouch for the token being in its language: marked
    /// foreign, or of part of speech `X` ("other"), which the treebanks give to foreign
    /// words (Spanish GSD: "deferred rendering", "low cost"), typos and file names.
    pub fn language_unknown(&self) -> bool {
        self.marked_foreign || self.upos == "X"
    }
}

/// Reads the CoNLL-U file at `path`.
pub fn read_conllu(path: &Path) -> Result<Vec<Vec<UdToken>>> {
    parse_conllu(path, &read_path(path)?.text)
}

/// Parses CoNLL-U `text` into sentences; `path` names the file in errors.
pub fn parse_conllu(path: &Path, text: &str) -> Result<Vec<Vec<UdToken>>> {
    let text = crate::text::strip_bom(text);
    let error = |line: usize, msg: String| Error::Parse {
        path: path.to_path_buf(),
        line,
        column: 1,
        msg,
    };
    let mut sentences = Vec::new();
    let mut sentence: Vec<UdToken> = Vec::new();
    // The open multi-word token: its index in `sentence`, first and last word id.
    let mut range: Option<(usize, usize, usize)> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            range = None;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(error(
                number,
                format!("expected 10 tab-separated columns, found {}", columns.len()),
            ));
        }
        let (id, form, upos, misc) = (columns[0], columns[1], columns[3], columns[9]);
        let (xpos, feats) = (columns[4], columns[5]);
        let space_after = !misc.split('|').any(|item| item == "SpaceAfter=No");
        let marked_foreign = feats.split('|').any(|f| f == "Foreign=Yes")
            || misc.split('|').any(|item| item.starts_with("Lang="))
            || matches!(xpos, "FM" | "FW");
        if id.contains('.') {
            continue; // an empty node: not in the surface text
        }
        if let Some((first, last)) = id.split_once('-') {
            let bounds = first.parse::<usize>().ok().zip(last.parse::<usize>().ok());
            let Some((first, last)) = bounds.filter(|(a, b)| a <= b) else {
                return Err(error(number, format!("invalid token range '{id}'")));
            };
            range = Some((sentence.len(), first, last));
            sentence.push(UdToken {
                form: form.to_string(),
                upos: upos.to_string(),
                space_after,
                multiword: true,
                marked_foreign,
            });
            continue;
        }
        let Ok(id) = id.parse::<usize>() else {
            return Err(error(number, format!("invalid token id '{id}'")));
        };
        if let Some((at, first, last)) = range {
            if (first..=last).contains(&id) {
                if id == first {
                    sentence[at].upos = upos.to_string();
                }
                sentence[at].marked_foreign |= marked_foreign;
                continue;
            }
            range = None;
        }
        sentence.push(UdToken {
            form: form.to_string(),
            upos: upos.to_string(),
            space_after,
            multiword: false,
            marked_foreign,
        });
    }
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds CoNLL-U from `id form upos misc` rows (space-separated).
    fn conllu(rows: &[&str]) -> String {
        rows.iter()
            .map(|row| {
                if row.is_empty() || row.starts_with('#') {
                    return format!("{row}\n");
                }
                let f: Vec<&str> = row.split(' ').collect();
                format!(
                    "{}\t{}\t_\t{}\t_\t_\t0\troot\t_\t{}\n",
                    f[0], f[1], f[2], f[3]
                )
            })
            .collect()
    }

    fn parse(text: &str) -> Vec<Vec<UdToken>> {
        parse_conllu(Path::new("t.conllu"), text).unwrap()
    }

    #[test]
    fn multiword_token_keeps_surface_and_first_upos() {
        let text = conllu(&[
            "# text = Vamos del río.",
            "1 Vamos VERB _",
            "2-3 del _ _",
            "2 de ADP _",
            "3 el DET _",
            "4 río NOUN SpaceAfter=No",
            "5 . PUNCT _",
        ]);
        let sentences = parse(&text);
        let forms: Vec<&str> = sentences[0].iter().map(|t| t.form.as_str()).collect();
        assert_eq!(forms, ["Vamos", "del", "río", "."]);
        assert_eq!(sentences[0][1].upos, "ADP");
        assert!(sentences[0][1].multiword);
        assert!(!sentences[0][0].multiword);
    }

    #[test]
    fn foreign_marks_in_features_misc_and_language_specific_tags() {
        let text = [
            "1\tFisch\tFisch\tNOUN\tNN\tCase=Nom\t0\troot\t_\t_",
            "2\ta\ta\tADP\tFM\tForeign=Yes\t1\tnmod\t_\t_",
            "3\tLet\tlet\tVERB\t_\tForeign=Yes|Mood=Imp\t1\tnmod\t_\tLang=en",
            "4\tstory\tstory\tX\t_\t_\t1\tnmod\t_\tLang=en|SpaceAfter=No",
            "5\tplenty\tplenty\tADJ\tFW\t_\t1\tnmod\t_\t_",
            "6\tetc\tetc\tX\t_\t_\t1\tnmod\t_\t_",
        ]
        .join("\n");
        let tokens = &parse(&text)[0];
        let marked: Vec<bool> = tokens.iter().map(|t| t.marked_foreign).collect();
        assert_eq!(marked, [false, true, true, true, true, false]);
        let unknown: Vec<bool> = tokens.iter().map(|t| t.language_unknown()).collect();
        assert_eq!(unknown, [false, true, true, true, true, true]);
    }

    #[test]
    fn space_after_no_among_other_misc_items() {
        let text = conllu(&[
            "1 Ciao INTJ Foo=Bar|SpaceAfter=No",
            "2 ! PUNCT _",
            "3-4 dell' _ SpaceAfter=No",
            "3 di ADP _",
            "4 l' DET _",
            "5 arte NOUN _",
        ]);
        let tokens = &parse(&text)[0];
        let flags: Vec<bool> = tokens.iter().map(|t| t.space_after).collect();
        assert_eq!(flags, [false, true, false, true]);
    }

    #[test]
    fn skips_empty_nodes_and_splits_sentences() {
        let text = conllu(&[
            "1 Ik PRON _",
            "2 loop VERB _",
            "2.1 loop VERB _",
            "",
            "",
            "1 Ja INTJ _",
        ]);
        let sentences = parse(&text);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].len(), 2);
        assert_eq!(sentences[1][0].form, "Ja");
    }

    #[test]
    fn crlf_and_bom_are_accepted() {
        let text = format!("\u{feff}{}", conllu(&["1 Oi INTJ _"]).replace('\n', "\r\n"));
        assert_eq!(parse(&text)[0][0].form, "Oi");
    }

    #[test]
    fn wrong_column_count_names_file_and_line() {
        let text = "# text = x\n1\tx\tx\n";
        let err = parse_conllu(Path::new("t.conllu"), text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.conllu:2:1: expected 10 tab-separated columns, found 3"
        );
    }

    #[test]
    fn bad_ids_are_errors() {
        for id in ["x", "4-2", "1-y"] {
            let text = conllu(&[&format!("{id} a X _")]);
            let err = parse_conllu(Path::new("t.conllu"), &text).unwrap_err();
            assert!(
                err.to_string().starts_with("t.conllu:1:1: invalid token"),
                "{err}"
            );
        }
    }
}
