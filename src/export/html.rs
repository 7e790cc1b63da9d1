//! The self-contained HTML review page.
