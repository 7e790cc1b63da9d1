//! Text as read: input files, documents, words and sentences, all with byte offsets into
//! the input exactly as it was read.

mod document;
mod input;
mod lines;
mod position;
pub mod sentences;
mod span;
mod tokens;

pub use document::{Document, DocumentOptions};
pub(crate) use input::strip_bom;
pub use input::{
    Input, MAX_INPUT_BYTES, STDIN_NAME, parse_json, read_input, read_json, read_path, read_stdin,
};
pub(crate) use lines::{Line, is_padding, lines};
pub use position::LineIndex;
pub(crate) use position::floor_char_boundary;
pub use span::Span;
pub use tokens::{Token, words};
