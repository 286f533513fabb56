//! End-to-end tests of the `storyline` binary on the real seed articles
//! (`examples/articles`) and on the bad-input fixtures in `testdata/`.
//! Every command runs the built binary against a fresh temporary database.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use predicates::prelude::PredicateBooleanExt;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;
use common::{Db, assert_no_panic, repo_root, seed, seeds};

/// The five seeds, oldest first: file name and publication time.
const SEEDS_BY_DATE: [(&str, &str); 5] = [
    ("001_2aa57022391658b1.txt", "2020-09-03T09:53:51Z"),
    ("002_64ca69f45d8b8174.txt", "2020-09-10T11:20:02Z"),
    ("003_d00ff90da04d14f7.txt", "2020-09-15T12:28:00Z"),
    ("004_4f25d0a4d6b4b57f.txt", "2020-09-23T00:00:00Z"),
    ("000_dbb750cddff00513.txt", "2020-09-30T13:28:43Z"),
];

/// The days of the seed story's timeline: one development per report, then
/// the two deadlines seed 000 announces ("by Friday", "closes on Monday"),
/// resolved against its publication day (Wednesday 2020-09-30).
const TIMELINE_DAYS: [&str; 7] = [
    "2020-09-03",
    "2020-09-10",
    "2020-09-15",
    "2020-09-23",
    "2020-09-30",
    "2020-10-02",
    "2020-10-05",
];

/// How many of [`TIMELINE_DAYS`] are reports (the rest are upcoming).
const REPORTED_DAYS: usize = 5;

const SEEDS_SUMMARY: &str = "read 5, new 5, duplicates 0, failed 0, stories 1";

/// Exit code documented in `crates/cli/src/main.rs` for a batch in which
/// some inputs failed.
const PARTIAL_FAILURE: i32 = 3;

fn fixture(relative: &str) -> PathBuf {
    repo_root().join("testdata").join(relative)
}

impl Db {
    /// Ingests the given paths and returns (exit code, stdout, stderr).
    fn ingest(&self, paths: &[&Path]) -> (i32, String, String) {
        let mut cmd = self.cmd(&["ingest"]);
        cmd.args(paths);
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_no_panic(stderr.as_bytes());
        (
            out.status.code().expect("killed by a signal"),
            String::from_utf8(out.stdout).unwrap(),
            stderr,
        )
    }

    fn articles(&self) -> Vec<Value> {
        array(self.json(&["articles"]))
    }

    fn stories(&self) -> Vec<Value> {
        array(self.json(&["stories"]))
    }

    /// Tracks the seeds and returns the id of their (only) story.
    fn track_seeds(&self) -> String {
        self.ok(&["track", seeds().to_str().unwrap()]);
        let stories = self.stories();
        assert_eq!(stories.len(), 1, "{stories:#?}");
        stories[0]["id"].as_str().unwrap().to_string()
    }
}

fn array(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        other => panic!("expected a JSON array, got {other:#}"),
    }
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("expected a JSON object, got {value:#}"))
        .keys()
        .map(String::as_str)
        .collect()
}

/// Asserts that `value` has at least the contract's keys: later versions may
/// add fields, never remove them.
fn assert_has_keys(value: &Value, contract: &[&str]) {
    let present = keys(value);
    for key in contract {
        assert!(present.contains(key), "missing '{key}' in {value:#}");
    }
}

fn file_name(path: &Value) -> &str {
    let path = path.as_str().unwrap_or_else(|| panic!("no path: {path}"));
    Path::new(path).file_name().unwrap().to_str().unwrap()
}

/// `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)` and a real instant.
fn assert_rfc3339(value: &Value) {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"));
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() >= 20
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[10] == b'T'
        && bytes[13] == b':'
        && bytes[16] == b':'
        && (text.ends_with('Z') || text[19..].contains(['+', '-']));
    assert!(shape_ok, "not RFC 3339: {text}");
    assert!(
        text.parse::<jiff::Timestamp>().is_ok(),
        "not a time: {text}"
    );
}

/// The dates of the timeline lines in the human `track`/`story` output, in
/// order: the lines of the `Timeline` section that open with a day.
fn timeline_days(human: &str) -> Vec<String> {
    human
        .lines()
        .skip_while(|line| *line != "Timeline")
        .take_while(|line| !line.is_empty())
        .filter_map(|line| line.strip_prefix("  "))
        .filter_map(|rest| rest.split_whitespace().next())
        .filter(|word| word.len() == 10 && word.starts_with("20"))
        .map(str::to_string)
        .collect()
}

// --- track: the main job --------------------------------------------------

#[test]
fn track_prints_one_story_of_the_five_seeds_oldest_day_first() {
    let db = Db::new();
    let out = db.ok(&["track", seeds().to_str().unwrap()]);
    assert_eq!(out.lines().next(), Some(SEEDS_SUMMARY), "{out}");
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("story ")).collect();
    assert_eq!(headers.len(), 1, "expected one story:\n{out}");
    assert!(headers[0].contains(" 5 articles "), "{out}");
    assert_eq!(timeline_days(&out), TIMELINE_DAYS, "{out}");
}

#[test]
fn track_human_output_snapshot() {
    let db = Db::new();
    let out = db.ok(&["track", seeds().to_str().unwrap()]);
    insta::assert_snapshot!("track_seeds", out);
}

#[test]
fn tracking_twice_stores_nothing_new() {
    let db = Db::new();
    let first = db.track_seeds();
    let out = db.ok(&["track", seeds().to_str().unwrap()]);
    assert_eq!(
        out.lines().next(),
        Some("read 5, new 0, duplicates 0, failed 0, stories 1 (5 unchanged)"),
        "{out}"
    );
    assert_eq!(timeline_days(&out), TIMELINE_DAYS, "{out}");
    assert_eq!(db.articles().len(), 5);
    let stories = db.stories();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["id"], first.as_str());
    assert_eq!(stories[0]["article_count"], 5);
}

// --- JSON contracts --------------------------------------------------------

#[test]
fn articles_json_matches_the_contract() {
    let db = Db::new();
    db.track_seeds();
    let articles = db.articles();
    assert_eq!(articles.len(), 5);
    let story = db.stories()[0]["id"].clone();
    for article in &articles {
        assert_has_keys(
            article,
            &[
                "id",
                "path",
                "title",
                "lead",
                "source_domain",
                "url",
                "published_at",
                "language",
                "duplicate_of",
                "story",
            ],
        );
        let name = file_name(&article["path"]);
        let expected_domain = if name.starts_with("004_") {
            Value::Null
        } else {
            Value::from("dailymail.co.uk")
        };
        assert_eq!(article["source_domain"], expected_domain, "{name}");
        assert_rfc3339(&article["published_at"]);
        let (_, published) = SEEDS_BY_DATE.iter().find(|(n, _)| *n == name).unwrap();
        assert_eq!(article["published_at"], *published, "{name}");
        assert!(!article["title"].as_str().unwrap().is_empty(), "{name}");
        assert_eq!(article["duplicate_of"], Value::Null, "{name}");
        assert_eq!(article["story"], story, "{name}");
    }
    let seed_000 = articles
        .iter()
        .find(|a| file_name(&a["path"]) == "000_dbb750cddff00513.txt")
        .unwrap();
    assert_eq!(seed_000["published_at"], "2020-09-30T13:28:43Z");
    assert_eq!(
        seed_000["title"],
        "Roma make last-ditch £13.5m offer to sign Manchester United defender Chris Smalling"
    );
}

#[test]
fn stories_json_matches_the_contract() {
    let db = Db::new();
    db.track_seeds();
    let articles = db.articles();
    let stories = db.stories();
    assert_eq!(stories.len(), 1);
    let story = &stories[0];
    assert_has_keys(
        story,
        &[
            "id",
            "title",
            "article_count",
            "first_published_at",
            "last_published_at",
            "articles",
        ],
    );
    assert_eq!(story["article_count"], 5);
    assert_eq!(story["first_published_at"], "2020-09-03T09:53:51Z");
    assert_eq!(story["last_published_at"], "2020-09-30T13:28:43Z");
    assert_rfc3339(&story["first_published_at"]);
    assert_rfc3339(&story["last_published_at"]);
    // The story's articles are the seeds, in publication order.
    let id_of = |name: &str| {
        articles
            .iter()
            .find(|a| file_name(&a["path"]) == name)
            .map(|a| a["id"].clone())
            .unwrap()
    };
    let expected: Vec<Value> = SEEDS_BY_DATE.iter().map(|(n, _)| id_of(n)).collect();
    assert_eq!(story["articles"], Value::Array(expected));
}

#[test]
fn stories_give_the_state_of_play_and_filter_by_entity_and_category() {
    let db = Db::new();
    let id = db.track_seeds();
    let human = db.ok(&["stories"]);
    assert!(
        human.contains("AS Roma's offer for Chris Smalling: £13.5m (made)"),
        "{human}"
    );
    let listed = |args: &[&str]| -> usize {
        let mut all = vec!["stories"];
        all.extend_from_slice(args);
        array(db.json(&all)).len()
    };
    assert_eq!(listed(&["--entity", "the Red Devils"]), 1);
    assert_eq!(listed(&["--entity", "smalling", "--category", "Sports"]), 1);
    assert_eq!(listed(&["--entity", "Jadon Sancho"]), 0);
    assert_eq!(listed(&["--category", "politics"]), 0);
    assert_eq!(
        listed(&["--outlet", "dailymail.co.uk", "--to", "2020-09-02"]),
        0
    );
    let story = &db.stories()[0];
    assert_eq!(story["id"], id.as_str());
    assert_eq!(story["categories"], serde_json::json!(["latest", "sports"]));
    let none = db.ok(&["stories", "--entity", "Jadon Sancho"]);
    assert!(none.contains("no story matches these filters"), "{none}");
}

#[test]
fn story_json_matches_the_contract() {
    let db = Db::new();
    let id = db.track_seeds();
    let story = db.json(&["story", &id]);
    assert_has_keys(&story, &["id", "title", "articles", "timeline"]);
    assert_eq!(story["id"], id.as_str());
    let articles = story["articles"].as_array().unwrap();
    let names: Vec<&str> = articles.iter().map(|a| file_name(&a["path"])).collect();
    let expected: Vec<&str> = SEEDS_BY_DATE.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected, "articles in publication order");
    for article in articles {
        assert_has_keys(
            article,
            &[
                "id",
                "path",
                "title",
                "source_domain",
                "url",
                "published_at",
            ],
        );
        assert_rfc3339(&article["published_at"]);
    }
    let timeline = story["timeline"].as_array().unwrap();
    let days: Vec<&str> = timeline
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, TIMELINE_DAYS);
    let upcoming: Vec<bool> = timeline
        .iter()
        .map(|e| e["upcoming"].as_bool().unwrap())
        .collect();
    assert!(upcoming[..REPORTED_DAYS].iter().all(|u| !u));
    assert!(upcoming[REPORTED_DAYS..].iter().all(|u| *u));
    for (entry, (article, (name, _))) in timeline.iter().zip(articles.iter().zip(SEEDS_BY_DATE)) {
        assert_has_keys(
            entry,
            &[
                "date", "articles", "headline", "claims", "sources", "upcoming",
            ],
        );
        assert_eq!(entry["articles"], Value::Array(vec![article["id"].clone()]));
        // Headlines are the article's own words, never invented.
        let text = std::fs::read_to_string(seed(name)).unwrap();
        let headline = entry["headline"].as_str().unwrap();
        assert!(text.contains(headline), "{headline:?} is not in {name}");
    }
    // Every claim a timeline entry cites is in the story's claims.
    let claim_ids: BTreeSet<&str> = story["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    for entry in timeline {
        for id in entry["claims"].as_array().unwrap() {
            assert!(claim_ids.contains(id.as_str().unwrap()), "{id}");
        }
    }
}

#[test]
fn story_claims_follow_the_contract_and_name_the_three_sources() {
    let db = Db::new();
    let id = db.track_seeds();
    let story = db.json(&["story", &id]);
    let claims = story["claims"].as_array().unwrap();
    for claim in claims {
        assert_has_keys(
            claim,
            &[
                "kind",
                "text",
                "subject",
                "holder",
                "status",
                "attributed_to",
                "article",
                "sentence",
            ],
        );
    }
    let offer = claims
        .iter()
        .find(|c| c["text"] == "£13.5m")
        .expect("the £13.5m offer");
    assert_eq!(offer["kind"], "offer");
    assert_eq!(offer["amount"]["value"], 13_500_000.0);
    assert_eq!(offer["amount"]["min"], 13_500_000.0);
    assert_eq!(offer["amount"]["currency"], "GBP");
    let credited: BTreeSet<&str> = claims
        .iter()
        .filter_map(|c| c["attributed_to"].as_str())
        .collect();
    for source in ["Sky Sports Italia", "Corriere dello Sport", "the Guardian"] {
        assert!(credited.contains(source), "{credited:?}");
    }
    let listed = db.json(&["claims", "--story", &id]);
    assert_eq!(&listed, &story["claims"]);
}

#[test]
fn story_since_shows_only_later_reports() {
    let db = Db::new();
    let id = db.track_seeds();
    let story = db.json(&["story", &id, "--since", "2020-09-20"]);
    let articles = story["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2, "{story:#}");
    let series = story["series"].as_array().unwrap();
    let offers = series
        .iter()
        .find(|s| s["kind"] == "offer" && s["holder"] == "AS Roma")
        .unwrap();
    let values: Vec<f64> = offers["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["amount"]["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [11e6, 13.5e6]);
    let human = db.ok(&["story", &id, "--since", "2020-09-20"]);
    assert!(human.contains("published after 2020-09-20"), "{human}");
    let bad = db
        .cmd(&["story", &id, "--since", "soon-ish"])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&bad.get_output().stderr).to_string();
    assert!(stderr.contains("not a date"), "{stderr}");
}

#[test]
fn entities_list_the_seed_people_and_clubs_with_aliases() {
    let db = Db::new();
    let id = db.track_seeds();
    let entities = db.json(&["entities", "--story", &id]);
    let united = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Manchester United")
        .expect("Manchester United");
    let aliases: Vec<&str> = united["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for alias in ["United", "Man United", "Red Devils"] {
        assert!(aliases.contains(&alias), "{aliases:?}");
    }
    let without_book = db.json(&["entities", "--story", &id, "--no-builtin-aliases"]);
    let united = without_book
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Manchester United")
        .unwrap();
    assert!(
        !united["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Red Devils"),
        "the nickname needs the alias book"
    );
}

#[test]
fn story_json_snapshot() {
    let db = Db::new();
    let id = db.track_seeds();
    let story = db.json(&["story", &id]);
    // Paths are absolute on this machine: keep only the file name.
    insta::assert_json_snapshot!("story_json", story, {
        ".articles[].path" => insta::dynamic_redaction(|value, _| {
            let name = Path::new(value.as_str().unwrap()).file_name().unwrap();
            format!("[examples/articles]/{}", name.to_str().unwrap())
        }),
    });
}

#[test]
fn story_and_article_ids_are_stable_across_fresh_databases() {
    let (one, two) = (Db::new(), Db::new());
    assert_eq!(one.track_seeds(), two.track_seeds());
    let ids = |db: &Db| -> Vec<Value> { db.articles().iter().map(|a| a["id"].clone()).collect() };
    assert_eq!(ids(&one), ids(&two));
}

#[test]
fn story_accepts_an_id_prefix() {
    let db = Db::new();
    let id = db.track_seeds();
    let by_prefix = db.json(&["story", &id[..4]]);
    assert_eq!(by_prefix, db.json(&["story", &id]));
    let human = db.ok(&["story", &id[..4]]);
    assert_eq!(timeline_days(&human), TIMELINE_DAYS, "{human}");
}

#[test]
fn an_ambiguous_prefix_names_the_candidates() {
    let db = Db::new();
    let undated = fixture("articles/undated/no-date.md");
    let (code, out, _) = db.ingest(&[&seeds(), &undated]);
    assert_eq!(code, 0, "{out}");
    let ids: Vec<String> = db
        .stories()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "the bakery is not about Smalling: {ids:?}");
    // Story ids share their first letter, so an empty-ish prefix is ambiguous.
    let common: String = ids[0]
        .chars()
        .zip(ids[1].chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    assert!(!common.is_empty(), "{ids:?}");
    let out = db.cmd(&["story", &common]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("matches several stories"), "{stderr}");
    for id in &ids {
        assert!(stderr.contains(id.as_str()), "{stderr}");
    }
}

#[test]
fn an_unknown_story_id_fails_naming_it() {
    let db = Db::new();
    db.track_seeds();
    db.cmd(&["story", "nosuchid"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("nosuchid"))
        .stderr(predicates::str::contains("panicked").not());
}

// --- search ---------------------------------------------------------------

#[test]
fn search_finds_the_seed_that_quotes_corriere_dello_sport() {
    let db = Db::new();
    db.track_seeds();
    let seed_000 = db
        .articles()
        .into_iter()
        .find(|a| file_name(&a["path"]) == "000_dbb750cddff00513.txt")
        .unwrap();
    let human = db.ok(&["search", "Corriere dello Sport"]);
    assert!(
        human.contains(seed_000["id"].as_str().unwrap()),
        "seed 000 not found:\n{human}"
    );
    assert!(human.contains("Roma make last-ditch"), "{human}");

    let hits = array(db.json(&["search", "Corriere dello Sport"]));
    assert_eq!(hits.len(), 1, "only seed 000 names the paper: {hits:#?}");
    assert_has_keys(&hits[0], &["article", "title", "snippet"]);
    assert_eq!(hits[0]["article"], seed_000["id"]);
    assert!(
        hits[0]["snippet"].as_str().unwrap().contains("Corriere"),
        "{hits:#?}"
    );
}

#[test]
fn search_without_matches_says_so() {
    let db = Db::new();
    db.track_seeds();
    let human = db.ok(&["search", "cryptocurrency"]);
    assert!(human.contains("no articles match"), "{human}");
    assert_eq!(db.json(&["search", "cryptocurrency"]), Value::Array(vec![]));
}

// --- stdin ----------------------------------------------------------------

#[test]
fn ingest_reads_an_article_from_stdin() {
    let db = Db::new();
    let text = std::fs::read(seed("000_dbb750cddff00513.txt")).unwrap();
    let out = db
        .cmd(&["ingest", "-"])
        .write_stdin(text)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(
        stdout.trim_end(),
        "read 1, new 1, duplicates 0, failed 0, stories 1"
    );
    let articles = db.articles();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["published_at"], "2020-09-30T13:28:43Z");
    assert_eq!(articles[0]["source_domain"], "dailymail.co.uk");
    // The same text from its file is the same article: stored once.
    let out = db.ok(&["ingest", seeds().to_str().unwrap()]);
    assert!(
        out.contains("new 4") && out.contains("1 unchanged"),
        "{out}"
    );
    assert_eq!(db.articles().len(), 5);
}

#[test]
fn ingest_of_empty_stdin_is_reported_not_a_panic() {
    let db = Db::new();
    let out = db.cmd(&["ingest", "-"]).write_stdin("").output().unwrap();
    // The only input failed: nothing was stored, so this is an error, not a
    // partial success.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_panic(stderr.as_bytes());
    assert!(stderr.contains("-: file is empty"), "{stderr}");
}

// --- bad input ------------------------------------------------------------

/// Ingests the seeds together with one bad input and checks what a user
/// sees: one stderr line naming the file and saying why, the five seeds
/// stored anyway, and the partial-failure exit code.
fn assert_rejected_alongside_seeds(bad: &Path, reason: &str) {
    let db = Db::new();
    let (code, stdout, stderr) = db.ingest(&[&seeds(), bad]);
    assert_eq!(
        code, PARTIAL_FAILURE,
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one line on stderr:\n{stderr}");
    let name = bad.file_name().unwrap().to_str().unwrap();
    assert!(lines[0].contains(name), "file not named: {}", lines[0]);
    assert!(
        lines[0].contains(reason),
        "reason '{reason}' missing: {}",
        lines[0]
    );
    assert_eq!(
        stdout.lines().next(),
        Some("read 6, new 5, duplicates 0, failed 1, stories 1"),
        "{stdout}"
    );
    assert_eq!(
        db.articles().len(),
        5,
        "the good files must still be stored"
    );
}

#[test]
fn a_binary_file_is_refused() {
    assert_rejected_alongside_seeds(&fixture("invalid/binary/pixel.png"), "binary");
}

#[test]
fn invalid_utf8_is_refused() {
    assert_rejected_alongside_seeds(
        &fixture("invalid/invalid-utf8/latin1.txt"),
        "not valid UTF-8",
    );
}

#[test]
fn an_empty_file_is_refused() {
    assert_rejected_alongside_seeds(&fixture("invalid/empty/empty.txt"), "empty");
}

#[test]
fn a_whitespace_only_file_is_refused_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, " \n\n\t\n").unwrap();
    assert_rejected_alongside_seeds(&blank, "empty");
}

#[test]
fn front_matter_that_is_not_yaml_is_refused() {
    assert_rejected_alongside_seeds(&fixture("invalid/not-yaml/article.md"), "not valid YAML");
}

#[test]
fn unclosed_front_matter_is_refused() {
    assert_rejected_alongside_seeds(
        &fixture("invalid/unclosed-front-matter/article.md"),
        "no closing '---'",
    );
}

#[test]
fn a_70_mb_file_is_refused_by_the_64_mib_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    // Sparse: the size is what matters, and it costs no disk.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(70 * 1024 * 1024)
        .unwrap();
    assert_rejected_alongside_seeds(&big, "limit");
}

#[test]
fn a_bad_file_inside_a_folder_is_named_and_the_folder_still_ingested() {
    let dir = tempfile::tempdir().unwrap();
    for (name, _) in SEEDS_BY_DATE {
        std::fs::copy(seed(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("scan.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let db = Db::new();
    let (code, stdout, stderr) = db.ingest(&[dir.path()]);
    assert_eq!(code, PARTIAL_FAILURE, "{stdout}{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("scan.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert_eq!(db.articles().len(), 5);
    assert_eq!(db.stories().len(), 1);
}

#[test]
fn a_missing_date_is_stored_as_undated_and_counted() {
    let db = Db::new();
    let undated = fixture("articles/undated/no-date.md");
    let (code, stdout, stderr) = db.ingest(&[&undated]);
    assert_eq!(code, 0, "a missing date is not an error: {stderr}");
    assert_eq!(stderr, "");
    assert_eq!(
        stdout.trim_end(),
        "read 1, new 1, duplicates 0, failed 0, stories 1 (1 undated)"
    );
    let articles = db.articles();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["published_at"], Value::Null);
    assert_eq!(
        articles[0]["title"],
        "Village bakery wins regional bread prize"
    );
    let human = db.ok(&["articles"]);
    assert!(human.contains("undated"), "{human}");
}

#[test]
fn a_nonexistent_path_is_named_in_the_error() {
    let db = Db::new();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    let (code, _, stderr) = db.ingest(&[&seeds(), &missing]);
    assert_ne!(code, 0);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(missing.to_str().unwrap()),
        "path not named: {stderr}"
    );
    assert!(stderr.contains("No such file"), "{stderr}");
    assert_eq!(db.articles().len(), 5, "the seeds are still stored");
}

#[test]
fn a_nonexistent_path_alone_fails() {
    let db = Db::new();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.txt");
    let (code, _, stderr) = db.ingest(&[&missing]);
    assert_eq!(
        code, 1,
        "nothing was ingested: an error, not a partial success"
    );
    assert!(stderr.contains(missing.to_str().unwrap()), "{stderr}");
    assert!(db.articles().is_empty());
}

// --- output plumbing ------------------------------------------------------

/// `storyline articles --json | head -1` closes the pipe early; the binary
/// must stop quietly, not panic.
#[test]
fn a_closed_stdout_is_not_a_panic() {
    let db = Db::new();
    db.track_seeds();
    let (reader, writer) = std::io::pipe().unwrap();
    // Close the reading end first so that every write fails with EPIPE,
    // as when `head` has exited.
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .env_remove("RUST_BACKTRACE")
        .arg("--db")
        .arg(db.path())
        .args(["articles", "--json"])
        .stdout(writer)
        .output()
        .unwrap();
    assert_no_panic(&out.stderr);
}

#[test]
fn ingest_of_a_folder_with_html_pages_stores_title_outlet_and_date() {
    let db = Db::new();
    let html = fixture("articles/html");
    let (code, stdout, stderr) = db.ingest(&[&seeds(), &html]);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stdout.starts_with("read 7, new 7, duplicates 0, failed 0"),
        "{stdout}"
    );
    let articles = db.articles();
    let bridge = articles
        .iter()
        .find(|a| file_name(&a["path"]) == "harbour-bridge.html")
        .expect("the HTML page is stored");
    assert_eq!(
        bridge["title"],
        "Harbour bridge reopens after eight weeks of repairs"
    );
    assert_eq!(bridge["source_domain"], "harbour-times.example");
    assert_eq!(bridge["published_at"], "2023-03-06T07:45:00Z");
    assert_eq!(bridge["language"], "en");
    let cafe = articles
        .iter()
        .find(|a| file_name(&a["path"]) == "latin1-cafe.html")
        .expect("the Latin-1 page is stored");
    assert_eq!(cafe["title"], "Le café du port ferme ses portes");
}

#[test]
fn regression_deeply_nested_html_is_refused_with_a_reason_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("deep.html");
    let nested = "<div>".repeat(300_000);
    std::fs::write(
        &page,
        format!("<!doctype html><html><body>{nested}</body></html>"),
    )
    .unwrap();
    assert_rejected_alongside_seeds(&page, "nested more than 1000 elements deep");
}

/// A page nested `depth` deep `blocks` times over, after a short article.
fn nested_page(blocks: usize, depth: usize) -> String {
    let block = format!("{}{}", "<div>".repeat(depth), "</div>".repeat(depth));
    format!(
        "<!doctype html><html><head><title>Harbour bridge reopens</title></head><body>\
         <article><p>The harbour bridge reopened to traffic on Monday morning after eight weeks \
         of repairs to its steel deck, the city council said in a statement.</p></article>{}\
         </body></html>",
        block.repeat(blocks)
    )
}

#[test]
fn regression_thousands_of_nested_divs_skip_the_readability_fallback_and_keep_the_text() {
    // Issue 3: 200,000 empty <div>s nested 990 deep took 28 s, 70 % of it
    // in the Readability fallback. The same shape, five blocks deep enough
    // to pass the fallback's budget, and a page over the element limit.
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.html");
    std::fs::write(&deep, nested_page(5, 990)).unwrap();
    let many = dir.path().join("many.html");
    std::fs::write(&many, nested_page(1, 1) + &"<i></i>".repeat(250_001)).unwrap();
    let db = Db::new();
    let (code, stdout, stderr) = db.ingest(&[&seeds(), &deep, &many]);
    assert_eq!(
        code, PARTIAL_FAILURE,
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "one line per hostile page:\n{stderr}");
    let warning = lines.iter().find(|l| l.contains("deep.html")).unwrap();
    assert!(
        warning.contains("too large for the Readability fallback")
            && warning.contains("nested up to 992 deep"),
        "{warning}"
    );
    let error = lines.iter().find(|l| l.contains("many.html")).unwrap();
    assert!(
        error.contains("more than 250000 elements; refused as hostile"),
        "{error}"
    );
    assert!(
        stdout.starts_with("read 7, new 6, duplicates 0, failed 1"),
        "{stdout}"
    );
    let stored = db
        .articles()
        .into_iter()
        .find(|a| file_name(&a["path"]) == "deep.html")
        .expect("the nested page is stored");
    let id = stored["id"].as_str().unwrap();
    let detail = db.json(&["article", id]);
    let body = detail["body"].as_str().unwrap();
    assert!(body.contains("eight weeks of repairs"), "{body}");
    // The reader of the article sees why its text may carry boilerplate.
    let note = detail["extra"]["extraction_limit"].as_str().unwrap();
    assert!(note.contains("Readability fallback"), "{note}");
    let human = db.cmd(&["article", id]).output().unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("note: ") && human.contains("too large for the Readability fallback"),
        "{human}"
    );
}

#[test]
fn ingest_reads_a_latin1_html_page_from_stdin() {
    let db = Db::new();
    let page = std::fs::read(fixture("articles/html/latin1-cafe.html")).unwrap();
    db.cmd(&["ingest", "-"])
        .write_stdin(page)
        .assert()
        .success();
    let articles = db.articles();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["title"], "Le café du port ferme ses portes");
    assert_eq!(articles[0]["published_at"], "2022-11-05T00:00:00Z");
}

#[test]
fn eval_extraction_pages_lists_each_pages_precision_recall_and_f1_worst_first() {
    // A two-page benchmark in the layout of Readability's test pages: one
    // page whose article is all there is, one whose expected text is absent.
    let dir = tempfile::tempdir().unwrap();
    let article = "The harbour bridge reopened to traffic on Monday morning after eight weeks \
                   of repairs to its steel deck, the city council said in a statement on Sunday.";
    for (name, expected) in [
        ("001", article),
        (
            "002",
            "Nothing of this sentence appears anywhere on the page at all.",
        ),
    ] {
        let folder = dir.path().join(name);
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(
            folder.join("source.html"),
            format!("<html><body><article><p>{article}</p></article></body></html>"),
        )
        .unwrap();
        std::fs::write(folder.join("expected.html"), format!("<p>{expected}</p>")).unwrap();
    }
    let db = Db::new();
    let path = dir.path().to_str().unwrap();
    let json = db.json(&["eval", "extraction", path, "--pages"]);
    let pages = array(json["pages"].clone());
    assert_eq!(pages.len(), 2, "{json}");
    for page in &pages {
        assert_has_keys(page, &["id", "precision", "recall", "f1"]);
    }
    assert_eq!(pages[0]["id"], "002", "worst page first: {json}");
    assert_eq!(pages[0]["f1"].as_f64(), Some(0.0));
    assert_eq!(pages[1]["id"], "001");
    assert!(pages[1]["recall"].as_f64().unwrap() > 0.9, "{json}");
    // Without --pages the object keeps its old shape.
    assert!(
        db.json(&["eval", "extraction", path])
            .get("pages")
            .is_none()
    );
    let human = db.ok(&["eval", "extraction", path, "--pages"]);
    let rows: Vec<&str> = human
        .lines()
        .filter(|l| l.ends_with("  002") || l.ends_with("  001"))
        .collect();
    assert_eq!(rows.len(), 2, "{human}");
    assert!(rows[0].ends_with("002"), "{human}");
    assert_eq!(
        rows[1].split_whitespace().count(),
        4,
        "f1, precision, recall, page: {human}"
    );
}
