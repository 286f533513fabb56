//! Persistent implementations of [`storyline_core::Store`].
//!
//! [`SqliteStore`] is the embedded default: one file, WAL journal, schema
//! migrations applied on open, FTS5 full-text search. [`PostgresStore`] is
//! for shared deployments: several ingesters and web servers on one database.
//!
//! ```
//! use storyline_core::Store;
//! let store = storyline_store::SqliteStore::open_in_memory().unwrap();
//! assert!(store.articles().unwrap().is_empty());
//! ```

mod any;
mod postgresql;
mod rebrief;
mod sql;
mod sqlite;

pub use any::{AnyStore, open};
pub use postgresql::{PostgresStore, is_postgres_url};
pub use sqlite::SqliteStore;
