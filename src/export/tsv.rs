//! Moses-style TSV export of an alignment: one column per document.
