//! What a page says about itself: `<meta>` (Open Graph, Twitter cards,
//! `article:published_time`, Dublin Core, `itemprop`), JSON-LD
//! (`NewsArticle` and its kin, `@graph` included), `<link rel=canonical>`,
//! `<time>`, `<html lang>`, `<title>` and the first `<h1>`. One walk over
//! the parsed tree collects everything; [`PageMetadata`] keeps the first
//! value per field in order of trust.

use scraper::{ElementRef, Html};
use serde_json::Value;

/// JSON-LD blocks larger than this are skipped: no metadata block is this
/// long, and parsing one would only cost time.
const MAX_JSON_LD_BYTES: usize = 1 << 20;

/// Schema.org types whose fields describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "techarticle",
    "scholarlyarticle",
    "webpage",
    "itempage",
];

/// Metadata candidates found on one page, best first within each field.
#[derive(Debug, Default, Clone)]
pub struct PageMetadata {
    /// Headline candidates: `og:title`, JSON-LD `headline`, `twitter:title`, `<h1>`, `<title>`.
    pub titles: Vec<String>,
    /// Lead or description.
    pub descriptions: Vec<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publication-time strings in order of trust (meta, JSON-LD, `itemprop`, `<time>`).
    pub published: Vec<String>,
    /// Modification-time strings.
    pub modified: Vec<String>,
    /// `<time datetime>` values without a publication hint.
    pub times: Vec<String>,
    /// Site names (`og:site_name`, JSON-LD `publisher.name`).
    pub site_names: Vec<String>,
    /// Canonical URL candidates (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    pub urls: Vec<String>,
    /// Lead image URLs.
    pub images: Vec<String>,
    /// Declared languages (`<html lang>`, `og:locale`, `content-language`).
    pub languages: Vec<String>,
    /// `<title>` text, kept apart: it often carries the site name.
    pub document_title: Option<String>,
    /// JSON-LD `articleBody` texts: the article as the publisher's data
    /// gives it, for pages whose markup shows only a teaser.
    pub article_bodies: Vec<String>,
}

impl PageMetadata {
    /// Collects the metadata of a parsed page.
    pub fn from_document(doc: &Html) -> Self {
        let mut meta = Self::default();
        let mut json_ld = Vec::new();
        let mut h1 = None;
        for element in doc.root_element().descendent_elements() {
            match element.value().name() {
                "html" => push(&mut meta.languages, element.attr("lang")),
                "meta" => meta.read_meta(element),
                "link" => meta.read_link(element),
                "title" if meta.document_title.is_none() => {
                    meta.document_title = Some(text_of(element)).filter(|t| !t.is_empty());
                }
                "h1" if h1.is_none() => h1 = Some(text_of(element)).filter(|t| !t.is_empty()),
                "time" => meta.read_time(element),
                "script" if is_json_ld(element) => {
                    let text: String = element.text().collect();
                    if text.len() <= MAX_JSON_LD_BYTES {
                        json_ld.push(text);
                    }
                }
                _ => meta.read_itemprop(element),
            }
        }
        for block in &json_ld {
            meta.read_json_ld(block);
        }
        push(&mut meta.titles, h1.as_deref());
        let document_title = meta.document_title.clone();
        push(&mut meta.titles, document_title.as_deref());
        meta
    }

    fn read_meta(&mut self, element: ElementRef<'_>) {
        let Some(content) = element.attr("content") else {
            return;
        };
        let key = element
            .attr("property")
            .or_else(|| element.attr("name"))
            .or_else(|| element.attr("itemprop"))
            .or_else(|| element.attr("http-equiv"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let field = match key.as_str() {
            "og:title" | "twitter:title" | "dc.title" | "headline" => &mut self.titles,
            "og:description" | "description" | "twitter:description" | "dc.description" => {
                &mut self.descriptions
            }
            "author" | "article:author" | "dc.creator" | "byl" | "parsely-author"
            | "sailthru.author" => {
                if content.starts_with("http") {
                    return;
                }
                &mut self.authors
            }
            "article:published_time"
            | "og:published_time"
            | "article:published"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "publish_date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.created"
            | "dcterms.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "article.published"
            | "published-date"
            | "release_date"
            | "citation_date"
            | "citation_publication_date"
            | "originalpublicationdate"
            | "og:article:published_time" => &mut self.published,
            "article:modified_time"
            | "og:updated_time"
            | "datemodified"
            | "last-modified"
            | "dcterms.modified"
            | "article:modified"
            | "lastmod" => &mut self.modified,
            "og:site_name" | "application-name" | "twitter:site:name" => &mut self.site_names,
            "og:url" => &mut self.urls,
            "og:image" | "og:image:url" | "twitter:image" | "twitter:image:src" => &mut self.images,
            "og:locale" | "content-language" | "dc.language" | "language" => &mut self.languages,
            _ => return,
        };
        push(field, Some(content));
    }

    fn read_link(&mut self, element: ElementRef<'_>) {
        let rel = element.attr("rel").unwrap_or("").to_ascii_lowercase();
        if rel.split_whitespace().any(|r| r == "canonical") {
            push(&mut self.urls, element.attr("href"));
        }
    }

    fn read_time(&mut self, element: ElementRef<'_>) {
        let value = element
            .attr("datetime")
            .map(str::to_string)
            .unwrap_or_else(|| text_of(element));
        let hint = [
            element.attr("class"),
            element.attr("itemprop"),
            element.attr("id"),
        ]
        .iter()
        .flatten()
        .map(|s| s.to_ascii_lowercase())
        .collect::<String>();
        if element.attr("pubdate").is_some() || hint.contains("publish") || hint.contains("posted")
        {
            push(&mut self.published, Some(&value));
        } else if hint.contains("modif") || hint.contains("update") {
            push(&mut self.modified, Some(&value));
        } else {
            push(&mut self.times, Some(&value));
        }
    }

    fn read_itemprop(&mut self, element: ElementRef<'_>) {
        let Some(prop) = element.attr("itemprop") else {
            return;
        };
        let value = element
            .attr("datetime")
            .or_else(|| element.attr("content"))
            .map(str::to_string)
            .unwrap_or_else(|| text_of(element));
        match prop.to_ascii_lowercase().as_str() {
            "datepublished" | "datecreated" => push(&mut self.published, Some(&value)),
            "datemodified" => push(&mut self.modified, Some(&value)),
            _ => {}
        }
    }

    fn read_json_ld(&mut self, block: &str) {
        let Ok(value) = serde_json::from_str::<Value>(block.trim()) else {
            return;
        };
        let mut objects = Vec::new();
        collect_objects(&value, 0, &mut objects);
        // Articles first, then pages: a WebPage's dates describe the page.
        objects.sort_by_key(|o| article_rank(o));
        for object in objects
            .iter()
            .filter(|o| article_rank(o) < ARTICLE_TYPES.len())
        {
            push(
                &mut self.titles,
                string_field(object, "headline").as_deref(),
            );
            push(
                &mut self.descriptions,
                string_field(object, "description").as_deref(),
            );
            push(
                &mut self.published,
                string_field(object, "datePublished").as_deref(),
            );
            push(
                &mut self.published,
                string_field(object, "dateCreated").as_deref(),
            );
            push(
                &mut self.modified,
                string_field(object, "dateModified").as_deref(),
            );
            push(&mut self.urls, string_field(object, "url").as_deref());
            push(&mut self.images, string_field(object, "image").as_deref());
            push(
                &mut self.languages,
                string_field(object, "inLanguage").as_deref(),
            );
            push(
                &mut self.article_bodies,
                string_field(object, "articleBody").as_deref(),
            );
            for author in names(object.get("author")) {
                push(&mut self.authors, Some(&author));
            }
            for publisher in names(object.get("publisher")) {
                push(&mut self.site_names, Some(&publisher));
            }
        }
    }
}

/// Every JSON object in a JSON-LD value, `@graph` and arrays included,
/// with a depth limit against hostile nesting.
fn collect_objects<'a>(
    value: &'a Value,
    depth: usize,
    out: &mut Vec<&'a serde_json::Map<String, Value>>,
) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_objects(v, depth + 1, out)),
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// Position of the object's `@type` in [`ARTICLE_TYPES`] (lower is better);
/// `ARTICLE_TYPES.len()` when it is none of them.
fn article_rank(object: &serde_json::Map<String, Value>) -> usize {
    let types: Vec<String> = match object.get("@type") {
        Some(Value::String(t)) => vec![t.to_ascii_lowercase()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    };
    ARTICLE_TYPES
        .iter()
        .position(|t| types.iter().any(|x| x == t))
        .unwrap_or(ARTICLE_TYPES.len())
}

/// A field as a string: a string, the first string of an array, or an
/// object's `url`/`name`/`@id`.
fn string_field(object: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    fn as_string(value: &Value) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            Value::Array(items) => items.iter().find_map(as_string),
            Value::Object(map) => ["url", "name", "@id"]
                .iter()
                .find_map(|k| map.get(*k).and_then(Value::as_str).map(str::to_string)),
            _ => None,
        }
    }
    object.get(key).and_then(as_string)
}

/// Names of persons or organizations: a string, an object with `name`, or
/// an array of either.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) if !s.starts_with("http") => vec![s.clone()],
        Some(Value::Object(map)) => map
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
}

fn is_json_ld(element: ElementRef<'_>) -> bool {
    element
        .attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// An element's text with runs of whitespace collapsed.
fn text_of(element: ElementRef<'_>) -> String {
    let text: String = element.text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Appends a trimmed, non-empty value not already present.
fn push(field: &mut Vec<String>, value: Option<&str>) {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return;
    };
    if field.len() < 16 && !field.iter().any(|v| v == value) {
        field.push(value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> PageMetadata {
        PageMetadata::from_document(&Html::parse_document(html))
    }

    #[test]
    fn open_graph_and_article_meta() {
        let m = meta(
            r#"<html lang="en-GB"><head><title>Bid fails | Daily Planet</title>
            <meta property="og:title" content="Bid fails">
            <meta property="og:site_name" content="Daily Planet">
            <meta name="description" content="The club's offer was rejected.">
            <meta property="article:published_time" content="2020-09-30T13:28:43+01:00">
            <meta property="article:modified_time" content="2020-10-01T08:00:00Z">
            <meta property="og:image" content="https://img.example.com/a.jpg">
            <link rel="canonical" href="https://www.example.com/sport/bid-fails">
            <meta name="author" content="Lois Lane"></head><body><h1>Bid fails!</h1></body></html>"#,
        );
        assert_eq!(
            m.titles,
            ["Bid fails", "Bid fails!", "Bid fails | Daily Planet"]
        );
        assert_eq!(m.site_names, ["Daily Planet"]);
        assert_eq!(m.published, ["2020-09-30T13:28:43+01:00"]);
        assert_eq!(m.modified, ["2020-10-01T08:00:00Z"]);
        assert_eq!(m.urls, ["https://www.example.com/sport/bid-fails"]);
        assert_eq!(m.authors, ["Lois Lane"]);
        assert_eq!(m.languages, ["en-GB"]);
    }

    #[test]
    fn json_ld_news_article_in_a_graph() {
        let m = meta(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","datePublished":"2019-01-01","url":"https://ex.com/page"},
              {"@type":["NewsArticle"],"headline":"Rescue deal agreed","datePublished":"2023-03-19T18:30:00+01:00",
               "dateModified":"2023-03-20","author":[{"@type":"Person","name":"Ada Byline"},{"name":"Bo Second"}],
               "publisher":{"@type":"Organization","name":"Example News"},"image":{"url":"https://ex.com/i.jpg"}}]}
            </script>"#,
        );
        assert_eq!(m.titles, ["Rescue deal agreed"]);
        assert_eq!(m.published, ["2023-03-19T18:30:00+01:00", "2019-01-01"]);
        assert_eq!(m.modified, ["2023-03-20"]);
        assert_eq!(m.authors, ["Ada Byline", "Bo Second"]);
        assert_eq!(m.site_names, ["Example News"]);
        assert_eq!(m.images, ["https://ex.com/i.jpg"]);
    }

    #[test]
    fn time_elements_and_itemprop() {
        let m = meta(
            r#"<time class="entry-date published" datetime="2021-05-04">May 4</time>
               <time datetime="2021-05-06T10:00">later</time>
               <span itemprop="dateModified" content="2021-05-05"></span>"#,
        );
        assert_eq!(m.published, ["2021-05-04"]);
        assert_eq!(m.modified, ["2021-05-05"]);
        assert_eq!(m.times, ["2021-05-06T10:00"]);
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", </script><title>T</title>"#,
        );
        assert_eq!(m.titles, ["T"]);
    }
}
