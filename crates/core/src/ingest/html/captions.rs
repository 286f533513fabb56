//! Lines that are a picture's caption or an author's box: text the
//! extractors keep inside or below an article ("Eine kleine runde
//! Aussparung für die Facetime-Kamera …", "Alice Wu fell down the rabbit
//! hole of politics aged 12 …") but that is not its prose. The extracted
//! text no longer shows where a line came from, so the page tells: a line
//! whose whole text lies inside one `figcaption` or author-box element of
//! the page is dropped, and so is a line that is mostly such a text plus a
//! credit ("… (Foto: Natacha Pisarenko/Pool via REUTERS)").
//!
//! Measured (P / R / F): trafilatura-eval-dev 0.9230 / 0.9648 / 0.9434 →
//! 0.9236 / 0.9648 / 0.9437, readability-pages unchanged (0.9651 / 0.9582 /
//! 0.9617). Counting caption-classed elements too (`.wp-caption-text`,
//! `.tr-caption`, `strong.caption`) took trafilatura-eval-dev to 0.9441 but
//! cost readability-pages recall (0.9582 → 0.9581: Readability keeps
//! Blogger's table captions, and its output is that set's truth): not kept.
//! A `figcaption` of several paragraphs is a gallery's text and stays.

use super::lead::collapse;
use scraper::{Html, Selector};
use std::sync::LazyLock;

/// Lines shorter than this stay: short words ("Foto", a name) recur in
/// captions and prose alike.
const MIN_LINE_CHARS: usize = 25;

/// Caption elements longer than this are containers that hold more than a
/// caption (a wrapper classed "caption" around a whole story), not read.
const MAX_CAPTION_CHARS: usize = 600;

/// A line that contains a caption's whole text is dropped when the caption
/// makes up at least this share of it (the rest a credit or a photo
/// agency).
const CAPTION_SHARE: f64 = 0.6;

/// A caption element with this many paragraphs is a slide's text (a
/// gallery told in its captions), not a caption.
const MAX_CAPTION_PARAGRAPHS: usize = 2;

static PARAGRAPHS: LazyLock<Selector> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant selector, covered by the tests
    Selector::parse("p").expect("valid selector")
});

static BOXES: LazyLock<Selector> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant selector, covered by the tests
    Selector::parse(
        "figcaption, [class*=author-bio], \
         [class*=author-box], [class*=about-author], [class*=author-description]",
    )
    .expect("valid selector")
});

/// `text` (paragraphs as lines) without its caption and author-box lines
/// (see the module doc).
pub fn without_captions(text: &str, doc: &Html) -> String {
    let boxes: Vec<String> = doc
        .select(&BOXES)
        .filter(|e| e.select(&PARAGRAPHS).count() < MAX_CAPTION_PARAGRAPHS)
        .map(|e| collapse(&e.text().collect::<Vec<_>>().join(" ")))
        .filter(|t| {
            let n = t.chars().count();
            (MIN_LINE_CHARS..=MAX_CAPTION_CHARS).contains(&n)
        })
        .collect();
    if boxes.is_empty() {
        return text.to_string();
    }
    let keep = |line: &&str| {
        let line = collapse(line);
        let chars = line.chars().count();
        if chars < MIN_LINE_CHARS {
            return true;
        }
        !boxes.iter().any(|caption| {
            caption.contains(&line)
                || (line.contains(caption.as_str())
                    && caption.chars().count() as f64 >= chars as f64 * CAPTION_SHARE)
        })
    };
    let kept: Vec<&str> = text.lines().filter(keep).collect();
    // Only captions: nothing tells the article from them.
    if kept.is_empty() {
        return text.to_string();
    }
    kept.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<article><p>The bridge reopened on Monday after eight weeks of repairs.</p>
        <figure><img src="a.jpg"><figcaption>Engineers on the eastern span of the bridge in May</figcaption></figure>
        <p>Traffic was light on the first morning, the council said.</p>
        <div class="author-bio">Jane Roe covers transport and the harbour for the Gazette.</div>
        </article>"#;

    #[test]
    fn caption_and_author_box_lines_go_prose_stays() {
        let doc = Html::parse_document(PAGE);
        let text = "The bridge reopened on Monday after eight weeks of repairs.\n\
                    Engineers on the eastern span of the bridge in May | Photo: Harbour Agency\n\
                    Traffic was light on the first morning, the council said.\n\
                    Jane Roe covers transport and the harbour for the Gazette.";
        assert_eq!(
            without_captions(text, &doc),
            "The bridge reopened on Monday after eight weeks of repairs.\n\
             Traffic was light on the first morning, the council said."
        );
    }

    #[test]
    fn a_paragraph_quoting_a_short_caption_stays() {
        let doc = Html::parse_document(PAGE);
        let text = "Engineers on the eastern span of the bridge in May said the steel plates had \
                    corroded far faster than the council's inspectors had expected in 2019.";
        assert_eq!(without_captions(text, &doc), text);
    }

    #[test]
    fn a_gallery_told_in_its_captions_stays() {
        let doc = Html::parse_document(
            "<figure><img src='a.jpg'><figcaption><p>Last-minute costume idea right here!</p>\
             <p>With a bowler hat, a set of false lashes and an all-white outfit.</p></figcaption></figure>",
        );
        let text = "Last-minute costume idea right here!\n\
                    With a bowler hat, a set of false lashes and an all-white outfit.";
        assert_eq!(without_captions(text, &doc), text);
    }
}
