//! The behaviour every [`Store`] backend must show, as one suite that each
//! backend's tests run against a fresh instance (`run_all`). A failing check
//! panics with a message naming the broken promise.

use crate::cluster::{Candidate, Components, Explanation, StoryMerge};
use crate::model::{Article, ArticleId, SourceFormat, Story, StoryId};
use crate::store::{Batch, Store, StoryQuery};

/// Runs every check, each on a fresh store from `new_store`.
pub fn run_all<S: Store>(mut new_store: impl FnMut() -> S) {
    round_trips_every_field(&mut new_store());
    lists_in_publication_order_with_undated_last(&mut new_store());
    pages_through_articles_by_key(&mut new_store());
    groups_articles_by_story(&mut new_store());
    finds_originals_by_content(&mut new_store());
    searches_words_and_survives_hostile_queries(&mut new_store());
    a_revision_replaces_the_stored_text_in_place(&mut new_store());
    keeps_why_each_article_was_assigned(&mut new_store());
    every_save_changes_the_store_revision(&mut new_store());
    lists_stories_by_entity_category_and_outlet(&mut new_store());
    a_merged_story_resolves_to_its_survivor(&mut new_store());
    keeps_the_snapshot_of_the_latest_batch_only(&mut new_store());
}

fn ok<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(value) => value,
        Err(err) => panic!("store failed to {what}: {err}"),
    }
}

/// A complete article for tests: `n` makes ids, titles and times distinct.
pub fn sample_article(n: u32, title: &str, body: &str) -> Article {
    let mut extra = serde_json::Map::new();
    extra.insert(
        "extends".into(),
        serde_json::Value::String("_layouts.post".into()),
    );
    Article {
        id: ArticleId(format!("{n:016x}")),
        path: Some(format!("articles/{n}.txt")),
        url: Some(format!("https://example.com/news/{n}")),
        canonical_url: Some(format!("https://example.com/news/{n}")),
        title: title.to_string(),
        lead: Some(format!("Lead of {title}")),
        body: body.to_string(),
        source_domain: Some("example.com".into()),
        authors: vec!["A. Writer".into()],
        categories: vec!["sports".into(), "latest".into()],
        image: Some("https://img.example.com/a.jpg".into()),
        featured: Some(true),
        language: Some("en".into()),
        published_at: jiff::Timestamp::from_second(1_600_000_000 + i64::from(n) * 86_400).ok(),
        published_at_approximate: n.is_multiple_of(2),
        format: SourceFormat::FrontMatter,
        content_hash: format!("hash-{n}"),
        revision: 1,
        duplicate_of: None,
        story: None,
        extra,
    }
}

/// A story record for tests, titled and founded by `founder`.
pub fn sample_story(id: &str, founder: &Article) -> Story {
    Story {
        id: StoryId(id.into()),
        title: founder.title.clone(),
        founded_by: founder.id.clone(),
        created_at: jiff::Timestamp::UNIX_EPOCH,
    }
}

fn round_trips_every_field(store: &mut impl Store) {
    let mut article = sample_article(
        1,
        "Roma bid “£13.5m” for Smalling",
        "Body one.\n\nSecond ¶.",
    );
    article.story = Some(StoryId("s1".into()));
    let batch = Batch {
        stories: vec![sample_story("s1", &article)],
        articles: vec![article.clone()],
        ..Batch::default()
    };
    ok(store.save(&batch), "save a batch");
    let back = ok(store.article(&article.id), "read an article");
    assert_eq!(
        back.as_ref(),
        Some(&article),
        "an article reads back field for field"
    );
    assert!(ok(store.has_article(&article.id), "check an id"));
    assert!(!ok(
        store.has_article(&ArticleId("none".into())),
        "check an id"
    ));
    assert_eq!(
        ok(store.story(&StoryId("s1".into())), "read a story"),
        Some(batch.stories[0].clone())
    );
}

fn lists_in_publication_order_with_undated_last(store: &mut impl Store) {
    let mut undated = sample_article(1, "Undated", "x");
    undated.published_at = None;
    let late = sample_article(9, "Late", "x");
    let early = sample_article(3, "Early", "x");
    ok(
        store.save(&Batch {
            articles: vec![undated, late, early],
            stories: vec![],
            ..Batch::default()
        }),
        "save a batch",
    );
    let titles: Vec<String> = ok(store.articles(), "list articles")
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(
        titles,
        ["Early", "Late", "Undated"],
        "articles come in publication order"
    );
}

fn pages_through_articles_by_key(store: &mut impl Store) {
    let mut undated = sample_article(1, "Undated", "x");
    undated.published_at = None;
    let mut copy = sample_article(5, "Copy", "x");
    copy.duplicate_of = Some(undated.id.clone());
    let articles = vec![
        undated,
        sample_article(9, "Late", "x"),
        copy,
        sample_article(3, "Early", "x"),
    ];
    ok(
        store.save(&Batch {
            articles,
            ..Batch::default()
        }),
        "save a batch",
    );
    let all = ok(store.articles(), "list articles");
    let keys = ok(store.article_keys(), "list article keys");
    let expected: Vec<crate::store::ArticleKey> =
        all.iter().map(crate::store::ArticleKey::of).collect();
    assert_eq!(keys, expected, "keys come in publication order, with links");
    let mut ids: Vec<ArticleId> = keys.iter().rev().map(|k| k.id.clone()).collect();
    ids.push(ArticleId("unknown".into()));
    let paged = ok(store.articles_by_id(&ids), "read articles by id");
    let mut reversed = all;
    reversed.reverse();
    assert_eq!(
        paged, reversed,
        "articles come whole, in the order asked, unknown skipped"
    );
}

fn groups_articles_by_story(store: &mut impl Store) {
    let mut a = sample_article(1, "A", "x");
    let mut b = sample_article(2, "B", "x");
    let mut c = sample_article(3, "C", "x");
    a.story = Some(StoryId("s1".into()));
    b.story = Some(StoryId("s2".into()));
    c.story = Some(StoryId("s1".into()));
    let stories = vec![sample_story("s1", &a), sample_story("s2", &b)];
    ok(
        store.save(&Batch {
            articles: vec![c, b, a],
            stories,
            ..Batch::default()
        }),
        "save a batch",
    );
    let members: Vec<String> = ok(store.story_articles(&StoryId("s1".into())), "list a story")
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(
        members,
        ["A", "C"],
        "a story lists its own articles in order"
    );
    assert_eq!(ok(store.stories(), "list stories").len(), 2);
}

fn finds_originals_by_content(store: &mut impl Store) {
    let original = sample_article(1, "A", "x");
    let mut copy = sample_article(2, "A", "x");
    copy.content_hash = original.content_hash.clone();
    copy.duplicate_of = Some(original.id.clone());
    ok(
        store.save(&Batch {
            articles: vec![copy, original.clone()],
            stories: vec![],
            ..Batch::default()
        }),
        "save a batch",
    );
    assert_eq!(
        ok(store.original_with_content("hash-1"), "look up content"),
        Some(original.id),
        "a content hash leads to the original, not the copy"
    );
    assert_eq!(
        ok(store.original_with_content("nothing"), "look up content"),
        None
    );
}

fn searches_words_and_survives_hostile_queries(store: &mut impl Store) {
    let a = sample_article(
        1,
        "Roma offer for Smalling",
        "Corriere dello Sport reports the offer.",
    );
    let b = sample_article(2, "Oil prices", "Markets fell on Monday.");
    ok(
        store.save(&Batch {
            articles: vec![a.clone(), b],
            stories: vec![],
            ..Batch::default()
        }),
        "save a batch",
    );
    let hits = ok(store.search("corriere offer", 10), "search");
    assert_eq!(hits.len(), 1, "all words must match");
    assert_eq!(hits[0].article, a.id);
    assert!(
        hits[0].snippet.to_lowercase().contains("corriere"),
        "snippet shows the match"
    );
    assert!(ok(store.search("nothing-matches-this", 10), "search").is_empty());
    for hostile in [
        "\"",
        "NEAR(",
        "a*",
        "-",
        "roma OR",
        "' ; DROP TABLE articles; --",
        "(",
        "",
    ] {
        ok(
            store.search(hostile, 10),
            "search for a query with operators",
        );
    }
    assert_eq!(
        ok(store.articles(), "list articles").len(),
        2,
        "queries never change data"
    );
}

fn a_revision_replaces_the_stored_text_in_place(store: &mut impl Store) {
    let first = sample_article(1, "Polls open", "Turnout is low.");
    ok(
        store.save(&Batch {
            articles: vec![first.clone()],
            stories: vec![],
            ..Batch::default()
        }),
        "save a batch",
    );
    let mut revised = first.clone();
    revised.body = "Turnout is high by noon.".into();
    revised.content_hash = "hash-revised".into();
    revised.revision = 2;
    ok(
        store.save(&Batch {
            articles: vec![revised.clone()],
            stories: vec![],
            ..Batch::default()
        }),
        "save a revision",
    );
    assert_eq!(ok(store.articles(), "list articles").len(), 1);
    assert_eq!(
        ok(store.article(&first.id), "read an article"),
        Some(revised.clone()),
        "the newest text is stored under the same id"
    );
    let hits = ok(store.search("noon", 10), "search");
    assert_eq!(hits.len(), 1, "search sees the revised text");
    assert!(
        ok(store.search("low", 10), "search").is_empty(),
        "search forgets the old text"
    );
}

fn keeps_why_each_article_was_assigned(store: &mut impl Store) {
    let mut founder = sample_article(1, "Roma bid for Smalling", "Roma bid.");
    founder.story = Some(StoryId("s1".into()));
    let mut joiner = sample_article(2, "Roma raise their bid", "Roma again.");
    joiner.story = Some(StoryId("s1".into()));
    let candidate = |story: &str, score: f32| Candidate {
        story: StoryId(story.into()),
        score,
        components: Components {
            text: 0.5,
            names: 0.75,
            nearest_text: 0.625,
            nearest_names: 1.0,
            headline_names: 0.25,
            figures: 0.125,
            gap_days: 1.5,
            foreign: true,
            brevity: 0.375,
            caseless: true,
        },
    };
    let founded = Explanation {
        article: founder.id.clone(),
        story: StoryId("s1".into()),
        founded: true,
        score: 0.0,
        threshold: 0.5,
        best: None,
        runner_up: None,
        merges: vec![],
    };
    let joined = Explanation {
        article: joiner.id.clone(),
        story: StoryId("s1".into()),
        founded: false,
        score: 0.875,
        threshold: 0.5,
        best: Some(candidate("s1", 0.875)),
        runner_up: Some(candidate("s0", 0.25)),
        merges: vec![],
    };
    ok(
        store.save(&Batch {
            stories: vec![sample_story("s1", &founder)],
            articles: vec![joiner.clone(), founder.clone()],
            explanations: vec![joined.clone(), founded.clone()],
            merges: vec![],
        }),
        "save a batch with explanations",
    );
    assert_eq!(
        ok(store.explanation(&joiner.id), "read an explanation"),
        Some(joined),
        "an explanation must round-trip with its candidates and components"
    );
    assert_eq!(
        ok(store.explanation(&founder.id), "read an explanation"),
        Some(founded),
        "a founding article's explanation has no candidates"
    );
    let unknown = ArticleId("ffffffffffffffff".into());
    assert_eq!(
        ok(store.explanation(&unknown), "read a missing explanation"),
        None,
        "an unknown article has no explanation"
    );
}

fn every_save_changes_the_store_revision(store: &mut impl Store) {
    let Some(before) = ok(store.revision(), "read the store revision") else {
        return; // a backend without a revision caches nothing by it
    };
    let first = sample_article(1, "Polls open", "Turnout is low.");
    ok(
        store.save(&Batch {
            articles: vec![first.clone()],
            stories: vec![],
            explanations: vec![],
            merges: vec![],
        }),
        "save a batch",
    );
    let after_insert = ok(store.revision(), "read the store revision");
    assert_ne!(
        after_insert,
        Some(before),
        "a saved batch changes the revision"
    );
    let mut revised = first;
    revised.body = "Turnout is high by noon.".into();
    revised.revision = 2;
    ok(
        store.save(&Batch {
            articles: vec![revised],
            stories: vec![],
            explanations: vec![],
            merges: vec![],
        }),
        "save a revision",
    );
    assert_ne!(
        ok(store.revision(), "read the store revision"),
        after_insert,
        "an updated article changes the revision"
    );
    assert_eq!(
        ok(store.revision(), "read the store revision"),
        ok(store.revision(), "read the store revision"),
        "reading never changes the revision"
    );
}

fn lists_stories_by_entity_category_and_outlet(store: &mut impl Store) {
    let mut roma = sample_article(
        1,
        "Roma make offer for Chris Smalling",
        "Roma have offered £13.5m for Chris Smalling, according to Corriere dello Sport. \
         Manchester United want £18m for Smalling.",
    );
    roma.story = Some(StoryId("s1".into()));
    let mut vote = sample_article(
        2,
        "Liz Truss wins the vote",
        "Liz Truss won the Conservative Party vote on Monday. Truss thanked members.",
    );
    vote.story = Some(StoryId("s2".into()));
    vote.categories = vec!["Politics".into()];
    vote.source_domain = Some("news.example.org".into());
    ok(
        store.save(&Batch {
            stories: vec![sample_story("s1", &roma), sample_story("s2", &vote)],
            articles: vec![roma, vote],
            ..Batch::default()
        }),
        "save a batch",
    );
    let listed = |query: StoryQuery| -> Vec<String> {
        let (page, total) = ok(store.story_page(&query), "list a page of stories");
        assert_eq!(page.len(), total, "one page holds every match");
        page.into_iter().map(|s| s.id.0).collect()
    };
    let by_entity = |name: &str| StoryQuery {
        entity: Some(name.into()),
        ..StoryQuery::default()
    };
    assert_eq!(
        listed(by_entity("chris smalling")),
        ["s1"],
        "by name, any case"
    );
    assert_eq!(listed(by_entity("Smalling")), ["s1"], "by alias");
    assert_eq!(listed(by_entity("Liz Truss")), ["s2"]);
    assert!(listed(by_entity("Nobody Here")).is_empty());
    let by_category = |name: &str| StoryQuery {
        category: Some(name.into()),
        ..StoryQuery::default()
    };
    assert_eq!(
        listed(by_category("politics")),
        ["s2"],
        "by category, any case"
    );
    assert_eq!(listed(by_category("sports")), ["s1"]);
    let both = StoryQuery {
        outlet: Some("news.example.org".into()),
        category: Some("sports".into()),
        ..StoryQuery::default()
    };
    assert!(listed(both).is_empty(), "filters combine");
    let categories = ok(store.categories(), "list categories");
    for expected in ["Politics", "latest", "sports"] {
        assert!(
            categories.iter().any(|c| c == expected),
            "{expected} missing from {categories:?}"
        );
    }
    let (page, _) = ok(store.story_page(&StoryQuery::default()), "list stories");
    let s1 = page.iter().find(|s| s.id.0 == "s1");
    let state = s1.and_then(|s| s.state_of_play.as_deref()).unwrap_or("");
    assert!(
        state.contains("£13.5m"),
        "the list carries the state of play in one line: {state:?}"
    );
}

fn merge(absorbed: &str, survivor: &str, article: &Article) -> StoryMerge {
    StoryMerge {
        absorbed: StoryId(absorbed.into()),
        survivor: StoryId(survivor.into()),
        article: article.id.clone(),
        article_score: 0.75,
        survivor_score: 0.875,
        story_score: 0.625,
        components: Components {
            text: 0.5,
            names: 0.25,
            ..Components::default()
        },
        threshold: 0.5,
        absorbed_title: format!("Title of {absorbed}"),
    }
}

fn a_merged_story_resolves_to_its_survivor(store: &mut impl Store) {
    let mut first = sample_article(1, "Quake hits Turkey", "A quake hit Turkey.");
    first.story = Some(StoryId("s1".into()));
    let mut second = sample_article(2, "Syria counts its dead", "Aid reaches Syria.");
    second.story = Some(StoryId("s2".into()));
    let mut copy = sample_article(3, "Syria counts its dead", "Aid reaches Syria.");
    copy.duplicate_of = Some(second.id.clone());
    copy.story = second.story.clone();
    ok(
        store.save(&Batch {
            stories: vec![sample_story("s1", &first), sample_story("s2", &second)],
            articles: vec![first.clone(), second.clone(), copy.clone()],
            ..Batch::default()
        }),
        "save two stories",
    );
    let mut bridge = sample_article(4, "Quake toll in Turkey and Syria", "Both counted.");
    bridge.story = Some(StoryId("s1".into()));
    let merged = merge("s2", "s1", &bridge);
    let explanation = Explanation {
        article: bridge.id.clone(),
        story: StoryId("s1".into()),
        founded: false,
        score: 0.875,
        threshold: 0.5,
        best: None,
        runner_up: None,
        merges: vec![merged.clone()],
    };
    ok(
        store.save(&Batch {
            articles: vec![bridge.clone()],
            explanations: vec![explanation.clone()],
            merges: vec![merged.clone()],
            ..Batch::default()
        }),
        "save a merge",
    );
    let s1 = StoryId("s1".into());
    let s2 = StoryId("s2".into());
    assert_eq!(
        ok(store.story(&s2), "read a story"),
        None,
        "the absorbed story's record goes"
    );
    let ids: Vec<StoryId> = ok(store.stories(), "list stories")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(
        ids,
        std::slice::from_ref(&s1),
        "only the survivor is listed"
    );
    let members: Vec<ArticleId> = ok(store.story_articles(&s1), "read a story's articles")
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(
        members,
        [
            first.id.clone(),
            second.id.clone(),
            copy.id.clone(),
            bridge.id.clone()
        ],
        "the absorbed story's articles and copies move to the survivor"
    );
    assert!(ok(store.story_articles(&s2), "read a story's articles").is_empty());
    assert_eq!(
        ok(store.merge_of(&s2), "read a merge"),
        Some(merged.clone())
    );
    assert_eq!(
        ok(store.merge_of(&s1), "read a merge"),
        None,
        "a live story has no merge"
    );
    assert_eq!(
        ok(store.merges_into(&s1), "read merges"),
        std::slice::from_ref(&merged)
    );
    assert_eq!(
        ok(store.explanation(&bridge.id), "read an explanation"),
        Some(explanation),
        "the bridging article's explanation records the merge"
    );
    let (page, total) = ok(
        store.story_page(&crate::store::StoryQuery::default()),
        "list a page",
    );
    assert_eq!(total, 1, "the story list counts the survivor only");
    assert_eq!(
        page[0].article_count, 3,
        "the survivor's summary counts the moved originals"
    );

    // A later merge of the survivor: the first absorbed id follows it.
    let mut older = sample_article(5, "Earthquake warning", "Seismologists warn.");
    older.story = Some(StoryId("s0".into()));
    let mut bridge2 = sample_article(6, "Warning before the quake", "They warned.");
    bridge2.story = Some(StoryId("s0".into()));
    let again = merge("s1", "s0", &bridge2);
    ok(
        store.save(&Batch {
            stories: vec![sample_story("s0", &older)],
            articles: vec![older, bridge2],
            merges: vec![again.clone()],
            ..Batch::default()
        }),
        "save a second merge",
    );
    let s0 = StoryId("s0".into());
    let resolved = ok(store.merge_of(&s2), "read a merge").map(|m| m.survivor);
    assert_eq!(
        resolved,
        Some(s0.clone()),
        "merges chain to the latest survivor"
    );
    assert_eq!(
        ok(store.merges_into(&s0), "read merges"),
        [merged, again],
        "both absorbed stories resolve to the new survivor, as recorded"
    );
    assert_eq!(
        ok(store.story_articles(&s0), "read a story's articles").len(),
        6
    );
}

fn keeps_the_snapshot_of_the_latest_batch_only(store: &mut impl Store) {
    assert_eq!(ok(store.snapshot(), "read the snapshot"), None);
    let batch = |n: u32| Batch {
        articles: vec![sample_article(n, "Snapshot", "x")],
        ..Batch::default()
    };
    // Bytes of every value, NUL included: the blob is opaque.
    let blob: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    ok(
        store.save_with_snapshot(&batch(1), Some(&blob)),
        "save a batch with its snapshot",
    );
    assert_eq!(
        ok(store.snapshot(), "read the snapshot").as_deref(),
        Some(&blob[..]),
        "the snapshot saved with the batch reads back byte for byte"
    );
    let newer = vec![7u8; 10];
    ok(
        store.save_with_snapshot(&batch(2), Some(&newer)),
        "save a batch with its snapshot",
    );
    assert_eq!(
        ok(store.snapshot(), "read the snapshot"),
        Some(newer),
        "a later snapshot replaces the earlier"
    );
    ok(store.save(&batch(3)), "save a batch");
    assert_eq!(
        ok(store.snapshot(), "read the snapshot"),
        None,
        "a batch saved without a snapshot makes the old one stale"
    );
    ok(
        store.save_with_snapshot(&batch(4), Some(&[1, 2, 3])),
        "save a batch with its snapshot",
    );
    ok(
        store.save_with_snapshot(&batch(5), None),
        "save a batch without a snapshot",
    );
    assert_eq!(
        ok(store.snapshot(), "read the snapshot"),
        None,
        "saving without a snapshot forgets the stored one"
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn memory_store_conforms() {
        super::run_all(crate::store::MemoryStore::default);
    }
}
