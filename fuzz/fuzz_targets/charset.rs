//! Bytes of a fetched page before parsing: gzip (within a limit) and the
//! charset decision (BOM, `<meta charset>`, UTF-8, Windows-1252), called
//! directly so that any bytes reach them, not only ones that look like
//! HTML. Decompressed output must stay within the limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::ingest::html::charset::{declared_charset, decode_html, gunzip, is_gzip};

/// The limit given to `gunzip`; the real one is 64 MiB.
const LIMIT: u64 = 1 << 20;

fuzz_target!(|data: &[u8]| {
    if is_gzip(data) {
        if let Ok(bytes) = gunzip(data, LIMIT) {
            assert!(bytes.len() as u64 <= LIMIT, "gunzip went over its limit");
            let _ = decode_html(&bytes);
        }
    }
    let _ = declared_charset(data);
    let _ = decode_html(data);
});
