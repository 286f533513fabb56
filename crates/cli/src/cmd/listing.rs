//! The read-only commands: `articles`, `article ID`, `explain ID`, `stories`,
//! `story ID`, `claims`, `entities`, `search`.

use crate::args::Global;
use crate::cmd::print_json;
use crate::output::{out, outln};
use crate::render;
use serde::Serialize;
use std::process::ExitCode;
use storyline_core::facts::names::EntitySummary;
use storyline_core::facts::{NameIndex, story_claims};
use storyline_core::view::article::{article_detail, resolve_article};
use storyline_core::view::explain::explain_article;
use storyline_core::view::{
    ArticleSummary, StoryOptions, resolve_story, story_detail_with, story_summaries, story_summary,
};
use storyline_core::{Store, StoryId};
use storyline_store::AnyStore;

/// `storyline articles`.
pub fn articles(store: &AnyStore, global: &Global) -> anyhow::Result<ExitCode> {
    let articles = store.articles()?;
    if global.json {
        /// An article in `articles --json`: the summary plus its entities.
        #[derive(Serialize)]
        struct WithEntities {
            #[serde(flatten)]
            summary: ArticleSummary,
            entities: Vec<EntitySummary>,
        }
        let book = crate::cmd::alias_book(global)?;
        let listed: Vec<WithEntities> = articles
            .iter()
            .map(|a| WithEntities {
                summary: ArticleSummary::from(a),
                entities: NameIndex::for_articles(&[a], book.as_ref())
                    .entities()
                    .to_vec(),
            })
            .collect();
        print_json(&listed)?;
    } else {
        out!("{}", render::articles(&articles))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline stories [--outlet O] [--entity E] [--category C] [--from D]
/// [--to D] [--limit N]`.
pub fn stories(
    store: &AnyStore,
    args: &crate::args::StoriesArgs,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let query = storyline_core::store::StoryQuery {
        outlet: args.outlet.clone(),
        entity: args.entity.clone(),
        category: args.category.clone(),
        from: args.from,
        to: args.to,
        offset: 0,
        limit: args.limit,
    };
    let (stories, _total) = store.story_page(&query)?;
    if global.json {
        print_json(&stories)?;
    } else {
        out!("{}", render::stories(&stories, query.is_filtered()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline story ID [--since T]`.
pub fn story(
    store: &AnyStore,
    id: &str,
    since: Option<jiff::Timestamp>,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let asked = StoryId(id.trim().to_string());
    let id = resolve_story(store, id)?;
    let book = crate::cmd::alias_book(global)?;
    let options = StoryOptions {
        since,
        aliases: book.as_ref(),
    };
    let mut detail = story_detail_with(store, &id, &options)?;
    if asked != id && store.merge_of(&asked)?.is_some() {
        detail.resolved_from = Some(asked);
    }
    if global.json {
        print_json(&detail)?;
    } else {
        let summary = story_summary(store, &id)?
            .ok_or_else(|| anyhow::anyhow!("story {id} vanished while reading"))?;
        out!("{}", render::story(&summary, &detail, store)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline article ID`.
pub fn article(store: &AnyStore, id: &str, global: &Global) -> anyhow::Result<ExitCode> {
    let article = resolve_article(store, id)?;
    let book = crate::cmd::alias_book(global)?;
    let detail = article_detail(store, article, book.as_ref())?;
    if global.json {
        print_json(&detail)?;
    } else {
        out!("{}", render::article(&detail))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline explain ID`.
pub fn explain(store: &AnyStore, id: &str, global: &Global) -> anyhow::Result<ExitCode> {
    let article = resolve_article(store, id)?;
    let explanation = explain_article(store, &article)?;
    if global.json {
        print_json(&explanation)?;
    } else {
        out!("{}", render::explain(&explanation))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline claims [--story ID]`.
pub fn claims(store: &AnyStore, story: Option<&str>, global: &Global) -> anyhow::Result<ExitCode> {
    let book = crate::cmd::alias_book(global)?;
    let ids = match story {
        Some(prefix) => vec![resolve_story(store, prefix)?],
        None => story_summaries(store)?.into_iter().map(|s| s.id).collect(),
    };
    let mut claims = Vec::new();
    for id in &ids {
        claims.extend(story_claims(&store.story_articles(id)?, book.as_ref()));
    }
    if global.json {
        print_json(&claims)?;
    } else {
        out!("{}", render::claims(&claims))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline entities [--story ID]`.
pub fn entities(
    store: &AnyStore,
    story: Option<&str>,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let book = crate::cmd::alias_book(global)?;
    let articles = match story {
        Some(prefix) => store.story_articles(&resolve_story(store, prefix)?)?,
        None => store.articles()?,
    };
    let originals: Vec<&storyline_core::Article> = articles
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    let index = NameIndex::for_articles(&originals, book.as_ref());
    if global.json {
        print_json(&index.entities())?;
    } else {
        out!("{}", render::entities(index.entities()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `storyline search QUERY`.
pub fn search(
    store: &AnyStore,
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
