//! Names are not fragments. A decoded foreign run loses the words that are written like
//! names; what is left must stand on its own evidence.
//!
//! A name is written with capitals inside a sentence (the first word of a sentence is
//! capitalised anyway and says nothing). Several capitalised words in a row are a name
//! ("Fox News"), also with short lowercase links between them ("United States of
//! America", "Cártel de Jalisco"). One capitalised word is a name too, unless it is a
//! noun written the German way: German capitalises every noun, its own and those it
//! borrows, which come from English above all. So a German noun in any text ("the
//! Regierung") and an English noun in German text ("den Thread") are words, not names;
//! there only a word that no list has, or that many languages list ("Stuttgart"), is
//! taken for a name. English "I" is capitalised everywhere and is never a name.

use super::decode::Run;
use super::evidence::WordEvidence;
use super::{NAME_SPREAD, Params, index};
use crate::Lang;

/// The longest lowercase word (in bytes) that links the parts of a name.
const MAX_LINK_BYTES: usize = 4;

/// The parts of `run` that are not names, each with its own margin.
pub(super) fn without_names(
    run: &Run,
    words: &[WordEvidence],
    main: Lang,
    params: &Params,
) -> Vec<Run> {
    let scored: Vec<usize> = (run.first..=run.last)
        .filter(|&k| words[k].scores().is_some())
        .collect();
    let first_of_sentence = (0..words.len()).find(|&k| words[k].scores().is_some());
    let capital =
        |k: usize| words[k].capitalised && Some(k) != first_of_sentence && !words[k].is_english_i;
    // A short lowercase word between two capitalised ones links a name ("of", "de").
    let link = |k: usize| {
        !words[k].capitalised
            && words[k].end - words[k].start <= MAX_LINK_BYTES
            && k > 0
            && k + 1 < words.len()
            && capital(k - 1)
            && capital(k + 1)
    };
    let written_as_name = |k: usize| capital(k) || link(k);
    let lang = Lang::ALL[run.lang];
    let german_noun_possible = lang == Lang::De || (main == Lang::De && lang == Lang::En);

    // Mark maximal groups of words written as names.
    let mut name = vec![false; scored.len()];
    let mut i = 0;
    while i < scored.len() {
        if !written_as_name(scored[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < scored.len() && written_as_name(scored[i]) {
            i += 1;
        }
        let word = &words[scored[start]];
        let single_noun =
            i - start == 1 && german_noun_possible && word.spread > 0 && word.spread < NAME_SPREAD;
        if !single_noun {
            name[start..i].iter_mut().for_each(|n| *n = true);
        }
    }
    // A sentence's first word followed only by a name belongs to it
    // ("The New York Times berichtete").
    if scored.len() > 1 && Some(scored[0]) == first_of_sentence && name[1..].iter().all(|&n| n) {
        name[0] = true;
    }

    let mut pieces = Vec::new();
    let mut i = 0;
    while i < scored.len() {
        if name[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < scored.len() && !name[i] {
            i += 1;
        }
        pieces.push(Run::scored(
            words,
            run.lang,
            index(main),
            scored[start],
            scored[i - 1],
            params,
        ));
    }
    pieces
}
