//! Unit tests of [`find_dates`](crate::find_dates) on our own sentences,
//! including the seed expectations from the issue.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use crate::{Granularity, Relation, Value, find_dates};

fn days(text: &str, reference: Date) -> Vec<(String, Date)> {
    find_dates(text, reference)
        .into_iter()
        .filter_map(|m| match m.resolved.value {
            Value::Day(d) => Some((m.text, d)),
            Value::Range { .. } => None,
        })
        .collect()
}

fn one(text: &str, reference: Date) -> crate::DateMention {
    let mut found = find_dates(text, reference);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found.remove(0)
}

#[test]
fn seed_transfer_window_closes_on_monday() {
    let got = days(
        "The international transfer window closes on Monday.",
        date(2020, 9, 30),
    );
    assert_eq!(got, vec![("Monday".to_string(), date(2020, 10, 5))]);
}

#[test]
fn seed_by_friday_is_upcoming() {
    let reference = date(2020, 9, 30);
    let got = days("Clubs must register their squads by Friday.", reference);
    assert_eq!(got, vec![("Friday".to_string(), date(2020, 10, 2))]);
    let got = days("Register by Friday.", reference);
    assert_eq!(got, vec![("Friday".to_string(), date(2020, 10, 2))]);
}

#[test]
fn seed_missed_sessions_are_past() {
    let got = days(
        "The midfielder missed sessions at Carrington on Tuesday and Wednesday.",
        date(2020, 9, 10),
    );
    assert_eq!(
        got,
        vec![
            ("Tuesday".to_string(), date(2020, 9, 8)),
            ("Wednesday".to_string(), date(2020, 9, 9)),
        ]
    );
}

#[test]
fn seed_next_few_days_starts_today() {
    let m = one("He could join us in the next few days.", date(2020, 9, 23));
    assert_eq!(m.resolved.start(), Some(date(2020, 9, 23)));
    assert!(matches!(m.resolved.value, Value::Range { .. }));
}

#[test]
fn absolute_dates() {
    let r = date(2020, 10, 1);
    for (text, want) in [
        ("It opened on 30 September 2020.", date(2020, 9, 30)),
        ("It opened on September 30, 2020.", date(2020, 9, 30)),
        ("It opened on 2020-09-30.", date(2020, 9, 30)),
        ("It opened on Sept 30.", date(2020, 9, 30)),
        ("The deal was signed on August 10.", date(2020, 8, 10)),
        ("The deal was signed on 10 August.", date(2020, 8, 10)),
        ("The hearing is set for 30/09/2020.", date(2020, 9, 30)),
    ] {
        let m = one(text, r);
        assert_eq!(m.resolved.value, Value::Day(want), "{text}");
    }
}

#[test]
fn the_nth_after_on() {
    let m = one("The vote was held on the 10th.", date(2020, 9, 23));
    assert_eq!(m.text, "the 10th");
    assert_eq!(m.resolved.value, Value::Day(date(2020, 9, 10)));
}

#[test]
fn relative_days_and_weeks() {
    let r = date(2020, 9, 30); // a Wednesday
    assert_eq!(
        one("He left yesterday.", r).resolved.value,
        Value::Day(date(2020, 9, 29))
    );
    assert_eq!(
        one("Talks resume tomorrow.", r).resolved.value,
        Value::Day(date(2020, 10, 1))
    );
    let m = one("Results are due next week.", r);
    assert_eq!(m.resolved.start(), Some(date(2020, 10, 5)));
    assert_eq!(m.resolved.end(), Some(date(2020, 10, 12)));
    assert_eq!(m.resolved.granularity, Granularity::Week);
    let m = one("Sales fell last month.", r);
    assert_eq!(m.resolved.start(), Some(date(2020, 8, 1)));
    assert_eq!(m.resolved.relation, Relation::Past);
    let m = one("It happened two weeks ago.", r);
    assert_eq!(m.resolved.value, Value::Day(date(2020, 9, 16)));
    let m = one("The ban ends in three days.", r);
    assert_eq!(m.resolved.value, Value::Day(date(2020, 10, 3)));
}

#[test]
fn periods() {
    let r = date(2020, 9, 30);
    let m = one("The club was sold in 2019.", r);
    assert_eq!(m.resolved.start(), Some(date(2019, 1, 1)));
    assert_eq!(m.resolved.end(), Some(date(2020, 1, 1)));
    let m = one("He signed in August.", r);
    assert_eq!(m.resolved.start(), Some(date(2020, 8, 1)));
    let m = one("Profits rose in the third quarter of 2019.", r);
    assert_eq!(m.resolved.start(), Some(date(2019, 7, 1)));
    let m = one("He was injured earlier this month.", r);
    assert_eq!(m.resolved.start(), Some(date(2020, 9, 1)));
    let m = one("The tournament was played this summer.", r);
    assert_eq!(m.resolved.start(), Some(date(2020, 6, 1)));
    assert_eq!(m.resolved.granularity, Granularity::Season);
    let m = one("The contract runs until the end of July.", r);
    assert_eq!(m.resolved.end(), Some(date(2020, 8, 1)));
    let m = one("Prices have risen since 2010.", r);
    assert_eq!(m.resolved.start(), Some(date(2010, 1, 1)));
    assert_eq!(m.resolved.end(), None);
}

#[test]
fn no_false_positives_on_modal_may_and_numbers() {
    let r = date(2020, 9, 30);
    for text in [
        "The club may appeal against the decision.",
        "May I ask a question?",
        "The stadium holds 2000 people.",
        "Call 0161-2015-3344 for tickets.",
        "He scored 3.5 points per game.",
    ] {
        assert!(
            find_dates(text, r).is_empty(),
            "{text}: {:?}",
            find_dates(text, r)
        );
    }
}

#[test]
fn rules_all_compile() {
    assert!(crate::rules::rule_count() > 50);
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_boundaries(text in "\\PC{0,80}", days in 0i32..40000) {
        let reference = date(1950, 1, 1)
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(date(2020, 1, 1));
        for m in find_dates(&text, reference) {
            prop_assert!(text.is_char_boundary(m.span.start));
            prop_assert!(text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end);
            prop_assert_eq!(&text[m.span.clone()], m.text.as_str());
        }
    }

    #[test]
    fn never_panics_on_date_like_text(
        text in "(on |by |since |from |the |next |last )?([0-9]{1,4}[-/. ]){0,3}(Jan|May|march|Monday|week|year|q[1-4]|th|st)?( to | - |, )?[0-9]{0,4}",
    ) {
        let _ = find_dates(&text, date(2020, 2, 29));
    }
}

fn range(text: &str, reference: Date) -> (String, Option<Date>, Option<Date>) {
    let m = one(text, reference);
    match m.resolved.value {
        Value::Range { start, end } => (m.text, start, end),
        Value::Day(d) => panic!("{text:?}: a day {d}, not a range"),
    }
}

#[test]
fn earlier_and_later_are_halves_of_the_period() {
    let r = date(2021, 3, 9); // a Tuesday
    assert_eq!(
        range("The deal could close later this week.", r),
        (
            "later this week".into(),
            Some(date(2021, 3, 11)),
            Some(date(2021, 3, 15))
        )
    );
    assert_eq!(
        range("Talks stalled earlier this month.", r),
        (
            "earlier this month".into(),
            Some(date(2021, 3, 1)),
            Some(date(2021, 3, 9))
        )
    );
    assert_eq!(
        range("A vote is due later in the year.", r),
        (
            "later in the year".into(),
            Some(date(2021, 7, 1)),
            Some(date(2022, 1, 1))
        )
    );
    assert_eq!(
        range("He trained earlier last week.", r),
        (
            "earlier last week".into(),
            Some(date(2021, 3, 1)),
            Some(date(2021, 3, 4))
        )
    );
}

#[test]
fn month_to_month_range_holds_the_reference_when_it_can() {
    let r = date(2021, 6, 15);
    assert_eq!(
        range("The loan runs from March to August.", r),
        (
            "from March to August".into(),
            Some(date(2021, 3, 1)),
            Some(date(2021, 8, 1))
        )
    );
    assert_eq!(
        range("The season ran between October and July.", r),
        (
            "between October and July".into(),
            Some(date(2020, 10, 1)),
            Some(date(2021, 7, 1))
        )
    );
}

#[test]
fn the_day_before_or_after_alone_is_relative_to_the_reference() {
    let r = date(2021, 3, 9);
    assert_eq!(
        days("He signed the day before.", r),
        vec![("the day before".to_string(), date(2021, 3, 8))]
    );
    assert_eq!(
        days("What did he say the day after?", r),
        vec![("the day after".to_string(), date(2021, 3, 10))]
    );
    // The day before something else is not the reference's.
    assert!(days("He signed the day before the match.", r).is_empty());
}

#[test]
fn more_or_less_than_an_offset_is_an_open_or_short_range() {
    let r = date(2021, 3, 9);
    assert_eq!(
        range("He left more than 3 weeks before today.", r),
        (
            "more than 3 weeks before today".into(),
            None,
            Some(date(2021, 2, 16))
        )
    );
    assert_eq!(
        range("It opens more than 2 days after today.", r),
        (
            "more than 2 days after today".into(),
            Some(date(2021, 3, 11)),
            None
        )
    );
    assert_eq!(
        range("It opens less than 2 days after tomorrow.", r),
        (
            "less than 2 days after tomorrow".into(),
            Some(date(2021, 3, 10)),
            Some(date(2021, 3, 12))
        )
    );
}

#[test]
fn offset_from_a_holiday_takes_the_coming_one() {
    let got = days("The bid came 3 weeks before Christmas.", date(2021, 3, 9));
    assert_eq!(
        got,
        vec![("3 weeks before Christmas".to_string(), date(2021, 12, 4))]
    );
}

#[test]
fn by_the_end_of_is_a_deadline_but_by_a_day_is_a_day() {
    let r = date(2021, 3, 9);
    assert_eq!(
        range("A decision is due by the end of this month.", r),
        (
            "by the end of this month".into(),
            None,
            Some(date(2021, 4, 1))
        )
    );
    assert_eq!(
        days("A decision is due by Friday.", r),
        vec![("Friday".to_string(), date(2021, 3, 12))]
    );
}

#[test]
fn week_beginning_a_date_is_one_mention() {
    let got = find_dates(
        "Training resumes the week commencing March 22.",
        date(2021, 3, 9),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "the week commencing March 22");
    assert_eq!(
        got[0].resolved.value,
        Value::Range {
            start: Some(date(2021, 3, 22)),
            end: Some(date(2021, 3, 29))
        }
    );
}

#[test]
fn weekday_with_an_offset_is_that_weekday_in_the_offset_week() {
    let r = date(2022, 4, 20); // a Wednesday
    // Three weeks on is Wednesday 11 May; its Sunday-to-Saturday week
    // runs from 8 to 14 May.
    assert_eq!(
        days("We meet again Friday three weeks from now.", r),
        vec![("Friday three weeks from now".to_string(), date(2022, 5, 13))]
    );
    assert_eq!(
        days("We meet again in 3 weeks on Monday.", r),
        vec![("in 3 weeks on Monday".to_string(), date(2022, 5, 9))]
    );
}

#[test]
fn holiday_weekend_includes_the_holiday() {
    let r = date(2022, 4, 20);
    let got = find_dates("They flew home for the weekend of Easter 2023.", r);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "the weekend of Easter 2023");
    // Easter Sunday 2023 is 9 April.
    assert_eq!(
        got[0].resolved.value,
        Value::Range {
            start: Some(date(2023, 4, 8)),
            end: Some(date(2023, 4, 10))
        }
    );
    let got = find_dates("Fans travelled for memorial day weekend 2021.", r);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "memorial day weekend 2021");
    // Memorial Day 2021 is Monday 31 May.
    assert_eq!(
        got[0].resolved.value,
        Value::Range {
            start: Some(date(2021, 5, 29)),
            end: Some(date(2021, 6, 1))
        }
    );
}

#[test]
fn decades_keep_their_article() {
    let m = one(
        "Growth will slow in the next two decades.",
        date(2022, 4, 20),
    );
    assert_eq!(m.text, "the next two decades");
    assert_eq!(
        m.resolved.value,
        Value::Range {
            start: Some(date(2030, 1, 1)),
            end: Some(date(2050, 1, 1))
        }
    );
}

#[test]
fn weekday_with_dotted_month_and_day() {
    let got = days("Can we meet on Friday 7.6 with Jim?", date(2018, 6, 20));
    assert_eq!(got, vec![("Friday 7.6".to_string(), date(2018, 7, 6))]);
    // A day number ending the sentence is still the day.
    let got = days("We meet on Monday 21.", date(2018, 6, 20));
    assert_eq!(got, vec![("Monday 21".to_string(), date(2018, 5, 21))]);
}

#[test]
fn to_date_runs_to_the_reference() {
    let r = date(2022, 4, 20);
    let m = one("Shares are up 12% year-to-date.", r);
    assert_eq!(m.text, "year-to-date");
    assert_eq!(
        m.resolved.value,
        Value::Range {
            start: Some(date(2022, 1, 1)),
            end: Some(r)
        }
    );
    let m = one("He has scored nine goals from February to date.", r);
    assert_eq!(m.text, "from February to date");
    assert_eq!(
        m.resolved.value,
        Value::Range {
            start: Some(date(2022, 2, 1)),
            end: Some(r)
        }
    );
}

#[test]
fn holiday_of_a_relative_year() {
    let got = days(
        "The parade is on Christmas of next year.",
        date(2022, 4, 20),
    );
    assert_eq!(
        got,
        vec![("Christmas of next year".to_string(), date(2023, 12, 25))]
    );
}

#[test]
fn month_with_a_year_in_words() {
    let m = one(
        "They left in May two thousand and came back.",
        date(2022, 4, 20),
    );
    assert_eq!(m.text, "May two thousand");
    assert_eq!(
        m.resolved.value,
        Value::Range {
            start: Some(date(2000, 5, 1)),
            end: Some(date(2000, 6, 1))
        }
    );
}

#[test]
fn offset_in_three_units() {
    let got = days(
        "He returned 1 year 2 months 3 days later.",
        date(2020, 1, 1),
    );
    assert_eq!(
        got,
        vec![("1 year 2 months 3 days later".to_string(), date(2021, 3, 4))]
    );
}

#[test]
fn otd_is_on_this_day() {
    let got = days("The club was founded otd in 1878.", date(2022, 4, 20));
    assert_eq!(got[0], ("otd".to_string(), date(2022, 4, 20)));
}

#[test]
fn weekday_within_a_named_week() {
    let got = days(
        "The draw is in the 2nd week of May on Thursday.",
        date(2022, 4, 20),
    );
    assert_eq!(
        got,
        vec![(
            "the 2nd week of May on Thursday".to_string(),
            date(2022, 5, 12)
        )]
    );
}

#[test]
fn in_units_since_counts_from_the_start() {
    let got = days(
        "The club was relegated in three years since 2009.",
        date(2022, 4, 20),
    );
    assert_eq!(
        got,
        vec![("in three years since 2009".to_string(), date(2012, 1, 1))]
    );
}

/// The rules use ASCII word boundaries (for speed on non-ASCII text): dates
/// beside currency signs, accents and typographic quotes are still found.
#[test]
fn dates_next_to_non_ascii_text_are_found() {
    let reference = date(2020, 9, 30);
    let got = days(
        "Roma’s £13.5m offer was made on 28 September 2020. «It expires on Monday», said Fonseca.",
        reference,
    );
    assert_eq!(
        got,
        vec![
            ("28 September 2020".to_string(), date(2020, 9, 28)),
            ("Monday".to_string(), date(2020, 10, 5)),
        ]
    );
}

/// Found by the `dates` fuzz target: a year followed by a dash and a
/// multi-byte character within four bytes ("2020-09(€3m)") sliced the text
/// inside the character and panicked.
#[test]
fn a_year_beside_multibyte_characters_does_not_panic() {
    let reference = date(2020, 9, 30);
    for text in [
        "date: 2020-09(€3m) in add-ons",
        "x—€2020-€",
        "2019-2020",
        "€1-2020 и",
    ] {
        let _ = find_dates(text, reference);
    }
    assert!(!find_dates("date: 2020-09(€3m) in add-ons", reference).is_empty());
}

#[test]
fn in_n_years_after_a_superlative_or_negated_perfect_looks_back() {
    let r = date(2023, 6, 29);
    // "the club's first major title in 43 years" reaches back 43 years; it
    // names no day in 2066.
    assert_eq!(
        days(
            "He helped the club win the Conference League, the club's first major title in 43 years.",
            r
        ),
        vec![]
    );
    assert_eq!(
        days("Shares had their biggest fall in three years.", r),
        vec![]
    );
    assert_eq!(
        days("United have not won the league in 10 years.", r),
        vec![]
    );
    assert_eq!(
        days(
            "It was the second crash in four months to involve Nature Air.",
            r
        ),
        vec![]
    );
    // A plain "in N units" still names the day ahead, also after an earlier
    // sentence with a superlative.
    assert_eq!(
        days("It was the best season. The loan ends in 2 years.", r),
        vec![("in 2 years".to_string(), date(2025, 6, 29))]
    );
    assert_eq!(
        days("The first payment is due in 3 weeks.", r),
        vec![("in 3 weeks".to_string(), date(2023, 7, 20))]
    );
}

#[test]
fn a_deadline_without_a_year_that_just_passed_is_not_taken_for_next_year() {
    let r = date(2020, 9, 29);
    // Recalled in late September, "by August 10" is the deadline that
    // passed seven weeks earlier, not one ten months ahead.
    assert_eq!(
        days(
            "Dortmund have reiterated that they would not sell unless United put in a bid of €120m by August 10.",
            r
        ),
        vec![("August 10".to_string(), date(2020, 8, 10))]
    );
    // A deadline ahead within the year keeps its future reading.
    assert_eq!(
        days("The club must register him by October 5.", r),
        vec![("October 5".to_string(), date(2020, 10, 5))]
    );
    // So does one later in the next year when the day did not just pass.
    assert_eq!(
        days("His contract expires on June 30.", r),
        vec![("June 30".to_string(), date(2021, 6, 30))]
    );
}

#[test]
fn a_day_of_last_or_next_year() {
    let reference = date(2017, 10, 3);
    let got = days(
        "A gunman opens fire inside a nightclub in Orlando on June 12 last year and kills 49 people.",
        reference,
    );
    assert_eq!(
        got,
        vec![("June 12 last year".to_string(), date(2016, 6, 12))]
    );
    let got = days("The vote is on March 3 next year.", reference);
    assert_eq!(
        got,
        vec![("March 3 next year".to_string(), date(2018, 3, 3))]
    );
    let got = days("The fair opened on 4 July this year.", reference);
    assert_eq!(
        got,
        vec![("4 July this year".to_string(), date(2017, 7, 4))]
    );
}
