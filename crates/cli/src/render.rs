//! Plain-text rendering for people: aligned columns, dates as `YYYY-MM-DD`,
//! long titles cut with an ellipsis.

mod explain;

pub use explain::explain;
use std::fmt::Write;
use storyline_core::facts::names::EntitySummary;
use storyline_core::facts::{StoryClaim, figure_line, source_label};
use storyline_core::model::{outlet_label, outlet_list};
use storyline_core::store::SearchHit;
use storyline_core::view::article::ArticleDetail;
use storyline_core::view::{StoryDetail, StorySummary};
use storyline_core::{Article, ArticleId, Store, StoreError};
use storyline_extract::claims::ClaimStatus;

/// The day of a timestamp in UTC, or `undated`.
fn day(ts: Option<jiff::Timestamp>) -> String {
    ts.map_or_else(
        || "undated".to_string(),
        |t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string(),
    )
}

fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `storyline articles`: one line each.
pub fn articles(articles: &[Article]) -> String {
    let mut out = String::new();
    for a in articles {
        let story = a.story.as_ref().map_or("-".to_string(), |s| s.0.clone());
        let dup = a
            .duplicate_of
            .as_ref()
            .map_or(String::new(), |d| format!(" (copy of {d})"));
        let _ = writeln!(
            out,
            "{}  {:<10}  {:<18}  {:<13}  {}{}",
            a.id,
            day(a.published_at),
            cut(outlet_label(a.outlet()), 18),
            story,
            cut(&a.title, 80),
            dup
        );
    }
    if articles.is_empty() {
        out.push_str("no articles stored yet (add some with `storyline ingest PATH`)\n");
    }
    out
}

/// `storyline stories`: one line each.
pub fn stories(stories: &[StorySummary], filtered: bool) -> String {
    let mut out = String::new();
    for s in stories {
        let _ = writeln!(
            out,
            "{}  {:>3} articles  {} – {}  {}",
            s.id,
            s.article_count,
            day(s.first_published_at),
            day(s.last_published_at),
            cut(&s.title, 80)
        );
        if let Some(state) = &s.state_of_play {
            for line in wrap(state, 88) {
                let _ = writeln!(out, "{:14}{line}", "");
            }
        }
    }
    if stories.is_empty() && filtered {
        out.push_str("no story matches these filters\n");
    } else if stories.is_empty() {
        out.push_str("no stories yet (add articles with `storyline ingest PATH`)\n");
    }
    out
}

/// A story as a briefing: header, state of play, timeline of developments,
/// figure series, disagreements, articles.
pub fn story(
    summary: &StorySummary,
    detail: &StoryDetail,
    store: &dyn Store,
) -> Result<String, StoreError> {
    let mut out = String::new();
    let _ = writeln!(out, "{}", detail.title);
    let _ = writeln!(
        out,
        "story {} · {} article{} · {} – {} · {}",
        detail.id,
        summary.article_count,
        if summary.article_count == 1 { "" } else { "s" },
        day(summary.first_published_at),
        day(summary.last_published_at),
        outlet_list(&summary.outlets)
    );
    if let Some(asked) = &detail.resolved_from {
        let _ = writeln!(out, "(story {asked} was merged into story {})", detail.id);
    }
    for merged in &detail.merged_from {
        let _ = writeln!(
            out,
            "merged from story {} “{}” (bridged by article {})",
            merged.id, merged.title, merged.merged_by
        );
    }
    if !detail.copies.is_empty() {
        // Copies add URLs, not sources: say so once, below the header.
        let _ = writeln!(
            out,
            "{} independent source{} · {} cop{} not counted: {}",
            detail.independent_sources,
            if detail.independent_sources == 1 {
                ""
            } else {
                "s"
            },
            detail.copies.len(),
            if detail.copies.len() == 1 { "y" } else { "ies" },
            detail
                .copies
                .iter()
                .map(|c| c.url.as_deref().or(c.path.as_deref()).unwrap_or("?"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let Some(since) = detail.since {
        let _ = writeln!(out, "showing only what was published after {since}");
    }
    if !detail.briefing.is_empty() {
        let _ = writeln!(out, "\nState of play");
        for line in wrap(&detail.briefing, 88) {
            let _ = writeln!(out, "  {line}");
        }
    }
    let claim_text = |id: &String| {
        detail.claims.iter().find(|c| &c.id == id).map(|c| {
            let status = c
                .status
                .map(|s| format!(" {}", status_name(s)))
                .unwrap_or_default();
            format!("{}{status}", c.label())
        })
    };
    if !detail.timeline.is_empty() {
        let _ = writeln!(out, "\nTimeline");
        for entry in &detail.timeline {
            let date = entry
                .date
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            let mark = if entry.upcoming { "upcoming: " } else { "" };
            let _ = writeln!(out, "  {date:<10}  {mark}{}", cut(&entry.headline, 100));
            let mut who = outlet_list(&entry.sources);
            if !entry.attributed_to.is_empty() {
                let credited: Vec<&str> = entry
                    .attributed_to
                    .iter()
                    .map(|a| source_label(a))
                    .collect();
                let _ = write!(who, " (citing {})", credited.join(", "));
            }
            if entry.independent_confirmations > 0 {
                let _ = write!(
                    who,
                    "; confirmed independently by {}",
                    entry.independent_confirmations
                );
            }
            let _ = writeln!(out, "  {:<10}  {}", "", who);
            let figures = figure_line(entry.claims.iter().filter_map(claim_text));
            if !figures.is_empty() {
                let _ = writeln!(out, "  {:<10}  figures: {figures}", "");
            }
        }
    }
    if !detail.series.is_empty() {
        let _ = writeln!(out, "\nFigures");
        for series in &detail.series {
            let _ = writeln!(out, "  {}", series.label());
            for point in &series.points {
                let status = point.status.map(status_name).unwrap_or("");
                let credit = point
                    .attributed_to
                    .as_ref()
                    .map(|a| format!(", citing {}", source_label(a)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    {:<10}  {:<12} {:<14} {}{credit}",
                    day(point.date),
                    point.amount.display(),
                    status,
                    outlet_label(&point.source)
                );
            }
        }
    }
    if !detail.contradictions.is_empty() {
        let _ = writeln!(out, "\nDisagreements");
        for c in &detail.contradictions {
            let about = [
                c.holder.as_deref(),
                Some(&c.kind.replace('_', " ")),
                c.subject.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            let state = match (&c.state, &c.resolved_by) {
                (storyline_core::timeline::State::Resolved, Some(by)) => {
                    format!("resolved by {by}")
                }
                (storyline_core::timeline::State::Resolved, None) => "resolved".to_string(),
                _ => "open".to_string(),
            };
            let _ = writeln!(out, "  {about} — differs in {} ({state})", c.about);
            for side in &c.sides {
                let _ = writeln!(
                    out,
                    "    {:<34} {}",
                    cut(&side.value, 34),
                    outlet_list(&side.sources)
                );
            }
        }
    }
    if !detail.articles.is_empty() {
        let _ = writeln!(out, "\nArticles");
        for a in &detail.articles {
            let (outlet, title) = article_line(store, &a.id)?;
            let _ = writeln!(
                out,
                "  {:<10}  {:<18}  {}",
                day(a.published_at),
                cut(&outlet, 18),
                cut(&title, 90)
            );
        }
    }
    Ok(out)
}

fn status_name(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Planned => "being prepared",
        ClaimStatus::Made => "made",
        ClaimStatus::Rejected => "rejected",
        ClaimStatus::Accepted => "accepted",
        ClaimStatus::Considering => "considering",
    }
}

/// Splits `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `storyline article ID`: metadata, text, entities, figures, copies.
pub fn article(detail: &ArticleDetail) -> String {
    let s = &detail.summary;
    let mut out = String::new();
    let _ = writeln!(out, "{}", s.title);
    let _ = writeln!(
        out,
        "article {} · {} · {}{}",
        s.id,
        outlet_label(
            s.source_domain
                .as_deref()
                .unwrap_or(storyline_core::model::UNKNOWN_OUTLET)
        ),
        day(s.published_at),
        s.story
            .as_ref()
            .map_or(String::new(), |st| format!(" · story {st}"))
    );
    if let Some(url) = &s.url {
        let _ = writeln!(out, "{url}");
    }
    if let Some(original) = &s.duplicate_of {
        let _ = writeln!(out, "copy of {original}");
    }
    if !detail.authors.is_empty() {
        let _ = writeln!(out, "by {}", detail.authors.join(", "));
    }
    if let Some(note) = detail.extraction_note() {
        let _ = writeln!(out, "note: {note}");
    }
    out.push('\n');
    if let Some(lead) = &s.lead {
        let _ = writeln!(out, "{lead}\n");
    }
    let _ = writeln!(out, "{}", detail.body.trim_end());
    let _ = writeln!(out, "\nEntities");
    for line in entities(&detail.entities).lines() {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\nFigures");
    for line in claims(&detail.claims).lines() {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\nCopies");
    if detail.duplicates.is_empty() {
        let _ = writeln!(out, "  none stored");
    }
    for id in &detail.duplicates {
        let _ = writeln!(out, "  {id}");
    }
    out
}

/// `storyline claims`: one line per figure.
pub fn claims(claims: &[StoryClaim]) -> String {
    let mut out = String::new();
    for c in claims.iter().filter(|c| c.same_as.is_none()) {
        let mut notes = Vec::new();
        if let Some(total) = &c.part_of {
            notes.push(format!("part of {total}"));
        }
        if c.historic {
            notes.push("background".to_string());
        }
        if !c.inferred.is_empty() {
            notes.push(format!("inferred: {}", c.inferred.join(", ")));
        }
        let _ = writeln!(
            out,
            "{:<10}  {:<14} {:<20} {:<18} {:<18} {:<14} {:<18} {}",
            day(c.published_at),
            c.kind,
            cut(&c.value_text(), 20),
            cut(c.subject.as_deref().unwrap_or("-"), 18),
            cut(c.holder.as_deref().unwrap_or("-"), 18),
            c.status.map(status_name).unwrap_or("-"),
            cut(c.attributed_to.as_deref().unwrap_or("-"), 18),
            notes.join("; ")
        );
    }
    if claims.is_empty() {
        out.push_str("no figures found\n");
    }
    out
}

/// `storyline entities`: one line per entity.
pub fn entities(entities: &[EntitySummary]) -> String {
    let mut out = String::new();
    for e in entities {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<30} {:<13} {:>4}  {}",
            cut(&e.name, 30),
            kind,
            e.mentions,
            e.aliases.join(" | ")
        );
    }
    if entities.is_empty() {
        out.push_str("no entities found\n");
    }
    out
}

fn article_line(store: &dyn Store, id: &ArticleId) -> Result<(String, String), StoreError> {
    Ok(store
        .article(id)?
        .map(|a| (outlet_label(a.outlet()).to_string(), a.title))
        .unwrap_or_else(|| ("?".into(), format!("(article {id} missing)"))))
}

/// `storyline search`: title and snippet per hit.
pub fn search(hits: &[SearchHit]) -> String {
    let mut out = String::new();
    for hit in hits {
        let _ = writeln!(out, "{}  {}", hit.article, cut(&hit.title, 90));
        let _ = writeln!(out, "    {}", hit.snippet.replace('\n', " "));
    }
    out
}
