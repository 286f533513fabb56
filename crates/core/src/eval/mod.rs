//! Measuring the pipeline against labeled data. Metrics are pure functions
//! over gold and predicted values; the commands that load data live in
//! the binary.

mod clustering;
pub mod datasets;
pub mod extraction;
pub mod pubdates;

pub use clustering::{ClusteringScores, PrecisionRecall, score_clustering};
pub use extraction::{ExtractionScores, SegmentCounts, ShingleScorer};
pub use pubdates::DateScores;
