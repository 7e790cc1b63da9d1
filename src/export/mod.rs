//! Serialisable output (JSON schema v1 of DESIGN.md): the shapes other tools rely on.

mod segments;

pub use segments::{SegmentedDocument, SentenceRecord};
