//! What the binary's integration tests share: a fresh database per test,
//! the `storyline` command run against it, and the repository's paths.
//! Each test file adds the helpers only it needs in its own `impl Db`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The repository root (where `examples/` and `testdata/` live).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The bundled seed articles.
pub fn seeds() -> PathBuf {
    repo_root().join("examples/articles")
}

/// One seed article by file name.
pub fn seed(name: &str) -> PathBuf {
    seeds().join(name)
}

/// Fails the test when the binary's stderr shows a panic.
pub fn assert_no_panic(stderr: &[u8]) {
    let stderr = String::from_utf8_lossy(stderr);
    assert!(
        !stderr.contains("panicked"),
        "the binary panicked:\n{stderr}"
    );
}

/// A fresh database in its own temporary folder (removed on drop).
pub struct Db {
    dir: TempDir,
}

impl Db {
    /// An empty database.
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The database file.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("storyline.db")
    }

    /// `storyline --db <this db> ARGS`, isolated from the caller's
    /// environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_storyline"));
        cmd.env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LOG")
            .env_remove("STORYLINE_DB")
            .arg("--db")
            .arg(self.path())
            .args(args);
        cmd
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).assert().success().get_output().clone();
        assert_no_panic(&out.stderr);
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a `--json` command that must succeed and parses its stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// Ingests `paths`, which must succeed.
    pub fn ingest_all(&self, paths: &[PathBuf]) {
        let mut args = vec!["ingest"];
        args.extend(paths.iter().map(|p| p.to_str().unwrap()));
        self.ok(&args);
    }

    /// Each stored article's id and story, by the article's file name.
    pub fn articles_by_file(&self) -> BTreeMap<String, (String, String)> {
        self.json(&["articles"])
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                let path = a["path"].as_str().unwrap();
                let file = Path::new(path).file_name().unwrap().to_str().unwrap();
                let id = a["id"].as_str().unwrap().to_string();
                (
                    file.to_string(),
                    (id, a["story"].as_str().unwrap().to_string()),
                )
            })
            .collect()
    }
}
