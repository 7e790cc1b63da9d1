//! Comparable alignment throughput on a synthetic corpus of outlets (1,000 documents,
//! 30,000 sentences). The 10,000-document run of issue #5 is `tests/align_scale.rs`.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::Document;
use tandem::align::{ComparableOptions, align_comparable};

fn comparable(c: &mut Criterion) {
    let docs: Vec<Document> = common::synthetic_documents(1_000);
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut group = c.benchmark_group("align_comparable");
    group.sample_size(10);
    group.throughput(Throughput::Elements(sentences as u64));
    group.bench_with_input(
        BenchmarkId::new("synthetic_outlets", sentences),
        &docs,
        |b, docs| {
            b.iter(|| {
                align_comparable(
                    black_box(docs),
                    None,
                    &ComparableOptions::default(),
                    &|_, _, _| {},
                )
            })
        },
    );
    group.finish();
}

criterion_group!(benches, comparable);
criterion_main!(benches);
