//! Building bilingual glossary entries from a parallel alignment: names, acronyms and
//! multi-word capitalised sequences of each side are counted per aligned group, pairs
//! are scored by how consistently they occur together (Dice coefficient, with Dunning's
//! log-likelihood ratio as a tie-breaker and a second opinion), and linked one-to-one
//! best first (competitive linking, Melamed 2000).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::adjective_endings::{Article, citation_form};
use super::id::{slug, unique_id};
use super::inflection::{fold, key};
use super::{Concept, EntityType, Glossary, Matcher, Term, TermStatus};
use crate::Lang;
use crate::export::{Alignment, AlignmentMode, Group};
use crate::lang::data::LangData;
use crate::text::words;

/// Settings for [`build`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BuildOptions {
    /// The least number of groups a pair must share.
    pub min_pairs: usize,
    /// The least Dice coefficient.
    pub min_dice: f64,
    /// The longest candidate, in words.
    pub max_words: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            min_pairs: 2,
            min_dice: 0.5,
            max_words: 5,
        }
    }
}

/// A proposed entry: two forms that name the same thing, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// The form on the first document's side: its dictionary form where the text shows
    /// it ("Weißes Haus" for "das Weiße Haus"), else as most often written.
    pub source: String,
    /// The form on the second document's side.
    pub target: String,
    /// Groups holding the source form.
    pub source_count: usize,
    /// Groups holding the target form.
    pub target_count: usize,
    /// Groups holding both.
    pub pair_count: usize,
    /// Dice coefficient, 0 to 1.
    pub dice: f64,
    /// Dunning's log-likelihood ratio (G²).
    pub llr: f64,
    /// An aligned sentence pair where both occur.
    pub example: (String, String),
    /// The concept of a given glossary that already has one of the forms.
    pub known: Option<String>,
}

/// A candidate occurrence: its key (inflection-insensitive), how it was written, and the
/// German article right before it that shows its dictionary form, if any.
#[derive(Debug, Clone)]
struct Candidate {
    key: String,
    written: String,
    article: Option<Article>,
}

/// Names and acronyms of a text: maximal runs of capitalised words (with short lowercase
/// links inside, "United States of America"), without the capitalised sentence openers
/// that start them ("Die", "The"), and the link-free pieces of runs with links.
fn candidates(text: &str, lang: Lang, max_words: usize) -> Vec<Candidate> {
    let data = LangData::get(lang);
    let tokens: Vec<(&str, usize, usize)> = words(text)
        .map(|t| (t.text, t.span.start, t.span.end))
        .collect();
    let capital = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
    };
    // Whether token `k` continues the name of token `k - 1`: only white space (or the
    // hyphen or apostrophe inside a name) between them, no comma or full stop.
    let joined = |k: usize| {
        text[tokens[k - 1].2..tokens[k].1]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\'' | '\u{2019}'))
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capital(tokens[i].0) || data.is_starter(tokens[i].0) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && joined(end) {
            let (w, ..) = tokens[end];
            let link = !capital(w)
                && w.len() <= 4
                && end + 1 < tokens.len()
                && capital(tokens[end + 1].0)
                && joined(end + 1);
            if capital(w) || link {
                end += 1;
            } else {
                break;
            }
        }
        runs.push((start, end));
        i = end;
    }
    let mut found = Vec::new();
    let mut push = |a: usize, b: usize| {
        if b - a <= max_words {
            let key: Vec<String> = tokens[a..b]
                .iter()
                .map(|t| key(&fold(t.0)).to_string())
                .collect();
            let article = (lang == Lang::De && a > 0)
                .then(|| tokens[a - 1])
                .filter(|before| text[before.2..tokens[a].1].chars().all(char::is_whitespace))
                .and_then(|before| Article::of(before.0));
            found.push(Candidate {
                key: key.join(" "),
                written: text[tokens[a].1..tokens[b - 1].2].to_string(),
                article,
            });
        }
    };
    for (start, end) in runs {
        push(start, end);
        // With links inside ("Vertretern der Europäischen Union"), the pieces between
        // them are candidates too: a link may join a name or just two nouns.
        if (start..end).any(|k| !capital(tokens[k].0)) {
            let mut piece = start;
            for (k, token) in tokens.iter().enumerate().take(end).skip(start) {
                if !capital(token.0) {
                    if k > piece {
                        push(piece, k);
                    }
                    piece = k + 1;
                }
            }
            if end > piece {
                push(piece, end);
            }
        }
    }
    found
}

/// Dunning's G² for a 2×2 contingency table.
fn log_likelihood(both: f64, only_a: f64, only_b: f64, neither: f64) -> f64 {
    let n = both + only_a + only_b + neither;
    let term = |k: f64, row: f64, col: f64| {
        if k > 0.0 {
            k * (k * n / (row * col)).ln()
        } else {
            0.0
        }
    };
    2.0 * (term(both, both + only_a, both + only_b)
        + term(only_a, both + only_a, only_a + neither)
        + term(only_b, only_b + neither, both + only_b)
        + term(neither, only_b + neither, only_a + neither))
}

/// The most forms one side of a group may have for the group to count. Every form of
/// one side is paired with every form of the other, so a group costs the product: a
/// real sentence has a few dozen, while a "sentence" of thousands of words (a text
/// that was never segmented) has thousands, costs gigabytes, and pairs every name
/// with every other, which is no evidence. Such groups are left out.
const MAX_FORMS_PER_SIDE: usize = 200;

/// The texts of the two sides of `group`, empty for a side it has no member of.
fn group_texts(alignment: &Alignment, group: &Group) -> (String, String) {
    let side = |doc: &str| {
        group
            .members
            .iter()
            .find(|m| m.doc == doc)
            .map(|m| alignment.member_text(m))
            .unwrap_or_default()
    };
    let docs = &alignment.documents;
    (side(&docs[0].id), side(&docs[1].id))
}

/// Proposes bilingual entries from a parallel alignment of two documents. Forms a
/// `known` glossary already has are marked with their concept. Groups with more than
/// 200 forms on a side (far longer than any sentence) are left out.
pub fn build(
    alignment: &Alignment,
    known: Option<&Glossary>,
    options: BuildOptions,
) -> Vec<Proposal> {
    if alignment.mode != AlignmentMode::Parallel || alignment.documents.len() != 2 {
        return Vec::new();
    }
    let (a_doc, b_doc) = (&alignment.documents[0], &alignment.documents[1]);
    let mut a_count: HashMap<String, usize> = HashMap::new();
    let mut b_count: HashMap<String, usize> = HashMap::new();
    let mut pair_count: HashMap<(String, String), usize> = HashMap::new();
    let mut written: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
    let mut after_article: HashMap<String, BTreeMap<(Article, String), usize>> = HashMap::new();
    // The first group where a pair occurs together: its texts are copied only for the
    // proposals made, not for every pair.
    let mut example: HashMap<(String, String), &Group> = HashMap::new();
    let mut groups = 0usize;
    for group in &alignment.groups {
        let (a_text, b_text) = group_texts(alignment, group);
        if a_text.is_empty() || b_text.is_empty() {
            continue;
        }
        let a_found = candidates(&a_text, a_doc.lang, options.max_words);
        let b_found = candidates(&b_text, b_doc.lang, options.max_words);
        let keys = |found: &[Candidate], side: char| -> BTreeSet<String> {
            found.iter().map(|c| format!("{side}{}", c.key)).collect()
        };
        let (a_keys, b_keys) = (keys(&a_found, 'a'), keys(&b_found, 'b'));
        if a_keys.len() > MAX_FORMS_PER_SIDE || b_keys.len() > MAX_FORMS_PER_SIDE {
            continue;
        }
        groups += 1;
        for (found, side) in [(a_found, 'a'), (b_found, 'b')] {
            for c in found {
                let key = format!("{side}{}", c.key);
                if let Some(article) = c.article {
                    *after_article
                        .entry(key.clone())
                        .or_default()
                        .entry((article, c.written.clone()))
                        .or_default() += 1;
                }
                *written
                    .entry(key)
                    .or_default()
                    .entry(c.written)
                    .or_default() += 1;
            }
        }
        for k in &a_keys {
            *a_count.entry(k.clone()).or_default() += 1;
        }
        for k in &b_keys {
            *b_count.entry(k.clone()).or_default() += 1;
        }
        for x in &a_keys {
            for y in &b_keys {
                let pair = (x.clone(), y.clone());
                *pair_count.entry(pair.clone()).or_default() += 1;
                example.entry(pair).or_insert(group);
            }
        }
    }
    let most_common = |counts: BTreeMap<&str, usize>| {
        counts
            .into_iter()
            .max_by_key(|(form, n)| (*n, Reverse(*form)))
            .map(|(form, _)| form.to_string())
    };
    // The dictionary form most often shown by an article, else the most written form.
    let form_to_list = |k: &str| {
        let forms: Vec<&str> = written[k].keys().map(String::as_str).collect();
        let mut shown: BTreeMap<String, usize> = BTreeMap::new();
        for ((article, w), n) in after_article.get(k).into_iter().flatten() {
            if let Some(form) = citation_form(w, *article, &forms) {
                *shown.entry(form).or_default() += n;
            }
        }
        let mut bare: BTreeMap<&str, usize> = BTreeMap::new();
        for (form, n) in &written[k] {
            *bare.entry(without_genitive(form, &written[k])).or_default() += n;
        }
        most_common(shown.iter().map(|(f, n)| (f.as_str(), *n)).collect())
            .or_else(|| most_common(bare))
            .unwrap_or_default()
    };
    let words_in = |k: &str| k.matches(' ').count() + 1;
    let mut scored: Vec<(f64, f64, String, String)> = pair_count
        .iter()
        .filter(|(_, n)| **n >= options.min_pairs)
        .map(|((x, y), &n)| {
            let (cx, cy) = (a_count[x] as f64, b_count[y] as f64);
            let dice = 2.0 * n as f64 / (cx + cy);
            let both = n as f64;
            let llr = log_likelihood(both, cx - both, cy - both, groups as f64 - cx - cy + both);
            (dice, llr, x.clone(), y.clone())
        })
        .filter(|(dice, ..)| *dice >= options.min_dice)
        .collect();
    // Best first: Dice, then log-likelihood, then forms of equal length, then longer
    // forms, then the forms themselves for a stable order.
    scored.sort_by(|p, q| {
        let length_gap = |x: &str, y: &str| words_in(x).abs_diff(words_in(y));
        q.0.total_cmp(&p.0)
            .then(q.1.total_cmp(&p.1))
            .then(length_gap(&p.2, &p.3).cmp(&length_gap(&q.2, &q.3)))
            .then((words_in(&q.2) + words_in(&q.3)).cmp(&(words_in(&p.2) + words_in(&p.3))))
            .then(p.2.cmp(&q.2))
            .then(p.3.cmp(&q.3))
    });
    // Competitive linking: each form is linked at most once.
    let mut linked_a: BTreeSet<&str> = BTreeSet::new();
    let mut linked_b: BTreeSet<&str> = BTreeSet::new();
    let mut accepted: Vec<(String, String, f64, f64)> = Vec::new();
    for (dice, llr, x, y) in &scored {
        if linked_a.contains(x.as_str()) || linked_b.contains(y.as_str()) {
            continue;
        }
        linked_a.insert(x);
        linked_b.insert(y);
        accepted.push((x.clone(), y.clone(), *dice, *llr));
    }
    // A pair inside a longer accepted pair that never occurs without it says nothing new
    // ("Trump" ↔ "Trump" beside "Donald Trump" ↔ "Donald Trump" when always together).
    let pairs_of = |x: &String, y: &String| pair_count[&(x.clone(), y.clone())];
    let redundant: Vec<bool> = accepted
        .iter()
        .map(|(x, y, ..)| {
            accepted.iter().any(|(lx, ly, ..)| {
                (lx != x || ly != y)
                    && contains_words(&lx[1..], &x[1..])
                    && contains_words(&ly[1..], &y[1..])
                    && a_count[x] == a_count[lx]
                    && b_count[y] == b_count[ly]
                    && pairs_of(x, y) == pairs_of(lx, ly)
            })
        })
        .collect();
    let accepted: Vec<(String, String, f64, f64)> = accepted
        .into_iter()
        .zip(redundant)
        .filter(|(_, r)| !r)
        .map(|(a, _)| a)
        .collect();
    let known_matcher = known.map(Matcher::new);
    accepted
        .into_iter()
        .map(|(x, y, dice, llr)| {
            let (source, target) = (form_to_list(&x), form_to_list(&y));
            let known = known_matcher.as_ref().and_then(|m| {
                known_concept(m, &source, a_doc.lang)
                    .or_else(|| known_concept(m, &target, b_doc.lang))
            });
            Proposal {
                source_count: a_count[&x],
                target_count: b_count[&y],
                pair_count: pair_count[&(x.clone(), y.clone())],
                example: group_texts(alignment, example[&(x.clone(), y.clone())]),
                source,
                target,
                dice: (dice * 1000.0).round() / 1000.0,
                llr: (llr * 10.0).round() / 10.0,
                known,
            }
        })
        .collect()
}

/// Endings of a name's possessive or genitive: "White House's", "Trumps", "Hauses".
const GENITIVE_ENDINGS: [&str; 6] = ["'s", "\u{2019}s", "'", "\u{2019}", "es", "s"];

/// `form` without a genitive ending, where the name is written without it too among
/// `forms` (so "McDonald's", never written otherwise, keeps its "'s").
fn without_genitive<'a>(form: &'a str, forms: &BTreeMap<String, usize>) -> &'a str {
    GENITIVE_ENDINGS
        .iter()
        .filter_map(|ending| form.strip_suffix(ending))
        .find(|base| forms.contains_key(*base))
        .unwrap_or(form)
}

/// Whether the words of key `outer` contain those of `inner` as a contiguous run.
fn contains_words(outer: &str, inner: &str) -> bool {
    format!(" {outer} ").contains(&format!(" {inner} "))
}

/// The concept whose term covers the whole of `form`, if any.
fn known_concept(matcher: &Matcher, form: &str, lang: Lang) -> Option<String> {
    let found = matcher.find(form, lang);
    found
        .mentions
        .into_iter()
        .find(|m| m.start == 0 && m.end == form.len())
        .map(|m| m.concept)
}

/// The proposals as a glossary of candidate entries (status `candidate`), with their
/// evidence in the concept note.
pub fn proposals_to_glossary(proposals: &[Proposal], source: Lang, target: Lang) -> Glossary {
    let mut used: HashSet<String> = HashSet::new();
    let concepts = proposals
        .iter()
        .map(|p| {
            let id = unique_id(slug(&p.source), &mut used);
            let term = |text: &str| Term {
                text: text.into(),
                status: TermStatus::Candidate,
                note: None,
            };
            let mut terms = BTreeMap::new();
            terms.insert(source, vec![term(&p.source)]);
            terms
                .entry(target)
                .or_insert_with(Vec::new)
                .push(term(&p.target));
            let known = p
                .known
                .as_ref()
                .map(|k| format!("known: {k}; "))
                .unwrap_or_default();
            let note = format!(
                "{known}pairs {} of {}/{}, dice {:.3}, llr {:.1}; e.g. «{}» ↔ «{}»",
                p.pair_count,
                p.source_count,
                p.target_count,
                p.dice,
                p.llr,
                p.example.0,
                p.example.1
            );
            Concept {
                id,
                entity_type: EntityType::Other,
                terms,
                note: Some(note),
            }
        })
        .collect();
    Glossary { concepts }
}

#[cfg(test)]
#[rustfmt::skip] // one case per line
mod tests;
