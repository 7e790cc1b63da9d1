//! Placeholder: filled in by issue #6/#7.

fn main() {}
