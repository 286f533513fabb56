//! Text analysis shared by the stages: word terms (stemmed, stop words
//! removed) and capitalized names.

mod names;
mod terms;

pub use names::{name_terms, name_terms_and_openers};
pub use terms::{Analyzer, words};
