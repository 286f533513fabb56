//! Dates that name no day: "Feb 30", "2/29/2019" (2019 is not a leap
//! year), "2/29-3/1/2019". They are written as dates, so they are found,
//! but left unbounded: the value is a range with neither start nor end.
//! Only days up to 31 in a real month count; anything else is not a date.

use jiff::civil::Date;
use regex::Captures;

use crate::lexicon::{MONTH, month_number};
use crate::model::{Granularity, Relation, Resolved, Value};
use crate::resolve::Expr;
use crate::rules::{Ctx, Handler, Role};

/// The rules of this module, as (pattern, handler) pairs.
pub fn specs() -> Vec<(String, Handler)> {
    vec![
        (
            format!(r"\b(?P<mo>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:\s*,?\s*(?P<y>\d{{4}}))?\b"),
            h_impossible,
        ),
        (
            r"\b(?P<m1>\d{1,2})/(?P<d1>\d{1,2})/(?P<y>\d{4})\b".into(),
            h_impossible,
        ),
        (
            r"\b(?P<m1>\d{1,2})/(?P<d1>\d{1,2})\s*-\s*(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y>\d{4})\b"
                .into(),
            h_impossible,
        ),
    ]
}

fn num(c: &Captures, name: &str) -> Option<i8> {
    c.name(name)?.as_str().parse().ok()
}

/// Whether month `m` and day `d` look like a date: a real month, a day
/// from 1 to 31.
fn date_like(m: i8, d: i8) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn h_impossible(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let year: Option<i16> = c.name("y").and_then(|y| y.as_str().parse().ok());
    let m1 = match c.name("mo") {
        Some(mo) => month_number(mo.as_str())?,
        None => num(c, "m1")?,
    };
    let mut sides = vec![(m1, num(c, "d1")?)];
    if c.name("m2").is_some() {
        sides.push((num(c, "m2")?, num(c, "d2")?));
    }
    if !sides.iter().all(|&(m, d)| date_like(m, d)) {
        return None;
    }
    // Without a year, a leap year: "Feb 29" is a real day.
    let exists = |&(m, d): &(i8, i8)| Date::new(year.unwrap_or(2000), m, d).is_ok();
    if sides.iter().all(exists) {
        return None;
    }
    let relation = match year.map(|y| y.cmp(&ctx.reference.year())) {
        Some(std::cmp::Ordering::Less) => Relation::Past,
        Some(std::cmp::Ordering::Greater) => Relation::Future,
        _ => Relation::Present,
    };
    let granularity = if sides.len() == 2 {
        Granularity::Span
    } else {
        Granularity::Day
    };
    let resolved = Resolved {
        value: Value::Range {
            start: None,
            end: None,
        },
        granularity,
        relation,
    };
    Some((Expr::Fixed(resolved), false, Role::Plain))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::{Value, find_dates};

    #[test]
    fn impossible_dates_are_found_unbounded() {
        let r = date(2022, 4, 20);
        for (text, found) in [
            ("The deadline was set for April 31.", "April 31"),
            ("Filed on 2/29/2021 by mistake.", "2/29/2021"),
            ("Open 2/29-3/2/2021 only.", "2/29-3/2/2021"),
        ] {
            let got = find_dates(text, r);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert_eq!(got[0].text, found);
            assert_eq!(
                got[0].resolved.value,
                Value::Range {
                    start: None,
                    end: None
                }
            );
        }
        // Real days are left to the ordinary rules.
        let got = find_dates("Filed on 2/29/2020.", r);
        assert_eq!(got[0].resolved.value, Value::Day(date(2020, 2, 29)));
    }
}
