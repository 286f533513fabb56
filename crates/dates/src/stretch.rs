//! Stretches of time laid from a starting day: "3 days starting from next
//! Monday", "a week starting tomorrow", "for 1 week, from 20th Dec", "for
//! 3 days from today". The range runs from the starting day for the length
//! given.
//!
//! As in Recognizers-Text, a starting day written without a year ("May
//! 20th") is taken in the reference's year.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::{Captures, Regex};

use crate::lexicon::{count, count_fragment};
use crate::model::{Granularity, Resolved};
use crate::resolve::{Cal, Expr, Unit, shift};
use crate::rules::{Ctx, Handler, Role};

const UNITS: &str = r"(?:days?|weeks?|months?|years?)";

/// The length before a starting day: "3 days starting from ", "for 1 week,
/// from ".
static PREFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let n = count_fragment();
    crate::rules::regex(&format!(
        r"(?i)\b(?:for\s+(?P<n1>{n})\s+(?P<u1>{UNITS})\s*,?\s*from|(?P<n2>{n})\s+(?P<u2>{UNITS})\s*,?\s*starting(?:\s+from|\s+on)?)\s+$"
    ))
    .ok()
});

/// The rules of this module, as (pattern, handler) pairs: "for 3 days from
/// today", which the offset rule would otherwise read as one day.
pub fn specs() -> Vec<(String, Handler)> {
    let n = count_fragment();
    vec![(
        format!(
            r"\bfor\s+(?P<n>{n})\s+(?P<unit>{UNITS})\s*,?\s*from\s+(?P<w>today|tomorrow|now)\b"
        ),
        h_for_from_today,
    )]
}

fn h_for_from_today(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let n = count(c.name("n")?.as_str())?;
    let unit = Unit::parse(c.name("unit")?.as_str())?;
    let k = i64::from(c.name("w")?.as_str().eq_ignore_ascii_case("tomorrow"));
    let start = shift(ctx.reference, k, Unit::Day)?;
    Some((
        Expr::Fixed(stretch(start, n, unit, ctx.reference)?),
        false,
        Role::Plain,
    ))
}

/// The length written just before byte `end` of `text`, if any: where the
/// stretch's words start, the count and the unit.
pub fn length_before(text: &str, end: usize) -> Option<(usize, i64, Unit)> {
    let c = PREFIX.as_ref()?.captures(text.get(..end)?)?;
    let (n, u) = match (c.name("n1"), c.name("u1")) {
        (Some(n), Some(u)) => (n, u),
        _ => (c.name("n2")?, c.name("u2")?),
    };
    Some((
        c.get(0)?.start(),
        count(n.as_str())?,
        Unit::parse(u.as_str())?,
    ))
}

/// A starting day's expression with a missing year taken from the
/// reference.
pub fn in_reference_year(expr: Expr, reference: Date) -> Expr {
    match expr {
        Expr::Cal(
            c @ Cal {
                year: None,
                month: Some(_),
                ..
            },
        ) => Expr::Cal(Cal {
            year: Some(reference.year()),
            ..c
        }),
        e => e,
    }
}

/// `n` units from `start`.
pub fn stretch(start: Date, n: i64, unit: Unit, reference: Date) -> Option<Resolved> {
    Some(Resolved::range(
        Some(start),
        Some(shift(start, n, unit)?),
        Granularity::Span,
        reference,
    ))
}

#[cfg(test)]
mod tests {
    use jiff::civil::{Date, date};

    use crate::{Value, find_dates};

    fn range(text: &str) -> (String, Value) {
        let mut found = find_dates(text, date(2022, 4, 20));
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let m = found.remove(0);
        (m.text, m.resolved.value)
    }

    fn value(s: Date, e: Date) -> Value {
        Value::Range {
            start: Some(s),
            end: Some(e),
        }
    }

    #[test]
    fn length_starting_from_a_day() {
        assert_eq!(
            range("He will be out for 10 days starting tomorrow."),
            (
                "10 days starting tomorrow".into(),
                value(date(2022, 4, 21), date(2022, 5, 1))
            )
        );
        assert_eq!(
            range("The camp runs two weeks starting on June 6th."),
            (
                "two weeks starting on June 6th".into(),
                value(date(2022, 6, 6), date(2022, 6, 20))
            )
        );
    }

    #[test]
    fn for_a_length_from_a_day() {
        assert_eq!(
            range("The ban applies for 2 weeks, from 1st May."),
            (
                "for 2 weeks, from 1st May".into(),
                value(date(2022, 5, 1), date(2022, 5, 15))
            )
        );
        assert_eq!(
            range("The ban applies for 5 days from today."),
            (
                "for 5 days from today".into(),
                value(date(2022, 4, 20), date(2022, 4, 25))
            )
        );
    }
}
