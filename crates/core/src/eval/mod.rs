//! Measuring the pipeline against labeled data. Metrics are pure functions
//! over gold and predicted assignments; the commands that load data live in
//! the binary.

pub mod claims;
mod clustering;
pub mod timeline;

pub use clustering::{ClusteringScores, PrecisionRecall, score_clustering};
