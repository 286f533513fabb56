//! Where a claimed deal stands, read from its sentence's verbs: the
//! strongest status word that the sentence says happened. A word under a
//! negation ("have not been able to agree") or still to come ("plan to
//! reject the anticipated bid", "remained to be completed") says nothing
//! has happened yet, and is passed over for the next one.

use super::{ClaimStatus, contains_word};

/// Status words, strongest first.
const STATUS_CUES: &[(&str, ClaimStatus)] = &[
    ("rejected", ClaimStatus::Rejected),
    ("reject", ClaimStatus::Rejected),
    ("rejects", ClaimStatus::Rejected),
    ("snub", ClaimStatus::Rejected),
    ("turn down", ClaimStatus::Rejected),
    ("fell short", ClaimStatus::Rejected),
    ("turned down", ClaimStatus::Rejected),
    ("turns down", ClaimStatus::Rejected),
    ("turning down", ClaimStatus::Rejected),
    ("rejecting", ClaimStatus::Rejected),
    ("rebuff", ClaimStatus::Rejected),
    ("rebuffs", ClaimStatus::Rejected),
    ("snubs", ClaimStatus::Rejected),
    ("snubbed", ClaimStatus::Rejected),
    ("rebuffed", ClaimStatus::Rejected),
    ("knocked back", ClaimStatus::Rejected),
    ("too low", ClaimStatus::Rejected),
    ("accepted", ClaimStatus::Accepted),
    ("accept", ClaimStatus::Accepted),
    ("accepts", ClaimStatus::Accepted),
    ("accepting", ClaimStatus::Accepted),
    ("agreed", ClaimStatus::Accepted),
    ("agree", ClaimStatus::Accepted),
    ("agrees", ClaimStatus::Accepted),
    // "United confirmed the €100m fee", "the deal was finalised".
    ("confirmed", ClaimStatus::Accepted),
    ("confirms", ClaimStatus::Accepted),
    ("confirm", ClaimStatus::Accepted),
    ("finalised", ClaimStatus::Accepted),
    ("finalized", ClaimStatus::Accepted),
    ("agreement", ClaimStatus::Accepted),
    ("agreeing", ClaimStatus::Accepted),
    ("completed", ClaimStatus::Accepted),
    ("completing", ClaimStatus::Accepted),
    ("triggered", ClaimStatus::Accepted),
    ("confirmed the signing", ClaimStatus::Accepted),
    ("have signed", ClaimStatus::Accepted),
    ("has signed", ClaimStatus::Accepted),
    // "UBS is paying 3 billion Swiss francs for Credit Suisse": a price
    // being paid is agreed ("would be paying" is still to come).
    ("is paying", ClaimStatus::Accepted),
    ("are paying", ClaimStatus::Accepted),
    // "A bidding war resulted in a £115m fee": the fee a contest ended in
    // is settled (a race won: see `won_a_race`).
    ("resulted in", ClaimStatus::Accepted),
    ("being considered", ClaimStatus::Considering),
    ("considering", ClaimStatus::Considering),
    ("mulling", ClaimStatus::Considering),
    ("weighing", ClaimStatus::Considering),
    ("preparing", ClaimStatus::Planned),
    ("prepared", ClaimStatus::Planned),
    ("set to", ClaimStatus::Planned),
    ("ready to", ClaimStatus::Planned),
    ("planning", ClaimStatus::Planned),
    ("plan to", ClaimStatus::Planned),
    ("plans to", ClaimStatus::Planned),
    ("would table", ClaimStatus::Planned),
    ("will table", ClaimStatus::Planned),
    ("to table", ClaimStatus::Planned),
    ("could submit", ClaimStatus::Planned),
    ("will submit", ClaimStatus::Planned),
    ("poised", ClaimStatus::Planned),
    ("submitted", ClaimStatus::Made),
    ("made", ClaimStatus::Made),
    ("make", ClaimStatus::Made),
    ("put in", ClaimStatus::Made),
    ("tabled", ClaimStatus::Made),
    ("lodged", ClaimStatus::Made),
    ("launched", ClaimStatus::Made),
    ("offered", ClaimStatus::Made),
];

/// Words that, right before a status word, say it has not happened.
const NEGATIONS: &[&str] = &[
    "not",
    "cannot",
    "n't",
    "never",
    "failed to",
    "unable to",
    "yet to",
    "no",
    "remained to be",
    "remain to be",
    "remains to be",
    "still to be",
];

/// Words that, right before a status word, call the deal off: "moved to
/// terminate the merger agreement" (matched as word endings, so that a
/// borrowed verb with a prefix, "tine-terminate", counts too).
const CALLED_OFF: &[&str] = &[
    "terminate",
    "terminated",
    "terminating",
    "cancel",
    "cancelled",
    "scrap",
    "scrapped",
    "abandon",
    "abandoned",
];

/// Words that, right before a rejection or an acceptance, make it a plan
/// or an expectation: "plan to reject", "set to reject", "expected to be
/// turned down", "will be formally agreed".
const PROSPECTS: &[&str] = &[
    "plan to",
    "plans to",
    "planning to",
    "set to",
    "expected to",
    "expected to be",
    "likely to",
    "likely to be",
    "poised to",
    "ready to",
    "willing to",
    "prepared to",
    "will",
    "will be",
    "would",
    "would be",
];

/// The status a sentence (lowercased) gives its deal figures: the
/// strongest status word that is neither negated nor still to come.
pub(super) fn sentence_status(lower: &str) -> Option<ClaimStatus> {
    STATUS_CUES
        .iter()
        .find(|(cue, status)| {
            contains_word(lower, cue)
                && !negated(lower, cue)
                && !(matches!(status, ClaimStatus::Rejected | ClaimStatus::Accepted)
                    && prospective(lower, cue))
        })
        .map(|(_, status)| *status)
        .or_else(|| won_a_race(lower).then_some(ClaimStatus::Accepted))
}

/// Nouns of a contest for a player that a club wins by signing him.
const RACES: &[&str] = &["race", "battle", "chase", "scramble"];

/// How many words after "won the" the contest's noun may come ("won the
/// £51million race").
const RACE_REACH: usize = 3;

/// Whether a sentence (lowercased) says a club won the race for a player:
/// "City won the £51million race for Haaland" (a deal done).
fn won_a_race(lower: &str) -> bool {
    lower.match_indices("won the").any(|(at, cue)| {
        is_word_start(lower, at)
            && !negated(lower, cue)
            && lower[at + cue.len()..]
                .split_whitespace()
                .take(RACE_REACH)
                .any(|w| RACES.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
    })
}

/// Whether `at` starts a word of `text`.
fn is_word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Openings of a sentence that go on telling the deal of the sentence
/// before: "The deal will see United pay a guaranteed €95m".
const CONTINUING_OPENINGS: &[&str] = &[
    "the deal",
    "the agreement",
    "the terms of the deal",
    "the terms of the agreement",
    "the transfer",
];

/// The status of a sentence (lowercased) that opens by going on about the
/// deal of the sentence before (`previous`, as written) and says nothing
/// of its own: the agreement that sentence reports ("Everton have reached
/// an agreement with Leeds. The deal will see Everton pay £30m" is an
/// accepted fee). Only an acceptance carries over: an offer's sentence
/// after a rejection tells of the next bid as often as of the one turned
/// down.
pub(super) fn continued_agreement(lower: &str, previous: &str) -> Option<ClaimStatus> {
    let opens = CONTINUING_OPENINGS.iter().any(|opening| {
        lower
            .strip_prefix(opening)
            .is_some_and(|rest| rest.starts_with(' '))
    });
    (opens && sentence_status(&previous.to_lowercase()) == Some(ClaimStatus::Accepted))
        .then_some(ClaimStatus::Accepted)
}

/// Words that put a figure up for comparison: "exceeding the £72m Arsenal
/// paid", "would outstrip Liverpool's previous record of £85m".
const COMPARISONS: &[&str] = &[
    "exceed",
    "exceeds",
    "exceeding",
    "surpass",
    "surpasses",
    "surpassing",
    "eclipse",
    "eclipses",
    "eclipsing",
    "outstrip",
    "outstrips",
    "outstripping",
    "previous",
];

/// How many words before a figure a comparison word may stand.
const COMPARISON_REACH: usize = 5;

/// Whether the words right before a figure (`before`, lowercased) compare
/// it with this deal: a record or an earlier deal told for comparison is
/// done and is no part of this one, whatever the sentence's verbs say.
pub(super) fn told_for_comparison(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(COMPARISON_REACH)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .any(|w| COMPARISONS.contains(&w))
}

/// Whether a sentence (lowercased) says a release clause was paid: "after
/// the champions triggered his £100 million release clause".
pub(super) fn clause_triggered(lower: &str) -> bool {
    contains_word(lower, "triggered")
        && !negated(lower, "triggered")
        && !prospective(lower, "triggered")
}

/// Whether a sentence (lowercased) says a payment was made: "City paid
/// an initial €60m to release Haaland from his contract".
pub(super) fn paid(lower: &str) -> bool {
    contains_word(lower, "paid") && !negated(lower, "paid") && !prospective(lower, "paid")
}

/// Words that, opening the clause of a status word, deny it of part or
/// all of what the clause names: "not all of the bonuses have been
/// triggered", "none of the offers was accepted".
const CLAUSE_DENIALS: &[&str] = &["not all", "none of", "neither of", "no part of"];

/// True when every occurrence of `cue` is negated: "have not been able to
/// agree a fee" says nothing was agreed.
fn negated(lower: &str, cue: &str) -> bool {
    lower.match_indices(cue).all(|(at, _)| {
        let before: Vec<&str> = lower[..at].split_whitespace().rev().take(5).collect();
        denied_by_clause(&lower[..at])
            || before
                .iter()
                .take(4)
                .any(|w| NEGATIONS.contains(w) || w.ends_with("n't"))
            || before
                .iter()
                .any(|w| CALLED_OFF.iter().any(|c| w.ends_with(c)))
            || NEGATIONS
                .iter()
                .filter(|n| n.contains(' '))
                .any(|n| ends_with_words(&lower[..at], n))
    })
}

/// Whether the clause that ends at the end of `before` (from the last
/// comma, semicolon, "and" or "but") opens with a denial
/// (`CLAUSE_DENIALS`).
fn denied_by_clause(before: &str) -> bool {
    let clause_start = [",", ";", " and ", " but ", " although ", " while "]
        .iter()
        .filter_map(|mark| before.rfind(mark).map(|at| at + mark.len()))
        .max()
        .unwrap_or(0);
    let clause = before[clause_start..].trim_start();
    CLAUSE_DENIALS.iter().any(|denial| {
        clause
            .strip_prefix(denial)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// True when every occurrence of `cue` directly follows a word of plan or
/// expectation (`PROSPECTS`), an adverb allowed between ("will be
/// formally agreed").
fn prospective(lower: &str, cue: &str) -> bool {
    lower.match_indices(cue).all(|(at, _)| {
        let before = lower[..at].trim_end();
        let without_adverb = before
            .rsplit_once(' ')
            .filter(|(_, last)| last.ends_with("ly"))
            .map_or(before, |(rest, _)| rest);
        PROSPECTS
            .iter()
            .any(|p| ends_with_words(before, p) || ends_with_words(without_adverb, p))
    })
}

/// Whether `text` ends with the whole words `words`.
fn ends_with_words(text: &str, words: &str) -> bool {
    let text = text.trim_end();
    text.strip_suffix(words)
        .is_some_and(|rest| rest.chars().last().is_none_or(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(sentence: &str) -> Option<ClaimStatus> {
        sentence_status(&sentence.to_lowercase())
    }

    #[test]
    fn a_rejection_still_planned_is_not_a_rejection() {
        assert_eq!(
            status("Leeds plan to reject the expected £30m bid from Everton."),
            Some(ClaimStatus::Planned)
        );
        assert_eq!(
            status("Leeds have rejected a £30m bid from Everton."),
            Some(ClaimStatus::Rejected)
        );
        assert_eq!(
            status("The £30m offer is expected to be turned down by Leeds."),
            None
        );
    }

    #[test]
    fn what_remains_to_be_done_is_not_done() {
        assert_eq!(
            status("Everton made a £30m offer and only the paperwork remained to be completed."),
            Some(ClaimStatus::Made)
        );
    }

    #[test]
    fn agreements_and_signings_are_accepted_deals() {
        for sentence in [
            "Everton have reached an agreement with Leeds worth £30m.",
            "Everton have signed the Leeds winger for £30m.",
        ] {
            assert_eq!(status(sentence), Some(ClaimStatus::Accepted), "{sentence}");
        }
        assert_eq!(
            status("There is still no agreement over the £30m fee."),
            None
        );
        assert_eq!(
            status("Everton moved to terminate the £30m merger agreement."),
            None
        );
    }

    #[test]
    fn a_price_being_paid_or_a_race_won_is_accepted() {
        assert_eq!(
            status("Northwind is paying 3 billion francs for Southgate."),
            Some(ClaimStatus::Accepted)
        );
        assert_eq!(
            status("Everton won the £30m race for the winger."),
            Some(ClaimStatus::Accepted)
        );
        // A title won says nothing of a bid.
        assert_eq!(
            status("Everton, who won the league, bid £30m for the winger."),
            None
        );
        assert_eq!(
            status("A bidding war resulted in a £30m fee."),
            Some(ClaimStatus::Accepted)
        );
        assert_eq!(
            status("Everton confirm the £30m signing of the winger."),
            Some(ClaimStatus::Accepted)
        );
        // Still to come, or denied: nothing settled.
        assert_eq!(status("Everton would be paying £30m for the winger."), None);
        assert_eq!(status("Everton are not paying £30m for the winger."), None);
        assert_eq!(
            status("Everton are expected to confirm the £30m signing."),
            None
        );
    }

    #[test]
    fn a_bid_put_in_is_made() {
        assert_eq!(
            status("Everton put in a bid of £30m for the winger."),
            Some(ClaimStatus::Made)
        );
    }

    #[test]
    fn a_deal_agreed_or_to_be_tabled() {
        assert_eq!(
            status("Leeds are still pushing despite Everton agreeing a £30m deal."),
            Some(ClaimStatus::Accepted)
        );
        assert_eq!(
            status("Everton would table an offer worth £30m."),
            Some(ClaimStatus::Planned)
        );
    }

    #[test]
    fn the_deal_of_an_agreement_told_in_the_sentence_before() {
        let agreed = "Everton have reached an agreement with Leeds for the winger.";
        assert_eq!(
            continued_agreement(
                "the deal will see everton pay £25m, plus £5m in add-ons.",
                agreed
            ),
            Some(ClaimStatus::Accepted)
        );
        // A sentence of another subject, or after no agreement, says nothing.
        assert_eq!(
            continued_agreement("leeds will receive £25m, plus £5m in add-ons.", agreed),
            None
        );
        assert_eq!(
            continued_agreement(
                "the deal would see everton pay £25m.",
                "Leeds rejected Everton's first offer."
            ),
            None
        );
        assert_eq!(continued_agreement("the dealer paid £25m.", agreed), None);
    }

    #[test]
    fn a_clause_that_denies_part_of_the_deal() {
        assert_eq!(
            status("The initial fee was £30m, and not all of the bonuses have been triggered."),
            None
        );
        assert_eq!(
            status("None of the three offers worth up to £30m was accepted."),
            None
        );
        assert_eq!(
            status("Leeds, who wanted more, accepted the £30m offer."),
            Some(ClaimStatus::Accepted)
        );
    }

    #[test]
    fn a_figure_told_for_comparison() {
        assert!(told_for_comparison(
            "the fee would outstrip everton's previous record of "
        ));
        assert!(told_for_comparison("a £30m bid, exceeding the "));
        assert!(!told_for_comparison("everton have agreed a club-record "));
    }

    #[test]
    fn a_triggered_clause_was_paid() {
        assert!(clause_triggered(
            "everton triggered his £30m release clause"
        ));
        assert!(!clause_triggered(
            "no club has triggered his £30m release clause"
        ));
        assert!(!clause_triggered(
            "leeds agreed to insert a £30m release clause"
        ));
    }
}
