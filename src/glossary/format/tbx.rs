//! TBX: writing TBX v3 (TBX-Basic, DCA style) and reading TBX v3 and v2. The data
//! categories and conventions are described in the module docs of [`super`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use super::LeftOut;
use super::shared::{Source, clean, preferred_first};
use super::xml::{self, Element};
use crate::glossary::id::{is_id, slug, unique_id};
use crate::glossary::model::{Concept, EntityType, Glossary, Term, TermStatus};
use crate::{Lang, Result};

/// The TBX v3 namespace (ISO 30042:2019).
const NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";

/// The concept-level note that holds the entity type: `tandem:type=organisation`.
const TYPE_NOTE: &str = "tandem:type=";

/// The term-level note that marks a candidate term.
const CANDIDATE_NOTE: &str = "tandem:status=candidate";

/// Schemas of the TBX-Basic dialect (LTAC-Global), for validating editors.
const SCHEMAS: &str = "\
<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>
<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>
";

/// Writes a glossary whose model was checked ([`super::shared::check_model`]) as TBX v3.
pub(super) fn render(glossary: &Glossary) -> String {
    let n = glossary.concepts.len();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(SCHEMAS);
    let _ = writeln!(
        out,
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"{NAMESPACE}\">"
    );
    out.push_str("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n");
    let _ = writeln!(
        out,
        "        <p>tandem glossary: {n} concept{}</p>",
        if n == 1 { "" } else { "s" }
    );
    out.push_str("      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n");
    out.push_str("  <text>\n    <body>\n");
    for concept in &glossary.concepts {
        let _ = writeln!(
            out,
            "      <conceptEntry id=\"{}\">",
            escape_attr(&concept.id)
        );
        let _ = writeln!(
            out,
            "        <note>{TYPE_NOTE}{}</note>",
            concept.entity_type
        );
        if let Some(note) = concept.note.as_deref().map(clean).filter(|n| !n.is_empty()) {
            let _ = writeln!(out, "        <note>{}</note>", escape(&note));
        }
        for (lang, terms) in concept.terms.iter().filter(|(_, t)| !t.is_empty()) {
            let _ = writeln!(out, "        <langSec xml:lang=\"{lang}\">");
            let preferred = terms.iter().filter(|t| t.status == TermStatus::Preferred);
            let others = terms.iter().filter(|t| t.status != TermStatus::Preferred);
            for term in preferred.chain(others) {
                write_term(&mut out, term);
            }
            out.push_str("        </langSec>\n");
        }
        out.push_str("      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

/// Writes one `<termSec>`.
fn write_term(out: &mut String, term: &Term) {
    let status = match term.status {
        TermStatus::Preferred => "preferredTerm-admn-sts",
        TermStatus::Admitted | TermStatus::Candidate => "admittedTerm-admn-sts",
        TermStatus::Deprecated => "deprecatedTerm-admn-sts",
    };
    out.push_str("          <termSec>\n");
    let _ = writeln!(
        out,
        "            <term>{}</term>",
        escape(&clean(&term.text))
    );
    out.push_str("            <termNote type=\"partOfSpeech\">noun</termNote>\n");
    let _ = writeln!(
        out,
        "            <termNote type=\"administrativeStatus\">{status}</termNote>"
    );
    if term.status == TermStatus::Candidate {
        let _ = writeln!(out, "            <note>{CANDIDATE_NOTE}</note>");
    }
    if let Some(note) = term.note.as_deref().map(clean).filter(|n| !n.is_empty()) {
        let _ = writeln!(out, "            <note>{}</note>", escape(&note));
    }
    out.push_str("          </termSec>\n");
}

/// Escapes text for element content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for a double-quoted attribute value.
fn escape_attr(text: &str) -> String {
    escape(text).replace('"', "&quot;")
}

/// Parses TBX v3 or v2 (BOM already removed), with what was left out: the terms of
/// language sections in a language tandem does not support, and the entry ids that were
/// not tandem ids (of the concepts kept), renamed.
pub(super) fn parse(path: &Path, text: &str) -> Result<(Glossary, LeftOut)> {
    let src = Source { path, text };
    let root = xml::parse(&src)?;
    if root.name != "tbx" && root.name != "martif" {
        let msg = format!(
            "root element <{}> is not TBX; expected <tbx> (TBX v3) or <martif> (TBX v2)",
            root.name
        );
        return Err(src.error(root.pos, msg));
    }
    let body = root
        .child("text")
        .and_then(|t| t.child("body"))
        .ok_or_else(|| src.error(root.pos, format!("no <text><body> in <{}>", root.name)))?;
    let entries: Vec<&Element> = body
        .elements()
        .filter(|e| e.name == "conceptEntry" || e.name == "termEntry")
        .collect();

    // Ids that are already tandem ids are kept; the others are made into ones after.
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut taken = HashSet::new();
    for entry in &entries {
        let Some(id) = entry.attr("id").map(str::trim).filter(|id| !id.is_empty()) else {
            if entry.name == "conceptEntry" {
                return Err(src.error(entry.pos, "<conceptEntry> without an id attribute"));
            }
            continue;
        };
        if let Some(&pos) = first.get(id) {
            let (line, _) = src.position(pos);
            let msg = format!("duplicate id '{id}' (first defined at line {line})");
            return Err(src.error(entry.pos, msg));
        }
        first.insert(id, entry.pos);
        if is_id(id) {
            taken.insert(id.to_string());
        }
    }

    let mut concepts = Vec::new();
    let mut languages = BTreeMap::new();
    let mut renamed = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let (id, old) = match entry.attr("id").map(str::trim).filter(|id| !id.is_empty()) {
            Some(id) if is_id(id) => (id.to_string(), None),
            Some(id) => (unique_id(slug(id), &mut taken), Some(id)),
            None => (unique_id(format!("entry-{}", n + 1), &mut taken), None),
        };
        if let Some(concept) = read_entry(&src, entry, id, &mut languages)? {
            if let Some(old) = old {
                renamed.push((old.to_string(), concept.id.clone()));
            }
            concepts.push(concept);
        }
    }
    let left_out = LeftOut {
        languages: languages.into_iter().collect(),
        renamed,
    };
    Ok((Glossary { concepts }, left_out))
}

/// One concept; `None` when every language section was in an unsupported language.
/// The terms of such sections are counted into `left_out` by language code.
fn read_entry(
    src: &Source<'_>,
    entry: &Element,
    id: String,
    left_out: &mut BTreeMap<String, usize>,
) -> Result<Option<Concept>> {
    let mut concept = Concept {
        id,
        entity_type: EntityType::Other,
        terms: BTreeMap::new(),
        note: None,
    };
    let mut typed = false;
    let mut notes = Vec::new();
    let (mut sections, mut skipped) = (0, 0);
    for child in entry.elements() {
        match child.name.as_str() {
            "note" => {
                let note = clean(&child.text());
                match note.strip_prefix(TYPE_NOTE) {
                    Some(value) if !typed => {
                        concept.entity_type = value.parse().map_err(|msg: String| {
                            src.error(child.pos, format!("in the {TYPE_NOTE} note: {msg}"))
                        })?;
                        typed = true;
                    }
                    _ if !note.is_empty() => notes.push(note),
                    _ => {}
                }
            }
            "langSec" | "langSet" => {
                sections += 1;
                let code = child.attr("xml:lang").ok_or_else(|| {
                    src.error(child.pos, format!("<{}> without xml:lang", child.name))
                })?;
                match lang_of(code) {
                    Some(lang) => read_section(src, child, lang, &mut concept)?,
                    None => {
                        skipped += 1;
                        let terms = child.elements().filter(|e| is_term_element(e)).count();
                        *left_out.entry(code.trim().to_string()).or_default() += terms;
                    }
                }
            }
            _ => {}
        }
    }
    if sections > 0 && sections == skipped {
        return Ok(None);
    }
    concept.note = (!notes.is_empty()).then(|| notes.join("; "));
    preferred_first(&mut concept);
    Ok(Some(concept))
}

/// The terms of one language section. Two preferred terms or a repeated term within
/// one section are errors; sections that share a language (`de-DE`, `de-AT`) are
/// merged: a term already read is skipped, a second preferred term becomes admitted.
fn read_section(
    src: &Source<'_>,
    section: &Element,
    lang: Lang,
    concept: &mut Concept,
) -> Result<()> {
    let terms = concept.terms.entry(lang).or_default();
    let merged = terms.len();
    for el in section.elements().filter(|e| is_term_element(e)) {
        let (mut term, status_pos) = read_term(src, el)?;
        if let Some(i) = terms.iter().position(|t| t.text == term.text) {
            if i < merged {
                continue;
            }
            let msg = format!(
                "term '{}' listed twice for '{}' in {lang}",
                term.text, concept.id
            );
            return Err(src.error(el.pos, msg));
        }
        if term.status == TermStatus::Preferred {
            if let Some(i) = terms.iter().position(|t| t.status == TermStatus::Preferred) {
                if i >= merged {
                    let msg = format!(
                        "second preferred term for '{}' in {lang} ('{}' and '{}')",
                        concept.id, terms[i].text, term.text
                    );
                    return Err(src.error(status_pos, msg));
                }
                term.status = TermStatus::Admitted;
            }
        }
        terms.push(term);
    }
    // A section without terms names no term: the language is not there.
    if terms.is_empty() {
        concept.terms.remove(&lang);
    }
    Ok(())
}

/// One term from a `termSec`, `tig` or `ntig`, with the position of its status (or of
/// the element) for messages.
fn read_term(src: &Source<'_>, el: &Element) -> Result<(Term, usize)> {
    let mut parts = TermParts::default();
    parts.visit(src, el, true)?;
    let Some(term_el) = parts.term else {
        return Err(src.error(el.pos, format!("<{}> without <term>", el.name)));
    };
    let text = clean(&term_el.text());
    if text.is_empty() {
        return Err(src.error(term_el.pos, "empty <term>"));
    }
    let (status, status_pos) = match parts.status {
        Some(status_el) => {
            let value = status_el.text();
            let status = status_of(&value).ok_or_else(|| {
                let msg = format!(
                    "unknown administrativeStatus '{}' (expected preferredTerm-admn-sts, \
                     admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts)",
                    value.trim()
                );
                src.error(status_el.pos, msg)
            })?;
            (status, status_el.pos)
        }
        None => (TermStatus::Admitted, el.pos),
    };
    let status = if parts.candidate {
        TermStatus::Candidate
    } else {
        status
    };
    let note = (!parts.notes.is_empty()).then(|| parts.notes.join("; "));
    Ok((Term { text, status, note }, status_pos))
}

/// What a term-level element holds.
#[derive(Default)]
struct TermParts<'a> {
    term: Option<&'a Element>,
    status: Option<&'a Element>,
    notes: Vec<String>,
    candidate: bool,
}

impl<'a> TermParts<'a> {
    /// Collects from `el`, descending into `termGrp` (v2 `ntig`) and `termNoteGrp`;
    /// `notes` says whether a `<note>` here is about the term.
    fn visit(&mut self, src: &Source<'_>, el: &'a Element, notes: bool) -> Result<()> {
        for child in el.elements() {
            match child.name.as_str() {
                "term" if self.term.is_some() => {
                    return Err(src.error(child.pos, format!("second <term> in <{}>", el.name)));
                }
                "term" => self.term = Some(child),
                "termNote" if child.attr("type") == Some("administrativeStatus") => {
                    self.status = Some(child);
                }
                "note" if notes => {
                    let note = clean(&child.text());
                    if note == CANDIDATE_NOTE {
                        self.candidate = true;
                    } else if !note.is_empty() {
                        self.notes.push(note);
                    }
                }
                "termGrp" => self.visit(src, child, true)?,
                "termNoteGrp" => self.visit(src, child, false)?,
                _ => {}
            }
        }
        Ok(())
    }
}

/// A term status from an administrativeStatus value.
fn status_of(value: &str) -> Option<TermStatus> {
    let value = value.trim().to_ascii_lowercase();
    match value.as_str() {
        "legalterm-admn-sts" | "regulatedterm-admn-sts" | "standardizedterm-admn-sts" => {
            Some(TermStatus::Admitted)
        }
        _ => value.parse().ok(),
    }
}

/// A term of a language section: `<termSec>` (v3), `<tig>` or `<ntig>` (v2).
fn is_term_element(element: &Element) -> bool {
    matches!(element.name.as_str(), "termSec" | "tig" | "ntig")
}

/// A supported language from an `xml:lang` code (`de`, `de-DE`, `deu`).
fn lang_of(code: &str) -> Option<Lang> {
    let primary = code.trim().split(['-', '_']).next()?;
    primary.parse().ok()
}

#[cfg(test)]
mod tests;
