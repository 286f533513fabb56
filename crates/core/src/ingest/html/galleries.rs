//! Picture galleries run into the text: "1/50 United goin down", its
//! caption, a credit ("Getty"), "2/50 Star Wars boosts economy", … The
//! slides of a carousel sit in the page's markup inside the article's
//! container, so both extractors keep them (readability-pages'
//! `bug-1255978`: fifty business-news slides inside a story about hotel
//! housekeeping). A run of slide counters with the same total, counting up
//! one by one, is a gallery: its slides are dropped.

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A slide's counter opening its line: "12/50 Title".
static COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"^(\d{1,3}) ?/ ?(\d{1,3})\s+\S").expect("valid counter pattern")
});

/// Fewer counted slides than this are not taken for a gallery (a "1/2"
/// in a sentence, a two-part series).
const MIN_SLIDES: usize = 3;

/// Consecutive counters more than this many lines apart belong to
/// different blocks: a slide is its counter line, a caption and a credit.
const MAX_SLIDE_LINES: usize = 4;

/// A line after the last slide is its credit, and dropped, only when this
/// short and already seen as a line inside the gallery ("Getty").
const MAX_CREDIT_CHARS: usize = 40;

/// `text` without the slides of its galleries (see the module doc).
pub fn without_galleries(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut drop = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let Some((first, total)) = counter(lines[start]) else {
            start += 1;
            continue;
        };
        // Follow the counters that go on from this one.
        let mut counters = vec![start];
        let mut expected = first + 1;
        let mut i = start + 1;
        while i < lines.len() && i - counters[counters.len() - 1] <= MAX_SLIDE_LINES {
            if let Some((k, n)) = counter(lines[i]) {
                if n == total && k == expected {
                    counters.push(i);
                    expected += 1;
                } else {
                    break;
                }
            }
            i += 1;
        }
        let Some(&last) = counters.last() else {
            break;
        };
        if counters.len() < MIN_SLIDES {
            start += 1;
            continue;
        }
        let credits: HashSet<&str> = lines[start..last]
            .iter()
            .map(|l| l.trim())
            .filter(|l| l.chars().count() <= MAX_CREDIT_CHARS && counter(l).is_none())
            .collect();
        // The last slide: its counter line, its caption, and a credit seen before.
        let mut end = (last + 2).min(lines.len());
        if end < lines.len() && credits.contains(lines[end].trim()) {
            end += 1;
        }
        drop[start..end].iter_mut().for_each(|d| *d = true);
        start = end;
    }
    lines
        .iter()
        .zip(&drop)
        .filter(|(_, dropped)| !**dropped)
        .map(|(line, _)| *line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line's slide counter (number, total), when it opens with one that
/// counts within its total.
fn counter(line: &str) -> Option<(usize, usize)> {
    let caps = COUNTER.captures(line.trim())?;
    let k: usize = caps.get(1)?.as_str().parse().ok()?;
    let n: usize = caps.get(2)?.as_str().parse().ok()?;
    (k >= 1 && k <= n).then_some((k, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_slides_is_dropped_with_the_last_credit() {
        let text = "Hotel staff see everything.\n\
            1/50 United goin down\nManchester United's absence hurt revenue.\nGETTY IMAGES\n\
            2/50 Star Wars boosts economy\nProduction brought £150 million to Britain.\n\
            3/50 Blackpool pier is on sale\nThe pier has been put up for sale.\nGETTY IMAGES\n\
            6. Mini bars almost always lose money\nThe snacks seem overpriced.";
        assert_eq!(
            without_galleries(text),
            "Hotel staff see everything.\n6. Mini bars almost always lose money\nThe snacks seem overpriced."
        );
    }

    #[test]
    fn counters_that_do_not_count_up_are_text() {
        let text = "1/2 cup of flour\nMix well.\n3/4 cup of milk\nStir.\n1/3 of the sugar";
        assert_eq!(without_galleries(text), text);
        let two = "1/3 First part\nText.\n2/3 Second part\nMore text.";
        assert_eq!(without_galleries(two), two, "too few slides");
    }
}
