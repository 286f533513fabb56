//! Text analysis shared by the stages: word terms (stemmed, stop words
//! removed) and capitalized names.

mod names;
mod terms;

pub use names::name_terms;
pub use terms::{Analyzer, words};
