//! Findings on machine-translated articles: boilerplate, duplicates, foreign leftovers,
//! glossary problems, split compounds, stray metadata and mixed quotation marks; and the
//! cleaned text with a log of every edit.
