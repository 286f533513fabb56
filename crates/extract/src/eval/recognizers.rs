//! Scores [`find_money`] and [`find_numbers`]
//! against Microsoft Recognizers-Text English spec files (`CurrencyModel.json`,
//! `NumberModel.json`).
//!
//! A case passes when the set of extracted spans (code-point start, inclusive
//! end) equals the expected set exactly and every value matches (currency: value
//! and ISO code too). Cases whose `NotSupported`/`NotSupportedByDesign` lists
//! `dotnet` are excluded (upstream's reference implementation fails them; in
//! these files they are listed for every platform). Currency cases that expect
//! a bare currency name with no amount ("I counted the dollars") are scored
//! like the rest, and fail: a money-amount extractor does not produce them.
//!
//! Upstream `unit` names are mapped to ISO 4217 when `isoCurrency` is absent,
//! with the same policy the extractor uses for bare names (see `money/currency.rs`):
//! Dollar → USD, Pound → GBP, Franc → CHF, Rupee → INR, Cent → USD/100,
//! Pence/Penny → GBP/100, Bitcoin → XBT, Satoshi → XBT/10⁸, and withdrawn codes
//! for Peseta (ESP), Finnish markka (FIM), Netherlands guilder (NLG). An unknown
//! unit maps to `?<unit>` and so fails.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::{char_span, find_money, find_numbers};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The spec file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        err: std::io::Error,
    },
    /// The spec file is not the expected JSON.
    #[error("{path} is not a Recognizers spec file: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
}

/// One expected or extracted figure, in the spec's terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset of the last character (inclusive, as upstream).
    pub end: usize,
    /// The text.
    pub text: String,
    /// The value (major units for money).
    pub value: f64,
    /// ISO code for money; empty for numbers.
    pub currency: String,
}

/// A failed case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// The input sentence.
    pub input: String,
    /// What the spec expects.
    pub expected: Vec<Figure>,
    /// What we extracted.
    pub got: Vec<Figure>,
}

/// A case left out of the score, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    /// The input sentence.
    pub input: String,
    /// Why it is excluded.
    pub reason: String,
}

/// The result of one evaluation run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    /// Cases in the file.
    pub total: usize,
    /// Cases left out, with reasons.
    pub excluded: Vec<Excluded>,
    /// Cases scored (`total - excluded`).
    pub evaluated: usize,
    /// Cases that passed.
    pub passed: usize,
    /// Cases that failed.
    pub failed: usize,
    /// `passed / evaluated`.
    pub pass_rate: f64,
    /// Every failed case.
    pub failures: Vec<Failure>,
}

/// Scores [`find_money`] on a `CurrencyModel.json` file.
pub fn eval_currency(path: &Path) -> Result<EvalReport, EvalError> {
    evaluate(path, Model::Currency)
}

/// Scores [`find_numbers`] on a `NumberModel.json` file.
pub fn eval_numbers(path: &Path) -> Result<EvalReport, EvalError> {
    evaluate(path, Model::Number)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Model {
    Currency,
    Number,
}

fn evaluate(path: &Path, model: Model) -> Result<EvalReport, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|err| EvalError::Read {
        path: path.to_owned(),
        err,
    })?;
    let format = |reason: String| EvalError::Format {
        path: path.to_owned(),
        reason,
    };
    let json: Value = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
        .map_err(|e| format(e.to_string()))?;
    let cases = json
        .as_array()
        .ok_or_else(|| format("top level is not an array".into()))?;
    let mut report = EvalReport {
        total: cases.len(),
        excluded: Vec::new(),
        evaluated: 0,
        passed: 0,
        failed: 0,
        pass_rate: 0.0,
        failures: Vec::new(),
    };
    for case in cases {
        let input = case["Input"]
            .as_str()
            .ok_or_else(|| format("a case has no Input".into()))?;
        if let Some(reason) = exclusion(case, model) {
            report.excluded.push(Excluded {
                input: input.to_owned(),
                reason,
            });
            continue;
        }
        let expected = expected_figures(case, model).map_err(format)?;
        let got = extracted_figures(input, model);
        report.evaluated += 1;
        if same(&expected, &got) {
            report.passed += 1;
        } else {
            report.failed += 1;
            report.failures.push(Failure {
                input: input.to_owned(),
                expected,
                got,
            });
        }
    }
    if report.evaluated > 0 {
        report.pass_rate = report.passed as f64 / report.evaluated as f64;
    }
    Ok(report)
}

fn exclusion(case: &Value, model: Model) -> Option<String> {
    let listed: Vec<String> = ["NotSupported", "NotSupportedByDesign"]
        .iter()
        .filter_map(|k| case[*k].as_str())
        .flat_map(|s| s.split(','))
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty())
        .collect();
    if listed.iter().any(|p| p == "dotnet") {
        return Some(format!("marked NotSupported for: {}", listed.join(", ")));
    }
    let results = case["Results"].as_array()?;
    if model == Model::Currency
        && results
            .iter()
            .any(|r| r["TypeName"].as_str() != Some("currency"))
    {
        return Some("expects a non-currency unit".into());
    }
    None
}

fn expected_figures(case: &Value, model: Model) -> Result<Vec<Figure>, String> {
    let results = case["Results"]
        .as_array()
        .ok_or_else(|| "a case has no Results array".to_string())?;
    let mut out = Vec::new();
    for r in results {
        let start = r["Start"].as_u64().ok_or("Start missing")? as usize;
        let end = r["End"].as_u64().ok_or("End missing")? as usize;
        let res = &r["Resolution"];
        // A bare currency name ("dollars") has a null value: it becomes NaN,
        // which no extracted amount equals, so the case is scored as failed.
        let raw_value: f64 = if res["value"].is_null() {
            f64::NAN
        } else {
            res["value"]
                .as_str()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("unparsable value in {res}"))?
        };
        let (currency, value) = match model {
            Model::Number => (String::new(), raw_value),
            Model::Currency => {
                let unit = res["unit"].as_str().unwrap_or_default();
                let (code, mult) = match res["isoCurrency"].as_str() {
                    Some(iso) => (iso.to_owned(), 1.0),
                    None => unit_to_iso(unit),
                };
                (code, raw_value * mult)
            }
        };
        out.push(Figure {
            start,
            end,
            text: r["Text"].as_str().unwrap_or_default().to_owned(),
            value,
            currency,
        });
    }
    Ok(out)
}

/// Upstream unit names without an `isoCurrency`, mapped by the extractor's policy.
fn unit_to_iso(unit: &str) -> (String, f64) {
    let (code, mult) = match unit {
        "Dollar" | "United States dollar" => ("USD", 1.0),
        "Pound" | "British pound" => ("GBP", 1.0),
        "Euro" => ("EUR", 1.0),
        "Franc" | "Swiss franc" => ("CHF", 1.0),
        "Rupee" => ("INR", 1.0),
        "Cent" => ("USD", 0.01),
        "Pence" | "Penny" => ("GBP", 0.01),
        "Peseta" => ("ESP", 1.0),
        "Finnish markka" => ("FIM", 1.0),
        "Netherlands guilder" => ("NLG", 1.0),
        "Bitcoin" => ("XBT", 1.0),
        "Satoshi" => ("XBT", 1e-8),
        other => return (format!("?{other}"), 1.0),
    };
    (code.to_owned(), mult)
}

fn extracted_figures(input: &str, model: Model) -> Vec<Figure> {
    let figure = |span: std::ops::Range<usize>, text: &str, value: f64, currency: &str| {
        let cs = char_span(input, span);
        Figure {
            start: cs.start,
            end: cs.end.saturating_sub(1),
            text: text.to_owned(),
            value,
            currency: currency.to_owned(),
        }
    };
    match model {
        Model::Currency => find_money(input)
            .into_iter()
            .map(|m| figure(m.span, &m.text, m.value, &m.currency))
            .collect(),
        Model::Number => find_numbers(input)
            .into_iter()
            .map(|n| figure(n.span, &n.text, n.value, ""))
            .collect(),
    }
}

fn same(expected: &[Figure], got: &[Figure]) -> bool {
    let key = |f: &Figure| (f.start, f.end);
    let mut e: Vec<&Figure> = expected.iter().collect();
    let mut g: Vec<&Figure> = got.iter().collect();
    e.sort_by_key(|f| key(f));
    g.sort_by_key(|f| key(f));
    e.len() == g.len()
        && e.iter()
            .zip(&g)
            .all(|(a, b)| key(a) == key(b) && close(a.value, b.value) && a.currency == b.currency)
}

/// Upstream prints values with 15 significant digits.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
}
