//! Issue #5's scale target: comparable alignment of 10,000 documents (300,000 sentences)
//! in under 60 s on this 2-core machine. Slow, so opt-in and for release builds:
//! `cargo test --release --test align_scale -- --ignored --nocapture`.

#[path = "../benches/common/mod.rs"]
mod corpus;

use std::time::{Duration, Instant};

use tandem::Document;
use tandem::align::{ComparableOptions, Stage, align_comparable};

#[test]
#[ignore = "takes about a minute in release mode; run with --release -- --ignored"]
fn ten_thousand_documents_in_under_a_minute() {
    let docs: Vec<Document> = corpus::synthetic_documents(10_000);
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    assert_eq!(sentences, 300_000);
    let started = Instant::now();
    let grouping = std::sync::Mutex::new(None);
    let groups = align_comparable(
        &docs,
        None,
        &ComparableOptions::default(),
        &|stage, _, _| {
            if stage == Stage::Grouping {
                *grouping.lock().unwrap() = Some(started.elapsed());
            }
        },
    );
    let took = started.elapsed();
    let grouping = grouping.into_inner().unwrap().unwrap_or_default();
    eprintln!(
        "{sentences} sentences in {:.1} s (grouping {:.1} s), {} groups",
        took.as_secs_f64(),
        (took - grouping).as_secs_f64(),
        groups.len()
    );
    assert!(took < Duration::from_secs(60), "took {took:?}");
}
