//! One entity across stories (`/entities/{name}`,
//! `GET /api/v1/entities/{name}`): the stories it appears in, the names it
//! appeared under and how often it is mentioned.
//!
//! Entities are resolved per story (a story's `NameIndex`), so an entity
//! page gathers the stories whose entities carry the name, as canonical
//! name or alias, compared without case.

use super::StorySummary;
use crate::error::StoreError;
use crate::facts::NameIndex;
use crate::facts::names::EntitySummary;
use crate::model::{Article, StoryId};
use crate::store::Store;
use serde::Serialize;
use storyline_extract::entities::AliasBook;

/// An entity with the stories it appears in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityDetail {
    /// Canonical name (as in the most recently active story naming it).
    #[serde(flatten)]
    pub entity: EntitySummary,
    /// The stories naming it, most recently active first.
    pub stories: Vec<StorySummary>,
}

/// The entities of one story's originals, as on its page.
pub fn story_entities(
    store: &dyn Store,
    id: &StoryId,
    aliases: Option<&AliasBook>,
) -> Result<Vec<EntitySummary>, StoreError> {
    let members = store.story_articles(id)?;
    let originals: Vec<&Article> = members
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    Ok(NameIndex::for_articles(&originals, aliases)
        .entities()
        .to_vec())
}

/// The form names are compared in when filtering stories by entity:
/// lowercase, trimmed, without a leading "the" ("the Red Devils" finds
/// "Red Devils").
pub fn filter_key(name: &str) -> String {
    let name = name.trim().to_lowercase();
    match name.strip_prefix("the ") {
        Some(rest) if !rest.trim().is_empty() => rest.trim().to_string(),
        _ => name,
    }
}

/// True when `entity` is called `name`: its canonical name or an alias,
/// compared as [`filter_key`]s (any case, "the Red Devils" = "Red Devils").
pub fn is_named(entity: &EntitySummary, name: &str) -> bool {
    let key = filter_key(name);
    std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .any(|n| filter_key(n) == key)
}

/// Gathers the entity called `name` over stories given most recently active
/// first with their entities; `None` when no story names it.
pub fn entity_detail<'a>(
    name: &str,
    stories: impl IntoIterator<Item = (&'a StorySummary, &'a [EntitySummary])>,
) -> Option<EntityDetail> {
    let mut detail: Option<EntityDetail> = None;
    for (story, entities) in stories {
        let Some(found) = entities.iter().find(|e| is_named(e, name)) else {
            continue;
        };
        let detail = detail.get_or_insert_with(|| EntityDetail {
            entity: EntitySummary {
                name: found.name.clone(),
                kind: found.kind,
                aliases: Vec::new(),
                mentions: 0,
            },
            stories: Vec::new(),
        });
        detail.entity.mentions += found.mentions;
        for alias in std::iter::once(&found.name).chain(&found.aliases) {
            if alias != &detail.entity.name && !detail.entity.aliases.contains(alias) {
                detail.entity.aliases.push(alias.clone());
            }
        }
        detail.stories.push(story.clone());
    }
    detail
}
