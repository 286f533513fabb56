//! Who said it: the source a sentence credits ("according to Corriere dello
//! Sport", "Sky Sports Italia reports", "reports the Guardian", "told
//! BBC Sport"). Sources are the capitalized names next to a reporting cue.

use crate::entities::{EntityKind, Mention, find_mentions, office_start};
use serde::Serialize;
use std::ops::Range;

/// A credited source in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The source as written (`Corriere dello Sport`, `the Guardian`).
    pub source: String,
    /// The cue that credits it (`according to`, `reports`).
    pub cue: String,
    /// Byte span of the source in the text.
    pub span: Range<usize>,
}

/// Cues placed before the source: "according to X".
const CUES_BEFORE: &[&str] = &[
    "according to",
    "reports",
    "reported by",
    "as reported by",
    "says",
    "claims",
    "per",
    "via",
    "told",
    "writes",
    "revealed by",
    "confirmed by",
    "claimed by",
    "quoted by",
    "in an interview with",
    "speaking to",
    "cited by",
    // French and Spanish "according to": "Selon Fabrizio Romano, l'Ajax …".
    "selon",
    "según",
];

/// Cues placed after the source: "X reports".
const CUES_AFTER: &[&str] = &[
    "has reported",
    "have reported",
    "is reporting",
    "are reporting",
    "reports",
    "reported",
    "report",
    "claims",
    "claimed",
    "claim",
    "says",
    "said",
    "understands",
    "understand",
    "revealed",
    "reveals",
    "confirmed",
    "confirms",
    "suggests",
    "suggested",
    "writes",
    "wrote",
    "has learned",
    "have learned",
    "has learnt",
    "can reveal",
    "states",
    "stated",
    "adds",
    "added",
    "insists",
    "insisted",
];

/// Cues of speech rather than of a report: "Dortmund said in a statement",
/// "Grealish told BBC Sport". They credit one statement, while a report
/// credit ("according to the Guardian", "Sky Sports Italia reports")
/// vouches for the article built on it.
const SPEECH_CUES: &[&str] = &[
    "says",
    "said",
    "told",
    "adds",
    "added",
    "insists",
    "insisted",
    "states",
    "stated",
    "confirmed",
    "confirms",
    "confirmed by",
    "quoted by",
    "in an interview with",
    "speaking to",
];

impl Attribution {
    /// Whether the credit is a quoted statement ("X said") rather than a
    /// report or unnamed sources: it covers its own sentence, not the
    /// figures around it.
    pub fn is_statement(&self) -> bool {
        SPEECH_CUES.contains(&self.cue.as_str())
    }
}

/// Words that are never a source on their own.
const NOT_SOURCES: &[&str] = &["Sources", "Reports", "Reporters"];

/// Nouns that may stand between a cue and its source: "according to
/// Italian outlet Corriere dello Sport".
const DESCRIPTORS: &[&str] = &[
    // "according to a report in India Today"; not the plural: "according
    // to reports in Spain" names where, not who.
    "report",
    "article",
    "interview",
    "outlet",
    "newspaper",
    "paper",
    "publication",
    "journalist",
    "reporter",
    "daily",
    "website",
    "broadcaster",
    "site",
    "insider",
    "expert",
    "guru",
    "channel",
    "radio",
    "magazine",
    "agency",
    "tabloid",
    "correspondent",
    "columnist",
    "network",
    "tv",
    "station",
];

/// Phrases that credit unnamed sources ("Sources claim", "it is understood").
const ANONYMOUS_CUES: &[&str] = &[
    "sources claim",
    "sources say",
    "sources said",
    "sources have told",
    "sources close to",
    "sources suggest",
    "according to sources",
    "according to reports",
    "it is understood",
    "it is believed",
    "it is claimed",
    "reports claim",
    "reports suggest",
    "reportedly",
];

/// The name [`find_source`] gives unnamed sources.
pub const ANONYMOUS: &str = "anonymous";

/// The source `sentence` credits: the first named one, else [`ANONYMOUS`]
/// when it cites unnamed sources ("Sources claim …", "… reportedly …"),
/// else `None`.
pub fn find_source(sentence: &str) -> Option<Attribution> {
    if let Some(named) = find_attributions(sentence).into_iter().next() {
        return Some(named);
    }
    let lower = sentence.to_lowercase();
    ANONYMOUS_CUES.iter().find_map(|cue| {
        let at = lower.find(cue)?;
        let bounded = lower[..at]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric())
            && lower[at + cue.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        (bounded && lower.len() == sentence.len()).then(|| Attribution {
            source: ANONYMOUS.to_string(),
            cue: (*cue).to_string(),
            span: at..at + cue.len(),
        })
    })
}

/// Finds the sources credited in `sentence`.
pub fn find_attributions(sentence: &str) -> Vec<Attribution> {
    let mut found: Vec<Attribution> = Vec::new();
    for mention in find_mentions(sentence) {
        if NOT_SOURCES.contains(&mention.text.as_str()) {
            continue;
        }
        // "Duisburg emergency services", "Berlin police": a name before the
        // body that speaks is part of the source.
        let end = speaking_body_end(sentence, mention.span.end);
        let before = sentence[..mention.span.start].to_lowercase();
        let after = sentence[end..].to_lowercase();
        let after = after
            .trim_start_matches(['\'', '’'])
            .trim_start_matches(',')
            .trim_start();
        // An outlet's article belongs to its name: "the Guardian".
        let the_start = mention.span.start.checked_sub("the ".len());
        let cue = CUES_BEFORE
            .iter()
            .filter_map(|cue| {
                let at = before.rfind(cue)?;
                let gap = before[at + cue.len()..].trim_matches([' ', ',', ':']);
                let gap_words: Vec<&str> = gap.split_whitespace().collect();
                let fits = word_boundary_before(&before[..at + cue.len()], cue)
                    && (gap_words.is_empty()
                        || gap_words == ["the"]
                        || (gap_words.len() <= 4
                            && gap_words.iter().any(|w| DESCRIPTORS.contains(w))));
                fits.then_some(*cue)
            })
            .max_by_key(|cue| cue.len())
            .filter(|cue| {
                // "via Croydon" is a route and "ISIS claims Las Vegas
                // attack" names a target: a place is credited only by
                // "according to" or as a speaking body.
                let place_alone = mention.kind == EntityKind::Place
                    && end == mention.span.end
                    && !cue.starts_with("according");
                // "Chart on phone image via Shutterstock": a picture credit.
                let picture = *cue == "via"
                    && before
                        .trim_end()
                        .strip_suffix("via")
                        .and_then(|b| b.split_whitespace().last())
                        .is_some_and(|w| PICTURE_WORDS.contains(&w));
                // "import wallpapers via USB", "said via Twitter": a channel
                // carries the words; it is no source of them.
                let channel = *cue == "via" && CHANNELS.contains(&mention.text.as_str());
                !place_alone && !picture && !channel
            })
            .or_else(|| {
                CUES_AFTER
                    .iter()
                    .find(|cue| after.starts_with(*cue) && word_boundary_after(after, cue))
                    .copied()
                    .filter(|_| !place_in_the_speakers_phrase(&mention, &before))
            });
        let Some(cue) = cue else { continue };
        let span = match the_start {
            Some(start)
                if sentence.is_char_boundary(start)
                    && sentence[start..mention.span.start].eq_ignore_ascii_case("the ") =>
            {
                start..mention.span.end
            }
            _ => office_start(sentence, mention.span.start)..mention.span.end,
        };
        // "according to the Bloomberg Billionaire's Index": the name goes on
        // past a possessive into the capitalized words that follow it.
        let span = span.start..possessive_tail(sentence, span.end.max(end));
        found.push(Attribution {
            source: sentence[span.clone()].to_string(),
            cue: cue.to_string(),
            span,
        });
    }
    found
}

/// Bodies that speak for a place or an organization named before them
/// ("Duisburg emergency services", "Berlin police", "Chinese state media").
const SPEAKING_BODIES: &[&str] = &[
    "police",
    "officials",
    "authorities",
    "services",
    "prosecutors",
    "government",
    "ministry",
    "council",
    "media",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "officers",
    "firefighters",
];

/// Channels and connections named after "via": what they carry comes from
/// someone else.
const CHANNELS: &[&str] = &[
    "USB",
    "Bluetooth",
    "Wi-Fi",
    "WiFi",
    "HDMI",
    "NFC",
    "Skype",
    "Zoom",
    "FaceTime",
    "WhatsApp",
    "Twitter",
    "X",
    "Instagram",
    "Facebook",
    "YouTube",
    "TikTok",
    "Telegram",
    "Snapchat",
    "LinkedIn",
    "Email",
    "Satellite",
];

/// Words before "via" that make what follows a picture's credit.
const PICTURE_WORDS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "picture",
    "pictures",
    "chart",
    "graphic",
    "illustration",
    "footage",
    "video",
];

/// The end of the source that a name at `end` opens when one or two lower-case
/// words after it close on a speaking body ("Duisburg emergency services
/// said"), else `end`.
fn speaking_body_end(sentence: &str, end: usize) -> usize {
    let mut at = end;
    let mut found = end;
    for _ in 0..2 {
        let rest = &sentence[at..];
        let Some(word_start) = rest.strip_prefix(' ').map(|_| at + 1) else {
            break;
        };
        let word_len = sentence[word_start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(sentence.len() - word_start);
        let word = &sentence[word_start..word_start + word_len];
        if word.is_empty() || !word.chars().all(char::is_lowercase) {
            break;
        }
        at = word_start + word_len;
        if SPEAKING_BODIES.contains(&word) {
            found = at;
            break;
        }
    }
    found
}

/// True when `mention` is a place inside the phrase that names the speaker
/// ("a family in the suburbs of New York City said", "officials in Beijing
/// said"): the speaker is the phrase's head, not the place. `before` is
/// the sentence before the mention, lowercased.
fn place_in_the_speakers_phrase(mention: &Mention, before: &str) -> bool {
    mention.kind == EntityKind::Place
        && before
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| matches!(w, "in" | "of" | "from" | "near" | "outside" | "around"))
}

/// The end of a name that continues past a possessive into capitalized
/// words ("Bloomberg Billionaire's Index"), or `end` when it does not.
fn possessive_tail(sentence: &str, end: usize) -> usize {
    let rest = &sentence[end..];
    let Some(after) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("\u{2019}s "))
    else {
        return end;
    };
    let mut offset = sentence.len() - after.len();
    let mut extended = end;
    for word in after.split(' ') {
        let name = word.trim_end_matches([',', '.', ';', ':', ')']);
        if !name.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        extended = offset + name.len();
        if name.len() < word.len() {
            // Punctuation ends the name.
            break;
        }
        offset += word.len() + 1;
    }
    extended
}

fn word_boundary_before(text: &str, cue: &str) -> bool {
    text.len() == cue.len()
        || text[..text.len() - cue.len()]
            .chars()
            .last()
            .is_some_and(|c| !c.is_alphanumeric())
}

fn word_boundary_after(text: &str, cue: &str) -> bool {
    text[cue.len()..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_named_with_a_possessive_keeps_its_whole_name() {
        let found = find_source(
            "Musk is worth about $260 billion according to the Bloomberg Billionaire\u{2019}s Index, compared to Twitter.",
        )
        .unwrap();
        assert_eq!(found.source, "the Bloomberg Billionaire\u{2019}s Index");
        let plain =
            find_source("Roma are preparing a bid, according to the Guardian's report.").unwrap();
        assert_eq!(plain.source, "the Guardian");
    }

    #[test]
    fn a_statement_is_told_from_a_report_credit() {
        let said = find_source("In a statement, Dortmund said the add-ons were agreed.").unwrap();
        assert!(said.is_statement(), "{said:?}");
        let report = find_source("Roma are preparing a bid, according to the Guardian.").unwrap();
        assert!(!report.is_statement(), "{report:?}");
    }

    fn sources(sentence: &str) -> Vec<String> {
        find_attributions(sentence)
            .into_iter()
            .map(|a| a.source)
            .collect()
    }

    #[test]
    fn credits_before_and_after_the_source() {
        assert_eq!(
            sources(
                "Roma remain keen and according to Italian outlet Corriere dello Sport, their offer is being considered."
            ),
            ["Corriere dello Sport"]
        );
        assert_eq!(
            sources("Roma have made a bid of £18million, according to Sky Sports Italia."),
            ["Sky Sports Italia"]
        );
        assert_eq!(
            sources("AS Roma are preparing a second bid, according to the Guardian."),
            ["the Guardian"]
        );
        assert_eq!(
            sources("The Athletic reports that City are ready."),
            ["The Athletic"]
        );
        assert_eq!(
            sources(
                "According to a report in India Today, at least 5,000 bodies were buried in Maras."
            ),
            ["India Today"]
        );
        assert!(sources("Barcelona bid £116m, according to reports in Spain.").is_empty());
        assert_eq!(
            sources("Fonseca told Sky Italia he wants him."),
            ["Sky Italia"]
        );
    }

    #[test]
    fn a_source_is_quoted_with_the_office_written_before_the_name() {
        assert_eq!(
            sources("House Speaker Paul Ryan said the bill would pass."),
            ["House Speaker Paul Ryan"]
        );
        assert_eq!(
            sources("The vote was close, the CEO of SpaceX said on Friday."),
            ["CEO of SpaceX"]
        );
    }

    #[test]
    fn a_place_in_the_speakers_phrase_is_not_the_source() {
        assert!(
            sources(
                "A family in the suburbs of New York City said five of the dead were relatives."
            )
            .is_empty()
        );
        assert_eq!(
            sources("Costa Rica said the pilots were experienced."),
            ["Costa Rica"]
        );
    }

    #[test]
    fn a_body_speaking_for_a_place_is_the_source_and_a_route_is_none() {
        assert_eq!(
            sources("According to Duisburg emergency services, the operator offered hotels."),
            ["Duisburg emergency services"]
        );
        assert_eq!(
            sources("The zones will be staffed, Berlin police said."),
            ["Berlin police"]
        );
        assert!(sources("Trains run to Boston via Chicago.").is_empty());
        assert!(sources("ISIS claims Las Vegas attack").is_empty());
        assert!(sources("Chart on phone image via Shutterstock").is_empty());
        assert!(sources("You can import custom wallpapers via USB.").is_empty());
        assert!(sources("The coach announced his exit via Twitter.").is_empty());
        assert_eq!(
            sources("The figures came via CoinDesk on Monday."),
            ["CoinDesk"]
        );
    }

    #[test]
    fn names_without_a_cue_are_not_sources() {
        assert!(sources("Roma are losing patience with Manchester United.").is_empty());
        assert!(sources("Sources claim the Italian club are ready.").is_empty());
    }

    #[test]
    fn unnamed_sources_are_anonymous() {
        let source = |s: &str| find_source(s).map(|a| a.source);
        assert_eq!(
            source("Sources claim the Italian club are ready.").as_deref(),
            Some(ANONYMOUS)
        );
        assert_eq!(
            source("Roma's current offer is reportedly valid for 48 hours.").as_deref(),
            Some(ANONYMOUS)
        );
        assert_eq!(
            source("Roma have made a bid, according to Sky Sports Italia.").as_deref(),
            Some("Sky Sports Italia")
        );
        assert_eq!(source("Roma are losing patience."), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,120}") {
            let _ = find_source(&text);
            for a in find_attributions(&text) {
                proptest::prop_assert_eq!(&text[a.span.clone()], a.source.as_str());
            }
        }
    }
}
