//! Stray metadata: fields of the page or the feed left in the text ("date 2025-11-04",
//! "Tags: Mexiko, USA", "ID: 12345"), machine timestamps, hashtag lines, and markup
//! (HTML tags, entities, shortcodes).

use crate::clean::lines::{Line, is_word_char};
use crate::text::{Span, floor_char_boundary, words};

/// Keys whose `key: value` line is metadata whatever the value.
const FIELD_KEYS: [&str; 38] = [
    "tags",
    "schlagwörter",
    "schlagworte",
    "stichwörter",
    "stichworte",
    "keywords",
    "keyword",
    "etiquetas",
    "palabras clave",
    "étiquettes",
    "mots clés",
    "mots-clés",
    "etichette",
    "parole chiave",
    "palavras-chave",
    "palavras chave",
    "trefwoorden",
    "category",
    "categories",
    "kategorie",
    "kategorien",
    "rubrik",
    "ressort",
    "categoría",
    "categorías",
    "categoria",
    "catégorie",
    "rubriek",
    "id",
    "article id",
    "artikel-id",
    "post id",
    "doc id",
    "story id",
    "slug",
    "permalink",
    "canonical",
    "word count",
];

/// Keys whose field is metadata when its value is machine-like (an ISO date or time, a
/// number, an address, a slug).
const VALUE_KEYS: [&str; 36] = [
    "date",
    "datum",
    "fecha",
    "data",
    "published",
    "pubdate",
    "publish date",
    "date published",
    "date modified",
    "updated",
    "modified",
    "last modified",
    "created",
    "timestamp",
    "time",
    "zeit",
    "uhrzeit",
    "hora",
    "heure",
    "ora",
    "tijd",
    "veröffentlicht",
    "aktualisiert",
    "erstellt",
    "geändert",
    "publicado",
    "actualizado",
    "atualizado",
    "publié",
    "modifié",
    "pubblicato",
    "aggiornato",
    "gepubliceerd",
    "bijgewerkt",
    "url",
    "source url",
];

/// Metadata found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stray {
    /// Where it is (a trimmed line, or a token inside a line).
    pub(crate) span: Span,
    /// Whether it is a whole line.
    pub(crate) whole_line: bool,
    /// What it is, for the message.
    pub(crate) what: &'static str,
    /// What to put in its place: nothing, or a space or character for markup.
    pub(crate) replacement: String,
}

impl Stray {
    /// A token inside a line, removed without replacement.
    fn inline(span: Span, what: &'static str) -> Stray {
        Stray {
            span,
            whole_line: false,
            what,
            replacement: String::new(),
        }
    }

    /// A whole line, removed.
    fn line(span: Span, what: &'static str) -> Stray {
        Stray {
            span,
            whole_line: true,
            what,
            replacement: String::new(),
        }
    }
}

/// The end of an ISO 8601 date (and time) starting at byte `at` of `s`: `2025-11-04`,
/// `2025-11-04T10:32:00Z`, `2025-11-04 10:32`.
fn iso_date_end(s: &str, at: usize) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| {
        from + n <= b.len() && b[from..from + n].iter().all(u8::is_ascii_digit)
    };
    if at > 0 && b[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    if !(digits(at, 4) && b.get(at + 4) == Some(&b'-') && digits(at + 5, 2))
        || b.get(at + 7) != Some(&b'-')
        || !digits(at + 8, 2)
    {
        return None;
    }
    let mut end = at + 10;
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // A time, after 'T' or a space.
    if matches!(b.get(end), Some(b'T' | b' '))
        && digits(end + 1, 2)
        && b.get(end + 3) == Some(&b':')
        && digits(end + 4, 2)
    {
        end += 6;
        if b.get(end) == Some(&b':') && digits(end + 1, 2) {
            end += 3;
            if b.get(end) == Some(&b'.') && digits(end + 1, 1) {
                end += 1;
                while b.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
            }
        }
        if b.get(end) == Some(&b'Z') {
            end += 1;
        } else if matches!(b.get(end), Some(b'+' | b'-')) && digits(end + 1, 2) {
            end += 3;
            if b.get(end) == Some(&b':') && digits(end + 1, 2) {
                end += 3;
            } else if digits(end, 2) {
                end += 2;
            }
        }
    }
    if b.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(end)
}

/// Whether a field's value is machine-like.
fn machine_value(value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    if iso_date_end(value, 0) == Some(value.len()) {
        return true;
    }
    if value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | '-' | ' '))
        && value.chars().any(|c| c.is_ascii_digit())
    {
        return true; // 12345, 04.11.2025, 04.11.2025 10:32
    }
    let lower = value.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return !value.contains(' ');
    }
    // A slug: lowercase words joined by hyphens.
    value.contains('-')
        && !value.contains(' ')
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The field key of `text` when it is `key: value` (key folded), and the value.
fn field(text: &str) -> Option<(String, &str)> {
    let (key, value) = text.split_once(':')?;
    let key = key.trim();
    if key.is_empty() || key.split_whitespace().count() > 3 {
        return None;
    }
    Some((key.to_lowercase(), value.trim()))
}

/// What a whole line is, if it is metadata.
fn whole_line(content: &str) -> Option<&'static str> {
    if let Some((key, value)) = field(content) {
        if FIELD_KEYS.contains(&key.as_str()) && !value.is_empty() && words(value).count() <= 15 {
            return Some("a metadata field");
        }
        if VALUE_KEYS.contains(&key.as_str()) && machine_value(value) {
            return Some("a metadata field");
        }
    }
    // `date 2025-11-04` without a colon.
    if let Some((key, value)) = content.split_once(char::is_whitespace) {
        if VALUE_KEYS.contains(&key.to_lowercase().as_str())
            && iso_date_end(value.trim(), 0) == Some(value.trim().len())
        {
            return Some("a metadata field");
        }
    }
    if iso_date_end(content, 0) == Some(content.len()) {
        return Some("a machine timestamp");
    }
    let pieces: Vec<&str> = content.split_whitespace().collect();
    let hashtags = pieces
        .iter()
        .filter(|p| {
            p.strip_prefix('#')
                .is_some_and(|t| t.chars().next().is_some_and(char::is_alphabetic))
        })
        .count();
    if hashtags >= 2 && hashtags * 5 >= pieces.len() * 3 {
        return Some("a line of hashtags");
    }
    None
}

/// The longest markup tag, in bytes, up to its closing mark.
const MAX_TAG: usize = 400;

/// The longest entity (`&thinsp;`, `&#128512;`), in bytes, up to its `;`.
const MAX_ENTITY: usize = 10;

/// Where `mark` first is in the first `limit` bytes of `s`. The search is bounded so
/// that a line of `<` without `>` costs a window per mark, not the rest of the line.
fn find_within(s: &str, mark: char, limit: usize) -> Option<usize> {
    s[..floor_char_boundary(s, limit)].find(mark)
}

/// Markup at byte `at` of `s` (`<p>`, `</div>`, `<br/>`, `&nbsp;`, `&#160;`,
/// `[caption id="1"]`, `[/caption]`): its end.
fn markup_end(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let (open, close) = match rest.as_bytes().first()? {
        b'<' => ('<', '>'),
        b'[' => ('[', ']'),
        b'&' => {
            let end = find_within(rest, ';', MAX_ENTITY)?;
            return entity(&rest[1..end]).map(|_| at + end + 1);
        }
        _ => return None,
    };
    let end = find_within(rest, close, MAX_TAG)?;
    let body = &rest[open.len_utf8()..end];
    let body = body.strip_prefix('/').unwrap_or(body);
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .unwrap_or(body.len());
    let name = &body[..name_len];
    let attributes = body[name_len..].trim().trim_end_matches('/').trim();
    let known = match open {
        '<' => {
            matches!(
                name.to_ascii_lowercase().as_str(),
                "p" | "br"
                    | "div"
                    | "span"
                    | "a"
                    | "b"
                    | "i"
                    | "em"
                    | "strong"
                    | "img"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "ul"
                    | "li"
                    | "figure"
                    | "figcaption"
                    | "iframe"
                    | "script"
                    | "blockquote"
                    | "section"
                    | "article"
            )
        }
        _ => matches!(
            name,
            "caption" | "embed" | "gallery" | "video" | "audio" | "tweet" | "youtube"
        ),
    };
    let attributes_ok = attributes.is_empty() || attributes.contains('=');
    (known && attributes_ok).then_some(at + end + close.len_utf8())
}

/// What an HTML entity (`nbsp`, `#8211`, without `&` and `;`) stands for, if it is one
/// tandem removes: spaces become plain spaces; characters that would make markup again
/// (`<`, `>`, `[`, `]`, `&`) are no entity here.
fn entity(name: &str) -> Option<String> {
    let c = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "shy" | "zwnj" | "zwj" => return Some(String::new()),
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        _ => {
            let digits = name.strip_prefix('#')?;
            if !(2..=6).contains(&digits.len()) {
                return None;
            }
            let c = char::from_u32(digits.parse().ok()?)?;
            if matches!(c, '<' | '>' | '[' | ']' | '&') {
                return None;
            }
            if c == '\u{a0}' { ' ' } else { c }
        }
    };
    Some(c.to_string())
}

/// What replaces markup at `start..end` of `content`: the character an entity stands
/// for, a space for a tag between two words, otherwise nothing.
fn markup_replacement(content: &str, start: usize, end: usize) -> String {
    let token = &content[start..end];
    if let Some(name) = token.strip_prefix('&').and_then(|t| t.strip_suffix(';')) {
        return entity(name).unwrap_or_default();
    }
    let word_before = content[..start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let word_after = content[end..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace());
    if word_before && word_after {
        " ".to_string()
    } else {
        String::new()
    }
}

/// `text` in lowercase with every character at its byte offset, so that offsets found in
/// it index `text`: a character whose lowercase has another length stays as written
/// ("ẞ" is 3 bytes and "ß" 2, "İ" 2 bytes and "i̇" 3). No key has such a character.
fn lowercase_in_place(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// Metadata tokens inside a line's content (starting at byte `base` of the text).
fn tokens(content: &str, base: usize, out: &mut Vec<Stray>) {
    // Most lines have neither dates nor markup nor an ID: look no further.
    let bytes = content.as_bytes();
    let has_iso = bytes
        .iter()
        .enumerate()
        .any(|(i, b)| b.is_ascii_digit() && iso_date_end(content, i).is_some());
    let has_markup = bytes.iter().any(|b| matches!(b, b'<' | b'[' | b'&'));
    let has_id = bytes.windows(3).any(|w| {
        w[0].eq_ignore_ascii_case(&b'i') && w[1].eq_ignore_ascii_case(&b'd') && w[2] == b':'
    });
    if !has_iso && !has_markup && !has_id {
        return;
    }
    let lower = lowercase_in_place(content);
    let mut at = 0;
    while at < content.len() {
        let c = content[at..].chars().next().expect("in bounds");
        let starts_word = at == 0 || !content[..at].chars().next_back().is_some_and(is_word_char);
        if starts_word && is_word_char(c) {
            // `key[:] 2025-11-04`
            if let Some(end) = has_iso.then(|| keyed_date(content, &lower, at)).flatten() {
                out.push(Stray::inline(
                    Span::new(base + at, base + end),
                    "a metadata field",
                ));
                at = end;
                continue;
            }
            // A full timestamp alone.
            if let Some(end) = iso_date_end(content, at) {
                if content[at..end].contains('T') {
                    out.push(Stray::inline(
                        Span::new(base + at, base + end),
                        "a machine timestamp",
                    ));
                    at = end;
                    continue;
                }
            }
            // `ID: 12345`
            if lower[at..].starts_with("id:") {
                let value_start = at + 3;
                let value = &content[value_start..];
                let digits_from = value.len() - value.trim_start().len();
                let digits = value[digits_from..]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                let end = value_start + digits_from + digits;
                let ends_word = !content[end..].chars().next().is_some_and(is_word_char);
                if digits >= 3 && ends_word {
                    out.push(Stray::inline(
                        Span::new(base + at, base + end),
                        "a metadata field",
                    ));
                    at = end;
                    continue;
                }
            }
        }
        if matches!(c, '<' | '[' | '&') {
            if let Some(end) = markup_end(content, at) {
                // Tags in a row ("<p><b>") are one finding: a page of nested tags gave
                // one finding per tag, and memory a hundred times the input.
                let tag = c != '&';
                match out.last_mut() {
                    Some(last)
                        if tag
                            && last.what == "markup"
                            && last.span.end == base + at
                            && !content[last.span.start - base..].starts_with('&') =>
                    {
                        last.span.end = base + end;
                        last.replacement = markup_replacement(content, last.span.start - base, end);
                    }
                    _ => out.push(Stray {
                        span: Span::new(base + at, base + end),
                        whole_line: false,
                        what: "markup",
                        replacement: markup_replacement(content, at, end),
                    }),
                }
                at = end;
                continue;
            }
        }
        at += c.len_utf8();
    }
}

/// `key 2025-11-04` or `key: 2025-11-04` at byte `at`, with a key of [`VALUE_KEYS`]:
/// its end.
fn keyed_date(content: &str, lower: &str, at: usize) -> Option<usize> {
    for key in VALUE_KEYS {
        if !lower[at..].starts_with(key) {
            continue;
        }
        let mut i = at + key.len();
        if content[i..].chars().next().is_some_and(is_word_char) {
            continue;
        }
        if content[i..].starts_with(':') {
            i += 1;
        }
        let spaces = content[i..].len() - content[i..].trim_start_matches([' ', '\t']).len();
        if spaces == 0 && !content[at + key.len()..].starts_with(':') {
            continue;
        }
        if let Some(end) = iso_date_end(content, i + spaces) {
            return Some(end);
        }
    }
    None
}

/// The stray metadata of `text`, line by line.
pub(crate) fn find(text: &str, lines: &[Line]) -> Vec<Stray> {
    let mut found = Vec::new();
    for line in lines {
        let span = line.trimmed(text);
        if span.is_empty() {
            continue;
        }
        let content = span.text(text);
        if let Some(what) = whole_line(content) {
            found.push(Stray::line(span, what));
            continue;
        }
        let before = found.len();
        tokens(content, span.start, &mut found);
        // Tokens that leave no word of the line are the line.
        let mut rest_has_words = false;
        let mut at = span.start;
        for stray in &found[before..] {
            rest_has_words |= text[at..stray.span.start].chars().any(is_word_char);
            at = stray.span.end;
        }
        rest_has_words |= text[at..span.end].chars().any(is_word_char);
        if found.len() > before && !rest_has_words {
            let what = found[before].what;
            found.truncate(before);
            found.push(Stray::line(span, what));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::lines;

    fn strays(text: &str) -> Vec<(&str, bool)> {
        let lines = lines(text);
        find(text, &lines)
            .into_iter()
            .map(|s| (s.span.text(text), s.whole_line))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: &[(&str, bool)] = &$expected;
                assert_eq!(strays($text), expected);
            }
        };
    }

    t!(
        seed_date_token,
        " date 2025-11-04 Die USA planen Berichten zufolge einen Einsatz.",
        [("date 2025-11-04", false)]
    );
    t!(
        keyed_date_with_colon,
        "Veröffentlicht: 2025-11-04T10:32:00+01:00",
        [("Veröffentlicht: 2025-11-04T10:32:00+01:00", true)]
    );
    t!(
        tags_line,
        "Tags: Mexiko, USA, Drogenkartelle",
        [("Tags: Mexiko, USA, Drogenkartelle", true)]
    );
    t!(
        spanish_tags,
        "Etiquetas: México, Estados Unidos",
        [("Etiquetas: México, Estados Unidos", true)]
    );
    t!(id_line, "ID: 12345", [("ID: 12345", true)]);
    t!(
        id_inline,
        "Der Bericht (ID: 48213) erschien am Montag.",
        [("ID: 48213", false)]
    );
    t!(
        timestamp_line,
        "2025-11-04 10:32",
        [("2025-11-04 10:32", true)]
    );
    t!(
        timestamp_inline,
        "Die Meldung kam 2025-11-04T08:00:00Z herein.",
        [("2025-11-04T08:00:00Z", false)]
    );
    t!(
        hashtags,
        "#Mexiko #Trump #Kartelle",
        [("#Mexiko #Trump #Kartelle", true)]
    );
    t!(
        markup,
        "Der Präsident<br/> sagte&nbsp;nichts. [caption id=\"7\"]Bild[/caption]",
        [
            ("<br/>", false),
            ("&nbsp;", false),
            ("[caption id=\"7\"]", false),
            ("[/caption]", false)
        ]
    );
    t!(
        tags_in_a_row_are_one_finding,
        "Er sagte<br/><br/>nichts &amp;<b></b> mehr.",
        [("<br/><br/>", false), ("&amp;", false), ("<b></b>", false)]
    );
    t!(
        slug_value,
        "URL: mexiko-einsatz-trump-2025",
        [("URL: mexiko-einsatz-trump-2025", true)]
    );

    // Negative cases: dates, times and colons in prose.
    t!(
        prose_date,
        "Am 4. November 2025 um 10:32 Uhr begann die Sitzung.",
        []
    );
    t!(prose_colon, "Das Ziel: mehr Sicherheit für alle.", []);
    t!(date_word_in_prose, "Das Datum 4. November steht fest.", []);
    t!(title_50, "Das Mandat soll unter „Title 50“ laufen.", []);
    t!(
        less_than,
        "Wenn x < 5 und y > 3 gilt, ist [1] richtig & wichtig.",
        []
    );
    t!(human_date_field, "Veröffentlicht: 4. November 2025", []);

    // Lowercasing "ẞ" shortens it and "İ" lengthens it: offsets found in the lowercased
    // line fell inside characters of the line, and `clean` panicked.
    t!(
        capitals_whose_lowercase_has_another_length,
        "GROẞE ÜBERRASCHUNG IN İSTANBUL [Video]",
        []
    );
    // A line whose lowercase had another length was not lowercased: its fields were missed.
    t!(
        keyed_fields_after_a_sharp_s_capital,
        "STRAẞE GESPERRT, DATUM 2025-11-04, ID: 48213",
        [("DATUM 2025-11-04", false), ("ID: 48213", false)]
    );

    #[test]
    fn lowercase_in_place_keeps_every_offset() {
        for text in [
            "GROẞE İSTANBUL",
            "ǅ Ω K Å Straße",
            "Veröffentlicht ÄÖÜ",
            "plain",
        ] {
            let lower = lowercase_in_place(text);
            assert_eq!(lower.len(), text.len(), "{text}");
            let boundaries = |s: &str| s.char_indices().map(|(i, _)| i).collect::<Vec<_>>();
            assert_eq!(boundaries(&lower), boundaries(text), "{text}");
        }
        assert_eq!(lowercase_in_place("DATUM ÄÖÜ ẞ"), "datum äöü ẞ");
    }

    #[test]
    fn a_long_line_of_unclosed_marks_is_linear() {
        // Each `<` once looked for its `>` to the end of the line: 31 s for 1 MB.
        let text = "<[&".repeat(300_000);
        let started = std::time::Instant::now();
        assert_eq!(strays(&text), []);
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    }
}
