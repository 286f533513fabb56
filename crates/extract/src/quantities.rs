//! Counts and durations: the non-money figures stories argue about.
//! "37 appearances in all competitions", "37 league appearances", "three
//! goals", "31 caps", "two years left on his deal", "a three-year contract",
//! "valid for 48 hours", "120 votes", "12 injured".
//!
//! A quantity is a number followed (within two modifier words) by a unit
//! noun from a closed list; `what` keeps the words that scope it ("league
//! appearances", "appearances in all competitions"), because two outlets
//! giving the same number with a different scope is exactly what a reader
//! wants flagged.
//!
//! A bare number that a sentence lists after a count inherits its unit:
//! "Sunak claimed 137 votes, while Truss ended with 111" gives 111 votes.

use crate::number::find_numbers;
use serde::Serialize;
use std::ops::Range;

/// Whether a quantity counts things or measures time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A number of things: appearances, goals, votes, deaths.
    Count,
    /// A length of time: years left on a contract, hours an offer is valid.
    Duration,
}

/// A count or duration found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// Count or duration.
    pub kind: QuantityKind,
    /// The number.
    pub value: f64,
    /// The canonical unit (`appearances`, `goals`, `years`).
    pub unit: String,
    /// The unit with the words that scope it, as written
    /// (`league appearances`, `appearances in all competitions`).
    pub what: String,
    /// The figure as written, number through scope.
    pub text: String,
    /// Byte span of `text` in the input.
    pub span: Range<usize>,
}

/// Unit nouns (singular and plural forms) and the canonical unit they count.
const COUNT_UNITS: &[(&str, &str)] = &[
    ("appearances", "appearances"),
    ("appearance", "appearances"),
    ("games", "appearances"),
    ("game", "appearances"),
    ("matches", "appearances"),
    ("caps", "caps"),
    ("cap", "caps"),
    ("goals", "goals"),
    ("goal", "goals"),
    ("assists", "assists"),
    ("assist", "assists"),
    ("clean sheets", "clean sheets"),
    ("titles", "titles"),
    ("trophies", "trophies"),
    ("votes", "votes"),
    ("vote", "votes"),
    ("seats", "seats"),
    ("deaths", "deaths"),
    ("dead", "deaths"),
    ("killed", "deaths"),
    ("fatalities", "deaths"),
    ("injured", "injured"),
    ("injuries", "injured"),
    ("bids", "bids"),
    ("offers", "bids"),
    ("jobs", "jobs"),
    ("employees", "employees"),
    ("workers", "workers"),
    ("people", "people"),
    ("cases", "cases"),
];

/// Time units and their canonical plural.
const TIME_UNITS: &[(&str, &str)] = &[
    ("years", "years"),
    ("year", "years"),
    ("months", "months"),
    ("month", "months"),
    ("weeks", "weeks"),
    ("week", "weeks"),
    ("days", "days"),
    ("day", "days"),
    ("hours", "hours"),
    ("hour", "hours"),
];

/// Words after a time unit that make it a stated duration rather than a
/// point in time ("two years ago" is a date, "two years left" a duration).
const DURATION_TAILS: &[&str] = &[
    "left",
    "remaining",
    "deal",
    "contract",
    "loan",
    "ban",
    "extension",
    "lease",
];

/// Scope phrases that may follow a count: "in all competitions".
const SCOPE_TAILS: &[&str] = &[
    "in all competitions",
    "in the league",
    "in the premier league",
    "in serie a",
    "in europe",
    "for the club",
    "for england",
];

/// Finds counts and durations in `text`, left to right.
///
/// ```
/// use storyline_extract::quantities::{find_quantities, QuantityKind};
/// let found = find_quantities("making 37 appearances in all competitions, with two years left on his deal");
/// assert_eq!(found[0].what, "appearances in all competitions");
/// assert_eq!(found[1].kind, QuantityKind::Duration);
/// assert_eq!((found[1].value, found[1].unit.as_str()), (2.0, "years"));
/// ```
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    for number in find_numbers(text) {
        if number.value < 0.0 || number.value.fract() != 0.0 && number.value < 1.0 {
            continue;
        }
        let rest = &text[number.span.end..];
        if let Some(elided) = elided_count(text, &number.span, number.value, &out) {
            out.push(elided);
        } else if let Some(found) = count_after(rest) {
            push(
                text,
                &number.span,
                number.value,
                found,
                QuantityKind::Count,
                &mut out,
            );
        } else if let Some(toll) = toll_count(text, &number.span, number.value) {
            out.push(toll);
        } else if let Some(found) = duration_after(rest) {
            push(
                text,
                &number.span,
                number.value,
                found,
                QuantityKind::Duration,
                &mut out,
            );
        }
    }
    out
}

/// Words after which a bare number in a list of results is a result itself:
/// "ended with 111", "who received 105", "the minister's 105".
const RESULT_VERBS: &[&str] = &[
    "with",
    "received",
    "receiving",
    "took",
    "taking",
    "got",
    "getting",
    "won",
    "winning",
    "polled",
    "polling",
    "secured",
    "securing",
    "on",
];

/// A bare whole number that a sentence lists after a count and that takes
/// that count's unit: the number follows a result verb or a possessive,
/// ends its clause, and shares its sentence with the count.
fn elided_count(
    text: &str,
    number: &Range<usize>,
    value: f64,
    found: &[Quantity],
) -> Option<Quantity> {
    let antecedent = found
        .iter()
        .rev()
        .find(|q| q.kind == QuantityKind::Count && q.span.end <= number.start)?;
    let between = &text[antecedent.span.end..number.start];
    let sentence_ends = between.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?' | ';') && between[i + 1..].starts_with(char::is_whitespace)
    });
    if value.fract() != 0.0 || between.len() > 160 || sentence_ends {
        return None;
    }
    let before = text[..number.start].trim_end();
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let written = &before[word_start..];
    let word = written.to_lowercase();
    let possessive = word.len() > 2 && (word.ends_with("'s") || word.ends_with("’s"));
    // "Mordaunt 92, Truss 86": a name, then its figure (not "July 2022").
    let listed_after_name = written.chars().next().is_some_and(char::is_uppercase)
        && before[..word_start].trim_end().ends_with([',', ')'])
        && !(1800.0..=2100.0).contains(&value);
    if !possessive && !listed_after_name && !RESULT_VERBS.contains(&word.as_str()) {
        return None;
    }
    let after = &text[number.end..];
    let clause_ends = after.is_empty()
        || after.starts_with([',', '.', ';', ')', ':', '!', '?'])
        || after.starts_with(" (")
        || [" and ", " while ", " but ", " to "]
            .iter()
            .any(|joint| after.starts_with(joint));
    if !clause_ends {
        return None;
    }
    Some(Quantity {
        kind: QuantityKind::Count,
        value,
        unit: antecedent.unit.clone(),
        what: antecedent.unit.clone(),
        text: text[number.clone()].to_string(),
        span: number.clone(),
    })
}

/// Words that name a number of deaths given after them: "the death toll
/// from the earthquakes has risen to 35,224", "the total number of
/// confirmed deaths to 41,132".
const TOLL_CUES: &[&str] = &["death toll", "number of deaths", "confirmed deaths"];

/// How many words may stand between a toll word and its number ("the death
/// toll from the earthquakes in Turkey and Syria has risen to").
const TOLL_REACH_WORDS: usize = 12;

/// A number that a death toll named earlier in its clause gives: "death
/// toll rose to 35,224", "Death toll tops 41,000". Nothing but words may
/// stand between (no other figure, no clause break).
fn toll_count(text: &str, number: &Range<usize>, value: f64) -> Option<Quantity> {
    if value.fract() != 0.0 || (1800.0..=2100.0).contains(&value) {
        return None;
    }
    let before = text.get(..number.start)?;
    let clause_start = before
        .rfind(['.', ';', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let clause = before[clause_start..].to_lowercase();
    let (at, cue) = TOLL_CUES
        .iter()
        .filter_map(|cue| clause.rfind(cue).map(|at| (at, *cue)))
        .max_by_key(|(at, cue)| at + cue.len())?;
    let between = clause.get(at + cue.len()..)?;
    let starts_word = at == 0 || !clause[..at].ends_with(char::is_alphanumeric);
    let reach = between.split_whitespace().count();
    // "the death toll, 5 years after the quake": a number of something else.
    let next_word = text[number.end..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric());
    if !starts_word
        || lookup(next_word, TIME_UNITS).is_some()
        || reach > TOLL_REACH_WORDS
        || between.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some(Quantity {
        kind: QuantityKind::Count,
        value,
        unit: "deaths".into(),
        what: "death toll".into(),
        text: text[number.clone()].to_string(),
        span: number.clone(),
    })
}

/// What follows a number: the unit, the scope words (as written) and how
/// many bytes of the tail they cover.
struct Unit {
    unit: &'static str,
    what_start: usize,
    end: usize,
}

fn push(
    text: &str,
    number: &Range<usize>,
    value: f64,
    unit: Unit,
    kind: QuantityKind,
    out: &mut Vec<Quantity>,
) {
    let base = number.end;
    let span = number.start..base + unit.end;
    out.push(Quantity {
        kind,
        value,
        unit: unit.unit.to_string(),
        what: text[base + unit.what_start..base + unit.end].to_string(),
        text: text[span.clone()].to_string(),
        span,
    });
}

/// Words of `rest` with their byte offsets, split on spaces; hyphens glue
/// (`three-year` gives `-year`).
fn words(rest: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in rest.char_indices() {
        let part_of_word = c.is_alphanumeric() || c == '-' || c == '\'';
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &rest[s..i]));
                start = None;
                if matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '!' | '?') {
                    break;
                }
            }
            _ => {}
        }
        if out.len() >= 8 {
            break;
        }
    }
    if let Some(s) = start {
        out.push((s, &rest[s..]));
    }
    out
}

fn lookup(word: &str, table: &[(&str, &'static str)]) -> Option<&'static str> {
    let lower = word.to_lowercase();
    table
        .iter()
        .find(|(form, _)| *form == lower)
        .map(|(_, unit)| *unit)
}

fn count_after(rest: &str) -> Option<Unit> {
    if !rest.starts_with(' ') {
        return None;
    }
    let words = words(rest);
    // Up to two modifiers ("league", "senior", "Premier League") before the unit.
    for (index, (at, word)) in words.iter().take(3).enumerate() {
        // Two-word units first ("clean sheets").
        if let Some((next_at, next)) = words.get(index + 1) {
            let pair = format!("{word} {next}");
            if let Some(unit) = lookup(&pair, COUNT_UNITS) {
                return Some(with_scope(rest, words[0].0, unit, next_at + next.len()));
            }
        }
        if let Some(unit) = lookup(word, COUNT_UNITS) {
            return Some(with_scope(rest, words[0].0, unit, at + word.len()));
        }
        if !is_modifier(word) {
            return None;
        }
    }
    None
}

/// Extends a count's `what` over a scope phrase that follows it.
fn with_scope(rest: &str, what_start: usize, unit: &'static str, end: usize) -> Unit {
    let tail = &rest[end..];
    let trimmed = tail.trim_start();
    let skipped = tail.len() - trimmed.len();
    let end = SCOPE_TAILS
        .iter()
        .find(|scope| {
            trimmed
                .get(..scope.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scope))
                && trimmed[scope.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .map_or(end, |scope| end + skipped + scope.len());
    Unit {
        unit,
        what_start,
        end,
    }
}

/// A word that may stand between a number and its unit.
fn is_modifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "league"
            | "senior"
            | "competitive"
            | "international"
            | "premier"
            | "serie"
            | "a"
            | "first-team"
            | "official"
            | "more"
            | "further"
            | "separate"
            | "european"
            | "cup"
    ) || word.chars().next().is_some_and(char::is_uppercase)
}

fn duration_after(rest: &str) -> Option<Unit> {
    let words = words(rest);
    let (at, word) = *words.first()?;
    // "three-year contract": the unit is glued with a hyphen.
    let (unit_word, hyphenated) = match word.strip_prefix('-') {
        Some(unit) if at == 0 => (unit, true),
        _ if at == 1 => (word, false),
        _ => return None,
    };
    let unit_word = unit_word.trim_end_matches("-long");
    let unit = lookup(unit_word, TIME_UNITS)?;
    // Only a following contract word makes it a stated duration.
    let (next_at, next_word) = *words.get(1)?;
    if !DURATION_TAILS.contains(&next_word.to_lowercase().as_str()) {
        return None;
    }
    Some(Unit {
        unit,
        what_start: if hyphenated { at + 1 } else { at },
        end: next_at + next_word.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(f64, String, String)> {
        find_quantities(text)
            .into_iter()
            .map(|q| (q.value, q.unit, q.what))
            .collect()
    }

    #[test]
    fn counts_keep_their_scope() {
        assert_eq!(
            shape("making 37 appearances in all competitions."),
            [(
                37.0,
                "appearances".into(),
                "appearances in all competitions".into()
            )]
        );
        assert_eq!(
            shape("making 37 league appearances and scoring three goals along with two assists"),
            [
                (37.0, "appearances".into(), "league appearances".into()),
                (3.0, "goals".into(), "goals".into()),
                (2.0, "assists".into(), "assists".into()),
            ]
        );
        assert_eq!(
            shape("his 37 games, which included three goals"),
            [
                (37.0, "appearances".into(), "games".into()),
                (3.0, "goals".into(), "goals".into()),
            ]
        );
        assert_eq!(
            shape("He has made 323 appearances for the Red Devils and 31 caps for England"),
            [
                (323.0, "appearances".into(), "appearances".into()),
                (31.0, "caps".into(), "caps for England".into()),
            ]
        );
    }

    #[test]
    fn a_listed_result_takes_the_unit_of_the_count_before_it() {
        assert_eq!(
            shape(
                "Mr Sunak claiming 137 votes, while Ms Truss ended with 111, narrowly pipping Ms Mordaunt, who received 105."
            ),
            [
                (137.0, "votes".into(), "votes".into()),
                (111.0, "votes".into(), "votes".into()),
                (105.0, "votes".into(), "votes".into()),
            ]
        );
        assert_eq!(
            shape("Ms Truss, who took 113 votes to the trade minister’s 105."),
            [
                (113.0, "votes".into(), "votes".into()),
                (105.0, "votes".into(), "votes".into()),
            ]
        );
        assert_eq!(
            shape("Sunak had 118 votes (33% of the total), Mordaunt 92 (26%), Truss 86 (24%) and Badenoch was eliminated with 59 (17%).")
                .iter()
                .map(|(value, unit, _)| (*value, unit.as_str()))
                .collect::<Vec<_>>(),
            [(118.0, "votes"), (92.0, "votes"), (86.0, "votes"), (59.0, "votes")]
        );
        assert_eq!(shape("Sunak won 137 votes, in July 2022.").len(), 1);
        // Another sentence, a percentage, a year or a noun after the number: no unit to take.
        assert_eq!(shape("Sunak won 137 votes. He began with 40.").len(), 1);
        assert_eq!(
            shape("Sunak won 137 votes (with 39% of the total)").len(),
            1
        );
        assert_eq!(shape("Sunak won 137 votes with 2 days to go").len(), 1);
    }

    #[test]
    fn a_death_toll_gives_its_number_deaths() {
        assert_eq!(
            shape(
                "The death toll from the earthquakes in Turkey and Syria has risen to more than 44,000. Death toll tops 41,000 as 35,418 fatalities are confirmed."
            ),
            [
                (44000.0, "deaths".to_string(), "death toll".to_string()),
                (41000.0, "deaths".to_string(), "death toll".to_string()),
                (35418.0, "deaths".to_string(), "fatalities".to_string()),
            ]
        );
        // A number of years, or one past another figure, is not the toll.
        assert_eq!(
            shape("The death toll, 5 years after the 2015 quake, was 9,000."),
            []
        );
        assert_eq!(shape("A toll road cost 12 pounds."), []);
    }

    #[test]
    fn durations_need_a_contract_word() {
        assert_eq!(
            shape("Smalling still has two years left on his deal"),
            [(2.0, "years".into(), "years left".into())]
        );
        assert_eq!(
            shape("he signed a three-year contract"),
            [(3.0, "years".into(), "year contract".into())]
        );
        assert!(shape("two years ago he joined, aged 30, in 2010").is_empty());
        assert!(shape("the 21-year-old").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,120}") {
            for q in find_quantities(&text) {
                proptest::prop_assert_eq!(&text[q.span.clone()], q.text.as_str());
            }
        }
    }
}
