//! Story merges: when an arriving article belongs to two open stories that
//! are themselves about the same event, the later-opened story is absorbed
//! into the earlier one. The record says which story was absorbed into
//! which, which article bridged them and how strongly, so that the old id
//! keeps resolving (`Store::merge_of`) and `storyline explain` can say
//! "merged story X into Y".
//!
//! The criterion is conservative on purpose (a wrong merge mixes two
//! events into one timeline): under the same fitted model that joins
//! articles, the bridging article must score at least the merge threshold
//! (`ClustererConfig::merge_threshold`, 0.5: more likely than not, far
//! above the joining threshold) against both stories, and so must every
//! kept member of the younger story, scored as an arriving article against
//! the older one: the merge is what the clusterer would decide if the
//! younger story's articles arrived now.

use crate::cluster::Components;
use crate::model::{ArticleId, StoryId};
use serde::{Deserialize, Serialize};

/// One story absorbed into another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryMerge {
    /// The story that was absorbed (the later-opened one); its id now
    /// resolves to `survivor`.
    pub absorbed: StoryId,
    /// The story that absorbed it (the earlier-opened one, so ids stay
    /// stable).
    pub survivor: StoryId,
    /// The article that bridged the two stories.
    pub article: ArticleId,
    /// The article's score against the absorbed story.
    pub article_score: f32,
    /// The article's score against the survivor.
    pub survivor_score: f32,
    /// The lowest probability of the absorbed story's kept members, each
    /// scored as an arriving article against the survivor.
    pub story_score: f32,
    /// The similarity components behind `story_score` (that weakest
    /// member's).
    pub components: Components,
    /// The probability each score had to reach.
    #[serde(default)]
    pub threshold: f32,
    /// The absorbed story's title (its record is gone once merged).
    #[serde(default)]
    pub absorbed_title: String,
}
