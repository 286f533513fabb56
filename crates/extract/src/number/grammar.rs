//! The number grammar over tokens: integers in words and digits with scales,
//! spoken decimals (`five point five`), fractions (`two thirds`, `one and a half`,
//! `1 over 3`) and signs.
//!
//! Every parser takes a token index and returns how far it got ([`Parsed`]);
//! nothing here allocates per character.

use super::NumberKind;
use super::words::{cardinal, is_dozen, number_suffix, ordinal, scale};
use crate::lex::{Kind, Shape, Tok};

/// A quantity recognised at some token range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    /// First token (inclusive).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// Integer, decimal, fraction or power.
    pub kind: NumberKind,
}

/// A signed number at `i`: an optional `-`, `minus` or `negative`, then a quantity,
/// then an optional `over`/`out of`/`in` denominator.
pub(crate) fn number_at(toks: &[Tok], i: usize) -> Option<Parsed> {
    let (negative, j) = sign_at(toks, i);
    let mut p = quantity_at(toks, j)?;
    p = ratio_after(toks, p).unwrap_or(p);
    if negative {
        p.value = -p.value;
        p.first = i;
    }
    Some(p)
}

/// An unsigned quantity at `i`: a fraction phrase or an integer/decimal phrase.
pub(crate) fn quantity_at(toks: &[Tok], i: usize) -> Option<Parsed> {
    fraction_at(toks, i).or_else(|| int_phrase(toks, i))
}

fn sign_at(toks: &[Tok], i: usize) -> (bool, usize) {
    let Some(t) = toks.get(i) else {
        return (false, i);
    };
    let next_is_number = |k: usize| {
        toks.get(k)
            .is_some_and(|n| n.num().is_some() || cardinal(&n.lower).is_some())
    };
    if (t.is("minus") || t.is("negative")) && next_is_number(i + 1) {
        return (true, i + 1);
    }
    if !t.is_punct('-') || !next_is_number(i + 1) {
        return (false, i);
    }
    // "3 - 1" is a score or a range, "SCP-173" a name: the dash is a sign only
    // when no number or word sits right before it.
    if let Some(prev) = i.checked_sub(1).and_then(|k| toks.get(k)) {
        let glued = prev.end == t.start && matches!(prev.kind, Kind::Word | Kind::Num(_));
        if glued || prev.num().is_some() || cardinal(&prev.lower).is_some() {
            return (false, i);
        }
        // "- 5" with a space is a dash in running text unless it opens the text.
        if toks[i + 1].start != t.end {
            return (false, i);
        }
    }
    (true, i + 1)
}

/// What the previous atom of an integer phrase was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Article,
    Unit,
    Teen,
    Tens,
    Digits,
    Decimal,
    Hundred,
    Scale,
}

#[derive(Debug, Clone, Copy)]
struct IntState {
    total: f64,
    seg: f64,
    seg_has_hundred: bool,
    min_scale: f64,
    last: Last,
    end: usize,
    fraction: bool,
    power: bool,
}

/// Integers and decimals: `one hundred and twenty-five`, `2.7`, `3 hundred and 21`,
/// `1,674.5 million`, `10k`, `a dozen`, `three lakh crore`, `two point five`.
fn int_phrase(toks: &[Tok], i: usize) -> Option<Parsed> {
    let mut s = IntState {
        total: 0.0,
        seg: 0.0,
        seg_has_hundred: false,
        min_scale: f64::INFINITY,
        last: Last::Start,
        end: i,
        fraction: false,
        power: false,
    };
    let mut checkpoint: Option<IntState> = None;
    let mut k = i;
    while let Some(t) = toks.get(k) {
        let after_and = k > 0 && toks[k - 1].is("and");
        if let Some(n) = t.num() {
            if !accept_numeral(&mut s, n.shape, n.value, after_and) {
                break;
            }
            s.end = k + 1;
            k += 1;
            if let Some(next) = toks.get(k) {
                let glued = next.start == t.end && next.kind == Kind::Word;
                let spaced = !glued && next.kind == Kind::Word;
                if matches!(n.shape, Shape::Int | Shape::Decimal)
                    && (glued || spaced)
                    && let Some(m) = number_suffix(&next.raw, spaced)
                {
                    s.seg *= m;
                    s.end = k + 1;
                    break;
                }
            }
            if n.shape == Shape::Power || n.shape == Shape::Fraction {
                break;
            }
            continue;
        }
        if t.kind != Kind::Word && !t.is_punct('-') {
            break;
        }
        let w = t.lower.as_str();
        if let Some(v) = cardinal(w) {
            let ok = match s.last {
                Last::Start => true,
                Last::Tens => v > 0.0 && v < 10.0,
                Last::Hundred => v > 0.0,
                Last::Scale => v > 0.0,
                _ => false,
            };
            if !ok || (v == 0.0 && s.last != Last::Start) {
                break;
            }
            s.seg += v;
            s.last = match v {
                x if x < 10.0 => Last::Unit,
                x if x < 20.0 => Last::Teen,
                _ => Last::Tens,
            };
            s.end = k + 1;
            k += 1;
            if v == 0.0 {
                break;
            }
            continue;
        }
        if t.is_punct('-') {
            // Only inside "fifty-two" / "fifty - two".
            let unit_next = toks
                .get(k + 1)
                .and_then(|n| cardinal(&n.lower))
                .is_some_and(|v| v > 0.0 && v < 10.0);
            if s.last == Last::Tens && unit_next {
                k += 1;
                continue;
            }
            break;
        }
        if let Some(sc) = scale(w) {
            let counted = matches!(
                s.last,
                Last::Unit | Last::Teen | Last::Tens | Last::Digits | Last::Decimal | Last::Article
            );
            if sc == 100.0 && counted && !s.seg_has_hundred {
                s.seg *= 100.0;
                s.seg_has_hundred = true;
                s.last = Last::Hundred;
            } else if sc > 100.0 && (counted || s.last == Last::Hundred) && sc < s.min_scale {
                s.total += s.seg * sc;
                s.seg = 0.0;
                s.seg_has_hundred = false;
                s.min_scale = sc;
                s.last = Last::Scale;
            } else if sc > 100.0 && s.last == Last::Scale && s.seg == 0.0 && sc > s.min_scale {
                // "three lakh crore": a larger scale multiplies what came before.
                s.total *= sc;
                s.min_scale = sc;
            } else {
                // "3 hundred and 2 hundred" is two numbers: undo the "and".
                if let Some(c) = checkpoint {
                    s = c;
                }
                break;
            }
            s.end = k + 1;
            k += 1;
            continue;
        }
        if is_dozen(w)
            && matches!(
                s.last,
                Last::Unit | Last::Teen | Last::Tens | Last::Digits | Last::Article
            )
        {
            let small = s.seg % 100.0;
            s.seg = s.seg - small + small * 12.0;
            s.end = k + 1;
            break;
        }
        if (w == "a" || w == "an") && s.last == Last::Start {
            let next_counts = toks
                .get(k + 1)
                .is_some_and(|n| scale(&n.lower).is_some() || is_dozen(&n.lower));
            if !next_counts {
                break;
            }
            s.seg = 1.0;
            s.last = Last::Article;
            k += 1;
            continue;
        }
        if w == "and" && matches!(s.last, Last::Hundred | Last::Scale) {
            checkpoint = Some(s);
            k += 1;
            continue;
        }
        break;
    }
    if s.end == i {
        return None;
    }
    let mut value = s.total + s.seg;
    let mut end = s.end;
    let mut kind = if s.power {
        NumberKind::Power
    } else if s.fraction {
        NumberKind::Fraction
    } else if s.last == Last::Decimal || value.fract() != 0.0 {
        NumberKind::Decimal
    } else {
        NumberKind::Integer
    };
    if kind == NumberKind::Integer
        && let Some((frac, after)) = spoken_decimal(toks, end)
    {
        value += frac;
        end = after;
        kind = NumberKind::Decimal;
    }
    if end == i + 1 && toks[i].is("one") && follows_determiner(toks, i) {
        return None;
    }
    Some(Parsed {
        first: i,
        end,
        value,
        kind,
    })
}

fn accept_numeral(s: &mut IntState, shape: Shape, v: f64, after_and: bool) -> bool {
    match (shape, s.last) {
        (Shape::Int, Last::Start) => {
            s.seg = v;
            s.last = Last::Digits;
        }
        (Shape::Int, Last::Hundred) if v > 0.0 && v < 100.0 => {
            s.seg += v;
            s.last = Last::Digits;
        }
        (Shape::Int, Last::Scale) if v > 0.0 && v < s.min_scale && (after_and || v < 1000.0) => {
            s.seg += v;
            s.last = Last::Digits;
        }
        (Shape::Decimal, Last::Start) => {
            s.seg = v;
            s.last = Last::Decimal;
        }
        (Shape::Power, Last::Start) => {
            s.seg = v;
            s.power = true;
            s.last = Last::Decimal;
        }
        (Shape::Fraction, Last::Start) => {
            s.seg = v;
            s.fraction = true;
            s.last = Last::Decimal;
        }
        // "2 1/4": a whole number then a fraction.
        (Shape::Fraction, Last::Digits) if v < 1.0 && !s.seg_has_hundred => {
            s.seg += v;
            s.fraction = true;
            s.last = Last::Decimal;
        }
        _ => return false,
    }
    true
}

/// "The one you mentioned": a lone `one` after a determiner is a pronoun.
fn follows_determiner(toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|p| {
        matches!(
            p.lower.as_str(),
            "the"
                | "this"
                | "that"
                | "which"
                | "each"
                | "every"
                | "any"
                | "no"
                | "another"
                | "some"
                | "what"
                | "whichever"
                | "one"
        )
    })
}

/// `point zero three` → 0.03, `point seventy-one` → 0.71, `point eleven` → 0.11.
fn spoken_decimal(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    if !toks.get(i)?.is("point") {
        return None;
    }
    let mut digits = String::new();
    let mut k = i + 1;
    let first = cardinal(&toks.get(k)?.lower)?;
    if first >= 10.0 {
        let mut v = first;
        k += 1;
        if first >= 20.0 && first % 10.0 == 0.0 {
            let mut j = k;
            if toks.get(j).is_some_and(|t| t.is_punct('-')) {
                j += 1;
            }
            if let Some(u) = toks.get(j).and_then(|t| cardinal(&t.lower))
                && u > 0.0
                && u < 10.0
            {
                v += u;
                k = j + 1;
            }
        }
        digits = format!("{v}");
    } else {
        while let Some(d) = toks.get(k).and_then(|t| cardinal(&t.lower)) {
            if d >= 10.0 {
                break;
            }
            digits.push_str(&format!("{d}"));
            k += 1;
        }
    }
    let frac: f64 = format!("0.{digits}").parse().ok()?;
    Some((frac, k))
}

/// `A over B`, `A out of B`, `A in B` (the last two only when A < B, else they
/// are counts: "12 out of 10"). Never after a currency symbol ("$2000 over 3 years").
fn ratio_after(toks: &[Tok], p: Parsed) -> Option<Parsed> {
    if p.kind != NumberKind::Integer {
        return None;
    }
    let before = p.first.checked_sub(1).and_then(|k| toks.get(k));
    if before.is_some_and(|t| matches!(t.kind, Kind::Punct('$' | '£' | '€' | '¥'))) {
        return None;
    }
    let t = toks.get(p.end)?;
    let (strict, skip) = if t.is("over") {
        (false, 1)
    } else if t.is("in") {
        (true, 1)
    } else if t.is("out") && toks.get(p.end + 1).is_some_and(|n| n.is("of")) {
        (true, 2)
    } else {
        return None;
    };
    let d = int_phrase(toks, p.end + skip)?;
    if d.kind != NumberKind::Integer || d.value == 0.0 || (strict && p.value >= d.value) {
        return None;
    }
    Some(Parsed {
        first: p.first,
        end: d.end,
        value: p.value / d.value,
        kind: NumberKind::Fraction,
    })
}

/// One element of a spelled-out fraction.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    /// A cardinal, a digit integer (`digits`), or `a`/`an` (1).
    Count { v: f64, digits: bool, article: bool },
    /// `hundred`, `thousand`, …
    Scale(f64),
    /// `and`.
    And,
}

impl Item {
    fn value(self) -> f64 {
        match self {
            Item::Count { v, .. } | Item::Scale(v) => v,
            Item::And => 0.0,
        }
    }
}

/// Most tokens a spelled-out fraction's numerator and denominator span: the
/// longest real ones ("one hundred and twenty-three thousand four hundred
/// and fifty-six millionths") take 14. Without a bound, a text of counts
/// with no ordinal after them ("1 1 1 …") was read to its end from every
/// token: 128 KB of it took 21 s to ingest.
const MAX_FRACTION_TOKENS: usize = 32;

/// Spelled-out fractions: `two thirds`, `one and a half`, `a hundred trillionths`,
/// `one hundred thirty fifths` (100/35), `three quarters billion`, `half a dozen`.
fn fraction_at(toks: &[Tok], i: usize) -> Option<Parsed> {
    let mut items: Vec<Item> = Vec::new();
    let mut k = i;
    let (den, plural, compound) = loop {
        if k - i >= MAX_FRACTION_TOKENS {
            return None;
        }
        let t = toks.get(k)?;
        if t.is_punct('-') && !items.is_empty() {
            k += 1;
            continue;
        }
        if let Some(n) = t.num() {
            if n.shape != Shape::Int {
                return None;
            }
            items.push(Item::Count {
                v: n.value,
                digits: true,
                article: false,
            });
            k += 1;
            continue;
        }
        let w = t.lower.as_str();
        // "twenty-first", "thirty-fifth": a hyphen binds tens to a unit ordinal.
        if let Some(Item::Count {
            v: tens,
            digits: false,
            ..
        }) = items.last().copied()
            && tens >= 20.0
            && tens % 10.0 == 0.0
            && k > 0
            && toks[k - 1].is_punct('-')
            && let Some((o, pl)) = ordinal(w)
            && o < 10.0
        {
            items.pop();
            break (tens + o, pl, true);
        }
        if let Some((o, pl)) = ordinal(w) {
            break (o, pl, false);
        }
        if let Some(v) = cardinal(w) {
            // Hyphenated "ninety-five" is one item.
            if let Some(Item::Count {
                v: tens,
                digits: false,
                ..
            }) = items.last().copied()
                && k > 0
                && toks[k - 1].is_punct('-')
                && tens >= 20.0
                && tens % 10.0 == 0.0
                && v > 0.0
                && v < 10.0
            {
                items.pop();
                items.push(Item::Count {
                    v: tens + v,
                    digits: false,
                    article: false,
                });
            } else {
                items.push(Item::Count {
                    v,
                    digits: false,
                    article: false,
                });
            }
        } else if let Some(s) = scale(w) {
            items.push(Item::Scale(s));
        } else if w == "and" && !items.is_empty() {
            items.push(Item::And);
        } else if w == "a" || w == "an" {
            items.push(Item::Count {
                v: 1.0,
                digits: false,
                article: true,
            });
        } else {
            return None;
        }
        k += 1;
    };
    let ord_tok = k;
    // `first`/`second` alone are not denominators ("a first class seat"), only
    // after tens: "three twenty firsts".
    let after_tens = matches!(items.last(), Some(Item::Count { v, digits: false, .. })
        if *v >= 20.0 && *v < 100.0 && v % 10.0 == 0.0);
    let halves = matches!(toks[ord_tok].lower.as_str(), "half" | "halves");
    if den < 3.0 && !compound && !after_tens && !halves {
        return None;
    }
    let (num_items, den_value) = split_denominator(&items, den)?;
    let trailing = trailing_scale(toks, ord_tok + 1);
    let ord = toks[ord_tok].lower.as_str();
    let mut value = numerator_value(num_items, den_value, plural, ord, trailing.is_some())?;
    let mut end = ord_tok + 1;
    if let Some((mult, after)) = trailing {
        value = scale_fraction(num_items, den_value, mult)?;
        end = after;
    }
    let kind = if value.fract() == 0.0 && end > ord_tok + 1 {
        NumberKind::Integer
    } else {
        NumberKind::Fraction
    };
    Some(Parsed {
        first: i,
        end,
        value,
        kind,
    })
}

/// Walks back from the ordinal, absorbing words that compose with it into the
/// denominator ("thirty fifth" = 35th, "one hundred fifth" = 105th), and returns
/// the numerator words and the denominator's value.
fn split_denominator(items: &[Item], den: f64) -> Option<(&[Item], f64)> {
    let composable = |big: f64, small: f64| {
        let base = if small > 10.0 { 100.0 } else { 10.0 };
        big >= base && big % base == 0.0
    };
    // A round ordinal ("hundredths", "trillionths") never absorbs: "fifty-four
    // hundredths" is 54/100.
    let mut split = items.len();
    if den < 100.0 {
        let mut prev = den;
        let mut round = 1.0;
        for idx in (0..items.len()).rev() {
            let item = items[idx];
            if item == Item::And {
                continue;
            }
            if matches!(item, Item::Count { digits: true, .. }) {
                break;
            }
            let cur = item.value();
            let absorb = (prev >= 100.0 && prev > cur) || (prev < 100.0 && composable(cur, prev));
            if !absorb {
                break;
            }
            if prev < 100.0 {
                if cur >= round {
                    round = cur;
                } else {
                    break;
                }
            }
            if idx == 0 {
                // Everything composes: keep the longest numerator that ends on a
                // round word followed by a small one ("one hundred | thirty fifths").
                split = items.len();
                for s in 1..items.len() {
                    let next = items.get(s + 1).map_or(den, |n| n.value());
                    let next_is_and = items.get(s + 1) == Some(&Item::And);
                    if items[s].value() >= 100.0 && !next_is_and && next < 100.0 {
                        split = s + 1;
                        break;
                    }
                }
                break;
            }
            split = idx;
            prev = cur;
        }
    }
    let den_value = eval_items(&items[split..]).map_or(den, |v| v + den);
    Some((&items[..split], den_value))
}

/// Numerator, with a mixed whole part after the last `and`:
/// "one hundred and three quarters" = 100 + 3/4.
fn numerator_value(items: &[Item], den: f64, plural: bool, ord: &str, scaled: bool) -> Option<f64> {
    let (whole, numer) = split_mixed(items);
    if numer
        .iter()
        .any(|i| matches!(i, Item::Count { digits: true, .. }))
    {
        return None;
    }
    let n = if numer.is_empty() {
        // Bare "half" means one half, and "quarter million" a quarter of one;
        // other bare ordinals are not fractions ("third quarter").
        let bare_ok = ord == "half" || (ord == "quarter" && scaled);
        if !bare_ok || !whole.is_empty() {
            return None;
        }
        1.0
    } else {
        eval_items(numer)?
    };
    if !plural {
        let single_one = numer.len() == 1
            && matches!(numer[0], Item::Count { v, article, .. } if article || v == 1.0);
        if !(single_one || numer.is_empty()) {
            return None;
        }
    }
    let w = if whole.is_empty() {
        0.0
    } else {
        eval_items(whole)?
    };
    let has_and = !whole.is_empty();
    if has_and && let Some(Item::Scale(big)) = whole.last().filter(|i| i.value() >= 1000.0) {
        // "3 million and a half" is 3.5 million.
        return Some(w + n / den * big);
    }
    Some(if has_and && n < den {
        w + n / den
    } else {
        (w + n) / den
    })
}

fn split_mixed(items: &[Item]) -> (&[Item], &[Item]) {
    match items.iter().rposition(|i| *i == Item::And) {
        Some(p) => (&items[..p], &items[p + 1..]),
        None => (&[], items),
    }
}

/// After a fraction: `million`, `of a million`, `a dozen`.
fn trailing_scale(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let t = toks.get(i)?;
    if let Some(s) = scale(&t.lower).filter(|s| *s >= 1000.0) {
        return Some((s, i + 1));
    }
    let mut k = i;
    if t.is("of") {
        k += 1;
    }
    let a = toks.get(k)?;
    if a.is("a") || a.is("an") {
        let n = toks.get(k + 1)?;
        if let Some(s) = scale(&n.lower).filter(|s| *s >= 1000.0) {
            return Some((s, k + 2));
        }
        if is_dozen(&n.lower) && k == i {
            return Some((12.0, k + 2));
        }
    }
    None
}

/// "five and a half million" = 5.5e6 but "one billion and a half million" =
/// 1e9 + 0.5e6: the scale multiplies the whole part only when it is smaller.
fn scale_fraction(items: &[Item], den: f64, mult: f64) -> Option<f64> {
    let (whole, numer) = split_mixed(items);
    let n = if numer.is_empty() {
        1.0
    } else {
        eval_items(numer)?
    };
    let w = if whole.is_empty() {
        0.0
    } else {
        eval_items(whole)?
    };
    Some(if w >= mult {
        w + n / den * mult
    } else {
        (w + n / den) * mult
    })
}

/// Value of a simple integer word list (`and` ignored), or None when empty.
fn eval_items(items: &[Item]) -> Option<f64> {
    let mut total = 0.0;
    let mut seg = 0.0;
    let mut any = false;
    for item in items {
        match *item {
            Item::Count { v, .. } => {
                seg += v;
                any = true;
            }
            Item::Scale(100.0) => {
                seg = if seg == 0.0 { 100.0 } else { seg * 100.0 };
                any = true;
            }
            Item::Scale(s) => {
                total += if seg == 0.0 { 1.0 } else { seg } * s;
                seg = 0.0;
                any = true;
            }
            Item::And => {}
        }
    }
    any.then_some(total + seg)
}
