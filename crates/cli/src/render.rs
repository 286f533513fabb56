//! Plain-text rendering for people: aligned columns, dates as `YYYY-MM-DD`,
//! long titles cut with an ellipsis.

use std::fmt::Write;
use storyline_core::store::SearchHit;
use storyline_core::view::{StoryDetail, StorySummary};
use storyline_core::{Article, ArticleId, Store, StoreError};

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
            cut(a.outlet(), 18),
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
pub fn stories(stories: &[StorySummary]) -> String {
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
    }
    if stories.is_empty() {
        out.push_str("no stories yet (add articles with `storyline ingest PATH`)\n");
    }
    out
}

/// A story with its timeline: a header, then one block per day.
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
        summary.outlets.join(", ")
    );
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
    let _ = writeln!(out);
    for entry in &detail.timeline {
        let date = entry
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        for (i, id) in entry.articles.iter().enumerate() {
            let (outlet, title) = article_line(store, id)?;
            let shown_date = if i == 0 { date.as_str() } else { "" };
            let _ = writeln!(
                out,
                "  {shown_date:<10}  {:<18}  {}",
                cut(&outlet, 18),
                cut(&title, 90)
            );
        }
    }
    Ok(out)
}

fn article_line(store: &dyn Store, id: &ArticleId) -> Result<(String, String), StoreError> {
    Ok(store
        .article(id)?
        .map(|a| (a.outlet().to_string(), a.title))
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
