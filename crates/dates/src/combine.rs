//! From atoms to mentions: pick non-overlapping atoms, merge a weekday with
//! the date it names ("Tue May 9"), merge two atoms into a range ("from
//! March to May", "2014-2018"), apply modifiers ("since 2010", "2 weeks
//! before Christmas"), then resolve with the tense of the clause.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::lexicon::{count, count_fragment};
use crate::model::{DateMention, Granularity, Resolved, Value};
use crate::resolve::{Cal, Expr, Unit, WeekShift, resolve, resolve_cal_range, shift};
use crate::rules::{Atom, Role};
use crate::tense::{Tense, tense_at};

static RANGE_GAP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::rules::regex(r"(?i)^\s*(?P<c>-|–|~|to|till|until|through|thru|and)\s*(?:the\s+)?$").ok()
});
static RANGE_PREFIX: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"(?i)\b(?P<p>from|between)\s+(?:the\s+)?$").ok());
static WEEKDAY_GAP: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"^[\s,(\-]*$").ok());
static WEEKDAY_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let od = crate::lexicon::ordinal_day_fragment();
    crate::rules::regex(&format!(
        r"(?i)^\s*,?\s*(?:(?:the\s+)?(?P<o>{od})|(?P<d>\d{{1,2}})(?:\s*[!?.,;](?:\D|$)|\s*$))"
    ))
    .ok()
});
static WEEK_OF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::rules::regex(r"(?i)(?:\bthe\s+week\s+(?:of|beginning|starting(?:\s+on)?|commencing)(?:\s+the)?|\bw/c)\s+$").ok()
});
static REL_PREFIX: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"(?i)\b(?P<r>this|next|last)\s+$").ok());
static REL_YEAR_SUFFIX: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"(?i)^,?\s+(?P<r>this|next|last)\s+year\b").ok());
static MOD_PREFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::rules::regex(r"(?i)\b(?P<m>by|since|after|before|until|till|starting(?:\s+on|\s+from)?|beginning(?:\s+on)?|as\s+early\s+as|as\s+late\s+as|no\s+later\s+than|later\s+than|greater\s+than|earlier\s+than|prior\s+to)\s+(?:the\s+)?$").ok()
});
static MOD_SUFFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::rules::regex(r"(?i)^\s+(?:or|and)\s+(?P<m>later|after|greater|earlier|before)\b").ok()
});
static OFFSET_PREFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let n = count_fragment();
    crate::rules::regex(&format!(
        r"(?i)\b(?P<n>{n})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<d>before|after|from)\s+$"
    ))
    .ok()
});

static OFFSET_TEXT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let n = count_fragment();
    crate::rules::regex(&format!(
        r"(?i)^(?:in\s+)?(?:{n})\s+(?:days?|weeks?|months?|years?)\b"
    ))
    .ok()
});
static WEEKDAY_BEFORE_GAP: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"^\s*,?\s*$").ok());
static WEEKDAY_AFTER_GAP: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"(?i)^\s+on\s+$").ok());

static WEEK_WEEKDAY_GAP: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"(?i)^\.?\s*,?\s+on\s+$").ok());

static IN_UNITS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let n = count_fragment();
    crate::rules::regex(&format!(
        r"(?i)^in\s+(?P<n>{n})\s+(?P<unit>days?|weeks?|months?|years?)$"
    ))
    .ok()
});
static SINCE_GAP: LazyLock<Option<Regex>> =
    LazyLock::new(|| crate::rules::regex(r"(?i)^\s+since\s+(?:the\s+)?$").ok());

/// An atom on its way to a mention.
struct Item {
    span: std::ops::Range<usize>,
    expr: Expr,
    weak: bool,
    role: Role,
}

/// Turns atoms found in `text` into resolved mentions.
pub fn combine(text: &str, reference: Date, atoms: Vec<Atom>) -> Vec<DateMention> {
    let mut items = select(atoms);
    apply_relative_year(text, reference, &mut items);
    merge_weekday_dates(text, reference, &mut items);
    merge_ranges(text, reference, &mut items);
    merge_from_to_date(text, reference, &mut items);
    extend_range_prefix(text, &mut items);
    apply_week_of(text, reference, &mut items);
    merge_holiday_weekends(text, reference, &mut items);
    apply_offsets(text, reference, &mut items);
    apply_stretches(text, reference, &mut items);
    merge_weekday_offsets(text, reference, &mut items);
    merge_week_weekday(text, reference, &mut items);
    merge_in_units_since(text, reference, &mut items);
    apply_modifiers(text, reference, &mut items);
    items
        .into_iter()
        .filter(|it| !it.weak)
        .filter_map(|it| {
            let tense = tense_at(text, it.span.clone());
            let mut resolved = resolve(it.expr, reference, tense)?;
            if it.role == Role::Plain && matches!(it.expr, Expr::Fixed(_)) {
                resolved = by_tense(text, &it.span, resolved, reference, tense);
            }
            Some(DateMention {
                text: text[it.span.clone()].to_string(),
                span: it.span,
                resolved,
            })
        })
        .collect()
}

/// A bare "the weekend" or "winter" in a past-tense clause is the latest
/// one, not the coming one.
fn by_tense(
    text: &str,
    span: &std::ops::Range<usize>,
    r: Resolved,
    reference: Date,
    tense: Option<Tense>,
) -> Resolved {
    let word = text[span.clone()].to_ascii_lowercase();
    // "that weekend" points back to a weekend already in view, not by tense.
    let bare = !["this", "next", "last", "that"]
        .iter()
        .any(|w| word.contains(w));
    if !bare || tense != Some(Tense::Past) {
        return r;
    }
    let (days, months) = match r.granularity {
        Granularity::Weekend => (7, 0),
        Granularity::Season => (0, 12),
        _ => return r,
    };
    match r.value {
        Value::Range {
            start: Some(s),
            end: Some(e),
        } if s > reference => {
            let back = |d: Date| {
                if days > 0 {
                    shift(d, -days, Unit::Day)
                } else {
                    shift(d, -months, Unit::Month)
                }
            };
            Resolved::range(back(s), back(e), r.granularity, reference)
        }
        _ => r,
    }
}

/// Longest atoms first, strong before weak, then leftmost; no overlaps.
fn select(mut atoms: Vec<Atom>) -> Vec<Item> {
    atoms.sort_by_key(|a| (std::cmp::Reverse(a.span.len()), a.weak, a.span.start));
    let mut chosen: Vec<Atom> = Vec::new();
    for a in atoms {
        if chosen
            .iter()
            .all(|c| a.span.end <= c.span.start || a.span.start >= c.span.end)
        {
            chosen.push(a);
        }
    }
    chosen.sort_by_key(|a| a.span.start);
    chosen
        .into_iter()
        .map(|a| Item {
            span: a.span,
            expr: a.expr,
            weak: a.weak,
            role: a.role,
        })
        .collect()
}

fn is_full_cal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Cal(Cal {
            month: Some(_),
            day: Some(_),
            ..
        })
    )
}

/// "Tue May 9", "Friday 7/6", "this Friday (Jun-15)": the date wins, in
/// the year that puts it nearest the reference. "Monday 21", "Tuesday the
/// eleventh": the nearest date with that day and weekday.
fn merge_weekday_dates(text: &str, reference: Date, items: &mut Vec<Item>) {
    let (Some(gap_re), Some(day_re)) = (WEEKDAY_GAP.as_ref(), WEEKDAY_DAY.as_ref()) else {
        return;
    };
    for it in items.iter_mut() {
        let Expr::Weekday(wd, _) = it.expr else {
            continue;
        };
        let Some(c) = day_re.captures(&text[it.span.end..]) else {
            continue;
        };
        let Some(dm) = c.name("o").or_else(|| c.name("d")) else {
            continue;
        };
        let Some(day) =
            crate::lexicon::small_number(dm.as_str()).and_then(|d| i8::try_from(d).ok())
        else {
            continue;
        };
        let tense = tense_at(text, it.span.clone());
        if let Some(d) = weekday_with_day(wd, day, reference, tense) {
            it.span = it.span.start..it.span.end + dm.end();
            it.expr = Expr::Fixed(Resolved::day(d, reference));
            it.weak = false;
        }
    }
    // Drop atoms swallowed by a grown weekday.
    let mut k = 1;
    while k < items.len() {
        if items[k].span.start < items[k - 1].span.end {
            items.remove(k);
        } else {
            k += 1;
        }
    }
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let gap = &text[a.span.end..b.span.start];
        if matches!(a.expr, Expr::Weekday(..)) && is_full_cal(&b.expr) && gap_re.is_match(gap) {
            let mut end = b.span.end;
            if gap.contains('(') && text[end..].starts_with(')') {
                end += 1;
            }
            let start = a.span.start;
            let Some(r) = resolve(b.expr, reference, None) else {
                i += 1;
                continue;
            };
            let expr = Expr::Fixed(r);
            items[i] = Item {
                span: start..end,
                expr,
                weak: false,
                role: Role::Plain,
            };
            items.remove(i + 1);
        }
        i += 1;
    }
}

/// The date with day of month `day` falling on `wd`, chosen by tense
/// among the occurrences within a year either side of the reference.
fn weekday_with_day(
    wd: jiff::civil::Weekday,
    day: i8,
    reference: Date,
    tense: Option<Tense>,
) -> Option<Date> {
    let first = reference.first_of_month();
    let cands: Vec<Date> = (-12..=12)
        .filter_map(|k| {
            let m = shift(first, k, Unit::Month)?;
            Date::new(m.year(), m.month(), day).ok()
        })
        .filter(|d| d.weekday() == wd)
        .collect();
    match tense {
        Some(Tense::Past) => cands.iter().rev().find(|d| **d <= reference).copied(),
        Some(Tense::Future) => cands.iter().find(|d| **d >= reference).copied(),
        None => cands
            .iter()
            .min_by_key(|d| (**d - reference).get_days().abs())
            .copied(),
    }
}

/// "this 5/12", "next 6th of April", "on June 12 last year", "4 July
/// this year": a month and day in the year a "this/next/last" names,
/// before or after it.
fn apply_relative_year(text: &str, reference: Date, items: &mut [Item]) {
    let (Some(re), Some(suffix)) = (REL_PREFIX.as_ref(), REL_YEAR_SUFFIX.as_ref()) else {
        return;
    };
    for it in items.iter_mut() {
        let Expr::Cal(
            c @ Cal {
                year: None,
                month: Some(_),
                day: Some(_),
            },
        ) = it.expr
        else {
            continue;
        };
        let before = re
            .captures(&text[..it.span.start])
            .and_then(|m| Some((m.get(0)?.start()..it.span.end, m.name("r")?)));
        let after = || {
            suffix
                .captures(&text[it.span.end..])
                .and_then(|m| Some((it.span.start..it.span.end + m.get(0)?.end(), m.name("r")?)))
        };
        let Some((span, r)) = before.or_else(after) else {
            continue;
        };
        let k = match r.as_str().to_ascii_lowercase().as_str() {
            "next" => 1,
            "last" => -1,
            _ => 0,
        };
        it.expr = Expr::Cal(Cal {
            year: Some(reference.year() + k),
            ..c
        });
        it.span = span;
    }
}

/// "from 5/1-5/7", "between 10/1-11/7": ranges found whole by one rule
/// take a preceding "from" or "between" into their span.
fn extend_range_prefix(text: &str, items: &mut [Item]) {
    let Some(re) = RANGE_PREFIX.as_ref() else {
        return;
    };
    for it in items.iter_mut() {
        if !matches!(it.expr, Expr::CalRange(..)) {
            continue;
        }
        if let Some(m) = re.captures(&text[..it.span.start]).and_then(|c| c.get(0)) {
            it.span = m.start()..it.span.end;
        }
    }
}

/// "from March to date": from the start of the first to the reference.
fn merge_from_to_date(text: &str, reference: Date, items: &mut Vec<Item>) {
    let Some(pre_re) = RANGE_PREFIX.as_ref() else {
        return;
    };
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let b_text = text[b.span.clone()].to_ascii_lowercase();
        let to_date = matches!(
            b_text.split_whitespace().collect::<Vec<_>>().as_slice(),
            ["to" | "till" | "until", "date"]
        );
        let from = pre_re
            .captures(&text[..a.span.start])
            .filter(|c| {
                c.name("p")
                    .is_some_and(|p| p.as_str().eq_ignore_ascii_case("from"))
            })
            .and_then(|c| c.get(0));
        let gap_ok = text[a.span.end..b.span.start].trim().is_empty();
        let start = resolve(a.expr, reference, Some(Tense::Past)).and_then(|r| r.start());
        match (to_date && gap_ok, from, start) {
            (true, Some(f), Some(s)) if s < reference => {
                items[i] = Item {
                    span: f.start()..b.span.end,
                    expr: Expr::Fixed(Resolved::range(
                        Some(s),
                        Some(reference),
                        Granularity::Span,
                        reference,
                    )),
                    weak: false,
                    role: Role::Plain,
                };
                items.remove(i + 1);
            }
            _ => {}
        }
        i += 1;
    }
}

/// "the week of April 10th", "w/c Feb 4": the Monday-to-Sunday week
/// containing the day.
fn apply_week_of(text: &str, reference: Date, items: &mut [Item]) {
    let Some(re) = WEEK_OF.as_ref() else { return };
    for it in items.iter_mut() {
        let Some(m) = re.captures(&text[..it.span.start]).and_then(|c| c.get(0)) else {
            continue;
        };
        let tense = tense_at(text, it.span.clone());
        let Some(r) = resolve(it.expr, reference, tense) else {
            continue;
        };
        let Value::Day(d) = r.value else { continue };
        let mon = crate::resolve::week_start(d);
        it.span = m.start()..it.span.end;
        it.expr = Expr::Fixed(Resolved::range(
            Some(mon),
            shift(mon, 7, Unit::Day),
            Granularity::Week,
            reference,
        ));
        it.weak = false;
        it.role = Role::Plain;
    }
}

fn bound(item: &Item, reference: Date, tense: Option<Tense>, use_end: bool) -> Option<Date> {
    let r = resolve(item.expr, reference, tense)?;
    if use_end { r.end() } else { r.start() }
}

/// "from X to Y", "between X and Y", "X - Y", "X through Y".
fn merge_ranges(text: &str, reference: Date, items: &mut Vec<Item>) {
    let (Some(gap_re), Some(pre_re)) = (RANGE_GAP.as_ref(), RANGE_PREFIX.as_ref()) else {
        return;
    };
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let gap = &text[a.span.end..b.span.start];
        let Some(conn) = gap_re.captures(gap).and_then(|c| c.name("c")) else {
            i += 1;
            continue;
        };
        let prefix = pre_re.captures(&text[..a.span.start]);
        let pword = prefix
            .as_ref()
            .and_then(|c| c.name("p"))
            .map(|m| m.as_str().to_ascii_lowercase());
        let conn = conn.as_str().to_ascii_lowercase();
        let ok_conn = conn != "and" || pword.as_deref() == Some("between");
        if !ok_conn {
            i += 1;
            continue;
        }
        let start_pos = prefix
            .as_ref()
            .and_then(|c| c.get(0))
            .map_or(a.span.start, |m| m.start());
        let span = start_pos..b.span.end;
        let tense = tense_at(text, span.clone());
        let range = match (a.expr, b.expr) {
            (Expr::Cal(x), Expr::Cal(y)) => resolve_cal_range(x, y, reference, tense),
            (Expr::Weekday(wa, sa @ WeekShift::Week(_)), Expr::Weekday(wb, WeekShift::Bare)) => {
                let s = resolve(Expr::Weekday(wa, sa), reference, tense).and_then(|r| r.start());
                let e = resolve(Expr::Weekday(wb, sa), reference, tense).and_then(|r| r.start());
                match (s, e) {
                    (Some(s), Some(e)) if s < e => Some(Resolved::range(
                        Some(s),
                        Some(e),
                        Granularity::Span,
                        reference,
                    )),
                    _ => None,
                }
            }
            _ => {
                let s = bound(a, reference, tense, a.role == Role::EndPart);
                let e = bound(b, reference, tense, b.role == Role::EndPart);
                match (s, e) {
                    (Some(s), Some(e)) if s < e => Some(Resolved::range(
                        Some(s),
                        Some(e),
                        Granularity::Span,
                        reference,
                    )),
                    _ => None,
                }
            }
        };
        match range {
            Some(r) if !(a.weak && b.weak && pword.is_none() && conn != "-") || pword.is_some() => {
                items[i] = Item {
                    span,
                    expr: Expr::Fixed(r),
                    weak: false,
                    role: Role::Plain,
                };
                items.remove(i + 1);
            }
            _ => i += 1,
        }
    }
}

/// "2 weeks before Christmas", "3 days after January 12th".
fn apply_offsets(text: &str, reference: Date, items: &mut [Item]) {
    let Some(re) = OFFSET_PREFIX.as_ref() else {
        return;
    };
    for it in items.iter_mut() {
        let Some(c) = re.captures(&text[..it.span.start]) else {
            continue;
        };
        let (Some(whole), Some(n), Some(unit), Some(d)) =
            (c.get(0), c.name("n"), c.name("unit"), c.name("d"))
        else {
            continue;
        };
        // "2 weeks before Christmas": the coming holiday, whatever the
        // tense of the clause.
        let tense = if matches!(it.expr, Expr::Holiday(_)) {
            Some(Tense::Future)
        } else {
            tense_at(text, it.span.clone())
        };
        let Some(base) = resolve(it.expr, reference, tense) else {
            continue;
        };
        let Value::Day(day) = base.value else {
            continue;
        };
        let (Some(n), Some(unit)) = (count(n.as_str()), Unit::parse(unit.as_str())) else {
            continue;
        };
        let sign = if d.as_str().eq_ignore_ascii_case("before") {
            -1
        } else {
            1
        };
        if let Some(new) = shift(day, sign * n, unit) {
            it.span = whole.start()..it.span.end;
            it.expr = Expr::Fixed(Resolved::day(new, reference));
            it.weak = false;
        }
    }
}

/// The holiday an item names ("Halloween", "labor day 2021") and the
/// year written with it.
fn holiday_of(text: &str, it: &Item) -> Option<(crate::holiday::Holiday, Option<i16>)> {
    let t = text[it.span.clone()].trim();
    let (name, year) = match t.rsplit_once(' ') {
        Some((n, y)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            (n.trim_end_matches(" of"), y.parse().ok())
        }
        _ => (t, None),
    };
    Some((crate::holiday::Holiday::parse(name)?, year))
}

/// "the weekend of Halloween", "labor day weekend", "Halloween weekend
/// 2021": the weekend the holiday belongs to, holiday included.
fn merge_holiday_weekends(text: &str, reference: Date, items: &mut Vec<Item>) {
    let is_weekend = |it: &Item| {
        matches!(it.expr, Expr::Fixed(r) if r.granularity == Granularity::Weekend)
            && matches!(
                text[it.span.clone()].to_ascii_lowercase().as_str(),
                "weekend" | "the weekend"
            )
    };
    let year_of = |it: &Item| -> Option<i16> {
        let t = &text[it.span.clone()];
        (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let mut i = 0;
    while i + 1 < items.len() {
        let gap = text[items[i].span.end..items[i + 1].span.start].to_ascii_lowercase();
        // (index of the holiday, index of the last item taken, year)
        let found = if is_weekend(&items[i]) && gap.trim() == "of" {
            holiday_of(text, &items[i + 1]).map(|(h, y)| (h, i + 1, y))
        } else if gap.trim().is_empty() && !gap.is_empty() && is_weekend(&items[i + 1]) {
            holiday_of(text, &items[i]).map(|(h, y)| {
                let next_year = items.get(i + 2).filter(|n| {
                    text[items[i + 1].span.end..n.span.start].trim().is_empty()
                        && year_of(n).is_some()
                });
                match (y, next_year) {
                    (None, Some(n)) => (h, i + 2, year_of(n)),
                    _ => (h, i + 1, y),
                }
            })
        } else {
            None
        };
        let Some((h, last, year)) = found else {
            i += 1;
            continue;
        };
        let span = items[i].span.start..items[last].span.end;
        let day = match year {
            Some(y) => h.date(y),
            None => resolve(Expr::Holiday(h), reference, tense_at(text, span.clone()))
                .and_then(|r| r.start()),
        };
        let Some((s, e)) = day.and_then(crate::holiday::holiday_weekend) else {
            i += 1;
            continue;
        };
        items[i] = Item {
            span,
            expr: Expr::Fixed(Resolved::range(
                Some(s),
                Some(e),
                Granularity::Span,
                reference,
            )),
            weak: false,
            role: Role::Plain,
        };
        items.drain(i + 1..=last);
        i += 1;
    }
}

/// "3 days starting from next Monday", "for 1 week, from 20th Dec": the
/// length laid from the starting day.
fn apply_stretches(text: &str, reference: Date, items: &mut [Item]) {
    for it in items.iter_mut() {
        let Some((pos, n, unit)) = crate::stretch::length_before(text, it.span.start) else {
            continue;
        };
        let expr = crate::stretch::in_reference_year(it.expr, reference);
        let tense = tense_at(text, it.span.clone());
        let Some(start) = resolve(expr, reference, tense).and_then(|r| r.start()) else {
            continue;
        };
        let Some(r) = crate::stretch::stretch(start, n, unit, reference) else {
            continue;
        };
        it.span = pos..it.span.end;
        it.expr = Expr::Fixed(r);
        it.weak = false;
        it.role = Role::Plain;
    }
}

/// "Monday two weeks from now", "in 3 days on Friday", "3 weeks after
/// Christmas on Friday": the weekday in the Sunday-to-Saturday week of the
/// day the offset lands on, the week Recognizers-Text counts in.
fn merge_weekday_offsets(text: &str, reference: Date, items: &mut Vec<Item>) {
    let (Some(offset_re), Some(before_re), Some(after_re)) = (
        OFFSET_TEXT.as_ref(),
        WEEKDAY_BEFORE_GAP.as_ref(),
        WEEKDAY_AFTER_GAP.as_ref(),
    ) else {
        return;
    };
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let gap = &text[a.span.end..b.span.start];
        let is_offset = |it: &Item| {
            matches!(it.expr, Expr::Fixed(r) if matches!(r.value, Value::Day(_)))
                && offset_re.is_match(&text[it.span.clone()])
        };
        let pair = match (a.expr, b.expr) {
            (Expr::Weekday(wd, WeekShift::Bare), Expr::Fixed(r))
                if is_offset(b) && before_re.is_match(gap) =>
            {
                Some((wd, r))
            }
            (Expr::Fixed(r), Expr::Weekday(wd, WeekShift::Bare))
                if is_offset(a) && after_re.is_match(gap) =>
            {
                Some((wd, r))
            }
            _ => None,
        };
        let day = pair.and_then(|(wd, r)| {
            let Value::Day(d) = r.value else { return None };
            let sunday = shift(
                d,
                -i64::from(d.weekday().to_sunday_zero_offset()),
                Unit::Day,
            )?;
            shift(sunday, i64::from(wd.to_sunday_zero_offset()), Unit::Day)
        });
        if let Some(d) = day {
            items[i] = Item {
                span: a.span.start..b.span.end,
                expr: Expr::Fixed(Resolved::day(d, reference)),
                weak: false,
                role: Role::Plain,
            };
            items.remove(i + 1);
        }
        i += 1;
    }
}

/// "1st week of Oct. on Friday", "the last week of July, on Tuesday": the
/// weekday within that week.
fn merge_week_weekday(text: &str, reference: Date, items: &mut Vec<Item>) {
    let Some(gap_re) = WEEK_WEEKDAY_GAP.as_ref() else {
        return;
    };
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let gap = &text[a.span.end..b.span.start];
        let day = match (a.expr, b.expr) {
            (Expr::Fixed(r), Expr::Weekday(wd, WeekShift::Bare))
                if r.granularity == Granularity::Week && gap_re.is_match(gap) =>
            {
                r.start().and_then(|mon| {
                    let k = i64::from(wd.to_monday_zero_offset());
                    shift(mon, k, Unit::Day).filter(|d| r.end().is_some_and(|e| *d < e))
                })
            }
            _ => None,
        };
        if let Some(d) = day {
            items[i] = Item {
                span: a.span.start..b.span.end,
                expr: Expr::Fixed(Resolved::day(d, reference)),
                weak: false,
                role: Role::Plain,
            };
            items.remove(i + 1);
        }
        i += 1;
    }
}

/// "in two years since 2011": the length counted from the start of what
/// follows "since", not from the reference.
fn merge_in_units_since(text: &str, reference: Date, items: &mut Vec<Item>) {
    let (Some(len_re), Some(gap_re)) = (IN_UNITS.as_ref(), SINCE_GAP.as_ref()) else {
        return;
    };
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let day = len_re
            .captures(&text[a.span.clone()])
            .filter(|_| gap_re.is_match(&text[a.span.end..b.span.start]))
            .and_then(|c| {
                let n = count(c.name("n")?.as_str())?;
                let unit = Unit::parse(c.name("unit")?.as_str())?;
                let tense = tense_at(text, b.span.clone());
                let start = resolve(b.expr, reference, tense)?.start()?;
                shift(start, n, unit)
            });
        if let Some(d) = day {
            items[i] = Item {
                span: a.span.start..b.span.end,
                expr: Expr::Fixed(Resolved::day(d, reference)),
                weak: false,
                role: Role::Plain,
            };
            items.remove(i + 1);
        }
        i += 1;
    }
}

/// "since 2010", "before the end of 2008", "2018 or later".
fn apply_modifiers(text: &str, reference: Date, items: &mut [Item]) {
    let (Some(pre), Some(suf)) = (MOD_PREFIX.as_ref(), MOD_SUFFIX.as_ref()) else {
        return;
    };
    for it in items.iter_mut() {
        let (word, new_start, new_end) =
            if let Some(c) = pre.captures(&text[..it.span.start]).filter(|_| !it.weak) {
                let (Some(w), Some(m)) = (c.name("m"), c.get(0)) else {
                    continue;
                };
                (w.as_str().to_ascii_lowercase(), m.start(), it.span.end)
            } else if let Some(c) = suf.captures(&text[it.span.end..]).filter(|_| !it.weak) {
                let (Some(w), Some(m)) = (c.name("m"), c.get(0)) else {
                    continue;
                };
                // "2018 or later than 2020", "2018 or before 2000": the
                // word starts another expression.
                let tail = text[it.span.end + m.end()..].trim_start();
                if tail.starts_with(|ch: char| ch.is_alphanumeric()) {
                    continue;
                }
                let w = match w.as_str().to_ascii_lowercase().as_str() {
                    "later" | "after" | "greater" => "since".to_string(),
                    _ => "until".to_string(),
                };
                (w, it.span.start, it.span.end + m.end())
            } else {
                continue;
            };
        let tense = tense_at(text, it.span.clone());
        let Some(base) = resolve(it.expr, reference, tense) else {
            continue;
        };
        let is_day = matches!(base.value, Value::Day(_));
        let use_end = it.role == Role::EndPart;
        let part = it.role != Role::Plain;
        let w = word.split_whitespace().collect::<Vec<_>>().join(" ");
        // "by the end of this month" is a deadline; "by Friday" stays a day.
        if w == "by" && !use_end {
            continue;
        }
        let (s, e) = match w.as_str() {
            "since" | "as early as" | "starting" | "starting on" | "starting from"
            | "beginning" | "beginning on" => (Some(base.start()), None),
            "after" | "later than" | "greater than" => (
                Some(if is_day || part {
                    base.start()
                } else {
                    base.end()
                }),
                None,
            ),
            "by" => (None, Some(base.end())),
            "until" | "till" | "as late as" => {
                (None, Some(if is_day { base.start() } else { base.end() }))
            }
            _ => (None, Some(if use_end { base.end() } else { base.start() })),
        };
        let (Some(s), Some(e)) = (
            s.map_or(Some(None), |x| x.map(Some)),
            e.map_or(Some(None), |x| x.map(Some)),
        ) else {
            continue;
        };
        it.span = new_start..new_end;
        it.expr = Expr::Fixed(Resolved::range(s, e, Granularity::Span, reference));
        it.role = Role::Plain;
    }
}
