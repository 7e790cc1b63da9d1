//! Tests of the whole aligner on small invented documents.

use proptest::prelude::*;

use super::*;

fn align(source: &[&str], target: &[&str]) -> Vec<Bead> {
    align_parallel(
        source,
        Some(Lang::De),
        target,
        Some(Lang::Fr),
        &ParallelOptions::default(),
    )
}

fn shapes(beads: &[Bead]) -> Vec<String> {
    beads.iter().map(Bead::kind).collect()
}

/// Checks that beads are monotone and cover both sides exactly once.
fn assert_partition(beads: &[Bead], n: usize, m: usize) {
    let (mut i, mut j) = (0, 0);
    for bead in beads {
        assert!(!(bead.source.is_empty() && bead.target.is_empty()));
        for &s in &bead.source {
            assert_eq!(s, i);
            i += 1;
        }
        for &t in &bead.target {
            assert_eq!(t, j);
            j += 1;
        }
        assert!((0.0..=1.0).contains(&bead.score));
    }
    assert_eq!((i, j), (n, m));
}

const GERMAN: [&str; 6] = [
    "Am 12. Juli 1956 verliessen wir Zermatt um 3 Uhr morgens.",
    "Der Weg zur Hörnlihütte war vereist.",
    "Nach sechs Stunden erreichten wir den Gipfel des Matterhorns ( 4478 m ).",
    "Die Aussicht auf den Monte Rosa war grossartig!",
    "Wer hätte gedacht, dass das Wetter so lange halten würde?",
    "Am Abend waren wir wieder in Zermatt.",
];

const FRENCH: [&str; 6] = [
    "Le 12 juillet 1956, nous avons quitté Zermatt à 3 heures du matin.",
    "Le chemin de la cabane du Hörnli était verglacé.",
    "Après six heures, nous avons atteint le sommet du Cervin ( 4478 m ).",
    "La vue sur le Mont Rose était grandiose!",
    "Qui aurait cru que le temps tiendrait si longtemps?",
    "Le soir, nous étions de retour à Zermatt.",
];

/// [`FRENCH`] with its third sentence split in two.
const FRENCH_SPLIT: [&str; 7] = [
    FRENCH[0],
    FRENCH[1],
    "Après six heures, nous avons atteint le sommet.",
    "C'était le Cervin ( 4478 m ).",
    FRENCH[3],
    FRENCH[4],
    FRENCH[5],
];

#[test]
fn a_document_aligned_with_itself_is_all_one_to_one() {
    let beads = align(&GERMAN, &GERMAN);
    assert_eq!(shapes(&beads), vec!["1-1"; 6]);
    for (k, bead) in beads.iter().enumerate() {
        assert_eq!(
            (bead.source.as_slice(), bead.target.as_slice()),
            (&[k][..], &[k][..])
        );
        assert!(bead.score > 0.6, "{bead:?}");
    }
}

#[test]
fn a_translation_aligns_one_to_one() {
    let beads = align(&GERMAN, &FRENCH);
    assert_eq!(shapes(&beads), vec!["1-1"; 6]);
}

#[test]
fn a_sentence_split_in_two_gives_a_one_to_two_bead() {
    let french = FRENCH_SPLIT;
    let beads = align(&GERMAN, &french);
    assert_eq!(shapes(&beads), ["1-1", "1-1", "1-2", "1-1", "1-1", "1-1"]);
    assert_eq!(beads[2].target, [2, 3]);
}

#[test]
fn an_inserted_sentence_gives_a_zero_to_one_bead() {
    let french = [
        FRENCH[0],
        FRENCH[1],
        FRENCH[2],
        "Photo : Archives du Club Alpin Suisse, Berne 1957, planche 27.",
        FRENCH[3],
        FRENCH[4],
        FRENCH[5],
    ];
    let beads = align(&GERMAN, &french);
    assert_eq!(
        shapes(&beads),
        ["1-1", "1-1", "1-1", "0-1", "1-1", "1-1", "1-1"]
    );
    assert_eq!(beads[3].target, [3]);
}

/// OCR leaves debris lines between the sentences of scanned pages; merged into a
/// neighbouring bead they cost it its exact match.
#[test]
fn ocr_debris_is_left_out() {
    let french = [
        FRENCH[0], ".....", FRENCH[1], FRENCH[2], "h * \"", FRENCH[3], FRENCH[4], ".:-- , .",
        FRENCH[5],
    ];
    let beads = align(&GERMAN, &french);
    assert_eq!(
        shapes(&beads),
        [
            "1-1", "0-1", "1-1", "1-1", "0-1", "1-1", "1-1", "0-1", "1-1"
        ]
    );
}

#[test]
fn empty_sides_give_only_empty_sided_beads() {
    assert!(align(&[], &[]).is_empty());
    assert_eq!(shapes(&align(&GERMAN[..2], &[])), ["1-0", "1-0"]);
    assert_eq!(shapes(&align(&[], &FRENCH[..1])), ["0-1"]);
}

#[test]
fn unknown_languages_still_align() {
    let beads = align_parallel(&GERMAN, None, &FRENCH, None, &ParallelOptions::default());
    assert_eq!(shapes(&beads), vec!["1-1"; 6]);
}

#[test]
fn a_narrow_band_widens_when_the_path_leaves_it() {
    let mut french: Vec<String> = (0..30)
        .map(|k| format!("Légende de la planche {k}."))
        .collect();
    french.extend(FRENCH.iter().map(|s| s.to_string()));
    let french: Vec<&str> = french.iter().map(String::as_str).collect();
    let options = ParallelOptions {
        band: 2,
        ..ParallelOptions::default()
    };
    let beads = align_parallel(&GERMAN, Some(Lang::De), &french, Some(Lang::Fr), &options);
    assert_partition(&beads, GERMAN.len(), french.len());
    let last = beads.last().unwrap();
    assert_eq!(
        (last.source.as_slice(), last.target.as_slice()),
        (&[5][..], &[35][..])
    );
}

#[test]
fn glossary_pairs_join_terms_of_a_concept() {
    let glossary: Glossary = serde_json::from_str(
        r#"{"concepts": [{"id": "matterhorn", "entity_type": "place",
            "terms": {"de": [{"text": "Matterhorn", "status": "preferred"}],
                      "fr": [{"text": "Cervin", "status": "preferred"},
                             {"text": "Mont Cervin", "status": "admitted"}]}}]}"#,
    )
    .unwrap();
    let pairs = glossary_pairs(&glossary, Lang::De, Lang::Fr);
    assert_eq!(
        pairs,
        [
            ("Matterhorn".to_string(), "Cervin".to_string()),
            ("Matterhorn".to_string(), "Mont Cervin".to_string())
        ]
    );
}

#[test]
fn a_prior_dictionary_pair_links_sentences_nothing_else_links() {
    // No word is equal, cognate or a glossary term: only the dictionary links the
    // sentences about the cat.
    let keyers = (Keyer::new(Some(Lang::De)), Keyer::new(Some(Lang::Fr)));
    let source = Side::new(&["Der Hund schläft.", "Die Katze frisst."], &keyers.0);
    let target = Side::new(
        &["Le chien dort.", "Il fait beau.", "Le chat mange."],
        &keyers.1,
    );
    let evident = Links::evident(&source, &target, &[], (&keyers.0, &keyers.1));
    let given = PriorDictionary::Given(vec![("Katze".into(), "chat".into())]);
    let prior = Prior::choose(&given, (Some(Lang::De), Some(Lang::Fr)));
    let with = evident.with(&prior_links(&source, &target, &prior));
    let overlaps = |links: &Links| {
        let mut row = Vec::new();
        pairs::PairScorer::new(&source, &target, links).row(1, 0..3, &mut row);
        row.iter().map(|o| (o.source, o.target)).collect::<Vec<_>>()
    };
    assert!(overlaps(&evident).iter().all(|&o| o == (0.0, 0.0)));
    let linked = overlaps(&with);
    assert!(linked[2].0 > 0.0 && linked[2].1 > 0.0, "{linked:?}");
    assert_eq!(&linked[..2], [(0.0, 0.0); 2]);
}

#[test]
fn the_shipped_dictionary_is_used_for_german_and_french_by_default() {
    let keyers = (Keyer::new(Some(Lang::De)), Keyer::new(Some(Lang::Fr)));
    let (source, target) = (
        Side::new(&["Die Katze frisst."], &keyers.0),
        Side::new(&["Le chat mange."], &keyers.1),
    );
    let links = |dictionary: &PriorDictionary| {
        let prior = Prior::choose(dictionary, (Some(Lang::De), Some(Lang::Fr)));
        prior_links(&source, &target, &prior).len()
    };
    assert!(links(&ParallelOptions::default().dictionary) >= 2);
    assert_eq!(links(&PriorDictionary::Off), 0);
}

/// SplitMix64, for generated documents that are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % bound as u64) as usize
    }
}

/// A generated sentence of `words` words and its "translation": invented words with
/// fixed translations (each reversed), and a number in a third of the sentences.
fn generated_sentence(rng: &mut Rng, words: usize) -> (String, String) {
    const SYLLABLES: [&str; 10] = [
        "ka", "ber", "lin", "ge", "tau", "mo", "ri", "sen", "dal", "fu",
    ];
    let (mut s, mut t) = (Vec::new(), Vec::new());
    for _ in 0..words {
        // Cubing a uniform draw gives a few frequent words and many rare ones.
        let u = rng.below(1000) as f64 / 1000.0;
        let k = (u * u * u * 1000.0) as usize;
        let word: String = [k % 10, k / 10 % 10, k / 100 % 10]
            .iter()
            .map(|&d| SYLLABLES[d])
            .collect();
        t.push(word.chars().rev().collect::<String>());
        s.push(word);
    }
    if rng.below(3) == 0 {
        let number = rng.below(10_000).to_string();
        s.push(number.clone());
        t.push(number);
    }
    (s.join(" ") + " .", t.join(" ") + " .")
}

/// A long generated pair in which every 25th source sentence is split in two in the
/// translation; also returns the number of splits.
fn generated_pair(n: usize) -> (Vec<String>, Vec<String>, usize) {
    let mut rng = Rng(42);
    let (mut source, mut target, mut splits) = (Vec::new(), Vec::new(), 0);
    for k in 0..n {
        let words = 5 + rng.below(20);
        let (s, t) = generated_sentence(&mut rng, words);
        if k % 25 == 0 {
            let words = 5 + rng.below(10);
            let (s2, t2) = generated_sentence(&mut rng, words);
            source.push(format!("{s} {s2}"));
            target.push(t);
            target.push(t2);
            splits += 1;
        } else {
            source.push(s);
            target.push(t);
        }
    }
    (source, target, splits)
}

/// 40,000 × 41,600 sentences (every 25th source sentence translated by two) in under
/// 10 s in release mode (memory: run it under `/usr/bin/time -v`).
#[test]
#[ignore = "takes seconds; run with --release -- --ignored"]
fn forty_thousand_sentences_align_in_seconds() {
    let (source, target, splits) = generated_pair(40_000);
    let source: Vec<&str> = source.iter().map(String::as_str).collect();
    let target: Vec<&str> = target.iter().map(String::as_str).collect();
    let start = std::time::Instant::now();
    let beads = align_parallel(
        &source,
        Some(Lang::De),
        &target,
        Some(Lang::Fr),
        &ParallelOptions::default(),
    );
    let seconds = start.elapsed().as_secs_f64();
    eprintln!(
        "{} x {} sentences aligned in {seconds:.2} s",
        source.len(),
        target.len()
    );
    assert_partition(&beads, source.len(), target.len());
    let found = beads.iter().filter(|b| b.kind() == "1-2").count();
    assert!(found * 10 >= splits * 9, "{found} of {splits} splits found");
    assert!(seconds < 10.0, "took {seconds:.2} s");
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zäöü]{1,9}".prop_map(|w| w),
            (0u32..3000).prop_map(|n| n.to_string()),
            Just("?".to_string()),
            Just("(".to_string()),
        ],
        0..8,
    )
    .prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn beads_are_monotone_and_cover_both_sides_once(
        source in prop::collection::vec(sentence(), 0..25),
        target in prop::collection::vec(sentence(), 0..25),
        max_bead in 1usize..4,
        band in 1usize..6,
    ) {
        let source: Vec<&str> = source.iter().map(String::as_str).collect();
        let target: Vec<&str> = target.iter().map(String::as_str).collect();
        let options = ParallelOptions { max_bead, band, ..ParallelOptions::default() };
        let beads = align_parallel(&source, Some(Lang::De), &target, None, &options);
        assert_partition(&beads, source.len(), target.len());
        for bead in &beads {
            // Beyond `max_bead`, only one sentence against pieces of open-ended ones.
            let (a, b) = (bead.source.len(), bead.target.len());
            prop_assert!(
                (a <= max_bead && b <= max_bead)
                    || (a.min(b) == 1 && a.max(b) <= max_bead + 2),
                "{a}-{b} with max_bead {max_bead}"
            );
        }
    }
}

#[test]
fn a_batch_of_one_pair_is_the_single_alignment() {
    let french = FRENCH_SPLIT;
    let single = align(&GERMAN, &french);
    let pair = PairText {
        source: &GERMAN,
        source_lang: Some(Lang::De),
        target: &french,
        target_lang: Some(Lang::Fr),
    };
    let batch = align_parallel_batch(&[pair], &ParallelOptions::default());
    assert_eq!(batch, [single]);
    assert!(align_parallel_batch(&[], &ParallelOptions::default()).is_empty());
}

#[test]
fn a_batch_aligns_every_pair_in_order_whatever_its_languages() {
    let pairs = [
        PairText {
            source: &GERMAN,
            source_lang: Some(Lang::De),
            target: &FRENCH,
            target_lang: Some(Lang::Fr),
        },
        PairText {
            source: &GERMAN[..4],
            source_lang: Some(Lang::De),
            target: &FRENCH[..3],
            target_lang: None,
        },
        PairText {
            source: &GERMAN[2..],
            source_lang: Some(Lang::De),
            target: &FRENCH[2..],
            target_lang: Some(Lang::Fr),
        },
    ];
    let beads = align_parallel_batch(&pairs, &ParallelOptions::default());
    assert_eq!(beads.len(), 3);
    for (pair, beads) in pairs.iter().zip(&beads) {
        assert_partition(beads, pair.source.len(), pair.target.len());
    }
    assert_eq!(shapes(&beads[0]), vec!["1-1"; 6]);
    assert_eq!(shapes(&beads[2]), vec!["1-1"; 4]);
}

#[test]
fn a_heading_split_off_in_the_translation_joins_the_sentence_that_carries_it() {
    // The German heading "Zugang :" ends the first sentence; the French one is a
    // sentence of its own, and both beads then end alike.
    let german = [
        "Friends und Klemmkeile , Seile von 45 m , Helm ratsam . Zugang :",
        "Von Meiringen nach Rosenlaui : dann zur Engelhornhütte ( 1901 m ) in 1 Std. 30 Min .",
    ];
    let french = [
        "Friends et coinceurs , cordes de 45 m , casque conseillé .",
        "Approche :",
        "De Meiringen à Rosenlaui : puis montée à l' Engelhornhütte ( 1901 m ) en 1 h 30 .",
    ];
    let beads = align(&german, &french);
    assert_partition(&beads, 2, 3);
    assert_eq!(shapes(&beads), ["1-2", "1-1"]);
    assert_eq!(beads[0].target, [0, 1]);
}

/// [`GERMAN`] with a long sentence inserted after the second, and [`FRENCH`] with its
/// translation in five pieces, made open-ended (`;` and lower case) or not.
fn long_sentence_in_pieces(open: bool) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut german = GERMAN.to_vec();
    german.insert(
        2,
        "Seither arbeiteten 1952 Lombard als Geologe , 1953 Zimmermann als Botaniker , \
         1954 Pugh als Physiologe , 1955 Heuberger als Geograph und 1956 Müller als \
         Glaziologe im Gebiet .",
    );
    let pieces: [&str; 5] = if open {
        [
            "Depuis , y ont travaillé en 1952 Lombard en géologie ;",
            "en 1953 Zimmermann en botanique ;",
            "en 1954 Pugh en physiologie ;",
            "en 1955 Heuberger en géographie ;",
            "en 1956 Müller en glaciologie .",
        ]
    } else {
        [
            "Depuis , y ont travaillé en 1952 Lombard en géologie .",
            "En 1953 Zimmermann en botanique .",
            "En 1954 Pugh en physiologie .",
            "En 1955 Heuberger en géographie .",
            "En 1956 Müller en glaciologie .",
        ]
    };
    let mut french = FRENCH.to_vec();
    for (k, piece) in pieces.into_iter().enumerate() {
        french.insert(2 + k, piece);
    }
    (german, french)
}

#[test]
fn a_sentence_translated_in_open_ended_pieces_joins_them_all() {
    let (german, french) = long_sentence_in_pieces(true);
    let beads = align(&german, &french);
    assert_partition(&beads, german.len(), french.len());
    assert_eq!(
        shapes(&beads),
        ["1-1", "1-1", "1-5", "1-1", "1-1", "1-1", "1-1"]
    );
    assert_eq!(beads[2].target, [2, 3, 4, 5, 6]);
}

#[test]
fn closed_sentences_make_at_most_one_more_than_max_bead_against_one() {
    let (german, french) = long_sentence_in_pieces(false);
    let beads = align(&german, &french);
    assert_partition(&beads, german.len(), french.len());
    for bead in &beads {
        let (a, b) = (bead.source.len(), bead.target.len());
        assert!(a.max(b) <= DEFAULT_MAX_BEAD + 1, "{bead:?}");
        assert!(a.max(b) <= DEFAULT_MAX_BEAD || a.min(b) == 1, "{bead:?}");
    }
}

#[test]
fn a_long_sentence_translated_by_four_closed_sentences_gives_one_to_four() {
    let mut german = GERMAN.to_vec();
    german.insert(
        2,
        "Seither arbeiteten 1952 Lombard als Geologe im Tal , 1953 Zimmermann als \
         Botaniker am Gletscher , 1954 Pugh als Physiologe in der Hütte und 1955 \
         Heuberger als Geograph auf dem Grat .",
    );
    let mut french = FRENCH.to_vec();
    for (k, piece) in [
        "En 1952 , Lombard y a travaillé en géologue dans la vallée .",
        "En 1953 , Zimmermann fut botaniste au glacier .",
        "En 1954 , Pugh fut physiologiste à la cabane .",
        "En 1955 , Heuberger fut géographe sur l' arête .",
    ]
    .into_iter()
    .enumerate()
    {
        french.insert(2 + k, piece);
    }
    let beads = align(&german, &french);
    assert_partition(&beads, german.len(), french.len());
    assert_eq!(beads[2].kind(), "1-4", "{beads:?}");
    assert_eq!(beads[2].target, [2, 3, 4, 5]);
}
