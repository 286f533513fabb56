//! Any bytes as an input file: charset/gzip decoding, format detection and
//! every parser behind it must return articles or errors, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::ingest::{InputDocument, decode_bytes, parse_document};

/// Small enough that libFuzzer explores quickly; the real limit is 64 MiB.
const MAX_SIZE: u64 = 1 << 20;

// Panics the ingest catches (a third-party parser on hostile input) are
// input errors, not findings; every other panic still aborts.
fuzz_target!(init: storyline_core::ingest::guard::quiet_caught_panics(), |data: &[u8]| {
    if let Ok(text) = decode_bytes(data.to_vec(), MAX_SIZE) {
        let doc = InputDocument::from_text("fuzz/input", text);
        let _ = parse_document(&doc);
    }
});
