//! In-memory caches of derived story views, in the server process.
//!
//! A story's timeline, claims, series and contradictions are derived from
//! its articles on every view (`storyline_core::view`), which for a story
//! of hundreds of articles costs far more than a page may take under load.
//! The server keeps what it built — the story's data, its rendered page,
//! its JSON — keyed by the story's revision
//! ([`Store::story_revision`](storyline_core::Store::story_revision)),
//! which the store bumps whenever one of the story's articles changes: a
//! stale entry is never served, and nothing needs to be invalidated by
//! hand. Chosen over a cache table so that derived data stays recomputed
//! from stored text (a better extractor improves old stories without a
//! migration), at the price of a cold first view after a restart.

use crate::error::ApiError;
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What a cache entry holds; one key per kind of derived view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// [`StoryData`](crate::views::StoryData).
    Data,
    /// The rendered story page (no `?since=`).
    Page,
    /// The `GET /api/v1/stories/{id}` body.
    Json,
}

type Entry = (u64, Arc<dyn Any + Send + Sync>);
type Entries = HashMap<(Kind, String), Entry>;

/// Derived views keyed by (kind, story id), valid for one story revision.
#[derive(Debug)]
pub struct ViewCache {
    entries: Mutex<Entries>,
    capacity: usize,
}

/// How many views are kept by default (a few hundred MB at most for
/// stories of thousands of articles; typical entries are tens of KB).
pub const DEFAULT_CAPACITY: usize = 4096;

impl Default for ViewCache {
    fn default() -> Self {
        Self::with_capacity(DEFAULT_CAPACITY)
    }
}

impl ViewCache {
    /// A cache keeping at most `capacity` views.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Mutex::default(),
            capacity: capacity.max(1),
        }
    }

    /// The view of `kind` for story `id` at `revision`, built by `build`
    /// when missing or stale. Two requests missing at once may both build;
    /// the result is the same.
    pub fn get_or_build<T: Send + Sync + 'static>(
        &self,
        kind: Kind,
        id: &str,
        revision: u64,
        build: impl FnOnce() -> Result<T, ApiError>,
    ) -> Result<Arc<T>, ApiError> {
        let key = (kind, id.to_string());
        if let Some((rev, value)) = self.lock()?.get(&key)
            && *rev == revision
            && let Ok(value) = Arc::clone(value).downcast::<T>()
        {
            return Ok(value);
        }
        let value = Arc::new(build()?);
        let mut entries = self.lock()?;
        if entries.len() >= self.capacity && !entries.contains_key(&key) {
            // No recency bookkeeping: dropping an arbitrary entry keeps the
            // cache bounded, and a dropped view is rebuilt on demand.
            if let Some(evicted) = entries.keys().next().cloned() {
                entries.remove(&evicted);
            }
        }
        entries.insert(
            key,
            (revision, Arc::clone(&value) as Arc<dyn Any + Send + Sync>),
        );
        Ok(value)
    }

    /// Number of cached views.
    pub fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Entries>, ApiError> {
        self.entries.lock().map_err(|_| ApiError::poisoned())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_new_revision_rebuilds_and_capacity_bounds_the_cache() {
        let cache = ViewCache::with_capacity(2);
        let built = std::cell::Cell::new(0);
        let build = |v: u32| {
            built.set(built.get() + 1);
            Ok(v)
        };
        assert_eq!(
            *cache
                .get_or_build(Kind::Data, "s1", 1, || build(10))
                .unwrap(),
            10
        );
        assert_eq!(
            *cache
                .get_or_build(Kind::Data, "s1", 1, || build(11))
                .unwrap(),
            10
        );
        assert_eq!(built.get(), 1);
        assert_eq!(
            *cache
                .get_or_build(Kind::Data, "s1", 2, || build(12))
                .unwrap(),
            12
        );
        cache
            .get_or_build(Kind::Page, "s1", 2, || build(1))
            .unwrap();
        cache
            .get_or_build(Kind::Page, "s2", 2, || build(1))
            .unwrap();
        assert_eq!(cache.len(), 2);
    }
}
