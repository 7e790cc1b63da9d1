//! The Denglisch benchmark: natural German–English code-switching from social media
//! (Osmelak & Wintner, SIGTYP 2023), manually annotated per token.
//!
//! The corpus is a CSV file with the header `source,user_name,sen_id,sen_num,token,categ`
//! and one token per row. A row with an empty token and category `<EOS>` ends a sentence;
//! `$newline$` tokens (category `<EOP>`) are line breaks and `$quote$` tokens double
//! quotes. Category `1` marks English and
//! `2` German; everything else (punctuation, URLs, mixed or other words) is not scored.
//! Only German-dominant sentences (more German than English tokens) become cases, with
//! German as the main language and English as the foreign one.

use std::path::Path;

use super::case::{Case, GoldToken};
use super::csv::parse_csv;
use crate::{Error, Lang, Result, read_input};

/// The corpus's header row.
const HEADER: [&str; 6] = ["source", "user_name", "sen_id", "sen_num", "token", "categ"];

/// How the corpus writes a line break inside a token.
const NEWLINE: &str = "$newline$";

/// How the corpus writes a double quote (a CSV quoting artefact), which is punctuation.
const QUOTE: &str = "$quote$";

/// Reads the Denglisch CSV at `path` (`-` is standard input) into German-dominant cases.
pub fn read_denglisch(path: &Path) -> Result<Vec<Case>> {
    parse_denglisch(path, &read_input(path)?.text)
}

/// Parses Denglisch CSV `text`; `path` names the file in errors. A file without any
/// German-dominant sentence (empty, or only a header) is an error: it would score
/// nothing and look like a result.
pub fn parse_denglisch(path: &Path, text: &str) -> Result<Vec<Case>> {
    let text = crate::text::strip_bom(text);
    let error = |line, column, msg| Error::Parse {
        path: path.to_path_buf(),
        line,
        column,
        msg,
    };
    let records = parse_csv(text).map_err(|e| error(e.line, e.column, e.msg))?;
    let mut records = records.into_iter();
    match records.next() {
        Some(header) if header.fields == HEADER => {}
        Some(header) => {
            let msg = format!("expected the header '{}'", HEADER.join(","));
            return Err(error(header.line, 1, msg));
        }
        None => return Err(no_cases(path)),
    }
    let mut cases = Vec::new();
    let mut sentence = Sentence::default();
    for record in records {
        let [_, _, sen_id, sen_num, token, categ]: [String; 6] =
            record.fields.try_into().map_err(|fields: Vec<String>| {
                let msg = format!("expected 6 fields, found {}", fields.len());
                error(record.line, 1, msg)
            })?;
        if categ == "<EOS>" {
            cases.extend(sentence.finish());
            continue;
        }
        if sentence.key.0 != sen_id || sentence.key.1 != sen_num {
            cases.extend(sentence.finish());
            sentence.key = (sen_id.clone(), sen_num.clone());
        }
        sentence.rows.push((token, categ));
    }
    cases.extend(sentence.finish());
    if cases.is_empty() {
        return Err(no_cases(path));
    }
    Ok(cases)
}

/// The error for a file that gives no case.
fn no_cases(path: &Path) -> Error {
    Error::NoCases {
        path: path.to_path_buf(),
        what: "a sentence with more German than English tokens".into(),
    }
}

/// The rows of the sentence being read.
#[derive(Debug, Default)]
struct Sentence {
    /// `(sen_id, sen_num)`.
    key: (String, String),
    /// `(token, categ)`.
    rows: Vec<(String, String)>,
}

impl Sentence {
    /// The case for the rows read so far, if the sentence is German-dominant; clears the
    /// rows.
    fn finish(&mut self) -> Option<Case> {
        let rows = std::mem::take(&mut self.rows);
        let english = rows.iter().filter(|(_, c)| c == "1").count();
        let german = rows.iter().filter(|(_, c)| c == "2").count();
        if german <= english {
            return None;
        }
        let mut text = String::new();
        let mut tokens = Vec::new();
        // Whether a space goes before the next token: not at the start, not next to a
        // line break.
        let mut space = false;
        for (token, categ) in &rows {
            let form = token.replace(NEWLINE, "\n").replace(QUOTE, "\"");
            if form.is_empty() {
                continue;
            }
            if form.chars().all(|c| c == '\n') {
                if !text.is_empty() {
                    text.push_str(&form);
                }
                space = false;
                continue;
            }
            if space {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&form);
            tokens.push(GoldToken {
                start,
                end: text.len(),
                foreign: categ == "1",
                is_word: categ == "1" || categ == "2",
            });
            space = !form.ends_with('\n');
        }
        let trimmed = text.trim_end_matches('\n').len();
        text.truncate(trimmed.max(tokens.last().map_or(0, |t| t.end)));
        Some(Case {
            id: format!("{}/{}", self.key.0, self.key.1),
            main: Lang::De,
            text,
            tokens,
            inserted: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "source,user_name,sen_id,sen_num,token,categ\n";

    fn parse(body: &str) -> Vec<Case> {
        parse_denglisch(Path::new("d.csv"), &format!("{HEAD}{body}")).unwrap()
    }

    fn forms(case: &Case) -> Vec<&str> {
        case.tokens.iter().map(|t| t.form(&case.text)).collect()
    }

    #[test]
    fn labels_text_and_offsets() {
        let cases = parse(concat!(
            "s,u,p1,1,Das,2\n",
            "s,u,p1,1,ist,2\n",
            "s,u,p1,1,so,2\n",
            "s,u,p1,1,nice,1\n",
            "s,u,p1,1,\",\",<punct>\n",
            "s,u,p1,1,lol,3a-E\n",
            "s,u,p1,1,,<EOS>\n",
        ));
        assert_eq!(cases.len(), 1);
        let case = &cases[0];
        assert_eq!(case.id, "p1/1");
        assert_eq!(case.main, Lang::De);
        assert_eq!(case.text, "Das ist so nice , lol");
        assert_eq!(forms(case), ["Das", "ist", "so", "nice", ",", "lol"]);
        let foreign: Vec<bool> = case.tokens.iter().map(|t| t.foreign).collect();
        assert_eq!(foreign, [false, false, false, true, false, false]);
        let scored: Vec<bool> = case.tokens.iter().map(|t| t.is_word).collect();
        assert_eq!(scored, [true, true, true, true, false, false]);
        assert_eq!(case.inserted, None);
    }

    #[test]
    fn quoted_tokens_with_commas_and_quotes() {
        let cases = parse(concat!(
            "s,u,p,1,\"a,b\",2\n",
            "s,u,p,1,\"\"\"\",<punct>\n",
            "s,u,p,1,\"say \"\"hi\"\"\",1\n",
            "s,u,p,1,jetzt,2\n",
        ));
        assert_eq!(forms(&cases[0]), ["a,b", "\"", "say \"hi\"", "jetzt"]);
    }

    #[test]
    fn quote_markers_become_double_quotes() {
        let cases = parse(concat!(
            "s,u,p,1,Das,2\n",
            "s,u,p,1,$quote$,<punct>\n",
            "s,u,p,1,Hallo,2\n",
            "s,u,p,1,$quote$,<punct>\n",
            "s,u,p,1,,<EOS>\n",
        ));
        assert_eq!(cases[0].text, "Das \" Hallo \"");
    }

    #[test]
    fn newlines_become_line_breaks_and_are_not_tokens() {
        let cases = parse(concat!(
            "s,u,p,1,$newline$,<EOP>\n",
            "s,u,p,1,Hallo,2\n",
            "s,u,p,1,$newline$,<EOP>\n",
            "s,u,p,1,$newline$,<EOP>\n",
            "s,u,p,1,Welt,2\n",
            "s,u,p,1,$newline$,<EOP>\n",
            "s,u,p,1,,<EOS>\n",
        ));
        assert_eq!(cases[0].text, "Hallo\n\nWelt");
        assert_eq!(forms(&cases[0]), ["Hallo", "Welt"]);
    }

    #[test]
    fn groups_by_eos_and_by_sentence_key() {
        let cases = parse(concat!(
            "s,u,p,1,Eins,2\n",
            "s,u,p,1,,<EOS>\n",
            "s,u,p,2,Zwei,2\n",
            "s,u,p,3,Drei,2\n",
            "s,u,q,3,Vier,2\n",
            "s,u,q,3,,<EOS>\n",
            "s,u,q,3,Fünf,2\n",
        ));
        let texts: Vec<&str> = cases.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Eins", "Zwei", "Drei", "Vier", "Fünf"]);
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["p/1", "p/2", "p/3", "q/3", "q/3"]);
    }

    #[test]
    fn keeps_only_german_dominant_sentences() {
        let cases = parse(concat!(
            "s,u,a,1,so,2\n",
            "s,u,a,1,cool,1\n",
            "s,u,a,1,,<EOS>\n",
            "s,u,b,1,so,2\n",
            "s,u,b,1,ein,2\n",
            "s,u,b,1,meme,1\n",
            "s,u,b,1,,<EOS>\n",
            "s,u,c,1,!,<punct>\n",
        ));
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["b/1"]);
    }

    #[test]
    fn bad_header_and_short_rows_are_errors() {
        let err = parse_denglisch(Path::new("d.csv"), "a,b\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("d.csv:1:1: expected the header")
        );
        let text = format!("{HEAD}s,u,p,1,x,2\ns,u,p,1,y\n");
        let err = parse_denglisch(Path::new("d.csv"), &text).unwrap_err();
        assert_eq!(err.to_string(), "d.csv:3:1: expected 6 fields, found 5");
        let text = format!("{HEAD}s,u,p,1,\"x,2\n");
        let err = parse_denglisch(Path::new("d.csv"), &text).unwrap_err();
        assert_eq!(err.to_string(), "d.csv:2:9: quoted field is not closed");
    }

    #[test]
    fn a_file_without_a_german_dominant_sentence_is_an_error() {
        for text in [
            "",
            "\u{feff}",
            HEAD,
            &format!("{HEAD}s,u,a,1,cool,1\ns,u,a,1,so,2\ns,u,a,1,,<EOS>\n"),
        ] {
            let err = parse_denglisch(Path::new("d.csv"), text).unwrap_err();
            assert_eq!(
                err.to_string(),
                "d.csv: holds no usable sentence (a sentence with more German than English tokens)",
                "{text:?}"
            );
        }
    }
}
