//! The money grammar over tokens:
//! `[prefix currency] amount [scale] [- [prefix] amount [scale]] [suffix currency]
//! [and cents] [period]`, with at least one currency.

use super::Period;
use super::currency::{Currency, any_at, prefix_at, suffix_at};
use crate::lex::{Kind, Shape, Tok};
use crate::number::{cardinal, is_abbreviated_scale, number_suffix, quantity_at, scale};

/// One money figure before pairing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub first: usize,
    /// One past the last token of the figure (the period is not part of it).
    pub end: usize,
    pub code: &'static str,
    pub value: f64,
    pub range: Option<(f64, f64)>,
    pub period: Option<Period>,
    /// Token index after the period, if any.
    pub tail: usize,
}

/// An amount: a quantity plus a trailing money scale (`13.5m`, `18million`).
#[derive(Debug, Clone, Copy)]
struct Amount {
    end: usize,
    value: f64,
    scaled: bool,
}

fn amount_at(toks: &[Tok], i: usize) -> Option<Amount> {
    let p = quantity_at(toks, i)?;
    let mut scaled = toks[p.first..p.end].iter().any(|t| {
        scale(&t.lower).is_some_and(|s| s >= 1000.0)
            || (t.kind == Kind::Word && number_suffix(&t.raw, false).is_some())
    });
    let mut value = p.value;
    let mut end = p.end;
    // "US$44-billion": a hyphenated scale word.
    if !scaled
        && toks
            .get(end)
            .is_some_and(|t| t.is_punct('-') && t.start == toks[end - 1].end)
        && let Some(s) = toks
            .get(end + 1)
            .and_then(|t| scale(&t.lower))
            .filter(|s| *s >= 1000.0)
    {
        value *= s;
        end += 2;
        scaled = true;
    }
    // Lower-case `m` is a metre for bare numbers but a million after money: £13.5m.
    if let Some(next) = toks.get(end)
        && next.kind == Kind::Word
        && next.start == toks[end - 1].end
        && matches!(next.lower.as_str(), "m" | "mn" | "mln")
        && !scaled
    {
        value *= 1e6;
        end += 1;
        scaled = true;
    }
    Some(Amount { end, value, scaled })
}

/// Years such as `1989` read better as dates than as `1989 $`.
fn looks_like_year(toks: &[Tok], first: usize, a: &Amount) -> bool {
    a.end == first + 1
        && toks[first]
            .num()
            .is_some_and(|n| n.shape == Shape::Int && (1900.0..2100.0).contains(&n.value))
}

/// Money starting at token `i`, if any.
pub(crate) fn money_at(toks: &[Tok], i: usize) -> Option<Found> {
    if let Some(cur) = prefix_at(toks, i)
        && let Some(found) = prefixed(toks, i, cur)
    {
        return Some(found);
    }
    suffixed(toks, i)
}

fn prefixed(toks: &[Tok], i: usize, cur: Currency) -> Option<Found> {
    let a = amount_at(toks, cur.end)?;
    let mut f = Found {
        first: i,
        end: a.end,
        code: cur.code,
        value: a.value * cur.mult,
        range: None,
        period: None,
        tail: a.end,
    };
    // "75 USD million", "USD 22.5 million" are covered by amount_at; "$10 dollars" is not money style.
    if let Some((lo, hi, end)) = range_after(toks, a, Some(cur)) {
        f.value = lo * cur.mult;
        f.range = Some((lo * cur.mult, hi * cur.mult));
        f.end = end;
    }
    if let Some((cents, end)) = cents_after(toks, f.end, true) {
        f.value += cents;
        f.end = end;
    }
    Some(finish(toks, f))
}

fn suffixed(toks: &[Tok], i: usize) -> Option<Found> {
    let first = toks.get(i)?;
    if first.num().is_none() && cardinal(&first.lower).is_none() && !starts_word_amount(first) {
        return None;
    }
    let a = amount_at(toks, i)?;
    let (mut value, mut lo_hi, mut k) = (a.value, None, a.end);
    if let Some((lo, hi, end)) = range_after(toks, a, None) {
        value = lo;
        lo_hi = Some((lo, hi));
        k = end;
    }
    // "12-cent", "one-yen".
    let hyphen = toks.get(k).is_some_and(|t| t.is_punct('-'));
    let at = if hyphen { k + 1 } else { after_scale(toks, k) };
    let mut cur = suffix_at(toks, at).or_else(|| glued_pence(toks, at))?;
    // "USD50": a code glued to the next figure belongs to that figure.
    if toks
        .get(cur.end)
        .is_some_and(|n| n.num().is_some() && n.start == toks[cur.end - 1].end)
    {
        return None;
    }
    if matches!(toks[at].kind, Kind::Punct(_)) && (hyphen || looks_like_year(toks, i, &a)) {
        return None;
    }
    let mut end = cur.end;
    // "75 USD million".
    if !a.scaled
        && let Some(s) = toks
            .get(end)
            .and_then(|t| scale(&t.lower))
            .filter(|s| *s >= 1000.0)
    {
        value *= s;
        lo_hi = lo_hi.map(|(l, h)| (l * s, h * s));
        end += 1;
        cur.end = end;
    }
    let mut f = Found {
        first: i,
        end,
        code: cur.code,
        value: value * cur.mult,
        range: lo_hi.map(|(l, h)| (l * cur.mult, h * cur.mult)),
        period: None,
        tail: end,
    };
    if !cur.minor
        && lo_hi.is_none()
        && let Some((cents, end)) = cents_after(toks, f.end, false)
    {
        f.value += cents * cur.mult;
        f.end = end;
    }
    Some(finish(toks, f))
}

/// Where the currency may start after a scale word that ends at `k`: past the
/// full stop of an abbreviation (`80 Mio. €`) and the "of" of Romance languages
/// (`75 milhões de euros`, `150 milioni di euro`, `2 millions d'euros`).
/// Without a scale word before it, `k` itself.
fn after_scale(toks: &[Tok], k: usize) -> usize {
    let Some(last) = k.checked_sub(1).and_then(|j| toks.get(j)) else {
        return k;
    };
    if scale(&last.lower).is_none_or(|s| s < 1000.0) {
        return k;
    }
    let glued_dot = toks
        .get(k)
        .is_some_and(|t| t.is_punct('.') && t.start == last.end);
    if glued_dot && is_abbreviated_scale(&last.lower) {
        return k + 1;
    }
    match toks.get(k).map(|t| t.lower.as_str()) {
        Some("de" | "di" | "del" | "dei") => k + 1,
        Some("d")
            if toks
                .get(k + 1)
                .is_some_and(|t| t.is_punct('\'') || t.is_punct('’')) =>
        {
            k + 2
        }
        _ => k,
    }
}

fn starts_word_amount(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "a" | "an" | "half" | "quarter")
}

/// `50p` is fifty pence.
fn glued_pence(toks: &[Tok], i: usize) -> Option<Currency> {
    let t = toks.get(i)?;
    let prev = toks.get(i.checked_sub(1)?)?;
    (t.is("p") && prev.num().is_some() && prev.end == t.start).then_some(Currency {
        code: "GBP",
        mult: 0.01,
        end: i + 1,
        minor: true,
    })
}

/// `£15-£20million`, `£15m-£20m`, `£15-20m`, `15-20 million euros`: the second
/// figure's scale applies to an unscaled first one.
fn range_after(toks: &[Tok], a: Amount, cur: Option<Currency>) -> Option<(f64, f64, usize)> {
    let dash = toks.get(a.end)?;
    if !matches!(dash.kind, Kind::Punct('-' | '–' | '—')) {
        return None;
    }
    let mut k = a.end + 1;
    if let Some(c) = cur
        && let Some(c2) = prefix_at(toks, k)
    {
        if c2.code != c.code {
            return None;
        }
        k = c2.end;
    }
    let t = toks.get(k)?;
    t.num()?;
    let b = amount_at(toks, k)?;
    let lo = if b.scaled && !a.scaled {
        let factor = scale_of(toks, k, b);
        a.value * factor
    } else {
        a.value
    };
    (lo < b.value).then_some((lo, b.value, b.end))
}

/// The scale applied to amount `b` starting at `k`: its value over its bare figure.
fn scale_of(toks: &[Tok], k: usize, b: Amount) -> f64 {
    match toks[k].num() {
        Some(n) if n.value != 0.0 => b.value / n.value,
        _ => 1.0,
    }
}

/// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50".
/// Without a minor-unit word, the figure must close the phrase: "50 dollar 50
/// dollar" is two amounts. After a prefix currency an `and` is required.
fn cents_after(toks: &[Tok], i: usize, prefix: bool) -> Option<(f64, usize)> {
    let mut k = i;
    let has_and = toks.get(k).is_some_and(|t| t.is("and"));
    if has_and {
        k += 1;
    }
    if prefix && !has_and {
        return None;
    }
    let t = toks.get(k)?;
    if t.num().is_some_and(|n| n.shape != Shape::Int) {
        return None;
    }
    let p = quantity_at(toks, k)?;
    if p.value < 1.0 || p.value >= 100.0 || p.value.fract() != 0.0 {
        return None;
    }
    if let Some(unit) = suffix_at(toks, p.end) {
        return unit.minor.then_some((p.value / 100.0, unit.end));
    }
    let closes = match toks.get(p.end) {
        None => true,
        Some(n) if any_at(toks, p.end) || n.num().is_some() => false,
        Some(n) if n.kind == Kind::Word => {
            matches!(
                n.lower.as_str(),
                "and" | "more" | "less" | "or" | "plus" | "extra"
            )
        }
        Some(_) => true,
    };
    closes.then_some((p.value / 100.0, p.end))
}

/// Attaches a pay period: `-a-week`, `a week`, `per week`, `per annum`, `a year`
/// (but not "a year earlier").
fn finish(toks: &[Tok], mut f: Found) -> Found {
    let mut k = f.end;
    if toks
        .get(k)
        .is_some_and(|t| t.is_punct('-') || t.is_punct('/'))
    {
        k += 1;
    }
    let slash = k > f.end && toks[k - 1].is_punct('/');
    let Some(t) = toks.get(k) else { return f };
    if !slash && !matches!(t.lower.as_str(), "a" | "an" | "per" | "each" | "every") {
        return f;
    }
    if !slash {
        k += 1;
        if toks.get(k).is_some_and(|t| t.is_punct('-')) {
            k += 1;
        }
    }
    let Some(unit) = toks.get(k) else { return f };
    let period = match unit.lower.as_str() {
        "hour" => Period::Hour,
        "day" => Period::Day,
        "week" => Period::Week,
        "month" => Period::Month,
        "year" | "annum" => Period::Year,
        _ => return f,
    };
    let relative = toks.get(k + 1).is_some_and(|n| {
        matches!(
            n.lower.as_str(),
            "earlier" | "ago" | "before" | "later" | "after" | "on" | "from" | "since"
        )
    });
    if !relative {
        f.period = Some(period);
        f.tail = k + 1;
    }
    f
}
