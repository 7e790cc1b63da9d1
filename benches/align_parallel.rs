//! Parallel alignment throughput on a generated document pair: invented words with a
//! fixed translation, numbers, and the usual disorder of real translations (sentences
//! split in two or merged, sentences added or left out).

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::Lang;
use tandem::align::parallel::{ParallelOptions, align_parallel};

/// A fixed pseudo-random stream, so that every run aligns the same pair.
struct Rng(common::Random);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYLLABLES: [&str; 16] = [
    "ka", "ber", "lin", "ge", "tau", "mo", "ri", "sen", "dal", "fu", "ne", "wor", "sti", "pa",
    "gle", "un",
];

fn word(rng: &mut Rng) -> String {
    (0..2 + rng.below(3))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// `n` source sentences and their "translation".
pub fn synthetic_pair(n: usize, seed: u64) -> (Vec<String>, Vec<String>) {
    let mut rng = Rng(common::Random(seed));
    let vocabulary: Vec<(String, String)> = (0..5000)
        .map(|_| (word(&mut rng), word(&mut rng)))
        .collect();
    let sentence = |rng: &mut Rng| -> (String, String) {
        let (mut s, mut t) = (Vec::new(), Vec::new());
        for _ in 0..6 + rng.below(20) {
            // Cubing a uniform draw gives a few frequent words and many rare ones.
            let u = rng.below(1000) as f64 / 1000.0;
            let (a, b) = &vocabulary[(u * u * u * vocabulary.len() as f64) as usize];
            s.push(a.clone());
            t.push(b.clone());
        }
        if rng.chance(30) {
            let number = (1 + rng.below(9999)).to_string();
            let k = rng.below(s.len());
            s.insert(k, number.clone());
            t.insert(k.min(t.len()), number);
        }
        let end = if rng.chance(5) { " ?" } else { " ." };
        (s.join(" ") + end, t.join(" ") + end)
    };
    let (mut source, mut target) = (Vec::new(), Vec::new());
    while source.len() < n {
        let (s, t) = sentence(&mut rng);
        match rng.below(100) {
            // A sentence split in two.
            0..=3 => {
                let (s2, t2) = sentence(&mut rng);
                source.push(format!("{s} {s2}"));
                target.push(t);
                target.push(t2);
            }
            // Two sentences merged into one.
            4..=6 => {
                let (s2, t2) = sentence(&mut rng);
                source.push(s);
                source.push(s2);
                target.push(format!("{t} {t2}"));
            }
            // An added caption, a dropped sentence.
            7 => {
                source.push(s);
                target.push(t);
                target.push(format!("Photo {}", rng.below(500)));
            }
            8 => source.push(s),
            _ => {
                source.push(s);
                target.push(t);
            }
        }
    }
    (source, target)
}

fn alignment(c: &mut Criterion) {
    let mut group = c.benchmark_group("align_parallel");
    group.sample_size(10);
    for n in [1_000, 40_000] {
        let (source, target) = synthetic_pair(n, 7);
        let source: Vec<&str> = source.iter().map(String::as_str).collect();
        let target: Vec<&str> = target.iter().map(String::as_str).collect();
        group.throughput(Throughput::Elements((source.len() + target.len()) as u64));
        group.bench_with_input(BenchmarkId::new("synthetic", n), &n, |b, _| {
            b.iter(|| {
                align_parallel(
                    black_box(&source),
                    Some(Lang::De),
                    black_box(&target),
                    Some(Lang::Fr),
                    &ParallelOptions::default(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, alignment);
criterion_main!(benches);
