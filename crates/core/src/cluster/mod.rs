//! Online story clustering: each fresh article joins the most similar active
//! story or founds a new one.

mod clusterer;
mod vectors;

pub use clusterer::{Assignment, Clusterer, ClustererConfig};
pub use vectors::{SparseVector, TermWeights};
