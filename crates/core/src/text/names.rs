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
    name_terms_and_openers(text, analyzer).0
}

/// [`name_terms`] and, apart, the capitalized words it leaves out only
/// because they open a sentence before a lowercase word ("Snowden" of
/// "Snowden calls for oversight"): in a headline such a word is often
/// the name the story is about, which the caller may tell from a common
/// word by whether it has been met as a name elsewhere.
pub fn name_terms_and_openers(text: &str, analyzer: &Analyzer) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut openers = Vec::new();
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
                openers.push(lower);
                continue;
            }
            out.push(lower);
        }
    }
    (out, openers)
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

    #[test]
    fn a_sentence_opening_word_is_set_apart() {
        let analyzer = Analyzer::english();
        let (names, openers) = name_terms_and_openers(
            "Snowden calls for oversight of US spying. The NSA replied: Sources differ",
            &analyzer,
        );
        assert_eq!(names, ["us", "nsa"]);
        assert_eq!(openers, ["snowden", "sources"]);
    }
}
