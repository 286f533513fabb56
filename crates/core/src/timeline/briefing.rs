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

/// Writes the state of play.
pub fn state_of_play(
    series: &[Series],
    contradictions: &[Contradiction],
    timeline: &[Development],
) -> String {
    let mut latest: Vec<&Series> = series.iter().filter(|s| !s.points.is_empty()).collect();
    latest.sort_by_key(|s| std::cmp::Reverse(s.points.last().and_then(|p| p.date)));
    let mut sentences: Vec<String> = Vec::new();
    for s in latest.into_iter().take(MAX_FIGURES) {
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
/// disagree on; `None` when the story reports no figure.
pub fn state_of_play_line(series: &[Series], contradictions: &[Contradiction]) -> Option<String> {
    let latest = series
        .iter()
        .filter(|s| !s.points.is_empty())
        .min_by_key(|s| std::cmp::Reverse(s.points.last().and_then(|p| p.date)))?;
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
