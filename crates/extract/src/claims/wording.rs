//! Wordings that fix a figure's kind or rule a name out as its party,
//! whatever cue stands nearest: "Aston Villa value Grealish at about £100m"
//! is Villa's valuation, "the €100m fee demanded by Aston Villa" is Villa's
//! asking price, "the £100m put forward by Chelsea" is Chelsea's offer, and
//! in "a contract at the Camp Nou" or "the Merseyside club" the name is a
//! venue or a region standing for a club, never the holder of a figure.

use super::{ClaimKind, contains_word};
use crate::entities::{EntityKind, Mention};

/// Verbs of valuing: "Villa value Grealish at about £100m".
const VALUE_VERBS: &[&str] = &["value", "values", "valuing"];

/// Hedges that may stand between "at" and the figure.
const HEDGES: &[&str] = &["about", "around", "roughly", "approximately", "some"];

/// How many words may stand between the valuing verb and "at" (the
/// player's name, "the midfielder").
const VALUED_REACH: usize = 4;

/// True when the text before a figure (lowercased) ends in "value(s) X at
/// (about)": the figure is the valuing side's valuation.
pub(super) fn valued_at(before: &str) -> bool {
    let mut words: Vec<&str> = before.split_whitespace().rev().collect();
    if words.first().is_some_and(|w| HEDGES.contains(w)) {
        words.remove(0);
    }
    if words.first() != Some(&"at") {
        return false;
    }
    let near: Vec<&str> = words
        .iter()
        .skip(1)
        .take(VALUED_REACH)
        .take_while(|w| !w.ends_with([',', ';', '.']))
        .copied()
        .collect();
    // "a deal that values the company at $44bn": the deal's own figure,
    // whose kind its other words tell, not a side's valuation.
    near.iter()
        .position(|w| VALUE_VERBS.contains(w))
        .is_some_and(|at| {
            !words
                .get(at + 2)
                .is_some_and(|w| DEAL_WORDS.contains(&w.trim_end_matches(',')))
        })
}

/// Words for a deal or a bid, or the relative pronoun standing for one,
/// before "values": the figure is the deal's, not a valuation.
const DEAL_WORDS: &[&str] = &[
    "deal",
    "offer",
    "bid",
    "that",
    "which",
    "takeover",
    "agreement",
];

/// Passive wordings after a figure that name the side setting a price
/// ("the fee demanded by Villa") or making a bid ("put forward by
/// Chelsea"), with the kind they give.
const BY_WORDINGS: &[(&str, ClaimKind)] = &[
    ("demanded by", ClaimKind::AskingPrice),
    ("asked by", ClaimKind::AskingPrice),
    ("wanted by", ClaimKind::AskingPrice),
    ("sought by", ClaimKind::AskingPrice),
    ("set by", ClaimKind::AskingPrice),
    ("put forward by", ClaimKind::Offer),
    ("offered by", ClaimKind::Offer),
    ("tabled by", ClaimKind::Offer),
    ("submitted by", ClaimKind::Offer),
];

/// How many words may stand between the figure and the passive wording
/// ("€100 million transfer fee demanded by").
const BY_REACH: usize = 3;

/// The kind a passive wording right after a figure (`after`, lowercased,
/// from the figure's end) gives it, with the byte offset in `after` where
/// the named side starts: "transfer fee demanded by Aston Villa".
pub(super) fn by_wording(after: &str) -> Option<(ClaimKind, usize)> {
    let mut rest = after.trim_start();
    for _ in 0..=BY_REACH {
        if let Some((cue, kind)) = BY_WORDINGS.iter().find(|(cue, _)| {
            rest.strip_prefix(cue)
                .is_some_and(|tail| tail.starts_with(' '))
        }) {
            let at = after.len() - rest.len() + cue.len() + 1;
            return Some((*kind, at));
        }
        let word_end = rest.find(' ').unwrap_or(rest.len());
        let word = &rest[..word_end];
        if word.is_empty() || word.ends_with([',', ';', '.', ')']) {
            return None;
        }
        rest = rest[word_end..].trim_start();
    }
    None
}

/// True when the text before a name (lowercased, trimmed) ends with one
/// of the passive wordings: "demanded by" Aston Villa.
pub(super) fn named_by(before: &str) -> bool {
    BY_WORDINGS.iter().any(|(cue, _)| before.ends_with(cue))
}

/// Nouns after which a name only describes a club by its place ("the
/// Merseyside club", "the Etihad outfit", "the La Liga side").
const CLUB_NOUNS: &[&str] = &["club", "outfit", "side", "giants", "hierarchy"];

/// Scale and currency words written capitalized ("the 100 Million paid
/// by City"): part of a figure, not a name.
const SCALE_WORDS: &[&str] = &[
    "Million", "Billion", "Pounds", "Euros", "Dollars", "Francs", "Mn", "Bn",
];

/// Nouns after which a capitalized word only describes the club named next
/// ("Treble winners Manchester City").
const DESCRIBED_CLUB: &[&str] = &["winners", "champions", "holders"];

/// Speech verbs after a club that reports another club's figure:
/// "Dortmund said United will pay 85 million euros".
const SPEECH_VERBS: &[&str] = &["said", "says", "announced", "confirmed", "stated"];

/// Where the reported clause starts in `after` (the text after a name)
/// when it opens with a speech verb and, past an optional "that", the next
/// word is capitalized: "said United will pay" gives the offset of
/// "United". A speech verb with an object ("announced on Thursday they
/// had reached an agreement with Dortmund") gives None.
pub(super) fn reported_clause(after: &str) -> Option<usize> {
    let trimmed = after.trim_start();
    let verb = SPEECH_VERBS.iter().find(|v| {
        trimmed
            .get(..v.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(v))
            && trimmed[v.len()..].starts_with(' ')
    })?;
    let mut rest = trimmed[verb.len()..].trim_start();
    if let Some(tail) = rest.strip_prefix("that ") {
        rest = tail.trim_start();
    }
    rest.starts_with(|c: char| c.is_uppercase())
        .then(|| after.len() - rest.len())
}

/// Role words that are written capitalized but name nobody's figure.
const ROLE_NAMES: &[&str] = &["ceo", "cfo", "chairman", "president", "director", "boss"];

/// True when a name (`name`, with the sentence text `before` and `after`
/// it) cannot hold a figure: a one- or two-letter token ("M" of "M€", the
/// Italian article "Il"), a capitalized role ("CEO"), a nationality before
/// "international", a venue after "at the", a place standing for a club
/// ("the Merseyside club"), or a name in a photo credit, after a "|"
/// ("Jose Cendon | Bloomberg | Getty Images"), a holiday, or a name after
/// a preposition of time ("before Christmas", "since Monday").
pub(super) fn not_a_party(name: &str, before: &str, after: &str) -> bool {
    let lower_after = after.trim_start().to_lowercase();
    let next = lower_after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or_default();
    let before = before.trim_end().to_lowercase();
    (!name.contains(' ') && name.chars().count() <= 2)
        || name.split_whitespace().any(|w| SCALE_WORDS.contains(&w))
        || DESCRIBED_CLUB.contains(&next)
        || ROLE_NAMES.contains(&name.to_lowercase().as_str())
        || next == "international"
        || (before.ends_with(" at the") || before == "at the")
        || ((before.ends_with(" the") || before == "the") && CLUB_NOUNS.contains(&next))
        || before.ends_with('|')
        || HOLIDAYS.contains(&name)
        || ["before", "until", "since", "during"].iter().any(|p| {
            before
                .strip_suffix(p)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        })
}

/// Holidays name a time, never a party: "a peak of almost $20,000 in the
/// week before Christmas".
const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Easter",
    "Thanksgiving",
    "Halloween",
    "Ramadan",
    "Eid",
    "Diwali",
    "Hanukkah",
    "New Year",
    "Christmas Day",
    "Boxing Day",
    "Black Friday",
];

/// Payments that would set a player free, written with a clause.
const CLAUSE_PAYMENTS: &[&str] = &[
    "willing to pay",
    "prepared to pay",
    "would have to pay",
    "would pay",
];

/// Wordings of a price at which the player may go, clause or not ("an
/// arrangement whereby he can leave the club for €150m").
const LEAVE_FOR: &[&str] = &["can leave", "could leave", "cannot leave", "can't leave"];

/// True when the text before a figure (`before`, lowercased) makes it the
/// price of a release clause: a payment that would trigger the clause the
/// sentence names ("there was a release clause in his old contract … if a
/// club were willing to pay £100m") or a price at which he "can leave".
pub(super) fn prices_a_clause(lower_sentence: &str, before: &str) -> bool {
    let clause = ["release clause", "buyout clause", "buy-out clause"]
        .iter()
        .any(|c| lower_sentence.contains(c));
    (clause && CLAUSE_PAYMENTS.iter().any(|p| before.contains(p)))
        || LEAVE_FOR.iter().any(|p| contains_word(before, p))
}

/// Endings of a payment that frees a player from his contract.
const FROM_CONTRACT: &[&str] = &[
    " from his contract",
    " from her contract",
    " from their contract",
    " from the contract",
];

/// Longest run of words between "to release" and "from his contract"
/// ("to release Erling Haaland from his contract").
const RELEASED_WORDS: usize = 4;

/// True when the text after a figure (`after`, lowercased) says it was
/// paid to free a player from his contract: "an initial €60m (£51.2m) to
/// release Haaland from his contract" is the price of his release clause.
/// A conversion in brackets may stand between.
pub(super) fn releases_from_contract(after: &str) -> bool {
    let after = after.trim_start();
    let after = match after.strip_prefix('(') {
        Some(rest) => rest.split_once(')').map_or(rest, |(_, r)| r),
        None => after.strip_prefix(')').unwrap_or(after),
    };
    let Some(rest) = after.trim_start().strip_prefix("to release ") else {
        return false;
    };
    FROM_CONTRACT.iter().any(|ending| {
        rest.find(ending)
            .is_some_and(|at| rest[..at].split_whitespace().count() <= RELEASED_WORDS)
    })
}

/// Verbs of paying a clause, as they follow the payer's name.
const PAY_VERBS: &[&str] = &[
    "paid",
    "pay",
    "pays",
    "triggered",
    "trigger",
    "triggers",
    "activated",
];

/// Words that may stand between a payer's name and its verb ("City have
/// triggered", "City will pay").
const PAY_FILLERS: &[&str] = &[
    "have", "has", "had", "will", "would", "duly", "finally", "then",
];

/// True when the text after a club's name (`after`) makes it the payer of
/// a clause: "City paid an initial €60m to release Haaland", "City have
/// triggered his clause". The payer is the other side of the clause,
/// which is the selling club's.
pub(super) fn pays_a_clause(after: &str) -> bool {
    after
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .find(|w| !PAY_FILLERS.contains(&w.as_str()))
        .is_some_and(|w| PAY_VERBS.contains(&w.as_str()))
}

/// Words after a person's possessive that make the phrase a club ("Pep
/// Guardiola's side"), not the person.
const TEAM_WORDS: &[&str] = &["side", "team", "men", "squad", "club"];

/// True when the text after a person's name (`after`) makes the name stand
/// for his team: "to play for Pep Guardiola's side".
pub(super) fn stands_for_a_team(after: &str) -> bool {
    let Some(rest) = ["'s ", "’s ", "' ", "’ "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
    else {
        return false;
    };
    rest.split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| TEAM_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Titles of the people who speak for a club or company: the person named
/// after one ("City's CEO, Ferran Soriano") is its voice, not the player a
/// figure is about.
const EXECUTIVES: &[&str] = &[
    "ceo",
    "chief executive",
    "chairman",
    "president",
    "director",
    "owner",
    "spokesman",
    "spokeswoman",
    "manager",
    "boss",
    "coach",
];

/// True when the text before a person (`before`) ends with an executive's
/// title, with or without a comma: "através do seu CEO, Ferran Soriano".
pub(super) fn executive_before(before: &str) -> bool {
    let lower = before
        .trim_end()
        .trim_end_matches(',')
        .trim_end()
        .to_lowercase();
    EXECUTIVES.iter().any(|title| {
        lower.ends_with(title)
            && lower[..lower.len() - title.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Wordings that credit a picture to the name after them.
const PHOTO_CREDITS: &[&str] = &[
    "photo by",
    "photos by",
    "photograph by",
    "photographs by",
    "picture by",
    "pictures by",
    "image by",
    "images by",
    "photo:",
    "credit:",
];

/// True when `before` (the text before a name) ends with a picture
/// credit: "File Photo by Aaron Smith/UPI".
fn photo_credit_before(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    PHOTO_CREDITS.iter().any(|credit| lower.ends_with(credit))
}

/// True when a person named between `before` and `after` (the sentence's
/// text either side of the name) is no one a figure is about: an
/// executive who speaks for a club ("its CEO, Ferran Soriano") or a
/// photographer credited before a "|" ("Jose Cendon | Bloomberg | Getty
/// Images") or after "Photo by" ("File Photo by Aaron Smith/UPI").
pub(super) fn bystander(before: &str, after: &str) -> bool {
    executive_before(before) || after.trim_start().starts_with('|') || photo_credit_before(before)
}

/// The people `names` introduces as an organization's executive or as a
/// picture's credit anywhere in `text` ("UAW President Shawn Fain", "its
/// CEO, Ferran Soriano", "Photo by Aaron Smith"): later mentions of them,
/// even bare ("Fain said …"), speak for a side or took a picture, and no
/// figure is about them. A title with no organization before it
/// ("President Vladimir Putin") is a head of state's, who stays a subject.
pub(super) fn titled_bystanders(text: &str, names: &[Mention]) -> Vec<String> {
    names
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .filter(|m| {
            let before = &text[..m.span.start];
            photo_credit_before(before)
                || executive_before(before) && organization_before_title(text, before, names)
                || commentator_around(before, &text[m.span.end..])
        })
        .map(|m| m.text.clone())
        .collect()
}

/// Roles of people who comment on figures: an analyst's estimate of a
/// bank's charge is not about the analyst.
const COMMENTATORS: &[&str] = &[
    "analyst",
    "economist",
    "strategist",
    "professor",
    "researcher",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "pundit",
    "commentator",
];

/// True when the person between `before` and `after` is introduced as a
/// commentator, by the role right before the name ("Keefe Bruyette & Woods
/// analyst Brian Kleinhanzl") or in an apposition after it ("Brian
/// Kleinhanzl, an analyst at Keefe").
fn commentator_around(before: &str, after: &str) -> bool {
    let is_role = |word: &str| {
        let word = word
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        COMMENTATORS.contains(&word.as_str())
    };
    let role_before = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| !w.ends_with(',') && is_role(w));
    let apposition = after.trim_start().strip_prefix(',').is_some_and(|rest| {
        let words: Vec<&str> = rest.split_whitespace().take(4).collect();
        matches!(
            words.first(),
            Some(&("an" | "a" | "the" | "chief" | "senior"))
        ) && words.iter().any(|w| is_role(w))
    });
    role_before || apposition
}

/// Words before an executive's title that make it an organization's: "its
/// CEO", "the club's chairman".
const OWNERS: &[&str] = &["its", "their", "club's", "club’s", "company's", "company’s"];

/// True when the executive's title that ends `before` follows a name
/// known to be an organization's ("UAW President", "Ford CEO"; not "the
/// ousted Islamist president") or an owner word.
fn organization_before_title(text: &str, before: &str, names: &[Mention]) -> bool {
    let trimmed = before.trim_end().trim_end_matches(',').trim_end();
    let lower = trimmed.to_lowercase();
    let Some(title) = EXECUTIVES.iter().find(|t| lower.ends_with(*t)) else {
        return false;
    };
    let rest = trimmed[..trimmed.len() - title.len()].trim_end();
    let owner = rest
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| OWNERS.contains(&w.to_lowercase().as_str()));
    owner
        || names.iter().any(|n| {
            n.span.end == rest.len()
                && n.kind == EntityKind::Organization
                && text.get(..n.span.end) == Some(rest)
        })
}

/// True when `name` is one of the `titled` people, in full or by the end
/// of their name ("Fain" for "Shawn Fain").
pub(super) fn is_titled(name: &str, titled: &[String]) -> bool {
    titled
        .iter()
        .any(|t| t == name || t.strip_suffix(name).is_some_and(|rest| rest.ends_with(' ')))
}

/// Plural nouns for the people a wage is paid to, when a sentence speaks
/// of a whole workforce ("workers' pay will rise … to more than $40 an
/// hour").
const PAID_GROUPS: &[&str] = &[
    "workers",
    "employees",
    "staff",
    "members",
    "nurses",
    "teachers",
    "doctors",
    "drivers",
    "miners",
    "pilots",
];

/// The workforce a wage is told for, from the text before the figure
/// (lowercased): the last of [`PAID_GROUPS`] it names. Such a wage is the
/// group's, not that of a person named in an earlier sentence (the union
/// leader who announced it).
pub(super) fn paid_group(before: &str) -> Option<&'static str> {
    before
        .split(|c: char| !c.is_alphabetic())
        .rev()
        .find_map(|word| PAID_GROUPS.iter().find(|g| **g == word).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executives_and_credited_photographers_are_bystanders() {
        assert!(bystander(
            "the club, through its CEO, ",
            " said the fee was fair"
        ));
        assert!(bystander(
            "A trader at his desk. ",
            " | Reuters | Getty Images"
        ));
        assert!(!bystander("Arsenal have signed ", " for £50m"));
    }

    #[test]
    fn people_introduced_by_title_or_credit_stay_bystanders() {
        assert!(bystander("The union signed a deal. File Photo by ", "/UPI"));
        let text = "UAW President Shawn Fain spoke. President Joe Lamb agreed. Fain said pay rises to $40 an hour.";
        let mention = |name: &str, kind| {
            let start = text.find(name).unwrap_or_default();
            Mention {
                span: start..start + name.len(),
                text: name.into(),
                kind,
                named_as_thing: false,
                named_as_company: false,
            }
        };
        let names = vec![
            mention("UAW", EntityKind::Organization),
            mention("Shawn Fain", EntityKind::Person),
            mention("Joe Lamb", EntityKind::Person),
        ];
        let titled = titled_bystanders(text, &names);
        assert!(is_titled("Fain", &titled));
        assert!(is_titled("Shawn Fain", &titled));
        assert!(!is_titled("Ain", &titled));
        // A president of no organization named is a head of state.
        assert!(!is_titled("Lamb", &titled));
    }

    #[test]
    fn a_name_in_a_photo_credit_holds_no_figure() {
        assert!(not_a_party(
            "Getty ImagesLeeds",
            "A fan at the ground. Jo Bloggs | PA | ",
            " banking giant Everton offered £30m."
        ));
        assert!(!not_a_party("Everton", "The fee ", " offered was £30m."));
    }

    #[test]
    fn a_club_that_values_a_player_at_a_figure_gives_its_valuation() {
        assert!(valued_at("aston villa value grealish at about "));
        assert!(valued_at("they value the midfielder at "));
        assert!(!valued_at("he signed at "));
        assert!(!valued_at("in a deal that values the company at "));
        assert!(!valued_at("the offer values credit suisse at around "));
        assert!(!valued_at("a value of "));
    }

    #[test]
    fn a_passive_wording_names_the_side_and_the_kind() {
        assert_eq!(
            by_wording(" transfer fee demanded by aston villa was"),
            Some((ClaimKind::AskingPrice, " transfer fee demanded by ".len()))
        );
        assert_eq!(
            by_wording(" put forward by chelsea."),
            Some((ClaimKind::Offer, " put forward by ".len()))
        );
        assert_eq!(by_wording(", which was rejected by them"), None);
        assert_eq!(by_wording(" deal that was agreed by"), None);
        assert!(named_by("the fee demanded by"));
        assert!(!named_by("rejected by"));
    }

    #[test]
    fn venues_roles_and_stray_letters_hold_no_figure() {
        assert!(not_a_party("M", "cerca de 230 ", "€ ao clube"));
        assert!(not_a_party("CEO", "através do seu ", ", Ferran"));
        assert!(not_a_party(
            "Ecuador",
            "the signing of ",
            " international midfielder"
        ));
        assert!(not_a_party(
            "Camp Nou",
            "a contract at the ",
            " with a buyout"
        ));
        assert!(not_a_party(
            "Merseyside",
            "But the ",
            " club instantly snubbed"
        ));
        assert!(not_a_party(
            "Million",
            "eclipsing the 100 ",
            " paid by City"
        ));
        assert!(not_a_party(
            "Treble",
            "a £90m bid from ",
            " winners Manchester City"
        ));
        assert_eq!(reported_clause(" said United will pay"), Some(6));
        assert_eq!(reported_clause(" said that United will pay"), Some(11));
        assert_eq!(reported_clause(" announced on Thursday they had"), None);
        assert_eq!(reported_clause(" sold him"), None);
        assert!(!not_a_party("Chelsea", "put forward by ", "."));
        assert!(!not_a_party(
            "Brighton",
            "a fee with ",
            " for the midfielder"
        ));
    }

    #[test]
    fn a_person_after_an_executive_title_speaks_for_the_club() {
        assert!(executive_before("através do seu CEO, "));
        assert!(executive_before("City chief executive "));
        assert!(!executive_before("Dortmund striker "));
        assert!(!executive_before("the codirector "));
    }

    #[test]
    fn a_payment_that_would_trigger_the_clause_is_the_clause() {
        let sentence = "there was a release clause in his old contract: the club would not stand in his way if a rival were willing to pay £100m.";
        let before = &sentence[..sentence.find('£').unwrap()];
        assert!(prices_a_clause(sentence, before));
        assert!(prices_a_clause(
            "",
            "he can leave the club after two years for "
        ));
        assert!(!prices_a_clause("city paid £51m for him.", "city paid "));
        assert!(!prices_a_clause(
            "a rival would pay £10m.",
            "a rival would pay "
        ));
    }
}
