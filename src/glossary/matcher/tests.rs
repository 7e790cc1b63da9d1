//! The inflection cases of issue #4, the short-form rule and leftmost-longest matching,
//! on a small glossary written here.

use super::*;
use crate::glossary::sketch::glossary;

fn seeds_like() -> Matcher {
    Matcher::new(&glossary(&[
        "white-house: de=Weißes Haus | en=White House | es=Casa Blanca",
        "donald-trump: de=Donald Trump | de=Trump/admitted | en=Donald Trump | en=Trump/admitted",
        "mexico: de=Mexiko | en=Mexico | es=México",
        "cia: de=CIA | en=CIA | en=Central Intelligence Agency/admitted",
        "dea: de=DEA | en=DEA",
        "new-york-times: de=The New York Times | de=Times/admitted | en=The New York Times | en=Times/admitted",
        "marco-rubio: de=Marco Rubio | de=Rubio/admitted",
        "us: de=USA | de=Vereinigte Staaten/admitted | en=United States",
        "sheinbaum: de=Claudia Sheinbaum | de=Sheinbaum Pardo/deprecated | de=Sheinbaum/admitted",
    ]))
}

fn found(text: &str) -> Vec<(String, String)> {
    seeds_like()
        .find(text, Lang::De)
        .mentions
        .into_iter()
        .map(|m| (m.text, m.concept))
        .collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$(($surface:expr, $concept:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<(String, String)> = vec![$(($surface.to_string(), $concept.to_string())),*];
            assert_eq!(found($text), expected);
        }
    };
}

t!(genitive_of_a_two_word_term, "Ein Sprecher des Weißen Hauses sagte nichts.", [("Weißen Hauses", "white-house")]);
t!(dative_of_a_two_word_term, "Von dem Weißen Haus kam keine Antwort.", [("Weißen Haus", "white-house")]);
t!(nominative_with_article, "Das Weiße Haus schweigt.", [("Weiße Haus", "white-house")]);
t!(genitive_of_a_name, "Donald Trump sprach. Trumps Plan ist klar.", [("Donald Trump", "donald-trump"), ("Trumps", "donald-trump")]);
t!(genitive_of_a_country, "Die Souveränität Mexikos steht auf dem Spiel.", [("Mexikos", "mexico")]);
t!(hyphenated_compound_first_part, "Donald Trump lobt die Trump-Regierung.", [("Donald Trump", "donald-trump"), ("Trump", "donald-trump")]);
t!(acronym_in_a_compound, "CIA-Agenten und DEA-Agenten sind im Land.", [("CIA", "cia"), ("DEA", "dea")]);
t!(case_folded_match, "Die cia dementiert.", [("cia", "cia")]);
t!(longest_match_wins, "Die Vereinigte Staaten.", [("Vereinigte Staaten", "us")]);
t!(inflected_adjective_in_a_longer_term, "Die Vereinigten Staaten drängen.", [("Vereinigten Staaten", "us")]);
t!(short_form_resolves_with_the_full_form, "Laut The New York Times, so die Times weiter.", [("The New York Times", "new-york-times"), ("Times", "new-york-times")]);
t!(no_match_inside_a_word, "Die Mexikoreise und der Trumpet-Spieler.", []);
t!(words_of_a_term_must_be_adjacent, "Weißes. Haus", []);

#[test]
fn short_form_without_full_form_is_ambiguous() {
    let result = seeds_like().find("Rubio reiste nach Mexiko.", Lang::De);
    assert_eq!(result.mentions.len(), 1, "{result:?}");
    assert_eq!(result.ambiguous.len(), 1);
    assert_eq!(result.ambiguous[0].text, "Rubio");
    assert_eq!(result.ambiguous[0].candidates, ["marco-rubio"]);
}

#[test]
fn form_claimed_by_two_concepts_is_ambiguous() {
    let matcher = Matcher::new(&glossary(&[
        "nyt: en=The New York Times | en=Times/admitted",
        "ft: en=Financial Times | en=Times/admitted",
    ]));
    let result = matcher.find("The New York Times and the Financial Times agree, says the Times.", Lang::En);
    let resolved: Vec<&str> = result.mentions.iter().map(|m| m.concept.as_str()).collect();
    assert_eq!(resolved, ["nyt", "ft"]);
    assert_eq!(result.ambiguous[0].candidates, ["ft", "nyt"]);
}

#[test]
fn exact_match_beats_folded_one() {
    let matcher = Matcher::new(&glossary(&["a: de=Weißes Haus", "b: de=Weisses Haus/deprecated"]));
    let found = matcher.find("Das Weisses Haus.", Lang::De);
    assert_eq!(found.mentions[0].concept, "b");
    assert!(found.mentions[0].exact);
    let found = matcher.find("Das Weißes Haus.", Lang::De);
    assert_eq!(found.mentions[0].concept, "a");
}

#[test]
fn mention_reports_language_status_and_offsets() {
    let text = "Sheinbaum Pardo traf die Casa Blanca.";
    let matcher = Matcher::new(&glossary(&[
        "white-house: de=Weißes Haus | en=White House | es=Casa Blanca",
        "sheinbaum: de=Claudia Sheinbaum | de=Sheinbaum Pardo/deprecated",
    ]));
    let mentions = matcher.find(text, Lang::De).mentions;
    assert_eq!(mentions[0].status, TermStatus::Deprecated);
    assert_eq!(mentions[1].lang, Lang::Es, "a foreign form keeps its language");
    for m in &mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }
}

/// (text, term found as, status, exact) of each mention.
fn statuses(matcher: &Matcher, text: &str) -> Vec<(String, String, TermStatus, bool)> {
    let found = matcher.find(text, Lang::De).mentions;
    found.into_iter().map(|m| (m.text, m.term, m.status, m.exact)).collect()
}

fn row(text: &str, term: &str, status: TermStatus, exact: bool) -> (String, String, TermStatus, bool) {
    (text.into(), term.into(), status, exact)
}

#[test]
fn inflected_deprecated_spelling_beats_folded_preferred_term() {
    let matcher = Matcher::new(&glossary(&["white-house: de=Weißes Haus | de=Weisses Haus/deprecated"]));
    let text = "Das Weisse Haus schweigt. Ein Sprecher des Weissen Hauses sagte nichts.";
    assert_eq!(statuses(&matcher, text), [
        row("Weisse Haus", "Weisses Haus", TermStatus::Deprecated, true),
        row("Weissen Hauses", "Weisses Haus", TermStatus::Deprecated, true),
    ]);
    assert_eq!(statuses(&matcher, "Das WEISSE HAUS.")[0].2, TermStatus::Deprecated, "case alone is closer than ß");
}

#[test]
fn inflected_preferred_term_stays_preferred_and_exact() {
    let matcher = Matcher::new(&glossary(&["white-house: de=Weißes Haus | de=Weisses Haus/deprecated"]));
    assert_eq!(statuses(&matcher, "Das Weiße Haus. Des Weißen Hauses."), [
        row("Weiße Haus", "Weißes Haus", TermStatus::Preferred, true),
        row("Weißen Hauses", "Weißes Haus", TermStatus::Preferred, true),
    ]);
}

#[test]
fn folding_finds_the_preferred_term_when_no_variant_is_closer() {
    let matcher = Matcher::new(&glossary(&["white-house: de=Weißes Haus | de=Weisses Haus/deprecated", "maduro: de=Nicolás Maduro"]));
    assert_eq!(statuses(&matcher, "weiße haus, Nicolas Maduros"), [
        row("weiße haus", "Weißes Haus", TermStatus::Preferred, false),
        row("Nicolas Maduros", "Nicolás Maduro", TermStatus::Preferred, false),
    ]);
}

#[test]
fn variant_as_close_as_the_folded_preferred_term_wins() {
    let matcher = Matcher::new(&glossary(&["maduro: de=Nicolás Maduro | de=Nicolas Maduro/deprecated"]));
    assert_eq!(statuses(&matcher, "Nicolàs Maduro"), [row("Nicolàs Maduro", "Nicolas Maduro", TermStatus::Deprecated, false)]);
}

/// The concepts of the mentions, and the candidates and reason of each ambiguity, in a
/// text of `lang`.
fn resolved(matcher: &Matcher, text: &str, lang: Lang) -> (Vec<String>, Vec<(Vec<String>, Ambiguity)>) {
    let found = matcher.find(text, lang);
    let concepts = found.mentions.into_iter().map(|m| m.concept).collect();
    (concepts, found.ambiguous.into_iter().map(|a| (a.candidates, a.reason)).collect())
}

fn ids(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| id.to_string()).collect()
}

#[test]
fn shared_form_goes_to_the_concept_of_the_texts_language() {
    // Spain's Partido Popular and Portugal's CDS–PP: one name, two languages.
    let matcher = Matcher::new(&glossary(&["pp: es=Partido Popular | en=People's Party", "cds-pp: pt=Partido Popular | pt=CDS/admitted"]));
    let text = "El Partido Popular votó en contra.";
    assert_eq!(resolved(&matcher, text, Lang::Es), (ids(&["pp"]), vec![]));
    assert_eq!(resolved(&matcher, text, Lang::Pt), (ids(&["cds-pp"]), vec![]));
    // Neither has it in German: as ambiguous as before.
    assert_eq!(resolved(&matcher, text, Lang::De), (vec![], vec![(ids(&["cds-pp", "pp"]), Ambiguity::SharedForm)]));
}

#[test]
fn shared_form_of_one_language_stays_ambiguous() {
    let matcher = Matcher::new(&glossary(&["apple-inc: en=Apple", "apple-records: en=Apple | de=Apple Records"]));
    let ambiguous = vec![(ids(&["apple-inc", "apple-records"]), Ambiguity::SharedForm)];
    assert_eq!(resolved(&matcher, "Apple said so.", Lang::En), (vec![], ambiguous));
}

#[test]
fn short_form_ambiguities_say_whether_the_document_names_the_concepts() {
    let matcher = Matcher::new(&glossary(&["nyt: en=The New York Times | en=Times/admitted", "ft: en=Financial Times | en=Times/admitted"]));
    let candidates = ids(&["ft", "nyt"]);
    assert_eq!(resolved(&matcher, "The Times said so.", Lang::En).1, [(candidates.clone(), Ambiguity::NotNamedInFull)]);
    let both = "The New York Times and the Financial Times agree, says the Times.";
    assert_eq!(resolved(&matcher, both, Lang::En).1, [(candidates, Ambiguity::SeveralNamedInFull)]);
}

/// (text, concept) of each mention of `matcher` in an English text.
fn found_in(matcher: &Matcher, text: &str) -> Vec<(String, String)> {
    matcher.find(text, Lang::En).mentions.into_iter().map(|m| (m.text, m.concept)).collect()
}

fn pairs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(text, concept)| (text.to_string(), concept.to_string())).collect()
}

#[test]
fn name_marks_must_be_in_the_text() {
    // "C++" was looked for as "C", and found in "vitamin C".
    let matcher = Matcher::new(&glossary(&["cpp: en=C++", "csharp: en=C#", "canal-plus: fr=Canal+", "c: en=C"]));
    assert_eq!(found_in(&matcher, "Take vitamin C daily."), pairs(&[("C", "c")]));
    assert_eq!(found_in(&matcher, "She writes C++, C# and C; Canal+ shows it, Canal does not."),
        pairs(&[("C++", "cpp"), ("C#", "csharp"), ("C", "c"), ("Canal+", "canal-plus")]));
}

#[test]
fn a_term_without_marks_is_not_found_in_a_name_with_them() {
    // "C" alone was found in "C++", "Canal" in "Canal+".
    let matcher = Matcher::new(&glossary(&["c: en=C", "canal: en=Canal", "metoo: en=MeToo"]));
    assert_eq!(found_in(&matcher, "She writes C++ and C#; Canal+ shows it."), pairs(&[]));
    assert_eq!(found_in(&matcher, "Not C. Canal, and #MeToo."),
        pairs(&[("C", "c"), ("Canal", "canal"), ("MeToo", "metoo")]));
}

#[test]
fn other_punctuation_at_a_terms_edge_stays_optional() {
    let matcher = Matcher::new(&glossary(&["yahoo: en=Yahoo!", "us: en=U.S."]));
    assert_eq!(found_in(&matcher, "Yahoo said the U.S said so."), pairs(&[("Yahoo", "yahoo"), ("U.S", "us")]));
}

/// (text, shared_dot) of each mention of a German text, with terms for the USA that end
/// in a dot and one that does not.
fn dotted(text: &str) -> Vec<(String, bool)> {
    let matcher = Matcher::new(&glossary(&["us: de=USA | en=U.S. | es=EE.UU.", "inc: en=Apple Inc.", "trump (person): en=Donald Trump | en=Trump", "army: en=Army"]));
    let found = matcher.find(text, Lang::De).mentions;
    for m in &found {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    found.into_iter().map(|m| (m.text, m.shared_dot)).collect()
}

fn dots(pairs: &[(&str, bool)]) -> Vec<(String, bool)> {
    pairs.iter().map(|&(text, shared)| (text.to_string(), shared)).collect()
}

#[test]
fn a_terms_final_dot_is_part_of_the_mention() {
    // The mentions were "U.S" and "EE.UU", and `translate` left their dots behind.
    assert_eq!(dotted("Laut U.S. Behörden und EE.UU. ist das so."), dots(&[("U.S.", false), ("EE.UU.", false)]));
    assert_eq!(dotted("Die Apple Inc. und die U.S., sagt er."), dots(&[("Apple Inc.", false), ("U.S.", false)]));
}

#[test]
fn a_final_dot_that_also_ends_the_sentence_is_shared() {
    let text = "Hilfe für die U.S.\nSie gehen in die U.S. Die Regierung schweigt. „Nicht die EE.UU.“\nDas Geld der Apple Inc.";
    assert_eq!(dotted(text), dots(&[("U.S.", true), ("U.S.", true), ("EE.UU.", true), ("Apple Inc.", true)]));
}

#[test]
fn a_final_dot_a_word_touches_is_shared() {
    let text = "Die U.S.10.11.2025 sowie U.S.12:30 Uhr.";
    assert_eq!(dotted(text), dots(&[("U.S.", true), ("U.S.", true)]));
}

#[test]
fn a_final_dot_before_a_persons_name_is_shared() {
    // The name was taken for the abbreviation's continuation: "aus den USA Donald Trump sagte".
    let text = "Die Hilfe kam aus den U.S. Donald Trump sagte, es reiche. Geld der EE.UU. „Trump hat recht“, sagte er.";
    assert_eq!(dotted(text), dots(&[("U.S.", true), ("Donald Trump", false), ("EE.UU.", true), ("Trump", false)]));
}

#[test]
fn a_final_dot_before_other_names_and_compounds_is_the_terms() {
    let text = "Die U.S. Army und die U.S. Trump-Zölle.";
    assert_eq!(dotted(text), dots(&[("U.S.", false), ("Army", false), ("U.S.", false), ("Trump", false)]));
}

#[test]
fn a_dotted_term_is_not_found_in_a_longer_abbreviation() {
    // "U.S." was found in "U.S.A." (and "U.S.A." became "USA.A.").
    assert_eq!(dotted("Die U.S.A. und die U.S.A sind die U.S.-Regierung."), dots(&[("U.S.", false)]));
}

#[test]
fn a_term_without_a_final_dot_leaves_the_full_stop_to_the_sentence() {
    assert_eq!(dotted("Hilfe für die USA. Die USA."), dots(&[("USA", false), ("USA", false)]));
    assert_eq!(dotted("The U.S said so."), dots(&[("U.S", false)]), "the term's dot stays optional");
}

#[test]
fn terms_that_begin_alike_are_told_apart_by_their_next_word() {
    // More than CROWDED forms begin with "Universität", so the second word picks.
    let towns: Vec<String> = (0..2 * CROWDED).map(|k| format!("Ort{k}")).collect();
    let mut entries: Vec<String> = towns
        .iter()
        .map(|town| format!("uni-{town}: de=Universität {town}"))
        .collect();
    entries.extend([
        "uni: de=Universität".to_string(),
        "uni-bern: de=Universität Bern".to_string(),
        "uni-bern-hospital: de=Universität Bern Inselspital".to_string(),
        "eth: de=Eidgenössische Technische Hochschule".to_string(),
    ]);
    let entries: Vec<&str> = entries.iter().map(String::as_str).collect();
    let matcher = Matcher::new(&glossary(&entries));
    let text = "Die Universität Berns, die Universitäten, die Universität Ort7 und die \
                Universität Bern Inselspital neben der Eidgenössischen Technischen Hochschule.";
    let mentions = matcher.find(text, Lang::De).mentions;
    let found: Vec<(&str, &str)> = mentions
        .iter()
        .map(|m| (&text[m.start..m.end], m.concept.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("Universität Berns", "uni-bern"),
            ("Universitäten", "uni"),
            ("Universität Ort7", "uni-Ort7"),
            ("Universität Bern Inselspital", "uni-bern-hospital"),
            ("Eidgenössischen Technischen Hochschule", "eth"),
        ]
    );
}
