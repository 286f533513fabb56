//! Fiscal and school years ("last fiscal year", "school year 2008", "FY
//! 2019", "sy18") and two-digit calendar years ("cy18").
//!
//! When a fiscal or school year starts depends on the organisation or the
//! country, so it is found but not bounded: its value is a range with
//! neither start nor end, of year granularity, and its relation comes from
//! the words ("last" is past) or the year written. A calendar year is the
//! plain year.

use jiff::civil::Date;
use regex::Captures;

use crate::lexicon::expand_two_digit_year;
use crate::model::{Granularity, Relation, Resolved, Value};
use crate::resolve::{Expr, year_range};
use crate::rules::{Ctx, Handler, Role};

/// The rules of this module, as (pattern, handler) pairs.
pub fn specs() -> Vec<(String, Handler)> {
    vec![
        (
            r"\b(?:(?P<rel>this|current|last|previous|past|next|coming|following)\s+)?(?:fiscal|financial|school|academic)\s+year(?:\s+(?P<y>\d{4}))?\b".into(),
            h_org_year,
        ),
        (r"\b(?:fy|sy)\s?(?P<y>\d{4}|\d{2})\b".into(), h_org_year),
        (r"\bcy\s?(?P<yy>\d{2})\b".into(), h_calendar_year),
    ]
}

fn year_of(c: &Captures) -> Option<i16> {
    let y = c.name("y")?.as_str();
    let n: i16 = y.parse().ok()?;
    Some(if y.len() == 2 {
        expand_two_digit_year(n)
    } else {
        n
    })
}

fn h_org_year(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let r = ctx.reference;
    let relation = if let Some(y) = year_of(c) {
        match y.cmp(&r.year()) {
            std::cmp::Ordering::Less => Relation::Past,
            std::cmp::Ordering::Equal => Relation::Present,
            std::cmp::Ordering::Greater => Relation::Future,
        }
    } else {
        let rel = c.name("rel").map(|m| m.as_str().to_ascii_lowercase());
        match rel.as_deref() {
            Some("last" | "previous" | "past") => Relation::Past,
            Some("next" | "coming" | "following") => Relation::Future,
            _ => Relation::Present,
        }
    };
    let resolved = Resolved {
        value: Value::Range {
            start: None,
            end: None,
        },
        granularity: Granularity::Year,
        relation,
    };
    Some((Expr::Fixed(resolved), false, Role::Plain))
}

fn h_calendar_year(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let y = expand_two_digit_year(c.name("yy")?.as_str().parse().ok()?);
    let r: Date = ctx.reference;
    Some((Expr::Fixed(year_range(y, 1, r)?), false, Role::Plain))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::{Granularity, Relation, Value, find_dates};

    #[test]
    fn fiscal_and_school_years_are_found_unbounded() {
        for (text, found, relation) in [
            (
                "Profits rose in the last financial year.",
                "last financial year",
                Relation::Past,
            ),
            ("Results for FY 2025 are due.", "FY 2025", Relation::Future),
            (
                "Enrolment fell this school year.",
                "this school year",
                Relation::Present,
            ),
        ] {
            let got = find_dates(text, date(2022, 4, 20));
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert_eq!(got[0].text, found);
            assert_eq!(
                got[0].resolved.value,
                Value::Range {
                    start: None,
                    end: None
                }
            );
            assert_eq!(got[0].resolved.granularity, Granularity::Year);
            assert_eq!(got[0].resolved.relation, relation, "{text:?}");
        }
    }

    #[test]
    fn two_digit_calendar_year() {
        let got = find_dates("Sales in CY21 were flat.", date(2022, 4, 20));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].resolved.value,
            Value::Range {
                start: Some(date(2021, 1, 1)),
                end: Some(date(2022, 1, 1))
            }
        );
    }
}
