//! English words for months, weekdays, numbers and units, as regex
//! fragments and parsers. The fragments carry no capture groups, so rules
//! can wrap them freely.

use jiff::civil::Weekday;

/// Month names and abbreviations, longest first.
pub const MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

/// Weekday names and abbreviations.
pub const WEEKDAY: &str = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun)";

const UNITS_ORD: &str = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth";
const TEENS_ORD: &str = "tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";
const UNITS: &str = "one|two|three|four|five|six|seven|eight|nine";
const TEENS: &str =
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

/// A day of the month: `5`, `05th`, `fifth`, `twenty-first`, `twenty nine`.
pub fn day_fragment() -> String {
    format!(
        r"(?:\d{{1,2}}(?:st|nd|rd|th)?|(?:twenty|thirty)[- ](?:{UNITS_ORD})|twentieth|thirtieth|{TEENS_ORD}|{UNITS_ORD}|(?:twenty|thirty)[- ](?:{UNITS})|twenty|thirty|{TEENS}|two|three|four|five|six|seven|eight|nine)"
    )
}

/// A day of the month that must carry an ordinal mark (`5th`, `fifth`).
pub fn ordinal_day_fragment() -> String {
    format!(
        r"(?:\d{{1,2}}(?:st|nd|rd|th)|(?:twenty|thirty)[- ](?:{UNITS_ORD})|twentieth|thirtieth|{TEENS_ORD}|{UNITS_ORD})"
    )
}

/// A year: four digits, or a year written in words.
pub fn year_fragment() -> String {
    format!(r"(?:\d{{4}}|{})", year_words_fragment())
}

/// A year in words: "nineteen eighty six", "two thousand and fifteen",
/// "seventeen hundred thirty three".
pub fn year_words_fragment() -> String {
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    let below_100 = format!(r"(?:(?:{tens})(?:[- ](?:{UNITS}))?|{TEENS}|{UNITS})");
    format!(
        r"(?:two thousand(?:(?: and)? {below_100})?|(?:{TEENS}) hundred(?: and)? {below_100}|(?:{TEENS}) (?:(?:{tens})(?:[- ](?:{UNITS}))?|oh {UNITS}))"
    )
}

/// A small count: digits or words up to twenty, "a", "an", "a couple of".
pub fn count_fragment() -> String {
    format!(
        r"(?:\d{{1,3}}|a couple of|a couple|couple of|couple|a few|few|several|a|an|twenty|thirty|forty|fifty|{TEENS}|{UNITS})"
    )
}

/// Month number (1-12) of a month name or abbreviation.
pub fn month_number(word: &str) -> Option<i8> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names
        .iter()
        .position(|n| w.starts_with(n))
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// Weekday of a weekday name or abbreviation.
pub fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_ascii_lowercase();
    let days = [
        ("mon", Weekday::Monday),
        ("tue", Weekday::Tuesday),
        ("wed", Weekday::Wednesday),
        ("thu", Weekday::Thursday),
        ("fri", Weekday::Friday),
        ("sat", Weekday::Saturday),
        ("sun", Weekday::Sunday),
    ];
    days.iter().find(|(p, _)| w.starts_with(p)).map(|(_, d)| *d)
}

fn unit_value(w: &str) -> Option<i64> {
    let words = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let ords = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    let tens = [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("twentieth", 20),
        ("thirtieth", 30),
    ];
    if let Some(i) = words.iter().position(|x| *x == w) {
        return i64::try_from(i).ok();
    }
    if let Some(i) = ords.iter().position(|x| *x == w) {
        return i64::try_from(i).ok();
    }
    tens.iter().find(|(t, _)| *t == w).map(|(_, v)| *v)
}

/// Value of a number below 100 in words or digits ("21st", "twenty-one").
pub fn small_number(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    let mut total = 0;
    for w in t.split(['-', ' ']).filter(|w| !w.is_empty()) {
        total += unit_value(w)?;
    }
    Some(total)
}

/// Value of a count ("3", "three", "a", "a couple of", "few").
pub fn count(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase();
    match t.as_str() {
        "a" | "an" => Some(1),
        t if t.contains("couple") => Some(2),
        t if t.contains("few") || t == "several" => Some(3),
        t => small_number(t),
    }
}

/// Value of a year in digits or words ("1986", "nineteen eighty six",
/// "two thousand and five").
pub fn year(text: &str) -> Option<i16> {
    let t = text.trim().to_ascii_lowercase();
    if t.chars().all(|c| c.is_ascii_digit()) {
        return t.parse().ok();
    }
    let t = t.replace(" and ", " ");
    let y = if let Some(rest) = t.strip_prefix("two thousand") {
        let rest = rest.trim();
        2000 + if rest.is_empty() {
            0
        } else {
            small_number(rest)?
        }
    } else if let Some((hi, lo)) = t.split_once(" hundred") {
        small_number(hi)? * 100 + small_number(lo)?
    } else {
        let (hi, lo) = t.split_once(' ')?;
        let lo = lo.trim_start_matches("oh ");
        small_number(hi)? * 100 + small_number(lo)?
    };
    i16::try_from(y).ok()
}

/// Expands a two-digit year: below 40 is 20xx, otherwise 19xx.
pub fn expand_two_digit_year(y: i16) -> i16 {
    if y < 40 { 2000 + y } else { 1900 + y }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_number_words() {
        assert_eq!(small_number("twenty-first"), Some(21));
        assert_eq!(small_number("twenty nine"), Some(29));
        assert_eq!(small_number("04th"), Some(4));
        assert_eq!(count("a couple of"), Some(2));
    }

    #[test]
    fn parses_years_in_words() {
        assert_eq!(year("nineteen eighty six"), Some(1986));
        assert_eq!(year("two thousand and fifteen"), Some(2015));
        assert_eq!(year("seventeen hundred thirty three"), Some(1733));
        assert_eq!(year("nineteen hundred ninety three"), Some(1993));
        assert_eq!(year("two thousand"), Some(2000));
    }

    #[test]
    fn parses_months_and_weekdays() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(weekday("Thurs"), Some(Weekday::Thursday));
    }
}
