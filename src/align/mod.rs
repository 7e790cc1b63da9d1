//! Sentence alignment: across outlets in one language (comparable mode, N-way groups in
//! any order) and between a source and its translation (parallel mode, monotonic beads).
//! Both give an [`Alignment`] (DESIGN.md, version 1).

pub mod comparable;
pub mod parallel;

use crate::export::{AlignedDocument, Alignment, AlignmentMode, Group, Member, SentenceRecord};
use crate::{Document, Lang};

pub use comparable::{ComparableOptions, Progress, SentenceGroup, Stage, align_comparable};
pub use parallel::{
    Bead, PairText, ParallelOptions, align_parallel, align_parallel_batch, glossary_pairs,
};

/// Makes document ids distinct, as an alignment needs: where file stems collide
/// (`test0.de`, `test0.fr`), the file names become the ids, and where those collide too,
/// a counter is added.
pub fn distinct_ids(docs: &mut [Document]) {
    let stems: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    for (i, doc) in docs.iter_mut().enumerate() {
        if stems.iter().filter(|s| **s == stems[i]).count() > 1 {
            let name = std::path::Path::new(&doc.source)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            doc.id = name.unwrap_or_else(|| doc.id.clone());
        }
    }
    // Numbered ids must not take another document's id ("x-2" from "x-2.txt").
    let mut taken: std::collections::HashSet<String> = docs.iter().map(|d| d.id.clone()).collect();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for doc in docs.iter_mut() {
        if seen.insert(doc.id.clone()) {
            continue;
        }
        let numbered = (2..)
            .map(|n| format!("{}-{n}", doc.id))
            .find(|id| !taken.contains(id))
            .expect("some number is free");
        taken.insert(numbered.clone());
        seen.insert(numbered.clone());
        doc.id = numbered;
    }
}

/// Gives a document whose language could not be identified (an empty file, a failed
/// scrape: confidence 0) the language most of the others are identified in, so that it
/// neither decides the alignment mode nor reads as another outlet's language.
pub fn adopt_common_language(docs: &mut [Document]) {
    let mut counts: Vec<(Lang, usize)> = Vec::new();
    for doc in docs.iter().filter(|d| d.lang_confidence > 0.0) {
        match counts.iter_mut().find(|(lang, _)| *lang == doc.lang) {
            Some((_, count)) => *count += 1,
            None => counts.push((doc.lang, 1)),
        }
    }
    // The first of the most frequent, in input order: ties go to the earlier document.
    let Some(&(common, _)) = counts.iter().rev().max_by_key(|(_, count)| *count) else {
        return;
    };
    for doc in docs.iter_mut().filter(|d| d.lang_confidence == 0.0) {
        doc.lang = common;
    }
}

/// How documents relate when the user does not say: a source and its translation when
/// there are two in different languages, outlets otherwise.
pub fn default_mode(docs: &[Document]) -> AlignmentMode {
    match docs {
        [source, target] if source.lang != target.lang => AlignmentMode::Parallel,
        _ => AlignmentMode::Comparable,
    }
}

/// The documents as they appear in an alignment.
pub fn aligned_documents(docs: &[Document]) -> Vec<AlignedDocument> {
    docs.iter()
        .map(|doc| AlignedDocument {
            id: doc.id.clone(),
            source: doc.source.clone(),
            lang: doc.lang,
            sentences: SentenceRecord::all(doc),
        })
        .collect()
}

/// The comparable alignment of `docs` as an [`Alignment`].
pub fn comparable_alignment(docs: &[Document], groups: &[SentenceGroup]) -> Alignment {
    Alignment {
        version: 1,
        mode: AlignmentMode::Comparable,
        documents: aligned_documents(docs),
        groups: groups
            .iter()
            .enumerate()
            .map(|(id, g)| Group {
                id,
                score: g.score,
                members: g
                    .members
                    .iter()
                    .map(|(d, sentences)| Member {
                        doc: docs[*d].id.clone(),
                        sentences: sentences.clone(),
                    })
                    .collect(),
                bead: None,
            })
            .collect(),
    }
}

/// The parallel alignment of a source and its translation as an [`Alignment`]: one group
/// per bead, with exactly two members (either may have no sentence).
pub fn parallel_alignment(source: &Document, target: &Document, beads: &[Bead]) -> Alignment {
    Alignment {
        version: 1,
        mode: AlignmentMode::Parallel,
        documents: aligned_documents(&[source.clone(), target.clone()]),
        groups: beads
            .iter()
            .enumerate()
            .map(|(id, bead)| Group {
                id,
                score: (bead.score * 1000.0).round() / 1000.0,
                members: vec![
                    Member {
                        doc: source.id.clone(),
                        sentences: bead.source.clone(),
                    },
                    Member {
                        doc: target.id.clone(),
                        sentences: bead.target.clone(),
                    },
                ],
                bead: Some(bead.kind()),
            })
            .collect(),
    }
}

/// Aligns a source and its translation sentence by sentence.
pub fn align_pair(source: &Document, target: &Document, options: &ParallelOptions) -> Alignment {
    let texts = |doc: &Document| -> Vec<String> {
        doc.sentence_texts()
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    let (a, b) = (texts(source), texts(target));
    let a_refs: Vec<&str> = a.iter().map(String::as_str).collect();
    let b_refs: Vec<&str> = b.iter().map(String::as_str).collect();
    let beads = align_parallel(
        &a_refs,
        Some(source.lang),
        &b_refs,
        Some(target.lang),
        options,
    );
    parallel_alignment(source, target, &beads)
}

/// Aligns several pairs of a source and its translation in one batch: the bilingual
/// dictionary is learnt from all pairs together ([`align_parallel_batch`]). Returns one
/// [`Alignment`] per pair, in order.
pub fn align_pairs(pairs: &[(&Document, &Document)], options: &ParallelOptions) -> Vec<Alignment> {
    let texts: Vec<(Vec<&str>, Vec<&str>)> = pairs
        .iter()
        .map(|(source, target)| (source.sentence_texts(), target.sentence_texts()))
        .collect();
    let pair_texts: Vec<PairText> = pairs
        .iter()
        .zip(&texts)
        .map(|((source, target), (a, b))| PairText {
            source: a,
            source_lang: Some(source.lang),
            target: b,
            target_lang: Some(target.lang),
        })
        .collect();
    align_parallel_batch(&pair_texts, options)
        .iter()
        .zip(pairs)
        .map(|(beads, (source, target))| parallel_alignment(source, target, beads))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocumentOptions, Lang};

    fn doc(source: &str) -> Document {
        Document::new(
            source,
            "Eins.".into(),
            DocumentOptions {
                lang: Some(Lang::De),
            },
        )
    }

    #[test]
    fn colliding_stems_become_file_names_then_numbered() {
        let mut docs = vec![
            doc("a/test0.de"),
            doc("a/test0.fr"),
            doc("b/test0.fr"),
            doc("other.txt"),
        ];
        distinct_ids(&mut docs);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["test0.de", "test0.fr", "test0.fr-2", "other"]);
    }

    #[test]
    fn numbered_ids_do_not_take_another_documents_id() {
        let mut docs = vec![doc("a/x.txt"), doc("b/x.txt"), doc("x.txt-2.txt")];
        distinct_ids(&mut docs);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["x.txt", "x.txt-3", "x.txt-2"]);
    }
}
