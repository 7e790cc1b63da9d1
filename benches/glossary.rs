//! Applying a 100,000-entry glossary to German news text, and loading it; and applying
//! 20,000 terms that all begin with the same word ("Universität …") to text that names
//! them. The glossaries are generated: pronounceable names of one to three words in
//! three languages, plus the shipped seed glossary so that real mentions occur.

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::Lang;
use tandem::glossary::{self, Format, Matcher};

/// A deterministic generator of name-like words.
struct Names(common::Random);

impl Names {
    fn next(&mut self) -> u64 {
        self.0.next()
    }

    fn word(&mut self) -> String {
        const SYLLABLES: [&str; 16] = [
            "ka", "ro", "mi", "ten", "bar", "lu", "sto", "vel", "qui", "dan", "mor", "ef", "zi",
            "pol", "gra", "nus",
        ];
        let n = 2 + self.next() % 3;
        let mut word: String = (0..n)
            .map(|_| SYLLABLES[(self.next() % 16) as usize])
            .collect();
        word[..1].make_ascii_uppercase();
        word
    }
}

/// The native TSV of a glossary of `concepts` generated concepts plus the seed glossary.
fn big_glossary_tsv(concepts: usize) -> String {
    let seeds = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/glossary/seeds.tsv"))
        .expect("seed glossary");
    let mut tsv = seeds;
    let mut names = Names(common::Random(7));
    for i in 0..concepts {
        let words = 1 + (names.next() % 3) as usize;
        let term: Vec<String> = (0..words).map(|_| names.word()).collect();
        let term = term.join(" ");
        for lang in ["de", "en", "es"] {
            tsv.push_str(&format!("gen-{i}\tother\t{lang}\t{term}\tpreferred\n"));
        }
    }
    tsv
}

fn glossary_bench(c: &mut Criterion) {
    let tsv = big_glossary_tsv(100_000);
    let path = Path::new("generated.tsv");
    let mut group = c.benchmark_group("glossary");
    group.sample_size(10);
    group.bench_function("load_100k", |b| {
        b.iter(|| {
            let glossary = glossary::parse(path, black_box(&tsv), Some(Format::Native))
                .expect("valid glossary");
            Matcher::new(&glossary)
        })
    });
    let glossary = glossary::parse(path, &tsv, Some(Format::Native)).expect("valid glossary");
    let matcher = Matcher::new(&glossary);
    let text = common::german_news(1_000_000);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("apply_100k", text.len()),
        &text,
        |b, text| b.iter(|| matcher.find(black_box(text), Lang::De)),
    );

    // Thousands of terms with the same first word: each of its occurrences in the text
    // must not try them all.
    let mut names = Names(common::Random(11));
    let mut tsv = String::from("id\ttype\tlang\tterm\tstatus\tnote\n");
    let mut places = Vec::new();
    for i in 0..20_000 {
        let place = format!("{} {}", names.word(), names.word());
        tsv.push_str(&format!(
            "uni-{i}\torganisation\tde\tUniversität {place}\tpreferred\n"
        ));
        places.push(place);
    }
    let glossary = glossary::parse(path, &tsv, Some(Format::Native)).expect("valid glossary");
    let matcher = Matcher::new(&glossary);
    let text: String = places
        .iter()
        .step_by(7)
        .map(|p| format!("Die Universität {p} und die Universität teilen sich ein Labor. "))
        .collect();
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("apply_alike_20k", text.len()),
        &text,
        |b, text| b.iter(|| matcher.find(black_box(text), Lang::De)),
    );
    group.finish();
}

criterion_group!(benches, glossary_bench);
criterion_main!(benches);
