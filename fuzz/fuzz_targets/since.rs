//! `storyline story ID --since TEXT`: days, times, spans back from now and
//! days in words, read against a fixed "now"; an error, never a panic.
#![no_main]

use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;
use storyline_core::view::since::parse_since;

fuzz_target!(|text: &str| {
    // Tuesday 24 November 2026, 15:00 UTC.
    let now = Timestamp::from_second(1_795_532_400).unwrap_or(Timestamp::UNIX_EPOCH);
    let _ = parse_since(text, now);
});
