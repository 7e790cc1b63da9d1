//! Names are not fragments. A decoded foreign run loses the words that are written like
//! names (capitalised inside the sentence); what is left must stand on its own
//! evidence. German capitalises every noun, so a single capitalised German word is a
//! noun, not a name.

use super::Params;
use super::decode::Run;
use super::evidence::WordEvidence;
use crate::Lang;

/// The parts of `run` that are not names, each with its own margin.
pub(super) fn without_names(
    run: &Run,
    words: &[WordEvidence],
    main: usize,
    params: &Params,
) -> Vec<Run> {
    let scored: Vec<usize> = (run.first..=run.last)
        .filter(|&k| words[k].scores().is_some())
        .collect();
    let first_of_sentence = (0..words.len()).find(|&k| words[k].scores().is_some());
    let inside_capital = |k: usize| words[k].capitalised && Some(k) != first_of_sentence;
    let german = Lang::ALL[run.lang] == Lang::De;

    // Mark maximal groups of capitalised words inside the sentence as names.
    let mut name = vec![false; scored.len()];
    let mut i = 0;
    while i < scored.len() {
        if !inside_capital(scored[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < scored.len() && inside_capital(scored[i]) {
            i += 1;
        }
        if !german || i - start >= 2 {
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
            main,
            scored[start],
            scored[i - 1],
            params,
        ));
    }
    pieces
}
