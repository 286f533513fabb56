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
