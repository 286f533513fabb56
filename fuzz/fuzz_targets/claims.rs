//! Claim extraction over arbitrary text: money, counts, durations and
//! attributions. Spans must lie on character boundaries of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_extract::attribution::find_attributions;
use storyline_extract::claims::{find_claims, find_quantity_claims, sentences};

fuzz_target!(|text: &str| {
    for sentence in sentences(text) {
        assert!(
            text.get(sentence.clone()).is_some(),
            "sentence span off a char boundary"
        );
        let _ = find_attributions(&text[sentence]);
    }
    let _ = find_claims(text);
    let _ = find_quantity_claims(text);
});
