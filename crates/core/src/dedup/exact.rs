//! Exact copies: the same words in the same order once case, punctuation
//! and spacing are set aside.

/// The words of a text, lowercased, punctuation removed: the unit both the
/// exact and the near-duplicate fingerprints work on.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A 64-bit fingerprint of the text's words: equal for exact copies that
/// differ only in case, punctuation or spacing.
pub fn text_fingerprint(words: &[String]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(words.join(" ").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_punctuation_and_spacing_do_not_matter() {
        let a = words("Roma bid £13.5m — for Smalling.");
        let b = words("roma  BID 13 5m for\nsmalling");
        assert_eq!(text_fingerprint(&a), text_fingerprint(&b));
        assert_ne!(
            text_fingerprint(&a),
            text_fingerprint(&words("Roma bid for Smalling"))
        );
    }
}
