//! The review pipeline (clean, entities, comparable alignment, diff) on a synthetic folder
//! of German articles, and rendering its page; and diffing plus rendering 10,000 groups
//! (issue #6: under 2 s). The 1,000-article run of issue #7, with memory, is
//! `tests/review_scale.rs`.

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::diff::{DiffOptions, diff_alignment};
use tandem::export::{ReviewPage, render_html};
use tandem::review::{ReviewOptions, review};
use tandem::{Document, DocumentOptions, Lang};

fn documents(count: usize) -> Vec<Document> {
    common::articles::synthetic_articles(count)
        .into_iter()
        .map(|(name, text)| {
            Document::new(
                &name,
                text,
                DocumentOptions {
                    lang: Some(Lang::De),
                },
            )
        })
        .collect()
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("review");
    group.sample_size(10);
    for count in [100, 1_000] {
        let docs = documents(count);
        group.throughput(Throughput::Elements(count as u64));
        group.bench_with_input(BenchmarkId::new("articles", count), &docs, |b, docs| {
            b.iter(|| {
                let result = review(
                    black_box(docs),
                    None,
                    &ReviewOptions::default(),
                    &|_, _, _| {},
                )
                .expect("comparable review");
                render_html(&ReviewPage {
                    title: "bench",
                    alignment: &result.alignment,
                    diff: &result.diff,
                    annotations: &result.annotations,
                })
                .len()
            })
        });
    }
    group.finish();
}

fn diff_and_render(c: &mut Criterion) {
    let alignment = common::synthetic_alignment(10_000, 5);
    let mut group = c.benchmark_group("review_page");
    group.sample_size(10);
    group.throughput(Throughput::Elements(alignment.groups.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("diff_and_render", alignment.groups.len()),
        &alignment,
        |b, alignment| {
            b.iter(|| {
                let diff = diff_alignment(black_box(alignment), None, &DiffOptions::default());
                render_html(&ReviewPage {
                    title: "bench",
                    alignment,
                    diff: &diff,
                    annotations: &[],
                })
                .len()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, diff_and_render, pipeline);
criterion_main!(benches);
