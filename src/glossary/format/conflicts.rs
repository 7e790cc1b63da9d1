//! Surface forms that more than one concept claims: a text matching one of them cannot
//! say which concept it names.

use std::collections::HashMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::Lang;
use crate::glossary::model::Glossary;

/// One surface form (same language, same text after NFC and lowercasing) that two or
/// more concepts claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The language of the form.
    pub lang: Lang,
    /// The form as first written in the glossary.
    pub form: String,
    /// The ids of the concepts that claim it, in glossary order, each once.
    pub concepts: Vec<String>,
}

/// Every form claimed by two or more concepts, in the order the form first appears in
/// the glossary. Terms of every status count: a deprecated form still gets matched.
pub fn conflicts(glossary: &Glossary) -> Vec<Conflict> {
    let mut found: Vec<Conflict> = Vec::new();
    let mut index: HashMap<(Lang, String), usize> = HashMap::new();
    for (concept, lang, term) in glossary.terms() {
        let key = (lang, term.text.nfc().collect::<String>().to_lowercase());
        match index.get(&key) {
            Some(&i) => {
                let ids = &mut found[i].concepts;
                if !ids.contains(&concept.id) {
                    ids.push(concept.id.clone());
                }
            }
            None => {
                index.insert(key, found.len());
                found.push(Conflict {
                    lang,
                    form: term.text.clone(),
                    concepts: vec![concept.id.clone()],
                });
            }
        }
    }
    found.retain(|c| c.concepts.len() > 1);
    found
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn glossary(rows: &str) -> Glossary {
        let text = format!("id\ttype\tlang\tterm\tstatus\tnote\n{rows}");
        super::super::parse(Path::new("g.tsv"), &text, None).unwrap()
    }

    #[test]
    fn a_shared_form_is_listed_once_with_both_ids() {
        let g = glossary(
            "georgia-state\tplace\ten\tGeorgia\tpreferred\n\
             georgia-state\tplace\tde\tGeorgia\tpreferred\n\
             georgia-country\tplace\ten\tgeorgia\tadmitted\n\
             georgia-country\tplace\ten\tGEORGIA\tdeprecated\n\
             georgia-country\tplace\tde\tGeorgien\tpreferred\n",
        );
        assert_eq!(
            conflicts(&g),
            vec![Conflict {
                lang: Lang::En,
                form: "Georgia".into(),
                concepts: vec!["georgia-state".into(), "georgia-country".into()],
            }]
        );
    }

    #[test]
    fn forms_are_compared_after_nfc() {
        let g = glossary(
            "a\tplace\tpt\tSão Paulo\tpreferred\n\
             b\tother\tpt\tsa\u{303}o paulo\tpreferred\n",
        );
        let found = conflicts(&g);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].concepts, ["a", "b"]);
    }

    #[test]
    fn same_form_in_other_languages_or_one_concept_is_no_conflict() {
        let g = glossary(
            "a\tplace\ten\tParis\tpreferred\n\
             a\tplace\tfr\tParis\tpreferred\n\
             b\tperson\tde\tParis\tpreferred\n",
        );
        assert!(conflicts(&g).is_empty());
    }
}
