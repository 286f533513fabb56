//! Scores the extractors on the Microsoft Recognizers-Text English specs kept in
//! `shared/data/recognizers` beside the workspace, and fails below the floors
//! pinned in `eval-floors.json`. Without the data it prints a notice and passes.

// A test that cannot read its own inputs should fail loudly.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use storyline_extract::eval::{EvalReport, eval_currency, eval_numbers};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/recognizers")
}

fn floors() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval-floors.json");
    let raw = std::fs::read_to_string(&path).expect("eval-floors.json is committed");
    serde_json::from_str(&raw).expect("eval-floors.json is valid JSON")
}

fn check(name: &str, report: &EvalReport) {
    let floor = floors()[name]["pass_rate"]
        .as_f64()
        .expect("floor has a pass_rate");
    println!(
        "{name}: {}/{} passed ({:.1}%), {} excluded, floor {:.1}%",
        report.passed,
        report.evaluated,
        100.0 * report.pass_rate,
        report.excluded.len(),
        100.0 * floor
    );
    for x in &report.excluded {
        println!("  EXCLUDED {:?}: {}", x.input, x.reason);
    }
    for f in &report.failures {
        println!("  FAIL {:?}", f.input);
        println!(
            "    expected {:?}",
            f.expected
                .iter()
                .map(|x| (x.start, x.end, x.value, &x.currency))
                .collect::<Vec<_>>()
        );
        println!(
            "    got      {:?}",
            f.got
                .iter()
                .map(|x| (x.start, x.end, x.value, &x.currency))
                .collect::<Vec<_>>()
        );
    }
    assert!(
        report.pass_rate >= floor,
        "{name} pass rate {:.4} fell below the floor {floor}",
        report.pass_rate
    );
}

#[test]
fn currency_model_stays_above_floor() {
    let path = data_dir().join("NumberWithUnit/English/CurrencyModel.json");
    if !path.exists() {
        println!(
            "notice: {} not found; skipping the Recognizers currency eval",
            path.display()
        );
        return;
    }
    let report = eval_currency(&path).expect("spec file parses");
    check("currency", &report);
}

#[test]
fn number_model_stays_above_floor() {
    let path = data_dir().join("Number/English/NumberModel.json");
    if !path.exists() {
        println!(
            "notice: {} not found; skipping the Recognizers number eval",
            path.display()
        );
        return;
    }
    let report = eval_numbers(&path).expect("spec file parses");
    check("numbers", &report);
}
