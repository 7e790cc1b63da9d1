//! Findings: something in a document an editor should look at, with a stable rule id,
//! a severity, where it is, and a suggested replacement when there is one. The shape of
//! `tandem clean --format json` and `tandem glossary check --format json`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Should be looked at.
    Warning,
    /// Should be fixed.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity '{other}' (expected info, warning or error)"
            )),
        }
    }
}

/// One finding in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. `glossary-deprecated`, `boilerplate`.
    pub rule: String,
    /// How much it matters.
    pub severity: Severity,
    /// First byte, into the input as read.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text found.
    pub text: String,
    /// What is wrong, for people.
    pub message: String,
    /// The replacement to make, if there is one.
    pub suggestion: Option<String>,
}
