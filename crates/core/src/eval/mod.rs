//! Measuring the pipeline against labeled data. Metrics are pure functions
//! over gold and predicted values; the commands that load data live in
//! the binary.

pub mod attribution;
pub mod baseline_clusterer;
pub mod claim_fields;
pub mod claims;
mod clustering;
pub mod clustering_sets;
pub mod datasets;
mod dedup;
pub mod extraction;
pub mod pubdates;
pub mod timeline;

pub use clustering::{
    ClusteringScores, InContextCounts, InContextScores, PrecisionRecall, score_clustering,
};
pub use dedup::{DedupScores, score_duplicates};
pub use extraction::{ExtractionScores, SegmentCounts, ShingleScorer};
pub use pubdates::DateScores;
