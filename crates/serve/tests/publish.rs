//! `publish` on the seeds: the Zola-like layout, and every relative link in
//! every page resolves to a written file, so the site works from `file://`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use storyline_core::ingest::{discover, read_document};
use storyline_core::pipeline::Pipeline;
use storyline_core::store::MemoryStore;
use storyline_serve::publish::{PublishOptions, PublishReport, publish};

fn seed_store() -> MemoryStore {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let inputs = discover(&[dir])
        .files
        .iter()
        .map(|p| read_document(p, 1 << 20))
        .collect::<Vec<_>>();
    let mut pipeline = Pipeline::new(MemoryStore::default());
    pipeline.ingest(inputs, &mut ()).unwrap();
    pipeline.into_store()
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn seeds_publish_as_a_browsable_static_site() {
    let out = tempfile::tempdir().unwrap();
    let report = publish(&seed_store(), out.path(), &PublishOptions::default()).unwrap();
    assert_eq!(
        report,
        PublishReport {
            stories: 1,
            articles: 5,
            feeds: 2
        }
    );
    let written: Vec<String> = files(out.path())
        .iter()
        .map(|p| p.strip_prefix(out.path()).unwrap().display().to_string())
        .collect();
    assert!(written.contains(&"index.html".to_string()));
    assert!(written.contains(&"feed.xml".to_string()));
    assert!(
        written
            .iter()
            .any(|p| p.starts_with("stories/s") && p.ends_with("/index.html"))
    );
    assert!(
        written
            .iter()
            .any(|p| p.starts_with("stories/s") && p.ends_with("/feed.xml"))
    );
    assert_eq!(
        written
            .iter()
            .filter(|p| p.starts_with("articles/"))
            .count(),
        5
    );

    let mut checked = 0;
    for page in files(out.path())
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(page).unwrap();
        assert!(
            !html.contains("href=\"/"),
            "{}: absolute link",
            page.display()
        );
        for href in hrefs(&html) {
            if href.starts_with('#') || href.contains("://") {
                continue;
            }
            let target = page.parent().unwrap().join(href.split('#').next().unwrap());
            assert!(
                target.is_file(),
                "{}: {href} does not exist",
                page.display()
            );
            checked += 1;
        }
        assert!(
            !html.contains("role=\"search\""),
            "a static site cannot search"
        );
    }
    assert!(checked > 20, "only {checked} links checked");
}

#[test]
fn a_site_url_makes_feed_links_absolute() {
    let out = tempfile::tempdir().unwrap();
    let options = PublishOptions {
        site_url: "https://news.example".to_string(),
    };
    publish(&seed_store(), out.path(), &options).unwrap();
    let feed = std::fs::read_to_string(out.path().join("feed.xml")).unwrap();
    assert!(
        feed.contains("href=\"https://news.example/feed.xml\" rel=\"self\""),
        "{feed}"
    );
    assert!(
        feed.contains("href=\"https://news.example/stories/s"),
        "{feed}"
    );
}

#[test]
fn posts_use_the_seed_front_matter_and_update_in_place() {
    use storyline_core::ingest::{InputDocument, parse_document};
    let out = tempfile::tempdir().unwrap();
    let store = seed_store();
    let report = storyline_serve::posts::publish_posts(&store, out.path()).unwrap();
    assert_eq!(report.stories, 1);
    let again = storyline_serve::posts::publish_posts(&store, out.path()).unwrap();
    assert_eq!(again.stories, 1);
    let posts = files(out.path());
    assert_eq!(posts.len(), 1, "re-publishing replaces the post");
    let text = std::fs::read_to_string(&posts[0]).unwrap();
    for key in [
        "extends: _layouts.post\n",
        "section: content\n",
        "title: ",
        "description: ",
        "date: 2020-09-30-13-28-43\n",
        "categories: [\"latest\", \"sports\"]\n",
        "featured: false\n",
        "image: \"https://",
        "generator: storyline\n",
    ] {
        assert!(text.contains(key), "{key} missing in {text}");
    }
    assert_eq!(text.matches("\n- **2020-09-").count(), 5);
    let article = parse_document(&InputDocument::from_text("post.md", text))
        .remove(0)
        .unwrap();
    assert!(article.title.starts_with("Roma make breakthrough"));
    assert_eq!(article.extra["generator"], "storyline");
}

#[test]
fn one_story_summary_matches_the_core_listing() {
    let store = seed_store();
    let listed = storyline_core::view::story_summaries(&store).unwrap();
    let one = storyline_serve::views::story(&store, &listed[0].id.0).unwrap();
    assert_eq!(one.summary, listed[0]);
}
