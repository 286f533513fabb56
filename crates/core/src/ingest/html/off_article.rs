//! Lines that come from a block the page itself names as not the article:
//! readers' comments, an author's box, a share bar, an embedded tweet, an
//! affiliate disclosure. The extractors keep such blocks when they sit
//! inside the article's container ("Tipp falls bei euch der Pudding
//! klumpig wird …" under a recipe, "Ich mag jede Art von Fotografie …" in
//! the author's box under a post). The extracted text no longer shows
//! where a line came from, so the page tells: an element whose `class` or
//! `id` names it so (`CUES`, as Readability's "unlikely candidates" do)
//! is an off-article box, and a line found in the text of such boxes but
//! nowhere else in the page is dropped.
//!
//! A box that holds a top-level heading (`<h1>`) is the article's own
//! container whatever its name, and is not one; and when the boxes would
//! take more than half the text, they held the article and nothing is
//! dropped.

use super::lead::{NOT_SHOWN, collapse};
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Words that name a block as not the article when they are a whole part
/// of a `class` or `id` (split at every character that is not a letter or
/// digit, lowercased, a plural `s` allowed): `comment-item`,
/// `kommentar_12`, `TestReport__AuthorBox` and `sidebar-bottom` are
/// boxes; `commentary-body` and an `id` such as `sharing-with-a-team`
/// (a section named after its heading) are not. Chosen on the tuning
/// sets, one group at a time (trafilatura-eval-dev F / readability-pages
/// F): comments 0.9531 → 0.9534 / unchanged, author boxes → 0.9537 /
/// unchanged, affiliate disclosures → 0.9537 / unchanged, sidebars and
/// widgets → 0.9534 / up (`bug-1255978`), share bars unchanged / up
/// (`bbc-1`); all together 0.9532 → 0.9554 / 0.9677 → 0.9680. Tried and left out:
/// `related`, `newsletter`, `promo`, Readability's other unlikely names
/// (`disqus`, `community`, `sponsor`, `menu`, …: no change), `<aside>`,
/// `<footer>`, `header` and `footer` names (0.9535: an ingredients list
/// and a recipe lost), embedded tweets (`twitter-tweet`, 0.9530: quoted
/// tweets are wanted text as often as not).
const CUES: &[&str] = &[
    "comment",
    "kommentar",
    "kommentare",
    "author",
    "authorbox",
    "saboxplugin",
    "affiliate",
    "disclosure",
    "sidebar",
    "widget",
    "share",
    "social",
    "sharedaddy",
];

/// The elements that can be a box: blocks below the page's own frame (not
/// `<body class="comments-open">`, not a `<span class="comment">` in a
/// code listing).
const BOX_TAGS: &[&str] = &[
    "aside",
    "blockquote",
    "div",
    "dl",
    "footer",
    "form",
    "li",
    "ol",
    "p",
    "section",
    "table",
    "ul",
];

/// At most this much work (bytes read and compared: each box's text times
/// the lines looked up in it, plus ten for reading it) goes into judging
/// boxes; past it the remaining boxes are left alone. Nested boxes that
/// each hold the article (a hostile page of 900 `<div class="comment">`
/// around its text) would otherwise cost seconds (13 s in a debug build);
/// on the tuning sets one page reaches 72 million, every other one stays
/// under 6 million.
const MAX_WORK: usize = 100_000_000;

/// The page's text, split into what lies inside off-article boxes and what
/// lies outside them.
struct PageTexts {
    inside: String,
    outside: String,
}

static HEADINGS: LazyLock<Selector> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant selector, covered by the tests
    Selector::parse("h1").expect("valid selector")
});

/// Whether an element's names mark it as an off-article box.
fn is_box(element: &scraper::node::Element) -> bool {
    if !BOX_TAGS.contains(&element.name()) {
        return false;
    }
    let names = element
        .attr("class")
        .unwrap_or_default()
        .split_whitespace()
        .chain(element.id());
    names
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .any(|part| {
            CUES.iter()
                .any(|cue| part == *cue || part.strip_suffix('s') == Some(cue))
        })
}

/// The boxes of the page that are not the article's own container: named
/// as off-article, holding no `<h1>`, and holding at most half of `lines`'
/// characters.
fn boxes(doc: &Html, lines: &[String]) -> HashSet<NodeId> {
    let total: usize = lines.iter().map(|l| l.chars().count()).sum();
    let mut boxes = HashSet::new();
    let mut work = 0usize;
    // Document order: a box inside one already found is covered by it and
    // its text is not read again (nested comments).
    for element in doc.tree.nodes().filter_map(ElementRef::wrap) {
        if !is_box(element.value())
            || element.ancestors().any(|a| boxes.contains(&a.id()))
            || element.select(&HEADINGS).next().is_some()
        {
            continue;
        }
        // Bytes read and compared when looking the lines up in this box,
        // at most (reading and collapsing its text counted as ten lines).
        let bytes: usize = element.text().map(str::len).sum();
        work = work.saturating_add(bytes.saturating_mul(lines.len() + 10));
        if work > MAX_WORK {
            tracing::debug!("off-article boxes: reading budget spent, later boxes kept");
            break;
        }
        let text = collapse(&element.text().collect::<String>());
        let held: usize = lines
            .iter()
            .filter(|l| text.contains(l.as_str()))
            .map(|l| l.chars().count())
            .sum();
        if held * 2 <= total {
            boxes.insert(element.id());
        }
    }
    boxes
}

/// One walk over the document (no recursion: pages may nest deep).
fn page_texts(doc: &Html, boxes: &HashSet<NodeId>) -> PageTexts {
    let mut outside = String::new();
    let mut inside = String::new();
    let mut depth = 0usize;
    let mut skipping: Option<NodeId> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) if skipping.is_none() => {
                    if NOT_SHOWN.contains(&element.name()) {
                        skipping = Some(node.id());
                    } else if boxes.contains(&node.id()) {
                        depth += 1;
                        inside.push(' ');
                    }
                }
                Node::Text(text) if skipping.is_none() => {
                    let target = if depth > 0 { &mut inside } else { &mut outside };
                    target.push_str(text);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none() && boxes.contains(&node.id()) {
                    depth = depth.saturating_sub(1);
                    inside.push(' ');
                }
            }
        }
    }
    PageTexts {
        inside: collapse(&inside),
        outside: collapse(&outside),
    }
}

/// `text` (paragraphs as lines) without the lines that come only from
/// off-article boxes (see the module doc).
pub fn without_off_article_lines(text: &str, doc: &Html) -> String {
    let lines: Vec<String> = text.lines().map(collapse).collect();
    let boxes = boxes(doc, &lines);
    if boxes.is_empty() {
        return text.to_string();
    }
    let texts = page_texts(doc, &boxes);
    let mut dropped = 0;
    let kept: Vec<&str> = text
        .lines()
        .zip(&lines)
        .filter(|(_, line)| {
            let off = !line.is_empty()
                && texts.inside.contains(line.as_str())
                && !texts.outside.contains(line.as_str());
            if off {
                dropped += line.chars().count();
            }
            !off
        })
        .map(|(raw, _)| raw)
        .collect();
    if dropped * 2 > text.chars().count() {
        return text.to_string();
    }
    kept.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><body class="single comments-open"><article>
        <h1>Mandarin cake</h1>
        <p>Cook the custard first and let it cool under a sheet of film.</p>
        <p>Bake the cake at 175 degrees for about eighty minutes.</p>
        <p>Glaze it with the mandarin juice once it has cooled completely.</p>
        <div class="author-box">Jane Roe bakes for the Gazette.</div>
        </article>
        <section id="comments"><h3>Comments</h3>
        <div class="comment-item"><p>Great recipe, the custard set nicely.</p></div>
        <div class="comment-item"><p>Bake the cake at 175 degrees for about eighty minutes.</p></div>
        </section></body></html>"#;

    #[test]
    fn comment_and_author_box_lines_go_article_lines_stay() {
        let doc = Html::parse_document(PAGE);
        let text = "Cook the custard first and let it cool under a sheet of film.\n\
                    Bake the cake at 175 degrees for about eighty minutes.\n\
                    Glaze it with the mandarin juice once it has cooled completely.\n\
                    Jane Roe bakes for the Gazette.\n\
                    Comments\n\
                    Great recipe, the custard set nicely.";
        assert_eq!(
            without_off_article_lines(text, &doc),
            "Cook the custard first and let it cool under a sheet of film.\n\
             Bake the cake at 175 degrees for about eighty minutes.\n\
             Glaze it with the mandarin juice once it has cooled completely."
        );
    }

    #[test]
    fn a_box_holding_the_headline_is_the_article() {
        let doc = Html::parse_document(
            "<div class='has-comments'><h1>Ferry strike off</h1>\
             <p>Ferry crews called off the strike on Thursday.</p></div>",
        );
        let text = "Ferry crews called off the strike on Thursday.";
        assert_eq!(without_off_article_lines(text, &doc), text);
    }

    #[test]
    fn boxes_holding_most_of_the_text_are_left_alone() {
        let doc = Html::parse_document(
            "<div class='comments-wrapper'><p>Ferry crews called off the strike on Thursday.</p>\
             <p>The operator agreed to the pay offer.</p></div><p>Weather</p>",
        );
        let text = "Ferry crews called off the strike on Thursday.\n\
                    The operator agreed to the pay offer.";
        assert_eq!(without_off_article_lines(text, &doc), text);
    }

    #[test]
    fn an_opinion_section_is_no_comment_box() {
        let doc = Html::parse_document(
            "<div class='commentary-body'><p>Ferry crews called off the strike.</p></div>\
             <div class='comment'><p>Good.</p></div>",
        );
        let text = "Ferry crews called off the strike.\nGood.";
        assert_eq!(
            without_off_article_lines(text, &doc),
            "Ferry crews called off the strike."
        );
    }

    #[test]
    fn code_comments_and_sections_named_after_headings_stay() {
        let doc = Html::parse_document(
            "<h2>Sharing with a single developer</h2>\
             <section id='sharing-with-a-single-developer'>\
             <p>Push the draft changeset to the test repository.</p></section>\
             <pre><span class='comment'>// add.c</span>\nint add(int a, int b);</pre>\
             <div class='sidebar'><p>Most read today</p></div>",
        );
        let text = "Push the draft changeset to the test repository.\n\
                    // add.c\n\
                    int add(int a, int b);\n\
                    Most read today";
        assert_eq!(
            without_off_article_lines(text, &doc),
            "Push the draft changeset to the test repository.\n\
             // add.c\n\
             int add(int a, int b);"
        );
    }

    #[test]
    fn deeply_nested_boxes_around_the_article_cost_little() {
        let mut page = String::from("<body>");
        for i in 0..900 {
            page.push_str(&format!(
                "<div class='comment'><p>Comment {i} says something rather long. {}</p>",
                "blah ".repeat(100)
            ));
        }
        page.push_str(&format!("<p>{}</p>", "Article words here. ".repeat(2000)));
        page.push_str(&"</div>".repeat(900));
        let doc = Html::parse_document(&page);
        let text = "Article words here. ".repeat(2000);
        let started = std::time::Instant::now();
        assert_eq!(without_off_article_lines(&text, &doc), text);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
