//! Fragment detection throughput of tandem and its peers on the same German news text
//! (tandem's seed articles, repeated to about 200 KB).

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use tandem::{Detector, Lang};
use tandem_peers::{german_news, lingua_detector, whatlang_detector};

/// Bytes of text per iteration.
const TEXT_BYTES: usize = 200_000;

fn detect(c: &mut Criterion) {
    let text = german_news(TEXT_BYTES);
    let mut group = c.benchmark_group("detect");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(12));

    let tandem = Detector::default();
    // Loads the lexicon and character models before timing.
    black_box(tandem.fragments("Die Regierung hat beschlossen.", Lang::De));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("tandem", text.len()), &text, |b, text| {
        b.iter(|| tandem.fragments(black_box(text), Lang::De))
    });

    let whatlang = whatlang_detector();
    group.bench_with_input(
        BenchmarkId::new("whatlang_per_token", text.len()),
        &text,
        |b, text| {
            b.iter(|| {
                tandem::words(black_box(text))
                    .map(|word| whatlang.detect(word.text))
                    .collect::<Vec<_>>()
            })
        },
    );

    let lingua = lingua_detector();
    // About 2 s per iteration on the full text: one or two iterations per sample.
    group
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(25));
    group.bench_with_input(BenchmarkId::new("lingua", text.len()), &text, |b, text| {
        b.iter(|| lingua.detect_multiple_languages_of(black_box(text.as_str())))
    });
    group.finish();
}

criterion_group!(benches, detect);
criterion_main!(benches);
