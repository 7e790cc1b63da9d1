//! tandem's fragment detector and its peers behind one signature, so that the benchmark
//! harness (`tandem::eval::detect`) and the criterion benches score and time all of them
//! on the same input in the same run.
//!
//! Each `*_spans` function has the harness's detector shape, `(text, main) -> spans`, and
//! returns the byte spans it thinks are in a language other than `main`.

use std::path::Path;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use tandem::eval::detect::Predicted;
use tandem::{Detector, Lang};

/// lingua's names for tandem's seven languages.
pub const LINGUA_LANGS: [Language; 7] = [
    Language::German,
    Language::English,
    Language::Spanish,
    Language::French,
    Language::Italian,
    Language::Portuguese,
    Language::Dutch,
];

/// whatlang's names for tandem's seven languages.
pub const WHATLANG_LANGS: [whatlang::Lang; 7] = [
    whatlang::Lang::Deu,
    whatlang::Lang::Eng,
    whatlang::Lang::Spa,
    whatlang::Lang::Fra,
    whatlang::Lang::Ita,
    whatlang::Lang::Por,
    whatlang::Lang::Nld,
];

/// lingua restricted to the seven languages, models loaded up front, high accuracy mode
/// (the default).
pub fn lingua_detector() -> LanguageDetector {
    LanguageDetectorBuilder::from_languages(&LINGUA_LANGS)
        .with_preloaded_language_models()
        .build()
}

/// whatlang restricted to the seven languages.
pub fn whatlang_detector() -> whatlang::Detector {
    whatlang::Detector::with_allowlist(WHATLANG_LANGS.to_vec())
}

/// The ISO 639-1 code of a whatlang language, when it is one of the seven.
pub fn whatlang_code(lang: whatlang::Lang) -> Option<&'static str> {
    match lang {
        whatlang::Lang::Deu => Some("de"),
        whatlang::Lang::Eng => Some("en"),
        whatlang::Lang::Spa => Some("es"),
        whatlang::Lang::Fra => Some("fr"),
        whatlang::Lang::Ita => Some("it"),
        whatlang::Lang::Por => Some("pt"),
        whatlang::Lang::Nld => Some("nl"),
        _ => None,
    }
}

/// tandem's fragments.
pub fn tandem_spans(detector: &Detector, text: &str, main: Lang) -> Vec<Predicted> {
    tandem::eval::detect::tandem_predictions(detector)(text, main)
}

/// lingua's mixed-language sections whose language is not `main`.
///
/// lingua's `start_index`/`end_index` are byte offsets into the text in Rust (it converts
/// them to char offsets only for its Python and WebAssembly bindings); a section spans
/// its words with the whitespace and trailing punctuation around them.
pub fn lingua_spans(detector: &LanguageDetector, text: &str, main: Lang) -> Vec<Predicted> {
    detector
        .detect_multiple_languages_of(text)
        .into_iter()
        .map(|r| Predicted {
            start: r.start_index(),
            end: r.end_index(),
            lang: r.language().iso_code_639_1().to_string(),
        })
        .filter(|p| p.lang != main.code())
        .collect()
}

/// Every word classified alone by whatlang; the words it places in another language.
pub fn whatlang_spans(detector: &whatlang::Detector, text: &str, main: Lang) -> Vec<Predicted> {
    tandem::words(text)
        .filter_map(|word| {
            let code = whatlang_code(detector.detect_lang(word.text)?)?;
            (code != main.code()).then(|| Predicted {
                start: word.span.start,
                end: word.span.end,
                lang: code.to_string(),
            })
        })
        .collect()
}

/// German news for timing: tandem's seed articles (`seeds/*.txt`, in name order) joined
/// by blank lines and repeated to at least `min_bytes`.
pub fn german_news(min_bytes: usize) -> String {
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds_dir)
        .unwrap_or_else(|e| panic!("{}: {e}", seeds_dir.display()))
        .map(|entry| entry.expect("readable seeds entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let seeds = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert!(
        !seeds.is_empty(),
        "no seed articles in {}",
        seeds_dir.display()
    );
    let mut text = seeds.clone();
    while text.len() < min_bytes {
        text.push_str("\n\n");
        text.push_str(&seeds);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whatlang_spans_are_foreign_words() {
        let text = "Die Regierung hat heute beschlossen, the government said yesterday.";
        let spans = whatlang_spans(&whatlang_detector(), text, Lang::De);
        let government = text.find("government").unwrap();
        assert!(
            spans
                .iter()
                .any(|p| (p.start, p.end, p.lang.as_str()) == (government, government + 10, "en")),
            "{spans:?}"
        );
        for p in &spans {
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            assert_ne!(p.lang, "de");
        }
    }

    #[test]
    fn lingua_offsets_are_bytes() {
        let detector = LanguageDetectorBuilder::from_languages(&LINGUA_LANGS).build();
        let text = "Müller äußerte sich über die Lösung. Parallelement, le gouvernement français \
                    a annoncé une réforme très importante.";
        let french = text.find("le gouvernement").unwrap();
        let spans = lingua_spans(&detector, text, Lang::De);
        // Five two-byte letters before the French part: char offsets would be 5 less.
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert_eq!((spans[0].start, spans[0].end), (french, text.len()));
        assert_eq!(spans[0].lang, "fr");
    }

    #[test]
    fn german_news_is_long_enough() {
        assert!(german_news(50_000).len() >= 50_000);
    }
}
