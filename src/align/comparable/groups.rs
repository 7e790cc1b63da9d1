//! From candidate pairs to groups. Two sentences of different documents belong together
//! when each is the other's best match in its document, they are similar enough, and
//! they share at least two facts (one shared word is not enough: headlines and
//! boilerplate share a word with many sentences). A line without closing punctuation (a
//! headline, a byline, a link label) pairs only with another such line.
//!
//! Pairs join into N-way groups only when every sentence of one group would be a valid
//! pair with every sentence of the other (complete linkage, checked on the first
//! [`LINKAGE_SAMPLE`] members of each, and at 0.8 of the least similarity): a chain
//! A~B, B~C does not put A and C together when they have nothing in common.
//!
//! A sentence left alone joins the group of its best match when that group already
//! holds a sentence of its own document close by (at most one sentence between them)
//! and it brings facts of that match its sibling does not: the fact is split over two
//! sentences there. A sentence that only repeats what its sibling already shares (a
//! repeated headline, a summary), or stands far from it, stays alone.

use rustc_hash::FxHashMap;

use super::features::{Kind, Vector};

/// Union-find over sentence indices, smallest index as representative for stability.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut node = x;
        while self.parent[node] != root {
            let next = self.parent[node];
            self.parent[node] = root;
            node = next;
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (low, high) = (ra.min(rb), ra.max(rb));
            self.parent[high] = low;
        }
    }
}

/// Settings of the grouping.
#[derive(Debug, Clone, Copy)]
pub(super) struct Thresholds {
    /// The least cosine similarity of two aligned sentences.
    pub(super) similarity: f32,
    /// The least number of shared strong features (stems, concepts, numbers).
    pub(super) shared: usize,
    /// The least similarity of sentences that share a group without being each other's
    /// best match (through a merge of groups or a split fact), as a share of
    /// `similarity`.
    pub(super) split_share: f32,
}

/// At most this many sentences of each group are compared when two groups merge, which
/// bounds the work on very large corpora where a fact is told by thousands of outlets.
const LINKAGE_SAMPLE: usize = 16;

/// How far (in sentences of its document) a sentence may stand from the sibling whose
/// fact it completes: a fact split over sentences is told in neighbouring ones, while a
/// sentence far away that shares facts with the group repeats or summarises them. On
/// the seeds gold, precision 0.26 → 0.32 at equal recall; 1 loses a pair, wider windows
/// let summaries in.
const SPLIT_WINDOW: usize = 2;

/// A scored pair of sentences.
#[derive(Debug, Clone, Copy)]
struct Link {
    other: usize,
    similarity: f32,
}

/// Groups of sentence indices (each sorted), covering every sentence exactly once.
/// `order[s]` is a key that orders sentences independently of the input order of
/// documents (their ids and positions), used to break ties.
pub(super) fn group(
    docs: &[usize],
    titles: &[bool],
    vectors: &[&Vector],
    kinds: &[Kind],
    candidates: &[Vec<usize>],
    order: &[(String, usize)],
    thresholds: Thresholds,
) -> Vec<Vec<usize>> {
    let n = docs.len();
    // The similarity of two sentences when they may share a group at all: similar
    // enough, and sharing two facts or saying exactly the same.
    let acceptable = |a: usize, b: usize| {
        let (similarity, shared) = vectors[a].compare(vectors[b], kinds);
        let enough = shared >= thresholds.shared || same_facts(vectors[a], vectors[b]);
        (similarity >= thresholds.similarity * thresholds.split_share && enough)
            .then_some(similarity)
    };
    // The best valid link of each sentence into each other document.
    let mut best: Vec<Vec<(usize, Link)>> = vec![Vec::new(); n];
    for s in 0..n {
        for &c in &candidates[s] {
            if titles[s] != titles[c] {
                continue;
            }
            let Some(similarity) = acceptable(s, c) else {
                continue;
            };
            let link = Link {
                other: c,
                similarity,
            };
            match best[s].iter_mut().find(|(d, _)| *d == docs[c]) {
                Some((_, current)) if better(&link, current, order) => *current = link,
                Some(_) => {}
                None => best[s].push((docs[c], link)),
            }
        }
    }
    let best_in = |s: usize, doc: usize| best[s].iter().find(|(d, _)| *d == doc).map(|(_, l)| *l);
    let mut mutual: Vec<(usize, usize, f32)> = Vec::new();
    for s in 0..n {
        for &(_, link) in &best[s] {
            let t = link.other;
            let back = best_in(t, docs[s]).is_some_and(|back| back.other == s);
            if back && s < t && link.similarity >= thresholds.similarity {
                mutual.push((s, t, link.similarity));
            }
        }
    }
    // Most similar pairs first; two groups merge only when they have no document in
    // common, so a chain of pairs cannot pull unrelated sentences of one document
    // together.
    // Ties are broken by the pair's keys, smaller first: `s < t` is input order, which
    // must not decide.
    let key = |&(s, t, _): &(usize, usize, f32)| {
        let (a, b) = (&order[s], &order[t]);
        if a <= b { (a, b) } else { (b, a) }
    };
    mutual.sort_by(|a, b| b.2.total_cmp(&a.2).then(key(a).cmp(&key(b))));
    let mut sets = Sets::new(n);
    let mut group_docs: Vec<Vec<usize>> = docs.iter().map(|&d| vec![d]).collect();
    let mut group_members: Vec<Vec<usize>> = (0..n).map(|s| vec![s]).collect();
    let valid = |a: usize, b: usize| acceptable(a, b).is_some();
    for (s, t, _) in mutual {
        let (rs, rt) = (sets.find(s), sets.find(t));
        if rs == rt || group_docs[rs].iter().any(|d| group_docs[rt].contains(d)) {
            continue;
        }
        let linked = group_members[rs].iter().take(LINKAGE_SAMPLE).all(|&a| {
            group_members[rt]
                .iter()
                .take(LINKAGE_SAMPLE)
                .all(|&b| (a == s && b == t) || valid(a, b))
        });
        if !linked {
            continue;
        }
        sets.union(s, t);
        let root = sets.find(s);
        let other = if root == rs { rt } else { rs };
        let docs_moved = std::mem::take(&mut group_docs[other]);
        group_docs[root].extend(docs_moved);
        let members_moved = std::mem::take(&mut group_members[other]);
        group_members[root].extend(members_moved);
    }
    // Split facts: decided on the groups of mutual pairs, all at once, so that the
    // result does not depend on the order sentences are visited in.
    let roots: Vec<usize> = (0..n).map(|s| sets.find(s)).collect();
    let mut members: FxHashMap<usize, (usize, Vec<usize>)> = FxHashMap::default();
    for s in 0..n {
        let entry = members.entry(roots[s]).or_default();
        entry.0 += 1;
        entry.1.push(docs[s]);
    }
    let mut joins = Vec::new();
    for s in 0..n {
        if members[&roots[s]].0 > 1 {
            continue;
        }
        let mut links = best[s].iter().map(|(_, l)| *l);
        let Some(first) = links.next() else {
            continue;
        };
        let link = links.fold(
            first,
            |kept, l| if better(&l, &kept, order) { l } else { kept },
        );
        let t = link.other;
        if link.similarity < thresholds.similarity * thresholds.split_share
            || !members[&roots[t]].1.contains(&docs[s])
        {
            continue;
        }
        // The facts `s` shares with `t` that no sentence of its own document in the
        // group shares with `t` already.
        let siblings: Vec<usize> = group_members[roots[t]]
            .iter()
            .copied()
            .filter(|&x| docs[x] == docs[s])
            .collect();
        let near = |x: usize| order[x].1.abs_diff(order[s].1) <= SPLIT_WINDOW;
        if !siblings.iter().copied().any(near) {
            continue;
        }
        let novel = shared_strong(vectors[s], vectors[t], kinds)
            .into_iter()
            .filter(|f| {
                !siblings
                    .iter()
                    .any(|&x| shared_strong(vectors[x], vectors[t], kinds).contains(f))
            })
            .count();
        if novel >= thresholds.shared {
            joins.push((s, t));
        }
    }
    for (s, t) in joins {
        sets.union(s, t);
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for s in 0..n {
        by_root.entry(sets.find(s)).or_default().push(s);
    }
    by_root.into_values().collect()
}

/// Whether two sentences have exactly the same features, and some: they say the same,
/// even when that is a single fact ("Mehrere Nummer 1."), so the rule that one shared
/// word is not enough does not apply. A document aligned with itself pairs every such
/// sentence with its copy.
fn same_facts(a: &Vector, b: &Vector) -> bool {
    !a.entries.is_empty()
        && a.entries.len() == b.entries.len()
        && a.entries.iter().zip(&b.entries).all(|(x, y)| x.0 == y.0)
}

/// The strong features (stems, concepts, numbers) two vectors share.
fn shared_strong(a: &Vector, b: &Vector, kinds: &[Kind]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    let (a, b) = (&a.entries, &b.entries);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if kinds[a[i].0 as usize].is_strong() {
                    out.push(a[i].0);
                }
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Whether `a` is a better link than `b`: more similar, or as similar and first in the
/// input-independent order.
fn better(a: &Link, b: &Link, order: &[(String, usize)]) -> bool {
    a.similarity > b.similarity || (a.similarity == b.similarity && order[a.other] < order[b.other])
}
