//! Serialisable output (JSON schema v1 of DESIGN.md): the shapes other tools rely on.

mod detect;
mod segments;

pub use detect::{DetectedDocument, FragmentRecord};
pub use segments::{SegmentedDocument, SentenceRecord};
