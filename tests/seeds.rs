//! The seed articles: copied verbatim, and segmented the way an editor expects.

mod common;

use tandem::{Document, DocumentOptions, read_path};

fn seed(name: &str) -> Document {
    let input = read_path(&common::root().join("seeds").join(name)).expect("seed is readable");
    Document::from_input(input, DocumentOptions::default())
}

#[test]
fn seeds_are_byte_identical_to_the_shared_copies() {
    let shared = common::root().join("../shared/seeds");
    if !shared.is_dir() {
        eprintln!("skipping: ../shared/seeds is not present in this clone");
        return;
    }
    for entry in std::fs::read_dir(&shared).unwrap() {
        let entry = entry.unwrap();
        let ours = common::root().join("seeds").join(entry.file_name());
        assert_eq!(
            std::fs::read(entry.path()).unwrap(),
            std::fs::read(&ours).unwrap(),
            "{}",
            ours.display()
        );
    }
}

#[test]
fn every_seed_is_german() {
    for name in std::fs::read_dir(common::root().join("seeds")).unwrap() {
        let name = name.unwrap().file_name();
        let doc = seed(name.to_str().unwrap());
        assert_eq!(doc.lang, tandem::Lang::De, "{name:?}");
    }
}

#[test]
fn german_date_ordinal_stays_in_its_sentence() {
    let doc = seed("001_2c4e72ae57a9902a.txt");
    let sentences = doc.sentence_texts();
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("Der Vorschlag, der ursprünglich")
                && s.contains("am 3. Januar wiederbelebt, erklärten Beamte.")),
        "{sentences:#?}"
    );
}

/// Headlines, captions and boilerplate lines, written out by hand: each must be a
/// sentence of its own.
#[test]
fn headlines_and_boilerplate_lines_are_sentences_of_their_own() {
    let expected: [(&str, &[&str]); 4] = [
        (
            "000_7c7a039386e2d980.txt",
            &[
                "Die USA drängen Mexiko zu gemeinsamen Einsätzen gegen Fentanyl-Labore",
                "Claudia Sheinbaum und Donald Trump in Washington, Dezember 2025 (Referenzbild)Foto © Facebook/Claudia Sheinbaum Pardo",
                "Verwandte Videos:",
                "Archiviert unter:",
                "CiberCuba-Redaktionsteam",
            ],
        ),
        (
            "001_2c4e72ae57a9902a.txt",
            &[
                "Discussion",
                "Join the conversation",
                "Be the first to comment",
            ],
        ),
        (
            "002_da13f683df3bbde4.txt",
            &[
                "Geheime Planungen – und ein Bruch mit Tabus",
                "Mexikos Präsidentin warnt: „Keine fremde Einmischung“",
                "Trump will hart durchgreifen",
                "Ein Krieg, der Amerika spaltet",
                "Autor: Redaktion",
                "Bild Quelle: By Gage Skidmore from Peoria, AZ, United States of America - Donald Trump, CC BY-SA 2.0, https://commons.wikimedia.org/w/index.php?curid=66881486",
                "Mittwoch, 05 November 2025",
                "haOlam via paypal unterstützen",
                "Hinweis: Sie benötigen kein PayPal-Konto.",
                "empfohlene Artikel",
                "weitere Artikel von: Redaktion",
                "haOlam.de – Gemeinsam in die Zukunft",
                "Kontakt: redaktion@haolam.de",
                "Danke für eure Unterstützung!",
                "meistgelesene Artikel der letzten 7 Tage",
            ],
        ),
        (
            "003_2aec6ce4786460de.txt",
            &[
                "Sie interessieren sich für das Geschehen im Globalen Süden?",
                "Wir versorgen Sie mit Nachrichten und Hintergründen aus Lateinamerika.",
                "Unterstützen Sie uns mit einer Spende.",
            ],
        ),
    ];
    for (name, lines) in expected {
        let doc = seed(name);
        let sentences = doc.sentence_texts();
        for line in lines {
            assert!(
                sentences.contains(line),
                "{name}: {line:?} is not a sentence of its own"
            );
        }
    }
}

#[test]
fn repeated_headline_is_three_sentences() {
    let doc = seed("002_da13f683df3bbde4.txt");
    let headline = "USA bereiten militärischen Einsatz in Mexiko vor – Trump plant Bodentruppen gegen Drogenkartelle";
    assert_eq!(
        doc.sentence_texts()
            .iter()
            .filter(|s| **s == headline)
            .count(),
        3
    );
}

#[test]
fn embedded_quote_with_two_sentences_is_one_sentence() {
    let doc = seed("000_7c7a039386e2d980.txt");
    assert!(doc.sentence_texts().contains(
        &"„Wir haben hochqualifizierte Spezialeinheiten. Was wir brauchen, sind Informationen, keine ausländischen Soldaten“, erklärte der Sicherheitsminister, Omar García Harfuch, gegenüber Times."
    ));
}
