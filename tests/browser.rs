//! The review page in a real browser: headless Chromium loads `aligned/seeds.html`, runs
//! its script without a console message or error, and renders a non-trivial screenshot.
//!
//! Needs Debian's `chromium` (`.ci/run` installs it). Without it the test says so and
//! passes, unless `TANDEM_REQUIRE_BROWSER` is set, as it is in CI.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let candidates = ["chromium", "chromium-browser", "google-chrome"];
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|dir| candidates.iter().map(move |c| dir.join(c)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("TANDEM_REQUIRE_BROWSER").is_none(),
            "TANDEM_REQUIRE_BROWSER is set but no chromium is on PATH"
        );
        eprintln!("skipping the browser test: no chromium on PATH (apt-get install chromium)");
    }
    found
}

/// Runs headless Chromium on `page` with `args`; returns stdout and stderr.
fn run_chromium(browser: &Path, page: &Path, args: &[&str]) -> (String, String) {
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1400,1000",
            "--virtual-time-budget=3000",
        ])
        .args(args)
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium failed: {output:?}");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

/// The DOM of `page` after its script ran, checked to have run to the end without
/// errors or console output.
fn loaded_dom(browser: &Path, page: &Path) -> String {
    let (dom, stderr) = run_chromium(browser, page, &["--dump-dom"]);
    assert_eq!(console_lines(&stderr), Vec::<&str>::new(), "console output");
    // The page records script errors as an attribute of <html>.
    let root_tag = &dom[dom.find("<html").unwrap()..];
    let root_tag = &root_tag[..root_tag.find('>').unwrap()];
    assert!(
        !root_tag.contains("data-errors"),
        "script errors: {root_tag}"
    );
    assert!(
        root_tag.contains("data-ready=\"1\""),
        "the page script did not finish"
    );
    dom
}

#[test]
fn the_seed_review_page_loads_without_errors_and_renders() {
    let Some(browser) = chromium() else { return };
    let page = common::root().join("aligned/seeds.html");

    let dom = loaded_dom(&browser, &page);
    // The filter script ran over every row: the count it wrote is the number of rows.
    let rows = dom.matches("<tr id=\"g").count();
    assert!(rows > 20, "only {rows} rows");
    assert!(dom.contains(&format!("<output id=\"shown\">{rows}</output>")));

    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("seeds.png");
    let (_, stderr) = run_chromium(
        &browser,
        &page,
        &[&format!("--screenshot={}", shot.display())],
    );
    assert_eq!(console_lines(&stderr), Vec::<&str>::new(), "console output");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (1400, 1000));
    let channels = info.color_type.samples();
    let mut colours = std::collections::HashSet::new();
    let mut ink = 0usize;
    for px in pixels[..info.buffer_size()].chunks(channels) {
        colours.insert(px[..3].to_vec());
        if px[..3].iter().any(|&c| c < 200) {
            ink += 1;
        }
    }
    let share = ink as f64 / (info.width * info.height) as f64;
    assert!(colours.len() > 50, "only {} colours", colours.len());
    assert!(
        share > 0.02,
        "only {:.1}% of the pixels are ink",
        share * 100.0
    );
    if let Some(keep) = std::env::var_os("TANDEM_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}

#[test]
fn a_page_of_translations_loads_without_errors() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let aligned = common::translation_alignment(
        dir.path(),
        "Die Stadt hat 1.200 Stellen gestrichen. Es regnete.\n",
        "La ville a supprimé 1 300 postes. Il pleuvait.\n",
    );
    let page = dir.path().join("page.html");
    common::tandem()
        .args(["diff", "-", "--format", "html", "-o"])
        .arg(&page)
        .write_stdin(aligned)
        .assert()
        .success();
    let dom = loaded_dom(&browser, &page);
    assert!(dom.contains("<output id=\"shown\">2</output>"), "{dom}");
}
