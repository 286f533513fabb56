//! Logistic regression by Newton's method, shared by the fitted models: the
//! clusterer's pair model (`cluster::fit`) and the timeline date ranker
//! (`timeline::date_model`).
//!
//! Samples are `(inputs, label, weight)`; weights let each group of samples
//! (a training stream, a gold timeline) count the same however many
//! samples it makes. A small L2 penalty on the weights (not the intercept)
//! keeps the fit finite when a feature separates the labels.

/// One training sample: its inputs, its label and how much it weighs.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// The model inputs.
    pub inputs: Vec<f64>,
    /// The label (true = positive).
    pub label: bool,
    /// The sample's weight (relative to the others).
    pub weight: f64,
}

/// A fitted model: `p = σ(bias + Σ weightᵢ·xᵢ)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Logistic {
    /// The intercept.
    pub bias: f64,
    /// One weight per input.
    pub weights: Vec<f64>,
}

impl Logistic {
    /// The linear score `bias + Σ weightᵢ·xᵢ` (monotone in the probability).
    pub fn score(&self, inputs: &[f64]) -> f64 {
        self.bias
            + self
                .weights
                .iter()
                .zip(inputs)
                .map(|(w, x)| w * x)
                .sum::<f64>()
    }

    /// The probability of a positive label.
    pub fn probability(&self, inputs: &[f64]) -> f64 {
        1.0 / (1.0 + (-self.score(inputs)).exp())
    }
}

/// Fits `samples` of `dims` inputs each (shorter inputs read as 0) by
/// Newton's method with L2 penalty `1e-4`. With no samples or no weight,
/// every coefficient is 0.
pub fn fit(samples: &[Sample], dims: usize) -> Logistic {
    fit_with_offsets(samples, &[], dims)
}

/// [`fit`] with a fixed offset added to each sample's linear score
/// (`offsets[i]` for `samples[i]`, 0 where missing): fits corrections on
/// top of a model already fitted, whose score is the offset.
pub fn fit_with_offsets(samples: &[Sample], offsets: &[f64], dims: usize) -> Logistic {
    let n = dims + 1;
    let zero = Logistic {
        bias: 0.0,
        weights: vec![0.0; dims],
    };
    let total: f64 = samples.iter().map(|s| s.weight).sum();
    if samples.is_empty() || total <= 0.0 {
        return zero;
    }
    let l2 = 1e-4;
    let mut beta = vec![0.0f64; n];
    let mut row = vec![0.0f64; n];
    for _ in 0..50 {
        let mut gradient = vec![0.0f64; n];
        let mut hessian = vec![vec![0.0f64; n]; n];
        for (k, sample) in samples.iter().enumerate() {
            row[0] = 1.0;
            for (i, r) in row[1..].iter_mut().enumerate() {
                *r = sample.inputs.get(i).copied().unwrap_or(0.0);
            }
            let offset = offsets.get(k).copied().unwrap_or(0.0);
            let z: f64 = offset + beta.iter().zip(&row).map(|(b, r)| b * r).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let w = sample.weight / total;
            let error = w * (p - if sample.label { 1.0 } else { 0.0 });
            let curvature = w * p * (1.0 - p);
            for i in 0..n {
                gradient[i] += error * row[i];
                for j in 0..n {
                    hessian[i][j] += curvature * row[i] * row[j];
                }
            }
        }
        for i in 1..n {
            gradient[i] += l2 * beta[i];
            hessian[i][i] += l2;
        }
        hessian[0][0] += 1e-9;
        let Some(step) = solve(hessian, gradient) else {
            break;
        };
        let mut size = 0.0f64;
        for (b, s) in beta.iter_mut().zip(step) {
            *b -= s;
            size = size.max(s.abs());
        }
        if size < 1e-7 {
            break;
        }
    }
    Logistic {
        bias: beta[0],
        weights: beta[1..].to_vec(),
    }
}

/// Solves `a·x = b` by Gaussian elimination with partial pivoting; `None`
/// when `a` is singular or the result is not finite.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for column in 0..n {
        let pivot =
            (column..n).max_by(|&i, &j| a[i][column].abs().total_cmp(&a[j][column].abs()))?;
        if a[pivot][column].abs() < 1e-15 {
            return None;
        }
        a.swap(column, pivot);
        b.swap(column, pivot);
        let pivot_row = a[column].clone();
        for row in column + 1..n {
            let factor = a[row][column] / pivot_row[column];
            for (target, source) in a[row][column..].iter_mut().zip(&pivot_row[column..]) {
                *target -= factor * source;
            }
            b[row] -= factor * b[column];
        }
    }
    let mut x = vec![0.0f64; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_input_that_separates_the_labels_gets_the_weight() {
        let samples: Vec<Sample> = (0..200)
            .map(|i| {
                let positive = i % 3 == 0;
                Sample {
                    inputs: vec![
                        if positive { 0.5 } else { 0.1 } + f64::from(i % 7) * 0.05,
                        f64::from(i % 5) * 0.1,
                    ],
                    label: positive,
                    weight: 1.0,
                }
            })
            .collect();
        let model = fit(&samples, 2);
        assert!(model.bias < 0.0, "{model:?}");
        assert!(model.weights[0] > 1.0, "{model:?}");
        assert!(model.weights[0] > 5.0 * model.weights[1].abs(), "{model:?}");
        assert!(model.probability(&[0.8, 0.0]) > model.probability(&[0.1, 0.0]));
    }

    #[test]
    fn an_offset_already_explaining_the_labels_leaves_little_to_fit() {
        let samples: Vec<Sample> = (0..200)
            .map(|i| Sample {
                inputs: vec![f64::from(i % 5) * 0.1],
                label: i % 2 == 0,
                weight: 1.0,
            })
            .collect();
        let offsets: Vec<f64> = (0..200)
            .map(|i| if i % 2 == 0 { 4.0 } else { -4.0 })
            .collect();
        let plain = fit(&samples, 1);
        let corrected = fit_with_offsets(&samples, &offsets, 1);
        assert!(plain.bias.abs() < 0.5, "{plain:?}");
        assert!(corrected.bias.abs() < 0.5, "{corrected:?}");
        // The labels alternate; with the offset telling them apart, the
        // fitted correction must not undo it.
        let p =
            |k: usize| 1.0 / (1.0 + (-(offsets[k] + corrected.score(&samples[k].inputs))).exp());
        assert!(p(0) > 0.9 && p(1) < 0.1);
    }

    #[test]
    fn no_samples_fit_a_zero_model() {
        let model = fit(&[], 3);
        assert_eq!(model.weights, vec![0.0; 3]);
        assert!((model.probability(&[1.0, 2.0, 3.0]) - 0.5).abs() < 1e-12);
    }
}
