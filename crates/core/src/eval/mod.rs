//! Measuring the pipeline against labeled data. Metrics are pure functions
//! over gold and predicted assignments; the commands that load data live in
//! the binary.

pub mod attribution;
pub mod claim_fields;
pub mod claims;
mod clustering;
mod dedup;

pub use clustering::{ClusteringScores, PrecisionRecall, score_clustering};
pub use dedup::{DedupScores, score_duplicates};
