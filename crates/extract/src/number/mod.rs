//! Numbers in English text: digits with separators (`1,234,567.89`), words
//! (`one hundred and twenty-five`), scales and suffixes (`2 million`, `10k`, `1.2bn`),
//! fractions (`3/4`, `two thirds`, `half`), powers (`1e10`) and signs (`-4`, `minus five`).
//!
//! [`find_numbers`] is the entry point; the grammar lives in `grammar.rs` and the
//! vocabulary in `words.rs`.

mod foreign;
mod grammar;
mod words;

use std::ops::Range;

use serde::Serialize;

use crate::lex::{Kind, Tok, tokenize};

pub(crate) use foreign::is_abbreviated_scale;
pub(crate) use grammar::quantity_at;
pub(crate) use words::{cardinal, number_suffix, scale};

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A whole number: `37`, `seventy`, `2 million`.
    Integer,
    /// A number with a decimal part: `2.7`, `five point five`.
    Decimal,
    /// A fraction: `3/4`, `two thirds`, `one and a half`.
    Fraction,
    /// Scientific or power notation: `1e10`, `1.1^23`.
    Power,
}

/// A number found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Number {
    /// Byte offsets into the input; always on char boundaries.
    pub span: Range<usize>,
    /// The matched text.
    pub text: String,
    /// The resolved value.
    pub value: f64,
    /// How it was written.
    pub kind: NumberKind,
}

/// Finds every number in `text`, left to right, without overlaps.
///
/// ```
/// use storyline_extract::find_numbers;
/// let found = find_numbers("37 appearances and three goals, a £2.5 million fee");
/// let values: Vec<f64> = found.iter().map(|n| n.value).collect();
/// assert_eq!(values, vec![37.0, 3.0, 2_500_000.0]);
/// ```
pub fn find_numbers(text: &str) -> Vec<Number> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if glued_to_word_before(&toks, i) {
            i += 1;
            continue;
        }
        match grammar::number_at(&toks, i) {
            Some(p) if !glued_to_word_after(&toks, p.end) => {
                let span = toks[p.first].start..toks[p.end - 1].end;
                out.push(Number {
                    text: text[span.clone()].to_owned(),
                    span,
                    value: p.value,
                    kind: p.kind,
                });
                i = p.end;
            }
            // "180ml", "4th": a figure glued to a unit or ordinal suffix is not a bare number.
            Some(p) => i = p.end + 1,
            None => i += 1,
        }
    }
    out
}

/// Lowercase words a page's text may have lost the space after: "with137
/// MPs' votes" is "with 137".
const SPACE_LOST_AFTER: &[&str] = &[
    "with", "of", "to", "by", "at", "on", "in", "and", "from", "than", "over", "about",
];

/// A numeral glued to letters before it (`MP3`, `USD115`) is part of a name or a
/// code, not a number on its own; after a lowercase preposition or "and"
/// ("with137") it is a number whose space was lost.
fn glued_to_word_before(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.num().is_some()
        && i > 0
        && toks[i - 1].end == t.start
        && toks[i - 1].kind == Kind::Word
        && !SPACE_LOST_AFTER.contains(&toks[i - 1].raw.as_str())
}

fn glued_to_word_after(toks: &[Tok], end: usize) -> bool {
    match (end.checked_sub(1).and_then(|k| toks.get(k)), toks.get(end)) {
        (Some(last), Some(next)) => {
            next.start == last.end && next.kind == Kind::Word && last.num().is_some()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
