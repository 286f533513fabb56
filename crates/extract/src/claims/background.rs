//! Background deals: figures of another player's transfer, told to
//! compare. "The fee would make him the second most expensive player
//! behind the £198m PSG paid for Neymar" is about Neymar, not about the
//! story's player; read as his, it would join his series as a rival fee.

use super::{CLAUSE_BREAKS, contains_word};
use crate::entities::{EntityKind, Mention};
use std::ops::Range;

/// Words that make the person after them the one sold or paid for:
/// "PSG paid for Neymar", "after selling Neymar", "the sale of Neymar",
/// "their record £72m spent on Nicolas Pepe".
const SOLD_BEFORE: &[&str] = &[
    "paid for",
    "selling",
    "sold",
    "sale of",
    "purchase of",
    "bought",
    "paid",
    "spent on",
];

/// The stricter [`SOLD_BEFORE`] for names of unknown kind: a bare "paid"
/// also precedes the club paid ("paid to Lille").
const SOLD_BEFORE_STRICT: &[&str] = &[
    "paid for",
    "selling",
    "sold",
    "sale of",
    "purchase of",
    "spent on",
];

/// Words that make the person before them the one sold: "Neymar, who
/// they sold to PSG for €222m".
const SOLD_AFTER: &[&str] = &["who they sold", "who was sold", "who joined", "who moved"];

/// How many bytes may separate a figure from the person it is "for".
const DIRECT_OBJECT_REACH: usize = 30;

/// How many bytes may separate a sale word from the person sold ("paid
/// Benfica for Argentine international Enzo Fernandez").
const SOLD_REACH: usize = 48;

/// Where a figure stands in its sentence (byte ranges of the sentence).
pub(super) struct Figure {
    /// The amount as written.
    pub span: Range<usize>,
    /// The end of the amount with its conversions.
    pub end: usize,
    /// The figure's own stretch: from the figure before it to the next one.
    pub stretch: Range<usize>,
}

/// The player whose deal the figure belongs to when it is another
/// player's, told for comparison; None when it is not (the caller then
/// keeps its usual subject). `names` are the sentence's names with spans
/// in the whole text, `offset` the sentence's start in it.
pub(super) fn other_deal_subject(
    sentence: &str,
    names: &[&Mention],
    offset: usize,
    figure: Figure,
) -> Option<String> {
    let of_kind = |kind: EntityKind| -> Vec<Range<usize>> {
        names
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.span.start - offset..m.span.end - offset)
            .collect()
    };
    let people = of_kind(EntityKind::Person);
    if people.iter().any(|p| direct_object(sentence, &figure, p)) {
        return None;
    }
    let found = people
        .iter()
        .filter(|p| !paid_for_in_later_clause(sentence, figure.end, p))
        .find(|p| sold_player(sentence, &figure, p, SOLD_BEFORE))
        .cloned()
        .or_else(|| {
            // "PSG paid for Neymar": a one-word name is of unknown kind.
            of_kind(EntityKind::Unknown)
                .into_iter()
                .find(|p| sold_player(sentence, &figure, p, SOLD_BEFORE_STRICT))
        });
    found.and_then(|p| sentence.get(p)).map(str::to_string)
}

/// True when the person at `person` (a range of `sentence`) is the one
/// paid for in a later clause of no figure of its own: in "Arsenal's bid of
/// £100m, if successful, would equal the record City paid for Jack
/// Grealish" the bid (ending at `figure_end`) is not about Grealish.
pub(super) fn paid_for_in_later_clause(
    sentence: &str,
    figure_end: usize,
    person: &Range<usize>,
) -> bool {
    if person.start < figure_end {
        return false;
    }
    let Some(between) = sentence.get(figure_end..person.start) else {
        return false;
    };
    let Some(comma) = between.rfind(',') else {
        return false;
    };
    let clause = between[comma..].to_lowercase();
    // "the £198m, which PSG paid for Neymar": a relative clause is still
    // about the figure.
    let opening = clause.trim_start_matches([',', ' ']);
    let relative = ["which ", "that "].iter().any(|w| opening.starts_with(w));
    !relative
        && !clause.contains(|c: char| c.is_ascii_digit())
        && SOLD_BEFORE_STRICT.iter().any(|w| contains_word(&clause, w))
}

/// True when the figure is the bid or fee "for" this person: "a £114m bid
/// for Coutinho", "buying Rice for £120m". Such a figure keeps its subject.
fn direct_object(sentence: &str, figure: &Figure, person: &Range<usize>) -> bool {
    let between = if person.start >= figure.end {
        sentence.get(figure.end..person.start)
    } else {
        sentence.get(person.end..figure.span.start)
    };
    between.is_some_and(|between| {
        let between = between.to_lowercase();
        between.len() <= DIRECT_OBJECT_REACH
            && contains_word(&between, "for")
            && !contains_word(&between, "paid")
    })
}

/// True when the person at `person` (a range of `sentence`) is the one
/// sold or paid for in the figure's own stretch of the sentence: "£198m
/// PSG paid for Neymar", "Neymar, who they sold … for 222 million euros",
/// "selling Neymar to PSG for a world record fee of £200m", "Neymar
/// following his £198m transfer". `cues` are the sale words looked for
/// before the person.
fn sold_player(sentence: &str, figure: &Figure, person: &Range<usize>, cues: &[&str]) -> bool {
    let (start, end) = (figure.stretch.start, figure.stretch.end);
    if person.start < start || person.end > end {
        return false;
    }
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        return false;
    }
    let between = if person.start >= figure.span.end {
        lower.get(figure.span.end..person.start)
    } else {
        lower.get(person.end..figure.span.start)
    };
    // "£114m, after United sold John Smith": another clause's sale. "… for
    // 120 Million Pounds, eclipsing the 100 Million paid for John Smith": a
    // number between them is another figure's.
    if between.is_none_or(|b| {
        b.contains(|c: char| c.is_ascii_digit())
            || CLAUSE_BREAKS
                .iter()
                .chain(&[" having "])
                .any(|c| b.contains(c))
    }) {
        return false;
    }
    let mut from = person.start.saturating_sub(SOLD_REACH).max(start);
    while !lower.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (person.end + SOLD_REACH).min(end);
    while !lower.is_char_boundary(to) {
        to -= 1;
    }
    let before = lower.get(from..person.start).unwrap_or_default();
    let after = lower.get(person.end..to).unwrap_or_default();
    let sold_before = cues.iter().any(|w| contains_word(before, w));
    let sold_after = SOLD_AFTER.iter().any(|w| after.contains(w));
    // "Neymar following his £198m transfer": the pronoun points back to
    // the person named just before.
    let his_figure = person.end <= figure.span.start
        && lower
            .get(..figure.span.start)
            .is_some_and(|b| b.trim_end().ends_with(" his"))
        && figure.span.start - person.end <= SOLD_REACH;
    sold_before || sold_after || his_figure
}

#[cfg(test)]
mod tests {
    use crate::claims::find_claims;

    #[test]
    fn a_one_word_name_paid_for_is_the_subject_of_its_fee() {
        let claims = find_claims(
            "Barcelona want Peter Jones to replace Ronaldo, after selling him. The record is the £198m Rovers paid for Ronaldo last year.",
        );
        let fee = claims.iter().find(|c| c.text == "£198m").unwrap();
        assert_eq!(fee.subject.as_deref(), Some("Ronaldo"));
    }

    #[test]
    fn a_player_paid_for_under_a_long_description_is_the_compared_deals() {
        let claims = find_claims(
            "The initial fee of £100m surpasses the £106m Rovers paid Benfica for Argentine international John Smith in January.",
        );
        let compared = claims.iter().find(|c| c.text == "£106m").unwrap();
        assert_eq!(compared.subject.as_deref(), Some("John Smith"));
        let fee = claims.iter().find(|c| c.text == "£100m").unwrap();
        assert_eq!(fee.subject, None, "{claims:#?}");
    }
}
