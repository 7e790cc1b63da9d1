//! `tandem glossary` end to end, with the shipped glossary and the seeds.

mod common;

use common::{json_lines, tandem};
use predicates::prelude::*;

const GLOSSARY: &str = "glossary/seeds.tsv";

#[test]
fn glossary_given_as_an_option_gets_a_tip() {
    tandem()
        .args(["glossary", "check", "--glossary", GLOSSARY, "seeds/"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "tip: the glossary is the first argument here, without --glossary: \
             tandem glossary check GLOSSARY FILE...",
        ));
}

fn mentions(seed: &str) -> (Vec<(String, String)>, Vec<String>) {
    let out = tandem()
        .args(["glossary", "apply", "--format", "json", GLOSSARY, seed])
        .assert()
        .success();
    let doc = &json_lines(&out.get_output().stdout)[0];
    let text = std::fs::read_to_string(common::root().join(seed)).unwrap();
    let found = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], m["text"].as_str().unwrap());
            (
                m["concept"].as_str().unwrap().to_string(),
                m["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let ambiguous = doc["ambiguous"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap().to_string())
        .collect();
    (found, ambiguous)
}

/// Every mention of a shipped concept in seeds/000, in order, checked by hand against
/// the article.
#[test]
fn seed_000_mentions_written_by_hand() {
    let expected = [
        ("united-states", "USA"),
        ("mexico", "Mexiko"),
        ("white-house", "Weiße Haus"),
        ("mexico", "Mexiko"),
        ("united-states", "US"),
        ("claudia-sheinbaum", "Sheinbaum"),
        ("claudia-sheinbaum", "Claudia Sheinbaum"),
        ("donald-trump", "Donald Trump"),
        ("washington", "Washington"),
        ("facebook", "Facebook"),
        ("claudia-sheinbaum", "Claudia Sheinbaum Pardo"),
        ("united-states", "Vereinigten Staaten"),
        ("mexico", "Mexiko"),
        ("us-armed-forces", "US-Streitkräften"),
        ("new-york-times", "The New York Times"),
        ("nicolas-maduro", "Nicolás Maduro"),
        ("cia", "CIA"),
        ("mexican-army", "mexikanischen Heeres"),
        ("united-states", "Vereinigten Staaten"),
        ("washington", "Washingtons"),
        ("mexico", "Mexikos"),
        ("claudia-sheinbaum", "Claudia Sheinbaum"),
        ("claudia-sheinbaum", "Sheinbaum"),
        ("donald-trump", "Donald Trump"),
        ("united-states", "US"),
        ("new-york-times", "Times"),
        ("washington", "Washington"),
        ("mexican-army", "mexikanischen Armee"),
        ("new-york-times", "The New York Times"),
        ("white-house", "Weiße Haus"),
        ("donald-trump", "Trump"),
        ("fox-news", "Fox News"),
        ("mexico", "Mexiko"),
        ("cia", "CIA"),
        ("mexico", "Mexiko"),
        ("donald-trump", "Trumps"),
        ("united-states", "Vereinigten Staaten"),
        ("white-house", "Weißen Haus"),
        ("washington", "Washingtons"),
        ("mexico", "Mexiko"),
        ("dea", "DEA"),
        ("united-states", "US"),
        ("claudia-sheinbaum", "Sheinbaum"),
        ("donald-trump", "Trump"),
        ("omar-garcia-harfuch", "Omar García Harfuch"),
        ("new-york-times", "Times"),
        ("washington", "Washington"),
        ("nicolas-maduro", "Maduro"),
        ("venezuela", "Venezuela"),
        ("donald-trump", "Trump"),
        ("mexico", "Mexiko"),
        ("cibercuba", "CiberCuba"),
        ("cibercuba", "CiberCuba"),
    ];
    let (found, ambiguous) = mentions("seeds/000_7c7a039386e2d980.txt");
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, t)| (c.to_string(), t.to_string()))
        .collect();
    assert_eq!(found, expected);
    assert_eq!(
        ambiguous,
        ["Verteidigungsministerium"],
        "named only by its short form in 000"
    );
}

/// The inflected and compounded forms issue #4 names, wherever the seeds have them.
#[test]
fn inflected_and_compound_forms_in_the_seeds() {
    for (seed, concept, text) in [
        (
            "seeds/001_2c4e72ae57a9902a.txt",
            "white-house",
            "Weißen Hauses",
        ),
        (
            "seeds/000_7c7a039386e2d980.txt",
            "white-house",
            "Weißen Haus",
        ),
        ("seeds/000_7c7a039386e2d980.txt", "donald-trump", "Trumps"),
        ("seeds/000_7c7a039386e2d980.txt", "mexico", "Mexikos"),
        (
            "seeds/004_935d1833868f7eb5.txt",
            "us-government",
            "Trump-Regierung",
        ),
        ("seeds/000_7c7a039386e2d980.txt", "cia", "CIA"),
        ("seeds/000_7c7a039386e2d980.txt", "dea", "DEA"),
    ] {
        let (found, _) = mentions(seed);
        assert!(
            found.contains(&(concept.to_string(), text.to_string())),
            "{seed}: {concept} {text:?} in {found:?}"
        );
    }
}

/// `glossary apply` of the shipped glossary to German text in `mode`; inputs follow.
fn apply_de(mode: &str) -> assert_cmd::Command {
    let mut cmd = tandem();
    cmd.args([
        "glossary", "apply", "--lang", "de", "--mode", mode, GLOSSARY,
    ]);
    cmd
}

#[test]
fn translate_writes_a_new_file_and_reports_changes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "Die Casa Blanca schweigt zu Méjico.").unwrap();
    let output = dir.path().join("out.txt");
    apply_de("translate")
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "foreign-form \"Die Casa Blanca\" -> \"Das Weiße Haus\" (white-house)",
        ))
        .stdout(predicate::str::contains("2 changes"));
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "Das Weiße Haus schweigt zu Mexiko.",
        "both Spanish forms translated"
    );
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "Die Casa Blanca schweigt zu Méjico.",
        "input untouched"
    );
}

#[test]
fn check_flags_foreign_and_deprecated_forms_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "Das Weisses Haus und die Casa Blanca.").unwrap();
    let out = tandem()
        .args([
            "glossary", "check", "--lang", "de", "--check", "--format", "json", GLOSSARY,
        ])
        .arg(&input)
        .assert()
        .code(1);
    let doc = &json_lines(&out.get_output().stdout)[0];
    let rules: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["glossary-deprecated", "glossary-foreign-form"]);
}

/// "Weisse Haus" is the deprecated "Weisses Haus" inflected, not a folded "Weißes Haus".
#[test]
fn inflected_deprecated_ss_spelling_is_flagged_and_normalized_inflected() {
    let text = "Das Weisse Haus schweigt. Ein Sprecher des Weissen Hauses sagte nichts.\n";
    let out = tandem()
        .args([
            "glossary", "check", "--lang", "de", "--format", "json", GLOSSARY, "-",
        ])
        .write_stdin(text)
        .assert()
        .success();
    let doc = &json_lines(&out.get_output().stdout)[0];
    let findings: Vec<(&str, &str, &str)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["suggestion"].as_str().unwrap(),
            )
        })
        .collect();
    // A deprecated variant is an error, as in `tandem clean`.
    assert_eq!(
        findings,
        [
            ("glossary-deprecated", "error", "Weiße Haus"),
            ("glossary-deprecated", "error", "Weißen Hauses")
        ]
    );
    apply_de("normalize")
        .arg("-")
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Das Weiße Haus schweigt. Ein Sprecher des Weißen Hauses sagte nichts.\n",
        ));
}

/// The final dot of "U.S." stayed behind when the mention was replaced ("Laut USA.
/// Behörden"), and mentions were reported as "U.S" and "EE.UU".
#[test]
fn a_terms_final_dot_is_replaced_with_it_and_a_full_stop_stays() {
    let text = "Laut U.S. Behörden und EE.UU. ist das so. Die Hilfe geht an die U.S.\n";
    apply_de("translate")
        .arg("-")
        .write_stdin(text)
        .assert()
        .success()
        .stdout("Laut USA Behörden und USA ist das so. Die Hilfe geht an die USA.\n")
        .stderr(predicate::str::contains(
            "-:1:6: foreign-form \"U.S.\" -> \"USA\" (united-states)\n\
             -:1:24: foreign-form \"EE.UU.\" -> \"USA\" (united-states)\n\
             -:1:65: foreign-form \"U.S.\" -> \"USA.\" (united-states)\n",
        ));
    let out = tandem()
        .args([
            "glossary", "apply", "--lang", "de", "--format", "json", GLOSSARY, "-",
        ])
        .write_stdin(text)
        .assert()
        .success();
    let doc = &json_lines(&out.get_output().stdout)[0];
    let found: Vec<(&str, bool)> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap(),
                m["shared_dot"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("U.S.", false), ("EE.UU.", false), ("U.S.", true)]);
}

/// A concept whose only German term is deprecated: `apply` listed "Haus" as deprecated,
/// while `check` found nothing, as normalizing has nothing to put in its place.
#[test]
fn a_deprecated_term_with_nothing_to_use_instead_is_checked_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("d.tsv");
    std::fs::write(
        &glossary,
        "id\ttype\tlang\tterm\tstatus\tnote\nwh\torganisation\tde\tHaus\tdeprecated\n",
    )
    .unwrap();
    let text = "Das Haus ist hier.\n";
    let glossary_command = |command: &str| {
        let mut cmd = tandem();
        cmd.args(["glossary", command, "--lang", "de"])
            .arg(&glossary)
            .arg("-")
            .write_stdin(text);
        cmd
    };
    glossary_command("apply")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "-:1:5: wh \"Haus\" (de deprecated)",
        ));
    let out = glossary_command("check")
        .args(["--format", "json", "--check"])
        .assert()
        .code(1);
    let doc = &json_lines(&out.get_output().stdout)[0];
    let findings = doc["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["rule"], "glossary-deprecated");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["text"], "Haus");
    assert!(findings[0]["suggestion"].is_null());
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("no preferred or admitted term in de"),
        "{}",
        findings[0]["message"]
    );
    glossary_command("apply")
        .args(["--mode", "normalize"])
        .assert()
        .success()
        .stdout(text)
        .stderr(predicate::str::contains("-: 0 changes"));
}

/// `glossary convert` with `options` from `input` to `output`, which must succeed.
fn convert(
    options: &[&str],
    input: impl AsRef<std::ffi::OsStr>,
    output: impl AsRef<std::ffi::OsStr>,
) -> assert_cmd::assert::Assert {
    let mut cmd = tandem();
    cmd.args(["glossary", "convert"]).args(options);
    cmd.arg(input).arg(output).assert().success()
}

#[test]
fn convert_native_tbx_native_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let tbx = dir.path().join("seeds.tbx");
    let back = dir.path().join("back.tsv");
    convert(&[], GLOSSARY, &tbx);
    convert(&[], &tbx, &back);
    let rows = |text: String| {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows(std::fs::read_to_string(common::root().join(GLOSSARY)).unwrap()),
        rows(std::fs::read_to_string(&back).unwrap())
    );
}

/// A TBX section in a language tandem does not support was dropped without a word.
#[test]
fn convert_warns_about_terms_in_unsupported_languages() {
    let dir = tempfile::tempdir().unwrap();
    let tbx = dir.path().join("seeds.tbx");
    let back = dir.path().join("back.tsv");
    convert(&[], GLOSSARY, &tbx).stderr("");
    let written = std::fs::read_to_string(&tbx).unwrap();
    let glossary = tandem::glossary::read(&common::root().join(GLOSSARY), None).unwrap();
    let german: usize = glossary
        .concepts
        .iter()
        .filter_map(|c| c.terms.get(&tandem::Lang::De))
        .map(Vec::len)
        .sum();
    assert!(german > 0);
    std::fs::write(&tbx, written.replace("xml:lang=\"de\"", "xml:lang=\"ru\"")).unwrap();
    convert(&[], &tbx, &back).stderr(format!(
        "tandem: warning: glossary {}: {german} terms in languages tandem does not support \
         left out: ru ({german})\n",
        tbx.display()
    ));
}

/// OmegaT output used to hold preferred terms only: every variant was dropped unsaid.
#[test]
fn convert_to_omegat_keeps_source_variants_and_reads_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let omegat = dir.path().join("seeds.txt");
    let back = dir.path().join("back.tsv");
    convert(&["--to", "omegat:de-en"], GLOSSARY, &omegat).stderr("");
    let written = std::fs::read_to_string(&omegat).unwrap();
    for line in [
        "Sheinbaum Pardo\tClaudia Sheinbaum\tadmitted variant of 'Claudia Sheinbaum'\n",
        "Weisses Haus\tWhite House\tdeprecated variant of 'Weißes Haus'; ss instead of ß\n",
    ] {
        assert!(written.contains(line), "{line:?} missing");
    }
    convert(&["--from", "omegat:de-en"], &omegat, &back);
    let original = tandem::glossary::read(&common::root().join(GLOSSARY), None).unwrap();
    let back = tandem::glossary::read(&back, None).unwrap();
    let german = |g: &tandem::glossary::Glossary| -> Vec<Vec<(String, String)>> {
        g.concepts
            .iter()
            .filter(|c| c.terms.contains_key(&tandem::Lang::En))
            .filter_map(|c| c.terms.get(&tandem::Lang::De))
            .map(|terms| {
                terms
                    .iter()
                    .map(|t| (t.text.clone(), format!("{:?}", t.status)))
                    .collect()
            })
            .collect()
    };
    assert_eq!(
        german(&back),
        german(&original),
        "every German term, with its status"
    );
    tandem()
        .args(["glossary", "convert", GLOSSARY, "-", "--to", "omegat:en-es"])
        .assert()
        .success()
        .stderr(predicate::str::contains("4 terms were left out"));
}

#[test]
fn shipped_tbx_is_current() {
    let out = tandem()
        .args(["glossary", "convert", GLOSSARY, "-", "--to", "tbx"])
        .assert()
        .success();
    let committed = std::fs::read(common::root().join("glossary/seeds.tbx")).unwrap();
    assert!(
        out.get_output().stdout == committed,
        "glossary/seeds.tbx is stale: run `cargo run --release -- glossary convert glossary/seeds.tsv glossary/seeds.tbx`"
    );
}

/// `glossary convert IN OUT` took OUT only as an argument, where every other command
/// writes with `-o`: `-o OUT` was refused as an unexpected argument.
#[test]
fn convert_writes_with_o_like_every_other_command() {
    let dir = tempfile::tempdir().unwrap();
    let committed = std::fs::read(common::root().join("glossary/seeds.tbx")).unwrap();
    for option in ["-o", "--output"] {
        let tbx = dir.path().join(format!("seeds{option}.tbx"));
        tandem()
            .args(["glossary", "convert", GLOSSARY, option])
            .arg(&tbx)
            .assert()
            .success()
            .stdout("")
            .stderr("");
        assert!(std::fs::read(&tbx).unwrap() == committed, "{option}");
    }
    // `-` is standard output (the format from --to), and IN `-` standard input.
    let out = tandem()
        .args(["glossary", "convert", "-", "-o", "-", "--to", "tbx"])
        .write_stdin(std::fs::read(common::root().join(GLOSSARY)).unwrap())
        .assert()
        .success();
    assert!(out.get_output().stdout == committed, "stdin to stdout");
    // Both OUT and -o, or neither: a usage error that says what to give, nothing written.
    tandem()
        .current_dir(dir.path())
        .args(["glossary", "convert"])
        .arg(common::root().join(GLOSSARY))
        .args(["a.tbx", "-o", "b.tbx"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "tandem: the glossary to write is given twice, as OUT (a.tbx) and with -o \
             (b.tbx); give one\n",
        );
    tandem()
        .args(["glossary", "convert", GLOSSARY])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "tandem: glossary convert needs the glossary to write: give -o OUT",
        ));
    assert_eq!(
        common::listing(dir.path()).len(),
        2,
        "only the two -o outputs"
    );
    // -o naming the input is refused as OUT naming it is, spelled as given.
    tandem()
        .args([
            "glossary", "convert", GLOSSARY, "-o", GLOSSARY, "--to", "tbx",
        ])
        .assert()
        .code(2)
        .stderr(format!(
            "tandem: -o {GLOSSARY}: output would overwrite input {GLOSSARY}\n"
        ));
}

/// An output convert cannot write was reported by what went wrong inside: a folder
/// asked for --to (or, with --to, "cannot write: is a directory" after the input was
/// read), --to tbx2 named `<tbx2 output>:0:0` and no file, and a name without a known
/// extension did not say which formats there are.
#[test]
fn convert_explains_outputs_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let writes = "tandem writes native (.tsv), tbx (.tbx) or omegat:SRC-TGT (.txt)";
    let refused = |args: &[&str], message: String| {
        tandem()
            .current_dir(dir.path())
            .args(["glossary", "convert"])
            .arg(common::root().join(GLOSSARY))
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("tandem: {message}\n"));
    };
    let folder_message = |ext: &str| {
        format!("out: is a folder; give the glossary file to write, e.g. -o out/seeds.{ext}")
    };
    refused(&["out"], folder_message("tbx"));
    refused(
        &["-o", "out", "--to", "omegat:de-en"],
        folder_message("txt"),
    );
    refused(
        &["-o", "out.x", "--to", "tbx2"],
        format!("out.x: tbx2 (TBX v2) can be read but not written; {writes}"),
    );
    for name in ["out.csv", "seeds"] {
        refused(
            &["-o", name],
            format!(
                "{name}: cannot tell the format to write from the name; give --to {}",
                writes.trim_start_matches("tandem writes ")
            ),
        );
    }
    refused(
        &["-o", "-"],
        format!(
            "-: standard output has no file name to tell the format by; give --to {}",
            writes.trim_start_matches("tandem writes ")
        ),
    );
    refused(
        &["-o", "g.tsv", "--to", "xliff"],
        format!("g.tsv: unknown format --to xliff; {writes}"),
    );
    refused(
        &["-o", "g.txt"],
        "g.txt: the name (.txt) asks for an omegat glossary, which does not name its \
         languages: give them with --to omegat:SRC-TGT (e.g. omegat:de-en)"
            .into(),
    );
    assert_eq!(common::listing(dir.path()), ["out"]);
    assert!(common::listing(&folder).is_empty());
}

/// A TBX entry id that is not a tandem id (`WH 1`) became `wh-1` without a word: the
/// user looking for `WH 1` in the output found nothing. Every command that reads the
/// glossary now notes the renaming.
#[test]
fn renamed_tbx_ids_are_noted() {
    const TBX: &str = "tests/fixtures/glossary/foreign_ids.tbx";
    let note = format!(
        "tandem: note: glossary {TBX}: 2 entry ids were renamed to tandem ids \
         (e.g. 'WH 1' → 'wh-1')\n"
    );
    let out = tandem()
        .args(["glossary", "convert", TBX, "-o", "-", "--to", "native"])
        .assert()
        .success()
        .stderr(note.clone());
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("wh-1\tother\ten\tWhite House\tpreferred\n"),
        "{text}"
    );
    assert!(
        text.contains("c-12\tother\tde\tKreml\tpreferred\n"),
        "{text}"
    );
    tandem()
        .args(["glossary", "apply", "--lang", "en", TBX, "-"])
        .write_stdin("The White House.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("wh-1 \"White House\""))
        .stderr(note);
    // One renaming is named without "e.g."; kept ids give no note.
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.tbx");
    let text = std::fs::read_to_string(common::root().join(TBX)).unwrap();
    std::fs::write(&one, text.replace("\"C_12\"", "\"kremlin\"")).unwrap();
    tandem()
        .args(["glossary", "convert"])
        .arg(&one)
        .arg(dir.path().join("one.tsv"))
        .assert()
        .success()
        .stderr(format!(
            "tandem: note: glossary {}: 1 entry id was renamed to a tandem id \
             ('WH 1' → 'wh-1')\n",
            one.display()
        ));
    tandem()
        .args([
            "glossary",
            "convert",
            "glossary/seeds.tbx",
            "-o",
            "-",
            "--to",
            "native",
        ])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn build_recovers_the_fixture_pairs() {
    let out = tandem()
        .args([
            "glossary",
            "build",
            "--format",
            "json",
            "tests/fixtures/parallel_de_en.alignment.json",
        ])
        .assert()
        .success();
    let proposals: Vec<serde_json::Value> =
        serde_json::from_slice(&out.get_output().stdout).unwrap();
    let pairs: Vec<(&str, &str)> = proposals
        .iter()
        .map(|p| (p["source"].as_str().unwrap(), p["target"].as_str().unwrap()))
        .collect();
    assert!(
        pairs.contains(&("Vereinten Nationen", "United Nations")),
        "{pairs:?}"
    );
    assert!(pairs.contains(&("Moskau", "Moscow")), "{pairs:?}");
    let native = tandem()
        .args([
            "glossary",
            "build",
            "tests/fixtures/parallel_de_en.alignment.json",
        ])
        .assert()
        .success();
    let text = String::from_utf8(native.get_output().stdout.clone()).unwrap();
    assert!(text.contains("\tde\tMoskau\tcandidate"), "{text}");
}

#[test]
fn malformed_glossary_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tsv");
    std::fs::write(
        &bad,
        "id\ttype\tlang\tterm\tstatus\tnote\nx\tperson\tde\tX\tmaybe\n",
    )
    .unwrap();
    tandem()
        .args(["glossary", "apply"])
        .arg(&bad)
        .arg("seeds/001_2c4e72ae57a9902a.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "glossary {}:2:",
            bad.display()
        )))
        .stderr(predicate::str::contains("maybe"));
}

#[test]
fn billion_laughs_glossary_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("laughs.tbx");
    let mut doc = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        doc.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!(
                "&lol{};",
                if i == 1 {
                    String::new()
                } else {
                    (i - 1).to_string()
                }
            )
            .repeat(10)
        ));
    }
    doc.push_str("]>\n<tbx type=\"TBX-Basic\"><text><body><conceptEntry id=\"x\"><langSec xml:lang=\"de\"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>\n");
    std::fs::write(&bad, doc).unwrap();
    let started = std::time::Instant::now();
    tandem()
        .args(["glossary", "convert"])
        .arg(&bad)
        .arg(dir.path().join("out.tsv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lol9"));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(!dir.path().join("out.tsv").exists(), "no output on error");
}

#[test]
fn detect_never_flags_glossary_terms() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(
        &input,
        "Die Casa Blanca schweigt, sin embargo habla México.",
    )
    .unwrap();
    let out = tandem()
        .args([
            "detect",
            "--lang",
            "de",
            "--format",
            "json",
            "--glossary",
            GLOSSARY,
        ])
        .arg(&input)
        .assert()
        .success();
    let doc = &json_lines(&out.get_output().stdout)[0];
    let texts: Vec<&str> = doc["fragments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["sin embargo habla"],
        "the Spanish words that are no glossary term"
    );
}

#[test]
fn in_place_rewrites_atomically_and_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("article.txt");
    std::fs::write(&input, "Die Casa Blanca schweigt.").unwrap();
    tandem()
        .args([
            "glossary",
            "apply",
            "--lang",
            "de",
            "--mode",
            "translate",
            "--in-place",
            GLOSSARY,
        ])
        .arg(&input)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        "Das Weiße Haus schweigt."
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
    std::fs::write(dir.path().join("other.txt"), "Die Casa Blanca.").unwrap();
    apply_de("translate")
        .arg(&input)
        .arg(dir.path().join("other.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "several inputs: give -o FOLDER or --in-place",
        ));
}

#[test]
fn a_form_claimed_by_two_concepts_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("g.tsv");
    std::fs::write(
        &glossary,
        "id\ttype\tlang\tterm\tstatus\tnote\nnyt\tmedia\ten\tThe New York Times\tpreferred\nnyt\tmedia\ten\tTimes\tadmitted\n\
         ft\tmedia\ten\tFinancial Times\tpreferred\nft\tmedia\ten\tTimes\tadmitted\n",
    )
    .unwrap();
    let out = tandem()
        .args(["glossary", "apply", "--lang", "en", "--format", "json"])
        .arg(&glossary)
        .arg("-")
        .write_stdin("The Times reported it.")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "'Times' (en) is a term of nyt, ft",
        ));
    let doc = &json_lines(&out.get_output().stdout)[0];
    assert_eq!(
        doc["ambiguous"][0]["candidates"],
        serde_json::json!(["ft", "nyt"])
    );
}

#[test]
fn duplicate_id_is_an_error_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("g.tsv");
    std::fs::write(&glossary, "id\ttype\tlang\tterm\tstatus\tnote\na\tother\ten\tA\tpreferred\nb\tother\ten\tB\tpreferred\na\tother\tde\tA\tpreferred\n").unwrap();
    tandem()
        .args(["glossary", "check"])
        .arg(&glossary)
        .arg("seeds/001_2c4e72ae57a9902a.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            ":4:1: duplicate id 'a' (first defined at line 2)",
        ));
}
