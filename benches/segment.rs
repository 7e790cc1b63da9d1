//! Sentence segmentation throughput on German news text (the seed articles, repeated).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::{Lang, Segmenter};

/// About 1 MB of German news: the seed articles repeated.
fn german_news() -> String {
    let seeds: String = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("seeds/ exists")
        .map(|entry| {
            std::fs::read_to_string(entry.expect("readable entry").path()).expect("UTF-8 seed")
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    seeds.repeat(1 + 1_000_000 / seeds.len())
}

fn segmentation(c: &mut Criterion) {
    let text = german_news();
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
