//! Money extraction on our own news-style sentences.

use proptest::prelude::*;

use super::*;

fn one(text: &str) -> Money {
    let found = find_money(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0].clone()
}

#[test]
fn scaled_pounds() {
    let m = one("an offer of £11m was rejected");
    assert_eq!(
        (m.currency.as_str(), m.value, m.text.as_str()),
        ("GBP", 11e6, "£11m")
    );
    assert_eq!(one("a bid of £18million plus bonuses").value, 18e6);
    assert_eq!(one("holding out for £18m").value, 18e6);
    assert_eq!(one("a fee of £13.5m").value, 13.5e6);
    assert_eq!(one("United want in the region of £20million").value, 20e6);
}

#[test]
fn rated_defender_keeps_the_figure_only() {
    let m = one("the £20m-rated defender");
    assert_eq!((m.text.as_str(), m.value), ("£20m", 20e6));
}

#[test]
fn ranges_share_the_trailing_scale() {
    for text in [
        "valued at around £15-£20million",
        "valued at £15m-£20m",
        "worth £15-20m",
    ] {
        let m = one(text);
        assert_eq!(
            (m.min, m.max, m.value),
            (Some(15e6), Some(20e6), 15e6),
            "{text}"
        );
    }
}

#[test]
fn weekly_wage() {
    let m = one("his £130,000-a-week deal");
    assert_eq!(
        (m.value, m.period, m.text.as_str()),
        (130_000.0, Some(Period::Week), "£130,000")
    );
    assert_eq!(one("earning £50,000 per week").period, Some(Period::Week));
    assert_eq!(one("a salary of $2m per annum").period, Some(Period::Year));
    assert_eq!(one("sales of $1.2bn a year earlier").period, None);
}

#[test]
fn paired_conversions_link_to_the_original() {
    let found = find_money("their latest offer of £10.9m (€12m) plus £2.7m (€3m) in add-ons");
    let summary: Vec<_> = found
        .iter()
        .map(|m| (m.currency.as_str(), m.value, m.equivalent_of))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("GBP", 10.9e6, None),
            ("EUR", 12e6, Some(0)),
            ("GBP", 2.7e6, None),
            ("EUR", 3e6, Some(2)),
        ]
    );
    let found = find_money("a fee of 85 million euros ($101 million)");
    assert_eq!(found[1].equivalent_of, Some(0));
    assert_eq!((found[0].currency.as_str(), found[0].value), ("EUR", 85e6));
}

#[test]
fn codes_and_country_dollars() {
    assert_eq!(one("a US$44-billion deal").currency, "USD");
    assert_eq!(one("a US$44-billion deal").value, 44e9);
    let m = one("revenue of USD 3.25b");
    assert_eq!((m.currency.as_str(), m.value), ("USD", 3.25e9));
    assert_eq!(one("EUR 85.0 million").value, 85e6);
    assert_eq!(one("it paid A$5m").currency, "AUD");
    assert_eq!(one("it paid C$5m").currency, "CAD");
    assert_eq!(one("a HK$2bn bond").currency, "HKD");
    assert_eq!(one("a $5 fee").currency, "USD");
    assert_eq!(one("a $ 75 million bond").value, 75e6);
}

#[test]
fn names_after_the_amount() {
    let m = one("signed for 70 million euros");
    assert_eq!((m.currency.as_str(), m.value), ("EUR", 70e6));
    assert_eq!(one("fined 10,000 Swiss francs").currency, "CHF");
    assert_eq!(one("it cost 50 cents").value, 0.5);
    assert_eq!(one("shares rose 12p").value, 0.12);
    assert_eq!(one("three dollars and twenty cents").value, 3.2);
}

#[test]
fn counts_are_not_money() {
    assert!(find_money("37 appearances and three goals in 2021").is_empty());
    assert!(find_money("All 70 of us were there").is_empty());
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_boundaries(text in "\\PC{0,60}") {
        for m in find_money(&text) {
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert_eq!(&text[m.span.clone()], m.text.as_str());
        }
    }

    #[test]
    fn money_shaped_noise_never_panics(text in "[£$€0-9 .,a-zA-Z()\\-/]{0,40}") {
        for m in find_money(&text) {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
    }
}
