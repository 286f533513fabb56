//! `POST /api/v1/articles`: ingestion over HTTP through the same
//! [`Pipeline`] as `storyline ingest`. The body is a JSON article (or an
//! array of them) with `Content-Type: application/json`, or else the raw
//! text of one article in a format the CLI reads (front matter or plain
//! text). Writes need `Authorization: Bearer TOKEN` matching the configured
//! token; without a configured token every write is refused.

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use storyline_core::cluster::{Explanation, StoryMerge};
use storyline_core::ingest::InputDocument;
pub use storyline_core::ingest::post_body::ArticleInput;
use storyline_core::ingest::post_body::{BodyKind, parse_post_body};
use storyline_core::pipeline::{IngestReport, Pipeline, SnapshotMode};
use storyline_core::store::{Batch, SearchHit};
use storyline_core::{Article, ArticleId, Store, StoreError, Story, StoryId};

/// True when `headers` carry `Bearer TOKEN` for the configured token. The
/// comparison takes the same time wherever the first difference is.
pub fn authorized(headers: &HeaderMap, token: Option<&str>) -> bool {
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return false;
    };
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    let (a, b) = (given.trim().as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Parses the request body into input documents, as JSON when the
/// `Content-Type` says so ([`parse_post_body`]).
pub fn documents(headers: &HeaderMap, body: Bytes) -> Result<Vec<InputDocument>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    parse_post_body(&body, BodyKind::of_content_type(content_type))
        .map_err(|e| ApiError::bad_request(e.to_string()))
}

/// `POST /api/v1/articles`: answers the ingest report (`ingest --json`).
pub async fn post_articles(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<IngestReport>), ApiError> {
    if !authorized(&headers, state.settings().api_token.as_deref()) {
        let message = if state.settings().api_token.is_some() {
            "writing needs the header 'Authorization: Bearer TOKEN' with the server's API token"
        } else {
            "writing is disabled: start the server with --api-token or STORYLINE_API_TOKEN"
        };
        return Err(ApiError::new(ErrorCode::Unauthorized, message));
    }
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                ErrorCode::PayloadTooLarge,
                format!(
                    "the body is larger than the limit of {} bytes",
                    state.settings().body_limit
                ),
            )
        } else {
            ApiError::bad_request(rejection.body_text())
        }
    })?;
    let docs = documents(&headers, body)?;
    let report = state
        .write(move |store| {
            // Each POST is a small batch: load the clusterer's state from
            // the store's snapshot rather than replaying every article.
            let mut pipeline = Pipeline::new(Borrowed(store)).with_snapshots(SnapshotMode::Use);
            Ok(pipeline.ingest(docs.into_iter().map(Ok), &mut ())?)
        })
        .await?;
    let status = if report.new > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(report)))
}

/// A borrowed store, so that a [`Pipeline`] (which owns its store) can run
/// on the server's shared one.
struct Borrowed<'a>(&'a mut (dyn Store + Send));

impl Store for Borrowed<'_> {
    fn article(&self, id: &ArticleId) -> Result<Option<Article>, StoreError> {
        self.0.article(id)
    }
    fn has_article(&self, id: &ArticleId) -> Result<bool, StoreError> {
        self.0.has_article(id)
    }
    fn original_with_content(&self, content_hash: &str) -> Result<Option<ArticleId>, StoreError> {
        self.0.original_with_content(content_hash)
    }
    fn articles(&self) -> Result<Vec<Article>, StoreError> {
        self.0.articles()
    }
    fn article_keys(&self) -> Result<Vec<storyline_core::store::ArticleKey>, StoreError> {
        self.0.article_keys()
    }
    fn articles_by_id(&self, ids: &[ArticleId]) -> Result<Vec<Article>, StoreError> {
        self.0.articles_by_id(ids)
    }
    fn story_articles(&self, id: &StoryId) -> Result<Vec<Article>, StoreError> {
        self.0.story_articles(id)
    }
    fn stories(&self) -> Result<Vec<Story>, StoreError> {
        self.0.stories()
    }
    fn story(&self, id: &StoryId) -> Result<Option<Story>, StoreError> {
        self.0.story(id)
    }
    fn explanation(&self, article: &ArticleId) -> Result<Option<Explanation>, StoreError> {
        self.0.explanation(article)
    }
    fn merge_of(&self, id: &StoryId) -> Result<Option<StoryMerge>, StoreError> {
        self.0.merge_of(id)
    }
    fn merges_into(&self, survivor: &StoryId) -> Result<Vec<StoryMerge>, StoreError> {
        self.0.merges_into(survivor)
    }
    fn save(&mut self, batch: &Batch) -> Result<(), StoreError> {
        self.0.save(batch)
    }
    fn save_with_snapshot(
        &mut self,
        batch: &Batch,
        snapshot: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        self.0.save_with_snapshot(batch, snapshot)
    }
    fn snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        self.0.snapshot()
    }
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        self.0.search(query, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_configured_bearer_token_passes() {
        let mut headers = HeaderMap::new();
        assert!(!authorized(&headers, Some("t0k")));
        headers.insert(header::AUTHORIZATION, "Bearer t0k".parse().unwrap());
        assert!(authorized(&headers, Some("t0k")));
        assert!(!authorized(&headers, Some("t0kk")));
        assert!(!authorized(&headers, None));
        assert!(!authorized(&headers, Some("")));
    }
}
