//! The learned date ranker: a logistic model over a candidate day's
//! features ([`super::date_features`]) giving how likely the day is to be
//! in a human-written timeline of the topic. Days are ranked by its linear
//! score.
//!
//! The weights are fitted on Timeline17 (`storyline eval timeline DIR
//! --refit PATH`, [`DateModel::fit`]) and committed in `date_model.json`,
//! which is compiled in. `eval timeline` itself reports out-of-fold figures:
//! each topic is ranked by a model fitted on the other topics only.

use super::date_features::{DayFeatures, FEATURE_COUNT, FEATURES};
use crate::logistic::{self, Sample};
use serde::{Deserialize, Serialize};

/// The committed fitted model (see its `fitted_on`).
const COMMITTED: &str = include_str!("date_model.json");

/// Logistic weights over the features of [`FEATURES`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateModel {
    /// The feature names, in the order of `weights` (checked on reading).
    pub features: Vec<String>,
    /// Intercept.
    pub bias: f64,
    /// One weight per feature.
    pub weights: Vec<f64>,
    /// What the model was fitted on (free text).
    #[serde(default)]
    pub fitted_on: String,
}

/// One gold timeline's candidate days with their labels (in the gold or
/// not): the training unit of [`DateModel::fit`].
#[derive(Debug, Clone, Default)]
pub struct LabeledDays {
    /// The candidate days and their features.
    pub days: Vec<DayFeatures>,
    /// For each candidate, true when the gold timeline has that day.
    pub in_gold: Vec<bool>,
}

impl Default for DateModel {
    /// The committed model; the hand-set one if it cannot be read or does
    /// not match [`FEATURES`] (it is compiled in and tested, so that only
    /// happens while editing it).
    fn default() -> Self {
        serde_json::from_str::<Self>(COMMITTED)
            .ok()
            .filter(Self::matches_features)
            .unwrap_or_else(Self::hand_set)
    }
}

impl DateModel {
    /// The ranking used before the model was learned: later references
    /// plus publications, by rank.
    pub fn hand_set() -> Self {
        let weights = FEATURES
            .iter()
            .map(|name| if *name == "baseline_rank" { 1.0 } else { 0.0 })
            .collect();
        Self {
            features: FEATURES.iter().map(|s| s.to_string()).collect(),
            bias: 0.0,
            weights,
            fitted_on: "hand-set".into(),
        }
    }

    /// True when the model's features are [`FEATURES`], in order.
    fn matches_features(&self) -> bool {
        self.weights.len() == FEATURE_COUNT && self.features.iter().eq(FEATURES.iter())
    }

    /// Fits the weights on `timelines`, each gold timeline weighing the
    /// same however many candidate days it has.
    pub fn fit(timelines: &[LabeledDays], fitted_on: &str) -> Self {
        let mut samples = Vec::new();
        for timeline in timelines {
            let weight = 1.0 / timeline.days.len().max(1) as f64;
            for (day, label) in timeline.days.iter().zip(&timeline.in_gold) {
                samples.push(Sample {
                    inputs: day.values.to_vec(),
                    label: *label,
                    weight,
                });
            }
        }
        let fitted = logistic::fit(&samples, FEATURE_COUNT);
        Self {
            features: FEATURES.iter().map(|s| s.to_string()).collect(),
            bias: fitted.bias,
            weights: fitted.weights,
            fitted_on: format!(
                "{} candidate days of {} gold timelines; {fitted_on}",
                samples.len(),
                timelines.len()
            ),
        }
    }

    /// The day's score: higher is likelier in the timeline.
    pub fn score(&self, day: &DayFeatures) -> f64 {
        self.bias
            + self
                .weights
                .iter()
                .zip(&day.values)
                .map(|(w, x)| w * x)
                .sum::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses_and_matches_the_features() {
        let model: DateModel = serde_json::from_str(COMMITTED).unwrap_or_else(|e| {
            panic!("date_model.json: {e}");
        });
        assert!(model.matches_features(), "{model:?}");
        assert_ne!(DateModel::default().fitted_on, "hand-set");
    }
}
