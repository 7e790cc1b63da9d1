//! Running a detector over cases and counting what it got right.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use super::case::{Case, Predicted};
use super::report::{DetectReport, Scores, ratio};
use crate::Lang;

/// How predictions are matched against the gold labels.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreOptions {
    /// Count only predicted spans with this language (e.g. `"en"`: for Denglisch, a token
    /// is predicted English only when an English span overlaps it). `None` counts every
    /// span as foreign.
    pub require_lang: Option<String>,
}

/// Runs `detect` on every case (with the case's main language) and scores it: a token
/// counts as flagged when any predicted span overlaps it.
pub fn score(cases: &[Case], detect: &dyn Fn(&str, Lang) -> Vec<Predicted>) -> DetectReport {
    score_with(cases, detect, &ScoreOptions::default())
}

/// [`score`] with options.
pub fn score_with(
    cases: &[Case],
    detect: &dyn Fn(&str, Lang) -> Vec<Predicted>,
    options: &ScoreOptions,
) -> DetectReport {
    let mut overall = Scores::default();
    let mut by_main: BTreeMap<Lang, Scores> = BTreeMap::new();
    let mut seconds = 0.0;
    for case in cases {
        let started = Instant::now();
        let predicted = detect(&case.text, case.main);
        seconds += started.elapsed().as_secs_f64();
        let spans: Vec<&Predicted> = predicted
            .iter()
            .filter(|p| p.start < p.end)
            .filter(|p| options.require_lang.as_ref().is_none_or(|l| *l == p.lang))
            .collect();
        let flagged: Vec<bool> = case
            .tokens
            .iter()
            .map(|t| spans.iter().any(|p| p.start < t.end && t.start < p.end))
            .collect();
        count(&mut overall, case, &flagged);
        count(by_main.entry(case.main).or_default(), case, &flagged);
    }
    for scores in std::iter::once(&mut overall).chain(by_main.values_mut()) {
        finish(scores);
    }
    DetectReport {
        require_lang: options.require_lang.clone(),
        seconds,
        overall,
        by_main,
    }
}

/// Adds one case, whose tokens were flagged as in `flagged`, to the counts.
fn count(s: &mut Scores, case: &Case, flagged: &[bool]) {
    s.sentences += 1;
    s.bytes += case.text.len();
    match case.inserted {
        Some(_) => s.inserted_sentences += 1,
        None => s.control_sentences += 1,
    }
    let mut fragment_found = false;
    for (token, &hit) in case.tokens.iter().zip(flagged) {
        if !token.is_word {
            continue;
        }
        s.tokens += 1;
        s.flagged_tokens += usize::from(hit);
        if token.foreign {
            s.foreign_tokens += 1;
            s.true_positives += usize::from(hit);
        }
        match (case.inserted, token.foreign) {
            (None, false) => s.clean_flag_rate.add(hit),
            (None, true) => {}
            (Some(_), false) => s.context_flag_rate.add(hit),
            (Some(insertion), true) => {
                fragment_found |= hit;
                s.recall_by_len.entry(insertion.len).or_default().add(hit);
                let position = s.recall_by_position.entry(insertion.position);
                position.or_default().add(hit);
                s.recall_by_lang.entry(insertion.lang).or_default().add(hit);
            }
        }
    }
    if case.inserted.is_some() {
        s.sentence_recall.add(fragment_found);
    }
}

/// Computes the ratios from the counts.
fn finish(s: &mut Scores) {
    s.precision = ratio(s.true_positives, s.flagged_tokens);
    s.recall = ratio(s.true_positives, s.foreign_tokens);
    s.f1 = if s.precision + s.recall > 0.0 {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    } else {
        0.0
    };
}

#[cfg(test)]
mod tests {
    use super::super::case::{GoldToken, Insertion, Position};
    use super::*;

    /// A case from `word` tokens; a `*` prefix marks a foreign token, `.` is punctuation.
    fn case(main: Lang, words: &str, inserted: Option<Insertion>) -> Case {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for word in words.split(' ') {
            let (form, foreign) = match word.strip_prefix('*') {
                Some(w) => (w, true),
                None => (word, false),
            };
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(form);
            tokens.push(GoldToken {
                start,
                end: text.len(),
                foreign,
                is_word: form != ".",
            });
        }
        Case {
            id: String::new(),
            main,
            text,
            tokens,
            inserted,
        }
    }

    fn insertion(lang: Lang, len: usize, position: Position) -> Option<Insertion> {
        Some(Insertion {
            lang,
            len,
            position,
        })
    }

    fn cases() -> Vec<Case> {
        vec![
            case(
                Lang::De,
                "*según sagt er .",
                insertion(Lang::Es, 1, Position::Start),
            ),
            case(
                Lang::De,
                "er sagt *of *course .",
                insertion(Lang::En, 2, Position::End),
            ),
            case(Lang::De, "alles gut .", None),
            case(
                Lang::En,
                "we *ganz *schnell *jetzt go",
                insertion(Lang::De, 3, Position::Middle),
            ),
        ]
    }

    /// Flags exactly the gold foreign tokens, as one span each.
    fn perfect(all: &[Case]) -> impl Fn(&str, Lang) -> Vec<Predicted> + '_ {
        move |text, _| {
            let case = all.iter().find(|c| c.text == text).unwrap();
            case.tokens
                .iter()
                .filter(|t| t.foreign)
                .map(|t| Predicted {
                    start: t.start,
                    end: t.end,
                    lang: "xx".into(),
                })
                .collect()
        }
    }

    #[test]
    fn perfect_detector_scores_one() {
        let all = cases();
        let report = score(&all, &perfect(&all));
        let s = &report.overall;
        assert_eq!(
            (s.sentences, s.control_sentences, s.inserted_sentences),
            (4, 1, 3)
        );
        assert_eq!((s.tokens, s.foreign_tokens, s.true_positives), (14, 6, 6));
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!(s.clean_flag_rate.total, 2);
        assert_eq!(s.clean_flag_rate.rate, 0.0);
        assert_eq!(s.context_flag_rate.total, 6);
        assert_eq!(s.sentence_recall.rate, 1.0);
        assert_eq!(s.recall_by_len[&3].total, 3);
        assert_eq!(s.recall_by_position[&Position::End].total, 2);
        assert_eq!(s.recall_by_lang[&Lang::Es].rate, 1.0);
        assert_eq!(report.by_main[&Lang::De].tokens, 9);
        assert_eq!(report.by_main[&Lang::En].foreign_tokens, 3);
    }

    #[test]
    fn silent_detector_finds_nothing() {
        let report = score(&cases(), &|_, _| Vec::new());
        let s = &report.overall;
        assert_eq!((s.precision, s.recall, s.f1), (0.0, 0.0, 0.0));
        assert_eq!(s.clean_flag_rate.rate, 0.0);
        assert_eq!(s.sentence_recall.rate, 0.0);
        assert_eq!(s.recall_by_len[&1].rate, 0.0);
    }

    #[test]
    fn flag_everything_detector() {
        let report = score(&cases(), &|text, _| {
            vec![Predicted {
                start: 0,
                end: text.len(),
                lang: "xx".into(),
            }]
        });
        let s = &report.overall;
        assert_eq!(s.flagged_tokens, 14);
        assert_eq!(s.recall, 1.0);
        assert!((s.precision - 6.0 / 14.0).abs() < 1e-12);
        let f1 = 2.0 * (6.0 / 14.0) / (6.0 / 14.0 + 1.0);
        assert!((s.f1 - f1).abs() < 1e-12);
        assert_eq!(s.clean_flag_rate.rate, 1.0);
        assert_eq!(s.context_flag_rate.rate, 1.0);
    }

    #[test]
    fn partial_overlap_counts_and_punctuation_is_not_scored() {
        // One span from the middle of "según" into "sagt"; one over the final ".".
        let all = vec![case(
            Lang::De,
            "*según sagt er .",
            insertion(Lang::Es, 1, Position::Start),
        )];
        let report = score(&all, &|_, _| {
            vec![
                Predicted {
                    start: 3,
                    end: 9,
                    lang: "es".into(),
                },
                Predicted {
                    start: 15,
                    end: 16,
                    lang: "es".into(),
                },
            ]
        });
        let s = &report.overall;
        assert_eq!((s.flagged_tokens, s.true_positives), (2, 1));
        assert_eq!(s.precision, 0.5);
        assert_eq!(s.context_flag_rate.hits, 1);
    }

    #[test]
    fn require_lang_ignores_other_spans() {
        let all = vec![case(Lang::De, "so *nice und *cool", None)];
        let detect = |_: &str, _: Lang| {
            vec![
                Predicted {
                    start: 3,
                    end: 7,
                    lang: "en".into(),
                },
                Predicted {
                    start: 12,
                    end: 16,
                    lang: "nl".into(),
                },
            ]
        };
        let any = score(&all, &detect).overall;
        assert_eq!(any.recall, 1.0);
        let options = ScoreOptions {
            require_lang: Some("en".into()),
        };
        let report = score_with(&all, &detect, &options);
        assert_eq!(report.overall.recall, 0.5);
        assert_eq!(report.require_lang.as_deref(), Some("en"));
        // Without an insertion, German tokens are the clean ones.
        assert_eq!(report.overall.clean_flag_rate.total, 2);
    }

    #[test]
    fn report_serializes_and_prints() {
        let all = cases();
        let report = score(&all, &perfect(&all));
        let json = serde_json::to_string(&report).unwrap();
        assert!(
            json.contains("\"recall_by_position\":{\"start\":"),
            "{json}"
        );
        let back: DetectReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back.by_main, report.by_main);
        let text = report.to_text();
        assert!(text.contains("recall by fragment language"), "{text}");
        let de_row = text.lines().find(|l| l.starts_with("de ")).unwrap();
        assert!(de_row.contains("1.000"), "{de_row}");
        assert!(text.lines().any(|l| l.starts_with("all ")), "{text}");
    }

    #[test]
    fn empty_input_is_all_zero() {
        let report = score(&[], &|_, _| Vec::new());
        assert_eq!(report.overall, Scores::default());
        assert!(report.by_main.is_empty());
        assert!(!report.to_text().contains("recall by length"));
    }
}
