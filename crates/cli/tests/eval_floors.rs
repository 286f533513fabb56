//! Quality gates: `storyline eval` on the labeled corpora in `../shared/data`
//! must stay at or above the floors pinned in `testdata/eval/baseline.json`.
//! Without `../shared/data` the tests print a notice and pass.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn baseline() -> Value {
    let text = std::fs::read_to_string(repo_root().join("testdata/eval/baseline.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Runs `storyline --json eval ARGS...` and parses its output.
fn eval_json(args: &[&std::ffi::OsStr]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .env_remove("RUST_BACKTRACE")
        .args(["--json", "eval"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn stories_dev_clustering_stays_above_its_floors() {
    let data = repo_root().join("../shared/data/stories-dev");
    if !data.is_dir() {
        eprintln!("skipping: ../shared/data not found");
        return;
    }
    let labels = data.join("labels.jsonl");
    let articles = data.join("articles");
    let scores = eval_json(&[
        "clustering".as_ref(),
        "--labels".as_ref(),
        labels.as_os_str(),
        articles.as_os_str(),
    ]);
    for key in [
        "articles",
        "gold_stories",
        "predicted_stories",
        "pairwise",
        "bcubed",
        "nmi",
        "articles_per_second",
    ] {
        assert!(scores.get(key).is_some(), "missing `{key}` in {scores}");
    }
    assert_eq!(scores["articles"], 169);
    let floors = &baseline()["clustering"]["stories-dev"]["floors"];
    let pairwise = scores["pairwise"]["f1"].as_f64().unwrap();
    let bcubed = scores["bcubed"]["f1"].as_f64().unwrap();
    eprintln!("stories-dev clustering: pairwise F1 {pairwise:.3}, B-cubed F1 {bcubed:.3}");
    assert!(
        pairwise >= floors["pairwise_f1"].as_f64().unwrap(),
        "pairwise F1 {pairwise:.3} fell below its floor"
    );
    assert!(
        bcubed >= floors["bcubed_f1"].as_f64().unwrap(),
        "B-cubed F1 {bcubed:.3} fell below its floor"
    );
}

#[test]
fn t17_timelines_stay_above_their_floors() {
    let data = repo_root().join("../shared/data/timelines/t17");
    if !data.is_dir() {
        eprintln!("skipping: ../shared/data not found");
        return;
    }
    let scores = eval_json(&["timeline".as_ref(), data.as_os_str()]);
    for key in [
        "timelines",
        "date_f1",
        "ar1_f",
        "ar2_f",
        "topics",
        "skipped",
    ] {
        assert!(scores.get(key).is_some(), "missing `{key}` in {scores}");
    }
    // 19 gold timelines, one folder without articles (CLARIFICATIONS, issue 6).
    assert_eq!(scores["timelines"], 18);
    assert_eq!(scores["skipped"].as_array().unwrap().len(), 1);
    let floors = &baseline()["timeline"]["t17"]["floors"];
    for key in ["date_f1", "ar1_f", "ar2_f"] {
        let value = scores[key].as_f64().unwrap();
        eprintln!("t17 timelines: {key} {value:.3}");
        assert!(
            value >= floors[key].as_f64().unwrap(),
            "{key} {value:.3} fell below its floor"
        );
    }
}
