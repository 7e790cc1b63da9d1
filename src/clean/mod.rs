//! Findings on machine-translated articles, and cleaned copies.
//!
//! A [`Cleaner`] runs eight rules (see [`Rule`]) over a [`Document`](crate::Document):
//! foreign fragments left by the translation, boilerplate lines (calls to share or
//! donate, credits, bylines, navigation, contact details, cookie notices) in any of the
//! seven languages, repeated lines and sentences, glossary names in a deprecated or
//! foreign form, compounds split by a space, metadata left in the text, and mixed
//! quotation marks. Each finding has a stable rule id, a severity, byte offsets into the
//! input as read and, where there is one, a suggested replacement (`""` deletes).
//! [`Cleaner::fix`] applies the suggestions and logs every [`Edit`] with its offsets
//! into the original; cleaning a cleaned text changes nothing.
//!
//! ```
//! use tandem::clean::Cleaner;
//! use tandem::{Document, DocumentOptions};
//!
//! let cleaner = Cleaner::default(); // build once, use for every document
//! let text = "Trump droht Mexiko\n\nTrump droht Mexiko\n\nDie USA erhöhen den Druck.\n\nArchiviert unter:\n";
//! let doc = Document::new("a.txt", text.to_string(), DocumentOptions::default());
//! let (findings, fixed) = cleaner.clean(&doc);
//! assert_eq!(findings.len(), 2);
//! assert_eq!(fixed.text, "Trump droht Mexiko\n\nDie USA erhöhen den Druck.\n");
//! for edit in &fixed.edits {
//!     assert_eq!(&text[edit.start..edit.end], edit.original);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod boilerplate;
mod cleaner;
mod compound;
mod duplicate;
mod fix;
mod lines;
mod metadata;
mod quotes;
mod rule;

pub use cleaner::{Cleaner, CleanerBuilder, findings};
pub use fix::{Edit, Fixed, Kept};
pub use rule::{Rule, UnknownRule};
