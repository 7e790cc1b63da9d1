//! Embedded quotations: a quote that the reporting sentence goes on after
//! (`„Wir haben Einheiten. Was wir brauchen …“, erklärte der Minister.`) is part of one
//! sentence, so no sentence may end inside it.

use super::Region;

/// What a quotation mark can do at its position.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Whether `c` is one of the double or low quotation marks that pair up.
/// Single quotes are left out: `’` and `'` are apostrophes far more often.
fn is_pairing_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '«' | '»' | '‚')
}

/// Whether `close` can end a quotation that `open` started.
fn pairs_with(open: char, close: char) -> bool {
    match open {
        '„' => matches!(close, '“' | '”' | '"'),
        '‚' => matches!(close, '‘' | '’'),
        '“' => matches!(close, '”' | '“' | '"'),
        '”' => close == '”',
        '"' => matches!(close, '"' | '“' | '”'),
        '«' => close == '»',
        '»' => close == '«',
        _ => false,
    }
}

/// Decides whether a quote mark opens or closes, from its neighbours and what is open.
fn role(c: char, before: Option<char>, after: Option<char>, open: Option<char>) -> Option<Role> {
    let space_before = before.is_none_or(|b| b.is_whitespace() || "([{–—-/".contains(b));
    let space_after = after.is_none_or(char::is_whitespace);
    if let Some(open) = open
        && pairs_with(open, c)
        && !space_before
    {
        return Some(Role::Close);
    }
    match c {
        '„' | '‚' => Some(Role::Open),
        '«' | '»' | '“' | '”' | '"' if space_before && !space_after => Some(Role::Open),
        _ => open.filter(|&o| pairs_with(o, c)).map(|_| Role::Close),
    }
}

/// The spans of `line` (byte offsets within it) that are quotations followed by more of
/// the same sentence: a comma, a lowercase word, or other mid-sentence punctuation.
/// Regions are sorted by start and do not overlap.
pub(super) fn embedded_quotes(line: &str) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut chars = line.char_indices().peekable();
    let mut before = None;
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map(|&(_, a)| a);
        if is_pairing_quote(c) || (c == '‘' && open.last().is_some_and(|&(o, _)| o == '‚')) {
            match role(c, before, after, open.last().map(|&(o, _)| o)) {
                Some(Role::Open) => open.push((c, at)),
                Some(Role::Close) => {
                    let (_, start) = open.pop().expect("a close role needs an open quote");
                    let end = at + c.len_utf8();
                    if continues_sentence(&line[end..]) {
                        regions.push(Region { start, end });
                    }
                }
                None => {}
            }
        }
        before = Some(c);
    }
    regions.sort_unstable_by_key(|r| r.start);
    merge_overlapping(regions)
}

/// Whether the text right after a closing quote carries on the sentence.
fn continues_sentence(rest: &str) -> bool {
    let rest = rest.trim_start();
    match rest.chars().next() {
        Some(c) => c.is_lowercase() || ",;:)".contains(c),
        None => false,
    }
}

fn merge_overlapping(sorted: Vec<Region>) -> Vec<Region> {
    let mut merged: Vec<Region> = Vec::with_capacity(sorted.len());
    for region in sorted {
        match merged.last_mut() {
            Some(last) if region.start < last.end => last.end = last.end.max(region.end),
            _ => merged.push(region),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(line: &str) -> Vec<&str> {
        embedded_quotes(line)
            .iter()
            .map(|r| &line[r.start..r.end])
            .collect()
    }

    #[test]
    fn german_quote_followed_by_comma_is_embedded() {
        assert_eq!(
            quoted("„Wir haben Einheiten. Was wir brauchen, sind Daten“, erklärte er."),
            ["„Wir haben Einheiten. Was wir brauchen, sind Daten“"]
        );
    }

    #[test]
    fn quote_that_ends_the_sentence_is_not_embedded() {
        assert!(quoted("Er sagte: „Wir kommen. Morgen.“ Dann ging er.").is_empty());
        assert!(quoted("Sie erklärte: \"Wir sind bereit. Und wir teilen.\"").is_empty());
    }

    #[test]
    fn straight_and_guillemet_quotes() {
        assert_eq!(
            quoted("She said \"It is late. Go home.\" and left."),
            ["\"It is late. Go home.\""]
        );
        assert_eq!(
            quoted("«Ninguna mente. Nada.», dijo él."),
            ["«Ninguna mente. Nada.»"]
        );
        assert_eq!(
            quoted("Er las »Das Buch. Teil 2« gestern."),
            ["»Das Buch. Teil 2«"]
        );
    }

    #[test]
    fn unbalanced_quotes_give_no_region() {
        assert!(quoted("„Er kam. Sie ging, sagte man.").is_empty());
        assert!(quoted("5\" Zoll. Und weiter").is_empty());
    }
}
