//! Atom rules: one regex per kind of date expression, each with a handler
//! that turns the match into an [`Expr`]. Atoms are later merged into
//! ranges and modified ("since ...") by `combine`.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::{Captures, Regex, RegexSet};

use crate::lexicon::{
    MONTH, WEEKDAY, count, count_fragment, day_fragment, expand_two_digit_year, month_number,
    ordinal_day_fragment, small_number, weekday, year, year_fragment, year_words_fragment,
};
use crate::model::{Granularity, Resolved};
use crate::resolve::{Cal, Expr, Unit, WeekShift, month_range, shift, week_start, year_range};

/// Context a handler may look at.
pub struct Ctx<'a> {
    /// The whole input text.
    pub text: &'a str,
    /// The reference date.
    pub reference: Date,
}

/// How an atom takes part in ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An ordinary expression.
    Plain,
    /// "the end of 2008": as a range bound, its end counts.
    EndPart,
    /// "the beginning of March", "mid 1989": a part of a period.
    Part,
}

/// A date expression found by one rule.
#[derive(Debug, Clone)]
pub struct Atom {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// What was found.
    pub expr: Expr,
    /// Weak atoms ("17th", a bare "Nov") are kept only when merged.
    pub weak: bool,
    /// How it takes part in ranges.
    pub role: Role,
}

/// A rule's handler: the match in, the expression, whether it is weak, and
/// its role out.
pub type Handler = fn(&Captures, &Ctx) -> Option<(Expr, bool, Role)>;

struct Rule {
    re: Regex,
    handler: Handler,
}

const UNIT: &str = r"(?:business\s+days?|working\s+days?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?)";

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(build_rules);

/// Every rule's pattern in one set, in [`RULES`]' order: one pass over a
/// text tells which rules match anywhere in it, so only those are run for
/// their captures (most sentences match a handful of the rules).
static RULE_SET: LazyLock<Option<RegexSet>> =
    LazyLock::new(|| RegexSet::new(RULES.iter().map(|r| r.re.as_str())).ok());

fn build_rules() -> Vec<Rule> {
    let m = MONTH;
    let wd = WEEKDAY;
    let d = day_fragment();
    let od = ordinal_day_fragment();
    let y = year_fragment();
    let yw = year_words_fragment();
    let n = count_fragment();
    let specs: Vec<(String, Handler)> = vec![
        (r"\b(?P<y>\d{4})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})\b".into(), h_numeric_ymd),
        (r"\b(?P<y>\d{4}) (?P<mo>\d{1,2}) (?P<d>\d{1,2})\b".into(), h_numeric_ymd),
        (r"\b(?P<y>(?:19|20)\d{2})(?P<mo>\d{2})(?P<d>\d{2})\b".into(), h_numeric_ymd),
        (r"\b(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?:[/.-](?P<y>\d{4}|\d{2}))?\b".into(), h_numeric_mdy),
        (format!(r"\b(?P<mo>{m})\.?(?:\s*,?\s*|\s*[-/]\s*)(?:the\s+)?(?P<d>{d})\b(?:(?:\s*,\s*|\s+|\s*[-/]\s*|\s+of\s+|\s+in\s+)(?P<y>{y})\b|\s+'(?P<y2>\d{{2}})\b)?"), h_month_day),
        (format!(r"\b(?:the\s+)?(?P<d>{d})(?:\s+day)?(?:\s+of\s+|\s*[-/.]\s*|\s*)(?P<mo>{m})\b(?:\.?(?:\s*,\s*|\s+|\s*[-/]\s*|\s+of\s+|\s+in\s+)(?P<y>{y})\b|\s+of\s+(?P<y2>\d{{2}})\b)?"), h_day_month),
        (format!(r"\b(?P<y>\d{{4}})[-/](?P<mo>{m})[-/](?P<d>\d{{1,2}})\b"), h_alpha_ymd),
        (format!(r"\b(?P<y>\d{{4}})/(?P<d>\d{{1,2}})/(?P<mo>{m})\b"), h_alpha_ymd),
        (format!(r"\b(?P<mo>{m})-(?P<y>\d{{4}})-(?P<d>\d{{1,2}})\b"), h_alpha_ymd),
        (format!(r"\b(?P<d>\d{{1,2}})-(?P<y>\d{{4}})-(?P<mo>{m})\b"), h_alpha_ymd),
        (format!(r"\b(?P<mo>{m})\.?(?:\s*,\s*|\s+|\s*[-/]\s*|\s+of\s+|\s+in\s+)(?P<y>{y})\b"), h_month_year),
        (format!(r"\b(?P<mo>{m})\.?\s+of\s+(?P<y2>\d{{2}})\b"), h_month_year),
        (format!(r"\b(?P<y>\d{{4}})\s+(?P<mo>{m})\b"), h_month_year),
        (r"\b(?P<y>\d{4})-(?P<mon>\d{1,2})\b".into(), h_numeric_month_year),
        (r"\b(?P<mon>\d{1,2})-(?P<y>\d{4})\b".into(), h_numeric_month_year),
        (format!(r"\b(?:(?P<rel>this|next|last|coming|previous|past|following)\s+)?(?P<mo>{m})\b"), h_month),
        (format!(r"\b(?P<p>early|mid|late)[\s-]*(?:(?P<mo>{m})|(?P<y>\d{{4}}))\b"), h_part_of),
        (format!(r"\b(?P<p>end|beginning|start|middle)\s+of\s+(?:(?P<mo>{m})|(?P<y>\d{{4}}))\b"), h_part_of),
        (r"\b(?P<p>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?:(?P<rel>this|next|last|current|the)\s+)?(?P<unit>week|month|year)\b".into(), h_part_of_rel),
        (r"\b(?P<p>eoy|eom|eow)\b".into(), h_part_of_rel),
        (r"\b(?P<p>earlier|later)\s+(?:this|in\s+the|(?P<rel>previous|last|next|following))\s+(?P<unit>week|month|year)\b".into(), h_earlier_later),
        (r"(?:\bthe\s+)?(?P<span>\b(?:(?P<pre>(?:calendar\s+)?year|cy)\s*)?(?P<y>\d{4})\b)".into(), h_year),
        (format!(r"\b(?P<yw>{yw})\b"), h_year_words),
        (r"\b(?P<y>1\d{3}|20\d{2})\s?'?s\b".into(), h_decade),
        (r"(?:\b|')(?P<yy>\d0)\s?'?s\b".into(), h_decade),
        (r"\b(?:(?P<pre>the|in|during)\s+)(?P<span>(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)".into(), h_decade_words),
        (format!(r"\b(?:the\s+)?(?P<o>{od}|\d{{1,2}}(?:st|nd|rd|th))\s+century\b"), h_century),
        (r"\b(?P<y>\d{4})\s*-?\s*(?P<q>q[1-4]|h[12])\b".into(), h_quarter),
        (r"\b(?P<q>q[1-4]|h[12])(?:\s*-\s*|\s+|\s+of\s+)(?P<y>\d{4})\b".into(), h_quarter),
        (r"\b(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?P<u>quarter|half)\s+of\s+(?:(?P<y>\d{4})|(?:the\s+)?(?P<rel>this|next|last|the)\s+year)\b".into(), h_quarter_words),
        (format!(r"\b(?:the\s+)?(?P<o>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+of\s+(?:(?P<mo>{m})\.?(?:\s+(?P<y>\d{{4}}))?|(?P<y2>\d{{4}})|(?P<rel>this|next|last)\s+(?P<unit>month|year))\b"), h_week_of),
        (r"\bweek\s+(?P<n>\d{1,2})(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>this|next|last)\s+year))?\b".into(), h_iso_week),
        (r"\b(?:the\s+day\s+)?(?P<w>today|otd|tomorrow|tmrw|yesterday|day\s+after\s+tomorrow|day\s+before\s+yesterday)\b".into(), h_day_word),
        (r"\bthe\s+day\s+(?P<w>before|after)\b".into(), h_day_before_after),
        (r"\b(?P<w>now|current\s+date|date)\b".into(), h_now),
        (r"\b(?:(?P<rel>this|next|last|previous|past|coming|following|current|upcoming|same|that)\s+)(?P<unit>week|weekend|month|year|quarter|decade|fortnight|work\s?week|working\s+week|calendar\s+year)\b".into(), h_rel_unit),
        (r"\b(?:the\s+)?week\s+after\s+next\b".into(), h_week_after_next),
        // Decades keep their article, as in "the nineties": "the next decade".
        (r"\bthe\s+(?P<rel>next|last|past|previous|coming|following)\s+(?P<unit>decade)\b".into(), h_rel_unit),
        (format!(r"\bthe\s+(?P<dir>next|last|past|previous|coming|following)\s+(?P<n>{n})\s+(?P<unit>decades)\b"), h_counted_run),
        (r"\b(?P<the>the\s+)?weekend\b".into(), h_weekend),
        (format!(r"\b(?P<dir>next|last|past|previous|coming|following|upcoming|recent|within(?:\s+the)?(?:\s+next)?)\s+(?P<n>{n})\s+(?P<unit>{UNIT})\b"), h_counted_run),
        (format!(r"\b(?P<n>{n})\s+(?P<dir>next|upcoming|past|previous|last|coming|following)\s+(?P<unit>{UNIT})\b"), h_counted_run),
        (String::from(r"\b(?P<dir>next|coming|upcoming)\s+(?P<unit>couple\s+of\s+(?:days|weeks|months|years)|few\s+(?:days|weeks|months|years)|several\s+(?:days|weeks|months|years))\b"), h_counted_run),
        (format!(r"\bin\s+(?:the\s+)?(?P<n>{n})\s+(?P<unit>{UNIT})\b"), h_in_n_units),
        (format!(r"\b(?:(?P<mod>more|less)\s+than\s+)?(?P<n>{n})\s+(?P<unit>{UNIT})(?:\s*,?\s*(?:and\s+)?(?P<n2>{n})\s+(?P<unit2>{UNIT}))?(?:\s*,?\s*(?:and\s+)?(?P<n3>{n})\s+(?P<unit3>{UNIT}))?\s+(?P<dir>ago|later|earlier|hence|from\s+now|from\s+today|after\s+today|before\s+today|from\s+tomorrow|from\s+tmrw|after\s+tomorrow|before\s+yesterday)\b"), h_offset),
        (format!(r"\b(?:(?P<on>on)\s+)?(?P<wd>{wd})\s+of\s+(?:the\s+)?(?P<rel>next|last|this|previous|following|coming)\s+week\b"), h_weekday_of_week),
        (format!(r"\b(?P<rel>next|last|this|previous|following)\s+week\s*(?:-\s*|,\s*|on\s+)?(?P<wd>{wd})\b"), h_weekday_of_week),
        (format!(r"\b(?:(?P<rel>this\s+past|this\s+coming|this\s+upcoming|this|next|last|previous|past|coming|upcoming|following)\s+)?(?P<wd>{wd})\b"), h_weekday),
        (r"\b(?:(?P<rel>this|next|last|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the)\s+)?(?P<s>summer|winter|spring|autumn|fall)\b".into(), h_season),
        (format!(r"\b(?:the\s+)?(?P<d>{od})\b"), h_day_only),
        (format!(r"\b(?:the\s+)?(?P<d>{od})\s+day\s+of\s+(?:the\s+)?(?:(?P<rel>this|next|last|previous|following)\s+)?month\b"), h_day_of_month),
        (r"\b(?P<a1>\d{1,2})/(?P<b1>\d{1,2})(?:/(?P<y1>\d{4}|\d{2}))?\s*-\s*(?P<a2>\d{1,2})/(?P<b2>\d{1,2})(?:(?:/|,\s*)(?P<y2>\d{4}|\d{2}))?\b".into(), h_numeric_range),
        (r"\b(?P<a1>\d{1,2})-(?P<b1>\d{1,2})-(?P<y1>\d{4})\s*-\s*(?P<a2>\d{1,2})-(?P<b2>\d{1,2})-(?P<y2>\d{4})\b".into(), h_numeric_range),
        (r"\bthe\s+(?P<unit>day|week|month|year|fortnight)\b".into(), h_the_unit),
        (r"\b(?:till|to)\s+date\b".into(), h_to_date),
        (r"\b(?:(?P<unit>year|month|week)[\s-]+to[\s-]+date|(?P<abbr>ytd|mtd|wtd))\b".into(), h_period_to_date),
        (format!(r"\b(?:(?P<rel>next|last|previous|following|this)\s+)?(?P<h>{})(?:\s+(?:of\s+)?(?P<y>\d{{4}})|\s+of\s+(?P<yrel>this|next|last)\s+year)?\b", crate::holiday::PATTERN), h_holiday),
        (format!(r"\b(?:(?:from|between)\s+)?(?:the\s+)?(?P<d1>{d})\s*(?:-|to|till|until|through|thru|and)\s*(?:the\s+)?(?P<d2>{d})\s+(?:of\s+)?(?P<mo>{m})\b(?:,?\s*(?P<y>\d{{4}}))?"), h_day_day_month),
        (format!(r"\b(?P<mo>{m})\s+(?:the\s+)?(?P<d1>{d})\s*(?:-|to|till|until|through|thru)\s*(?:the\s+)?(?P<d2>{d})\b(?:,?\s*(?P<y>\d{{4}}))?"), h_day_day_month),
    ];
    specs
        .into_iter()
        .chain(crate::year_part::specs())
        .chain(crate::stretch::specs())
        .chain(crate::school_year::specs())
        .chain(crate::comparison::specs())
        .chain(crate::impossible::specs())
        .filter_map(|(pat, handler)| {
            regex(&format!("(?i){pat}"))
                .ok()
                .map(|re| Rule { re, handler })
        })
        .collect()
}

/// Compiles a rule pattern with ASCII word boundaries (see
/// [`ascii_word_boundaries`]); every regex of this crate goes through it.
pub(crate) fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_word_boundaries(pattern))
}

/// The pattern with every `\b` made ASCII-only (`(?-u:\b)`).
///
/// A Unicode word boundary stops the regex crate's fast DFA on any text
/// holding a non-ASCII character (a `£`, an `é`), and its slower engine made
/// a 3 KB article take ~100 ms; the rules only ever put `\b` next to ASCII
/// words and digits, so the ASCII boundary finds the same dates.
pub(crate) fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Number of rules that compiled (all of them, as a test checks).
#[cfg(test)]
pub fn rule_count() -> usize {
    RULES.len()
}

/// All atoms every rule finds, overlapping.
pub fn find_atoms(ctx: &Ctx) -> Vec<Atom> {
    match RULE_SET.as_ref() {
        Some(set) => atoms_of(set.matches(ctx.text).iter().map(|i| &RULES[i]), ctx),
        None => atoms_of(RULES.iter(), ctx),
    }
}

/// The atoms `rules` find, in the rules' order.
fn atoms_of<'r>(rules: impl Iterator<Item = &'r Rule>, ctx: &Ctx) -> Vec<Atom> {
    let mut atoms = Vec::new();
    for rule in rules {
        for caps in rule.re.captures_iter(ctx.text) {
            let Some(whole) = caps.name("span").or_else(|| caps.get(0)) else {
                continue;
            };
            if let Some((expr, weak, role)) = (rule.handler)(&caps, ctx) {
                atoms.push(Atom {
                    span: whole.range(),
                    expr,
                    weak,
                    role,
                });
            }
        }
    }
    atoms
}

// ---------- helpers ----------

fn g<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

fn lower(c: &Captures, name: &str) -> Option<String> {
    g(c, name).map(|s| s.to_ascii_lowercase())
}

fn cal(year: Option<i16>, month: i8, day: Option<i8>) -> Option<Expr> {
    if let Some(d) = day {
        // Validate against a leap year when the year is unknown.
        Date::new(year.unwrap_or(2000), month, d).ok()?;
    } else if !(1..=12).contains(&month) {
        return None;
    }
    Some(Expr::Cal(Cal {
        year,
        month: Some(month),
        day,
    }))
}

fn plain(e: Expr) -> Option<(Expr, bool, Role)> {
    Some((e, false, Role::Plain))
}

fn fixed(r: Resolved) -> Option<(Expr, bool, Role)> {
    plain(Expr::Fixed(r))
}

/// The word before byte `pos`, lower-cased.
fn word_before(text: &str, pos: usize) -> String {
    text[..pos]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn rest_after(text: &str, pos: usize) -> &str {
    &text[pos..]
}

/// True when the match touches other digits through `-`, `/`, `.`, `:` or
/// `,` (phone numbers, decimals, codes).
fn glued_to_numbers(text: &str, span: &Range<usize>) -> bool {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let glued_before = {
        let mut it = before.chars().rev();
        match (it.next(), it.next()) {
            (Some(c), _) if c.is_ascii_digit() => true,
            (Some('-' | '/' | '.' | ':' | ','), Some(d)) if d.is_ascii_digit() => true,
            (Some('$' | '£' | '€' | '#' | '+'), _) => true,
            _ => false,
        }
    };
    let glued_after = {
        let mut it = after.chars();
        match (it.next(), it.next()) {
            (Some(c), _) if c.is_ascii_digit() => true,
            (Some('-' | '/' | '.' | ':' | ','), Some(d)) if d.is_ascii_digit() => true,
            (Some('%'), _) => true,
            _ => false,
        }
    };
    glued_before || glued_after
}

const PREP: &[&str] = &[
    "in",
    "on",
    "since",
    "during",
    "until",
    "till",
    "from",
    "to",
    "through",
    "of",
    "by",
    "before",
    "after",
    "and",
    "or",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "until",
    "throughout",
    "starting",
    "beginning",
    "around",
    "for",
    "than",
    "end",
    "start",
];

// ---------- handlers ----------

fn h_numeric_ymd(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let whole = c.get(0)?.range();
    if glued_to_numbers(ctx.text, &whole) {
        return None;
    }
    let y: i16 = g(c, "y")?.parse().ok()?;
    let mo: i8 = g(c, "mo")?.parse().ok()?;
    let d: i8 = g(c, "d")?.parse().ok()?;
    if !(1000..=2999).contains(&y) {
        return None;
    }
    cal(Some(y), mo, Some(d)).and_then(plain)
}

fn h_numeric_mdy(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let whole = c.get(0)?.range();
    if glued_to_numbers(ctx.text, &whole) {
        return None;
    }
    let a: i8 = g(c, "a")?.parse().ok()?;
    let b: i8 = g(c, "b")?.parse().ok()?;
    let sep = g(c, "s")?;
    if g(c, "y").is_some() && !c.get(0)?.as_str()[g(c, "a")?.len() + 1..].contains(sep) {
        return None;
    }
    let year = match g(c, "y") {
        Some(s) if s.len() == 2 => Some(expand_two_digit_year(s.parse().ok()?)),
        Some(s) => Some(s.parse().ok()?),
        None => None,
    };
    if year.is_none() && sep != "/" {
        // "7.6" and "4-23" are dates only right after "on" or a weekday.
        let w = word_before(ctx.text, whole.start);
        if w != "on" && weekday(&w).is_none() {
            return None;
        }
    }
    if year.is_none()
        && rest_after(ctx.text, whole.end)
            .trim_start()
            .starts_with(['%', '$'])
    {
        return None;
    }
    // Month first (US, as Recognizers-Text) unless the first part
    // cannot be a month.
    let (mo, d) = if a > 12 { (b, a) } else { (a, b) };
    cal(year, mo, Some(d)).and_then(plain)
}

fn month_word_ok(word: &str, day_in_words: bool) -> bool {
    // "may" and "march" in lower case are usually a verb.
    !(day_in_words && (word == "may" || word == "march"))
}

fn parse_year(c: &Captures) -> Option<Option<i16>> {
    if let Some(y) = g(c, "y") {
        return Some(Some(year(y)?));
    }
    if let Some(y2) = g(c, "y2") {
        return Some(Some(expand_two_digit_year(y2.parse().ok()?)));
    }
    Some(None)
}

fn h_month_day(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let mo_s = g(c, "mo")?;
    let d_s = g(c, "d")?;
    let in_words = !d_s.starts_with(|ch: char| ch.is_ascii_digit());
    if !month_word_ok(mo_s, in_words) {
        return None;
    }
    let whole = c.get(0)?.range();
    if rest_after(ctx.text, whole.end).starts_with([':', '.']) && !in_words {
        // "Jan 5:30" is a time; "Nov 4.5" a number.
        let after = rest_after(ctx.text, whole.end);
        if after[1..].starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
    }
    let day = i8::try_from(small_number(d_s)?).ok()?;
    cal(parse_year(c)?, month_number(mo_s)?, Some(day)).and_then(plain)
}

fn h_day_month(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let mo_s = g(c, "mo")?;
    let d_s = g(c, "d")?;
    let in_words = !d_s.starts_with(|ch: char| ch.is_ascii_digit());
    if !month_word_ok(mo_s, in_words) {
        return None;
    }
    let whole = c.get(0)?.range();
    if !in_words
        && matches!(
            char_before(ctx.text, whole.start),
            Some('$' | '£' | '€' | ' ')
        )
        && ctx.text[..whole.start]
            .trim_end()
            .ends_with(['$', '£', '€'])
    {
        return None;
    }
    if glued_to_numbers(ctx.text, &whole) {
        return None;
    }
    let day = i8::try_from(small_number(d_s)?).ok()?;
    cal(parse_year(c)?, month_number(mo_s)?, Some(day)).and_then(plain)
}

fn h_alpha_ymd(c: &Captures, _: &Ctx) -> Option<(Expr, bool, Role)> {
    let y: i16 = g(c, "y")?.parse().ok()?;
    let d: i8 = g(c, "d")?.parse().ok()?;
    cal(Some(y), month_number(g(c, "mo")?)?, Some(d)).and_then(plain)
}

fn h_month_year(c: &Captures, _: &Ctx) -> Option<(Expr, bool, Role)> {
    let y = parse_year(c)??;
    cal(Some(y), month_number(g(c, "mo")?)?, None).and_then(plain)
}

fn h_numeric_month_year(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let whole = c.get(0)?.range();
    if glued_to_numbers(ctx.text, &whole) {
        return None;
    }
    let y: i16 = g(c, "y")?.parse().ok()?;
    let mon: i8 = g(c, "mon")?.parse().ok()?;
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&mon) {
        return None;
    }
    cal(Some(y), mon, None).and_then(plain)
}

fn h_month(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let mo_s = g(c, "mo")?;
    let mo = month_number(mo_s)?;
    let whole = c.get(0)?.range();
    let reference = ctx.reference;
    if mo_s.eq_ignore_ascii_case("may") && !may_is_month(ctx.text, whole.end) {
        return None;
    }
    if let Some(rel) = lower(c, "rel") {
        let y0 = reference.year();
        let y = match rel.as_str() {
            "this" => y0,
            "next" | "coming" | "following" => {
                if mo > reference.month() {
                    y0
                } else {
                    y0 + 1
                }
            }
            _ => {
                if mo < reference.month() {
                    y0
                } else {
                    y0 - 1
                }
            }
        };
        return month_range(y, mo, reference).and_then(fixed);
    }
    let full = mo_s.len() > 3 && !mo_s.eq_ignore_ascii_case("sept");
    let lowercase_verb = mo_s == "may" || mo_s == "march" || mo_s == "May";
    let strong = if full && !lowercase_verb {
        true
    } else {
        let w = word_before(ctx.text, whole.start);
        PREP.contains(&w.as_str()) && !matches!(char_before(ctx.text, whole.start), Some('$'))
    };
    if mo_s.starts_with(|ch: char| ch.is_ascii_uppercase()) || strong {
        let e = cal(None, mo, None)?;
        Some((e, !strong, Role::Plain))
    } else {
        Some((cal(None, mo, None)?, true, Role::Plain))
    }
}

/// "may" is the month only when followed by the end of the clause, a
/// number or a word that continues a date ("May to October").
fn may_is_month(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let next: String = rest
        .chars()
        .take_while(|ch| ch.is_alphanumeric() || *ch == '\'')
        .collect::<String>()
        .to_ascii_lowercase();
    next.is_empty()
        || next.starts_with(|ch: char| ch.is_ascii_digit())
        || matches!(
            next.as_str(),
            "to" | "through" | "till" | "until" | "and" | "of" | "in" | "this" | "next" | "last"
        )
}

/// (start day, end day exclusive or 0 for month end) of a part of a month.
fn month_part(p: &str) -> (i8, i8) {
    match p {
        "early" | "beginning" | "start" => (1, 16),
        "mid" | "middle" => (10, 21),
        _ => (16, 0),
    }
}

fn part_of_month(y: i16, mo: i8, p: &str, reference: Date) -> Option<Resolved> {
    let (a, b) = month_part(p);
    let first = Date::new(y, mo, 1).ok()?;
    let start = Date::new(y, mo, a).ok()?;
    let end = if b == 0 {
        first.checked_add(jiff::Span::new().months(1)).ok()?
    } else {
        Date::new(y, mo, b).ok()?
    };
    Some(Resolved::range(
        Some(start),
        Some(end),
        Granularity::Span,
        reference,
    ))
}

fn part_of_year(y: i16, p: &str, thirds: bool, reference: Date) -> Option<Resolved> {
    let (a, b) = match (p, thirds) {
        ("early" | "beginning" | "start", true) => (1, 5),
        ("mid" | "middle", true) => (5, 9),
        (_, true) => (9, 13),
        ("early" | "beginning" | "start", false) => (1, 7),
        ("mid" | "middle", false) => (4, 10),
        _ => (7, 13),
    };
    let start = Date::new(y, a, 1).ok()?;
    let end = if b == 13 {
        Date::new(y + 1, 1, 1).ok()?
    } else {
        Date::new(y, b, 1).ok()?
    };
    Some(Resolved::range(
        Some(start),
        Some(end),
        Granularity::Span,
        reference,
    ))
}

fn role_of(p: &str) -> Role {
    if matches!(p, "end" | "late") {
        Role::EndPart
    } else {
        Role::Part
    }
}

fn h_part_of(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let p = lower(c, "p")?;
    let r = if let Some(mo_s) = g(c, "mo") {
        let mo = month_number(mo_s)?;
        // Year by nearest occurrence of the month.
        let y0 = ctx.reference.year();
        let diff = i32::from(mo) - i32::from(ctx.reference.month());
        let y = if diff > 6 {
            y0 - 1
        } else if diff < -6 {
            y0 + 1
        } else {
            y0
        };
        part_of_month(y, mo, &p, ctx.reference)?
    } else {
        let y: i16 = g(c, "y")?.parse().ok()?;
        part_of_year(y, &p, true, ctx.reference)?
    };
    Some((Expr::Fixed(r), false, role_of(&p)))
}

fn rel_offset(rel: &str) -> i64 {
    match rel {
        "next" | "coming" | "following" | "upcoming" => 1,
        "last" | "previous" | "past" => -1,
        _ => 0,
    }
}

fn h_part_of_rel(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let p = lower(c, "p")?;
    let (p, unit) = match p.as_str() {
        "eoy" => ("end".to_string(), "year".to_string()),
        "eom" => ("end".to_string(), "month".to_string()),
        "eow" => ("end".to_string(), "week".to_string()),
        _ => (p, lower(c, "unit")?),
    };
    let k = rel_offset(&lower(c, "rel").unwrap_or_default());
    let r = ctx.reference;
    let res = match unit.as_str() {
        "year" => part_of_year(r.year() + i16::try_from(k).ok()?, &p, false, r)?,
        "month" => {
            let m = shift(r.first_of_month(), k, Unit::Month)?;
            part_of_month(m.year(), m.month(), &p, r)?
        }
        _ => {
            let mon = shift(week_start(r), k, Unit::Week)?;
            let (a, b) = match p.as_str() {
                "beginning" | "start" => (0, 3),
                "middle" => (1, 5),
                _ => (3, 7),
            };
            Resolved::range(
                shift(mon, a, Unit::Day),
                shift(mon, b, Unit::Day),
                Granularity::Span,
                r,
            )
        }
    };
    Some((Expr::Fixed(res), false, role_of(&p)))
}

/// "earlier this month", "later this week", "earlier previous week": the
/// first or second half of the period (split at Thursday, the 16th, July
/// 1st). In the current period the half is cut at the reference: what is
/// "later this year" has not happened yet.
fn h_earlier_later(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let unit = Unit::parse(g(c, "unit")?)?;
    let r = ctx.reference;
    let k = rel_offset(&lower(c, "rel").unwrap_or_default());
    let (s, e) = unit.period(shift(r, k, unit)?)?;
    let mid = match unit {
        Unit::Week => shift(s, 3, Unit::Day)?,
        Unit::Month => Date::new(s.year(), s.month(), 16).ok()?,
        Unit::Year => Date::new(s.year(), 7, 1).ok()?,
        _ => return None,
    };
    let current = k == 0;
    let res = if lower(c, "p")? == "earlier" {
        let end = if current { mid.min(r) } else { mid };
        Resolved::range(Some(s), Some(end), Granularity::Span, r)
    } else {
        let start = if current { mid.max(r) } else { mid };
        Resolved::range(Some(start), Some(e), Granularity::Span, r)
    };
    fixed(res)
}

const NOT_YEAR_AFTER: &[&str] = &[
    "people",
    "percent",
    "per",
    "points",
    "votes",
    "jobs",
    "homes",
    "miles",
    "km",
    "metres",
    "meters",
    "feet",
    "kg",
    "pounds",
    "dollars",
    "euros",
    "times",
    "members",
    "fans",
    "players",
    "units",
    "cases",
    "deaths",
    "troops",
    "workers",
    "students",
    "seats",
    "games",
    "goals",
    "runs",
    "yards",
    "calories",
    "words",
    "pages",
    "employees",
    "residents",
    "acres",
];

fn h_year(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let ym = c.name("y")?;
    let y: i16 = ym.as_str().parse().ok()?;
    if !(1000..=2200).contains(&y) {
        return None;
    }
    let span = ym.range();
    let after = rest_after(ctx.text, span.end);
    let next_word = after
        .trim_start()
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if NOT_YEAR_AFTER.contains(&next_word.as_str()) {
        return None;
    }
    let before = &ctx.text[..span.start];
    // "2014-2018": the first year of a span is weak until merged.
    // Byte slices through `get`: the text around a year may be any UTF-8.
    let range_next = after.strip_prefix(['-', '~']).is_some_and(|rest| {
        rest.get(..4)
            .is_some_and(|year| year.chars().all(|ch| ch.is_ascii_digit()))
            && rest
                .get(4..)
                .is_some_and(|tail| !tail.starts_with(|ch: char| ch.is_ascii_digit() || ch == '-'))
    });
    let range_prev = before.strip_suffix(['-', '~']).is_some_and(|rest| {
        rest.len() >= 4
            && rest
                .get(rest.len() - 4..)
                .is_some_and(|year| year.chars().all(|ch| ch.is_ascii_digit()))
    });
    if !range_next && !range_prev && glued_to_numbers(ctx.text, &span) {
        return None;
    }
    let spaced_dash = |t: &str| {
        let t = t.trim_start();
        t.starts_with('-')
            && t[1..]
                .trim_start()
                .starts_with(|ch: char| ch.is_ascii_digit())
    };
    if (!range_next && spaced_dash(after))
        || !range_prev && {
            let b = before.trim_end();
            b.ends_with('-')
                && b[..b.len() - 1]
                    .trim_end()
                    .ends_with(|ch: char| ch.is_ascii_digit())
        }
    {
        return None;
    }
    if range_prev
        && {
            let mut it = after.chars();
            matches!((it.next(), it.next()), (Some(ch), _) if ch.is_ascii_digit())
                || matches!((after.chars().next(), after.chars().nth(1)), (Some('-' | '/' | '.' | ':' | ','), Some(d)) if d.is_ascii_digit())
        }
    {
        return None;
    }
    if (range_next || range_prev) && {
        let start = if range_prev {
            span.start - 5
        } else {
            span.start
        };
        let mut it = ctx.text[..start].chars().rev();
        matches!(
            (it.next(), it.next()),
            (Some('-' | '/' | '+'), _) | (Some(' '), Some('-' | '+'))
        ) || ctx.text[..start].ends_with(|ch: char| ch.is_ascii_digit())
    } {
        return None;
    }
    let r = year_range(y, 1, ctx.reference)?;
    // Weak unless it reads as a year: after a preposition, or written
    // with "year", or part of a span.
    let w = word_before(ctx.text, c.get(0)?.start());
    let strong = c.name("pre").is_some() || PREP.contains(&w.as_str()) || range_prev;
    let weak = !strong && range_next;
    Some((Expr::Fixed(r), weak, Role::Plain))
}

fn h_year_words(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let s = g(c, "yw")?;
    if s.eq_ignore_ascii_case("two thousand") {
        return None;
    }
    let y = year(s)?;
    if !(1000..=2200).contains(&y) {
        return None;
    }
    fixed(year_range(y, 1, ctx.reference)?)
}

fn h_decade(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let y: i16 = if let Some(y) = g(c, "y") {
        let y: i16 = y.parse().ok()?;
        if y % 10 != 0 {
            return None;
        }
        y
    } else {
        let yy: i16 = g(c, "yy")?.parse().ok()?;
        if yy < 30 { 2000 + yy } else { 1900 + yy }
    };
    fixed(year_range(y, 10, ctx.reference)?)
}

fn h_decade_words(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let w = lower(c, "w")?;
    let names = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    let i = i16::try_from(names.iter().position(|n| *n == w)?).ok()?;
    let tens = 20 + 10 * i;
    let y = if tens < 30 { 2000 + tens } else { 1900 + tens };
    let before = word_before(ctx.text, c.get(0)?.start());
    if matches!(
        before.as_str(),
        "their" | "his" | "her" | "my" | "your" | "our" | "its"
    ) {
        return None;
    }
    fixed(year_range(y, 10, ctx.reference)?)
}

fn h_century(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let n = i16::try_from(small_number(g(c, "o")?)?).ok()?;
    if !(1..=30).contains(&n) {
        return None;
    }
    fixed(year_range((n - 1) * 100, 100, ctx.reference)?)
}

fn quarter_range(y: i16, q: &str, reference: Date) -> Option<Resolved> {
    let (first, months) = match q {
        "q1" | "1" => (1, 3),
        "q2" | "2" => (4, 3),
        "q3" | "3" => (7, 3),
        "q4" | "4" => (10, 3),
        "h1" => (1, 6),
        "h2" => (7, 6),
        _ => return None,
    };
    let s = Date::new(y, first, 1).ok()?;
    let e = shift(s, months, Unit::Month)?;
    Some(Resolved::range(
        Some(s),
        Some(e),
        Granularity::Quarter,
        reference,
    ))
}

fn h_quarter(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let y: i16 = g(c, "y")?.parse().ok()?;
    fixed(quarter_range(y, &lower(c, "q")?, ctx.reference)?)
}

fn h_quarter_words(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let r = ctx.reference;
    let y = match g(c, "y") {
        Some(y) => y.parse().ok()?,
        None => r.year() + i16::try_from(rel_offset(&lower(c, "rel")?)).ok()?,
    };
    let o = lower(c, "o")?;
    let half = lower(c, "u")? == "half";
    let idx = if o == "last" {
        if half { 2 } else { 4 }
    } else {
        small_number(&o)?
    };
    let q = if half {
        format!("h{idx}")
    } else {
        format!("q{idx}")
    };
    fixed(quarter_range(y, &q, r)?)
}

/// Week containing the `n`th Thursday (or the last, `n == -1`) on or after
/// `start` and before `end`: the ISO rule for which month or year a week
/// belongs to.
fn week_by_thursday(start: Date, end: Date, n: i64, reference: Date) -> Option<Resolved> {
    let thursday = if n > 0 {
        let first = if start.weekday() == jiff::civil::Weekday::Thursday {
            start
        } else {
            start.nth_weekday(1, jiff::civil::Weekday::Thursday).ok()?
        };
        shift(first, n - 1, Unit::Week)?
    } else {
        end.nth_weekday(-1, jiff::civil::Weekday::Thursday).ok()?
    };
    if thursday < start || thursday >= end {
        return None;
    }
    let mon = week_start(thursday);
    Some(Resolved::range(
        Some(mon),
        shift(mon, 1, Unit::Week),
        Granularity::Week,
        reference,
    ))
}

fn h_week_of(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let r = ctx.reference;
    let o = lower(c, "o")?;
    let n = if o == "last" { -1 } else { small_number(&o)? };
    let (s, e) = if let Some(mo) = g(c, "mo") {
        let mo = month_number(mo)?;
        let y = match g(c, "y") {
            Some(y) => y.parse().ok()?,
            None => r.year(),
        };
        let s = Date::new(y, mo, 1).ok()?;
        (s, shift(s, 1, Unit::Month)?)
    } else if let Some(y) = g(c, "y2") {
        let y: i16 = y.parse().ok()?;
        (Date::new(y, 1, 1).ok()?, Date::new(y + 1, 1, 1).ok()?)
    } else {
        let unit = Unit::parse(g(c, "unit")?)?;
        let (s, _) = unit.period(r)?;
        let s = shift(s, rel_offset(&lower(c, "rel")?), unit)?;
        (s, shift(s, 1, unit)?)
    };
    fixed(week_by_thursday(s, e, n, r)?)
}

fn h_iso_week(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let r = ctx.reference;
    let n: i64 = g(c, "n")?.parse().ok()?;
    if !(1..=53).contains(&n) {
        return None;
    }
    let y = match (g(c, "y"), lower(c, "rel")) {
        (Some(y), _) => y.parse().ok()?,
        (None, Some(rel)) => r.year() + i16::try_from(rel_offset(&rel)).ok()?,
        _ => r.year(),
    };
    fixed(week_by_thursday(
        Date::new(y, 1, 1).ok()?,
        Date::new(y + 1, 1, 1).ok()?,
        n,
        r,
    )?)
}

fn h_day_word(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let w = lower(c, "w")?;
    let r = ctx.reference;
    let k = match w.as_str() {
        // "otd": "on this day", as in posts about anniversaries.
        "today" | "otd" => 0,
        "tomorrow" | "tmrw" => 1,
        "yesterday" => -1,
        w if w.contains("after") => 2,
        _ => -2,
    };
    fixed(Resolved::day(shift(r, k, Unit::Day)?, r))
}

/// "What happened the day before?": with nothing after it to be before or
/// after, the day before or after the reference.
fn h_day_before_after(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let whole = c.get(0)?.range();
    let tail = rest_after(ctx.text, whole.end).trim_start();
    if !(tail.is_empty() || tail.starts_with(['.', '?', '!', ',', ';'])) {
        return None;
    }
    let k = if lower(c, "w")? == "before" { -1 } else { 1 };
    let r = ctx.reference;
    fixed(Resolved::day(shift(r, k, Unit::Day)?, r))
}

fn h_now(_: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    Some((
        Expr::Fixed(Resolved::day(ctx.reference, ctx.reference)),
        true,
        Role::Plain,
    ))
}

fn h_rel_unit(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let rel = lower(c, "rel")?;
    let unit_s = lower(c, "unit")?;
    let r = ctx.reference;
    let k = rel_offset(&rel);
    if unit_s == "weekend" {
        let sat = shift(week_start(r), 7 * k + 5, Unit::Day)?;
        return fixed(Resolved::range(
            Some(sat),
            shift(sat, 2, Unit::Day),
            Granularity::Weekend,
            r,
        ));
    }
    if unit_s.starts_with("work") {
        let mon = shift(week_start(r), 7 * k, Unit::Day)?;
        return fixed(Resolved::range(
            Some(mon),
            shift(mon, 5, Unit::Day),
            Granularity::Week,
            r,
        ));
    }
    if unit_s == "fortnight" {
        let mon = shift(week_start(r), 14 * k, Unit::Day)?;
        return fixed(Resolved::range(
            Some(mon),
            shift(mon, 14, Unit::Day),
            Granularity::Week,
            r,
        ));
    }
    let unit = Unit::parse(unit_s.trim_start_matches("calendar "))?;
    let (s, _) = unit.period(r)?;
    let s = shift(s, k, unit)?;
    fixed(Resolved::range(
        Some(s),
        shift(s, 1, unit),
        unit.granularity(),
        r,
    ))
}

fn h_week_after_next(_: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let r = ctx.reference;
    let s = shift(week_start(r), 2, Unit::Week)?;
    fixed(Resolved::range(
        Some(s),
        shift(s, 1, Unit::Week),
        Granularity::Week,
        r,
    ))
}

fn h_weekend(_: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    // Resolved by tense in `combine`: here the coming weekend (the current
    // one on a Saturday or Sunday).
    let r = ctx.reference;
    let sat = shift(week_start(r), 5, Unit::Day)?;
    Some((
        Expr::Fixed(Resolved::range(
            Some(sat),
            shift(sat, 2, Unit::Day),
            Granularity::Weekend,
            r,
        )),
        false,
        Role::Plain,
    ))
}

fn unit_and_count(c: &Captures) -> Option<(i64, Unit)> {
    let u = lower(c, "unit")?;
    let u = u.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(rest) = u
        .strip_prefix("couple of ")
        .map(|r| (2, r))
        .or_else(|| u.strip_prefix("few ").map(|r| (3, r)))
        .or_else(|| u.strip_prefix("several ").map(|r| (3, r)))
    {
        return Some((rest.0, Unit::parse(rest.1)?));
    }
    Some((count(g(c, "n")?)?, Unit::parse(&u)?))
}

fn h_counted_run(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let (n, unit) = unit_and_count(c)?;
    let dir = lower(c, "dir")?;
    let r = ctx.reference;
    let vague = g(c, "n").is_none_or(|s| s.contains("few") || s.contains("several"));
    // "3 next week" is "3 (people) next week", not three weeks.
    if let (Some(nm), Some(dm), Some(um)) = (c.name("n"), c.name("dir"), c.name("unit"))
        && nm.start() < dm.start()
        && n != 1
        && !um.as_str().ends_with(['s', 'S'])
    {
        return None;
    }
    let g_ = unit.granularity();
    let res = if dir.starts_with("within") {
        Resolved::range(Some(r), shift(r, n, unit), g_, r)
    } else if matches!(dir.as_str(), "last" | "past" | "previous" | "recent") {
        if matches!(unit, Unit::Quarter | Unit::Decade) {
            let (s, _) = unit.period(r)?;
            Resolved::range(shift(s, -n, unit), Some(s), g_, r)
        } else {
            Resolved::range(shift(r, -n, unit), Some(r), g_, r)
        }
    } else if matches!(unit, Unit::Quarter | Unit::Decade) {
        let (_, e) = unit.period(r)?;
        Resolved::range(Some(e), shift(e, n, unit), g_, r)
    } else if vague {
        // "in the next few days": vague, so the range includes today.
        Resolved::range(Some(r), shift(r, n + 1, unit), g_, r)
    } else if unit == Unit::BusinessDay {
        Resolved::range(
            shift(r, 1, Unit::Day),
            shift(shift(r, n, unit)?, 1, Unit::Day),
            g_,
            r,
        )
    } else {
        let s = shift(r, 1, Unit::Day)?;
        Resolved::range(Some(s), shift(s, n, unit), g_, r)
    };
    fixed(res)
}

fn h_in_n_units(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let (n, unit) = unit_and_count(c)?;
    if unit == Unit::Year && g(c, "n").is_some_and(|s| s.len() == 4) {
        return None;
    }
    if looks_back(ctx.text, c.get(0)?.start()) {
        return None;
    }
    let r = ctx.reference;
    fixed(Resolved::day(shift(r, n, unit)?, r))
}

/// Words after which "in N years" measures a stretch reaching back to now,
/// not a day ahead: "the club's first title in 43 years", "the biggest
/// fall in three years".
const LOOK_BACK_WORDS: &[&str] = &[
    "first",
    // "the second crash in four months": an ordinal counts over a stretch
    // just gone, like "first".
    "second",
    "third",
    "fourth",
    "fifth",
    "best",
    "worst",
    "highest",
    "lowest",
    "biggest",
    "largest",
    "smallest",
    "most",
    "least",
    "fewest",
    "longest",
    "shortest",
    "strongest",
    "weakest",
    "fastest",
    "slowest",
    "deadliest",
    "sharpest",
    "steepest",
    "record",
];

/// Verbs and auxiliaries that end the noun phrase a superlative qualifies.
const VERB_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "will", "would", "could", "should", "can", "may",
    "might", "must", "due", "expected", "set", "comes", "come", "arrives", "ends", "starts",
    "begins", "opens", "takes", "happens",
];

/// Auxiliaries that, with a negation, make "in N years" a stretch reaching
/// back: "has not won a title in 43 years", "hadn't scored in three weeks".
const PERFECT_WORDS: &[&str] = &["has", "have", "had", "hasn't", "haven't", "hadn't"];

/// True when "in N units" at byte `start` closes a clause that looks back
/// over that stretch (a superlative or "first" before it, or a negated
/// perfect), so it names no future day.
fn looks_back(text: &str, start: usize) -> bool {
    let clause_start = text[..start]
        .rfind(['.', ';', ':', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let words: Vec<String> = text[clause_start..start]
        .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let recent = &words[words.len().saturating_sub(12)..];
    // The superlative must qualify the noun just before "in": "the first
    // payment is due in 3 weeks" still names a day ahead.
    let phrase = &words[words.len().saturating_sub(5)..];
    let superlative = phrase
        .iter()
        .rposition(|w| LOOK_BACK_WORDS.contains(&w.as_str()))
        .is_some_and(|i| {
            !phrase[i + 1..]
                .iter()
                .any(|w| VERB_WORDS.contains(&w.as_str()))
        });
    let negated_perfect = recent.iter().any(|w| PERFECT_WORDS.contains(&w.as_str()))
        && recent
            .iter()
            .any(|w| matches!(w.as_str(), "not" | "never" | "no") || w.ends_with("n't"));
    superlative || negated_perfect
}

fn h_offset(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let (n, unit) = unit_and_count(c)?;
    let dir = lower(c, "dir")?;
    let r = ctx.reference;
    let (sign, anchor) = match dir.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["ago"] | ["earlier"] => (-1, 0),
        [_, "today"] if dir.starts_with("before") => (-1, 0),
        [_, "yesterday"] => (-1, -1),
        [_, "tomorrow" | "tmrw"] => (1, 1),
        _ => (1, 0),
    };
    let base = shift(r, anchor, Unit::Day)?;
    let mut d = shift(base, sign * n, unit)?;
    if let (Some(n2), Some(u2)) = (g(c, "n2"), g(c, "unit2")) {
        d = shift(d, sign * count(n2)?, Unit::parse(u2)?)?;
    }
    if let (Some(n3), Some(u3)) = (g(c, "n3"), g(c, "unit3")) {
        d = shift(d, sign * count(n3)?, Unit::parse(u3)?)?;
    }
    // "more than 2 weeks before today" is any day before that one; "less
    // than 3 days after tomorrow" the days between tomorrow and that one.
    let range = |s, e| fixed(Resolved::range(s, e, Granularity::Span, r));
    match (lower(c, "mod").as_deref(), sign < 0) {
        (Some("more"), true) => range(None, Some(d)),
        (Some("more"), false) => range(Some(d), None),
        (Some(_), true) => range(Some(d), Some(base)),
        (Some(_), false) => range(Some(base), Some(d)),
        (None, _) => fixed(Resolved::day(d, r)),
    }
}

fn week_rel(rel: &str) -> i64 {
    match rel {
        "next" | "following" | "coming" => 1,
        "last" | "previous" => -1,
        _ => 0,
    }
}

fn h_weekday_of_week(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let wd = weekday(g(c, "wd")?)?;
    let k = week_rel(&lower(c, "rel")?);
    plain(Expr::Weekday(wd, WeekShift::Week(k))).filter(|_| ctx.reference.year() > 0)
}

const NEWSPAPER_AFTER: &[&str] = &[
    "times",
    "telegraph",
    "mirror",
    "express",
    "people",
    "post",
    "herald",
    "mail",
    "world",
    "independent",
    "sport",
    "night",
    "school",
    "league",
];

fn h_weekday(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let wd_s = g(c, "wd")?;
    let wd = weekday(wd_s)?;
    let rel = lower(c, "rel");
    let whole = c.get(0)?.range();
    let shift_ = match rel.as_deref() {
        None => WeekShift::Bare,
        Some("this") => WeekShift::Week(0),
        Some("next" | "following") => WeekShift::Week(1),
        Some("last" | "previous") => WeekShift::Week(-1),
        Some(r) if r.contains("past") => WeekShift::Past,
        Some(_) => WeekShift::Coming,
    };
    let next_word = rest_after(ctx.text, whole.end)
        .trim_start()
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let before = word_before(ctx.text, whole.start);
    if rel.is_none()
        && (NEWSPAPER_AFTER.contains(&next_word.as_str())
            || ctx.text[..whole.start]
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("mail on"))
    {
        return None;
    }
    let abbreviated = wd_s.len() <= 5 && !wd_s.to_ascii_lowercase().ends_with("day");
    let weak = abbreviated
        && rel.is_none()
        && !matches!(
            before.as_str(),
            "on" | "or" | "and" | "by" | "until" | "till" | "from" | "to"
        );
    Some((Expr::Weekday(wd, shift_), weak, Role::Plain))
}

fn season_of(s: &str) -> i8 {
    match s {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        _ => 12,
    }
}

fn h_season(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let s = lower(c, "s")?;
    let rel = lower(c, "rel").map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "));
    if rel.is_none() && (s == "spring" || s == "fall") {
        return None;
    }
    let r = ctx.reference;
    let first = season_of(&s);
    let period = |y: i16| -> Option<(Date, Date)> {
        let st = Date::new(y, first, 1).ok()?;
        Some((st, shift(st, 3, Unit::Month)?))
    };
    let cands: Vec<(Date, Date)> = (-2..=2).filter_map(|k| period(r.year() + k)).collect();
    // The season "of this year": for winter, the one containing the
    // reference or starting this December.
    let this = cands
        .iter()
        .find(|p| p.0 <= r && r < p.1)
        .or_else(|| cands.iter().find(|p| p.0.year() == r.year()))
        .copied()?;
    let chosen = match rel.as_deref() {
        Some("next") => cands.iter().find(|p| p.0 > r).copied()?,
        Some("last") => cands.iter().rev().find(|p| p.1 <= r).copied()?,
        _ => this,
    };
    let res = match rel.as_deref() {
        Some(x) if x.starts_with("earlier") => Resolved::range(
            Some(chosen.0),
            Some(r.min(chosen.1)),
            Granularity::Season,
            r,
        ),
        Some(x) if x.starts_with("later") => Resolved::range(
            Some(r.max(chosen.0)),
            Some(chosen.1),
            Granularity::Season,
            r,
        ),
        None => {
            // Bare season: decided by tense in `combine`; nearest here.
            Resolved::range(Some(this.0), Some(this.1), Granularity::Season, r)
        }
        _ => Resolved::range(Some(chosen.0), Some(chosen.1), Granularity::Season, r),
    };
    fixed(res)
}

fn h_day_only(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let d = i8::try_from(small_number(g(c, "d")?)?).ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let whole = c.get(0)?.range();
    let next_word = rest_after(ctx.text, whole.end)
        .trim_start()
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(
        next_word.as_str(),
        "century"
            | "week"
            | "day"
            | "month"
            | "year"
            | "quarter"
            | "time"
            | "round"
            | "floor"
            | "place"
            | "minute"
            | "half"
            | "anniversary"
            | "birthday"
            | "consecutive"
            | "straight"
    ) {
        return None;
    }
    let has_the = c.get(0)?.as_str().to_ascii_lowercase().starts_with("the");
    let strong = has_the && word_before(ctx.text, whole.start) == "on";
    Some((
        Expr::Cal(Cal {
            year: None,
            month: None,
            day: Some(d),
        }),
        !strong,
        Role::Plain,
    ))
}

fn h_day_day_month(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let d1 = i8::try_from(small_number(g(c, "d1")?)?).ok()?;
    let d2 = i8::try_from(small_number(g(c, "d2")?)?).ok()?;
    let mo = month_number(g(c, "mo")?)?;
    let y = match g(c, "y") {
        Some(y) => Some(y.parse().ok()?),
        None => None,
    };
    if d1 >= d2 {
        return None;
    }
    let whole = c.get(0)?.range();
    if glued_to_numbers(ctx.text, &whole) {
        return None;
    }
    let Expr::Cal(a) = cal(y, mo, Some(d1))? else {
        return None;
    };
    let Expr::Cal(b) = cal(y, mo, Some(d2))? else {
        return None;
    };
    plain(Expr::CalRange(a, b))
}

fn h_day_of_month(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let d = i8::try_from(small_number(g(c, "d")?)?).ok()?;
    let r = ctx.reference;
    let k = rel_offset(&lower(c, "rel").unwrap_or_default());
    let m = shift(r.first_of_month(), k, Unit::Month)?;
    cal(Some(m.year()), m.month(), Some(d)).and_then(plain)
}

fn numeric_side(c: &Captures, a: &str, b: &str, y: &str) -> Option<Cal> {
    let a: i8 = g(c, a)?.parse().ok()?;
    let b: i8 = g(c, b)?.parse().ok()?;
    let year = match g(c, y) {
        Some(s) if s.len() == 2 => Some(expand_two_digit_year(s.parse().ok()?)),
        Some(s) => Some(s.parse().ok()?),
        None => None,
    };
    let (mo, d) = if a > 12 { (b, a) } else { (a, b) };
    match cal(year, mo, Some(d))? {
        Expr::Cal(x) => Some(x),
        _ => None,
    }
}

fn h_numeric_range(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let whole = c.get(0)?.range();
    if glued_to_numbers(ctx.text, &whole) {
        return None;
    }
    let mut a = numeric_side(c, "a1", "b1", "y1")?;
    let b = numeric_side(c, "a2", "b2", "y2")?;
    if a.year.is_none() {
        a.year = b.year;
        // "2/29-3/1/2019": the year the end gives must hold the start too.
        if let (Some(y), Some(m), Some(d)) = (a.year, a.month, a.day) {
            Date::new(y, m, d).ok()?;
        }
    }
    plain(Expr::CalRange(a, b))
}

fn h_the_unit(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let whole = c.get(0)?.range();
    let next_word = rest_after(ctx.text, whole.end)
        .trim_start()
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if next_word.starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    // "the day of the match", "the week he left", "the year before 2015":
    // the period is named by what follows, not by the reference.
    if matches!(
        next_word.as_str(),
        "of" | "when"
            | "that"
            | "which"
            | "in"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "after"
            | "the"
            | "a"
            | "his"
            | "her"
            | "their"
            | "to"
            | "ahead"
            | "beginning"
            | "starting"
            | "commencing"
    ) {
        return None;
    }
    let r = ctx.reference;
    let unit = lower(c, "unit")?;
    if unit == "day" {
        // "the day before the match" is named by the match.
        if next_word == "before" {
            return None;
        }
        return fixed(Resolved::day(r, r));
    }
    if unit == "fortnight" {
        let mon = week_start(r);
        return fixed(Resolved::range(
            Some(mon),
            shift(mon, 14, Unit::Day),
            Granularity::Week,
            r,
        ));
    }
    let unit = Unit::parse(&unit)?;
    let (s, e) = unit.period(r)?;
    fixed(Resolved::range(Some(s), Some(e), unit.granularity(), r))
}

fn h_to_date(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let whole = c.get(0)?.range();
    let w = word_before(ctx.text, whole.start);
    let tail = rest_after(ctx.text, whole.end).trim_start();
    // "up to date", "equals to date 1": not "until today".
    if matches!(w.as_str(), "up" | "equals" | "equal")
        || matches!(char_before(ctx.text, whole.start), Some('-'))
        || tail.starts_with(|ch: char| ch.is_alphanumeric())
    {
        return None;
    }
    let r = ctx.reference;
    fixed(Resolved::range(None, Some(r), Granularity::Span, r))
}

/// "year to date", "YTD": from the start of the period to the reference.
fn h_period_to_date(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let unit = match lower(c, "abbr").as_deref() {
        Some("mtd") => Unit::Month,
        Some("wtd") => Unit::Week,
        Some(_) => Unit::Year,
        None => Unit::parse(g(c, "unit")?)?,
    };
    let r = ctx.reference;
    let (s, _) = unit.period(r)?;
    fixed(Resolved::range(Some(s), Some(r), Granularity::Span, r))
}

fn h_holiday(c: &Captures, ctx: &Ctx) -> Option<(Expr, bool, Role)> {
    let h = crate::holiday::Holiday::parse(g(c, "h")?)?;
    let r = ctx.reference;
    if let Some(y) = g(c, "y") {
        return fixed(Resolved::day(h.date(y.parse().ok()?)?, r));
    }
    if let Some(rel) = lower(c, "yrel") {
        let y = r.year() + i16::try_from(rel_offset(&rel)).ok()?;
        return fixed(Resolved::day(h.date(y)?, r));
    }
    let cands: Vec<Date> = (-1..=1).filter_map(|k| h.date(r.year() + k)).collect();
    match lower(c, "rel").as_deref() {
        Some("next" | "following") => fixed(Resolved::day(*cands.iter().find(|d| **d > r)?, r)),
        Some("last" | "previous") => {
            fixed(Resolved::day(*cands.iter().rev().find(|d| **d < r)?, r))
        }
        Some(_) => fixed(Resolved::day(h.date(r.year())?, r)),
        None => plain(Expr::Holiday(h)),
    }
}

#[cfg(test)]
mod set_tests {
    use super::*;

    /// The one-pass set holds every rule, so running only the rules it
    /// reports finds what running them all finds.
    #[test]
    fn the_rule_set_finds_what_every_rule_finds() {
        let set = RULE_SET.as_ref().map(RegexSet::len);
        assert_eq!(set, Some(RULES.len()));
        let reference = Date::constant(2020, 9, 30);
        for text in [
            "Roma made a last-ditch offer on Monday, 28 September 2020, before the window shuts next week.",
            "The deal, agreed earlier this summer, runs until June 2023; talks resume in Q1 2021.",
            "No date here at all, only £13.5m and 37 appearances.",
            "From 1-3 March, then the 2019-20 season and the nineties.",
        ] {
            let ctx = Ctx { text, reference };
            let spans = |atoms: Vec<Atom>| -> Vec<(Range<usize>, bool)> {
                atoms.into_iter().map(|a| (a.span, a.weak)).collect()
            };
            assert_eq!(
                spans(find_atoms(&ctx)),
                spans(atoms_of(RULES.iter(), &ctx)),
                "{text}"
            );
        }
    }
}
