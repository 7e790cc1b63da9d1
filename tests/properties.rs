//! Invariants of segmentation on arbitrary input.

use proptest::prelude::*;
use tandem::{Lang, segment};

/// Text built from the pieces that matter to a segmenter, mixed with arbitrary chars.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Wort".to_string()),
        Just("Dr".to_string()),
        Just("z. B.".to_string()),
        Just("U.S.".to_string()),
        Just("3".to_string()),
        Just("1.)".to_string()),
        Just("•".to_string()),
        Just("Según".to_string()),
        Just(". . .".to_string()),
        "[.!?…„“”\"«»‚‘'()\\[\\] \n\r\t\u{feff}]{1,3}",
        any::<char>().prop_map(String::from),
        "\\PC{1,6}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

fn check(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let spans = segment(text, lang);
    let mut covered_to = 0;
    for span in &spans {
        prop_assert!(span.start < span.end, "empty sentence {span:?}");
        prop_assert!(
            span.start >= covered_to,
            "out of order or overlapping: {spans:?}"
        );
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let sentence = span.text(text);
        prop_assert_eq!(
            sentence.trim_matches(is_blank),
            sentence,
            "untrimmed sentence"
        );
        prop_assert!(
            text[covered_to..span.start].chars().all(is_blank),
            "lost text before {:?}",
            span
        );
        covered_to = span.end;
    }
    prop_assert!(
        text[covered_to..].chars().all(is_blank),
        "lost text at the end"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn sentences_cover_all_text_in_order(text in texty(), lang in proptest::sample::select(Lang::ALL.to_vec())) {
        check(&text, lang)?;
    }

    #[test]
    fn arbitrary_unicode_never_breaks_invariants(text in "\\PC*", lang in proptest::sample::select(Lang::ALL.to_vec())) {
        check(&text, lang)?;
    }
}
