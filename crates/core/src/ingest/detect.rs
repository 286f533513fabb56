//! Telling formats apart by content first (a file's name can lie, and
//! standard input has none), then by extension.

use crate::model::SourceFormat;
use std::path::Path;

/// The format of a document: sniffed from its first bytes, the extension
/// deciding only between formats that look alike.
pub fn detect_format(text: &str, path: &Path) -> SourceFormat {
    let head: String = text.trim_start().chars().take(2048).collect();
    let lower = head.to_ascii_lowercase();
    if super::html::looks_like_html(text.as_bytes()) {
        return SourceFormat::Html;
    }
    if lower.starts_with('<') {
        if lower.contains("<rss") || lower.contains("<rdf:rdf") {
            return SourceFormat::Rss;
        }
        if lower.contains("<feed") {
            return SourceFormat::Atom;
        }
    }
    if lower.starts_with('{') {
        if lower.contains("jsonfeed.org/version") {
            return SourceFormat::JsonFeed;
        }
        return SourceFormat::JsonLines;
    }
    if lower.starts_with('[') && lower[1..].trim_start().starts_with('{') {
        // A JSON array of article objects (`.json` exports).
        return SourceFormat::JsonLines;
    }
    if super::front_matter::starts_with_fence(text) {
        return SourceFormat::FrontMatter;
    }
    match extension(path).as_deref() {
        Some("jsonl" | "ndjson") => SourceFormat::JsonLines,
        _ => SourceFormat::PlainText,
    }
}

/// The extension that names the format, looking through `.gz`.
pub fn extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_before_the_extension() {
        let txt = Path::new("a.txt");
        assert_eq!(
            detect_format("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", txt),
            SourceFormat::Rss
        );
        assert_eq!(
            detect_format(
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
                txt
            ),
            SourceFormat::Atom
        );
        assert_eq!(
            detect_format(
                "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}",
                txt
            ),
            SourceFormat::JsonFeed
        );
        assert_eq!(
            detect_format("{\"title\": \"a\"}\n", txt),
            SourceFormat::JsonLines
        );
        assert_eq!(
            detect_format("[ {\"title\": \"a\"} ]", txt),
            SourceFormat::JsonLines
        );
        assert_eq!(
            detect_format("[Editor's note] Text", txt),
            SourceFormat::PlainText
        );
        assert_eq!(
            detect_format("---\ntitle: a\n---\n", txt),
            SourceFormat::FrontMatter
        );
        assert_eq!(
            detect_format(" date 2020-01-01 Text", txt),
            SourceFormat::PlainText
        );
        assert_eq!(
            detect_format("\n", Path::new("x.jsonl.gz")),
            SourceFormat::JsonLines
        );
    }
}
