//! Detector behaviour on sentences written by the team.

use super::*;

fn found(text: &str, main: Lang) -> Vec<(&str, String)> {
    Detector::default()
        .fragments(text, main)
        .iter()
        .map(|f| (f.span.text(text), f.lang.to_string()))
        .collect()
}

macro_rules! t {
    ($name:ident, $main:ident, $text:expr, [$(($frag:expr, $lang:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<(&str, String)> = vec![$(($frag, $lang.to_string())),*];
            assert_eq!(found($text, Lang::$main), expected);
        }
    };
}

t!(
    spanish_word_at_sentence_start,
    De,
    "Según Regierungskreisen ist der Plan gescheitert.",
    [("Según", "es")]
);
t!(
    english_line_under_german,
    De,
    "Die Gespräche dauern an.\nJoin the conversation",
    [("Join the conversation", "en")]
);
t!(
    whole_foreign_sentence,
    De,
    "Die Gespräche dauern an. The summit ended without an agreement.",
    [("The summit ended without an agreement", "en")]
);
t!(
    spanish_phrase_inside,
    De,
    "Die Regierung hat, sin embargo, keine Einigung erzielt.",
    [("sin embargo", "es")]
);
t!(
    spanish_word_without_its_accent_is_spanish,
    Es,
    "Nadie pretendia cambiar las reglas del juego a última hora.",
    []
);
t!(
    portuguese_word_with_its_accent_is_found,
    Es,
    "El alcalde dijo que la polícia llegó tarde al lugar de los hechos.",
    [("polícia", "pt")]
);
t!(
    clean_german_has_none,
    De,
    "Die mexikanische Regierung hat noch nicht formell auf die erneute Anfrage reagiert.",
    []
);
t!(
    loanwords_are_german,
    De,
    "Das Team gab dem Manager online ein Interview über die neue Software.",
    []
);
t!(
    names_are_not_fragments,
    De,
    "Der Sicherheitsminister Omar García Harfuch sprach mit The New York Times und Fox News.",
    []
);
t!(
    spanish_cartel_name,
    De,
    "Die Gruppe Jalisco Nueva Generación kontrolliert Ciudad Juárez.",
    []
);
t!(
    german_noun_in_english,
    En,
    "The minister said the Regierung had agreed.",
    [("Regierung", "de")]
);
t!(
    unlisted_word_alone_is_too_weak,
    En,
    "The minister called it a Grützwurst before the vote.",
    []
);
t!(
    unlisted_compound_of_listed_words,
    En,
    "The minister called it a Schnapsidee before the vote.",
    [("Schnapsidee", "de")]
);
t!(
    unlisted_dutch_compound,
    En,
    "Officials said the ziekenhuisbedden were all taken.",
    [("ziekenhuisbedden", "nl")]
);
t!(
    cyrillic_is_flagged_by_script,
    De,
    "Er sagte „Москва не верит слезам“ und lachte.",
    [("Москва не верит слезам", "Cyrl")]
);
t!(empty_and_symbols, De, "", []);
t!(digits_and_punctuation_only, De, "2025 — 97 % … !!", []);

#[test]
fn protected_terms_are_never_fragments() {
    let text = "Die Regierung hat, sin embargo, keine Einigung erzielt.";
    let plain = Detector::default().fragments(text, Lang::De);
    assert!(
        !plain.is_empty(),
        "without protection the Spanish phrase is found"
    );
    let protected = Detector::builder()
        .protect(["Sin Embargo"])
        .build()
        .fragments(text, Lang::De);
    assert!(protected.is_empty(), "{protected:?}");
}

/// Restricting the languages drops the fragments of the others; it neither relabels
/// them to an allowed language nor makes new ones.
#[test]
fn restricted_languages_only_drop_fragments() {
    let text = "Die spanische Zeitung El País berichtete zuerst darüber.\nVielen Dank und gracias an alle Leser.\nJoin the conversation";
    let labelled = |detector: Detector| -> Vec<(String, String)> {
        detector
            .fragments(text, Lang::De)
            .iter()
            .map(|f| (f.span.text(text).to_string(), f.lang.to_string()))
            .collect()
    };
    let all = labelled(Detector::default());
    assert!(all.contains(&("gracias".into(), "es".into())), "{all:?}");
    for allowed in [vec![Lang::En], vec![Lang::Es], vec![Lang::Fr, Lang::It]] {
        let restricted = labelled(Detector::builder().languages(&allowed).build());
        let expected: Vec<(String, String)> = all
            .iter()
            .filter(|(_, lang)| allowed.iter().any(|l| l.to_string() == *lang))
            .cloned()
            .collect();
        assert_eq!(restricted, expected, "{allowed:?}");
    }
}

// A surname that starts a sentence is a name when the document writes it as one
// elsewhere; a foreign word that starts one is still found.
t!(surname_at_sentence_start_after_the_full_name, Fr, "Le président Emmanuel Macron a rencontré mardi le chancelier Olaf Scholz.\nScholz a déclaré que les discussions étaient constructives.", []);
t!(surname_at_sentence_start_named_later, It, "Scholz ha detto che le trattative sono state costruttive.\nIl cancelliere Olaf Scholz è tornato a Berlino.", []);
t!(french_surname_at_sentence_start_in_german, De, "Der Linkspolitiker Jean-Luc Mélenchon war in Berlin.\nMélenchon sprach von einer neuen Ära.", []);
t!(english_surname_after_the_full_name, En, "President Emmanuel Macron flew home early.\nMacron was not there.", []);
t!(foreign_first_word_in_a_document_of_names, De, "Bundeskanzler Olaf Scholz war in Madrid.\nSegún Regierungskreisen ist der Plan gescheitert.\nHowever, niemand hat das bestätigt.", [("Según", "es"), ("However", "en")]);

/// A glossary's name is a name at the start of a sentence too, standing alone.
#[test]
fn glossary_surname_at_sentence_start() {
    let text = "Scholz zei dat de gesprekken constructief waren.";
    assert_eq!(found(text, Lang::Nl), [("Scholz", "de".to_string())]);
    let protected = Detector::builder()
        .protect(["Olaf Scholz"])
        .build()
        .fragments(text, Lang::Nl);
    assert!(protected.is_empty(), "{protected:?}");
}

#[test]
fn fragments_are_sorted_and_point_into_the_text() {
    let text = "Según fuentes, the plan failed. Aber nicht ganz: sin embargo, nada.";
    let fragments = Detector::default().fragments(text, Lang::De);
    for pair in fragments.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
    for fragment in &fragments {
        assert!(fragment.confidence >= 0.5 && fragment.confidence <= 1.0);
    }
}

// Rules added while measuring; each line is a case that broke before its rule.
t!(regression_name_with_lowercase_link, De, "Die Soldaten der United States of America landeten.", []);
t!(regression_camel_case_brand_is_not_spanish, De, "CiberCuba-Redaktionsteam", []);
t!(regression_spanish_place_names_in_german, De, "Einsätze in Regionen wie Sinaloa, Sonora und Tamaulipas sind geplant.", []);
t!(regression_fragment_keeps_one_language, De, "Die Debatte läuft.\nBe the first to comment", [("Be the first to comment", "en")]);
t!(english_noun_in_german_is_a_word_not_a_name, De, "Ich habe den Thread gelesen und finde den Post ziemlich awkward, sorry.", [("awkward, sorry", "en")]);
t!(regression_url_is_not_language, De, "Mehr dazu unter https://example.com/the-best-of-news heute.", []);
t!(regression_hyphenated_compound_is_one_word, En, "Please note that the e-mail address was not verified.", []);
t!(regression_two_word_name_particle, En, "The president Ursula von der Leyen met the chancellor.", []);
t!(regression_names_listed_everywhere_are_names, En, "Chancellor Scholz met Steinmeier in Gelsenkirchen.", []);
t!(regression_german_nouns_do_not_link_into_a_name, En, "She felt the Leitung von Ministerpräsident was slow.", [("Leitung von Ministerpräsident", "de")]);
t!(regression_unlisted_compound_after_article_is_a_noun, En, "He posed mit der Börsenaufsicht today.", [("mit der Börsenaufsicht", "de")]);
t!(regression_hyphenated_name_at_sentence_start, Es, "Jean-Luc Mélenchon criticó a Marine Le Pen.", []);
t!(regression_long_first_word_is_not_part_of_the_name, Es, "Chaque Gauguin mostró entre otros trabajos una serie.", [("Chaque", "fr")]);
t!(regression_elided_name, De, "Die Partei Fratelli d'Italia gewann die Wahl.", []);
t!(regression_english_noun_listed_everywhere, De, "Jeder Vote macht es relevanter.", [("Vote", "en")]);
t!(regression_word_before_number_is_a_name, De, "Das Mandat soll unter Title 50 laufen.", []);
t!(regression_foreign_first_word_before_a_name, De, "Según Trump ist das falsch.", [("Según", "es")]);
t!(regression_first_word_of_a_company_name, De, "Kinder Morgan zahlt 3 Millionen.", []);
t!(regression_capitalised_common_word_is_not_a_name, En, "The contract pays every worker an Indennità for night shifts.", [("Indennità", "it")]);
t!(regression_german_noun_after_german_article, En, "Everyone agreed he was ein Mann of few words.", [("ein Mann", "de")]);
t!(regression_particle_belongs_to_the_name, De, "Präsident de Gaulle und Kanzler Adenauer trafen sich.", []);
t!(regression_particle_pair_belongs_to_the_name, En, "The report by von der Leyen was published on Monday.", []);
t!(regression_particle_before_a_name_in_english, En, "The striker da Silva scored twice against di Maio's team.", []);
t!(regression_common_word_of_the_main_language_alone, De, "Sie zahlen per Lastschrift oder per Überweisung.", []);
t!(regression_english_verb_that_is_a_german_article, En, "Those pancakes are to die for, she said.", []);
t!(regression_shared_last_word_stays_in_the_fragment, Es, "La reunión terminó tarde y ninguém falou com os amigos.", [("ninguém falou com os amigos", "pt")]);
t!(regression_german_polite_pronoun_is_not_a_name, En, "The letter only said Ihre Bewerbung and nothing else.", [("Ihre Bewerbung", "de")]);
t!(common_words_still_count_inside_a_fragment, En, "He shouted die Regierung hat versagt and left.", [("die Regierung hat versagt", "de")]);
t!(elided_article_standing_alone, En, "She wrote l' amour on the card.", [("l' amour", "fr")]);
t!(long_elision_standing_alone, En, "The menu promised a taste dell' estate in every dish.", [("dell", "it")]);
t!(quoted_letter_is_not_an_elision, En, "They played rock 'n' roll all night.", []);
t!(german_dropped_e_is_not_an_elision, De, "Ich hab' keine Zeit, sagt Hans' Bruder.", []);
t!(title_and_name_are_not_fragments, En, "Dr. Sonnenschein has always been kind.", []);
t!(same_word_without_title_is_a_fragment, En, "Sonnenschein has always been kind.", [("Sonnenschein", "de")]);
t!(german_title_before_name, De, "Laut Prof. Sonnenschein ist die Studie fertig.", []);
t!(arabic_name_particle, En, "The group had pledged allegiance to Osama bin Laden in 2004.", []);
t!(english_in_title_case_continues_english, De, "Wir prüfen den Plan mit unserem Center of Excellence near-shore team am Montag.", [("Center of Excellence near-shore team", "en")]);
t!(english_title_case_after_english_needs_a_link, De, "Der Kurs fiel, there is no second Wall Street in Europa.", [("there is no second", "en")]);
t!(capitalised_word_inside_a_foreign_passage_is_part_of_it, De, "Gestern sprach avec le Chef de la police niemand.", [("avec le Chef de la police", "fr")]);

/// German writes its nouns with a capital: "massage" and "suite" in lower case are not
/// the German nouns, so another language's reading wins; written the German way, they
/// are German.
#[test]
fn german_noun_written_in_lower_case_is_foreign() {
    for (text, word) in [
        ("Nach dem langen Tag gönnte sie sich eine massage im Hotel.", "massage"),
        ("Im Hotel gab es eine suite mit Blick auf den See.", "suite"),
    ] {
        let spans: Vec<&str> = found(text, Lang::De).into_iter().map(|(s, _)| s).collect();
        assert_eq!(spans, [word], "{text}");
        let capitalised = text.replace(word, &(word[..1].to_uppercase() + &word[1..]));
        assert_eq!(found(&capitalised, Lang::De), [], "{capitalised}");
    }
}

// A writer who capitalises nothing says nothing by case: "information" and
// "restaurant" are German nouns here, not English or Dutch words.
t!(
    sentence_all_in_lower_case_says_nothing_by_case,
    De,
    "heute habe ich mit meinem team ein problem im system gefunden und die information an die firma geschickt. wir waren im hotel und danach im restaurant, der film im kino war super.",
    []
);

// Case is German writers' evidence: an English writer puts German words in lower case.
t!(
    german_word_in_lower_case_in_english_text,
    En,
    "Merkel defended the energiewende in parliament.",
    [("energiewende", "de")]
);

// A sentence that starts in lower case says the writer does not capitalise.
t!(
    sentence_starting_in_lower_case_says_nothing_by_case,
    De,
    "hab heute eine massage gehabt.",
    []
);

#[test]
fn a_line_of_many_addresses_is_linear() {
    // Every word was checked against every web or mail address of its sentence: 15 s for
    // a line of 1.4 MB.
    let detector = Detector::default();
    detector.fragments("Die Listen laden.", Lang::De);
    let line = "Mail an a@b.c und ".repeat(30_000);
    let started = std::time::Instant::now();
    let fragments = detector.fragments(&line, Lang::De);
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    assert!(fragments.is_empty(), "{:?}", &fragments[..1]);
}

#[test]
fn a_sentence_of_megabytes_is_weighed_in_pieces() {
    // A sentence without an end, of megabytes, was weighed whole: its words' evidence
    // took about 14 times its bytes. In pieces, a fragment near its end is still found.
    let german = "die Regierung hat am Montag in Berlin das neue Gesetz beschlossen ";
    let text = format!("{}und join the conversation today.", german.repeat(3_000));
    assert!(text.len() > 3 * MAX_SENTENCE_BYTES);
    assert_eq!(found(&text, Lang::De), [("join the conversation today", "en".to_string())]);
}
