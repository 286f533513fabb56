//! Storyline's library core: the pipeline that turns a stream of news articles
//! into living stories, without any knowledge of SQL, HTTP or terminals.
//!
//! The data flows in one direction, and the modules mirror it:
//!
//! 1. [`ingest`] reads files and folders and parses each supported format into
//!    an [`Article`] (normalized text, metadata, a stable id);
//! 2. [`pipeline`] puts a batch in order (publication time, then path) and
//!    tells re-ingested articles (`unchanged`) and revisions (same canonical
//!    URL, new text) from new ones; [`dedup`] recognizes copies (exact and
//!    near-duplicates by MinHash) of articles already seen;
//! 3. [`cluster`] assigns each fresh article to a [`Story`], online, in
//!    publication order;
//! 4. [`facts`] extracts what the articles report (figures, who holds them,
//!    who said so) and makes it consistent across the story;
//! 5. [`timeline`] tells a story: developments, figure series,
//!    contradictions and the state of play;
//! 6. [`store`] persists everything behind the [`Store`] trait (SQLite and
//!    PostgreSQL implementations live in `storyline-store`).
//!
//! [`pipeline`] is the only module that knows the order of the stages.
//!
//! ```
//! use storyline_core::{pipeline::Pipeline, store::MemoryStore, ingest::InputDocument};
//!
//! let doc = InputDocument::from_text(
//!     "memo.txt",
//!     " date 2020-09-23 Roma are preparing a second bid for Chris Smalling.",
//! );
//! let mut pipeline = Pipeline::new(MemoryStore::default());
//! let report = pipeline.ingest(vec![Ok(doc)], &mut ()).unwrap();
//! assert_eq!(report.new, 1);
//! assert_eq!(report.stories, 1);
//! ```

pub mod cluster;
pub mod dedup;
pub mod error;
pub mod eval;
pub mod facts;
pub mod ingest;
pub mod logistic;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod snapshot;
pub mod store;
pub mod text;
pub mod timeline;
pub mod view;

pub use error::{IngestError, IngestErrorKind, StoreError};
pub use model::{Article, ArticleId, Story, StoryId};
pub use store::Store;
