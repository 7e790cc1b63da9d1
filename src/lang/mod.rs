//! Languages: the set tandem supports, their word lists, and identifying a document's
//! language.

mod code;
pub(crate) mod data;
mod detect;
mod identify;

pub use code::Lang;
pub use detect::{Detection, Detector, DetectorBuilder, Fragment, FragmentLang, detect};
pub use identify::{LangGuess, identify};
