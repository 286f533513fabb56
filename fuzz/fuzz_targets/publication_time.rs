//! Publication-time strings in every format we accept (front matter,
//! feeds, Reuters, `2020-09-30-13-28-43`, …).
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::ingest::time::parse_time;

fuzz_target!(|text: &str| {
    let _ = parse_time(text);
});
