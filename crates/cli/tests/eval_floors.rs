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

/// `storyline --json eval EVAL --labels labels.jsonl articles` on
/// stories-dev, or `None` (with a notice) without `../shared/data`.
fn eval_stories_dev(eval: &str) -> Option<Value> {
    let data = repo_root().join("../shared/data/stories-dev");
    if !data.is_dir() {
        eprintln!("skipping: ../shared/data not found");
        return None;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .env_remove("RUST_BACKTRACE")
        .args(["--json", "eval", eval, "--labels"])
        .arg(data.join("labels.jsonl"))
        .arg(data.join("articles"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    Some(serde_json::from_slice(&out).unwrap())
}

#[test]
fn stories_dev_clustering_stays_above_its_floors() {
    let Some(scores) = eval_stories_dev("clustering") else {
        return;
    };
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
fn stories_dev_duplicate_detection_stays_above_its_floors() {
    let Some(scores) = eval_stories_dev("dedup") else {
        return;
    };
    for key in ["documents", "precision", "recall", "f1", "metadata_used"] {
        assert!(scores.get(key).is_some(), "missing `{key}` in {scores}");
    }
    assert_eq!(scores["documents"], 169);
    let floors = &baseline()["dedup"]["stories-dev"]["floors"];
    let precision = scores["precision"].as_f64().unwrap();
    let recall = scores["recall"].as_f64().unwrap();
    eprintln!("stories-dev dedup: precision {precision:.3}, recall {recall:.3}");
    assert!(
        precision >= floors["precision"].as_f64().unwrap(),
        "dedup precision {precision:.3} fell below its floor"
    );
    assert!(
        recall >= floors["recall"].as_f64().unwrap(),
        "dedup recall {recall:.3} fell below its floor"
    );
}
