//! Article text is untrusted: an article with `<script>` and event-handler
//! attributes in its title, body and front matter is ingested, and every
//! page, feed and static file that shows it is parsed the way a browser
//! would (html5ever, through `scraper`) to prove that no script element,
//! event handler or `javascript:` link made it into the markup.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::body::{Body, to_bytes};
use axum::http::Request;
use scraper::Html;
use storyline_core::ingest::InputDocument;
use storyline_core::pipeline::Pipeline;
use storyline_core::store::MemoryStore;
use storyline_serve::publish::{PublishOptions, publish};
use storyline_serve::{AppState, Settings, app};
use tower::ServiceExt;

const HOSTILE: &str = r#"---
title: Roma bid <script>alert('title')</script><img src=x onerror="alert('title')">
description: "Lead <svg onload=alert('lead')></svg> and <a href='javascript:alert(1)'>click</a>"
date: 2020-09-30
url: javascript:alert('url')
image: "x\" onerror=\"alert('image')"
categories: [<script>alert('cat')</script>, "\" onmouseover=\"alert(1)"]
author: <iframe src=javascript:alert('author')></iframe>
---
Smalling text <script>alert('body')</script> with <img src=x onerror=alert('body')>.

Second paragraph </p><script>alert(2)</script> and "quotes" & ampersands ]]> <![CDATA[ x ]]>.
"#;

fn assert_inert(what: &str, html: &str) {
    let document = Html::parse_document(html);
    for node in document.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        assert!(
            !matches!(name, "script" | "img" | "iframe" | "object" | "embed"),
            "{what}: <{name}> element in the page"
        );
        for (attr, value) in element.attrs() {
            assert!(
                !attr.to_ascii_lowercase().starts_with("on"),
                "{what}: event handler {attr}={value:?} on <{name}>"
            );
            if matches!(attr, "href" | "src" | "action") {
                assert!(
                    !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                    "{what}: {attr}={value:?} on <{name}>"
                );
            }
        }
    }
    // The hostile text is still there, as text.
    assert!(html.contains("alert("), "{what}: the hostile text vanished");
}

fn hostile_store() -> (MemoryStore, String, String) {
    let mut pipeline = Pipeline::new(MemoryStore::default());
    let doc = InputDocument::from_text("hostile.md", HOSTILE);
    let report = pipeline.ingest(vec![Ok(doc)], &mut ()).unwrap();
    assert_eq!(report.new, 1, "{:?}", report.failures);
    let article = report.articles[0].id.0.clone();
    let story = report.articles[0].story.clone().unwrap().0;
    (pipeline.into_store(), article, story)
}

async fn body(router: &axum::Router, uri: &str) -> String {
    let response = router
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn served_pages_contain_no_executable_markup() {
    let (store, article, story) = hostile_store();
    let router = app(AppState::new(store, Settings::default()));
    for uri in [
        "/".to_string(),
        format!("/stories/{story}"),
        format!("/articles/{article}"),
        "/search?q=Smalling".to_string(),
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E%22%20onfocus=%22alert(1)".to_string(),
    ] {
        let html = body(&router, &uri).await;
        assert_inert(&uri, &html);
    }
    let search = body(&router, "/search?q=Smalling").await;
    assert!(search.contains("<mark>"), "{search}");
}

#[tokio::test]
async fn feeds_escape_the_text() {
    let (store, _, story) = hostile_store();
    let router = app(AppState::new(store, Settings::default()));
    for uri in [
        "/feed.xml".to_string(),
        format!("/stories/{story}/feed.xml"),
    ] {
        let xml = body(&router, &uri).await;
        assert!(!xml.contains("<script"), "{uri}: {xml}");
        assert!(!xml.contains("<img"), "{uri}: {xml}");
        assert!(xml.contains("&lt;script&gt;"), "{uri}: {xml}");
    }
}

#[test]
fn published_pages_contain_no_executable_markup() {
    let (store, _, _) = hostile_store();
    let out = tempfile::tempdir().unwrap();
    publish(&store, out.path(), &PublishOptions::default()).unwrap();
    let mut pages = 0;
    let mut stack = vec![out.path().to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                assert_inert(
                    &path.display().to_string(),
                    &std::fs::read_to_string(&path).unwrap(),
                );
                pages += 1;
            }
        }
    }
    assert_eq!(pages, 3);
}

#[test]
fn posts_contain_no_markup() {
    let (store, _, story) = hostile_store();
    let post = storyline_serve::posts::story_post(&store, &story).unwrap();
    let body = post.splitn(3, "---\n").nth(2).unwrap();
    assert!(!body.contains('<'), "{body}");
    assert!(!body.contains("](javascript"), "{body}");
    let front = post.split("---\n").nth(1).unwrap();
    assert!(!front.contains('<'), "{front}");
    let keys = [
        "extends",
        "section",
        "image",
        "title",
        "description",
        "date",
        "categories",
        "featured",
        "generator",
        "story",
    ];
    for line in front.lines() {
        let key = line.split(':').next().unwrap();
        assert!(keys.contains(&key), "a field broke out of its line: {line}");
    }
}
