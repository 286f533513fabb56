//! Choosing a page's publication time among the candidates its metadata
//! offers: a full date in the URL first, then the published time (meta,
//! JSON-LD, `itemprop`, `<time pubdate>`), then trafilatura's date, then
//! the other `<time>` elements, and the modification time only when
//! nothing else is given. A published time written in UTC takes the day
//! the page writes the same moment in local time, when it does.
//! A candidate later than the moment of parsing (plus a day of time-zone
//! slack) or before 1995 is never taken.

use super::metadata::PageMetadata;
use crate::ingest::time::{ParsedTime, parse_time};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use regex::Regex;
use std::sync::LazyLock;

/// No news page on the web predates this.
const EARLIEST_YEAR: i16 = 1995;

/// `2020/09/30`, `2020-9-3`, `2020_09_30` inside a URL path (both
/// separators required, so `/2016/12/` is not read as 2016-1-2).
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(
        r"/(?<y>(?:19|20)\d{2})(?<sep>[/_-])(?<m>0[1-9]|1[0-2]|[1-9])[/_-](?<d>0[1-9]|[12]\d|3[01]|[1-9])(?<after>[/_.-]|$)",
    )
    .expect("valid URL date pattern")
});

/// `20200930` as a whole URL path segment or word.
static URL_COMPACT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
        .expect("valid URL date pattern")
});

/// A date at the start of a time string: `2020-09-30…`, `2020/9/30`.
static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"^\s*((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})").expect("valid date pattern")
});

/// A day-first date: `30.09.2020`, `30/09/2020`.
static DAY_FIRST_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(r"^\s*(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b").expect("valid date pattern")
});

/// A date with the month written out, day first (`06 Dicembre 2020`,
/// `15. März 2021`) or month first (`Sep 15 2020`, `March 3rd, 2021`).
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
    Regex::new(
        r"(?:\b(?<d1>\d{1,2})\.?\s+(?:de\s+)?(?<m1>\p{L}{3,})\.?,?\s+(?:de\s+)?(?<y1>(?:19|20)\d{2})\b)|(?:(?<m2>\p{L}{3,})\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y2>(?:19|20)\d{2})\b)",
    )
    .expect("valid written date pattern")
});

/// Month names and their usual abbreviations in the languages of the
/// pages we see most (English, German, French, Italian, Spanish,
/// Portuguese, Dutch, Arabic), by month.
const MONTH_NAMES: [&[&str]; 12] = [
    &[
        "jan",
        "january",
        "januar",
        "jänner",
        "janvier",
        "gennaio",
        "enero",
        "janeiro",
        "januari",
        "يناير",
    ],
    &[
        "feb",
        "february",
        "februar",
        "février",
        "fevrier",
        "febbraio",
        "febrero",
        "fevereiro",
        "februari",
        "فبراير",
    ],
    &[
        "mar", "march", "märz", "maerz", "mars", "marzo", "março", "maart", "مارس",
    ],
    &["apr", "april", "avril", "aprile", "abril", "أبريل"],
    &["may", "mai", "maggio", "mayo", "maio", "mei", "مايو"],
    &[
        "jun",
        "june",
        "juni",
        "juin",
        "giugno",
        "junio",
        "junho",
        "يونيو",
    ],
    &[
        "jul",
        "july",
        "juli",
        "juillet",
        "luglio",
        "julio",
        "julho",
        "يوليو",
    ],
    &[
        "aug",
        "august",
        "août",
        "aout",
        "agosto",
        "augustus",
        "أغسطس",
    ],
    &[
        "sep",
        "sept",
        "september",
        "septembre",
        "settembre",
        "septiembre",
        "setembro",
        "سبتمبر",
    ],
    &[
        "oct",
        "okt",
        "october",
        "oktober",
        "octobre",
        "ottobre",
        "octubre",
        "outubro",
        "أكتوبر",
    ],
    &[
        "nov",
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "نوفمبر",
    ],
    &[
        "dec",
        "dez",
        "december",
        "dezember",
        "décembre",
        "decembre",
        "dicembre",
        "diciembre",
        "dezembro",
        "ديسمبر",
    ],
];

/// The month a written name stands for.
pub(super) fn month_named(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    MONTH_NAMES
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// The first date with a written-out month in `text`.
fn written_date(text: &str) -> Option<Date> {
    WRITTEN_DATE.captures_iter(text).find_map(|c| {
        let (d, m, y) = match (c.name("m1"), c.name("m2")) {
            (Some(m), _) => (c.name("d1")?, m, c.name("y1")?),
            (None, Some(m)) => (c.name("d2")?, m, c.name("y2")?),
            (None, None) => return None,
        };
        Date::new(
            y.as_str().parse().ok()?,
            month_named(m.as_str())?,
            d.as_str().parse().ok()?,
        )
        .ok()
    })
}

/// A time found on a page, with the calendar day as the page wrote it
/// (a page in New York that says `2023-11-08T21:00-05:00` was published on
/// the 8th, though it was the 9th in UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageTime {
    /// The instant.
    pub time: ParsedTime,
    /// The day as written.
    pub date: Date,
}

/// The publication time of a page: see the module doc for the order.
/// `fallback` is another extractor's date, tried before `<time>` elements.
pub fn publication_time(
    meta: &PageMetadata,
    url: Option<&str>,
    fallback: Option<Date>,
    now: Timestamp,
) -> Option<PageTime> {
    let plausible = |t: &PageTime| is_plausible(t.time.timestamp, now);
    let first = |values: &[String]| {
        values
            .iter()
            .filter_map(|s| parse_page_time(s).map(|t| (s, t)))
            .find(|(_, t)| plausible(t))
            .map(|(written, t)| local_day(written, t, meta))
    };
    // URL, published, trafilatura's date, other <time>s, modified. A full
    // date in the URL is the day the publisher filed the page under, in
    // its own time zone (htmldate trusts it first too): on htmldate's
    // pages URL first won 10 pages; on trafilatura-eval-dev it changed
    // nothing. trafilatura's date before the published meta lost 0.05 F
    // on trafilatura-eval-dev.
    let published = first(&meta.published);
    let in_url = meta
        .urls
        .iter()
        .map(String::as_str)
        .chain(url)
        .filter_map(date_in_url)
        .map(day)
        .find(plausible);
    if let (Some(p), Some(u)) = (published, in_url) {
        // A published time written with the page's own offset, a day off
        // the URL's: the URL day is the day the story was filed.
        let written = meta
            .published
            .iter()
            .find_map(|s| parse_page_time(s).map(|_| s));
        if written.is_some_and(|s| is_written_with_offset(s))
            && (p.date - u.date).get_days().abs() <= 1
        {
            return Some(p);
        }
    }
    "UPFTM".chars().find_map(|tier| match tier {
        'P' => published,
        // The published time keeps its hour when it agrees on the day.
        'U' => in_url.map(|u| published.filter(|p| p.date == u.date).unwrap_or(u)),
        // trafilatura writes a year it found alone (a copyright line) as
        // January 1st: on htmldate's pages all 9 such dates were wrong.
        'F' => fallback
            .filter(|d| (d.month(), d.day()) != (1, 1))
            .map(day)
            .filter(plausible),
        'T' => first(&meta.times),
        'M' => first(&meta.modified),
        _ => None,
    })
}

/// A time written in UTC (`…Z`, `+00:00`) near midnight may fall on
/// another day where the page was published: when the page also writes
/// the same moment in local time (an offset, or no zone at all) among its
/// published times or `<time>` elements, that day wins.
fn local_day(written: &str, time: PageTime, meta: &PageMetadata) -> PageTime {
    if !is_written_in_utc(written) {
        return time;
    }
    meta.published
        .iter()
        .chain(&meta.times)
        .filter(|s| is_written_in_local_time(s))
        .filter_map(|s| parse_page_time(s))
        .find(|t| {
            // The same moment on another clock: whole quarter hours apart,
            // at most 14 hours (the widest UTC offset).
            let apart = (t.time.timestamp.as_second() - time.time.timestamp.as_second()).abs();
            t.date != time.date && apart <= 14 * 3600 && apart % 900 == 0
        })
        .map_or(time, |local| PageTime {
            time: time.time,
            date: local.date,
        })
}

/// `2020-01-01T10:00:00Z`, `…+00:00`, `… GMT`: the zone is UTC.
fn is_written_in_utc(text: &str) -> bool {
    let text = text.trim().to_ascii_uppercase();
    ["Z", "+00:00", "+0000", "UTC", "GMT"]
        .iter()
        .any(|end| text.ends_with(end))
}

/// A time with an explicit offset other than UTC: `…T18:09:00-05:00`,
/// `…+0200`.
fn is_written_with_offset(text: &str) -> bool {
    static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
        #[allow(clippy::expect_used)] // a constant pattern, covered by the tests
        Regex::new(r"\d:\d\d(?::\d\d(?:\.\d+)?)?\s*[+-]\d\d:?\d\d$").expect("valid offset pattern")
    });
    !is_written_in_utc(text) && OFFSET.is_match(text.trim())
}

/// A time of day with a non-UTC offset or no zone: `2020-01-01 18:09`,
/// `2020-01-01T18:09:00-05:00`.
fn is_written_in_local_time(text: &str) -> bool {
    text.contains(':') && !is_written_in_utc(text)
}

/// Parses a time as pages write it: every form [`parse_time`] knows, an
/// ISO date followed by anything, or a day-first date.
pub fn parse_page_time(text: &str) -> Option<PageTime> {
    let text = text.trim();
    let date = |y: &str, m: &str, d: &str| {
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
    };
    let written = LEADING_DATE
        .captures(text)
        .and_then(|c| date(&c[1], &c[2], &c[3]))
        .or_else(|| {
            DAY_FIRST_DATE
                .captures(text)
                .and_then(|c| date(&c[3], &c[2], &c[1]))
        })
        .or_else(|| jiff::fmt::rfc2822::parse(text).ok().map(|z| z.date()))
        .or_else(|| written_date(text));
    let time = parse_time(text).or_else(|| {
        jiff::fmt::strtime::parse("%Y-%m-%dT%H:%M:%S%z", text)
            .and_then(|t| t.to_timestamp())
            .ok()
            .map(|timestamp| ParsedTime {
                timestamp,
                approximate: false,
            })
    });
    match (time, written) {
        (Some(time), Some(date)) => Some(PageTime { time, date }),
        (Some(time), None) => Some(PageTime {
            time,
            date: time.timestamp.to_zoned(TimeZone::UTC).date(),
        }),
        (None, Some(date)) => Some(day(date)),
        (None, None) => None,
    }
}

/// A date written in a URL's path.
pub fn date_in_url(url: &str) -> Option<Date> {
    // `/2023/10/3-fragen-an…` is October 2023 and a title starting with a
    // number, not the 3rd.
    let slug_number =
        |c: &regex::Captures<'_>| &c["sep"] == "/" && c["d"].len() == 1 && &c["after"] == "-";
    let c = URL_DATE
        .captures(url)
        .filter(|c| !slug_number(c))
        .or_else(|| URL_COMPACT_DATE.captures(url))?;
    let part = |name: &str, index: usize| c.name(name).or_else(|| c.get(index));
    Date::new(
        part("y", 1)?.as_str().parse().ok()?,
        part("m", 2)?.as_str().parse().ok()?,
        part("d", 3)?.as_str().parse().ok()?,
    )
    .ok()
}

fn day(date: Date) -> PageTime {
    let timestamp = date
        .to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH);
    PageTime {
        time: ParsedTime {
            timestamp,
            approximate: true,
        },
        date,
    }
}

fn is_plausible(time: Timestamp, now: Timestamp) -> bool {
    let year = time.to_zoned(TimeZone::UTC).year();
    year >= EARLIEST_YEAR && time <= now.checked_add(24.hours()).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2024-01-01T00:00:00Z".parse().unwrap()
    }

    fn date_of(t: Option<PageTime>) -> Option<String> {
        t.map(|t| t.date.to_string())
    }

    #[test]
    fn published_beats_modified_and_the_url_beats_both() {
        let meta = PageMetadata {
            published: vec!["2020-09-30T13:28:43+0100".into()],
            modified: vec!["2021-01-01".into()],
            ..Default::default()
        };
        let got = publication_time(&meta, None, None, now());
        assert_eq!(date_of(got).as_deref(), Some("2020-09-30"));
        let got = publication_time(&meta, Some("https://x.com/2019/01/02/a"), None, now());
        assert_eq!(date_of(got).as_deref(), Some("2019-01-02"));
        // A day off the URL, written with the page's own offset: filed on
        // the 29th, published on the 30th.
        let got = publication_time(&meta, Some("https://x.com/2020/09/29/a"), None, now());
        assert_eq!(date_of(got).as_deref(), Some("2020-09-30"));
    }

    #[test]
    fn a_utc_time_takes_the_day_the_page_writes_locally() {
        let meta = PageMetadata {
            published: vec![
                "2023-11-09T02:11:03+00:00".into(),
                "2023-11-08T21:11:03-05:00".into(),
            ],
            ..Default::default()
        };
        let got = publication_time(&meta, None, None, now());
        assert_eq!(date_of(got).as_deref(), Some("2023-11-08"));
        // Another moment the evening before is not the same time.
        let meta = PageMetadata {
            published: vec!["2023-10-31T04:41:58.000Z".into()],
            times: vec!["2023-10-30T18:23:17+01:00".into()],
            ..Default::default()
        };
        let got = publication_time(&meta, None, None, now());
        assert_eq!(date_of(got).as_deref(), Some("2023-10-31"));
    }

    #[test]
    fn a_year_alone_from_the_fallback_is_not_a_date() {
        let meta = PageMetadata::default();
        assert_eq!(
            publication_time(&meta, None, Date::new(2020, 1, 1).ok(), now()),
            None
        );
        assert_eq!(
            date_of(publication_time(
                &meta,
                None,
                Date::new(2020, 3, 1).ok(),
                now()
            ))
            .as_deref(),
            Some("2020-03-01")
        );
    }

    #[test]
    fn future_and_ancient_dates_are_skipped() {
        let meta = PageMetadata {
            published: vec!["2031-05-01".into(), "1970-01-01".into()],
            modified: vec!["2023-06-01T10:00:00Z".into()],
            ..Default::default()
        };
        assert_eq!(
            date_of(publication_time(&meta, None, None, now())).as_deref(),
            Some("2023-06-01")
        );
    }

    #[test]
    fn dates_in_urls_and_odd_forms() {
        assert_eq!(
            date_in_url("https://x.com/news/2020/09/30/bid"),
            Date::new(2020, 9, 30).ok()
        );
        assert_eq!(
            date_in_url("https://x.com/2020-9-3-bid.html"),
            Date::new(2020, 9, 3).ok()
        );
        assert_eq!(
            date_in_url("https://x.com/20200930/bid"),
            Date::new(2020, 9, 30).ok()
        );
        assert_eq!(date_in_url("https://x.com/item/12345678"), None);
        assert_eq!(date_in_url("https://x.com/2016/12/python-3"), None);
        assert_eq!(date_in_url("https://x.com/2023/10/3-fragen-an-tina/"), None);
        assert_eq!(
            date_of(parse_page_time("2023-11-08T21:00:00-05:00")).as_deref(),
            Some("2023-11-08")
        );
        assert_eq!(
            date_of(parse_page_time("30.09.2020, 14:02")).as_deref(),
            Some("2020-09-30")
        );
        assert_eq!(
            date_of(parse_page_time("2020/09/30 14:02 CEST")).as_deref(),
            Some("2020-09-30")
        );
        for (written, want) in [
            ("Tue, Sep 15 2020 10:01:41 EDT", "2020-09-15"),
            ("06 Dicembre 2020", "2020-12-06"),
            ("15. März 2021, 10:00 Uhr", "2021-03-15"),
            ("March 3rd, 2021", "2021-03-03"),
            ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19"),
        ] {
            assert_eq!(
                date_of(parse_page_time(written)).as_deref(),
                Some(want),
                "{written}"
            );
        }
        assert_eq!(parse_page_time("Page 12 of 2020"), None);
    }
}
