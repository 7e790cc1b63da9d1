//! The rules of `tandem clean`: stable ids, severities, and what `--fix` does with each.

use std::fmt;
use std::str::FromStr;

use crate::export::Severity;

/// One kind of finding. The id ([`Rule::id`]) is stable: tests, `--disable` and other
/// tools rely on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// Words or lines in another language than the document's (from the fragment
    /// detector, glossary terms protected). `--fix` keeps them: they need a translator.
    ForeignFragment,
    /// A line that is not article text: calls to share, comment, subscribe or donate;
    /// credits, bylines and datelines; navigation; contact details; cookie notices.
    Boilerplate,
    /// A line or sentence repeated in the document; the first copy is kept.
    Duplicate,
    /// A deprecated variant of a glossary name (with a glossary).
    GlossaryDeprecated,
    /// A glossary name in another language than the document's (with a glossary).
    GlossaryForeignForm,
    /// A German or Dutch compound split by a space ("Sicherheits team").
    SplitCompound,
    /// Metadata left in the text: "date 2025-11-04", "Tags: …", "ID: 12345", markup.
    StrayMetadata,
    /// Quotation marks of a style the rest of the document does not use.
    QuoteStyle,
}

impl Rule {
    /// Every rule, in the order reports list them.
    pub const ALL: [Rule; 8] = [
        Rule::ForeignFragment,
        Rule::Boilerplate,
        Rule::Duplicate,
        Rule::GlossaryDeprecated,
        Rule::GlossaryForeignForm,
        Rule::SplitCompound,
        Rule::StrayMetadata,
        Rule::QuoteStyle,
    ];

    /// The stable id, e.g. `"split-compound"`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::ForeignFragment => "foreign-fragment",
            Rule::Boilerplate => "boilerplate",
            Rule::Duplicate => "duplicate",
            Rule::GlossaryDeprecated => "glossary-deprecated",
            Rule::GlossaryForeignForm => "glossary-foreign-form",
            Rule::SplitCompound => "split-compound",
            Rule::StrayMetadata => "stray-metadata",
            Rule::QuoteStyle => "quote-style",
        }
    }

    /// How much a finding of this rule matters: an error is a defect whatever the context
    /// (metadata left in the text, a variant the glossary forbids); a warning may be
    /// right (a quoted foreign phrase, a short line that is article text).
    pub fn severity(self) -> Severity {
        match self {
            Rule::StrayMetadata | Rule::GlossaryDeprecated => Severity::Error,
            Rule::QuoteStyle => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// The rule with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.id() == id)
    }

    /// The ids of every rule, comma-separated, for messages.
    pub fn ids() -> String {
        Rule::ALL.map(Rule::id).join(", ")
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A rule id that names no rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule '{id}' (rules: {})", Rule::ids())]
pub struct UnknownRule {
    /// The id as given.
    pub id: String,
}

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Rule, UnknownRule> {
        Rule::from_id(s.trim()).ok_or_else(|| UnknownRule { id: s.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for rule in Rule::ALL {
            assert_eq!(rule.id().parse::<Rule>(), Ok(rule));
            assert_eq!(rule.to_string(), rule.id());
        }
    }

    #[test]
    fn unknown_rule_lists_the_rules() {
        let error = "boilerplat".parse::<Rule>().unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("unknown rule 'boilerplat'"),
            "{message}"
        );
        for rule in Rule::ALL {
            assert!(message.contains(rule.id()), "{message}");
        }
    }

    #[test]
    fn severities() {
        assert_eq!(Rule::QuoteStyle.severity(), Severity::Info);
        assert_eq!(Rule::Boilerplate.severity(), Severity::Warning);
        assert_eq!(Rule::StrayMetadata.severity(), Severity::Error);
        // Every severity is used, so that any --fail-on can fail.
        for severity in [Severity::Info, Severity::Warning, Severity::Error] {
            assert!(Rule::ALL.iter().any(|rule| rule.severity() == severity));
        }
    }
}
