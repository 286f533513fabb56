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
use serde::Deserialize;
use storyline_core::cluster::{Explanation, StoryMerge};
use storyline_core::ingest::{InputDocument, decode_text};
use storyline_core::pipeline::{IngestReport, Pipeline, SnapshotMode};
use storyline_core::store::{Batch, SearchHit};
use storyline_core::{Article, ArticleId, Store, StoreError, Story, StoryId};

/// One article as JSON. `title` and `body` are required; the rest is
/// optional and read like the front matter keys of the same names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    /// Headline.
    pub title: String,
    /// Main text.
    #[serde(alias = "text")]
    pub body: String,
    /// Lead or summary.
    #[serde(default)]
    pub lead: Option<String>,
    /// URL of the article.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication time, in any form the CLI reads.
    #[serde(default, alias = "date")]
    pub published_at: Option<String>,
    /// Outlet.
    #[serde(default, alias = "source")]
    pub source_domain: Option<String>,
    /// Bylines.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Categories.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Language code.
    #[serde(default)]
    pub language: Option<String>,
    /// Lead image.
    #[serde(default)]
    pub image: Option<String>,
}

impl ArticleInput {
    /// The article as a front-matter document. Values are written as JSON
    /// strings, which YAML reads as double-quoted scalars, so no input can
    /// break out of its field.
    pub fn to_document(&self, path: &str) -> InputDocument {
        let quote = |s: &str| serde_json::Value::String(s.to_string()).to_string();
        let list = |items: &[String]| serde_json::Value::from(items.to_vec()).to_string();
        let mut text = String::from("---\n");
        text.push_str(&format!("title: {}\n", quote(&self.title)));
        let optional = [
            ("description", &self.lead),
            ("url", &self.url),
            ("date", &self.published_at),
            ("source", &self.source_domain),
            ("language", &self.language),
            ("image", &self.image),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                text.push_str(&format!("{key}: {}\n", quote(value)));
            }
        }
        if !self.authors.is_empty() {
            text.push_str(&format!("authors: {}\n", list(&self.authors)));
        }
        if !self.categories.is_empty() {
            text.push_str(&format!("categories: {}\n", list(&self.categories)));
        }
        text.push_str("---\n");
        text.push_str(&self.body);
        InputDocument::from_text(path, text)
    }
}

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

/// Parses the request body into input documents.
pub fn documents(headers: &HeaderMap, body: Bytes) -> Result<Vec<InputDocument>, ApiError> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        let bad = |e: serde_json::Error| {
            ApiError::bad_request(format!("the JSON body is not an article: {e}"))
        };
        let value: serde_json::Value = serde_json::from_slice(&body).map_err(bad)?;
        // One article or an array of them; parsed by shape so that the
        // error names the field at fault.
        let inputs: Vec<ArticleInput> = if value.is_array() {
            serde_json::from_value(value).map_err(bad)?
        } else {
            vec![serde_json::from_value(value).map_err(bad)?]
        };
        if inputs.is_empty() {
            return Err(ApiError::bad_request("the JSON array holds no article"));
        }
        Ok(inputs
            .iter()
            .enumerate()
            .map(|(i, a)| a.to_document(&format!("api/{i}")))
            .collect())
    } else {
        let text = decode_text(body.to_vec())
            .map_err(|e| ApiError::bad_request(format!("the body is not text: {e}")))?;
        if text.trim().is_empty() {
            return Err(ApiError::bad_request("the body is empty"));
        }
        Ok(vec![InputDocument::from_text("api/0", text)])
    }
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
    use storyline_core::ingest::parse_document;

    #[test]
    fn json_fields_cannot_break_out_of_the_front_matter() {
        let input = ArticleInput {
            title: "A\n---\nevil: yes".into(),
            body: "Body text here.".into(),
            lead: Some("\"quoted\" lead".into()),
            url: None,
            published_at: Some("2020-09-30".into()),
            source_domain: None,
            authors: vec!["X".into()],
            categories: vec![],
            language: None,
            image: None,
        };
        let article = parse_document(&input.to_document("api/0"))
            .remove(0)
            .unwrap();
        assert!(article.title.contains("evil: yes"));
        assert_eq!(article.lead.as_deref(), Some("\"quoted\" lead"));
        assert!(article.published_at.is_some());
        assert_eq!(article.body, "Body text here.");
    }

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
