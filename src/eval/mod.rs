//! Measuring tandem against gold data (read at evaluation time, never shipped).

pub mod align;
pub mod clean;
pub mod comparable;
pub mod detect;
pub mod segment;
