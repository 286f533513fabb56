//! Paragraphs trafilatura skipped inside the article, taken from
//! Readability's text.
//!
//! trafilatura reads paragraphs from `<p>`-like elements and loses text
//! written straight into the article's container between `<br>`s (a
//! Blogger post's opening lines). Readability keeps such text. Where both
//! texts share two paragraphs that follow each other in trafilatura's text
//! but have other paragraphs between them in Readability's, those
//! paragraphs sit inside the article and are put back; nothing is added
//! after the last shared paragraph, where boilerplate lives, and only
//! lines that read as prose (see `MIN_PROSE_CHARS`). Before the first,
//! only prose that runs straight into it ([`with_leading_gap`]: the
//! opening paragraphs in a container of their own; trafilatura-eval-dev
//! P / R / F 0.9244 / 0.9682 / 0.9458 → 0.9246 / 0.9709 / 0.9472,
//! readability-pages 0.9710 / 0.9591 / 0.9650 → 0.9710 / 0.9599 / 0.9654).
//!
//! List items (`li` not mostly a link) are put back however short: a
//! list inside the article is its text (trafilatura-eval-dev / readability-
//! pages P / R / F: 0.9236 / 0.9648 / 0.9437 unchanged; 0.9651 / 0.9582 /
//! 0.9617 → 0.9652 / 0.9591 / 0.9622). Counting link items too cost
//! trafilatura-eval-dev 0.9437 → 0.9425 (navigation boxes, "Kontakt").
//!
//! Measured (trafilatura-eval-dev / readability-pages F): 0.9421 → 0.9421
//! (2 more required segments found, 2 more unwanted) / 0.9598 → 0.9610.
//! Any line put back: 0.9332 / 0.9707 (captions and credits that
//! trafilatura rightly drops); prose from 100 characters 0.9415 / 0.9616,
//! from 300 0.9414 / 0.9601.

use scraper::{Html, Selector};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Lines put back are at least this long: shorter ones between two
/// paragraphs are mostly captions, credits and link labels.
const MIN_PROSE_CHARS: usize = 200;

/// `main` (trafilatura's text) with the paragraphs of `other`
/// (Readability's) that fall between two of its consecutive paragraphs.
/// `list_items` are the page's list items (whitespace collapsed): short
/// lines that are one of them are put back too, since a list inside the
/// article ("What you'll need: …") is its text however short its items.
pub fn with_inner_gaps(main: &str, other: &str, list_items: &HashSet<String>) -> String {
    let lines: Vec<&str> = main.lines().collect();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        index.entry(key(line)).or_insert(i);
    }
    let mut after: HashMap<usize, Vec<&str>> = HashMap::new();
    let mut anchor: Option<usize> = None;
    let mut pending: Vec<&str> = Vec::new();
    for line in other.lines() {
        let k = key(line);
        if k.is_empty() {
            continue;
        }
        match index.get(&k) {
            Some(&j) => {
                if let Some(i) = anchor
                    && j == i + 1
                    && !pending.is_empty()
                {
                    after.entry(i).or_default().append(&mut pending);
                }
                pending.clear();
                anchor = Some(j);
            }
            None if anchor.is_some()
                && (is_prose(line) || list_items.contains(&k))
                && !main.contains(line.trim()) =>
            {
                pending.push(line.trim())
            }
            None => {}
        }
    }
    if after.is_empty() {
        return main.to_string();
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        out.push(*line);
        if let Some(extra) = after.get(&i) {
            out.extend(extra);
        }
    }
    out.join("\n")
}

/// Paragraphs leading into trafilatura's first line are put back from
/// this length: an opening paragraph is often shorter than the body's
/// (trafilatura-eval-dev F 0.9468 → 0.9472 and readability-pages 0.9653 →
/// 0.9654 against `MIN_PROSE_CHARS`; 60 cost trafilatura-eval-dev a
/// wanted-out line, 0.9469).
const MIN_LEAD_CHARS: usize = 100;

/// Lines this short between Readability's lead paragraphs and trafilatura's
/// first line (a date, a byline) do not part them.
const MAX_SKIPPED_CHARS: usize = 40;

/// `main` with the prose paragraphs that directly precede its first line
/// in `other` (Readability's text) put in front: an article's opening
/// paragraphs set apart from the body's markup (a lead in its own
/// container, then a date line, then the body trafilatura read). Only
/// lines ending a sentence and at least `MIN_LEAD_CHARS` long count, and only when it runs into the
/// first line, at most one short line (a date) between them.
pub fn with_leading_gap(main: &str, other: &str) -> String {
    let Some(first) = main.lines().map(key).find(|k| !k.is_empty()) else {
        return main.to_string();
    };
    let others: Vec<&str> = other
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let Some(p) = others.iter().position(|l| key(l) == first) else {
        return main.to_string();
    };
    let mut before = others[..p].iter().rev().peekable();
    if before
        .peek()
        .is_some_and(|l| !is_prose(l) && l.chars().count() <= MAX_SKIPPED_CHARS)
    {
        before.next();
    }
    let mut lead: Vec<&str> = before
        .take_while(|l| ends_sentence(l, MIN_LEAD_CHARS) && !main.contains(**l))
        .copied()
        .collect();
    if lead.is_empty() {
        return main.to_string();
    }
    lead.reverse();
    format!("{}\n{main}", lead.join("\n"))
}

/// Whether a line reads as a paragraph of the article: long, and ending a
/// sentence (captions, credits and link labels mostly do not).
fn is_prose(line: &str) -> bool {
    ends_sentence(line, MIN_PROSE_CHARS)
}

/// Whether a line is at least `min_chars` long and ends a sentence.
fn ends_sentence(line: &str, min_chars: usize) -> bool {
    let line = line.trim();
    line.chars().count() >= min_chars && line.ends_with(['.', '!', '?', '"', '”', '“', '»', ')'])
}

static LIST_ITEMS: LazyLock<Selector> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant selector, covered by the tests
    Selector::parse("li").expect("valid selector")
});

static LINKS: LazyLock<Selector> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant selector, covered by the tests
    Selector::parse("a").expect("valid selector")
});

/// The texts of the page's list items, whitespace collapsed, for
/// [`with_inner_gaps`]. Items that hold a nested list are left out (their
/// text runs several lines together), and so are items that are mostly a
/// link: those make menus, related stories and navigation boxes.
pub fn list_items(doc: &Html) -> HashSet<String> {
    doc.select(&LIST_ITEMS)
        .filter(|li| li.select(&LIST_ITEMS).next().is_none())
        .filter_map(|li| {
            let text = key(&li.text().collect::<Vec<_>>().join(" "));
            let linked: usize = li
                .select(&LINKS)
                .map(|a| key(&a.text().collect::<Vec<_>>().join(" ")).chars().count())
                .sum();
            (!text.is_empty() && linked * 2 < text.chars().count()).then_some(text)
        })
        .collect()
}

fn key(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(word: &str) -> String {
        format!("{} ends here.", format!("{word} ").repeat(40).trim_end())
    }

    #[test]
    fn prose_between_two_shared_paragraphs_is_put_back() {
        let (a, b, c) = (prose("alpha"), prose("beta"), prose("gamma"));
        let main = format!("{a}\n{c}");
        let other = format!("Menu\n{a}\n{b}\nPhoto: Agency\n{c}\n{}", prose("related"));
        assert_eq!(
            with_inner_gaps(&main, &other, &HashSet::new()),
            format!("{a}\n{b}\n{c}")
        );
    }

    #[test]
    fn nothing_is_added_at_the_edges_or_between_distant_paragraphs() {
        let (a, b, c, d) = (
            prose("alpha"),
            prose("beta"),
            prose("gamma"),
            prose("delta"),
        );
        let main = format!("{a}\n{c}\n{d}");
        // b sits between a and d, which are not neighbours in main.
        let other = format!("{b}\n{a}\n{b}\n{d}\n{b}");
        assert_eq!(with_inner_gaps(&main, &other, &HashSet::new()), main);
    }

    #[test]
    fn list_items_inside_the_article_are_put_back_link_items_are_not() {
        let (a, c) = (prose("alpha"), prose("gamma"));
        let doc = Html::parse_document(
            "<ul><li>Planter saucer or shallow dish</li><li>Floral wire pins</li>\
             <li><a href='/more'>More terrarium ideas</a></li></ul>",
        );
        let main = format!("{a}\n{c}");
        let other = format!(
            "{a}\nWhat you'll need:\nPlanter saucer or shallow dish\nFloral wire pins\nMore terrarium ideas\n{c}"
        );
        assert_eq!(
            with_inner_gaps(&main, &other, &list_items(&doc)),
            format!("{a}\nPlanter saucer or shallow dish\nFloral wire pins\n{c}")
        );
    }

    #[test]
    fn prose_leading_into_the_first_line_is_put_in_front() {
        let (lead, a, b) = (prose("lead"), prose("alpha"), prose("beta"));
        let main = format!("{a}\n{b}");
        let other = format!(
            "Menu\n{}\n{lead}\n28. Dezember 2022\n{a}\n{b}",
            prose("teaser")
        );
        let teaser = prose("teaser");
        assert_eq!(
            with_leading_gap(&main, &other),
            format!("{teaser}\n{lead}\n{a}\n{b}")
        );
    }

    #[test]
    fn a_lead_parted_from_the_first_line_or_not_prose_is_left_out() {
        let (lead, a) = (prose("lead"), prose("alpha"));
        let other = format!("{lead}\nRead more from our partners\nHome\n{a}");
        assert_eq!(with_leading_gap(&a, &other), a, "two lines between");
        let other = format!("Subscribe to our newsletter\n{a}");
        assert_eq!(with_leading_gap(&a, &other), a, "not prose");
        assert_eq!(
            with_leading_gap(&a, &lead),
            a,
            "first line not in Readability's text"
        );
    }
}
