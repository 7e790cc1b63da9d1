//! Table-driven segmentation cases, one line each: language, input, expected sentences.
//! Written by the team for the phenomena news text has.

use super::*;

fn sentences(lang: Lang, text: &str) -> Vec<&str> {
    segment(text, lang).iter().map(|s| s.text(text)).collect()
}

macro_rules! t {
    ($name:ident, $lang:ident, $text:expr, [$($sentence:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<&str> = vec![$($sentence),*];
            assert_eq!(sentences(Lang::$lang, $text), expected);
        }
    };
}

// Plain terminal punctuation.
t!(
    two_statements,
    En,
    "The vote failed. Nobody was surprised.",
    ["The vote failed.", "Nobody was surprised."]
);
t!(
    question_and_exclamation,
    De,
    "Wer zahlt? Niemand! Das ist klar.",
    ["Wer zahlt?", "Niemand!", "Das ist klar."]
);
t!(
    repeated_marks,
    En,
    "Really?! Yes. Wow!! Fine.",
    ["Really?!", "Yes.", "Wow!!", "Fine."]
);
t!(
    spanish_inverted_marks,
    Es,
    "¿Quién paga? ¡Nadie! Eso está claro.",
    ["¿Quién paga?", "¡Nadie!", "Eso está claro."]
);
t!(
    exclamation_inside_a_name,
    En,
    "He joined Yahoo! in spring.",
    ["He joined Yahoo! in spring."]
);

// Abbreviations.
t!(
    title_before_name,
    En,
    "We met Dr. Adams and Mrs. Lee today.",
    ["We met Dr. Adams and Mrs. Lee today."]
);
t!(
    german_two_part_abbreviation,
    De,
    "Es gibt Optionen, z. B. eine Sperre der Konten.",
    ["Es gibt Optionen, z. B. eine Sperre der Konten."]
);
t!(
    german_abbreviation_at_sentence_end,
    De,
    "Sie kauften Brot, Käse usw. Danach gingen sie.",
    ["Sie kauften Brot, Käse usw.", "Danach gingen sie."]
);
t!(
    german_number_abbreviation,
    De,
    "Siehe Nr. 5 und S. 12 im Bericht.",
    ["Siehe Nr. 5 und S. 12 im Bericht."]
);
t!(
    company_abbreviation_mid_sentence,
    En,
    "Shares of Acme Inc. rose sharply.",
    ["Shares of Acme Inc. rose sharply."]
);
t!(
    company_abbreviation_at_end,
    En,
    "He sold it to Acme Inc. They paid cash.",
    ["He sold it to Acme Inc.", "They paid cash."]
);
t!(
    dotted_abbreviation_before_noun,
    En,
    "The U.S. Senate voted.",
    ["The U.S. Senate voted."]
);
t!(
    dotted_abbreviation_at_end,
    En,
    "She moved to the U.K. It rains there.",
    ["She moved to the U.K.", "It rains there."]
);
t!(
    initials_in_a_name,
    En,
    "The novel by John R. Tolkien sold well.",
    ["The novel by John R. Tolkien sold well."]
);
t!(
    pronoun_i_at_sentence_end,
    En,
    "It was you and I. Then we left.",
    ["It was you and I.", "Then we left."]
);
t!(
    spanish_titles,
    Es,
    "Habló la Sra. Gómez con el Dr. Ruiz. Luego se fue.",
    ["Habló la Sra. Gómez con el Dr. Ruiz.", "Luego se fue."]
);
t!(
    french_title,
    Fr,
    "M. Macron a parlé. Il est parti.",
    ["M. Macron a parlé.", "Il est parti."]
);

// Numbers, ordinals and dates.
t!(
    german_date_ordinal,
    De,
    "Er wurde am 3. Januar gefangen genommen.",
    ["Er wurde am 3. Januar gefangen genommen."]
);
t!(
    german_date_with_leading_zero,
    De,
    "Mittwoch, 05. November 2025 war es so weit.",
    ["Mittwoch, 05. November 2025 war es so weit."]
);
t!(
    german_ordinal_after_article,
    De,
    "Das war der 2. Versuch in Folge.",
    ["Das war der 2. Versuch in Folge."]
);
t!(
    german_year_after_a_preposition_ends_sentence,
    De,
    "Der Pegel stand so hoch wie seit dem Sommer von 1999. Dann fiel er.",
    ["Der Pegel stand so hoch wie seit dem Sommer von 1999.", "Dann fiel er."]
);
t!(
    german_year_before_a_month_is_no_ordinal_context,
    De,
    "Die Messe lief vom 1. bis 3. Mai. Sie endete am 3. Mai 2024.",
    ["Die Messe lief vom 1. bis 3. Mai.", "Sie endete am 3. Mai 2024."]
);
t!(
    german_number_ends_sentence,
    De,
    "Der Bericht steht auf Seite 7. Dort steht alles.",
    ["Der Bericht steht auf Seite 7.", "Dort steht alles."]
);
t!(
    decimal_and_thousands,
    De,
    "Es waren 1.500 Soldaten und 3,5 Tonnen. Mehr nicht.",
    ["Es waren 1.500 Soldaten und 3,5 Tonnen.", "Mehr nicht."]
);
t!(
    money_at_sentence_end,
    En,
    "It cost $4.50. That was cheap.",
    ["It cost $4.50.", "That was cheap."]
);
t!(
    times,
    De,
    "Um 14.30 Uhr begann die Sitzung. Sie dauerte lange.",
    ["Um 14.30 Uhr begann die Sitzung.", "Sie dauerte lange."]
);

// URLs and e-mail.
t!(
    url_at_sentence_end,
    En,
    "Read more at https://example.org/a.b/c.html. Thanks.",
    ["Read more at https://example.org/a.b/c.html.", "Thanks."]
);
t!(
    email_address,
    De,
    "Kontakt: redaktion@example.de. Danke.",
    ["Kontakt: redaktion@example.de.", "Danke."]
);
t!(
    domain_name_mid_sentence,
    De,
    "Auf haOlam.de erschien der Text.",
    ["Auf haOlam.de erschien der Text."]
);

// Quotations.
t!(
    german_quote_ends_inside,
    De,
    "Sie sagte: „Wir kommen nicht.“ Dann ging sie.",
    ["Sie sagte: „Wir kommen nicht.“", "Dann ging sie."]
);
t!(
    german_embedded_quote_with_two_sentences,
    De,
    "„Wir haben Einheiten. Was fehlt, sind Daten“, erklärte der Minister.",
    ["„Wir haben Einheiten. Was fehlt, sind Daten“, erklärte der Minister."]
);
t!(
    quote_at_line_end_is_split_inside,
    De,
    "Er erklärte: \"Wir sind bereit. Wir teilen Daten.\"",
    ["Er erklärte: \"Wir sind bereit.", "Wir teilen Daten.\""]
);
t!(
    english_quote_then_lowercase,
    En,
    "\"We are ready.\" she said.",
    ["\"We are ready.\" she said."]
);
t!(
    guillemets_then_comma,
    Es,
    "«No es necesario.», dijo la presidenta.",
    ["«No es necesario.», dijo la presidenta."]
);
t!(
    french_spaced_guillemets,
    Fr,
    "Le ministre a déclaré : « Nous ne céderons pas. » La grève continue.",
    ["Le ministre a déclaré : « Nous ne céderons pas. »", "La grève continue."]
);
t!(
    french_guillemets_with_narrow_no_break_spaces,
    Fr,
    "Il a dit\u{a0}: «\u{202f}C'est fini.\u{202f}» Puis il est parti.",
    ["Il a dit\u{a0}: «\u{202f}C'est fini.\u{202f}»", "Puis il est parti."]
);
t!(
    german_guillemet_after_a_sentence_opens_the_next_quote,
    De,
    "Er schwieg. »Wir kommen«, sagte sie dann.",
    ["Er schwieg.", "»Wir kommen«, sagte sie dann."]
);
t!(
    italian_title_after_an_elided_article,
    It,
    "Ha parlato l'on. Meloni. Poi è intervenuto dell’avv. Rossi. Basta.",
    ["Ha parlato l'on. Meloni.", "Poi è intervenuto dell’avv. Rossi.", "Basta."]
);
t!(
    german_single_low_quotes,
    De,
    "Er nannte es ‚gefährlich.‘ Danach schwieg er.",
    ["Er nannte es ‚gefährlich.‘", "Danach schwieg er."]
);
t!(
    parenthesis_with_inner_sentence,
    En,
    "He left (it was late.) without a word.",
    ["He left (it was late.) without a word."]
);

// Ellipses.
t!(
    ellipsis_then_capital,
    De,
    "Er wartete... Dann kam sie.",
    ["Er wartete...", "Dann kam sie."]
);
t!(
    unicode_ellipsis,
    De,
    "Er wartete … Dann kam sie.",
    ["Er wartete …", "Dann kam sie."]
);
t!(
    ellipsis_then_lowercase,
    En,
    "I thought ... well, never mind.",
    ["I thought ... well, never mind."]
);
t!(
    bracketed_omission,
    En,
    "He said [...] That was all.",
    ["He said [...] That was all."]
);

// Lines, headlines and lists.
t!(
    line_break_ends_headline,
    De,
    "USA planen Einsatz\nDie Regierung prüft.",
    ["USA planen Einsatz", "Die Regierung prüft."]
);
t!(
    crlf_lines,
    De,
    "Titel\r\n\r\nText hier.\r\n",
    ["Titel", "Text hier."]
);
// A lone `\r` (old Mac files) was no line break: a headline ran into the next sentence.
t!(
    lone_carriage_return_ends_headline,
    De,
    "Teilen Sie diesen Artikel\rDie Regierung prüft.\rDer Plan steht.\r",
    ["Teilen Sie diesen Artikel", "Die Regierung prüft.", "Der Plan steht."]
);
t!(
    unicode_line_breaks_end_headlines,
    De,
    "Titel\u{2028}Unterzeile\u{2029}Vorspann\u{85}Text hier.",
    ["Titel", "Unterzeile", "Vorspann", "Text hier."]
);
t!(
    boilerplate_lines,
    En,
    "Discussion\nJoin the conversation\nBe the first to comment",
    [
        "Discussion",
        "Join the conversation",
        "Be the first to comment"
    ]
);
t!(
    colon_line,
    De,
    "Kontakt:\nredaktion@example.de",
    ["Kontakt:", "redaktion@example.de"]
);
t!(
    numbered_heading_at_line_start,
    De,
    "1. Die Lage\n2. Die Folgen",
    ["1. Die Lage", "2. Die Folgen"]
);
t!(
    inline_numbered_list,
    En,
    "1) Apples 2) Pears 3) Plums",
    ["1) Apples", "2) Pears", "3) Plums"]
);
t!(
    inline_lettered_list,
    De,
    "a. Kosten b. Nutzen",
    ["a. Kosten", "b. Nutzen"]
);
t!(
    inline_bullets,
    De,
    "• Erstens • Zweitens",
    ["• Erstens", "• Zweitens"]
);

// Edges.
t!(empty_text, De, "", []);
t!(only_space, De, " \n\t \r\n", []);
t!(
    bom_is_not_part_of_a_sentence,
    De,
    "\u{feff}Hallo Welt.",
    ["Hallo Welt."]
);
t!(
    no_final_punctuation,
    De,
    "Archiviert unter:",
    ["Archiviert unter:"]
);
t!(
    trailing_spaces_trimmed,
    De,
    "  Eins.   Zwei.  ",
    ["Eins.", "Zwei."]
);

// Abbreviations before numbers, and words that are not.
t!(
    unlisted_short_word_before_number,
    Es,
    "Véase el cap. 5 del informe.",
    ["Véase el cap. 5 del informe."]
);
t!(
    degree_sign_abbreviation,
    En,
    "It is at N°. 12 on the list.",
    ["It is at N°. 12 on the list."]
);
t!(
    long_word_before_number_ends_sentence,
    De,
    "Es kam zum Krieg. 2000 Menschen starben.",
    ["Es kam zum Krieg.", "2000 Menschen starben."]
);
t!(
    english_title_in_spanish_text,
    Es,
    "Viven cerca del Mt. Rainier desde hace años.",
    ["Viven cerca del Mt. Rainier desde hace años."]
);
t!(
    spanish_two_word_abbreviation,
    Es,
    "Llegó a los EE. UU. en mayo.",
    ["Llegó a los EE. UU. en mayo."]
);
t!(
    slash_continues_verse,
    Es,
    "Canta el ave. / Y calla el río.",
    ["Canta el ave. / Y calla el río."]
);
t!(
    regression_inverted_mark_after_abbreviation,
    Es,
    "Hace 35 °C. ¿A cuánto equivale?",
    ["Hace 35 °C.", "¿A cuánto equivale?"]
);

#[test]
fn many_spaced_guillemets_on_one_line_are_linear() {
    // Each `. »` counted the guillemets from the start of its line: 137 s for a line of
    // 1.2 MB.
    let line = "x. » ".repeat(100_000);
    let started = std::time::Instant::now();
    sentences(Lang::Fr, &line);
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    // A quotation opened far back on the line still closes at its mark.
    let line = format!("Il a dit : « {} enfin. » Suite.", "oui, ".repeat(100_000));
    let found = sentences(Lang::Fr, &line);
    assert_eq!(found.len(), 2);
    assert!(found[0].ends_with("enfin. »") && found[1] == "Suite.");
}
