//! The JSON API under `/api/v1/`: the same serde types as the CLI's
//! `--json` output (`stories`, `story ID`, `articles`, `article ID`,
//! `explain ID`, `claims`, `entities`, `search`), paged
//! with `limit` and `offset`. Lists answer a JSON array, like the CLI, and
//! carry the number of matching items in `X-Total-Count`.

use crate::cache::Kind;
use crate::error::ApiError;
use crate::query::{Paging, StoryFilter};
use crate::response_cache::CachedResponse;
use crate::state::AppState;
use crate::views::{self, ArticleDetail};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::HashMap;
use storyline_core::facts::names::EntitySummary;
use storyline_core::facts::{NameIndex, StoryClaim};
use storyline_core::store::{SearchHit, StoryQuery};
use storyline_core::view::entity::EntityDetail;
use storyline_core::view::explain::ArticleExplanation;
use storyline_core::view::{ArticleSummary, StorySummary, resolve_story};
use storyline_core::{Article, Store, StoryId};

/// Header naming how many items match, over all pages.
pub const TOTAL_COUNT: &str = "x-total-count";

fn page<T: Serialize>(items: Vec<T>, total: usize) -> Response {
    let mut response = Json(items).into_response();
    response
        .headers_mut()
        .insert(TOTAL_COUNT, HeaderValue::from(total));
    response
}

/// `GET /api/v1/stories`: stories, most recently active first; filters
/// `outlet`, `entity`, `category`, `from`, `to` as on `/`. Cached whole
/// until the store changes.
pub async fn stories(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
) -> Result<CachedResponse, ApiError> {
    let paging = Paging::from_query(&query)?;
    let filter = StoryFilter::from_query(&query)?;
    let build = async {
        let (items, total): (Vec<StorySummary>, usize) = state
            .read(move |store| {
                Ok(store.story_page(&filter.query(paging.offset, Some(paging.limit)))?)
            })
            .await?;
        let mut response = CachedResponse::json_of(&items)?;
        response.total = Some(total);
        Ok(response)
    };
    state.cached(&uri, build).await
}

/// `GET /api/v1/stories/{id}`: one story (`story ID --json`), its JSON
/// kept until the story's revision changes, and cached whole until the
/// store changes.
pub async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let asked = id.clone();
    let cache = state.cache();
    let build = async {
        let body = state
            .read(move |store| {
                let data = views::cached_story(store, &cache, &id)?;
                let revision = store
                    .story_revision(&StoryId(id.clone()))?
                    .ok_or_else(|| ApiError::not_found(format!("no story with id '{id}'")))?;
                cache.get_or_build(Kind::Json, &id, revision, || {
                    serde_json::to_vec(&data.detail)
                        .map(Bytes::from)
                        .map_err(|e| ApiError::internal(format!("encode story: {e}")))
                })
            })
            .await?;
        Ok(CachedResponse::json(Bytes::clone(&body)))
    };
    match state.cached(&uri, build).await {
        Ok(response) => Ok(response.into_response()),
        Err(error) => {
            let to = |s: &StoryId| format!("/api/v1/stories/{s}");
            crate::merged::redirect_if_merged(&state, asked, uri.query(), error, to).await
        }
    }
}

/// The `story=` query parameter (an id or prefix), when given.
fn story_param(query: &HashMap<String, String>) -> Option<&str> {
    query
        .get("story")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}

/// The story ids a `story` parameter names (exactly or by prefix), or all
/// stories, most recently active first.
fn story_ids(store: &dyn Store, query: &HashMap<String, String>) -> Result<Vec<StoryId>, ApiError> {
    match story_param(query) {
        Some(prefix) => Ok(vec![resolve_story(store, prefix)?]),
        None => Ok(store
            .story_page(&StoryQuery::default())?
            .0
            .into_iter()
            .map(|s| s.id)
            .collect()),
    }
}

/// `GET /api/v1/claims`: every reported figure (`claims --json`), of one
/// story with `story=ID`; paged.
pub async fn claims(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let paging = Paging::from_query(&query)?;
    let cache = state.cache();
    let (items, total) = state
        .read(move |store| {
            let mut claims: Vec<StoryClaim> = Vec::new();
            for id in story_ids(store, &query)? {
                claims.extend(
                    views::cached_story(store, &cache, &id.0)?
                        .detail
                        .claims
                        .iter()
                        .cloned(),
                );
            }
            let total = claims.len();
            Ok((paging.apply(claims), total))
        })
        .await?;
    Ok(page(items, total))
}

/// `GET /api/v1/entities`: people, organizations and places with aliases
/// and mentions (`entities --json`), of one story with `story=ID`; paged.
pub async fn entities(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let paging = Paging::from_query(&query)?;
    let cache = state.cache();
    let (items, total) = state
        .read(move |store| {
            let entities: Vec<EntitySummary> = match story_param(&query) {
                Some(prefix) => {
                    let id = resolve_story(store, prefix)?;
                    views::cached_story(store, &cache, &id.0)?
                        .detail
                        .entities
                        .clone()
                }
                None => {
                    let articles = store.articles()?;
                    let originals: Vec<&Article> = articles
                        .iter()
                        .filter(|a| a.duplicate_of.is_none())
                        .collect();
                    NameIndex::for_articles(&originals, views::aliases())
                        .entities()
                        .to_vec()
                }
            };
            let total = entities.len();
            Ok((paging.apply(entities), total))
        })
        .await?;
    Ok(page(items, total))
}

/// `GET /api/v1/entities/{name}`: one entity (by name or alias, any case)
/// with the stories it appears in.
pub async fn entity(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<EntityDetail>, ApiError> {
    let cache = state.cache();
    let detail = state
        .read(move |store| views::entity_detail(store, &cache, &name))
        .await?;
    Ok(Json(detail))
}

/// `GET /api/v1/articles`: articles in publication order (`articles --json`).
pub async fn articles(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let paging = Paging::from_query(&query)?;
    let (items, total) = state
        .read(move |store| {
            let all = store.articles()?;
            let total = all.len();
            let items: Vec<ArticleSummary> =
                paging.apply(all).iter().map(ArticleSummary::from).collect();
            Ok((items, total))
        })
        .await?;
    Ok(page(items, total))
}

/// `GET /api/v1/articles/{id}`: one article with its text.
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ArticleDetail>, ApiError> {
    let detail = state
        .read(move |store| views::article_detail(store, &id))
        .await?;
    Ok(Json(detail))
}

/// `GET /api/v1/articles/{id}/explain`: why the article is in its story
/// (`explain ID --json`).
pub async fn explain(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ArticleExplanation>, ApiError> {
    let explanation = state
        .read(move |store| views::article_explanation(store, &id))
        .await?;
    Ok(Json(explanation))
}

/// `GET /api/v1/search?q=`: full-text search (`search --json`).
pub async fn search(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Vec<SearchHit>>, ApiError> {
    let paging = Paging::from_query(&query)?;
    let q = query
        .get("q")
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty())
        .ok_or_else(|| ApiError::bad_request("q (the words to look for) is missing"))?;
    let hits = state
        .read(move |store| Ok(paging.apply(store.search(&q, paging.offset + paging.limit)?)))
        .await?;
    Ok(Json(hits))
}

/// Any other path under `/api/`.
pub async fn not_found() -> ApiError {
    ApiError::not_found("no such API endpoint; see /api/v1/openapi.json")
}
