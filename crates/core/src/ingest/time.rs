//! Publication times as inputs write them: `2020-09-30-13-28-43`, RFC 3339,
//! `YYYY-MM-DD HH:MM:SS`, bare dates, RFC 2822, English month names and the
//! Reuters-21578 form `26-FEB-1987 15:01:01.79`.
//! Times without a zone are read as UTC and flagged as approximate.

use jiff::civil::{Date, DateTime};
use jiff::{Timestamp, tz::TimeZone};

/// A parsed publication time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedTime {
    /// The instant, in UTC.
    pub timestamp: Timestamp,
    /// True when the input gave no zone (UTC assumed) or no time of day.
    pub approximate: bool,
}

impl ParsedTime {
    fn exact(timestamp: Timestamp) -> Self {
        Self {
            timestamp,
            approximate: false,
        }
    }

    fn assumed_utc(datetime: DateTime) -> Option<Self> {
        let timestamp = datetime.to_zoned(TimeZone::UTC).ok()?.timestamp();
        Some(Self {
            timestamp,
            approximate: true,
        })
    }
}

/// Parses a publication time in any of the common forms; `None` when the
/// text is not a time Storyline recognizes.
pub fn parse_time(text: &str) -> Option<ParsedTime> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Some(ParsedTime::exact(ts));
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(text) {
        return Some(ParsedTime::exact(zoned.timestamp()));
    }
    if let Some(dt) = parse_reuters(text) {
        return ParsedTime::assumed_utc(dt);
    }
    if let Some(dt) = parse_dashed_datetime(text) {
        return ParsedTime::assumed_utc(dt);
    }
    if let Ok(dt) = text.parse::<DateTime>() {
        return ParsedTime::assumed_utc(dt);
    }
    if let Ok(date) = text.parse::<Date>() {
        return ParsedTime::assumed_utc(date.to_datetime(jiff::civil::Time::midnight()));
    }
    if let Some(date) = parse_written_date(text) {
        return ParsedTime::assumed_utc(date.to_datetime(jiff::civil::Time::midnight()));
    }
    if let Ok(seconds) = text.parse::<i64>() {
        // Unix seconds: only a plausible range, so stray numbers are not
        // taken for dates.
        if (315_532_800..=4_102_444_800).contains(&seconds) {
            return Timestamp::from_second(seconds).ok().map(ParsedTime::exact);
        }
    }
    None
}

/// `YYYY-MM-DD-HH-MM-SS` (Jigsaw/Jekyll post names) and `YYYY/MM/DD`.
fn parse_dashed_datetime(text: &str) -> Option<DateTime> {
    let parts: Vec<&str> = text.split(['-', '/', '_']).collect();
    if !(parts.len() == 3 || parts.len() == 5 || parts.len() == 6)
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        || parts[0].len() != 4
    {
        return None;
    }
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<i8>().ok());
    let year: i16 = parts[0].parse().ok()?;
    let date = Date::new(year, num(1)?, num(2)?).ok()?;
    let time = match parts.len() {
        3 => jiff::civil::Time::midnight(),
        5 => jiff::civil::Time::new(num(3)?, num(4)?, 0, 0).ok()?,
        _ => jiff::civil::Time::new(num(3)?, num(4)?, num(5)?, 0).ok()?,
    };
    Some(date.to_datetime(time))
}

/// `26-FEB-1987 15:01:01.79`: day, English month abbreviation, year, then a
/// time with hundredths of a second (Reuters-21578, no zone). What follows
/// the time is ignored: the corpus leaves SGML debris there
/// (`14:01:56.71&#5;&#5;&#5;C M`, `00:00:00.00 # date added …`).
fn parse_reuters(text: &str) -> Option<DateTime> {
    let mut words = text.split_whitespace();
    let (date, time) = (words.next()?, words.next()?);
    let time = time.split('&').next()?;
    let mut parts = date.split('-');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || month.len() != 3 || year.len() != 4 {
        return None;
    }
    let month = month_number(&month.to_ascii_lowercase())?;
    let date = Date::new(year.parse().ok()?, month, day.parse().ok()?).ok()?;
    let (hms, fraction) = time.trim().split_once('.').unwrap_or((time.trim(), "0"));
    let mut hms = hms.split(':');
    let (h, m, sec) = (hms.next()?, hms.next()?, hms.next()?);
    if hms.next().is_some() || fraction.is_empty() || fraction.len() > 9 {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit()) && !s.is_empty();
    if ![h, m, sec, fraction].iter().all(|p| digits(p)) {
        return None;
    }
    let nanos = fraction.parse::<i32>().ok()? * 10_i32.pow(9 - fraction.len() as u32);
    let time =
        jiff::civil::Time::new(h.parse().ok()?, m.parse().ok()?, sec.parse().ok()?, nanos).ok()?;
    Some(date.to_datetime(time))
}

/// `September 30, 2020`, `30 September 2020`, `Wednesday, 30 Sep 2020`.
fn parse_written_date(text: &str) -> Option<Date> {
    let cleaned: String = text
        .chars()
        .map(|c| if c == ',' || c == '.' { ' ' } else { c })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for word in words {
        let lower = word.to_ascii_lowercase();
        let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if let Some(m) = month_number(&lower) {
            month = Some(m);
        } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            match digits.len() {
                1 | 2 => day = digits.parse::<i8>().ok(),
                4 => year = digits.parse::<i16>().ok(),
                _ => return None,
            }
        } else if !is_weekday(&lower) {
            return None;
        }
    }
    Date::new(year?, month?, day?).ok()
}

fn month_number(word: &str) -> Option<i8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word)))
        .and_then(|i| i8::try_from(i + 1).ok())
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter()
        .any(|d| *d == word || (word.len() >= 3 && d.starts_with(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> (String, bool) {
        let parsed = parse_time(text).unwrap_or_else(|| panic!("{text} did not parse"));
        (parsed.timestamp.to_string(), parsed.approximate)
    }

    #[test]
    fn jigsaw_post_dates_are_read_as_utc() {
        assert_eq!(
            utc("2020-09-30-13-28-43"),
            ("2020-09-30T13:28:43Z".into(), true)
        );
    }

    #[test]
    fn common_forms_agree() {
        assert_eq!(utc("2020-09-30T13:28:43+01:00").0, "2020-09-30T12:28:43Z");
        assert!(!utc("2020-09-30T13:28:43Z").1);
        assert_eq!(utc("2020-09-30 13:28:43").0, "2020-09-30T13:28:43Z");
        assert_eq!(utc("2020-09-30").0, "2020-09-30T00:00:00Z");
        assert_eq!(
            utc("Wed, 30 Sep 2020 13:28:43 +0000").0,
            "2020-09-30T13:28:43Z"
        );
        assert_eq!(utc("September 30, 2020").0, "2020-09-30T00:00:00Z");
        assert_eq!(utc("Friday, June 30, 2023").0, "2023-06-30T00:00:00Z");
        assert_eq!(utc("30 Sept 2020").0, "2020-09-30T00:00:00Z");
        assert_eq!(utc("1601472523").0, "2020-09-30T13:28:43Z");
    }

    #[test]
    fn reuters_dates_are_read_and_malformed_ones_refused() {
        assert_eq!(
            utc("26-FEB-1987 15:01:01.79"),
            ("1987-02-26T15:01:01.79Z".into(), true)
        );
        assert_eq!(utc("2-MAR-1987 09:05:00.00").0, "1987-03-02T09:05:00Z");
        assert_eq!(
            utc("27-MAR-1987 14:01:56.71&#5;&#5;&#5;C M").0,
            "1987-03-27T14:01:56.71Z"
        );
        for bad in [
            "31-FEB-1987 15:01:01.79",
            "26-FOO-1987 15:01:01.79",
            "26-FEB-1987 25:01:01.79",
            "26-FEB-1987 15:01:01.",
            "26-FEB-1987 15:0a:01.79",
            "31-MAR-1987 605:12:19.12",
        ] {
            assert!(parse_time(bad).is_none(), "{bad} parsed");
        }
    }

    #[test]
    fn nonsense_is_not_a_date() {
        for text in [
            "",
            "yesterday",
            "2020-13-45",
            "12",
            "next week at noon",
            "2020-09-30-99",
        ] {
            assert!(parse_time(text).is_none(), "{text} parsed");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = parse_time(&text);
        }

        #[test]
        fn reuters_like_text_never_panics(
            day in 0u32..40, month in "[A-Z]{3}", year in 0u32..10000,
            h in 0u32..30, m in 0u32..70, frac in "[0-9]{0,12}"
        ) {
            let _ = parse_time(&format!("{day}-{month}-{year} {h}:{m}:00.{frac}"));
        }
    }
}
