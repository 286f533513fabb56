//! JSON Lines: one article object per line, as crawlers and exports write
//! them (news-please, trafilatura, the Reuters-21578 export). Each line is
//! its own item: a bad line is one error naming `file:line`, and the rest of
//! the file goes on.

use crate::error::IngestErrorKind;
use crate::ingest::parallel::map_in_order;
use crate::ingest::raw::RawArticle;
use crate::ingest::time::parse_time;
use crate::model::SourceFormat;
use serde_json::{Map, Value};

/// One line's result: its 1-based line number and the article or the
/// reason it was refused.
pub type Line = (usize, Result<RawArticle, IngestErrorKind>);

/// Field names read for each article field, first match wins.
const TEXT_FIELDS: &[&str] = &["text", "body", "content", "maintext"];
const DATE_FIELDS: &[&str] = &["published_at", "date", "date_publish", "published"];
const SOURCE_FIELDS: &[&str] = &["source", "source_domain", "sitename"];
const LEAD_FIELDS: &[&str] = &["lead", "description", "summary"];

/// Parses every non-blank line. A document that is one JSON value as a
/// whole (a pretty-printed object, or an array of objects, as `.json`
/// exports are) is read as that value instead: item N of an array is
/// reported as line N.
pub fn parse(text: &str) -> Vec<Line> {
    parse_then(text, |_, line| line)
}

/// Parses every item as [`parse`] does and hands each, with its 0-based
/// index among the items, to `then`: lines are parsed and finished on
/// every core (a JSON Lines file holds thousands of articles), results in
/// the file's order.
pub fn parse_then<U: Send>(text: &str, then: impl Fn(usize, Line) -> U + Sync) -> Vec<U> {
    // On real JSON Lines this fails at the second line, so it costs little.
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| then(i, (i + 1, from_value(item))))
            .collect(),
        Ok(value @ Value::Object(_)) => vec![then(0, (1, from_value(value)))],
        _ => {
            let lines: Vec<(usize, &str)> = text
                .lines()
                .enumerate()
                .filter(|(_, line)| !line.trim().is_empty())
                .map(|(n, line)| (n + 1, line))
                .collect();
            map_in_order(lines, |i, (n, line)| then(i, (n, parse_line(line))))
        }
    }
}

/// Parses one line into an article.
pub fn parse_line(line: &str) -> Result<RawArticle, IngestErrorKind> {
    let value: Value = serde_json::from_str(line.trim())
        .map_err(|e| IngestErrorKind::InvalidJson(e.to_string()))?;
    from_value(value)
}

/// Reads one article object.
fn from_value(value: Value) -> Result<RawArticle, IngestErrorKind> {
    let Value::Object(mut fields) = value else {
        return Err(IngestErrorKind::InvalidJson(
            "a line must hold one JSON object".into(),
        ));
    };
    let body = take_text(&mut fields, TEXT_FIELDS).unwrap_or_default();
    let mut raw = RawArticle::new(SourceFormat::JsonLines, body);
    raw.title = take_text(&mut fields, &["title", "headline"]);
    raw.lead = take_text(&mut fields, LEAD_FIELDS);
    raw.url = take_text(&mut fields, &["url", "link"]);
    raw.canonical_url = take_text(&mut fields, &["canonical_url", "canonical"]);
    raw.source = take_text(&mut fields, SOURCE_FIELDS);
    raw.language = take_text(&mut fields, &["language", "lang"]);
    raw.image = take_text(&mut fields, &["image", "image_url"]);
    raw.authors = take_list(&mut fields, &["author", "authors"]);
    raw.categories = take_list(&mut fields, &["categories", "tags", "topics"]);
    if let Some(date) = take_text(&mut fields, DATE_FIELDS) {
        raw.published = parse_time(&date);
        if raw.published.is_none() {
            // Kept, so nothing the input said is lost; the caller warns.
            fields.insert("unparsed_date".into(), Value::String(date));
        }
    }
    raw.extra = fields;
    Ok(raw)
}

/// Removes the first of `names` that holds text (a string, or a number
/// written as one) and returns it.
fn take_text(fields: &mut Map<String, Value>, names: &[&str]) -> Option<String> {
    for name in names {
        match fields.get(*name) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                let s = s.clone();
                fields.remove(*name);
                return Some(s);
            }
            Some(Value::Number(n)) => {
                let s = n.to_string();
                fields.remove(*name);
                return Some(s);
            }
            Some(Value::Null) => {
                fields.remove(*name);
            }
            _ => {}
        }
    }
    None
}

/// Removes the first of `names` holding a string or a list of strings.
fn take_list(fields: &mut Map<String, Value>, names: &[&str]) -> Vec<String> {
    for name in names {
        match fields.get(*name) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                let list = vec![s.clone()];
                fields.remove(*name);
                return list;
            }
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
                let list = items
                    .iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect();
                fields.remove(*name);
                return list;
            }
            _ => {}
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fields_are_read_and_unknown_ones_kept() {
        let lines = parse(concat!(
            r#"{"title": "A", "body": "Text.", "url": "https://x.com/a", "date": "2020-09-30", "source_domain": "x.com", "author": "Ann", "language": "en", "topics": ["sport"], "wire": true}"#,
            "\n\n",
            "not json\n",
            r#"{"title": "B", "content": "More.", "published_at": "26-FEB-1987 15:01:01.79"}"#,
            "\n",
        ));
        assert_eq!(lines.len(), 3);
        let (n, first) = &lines[0];
        let first = first.as_ref().unwrap();
        assert_eq!(*n, 1);
        assert_eq!(first.title.as_deref(), Some("A"));
        assert_eq!(first.body, "Text.");
        assert_eq!(first.source.as_deref(), Some("x.com"));
        assert_eq!(first.authors, ["Ann"]);
        assert_eq!(first.categories, ["sport"]);
        assert!(first.published.is_some());
        assert_eq!(first.extra.get("wire"), Some(&Value::Bool(true)));
        assert_eq!(lines[1].0, 3);
        assert!(matches!(lines[1].1, Err(IngestErrorKind::InvalidJson(_))));
        let third = lines[2].1.as_ref().unwrap();
        assert_eq!(third.body, "More.");
        assert!(third.published.is_some(), "Reuters dates parse");
    }

    #[test]
    fn a_pretty_printed_object_or_an_array_is_read_whole() {
        let object = parse("{\n  \"title\": \"A\",\n  \"text\": \"Body.\"\n}\n");
        assert_eq!(object.len(), 1);
        assert_eq!(object[0].1.as_ref().unwrap().body, "Body.");
        let array = parse("[{\"title\": \"A\", \"text\": \"x\"}, 3, {\"text\": \"y\"}]");
        assert_eq!(array.len(), 3);
        assert!(array[1].1.is_err());
        assert_eq!(array[2].0, 3);
    }

    #[test]
    fn a_malformed_date_leaves_the_article_undated_with_the_text_kept() {
        let raw =
            parse_line(r#"{"title": "A", "text": "B", "date": "31-FOO-1987 99:00"}"#).unwrap();
        assert!(raw.published.is_none());
        assert_eq!(
            raw.extra.get("unparsed_date"),
            Some(&Value::String("31-FOO-1987 99:00".into()))
        );
    }

    proptest::proptest! {
        #[test]
        fn any_line_parses_or_fails_cleanly(line in "\\PC{0,200}") {
            let _ = parse(&line);
        }

        #[test]
        fn any_object_with_strings_parses_or_fails_cleanly(
            title in "\\PC{0,40}", body in "\\PC{0,80}", date in "\\PC{0,30}"
        ) {
            let line = serde_json::json!({"title": title, "body": body, "date": date}).to_string();
            let _ = parse_line(&line);
        }
    }
}
