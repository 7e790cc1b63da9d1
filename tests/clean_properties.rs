//! Invariants of `tandem::clean` on generated articles: findings point into the input on
//! char boundaries and are sorted, edits replay to the cleaned text, and cleaning twice
//! equals cleaning once.

use std::sync::LazyLock;

use proptest::prelude::*;
use tandem::clean::{Cleaner, Rule};
use tandem::{Document, DocumentOptions, Lang};

/// Lines an article scraped from the web may hold: text, headlines, boilerplate in
/// several languages, metadata, markup, split compounds, quotations in several styles.
const LINES: &[&str] = &[
    "Die Regierung hat am Montag ein neues Gesetz zum Mieterschutz beschlossen.",
    "Kritik kam von der Opposition, die das Vorhaben für unzureichend hält.",
    "„Das ist ein guter Tag für die Mieter“, sagte die Ministerin.",
    "Der Sprecher nannte die Pläne \"völlig unrealistisch\" und kündigte Widerstand an.",
    "Im vergangenen Jahr sprach die Regierung von einer “historischen Reform”.",
    "Das Ministerium verwies auf « neue Zahlen » aus dem Herbst.",
    "Das nationale Sicherheits team tagte bis in die Nacht.",
    "Der Daten schutz bleibt ein Streitpunkt zwischen Bund und Ländern.",
    "Mieten steigen weiter",
    "Hintergrund",
    "Lesen Sie auch: Was die Reform für Vermieter bedeutet",
    "Foto: dpa/Max Mustermann",
    "Von Anna Berger",
    "Berlin, 5. November 2025",
    "Teilen auf: Facebook | WhatsApp | E-Mail",
    "Jetzt den Newsletter abonnieren!",
    "Join the conversation",
    "Te puede interesar",
    "Kontakt: redaktion@example.org",
    "Tags: Miete, Reform, Bundestag",
    " date 2025-11-04 Die Abstimmung ist für Freitag geplant.",
    "Der Bericht (ID: 48213) erschien am Dienstag.",
    "Der Minister<br/>sagte&nbsp;nichts dazu.",
    "© Zeitung Beispiel 2025",
    "Mehr zum Thema",
    "Wohnungsbau stockt in den Städten",
    "Die Regierung hat am Montag ein neues Gesetz zum Mieterschutz beschlossen. Es gilt ab Januar.",
    "Das Weisses Haus schweigt zu den Vorwürfen.",
    "Teilen Sie diesen Artikel Die Regierung hat am Montag einen Plan vorgestellt.",
    "Die Casa Blanca hat sich nicht geäußert, sagte ein Sprecher.",
    "USA bereiten Einsatz vor – Trump plant Bodentruppen",
    "Die Hilfe kam aus den U.S. Donald Trump sagte, es reiche.",
    "Die U.S.A. und die U.S. Regierung schweigen, auch die U.S.",
    "",
    "   ",
];

const BREAKS: &[&str] = &[
    "\n", "\n\n", "\r\n", "\n\n\n", " ", "\r", "\r\r", "\u{2028}",
];

/// Every rule but foreign fragments (which `fix` keeps as they are), with the seed
/// glossary.
static CLEANER: LazyLock<Cleaner> = LazyLock::new(|| {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary/seeds.tsv");
    let glossary = tandem::glossary::read(&path, None).expect("the seed glossary reads");
    Cleaner::builder()
        .glossary(&glossary)
        .disable(Rule::ForeignFragment)
        .build()
});

fn document(text: String) -> Document {
    Document::new(
        "generated.txt",
        text,
        DocumentOptions {
            lang: Some(Lang::De),
        },
    )
}

fn article() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec((0..LINES.len(), 0..BREAKS.len()), 1..30),
        any::<bool>(),
    )
        .prop_map(|(parts, bom)| {
            let mut text = if bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            for (line, brk) in parts {
                text.push_str(LINES[line]);
                text.push_str(BREAKS[brk]);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn findings_and_edits_point_into_the_input(text in article()) {
        let doc = document(text);
        let (findings, fixed) = CLEANER.clean(&doc);
        for f in &findings {
            prop_assert!(doc.text.is_char_boundary(f.start) && doc.text.is_char_boundary(f.end));
            prop_assert_eq!(&doc.text[f.start..f.end], f.text.as_str());
        }
        prop_assert!(findings.windows(2).all(|w| w[0].start <= w[1].start));
        let mut replayed = String::new();
        let mut copied = 0;
        for edit in &fixed.edits {
            prop_assert!(edit.start >= copied, "edits overlap: {:?}", fixed.edits);
            prop_assert_eq!(&doc.text[edit.start..edit.end], edit.original.as_str());
            replayed.push_str(&doc.text[copied..edit.start]);
            replayed.push_str(&edit.replacement);
            copied = edit.end;
        }
        replayed.push_str(&doc.text[copied..]);
        prop_assert_eq!(replayed, fixed.text);
    }

    #[test]
    fn cleaning_twice_equals_cleaning_once(text in article()) {
        let once = CLEANER.clean(&document(text)).1;
        let twice = CLEANER.clean(&document(once.text.clone())).1;
        prop_assert!(twice.edits.is_empty(), "second pass edits {:?}\non {:?}", twice.edits, once.text);
        prop_assert_eq!(twice.text, once.text);
    }
}
