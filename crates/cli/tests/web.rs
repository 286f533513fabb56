//! `storyline serve` and `storyline publish` as a user runs them: the built
//! binary on a database holding the seed articles. The server listens on a
//! free port, answers over plain HTTP, and is stopped by the test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use tempfile::TempDir;

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_storyline"));
    command
        .env_remove("RUST_BACKTRACE")
        .env_remove("STORYLINE_API_TOKEN");
    command
}

fn seeded_db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("seed.db");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let status = binary()
        .arg("--db")
        .arg(&db)
        .args(["-q", "ingest"])
        .arg(seeds)
        .status()
        .unwrap();
    assert!(status.success());
    (dir, db)
}

/// Stops the server when the test ends, even when it fails.
struct Server(Child, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(db: &Path, token: Option<&str>) -> Server {
    let mut command = binary();
    command
        .arg("--db")
        .arg(db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(token) = token {
        command.env("STORYLINE_API_TOKEN", token);
    }
    let mut child = command.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server(child, addr)
}

/// One HTTP/1.1 request; returns the status code and the body.
fn request(addr: &str, method: &str, path: &str, headers: &[&str], body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text.push_str(body);
    stream.write_all(text.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serve_answers_pages_api_and_guards_writes() {
    let (_dir, db) = seeded_db();
    let server = start(&db, None);
    let (status, body) = request(&server.1, "GET", "/", &[], "");
    assert_eq!(status, 200);
    assert!(body.contains("Chris Smalling"));
    let (status, body) = request(&server.1, "GET", "/api/v1/stories", &[], "");
    assert_eq!(status, 200);
    assert!(body.contains("\"article_count\":5"), "{body}");
    let (status, body) = request(&server.1, "POST", "/api/v1/articles", &[], "text");
    assert_eq!(status, 401);
    assert!(body.contains("\"code\":\"unauthorized\""), "{body}");
}

#[test]
fn serve_ingests_with_the_token_from_the_environment() {
    let (_dir, db) = seeded_db();
    let server = start(&db, Some("s3cret"));
    let (status, body) = request(
        &server.1,
        "POST",
        "/api/v1/articles",
        &["Authorization: Bearer s3cret", "Content-Type: text/plain"],
        " date 2020-10-03 Chris Smalling has completed his move to Roma from Manchester United.",
    );
    assert_eq!(status, 201, "{body}");
    assert!(body.contains("\"new\":1"), "{body}");
}

#[test]
fn publish_writes_the_static_site() {
    let (dir, db) = seeded_db();
    let out = dir.path().join("site");
    let output = binary()
        .arg("--db")
        .arg(&db)
        .arg("publish")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("published 1 story, 5 articles, 2 feeds"),
        "{stdout}"
    );
    assert!(out.join("index.html").is_file());
    assert!(out.join("feed.xml").is_file());
}

#[test]
fn published_posts_ingested_back_are_skipped_as_generated() {
    let (dir, db) = seeded_db();
    let posts = dir.path().join("posts");
    let published = binary()
        .arg("--db")
        .arg(&db)
        .args(["publish", "--format", "posts"])
        .arg(&posts)
        .output()
        .unwrap();
    assert!(published.status.success(), "{published:?}");
    let output = binary()
        .arg("--db")
        .arg(&db)
        .args(["--json", "ingest"])
        .arg(&posts)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["generated"], 1, "{report:#}");
    assert_eq!(report["new"], 0, "{report:#}");
}

/// `serve` on a PostgreSQL database (when `STORYLINE_TEST_POSTGRES` names a
/// server): it starts, answers pages and API (the second time from the
/// whole-response cache, keyed by the store revision PostgreSQL keeps), and
/// stops on Ctrl-C without a panic; the sync PostgreSQL client must not be
/// opened or dropped inside the async runtime.
#[test]
fn serve_on_postgresql_answers_and_stops_cleanly() {
    let Some(url) = std::env::var("STORYLINE_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
    else {
        eprintln!("skipping: STORYLINE_TEST_POSTGRES is not set");
        return;
    };
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let status = binary()
        .args(["--db", &url, "-q", "ingest"])
        .arg(seeds)
        .status()
        .unwrap();
    assert!(status.success());
    let mut child = binary()
        .args(["--db", &url, "serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let server = Server(child, line.clone());
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let (status, first) = request(addr, "GET", "/api/v1/search?q=Smalling", &[], "");
    assert_eq!(status, 200);
    assert!(first.contains("Smalling"), "{first}");
    for path in ["/", "/api/v1/stories"] {
        let (status, first) = request(addr, "GET", path, &[], "");
        assert_eq!(status, 200, "{path}");
        let (status, again) = request(addr, "GET", path, &[], "");
        assert_eq!((status, &again), (200, &first), "{path}");
    }
    let stopped = Command::new("kill")
        .args(["-INT", &server.0.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    let mut server = server;
    let exit = server.0.wait().unwrap();
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(!rest.contains("panicked"), "serve panicked:\n{rest}");
    assert!(exit.success(), "{exit:?}\n{rest}");
}
