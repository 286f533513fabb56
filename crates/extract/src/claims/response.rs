//! Which side of a deal a club is, by the verb that follows its name. The
//! club that turns a bid down or accepts it ("Liverpool have rejected a
//! third bid from Barcelona", "the Merseyside club instantly snubbed the
//! offer") or names its price ("Ajax are still holding out for €100m") is
//! selling: it holds the price and is the other side of the bid. The club
//! that offers ("Arsenal offered £75m") is buying: it is the other side of
//! the seller's price. Read the other way, a seller's name would chart the
//! buyer's bids as the seller's, and the bidder would hold the price it was
//! told.

/// The side of a deal a club takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// Answers bids and sets the price.
    Seller,
    /// Makes the bids.
    Buyer,
}

/// Words that may stand between the club and its verb: auxiliaries,
/// adverbs and the noun of a descriptive name ("the Merseyside club").
const FILLERS: &[&str] = &[
    "have",
    "has",
    "had",
    "are",
    "is",
    "were",
    "was",
    "would",
    "will",
    "could",
    "still",
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
    "expected",
    "set",
    "likely",
    "to",
    "may",
    "might",
];

/// Verbs of a seller answering a bid or naming its price, as they follow
/// the seller's name.
const SELLER_VERBS: &[&str] = &[
    "want",
    "wants",
    "demand",
    "demands",
    "demanding",
    "asking",
    "holding out",
    "hold out",
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
    "value",
    "values",
    "receive",
    "receives",
    // Icelandic "accepted", "rejected" ("Brighton samþykkti tilboð
    // Liverpool": Brighton accepted Liverpool's offer).
    "samþykkti",
    "samþykkt",
    "hafnaði",
];

/// Verbs of a buyer making a bid, as they follow the buyer's name.
const BUYER_VERBS: &[&str] = &[
    "offered",
    "offer",
    "offers",
    "offering",
    "bid",
    "bids",
    "submitted",
    "tabled",
    "lodged",
    "launched",
    "made",
];

/// How many filler words may stand between the name and the verb.
const MAX_FILLERS: usize = 3;

/// True when `rest` opens with one of `verbs` as whole words.
fn opens_with(rest: &str, verbs: &[&str]) -> bool {
    verbs.iter().any(|verb| {
        rest.strip_prefix(verb)
            .is_some_and(|tail| !tail.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// The side the text right after a name (`after`, from the end of the
/// name on) gives it: "… have already turned down two bids" and "… are
/// still holding out for €100m" sell, "… offered £75m" buys.
pub(super) fn side_by_verb(after: &str) -> Option<Side> {
    let lower = after.to_lowercase();
    let mut rest = lower.trim_start();
    for _ in 0..=MAX_FILLERS {
        if opens_with(rest, SELLER_VERBS) {
            return Some(Side::Seller);
        }
        if opens_with(rest, BUYER_VERBS) {
            return Some(Side::Buyer);
        }
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if word_end == 0 || !FILLERS.contains(&&rest[..word_end]) {
            return None;
        }
        rest = rest[word_end..].trim_start();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Side, side_by_verb};

    #[test]
    fn answering_a_bid_or_naming_a_price_sells() {
        for after in [
            " have already turned down two bids",
            " club instantly snubbed the offer",
            " rejected a £90m bid",
            " accepted the offer",
            " are still holding out for a desired €100 million",
            " want.",
            " value Grealish at about £100m",
            " are expected to receive around £106m up front",
            " samþykkti tilboð Liverpool",
        ] {
            assert_eq!(side_by_verb(after), Some(Side::Seller), "{after}");
        }
    }

    #[test]
    fn offering_buys() {
        assert_eq!(
            side_by_verb(" offered £75m plus add-ons"),
            Some(Side::Buyer)
        );
        assert_eq!(side_by_verb(" have made a third bid"), Some(Side::Buyer));
    }

    #[test]
    fn other_verbs_and_distant_verbs_say_nothing() {
        for after in [
            " have agreed a £105m fee",
            " are confident the rejected bid",
            " acceptance",
            " bidders",
            "",
        ] {
            assert_eq!(side_by_verb(after), None, "{after}");
        }
    }
}
