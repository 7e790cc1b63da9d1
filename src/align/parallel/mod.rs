//! Parallel alignment: a source and its translation aligned into monotone beads (1-1,
//! 1-0, 0-1, 2-1, 1-2, 2-2 …) without machine translation or a neural model.
//!
//! - `side`: each sentence becomes a set of weighted token types (stemmed words,
//!   numbers, punctuation marks) and a length in characters;
//! - `links`: which source types may translate which target types: equal numbers and
//!   punctuation, equal and cognate words (`cognate`), glossary pairs, the pairs of a
//!   prior bilingual dictionary (`prior`: FreeDict de–fr is shipped, or one given),
//!   and the dictionary that `dictionary` learns from the pair itself;
//! - `pairs`: for each pair of sentences, how much of each side's weight is linked;
//! - `length`: the Gale–Church length model, its ratio and variance estimated from
//!   the pair;
//! - `scoring`: the worth of a bead from these, and the cost of leaving a sentence
//!   out;
//! - `dp` and `band`: dynamic programming in a band around the diagonal (or a
//!   previous alignment) that widens where the best path runs along its edge, so that
//!   time and memory grow linearly with the length while the translation stays near
//!   the diagonal (a side missing a long passage widens the band towards the whole
//!   matrix there). One sentence may face one
//!   sentence more than the largest bead side; pieces of a sentence cut at open ends
//!   count as one sentence towards that side, so that one sentence may face a
//!   translation in four or five pieces (a list cut at semicolons).
//!
//! A first alignment uses what needs no learning (the prior dictionary included); its
//! trusted 1-1 beads teach word translations by co-occurrence; the pair is aligned
//! again with them, twice (as hunalign does). [`align_parallel_batch`] aligns several
//! pairs and learns one dictionary from all of them together (hunalign's batch mode),
//! which helps short documents most.
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
mod prior;
mod scoring;
mod side;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use self::dp::{Found, Search};
use self::length::LengthModel;
use self::links::{Links, prior_links};
use self::prior::Prior;
pub use self::prior::{DictionaryLineError, PriorDictionary, parse_dictionary, read_dictionary};
use self::scoring::Scoring;
use self::side::{Keyer, Side};
use crate::Lang;
use crate::glossary::Glossary;

/// The default band half-width in sentences: a translation rarely drifts further from
/// the diagonal within a document, and the band widens by itself when it does.
pub const DEFAULT_BAND: usize = 100;

/// The default largest bead side. Three rather than the classic two: translators of
/// long-form text split and join sentences three at a time often enough. Measured in
/// session 12 (development document / its quarters / ParIce en–is, strict F1): 0.914 /
/// 0.919 / 0.912 with 3, 0.895 / 0.892 / 0.927 with 2, 0.917 / 0.904 / 0.899 with 4.
pub const DEFAULT_MAX_BEAD: usize = 3;

/// The largest [`ParallelOptions::max_bead`] the search honours.
pub const MAX_BEAD_LIMIT: usize = dp::MAX_SIDE;

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
    /// 2-2; 3 (the default) adds 3-1, 1-3, 3-2, 2-3 and 3-3. From 2 on, one sentence
    /// may face one sentence more (1-4 with the default: a long sentence translated by
    /// shorter ones); from 1 on, up to two pieces more (1-5 with the default) where the
    /// pieces are cut at open ends (";", ":", ",", an open parenthesis, a next piece in
    /// lower case …) so that they make at most this many sentences. At most
    /// [`MAX_BEAD_LIMIT`]; larger values count as it.
    pub max_bead: usize,
    /// Known term pairs (source form, target form), e.g. from a glossary: each is
    /// evidence that sentences containing them translate each other.
    pub glossary_pairs: Vec<(String, String)>,
    /// Whether to learn a bilingual dictionary from the pair and re-align with it.
    pub learn_dictionary: bool,
    /// A bilingual dictionary known beforehand: by default the one shipped for the
    /// pair's languages, if any.
    pub dictionary: PriorDictionary,
    /// Initial half-width of the search band, in sentences.
    pub band: usize,
}

impl Default for ParallelOptions {
    fn default() -> Self {
        ParallelOptions {
            max_bead: DEFAULT_MAX_BEAD,
            glossary_pairs: Vec::new(),
            learn_dictionary: true,
            dictionary: PriorDictionary::Shipped,
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
    let pair = PairText {
        source,
        source_lang,
        target,
        target_lang,
    };
    align_parallel_batch(&[pair], options)
        .pop()
        .unwrap_or_default()
}

/// One document pair of a batch: a source and its translation, one sentence per item.
#[derive(Debug, Clone, Copy)]
pub struct PairText<'a> {
    /// The source sentences.
    pub source: &'a [&'a str],
    /// The source language, if tandem knows it.
    pub source_lang: Option<Lang>,
    /// The target sentences.
    pub target: &'a [&'a str],
    /// The target language, if tandem knows it.
    pub target_lang: Option<Lang>,
}

/// Aligns several document pairs at once, as hunalign's batch mode does: each pair is
/// aligned on its own, but the bilingual dictionary is learnt from the trusted beads of
/// all pairs with the same languages together. Short documents teach too few word
/// pairs alone; a batch of them teaches each what the others share (the usual words of
/// the domain). The learnt dictionary comes from the inputs alone.
///
/// Returns the beads of each pair, in input order; a batch of one pair is exactly
/// [`align_parallel`].
pub fn align_parallel_batch(pairs: &[PairText<'_>], options: &ParallelOptions) -> Vec<Vec<Bead>> {
    // Pairs learn together only with pairs of the same languages, and each language pair
    // has its own prior dictionary.
    let mut groups: Vec<(LangPair, Vec<usize>)> = Vec::new();
    let mut group_of = Vec::with_capacity(pairs.len());
    for (k, p) in pairs.iter().enumerate() {
        let langs = (p.source_lang, p.target_lang);
        let g = match groups.iter().position(|(l, _)| *l == langs) {
            Some(g) => g,
            None => {
                groups.push((langs, Vec::new()));
                groups.len() - 1
            }
        };
        groups[g].1.push(k);
        group_of.push(g);
    }
    let priors: Vec<Cow<'static, Prior>> = groups
        .iter()
        .map(|&(langs, _)| Prior::choose(&options.dictionary, langs))
        .collect();
    let mut states: Vec<PairState> = pairs
        .iter()
        .zip(&group_of)
        .map(|(p, &g)| PairState::new(p, &priors[g], options))
        .collect();
    for state in &mut states {
        state.beads = state.search(&state.evident, false, options);
    }
    if options.learn_dictionary {
        for _ in 0..LEARNING_ROUNDS {
            for (_, members) in &groups {
                let training: Vec<dictionary::Training> = members
                    .iter()
                    .map(|&k| dictionary::Training {
                        source: &states[k].source,
                        target: &states[k].target,
                        beads: &states[k].beads,
                    })
                    .collect();
                let learnt = dictionary::learn(&training);
                for (&k, learnt) in members.iter().zip(learnt) {
                    let state = &mut states[k];
                    let links = state.evident.with(&learnt);
                    state.scoring.length = state.length.estimate(&one_to_one_lengths(
                        &state.source,
                        &state.target,
                        &state.beads,
                    ));
                    state.beads = state.search(&links, true, options);
                }
            }
        }
    }
    states
        .into_iter()
        .map(|state| {
            state
                .beads
                .into_iter()
                .map(|found| Bead {
                    source: found.source.collect(),
                    target: found.target.collect(),
                    score: found.confidence,
                })
                .collect()
        })
        .collect()
}

/// The source and target language of a pair.
type LangPair = (Option<Lang>, Option<Lang>);

/// One pair being aligned: its sides, the links that need no learning, its scoring and
/// its current alignment.
struct PairState {
    source: Side,
    target: Side,
    evident: Links,
    /// The length model from the documents' totals, the start of every re-estimate.
    length: LengthModel,
    scoring: Scoring,
    beads: Vec<Found>,
}

impl PairState {
    fn new(pair: &PairText<'_>, prior: &Prior, options: &ParallelOptions) -> PairState {
        let keyers = (Keyer::new(pair.source_lang), Keyer::new(pair.target_lang));
        let source = Side::new(pair.source, &keyers.0);
        let target = Side::new(pair.target, &keyers.1);
        let evident = Links::evident(
            &source,
            &target,
            &options.glossary_pairs,
            (&keyers.0, &keyers.1),
        );
        let evident = evident.with(&prior_links(&source, &target, prior));
        let (n, m) = (source.len(), target.len());
        let length = LengthModel::from_totals(source.chars(0, n) as u64, target.chars(0, m) as u64);
        let scoring = Scoring {
            length,
            mean_weight: (source.weight(0, n) + target.weight(0, m)) / (n + m).max(1) as f64,
            mean_chars: (
                source.chars(0, n) / n.max(1) as f64,
                target.chars(0, m) / m.max(1) as f64,
            ),
        };
        PairState {
            source,
            target,
            evident,
            length,
            scoring,
            beads: Vec::new(),
        }
    }

    /// The alignment of the pair with `links`, searched around the current one when
    /// `refining`.
    fn search(&self, links: &Links, refining: bool, options: &ParallelOptions) -> Vec<Found> {
        let centre = refining.then_some(self.beads.as_slice());
        Search {
            source: &self.source,
            target: &self.target,
            links,
            scoring: &self.scoring,
            max_bead: options.max_bead,
        }
        .run_widening(centre, band_width(options.band, refining))
    }
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
