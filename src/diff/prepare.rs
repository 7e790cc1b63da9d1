//! What the diff needs of every sentence, computed once per document rather than once
//! per pair: its tokens (identified under NFC) and its facts.

use rayon::prelude::*;

use super::facts::{Fact, Names, SentenceMention, sentence_facts};
use super::tokens::tokenize;
use super::words::{DiffToken, diff_tokens};
use crate::export::{AlignedDocument, Alignment, SentenceRecord};
use crate::glossary::Matcher;

/// A sentence ready to be diffed.
#[derive(Debug, Default)]
pub(crate) struct PreparedSentence {
    /// Its words and punctuation, for the word diff.
    pub(crate) tokens: Vec<DiffToken>,
    pub(crate) facts: Vec<Fact>,
}

/// Every sentence of every document of `alignment`, by document and sentence index.
pub(crate) fn prepare(
    alignment: &Alignment,
    matcher: Option<&Matcher>,
) -> Vec<Vec<PreparedSentence>> {
    let docs = &alignment.documents;
    let mentions: Vec<Option<Vec<Vec<SentenceMention>>>> = docs
        .par_iter()
        .map(|doc| matcher.map(|m| sentence_mentions(doc, m)))
        .collect();
    let sentences: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.sentences.len()).map(move |s| (d, s)))
        .collect();
    let mut prepared = sentences
        .par_iter()
        .map(|&(d, s)| {
            let (doc, record) = (&docs[d], &docs[d].sentences[s]);
            let tokens = tokenize(&record.text);
            let names = match &mentions[d] {
                Some(mentions) => Names::Glossary(&mentions[s]),
                None => Names::Shaped,
            };
            PreparedSentence {
                facts: sentence_facts(&record.text, tokens.iter().copied(), doc.lang, names),
                tokens: diff_tokens(&record.text, &tokens),
            }
        })
        .collect::<Vec<_>>()
        .into_iter();
    docs.iter()
        .map(|doc| prepared.by_ref().take(doc.sentences.len()).collect())
        .collect()
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
