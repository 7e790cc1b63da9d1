//! Diffing a whole alignment: 10,000 groups of five outlets' sentences (40,000 pairs
//! against the pivot), word by word and fact by fact.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::diff::{DiffOptions, diff_alignment};

fn diff(c: &mut Criterion) {
    let alignment = common::synthetic_alignment(10_000, 5);
    assert!(alignment.validate().is_ok());
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.throughput(Throughput::Elements(alignment.groups.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("groups_of_five", alignment.groups.len()),
        &alignment,
        |b, alignment| {
            b.iter(|| diff_alignment(black_box(alignment), None, &DiffOptions::default()))
        },
    );
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
