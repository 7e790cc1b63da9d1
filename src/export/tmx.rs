//! TMX 1.4b export of an alignment.
//!
//! One `<tu>` per group, its `tuid` the group id, with the group's score (and, in parallel
//! mode, its bead type) as `<prop>`s; one `<tuv>` per member that has sentences, in the
//! order of the alignment's documents, naming its document and sentence indices, with the
//! member's sentences joined by a space in `<seg>` ([`Alignment::member_text`]). Plain
//! text, TMX level 1: nothing inside `<seg>` is markup.
//!
//! Decisions, beyond what the specification fixes:
//!
//! - **Unmatched groups.** A translation memory holds translations, so by default a group
//!   is written only when at least two of its members have sentences. A group of one
//!   member (comparable: a sentence nothing matches) and a parallel bead with an empty side
//!   (`1-0`, `0-1`) are left out, unless [`TmxOptions::include_unmatched`] asks for them;
//!   then they become a `<tu>` with a single `<tuv>`, which TMX allows. An empty side never
//!   gets a `<tuv>`, and a group without any sentence is never written.
//! - **`srclang`.** In parallel mode the first document is the source, so `srclang` is its
//!   language. Comparable outlets have no source: `srclang` is their language when they
//!   all share one (every `<tuv>` then has that language, as the specification expects of
//!   the source `<tuv>`), and `*all*` ("any language can be used as the source") when they
//!   differ.
//! - **Characters XML 1.0 forbids** (C0 controls other than tab, line feed and carriage
//!   return; U+FFFE and U+FFFF) cannot be written even as character references. Vertical
//!   tab and form feed separate words and become a space; every other one becomes U+FFFD
//!   REPLACEMENT CHARACTER, so that the reader sees that something was there. All other
//!   text round-trips exactly: `&`, `<`, `>` are escaped (and `"` in attributes), and a
//!   carriage return is written as `&#13;` so that a parser's end-of-line normalisation
//!   does not turn it into a line feed.
//! - No `creationdate`: the same alignment always gives the same file.
//! - Several members in one language (comparable mode) give several `<tuv>`s with the
//!   same `xml:lang`; the `x-document` prop tells them apart.

use std::fmt::Write as _;

use super::{AlignedDocument, Alignment, AlignmentMode, Group, Member};

/// What `to_tmx` writes beyond the translations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TmxOptions {
    /// Also write groups in which only one member has sentences (a sentence nothing
    /// matches; a parallel bead with an empty side), as a `<tu>` with one `<tuv>`.
    /// Off by default.
    pub include_unmatched: bool,
}

/// The `srclang` of a file whose units may start from any language.
const ALL_LANGUAGES: &str = "*all*";

/// Writes `alignment` as a TMX 1.4b document (UTF-8, ending in a newline).
///
/// The alignment should have passed [`Alignment::validate`]; a member naming a document
/// the alignment does not have is left out, as are sentence indices its document does not
/// have.
///
/// ```
/// use tandem::export::{Alignment, TmxOptions, to_tmx};
///
/// let json = r#"{"version": 1, "mode": "parallel",
///   "documents": [
///     {"id": "bericht", "source": "bericht.txt", "lang": "de",
///      "sentences": [{"index": 0, "start": 0, "end": 14, "text": "Guten Morgen."}]},
///     {"id": "report", "source": "report.txt", "lang": "en",
///      "sentences": [{"index": 0, "start": 0, "end": 13, "text": "Good morning."}]}],
///   "groups": [{"id": 0, "score": 0.9, "bead": "1-1",
///     "members": [{"doc": "bericht", "sentences": [0]}, {"doc": "report", "sentences": [0]}]}]}"#;
/// let alignment: Alignment = serde_json::from_str(json)?;
/// let tmx = to_tmx(&alignment, &TmxOptions::default());
/// assert!(tmx.contains(r#"srclang="de""#));
/// assert!(tmx.contains("<seg>Good morning.</seg>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_tmx(alignment: &Alignment, options: &TmxOptions) -> String {
    let docs = alignment.document_indices();
    let mut out = String::with_capacity(estimate(alignment));
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    out.push_str("  <header creationtool=\"tandem\" creationtoolversion=\"");
    push_attr(&mut out, env!("CARGO_PKG_VERSION"));
    out.push_str(
        "\" segtype=\"sentence\"\n          o-tmf=\"tandem-alignment\" adminlang=\"en\" srclang=\"",
    );
    push_attr(&mut out, &srclang(alignment));
    out.push_str("\" datatype=\"plaintext\">\n");
    let mode = match alignment.mode {
        AlignmentMode::Comparable => "comparable",
        AlignmentMode::Parallel => "parallel",
    };
    let _ = writeln!(out, "    <prop type=\"x-mode\">{mode}</prop>");
    out.push_str("  </header>\n  <body>\n");
    let mut members = Vec::new();
    for group in &alignment.groups {
        members.clear();
        members.extend(group.members.iter().filter_map(|member| {
            let index = *docs.get(member.doc.as_str())?;
            let doc = &alignment.documents[index];
            let has_text = member.sentences.iter().any(|&s| s < doc.sentences.len());
            has_text.then_some((index, doc, member))
        }));
        if members.is_empty() || (members.len() == 1 && !options.include_unmatched) {
            continue;
        }
        // Source first: the members in the order of the documents (stable for members of
        // one document).
        members.sort_by_key(|&(index, _, _)| index);
        write_unit(&mut out, group, &members);
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// The header's `srclang`: see the module documentation.
fn srclang(alignment: &Alignment) -> String {
    let mut langs = alignment.documents.iter().map(|d| d.lang);
    let Some(first) = langs.next() else {
        return ALL_LANGUAGES.to_string();
    };
    match alignment.mode {
        AlignmentMode::Parallel => first.to_string(),
        AlignmentMode::Comparable if langs.all(|l| l == first) => first.to_string(),
        AlignmentMode::Comparable => ALL_LANGUAGES.to_string(),
    }
}

/// Writes one `<tu>` for `group` with a `<tuv>` for each of `members`.
fn write_unit(out: &mut String, group: &Group, members: &[(usize, &AlignedDocument, &Member)]) {
    let _ = writeln!(out, "    <tu tuid=\"{}\">", group.id);
    let _ = writeln!(out, "      <prop type=\"x-score\">{:?}</prop>", group.score);
    if let Some(bead) = &group.bead {
        out.push_str("      <prop type=\"x-bead\">");
        push_text(out, bead);
        out.push_str("</prop>\n");
    }
    for &(_, doc, member) in members {
        let _ = writeln!(out, "      <tuv xml:lang=\"{}\">", doc.lang);
        out.push_str("        <prop type=\"x-document\">");
        push_text(out, &doc.id);
        out.push_str("</prop>\n        <prop type=\"x-sentences\">");
        let indices = member
            .sentences
            .iter()
            .filter(|&&s| s < doc.sentences.len());
        for (i, s) in indices.enumerate() {
            let _ = write!(out, "{}{s}", if i == 0 { "" } else { " " });
        }
        out.push_str("</prop>\n        <seg>");
        let texts = member
            .sentences
            .iter()
            .filter_map(|&s| doc.sentences.get(s))
            .map(|s| s.text.as_str());
        for (i, text) in texts.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            push_text(out, text);
        }
        out.push_str("</seg>\n      </tuv>\n");
    }
    out.push_str("    </tu>\n");
}

/// A guess at the size of the file, so that the output is allocated once or twice.
fn estimate(alignment: &Alignment) -> usize {
    let text: usize = alignment
        .documents
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.text.len())
        .sum();
    text + 300 * alignment.groups.len() + 512
}

/// Appends `text` as element content.
fn push_text(out: &mut String, text: &str) {
    push_escaped(out, text, false);
}

/// Appends `text` as the value of a double-quoted attribute.
fn push_attr(out: &mut String, text: &str) {
    push_escaped(out, text, true);
}

/// Appends `text` escaped for XML 1.0, replacing the characters XML cannot hold (see the
/// module documentation). In attributes, `"` and the white space that attribute-value
/// normalisation would turn into spaces are written as references.
fn push_escaped(out: &mut String, text: &str, attribute: bool) {
    let mut clean = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#13;",
            '"' if attribute => "&quot;",
            '\t' if attribute => "&#9;",
            '\n' if attribute => "&#10;",
            '\t' | '\n' => continue,
            '\u{B}' | '\u{C}' => " ",
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[clean..i]);
        out.push_str(replacement);
        clean = i + c.len_utf8();
    }
    out.push_str(&text[clean..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        push_escaped(&mut out, text, attribute);
        out
    }

    macro_rules! t {
        ($name:ident, $text:expr, $content:expr, $attr:expr) => {
            #[test]
            fn $name() {
                assert_eq!(escaped($text, false), $content, "content");
                assert_eq!(escaped($text, true), $attr, "attribute");
            }
        };
    }

    t!(plain, "Zölle 🚢", "Zölle 🚢", "Zölle 🚢");
    t!(
        markup,
        "<b>&amp;</b>",
        "&lt;b&gt;&amp;amp;&lt;/b&gt;",
        "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    );
    t!(quotes, "\"x\" 'y'", "\"x\" 'y'", "&quot;x&quot; 'y'");
    t!(cdata_end, "]]>", "]]&gt;", "]]&gt;");
    t!(
        white_space,
        "a\tb\nc\rd",
        "a\tb\nc&#13;d",
        "a&#9;b&#10;c&#13;d"
    );
    t!(
        vertical_tab_and_form_feed,
        "a\u{B}b\u{C}c",
        "a b c",
        "a b c"
    );
    t!(
        forbidden_controls,
        "\u{0}x\u{1B}[0m\u{7}\u{FFFE}\u{FFFF}",
        "\u{FFFD}x\u{FFFD}[0m\u{FFFD}\u{FFFD}\u{FFFD}",
        "\u{FFFD}x\u{FFFD}[0m\u{FFFD}\u{FFFD}\u{FFFD}"
    );
    t!(
        c1_controls_are_allowed,
        "a\u{85}b\u{9F}",
        "a\u{85}b\u{9F}",
        "a\u{85}b\u{9F}"
    );

    #[test]
    fn srclang_follows_the_mode_and_the_languages() {
        let doc = |id: &str, lang: &str| -> AlignedDocument {
            serde_json::from_value(serde_json::json!(
                {"id": id, "source": id, "lang": lang, "sentences": []}
            ))
            .unwrap()
        };
        let mut alignment = Alignment {
            version: 1,
            mode: AlignmentMode::Comparable,
            documents: vec![doc("a", "de"), doc("b", "de")],
            groups: Vec::new(),
        };
        assert_eq!(srclang(&alignment), "de");
        alignment.documents.push(doc("c", "en"));
        assert_eq!(srclang(&alignment), "*all*");
        alignment.mode = AlignmentMode::Parallel;
        alignment.documents.remove(0);
        assert_eq!(srclang(&alignment), "de");
        alignment.documents.clear();
        assert_eq!(srclang(&alignment), "*all*");
    }
}
