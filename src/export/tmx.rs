//! TMX 1.4b export of an alignment.
