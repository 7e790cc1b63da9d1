//! Scores tandem, lingua and whatlang on identical cases of tandem's own benchmarks:
//!
//! ```text
//! cargo run --release --bin accuracy -- <ud_dir> <denglisch_csv> [--json]
//! ```
//!
//! Prints one Markdown table of scores (deterministic), then one of times (not). With
//! `--json`, prints every report as JSON instead.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use tandem::eval::detect::{
    Case, DetectReport, Predicted, ScoreOptions, Split, denglisch_cases, insertion_cases,
    score_with,
};
use tandem::{Detector, Lang};
use tandem_peers::{
    lingua_detector, lingua_spans, tandem_spans, whatlang_detector, whatlang_spans,
};

const USAGE: &str = "usage: accuracy <ud_dir> <denglisch_csv> [--json]";

/// Main languages of the insertion benchmark.
const MAINS: [Lang; 3] = [Lang::De, Lang::En, Lang::Es];
const SEED: u64 = 1;

struct Args {
    ud_dir: PathBuf,
    denglisch_csv: PathBuf,
    json: bool,
}

/// One benchmark: its cases and how they are scored.
struct Bench {
    name: &'static str,
    cases: Vec<Case>,
    options: ScoreOptions,
}

/// A detector in the harness's shape.
type DetectFn = Box<dyn Fn(&str, Lang) -> Vec<Predicted>>;

/// One detector under test.
struct Peer {
    name: &'static str,
    /// Seconds spent building it (loading models).
    setup: f64,
    detect: DetectFn,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(msg) => {
            eprintln!("{msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("accuracy: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Args, String> {
    let mut json = false;
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--json") => json = true,
            Some("-h" | "--help") => return Err("scores tandem, lingua and whatlang".into()),
            Some(flag) if flag.starts_with('-') => return Err(format!("unknown flag {flag}")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    match <[PathBuf; 2]>::try_from(paths) {
        Ok([ud_dir, denglisch_csv]) => Ok(Args {
            ud_dir,
            denglisch_csv,
            json,
        }),
        Err(paths) => Err(format!("expected 2 paths, got {}", paths.len())),
    }
}

fn run(args: &Args) -> tandem::Result<()> {
    let benches = [
        Bench {
            name: "insertion",
            cases: insertion_cases(&args.ud_dir, &MAINS, SEED, Split::Test, false)?,
            options: ScoreOptions::default(),
        },
        Bench {
            name: "insertion+ambiguous",
            cases: insertion_cases(&args.ud_dir, &MAINS, SEED, Split::Test, true)?,
            options: ScoreOptions::default(),
        },
        Bench {
            name: "denglisch (en)",
            cases: denglisch_cases(&args.denglisch_csv)?,
            options: ScoreOptions {
                require_lang: Some("en".into()),
            },
        },
    ];
    let peers = peers();
    // reports[p][b]: peer p on bench b.
    let reports: Vec<Vec<DetectReport>> = peers
        .iter()
        .map(|peer| {
            benches
                .iter()
                .map(|bench| score_with(&bench.cases, &*peer.detect, &bench.options))
                .collect()
        })
        .collect();
    if args.json {
        println!("{}", to_json(&benches, &peers, &reports));
    } else {
        print!("{}", scores_table(&benches, &peers, &reports));
        println!();
        print!("{}", times_table(&benches, &peers, &reports));
    }
    Ok(())
}

/// The three detectors, built (and timed) once.
fn peers() -> Vec<Peer> {
    let started = Instant::now();
    let tandem = Detector::default();
    tandem.fragments("Die Regierung hat beschlossen.", Lang::De);
    let tandem_setup = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let lingua = lingua_detector();
    let lingua_setup = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let whatlang = whatlang_detector();
    let whatlang_setup = started.elapsed().as_secs_f64();

    vec![
        Peer {
            name: "tandem",
            setup: tandem_setup,
            detect: Box::new(move |text, main| tandem_spans(&tandem, text, main)),
        },
        Peer {
            name: "lingua (multi)",
            setup: lingua_setup,
            detect: Box::new(move |text, main| lingua_spans(&lingua, text, main)),
        },
        Peer {
            name: "whatlang (per token)",
            setup: whatlang_setup,
            detect: Box::new(move |text, main| whatlang_spans(&whatlang, text, main)),
        },
    ]
}

/// Scores: one row per benchmark and detector.
fn scores_table(benches: &[Bench], peers: &[Peer], reports: &[Vec<DetectReport>]) -> String {
    let mut out = String::new();
    for bench in benches {
        out.push_str(&format!("- {}: {}\n", bench.name, score_counts(bench)));
    }
    out.push('\n');
    out.push_str(
        "| benchmark | detector | F1 | precision | recall | 1-word recall | clean flagged |\n",
    );
    out.push_str("|---|---|---:|---:|---:|---:|---:|\n");
    for (b, bench) in benches.iter().enumerate() {
        for (p, peer) in peers.iter().enumerate() {
            let s = &reports[p][b].overall;
            let one_word = s
                .recall_by_len
                .get(&1)
                .map_or_else(|| "–".to_string(), |r| format!("{:.3}", r.rate));
            out.push_str(&format!(
                "| {} | {} | {:.3} | {:.3} | {:.3} | {one_word} | {:.3} |\n",
                bench.name, peer.name, s.f1, s.precision, s.recall, s.clean_flag_rate.rate,
            ));
        }
    }
    out
}

/// What a benchmark holds (counted by scoring a detector that flags nothing).
fn score_counts(bench: &Bench) -> String {
    let nothing = |_: &str, _: Lang| Vec::new();
    let s = score_with(&bench.cases, &nothing, &bench.options).overall;
    format!(
        "{} sentences ({} with an inserted fragment), {} scored tokens, {} foreign",
        s.sentences, s.inserted_sentences, s.tokens, s.foreign_tokens
    )
}

/// Times: seconds inside each detector per benchmark, and throughput over all of them.
fn times_table(benches: &[Bench], peers: &[Peer], reports: &[Vec<DetectReport>]) -> String {
    let mut out = String::from("| detector | setup s |");
    for bench in benches {
        out.push_str(&format!(" {} s |", bench.name));
    }
    out.push_str(" total s | MB/s |\n|---|---:|");
    out.push_str(&"---:|".repeat(benches.len() + 2));
    out.push('\n');
    for (p, peer) in peers.iter().enumerate() {
        out.push_str(&format!("| {} | {:.2} |", peer.name, peer.setup));
        for report in &reports[p] {
            out.push_str(&format!(" {:.2} |", report.seconds));
        }
        let seconds: f64 = reports[p].iter().map(|r| r.seconds).sum();
        let bytes: usize = reports[p].iter().map(|r| r.overall.bytes).sum();
        out.push_str(&format!(
            " {seconds:.2} | {:.2} |\n",
            bytes as f64 / 1e6 / seconds.max(f64::MIN_POSITIVE)
        ));
    }
    out
}

fn to_json(benches: &[Bench], peers: &[Peer], reports: &[Vec<DetectReport>]) -> String {
    let value: serde_json::Map<String, serde_json::Value> = peers
        .iter()
        .zip(reports)
        .map(|(peer, reports)| {
            let by_bench = benches
                .iter()
                .zip(reports)
                .map(|(bench, report)| {
                    let report = serde_json::to_value(report).expect("reports serialise");
                    (bench.name.to_string(), report)
                })
                .collect();
            (peer.name.to_string(), serde_json::Value::Object(by_bench))
        })
        .collect();
    serde_json::to_string_pretty(&value).expect("JSON serialises")
}
