//! Markdown or text with a YAML front matter block, as written by Jekyll,
//! Jigsaw and Hugo sites (seeds 000–003): `title`, `description` (the lead),
//! `date`, `categories`, `image`, `featured`, `author`/`authors`, `url`.
//! Keys Storyline does not interpret are kept in [`RawArticle::extra`].

use crate::error::IngestErrorKind;
use crate::ingest::raw::RawArticle;
use crate::ingest::time::parse_time;
use crate::model::SourceFormat;
use serde_json::{Map, Value};

/// True when the text opens with a `---` fence line (trailing spaces allowed).
pub fn starts_with_fence(text: &str) -> bool {
    text.lines().next().is_some_and(is_fence)
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Splits the front matter from the body and reads both.
pub fn parse(text: &str) -> Result<RawArticle, IngestErrorKind> {
    let (yaml, body) = split(text)?;
    let fields = parse_yaml(yaml)?;
    let mut raw = RawArticle::new(SourceFormat::FrontMatter, body.to_string());
    for (key, value) in fields {
        match key.to_ascii_lowercase().as_str() {
            "title" => raw.title = scalar(&value),
            "description" | "lead" | "summary" | "excerpt" => raw.lead = scalar(&value),
            "date" | "published" | "published_at" | "pubdate" => {
                raw.published = scalar(&value).as_deref().and_then(parse_time);
                if raw.published.is_none() {
                    // Keep what we could not read, so nothing is lost.
                    raw.extra.insert(key, value);
                }
            }
            "categories" | "category" | "tags" => raw.categories.extend(list(&value)),
            "image" | "cover" | "thumbnail" => raw.image = scalar(&value),
            "featured" => raw.featured = value.as_bool(),
            "author" | "authors" | "byline" => raw.authors.extend(list(&value)),
            "url" | "link" | "permalink" => raw.url = scalar(&value),
            "canonical_url" | "canonical" => raw.canonical_url = scalar(&value),
            "source" | "source_domain" | "outlet" | "site" => raw.source = scalar(&value),
            "lang" | "language" => raw.language = scalar(&value),
            _ => {
                raw.extra.insert(key, value);
            }
        }
    }
    Ok(raw)
}

/// Returns the YAML between the fences and the text after the closing one.
fn split(text: &str) -> Result<(&str, &str), IngestErrorKind> {
    let mut offset = 0;
    let mut yaml_start = None;
    for line in text.split_inclusive('\n') {
        let end = offset + line.len();
        match yaml_start {
            None => yaml_start = Some(end),
            Some(start) if is_fence(line) || line.trim_end() == "..." => {
                return Ok((&text[start..offset], &text[end..]));
            }
            Some(_) => {}
        }
        offset = end;
    }
    Err(IngestErrorKind::UnclosedFrontMatter)
}

fn parse_yaml(yaml: &str) -> Result<Map<String, Value>, IngestErrorKind> {
    if yaml.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_saphyr::from_str::<Value>(yaml) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(other) => Err(IngestErrorKind::InvalidFrontMatter(format!(
            "expected 'key: value' lines, found a {}",
            kind_name(&other)
        ))),
        Err(err) => Err(IngestErrorKind::InvalidFrontMatter(
            err.to_string()
                .lines()
                .next()
                .unwrap_or("syntax error")
                .to_string(),
        )),
    }
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "list",
        Value::String(_) => "single string",
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Null | Value::Object(_) => "value",
    }
}

/// A scalar as text: YAML may read `title: 2020` as a number or
/// `title: yes` as a boolean, but the user meant the text.
fn scalar(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) => return items.first().and_then(scalar),
        Value::Null | Value::Object(_) => return None,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A list field (`[a, b]`, or one comma-separated string).
fn list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(scalar).collect(),
        Value::Object(map) => map.get("name").and_then(scalar).into_iter().collect(),
        other => scalar(other)
            .map(|s| {
                s.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "---\nextends: _layouts.post\ntitle: Roma bid \ndescription: The lead. \ndate: 2020-09-30-13-28-43 \ncategories: [latest, sports] \nfeatured: true \nauthor: Jo Bloggs\n--- \nFirst paragraph.\n\nSecond.\n";

    #[test]
    fn reads_jigsaw_post_fields_and_keeps_unknown_keys() {
        let raw = parse(POST).unwrap();
        assert_eq!(raw.title.as_deref(), Some("Roma bid"));
        assert_eq!(raw.lead.as_deref(), Some("The lead."));
        assert_eq!(raw.categories, ["latest", "sports"]);
        assert_eq!(raw.featured, Some(true));
        assert_eq!(raw.authors, ["Jo Bloggs"]);
        assert_eq!(
            raw.published.unwrap().timestamp.to_string(),
            "2020-09-30T13:28:43Z"
        );
        assert_eq!(raw.extra["extends"], "_layouts.post");
        assert_eq!(raw.body, "First paragraph.\n\nSecond.\n");
    }

    #[test]
    fn unclosed_and_invalid_front_matter_are_reported() {
        assert!(matches!(
            parse("---\ntitle: x\nbody without end"),
            Err(IngestErrorKind::UnclosedFrontMatter)
        ));
        let err = parse("---\ntitle: [unclosed\n---\nbody").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("front matter is not valid YAML"),
            "{err}"
        );
        let err = parse("---\n- a\n- b\n---\nbody").unwrap_err();
        assert!(err.to_string().contains("found a list"), "{err}");
    }

    #[test]
    fn an_unreadable_date_is_kept_not_fatal() {
        let raw = parse("---\ntitle: t\ndate: sometime soon\n---\nbody").unwrap();
        assert!(raw.published.is_none());
        assert_eq!(raw.extra["date"], "sometime soon");
    }
}
