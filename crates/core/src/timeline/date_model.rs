//! The learned date ranker: a logistic model over a candidate day's
//! features ([`super::date_features`]) giving how likely the day is to be
//! in a human-written timeline of the topic. Days are ranked by its linear
//! score.
//!
//! The weights are fitted on Timeline17 (`storyline eval timeline DIR
//! --refit PATH`, [`DateModel::fit`]) and committed in `date_model.json`,
//! which is compiled in. `eval timeline` itself reports out-of-fold figures:
//! each topic is ranked by a model fitted on the other topics only.

use super::date_features::{DATEWISE_FEATURES, DayFeatures, FEATURES};
use crate::logistic::{self, Sample};
use serde::{Deserialize, Serialize};

/// The committed fitted model (see its `fitted_on`).
const COMMITTED: &str = include_str!("date_model.json");

/// Logistic weights over some of the features of [`FEATURES`], named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateModel {
    /// The names of the features the model reads, in the order of
    /// `weights`; each one of [`FEATURES`] (checked on reading).
    pub features: Vec<String>,
    /// Intercept.
    pub bias: f64,
    /// One weight per feature.
    pub weights: Vec<f64>,
    /// What the model was fitted on (free text).
    #[serde(default)]
    pub fitted_on: String,
    /// Where each of `features` is in [`FEATURES`].
    #[serde(skip)]
    columns: Vec<usize>,
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
        Self::from_json(COMMITTED).unwrap_or_else(Self::hand_set)
    }
}

impl DateModel {
    /// A model over the named features; `None` when a name is not one of
    /// [`FEATURES`] or the weights do not match the names.
    pub fn new(features: &[&str], bias: f64, weights: Vec<f64>, fitted_on: &str) -> Option<Self> {
        Self {
            features: features.iter().map(|s| s.to_string()).collect(),
            bias,
            weights,
            fitted_on: fitted_on.to_string(),
            columns: Vec::new(),
        }
        .resolved()
    }

    /// Reads a model written by `eval timeline --refit`; `None` when it
    /// does not parse or names an unknown feature.
    pub fn from_json(text: &str) -> Option<Self> {
        serde_json::from_str::<Self>(text).ok()?.resolved()
    }

    /// Finds the columns of the named features.
    fn resolved(mut self) -> Option<Self> {
        self.columns = self
            .features
            .iter()
            .map(|name| FEATURES.iter().position(|f| f == name))
            .collect::<Option<_>>()?;
        (self.weights.len() == self.columns.len()).then_some(self)
    }

    /// The ranking used before the model was learned: later references
    /// plus publications, by rank.
    pub fn hand_set() -> Self {
        Self {
            features: vec!["baseline_rank".into()],
            bias: 0.0,
            weights: vec![1.0],
            fitted_on: "hand-set".into(),
            columns: FEATURES
                .iter()
                .position(|f| *f == "baseline_rank")
                .into_iter()
                .collect(),
        }
    }

    /// Fits weights over [`DATEWISE_FEATURES`] on `timelines`, each gold
    /// timeline weighing the same however many candidate days it has.
    pub fn fit(timelines: &[LabeledDays], fitted_on: &str) -> Self {
        let columns: Vec<usize> = DATEWISE_FEATURES
            .iter()
            .filter_map(|name| FEATURES.iter().position(|f| f == name))
            .collect();
        let mut samples = Vec::new();
        for timeline in timelines {
            let weight = 1.0 / timeline.days.len().max(1) as f64;
            for (day, label) in timeline.days.iter().zip(&timeline.in_gold) {
                samples.push(Sample {
                    inputs: columns.iter().map(|c| day.values[*c]).collect(),
                    label: *label,
                    weight,
                });
            }
        }
        let fitted = logistic::fit(&samples, columns.len());
        Self {
            features: DATEWISE_FEATURES.iter().map(|s| s.to_string()).collect(),
            bias: fitted.bias,
            weights: fitted.weights,
            fitted_on: format!(
                "{} candidate days of {} gold timelines; {fitted_on}",
                samples.len(),
                timelines.len()
            ),
            columns,
        }
    }

    /// The day's score: higher is likelier in the timeline.
    pub fn score(&self, day: &DayFeatures) -> f64 {
        self.bias
            + self
                .weights
                .iter()
                .zip(&self.columns)
                .map(|(w, c)| w * day.values.get(*c).copied().unwrap_or(0.0))
                .sum::<f64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses_and_matches_the_features() {
        let model = DateModel::from_json(COMMITTED);
        assert!(
            model.is_some(),
            "date_model.json does not parse or names unknown features"
        );
        assert_ne!(DateModel::default().fitted_on, "hand-set");
    }

    #[test]
    fn a_model_naming_an_unknown_feature_is_refused() {
        assert!(DateModel::new(&["published"], 0.0, vec![1.0], "").is_some());
        assert!(DateModel::new(&["moon_phase"], 0.0, vec![1.0], "").is_none());
        assert!(DateModel::new(&["published"], 0.0, vec![1.0, 2.0], "").is_none());
    }
}
