//! The output types: [`DateMention`], [`Resolved`], [`Value`], [`Granularity`]
//! and [`Relation`].

use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A date expression found in a text, with what it refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Byte offsets of the expression in the input text.
    pub span: Range<usize>,
    /// The expression as written (`text[span]`).
    pub text: String,
    /// What the expression refers to, given the reference date.
    pub resolved: Resolved,
}

/// A resolved date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    /// The day or the period referred to.
    pub value: Value,
    /// The unit the expression speaks in ("next week" is a week).
    pub granularity: Granularity,
    /// Whether the value lies before, around or after the reference date.
    pub relation: Relation,
}

/// A single day or a period of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    /// One day.
    Day(Date),
    /// A period; `end` is exclusive, as in Recognizers-Text. `None` means
    /// open ("since 2010" has no end, "before 2018" no start).
    Range {
        /// First day, inclusive.
        start: Option<Date>,
        /// Day after the last day (exclusive).
        end: Option<Date>,
    },
}

/// The unit an expression speaks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Granularity {
    /// A day.
    Day,
    /// A week (Monday to Sunday) or a run of weeks.
    Week,
    /// A weekend (Saturday and Sunday).
    Weekend,
    /// A calendar month or a run of months.
    Month,
    /// A quarter or half of a year.
    Quarter,
    /// A season (meteorological, northern hemisphere).
    Season,
    /// A calendar year or a run of years.
    Year,
    /// A decade or a century.
    Decade,
    /// Any other period, such as "from 10 to 12 May" or "since 2010".
    Span,
}

/// Where the value lies relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Relation {
    /// Entirely before the reference date.
    Past,
    /// The reference date itself, or a period containing it.
    Present,
    /// Entirely after the reference date.
    Future,
}

impl Resolved {
    /// A single day; the relation is computed from `reference`.
    pub fn day(date: Date, reference: Date) -> Self {
        Self {
            value: Value::Day(date),
            granularity: Granularity::Day,
            relation: relation_of(Some(date), date.tomorrow().ok(), reference),
        }
    }

    /// A period `[start, end)`; the relation is computed from `reference`.
    pub fn range(
        start: Option<Date>,
        end: Option<Date>,
        granularity: Granularity,
        reference: Date,
    ) -> Self {
        Self {
            value: Value::Range { start, end },
            granularity,
            relation: relation_of(start, end, reference),
        }
    }

    /// First day referred to, if bounded below.
    pub fn start(&self) -> Option<Date> {
        match self.value {
            Value::Day(d) => Some(d),
            Value::Range { start, .. } => start,
        }
    }

    /// Day after the last day referred to, if bounded above.
    pub fn end(&self) -> Option<Date> {
        match self.value {
            Value::Day(d) => d.tomorrow().ok(),
            Value::Range { end, .. } => end,
        }
    }
}

/// Past when the period ends on or before the reference, future when it
/// starts after it, present otherwise.
fn relation_of(start: Option<Date>, end: Option<Date>, reference: Date) -> Relation {
    match (start, end) {
        (_, Some(e)) if e <= reference => Relation::Past,
        (Some(s), _) if s > reference => Relation::Future,
        _ => Relation::Present,
    }
}
