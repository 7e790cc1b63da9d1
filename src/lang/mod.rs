//! Languages: the set tandem supports, their word lists, and identifying a document's
//! language.

mod code;
pub(crate) mod data;
mod detect;
pub(crate) mod german_case;
mod identify;

pub use code::Lang;
pub use detect::{Detection, Detector, DetectorBuilder, Fragment, FragmentLang, detect};
pub use identify::{LangGuess, identify};
