//! Document language identification with whatlang, restricted to tandem's languages.

use std::sync::LazyLock;

use whatlang::Detector;

use super::Lang;

/// The language of a text and how sure the identifier is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LangGuess {
    /// The most likely language.
    pub lang: Lang,
    /// whatlang's confidence, 0.0 to 1.0.
    pub confidence: f64,
}

static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(Lang::ALL.iter().map(|l| l.to_whatlang()).collect()));

/// Identifies the language of `text` among tandem's languages.
///
/// Returns `None` when the text has no letters to judge by.
pub fn identify(text: &str) -> Option<LangGuess> {
    let info = DETECTOR.detect(text)?;
    Some(LangGuess {
        lang: Lang::from_whatlang(info.lang())?,
        confidence: info.confidence(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifies_german_news() {
        let guess = identify(
            "Die Vereinigten Staaten verstärken den Druck auf Mexiko, um die Beteiligung \
             von Streitkräften an gemeinsamen Operationen zu ermöglichen.",
        )
        .unwrap();
        assert_eq!(guess.lang, Lang::De);
        assert!(guess.confidence > 0.5);
    }

    #[test]
    fn identifies_spanish() {
        let guess = identify(
            "El gobierno de México rechaza la presencia de tropas extranjeras en su territorio.",
        )
        .unwrap();
        assert_eq!(guess.lang, Lang::Es);
    }

    #[test]
    fn no_letters_no_guess() {
        assert_eq!(identify("1234 ... !!"), None);
        assert_eq!(identify(""), None);
    }
}
