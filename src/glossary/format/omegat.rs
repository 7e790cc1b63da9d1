//! OmegaT glossaries: `source<TAB>target<TAB>comment`, no header, no languages (see the
//! module docs of [`super`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use super::shared::{clean, preferred_first};
use crate::glossary::id::{slug, unique_id};
use crate::glossary::model::{Concept, EntityType, Glossary, Term, TermStatus};
use crate::text::strip_bom;
use crate::{Error, Lang, Result};

/// Parses an OmegaT glossary whose first column is in `source` and second in `target`.
/// Each source term becomes a concept (type `other`, id the slug of the source term,
/// both terms preferred, the comment as concept note); a later line with the same source
/// term and another target adds that target as an admitted variant, and a line whose
/// comment is `admitted variant of 'S'` or `deprecated variant of 'S'` (as a glossary
/// written by tandem has them) and whose target is that of the concept of source term
/// `S` adds its source term to that concept as such a variant.
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
        if let Some((i, status, note)) = source_variant(
            comment.as_deref(),
            &target_text,
            &by_source,
            &concepts,
            target,
        ) {
            let variants = concepts[i].terms.entry(source).or_default();
            if !variants.iter().any(|t| t.text == source_text) {
                variants.push(Term {
                    text: source_text,
                    status,
                    note,
                });
            }
            continue;
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

/// What a comment says of a source variant: its status, with the words before the
/// preferred source term in quotes.
const VARIANT_OF: [(TermStatus, &str); 2] = [
    (TermStatus::Admitted, "admitted variant of '"),
    (TermStatus::Deprecated, "deprecated variant of '"),
];

/// The concept a line with `comment` and `target_text` is a source variant of, with the
/// variant's status and note: the comment names a concept's source term in the words
/// [`render`] writes, and the line's target is that concept's preferred target.
fn source_variant(
    comment: Option<&str>,
    target_text: &str,
    by_source: &HashMap<String, usize>,
    concepts: &[Concept],
    target: Lang,
) -> Option<(usize, TermStatus, Option<String>)> {
    let comment = comment?;
    let (status, rest) = VARIANT_OF
        .iter()
        .find_map(|(status, words)| Some((*status, comment.strip_prefix(words)?)))?;
    // The source term may hold a quote itself: try each closing quote in turn.
    rest.match_indices('\'').find_map(|(end, _)| {
        let &i = by_source.get(&rest[..end])?;
        let note = match &rest[end + 1..] {
            "" => None,
            more => Some(more.strip_prefix("; ")?.to_string()),
        };
        let preferred = concepts[i].preferred(target)?;
        (preferred.text == target_text).then_some((i, status, note))
    })
}

/// One line of an OmegaT glossary.
struct Line {
    source: String,
    target: String,
    comment: Option<String>,
}

/// The lines for the concepts that have both languages, and how many of their terms no
/// line holds (deprecated targets, which a translator should not be offered, unreviewed
/// candidates, and source terms starting with '#', which OmegaT reads as comments). Per
/// concept: the preferred (else first admitted) source and target terms with the
/// concept note; each admitted target with the preferred source; each admitted or
/// deprecated source variant with the preferred target, its status in the comment (a
/// source text may use it, and the translator needs the target all the same).
fn lines(glossary: &Glossary, source: Lang, target: Lang) -> (Vec<Line>, usize) {
    let mut lines = Vec::new();
    let mut left_out = 0;
    for concept in &glossary.concepts {
        let (Some(source_terms), Some(target_terms)) =
            (concept.terms.get(&source), concept.terms.get(&target))
        else {
            continue;
        };
        let all_terms = || {
            (source_terms.iter().chain(target_terms))
                .filter(|term| !clean(&term.text).is_empty())
                .count()
        };
        // Only candidates or deprecated terms in one language: nothing to offer.
        let (Some(s), Some(t)) = (head(source_terms), head(target_terms)) else {
            left_out += all_terms();
            continue;
        };
        let (s_text, t_text) = (clean(&s.text), clean(&t.text));
        if s_text.is_empty() || t_text.is_empty() {
            continue;
        }
        // A line that starts with '#' is a comment to OmegaT.
        if s_text.starts_with('#') {
            left_out += all_terms();
            continue;
        }
        let note = |text: Option<&str>| text.map(clean).filter(|n| !n.is_empty());
        lines.push(Line {
            source: s_text.clone(),
            target: t_text.clone(),
            comment: note(concept.note.as_deref()),
        });
        for term in others(concept, target, t) {
            match term.status {
                TermStatus::Admitted | TermStatus::Preferred => lines.push(Line {
                    source: s_text.clone(),
                    target: clean(&term.text),
                    comment: note(term.note.as_deref()),
                }),
                TermStatus::Deprecated | TermStatus::Candidate => left_out += 1,
            }
        }
        for term in others(concept, source, s) {
            let variant = VARIANT_OF.iter().find(|(status, _)| *status == term.status);
            let Some((_, words)) = variant.filter(|_| !clean(&term.text).starts_with('#')) else {
                left_out += 1;
                continue;
            };
            let mut comment = format!("{words}{s_text}'");
            if let Some(note) = note(term.note.as_deref()) {
                comment = format!("{comment}; {note}");
            }
            lines.push(Line {
                source: clean(&term.text),
                target: t_text.clone(),
                comment: Some(comment),
            });
        }
    }
    (lines, left_out)
}

/// The term the lines of a concept stand on in one language: its preferred term, else
/// its first admitted one; `None` when it has only candidates and deprecated terms,
/// which a translator should not be offered.
fn head(terms: &[Term]) -> Option<&Term> {
    let with = |status: TermStatus| terms.iter().find(|t| t.status == status);
    with(TermStatus::Preferred).or_else(|| with(TermStatus::Admitted))
}

/// The terms of `concept` in `lang` other than `first`, leaving out empty ones.
fn others<'a>(concept: &'a Concept, lang: Lang, first: &'a Term) -> impl Iterator<Item = &'a Term> {
    let terms = concept
        .terms
        .get(&lang)
        .map(Vec::as_slice)
        .unwrap_or_default();
    terms
        .iter()
        .filter(move |term| !std::ptr::eq(*term, first) && !clean(&term.text).is_empty())
}

/// Writes every concept that has both languages (see [`lines`] for which terms).
pub(super) fn render(glossary: &Glossary, source: Lang, target: Lang) -> String {
    let mut out = String::new();
    for line in lines(glossary, source, target).0 {
        let _ = write!(out, "{}\t{}", line.source, line.target);
        if let Some(comment) = &line.comment {
            let _ = write!(out, "\t{comment}");
        }
        out.push('\n');
    }
    out
}

/// How many terms of concepts in both languages an OmegaT glossary from `source` to
/// `target` leaves out: deprecated target terms, candidates, and source terms starting
/// with '#', which OmegaT reads as comments.
pub fn omegat_left_out(glossary: &Glossary, source: Lang, target: Lang) -> usize {
    lines(glossary, source, target).1
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

    /// A native glossary with variants of every status in both languages.
    fn with_variants() -> Glossary {
        let text = "id\ttype\tlang\tterm\tstatus\tnote\n\
            white-house\torganisation\tde\tWeißes Haus\tpreferred\n\
            white-house\torganisation\tde\tWeisses Haus\tdeprecated\tss spelling\n\
            white-house\torganisation\tde\tAmtssitz\tadmitted\n\
            white-house\torganisation\tde\tWeißhaus\tcandidate\n\
            white-house\torganisation\ten\tWhite House\tpreferred\n\
            white-house\torganisation\ten\tExecutive Mansion\tadmitted\tformal\n\
            white-house\torganisation\ten\tWhitehouse\tdeprecated\n\
            white-house\torganisation\t*\t\t-\tThe US president's office\n";
        super::super::parse(Path::new("g.tsv"), text, None).unwrap()
    }

    #[test]
    fn render_writes_source_variants_and_admitted_targets() {
        assert_eq!(
            render(&with_variants(), Lang::De, Lang::En),
            "Weißes Haus\tWhite House\tThe US president's office\n\
             Weißes Haus\tExecutive Mansion\tformal\n\
             Weisses Haus\tWhite House\tdeprecated variant of 'Weißes Haus'; ss spelling\n\
             Amtssitz\tWhite House\tadmitted variant of 'Weißes Haus'\n"
        );
        assert_eq!(
            omegat_left_out(&with_variants(), Lang::De, Lang::En),
            2,
            "Whitehouse, Weißhaus"
        );
    }

    #[test]
    fn variants_survive_a_round_trip() {
        let native = with_variants();
        let back = parse_de_en(&render(&native, Lang::De, Lang::En)).unwrap();
        assert_eq!(back.concepts.len(), 1, "{back:?}");
        let terms = |g: &Glossary, lang: Lang| -> Vec<(String, TermStatus, Option<String>)> {
            g.concepts[0].terms[&lang]
                .iter()
                .map(|t| (t.text.clone(), t.status, t.note.clone()))
                .collect()
        };
        let kept = |g: &Glossary, lang| {
            let mut list = terms(g, lang);
            list.retain(|(_, status, _)| *status != TermStatus::Candidate);
            list
        };
        assert_eq!(terms(&back, Lang::De), kept(&native, Lang::De));
        let mut en = kept(&native, Lang::En);
        en.retain(|(_, status, _)| *status != TermStatus::Deprecated);
        assert_eq!(terms(&back, Lang::En), en);
        assert_eq!(back.concepts[0].note, native.concepts[0].note);
    }

    #[test]
    fn a_variant_comment_needs_the_concepts_target() {
        let text = "Weißes Haus\tWhite House\n\
                    Weisses Haus\tWhitehouse\tdeprecated variant of 'Weißes Haus'\n\
                    Amtssitz\tWhite House\tadmitted variant of 'Kanzleramt'\n";
        let g = parse_de_en(text).unwrap();
        assert_eq!(
            g.concepts.len(),
            3,
            "neither line is taken as a variant: {g:?}"
        );
    }

    #[test]
    fn candidates_and_comment_like_terms_are_left_out() {
        // A concept `glossary build` proposed (every term a candidate), one with only a
        // deprecated German term, and one whose source term OmegaT would read as a
        // comment.
        let text = "id\ttype\tlang\tterm\tstatus\tnote\n\
            moscow\tplace\tde\tMoskau\tcandidate\n\
            moscow\tplace\ten\tMoscow\tcandidate\n\
            kiev\tplace\tde\tKiew\tdeprecated\n\
            kiev\tplace\ten\tKyiv\tpreferred\n\
            metoo\tother\tde\t#MeToo\tpreferred\n\
            metoo\tother\tde\t#Aufschrei\tadmitted\n\
            metoo\tother\ten\t#MeToo\tpreferred\n\
            trump\tperson\tde\tDonald Trump\tcandidate\n\
            trump\tperson\tde\tTrump\tadmitted\n\
            trump\tperson\ten\tDonald Trump\tpreferred\n";
        let g = super::super::parse(Path::new("g.tsv"), text, None).unwrap();
        assert_eq!(render(&g, Lang::De, Lang::En), "Trump\tDonald Trump\n");
        assert_eq!(omegat_left_out(&g, Lang::De, Lang::En), 2 + 2 + 3 + 1);
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
