//! A prior bilingual dictionary: word pairs known before the documents are seen (the
//! FreeDict de–fr dictionary shipped in `data/dict/`, or a file the user gives). Each
//! pair whose two words both occur in a document pair links them, as the learnt
//! dictionary does.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::side::{Keyer, Kind};
use crate::Lang;

/// Which prior dictionary to use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriorDictionary {
    /// The dictionary shipped for the pair's languages, if there is one (de–fr and
    /// fr–de).
    #[default]
    Shipped,
    /// None.
    Off,
    /// These (source word, target word) pairs, for every language pair.
    Given(Vec<(String, String)>),
}

impl PriorDictionary {
    /// How reports name it.
    pub fn describe(&self) -> String {
        match self {
            PriorDictionary::Shipped => "prior dictionary: shipped (de-fr only)".to_string(),
            PriorDictionary::Off => "no prior dictionary".to_string(),
            PriorDictionary::Given(pairs) => {
                format!("prior dictionary: given ({} pairs)", pairs.len())
            }
        }
    }
}

/// A line of a dictionary file that is not `source<TAB>target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryLineError {
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Parses a dictionary: one `source<TAB>target` pair per line; blank lines and lines
/// starting with `#` are skipped.
pub fn parse_dictionary(text: &str) -> Result<Vec<(String, String)>, DictionaryLineError> {
    let mut pairs = Vec::new();
    let text = crate::text::strip_bom(text);
    for (k, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |message: &str| DictionaryLineError {
            line: k + 1,
            message: message.to_string(),
        };
        let mut fields = line.split('\t');
        let (Some(source), Some(target), None) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(error("expected two fields, source<TAB>target"));
        };
        let (source, target) = (source.trim(), target.trim());
        if source.is_empty() || target.is_empty() {
            return Err(error("a field is empty"));
        }
        pairs.push((source.to_string(), target.to_string()));
    }
    Ok(pairs)
}

/// Reads a dictionary file (see [`parse_dictionary`]; `-` is standard input); a
/// malformed line is an error that names the file and the line.
pub fn read_dictionary(path: &Path) -> crate::Result<Vec<(String, String)>> {
    let input = crate::read_input(path)?;
    parse_dictionary(&input.text).map_err(|e| crate::Error::Parse {
        path: path.to_path_buf(),
        line: e.line,
        column: 1,
        msg: format!("bad dictionary line: {}", e.message),
    })
}

/// The shipped de–fr dictionary (`data/dict/de-fr.tsv`, from FreeDict), keyed.
static DE_FR: LazyLock<Prior> = LazyLock::new(|| shipped_de_fr(false));

/// The same, French to German.
static FR_DE: LazyLock<Prior> = LazyLock::new(|| shipped_de_fr(true));

fn shipped_de_fr(swap: bool) -> Prior {
    let pairs = parse_dictionary(include_str!("../../../data/dict/de-fr.tsv"))
        .expect("data/dict/de-fr.tsv is well formed");
    let pairs = pairs.iter().map(|(de, fr)| {
        if swap {
            (fr.as_str(), de.as_str())
        } else {
            (de.as_str(), fr.as_str())
        }
    });
    let langs = if swap {
        (Lang::Fr, Lang::De)
    } else {
        (Lang::De, Lang::Fr)
    };
    Prior::new(pairs, (Some(langs.0), Some(langs.1)))
}

/// A prior dictionary in the keys the documents' words get: for each source word key,
/// the target word keys it may translate to.
#[derive(Debug, Clone, Default)]
pub(super) struct Prior {
    pub by_source: FxHashMap<String, Vec<String>>,
}

impl Prior {
    /// The prior dictionary `choice` gives for a pair of languages, keyed.
    pub(super) fn choose(
        choice: &PriorDictionary,
        langs: (Option<Lang>, Option<Lang>),
    ) -> Cow<'static, Prior> {
        match choice {
            PriorDictionary::Off => Cow::Owned(Prior::default()),
            PriorDictionary::Given(pairs) => Cow::Owned(Prior::new(
                pairs.iter().map(|(s, t)| (s.as_str(), t.as_str())),
                langs,
            )),
            PriorDictionary::Shipped => match langs {
                (Some(Lang::De), Some(Lang::Fr)) => Cow::Borrowed(&*DE_FR),
                (Some(Lang::Fr), Some(Lang::De)) => Cow::Borrowed(&*FR_DE),
                _ => Cow::Owned(Prior::default()),
            },
        }
    }

    /// `pairs` keyed for `langs`. Every word of a pair's source side may translate every
    /// word of its target side, as with glossary terms.
    fn new<'a>(
        pairs: impl Iterator<Item = (&'a str, &'a str)>,
        (source_lang, target_lang): (Option<Lang>, Option<Lang>),
    ) -> Prior {
        let (source_keyer, target_keyer) = (Keyer::new(source_lang), Keyer::new(target_lang));
        let word_keys = |keyer: &Keyer, text: &str| -> Vec<String> {
            keyer
                .words(text)
                .into_iter()
                .filter(|(_, kind)| *kind == Kind::Word)
                .map(|(key, _)| key)
                .collect()
        };
        let mut by_source: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for (from, to) in pairs {
            let targets = word_keys(&target_keyer, to);
            for key in word_keys(&source_keyer, from) {
                by_source
                    .entry(key)
                    .or_default()
                    .extend(targets.iter().cloned());
            }
        }
        for targets in by_source.values_mut() {
            targets.sort_unstable();
            targets.dedup();
        }
        Prior { by_source }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_source.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pairs_and_names_the_bad_line() {
        let pairs = parse_dictionary("# header\n\nGipfel\tsommet\r\nHütte\tcabane\n").unwrap();
        assert_eq!(pairs[1], ("Hütte".to_string(), "cabane".to_string()));
        let error = parse_dictionary("a\tb\n# x\nno tab here\n").unwrap_err();
        assert_eq!(error.line, 3);
        assert_eq!(parse_dictionary("a\t\n").unwrap_err().line, 1);
        assert_eq!(parse_dictionary("a\tb\tc\n").unwrap_err().line, 1);
    }

    #[test]
    fn the_shipped_dictionary_serves_both_directions() {
        let (de, fr) = (Keyer::new(Some(Lang::De)), Keyer::new(Some(Lang::Fr)));
        let key = |keyer: &Keyer, w: &str| keyer.words(w)[0].0.clone();
        let (gipfel, sommet) = (key(&de, "Gipfel"), key(&fr, "sommet"));
        let langs = (Some(Lang::De), Some(Lang::Fr));
        let prior = Prior::choose(&PriorDictionary::Shipped, langs);
        assert!(prior.by_source[&gipfel].contains(&sommet));
        let back = Prior::choose(&PriorDictionary::Shipped, (langs.1, langs.0));
        assert!(back.by_source[&sommet].contains(&gipfel));
        let other = (Some(Lang::En), Some(Lang::De));
        assert!(Prior::choose(&PriorDictionary::Shipped, other).is_empty());
        assert!(Prior::choose(&PriorDictionary::Off, langs).is_empty());
        let given = vec![("Hütten".to_string(), "cabanes".to_string())];
        let given = Prior::choose(&PriorDictionary::Given(given), other);
        let (en, de) = (Keyer::new(Some(Lang::En)), Keyer::new(Some(Lang::De)));
        assert_eq!(given.by_source[&key(&en, "Hütten")], [key(&de, "cabanes")]);
    }
}
