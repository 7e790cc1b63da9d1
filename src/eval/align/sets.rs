//! The benchmark sets on disk: Text+Berg de–fr and ParIce en–is, each document pair
//! read with its gold links.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::links::{Link, Sides, read_gold};
use crate::text::strip_bom;
use crate::{Error, Lang, Result, read_path};

/// One document pair with its gold alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairCase {
    /// The document's name (`test0`, `s_1` …).
    pub name: String,
    /// Source sentences, one per line as read.
    pub source: Vec<String>,
    /// Target sentences.
    pub target: Vec<String>,
    /// The source language, if tandem knows it.
    pub source_lang: Option<Lang>,
    /// The target language, if tandem knows it.
    pub target_lang: Option<Lang>,
    /// The gold links.
    pub gold: Vec<Link>,
}

/// [`read_gold`] for a benchmark's gold: one without a link for documents with
/// sentences is an error (an empty or truncated file), not a score of zero.
fn read_nonempty_gold(path: &Path, sides: &Sides) -> Result<Vec<Link>> {
    let gold = read_gold(path, sides)?;
    if gold.is_empty() && sides.source.0 > 0 && sides.target.0 > 0 {
        return Err(Error::Gold {
            path: path.to_path_buf(),
            msg: format!(
                "holds no link, though its documents have {} and {} sentences",
                sides.source.0, sides.target.0
            ),
        });
    }
    Ok(gold)
}

/// Reads Text+Berg documents from `dir`: `<name>.de`, `<name>.fr` (one sentence per
/// line) and `<name>.defr` (gold links), German as the source.
pub fn textberg_set(dir: &Path, names: &[&str]) -> Result<Vec<PairCase>> {
    names
        .iter()
        .map(|name| {
            let file = |ext: &str| dir.join(format!("{name}.{ext}"));
            let lines = |path: &Path| -> Result<Vec<String>> {
                let text = read_path(path)?.text;
                Ok(strip_bom(&text).lines().map(str::to_string).collect())
            };
            let (de, fr) = (file("de"), file("fr"));
            let source = lines(&de)?;
            let target = lines(&fr)?;
            let sides = Sides {
                source: (source.len(), &de),
                target: (target.len(), &fr),
            };
            Ok(PairCase {
                name: name.to_string(),
                gold: read_nonempty_gold(&file("defr"), &sides)?,
                source,
                target,
                source_lang: Some(Lang::De),
                target_lang: Some(Lang::Fr),
            })
        })
        .collect()
}

/// The Text+Berg test documents, `test0` to `test6`.
pub const TEXTBERG_TEST: [&str; 7] = [
    "test0", "test1", "test2", "test3", "test4", "test5", "test6",
];

/// The Text+Berg development document, the only one to tune on.
pub const TEXTBERG_DEV: [&str; 1] = ["dev"];

/// Reads the ParIce documents of `dir`: every `<doc>.txt` of `eng/` (the source),
/// `isl/` and `gold/`, whose sentence lines are `<index>\t<sentence>`. A document
/// missing from any of the three is an error: dropping it would change the score
/// without a word. Icelandic is not a tandem language, so the target language is `None`.
pub fn parice_set(dir: &Path) -> Result<Vec<PairCase>> {
    let (eng, isl, gold) = (dir.join("eng"), dir.join("isl"), dir.join("gold"));
    let mut names = BTreeSet::new();
    for folder in [&eng, &isl, &gold] {
        names.extend(txt_stems(folder)?);
    }
    names
        .into_iter()
        .map(|name| {
            let file = format!("{name}.txt");
            let (source_path, target_path) = (eng.join(&file), isl.join(&file));
            let gold_path = gold.join(&file);
            if !gold_path.is_file() {
                return Err(Error::Gold {
                    path: gold_path,
                    msg: format!("missing: document {name} has sentences but no gold links"),
                });
            }
            let source = indexed_lines(&source_path)?;
            let target = indexed_lines(&target_path)?;
            let sides = Sides {
                source: (source.len(), &source_path),
                target: (target.len(), &target_path),
            };
            Ok(PairCase {
                gold: read_nonempty_gold(&gold_path, &sides)?,
                source,
                target,
                source_lang: Some(Lang::En),
                target_lang: None,
                name,
            })
        })
        .collect()
}

/// The stems of the `*.txt` files in `folder`.
fn txt_stems(folder: &Path) -> Result<BTreeSet<String>> {
    let io = |source| Error::Io {
        path: folder.to_path_buf(),
        source,
    };
    let mut stems = BTreeSet::new();
    for entry in std::fs::read_dir(folder).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "txt")
            && let Some(stem) = path.file_stem()
        {
            stems.insert(stem.to_string_lossy().into_owned());
        }
    }
    Ok(stems)
}

/// Reads lines `<index>\t<sentence>` and returns the sentences; the index must be the
/// line's 0-based position.
fn indexed_lines(path: &Path) -> Result<Vec<String>> {
    let input = read_path(path)?;
    let mut sentences = Vec::new();
    for (k, line) in strip_bom(&input.text).lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let error = |column: usize, msg: String| Error::Parse {
            path: path.to_path_buf(),
            line: k + 1,
            column,
            msg,
        };
        let Some((index, sentence)) = line.split_once('\t') else {
            return Err(error(1, "expected '<index>\\t<sentence>'".to_string()));
        };
        if index.trim().parse::<usize>().ok() != Some(sentences.len()) {
            let msg = format!("expected index {}, found '{index}'", sentences.len());
            return Err(error(1, msg));
        }
        sentences.push(sentence.to_string());
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::super::parse_failure;
    use super::*;

    #[test]
    fn gold_ids_past_the_end_of_a_document_name_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("a.de"), "Eins . \nZwei . \n").unwrap();
        std::fs::write(p.join("a.fr"), "Un . \nDeux . \n").unwrap();
        std::fs::write(p.join("a.defr"), "[0]:[0]\n[1]:[9999]\n").unwrap();
        let (line, column, msg) = parse_failure(textberg_set(p, &["a"]));
        assert_eq!((line, column), (2, 6));
        assert!(
            msg.contains("9999 is past the end") && msg.contains("a.fr has 2"),
            "{msg}"
        );
        // An empty document with gold links to it.
        std::fs::write(p.join("a.defr"), "[0]:[0]\n").unwrap();
        std::fs::write(p.join("a.de"), "").unwrap();
        let (line, column, msg) = parse_failure(textberg_set(p, &["a"]));
        assert_eq!((line, column), (1, 2));
        assert!(msg.contains("a.de has 0 sentences"), "{msg}");
        // A link with an empty side is never scored: let through, as ParIce needs.
        std::fs::write(p.join("a.defr"), "[5]:[]\n").unwrap();
        assert_eq!(textberg_set(p, &["a"]).unwrap()[0].gold.len(), 1);

        for sub in ["eng", "isl", "gold"] {
            std::fs::create_dir(p.join(sub)).unwrap();
        }
        std::fs::write(p.join("eng/d.txt"), "0\tOne.\n1\tTwo.\n").unwrap();
        std::fs::write(p.join("isl/d.txt"), "0\tEinn.\n1\tTveir.\n").unwrap();
        std::fs::write(p.join("gold/d.txt"), "[0]:[0]\n[1, 2]:[1]\n").unwrap();
        let (line, column, msg) = parse_failure(parice_set(p));
        assert_eq!((line, column), (2, 5));
        assert!(msg.contains("eng/d.txt has 2"), "{msg}");
    }

    #[test]
    fn a_parice_document_without_gold_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        for sub in ["eng", "isl", "gold"] {
            std::fs::create_dir(p.join(sub)).unwrap();
        }
        for name in ["d", "e"] {
            std::fs::write(p.join(format!("eng/{name}.txt")), "0\tOne.\n").unwrap();
            std::fs::write(p.join(format!("isl/{name}.txt")), "0\tEinn.\n").unwrap();
        }
        std::fs::write(p.join("gold/d.txt"), "[0]:[0]\n").unwrap();
        match parice_set(p) {
            Err(Error::Gold { path, msg }) => {
                assert_eq!(path, p.join("gold/e.txt"));
                assert!(msg.contains("document e has sentences"), "{msg}");
            }
            other => panic!("expected a missing gold error, got {other:?}"),
        }
    }
}
