//! The ingest snapshot end to end on SQLite: ingesting the seeds one file
//! at a time loads the clusterer's state from the snapshot saved with the
//! previous batch, and gives the same stories and explanations as
//! `--rebuild-state`, which replays every stored article each time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{Db, seed};

/// `text` without terminal colour codes (`ESC [ ... m`).
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Ingests each path as its own batch (`extra` flags added); each run's
/// stderr at `-v`.
fn ingest_one_by_one(db: &Db, paths: &[std::path::PathBuf], extra: &[&str]) -> Vec<String> {
    paths
        .iter()
        .map(|path| {
            let mut args = vec!["-v", "ingest", path.to_str().unwrap()];
            args.extend(extra);
            let out = db.cmd(&args).assert().success().get_output().clone();
            common::assert_no_panic(&out.stderr);
            plain(&String::from_utf8(out.stderr).unwrap())
        })
        .collect()
}

#[test]
fn batches_loaded_from_the_snapshot_match_batches_replayed() {
    // In publication order, as a daily feed brings them.
    let paths: Vec<_> = [
        "001_2aa57022391658b1.txt",
        "002_64ca69f45d8b8174.txt",
        "003_d00ff90da04d14f7.txt",
        "004_4f25d0a4d6b4b57f.txt",
        "000_dbb750cddff00513.txt",
    ]
    .iter()
    .map(|name| seed(name))
    .collect();
    let (loaded, replayed) = (Db::new(), Db::new());
    let logs = ingest_one_by_one(&loaded, &paths, &[]);
    let rebuilt = ingest_one_by_one(&replayed, &paths, &["--rebuild-state"]);
    assert!(
        logs.iter()
            .skip(1)
            .all(|log| log.contains("from_snapshot=true")),
        "later batches load the snapshot: {logs:#?}"
    );
    assert!(
        rebuilt
            .iter()
            .all(|log| !log.contains("from_snapshot=true")),
        "--rebuild-state replays: {rebuilt:#?}"
    );
    assert_eq!(loaded.articles_by_file(), replayed.articles_by_file());
    for (file, (id, _)) in loaded.articles_by_file() {
        assert_eq!(
            loaded.json(&["explain", &id]),
            replayed.json(&["explain", &id]),
            "{file}"
        );
    }
}
