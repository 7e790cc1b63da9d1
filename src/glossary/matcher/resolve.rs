//! Turning the forms found at each place into mentions of one concept each, or into
//! ambiguities: a short form counts only for the concepts the document names in full,
//! and a form several concepts share goes to the one that has it in the document's
//! language.

use rustc_hash::FxHashSet;

use super::full_stop::dot_still_needed;
use super::{Ambiguity, AmbiguousMention, Hit, Matcher, Mention, Mentions};
use crate::Lang;
use crate::glossary::TermStatus;
use crate::glossary::adjective_endings::article_before;
use crate::text::Span;

impl Matcher {
    /// Turns the hits of each place into a mention, or an ambiguous one when they do not
    /// settle on one concept.
    pub(super) fn resolve(&self, text: &str, found: Vec<Vec<Hit>>, lang: Lang) -> Mentions {
        let named_in_full: FxHashSet<usize> = found
            .iter()
            .flatten()
            .filter(|h| !self.forms[h.form].short)
            .map(|h| self.forms[h.form].concept)
            .collect();
        let mut result = Mentions::default();
        for (k, hits) in found.iter().enumerate() {
            let span = hits[0].span;
            let mut concepts: Vec<usize> =
                hits.iter().map(|h| self.forms[h.form].concept).collect();
            concepts.sort_unstable();
            concepts.dedup();
            let short = hits.iter().all(|h| self.forms[h.form].short);
            if short {
                concepts.retain(|c| named_in_full.contains(c));
            }
            if concepts.len() > 1
                && let Some(concept) = self.only_one_in(lang, hits, &concepts)
            {
                concepts = vec![concept];
            }
            if let [concept] = concepts[..] {
                let hit = self.closest(hits, concept, lang);
                let name_after = found.get(k + 1).filter(|next| self.is_person(next));
                let name_after = name_after.map(|next| next[0].span);
                result
                    .mentions
                    .push(self.mention(text, span, hit, lang, name_after));
                continue;
            }
            let mut candidates: Vec<String> = hits
                .iter()
                .map(|h| self.ids[self.forms[h.form].concept].clone())
                .collect();
            candidates.sort();
            candidates.dedup();
            result.ambiguous.push(AmbiguousMention {
                start: span.start,
                end: span.end,
                text: span.text(text).to_string(),
                candidates,
                reason: match (short, concepts.is_empty()) {
                    (true, true) => Ambiguity::NotNamedInFull,
                    (true, false) => Ambiguity::SeveralNamedInFull,
                    (false, _) => Ambiguity::SharedForm,
                },
            });
        }
        result
    }

    /// Of `concepts`, the one whose form found here is a term of `lang`, when exactly
    /// one is: in German text a form the glossary gives one concept in German and
    /// another in French is the German concept's.
    fn only_one_in(&self, lang: Lang, hits: &[Hit], concepts: &[usize]) -> Option<usize> {
        let in_lang = |c: &usize| {
            hits.iter().any(|h| {
                let form = &self.forms[h.form];
                form.concept == *c && form.uses.iter().any(|u| u.lang == lang)
            })
        };
        let mut found = concepts.iter().filter(|c| in_lang(c));
        match (found.next(), found.next()) {
            (Some(&concept), None) => Some(concept),
            _ => None,
        }
    }

    /// The hit of `concept` a mention is reported as, among hits equally close: the
    /// preferred term of `lang` when the text is one of its forms as written; otherwise
    /// a variant, as the text departs from the preferred term at least as much as from
    /// it ("Nicolàs" is as far from "Nicolás" as from the deprecated "Nicolas").
    fn closest<'h>(&self, hits: &'h [Hit], concept: usize, lang: Lang) -> &'h Hit {
        let preferred = |h: &Hit| {
            self.forms[h.form]
                .uses
                .iter()
                .any(|u| u.lang == lang && u.status == TermStatus::Preferred)
        };
        let of_concept = || {
            hits.iter()
                .filter(|h| self.forms[h.form].concept == concept)
        };
        let first = of_concept().next().expect("a hit of the resolved concept");
        let wanted = |h: &&Hit| preferred(h) == (first.distance == 0);
        of_concept().find(wanted).unwrap_or(first)
    }

    /// Whether every form found at a place is a person's name.
    fn is_person(&self, hits: &[Hit]) -> bool {
        hits.iter()
            .all(|h| self.persons[self.forms[h.form].concept])
    }

    /// The mention of `hit`, found at `span`; `name_after` is where the next place the
    /// matcher found is, if it is a person's name.
    fn mention(
        &self,
        text: &str,
        span: Span,
        hit: &Hit,
        lang: Lang,
        name_after: Option<Span>,
    ) -> Mention {
        let form = &self.forms[hit.form];
        let use_ = form
            .uses
            .iter()
            .find(|u| u.lang == lang)
            .unwrap_or(&form.uses[0]);
        let written = span.text(text);
        let rest = &text[span.end..];
        // Where in `rest` the name is.
        let name = name_after.map(|n| Span::new(n.start - span.end, n.end - span.end));
        Mention {
            concept: self.ids[form.concept].clone(),
            start: span.start,
            end: span.end,
            text: written.to_string(),
            term: form.text.clone(),
            lang: use_.lang,
            status: use_.status,
            exact: hit.distance == 0,
            // Words end in letters or digits and name marks are no dots: a final dot is
            // the term's own.
            shared_dot: written.ends_with('.') && dot_still_needed(rest, lang, name),
            dot_after: !written.ends_with('.') && rest.starts_with('.'),
            article_before: (lang == Lang::De)
                .then(|| article_before(&text[..span.start]))
                .flatten()
                .map(str::to_string),
        }
    }
}
