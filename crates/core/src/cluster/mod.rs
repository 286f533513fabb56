//! Online story clustering: each fresh article joins the most similar active
//! story or founds a new one. `features` turns an article into vectors,
//! `model` turns similarities into a probability, `clusterer` keeps the
//! stories, `index` finds the few worth scoring, `fit` learns the model from
//! labeled streams; `explanation` is the stored record of why an article
//! went where it went; `merge` records a story absorbed into another
//! when an article bridges them.

mod clusterer;
mod explanation;
mod features;
pub mod fit;
mod index;
mod kept;
mod merge;
mod model;
mod vectors;
mod word_terms;

#[cfg(test)]
pub(crate) use clusterer::tests::{long_stream, word};
pub use clusterer::{Assignment, Candidate, Clusterer, ClustererConfig};
pub use explanation::Explanation;
pub use features::{ArticleFeatures, TextReading, Vocabularies};
pub use merge::StoryMerge;
pub use model::{Components, INPUT_COUNT, INPUTS, ScoreModel};
pub use vectors::{SparseVector, TermWeights};
