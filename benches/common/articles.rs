//! A synthetic folder of German news articles for the review pipeline: real German words
//! (from the shipped frequency list) in news-shaped sentences that report shared facts
//! with paraphrase and changed numbers, a headline, and boilerplate lines.

use super::Random;

const WEEKDAYS: [&str; 7] = [
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const BOILERPLATE: [&str; 8] = [
    "Teilen Sie diesen Artikel mit Ihren Freunden!",
    "Foto: Archiv der Redaktion",
    "Lesen Sie auch:",
    "Abonnieren Sie unseren Newsletter",
    "Kommentare",
    "Mehr zum Thema",
    "Unterstützen Sie unabhängigen Journalismus mit einer Spende.",
    "Alle Rechte vorbehalten.",
];

/// `count` articles as (file name, text), reproducibly.
pub fn synthetic_articles(count: usize) -> Vec<(String, String)> {
    let words = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/words/de.txt"))
        .expect("data/words/de.txt");
    let entries: Vec<&str> = words
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    // The frequency list is lower-case; longer words stand in for nouns, capitalised.
    let nouns: Vec<String> = entries[300..20_000]
        .iter()
        .filter(|w| w.chars().count() > 5)
        .map(|w| {
            let mut chars = w.chars();
            let first = chars.next().expect("non-empty word");
            first.to_uppercase().chain(chars).collect()
        })
        .collect();
    let nouns: Vec<&str> = nouns.iter().map(String::as_str).collect();
    let others: Vec<&str> = entries[50..3_000].to_vec();
    let mut random = Random(7);
    let facts: Vec<Vec<String>> = (0..20_000)
        .map(|_| {
            let mut sentence = vec!["Die".to_string(), pick(&nouns, &mut random).to_string()];
            for _ in 0..6 + random.below(8) {
                let word = if random.below(3) == 0 {
                    pick(&nouns, &mut random)
                } else {
                    pick(&others, &mut random)
                };
                sentence.push(word.to_string());
            }
            if random.below(2) == 0 {
                sentence.push("am".into());
                sentence.push(WEEKDAYS[random.below(7) as usize].into());
            }
            sentence.push((2 + random.below(500)).to_string());
            sentence.push(pick(&nouns, &mut random).to_string());
            sentence
        })
        .collect();
    let zipf = |random: &mut Random| {
        ((facts.len() as f64).powf(random.below(1_000_000) as f64 / 1e6) as usize)
            .min(facts.len() - 1)
    };
    (0..count)
        .map(|a| {
            let mut text = String::new();
            let headline = &facts[zipf(&mut random)];
            text.push_str(&headline[..headline.len().min(7)].join(" "));
            text.push_str("\n\n");
            for _ in 0..25 {
                let fact = &facts[zipf(&mut random)];
                let mut words: Vec<String> = fact.clone();
                // Outlets paraphrase: a word dropped, a number changed.
                if random.below(2) == 0 && words.len() > 6 {
                    words.remove(2 + random.below(words.len() as u64 - 4) as usize);
                }
                if random.below(4) == 0 {
                    if let Some(n) = words.iter_mut().find(|w| w.parse::<u32>().is_ok()) {
                        *n = (2 + random.below(500)).to_string();
                    }
                }
                text.push_str(&words.join(" "));
                text.push_str(".\n");
            }
            text.push('\n');
            for _ in 0..2 {
                text.push_str(BOILERPLATE[random.below(BOILERPLATE.len() as u64) as usize]);
                text.push('\n');
            }
            (format!("article{a:04}.txt"), text)
        })
        .collect()
}

fn pick<'a>(list: &[&'a str], random: &mut Random) -> &'a str {
    list[random.below(list.len() as u64) as usize]
}
