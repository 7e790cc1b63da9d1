//! Rewriting a text with a glossary: `normalize` replaces deprecated variants with the
//! preferred term of the document's language (an admitted one where it has none),
//! `translate` replaces forms of another language ("Casa Blanca" in German text) with
//! it. A language with only deprecated terms and candidates gives nothing to write, so
//! nothing is replaced. Every change is reported with its offsets in the original text.

use serde::Serialize;

use super::adjective_endings::after_article;
use super::inflection::{fold, inflect, inflection};
use super::matcher::scan_words;
use super::{ConceptIndex, Glossary, Mention, TermStatus};
use crate::Lang;

/// What a rewrite replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RewriteMode {
    /// Deprecated variants of the document's language.
    Normalize,
    /// Terms of other languages.
    Translate,
}

/// One replacement, with offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The concept's id.
    pub concept: String,
    /// First byte of the replaced text in the original.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text replaced.
    pub from: String,
    /// The text put in.
    pub to: String,
    /// Why: `deprecated` or `foreign-form`.
    pub reason: &'static str,
}

/// A rewritten text and the changes that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rewrite {
    /// The new text.
    pub text: String,
    /// The changes, in text order.
    pub changes: Vec<Change>,
}

/// Whether a mention is a term of another language than the document's, with no term
/// of the document's language written the same way.
pub fn is_foreign_form(mention: &Mention, concepts: &ConceptIndex<'_>, lang: Lang) -> bool {
    if mention.lang == lang {
        return false;
    }
    let Some(concept) = concepts.get(&mention.concept) else {
        return false;
    };
    let own = concept
        .terms
        .get(&lang)
        .map(Vec::as_slice)
        .unwrap_or_default();
    !own.iter().any(|t| fold(&t.text) == fold(&mention.term))
}

/// Whether a mention is a term of the document's language `lang` that the glossary
/// deprecates: what normalizing replaces.
pub(crate) fn is_deprecated_variant(mention: &Mention, lang: Lang) -> bool {
    mention.lang == lang && mention.status == TermStatus::Deprecated
}

/// The replacement for a mention under `mode`, if it needs one: the term to write in
/// `lang` ([`Concept::recommended`](super::Concept::recommended): never a deprecated
/// one or a candidate), with the endings the mention gives the form it was found as: word by word
/// ("Weissen Hauses" → "Weißen Hauses"), or on the last word when the two terms have
/// different numbers of words ("Maduros" → "Nicolás Maduros"); and with a final dot
/// where the mention's own was also the sentence's ("an die U.S." → "an die USA.").
/// Where a dot follows the mention ([`Mention::dot_after`]) and the replacement ends in
/// one, the replacement takes the place of that dot too ("los EEUU." → "los EE. UU."); a
/// German article before it is made to agree ("Die White House" → "Das Weiße Haus").
/// These two are applied by [`rewrite`]; this returns the term as it stands alone.
pub fn replacement(
    mention: &Mention,
    concepts: &ConceptIndex<'_>,
    lang: Lang,
    mode: RewriteMode,
) -> Option<(String, &'static str)> {
    let reason = match mode {
        RewriteMode::Normalize if is_deprecated_variant(mention, lang) => "deprecated",
        RewriteMode::Translate if is_foreign_form(mention, concepts, lang) => "foreign-form",
        _ => return None,
    };
    let target = concepts.get(&mention.concept)?.recommended(lang)?;
    let mut to = inflected_like(&mention.text, &mention.term, &target.text);
    if mention.shared_dot && !to.ends_with('.') {
        to.push('.');
    }
    // A dot after the mention may complete `to` ("EE. UU" followed by "." is "EE. UU.").
    let placed = replaced(mention, &to);
    (placed.to != placed.from).then_some((to, reason))
}

/// A replacement as it goes into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Replaced {
    /// Where the replaced text starts, in bytes.
    pub(crate) start: usize,
    /// One past its end.
    pub(crate) end: usize,
    /// The text replaced.
    pub(crate) from: String,
    /// The text written in its place.
    pub(crate) to: String,
}

/// How the replacement `to` of `mention` goes into the text. It takes the place of the
/// mention; of the dot right after it too where `to` ends with a dot of its own, as one
/// dot ends both an abbreviation and the sentence ("los EEUU." → "los EE. UU.", never
/// "EE. UU.."; a ".." that was in the text stays); and of the German article before it
/// where `to` is a name in its dictionary form that must agree with the article ("Die
/// White House" → "Das Weiße Haus", "dem White House" → "dem Weißen Haus"; see
/// [`after_article`]).
pub(crate) fn replaced(mention: &Mention, to: &str) -> Replaced {
    let mut placed = if mention.dot_after && to.ends_with('.') {
        Replaced {
            start: mention.start,
            end: mention.end + 1,
            from: format!("{}.", mention.text),
            to: to.to_string(),
        }
    } else {
        Replaced {
            start: mention.start,
            end: mention.end,
            from: mention.text.clone(),
            to: to.to_string(),
        }
    };
    let Some(before) = mention.article_before.as_deref() else {
        return placed;
    };
    let article = before.trim_end_matches(' ');
    if let Some((article_to_write, name)) = after_article(to, article) {
        let spaces = &before[article.len()..];
        placed.start = mention.start - before.len();
        placed.from = format!("{before}{}", placed.from);
        placed.to = format!("{article_to_write}{spaces}{name}");
    }
    placed
}

/// `target` with the endings `text` gives `term`, the form it was found as. Word by
/// word when `term` and `target` have as many words ("Europaeischen Union" over
/// "Europaeische Union" → "Europäischen Union", "Weissen Hauses" over "Weisses Haus" →
/// "Weißen Hauses"); otherwise only the last word's ending ("Maduros" → "Nicolás
/// Maduros"), as the words need not correspond.
fn inflected_like(text: &str, term: &str, target: &str) -> String {
    let text_words: Vec<_> = scan_words(text).collect();
    let term_words: Vec<_> = scan_words(term).collect();
    let target_words: Vec<_> = scan_words(target).collect();
    let n = term_words.len();
    if n == 0 || text_words.len() != n || target_words.is_empty() {
        return target.to_string();
    }
    let pairs: Vec<(usize, usize)> = if target_words.len() == n {
        (0..n).map(|k| (k, k)).collect()
    } else {
        vec![(n - 1, target_words.len() - 1)]
    };
    let mut out = target.to_string();
    // From the last word back, so the spans of earlier words stay valid.
    for (k, t) in pairs.into_iter().rev() {
        let word = text_words[k].text(text);
        if let Some(how) = inflection(term_words[k].text(term), word, k + 1 < n) {
            let span = target_words[t];
            out.replace_range(span.start..span.end, &inflect(span.text(target), how));
        }
    }
    out
}

/// Applies `mode` to `text` (a document in `lang`) given its mentions, as
/// [`Matcher::find`](crate::glossary::Matcher::find) returns them: in order and not
/// overlapping. A mention that starts before the end of the one rewritten last, or
/// lies outside `text`, is left alone.
pub fn rewrite(
    text: &str,
    mentions: &[Mention],
    glossary: &Glossary,
    lang: Lang,
    mode: RewriteMode,
) -> Rewrite {
    let concepts = glossary.index();
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::new();
    let mut copied = 0;
    for mention in mentions {
        let inside = copied <= mention.start
            && mention.start <= mention.end
            && text.get(mention.start..mention.end).is_some();
        if !inside {
            continue;
        }
        let Some((to, reason)) = replacement(mention, &concepts, lang, mode) else {
            continue;
        };
        let mut placed = replaced(mention, &to);
        // Mentions made for another text, or an article inside the change before.
        if copied > placed.start || text.get(placed.start..placed.end) != Some(&placed.from) {
            placed = Replaced {
                start: mention.start,
                end: mention.end,
                from: mention.text.clone(),
                to,
            };
        }
        out.push_str(&text[copied..placed.start]);
        out.push_str(&placed.to);
        copied = placed.end;
        changes.push(Change {
            concept: mention.concept.clone(),
            start: placed.start,
            end: placed.end,
            from: placed.from,
            to: placed.to,
            reason,
        });
    }
    out.push_str(&text[copied..]);
    Rewrite { text: out, changes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Matcher;
    use crate::glossary::{Concept, EntityType, Term};
    use std::collections::BTreeMap;

    fn term(text: &str, status: TermStatus) -> Term {
        Term {
            text: text.into(),
            status,
            note: None,
        }
    }

    fn glossary() -> Glossary {
        let mut white_house = BTreeMap::new();
        white_house.insert(Lang::De, vec![term("Weißes Haus", TermStatus::Preferred)]);
        white_house.insert(Lang::Es, vec![term("Casa Blanca", TermStatus::Preferred)]);
        let mut sheinbaum = BTreeMap::new();
        sheinbaum.insert(
            Lang::De,
            vec![
                term("Claudia Sheinbaum", TermStatus::Preferred),
                term("Sheinbaum Pardo", TermStatus::Deprecated),
            ],
        );
        let mut cia = BTreeMap::new();
        cia.insert(Lang::De, vec![term("CIA", TermStatus::Preferred)]);
        cia.insert(Lang::En, vec![term("CIA", TermStatus::Preferred)]);
        Glossary {
            concepts: vec![
                Concept {
                    id: "white-house".into(),
                    entity_type: EntityType::Organisation,
                    terms: white_house,
                    note: None,
                },
                Concept {
                    id: "sheinbaum".into(),
                    entity_type: EntityType::Person,
                    terms: sheinbaum,
                    note: None,
                },
                Concept {
                    id: "cia".into(),
                    entity_type: EntityType::Organisation,
                    terms: cia,
                    note: None,
                },
            ],
        }
    }

    /// `text`, a document in `lang`, rewritten with `glossary` under `mode`.
    fn rewritten(glossary: &Glossary, text: &str, lang: Lang, mode: RewriteMode) -> Rewrite {
        let mentions = Matcher::new(glossary).find(text, lang).mentions;
        rewrite(text, &mentions, glossary, lang, mode)
    }

    fn run(text: &str, mode: RewriteMode) -> Rewrite {
        rewritten(&glossary(), text, Lang::De, mode)
    }

    #[test]
    fn translate_replaces_foreign_forms_only() {
        let result = run(
            "Die Casa Blanca und die CIA schweigen.",
            RewriteMode::Translate,
        );
        assert_eq!(result.text, "Das Weiße Haus und die CIA schweigen.");
        assert_eq!(result.changes.len(), 1);
        assert_eq!((result.changes[0].start, result.changes[0].end), (0, 15));
        assert_eq!(result.changes[0].reason, "foreign-form");
    }

    #[test]
    fn a_name_put_after_an_article_agrees_with_it() {
        for (text, expected) in [
            ("Die Casa Blanca schweigt.", "Das Weiße Haus schweigt."),
            (
                "Mit dem Casa Blanca sprach er.",
                "Mit dem Weißen Haus sprach er.",
            ),
            // The genitive would need the noun's ending too: left in its dictionary form.
            (
                "Ein Sprecher des Casa Blanca schwieg.",
                "Ein Sprecher des Weißes Haus schwieg.",
            ),
            // No article: the dictionary form.
            ("Laut Casa Blanca nicht.", "Laut Weißes Haus nicht."),
        ] {
            let mut result = run(text, RewriteMode::Translate);
            if result.changes.is_empty() {
                result = run(text, RewriteMode::Normalize);
            }
            assert_eq!(result.text, expected, "{text}");
            let again = run(&result.text, RewriteMode::Normalize);
            assert!(again.changes.is_empty(), "{text}: {:?}", again.changes);
        }
    }

    #[test]
    fn names_after_an_article_agree_only_in_german() {
        let glossary = glossary();
        let text = "Die Casa Blanca schweigt.";
        let result = rewritten(&glossary, text, Lang::En, RewriteMode::Translate);
        assert!(!result.text.starts_with("Das"), "{}", result.text);
    }

    #[test]
    fn normalize_replaces_deprecated_variants_and_keeps_endings() {
        let result = run(
            "Sheinbaum Pardos Plan. Sheinbaum Pardo schweigt.",
            RewriteMode::Normalize,
        );
        assert_eq!(
            result.text,
            "Claudia Sheinbaums Plan. Claudia Sheinbaum schweigt."
        );
        assert_eq!(result.changes.len(), 2);
        assert!(result.changes.iter().all(|c| c.reason == "deprecated"));
    }

    #[test]
    fn mentions_out_of_order_or_outside_the_text_are_left_alone() {
        let glossary = glossary();
        let text = "Die Casa Blanca und die Casa Blanca.";
        let mut mentions = Matcher::new(&glossary).find(text, Lang::De).mentions;
        assert_eq!(mentions.len(), 2);
        mentions.reverse();
        let mut outside = mentions[0].clone();
        outside.start = 100;
        outside.end = 111;
        mentions.push(outside);
        let result = rewrite(text, &mentions, &glossary, Lang::De, RewriteMode::Translate);
        assert_eq!(result.text, "Die Casa Blanca und das Weiße Haus.");
        assert_eq!(result.changes.len(), 1);
    }

    #[test]
    fn nothing_to_change_gives_the_same_text() {
        let text = "Claudia Sheinbaum und das Weiße Haus.";
        assert_eq!(run(text, RewriteMode::Normalize).text, text);
        assert_eq!(run(text, RewriteMode::Translate).text, text);
    }

    /// `text` normalised with a glossary of native rows `id<TAB>lang<TAB>term<TAB>status`.
    fn normalized(rows: &[&str], text: &str) -> String {
        let mut tsv = String::from("id\ttype\tlang\tterm\tstatus\tnote\n");
        for row in rows {
            let (id, rest) = row.split_once('\t').unwrap();
            tsv.push_str(&format!("{id}\torganisation\t{rest}\n"));
        }
        let glossary = crate::glossary::parse(std::path::Path::new("g.tsv"), &tsv, None).unwrap();
        rewritten(&glossary, text, Lang::De, RewriteMode::Normalize).text
    }

    /// One normalisation case per line: the concept's German rows as `term/status`, the
    /// text, the text normalised.
    macro_rules! n {
        ($name:ident, [$($row:expr),*], $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let rows: Vec<String> = [$($row),*]
                    .iter()
                    .map(|row: &&str| {
                        let (term, status) = row.split_once('/').unwrap();
                        format!("c\tde\t{term}\t{status}")
                    })
                    .collect();
                let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
                assert_eq!(normalized(&rows, $text), $expected);
            }
        };
    }

    #[rustfmt::skip]
    mod endings {
        use super::*;
        n!(kept_on_every_word, ["Europäische Union/preferred", "Europaeische Union/deprecated"], "Der Europaeischen Union.", "Der Europäischen Union.");
        n!(adjective_ending_replaced, ["Weißes Haus/preferred", "Weisses Haus/deprecated"], "Das Weisse Haus. Des Weissen Hauses. Das Weißes Haus.", "Das Weiße Haus. Des Weißen Hauses. Das Weißes Haus.");
        n!(last_word_only_when_fewer_words, ["Nicolás Maduro/preferred", "Maduro Moros/deprecated"], "Maduro Moross Plan.", "Nicolás Maduros Plan.");
        n!(last_word_only_when_more_words, ["Nicolás Maduro/preferred", "Presidente Nicolas Maduro/deprecated"], "Presidente Nicolas Maduros Plan.", "Nicolás Maduros Plan.");
        n!(admitted_term_where_none_is_preferred, ["Haus/deprecated", "Gebäude/admitted"], "Das Haus.", "Das Gebäude.");
        n!(never_a_deprecated_term, ["Haus/deprecated", "Hütte/deprecated"], "Die Hütte. Das Haus.", "Die Hütte. Das Haus.");
        n!(never_a_candidate, ["Haus/deprecated", "Hütte/candidate"], "Das Haus.", "Das Haus.");
        n!(dotted_variant_by_dotted_term, ["EE. UU./preferred", "EE.UU./deprecated"], "Die EE.UU. Behörden und die EE.UU.", "Die EE. UU. Behörden und die EE. UU.");
        n!(dotted_variant_by_plain_term_mid_sentence, ["USA/preferred", "U.S./deprecated"], "Die U.S. Behörden, die U.S., die (U.S.) Behörden.", "Die USA Behörden, die USA, die (USA) Behörden.");
        n!(dotted_variant_by_plain_term_at_sentence_end, ["USA/preferred", "U.S./deprecated"], "Hilfe für die U.S. Die U.S.\nDie U.S.", "Hilfe für die USA. Die USA.\nDie USA.");
        n!(plain_variant_by_dotted_term_takes_the_full_stop_in, ["EE. UU./preferred", "EEUU/deprecated"], "Hilfe der EEUU. Die EEUU... Die EEUU, die EEUU.\n", "Hilfe der EE. UU. Die EE. UU... Die EE. UU., die EE. UU.\n");
        n!(dotted_variant_is_not_found_in_a_longer_abbreviation, ["USA/preferred", "U.S./deprecated"], "Die U.S.A. und die U.S.", "Die U.S.A. und die USA.");
    }

    /// `text` translated into German with terms for the USA that end in a dot.
    fn translated(text: &str) -> Rewrite {
        let glossary = crate::glossary::sketch::glossary(&[
            "us: de=USA | en=U.S. | es=EE.UU. | es=EE. UU.",
            "trump (person): de=Donald Trump | en=Donald Trump",
        ]);
        rewritten(&glossary, text, Lang::De, RewriteMode::Translate)
    }

    #[test]
    fn translate_never_writes_a_deprecated_term() {
        // With no preferred German term, the first one stood in: here a deprecated one.
        let glossary =
            crate::glossary::sketch::glossary(&["wh: es=Casa Blanca | de=Weisses Haus/deprecated"]);
        let text = "Die Casa Blanca schweigt.";
        let result = rewritten(&glossary, text, Lang::De, RewriteMode::Translate);
        assert_eq!(result.text, text);
    }

    #[test]
    fn a_terms_final_dot_goes_with_it() {
        // "Laut USA. Behörden und USA. ist das so.": the dots stayed behind.
        let result = translated("Laut U.S. Behörden und EE.UU. ist das so.");
        assert_eq!(result.text, "Laut USA Behörden und USA ist das so.");
        let from: Vec<&str> = result.changes.iter().map(|c| c.from.as_str()).collect();
        assert_eq!(from, ["U.S.", "EE.UU."]);
    }

    #[test]
    fn a_dot_that_also_ends_the_sentence_stays() {
        let text = "Hilfe für die U.S.\nSie gehen in die EE. UU. Die Regierung schweigt.\n„Nicht die U.S.“";
        let result = translated(text);
        assert_eq!(
            result.text,
            "Hilfe für die USA.\nSie gehen in die USA. Die Regierung schweigt.\n„Nicht die USA.“"
        );
        assert_eq!(result.changes[0].from, "U.S.");
        assert_eq!(result.changes[0].to, "USA.");
    }

    #[test]
    fn a_dot_before_a_persons_name_stays() {
        // "aus den USA Donald Trump sagte": the name was taken to go on with "U.S.".
        let result = translated(
            "Die Hilfe kam aus den U.S. Donald Trump sagte, die U.S. Regierung schweige.",
        );
        assert_eq!(
            result.text,
            "Die Hilfe kam aus den USA. Donald Trump sagte, die USA Regierung schweige."
        );
        assert!(translated(&result.text).changes.is_empty());
    }

    #[test]
    fn a_replacement_ending_in_a_dot_takes_the_full_stop_in() {
        // "los EEUU." became "los EE. UU..".
        let glossary =
            crate::glossary::sketch::glossary(&["us: es=EE. UU. | es=EEUU/deprecated | de=USA"]);
        let text = "Ayuda de los EEUU. Los EEUU... Los USA. Los EEUU";
        let normalized = rewritten(&glossary, text, Lang::Es, RewriteMode::Normalize);
        assert_eq!(
            normalized.text,
            "Ayuda de los EE. UU. Los EE. UU... Los USA. Los EE. UU."
        );
        let change = &normalized.changes[0];
        assert_eq!((change.start, change.end), (13, 18));
        assert_eq!(
            (change.from.as_str(), change.to.as_str()),
            ("EEUU.", "EE. UU.")
        );
        assert_eq!(&text[change.start..change.end], change.from);
        let translated = rewritten(&glossary, text, Lang::Es, RewriteMode::Translate);
        assert_eq!(
            translated.text,
            "Ayuda de los EEUU. Los EEUU... Los EE. UU. Los EEUU"
        );
        let again = rewritten(
            &glossary,
            &normalized.text,
            Lang::Es,
            RewriteMode::Normalize,
        );
        assert!(again.changes.is_empty(), "{:?}", again.changes);
    }

    #[test]
    fn a_dot_a_word_touches_stays() {
        let result = translated("Die U.S. Regierung und U.S.10.11.2025 sowie U.S.12:30 Uhr.");
        assert_eq!(
            result.text,
            "Die USA Regierung und USA.10.11.2025 sowie USA.12:30 Uhr."
        );
    }

    #[test]
    fn translating_dotted_terms_twice_changes_nothing_more() {
        let text =
            "Die U.S. Regierung, die U.S.10.11.2025 und die U.S.\nLaut EE.UU. Die U.S. Army.";
        let once = translated(text);
        assert_eq!(once.changes.len(), 5);
        let twice = translated(&once.text);
        assert!(twice.changes.is_empty(), "{:?}", twice.changes);
    }

    #[test]
    fn rewriting_twice_changes_nothing_more() {
        let once = run("Die Casa Blanca. Sheinbaum Pardo.", RewriteMode::Translate);
        let twice = run(&once.text, RewriteMode::Translate);
        assert!(twice.changes.is_empty());
    }
}
