//! The domain types that flow between stages: articles, stories and their ids.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable article id: 16 hex digits of a hash over the article's identity:
/// its canonical URL when it has one (so a revised text at the same URL keeps
/// its id), else its normalized title and text. The same input ingested
/// twice gets the same id and is stored once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

/// A stable story id: `s` followed by 12 hex digits derived from the id of
/// the article that founded the story.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoryId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StoryId {
    /// The id of the story founded by `article`.
    pub fn founded_by(article: &ArticleId) -> Self {
        let hash = xxhash_rust::xxh3::xxh3_64(format!("story:{}", article.0).as_bytes());
        Self(format!("s{:012x}", hash & 0xffff_ffff_ffff))
    }
}

/// The input format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Markdown or text with a YAML front matter block.
    FrontMatter,
    /// Plain text, optionally led by a ` date YYYY-MM-DD` token.
    PlainText,
    /// JSON Lines: one article object per line.
    JsonLines,
    /// An RSS 2.0 (or RSS 1.0/0.9x) feed: one article per item.
    Rss,
    /// An Atom feed: one article per entry.
    Atom,
    /// A JSON Feed (jsonfeed.org): one article per item.
    JsonFeed,
    /// An HTML article page.
    Html,
}

impl SourceFormat {
    /// The name used in the store and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FrontMatter => "front_matter",
            Self::PlainText => "plain_text",
            Self::JsonLines => "json_lines",
            Self::Rss => "rss",
            Self::Atom => "atom",
            Self::JsonFeed => "json_feed",
            Self::Html => "html",
        }
    }

    /// Every format, in the order `--format` lists them.
    pub const ALL: [Self; 6] = [
        Self::FrontMatter,
        Self::PlainText,
        Self::JsonLines,
        Self::Rss,
        Self::Atom,
        Self::JsonFeed,
    ];

    /// True for formats that hold several articles per file.
    pub fn is_collection(self) -> bool {
        matches!(
            self,
            Self::JsonLines | Self::Rss | Self::Atom | Self::JsonFeed
        )
    }

    /// Parses [`SourceFormat::as_str`] back.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "front_matter" => Some(Self::FrontMatter),
            "plain_text" => Some(Self::PlainText),
            "json_lines" => Some(Self::JsonLines),
            "rss" => Some(Self::Rss),
            "atom" => Some(Self::Atom),
            "json_feed" => Some(Self::JsonFeed),
            "html" => Some(Self::Html),
            _ => None,
        }
    }
}

/// One news article, normalized: the unit every later stage works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id (see [`ArticleId`]).
    pub id: ArticleId,
    /// The file it was read from, as given on the command line.
    pub path: Option<String>,
    /// The article's URL, when the input names one.
    pub url: Option<String>,
    /// The URL in canonical form (tracking parameters, AMP variants, `www.`
    /// and trailing slashes removed; the input's `rel=canonical` link when it
    /// has one): the article's identity when present.
    pub canonical_url: Option<String>,
    /// Headline.
    pub title: String,
    /// Standfirst or summary, when the input has one.
    pub lead: Option<String>,
    /// Main text: paragraphs separated by one blank line.
    pub body: String,
    /// The outlet's domain (`dailymail.co.uk`), from the URL or image URL.
    pub source_domain: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Section or tag names given by the publisher.
    pub categories: Vec<String>,
    /// Lead image URL.
    pub image: Option<String>,
    /// Publisher's "featured" flag.
    pub featured: Option<bool>,
    /// ISO 639-1 language code, when it could be told reliably.
    pub language: Option<String>,
    /// Publication time in UTC; `None` when the input gives none.
    pub published_at: Option<jiff::Timestamp>,
    /// True when the input gave a time without a zone (read as UTC) or only
    /// a date: the time is then approximate.
    pub published_at_approximate: bool,
    /// What format the article was read from.
    pub format: SourceFormat,
    /// Hash of the normalized title and body, for exact-duplicate detection.
    pub content_hash: String,
    /// 1 for the first text seen at this identity; each revision (same URL,
    /// different text) adds one.
    pub revision: u32,
    /// When this article is a copy, the id of the first copy stored.
    pub duplicate_of: Option<ArticleId>,
    /// The story the article belongs to (duplicates take their original's).
    pub story: Option<StoryId>,
    /// Input fields Storyline does not interpret, kept as given.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Article {
    /// Title, lead and body as one text, for indexing and comparison.
    pub fn full_text(&self) -> String {
        let mut text = self.title.clone();
        if let Some(lead) = &self.lead {
            text.push_str("\n\n");
            text.push_str(lead);
        }
        text.push_str("\n\n");
        text.push_str(&self.body);
        text
    }

    /// The outlet as JSON, filters and source counts name it: the source
    /// domain, or [`UNKNOWN_OUTLET`] when the article did not say (a plain
    /// text file without front matter or URL).
    pub fn outlet(&self) -> &str {
        self.source_domain.as_deref().unwrap_or(UNKNOWN_OUTLET)
    }
}

/// The outlet value of an article whose outlet is not known; stable, since
/// JSON consumers and the `--outlet` filter match it.
pub const UNKNOWN_OUTLET: &str = "unknown";

/// An outlet as people read it in the terminal and the web pages:
/// [`UNKNOWN_OUTLET`] becomes "outlet not given", since a bare "unknown"
/// beside real domains reads like an outlet's name.
pub fn outlet_label(outlet: &str) -> &str {
    if outlet == UNKNOWN_OUTLET {
        "outlet not given"
    } else {
        outlet
    }
}

/// Outlets joined with commas for reading, each through [`outlet_label`].
pub fn outlet_list(outlets: &[String]) -> String {
    outlets
        .iter()
        .map(|o| outlet_label(o))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A story: the articles about one event. Membership lives on the articles
/// ([`Article::story`]); the story record carries what is not derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id.
    pub id: StoryId,
    /// Display title (the founding article's headline).
    pub title: String,
    /// The article that founded the story.
    pub founded_by: ArticleId,
    /// When the story was first created in this store.
    pub created_at: Timestamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_outlet_reads_as_not_given_and_real_ones_are_kept() {
        assert_eq!(outlet_label(UNKNOWN_OUTLET), "outlet not given");
        assert_eq!(outlet_label("theguardian.com"), "theguardian.com");
        let outlets = vec!["dailymail.co.uk".to_string(), UNKNOWN_OUTLET.to_string()];
        assert_eq!(outlet_list(&outlets), "dailymail.co.uk, outlet not given");
    }
}
