use std::time::{Duration, Instant};

use super::*;
use crate::Error;
use crate::glossary::format::{Format, parse as parse_any, render as render_any};

/// A native glossary using every feature: all statuses, term and concept notes, several
/// types, three languages, a concept without a note and one without terms.
const NATIVE: &str = "\
id\ttype\tlang\tterm\tstatus\tnote
white-house\torganisation\tde\tWeißes Haus\tpreferred
white-house\torganisation\tde\tWeiße Haus\tadmitted\tnominative with article
white-house\torganisation\tde\tWhite House\tdeprecated\tleft untranslated by MT
white-house\torganisation\ten\tWhite House\tpreferred
white-house\torganisation\tes\tCasa Blanca\tpreferred
white-house\torganisation\tes\tla Casa Blanca\tcandidate\tproposed by glossary build
white-house\torganisation\t*\t\t-\tThe US president's office & residence <official>
sheinbaum\tperson\tes\tClaudia Sheinbaum\tpreferred
sheinbaum\tperson\ten\tClaudia Sheinbaum\tpreferred
sheinbaum\tperson\tde\tSheinbaum\tcandidate
mexico-city\tplace\tes\tCiudad de México\tpreferred
mexico-city\tplace\tde\tMexiko-Stadt\tpreferred\t\"quoted\" note
mexico-city\tplace\ten\tMexico City\tadmitted
la-jornada\tmedia\tes\tLa Jornada\tpreferred
placeholder\tother\t*\t\t-\t
";

fn native() -> Glossary {
    parse_any(Path::new("g.tsv"), NATIVE, Some(Format::Native)).unwrap()
}

fn parse_str(text: &str) -> Result<Glossary> {
    parse(Path::new("g.tbx"), text).map(|(glossary, _)| glossary)
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
fn native_tbx_native_round_trip_loses_nothing() {
    let original = native();
    let tbx = render_any(&original, Format::Tbx, None).unwrap();
    let back = parse_any(Path::new("g.tbx"), &tbx, None).unwrap();
    assert_eq!(back, original);
    let native_again = render_any(&back, Format::Native, None).unwrap();
    assert_eq!(
        native_again,
        render_any(&original, Format::Native, None).unwrap()
    );
}

#[test]
fn render_parse_round_trip() {
    let original = native();
    assert_eq!(parse_str(&render(&original)).unwrap(), original);
    assert_eq!(
        render(&parse_str(&render(&original)).unwrap()),
        render(&original)
    );
}

#[test]
fn render_writes_tbx_basic() {
    let tbx = render(&native());
    let expected_parts = [
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">",
        "<sourceDesc>\n        <p>tandem glossary: 5 concepts</p>",
        "<conceptEntry id=\"white-house\">\n        <note>tandem:type=organisation</note>\n        \
         <note>The US president's office &amp; residence &lt;official&gt;</note>\n        \
         <langSec xml:lang=\"de\">",
        "<term>Weißes Haus</term>\n            <termNote type=\"partOfSpeech\">noun</termNote>\n            \
         <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n          </termSec>",
        "<term>la Casa Blanca</term>\n            <termNote type=\"partOfSpeech\">noun</termNote>\n            \
         <termNote type=\"administrativeStatus\">admittedTerm-admn-sts</termNote>\n            \
         <note>tandem:status=candidate</note>\n            <note>proposed by glossary build</note>",
        "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>",
        "<note>\"quoted\" note</note>",
    ];
    for part in expected_parts {
        assert!(tbx.contains(part), "missing {part:?} in\n{tbx}");
    }
    // The output is well-formed by our own reader's standards.
    assert!(
        xml::parse(&Source {
            path: Path::new("out.tbx"),
            text: &tbx
        })
        .is_ok()
    );
}

#[test]
fn hand_written_tbx_v3_parses() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>hand-made sample</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="C_17">
        <descrip type="subjectField">politics</descrip>
        <note>Parliament of the
              Federal Republic</note>
        <langSec xml:lang="de-DE">
          <descrip type="definition">ignored</descrip>
          <termSec>
            <term>Deutscher   Bundestag</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <termNoteGrp>
              <termNote type="termType">fullForm</termNote>
              <note>about the term type, not the term</note>
            </termNoteGrp>
          </termSec>
          <termSec>
            <term>Bundestag</term>
            <note>short form</note>
            <note>most common in news</note>
          </termSec>
          <termSec>
            <term>Reichstag</term>
            <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="ru">
          <termSec><term>Бундестаг</term></termSec>
        </langSec>
        <langSec xml:lang="fr">
          <termSec>
            <term>Bundestag</term>
            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          </termSec>
          <termSec>
            <term>Diète f&#233;d&#xE9;rale &amp; co</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="only-russian">
        <langSec xml:lang="ru"><termSec><term>Дума</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"#;
    let (g, left_out) = parse(Path::new("g.tbx"), text).unwrap();
    assert_eq!(g.concepts.len(), 1, "the all-Russian concept is dropped");
    assert_eq!(left_out.languages, [("ru".to_string(), 2)], "and counted");
    let c = &g.concepts[0];
    assert_eq!(c.id, "c-17");
    assert_eq!(c.entity_type, EntityType::Other);
    assert_eq!(
        c.note.as_deref(),
        Some("Parliament of the Federal Republic")
    );
    assert_eq!(
        c.terms.keys().copied().collect::<Vec<_>>(),
        [Lang::De, Lang::Fr]
    );
    let de = &c.terms[&Lang::De];
    assert_eq!(de[0].text, "Deutscher Bundestag");
    assert_eq!(de[0].note, None);
    assert_eq!(de[1].status, TermStatus::Admitted);
    assert_eq!(
        de[1].note.as_deref(),
        Some("short form; most common in news")
    );
    assert_eq!(de[2].status, TermStatus::Deprecated);
    let fr = &c.terms[&Lang::Fr];
    assert_eq!(fr[0].text, "Diète fédérale & co", "preferred first");
    assert_eq!(fr[1].text, "Bundestag");
}

#[test]
fn tbx_v2_with_tig_and_ntig_parses() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>v2 sample</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="eu-commission">
        <note>tandem:type=organisation</note>
        <langSet xml:lang="en">
          <tig>
            <term>European Commission</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="de-DE">
          <ntig>
            <termGrp>
              <term>Europäische Kommission</term>
              <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            </termGrp>
            <note>official name</note>
          </ntig>
          <ntig>
            <termGrp>
              <term>EU-Kommission</term>
              <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
            </termGrp>
          </ntig>
        </langSet>
        <langSet xml:lang="de-AT">
          <tig>
            <term>EU-Kommission</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
          <tig>
            <term>Brüsseler Kommission</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
      <termEntry>
        <langSet xml:lang="es"><tig><term>Bruselas</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>
"#;
    let g = parse_any(Path::new("v2.tbx"), text, Some(Format::TbxV2)).unwrap();
    assert_eq!(g.concepts.len(), 2);
    let c = &g.concepts[0];
    assert_eq!(c.id, "eu-commission");
    assert_eq!(c.entity_type, EntityType::Organisation);
    assert_eq!(c.preferred(Lang::En).unwrap().text, "European Commission");
    let de: Vec<(&str, TermStatus)> = c.terms[&Lang::De]
        .iter()
        .map(|t| (t.text.as_str(), t.status))
        .collect();
    assert_eq!(
        de,
        [
            ("Europäische Kommission", TermStatus::Preferred),
            ("EU-Kommission", TermStatus::Admitted),
            ("Brüsseler Kommission", TermStatus::Admitted),
        ],
        "de-AT merged into de: repeated term skipped, second preferred admitted"
    );
    assert_eq!(c.terms[&Lang::De][0].note.as_deref(), Some("official name"));
    let second = &g.concepts[1];
    assert_eq!(second.id, "entry-2");
    assert_eq!(second.terms[&Lang::Es][0].status, TermStatus::Admitted);
}

#[test]
fn billion_laughs_is_refused_quickly() {
    let mut text = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [\n");
    text.push_str("  <!ENTITY lol \"lol\">\n");
    for i in 2..=9 {
        let previous = if i == 2 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        let refs = format!("&{previous};").repeat(10);
        text.push_str(&format!("  <!ENTITY lol{i} \"{refs}\">\n"));
    }
    text.push_str(
        "]>\n<tbx type=\"TBX-Basic\"><text><body><conceptEntry id=\"a\">\
         <langSec xml:lang=\"en\"><termSec><term>&lol9;</term></termSec></langSec>\
         </conceptEntry></body></text></tbx>\n",
    );
    let started = Instant::now();
    let err = parse_any(Path::new("laughs.tbx"), &text, None).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_millis(200),
        "{:?}",
        started.elapsed()
    );
    let Error::Glossary {
        ref path,
        line,
        column,
        ref msg,
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!(path, Path::new("laughs.tbx"));
    assert_eq!((line, column), (13, 94), "{msg}");
    assert!(msg.contains("&lol9;"), "{msg}");
    assert!(
        err.to_string().starts_with("glossary laughs.tbx:13:94: "),
        "{err}"
    );
}

#[test]
fn external_entities_are_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "SECRET-CONTENT").unwrap();
    let uri = format!("file://{}", secret.display());
    let text = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [ <!ENTITY x SYSTEM \"{uri}\"> ]>\n\
         <tbx><text><body><conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec>\
         <term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>"
    );
    let err = parse_str(&text).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("external entity '&x;'"), "{msg}");
    assert!(!msg.contains("SECRET-CONTENT"), "{msg}");
    assert!(matches!(err, Error::Glossary { line: 3, .. }), "{err}");

    // The classic form too, without a file of our own.
    let passwd = "<!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\
                  <tbx><text><body/></text></tbx>";
    assert!(
        parse_str(passwd).unwrap().concepts.is_empty(),
        "declared, never used: fine"
    );
}

#[test]
fn malformed_xml_has_positions() {
    let cases: &[(&str, usize, usize, &str)] = &[
        (
            "<tbx><text><body>\n<conceptEntry id=\"a\">\n</langSec></body></text></tbx>",
            3,
            1,
            "expected </conceptEntry>, found </langSec>",
        ),
        (
            "<tbx><text><body/></text></tbx>\n<extra/>",
            2,
            1,
            "second root element",
        ),
        (
            "<tbx><text><body/></text></tbx>\noops",
            2,
            1,
            "text outside the root element",
        ),
        (
            "<tbx><text><body>\n  <conceptEntry id=\"a\">",
            2,
            24,
            "<conceptEntry> opened at line 2, column 3 is not closed",
        ),
        (
            "<tbx><text><body>\n  <conceptEntry id=\"a",
            2,
            3,
            "malformed XML",
        ),
        ("plain text, not XML", 1, 1, "text outside the root element"),
    ];
    for &(text, line, column, needle) in cases {
        let (l, c, msg) = error_of(text);
        assert_eq!((l, c), (line, column), "{text:?}: {msg}");
        assert!(msg.contains(needle), "{text:?}: {msg:?} lacks {needle:?}");
    }
}

#[test]
fn structural_errors_have_positions() {
    let wrap = |entries: &str| {
        format!("<tbx type=\"TBX-Basic\">\n<text>\n<body>\n{entries}\n</body>\n</text>\n</tbx>")
    };
    let cases: &[(&str, usize, usize, &str)] = &[
        (
            "<conceptEntry>\n<langSec xml:lang=\"en\"><termSec><term>A</term></termSec></langSec>\n</conceptEntry>",
            4,
            1,
            "<conceptEntry> without an id",
        ),
        (
            "<conceptEntry id=\"a\"><langSec xml:lang=\"en\">\n  <termSec><note>x</note></termSec>\n</langSec></conceptEntry>",
            5,
            3,
            "<termSec> without <term>",
        ),
        (
            "<conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec>\n    <term> </term></termSec></langSec></conceptEntry>",
            5,
            5,
            "empty <term>",
        ),
        (
            "<conceptEntry id=\"a\"><langSec>\n</langSec></conceptEntry>",
            4,
            22,
            "<langSec> without xml:lang",
        ),
        (
            "<conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>A</term>\n<termNote type=\"administrativeStatus\">best</termNote></termSec></langSec></conceptEntry>",
            5,
            1,
            "unknown administrativeStatus 'best'",
        ),
        (
            "<conceptEntry id=\"a\"><langSec xml:lang=\"en\">\n\
             <termSec><term>A</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec>\n\
             <termSec><term>B</term><termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote></termSec>\n\
             </langSec></conceptEntry>",
            6,
            24,
            "second preferred term for 'a' in en",
        ),
        (
            "<conceptEntry id=\"a\"><note>tandem:type=company</note></conceptEntry>",
            4,
            22,
            "unknown type 'company'",
        ),
        (
            "<conceptEntry id=\"a\"/>\n<conceptEntry id=\"a\"/>",
            5,
            1,
            "duplicate id 'a' (first defined at line 4)",
        ),
    ];
    for &(entries, line, column, needle) in cases {
        let (l, c, msg) = error_of(&wrap(entries));
        assert_eq!((l, c), (line, column), "{entries:?}: {msg}");
        assert!(
            msg.contains(needle),
            "{entries:?}: {msg:?} lacks {needle:?}"
        );
    }
}

#[test]
fn other_roots_and_missing_body_are_errors() {
    let (_, _, msg) = error_of("<html><body/></html>");
    assert!(msg.contains("root element <html> is not TBX"), "{msg}");
    let (_, _, msg) = error_of("<tbx><tbxHeader/></tbx>");
    assert!(msg.contains("no <text><body>"), "{msg}");
}

#[test]
fn foreign_ids_become_tandem_ids_without_clashing() {
    let text = "<tbx><text><body>\
                <conceptEntry id=\"A\"><langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec></conceptEntry>\
                <conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>y</term></termSec></langSec></conceptEntry>\
                </body></text></tbx>";
    let g = parse_str(text).unwrap();
    let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a-2", "a"]);
}

/// `WH 1` became `wh-1` without a word: a user who looks the id up in the file finds
/// nothing. Each renaming is now listed, in file order; kept ids, entries without an id
/// and dropped entries are not.
#[test]
fn renamed_ids_are_listed() {
    let entry = |id: &str, lang: &str| {
        format!(
            "<termEntry{id}><langSet xml:lang=\"{lang}\"><tig><term>x</term></tig>\
             </langSet></termEntry>"
        )
    };
    let text = [
        "<martif><text><body>".to_string(),
        entry(" id=\"WH 1\"", "en"),
        entry(" id=\"kept\"", "en"),
        entry("", "en"),
        entry(" id=\"Only Russian\"", "ru"),
        entry(" id=\"wh_1\"", "de"),
        "</body></text></martif>".to_string(),
    ]
    .concat();
    let (g, left_out) = parse(Path::new("g.tbx"), &text).unwrap();
    let ids: Vec<&str> = g.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["wh-1", "kept", "entry-3", "wh-1-2"]);
    let renamed: Vec<(&str, &str)> = left_out
        .renamed
        .iter()
        .map(|(old, new)| (old.as_str(), new.as_str()))
        .collect();
    assert_eq!(renamed, [("WH 1", "wh-1"), ("wh_1", "wh-1-2")]);
    assert_eq!(left_out.languages, [("ru".to_string(), 1)]);
}

#[test]
fn status_values() {
    let cases = [
        ("preferredTerm-admn-sts", Some(TermStatus::Preferred)),
        ("admittedTerm-admn-sts", Some(TermStatus::Admitted)),
        ("deprecatedTerm-admn-sts", Some(TermStatus::Deprecated)),
        ("supersededTerm-admn-sts", Some(TermStatus::Deprecated)),
        ("standardizedTerm-admn-sts", Some(TermStatus::Admitted)),
        (" preferredTerm-admn-sts\n", Some(TermStatus::Preferred)),
        ("obsolete", None),
    ];
    for (value, status) in cases {
        assert_eq!(status_of(value), status, "{value}");
    }
}

#[test]
fn language_codes() {
    let cases = [
        ("de", Some(Lang::De)),
        ("de-DE", Some(Lang::De)),
        ("pt_BR", Some(Lang::Pt)),
        ("NL", Some(Lang::Nl)),
        ("ru", None),
        ("", None),
    ];
    for (code, lang) in cases {
        assert_eq!(lang_of(code), lang, "{code}");
    }
}

#[test]
fn an_empty_language_section_adds_no_language() {
    let text = r#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="bundestag">
      <langSec xml:lang="de"/>
      <langSec xml:lang="en"><termSec><term>Bundestag</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"#;
    let g = parse_str(text).unwrap();
    let langs: Vec<Lang> = g.concepts[0].terms.keys().copied().collect();
    assert_eq!(langs, [Lang::En]);
    assert_eq!(parse_str(&render(&g)).unwrap(), g, "a round trip keeps it");
}
