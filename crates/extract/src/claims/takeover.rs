//! Takeovers: a person bidding for a company.
//!
//! The claim reader holds figures by organizations and makes people their
//! subjects, the shape of a club's bid for a player. In a takeover the
//! roles turn round: "Elon Musk offered to buy Twitter for $54.20 a share"
//! is Musk's offer (he holds it) for Twitter (what it is about). This module
//! finds such a bidder and target in one sentence.

use super::{contains_word, describes_player};
use crate::entities::{EntityKind, Mention};

/// Words before a company that make it the thing bought: "buy Twitter",
/// "a bid for Twitter", "the takeover of Twitter".
const TARGET_CUES: &[&str] = &[
    "buy",
    "acquire",
    "purchase",
    "take over",
    "takeover of",
    "acquisition of",
    "purchase of",
    "bid for",
    "offer for",
    "scoop up",
];

/// Words after a company that make it the thing bought: "Twitter has agreed
/// to be acquired", "Twitter's board accepted the offer".
const TARGET_AFTER_CUES: &[&str] = &["to be acquired", "to be bought", "to be taken over"];

/// Words a bidder is followed by: "Musk's $44bn bid", "Musk has offered to
/// buy", "which will see Musk pay $54.20 a share".
const BIDDER_WORDS: &[&str] = &[
    "offer",
    "offers",
    "offered",
    "offering",
    "bid",
    "bids",
    "bidding",
    "buy",
    "buying",
    "acquire",
    "acquiring",
    "pay",
    "pays",
    "paying",
    "takeover",
    "acquisition",
    "acquired",
];

/// Words a bidder is preceded by: "a takeover offer from Tesla CEO Elon
/// Musk", "acquired by an entity wholly owned by Elon Musk".
const BIDDER_BEFORE_CUES: &[&str] = &[
    "offer from",
    "bid from",
    "acquired by",
    "bought by",
    "owned by",
];

/// How many lowercase words may describe a company between "buy" and its
/// name.
const DESCRIPTION_WORDS: usize = 3;

/// How many words after a person may separate it from its bid.
const BIDDER_REACH: usize = 6;

/// How many bytes before a person a "bid from" may stand.
const BIDDER_BEFORE_REACH: usize = 60;

/// The person bidding for a company and the company bid for, when
/// `sentence` words a takeover: `(bidder, target)`. `names` are the
/// sentence's names with spans in the whole text, `offset` the sentence's
/// start in it. None unless both are named: a person's bid for a player, or
/// a club's for a company, is not a takeover by a person.
pub(super) fn takeover_parties(
    sentence: &str,
    offset: usize,
    names: &[&Mention],
) -> Option<(String, String)> {
    let local = |m: &Mention| m.span.start - offset..m.span.end - offset;
    let target = names
        .iter()
        .filter(|m| !matches!(m.kind, EntityKind::Person | EntityKind::Place))
        .find(|m| is_target(sentence, local(m), names, offset))?;
    let bidder = names
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .find(|m| is_bidder(sentence, local(m), names, offset))?;
    Some((bidder.text.clone(), target.text.clone()))
}

/// True when the company at `span` (of `sentence`) is the thing bought.
fn is_target(
    sentence: &str,
    span: std::ops::Range<usize>,
    names: &[&Mention],
    offset: usize,
) -> bool {
    let (Some(before), Some(after)) = (sentence.get(..span.start), sentence.get(span.end..)) else {
        return false;
    };
    // "a bid for Brighton's Moises Caicedo": the player's club, not a
    // company bought.
    let describes_a_player = names.iter().any(|p| {
        p.kind == EntityKind::Person
            && p.span.start >= span.end + offset
            && sentence
                .get(span.end..p.span.start - offset)
                .is_some_and(describes_player)
    });
    if describes_a_player {
        return false;
    }
    let before = before.trim_end().to_lowercase();
    let before = before.strip_suffix(" the").unwrap_or(&before);
    // "buy micro blogging site Twitter": a few lowercase words may
    // describe the company between the cue and its name.
    let object = (0..=DESCRIPTION_WORDS).any(|n| {
        let words: Vec<&str> = before.rsplitn(n + 1, ' ').collect();
        let Some(lead) = words.last() else {
            return false;
        };
        words.len() == n + 1
            && words[..n]
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
            && TARGET_CUES
                .iter()
                .any(|cue| lead.ends_with(cue) && contains_word(lead, cue))
    });
    let after = after.to_lowercase();
    let window = after.get(..after.len().min(40)).unwrap_or(&after);
    let passive = TARGET_AFTER_CUES.iter().any(|cue| window.contains(cue));
    // "Twitter's board accepted": the company whose board answers the bid.
    // "Twitter Inc.'s board": the stop of an abbreviation may come first.
    let board = ["'s board", "’s board", " board"]
        .iter()
        .any(|b| after.trim_start_matches('.').starts_with(b));
    object || passive || board
}

/// True when the person at `span` (of `sentence`) makes the bid: followed
/// within a few words by a bid word with no other name between, or named
/// just after "a bid from" or "acquired by".
fn is_bidder(
    sentence: &str,
    span: std::ops::Range<usize>,
    names: &[&Mention],
    offset: usize,
) -> bool {
    let Some(before) = sentence.get(..span.start) else {
        return false;
    };
    // "Musk's US$44bn bid": a currency's country is no name in the way.
    let next_name = names
        .iter()
        .filter(|m| {
            !sentence
                .get(m.span.end - offset..)
                .is_some_and(|rest| rest.starts_with('$'))
        })
        .map(|m| m.span.start)
        .filter(|&s| s >= span.end + offset)
        .min()
        .map_or(sentence.len(), |s| s - offset);
    let reach = sentence.get(span.end..next_name).unwrap_or_default();
    let followed = reach.split_whitespace().take(BIDDER_REACH).any(|w| {
        let w = w
            .trim_start_matches(['\'', '’'])
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        BIDDER_WORDS.contains(&w.as_str())
    });
    let before = before.to_lowercase();
    let lead_in = before
        .char_indices()
        .rev()
        .nth(BIDDER_BEFORE_REACH)
        .map_or(before.as_str(), |(i, _)| &before[i..]);
    let no_person_between = |cue: &str| {
        lead_in.rfind(cue).is_some_and(|at| {
            let cue_at = before.len() - lead_in.len() + at + offset;
            !names.iter().any(|m| {
                m.kind == EntityKind::Person
                    && m.span.start > cue_at
                    && m.span.start < span.start + offset
            })
        })
    };
    let preceded = BIDDER_BEFORE_CUES.iter().any(|cue| no_person_between(cue));
    followed || preceded
}

/// Nouns that, right after a figure, make it the price of a takeover:
/// "his US$44 billion takeover", "a $43 billion hostile takeover".
const TAKEOVER_NOUNS: &[&str] = &["takeover", "hostile takeover", "buyout", "leveraged buyout"];

/// True when the text after a figure (lowercased; a conversion in
/// brackets, or the bracket closing it, may come first: "US$44 billion
/// ($70b) takeover") opens with a takeover noun.
pub(super) fn names_a_takeover(after: &str) -> bool {
    // The frame of a figure with a conversion ends inside the bracket.
    let mut rest = after.trim_start().trim_start_matches(')').trim_start();
    if rest.starts_with('(')
        && let Some(close) = rest.find(')')
    {
        rest = rest[close + 1..].trim_start();
    }
    TAKEOVER_NOUNS.iter().any(|noun| {
        rest.strip_prefix(noun)
            .is_some_and(|tail| tail.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// `(person, company)` when a sentence's names are one person and one
/// company (places, and a currency's country as in "US$44 billion",
/// aside), the bidder and target of a takeover it names without saying
/// who bids for what. `offset` is the sentence's start in the text the
/// names' spans index.
pub(super) fn sole_parties(
    sentence: &str,
    offset: usize,
    names: &[&Mention],
) -> Option<(String, String)> {
    let currency_country = |m: &&&Mention| {
        sentence
            .get(m.span.end.saturating_sub(offset)..)
            .is_some_and(|rest| rest.starts_with('$'))
    };
    let mut people = names.iter().filter(|m| m.kind == EntityKind::Person);
    let mut companies = names
        .iter()
        .filter(|m| !matches!(m.kind, EntityKind::Person | EntityKind::Place))
        .filter(|m| !currency_country(m));
    match (
        people.next(),
        people.next(),
        companies.next(),
        companies.next(),
    ) {
        (Some(person), None, Some(company), None) => {
            Some((person.text.clone(), company.text.clone()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::{ClaimKind, find_claims};

    /// `(holder, subject)` of each claim in `text`.
    fn roles(text: &str) -> Vec<(Option<String>, Option<String>)> {
        find_claims(text)
            .into_iter()
            .map(|c| (c.holder, c.subject))
            .collect()
    }

    /// The kind of each claim in `text`.
    fn kinds(text: &str) -> Vec<ClaimKind> {
        find_claims(text).into_iter().map(|c| c.kind).collect()
    }

    fn pair(holder: &str, subject: &str) -> (Option<String>, Option<String>) {
        (Some(holder.to_string()), Some(subject.to_string()))
    }

    #[test]
    fn a_person_offering_to_buy_a_company_holds_the_offer() {
        let claims = find_claims(
            "On Friday investor Jane Holloway offered to buy Northwind Inc for $12.50 per share.",
        );
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].holder.as_deref(), Some("Jane Holloway"));
        assert_eq!(claims[0].subject.as_deref(), Some("Northwind Inc"));
        assert!(!claims[0].subject_inferred);
    }

    #[test]
    fn a_persons_bid_accepted_by_the_companys_board() {
        assert_eq!(
            roles(
                "Northwind Group's board said on Friday it had accepted Jane Holloway's \
                 $9 billion takeover offer."
            ),
            vec![pair("Jane Holloway", "Northwind Group")]
        );
        assert_eq!(
            roles("Jane Holloway's US$9-billion bid to buy Northwind Group was accepted."),
            vec![pair("Jane Holloway", "Northwind Group")]
        );
        assert_eq!(
            roles(
                "Northwind Group has agreed to be acquired by Jane Holloway in a deal \
                 worth $9 billion."
            ),
            vec![pair("Jane Holloway", "Northwind Group")]
        );
        assert_eq!(
            roles(
                "The Northwind Group board voted to accept a takeover offer from \
                 investor Jane Holloway at $9 billion."
            ),
            vec![pair("Jane Holloway", "Northwind Group")]
        );
    }

    #[test]
    fn a_deal_to_buy_a_company_is_the_bid_until_completed() {
        assert_eq!(
            kinds(
                "Northwind Inc has agreed to be acquired by Jane Holloway in a deal worth $9 billion."
            ),
            vec![ClaimKind::Offer]
        );
        let suing = "Northwind Inc is suing Jane Holloway to force her to complete her US$9 billion ($14b) takeover.";
        assert_eq!(kinds(suing), vec![ClaimKind::Offer]);
        assert_eq!(roles(suing), vec![pair("Jane Holloway", "Northwind Inc")]);
        // Completed, the takeover's price is no longer a bid.
        assert!(
            !kinds("Jane Holloway has completed the $9 billion takeover of Northwind Inc.")
                .contains(&ClaimKind::Offer)
        );
    }

    #[test]
    fn a_completed_acquisition_is_the_buyers_fee_for_the_company() {
        let claims = find_claims(
            "Jane Holloway has completed the acquisition of Northwind Inc for 9 billion dollars.",
        );
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].kind, ClaimKind::Fee);
        assert_eq!(claims[0].holder.as_deref(), Some("Jane Holloway"));
        assert_eq!(claims[0].subject.as_deref(), Some("Northwind Inc"));
    }

    #[test]
    fn a_price_per_share_is_the_bid_until_the_purchase_is_completed() {
        assert_eq!(
            kinds("Jane Holloway will pay $12.50 per share in cash for Northwind Inc."),
            vec![ClaimKind::Offer]
        );
        assert_eq!(
            kinds("Jane Holloway completed the deal, paying $12.50 a share."),
            vec![ClaimKind::Fee]
        );
        assert_eq!(
            kinds(
                "Northwind is offering 0.30 francs per share, well below the closing price of 2.10 francs."
            ),
            vec![ClaimKind::Offer, ClaimKind::Other]
        );
    }

    #[test]
    fn a_bank_agreeing_to_buy_a_rival_pays_a_fee_and_takes_on_losses() {
        let claims = find_claims(
            "Northwind Bank agreed to buy Southgate Bank for $2 billion and will take on up to $4 billion in losses.",
        );
        let kinds: Vec<_> = claims.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, vec![ClaimKind::Fee, ClaimKind::Other]);
        assert_eq!(claims[0].holder.as_deref(), Some("Northwind Bank"));
    }

    #[test]
    fn a_clubs_bid_for_a_player_keeps_its_roles() {
        let claims = find_claims("Arsenal have offered to buy Brighton's Moises Caicedo for £80m.");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].kind, ClaimKind::Offer);
        assert_eq!(claims[0].subject.as_deref(), Some("Moises Caicedo"));
        assert_ne!(claims[0].holder.as_deref(), Some("Moises Caicedo"));
    }
}
