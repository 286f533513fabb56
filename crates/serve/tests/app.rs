//! In-process tests of every route and error path, on the five seed
//! articles ingested into a `MemoryStore` through the real pipeline.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use std::path::PathBuf;
use storyline_core::ingest::{InputDocument, discover, read_document};
use storyline_core::pipeline::Pipeline;
use storyline_core::store::MemoryStore;
use storyline_serve::{AppState, Settings, app};
use tower::ServiceExt;

const TOKEN: &str = "test-token";

fn seeds() -> Vec<Result<InputDocument, storyline_core::IngestError>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    discover(&[dir])
        .files
        .iter()
        .map(|p| read_document(p, 1 << 20))
        .collect()
}

fn seed_store() -> MemoryStore {
    let mut pipeline = Pipeline::new(MemoryStore::default());
    let report = pipeline.ingest(seeds(), &mut ()).unwrap();
    assert_eq!(report.new, 5);
    pipeline.into_store()
}

fn router_with(store: MemoryStore, token: Option<&str>, body_limit: usize) -> Router {
    app(AppState::new(
        store,
        Settings {
            api_token: token.map(str::to_string),
            body_limit,
            site_url: "http://example.test".to_string(),
        },
    ))
}

fn seed_app() -> Router {
    router_with(seed_store(), Some(TOKEN), 1 << 20)
}

struct Reply {
    status: StatusCode,
    content_type: String,
    total: Option<String>,
    location: Option<String>,
    body: String,
}

impl Reply {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let header_text = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
    };
    let content_type = header_text("content-type").unwrap_or_default();
    let total = header_text("x-total-count");
    let location = header_text("location");
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Reply {
        status,
        content_type,
        total,
        location,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, token: Option<&str>, content_type: &str, body: String) -> Reply {
    let mut request = Request::post("/api/v1/articles").header(header::CONTENT_TYPE, content_type);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(Body::from(body)).unwrap()).await
}

async fn seed_story_id(app: &Router) -> String {
    let stories = get(app, "/api/v1/stories").await.json();
    stories[0]["id"].as_str().unwrap().to_string()
}

fn assert_error(reply: &Reply, status: StatusCode, code: &str) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert!(reply.content_type.starts_with("application/json"));
    let body = reply.json();
    assert_eq!(body["code"], code);
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn story_list_shows_the_seed_story() {
    let app = seed_app();
    let reply = get(&app, "/").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.content_type.starts_with("text/html"));
    assert!(
        reply
            .body
            .contains("Roma make breakthrough in bid to sign Chris Smalling")
    );
    assert!(reply.body.contains("5 articles"));
    assert!(reply.body.contains("2020-09-03 – 2020-09-30"));
    assert!(reply.body.contains("dailymail.co.uk, outlet not given"));
    assert!(
        reply
            .body
            .contains(r#"<option value="unknown">outlet not given</option>"#),
        "the filter still sends the stored value and shows the label"
    );
    insta::assert_snapshot!("index", reply.body);
    let response = app
        .clone()
        .oneshot(Request::get("/").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"));
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
}

#[tokio::test]
async fn story_list_filters_and_pages() {
    let app = seed_app();
    let none = get(&app, "/?outlet=guardian.co.uk").await;
    assert!(none.body.contains("0 stories"));
    let one = get(
        &app,
        "/?outlet=dailymail.co.uk&from=2020-09-01&to=2020-09-30",
    )
    .await;
    assert!(one.body.contains("1 story"));
    let later = get(&app, "/?from=2020-10-01").await;
    assert!(later.body.contains("0 stories"));
    let bad = get(&app, "/?limit=0").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.content_type.starts_with("text/html"));
    let bad_date = get(&app, "/?from=soon").await;
    assert_eq!(bad_date.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn story_list_shows_the_state_of_play_and_filters_by_entity_and_category() {
    let app = seed_app();
    let all = get(&app, "/").await;
    assert!(
        all.body
            .contains("<p class=\"state\">AS Roma&#39;s offer for Chris Smalling: £13.5m (made)"),
        "the latest offer is the state of play: {}",
        all.body
    );
    assert!(
        all.body
            .contains("<option value=\"sports\">sports</option>")
    );
    // An alias of an entity finds the story, in any case.
    for entity in [
        "the+Red+Devils",
        "red%20devils",
        "Chris+Smalling",
        "smalling",
    ] {
        let found = get(&app, &format!("/?entity={entity}")).await;
        assert!(found.body.contains("1 story"), "{entity}: {}", found.body);
    }
    let nobody = get(&app, "/?entity=Jadon+Sancho").await;
    assert!(nobody.body.contains("0 stories"));
    assert!(
        nobody.body.contains("value=\"Jadon Sancho\""),
        "the filter is kept"
    );
    let sports = get(&app, "/?category=Sports&entity=Roma").await;
    assert!(sports.body.contains("1 story"));
    let politics = get(&app, "/?category=politics").await;
    assert!(politics.body.contains("0 stories"));
    let api = get(&app, "/api/v1/stories?entity=Man+United&category=latest").await;
    let listed = api.json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    assert!(
        listed[0]["state_of_play"]
            .as_str()
            .is_some_and(|s| s.contains("£13.5m"))
    );
    assert_eq!(listed[0]["entities"][0]["name"], "Chris Smalling");
    assert_eq!(
        listed[0]["categories"],
        serde_json::json!(["latest", "sports"])
    );
}

#[tokio::test]
async fn story_page_shows_timeline_sources_articles_and_feed() {
    let app = seed_app();
    let id = seed_story_id(&app).await;
    let reply = get(&app, &format!("/stories/{id}")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("<h2 id=\"timeline\">Timeline</h2>"));
    // Five reported developments and the two deadlines seed 000 announces.
    assert_eq!(reply.body.matches("<li id=\"day-").count(), 7);
    assert!(reply.body.contains("Reported by dailymail.co.uk"));
    assert!(
        reply
            .body
            .contains(&format!("href=\"/stories/{id}/feed.xml\""))
    );
    insta::assert_snapshot!("story", reply.body);

    let since = get(&app, &format!("/stories/{id}?since=2020-09-20")).await;
    assert!(
        // Two reports, and the two deadlines the last one announced.
        since.body.contains("4 new since 2020-09-20."),
        "{}",
        since.body
    );
    assert_eq!(since.body.matches("class=\"new\"").count(), 4);
    let bad = get(&app, &format!("/stories/{id}?since=last-week")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn article_page_shows_text_and_metadata() {
    let app = seed_app();
    let articles = get(&app, "/api/v1/articles").await.json();
    let last = articles.as_array().unwrap().last().unwrap().clone();
    let id = last["id"].as_str().unwrap();
    let reply = get(&app, &format!("/articles/{id}")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("Roma make last-ditch £13.5m offer"));
    assert!(reply.body.contains("Corriere dello Sport"));
    insta::assert_snapshot!("article", reply.body);
}

#[tokio::test]
async fn search_page_marks_matches() {
    let app = seed_app();
    let reply = get(&app, "/search?q=Smalling").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("<mark>"), "{}", reply.body);
    let nothing = get(&app, "/search?q=zebra").await;
    assert!(nothing.body.contains("No articles match"));
    let empty = get(&app, "/search").await;
    assert_eq!(empty.status, StatusCode::OK);
}

#[tokio::test]
async fn missing_pages_are_404_pages() {
    let app = seed_app();
    for uri in [
        "/stories/s000000000000",
        "/articles/0000",
        "/nowhere",
        "/stories/x/feed.xml",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(reply.content_type.starts_with("text/html"), "{uri}");
        assert!(reply.body.contains("<h1>Not found</h1>"), "{uri}");
    }
}

#[tokio::test]
async fn feeds_are_atom_with_the_required_elements() {
    let app = seed_app();
    let id = seed_story_id(&app).await;
    let site = get(&app, "/feed.xml").await;
    assert_eq!(site.status, StatusCode::OK);
    assert!(site.content_type.starts_with("application/atom+xml"));
    for needle in [
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"",
        "<id>urn:storyline:stories</id>",
        "rel=\"self\"",
        "href=\"http://example.test/feed.xml\"",
        "<author>",
        "<updated>2020-09-30T",
    ] {
        assert!(site.body.contains(needle), "{needle} in {}", site.body);
    }
    let story = get(&app, &format!("/stories/{id}/feed.xml")).await;
    assert_eq!(story.status, StatusCode::OK);
    assert_eq!(story.body.matches("<entry>").count(), 7);
    assert!(story.body.contains(&format!(
        "href=\"http://example.test/stories/{id}/feed.xml\""
    )));
    assert!(
        story
            .body
            .contains(&format!("http://example.test/stories/{id}#day-2020-09-30"))
    );
    insta::assert_snapshot!("story_feed", story.body);
}

#[tokio::test]
async fn api_stories_mirror_the_cli_json_with_paging() {
    let app = seed_app();
    let reply = get(&app, "/api/v1/stories").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.total.as_deref(), Some("1"));
    let stories = reply.json();
    let story = &stories[0];
    for key in [
        "id",
        "title",
        "article_count",
        "first_published_at",
        "last_published_at",
        "articles",
        "outlets",
    ] {
        assert!(story.get(key).is_some(), "{key}");
    }
    assert_eq!(story["article_count"], 5);
    let empty = get(&app, "/api/v1/stories?offset=1").await;
    assert_eq!(empty.json(), serde_json::json!([]));
    assert_eq!(empty.total.as_deref(), Some("1"));
    assert_error(
        &get(&app, "/api/v1/stories?limit=abc").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &get(&app, "/api/v1/stories?offset=-3").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &get(&app, "/api/v1/stories?to=never").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

/// The seed store with a one-article story `s0ldstory0000` merged into the
/// seed story.
fn store_with_a_merged_story() -> (MemoryStore, String) {
    use storyline_core::Store;
    use storyline_core::cluster::StoryMerge;
    use storyline_core::store::Batch;
    use storyline_core::store::conformance::sample_article;
    use storyline_core::{Story, StoryId};
    let mut store = seed_store();
    let seed = store.stories().unwrap()[0].id.clone();
    let old = StoryId("s0ldstory0000".into());
    let mut first = sample_article(90, "Smalling talks stall", "Roma wait.");
    first.story = Some(old.clone());
    let story = Story {
        id: old.clone(),
        title: first.title.clone(),
        founded_by: first.id.clone(),
        created_at: jiff::Timestamp::UNIX_EPOCH,
    };
    store
        .save(&Batch {
            stories: vec![story],
            articles: vec![first.clone()],
            ..Batch::default()
        })
        .unwrap();
    let mut bridge = sample_article(91, "Smalling talks resume", "Roma and United talk.");
    bridge.story = Some(seed.clone());
    let merge = StoryMerge {
        absorbed: old,
        survivor: seed.clone(),
        article: bridge.id.clone(),
        article_score: 0.9,
        survivor_score: 0.95,
        story_score: 0.7,
        components: Default::default(),
        threshold: 0.5,
        absorbed_title: first.title,
    };
    store
        .save(&Batch {
            articles: vec![bridge],
            merges: vec![merge],
            ..Batch::default()
        })
        .unwrap();
    (store, seed.0)
}

#[tokio::test]
async fn a_merged_story_id_redirects_permanently_to_the_survivor() {
    let (store, seed) = store_with_a_merged_story();
    let app = router_with(store, None, 1 << 20);
    let page = get(&app, "/stories/s0ldstory0000").await;
    assert_eq!(page.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(page.location, Some(format!("/stories/{seed}")));
    let since = get(&app, "/stories/s0ldstory0000?since=2020-09-10").await;
    assert_eq!(
        since.location,
        Some(format!("/stories/{seed}?since=2020-09-10")),
        "the query goes along"
    );
    let feed = get(&app, "/stories/s0ldstory0000/feed.xml").await;
    assert_eq!(feed.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(feed.location, Some(format!("/stories/{seed}/feed.xml")));
    let api = get(&app, "/api/v1/stories/s0ldstory0000").await;
    assert_eq!(api.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(api.location, Some(format!("/api/v1/stories/{seed}")));
    let survivor = get(&app, &format!("/api/v1/stories/{seed}")).await.json();
    assert_eq!(survivor["merged_from"][0]["id"], "s0ldstory0000");
    assert_eq!(survivor["merged_from"][0]["title"], "Smalling talks stall");
    assert_eq!(survivor["articles"].as_array().unwrap().len(), 7);
    assert_error(
        &get(&app, "/api/v1/stories/s000000000000").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_eq!(
        get(&app, "/stories/s000000000000").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn api_story_and_404() {
    let app = seed_app();
    let id = seed_story_id(&app).await;
    let detail = get(&app, &format!("/api/v1/stories/{id}")).await.json();
    assert_eq!(detail["id"], id.as_str());
    assert_eq!(detail["timeline"].as_array().unwrap().len(), 7);
    assert_eq!(detail["articles"].as_array().unwrap().len(), 5);
    assert_error(
        &get(&app, "/api/v1/stories/s000000000000").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&app, "/api/v1/nothing").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn api_articles_list_detail_and_404() {
    let app = seed_app();
    let reply = get(&app, "/api/v1/articles?limit=2&offset=1").await;
    assert_eq!(reply.total.as_deref(), Some("5"));
    let page = reply.json();
    assert_eq!(page.as_array().unwrap().len(), 2);
    let id = page[0]["id"].as_str().unwrap();
    let detail = get(&app, &format!("/api/v1/articles/{id}")).await.json();
    assert_eq!(detail["id"], id);
    assert!(detail["body"].as_str().unwrap().contains("Smalling"));
    assert!(detail.get("published_at_approximate").is_some());
    assert_error(
        &get(&app, "/api/v1/articles/ffff").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&app, "/api/v1/articles?limit=100000").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

#[tokio::test]
async fn api_explain_names_the_story_joined_with_its_score_and_404s_unknown_ids() {
    let app = seed_app();
    let articles = get(&app, "/api/v1/articles").await.json();
    let articles = articles.as_array().unwrap();
    let (first, last) = (&articles[0], &articles[articles.len() - 1]);
    let founder = get(
        &app,
        &format!("/api/v1/articles/{}/explain", first["id"].as_str().unwrap()),
    )
    .await
    .json();
    assert_eq!(founder["assignment"]["founded"], true);
    assert!(founder["assignment"]["best"].is_null());
    let reply = get(
        &app,
        &format!("/api/v1/articles/{}/explain", last["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.content_type.starts_with("application/json"));
    let joined = reply.json();
    let assignment = &joined["assignment"];
    assert_eq!(assignment["founded"], false);
    assert_eq!(assignment["story"]["id"], founder["story"]["id"]);
    assert!(
        assignment["story"]["title"]
            .as_str()
            .unwrap()
            .contains("Smalling")
    );
    let score = assignment["score"].as_f64().unwrap();
    assert!(score >= assignment["threshold"].as_f64().unwrap());
    assert_eq!(assignment["best"]["score"].as_f64().unwrap(), score);
    assert!(assignment["best"]["components"]["names"].as_f64().unwrap() > 0.0);
    assert_error(
        &get(&app, "/api/v1/articles/ffff/explain").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn api_search_needs_q() {
    let app = seed_app();
    let hits = get(&app, "/api/v1/search?q=Smalling%20Roma&limit=3")
        .await
        .json();
    assert_eq!(hits.as_array().unwrap().len(), 3);
    for key in ["article", "title", "snippet", "score"] {
        assert!(hits[0].get(key).is_some(), "{key}");
    }
    assert_error(
        &get(&app, "/api/v1/search").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
    assert_error(
        &get(&app, "/api/v1/search?q=x&limit=0").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

#[tokio::test]
async fn post_is_refused_without_a_configured_token() {
    let app = router_with(seed_store(), None, 1 << 20);
    let reply = post(
        &app,
        Some("anything"),
        "text/plain",
        "Hello.\n\nWorld.".into(),
    )
    .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
}

#[tokio::test]
async fn post_is_refused_with_a_wrong_or_missing_token() {
    let app = seed_app();
    assert_error(
        &post(&app, None, "text/plain", "x".into()).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    assert_error(
        &post(&app, Some("wrong"), "text/plain", "x".into()).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
}

#[tokio::test]
async fn post_over_the_body_limit_is_413() {
    let app = router_with(seed_store(), Some(TOKEN), 1024);
    let reply = post(&app, Some(TOKEN), "text/plain", "a".repeat(4096)).await;
    assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

#[tokio::test]
async fn post_rejects_bad_json() {
    let app = seed_app();
    let reply = post(
        &app,
        Some(TOKEN),
        "application/json",
        "{\"title\": 1}".into(),
    )
    .await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "bad_request");
    let empty = post(&app, Some(TOKEN), "text/plain", "  ".into()).await;
    assert_error(&empty, StatusCode::BAD_REQUEST, "bad_request");
    let unknown = r#"[{"title": "t", "body": "b", "colour": "red"}]"#;
    let reply = post(&app, Some(TOKEN), "application/json", unknown.into()).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "bad_request");
    let message = reply.json()["message"].as_str().unwrap().to_string();
    assert!(message.contains("colour"), "{message}");
}

#[tokio::test]
async fn post_ingests_json_and_raw_text() {
    let app = seed_app();
    let json = serde_json::json!({
        "title": "Roma agree fee with Manchester United for Chris Smalling",
        "body": "AS Roma have agreed a fee with Manchester United for defender Chris Smalling, ending a summer-long pursuit of the centre back.",
        "published_at": "2020-10-02T10:00:00Z",
        "url": "https://www.example.com/roma-smalling-agreed"
    });
    let reply = post(&app, Some(TOKEN), "application/json", json.to_string()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let report = reply.json();
    assert_eq!(report["new"], 1);
    assert_eq!(report["articles"][0]["status"], "new");
    let again = post(&app, Some(TOKEN), "application/json", json.to_string()).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["already_stored"], 1);

    let text =
        " date 2020-10-03 Chris Smalling has completed his move to Roma from Manchester United.";
    let reply = post(&app, Some(TOKEN), "text/plain", text.into()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let articles = get(&app, "/api/v1/articles").await;
    assert_eq!(articles.total.as_deref(), Some("7"));
}

#[tokio::test]
async fn openapi_documents_every_api_route() {
    let app = seed_app();
    let doc = get(&app, "/api/v1/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for e in storyline_serve::openapi::ENDPOINTS {
        let op = &doc["paths"][e.path][e.method];
        assert!(op.is_object(), "{} {}", e.method, e.path);
        // The route exists: anything but the JSON 404 of the fallback.
        if e.method == "get" {
            let uri = e.path.replace("{id}", "x").replace("{name}", "x");
            let reply = get(&app, &format!("{uri}?q=x")).await;
            assert_ne!(
                reply.json()["message"],
                "no such API endpoint; see /api/v1/openapi.json"
            );
        }
    }
}

#[tokio::test]
async fn sqlite_readers_see_what_the_writer_ingests() {
    use storyline_store::SqliteStore;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let app = sqlite_app(&db, SqliteStore::open(&db).unwrap());
    let text =
        " date 2020-10-03 Chris Smalling has completed his move to Roma from Manchester United.";
    let reply = post(&app, Some(TOKEN), "text/plain", text.into()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    for _ in 0..3 {
        let listed = get(&app, "/api/v1/articles").await;
        assert_eq!(listed.total.as_deref(), Some("1"));
    }
}

#[tokio::test]
async fn api_article_carries_entities_claims_and_copies() {
    let app = seed_app();
    let articles = get(&app, "/api/v1/articles?limit=500").await.json();
    let with_claims = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .find(|id| id.len() == 16)
        .unwrap();
    let detail = get(&app, &format!("/api/v1/articles/{with_claims}"))
        .await
        .json();
    assert!(
        detail["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Chris Smalling")
    );
    assert!(detail["claims"].is_array());
    assert!(detail["duplicates"].is_array());
    let all_claims: usize = {
        let mut n = 0;
        for a in articles.as_array().unwrap() {
            let d = get(
                &app,
                &format!("/api/v1/articles/{}", a["id"].as_str().unwrap()),
            )
            .await
            .json();
            for c in d["claims"].as_array().unwrap() {
                assert_eq!(
                    c["article"], a["id"],
                    "an article lists only its own figures"
                );
                n += 1;
            }
        }
        n
    };
    let claims = get(&app, "/api/v1/claims?limit=500").await;
    assert_eq!(
        claims.total.as_deref(),
        Some(all_claims.to_string().as_str())
    );
}

#[tokio::test]
async fn api_claims_page_and_filter_by_story() {
    let app = seed_app();
    let story = seed_story_id(&app).await;
    let all = get(&app, "/api/v1/claims").await;
    assert_eq!(all.status, StatusCode::OK);
    let total: usize = all.total.as_deref().unwrap().parse().unwrap();
    assert!(total >= 5, "{total}");
    assert_eq!(all.json().as_array().unwrap().len(), total.min(20));
    let prefix = &story[..6];
    let one = get(
        &app,
        &format!("/api/v1/claims?story={prefix}&limit=2&offset=1"),
    )
    .await;
    assert_eq!(one.total.as_deref(), Some(total.to_string().as_str()));
    assert_eq!(one.json().as_array().unwrap().len(), 2);
    assert!(one.json()[0]["kind"].is_string());
    assert_error(
        &get(&app, "/api/v1/claims?story=zzz").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&app, "/api/v1/claims?limit=0").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

#[tokio::test]
async fn api_entities_list_and_one_entity() {
    let app = seed_app();
    let story = seed_story_id(&app).await;
    let all = get(&app, "/api/v1/entities?limit=500").await;
    let names: Vec<String> = all
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.iter().any(|n| n == "Chris Smalling"), "{names:?}");
    assert_eq!(all.total.as_deref(), Some(names.len().to_string().as_str()));
    let of_story = get(&app, &format!("/api/v1/entities?story={story}&limit=1")).await;
    assert_eq!(of_story.json().as_array().unwrap().len(), 1);
    let one = get(&app, "/api/v1/entities/chris%20smalling").await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.body);
    let one = one.json();
    assert_eq!(one["name"], "Chris Smalling");
    assert_eq!(one["kind"], "person");
    assert_eq!(one["stories"][0]["id"], story.as_str());
    assert!(one["mentions"].as_u64().unwrap() >= 5);
    assert_error(
        &get(&app, "/api/v1/entities/Nobody%20Atall").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&app, "/api/v1/entities?story=zzz").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&app, "/api/v1/entities?offset=x").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

#[tokio::test]
async fn entity_page_lists_stories_and_aliases_and_is_linked() {
    let app = seed_app();
    let story_id = seed_story_id(&app).await;
    let story = get(&app, &format!("/stories/{story_id}")).await;
    assert!(
        story
            .body
            .contains(r#"<a href="/entities/Chris%20Smalling">Chris Smalling</a>"#),
        "{}",
        story.body
    );
    let reply = get(&app, "/entities/Chris%20Smalling").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.content_type.starts_with("text/html"));
    assert!(reply.body.contains(&format!("/stories/{story_id}")));
    insta::assert_snapshot!("entity", reply.body);
    let missing = get(&app, "/entities/Nobody%20Atall").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.content_type.starts_with("text/html"));
}

#[tokio::test]
async fn story_views_are_cached_until_the_story_changes() {
    let store = storyline_store::SqliteStore::open_in_memory().unwrap();
    let mut pipeline = Pipeline::new(store);
    pipeline.ingest(seeds(), &mut ()).unwrap();
    let state = AppState::new(
        pipeline.into_store(),
        Settings {
            api_token: Some(TOKEN.to_string()),
            ..Settings::default()
        },
    );
    let cache = state.cache();
    let app = app(state);
    let id = seed_story_id(&app).await;
    let first = get(&app, &format!("/stories/{id}")).await.body;
    let cached = cache.len();
    assert!(cached >= 2, "data and page cached");
    assert_eq!(get(&app, &format!("/stories/{id}")).await.body, first);
    assert_eq!(cache.len(), cached);
    let before = get(&app, &format!("/api/v1/stories/{id}")).await.json();
    let article = serde_json::json!({
        "title": "Roma agree £15m deal for Chris Smalling with Manchester United",
        "body": "AS Roma have agreed a £15m fee with Manchester United for Chris Smalling, Sky Sports Italia reported on Monday, ending a summer-long saga over the defender Chris Smalling.",
        "published_at": "2020-10-01T10:00:00Z",
        "url": "https://example.test/roma-smalling-agreed"
    });
    let reply = post(&app, Some(TOKEN), "application/json", article.to_string()).await;
    assert_eq!(reply.status.as_u16() / 100, 2, "{}", reply.body);
    let after = get(&app, &format!("/api/v1/stories/{id}")).await.json();
    if reply.json()["articles"][0]["story"] == id.as_str() {
        assert_ne!(
            before["articles"], after["articles"],
            "a new revision is rebuilt"
        );
    }
}

/// An app over a SQLite file with two reader connections, as `serve` runs,
/// and the file's path for writers outside the app.
fn sqlite_seed_app(dir: &std::path::Path) -> (Router, PathBuf) {
    use storyline_store::SqliteStore;
    let db = dir.join("s.db");
    let mut pipeline = Pipeline::new(SqliteStore::open(&db).unwrap());
    pipeline.ingest(seeds(), &mut ()).unwrap();
    (sqlite_app(&db, pipeline.into_store()), db)
}

/// An app writing through `writer` and reading the SQLite file `db` through
/// two more connections, as `serve` runs; writes need [`TOKEN`].
fn sqlite_app(db: &std::path::Path, writer: storyline_store::SqliteStore) -> Router {
    use storyline_store::SqliteStore;
    let readers = vec![
        SqliteStore::open(db).unwrap(),
        SqliteStore::open(db).unwrap(),
    ];
    let settings = Settings {
        api_token: Some(TOKEN.to_string()),
        ..Settings::default()
    };
    app(AppState::with_readers(writer, readers, settings))
}

fn unrelated_article(title: &str) -> serde_json::Value {
    serde_json::json!({
        "title": title,
        "body": "The lighthouse keepers of the northern coast voted on Tuesday to repaint every tower in red and white stripes before the winter storms.",
        "published_at": "2021-03-02T09:00:00Z",
        "url": format!("https://example.test/{}", title.len())
    })
}

#[tokio::test]
async fn cached_lists_and_pages_show_an_ingested_article_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = sqlite_seed_app(dir.path());
    let id = seed_story_id(&app).await;
    let home = get(&app, "/").await;
    let listed = get(&app, "/api/v1/stories").await;
    let story_page = get(&app, &format!("/stories/{id}")).await;
    let story_json = get(&app, &format!("/api/v1/stories/{id}")).await;
    // Served again from the cache: the same bytes.
    assert_eq!(get(&app, "/").await.body, home.body);
    assert_eq!(get(&app, "/api/v1/stories").await.body, listed.body);
    assert_eq!(
        get(&app, &format!("/stories/{id}")).await.body,
        story_page.body
    );

    let title = "Lighthouse keepers vote to repaint every tower";
    let reply = post(
        &app,
        Some(TOKEN),
        "application/json",
        unrelated_article(title).to_string(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let new_story = reply.json()["articles"][0]["story"]
        .as_str()
        .unwrap()
        .to_string();

    let home_after = get(&app, "/").await;
    assert!(home_after.body.contains(title), "the new story is listed");
    let listed_after = get(&app, "/api/v1/stories").await;
    let before_total: usize = listed.total.unwrap().parse().unwrap();
    let after_total: usize = listed_after.total.as_deref().unwrap().parse().unwrap();
    assert_eq!(after_total, before_total + 1);
    assert_eq!(listed_after.json()[0]["id"], new_story.as_str());
    let new_page = get(&app, &format!("/stories/{new_story}")).await;
    assert_eq!(new_page.status, StatusCode::OK);
    assert!(new_page.body.contains(title));
    // The untouched story still answers the same.
    assert_eq!(
        get(&app, &format!("/api/v1/stories/{id}")).await.body,
        story_json.body
    );
}

#[tokio::test]
async fn cached_pages_see_another_process_write_within_the_staleness_bound() {
    let dir = tempfile::tempdir().unwrap();
    let (app, db) = sqlite_seed_app(dir.path());
    let title = "Lighthouse keepers vote to repaint the towers";
    assert!(!get(&app, "/").await.body.contains(title));
    // Another writer on the same file, as `storyline ingest` next to `serve`.
    let other = storyline_store::SqliteStore::open(&db).unwrap();
    let mut pipeline = Pipeline::new(other);
    let doc = InputDocument::from_text(
        "other/1",
        format!(
            "---\ntitle: {title}\ndate: 2021-03-02\n---\nThe lighthouse keepers of the northern coast voted on Tuesday to repaint every tower before the winter storms."
        ),
    );
    let report = pipeline.ingest(vec![Ok(doc)], &mut ()).unwrap();
    assert_eq!(report.new, 1);
    tokio::time::sleep(storyline_serve::response_cache::MAX_STALENESS).await;
    assert!(get(&app, "/").await.body.contains(title));
    let listed = get(&app, "/api/v1/stories?limit=1").await.json();
    assert_eq!(listed[0]["title"], title);
}

#[tokio::test]
async fn cached_story_list_pages_stay_distinct() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = sqlite_seed_app(dir.path());
    let topics = [
        (
            "Lighthouse keepers vote to repaint every tower",
            "The lighthouse keepers of the northern coast voted on Tuesday to repaint every tower in red and white stripes.",
        ),
        (
            "Orchestra cancels its spring tour of Japan",
            "The city orchestra cancelled its spring concert tour of Japan after the conductor fell ill during rehearsals in Vienna.",
        ),
        (
            "Beekeepers report record honey harvest",
            "Beekeepers in the southern valleys reported a record honey harvest, crediting warm weather and abundant clover meadows.",
        ),
    ];
    for (n, (title, body)) in topics.iter().enumerate() {
        let article = serde_json::json!({
            "title": title,
            "body": body,
            "published_at": format!("2021-03-0{}T09:00:00Z", n + 1),
            "url": format!("https://example.test/topic-{n}"),
        });
        post(&app, Some(TOKEN), "application/json", article.to_string()).await;
    }
    let all = get(&app, "/api/v1/stories").await.json();
    let all = all.as_array().unwrap();
    assert!(all.len() >= 3);
    for (offset, story) in all.iter().enumerate() {
        for _ in 0..2 {
            let one = get(&app, &format!("/api/v1/stories?limit=1&offset={offset}")).await;
            assert_eq!(one.json()[0]["id"], story["id"], "offset {offset}");
            let page = get(&app, &format!("/?limit=1&offset={offset}")).await;
            assert!(
                page.body.contains(story["id"].as_str().unwrap()),
                "page at offset {offset} links its story"
            );
        }
    }
}

#[tokio::test]
async fn article_page_says_when_its_text_was_extracted_under_a_limit() {
    // A page nested too deep for the Readability fallback: its text is
    // trafilatura's alone, and the reader is told so.
    let block = format!("{}{}", "<div>".repeat(990), "</div>".repeat(990));
    let page = format!(
        "<!doctype html><html><head><title>Harbour bridge reopens</title></head><body>\
         <article><p>The harbour bridge reopened to traffic on Monday morning after eight \
         weeks of repairs to its steel deck, the city council said.</p></article>{}</body></html>",
        block.repeat(5)
    );
    let mut docs = seeds();
    docs.push(Ok(InputDocument::from_text(
        std::path::Path::new("deep.html"),
        page,
    )));
    let mut pipeline = Pipeline::new(MemoryStore::default());
    let report = pipeline.ingest(docs, &mut ()).unwrap();
    assert_eq!(report.new, 6);
    let app = router_with(pipeline.into_store(), None, 1 << 20);
    let articles = get(&app, "/api/v1/articles").await.json();
    let deep = articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Harbour bridge reopens")
        .unwrap();
    let id = deep["id"].as_str().unwrap();
    let detail = get(&app, &format!("/api/v1/articles/{id}")).await.json();
    assert!(
        detail["extra"]["extraction_limit"]
            .as_str()
            .unwrap()
            .contains("Readability fallback")
    );
    let reply = get(&app, &format!("/articles/{id}")).await;
    assert!(reply.body.contains("<dt>Extraction</dt>"), "{}", reply.body);
    let seed = get(
        &app,
        &format!("/articles/{}", articles[0]["id"].as_str().unwrap()),
    )
    .await;
    assert!(!seed.body.contains("<dt>Extraction</dt>"));
}
