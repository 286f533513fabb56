//! Storyline's extractors: numbers and money amounts in English news text.
//!
//! Pure functions on `&str`, no I/O. The main types:
//! - [`Number`] from [`find_numbers`]: `1,234.5`, `seventy`, `two thirds`, `10k`.
//! - [`Money`] from [`find_money`]: `£13.5m`, `£15-£20million`, `£130,000-a-week`,
//!   `€12m`, `85 million euros ($101 million)`, with ISO 4217 codes, ranges, pay
//!   periods and paired currency conversions.
//! - [`quantities::Quantity`] from [`quantities::find_quantities`]: counts and
//!   durations (`37 league appearances`, `two years left`).
//! - [`claims::Claim`] from [`claims::find_claims`]: money figures with kind,
//!   status, holder, subject and source.
//! - [`eval`]: scores both against Microsoft Recognizers-Text spec files.
//!
//! Spans are byte offsets; [`char_span`] converts them to code-point offsets.
//!
//! ```
//! use storyline_extract::{find_money, Period};
//! let found = find_money("his £130,000-a-week deal and a fee of £10.9m (€12m)");
//! assert_eq!(found[0].currency, "GBP");
//! assert_eq!(found[0].value, 130_000.0);
//! assert_eq!(found[0].period, Some(Period::Week));
//! assert_eq!(found[2].currency, "EUR");
//! assert_eq!(found[2].equivalent_of, Some(1));
//! ```

pub mod attribution;
pub mod claims;
pub mod entities;
pub mod eval;
mod lex;
pub mod money;
pub mod number;
pub mod quantities;
pub mod sentences;

pub use money::{Money, Period, find_money};
pub use number::{Number, NumberKind, find_numbers};

use std::ops::Range;

/// Converts a byte span of `text` into a span of Unicode code points (what
/// Python's `str` indexes and the Recognizers specs count).
///
/// ```
/// assert_eq!(storyline_extract::char_span("£5", 0..3), 0..2);
/// ```
pub fn char_span(text: &str, span: Range<usize>) -> Range<usize> {
    let count = |byte: usize| text.char_indices().take_while(|(i, _)| *i < byte).count();
    count(span.start)..count(span.end)
}
