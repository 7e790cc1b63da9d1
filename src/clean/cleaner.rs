//! The configurable cleaner: which rules run, the glossary, and the fragment detector,
//! all built once and used for any number of documents.

use std::sync::LazyLock;

use crate::clean::fix::{Fixed, compose, fix};
use crate::clean::lines::{Line, line_of, lines};
use crate::clean::{Rule, boilerplate, compound, duplicate, metadata, quotes};
use crate::export::Finding;
use crate::glossary::{self, CheckedDocument, Glossary, Matcher};
use crate::text::Span;
use crate::{Detector, Document, DocumentOptions};

/// How many times `fix` cleans at most: a second pass finds what the first made
/// visible (rarely a third, when that shows more).
const MAX_PASSES: usize = 4;

/// The least confidence of a foreign fragment that becomes a finding (as `tandem
/// detect` reports by default).
const MIN_FRAGMENT_CONFIDENCE: f64 = 0.5;

/// Finds boilerplate, duplicates, foreign leftovers, glossary problems, split
/// compounds, stray metadata and mixed quotation marks in documents, and cleans them.
///
/// Build it once (the fragment detector and the glossary matcher are built with it) and
/// use it for every document; it is `Send` and `Sync`.
///
/// ```
/// use tandem::clean::{Cleaner, Rule};
/// use tandem::{Document, DocumentOptions};
///
/// let cleaner = Cleaner::builder().disable(Rule::QuoteStyle).build();
/// let text = "Trump plant den Einsatz\n\nDas nationale Sicherheits team berät.\n\nLesen Sie auch: Neue Zölle\n";
/// let doc = Document::new("a.txt", text.to_string(), DocumentOptions::default());
/// let findings = cleaner.findings(&doc);
/// let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
/// assert_eq!(rules, ["split-compound", "boilerplate"]);
///
/// let fixed = cleaner.fix(&doc, &findings);
/// assert_eq!(fixed.text, "Trump plant den Einsatz\n\nDas nationale Sicherheitsteam berät.\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Cleaner {
    enabled: [bool; Rule::ALL.len()],
    detector: Option<Detector>,
    glossary: Option<(Glossary, Matcher)>,
    min_confidence: f64,
}

/// Settings for a [`Cleaner`].
#[derive(Debug, Clone)]
pub struct CleanerBuilder {
    enabled: [bool; Rule::ALL.len()],
    glossary: Option<Glossary>,
    min_confidence: f64,
}

impl CleanerBuilder {
    /// A glossary: its terms are never foreign fragments, and deprecated or foreign
    /// forms of its names become findings (`glossary-deprecated`,
    /// `glossary-foreign-form`) whose suggestions `fix` applies.
    pub fn glossary(mut self, glossary: &Glossary) -> Self {
        self.glossary = Some(glossary.clone());
        self
    }

    /// Switches a rule off.
    pub fn disable(mut self, rule: Rule) -> Self {
        self.enabled[index(rule)] = false;
        self
    }

    /// The least confidence of a foreign fragment to report (0.5 to 1.0; default 0.5).
    pub fn min_fragment_confidence(mut self, confidence: f64) -> Self {
        self.min_confidence = confidence;
        self
    }

    /// Builds the cleaner, with its fragment detector and glossary matcher.
    pub fn build(self) -> Cleaner {
        let enabled = |rule: Rule| self.enabled[index(rule)];
        let detector = enabled(Rule::ForeignFragment).then(|| {
            let mut builder = Detector::builder();
            if let Some(glossary) = &self.glossary {
                builder = builder.protect(glossary.terms().map(|(_, _, term)| term.text.clone()));
            }
            builder.build()
        });
        let glossary = self
            .glossary
            .filter(|_| enabled(Rule::GlossaryDeprecated) || enabled(Rule::GlossaryForeignForm))
            .map(|glossary| {
                let matcher = Matcher::new(&glossary);
                (glossary, matcher)
            });
        Cleaner {
            enabled: self.enabled,
            detector,
            glossary,
            min_confidence: self.min_confidence,
        }
    }
}

fn index(rule: Rule) -> usize {
    Rule::ALL
        .iter()
        .position(|&r| r == rule)
        .expect("every rule is listed")
}

impl Default for Cleaner {
    fn default() -> Self {
        Cleaner::builder().build()
    }
}

/// What the line rules decided, line by line.
struct LineVerdicts {
    /// Lines removed as a whole (boilerplate, metadata, duplicate).
    removed: Vec<bool>,
}

impl Cleaner {
    /// Settings, starting from every rule on and no glossary.
    pub fn builder() -> CleanerBuilder {
        CleanerBuilder {
            enabled: [true; Rule::ALL.len()],
            glossary: None,
            min_confidence: MIN_FRAGMENT_CONFIDENCE,
        }
    }

    /// Whether `rule` runs.
    pub fn is_enabled(&self, rule: Rule) -> bool {
        self.enabled[index(rule)]
    }

    /// The findings of a document, sorted by start. Findings that remove a whole line
    /// (boilerplate, duplicate, metadata lines) never overlap, and no other finding lies
    /// inside them; a quote-style finding spans a whole quotation and may hold others.
    pub fn findings(&self, doc: &Document) -> Vec<Finding> {
        self.findings_with(doc, true)
    }

    /// The findings, with or without foreign fragments (which `fix` never changes).
    fn findings_with(&self, doc: &Document, fragments: bool) -> Vec<Finding> {
        let text = doc.text.as_str();
        let lines = lines(text);
        let mut findings = Vec::new();
        let verdicts = self.line_findings(doc, &lines, &mut findings);
        let mut others = Vec::new();
        if let Some(detector) = self.detector.as_ref().filter(|_| fragments) {
            for fragment in detector.document_fragments(doc) {
                if fragment.confidence < self.min_confidence {
                    continue;
                }
                let span = fragment.span;
                others.push(Finding {
                    rule: Rule::ForeignFragment.id().into(),
                    severity: Rule::ForeignFragment.severity(),
                    start: span.start,
                    end: span.end,
                    text: span.text(text).to_string(),
                    message: format!(
                        "{} in a {} text (confidence {:.2}): needs a translator",
                        language_name(&fragment.lang.to_string()),
                        language_name(doc.lang.code()),
                        fragment.confidence
                    ),
                    suggestion: None,
                });
            }
        }
        if let Some((glossary, matcher)) = &self.glossary {
            let mentions = matcher.find(text, doc.lang);
            let checked = [CheckedDocument {
                source: &doc.source,
                lang: doc.lang,
                mentions: &mentions,
            }];
            let wanted = [Rule::GlossaryDeprecated, Rule::GlossaryForeignForm];
            for mut finding in glossary::check(glossary, &checked).remove(0) {
                let rule = Rule::from_id(&finding.rule);
                if let Some(rule) = rule.filter(|&r| wanted.contains(&r) && self.is_enabled(r)) {
                    finding.severity = rule.severity();
                    others.push(finding);
                }
            }
        }
        if self.is_enabled(Rule::SplitCompound) {
            for split in compound::find(text, doc.lang, &lines, &verdicts.removed) {
                let found = split.span.text(text);
                others.push(Finding {
                    rule: Rule::SplitCompound.id().into(),
                    severity: Rule::SplitCompound.severity(),
                    start: split.span.start,
                    end: split.span.end,
                    text: found.to_string(),
                    message: format!("compound split by a space: write '{}'", split.joined),
                    suggestion: Some(split.joined),
                });
            }
        }
        if self.is_enabled(Rule::QuoteStyle) {
            for mismatch in quotes::mismatches(text, doc.lang, &lines, &verdicts.removed) {
                others.push(Finding {
                    rule: Rule::QuoteStyle.id().into(),
                    severity: Rule::QuoteStyle.severity(),
                    start: mismatch.span.start,
                    end: mismatch.span.end,
                    text: mismatch.span.text(text).to_string(),
                    message: mismatch.message(),
                    suggestion: Some(mismatch.suggestion),
                });
            }
        }
        drop_inside(
            &mut others,
            findings.iter().map(|f| Span::new(f.start, f.end)),
        );
        findings.extend(others);
        findings.sort_by_key(|f| {
            let rule = Rule::from_id(&f.rule).map_or(usize::MAX, index);
            (f.start, rule, f.end)
        });
        findings
    }

    /// The findings that remove whole lines or parts of lines (metadata, boilerplate,
    /// duplicates), pushed to `out`, and which lines they remove.
    fn line_findings(
        &self,
        doc: &Document,
        lines: &[Line],
        out: &mut Vec<Finding>,
    ) -> LineVerdicts {
        let text = doc.text.as_str();
        let mut removed = vec![false; lines.len()];
        if self.is_enabled(Rule::StrayMetadata) {
            for stray in metadata::find(text, lines) {
                if stray.whole_line {
                    removed[line_of(lines, stray.span.start)] = true;
                }
                out.push(Finding {
                    rule: Rule::StrayMetadata.id().into(),
                    severity: Rule::StrayMetadata.severity(),
                    start: stray.span.start,
                    end: stray.span.end,
                    text: stray.span.text(text).to_string(),
                    message: format!("{} left in the text", stray.what),
                    suggestion: Some(stray.replacement),
                });
            }
        }
        if self.is_enabled(Rule::Boilerplate) {
            let verdicts = boilerplate::flag(text, lines, &removed);
            let flagged: Vec<(usize, &boilerplate::Verdict)> = verdicts
                .iter()
                .enumerate()
                .filter_map(|(l, verdict)| Some((l, verdict.as_ref()?)))
                .collect();
            // A line that holds article text loses only its boilerplate sentences (or the
            // cue phrase glued to one of article text).
            let mut spans: Vec<(Span, boilerplate::Verdict)> = Vec::new();
            for (l, verdict) in flagged {
                let line = lines[l].trimmed(text);
                let first = doc.sentences.partition_point(|s| s.start < line.start);
                let inside: Vec<Span> = doc.sentences[first..]
                    .iter()
                    .copied()
                    .take_while(|s| s.end <= line.end)
                    .collect();
                match boilerplate::parts_of_article_line(text, &inside) {
                    Some(parts) => spans.extend(parts),
                    None => {
                        removed[l] = true;
                        spans.push((line, *verdict));
                    }
                }
            }
            // Tokens of metadata inside boilerplate go with it.
            drop_inside(out, spans.iter().map(|&(span, _)| span));
            for (span, verdict) in spans {
                out.push(Finding {
                    rule: Rule::Boilerplate.id().into(),
                    severity: Rule::Boilerplate.severity(),
                    start: span.start,
                    end: span.end,
                    text: span.text(text).to_string(),
                    message: verdict.message(),
                    suggestion: Some(String::new()),
                });
            }
        }
        if self.is_enabled(Rule::Duplicate) {
            let copies = duplicate::find(text, &doc.sentences, lines, &removed);
            drop_inside(out, copies.iter().map(|copy| copy.span));
            for copy in copies {
                if copy.whole_line {
                    removed[line_of(lines, copy.span.start)] = true;
                }
                let span = copy.span;
                let what = if copy.whole_line { "line" } else { "sentence" };
                out.push(Finding {
                    rule: Rule::Duplicate.id().into(),
                    severity: Rule::Duplicate.severity(),
                    start: span.start,
                    end: span.end,
                    text: span.text(text).to_string(),
                    message: format!(
                        "this {what} repeats line {}; the first copy is kept",
                        copy.first_line + 1
                    ),
                    suggestion: Some(String::new()),
                });
            }
        }
        LineVerdicts { removed }
    }

    /// The document cleaned by `findings` (normally [`Cleaner::findings`] of the same
    /// document, perhaps filtered): lines of boilerplate, metadata and duplicates
    /// removed without piling up blank lines, tokens removed with their space,
    /// suggestions applied; findings without a suggestion (foreign fragments) are kept
    /// and listed. Every edit has offsets into the original text. What the cleaned
    /// text shows anew (a sentence that repeats once metadata inside it is gone) is
    /// cleaned too, with the rules this cleaner runs, so that cleaning the result again
    /// changes nothing. To apply only some rules, build a cleaner with the others
    /// disabled.
    pub fn fix(&self, doc: &Document, findings: &[Finding]) -> Fixed {
        let mut fixed = fix(&doc.text, findings);
        // A cleaned text can show what the first pass could not see (a sentence that
        // repeats once metadata inside it is gone, a byline left alone on its line):
        // pass again with this cleaner's rules, and map what changes back to the
        // original.
        for _ in 1..MAX_PASSES {
            if fixed.edits.is_empty() {
                break;
            }
            let again = Document::new(
                &doc.source,
                fixed.text.clone(),
                DocumentOptions {
                    lang: Some(doc.lang),
                },
            );
            let more: Vec<Finding> = self
                .findings_with(&again, false)
                .into_iter()
                .filter(|f| f.suggestion.is_some())
                .collect();
            let second = fix(&fixed.text, &more);
            if second.edits.is_empty() {
                break;
            }
            match compose(&doc.text, &fixed, &second) {
                Some(composed) => fixed = composed,
                None => break,
            }
        }
        fixed
    }

    /// The findings of a document and the document cleaned by them.
    pub fn clean(&self, doc: &Document) -> (Vec<Finding>, Fixed) {
        let findings = self.findings(doc);
        let fixed = self.fix(doc, &findings);
        (findings, fixed)
    }
}

/// The findings of a document with every rule but the glossary's (see [`Cleaner`]).
///
/// ```
/// let doc = tandem::Document::new("a.txt", "Titel\n\nJoin the conversation\n".into(), Default::default());
/// assert!(tandem::clean::findings(&doc).iter().any(|f| f.rule == "boilerplate"));
/// ```
pub fn findings(doc: &Document) -> Vec<Finding> {
    static DEFAULT: LazyLock<Cleaner> = LazyLock::new(Cleaner::default);
    DEFAULT.findings(doc)
}

/// English names of the languages, for messages.
fn language_name(code: &str) -> String {
    match code {
        "de" => "German".into(),
        "en" => "English".into(),
        "es" => "Spanish".into(),
        "fr" => "French".into(),
        "it" => "Italian".into(),
        "pt" => "Portuguese".into(),
        "nl" => "Dutch".into(),
        other => format!("'{other}' script"),
    }
}

/// Drops the findings of `out` that lie inside one of `spans` (removed lines,
/// sentences or tokens): what is inside goes with them. One pass over `out` with a
/// binary search per finding, where a pass per span would take time in the number of
/// spans times the number of findings (a 50 MB line of one repeated sentence has half
/// a million copies).
fn drop_inside(out: &mut Vec<Finding>, spans: impl Iterator<Item = Span>) {
    let mut spans: Vec<Span> = spans.collect();
    spans.sort_unstable_by_key(|span| span.start);
    // The furthest end of the spans up to each: one of the spans that start at or
    // before a finding holds it exactly when the furthest of their ends reaches its end.
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |furthest, span| {
            *furthest = span.end.max(*furthest);
            Some(*furthest)
        })
        .collect();
    out.retain(|f| {
        let after = spans.partition_point(|span| span.start <= f.start);
        after.checked_sub(1).is_none_or(|i| f.end > reach[i])
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            rule: "stray-metadata".into(),
            severity: Rule::StrayMetadata.severity(),
            start,
            end,
            text: String::new(),
            message: String::new(),
            suggestion: None,
        }
    }

    #[test]
    fn only_findings_inside_a_removed_span_are_dropped() {
        let mut out = vec![
            finding(0, 4),
            finding(12, 15),
            finding(18, 25),
            finding(30, 30),
            finding(41, 44),
        ];
        let removed = [Span::new(40, 50), Span::new(10, 20), Span::new(30, 35)];
        drop_inside(&mut out, removed.into_iter());
        let kept: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(
            kept,
            [(0, 4), (18, 25)],
            "one outside, one straddling an end"
        );
        // A long span that starts first holds what a later, shorter one does not.
        let mut out = vec![finding(6, 9), finding(12, 14)];
        drop_inside(&mut out, [Span::new(0, 13), Span::new(5, 7)].into_iter());
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].start, out[0].end), (12, 14));
    }

    /// What `clean` leaves of a German `text` (without the fragment detector).
    fn cleaned(text: &str) -> String {
        let cleaner = Cleaner::builder().disable(Rule::ForeignFragment).build();
        let options = DocumentOptions {
            lang: Some(crate::Lang::De),
        };
        cleaner
            .clean(&Document::new("a.txt", text.to_string(), options))
            .1
            .text
    }

    const PLAN: &str = "Die Regierung hat am Montag einen Plan vorgestellt.";
    const TAXES: &str = "Der Minister sagte, man werde die Steuern senken.";

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        // Old Mac line ends were no line breaks: the file was one line, boilerplate by
        // its first words, and `fix` left nothing of the article.
        let text = format!("Teilen Sie diesen Artikel\r{PLAN}\r{TAXES}\r");
        assert_eq!(cleaned(&text), format!("{PLAN}\r{TAXES}\r"));
        let text = format!("{PLAN}\r{TAXES}\rTeilen Sie diesen Artikel\r");
        assert_eq!(cleaned(&text), format!("{PLAN}\r{TAXES}\r"));
        let text = format!("{PLAN}\r{TAXES}\rTeilen Sie diesen Artikel");
        assert_eq!(cleaned(&text), format!("{PLAN}\r{TAXES}"));
    }

    #[test]
    fn a_share_prompt_glued_to_the_paragraph_leaves_the_paragraph() {
        // Without a full stop after the prompt, the first sentence was boilerplate, the
        // line held one sentence of article text besides, and `fix` removed it whole.
        let text = format!("Teilen Sie diesen Artikel {PLAN} {TAXES}\n");
        assert_eq!(cleaned(&text), format!("{PLAN} {TAXES}\n"));
        let text = format!("{PLAN} {TAXES} Teilen Sie diesen Artikel\n");
        assert_eq!(cleaned(&text), format!("{PLAN} {TAXES}\n"));
        let text = format!("Titel\n\nTeilen Sie diesen Artikel {PLAN}\n");
        assert_eq!(cleaned(&text), format!("Titel\n\n{PLAN}\n"));
    }

    #[test]
    fn unicode_line_separators_end_lines() {
        let text = format!("Teilen Sie diesen Artikel\u{2028}{PLAN}\u{2029}{TAXES}\u{85}");
        assert_eq!(cleaned(&text), format!("{PLAN}\u{2029}{TAXES}\u{85}"));
    }
}
