//! The most likely language of every word of a sentence: a hidden Markov model whose
//! states are the languages, where staying in a language is free and switching costs,
//! so that one word must be strong evidence to count as foreign (Viterbi decoding).

use super::Params;
use super::evidence::WordEvidence;
use super::lexicon::LANGS;

/// How many times a switch costs between two foreign languages: a fragment rarely
/// changes language in the middle ("Be the first to comment" is English throughout,
/// though "comment" is also French).
const FOREIGN_SWITCH: f32 = 3.0;

/// A run of words decoded as a language other than the main one.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Run {
    /// Index of the language in `Lang::ALL`.
    pub(super) lang: usize,
    /// First and last word of the run (inclusive), indices into the sentence's words.
    pub(super) first: usize,
    pub(super) last: usize,
    /// How much better the run is as foreign than as main language, in log10 units,
    /// switching costs included.
    pub(super) margin: f32,
}

/// Decodes one sentence's words over all languages.
pub(super) fn foreign_runs(words: &[WordEvidence], main: usize, params: &Params) -> Vec<Run> {
    if words.is_empty() {
        return Vec::new();
    }
    let emission = |t: usize, i: usize| words[t].scores().map_or(0.0, |s| s[i]);
    let mut score: [f32; LANGS] =
        std::array::from_fn(|i| emission(0, i) - if i == main { 0.0 } else { params.start_cost });
    let mut back: Vec<[u8; LANGS]> = Vec::with_capacity(words.len());
    back.push([0; LANGS]);
    for t in 1..words.len() {
        let mut next = [f32::NEG_INFINITY; LANGS];
        let mut pointers = [0u8; LANGS];
        for i in 0..LANGS {
            let (mut from, mut prev) = (i, score[i]);
            for j in (0..LANGS).filter(|&j| j != i) {
                let cost = if i == main || j == main {
                    params.switch_cost
                } else {
                    FOREIGN_SWITCH * params.switch_cost
                };
                if score[j] - cost > prev {
                    (from, prev) = (j, score[j] - cost);
                }
            }
            next[i] = prev + emission(t, i);
            pointers[i] = from as u8;
        }
        score = next;
        back.push(pointers);
    }
    for (i, value) in score.iter_mut().enumerate() {
        if i != main {
            *value -= params.end_cost;
        }
    }
    let mut states = vec![0usize; words.len()];
    states[words.len() - 1] = argmax(&score).0;
    for t in (1..words.len()).rev() {
        states[t - 1] = back[t][states[t]] as usize;
    }
    runs(words, &states, main, params)
}

fn argmax(values: &[f32; LANGS]) -> (usize, f32) {
    let mut best = (0, f32::NEG_INFINITY);
    for (i, &v) in values.iter().enumerate() {
        if v > best.1 {
            best = (i, v);
        }
    }
    best
}

/// Groups decoded states into foreign runs, trimmed of neutral words at their edges.
fn runs(words: &[WordEvidence], states: &[usize], main: usize, params: &Params) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut t = 0;
    while t < states.len() {
        if states[t] == main {
            t += 1;
            continue;
        }
        let lang = states[t];
        let start = t;
        while t < states.len() && states[t] == lang {
            t += 1;
        }
        let Some(first) = (start..t).find(|&k| words[k].scores().is_some()) else {
            continue;
        };
        let last = (start..t)
            .rev()
            .find(|&k| words[k].scores().is_some())
            .unwrap_or(first);
        runs.push(Run::scored(words, lang, main, first, last, params));
    }
    runs
}

impl Run {
    /// The run of `words[first..=last]` in language `lang`, with its margin over the
    /// main language: the evidence of its words less the cost of switching into it
    /// (or of starting the sentence in it) and out of it (or of ending the sentence in
    /// it).
    ///
    /// Words at either edge that give no evidence for `lang` are left out first: when
    /// two languages share words ("para", "nunca" in Spanish and Portuguese), the
    /// decoder may stay in the foreign language across them at no cost, but they are
    /// not part of the fragment. At the start or the end of the sentence a shared word
    /// that leans to `lang` at all stays: a fragment that reaches the last word but one
    /// rarely hands the last word back to the main language ("… falou com os amigos"
    /// in Spanish text), nor one that reaches the second word the first.
    pub(super) fn scored(
        words: &[WordEvidence],
        lang: usize,
        main: usize,
        first: usize,
        last: usize,
        params: &Params,
    ) -> Run {
        let gain = |k: usize| words[k].scores().map(|s| s[lang] - s[main]);
        let evidence = |k: usize| words[k].scores().is_some();
        let first_in_sentence = |k: usize| !(0..k).any(evidence);
        let last_in_sentence = |k: usize| !(k + 1..words.len()).any(evidence);
        let weak = |k: usize, at_sentence_edge: bool| {
            let least = if at_sentence_edge {
                0.0
            } else {
                params.edge_gain
            };
            gain(k).is_none_or(|g| g < least)
        };
        let (mut first, mut last) = (first, last);
        while first < last && weak(first, first_in_sentence(first)) {
            first += 1;
        }
        while last > first && weak(last, last_in_sentence(last)) {
            last -= 1;
        }
        let total: f32 = (first..=last).filter_map(gain).sum();
        let starts_sentence = first_in_sentence(first);
        let ends_sentence = last_in_sentence(last);
        let entry = if starts_sentence {
            params.start_cost
        } else {
            params.switch_cost
        };
        let exit = if ends_sentence {
            params.end_cost
        } else {
            params.switch_cost
        };
        Run {
            lang,
            first,
            last,
            margin: total - entry - exit,
        }
    }
}
