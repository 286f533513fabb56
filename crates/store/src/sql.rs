//! SQL text both backends share: the article and explanation columns in the
//! order the row readers expect, and the upserts (a revision is written in
//! place).

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

/// The explanation columns, in the order the row readers expect.
pub(crate) const EXPLANATION_COLUMNS: &str =
    "article_id, story_id, founded, score, threshold, best, runner_up";

/// The `ON CONFLICT` clause of the explanation insert: clustering an
/// article again replaces its record.
pub(crate) const EXPLANATION_UPSERT: &str = "ON CONFLICT (article_id) DO UPDATE SET
    story_id = excluded.story_id, founded = excluded.founded,
    score = excluded.score, threshold = excluded.threshold,
    best = excluded.best, runner_up = excluded.runner_up";
