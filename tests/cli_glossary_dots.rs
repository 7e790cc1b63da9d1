//! Glossary terms that end in a dot ("U.S.", "EE. UU."), replaced by `glossary apply` and
//! `clean --fix`: the full stop of the sentence stays, once.

mod common;

use std::path::Path;

use common::{fixed_with_glossary, tandem};
use predicates::prelude::*;

const GLOSSARY: &str = "glossary/seeds.tsv";

/// A Spanish glossary that prefers "EE. UU." (with its dot) to "EEUU", written into `dir`.
fn spanish_glossary(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("us.tsv");
    std::fs::write(
        &path,
        "id\ttype\tlang\tterm\tstatus\tnote\n\
         us\tplace\tes\tEE. UU.\tpreferred\t\n\
         us\tplace\tes\tEEUU\tdeprecated\t\n\
         us\tplace\tde\tUSA\tpreferred\t\n",
    )
    .unwrap();
    path
}

/// `tandem glossary apply` of standard input, a document in `lang`, under `mode`.
fn apply(lang: &str, mode: &str, glossary: &Path) -> assert_cmd::Command {
    let mut cmd = tandem();
    cmd.args(["glossary", "apply", "--lang", lang, "--mode", mode])
        .arg(glossary)
        .arg("-");
    cmd
}

/// "aus den USA Donald Trump sagte": a person's name after "U.S." was taken to go on
/// with it; and "U.S." was found in "U.S.A.", which became "USA.A.".
#[test]
fn a_full_stop_before_a_name_stays_and_a_longer_abbreviation_is_left_alone() {
    let text = "Die Hilfe kam aus den U.S. Donald Trump sagte, es reiche. \
                Die U.S. Regierung schweigt. Die U.S.A. sind groß.\n";
    apply("de", "translate", &common::root().join(GLOSSARY))
        .write_stdin(text)
        .assert()
        .success()
        .stdout(
            "Die Hilfe kam aus den USA. Donald Trump sagte, es reiche. \
             Die USA Regierung schweigt. Die U.S.A. sind groß.\n",
        )
        .stderr(predicate::str::contains(
            "-:1:23: foreign-form \"U.S.\" -> \"USA.\" (united-states)\n\
             -:1:63: foreign-form \"U.S.\" -> \"USA\" (united-states)\n\
             -: 2 changes\n",
        ));
}

/// "los EEUU." became "los EE. UU..": the preferred term's dot and the full stop.
#[test]
fn a_preferred_term_ending_in_a_dot_takes_the_full_stop_in() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = spanish_glossary(dir.path());
    apply("es", "normalize", &glossary)
        .write_stdin("Ayuda de los EEUU. Los EEUU, dijo. Los EEUU...\n")
        .assert()
        .success()
        .stdout("Ayuda de los EE. UU. Los EE. UU., dijo. Los EE. UU...\n")
        .stderr(predicate::str::contains(
            "-:1:14: deprecated \"EEUU.\" -> \"EE. UU.\" (us)\n\
             -:1:24: deprecated \"EEUU\" -> \"EE. UU.\" (us)\n\
             -:1:40: deprecated \"EEUU.\" -> \"EE. UU.\" (us)\n",
        ));
}

#[test]
fn fixing_dotted_terms_before_names_and_full_stops_twice_changes_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = common::root().join(GLOSSARY);
    let spanish = spanish_glossary(dir.path());
    let cases = [
        (
            "de",
            seeds.as_path(),
            "Die Hilfe kam aus den U.S. Donald Trump sagte das. Die U.S.A. und die U.S.\n",
            "Die Hilfe kam aus den USA. Donald Trump sagte das. Die U.S.A. und die USA.\n",
        ),
        (
            "es",
            spanish.as_path(),
            "Ayuda de los EEUU. Los EEUU, dijo. Los EEUU...\n",
            "Ayuda de los EE. UU. Los EE. UU., dijo. Los EE. UU...\n",
        ),
    ];
    for (lang, glossary, text, expected) in cases {
        let once = fixed_with_glossary(text, lang, glossary, dir.path(), &format!("{lang}1.txt"));
        assert_eq!(once, expected);
        let twice = fixed_with_glossary(&once, lang, glossary, dir.path(), &format!("{lang}2.txt"));
        assert_eq!(twice, once);
    }
}
