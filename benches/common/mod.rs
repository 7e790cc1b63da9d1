//! Bench inputs built from the repository's own seed articles.

/// About `bytes` of German news: the seed articles repeated.
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
