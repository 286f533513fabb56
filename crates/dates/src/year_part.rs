//! Parts of a year counted in months, weeks or days: "the third month of
//! 2021", "the 9th month of next year", "the first 2 weeks of 2021", "the
//! last four months of this year", "first ten days of last year".
//!
//! Weeks follow the ISO rule: a year's first week is the Monday-to-Sunday
//! week holding its first Thursday, so "the first 2 weeks of 2021" starts
//! on Monday 4 January.

use jiff::civil::Date;
use regex::Captures;

use crate::lexicon::{count, count_fragment, small_number};
use crate::model::{Granularity, Resolved};
use crate::resolve::{Expr, Unit, month_range, shift, week_start};
use crate::rules::{Ctx, Handler, Role};

/// The year a phrase names: four digits, or "this/next/last year".
const YEAR: &str = r"(?:(?P<y>\d{4})|(?:the\s+)?(?P<rel>this|current|next|following|coming|last|previous|past)\s+year)";

/// An ordinal month number: "third", "9th", "twelfth".
const ORDINAL: &str = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))";

/// The rules of this module, as (pattern, handler) pairs.
pub fn specs() -> Vec<(String, Handler)> {
    let n = count_fragment();
    vec![
        (
            format!(r"\b(?:the\s+)?(?P<o>{ORDINAL})\s+month\s+of\s+{YEAR}\b"),
            h_nth_month,
        ),
        (
            format!(
                r"\b(?:the\s+)?(?P<o>first|last)\s+(?P<n>{n})\s+(?P<unit>days|weeks|months)\s+of\s+{YEAR}\b"
            ),
            h_first_last_n,
        ),
    ]
}

fn lower(c: &Captures, name: &str) -> Option<String> {
    c.name(name).map(|m| m.as_str().to_ascii_lowercase())
}

/// The year the captures `y` or `rel` name.
fn named_year(c: &Captures, reference: Date) -> Option<i16> {
    if let Some(y) = c.name("y") {
        return y.as_str().parse().ok();
    }
    let k = match lower(c, "rel")?.as_str() {
        "next" | "following" | "coming" => 1,
        "last" | "previous" | "past" => -1,
        _ => 0,
    };
    Some(reference.year() + k)
}

/// Monday of the ISO week 1 of year `y` (the week holding 4 January).
fn first_iso_monday(y: i16) -> Option<Date> {
    Some(week_start(Date::new(y, 1, 4).ok()?))
}

fn h_nth_month(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let m = i8::try_from(small_number(&lower(c, "o")?)?).ok()?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let y = named_year(c, ctx.reference)?;
    Some((
        Expr::Fixed(month_range(y, m, ctx.reference)?),
        false,
        Role::Plain,
    ))
}

fn h_first_last_n(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let r = ctx.reference;
    let y = named_year(c, r)?;
    let n = count(&lower(c, "n")?)?;
    let unit = Unit::parse(&lower(c, "unit")?)?;
    let (first, after) = match unit {
        Unit::Week => (first_iso_monday(y)?, first_iso_monday(y + 1)?),
        _ => (Date::new(y, 1, 1).ok()?, Date::new(y + 1, 1, 1).ok()?),
    };
    let (s, e) = if lower(c, "o")? == "first" {
        (first, shift(first, n, unit)?)
    } else {
        (shift(after, -n, unit)?, after)
    };
    if s < first || e > after || s >= e {
        return None;
    }
    let res = Resolved::range(Some(s), Some(e), Granularity::Span, r);
    Some((Expr::Fixed(res), false, Role::Plain))
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
    fn nth_month_of_a_year() {
        assert_eq!(
            range("Elections are held in the fifth month of 2024."),
            (
                "the fifth month of 2024".into(),
                value(date(2024, 5, 1), date(2024, 6, 1))
            )
        );
        assert_eq!(
            range("The 11th month of next year is busy."),
            (
                "The 11th month of next year".into(),
                value(date(2023, 11, 1), date(2023, 12, 1))
            )
        );
    }

    #[test]
    fn first_and_last_units_of_a_year() {
        assert_eq!(
            range("He was injured for the first 3 weeks of 2022."),
            (
                "the first 3 weeks of 2022".into(),
                value(date(2022, 1, 3), date(2022, 1, 24))
            )
        );
        assert_eq!(
            range("Sales fell in the last two months of last year."),
            (
                "the last two months of last year".into(),
                value(date(2021, 11, 1), date(2022, 1, 1))
            )
        );
        assert_eq!(
            range("It snowed the first five days of this year."),
            (
                "the first five days of this year".into(),
                value(date(2022, 1, 1), date(2022, 1, 6))
            )
        );
    }
}
