//! The shared first pass: text → tokens (words, numerals, punctuation) with byte spans.
//!
//! Numerals written with digits are recognised here, once, so that the number and
//! money grammars both see `1,234.5` as one token. Letters glued to a numeral
//! (`13.5m`, `180ml`, `4th`) stay a separate [`Kind::Word`] token whose `start`
//! equals the numeral's `end`; each grammar decides what such a suffix means.

use std::sync::LazyLock;

use regex::Regex;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A run of alphabetic characters; `Tok::lower` holds it lower-cased.
    Word,
    /// A numeral written with digits (or a vulgar fraction such as `½`).
    Num(Numeral),
    /// Any other single non-space character.
    Punct(char),
}

/// A numeral's value and shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Numeral {
    /// The value, without sign.
    pub value: f64,
    /// Integer, decimal, fraction or power.
    pub shape: Shape,
}

/// The written shape of a numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Digits only, possibly with thousands separators.
    Int,
    /// Has a decimal part.
    Decimal,
    /// `3/4` or `½`.
    Fraction,
    /// `1e10`, `1.1^23`, `1.3x10^6`.
    Power,
}

/// One token with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Lower-cased text (words) or the raw text (others).
    pub lower: String,
    /// The text as written.
    pub raw: String,
}

impl Tok {
    /// True for a word token equal to `w` (lower case).
    pub fn is(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.lower == w
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// The numeral, when this token is one.
    pub fn num(&self) -> Option<Numeral> {
        match self.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }
}

/// Patterns tried in order at a digit; the first valid one wins. Every shape but
/// a plain integer is rejected when another separator+digit follows (`192.168.1.2`).
struct Pattern {
    re: Regex,
    shape: Form,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Power,
    Slash,
    European,
    DotGrouped,
    Grouped,
    Spaced,
    Decimal,
    CommaDecimal,
    Int,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let table: [(&str, Form); 10] = [
        (
            r"^\d+(?:\.\d+)?(?:[eE][+-]?\d+|\^[+-]*\d+|x10\^[+-]?\d+)",
            Form::Power,
        ),
        (r"^\d{1,3}/\d{1,3}", Form::Slash),
        (r"^\d{1,3}(?:\.\d{3})+,\d+", Form::European),
        // "1.000.000 €": two or more dot groups are thousands, never a decimal.
        (r"^\d{1,3}(?:\.\d{3}){2,}", Form::DotGrouped),
        (r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?", Form::Grouped),
        (r"^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?", Form::Grouped),
        (
            r"^\d{1,3}(?:[ \u{202f}\u{a0}]\d{3})+(?:\.\d+)?",
            Form::Spaced,
        ),
        (r"^\d*\.\d+", Form::Decimal),
        (r"^\d+,\d{1,2}", Form::CommaDecimal),
        (r"^\d+", Form::Int),
    ];
    table
        .iter()
        .filter_map(|(src, shape)| {
            // The patterns are constants; a typo would surface in every test.
            Regex::new(src).ok().map(|re| Pattern { re, shape: *shape })
        })
        .collect()
});

/// Splits `text` into tokens. Whitespace separates tokens and is dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let len = c.len_utf8();
        if c.is_whitespace() {
            pos += len;
            continue;
        }
        let starts_numeral = c.is_ascii_digit()
            || (c == '.' && next_is_digit(text, pos + 1) && !prev_is_digit(text, pos));
        if starts_numeral && let Some((end, numeral)) = numeral_at(text, pos) {
            toks.push(tok(Kind::Num(numeral), text, pos, end));
            pos = end;
            continue;
        }
        if let Some(v) = vulgar_fraction(c) {
            let numeral = Numeral {
                value: v,
                shape: Shape::Fraction,
            };
            toks.push(tok(Kind::Num(numeral), text, pos, pos + len));
            pos += len;
            continue;
        }
        if c.is_alphabetic() {
            let end = text[pos..]
                .char_indices()
                .find(|(_, ch)| !(ch.is_alphabetic() || is_mark(*ch)))
                .map_or(text.len(), |(i, _)| pos + i);
            let mut t = tok(Kind::Word, text, pos, end);
            t.lower = text[pos..end].to_lowercase();
            toks.push(t);
            pos = end;
            continue;
        }
        toks.push(tok(Kind::Punct(c), text, pos, pos + len));
        pos += len;
    }
    toks
}

fn tok(kind: Kind, text: &str, start: usize, end: usize) -> Tok {
    Tok {
        kind,
        start,
        end,
        lower: text[start..end].to_owned(),
        raw: text[start..end].to_owned(),
    }
}

/// Combining marks (Tamil vowel signs and the like) belong to the word they follow.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF)
}

fn next_is_digit(text: &str, pos: usize) -> bool {
    text.as_bytes().get(pos).is_some_and(u8::is_ascii_digit)
}

fn prev_is_digit(text: &str, pos: usize) -> bool {
    pos > 0 && text.as_bytes().get(pos - 1).is_some_and(u8::is_ascii_digit)
}

/// Recognises the numeral starting at `pos`, returning its end and value.
fn numeral_at(text: &str, pos: usize) -> Option<(usize, Numeral)> {
    let rest = &text[pos..];
    let bytes = text.as_bytes();
    // Right after `5/` or `192.` or `22,` only a plain integer may start: the
    // run is a date, an address or a list, not one number.
    let after_chain =
        pos >= 2 && matches!(bytes[pos - 1], b'.' | b',' | b'/') && bytes[pos - 2].is_ascii_digit();
    for p in PATTERNS.iter() {
        if after_chain && p.shape != Form::Int {
            continue;
        }
        let Some(m) = p.re.find(rest) else { continue };
        let end = pos + m.end();
        let after = &bytes[end..];
        if after.first().is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let chained =
            after.len() >= 2 && matches!(after[0], b'.' | b',' | b'/') && after[1].is_ascii_digit();
        if chained && p.shape != Form::Int {
            continue;
        }
        if let Some(n) = value_of(m.as_str(), p.shape) {
            return Some((end, n));
        }
    }
    None
}

fn value_of(s: &str, form: Form) -> Option<Numeral> {
    let (value, shape) = match form {
        Form::Power => (power_value(s)?, Shape::Power),
        Form::Slash => {
            let (a, b) = s.split_once('/')?;
            let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
            if b == 0.0 {
                return None;
            }
            (a / b, Shape::Fraction)
        }
        Form::European => {
            let cleaned: String = s.chars().filter(|c| *c != '.').collect();
            (cleaned.replace(',', ".").parse().ok()?, Shape::Decimal)
        }
        Form::DotGrouped => {
            let cleaned: String = s.chars().filter(|c| *c != '.').collect();
            (cleaned.parse().ok()?, Shape::Int)
        }
        Form::Grouped | Form::Spaced => {
            let cleaned: String = s
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            (cleaned.parse().ok()?, decimal_or_int(s))
        }
        Form::Decimal => (s.parse().ok()?, Shape::Decimal),
        Form::CommaDecimal => (s.replace(',', ".").parse().ok()?, Shape::Decimal),
        Form::Int => (s.parse().ok()?, Shape::Int),
    };
    Some(Numeral { value, shape })
}

fn decimal_or_int(s: &str) -> Shape {
    if s.contains('.') {
        Shape::Decimal
    } else {
        Shape::Int
    }
}

/// `1e10`, `12.32e+14`, `1.1^--23` (each `-` flips the exponent's sign), `1.3x10^6`.
fn power_value(s: &str) -> Option<f64> {
    if let Some((mantissa, exp)) = s.split_once("x10^") {
        let m: f64 = mantissa.parse().ok()?;
        let e: i32 = exp.parse().ok()?;
        return Some(m * 10f64.powi(e));
    }
    if let Some((base, exp)) = s.split_once('^') {
        let b: f64 = base.parse().ok()?;
        let negative = exp.chars().filter(|c| *c == '-').count() % 2 == 1;
        let digits: String = exp.chars().filter(char::is_ascii_digit).collect();
        let e: f64 = digits.parse().ok()?;
        return Some(b.powf(if negative { -e } else { e }));
    }
    // Rust parses `1e10` and `12.32e+14` natively.
    s.parse().ok()
}

fn vulgar_fraction(c: char) -> Option<f64> {
    let v = match c {
        '½' => 1.0 / 2.0,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 1.0 / 4.0,
        '¾' => 3.0 / 4.0,
        '⅕' => 1.0 / 5.0,
        '⅖' => 2.0 / 5.0,
        '⅗' => 3.0 / 5.0,
        '⅘' => 4.0 / 5.0,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 1.0 / 8.0,
        '⅜' => 3.0 / 8.0,
        '⅝' => 5.0 / 8.0,
        '⅞' => 7.0 / 8.0,
        _ => return None,
    };
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(text: &str) -> Vec<(String, f64)> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| t.num().map(|n| (t.lower.clone(), n.value)))
            .collect()
    }

    #[test]
    fn separators_and_decimals() {
        assert_eq!(
            nums("1,234,567.89"),
            vec![("1,234,567.89".into(), 1_234_567.89)]
        );
        assert_eq!(nums("won 2.7 points"), vec![("2.7".into(), 2.7)]);
        assert_eq!(nums("12,34,567"), vec![("12,34,567".into(), 1_234_567.0)]);
        // Continental separators: dot thousands, comma decimals.
        assert_eq!(nums("1.000.000 €"), vec![("1.000.000".into(), 1_000_000.0)]);
        assert_eq!(
            nums("2.500.000,50 €"),
            vec![("2.500.000,50".into(), 2_500_000.5)]
        );
        assert_eq!(nums("85,5 millones"), vec![("85,5".into(), 85.5)]);
    }

    #[test]
    fn chains_split_into_integers() {
        let got: Vec<f64> = nums("10.0.0.1").into_iter().map(|(_, v)| v).collect();
        assert_eq!(got, vec![10.0, 0.0, 0.0, 1.0]);
        let got: Vec<f64> = nums("on 4/11/2021").into_iter().map(|(_, v)| v).collect();
        assert_eq!(got, vec![4.0, 11.0, 2021.0]);
    }

    #[test]
    fn suffix_stays_a_separate_word() {
        let toks = tokenize("£13.5m");
        assert_eq!(toks.len(), 3);
        assert!(toks[2].is("m"));
        assert_eq!(toks[1].end, toks[2].start);
    }
}
