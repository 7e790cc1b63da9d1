//! Measuring tandem against gold data (read at evaluation time, never shipped).

pub mod align;
pub mod clean;
pub mod comparable;
pub mod detect;
mod json_file;
pub mod segment;

pub(crate) use json_file::read_json;
