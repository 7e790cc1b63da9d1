//! Entity glossaries: the model, file formats, finding mentions in text, and applying,
//! checking and building glossaries.

mod adjective_endings;
mod build;
mod check;
pub mod format;
mod id;
pub(crate) mod inflection;
mod matcher;
mod model;
mod rewrite;
mod short_form;
#[cfg(test)]
mod sketch;

pub use build::{BuildOptions, Proposal, build, proposals_to_glossary};
pub use check::{CheckedDocument, check};
pub use format::{
    Conflict, Format, LeftOut, conflicts, omegat_left_out, parse, parse_noting_left_out,
    parse_omegat, read, read_noting_left_out, render,
};
pub use matcher::{Ambiguity, AmbiguousMention, Matcher, Mention, Mentions};
pub use model::{Concept, ConceptIndex, EntityType, Glossary, Term, TermStatus};
pub use rewrite::{Change, Rewrite, RewriteMode, is_foreign_form, replacement, rewrite};
