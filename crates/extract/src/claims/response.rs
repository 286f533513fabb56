//! The side that answers a bid. "Liverpool have rejected a third bid from
//! Barcelona", "the Merseyside club instantly snubbed the offer", "West Ham
//! accepted the bid": the club that turns a bid down or accepts it is the
//! one selling. It is the other side of the bid (and of the fee), and the
//! holder of the price it holds out for; read as the bid's holder, the
//! seller's name would chart the buyer's bids as the seller's.

/// Words that may stand between the answering club and its verb:
/// auxiliaries, adverbs and the noun of a descriptive name ("the Merseyside
/// club").
const FILLERS: &[&str] = &[
    "have",
    "has",
    "had",
    "already",
    "also",
    "now",
    "then",
    "reportedly",
    "instantly",
    "swiftly",
    "quickly",
    "promptly",
    "flatly",
    "firmly",
    "duly",
    "club",
    "side",
];

/// Verbs of a seller answering a bid, as they follow the seller's name.
const ANSWERS: &[&str] = &[
    "rejected",
    "reject",
    "rejects",
    "turned down",
    "turn down",
    "turns down",
    "snubbed",
    "snub",
    "snubs",
    "rebuffed",
    "knocked back",
    "dismissed",
    "refused",
    "accepted",
    "accept",
    "accepts",
];

/// How many filler words may stand between the name and the verb.
const MAX_FILLERS: usize = 3;

/// True when the text right after a name (`after`, from the end of the
/// name on) makes the name the one answering a bid: "… have already turned
/// down two bids", "… club instantly snubbed the offer".
pub(super) fn answers_a_bid(after: &str) -> bool {
    let lower = after.to_lowercase();
    let mut rest = lower.trim_start();
    for _ in 0..=MAX_FILLERS {
        if ANSWERS.iter().any(|verb| {
            rest.strip_prefix(verb)
                .is_some_and(|tail| !tail.starts_with(|c: char| c.is_alphanumeric()))
        }) {
            return true;
        }
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if word_end == 0 || !FILLERS.contains(&&rest[..word_end]) {
            return false;
        }
        rest = rest[word_end..].trim_start();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::answers_a_bid;

    #[test]
    fn a_rejecting_or_accepting_verb_after_the_name_answers_a_bid() {
        assert!(answers_a_bid(" have already turned down two bids"));
        assert!(answers_a_bid(" club instantly snubbed the offer"));
        assert!(answers_a_bid(" rejected a £90m bid"));
        assert!(answers_a_bid(" accepted the offer"));
    }

    #[test]
    fn other_verbs_and_distant_verbs_do_not() {
        assert!(!answers_a_bid(" offered £75m plus add-ons"));
        assert!(!answers_a_bid(" have agreed a £105m fee"));
        assert!(!answers_a_bid(" are confident the rejected bid"));
        assert!(!answers_a_bid(" acceptance"));
        assert!(!answers_a_bid(""));
    }
}
