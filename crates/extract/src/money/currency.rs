//! The currency vocabulary: symbols, country-prefixed dollars, ISO codes and
//! names, each resolved to an ISO 4217 code and a multiplier (minor units such
//! as `cents` are 0.01 of the major unit; `MUSD` is a million dollars).
//!
//! Policy for bare names that several countries share: `$`/`dollars` → USD,
//! `£`/`pounds` → GBP, `francs` → CHF, `rupees` → INR, `lira` → TRY,
//! `cents` → USD cents, `pence` → GBP pence. A country word or prefix overrides
//! it (`A$`, `Canadian dollars`, `HK$`). Bitcoin uses the common non-ISO `XBT`;
//! withdrawn currencies keep their withdrawn codes (FRF, FIM, ESP, NLG, DEM).

use std::sync::LazyLock;

use crate::lex::{Kind, Tok, tokenize};

/// A recognised currency mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Multiplier from the written amount to major units.
    pub mult: f64,
    /// One past the last token of the mention.
    pub end: usize,
    /// True for minor units (`cents`, `pence`).
    pub minor: bool,
}

const SYMBOLS: &[(char, &str)] = &[
    ('$', "USD"),
    ('£', "GBP"),
    ('€', "EUR"),
    ('¥', "JPY"),
    ('₹', "INR"),
    ('₿', "XBT"),
    ('₩', "KRW"),
    ('₽', "RUB"),
    ('₺', "TRY"),
    ('₪', "ILS"),
    ('₦', "NGN"),
    ('₱', "PHP"),
    ('₫', "VND"),
    ('₴', "UAH"),
    ('₡', "CRC"),
    ('₾', "GEL"),
    ('₭', "LAK"),
    ('₸', "KZT"),
];

/// Letters written before `$`. Single letters count only when glued (`A$5`), except
/// `c $` which tokenised newswire spells with a space.
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("u.s.", "USD"),
    ("u.s", "USD"),
    ("usd", "USD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("aud", "AUD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("can", "CAD"),
    ("cad", "CAD"),
    ("hk", "HKD"),
    ("hkd", "HKD"),
    ("nz", "NZD"),
    ("nzd", "NZD"),
    ("s", "SGD"),
    ("sg", "SGD"),
    ("sgd", "SGD"),
    ("r", "BRL"),
    ("mex", "MXN"),
    ("mx", "MXN"),
    ("mxn", "MXN"),
    ("nt", "TWD"),
];

/// ISO codes written as words. Those that are also English words (`CAD`, `TRY`)
/// count only in capitals.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "AUD", "CAD", "JPY", "CNY", "CHF", "INR", "HKD", "NZD", "SGD", "SEK",
    "NOK", "DKK", "MXN", "BRL", "ZAR", "RUB", "TRY", "KRW", "PLN", "HUF", "CZK", "ILS", "AED",
    "SAR", "NGN", "KES", "EGP", "IDR", "MYR", "THB", "PHP", "TWD", "ARS", "CLP", "COP", "PKR",
    "LKR", "BDT", "VND", "UAH", "QAR",
];
const CAPITALS_ONLY: &[&str] = &["CAD", "TRY", "PHP"];

/// Currency names written after the amount: (name, code, multiplier).
const NAMES: &[(&str, &str, f64)] = &[
    ("dollar", "USD", 1.0),
    ("us dollar", "USD", 1.0),
    ("u.s. dollar", "USD", 1.0),
    ("american dollar", "USD", 1.0),
    ("united states dollar", "USD", 1.0),
    ("australian dollar", "AUD", 1.0),
    ("canadian dollar", "CAD", 1.0),
    ("hong kong dollar", "HKD", 1.0),
    ("new zealand dollar", "NZD", 1.0),
    ("singapore dollar", "SGD", 1.0),
    ("taiwan dollar", "TWD", 1.0),
    ("new taiwan dollar", "TWD", 1.0),
    ("euro", "EUR", 1.0),
    ("pound", "GBP", 1.0),
    ("british pound", "GBP", 1.0),
    ("pounds sterling", "GBP", 1.0),
    ("sterling", "GBP", 1.0),
    ("egyptian pound", "EGP", 1.0),
    ("yen", "JPY", 1.0),
    ("japanese yen", "JPY", 1.0),
    ("yuan", "CNY", 1.0),
    ("chinese yuan", "CNY", 1.0),
    ("renminbi", "CNY", 1.0),
    ("rmb", "CNY", 1.0),
    ("元", "CNY", 1.0),
    ("franc", "CHF", 1.0),
    ("swiss franc", "CHF", 1.0),
    ("french franc", "FRF", 1.0),
    ("rupee", "INR", 1.0),
    ("indian rupee", "INR", 1.0),
    ("sri lankan rupee", "LKR", 1.0),
    ("pakistani rupee", "PKR", 1.0),
    ("ரூ", "LKR", 1.0),
    ("lira", "TRY", 1.0),
    ("turkish lira", "TRY", 1.0),
    ("italian lira", "ITL", 1.0),
    ("lire", "ITL", 1.0),
    ("mexican peso", "MXN", 1.0),
    ("philippine peso", "PHP", 1.0),
    ("argentine peso", "ARS", 1.0),
    ("chilean peso", "CLP", 1.0),
    ("colombian peso", "COP", 1.0),
    ("rouble", "RUB", 1.0),
    ("ruble", "RUB", 1.0),
    ("rand", "ZAR", 1.0),
    ("korean won", "KRW", 1.0),
    ("south korean won", "KRW", 1.0),
    ("krona", "SEK", 1.0),
    ("kronor", "SEK", 1.0),
    ("swedish krona", "SEK", 1.0),
    ("swedish kronor", "SEK", 1.0),
    ("norwegian krone", "NOK", 1.0),
    ("norwegian kroner", "NOK", 1.0),
    ("danish krone", "DKK", 1.0),
    ("danish kroner", "DKK", 1.0),
    ("zloty", "PLN", 1.0),
    ("zlotys", "PLN", 1.0),
    ("forint", "HUF", 1.0),
    ("shekel", "ILS", 1.0),
    ("dirham", "AED", 1.0),
    ("riyal", "SAR", 1.0),
    ("naira", "NGN", 1.0),
    ("ringgit", "MYR", 1.0),
    ("baht", "THB", 1.0),
    ("rupiah", "IDR", 1.0),
    ("brazilian real", "BRL", 1.0),
    ("reais", "BRL", 1.0),
    ("markka", "FIM", 1.0),
    ("finnish markka", "FIM", 1.0),
    ("peseta", "ESP", 1.0),
    ("guilder", "NLG", 1.0),
    ("dutch guilder", "NLG", 1.0),
    ("deutsche mark", "DEM", 1.0),
    ("deutschmark", "DEM", 1.0),
    ("escudo", "PTE", 1.0),
    ("drachma", "GRD", 1.0),
    ("colón", "CRC", 1.0),
    ("colones", "CRC", 1.0),
    ("lari", "GEL", 1.0),
    ("kip", "LAK", 1.0),
    ("bitcoin", "XBT", 1.0),
    ("btc", "XBT", 1.0),
    ("satoshi", "XBT", 1e-8),
    ("kuai", "CNY", 1.0),
];

/// Currency names of other languages, written after the amount as in
/// `115 milljónir punda`, `740 miljoner kronor`, `40 milijuna eura`,
/// `90 миллионов фунтов стерлингов`. Inflected forms are listed as they occur
/// after a figure (genitive plurals mostly); words that are also English words
/// after a number (`pond`, `livres` without `sterling`, `kroner` shared by two
/// crowns) are left out.
const FOREIGN_NAMES: &[(&str, &str, f64)] = &[
    // Euro: Croatian, Slovenian, Russian, Hindi, Greek, Hungarian.
    ("eura", "EUR", 1.0),
    ("evrov", "EUR", 1.0),
    ("evra", "EUR", 1.0),
    ("евро", "EUR", 1.0),
    ("यूरो", "EUR", 1.0),
    ("ευρώ", "EUR", 1.0),
    ("euró", "EUR", 1.0),
    // Pound sterling.
    ("pund", "GBP", 1.0),
    ("punda", "GBP", 1.0),
    ("pundum", "GBP", 1.0),
    ("pfund", "GBP", 1.0),
    ("funti", "GBP", 1.0),
    ("funta", "GBP", 1.0),
    ("funtov", "GBP", 1.0),
    ("фунт", "GBP", 1.0),
    ("фунта", "GBP", 1.0),
    ("фунтов", "GBP", 1.0),
    ("фунтов стерлингов", "GBP", 1.0),
    ("фунта стерлингов", "GBP", 1.0),
    ("sterline", "GBP", 1.0),
    ("sterlina", "GBP", 1.0),
    ("libras", "GBP", 1.0),
    ("libras esterlinas", "GBP", 1.0),
    ("livres sterling", "GBP", 1.0),
    ("पाउंड", "GBP", 1.0),
    // Dollar.
    ("dólar", "USD", 1.0),
    ("dólares", "USD", 1.0),
    ("dollari", "USD", 1.0),
    ("dollaro", "USD", 1.0),
    ("dolarjev", "USD", 1.0),
    ("dolara", "USD", 1.0),
    ("доллар", "USD", 1.0),
    ("доллара", "USD", 1.0),
    ("долларов", "USD", 1.0),
    ("डॉलर", "USD", 1.0),
    // Other crowns, francs, roubles, rupees, kunas.
    ("krónur", "ISK", 1.0),
    ("króna", "ISK", 1.0),
    ("franken", "CHF", 1.0),
    ("franchi", "CHF", 1.0),
    ("francs suisses", "CHF", 1.0),
    ("рубль", "RUB", 1.0),
    ("рубля", "RUB", 1.0),
    ("рублей", "RUB", 1.0),
    ("रुपये", "INR", 1.0),
    ("रुपए", "INR", 1.0),
    ("kuna", "HRK", 1.0),
];

/// Minor units: (name, code, multiplier).
const MINOR: &[(&str, &str, f64)] = &[
    ("cent", "USD", 0.01),
    ("euro cent", "EUR", 0.01),
    ("eurocent", "EUR", 0.01),
    ("pence", "GBP", 0.01),
    ("penny", "GBP", 0.01),
    ("pennies", "GBP", 0.01),
];

struct Pattern {
    words: Vec<String>,
    code: &'static str,
    mult: f64,
    minor: bool,
}

fn words_of(s: &str) -> Vec<String> {
    tokenize(s).into_iter().map(|t| t.lower).collect()
}

/// Names and their plurals, longest first so "swiss francs" beats "francs".
static SUFFIX_NAMES: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for (list, minor) in [(NAMES, false), (FOREIGN_NAMES, false), (MINOR, true)] {
        for (name, code, mult) in list {
            let words = words_of(name);
            let mut plural = words.clone();
            if let Some(last) = plural.last_mut()
                && !last.ends_with('s')
                && last.is_ascii()
            {
                last.push('s');
                out.push(Pattern {
                    words: plural,
                    code,
                    mult: *mult,
                    minor,
                });
            }
            out.push(Pattern {
                words,
                code,
                mult: *mult,
                minor,
            });
        }
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    out
});

static DOLLAR_PATTERNS: LazyLock<Vec<(Vec<String>, &'static str)>> = LazyLock::new(|| {
    let mut out: Vec<_> = DOLLAR_PREFIXES
        .iter()
        .map(|(p, code)| (words_of(p), *code))
        .collect();
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    out
});

fn matches_at(toks: &[Tok], i: usize, words: &[String]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.lower == *w))
}

fn symbol(t: &Tok) -> Option<&'static str> {
    match t.kind {
        Kind::Punct(c) => SYMBOLS.iter().find(|(s, _)| *s == c).map(|(_, code)| *code),
        _ => None,
    }
}

/// An ISO code word, optionally `M`-prefixed for millions (`MUSD`, `MEUR`).
fn code(t: &Tok) -> Option<(&'static str, f64)> {
    if t.kind != Kind::Word {
        return None;
    }
    let upper = t.raw.to_uppercase();
    let plain = CODES.iter().find(|c| **c == upper).copied();
    if let Some(c) = plain {
        if CAPITALS_ONLY.contains(&c) && t.raw != c {
            return None;
        }
        return Some((c, 1.0));
    }
    let rest = t.raw.strip_prefix('M')?;
    CODES
        .iter()
        .find(|c| **c == rest && rest.len() == 3)
        .map(|c| (*c, 1e6))
}

/// A currency written before the amount: `$`, `£`, `US$`, `c $`, `HK$`, `USD`, `MAUD`.
pub(crate) fn prefix_at(toks: &[Tok], i: usize) -> Option<Currency> {
    let t = toks.get(i)?;
    if let Some(code) = symbol(t) {
        return Some(Currency {
            code,
            mult: 1.0,
            end: i + 1,
            minor: false,
        });
    }
    // A word glued to letters before it ("usa$") is not a prefix.
    for (words, code) in DOLLAR_PATTERNS.iter() {
        let dollar = i + words.len();
        if !matches_at(toks, i, words) || !toks.get(dollar).is_some_and(|d| d.is_punct('$')) {
            continue;
        }
        if words.len() == 1 && words[0].len() == 1 {
            let glued = toks[dollar].start == toks[dollar - 1].end;
            let capital = t.raw.chars().all(char::is_uppercase);
            if !(glued && capital) && t.lower != "c" {
                continue;
            }
        }
        return Some(Currency {
            code,
            mult: 1.0,
            end: dollar + 1,
            minor: false,
        });
    }
    let (code, mult) = code(t)?;
    Some(Currency {
        code,
        mult,
        end: i + 1,
        minor: false,
    })
}

/// A currency written after the amount: names (`euros`, `Swiss francs`), minor
/// units (`cents`, `pence`), codes (`USD`, `MUSD`) and symbols (`10 €`).
pub(crate) fn suffix_at(toks: &[Tok], i: usize) -> Option<Currency> {
    let t = toks.get(i)?;
    for p in SUFFIX_NAMES.iter() {
        if matches_at(toks, i, &p.words) {
            return Some(Currency {
                code: p.code,
                mult: p.mult,
                end: i + p.words.len(),
                minor: p.minor,
            });
        }
    }
    if let Some(code) = symbol(t) {
        return Some(Currency {
            code,
            mult: 1.0,
            end: i + 1,
            minor: false,
        });
    }
    let (code, mult) = code(t)?;
    Some(Currency {
        code,
        mult,
        end: i + 1,
        minor: false,
    })
}

/// True when a currency of any form starts at `i`.
pub(crate) fn any_at(toks: &[Tok], i: usize) -> bool {
    prefix_at(toks, i).is_some() || suffix_at(toks, i).is_some()
}
