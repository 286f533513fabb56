//! Runs the Recognizers-Text evaluation when the shared data is present
//! and checks the pass rates against the floors in `eval-floors.json`.

// A test reports a broken fixture by panicking with a message.
#![allow(clippy::expect_used)]

use std::path::PathBuf;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn floor(key: &str) -> f64 {
    let raw = std::fs::read_to_string(manifest_dir().join("eval-floors.json"))
        .expect("eval-floors.json is readable");
    let json: serde_json::Value = serde_json::from_str(&raw).expect("eval-floors.json is JSON");
    json["recognizers_datetime_model"][key]
        .as_f64()
        .unwrap_or_else(|| panic!("floor {key} missing"))
}

#[test]
fn datetime_model_pass_rate_stays_above_floor() {
    let path =
        manifest_dir().join("../../../shared/data/recognizers/DateTime/English/DateTimeModel.json");
    if !path.exists() {
        eprintln!(
            "notice: {} is absent; skipping the Recognizers-Text evaluation",
            path.display()
        );
        return;
    }
    let report = storyline_dates::eval::eval_datetime_model(&path).expect("the spec file parses");
    eprintln!(
        "date/daterange: {}/{} ({:.3}); negatives: {}/{}; excluded: {:?}",
        report.passed,
        report.scored,
        report.pass_rate(),
        report.negatives_passed,
        report.negatives,
        report.excluded
    );
    assert!(report.scored > 400, "scope shrank: {} cases", report.scored);
    assert!(
        report.pass_rate() >= floor("date_daterange_pass_rate"),
        "pass rate {:.3} fell below the floor",
        report.pass_rate()
    );
    assert!(
        report.negative_pass_rate() >= floor("negative_pass_rate"),
        "negative pass rate {:.3} fell below the floor",
        report.negative_pass_rate()
    );
}
