//! The start of a story view's window (`storyline story ID --since`): a
//! day, an RFC 3339 time, a span back from now (`24h`, `3d`, `2w`) or a
//! day in words read by the date recognizer against today.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// A `--since` text that is none of the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{text}' is not a date (2020-09-20), a time (2020-09-20T12:00:00Z), a span back from now (24h, 3d, 2w) or a day in words (yesterday, last Monday)"
)]
pub struct SinceError {
    /// The text given, trimmed.
    pub text: String,
}

/// Parses a `--since` text against `now`: a day (`2020-09-20`, midnight
/// UTC), an RFC 3339 time, a span back from now (`24h`, `3d`, `2w`), or a
/// day in words resolved against today (`yesterday`, `last Monday`,
/// `3 days ago`, `September 20`; a period such as `last week` counts from
/// its start). A span reaching past the representable times is an error.
pub fn parse_since(text: &str, now: Timestamp) -> Result<Timestamp, SinceError> {
    let text = text.trim();
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Ok(ts);
    }
    if let Some(ts) = text.parse::<Date>().ok().and_then(midnight) {
        return Ok(ts);
    }
    if let Some(ts) = span_back(text, now) {
        return Ok(ts);
    }
    let today = now.to_zoned(TimeZone::UTC).date();
    let day = storyline_dates::find_dates(text, today)
        .into_iter()
        .find(|m| m.span == (0..text.len()))
        .and_then(|m| match m.resolved.value {
            storyline_dates::Value::Day(d) => Some(d),
            storyline_dates::Value::Range { start, .. } => start,
        });
    day.and_then(midnight).ok_or_else(|| SinceError {
        text: text.to_string(),
    })
}

/// Midnight UTC of `day`, if representable.
fn midnight(day: Date) -> Option<Timestamp> {
    day.to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// `24h`, `3d`, `2w`: that long before `now`; `None` for any other text or
/// a span too long to represent.
fn span_back(text: &str, now: Timestamp) -> Option<Timestamp> {
    let unit = text.chars().last()?;
    let count: i64 = text[..text.len() - unit.len_utf8()].trim().parse().ok()?;
    let hours = match unit {
        'h' => count,
        'd' => count.checked_mul(24)?,
        'w' => count.checked_mul(24 * 7)?,
        _ => return None,
    };
    // `from_hours` panics when the hours' seconds overflow an `i64`.
    now.checked_sub(SignedDuration::try_from_hours(hours)?).ok()
}

#[cfg(test)]
mod tests {
    use super::parse_since;
    use jiff::Timestamp;

    /// Tuesday 24 November 2026, 15:00 UTC.
    fn now() -> Timestamp {
        "2026-11-24T15:00:00Z".parse().unwrap()
    }

    fn at(text: &str) -> Result<String, String> {
        parse_since(text, now())
            .map(|t| t.to_string())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn since_takes_days_and_times() {
        assert_eq!(at("2020-09-20").as_deref(), Ok("2020-09-20T00:00:00Z"));
        assert_eq!(
            at("2020-09-20T12:30:00+02:00").as_deref(),
            Ok("2020-09-20T10:30:00Z")
        );
        assert!(
            at("soon-ish")
                .unwrap_err()
                .contains("'soon-ish' is not a date")
        );
    }

    #[test]
    fn since_takes_spans_back_and_days_in_words() {
        assert_eq!(at("24h").as_deref(), Ok("2026-11-23T15:00:00Z"));
        assert_eq!(at("3d").as_deref(), Ok("2026-11-21T15:00:00Z"));
        assert_eq!(at("2w").as_deref(), Ok("2026-11-10T15:00:00Z"));
        assert_eq!(at("yesterday").as_deref(), Ok("2026-11-23T00:00:00Z"));
        assert_eq!(at("last Monday").as_deref(), Ok("2026-11-16T00:00:00Z"));
        assert_eq!(at("3 days ago").as_deref(), Ok("2026-11-21T00:00:00Z"));
        assert!(at("yesterday and more").is_err());
        assert!(at("3x").is_err());
    }

    /// Found by the `since` fuzz target (`fuzz/regressions/since/`): a
    /// span whose hours overflow an `i64` of seconds made
    /// `SignedDuration::from_hours` panic, aborting `story --since`.
    #[test]
    fn huge_span_back_is_an_error_not_a_panic() {
        assert!(at("191444444444222d").is_err());
        assert!(at("9999999999999999h").is_err());
        assert!(at("-9999999999999999h").is_err());
        assert!(at("99999999999999999w").is_err());
        assert!(at("1000000000d").is_err());
    }
}
