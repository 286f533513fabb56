//! The scoring model: how the similarity components of an (article, story)
//! pair become one probability that the article belongs to the story.
//!
//! p = σ(bias + Σ wᵢ·xᵢ) over the inputs of [`Components::inputs`]; an
//! article joins its best story when p reaches `threshold`. The weights are
//! fitted by logistic regression on pairs from replayed labeled streams
//! (`cluster::fit`, `storyline fit clusterer`) and committed in
//! `model.json`, which is compiled in. The threshold, and a shift of the
//! `brevity` weight, are then chosen for clustering F1 rather than pair
//! log-loss, so short articles' probabilities run somewhat above their
//! calibrated values.

use serde::{Deserialize, Serialize};

/// The committed fitted model (see `model.json`'s `fitted_on`).
const COMMITTED: &str = include_str!("model.json");

/// How many inputs the model has.
pub const INPUT_COUNT: usize = 17;

/// Names of the model inputs, in the order of [`Components::inputs`].
pub const INPUTS: [&str; INPUT_COUNT] = [
    "text",
    "nearest_text",
    "nearest_names",
    "names",
    "headline_names",
    "figures",
    "log_gap_days",
    "foreign_names",
    "foreign_figures",
    "brevity",
    "text_brevity",
    "nearest_text_brevity",
    "names_brevity",
    "caseless",
    "text_caseless",
    "nearest_text_caseless",
    "brevity_caseless",
];

/// How similar one article is to one story, component by component.
// Missing fields read as 0, so stored explanations (`cluster::Explanation`)
// still decode after a component is added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Components {
    /// TF-IDF cosine of word terms (same-language text).
    pub text: f32,
    /// TF-IDF cosine of names.
    pub names: f32,
    /// Best TF-IDF cosine of word terms with one article of the story.
    pub nearest_text: f32,
    /// Best TF-IDF cosine of names with one article of the story.
    pub nearest_names: f32,
    /// TF-IDF cosine of the article's headline and lead names with the
    /// story's names.
    pub headline_names: f32,
    /// TF-IDF cosine of figures.
    pub figures: f32,
    /// Days between the article and the story's span (0 inside it or
    /// when either is undated).
    pub gap_days: f32,
    /// The article is not in English.
    pub foreign: bool,
    /// How short the article is, from 0 (a full article) to about 0.6 (a
    /// bare headline); see `ArticleFeatures::brevity`. Cosines between
    /// short texts run lower and mean more, so the model weighs them
    /// through interactions with this.
    #[serde(default)]
    pub brevity: f32,
    /// The article's text has letters but no capital (a lowercased,
    /// stop-worded stream such as googlenews-mstream): no name input can
    /// fire, so the model gives such articles their own intercept and
    /// text weights instead of scoring them as articles whose names differ.
    #[serde(default)]
    pub caseless: bool,
}

impl Components {
    /// The model inputs, named by [`INPUTS`]. Word terms count only between
    /// English articles; a foreign article is matched by names and figures,
    /// with weights of its own. Short articles (headlines, snippets) get
    /// their own intercept and text and name weights through `brevity`,
    /// and text without capitals its own through `caseless`.
    pub fn inputs(&self) -> [f32; INPUT_COUNT] {
        let foreign = if self.foreign { 1.0 } else { 0.0 };
        let caseless = if self.caseless { 1.0 } else { 0.0 };
        let text = self.text * (1.0 - foreign);
        let nearest_text = self.nearest_text * (1.0 - foreign);
        [
            text,
            nearest_text,
            self.nearest_names,
            self.names,
            self.headline_names,
            self.figures,
            (1.0 + self.gap_days.max(0.0)).ln(),
            self.names * foreign,
            self.figures * foreign,
            self.brevity,
            text * self.brevity,
            nearest_text * self.brevity,
            self.names * self.brevity,
            caseless,
            text * caseless,
            nearest_text * caseless,
            self.brevity * caseless,
        ]
    }
}

/// Logistic weights over [`Components::inputs`] and the joining threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreModel {
    /// Intercept.
    pub bias: f32,
    /// One weight per input of [`INPUTS`]. A model file written before
    /// later inputs were added lists fewer weights; the missing ones read
    /// as 0, so it scores exactly as it did.
    #[serde(deserialize_with = "padded_weights")]
    pub weights: [f32; INPUT_COUNT],
    /// Minimum probability for an article to join a story.
    pub threshold: f32,
    /// What the model was fitted on and how well it did (free text).
    #[serde(default)]
    pub fitted_on: String,
}

/// Reads up to [`INPUT_COUNT`] weights, padding missing trailing ones with 0.
fn padded_weights<'de, D>(deserializer: D) -> Result<[f32; INPUT_COUNT], D::Error>
where
    D: serde::Deserializer<'de>,
{
    let listed = Vec::<f32>::deserialize(deserializer)?;
    if listed.len() > INPUT_COUNT {
        return Err(serde::de::Error::invalid_length(
            listed.len(),
            &"at most one weight per model input",
        ));
    }
    let mut weights = [0.0; INPUT_COUNT];
    weights[..listed.len()].copy_from_slice(&listed);
    Ok(weights)
}

impl Default for ScoreModel {
    /// The committed model; hand-set weights if it cannot be read (it is
    /// compiled in and tested, so that only happens while editing it).
    fn default() -> Self {
        serde_json::from_str(COMMITTED).unwrap_or_else(|_| Self::hand_set())
    }
}

impl ScoreModel {
    /// Weights set by hand: what the fitted model started from.
    pub fn hand_set() -> Self {
        Self {
            bias: -4.0,
            weights: [
                6.0, 0.0, 0.0, 5.0, 2.0, 1.0, -0.6, 3.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                0.0,
            ],
            threshold: 0.5,
            fitted_on: "hand-set".into(),
        }
    }

    /// The probability that an article with these components belongs to
    /// the story.
    pub fn probability(&self, components: &Components) -> f32 {
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(components.inputs())
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses() {
        let model: ScoreModel = serde_json::from_str(COMMITTED).unwrap_or_else(|e| {
            panic!("model.json: {e}");
        });
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
    }

    #[test]
    fn a_model_with_fewer_weights_reads_the_rest_as_zero() {
        let old = r#"{"bias": -1.0, "weights": [2.0, 3.0], "threshold": 0.2}"#;
        let model: ScoreModel = serde_json::from_str(old).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(model.weights[..2], [2.0, 3.0]);
        assert!(model.weights[2..].iter().all(|w| *w == 0.0));
        let too_many = format!(
            r#"{{"bias": 0, "weights": {:?}, "threshold": 0.2}}"#,
            vec![1.0; INPUT_COUNT + 1]
        );
        assert!(serde_json::from_str::<ScoreModel>(&too_many).is_err());
    }

    #[test]
    fn closer_stories_score_higher() {
        let model = ScoreModel::default();
        let near = Components {
            text: 0.5,
            names: 0.6,
            headline_names: 0.5,
            figures: 0.3,
            ..Components::default()
        };
        let far = Components {
            gap_days: 200.0,
            ..near
        };
        assert!(model.probability(&near) > model.probability(&far));
    }
}
