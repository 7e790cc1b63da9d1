//! Word-level benchmarks for mixed-language fragment detection.
//!
//! A detector under test is any closure `Fn(&str, Lang) -> Vec<Predicted>`: given a
//! sentence and its main language, it returns the byte spans it thinks are in another
//! language. It is scored per token: a gold token counts as flagged when any predicted
//! span overlaps it. Only words are scored; punctuation and numbers carry no language.
//!
//! # Insertion benchmark ([`insertion_cases`])
//!
//! Machine translation leaves short foreign fragments in otherwise clean text: one word
//! ("Según" at the start of a German sentence) more often than a clause. No public gold
//! data has that shape, so the benchmark builds it from Universal Dependencies test
//! treebanks (de, en, es, fr, it, pt, nl), whose tokens, parts of speech and spacing are
//! hand-checked:
//!
//! - every sentence of a main language's treebank becomes one case; a quarter of them
//!   (at random) stay clean controls, which measure false alarms on clean text;
//! - the others receive 1, 2 or 3 consecutive tokens (uniform) from a random sentence
//!   of one of the other six treebanks (uniform), at the start, in the middle or at the
//!   end (uniform; the end is before the final punctuation). Fragments hold no names
//!   (`PROPN`: names are not fragments by definition of the task), numbers, symbols,
//!   punctuation, `X` tokens or one-letter contractions; when 20 draws find none, the
//!   sentence stays a control, as it does when it has no inner boundary for a middle
//!   insertion (a boundary with a space, not before punctuation);
//! - the treebanks' own foreign words are kept out of both sides: a token a treebank
//!   marks foreign (`Foreign=Yes`, `Lang=`, the tags `FM` and `FW`) or tags `X` is never
//!   drawn into a fragment, and in a host sentence it is not scored, since its
//!   language is not vouched for (German GSD has "a la malaguena" in a menu, Spanish
//!   GSD English "low cost"): flagging it is neither a false alarm nor a find;
//! - a fragment must be foreign: a run whose every word also occurs (in any case) in
//!   the main language's treebank is not drawn, since it is a word of the main language
//!   too (Dutch "in" in German, Portuguese "de" in Spanish); `keep_ambiguous` draws them
//!   anyway, to measure how many such words a detector still finds;
//! - letter case follows the new position, so that capitals do not give the fragment
//!   away: a fragment at the start is capitalised and the host's first word lowercased,
//!   a fragment from the start of its source sentence is lowercased elsewhere; names,
//!   German nouns, English "I" and acronyms keep their capitals;
//! - [`Split::Dev`] uses the even-numbered sentences of every treebank (as hosts and as
//!   fragment sources) and [`Split::Test`] the odd-numbered ones, so a detector can be
//!   tuned on one half and reported on the other;
//! - everything is drawn from a SplitMix64 stream per host sentence, derived from the
//!   seed, so a seed gives the same cases on every machine and crate version.
//!
//! # Denglisch benchmark ([`denglisch_cases`])
//!
//! Natural German–English code-switching from social media, manually labelled per token
//! (Osmelak & Wintner, SIGTYP 2023). German-dominant sentences become cases with German
//! as the main language; English tokens are the foreign ones and German tokens the
//! clean ones. With [`ScoreOptions::require_lang`] set to `"en"`, only spans the
//! detector labels English count.
//!
//! # Measures ([`DetectReport`])
//!
//! Token precision, recall and F1 of foreign tokens; recall by fragment length,
//! position and language; the share of clean tokens flagged in clean sentences (false
//! alarms) and around inserted fragments (spill-over); and the share of inserted
//! sentences where any fragment token was found. All per main language and overall.
//!
//! The gold files are read at evaluation time and never copied into the repository:
//! the Denglisch corpus has no licence, and UD Italian ISDT is non-commercial.
//!
//! ```
//! use std::path::Path;
//! use tandem::eval::detect::{Predicted, parse_denglisch, score};
//!
//! let csv = "source,user_name,sen_id,sen_num,token,categ\n\
//!            s,u,p,1,Das,2\ns,u,p,1,ist,2\ns,u,p,1,nice,1\ns,u,p,1,,<EOS>\n";
//! let cases = parse_denglisch(Path::new("mini.csv"), csv)?;
//! let flag_nice = |text: &str, _| match text.find("nice") {
//!     Some(start) => vec![Predicted { start, end: start + 4, lang: "en".into() }],
//!     None => Vec::new(),
//! };
//! let report = score(&cases, &flag_nice);
//! assert_eq!(report.overall.f1, 1.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod case;
mod conllu;
mod csv;
mod denglisch;
mod insertion;
mod report;
mod rng;
mod score;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

pub use case::{Case, GoldToken, Insertion, Position, Predicted, tandem_predictions};
pub use conllu::{UdToken, parse_conllu, read_conllu};
pub use denglisch::parse_denglisch;
pub use insertion::{DEFAULT_MAINS, Split, Treebank, insert_fragments};
pub use report::{DetectReport, Rate, Scores};
pub use score::{ScoreOptions, score, score_with};

use crate::{Error, Lang, Result};

/// Builds the insertion benchmark from the UD treebanks in `ud_dir` (see the module
/// docs): one case per sentence of each language of `mains` in `split`. A main
/// language whose treebank has no sentence in `split` is an error naming its file.
pub fn insertion_cases(
    ud_dir: &Path,
    mains: &[Lang],
    seed: u64,
    split: Split,
    keep_ambiguous: bool,
) -> Result<Vec<Case>> {
    let treebanks = read_treebanks(ud_dir)?;
    let cases = insert_fragments(&treebanks, mains, seed, split, keep_ambiguous);
    for &main in mains {
        if !cases.iter().any(|c| c.main == main) {
            return Err(Error::NoCases {
                path: treebank_path(ud_dir, main)?,
                what: format!("a sentence in split {}", split.name()),
            });
        }
    }
    Ok(cases)
}

/// Reads the treebank of every supported language from `ud_dir`.
pub fn read_treebanks(ud_dir: &Path) -> Result<BTreeMap<Lang, Treebank>> {
    Lang::ALL
        .into_iter()
        .map(|lang| Ok((lang, read_conllu(&treebank_path(ud_dir, lang)?)?)))
        .collect()
}

/// The treebank file of `lang` in `ud_dir`: a `.conllu` file whose name starts with the
/// language code and `_` (`de_gsd-ud-test.conllu`), preferring a test split when there
/// are several.
pub fn treebank_path(ud_dir: &Path, lang: Lang) -> Result<PathBuf> {
    let io_error = |source| Error::Io {
        path: ud_dir.to_path_buf(),
        source,
    };
    let prefix = format!("{}_", lang.code());
    let mut names: Vec<String> = std::fs::read_dir(ud_dir)
        .map_err(io_error)?
        .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<io::Result<_>>()
        .map_err(io_error)?;
    names.retain(|n| n.starts_with(&prefix) && n.ends_with(".conllu"));
    names.sort_by_key(|n| (!n.contains("-test"), n.clone()));
    match names.first() {
        Some(name) => Ok(ud_dir.join(name)),
        None => Err(Error::MissingTreebank {
            dir: ud_dir.to_path_buf(),
            lang: lang.code().to_string(),
        }),
    }
}

/// Reads the Denglisch corpus CSV (`Manu_corpus.csv`) into cases: its German-dominant
/// sentences, German as the main language, English tokens foreign (see the module docs).
pub fn denglisch_cases(csv: &Path) -> Result<Vec<Case>> {
    denglisch::read_denglisch(csv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn treebank_files_are_found_by_prefix() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "de_hdt-ud-train.conllu",
            "de_gsd-ud-test.conllu",
            "den_x.conllu",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::write(dir.path().join("en_ewt.conllu"), "").unwrap();
        let de = treebank_path(dir.path(), Lang::De).unwrap();
        assert!(de.ends_with("de_gsd-ud-test.conllu"), "{de:?}");
        let en = treebank_path(dir.path(), Lang::En).unwrap();
        assert!(en.ends_with("en_ewt.conllu"), "{en:?}");
        let err = treebank_path(dir.path(), Lang::Nl).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("no treebank for 'nl' (expected a file named nl_*.conllu)"),
            "{err}"
        );
    }

    #[test]
    fn insertion_cases_from_files() {
        let dir = tempfile::tempdir().unwrap();
        for lang in Lang::ALL {
            let word = format!("{}wort", lang.code());
            let conllu: String = (1..=4)
                .map(|i| {
                    format!(
                        "# text = x\n1\t{word}\t_\tNOUN\t_\t_\t0\troot\t_\t_\n\
                         2\t{word}{i}\t_\tVERB\t_\t_\t1\tobj\t_\tSpaceAfter=No\n\
                         3\t.\t_\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n"
                    )
                })
                .collect();
            let path = dir
                .path()
                .join(format!("{}_toy-ud-test.conllu", lang.code()));
            std::fs::write(path, conllu).unwrap();
        }
        let cases = insertion_cases(dir.path(), &[Lang::Nl], 9, Split::Test, false).unwrap();
        assert_eq!(cases.len(), 2);
        assert!(
            cases
                .iter()
                .all(|c| c.main == Lang::Nl && c.text.ends_with('.'))
        );
        let nl = treebank_path(dir.path(), Lang::Nl).unwrap();
        std::fs::write(
            &nl,
            "# text = x\n1\tnlwort\t_\tNOUN\t_\t_\t0\troot\t_\t_\n\n",
        )
        .unwrap();
        let err = insertion_cases(dir.path(), &[Lang::Nl], 9, Split::Test, false).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: holds no usable sentence (a sentence in split test)",
                nl.display()
            )
        );
        std::fs::write(&nl, "").unwrap();
        let err = insertion_cases(dir.path(), &[Lang::Nl], 9, Split::All, false).unwrap_err();
        assert!(matches!(err, Error::NoCases { .. }), "{err}");
        let missing = insertion_cases(&dir.path().join("nope"), &[Lang::Nl], 9, Split::All, false);
        assert!(
            matches!(missing, Err(Error::Io { .. })),
            "a missing folder is an I/O error"
        );
    }

    /// The shared bench folder, when it is there (`TANDEM_BENCH` or `../shared/bench`).
    fn bench_dir() -> Option<PathBuf> {
        let dir = std::env::var_os("TANDEM_BENCH").map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench"),
            PathBuf::from,
        );
        dir.is_dir().then_some(dir)
    }

    /// The case's text with foreign tokens in brackets.
    fn marked(case: &Case) -> String {
        let mut out = String::new();
        let mut at = 0;
        for token in case.tokens.iter().filter(|t| t.foreign) {
            out.push_str(&case.text[at..token.start]);
            out.push_str(&format!("[{}]", token.form(&case.text)));
            at = token.end;
        }
        out + &case.text[at..]
    }

    /// Smoke check on the real data with a detector that flags nothing:
    /// `cargo test --lib eval::detect -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads the shared benchmark data"]
    fn smoke_real_data() {
        let Some(bench) = bench_dir() else {
            eprintln!("no bench data; skipped");
            return;
        };
        let nothing = |_: &str, _: Lang| Vec::new();
        let started = std::time::Instant::now();
        let treebanks = read_treebanks(&bench.join("ud")).unwrap();
        eprintln!("read treebanks: {:.2?}", started.elapsed());
        for split in [Split::All, Split::Dev, Split::Test] {
            let started = std::time::Instant::now();
            let cases = insert_fragments(&treebanks, &DEFAULT_MAINS, 1, split, false);
            let built = started.elapsed();
            let report = score(&cases, &nothing);
            for (lang, s) in &report.by_main {
                eprintln!(
                    "{:<4} {lang}: {} cases ({} controls, {} inserted), {} tokens, {} foreign",
                    split.name(),
                    s.sentences,
                    s.control_sentences,
                    s.inserted_sentences,
                    s.tokens,
                    s.foreign_tokens,
                );
            }
            eprintln!("{:<4} built in {built:.2?}", split.name());
            if split == Split::All {
                for case in cases.iter().filter(|c| c.inserted.is_some()).step_by(97) {
                    eprintln!(
                        "  {} {:?}: {}",
                        case.id,
                        case.inserted.unwrap(),
                        marked(case)
                    );
                }
            }
            assert_eq!(report.overall.recall, 0.0);
            if split == Split::Test {
                eprintln!("{}", report.to_text());
            }
            for case in &cases {
                for token in &case.tokens {
                    assert!(case.text.is_char_boundary(token.start));
                    assert!(!token.form(&case.text).contains(' '), "{}", case.text);
                }
            }
        }
        let started = std::time::Instant::now();
        let cases = denglisch_cases(&bench.join("denglisch/Manu_corpus.csv")).unwrap();
        let read = started.elapsed();
        let report = score(&cases, &nothing);
        let s = &report.overall;
        eprintln!(
            "denglisch: {} sentences, {} English tokens, {} German tokens, read in {read:.2?}",
            s.sentences,
            s.foreign_tokens,
            s.tokens - s.foreign_tokens,
        );
        eprintln!("{}", report.to_text());
    }
}
