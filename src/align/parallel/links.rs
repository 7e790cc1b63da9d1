//! Which source types may translate which target types, and how sure that is: equal
//! numbers and punctuation, equal or cognate words (names, loan words), glossary pairs,
//! the pairs of a prior bilingual dictionary, and a dictionary learnt from the document
//! pair.

use rustc_hash::FxHashMap;

use super::cognate::{MIN_COGNATE_PREFIX, are_cognates};
use super::prior::Prior;
use super::side::{Keyer, Kind, Side};

/// Equal words shorter than this are not evidence: short function words collide across
/// languages (German "am" / English "am", English "a" / Icelandic "á").
const MIN_EQUAL_WORD_CHARS: usize = 3;

/// How sure a cognate link is, against 1 for an equal number or word: a shared prefix
/// also joins false friends now and then.
const COGNATE_SCORE: f32 = 0.8;

/// How sure a link of the prior dictionary is when it is the only one its two words
/// have in the document pair. A general dictionary lists every sense of a word
/// ("Gipfel": "sommet", "comble", "croissant"), most of them not the one a document
/// means, so a link weighs this divided by the square root of the most links either of
/// its words has in the pair: a word with one translation present is most likely meant
/// so, one with four weighs half as much. Small either way: enough to tip a bead that
/// little else decides, not to outweigh a number or a word pair the document itself
/// teaches. Chosen on the Text+Berg development document and its quarters (strict F1
/// 0.906 / 0.911 with a flat 0.25 for every link; 0.912 / 0.914 from 0.4 to 0.5,
/// 0.902 / 0.914 at 0.6); on ParIce en–is with the FreeDict is–en dictionary given,
/// 0.925 against 0.928 with the flat weight.
const PRIOR_SCORE: f32 = 0.5;

/// Cognate candidates are compared only within groups of types that share their first
/// characters, which keeps the comparison near-linear in the vocabulary.
const COGNATE_BUCKET_CHARS: usize = 2;

/// A learnt or given link between a source and a target type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Link {
    /// The source type.
    pub source: u32,
    /// The target type.
    pub target: u32,
    /// How sure, 0 to 1.
    pub score: f32,
}

/// For each source type, the target types it may translate to.
#[derive(Debug, Clone, Default)]
pub(super) struct Links {
    /// Indexed by source type: (target type, score), sorted by target type.
    pub by_source: Vec<Vec<(u32, f32)>>,
}

impl Links {
    /// Links that need no learning: equal numbers, punctuation and words, cognates and
    /// glossary pairs.
    pub(super) fn evident(
        source: &Side,
        target: &Side,
        glossary: &[(String, String)],
        keyers: (&Keyer, &Keyer),
    ) -> Links {
        let mut links = Links {
            by_source: vec![Vec::new(); source.keys.len()],
        };
        for (s, key) in source.keys.iter().enumerate() {
            let Some(&t) = target.index.get(key) else {
                continue;
            };
            let kind = source.kinds[s];
            if kind != Kind::Word || key.chars().count() >= MIN_EQUAL_WORD_CHARS {
                links.add(s as u32, t, 1.0);
            }
        }
        links.add_cognates(source, target);
        links.add_glossary(source, target, glossary, keyers);
        links.normalise();
        links
    }

    /// These links and `extra` ones (the prior dictionary's, a learnt dictionary's).
    pub(super) fn with(&self, extra: &[Link]) -> Links {
        let mut links = self.clone();
        for link in extra {
            links.add(link.source, link.target, link.score);
        }
        links.normalise();
        links
    }

    fn add(&mut self, source: u32, target: u32, score: f32) {
        self.by_source[source as usize].push((target, score));
    }

    /// Sorts each list and keeps the best score of duplicate targets.
    fn normalise(&mut self) {
        for list in &mut self.by_source {
            list.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            list.dedup_by_key(|e| e.0);
        }
    }

    fn add_cognates(&mut self, source: &Side, target: &Side) {
        let bucket = |key: &str| -> Option<String> {
            (key.chars().count() >= MIN_COGNATE_PREFIX)
                .then(|| key.chars().take(COGNATE_BUCKET_CHARS).collect())
        };
        let mut buckets: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (t, key) in target.keys.iter().enumerate() {
            if target.kinds[t] == Kind::Word
                && let Some(b) = bucket(key)
            {
                buckets.entry(b).or_default().push(t as u32);
            }
        }
        for (s, key) in source.keys.iter().enumerate() {
            if source.kinds[s] != Kind::Word {
                continue;
            }
            let Some(candidates) = bucket(key).and_then(|b| buckets.get(&b)) else {
                continue;
            };
            for &t in candidates {
                let other = &target.keys[t as usize];
                if other != key && are_cognates(key, other) {
                    self.add(s as u32, t, COGNATE_SCORE);
                }
            }
        }
    }

    /// Every word of a term's source form may translate every word of its target form
    /// ("Weißes Haus" / "Maison Blanche"): the pair is known, its inner word order is not.
    fn add_glossary(
        &mut self,
        source: &Side,
        target: &Side,
        glossary: &[(String, String)],
        (source_keyer, target_keyer): (&Keyer, &Keyer),
    ) {
        for (from, to) in glossary {
            let targets: Vec<u32> = target_keyer
                .words(to)
                .into_iter()
                .filter_map(|(key, _)| target.index.get(&key).copied())
                .collect();
            for (key, _) in source_keyer.words(from) {
                if let Some(&s) = source.index.get(&key) {
                    for &t in &targets {
                        self.add(s, t, 1.0);
                    }
                }
            }
        }
    }
}

/// Links between the words of the documents that the prior dictionary pairs, each
/// weighed by how ambiguous its words are in the pair (see [`PRIOR_SCORE`]).
pub(super) fn prior_links(source: &Side, target: &Side, prior: &Prior) -> Vec<Link> {
    let mut links = Vec::new();
    if prior.is_empty() {
        return links;
    }
    for (s, key) in source.keys.iter().enumerate() {
        if source.kinds[s] != Kind::Word {
            continue;
        }
        let Some(targets) = prior.by_source.get(key) else {
            continue;
        };
        for t in targets {
            if let Some(&t) = target.index.get(t) {
                links.push(Link {
                    source: s as u32,
                    target: t,
                    score: PRIOR_SCORE,
                });
            }
        }
    }
    let mut per_source: FxHashMap<u32, u32> = FxHashMap::default();
    let mut per_target: FxHashMap<u32, u32> = FxHashMap::default();
    for link in &links {
        *per_source.entry(link.source).or_default() += 1;
        *per_target.entry(link.target).or_default() += 1;
    }
    for link in &mut links {
        let ambiguity = per_source[&link.source].max(per_target[&link.target]);
        link.score = PRIOR_SCORE / (ambiguity as f32).sqrt();
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn sides(source: &[&str], target: &[&str]) -> (Side, Side, Keyer, Keyer) {
        let (ks, kt) = (Keyer::new(Some(Lang::De)), Keyer::new(Some(Lang::Fr)));
        (Side::new(source, &ks), Side::new(target, &kt), ks, kt)
    }

    fn linked(links: &Links, source: &Side, target: &Side, s: &str, t: &str) -> Option<f32> {
        let (s, t) = (source.index[s], target.index[t]);
        links.by_source[s as usize]
            .iter()
            .find(|&&(x, _)| x == t)
            .map(|&(_, score)| score)
    }

    #[test]
    fn links_numbers_cognates_and_glossary_terms() {
        let (source, target, ks, kt) = sides(
            &["Die Expedition erreichte 8172 m im Weissen Haus ."],
            &["L' expédition atteignit 8172 m à la Maison Blanche ."],
        );
        let glossary = vec![("Weisses Haus".to_string(), "Maison Blanche".to_string())];
        let links = Links::evident(&source, &target, &glossary, (&ks, &kt));
        assert_eq!(
            linked(&links, &source, &target, "#8172", "#8172"),
            Some(1.0)
        );
        let expedition = (
            ks.words("Expedition")[0].0.clone(),
            kt.words("expédition")[0].0.clone(),
        );
        assert!(linked(&links, &source, &target, &expedition.0, &expedition.1).is_some());
        let haus = ks.words("Haus")[0].0.clone();
        let maison = kt.words("Maison")[0].0.clone();
        assert_eq!(linked(&links, &source, &target, &haus, &maison), Some(1.0));
        // One-letter words are not evidence even when equal.
        assert_eq!(linked(&links, &source, &target, "m", "m"), None);
    }

    #[test]
    fn extra_links_keep_the_best_score() {
        let (source, target, ks, kt) = sides(&["Gipfel 12"], &["sommet 12"]);
        let links = Links::evident(&source, &target, &[], (&ks, &kt));
        let (s, t) = (source.index["gipfel"], target.index["sommet"]);
        let learnt = links.with(&[
            Link {
                source: s,
                target: t,
                score: 0.4,
            },
            Link {
                source: s,
                target: t,
                score: 0.6,
            },
        ]);
        assert_eq!(learnt.by_source[s as usize], [(t, 0.6)]);
    }

    #[test]
    fn a_prior_link_weighs_less_the_more_senses_its_words_have_in_the_pair() {
        let (source, target, ks, kt) = sides(
            &["Der Gipfel war steil und der Weg lang ."],
            &["Le sommet était raide , au comble de la fatigue , et le chemin long ."],
        );
        let key = |keyer: &Keyer, word: &str| keyer.words(word)[0].0.clone();
        let mut prior = Prior::default();
        prior.by_source.insert(
            key(&ks, "Gipfel"),
            vec![
                key(&kt, "sommet"),
                key(&kt, "comble"),
                key(&kt, "croissant"),
            ],
        );
        prior
            .by_source
            .insert(key(&ks, "Weg"), vec![key(&kt, "chemin")]);
        let evident = Links::evident(&source, &target, &[], (&ks, &kt));
        let links = evident.with(&prior_links(&source, &target, &prior));
        let score = |s: &str, t: &str| linked(&links, &source, &target, &key(&ks, s), &key(&kt, t));
        // "Weg" has one translation in the pair, "Gipfel" two ("croissant" is absent).
        assert_eq!(score("Weg", "chemin"), Some(PRIOR_SCORE));
        let half_sure = PRIOR_SCORE / 2f32.sqrt();
        assert_eq!(score("Gipfel", "sommet"), Some(half_sure));
        assert_eq!(score("Gipfel", "comble"), Some(half_sure));
    }
}
