//! SQL text both backends share: the article columns in the order the row
//! readers expect, and the upsert that writes a revision in place.

/// The article columns, in the order `read_article` reads them.
pub(crate) const ARTICLE_COLUMNS: &str = "id, path, url, title, lead, body, source_domain, \
    authors, categories, image, featured, language, published_at, published_at_approximate, \
    format, content_hash, duplicate_of, story_id, extra, canonical_url, revision";

/// The `ON CONFLICT` clause of the article insert: a revision updates the
/// row in place (same id, same story), so search indexes follow it.
pub(crate) const ARTICLE_UPSERT: &str = "ON CONFLICT (id) DO UPDATE SET
    path = excluded.path, url = excluded.url, title = excluded.title,
    lead = excluded.lead, body = excluded.body,
    source_domain = excluded.source_domain, authors = excluded.authors,
    categories = excluded.categories, image = excluded.image,
    featured = excluded.featured, language = excluded.language,
    published_at = excluded.published_at,
    published_at_approximate = excluded.published_at_approximate,
    format = excluded.format, content_hash = excluded.content_hash,
    duplicate_of = excluded.duplicate_of, story_id = excluded.story_id,
    extra = excluded.extra, canonical_url = excluded.canonical_url,
    revision = excluded.revision, ingested_at = excluded.ingested_at";
