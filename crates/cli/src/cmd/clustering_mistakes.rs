//! `eval clustering --mistakes`: every wrong merge and every split of one
//! run, with the scores behind them (the `explain` record of the article
//! that opened each piece), so a figure can be traced to its causes.

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use storyline_core::cluster::Explanation;
use storyline_core::model::ArticleId;
use storyline_core::store::Store;

/// A predicted story holding articles of several gold stories.
#[derive(Debug, Serialize)]
pub struct Mixed {
    /// The predicted story.
    pub predicted_story: String,
    /// Articles per gold story, largest first.
    pub gold: Vec<(String, usize)>,
    /// How each gold story but the largest came in: its first article in
    /// the predicted story, with the score it joined (or opened) at.
    pub intruders: Vec<Intruder>,
}

/// The first article of a minority gold story in a mixed predicted story.
#[derive(Debug, Serialize)]
pub struct Intruder {
    /// The gold story.
    pub gold: String,
    /// Its first article in the predicted story (in stream order).
    pub first: String,
    /// Whether that article opened the predicted story.
    pub founded: bool,
    /// Its score against the best existing story.
    pub score: f32,
    /// Its score against the runner-up story (0 when none).
    pub runner_up: f32,
}

/// One piece of a split gold story.
#[derive(Debug, Serialize)]
pub struct Piece {
    /// The predicted story.
    pub predicted_story: String,
    /// Articles of the gold story in it.
    pub size: usize,
    /// The piece's first article (in stream order).
    pub first: String,
    /// Whether that article opened a story (false: it joined another).
    pub founded: bool,
    /// Its score against the best existing story.
    pub score: f32,
    /// The gold story most of that best story's articles carry.
    pub best_gold: Option<String>,
}

/// A gold story spread over several predicted stories.
#[derive(Debug, Serialize)]
pub struct Split {
    /// The gold story.
    pub story: String,
    /// Its pieces, largest first.
    pub pieces: Vec<Piece>,
}

/// Wrong merges and splits of one run.
#[derive(Debug, Serialize)]
pub struct Mistakes {
    /// Predicted stories mixing gold stories.
    pub mixed: Vec<Mixed>,
    /// Gold stories split apart.
    pub split: Vec<Split>,
}

/// The mistakes of `predicted` (key → story) against `gold` (key → gold
/// label); `order` lists (key, article id) in stream order, `store` holds
/// the run's explanations.
pub fn mistakes(
    gold: &HashMap<String, String>,
    predicted: &HashMap<String, String>,
    order: &[(String, ArticleId)],
    store: &impl Store,
) -> Mistakes {
    let mut by_story: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut by_gold: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for (key, g) in gold {
        let Some(p) = predicted.get(key) else {
            continue;
        };
        *by_story.entry(p).or_default().entry(g).or_default() += 1;
        *by_gold.entry(g).or_default().entry(p).or_default() += 1;
    }
    let majority = |story: &str| -> Option<String> {
        by_story
            .get(story)?
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(g, _)| (*g).to_string())
    };
    let sorted = |counts: &BTreeMap<&str, usize>| {
        let mut v: Vec<(String, usize)> =
            counts.iter().map(|(k, n)| ((*k).to_string(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    };
    // The first article (in stream order) of gold story `g` in predicted
    // story `p`: its key and its explanation (whether it opened a story,
    // its score against the best and the runner-up).
    let first_of = |g: &str, p: &str| {
        let first = order.iter().find(|(key, _)| {
            gold.get(key).is_some_and(|x| x == g) && predicted.get(key).is_some_and(|x| x == p)
        });
        let explanation = first.and_then(|(_, id)| store.explanation(id).ok().flatten());
        (
            first.map(|(key, _)| key.clone()).unwrap_or_default(),
            explanation,
        )
    };
    let founded = |e: &Option<Explanation>| e.as_ref().is_some_and(|e| e.founded);
    let score = |e: &Option<Explanation>| e.as_ref().map_or(0.0, |e| e.score);
    let mixed = by_story
        .iter()
        .filter(|(_, g)| g.len() > 1)
        .map(|(p, g)| {
            let gold_sorted = sorted(g);
            let intruders = gold_sorted
                .iter()
                .skip(1)
                .map(|(name, _)| {
                    let (first, explanation) = first_of(name, p);
                    Intruder {
                        gold: name.clone(),
                        first,
                        founded: founded(&explanation),
                        score: score(&explanation),
                        runner_up: explanation
                            .as_ref()
                            .and_then(|e| e.runner_up.as_ref())
                            .map_or(0.0, |c| c.score),
                    }
                })
                .collect();
            Mixed {
                predicted_story: (*p).to_string(),
                gold: gold_sorted,
                intruders,
            }
        })
        .collect();
    let split = by_gold
        .iter()
        .filter(|(_, p)| p.len() > 1)
        .map(|(g, parts)| {
            let pieces = sorted(parts)
                .into_iter()
                .map(|(story, size)| {
                    let (first, explanation) = first_of(g, &story);
                    Piece {
                        size,
                        first,
                        founded: founded(&explanation),
                        score: score(&explanation),
                        best_gold: explanation
                            .as_ref()
                            .and_then(|e| e.best.as_ref())
                            .and_then(|b| majority(&b.story.0)),
                        predicted_story: story,
                    }
                })
                .collect();
            Split {
                story: (*g).to_string(),
                pieces,
            }
        })
        .collect();
    Mistakes { mixed, split }
}
