//! RSS 2.0 (and 1.0/0.9x), Atom and JSON Feed files, parsed by `feed-rs`:
//! each item becomes an article. The item's full content is the text when
//! the feed carries it, else its summary; `extra.content_kind` says which
//! (`full` or `summary`), so a later fetch can fill in summaries.

use crate::error::IngestErrorKind;
use crate::ingest::raw::RawArticle;
use crate::ingest::time::ParsedTime;
use crate::model::SourceFormat;
use serde_json::Value;

/// RSS elements that feed-rs reads as an e-mail address and a name.
const AUTHOR_FIELDS: &[&str] = &["author", "managingEditor", "webMaster"];

/// `text` with every character outside ASCII inside the RSS author fields
/// ([`AUTHOR_FIELDS`]) replaced by `?`: the copy feed-rs reads when the
/// original made it panic. Only those fields lose their accents.
fn ascii_author_fields(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, field)) = AUTHOR_FIELDS
        .iter()
        .filter_map(|f| rest.find(&format!("<{f}>")).map(|at| (at, *f)))
        .min_by_key(|(at, _)| *at)
    {
        let open = at + field.len() + 2;
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find(&format!("</{field}>"))
            .map_or(rest.len(), |c| open + c);
        out.extend(
            rest[open..close]
                .chars()
                .map(|c| if c.is_ascii() { c } else { '?' }),
        );
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// One item's result: its 1-based position in the feed and the article or
/// the reason it was refused.
pub type Item = (usize, Result<RawArticle, IngestErrorKind>);

/// Parses a feed; a feed that cannot be parsed at all is one error.
pub fn parse(text: &str) -> Result<Vec<Item>, IngestErrorKind> {
    // feed-rs 3.0 panics on an author whose e-mail address is followed by a
    // character of more than one byte ("desk@example.com€ (Name)"): it
    // slices one byte past the address. Such a feed is read again with its
    // author fields in ASCII; if the parser still fails, the feed is one
    // error, never the end of the ingest.
    let parse_bytes = |bytes: &[u8]| {
        crate::ingest::guard::guarded(|| feed_rs::parser::parse(bytes)).map_err(|panic| {
            IngestErrorKind::InvalidFeed(format!("the feed parser failed on this feed ({panic})"))
        })
    };
    let parsed = match parse_bytes(text.as_bytes()) {
        Ok(parsed) => parsed,
        Err(_) => parse_bytes(ascii_author_fields(text).as_bytes())?,
    };
    let feed = parsed.map_err(|e| IngestErrorKind::InvalidFeed(e.to_string()))?;
    let format = match feed.feed_type {
        feed_rs::model::FeedType::Atom => SourceFormat::Atom,
        feed_rs::model::FeedType::JSON => SourceFormat::JsonFeed,
        _ => SourceFormat::Rss,
    };
    let feed_title = feed.title.as_ref().map(|t| strip_html(&t.content));
    let feed_link = feed.links.first().map(|l| l.href.clone());
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let mut raw = item(entry, format);
            raw.language = feed.language.clone();
            if raw.url.is_none() {
                raw.source = feed_link.clone();
            }
            if let Some(title) = &feed_title {
                raw.extra
                    .insert("feed_title".into(), Value::String(title.clone()));
            }
            let result = if raw.body.trim().is_empty() {
                Err(IngestErrorKind::NoText)
            } else {
                Ok(raw)
            };
            (i + 1, result)
        })
        .collect())
}

fn item(entry: &feed_rs::model::Entry, format: SourceFormat) -> RawArticle {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(strip_html)
        .filter(|t| !t.trim().is_empty());
    let summary = entry
        .summary
        .as_ref()
        .map(|s| strip_html(&s.content))
        .filter(|t| !t.trim().is_empty());
    let (body, kind, lead) = match (content, summary) {
        (Some(full), summary) => (full, "full", summary),
        (None, Some(summary)) => (summary, "summary", None),
        (None, None) => (String::new(), "none", None),
    };
    let mut raw = RawArticle::new(format, body);
    raw.lead = lead;
    raw.title = entry.title.as_ref().map(|t| strip_html(&t.content));
    raw.url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone());
    raw.published = entry
        .published
        .or(entry.updated)
        .and_then(|t| jiff::Timestamp::from_second(t.timestamp()).ok())
        .map(|timestamp| ParsedTime {
            timestamp,
            approximate: false,
        });
    raw.authors = entry
        .authors
        .iter()
        .filter_map(|p| p.name.clone())
        .collect();
    raw.categories = entry
        .categories
        .iter()
        .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
        .collect();
    raw.extra
        .insert("content_kind".into(), Value::String(kind.into()));
    raw
}

/// Feed content is HTML: paragraphs and line breaks become blank lines,
/// scripts and styles vanish, other tags are dropped and entities decoded.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..start]));
        let after = &rest[start..];
        let Some(end) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[1..end].trim().to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[end + 1..];
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&close) {
                Some(at) => rest[at..].find('>').map_or("", |e| &rest[at + e + 1..]),
                None => "",
            };
            continue;
        }
        match name.as_str() {
            "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
            | "tr" => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// The entities feeds use: the five XML ones, `&nbsp;` and numeric ones.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire</title><link>https://wire.example.org/</link>
<item><title>Full item</title><link>https://wire.example.org/a</link>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>First paragraph &amp; more.</p><p>Second.</p><script>x()</script>]]></content:encoded>
<pubDate>Wed, 30 Sep 2020 13:28:43 GMT</pubDate></item>
<item><title>Summary only</title><link>https://wire.example.org/b</link>
<description>Only a summary here.</description><pubDate>not a date</pubDate></item>
<item><title>Empty</title></item>
</channel></rss>"#;

    #[test]
    fn items_take_full_content_else_the_summary_and_say_which() {
        let items = parse(RSS).unwrap();
        assert_eq!(items.len(), 3);
        let full = items[0].1.as_ref().unwrap();
        assert_eq!(full.format, SourceFormat::Rss);
        assert_eq!(full.extra["content_kind"], "full");
        assert!(full.body.contains("First paragraph & more."));
        assert!(!full.body.contains("x()"));
        assert_eq!(full.lead.as_deref(), Some("Short summary."));
        assert!(full.published.is_some());
        let summary = items[1].1.as_ref().unwrap();
        assert_eq!(summary.extra["content_kind"], "summary");
        assert!(
            summary.published.is_none(),
            "a malformed date leaves it undated"
        );
        assert!(matches!(items[2].1, Err(IngestErrorKind::NoText)));
    }

    #[test]
    fn a_broken_feed_is_one_error() {
        assert!(matches!(
            parse("<rss><channel><item>"),
            Err(IngestErrorKind::InvalidFeed(_))
        ));
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_fails_cleanly(text in "\\PC{0,300}") {
            let _ = parse(&text);
            let _ = strip_html(&text);
        }

        #[test]
        fn tag_soup_never_panics(parts in proptest::collection::vec(
            "(<|>|&|;|#x?[0-9a-fA-F]{0,8}|</?(p|script|style|br)>|[a-zé ]{0,5})", 0..40
        )) {
            let _ = strip_html(&parts.concat());
        }
    }

    #[test]
    fn html_is_reduced_to_text() {
        assert_eq!(
            strip_html("<p>A&#39;s &lt;b&gt;</p><br/>B &unknown; &#x41;"),
            "\n\nA's <b>\n\n\n\nB &unknown; A"
        );
    }

    /// A non-ASCII character right after an author's e-mail address made
    /// feed-rs slice inside it and panic, which aborted `storyline ingest`
    /// (found by the `ingest_format` fuzz target); the feed is now read
    /// with that field in ASCII, and its items are kept.
    #[test]
    fn a_feed_that_breaks_the_parser_keeps_its_items() {
        let feed = "<rss version=\"2.0\"><channel><title>G</title><item><title>Ferry</title>\
            <author>desk@harbour.exa\u{20ac} (Mara Quill)</author>\
            <description>Text \u{e9}t\u{e9}.</description></item></channel></rss>";
        let items = parse(feed).expect("the feed is read again");
        assert_eq!(items.len(), 1);
        let article = items[0].1.as_ref().expect("its item is kept");
        assert_eq!(article.title.as_deref(), Some("Ferry"));
        // Only the author field lost its accents.
        assert!(
            article.body.contains("Text \u{e9}t\u{e9}"),
            "{}",
            article.body
        );
        assert_eq!(
            ascii_author_fields("<author>Jos\u{e9}</author><p>\u{e9}</p><webMaster>\u{e9}"),
            "<author>Jos?</author><p>\u{e9}</p><webMaster>?"
        );
    }
}
