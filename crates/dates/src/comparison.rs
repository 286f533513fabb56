//! Years after a comparison sign, as in queries and tables: ">= 2019"
//! (2019 or later), "< 2019" (before 2019), "=2019" (the year 2019).

use regex::Captures;

use crate::model::{Granularity, Resolved};
use crate::resolve::{Expr, year_range};
use crate::rules::{Ctx, Handler, Role};

/// The rules of this module, as (pattern, handler) pairs.
pub fn specs() -> Vec<(String, Handler)> {
    vec![(
        r"(?:^|[\s(\[])(?P<span>(?P<op>>\s*=|<\s*=|=|>|<)\s*(?P<y>\d{4})\b)".into(),
        h_compared_year,
    )]
}

fn h_compared_year(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let r = ctx.reference;
    let y: i16 = c.name("y")?.as_str().parse().ok()?;
    let year = year_range(y, 1, r)?;
    let op: String = c.name("op")?.as_str().split_whitespace().collect();
    let res = match op.as_str() {
        ">=" => Resolved::range(year.start(), None, Granularity::Span, r),
        ">" => Resolved::range(year.end(), None, Granularity::Span, r),
        "<=" => Resolved::range(None, year.end(), Granularity::Span, r),
        "<" => Resolved::range(None, year.start(), Granularity::Span, r),
        _ => year,
    };
    Some((Expr::Fixed(res), false, Role::Plain))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::{Value, find_dates};

    #[test]
    fn compared_years() {
        let r = date(2022, 4, 20);
        let got = find_dates("rows with year >= 2015", r);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].text, ">= 2015");
        assert_eq!(
            got[0].resolved.value,
            Value::Range {
                start: Some(date(2015, 1, 1)),
                end: None
            }
        );
        let got = find_dates("rows with year < 2015", r);
        assert_eq!(
            got[0].resolved.value,
            Value::Range {
                start: None,
                end: Some(date(2015, 1, 1))
            }
        );
    }
}
