//! OmegaT glossaries: `source<TAB>target<TAB>comment`, no header, no languages (see the
//! module docs of [`super`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use super::shared::{clean, preferred_first, slug, unique_id};
use crate::glossary::model::{Concept, EntityType, Glossary, Term, TermStatus};
use crate::text::strip_bom;
use crate::{Error, Lang, Result};

/// Parses an OmegaT glossary whose first column is in `source` and second in `target`.
/// Each source term becomes a concept (type `other`, id the slug of the source term,
/// both terms preferred, the comment as concept note); a later line with the same source
/// term and another target adds that target as an admitted variant.
pub fn parse_omegat(path: &Path, text: &str, source: Lang, target: Lang) -> Result<Glossary> {
    let error = |line: usize, column: usize, msg: String| Error::Glossary {
        path: path.to_path_buf(),
        line,
        column,
        msg,
    };
    if source == target {
        let msg = format!("the source and target language are both {source}; they must differ");
        return Err(error(1, 1, msg));
    }
    let mut concepts: Vec<Concept> = Vec::new();
    let mut by_source: HashMap<String, usize> = HashMap::new();
    let mut taken = HashSet::new();
    for (i, line) in strip_bom(text).split('\n').enumerate() {
        let number = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 || fields.len() > 3 {
            let column = if fields.len() > 3 {
                fields[..3]
                    .iter()
                    .map(|f| f.chars().count() + 1)
                    .sum::<usize>()
                    + 1
            } else {
                line.chars().count() + 1
            };
            let msg = format!(
                "expected 2 or 3 tab-separated columns (source, target, comment), found {}",
                fields.len()
            );
            return Err(error(number, column, msg));
        }
        let source_text = clean(fields[0]);
        let target_text = clean(fields[1]);
        let comment = fields.get(2).map(|c| clean(c)).filter(|c| !c.is_empty());
        if source_text.is_empty() {
            return Err(error(number, 1, "empty source term".into()));
        }
        if target_text.is_empty() {
            let column = fields[0].chars().count() + 2;
            return Err(error(number, column, "empty target term".into()));
        }
        if let Some(&i) = by_source.get(&source_text) {
            let variants = concepts[i].terms.entry(target).or_default();
            if !variants.iter().any(|t| t.text == target_text) {
                variants.push(Term {
                    text: target_text,
                    status: TermStatus::Admitted,
                    note: comment,
                });
            }
            continue;
        }
        let preferred = |text: String| {
            vec![Term {
                text,
                status: TermStatus::Preferred,
                note: None,
            }]
        };
        let id = unique_id(slug(&source_text), &mut taken);
        by_source.insert(source_text.clone(), concepts.len());
        concepts.push(Concept {
            id,
            entity_type: EntityType::Other,
            terms: BTreeMap::from([
                (source, preferred(source_text)),
                (target, preferred(target_text)),
            ]),
            note: comment,
        });
    }
    concepts.iter_mut().for_each(preferred_first);
    Ok(Glossary { concepts })
}

/// Writes the preferred (or first) `source` and `target` term of every concept that has
/// both, with the concept note as comment.
pub(super) fn render(glossary: &Glossary, source: Lang, target: Lang) -> String {
    let mut out = String::new();
    for concept in &glossary.concepts {
        let (Some(s), Some(t)) = (concept.preferred(source), concept.preferred(target)) else {
            continue;
        };
        let (s, t) = (clean(&s.text), clean(&t.text));
        if s.is_empty() || t.is_empty() {
            continue;
        }
        let _ = write!(out, "{s}\t{t}");
        if let Some(note) = concept.note.as_deref().map(clean).filter(|n| !n.is_empty()) {
            let _ = write!(out, "\t{note}");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# exported from OmegaT
Weißes Haus\tWhite House\tThe US president's office and residence
Claudia Sheinbaum\tClaudia Sheinbaum
Weißes Haus\tthe White House\tcolloquial
Weißes Haus\tWhite House
";

    fn parse_de_en(text: &str) -> Result<Glossary> {
        parse_omegat(Path::new("g.txt"), text, Lang::De, Lang::En)
    }

    #[test]
    fn reads_concepts_and_variants() {
        let g = parse_de_en(TEXT).unwrap();
        assert_eq!(g.concepts.len(), 2);
        let wh = &g.concepts[0];
        assert_eq!(wh.id, "weisses-haus");
        assert_eq!(wh.entity_type, EntityType::Other);
        assert_eq!(
            wh.note.as_deref(),
            Some("The US president's office and residence")
        );
        assert_eq!(wh.terms[&Lang::De][0].status, TermStatus::Preferred);
        let en = &wh.terms[&Lang::En];
        assert_eq!(en.len(), 2);
        assert_eq!(
            (en[0].text.as_str(), en[0].status),
            ("White House", TermStatus::Preferred)
        );
        assert_eq!(
            (en[1].text.as_str(), en[1].status),
            ("the White House", TermStatus::Admitted)
        );
        assert_eq!(en[1].note.as_deref(), Some("colloquial"));
        assert_eq!(g.concepts[1].id, "claudia-sheinbaum");
    }

    #[test]
    fn ids_are_deduplicated() {
        let g = parse_de_en("Haus\thouse\nhaus\thome\nHAUS!\tHOUSE\n").unwrap();
        let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["haus", "haus-2", "haus-3"]);
    }

    #[test]
    fn parse_render_round_trip() {
        let text = "Weißes Haus\tWhite House\tThe US president's office\n\
                    Claudia Sheinbaum\tClaudia Sheinbaum\n";
        let g = parse_de_en(text).unwrap();
        let rendered = render(&g, Lang::De, Lang::En);
        assert_eq!(rendered, text);
        assert_eq!(parse_de_en(&rendered).unwrap(), g);
    }

    #[test]
    fn render_skips_concepts_without_both_languages() {
        let g = parse_de_en("Weißes Haus\tWhite House\n").unwrap();
        assert_eq!(render(&g, Lang::De, Lang::Es), "");
        assert_eq!(render(&g, Lang::En, Lang::De), "White House\tWeißes Haus\n");
    }

    #[test]
    fn errors_have_positions() {
        let cases: &[(&str, usize, usize, &str)] = &[
            ("a\tb\nonly one column\n", 2, 16, "found 1"),
            ("a\tb\tc\td\n", 1, 7, "found 4"),
            ("\tWhite House\n", 1, 1, "empty source"),
            ("Haus\t \n", 1, 6, "empty target"),
        ];
        for &(text, line, column, needle) in cases {
            match parse_de_en(text) {
                Err(Error::Glossary {
                    line: l,
                    column: c,
                    msg,
                    ..
                }) => {
                    assert_eq!((l, c), (line, column), "{text:?}: {msg}");
                    assert!(msg.contains(needle), "{text:?}: {msg}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn same_languages_are_refused() {
        assert!(parse_omegat(Path::new("g.txt"), "a\tb\n", Lang::De, Lang::De).is_err());
    }
}
