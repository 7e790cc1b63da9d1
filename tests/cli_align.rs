//! `tandem align --batch` and `tandem eval align --batch`: several pairs, one dictionary;
//! `--dictionary` and `--no-dictionary`: the prior dictionary; `--max-bead`: bead size.

mod common;

use common::{json_lines, tandem};
use predicates::prelude::*;

const DE: [&str; 3] = [
    "Am 12. Juli verliessen wir Zermatt um 3 Uhr .\nDer Weg zur Hörnlihütte war vereist .\nAm Abend waren wir wieder in Zermatt .\n",
    "Der Gipfel des Matterhorns ( 4478 m ) .\nDie Aussicht war grossartig !\n",
    "Wer hätte das gedacht ?\nWir stiegen um 4 Uhr ab .\n",
];
const FR: [&str; 3] = [
    "Le 12 juillet , nous avons quitté Zermatt à 3 heures .\nLe chemin de la cabane du Hörnli était verglacé .\nLe soir , nous étions de retour à Zermatt .\n",
    "Le sommet du Cervin ( 4478 m ) .\nLa vue était grandiose !\n",
    "Qui l' aurait cru ?\nNous sommes redescendus à 4 heures .\n",
];

/// Writes the three pairs as `pN.de` / `pN.fr` and returns their paths in batch order.
fn pairs(dir: &std::path::Path) -> Vec<String> {
    let mut files = Vec::new();
    for (k, (de, fr)) in DE.iter().zip(FR).enumerate() {
        for (ext, text) in [("de", de), ("fr", &fr)] {
            let path = dir.join(format!("p{k}.{ext}"));
            std::fs::write(&path, text).unwrap();
            files.push(path.to_string_lossy().into_owned());
        }
    }
    files
}

#[test]
fn batch_writes_one_parallel_alignment_per_pair() {
    let dir = tempfile::tempdir().unwrap();
    let files = pairs(dir.path());
    let out = tandem()
        .args(["align", "--batch", "--presegmented"])
        .args(&files)
        .assert()
        .success();
    let alignments = json_lines(&out.get_output().stdout);
    assert_eq!(alignments.len(), 3);
    for (k, alignment) in alignments.iter().enumerate() {
        assert_eq!(alignment["mode"], "parallel");
        let docs = alignment["documents"].as_array().unwrap();
        assert_eq!(docs.len(), 2);
        assert!(
            docs[0]["source"]
                .as_str()
                .unwrap()
                .ends_with(&format!("p{k}.de"))
        );
        assert!(
            docs[1]["source"]
                .as_str()
                .unwrap()
                .ends_with(&format!("p{k}.fr"))
        );
        // Every sentence of both documents is in exactly one group, in order.
        for (d, doc) in docs.iter().enumerate() {
            let id = doc["id"].as_str().unwrap();
            let mut seen = Vec::new();
            for group in alignment["groups"].as_array().unwrap() {
                let members = group["members"].as_array().unwrap();
                assert_eq!(members.len(), 2);
                assert_eq!(members[d]["doc"], id);
                for s in members[d]["sentences"].as_array().unwrap() {
                    seen.push(s.as_u64().unwrap() as usize);
                }
            }
            let n = doc["sentences"].as_array().unwrap().len();
            assert_eq!(seen, (0..n).collect::<Vec<_>>());
        }
    }
    // This small batch is all 1-1.
    for alignment in &alignments {
        for group in alignment["groups"].as_array().unwrap() {
            assert_eq!(group["bead"], "1-1");
        }
    }
}

#[test]
fn batch_needs_pairs_and_parallel_mode() {
    let dir = tempfile::tempdir().unwrap();
    let files = pairs(dir.path());
    let odd = tandem()
        .args(["align", "--batch", "--presegmented"])
        .args(&files[..3])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&odd.get_output().stderr).into_owned();
    assert!(stderr.contains("pairs"), "{stderr}");
    tandem()
        .args(["align", "--batch", "--mode", "comparable", "--presegmented"])
        .args(&files)
        .assert()
        .code(2);
}

#[test]
fn eval_align_says_how_the_dictionary_was_learnt() {
    let dir = tempfile::tempdir().unwrap();
    for k in 0..7 {
        let (de, fr) = (DE[k % 3], FR[k % 3]);
        std::fs::write(dir.path().join(format!("test{k}.de")), de).unwrap();
        std::fs::write(dir.path().join(format!("test{k}.fr")), fr).unwrap();
        let gold: String = (0..de.lines().count())
            .map(|i| format!("[{i}]:[{i}]\n"))
            .collect();
        std::fs::write(dir.path().join(format!("test{k}.defr")), gold).unwrap();
    }
    let textberg = dir.path().to_string_lossy().into_owned();
    for (flag, learning, words) in [
        (None, "per-pair", "each pair alone"),
        (Some("--batch"), "batch", "all pairs together"),
    ] {
        let mut cmd = tandem();
        cmd.args(["eval", "align", "--textberg", &textberg]);
        cmd.args(flag);
        let text = cmd.assert().success();
        let text = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
        assert!(text.contains(words), "{text}");
        let mut cmd = tandem();
        cmd.args(["eval", "align", "--format", "json", "--textberg", &textberg]);
        cmd.args(flag);
        let json = cmd.assert().success();
        let reports = json_lines(&json.get_output().stdout);
        let report = &reports[0];
        let report = report.get("report").unwrap_or(report);
        assert_eq!(report["learning"], learning, "{report}");
        assert_eq!(report["pooled"]["strict"]["f1"], 1.0);
    }
}

#[test]
fn eval_align_scores_another_aligners_links() {
    let dir = tempfile::tempdir().unwrap();
    let links = dir.path().join("links");
    std::fs::create_dir(&links).unwrap();
    for k in 0..7 {
        std::fs::write(dir.path().join(format!("test{k}.de")), DE[0]).unwrap();
        std::fs::write(dir.path().join(format!("test{k}.fr")), FR[0]).unwrap();
        let gold = "[0]:[0]\n[1]:[1]\n[2]:[2]\n";
        std::fs::write(dir.path().join(format!("test{k}.defr")), gold).unwrap();
        // Half the documents right, half with two sentences swapped.
        let test = if k % 2 == 0 {
            gold
        } else {
            "[0]:[1]\n[1]:[0]\n[2]:[2]\n"
        };
        std::fs::write(links.join(format!("test{k}.links")), test).unwrap();
    }
    let textberg = dir.path().to_string_lossy().into_owned();
    let links = links.to_string_lossy().into_owned();
    let out = tandem()
        .args(["eval", "align", "--format", "json", "--textberg", &textberg])
        .args(["--links", &links])
        .assert()
        .success();
    let reports = json_lines(&out.get_output().stdout);
    let report = reports[0].get("report").unwrap_or(&reports[0]);
    assert_eq!(report["links_from"], links.as_str(), "{report}");
    // 4 × 3 right and 3 × 1 right of 21 links.
    let precision = report["pooled"]["strict"]["precision"].as_f64().unwrap();
    assert!((precision - 15.0 / 21.0).abs() < 1e-9, "{report}");
    // Options of tandem's own aligner mean nothing for another's links.
    tandem()
        .args(["eval", "align", "--textberg", &textberg, "--links", &links])
        .arg("--batch")
        .assert()
        .code(2);
}

#[test]
fn a_malformed_dictionary_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let files = pairs(dir.path());
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "# de-fr\nGipfel\tsommet\nHütte cabane\n").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let missing = dir.path().join("missing.tsv");
    let missing = missing.to_string_lossy().into_owned();
    let textberg = dir.path().to_string_lossy().into_owned();
    let align = [
        "align",
        "--mode",
        "parallel",
        "--presegmented",
        &files[0],
        &files[1],
    ];
    let eval = ["eval", "align", "--textberg", &textberg];
    for (args, dictionary, says) in [
        (&align[..], &bad, format!("{bad}:3:")),
        (&eval[..], &bad, format!("{bad}:3:")),
        (&align[..], &missing, missing.clone()),
    ] {
        let out = tandem()
            .args(args)
            .args(["--dictionary", dictionary])
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains(&says), "{stderr}");
        assert!(out.get_output().stdout.is_empty());
    }
}

#[test]
fn eval_align_says_which_prior_dictionary_it_used() {
    let dir = tempfile::tempdir().unwrap();
    for k in 0..7 {
        std::fs::write(dir.path().join(format!("test{k}.de")), DE[0]).unwrap();
        std::fs::write(dir.path().join(format!("test{k}.fr")), FR[0]).unwrap();
        std::fs::write(
            dir.path().join(format!("test{k}.defr")),
            "[0]:[0]\n[1]:[1]\n[2]:[2]\n",
        )
        .unwrap();
    }
    let good = dir.path().join("good.tsv");
    std::fs::write(&good, "Gipfel\tsommet\nHütte\tcabane\n").unwrap();
    let good = good.to_string_lossy().into_owned();
    let textberg = dir.path().to_string_lossy().into_owned();
    for (flags, words) in [
        (vec![], "prior dictionary: shipped (de-fr only)"),
        (vec!["--no-dictionary"], "no prior dictionary"),
        (
            vec!["--dictionary", &good],
            "prior dictionary: given (2 pairs)",
        ),
    ] {
        let out = tandem()
            .args(["eval", "align", "--textberg", &textberg])
            .args(&flags)
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains(words), "{text}");
    }
    tandem()
        .args(["eval", "align", "--textberg", &textberg, "--no-dictionary"])
        .args(["--dictionary", &good])
        .assert()
        .code(2);
}

/// The bead kinds of a parallel alignment of `de` and `fr` (presegmented) with `extra`
/// options.
fn bead_kinds(dir: &std::path::Path, de: &str, fr: &str, extra: &[&str]) -> Vec<String> {
    let (de_path, fr_path) = (dir.join("a.de"), dir.join("a.fr"));
    std::fs::write(&de_path, de).unwrap();
    std::fs::write(&fr_path, fr).unwrap();
    let out = tandem()
        .args(["align", "--presegmented", "--mode", "parallel"])
        .args(extra)
        .arg(&de_path)
        .arg(&fr_path)
        .assert()
        .success();
    let alignment: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    alignment["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["bead"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn max_bead_sets_the_largest_side() {
    let dir = tempfile::tempdir().unwrap();
    let de = "Am 12. Juli verliessen wir Zermatt um 3 Uhr , und der Weg zur Hörnlihütte war vereist .\n\
              Am Abend waren wir wieder in Zermatt .\n";
    let fr = "Le 12 juillet , nous avons quitté Zermatt à 3 heures .\n\
              Le chemin de la cabane du Hörnli était verglacé .\n\
              Le soir , nous étions de retour à Zermatt .\n";
    assert_eq!(bead_kinds(dir.path(), de, fr, &[]), ["1-2", "1-1"]);
    let one_to_one = bead_kinds(dir.path(), de, fr, &["--max-bead", "1"]);
    assert!(
        one_to_one
            .iter()
            .all(|k| ["1-1", "1-0", "0-1"].contains(&k.as_str())),
        "{one_to_one:?}"
    );
    for wrong in ["0", "9", "x"] {
        tandem()
            .args(["align", "--presegmented", "--max-bead", wrong, "a", "b"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--max-bead"));
    }
}

#[test]
fn an_empty_document_takes_the_others_language_and_leaves_the_mode() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = tandem()
        .arg("align")
        .arg(&empty)
        .arg("seeds/000_7c7a039386e2d980.txt")
        .assert()
        .success()
        .stderr(predicates::str::contains("different languages").not());
    let alignment: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(alignment["mode"], "comparable");
    assert_eq!(alignment["documents"][0]["lang"], "de");
}

#[test]
fn eval_align_set_needs_textberg() {
    tandem()
        .args([
            "eval",
            "align",
            "--parice",
            "no-such-folder",
            "--set",
            "dev",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--textberg <DIR>"));
}
