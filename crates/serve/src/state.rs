//! What every handler shares: the store behind a lock, and the settings
//! (API token, body limit, public URL).
//!
//! The [`Store`] trait is synchronous (SQLite under the hood), so handlers
//! run store calls on tokio's blocking pool through [`AppState::read`] and
//! [`AppState::write`]. Each store sits behind a `Mutex` (one SQLite
//! connection serves one caller at a time). Writes go to the writer; reads
//! go in turn to the extra readers given to
//! [`AppState::with_readers`] (more SQLite connections to the same file,
//! which WAL lets read while the writer writes), or to the writer when
//! there are none, as with a `MemoryStore`. Whole responses are cached by
//! [`AppState::cached`] (see [`crate::response_cache`]).

use crate::error::ApiError;
use crate::response_cache::{CachedResponse, ResponseCache};
use std::sync::{Arc, Mutex};
use storyline_core::Store;

/// Largest request body `POST /api/v1/articles` accepts by default (10 MiB,
/// the CLI's default file limit).
pub const DEFAULT_BODY_LIMIT: usize = 10 * 1024 * 1024;

/// The store every request reads, shared between handlers.
pub type SharedStore = Arc<Mutex<dyn Store + Send>>;

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Bearer token that `POST /api/v1/articles` requires; `None` refuses
    /// every write.
    pub api_token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// The site's public URL without a trailing slash (`http://127.0.0.1:8080`),
    /// used in feeds, which need absolute links.
    pub site_url: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            api_token: None,
            body_limit: DEFAULT_BODY_LIMIT,
            site_url: "http://127.0.0.1:8080".to_string(),
        }
    }
}

/// The state handed to every handler.
#[derive(Clone)]
pub struct AppState {
    store: SharedStore,
    readers: Arc<Vec<SharedStore>>,
    next_reader: Arc<std::sync::atomic::AtomicUsize>,
    settings: Arc<Settings>,
    cache: Arc<crate::cache::ViewCache>,
    responses: Arc<ResponseCache>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State over `store` with `settings`.
    pub fn new(store: impl Store + Send + 'static, settings: Settings) -> Self {
        Self::from_parts(Arc::new(Mutex::new(store)), Vec::new(), settings)
    }

    /// State whose reads are spread over `readers`: stores that must see
    /// what `store` writes (connections to the same database).
    pub fn with_readers<R: Store + Send + 'static>(
        store: impl Store + Send + 'static,
        readers: Vec<R>,
        settings: Settings,
    ) -> Self {
        let readers: Vec<SharedStore> = readers
            .into_iter()
            .map(|r| Arc::new(Mutex::new(r)) as SharedStore)
            .collect();
        Self::from_parts(Arc::new(Mutex::new(store)), readers, settings)
    }

    fn from_parts(store: SharedStore, readers: Vec<SharedStore>, settings: Settings) -> Self {
        Self {
            store,
            readers: Arc::new(readers),
            next_reader: Arc::default(),
            settings: Arc::new(settings),
            cache: Arc::default(),
            responses: Arc::default(),
        }
    }

    /// The store a read should use: the readers in turn, or the writer
    /// when there are none.
    fn reader(&self) -> SharedStore {
        if self.readers.is_empty() {
            return Arc::clone(&self.store);
        }
        let start = self
            .next_reader
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Arc::clone(&self.readers[start % self.readers.len()])
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The cache of derived story views.
    pub fn cache(&self) -> Arc<crate::cache::ViewCache> {
        Arc::clone(&self.cache)
    }

    /// The response to the `GET` of `uri`, from the response cache when
    /// the store has not changed since it was built, else built by `build`
    /// (once for all concurrent requests of the same path and query).
    pub async fn cached<F>(
        &self,
        uri: &axum::http::Uri,
        build: F,
    ) -> Result<CachedResponse, ApiError>
    where
        F: std::future::Future<Output = Result<CachedResponse, ApiError>>,
    {
        let revision = self
            .responses
            .revision(self.read(|store| Ok(store.revision()?)))
            .await?;
        let key = uri
            .path_and_query()
            .map_or_else(|| uri.path(), |pq| pq.as_str());
        self.responses.get_or_build(key, revision, build).await
    }

    /// Runs `f` on the store on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
    {
        let store = self.reader();
        tokio::task::spawn_blocking(move || {
            let guard = store.lock().map_err(|_| ApiError::poisoned())?;
            f(&*guard)
        })
        .await
        .map_err(|e| ApiError::internal(format!("store task failed: {e}")))?
    }

    /// Runs `f` on the store with write access, on the blocking pool.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut (dyn Store + Send)) -> Result<T, ApiError> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let result = tokio::task::spawn_blocking(move || {
            let mut guard = store.lock().map_err(|_| ApiError::poisoned())?;
            f(&mut *guard)
        })
        .await
        .map_err(|e| ApiError::internal(format!("store task failed: {e}")));
        // Even a failed write may have changed something; cached responses
        // are keyed by a store revision read again from now on.
        self.responses.invalidate();
        result?
    }
}
