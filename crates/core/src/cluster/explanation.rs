//! Why an article went where it went: the clusterer's [`Assignment`] as it
//! is stored beside the article (`Store::explanation`) and shown by
//! `storyline explain`. Users' first question about a story tracker is why
//! two reports were merged or split; this record answers it without
//! re-running the clusterer.

use crate::cluster::{Assignment, Candidate, StoryMerge};
use crate::model::{ArticleId, StoryId};
use serde::{Deserialize, Serialize};

/// One clustered article's assignment, with the threshold it was held to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The article.
    pub article: ArticleId,
    /// The story it joined or founded.
    pub story: StoryId,
    /// True when it founded `story`.
    pub founded: bool,
    /// The best existing story's score (0 when there was no active story).
    pub score: f32,
    /// The score an article needed to join a story.
    pub threshold: f32,
    /// The best existing story and the components behind its score (also
    /// when it scored below the threshold and the article founded a story).
    pub best: Option<Candidate>,
    /// The second-best existing story.
    pub runner_up: Option<Candidate>,
    /// Stories the article bridged, absorbed into `story` when it arrived
    /// (empty for almost every article; absent in records stored before
    /// merges existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<StoryMerge>,
}

impl Explanation {
    /// The record of `assignment` for `article`, made under `threshold`.
    pub fn new(article: &ArticleId, assignment: &Assignment, threshold: f32) -> Self {
        Self {
            article: article.clone(),
            story: assignment.story.clone(),
            founded: assignment.founded,
            score: assignment.score,
            threshold,
            best: assignment.best.clone(),
            runner_up: assignment.runner_up.clone(),
            merges: assignment.merges.clone(),
        }
    }
}
