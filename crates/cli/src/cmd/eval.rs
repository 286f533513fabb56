//! `storyline eval`: scores on peer test suites, printed as a table (or
//! JSON), so a regression shows up as a number.

use crate::args::{EvalCommand, Global};
use crate::cmd::print_json;
use crate::output::outln;
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;

/// Runs one evaluation.
pub fn run(command: &EvalCommand, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Money { dir, failures } => money(dir, *failures, global),
        EvalCommand::Dates { dir, failures } => dates(dir, *failures, global),
    }
}

fn money(dir: &Path, show_failures: bool, global: &Global) -> anyhow::Result<ExitCode> {
    let files = [
        (
            "currency",
            dir.join("NumberWithUnit/English/CurrencyModel.json"),
        ),
        ("number", dir.join("Number/English/NumberModel.json")),
    ];
    let mut rows = Vec::new();
    for (name, path) in &files {
        let report = if *name == "currency" {
            storyline_extract::eval::eval_currency(path)
        } else {
            storyline_extract::eval::eval_numbers(path)
        }
        .with_context(|| format!("cannot evaluate {}", path.display()))?;
        rows.push((*name, path.clone(), report));
    }
    if global.json {
        let value: serde_json::Value = rows
            .iter()
            .map(|(name, path, report)| {
                let mut entry = serde_json::to_value(report).unwrap_or_default();
                if let Some(obj) = entry.as_object_mut() {
                    obj.insert("file".into(), path.display().to_string().into());
                    if !show_failures {
                        obj.remove("failures");
                    }
                }
                ((*name).to_string(), entry)
            })
            .collect::<serde_json::Map<_, _>>()
            .into();
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{:<10} {:>6} {:>9} {:>7} {:>7} {:>9}",
        "file",
        "cases",
        "excluded",
        "passed",
        "failed",
        "pass rate"
    )?;
    for (name, _, report) in &rows {
        outln!(
            "{:<10} {:>6} {:>9} {:>7} {:>7} {:>8.1}%",
            name,
            report.total,
            report.excluded.len(),
            report.passed,
            report.failed,
            report.pass_rate * 100.0
        )?;
    }
    for (name, _, report) in &rows {
        for excluded in &report.excluded {
            outln!(
                "excluded ({name}): {} — {}",
                excluded.input,
                excluded.reason
            )?;
        }
        if show_failures {
            for failure in &report.failures {
                outln!("failed ({name}): {}", failure.input)?;
                outln!("    expected {:?}", figures(&failure.expected))?;
                outln!("    got      {:?}", figures(&failure.got))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn figures(figures: &[storyline_extract::eval::Figure]) -> Vec<String> {
    figures
        .iter()
        .map(|f| {
            format!(
                "{}..={} {:?} {} {}",
                f.start, f.end, f.text, f.value, f.currency
            )
        })
        .collect()
}

fn dates(dir: &Path, show_failures: bool, global: &Global) -> anyhow::Result<ExitCode> {
    let path = dir.join("DateTime/English/DateTimeModel.json");
    let report = storyline_dates::eval::eval_datetime_model(&path)
        .with_context(|| format!("cannot evaluate {}", path.display()))?;
    if global.json {
        print_json(&serde_json::json!({
            "file": path.display().to_string(),
            "total": report.total,
            "excluded": report.excluded,
            "scored": report.scored,
            "passed": report.passed,
            "failed": report.failed,
            "pass_rate": report.pass_rate(),
            "negatives": report.negatives,
            "negatives_passed": report.negatives_passed,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!("DateTimeModel.json: {} cases", report.total)?;
    outln!(
        "  date and date-range cases: {}/{} passed ({:.1}%)",
        report.passed,
        report.scored,
        report.pass_rate() * 100.0
    )?;
    outln!(
        "  negative cases (nothing to find): {}/{} passed ({:.1}%)",
        report.negatives_passed,
        report.negatives,
        report.negative_pass_rate() * 100.0
    )?;
    for (reason, count) in &report.excluded {
        outln!("  excluded {count}: {reason}")?;
    }
    if show_failures {
        for failure in &report.failures {
            outln!("failed: {}", failure.input)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
