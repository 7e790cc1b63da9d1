//! `tandem clean` throughput on about 1 MB of German news (the seed articles, repeated,
//! cut into article-sized documents): the findings of every rule, and findings plus the
//! cleaned text.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::clean::{Cleaner, Rule};
use tandem::{Document, DocumentOptions, Lang};

/// About `bytes` of German news as documents of about 4 KB, cut at paragraph breaks.
fn articles(bytes: usize) -> Vec<Document> {
    let text = common::german_news(bytes);
    let mut docs = Vec::new();
    let mut current = String::new();
    for paragraph in text.split_inclusive("\n\n") {
        current.push_str(paragraph);
        if current.len() >= 4_000 {
            docs.push(std::mem::take(&mut current));
        }
    }
    docs.push(current);
    docs.into_iter()
        .enumerate()
        .map(|(i, text)| {
            Document::new(
                &format!("article{i}.txt"),
                text,
                DocumentOptions {
                    lang: Some(Lang::De),
                },
            )
        })
        .collect()
}

fn cleaning(c: &mut Criterion) {
    let docs = articles(1_000_000);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let cleaner = Cleaner::default();
    let without_fragments = Cleaner::builder().disable(Rule::ForeignFragment).build();
    // Build the word lists and cue tables before timing.
    cleaner.clean(&docs[0]);
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_with_input(BenchmarkId::new("findings", bytes), &docs, |b, docs| {
        b.iter(|| {
            docs.iter()
                .map(|doc| cleaner.findings(black_box(doc)).len())
                .sum::<usize>()
        })
    });
    group.bench_with_input(
        BenchmarkId::new("findings_without_fragments", bytes),
        &docs,
        |b, docs| {
            b.iter(|| {
                docs.iter()
                    .map(|doc| without_fragments.findings(black_box(doc)).len())
                    .sum::<usize>()
            })
        },
    );
    group.bench_with_input(
        BenchmarkId::new("findings_and_fix", bytes),
        &docs,
        |b, docs| {
            b.iter(|| {
                docs.iter()
                    .map(|doc| cleaner.clean(black_box(doc)).1.text.len())
                    .sum::<usize>()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, cleaning);
criterion_main!(benches);
