//! Capitalized names: a cheap, language-agnostic signal of who and what an
//! article is about. Two articles sharing rare names (`Smalling`, `Roma`)
//! are far more likely to tell the same story than two sharing common words.

use crate::text::Analyzer;
use crate::text::terms::words;

/// Lowercased words that are part of capitalized names in `text`. A
/// capitalized word counts when it is not a stop word and, at the start of a
/// sentence, only when the next word is capitalized too (so "Sources claim"
/// yields nothing but "Chris Smalling" does).
pub fn name_terms(text: &str, analyzer: &Analyzer) -> Vec<String> {
    let mut out = Vec::new();
    for sentence in text.split(['.', '!', '?', '\n', ':', ';', '"', '“', '”']) {
        let tokens: Vec<&str> = words(sentence).collect();
        for (i, word) in tokens.iter().enumerate() {
            if !is_capitalized(word) {
                continue;
            }
            let lower = word.to_lowercase();
            let lower = lower
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string();
            if lower.chars().count() < 2 || analyzer.is_stop_word(&lower) {
                continue;
            }
            let sentence_start = i == 0;
            let next_capitalized = tokens.get(i + 1).is_some_and(|w| is_capitalized(w));
            if sentence_start && !next_capitalized {
                continue;
            }
            out.push(lower);
        }
    }
    out
}

fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !word.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        || (word.chars().count() >= 2 && word.chars().all(char::is_uppercase) && word.len() <= 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_not_sentence_starts() {
        let analyzer = Analyzer::english();
        let names = name_terms(
            "Sources claim the Italian club are ready. Chris Smalling joined AS Roma from Manchester United.",
            &analyzer,
        );
        assert_eq!(
            names,
            [
                "italian",
                "chris",
                "smalling",
                "roma",
                "manchester",
                "united"
            ]
        );
    }
}
