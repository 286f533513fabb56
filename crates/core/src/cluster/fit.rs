//! Learning the scoring model from labeled streams.
//!
//! Pairs come from replaying each stream in publication order with the gold
//! stories as the clusterer's state (teacher forcing): every article is
//! compared with the active stories the clusterer retrieves for it, and
//! the pair is positive when the story is the article's own. Logistic
//! regression (Newton's method, small L2, each stream's pairs weighing the
//! same) fits the weights; the joining threshold is then chosen by running
//! the whole pipeline on each training stream and keeping the threshold
//! with the best mean over streams of pairwise and B-cubed F1.
//!
//! With `caseless` copies ([`caseless_copy`]: every training stream again,
//! lowercased and stop-worded, as googlenews-mstream is given), a second
//! stage fits the `caseless` inputs (an article without capitals has no
//! names, so it must not be scored as one whose names differ): logistic
//! regression on the copies' pairs with the first model's score as a fixed
//! offset, so the inputs of cased text keep exactly the weights they had;
//! then a shift of the `caseless` intercept is chosen on the copies'
//! clustering F1 alone.
//!
//! [`cross_validate`] folds whole stories: the model fitted without a fold
//! clusters the full stream (so the fold's articles still meet every
//! confuser) and only the fold's articles are scored.

use crate::cluster::model::{INPUT_COUNT, INPUTS, ScoreModel};
use crate::cluster::{Clusterer, ClustererConfig};
use crate::eval::{ClusteringScores, InContextCounts, InContextScores, score_clustering};
use crate::logistic::{self, Sample};
use crate::model::{Article, StoryId};
use crate::pipeline::{Pipeline, batch_order};
use crate::store::MemoryStore;
use crate::text::Analyzer;
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

/// The stream as a lowercased, stop-worded copy: title, lead and body
/// reduced to their lowercase words without stop words, digits or
/// punctuation (as googlenews-mstream's `textCleaned` is). Ids and stories
/// stay those of the stream, so a copy's stories fall in the same folds.
pub fn caseless_copy(stream: &[LabeledArticle]) -> Stream {
    let analyzer = Analyzer::english();
    let clean = |text: &str| -> String {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !analyzer.is_stop_word(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    stream
        .iter()
        .map(|labeled| {
            let mut copy = labeled.clone();
            copy.article.title = clean(&labeled.article.title);
            copy.article.lead = labeled.article.lead.as_deref().map(clean);
            copy.article.body = clean(&labeled.article.body);
            copy
        })
        .collect()
}

/// Scores on all articles and on the English ones.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Every scored article.
    pub all: ClusteringScores,
    /// Articles labeled English.
    pub english: ClusteringScores,
    /// Fold by fold, every article judged within its fold's whole run
    /// (see [`cross_validate`]); `None` outside folds.
    pub in_context: Option<InContextScores>,
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

/// Logistic regression on pairs: returns (bias, weights). Every pair
/// weighs the same; see [`weighted_logistic_regression`].
pub fn logistic_regression(pairs: &[([f32; INPUT_COUNT], bool)]) -> (f32, [f32; INPUT_COUNT]) {
    let weighted: Vec<([f32; INPUT_COUNT], bool, f64)> =
        pairs.iter().map(|(x, y)| (*x, *y, 1.0)).collect();
    weighted_logistic_regression(&weighted)
}

/// Logistic regression on weighted pairs `(inputs, same story, weight)`
/// ([`crate::logistic::fit`]): returns (bias, weights). Weights let each
/// training stream count the same however many pairs it makes.
pub fn weighted_logistic_regression(
    pairs: &[([f32; INPUT_COUNT], bool, f64)],
) -> (f32, [f32; INPUT_COUNT]) {
    let samples: Vec<Sample> = pairs
        .iter()
        .map(|(x, y, w)| Sample {
            inputs: x.iter().map(|v| f64::from(*v)).collect(),
            label: *y,
            weight: *w,
        })
        .collect();
    let fitted = logistic::fit(&samples, INPUT_COUNT);
    let mut weights = [0.0f32; INPUT_COUNT];
    for (w, b) in weights.iter_mut().zip(&fitted.weights) {
        *w = *b as f32;
    }
    (fitted.bias as f32, weights)
}

/// Joining thresholds tried by [`fit`]: evenly spaced in log-odds below
/// 0.5, where the fitted thresholds fall, coarser above.
const THRESHOLDS: [f32; 11] = [
    0.03, 0.04, 0.05, 0.065, 0.08, 0.1, 0.13, 0.17, 0.22, 0.3, 0.5,
];

/// Shifts of the brevity intercept tried by [`fit`] (log-odds per unit of
/// brevity; a headline's brevity is about 0.6).
const BREVITY_SHIFTS: [f32; 7] = [-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0];

/// Index of the `brevity` input in [`INPUTS`].
const BREVITY: usize = 9;

/// Shifts of the caseless intercept tried by [`fit`] (log-odds), chosen on
/// the caseless copies only.
const CASELESS_SHIFTS: [f32; 9] = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0];

/// Index of the `caseless` input in [`INPUTS`]; the inputs after it are
/// its interactions, and all of them are 0 for text with capitals.
const CASELESS: usize = 13;

/// Fits weights and threshold on `streams`. Each stream's pairs weigh the
/// same in total. Pair log-loss fits the weights; the joining threshold
/// and a shift of the brevity intercept (how much easier a short article
/// joins than its pairs' log-loss says) are then chosen for clustering,
/// maximizing the mean over streams of (pairwise F1 + B-cubed F1) / 2 of
/// whole pipeline runs, so a large headline set does not drown a small set
/// of full articles. `caseless`: also fit on [`caseless_copy`] of every
/// stream (see the module doc).
pub fn fit(streams: &[Stream], config: &ClustererConfig, caseless: bool) -> ScoreModel {
    let mut all_pairs = Vec::new();
    for stream in streams {
        let pairs = pairs(stream, config);
        let weight = 1.0 / pairs.len().max(1) as f64;
        // The caseless inputs are the second stage's; the first fits cased
        // text only.
        all_pairs.extend(pairs.into_iter().map(|(mut x, y)| {
            x[CASELESS..].fill(0.0);
            (x, y, weight)
        }));
    }
    let (bias, weights) = weighted_logistic_regression(&all_pairs);
    let model = |threshold: f32, brevity_shift: f32| {
        let mut weights = weights;
        weights[BREVITY] += brevity_shift;
        ScoreModel {
            bias,
            weights,
            threshold,
            fitted_on: String::new(),
        }
    };
    let value = |threshold: f32, brevity_shift: f32| {
        let runs = evaluate_each(
            streams,
            &with_model(config, model(threshold, brevity_shift)),
        );
        runs.iter()
            .map(|run| (run.all.pairwise.f1 + run.all.bcubed.f1) / 2.0)
            .sum::<f64>()
            / runs.len().max(1) as f64
    };
    // The threshold over THRESHOLDS, then the brevity intercept's shift
    // over BREVITY_SHIFTS at that threshold, then the threshold's
    // neighbours again at the best shift; ties keep the earlier setting.
    let mut best: Option<(f64, f32, f32)> = None;
    let consider = |threshold: f32, shift: f32, best: &mut Option<(f64, f32, f32)>| {
        let v = value(threshold, shift);
        if best.is_none_or(|(b, _, _)| v > b) {
            *best = Some((v, threshold, shift));
        }
    };
    for threshold in THRESHOLDS {
        consider(threshold, 0.0, &mut best);
    }
    let (_, threshold, _) = best.unwrap_or((0.0, 0.5, 0.0));
    for shift in BREVITY_SHIFTS {
        if shift != 0.0 {
            consider(threshold, shift, &mut best);
        }
    }
    let (_, _, shift) = best.unwrap_or((0.0, threshold, 0.0));
    if shift != 0.0 {
        let at = THRESHOLDS.iter().position(|t| *t == threshold).unwrap_or(0);
        for neighbour in [at.checked_sub(1), Some(at + 1)].into_iter().flatten() {
            if let Some(t) = THRESHOLDS.get(neighbour) {
                consider(*t, shift, &mut best);
            }
        }
    }
    let (_, threshold, shift) = best.unwrap_or((0.0, 0.5, 0.0));
    let mut chosen = model(threshold, shift);
    let caseless_note = if caseless {
        fit_caseless(&mut chosen, streams, config)
    } else {
        String::new()
    };
    ScoreModel {
        fitted_on: format!(
            "{} pairs; inputs {}; brevity intercept shifted by {shift} for clustering F1{caseless_note}",
            all_pairs.len(),
            INPUTS.join(", ")
        ),
        ..chosen
    }
}

/// The second stage of [`fit`]: the weights of the `caseless` inputs of
/// `model`, fitted on the pairs of [`caseless_copy`] of each stream (each
/// copy weighing the same) with `model`'s score as offset, then the
/// caseless intercept shifted for the copies' clustering F1. Returns a note
/// for `fitted_on`.
fn fit_caseless(model: &mut ScoreModel, streams: &[Stream], config: &ClustererConfig) -> String {
    let copies: Vec<Stream> = streams.iter().map(|s| caseless_copy(s)).collect();
    let mut samples = Vec::new();
    let mut offsets = Vec::new();
    for copy in &copies {
        let pairs = pairs(copy, config);
        let weight = 1.0 / pairs.len().max(1) as f64;
        for (mut x, label) in pairs {
            // Every copy is caseless: the `caseless` input is this fit's
            // intercept, its interactions are the inputs.
            let inputs: Vec<f64> = x[CASELESS + 1..].iter().map(|v| f64::from(*v)).collect();
            x[CASELESS..].fill(0.0);
            let score = model.bias
                + model
                    .weights
                    .iter()
                    .zip(&x)
                    .map(|(w, v)| w * v)
                    .sum::<f32>();
            offsets.push(f64::from(score));
            samples.push(Sample {
                inputs,
                label,
                weight,
            });
        }
    }
    let fitted = logistic::fit_with_offsets(&samples, &offsets, INPUT_COUNT - CASELESS - 1);
    model.weights[CASELESS] = fitted.bias as f32;
    for (k, w) in fitted.weights.iter().enumerate() {
        model.weights[CASELESS + 1 + k] = *w as f32;
    }
    let mut best: Option<(f64, f32)> = None;
    for shift in CASELESS_SHIFTS {
        let mut shifted = model.clone();
        shifted.weights[CASELESS] += shift;
        let runs = evaluate_each(&copies, &with_model(config, shifted));
        let v = runs
            .iter()
            .map(|run| (run.all.pairwise.f1 + run.all.bcubed.f1) / 2.0)
            .sum::<f64>()
            / runs.len().max(1) as f64;
        if best.is_none_or(|(b, _)| v > b) {
            best = Some((v, shift));
        }
    }
    let shift = best.map_or(0.0, |(_, s)| s);
    model.weights[CASELESS] += shift;
    format!(
        "; caseless inputs fitted on {} pairs of caseless copies, their intercept shifted by {shift}",
        samples.len()
    )
}

/// [`evaluate`] on each stream alone.
pub fn evaluate_each(streams: &[Stream], config: &ClustererConfig) -> Vec<Evaluation> {
    streams
        .iter()
        .map(|stream| evaluate(std::slice::from_ref(stream), config, |_| true))
        .collect()
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
        in_context: None,
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
/// `seed` picks the split (0: the split the README's figures use; other
/// seeds show how much the figures move with the split alone).
/// `caseless`: fit with caseless copies ([`fit`]), and score the copies
/// out of fold too, after the streams. Returns the scores over all
/// streams as given and, in order, over each stream (then each copy).
///
/// `all` and `english` score each fold's articles among themselves (a
/// wrong join with another fold's article is not counted, so precision
/// is flattered); `in_context` judges each fold's article within the
/// fold's whole run, where such joins cost precision.
pub fn cross_validate(
    streams: &[Stream],
    folds: usize,
    seed: u64,
    config: &ClustererConfig,
    caseless: bool,
) -> (Evaluation, Vec<Evaluation>) {
    let mut scored: Vec<Stream> = streams.to_vec();
    if caseless {
        scored.extend(streams.iter().map(|s| caseless_copy(s)));
    }
    let folds = folds.max(2);
    score_by_folds(&scored, streams.len(), folds, seed, |fold| {
        let training: Vec<Stream> = streams
            .iter()
            .map(|s| {
                s.iter()
                    .filter(|l| fold_of(l, folds, seed) != fold)
                    .cloned()
                    .collect()
            })
            .collect();
        let config = with_model(config, fit(&training, config, caseless));
        scored
            .iter()
            .map(|stream| predict(stream, &config))
            .collect()
    })
}

/// One run of `config` over each stream, scored fold by fold exactly as
/// [`cross_validate`] scores its folds: with the committed model this is
/// the in-sample figure under the out-of-fold protocol, so the two can be
/// compared (the in-sample `eval clustering` figure scores every article
/// against every other).
pub fn scored_by_folds(
    streams: &[Stream],
    folds: usize,
    seed: u64,
    config: &ClustererConfig,
) -> (Evaluation, Vec<Evaluation>) {
    let runs: Vec<HashMap<String, String>> = streams
        .iter()
        .map(|stream| predict(stream, config))
        .collect();
    score_by_folds(streams, streams.len(), folds.max(2), seed, |_| runs.clone())
}

/// The fold of an article's gold story under split `seed`.
fn fold_of(labeled: &LabeledArticle, folds: usize, seed: u64) -> usize {
    (xxhash_rust::xxh3::xxh3_64_with_seed(labeled.key().as_bytes(), seed) % folds as u64) as usize
}

/// Scores `scored` fold by fold, `runs(fold)` giving the predicted story
/// of every article of each stream in that fold's run; the first `given`
/// streams are pooled.
fn score_by_folds(
    scored: &[Stream],
    given: usize,
    folds: usize,
    seed: u64,
    mut runs: impl FnMut(usize) -> Vec<HashMap<String, String>>,
) -> (Evaluation, Vec<Evaluation>) {
    let mut gold = vec![HashMap::new(); scored.len()];
    let mut gold_english = vec![HashMap::new(); scored.len()];
    let mut predicted = vec![HashMap::new(); scored.len()];
    let mut in_context = vec![InContextCounts::default(); scored.len()];
    let whole_gold: Vec<HashMap<String, String>> = scored
        .iter()
        .map(|stream| {
            stream
                .iter()
                .map(|l| (l.article.id.0.clone(), l.key()))
                .collect()
        })
        .collect();
    for fold in 0..folds {
        let fold_runs = runs(fold);
        for (n, (stream, run)) in scored.iter().zip(&fold_runs).enumerate() {
            let in_fold: std::collections::HashSet<&str> = stream
                .iter()
                .filter(|l| fold_of(l, folds, seed) == fold)
                .map(|l| l.article.id.0.as_str())
                .collect();
            in_context[n].add(&whole_gold[n], run, |id| in_fold.contains(id.as_str()));
            for labeled in stream.iter().filter(|l| fold_of(l, folds, seed) == fold) {
                let id = &labeled.article.id.0;
                let key = format!("{n}:{id}");
                if let Some(story) = run.get(id) {
                    predicted[n].insert(key.clone(), format!("{fold}:{n}:{story}"));
                }
                gold[n].insert(key.clone(), format!("{n}:{}", labeled.key()));
                if labeled.english {
                    gold_english[n].insert(key, format!("{n}:{}", labeled.key()));
                }
            }
        }
    }
    let merged = |maps: &[HashMap<String, String>]| -> HashMap<String, String> {
        maps.iter()
            .flatten()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let all_predicted = merged(&predicted[..given]);
    let mut pooled_context = InContextCounts::default();
    for counts in &in_context[..given] {
        pooled_context.merge(counts);
    }
    let pooled = Evaluation {
        all: score_clustering(&merged(&gold[..given]), &all_predicted),
        english: score_clustering(&merged(&gold_english[..given]), &all_predicted),
        in_context: Some(pooled_context.scores()),
    };
    let each = (0..scored.len())
        .map(|n| Evaluation {
            all: score_clustering(&gold[n], &predicted[n]),
            english: score_clustering(&gold_english[n], &predicted[n]),
            in_context: Some(in_context[n].scores()),
        })
        .collect();
    (pooled, each)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_zero_keeps_the_default_split() {
        for key in ["story:rice-arsenal", "alone:dev-002", ""] {
            assert_eq!(
                xxhash_rust::xxh3::xxh3_64_with_seed(key.as_bytes(), 0),
                xxhash_rust::xxh3::xxh3_64(key.as_bytes())
            );
        }
    }

    #[test]
    fn the_search_grids_and_the_brevity_input_agree() {
        assert_eq!(INPUTS[BREVITY], "brevity");
        assert!(THRESHOLDS.windows(2).all(|w| w[0] < w[1]));
        assert!(BREVITY_SHIFTS.contains(&0.0));
        assert_eq!(INPUTS[CASELESS], "caseless");
        assert!(CASELESS_SHIFTS.contains(&0.0));
    }

    #[test]
    fn a_caseless_copy_is_lowercase_words_without_stop_words() {
        let raw = crate::ingest::RawArticle::new(
            crate::model::SourceFormat::PlainText,
            "Roma agree fee".to_string(),
        );
        let Ok(mut article) = crate::normalize::finish(raw, None) else {
            panic!("a plain text normalizes");
        };
        article.title = "Roma agree £13.5m fee for Chris Smalling".into();
        article.lead = Some("The deal: done.".into());
        article.body = "Manchester United's defender, 30, is off to Rome.".into();
        let stream = vec![LabeledArticle {
            article,
            story: Some("smalling".into()),
            duplicate: false,
            english: true,
        }];
        let copy = caseless_copy(&stream);
        assert_eq!(copy[0].article.title, "roma agree fee chris smalling");
        assert_eq!(copy[0].article.lead.as_deref(), Some("deal done"));
        assert_eq!(copy[0].article.body, "manchester united defender rome");
        assert_eq!(copy[0].story, stream[0].story);
        assert!(crate::cluster::features::caseless(&copy[0].article.body));
    }

    /// A stream of `stories` interleaved stories, three articles each,
    /// one a day; every article says "council" (so it meets every story
    /// before it), twin stories share most words (so an article scores
    /// high with two stories and low with the rest); the last article is a
    /// copy, one article is of no story.
    fn council_stream(stories: usize) -> Stream {
        use crate::cluster::clusterer::tests::word;
        let count = stories * 3;
        (0..count)
            .map(|n| {
                let story = n % stories;
                let twins: Vec<String> = (0..16).map(|k| word(story / 2 * 20 + k)).collect();
                let title = format!("Council {} {} {}", twins[0], twins[1], word(900 + story));
                let body = format!(
                    "The council said the {} plan was {} today.",
                    twins[2..].join(" "),
                    word(1000 + n)
                );
                let article = crate::store::conformance::sample_article(n as u32, &title, &body);
                LabeledArticle {
                    article,
                    story: (n != 4).then(|| format!("s{story}")),
                    duplicate: n + 1 == count,
                    english: true,
                }
            })
            .collect()
    }

    #[test]
    fn every_story_an_article_can_meet_makes_one_pair() {
        use crate::cluster::index::CANDIDATES_SCORED;
        for stories in [5, 12, 40] {
            let stream = council_stream(stories);
            // From the labels alone: each article but a copy pairs with
            // every story met before it (at most the candidates scored),
            // the same story when its own is among them.
            let (mut met, mut expected, mut same) = (Vec::new(), 0, 0);
            for labeled in &stream {
                let key = labeled.key();
                if !labeled.duplicate {
                    expected += met.len().min(CANDIDATES_SCORED);
                    same += usize::from(met.contains(&key));
                }
                if !met.contains(&key) {
                    met.push(key);
                }
            }
            let pairs = pairs(&stream, &ClustererConfig::default());
            assert_eq!(pairs.len(), expected, "{stories} stories");
            assert_eq!(pairs.iter().filter(|(_, y)| *y).count(), same);
        }
    }

    #[test]
    fn logistic_regression_weighs_the_input_that_tells_stories_apart() {
        let pairs: Vec<([f32; INPUT_COUNT], bool)> = (0..200)
            .map(|i| {
                let same = i % 3 == 0;
                let mut x = [0.0; INPUT_COUNT];
                x[0] = if same { 0.5 } else { 0.1 } + (i % 7) as f32 * 0.05;
                x[1] = (i % 5) as f32 * 0.1;
                (x, same)
            })
            .collect();
        let (bias, weights) = logistic_regression(&pairs);
        assert!(bias < 0.0, "bias {bias}");
        assert!(weights[0] > 1.0, "weights {weights:?}");
        assert!(weights[0] > 5.0 * weights[1].abs(), "weights {weights:?}");
    }
}
