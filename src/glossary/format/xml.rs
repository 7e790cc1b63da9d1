//! A small, safe XML reader: the whole document as a tree of elements with byte
//! positions, built with `quick-xml`.
//!
//! Safety: no DTD is loaded and no entity declared in a `<!DOCTYPE>` is expanded, so
//! neither "billion laughs" nor external entities (`SYSTEM "file:///etc/passwd"`) can do
//! anything; a reference to one is an error at the reference. Only the five predefined
//! entities and numeric character references are replaced. Nesting is limited to
//! [`MAX_DEPTH`] elements, so walking the tree cannot exhaust the stack.

use std::collections::HashMap;

use quick_xml::XmlVersion;
use quick_xml::errors::{Error as XmlError, IllFormedError};
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;

use super::shared::Source;
use crate::Result;

/// How deeply elements may nest.
pub(super) const MAX_DEPTH: usize = 64;

/// An element: local name (without namespace prefix), attributes, children, and the byte
/// offset of its `<`.
#[derive(Debug)]
pub(super) struct Element {
    pub(super) name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    pub(super) pos: usize,
}

/// A child of an element.
#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute with this qualified name (`id`, `xml:lang`).
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The child elements.
    pub(super) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub(super) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// All text inside the element, including that of its descendants.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Element(element) => element.collect_text(out),
                Node::Text(text) => out.push_str(text),
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(Node::Text(last)) = self.children.last_mut() {
            last.push_str(text);
        } else {
            self.children.push(Node::Text(text.to_string()));
        }
    }
}

/// What a `<!DOCTYPE>` declares about an entity.
enum Declared {
    /// `<!ENTITY name "value">`.
    Internal,
    /// `<!ENTITY name SYSTEM "uri">` or `PUBLIC "id" "uri"`: the quoted system id.
    External(String),
}

/// Parses a whole XML document (BOM already removed) into its root element.
pub(super) fn parse(src: &Source<'_>) -> Result<Element> {
    let mut reader = Reader::from_str(src.text);
    let decoder = reader.decoder();
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut declared: HashMap<String, Declared> = HashMap::new();
    loop {
        let start = offset(reader.buffer_position());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Err(src.error(offset(reader.error_position()), message(&e))),
        };
        let text_outside = |at: usize| src.error(at, "text outside the root element");
        match event {
            Event::Start(tag) | Event::Empty(tag) if root.is_some() && stack.is_empty() => {
                let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
                let msg = format!("second root element <{name}>; a document has one");
                return Err(src.error(start, msg));
            }
            Event::Start(tag) => {
                if stack.len() >= MAX_DEPTH {
                    let msg = format!("elements nested more than {MAX_DEPTH} deep");
                    return Err(src.error(start, msg));
                }
                stack.push(element(src, &tag, start, decoder)?);
            }
            Event::Empty(tag) => {
                let element = element(src, &tag, start, decoder)?;
                close(element, &mut stack, &mut root);
            }
            Event::End(_) => {
                // quick-xml has checked that the end tag matches the open element.
                let element = stack
                    .pop()
                    .ok_or_else(|| src.error(start, "end tag without a start tag"))?;
                close(element, &mut stack, &mut root);
            }
            Event::Text(text) => {
                let text = text
                    .decode()
                    .map_err(|e| src.error(start, format!("malformed text: {e}")))?;
                match stack.last_mut() {
                    Some(parent) => parent.push_text(&text),
                    None => {
                        if let Some(lead) = text.find(|c: char| !c.is_whitespace()) {
                            return Err(text_outside(start + lead));
                        }
                    }
                }
            }
            Event::CData(data) => {
                let text = data
                    .decode()
                    .map_err(|e| src.error(start, format!("malformed CDATA: {e}")))?;
                match stack.last_mut() {
                    Some(parent) => parent.push_text(&text),
                    None => return Err(text_outside(start)),
                }
            }
            Event::GeneralRef(reference) => {
                let c = resolve(src, &reference, start, &declared)?;
                match stack.last_mut() {
                    Some(parent) => parent.push_text(c.encode_utf8(&mut [0; 4])),
                    None => return Err(text_outside(start)),
                }
            }
            Event::DocType(doctype) => {
                if root.is_some() || !stack.is_empty() {
                    return Err(src.error(start, "<!DOCTYPE> inside or after the root element"));
                }
                declared = declarations(&String::from_utf8_lossy(&doctype));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        let (line, column) = src.position(open.pos);
        let msg = format!(
            "unexpected end of file: <{}> opened at line {line}, column {column} is not closed",
            open.name
        );
        return Err(src.error(src.text.len(), msg));
    }
    root.ok_or_else(|| src.error(src.text.len(), "no XML element found"))
}

/// Converts a reader position into a byte offset.
fn offset(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

/// Attaches a closed element to its parent, or makes it the root.
fn close(element: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(element)),
        None => *root = Some(element),
    }
}

/// An element from a start tag, its attribute values unescaped.
fn element(
    src: &Source<'_>,
    tag: &BytesStart<'_>,
    start: usize,
    decoder: quick_xml::Decoder,
) -> Result<Element> {
    let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in tag.attributes() {
        let attr =
            attr.map_err(|e| src.error(start, format!("malformed attribute in <{name}>: {e}")))?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        // XML forbids a raw `<` in an attribute value; quick-xml lets it through.
        if attr.value.contains(&b'<') {
            let msg = format!("attribute {key} of <{name}> holds a '<' (write it as &lt;)");
            return Err(src.error(start, msg));
        }
        let value = attr
            .decoded_and_normalized_value(XmlVersion::Implicit1_0, decoder)
            .map_err(|e| {
                let msg = format!(
                    "attribute {key} of <{name}>: {e} (only &lt; &gt; &amp; &apos; &quot; and \
                     numeric character references are expanded)"
                );
                src.error(start, msg)
            })?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
        pos: start,
    })
}

/// The character an entity or character reference stands for.
fn resolve(
    src: &Source<'_>,
    reference: &BytesRef<'_>,
    start: usize,
    declared: &HashMap<String, Declared>,
) -> Result<char> {
    let name = String::from_utf8_lossy(reference).into_owned();
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(c)) => Ok(c),
            _ => Err(src.error(start, format!("invalid character reference '&{name};'"))),
        };
    }
    let c = match name.as_str() {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => {
            let msg = match declared.get(&name) {
                Some(Declared::External(uri)) => format!(
                    "external entity '&{name};' (\"{uri}\") is not read: tandem never loads \
                     external entities"
                ),
                Some(Declared::Internal) => format!(
                    "entity '&{name};' is declared in the document type declaration; tandem \
                     does not expand DTD entities (they allow entity-expansion attacks such as \
                     \"billion laughs\")"
                ),
                None => format!(
                    "unknown entity '&{name};' (only &lt; &gt; &amp; &apos; &quot; and numeric \
                     character references are expanded)"
                ),
            };
            return Err(src.error(start, msg));
        }
    };
    Ok(c)
}

/// The general entities a `<!DOCTYPE>` declares, by name (without expanding anything).
fn declarations(doctype: &str) -> HashMap<String, Declared> {
    let mut declared = HashMap::new();
    for part in doctype.split("<!ENTITY").skip(1) {
        let rest = part.trim_start();
        if rest.starts_with('%') {
            continue; // a parameter entity: only usable inside the DTD, which is not read
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '>')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        let after = rest[name_end..].trim_start();
        let kind = if after.starts_with("SYSTEM") || after.starts_with("PUBLIC") {
            Declared::External(last_literal(after).unwrap_or_default())
        } else {
            Declared::Internal
        };
        declared.entry(name.to_string()).or_insert(kind);
    }
    declared
}

/// The last quoted literal of a declaration, up to its closing `>` (the system id).
fn last_literal(declaration: &str) -> Option<String> {
    let mut last = None;
    let mut rest = declaration;
    while let Some(i) = rest.find(['"', '\'', '>']) {
        let quote = if rest[i..].starts_with('"') {
            '"'
        } else if rest[i..].starts_with('\'') {
            '\''
        } else {
            break;
        };
        let body = &rest[i + 1..];
        let Some(end) = body.find(quote) else { break };
        last = Some(body[..end].to_string());
        rest = &body[end + 1..];
    }
    last
}

/// A message for a quick-xml error.
fn message(error: &XmlError) -> String {
    match error {
        XmlError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("mismatched end tag: expected </{expected}>, found </{found}>")
        }
        XmlError::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
            format!("end tag </{name}> has no start tag")
        }
        other => format!("malformed XML: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::Error;

    fn parse_str(text: &str) -> Result<Element> {
        parse(&Source {
            path: Path::new("g.tbx"),
            text,
        })
    }

    /// The (line, column, message) of the error parsing `text`.
    fn error_of(text: &str) -> (usize, usize, String) {
        match parse_str(text) {
            Err(Error::Glossary {
                line, column, msg, ..
            }) => (line, column, msg),
            other => panic!("expected a glossary error, got {other:?}"),
        }
    }

    #[test]
    fn builds_a_tree_with_text_and_attributes() {
        let root = parse_str(
            "<?xml version=\"1.0\"?>\n<!-- c -->\n<a x=\"1 &amp; 2\"><b>caf&#233; &lt;&#x41;&gt;\
             <![CDATA[<raw>]]></b><c/></a>\n",
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1 & 2"));
        let b = root.child("b").unwrap();
        assert_eq!(b.text(), "café <A><raw>");
        assert_eq!(b.pos, 50);
        assert!(root.child("c").is_some());
    }

    #[test]
    fn prefixes_are_dropped_from_element_names() {
        let root = parse_str("<t:tbx xmlns:t=\"urn:x\"><t:text/></t:tbx>").unwrap();
        assert_eq!(root.name, "tbx");
        assert!(root.child("text").is_some());
    }

    #[test]
    fn malformed_documents_have_positions() {
        let cases: &[(&str, usize, usize, &str)] = &[
            ("<a>\n  <b></a>", 2, 6, "expected </b>, found </a>"),
            ("<a></a>\n</b>", 2, 1, "</b> has no start tag"),
            (
                "<a>\n<b>text",
                2,
                8,
                "<b> opened at line 2, column 1 is not closed",
            ),
            ("<a></a>\ntrailing", 2, 1, "text outside the root element"),
            ("  lead <a></a>", 1, 3, "text outside the root element"),
            ("<a></a><b/>", 1, 8, "second root element"),
            ("<a>\n<b", 2, 1, "malformed XML"),
            ("<a>&nbsp;</a>", 1, 4, "unknown entity '&nbsp;'"),
            ("<a>&#xD800;</a>", 1, 4, "invalid character reference"),
            ("<a x=\"&foo;\"/>", 1, 1, "attribute x of <a>"),
            (
                "<a>\n <b x='1<2'/></a>",
                2,
                2,
                "attribute x of <b> holds a '<'",
            ),
            ("", 1, 1, "no XML element"),
        ];
        for &(text, line, column, needle) in cases {
            let (l, c, msg) = error_of(text);
            assert_eq!((l, c), (line, column), "{text:?}: {msg}");
            assert!(msg.contains(needle), "{text:?}: {msg:?} lacks {needle:?}");
        }
    }

    #[test]
    fn nesting_is_limited() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        let (_, _, msg) = error_of(&deep);
        assert!(msg.contains("nested more than"), "{msg}");
    }

    #[test]
    fn doctype_entities_are_recognised_but_never_expanded() {
        let text = "<!DOCTYPE a [\n<!ENTITY e \"x\">\n<!ENTITY % p \"y\">\n\
                    <!ENTITY f SYSTEM 'file:///etc/passwd'>\n\
                    <!ENTITY g PUBLIC \"-//x//EN\" \"http://example.org/g.xml\">\n]>\n\
                    <a>&e;</a>";
        let (line, column, msg) = error_of(text);
        assert_eq!((line, column), (7, 4));
        assert!(msg.contains("'&e;' is declared"), "{msg}");
        let declared = declarations(text);
        assert!(matches!(declared.get("e"), Some(Declared::Internal)));
        assert!(!declared.contains_key("p") && !declared.contains_key("%"));
        assert!(
            matches!(declared.get("f"), Some(Declared::External(u)) if u == "file:///etc/passwd")
        );
        assert!(
            matches!(declared.get("g"), Some(Declared::External(u)) if u == "http://example.org/g.xml")
        );
    }

    #[test]
    fn an_external_doctype_is_not_loaded() {
        let root =
            parse_str("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif/>").unwrap();
        assert_eq!(root.name, "martif");
    }
}
