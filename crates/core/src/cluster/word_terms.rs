//! The clusterer's memo of each word's term id, bounded: stemming a word
//! is a pure function and a term's id is never reassigned, so the memo
//! only saves work, and forgetting an entry changes no result (the word
//! is stemmed again and finds the same id). Two generations of at most
//! [`GENERATION`] words each: when the current one is full it becomes
//! the previous one and the older is dropped, and a word found in the
//! previous generation moves back into the current one, so the words
//! that keep recurring stay while the memo's size stays independent of
//! how many distinct words the stream has ever had.

use std::collections::HashMap;

/// Words one generation holds: about the distinct words of a few thousand
/// full articles, a few MiB.
const GENERATION: usize = 1 << 15;

type Memo = HashMap<String, Option<u32>, foldhash::fast::RandomState>;

/// A bounded map from a word (as written) to its term id, or to none for
/// a word that gives no term.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordTerms {
    current: Memo,
    previous: Memo,
    /// The most words a generation holds ([`GENERATION`] unless a test
    /// sets a smaller one).
    capacity: Option<usize>,
}

impl WordTerms {
    /// A memo whose generations hold `capacity` words each.
    #[cfg(test)]
    fn with_capacity(capacity: usize) -> Self {
        Self {
            capacity: Some(capacity.max(1)),
            ..Self::default()
        }
    }

    /// The term id of `word`, from the memo or else from `compute` (then
    /// remembered).
    pub(crate) fn get_or_insert_with(
        &mut self,
        word: &str,
        compute: impl FnOnce() -> Option<u32>,
    ) -> Option<u32> {
        if let Some(id) = self.current.get(word) {
            return *id;
        }
        let id = match self.previous.remove(word) {
            Some(id) => id,
            None => compute(),
        };
        if self.current.len() >= self.capacity.unwrap_or(GENERATION) {
            self.previous = std::mem::take(&mut self.current);
        }
        self.current.insert(word.to_string(), id);
        id
    }

    /// How many words are remembered.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.current.len() + self.previous.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_stays_bounded_and_answers_as_the_computation_would() {
        let mut memo = WordTerms::with_capacity(4);
        let mut computed = 0;
        for round in 0..3 {
            for n in 0..50u32 {
                let id = memo.get_or_insert_with(&format!("w{n}"), || {
                    computed += 1;
                    (n % 7 != 0).then_some(n * 10)
                });
                assert_eq!(id, (n % 7 != 0).then_some(n * 10), "round {round}");
                assert!(memo.len() <= 8);
            }
        }
        // Every word was forgotten before it came back.
        assert_eq!(computed, 150);
    }

    #[test]
    fn a_recurring_word_is_computed_once() {
        let mut memo = WordTerms::with_capacity(4);
        let mut computed = 0;
        for n in 0..40u32 {
            for word in ["the", &format!("rare{n}")] {
                memo.get_or_insert_with(word, || {
                    computed += 1;
                    Some(1)
                });
            }
        }
        // "the" survives every generation change (it moves back into the
        // current one each time it is met); each rare word is computed once.
        assert_eq!(computed, 41);
    }
}
