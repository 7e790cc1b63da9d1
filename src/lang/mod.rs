//! Languages: the set tandem supports, their word lists, and identifying a document's
//! language.

mod code;
pub(crate) mod data;
mod identify;

pub use code::Lang;
pub use identify::{LangGuess, identify};
