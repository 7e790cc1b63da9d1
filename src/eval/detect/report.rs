//! The benchmark's outcome: serialisable for `--format json`, and a readable table.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::case::Position;
use crate::Lang;

/// How a detector did on a set of cases: overall and per main language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetectReport {
    /// When set, only predicted spans with this language counted (e.g. `"en"` for
    /// Denglisch).
    pub require_lang: Option<String>,
    /// Wall-clock seconds spent in the detector.
    pub seconds: f64,
    /// Every case together.
    pub overall: Scores,
    /// The cases of each main language.
    pub by_main: BTreeMap<Lang, Scores>,
}

/// Scores over a group of cases.
///
/// Only scored tokens count (words; for Denglisch, tokens labelled English or German).
/// A token is flagged when a predicted span overlaps it. Ratios with nothing to divide
/// are 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Number of cases.
    pub sentences: usize,
    /// Cases without an inserted fragment (controls, and all Denglisch sentences).
    pub control_sentences: usize,
    /// Cases with an inserted fragment.
    pub inserted_sentences: usize,
    /// Bytes of text given to the detector.
    pub bytes: usize,
    /// Scored tokens.
    pub tokens: usize,
    /// Scored tokens that are foreign.
    pub foreign_tokens: usize,
    /// Scored tokens the detector flagged.
    pub flagged_tokens: usize,
    /// Foreign tokens the detector flagged.
    pub true_positives: usize,
    /// `true_positives / flagged_tokens`.
    pub precision: f64,
    /// `true_positives / foreign_tokens`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Clean tokens flagged in cases without an insertion: the false alarm rate on
    /// clean text (for Denglisch, the share of German tokens flagged).
    pub clean_flag_rate: Rate,
    /// Clean tokens flagged in inserted cases, outside the fragment: whether a
    /// fragment drags its neighbours along.
    pub context_flag_rate: Rate,
    /// Inserted cases where at least one fragment token was flagged.
    pub sentence_recall: Rate,
    /// Recall of fragment tokens by fragment length in tokens.
    pub recall_by_len: BTreeMap<usize, Rate>,
    /// Recall of fragment tokens by where the fragment was inserted.
    pub recall_by_position: BTreeMap<Position, Rate>,
    /// Recall of fragment tokens by the fragment's language.
    pub recall_by_lang: BTreeMap<Lang, Rate>,
}

/// A share: `hits` of `total`, and their ratio (0 when `total` is 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    /// Items counted.
    pub total: usize,
    /// Items with the property.
    pub hits: usize,
    /// `hits / total`.
    pub rate: f64,
}

impl Rate {
    /// Counts one item.
    pub(super) fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
        self.rate = ratio(self.hits, self.total);
    }
}

/// `a / b`, or 0 when `b` is 0.
pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl DetectReport {
    /// The report as aligned plain-text tables.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let all = &self.overall;
        let mb_per_s = if self.seconds > 0.0 {
            all.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        };
        let _ = write!(
            out,
            "fragment detection: {} sentences, {} scored tokens, {:.2} s ({mb_per_s:.2} MB/s)",
            all.sentences, all.tokens, self.seconds
        );
        if let Some(lang) = &self.require_lang {
            let _ = write!(out, ", only spans labelled '{lang}'");
        }
        out.push_str("\n\n");
        let rows = self.rows();
        let _ = writeln!(
            out,
            "{:<5} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6} {:>6} {:>7} {:>6}",
            "main",
            "sents",
            "ctrl",
            "ins",
            "tokens",
            "foreign",
            "flagged",
            "P",
            "R",
            "F1",
            "clean",
            "context",
            "sent-R"
        );
        for (name, s) in &rows {
            let _ = writeln!(
                out,
                "{name:<5} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>7} {:>6}",
                s.sentences,
                s.control_sentences,
                s.inserted_sentences,
                s.tokens,
                s.foreign_tokens,
                s.flagged_tokens,
                s.precision,
                s.recall,
                s.f1,
                rate(&s.clean_flag_rate),
                rate(&s.context_flag_rate),
                rate(&s.sentence_recall),
            );
        }
        if all.inserted_sentences > 0 {
            let lens = ["1", "2", "3"];
            table(&mut out, "recall by length", &lens, &rows, |s, i| {
                s.recall_by_len.get(&(i + 1)).copied()
            });
            let positions = Position::ALL.map(Position::name);
            table(&mut out, "recall by position", &positions, &rows, |s, i| {
                s.recall_by_position.get(&Position::ALL[i]).copied()
            });
            let langs = Lang::ALL.map(Lang::code);
            table(
                &mut out,
                "recall by fragment language",
                &langs,
                &rows,
                |s, i| s.recall_by_lang.get(&Lang::ALL[i]).copied(),
            );
        }
        out
    }

    /// One row per main language, then `all` when there is more than one.
    fn rows(&self) -> Vec<(String, &Scores)> {
        let mut rows: Vec<(String, &Scores)> = self
            .by_main
            .iter()
            .map(|(lang, s)| (lang.code().to_string(), s))
            .collect();
        if rows.len() != 1 {
            rows.push(("all".to_string(), &self.overall));
        }
        rows
    }
}

/// Writes a breakdown table: one row per group, one column per key; `cell` gives the
/// rate of a group for the column at an index.
fn table(
    out: &mut String,
    title: &str,
    columns: &[&str],
    rows: &[(String, &Scores)],
    cell: impl Fn(&Scores, usize) -> Option<Rate>,
) {
    let _ = write!(out, "\n{title:<28}");
    for name in columns {
        let _ = write!(out, " {name:>6}");
    }
    out.push('\n');
    for (name, scores) in rows {
        let _ = write!(out, "{name:<28}");
        for i in 0..columns.len() {
            let text = cell(scores, i).map_or_else(|| "-".to_string(), |r| rate(&r));
            let _ = write!(out, " {text:>6}");
        }
        out.push('\n');
    }
}

/// A rate with three decimals, or `-` when nothing was counted.
fn rate(r: &Rate) -> String {
    if r.total == 0 {
        "-".to_string()
    } else {
        format!("{:.3}", r.rate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_counts_and_divides() {
        let mut r = Rate::default();
        assert_eq!(r.rate, 0.0);
        r.add(true);
        r.add(false);
        r.add(false);
        r.add(true);
        assert_eq!((r.total, r.hits, r.rate), (4, 2, 0.5));
    }

    #[test]
    fn ratio_of_nothing_is_zero() {
        assert_eq!(ratio(0, 0), 0.0);
        assert_eq!(ratio(1, 4), 0.25);
    }

    #[test]
    fn empty_rates_print_as_dash() {
        assert_eq!(rate(&Rate::default()), "-");
        let mut r = Rate::default();
        r.add(true);
        assert_eq!(rate(&r), "1.000");
    }
}
