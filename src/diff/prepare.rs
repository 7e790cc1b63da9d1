//! What the diff needs of every sentence, computed once per document rather than once
//! per pair: its tokens (identified under NFC) and its facts.

use std::cell::Cell;

use rayon::prelude::*;

use super::facts::{Fact, KEPT_CAPACITY, Names, SentenceMention, sentence_facts};
use super::tokens::{Token, tokenize_into};
use super::words::{DiffToken, diff_tokens};
use crate::export::{AlignedDocument, Alignment, SentenceRecord};
use crate::glossary::Matcher;

thread_local! {
    static TOKENS: Cell<Vec<Token>> = const { Cell::new(Vec::new()) };
}

/// A sentence ready to be diffed.
#[derive(Debug, Default)]
pub(crate) struct PreparedSentence {
    /// Its words and punctuation, for the word diff.
    pub(crate) tokens: Vec<DiffToken>,
    pub(crate) facts: Vec<Fact>,
}

/// Every sentence of every document of `alignment`, document after document.
pub(crate) struct Prepared {
    sentences: Vec<PreparedSentence>,
    /// Where each document's sentences start in `sentences`.
    starts: Vec<usize>,
}

impl Prepared {
    /// The sentences of document `d`.
    pub(crate) fn document(&self, d: usize) -> &[PreparedSentence] {
        let end = self
            .starts
            .get(d + 1)
            .copied()
            .unwrap_or(self.sentences.len());
        &self.sentences[self.starts[d]..end]
    }
}

/// Prepares every sentence of every document of `alignment`.
pub(crate) fn prepare(alignment: &Alignment, matcher: Option<&Matcher>) -> Prepared {
    let docs = &alignment.documents;
    let mentions: Vec<Option<Vec<Vec<SentenceMention>>>> = docs
        .par_iter()
        .map(|doc| matcher.map(|m| sentence_mentions(doc, m)))
        .collect();
    let mut starts = Vec::with_capacity(docs.len());
    let mut jobs: Vec<(usize, usize)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        starts.push(jobs.len());
        jobs.extend((0..doc.sentences.len()).map(|s| (d, s)));
    }
    let sentences = jobs
        .par_iter()
        .map(|&(d, s)| {
            let (doc, record) = (&docs[d], &docs[d].sentences[s]);
            let names = match &mentions[d] {
                Some(mentions) => Names::Glossary(&mentions[s]),
                None => Names::Shaped,
            };
            // The tokens are needed only here: one buffer per thread serves every
            // sentence.
            let mut tokens = TOKENS.take();
            tokenize_into(&record.text, &mut tokens);
            let prepared = PreparedSentence {
                facts: sentence_facts(&record.text, tokens.iter().copied(), doc.lang, names),
                tokens: diff_tokens(&record.text, &tokens),
            };
            if tokens.capacity() <= KEPT_CAPACITY {
                TOKENS.set(tokens);
            }
            prepared
        })
        .collect();
    Prepared { sentences, starts }
}

/// The glossary mentions of each sentence of `doc`. The matcher reads the whole
/// document, so that a short form ("Sheinbaum") resolves where the document names the
/// concept in full; the text between sentences, which the alignment does not keep, is
/// read as spaces.
fn sentence_mentions(doc: &AlignedDocument, matcher: &Matcher) -> Vec<Vec<SentenceMention>> {
    let mut by_sentence: Vec<Vec<SentenceMention>> = vec![Vec::new(); doc.sentences.len()];
    let Some(text) = document_text(&doc.sentences) else {
        // Sentence records that do not fit together: each sentence on its own.
        for (record, found) in doc.sentences.iter().zip(&mut by_sentence) {
            for m in matcher.find(&record.text, doc.lang).mentions {
                found.push(SentenceMention {
                    start: m.start,
                    end: m.end,
                    concept: m.concept,
                });
            }
        }
        return by_sentence;
    };
    for m in matcher.find(&text, doc.lang).mentions {
        let i = doc.sentences.partition_point(|s| s.start <= m.start);
        let Some(record) = i.checked_sub(1).map(|i| &doc.sentences[i]) else {
            continue;
        };
        if m.end <= record.end {
            by_sentence[i - 1].push(SentenceMention {
                start: m.start - record.start,
                end: m.end - record.start,
                concept: m.concept,
            });
        }
    }
    by_sentence
}

/// The document rebuilt from its sentence records, with spaces between them; `None`
/// when the records overlap, are out of order, or do not span their text.
fn document_text(sentences: &[SentenceRecord]) -> Option<String> {
    let mut text = String::new();
    /// A longer gap between two sentences is no article's.
    const MAX_GAP: usize = 1 << 20;
    for record in sentences {
        let fits = record.start >= text.len()
            && record.start - text.len() <= MAX_GAP
            && record.end.checked_sub(record.start) == Some(record.text.len());
        if !fits {
            return None;
        }
        text.extend(std::iter::repeat_n(' ', record.start - text.len()));
        text.push_str(&record.text);
    }
    Some(text)
}
