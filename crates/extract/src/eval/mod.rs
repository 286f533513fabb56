//! Evaluation of the extractors against external test specs.
//!
//! [`recognizers`] reads Microsoft Recognizers-Text spec files.

pub mod recognizers;

pub use recognizers::{EvalError, EvalReport, Figure, eval_currency, eval_numbers};
