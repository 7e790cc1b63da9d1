//! Checking documents against a glossary: deprecated variants, forms of another
//! language, ambiguous forms (short forms, forms several concepts share), and one
//! concept written differently in different documents of the same language (outlet A
//! "Sheinbaum Pardo", outlet B "Claudia Sheinbaum").

use std::collections::{BTreeMap, BTreeSet};

use super::inflection::fold;
use super::rewrite::{is_deprecated_variant, replaced};
use super::short_form::is_short_form;
use super::{
    Ambiguity, Concept, ConceptIndex, Glossary, Mention, Mentions, RewriteMode, replacement,
};
use crate::Lang;
use crate::export::{Finding, Severity};

/// One document's mentions, as `check` needs them.
#[derive(Debug, Clone)]
pub struct CheckedDocument<'a> {
    /// The document's source, for messages.
    pub source: &'a str,
    /// Its language.
    pub lang: Lang,
    /// What the matcher found in it.
    pub mentions: &'a Mentions,
}

/// Findings for each document, in the order given.
pub fn check(glossary: &Glossary, docs: &[CheckedDocument<'_>]) -> Vec<Vec<Finding>> {
    // `Glossary::concept` searches the list: once per mention it would cost mentions
    // times concepts.
    let concepts = glossary.index();
    let mut findings: Vec<Vec<Finding>> = docs
        .iter()
        .map(|doc| own_findings(&concepts, doc))
        .collect();
    for (d, finding) in inconsistencies(&concepts, docs) {
        findings[d].push(finding);
    }
    for list in &mut findings {
        list.sort_by_key(|f| (f.start, f.end));
    }
    findings
}

/// Deprecated variants, foreign forms and ambiguous forms within one document.
fn own_findings(concepts: &ConceptIndex<'_>, doc: &CheckedDocument<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for mention in &doc.mentions.mentions {
        // A variant the glossary deprecates is a defect wherever it stands; a foreign
        // form may be a quotation (as `tandem clean` rates them).
        for (mode, rule, severity, what) in [
            (
                RewriteMode::Normalize,
                "glossary-deprecated",
                Severity::Error,
                "deprecated variant",
            ),
            (
                RewriteMode::Translate,
                "glossary-foreign-form",
                Severity::Warning,
                "form of another language",
            ),
        ] {
            if let Some((to, _)) = replacement(mention, concepts, doc.lang, mode) {
                let placed = replaced(mention, &to);
                findings.push(Finding {
                    rule: rule.into(),
                    severity,
                    start: placed.start,
                    end: placed.end,
                    text: placed.from,
                    message: format!(
                        "{what} of '{}' ({}): use '{}'",
                        mention.concept, mention.lang, placed.to
                    ),
                    suggestion: Some(placed.to),
                });
            }
        }
        findings.extend(deprecated_without_replacement(concepts, doc.lang, mention));
    }
    for ambiguous in &doc.mentions.ambiguous {
        let why = match ambiguous.reason {
            Ambiguity::NotNamedInFull => "the document names none of them in full",
            Ambiguity::SeveralNamedInFull => {
                "it is a short form of each, and the document names more than one in full"
            }
            Ambiguity::SharedForm => "the glossary gives this form to each of them",
        };
        findings.push(Finding {
            rule: "glossary-ambiguous".into(),
            severity: Severity::Info,
            start: ambiguous.start,
            end: ambiguous.end,
            text: ambiguous.text.clone(),
            message: format!(
                "'{}' may be {}; {why}",
                ambiguous.text,
                ambiguous.candidates.join(" or ")
            ),
            suggestion: None,
        });
    }
    findings
}

/// A deprecated variant of `lang` where the glossary gives the concept no term to write
/// in `lang` (only deprecated terms and candidates): as much a defect as any other, but
/// with nothing to suggest, so normalizing leaves it, and the message says so. It went
/// unreported, while `glossary apply` listed it as deprecated.
fn deprecated_without_replacement(
    concepts: &ConceptIndex<'_>,
    lang: Lang,
    mention: &Mention,
) -> Option<Finding> {
    if !is_deprecated_variant(mention, lang)
        || concepts.get(&mention.concept)?.recommended(lang).is_some()
    {
        return None;
    }
    Some(Finding {
        rule: "glossary-deprecated".into(),
        severity: Severity::Error,
        start: mention.start,
        end: mention.end,
        text: mention.text.clone(),
        message: format!(
            "deprecated variant of '{}' ({lang}): the glossary has no preferred or admitted \
             term in {lang} to use instead, so normalizing leaves it",
            mention.concept
        ),
        suggestion: None,
    })
}

/// The full forms one concept is written in: folded form → (document, mention) places.
type FormsInUse = BTreeMap<String, Vec<(usize, usize)>>;

/// One concept written with different full forms across documents of one language: a
/// finding at each mention whose form is not the one most documents use.
fn inconsistencies(
    concepts: &ConceptIndex<'_>,
    docs: &[CheckedDocument<'_>],
) -> Vec<(usize, Finding)> {
    // (language, concept) → form (folded) → documents using it, with their mentions.
    let mut uses: BTreeMap<(Lang, &str), FormsInUse> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        for (m, mention) in doc.mentions.mentions.iter().enumerate() {
            let short = |c: &Concept| is_short_form(c, &mention.term);
            if mention.lang != doc.lang || concepts.get(&mention.concept).is_some_and(short) {
                continue; // foreign forms and short forms are judged elsewhere
            }
            uses.entry((doc.lang, mention.concept.as_str()))
                .or_default()
                .entry(fold(&mention.term))
                .or_default()
                .push((d, m));
        }
    }
    let mut findings = Vec::new();
    for ((_, concept), forms) in uses {
        if forms.len() < 2 {
            continue;
        }
        let documents_using = |places: &Vec<(usize, usize)>| {
            let mut ds: Vec<usize> = places.iter().map(|&(d, _)| d).collect();
            ds.dedup();
            ds.len()
        };
        let (common, _) = forms
            .iter()
            .max_by_key(|(form, places)| {
                (documents_using(places), std::cmp::Reverse((*form).clone()))
            })
            .expect("at least two forms");
        let common_text = {
            let &(d, m) = &forms[common][0];
            docs[d].mentions.mentions[m].term.clone()
        };
        let common_docs: BTreeSet<usize> = forms[common].iter().map(|&(d, _)| d).collect();
        let elsewhere: Vec<&str> = common_docs.iter().map(|&d| docs[d].source).collect();
        for (form, places) in &forms {
            if form == common {
                continue;
            }
            // A document that also uses the common form varies its own wording; only one
            // that never does differs from the others.
            for &(d, m) in places.iter().filter(|(d, _)| !common_docs.contains(d)) {
                let mention = &docs[d].mentions.mentions[m];
                findings.push((
                    d,
                    Finding {
                        rule: "glossary-inconsistent".into(),
                        severity: Severity::Info,
                        start: mention.start,
                        end: mention.end,
                        text: mention.text.clone(),
                        message: format!(
                            "'{concept}' is written '{}' here and '{common_text}' in {}",
                            mention.term,
                            elsewhere.join(", ")
                        ),
                        suggestion: Some(common_text.clone()),
                    },
                ));
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{EntityType, Matcher, Term, TermStatus, sketch};

    fn glossary() -> Glossary {
        let term = |text: &str, status| Term {
            text: text.into(),
            status,
            note: None,
        };
        let mut sheinbaum = std::collections::BTreeMap::new();
        sheinbaum.insert(
            Lang::De,
            vec![
                term("Claudia Sheinbaum", TermStatus::Preferred),
                term("Sheinbaum Pardo", TermStatus::Admitted),
                term("Claudia Sheinbaum Pardo", TermStatus::Admitted),
                term("Sheinbaum", TermStatus::Admitted),
            ],
        );
        sheinbaum.insert(
            Lang::Es,
            vec![term("Claudia Sheinbaum", TermStatus::Preferred)],
        );
        let mut white_house = std::collections::BTreeMap::new();
        white_house.insert(
            Lang::De,
            vec![
                term("Weißes Haus", TermStatus::Preferred),
                term("Weisses Haus", TermStatus::Deprecated),
            ],
        );
        white_house.insert(Lang::Es, vec![term("Casa Blanca", TermStatus::Preferred)]);
        Glossary {
            concepts: vec![
                Concept {
                    id: "claudia-sheinbaum".into(),
                    entity_type: EntityType::Person,
                    terms: sheinbaum,
                    note: None,
                },
                Concept {
                    id: "white-house".into(),
                    entity_type: EntityType::Organisation,
                    terms: white_house,
                    note: None,
                },
            ],
        }
    }

    fn rules(texts: &[&str]) -> Vec<Vec<String>> {
        rules_with(&glossary(), texts)
    }

    /// `rule:text` of each finding of each German text.
    fn rules_with(glossary: &Glossary, texts: &[&str]) -> Vec<Vec<String>> {
        let matcher = Matcher::new(glossary);
        let mentions: Vec<Mentions> = texts.iter().map(|t| matcher.find(t, Lang::De)).collect();
        let sources: Vec<String> = (0..texts.len()).map(|i| format!("doc{i}")).collect();
        let docs: Vec<CheckedDocument> = mentions
            .iter()
            .zip(&sources)
            .map(|(m, s)| CheckedDocument {
                source: s,
                lang: Lang::De,
                mentions: m,
            })
            .collect();
        check(glossary, &docs)
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|f| format!("{}:{}", f.rule, f.text))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_suggestion_ending_in_a_dot_replaces_the_full_stop_too() {
        // The suggestion "EE. UU." for "EEUU" before a full stop made "EE. UU..".
        let glossary = crate::glossary::sketch::glossary(&["us: de=EE. UU. | de=EEUU/deprecated"]);
        let matcher = Matcher::new(&glossary);
        let text = "Hilfe der EEUU. Die EEUU schweigen.";
        let docs = [CheckedDocument {
            source: "doc",
            lang: Lang::De,
            mentions: &matcher.find(text, Lang::De),
        }];
        let found: Vec<(usize, usize, String, Option<String>)> = check(&glossary, &docs)
            .remove(0)
            .into_iter()
            .map(|f| (f.start, f.end, f.text, f.suggestion))
            .collect();
        let suggestion = Some("EE. UU.".to_string());
        assert_eq!(
            found,
            [
                (10, 15, "EEUU.".to_string(), suggestion.clone()),
                (20, 24, "EEUU".to_string(), suggestion)
            ]
        );
    }

    #[test]
    fn deprecated_and_foreign_forms() {
        assert_eq!(
            rules(&["Im Weisses Haus und bei der Casa Blanca."]),
            [[
                "glossary-deprecated:Weisses Haus",
                "glossary-foreign-form:Casa Blanca"
            ]]
        );
    }

    /// A suggestion that must agree with the article before it takes the article in.
    #[test]
    fn a_finding_covers_the_article_its_suggestion_changes() {
        assert_eq!(
            rules(&["Das Weisses Haus und die Casa Blanca."]),
            [[
                "glossary-deprecated:Das Weisses Haus",
                "glossary-foreign-form:die Casa Blanca"
            ]]
        );
    }

    #[test]
    fn same_concept_written_differently_across_outlets() {
        let found = rules(&[
            "Claudia Sheinbaum sprach.",
            "Sheinbaum Pardo sprach.",
            "Claudia Sheinbaum lehnte ab.",
        ]);
        assert_eq!(found[0], Vec::<String>::new());
        assert_eq!(found[1], ["glossary-inconsistent:Sheinbaum Pardo"]);
        assert_eq!(found[2], Vec::<String>::new());
    }

    #[test]
    fn varying_forms_within_one_document_are_not_inconsistent() {
        let found = rules(&[
            "Claudia Sheinbaum und Claudia Sheinbaum Pardo.",
            "Claudia Sheinbaum.",
        ]);
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
    }

    #[test]
    fn short_forms_are_not_inconsistent() {
        let found = rules(&[
            "Claudia Sheinbaum sprach.",
            "Claudia Sheinbaum sprach. Sheinbaum ging.",
        ]);
        assert!(found.iter().all(Vec::is_empty), "{found:?}");
    }

    #[test]
    fn one_word_names_that_are_no_short_forms_are_compared() {
        // "USA" is an acronym, so the matcher takes it for the concept's name, not a
        // short form; check took every one-word term for a short form and never
        // compared it with the concept's other full forms.
        let glossary = sketch::glossary(&["us: de=USA | de=Vereinigte Staaten/admitted"]);
        let texts = [
            "Die USA drängen.",
            "Die USA warten.",
            "Die Vereinigten Staaten drängen.",
        ];
        let found = rules_with(&glossary, &texts);
        assert_eq!(found[2], ["glossary-inconsistent:Vereinigten Staaten"]);
        assert!(found[0].is_empty() && found[1].is_empty(), "{found:?}");
    }

    /// The message of each finding of one English text.
    fn messages(glossary: &Glossary, text: &str) -> Vec<String> {
        let mentions = Matcher::new(glossary).find(text, Lang::En);
        let doc = CheckedDocument {
            source: "doc",
            lang: Lang::En,
            mentions: &mentions,
        };
        let findings = check(glossary, &[doc]).remove(0);
        findings.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn ambiguity_gives_its_true_reason() {
        // Every ambiguity was said to be a short form whose concepts the document
        // never names in full, also where it names them all, or the form is no short
        // form.
        let times = sketch::glossary(&[
            "nyt: en=The New York Times | en=Times/admitted",
            "ft: en=Financial Times | en=Times/admitted",
        ]);
        assert_eq!(
            messages(&times, "The Times said so."),
            ["'Times' may be ft or nyt; the document names none of them in full"]
        );
        assert_eq!(
            messages(
                &times,
                "The New York Times, the Financial Times and the Times."
            ),
            [
                "'Times' may be ft or nyt; it is a short form of each, and the document \
              names more than one in full"
            ]
        );
        let apple = sketch::glossary(&["apple-inc: en=Apple", "apple-records: en=Apple"]);
        assert_eq!(
            messages(&apple, "Apple said so."),
            [
                "'Apple' may be apple-inc or apple-records; the glossary gives this form to \
              each of them"
            ]
        );
    }

    /// The findings of one German text.
    fn findings_de(glossary: &Glossary, text: &str) -> Vec<Finding> {
        let mentions = Matcher::new(glossary).find(text, Lang::De);
        let doc = CheckedDocument {
            source: "doc",
            lang: Lang::De,
            mentions: &mentions,
        };
        check(glossary, &[doc]).remove(0)
    }

    #[test]
    fn deprecated_variant_with_nothing_to_use_instead_is_reported_without_suggestion() {
        // `glossary apply` listed "Haus" as deprecated, and check said nothing: it only
        // reported what normalizing could replace.
        let only_deprecated = "wh: de=Haus/deprecated | en=Home";
        let with_a_candidate = "wh: de=Haus/deprecated | de=Hütte/candidate";
        for entry in [only_deprecated, with_a_candidate] {
            let findings = findings_de(&sketch::glossary(&[entry]), "Das Haus ist hier.");
            assert_eq!(findings.len(), 1, "{entry}: {findings:?}");
            let found = &findings[0];
            assert_eq!(
                (found.rule.as_str(), found.severity, found.text.as_str()),
                ("glossary-deprecated", Severity::Error, "Haus")
            );
            assert_eq!(found.suggestion, None);
            assert_eq!(
                found.message,
                "deprecated variant of 'wh' (de): the glossary has no preferred or admitted \
                 term in de to use instead, so normalizing leaves it"
            );
        }
    }

    #[test]
    fn deprecated_variant_gets_an_admitted_term_where_none_is_preferred() {
        // The first term stood in for a missing preferred one: here the deprecated
        // variant itself, so nothing was suggested.
        let glossary = sketch::glossary(&["wh: de=Haus/deprecated | de=Gebäude/admitted"]);
        let findings = findings_de(&glossary, "Das Haus ist hier.");
        let suggestions: Vec<Option<&str>> =
            findings.iter().map(|f| f.suggestion.as_deref()).collect();
        assert_eq!(suggestions, [Some("Gebäude")]);
    }

    #[test]
    fn foreign_form_is_never_given_a_deprecated_term() {
        // "Casa Blanca" was to be written as the deprecated "Weisses Haus", the only
        // German term.
        let glossary = sketch::glossary(&["wh: es=Casa Blanca | de=Weisses Haus/deprecated"]);
        assert_eq!(findings_de(&glossary, "Die Casa Blanca schweigt."), []);
    }

    #[test]
    fn ambiguous_short_form_is_reported() {
        assert_eq!(
            rules(&["Sheinbaum sprach."]),
            [["glossary-ambiguous:Sheinbaum"]]
        );
    }
}
