//! `storyline explain` on the real seed articles, and the stability of
//! story ids: the same input gives the same ids in a fresh store, and
//! ingesting more articles later never changes the ids already given.
//! (Merged stories' old ids are tested in `merges.rs`.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;
use common::{Db, repo_root, seed};

/// The seeds, oldest first (the publication days are in `cli.rs`).
const SEEDS_BY_DATE: [&str; 5] = [
    "001_2aa57022391658b1.txt",
    "002_64ca69f45d8b8174.txt",
    "003_d00ff90da04d14f7.txt",
    "004_4f25d0a4d6b4b57f.txt",
    "000_dbb750cddff00513.txt",
];

impl Db {
    /// Each stored article's story, by the article's file name.
    fn stories_by_file(&self) -> BTreeMap<String, String> {
        self.articles_by_file()
            .into_iter()
            .map(|(file, (_, story))| (file, story))
            .collect()
    }

    /// The id of the article read from the file `name`.
    fn article_id(&self, name: &str) -> String {
        let articles = self.json(&["articles"]);
        let article = articles
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not stored: {articles:#}"));
        article["id"].as_str().unwrap().to_string()
    }
}

/// The numbers of the explain output as `#` (same width): the model and
/// features are refitted from time to time, and the JSON test below checks
/// the figures' relations (score over threshold) instead of their values.
fn mask_numbers(text: &str) -> String {
    text.lines()
        .map(|line| {
            line.split(' ')
                .map(|token| {
                    let core = token.trim_matches(|c| matches!(c, '(' | ')' | ':' | ','));
                    if core.contains('.') && core.parse::<f64>().is_ok() {
                        token.replace(|c: char| c.is_ascii_digit(), "#")
                    } else {
                        token.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn all_seeds() -> Vec<PathBuf> {
    SEEDS_BY_DATE.iter().map(|name| seed(name)).collect()
}

#[test]
fn explain_shows_a_later_seed_joined_the_smalling_story_above_the_threshold() {
    let db = Db::new();
    db.ingest_all(&all_seeds());
    let story = db.json(&["stories"])[0]["id"].as_str().unwrap().to_string();
    let latest = db.article_id(SEEDS_BY_DATE[4]);
    let explained = db.json(&["explain", &latest]);
    assert_eq!(explained["article"], latest.as_str());
    assert!(explained["duplicate_of"].is_null());
    assert_eq!(explained["story"]["id"], story.as_str());
    let assignment = &explained["assignment"];
    assert_eq!(assignment["founded"], false, "{explained:#}");
    assert_eq!(assignment["story"]["id"], story.as_str());
    let title = assignment["story"]["title"].as_str().unwrap();
    assert!(title.contains("Smalling"), "{title}");
    let score = assignment["score"].as_f64().unwrap();
    let threshold = assignment["threshold"].as_f64().unwrap();
    assert!(score > threshold, "{score} ≤ {threshold}");
    let best = &assignment["best"];
    assert_eq!(best["story"]["id"], story.as_str());
    assert_eq!(best["score"].as_f64().unwrap(), score);
    for component in ["text", "names", "headline_names", "figures"] {
        let value = best["components"][component].as_f64().unwrap();
        assert!(value > 0.0, "{component} = {value}");
    }
    assert!(best["components"]["gap_days"].as_f64().unwrap() > 0.0);

    let human = db.ok(&["explain", &latest]);
    assert!(
        human.contains(&format!("joined story {story} “Roma make breakthrough")),
        "{human}"
    );
    insta::assert_snapshot!("explain_latest_seed", mask_numbers(&human));
}

#[test]
fn explain_says_the_first_seed_founded_the_story_and_accepts_an_id_prefix() {
    let db = Db::new();
    db.ingest_all(&all_seeds());
    let first = db.article_id(SEEDS_BY_DATE[0]);
    let explained = db.json(&["explain", &first[..6]]);
    assert_eq!(explained["article"], first.as_str());
    assert_eq!(explained["assignment"]["founded"], true);
    assert!(explained["assignment"]["best"].is_null());
    let human = db.ok(&["explain", &first]);
    assert!(human.contains("founded story"), "{human}");
    assert!(human.contains("no active story to compare with"), "{human}");
}

#[test]
fn explain_of_a_copy_names_its_original_and_explains_it() {
    let db = Db::new();
    db.ingest_all(&[repo_root().join("testdata/articles/syndicated")]);
    let copy = db.article_id("partner-copy.md");
    let original = db.article_id("wire-original.md");
    let explained = db.json(&["explain", &copy]);
    assert_eq!(explained["duplicate_of"]["id"], original.as_str());
    assert_eq!(explained["assignment"]["article"], original.as_str());
    assert_eq!(explained["assignment"]["founded"], true);
    let human = db.ok(&["explain", &copy]);
    assert!(
        human.contains(&format!("duplicate of {original}")),
        "{human}"
    );
}

#[test]
fn explain_of_an_unknown_id_fails_naming_it() {
    let db = Db::new();
    db.ingest_all(&all_seeds());
    let out = db.cmd(&["explain", "nosuchid"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no article with id 'nosuchid'"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_same_input_gives_the_same_stories_and_explanations_in_a_fresh_store() {
    let (one, two) = (Db::new(), Db::new());
    one.ingest_all(&all_seeds());
    // Another order of the same paths: batches are processed in
    // publication order, never in the order given.
    let mut reversed = all_seeds();
    reversed.reverse();
    two.ingest_all(&reversed);
    assert_eq!(one.stories_by_file(), two.stories_by_file());
    let latest = one.article_id(SEEDS_BY_DATE[4]);
    assert_eq!(
        one.json(&["explain", &latest]),
        two.json(&["explain", &latest])
    );
}

#[test]
fn re_ingesting_the_same_input_keeps_stories_and_explanations() {
    let db = Db::new();
    db.ingest_all(&all_seeds());
    let before = db.stories_by_file();
    let latest = db.article_id(SEEDS_BY_DATE[4]);
    let explained = db.json(&["explain", &latest]);
    db.ok(&[
        "track",
        repo_root().join("examples/articles").to_str().unwrap(),
    ]);
    assert_eq!(db.stories_by_file(), before);
    assert_eq!(db.json(&["explain", &latest]), explained);
}

#[test]
fn articles_ingested_later_never_change_the_story_ids_already_given() {
    // The two newest seeds first, then the three older ones and an
    // unrelated article: the first batch's story stays, and it is the
    // story the later seeds join.
    let db = Db::new();
    db.ingest_all(&[seed(SEEDS_BY_DATE[3]), seed(SEEDS_BY_DATE[4])]);
    let first = db.stories_by_file();
    assert_eq!(first.len(), 2);
    let mut later: Vec<PathBuf> = SEEDS_BY_DATE[..3].iter().map(|n| seed(n)).collect();
    later.push(repo_root().join("testdata/articles/undated/no-date.md"));
    db.ingest_all(&later);
    let after = db.stories_by_file();
    for (file, story) in &first {
        assert_eq!(&after[file], story, "{file} changed story");
    }
    let smalling = &first[SEEDS_BY_DATE[4]];
    for name in SEEDS_BY_DATE {
        assert_eq!(&after[name], smalling, "{name} left the Smalling story");
    }
    assert_ne!(&after["no-date.md"], smalling);
}
