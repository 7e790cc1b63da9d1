//! `tandem::export::to_tsv`: one row per group, one column per document, and the text of
//! every member in its cell.

mod common;

use common::{HOSTILE, MIXED, PARALLEL, SEEDS, load_alignment as load};
use tandem::export::{Alignment, TsvOptions, to_tsv, to_tsv_with};

/// The rows and cells of a TSV text (every row ends with a line feed).
fn table(tsv: &str) -> Vec<Vec<&str>> {
    assert!(
        tsv.is_empty() || tsv.ends_with('\n'),
        "rows end with a line feed"
    );
    tsv.split_terminator('\n')
        .map(|row| row.split('\t').collect())
        .collect()
}

/// What a cell holds for `text`: tabs and line breaks made spaces.
fn as_written(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{1C}'..='\u{1E}' => ' ',
            '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect()
}

/// Checks that `tsv` has one row per group and one column per document, and that each
/// cell holds its document's member text.
fn check(alignment: &Alignment, tsv: &str) {
    let rows = table(tsv);
    assert_eq!(rows.len(), alignment.groups.len(), "one row per group");
    for (row, group) in rows.iter().zip(&alignment.groups) {
        assert_eq!(row.len(), alignment.documents.len(), "group {}", group.id);
        for (cell, doc) in row.iter().zip(&alignment.documents) {
            let texts: Vec<String> = group
                .members
                .iter()
                .filter(|m| m.doc == doc.id && !m.sentences.is_empty())
                .map(|m| as_written(&alignment.member_text(m)))
                .collect();
            assert_eq!(*cell, texts.join(" "), "group {}, {}", group.id, doc.id);
        }
    }
}

#[test]
fn hostile_text_stays_in_its_cell() {
    let alignment = load(HOSTILE);
    let tsv = to_tsv(&alignment);
    check(&alignment, &tsv);
    let rows = table(&tsv);
    assert_eq!(
        rows[3],
        [
            "Zeile eins Zeile zwei mit Tabulator.",
            "Line one  line two with a tab."
        ]
    );
    assert_eq!(
        rows[0],
        [
            "Der Sprecher schrieb <script>alert(1)</script> in das Formular.",
            "The spokesman typed <script>alert(1)</script> into the form."
        ]
    );
    // A 1-2 bead: both target sentences in one cell.
    assert_eq!(rows[5][1], "Greetings from Cologne 🇩🇪 and 👍🏽 — 100% sure?");
    // The 1-0 and 0-1 beads: an empty cell on the empty side.
    assert_eq!(rows[6], ["Nur im Original: Ærø, Øresund, İstanbul.", ""]);
    assert_eq!(
        rows[7],
        ["", "Only in the translation: naïve café, 東京, Москва."]
    );
}

#[test]
fn columns_follow_the_documents_not_the_members() {
    let alignment = load(MIXED);
    let tsv = to_tsv(&alignment);
    check(&alignment, &tsv);
    let rows = table(&tsv);
    assert_eq!(
        rows[0],
        [
            "Der Hafen von Rotterdam meldet einen Rekord.",
            "Rotterdam: Rekord im Hafen.",
            "Rotterdam's port reports a record."
        ]
    );
    assert_eq!(
        rows[1],
        [
            "Ein Sprecher nannte \"keine Details\". Die Umschläge stiegen um 4 %.",
            "Laut Sprecher gibt es keine Details.",
            ""
        ]
    );
    assert_eq!(rows[4], ["", "", "Weather: sunny."]);
}

#[test]
fn a_header_row_names_the_documents_when_asked_for() {
    let alignment = load(MIXED);
    let tsv = to_tsv_with(&alignment, &TsvOptions { header: true });
    let (header, body) = tsv.split_once('\n').unwrap();
    assert_eq!(header, "taz\tdpa & \"afp\" <1>\tbbc");
    assert_eq!(body, to_tsv(&alignment));
}

#[test]
fn the_parallel_fixture_has_two_columns() {
    let alignment = load(PARALLEL);
    let tsv = to_tsv(&alignment);
    check(&alignment, &tsv);
    let rows = table(&tsv);
    assert_eq!(rows.len(), 14);
    assert_eq!(
        rows[0],
        [
            "Das Weiße Haus kündigte neue Zölle an.",
            "The White House announced new tariffs."
        ]
    );
}

#[test]
fn the_seed_alignment_has_a_column_per_outlet() {
    let alignment = load(SEEDS);
    let tsv = to_tsv(&alignment);
    check(&alignment, &tsv);
    assert_eq!(table(&tsv)[0].len(), 5);
}

#[test]
fn an_empty_alignment_is_an_empty_table() {
    let alignment: Alignment = serde_json::from_str(
        r#"{"version": 1, "mode": "parallel", "documents": [], "groups": []}"#,
    )
    .unwrap();
    assert_eq!(to_tsv(&alignment), "");
}
