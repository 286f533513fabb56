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

/// One sentence per language, written for these tests (not copied from pages).
#[test]
fn figures_in_other_languages() {
    let cases: &[(&str, &str, f64, &str)] = &[
        // Icelandic, Norwegian, Swedish.
        (
            "Félagið bauð 120 milljónir punda í leikmanninn.",
            "GBP",
            120e6,
            "120 milljónir punda",
        ),
        (
            "Klubben betalte 85 millioner euro for spissen.",
            "EUR",
            85e6,
            "85 millioner euro",
        ),
        (
            "Priset landade på 640 miljoner kronor.",
            "SEK",
            640e6,
            "640 miljoner kronor",
        ),
        // French, Italian, Spanish, Portuguese, Dutch, German.
        (
            "Le club a déboursé 70 millions d'euros.",
            "EUR",
            70e6,
            "70 millions d'euros",
        ),
        (
            "Un'offerta da 120 milioni di euro è stata respinta.",
            "EUR",
            120e6,
            "120 milioni di euro",
        ),
        (
            "El traspaso costó 85,5 millones de euros.",
            "EUR",
            85.5e6,
            "85,5 millones de euros",
        ),
        (
            "Uma proposta de 60 milhões de euros.",
            "EUR",
            60e6,
            "60 milhões de euros",
        ),
        (
            "De club bood 80 miljoen euro voor de verdediger.",
            "EUR",
            80e6,
            "80 miljoen euro",
        ),
        (
            "Der Verein zahlt 80 Mio. € Ablöse.",
            "EUR",
            80e6,
            "80 Mio. €",
        ),
        (
            "Die Ablöse liegt bei 1,2 Milliarden Euro.",
            "EUR",
            1.2e9,
            "1,2 Milliarden Euro",
        ),
        // Croatian, Slovenian, Russian.
        (
            "Klub je platio 45 milijuna eura za napadača.",
            "EUR",
            45e6,
            "45 milijuna eura",
        ),
        (
            "Prestop je stal 30 milijonov evrov.",
            "EUR",
            30e6,
            "30 milijonov evrov",
        ),
        (
            "Клуб предложил 70 миллионов фунтов стерлингов.",
            "GBP",
            70e6,
            "70 миллионов фунтов стерлингов",
        ),
        (
            "Сделка оценивается в 60 млн евро.",
            "EUR",
            60e6,
            "60 млн евро",
        ),
        // Symbols after the number, continental separators.
        (
            "Le transfert s'élève à 100 M€ au total.",
            "EUR",
            100e6,
            "100 M€",
        ),
        (
            "Ein Bonus von 1.000.000 € ist vereinbart.",
            "EUR",
            1e6,
            "1.000.000 €",
        ),
        ("Hindi: 500 करोड़ रुपये का सौदा", "INR", 5e9, "500 करोड़ रुपये"),
    ];
    for (text, currency, value, figure) in cases {
        let m = one(text);
        assert_eq!(
            (m.currency.as_str(), m.value, m.text.as_str()),
            (*currency, *value, *figure),
            "{text}"
        );
    }
}

#[test]
fn romance_of_needs_a_scale_word_and_a_currency() {
    // "de" only joins a scale word to its currency; a count stays a count.
    assert!(find_money("Hubo 85 millones de personas en la calle.").is_empty());
    assert!(find_money("El 5 de euro no existe.").is_empty());
    // A full stop after a spelled-out scale ends the sentence.
    assert!(find_money("Sie zahlten 80 Millionen. € folgt später.").is_empty());
}

#[test]
fn weights_in_pounds_are_not_money() {
    for text in [
        "It can lift more than twice the payload -- 119,000 pounds -- of its rival.",
        "The 27 engines produce up to 5.1 million pounds of thrust at liftoff.",
        "The semi can travel 500 miles with a full 80,000-pound load.",
        "He weighs 250 pounds.",
        "The average thrust from the Falcon Heavy's 27 kerosene-fueled Merlin 1D engines will be throttled back to 92 percent power, equivalent to roughly 4.7 million pounds, Musk said.",
        "The propellant will have the explosive energy of four million pounds of TNT.",
    ] {
        assert!(
            find_money(text).is_empty(),
            "{text}: {:?}",
            find_money(text)
        );
    }
    // Money in pounds beside no weight word, or written with £, stays money.
    assert_eq!(find_money("He was paid 100,000 pounds a week.").len(), 1);
    assert_eq!(find_money("A payload deal worth £5m was signed.").len(), 1);
    assert_eq!(
        find_money("They downloaded files worth 2 million pounds.").len(),
        1
    );
    // A weight word in another sentence says nothing about this one.
    assert_eq!(
        find_money("The truck carried a heavy load. The driver was fined 500 pounds.").len(),
        1
    );
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
