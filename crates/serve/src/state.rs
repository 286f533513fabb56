//! What every handler shares: the store behind a lock, and the settings
//! (API token, body limit, public URL).
//!
//! The [`Store`] trait is synchronous (SQLite under the hood), so handlers
//! run store calls on tokio's blocking pool through [`AppState::read`] and
//! [`AppState::write`]; one `Mutex` serializes them, which is what a single
//! SQLite connection needs anyway. A pool of read connections is the next
//! step when the load test asks for it.

use crate::error::ApiError;
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
    settings: Arc<Settings>,
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
        Self {
            store: Arc::new(Mutex::new(store)),
            settings: Arc::new(settings),
        }
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Runs `f` on the store on the blocking pool.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
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
        tokio::task::spawn_blocking(move || {
            let mut guard = store.lock().map_err(|_| ApiError::poisoned())?;
            f(&mut *guard)
        })
        .await
        .map_err(|e| ApiError::internal(format!("store task failed: {e}")))?
    }
}
