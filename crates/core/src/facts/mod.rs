//! The facts of a story: every figure its articles report (money, counts,
//! durations), with whom it is about, whose it is, where it stands and who
//! said it. Built from the extractors in `storyline-extract`, then made
//! consistent across the story: names are resolved to one canonical form
//! per entity ([`names`]), missing parties are inferred from the rest of the
//! story (`infer.rs`), and figures that are the same fact written differently
//! are linked (`links.rs`).
//!
//! Facts are derived data: recomputed from the stored article texts, so an
//! improved extractor improves every stored story without a migration.

mod fuller;
mod infer;
mod links;
pub mod names;
pub mod prepared;

use crate::model::{Article, ArticleId};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;
use storyline_dates::{Granularity, Relation, Value, find_dates};
use storyline_extract::claims::{
    AnalyzedText, ClaimKind, ClaimStatus, find_claims_in, find_quantity_claims_in,
};
use storyline_extract::entities::AliasBook;
use storyline_extract::money::{Money, Period};
use storyline_extract::quantities::QuantityKind;

pub use fuller::{originals_of, reading_articles};
pub use names::NameIndex;
pub use prepared::PreparedAnalyses;

/// A money amount as the output contract gives it: `value` in units (a
/// range's upper bound), `min` and `max` equal for a single figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    /// The figure in major units (13500000 for `£13.5m`); for a range, its
    /// upper bound.
    pub value: f64,
    /// Lower bound (equal to `value` for a single figure).
    pub min: f64,
    /// Upper bound (equal to `value` for a single figure).
    pub max: f64,
    /// ISO 4217 code.
    pub currency: String,
    /// Pay period (`week`, `year`) for wages.
    pub period: Option<Period>,
    /// The unit a price is quoted per, when it is not a total: `share` for
    /// "$82 a share", so that a price per share and a deal's total are
    /// never one series or two sides of a disagreement. Absent for totals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
}

impl Amount {
    fn from_money(money: &Money) -> Self {
        let min = money.min.unwrap_or(money.value);
        let max = money.max.unwrap_or(money.value);
        Self {
            value: max,
            min,
            max,
            currency: money.currency.clone(),
            period: money.period,
            per: None,
        }
    }

    /// True when the two amounts can be the same figure: same currency and
    /// period, and ranges that overlap (within 2 %, for rounding).
    pub fn agrees_with(&self, other: &Amount) -> bool {
        self.currency == other.currency
            && self.period == other.period
            && self.per == other.per
            && self.min <= other.max * 1.02
            && other.min <= self.max * 1.02
    }

    /// The amount as a reader writes it: `£13.5m`, `£15m–£20m`, `£130k/week`.
    pub fn display(&self) -> String {
        let symbol = match self.currency.as_str() {
            "GBP" => "£",
            "EUR" => "€",
            "USD" => "$",
            _ => "",
        };
        let one = |v: f64| {
            let (scaled, suffix) = if v >= 1e12 {
                (v / 1e12, "tn")
            } else if v >= 1e9 {
                (v / 1e9, "bn")
            } else if v >= 1e6 {
                (v / 1e6, "m")
            } else if v >= 1e4 {
                (v / 1e3, "k")
            } else {
                (v, "")
            };
            let number = format!("{scaled:.2}");
            let number = number.trim_end_matches('0').trim_end_matches('.');
            if symbol.is_empty() {
                format!("{number}{suffix} {}", self.currency)
            } else {
                format!("{symbol}{number}{suffix}")
            }
        };
        let mut text = if self.min < self.max {
            format!("{}–{}", one(self.min), one(self.max))
        } else {
            one(self.value)
        };
        if let Some(period) = self.period {
            let per = match period {
                Period::Hour => "hour",
                Period::Day => "day",
                Period::Week => "week",
                Period::Month => "month",
                Period::Year => "year",
            };
            text.push('/');
            text.push_str(per);
        }
        if let Some(per) = &self.per {
            text.push('/');
            text.push_str(per);
        }
        text
    }
}

/// Amounts below this are read as prices of one share when their sentence
/// prices a share: a deal's total is never this small.
const SHARE_PRICE_CEILING: f64 = 1000.0;

/// "Its first offer, of $70 per share, comprised $60 in cash and $10 in
/// stock": the small amounts of a sentence that prices a share, in the same
/// currency, are prices per share too (the parts, the earlier offer).
fn share_prices_in_sentence(claims: &mut [StoryClaim]) {
    let priced: Vec<(String, String)> = claims
        .iter()
        .filter_map(|c| {
            let amount = c.amount.as_ref()?;
            (amount.per.as_deref() == Some("share"))
                .then(|| (c.sentence.clone(), amount.currency.clone()))
        })
        .collect();
    for claim in claims.iter_mut() {
        let sentence = &claim.sentence;
        if let Some(amount) = claim.amount.as_mut()
            && amount.per.is_none()
            && amount.period.is_none()
            && amount.max < SHARE_PRICE_CEILING
            && priced
                .iter()
                .any(|(s, currency)| s == sentence && *currency == amount.currency)
        {
            amount.per = Some("share".to_string());
        }
    }
}

/// A count or a duration: `{value, unit, what}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantityValue {
    /// The number.
    pub value: f64,
    /// Canonical unit (`appearances`, `years`).
    pub unit: String,
    /// The unit with its scope, as written (`league appearances`).
    pub what: String,
}

impl QuantityValue {
    /// The words that scope the count beyond its unit (`league`, `in all
    /// competitions`), lowercased; empty when it has no scope.
    pub fn scope(&self) -> String {
        let what = self.what.to_lowercase();
        let words: Vec<&str> = what
            .split_whitespace()
            .filter(|w| !unit_word(w, &self.unit))
            .collect();
        words.join(" ")
    }
}

fn unit_word(word: &str, unit: &str) -> bool {
    let singular = unit.trim_end_matches('s');
    word.starts_with(singular)
        || matches!(
            (unit, word),
            ("appearances", "games" | "game" | "matches")
                | ("deaths", "dead" | "killed" | "fatalities" | "toll")
                | ("injured", "injuries")
                | ("percent", "%" | "per" | "cent" | "pc")
        )
}

/// One reported figure in a story: the claim contract of `story --json`
/// and `claims --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryClaim {
    /// Stable id: the article id and the figure's code-point offset.
    pub id: String,
    /// `offer`, `asking_price`, `valuation`, `fee`, `wage`,
    /// `release_clause`, `add_ons`, `other`, `count` or `duration`.
    pub kind: String,
    /// The figure as written.
    pub text: String,
    /// The money amount (money claims).
    pub amount: Option<Amount>,
    /// The count or duration (`count` and `duration` claims).
    pub quantity: Option<QuantityValue>,
    /// Whom the figure is about (canonical name).
    pub subject: Option<String>,
    /// Whose figure it is: the bidder, the seller asking, the paying club.
    pub holder: Option<String>,
    /// The other party, when named.
    pub counterparty: Option<String>,
    /// Where it stands.
    pub status: Option<ClaimStatus>,
    /// The source the article credits (`anonymous` for unnamed sources).
    pub attributed_to: Option<String>,
    /// The article reporting it.
    pub article: ArticleId,
    /// The outlet that published the article.
    pub source: String,
    /// When the article was published.
    pub published_at: Option<Timestamp>,
    /// The sentence it was found in.
    pub sentence: String,
    /// Code-point span of the figure in the article's text (title, lead
    /// and body joined by blank lines).
    pub span: [usize; 2],
    /// The id of the figure this one converts (`€12m` in `£10.9m (€12m)`).
    pub same_as: Option<String>,
    /// The id of the total this figure is a part of (`£10.9m` and `£2.7m
    /// in add-ons` of a `£13.5m offer`).
    pub part_of: Option<String>,
    /// True for history told as background (an old transfer fee).
    pub historic: bool,
    /// The past period written next to the figure ("earlier in the
    /// summer", "last year", "in 2010"), resolved against the publication
    /// day; `None` when there is none. Contradictions compare
    /// figures by this time rather than by when they were reported.
    pub refers_to: Option<ClaimPeriod>,
    /// Fields not written in the claim's sentence but taken from context
    /// (`subject`, `holder`, `attributed_to`): shown so readers can judge.
    pub inferred: Vec<String>,
}

/// A past period a claim refers to, both days inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClaimPeriod {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// True for a loosely named period (a season, a month, a year) rather
    /// than a day.
    pub vague: bool,
}

/// How close (in bytes) a period must be to the figure in its sentence to
/// be the figure's time: "an offer of £11m earlier in the summer", not "Roma
/// have been pursuing a centre back all summer and … their latest offer".
const PERIOD_NEAR_FIGURE: usize = 40;

/// The loosely named past period (a season, a month, a year) written next
/// to the figure at `figure` (byte span in `sentence`), relative to the
/// publication day. Days are left out: a report's own day serves for them.
fn period_named(
    sentence: &str,
    figure: std::ops::Range<usize>,
    published: Option<Timestamp>,
) -> Option<ClaimPeriod> {
    let reference = published?.to_zoned(jiff::tz::TimeZone::UTC).date();
    find_dates(sentence, reference).into_iter().find_map(|m| {
        let resolved = m.resolved;
        let near = m.span.start <= figure.end + PERIOD_NEAR_FIGURE
            && figure.start <= m.span.end + PERIOD_NEAR_FIGURE;
        if !near
            || resolved.relation == Relation::Future
            || resolved.granularity == Granularity::Day
        {
            return None;
        }
        let Value::Range {
            start: Some(start),
            end: Some(end),
        } = resolved.value
        else {
            return None;
        };
        let end = end.yesterday().ok()?;
        (end <= reference && start <= end).then_some(ClaimPeriod {
            start,
            end,
            vague: true,
        })
    })
}

impl StoryClaim {
    /// True for money claims.
    pub fn is_money(&self) -> bool {
        self.amount.is_some()
    }

    /// The figure as a timeline lists it: money with its kind ("£18m
    /// fee"), a count or a duration alone, since it says what it counts
    /// ("2 years left", "37 appearances").
    pub fn label(&self) -> String {
        match (&self.amount, &self.quantity) {
            (None, Some(_)) => self.value_text(),
            // A figure of no known kind ("a $5 billion hit") is its value.
            _ if self.kind == "other" => self.value_text(),
            _ => format!("{} {}", self.value_text(), self.kind.replace('_', " ")),
        }
    }

    /// The figure as a reader writes it.
    pub fn value_text(&self) -> String {
        match (&self.amount, &self.quantity) {
            (Some(amount), _) => amount.display(),
            // "25% raise", not "25 % raise".
            (None, Some(q)) if q.what.starts_with('%') => format!("{}{}", q.value, q.what),
            // "54 per cent premium" reads "54% premium".
            (None, Some(q)) if q.what.starts_with("per cent") || q.what.starts_with("percent") => {
                let rest = q
                    .what
                    .trim_start_matches("per cent")
                    .trim_start_matches("percent");
                format!("{}%{rest}", q.value)
            }
            (None, Some(q)) => format!("{} {}", q.value, q.what),
            (None, None) => self.text.clone(),
        }
    }
}

/// How many figures a timeline entry lists before it says how many more
/// there are: a long report's twenty figures would bury the entry.
pub const FIGURES_PER_ENTRY: usize = 8;

/// A timeline entry's figures as one line: each label once, in order, the
/// first [`FIGURES_PER_ENTRY`] of them and how many more ("$5bn; 15.5%;
/// … and 11 more"). Three reports of "$5bn" in one article are one figure
/// to a reader.
pub fn figure_line(labels: impl IntoIterator<Item = String>) -> String {
    let mut distinct: Vec<String> = Vec::new();
    for label in labels {
        if !distinct.contains(&label) {
            distinct.push(label);
        }
    }
    let more = distinct.len().saturating_sub(FIGURES_PER_ENTRY);
    distinct.truncate(FIGURES_PER_ENTRY);
    let mut line = distinct.join("; ");
    if more > 0 {
        line.push_str(&format!(" and {more} more"));
    }
    line
}

/// How a credited source reads in prose: unnamed sources ("Sources
/// claim") are stored as `anonymous` and shown as "unnamed sources".
pub fn source_label(source: &str) -> &str {
    if source == storyline_extract::attribution::ANONYMOUS {
        "unnamed sources"
    } else {
        source
    }
}

/// The name of a money claim kind in the output contract.
pub fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Offer => "offer",
        ClaimKind::AskingPrice => "asking_price",
        ClaimKind::Valuation => "valuation",
        ClaimKind::Fee => "fee",
        ClaimKind::Wage => "wage",
        ClaimKind::ReleaseClause => "release_clause",
        ClaimKind::AddOns => "add_ons",
        ClaimKind::Other => "other",
    }
}

/// Finds the claims of one article, names as written (not yet resolved
/// against a story).
pub fn article_claims(article: &Article) -> Vec<StoryClaim> {
    article_claims_with(article, None)
}

/// [`article_claims`], with names typed by an alias `book` where it knows
/// them (the book's club `Liverpool` can hold a bid; the city could not).
pub fn article_claims_with(article: &Article, book: Option<&AliasBook>) -> Vec<StoryClaim> {
    let text = article.full_text();
    claims_of_analyzed(article, &AnalyzedText::new(&text, book))
}

/// [`article_claims_with`] on the article's full text already read (names
/// and sentences found once, also for the story's name index).
fn claims_of_analyzed(article: &Article, analyzed: &AnalyzedText<'_>) -> Vec<StoryClaim> {
    let text = analyzed.text();
    let char_offset = |byte: usize| text[..byte].chars().count();
    let claim_id = |byte: usize| format!("{}-{}", article.id, char_offset(byte));
    let mut out = Vec::new();
    let base = |id: String, kind: &str, text_as_written: &str| StoryClaim {
        id,
        kind: kind.to_string(),
        text: text_as_written.to_string(),
        amount: None,
        quantity: None,
        subject: None,
        holder: None,
        counterparty: None,
        status: None,
        attributed_to: None,
        article: article.id.clone(),
        source: article.outlet().to_string(),
        published_at: article.published_at,
        sentence: String::new(),
        span: [0, 0],
        same_as: None,
        part_of: None,
        historic: false,
        refers_to: None,
        inferred: Vec::new(),
    };
    for claim in find_claims_in(analyzed) {
        let id = claim_id(claim.span.start);
        let mut main = base(id.clone(), kind_name(claim.kind), &claim.text);
        let per = claim.per_share.then(|| "share".to_string());
        main.amount = Some(Amount {
            per: per.clone(),
            ..Amount::from_money(&claim.amount)
        });
        main.subject = claim.subject.clone();
        main.holder = claim.holder.clone();
        main.counterparty = claim.counterparty.clone();
        main.status = claim.status;
        main.attributed_to = claim.attributed_to.clone();
        main.sentence = claim.sentence.clone();
        main.span = [char_offset(claim.span.start), char_offset(claim.span.end)];
        main.historic = claim.historic;
        let in_sentence = claim.span.start.saturating_sub(claim.sentence_span.start)
            ..claim.span.end.saturating_sub(claim.sentence_span.start);
        main.refers_to = period_named(&claim.sentence, in_sentence, article.published_at);
        if claim.subject_inferred {
            main.inferred.push("subject".into());
        }
        // Conversions are kept as written, each its own claim linked to
        // the figure they convert.
        for equivalent in &claim.equivalents {
            let start = claim.sentence_span.start + equivalent.span.start;
            let end = claim.sentence_span.start + equivalent.span.end;
            let mut copy = main.clone();
            copy.id = claim_id(start);
            copy.text = equivalent.text.clone();
            copy.amount = Some(Amount {
                per: per.clone(),
                ..Amount::from_money(equivalent)
            });
            copy.span = [char_offset(start), char_offset(end)];
            copy.same_as = Some(id.clone());
            out.push(copy);
        }
        out.push(main);
    }
    for found in find_quantity_claims_in(analyzed) {
        let q = &found.quantity;
        let kind = match q.kind {
            QuantityKind::Count => "count",
            QuantityKind::Duration => "duration",
            QuantityKind::Percent => "percent",
        };
        let mut claim = base(claim_id(q.span.start), kind, &q.text);
        claim.quantity = Some(QuantityValue {
            value: q.value,
            unit: q.unit.clone(),
            what: q.what.clone(),
        });
        claim.subject = found.subject.clone();
        claim.attributed_to = found.attributed_to.clone();
        claim.sentence = found.sentence.clone();
        claim.span = [char_offset(q.span.start), char_offset(q.span.end)];
        if found.subject_inferred {
            claim.inferred.push("subject".into());
        }
        out.push(claim);
    }
    share_prices_in_sentence(&mut out);
    out.sort_by_key(|c| c.span[0]);
    // A title that is the text's own first sentence (plain text without a
    // headline line) would report its figures twice: keep the text's.
    let repeated = repeated_title_chars(article);
    out.retain(|c| c.span[0] >= repeated);
    links::link_parts(&mut out);
    inherit_single_source(text, analyzed.sentences(), &mut out);
    out
}

/// The length in characters of the title when the lead (or, without one,
/// the body) opens with it, as when a plain-text article's first sentence
/// stands for its headline; else 0.
fn repeated_title_chars(article: &Article) -> usize {
    let title = article.title.trim().trim_end_matches('…');
    let opening = article
        .lead
        .as_deref()
        .unwrap_or(&article.body)
        .trim_start();
    if !title.is_empty() && opening.starts_with(title) {
        article.title.chars().count()
    } else {
        0
    }
}

/// Sentences (title and lead included) whose credit covers the article.
const OPENING_SENTENCES: usize = 4;

/// An article's uncredited figures are taken to come from the source it
/// credits in its opening ("AS Roma are preparing a second bid …,
/// according to the Guardian"), or from the only source it credits at all
/// (marked inferred); a report or unnamed sources, not a quoted statement
/// ("Dortmund said in a statement …"). Articles crediting several sources later on, or none,
/// are left as they are: guessing between sources would mislead.
fn inherit_single_source(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    claims: &mut [StoryClaim],
) {
    // The sources are read only when a figure could take one: most
    // headlines hold none, and reading every sentence for credits was
    // about an eighth of a headline ingest's CPU time.
    let uncredited = |c: &StoryClaim| c.attributed_to.is_none() && !c.historic;
    if !claims.iter().any(uncredited) {
        return;
    }
    let mut credited: Vec<String> = Vec::new();
    let mut opening: Option<String> = None;
    for (n, range) in sentences.iter().enumerate() {
        let found = storyline_extract::attribution::find_source(&text[range.clone()]);
        // A quoted statement ("Dortmund said") vouches for its own
        // sentence only, never for the article's other figures.
        if let Some(found) = found.filter(|f| !f.is_statement()) {
            if n < OPENING_SENTENCES && opening.is_none() {
                opening = Some(found.source.clone());
            }
            if !credited.contains(&found.source) {
                credited.push(found.source);
            }
        }
    }
    let only = match (opening, credited.as_slice()) {
        (Some(first), _) => first,
        (None, [single]) => single.clone(),
        _ => return,
    };
    for claim in claims.iter_mut() {
        if uncredited(claim) {
            claim.attributed_to = Some(only.clone());
            claim.inferred.push("attributed_to".into());
        }
    }
}

/// The claims of a story's articles (given in publication order;
/// duplicates are skipped: a syndicated copy is not a new report), with
/// names resolved across the story and missing parties inferred.
pub fn story_claims(articles: &[Article], book: Option<&AliasBook>) -> Vec<StoryClaim> {
    let originals: Vec<&Article> = articles
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .collect();
    story_names_and_claims(&originals, book).1
}

/// The name index of a story's originals (given in publication order) and
/// their claims with names resolved across the story, as
/// [`NameIndex::for_articles`] and [`claims_with_names`] give them, each
/// article's text read for names and sentences once for both.
pub fn story_names_and_claims(
    originals: &[&Article],
    book: Option<&AliasBook>,
) -> (NameIndex, Vec<StoryClaim>) {
    names_and_claims(originals, book, None)
}

/// [`story_names_and_claims`] with the built-in alias book, taking each
/// article's names and claims from `prepared` where it holds them for the
/// article's text (the same values, read earlier) and reading the others.
pub fn story_names_and_claims_prepared(
    originals: &[&Article],
    prepared: &PreparedAnalyses,
) -> (NameIndex, Vec<StoryClaim>) {
    names_and_claims(originals, names::builtin_aliases(), Some(prepared))
}

/// [`story_names_and_claims`]; `prepared` analyses were read with the
/// built-in alias book, so callers pass them only with that `book`.
fn names_and_claims(
    originals: &[&Article],
    book: Option<&AliasBook>,
    prepared: Option<&PreparedAnalyses>,
) -> (NameIndex, Vec<StoryClaim>) {
    let mut mentions = Vec::new();
    let mut found = Vec::with_capacity(originals.len());
    for &article in originals {
        let text = article.full_text();
        if let Some(ready) = prepared.and_then(|p| p.get(article, &text)) {
            mentions.extend_from_slice(&ready.mentions);
            found.push(ready.claims.clone());
            continue;
        }
        let analyzed = AnalyzedText::new(&text, book);
        mentions.extend_from_slice(analyzed.mentions());
        found.push(claims_of_analyzed(article, &analyzed));
    }
    let names = NameIndex::from_mentions(&mentions, book);
    let mut claims = Vec::new();
    for mut article_claims in found {
        resolve_parties(&mut article_claims, &names);
        claims.extend(article_claims);
    }
    infer::fill_parties(&mut claims);
    (names, claims)
}

/// [`story_claims`] over the originals of a story whose names are already
/// resolved (the story view resolves them once for claims and entities).
pub fn claims_with_names(originals: &[&Article], names: &NameIndex) -> Vec<StoryClaim> {
    let mut claims: Vec<StoryClaim> = Vec::new();
    for &article in originals {
        let mut found = article_claims_with(article, names.book());
        resolve_parties(&mut found, names);
        claims.extend(found);
    }
    infer::fill_parties(&mut claims);
    claims
}

/// Resolves the parties of one article's claims against the story's names:
/// people are subjects, not holders; clubs and places are parties, not
/// subjects; every name becomes the story's canonical one. A person's bid
/// for a company ("Musk's offer for Twitter") is the exception: the person
/// holds it and the company is what it is about.
fn resolve_parties(found: &mut [StoryClaim], names: &NameIndex) {
    {
        for claim in found.iter_mut() {
            // The claim reader names a company bought both as the subject
            // and as the other side; a player is never his own seller.
            let takeover = claim.subject.is_some() && claim.subject == claim.counterparty;
            if !takeover {
                // People are subjects, never the club holding a figure.
                if claim
                    .counterparty
                    .as_deref()
                    .is_some_and(|n| names.is_person(n))
                {
                    claim.counterparty = None;
                }
                if claim.holder.as_deref().is_some_and(|n| names.is_person(n)) {
                    claim.holder = claim.counterparty.take();
                }
                // Clubs and places are parties, not whom a figure is about.
                if claim
                    .subject
                    .as_deref()
                    .is_some_and(|n| !is_common_noun(n) && names.is_not_a_person(n))
                {
                    claim.subject = None;
                    claim.inferred.retain(|f| f != "subject");
                }
            }
            for field in [
                &mut claim.subject,
                &mut claim.holder,
                &mut claim.counterparty,
            ] {
                if let Some(name) = field.as_mut().filter(|n| !is_common_noun(n)) {
                    *name = names.canonical(name);
                }
            }
            // Dropped before inference, so the story's other claims may
            // fill the holder.
            infer::drop_self_holding(claim);
        }
    }
}

/// A party written without a capital ("workers", for a workforce's wage)
/// is a common noun, not a name: it is kept as written, never linked to a
/// name that merely contains the word ("United Auto Workers").
fn is_common_noun(party: &str) -> bool {
    !party.chars().any(char::is_uppercase)
}

#[cfg(test)]
mod tests;
