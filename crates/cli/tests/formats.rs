//! The input formats beyond the seeds: RSS, Atom, JSON Lines (files, gzip
//! and standard input) mixed in one folder, bad lines, forced formats,
//! article identity (unchanged, revised) and syndicated copies counted once.
//! Fixtures: `testdata/articles/mixed` and `testdata/articles/syndicated`,
//! written for these tests.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};

mod common;
use common::Db;

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(relative)
        .canonicalize()
        .unwrap()
}

impl Db {
    /// Runs a command; returns (exit code, stdout, stderr).
    fn run(&self, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
        let mut cmd = self.cmd(args);
        if let Some(text) = stdin {
            cmd.write_stdin(text.to_string());
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "panic: {stderr}");
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_folder_of_mixed_formats_is_ingested_in_one_run_with_per_format_counts() {
    let db = Db::new();
    let folder = fixture("articles/mixed");
    let (code, stdout, stderr) = db.run(&["ingest", path_str(&folder)], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("read 7, new 7, duplicates 0, failed 0"),
        "{stdout}"
    );
    for format in [
        "atom 1",
        "front_matter 1",
        "json_feed 1",
        "json_lines 2",
        "rss 2",
    ] {
        assert!(stdout.contains(format), "{format} missing: {stdout}");
    }
    let articles = db.json(&["articles"]);
    let articles = articles.as_array().unwrap();
    let find = |title: &str| {
        articles
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with(title))
            .unwrap_or_else(|| panic!("{title} not stored"))
            .clone()
    };
    let full = find("Ferry service to Gull Island suspended");
    assert_eq!(full["content_kind"], "full");
    assert_eq!(full["format"], "rss");
    assert_eq!(
        full["canonical_url"],
        "https://harbour-gazette.example/news/ferry-suspended"
    );
    assert!(full["path"].as_str().unwrap().ends_with("feed.xml#1"));
    assert_eq!(find("Gull Island shopkeepers")["content_kind"], "summary");
    assert_eq!(find("Ferry repairs")["format"], "atom");
    let timetable = find("Temporary ferry timetable");
    assert_eq!(timetable["format"], "json_feed");
    assert_eq!(timetable["content_kind"], "full");
    let council = find("Council calls");
    assert_eq!(council["format"], "json_lines");
    assert_eq!(council["source_domain"], "alder-news.example");
    assert!(council["path"].as_str().unwrap().ends_with("items.jsonl#1"));
}

#[test]
fn json_lines_from_standard_input_with_a_bad_line_names_the_line() {
    let db = Db::new();
    let input = concat!(
        r#"{"title": "First", "text": "The first article from a pipe.", "date": "26-FEB-1987 15:01:01.79"}"#,
        "\n{\"title\": broken\n",
        r#"{"title": "Third", "body": "The third article from a pipe.", "date": "31-FEB-1987 15:01:01.79", "topic": "x"}"#,
        "\n",
    );
    let (code, stdout, stderr) = db.run(&["ingest", "-"], Some(input));
    assert_eq!(code, 3, "some items failed: {stderr}");
    assert!(
        stdout.starts_with("read 3, new 2, duplicates 0, failed 1"),
        "{stdout}"
    );
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].contains("-:2: is not a JSON object"), "{stderr}");
    assert!(stderr.contains("-:3: unrecognized date"), "{stderr}");
    let articles = db.json(&["articles"]);
    let first = articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "First")
        .unwrap();
    assert_eq!(first["published_at"], "1987-02-26T15:01:01.79Z");
}

/// feed-rs panics on an author e-mail followed by a multi-byte character;
/// the ingest catches it and reads the feed again. The user sees the
/// article stored and no panic message (`run` fails on "panicked").
#[test]
fn a_feed_that_makes_the_parser_panic_is_stored_without_a_panic_message() {
    let db = Db::new();
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("harbour.xml");
    std::fs::write(
        &feed,
        "<rss version=\"2.0\"><channel><title>Harbour News</title><item><title>Ferry delayed</title>\
         <author>desk@harbour.exa\u{20ac} (Mara Quill)</author><pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate>\
         <description>The morning ferry was delayed by fog.</description></item></channel></rss>",
    )
    .unwrap();
    let (code, stdout, stderr) = db.run(&["ingest", path_str(&feed)], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("read 1, new 1,"), "{stdout}");
}

/// Hundreds of items without text (an archive's empty records) would bury
/// the other errors: past ten of one reason the rest are counted in one
/// line, which `-v` expands; other reasons are still listed.
#[test]
fn many_failures_of_one_reason_are_counted_not_listed_unless_verbose() {
    let mut input = String::new();
    for i in 0..12 {
        input.push_str(&format!("{{\"title\": \"Empty {i}\", \"text\": \"\"}}\n"));
    }
    input.push_str("{\"title\": broken\n");
    input.push_str("{\"title\": \"Kept\", \"text\": \"The one article with text.\"}\n");
    let db = Db::new();
    let (code, stdout, stderr) = db.run(&["ingest", "-"], Some(&input));
    assert_eq!(code, 3, "{stderr}");
    assert!(stdout.starts_with("read 14, new 1,"), "{stdout}");
    let no_text = stderr
        .lines()
        .filter(|l| l.ends_with(": has no article text"))
        .count();
    assert_eq!(no_text, 10, "{stderr}");
    assert!(
        stderr.contains("… and 2 more like \"has no article text\" (-v lists every one)"),
        "{stderr}"
    );
    assert!(stderr.contains("-:13: is not a JSON object"), "{stderr}");
    let (_, _, verbose) = Db::new().run(&["-v", "ingest", "-"], Some(&input));
    let listed = verbose
        .lines()
        .filter(|l| l.ends_with(": has no article text"))
        .count();
    assert_eq!(listed, 12, "{verbose}");
    assert!(!verbose.contains("more like"), "{verbose}");
}

#[test]
fn gzip_json_lines_and_a_forced_format_are_read() {
    let db = Db::new();
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("batch.jsonl.gz");
    let mut encoder = flate2_encoder(&gz);
    encoder
        .write_all(b"{\"title\": \"Zipped\", \"text\": \"An article read from gzip.\"}\n")
        .unwrap();
    encoder.finish().unwrap();
    let (code, stdout, stderr) = db.run(&["ingest", path_str(&gz)], None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("read 1, new 1"), "{stdout}");

    let odd = dir.path().join("odd.txt");
    std::fs::write(&odd, "{not json at all} but an article's first words.").unwrap();
    let (code, stdout, _) = db.run(&["ingest", "--format", "plain-text", path_str(&odd)], None);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("read 1, new 1"), "{stdout}");
}

/// A gzip writer without a dev-dependency on flate2: the `gzip` tool.
fn flate2_encoder(path: &Path) -> GzipPipe {
    GzipPipe {
        path: path.to_path_buf(),
        text: Vec::new(),
    }
}

struct GzipPipe {
    path: PathBuf,
    text: Vec<u8>,
}

impl Write for GzipPipe {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.text.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl GzipPipe {
    fn finish(self) -> std::io::Result<()> {
        let plain = self.path.with_extension("");
        std::fs::write(&plain, &self.text)?;
        let status = std::process::Command::new("gzip")
            .arg("-f")
            .arg(&plain)
            .status()?;
        assert!(status.success());
        Ok(())
    }
}

#[test]
fn reingesting_is_unchanged_and_new_text_at_the_same_url_is_a_revision() {
    let db = Db::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.jsonl");
    let line = |text: &str| {
        format!(
            "{{\"title\": \"Vote tonight\", \"text\": \"{text}\", \"url\": \"https://news.example/vote?utm_source=x\", \"date\": \"2025-01-01T10:00:00Z\"}}\n"
        )
    };
    std::fs::write(&file, line("Polls close at ten.")).unwrap();
    let (_, first, _) = db.run(&["ingest", path_str(&file)], None);
    assert!(first.starts_with("read 1, new 1"), "{first}");
    let (_, again, _) = db.run(&["ingest", path_str(&file)], None);
    assert!(again.contains("1 unchanged"), "{again}");
    assert!(again.contains("duplicates 0"), "{again}");
    std::fs::write(&file, line("Polls close at ten; turnout is high.")).unwrap();
    let (_, revised, _) = db.run(&["ingest", path_str(&file)], None);
    assert!(revised.contains("1 revised"), "{revised}");
    let articles = db.json(&["articles"]);
    let articles = articles.as_array().unwrap();
    assert_eq!(articles.len(), 1, "a revision replaces, never adds");
    assert_eq!(articles[0]["revision"], 2);
    let results = db.json(&["search", "turnout"]);
    assert_eq!(
        results.as_array().unwrap().len(),
        1,
        "search sees the new text"
    );
}

#[test]
fn a_syndicated_copy_is_stored_once_and_counted_once_in_its_story() {
    let db = Db::new();
    let folder = fixture("articles/syndicated");
    let report = db.json(&["ingest", path_str(&folder)]);
    assert_eq!(report["new"], 1, "{report}");
    assert_eq!(report["duplicates"], 1, "{report}");
    let stories = db.json(&["stories"]);
    let story = &stories[0];
    assert_eq!(stories.as_array().unwrap().len(), 1);
    assert_eq!(story["article_count"], 1);
    assert_eq!(story["independent_sources"], 1);
    assert_eq!(story["copies"], 1);
    let detail = db.json(&["story", story["id"].as_str().unwrap()]);
    let copies = detail["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(
        copies[0]["url"],
        "https://www.partner-daily.example/business/bottling-strike/?utm_source=wire"
    );
    assert_eq!(detail["independent_sources"], 1);
    assert_eq!(detail["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn the_size_limit_takes_its_new_and_its_old_flag() {
    let db = Db::new();
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("long.txt");
    std::fs::write(&big, "A long article. ".repeat(200)).unwrap();
    for flag in ["--max-file-size", "--max-size"] {
        let (code, _, stderr) = db.run(&["ingest", flag, "1K", path_str(&big)], None);
        assert_eq!(code, 1, "the only input failed: {stderr}");
        assert!(
            stderr.contains("long.txt") && stderr.contains("over the 1024-byte limit"),
            "{stderr}"
        );
        assert!(stderr.contains("--max-file-size"), "{stderr}");
    }
}
