//! Diffing a whole alignment: 10,000 groups of five outlets' sentences (40,000 pairs
//! against the pivot), word by word and fact by fact; names found by their shape, and
//! by a small glossary.

mod common;

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::diff::{DiffOptions, diff_alignment};
use tandem::glossary::{self, Format};

/// The names of the synthetic outlets' reports, as a glossary.
const GLOSSARY: &str = "id\ttype\tlang\tterm\tstatus\tnote
laura-perez\tperson\tde\tLaura Pérez\tpreferred\t
laura-perez\tperson\tde\tPérez\tadmitted\t
united-nations\torganisation\tde\tUNO\tpreferred\t
el-universal\tmedia\tde\tEl Universal\tpreferred\t
sinaloa\tplace\tde\tSinaloa\tpreferred\t
";

fn diff(c: &mut Criterion) {
    let alignment = common::synthetic_alignment(10_000, 5);
    assert!(alignment.validate().is_ok());
    let glossary = glossary::parse(Path::new("bench.tsv"), GLOSSARY, Some(Format::Native))
        .expect("the bench glossary parses");
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.throughput(Throughput::Elements(alignment.groups.len() as u64));
    for (name, glossary) in [("shaped_names", None), ("glossary", Some(&glossary))] {
        group.bench_with_input(
            BenchmarkId::new(name, alignment.groups.len()),
            &alignment,
            |b, alignment| {
                b.iter(|| diff_alignment(black_box(alignment), glossary, &DiffOptions::default()))
            },
        );
    }
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
