//! Glossary entities of an alignment's sentences, as page annotations: what the review
//! page underlines when it is made from an alignment file and a glossary.

use super::{Annotation, AnnotationKind};
use crate::export::Alignment;
use crate::glossary::{Glossary, Matcher, Mention};

/// Every glossary mention in the sentences of `alignment`, with offsets into each
/// document's input (the sentence's start plus the offset in the sentence).
pub fn entity_annotations(alignment: &Alignment, glossary: &Glossary) -> Vec<Annotation> {
    let matcher = Matcher::new(glossary);
    let mut annotations = Vec::new();
    for doc in &alignment.documents {
        for sentence in &doc.sentences {
            for mention in matcher.find(&sentence.text, doc.lang).mentions {
                annotations.push(Annotation::entity(&doc.id, &mention, sentence.start));
            }
        }
    }
    annotations
}

impl Annotation {
    /// A glossary mention of document `doc`, found in a text that starts at byte `offset`
    /// of the document's input.
    pub fn entity(doc: &str, mention: &Mention, offset: usize) -> Annotation {
        Annotation {
            doc: doc.to_string(),
            start: offset + mention.start,
            end: offset + mention.end,
            kind: AnnotationKind::Entity,
            label: format!("glossary: {}", mention.concept),
        }
    }
}
