//! The insertion benchmark: short foreign fragments (one to three words) taken from one
//! treebank and inserted into sentences of another, with gold labels per token.
//!
//! Everything is decided by a [`SplitMix64`] stream per host sentence, seeded from the
//! run's seed, the host language and the sentence index, so a case does not change when
//! other languages are added to or dropped from a run.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::case::{Case, GoldToken, Insertion, Position, has_letter, join_tokens};
use super::conllu::UdToken;
use super::rng::SplitMix64;
use crate::Lang;

/// The sentences of one treebank, each a list of surface tokens.
pub type Treebank = Vec<Vec<UdToken>>;

/// The main languages built by default.
pub const DEFAULT_MAINS: [Lang; 3] = [Lang::De, Lang::En, Lang::Es];

/// Which sentences of each treebank a run uses, both as hosts and as fragment sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    /// Sentences with an even index (0, 2, 4, …): for tuning a detector.
    Dev,
    /// Sentences with an odd index: for reporting.
    Test,
    /// Every sentence.
    All,
}

impl Split {
    /// The lowercase name, e.g. `"dev"`.
    pub fn name(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
            Split::All => "all",
        }
    }

    /// Whether the sentence at `index` belongs to the split.
    pub fn contains(self, index: usize) -> bool {
        match self {
            Split::Dev => index % 2 == 0,
            Split::Test => index % 2 == 1,
            Split::All => true,
        }
    }
}

/// Parts of speech a fragment may not contain: names are not fragments by definition of
/// the task, and symbols and numbers carry no language. `X` tokens are kept out with the
/// treebank's foreign words ([`UdToken::language_unknown`]).
const EXCLUDED_UPOS: [&str; 4] = ["PUNCT", "SYM", "NUM", "PROPN"];

/// How often a fragment source is drawn before the sentence becomes a control.
const MAX_PICKS: usize = 20;

/// Builds one case per sentence of each main language's treebank in `split`.
///
/// A quarter of the sentences, on average, stay clean controls. The others receive a
/// fragment of one to three consecutive tokens from a random sentence (same split) of
/// another language's treebank, at the start, in the middle or at the end; see the
/// module docs of [`crate::eval::detect`] for the rules. Main languages without a
/// treebank in `treebanks` produce no cases; fragment languages are those of
/// `treebanks` other than the main one.
///
/// Unless `keep_ambiguous` is set, a run whose every word is also a word of the main
/// language (its form occurs, in any case, in the main language's treebank: Dutch "in"
/// in German, Portuguese "de" in Spanish) is not drawn: nobody could call it foreign.
pub fn insert_fragments(
    treebanks: &BTreeMap<Lang, Treebank>,
    mains: &[Lang],
    seed: u64,
    split: Split,
    keep_ambiguous: bool,
) -> Vec<Case> {
    let pools: BTreeMap<Lang, Vec<usize>> = treebanks
        .iter()
        .map(|(&lang, sentences)| {
            let pool = (0..sentences.len())
                .filter(|&i| split.contains(i))
                .collect();
            (lang, pool)
        })
        .collect();
    let vocabularies: BTreeMap<Lang, HashSet<String>> = if keep_ambiguous {
        BTreeMap::new()
    } else {
        treebanks
            .iter()
            .map(|(&lang, sentences)| {
                let forms = sentences
                    .iter()
                    .flatten()
                    .map(|t| t.form.to_lowercase())
                    .collect();
                (lang, forms)
            })
            .collect()
    };
    let generator = Generator {
        treebanks,
        pools: &pools,
        vocabularies: &vocabularies,
    };
    let mut cases = Vec::new();
    for &main in mains {
        let Some(pool) = pools.get(&main) else {
            continue;
        };
        let lang_number = Lang::ALL.iter().position(|&l| l == main).unwrap_or(0) as u64;
        for &index in pool {
            let mut rng = SplitMix64::for_item(seed, &[lang_number, index as u64]);
            let host = &treebanks[&main][index];
            if host.is_empty() {
                continue;
            }
            let id = format!("{}/{index}", main.code());
            cases.push(generator.case(id, main, host, &mut rng));
        }
    }
    cases
}

/// The treebanks, the sentence indices of the split, and each language's word forms
/// (lowercased; empty when ambiguous fragments are kept).
struct Generator<'a> {
    treebanks: &'a BTreeMap<Lang, Treebank>,
    pools: &'a BTreeMap<Lang, Vec<usize>>,
    vocabularies: &'a BTreeMap<Lang, HashSet<String>>,
}

/// A fragment chosen for a host sentence.
#[derive(Debug, Clone, Copy)]
struct Fragment<'a> {
    lang: Lang,
    tokens: &'a [UdToken],
    /// Whether the tokens start their source sentence (so the first may be capitalised
    /// only for that reason).
    from_sentence_start: bool,
}

impl Generator<'_> {
    /// One case for `host`: a control or an inserted sentence.
    fn case(&self, id: String, main: Lang, host: &[UdToken], rng: &mut SplitMix64) -> Case {
        if rng.below(4) != 0 {
            if let Some((fragment, position, boundary)) = self.plan(main, host, rng) {
                let (text, tokens) = insert(main, host, boundary, Some(&fragment));
                let inserted = Insertion {
                    lang: fragment.lang,
                    len: fragment.tokens.len(),
                    position,
                };
                return Case {
                    id,
                    main,
                    text,
                    tokens,
                    inserted: Some(inserted),
                };
            }
        }
        let (text, tokens) = insert(main, host, 0, None);
        Case {
            id,
            main,
            text,
            tokens,
            inserted: None,
        }
    }

    /// Draws the fragment language, length, position and source tokens, and the token
    /// boundary of `host` to insert at; `None` when no fit is found.
    fn plan(
        &self,
        main: Lang,
        host: &[UdToken],
        rng: &mut SplitMix64,
    ) -> Option<(Fragment<'_>, Position, usize)> {
        let others: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|&l| l != main && self.pools.get(&l).is_some_and(|p| !p.is_empty()))
            .collect();
        if others.is_empty() {
            return None;
        }
        let lang = *rng.pick(&others);
        let len = 1 + rng.below(3);
        let position = *rng.pick(&Position::ALL);
        let fragment = self.pick_fragment(main, lang, len, rng)?;
        let boundary = boundary(host, position, rng)?;
        Some((fragment, position, boundary))
    }

    /// Up to [`MAX_PICKS`] random runs of `len` tokens of `lang`, the first that may be a
    /// fragment in `main`.
    fn pick_fragment(
        &self,
        main: Lang,
        lang: Lang,
        len: usize,
        rng: &mut SplitMix64,
    ) -> Option<Fragment<'_>> {
        let main_words = self.vocabularies.get(&main);
        let ambiguous = |tokens: &[UdToken]| {
            main_words.is_some_and(|words| {
                tokens
                    .iter()
                    .all(|t| words.contains(&t.form.to_lowercase()))
            })
        };
        let treebank = &self.treebanks[&lang];
        let pool = &self.pools[&lang];
        for _ in 0..MAX_PICKS {
            let sentence = &treebank[*rng.pick(pool)];
            if sentence.len() < len {
                continue;
            }
            let start = rng.below(sentence.len() - len + 1);
            let tokens = &sentence[start..start + len];
            if tokens.iter().all(may_be_fragment) && !ambiguous(tokens) {
                return Some(Fragment {
                    lang,
                    tokens,
                    from_sentence_start: start == 0,
                });
            }
        }
        None
    }
}

/// Whether a token may be part of a fragment: a word of its treebank's language that is
/// not a name, number or symbol, and not a one-letter contraction (Portuguese "à" =
/// "a" + "a").
fn may_be_fragment(token: &UdToken) -> bool {
    let one_letter_contraction = token.multiword && token.form.chars().count() == 1;
    !EXCLUDED_UPOS.contains(&token.upos.as_str())
        && !token.language_unknown()
        && !one_letter_contraction
        && has_letter(&token.form)
}

/// The token index of `host` before which a fragment at `position` goes; `None` when the
/// sentence has no boundary for it.
fn boundary(host: &[UdToken], position: Position, rng: &mut SplitMix64) -> Option<usize> {
    match position {
        Position::Start => Some(0),
        Position::End => {
            let trailing = host.iter().rev().take_while(|t| t.upos == "PUNCT").count();
            Some(host.len() - trailing)
        }
        Position::Middle => {
            let inside: Vec<usize> = (1..host.len())
                .filter(|&i| host[i].upos != "PUNCT" && host[i - 1].space_after)
                .collect();
            (!inside.is_empty()).then(|| *rng.pick(&inside))
        }
    }
}

/// A token on its way into a case.
struct Piece {
    form: String,
    space_after: bool,
    foreign: bool,
    /// Whether the token's language is known: a host token the treebank does not vouch
    /// for ([`UdToken::language_unknown`]) is neither a false alarm nor a miss.
    scored: bool,
}

/// Builds the text of `host` with `fragment` inserted before token `boundary`, with
/// case adjusted to the new sentence position, and the gold tokens.
fn insert(
    main: Lang,
    host: &[UdToken],
    boundary: usize,
    fragment: Option<&Fragment<'_>>,
) -> (String, Vec<GoldToken>) {
    let piece = |token: &UdToken, foreign| Piece {
        form: token.form.clone(),
        space_after: token.space_after,
        foreign,
        scored: !token.language_unknown(),
    };
    let mut pieces: Vec<Piece> = host.iter().map(|t| piece(t, false)).collect();
    if let Some(fragment) = fragment {
        let mut inserted: Vec<Piece> = fragment.tokens.iter().map(|t| piece(t, true)).collect();
        let first = &fragment.tokens[0];
        if boundary == 0 {
            inserted[0].form = capitalise_first(&inserted[0].form);
            if let Some(i) = host.iter().position(|t| has_letter(&t.form)) {
                if !keeps_capital(&host[i], main) {
                    pieces[i].form = lowercase_first(&pieces[i].form);
                }
            }
        } else if fragment.from_sentence_start && !keeps_capital(first, fragment.lang) {
            inserted[0].form = lowercase_first(&inserted[0].form);
        }
        // The space that followed the token before the boundary now follows the
        // fragment, and the fragment is separated from that token by a space.
        let last = inserted.len() - 1;
        inserted[last].space_after = true;
        if boundary > 0 {
            inserted[last].space_after = pieces[boundary - 1].space_after;
            pieces[boundary - 1].space_after = true;
        }
        pieces.splice(boundary..boundary, inserted);
    }
    let (text, spans) = join_tokens(pieces.iter().map(|p| (p.form.as_str(), p.space_after)));
    let tokens = pieces
        .iter()
        .zip(spans)
        .map(|(p, (start, end))| GoldToken {
            start,
            end,
            foreign: p.foreign,
            is_word: p.scored && has_letter(&p.form),
        })
        .collect();
    (text, tokens)
}

/// Whether a token keeps its capital letter anywhere in a sentence: names, German
/// nouns, English "I" (also in "I'm"), and acronyms ("EU", "ONU").
fn keeps_capital(token: &UdToken, lang: Lang) -> bool {
    let form = token.form.as_str();
    let mut letters = form.chars().filter(|c| c.is_alphabetic());
    let acronym = matches!((letters.next(), letters.next()), (Some(a), Some(b))
        if a.is_uppercase() && b.is_uppercase());
    token.upos == "PROPN"
        || (lang == Lang::De && token.upos == "NOUN")
        || (lang == Lang::En && (form == "I" || form.starts_with("I'") || form.starts_with("I’")))
        || acronym
}

/// `form` with its first letter in upper case.
fn capitalise_first(form: &str) -> String {
    map_first_letter(form, |c| c.to_uppercase().collect())
}

/// `form` with its first letter in lower case.
fn lowercase_first(form: &str) -> String {
    map_first_letter(form, |c| c.to_lowercase().collect())
}

fn map_first_letter(form: &str, f: impl Fn(char) -> String) -> String {
    match form.char_indices().find(|(_, c)| c.is_alphabetic()) {
        Some((i, c)) => format!("{}{}{}", &form[..i], f(c), &form[i + c.len_utf8()..]),
        None => form.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens from `form/UPOS` words; a trailing `~` on the form means no space after,
    /// a leading `+` marks a multi-word token, a leading `!` on the part of speech a
    /// token the treebank marks foreign.
    fn toks(s: &str) -> Vec<UdToken> {
        s.split(' ')
            .map(|w| {
                let (form, upos) = w.rsplit_once('/').unwrap();
                let (form, multiword) = match form.strip_prefix('+') {
                    Some(f) => (f, true),
                    None => (form, false),
                };
                let (form, space_after) = match form.strip_suffix('~') {
                    Some(f) => (f, false),
                    None => (form, true),
                };
                let (upos, marked_foreign) = match upos.strip_prefix('!') {
                    Some(u) => (u, true),
                    None => (upos, false),
                };
                UdToken {
                    form: form.into(),
                    upos: upos.into(),
                    space_after,
                    multiword,
                    marked_foreign,
                }
            })
            .collect()
    }

    fn frag(lang: Lang, tokens: &[UdToken], from_sentence_start: bool) -> Fragment<'_> {
        Fragment {
            lang,
            tokens,
            from_sentence_start,
        }
    }

    fn foreign_forms(text: &str, tokens: &[GoldToken]) -> Vec<String> {
        tokens
            .iter()
            .filter(|t| t.foreign)
            .map(|t| t.form(text).to_string())
            .collect()
    }

    #[test]
    fn start_capitalises_fragment_and_lowercases_host() {
        let host = toks("Der~/DET ,/PUNCT sagt/VERB er~/PRON ./PUNCT");
        let source = toks("todavía/ADV no/ADV");
        let (text, tokens) = insert(Lang::Es, &host, 0, Some(&frag(Lang::Es, &source, false)));
        assert_eq!(text, "Todavía no der, sagt er.");
        assert_eq!(foreign_forms(&text, &tokens), ["Todavía", "no"]);
    }

    #[test]
    fn start_keeps_capitals_of_names_german_nouns_english_i_and_acronyms() {
        let source = toks("allora/ADV");
        let f = frag(Lang::It, &source, false);
        for (main, host, want) in [
            (Lang::De, "Haus/NOUN", "Allora Haus"),
            (Lang::Es, "Casa/NOUN", "Allora casa"),
            (Lang::Es, "María/PROPN", "Allora María"),
            (Lang::En, "I/PRON", "Allora I"),
            (Lang::En, "+I'm/PRON", "Allora I'm"),
            (Lang::Es, "ONU/NOUN", "Allora ONU"),
            (Lang::En, "«~/PUNCT It/PRON", "Allora «it"),
        ] {
            let (text, _) = insert(main, &toks(host), 0, Some(&f));
            assert_eq!(text, want);
        }
    }

    #[test]
    fn sentence_initial_fragment_is_lowercased_elsewhere() {
        let host = toks("Wir/PRON kommen~/VERB ./PUNCT");
        for (lang, source, want) in [
            (Lang::Es, "Además/ADV", "Wir kommen además."),
            (Lang::De, "Häuser/NOUN", "Wir kommen Häuser."),
            (Lang::En, "I/PRON", "Wir kommen I."),
            (Lang::Fr, "UE/NOUN", "Wir kommen UE."),
        ] {
            let source = toks(source);
            let (text, _) = insert(Lang::De, &host, 2, Some(&frag(lang, &source, true)));
            assert_eq!(text, want);
        }
        // Not from the sentence start: left alone.
        let source = toks("Además/ADV");
        let (text, _) = insert(Lang::De, &host, 2, Some(&frag(Lang::Es, &source, false)));
        assert_eq!(text, "Wir kommen Además.");
    }

    #[test]
    fn end_goes_before_final_punctuation_and_keeps_inner_spacing() {
        let host = toks("Il/PRON dit/VERB «~/PUNCT non~/ADV .~/PUNCT »/PUNCT");
        let source = toks("+dell'~/ADP arte/NOUN");
        let (text, tokens) = insert(Lang::Fr, &host, 4, Some(&frag(Lang::It, &source, false)));
        assert_eq!(text, "Il dit «non dell'arte.»");
        assert_eq!(foreign_forms(&text, &tokens), ["dell'", "arte"]);
        for token in &tokens {
            assert!(!token.form(&text).contains(' '));
        }
    }

    #[test]
    fn append_without_final_punctuation() {
        let host = toks("ok/INTJ");
        let source = toks("bitte/ADV");
        let (text, _) = insert(Lang::En, &host, 1, Some(&frag(Lang::De, &source, false)));
        assert_eq!(text, "ok bitte");
    }

    #[test]
    fn host_words_of_unknown_language_are_not_scored() {
        // German GSD marks "a la malaguena" foreign; Spanish GSD tags English "low
        // cost" X. Neither is a false alarm when flagged, nor a miss when not.
        let host =
            toks("Fisch/NOUN a/!ADP la/!X malaguena~/!NOUN ,/PUNCT low/X cost/X ok~/INTJ ./PUNCT");
        let (text, tokens) = insert(Lang::De, &host, 0, None);
        let scored: Vec<&str> = tokens
            .iter()
            .filter(|t| t.is_word)
            .map(|t| t.form(&text))
            .collect();
        assert_eq!(scored, ["Fisch", "ok"]);
    }

    #[test]
    fn end_and_middle_boundaries() {
        let host = toks("a/DET b~/NOUN ,/PUNCT c~/VERB ./PUNCT \"/PUNCT");
        let mut rng = SplitMix64::new(1);
        assert_eq!(boundary(&host, Position::End, &mut rng), Some(4));
        assert_eq!(boundary(&host, Position::Start, &mut rng), Some(0));
        for _ in 0..50 {
            // Not before punctuation, and not after "b", which has no space after it.
            let b = boundary(&host, Position::Middle, &mut rng).unwrap();
            assert!([1, 3].contains(&b), "{b}");
        }
        assert_eq!(
            boundary(&toks("Hi~/INTJ !/PUNCT"), Position::Middle, &mut rng),
            None
        );
    }

    #[test]
    fn fragment_filter() {
        let ok = toks("casa/NOUN");
        assert!(may_be_fragment(&ok[0]));
        for bad in [
            "Ana/PROPN",
            "3/NUM",
            "%/SYM",
            ",/PUNCT",
            "xyz/X",
            "+à/ADP",
            "--/ADV",
            "malaguena/!NOUN",
        ] {
            assert!(!may_be_fragment(&toks(bad)[0]), "{bad}");
        }
        assert!(may_be_fragment(&toks("+do/ADP")[0]));
    }

    /// Sentences whose words name their language and index parity, e.g. `esodd`.
    fn toy_treebanks(sentences: usize) -> BTreeMap<Lang, Treebank> {
        Lang::ALL
            .into_iter()
            .map(|lang| {
                let treebank = (0..sentences)
                    .map(|i| {
                        let word = format!("{}{}", lang.code(), ["even", "odd"][i % 2]);
                        let mut tokens = toks(&format!("{word}/ADV {word}/ADV {word}~/ADV"));
                        tokens.extend(toks("./PUNCT"));
                        tokens
                    })
                    .collect();
                (lang, treebank)
            })
            .collect()
    }

    #[test]
    fn same_seed_same_cases_other_seed_other_cases() {
        let treebanks = toy_treebanks(40);
        let a = insert_fragments(&treebanks, &DEFAULT_MAINS, 7, Split::All, false);
        let b = insert_fragments(&treebanks, &DEFAULT_MAINS, 7, Split::All, false);
        let c = insert_fragments(&treebanks, &DEFAULT_MAINS, 8, Split::All, false);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 120);
    }

    #[test]
    fn a_main_language_case_does_not_depend_on_the_others() {
        let treebanks = toy_treebanks(20);
        let all = insert_fragments(&treebanks, &DEFAULT_MAINS, 3, Split::Dev, false);
        let en = insert_fragments(&treebanks, &[Lang::En], 3, Split::Dev, false);
        let en_in_all: Vec<&Case> = all.iter().filter(|c| c.main == Lang::En).collect();
        assert_eq!(en.iter().collect::<Vec<_>>(), en_in_all);
    }

    #[test]
    fn inserted_spans_reproduce_their_forms() {
        let treebanks = toy_treebanks(60);
        for case in insert_fragments(&treebanks, &DEFAULT_MAINS, 11, Split::All, false) {
            let host = case.main.code();
            let mut foreign = 0;
            for token in &case.tokens {
                let form = token.form(&case.text).to_lowercase();
                if token.foreign {
                    let lang = case.inserted.unwrap().lang.code();
                    assert!(form.starts_with(lang), "{form} in {}", case.text);
                    foreign += 1;
                } else if token.is_word {
                    assert!(form.starts_with(host), "{form} in {}", case.text);
                }
                assert_eq!(token.is_word, form != ".");
            }
            assert_eq!(foreign, case.inserted.map_or(0, |i| i.len));
            assert_eq!(rejoin(&case), case.text);
        }
    }

    #[test]
    fn splits_use_only_their_sentences() {
        let treebanks = toy_treebanks(30);
        for (split, parity, count) in [(Split::Dev, "even", 15), (Split::Test, "odd", 15)] {
            let cases = insert_fragments(&treebanks, &[Lang::De], 5, split, false);
            assert_eq!(cases.len(), count);
            for case in cases {
                for token in case.tokens.iter().filter(|t| t.is_word) {
                    assert!(token.form(&case.text).ends_with(parity), "{}", case.text);
                }
            }
        }
    }

    #[test]
    fn draws_cover_every_length_position_and_language() {
        let treebanks = toy_treebanks(400);
        let cases = insert_fragments(&treebanks, &[Lang::Es], 1, Split::All, false);
        let controls = cases.iter().filter(|c| c.inserted.is_none()).count();
        assert!((70..130).contains(&controls), "{controls} controls of 400");
        let inserted: Vec<Insertion> = cases.iter().filter_map(|c| c.inserted).collect();
        for len in 1..=3 {
            assert!(inserted.iter().any(|i| i.len == len));
        }
        for position in Position::ALL {
            assert!(inserted.iter().any(|i| i.position == position));
        }
        for lang in Lang::ALL {
            let n = inserted.iter().filter(|i| i.lang == lang).count();
            assert_eq!(n == 0, lang == Lang::Es, "{lang}: {n}");
        }
    }

    #[test]
    fn runs_of_main_language_words_are_not_drawn_unless_kept() {
        let mut treebanks = BTreeMap::new();
        let hosts: Treebank = (0..40)
            .map(|_| toks("Das/PRON ist/AUX in/ADP Ordnung/NOUN ./PUNCT"))
            .collect();
        treebanks.insert(Lang::De, hosts);
        treebanks.insert(Lang::Nl, vec![toks("in/ADP")]);
        let filtered = insert_fragments(&treebanks, &[Lang::De], 3, Split::All, false);
        assert!(
            filtered.iter().all(|c| c.inserted.is_none()),
            "Dutch \"in\" is German too"
        );
        let kept = insert_fragments(&treebanks, &[Lang::De], 3, Split::All, true);
        assert!(kept.iter().any(|c| c.inserted.is_some()));
    }

    #[test]
    fn unusable_sources_make_controls() {
        let mut treebanks = BTreeMap::new();
        treebanks.insert(Lang::De, vec![toks("Ja/INTJ")]);
        treebanks.insert(Lang::En, vec![toks("London/PROPN 2024/NUM")]);
        let cases = insert_fragments(&treebanks, &[Lang::De], 0, Split::All, false);
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].inserted, None);
        assert_eq!(cases[0].text, "Ja");
    }

    /// The tokens joined again by the gaps of the text: reproduces the text when the
    /// token spans are in order and cover everything but single spaces.
    fn rejoin(case: &Case) -> String {
        let mut out = String::new();
        let mut at = 0;
        for token in &case.tokens {
            let gap = &case.text[at..token.start];
            assert!(gap.is_empty() || gap == " ", "gap {gap:?} in {}", case.text);
            out.push_str(gap);
            out.push_str(token.form(&case.text));
            at = token.end;
        }
        assert_eq!(at, case.text.len());
        out
    }
}
