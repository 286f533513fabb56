//! The HTML pages: `/`, `/stories/{id}`, `/articles/{id}`,
//! `/entities/{name}`, `/search`, and
//! the feeds. Each handler reads a view model on the blocking pool and
//! renders it; errors become an HTML page with the right status.

use crate::cache::Kind;
use crate::error::ApiError;
use crate::feed::{FeedLinks, site_feed, story_feed};
use crate::html;
use crate::links::Links;
use crate::query::{Paging, StoryFilter};
use crate::response_cache::CachedResponse;
use crate::state::AppState;
use crate::views::{self, Layout};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{Uri, header};
use axum::response::{Html, IntoResponse, Response};
use std::collections::HashMap;

/// An error shown as a page.
#[derive(Debug)]
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(err: ApiError) -> Self {
        Self(err)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let heading = match self.0.code {
            crate::error::ErrorCode::NotFound => "Not found",
            crate::error::ErrorCode::BadRequest => "Bad request",
            _ => "Something went wrong",
        };
        let layout = Layout::new(heading, &Links::Server);
        let body = html::error(&layout, heading, &self.0.message)
            .unwrap_or_else(|_| self.0.message.clone());
        (self.0.code.status(), Html(body)).into_response()
    }
}

fn rendered(result: Result<String, html::RenderError>) -> Result<Html<String>, PageError> {
    result
        .map(Html)
        .map_err(|e| PageError(ApiError::internal(format!("render: {e}"))))
}

/// `GET /`: the story list, filtered and paged; cached whole until the
/// store changes.
pub async fn index(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
) -> Result<CachedResponse, PageError> {
    let filter = StoryFilter::from_query(&query)?;
    let paging = Paging::from_query(&query)?;
    let build = async {
        let view = state
            .read(move |store| views::index_view(store, &Links::Server, &filter, Some(paging)))
            .await?;
        html::index(&Layout::new("Stories", &Links::Server), &view)
            .map(CachedResponse::html)
            .map_err(|e| ApiError::internal(format!("render: {e}")))
    };
    Ok(state.cached(&uri, build).await?)
}

/// `GET /stories/{id}`; `?since=YYYY-MM-DD` marks what is new. The page
/// without `since` is kept per story revision (so a change elsewhere in
/// the store does not re-render it), and every variant is cached whole
/// until the store changes.
pub async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
) -> Result<Response, PageError> {
    let since = crate::query::date_param(&query, "since")?;
    let asked = id.clone();
    let cache = state.cache();
    let build = async {
        let page = state
            .read(move |store| {
                let render = |data: &views::StoryData| {
                    let view = views::story_view_of(data, &Links::Server, since);
                    let mut layout = Layout::new(view.title.clone(), &Links::Server);
                    layout.alternate_feed = Some(view.feed_href.clone());
                    html::story(&layout, &view)
                        .map(Bytes::from)
                        .map_err(|e| ApiError::internal(format!("render: {e}")))
                };
                let revision = store
                    .story_revision(&storyline_core::StoryId(id.clone()))?
                    .ok_or_else(|| ApiError::not_found(format!("no story with id '{id}'")))?;
                let data = views::cached_story(store, &cache, &id)?;
                if since.is_some() {
                    return render(&data);
                }
                cache
                    .get_or_build(Kind::Page, &id, revision, || render(&data))
                    .map(|page| Bytes::clone(&page))
            })
            .await?;
        Ok(CachedResponse::html(page))
    };
    match state.cached(&uri, build).await {
        Ok(response) => Ok(response.into_response()),
        Err(error) => {
            let to = |s: &storyline_core::StoryId| format!("/stories/{s}");
            Ok(crate::merged::redirect_if_merged(&state, asked, uri.query(), error, to).await?)
        }
    }
}

/// `GET /entities/{name}`: the stories an entity appears in.
pub async fn entity(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Html<String>, PageError> {
    let cache = state.cache();
    let view = state
        .read(move |store| views::entity_view(store, &cache, &name, &Links::Server))
        .await?;
    rendered(html::entity(
        &Layout::new(view.name.clone(), &Links::Server),
        &view,
    ))
}

/// `GET /articles/{id}`.
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let view = state
        .read(move |store| views::article_view(store, &id, &Links::Server))
        .await?;
    rendered(html::article(
        &Layout::new(view.title.clone(), &Links::Server),
        &view,
    ))
}

/// `GET /search?q=`.
pub async fn search(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Html<String>, PageError> {
    let paging = Paging::from_query(&query)?;
    let q = query.get("q").cloned().unwrap_or_default();
    let view = state
        .read(move |store| views::search_view(store, &q, paging, &Links::Server))
        .await?;
    let mut layout = Layout::new("Search", &Links::Server);
    layout.query = view.query.clone();
    rendered(html::search(&layout, &view))
}

fn atom(body: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response()
}

/// `GET /feed.xml`.
pub async fn feed(State(state): State<AppState>) -> Result<Response, PageError> {
    let site_url = state.settings().site_url.clone();
    let body = state
        .read(move |store| {
            site_feed(
                store,
                &FeedLinks {
                    links: &Links::Server,
                    site_url: &site_url,
                },
            )
        })
        .await?;
    Ok(atom(body))
}

/// `GET /stories/{id}/feed.xml`.
pub async fn story_feed_xml(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let site_url = state.settings().site_url.clone();
    let asked = id.clone();
    let body = state
        .read(move |store| {
            story_feed(
                store,
                &id,
                &FeedLinks {
                    links: &Links::Server,
                    site_url: &site_url,
                },
            )
        })
        .await;
    match body {
        Ok(body) => Ok(atom(body)),
        Err(error) => {
            let to = |s: &storyline_core::StoryId| format!("/stories/{s}/feed.xml");
            Ok(crate::merged::redirect_if_merged(&state, asked, None, error, to).await?)
        }
    }
}

/// Any other path.
pub async fn not_found() -> PageError {
    PageError(ApiError::not_found("There is no page at this address."))
}
