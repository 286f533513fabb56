//! Money amounts in news text: `£13.5m`, `£18million`, `£15-£20million`, `€12m`,
//! `$1.2bn`, `£130,000-a-week`, `£10.9m (€12m)`, `70 million euros`, `US$44-billion`,
//! `USD 3.25b`, `$ 75 million`. Currencies resolve to ISO 4217 codes (see
//! `currency.rs` for the policy on bare `$`, `pounds`, `francs`, `cents`).
//!
//! [`find_money`] is the entry point.

mod currency;
mod grammar;

use std::ops::Range;

use serde::Serialize;

use crate::lex::tokenize;

/// How often a wage or fee is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// per hour
    Hour,
    /// per day
    Day,
    /// per week: `£130,000-a-week`
    Week,
    /// per month
    Month,
    /// per year: `a year`, `per annum`
    Year,
}

/// A money amount found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// Byte offsets of the figure (currency and amount, not the period); on char boundaries.
    pub span: Range<usize>,
    /// The matched text.
    pub text: String,
    /// ISO 4217 code (`XBT` for bitcoin).
    pub currency: String,
    /// Amount in major units; for a range, its lower bound.
    pub value: f64,
    /// Lower bound of a range such as `£15-£20million`.
    pub min: Option<f64>,
    /// Upper bound of a range.
    pub max: Option<f64>,
    /// Pay period, for `£130,000-a-week` and the like.
    pub period: Option<Period>,
    /// Index (in the returned list) of the figure this one converts: in
    /// `£10.9m (€12m)` the euro figure has `equivalent_of: Some(<index of £10.9m>)`.
    pub equivalent_of: Option<usize>,
}

/// Finds every money amount in `text`, left to right, without overlaps.
///
/// ```
/// use storyline_extract::find_money;
/// let m = &find_money("valued at around £15-£20million")[0];
/// assert_eq!((m.currency.as_str(), m.min, m.max), ("GBP", Some(15e6), Some(20e6)));
/// ```
pub fn find_money(text: &str) -> Vec<Money> {
    let toks = tokenize(text);
    let mut out: Vec<Money> = Vec::new();
    // Token index just after each found figure's closing, to spot "(€12m)".
    let mut last_tail: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        let Some(f) = grammar::money_at(&toks, i) else {
            i += 1;
            continue;
        };
        let span = toks[f.first].start..toks[f.end - 1].end;
        if is_weight(text, &span) {
            last_tail = None;
            i = f.tail.max(f.end);
            continue;
        }
        let equivalent_of = last_tail
            .filter(|tail| is_parenthesised(&toks, *tail, f.first, f.end))
            .map(|_| out.len() - 1);
        out.push(Money {
            text: text[span.clone()].to_owned(),
            span,
            currency: f.code.to_owned(),
            value: f.value,
            min: f.range.map(|r| r.0),
            max: f.range.map(|r| r.1),
            period: f.period,
            equivalent_of,
        });
        last_tail = Some(f.tail);
        i = f.tail.max(f.end);
    }
    out
}

/// Words in the sentence of a "pounds" figure that make it a weight, not
/// money: "5.1 million pounds of thrust", "a payload of 119,000 pounds",
/// "weighs 300 pounds", "four million pounds of TNT".
const WEIGHT_CUES: &[&str] = &[
    "thrust",
    "payload",
    "weigh",
    "load",
    "cargo",
    "lbs",
    "kilogram",
    "kilo",
    "kg",
    "tons",
    "tonnes",
    "freight",
    "tnt",
    "propellant",
    "fuel",
];

/// How far, in bytes, the sentence of a "pounds" figure is searched for a
/// [`WEIGHT_CUES`] word on either side.
const WEIGHT_WINDOW: usize = 240;

/// Whether the figure at `span`, written with the word "pound" (not `£`),
/// is a weight: hyphenated before a noun ("an 80,000-pound load") or with a
/// weight word in its sentence. US news writes weights in pounds; a money
/// figure in pounds is rarely written beside such words.
fn is_weight(text: &str, span: &Range<usize>) -> bool {
    let figure = text[span.clone()].to_lowercase();
    if !figure.contains("pound") || figure.contains('£') || figure.contains("sterling") {
        return false;
    }
    if figure.contains("-pound") && !text[span.end..].starts_with(" note") {
        return true;
    }
    let mut from = span.start.saturating_sub(WEIGHT_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + WEIGHT_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // The figure's own sentence within the window.
    let before = &text[from..span.start];
    let from = before
        .rfind(['.', '!', '?', '\n'])
        .map_or(from, |at| from + at + 1);
    let after = &text[span.end..to];
    let to = after
        .find(['!', '?', '\n'])
        .into_iter()
        .chain(after.find(". "))
        .min()
        .map_or(to, |at| span.end + at);
    let near = text[from..to].to_lowercase();
    let starts_word = |at: usize| {
        near[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    WEIGHT_CUES
        .iter()
        .any(|cue| near.match_indices(cue).any(|(at, _)| starts_word(at)))
}

/// True when tokens `first..end` sit in brackets right after `tail`, allowing a
/// hedge word: "£10.9m (€12m)", "85 million euros (about $101 million)".
fn is_parenthesised(toks: &[crate::lex::Tok], tail: usize, first: usize, end: usize) -> bool {
    let opens = toks
        .get(tail)
        .is_some_and(|t| t.is_punct('(') || t.is_punct('['));
    let hedge = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "about" | "around" | "approximately" | "approx" | "roughly" | "some" | "c" | "ca"
            )
        })
    };
    let starts_right = first == tail + 1 || (first == tail + 2 && hedge(tail + 1));
    let closes = toks
        .get(end)
        .is_some_and(|t| t.is_punct(')') || t.is_punct(']'));
    opens && starts_right && closes
}

#[cfg(test)]
mod tests;
