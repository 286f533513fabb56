//! The English number vocabulary: cardinals, scales, ordinals used as denominators,
//! and the abbreviations newsrooms glue to figures (`k`, `bn`, `MM`).

use super::foreign::foreign_scale;

/// A cardinal word 0–90: `zero`, `nought`, `seven`, `seventeen`, `seventy`.
pub(crate) fn cardinal(w: &str) -> Option<f64> {
    let v = match w {
        "zero" | "nought" | "naught" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(f64::from(v))
}

/// A scale word: `hundred`, `thousand`, `million`, `lakh`, `crore`, and the
/// scale words of other languages (`milioni`, `миллионов`, see `foreign.rs`).
pub(crate) fn scale(w: &str) -> Option<f64> {
    let v = match w {
        "hundred" | "hundreds" => 1e2,
        "thousand" | "thousands" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "millions" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "billions" => 1e9,
        "trillion" | "trillions" => 1e12,
        _ => return foreign_scale(w),
    };
    Some(v)
}

/// `dozen`, `dozens`, and the abbreviations `dz`, `dzs`, `doz`, `dozs`.
pub(crate) fn is_dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// An ordinal that can end a fraction, with its value and whether it is plural.
/// `first` and `second` are returned too; callers accept them only inside a
/// compound (`twenty-first`), as "a second" is time, not a fraction.
pub(crate) fn ordinal(w: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match w {
        "halves" => return Some((2.0, true)),
        "half" => return Some((2.0, false)),
        "quarters" => return Some((4.0, true)),
        "quarter" => return Some((4.0, false)),
        _ => match w.strip_suffix('s') {
            Some(s) if ordinal_value(s).is_some() => (s, true),
            _ => (w, false),
        },
    };
    ordinal_value(stem).map(|v| (v, plural))
}

fn ordinal_value(w: &str) -> Option<f64> {
    let v = match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 1e2,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some(v)
}

/// A scale abbreviation written right after digits, case-sensitive where case
/// matters: `10k`, `10M` (but `1m` is a metre), `1.2b`, `2mil`, `1MM`, `10 bln`.
/// `spaced` is true when whitespace separates it from the figure.
pub(crate) fn number_suffix(raw: &str, spaced: bool) -> Option<f64> {
    let v = match raw {
        "k" | "K" => 1e3,
        "M" => 1e6,
        // `5G` is a network generation far more often than 5 billion.
        "G" if spaced => 1e9,
        _ => match raw.to_lowercase().as_str() {
            "mm" | "mil" | "mln" => 1e6,
            "b" | "bn" | "bln" => 1e9,
            "tn" | "tln" | "trn" => 1e12,
            _ => return None,
        },
    };
    // A bare lower-case `b` after a space is too often a list item: "(b)".
    if spaced && raw == "b" {
        return None;
    }
    Some(v)
}
