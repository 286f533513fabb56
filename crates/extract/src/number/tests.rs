//! Number extraction on our own sentences.

use proptest::prelude::*;

use super::*;

fn values(text: &str) -> Vec<f64> {
    find_numbers(text).into_iter().map(|n| n.value).collect()
}

#[test]
fn counts_in_match_reports() {
    assert_eq!(values("37 appearances and three goals"), vec![37.0, 3.0]);
    assert_eq!(values("one hundred and twenty-five fans"), vec![125.0]);
    assert_eq!(values("seventy minutes"), vec![70.0]);
}

#[test]
fn separators_scales_and_suffixes() {
    assert_eq!(values("a crowd of 1,234,567.89"), vec![1_234_567.89]);
    assert_eq!(
        values("2 million viewers, 10k runners, a 1.2bn budget"),
        vec![2e6, 1e4, 1.2e9]
    );
    assert_eq!(values("a dozen eggs"), vec![12.0]);
    assert_eq!(values("two thousand and two hundred"), vec![2200.0]);
}

#[test]
fn foreign_scale_nouns_and_adjectives() {
    assert_eq!(values("35 हजार के आंकड़े"), vec![35e3]);
    assert_eq!(values("90 миллионов евро"), vec![90e6]);
    // A Russian adjective of a figure: "a 90-million offer".
    assert_eq!(values("отклонил 90 миллионное предложение"), vec![90e6]);
    assert_eq!(values("2 миллиардная сделка"), vec![2e9]);
}

#[test]
fn fractions_and_signs() {
    assert_eq!(values("1/2 of the squad"), vec![0.5]);
    assert_eq!(values("two thirds"), vec![2.0 / 3.0]);
    assert_eq!(values("one and a half hours"), vec![1.5]);
    assert_eq!(values("it fell to -4 degrees"), vec![-4.0]);
    assert_eq!(values("minus five point five"), vec![-5.5]);
    let n = &find_numbers("half of them")[0];
    assert_eq!((n.value, n.kind), (0.5, NumberKind::Fraction));
}

#[test]
fn units_and_ordinals_are_not_bare_numbers() {
    assert!(values("a 100m sprint on May 4th").is_empty());
    assert!(values("the one they wanted").is_empty());
}

#[test]
fn scores_and_dates_split() {
    assert_eq!(values("won 3-1"), vec![3.0, 1.0]);
    assert_eq!(values("on 4/11/2021"), vec![4.0, 11.0, 2021.0]);
}

#[test]
fn char_span_counts_code_points() {
    let text = "café 12";
    let n = &find_numbers(text)[0];
    assert_eq!(crate::char_span(text, n.span.clone()), 5..7);
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_boundaries(text in "\\PC{0,60}") {
        for n in find_numbers(&text) {
            prop_assert!(n.span.start < n.span.end && n.span.end <= text.len());
            prop_assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
            prop_assert_eq!(&text[n.span.clone()], n.text.as_str());
        }
    }

    #[test]
    fn number_shaped_noise_never_panics(text in "[0-9 .,/^eEx+\\-a-z]{0,40}") {
        for n in find_numbers(&text) {
            prop_assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
        }
    }
}

#[test]
fn a_number_glued_to_a_preposition_lost_its_space() {
    assert_eq!(values("held first place with137 votes"), vec![137.0]);
    // Codes stay codes.
    assert_eq!(values("an MP3 file priced USD115"), Vec::<f64>::new());
}

/// A text of counts and no ordinal ("1 1 1 …", 100 KB) reads as that many
/// numbers. Every token once opened a fraction read to the end of the
/// text, so this input took minutes in a debug build (21 s for 128 KB in
/// release); the timings are in docs/MEASUREMENTS.md, not asserted here.
#[test]
fn a_long_run_of_counts_is_read_as_counts() {
    let text = "1 ".repeat(50_000);
    assert_eq!(find_numbers(&text).len(), 50_000);
}
