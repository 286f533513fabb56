//! Learning the scoring model from labeled streams.
//!
//! Pairs come from replaying each stream in publication order with the gold
//! stories as the clusterer's state (teacher forcing): every article is
//! compared with every active story, and the pair is positive when the
//! story is the article's own. Logistic regression (batch gradient descent,
//! small L2) fits the weights; the joining threshold is then chosen by
//! running the whole pipeline on the training streams and keeping the
//! threshold with the best mean of pairwise and B-cubed F1.
//!
//! [`cross_validate`] folds whole stories: the model fitted without a fold
//! clusters the full stream (so the fold's articles still meet every
//! confuser) and only the fold's articles are scored.

use crate::cluster::model::{INPUT_COUNT, INPUTS, ScoreModel};
use crate::cluster::{Clusterer, ClustererConfig};
use crate::eval::{ClusteringScores, score_clustering};
use crate::model::{Article, StoryId};
use crate::pipeline::{Pipeline, batch_order};
use crate::store::MemoryStore;
use std::collections::HashMap;

/// An article with its gold story.
#[derive(Debug, Clone)]
pub struct LabeledArticle {
    /// The parsed article.
    pub article: Article,
    /// Its gold story, `None` for an article of no labeled story.
    pub story: Option<String>,
    /// True when the labels mark it a copy of another article (the
    /// pipeline's dedup handles those; they make no pairs).
    pub duplicate: bool,
    /// True when the labels say it is in English.
    pub english: bool,
}

impl LabeledArticle {
    /// The gold cluster key: the story, or the article alone.
    fn key(&self) -> String {
        match &self.story {
            Some(story) => format!("story:{story}"),
            None => format!("alone:{}", self.article.id),
        }
    }
}

/// A labeled stream: one data set, any order (it is sorted by
/// [`batch_order`] before use).
pub type Stream = Vec<LabeledArticle>;

/// Scores on all articles and on the English ones.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Every scored article.
    pub all: ClusteringScores,
    /// Articles labeled English.
    pub english: ClusteringScores,
}

/// The (inputs, same story) pairs of one stream under teacher forcing.
pub fn pairs(
    stream: &[LabeledArticle],
    config: &ClustererConfig,
) -> Vec<([f32; INPUT_COUNT], bool)> {
    let mut sorted: Vec<&LabeledArticle> = stream.iter().collect();
    sorted.sort_by(|a, b| batch_order(&a.article, &b.article));
    let mut clusterer = Clusterer::new(config.clone());
    let mut out = Vec::new();
    for labeled in sorted {
        let key = StoryId(labeled.key());
        let (features, candidates) = clusterer.candidates(&labeled.article);
        if !labeled.duplicate {
            for candidate in candidates {
                out.push((candidate.components.inputs(), candidate.story == key));
            }
        }
        clusterer.join_story(&key, &features, &labeled.article);
    }
    out
}

/// Logistic regression on pairs: returns (bias, weights).
pub fn logistic_regression(pairs: &[([f32; INPUT_COUNT], bool)]) -> (f32, [f32; INPUT_COUNT]) {
    let mut bias = 0.0f64;
    let mut weights = [0.0f64; INPUT_COUNT];
    if pairs.is_empty() {
        return (0.0, [0.0; INPUT_COUNT]);
    }
    let n = pairs.len() as f64;
    let l2 = 1e-3;
    let rate = 1.0;
    for _ in 0..4000 {
        let mut grad_bias = 0.0;
        let mut grad = [0.0f64; INPUT_COUNT];
        for (x, y) in pairs {
            let z = bias
                + weights
                    .iter()
                    .zip(x)
                    .map(|(w, x)| w * f64::from(*x))
                    .sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let error = p - if *y { 1.0 } else { 0.0 };
            grad_bias += error;
            for (g, x) in grad.iter_mut().zip(x) {
                *g += error * f64::from(*x);
            }
        }
        bias -= rate * grad_bias / n;
        for (w, g) in weights.iter_mut().zip(grad) {
            *w -= rate * (g / n + l2 * *w);
        }
    }
    (bias as f32, weights.map(|w| w as f32))
}

/// Fits weights and threshold on `streams`.
pub fn fit(streams: &[Stream], config: &ClustererConfig) -> ScoreModel {
    let all_pairs: Vec<([f32; INPUT_COUNT], bool)> =
        streams.iter().flat_map(|s| pairs(s, config)).collect();
    let (bias, weights) = logistic_regression(&all_pairs);
    let mut best: Option<(f64, f32)> = None;
    for step in 1..17 {
        let threshold = 0.05 * step as f32;
        let model = ScoreModel {
            bias,
            weights,
            threshold,
            fitted_on: String::new(),
        };
        let run = evaluate(streams, &with_model(config, model), |_| true);
        let value = (run.all.pairwise.f1 + run.all.bcubed.f1) / 2.0;
        if best.is_none_or(|(b, _)| value > b) {
            best = Some((value, threshold));
        }
    }
    ScoreModel {
        bias,
        weights,
        threshold: best.map_or(0.5, |(_, t)| t),
        fitted_on: format!("{} pairs; inputs {}", all_pairs.len(), INPUTS.join(", ")),
    }
}

fn with_model(config: &ClustererConfig, model: ScoreModel) -> ClustererConfig {
    ClustererConfig {
        model,
        ..config.clone()
    }
}

/// Runs the pipeline on each stream with `config` and scores the articles
/// `scored` keeps (each stream's predicted ids kept apart).
pub fn evaluate(
    streams: &[Stream],
    config: &ClustererConfig,
    scored: impl Fn(&LabeledArticle) -> bool,
) -> Evaluation {
    let mut gold = HashMap::new();
    let mut gold_english = HashMap::new();
    let mut predicted = HashMap::new();
    for (n, stream) in streams.iter().enumerate() {
        for (key, story) in predict(stream, config) {
            predicted.insert(format!("{n}:{key}"), format!("{n}:{story}"));
        }
        for labeled in stream.iter().filter(|l| scored(l)) {
            let key = format!("{n}:{}", labeled.article.id);
            gold.insert(key.clone(), format!("{n}:{}", labeled.key()));
            if labeled.english {
                gold_english.insert(key, format!("{n}:{}", labeled.key()));
            }
        }
    }
    Evaluation {
        all: score_clustering(&gold, &predicted),
        english: score_clustering(&gold_english, &predicted),
    }
}

/// Article id → predicted story, from one pipeline run over the stream.
fn predict(stream: &[LabeledArticle], config: &ClustererConfig) -> HashMap<String, String> {
    let mut pipeline = Pipeline::with_config(MemoryStore::default(), config.clone());
    let articles = stream.iter().map(|l| l.article.clone()).collect();
    match pipeline.ingest_articles(articles, Vec::new()) {
        Ok(report) => report
            .articles
            .into_iter()
            .filter_map(|a| Some((a.id.0, a.story?.0)))
            .collect(),
        // The memory store does not fail; an empty prediction scores zero.
        Err(_) => HashMap::new(),
    }
}

/// Out-of-fold scores: `folds` folds of whole stories (an unlabeled article
/// is a story of its own), each scored by the model fitted on the others.
pub fn cross_validate(streams: &[Stream], folds: usize, config: &ClustererConfig) -> Evaluation {
    let folds = folds.max(2);
    let fold_of = |l: &LabeledArticle| {
        (xxhash_rust::xxh3::xxh3_64(l.key().as_bytes()) % folds as u64) as usize
    };
    let mut gold = HashMap::new();
    let mut gold_english = HashMap::new();
    let mut predicted = HashMap::new();
    for fold in 0..folds {
        let training: Vec<Stream> = streams
            .iter()
            .map(|s| s.iter().filter(|l| fold_of(l) != fold).cloned().collect())
            .collect();
        let model = fit(&training, config);
        let config = with_model(config, model);
        for (n, stream) in streams.iter().enumerate() {
            let run = predict(stream, &config);
            for labeled in stream.iter().filter(|l| fold_of(l) == fold) {
                let id = &labeled.article.id.0;
                let key = format!("{n}:{id}");
                if let Some(story) = run.get(id) {
                    predicted.insert(key.clone(), format!("{fold}:{n}:{story}"));
                }
                gold.insert(key.clone(), format!("{n}:{}", labeled.key()));
                if labeled.english {
                    gold_english.insert(key, format!("{n}:{}", labeled.key()));
                }
            }
        }
    }
    Evaluation {
        all: score_clustering(&gold, &predicted),
        english: score_clustering(&gold_english, &predicted),
    }
}
