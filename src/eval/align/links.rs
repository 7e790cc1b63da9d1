//! The gold link format, `[src ids]:[tgt ids]` a line: reading it with errors at line
//! and column, and writing it.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::align::parallel::Bead;
use crate::text::strip_bom;
use crate::{Error, Result, read_path};

/// One alignment link: source sentence ids and target sentence ids (either may be
/// empty).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    /// Source sentence ids, 0-based.
    pub source: Vec<usize>,
    /// Target sentence ids, 0-based.
    pub target: Vec<usize>,
}

impl Link {
    /// The link as written in gold files: `[0, 1]:[2]`.
    pub fn to_line(&self) -> String {
        let side = |ids: &[usize]| {
            let ids: Vec<String> = ids.iter().map(usize::to_string).collect();
            format!("[{}]", ids.join(", "))
        };
        format!("{}:{}", side(&self.source), side(&self.target))
    }
}

/// The links of aligned beads.
pub fn links_from_beads(beads: &[Bead]) -> Vec<Link> {
    beads
        .iter()
        .map(|b| Link {
            source: b.source.clone(),
            target: b.target.clone(),
        })
        .collect()
}

/// Reads a gold (or test) link file.
pub fn read_links(path: &Path) -> Result<Vec<Link>> {
    parse_links(path, &read_path(path)?.text)
}

/// Parses links, one per line; blank lines are skipped. `path` names the input in
/// errors.
pub fn parse_links(path: &Path, text: &str) -> Result<Vec<Link>> {
    parse_links_within(path, text, None)
}

/// How many sentences the two sides of a gold file have, and the files that hold them,
/// for the message when a link points past the end.
pub(super) struct Sides<'a> {
    pub source: (usize, &'a Path),
    pub target: (usize, &'a Path),
}

/// Reads a gold link file whose links refer to `sides`: in a link with sentences on both
/// sides, an id past the end of its side is an error at its line and column (the link
/// would be scored as one nothing can ever match, without a word). A link with an empty
/// side is never scored and cannot change a score, so an id past the end there is let
/// through: the ParIce gold `u_1.txt` has one (`[41]:[]` for 41 English sentences).
pub(super) fn read_gold(path: &Path, sides: &Sides) -> Result<Vec<Link>> {
    parse_links_within(path, &read_path(path)?.text, Some(sides))
}

/// [`parse_links`], with every id checked against `sides` when given.
fn parse_links_within(path: &Path, text: &str, sides: Option<&Sides>) -> Result<Vec<Link>> {
    let mut links = Vec::new();
    for (k, line) in strip_bom(text).lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let error = |(column, msg)| Error::Parse {
            path: path.to_path_buf(),
            line: k + 1,
            column,
            msg,
        };
        let (source, target) = parse_link(line).map_err(error)?;
        if let Some(sides) = sides
            && !source.is_empty()
            && !target.is_empty()
        {
            check_ids(&source, sides.source).map_err(error)?;
            check_ids(&target, sides.target).map_err(error)?;
        }
        links.push(Link {
            source: source.into_iter().map(|(id, _)| id).collect(),
            target: target.into_iter().map(|(id, _)| id).collect(),
        });
    }
    Ok(links)
}

/// Refuses an id at or past `len`, the number of sentences in `file`.
fn check_ids(
    ids: &[(usize, usize)],
    (len, file): (usize, &Path),
) -> std::result::Result<(), LineError> {
    match ids.iter().find(|&&(id, _)| id >= len) {
        Some(&(id, column)) => Err((
            column,
            format!(
                "sentence id {id} is past the end: {} has {len} sentences",
                file.display()
            ),
        )),
        None => Ok(()),
    }
}

/// A parse failure: 1-based column (in characters) and message.
type LineError = (usize, String);

/// Sentence ids, each with its 1-based column (in characters) for messages.
type PlacedIds = Vec<(usize, usize)>;

/// Reads one `[ids]:[ids]` line.
fn parse_link(line: &str) -> std::result::Result<(PlacedIds, PlacedIds), LineError> {
    let chars: Vec<char> = line.chars().collect();
    let mut pos = 0;
    let source = parse_side(&chars, &mut pos)?;
    skip_spaces(&chars, &mut pos);
    expect(&chars, &mut pos, ':')?;
    let target = parse_side(&chars, &mut pos)?;
    skip_spaces(&chars, &mut pos);
    if pos < chars.len() {
        return Err((
            pos + 1,
            format!("unexpected '{}' after the link", chars[pos]),
        ));
    }
    Ok((source, target))
}

fn skip_spaces(chars: &[char], pos: &mut usize) {
    while chars.get(*pos).is_some_and(|c| c.is_whitespace()) {
        *pos += 1;
    }
}

fn expect(chars: &[char], pos: &mut usize, want: char) -> std::result::Result<(), LineError> {
    match chars.get(*pos) {
        Some(&c) if c == want => {
            *pos += 1;
            Ok(())
        }
        Some(&c) => Err((*pos + 1, format!("expected '{want}', found '{c}'"))),
        None => Err((*pos + 1, format!("expected '{want}', found end of line"))),
    }
}

/// Reads `[1, 2]` (or `[]`) at `pos`, leading spaces allowed.
fn parse_side(chars: &[char], pos: &mut usize) -> std::result::Result<PlacedIds, LineError> {
    skip_spaces(chars, pos);
    expect(chars, pos, '[')?;
    let mut ids = Vec::new();
    skip_spaces(chars, pos);
    if chars.get(*pos) == Some(&']') {
        *pos += 1;
        return Ok(ids);
    }
    loop {
        skip_spaces(chars, pos);
        let start = *pos;
        while chars.get(*pos).is_some_and(char::is_ascii_digit) {
            *pos += 1;
        }
        if start == *pos {
            let found = chars
                .get(*pos)
                .map_or("end of line".to_string(), |c| format!("'{c}'"));
            return Err((start + 1, format!("expected a sentence id, found {found}")));
        }
        let digits: String = chars[start..*pos].iter().collect();
        let id = digits
            .parse()
            .map_err(|_| (start + 1, format!("sentence id {digits} is too large")))?;
        ids.push((id, start + 1));
        skip_spaces(chars, pos);
        match chars.get(*pos) {
            Some(',') => *pos += 1,
            Some(']') => {
                *pos += 1;
                return Ok(ids);
            }
            Some(&c) => return Err((*pos + 1, format!("expected ',' or ']', found '{c}'"))),
            None => return Err((*pos + 1, "expected ']', found end of line".to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{link, links, parse_failure};
    use super::*;

    fn parse_error(text: &str) -> (usize, usize, String) {
        parse_failure(parse_links(Path::new("gold.txt"), text))
    }

    #[test]
    fn parses_links_with_empty_sides_and_blank_lines() {
        assert_eq!(
            links("[0, 1]:[2]\n\n[]:[3]\n[2]:[]\n [4] : [ 5 ,6 ] \r\n"),
            [
                link(&[0, 1], &[2]),
                link(&[], &[3]),
                link(&[2], &[]),
                link(&[4], &[5, 6])
            ]
        );
        assert_eq!(link(&[0, 1], &[]).to_line(), "[0, 1]:[]");
    }

    #[test]
    fn parse_errors_name_line_and_column() {
        let (line, column, msg) = parse_error("[0]:[0]\n[1]:[x]\n");
        assert_eq!((line, column), (2, 6));
        assert!(msg.contains("sentence id"), "{msg}");
        assert_eq!(parse_error("[0]-[0]").1, 4);
        assert_eq!(parse_error("[0, 1:[2]").1, 6);
        assert_eq!(parse_error("[0]:[2").1, 7);
        assert_eq!(parse_error("[0]:[2] x").1, 9);
        let err = parse_links(Path::new("gold.txt"), "0:0").unwrap_err();
        assert_eq!(err.to_string(), "gold.txt:1:1: expected '[', found '0'");
    }
}
