//! Fragment detection throughput on German news text (the seed articles, repeated).
//! The comparison with lingua and whatlang lives in benches/peers (kept out of CI).

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::{Detector, Lang};

fn detection(c: &mut Criterion) {
    let text = common::german_news(1_000_000);
    let detector = Detector::default();
    // Load the word lists and character models before timing.
    detector.fragments("Según", Lang::De);
    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_with_input(
        BenchmarkId::new("german_news", text.len()),
        &text,
        |b, text| b.iter(|| detector.fragments(black_box(text), Lang::De)),
    );
    group.finish();
}

criterion_group!(benches, detection);
criterion_main!(benches);
