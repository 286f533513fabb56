//! The state of play in one paragraph, built from the latest report of
//! each figure, the open disagreements and the next deadline. Sentences are
//! templates filled with extracted facts, each naming its source and date,
//! so nothing in the paragraph is unsourced.

use super::tally::grouped;
use super::{Contradiction, Development, Series, State, Tally};
use crate::facts::source_label;
use jiff::tz::TimeZone;
use storyline_extract::claims::ClaimStatus;

/// How many figures the paragraph mentions at most.
const MAX_FIGURES: usize = 3;

fn status_words(status: Option<ClaimStatus>) -> &'static str {
    match status {
        Some(ClaimStatus::Planned) => " (being prepared)",
        Some(ClaimStatus::Made) => " (made)",
        Some(ClaimStatus::Rejected) => " (rejected)",
        Some(ClaimStatus::Accepted) => " (accepted)",
        Some(ClaimStatus::Considering) => " (under consideration)",
        None => "",
    }
}

/// The series with a report, those about someone the story's headline
/// names first, then most recently reported first. So the brief of
/// Haaland's move is Haaland's fee even when the last report also quoted
/// another player's wage, and the brief of "Liverpool sign Szoboszlai for
/// £60m" is Szoboszlai's fee, not another player's the article also
/// mentions. (The subject most figures are about was tried as well: on
/// stories-dev it picked misread subjects, "Stand Up Strike".)
fn latest_first<'a>(series: &'a [Series], headline: &str) -> Vec<&'a Series> {
    let names = headline_names(&[headline]);
    let named = |s: &Series| {
        s.subject
            .as_deref()
            .is_some_and(|subject| names_party(&names, subject, MIN_NAME_CHARS))
    };
    let mut latest: Vec<&Series> = series.iter().filter(|s| !s.points.is_empty()).collect();
    latest.sort_by_key(|s| {
        (
            !named(s),
            std::cmp::Reverse(s.points.last().and_then(|p| p.date)),
        )
    });
    latest
}

/// Names in headlines: their words that open with a capital ("strike" in
/// "as strike goes on" does not name "Stand Up Strike"), lowercased,
/// without the capitalized function words that open headlines.
fn headline_names(headlines: &[&str]) -> Vec<String> {
    headlines
        .iter()
        .flat_map(|h| h.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|word| !NOT_NAMES.contains(&word.as_str()))
        .collect()
}

/// Whether a word of `party`'s name at least `min_chars` long is among
/// the headline `names`.
fn names_party(names: &[String], party: &str, min_chars: usize) -> bool {
    party
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= min_chars)
        .any(|word| names.contains(&word.to_lowercase()))
}

/// The shortest word of a party's name looked for in the headlines when
/// deciding what a brief may quote ("PSG", "UBS" count).
const MIN_PARTY_CHARS: usize = 3;

/// The shortest word of a subject's name looked for in the headline:
/// "Jo" or "de" would match inside other words.
const MIN_NAME_CHARS: usize = 4;

/// Capitalized headline words that open a headline or a clause and name
/// nobody.
const NOT_NAMES: &[&str] = &[
    "the", "and", "for", "with", "from", "after", "how", "why", "what",
];

/// Words of a headline about money changing hands: a bid, a signing, a
/// sale, a wage (a few in other languages). Stem prefixes, except the
/// short words matched whole.
const DEAL_STEMS: &[&str] = &[
    "bid",
    "offer",
    "deal",
    "transfer",
    "agree",
    "loan",
    "acquir",
    "acquisition",
    "takeover",
    "valuation",
    "valued",
    "wage",
    "salar",
    "contract",
    "merger",
    "purchas",
    "oferta",
    "offert",
    "angebot",
    "offre",
    "fichaj",
    "traspaso",
    "ablöse",
    "tilboð",
    "kaup",
];

/// Deal words matched whole ("sign" would match "significant").
const DEAL_WORDS: &[&str] = &[
    "fee", "fees", "sign", "signs", "signed", "signing", "signings", "buy", "buys", "bought",
    "buying", "sell", "sells", "sold", "selling", "sale", "pay", "pays", "paid", "raise", "raises",
    "price", "priced", "bud",
];

/// Whether a headline is about a deal, so that the story's money figures
/// can speak for it. A story about a rocket launch or a market slump
/// quotes many sums, none of them what the story is about.
fn about_a_deal(headline: &str) -> bool {
    headline
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| DEAL_WORDS.contains(&w.as_str()) || DEAL_STEMS.iter().any(|s| w.starts_with(s)))
}

/// The series a brief may quote: none unless a headline is about a deal;
/// then those whose parties (subject and holder, each when known, at least
/// one known) the story's `headlines` name. A
/// figure whose parties no headline names was read from a sentence about
/// something else, or with its parties misread ("Delta's valuation for
/// Parker Solar Probe" in a story about a rocket launch); it stays in the
/// figure series but does not speak for the story.
fn headline_parties<'a>(series: Vec<&'a Series>, headlines: &[&str]) -> Vec<&'a Series> {
    if !headlines.iter().any(|h| about_a_deal(h)) {
        return Vec::new();
    }
    let words = headline_names(headlines);
    let named = |party: &str| names_party(&words, party, MIN_PARTY_CHARS);
    series
        .into_iter()
        .filter(|s| {
            (s.subject.is_some() || s.holder.is_some())
                && s.subject.as_deref().is_none_or(named)
                && s.holder.as_deref().is_none_or(named)
        })
        .collect()
}

/// Writes the state of play; `headline` is the story's title, `headlines`
/// its articles' (only figures whose parties they name are quoted), `tally`
/// the running count its headlines report (used when no money figure is
/// quoted).
pub fn state_of_play(
    series: &[Series],
    contradictions: &[Contradiction],
    timeline: &[Development],
    headline: &str,
    headlines: &[&str],
    tally: Option<&Tally>,
) -> String {
    let mut sentences: Vec<String> = Vec::new();
    let quoted = headline_parties(latest_first(series, headline), headlines);
    for s in quoted.into_iter().take(MAX_FIGURES) {
        if let Some(sentence) = figure_sentence(s, true) {
            sentences.push(sentence);
        }
    }
    if sentences.is_empty()
        && let Some(sentence) = tally.and_then(tally_sentence)
    {
        sentences.push(sentence);
    }
    let open = open_disagreements(contradictions);
    if open > 0 {
        sentences.push(format!(
            "Sources disagree on {open} point{}.",
            if open == 1 { "" } else { "s" }
        ));
    }
    if let Some(next) = timeline.iter().find(|d| d.upcoming) {
        let date = next.date.map(|d| d.to_string()).unwrap_or_default();
        sentences.push(format!("Next: {date} — \u{201c}{}\u{201d}", next.headline));
    }
    sentences.join(" ")
}

/// The state of play in one line, for story lists: the most recently
/// reported figure (the first sentence of [`state_of_play`], without the
/// figure's history), and how many points sources
/// disagree on; `None` when the story reports no figure whose parties its
/// `headlines` name. `headline` is the story's title.
pub fn state_of_play_line(
    series: &[Series],
    contradictions: &[Contradiction],
    headline: &str,
    headlines: &[&str],
) -> Option<String> {
    let latest = *headline_parties(latest_first(series, headline), headlines).first()?;
    let mut line = figure_sentence(latest, false)?;
    let open = open_disagreements(contradictions);
    if open > 0 {
        line.push_str(&format!(
            " Sources disagree on {open} point{}.",
            if open == 1 { "" } else { "s" }
        ));
    }
    Some(line)
}

/// One sentence on the running count's latest report: "Death toll:
/// 35,224 (first reported at 15,000) — outlet, 2023-02-13." Also the
/// one-line brief of a story list for a story without money figures.
pub fn tally_sentence(tally: &Tally) -> Option<String> {
    let last = tally.latest()?;
    let first = tally.points.first()?;
    let mut what = tally.what.clone();
    if let Some(initial) = what.get(..1) {
        what.replace_range(..1, &initial.to_uppercase());
    }
    let earlier = if first.value == last.value || first.published_at.is_none() {
        String::new()
    } else {
        format!(" (first reported at {})", grouped(first.value))
    };
    let when = last
        .published_at
        .map(|t| format!(", {}", t.to_zoned(TimeZone::UTC).date()))
        .unwrap_or_default();
    Some(format!(
        "{what}: {}{earlier} — {}{when}.",
        grouped(last.value),
        crate::model::outlet_label(&last.source),
    ))
}

/// How many contradictions are still open.
fn open_disagreements(contradictions: &[Contradiction]) -> usize {
    contradictions
        .iter()
        .filter(|c| c.state == State::Open)
        .count()
}

/// One sentence on a series' latest report, naming its source and date;
/// with `history`, also the value first reported.
fn figure_sentence(s: &Series, history: bool) -> Option<String> {
    let point = s.points.last()?;
    let whose = s
        .holder
        .as_ref()
        .map_or_else(|| "The".to_string(), |h| format!("{h}'s"));
    let about = s
        .subject
        .as_ref()
        .map_or_else(String::new, |subject| format!(" for {subject}"));
    let when = point
        .date
        .map(|d| format!(", {}", d.to_zoned(TimeZone::UTC).date()))
        .unwrap_or_default();
    let credit = point
        .attributed_to
        .as_ref()
        .map(|a| format!(", citing {}", source_label(a)))
        .unwrap_or_default();
    let earlier = match s.points.first() {
        Some(first) if history && s.points.len() > 1 => {
            format!(" (first reported at {})", first.amount.display())
        }
        _ => String::new(),
    };
    Some(format!(
        "{whose} {}{about}: {}{}{earlier} — {}{credit}{when}.",
        s.kind.replace('_', " "),
        point.amount.display(),
        status_words(point.status),
        crate::model::outlet_label(&point.source),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;
    use crate::timeline::{figure_series, find_contradictions};

    /// A one-article story whose text reports two signings on the same
    /// day: the brief gives the fee of the player the headline names.
    #[test]
    fn a_one_article_brief_gives_the_headline_players_figure() {
        let mut article = sample_article(
            2,
            "Liverpool complete the signing of Dominik Szoboszlai",
            "Liverpool have signed Alexis Mac Allister for a fee of £35m. Liverpool have also signed Dominik Szoboszlai for a fee of £60m.",
        );
        article.lead = None;
        let claims = crate::facts::story_claims(&[article], None);
        let series = figure_series(&claims);
        let title = "Liverpool complete the signing of Dominik Szoboszlai";
        let line = state_of_play_line(&series, &find_contradictions(&claims), title, &[title]);
        let line = line.unwrap_or_default();
        assert!(
            line.contains("Szoboszlai") && line.contains("£60m"),
            "{line}"
        );
        let title = "Liverpool complete the signing of Alexis Mac Allister";
        let other = state_of_play_line(&series, &[], title, &[title]);
        let other = other.unwrap_or_default();
        assert!(
            other.contains("Mac Allister") && other.contains("£35m"),
            "{other}"
        );
    }

    /// A later report that also quotes another player's wage does not push
    /// the headline player's fee out of first place; a lowercase word of
    /// the headline ("strike") names nobody.
    #[test]
    fn the_headline_players_figures_lead_the_brief_of_a_longer_story() {
        let first = sample_article(
            1,
            "City agree deal for Erling Haaland",
            "Manchester City have agreed a fee of £51m for Erling Haaland.",
        );
        let second = sample_article(
            2,
            "Haaland deal done as De Bruyne waits",
            "Kevin De Bruyne earns a wage of £385,000 a week.",
        );
        let claims = crate::facts::story_claims(&[first, second], None);
        let series = figure_series(&claims);
        let headlines = [
            "City agree deal for Erling Haaland",
            "Haaland deal done as De Bruyne waits",
        ];
        let line = state_of_play_line(&series, &[], headlines[0], &headlines).unwrap_or_default();
        assert!(line.contains("£51m"), "{line}");
        let title = "City agree deal as haaland waits";
        let line = state_of_play_line(&series, &[], title, &headlines).unwrap_or_default();
        assert!(line.contains("£385k"), "{line}");
    }

    /// A figure whose parties no headline names does not speak for the
    /// story: a rocket launch is not briefed with a valuation misread from
    /// a sentence about an airline.
    #[test]
    fn a_figure_about_parties_no_headline_names_is_not_the_brief() {
        let article = sample_article(
            1,
            "SpaceX launches Falcon Heavy rocket",
            "Delta Air Lines has agreed a fee of $389m for Parker Aerospace.",
        );
        let claims = crate::facts::story_claims(&[article], None);
        let series = figure_series(&claims);
        assert!(!series.is_empty(), "the figure is still charted");
        let title = "SpaceX launches Falcon Heavy rocket";
        assert_eq!(state_of_play_line(&series, &[], title, &[title]), None);
        let brief = state_of_play(&series, &[], &[], title, &[title], None);
        assert!(!brief.contains("$389m"), "{brief}");
        // A headline naming the parties but no deal: still not the brief.
        let named = "Delta Air Lines and Parker Aerospace at the air show";
        assert_eq!(state_of_play_line(&series, &[], named, &[named]), None);
        // Named by a headline about a deal, it is the brief.
        let named = "Delta Air Lines buys Parker Aerospace";
        let line = state_of_play_line(&series, &[], named, &[named]).unwrap_or_default();
        assert!(line.contains("$389m"), "{line}");
    }
}
