//! URL canonicalization used by de-duplication and article identity; a
//! canonical URL must be a fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::dedup::url::canonical_url;

fuzz_target!(|text: &str| {
    if let Some(canonical) = canonical_url(text) {
        assert_eq!(
            canonical_url(&canonical).as_deref(),
            Some(canonical.as_str()),
            "canonical form is not stable"
        );
    }
});
