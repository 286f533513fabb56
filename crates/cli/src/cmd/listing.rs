//! The read-only commands: `articles`, `stories`, `story ID`, `search`.

use crate::args::Global;
use crate::cmd::print_json;
use crate::output::{out, outln};
use crate::render;
use std::process::ExitCode;
use storyline_core::Store;
use storyline_core::view::{ArticleSummary, resolve_story, story_detail, story_summaries};
use storyline_store::SqliteStore;

/// `storyline articles`.
pub fn articles(store: &SqliteStore, global: &Global) -> anyhow::Result<ExitCode> {
    let articles = store.articles()?;
    if global.json {
        let summaries: Vec<ArticleSummary> = articles.iter().map(ArticleSummary::from).collect();
        print_json(&summaries)?;
    } else {
        out!("{}", render::articles(&articles))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline stories`.
pub fn stories(store: &SqliteStore, global: &Global) -> anyhow::Result<ExitCode> {
    let stories = story_summaries(store)?;
    if global.json {
        print_json(&stories)?;
    } else {
        out!("{}", render::stories(&stories))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline story ID`.
pub fn story(store: &SqliteStore, id: &str, global: &Global) -> anyhow::Result<ExitCode> {
    let id = resolve_story(store, id)?;
    let detail = story_detail(store, &id)?;
    if global.json {
        print_json(&detail)?;
    } else {
        let summary = story_summaries(store)?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| anyhow::anyhow!("story {id} vanished while reading"))?;
        out!("{}", render::story(&summary, &detail, store)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline search QUERY`.
pub fn search(
    store: &SqliteStore,
    query: &str,
    limit: usize,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let hits = store.search(query, limit)?;
    if global.json {
        print_json(&hits)?;
    } else if hits.is_empty() {
        outln!("no articles match '{query}'")?;
    } else {
        out!("{}", render::search(&hits))?;
    }
    Ok(ExitCode::SUCCESS)
}
