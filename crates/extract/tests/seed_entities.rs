//! Entities and aliases on the five seed articles (the project's own
//! examples), pooled as one story, with and without the example alias book.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use storyline_extract::entities::{AliasBook, Entity, EntityKind, find_mentions, resolve};

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The seeds' text, front matter keys dropped (titles and leads kept).
fn seed_texts() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(repo().join("examples/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(|l| {
                    l.strip_prefix("title: ")
                        .or_else(|| l.strip_prefix("description: "))
                        .unwrap_or(l)
                })
                .filter(|l| !l.contains(": ") || l.len() > 60)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

fn story_entities(book: Option<&AliasBook>) -> Vec<Entity> {
    let mentions: Vec<_> = seed_texts().iter().flat_map(|t| find_mentions(t)).collect();
    resolve(&mentions, book)
}

fn find<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities.iter().find(|e| e.name == name).unwrap_or_else(|| {
        panic!(
            "no entity {name} in {:#?}",
            entities
                .iter()
                .map(|e| (&e.name, &e.aliases))
                .collect::<Vec<_>>()
        )
    })
}

#[test]
fn text_alone_links_surnames_and_short_forms() {
    let entities = story_entities(None);
    let united = find(&entities, "Manchester United");
    for alias in ["Man United", "United"] {
        assert!(
            united.aliases.iter().any(|a| a == alias),
            "{alias}: {:?}",
            united.aliases
        );
    }
    assert_eq!(united.kind, EntityKind::Organization);
    let smalling = find(&entities, "Chris Smalling");
    assert!(smalling.aliases.iter().any(|a| a == "Smalling"));
    assert_eq!(smalling.kind, EntityKind::Person);
    let ole = find(&entities, "Ole Gunnar Solskjaer");
    assert!(
        ole.aliases.iter().any(|a| a == "Solskjaer"),
        "{:?}",
        ole.aliases
    );
    let roma = find(&entities, "AS Roma");
    assert!(roma.aliases.iter().any(|a| a == "Roma"));
    assert!(entities.iter().any(|e| e.name == "Corriere dello Sport"));
}

#[test]
fn the_example_book_adds_nicknames() {
    let book = AliasBook::load(&repo().join("examples/aliases/football-clubs.yaml")).unwrap();
    let entities = story_entities(Some(&book));
    let united = find(&entities, "Manchester United");
    assert!(
        united.aliases.iter().any(|a| a == "Red Devils"),
        "{:?}",
        united.aliases
    );
    let roma = find(&entities, "AS Roma");
    assert!(
        roma.aliases.iter().any(|a| a == "La Lupa"),
        "{:?}",
        roma.aliases
    );
}
