//! Finding glossary terms in text: every term of every concept at once, leftmost and
//! longest first, on word boundaries, tolerant of inflection and of case and diacritics
//! (an exact match beats a folded one).
//!
//! Terms and text are compared word by word (UAX #29 words), not character by
//! character: a word of the text matches a word of a term when it is one of its forms
//! (see [`super::inflection`]), so "des Weißen Hauses", "Trumps" and "CIA-Agenten" find
//! "Weißes Haus", "Trump" and "CIA". Candidates are found by hashing each text word's
//! lookup key, which costs one hash lookup per word whatever the glossary's size.
//!
//! A short form (a one-word variant of a concept with a longer term, like "Times" or
//! "Rubio") resolves only when the same document names the concept in a longer form;
//! otherwise it is reported as ambiguous, as is any form several concepts claim.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::inflection::{fold, fold_into, key, word_matches};
use super::{Glossary, TermStatus};
use crate::Lang;
use crate::text::{Span, words};

/// What may stand between two words of one term: white space and hyphens.
fn joins_words(gap: &str) -> bool {
    !gap.is_empty()
        && gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
}

/// A short form is a one-word variant of a concept that has longer terms ("Times",
/// "Rubio"). An acronym ("CIA") is no more ambiguous than its expansion, so it is not
/// one; nor is any language's preferred term (checked as its uses are collected).
fn is_short_form(words: &[String], longest: usize) -> bool {
    let acronym = words.len() == 1 && {
        let letters: Vec<char> = words[0].chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    words.len() == 1 && longest > 1 && !acronym
}

/// One use of a written form: as a term of a language, with a status.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Use {
    lang: Lang,
    status: TermStatus,
}

/// A written form of a concept, as a sequence of words.
#[derive(Debug, Clone)]
struct Form {
    concept: usize,
    /// The term as written (NFC).
    text: String,
    /// Its words folded, and as written.
    folded: Vec<String>,
    written: Vec<String>,
    /// The languages and statuses it has.
    uses: Vec<Use>,
    /// A one-word variant of a concept that has longer terms.
    short: bool,
}

/// A glossary term found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// The concept's id.
    pub concept: String,
    /// Where it is, in bytes of the text.
    pub start: usize,
    /// One past the end.
    pub end: usize,
    /// The text as written there.
    pub text: String,
    /// The term it was found as.
    pub term: String,
    /// The term's language: the document's when the term is one of its terms.
    pub lang: Lang,
    /// The term's status in that language.
    pub status: TermStatus,
    /// Whether case and diacritics agree with the term (inflection endings aside).
    pub exact: bool,
}

/// A place where a form was found that more than one concept could mean, or a short
/// form whose concept the document never names in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmbiguousMention {
    /// Where it is.
    pub start: usize,
    /// One past the end.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The concepts it may be.
    pub candidates: Vec<String>,
}

/// Everything found in one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Mentions {
    /// Resolved mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Forms that could not be resolved to one concept, in text order.
    pub ambiguous: Vec<AmbiguousMention>,
}

/// All terms of a glossary, ready to be found in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    ids: Vec<String>,
    forms: Vec<Form>,
    /// Forms by the lookup key of their first word, longest first.
    by_key: FxHashMap<String, Vec<usize>>,
}

/// A word of the text.
struct TextWord<'a> {
    span: Span,
    written: &'a str,
    folded: String,
}

/// A candidate match: a form at a word position, with its length in words.
#[derive(Debug, Clone, Copy)]
struct Hit {
    form: usize,
    words: usize,
    exact: bool,
}

impl Matcher {
    /// Prepares every term of `glossary`.
    pub fn new(glossary: &Glossary) -> Matcher {
        let mut forms: Vec<Form> = Vec::new();
        let mut index_of: FxHashMap<(usize, String), usize> = FxHashMap::default();
        for (c, concept) in glossary.concepts.iter().enumerate() {
            let longest = concept
                .all_terms()
                .map(|(_, t)| words(&t.text).count())
                .max()
                .unwrap_or(0);
            for (lang, term) in concept.all_terms() {
                let written: Vec<String> = words(&term.text).map(|w| w.text.to_string()).collect();
                if written.is_empty() {
                    continue;
                }
                let folded: Vec<String> = written.iter().map(|w| fold(w)).collect();
                let use_ = Use {
                    lang,
                    status: term.status,
                };
                let slot = *index_of.entry((c, term.text.clone())).or_insert_with(|| {
                    forms.push(Form {
                        concept: c,
                        text: term.text.clone(),
                        short: is_short_form(&written, longest),
                        folded,
                        written,
                        uses: Vec::new(),
                    });
                    forms.len() - 1
                });
                let form = &mut forms[slot];
                form.uses.push(use_);
                // A form that is some language's preferred term is that concept's name.
                form.short &= term.status != TermStatus::Preferred;
            }
        }
        let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, form) in forms.iter().enumerate() {
            by_key
                .entry(key(&form.folded[0]).to_string())
                .or_default()
                .push(i);
        }
        for list in by_key.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(forms[i].folded.len()));
        }
        Matcher {
            ids: glossary.concepts.iter().map(|c| c.id.clone()).collect(),
            forms,
            by_key,
        }
    }

    /// Finds the glossary's terms in `text`, a document in `lang`.
    pub fn find(&self, text: &str, lang: Lang) -> Mentions {
        let mut buffer = String::new();
        let words: Vec<TextWord> = words(text)
            .map(|w| {
                fold_into(w.text, &mut buffer);
                TextWord {
                    span: w.span,
                    written: w.text,
                    folded: buffer.clone(),
                }
            })
            .collect();
        let mut found: Vec<(usize, Vec<Hit>)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hits = self.hits_at(text, &words, i);
            match hits.first() {
                Some(first) => {
                    let length = first.words;
                    found.push((i, hits));
                    i += length;
                }
                None => i += 1,
            }
        }
        self.resolve(text, &words, found, lang)
    }

    /// The longest forms that match at word `i`: all of the greatest length, exact
    /// matches first when there are any.
    fn hits_at(&self, text: &str, words: &[TextWord], i: usize) -> Vec<Hit> {
        let Some(candidates) = self.by_key.get(key(&words[i].folded)) else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = Vec::new();
        for &f in candidates {
            let form = &self.forms[f];
            let n = form.folded.len();
            if hits.first().is_some_and(|h| h.words > n) {
                break;
            }
            if i + n > words.len() {
                continue;
            }
            let matches = (0..n).all(|k| {
                let word = &words[i + k];
                let joined =
                    k == 0 || joins_words(&text[words[i + k - 1].span.end..word.span.start]);
                joined && word_matches(&form.folded[k], &word.folded, k + 1 < n)
            });
            if matches {
                let exact =
                    (0..n).all(|k| words[i + k].written.starts_with(form.written[k].as_str()));
                hits.push(Hit {
                    form: f,
                    words: n,
                    exact,
                });
            }
        }
        if hits.iter().any(|h| h.exact) {
            hits.retain(|h| h.exact);
        }
        hits
    }

    /// Turns hits into mentions: one concept, and for short forms only when the document
    /// names that concept in full somewhere; the rest is ambiguous.
    fn resolve(
        &self,
        text: &str,
        words: &[TextWord],
        found: Vec<(usize, Vec<Hit>)>,
        lang: Lang,
    ) -> Mentions {
        let named_in_full: Vec<usize> = found
            .iter()
            .flat_map(|(_, hits)| hits.iter())
            .filter(|h| !self.forms[h.form].short)
            .map(|h| self.forms[h.form].concept)
            .collect();
        let mut result = Mentions::default();
        for (i, hits) in found {
            let first = &words[i];
            let last = &words[i + hits[0].words - 1];
            let span = Span::new(first.span.start, last.span.end);
            let mut concepts: Vec<usize> =
                hits.iter().map(|h| self.forms[h.form].concept).collect();
            concepts.sort_unstable();
            concepts.dedup();
            let short = hits.iter().all(|h| self.forms[h.form].short);
            if short {
                concepts.retain(|c| named_in_full.contains(c));
            }
            if concepts.len() == 1 {
                let hit = hits
                    .iter()
                    .find(|h| self.forms[h.form].concept == concepts[0])
                    .expect("a hit of the resolved concept");
                result.mentions.push(self.mention(text, span, hit, lang));
            } else {
                let mut candidates: Vec<String> = hits
                    .iter()
                    .map(|h| self.ids[self.forms[h.form].concept].clone())
                    .collect();
                candidates.sort();
                candidates.dedup();
                result.ambiguous.push(AmbiguousMention {
                    start: span.start,
                    end: span.end,
                    text: span.text(text).to_string(),
                    candidates,
                });
            }
        }
        result
    }

    fn mention(&self, text: &str, span: Span, hit: &Hit, lang: Lang) -> Mention {
        let form = &self.forms[hit.form];
        let use_ = form
            .uses
            .iter()
            .find(|u| u.lang == lang)
            .unwrap_or(&form.uses[0]);
        Mention {
            concept: self.ids[form.concept].clone(),
            start: span.start,
            end: span.end,
            text: span.text(text).to_string(),
            term: form.text.clone(),
            lang: use_.lang,
            status: use_.status,
            exact: hit.exact,
        }
    }

    /// Every term text of the glossary (for the detector, which must never flag them).
    pub fn term_texts(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(|f| f.text.as_str())
    }
}

#[cfg(test)]
#[rustfmt::skip] // one case per line
mod tests;
