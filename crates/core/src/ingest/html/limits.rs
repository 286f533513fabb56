//! Limits that keep hostile pages from exhausting the stack, memory or
//! time.
//!
//! The extractors walk the parsed tree recursively, so a page of a million
//! nested `<div>`s would overflow the stack (an abort, not a catchable
//! panic). Before parsing, one cheap linear scan over the markup measures
//! the page's [`PageShape`]: its deepest element nesting, its number of
//! elements (and comments, which split text as elements do) and its
//! element–depth pairs (each element counted once per element enclosing
//! it). Pages deeper than [`MAX_NESTING_DEPTH`] or with more than
//! [`MAX_ELEMENTS`] elements are refused before any parser runs; real
//! articles stay far below both (the benchmark pages: under 110 deep,
//! under 10,500 elements).
//!
//! The element–depth pairs measure the work of anything that, for every
//! element, looks at all the elements inside it, as the Readability
//! fallback (dom_smoothie, through dom_query's selectors) does: 200,000
//! empty `<div>`s nested 990 deep are 10⁸ pairs and took that fallback
//! about 10 s. Above [`MAX_READABILITY_PAIRS`] the fallback is skipped and
//! trafilatura's text is used alone ([`PageShape::readability_affordable`]).
//!
//! The HTML tokenizer (html5ever) compares each attribute's name with every
//! earlier one of its element, so one element with 200,000 attributes took
//! 100 s; pages whose elements hold more than [`MAX_ATTRIBUTE_PAIRS`] such
//! pairs are refused too.

use crate::error::IngestErrorKind;

/// Deepest element nesting accepted.
pub const MAX_NESTING_DEPTH: usize = 1_000;

/// Most elements (and comments) accepted in one page; the markup is
/// counted before it is parsed.
pub const MAX_ELEMENTS: usize = 250_000;

/// Most pairs of attributes of one element, summed over the page
/// (`a·(a−1)/2` for an element of `a` attributes), accepted. The benchmark
/// pages have at most 364,000 (a `faz.net` page with 337 attributes on one
/// element), so this is 27 times the largest.
pub const MAX_ATTRIBUTE_PAIRS: u64 = 10_000_000;

/// Most element–depth pairs for which the Readability fallback
/// (dom_smoothie) runs; its work grows with them. The benchmark pages
/// (trafilatura-eval-dev, readability-pages, htmldate's pages) have at most
/// 166,000 (a page nested 109 deep), so this is 12 times the largest.
pub const MAX_READABILITY_PAIRS: u64 = 2_000_000;

/// What one scan of a page's markup tells about its size, before parsing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageShape {
    /// Elements and comments (an estimate: the parser adds implied ones).
    pub elements: usize,
    /// The deepest element nesting (open tags minus close tags).
    pub max_depth: usize,
    /// The sum over all elements of their depth: how many
    /// (element, element inside it) pairs the page holds.
    pub pairs: u64,
    /// The sum over all elements of their pairs of attributes.
    pub attribute_pairs: u64,
}

impl PageShape {
    /// Measures `html` (stopping early once past either refusal limit).
    pub fn of(html: &str) -> Self {
        scan(
            html,
            Budget {
                depth: MAX_NESTING_DEPTH,
                elements: MAX_ELEMENTS,
                attribute_pairs: MAX_ATTRIBUTE_PAIRS,
            },
        )
    }

    /// Whether the Readability fallback may run on this page: at most
    /// [`MAX_READABILITY_PAIRS`] element–depth pairs.
    pub fn readability_affordable(&self) -> bool {
        self.pairs <= MAX_READABILITY_PAIRS
    }

    /// Why the Readability fallback was skipped, in words for the user;
    /// `None` when it was not.
    pub fn readability_note(&self) -> Option<String> {
        (!self.readability_affordable()).then(|| {
            format!(
                "page too large for the Readability fallback ({} elements nested up to {} deep, \
                 {} element-depth pairs, over the limit of {MAX_READABILITY_PAIRS}): \
                 trafilatura's text used alone",
                self.elements, self.max_depth, self.pairs
            )
        })
    }
}

/// Measures a page and refuses it when nested deeper than
/// [`MAX_NESTING_DEPTH`] or holding more than [`MAX_ELEMENTS`] elements.
pub fn check_page(html: &str) -> Result<PageShape, IngestErrorKind> {
    let shape = PageShape::of(html);
    if shape.max_depth > MAX_NESTING_DEPTH {
        return Err(IngestErrorKind::HtmlTooDeep {
            limit: MAX_NESTING_DEPTH,
        });
    }
    if shape.elements > MAX_ELEMENTS {
        return Err(IngestErrorKind::HtmlTooManyElements {
            limit: MAX_ELEMENTS,
        });
    }
    if shape.attribute_pairs > MAX_ATTRIBUTE_PAIRS {
        return Err(IngestErrorKind::HtmlTooManyAttributes {
            limit: MAX_ATTRIBUTE_PAIRS,
        });
    }
    Ok(shape)
}

/// Where [`scan`] stops early.
struct Budget {
    depth: usize,
    elements: usize,
    attribute_pairs: u64,
}

/// How many attributes the inside of a start tag (after its name) holds:
/// each name starts a run of characters outside quotes, `=` and blanks.
fn attribute_count(tag: &[u8]) -> u64 {
    let (mut count, mut i) = (0, 0);
    while i < tag.len() {
        match tag[i] {
            b'"' | b'\'' => {
                let quote = tag[i];
                i += 1 + memchr(quote, &tag[i + 1..]).unwrap_or(tag.len());
            }
            b if b.is_ascii_whitespace() || b == b'=' || b == b'/' => {}
            _ => {
                count += 1;
                while i + 1 < tag.len()
                    && !tag[i + 1].is_ascii_whitespace()
                    && !matches!(tag[i + 1], b'=' | b'/' | b'"' | b'\'')
                {
                    i += 1;
                }
                // An unquoted value after `=` is not a name.
                let mut j = i + 1;
                while j < tag.len() && tag[j].is_ascii_whitespace() {
                    j += 1;
                }
                if tag.get(j) == Some(&b'=') {
                    j += 1;
                    while j < tag.len() && tag[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if !matches!(tag.get(j), Some(b'"' | b'\'')) {
                        while j < tag.len() && !tag[j].is_ascii_whitespace() {
                            j += 1;
                        }
                    }
                    i = j.saturating_sub(1);
                }
            }
        }
        i += 1;
    }
    count
}

/// Elements that never take children, or close themselves when a sibling
/// opens: they do not add depth.
const NO_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot",
    "!doctype",
];

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The page's shape, counting open tags minus close tags for the depth;
/// stops early once past any of `budget`.
fn scan(html: &str, budget: Budget) -> PageShape {
    let bytes = html.as_bytes();
    let (mut i, mut depth) = (0, 0usize);
    let mut shape = PageShape::default();
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            shape.elements += 1;
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
        shape.elements += 1;
        shape.pairs += depth as u64;
        if shape.elements > budget.elements {
            return shape;
        }
        let tag_end = memchr(b'>', &bytes[end..]).map_or(bytes.len(), |o| end + o);
        let attributes = attribute_count(&bytes[end..tag_end]);
        shape.attribute_pairs += attributes * attributes.saturating_sub(1) / 2;
        if shape.attribute_pairs > budget.attribute_pairs {
            return shape;
        }
        let self_closing = tag_end > end && bytes[tag_end - 1] == b'/';
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(html, tag_end, &close).unwrap_or(bytes.len());
            continue;
        }
        if !self_closing && !NO_DEPTH.contains(&name.as_str()) {
            depth += 1;
            shape.max_depth = shape.max_depth.max(depth);
            if shape.max_depth > budget.depth {
                return shape;
            }
        }
        i = tag_end.min(bytes.len());
    }
    shape
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
    fn ordinary_pages_are_shallow_and_small() {
        let page = "<!doctype html><html><head><script>if (a<b) { x = '<div>'; }</script></head>\
                    <body><div><p>one<p>two<br><img src=x><ul><li>a<li>b</ul></div></body></html>";
        let shape = check_page(page).unwrap();
        assert_eq!(shape.max_depth, 4);
        // doctype, html, head, script, body, div, p, p, br, img, ul, li, li.
        assert_eq!(shape.elements, 13);
        assert!(shape.readability_affordable());
        assert_eq!(shape.readability_note(), None);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let page = "<div>".repeat(5_000);
        assert!(matches!(
            check_page(&page),
            Err(IngestErrorKind::HtmlTooDeep {
                limit: MAX_NESTING_DEPTH
            })
        ));
        let balanced = "<div></div>".repeat(5_000);
        assert!(check_page(&balanced).is_ok());
    }

    #[test]
    fn too_many_elements_or_comments_are_refused() {
        let page = "<div></div>".repeat(MAX_ELEMENTS + 1);
        let err = check_page(&page).unwrap_err();
        assert!(matches!(
            err,
            IngestErrorKind::HtmlTooManyElements {
                limit: MAX_ELEMENTS
            }
        ));
        assert!(err.to_string().contains("250000 elements"), "{err}");
        let text_split_by_comments = "a<!---->".repeat(MAX_ELEMENTS + 1);
        assert!(check_page(&text_split_by_comments).is_err());
        assert!(check_page(&"<div></div>".repeat(MAX_ELEMENTS - 10)).is_ok());
    }

    #[test]
    fn attributes_are_counted_outside_their_values() {
        assert_eq!(attribute_count(b""), 0);
        assert_eq!(
            attribute_count(b" class=\"a b\" id='x=y' hidden data-n=3 /"),
            4
        );
        assert_eq!(attribute_count(b" a = \"1\" b= 2 c"), 3);
    }

    #[test]
    fn one_element_with_thousands_of_attributes_is_refused() {
        let attributes: Vec<String> = (0..5_000).map(|i| format!("a{i}=1")).collect();
        let page = format!("<div {}>words</div>", attributes.join(" "));
        let err = check_page(&page).unwrap_err();
        assert!(matches!(err, IngestErrorKind::HtmlTooManyAttributes { .. }));
        assert!(err.to_string().contains("attributes"), "{err}");
        let ordinary = "<a href=\"/x\" class=\"link\" rel=nofollow>x</a>".repeat(1_000);
        assert_eq!(check_page(&ordinary).unwrap().attribute_pairs, 3_000);
    }

    #[test]
    fn pairs_count_each_element_once_per_element_around_it() {
        // 3 levels: 0 + 1 + 2 pairs, twice.
        let shape = PageShape::of(&"<div><div><div></div></div></div>".repeat(2));
        assert_eq!((shape.elements, shape.max_depth, shape.pairs), (6, 3, 6));
        let flat = PageShape::of(&"<div></div>".repeat(200_000));
        assert_eq!(flat.pairs, 0);
        assert!(
            flat.readability_affordable(),
            "wide pages keep the fallback"
        );
    }

    #[test]
    fn deeply_nested_thousands_skip_the_readability_fallback() {
        // 200,000 empty divs nested 990 deep: about 10⁸ pairs.
        let block = format!("{}{}", "<div>".repeat(990), "</div>".repeat(990));
        let shape = check_page(&block.repeat(202)).unwrap();
        assert_eq!(shape.max_depth, 990);
        assert!(shape.pairs > 90_000_000, "{shape:?}");
        assert!(!shape.readability_affordable());
        let note = shape.readability_note().unwrap();
        assert!(note.contains("Readability fallback"), "{note}");
        assert!(
            note.contains("199980 elements nested up to 990 deep"),
            "{note}"
        );
    }
}
