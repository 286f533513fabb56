//! Limits that keep hostile pages from exhausting the stack or memory.
//!
//! The extractors walk the parsed tree recursively, so a page of a million
//! nested `<div>`s would overflow the stack (an abort, not a catchable
//! panic). Before parsing, one cheap scan over the markup estimates the
//! deepest element nesting and refuses pages deeper than
//! [`MAX_NESTING_DEPTH`]; real articles stay far below it (the deepest page
//! of the benchmark sets is under 100). The element count is capped too
//! (passed on to the extractors as their own limits).

use crate::error::IngestErrorKind;

/// Deepest element nesting accepted.
pub const MAX_NESTING_DEPTH: usize = 1_000;

/// Most elements the extractors are asked to handle.
pub const MAX_ELEMENTS: usize = 250_000;

/// Elements that never take children, or close themselves when a sibling
/// opens: they do not add depth.
const NO_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot",
    "!doctype",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// Refuses markup nested deeper than [`MAX_NESTING_DEPTH`].
pub fn check_nesting(html: &str) -> Result<(), IngestErrorKind> {
    let depth = nesting_depth(html, MAX_NESTING_DEPTH);
    if depth > MAX_NESTING_DEPTH {
        return Err(IngestErrorKind::HtmlTooDeep {
            limit: MAX_NESTING_DEPTH,
        });
    }
    Ok(())
}

/// Estimated maximum nesting, counting open tags minus close tags; stops
/// early once past `stop_at`.
fn nesting_depth(html: &str, stop_at: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut i, mut depth, mut max) = (0, 0usize, 0usize);
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->").unwrap_or(bytes.len());
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
                .count();
        if end == start {
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        if closing {
            if !NO_DEPTH.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let tag_end = memchr(b'>', &bytes[end..]).map_or(bytes.len(), |o| end + o);
        let self_closing = tag_end > end && bytes[tag_end - 1] == b'/';
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(html, tag_end, &close).unwrap_or(bytes.len());
            continue;
        }
        if !self_closing && !NO_DEPTH.contains(&name.as_str()) {
            depth += 1;
            max = max.max(depth);
            if max > stop_at {
                return max;
            }
        }
        i = tag_end.min(bytes.len());
    }
    max
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p + needle.len())
}

fn find_ignore_case(html: &str, from: usize, needle: &str) -> Option<usize> {
    html.as_bytes()
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
        .map(|p| from + p + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_shallow() {
        let page = "<!doctype html><html><head><script>if (a<b) { x = '<div>'; }</script></head>\
                    <body><div><p>one<p>two<br><img src=x><ul><li>a<li>b</ul></div></body></html>";
        assert_eq!(nesting_depth(page, 100), 4);
        assert!(check_nesting(page).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let page = "<div>".repeat(5_000);
        assert!(matches!(
            check_nesting(&page),
            Err(IngestErrorKind::HtmlTooDeep {
                limit: MAX_NESTING_DEPTH
            })
        ));
        let balanced = "<div></div>".repeat(5_000);
        assert!(check_nesting(&balanced).is_ok());
    }
}
