//! One name per entity across a story: `United`, `Man United` and `the Red
//! Devils` (with an alias book) all become `Manchester United`, so figures
//! reported under different names land in the same series.

use crate::model::Article;
use serde::Serialize;
use std::collections::HashMap;
use storyline_extract::entities::{
    AliasBook, Entity, EntityKind, Mention, find_mentions, name_key, resolve,
};

/// The example alias book of European football clubs
/// (`examples/aliases/football-clubs.yaml`), built in so every front end
/// resolves "the Red Devils" the same way. `None` only if the bundled file
/// were malformed, which a test rules out.
pub fn builtin_alias_book() -> Option<AliasBook> {
    AliasBook::from_yaml(BUILTIN_ALIASES).ok()
}

/// The built-in alias book, parsed once per process (see
/// [`builtin_alias_book`]).
pub fn builtin_aliases() -> Option<&'static AliasBook> {
    static BOOK: std::sync::LazyLock<Option<AliasBook>> =
        std::sync::LazyLock::new(builtin_alias_book);
    BOOK.as_ref()
}

/// The bundled example alias book.
const BUILTIN_ALIASES: &str = include_str!("../../../../examples/aliases/football-clubs.yaml");

/// An entity of a story or article, as shown to users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct EntitySummary {
    /// Canonical name.
    pub name: String,
    /// `person`, `organization`, `place` or `unknown`.
    pub kind: EntityKind,
    /// Other names it appeared under.
    pub aliases: Vec<String>,
    /// How many times it is mentioned.
    pub mentions: usize,
}

/// Canonical names of the entities found in a set of articles.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    canonical: HashMap<String, String>,
    entities: Vec<EntitySummary>,
    book: Option<AliasBook>,
}

impl NameIndex {
    /// Resolves the entities mentioned in `articles`, helped by `book`.
    pub fn for_articles(articles: &[&Article], book: Option<&AliasBook>) -> Self {
        let mut mentions = Vec::new();
        for article in articles {
            mentions.extend(find_mentions(&article.full_text()));
        }
        Self::from_mentions(&mentions, book)
    }

    /// Resolves the entities of `mentions` (those [`find_mentions`] gives
    /// for a story's texts, in order), helped by `book`.
    pub fn from_mentions(mentions: &[Mention], book: Option<&AliasBook>) -> Self {
        Self::from_entities(resolve(mentions, book), book)
    }

    fn from_entities(entities: Vec<Entity>, book: Option<&AliasBook>) -> Self {
        let mut canonical = HashMap::new();
        for entity in &entities {
            canonical.insert(name_key(&entity.name), entity.name.clone());
            for alias in &entity.aliases {
                canonical.insert(name_key(alias), entity.name.clone());
            }
        }
        if let Some(book) = book {
            // Book names not seen as mentions still resolve ("The Red Devils"
            // inside a longer phrase).
            for entity in &entities {
                if let Some(known) = book.lookup(&name_key(&entity.name)) {
                    canonical.insert(name_key(&known.name), entity.name.clone());
                }
            }
        }
        let mut summaries: Vec<EntitySummary> = entities
            .into_iter()
            .map(|e| EntitySummary {
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                mentions: e.mentions.len(),
            })
            .collect();
        summaries.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
        });
        Self {
            canonical,
            entities: summaries,
            book: book.cloned(),
        }
    }

    /// The alias book the names were resolved with: the claim reader types
    /// names by it too.
    pub fn book(&self) -> Option<&AliasBook> {
        self.book.as_ref()
    }

    /// The canonical name for `name` as written; unknown names come back
    /// trimmed, without a leading "the".
    pub fn canonical(&self, name: &str) -> String {
        let key = name_key(name);
        match self.canonical.get(&key) {
            Some(found) => found.clone(),
            None => {
                let trimmed = name.trim();
                let lower = trimmed.to_lowercase();
                match lower.strip_prefix("the ") {
                    Some(_) => trimmed["the ".len()..].to_string(),
                    None => trimmed.to_string(),
                }
            }
        }
    }

    /// True when `name` resolves to an entity known to be a person.
    pub fn is_person(&self, name: &str) -> bool {
        let canonical = self.canonical(name);
        self.entities
            .iter()
            .any(|e| e.name == canonical && e.kind == EntityKind::Person)
    }

    /// True when `name` resolves to an organization or a place.
    pub fn is_not_a_person(&self, name: &str) -> bool {
        let canonical = self.canonical(name);
        self.entities.iter().any(|e| {
            e.name == canonical && matches!(e.kind, EntityKind::Organization | EntityKind::Place)
        })
    }

    /// The entities, most mentioned first.
    pub fn entities(&self) -> &[EntitySummary] {
        &self.entities
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    #[test]
    fn the_builtin_book_loads() {
        let book = builtin_alias_book().unwrap();
        assert_eq!(
            book.lookup("red devils").map(|e| e.name.as_str()),
            Some("Manchester United")
        );
    }

    #[test]
    fn short_forms_resolve_to_the_full_name() {
        let mut article = sample_article(
            1,
            "Manchester United reject Roma bid",
            "AS Roma bid for Chris Smalling. United said no. Smalling waits.",
        );
        article.lead = None;
        let index = NameIndex::for_articles(&[&article], None);
        assert_eq!(index.canonical("United"), "Manchester United");
        assert_eq!(index.canonical("Smalling"), "Chris Smalling");
        assert_eq!(index.canonical("Roma"), "AS Roma");
        assert_eq!(index.canonical("The Italian giants"), "Italian giants");
        assert!(index.entities().iter().any(|e| e.name == "Chris Smalling"));
    }
}
