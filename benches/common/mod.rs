//! Bench inputs built from the repository's own seed articles.

/// About `bytes` of German news: the seed articles repeated.
#[allow(dead_code)] // not every bench uses it
pub fn german_news(bytes: usize) -> String {
    let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("seeds/ exists")
        .map(|entry| entry.expect("readable entry").path())
        .collect();
    paths.sort();
    let seeds: String = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("UTF-8 seed"))
        .collect::<Vec<_>>()
        .join("\n\n");
    seeds.repeat(1 + bytes / seeds.len())
}

/// SplitMix64: reproducible generated inputs without a dependency.
#[allow(dead_code)] // not every bench uses it
pub struct Random(pub u64);

#[allow(dead_code)] // not every bench uses every method
impl Random {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `docs` synthetic outlets (see [`synthetic_outlets`]) as German documents.
#[allow(dead_code)] // not every bench uses it
pub fn synthetic_documents(docs: usize) -> Vec<tandem::Document> {
    synthetic_outlets(docs)
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            tandem::Document::new(
                &format!("outlet{i}.txt"),
                text,
                tandem::DocumentOptions {
                    lang: Some(tandem::Lang::De),
                },
            )
        })
        .collect()
}

/// A synthetic corpus for comparable alignment: `docs` documents of 30 sentences, each
/// sentence a paraphrase (some words dropped) of one of 20,000 shared "facts" drawn from
/// a Zipf-distributed vocabulary of made-up words, plus a number.
#[allow(dead_code)] // not every bench uses it
pub fn synthetic_outlets(docs: usize) -> Vec<String> {
    const SYLLABLES: [&str; 20] = [
        "ka", "ro", "mi", "ten", "bar", "lu", "sto", "vel", "qui", "dan", "mor", "ef", "zi", "pol",
        "gra", "nus", "ber", "ung", "ter", "lich",
    ];
    const VOCABULARY: usize = 50_000;
    let mut random = Random(1);
    let vocabulary: Vec<String> = (0..VOCABULARY)
        .map(|_| {
            (0..2 + random.below(3))
                .map(|_| SYLLABLES[random.below(20) as usize])
                .collect()
        })
        .collect();
    let zipf = |random: &mut Random| {
        ((VOCABULARY as f64).powf(random.below(1_000_000) as f64 / 1e6) as usize)
            .min(VOCABULARY - 1)
    };
    let facts: Vec<Vec<usize>> = (0..20_000)
        .map(|_| (0..12).map(|_| zipf(&mut random)).collect())
        .collect();
    (0..docs)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..30 {
                let fact = &facts[random.below(facts.len() as u64) as usize];
                let words: Vec<&str> = fact
                    .iter()
                    .filter(|_| random.below(5) != 0)
                    .map(|&w| vocabulary[w].as_str())
                    .collect();
                text.push_str(&words.join(" "));
                text.push_str(&format!(" {}.\n", random.below(100)));
            }
            text
        })
        .collect()
}
