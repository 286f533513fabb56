//! The parsers' common output: an article as the input states it, before
//! normalization gives it an id and cleaned text.

use crate::ingest::time::ParsedTime;
use crate::model::SourceFormat;

/// What a format parser found, field by field, untouched by normalization.
#[derive(Debug, Clone)]
pub struct RawArticle {
    /// Which parser produced it.
    pub format: SourceFormat,
    /// Headline, when the input states one.
    pub title: Option<String>,
    /// Lead or summary.
    pub lead: Option<String>,
    /// Main text.
    pub body: String,
    /// URL of the article.
    pub url: Option<String>,
    /// The canonical URL the input declares (`<link rel=canonical>`,
    /// a `canonical_url` field), when it differs from `url`.
    pub canonical_url: Option<String>,
    /// Outlet as stated by the input (`source`, `source_domain`).
    pub source: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publisher categories.
    pub categories: Vec<String>,
    /// Lead image.
    pub image: Option<String>,
    /// Featured flag.
    pub featured: Option<bool>,
    /// Declared language.
    pub language: Option<String>,
    /// Publication time, when given.
    pub published: Option<ParsedTime>,
    /// Fields the parser did not interpret.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl RawArticle {
    /// An empty article of the given format with `body` as its text.
    pub fn new(format: SourceFormat, body: String) -> Self {
        Self {
            format,
            title: None,
            lead: None,
            body,
            url: None,
            canonical_url: None,
            source: None,
            authors: Vec::new(),
            categories: Vec::new(),
            image: None,
            featured: None,
            language: None,
            published: None,
            extra: serde_json::Map::new(),
        }
    }
}
