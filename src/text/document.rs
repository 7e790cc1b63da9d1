//! A document: one input with its id, language and sentences.

use std::path::Path;

use crate::lang::{Lang, identify};
use crate::text::sentences::Segmenter;
use crate::text::{Input, STDIN_NAME, Span, strip_bom};

/// Settings for turning an input into a [`Document`].
#[derive(Debug, Clone, Copy, Default)]
pub struct DocumentOptions {
    /// Use this language instead of identifying it.
    pub lang: Option<Lang>,
}

/// The language a document is taken to be in when nothing can be identified (an empty
/// or letterless text); its confidence is then 0.
const FALLBACK_LANG: Lang = Lang::En;

/// One input text, its language and its sentences.
#[derive(Debug, Clone)]
pub struct Document {
    /// Stable id: the file stem (`000_7c7a039386e2d980`), `stdin` for standard input.
    pub id: String,
    /// The input as the user named it.
    pub source: String,
    /// The text exactly as read; all offsets point into it.
    pub text: String,
    /// The document's language.
    pub lang: Lang,
    /// How sure the language identification is: 1.0 when given by the user, 0.0 when
    /// nothing could be identified.
    pub lang_confidence: f64,
    /// The sentences, in order.
    pub sentences: Vec<Span>,
}

impl Document {
    /// Builds a document from text read from `source`.
    ///
    /// ```
    /// use tandem::{Document, DocumentOptions, Lang};
    /// let doc = Document::new("seeds/a.txt", "Das Weiße Haus schweigt. Mexiko lehnt ab.".into(),
    ///                         DocumentOptions::default());
    /// assert_eq!(doc.id, "a");
    /// assert_eq!(doc.lang, Lang::De);
    /// assert_eq!(doc.sentence_texts(), ["Das Weiße Haus schweigt.", "Mexiko lehnt ab."]);
    /// ```
    pub fn new(source: &str, text: String, options: DocumentOptions) -> Document {
        Document::with_sentences(source, text, options, |text, lang| {
            Segmenter::new(lang).segment(text)
        })
    }

    /// Builds a document whose sentences are its lines, as given ("one sentence per
    /// line", the input of hunalign, Bleualign and Vecalign). Every line is a sentence,
    /// empty ones too, so that sentence indices are line numbers. A leading byte order
    /// mark is in none of them (offsets count it).
    pub fn presegmented(source: &str, text: String, options: DocumentOptions) -> Document {
        Document::with_sentences(source, text, options, |text, _| {
            let mut sentences = Vec::new();
            let lines = strip_bom(text);
            let mut start = text.len() - lines.len();
            for line in lines.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                sentences.push(Span::new(start, start + content.len()));
                start += line.len();
            }
            sentences
        })
    }

    /// A document whose sentences `cut` finds, given the text and its language.
    fn with_sentences(
        source: &str,
        text: String,
        options: DocumentOptions,
        cut: impl FnOnce(&str, Lang) -> Vec<Span>,
    ) -> Document {
        let (lang, lang_confidence) = language(&text, options);
        let sentences = cut(&text, lang);
        Document {
            id: document_id(source),
            source: source.to_string(),
            text,
            lang,
            lang_confidence,
            sentences,
        }
    }

    /// Builds a document from an [`Input`].
    pub fn from_input(input: Input, options: DocumentOptions) -> Document {
        Document::new(&input.source, input.text, options)
    }

    /// The text of every sentence, in order.
    pub fn sentence_texts(&self) -> Vec<&str> {
        self.sentences.iter().map(|s| s.text(&self.text)).collect()
    }
}

/// The language of `text`, given or identified, with its confidence.
fn language(text: &str, options: DocumentOptions) -> (Lang, f64) {
    match options.lang {
        Some(lang) => (lang, 1.0),
        None => identify(text).map_or((FALLBACK_LANG, 0.0), |g| (g.lang, g.confidence)),
    }
}

/// The id of a document read from `source`: its file stem.
fn document_id(source: &str) -> String {
    if source == STDIN_NAME {
        return "stdin".to_string();
    }
    Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_counted_but_not_in_a_sentence() {
        let doc = Document::new(
            "a.txt",
            "\u{feff}Eins zwei drei.\r\nVier fünf.".into(),
            DocumentOptions {
                lang: Some(Lang::De),
            },
        );
        assert_eq!(doc.sentences[0], Span::new(3, 18));
        assert_eq!(doc.sentence_texts(), ["Eins zwei drei.", "Vier fünf."]);
    }

    #[test]
    fn empty_document_has_no_sentences() {
        let doc = Document::new("-", String::new(), DocumentOptions::default());
        assert_eq!(doc.id, "stdin");
        assert!(doc.sentences.is_empty());
        assert_eq!(doc.lang_confidence, 0.0);
    }

    #[test]
    fn presegmented_lines_are_sentences() {
        let doc = Document::presegmented(
            "a.txt",
            "Eins. Zwei.\r\n\nDrei\n".into(),
            DocumentOptions {
                lang: Some(Lang::De),
            },
        );
        assert_eq!(doc.sentence_texts(), ["Eins. Zwei.", "", "Drei"]);
    }

    #[test]
    fn presegmented_bom_is_counted_but_not_in_a_sentence() {
        let doc = Document::presegmented(
            "a.txt",
            "\u{feff}Eins.\nZwei.".into(),
            DocumentOptions::default(),
        );
        assert_eq!(doc.sentences, [Span::new(3, 8), Span::new(9, 14)]);
        assert_eq!(doc.sentence_texts(), ["Eins.", "Zwei."]);
    }

    #[test]
    fn given_language_wins() {
        let doc = Document::new(
            "x.txt",
            "Hello there, my friend.".into(),
            DocumentOptions {
                lang: Some(Lang::Nl),
            },
        );
        assert_eq!(doc.lang, Lang::Nl);
        assert_eq!(doc.lang_confidence, 1.0);
    }
}
