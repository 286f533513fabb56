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
//!
//! Percentages are quantities too ("a 25% raise", "54 per cent of the
//! vote", "a 38% premium"): unit `percent`, `what` the sign with the words
//! that say what the share is of or the rise is in.

use crate::entities::NOT_NAMES;
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
    /// A share or a rate of change: "a 25% raise", "54 per cent of the vote".
    Percent,
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
    ("members", "members"),
    // MPs backing a candidate are the candidate's votes in a ballot of MPs.
    ("mps", "votes"),
    ("ballots", "ballots"),
    ("voters", "voters"),
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
    find_quantities_after(text, None)
}

/// [`find_quantities`] in a sentence that follows one counting `carried`
/// (`votes`): a listed result at its start takes that unit, as in "Sunak
/// won 115 votes, ahead of Mordaunt with 82. Truss was third with 71."
pub fn find_quantities_after(text: &str, carried: Option<&str>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    for number in find_numbers(text) {
        let rest = &text[number.span.end..];
        if let Some(found) = percent_after(rest).filter(|_| number.value >= 0.0) {
            push(
                text,
                &number.span,
                number.value,
                found,
                QuantityKind::Percent,
                &mut out,
            );
            continue;
        }
        // "2016/17 PL stats": a number after a slash ends a season or a date.
        let after_slash = text[..number.span.start].ends_with('/');
        if after_slash || number.value < 0.0 || number.value.fract() != 0.0 && number.value < 1.0 {
            continue;
        }
        if let Some(elided) = elided_count(text, &number.span, number.value, &out, carried) {
            out.push(elided);
        } else if let Some(found) = count_after(rest, number.value).or_else(|| died_after(rest)) {
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
    // "over 20,319 deaths, including 16,546 in Turkey": a part of the count.
    "including",
];

/// A bare whole number that a sentence lists after a count and that takes
/// that count's unit: the number follows a result verb or a possessive,
/// ends its clause, and shares its sentence with the count.
fn elided_count(
    text: &str,
    number: &Range<usize>,
    value: f64,
    found: &[Quantity],
    carried: Option<&str>,
) -> Option<Quantity> {
    let (antecedent_end, unit, antecedent_placed) = match found
        .iter()
        .rev()
        .find(|q| q.kind == QuantityKind::Count && q.span.end <= number.start)
    {
        Some(q) => (q.span.end, q.unit.clone(), q.what.contains(" in ")),
        None => (0, carried?.to_string(), false),
    };
    let between = &text[antecedent_end..number.start];
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
    let after = &text[number.end..];
    // "16,546 in Turkey and 3,868 in Syria": the parts of a count by place.
    let place = place_after(after);
    let next_part =
        place > 0 && antecedent_placed && matches!(between.trim(), "and" | "," | ", and");
    if !possessive && !listed_after_name && !next_part && !RESULT_VERBS.contains(&word.as_str()) {
        return None;
    }
    let after = &after[place..];
    let clause_ends = after.is_empty()
        || after.starts_with([',', '.', ';', ')', ':', '!', '?'])
        || after.starts_with(" (")
        || [" and ", " while ", " but ", " to "]
            .iter()
            .any(|joint| after.starts_with(joint));
    if !clause_ends {
        return None;
    }
    let span = number.start..number.end + place;
    Some(Quantity {
        kind: QuantityKind::Count,
        value,
        what: format!("{unit}{}", &text[number.end..span.end]),
        unit,
        text: text[span.clone()].to_string(),
        span,
    })
}

/// The length in bytes of a place that `after` opens with (" in Turkey",
/// " in North Korea"): `in` and one to three capitalised words; 0 if none.
fn place_after(after: &str) -> usize {
    let Some(tail) = after.strip_prefix(" in ") else {
        return 0;
    };
    // Byte offset of the word being read, and the end of the last name word.
    let (mut at, mut end) = (0, 0);
    for (taken, word) in tail.split(' ').enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        let name = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_NAMES.contains(&bare);
        if taken == 3 || !name {
            break;
        }
        end = at + bare.len();
        if bare.len() < word.len() {
            break;
        }
        at += word.len() + 1;
    }
    if end == 0 { 0 } else { " in ".len() + end }
}

/// Words that name a number of deaths given after them: "the death toll
/// from the earthquakes has risen to 35,224", "the total number of
/// confirmed deaths to 41,132".
const TOLL_CUES: &[&str] = &[
    "death toll",
    "number of deaths",
    "confirmed deaths",
    // Hindi: "the number of those who died", "the number of the dead"
    // ("मरने वालों की संख्या 35 हजार के आंकड़े को पार कर चुकी है").
    "मरने वालों की संख्या",
    "मृतकों की संख्या",
];

/// How many words may stand between a toll word and its number ("the death
/// toll from the earthquakes in Turkey and Syria has risen to").
const TOLL_REACH_WORDS: usize = 12;

/// How far back from a number a toll cue is looked for: far more than
/// TOLL_REACH_WORDS words and a cue take. Reading the whole clause instead
/// made a text of numbers and no clause break ("1 1 1 …") quadratic: 32 KB
/// took 0.4 s, 128 KB several seconds.
const TOLL_WINDOW_BYTES: usize = 1_000;

/// A number that a death toll named earlier in its clause gives: "death
/// toll rose to 35,224", "Death toll tops 41,000". Nothing but words may
/// stand between (no other figure, no clause break).
fn toll_count(text: &str, number: &Range<usize>, value: f64) -> Option<Quantity> {
    if value.fract() != 0.0 || (1800.0..=2100.0).contains(&value) {
        return None;
    }
    let before = text.get(..number.start)?;
    // The cue stands at most TOLL_REACH_WORDS words back: only that end of
    // a long clause is read, so that a text without clause breaks is not
    // read again for every number in it.
    let mut window_start = number.start.saturating_sub(TOLL_WINDOW_BYTES);
    while !before.is_char_boundary(window_start) {
        window_start += 1;
    }
    let clause_start = before[window_start..]
        .rfind(['.', ';', '!', '?', '\n'])
        .map_or(window_start, |i| window_start + i + 1);
    let clause = before[clause_start..].to_lowercase();
    let (at, cue) = TOLL_CUES
        .iter()
        .filter_map(|cue| clause.rfind(cue).map(|at| (at, *cue)))
        .max_by_key(|(at, cue)| at + cue.len())?;
    let between = clause.get(at + cue.len()..)?;
    let starts_word = if at == 0 {
        !before[..clause_start].ends_with(char::is_alphanumeric)
    } else {
        !clause[..at].ends_with(char::is_alphanumeric)
    };
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

/// A candidate's line in a list of ballot results: "1. Rishi Sunak – 88",
/// "Penny Mordaunt: 67 votes".
#[derive(Debug, Clone, PartialEq)]
pub struct ListedVotes {
    /// The votes, as a count.
    pub quantity: Quantity,
    /// Byte span of the candidate's name in the input.
    pub name: Range<usize>,
}

/// How far back, in bytes, a list of results must be announced as votes
/// ("The first ballot of MPs … finished as follows:").
const LIST_CONTEXT_BYTES: usize = 600;

/// Finds the lines of `text` that list a candidate and a number of votes:
/// a name of capitalised words, a dash or a colon, a whole number (and
/// optionally `votes`) ending the line. A line without `votes` counts only
/// when the text before it speaks of votes or a ballot, so "Chapter – 3"
/// in an unrelated list is not taken.
///
/// ```
/// use storyline_extract::quantities::find_listed_votes;
/// let text = "The first ballot finished as follows:\n 1. Ann Smith – 88\n 2. Bob Jones – 67";
/// let found = find_listed_votes(text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[1].name.clone()], "Bob Jones");
/// assert_eq!((found[1].quantity.value, found[1].quantity.unit.as_str()), (67.0, "votes"));
/// ```
pub fn find_listed_votes(text: &str) -> Vec<ListedVotes> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(found) = listed_votes(text, line_start, line) {
            out.push(found);
        }
        line_start += line.len();
    }
    out
}

/// One line of a result list, if it is one (see [`find_listed_votes`]).
fn listed_votes(text: &str, line_start: usize, line: &str) -> Option<ListedVotes> {
    let body = line.trim_end();
    let lead = body.len() - body.trim_start().len();
    let mut at = lead;
    // An enumerator or bullet: "1. ", "2) ", "- ", "• ".
    let digits = body[at..].chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && body[at + digits..].starts_with(['.', ')']) {
        at += digits + 1;
    } else if body[at..].starts_with(['-', '*', '•']) {
        at += body[at..].chars().next().map_or(1, char::len_utf8);
    }
    at += body[at..].len() - body[at..].trim_start().len();
    // The name: one to four capitalised words.
    let name_start = at;
    let mut name_end = at;
    let mut words = 0;
    for word in body[at..].split(' ') {
        // "Penny Mordaunt: 67 votes": the colon ends the name.
        let bare = word.strip_suffix(':').unwrap_or(word);
        let name_word = bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !name_word || words == 4 {
            break;
        }
        words += 1;
        name_end = at + bare.len();
        at = name_end + 1;
        if bare.len() < word.len() {
            break;
        }
    }
    let after_name = body.get(name_end..)?;
    let separator = after_name.trim_start();
    let rest = ["–", "—", "-", ":"]
        .iter()
        .find_map(|dash| separator.strip_prefix(dash))?
        .trim_start();
    let figure = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .count();
    let value: f64 = rest[..figure].replace(',', "").parse().ok()?;
    // A share in brackets may follow: "Rishi Sunak – 118 (33%)".
    let tail = rest[figure..].trim();
    let tail = match tail.rfind(" (") {
        Some(open) if tail.ends_with(')') => tail[..open].trim_end(),
        _ if tail.starts_with('(') && tail.ends_with(')') => "",
        _ => tail,
    };
    let says_votes = tail.eq_ignore_ascii_case("votes") || tail.eq_ignore_ascii_case("vote");
    if words == 0 || (1800.0..=2100.0).contains(&value) || !(tail.is_empty() || says_votes) {
        return None;
    }
    let number_start = line_start + body.len() - rest.len();
    let mut context_start = line_start.saturating_sub(LIST_CONTEXT_BYTES);
    while !text.is_char_boundary(context_start) {
        context_start += 1;
    }
    let context = text[context_start..line_start].to_lowercase();
    if !says_votes && !context.contains("vote") && !context.contains("ballot") {
        return None;
    }
    let span = number_start..line_start + body.len();
    Some(ListedVotes {
        quantity: Quantity {
            kind: QuantityKind::Count,
            value,
            unit: "votes".into(),
            what: "votes".into(),
            text: text[span.clone()].to_string(),
            span,
        },
        name: line_start + name_start..line_start + name_end,
    })
}

/// The ways a percentage sign is written after its number, in English and
/// then in other languages ("57 odstotkov", "30 procent", "12 Prozent", "5 por
/// ciento", "40 процентов"); longer forms before the shorter ones they start with.
const PERCENT_SIGNS: &[&str] = &[
    "%",
    " per cent",
    " percent",
    "-per-cent",
    "-percent",
    " pc",
    " odstotkov",
    " odstotka",
    " odstotke",
    " odstotki",
    " procenata",
    " procenta",
    " procent",
    " prosent",
    " prósenta",
    " prósent",
    " prozent",
    " posto",
    " per cento",
    " percento",
    " pour cent",
    " por ciento",
    " por cento",
    " pontos percentuais",
    " процентов",
    " процента",
    " процент",
    " प्रतिशत",
];

/// Words that end the phrase a percentage scopes ("a 25% raise over four
/// years" is a raise; "over four years" is when).
const PERCENT_SCOPE_STOPS: &[&str] = &[
    "to", "and", "or", "in", "over", "for", "with", "on", "from", "at", "than", "by", "was", "is",
    "are", "were", "has", "have", "had", "be", "been", "that", "which", "who", "since", "after",
    "before", "this", "last", "next", "but", "as", "when", "while", "across", "into", "per", "of",
    "a", "an", "the", "it", "its", "their", "his", "her", "up", "down", "more", "less", "higher",
    "lower", "between", "through", "until", "under", "above", "below", "if", "so", "will", "would",
    "could", "said", "says", "all", "each", "every", "both",
];

/// Words that may follow `of` in a percentage's scope before its noun
/// ("54 per cent of the vote").
const DETERMINERS: &[&str] = &[
    "the", "a", "its", "their", "his", "her", "our", "your", "my", "all", "those", "these",
];

/// The percentage sign after a number, and the phrase that scopes it: "%
/// raise", "% general wage increase", " per cent of the vote".
fn percent_after(rest: &str) -> Option<Unit> {
    let sign = PERCENT_SIGNS.iter().find(|sign| {
        rest.get(..sign.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(sign))
            && rest[sign.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })?;
    let what_start = rest.len() - rest.trim_start().len();
    let tail = &rest[sign.len()..];
    let mut end = sign.len();
    let mut previous = 0;
    let mut taken = 0;
    let mut of = false;
    for (index, (at, word)) in words(tail).into_iter().enumerate() {
        let lower = word.to_lowercase();
        let opens_of = index == 0 && lower == "of";
        let determiner = of && taken == 0 && DETERMINERS.contains(&lower.as_str());
        // "a 40% requested", "an 11 percent hike right away": a verb or an
        // adverb ends the phrase.
        let verb_or_adverb = lower.len() > 4 && (lower.ends_with("ed") || lower.ends_with("ly"))
            || matches!(
                lower.as_str(),
                "right" | "now" | "away" | "again" | "already"
            );
        // "20% ain’t good", "25% of all U.S. workers": a word cut at an
        // apostrophe or an abbreviation's period is no noun of the phrase.
        let mut next = tail[at + word.len()..].chars();
        let cut = match next.next() {
            Some('\'' | '’') => true,
            Some('.') => next.next().is_some_and(char::is_alphabetic),
            _ => false,
        };
        let noun = !PERCENT_SCOPE_STOPS.contains(&lower.as_str())
            && !verb_or_adverb
            && !determiner
            && !cut
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && (of || word.chars().next().is_some_and(char::is_lowercase));
        // Only spaces between the sign and the words of the phrase.
        let joined = at > previous && tail[previous..at].chars().all(|c| c == ' ');
        if !joined || taken >= 3 || !(opens_of || determiner || noun) {
            break;
        }
        of |= opens_of;
        taken += usize::from(noun);
        previous = at + word.len();
        if noun {
            end = sign.len() + previous;
        }
    }
    Some(Unit {
        unit: "percent",
        what_start,
        end,
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

fn count_after(rest: &str, value: f64) -> Option<Unit> {
    if !rest.starts_with(' ') {
        return None;
    }
    let words = words(rest);
    // "81,326 of the votes", "31,643 of those deaths": part of a count.
    if let [(_, of), (_, determiner), (at, word), ..] = words.as_slice() {
        let determiner = determiner.to_lowercase();
        if of.eq_ignore_ascii_case("of")
            && matches!(determiner.as_str(), "the" | "those" | "these")
            && let Some(unit) = lookup(word, COUNT_UNITS)
        {
            return Some(with_scope(rest, *at, unit, at + word.len()));
        }
    }
    // One describing word of any kind may stand among the modifiers
    // ("654 rejected ballots", "172,437 eligible Tory voters"), not after a year.
    let mut described = (1800.0..=2100.0).contains(&value);
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
        if is_modifier(word) {
            continue;
        }
        if described || !describes(word) {
            return None;
        }
        described = true;
    }
    None
}

/// Words that never describe the unit after them ("3 of goals", "5 to
/// people").
const NOT_DESCRIBING: &[&str] = &[
    "of", "the", "to", "in", "and", "or", "for", "with", "from", "by", "on", "at", "than", "as",
    "his", "her", "their", "its", "our", "your", "my", "no", "not", "per",
];

/// A word that may describe the unit right after it: letters (and
/// hyphens), not a function word, not a verb in -ing ("3 scoring goals").
fn describes(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !word.starts_with('-')
        && !lower.ends_with("ing")
        && !NOT_DESCRIBING.contains(&lower.as_str())
}

/// Words that may stand between a number and the verb saying they died
/// ("1,414 have died", "31,500 had been recorded killed").
const DEATH_AUXILIARIES: &[&str] = &[
    "have",
    "has",
    "had",
    "been",
    "were",
    "are",
    "now",
    "reportedly",
    "recorded",
    "confirmed",
    "already",
];

/// The verbs that say a number of people died.
const DEATH_VERBS: &[&str] = &["died", "killed", "perished"];

/// A number of deaths told by a verb: "1,414 have died", "more than 31,500
/// had been recorded killed". At most three auxiliaries stand between; the
/// verb is the scope.
fn died_after(rest: &str) -> Option<Unit> {
    if !rest.starts_with(' ') {
        return None;
    }
    for (index, (at, word)) in words(rest).into_iter().enumerate() {
        let lower = word.to_lowercase();
        if DEATH_VERBS.contains(&lower.as_str()) {
            return Some(Unit {
                unit: "deaths",
                what_start: at,
                end: at + word.len(),
            });
        }
        if index == 3 || !DEATH_AUXILIARIES.contains(&lower.as_str()) {
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
            [
                (118.0, "votes"),
                (33.0, "percent"),
                (92.0, "votes"),
                (26.0, "percent"),
                (86.0, "votes"),
                (24.0, "percent"),
                (59.0, "votes"),
                (17.0, "percent")
            ]
        );
        assert_eq!(shape("Sunak won 137 votes, in July 2022.").len(), 1);
        // Another sentence, a percentage, a year or a noun after the number: no unit to take.
        assert_eq!(shape("Sunak won 137 votes. He began with 40.").len(), 1);
        assert_eq!(
            shape("Sunak won 137 votes (with 39% of the total)")
                .iter()
                .filter(|(_, unit, _)| unit == "votes")
                .count(),
            1
        );
        assert_eq!(shape("Sunak won 137 votes with 2 days to go").len(), 1);
    }

    #[test]
    fn a_result_after_a_sentence_of_votes_takes_votes() {
        let after = |text: &str| -> Vec<(f64, String)> {
            find_quantities_after(text, Some("votes"))
                .into_iter()
                .map(|q| (q.value, q.unit))
                .collect()
        };
        assert_eq!(
            after("Foreign Secretary Ann Smith was third with 71."),
            [(71.0, "votes".to_string())]
        );
        assert_eq!(after("She was born in 1975 with 2 brothers."), []);
        assert_eq!(
            find_quantities("Foreign Secretary Ann Smith was third with 71."),
            []
        );
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

    /// Asserts the (value, unit, what) of every quantity found in `text`.
    fn finds(text: &str, want: &[(f64, &str, &str)]) {
        let want: Vec<(f64, String, String)> = want
            .iter()
            .map(|(value, unit, what)| (*value, unit.to_string(), what.to_string()))
            .collect();
        assert_eq!(shape(text), want, "in {text:?}");
    }

    #[test]
    fn members_mps_ballots_and_voters_are_counted() {
        finds(
            "Mr Sunak picking up the support of 88 MPs, Ms Truss of 86 Tory MPs.",
            &[(88.0, "votes", "MPs"), (86.0, "votes", "Tory MPs")],
        );
        finds(
            "approved by 57,000 union members, with 654 rejected ballots from 172,437 eligible Tory voters",
            &[
                (57000.0, "members", "union members"),
                (654.0, "ballots", "rejected ballots"),
                (172437.0, "voters", "eligible Tory voters"),
            ],
        );
        // Only one describing word, and none after a year, a season or a
        // function word.
        for text in [
            "Coutinho's 2016/17 PL stats Appearances 31",
            "some 12 very angry members",
            "in 2019 new members joined",
            "sent 3 to members",
        ] {
            finds(text, &[]);
        }
    }

    #[test]
    fn part_of_a_count_of_the_things_counted() {
        finds(
            "She received 81,326 of the votes while Rishi Sunak received 60,399.",
            &[(81326.0, "votes", "votes"), (60399.0, "votes", "votes")],
        );
        finds(
            "with 31,643 of those deaths being verified in Turkey alone",
            &[(31643.0, "deaths", "deaths")],
        );
        finds("8 of the best", &[]);
    }

    #[test]
    fn a_verb_of_dying_counts_deaths() {
        finds(
            "More than 3,160 people have died in the north, while 1,414 have died in areas held by the government.",
            &[(3160.0, "people", "people"), (1414.0, "deaths", "died")],
        );
        finds(
            "more than 31,500 had been recorded killed; at least 5,800 have died there",
            &[(31500.0, "deaths", "killed"), (5800.0, "deaths", "died")],
        );
        // A number that did something else is no death count.
        finds("1,414 have left and 20 had been recorded", &[]);
    }

    #[test]
    fn the_parts_of_a_count_by_place_keep_the_place() {
        finds(
            "over 20,319 deaths reported, including 16,546 in Turkey and 3,868 in Syria.",
            &[
                (20319.0, "deaths", "deaths"),
                (16546.0, "deaths", "deaths in Turkey"),
                (3868.0, "deaths", "deaths in Syria"),
            ],
        );
        // A month is a time, and a number after "and" without a place is
        // not a part.
        finds(
            "20 deaths, including 5 in March",
            &[(20.0, "deaths", "deaths")],
        );
        finds(
            "20 deaths in Turkey and 5 in the south",
            &[(20.0, "deaths", "deaths")],
        );
    }

    #[test]
    fn a_hindi_death_toll_in_thousands() {
        assert_eq!(
            shape("भूकंप में मरने वालों की संख्या 35 हजार के आंकड़े को पार कर चुकी है."),
            [(35000.0, "deaths".to_string(), "death toll".to_string())]
        );
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

    #[test]
    fn percentages_keep_what_they_are_a_share_of() {
        assert_eq!(
            shape("The union won a 25% raise over four years, and a 38% premium on the stock."),
            [
                (25.0, "percent".into(), "% raise".into()),
                (38.0, "percent".into(), "% premium".into()),
            ]
        );
        assert_eq!(
            shape("She took 57.4 per cent of the vote; turnout was 82 percent."),
            [
                (57.4, "percent".into(), "per cent of the vote".into()),
                (82.0, "percent".into(), "percent".into()),
            ]
        );
        assert_eq!(
            shape("17.5% wage increases all told, a 23% pay increase, up from 20%, and a 0.5% fee"),
            [
                (17.5, "percent".into(), "% wage increases".into()),
                (23.0, "percent".into(), "% pay increase".into()),
                (20.0, "percent".into(), "%".into()),
                (0.5, "percent".into(), "% fee".into()),
            ]
        );
        assert_eq!(
            shape("“20% ain’t good enough,” he said of 25% of all U.S. workers."),
            [
                (20.0, "percent".into(), "%".into()),
                (25.0, "percent".into(), "%".into()),
            ]
        );
        // Other languages (sentences written for this test).
        assert_eq!(
            shape("Za kandidatko je glasovalo 61 odstotkov članov."),
            [(61.0, "percent".into(), "odstotkov članov".into())]
        );
        assert_eq!(
            shape("Oppslutningen steg til 27 prosent."),
            [(27.0, "percent".into(), "prosent".into())]
        );
        assert_eq!(
            shape("Партия получила 40 процентов голосов."),
            [(40.0, "percent".into(), "процентов голосов".into())]
        );
        // Not a percentage: a word that starts like one.
        assert_eq!(shape("the 5 percentile"), []);
        assert_eq!(
            shape("an 11 percent wage hike right away, not the 40% requested"),
            [
                (11.0, "percent".into(), "percent wage hike".into()),
                (40.0, "percent".into(), "%".into()),
            ]
        );
        let found = find_quantities("a 12% rise");
        assert_eq!(found[0].kind, QuantityKind::Percent);
        assert_eq!(found[0].text, "12% rise");
    }

    fn listed(text: &str) -> Vec<(String, f64)> {
        find_listed_votes(text)
            .into_iter()
            .map(|l| (text[l.name].to_string(), l.quantity.value))
            .collect()
    }

    #[test]
    fn result_lists_give_votes_per_candidate() {
        let text = "The second ballot of MPs finished as follows:\n\n  1. Ann Smith – 101\n  2. Bob Jones-Hale - 83 (24%)\n  3. Cy Young: 64 votes\nNext came the hustings.";
        assert_eq!(
            listed(text),
            [
                ("Ann Smith".to_string(), 101.0),
                ("Bob Jones-Hale".to_string(), 83.0),
                ("Cy Young".to_string(), 64.0),
            ]
        );
        let found = find_listed_votes(text);
        assert_eq!(&text[found[0].quantity.span.clone()], "101");
        assert_eq!(found[2].quantity.text, "64 votes");
        // No talk of votes before the list, a year, or words after the number.
        assert_eq!(listed("Contents:\n1. Chapter One – 3\n"), []);
        assert_eq!(
            listed("The vote:\nSince – 2019\nAnn Smith – 12 members\n"),
            []
        );
        assert_eq!(
            listed("Ann Smith: 12 votes"),
            [("Ann Smith".to_string(), 12.0)]
        );
    }

    proptest::proptest! {
        #[test]
        fn listed_votes_never_panic(text in "\\PC{0,120}") {
            for l in find_listed_votes(&text) {
                proptest::prop_assert_eq!(&text[l.quantity.span.clone()], l.quantity.text.as_str());
                proptest::prop_assert!(l.name.end <= text.len());
            }
        }

        #[test]
        fn never_panics(text in "\\PC{0,120}") {
            for q in find_quantities(&text) {
                proptest::prop_assert_eq!(&text[q.span.clone()], q.text.as_str());
            }
        }
    }

    /// Numbers in a text without clause breaks ("1 1 1 …", 100 KB) count
    /// no deaths. Each one once read the whole text before it for a
    /// death-toll cue, so this input took tens of seconds in a debug build;
    /// the timings are in docs/MEASUREMENTS.md, not asserted here.
    #[test]
    fn a_long_clause_of_bare_numbers_counts_no_deaths() {
        let text = "1 ".repeat(50_000);
        let found = find_quantities_after(&text, None);
        assert!(found.iter().all(|q| q.unit != "deaths"), "{found:?}");
    }

    /// A toll cue still gives its number after a long clause.
    #[test]
    fn a_death_toll_after_a_long_clause() {
        let text = format!("{} the death toll rose to 35,224", "and then ".repeat(500));
        let found = find_quantities_after(&text, None);
        assert!(
            found
                .iter()
                .any(|q| q.unit == "deaths" && q.value == 35_224.0),
            "{found:?}"
        );
    }
}
