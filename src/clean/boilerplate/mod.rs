//! Boilerplate: lines of a news page that are not the article (or, in a line that holds
//! article text too, sentences and cue phrases: see [`parts_of_article_line`]). Each line
//! is judged by what it is, in any of the seven languages: cue phrases
//! (`data/<lang>/boilerplate.txt`) and the line's shape (links, addresses, copyright
//! signs, menus, date-only lines, bylines, short lines that are no sentence) give
//! evidence; strong evidence flags a line alone, weak evidence needs more, and a line with
//! some evidence of its own is flagged next to a flagged line (boilerplate comes in
//! blocks: a donation box, an author box).

mod cues;
mod features;

use crate::Lang;
use crate::clean::lines::{Line, cue_tokens, word_count};
use crate::lang::data::LangData;
use crate::text::{Span, words};

pub(crate) use cues::Category;
use cues::Cues;
use features::{
    ends_like_sentence, has_phone, is_agency, is_byline, is_date_line, is_menu, link_bytes,
};

/// Evidence enough to flag a line.
const THRESHOLD: f32 = 1.0;
/// Evidence of a strong cue or feature.
const STRONG: f32 = 1.0;
/// Evidence of a weak one.
const WEAK: f32 = 0.5;
/// What a flagged neighbour adds to a line with evidence of its own.
const NEIGHBOUR: f32 = 0.5;
/// Lines longer than this (in words) are paragraphs: cue phrases count half in them.
const PARAGRAPH_WORDS: usize = 35;
/// Lines of at most this many words without a sentence end are no sentence.
const SHORT_WORDS: usize = 3;
/// Date lines and bylines have at most this many words.
const DATE_LINE_WORDS: usize = 12;
/// A navigation line of at most this many words is a heading over a list of titles.
const RELATED_HEADING_WORDS: usize = 6;
/// Titles in such a list have at most this many words.
const RELATED_TITLE_WORDS: usize = 14;
/// Lines longer than this (in words) give weak cues less weight.
const WEAK_CUE_WORDS: usize = 20;
/// What a weak cue gives in a longer line, or in a sentence.
const WEAK_IN_LONG_LINE: f32 = 0.35;
/// Lines of at least this many words that are statements (see [`is_statement`]): a
/// weak cue in one ("… rief zu Spenden für die Erdbebenopfer auf.") is more often news
/// than a call to donate, and gives [`WEAK_IN_LONG_LINE`].
const STATEMENT_WORDS: usize = 8;
/// A flagged line with this many sentences of article text loses only its boilerplate
/// sentences (see [`parts_of_article_line`]).
const ARTICLE_SENTENCES: usize = 2;
/// Lines longer than this (in words) are never flagged for their neighbours alone.
const NEIGHBOUR_MAX_WORDS: usize = 25;

/// A boilerplate line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Verdict {
    /// What kind of boilerplate it is most.
    pub(crate) category: Category,
    /// Whether it was flagged only next to other boilerplate.
    pub(crate) by_neighbour: bool,
}

impl Verdict {
    /// The message of a finding.
    pub(crate) fn message(&self) -> String {
        if self.by_neighbour {
            format!(
                "{}, next to other boilerplate: not article text",
                self.category.describe()
            )
        } else {
            format!("{}: not article text", self.category.describe())
        }
    }
}

/// The evidence for one line.
#[derive(Debug, Clone, Default)]
struct Evidence {
    total: f32,
    best: Option<(f32, Category)>,
    /// What the line's being short and no sentence gave (not for the headline).
    short: f32,
}

impl Evidence {
    fn add(&mut self, category: Category, amount: f32) {
        self.total += amount;
        if self.best.is_none_or(|(best, _)| amount > best) {
            self.best = Some((amount, category));
        }
    }
}

/// The evidence of one line's own content.
fn evidence(content: &str, headline: bool) -> Evidence {
    let mut evidence = Evidence::default();
    let word_count = word_count(content);
    let discount = if word_count > PARAGRAPH_WORDS {
        0.5
    } else {
        1.0
    };

    let mut strong: Option<Category> = None;
    let mut weak: Vec<(&str, Category)> = Vec::new();
    for found in Cues::get().matches(cue_tokens(content)) {
        let cue = found.cue;
        if cue.strong {
            strong.get_or_insert(cue.category);
        } else if !weak.iter().any(|(phrase, _)| *phrase == cue.phrase) {
            weak.push((&cue.phrase, cue.category));
        }
    }
    if let Some(category) = strong {
        evidence.add(category, STRONG * discount);
    }
    // In a longer line or a sentence a weak cue says less: a paragraph may mention a
    // newsletter or a discount in passing.
    let statement = word_count >= STATEMENT_WORDS && is_statement(content);
    let weak_amount = if word_count > WEAK_CUE_WORDS || statement {
        WEAK_IN_LONG_LINE
    } else {
        WEAK
    };
    for (_, category) in weak.iter().take(3) {
        evidence.add(*category, weak_amount * discount);
    }

    let (link, email) = link_bytes(content);
    let visible: usize = content
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    if link > 0 {
        if 2 * link >= visible {
            evidence.add(Category::Links, STRONG);
        } else if word_count <= 30 {
            evidence.add(Category::Links, WEAK);
        }
    }
    if email && word_count <= 15 {
        evidence.add(Category::Contact, STRONG);
    }
    // A sentence may give a number to call; a contact box does not end like one.
    if has_phone(content) && !ends_like_sentence(content) {
        evidence.add(Category::Contact, WEAK);
    }
    if content.contains('©') {
        let amount = if word_count <= 30 { STRONG } else { WEAK };
        evidence.add(Category::Credit, amount);
    }
    if is_menu(content, word_count) {
        evidence.add(Category::Navigation, STRONG);
    }
    if word_count <= DATE_LINE_WORDS && (is_date_line(content) || is_byline(content)) {
        evidence.add(Category::Byline, STRONG);
    }
    let agency_only = word_count > 0
        && word_count <= 3
        && words(content).all(|w| is_agency(&w.text.to_lowercase()));
    if agency_only {
        evidence.add(Category::Credit, STRONG);
    }
    if !headline && !ends_like_sentence(content) {
        let label = content.trim_end().ends_with(':') && word_count <= SHORT_WORDS + 2;
        if word_count <= SHORT_WORDS || label {
            evidence.add(Category::Short, WEAK);
            evidence.short = WEAK;
        }
    }
    evidence
}

/// Whether a line is a statement, as reports are: it ends with a full stop and neither
/// asks nor exclaims anywhere. Calls to the reader ask ("Sie interessieren sich für …?")
/// or exclaim ("Jetzt spenden!"), and reader comments exclaim.
fn is_statement(content: &str) -> bool {
    let content = content
        .trim_end()
        .trim_end_matches(['"', '“', '”', '»', '«', '\'', '’', ')']);
    content.ends_with('.') && !content.contains(['?', '!'])
}

/// Whether a line reads like the title of an article: two to fourteen words, and no end
/// of a statement (a question mark may end a title).
fn is_title(content: &str) -> bool {
    let count = word_count(content);
    (2..=RELATED_TITLE_WORDS).contains(&count)
        && !content.trim_end().ends_with(['.', '!', ':', ';', ',', '…'])
}

/// How a sentence of a flagged line reads.
enum Reading {
    /// Article text: a statement of more than [`SHORT_WORDS`] words with no evidence.
    Article,
    /// Article text with a cue phrase glued to its start, the phrase's span: a scraped
    /// page may lose the full stop between a share button and the paragraph.
    Glued(Span, Verdict),
    /// Boilerplate as a whole.
    Boilerplate(Verdict),
    /// Neither: kept.
    Other,
}

/// Whether a sentence with this evidence is article text.
fn is_article(content: &str, evidence: &Evidence) -> bool {
    evidence.total == 0.0 && word_count(content) > SHORT_WORDS && is_statement(content)
}

/// How the sentence `span` of `text` reads (see [`Reading`]).
fn read_sentence(text: &str, span: Span) -> Reading {
    let content = span.text(text);
    let evidence = evidence(content, false);
    if is_article(content, &evidence) {
        return Reading::Article;
    }
    if evidence.total < THRESHOLD {
        return Reading::Other;
    }
    if let Some((cue, category)) = glued_cue(content) {
        let verdict = Verdict {
            category,
            by_neighbour: false,
        };
        return Reading::Glued(
            Span::new(span.start + cue.start, span.start + cue.end),
            verdict,
        );
    }
    let (_, category) = evidence.best.expect("evidence has a category");
    Reading::Boilerplate(Verdict {
        category,
        by_neighbour: false,
    })
}

/// The cue phrase that opens a boilerplate sentence (a span into `content`) when what
/// follows it is article text of its own, longer than the phrase and beginning like a
/// sentence, with a capital or a digit: "Teilen Sie diesen Artikel Die Regierung hat …
/// beschlossen." A credit label takes its credit with it: "Foto: dpa Die Minister
/// einigten sich …" (see [`credit_end`]). `None` when the sentence is boilerplate as a
/// whole: "We use cookies to improve your experience." goes on in lowercase, another
/// label ("Lesen Sie auch:") announces that what follows is its title, and a phrase
/// further in ("Melden Sie sich für unseren Newsletter an.") is what the sentence says.
fn glued_cue(content: &str) -> Option<(Span, Category)> {
    let opening = content.len()
        - content
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let mut found = Cues::get().matches(cue_tokens(content));
    found.sort_by_key(|m| (m.start, m.end));
    let first = found.first().filter(|m| m.start == opening)?;
    // Cues that overlap it ("teilen sie diesen artikel", "diesen artikel teilen") are one.
    let mut end = first.end;
    for m in &found {
        if m.start <= end {
            end = end.max(m.end);
        }
    }
    let label = content[..end].ends_with(':') || content[end..].trim_start().starts_with(':');
    if label {
        let credit = (first.cue.category == Category::Credit)
            .then(|| credit_end(content, end))
            .flatten()?;
        return Some((Span::new(opening, credit), first.cue.category));
    }
    let rest = content[end..].trim_start_matches(|c: char| !c.is_alphanumeric());
    let article = rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && word_count(rest) > word_count(&content[opening..end])
        && is_article(rest, &evidence(rest, false));
    article.then(|| (Span::new(opening, end), first.cue.category))
}

/// The most words a credit glued to article text is taken to have: an agency, a
/// photographer, or both ("dpa/Michael Kappeler").
const CREDIT_WORDS: usize = 5;

/// Where a credit whose label ends at `label_end` ends, when article text follows it
/// on the same line: "Foto: dpa Die Minister einigten sich auf einen Kompromiss." ends
/// after "dpa". The article text begins with the first word, after one to
/// [`CREDIT_WORDS`] words of credit, that often opens a sentence in one of tandem's
/// languages ("Die", "The", "Le"; a name does not), and is a statement of its own.
/// `None` when no such word comes or what follows it is a caption rather than a
/// statement ("Foto: dpa Die Minister in Berlin").
fn credit_end(content: &str, label_end: usize) -> Option<usize> {
    let after = &content[label_end..];
    let tokens: Vec<_> = words(after).take(CREDIT_WORDS + 1).collect();
    let opens_sentence = |word: &str| {
        Lang::ALL
            .iter()
            .any(|&lang| LangData::get(lang).is_starter(word))
    };
    let k = (1..tokens.len()).find(|&k| opens_sentence(tokens[k].text))?;
    let rest = &after[tokens[k].span.start..];
    (word_count(rest) > k && is_article(rest, &evidence(rest, false)))
        .then(|| label_end + tokens[k - 1].span.end)
}

/// The boilerplate parts of a flagged line that holds article text as well, or `None`
/// when the line is boilerplate as a whole. Scraped pages may put a paragraph, or a
/// whole article, on one line with a credit or a comment prompt inside ("… neue Regeln
/// beschlossen. Foto: Reuters. Die Opposition …"), or glue a share button to a
/// paragraph without a full stop: removing the line would remove article text. A line
/// holds article text when two or more of its `sentences` (spans into `text`, in order)
/// are statements of more than [`SHORT_WORDS`] words with no evidence at all, or when
/// one is such a statement after a call glued to its start (see [`glued_cue`]); then
/// each sentence is judged alone, and the parts are the sentences that are boilerplate
/// and the glued calls. One statement is not enough: a caption and its credit
/// ("Bildunterschrift: Helfer füllen Sandsäcke. Foto: Jens Hartung"), or a donation box
/// ("Wir versorgen Sie mit Nachrichten. Unterstützen Sie uns mit einer Spende."), are
/// boilerplate together.
pub(crate) fn parts_of_article_line(
    text: &str,
    sentences: &[Span],
) -> Option<Vec<(Span, Verdict)>> {
    let readings: Vec<(Span, Reading)> = sentences
        .iter()
        .map(|&span| (span, read_sentence(text, span)))
        .collect();
    let article = readings
        .iter()
        .filter(|(_, reading)| matches!(reading, Reading::Article))
        .count();
    let glued = readings
        .iter()
        .any(|(_, reading)| matches!(reading, Reading::Glued(..)));
    if !glued && article < ARTICLE_SENTENCES {
        return None;
    }
    let parts = readings
        .into_iter()
        .filter_map(|(span, reading)| match reading {
            Reading::Glued(cue, verdict) => Some((cue, verdict)),
            Reading::Boilerplate(verdict) => Some((span, verdict)),
            Reading::Article | Reading::Other => None,
        })
        .collect();
    Some(parts)
}

/// Which lines of `text` are boilerplate. Lines marked in `skip` (whole-line metadata)
/// are not judged but count as removed neighbours.
pub(crate) fn flag(text: &str, lines: &[Line], skip: &[bool]) -> Vec<Option<Verdict>> {
    // The lines that have content, in order.
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank(text))
        .collect();
    let line_text = |i: usize| lines[i].trimmed(text).text(text);
    let mut scores: Vec<Evidence> = vec![Evidence::default(); lines.len()];
    for &i in content.iter().filter(|&&i| !skip[i]) {
        scores[i] = evidence(line_text(i), false);
    }
    // The headline is the first line that is not boilerplate by what it says; being
    // short is no evidence against it.
    let headline = content
        .iter()
        .copied()
        .find(|&i| !skip[i] && scores[i].total - scores[i].short < THRESHOLD);
    if let Some(i) = headline {
        scores[i] = evidence(line_text(i), true);
    }
    let mut flagged: Vec<Option<Verdict>> = vec![None; lines.len()];
    let mut removed = skip.to_vec();
    let mut long = vec![false; lines.len()];
    for &i in content.iter().filter(|&&i| !skip[i]) {
        long[i] = word_count(line_text(i)) > NEIGHBOUR_MAX_WORDS;
        if scores[i].total >= THRESHOLD {
            let (_, category) = scores[i].best.expect("evidence has a category");
            flagged[i] = Some(Verdict {
                category,
                by_neighbour: false,
            });
            removed[i] = true;
        }
    }
    // Under a navigation heading ("Mehr zum Thema", "Related") stands a list of other
    // articles' titles.
    for (k, &i) in content.iter().enumerate() {
        let heading = flagged[i]
            .is_some_and(|v| v.category == Category::Navigation && !v.by_neighbour)
            && word_count(line_text(i)) <= RELATED_HEADING_WORDS;
        if !heading {
            continue;
        }
        for &j in &content[k + 1..] {
            if removed[j] || Some(j) == headline || !is_title(line_text(j)) {
                break;
            }
            flagged[j] = Some(Verdict {
                category: Category::Navigation,
                by_neighbour: true,
            });
            removed[j] = true;
        }
    }
    // Boilerplate comes in blocks: a line with weak evidence of its own is flagged next
    // to a removed line, until nothing changes.
    loop {
        let mut changed = false;
        for (k, &i) in content.iter().enumerate() {
            if removed[i] || long[i] || scores[i].total + NEIGHBOUR < THRESHOLD {
                continue;
            }
            let before = k.checked_sub(1).map(|k| content[k]);
            let after = content.get(k + 1).copied();
            if before.is_some_and(|j| removed[j]) || after.is_some_and(|j| removed[j]) {
                let (_, category) = scores[i].best.expect("evidence has a category");
                flagged[i] = Some(Verdict {
                    category,
                    by_neighbour: true,
                });
                removed[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    flagged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::lines::lines;

    /// The boilerplate lines of `text`, trimmed.
    fn flagged(text: &str) -> Vec<&str> {
        let lines = lines(text);
        let skip = vec![false; lines.len()];
        flag(text, &lines, &skip)
            .iter()
            .zip(&lines)
            .filter(|(verdict, _)| verdict.is_some())
            .map(|(_, line)| line.trimmed(text).text(text))
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $expected:expr) => {
            #[test]
            fn $name() {
                let expected: &[&str] = &$expected;
                assert_eq!(flagged($text), expected);
            }
        };
    }

    const ARTICLE: &str =
        "Die Regierung hat am Montag ein neues Gesetz beschlossen, das den Handel regelt.";

    // German
    t!(
        de_related,
        &format!("Titel des Artikels\n\n{ARTICLE}\n\nLesen Sie auch: Neue Regeln für Banken\n"),
        ["Lesen Sie auch: Neue Regeln für Banken"]
    );
    t!(
        de_share_and_newsletter,
        &format!(
            "Titel\n{ARTICLE}\nJetzt den kostenlosen Newsletter abonnieren!\nArtikel teilen\n"
        ),
        [
            "Jetzt den kostenlosen Newsletter abonnieren!",
            "Artikel teilen"
        ]
    );
    t!(
        de_report_of_a_donation_call_next_to_a_share_line_is_article_text,
        &format!(
            "Titel\n{ARTICLE}\nTeilen Sie diesen Artikel auf Facebook\n\
             Die Hilfsorganisation rief zu Spenden für die Erdbebenopfer in der Türkei auf.\n"
        ),
        ["Teilen Sie diesen Artikel auf Facebook"]
    );
    t!(
        de_question_to_the_reader_next_to_a_share_line_is_boilerplate,
        &format!(
            "Titel\n{ARTICLE}\nTeilen Sie diesen Artikel auf Facebook\n\
             Sie interessieren sich für die Lage der Erdbebenopfer in der Türkei?\n"
        ),
        [
            "Teilen Sie diesen Artikel auf Facebook",
            "Sie interessieren sich für die Lage der Erdbebenopfer in der Türkei?"
        ]
    );
    t!(
        de_photo_credit,
        &format!("Titel\nFoto: dpa/Michael Kappeler\n{ARTICLE}\n"),
        ["Foto: dpa/Michael Kappeler"]
    );
    t!(
        de_byline_and_dateline,
        &format!("Titel\nVon Anna Berger\nBerlin, 5. November 2025\n{ARTICLE}\n"),
        ["Von Anna Berger", "Berlin, 5. November 2025"]
    );
    t!(
        de_contact,
        &format!("Titel\n{ARTICLE}\nHinweise bitte an tipps@zeitung-beispiel.de\n"),
        ["Hinweise bitte an tipps@zeitung-beispiel.de"]
    );
    t!(
        de_donation_block,
        &format!(
            "Titel\n{ARTICLE}\nSie interessieren sich für Außenpolitik?\nUnterstützen Sie unsere Arbeit mit einer Spende.\n"
        ),
        [
            "Sie interessieren sich für Außenpolitik?",
            "Unterstützen Sie unsere Arbeit mit einer Spende."
        ]
    );
    // English
    t!(
        en_comment_box,
        &format!("Title\n{ARTICLE}\nDiscussion\nJoin the conversation\nBe the first to comment\n"),
        [
            "Discussion",
            "Join the conversation",
            "Be the first to comment"
        ]
    );
    t!(
        en_credit_and_read_more,
        "Storm hits the coast\nPhoto: Jane Roe/Getty Images\nThe storm reached the coast on Monday night and cut power to thousands of homes.\nRead more: How storms form\n",
        ["Photo: Jane Roe/Getty Images", "Read more: How storms form"]
    );
    t!(
        en_cookie_notice,
        "Storm hits the coast\nThe storm reached the coast on Monday night and cut power to thousands of homes.\nWe use cookies to improve your experience. By continuing to use this site you agree to our cookie policy.\n",
        [
            "We use cookies to improve your experience. By continuing to use this site you agree to our cookie policy."
        ]
    );
    // Spanish, French, Italian, Portuguese, Dutch
    t!(
        es_related,
        "Sube el precio del aceite\nEl precio del aceite subió un diez por ciento en octubre, según los productores.\nTe puede interesar\nSíguenos en Facebook y X\n",
        ["Te puede interesar", "Síguenos en Facebook y X"]
    );
    t!(
        fr_related,
        "La grève continue\nLes syndicats ont appelé à une nouvelle journée de grève jeudi prochain.\nÀ lire aussi : la réforme expliquée\n",
        ["À lire aussi : la réforme expliquée"]
    );
    t!(
        it_related,
        "Sciopero dei treni\nI sindacati hanno proclamato uno sciopero nazionale per venerdì prossimo.\nLeggi anche: le date degli scioperi\n",
        ["Leggi anche: le date degli scioperi"]
    );
    t!(
        pt_related,
        "Greve nos transportes\nOs sindicatos convocaram uma nova greve para a próxima sexta-feira.\nLeia também: o calendário das greves\n",
        ["Leia também: o calendário das greves"]
    );
    t!(
        nl_related,
        "Staking bij de spoorwegen\nDe vakbonden hebben voor vrijdag een nieuwe staking aangekondigd.\nLees ook: dit zijn de gevolgen\n",
        ["Lees ook: dit zijn de gevolgen"]
    );
    // Structure
    t!(
        menu_line,
        &format!("Titel\nStartseite > Politik > Ausland\n{ARTICLE}\n"),
        ["Startseite > Politik > Ausland"]
    );
    t!(
        bare_url,
        &format!("Titel\n{ARTICLE}\nhttps://www.example.org/artikel/12345\n"),
        ["https://www.example.org/artikel/12345"]
    );

    // Negative cases: articles with short lines, headlines, names and quotes.
    t!(
        headline_is_kept,
        &format!("Trump droht Mexiko\n\n{ARTICLE}\n"),
        []
    );
    t!(
        subheadings_are_kept,
        &format!(
            "Titel\n\n{ARTICLE}\n\nGeheime Planungen – und ein Bruch mit Tabus\n\n{ARTICLE}\n\nTrump will hart durchgreifen\n\n{ARTICLE}\n"
        ),
        []
    );
    t!(
        a_lone_short_line_is_kept,
        &format!("Titel\n\n{ARTICLE}\n\nHintergrund\n\n{ARTICLE}\n"),
        []
    );
    t!(
        names_are_kept,
        &format!("Titel\n{ARTICLE}\nClaudia Sheinbaum und Donald Trump.\n"),
        []
    );
    t!(
        quotes_introduced_by_colon_are_kept,
        &format!(
            "Titel\nEin hoher Regierungsvertreter sagte laut NBC:\n„Wir werden nicht länger zusehen.“\n{ARTICLE}\n"
        ),
        []
    );
    t!(
        reporting_on_photos_is_kept,
        &format!("Titel\nDas Foto zeigt den Präsidenten beim Verlassen des Gebäudes.\n{ARTICLE}\n"),
        []
    );
    t!(
        news_about_newsletters_is_kept,
        "Title\nThe company said its newsletter had reached two million readers, a record for the group.\n",
        []
    );
    t!(
        long_paragraph_with_weak_cues_is_kept,
        &format!(
            "Titel\nFoto: dpa\nWer sein Geld ohne Beratung anlegen will, kann bei den sogenannten Discount-Brokern sparen, die weniger Gebühren verlangen als Filialbanken und oft auch einen Rabatt auf den Ausgabeaufschlag von Fonds gewähren.\n{ARTICLE}\n"
        ),
        ["Foto: dpa"]
    );
    t!(
        agencies_in_text_are_kept,
        "Title\nReuters reported on Monday that the talks had failed after two days of negotiations.\n",
        []
    );

    /// The parts `parts_of_article_line` finds in `line`, or `None` for the whole line.
    fn parts_of(line: &str) -> Option<Vec<&str>> {
        let sentences = crate::text::sentences::Segmenter::new(crate::Lang::De).segment(line);
        parts_of_article_line(line, &sentences)
            .map(|found| found.iter().map(|(span, _)| span.text(line)).collect())
    }

    #[test]
    fn a_line_of_article_text_loses_only_its_boilerplate_sentences() {
        assert_eq!(
            parts_of(
                "Die Regierung in Berlin hat am Montag neue Regeln beschlossen. Foto: \
                 Reuters. Die Opposition kritisierte den Plan scharf."
            ),
            Some(vec!["Foto: Reuters."])
        );
        // A call to the reader has evidence in every sentence.
        assert_eq!(
            parts_of("Sie wollen nichts verpassen? Melden Sie sich für unseren Newsletter an."),
            None
        );
        assert_eq!(
            parts_of("Jetzt den kostenlosen Newsletter abonnieren!"),
            None
        );
    }

    #[test]
    fn a_caption_or_a_box_goes_with_its_credit_or_call() {
        for line in [
            "Bildunterschrift: Helfer füllen am Donnerstagabend Sandsäcke auf dem Marktplatz. \
             Foto: Jens Hartung",
            "Wir versorgen Sie mit Nachrichten und Hintergründen aus Lateinamerika. \
             Unterstützen Sie uns mit einer Spende.",
            // A label announces its caption: nothing is glued to it.
            "Bild: Spieler der Eintracht jubeln nach dem Siegtreffer. (Foto: IMAGO/Sportfoto \
             Rudel)",
            "Photograph: Aid trucks queue at the crossing on Wednesday. Credit: Mohamed \
             Hassan/AFP via Getty Images",
        ] {
            assert_eq!(parts_of(line), None, "{line}");
        }
    }

    #[test]
    fn a_cue_glued_to_article_text_is_all_that_goes() {
        // A share prompt glued to the paragraph without a full stop made the first
        // sentence boilerplate, and the line with its one other sentence went whole.
        assert_eq!(
            parts_of(
                "Teilen Sie diesen Artikel Die Regierung hat am Montag einen Plan \
                 vorgestellt. Der Minister sagte, man werde die Steuern senken."
            ),
            Some(vec!["Teilen Sie diesen Artikel"])
        );
        assert_eq!(
            parts_of(
                "Teilen Sie diesen Artikel Die Regierung hat am Montag einen Plan vorgestellt."
            ),
            Some(vec!["Teilen Sie diesen Artikel"])
        );
        assert_eq!(
            parts_of("Share this article The government presented its plan on Monday."),
            Some(vec!["Share this article"])
        );
    }

    #[test]
    fn a_cue_that_is_no_glued_prompt_takes_its_sentence() {
        for line in [
            // What follows the phrase goes on with it, in lowercase.
            "We use cookies to improve your experience. By continuing to use this site you \
             agree to our cookie policy.",
            // The phrase further in is what the sentence says.
            "Sie wollen nichts verpassen? Melden Sie sich für unseren Newsletter an.",
            "Unterstützen Sie unsere Arbeit mit einer Spende.",
            "Lesen Sie auch: Neue Regeln für Banken",
            "Foto: dpa/Michael Kappeler",
            // A caption after the credit, not a statement.
            "Foto: dpa Die Minister in Berlin",
            // A caption after the label, with no credit before it.
            "Bild: Die Minister bei der Sitzung in Berlin am Montag nach den Gesprächen.",
        ] {
            assert_eq!(parts_of(line), None, "{line}");
        }
    }

    #[test]
    fn a_credit_glued_to_article_text_goes_with_its_label_only() {
        for (line, credit) in [
            (
                "Foto: dpa Die Minister einigten sich nach langen Verhandlungen auf einen \
                 Kompromiss.",
                "Foto: dpa",
            ),
            (
                "Foto: Jens Hartung Die Minister einigten sich nach langen Verhandlungen.",
                "Foto: Jens Hartung",
            ),
            (
                "Foto: dpa/Michael Kappeler Der Kanzler sprach am Abend vor dem Parlament.",
                "Foto: dpa/Michael Kappeler",
            ),
            (
                "Quelle: Statistisches Bundesamt Die Zahl der Arbeitslosen stieg im März.",
                "Quelle: Statistisches Bundesamt",
            ),
            (
                "Photo: Reuters The ministers agreed on a compromise after long talks.",
                "Photo: Reuters",
            ),
        ] {
            assert_eq!(parts_of(line), Some(vec![credit]), "{line}");
        }
    }
}
