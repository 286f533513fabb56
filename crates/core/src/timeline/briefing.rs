//! The state of play in one paragraph, built from the latest report of
//! each figure, the open disagreements and the next deadline. Sentences are
//! templates filled with extracted facts, each naming its source and date,
//! so nothing in the paragraph is unsourced.

use super::{Contradiction, Development, Series, State};
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

/// The series with a report, most recently reported first; among those
/// last reported at the same time (every figure of a one-article story),
/// the ones about someone the headline names come first, so the brief of
/// "Liverpool sign Szoboszlai for £60m" is Szoboszlai's fee, not another
/// player's the article also mentions.
fn latest_first<'a>(series: &'a [Series], headline: &str) -> Vec<&'a Series> {
    let headline = headline.to_lowercase();
    let named = |s: &Series| {
        s.subject.as_deref().is_some_and(|subject| {
            subject
                .split_whitespace()
                .filter(|word| word.chars().count() >= MIN_NAME_CHARS)
                .any(|word| headline.contains(&word.to_lowercase()))
        })
    };
    let mut latest: Vec<&Series> = series.iter().filter(|s| !s.points.is_empty()).collect();
    latest.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.points.last().and_then(|p| p.date)),
            !named(s),
        )
    });
    latest
}

/// The shortest word of a subject's name looked for in the headline:
/// "Jo" or "de" would match inside other words.
const MIN_NAME_CHARS: usize = 4;

/// Writes the state of play; `headline` is the story's title.
pub fn state_of_play(
    series: &[Series],
    contradictions: &[Contradiction],
    timeline: &[Development],
    headline: &str,
) -> String {
    let mut sentences: Vec<String> = Vec::new();
    for s in latest_first(series, headline).into_iter().take(MAX_FIGURES) {
        if let Some(sentence) = figure_sentence(s, true) {
            sentences.push(sentence);
        }
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
/// disagree on; `None` when the story reports no figure. `headline` is the
/// story's title.
pub fn state_of_play_line(
    series: &[Series],
    contradictions: &[Contradiction],
    headline: &str,
) -> Option<String> {
    let latest = *latest_first(series, headline).first()?;
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
        let line = state_of_play_line(
            &series,
            &find_contradictions(&claims),
            "Liverpool complete the signing of Dominik Szoboszlai",
        );
        let line = line.unwrap_or_default();
        assert!(
            line.contains("Szoboszlai") && line.contains("£60m"),
            "{line}"
        );
        let other = state_of_play_line(
            &series,
            &[],
            "Liverpool complete the signing of Alexis Mac Allister",
        );
        let other = other.unwrap_or_default();
        assert!(
            other.contains("Mac Allister") && other.contains("£35m"),
            "{other}"
        );
    }
}
