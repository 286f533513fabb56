//! The blocks that follow an article on its page: "You might also like",
//! "Related stories", "Lesen Sie auch", "Noticias relacionadas", a
//! comment section. The extractors sometimes keep the heading of such a
//! block and the teasers under it. A short line that is such a heading, in
//! the second half of the text, ends the article: it and everything after
//! it are dropped. Calls to follow or subscribe that close the text go
//! too ([`without_closing_calls`]).
//!
//! Measured (trafilatura-eval-dev / readability-pages F): short call
//! lines inside the text too, 0.9441 → 0.9444 / 0.9622 unchanged; the heading cut
//! 0.9408 → 0.9408 / 0.9594 → 0.9598; the closing calls 0.9421 → 0.9437
//! (5 unwanted segments fewer, none lost) / 0.9610 unchanged. Taking
//! "follow him" (an author's bio) and the networks' names alone as calls
//! cost readability-pages (0.9602, 0.9606), whose truth keeps bios and
//! sentences about Facebook.
//! "Other … columns/stories" headings ("Other Opinion Columns" above a
//! column's teasers): readability-pages 0.9609 → 0.9617 (P 0.9637 →
//! 0.9651, recall unchanged), trafilatura-eval-dev 0.9434 unchanged.

use regex::Regex;
use std::sync::LazyLock;

/// A heading is a short line.
const MAX_HEADING_CHARS: usize = 60;

/// Share of the text's characters that must come before the heading, so
/// that an article opening with such a line keeps its body.
const MIN_SHARE_BEFORE: f64 = 0.5;

/// Headings of the blocks after an article (the whole line, lowercase).
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(
        r"(?xi)^(?:
          # en
          you\s+(?:might|may)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|related(?:\s+(?:articles?|stories|posts?|news|content|coverage|reading|links))?
          |more\s+(?:stories|news|articles|posts)(?:\s+(?:from|on|about|like\s+this)\b.*)?|recommended(?:\s+(?:for\s+you|stories|articles|reading))?
          |read\s+next|what\s+to\s+read\s+next|trending(?:\s+(?:now|stories|news))?|most\s+(?:read|popular|viewed|shared)(?:\s+\w+)?
          |popular\s+(?:posts|stories|articles)|other\s+(?:\w+\s+)?(?:columns|stories|articles|news|posts|blogs)|latest\s+(?:news|stories|articles|posts)|leave\s+a\s+(?:reply|comment)|(?:\d+\s*)?comments|\d+\s*comment
          # de
          |ähnliche\s+(?:artikel|beiträge|themen|nachrichten)|das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren|weitere\s+(?:artikel|beiträge|nachrichten|meldungen|news)
          |mehr\s+zum\s+thema|lesen\s+sie\s+auch|auch\s+interessant|meistgelesen(?:e\s+artikel)?|beliebte\s+(?:artikel|beiträge)|verwandte\s+(?:artikel|beiträge)
          |kommentare(?:\s*\(\d+\))?|schreibe\s+einen\s+kommentar|kommentar\s+schreiben
          # es, pt, fr, it, pl
          |noticias\s+relacionadas|(?:artículos|notas)\s+relacionad[oa]s|(?:también\s+)?te\s+puede\s+interesar|lo\s+más\s+(?:leído|visto)|más\s+noticias|otras\s+noticias
          |comentarios|deja\s+(?:un|tu)\s+comentario|notícias\s+relacionadas|mais\s+lidas|veja\s+também|leia\s+também
          |à\s+lire\s+aussi|articles\s+similaires|sur\s+le\s+même\s+sujet|les\s+plus\s+lus|dans\s+la\s+même\s+rubrique|vous\s+aimerez\s+aussi|commentaires|laisser\s+un\s+commentaire
          |leggi\s+anche|articoli\s+correlati|potrebbe\s+interessarti|czytaj\s+(?:także|też)|zobacz\s+(?:także|też)|podobne\s+artykuły|najczęściej\s+czytane
        )\s*[:.!›»]*$",
    )
    .expect("valid heading pattern")
});

/// Calls to follow, subscribe or install an app, anywhere in a line.
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(
        r"(?i)\b(?:follow\s+(?:us|the)\b|sign\s+up|subscribe|suscr[ií]b|únete|abonnier|folgen\s+sie|join\s+us|download\s+(?:the|our)\b.*\bapps?\b|canal\s+de\s+(?:telegram|youtube|whatsapp)|newsletter)",
    )
    .expect("valid call-to-action pattern")
});

/// A closing call to action is a line at most this long.
const MAX_CALL_CHARS: usize = 300;

/// Inside the text, a call to action goes only when its line is at most
/// this long: a newsletter box between two paragraphs ("Get The Times of
/// Israel's Daily Edition by email … Free Sign Up") is a line of its own,
/// while a paragraph that mentions subscribers is longer. 120 and 200
/// measured the same on the tuning sets (trafilatura-eval-dev F 0.9441 →
/// 0.9444, readability-pages unchanged 0.9622); the shorter is kept.
const MAX_INNER_CALL_CHARS: usize = 120;

/// `text` without the calls to follow or subscribe that end it ("Follow
/// The Gleaner on Twitter and Instagram …", "Get the Daily Edition by
/// email … Sign Up"): trailing lines are dropped while they hold such a
/// call, and short lines that are such a call anywhere else.
pub fn without_closing_calls(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    while lines.len() > 1
        && lines
            .last()
            .is_some_and(|l| l.chars().count() <= MAX_CALL_CHARS && CALL_TO_ACTION.is_match(l))
    {
        lines.pop();
    }
    lines.retain(|l| !(l.chars().count() <= MAX_INNER_CALL_CHARS && CALL_TO_ACTION.is_match(l)));
    lines.join("\n")
}

/// `text` (paragraphs as lines) cut before a related-articles or comments
/// heading in its second half.
pub fn without_related_tail(text: &str) -> String {
    let total = text.chars().count() as f64;
    let mut before = 0usize;
    let mut end = text.len();
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if before as f64 >= total * MIN_SHARE_BEFORE
            && trimmed.chars().count() <= MAX_HEADING_CHARS
            && HEADING.is_match(trimmed)
        {
            end = offset;
            break;
        }
        before += line.chars().count();
        offset += line.len();
    }
    text[..end].trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The harbour bridge reopened on Monday after eight weeks of repairs.\nEngineers replaced corroded plates along the eastern span.\n";

    #[test]
    fn a_related_block_after_the_article_is_cut() {
        for heading in [
            "You Might Also Like",
            "Related stories:",
            "Lesen Sie auch",
            "12 Comments",
            "Other Opinion Columns",
        ] {
            let text = format!("{BODY}{heading}\nFerry strike called off");
            assert_eq!(without_related_tail(&text), BODY.trim_end(), "{heading}");
        }
    }

    #[test]
    fn closing_calls_to_follow_or_subscribe_go() {
        let text = format!(
            "{BODY}Follow The Gleaner on Twitter and Instagram.\nGet our Daily Edition by email. Free Sign Up"
        );
        assert_eq!(without_closing_calls(&text), BODY.trim_end());
        let text = format!("{BODY}She said she had left Facebook and Twitter for good.");
        assert_eq!(without_closing_calls(&text), text);
        let text = format!(
            "The bridge reopened on Monday.\nGet our Daily Edition by email. Free Sign Up\n{BODY}"
        );
        assert_eq!(
            without_closing_calls(&text),
            format!("The bridge reopened on Monday.\n{}", BODY.trim_end())
        );
        let long = format!(
            "{BODY}The paper said {} subscribers had signed up for its newsletter since May.\nThe end.",
            "many ".repeat(20)
        );
        assert_eq!(without_closing_calls(&long), long);
    }

    #[test]
    fn such_words_inside_the_article_or_at_its_start_stay() {
        let text = format!("Related\n{BODY}");
        assert_eq!(without_related_tail(&text), text.trim_end());
        let text = format!("{BODY}Related stories were read by many on Monday.\nMore.");
        assert_eq!(without_related_tail(&text), text);
    }
}
