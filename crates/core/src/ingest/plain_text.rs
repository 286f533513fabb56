//! Plain text articles, as stored by web-page text dumps: an optional
//! ` date YYYY-MM-DD` token first (seed 004), then the text. A short first
//! line without final punctuation is the headline; otherwise the first
//! sentence is. Page furniture the dump kept above the article (share
//! prompts, a photo caption with its agency credit, a run of menu items
//! glued together) is dropped first, so that it neither becomes the
//! headline nor stays in the body.

use crate::error::IngestErrorKind;
use crate::ingest::html::boilerplate::is_boilerplate;
use crate::ingest::raw::RawArticle;
use crate::ingest::time::parse_time;
use crate::model::SourceFormat;
use regex::Regex;
use std::sync::LazyLock;

/// Longest first line still taken for a headline.
const MAX_HEADLINE_CHARS: usize = 200;

/// Fewest `## ` sections that, with list items making most of the lines,
/// make a text a document rather than an article.
const DOCUMENT_SECTIONS: usize = 3;

/// Refuses a text laid out as sectioned lists (three or more `## `
/// headings, and list items making more than half of the other lines):
/// a dataset's notes or a changelog beside the articles in a folder, which
/// would otherwise become one long "article" carrying every figure it
/// lists. Articles exported as text may have subheadings, but their lines
/// are paragraphs.
pub fn refuse_document(text: &str) -> Result<(), IngestErrorKind> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let sections = lines.iter().filter(|l| l.starts_with("## ")).count();
    if sections < DOCUMENT_SECTIONS {
        return Ok(());
    }
    let content: Vec<&&str> = lines.iter().filter(|l| !l.starts_with('#')).collect();
    let items = content
        .iter()
        .filter(|l| l.starts_with("- ") || l.starts_with("* "))
        .count();
    if items * 2 > content.len() {
        Err(IngestErrorKind::NotAnArticle { sections })
    } else {
        Ok(())
    }
}

/// Reads a plain-text article.
pub fn parse(text: &str) -> Result<RawArticle, IngestErrorKind> {
    let (published, rest) = split_date_token(text);
    let rest = without_leading_furniture(rest.trim_start());
    if rest.trim().is_empty() {
        return Err(IngestErrorKind::NoText);
    }
    let mut raw = RawArticle::new(SourceFormat::PlainText, String::new());
    raw.published = published.time;
    if let Some(partial) = published.partial {
        raw.extra
            .insert("date".into(), serde_json::Value::String(partial));
    }
    match headline_line(rest) {
        Some((headline, after)) => {
            raw.title = Some(without_relative_time(without_breadcrumb(headline)).to_string());
            raw.body = after.to_string();
        }
        None => {
            raw.title = first_sentence(rest);
            raw.body = rest.to_string();
        }
    }
    Ok(raw)
}

/// Lines from web-page dumps that precede the headline ("Sports",
/// "Expand / Collapse search"): short lines of fewer than this many words.
const MIN_HEADLINE_WORDS: usize = 4;
/// How many such leading lines are looked past.
const MAX_SKIPPED_LINES: usize = 3;

/// Finds the headline among the first lines: the first line of headline
/// shape, past a few navigation crumbs, that is followed by more text;
/// unless that line shares no word with the text below it and a line just
/// below does (a site's tagline, an award banner or a weather alert above
/// the real headline).
fn headline_line(text: &str) -> Option<(&str, &str)> {
    let (first, after) = first_headline_line(text)?;
    if shared_words(first, after).0 > 0 {
        return Some((first, after));
    }
    Some(headline_below_banner(after).unwrap_or((first, after)))
}

/// How many lines below a banner are searched for the real headline.
const MAX_LINES_BELOW_BANNER: usize = 3;

/// The first of the next few lines that is of headline shape and shares
/// most of its words with the text below it: the headline a banner line
/// stood above.
fn headline_below_banner(text: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let end = offset + line.len();
        offset = end;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        seen += 1;
        if seen > MAX_LINES_BELOW_BANNER {
            return None;
        }
        let after = text[end..].trim_start();
        if after.is_empty() || !is_headline(trimmed) || word_count(trimmed) < MIN_HEADLINE_WORDS {
            continue;
        }
        let (shared, words) = shared_words(trimmed, after);
        if shared >= 2 && shared * 2 >= words {
            return Some((trimmed, after));
        }
    }
    None
}

/// How much of the text below a line is compared with it.
const COMPARED_BYTES: usize = 3_000;

/// Of a line's words of four letters or more, how many occur in the start
/// of the text below it, and how many there are. A headline repeats words
/// of its article; page furniture does not.
fn shared_words(line: &str, below: &str) -> (usize, usize) {
    let mut cut = below.len().min(COMPARED_BYTES);
    while !below.is_char_boundary(cut) {
        cut -= 1;
    }
    let below: std::collections::HashSet<String> = long_words(&below[..cut]).collect();
    let words: Vec<String> = long_words(line).collect();
    let shared = words.iter().filter(|w| below.contains(*w)).count();
    (shared, words.len())
}

/// The lower-cased words of four letters or more.
fn long_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .map(str::to_lowercase)
}

/// The first line of headline shape, past a few navigation crumbs, that is
/// followed by more text.
fn first_headline_line(text: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    let mut skipped = 0;
    for line in text.split_inclusive('\n') {
        let end = offset + line.len();
        let trimmed = line.trim();
        offset = end;
        if trimmed.is_empty() {
            continue;
        }
        let after = text[end..].trim_start();
        if is_headline(trimmed) && word_count(trimmed) >= MIN_HEADLINE_WORDS {
            return (!after.is_empty()).then_some((trimmed, after));
        }
        skipped += 1;
        if skipped > MAX_SKIPPED_LINES || !is_headline(trimmed) {
            return None;
        }
    }
    None
}

fn word_count(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// How many leading lines of page furniture are dropped at most.
const MAX_FURNITURE_LINES: usize = 4;

/// A photo caption ending in an agency credit: "Philippe Coutinho during
/// pre-season (Getty)", "… (Photo by Jane Doe/Getty Images)".
static CREDITED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"(?i)\((?:[^()]*\b(?:getty|afp|reuters|shutterstock|alamy|pa images|photo by)\b[^()]*|pa|ap)\)\s*(?:getty images|getty|afp|reuters)?\s*$")
        .expect("valid caption pattern")
});

/// A line that opens with the BBC's video placeholder, glued to the
/// caption of the video it stands for.
const MEDIA_PLACEHOLDER: &str = "media playback is not supported on this device";

/// How many words with a capital glued after a small letter ("YearCheck",
/// "SurviveThis") make a line a run of menu items rather than a headline.
const MIN_GLUED_WORDS: usize = 2;

/// Drops the page furniture that text dumps keep above the article: share
/// and subscribe prompts, a credited photo caption, the BBC's video
/// placeholder, menu items run together. Stops at the first other line.
fn without_leading_furniture(text: &str) -> &str {
    let mut rest = text;
    for _ in 0..MAX_FURNITURE_LINES {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        let line = line.trim();
        if after.trim().is_empty() || !is_furniture(line) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// A byline alone on its line: "By Michael Shields", "By WND News Services".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'’-]*){0,4}$")
        .expect("valid byline pattern")
});

/// Section labels a text dump keeps above the headline ("Business" over
/// a story about a bank): a line that is only one of them is no headline.
const SECTION_LABELS: &[&str] = &[
    "business",
    "sport",
    "sports",
    "news",
    "world",
    "world news",
    "politics",
    "opinion",
    "technology",
    "tech",
    "entertainment",
    "health",
    "science",
    "football",
    "soccer",
    "economy",
    "markets",
    "finance",
    "money",
    "culture",
    "lifestyle",
    "uk news",
    "us news",
];

/// Whether a leading line is page furniture, not the article's.
fn is_furniture(line: &str) -> bool {
    SECTION_LABELS.contains(&line.to_lowercase().as_str())
        || is_boilerplate(line)
        || BYLINE.is_match(line)
        || CREDITED_CAPTION.is_match(line)
        || line.to_lowercase().starts_with(MEDIA_PLACEHOLDER)
        || glued_words(line) >= MIN_GLUED_WORDS
}

/// Words in which a capital follows a small letter ("YearCheck"): menu
/// items whose separators the text dump lost. Brand names such as
/// "iPhone" or "McDonald" count too, hence the threshold above one.
fn glued_words(line: &str) -> usize {
    line.split_whitespace()
        .filter(|word| {
            let chars: Vec<char> = word.chars().collect();
            chars
                .windows(2)
                .skip(1)
                .any(|pair| pair[0].is_lowercase() && pair[1].is_uppercase())
        })
        .count()
}

/// A publication time relative to the page view, glued to a headline by
/// the dump ("… For £60 million5 minutes ago").
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"(?i)\s*\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\s*$")
        .expect("valid relative time pattern")
});

/// The headline without a relative time stuck to its end.
fn without_relative_time(headline: &str) -> &str {
    match RELATIVE_TIME.find(headline) {
        Some(found) if found.start() > 0 => headline[..found.start()].trim_end(),
        _ => headline,
    }
}

/// Separators of a breadcrumb trail ("Home » Sport » …").
const CRUMB_SEPARATORS: &[char] = &['»', '›', '>', '|', '/'];

/// The headline without a breadcrumb trail the dump glued in front of it
/// ("Home » Declan Rice: Arsenal make third bid"): a line opening with
/// "Home" and a separator keeps what follows the trail's last separator.
fn without_breadcrumb(headline: &str) -> &str {
    let Some(after_home) = headline.strip_prefix("Home") else {
        return headline;
    };
    if !after_home.trim_start().starts_with(CRUMB_SEPARATORS) {
        return without_section_crumbs(headline, after_home);
    }
    // The trail ends at the last separator that stands between spaces, so
    // "24/7" or "A/B" in the headline itself is not a crumb.
    let last = headline
        .rmatch_indices(CRUMB_SEPARATORS)
        .find(|(at, sep)| {
            headline[..*at].ends_with(' ') && headline[at + sep.len()..].starts_with(' ')
        })
        .map(|(at, sep)| at + sep.len());
    match last {
        Some(end) if word_count(&headline[end..]) >= MIN_HEADLINE_WORDS => headline[end..].trim(),
        _ => headline,
    }
}

/// Words of a breadcrumb trail whose separators the dump lost ("Home News
/// and Interviews West Ham reject …"), besides the section labels.
const CRUMB_WORDS: &[&str] = &[
    "interviews",
    "transfers",
    "features",
    "analysis",
    "latest",
    "and",
    "&",
];

/// The headline without a trail of section names after "Home" that lost
/// its separators: "Home" must be followed by a section name ("Home
/// Office …" stays), and what is left must open with a capital and be
/// long enough for a headline.
fn without_section_crumbs<'a>(headline: &'a str, after_home: &'a str) -> &'a str {
    let mut rest = after_home.trim_start();
    let mut crumbs = 0;
    while let Some((word, after)) = rest.split_once(' ') {
        let word = word.to_lowercase();
        // The trail opens with a section name; "and", "Interviews" … only
        // continue it.
        let section = SECTION_LABELS.contains(&word.as_str());
        if !(section || crumbs > 0 && CRUMB_WORDS.contains(&word.as_str())) {
            break;
        }
        crumbs += 1;
        rest = after.trim_start();
    }
    let opens_with_capital = rest.chars().next().is_some_and(char::is_uppercase);
    if crumbs > 0 && opens_with_capital && word_count(rest) >= MIN_HEADLINE_WORDS {
        rest
    } else {
        headline
    }
}

/// What a leading date token said.
#[derive(Default)]
struct DateToken {
    time: Option<crate::ingest::time::ParsedTime>,
    /// A month-only date (`2022-08`): too vague for a timestamp, kept as text.
    partial: Option<String>,
}

/// Splits a leading `date YYYY-MM-DD` (or `date YYYY-MM`) token off the text.
fn split_date_token(text: &str) -> (DateToken, &str) {
    let trimmed = text.trim_start();
    let Some(after) = trimmed.strip_prefix("date") else {
        return (DateToken::default(), text);
    };
    if !after.starts_with([' ', '\t']) {
        return (DateToken::default(), text);
    }
    let after = after.trim_start();
    let token_end = after.find(char::is_whitespace).unwrap_or(after.len());
    let token = &after[..token_end];
    if let Some(time) = parse_time(token) {
        let parsed = DateToken {
            time: Some(time),
            partial: None,
        };
        return (parsed, &after[token_end..]);
    }
    if is_year_month(token) {
        let parsed = DateToken {
            time: None,
            partial: Some(token.to_string()),
        };
        return (parsed, &after[token_end..]);
    }
    (DateToken::default(), text)
}

fn is_year_month(token: &str) -> bool {
    let bytes = token.as_bytes();
    bytes.len() == 7
        && bytes[4] == b'-'
        && bytes[..4].iter().chain(&bytes[5..]).all(u8::is_ascii_digit)
        && matches!(
            &token[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

/// A headline is one short line that does not end like a sentence.
fn is_headline(line: &str) -> bool {
    let chars = line.chars().count();
    (3..=MAX_HEADLINE_CHARS).contains(&chars) && !line.ends_with(['.', ',', ';', ':'])
}

/// The first sentence of the text, trimmed, when it is of headline length.
fn first_sentence(text: &str) -> Option<String> {
    let paragraph = text.split("\n\n").next().unwrap_or(text);
    // The news-aware splitter keeps datelines ("WAYNE, Mich. (WXYZ) — …")
    // and abbreviations ("Inc. to", "Nov. 2") inside the sentence; it ends
    // every sentence at a line break, so the first line is all it reads.
    let line = paragraph.lines().find(|l| !l.trim().is_empty())?;
    let sentence = line[storyline_extract::sentences::sentences(line)
        .into_iter()
        .next()?]
    .trim();
    let sentence = without_glued_sentence(sentence);
    let sentence = if sentence.chars().count() > MAX_HEADLINE_CHARS {
        let cut: String = sentence.chars().take(MAX_HEADLINE_CHARS).collect();
        match cut.rfind(' ') {
            Some(space) => format!("{}…", &cut[..space]),
            None => cut,
        }
    } else {
        sentence.to_string()
    };
    (!sentence.is_empty()).then_some(sentence)
}

/// Words that open a sentence and, capitalised after a small letter in
/// the middle of a "sentence", show where a headline that lost its line
/// break ends: "… shore up the global banking system The $3.2 billion
/// rescue deal came …".
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "It", "He", "She", "They", "His", "Her", "Their", "This", "That", "These",
    "But", "After", "In", "On",
];

/// Fewest words a headline cut off this way keeps.
const MIN_GLUED_HEADLINE_WORDS: usize = 5;

/// The headline of a first "sentence" that is a headline glued to the
/// first sentence of the text: cut before a sentence opener that follows
/// a word ending in a small letter and precedes a word that does not open
/// with a capital ("system The $3.2 billion", but not "by The Times").
fn without_glued_sentence(sentence: &str) -> &str {
    let words: Vec<(usize, &str)> = sentence
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .collect();
    for i in MIN_GLUED_HEADLINE_WORDS..words.len().saturating_sub(1) {
        let before = words[i - 1].1;
        let (start, opener) = words[i];
        let after = words[i + 1].1;
        if before.chars().last().is_some_and(char::is_lowercase)
            && SENTENCE_OPENERS.contains(&opener)
            && after.chars().next().is_some_and(|c| !c.is_uppercase())
        {
            return sentence[..start].trim_end();
        }
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_label_above_the_text_is_no_headline() {
        let raw = parse(
            " date 2021-04-06 Business\n\nThe collapse of a hedge fund cost the bank $4.7 billion.\n\nMore.",
        )
        .unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("The collapse of a hedge fund cost the bank $4.7 billion.")
        );
        // A headline that merely starts with the word stays.
        let raw = parse("Business leaders back the bridge plan\n\nThe council agreed.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Business leaders back the bridge plan")
        );
    }

    #[test]
    fn a_dataset_note_of_sectioned_lists_is_not_an_article() {
        let note = "# Corpus notes\n\nOne line per fact.\n\n\
            ## ferry-strike\nCrews walk out.\n- 2024-03-01 — strike called: \"48 hours\" [a-1]\n\
            - 2024-03-02 — talks: \"5% raise\" [a-2]\n\n\
            ## bridge\n- 2024-04-01 — bridge shut [b-1]\n- 2024-04-09 — reopened [b-2]\n\n\
            ## election\n- 2024-05-01 — polls open [c-1]\n";
        assert!(matches!(
            refuse_document(note),
            Err(IngestErrorKind::NotAnArticle { sections: 3 })
        ));
    }

    #[test]
    fn an_article_with_subheadings_and_a_short_list_is_still_an_article() {
        let article = "Ferry crews strike for 48 hours\n\n\
            Crews walked out on Monday after talks on pay failed, the union said.\n\n\
            ## What the union wants\nA raise of 5% and new rosters, its leader said.\n\n\
            ## What the operator says\nThe operator called the strike unnecessary.\n\n\
            ## What travellers can do\n- Check the timetable.\n- Book the bridge bus.\n\
            Refunds will be paid to every ticket holder within a week.\n";
        assert!(refuse_document(article).is_ok());
        assert!(parse(article).is_ok());
    }

    #[test]
    fn date_token_and_first_sentence_title() {
        let raw = parse(" date 2020-09-23 AS Roma are preparing a second bid, according to the Guardian. The Serie A side are desperate.\n\nMore.").unwrap();
        assert_eq!(
            raw.published.unwrap().timestamp.to_string(),
            "2020-09-23T00:00:00Z"
        );
        assert_eq!(
            raw.title.as_deref(),
            Some("AS Roma are preparing a second bid, according to the Guardian.")
        );
        assert!(raw.body.starts_with("AS Roma are preparing"));
    }

    #[test]
    fn a_byline_and_a_credited_caption_are_not_the_headline() {
        let raw = parse(" date 2023-03-20 By Michael Shields\n\nSwitzerland’s UBS has agreed to buy rival Credit Suisse. Shares fell.\n\nMore.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Switzerland’s UBS has agreed to buy rival Credit Suisse.")
        );
        let raw = parse(" date 2023-10-26 Ford Motor Company logo (Photo by Justin Sullivan/Getty Images) getty images\n\nThe union reached a tentative agreement with Ford. It was Wednesday.\n\nMore.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("The union reached a tentative agreement with Ford.")
        );
    }

    #[test]
    fn a_headline_glued_to_the_first_sentence_is_cut_off() {
        let raw = parse(" date 2023-03-19 UBS buys Credit Suisse for $3.2 billion as regulators look to shore up the banking system The $3.2 billion rescue deal came after a weekend of talks.\n\nMore.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some(
                "UBS buys Credit Suisse for $3.2 billion as regulators look to shore up the banking system"
            )
        );
        assert!(raw.body.contains("The $3.2 billion rescue deal"));
        // A capitalised name after a small word is not a sentence start.
        let raw = parse("Roma are preparing a second bid, as reported by The Times and others on Sunday.\n\nMore.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Roma are preparing a second bid, as reported by The Times and others on Sunday.")
        );
    }

    #[test]
    fn short_first_line_is_the_headline() {
        let raw =
            parse("Ford, UAW Reach Tentative Deal\n\nThe union on Wednesday announced a deal.")
                .unwrap();
        assert_eq!(raw.title.as_deref(), Some("Ford, UAW Reach Tentative Deal"));
        assert_eq!(raw.body, "The union on Wednesday announced a deal.");
        assert!(raw.published.is_none());
    }

    #[test]
    fn a_share_prompt_and_a_credited_caption_are_neither_headline_nor_body() {
        let raw = parse(" date 2017-08-18 Share this article with Google Plus\n\nThe striker during pre-season (Getty)\n\nThe club have rejected a third bid for their striker. It was worth £114m.\n\nMore text.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("The club have rejected a third bid for their striker.")
        );
        assert!(raw.body.starts_with("The club have rejected"));
        assert!(!raw.body.contains("Share this"));
        assert!(!raw.body.contains("(Getty)"));
    }

    #[test]
    fn menu_items_run_together_are_skipped() {
        let raw = parse("Featured Now One School, One YearCheck Your Balance How We SurviveThis Is Uncomfortable\nUnion and carmaker reach a tentative deal\n\nThe workers left their jobs in September.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Union and carmaker reach a tentative deal")
        );
    }

    #[test]
    fn one_brand_name_with_a_capital_inside_is_still_a_headline() {
        let raw = parse("Apple unveils the iPhone 15 at its McDonald Hall event\n\nThe company showed four models.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Apple unveils the iPhone 15 at its McDonald Hall event")
        );
    }

    #[test]
    fn a_relative_time_glued_to_the_headline_is_cut() {
        let raw = parse("Liverpool sign a midfielder from Leipzig for £60 million5 minutes ago\n\nThe club confirmed the deal.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Liverpool sign a midfielder from Leipzig for £60 million")
        );
    }

    #[test]
    fn furniture_alone_is_kept_rather_than_an_empty_article() {
        let raw = parse("Share this article with Google Plus").unwrap();
        assert_eq!(raw.body, "Share this article with Google Plus");
    }

    #[test]
    fn navigation_crumbs_before_the_headline_are_skipped() {
        let raw = parse("Sports\nExpand / Collapse search\nUnited reject Dortmund offer for Sancho\n\nThe club said on Monday that the bid was too low.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("United reject Dortmund offer for Sancho")
        );
        assert!(raw.body.starts_with("The club said"));
    }

    #[test]
    fn a_breadcrumb_trail_glued_before_the_headline_is_cut() {
        let raw = parse("Home » Sport » Declan Rice: Arsenal make third bid for the midfielder\nArsenal have submitted a third bid.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Declan Rice: Arsenal make third bid for the midfielder")
        );
        let raw = parse(
            "Home Office opens inquiry into visa delays at ports\nThe inquiry opens on Monday.",
        )
        .unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Home Office opens inquiry into visa delays at ports")
        );
        let raw =
            parse("Home > News > Shops now open 24/7 in the city centre\nThe council agreed.")
                .unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Shops now open 24/7 in the city centre")
        );
    }

    #[test]
    fn a_breadcrumb_trail_without_separators_is_cut() {
        let raw = parse(" date 2023-06-20 Home News and Interviews West Ham reject Arsenal's £90m bid for Declan Rice\n\nArsenal have had their second bid rejected.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("West Ham reject Arsenal's £90m bid for Declan Rice")
        );
        // "Home" before a word that is no section name is the headline's own.
        let raw = parse("Home Secretary names new head of the border force\nThe appointment was announced on Monday.").unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Home Secretary names new head of the border force")
        );
        // Too little left after the trail: nothing is cut.
        let raw = parse("Home News Roundup today\nThe roundup follows.").unwrap();
        assert_eq!(raw.title.as_deref(), Some("Home News Roundup today"));
    }

    #[test]
    fn a_banner_above_the_headline_is_passed_over() {
        let page = "Tue 8 Oct 2024\n\n2024 newspaper of the year\n\n@ Contact us\n\n\
            Tory leadership results: who the final candidates are\n\n\
            Rishi Sunak and Liz Truss made the final two in the Tory leadership race; \
            the results of every round and the candidates who are left.";
        let raw = parse(page).unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("Tory leadership results: who the final candidates are")
        );
        assert!(raw.body.starts_with("Rishi Sunak"));
    }

    #[test]
    fn a_headline_in_other_words_than_its_article_stays() {
        // A feature headline sharing no word with its text is kept when no
        // line below it reads like a headline of the text.
        let page = "These aren't the droids you're looking for\n\n\
            Robots built in a garage now sort parcels for a courier firm.\n\nMore.";
        let raw = parse(page).unwrap();
        assert_eq!(
            raw.title.as_deref(),
            Some("These aren't the droids you're looking for")
        );
    }

    #[test]
    fn a_month_only_date_is_kept_as_text_not_invented() {
        let raw = parse(
            " date 2022-08 Real Madrid confirmed the signing on Friday. More text follows here.",
        )
        .unwrap();
        assert!(raw.published.is_none());
        assert_eq!(raw.extra["date"], "2022-08");
        assert!(raw.body.starts_with("Real Madrid"));
    }

    #[test]
    fn the_word_date_alone_is_text() {
        let raw = parse("date night ideas for the weekend").unwrap();
        assert!(raw.published.is_none());
        assert_eq!(raw.body, "date night ideas for the weekend");
    }

    #[test]
    fn a_date_token_with_nothing_after_it_has_no_text() {
        assert!(matches!(
            parse(" date 2020-09-23   \n"),
            Err(IngestErrorKind::NoText)
        ));
    }

    /// Lines a text dump may open with: banners, crumbs, headlines, text.
    fn dump_line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just("Home News and Interviews".to_string()),
            Just("Home » Sport »".to_string()),
            Just(" date 2023-06-20".to_string()),
            Just("2024 newspaper of the year".to_string()),
            Just("West Ham reject the £90m bid for Rice".to_string()),
            Just("Arsenal made a bid for Declan Rice.".to_string()),
            "\\PC{0,60}",
            "[a-zA-Zé€ ]{0,30}",
        ]
    }

    proptest::proptest! {
        /// Whatever a dump holds, reading it never panics, the body is a
        /// stretch of the text, and a headline is the text's own words
        /// (at most cut short with "…").
        #[test]
        fn any_dump_reads_into_its_own_words(
            lines in proptest::collection::vec(dump_line(), 0..8),
            breaks in proptest::collection::vec(proptest::prelude::any::<bool>(), 8),
        ) {
            let text: String = lines
                .iter()
                .zip(&breaks)
                .map(|(line, blank)| format!("{line}{}", if *blank { "\n\n" } else { "\n" }))
                .collect();
            if let Ok(raw) = parse(&text) {
                proptest::prop_assert!(text.contains(raw.body.as_str()));
                if let Some(title) = raw.title.as_deref() {
                    let title = title.strip_suffix('…').unwrap_or(title);
                    proptest::prop_assert!(text.contains(title), "{title:?} not in {text:?}");
                }
            }
        }
    }
}
