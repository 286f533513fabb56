//! Filling in the parties a sentence leaves implicit, from the rest of the
//! story. "The Italian giants have already submitted an offer of £11m …
//! rejected by Manchester United" names no bidder; the story's other offers
//! for the same player are Roma's, so the holder is Roma. Every inferred
//! field is listed in the claim's `inferred`, so readers can tell.

use super::StoryClaim;
use std::collections::{HashMap, HashSet};

/// Kinds that are the buying side's figures.
const BUYER_KINDS: &[&str] = &["offer", "add_ons"];
/// Kinds of the price paid, whose holder is the buying side.
const FEE_KINDS: &[&str] = &["fee"];

/// Wordings of a contract the player signs in the sentence itself.
const NEW_CONTRACT: &[&str] = &[
    "new contract",
    "new deal",
    "agreed a",
    "signed a",
    "has agreed",
    "will sign",
];

/// Wordings of a price the market sets: nobody's own valuation.
const MARKET_VALUE: &[&str] = &["market value", "market cap", "market valuation"];

/// Wordings of the contract a player has now ("two years left on his
/// £130,000-a-week deal").
const CURRENT_CONTRACT: &[&str] = &["left on", "current", "existing", "remaining", "still has"];

/// Wordings of a contract to come ("is set to sign a contract worth at
/// least £250,000 per week", "personal terms").
const COMING_CONTRACT: &[&str] = &[
    "set to",
    "will",
    "would",
    "personal terms",
    "new contract",
    "new deal",
    "to sign",
    "agreed",
];

/// True when `sentence` uses one of `wordings` (lowercase), e.g. a new
/// contract the player signs ("has agreed a five-and-a-half year contract
/// … with a buyout clause at €400m": its clause is the buying club's) or a
/// company's value on the market ("ended Friday with a market value of 7.4
/// billion francs": no side's valuation is inferred for it).
fn tells(sentence: &str, wordings: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    wordings.iter().any(|w| lower.contains(w))
}

/// Kinds that are the selling side's figures.
const SELLER_KINDS: &[&str] = &["asking_price", "valuation"];

/// The most frequent value among `values` (ties: the first seen).
fn dominant<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(name, _)| *name == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(name, _)| name.to_string())
}

/// How many times the reports of the runner-up the leading party needs
/// before a figure that names no party is given to it: with two bidders
/// reported about as often (a hijacked deal), an unnamed fee could be
/// either's.
const CLEAR_LEAD: usize = 3;

/// [`dominant`], when it leads every other value [`CLEAR_LEAD`] times over.
fn clear_dominant<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let values: Vec<&str> = values.collect();
    let leader = dominant(values.iter().copied())?;
    let count = |name: &str| values.iter().filter(|v| **v == name).count();
    let lead = count(&leader);
    values
        .iter()
        .filter(|v| **v != leader)
        .all(|v| count(v) * CLEAR_LEAD <= lead)
        .then_some(leader)
}

/// Subject, holder and counterparty of a claim.
type Parties = (Option<String>, Option<String>, Option<String>);

/// Kinds a takeover's bidder holds: the bid, its extras, the price paid.
const TAKEOVER_KINDS: &[&str] = &["offer", "add_ons", "fee"];

/// The takeovers of a story: each person the claim reader found bidding
/// for a company ("Musk offered to buy Twitter": holder Musk, subject and
/// other side Twitter), with the company they bid for most often.
fn takeover_targets(claims: &[StoryClaim]) -> HashMap<String, String> {
    let mut by_bidder: HashMap<String, Vec<&str>> = HashMap::new();
    for c in claims.iter().filter(|c| c.is_money() && !c.historic) {
        if let (Some(bidder), Some(target)) = (&c.holder, &c.subject)
            && c.counterparty.as_ref() == Some(target)
            && bidder != target
            && TAKEOVER_KINDS.contains(&c.kind.as_str())
        {
            by_bidder.entry(bidder.clone()).or_default().push(target);
        }
    }
    by_bidder
        .into_iter()
        .filter_map(|(bidder, targets)| dominant(targets.into_iter()).map(|t| (bidder, t)))
        .collect()
}

/// Turns a takeover's figures the right way round across the story. A
/// sentence that names only the bidder ("Musk has offered to pay $54.20 per
/// share") reads like a club's bid for a player: the person is taken for
/// the subject, and the company, if named, for the holder. Once the story
/// shows that person bidding for a company, such a figure is the person's,
/// about the company.
fn turn_takeovers(claims: &mut [StoryClaim]) {
    let targets = takeover_targets(claims);
    if targets.is_empty() {
        return;
    }
    for claim in claims
        .iter_mut()
        .filter(|c| c.is_money() && !c.historic && TAKEOVER_KINDS.contains(&c.kind.as_str()))
    {
        let Some((bidder, target)) = claim
            .subject
            .as_ref()
            .and_then(|s| targets.get_key_value(s))
            .map(|(b, t)| (b.clone(), t.clone()))
        else {
            continue;
        };
        // Only a figure held by nobody, by the bidder or by the company
        // itself: a third party's figure about the person stays as read.
        if claim
            .holder
            .as_ref()
            .is_some_and(|h| *h != bidder && *h != target)
        {
            continue;
        }
        if claim.holder.as_ref() != Some(&bidder) {
            claim.holder = Some(bidder);
            claim.inferred.push("holder".into());
        }
        claim.subject = Some(target.clone());
        claim.counterparty = Some(target);
        if !claim.inferred.iter().any(|f| f == "subject") {
            claim.inferred.push("subject".into());
        }
    }
}

/// True when `sentence` names `person` by the last word of the name, as a
/// whole word: "Ajax sold De Jong to FC Barcelona" names Frenkie de Jong.
fn surname_in(sentence: &str, person: &str) -> bool {
    let Some(last) = person.split_whitespace().next_back() else {
        return false;
    };
    let lower = sentence.to_lowercase();
    let last = last.to_lowercase();
    lower.match_indices(&last).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + last.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Pronouns that refer back to the person of an earlier sentence.
const PERSONAL_PRONOUNS: &[&str] = &["he", "his", "him", "she", "her", "hers"];

/// True when `sentence` refers back to an earlier-named person: "The
/// youngster has a £38m release clause in his new deal" is about the player
/// named before it.
fn refers_back(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| PERSONAL_PRONOUNS.contains(&w.to_lowercase().as_str()))
}

/// Kinds of figures that belong to a deal for the story's subject (a
/// wage or a share price is about whoever earns or trades it).
const DEAL_KINDS: &[&str] = &[
    "offer",
    "add_ons",
    "fee",
    "asking_price",
    "valuation",
    "release_clause",
];

/// Gives the story's subject to deal figures whose subject was only
/// carried over from an earlier sentence and whom no figure of the story
/// names in its own sentence: a byline ("Sign up to Miguel Delaney's
/// newsletter") or a manager quoted before "an agreement worth up to €100m
/// with Ajax" is not what the figure is about.
fn replace_stray_subjects(claims: &mut [StoryClaim], story_subject: &str) {
    let carried = |c: &StoryClaim| c.inferred.iter().any(|f| f == "subject");
    let named: HashSet<String> = claims
        .iter()
        .filter(|c| c.is_money() && !carried(c))
        .filter_map(|c| c.subject.clone())
        .collect();
    for claim in claims.iter_mut().filter(|c| {
        c.is_money() && !c.historic && carried(c) && DEAL_KINDS.contains(&c.kind.as_str())
    }) {
        if claim.subject.as_ref().is_some_and(|s| {
            s != story_subject
                && !named.contains(s)
                && !surname_in(&claim.sentence, s)
                && !refers_back(&claim.sentence)
        }) {
            claim.subject = Some(story_subject.to_string());
        }
    }
}

/// Fills missing subjects, holders and counterparties of money claims.
pub(super) fn fill_parties(claims: &mut [StoryClaim]) {
    turn_takeovers(claims);
    let money = |c: &&StoryClaim| c.is_money() && !c.historic;
    let story_subject = dominant(
        claims
            .iter()
            .filter(money)
            .filter(|c| !c.inferred.iter().any(|f| f == "subject"))
            .filter_map(|c| c.subject.as_deref())
            // A workforce ("workers") is whom its own wage is about, not
            // what the story's other figures are.
            .filter(|s| !super::is_common_noun(s)),
    );
    for claim in claims
        .iter_mut()
        .filter(|c| c.is_money() && c.subject.is_none())
    {
        if let Some(subject) = &story_subject {
            claim.subject = Some(subject.clone());
            claim.inferred.push("subject".into());
        }
    }
    if let Some(subject) = &story_subject {
        replace_stray_subjects(claims, subject);
    }
    // Who buys and who sells, per subject, from the claims that say so.
    let side = |kinds: &[&str]| -> HashMap<String, String> {
        let mut by_subject: HashMap<String, Vec<&str>> = HashMap::new();
        for c in claims.iter().filter(money) {
            if let (Some(subject), Some(holder)) = (&c.subject, &c.holder)
                && kinds.contains(&c.kind.as_str())
            {
                by_subject.entry(subject.clone()).or_default().push(holder);
            }
        }
        by_subject
            .into_iter()
            .filter_map(|(s, holders)| clear_dominant(holders.into_iter()).map(|h| (s, h)))
            .collect()
    };
    // A story without bids ("City trigger the clause", "City have signed
    // Haaland for £51m") shows its buyer by the fees it pays.
    // Only then: with rival bidders (a hijacked deal), the fees paid say
    // nothing about whose an unnamed one is.
    let bid_for: HashSet<String> = claims
        .iter()
        .filter(money)
        .filter(|c| BUYER_KINDS.contains(&c.kind.as_str()))
        .filter_map(|c| c.subject.clone())
        .collect();
    let mut buyers = side(FEE_KINDS);
    buyers.retain(|subject, _| !bid_for.contains(subject));
    buyers.extend(side(BUYER_KINDS));
    let sellers = side(SELLER_KINDS);
    // "a release clause of 75 milhões de euros" with no club: the club
    // other reports name as the clause's holder (a story without an
    // asking price has no seller otherwise).
    let clause_holders = side(&["release_clause"]);
    for claim in claims.iter_mut().filter(|c| c.is_money()) {
        let Some(subject) = claim.subject.clone() else {
            continue;
        };
        let (buyer, seller) = (buyers.get(&subject), sellers.get(&subject));
        let (holder, counterparty) = match claim.kind.as_str() {
            // A past fee was paid by the player's current club.
            "fee" if claim.historic => (seller, None),
            "offer" | "add_ons" | "fee" => (buyer, seller),
            "valuation" if tells(&claim.sentence, MARKET_VALUE) => (None, None),
            "asking_price" | "valuation" => (seller, buyer),
            // A clause is in the contract of the club he plays for, unless
            // the sentence tells of the new contract he signs.
            "release_clause" if tells(&claim.sentence, NEW_CONTRACT) => (buyer, None),
            "release_clause" => (seller.or_else(|| clause_holders.get(&subject)), None),
            // Wages on the deal he has are his club's; wages of the deal
            // he is to sign, the signing club's.
            "wage" if tells(&claim.sentence, CURRENT_CONTRACT) => (seller, None),
            "wage" if tells(&claim.sentence, COMING_CONTRACT) => (buyer, None),
            _ => (None, None),
        };
        // "Personal terms … once West Ham and Arsenal reach a middle
        // ground": the selling club, named first, does not pay the wage.
        if claim.kind == "wage"
            && let (Some(buyer), Some(seller)) = (buyer, seller)
            && claim.holder.as_ref() == Some(seller)
            && claim.counterparty.as_ref() == Some(buyer)
        {
            claim.holder = Some(buyer.clone());
            claim.counterparty = Some(seller.clone());
            claim.inferred.push("holder".into());
            continue;
        }
        if claim.holder.is_none()
            && let Some(holder) = holder
            && claim.counterparty.as_ref() != Some(holder)
        {
            claim.holder = Some(holder.clone());
            claim.inferred.push("holder".into());
        }
        if claim.counterparty.is_none()
            && let Some(other) = counterparty
            && claim.holder.as_ref() != Some(other)
        {
            claim.counterparty = Some(other.clone());
            claim.inferred.push("counterparty".into());
        }
    }
    // Conversions share everything but the figure with what they convert.
    let by_id: HashMap<String, Parties> = claims
        .iter()
        .filter(|c| c.same_as.is_none())
        .map(|c| {
            (
                c.id.clone(),
                (c.subject.clone(), c.holder.clone(), c.counterparty.clone()),
            )
        })
        .collect();
    for claim in claims.iter_mut() {
        if let Some((subject, holder, counterparty)) =
            claim.same_as.as_ref().and_then(|id| by_id.get(id))
        {
            claim.subject.clone_from(subject);
            claim.holder.clone_from(holder);
            claim.counterparty.clone_from(counterparty);
        }
    }
    for claim in claims.iter_mut() {
        drop_self_holding(claim);
    }
}

/// No party bids for, asks for or pays for itself: a holder that is the
/// claim's subject ("Qualcomm's offer for Qualcomm") is a misreading and is
/// dropped, whether the claim reader or the inference put it there.
pub(super) fn drop_self_holding(claim: &mut StoryClaim) {
    if claim.holder.is_some() && claim.holder == claim.subject {
        claim.holder = None;
        claim.inferred.retain(|f| f != "holder");
    }
}
