//! `tandem::export::to_tmx`: the output is parsed back with a strict XML 1.0 reader
//! (quick-xml, end-of-line and attribute-value normalisation as a conforming parser does
//! them) and checked against the alignment it came from.

mod common;

use std::time::Instant;

use common::{HOSTILE, MIXED, PARALLEL, SEEDS, load_alignment as load};
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use tandem::export::{Alignment, TmxOptions, to_tmx};

// ---------------------------------------------------------------------------------------
// A small, strict reader for what the tests need: a tree of elements with their
// attributes and text.

#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|e| e.name == name).collect()
    }

    fn one(&self, name: &str) -> &Element {
        let found = self.all(name);
        assert_eq!(
            found.len(),
            1,
            "<{}> has {} <{name}>",
            self.name,
            found.len()
        );
        found[0]
    }

    /// The text of the one `<prop type="…">` child.
    fn prop(&self, kind: &str) -> &str {
        let props: Vec<_> = self
            .all("prop")
            .into_iter()
            .filter(|p| p.attr("type") == Some(kind))
            .collect();
        assert_eq!(
            props.len(),
            1,
            "<{}> has {} {kind} props",
            self.name,
            props.len()
        );
        &props[0].text
    }
}

/// Whether `c` may appear in an XML 1.0 document at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

fn start(tag: &BytesStart<'_>, reader: &Reader<&[u8]>) -> Result<Element, String> {
    let name = String::from_utf8(tag.name().as_ref().to_vec()).map_err(|e| e.to_string())?;
    let mut attrs = Vec::new();
    for attr in tag.attributes() {
        let attr = attr.map_err(|e| format!("<{name}>: {e}"))?;
        let key = String::from_utf8(attr.key.as_ref().to_vec()).map_err(|e| e.to_string())?;
        let value = attr
            .decoded_and_normalized_value(XmlVersion::Implicit1_0, reader.decoder())
            .map_err(|e| format!("<{name} {key}>: {e}"))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        text: String::new(),
    })
}

/// Parses a whole document; any ill-formedness is an error.
fn parse(xml: &str) -> Result<Element, String> {
    if let Some((at, c)) = xml.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        return Err(format!(
            "character {c:?} at byte {at} is not allowed in XML 1.0"
        ));
    }
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at {}: {e}", reader.error_position()))?;
        let close = |element: Element, stack: &mut Vec<Element>, root: &mut Option<Element>| {
            match stack.last_mut() {
                Some(parent) => parent.children.push(element),
                None if root.is_none() => *root = Some(element),
                None => return Err("a second root element".to_string()),
            }
            Ok(())
        };
        match event {
            Event::Start(tag) => stack.push(start(&tag, &reader)?),
            Event::Empty(tag) => close(start(&tag, &reader)?, &mut stack, &mut root)?,
            Event::End(_) => {
                let element = stack.pop().ok_or("an end tag without a start tag")?;
                close(element, &mut stack, &mut root)?;
            }
            Event::Text(text) => {
                let text = text.xml10_content().map_err(|e| e.to_string())?;
                match stack.last_mut() {
                    Some(parent) => parent.text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(format!("text outside the root: {text:?}")),
                }
            }
            Event::GeneralRef(reference) => {
                let c = if reference.is_char_ref() {
                    reference
                        .resolve_char_ref()
                        .map_err(|e| e.to_string())?
                        .filter(|&c| is_xml_char(c))
                        .ok_or("a character reference to a forbidden character")?
                } else {
                    let name: &[u8] = reference.as_ref();
                    match name {
                        b"amp" => '&',
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        other => {
                            return Err(format!(
                                "unknown entity &{};",
                                String::from_utf8_lossy(other)
                            ));
                        }
                    }
                };
                stack
                    .last_mut()
                    .ok_or("a reference outside the root")?
                    .text
                    .push(c);
            }
            Event::CData(_) => return Err("unexpected CDATA section".into()),
            Event::DocType(_) => return Err("unexpected DOCTYPE".into()),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("<{}> is not closed", open.name));
    }
    root.ok_or_else(|| "no root element".to_string())
}

// ---------------------------------------------------------------------------------------
// Helpers

fn with_unmatched() -> TmxOptions {
    TmxOptions {
        include_unmatched: true,
    }
}

/// What a `<seg>` holds for `text`: characters XML 1.0 cannot hold are replaced (vertical
/// tab and form feed by a space, the others by U+FFFD); everything else is kept.
fn as_written(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{B}' | '\u{C}' => ' ',
            c if is_xml_char(c) => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// Checks the header and every unit of `tmx` against `alignment`; returns the tuids.
fn check(alignment: &Alignment, tmx: &str, srclang: &str) -> Vec<usize> {
    let root = parse(tmx).unwrap_or_else(|e| panic!("ill-formed TMX: {e}\n{tmx}"));
    assert_eq!(root.name, "tmx");
    assert_eq!(root.attr("version"), Some("1.4"));
    let header = root.one("header");
    let expected = [
        ("creationtool", "tandem"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "tandem-alignment"),
        ("adminlang", "en"),
        ("srclang", srclang),
        ("datatype", "plaintext"),
    ];
    for (key, value) in expected {
        assert_eq!(header.attr(key), Some(value), "header {key}");
    }
    let mode = serde_json::to_value(alignment.mode).unwrap();
    assert_eq!(header.prop("x-mode"), mode.as_str().unwrap());
    let doc_index = |id: &str| alignment.documents.iter().position(|d| d.id == id);

    let mut tuids = Vec::new();
    for tu in root.one("body").all("tu") {
        let tuid: usize = tu.attr("tuid").unwrap().parse().unwrap();
        let group = alignment.groups.iter().find(|g| g.id == tuid).unwrap();
        let score: f64 = tu.prop("x-score").parse().unwrap();
        assert_eq!(score, group.score, "tu {tuid}");
        match &group.bead {
            Some(bead) => assert_eq!(tu.prop("x-bead"), bead),
            None => assert!(
                tu.all("prop")
                    .iter()
                    .all(|p| p.attr("type") != Some("x-bead"))
            ),
        }
        let members: Vec<_> = group
            .members
            .iter()
            .filter(|m| !m.sentences.is_empty())
            .collect();
        let tuvs = tu.all("tuv");
        assert_eq!(
            tuvs.len(),
            members.len(),
            "tu {tuid}: one tuv per non-empty member"
        );
        let mut last = 0;
        for tuv in tuvs {
            let id = tuv.prop("x-document");
            let d = doc_index(id).unwrap_or_else(|| panic!("tu {tuid}: unknown document {id:?}"));
            assert!(d >= last, "tu {tuid}: tuvs in the order of the documents");
            last = d;
            let doc = &alignment.documents[d];
            assert_eq!(tuv.attr("xml:lang"), Some(doc.lang.code()), "tu {tuid}");
            let member = members.iter().find(|m| m.doc == doc.id).unwrap();
            let indices: Vec<String> = member.sentences.iter().map(|s| s.to_string()).collect();
            assert_eq!(tuv.prop("x-sentences"), indices.join(" "), "tu {tuid}");
            let seg = &tuv.one("seg");
            assert!(seg.children.is_empty(), "tu {tuid}: plain text only");
            assert_eq!(
                seg.text,
                as_written(&alignment.member_text(member)),
                "tu {tuid}"
            );
        }
        tuids.push(tuid);
    }
    tuids
}

// ---------------------------------------------------------------------------------------
// Tests

#[test]
fn the_checker_rejects_what_is_not_well_formed() {
    let bad = [
        "<a>x & y</a>",
        "<a>x < y</a>",
        "<a>&nbsp;</a>",
        "<a><b></a></b>",
        "<a b=\"1\" b=\"2\"/>",
        "<a b=\"x\"y\"/>",
        "<a>\u{1}</a>",
        "<a>&#1;</a>",
        "<a/><b/>",
        "<a>",
    ];
    for xml in bad {
        assert!(parse(xml).is_err(), "{xml:?} was accepted");
    }
    // References are resolved; a raw line break is normalised, a referenced one is not.
    let good = parse("<a b=\"&quot;1&#9;&#10;\r\n\">x &amp; &#13;|\r\n|\ry</a>").unwrap();
    assert_eq!(good.attr("b"), Some("\"1\t\n "));
    assert_eq!(good.text, "x & \r|\n|\ny");
}

#[test]
fn hostile_text_round_trips_exactly() {
    let alignment = load(HOSTILE);
    let tmx = to_tmx(&alignment, &TmxOptions::default());
    let tuids = check(&alignment, &tmx, "de");
    assert_eq!(tuids, [0, 1, 2, 3, 4, 5, 8]);
    assert!(!tmx.contains("<script>"), "markup is escaped");
    assert!(tmx.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        tmx.contains("&amp;amp;"),
        "an entity in the text is escaped once more"
    );
}

#[test]
fn carriage_returns_survive_end_of_line_normalisation() {
    let alignment = load(HOSTILE);
    let root = parse(&to_tmx(&alignment, &TmxOptions::default())).unwrap();
    let tu = &root.one("body").all("tu")[3];
    assert_eq!(tu.attr("tuid"), Some("3"));
    let en = &tu.all("tuv")[1].one("seg").text;
    assert_eq!(en, "Line one\r\nline two\twith a tab.");
}

#[test]
fn characters_xml_forbids_are_replaced() {
    let alignment = load(HOSTILE);
    let root = parse(&to_tmx(&alignment, &TmxOptions::default())).unwrap();
    let tu = &root.one("body").all("tu")[4];
    assert_eq!(tu.attr("tuid"), Some("4"));
    let segs: Vec<&str> = tu
        .all("tuv")
        .iter()
        .map(|t| t.one("seg").text.as_str())
        .collect();
    assert_eq!(
        segs,
        [
            "Steuerzeichen:\u{FFFD}\u{FFFD}  \u{FFFD}[0m und ein Wagenrücklauf\r am Ende.",
            "Control characters:\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} and a carriage return\r at the \
             end.",
        ]
    );
}

#[test]
fn unmatched_groups_are_left_out_unless_asked_for() {
    let alignment = load(HOSTILE);
    let tmx = to_tmx(&alignment, &with_unmatched());
    assert_eq!(check(&alignment, &tmx, "de"), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    let root = parse(&tmx).unwrap();
    let units = root.one("body").all("tu");
    // The 1-0 and 0-1 beads: one tuv each, none for the empty side.
    let one_sided: Vec<(&str, &str)> = units[6..8]
        .iter()
        .map(|tu| {
            let tuv = tu.one("tuv");
            (tuv.attr("xml:lang").unwrap(), tuv.prop("x-document"))
        })
        .collect();
    assert_eq!(one_sided, [("de", "quelle"), ("en", "ziel")]);
}

#[test]
fn mixed_languages_give_srclang_all_and_documents_keep_their_order() {
    let alignment = load(MIXED);
    let tmx = to_tmx(&alignment, &TmxOptions::default());
    assert_eq!(check(&alignment, &tmx, "*all*"), [0, 1]);
    let root = parse(&tmx).unwrap();
    let first = &root.one("body").all("tu")[0];
    let tuvs: Vec<(&str, &str)> = first
        .all("tuv")
        .iter()
        .map(|t| (t.attr("xml:lang").unwrap(), t.prop("x-document")))
        .collect();
    assert_eq!(
        tuvs,
        [("de", "taz"), ("de", "dpa & \"afp\" <1>"), ("en", "bbc")]
    );
    let second = &root.one("body").all("tu")[1];
    assert_eq!(second.all("tuv")[0].prop("x-sentences"), "2 1");
    assert_eq!(
        second.all("tuv")[0].one("seg").text,
        "Ein Sprecher nannte \"keine Details\". Die Umschläge stiegen um 4 %."
    );
    let all = to_tmx(&alignment, &with_unmatched());
    assert_eq!(check(&alignment, &all, "*all*"), [0, 1, 2, 3, 4]);
}

#[test]
fn the_parallel_fixture_gives_one_unit_per_bead() {
    let alignment = load(PARALLEL);
    let tmx = to_tmx(&alignment, &TmxOptions::default());
    let tuids = check(&alignment, &tmx, "de");
    assert_eq!(tuids, (0..14).collect::<Vec<_>>());
    let root = parse(&tmx).unwrap();
    for tu in root.one("body").all("tu") {
        let langs: Vec<_> = tu.all("tuv").iter().map(|t| t.attr("xml:lang")).collect();
        assert_eq!(langs, [Some("de"), Some("en")]);
    }
}

#[test]
fn the_seed_alignment_round_trips() {
    let alignment = load(SEEDS);
    let tmx = to_tmx(&alignment, &TmxOptions::default());
    let matched: Vec<usize> = alignment
        .groups
        .iter()
        .filter(|g| g.members.iter().filter(|m| !m.sentences.is_empty()).count() >= 2)
        .map(|g| g.id)
        .collect();
    assert!(!matched.is_empty());
    assert_eq!(check(&alignment, &tmx, "de"), matched);
    let all = to_tmx(&alignment, &with_unmatched());
    let every: Vec<usize> = alignment.groups.iter().map(|g| g.id).collect();
    assert_eq!(check(&alignment, &all, "de"), every);
}

#[test]
fn an_empty_alignment_is_an_empty_memory() {
    let alignment: Alignment = serde_json::from_str(
        r#"{"version": 1, "mode": "comparable", "documents": [], "groups": []}"#,
    )
    .unwrap();
    let tmx = to_tmx(&alignment, &with_unmatched());
    assert!(check(&alignment, &tmx, "*all*").is_empty());
}

#[test]
fn the_same_alignment_gives_the_same_bytes() {
    let alignment = load(SEEDS);
    let options = TmxOptions::default();
    assert_eq!(to_tmx(&alignment, &options), to_tmx(&alignment, &options));
}

/// A parallel alignment of `n` one-to-one beads, with some text that needs escaping.
fn large(n: usize) -> Alignment {
    let sentences = |lang: &str| -> Vec<serde_json::Value> {
        (0..n)
            .map(|i| {
                let text = format!(
                    "Satz {i} in {lang}: Der Hafen meldet {i} Container & \"Rekorde\" <heute>."
                );
                serde_json::json!({"index": i, "start": 0, "end": 0, "text": text})
            })
            .collect()
    };
    let groups: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({"id": i, "score": 0.75, "bead": "1-1", "members": [
                {"doc": "a", "sentences": [i]}, {"doc": "b", "sentences": [i]}]})
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "version": 1, "mode": "parallel",
        "documents": [
            {"id": "a", "source": "a.txt", "lang": "de", "sentences": sentences("de")},
            {"id": "b", "source": "b.txt", "lang": "en", "sentences": sentences("en")}],
        "groups": groups}))
    .unwrap()
}

/// Timing of 10,000 groups; run with
/// `cargo test --release --test export_tmx -- --ignored --nocapture`.
#[test]
#[ignore]
fn ten_thousand_groups_timing() {
    let alignment = large(10_000);
    let started = Instant::now();
    let tmx = to_tmx(&alignment, &TmxOptions::default());
    let tmx_time = started.elapsed();
    let started = Instant::now();
    let tsv = tandem::export::to_tsv(&alignment);
    let tsv_time = started.elapsed();
    eprintln!(
        "10,000 groups: TMX {} bytes in {tmx_time:?}, TSV {} bytes in {tsv_time:?}",
        tmx.len(),
        tsv.len()
    );
    assert_eq!(check(&alignment, &tmx, "de").len(), 10_000);
    assert_eq!(tsv.split_terminator('\n').count(), 10_000);
}
