//! The word diff of two members: their tokens compared under NFC with `similar`'s
//! histogram diff (it anchors on the rarer, meaningful words rather than on "die" and
//! "der"), then
//! pieces merged so that a reviewer reads `[-sechs mexikanische-]{+mehrere+}` rather than
//! a change per word.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::model::{Change, WordChange};
use super::tokens::{Token, TokenKind};

/// A token's identity for the diff: a 64-bit hash of its text under NFC. Tokens the
/// diff calls equal are compared as text before they are reported equal (see
/// [`word_diff`]), so even a collision could not break the pieces.
pub(crate) fn token_id(written: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    match nfc_key(written) {
        Some(key) => key.hash(&mut hasher),
        None => written.hash(&mut hasher),
    }
    hasher.finish()
}

/// A word or punctuation token of a sentence, ready for the word diff (white space is
/// not diffed, see [`Unit`]). Small, as there is one for every token of every document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DiffToken {
    /// Where it is in its sentence.
    start: usize,
    end: usize,
    /// Its text under NFC, hashed, with the lowest bit set for a word (not
    /// punctuation).
    id: u64,
}

impl DiffToken {
    fn word(&self) -> bool {
        self.id & 1 == 1
    }
}

/// Whether `text` is in NFC, quickly: no character below U+0300 is ever changed by it.
pub(crate) fn is_nfc(text: &str) -> bool {
    text.chars().all(|c| c < '\u{300}') || is_nfc_quick(text.chars()) == IsNormalized::Yes
}

/// The NFC form of a token, when it is not written in NFC.
fn nfc_key(written: &str) -> Option<String> {
    if is_nfc(written) {
        return None;
    }
    let key: String = written.nfc().collect();
    (key != written).then_some(key)
}

/// The diff tokens of a sentence cut into `tokens`.
pub(crate) fn diff_tokens(text: &str, tokens: &[Token]) -> Vec<DiffToken> {
    let units = tokens.iter().filter(|t| t.kind != TokenKind::Space);
    let mut out = Vec::with_capacity(units.clone().count());
    out.extend(units.map(|token| DiffToken {
        start: token.start,
        end: token.end,
        id: token_id(token.text(text)) & !1 | u64::from(token.kind == TokenKind::Word),
    }));
    out
}

/// A unit of the word diff: a word or punctuation token with the white space after it.
/// White space is not diffed itself: runs of identical spaces would give the diff
/// matches that mean nothing, and twice the work.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// First byte of the token, in the member's text.
    start: usize,
    /// One past the token.
    token_end: usize,
    /// One past the white space after it.
    end: usize,
    word: bool,
}

/// A member's text (its sentences joined by one space) cut into units.
#[derive(Debug, Default)]
pub(crate) struct MemberText<'a> {
    /// Borrowed when the member is one sentence.
    text: Cow<'a, str>,
    /// White space before the first unit.
    lead: usize,
    units: Vec<Unit>,
    /// The units' ids, for the diff.
    ids: Vec<u64>,
}

impl<'a> MemberText<'a> {
    /// The member's text, its sentences joined with one space.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Joins sentences (text and tokens) with one space.
    pub(crate) fn join(sentences: &[(&'a str, &'a [DiffToken])]) -> MemberText<'a> {
        let count = sentences.iter().map(|(_, tokens)| tokens.len()).sum();
        let mut member = MemberText {
            text: match sentences {
                [(text, _)] => Cow::Borrowed(*text),
                _ => Cow::Owned(String::new()),
            },
            lead: 0,
            units: Vec::with_capacity(count),
            ids: Vec::with_capacity(count),
        };
        let mut offset = 0;
        for (i, (text, tokens)) in sentences.iter().enumerate() {
            if let Cow::Owned(joined) = &mut member.text {
                if i > 0 {
                    joined.push(' ');
                }
                offset = joined.len();
                joined.push_str(text);
            }
            for t in tokens.iter() {
                let start = t.start + offset;
                if let Some(last) = member.units.last_mut() {
                    last.end = start;
                }
                member.units.push(Unit {
                    start,
                    token_end: t.end + offset,
                    end: t.end + offset,
                    word: t.word(),
                });
                member.ids.push(t.id);
            }
        }
        let length = member.text.len();
        member.lead = member.units.first().map_or(length, |first| first.start);
        if let Some(last) = member.units.last_mut() {
            last.end = length;
        }
        member
    }

    /// The text of units `range`, with the white space after each.
    fn slice(&self, range: std::ops::Range<usize>) -> &str {
        if range.is_empty() {
            return "";
        }
        &self.text[self.units[range.start].start..self.units[range.end - 1].end]
    }

    fn token(&self, unit: usize) -> &str {
        &self.text[self.units[unit].start..self.units[unit].token_end]
    }

    fn gap(&self, unit: usize) -> &str {
        &self.text[self.units[unit].token_end..self.units[unit].end]
    }

    fn words(&self) -> usize {
        self.units.iter().filter(|u| u.word).count()
    }
}

/// The most units a side may have for the histogram diff. Its fallback (Myers) costs
/// the length times the number of differences: 12 of the 28 s that the diff of two
/// one-line texts of a million words took. A member this long is no sentence, and a
/// reviewer reads no word diff of it.
const MAX_DIFF_UNITS: usize = 5_000;

/// The diff of two id sequences: the histogram diff, or for sides longer than
/// [`MAX_DIFF_UNITS`] the common start and end equal and the middle replaced, which is
/// linear.
fn diff_ops(left: &[u64], right: &[u64]) -> Vec<DiffOp> {
    if left.len() <= MAX_DIFF_UNITS && right.len() <= MAX_DIFF_UNITS {
        return capture_diff_slices(Algorithm::Histogram, left, right);
    }
    let head = left.iter().zip(right).take_while(|(a, b)| a == b).count();
    let (l, r) = (&left[head..], &right[head..]);
    let tail = l
        .iter()
        .rev()
        .zip(r.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_len, new_len) = (l.len() - tail, r.len() - tail);
    let mut ops = Vec::with_capacity(3);
    if head > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: head,
        });
    }
    let (old_index, new_index) = (head, head);
    ops.extend(match (old_len, new_len) {
        (0, 0) => None,
        (_, 0) => Some(DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        }),
        (0, _) => Some(DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        }),
        _ => Some(DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        }),
    });
    if tail > 0 {
        let (old_index, new_index) = (head + old_len, head + new_len);
        ops.push(DiffOp::Equal {
            old_index,
            new_index,
            len: tail,
        });
    }
    ops
}

/// The word diff of `left` against `right` and the share of equal words, 0 to 1.
pub(crate) fn word_diff(left: &MemberText<'_>, right: &MemberText<'_>) -> (Vec<WordChange>, f64) {
    let ops = diff_ops(&left.ids, &right.ids);
    let mut pieces = Pieces::default();
    let (lead_l, lead_r) = (&left.text[..left.lead], &right.text[..right.lead]);
    if lead_l == lead_r {
        pieces.push(Change::Equal, lead_l);
    } else {
        pieces.push(Change::Delete, lead_l);
        pieces.push(Change::Insert, lead_r);
    }
    let mut equal_words = 0;
    for op in &ops {
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                equal_words += left.units[old.clone()].iter().filter(|u| u.word).count();
                let (l, r) = (left.slice(old.clone()), right.slice(new.clone()));
                if l == r {
                    pieces.push(Change::Equal, l);
                    continue;
                }
                // The same tokens with other white space after them, or the same under
                // NFC written differently: each side's pieces must still spell its text.
                for (a, b) in old.zip(new) {
                    let (l, r) = (left.slice(a..a + 1), right.slice(b..b + 1));
                    if l == r {
                        pieces.push(Change::Equal, l);
                    } else if left.token(a) == right.token(b) {
                        pieces.push(Change::Equal, left.token(a));
                        pieces.push(Change::Delete, left.gap(a));
                        pieces.push(Change::Insert, right.gap(b));
                    } else {
                        pieces.push(Change::Delete, l);
                        pieces.push(Change::Insert, r);
                    }
                }
            }
            DiffTag::Delete => pieces.push(Change::Delete, left.slice(old)),
            DiffTag::Insert => pieces.push(Change::Insert, right.slice(new)),
            DiffTag::Replace => {
                pieces.push(Change::Delete, left.slice(old));
                pieces.push(Change::Insert, right.slice(new));
            }
        }
    }
    let total = left.words() + right.words();
    let ratio = if total == 0 {
        1.0
    } else {
        (2 * equal_words) as f64 / total as f64
    };
    (pieces.compact(), ratio)
}

/// The length in bytes of the white space two texts share, char by char.
fn common_space(pairs: impl Iterator<Item = (char, char)>) -> usize {
    pairs
        .take_while(|(a, b)| a == b && a.is_whitespace())
        .map(|(a, _)| a.len_utf8())
        .sum()
}

/// Pieces as the diff produces them, before merging.
#[derive(Default)]
struct Pieces<'a> {
    raw: Vec<(Change, &'a str)>,
}

impl<'a> Pieces<'a> {
    fn push(&mut self, change: Change, text: &'a str) {
        if !text.is_empty() {
            self.raw.push((change, text));
        }
    }

    /// Merges the pieces: white space alone between two changes joins them (both
    /// sides); in every run of changes the deletions come first, then the insertions,
    /// each in order, so both texts are still spelt; and white space both sides of a
    /// run begin or end with is equal, outside the brackets.
    fn compact(self) -> Vec<WordChange> {
        let raw = self.raw;
        let changed = |i: usize| raw.get(i).is_some_and(|(c, _)| *c != Change::Equal);
        let mut out: Vec<WordChange> = Vec::new();
        let mut deleted = String::new();
        let mut inserted = String::new();
        fn equal(out: &mut Vec<WordChange>, text: &str) {
            if text.is_empty() {
                return;
            }
            match out.last_mut() {
                Some(last) if last.change == Change::Equal => last.text.push_str(text),
                _ => out.push(WordChange {
                    change: Change::Equal,
                    text: text.to_string(),
                }),
            }
        }
        let flush = |out: &mut Vec<WordChange>, deleted: &mut String, inserted: &mut String| {
            let (mut head, mut tail) = (0, 0);
            if !deleted.is_empty() && !inserted.is_empty() {
                head = common_space(deleted.chars().zip(inserted.chars()));
                let (d, i) = (&deleted[head..], &inserted[head..]);
                tail = common_space(d.chars().rev().zip(i.chars().rev()));
            }
            equal(out, &deleted[..head]);
            for (change, text) in [(Change::Delete, &*deleted), (Change::Insert, &*inserted)] {
                let body = &text[head..text.len() - tail];
                if !body.is_empty() {
                    out.push(WordChange {
                        change,
                        text: body.to_string(),
                    });
                }
            }
            equal(out, &deleted[deleted.len() - tail..]);
            deleted.clear();
            inserted.clear();
        };
        for (i, &(change, text)) in raw.iter().enumerate() {
            let absorbed = change == Change::Equal
                && text.chars().all(char::is_whitespace)
                && i > 0
                && changed(i - 1)
                && changed(i + 1);
            match change {
                Change::Equal if !absorbed => {
                    flush(&mut out, &mut deleted, &mut inserted);
                    equal(&mut out, text);
                }
                Change::Equal => {
                    deleted.push_str(text);
                    inserted.push_str(text);
                }
                Change::Delete => deleted.push_str(text),
                Change::Insert => inserted.push_str(text),
            }
        }
        flush(&mut out, &mut deleted, &mut inserted);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::model::spell;

    fn diff(left: &str, right: &str) -> (Vec<(Change, String)>, f64) {
        let tokens = |text: &str| diff_tokens(text, &super::super::tokens::tokenize(text));
        let (lt, rt) = (tokens(left), tokens(right));
        let (l, r) = (
            MemberText::join(&[(left, lt.as_slice())]),
            MemberText::join(&[(right, rt.as_slice())]),
        );
        let (pieces, ratio) = word_diff(&l, &r);
        assert_eq!(spell(&pieces, Change::Delete), left);
        assert_eq!(spell(&pieces, Change::Insert), right);
        (
            pieces.into_iter().map(|p| (p.change, p.text)).collect(),
            ratio,
        )
    }

    fn piece(change: Change, text: &str) -> (Change, String) {
        (change, text.to_string())
    }

    #[test]
    fn same_text_is_one_equal_piece() {
        let text = "Die Regierung lehnt das ab.";
        assert_eq!(diff(text, text), (vec![piece(Change::Equal, text)], 1.0));
    }

    #[test]
    fn changed_words_and_the_space_between_merge() {
        let (pieces, ratio) = diff(
            "Das Ministerium nannte sechs mexikanische Kartelle.",
            "Das Ministerium nannte mehrere große Kartelle.",
        );
        assert_eq!(
            pieces,
            [
                piece(Change::Equal, "Das Ministerium nannte "),
                piece(Change::Delete, "sechs mexikanische"),
                piece(Change::Insert, "mehrere große"),
                piece(Change::Equal, " Kartelle."),
            ]
        );
        // 4 of 6 words equal on each side.
        assert!((ratio - 8.0 / 12.0).abs() < 1e-9, "{ratio}");
    }

    #[test]
    fn punctuation_is_its_own_token() {
        let (pieces, _) = diff("Er kam, sah.", "Er kam; sah.");
        assert!(pieces.contains(&piece(Change::Delete, ",")), "{pieces:?}");
        assert!(pieces.contains(&piece(Change::Insert, ";")), "{pieces:?}");
    }

    #[test]
    fn nfc_equal_words_count_as_equal_and_keep_both_spellings() {
        let (pieces, ratio) = diff("Nicolás Maduro", "Nicola\u{301}s Maduro");
        assert_eq!(ratio, 1.0);
        assert_eq!(pieces[0], piece(Change::Delete, "Nicolás"));
        assert_eq!(pieces[1], piece(Change::Insert, "Nicola\u{301}s"));
    }

    #[test]
    fn a_side_beyond_the_limit_takes_the_linear_diff() {
        // The histogram diff fell back to Myers on long sides of few distinct words:
        // 12 s for a million words. Such sides keep their common start and end and
        // replace the middle, in one piece each.
        let mut seed = 7u32;
        let mut words = |n: usize| -> String {
            let pick = |s: &mut u32| {
                *s = s.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ["die", "der", "und", "zu", "hat"][(*s >> 16) as usize % 5]
            };
            (0..n)
                .map(|_| pick(&mut seed))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let n = MAX_DIFF_UNITS * 2;
        let (head, left, right, tail) = (words(100), words(n), words(n), words(100));
        let started = std::time::Instant::now();
        let (pieces, _) = diff(
            &format!("{head} {left} {tail}"),
            &format!("{head} {right} {tail}"),
        );
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
        let changes: Vec<Change> = pieces.iter().map(|p| p.0).collect();
        use Change::*;
        assert_eq!(changes, [Equal, Delete, Insert, Equal]);
        assert!(pieces[0].1.starts_with(&head) && pieces[3].1.ends_with(&tail));
    }

    #[test]
    fn empty_texts() {
        assert_eq!(diff("", ""), (vec![], 1.0));
        assert_eq!(diff("", "Neu."), (vec![piece(Change::Insert, "Neu.")], 0.0));
    }
}
