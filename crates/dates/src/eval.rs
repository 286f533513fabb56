//! Scoring [`find_dates`](crate::find_dates) against Microsoft
//! Recognizers-Text `DateTimeModel.json` specs.
//!
//! Rules, following the data's README:
//! - cases marked `NotSupported`/`NotSupportedByDesign` for `dotnet` (the
//!   reference implementation) are excluded, and so are cases without a
//!   `Context.ReferenceDateTime`;
//! - cases whose expected results include anything but
//!   `datetimeV2.date`/`datetimeV2.daterange` are excluded, with the
//!   reason (time of day, duration, set, timezone);
//! - negative cases (`Results: []`) are scored separately: they pass when
//!   nothing is found;
//! - a positive case passes when the mentions found are exactly the
//!   expected ones: same spans in code points (`End` is inclusive), a day
//!   for `date` and a range for `daterange`, and the same values: `value`
//!   for a date, `start` and `end` for a range. When the expected result
//!   lists two values (the past and the future reading of an ambiguous
//!   expression), matching either passes: we choose between them by tense,
//!   the reference by its own rules. When no value is resolved (`"not
//!   resolved"`, such as seasons), the span alone decides.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

use crate::model::{DateMention, Value};

/// Errors reading an evaluation file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not the expected JSON.
    #[error("cannot parse {path}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
}

/// Outcome of an evaluation run.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    /// Cases in the file.
    pub total: usize,
    /// Cases left out, by reason.
    pub excluded: BTreeMap<String, usize>,
    /// Positive date/daterange cases scored.
    pub scored: usize,
    /// Positive cases passed.
    pub passed: usize,
    /// Positive cases failed.
    pub failed: usize,
    /// Negative cases (nothing expected) scored.
    pub negatives: usize,
    /// Negative cases where nothing was found.
    pub negatives_passed: usize,
    /// Every failed case, positive or negative.
    pub failures: Vec<Failure>,
}

impl EvalReport {
    /// Share of positive cases passed (0 when none was scored).
    pub fn pass_rate(&self) -> f64 {
        ratio(self.passed, self.scored)
    }

    /// Share of negative cases passed (0 when none was scored).
    pub fn negative_pass_rate(&self) -> f64 {
        ratio(self.negatives_passed, self.negatives)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        // Counts are far below 2^52: the conversion is exact.
        a as f64 / b as f64
    }
}

/// A case that failed.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The input text.
    pub input: String,
    /// The reference date.
    pub reference: Date,
    /// Expected results, one line each.
    pub expected: Vec<String>,
    /// What was found, one line each.
    pub found: Vec<String>,
}

#[derive(Deserialize)]
struct Case {
    #[serde(rename = "Input")]
    input: String,
    #[serde(rename = "Context")]
    context: Option<Context>,
    #[serde(rename = "NotSupported", default)]
    not_supported: String,
    #[serde(rename = "NotSupportedByDesign", default)]
    not_supported_by_design: String,
    #[serde(rename = "Results")]
    results: Vec<Expected>,
}

#[derive(Deserialize)]
struct Context {
    #[serde(rename = "ReferenceDateTime")]
    reference: String,
}

#[derive(Deserialize)]
struct Expected {
    #[serde(rename = "Text")]
    text: String,
    #[serde(rename = "TypeName", alias = "Typename")]
    type_name: String,
    #[serde(rename = "Start")]
    start: usize,
    #[serde(rename = "End")]
    end: usize,
    #[serde(rename = "Resolution", default)]
    resolution: Option<Resolution>,
}

#[derive(Deserialize, Default)]
struct Resolution {
    #[serde(default)]
    values: Vec<BTreeMap<String, serde_json::Value>>,
}

/// Scores [`find_dates`](crate::find_dates) on a Recognizers-Text
/// `DateTimeModel.json` file.
pub fn eval_datetime_model(path: &Path) -> Result<EvalReport, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let cases: Vec<Case> =
        serde_json::from_str(raw.trim_start_matches('\u{feff}')).map_err(|source| {
            EvalError::Parse {
                path: path.to_path_buf(),
                source,
            }
        })?;
    let mut report = EvalReport {
        total: cases.len(),
        ..EvalReport::default()
    };
    for case in &cases {
        if let Some(reason) = exclusion(case) {
            *report.excluded.entry(reason.to_string()).or_default() += 1;
            continue;
        }
        let Some(reference) = case
            .context
            .as_ref()
            .and_then(|c| c.reference.get(..10))
            .and_then(|s| s.parse::<Date>().ok())
        else {
            *report
                .excluded
                .entry("no reference date".to_string())
                .or_default() += 1;
            continue;
        };
        let found = crate::find_dates(&case.input, reference);
        let ok = case_passes(&case.input, &case.results, &found);
        if case.results.is_empty() {
            report.negatives += 1;
            report.negatives_passed += usize::from(ok);
        } else {
            report.scored += 1;
            report.passed += usize::from(ok);
            report.failed += usize::from(!ok);
        }
        if !ok {
            report.failures.push(Failure {
                input: case.input.clone(),
                reference,
                expected: case.results.iter().map(describe_expected).collect(),
                found: found
                    .iter()
                    .map(|m| describe_found(&case.input, m))
                    .collect(),
            });
        }
    }
    Ok(report)
}

fn exclusion(case: &Case) -> Option<&'static str> {
    let ns = format!("{},{}", case.not_supported, case.not_supported_by_design).to_lowercase();
    if ns.contains("dotnet") {
        return Some("not supported by the .NET reference");
    }
    if case.context.is_none() {
        return Some("no reference date");
    }
    let types: Vec<&str> = case
        .results
        .iter()
        .map(|r| r.type_name.trim_start_matches("datetimeV2."))
        .collect();
    if types
        .iter()
        .any(|t| matches!(*t, "time" | "timerange" | "datetime" | "datetimerange"))
    {
        return Some("expects a time of day");
    }
    if types.contains(&"duration") {
        return Some("expects a duration");
    }
    if types.contains(&"set") {
        return Some("expects a set");
    }
    if types.iter().any(|t| !matches!(*t, "date" | "daterange")) {
        return Some("expects another type");
    }
    None
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

fn case_passes(input: &str, expected: &[Expected], found: &[DateMention]) -> bool {
    expected.len() == found.len()
        && expected.iter().all(|e| {
            found.iter().any(|m| {
                let start = char_offset(input, m.span.start);
                let end = char_offset(input, m.span.end);
                start == e.start && end == e.end + 1 && value_matches(e, m)
            })
        })
}

fn get_str<'a>(v: &'a BTreeMap<String, serde_json::Value>, key: &str) -> Option<&'a str> {
    v.get(key).and_then(|x| x.as_str())
}

fn value_matches(e: &Expected, m: &DateMention) -> bool {
    let values = e.resolution.as_ref().map_or(&[][..], |r| &r.values[..]);
    let resolved = |v: &BTreeMap<String, serde_json::Value>| {
        get_str(v, "value").is_some_and(|s| s != "not resolved")
            || v.contains_key("start")
            || v.contains_key("end")
    };
    if !values.iter().any(resolved) {
        return true;
    }
    let is_date = e.type_name.ends_with(".date");
    match m.resolved.value {
        Value::Day(d) if is_date => values
            .iter()
            .any(|v| get_str(v, "value") == Some(d.to_string().as_str())),
        Value::Range { start, end } if !is_date => values.iter().any(|v| {
            get_str(v, "start") == start.map(|d| d.to_string()).as_deref()
                && get_str(v, "end") == end.map(|d| d.to_string()).as_deref()
        }),
        _ => false,
    }
}

fn describe_expected(e: &Expected) -> String {
    let values: Vec<String> = e
        .resolution
        .as_ref()
        .map(|r| {
            r.values
                .iter()
                .map(|v| {
                    let s = |k| get_str(v, k).unwrap_or("-").to_string();
                    if v.contains_key("value") {
                        s("value")
                    } else {
                        format!("[{}, {})", s("start"), s("end"))
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    format!(
        "{:?} @{}..{} {} {}",
        e.text,
        e.start,
        e.end + 1,
        e.type_name.trim_start_matches("datetimeV2."),
        values.join(" | ")
    )
}

fn describe_found(input: &str, m: &DateMention) -> String {
    let v = match m.resolved.value {
        Value::Day(d) => format!("date {d}"),
        Value::Range { start, end } => format!(
            "daterange [{}, {})",
            start.map_or("-".to_string(), |d| d.to_string()),
            end.map_or("-".to_string(), |d| d.to_string())
        ),
    };
    format!(
        "{:?} @{}..{} {v}",
        m.text,
        char_offset(input, m.span.start),
        char_offset(input, m.span.end)
    )
}
