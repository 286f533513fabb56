//! The frame around the headline: when the extracted text repeats the
//! article's headline near its top, what comes before it is the page's
//! chrome, not the article (the site's name, "Minecraft News"; a section
//! kicker, "chaos theory"; a breadcrumb), and the lines right under it
//! that are only a dateline or a byline ("July 7, 2020", "Stand:
//! 28.04.2020 18:00 Uhr", "Von Vanessa Franke") are the page's labels,
//! which the metadata carries. Lines above are dropped when each is short
//! and ends no sentence; the headline itself stays (some benchmarks count
//! it as article text, others do not), and so does a deck under it.
//!
//! Measured in session 14 (P / R / F): trafilatura-eval-dev unchanged at
//! 0.9410 / 0.9709 / 0.9557 (the pages changed have no annotated segment there),
//! readability-pages 0.97294 / 0.96316 / 0.96802 → 0.97305 / 0.96316 /
//! 0.96808 (`tumblr`, `quanta-1`, `bbc-1`). Without the date test (any short
//! line under the headline) decks went too and the figures moved with the
//! word limit (5 or 12 words lost a wanted segment on trafilatura-eval-dev).

use super::pubdate::month_named;
use regex::Regex;
use std::sync::LazyLock;

/// The headline is looked for among this many first non-empty lines.
const MAX_LINES_ABOVE: usize = 3;

/// A line above the headline with more words than this may be a lead.
const MAX_WORDS_ABOVE: usize = 12;

/// A line shorter than this (in words) is too short to be told apart from
/// a title by its words alone.
const MIN_TITLE_WORDS: usize = 3;

/// A line that is only part of a title (the title carrying the site's name,
/// "Headline - Site") must cover at least this share of its characters.
const MIN_TITLE_SHARE: f64 = 0.6;

/// At most this many datelines and bylines are read under the headline.
const MAX_LINES_BELOW: usize = 3;

/// A dateline keeps at most this many words besides its date and time
/// ("Hamburg, 2. November 2021", "Published 3:04 PM EST, Tue March 5").
const MAX_DATELINE_WORDS: usize = 4;

/// A byline ("By Jane Doe", "Von Vanessa Franke") has at most this many
/// words.
const MAX_BYLINE_WORDS: usize = 6;

/// A date or a time in figures (`28.04.2020`, `2020-04-28`, `18:00`).
static FIGURE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b")
        .expect("valid date pattern")
});

/// A word beside a day or a year: a month's name when
/// [`month_named`] knows it (`2. November`, `July 7`, `mayo de 2020`).
static WORD_BY_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(
        r"\b\d{1,2}\.?\s+(?:de\s+)?(?<a>\p{L}{3,})\.?|\b(?<b>\p{L}{3,})\.?\s+(?:de\s+)?\d{1,4}\b",
    )
    .expect("valid date pattern")
});

/// Figures left once the dates are out (days, years, hours).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"\b\d{1,4}(?:[:.]\d{2})?\b").expect("valid number pattern")
});

/// The word that opens a byline.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"(?i)^\W*(?:by|von|por|par|door|av|af)\s").expect("valid byline pattern")
});

/// `text` (paragraphs as lines) without the short lines above its
/// headline and the datelines and bylines right under it; `titles` are the
/// page's headline candidates (`og:title`, `<h1>`, `<title>`, …). A text
/// whose top holds no headline is returned as it is.
pub fn without_headline_frame(text: &str, titles: &[&str]) -> String {
    let titles: Vec<String> = titles.iter().map(|t| words(t)).collect();
    let lines: Vec<&str> = text.lines().collect();
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let Some(pos) = filled
        .iter()
        .take(MAX_LINES_ABOVE + 1)
        .position(|&i| is_title(lines[i], &titles))
    else {
        return text.to_string();
    };
    let above = &filled[..pos];
    let mut start = filled[pos];
    if !above.is_empty() && !above.iter().all(|&i| is_chrome(lines[i])) {
        start = 0;
    }
    let below: Vec<usize> = filled[pos + 1..]
        .iter()
        .take(MAX_LINES_BELOW)
        .copied()
        .take_while(|&i| is_dateline_or_byline(lines[i]))
        .collect();
    // Datelines are dropped only when the article goes on after them.
    let below = if filled.len() > pos + 1 + below.len() {
        below
    } else {
        Vec::new()
    };
    lines[start..]
        .iter()
        .enumerate()
        .filter(|(k, _)| !below.contains(&(start + k)))
        .map(|(_, line)| *line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `line` is only a dateline or a byline.
fn is_dateline_or_byline(line: &str) -> bool {
    let line = line.trim();
    if !is_chrome(line) {
        return false;
    }
    let count = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    let months: Vec<&str> = WORD_BY_NUMBER
        .captures_iter(line)
        .filter_map(|c| c.name("a").or_else(|| c.name("b")))
        .map(|m| m.as_str())
        .filter(|w| month_named(w).is_some())
        .collect();
    if !months.is_empty() || FIGURE_DATE.is_match(line) {
        let rest = FIGURE_DATE.replace_all(line, " ");
        let rest = NUMBER.replace_all(&rest, " ");
        let month_words = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| months.contains(w))
            .count();
        let words = count(&rest).saturating_sub(month_words);
        return words <= MAX_DATELINE_WORDS;
    }
    BYLINE.is_match(line) && count(line) <= MAX_BYLINE_WORDS
}

/// Whether `line` reads as a page label rather than article text.
fn is_chrome(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= MAX_WORDS_ABOVE
        && !line.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Whether `line` is one of the `titles` (both as [`words`]).
fn is_title(line: &str, titles: &[String]) -> bool {
    let line = words(line);
    if line.split(' ').count() < MIN_TITLE_WORDS {
        return false;
    }
    titles.iter().any(|title| {
        *title == line
            || (title.contains(&line)
                && line.chars().count() as f64 >= MIN_TITLE_SHARE * title.chars().count() as f64)
    })
}

/// The lowercase words of `text`, one space apart (punctuation and case
/// ignored).
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLES: &[&str] = &[
        "Harbour bridge reopens after repairs",
        "Harbour bridge reopens after repairs - Example Gazette",
    ];

    #[test]
    fn a_kicker_and_the_site_name_above_the_headline_go() {
        let text = "Example Gazette\nTransport\nHarbour bridge reopens after repairs\n\
                    The bridge reopened on Monday after eight weeks of work.";
        assert_eq!(
            without_headline_frame(text, TITLES),
            "Harbour bridge reopens after repairs\n\
             The bridge reopened on Monday after eight weeks of work."
        );
    }

    #[test]
    fn datelines_and_bylines_under_the_headline_go_a_deck_stays() {
        let text = "Harbour bridge reopens after repairs\nBy Jane Doe\n\
                    Published 3:04 PM, Tue March 5, 2024\n\
                    The bridge reopened on Monday after eight weeks of work.";
        assert_eq!(
            without_headline_frame(text, TITLES),
            "Harbour bridge reopens after repairs\n\
             The bridge reopened on Monday after eight weeks of work."
        );
        for dateline in [
            "Stand: 28.04.2020 18:00 Uhr",
            "Hamburg, 2. November 2021",
            "mercredi 11 septembre 2019",
            "Actualizado el 3 de mayo de 2020",
        ] {
            let text = format!("Harbour bridge reopens after repairs\n{dateline}\nText.");
            assert_eq!(
                without_headline_frame(&text, TITLES),
                "Harbour bridge reopens after repairs\nText.",
                "{dateline}"
            );
        }
        let sentence_like = "Harbour bridge reopens after repairs\nOpen May 3 for all traffic and cyclists alike\nText.";
        assert_eq!(without_headline_frame(sentence_like, TITLES), sentence_like);
        let deck = "Harbour bridge reopens after repairs\n\
                    Commuters face fewer detours from 3 May onwards as the city reopens the crossing\n\
                    Text.";
        assert_eq!(without_headline_frame(deck, TITLES), deck);
        let only_date = "Harbour bridge reopens after repairs\nJuly 7, 2020";
        assert_eq!(without_headline_frame(only_date, TITLES), only_date);
        let not_under = "Harbour bridge reopens after repairs\nText.\nJuly 7, 2020\nMore.";
        assert_eq!(without_headline_frame(not_under, TITLES), not_under);
    }

    #[test]
    fn a_title_carrying_the_site_name_still_counts() {
        let text = "Transport\nHarbour Bridge Reopens After Repairs!\nThe bridge reopened.";
        let titles = &["Harbour bridge reopens after repairs | Example Gazette"];
        assert_eq!(
            without_headline_frame(text, titles),
            "Harbour Bridge Reopens After Repairs!\nThe bridge reopened."
        );
    }

    #[test]
    fn sentences_above_the_headline_and_texts_without_it_stay() {
        let lead = "Engineers finished early.\nHarbour bridge reopens after repairs\nMore text.";
        assert_eq!(without_headline_frame(lead, TITLES), lead);
        let no_title = "Transport\nThe bridge reopened on Monday.";
        assert_eq!(without_headline_frame(no_title, TITLES), no_title);
        let deep = "One\nTwo\nThree\nFour\nHarbour bridge reopens after repairs\nText.";
        assert_eq!(without_headline_frame(deep, TITLES), deep);
        let short_title = "Sport\nNews\nThe match.";
        assert_eq!(without_headline_frame(short_title, &["News"]), short_title);
    }
}
