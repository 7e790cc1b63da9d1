//! Sentence segmentation throughput on German news text (the seed articles, repeated).

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::{Lang, Segmenter};

fn segmentation(c: &mut Criterion) {
    let text = common::german_news(1_000_000);
    let segmenter = Segmenter::new(Lang::De);
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("german_news", text.len()),
        &text,
        |b, text| b.iter(|| segmenter.segment(black_box(text))),
    );
    group.finish();
}

criterion_group!(benches, segmentation);
criterion_main!(benches);
