//! The JSON-LD `articleBody` as a last resort for pages whose markup shows
//! only a teaser: some sites (scmp.com among the tuning pages) render the
//! article with scripts and leave in the HTML a summary, a caption and the
//! author's box, while the page's `NewsArticle` data carries the whole
//! text. When that text is much longer than what the extractors found, it
//! is the article.

use super::block_text::block_text;

/// The JSON-LD body replaces the extracted text only when it is more than
/// this many times longer (the factor `main_text` uses to prefer
/// Readability's text over trafilatura's): a body no longer than the text
/// found in the markup adds nothing, and a teaser-length `articleBody`
/// (paywalled sites) must not replace a full text.
const LONGER_BY: f64 = 2.0;

/// A JSON-LD body shorter than this (characters) is a summary, not an
/// article.
const MIN_BODY_CHARS: usize = 500;

/// `text`, or the longest of `bodies` (JSON-LD `articleBody` values) when
/// that is at least `MIN_BODY_CHARS` long and more than `LONGER_BY`
/// times longer than `text`. The body's markup and entities, if any, are
/// read as text, one line per paragraph.
pub fn with_article_body(text: String, bodies: &[String]) -> String {
    let Some(body) = bodies
        .iter()
        .map(|b| body_text(b))
        .max_by_key(|b| b.chars().count())
    else {
        return text;
    };
    let body_len = body.chars().count();
    let text_len = text.chars().count();
    if body_len >= MIN_BODY_CHARS && body_len as f64 > text_len as f64 * LONGER_BY {
        body
    } else {
        text
    }
}

/// A JSON-LD body as plain text: lines kept, markup and entities read
/// (some sites put HTML in `articleBody`), whitespace collapsed.
fn body_text(body: &str) -> String {
    body.lines()
        .map(|line| {
            if line.contains(['<', '&']) {
                block_text(line)
            } else {
                line.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Taiwan's president won re-election by a wide margin on Saturday. ";

    #[test]
    fn a_much_longer_body_replaces_a_teaser() {
        let body = BODY.repeat(20);
        let text = with_article_body(
            "A summary and the author's box.".into(),
            std::slice::from_ref(&body),
        );
        assert_eq!(text, body.trim());
    }

    #[test]
    fn a_body_not_much_longer_leaves_the_text_alone() {
        let text = BODY.repeat(12);
        let kept = with_article_body(text.clone(), &[BODY.repeat(20)]);
        assert_eq!(kept, text);
    }

    #[test]
    fn a_short_body_is_a_summary() {
        let kept = with_article_body("Teaser.".into(), &[BODY.to_string()]);
        assert_eq!(kept, "Teaser.");
    }

    #[test]
    fn markup_in_the_body_is_read_as_text() {
        let body = format!("<p>{}</p><p>Second &amp; last.</p>", BODY.repeat(10));
        let text = with_article_body(String::new(), &[body]);
        assert!(text.ends_with("\nSecond & last."), "{text}");
        assert!(!text.contains("<p>"), "{text}");
    }
}
