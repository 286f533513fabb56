//! Query-string parameters shared by pages and API: paging and story
//! filters, parsed by hand so that every mistake answers `bad_request` with
//! a message naming the parameter.

use crate::error::ApiError;
use jiff::civil::Date;
use std::collections::HashMap;
use storyline_core::view::StorySummary;

/// Page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 20;
/// Largest page size served.
pub const MAX_LIMIT: usize = 500;

/// Which slice of a listing to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// Most items.
    pub limit: usize,
    /// Items skipped.
    pub offset: usize,
}

impl Default for Paging {
    fn default() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            offset: 0,
        }
    }
}

impl Paging {
    /// Reads `limit` (1..=500) and `offset` from the query.
    pub fn from_query(query: &HashMap<String, String>) -> Result<Self, ApiError> {
        let limit = match non_empty(query, "limit") {
            None => DEFAULT_LIMIT,
            Some(text) => match text.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "limit must be a whole number from 1 to {MAX_LIMIT}, not '{text}'"
                    )));
                }
            },
        };
        let offset = match non_empty(query, "offset") {
            None => 0,
            Some(text) => text.parse::<usize>().map_err(|_| {
                ApiError::bad_request(format!("offset must be a whole number, not '{text}'"))
            })?,
        };
        Ok(Self { limit, offset })
    }

    /// The page of `items`.
    pub fn apply<T>(&self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect()
    }
}

/// Which stories to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryFilter {
    /// Only stories with an article from this outlet.
    pub outlet: Option<String>,
    /// Only stories naming this entity (name or alias).
    pub entity: Option<String>,
    /// Only stories with an article in this category.
    pub category: Option<String>,
    /// Only stories active on or after this day (UTC).
    pub from: Option<Date>,
    /// Only stories that began on or before this day (UTC).
    pub to: Option<Date>,
}

impl StoryFilter {
    /// Reads `outlet`, `entity`, `category`, `from` and `to`
    /// (`YYYY-MM-DD`) from the query.
    pub fn from_query(query: &HashMap<String, String>) -> Result<Self, ApiError> {
        Ok(Self {
            outlet: non_empty(query, "outlet").map(str::to_string),
            entity: non_empty(query, "entity").map(str::to_string),
            category: non_empty(query, "category").map(str::to_string),
            from: date_param(query, "from")?,
            to: date_param(query, "to")?,
        })
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// True when `story` passes the filter. Undated stories pass date
    /// filters only when none is set.
    pub fn matches(&self, story: &StorySummary) -> bool {
        self.query(0, None).matches(story)
    }

    /// The store query for this filter and a page.
    pub fn query(&self, offset: usize, limit: Option<usize>) -> storyline_core::store::StoryQuery {
        storyline_core::store::StoryQuery {
            outlet: self.outlet.clone(),
            entity: self.entity.clone(),
            category: self.category.clone(),
            from: self.from,
            to: self.to,
            offset,
            limit,
        }
    }
}

fn non_empty<'a>(query: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    query.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// Reads the day `key` (`YYYY-MM-DD`) from the query, if given.
pub fn date_param(query: &HashMap<String, String>, key: &str) -> Result<Option<Date>, ApiError> {
    non_empty(query, key)
        .map(|text| {
            text.parse::<Date>().map_err(|_| {
                ApiError::bad_request(format!("{key} must be a date as YYYY-MM-DD, not '{text}'"))
            })
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn paging_defaults_and_rejects_nonsense() {
        assert_eq!(Paging::from_query(&query(&[])), Ok(Paging::default()));
        assert_eq!(
            Paging::from_query(&query(&[("limit", "5"), ("offset", "10")])),
            Ok(Paging {
                limit: 5,
                offset: 10
            })
        );
        for bad in [
            ("limit", "0"),
            ("limit", "x"),
            ("limit", "501"),
            ("offset", "-1"),
        ] {
            let err = Paging::from_query(&query(&[bad])).unwrap_err();
            assert!(err.message.contains(bad.0), "{err:?}");
        }
    }

    #[test]
    fn dates_must_be_days() {
        assert!(StoryFilter::from_query(&query(&[("from", "2020-09-01")])).is_ok());
        let err = StoryFilter::from_query(&query(&[("to", "yesterday")])).unwrap_err();
        assert_eq!(err.code, crate::error::ErrorCode::BadRequest);
    }
}
