//! Facts found in sentences of each language, one sentence per case; every fact of the
//! sentence is listed, so that a fact found where there is none fails too.

use super::*;
use crate::diff::tokens::tokenize;
use FactKind::{Date, Entity, Negation, Number, Weekday};

fn found(lang: Lang, text: &str) -> Vec<(FactKind, String, String)> {
    sentence_facts(text, tokenize(text), lang, Names::Shaped)
        .into_iter()
        .map(|f| (f.kind, text[f.start..f.end].to_string(), f.value))
        .collect()
}

macro_rules! facts {
    ($name:ident, $lang:ident, $text:expr, [$(($kind:expr, $written:expr, $value:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<(FactKind, String, String)> =
                vec![$(($kind, $written.to_string(), $value.to_string())),*];
            assert_eq!(found(Lang::$lang, $text), expected, "{}", $text);
        }
    };
}

#[rustfmt::skip]
mod german {
    use super::*;
    facts!(thousands_and_scale_words, De,
        "Bei dem Einsatz wurden 20.000 Soldaten und 1,5 Millionen Euro bereitgestellt.",
        [(Number, "20.000", "20000"), (Number, "1,5 Millionen", "1500000")]);
    facts!(percent_word_and_sign, De,
        "Die Zustimmung lag bei 97 Prozent, im Vorjahr bei 88 %.",
        [(Number, "97 Prozent", "97%"), (Number, "88 %", "88%")]);
    facts!(ordinal_date_and_weekday, De,
        "Am 3. Januar 2025 traf sie den Minister, am Dienstag reiste sie ab.",
        [(Date, "3. Januar 2025", "2025-01-03"), (Weekday, "Dienstag", "tuesday")]);
    facts!(a_month_before_a_number_is_no_date, De,
        "Im März 20 Prozent mehr, von 1500-2000 Soldaten ist die Rede, Krieg 1618-1648.",
        [(Date, "März", "--03"), (Number, "20 Prozent", "20%"), (Date, "1618", "1618"),
         (Date, "1648", "1648")]);
    facts!(day_and_month_without_year, De,
        "Die Gespräche begannen am 14. März in der Hauptstadt.",
        [(Date, "14. März", "--03-14")]);
    facts!(number_word_vague_quantifier_and_negation, De,
        "Das Ministerium stufte sechs Kartelle ein, nicht aber mehrere kleinere Gruppen.",
        [(Number, "sechs", "6"), (Negation, "nicht", "nicht"), (Number, "mehrere", "several")]);
    facts!(year_in_context_and_not_only, De,
        "Der Vertrag wurde im Jahr 2019 geschlossen und gilt nicht nur in Europa.",
        [(Date, "2019", "2019")]);
    facts!(kein_is_a_negation, De,
        "Die Behörde hat keine Angaben gemacht.",
        [(Negation, "keine", "keine")]);
    facts!(an_ordinal_is_no_quantity, De,
        "Erst der 2. Versuch gelang.",
        []);
    facts!(iso_and_dotted_dates, De,
        "Die Frist endet am 2025-11-04, verlängert bis 4.12.2025.",
        [(Date, "2025-11-04", "2025-11-04"), (Date, "4.12.2025", "2025-12-04")]);
    facts!(decomposed_umlauts_are_found, De,
        "Die Gespräche begannen am 14. Ma\u{308}rz.",
        [(Date, "14. Ma\u{308}rz", "--03-14")]);
    facts!(month_alone, De,
        "Bereits im Februar hatte das Amt gewarnt.",
        [(Date, "Februar", "--02")]);
    facts!(acronyms_and_a_name_but_not_nouns, De,
        "Die Regierung von Präsidentin Claudia Sheinbaum lehnte den Plan der CIA ab.",
        [(Entity, "Claudia Sheinbaum", "claudia sheinbaum"), (Entity, "CIA", "cia")]);
    facts!(a_noun_after_an_article_starts_no_name, De,
        "Die Zeitung schrieb über die Rolle Washingtons im Nordwesten Mexikos.",
        []);
    facts!(a_noun_before_a_name_is_no_name, De,
        "Die Souveränität Mexikos steht nicht zur Debatte.",
        [(Negation, "nicht", "nicht")]);
    facts!(capitalised_quantity_nouns, De,
        "Dutzende Menschen protestierten, Tausende schauten zu.",
        [(Number, "Dutzende", "dozens"), (Number, "Tausende", "thousands")]);
    facts!(a_headline_in_capitals_has_no_acronyms, De,
        "EILMELDUNG: USA UND MEXIKO EINIGEN SICH",
        []);
    facts!(a_name_at_the_start_of_a_sentence, De,
        "Olaf Scholz sagte am Montag, die Lage sei ernst.",
        [(Entity, "Olaf Scholz", "olaf scholz"), (Weekday, "Montag", "monday")]);
    facts!(an_adjective_at_the_start_starts_no_name, De,
        "Neue Regeln gelten ab Montag.",
        [(Weekday, "Montag", "monday")]);
    facts!(an_inflected_adjective_at_the_start_starts_no_name, De,
        "Deutsche Soldaten bleiben in Mali.",
        []);
    facts!(a_weekday_with_a_part_of_the_day, De,
        "Die Kommission tagte am Montagmorgen, die Wahl folgt am Sonntagabend.",
        [(Weekday, "Montagmorgen", "monday"), (Weekday, "Sonntagabend", "sunday")]);
    facts!(thousands_set_apart_by_spaces_and_a_year_before_a_number, De,
        "Im Jahr 2024 12 Menschen und 1 200 Tiere, dazu 2\u{202f}500\u{202f}000 Euro.",
        [(Date, "2024", "2024"), (Number, "12", "12"), (Number, "1 200", "1200"),
         (Number, "2\u{202f}500\u{202f}000", "2500000")]);
    facts!(a_space_groups_only_three_digits, De,
        "Von 12 5 Gruppen und 1 20 Stellen.",
        [(Number, "12", "12"), (Number, "5", "5"), (Number, "1", "1"), (Number, "20", "20")]);
    facts!(abbreviated_scale, De,
        "Der Schaden liegt bei 3,2 Mrd. Euro.",
        [(Number, "3,2 Mrd.", "3200000000")]);
}

#[rustfmt::skip]
mod english {
    use super::*;
    facts!(thousands_scale_and_weekday, En,
        "Officials said 20,000 troops and $2.5 billion were approved on Tuesday.",
        [(Number, "20,000", "20000"), (Number, "2.5 billion", "2500000000"), (Weekday, "Tuesday", "tuesday")]);
    facts!(percent_date_quantifier_negation, En,
        "Support fell to 97 percent on January 3, 2025, but several lawmakers did not agree.",
        [(Number, "97 percent", "97%"), (Date, "January 3, 2025", "2025-01-03"),
         (Number, "several", "several"), (Negation, "not", "not")]);
    facts!(contracted_negation_and_number_word, En,
        "The agency didn't name six cartels in March.",
        [(Negation, "didn't", "didn't"), (Number, "six", "6"), (Date, "March", "--03")]);
    facts!(month_then_day, En,
        "On May 20 the talks ended.",
        [(Date, "May 20", "--05-20")]);
    facts!(day_before_month, En,
        "The talks ended on 3rd of May 2024 without a deal.",
        [(Date, "3rd of May 2024", "2024-05-03")]);
    facts!(one_alone_is_no_number, En,
        "One of the officials spoke to one reporter.",
        []);
    facts!(a_name_of_several_words, En,
        "The plan was first reported by The New York Times on Monday.",
        [(Entity, "New York Times", "new york tim"), (Weekday, "Monday", "monday")]);
    facts!(a_name_at_the_start_of_a_sentence, En,
        "Joe Biden said on Monday the situation was serious.",
        [(Entity, "Joe Biden", "joe bid"), (Weekday, "Monday", "monday")]);
    facts!(a_word_at_the_start_of_a_sentence_is_no_name, En,
        "Officials said the plan was serious.",
        []);
    facts!(a_plain_space_groups_no_thousands_in_english, En,
        "Of 1 200 jobs, 1\u{a0}500 remain.",
        [(Number, "1", "1"), (Number, "200", "200"), (Number, "1\u{a0}500", "1500")]);
    facts!(not_only_is_no_negation, En,
        "The deal covers not only drugs but also weapons.",
        []);
    facts!(percentage_points, En,
        "Inflation rose by 1.5 percentage points.",
        [(Number, "1.5 percentage points", "1.5pp")]);
}

#[rustfmt::skip]
mod spanish {
    use super::*;
    facts!(thousands_scale_and_weekday, Es,
        "El gobierno desplegó 20.000 soldados y 1,5 millones de dólares el martes.",
        [(Number, "20.000", "20000"), (Number, "1,5 millones", "1500000"), (Weekday, "martes", "tuesday")]);
    facts!(percent_words_and_date_with_de, Es,
        "La aprobación llegó al 97 por ciento el 3 de enero de 2025.",
        [(Number, "97 por ciento", "97%"), (Date, "3 de enero de 2025", "2025-01-03")]);
    facts!(vague_quantifier_at_the_start_and_negation, Es,
        "Varios funcionarios no confirmaron la cifra.",
        [(Number, "Varios", "several"), (Negation, "no", "no")]);
    facts!(never_number_word_and_a_name_with_connectors, Es,
        "Nunca se publicaron seis informes de la Secretaría de la Defensa Nacional.",
        [(Negation, "Nunca", "nunca"), (Number, "seis", "6"),
         (Entity, "Secretaría de la Defensa Nacional", "secretaria defensa nacional")]);
    facts!(thousand_million, Es,
        "El plan costará 20 mil millones de pesos.",
        [(Number, "20 mil millones", "20000000000")]);
    facts!(no_solo_is_no_negation, Es,
        "El acuerdo no solo abarca drogas.",
        []);
    facts!(month_and_year, Es,
        "La operación comenzó en febrero de 2024.",
        [(Date, "febrero de 2024", "2024-02")]);
}

#[rustfmt::skip]
mod french {
    use super::*;
    facts!(thousands_set_apart_by_spaces, Fr,
        "L'entreprise supprime 1 200 postes et 3\u{a0}400 autres.",
        [(Number, "1 200", "1200"), (Number, "3\u{a0}400", "3400")]);
    facts!(space_grouped_thousands_with_decimals, Fr,
        "Le tunnel mesure 1 200,5 mètres, soit 12,5 de plus, et coûte 2\u{202f}000\u{202f}000,25 euros.",
        [(Number, "1 200,5", "1200.5"), (Number, "12,5", "12.5"),
         (Number, "2\u{202f}000\u{202f}000,25", "2000000.25")]);
}

#[rustfmt::skip]
mod dutch {
    use super::*;
    facts!(a_weekday_with_a_part_of_the_day, Nl,
        "De commissie vergaderde maandagochtend.",
        [(Weekday, "maandagochtend", "monday")]);
}

#[test]
fn spans_are_the_written_text() {
    let text = "„Wir haben nie 1.200 Soldaten geschickt“, sagte am Mittwoch, 5. März, die DEA.";
    for fact in sentence_facts(text, tokenize(text), Lang::De, Names::Shaped) {
        assert!(text.is_char_boundary(fact.start) && text.is_char_boundary(fact.end));
        assert!(fact.start < fact.end);
    }
    let kinds: Vec<FactKind> = found(Lang::De, text).into_iter().map(|f| f.0).collect();
    assert_eq!(kinds, [Negation, Number, Weekday, Date, Entity]);
}

#[test]
fn glossary_mentions_replace_shaped_names() {
    let text = "Die DEA und Präsidentin Claudia Sheinbaum sprachen.";
    let start = text.find("Claudia").unwrap();
    let mentions = [SentenceMention {
        start,
        end: start + "Claudia Sheinbaum".len(),
        concept: "claudia-sheinbaum".into(),
    }];
    let facts = sentence_facts(text, tokenize(text), Lang::De, Names::Glossary(&mentions));
    let entities: Vec<(&str, &str)> = facts
        .iter()
        .filter(|f| f.kind == Entity)
        .map(|f| (&text[f.start..f.end], f.value.as_str()))
        .collect();
    assert_eq!(entities, [("Claudia Sheinbaum", "claudia-sheinbaum")]);
}

#[test]
fn context_tells_what_a_number_counts() {
    let l = "Das Amt nannte sechs mexikanische Kartelle.";
    let r = "Das Amt nannte mehrere mexikanische Drogenkartelle.";
    let (a, b) = (
        sentence_facts(l, tokenize(l), Lang::De, Names::Shaped),
        sentence_facts(r, tokenize(r), Lang::De, Names::Shaped),
    );
    assert!(same_context(&a[0].context, &b[0].context));
    let other = "In mehreren Bundesstaaten herrscht Gewalt.";
    let c = sentence_facts(other, tokenize(other), Lang::De, Names::Shaped);
    assert!(!same_context(&a[0].context, &c[0].context));
}

#[test]
fn stems_drop_inflection_endings() {
    for (word, expected) in [
        ("kartelle", "kartell"),
        ("kartellen", "kartell"),
        ("mexikanischen", "mexikanisch"),
        ("soldaten", "soldat"),
        ("troops", "troop"),
        ("haus", "haus"),
        ("dies", "dies"),
    ] {
        assert_eq!(stem(word), expected, "{word}");
    }
}
