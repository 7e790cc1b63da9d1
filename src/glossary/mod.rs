//! Entity glossaries: the model, file formats, finding mentions in text, and applying,
//! checking and building glossaries.

mod model;

pub use model::{Concept, EntityType, Glossary, Term, TermStatus};
