//! Whole responses cached in memory: the body bytes of a `GET`, keyed by
//! its path and query and valid for one store revision
//! ([`Store::revision`](storyline_core::Store::revision)).
//!
//! Under load most requests ask for the same few pages (`/`, the first
//! page of `/api/v1/stories`, a popular story). Rendering them is cheap
//! next to answering them 64 times at once, so the first request for a key
//! computes the body and every concurrent request for that key waits for
//! it (single flight: a `tokio::sync::OnceCell` per key); later ones share
//! the same [`Bytes`] without copying.
//!
//! Staleness: the store revision is read at most once per
//! [`MAX_STALENESS`], by one request while the others go on with the
//! previous answer (no request waits on the store for it); a write made
//! through this server
//! ([`AppState::write`](crate::AppState::write)) marks it unknown at once,
//! so the next request sees its own process's writes. Another process
//! writing the same database (`storyline ingest` next to `serve`) is seen
//! within [`MAX_STALENESS`] plus one revision read (a millisecond or so);
//! on PostgreSQL that includes every other worker sharing the database.
//! Backends without a revision cache nothing here. Errors are never cached.

use crate::error::ApiError;
use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

/// How long a read store revision is trusted before it is read again:
/// the longest another process's write may go unseen.
pub const MAX_STALENESS: Duration = Duration::from_millis(500);

/// How many responses are kept by default.
pub const DEFAULT_CAPACITY: usize = 1024;

/// A response body ready to send again.
#[derive(Debug, Clone)]
pub struct CachedResponse {
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The `X-Total-Count` header of API lists.
    pub total: Option<usize>,
    /// The body, shared between all responses that send it.
    pub body: Bytes,
}

impl CachedResponse {
    /// An HTML page.
    pub fn html(body: impl Into<Bytes>) -> Self {
        Self {
            content_type: "text/html; charset=utf-8",
            total: None,
            body: body.into(),
        }
    }

    /// A JSON document.
    pub fn json(body: impl Into<Bytes>) -> Self {
        Self {
            content_type: "application/json",
            total: None,
            body: body.into(),
        }
    }

    /// `value` encoded as JSON.
    pub fn json_of<T: serde::Serialize>(value: &T) -> Result<Self, ApiError> {
        serde_json::to_vec(value)
            .map(Self::json)
            .map_err(|e| ApiError::internal(format!("encode JSON: {e}")))
    }
}

impl IntoResponse for CachedResponse {
    fn into_response(self) -> Response {
        let mut response = (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static(self.content_type),
            )],
            self.body,
        )
            .into_response();
        if let Some(total) = self.total {
            response
                .headers_mut()
                .insert(crate::api::TOTAL_COUNT, HeaderValue::from(total));
        }
        response
    }
}

/// One key's response at one store revision, filled once.
#[derive(Debug, Default)]
struct Slot {
    revision: u64,
    cell: OnceCell<CachedResponse>,
}

/// The last store revision read and when (`None`: unknown, must be read),
/// with a generation that every invalidation bumps.
#[derive(Debug, Default)]
struct Clock {
    read: Option<(Instant, Option<u64>)>,
    generation: u64,
}

/// Responses keyed by request path and query, valid for one store revision.
#[derive(Debug)]
pub struct ResponseCache {
    slots: Mutex<HashMap<String, Arc<Slot>>>,
    clock: Mutex<Clock>,
    /// Held by the one request reading the revision from the store.
    refreshing: tokio::sync::Mutex<()>,
    capacity: usize,
}

impl Default for ResponseCache {
    fn default() -> Self {
        Self::with_capacity(DEFAULT_CAPACITY)
    }
}

impl ResponseCache {
    /// A cache keeping at most `capacity` responses.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            slots: Mutex::default(),
            clock: Mutex::default(),
            refreshing: tokio::sync::Mutex::default(),
            capacity: capacity.max(1),
        }
    }

    /// The store revision to key responses by: the last one read when it
    /// is younger than [`MAX_STALENESS`], else a fresh one from `read`.
    /// One request reads at a time; while it does, the others keep using
    /// the previous answer (so no request waits on the store), unless it
    /// was [invalidated](Self::invalidate): then they wait for the read.
    pub async fn revision<F>(&self, read: F) -> Result<Option<u64>, ApiError>
    where
        F: std::future::Future<Output = Result<Option<u64>, ApiError>>,
    {
        let known = self.clock()?.read;
        if let Some((at, revision)) = known {
            if at.elapsed() < MAX_STALENESS {
                return Ok(revision);
            }
            return match self.refreshing.try_lock() {
                Ok(_refreshing) => self.refresh(read).await,
                Err(_) => Ok(revision),
            };
        }
        let _refreshing = self.refreshing.lock().await;
        if let Some((at, revision)) = self.clock()?.read
            && at.elapsed() < MAX_STALENESS
        {
            return Ok(revision);
        }
        self.refresh(read).await
    }

    /// Reads the revision and keeps it, unless an invalidation came in
    /// meanwhile (the read may predate the write that caused it).
    async fn refresh<F>(&self, read: F) -> Result<Option<u64>, ApiError>
    where
        F: std::future::Future<Output = Result<Option<u64>, ApiError>>,
    {
        let (started, generation) = (Instant::now(), self.clock()?.generation);
        let revision = read.await?;
        let mut clock = self.clock()?;
        if clock.generation == generation {
            clock.read = Some((started, revision));
        }
        Ok(revision)
    }

    /// Forgets the store revision read last, so that requests from now on
    /// read it again (after this process wrote to the store).
    pub fn invalidate(&self) {
        if let Ok(mut clock) = self.clock.lock() {
            clock.read = None;
            clock.generation += 1;
        }
    }

    fn clock(&self) -> Result<std::sync::MutexGuard<'_, Clock>, ApiError> {
        self.clock.lock().map_err(|_| ApiError::poisoned())
    }

    /// The response for `key` at `revision`, computed by `build` once for
    /// all concurrent callers; with no revision, always built.
    pub async fn get_or_build<F>(
        &self,
        key: &str,
        revision: Option<u64>,
        build: F,
    ) -> Result<CachedResponse, ApiError>
    where
        F: std::future::Future<Output = Result<CachedResponse, ApiError>>,
    {
        let Some(revision) = revision else {
            return build.await;
        };
        let slot = self.slot(key, revision)?;
        slot.cell.get_or_try_init(|| build).await.cloned()
    }

    /// The slot of `key` at `revision`, made (replacing a stale one) when
    /// missing.
    fn slot(&self, key: &str, revision: u64) -> Result<Arc<Slot>, ApiError> {
        let mut slots = self.slots.lock().map_err(|_| ApiError::poisoned())?;
        if let Some(slot) = slots.get(key)
            && slot.revision == revision
        {
            return Ok(Arc::clone(slot));
        }
        if slots.len() >= self.capacity && !slots.contains_key(key) {
            // Stale responses go first; if none, an arbitrary one (it is
            // rebuilt on demand).
            slots.retain(|_, slot| slot.revision == revision);
            if slots.len() >= self.capacity
                && let Some(evicted) = slots.keys().next().cloned()
            {
                slots.remove(&evicted);
            }
        }
        let slot = Arc::new(Slot {
            revision,
            cell: OnceCell::new(),
        });
        slots.insert(key.to_string(), Arc::clone(&slot));
        Ok(slot)
    }

    /// Number of cached keys.
    pub fn len(&self) -> usize {
        self.slots.lock().map_or(0, |s| s.len())
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn concurrent_misses_build_once_and_a_new_revision_rebuilds() {
        let cache = Arc::new(ResponseCache::with_capacity(8));
        let builds = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (cache, builds) = (Arc::clone(&cache), Arc::clone(&builds));
            tasks.push(tokio::spawn(async move {
                cache
                    .get_or_build("/", Some(1), async {
                        builds.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok(CachedResponse::html("one"))
                    })
                    .await
                    .unwrap()
            }));
        }
        for task in tasks {
            assert_eq!(task.await.unwrap().body, "one");
        }
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        let again = cache
            .get_or_build("/", Some(2), async { Ok(CachedResponse::html("two")) })
            .await
            .unwrap();
        assert_eq!(again.body, "two");
        assert_eq!(cache.len(), 1);
    }

    #[tokio::test]
    async fn errors_are_not_cached_and_capacity_bounds_the_cache() {
        let cache = ResponseCache::with_capacity(2);
        let failed = cache
            .get_or_build("/x", Some(1), async { Err(ApiError::not_found("nothing")) })
            .await;
        assert!(failed.is_err());
        let built = cache
            .get_or_build("/x", Some(1), async { Ok(CachedResponse::html("x")) })
            .await
            .unwrap();
        assert_eq!(built.body, "x");
        for key in ["/a", "/b", "/c"] {
            cache
                .get_or_build(key, Some(1), async { Ok(CachedResponse::html("k")) })
                .await
                .unwrap();
        }
        assert_eq!(cache.len(), 2);
    }

    #[tokio::test]
    async fn the_revision_is_reread_after_invalidation() {
        let cache = ResponseCache::default();
        assert_eq!(
            cache.revision(async { Ok(Some(1)) }).await.unwrap(),
            Some(1)
        );
        // Within the staleness bound the last answer stands.
        assert_eq!(
            cache.revision(async { Ok(Some(2)) }).await.unwrap(),
            Some(1)
        );
        cache.invalidate();
        assert_eq!(
            cache.revision(async { Ok(Some(2)) }).await.unwrap(),
            Some(2)
        );
    }
}
