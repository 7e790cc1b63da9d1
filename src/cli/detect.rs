//! `tandem detect`: foreign fragments of each document, in context or as JSON Lines.

use std::fmt::Write as _;
use std::process::ExitCode;

use tandem::export::DetectedDocument;
use tandem::{Detector, Document, Fragment, LineIndex};

use super::CliError;
use super::args::{DetectArgs, Format};
use super::inputs::documents;
use super::output::{Sink, Style, line_start, one_line, place, plural, visible};

pub(crate) fn run(args: &DetectArgs) -> Result<ExitCode, CliError> {
    let docs = documents(&args.input)?;
    let mut builder = Detector::builder();
    if !args.languages.is_empty() {
        builder = builder.languages(&args.languages);
    }
    if let Some(path) = &args.glossary {
        let glossary = super::glossary::load(path)?;
        builder = builder.protect(glossary.terms().map(|(_, _, term)| term.text.clone()));
    }
    let detector = builder.build();
    let mut sink = Sink::open(args.output.output.as_deref())?;
    let style = sink.style();
    let mut found = 0;
    for doc in &docs {
        let fragments: Vec<Fragment> = detector
            .document_fragments(doc)
            .into_iter()
            .filter(|f| f.confidence >= args.min_confidence)
            .collect();
        found += fragments.len();
        match args.output.format {
            Format::Json => sink.write_json_line(&DetectedDocument::new(doc, &fragments))?,
            Format::Text => sink.write_str(&text_report(doc, &fragments, style))?,
        }
    }
    sink.finish()?;
    Ok(if args.check && found > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Characters of context shown on each side of a fragment.
const CONTEXT: usize = 60;

/// The most characters of a fragment shown: a foreign sentence whole, a fragment as long
/// as a line of megabytes by its ends (it was quoted, shown and marked whole).
const FRAGMENT_CHARS: usize = 400;

/// Each fragment as `file:line:col: lang confidence "text"`, then its line (shortened
/// around it) with the fragment highlighted, or marked with carets when not on a
/// terminal. It colours itself, so it shows its pieces of the input [`visible`] itself.
fn text_report(doc: &Document, fragments: &[Fragment], style: Style) -> String {
    let mut out = String::new();
    let lines = LineIndex::new(&doc.text);
    for fragment in fragments {
        let text = middle_chars(fragment.span.text(&doc.text), FRAGMENT_CHARS);
        let text = visible(&text);
        let _ = writeln!(
            out,
            "{}: {} {:.2} {text:?}",
            place(doc, &lines, fragment.span.start),
            fragment.lang,
            fragment.confidence
        );
        let line_span = lines.line_span(&doc.text, fragment.span.start);
        let end = fragment.span.end.min(line_span.end);
        let shown_from = line_start(&doc.text, line_span.start).min(fragment.span.start);
        let before = visible(&tail_chars(
            &doc.text[shown_from..fragment.span.start],
            CONTEXT,
        ))
        .into_owned();
        let inside = middle_chars(&doc.text[fragment.span.start..end], FRAGMENT_CHARS);
        let inside = visible(&inside);
        let after = visible(&head_chars(&doc.text[end..line_span.end], CONTEXT)).into_owned();
        if style.color {
            let _ = writeln!(out, "    {before}\x1b[1;31m{inside}\x1b[0m{after}");
        } else {
            let _ = writeln!(out, "    {before}{inside}{after}");
            let pad = before.chars().count();
            let marks = inside.chars().count().max(1);
            let _ = writeln!(out, "    {}{}", " ".repeat(pad), "^".repeat(marks));
        }
    }
    let _ = writeln!(
        out,
        "{}: {} {:.2}, {} fragment{}",
        one_line(&doc.source),
        doc.lang,
        doc.lang_confidence,
        fragments.len(),
        plural(fragments.len())
    );
    out
}

/// The last `n` characters of `s`, with an ellipsis when cut. Counted from the end: a
/// fragment far into a long line costs `n` characters, not the line.
fn tail_chars(s: &str, n: usize) -> String {
    // The character before the last `n`, if there is one.
    match s.char_indices().nth_back(n) {
        Some((i, c)) => format!("…{}", &s[i + c.len_utf8()..]),
        None => s.to_string(),
    }
}

/// `s` when it has at most `n` characters, else its first and last `n / 2` with an
/// ellipsis between.
fn middle_chars(s: &str, n: usize) -> String {
    let half = n / 2;
    let head_end = s.char_indices().nth(half).map(|(i, _)| i);
    let tail_start = s
        .char_indices()
        .nth_back(half)
        .map(|(i, c)| i + c.len_utf8());
    match (head_end, tail_start) {
        (Some(head), Some(tail)) if head < tail => format!("{}…{}", &s[..head], &s[tail..]),
        _ => s.to_string(),
    }
}

/// The first `n` characters of `s`, with an ellipsis when cut.
fn head_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_fragment_keeps_its_ends() {
        assert_eq!(middle_chars("abcdefgh", 4), "ab…gh");
        assert_eq!(middle_chars("abcde", 4), "ab…de");
        assert_eq!(middle_chars("abcd", 4), "abcd");
        assert_eq!(middle_chars("äöüßäöüß", 2), "ä…ß");
    }

    #[test]
    fn many_fragments_on_a_long_line_cost_their_context() {
        // Each fragment counted its line from the start, for its column and for the
        // context before it: 38 s for the 40,000 fragments of a line of 2.7 MB.
        let unit = "Según und ";
        let count = 200_000;
        let options = tandem::DocumentOptions {
            lang: Some(tandem::Lang::De),
        };
        let doc = Document::presegmented("t.txt", unit.repeat(count), options);
        let fragments: Vec<Fragment> = (0..count)
            .step_by(2)
            .map(|n| Fragment {
                span: tandem::Span::new(n * unit.len(), n * unit.len() + "Según".len()),
                lang: tandem::FragmentLang::Lang(tandem::Lang::Es),
                confidence: 1.0,
            })
            .collect();
        let started = std::time::Instant::now();
        let report = text_report(&doc, &fragments, Style { color: false });
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
        let last = format!("t.txt:1:{}: es 1.00 \"Según\"", (count - 2) * 10 + 1);
        assert!(report.contains(&last), "{}", &report[report.len() - 500..]);
    }
}
