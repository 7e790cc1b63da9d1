//! Finding glossary terms in text: every term of every concept at once, leftmost and
//! longest first, on word boundaries, tolerant of inflection and of case and diacritics
//! (an exact match beats a folded one).
//!
//! Terms and text are compared word by word (words as [`scan_words`] cuts them), not
//! character by character: a word of the text matches a word of a term when it is one of its forms
//! (see [`super::inflection`]), so "des Weißen Hauses", "Trumps" and "CIA-Agenten" find
//! "Weißes Haus", "Trump" and "CIA". Candidates are found by hashing each text word's
//! lookup key, which costs one hash lookup per word whatever the glossary's size; where
//! many terms begin alike ("Universität …"), the next word's key picks among them.
//! Punctuation around a term's words is not compared, except marks that are part of a
//! name ("C++", "C#"; see [`marks`]): those the text must have too. A term's final dot
//! ("U.S.") is part of a mention where the text has it, and the mention says whether
//! the sentence needs it too (see [`full_stop`]), or, for a term without one, whether a
//! dot follows in the text ("los EEUU."), which a replacement ending in a dot takes in.
//!
//! A short form (a one-word variant of a concept with a longer term, like "Times" or
//! "Rubio") resolves only when the same document names the concept in a longer form;
//! otherwise it is reported as ambiguous, as is any form several concepts claim, unless
//! only one of them has it in the document's language.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::inflection::{distance, fold, fold_into, key, word_matches};
use super::short_form::is_short_form;
use super::{EntityType, Glossary, TermStatus};
use crate::Lang;
use crate::text::Span;
use marks::Marks;

/// Whether `gap` between two words of the text may stand where a term has `term_gap`:
/// the same characters, or, where the term has space or a hyphen, any run of white
/// space and hyphens ("Trump-Regierung", a line break inside "Weißes Haus").
fn joins_words(gap: &str, term_gap: &str) -> bool {
    let spacing = |g: &str| {
        !g.is_empty()
            && g.chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
    };
    gap == term_gap || (spacing(gap) && spacing(term_gap))
}

/// The words of a text for matching: runs of letters and digits (with combining marks
/// and apostrophes between letters, "don't", "Trump’s"). Simpler than UAX #29 and ten
/// times faster, and used for terms and texts alike, so both are cut the same way.
pub(crate) fn scan_words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Whether the char at `i` belongs to a word, and its length; ASCII is decided by
    // the byte alone.
    let word_char = move |i: usize| -> Option<(bool, usize)> {
        let b = *bytes.get(i)?;
        if b < 0x80 {
            return Some((b.is_ascii_alphanumeric(), 1));
        }
        let c = text[i..].chars().next()?;
        let inside = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
        Some((inside, c.len_utf8()))
    };
    let apostrophe = move |i: usize| -> usize {
        match bytes.get(i) {
            Some(b'\'') => 1,
            Some(0xE2) if text[i..].starts_with('’') => '’'.len_utf8(),
            _ => 0,
        }
    };
    std::iter::from_fn(move || {
        // Skip to the next word, ASCII separators in a tight loop.
        loop {
            while at < bytes.len() && bytes[at] < 0x80 && !bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
            let (inside, len) = word_char(at)?;
            if inside {
                break;
            }
            at += len;
        }
        let start = at;
        loop {
            while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
            match word_char(at) {
                Some((true, len)) => at += len,
                _ => {
                    let quote = apostrophe(at);
                    if quote > 0 && word_char(at + quote).is_some_and(|(inside, _)| inside) {
                        at += quote;
                    } else {
                        return Some(Span::new(start, at));
                    }
                }
            }
        }
    })
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
    /// The term as written (NFC when read from a glossary file).
    text: String,
    /// Where its words are in `text`, and the words folded.
    spans: Vec<Span>,
    folded: Vec<String>,
    /// Marks at its edges that the text must have too ("C++").
    marks: Marks,
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
    /// Whether the text still needs the dot the mention ends with when it is replaced:
    /// it also ends the sentence ("… an die U.S."), or a word touches it
    /// ("U.S.10.11.2025"). A replacement that does not end with a dot must keep it.
    pub shared_dot: bool,
    /// Whether a dot follows a mention that does not end with one: the sentence's full
    /// stop after a term without a final dot ("los EEUU."). A replacement that ends with
    /// a dot takes that one in ("los EE. UU.", not "los EE. UU.."). Not serialised: the
    /// text says it.
    #[serde(skip)]
    pub dot_after: bool,
    /// In a German document, the definite article right before the mention with the
    /// spaces after it ("Die "): a name written in the mention's place in its dictionary
    /// form must agree with it ("Die White House" → "Das Weiße Haus"). Not serialised:
    /// the text says it.
    #[serde(skip)]
    pub article_before: Option<String>,
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
    /// Why it is none of them for sure.
    pub reason: Ambiguity,
}

/// Why a form found in a text could not be resolved to one concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Ambiguity {
    /// A short form ("Rubio") of concepts the document never names in full.
    NotNamedInFull,
    /// A short form of several concepts the document names in full ("Times" beside
    /// "The New York Times" and "Financial Times").
    SeveralNamedInFull,
    /// A form the glossary gives several concepts, and the document's language does not
    /// pick one: none of them, or more than one, has it in that language.
    SharedForm,
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
    /// Whether each concept is a person: a dotted term right before a person's name
    /// may end a sentence (see [`full_stop`]).
    persons: Vec<bool>,
    forms: Vec<Form>,
    /// Forms by the lookup key of their first word.
    by_key: FxHashMap<String, SameStart>,
    /// Which three-letter beginnings keys have: a text word whose folded beginning is
    /// none of them cannot start a term, and is skipped without hashing.
    prefixes: PrefixFilter,
}

/// The forms whose first words share a lookup key.
#[derive(Debug, Clone, Default)]
struct SameStart {
    /// Longest first; only the one-word forms where `by_next` holds the others.
    forms: Vec<usize>,
    /// Where more than [`CROWDED`] forms start alike ("The …", "Universität …"), those
    /// of several words by the lookup key of their second word, longest first: each
    /// occurrence of the word then tries only the forms whose next word fits too.
    by_next: Option<FxHashMap<String, Vec<usize>>>,
}

/// How many forms may share a first word before they are told apart by the second.
const CROWDED: usize = 32;

impl SameStart {
    /// Files `forms` (all of one first key) for lookup.
    fn new(mut forms: Vec<usize>, all: &[Form]) -> SameStart {
        let longest_first = |list: &mut Vec<usize>| {
            list.sort_by_key(|&i| std::cmp::Reverse(all[i].folded.len()));
        };
        if forms.len() <= CROWDED {
            longest_first(&mut forms);
            return SameStart {
                forms,
                by_next: None,
            };
        }
        let mut by_next: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        forms.retain(|&i| match all[i].folded.get(1) {
            Some(second) => {
                by_next.entry(key(second).to_string()).or_default().push(i);
                false
            }
            None => true,
        });
        by_next.values_mut().for_each(longest_first);
        SameStart {
            forms,
            by_next: Some(by_next),
        }
    }

    /// The forms that may start at a word followed by `next` (folded), longest first.
    fn candidates<'a>(&'a self, next: Option<&str>) -> impl Iterator<Item = usize> + 'a {
        let longer = match (&self.by_next, next) {
            (Some(by_next), Some(next)) => by_next.get(key(next)).map_or(&[][..], Vec::as_slice),
            _ => &[],
        };
        longer.iter().chain(&self.forms).copied()
    }
}

/// A bit for each beginning of three ASCII letters (a–z); other beginnings always pass.
#[derive(Debug, Clone)]
struct PrefixFilter {
    bits: Vec<u64>,
}

impl PrefixFilter {
    const LETTERS: usize = 26;

    fn slot(word: &str) -> Option<usize> {
        let b = word.as_bytes();
        if b.len() < 3 || !b[..3].iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let letter = |i: usize| usize::from(b[i] - b'a');
        Some((letter(0) * Self::LETTERS + letter(1)) * Self::LETTERS + letter(2))
    }

    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> PrefixFilter {
        let mut bits = vec![0u64; Self::LETTERS.pow(3).div_ceil(64)];
        let mut all = false;
        for key in keys {
            match Self::slot(key) {
                Some(slot) => bits[slot / 64] |= 1 << (slot % 64),
                // A key that is short or not plain a–z cannot be filtered by its
                // beginning: let every word of that shape through.
                None => all = true,
            }
        }
        if all {
            bits.push(u64::MAX);
        }
        PrefixFilter { bits }
    }

    /// Whether a folded word may start a term.
    fn admits(&self, word: &str) -> bool {
        match Self::slot(word) {
            Some(slot) => self.bits[slot / 64] & (1 << (slot % 64)) != 0,
            None => self.bits.len() > Self::LETTERS.pow(3).div_ceil(64),
        }
    }
}

/// The words of a text, folded into one buffer (no allocation per word).
struct TextWords {
    spans: Vec<Span>,
    folded: String,
    ranges: Vec<std::ops::Range<usize>>,
}

impl TextWords {
    fn new(text: &str) -> TextWords {
        let spans: Vec<Span> = scan_words(text).collect();
        let mut folded = String::with_capacity(text.len() + text.len() / 8);
        let mut ranges = Vec::with_capacity(spans.len());
        let mut word = String::new();
        for span in &spans {
            let start = folded.len();
            let written = span.text(text);
            if written.is_ascii() {
                folded.push_str(written);
                folded[start..].make_ascii_lowercase();
            } else {
                fold_into(written, &mut word);
                folded.push_str(&word);
            }
            ranges.push(start..folded.len());
        }
        TextWords {
            spans,
            folded,
            ranges,
        }
    }

    fn folded(&self, i: usize) -> &str {
        &self.folded[self.ranges[i].clone()]
    }

    fn len(&self) -> usize {
        self.spans.len()
    }
}

/// A candidate match: a form at a word position, with its length in words, where it is
/// in the text (its marks and final dot included), and how far the text is from the
/// form as written (0: exact, inflection aside).
#[derive(Debug, Clone, Copy)]
struct Hit {
    form: usize,
    words: usize,
    span: Span,
    distance: u32,
}

impl Matcher {
    /// Prepares every term of `glossary`.
    pub fn new(glossary: &Glossary) -> Matcher {
        let mut forms: Vec<Form> = Vec::new();
        for (c, concept) in glossary.concepts.iter().enumerate() {
            // The concept's forms so far: one per distinct text, whatever its languages.
            let first_form = forms.len();
            for (lang, term) in concept.all_terms() {
                let existing = forms[first_form..].iter().position(|f| f.text == term.text);
                let slot = match existing {
                    Some(i) => first_form + i,
                    None => {
                        let spans: Vec<Span> = scan_words(&term.text).collect();
                        if spans.is_empty() {
                            continue;
                        }
                        let folded = spans.iter().map(|s| fold(s.text(&term.text))).collect();
                        forms.push(Form {
                            concept: c,
                            short: is_short_form(concept, &term.text),
                            marks: Marks::of(&term.text, &spans),
                            text: term.text.clone(),
                            spans,
                            folded,
                            uses: Vec::new(),
                        });
                        forms.len() - 1
                    }
                };
                forms[slot].uses.push(Use {
                    lang,
                    status: term.status,
                });
            }
        }
        let mut starts: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, form) in forms.iter().enumerate() {
            starts
                .entry(key(&form.folded[0]).to_string())
                .or_default()
                .push(i);
        }
        let by_key: FxHashMap<String, SameStart> = starts
            .into_iter()
            .map(|(key, list)| (key, SameStart::new(list, &forms)))
            .collect();
        let prefixes = PrefixFilter::new(by_key.keys().map(String::as_str));
        Matcher {
            ids: glossary.concepts.iter().map(|c| c.id.clone()).collect(),
            persons: glossary
                .concepts
                .iter()
                .map(|c| c.entity_type == EntityType::Person)
                .collect(),
            forms,
            by_key,
            prefixes,
        }
    }

    /// Finds the glossary's terms in `text`, a document in `lang`.
    pub fn find(&self, text: &str, lang: Lang) -> Mentions {
        let words = TextWords::new(text);
        let mut found: Vec<Vec<Hit>> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hits = self.hits_at(text, &words, i);
            match hits.first() {
                Some(first) => {
                    let length = first.words;
                    found.push(hits);
                    i += length;
                }
                None => i += 1,
            }
        }
        self.resolve(text, found, lang)
    }

    /// The longest forms that match at word `i`: all of the greatest length (in words,
    /// then with their marks), and of those the closest to the text as written (an exact
    /// match beats a folded one).
    fn hits_at(&self, text: &str, words: &TextWords, i: usize) -> Vec<Hit> {
        let word = words.folded(i);
        if !self.prefixes.admits(word) {
            return Vec::new();
        }
        let Some(start) = self.by_key.get(key(word)) else {
            return Vec::new();
        };
        let next = (i + 1 < words.len()).then(|| words.folded(i + 1));
        let mut hits: Vec<Hit> = Vec::new();
        for f in start.candidates(next) {
            let form = &self.forms[f];
            let n = form.folded.len();
            if hits.first().is_some_and(|h| h.words > n) {
                break;
            }
            if i + n > words.len() {
                continue;
            }
            let matches = (0..n).all(|k| {
                let joined = k == 0 || {
                    let gap = &text[words.spans[i + k - 1].end..words.spans[i + k].start];
                    joins_words(gap, &form.text[form.spans[k - 1].end..form.spans[k].start])
                };
                joined && word_matches(&form.folded[k], words.folded(i + k), k + 1 < n)
            });
            if !matches {
                continue;
            }
            let words_span = Span::new(words.spans[i].start, words.spans[i + n - 1].end);
            let Some(span) = form.marks.around(text, words_span) else {
                continue; // "C++" needs its "++" in the text
            };
            let distance = (0..n)
                .map(|k| {
                    let term_word = form.spans[k].text(&form.text);
                    distance(term_word, words.spans[i + k].text(text), k + 1 < n)
                })
                .sum();
            hits.push(Hit {
                form: f,
                words: n,
                span,
                distance,
            });
        }
        // Where "MeToo" and "#MeToo" both match, the text has the mark: the wider wins.
        if let Some(widest) = hits.iter().map(|h| h.span).max_by_key(Span::len) {
            hits.retain(|h| h.span == widest);
        }
        if let Some(closest) = hits.iter().map(|h| h.distance).min() {
            hits.retain(|h| h.distance == closest);
        }
        hits
    }

    /// Every term text of the glossary (for the detector, which must never flag them).
    pub fn term_texts(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(|f| f.text.as_str())
    }
}

mod full_stop;
mod marks;
mod resolve;
#[cfg(test)]
#[rustfmt::skip] // one case per line
mod tests;
