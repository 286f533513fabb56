//! Word terms for similarity: lowercased words, English stop words removed,
//! Snowball-stemmed, numbers dropped (figures are compared by the claim
//! extractor, not as words).

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;

/// Turns text into comparable terms. Build once and reuse: it holds the
/// stemmer and the stop-word set.
pub struct Analyzer {
    stemmer: Stemmer,
    stop_words: HashSet<&'static str>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::english()
    }
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("stop_words", &self.stop_words.len())
            .finish()
    }
}

impl Analyzer {
    /// English: NLTK's stop words and the Snowball English stemmer.
    pub fn english() -> Self {
        let stop_words = stop_words::lookup("en")
            .unwrap_or_default()
            .iter()
            .copied()
            .collect();
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            stop_words,
        }
    }

    /// True for a (lowercase) stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }

    /// The terms of `text`, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        words(text).filter_map(|word| self.term(word)).collect()
    }

    /// The term of one word of [`words`]: none for a stop word, a number
    /// or a single letter.
    pub fn term(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let lower = lower.trim_end_matches("'s").trim_end_matches("’s");
        if lower.chars().count() < 2
            || self.stop_words.contains(lower)
            || lower.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        Some(self.stemmer.stem(lower).into_owned())
    }
}

/// Words: runs of letters, digits and inner apostrophes.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drops_stop_words_and_numbers() {
        let analyzer = Analyzer::english();
        assert_eq!(
            analyzer.terms("Roma are preparing the second bids for Smalling's £18m move in 2020"),
            ["roma", "prepar", "second", "bid", "small", "move"]
        );
    }
}
