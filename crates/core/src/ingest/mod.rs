//! Reading inputs and parsing them into articles: one file per format, plus
//! file discovery, format detection and the parsing of publication times.
//!
//! A document holds one article (front matter, plain text) or several
//! (JSON Lines, RSS, Atom, JSON Feed). Item `N` of a collection is stored
//! with the path `file#N`; a bad item is one error (`file:LINE` for JSON
//! Lines, `file#N` for feeds) and the other items go on.

mod detect;
mod discover;
pub mod feed;
mod front_matter;
pub mod guard;
pub mod html;
pub mod jsonl;
pub(crate) mod parallel;
mod plain_text;
pub mod post_body;
mod raw;
pub mod time;

pub use detect::detect_format;
pub use discover::{
    DEFAULT_MAX_FILE_SIZE, Discovery, InputDocument, decode_bytes, decode_text, discover,
    read_document,
};
pub use raw::RawArticle;

use crate::error::{IngestError, IngestErrorKind};
use crate::model::{Article, SourceFormat};

/// Parses one input document into its articles, choosing the format from
/// the content (see [`detect_format`]) unless the document names one.
/// Each item succeeds or fails on its own.
pub fn parse_document(doc: &InputDocument) -> Vec<Result<Article, IngestError>> {
    let text = doc.text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return vec![Err(IngestError::new(&doc.path, IngestErrorKind::Empty))];
    }
    let format = doc.format.unwrap_or_else(|| detect_format(text, &doc.path));
    let path = doc.path.display().to_string();
    let finish = |raw: RawArticle, item_path: String| {
        crate::normalize::finish(raw, Some(item_path.clone()))
            .map_err(|kind| IngestError::new(item_path, kind))
    };
    match format {
        SourceFormat::FrontMatter | SourceFormat::PlainText | SourceFormat::Html => {
            let raw = match format {
                SourceFormat::FrontMatter => front_matter::parse(text),
                SourceFormat::Html => html::parse(text),
                // A format the user forced reads the file whatever its shape.
                _ if doc.format.is_some() => plain_text::parse(text),
                _ => plain_text::refuse_document(text).and_then(|()| plain_text::parse(text)),
            };
            if let Ok(Some(note)) = raw
                .as_ref()
                .map(|raw| raw.extra.get(html::EXTRACTION_LIMIT))
            {
                tracing::warn!("{path}: {}", note.as_str().unwrap_or_default());
            }
            vec![
                raw.map_err(|kind| IngestError::new(&doc.path, kind))
                    .and_then(|raw| finish(raw, path)),
            ]
        }
        SourceFormat::JsonLines => {
            // Finished on every core; the warnings are given here, in order.
            let items = jsonl::parse_then(text, |i, (line, raw)| {
                let raw = match raw {
                    Ok(raw) => raw,
                    Err(kind) => {
                        return (None, Err(IngestError::new(format!("{path}:{line}"), kind)));
                    }
                };
                let unparsed = raw
                    .extra
                    .get("unparsed_date")
                    .map(|date| format!("{path}:{line}: unrecognized date {date}; stored undated"));
                // Errors name the line, as editors and `sed -n` count.
                let article = crate::normalize::finish(raw, Some(format!("{path}#{}", i + 1)))
                    .map_err(|kind| IngestError::new(format!("{path}:{line}"), kind));
                (unparsed, article)
            });
            if let Some(error) = no_article_lines(&doc.path, text, &items) {
                return vec![Err(error)];
            }
            items
                .into_iter()
                .map(|(unparsed, article)| {
                    if let Some(warning) = unparsed {
                        tracing::warn!("{warning}");
                    }
                    article
                })
                .collect()
        }
        SourceFormat::Rss | SourceFormat::Atom | SourceFormat::JsonFeed => {
            match feed::parse(text) {
                Err(kind) => vec![Err(IngestError::new(&doc.path, kind))],
                Ok(items) => items
                    .into_iter()
                    .map(|(n, raw)| {
                        let item_path = format!("{path}#{n}");
                        raw.map_err(|kind| IngestError::new(item_path.clone(), kind))
                            .and_then(|raw| finish(raw, item_path))
                    })
                    .collect(),
            }
        }
    }
}

/// One error for a JSON Lines file of two or more lines none of which
/// holds article text (a labels file beside the articles it labels), in
/// place of one "has no article text" per line.
fn no_article_lines<T>(
    path: &std::path::Path,
    text: &str,
    items: &[(T, Result<Article, IngestError>)],
) -> Option<IngestError> {
    let all_textless = items.iter().all(|(_, article)| {
        matches!(
            article,
            Err(IngestError {
                kind: IngestErrorKind::NoText,
                ..
            })
        )
    });
    if items.len() < 2 || !all_textless {
        return None;
    }
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let fields = match serde_json::from_str::<serde_json::Value>(first) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect::<Vec<_>>().join(", "),
        _ => String::from("none"),
    };
    Some(IngestError::new(
        path,
        IngestErrorKind::NoArticleLines {
            lines: items.len(),
            fields,
        },
    ))
}

/// Splits a stored path `file#N` into the file and the item number, so
/// batches sort items of one file in their order (item 10 after item 9).
pub fn split_item_path(path: &str) -> (&str, u64) {
    match path.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (file, n.parse().unwrap_or(0))
        }
        _ => (path, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_give_one_article_per_item_with_numbered_paths() {
        let doc = InputDocument::from_text(
            "batch.jsonl",
            "{\"title\": \"One\", \"text\": \"First text.\"}\nnot json\n{\"title\": \"Two\", \"text\": \"Second text.\"}\n",
        );
        let results = parse_document(&doc);
        assert_eq!(results.len(), 3);
        assert_eq!(
            results[0].as_ref().unwrap().path.as_deref(),
            Some("batch.jsonl#1")
        );
        let err = results[1].as_ref().unwrap_err().to_string();
        assert!(
            err.starts_with("batch.jsonl:2: is not a JSON object"),
            "{err}"
        );
        assert_eq!(
            results[2].as_ref().unwrap().path.as_deref(),
            Some("batch.jsonl#3")
        );
    }

    #[test]
    fn a_labels_file_is_one_error_naming_its_fields_not_one_per_line() {
        let doc = InputDocument::from_text(
            "labels.jsonl",
            "{\"id\": \"dev-001\", \"story\": \"a\"}\n{\"id\": \"dev-002\", \"story\": null}\n",
        );
        let results = parse_document(&doc);
        assert_eq!(results.len(), 1);
        let err = results[0].as_ref().unwrap_err().to_string();
        assert_eq!(
            err,
            "labels.jsonl: holds no articles: none of its 2 lines holds article text (text, body, content or lead) \
             (fields of its first line: id, story); a labels or metadata file?"
        );
    }

    #[test]
    fn one_textless_line_among_articles_stays_its_own_error() {
        let doc = InputDocument::from_text(
            "batch.jsonl",
            "{\"id\": 1}\n{\"title\": \"One\", \"text\": \"First text.\"}\n",
        );
        let results = parse_document(&doc);
        assert_eq!(results.len(), 2);
        let err = results[0].as_ref().unwrap_err().to_string();
        assert_eq!(err, "batch.jsonl:1: has no article text");
        assert!(results[1].is_ok());
    }

    #[test]
    fn a_forced_format_wins_over_detection() {
        let doc = InputDocument::from_text("a.txt", "{\"title\": \"x\"} is how it starts.")
            .with_format(SourceFormat::PlainText);
        let results = parse_document(&doc);
        assert_eq!(results[0].as_ref().unwrap().format, SourceFormat::PlainText);
    }

    #[test]
    fn item_paths_sort_by_number() {
        assert_eq!(split_item_path("a.jsonl#10"), ("a.jsonl", 10));
        assert_eq!(split_item_path("a.txt"), ("a.txt", 0));
        assert_eq!(split_item_path("a#b.txt"), ("a#b.txt", 0));
    }
}
