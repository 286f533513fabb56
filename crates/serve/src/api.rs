//! The JSON API under `/api/v1/`: the same serde types as the CLI's
//! `--json` output (`stories`, `story ID`, `articles`, `search`), paged
//! with `limit` and `offset`. Lists answer a JSON array, like the CLI, and
//! carry the number of matching items in `X-Total-Count`.

use crate::error::ApiError;
use crate::query::{Paging, StoryFilter};
use crate::state::AppState;
use crate::views::{self, ArticleDetail};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::HashMap;
use storyline_core::store::SearchHit;
use storyline_core::view::{ArticleSummary, StoryDetail, StorySummary, story_summaries};

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
/// `outlet`, `from`, `to` as on `/`.
pub async fn stories(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let paging = Paging::from_query(&query)?;
    let filter = StoryFilter::from_query(&query)?;
    let (items, total) = state
        .read(move |store| {
            let all: Vec<StorySummary> = story_summaries(store)?
                .into_iter()
                .filter(|s| filter.matches(s))
                .collect();
            let total = all.len();
            Ok((paging.apply(all), total))
        })
        .await?;
    Ok(page(items, total))
}

/// `GET /api/v1/stories/{id}`: one story (`story ID --json`).
pub async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<StoryDetail>, ApiError> {
    let data = state.read(move |store| views::story(store, &id)).await?;
    Ok(Json(data.detail))
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
