//! Sentence segmentation for news text in tandem's languages.
//!
//! A line break (`\n`, `\r\n`, a lone `\r`, or another that Unicode makes mandatory)
//! always ends a sentence: scraped news puts headlines, captions and boilerplate on lines
//! of their own, without final punctuation. Within a line, terminal
//! punctuation ends a sentence unless the words around it say otherwise
//! (abbreviations, initials, ordinals, embedded quotations, list markers).

mod boundary;
mod lists;
mod quotes;

use crate::lang::Lang;
use crate::lang::data::LangData;
use crate::text::{Span, lines};

use boundary::{Candidate, is_terminal, sentence_end};
pub(crate) use boundary::{is_closer, leading_word};

/// A byte range within one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Region {
    start: usize,
    end: usize,
}

impl Region {
    fn contains(&self, at: usize) -> bool {
        self.start <= at && at < self.end
    }
}

/// Splits text into sentences by the rules of one language.
#[derive(Debug, Clone, Copy)]
pub struct Segmenter {
    lang: Lang,
    data: &'static LangData,
}

/// Splits `text` into sentences by the rules of `lang`.
///
/// Spans are byte offsets into `text`; leading and trailing white space is not part of
/// a sentence, and nothing else is left out.
///
/// ```
/// use tandem::{Lang, segment};
/// let text = "Der Vorschlag wurde am 3. Januar wiederbelebt. Beamte bestätigten das.";
/// let sentences: Vec<&str> = segment(text, Lang::De).iter().map(|s| s.text(text)).collect();
/// assert_eq!(sentences, ["Der Vorschlag wurde am 3. Januar wiederbelebt.", "Beamte bestätigten das."]);
/// ```
pub fn segment(text: &str, lang: Lang) -> Vec<Span> {
    Segmenter::new(lang).segment(text)
}

/// Characters that never belong at the edge of a sentence.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

impl Segmenter {
    /// A segmenter for `lang`.
    pub fn new(lang: Lang) -> Self {
        Segmenter {
            lang,
            data: LangData::get(lang),
        }
    }

    /// The language whose rules this segmenter follows.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Splits `text` into sentences; see [`segment`].
    pub fn segment(&self, text: &str) -> Vec<Span> {
        let mut sentences = Vec::new();
        for line in lines(text) {
            self.segment_line(line.text(text), line.start, &mut sentences);
        }
        sentences
    }

    /// Appends the sentences of one line (without its line break) that starts at byte
    /// `base` of the text.
    fn segment_line(&self, line: &str, base: usize, out: &mut Vec<Span>) {
        if line.trim_matches(is_blank).is_empty() {
            return;
        }
        let mut cuts = self.cuts(line);
        cuts.push(line.len());
        let mut from = 0;
        for cut in cuts {
            if cut <= from {
                continue;
            }
            let piece = &line[from..cut];
            let trimmed_start = piece.trim_start_matches(is_blank);
            let trimmed = trimmed_start.trim_end_matches(is_blank);
            if !trimmed.is_empty() {
                let start = base + from + (piece.len() - trimmed_start.len());
                out.push(Span::new(start, start + trimmed.len()));
            }
            from = cut;
        }
    }

    /// Byte offsets within `line` where one sentence ends and the next may begin, sorted.
    fn cuts(&self, line: &str) -> Vec<usize> {
        let quotes = quotes::embedded_quotes(line);
        let list = lists::list_items(line);
        let mut cuts = list.starts;
        let mut in_quote = quotes.iter().peekable();
        let mut in_marker = list.markers.iter().peekable();
        let bytes = line.as_bytes();
        let mut guillemets = Guillemets::default();
        let mut at = 0;
        while at < bytes.len() {
            let Some(c) = line[at..].chars().next() else {
                break;
            };
            if !is_terminal(c) {
                at += c.len_utf8();
                continue;
            }
            let run_end = terminal_run_end(line, at);
            let after = closers_end(line, run_end, &mut guillemets);
            let next = line[after..].chars().next();
            let followed_by_space = next.is_none_or(is_blank);
            while in_quote.peek().is_some_and(|q| q.end <= at) {
                in_quote.next();
            }
            let quoted = in_quote
                .peek()
                .is_some_and(|q| q.contains(at) && after < q.end);
            while in_marker.peek().is_some_and(|m| m.end <= at) {
                in_marker.next();
            }
            let marker = in_marker.peek().is_some_and(|m| m.contains(at));
            if followed_by_space && !quoted && !marker {
                let candidate = Candidate {
                    line,
                    run_start: at,
                    run_end,
                    after,
                };
                if let Some(end) = sentence_end(&candidate, self.lang, self.data) {
                    cuts.push(end);
                }
            }
            at = after.max(at + c.len_utf8());
        }
        cuts.sort_unstable();
        cuts
    }
}

/// One past a run of terminal punctuation starting at `start`, spaced ellipses
/// (`. . .`) included.
fn terminal_run_end(line: &str, start: usize) -> usize {
    let mut end = start;
    let mut has_period = false;
    loop {
        let rest = &line[end..];
        if let Some(c) = rest.chars().next().filter(|&c| is_terminal(c)) {
            has_period |= c == '.';
            end += c.len_utf8();
        } else if has_period && rest.starts_with(" .") {
            end += 2;
        } else {
            return end;
        }
    }
}

/// One past the closing quotes and brackets that follow a run ending at `start`.
fn closers_end(line: &str, start: usize, guillemets: &mut Guillemets) -> usize {
    let end = start
        + line[start..]
            .chars()
            .take_while(|&c| is_closer(c))
            .map(char::len_utf8)
            .sum::<usize>();
    spaced_guillemet_end(line, end, guillemets).unwrap_or(end)
}

/// One past a French closing guillemet set off by a space (`pas. »`, also with a
/// no-break or narrow no-break space) when the line has a `«` (or `‹`) open before it.
/// German quotes open with `»`, so without an open `«` the mark starts the next quote.
fn spaced_guillemet_end(line: &str, start: usize, guillemets: &mut Guillemets) -> Option<usize> {
    let rest = &line[start..];
    let spaced = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let close = spaced.chars().next().filter(|&c| c == '»' || c == '›')?;
    if spaced.len() == rest.len() {
        return None;
    }
    guillemets
        .open_before(line, start, close)
        .then(|| line.len() - spaced.len() + close.len_utf8())
}

/// The guillemets of a line before a position that only moves forward, each counted
/// once: counting them from the start of the line at every sentence end cost time
/// quadratic in the length of a line of many `. »`.
#[derive(Debug, Default)]
struct Guillemets {
    /// How far the line is counted.
    counted_to: usize,
    /// `«` less `»` so far.
    double: isize,
    /// `‹` less `›` so far.
    single: isize,
}

impl Guillemets {
    /// Whether `line[..at]` opens more guillemets of the kind `close` (`»` or `›`)
    /// closes than it closes; `at` is never less than at the call before.
    fn open_before(&mut self, line: &str, at: usize, close: char) -> bool {
        debug_assert!(at >= self.counted_to, "guillemets are counted forward only");
        for c in line[self.counted_to..at].chars() {
            match c {
                '«' => self.double += 1,
                '»' => self.double -= 1,
                '‹' => self.single += 1,
                '›' => self.single -= 1,
                _ => {}
            }
        }
        self.counted_to = at;
        let open = if close == '»' {
            self.double
        } else {
            self.single
        };
        open > 0
    }
}

#[cfg(test)]
#[rustfmt::skip] // one case per line
mod tests;
