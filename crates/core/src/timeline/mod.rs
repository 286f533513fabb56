//! Telling a story from its articles and claims: the developments timeline
//! ([`developments()`]), how each figure moved ([`series`]), where sources
//! disagree ([`contradictions`]), the one-paragraph state of play
//! ([`briefing`]), and the plain per-day listing ([`daily`]).

pub mod briefing;
pub mod contradictions;
pub mod daily;
pub mod developments;
pub mod series;

pub use contradictions::{Contradiction, Side, State, find_contradictions};
pub use daily::{TimelineEntry, daily_timeline};
pub use developments::{Development, developments};
pub use series::{Series, SeriesPoint, figure_series};
