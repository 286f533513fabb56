//! The body of an ingest request (`POST /api/v1/articles`) read into input
//! documents: a JSON article (or an array of them) when the request says
//! `Content-Type: application/json`, or else the raw text of one article
//! in a format the CLI reads (front matter, plain text, HTML, …). Kept
//! apart from the server so that it is tested and fuzzed without one.

use super::{InputDocument, decode_text};
use crate::error::IngestErrorKind;
use serde::Deserialize;

/// What the request says its body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// `Content-Type: application/json`: one [`ArticleInput`] or an array.
    Json,
    /// Anything else: the text of one article, format detected as for files.
    Text,
}

impl BodyKind {
    /// The kind a `Content-Type` header value names (`None` when absent).
    pub fn of_content_type(content_type: Option<&str>) -> Self {
        if content_type.is_some_and(|v| v.starts_with("application/json")) {
            Self::Json
        } else {
            Self::Text
        }
    }
}

/// Why a request body holds no article to ingest. The texts are the API's
/// `bad_request` messages.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PostBodyError {
    /// The JSON is malformed or not shaped as an article (the serde message
    /// names the field at fault).
    #[error("the JSON body is not an article: {0}")]
    NotAnArticle(serde_json::Error),
    /// `[]`.
    #[error("the JSON array holds no article")]
    NoArticle,
    /// A text body that is binary or not UTF-8.
    #[error("the body is not text: {0}")]
    NotText(IngestErrorKind),
    /// A text body of nothing but whitespace.
    #[error("the body is empty")]
    Empty,
}

/// One article as JSON. `title` and `body` are required; the rest is
/// optional and read like the front matter keys of the same names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    /// Headline.
    pub title: String,
    /// Main text.
    #[serde(alias = "text")]
    pub body: String,
    /// Lead or summary.
    #[serde(default)]
    pub lead: Option<String>,
    /// URL of the article.
    #[serde(default)]
    pub url: Option<String>,
    /// Publication time, in any form the CLI reads.
    #[serde(default, alias = "date")]
    pub published_at: Option<String>,
    /// Outlet.
    #[serde(default, alias = "source")]
    pub source_domain: Option<String>,
    /// Bylines.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Categories.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Language code.
    #[serde(default)]
    pub language: Option<String>,
    /// Lead image.
    #[serde(default)]
    pub image: Option<String>,
}

impl ArticleInput {
    /// The article as a front-matter document. Values are written as JSON
    /// strings, which YAML reads as double-quoted scalars, so no input can
    /// break out of its field.
    pub fn to_document(&self, path: &str) -> InputDocument {
        let quote = |s: &str| yaml_safe(&serde_json::Value::String(s.to_string()).to_string());
        let list =
            |items: &[String]| yaml_safe(&serde_json::Value::from(items.to_vec()).to_string());
        let mut text = String::from("---\n");
        text.push_str(&format!("title: {}\n", quote(&self.title)));
        let optional = [
            ("description", &self.lead),
            ("url", &self.url),
            ("date", &self.published_at),
            ("source", &self.source_domain),
            ("language", &self.language),
            ("image", &self.image),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                text.push_str(&format!("{key}: {}\n", quote(value)));
            }
        }
        if !self.authors.is_empty() {
            text.push_str(&format!("authors: {}\n", list(&self.authors)));
        }
        if !self.categories.is_empty() {
            text.push_str(&format!("categories: {}\n", list(&self.categories)));
        }
        text.push_str("---\n");
        text.push_str(&self.body);
        InputDocument::from_text(path, text)
    }
}

/// JSON text with every character YAML may not hold raw written as a
/// `\uXXXX` escape, which JSON and YAML double-quoted scalars read alike.
/// JSON escapes only `"`, `\\` and controls below U+0020, so a DEL or C1
/// control (U+007F–U+009F but NEL) or U+FFFE/U+FFFF in a field made the
/// whole front matter invalid YAML (found by the `post_body` fuzz target).
fn yaml_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if yaml_printable(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        }
    }
    out
}

/// YAML 1.2's `c-printable` (tab, line breaks and the printable ranges).
fn yaml_printable(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..)
}

/// Reads a request body into the documents to ingest, named `api/N`.
pub fn parse_post_body(body: &[u8], kind: BodyKind) -> Result<Vec<InputDocument>, PostBodyError> {
    match kind {
        BodyKind::Json => {
            let value: serde_json::Value =
                serde_json::from_slice(body).map_err(PostBodyError::NotAnArticle)?;
            // One article or an array of them; parsed by shape so that the
            // error names the field at fault.
            let inputs: Vec<ArticleInput> = if value.is_array() {
                serde_json::from_value(value).map_err(PostBodyError::NotAnArticle)?
            } else {
                vec![serde_json::from_value(value).map_err(PostBodyError::NotAnArticle)?]
            };
            if inputs.is_empty() {
                return Err(PostBodyError::NoArticle);
            }
            Ok(inputs
                .iter()
                .enumerate()
                .map(|(i, a)| a.to_document(&format!("api/{i}")))
                .collect())
        }
        BodyKind::Text => {
            let text = decode_text(body.to_vec()).map_err(PostBodyError::NotText)?;
            if text.trim().is_empty() {
                return Err(PostBodyError::Empty);
            }
            Ok(vec![InputDocument::from_text("api/0", text)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_document;

    fn article(doc: &InputDocument) -> crate::model::Article {
        parse_document(doc).remove(0).unwrap()
    }

    #[test]
    fn json_fields_cannot_break_out_of_the_front_matter() {
        let input = ArticleInput {
            title: "A\n---\nevil: yes".into(),
            body: "Body text here.".into(),
            lead: Some("\"quoted\" lead".into()),
            url: None,
            published_at: Some("2020-09-30".into()),
            source_domain: None,
            authors: vec!["X".into()],
            categories: vec![],
            language: None,
            image: None,
        };
        let article = article(&input.to_document("api/0"));
        assert!(article.title.contains("evil: yes"));
        assert_eq!(article.lead.as_deref(), Some("\"quoted\" lead"));
        assert!(article.published_at.is_some());
        assert_eq!(article.body, "Body text here.");
    }

    /// Regression (`fuzz/regressions/post_body/del-in-title`): a DEL in the
    /// title went into the front matter raw and made it invalid YAML.
    #[test]
    fn no_character_of_a_field_makes_the_front_matter_invalid() {
        let special = [
            '\u{2028}',
            '\u{2029}',
            '\u{FEFF}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{10FFFF}',
        ];
        for c in (0..=0xFFu32).filter_map(char::from_u32).chain(special) {
            let text = format!("Harbour{c}bridge reopens");
            let input = ArticleInput {
                title: text.clone(),
                body: "Body text here.".into(),
                lead: Some(text.clone()),
                url: None,
                published_at: None,
                source_domain: None,
                authors: vec![text.clone()],
                categories: vec![],
                language: None,
                image: None,
            };
            let article = parse_document(&input.to_document("api/0")).remove(0);
            let article = article.unwrap_or_else(|e| panic!("U+{:04X}: {e}", u32::from(c)));
            assert!(
                article.title.starts_with("Harbour"),
                "U+{:04X}",
                u32::from(c)
            );
            assert!(
                article.title.ends_with("bridge reopens"),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn one_json_article_or_an_array_of_them() {
        let one = parse_post_body(br#"{"title": "A", "text": "Body."}"#, BodyKind::Json).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(article(&one[0]).body, "Body.");
        let two = parse_post_body(
            br#"[{"title": "A", "body": "One."}, {"title": "B", "body": "Two.", "date": "2020-09-30"}]"#,
            BodyKind::Json,
        )
        .unwrap();
        let paths: Vec<String> = two.iter().map(|d| d.path.display().to_string()).collect();
        assert_eq!(paths, ["api/0", "api/1"]);
        assert!(article(&two[1]).published_at.is_some());
    }

    #[test]
    fn json_that_is_no_article_is_refused_naming_the_fault() {
        let missing = parse_post_body(br#"{"title": "A"}"#, BodyKind::Json).unwrap_err();
        assert!(
            missing.to_string().contains("missing field `body`"),
            "{missing}"
        );
        let unknown = parse_post_body(
            br#"{"title": "A", "body": "B", "colour": 1}"#,
            BodyKind::Json,
        )
        .unwrap_err();
        assert!(
            unknown.to_string().contains("unknown field `colour`"),
            "{unknown}"
        );
        assert!(matches!(
            parse_post_body(b"{not json", BodyKind::Json),
            Err(PostBodyError::NotAnArticle(_))
        ));
        assert_eq!(
            parse_post_body(b"[]", BodyKind::Json)
                .unwrap_err()
                .to_string(),
            "the JSON array holds no article"
        );
    }

    #[test]
    fn a_text_body_is_one_document_unless_empty_or_binary() {
        let doc = parse_post_body(b"Headline\n\nSome body text.", BodyKind::Text).unwrap();
        assert_eq!(doc.len(), 1);
        assert_eq!(doc[0].path.display().to_string(), "api/0");
        assert!(matches!(
            parse_post_body(b" \n\t", BodyKind::Text),
            Err(PostBodyError::Empty)
        ));
        assert!(matches!(
            parse_post_body(b"\x89PNG\0\0", BodyKind::Text),
            Err(PostBodyError::NotText(IngestErrorKind::Binary))
        ));
    }

    #[test]
    fn only_application_json_is_read_as_json() {
        assert_eq!(
            BodyKind::of_content_type(Some("application/json; charset=utf-8")),
            BodyKind::Json
        );
        assert_eq!(
            BodyKind::of_content_type(Some("text/plain")),
            BodyKind::Text
        );
        assert_eq!(BodyKind::of_content_type(None), BodyKind::Text);
    }
}
