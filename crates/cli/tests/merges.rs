//! Story merges end to end: two stories opened by different wordings of
//! one event, then reports that bridge them; the later story is absorbed
//! into the earlier one, its old id keeps resolving (`story`, `explain`),
//! and the same input gives the same ids and merges in a fresh store,
//! in one batch or two; the static site leaves a stub at the old address.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

mod common;
use common::Db;

const TURKEY: &str = "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep before \
    dawn on Monday. Buildings collapsed in Kahramanmaras, Malatya and Hatay, and the AFAD \
    disaster agency said rescuers were searching the rubble across ten provinces. \
    President Erdogan declared seven days of national mourning.";
const SYRIA: &str = "In Aleppo and Idlib, the White Helmets pulled families from flattened \
    apartment blocks. The Syrian health ministry and rebel-held areas counted victims \
    while United Nations convoys waited at the Bab al-Hawa crossing. Assad appealed \
    for international help as the Jindires toll kept rising.";

const BOTH: &str = "The earthquake that struck southern Turkey near Gaziantep on Monday also \
    flattened apartment blocks in Aleppo and Idlib across the border in Syria. Rescuers of \
    the AFAD disaster agency searched collapsed buildings in Kahramanmaras, Malatya and Hatay \
    while the White Helmets dug through the rubble in Jindires. Erdogan declared national \
    mourning; Assad appealed for international help, and United Nations convoys queued at \
    the Bab al-Hawa crossing.";
const BOTH_AGAIN: &str = "Across Turkey and Syria the toll of Monday's earthquake rose again. \
    In Hatay, Malatya and Kahramanmaras, AFAD teams worked through a second night near \
    Gaziantep; in Idlib and Aleppo the White Helmets said rebel-held areas had run out of \
    heavy machinery. Erdogan visited the ten provinces, Assad met United Nations envoys, and \
    aid trucks finally crossed at Bab al-Hawa towards Jindires.";

/// Writes the four reports into `dir`: the first two open a story each,
/// the last two report both halves.
fn write_reports(dir: &Path) -> Vec<PathBuf> {
    let reports = [
        (
            "1-turkey.md",
            "2023-02-06",
            "Earthquake hits southern Turkey near Gaziantep",
            TURKEY,
        ),
        (
            "2-syria.md",
            "2023-02-06",
            "White Helmets dig in Aleppo and Idlib rubble",
            SYRIA,
        ),
        (
            "3-both.md",
            "2023-02-07",
            "Quake kills thousands in Turkey and Syria",
            BOTH,
        ),
        (
            "4-both.md",
            "2023-02-08",
            "Gaziantep, Hatay, Aleppo and Idlib count their dead",
            BOTH_AGAIN,
        ),
    ];
    reports
        .iter()
        .map(|(name, date, title, body)| {
            let path = dir.join(name);
            std::fs::write(
                &path,
                format!("---\ntitle: '{title}'\ndate: {date}\n---\n{body}\n"),
            )
            .unwrap();
            path
        })
        .collect()
}

#[test]
fn a_bridged_story_is_merged_into_the_earlier_one_and_its_old_id_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_reports(dir.path());
    let db = Db::new();
    db.ingest_all(&paths[..2]);
    let before = db.articles_by_file();
    let (survivor, old) = (
        before["1-turkey.md"].1.clone(),
        before["2-syria.md"].1.clone(),
    );
    assert_ne!(survivor, old, "two wordings open two stories");

    let out = db.ok(&[
        "ingest",
        paths[2].to_str().unwrap(),
        paths[3].to_str().unwrap(),
    ]);
    assert!(out.contains("1 story merged into an earlier one"), "{out}");
    let after = db.articles_by_file();
    for (file, (_, story)) in &after {
        assert_eq!(story, &survivor, "{file} ends in the earlier story");
    }
    let stories = db.json(&["stories"]);
    assert_eq!(stories.as_array().unwrap().len(), 1, "{stories:#}");

    let detail = db.json(&["story", &old]);
    assert_eq!(detail["id"], survivor.as_str());
    assert_eq!(detail["resolved_from"], old.as_str());
    assert_eq!(detail["merged_from"][0]["id"], old.as_str());
    assert_eq!(detail["articles"].as_array().unwrap().len(), 4);
    let human = db.ok(&["story", &old]);
    assert!(
        human.contains(&format!("(story {old} was merged into story {survivor})")),
        "{human}"
    );
    let direct = db.json(&["story", &survivor]);
    assert!(direct.get("resolved_from").is_none(), "asked by its own id");

    let bridge = detail["merged_from"][0]["merged_by"].as_str().unwrap();
    assert!(
        [&after["3-both.md"].0, &after["4-both.md"].0].contains(&&bridge.to_string()),
        "a report of both halves bridged them"
    );
    let explained = db.ok(&["explain", bridge]);
    assert!(
        explained.contains(&format!(
            "merged story {old} “White Helmets dig in Aleppo and Idlib rubble” into {survivor}"
        )),
        "{explained}"
    );
    let site = dir.path().join("site");
    db.ok(&["publish", site.to_str().unwrap()]);
    let stub = std::fs::read_to_string(site.join("stories").join(&old).join("index.html")).unwrap();
    assert!(
        stub.contains(&format!("href=\"../{survivor}/index.html\"")),
        "the static site leaves a stub at the old address: {stub}"
    );
    let syria = &after["2-syria.md"].0;
    let founder = db.ok(&["explain", syria]);
    assert!(
        founder.contains(&format!("(since merged into {survivor})")),
        "{founder}"
    );
}

#[test]
fn the_same_input_gives_the_same_ids_and_merges_in_one_batch_or_two() {
    let dir = tempfile::tempdir().unwrap();
    let paths = write_reports(dir.path());
    let (one, two) = (Db::new(), Db::new());
    one.ingest_all(&paths);
    two.ingest_all(&paths[..2]);
    two.ingest_all(&paths[2..]);
    assert_eq!(one.articles_by_file(), two.articles_by_file());
    for db in [&one, &two] {
        let stories = db.json(&["stories"]);
        assert_eq!(stories.as_array().unwrap().len(), 1, "merged: {stories:#}");
    }
    for file in ["3-both.md", "4-both.md"] {
        let article = one.articles_by_file()[file].0.clone();
        assert_eq!(
            one.json(&["explain", &article]),
            two.json(&["explain", &article])
        );
    }
    let again = Db::new();
    again.ingest_all(&paths);
    assert_eq!(one.articles_by_file(), again.articles_by_file());
}
