//! Plain text articles, as stored by web-page text dumps: an optional
//! ` date YYYY-MM-DD` token first (seed 004), then the text. A short first
//! line without final punctuation is the headline; otherwise the first
//! sentence is.

use crate::error::IngestErrorKind;
use crate::ingest::raw::RawArticle;
use crate::ingest::time::parse_time;
use crate::model::SourceFormat;
use unicode_segmentation::UnicodeSegmentation;

/// Longest first line still taken for a headline.
const MAX_HEADLINE_CHARS: usize = 200;

/// Reads a plain-text article.
pub fn parse(text: &str) -> Result<RawArticle, IngestErrorKind> {
    let (published, rest) = split_date_token(text);
    let rest = rest.trim_start();
    if rest.trim().is_empty() {
        return Err(IngestErrorKind::NoText);
    }
    let mut raw = RawArticle::new(SourceFormat::PlainText, String::new());
    raw.published = published;
    let first_line = rest.lines().next().unwrap_or_default().trim();
    let after_first_line = rest[rest.find('\n').unwrap_or(rest.len())..].trim_start();
    if is_headline(first_line) && !after_first_line.is_empty() {
        raw.title = Some(first_line.to_string());
        raw.body = after_first_line.to_string();
    } else {
        raw.title = first_sentence(rest);
        raw.body = rest.to_string();
    }
    Ok(raw)
}

/// Splits a leading `date YYYY-MM-DD` token off the text.
fn split_date_token(text: &str) -> (Option<crate::ingest::time::ParsedTime>, &str) {
    let trimmed = text.trim_start();
    let Some(after) = trimmed.strip_prefix("date") else {
        return (None, text);
    };
    if !after.starts_with([' ', '\t']) {
        return (None, text);
    }
    let after = after.trim_start();
    let token_end = after.find(char::is_whitespace).unwrap_or(after.len());
    match parse_time(&after[..token_end]) {
        Some(time) => (Some(time), &after[token_end..]),
        None => (None, text),
    }
}

/// A headline is one short line that does not end like a sentence.
fn is_headline(line: &str) -> bool {
    let chars = line.chars().count();
    (3..=MAX_HEADLINE_CHARS).contains(&chars) && !line.ends_with(['.', ',', ';', ':'])
}

/// The first sentence of the text, trimmed, when it is of headline length.
fn first_sentence(text: &str) -> Option<String> {
    let paragraph = text.split("\n\n").next().unwrap_or(text);
    let sentence = paragraph.unicode_sentences().next()?.trim();
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn short_first_line_is_the_headline() {
        let raw =
            parse("Ford, UAW Reach Tentative Deal\n\nThe union on Wednesday announced a deal.")
                .unwrap();
        assert_eq!(raw.title.as_deref(), Some("Ford, UAW Reach Tentative Deal"));
        assert_eq!(raw.body, "The union on Wednesday announced a deal.");
        assert!(raw.published.is_none());
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
}
