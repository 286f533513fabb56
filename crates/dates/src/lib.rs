//! Find date expressions in English news text and resolve them against a
//! reference date, usually the article's publication date.
//!
//! The main items:
//! - [`find_dates`] — the entry point: text and reference date in,
//!   [`DateMention`]s out;
//! - [`DateMention`] — a span of the text with its [`Resolved`] value;
//! - [`Resolved`] — a [`Value`] (one day, or a range with an exclusive
//!   end), its [`Granularity`] and its [`Relation`] to the reference;
//! - [`eval`] — scoring against Microsoft Recognizers-Text specs
//!   ([`eval::eval_datetime_model`]).
//!
//! The pipeline: regex rules find atoms (`rules`), atoms are merged into
//! ranges and modified (`combine`), and each is resolved (`resolve`) with
//! the tense of its clause (`tense`) where the text leaves a choice, such
//! as which Monday "on Monday" means.
//!
//! ```
//! use jiff::civil::date;
//! use storyline_dates::{find_dates, Value};
//!
//! let found = find_dates(
//!     "The international transfer window closes on Monday.",
//!     date(2020, 9, 30),
//! );
//! assert_eq!(found[0].text, "Monday");
//! assert_eq!(found[0].resolved.value, Value::Day(date(2020, 10, 5)));
//! ```

mod combine;
mod comparison;
pub mod eval;
mod holiday;
mod impossible;
mod lexicon;
mod model;
mod resolve;
mod rules;
mod school_year;
mod stretch;
mod tense;
mod year_part;

pub use model::{DateMention, Granularity, Relation, Resolved, Value};
pub use tense::{Tense, tense_at};

use jiff::civil::Date;

/// Finds date expressions in `text` and resolves them against `reference`.
///
/// Mentions come in text order and never overlap; spans are byte offsets
/// on character boundaries.
pub fn find_dates(text: &str, reference: Date) -> Vec<DateMention> {
    let ctx = rules::Ctx { text, reference };
    let atoms = rules::find_atoms(&ctx);
    combine::combine(text, reference, atoms)
}

#[cfg(test)]
mod tests;
