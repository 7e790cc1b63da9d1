//! Bench inputs built from the repository's own seed articles.

#[allow(dead_code)] // not every bench uses it
pub mod articles;

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

/// A synthetic comparable alignment of German news: `groups` groups, each the same
/// report by `outlets` outlets (one sentence each), written from templates with varied
/// wording, numbers (digits, number words, vague quantifiers, scale words, percentages),
/// dates, weekdays, names and negation, so that every part of the differ has work.
#[allow(dead_code)] // not every bench uses it
pub fn synthetic_alignment(groups: usize, outlets: usize) -> tandem::export::Alignment {
    use tandem::export::{
        AlignedDocument, Alignment, AlignmentMode, Group, Member, SentenceRecord,
    };
    const SUBJECTS: [&str; 8] = [
        "Die Regierung",
        "Das Innenministerium",
        "Ein Sprecher der Behörde",
        "Die Opposition im Parlament",
        "Ein hoher Beamter",
        "Die Polizei der Hauptstadt",
        "Präsidentin Laura Pérez",
        "Der Sicherheitsrat der UNO",
    ];
    const VERBS: [&str; 6] = [
        "meldete",
        "bestätigte",
        "kündigte",
        "dementierte",
        "kritisierte",
        "begrüßte",
    ];
    const ALSO_VERBS: [&str; 6] = [
        "teilte mit",
        "gab bekannt",
        "erklärte",
        "bestritt",
        "bemängelte",
        "lobte",
    ];
    const COUNTS: [&str; 8] = [
        "sechs",
        "mehrere",
        "20.000",
        "20000",
        "zwölf",
        "einige",
        "1,5 Millionen",
        "97 Prozent",
    ];
    const NOUNS: [&str; 6] = [
        "Soldaten",
        "Einsatzkräfte",
        "Drogenlabore",
        "Haushaltsmittel",
        "Grenzübergänge",
        "Wahlbezirke",
    ];
    const PLACES: [&str; 6] = [
        "im Norden des Landes",
        "an der Grenze",
        "in der Hauptstadt",
        "in mehreren Bundesstaaten",
        "entlang der Küste",
        "im Bundesstaat Sinaloa",
    ];
    const WHEN: [&str; 6] = [
        "am Dienstag",
        "am 3. Januar",
        "am 14. März 2025",
        "am Montag",
        "im Februar",
        "seit 2019",
    ];
    const MONTHS: [&str; 4] = ["Januar", "März", "Juli", "November"];
    let mut random = Random(7);
    let pick = |random: &mut Random, list: &[&'static str]| -> &'static str {
        list[random.below(list.len() as u64) as usize]
    };
    let mut texts: Vec<String> = vec![String::new(); outlets];
    let mut records: Vec<Vec<SentenceRecord>> = vec![Vec::new(); outlets];
    let mut alignment_groups = Vec::with_capacity(groups);
    for id in 0..groups {
        let subject = pick(&mut random, &SUBJECTS);
        let count = pick(&mut random, &COUNTS);
        let noun = pick(&mut random, &NOUNS);
        let place = pick(&mut random, &PLACES);
        let when = pick(&mut random, &WHEN);
        let verb = random.below(VERBS.len() as u64) as usize;
        let mut members = Vec::with_capacity(outlets);
        for outlet in 0..outlets {
            // Each outlet words the report its own way.
            let count = if random.below(3) == 0 {
                pick(&mut random, &COUNTS)
            } else {
                count
            };
            let when = if random.below(4) == 0 {
                pick(&mut random, &WHEN)
            } else {
                when
            };
            let negation = if random.below(6) == 0 { " nicht" } else { "" };
            let mut sentence = if random.below(2) == 0 {
                format!(
                    "{when} {} {subject}{negation} {count} {noun} {place}",
                    VERBS[verb]
                )
            } else {
                format!(
                    "{subject} {}{negation}, dass {count} {noun} {place} {when} eingesetzt wurden",
                    ALSO_VERBS[verb]
                )
            };
            if random.below(3) == 0 {
                let month = pick(&mut random, &MONTHS);
                sentence.push_str(&format!(
                    ", wie die Zeitung El Universal im {month} {} berichtete",
                    2020 + random.below(6)
                ));
            }
            sentence.push('.');
            let mut chars = sentence.chars();
            let first = chars.next().expect("a sentence").to_uppercase().to_string();
            let sentence = first + chars.as_str();
            let text = &mut texts[outlet];
            if !text.is_empty() {
                text.push_str(if random.below(5) == 0 { "\n\n" } else { " " });
            }
            let start = text.len();
            text.push_str(&sentence);
            let index = records[outlet].len();
            records[outlet].push(SentenceRecord {
                index,
                start,
                end: text.len(),
                text: sentence,
            });
            members.push(Member {
                doc: format!("outlet{outlet}"),
                sentences: vec![records[outlet].len() - 1],
            });
        }
        alignment_groups.push(Group {
            id,
            score: 0.5,
            members,
            bead: None,
        });
    }
    Alignment {
        version: 1,
        mode: AlignmentMode::Comparable,
        documents: records
            .into_iter()
            .enumerate()
            .map(|(i, sentences)| AlignedDocument {
                id: format!("outlet{i}"),
                source: format!("outlet{i}.txt"),
                lang: tandem::Lang::De,
                sentences,
            })
            .collect(),
        groups: alignment_groups,
    }
}
