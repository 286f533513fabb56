//! Date recognition against a fixed reference day: mentions must be in
//! order, must not overlap and must lie on character boundaries.
#![no_main]

use jiff::civil::date;
use libfuzzer_sys::fuzz_target;
use storyline_dates::find_dates;

fuzz_target!(|text: &str| {
    let mut end = 0;
    for mention in find_dates(text, date(2020, 9, 30)) {
        assert!(
            mention.span.start >= end,
            "mentions overlap or are out of order"
        );
        assert!(
            text.get(mention.span.clone()).is_some(),
            "span off a char boundary"
        );
        end = mention.span.end;
    }
});
