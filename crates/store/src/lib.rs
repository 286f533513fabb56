//! Persistent implementations of [`storyline_core::Store`].
//!
//! [`SqliteStore`] is the embedded default: one file, WAL journal, schema
//! migrations applied on open, FTS5 full-text search.
//!
//! ```
//! use storyline_core::Store;
//! let store = storyline_store::SqliteStore::open_in_memory().unwrap();
//! assert!(store.articles().unwrap().is_empty());
//! ```

mod sqlite;

pub use sqlite::SqliteStore;
