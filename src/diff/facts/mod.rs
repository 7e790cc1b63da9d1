//! The facts a sentence states, found with the language's word lists: numbers and
//! quantities, dates, weekdays, names and negation. Each fact is a span of the sentence
//! with a normalised value, so that "20.000" and "20000", or "3. Januar" and "January 3",
//! compare equal.

mod dates;
mod entities;
mod lists;
mod negation;
mod numbers;

pub(crate) use numbers::Decimal;

use std::borrow::Cow;
use std::cell::Cell;

use unicode_normalization::UnicodeNormalization;

use super::model::FactKind;
use super::tokens::{Token, TokenKind};
use super::words::is_nfc;
use crate::Lang;
use lists::{Lists, WordInfo};

pub(crate) use dates::Date;
pub(crate) use entities::SentenceMention;

/// A fact of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fact {
    /// Number, date, weekday, entity or negation.
    pub(crate) kind: FactKind,
    /// First byte, in the sentence.
    pub(crate) start: usize,
    /// One past the last byte, in the sentence.
    pub(crate) end: usize,
    /// The value compared (see [`crate::diff::FactSpan::value`]).
    pub(crate) value: String,
    /// The words that follow it (stems, separated by a space), to tell which facts of
    /// two members speak of the same thing: "sechs mexikanische Kartelle",
    /// "mehrere mexikanische Kartelle".
    pub(crate) context: String,
}

/// Where the names of a sentence come from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Names<'a> {
    /// Found by their shape (acronyms, runs of capitalised words).
    Shaped,
    /// The glossary's mentions in the sentence.
    Glossary(&'a [SentenceMention]),
}

/// A token other than white space, with what the extractors ask of it.
#[derive(Debug, Clone)]
struct Lexeme<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// The text lowercased if the lists have it, else as written.
    lower: Cow<'a, str>,
    /// What the word lists say about it.
    info: Option<&'static WordInfo>,
    kind: TokenKind,
    /// White space comes before it.
    spaced: bool,
    /// It is the first word of the sentence, or of a quotation or clause after a colon.
    initial: bool,
    /// It is part of a fact already.
    used: bool,
}

/// One sentence being searched.
struct Scan<'a> {
    /// The sentence.
    text: &'a str,
    lang: Lang,
    lists: &'static Lists,
    lex: Vec<Lexeme<'a>>,
    facts: Vec<Fact>,
}

/// The facts of a sentence cut into `tokens`, in order of their start.
pub(crate) fn sentence_facts(
    text: &str,
    tokens: impl IntoIterator<Item = Token>,
    lang: Lang,
    names: Names<'_>,
) -> Vec<Fact> {
    let mut scan = Scan::new(text, tokens, lang, recycle(LEXEMES.take()));
    let mut i = 0;
    while i < scan.lex.len() {
        i = scan.fact_at(i).map_or(i + 1, |last| last + 1);
    }
    match names {
        Names::Shaped => scan.shaped_names(),
        Names::Glossary(mentions) => scan.glossary_names(mentions),
    }
    scan.facts.sort_unstable_by_key(|f| (f.start, f.end));
    // A buffer grown by one very long sentence is not kept.
    if scan.lex.capacity() <= KEPT_CAPACITY {
        LEXEMES.set(recycle(scan.lex));
    }
    scan.facts
}

/// The most lexemes or tokens a thread's buffer keeps room for between sentences.
pub(crate) const KEPT_CAPACITY: usize = 4096;

thread_local! {
    /// The lexemes' buffer, one per thread: sentence after sentence, it is reused.
    static LEXEMES: Cell<Vec<Lexeme<'static>>> = const { Cell::new(Vec::new()) };
}

/// An empty vector with the allocation of `items` (emptied), which the standard library
/// reuses when both types have one layout, as two lifetimes of [`Lexeme`] have.
fn recycle<T, U>(mut items: Vec<T>) -> Vec<U> {
    items.clear();
    items.into_iter().map(|_| unreachable!("empty")).collect()
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '„' | '“' | '”' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›'
    )
}

impl<'a> Scan<'a> {
    fn new(
        text: &'a str,
        tokens: impl IntoIterator<Item = Token>,
        lang: Lang,
        mut lex: Vec<Lexeme<'a>>,
    ) -> Scan<'a> {
        let lists = Lists::get(lang);
        let tokens = tokens.into_iter();
        lex.reserve(tokens.size_hint().0);
        let mut buffer = String::new();
        let mut spaced = false;
        let mut initial = true;
        for token in tokens {
            let piece = token.text(text);
            match token.kind {
                TokenKind::Space => spaced = true,
                kind => {
                    // Lowercased into a buffer for the look-up; kept only for listed
                    // words, the only ones asked for it.
                    let (lower, info) = if kind != TokenKind::Word {
                        (Cow::Borrowed(piece), None)
                    } else if piece.chars().any(char::is_uppercase) || !is_nfc(piece) {
                        buffer.clear();
                        if piece.is_ascii() {
                            buffer.push_str(piece);
                            buffer.make_ascii_lowercase();
                        } else if is_nfc(piece) {
                            buffer.extend(piece.chars().flat_map(char::to_lowercase));
                        } else {
                            buffer.extend(piece.nfc().flat_map(char::to_lowercase));
                        }
                        match lists.word(&buffer) {
                            Some(info) => (Cow::Owned(buffer.clone()), Some(info)),
                            None => (Cow::Borrowed(piece), None),
                        }
                    } else {
                        (Cow::Borrowed(piece), lists.word(piece))
                    };
                    lex.push(Lexeme {
                        start: token.start,
                        end: token.end,
                        text: piece,
                        lower,
                        info,
                        kind,
                        spaced,
                        initial: initial && kind == TokenKind::Word,
                        used: false,
                    });
                    spaced = false;
                    if kind == TokenKind::Word {
                        initial = false;
                    } else if piece.chars().all(|c| is_quote(c) || c == ':') {
                        initial = true;
                    }
                }
            }
        }
        Scan {
            text,
            lang,
            lists,
            facts: Vec::with_capacity(lex.len() / 4),
            lex,
        }
    }

    /// Tries every extractor at lexeme `i`; the last lexeme of what was found.
    fn fact_at(&mut self, i: usize) -> Option<usize> {
        let lexeme = &self.lex[i];
        let candidate = lexeme.kind == TokenKind::Word
            && (lexeme.info.is_some()
                || lexeme.text.starts_with(|c: char| c.is_ascii_digit())
                || lexeme.text.contains(['-', '\'', '’']));
        if !candidate {
            return None;
        }
        self.date(i)
            .or_else(|| self.weekday(i))
            .or_else(|| self.number(i))
            .or_else(|| self.negation(i))
    }

    /// The word at `i`, if there is one.
    fn word(&self, i: usize) -> Option<&Lexeme<'a>> {
        self.lex.get(i).filter(|l| l.kind == TokenKind::Word)
    }

    /// Whether lexeme `i` is the punctuation `c`, written right after the one before.
    fn tight_punct(&self, i: usize, c: &str) -> bool {
        self.lex
            .get(i)
            .is_some_and(|l| l.kind == TokenKind::Punct && !l.spaced && l.text == c)
    }

    /// The word at `i` lowercased, if the lists have it; else as written.
    fn lower(&self, i: usize) -> &str {
        &self.lex[i].lower
    }

    /// What the lists say about the word at `i`.
    fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.lex.get(i).and_then(|l| l.info)
    }

    /// Whether the word at `i` may be a list word that is lowercase in the list: it is
    /// lowercase, or capitalised at the start of a sentence.
    fn case_fits(&self, i: usize, any_case: bool) -> bool {
        let lexeme = &self.lex[i];
        let mut chars = lexeme.text.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        let rest_lower = !chars.any(char::is_uppercase);
        any_case || (rest_lower && (!first_upper || lexeme.initial))
    }

    /// Records a fact over lexemes `first..=last`.
    fn push(&mut self, kind: FactKind, first: usize, last: usize, value: String) {
        self.push_span(kind, self.lex[first].start, self.lex[last].end, value, last);
        for lexeme in &mut self.lex[first..=last] {
            lexeme.used = true;
        }
    }

    /// Records a fact over a byte range; `last` is the lexeme it ends in.
    fn push_span(&mut self, kind: FactKind, start: usize, end: usize, value: String, last: usize) {
        // Any negation matches any other: what follows it does not matter.
        let context = match kind {
            FactKind::Negation => String::new(),
            _ => self.context_after(last),
        };
        self.facts.push(Fact {
            kind,
            start,
            end,
            value,
            context,
        });
    }

    /// Up to two words of four letters or more after lexeme `last`, within the clause,
    /// lowercased and without inflection endings (see [`stem`]).
    fn context_after(&mut self, last: usize) -> String {
        let mut context = String::new();
        let mut words = 0;
        for lexeme in self.lex.iter().skip(last + 1).take(4) {
            match lexeme.kind {
                TokenKind::Word if letters_at_least(lexeme.text, 4) => {
                    if words > 0 {
                        context.push(' ');
                    }
                    let at = context.len();
                    if lexeme.text.is_ascii() {
                        context.push_str(lexeme.text);
                        context[at..].make_ascii_lowercase();
                    } else {
                        context.extend(lexeme.text.chars().flat_map(char::to_lowercase));
                    }
                    let stemmed = at + stem(&context[at..]).len();
                    context.truncate(stemmed);
                    words += 1;
                    if words == 2 {
                        break;
                    }
                }
                TokenKind::Word => {}
                _ if lexeme.text.chars().all(|c| is_quote(c) || c == '-') => {}
                _ => break,
            }
        }
        context
    }
}

/// Whether `text` has at least `n` letters.
fn letters_at_least(text: &str, n: usize) -> bool {
    text.len() >= n
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .nth(n - 1)
            .is_some()
}

/// A lowercase word without up to two inflection endings, keeping four letters or
/// more: "kartellen" and "kartelle" are "kartell", "mexikanischen" is "mexikanisch".
fn stem(word: &str) -> &str {
    const ENDINGS: [&str; 7] = ["en", "em", "er", "es", "e", "n", "s"];
    let mut stem = word;
    for _ in 0..2 {
        let shorter = ENDINGS
            .iter()
            .filter_map(|e| stem.strip_suffix(e))
            .find(|s| s.chars().count() >= 4);
        match shorter {
            Some(shorter) => stem = shorter,
            None => break,
        }
    }
    stem
}

/// Whether two facts' contexts share a word (or one word ends another: "Kartelle",
/// "Drogenkartelle").
pub(crate) fn same_context(a: &str, b: &str) -> bool {
    a.split(' ').any(|x| {
        b.split(' ').any(|y| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            short.chars().count() >= 4 && long.ends_with(short)
        })
    })
}

#[cfg(test)]
mod tests;
