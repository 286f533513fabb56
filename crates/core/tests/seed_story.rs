//! The story view on the five seed articles (examples/articles): the figure
//! series, the disagreements, the sources and the deadlines a sports editor
//! would expect from reading them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use storyline_core::ingest::InputDocument;
use storyline_core::pipeline::Pipeline;
use storyline_core::store::MemoryStore;
use storyline_core::view::article::{StoryArticles, article_detail};
use storyline_core::view::{StoryDetail, StoryOptions, story_detail_with, story_summaries};
use storyline_extract::entities::AliasBook;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_store() -> MemoryStore {
    let mut docs = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        docs.push(Ok(InputDocument::from_text(path, text)));
    }
    let mut pipeline = Pipeline::new(MemoryStore::default());
    pipeline.ingest(docs, &mut ()).unwrap();
    pipeline.into_store()
}

fn seed_story(with_book: bool, since: Option<&str>) -> StoryDetail {
    let store = seed_store();
    let stories = story_summaries(&store).unwrap();
    assert_eq!(stories.len(), 1);
    let book = with_book
        .then(|| AliasBook::load(&root().join("examples/aliases/football-clubs.yaml")).unwrap());
    let options = StoryOptions {
        since: since.map(|s| s.parse().unwrap()),
        aliases: book.as_ref(),
    };
    story_detail_with(&store, &stories[0].id, &options).unwrap()
}

fn day(ts: Option<jiff::Timestamp>) -> String {
    ts.unwrap()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .to_string()
}

/// (date, value, status) of the series with this holder and kind.
fn series(story: &StoryDetail, holder: &str, kind: &str) -> Vec<(String, f64, String)> {
    let found = story
        .series
        .iter()
        .find(|s| s.holder.as_deref() == Some(holder) && s.kind == kind)
        .unwrap_or_else(|| panic!("no {holder} {kind} series in {:#?}", story.series));
    assert_eq!(found.subject.as_deref(), Some("Chris Smalling"));
    found
        .points
        .iter()
        .map(|p| {
            (
                day(p.date),
                p.amount.value,
                p.status
                    .map(|s| {
                        serde_json::to_value(s)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_string()
                    })
                    .unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn roma_offers_move_from_18m_planned_to_13_5m() {
    let story = seed_story(true, None);
    assert_eq!(
        series(&story, "AS Roma", "offer"),
        [
            ("2020-09-03".into(), 18e6, "planned".into()),
            ("2020-09-23".into(), 11e6, "rejected".into()),
            ("2020-09-30".into(), 13.5e6, "made".into()),
        ]
    );
}

#[test]
fn uniteds_asking_price_falls_from_20m_to_18m() {
    let story = seed_story(true, None);
    let points = series(&story, "Manchester United", "asking_price");
    let values: Vec<(String, f64)> = points.into_iter().map(|(d, v, _)| (d, v)).collect();
    assert_eq!(values.first(), Some(&("2020-09-03".into(), 20e6)));
    assert_eq!(values.last(), Some(&("2020-09-23".into(), 18e6)));
    assert!(values.iter().any(|(d, v)| d == "2020-09-15" && *v == 20e6));
}

#[test]
fn other_players_and_old_fees_stay_out_of_the_smalling_figures() {
    let story = seed_story(true, None);
    let clause = story.claims.iter().find(|c| c.text == "£38m").unwrap();
    assert_eq!(clause.kind, "release_clause");
    assert_eq!(clause.subject.as_deref(), Some("Dayot Upamecano"));
    let fulham = story.claims.iter().find(|c| c.text == "£10m").unwrap();
    assert_eq!(fulham.kind, "fee");
    assert!(fulham.historic);
    assert_eq!(fulham.counterparty.as_deref(), Some("Fulham"));
    assert_eq!(fulham.holder.as_deref(), Some("Manchester United"));
    for s in story
        .series
        .iter()
        .filter(|s| s.subject.as_deref() == Some("Chris Smalling"))
    {
        for p in &s.points {
            assert!(p.text != "£38m" && p.text != "£10m", "{s:#?}");
        }
    }
}

#[test]
fn the_three_named_sources_are_credited() {
    let story = seed_story(true, None);
    let credited: Vec<&str> = story
        .claims
        .iter()
        .filter_map(|c| c.attributed_to.as_deref())
        .collect();
    for source in ["Sky Sports Italia", "Corriere dello Sport", "the Guardian"] {
        assert!(
            credited.contains(&source),
            "{source} missing from {credited:?}"
        );
    }
}

#[test]
fn the_appearance_counts_disagree_on_scope() {
    let story = seed_story(true, None);
    let scope = story
        .contradictions
        .iter()
        .find(|c| c.about == "scope")
        .unwrap_or_else(|| panic!("{:#?}", story.contradictions));
    let values: Vec<&str> = scope.sides.iter().map(|s| s.value.as_str()).collect();
    assert!(
        values.iter().any(|v| v.contains("all competitions")),
        "{values:?}"
    );
    assert!(values.iter().any(|v| v.contains("league")), "{values:?}");
}

#[test]
fn deadlines_are_resolved_against_the_report_and_upcoming() {
    let story = seed_story(true, None);
    let upcoming: Vec<String> = story
        .timeline
        .iter()
        .filter(|d| d.upcoming)
        .map(|d| d.date.unwrap().to_string())
        .collect();
    assert!(upcoming.contains(&"2020-10-05".to_string()), "{upcoming:?}");
    assert!(upcoming.contains(&"2020-10-02".to_string()), "{upcoming:?}");
}

#[test]
fn since_keeps_only_later_reports() {
    let story = seed_story(true, Some("2020-09-20T00:00:00Z"));
    assert_eq!(story.articles.len(), 2);
    assert!(
        story
            .claims
            .iter()
            .all(|c| day(c.published_at).as_str() > "2020-09-20")
    );
    assert!(
        story
            .timeline
            .iter()
            .all(|d| d.reported.unwrap().to_string().as_str() > "2020-09-20")
    );
}

#[test]
fn without_the_alias_book_the_names_still_resolve_from_the_text() {
    let story = seed_story(false, None);
    assert_eq!(series(&story, "AS Roma", "offer").len(), 3);
}

/// An article's page lists the figures it reported with names resolved
/// across its story; the static site reads the story once for all its
/// pages, and every page is the same as when the article is read alone.
#[test]
fn each_article_page_shows_its_own_figures_the_same_when_read_with_its_story() {
    let store = seed_store();
    let book = AliasBook::load(&root().join("examples/aliases/football-clubs.yaml")).unwrap();
    let stories = story_summaries(&store).unwrap();
    let story = StoryArticles::read(&store, &stories[0].id, Some(&book)).unwrap();
    assert_eq!(story.members.len(), 5);
    let mut offers = Vec::new();
    for article in &story.members {
        let alone = article_detail(&store, article.clone(), Some(&book)).unwrap();
        let shared = story.detail(article.clone(), Some(&book));
        assert_eq!(alone, shared, "{}", article.id.0);
        assert!(shared.claims.iter().all(|c| c.article == article.id));
        offers.extend(
            shared
                .claims
                .iter()
                .filter(|c| c.kind == "offer" && c.subject.as_deref() == Some("Chris Smalling"))
                .map(|c| (c.holder.clone(), c.text.clone())),
        );
    }
    assert!(
        offers.contains(&(Some("AS Roma".to_string()), "£13.5m".to_string())),
        "{offers:?}"
    );
}
