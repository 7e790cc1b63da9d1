//! Parallel alignment: a source and its translation aligned into monotone beads (1-1,
//! 1-0, 0-1, 2-1, 1-2, 2-2 …) without machine translation or a neural model.
//!
//! - `side`: each sentence becomes a set of weighted token types (stemmed words,
//!   numbers, punctuation marks) and a length in characters;
//! - `links`: which source types may translate which target types: equal numbers and
//!   punctuation, equal and cognate words (`cognate`), glossary pairs, and the
//!   dictionary that `dictionary` learns from the pair itself;
//! - `pairs`: for each pair of sentences, how much of each side's weight is linked;
//! - `length`: the Gale–Church length model, its ratio and variance estimated from
//!   the pair;
//! - `scoring`: the worth of a bead from these, and the cost of leaving a sentence
//!   out;
//! - `dp` and `band`: dynamic programming in a band around the diagonal (or a
//!   previous alignment) that widens where the best path runs along its edge, so that
//!   time and memory grow linearly with the length.
//!
//! A first alignment uses what needs no learning; its trusted 1-1 beads teach word
//! translations by co-occurrence; the pair is aligned again with them, twice (as
//! hunalign does).
//!
//! ```
//! use tandem::Lang;
//! use tandem::align::parallel::{ParallelOptions, align_parallel};
//!
//! let de = ["Der Gipfel ist 4478 m hoch.", "Wir stiegen um 3 Uhr auf.", "Es war kalt."];
//! let fr = ["Le sommet culmine à 4478 m.", "Nous sommes partis à 3 heures.", "Il faisait froid."];
//! let beads = align_parallel(&de, Some(Lang::De), &fr, Some(Lang::Fr), &ParallelOptions::default());
//! assert_eq!(beads.len(), 3);
//! assert_eq!((beads[0].source.as_slice(), beads[0].target.as_slice()), (&[0][..], &[0][..]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod band;
mod cognate;
mod dictionary;
mod dp;
mod length;
mod links;
mod pairs;
mod scoring;
mod side;

use serde::{Deserialize, Serialize};

use self::dp::{Found, Search};
use self::length::LengthModel;
use self::links::Links;
use self::scoring::Scoring;
use self::side::{Keyer, Side};
use crate::Lang;
use crate::glossary::Glossary;

/// The default band half-width in sentences: a translation rarely drifts further from
/// the diagonal within a document, and the band widens by itself when it does.
pub const DEFAULT_BAND: usize = 100;

/// The default largest bead side. Three rather than the classic two: translators of
/// long-form text split and join sentences three at a time often enough (on the
/// Text+Berg development document, strict F1 0.86 with 3 against 0.79 with 2), and 4
/// gains nothing more.
pub const DEFAULT_MAX_BEAD: usize = 3;

/// Band half-width around a previous alignment: the re-alignment moves beads locally,
/// and the band widens by itself where it needs to.
const REFINE_BAND: usize = 50;

/// Rounds of dictionary learning and re-alignment after the first alignment. The second
/// round learns from a better alignment; later rounds change little.
const LEARNING_ROUNDS: usize = 2;

/// How to align.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParallelOptions {
    /// The largest number of sentences on one side of a bead: 2 allows 2-1, 1-2 and
    /// 2-2; 3 (the default) adds 3-1, 1-3, 3-2, 2-3 and 3-3.
    pub max_bead: usize,
    /// Known term pairs (source form, target form), e.g. from a glossary: each is
    /// evidence that sentences containing them translate each other.
    pub glossary_pairs: Vec<(String, String)>,
    /// Whether to learn a bilingual dictionary from the pair and re-align with it.
    pub learn_dictionary: bool,
    /// Initial half-width of the search band, in sentences.
    pub band: usize,
}

impl Default for ParallelOptions {
    fn default() -> Self {
        ParallelOptions {
            max_bead: DEFAULT_MAX_BEAD,
            glossary_pairs: Vec::new(),
            learn_dictionary: true,
            band: DEFAULT_BAND,
        }
    }
}

/// Sentences of the source and of the target that translate each other. Either side
/// may be empty (a sentence with no counterpart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bead {
    /// Indices of the source sentences, consecutive and ascending.
    pub source: Vec<usize>,
    /// Indices of the target sentences, consecutive and ascending.
    pub target: Vec<usize>,
    /// Confidence, 0 to 1, from lexical similarity and length match; 0 for a bead
    /// with an empty side.
    pub score: f64,
}

impl Bead {
    /// The bead type as written in alignment files: "1-1", "2-1", "0-1" …
    pub fn kind(&self) -> String {
        format!("{}-{}", self.source.len(), self.target.len())
    }
}

/// Aligns `source` with its translation `target`, one sentence per item. A language
/// tandem knows enables stemming; `None` (any other language) cuts words instead.
///
/// Every sentence of both sides is in exactly one bead, and beads are in order on both
/// sides.
pub fn align_parallel(
    source: &[&str],
    source_lang: Option<Lang>,
    target: &[&str],
    target_lang: Option<Lang>,
    options: &ParallelOptions,
) -> Vec<Bead> {
    let keyers = (Keyer::new(source_lang), Keyer::new(target_lang));
    let source_side = Side::new(source, &keyers.0);
    let target_side = Side::new(target, &keyers.1);
    let evident = Links::evident(
        &source_side,
        &target_side,
        &options.glossary_pairs,
        (&keyers.0, &keyers.1),
    );
    let (n, m) = (source_side.len(), target_side.len());
    let length = LengthModel::from_totals(
        source_side.chars(0, n) as u64,
        target_side.chars(0, m) as u64,
    );
    let mut scoring = Scoring {
        length,
        mean_weight: (source_side.weight(0, n) + target_side.weight(0, m)) / (n + m).max(1) as f64,
        mean_chars: (
            source_side.chars(0, n) / n.max(1) as f64,
            target_side.chars(0, m) / m.max(1) as f64,
        ),
    };
    let search = |links: &Links, scoring: &Scoring, centre: Option<&[Found]>| {
        Search {
            source: &source_side,
            target: &target_side,
            links,
            scoring,
            max_bead: options.max_bead,
        }
        .run_widening(centre, band_width(options.band, centre.is_some()))
    };
    let mut beads = search(&evident, &scoring, None);
    if options.learn_dictionary {
        for _ in 0..LEARNING_ROUNDS {
            let learnt = dictionary::learn(&source_side, &target_side, &beads);
            let links = evident.with(&learnt);
            scoring.length =
                length.estimate(&one_to_one_lengths(&source_side, &target_side, &beads));
            beads = search(&links, &scoring, Some(&beads));
        }
    }
    beads
        .into_iter()
        .map(|found| Bead {
            source: found.source.collect(),
            target: found.target.collect(),
            score: found.confidence,
        })
        .collect()
}

/// Term pairs for [`ParallelOptions::glossary_pairs`]: every term of each concept in
/// `source` with every term of it in `target`.
pub fn glossary_pairs(glossary: &Glossary, source: Lang, target: Lang) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for concept in &glossary.concepts {
        let (Some(from), Some(to)) = (concept.terms.get(&source), concept.terms.get(&target))
        else {
            continue;
        };
        for f in from {
            for t in to {
                pairs.push((f.text.clone(), t.text.clone()));
            }
        }
    }
    pairs
}

/// The initial band half-width of a search: the option's around the diagonal, at most
/// [`REFINE_BAND`] around a previous alignment.
fn band_width(band: usize, refining: bool) -> usize {
    if refining {
        band.min(REFINE_BAND)
    } else {
        band
    }
    .max(1)
}

/// Character lengths of the 1-1 beads, for re-estimating the length model.
fn one_to_one_lengths(source: &Side, target: &Side, beads: &[Found]) -> Vec<(u32, u32)> {
    beads
        .iter()
        .filter(|b| b.shape() == (1, 1))
        .map(|b| {
            (
                source.sentences[b.source.start].chars,
                target.sentences[b.target.start].chars,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;
