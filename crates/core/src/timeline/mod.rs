//! Telling a story from its articles and claims: the developments timeline
//! ([`developments()`]), how each figure moved ([`series`]), where sources
//! disagree ([`contradictions`]), the one-paragraph state of play
//! ([`briefing`]) with the running count of a story without money figures
//! ([`tally`]), the plain per-day listing ([`daily`]), and benchmark-style
//! extractive timelines of a fixed size ([`summarize`]) with their learned
//! date ranker ([`date_model`], over [`date_features`]).

pub mod briefing;
pub mod contradictions;
pub mod daily;
pub mod date_features;
pub mod date_model;
pub mod developments;
pub mod series;
pub mod summarize;
pub mod tally;

pub use contradictions::{Contradiction, Side, State, find_contradictions};
pub use daily::{TimelineEntry, daily_timeline};
pub use date_model::DateModel;
pub use developments::{Development, developments};
pub use series::{Series, SeriesPoint, figure_series};
pub use summarize::{DatedText, Summarizer, summarize_timeline};
pub use tally::{Tally, running_tally};
