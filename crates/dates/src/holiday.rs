//! Holidays with a fixed or computable date (Western calendar, US and UK
//! usage): Christmas, New Year, Easter and the days defined from it,
//! Thanksgiving, and a few others.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Regex alternation of the holiday names (no capture groups).
pub const PATTERN: &str = r"(?:christmas\s+eve|christmas(?:\s+day)?|xmas|boxing\s+day|new\s+year'?s?\s+eve|new\s+year'?s?(?:\s+day)?|halloween|independence\s+day|valentine'?s?\s+day|(?:saint|st\.?)\s+patrick'?s?(?:\s+day)?|earth\s+day|international\s+workers'?\s+day|may\s+day|easter(?:\s+sunday)?|easter\s+monday|good\s+friday|thanksgiving(?:\s+day)?|black\s+friday|labou?r\s+day|memorial\s+day)";

/// A named holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed month and day.
    Fixed(i8, i8),
    /// Days after Easter Sunday (negative before).
    Easter(i64),
    /// The `n`th weekday of a month (`n == -1`: the last).
    NthWeekday(i8, i8, Weekday, i64),
}

impl Holiday {
    /// Parses a name matched by [`PATTERN`].
    pub fn parse(name: &str) -> Option<Holiday> {
        let n = name.to_ascii_lowercase();
        let has = |w: &str| n.contains(w);
        Some(if has("christmas eve") {
            Holiday::Fixed(12, 24)
        } else if has("christmas") || has("xmas") {
            Holiday::Fixed(12, 25)
        } else if has("boxing") {
            Holiday::Fixed(12, 26)
        } else if has("new year") && has("eve") {
            Holiday::Fixed(12, 31)
        } else if has("new year") {
            Holiday::Fixed(1, 1)
        } else if has("halloween") {
            Holiday::Fixed(10, 31)
        } else if has("independence") {
            Holiday::Fixed(7, 4)
        } else if has("valentine") {
            Holiday::Fixed(2, 14)
        } else if has("patrick") {
            Holiday::Fixed(3, 17)
        } else if has("earth") {
            Holiday::Fixed(4, 22)
        } else if has("workers") || has("may day") {
            Holiday::Fixed(5, 1)
        } else if has("easter monday") {
            Holiday::Easter(1)
        } else if has("easter") {
            Holiday::Easter(0)
        } else if has("good friday") {
            Holiday::Easter(-2)
        } else if has("thanksgiving") {
            Holiday::NthWeekday(11, 0, Weekday::Thursday, 4)
        } else if has("black friday") {
            Holiday::NthWeekday(11, 1, Weekday::Thursday, 4)
        } else if has("labor") || has("labour") {
            Holiday::NthWeekday(9, 0, Weekday::Monday, 1)
        } else if has("memorial") {
            Holiday::NthWeekday(5, 0, Weekday::Monday, -1)
        } else {
            return None;
        })
    }

    /// The holiday's date in year `y`.
    pub fn date(self, y: i16) -> Option<Date> {
        match self {
            Holiday::Fixed(m, d) => Date::new(y, m, d).ok(),
            Holiday::Easter(k) => easter(y)?.checked_add(k.days()).ok(),
            Holiday::NthWeekday(m, plus, wd, n) => {
                let first = Date::new(y, m, 1).ok()?;
                let base = first.nth_weekday_of_month(i8::try_from(n).ok()?, wd).ok()?;
                base.checked_add(i64::from(plus).days()).ok()
            }
        }
    }
}

/// Easter Sunday (Gregorian, anonymous algorithm).
fn easter(y: i16) -> Option<Date> {
    let y = i32::from(y);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// The weekend a holiday belongs to, holiday included: a Monday or
/// Tuesday holiday joins the weekend before it, a Wednesday to Friday one
/// the weekend after, a Saturday or Sunday one its own. The range runs
/// from the earlier of the holiday and that Saturday to the later of the
/// day after the holiday and that Monday (end exclusive).
pub fn holiday_weekend(d: Date) -> Option<(Date, Date)> {
    use jiff::ToSpan;
    // Days from the Saturday of the weekend to the holiday.
    let k: i64 = match d.weekday().to_monday_one_offset() {
        1 => 2,
        2 => 3,
        3 => -3,
        4 => -2,
        5 => -1,
        6 => 0,
        _ => 1,
    };
    let sat = d.checked_sub(k.days()).ok()?;
    let start = sat.min(d);
    let end = sat.checked_add(2.days()).ok()?.max(d.tomorrow().ok()?);
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn computes_holidays() {
        assert_eq!(easter(2018), Some(date(2018, 4, 1)));
        assert_eq!(easter(2019), Some(date(2019, 4, 21)));
        let thanksgiving = Holiday::parse("Thanksgiving").and_then(|h| h.date(2023));
        assert_eq!(thanksgiving, Some(date(2023, 11, 23)));
        let black = Holiday::parse("black friday").and_then(|h| h.date(2010));
        assert_eq!(black, Some(date(2010, 11, 26)));
    }
}
