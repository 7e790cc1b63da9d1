//! Glossary entities of an alignment's sentences, as page annotations: what the review
//! page underlines when it is made from an alignment file and a glossary.

use super::{Annotation, AnnotationKind};
use crate::export::Alignment;
use crate::glossary::{Glossary, Matcher};

/// Every glossary mention in the sentences of `alignment`, with offsets into each
/// document's input (the sentence's start plus the offset in the sentence).
pub fn entity_annotations(alignment: &Alignment, glossary: &Glossary) -> Vec<Annotation> {
    let matcher = Matcher::new(glossary);
    let mut annotations = Vec::new();
    for doc in &alignment.documents {
        for sentence in &doc.sentences {
            for mention in matcher.find(&sentence.text, doc.lang).mentions {
                annotations.push(Annotation {
                    doc: doc.id.clone(),
                    start: sentence.start + mention.start,
                    end: sentence.start + mention.end,
                    kind: AnnotationKind::Entity,
                    label: format!("glossary: {}", mention.concept),
                });
            }
        }
    }
    annotations
}
