//! Intermediate expressions ([`Expr`]) and their resolution against a
//! reference date, plus the calendar arithmetic they need.
//!
//! Choices for expressions without a year or week:
//! - a month and day ("10 August") or a bare month ("in August") takes the
//!   year that puts it in the past for a past-tense clause, in the future
//!   for a future-tense clause, and otherwise the nearest occurrence;
//! - a bare weekday ("on Monday") is the next one (today included) in a
//!   future-tense clause and the latest one (today included) otherwise,
//!   because news mostly reports what happened;
//! - "next Monday" is the Monday of next week, "last Monday" the Monday of
//!   last week, "this Monday" the Monday of this week (Monday to Sunday),
//!   "this past Monday" the latest one before today and "coming Monday" the
//!   first one after today.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::model::{Granularity, Resolved};
use crate::tense::Tense;

/// A partial calendar date; missing parts are filled in at resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cal {
    /// Year, if written.
    pub year: Option<i16>,
    /// Month (1-12), if written.
    pub month: Option<i8>,
    /// Day of month, if written.
    pub day: Option<i8>,
}

/// Which occurrence of a weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekShift {
    /// No modifier: decided by tense.
    Bare,
    /// The one in the week `n` weeks from the reference week.
    Week(i64),
    /// The latest one strictly before the reference.
    Past,
    /// The first one strictly after the reference.
    Coming,
}

/// An expression found by a rule, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A partial calendar date.
    Cal(Cal),
    /// A weekday.
    Weekday(Weekday, WeekShift),
    /// A span between two partial dates ("April 9th through 17th"); the
    /// end is inclusive as written and made exclusive at resolution.
    CalRange(Cal, Cal),
    /// A holiday without a year, resolved like a month and day.
    Holiday(crate::holiday::Holiday),
    /// An expression that needed no context to resolve.
    Fixed(Resolved),
}

/// Resolves `expr` against `reference`, using `tense` where ambiguous.
pub fn resolve(expr: Expr, reference: Date, tense: Option<Tense>) -> Option<Resolved> {
    match expr {
        Expr::Fixed(r) => Some(r),
        Expr::Weekday(wd, shift) => {
            weekday_date(wd, shift, reference, tense).map(|d| Resolved::day(d, reference))
        }
        Expr::Cal(cal) => resolve_cal(cal, reference, tense),
        Expr::CalRange(a, b) => resolve_cal_range(a, b, reference, tense),
        Expr::Holiday(h) => {
            let cands: Vec<(Date, Date)> = (-1..=1)
                .filter_map(|k| {
                    let d = h.date(reference.year() + k)?;
                    Some((d, d.tomorrow().ok()?))
                })
                .collect();
            choose(&cands, reference, tense).map(|c| Resolved::day(c.0, reference))
        }
    }
}

/// Resolves "from A to B" where A and B are partial dates: missing years
/// and months are taken from the other side, the start is resolved by
/// tense and the end follows it. The end is the start of B, as in
/// Recognizers-Text ("from 10/1 to 11/7" ends on 11/7).
pub fn resolve_cal_range(
    mut a: Cal,
    mut b: Cal,
    reference: Date,
    tense: Option<Tense>,
) -> Option<Resolved> {
    if a.month.is_none() {
        a.month = b.month;
    }
    if b.month.is_none() && b.day.is_some() {
        b.month = a.month;
    }
    let order = |c: &Cal| (c.month.unwrap_or(1), c.day.unwrap_or(1));
    if a.year.is_none() && b.year.is_none() && b.month.is_some() {
        // "from May to September", "between 10/1-11/7": the range the
        // reference falls in, when there is one, whatever the tense.
        let containing = [reference.year() - 1, reference.year()]
            .into_iter()
            .filter_map(|y| {
                let a = Cal { year: Some(y), ..a };
                let by = if order(&b) <= order(&a) { y + 1 } else { y };
                resolve_cal_range(
                    a,
                    Cal {
                        year: Some(by),
                        ..b
                    },
                    reference,
                    tense,
                )
            })
            .find(|r| {
                r.start().is_some_and(|s| s <= reference) && r.end().is_some_and(|e| reference < e)
            });
        if containing.is_some() {
            return containing;
        }
    }
    if let (None, Some(by)) = (a.year, b.year) {
        a.year = Some(if order(&a) > order(&b) { by - 1 } else { by });
    }
    let start = resolve_cal(a, reference, tense)?.start()?;
    if b.year.is_none() {
        b.year = Some(
            if order(&b) < order(&a) || (order(&b) == order(&a) && b.day.is_none()) {
                start.year() + 1
            } else {
                start.year()
            },
        );
        if a.year.is_none() && b.month.is_none() {
            return None;
        }
    }
    let end = resolve_cal(b, reference, Some(Tense::Future))?.start()?;
    if end <= start {
        return None;
    }
    Some(Resolved::range(
        Some(start),
        Some(end),
        Granularity::Span,
        reference,
    ))
}

fn resolve_cal(cal: Cal, reference: Date, tense: Option<Tense>) -> Option<Resolved> {
    match (cal.year, cal.month, cal.day) {
        (Some(y), Some(m), Some(d)) => Date::new(y, m, d).ok().map(|d| Resolved::day(d, reference)),
        (Some(y), Some(m), None) => month_range(y, m, reference),
        (Some(y), None, None) => year_range(y, 1, reference),
        (None, Some(m), day) => {
            let pick = |y: i16| -> Option<(Date, Date)> {
                match day {
                    Some(d) => {
                        let date = Date::new(y, m, d).ok()?;
                        Some((date, date.tomorrow().ok()?))
                    }
                    None => {
                        let s = Date::new(y, m, 1).ok()?;
                        Some((s, s.checked_add(1.month()).ok()?))
                    }
                }
            };
            let y0 = reference.year();
            // Feb 29 needs a leap year: look up to eight years either way.
            let cands: Vec<(Date, Date)> = (-8..=8).filter_map(|k| pick(y0 + k)).collect();
            let tense = match day {
                Some(_) if far_ahead_and_just_past(&cands, reference, tense) => None,
                _ => tense,
            };
            let chosen = choose(&cands, reference, tense)?;
            Some(match day {
                Some(_) => Resolved::day(chosen.0, reference),
                None => Resolved::range(
                    Some(chosen.0),
                    Some(chosen.1),
                    Granularity::Month,
                    reference,
                ),
            })
        }
        (None, None, Some(d)) => {
            let cands: Vec<(Date, Date)> = (-2..=2)
                .filter_map(|k| {
                    let first = reference.first_of_month().checked_add(k.months()).ok()?;
                    let date = Date::new(first.year(), first.month(), d).ok()?;
                    Some((date, date.tomorrow().ok()?))
                })
                .collect();
            let chosen = choose(&cands, reference, tense)?;
            Some(Resolved::day(chosen.0, reference))
        }
        _ => None,
    }
}

/// A year-less day read as future is taken this far ahead at most when
/// the same day passed recently (see [`far_ahead_and_just_past`]).
const MAX_DAYS_AHEAD_WITHOUT_YEAR: i32 = 300;
/// How recently the same day must have passed for the nearer reading.
const RECENT_PAST_DAYS: i32 = 61;

/// True when the future reading of a year-less day ("by August 10" in a
/// late-September report) lies most of a year ahead while the same day
/// passed weeks ago: news announcing a day that far ahead give its year,
/// so the clause recalls the past deadline ("they would not sell unless a
/// bid came by August 10"). The nearest reading is taken instead.
fn far_ahead_and_just_past(cands: &[(Date, Date)], reference: Date, tense: Option<Tense>) -> bool {
    if tense != Some(Tense::Future) {
        return false;
    }
    let ahead = cands
        .iter()
        .find(|c| c.1 > reference)
        .map(|c| (c.0 - reference).get_days());
    let behind = cands
        .iter()
        .rev()
        .find(|c| c.0 <= reference)
        .map(|c| (reference - c.0).get_days());
    matches!((ahead, behind), (Some(a), Some(b)) if a > MAX_DAYS_AHEAD_WITHOUT_YEAR && b <= RECENT_PAST_DAYS)
}

/// Picks among candidate periods (sorted by time): past tense takes the
/// latest starting on or before the reference, future tense the earliest
/// ending after it, no tense the nearest.
fn choose(cands: &[(Date, Date)], reference: Date, tense: Option<Tense>) -> Option<(Date, Date)> {
    match tense {
        Some(Tense::Past) => cands.iter().rev().find(|c| c.0 <= reference).copied(),
        Some(Tense::Future) => cands.iter().find(|c| c.1 > reference).copied(),
        None => cands
            .iter()
            .min_by_key(|c| {
                if c.0 <= reference && reference < c.1 {
                    0
                } else {
                    let a = (c.0 - reference).get_days().abs();
                    let b = (c.1 - reference).get_days().abs();
                    a.min(b)
                }
            })
            .copied(),
    }
}

fn weekday_date(
    wd: Weekday,
    shift: WeekShift,
    reference: Date,
    tense: Option<Tense>,
) -> Option<Date> {
    match shift {
        WeekShift::Bare => match tense {
            Some(Tense::Future) => reference.nth_weekday(1, wd).ok().map(|d| {
                if reference.weekday() == wd {
                    reference
                } else {
                    d
                }
            }),
            _ => {
                if reference.weekday() == wd {
                    Some(reference)
                } else {
                    reference.nth_weekday(-1, wd).ok()
                }
            }
        },
        WeekShift::Past => reference.nth_weekday(-1, wd).ok(),
        WeekShift::Coming => reference.nth_weekday(1, wd).ok(),
        WeekShift::Week(n) => {
            let monday = week_start(reference).checked_add((7 * n).days()).ok()?;
            monday
                .checked_add(i64::from(wd.to_monday_zero_offset()).days())
                .ok()
        }
    }
}

/// Monday of the week containing `d`.
pub fn week_start(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(back.days()).unwrap_or(d)
}

/// Adds `n` units of `unit` to `d`, clamping to month ends.
pub fn shift(d: Date, n: i64, unit: Unit) -> Option<Date> {
    match unit {
        Unit::Day => d.checked_add(n.days()).ok(),
        Unit::BusinessDay => add_business_days(d, n),
        Unit::Week => d.checked_add((7 * n).days()).ok(),
        Unit::Fortnight => d.checked_add((14 * n).days()).ok(),
        Unit::Month => d.checked_add(n.months()).ok(),
        Unit::Quarter => d.checked_add((3 * n).months()).ok(),
        Unit::Year => d.checked_add(n.years()).ok(),
        Unit::Decade => d.checked_add((10 * n).years()).ok(),
    }
}

fn add_business_days(d: Date, n: i64) -> Option<Date> {
    let step = if n < 0 { -1 } else { 1 };
    let mut cur = d;
    let mut left = n.abs();
    while left > 0 {
        cur = cur.checked_add(step.days()).ok()?;
        if !matches!(cur.weekday(), Weekday::Saturday | Weekday::Sunday) {
            left -= 1;
        }
    }
    Some(cur)
}

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One day.
    Day,
    /// A weekday (Monday to Friday).
    BusinessDay,
    /// Seven days.
    Week,
    /// Fourteen days.
    Fortnight,
    /// A calendar month.
    Month,
    /// Three months.
    Quarter,
    /// A calendar year.
    Year,
    /// Ten years.
    Decade,
}

impl Unit {
    /// Parses "day", "weeks", "business days", "fortnight", ...
    pub fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let w = w.trim_end_matches('s');
        Some(match w {
            "day" => Unit::Day,
            "business day" | "working day" | "workday" => Unit::BusinessDay,
            "week" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ => return None,
        })
    }

    /// The granularity of a run of this unit.
    pub fn granularity(self) -> Granularity {
        match self {
            Unit::Day | Unit::BusinessDay => Granularity::Day,
            Unit::Week | Unit::Fortnight => Granularity::Week,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Quarter,
            Unit::Year => Granularity::Year,
            Unit::Decade => Granularity::Decade,
        }
    }

    /// The calendar period of this unit containing `d`, as `[start, end)`.
    pub fn period(self, d: Date) -> Option<(Date, Date)> {
        let start = match self {
            Unit::Day | Unit::BusinessDay => d,
            Unit::Week => week_start(d),
            Unit::Fortnight => week_start(d),
            Unit::Month => d.first_of_month(),
            Unit::Quarter => Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).ok()?,
            Unit::Year => d.first_of_year(),
            Unit::Decade => Date::new(d.year() - d.year().rem_euclid(10), 1, 1).ok()?,
        };
        Some((start, shift(start, 1, self)?))
    }
}

/// The month `m` of year `y` as a range.
pub fn month_range(y: i16, m: i8, reference: Date) -> Option<Resolved> {
    let s = Date::new(y, m, 1).ok()?;
    Some(Resolved::range(
        Some(s),
        Some(s.checked_add(1.month()).ok()?),
        Granularity::Month,
        reference,
    ))
}

/// `n` calendar years from year `y` as a range.
pub fn year_range(y: i16, n: i16, reference: Date) -> Option<Resolved> {
    let s = Date::new(y, 1, 1).ok()?;
    let e = Date::new(y.checked_add(n)?, 1, 1).ok()?;
    let g = if n >= 10 {
        Granularity::Decade
    } else {
        Granularity::Year
    };
    Some(Resolved::range(Some(s), Some(e), g, reference))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn bare_weekday_follows_tense() {
        let thu = date(2020, 9, 10);
        let past = weekday_date(Weekday::Tuesday, WeekShift::Bare, thu, Some(Tense::Past));
        assert_eq!(past, Some(date(2020, 9, 8)));
        let wed = date(2020, 9, 30);
        let fut = weekday_date(Weekday::Monday, WeekShift::Bare, wed, Some(Tense::Future));
        assert_eq!(fut, Some(date(2020, 10, 5)));
    }

    #[test]
    fn month_day_without_tense_is_nearest() {
        let r = resolve_cal(
            Cal {
                year: None,
                month: Some(1),
                day: Some(3),
            },
            date(2020, 12, 20),
            None,
        );
        assert_eq!(r.and_then(|r| r.start()), Some(date(2021, 1, 3)));
    }

    #[test]
    fn business_days_skip_weekends() {
        assert_eq!(
            shift(date(2018, 8, 21), 4, Unit::BusinessDay),
            Some(date(2018, 8, 27))
        );
    }
}
