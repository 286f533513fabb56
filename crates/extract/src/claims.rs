//! Claims: reported money facts. Each money amount in a sentence becomes a
//! claim with a kind (offer, asking price, valuation, fee, wage, release
//! clause, add-ons), a status (planned, made, rejected, accepted,
//! considering), who holds it, whom it is about, and who reported it.
//!
//! Kinds come from the reporting word nearest the figure; statuses from the
//! sentence's verbs, strongest first (a rejection outranks the offer being
//! made). Paired conversions (`£10.9m (€12m)`) are one claim with
//! equivalents, never two.

use crate::attribution::{find_attributions, find_source};
use crate::entities::{AliasBook, EntityKind, Mention, find_mentions, name_key, resolve};
use crate::money::{Money, find_money};
use crate::quantities::{Quantity, QuantityKind, find_listed_votes, find_quantities_after};
use response::Side;
use serde::Serialize;
use std::ops::Range;

mod background;
mod known_names;
mod pronoun;
mod relative;
mod response;
mod status;
mod takeover;
mod wording;

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A bid or offer.
    Offer,
    /// What the selling side wants.
    AskingPrice,
    /// What something is said to be worth.
    Valuation,
    /// A fee agreed or paid.
    Fee,
    /// Pay per period.
    Wage,
    /// A contractual release or buy-out clause.
    ReleaseClause,
    /// Conditional extras on top of a fee.
    AddOns,
    /// Anything else.
    Other,
}

/// Where a claimed deal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Being prepared, not yet made.
    Planned,
    /// Made or submitted.
    Made,
    /// Turned down.
    Rejected,
    /// Accepted or agreed.
    Accepted,
    /// Under consideration.
    Considering,
}

/// One reported money fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// What the figure is.
    pub kind: ClaimKind,
    /// The figure as written.
    pub text: String,
    /// The amount.
    pub amount: Money,
    /// The same figure in other currencies, as the text gives them.
    pub equivalents: Vec<Money>,
    /// Where it stands, when the sentence says.
    pub status: Option<ClaimStatus>,
    /// Who offers, asks or values (a name as written).
    pub holder: Option<String>,
    /// The other party named, when there is one.
    pub counterparty: Option<String>,
    /// Whom the figure is about: a person named in the sentence, else the
    /// first person of the nearest earlier sentence naming one ("The
    /// youngster has a £38m release clause" after "… Dayot Upamecano …").
    pub subject: Option<String>,
    /// True when `subject` came from an earlier sentence.
    pub subject_inferred: bool,
    /// True when the figure is history told as background ("signed him
    /// from Fulham for £10m"), not a development of the story.
    pub historic: bool,
    /// The source the sentence credits.
    pub attributed_to: Option<String>,
    /// The sentence.
    pub sentence: String,
    /// Byte span of the sentence in the text.
    pub sentence_span: Range<usize>,
    /// Byte span of the figure in the text.
    pub span: Range<usize>,
    /// A price of one share ("$54.20 per share", a market price), never
    /// compared with a deal's total.
    pub per_share: bool,
}

/// Reporting words, by the kind they signal. Multi-word cues first.
const KIND_CUES: &[(&str, ClaimKind)] = &[
    ("holding out for a fee", ClaimKind::AskingPrice),
    ("want a fee", ClaimKind::AskingPrice),
    ("wants a fee", ClaimKind::AskingPrice),
    ("release clause", ClaimKind::ReleaseClause),
    ("buyout clause", ClaimKind::ReleaseClause),
    ("buy-out clause", ClaimKind::ReleaseClause),
    ("asking price", ClaimKind::AskingPrice),
    ("asking fee", ClaimKind::AskingPrice),
    ("holding out for", ClaimKind::AskingPrice),
    ("hold out for", ClaimKind::AskingPrice),
    ("in the region of", ClaimKind::AskingPrice),
    ("demand", ClaimKind::AskingPrice),
    ("demanding", ClaimKind::AskingPrice),
    ("valued at", ClaimKind::Valuation),
    ("market value", ClaimKind::Valuation),
    ("valuation", ClaimKind::Valuation),
    ("-rated", ClaimKind::Valuation),
    ("rated at", ClaimKind::Valuation),
    ("add-ons", ClaimKind::AddOns),
    ("add-on", ClaimKind::AddOns),
    ("add ons", ClaimKind::AddOns),
    ("bonuses", ClaimKind::AddOns),
    ("wages", ClaimKind::Wage),
    ("salary", ClaimKind::Wage),
    ("transfer bid", ClaimKind::Offer),
    ("transfer offer", ClaimKind::Offer),
    ("bid to sign", ClaimKind::Offer),
    ("bid to buy", ClaimKind::Offer),
    ("offer to sign", ClaimKind::Offer),
    ("offer", ClaimKind::Offer),
    ("bid", ClaimKind::Offer),
    ("proposal", ClaimKind::Offer),
    ("fee", ClaimKind::Fee),
    // "City won the £51million race for Haaland": the price of a race
    // for a player is the fee it ends in.
    ("race for", ClaimKind::Fee),
    ("race to sign", ClaimKind::Fee),
    ("deal", ClaimKind::Fee),
    ("transfer", ClaimKind::Fee),
    ("signing", ClaimKind::Fee),
    ("move", ClaimKind::Fee),
    ("signed", ClaimKind::Fee),
    ("paid", ClaimKind::Fee),
    ("sold", ClaimKind::Fee),
    ("bought", ClaimKind::Fee),
    ("buys", ClaimKind::Fee),
    ("asking for", ClaimKind::AskingPrice),
    ("fell short of the", ClaimKind::AskingPrice),
    ("falls short of the", ClaimKind::AskingPrice),
    ("failed to meet the", ClaimKind::AskingPrice),
    ("price tag", ClaimKind::AskingPrice),
    ("threshold", ClaimKind::AskingPrice),
    ("minimum of", ClaimKind::AskingPrice),
    ("at least", ClaimKind::AskingPrice),
    ("would accept", ClaimKind::AskingPrice),
    ("would also accept", ClaimKind::AskingPrice),
    ("ready to accept", ClaimKind::AskingPrice),
    ("prepared to accept", ClaimKind::AskingPrice),
    ("willing to accept", ClaimKind::AskingPrice),
    ("recoup", ClaimKind::AskingPrice),
    ("not sell unless", ClaimKind::AskingPrice),
    ("sign", ClaimKind::Fee),
    ("agree", ClaimKind::Fee),
    ("agreement", ClaimKind::Fee),
    ("pay", ClaimKind::Fee),
    ("paying", ClaimKind::Fee),
    ("purchased", ClaimKind::Fee),
    ("snapped up", ClaimKind::Fee),
    ("spent", ClaimKind::Fee),
    ("acquisition", ClaimKind::Fee),
    ("agreed to buy", ClaimKind::Fee),
    ("will buy", ClaimKind::Fee),
    ("up front", ClaimKind::Fee),
    ("upfront", ClaimKind::Fee),
    ("leave", ClaimKind::Fee),
    ("losses", ClaimKind::Other),
    ("expenditure", ClaimKind::Other),
    ("net worth", ClaimKind::Other),
];

/// Kind cues of other languages, matched as whole words only (so that no
/// English sentence reads differently): the offers, bids, fees and transfers
/// of Icelandic, Scandinavian, Dutch, German, Romance, South Slavic and
/// Russian (and a Swahili verb of paying) news. Forms that contain an English cue (`offerta`, `transfert`)
/// are already caught by [`KIND_CUES`].
const FOREIGN_KIND_CUES: &[(&str, ClaimKind)] = &[
    ("clausola rescissoria", ClaimKind::ReleaseClause),
    ("cláusula de rescisión", ClaimKind::ReleaseClause),
    ("cláusula de rescisão", ClaimKind::ReleaseClause),
    ("clause libératoire", ClaimKind::ReleaseClause),
    ("ausstiegsklausel", ClaimKind::ReleaseClause),
    ("tilboð", ClaimKind::Offer),
    ("tilboði", ClaimKind::Offer),
    ("tilboðið", ClaimKind::Offer),
    ("bod", ClaimKind::Offer),
    ("budet", ClaimKind::Offer),
    ("angebot", ClaimKind::Offer),
    ("oferta", ClaimKind::Offer),
    ("offre", ClaimKind::Offer),
    ("ponuda", ClaimKind::Offer),
    ("ponudu", ClaimKind::Offer),
    ("ponudba", ClaimKind::Offer),
    ("ponudbo", ClaimKind::Offer),
    ("предложение", ClaimKind::Offer),
    ("kaup", ClaimKind::Fee),
    ("kaupverð", ClaimKind::Fee),
    ("overgangssum", ClaimKind::Fee),
    ("overgangssummen", ClaimKind::Fee),
    ("övergångssumma", ClaimKind::Fee),
    ("övergångssumman", ClaimKind::Fee),
    ("transfersom", ClaimKind::Fee),
    ("ablöse", ClaimKind::Fee),
    ("ablösesumme", ClaimKind::Fee),
    ("operazione", ClaimKind::Fee),
    ("cessione", ClaimKind::Fee),
    ("acquisto", ClaimKind::Fee),
    ("traspaso", ClaimKind::Fee),
    ("fichaje", ClaimKind::Fee),
    ("prestop", ClaimKind::Fee),
    ("odškodnina", ClaimKind::Fee),
    ("odšteta", ClaimKind::Fee),
    ("трансфер", ClaimKind::Fee),
    // Swahili "to pay" ("Barcelona itaanza kulipa kiasi cha £105m").
    ("kulipa", ClaimKind::Fee),
    ("kostar", ClaimKind::Fee),
    ("koster", ClaimKind::Fee),
];

/// Phrases that mark a figure as past history told as background.
const HISTORIC_CUES: &[&str] = &[
    "signed him from",
    "signed from",
    "joined from",
    "bought him from",
    "bought from",
    "paid for him",
    "when he joined",
    "when he signed",
    "arrived at the club",
    "arrived from",
    "back in",
];

/// Words before a club that make it the other party: "rejected by X",
/// "signed him from X", "agreed a fee with X", "a bid for X".
const COUNTERPARTY_CUES: &[&str] = &["by", "from", "with", "for"];

pub use crate::sentences::sentences;

/// `mentions` with each one's kind replaced by its entity's, where known:
/// a bare `Smalling` is a person because `Chris Smalling` is, and a name the
/// alias `book` types wins over the guess from word lists (the book's club
/// `Liverpool` is a party to a deal, not the city).
fn resolve_kinds(mut mentions: Vec<Mention>, book: Option<&AliasBook>) -> Vec<Mention> {
    for entity in resolve(&mentions, book) {
        if entity.kind == EntityKind::Unknown {
            continue;
        }
        for &i in &entity.mentions {
            if let Some(m) = mentions.get_mut(i) {
                m.kind = entity.kind;
            }
        }
    }
    mentions
}

/// What the claim finders read from a text before looking for figures:
/// its names (as found, and with kinds resolved across the text) and its
/// sentences. Built once, it serves [`find_claims_in`] and
/// [`find_quantity_claims_in`] (and callers that need the names too), so a
/// text is scanned for names and sentences once rather than per finder.
#[derive(Debug, Clone)]
pub struct AnalyzedText<'a> {
    text: &'a str,
    mentions: Vec<Mention>,
    names: Vec<Mention>,
    sentences: Vec<Range<usize>>,
}

impl<'a> AnalyzedText<'a> {
    /// Reads `text`'s names (typed by the alias `book` where it knows them)
    /// and sentences.
    #[must_use]
    pub fn new(text: &'a str, book: Option<&AliasBook>) -> Self {
        let mentions = known_names::join_known_names(text, find_mentions(text), book);
        let names = resolve_kinds(mentions.clone(), book);
        Self {
            text,
            mentions,
            names,
            sentences: sentences(text),
        }
    }

    /// The text read.
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The name mentions as [`find_mentions`] gives them (kinds guessed
    /// from each mention alone).
    #[must_use]
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// The sentences, as [`sentences`] gives them.
    #[must_use]
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }
}

/// A count or duration reported in a sentence, with whom it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityClaim {
    /// The figure.
    pub quantity: Quantity,
    /// Whom it is about (see [`Claim::subject`]).
    pub subject: Option<String>,
    /// True when `subject` came from an earlier sentence.
    pub subject_inferred: bool,
    /// The source the sentence credits.
    pub attributed_to: Option<String>,
    /// The sentence.
    pub sentence: String,
    /// Byte span of the sentence in the text.
    pub sentence_span: Range<usize>,
}

/// Finds the counts and durations in `text` ("37 league appearances", "two
/// years left on his deal"), each with its subject and source.
pub fn find_quantity_claims(text: &str) -> Vec<QuantityClaim> {
    find_quantity_claims_with(text, None)
}

/// [`find_quantity_claims`], with names typed by an alias `book` where it
/// knows them.
pub fn find_quantity_claims_with(text: &str, book: Option<&AliasBook>) -> Vec<QuantityClaim> {
    find_quantity_claims_in(&AnalyzedText::new(text, book))
}

/// [`find_quantity_claims_with`] on a text already read.
#[must_use]
pub fn find_quantity_claims_in(analyzed: &AnalyzedText<'_>) -> Vec<QuantityClaim> {
    let text = analyzed.text;
    let all_names = &analyzed.names;
    let listed = find_listed_votes(text);
    let mut last_person: Option<String> = None;
    let mut salience = pronoun::Salience::default();
    // Whether the sentence before counted votes: "…, ahead of Mordaunt
    // with 82. Truss was third with 71."
    let mut carried_votes = false;
    let mut out = Vec::new();
    for range in analyzed.sentences.iter().cloned() {
        let sentence = &text[range.clone()];
        // The sentence's credit, looked up once for all its figures (and
        // only for sentences that have figures or say "according to").
        let mut credit: Option<Option<String>> = None;
        // What the sentence reports "according to" ("According to a report
        // in India Today, …") tells the counts; it is not what they count.
        // A speaker ("Fain said members won a 25% raise") stays a subject.
        let credited = if sentence.contains("ccording to") {
            let found = find_source(sentence);
            credit = Some(found.as_ref().map(|a| a.source.clone()));
            found.filter(|a| a.cue == "according to").map(|a| a.source)
        } else {
            None
        };
        let mut source = || {
            credit
                .get_or_insert_with(|| find_source(sentence).map(|a| a.source))
                .clone()
        };
        let people: Vec<&Mention> = all_names
            .iter()
            .filter(|m| m.span.start >= range.start && m.span.end <= range.end)
            .filter(|m| m.kind == EntityKind::Person)
            .filter(|m| {
                !text[m.span.end..range.end]
                    .split_whitespace()
                    .take(4)
                    .any(|w| matches!(w, "him" | "her" | "them"))
            })
            // "to play for Pep Guardiola's side": a team, not whom a count
            // is about.
            .filter(|m| !wording::stands_for_a_team(&text[m.span.end..range.end]))
            .filter(|m| {
                !credited
                    .as_deref()
                    .is_some_and(|c| c.contains(m.text.as_str()))
            })
            .collect();
        // A person named only inside a relative clause ("The 25-year-old,
        // who will wear the shirt vacated by Sergio Aguero, has signed a
        // six-year contract") is not whom the rest of the sentence counts.
        let clauses = relative::relative_clauses(sentence);
        let aside_of = |m: &Mention| {
            clauses.iter().find(|c| {
                m.span.start >= range.start + c.start && m.span.end <= range.start + c.end
            })
        };
        let named = people
            .iter()
            .find(|m| aside_of(m).is_none())
            .map(|m| m.text.clone());
        // "She received 81,326 of the votes while … Sunak received
        // 60,399": a pronoun opening the sentence stands for an earlier
        // subject, never for a name later in the sentence.
        let resolved = salience.resolve(sentence);
        salience.observe(text, resolved.as_deref(), people.first().copied());
        let previous = last_person.clone();
        if named.is_some() {
            last_person.clone_from(&named);
        }
        let before = out.len();
        // "1. Rishi Sunak – 88": a result list's line gives its candidate votes.
        let in_list: Vec<_> = listed
            .iter()
            .filter(|l| l.quantity.span.start >= range.start && l.quantity.span.end <= range.end)
            .collect();
        for line in &in_list {
            let name = all_names
                .iter()
                .find(|m| m.span.start >= line.name.start && m.span.end <= line.name.end)
                .map_or_else(|| text[line.name.clone()].to_string(), |m| m.text.clone());
            out.push(QuantityClaim {
                quantity: line.quantity.clone(),
                subject: Some(name),
                subject_inferred: false,
                attributed_to: source(),
                sentence: sentence.to_string(),
                sentence_span: range.clone(),
            });
        }
        for quantity in find_quantities_after(sentence, carried_votes.then_some("votes")) {
            let mut quantity = quantity;
            quantity.span = range.start + quantity.span.start..range.start + quantity.span.end;
            if in_list
                .iter()
                .any(|l| l.quantity.span.start == quantity.span.start)
            {
                continue;
            }
            // "Sunak won 137 votes, Truss 113": each count belongs to the
            // person named nearest before it, or to a name of unknown kind
            // standing right before it ("Truss 113 votes", where the page
            // never gives her full name) when that is nearer.
            let person = people
                .iter()
                .rev()
                .filter(|m| aside_of(m).is_none_or(|c| range.start + c.end > quantity.span.start))
                .find(|m| m.span.end <= quantity.span.start)
                .copied();
            let adjacent = adjacent_name(text, all_names, &range, quantity.span.start);
            // Beside a person, only a name the figure follows directly
            // ("…, Truss 113 votes") wins; with no person before it, a
            // name the clause leads with ("Mordaunt was eliminated with 105").
            let nearest = match (person, adjacent) {
                (Some(p), Some(a))
                    if a.span.end > p.span.end
                        && text[a.span.end..quantity.span.start].trim().is_empty() =>
                {
                    Some(a)
                }
                (Some(p), _) => Some(p),
                (None, a) => a,
            }
            .map(|m| m.text.clone());
            let from_pronoun = nearest.is_none() && resolved.is_some();
            let nearest = nearest
                .or_else(|| resolved.clone())
                .or_else(|| named.clone());
            // "137 votes (39% of the total)": a share in brackets after a
            // figure is that figure's subject's share.
            let bracketed = out.last().filter(|prior: &&QuantityClaim| {
                quantity.kind == QuantityKind::Percent
                    && prior.sentence_span == range
                    && prior.quantity.span.end <= quantity.span.start
                    && text[prior.quantity.span.end..quantity.span.start].trim() == "("
            });
            let nearest = match bracketed {
                Some(prior) if prior.subject.is_some() => prior.subject.clone(),
                _ => nearest,
            };
            out.push(QuantityClaim {
                quantity,
                subject_inferred: from_pronoun || nearest.is_none() && previous.is_some(),
                subject: nearest.or_else(|| previous.clone()),
                attributed_to: source(),
                sentence: sentence.to_string(),
                sentence_span: range.clone(),
            });
        }
        carried_votes = out[before..].iter().any(|c| c.quantity.unit == "votes");
    }
    out
}

/// Longest gap, in bytes, between a name and the count it heads.
const ADJACENT_BYTES: usize = 24;

/// A name of unknown kind that heads the count starting at `at` within its
/// clause ("Truss 113 votes", "Mordaunt was eliminated with 105 votes"):
/// close before it, with no clause punctuation in between.
fn adjacent_name<'a>(
    text: &str,
    names: &'a [Mention],
    sentence: &Range<usize>,
    at: usize,
) -> Option<&'a Mention> {
    let name = names.iter().rev().find(|m| {
        m.span.start >= sentence.start && m.span.end <= at && m.kind == EntityKind::Unknown
    })?;
    let between = &text[name.span.end..at];
    // "the Exchequer", "the Tories": a name after "the" is not a person.
    let after_the = text[..name.span.start]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    (between.len() <= ADJACENT_BYTES
        && !between.contains([',', ';', ':', '(', ')', '.'])
        && !after_the)
        .then_some(name)
}

/// Finds the money claims in `text`.
pub fn find_claims(text: &str) -> Vec<Claim> {
    find_claims_with(text, None)
}

/// [`find_claims`], with names typed by an alias `book` where it knows them
/// (a club named like its city is a party, not a place).
pub fn find_claims_with(text: &str, book: Option<&AliasBook>) -> Vec<Claim> {
    find_claims_in(&AnalyzedText::new(text, book))
}

/// [`find_claims_with`] on a text already read.
#[must_use]
pub fn find_claims_in(analyzed: &AnalyzedText<'_>) -> Vec<Claim> {
    let text = analyzed.text;
    let mut claims = Vec::new();
    // Names are found over the whole text: a name that opens a sentence is
    // recognized because it appears mid-sentence elsewhere.
    let all_names = &analyzed.names;
    let prose_names = names_outside_headlines(text, &analyzed.sentences, all_names);
    // "UAW President Shawn Fain … Fain said": executives and credited
    // photographers, however they are named later.
    let titled = wording::titled_bystanders(text, all_names);
    // The first person of the latest sentence that named one.
    let mut last_person: Option<String> = None;
    let mut salience = pronoun::Salience::default();
    // The sentence before, whose agreement "the deal" of the next one
    // continues.
    let mut previous_sentence = "";
    for range in analyzed.sentences.iter().cloned() {
        let sentence = &text[range.clone()];
        let sentence_before = std::mem::replace(&mut previous_sentence, sentence);
        let first_mention = all_names
            .iter()
            .filter(|m| m.span.start >= range.start && m.span.end <= range.end)
            .filter(|m| m.kind == EntityKind::Person)
            .find(|m| {
                !wording::bystander(
                    &text[range.start..m.span.start],
                    &text[m.span.end..range.end],
                ) && !wording::is_titled(&m.text, &titled)
            });
        let first_person = first_mention.map(|m| m.text.clone());
        // "She said it would cost £5m": the pronoun's earlier subject.
        let resolved = salience.resolve(sentence);
        salience.observe(text, resolved.as_deref(), first_mention);
        let previous_person = last_person.clone();
        let sentence_person = first_person.clone();
        if first_person.is_some() {
            last_person = first_person;
        }
        let amounts = find_money(sentence);
        if amounts.is_empty() {
            continue;
        }
        // People whose other deal this sentence tells for comparison.
        let mut compared: Vec<String> = Vec::new();
        let lower = sentence.to_lowercase();
        let sources = find_attributions(sentence);
        let credit = find_source(sentence);
        let credited = credit.as_ref().map(|a| a.span.clone());
        let attributed_to = credit.map(|a| a.source);
        let historic = HISTORIC_CUES.iter().any(|cue| contains_word(&lower, cue));
        let headline = is_title_case(sentence);
        let names: Vec<_> = all_names
            .iter()
            .filter(|m| m.span.start >= range.start && m.span.end <= range.end)
            .filter(|m| {
                let (start, end) = (m.span.start - range.start, m.span.end - range.start);
                !sources
                    .iter()
                    .map(|s| &s.span)
                    .chain(credited.as_ref())
                    .any(|s| s.end >= end && s.start <= start)
            })
            .filter(|m| !is_competition(&m.text))
            // In a title-case headline every word is capitalized: only
            // names also written elsewhere in the text count there.
            .filter(|m| !headline || prose_names.contains(&name_key(&m.text)))
            .collect();
        let status = status::sentence_status(&lower)
            .or_else(|| status::continued_agreement(&lower, sentence_before));
        let asides = relative::find_asides(sentence, &lower, &names, range.start);
        // "a £90m offer …, exceeding the £72m Arsenal paid to Lille for
        // Nicolas Pepe": the player of another figure's deal, told for
        // comparison, is the subject of no other figure of the sentence.
        let compared_here: Vec<(usize, String)> = (0..amounts.len())
            .filter(|i| amounts[*i].equivalent_of.is_none())
            .filter_map(|i| {
                let (end, previous_end, next_figure) = figure_frame(&amounts, i, sentence.len());
                background::other_deal_subject(
                    sentence,
                    &names,
                    range.start,
                    background::Figure {
                        span: amounts[i].span.clone(),
                        end,
                        stretch: previous_end..next_figure,
                    },
                )
                .map(|person| (i, person))
            })
            .collect();
        for (index, money) in amounts.iter().enumerate() {
            if money.equivalent_of.is_some() {
                continue;
            }
            let equivalents: Vec<Money> = amounts
                .iter()
                .filter(|m| m.equivalent_of == Some(index))
                .cloned()
                .collect();
            let (end, previous_end, next_figure) = figure_frame(&amounts, index, sentence.len());
            let own = sentence
                .get(previous_end..next_figure)
                .unwrap_or_default()
                .to_lowercase();
            let kind = if money.period.is_some() && !is_price_per_period(&own) {
                ClaimKind::Wage
            } else if money.period.is_some() || is_total_cost(&own) {
                ClaimKind::Other
            } else {
                let next = (next_figure < sentence.len()).then_some(next_figure);
                match nearest_kind(&sentence[..next_figure], money.span.start..end, next) {
                    ClaimKind::Offer
                        if sellers_condition(&sentence[..money.span.start].to_lowercase()) =>
                    {
                        ClaimKind::AskingPrice
                    }
                    kind => kind,
                }
            };
            let per_share = priced_per_share(&lower, &sentence[end..]);
            let kind = per_share_kind(kind, per_share, &lower);
            let market_price = lower
                .get(..money.span.start)
                .is_some_and(quotes_share_price)
                || lower.get(end..).is_some_and(closes_a_trading_day);
            let kind = if market_price { ClaimKind::Other } else { kind };
            let per_share = per_share || market_price;
            // "Villa value Grealish at about £100m", "the fee demanded by
            // Villa", "a club willing to pay £100m" under a release clause:
            // wordings that fix the kind whatever cue stands nearer.
            let before_figure = sentence[..money.span.start].to_lowercase();
            let by = wording::by_wording(
                &sentence
                    .get(end..next_figure)
                    .unwrap_or_default()
                    .to_lowercase(),
            )
            .map(|(kind, _)| kind);
            // "Ajax may want to push as far as €100m": a figure with no
            // cue of its own, after a club that wants or holds out, is
            // that club's price.
            let kind = if kind == ClaimKind::Other
                && names.iter().any(|m| {
                    m.kind != EntityKind::Person
                        && m.span.end - range.start <= money.span.start
                        && response::side_by_verb(&sentence[m.span.end - range.start..])
                            == Some(Side::Seller)
                }) {
                ClaimKind::AskingPrice
            } else {
                kind
            };
            let kind = if lower.get(end..).is_some_and(is_a_difference) {
                ClaimKind::Other
            } else if kind == ClaimKind::Other
                && lower.get(end..).is_some_and(takeover::names_a_takeover)
                && !takeover_completed(&lower)
            {
                // "his US$44 billion takeover": the price of a takeover
                // not yet completed is its bid.
                ClaimKind::Offer
            } else if wording::valued_at(&before_figure) {
                ClaimKind::Valuation
            } else if let Some(by) = by {
                by
            } else if kind == ClaimKind::Fee && wording::prices_a_clause(&lower, &before_figure)
                || matches!(kind, ClaimKind::Fee | ClaimKind::Other)
                    && lower
                        .get(end..)
                        .is_some_and(wording::releases_from_contract)
            {
                ClaimKind::ReleaseClause
            } else {
                kind
            };
            // Wages, clauses and valuations are not deals that get made or
            // rejected: a status verb in their sentence is about something
            // else (for the sides, an asking price answers bids).
            let status = match kind {
                ClaimKind::Offer | ClaimKind::AddOns | ClaimKind::Fee | ClaimKind::AskingPrice => {
                    status
                }
                _ => None,
            };
            // An asking price is held, not made or answered: the verbs of
            // its sentence are about the bids. A release clause is only
            // ever paid ("triggered his £100m release clause").
            let figure_status = match kind {
                ClaimKind::Offer | ClaimKind::AddOns | ClaimKind::Fee => status,
                ClaimKind::ReleaseClause
                    if status::clause_triggered(&lower)
                        || lower
                            .get(end..)
                            .is_some_and(wording::releases_from_contract)
                            && status::paid(&lower) =>
                {
                    Some(ClaimStatus::Accepted)
                }
                _ => None,
            };
            let (mut parties, mut others): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
            // "Tom Ashby, who was bought for £35m by Rovers": a figure in a
            // relative clause is the antecedent's, held by the clause's agent.
            let local = |m: &Mention| m.span.start - range.start..m.span.end - range.start;
            let clause = asides
                .iter()
                .find(|a| a.antecedent.is_some() && a.holds(&money.span));
            let mut owner: Option<&str> = clause
                .and_then(|a| a.agent.clone())
                .and_then(|agent| names.iter().find(|m| local(m) == agent))
                .map(|m| m.text.as_str());
            // An aside about another player than the sentence's own, or a
            // comparison, names no party of figures outside it; a clause
            // about the sentence's own player names at most the other side.
            let foreign = |a: &relative::Aside| {
                a.antecedent.as_ref().is_none_or(|(span, kind)| {
                    *kind == EntityKind::Person
                        && sentence.get(span.clone()) != sentence_person.as_deref()
                        || asides
                            .iter()
                            .any(|c| c.antecedent.is_none() && c.holds(span))
                })
            };
            // "Sancho, who will cost the Premier League club €85m": a clause
            // that names no party of its own leaves the main clause's.
            let restricting = clause.filter(|a| {
                names.iter().any(|m| {
                    !matches!(m.kind, EntityKind::Person | EntityKind::Place) && a.holds(&local(m))
                })
            });
            let outside = |m: &Mention| -> Option<bool> {
                let span = local(m);
                if let Some(a) = restricting {
                    let antecedent_party = a
                        .antecedent
                        .as_ref()
                        .is_some_and(|(s, kind)| *s == span && *kind != EntityKind::Person);
                    // "Caicedo, who they bought for £4m": the pronoun
                    // stands for a party named before the clause.
                    let pronoun_party = a.pronoun_subject && span.end <= a.span.start;
                    return (!a.holds(&span) && !antecedent_party && !pronoun_party)
                        .then_some(true);
                }
                asides
                    .iter()
                    .filter(|a| a.holds(&span) && !a.holds(&money.span))
                    .map(&foreign)
                    .reduce(|x, y| x || y)
            };
            let buying = matches!(kind, ClaimKind::Offer | ClaimKind::AddOns);
            let selling = matches!(kind, ClaimKind::AskingPrice | ClaimKind::Valuation);
            for m in names
                .iter()
                .filter(|m| m.kind != EntityKind::Person && m.kind != EntityKind::Place)
                .filter(|m| !is_outlet(&m.text))
                .filter(|m| {
                    !wording::not_a_party(
                        &m.text,
                        &sentence[..m.span.start - range.start],
                        &sentence[m.span.end - range.start..],
                    )
                })
            {
                match outside(m) {
                    Some(true) => continue,
                    Some(false) => {
                        others.push(m.text.as_str());
                        continue;
                    }
                    None => {}
                }
                let before = sentence[..m.span.start - range.start].to_lowercase();
                let before = before.trim_end();
                let after = &sentence[m.span.end - range.start..];
                // "Dortmund said United will pay 85 million euros": the club
                // that speaks reports the other's figure; it is the other side.
                if let Some(clause) = wording::reported_clause(after)
                    && names.iter().any(|o| {
                        o.kind != EntityKind::Person
                            && o.span.start == m.span.end + clause
                            && o.span.end - range.start <= money.span.start
                    })
                {
                    others.push(m.text.as_str());
                    continue;
                }
                // "the fee demanded by Aston Villa": the side the passive
                // wording after the figure names holds it.
                if owner.is_none()
                    && by.is_some()
                    && m.span.start - range.start > money.span.end
                    && wording::named_by(before)
                {
                    owner = Some(m.text.as_str());
                }
                // "Arsenal's £105m bid", "Brighton's asking price", "the
                // Blues' £100m bid": the possessor of the figure holds it.
                let plural_possessive =
                    m.text.ends_with('s') && (after.starts_with("' ") || after.starts_with("’ "));
                let apostrophe = if after.starts_with("'s ") {
                    "'s".len()
                } else if after.starts_with("' ") {
                    "'".len()
                } else if plural_possessive {
                    "’".len()
                } else {
                    "’s".len()
                };
                // "Borussia Dortmund’s Jadon Sancho": the player's club, not
                // the owner of a figure.
                let of_a_person = names.iter().any(|p| {
                    p.kind == EntityKind::Person
                        && p.span.start > m.span.end
                        && describes_player(
                            &sentence[m.span.end - range.start..p.span.start - range.start],
                        )
                });
                let possessive =
                    (after.starts_with("'s ") || after.starts_with("’s ") || plural_possessive)
                        && !of_a_person;
                let owner_end = m.span.end - range.start + apostrophe;
                let close_before = owner_end <= money.span.start
                    && money.span.start - owner_end <= 40
                    && !amounts
                        .iter()
                        .any(|o| o.span.start >= owner_end && o.span.start < money.span.start);
                // "Arsenal's second bid, per BBC Sport, was worth £90m": the
                // possessor of the bid holds its figure however far it is.
                let owns_the_bid = possessive
                    && buying
                    && !amounts
                        .iter()
                        .any(|o| o.span.start >= owner_end && o.span.start < money.span.start)
                    && sentence
                        .get(owner_end..money.span.start)
                        .is_some_and(|between| {
                            between.split_whitespace().take(3).any(|w| {
                                let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
                                BID_WORDS.contains(&w.as_str())
                            })
                        });
                // "UBS, Switzerland's largest bank, has offered $1bn": a
                // possessive in an apposition describes the name before it.
                let apposition = before.ends_with(',')
                    && sentence
                        .get(owner_end..money.span.start)
                        .is_some_and(|between| between.contains(','));
                if owner.is_none() && possessive && !apposition && (close_before || owns_the_bid) {
                    owner = Some(m.text.as_str());
                }
                // "Liverpool look set to hijack Chelsea's pursuit": the
                // hijacked side is a rival bidder, no party to this figure.
                if HIJACK_WORDS.iter().any(|w| before.ends_with(w)) {
                    continue;
                }
                // "Liverpool have rejected a bid of £90m": the side that
                // answers a bid sells; it holds the price, not the bid.
                // "Arsenal offered £75m …, told it will take a minimum of
                // £100m": the bidder is the other side of the price.
                // "City paid an initial €60m to release Haaland from his
                // contract": the club that pays a clause is its other side.
                if kind == ClaimKind::ReleaseClause
                    && owner != Some(m.text.as_str())
                    && wording::pays_a_clause(after)
                {
                    others.push(m.text.as_str());
                    continue;
                }
                match response::side_by_verb(after) {
                    Some(_) if owner == Some(m.text.as_str()) => {}
                    Some(Side::Seller) if selling => {
                        parties.insert(0, m.text.as_str());
                        continue;
                    }
                    Some(Side::Seller) if buying || kind == ClaimKind::Fee => {
                        others.push(m.text.as_str());
                        continue;
                    }
                    Some(Side::Buyer) if selling => {
                        others.push(m.text.as_str());
                        continue;
                    }
                    _ => {}
                }
                // "a £90m bid from Arsenal", "an €80m United offer": the
                // bidder named with the bid itself holds it.
                let in_sentence = m.span.start - range.start..m.span.end - range.start;
                if owner.is_none()
                    && buying
                    && names_the_bidder(sentence, money.span.clone(), in_sentence)
                {
                    owner = Some(m.text.as_str());
                }
                // "an initial £73m, which fell short of Dortmund's £108m
                // valuation": the possessor of another figure holds that
                // one, and is the other side of this one.
                let owns_another = possessive
                    && amounts
                        .iter()
                        .enumerate()
                        .find(|(_, o)| o.equivalent_of.is_none() && o.span.start >= owner_end)
                        .is_some_and(|(k, o)| k != index && o.span.start - owner_end <= 40);
                if owns_another {
                    others.push(m.text.as_str());
                    continue;
                }
                // "rejected by X" names the other side; "valued by X" the
                // holder; "a bid from X" the bidder, "signed from X" the seller.
                let responded =
                    matches!(status, Some(ClaimStatus::Rejected | ClaimStatus::Accepted));
                // "a bid for the Hammers": the article does not change the cue.
                let before = before.strip_suffix(" the").unwrap_or(before);
                let is_other = COUNTERPARTY_CUES.iter().any(|cue| {
                    before.ends_with(cue)
                        && contains_word(before, cue)
                        && ((*cue == "from" && !buying)
                            || (*cue == "by" && responded)
                            || (*cue == "with" && (buying || kind == ClaimKind::Fee))
                            || (*cue == "for" && buying))
                });
                // "rejected by West Ham, who are holding out for £120m": the
                // side that turned the bid down is the seller, whose price
                // this is.
                let seller_responding = selling && is_other && before.ends_with("by");
                // "willing to accept £100m if Arsenal include a player": the
                // buyer named in the seller's condition is the other side.
                let in_condition = selling
                    && m.span.start - range.start > money.span.end
                    && ["if", "unless"].iter().any(|w| {
                        contains_word(
                            &sentence[money.span.end..m.span.start - range.start].to_lowercase(),
                            w,
                        )
                    });
                // "a bid for West Ham midfielder Declan Rice": the player's
                // club is the selling side of a bid or fee.
                let players_club = of_a_person
                    && matches!(kind, ClaimKind::Offer | ClaimKind::AddOns | ClaimKind::Fee)
                    && owner != Some(m.text.as_str());
                if seller_responding {
                    parties.insert(0, m.text.as_str());
                } else if is_other || in_condition || players_club {
                    others.push(m.text.as_str());
                } else {
                    parties.push(m.text.as_str());
                }
            }
            // "West Ham, who used Bellingham's move to Real Madrid for
            // £88.5m": the clause's own parties come before its antecedent.
            if let Some((span, _)) = restricting.and_then(|a| a.antecedent.as_ref())
                && let Some(at) = parties
                    .iter()
                    .position(|p| sentence.get(span.clone()) == Some(*p))
            {
                let antecedent = parties.remove(at);
                parties.push(antecedent);
            }
            if let Some(owner) = owner {
                parties.retain(|p| *p != owner);
                parties.insert(0, owner);
            } else if buying
                && let Some(own) = party_of_figure_clause(
                    sentence,
                    range.start,
                    money.span.start,
                    &names,
                    &parties,
                )
            {
                // "Chelsea are less likely to sign him, as Liverpool have
                // made a bid of £110m": the party of the figure's own clause.
                parties.retain(|p| *p != own);
                parties.insert(0, own);
            }
            // "£20m-rated defender": a market rating, nobody's own figure
            // unless the sentence says whose ("valued by Roma").
            let rated = sentence[money.span.end..].starts_with("-rated");
            if rated {
                parties.clear();
            }
            let holder = parties.first().copied();
            let counterparty = others.first().or(parties.get(1)).copied();
            // "Solskjaer and United want £20m": a person joined to the
            // holder speaks for it and is not what the figure is about.
            // "Ferguson signed him": a person followed by an object pronoun
            // is the actor; the figure is about the earlier-named "him".
            let named_subject = names
                .iter()
                .filter(|m| m.kind == EntityKind::Person)
                .filter(|m| {
                    let span = m.span.start - range.start..m.span.end - range.start;
                    !background::paid_for_in_later_clause(sentence, end, &span)
                        && !compared_here
                            .iter()
                            .any(|(i, person)| *i != index && *person == m.text)
                        && !wording::bystander(&sentence[..span.start], &sentence[span.end..])
                        && !wording::is_titled(&m.text, &titled)
                        && !matches!(outside(m), Some(true))
                        && !introduces_another(&sentence[span.end..])
                })
                .find(|m| {
                    let after = &sentence[m.span.end - range.start..];
                    let joined = holder.is_some_and(|h| after.starts_with(&format!(" and {h}")));
                    let acts_on_him = after
                        .split_whitespace()
                        .take(4)
                        .any(|w| matches!(w, "him" | "her" | "them"));
                    !joined && !acts_on_him
                })
                // "He joined for £30m, and Marcus Rashford …": with a
                // pronoun opening the sentence, a person named only after
                // the figure is not whom it is about.
                .filter(|m| resolved.is_none() || m.span.start - range.start < money.span.start)
                .map(|m| m.text.clone());
            let from_pronoun = named_subject.is_none() && resolved.is_some();
            let named_subject = named_subject.or_else(|| resolved.clone());
            let mut subject_inferred =
                from_pronoun || named_subject.is_none() && previous_person.is_some();
            let mut holder = holder.map(str::to_string);
            let mut counterparty = counterparty.map(str::to_string);
            // "behind the £198m PSG paid for Neymar": a figure of another
            // player's deal, told for comparison, is about that player.
            let other_deal = background::other_deal_subject(
                sentence,
                &names,
                range.start,
                background::Figure {
                    span: money.span.clone(),
                    end,
                    stretch: previous_end..next_figure,
                },
            );
            // "Tom Ashby, who was bought for £35m": the antecedent's figure;
            // "Twitter, which has a market valuation of $37bn": the
            // company's own value.
            let antecedent = clause
                .filter(|a| {
                    a.about_a_person()
                        || kind == ClaimKind::Valuation
                            && a.antecedent
                                .as_ref()
                                .is_some_and(|(_, k)| *k != EntityKind::Place)
                            && !names
                                .iter()
                                .any(|m| m.kind == EntityKind::Person && a.holds(&local(m)))
                })
                .and_then(|a| a.antecedent.as_ref())
                .and_then(|(span, _)| sentence.get(span.clone()))
                .map(str::to_string);
            let other_deal = other_deal.or_else(|| {
                antecedent.clone().filter(|a| {
                    clause.is_some_and(relative::Aside::about_a_person)
                        && Some(a) != sentence_person.as_ref()
                })
            });
            let of_another_deal = other_deal.is_some();
            if let Some(other) = &other_deal {
                compared.push(other.clone());
            }
            if antecedent.is_some() {
                subject_inferred = false;
            }
            let named_subject = other_deal.or(antecedent).or(named_subject);
            let mut subject = named_subject.or_else(|| previous_person.clone());
            // "Elon Musk offered to buy Twitter": a person's bid for a
            // company is the person's, and about the company.
            let mut kind = kind;
            if matches!(kind, ClaimKind::Offer | ClaimKind::AddOns | ClaimKind::Fee)
                && let Some((bidder, target)) =
                    takeover::takeover_parties(sentence, range.start, &names).or_else(|| {
                        // "Twitter is suing Elon Musk to force him to
                        // complete his US$44 billion takeover": a figure
                        // named as a takeover, with one person and one
                        // company in its sentence, is the person's bid for
                        // the company.
                        lower
                            .get(end..)
                            .is_some_and(takeover::names_a_takeover)
                            .then(|| takeover::sole_parties(sentence, range.start, &names))
                            .flatten()
                    })
            {
                // "Twitter has agreed to be acquired by Elon Musk in a deal
                // that values the company at $44 billion": until the
                // purchase is completed, the deal's price is the bid.
                if kind == ClaimKind::Fee && !takeover_completed(&lower) {
                    kind = ClaimKind::Offer;
                }
                holder = Some(bidder);
                counterparty = Some(target.clone());
                subject = Some(target);
                subject_inferred = false;
            }
            // "exceeding the £72m Arsenal paid to Lille for Nicolas Pepe":
            // a deal told for comparison or as history is done and no
            // part of this one; the sentence's verbs are about this one.
            // "Fain said … workers' pay will rise to more than $40 an
            // hour": a workforce's wage, not the earlier-named speaker's.
            if kind == ClaimKind::Wage
                && subject_inferred
                && !from_pronoun
                && let Some(group) = wording::paid_group(&before_figure)
            {
                subject = Some(group.to_string());
                subject_inferred = false;
            }
            let figure_status =
                if historic || of_another_deal || status::told_for_comparison(&before_figure) {
                    None
                } else {
                    figure_status
                };
            claims.push(Claim {
                kind,
                text: money.text.clone(),
                amount: money.clone(),
                equivalents,
                status: figure_status,
                holder,
                counterparty,
                subject,
                subject_inferred,
                historic,
                attributed_to: attributed_to.clone(),
                sentence: sentence.to_string(),
                sentence_span: range.clone(),
                span: range.start + money.span.start..range.start + money.span.end,
                per_share,
            });
        }
        // "desperate to replace Neymar following his £198m transfer, with
        // Coutinho their top target": the player whose old deal was told
        // for comparison is not whom the next sentence's figure is about.
        if last_person.as_ref().is_some_and(|p| compared.contains(p)) {
            last_person = all_names
                .iter()
                .filter(|m| m.span.start >= range.start && m.span.end <= range.end)
                .filter(|m| m.kind == EntityKind::Person && !compared.contains(&m.text))
                .map(|m| m.text.clone())
                .next()
                .or(previous_person);
        }
    }
    claims
}

/// Where figure `index` of a sentence of `len` bytes stands: the end of
/// the figure with its conversions, the end of the figure before it, and
/// the start of the next figure (or the sentence's end). Cues after the
/// figure count only up to the next figure: in "£75m plus £15m in add-ons"
/// the add-ons are the £15m.
fn figure_frame(amounts: &[Money], index: usize, len: usize) -> (usize, usize, usize) {
    let money = &amounts[index];
    let end = amounts
        .iter()
        .filter(|m| m.equivalent_of == Some(index))
        .map(|m| m.span.end)
        .next_back()
        .unwrap_or(money.span.end);
    let next_figure = amounts
        .iter()
        .skip(index + 1)
        .find(|m| m.equivalent_of.is_none())
        .map_or(len, |m| m.span.start);
    let previous_end = amounts[..index]
        .iter()
        .map(|m| m.span.end)
        .max()
        .unwrap_or(0);
    (end, previous_end, next_figure)
}

/// Last words of news outlets' names ("Sky Sports", "Football Insider",
/// "Sport BILD"): outlets report figures, they hold none.
const OUTLET_WORDS: &[&str] = &[
    "sport",
    "sports",
    "news",
    "times",
    "post",
    "mail",
    "telegraph",
    "guardian",
    "press",
    "tribune",
    "herald",
    "gazette",
    "journal",
    "express",
    "insider",
    "bild",
    "italia",
    "reuters",
    "bloomberg",
];

/// True when `name` is a news outlet's, by its last word.
fn is_outlet(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| OUTLET_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Words that name a player's role after his club ("West Ham midfielder").
const PLAYER_ROLES: &[&str] = &[
    "midfielder",
    "defender",
    "striker",
    "forward",
    "winger",
    "goalkeeper",
    "captain",
    "star",
    "player",
    "playmaker",
    "full-back",
    "centre-back",
    "international",
];

/// True when the text between a club and a person says the person is the
/// club's: nothing but a possessive ("Brighton's Moises Caicedo") or a
/// player's role ("West Ham and England midfielder Declan Rice").
fn describes_player(between: &str) -> bool {
    let between = between.trim_start_matches(['\'', '’', 's']).trim();
    between.is_empty()
        || (between.len() <= 30
            && !between.contains([',', ';', '.', '(', ')'])
            && between
                .rsplit(' ')
                .next()
                .is_some_and(|w| PLAYER_ROLES.contains(&w.to_lowercase().as_str())))
}

/// Words a rival's name follows when another club takes its deal.
const HIJACK_WORDS: &[&str] = &["hijack", "hijacks", "hijacked", "hijacking"];

/// Nouns that name a bid.
const BID_WORDS: &[&str] = &["bid", "offer", "proposal", "approach"];

/// True when the name at `name` (a range of `sentence`) is the bidder named
/// with the bid at `figure`: after "from" in the bid's own words ("£90m
/// ($115m) bid from Arsenal", "a bid for Coutinho from Barcelona, worth
/// £114m", "a bid believed to be £114m from Barcelona"), or written between
/// the figure and the bid ("€80m United offer").
fn names_the_bidder(sentence: &str, figure: Range<usize>, name: Range<usize>) -> bool {
    let (Some(before), Some(between), Some(after)) = (
        sentence.get(..name.start),
        sentence.get(figure.end.min(name.start)..name.start),
        sentence.get(name.end..),
    ) else {
        return false;
    };
    // The clause that leads to the name: from the last stop or semicolon.
    let clause = before
        .rfind(['.', ';', ':'])
        .map_or(before, |i| &before[i + 1..])
        .to_lowercase();
    let lead_in = clause
        .char_indices()
        .rev()
        .nth(60)
        .map_or(clause.as_str(), |(i, _)| &clause[i..]);
    let from_bidder = clause.trim_end().ends_with(" from")
        && BID_WORDS.iter().any(|w| contains_word(lead_in, w))
        && (name.start > figure.end
            || sentence
                .get(name.end..figure.start)
                .is_some_and(|s| s.len() <= 60));
    let after = after.trim_start().to_lowercase();
    let bidder_before_bid = name.start >= figure.end
        && between.trim().is_empty()
        && BID_WORDS.iter().any(|w| {
            after
                .strip_prefix(w)
                .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
        });
    from_bidder || bidder_before_bid
}

/// The one party named in the clause that leads to the figure at `figure`
/// (a byte offset in `sentence`, which starts at `offset` of the text):
/// from the last comma before the figure ("…, as Liverpool have made an
/// increased bid of £110m"). None when that clause names no party or
/// several, or when the sentence has one party anyway. Used for bids: the
/// club that makes one is the subject of the clause that tells it.
fn party_of_figure_clause<'a>(
    sentence: &str,
    offset: usize,
    figure: usize,
    names: &[&'a Mention],
    parties: &[&'a str],
) -> Option<&'a str> {
    if parties.len() < 2 {
        return None;
    }
    let clause_start = sentence.get(..figure)?.rfind(", ").map_or(0, |i| i + 2);
    let mut in_clause = names
        .iter()
        .filter(|m| m.span.start >= offset + clause_start && m.span.end <= offset + figure)
        .map(|m| m.text.as_str())
        .filter(|name| parties.contains(name));
    let first = in_clause.next()?;
    in_clause.all(|other| other == first).then_some(first)
}

/// Words a quoted market price of a share follows: "well below Friday's
/// closing price of 1.86 francs". A market price is nobody's bid.
const SHARE_PRICE_CUES: &[&str] = &[
    "closing price of",
    "closing price",
    "share price of",
    "closed at",
    "trading at",
];

/// A company's shares or stock moving to, or trading at, the figure that
/// follows: "qualcomm shares fell 4.3 percent to $63.20", "the stock had
/// been trading at less than $55" (a market verb is needed: "the shares
/// were valued at 0.25 francs each" is a deal's price).
static SHARE_MOVE_BEFORE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(
    || {
        regex::Regex::new(
            r"\b(?:shares|stock)\b(?:[^.;:]|\.\d){0,40}\b(?:fell|falling|rose|rising|jumped|dropped|closed|traded|trading|slid|slumped|plunged|soared|surged|climbed|gained|edged|sank|tumbled|rallied|opened|ended|finished)\b(?:[^.;:]|\.\d){0,30}\b(?:to|at)\s+(?:(?:less|more) than\s+|about\s+|around\s+|nearly\s+)?$",
        )
        .ok()
    },
);

/// True when the text before a figure (lowercased) ends with a market
/// price cue or a share's move, so that the figure is a share's price on
/// the market.
fn quotes_share_price(before: &str) -> bool {
    let trimmed = before.trim_end();
    SHARE_PRICE_CUES.iter().any(|cue| trimmed.ends_with(cue))
        || SHARE_MOVE_BEFORE
            .as_ref()
            .is_some_and(|re| re.is_match(before))
}

/// Words after a figure that make it the market's price at a close: "1.86
/// Swiss francs at the close of trading on Friday", "1.86 francs set at the
/// close of the stock market".
const CLOSE_CUES: &[&str] = &[
    "at the close",
    "at close",
    "set at the close",
    "at friday's close",
];

/// True when the text after a figure (lowercased) opens with a market close
/// cue, so that the figure is a share's price on the market.
fn closes_a_trading_day(after: &str) -> bool {
    opens_with_cue(after, CLOSE_CUES)
}

/// True when `after` (lowercased), past its leading spaces, opens with one
/// of `cues` as whole words.
fn opens_with_cue(after: &str, cues: &[&str]) -> bool {
    let after = after.trim_start();
    cues.iter().any(|cue| {
        after
            .strip_prefix(cue)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    })
}

/// Comparisons that make the figure before them a difference between two
/// amounts, not an amount of a deal: "values Credit Suisse at around $7
/// billion less than its market value", "£10m more than City offered".
const DIFFERENCE_CUES: &[&str] = &[
    "less than",
    "more than",
    "lower than",
    "higher than",
    "cheaper than",
    "below",
    "above",
    "short of",
];

/// True when the text after a figure (lowercased) opens with a comparison,
/// so that the figure is the difference between two amounts.
fn is_a_difference(after: &str) -> bool {
    opens_with_cue(after, DIFFERENCE_CUES)
}

/// Relations through which a possessive introduces another person:
/// "Caicedo's team-mate Alexis Mac Allister", "his agent Jorge Mendes".
const RELATIONS: &[&str] = &[
    "team-mate",
    "teammate",
    "team-mates",
    "teammates",
    "compatriot",
    "agent",
    "brother",
    "sister",
    "father",
    "mother",
    "son",
    "wife",
    "husband",
    "partner",
    "replacement",
    "successor",
    "predecessor",
    "understudy",
    "colleague",
];

/// True when the words after a name (`after`) make it the possessor of a
/// relation that names someone else next: the figure is not about the
/// possessor.
fn introduces_another(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    else {
        return false;
    };
    let mut words = rest.split_whitespace();
    let relation = words.next().map(str::to_lowercase);
    relation.is_some_and(|r| RELATIONS.contains(&r.trim_end_matches(',')))
        && words
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "a share", "per share", "per Qualcomm share", "for each share", "-a-share"
/// right after a figure: the figure is a price per share.
static PER_SHARE_AFTER: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(
    || {
        regex::Regex::new(
            r"^\)?[\s-]*(?:(?i:a|per|for each|each)[\s-]+)(?:(?i:ordinary)\s+|[A-Z][\w&.'’-]*\s+)?(?i:shares?)\b",
        )
        .ok()
    },
);

/// True when the figure whose sentence goes on with `after` (as written;
/// `lower` is the whole sentence lowercased) is a price per share: "$54.20
/// per share", "$82 a Qualcomm share", "its $70-a-share offer", "the shares
/// were valued at 0.25 francs each".
fn priced_per_share(lower: &str, after: &str) -> bool {
    let mut cut = after.len().min(48);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    PER_SHARE_AFTER
        .as_ref()
        .is_some_and(|re| re.is_match(&after[..cut]))
        || (opens_with_cue(&after.to_lowercase(), &["each", "apiece"])
            && contains_word(lower, "shares"))
}

/// Words that say a takeover was carried out, not just bid or agreed.
const COMPLETED: &[&str] = &["completed", "completes", "closed the deal", "finalized"];

/// Whether a sentence (lowercased) says a takeover was carried out
/// ([`COMPLETED`]).
fn takeover_completed(lower: &str) -> bool {
    COMPLETED.iter().any(|w| contains_word(lower, w))
}

/// The kind of a figure priced per share (`lower` is the whole sentence
/// lowercased). A price per share is the terms of a bid for a company:
/// "Musk will pay $54.20 per share" and "to be acquired … for $54.20 per
/// share" state the offer, whose total is its "$44 billion" — not a fee
/// paid, until the sentence says the purchase was completed.
fn per_share_kind(kind: ClaimKind, per_share: bool, lower: &str) -> ClaimKind {
    if per_share
        && matches!(kind, ClaimKind::Fee | ClaimKind::Valuation)
        && !takeover_completed(lower)
    {
        ClaimKind::Offer
    } else {
        kind
    }
}

/// Costs a buyer pays beyond the transfer fee itself.
const EXTRA_COSTS: &[&str] = &[
    "agent fees",
    "agent fee",
    "agents' fees",
    "agents’ fees",
    "agent's fee",
    "agent’s fee",
    "agents fees",
    "signing bonus",
    "signing-on fee",
    "other costs",
];

/// True when a figure's stretch of sentence (lowercased) words it as the
/// whole cost of a deal rather than its fee: "the total cost of the deal
/// comes to £85.6m", "£85.5m in total when agent fees … are taken into
/// account", "over £30m includes agent fees". Such totals are not rival
/// reports of the fee.
fn is_total_cost(own: &str) -> bool {
    contains_word(own, "total cost")
        || (EXTRA_COSTS.iter().any(|c| own.contains(c))
            && (contains_word(own, "total") || own.contains("includ")))
}

/// Words that make an amount per period a price someone pays for a
/// service ("a subscription at $8 a month", "the plan costs $10 a month"),
/// not anyone's pay.
const PRICE_PER_PERIOD: &[&str] = &[
    "subscription",
    "subscriptions",
    "subscriber",
    "subscribers",
    "subscribe",
    "membership",
    "costs",
    "priced",
    "charge",
    "charges",
    "charging",
    "rent",
    "fare",
];

/// Words of pay that keep an amount per period a wage whatever else its
/// stretch says ("cost of living raises … to $40 an hour").
const PAY_WORDS: &[&str] = &["wage", "wages", "pay", "salary", "earn", "earns", "paid"];

/// True when a figure's stretch of sentence (lowercased) words an amount
/// per period as a price paid for something rather than a wage.
fn is_price_per_period(own: &str) -> bool {
    PRICE_PER_PERIOD.iter().any(|cue| contains_word(own, cue))
        && !PAY_WORDS.iter().any(|word| contains_word(own, word))
}

/// Refusals to sell that make a later "unless … a bid of £X" the seller's
/// price rather than anyone's bid.
const REFUSALS_TO_SELL: &[&str] = &[
    "not sell",
    "n't sell",
    "never sell",
    "refuse to sell",
    "refusing to sell",
    "not let him",
    "n't let him",
    "not let the",
    "n't let the",
    "not allow him",
    "not part with",
    "n't part with",
];

/// True when the text before a figure (lowercased) makes it a condition
/// the seller sets: "Dortmund would not sell Sancho unless Manchester
/// United put in a bid of €120m" states Dortmund's price, not a bid made.
fn sellers_condition(before: &str) -> bool {
    let Some(at) = before.rfind("unless") else {
        return false;
    };
    REFUSALS_TO_SELL.iter().any(|r| before[..at].contains(r))
}

/// True for a title-case line (a headline): most words capitalized. The
/// name finder's headline test (`entities::mentions`) is stricter, as it
/// cuts the names it finds there.
fn is_title_case(sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalized = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitalized * 10 >= words.len() * 7
}

/// Keys of the names written in sentences that are not title-case
/// headlines.
fn names_outside_headlines(
    text: &str,
    sentences: &[Range<usize>],
    names: &[Mention],
) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for range in sentences.iter().cloned() {
        if is_title_case(&text[range.clone()]) {
            continue;
        }
        for m in names
            .iter()
            .filter(|m| m.span.start >= range.start && m.span.end <= range.end)
        {
            out.insert(name_key(&m.text));
        }
    }
    out
}

/// Competitions and leagues are never the party holding a figure.
fn is_competition(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or_default();
    matches!(
        last,
        "League" | "Liga" | "Bundesliga" | "Cup" | "Championship" | "Ligue" | "Eredivisie"
    ) || name.starts_with("Serie ")
        || name == "Bundesliga"
}

fn contains_word(haystack: &str, cue: &str) -> bool {
    haystack
        .match_indices(cue)
        .any(|(at, _)| is_word_at(haystack, at, cue.len()))
}

/// True when `haystack[at..at + len]` is a whole word: no letter or digit
/// touches it on either side.
/// True when the text after a "sign" cue (lowercased) finishes the word
/// and goes on "into law".
fn signs_a_law(after: &str) -> bool {
    after
        .trim_start_matches(char::is_alphabetic)
        .trim_start()
        .starts_with("into law")
}

/// Endings a cue word may take and stay the same word: "offers",
/// "signed", "signing", "payment".
const CUE_ENDINGS: &[&str] = &["s", "es", "d", "ed", "ing", "ment", "ments"];

/// Endings after a doubled last letter: "bidder", "transferred".
const DOUBLED_ENDINGS: &[&str] = &["ed", "ing", "er", "ers"];

/// The longest cue, in bytes, whose word must end where the cue does (or
/// with one of [`CUE_ENDINGS`]).
const SHORT_CUE: usize = 4;

/// True when the English kind cue found at byte `at` of `lower` is that
/// word (or an inflection of it), not a piece of another: "sign" in
/// "signed", never in "signals" or "design"; "fee" in "fees", never in
/// "coffee"; "move" in "moved", never in "movement" (a cue of up to
/// [`SHORT_CUE`] bytes).
fn is_cue_word_at(lower: &str, at: usize, cue: &str) -> bool {
    let starts_word = !cue.starts_with(char::is_alphabetic)
        || lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
    // Longer cues also stand in other languages' words ("offerta",
    // "transferência"): only the short ones need a word's end.
    if !starts_word || !cue.ends_with(char::is_alphabetic) || cue.len() > SHORT_CUE {
        return starts_word;
    }
    let rest = &lower[at + cue.len()..];
    let tail = &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())];
    let doubled = cue
        .chars()
        .next_back()
        .and_then(|last| tail.strip_prefix(last))
        .is_some_and(|t| DOUBLED_ENDINGS.contains(&t));
    tail.is_empty() || CUE_ENDINGS.contains(&tail) || doubled
}

fn is_word_at(haystack: &str, at: usize, len: usize) -> bool {
    let before = haystack[..at].chars().last();
    let after = haystack[at + len..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Words that end the clause a figure stands in: cues past them are not
/// the figure's.
const CLAUSE_BREAKS: &[&str] = &[
    "; ",
    "...",
    "…",
    " after ",
    " but ",
    " while ",
    " when ",
    " before ",
    " although ",
];

/// Words after which "in the region of" estimates a figure already named
/// (a worth, a bid) rather than stating what someone wants.
const ESTIMATE_WORDS: &[&str] = &["worth", "be", "is", "was"];

/// True when the text before "in the region of" (lowercased) ends with an
/// [`ESTIMATE_WORDS`] word: "understood to be in the region of £114m".
fn estimates(before: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| ESTIMATE_WORDS.contains(&w))
}

/// The kind signalled by the cue nearest to the figure (in characters),
/// looking both ways within the sentence; ties go to the earlier entry of
/// [`KIND_CUES`]. A cue after the figure that stands nearer the next figure
/// (at `next`) is that figure's: in "rose up to £91.3m but failed to meet
/// the asking fee of £108m" the asking fee is the £108m.
fn nearest_kind(sentence: &str, figure: Range<usize>, next: Option<usize>) -> ClaimKind {
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        // Lowercasing changed byte offsets: fall back to a plain search.
        return KIND_CUES
            .iter()
            .find(|(cue, _)| {
                lower
                    .match_indices(cue)
                    .any(|(at, _)| is_cue_word_at(&lower, at, cue))
            })
            .or_else(|| {
                FOREIGN_KIND_CUES
                    .iter()
                    .find(|(cue, _)| contains_word(&lower, cue))
            })
            .map_or(ClaimKind::Other, |(_, kind)| *kind);
    }
    let cues = KIND_CUES
        .iter()
        .map(|(cue, kind)| (cue, kind, false))
        .chain(
            FOREIGN_KIND_CUES
                .iter()
                .map(|(cue, kind)| (cue, kind, true)),
        );
    let mut best: Option<(usize, usize, ClaimKind)> = None;
    for (rank, (cue, kind, whole_word)) in cues.enumerate() {
        for (at, _) in lower.match_indices(cue) {
            if whole_word && !is_word_at(&lower, at, cue.len()) || !is_cue_word_at(&lower, at, cue)
            {
                continue;
            }
            let end = at + cue.len();
            // "a deal worth in the region of £110m", "a bid believed to be
            // in the region of £114m" estimate a figure; neither is a price
            // someone wants.
            if *cue == "in the region of" && estimates(&lower[..at]) {
                continue;
            }
            if *cue == "offer" && is_securities_offering(&lower, at) {
                continue;
            }
            // "the tax overhaul signed into law": a law's signing, no deal.
            if cue.starts_with("sign") && signs_a_law(&lower[end..]) {
                continue;
            }
            let distance = if end <= figure.start {
                figure.start - end
            } else if at >= figure.end {
                if next.is_some_and(|n| n.saturating_sub(end) < at - figure.end) {
                    continue;
                }
                // A cue in another clause is about something else: "a fee
                // of €100m after seeing several bids rejected".
                let between = &lower[figure.end..at];
                if CLAUSE_BREAKS.iter().any(|b| between.contains(b)) {
                    continue;
                }
                // "over £110m with add-ons", "just £82M, with add-ons":
                // the figure is the total or its guaranteed part, written
                // with the add-ons, not the add-ons themselves.
                // "100 million euros - 95 million fixed plus 5 million in
                // bonuses": past a "plus" the add-ons are another part.
                // "The fee could rise to €95 million if bonuses are met":
                // a figure the deal rises to is its total with the add-ons.
                if *kind == ClaimKind::AddOns
                    && (contains_word(between, "with")
                        || contains_word(between, "plus")
                        || rises_to(&lower[..figure.start]))
                {
                    continue;
                }
                // Cues after the figure ("£2.7m in add-ons") weigh a little less.
                (at - figure.end) + 2
            } else {
                0
            };
            if best.is_none_or(|(d, r, _)| (distance, rank) < (d, r)) {
                best = Some((distance, rank, *kind));
            }
        }
    }
    best.map_or(ClaimKind::Other, |(_, _, kind)| kind)
}

/// Words before "offering" that make it a sale of securities ("an initial
/// coin offering", "a public offering"), not a bid.
const SECURITIES: &[&str] = &[
    "coin",
    "public",
    "share",
    "stock",
    "rights",
    "bond",
    "debt",
    "secondary",
    "token",
    "equity",
];

/// True when the "offer" at byte `at` of `lower` is the noun "offering(s)"
/// after a [`SECURITIES`] word: money raised by selling shares or tokens is
/// no bid for anything.
fn is_securities_offering(lower: &str, at: usize) -> bool {
    lower[at..].starts_with("offering")
        && lower[..at]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| SECURITIES.contains(&w))
}

/// Verbs that tell the total a deal or a fee may grow to.
const RISE_CUES: &[&str] = &[
    "rise to",
    "rises to",
    "rising to",
    "risen to",
    "rose to",
    "reach",
    "reaches",
    "climb to",
];

/// Words that may stand between a rise verb and its figure.
const RISE_HEDGES: &[&str] = &["up to", "as much as", "around", "about"];

/// True when the text before a figure (lowercased) ends with a verb of
/// rising ("could rise to", "rising to up to"): the figure is the total
/// the deal reaches.
fn rises_to(before: &str) -> bool {
    let mut before = before.trim_end();
    for hedge in RISE_HEDGES {
        if let Some(rest) = before.strip_suffix(hedge) {
            before = rest.trim_end();
            break;
        }
    }
    RISE_CUES.iter().any(|cue| {
        before
            .strip_suffix(cue)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_race_a_club_won_for_a_player_is_its_accepted_fee() {
        let claim = one("Everton won the £30m race for Leeds' winger Tom Ashby.");
        assert_eq!(claim.kind, ClaimKind::Fee);
        assert_eq!(claim.status, Some(ClaimStatus::Accepted));
    }

    #[test]
    fn a_figure_the_fee_rises_to_is_the_fee() {
        assert_eq!(
            one("The fee could rise to €40 million if bonuses are met.").kind,
            ClaimKind::Fee
        );
        assert_eq!(
            one("Rovers will add €4 million in bonuses.").kind,
            ClaimKind::AddOns
        );
    }

    #[test]
    fn a_cue_inside_another_word_is_no_cue() {
        // "signals" holds "sign", "design" holds "sign", "coffee" holds "fee".
        assert_eq!(
            one("The coin's price falls below $6,000 as a central banker signals a crackdown.")
                .kind,
            ClaimKind::Other
        );
        assert_eq!(
            one("The new design is likely to cost $916 in the shops.").kind,
            ClaimKind::Other
        );
        assert_eq!(one("Rovers signed him for £30m.").kind, ClaimKind::Fee);
        assert_eq!(
            one("Rovers made an offerta of €30m.").kind,
            ClaimKind::Offer
        );
    }

    #[test]
    fn a_law_signed_is_no_deal() {
        assert_eq!(
            one("The bank expects a $5 billion hit because of the tax overhaul signed into law last week.").kind,
            ClaimKind::Other
        );
    }

    #[test]
    fn a_pronoun_subject_is_the_earlier_subject_not_a_later_name() {
        let text = "Jane Holt has been announced as the new leader. Sir Tom Reeve made the announcement. She received 81,326 of the votes while her rival Sam Patel received 60,399.";
        let counts: Vec<_> = find_quantity_claims(text)
            .into_iter()
            .map(|c| (c.quantity.value, c.subject))
            .collect();
        assert_eq!(
            counts,
            vec![
                (81_326.0, Some("Jane Holt".into())),
                (60_399.0, Some("Sam Patel".into()))
            ]
        );
        let claims = find_claims(
            "Jane Holt joined Rovers in May. Sir Tom Reeve approved it. She cost £30m, more than Sam Patel did.",
        );
        assert_eq!(claims.len(), 1, "{claims:#?}");
        assert_eq!(claims[0].subject.as_deref(), Some("Jane Holt"));
    }

    #[test]
    fn an_analyst_quoted_on_a_figure_is_not_what_it_is_about() {
        for text in [
            "Keefe Bruyette & Woods analyst Brian Kleinhanzl said the bank took a $3.2 billion charge.",
            "Brian Kleinhanzl, an analyst at Keefe, said the bank took a $3.2 billion charge.",
        ] {
            let claims = find_claims(text);
            assert_eq!(claims.len(), 1, "{claims:#?}");
            assert_eq!(claims[0].subject, None, "{text}");
        }
        // A player named in the same place stays the subject.
        let claims = find_claims("Jadon Sancho, a winger at Dortmund, will cost £108m.");
        assert_eq!(claims[0].subject.as_deref(), Some("Jadon Sancho"));
    }

    fn one(text: &str) -> Claim {
        let claims = find_claims(text);
        assert_eq!(claims.len(), 1, "{claims:#?}");
        claims.into_iter().next().unwrap()
    }

    #[test]
    fn offer_with_conversion_and_add_ons_under_consideration() {
        let claims = find_claims(
            "Smalling spent last season at Roma. Roma have been pursuing a centre back all summer and according to Italian outlet Corriere dello Sport, their latest offer of £10.9m (€12m) plus £2.7m (€3m) in add-ons is currently being considered.",
        );
        assert_eq!(claims.len(), 2, "{claims:#?}");
        assert_eq!(claims[0].kind, ClaimKind::Offer);
        assert_eq!(claims[0].amount.value, 10_900_000.0);
        assert_eq!(claims[0].equivalents[0].currency, "EUR");
        assert_eq!(claims[0].status, Some(ClaimStatus::Considering));
        assert_eq!(
            claims[0].attributed_to.as_deref(),
            Some("Corriere dello Sport")
        );
        assert_eq!(claims[0].holder.as_deref(), Some("Roma"));
        assert_eq!(claims[1].kind, ClaimKind::AddOns);
        assert_eq!(claims[1].amount.value, 2_700_000.0);
    }

    #[test]
    fn a_club_valuing_a_player_at_a_figure_holds_the_valuation() {
        let claim = one("Aston Villa value Grealish at about £100m and would not take less.");
        assert_eq!(claim.kind, ClaimKind::Valuation);
        assert_eq!(claim.holder.as_deref(), Some("Aston Villa"));
    }

    #[test]
    fn a_fee_demanded_by_a_club_is_its_asking_price() {
        let claim = one(
            "Manchester City explored a move, but the €100 million transfer fee demanded by Aston Villa ruled it out.",
        );
        assert_eq!(claim.kind, ClaimKind::AskingPrice);
        assert_eq!(claim.holder.as_deref(), Some("Aston Villa"));
    }

    #[test]
    fn a_figure_put_forward_by_a_club_is_its_offer() {
        let claim = one("The new bid beats the £100m put forward by Chelsea.");
        assert_eq!(claim.kind, ClaimKind::Offer);
        assert_eq!(claim.holder.as_deref(), Some("Chelsea"));
    }

    #[test]
    fn the_club_that_receives_a_fee_is_its_other_side() {
        let claim = one(
            "In the end Blackburn Rovers are expected to receive around £106m up front, with the rest depending on how Real Madrid fare.",
        );
        assert_eq!(claim.kind, ClaimKind::Fee);
        assert_eq!(claim.holder.as_deref(), Some("Real Madrid"));
        assert_eq!(claim.counterparty.as_deref(), Some("Blackburn Rovers"));
    }

    #[test]
    fn a_holiday_holds_nothing() {
        let claim = one("Bitcoin hit a peak of almost $20,000 in the week before Christmas.");
        assert_eq!(claim.holder, None);
    }

    #[test]
    fn a_venue_or_a_region_standing_for_a_club_holds_nothing() {
        let claim =
            one("Coutinho signed a long contract at the Camp Nou with a buyout clause at €400m.");
        assert_eq!(claim.kind, ClaimKind::ReleaseClause);
        assert_eq!(claim.holder, None);
        let claim = one("But the Merseyside club snubbed the offer of £82m.");
        assert_eq!(claim.holder, None);
    }

    #[test]
    fn a_payment_that_would_trigger_a_release_clause_is_the_clause() {
        let claim = one(
            "There was a release clause in his old contract, stating that the club would not stand in his way if a rival were willing to pay £100 million to sign him.",
        );
        assert_eq!(claim.kind, ClaimKind::ReleaseClause);
    }

    #[test]
    fn the_player_of_a_compared_deal_is_not_the_subject_of_the_bid() {
        let claims = find_claims(
            "Arsenal made a record £90 million offer for the midfielder, exceeding the £72 million Arsenal paid to Lille for Nicolas Pepe in 2019.",
        );
        assert_eq!(claims[0].subject, None, "{claims:#?}");
        assert_eq!(claims[1].subject.as_deref(), Some("Nicolas Pepe"));
    }

    #[test]
    fn a_club_that_says_what_another_pays_is_the_other_side() {
        let claim = one(
            "In a statement, Borussia Dortmund said Manchester United will pay 85 million euros for the winger.",
        );
        assert_eq!(claim.holder.as_deref(), Some("Manchester United"));
        let claim =
            one("Rovers also said United will pay 85 million euros for the winger, a club record.");
        assert_eq!(claim.holder.as_deref(), Some("United"), "{claim:#?}");
    }

    #[test]
    fn a_company_that_buys_another_pays_a_fee_and_a_market_value_is_a_valuation() {
        let claim = one("In the end UBS buys Credit Suisse for $3.2 billion.");
        assert_eq!(claim.kind, ClaimKind::Fee);
        let claim = one("The bank ended Friday with a market value of $8 billion.");
        assert_eq!(claim.kind, ClaimKind::Valuation);
    }

    #[test]
    fn the_executive_who_speaks_is_not_what_the_figure_is_about() {
        let claim = one(
            "City, through their chief executive, Ferran Soriano, said they will pay the €75m release clause.",
        );
        assert_eq!(claim.subject, None, "{claim:#?}");
    }

    #[test]
    fn a_figure_a_club_wants_is_its_price() {
        let claim = one("We think Ajax may want to push as far as €100m before they sell him.");
        assert_eq!(claim.kind, ClaimKind::AskingPrice);
        assert_eq!(claim.holder.as_deref(), Some("Ajax"));
    }

    #[test]
    fn a_total_before_its_parts_and_bonuses_is_the_fee() {
        let claims = find_claims(
            "The winger will leave Amsterdam for England for 100 million euros - 95 million fixed plus 5 million in possible bonuses.",
        );
        assert_eq!(claims[0].kind, ClaimKind::Fee, "{claims:#?}");
    }

    #[test]
    fn the_club_that_answers_a_bid_is_its_other_side() {
        let claim =
            one("In July, Rovers had already turned down a bid of £72m from the Spanish giants.");
        assert_eq!(claim.kind, ClaimKind::Offer);
        assert_eq!(claim.status, Some(ClaimStatus::Rejected));
        assert_eq!(claim.holder, None);
        assert_eq!(claim.counterparty.as_deref(), Some("Rovers"));
        let claim = one("In July, Rovers rejected a £90m bid from United for John Smith.");
        assert_eq!(claim.holder.as_deref(), Some("United"));
        assert_eq!(claim.counterparty.as_deref(), Some("Rovers"));
        let claim = one("In July, Rovers rejected the bid and are holding out for £120m.");
        assert_eq!(claim.kind, ClaimKind::AskingPrice);
        assert_eq!(claim.holder.as_deref(), Some("Rovers"));
    }

    #[test]
    fn the_bidder_is_the_other_side_of_the_price_it_is_told() {
        let claims = find_claims(
            "In July, United offered £75m which Rovers believe is too little and have been told it will take a minimum of £100m to do a deal.",
        );
        assert_eq!(claims[1].kind, ClaimKind::AskingPrice);
        assert_eq!(claims[1].holder.as_deref(), Some("Rovers"));
        assert_eq!(claims[1].counterparty.as_deref(), Some("United"));
    }

    #[test]
    fn the_deal_a_player_arrived_in_is_history() {
        let claim = one(
            "That triggered John Smith, who arrived at the club in 2013 in an £8m deal from Inter Milan, to hand in a transfer request.",
        );
        assert!(claim.historic);
    }

    #[test]
    fn a_figure_written_with_add_ons_is_not_the_add_ons() {
        let claim =
            one("Rovers rejected a third bid from United, the latest over £110m with add-ons.");
        assert_eq!(claim.kind, ClaimKind::Offer);
        let claim =
            one("The guaranteed sum in the offer was just £82M, with add-ons taking it higher.");
        assert_eq!(claim.kind, ClaimKind::Offer);
        let claims = find_claims("United offered £75m plus £15m in add-ons.");
        assert_eq!(claims[1].kind, ClaimKind::AddOns);
    }

    #[test]
    fn a_bid_believed_to_be_in_the_region_of_a_figure_is_a_bid() {
        let claim = one(
            "In July, Rovers rejected a third bid from United for John Smith - believed to be in the region of £114m.",
        );
        assert_eq!(claim.kind, ClaimKind::Offer);
        assert_eq!(claim.holder.as_deref(), Some("United"));
    }

    #[test]
    fn another_players_deal_told_for_comparison_is_about_that_player() {
        let claims = find_claims(
            "The bid would make Peter Jones the second most expensive player behind the £150m Rovers paid for John Smith.",
        );
        assert_eq!(claims[0].subject.as_deref(), Some("John Smith"));
        let claim =
            one("United still need to replace John Smith, who they sold to Rovers for £90m.");
        assert_eq!(claim.subject.as_deref(), Some("John Smith"));
        let claim = one(
            "United are desperate to replace John Smith following his £90m transfer to Rovers.",
        );
        assert_eq!(claim.subject.as_deref(), Some("John Smith"));
    }

    #[test]
    fn a_record_spent_on_another_player_does_not_carry_over() {
        let claims = find_claims(
            "Arsenal agreed a deal to sign midfielder Declan Rice. \
             It shatters their previous record of £72 million spent on Nicolas Pepe in 2019. \
             The north Londoners offered £100 million guaranteed.",
        );
        let subject = |t: &str| {
            claims
                .iter()
                .find(|c| c.text == t)
                .and_then(|c| c.subject.clone())
        };
        assert_eq!(subject("£72 million").as_deref(), Some("Nicolas Pepe"));
        assert_eq!(subject("£100 million").as_deref(), Some("Declan Rice"));
    }

    #[test]
    fn a_player_paid_for_in_a_later_clause_is_not_the_bids_subject() {
        let claims = find_claims(
            "Arsenal want midfielder Declan Rice. \
             If Arsenal's bid of an initial £100m is successful, the fee would equal \
             the British record Manchester City paid for midfielder Jack Grealish.",
        );
        let bid = claims.iter().find(|c| c.text == "£100m");
        assert_eq!(bid.and_then(|c| c.subject.as_deref()), Some("Declan Rice"));
    }

    #[test]
    fn what_a_seller_would_also_accept_and_a_fee_up_front() {
        let claim = one("It is understood the Hammers would also accept £100m plus a player.");
        assert_eq!(claim.kind, ClaimKind::AskingPrice);
        let claim = one("Liverpool are expected to receive around £106m up front for him.");
        assert_eq!(claim.kind, ClaimKind::Fee);
    }

    #[test]
    fn a_player_told_for_comparison_does_not_carry_over() {
        let claims = find_claims(
            "Barcelona want to replace Neymar following his £198m move to PSG, \
             with midfielder John Smith their top target. \
             Liverpool snubbed the offer, understood to be £82m plus £36m in add-ons.",
        );
        let offer = claims
            .iter()
            .find(|c| c.text == "£82m")
            .map(|c| c.subject.clone());
        assert_eq!(offer, Some(Some("John Smith".to_string())));
    }

    #[test]
    fn a_fee_for_a_player_named_before_it_keeps_its_subject() {
        let claims = find_claims(
            "United are buying Peter Jones for 120 Million Pounds, which would beat the 100 Million paid by Rovers for John Smith.",
        );
        assert_eq!(claims[0].subject.as_deref(), Some("Peter Jones"));
    }

    #[test]
    fn a_closing_price_after_the_figure_does_not_make_it_a_market_price() {
        let claims = find_claims(
            "Jane Holloway will pay $12.50 per share, a premium over the closing price and a value of about $9 billion.",
        );
        assert!(
            claims.iter().all(|c| c.kind != ClaimKind::Other),
            "{claims:#?}"
        );
    }

    #[test]
    fn a_bid_for_a_player_keeps_its_subject_beside_an_old_sale() {
        let claim =
            one("Barcelona made a £114m bid for Peter Jones, having sold John Smith last summer.");
        assert_eq!(claim.subject.as_deref(), Some("Peter Jones"));
        let claim = one("Peter Jones will cost £114m, after United sold John Smith.");
        assert_eq!(claim.subject.as_deref(), Some("Peter Jones"));
    }

    #[test]
    fn planned_bid_with_source() {
        let claim = one(
            "And now Roma have at least made some headway with a bid of £18million plus bonuses being prepared to be sent over to Old Trafford, according to Sky Sports Italia.",
        );
        assert_eq!(claim.kind, ClaimKind::Offer);
        assert_eq!(claim.status, Some(ClaimStatus::Planned));
        assert_eq!(claim.attributed_to.as_deref(), Some("Sky Sports Italia"));
    }

    #[test]
    fn rejected_offer_asking_price_wage_and_valuation() {
        let claim = one(
            "The Italian giants have already submitted an offer of £11m earlier in the summer for his services but it was deemed too low and was subsequently rejected by Manchester United.",
        );
        assert_eq!(
            (claim.kind, claim.status),
            (ClaimKind::Offer, Some(ClaimStatus::Rejected))
        );
        assert_eq!(
            one("The Red Devils are understood to be holding out for £18m.").kind,
            ClaimKind::AskingPrice
        );
        assert_eq!(
            one("United want in the region of £20million for the central defender.").kind,
            ClaimKind::AskingPrice
        );
        assert_eq!(
            one("Smalling still has two years left on his £130,000-a-week deal.").kind,
            ClaimKind::Wage
        );
        assert_eq!(
            one("The company wants more users to sign up for its premium subscription at $8 a month.").kind,
            ClaimKind::Other
        );
        assert_eq!(
            one("The basic plan costs £5 per month for every reader.").kind,
            ClaimKind::Other
        );
        let valued =
            one("Smalling, who is valued at around £15-£20million by Roma, missed sessions.");
        assert_eq!(valued.kind, ClaimKind::Valuation);
        assert_eq!(
            (valued.amount.min, valued.amount.max),
            (Some(15_000_000.0), Some(20_000_000.0))
        );
        assert_eq!(
            one("Roma frustrated over deal for £20m-rated defender Chris Smalling").kind,
            ClaimKind::Valuation
        );
    }

    #[test]
    fn each_count_belongs_to_the_name_that_heads_it() {
        let subjects: Vec<(f64, Option<String>)> = find_quantity_claims(
            "In the final round, Sunak won 137 votes (39% of the total), Truss 113 votes (32%) and Mordaunt was eliminated with 105 votes.",
        )
        .into_iter()
        .map(|c| (c.quantity.value, c.subject))
        .collect();
        assert_eq!(
            subjects,
            [
                (137.0, Some("Sunak".into())),
                (39.0, Some("Sunak".into())),
                (113.0, Some("Truss".into())),
                (32.0, Some("Truss".into())),
                (105.0, Some("Mordaunt".into())),
            ]
        );
        let listed: Vec<(f64, String, Option<String>)> = find_quantity_claims(
            "Ann Smith led the first ballot of MPs, which finished as follows:\n1. Ann Smith – 88\n2. Bob Jones: 67 votes\nBob Jones said he was pleased with 67 votes.",
        )
        .into_iter()
        .map(|c| (c.quantity.value, c.quantity.unit, c.subject))
        .collect();
        assert_eq!(
            listed,
            [
                (88.0, "votes".into(), Some("Ann Smith".into())),
                (67.0, "votes".into(), Some("Bob Jones".into())),
                (67.0, "votes".into(), Some("Bob Jones".into())),
            ]
        );
        let subjects: Vec<Option<String>> = find_quantity_claims(
            "Former chancellor Rishi Sunak once again topped the ballot among Tory MPs with 118 votes. The former Chancellor of the Exchequer won 115 votes.",
        )
        .into_iter()
        .map(|c| c.subject)
        .collect();
        assert_eq!(
            subjects,
            [Some("Rishi Sunak".into()), Some("Rishi Sunak".into())]
        );
    }

    /// stories-dev's Grealish: the contract is the player's, not that of
    /// the man named in passing in a relative clause before it.
    #[test]
    fn a_person_named_in_a_relative_clause_is_not_the_counts_subject() {
        let subjects: Vec<Option<String>> = find_quantity_claims(
            "Aston Villa confirmed that Jack Grealish joined Manchester City. The 25-year-old, who will wear the No 10 shirt vacated by the departure of Sergio Aguero, has signed a six-year contract to play for Pep Guardiola's side.",
        )
        .into_iter()
        .map(|c| c.subject)
        .collect();
        assert_eq!(subjects, [Some("Jack Grealish".into())]);
    }

    /// stories-dev's Haaland: a payment that releases a player from his
    /// contract is the price of his release clause.
    #[test]
    fn a_payment_to_release_a_player_from_his_contract_is_the_clause() {
        let claim = one(
            "Telegraph Sport understands that City paid an initial €60m (£51.2m) to release Erling Haaland from his contract this summer.",
        );
        assert_eq!(claim.kind, ClaimKind::ReleaseClause);
        assert_eq!(claim.status, Some(ClaimStatus::Accepted));
        // The club that pays is the other side: the clause is the seller's.
        assert_ne!(claim.holder.as_deref(), Some("City"));
        let claim = one("City paid €60m for Erling Haaland.");
        assert_eq!(claim.kind, ClaimKind::Fee);
    }

    /// stories-dev's UAW strike: the union leader who announced a deal is
    /// not whom the workforce's wage is about.
    #[test]
    fn a_workforces_wage_is_not_the_earlier_speakers() {
        let claims = find_claims(
            "Shawn Fain said the deal includes a large wage increase. According to Reuters, workers' pay will rise to more than $40 an hour over the life of the contract.",
        );
        let wage = claims
            .iter()
            .find(|c| c.kind == ClaimKind::Wage)
            .map(|c| (c.subject.as_deref(), c.subject_inferred));
        assert_eq!(wage, Some((Some("workers"), false)));
        // A wage the sentence gives to "his" is still the earlier person's.
        let claims = find_claims(
            "Shawn Fain leads the union. His pay will rise to $150,000 a year, members were told.",
        );
        let wage = claims.iter().find(|c| c.kind == ClaimKind::Wage);
        assert_eq!(wage.and_then(|c| c.subject.as_deref()), Some("Shawn Fain"));
    }

    #[test]
    fn subjects_carry_over_and_history_is_marked() {
        let claims = find_claims(
            "RB Leipzig star Dayot Upamecano has been linked with a move. The youngster has a £38m release clause in his new deal at Leipzig.",
        );
        assert_eq!(claims[0].kind, ClaimKind::ReleaseClause);
        assert_eq!(claims[0].subject.as_deref(), Some("Dayot Upamecano"));
        assert!(claims[0].subject_inferred);
        let fee = one(
            "Since Sir Alex Ferguson signed him from Fulham for £10m, he has made 300 appearances.",
        );
        assert_eq!(fee.kind, ClaimKind::Fee);
        assert!(fee.historic);
        assert_eq!(fee.counterparty.as_deref(), Some("Fulham"));
        assert_eq!(fee.holder, None);
        let asking = one(
            "Manchester United were understood to be holding out for a fee of £20m for the 30-year-old, but Roma may add bonuses.",
        );
        assert_eq!(asking.kind, ClaimKind::AskingPrice);
        assert_eq!(asking.holder.as_deref(), Some("Manchester United"));
        let joined = one("Ole Gunnar Solskjaer and United want a fee of £20m for the 30-year-old.");
        assert_eq!(joined.kind, ClaimKind::AskingPrice);
        assert_eq!(joined.subject, None);
        let valued =
            one("Smalling, who is valued at around £15-£20million by Roma, missed training.");
        assert_eq!(valued.holder.as_deref(), Some("Roma"));
        let rejected =
            one("They submitted an offer of £11m but it was rejected by Manchester United.");
        assert_eq!(rejected.holder, None);
        assert_eq!(rejected.counterparty.as_deref(), Some("Manchester United"));
        assert_eq!(
            one("Sources claim United want £20m.")
                .attributed_to
                .as_deref(),
            Some(crate::attribution::ANONYMOUS)
        );
    }

    #[test]
    fn negated_statuses_are_not_taken() {
        let claim = one("United want £20million and the clubs have not been able to agree a fee.");
        assert_eq!(claim.status, None);
        let claim = one("West Ham have rejected a £90m bid from Arsenal.");
        assert_eq!(claim.status, Some(ClaimStatus::Rejected));
        assert_eq!(claim.holder.as_deref(), Some("Arsenal"));
    }

    fn parties(text: &str) -> Vec<(Option<String>, Option<String>)> {
        find_claims(text)
            .into_iter()
            .map(|c| (c.holder, c.counterparty))
            .collect()
    }

    fn pair(holder: Option<&str>, other: Option<&str>) -> (Option<String>, Option<String>) {
        (holder.map(String::from), other.map(String::from))
    }

    /// [`parties`], with a book that knows clubs named like their cities.
    fn parties_with_clubs(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let club = |name: &str, aliases: &[&str]| crate::entities::KnownEntity {
            name: name.into(),
            kind: EntityKind::Organization,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let book = AliasBook::new(vec![
            club("West Ham United", &["West Ham"]),
            club("FC Barcelona", &["Barcelona"]),
            club("Liverpool", &[]),
        ]);
        find_claims_with(text, Some(&book))
            .into_iter()
            .map(|c| (c.holder, c.counterparty))
            .collect()
    }

    /// stories-dev: bidders named with the bid itself, wherever they stand.
    #[test]
    fn the_bidder_named_with_the_bid_holds_it() {
        assert_eq!(
            parties("In recent days Ajax had turned down an €80m United offer for the winger."),
            [pair(Some("United"), Some("Ajax"))]
        );
        let text = "Liverpool have rejected a new and improved bid for Philippe Coutinho from Barcelona, understood to be worth a staggering £114million, said Liverpool's manager.";
        assert_eq!(
            parties_with_clubs(text),
            [pair(Some("Barcelona"), Some("Liverpool"))]
        );
        // Without the book both are cities, and cities hold no bids.
        assert_eq!(parties(text), [pair(None, None)]);
        assert_eq!(
            parties_with_clubs(
                "It came from Barcelona. Barcelona's second bid, per BBC Sport, was worth £90m in total for the Hammers."
            ),
            [pair(Some("Barcelona"), Some("Hammers"))]
        );
    }

    /// stories-dev's Caicedo: a plural possessive owns the bid.
    #[test]
    fn a_plural_possessive_holds_the_bid() {
        assert_eq!(
            parties(
                "In the end Brighton ran an auction and the Blues' £100 million bid fell short."
            ),
            [pair(Some("Blues"), Some("Brighton"))]
        );
    }

    /// stories-dev's Caicedo and Rice: the player's club sells, a hijacked
    /// rival is no party, and a fee agreed "with" a club has it on the
    /// other side.
    #[test]
    fn the_players_club_sells_and_a_hijacked_rival_is_no_party() {
        // Without a book "West Ham" reads as a person's name; the book
        // knows the club.
        let text = "Arsenal have submitted a third bid worth £105m for West Ham and England midfielder Declan Rice, Arsenal said.";
        assert_eq!(
            parties_with_clubs(text),
            [pair(Some("Arsenal"), Some("West Ham"))]
        );
        assert_eq!(parties(text), [pair(Some("Arsenal"), None)]);
        assert_eq!(
            parties_with_clubs(
                "Liverpool have agreed a British-record £111 million transfer fee with Brighton & Hove Albion for Moisés Caicedo as they attempt to hijack Chelsea’s long-standing pursuit of Liverpool's target."
            ),
            [pair(Some("Liverpool"), Some("Brighton & Hove Albion"))]
        );
    }

    #[test]
    fn a_price_at_the_close_of_trading_is_no_bid() {
        let kinds: Vec<ClaimKind> = find_claims(
            "The bid of 0.25 Swiss francs a share is well below the 1.86 Swiss francs at the close of trading on Friday.",
        )
        .into_iter()
        .map(|c| c.kind)
        .collect();
        assert_eq!(kinds, [ClaimKind::Offer, ClaimKind::Other]);
    }

    #[test]
    fn a_price_each_share_is_given_in_a_deal_is_its_offer() {
        let kinds: Vec<ClaimKind> = find_claims(
            "Northwind offered $2bn for the lender. The shares were valued at 0.40 dollars each.",
        )
        .into_iter()
        .map(|c| c.kind)
        .collect();
        assert_eq!(kinds, [ClaimKind::Offer, ClaimKind::Offer]);
        // Without shares, "each" is no price per share.
        assert_eq!(
            one("The paintings were valued at $2m each.").kind,
            ClaimKind::Valuation
        );
    }

    #[test]
    fn a_difference_between_two_amounts_is_no_deal_figure() {
        let kinds: Vec<ClaimKind> = find_claims(
            "Northwind offered $2bn for the lender, a deal that values it at around $3 billion less than its market value.",
        )
        .into_iter()
        .map(|c| c.kind)
        .collect();
        assert_eq!(kinds, [ClaimKind::Offer, ClaimKind::Other]);
    }

    #[test]
    fn an_icelandic_club_that_accepts_an_offer_sells() {
        let claims =
            find_claims("Arsenal samþykkti tilboð Chelsea í leikmanninn fyrir 90 milljónir punda.");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].kind, ClaimKind::Offer);
        // Arsenal answers the offer: it is the other side; the offer is the
        // club named after "tilboð" (its genitive).
        assert_eq!(claims[0].holder.as_deref(), Some("Chelsea"));
    }

    #[test]
    fn a_possessive_in_an_apposition_owns_no_figure() {
        let claims =
            find_claims("On Friday Northwind, Norway's largest bank, offered $1bn for the lender.");
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].holder.as_deref(), Some("Northwind"));
    }

    #[test]
    fn the_club_of_the_bids_own_clause_makes_it() {
        assert_eq!(
            parties(
                "It seems Chelsea are now less likely to sign the midfielder, as Arsenal have entered the race with an increased bid of £90m."
            ),
            [pair(Some("Arsenal"), Some("Chelsea"))]
        );
    }

    fn by_text<'a>(claims: &'a [Claim], text: &str) -> &'a Claim {
        claims
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim {text} in {claims:#?}"))
    }

    #[test]
    fn a_figure_in_a_relative_clause_is_the_antecedents_held_by_its_agent() {
        let claims = find_claims(
            "Northfield Athletic signed Rhys Dunmore for £40m, making the winger the dearest \
             winger ever behind Tom Ashby, who was bought for £45m by Westfield Rovers in 2018.",
        );
        let main = by_text(&claims, "£40m");
        assert_eq!(main.subject.as_deref(), Some("Rhys Dunmore"));
        assert_eq!(main.holder.as_deref(), Some("Northfield Athletic"));
        let old = by_text(&claims, "£45m");
        assert_eq!(old.subject.as_deref(), Some("Tom Ashby"));
        assert!(!old.subject_inferred);
        assert_eq!(old.holder.as_deref(), Some("Westfield Rovers"));
        // Another player's deal: the sentence's verbs are not about it.
        assert_eq!(old.status, None);
    }

    #[test]
    fn a_party_named_only_in_a_comparison_holds_no_figure_of_the_main_clause() {
        let claims = find_claims(
            "Rhys Dunmore was signed for £40m, more than Tom Ashby, who joined Westfield \
             Rovers last year.",
        );
        let main = by_text(&claims, "£40m");
        assert_eq!(main.subject.as_deref(), Some("Rhys Dunmore"));
        assert_eq!(main.holder, None);
        assert_eq!(main.counterparty, None);
    }

    /// The subject and holder of the claim written `figure` in `text`.
    fn subject_and_holder(text: &str, figure: &str) -> (Option<String>, Option<String>) {
        let claims = find_claims(text);
        let claim = by_text(&claims, figure);
        (claim.subject.clone(), claim.holder.clone())
    }

    #[test]
    fn a_clause_without_its_own_party_keeps_the_main_clauses_holder() {
        let dunmore = |holder: &str| (Some("Rhys Dunmore".into()), Some(holder.into()));
        // "who they bought": the pronoun stands for the party before it.
        assert_eq!(
            subject_and_holder(
                "Northfield Athletic will profit from the sale of Rhys Dunmore, who they \
                 bought from Eastvale Rangers for £6m.",
                "£6m"
            ),
            dunmore("Northfield Athletic")
        );
        // "the club": a clause that names no party of its own.
        assert_eq!(
            subject_and_holder(
                "Northfield Athletic agreed a deal for Rhys Dunmore, who will cost the club £30m.",
                "£30m"
            ),
            dunmore("Northfield Athletic")
        );
    }

    #[test]
    fn a_companys_valuation_in_its_own_clause_is_about_the_company() {
        let claims = find_claims(
            "Investor Dana Whitlock can afford Corvane Labs, which has a market valuation \
             of about $12bn.",
        );
        let value = by_text(&claims, "$12bn");
        assert_eq!(value.kind, ClaimKind::Valuation);
        assert_eq!(value.subject.as_deref(), Some("Corvane Labs"));
    }

    #[test]
    fn a_clubs_relative_clause_ranks_its_own_parties_before_the_club() {
        let claims = find_claims(
            "Rhys Dunmore's price suits Northfield Athletic, who looked at Tom Ashby's \
             move to Westfield Rovers for £45m.",
        );
        let fee = by_text(&claims, "£45m");
        assert_eq!(fee.holder.as_deref(), Some("Westfield Rovers"));
        let claims = find_claims("Northfield Athletic, who have bid £30m for Rhys Dunmore, lead.");
        assert_eq!(
            by_text(&claims, "£30m").holder.as_deref(),
            Some("Northfield Athletic")
        );
    }

    fn kinds_and_holders(text: &str) -> Vec<(ClaimKind, Option<String>)> {
        find_claims(text)
            .into_iter()
            .map(|c| (c.kind, c.holder))
            .collect()
    }

    /// Sentences written for this test, one per language.
    #[test]
    fn kinds_in_other_languages() {
        let kind = |text: &str| one(text).kind;
        assert_eq!(
            kind("Félagið gerði tilboð upp á 90 milljónir punda."),
            ClaimKind::Offer
        );
        assert_eq!(
            kind("Het laatste bod bedroeg 70 miljoen euro."),
            ClaimKind::Offer
        );
        assert_eq!(
            kind("Klubben sier at overgangssummen er 60 millioner euro."),
            ClaimKind::Fee
        );
        assert_eq!(
            kind("L'operazione dovrebbe costare 80 milioni di euro."),
            ClaimKind::Fee
        );
        assert_eq!(
            kind("Клуб сделал предложение в 50 миллионов евро."),
            ClaimKind::Offer
        );
        assert_eq!(
            kind("Il contratto prevede una clausola rescissoria di 500 milioni di euro."),
            ClaimKind::ReleaseClause
        );
        // An ellipsis ends the clause: the transfer after it is not this figure's.
        assert_eq!(
            kind(
                "Vão pagar a cláusula de rescisão do avançado, no valor de 60 milhões de euros...A transferência fica feita."
            ),
            ClaimKind::ReleaseClause
        );
        // Whole words only: an English word that contains a cue is no cue.
        assert_eq!(kind("The bodies cost £5m to recover."), ClaimKind::Other);
    }

    /// stories-dev's Sancho: "Dortmund's £108m valuation" made Dortmund
    /// the bidder of the £73m offer.
    #[test]
    fn the_possessor_of_another_figure_does_not_hold_this_one() {
        let claims = find_claims(
            "The offer was for an initial £73m, rising to up to £91.3m, which fell short of Dortmund's £108m valuation.",
        );
        let got: Vec<_> = claims
            .iter()
            .map(|c| (c.kind, c.holder.as_deref(), c.counterparty.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (ClaimKind::Offer, None, Some("Dortmund")),
                (ClaimKind::Offer, None, Some("Dortmund")),
                (ClaimKind::Valuation, Some("Dortmund"), None),
            ]
        );
        // The player's club before his name owns no figure.
        assert_eq!(
            kinds_and_holders(
                "Manchester United's first bid to sign Borussia Dortmund's Jadon Sancho which is worth up to €100m was rejected."
            ),
            [(ClaimKind::Offer, Some("Manchester United".into()))]
        );
    }

    /// stories-dev's Sancho: Dortmund's condition was read as a €120m bid.
    #[test]
    fn a_sellers_condition_is_its_asking_price() {
        assert_eq!(
            kinds_and_holders(
                "Borussia Dortmund would not sell Jadon Sancho unless Manchester United put in a bid of €120m by August 10."
            ),
            [(ClaimKind::AskingPrice, Some("Borussia Dortmund".into()))]
        );
        // A bid made is still a bid.
        assert_eq!(
            one("Manchester United put in a bid of €100m unless reports are wrong.").kind,
            ClaimKind::Offer
        );
    }

    /// stories-dev's Sancho: the asking fee before £108m made the £91.3m
    /// before it an asking price.
    #[test]
    fn a_cue_nearer_the_next_figure_is_that_figures() {
        let kinds: Vec<ClaimKind> = find_claims(
            "The club initially brought an offer of £73m, in the long run rose up to £91.3m but failed to meet Dortmund's asking fee said to be around £108m.",
        )
        .into_iter()
        .map(|c| c.kind)
        .collect();
        assert_eq!(
            kinds,
            [ClaimKind::Offer, ClaimKind::Offer, ClaimKind::AskingPrice]
        );
    }

    /// stories-dev's Haaland: totals with agents' fees were read as rival
    /// transfer fees.
    #[test]
    fn the_total_cost_of_a_deal_is_not_its_fee() {
        assert_eq!(
            one("With agents' fees and bonuses, the total cost of the deal to City comes to around £85.6 million.").kind,
            ClaimKind::Other
        );
        assert_eq!(
            one("City expect to pay £85.5m in total when agent fees, signing bonus and other costs are taken into account.").kind,
            ClaimKind::Other
        );
        let kinds: Vec<ClaimKind> = find_claims(
            "City would pay £51.1 million to Dortmund for the striker while over £30 million includes agent fees, signing bonus, and other costs.",
        )
        .into_iter()
        .map(|c| c.kind)
        .collect();
        assert_eq!(kinds, [ClaimKind::Fee, ClaimKind::Other]);
        // A fee with add-ons on top stays a fee.
        assert_eq!(
            one("United will pay a fee of £75m plus bonuses.").kind,
            ClaimKind::Fee
        );
    }

    /// stories-dev's Rice: West Ham's £120m and £100m prices were given to
    /// Arsenal, and Manchester City's "transfer bid" read as a fee.
    #[test]
    fn the_seller_holds_its_price() {
        let claims = find_claims(
            "The Gunners had their opening £80m offer rejected by West Ham United, who are holding out for £120m.",
        );
        assert_eq!(claims[1].kind, ClaimKind::AskingPrice);
        assert_eq!(claims[1].holder.as_deref(), Some("West Ham United"));
        let accept = one(
            "But West Ham United are willing to accept £100 million if Arsenal include a player.",
        );
        assert_eq!(accept.holder.as_deref(), Some("West Ham United"));
        assert_eq!(accept.counterparty.as_deref(), Some("Arsenal"));
        assert_eq!(
            one("The bids fell short of the £100m West Ham want.").kind,
            ClaimKind::AskingPrice
        );
        let city = one(
            "West Ham United have rejected Manchester City’s £90million transfer bid for Declan Rice.",
        );
        assert_eq!(
            (city.kind, city.holder.as_deref()),
            (ClaimKind::Offer, Some("Manchester City"))
        );
    }

    /// stories-dev's Antony and Caicedo: a cue in a later clause, and a
    /// deal "worth in the region of", made an agreed fee a bid and a price.
    #[test]
    fn cues_stay_in_their_clause() {
        assert_eq!(
            one("United are set to pay a fee amounting to a total of €100 million after seeing several bids rejected.").kind,
            ClaimKind::Fee
        );
        assert_eq!(
            one("Klopp said that a deal had been struck which was worth in the region of £110 million.").kind,
            ClaimKind::Fee
        );
        assert_eq!(
            one("United want in the region of £20million for the defender.").kind,
            ClaimKind::AskingPrice
        );
    }

    #[test]
    fn money_raised_in_a_coin_or_share_offering_is_no_bid() {
        assert_ne!(
            one("The $240 million raised through one of the most successful initial coin offerings last year is frozen.").kind,
            ClaimKind::Offer
        );
        assert_ne!(
            one("The company raised $1.2 billion in its public offering.").kind,
            ClaimKind::Offer
        );
        // The verb still makes an offer.
        assert_eq!(
            one("Arsenal are offering £50m for the midfielder.").kind,
            ClaimKind::Offer
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,160}") {
            for claim in find_claims(&text) {
                proptest::prop_assert!(text.is_char_boundary(claim.span.start));
                proptest::prop_assert!(text.is_char_boundary(claim.span.end));
            }
        }
    }
}
