//! List items inside one line: bullets (`• 9. item • 10. item`) and numbered or
//! lettered sequences (`1.) first 2.) second`, `a. first b. second`). Each item is a
//! sentence of its own, and the period of an item marker never ends one.

use super::Region;

/// Where list items start in a line and where their markers are.
#[derive(Debug, Default)]
pub(super) struct ListItems {
    /// Byte offsets where a new item starts (never the line's first item).
    pub(super) starts: Vec<usize>,
    /// Item markers such as `2.)` or `b.`, sorted; a period inside one is not a sentence
    /// end.
    pub(super) markers: Vec<Region>,
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '◦' | '▪' | '‣' | '⁃' | '●' | '■' | '□' | '►' | '▸')
}

/// How an item is numbered; items of one list share their style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Number(&'static str),
    Letter(&'static str, bool),
}

/// A candidate marker: where it is, its style and its ordinal value.
#[derive(Debug, Clone, Copy)]
struct Marker {
    region: Region,
    style: Style,
    value: u32,
}

/// Reads a marker such as `12.`, `3)`, `4.)` or `b.` starting at `at`, which must be
/// followed by white space.
fn marker_at(line: &str, at: usize) -> Option<Marker> {
    let rest = &line[at..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (value, style_of, body) = if (1..=3).contains(&digits) {
        let value: u32 = rest[..digits].parse().ok()?;
        (value, None, digits)
    } else if digits == 0 {
        let c = rest.chars().next()?;
        if !c.is_ascii_alphabetic() {
            return None;
        }
        let value = u32::from(c.to_ascii_lowercase() as u8 - b'a') + 1;
        (value, Some(c.is_ascii_uppercase()), 1)
    } else {
        return None;
    };
    let suffix = [".)", ")", "."]
        .into_iter()
        .find(|s| rest[body..].starts_with(s))?;
    let end = at + body + suffix.len();
    if !line[end..].starts_with(char::is_whitespace) {
        return None;
    }
    let style = match style_of {
        None => Style::Number(suffix),
        Some(upper) => Style::Letter(suffix, upper),
    };
    Some(Marker {
        region: Region { start: at, end },
        style,
        value,
    })
}

/// Finds the list items of `line`.
pub(super) fn list_items(line: &str) -> ListItems {
    let mut items = ListItems::default();
    let mut first: Option<Marker> = None;
    let mut previous: Option<Marker> = None;
    let mut prev_char: Option<char> = None;
    let mut after_bullet = false;
    let mut at_line_start = true;
    for (at, c) in line.char_indices() {
        let word_start = prev_char.is_none_or(char::is_whitespace) || after_bullet;
        if is_bullet(c) {
            // A bullet at the start of the line starts the line's first item.
            if !at_line_start && prev_char.is_some_and(char::is_whitespace) {
                items.starts.push(at);
            }
            after_bullet = true;
            at_line_start = false;
            prev_char = Some(c);
            continue;
        }
        if word_start && let Some(marker) = marker_at(line, at) {
            if after_bullet {
                items.markers.push(marker.region);
            } else if at_line_start {
                first = Some(marker);
                previous = Some(marker);
                items.markers.push(marker.region);
            } else if let Some(prev) = previous
                && first.is_some()
                && prev.style == marker.style
                && marker.value == prev.value + 1
            {
                items.starts.push(at);
                items.markers.push(marker.region);
                previous = Some(marker);
            }
        }
        if !c.is_whitespace() {
            after_bullet = false;
            at_line_start = false;
        }
        prev_char = Some(c);
    }
    // A lone marker at the start of a line is a heading number, not a list.
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(line: &str) -> (Vec<&str>, Vec<&str>) {
        let found = list_items(line);
        let starts = found.starts.iter().map(|&s| &line[s..]).collect();
        let markers = found
            .markers
            .iter()
            .map(|r| &line[r.start..r.end])
            .collect();
        (starts, markers)
    }

    #[test]
    fn numbered_items_in_sequence() {
        let (starts, markers) = items("1) Erstens kommen 2) zweitens gehen 3) drittens");
        assert_eq!(starts, ["2) zweitens gehen 3) drittens", "3) drittens"]);
        assert_eq!(markers, ["1)", "2)", "3)"]);
    }

    #[test]
    fn lettered_items_and_paren_period_style() {
        let (starts, _) = items("a. Äpfel b. Birnen");
        assert_eq!(starts, ["b. Birnen"]);
        let (starts, _) = items("1.) Rot 2.) Grün");
        assert_eq!(starts, ["2.) Grün"]);
    }

    #[test]
    fn bullets_start_items_and_mark_numbers() {
        let (starts, markers) = items("• 7. Tor • 8. Tor");
        assert_eq!(starts, ["• 8. Tor"]);
        assert_eq!(markers, ["7.", "8."]);
    }

    #[test]
    fn numbers_out_of_sequence_are_not_items() {
        let (starts, _) = items("1. Halbzeit endete 3. Mal");
        assert!(starts.is_empty());
        let (starts, markers) = items("Am 2. Mai und am 3. Juni");
        assert!(starts.is_empty() && markers.is_empty());
    }
}
