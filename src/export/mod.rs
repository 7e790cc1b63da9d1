//! Serialisable output (JSON schema v1 of DESIGN.md): the shapes other tools rely on.

mod alignment;
mod detect;
mod findings;
mod html;
mod segments;
mod tmx;
mod tsv;

pub use alignment::{AlignedDocument, Alignment, AlignmentMode, Group, Member};
pub use detect::{DetectedDocument, FragmentRecord};
pub use findings::{Finding, Severity};
pub use html::{
    Annotation, AnnotationKind, ReviewPage, entity_annotations, page_title, render_html,
};
pub use segments::{SegmentedDocument, SentenceRecord};
pub use tmx::{TmxOptions, to_tmx};
pub use tsv::{TsvOptions, to_tsv, to_tsv_with};
