//! `storyline publish --format posts OUT_DIR`: each story's roundup as a
//! Markdown post with YAML front matter in the format of the seed articles
//! (`extends: _layouts.post`, `section: content`, `title`, `description`,
//! `date` as `YYYY-MM-DD-HH-MM-SS`, `categories`, `featured`, `image`), so a
//! Jigsaw or Jekyll news site can publish it unchanged.
//!
//! One file per story, named by the story id, so publishing again updates
//! each post in place. Posts carry `generator: storyline`, the mark by
//! which ingestion is to recognize and skip them (that check belongs in the
//! pipeline and is not there yet).
//!
//! Article text is untrusted and Markdown passes raw HTML through, so every
//! text is written with HTML entities and Markdown punctuation escaped, and
//! only `http`/`https` URLs are linked.

use crate::error::ApiError;
use crate::links::{is_plain_id, safe_external_url};
use crate::publish::{PublishError, PublishReport};
use crate::views::{StoryData, day, story};
use std::fmt::Write;
use std::path::Path;
use storyline_core::Store;
use storyline_core::model::{outlet_label, outlet_list};
use storyline_core::view::story_summaries;

/// The front matter key and value that mark a post as Storyline's own.
pub const GENERATOR: (&str, &str) = ("generator", "storyline");

/// Escapes untrusted text for Markdown: HTML special characters as
/// entities, Markdown punctuation with a backslash, line breaks as spaces.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(e) = crate::chart::entity(c) {
            out.push_str(e);
            continue;
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A YAML scalar that no text can break out of: a JSON string, which YAML
/// reads as a double-quoted scalar. Layouts print front matter unescaped
/// (Liquid does not escape), so `<`, `>` and `"` are written as entities.
fn yaml_string(text: &str) -> String {
    let text = text
        .replace(['\n', '\r'], " ")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    serde_json::Value::String(text).to_string()
}

/// The post for one story.
pub fn story_post(store: &dyn Store, id: &str) -> Result<String, ApiError> {
    let StoryData {
        summary,
        detail,
        members,
    } = story(store, id)?;
    let originals: Vec<_> = members
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    let latest = originals.iter().rev().find(|a| a.published_at.is_some());
    let mut categories: Vec<&str> = Vec::new();
    for a in &originals {
        for c in &a.categories {
            if !categories.contains(&c.as_str()) {
                categories.push(c);
            }
        }
    }
    let image = originals
        .iter()
        .rev()
        .filter_map(|a| a.image.as_deref())
        .find_map(safe_external_url);
    let description = format!(
        "{} articles from {}, {} to {}. Latest: {}",
        summary.article_count,
        outlet_list(&summary.outlets),
        day(summary.first_published_at),
        day(summary.last_published_at),
        latest.map_or(detail.title.as_str(), |a| a.title.as_str())
    );
    let date = summary
        .last_published_at
        .map(|t| t.strftime("%Y-%m-%d-%H-%M-%S").to_string());

    let mut post = String::from("---\nextends: _layouts.post\nsection: content\n");
    if let Some(image) = image {
        let _ = writeln!(post, "image: {}", yaml_string(image));
    }
    let _ = writeln!(post, "title: {}", yaml_string(&detail.title));
    let _ = writeln!(post, "description: {}", yaml_string(&description));
    if let Some(date) = date {
        let _ = writeln!(post, "date: {date}");
    }
    let categories: Vec<String> = categories.iter().map(|c| yaml_string(c)).collect();
    let _ = writeln!(post, "categories: [{}]", categories.join(", "));
    let _ = writeln!(post, "featured: false");
    let _ = writeln!(post, "{}: {}", GENERATOR.0, GENERATOR.1);
    let _ = writeln!(post, "story: {}", detail.id);
    post.push_str("---\n");
    let _ = writeln!(post, "{}\n", markdown_text(&description));
    for entry in &detail.timeline {
        let date = entry
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        let _ = writeln!(post, "- **{date}**: {}", markdown_text(&entry.headline));
        for id in &entry.articles {
            let Some(a) = originals.iter().find(|a| &a.id == id) else {
                continue;
            };
            let title = markdown_text(&a.title);
            let outlet = markdown_text(outlet_label(a.outlet()));
            match a.url.as_deref().and_then(safe_external_url) {
                Some(url) => {
                    let url = url
                        .replace('(', "%28")
                        .replace(')', "%29")
                        .replace(' ', "%20");
                    let _ = writeln!(post, "  - [{title}]({url}) ({outlet})");
                }
                None => {
                    let _ = writeln!(post, "  - {title} ({outlet})");
                }
            }
        }
    }
    Ok(post)
}

/// Writes one post per story into `out` (`<story id>.md`), replacing the
/// previous version of each.
pub fn publish_posts(store: &dyn Store, out: &Path) -> Result<PublishReport, PublishError> {
    std::fs::create_dir_all(out).map_err(|source| PublishError::Write {
        path: out.to_path_buf(),
        source,
    })?;
    let mut report = PublishReport::default();
    for summary in story_summaries(store)? {
        if !is_plain_id(&summary.id.0) {
            continue;
        }
        let path = out.join(format!("{}.md", summary.id));
        let post = story_post(store, &summary.id.0)?;
        std::fs::write(&path, post).map_err(|source| PublishError::Write { path, source })?;
        report.stories += 1;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_inert() {
        let text = markdown_text("<script>alert(1)</script> [x](javascript:alert(1)) *b*");
        assert!(!text.contains('<'));
        assert!(text.contains(r"\[x\]\(javascript:alert\(1\)\)"));
        assert!(text.contains(r"\*b\*"));
    }
}
