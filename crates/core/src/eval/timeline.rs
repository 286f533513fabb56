//! Timeline summarization metrics as the tilse framework defines them
//! (Martschat & Markert, "Improving ROUGE for Timeline Summarization",
//! EACL 2017, and CoNLL 2018): Date-F1 ([`date_f1`]) and the
//! alignment-based ROUGE-N F1 called AR1-F/AR2-F in the literature
//! ([`align_rouge`], tilse's `align_date_content_costs_many_to_one`).
//!
//! A timeline is a list of `(date, sentences)`; dates that occur twice are
//! merged. Scoring one system timeline against one gold timeline:
//!
//! * **Date-F1**: precision and recall of the set of dates.
//! * **AR-N**: every system date is aligned to the gold date with the lowest
//!   cost (many-to-one, for precision), and every gold date to the system date
//!   with the lowest cost (for recall). The cost of a pair is
//!   `(1 − 1/(|Δdays| + 1)) × (1 − approximate ROUGE-1 F1 of the two daily
//!   summaries)`, the approximation counting raw whitespace tokens. The ROUGE-N
//!   hits of each aligned pair are weighted by `1/(|Δdays| + 1)`; precision is
//!   the weighted hits over the system n-grams, recall over the gold n-grams.
//!
//! ROUGE counts follow ROUGE-1.5.5 as tilse calls it (`-m -s -t 2`): a daily
//! summary is lowercased, its sentences joined, every character but
//! `[a-z0-9-]` turned into a space, `-` split off, split at whitespace; tokens
//! in the SMART stop list ([`ROUGE_STOP_WORDS`]) and tokens that do not start
//! with `[a-z0-9$]` are dropped; tokens longer than three characters are
//! stemmed; n-grams run across sentence boundaries. One deviation: ROUGE
//! stems with the original Porter algorithm after a WordNet exception list
//! ("said" → "say"); here the Snowball English stemmer stands in, without
//! the exception list. `scripts/tilse_check.py` measures the difference.

use jiff::civil::Date;
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A timeline: dates with the sentences of their daily summaries.
pub type Timeline = Vec<(Date, Vec<String>)>;

/// The SMART stop list that ROUGE-1.5.5 removes with `-s`
/// (`data/smart_common_words.txt` of the ROUGE-1.5.5 distribution).
pub const ROUGE_STOP_WORDS: &str = include_str!("rouge_stop_words.txt");

/// Precision, recall and F1 (the evaluations' shared triple).
pub use super::PrecisionRecall as Prf;

/// The three standard figures for one system timeline against one gold one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TimelineScores {
    /// Date selection.
    pub date: Prf,
    /// Alignment-based ROUGE-1 (AR1).
    pub ar1: Prf,
    /// Alignment-based ROUGE-2 (AR2).
    pub ar2: Prf,
}

/// Turns text into ROUGE-1.5.5 tokens. Build once and reuse.
pub struct RougeTokenizer {
    stemmer: Stemmer,
    stop_words: HashSet<&'static str>,
}

impl Default for RougeTokenizer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            stop_words: ROUGE_STOP_WORDS.lines().map(str::trim).collect(),
        }
    }
}

impl std::fmt::Debug for RougeTokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RougeTokenizer")
            .field("stop_words", &self.stop_words.len())
            .finish()
    }
}

impl RougeTokenizer {
    /// The tokens ROUGE counts in a daily summary (its sentences joined).
    pub fn tokens(&self, sentences: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        for sentence in sentences {
            // ROUGE-1.5.5 reads bytes: ASCII case folding, then every byte
            // but `[a-z0-9-]` becomes a space and `-` a token of its own.
            let cleaned: String = sentence
                .to_ascii_lowercase()
                .chars()
                .map(|c| match c {
                    'a'..='z' | '0'..='9' => c.to_string(),
                    '-' => " - ".to_string(),
                    _ => " ".to_string(),
                })
                .collect();
            for token in cleaned.split_ascii_whitespace() {
                if self.stop_words.contains(token)
                    || !token.starts_with(|c: char| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '$'
                    })
                {
                    continue;
                }
                if token.len() > 3 {
                    out.push(self.stemmer.stem(token).into_owned());
                } else {
                    out.push(token.to_string());
                }
            }
        }
        out
    }
}

/// Counts of the n-grams of `tokens`.
fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    if n > 0 && tokens.len() >= n {
        for gram in tokens.windows(n) {
            *counts.entry(gram).or_insert(0) += 1;
        }
    }
    counts
}

/// ROUGE-N raw counts of one summary pair: `(hits, system n-grams, gold
/// n-grams)`, hits clipped per n-gram.
fn rouge_counts(system: &[String], gold: &[String], n: usize) -> (usize, usize, usize) {
    let sys = ngrams(system, n);
    let gold = ngrams(gold, n);
    let hits = gold
        .iter()
        .map(|(gram, g)| sys.get(gram).map_or(0, |s| (*s).min(*g)))
        .sum();
    (hits, sys.values().sum(), gold.values().sum())
}

/// tilse's `compute_rouge_approximation`: ROUGE-1 F1 over raw whitespace
/// tokens (no lowercasing, stemming or stop list), used only for alignment.
fn approximate_rouge1(system: &[String], gold: &[String]) -> f64 {
    fn count(sentences: &[String]) -> HashMap<&str, usize> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for token in sentences.iter().flat_map(|s| s.split_whitespace()) {
            *counts.entry(token).or_insert(0) += 1;
        }
        counts
    }
    let sys = count(system);
    let gold = count(gold);
    let hits: usize = sys
        .iter()
        .map(|(tok, s)| gold.get(tok).map_or(0, |g| (*s).min(*g)))
        .sum();
    let sys_total: usize = sys.values().sum();
    let gold_total: usize = gold.values().sum();
    let precision = if sys_total == 0 {
        0.0
    } else {
        hits as f64 / sys_total as f64
    };
    let recall = if gold_total == 0 {
        0.0
    } else {
        hits as f64 / gold_total as f64
    };
    Prf::new(precision, recall).f1
}

/// Merges repeated dates and orders by date.
fn merged(timeline: &Timeline) -> Vec<(Date, Vec<String>)> {
    let mut by_date: BTreeMap<Date, Vec<String>> = BTreeMap::new();
    for (date, sentences) in timeline {
        by_date
            .entry(*date)
            .or_default()
            .extend(sentences.iter().cloned());
    }
    by_date.into_iter().collect()
}

/// Date-F1: precision and recall of the system's set of dates.
pub fn date_f1(gold: &Timeline, system: &Timeline) -> Prf {
    let gold: HashSet<Date> = gold.iter().map(|(d, _)| *d).collect();
    let system: HashSet<Date> = system.iter().map(|(d, _)| *d).collect();
    let both = gold.intersection(&system).count() as f64;
    let ratio = |n: usize| if n == 0 { 0.0 } else { both / n as f64 };
    Prf::new(ratio(system.len()), ratio(gold.len()))
}

fn day_distance(a: Date, b: Date) -> f64 {
    // `until` between two civil dates in days cannot fail for dates jiff
    // can represent; fall back to "far apart" rather than panic.
    a.until(b)
        .map(|span| f64::from(span.get_days().abs()))
        .unwrap_or(f64::MAX)
}

/// For each `from` day, the index of the `to` day with the lowest alignment
/// cost (first one on ties, as numpy's `argmin`). `content(i, j)` is the
/// approximate ROUGE-1 of the pair.
fn assign(from: &[Date], to: &[Date], content: impl Fn(usize, usize) -> f64) -> Vec<Option<usize>> {
    from.iter()
        .enumerate()
        .map(|(i, a)| {
            let mut best: Option<(usize, f64)> = None;
            for (j, b) in to.iter().enumerate() {
                let date_factor = 1.0 - 1.0 / (day_distance(*a, *b) + 1.0);
                let cost = date_factor * (1.0 - content(i, j));
                if best.is_none_or(|(_, c)| cost < c) {
                    best = Some((j, cost));
                }
            }
            best.map(|(j, _)| j)
        })
        .collect()
}

/// Alignment-based ROUGE-N (tilse's `align_date_content_costs_many_to_one`)
/// of `system` against `gold`, for each `n` in `orders`.
pub fn align_rouge(
    gold: &Timeline,
    system: &Timeline,
    orders: &[usize],
    tokenizer: &RougeTokenizer,
) -> Vec<Prf> {
    let gold = merged(gold);
    let system = merged(system);
    let gold_dates: Vec<Date> = gold.iter().map(|(d, _)| *d).collect();
    let sys_dates: Vec<Date> = system.iter().map(|(d, _)| *d).collect();
    let gold_tokens: Vec<Vec<String>> = gold.iter().map(|(_, s)| tokenizer.tokens(s)).collect();
    let sys_tokens: Vec<Vec<String>> = system.iter().map(|(_, s)| tokenizer.tokens(s)).collect();
    let mut approx = vec![vec![0.0; gold.len()]; system.len()];
    for (i, (_, sys)) in system.iter().enumerate() {
        for (j, (_, g)) in gold.iter().enumerate() {
            approx[i][j] = approximate_rouge1(sys, g);
        }
    }
    let precision_pairs = assign(&sys_dates, &gold_dates, |i, j| approx[i][j]);
    let recall_pairs = assign(&gold_dates, &sys_dates, |j, i| approx[i][j]);
    orders
        .iter()
        .map(|&n| {
            let (mut p_num, mut p_den) = (0.0, 0.0);
            for (i, j) in precision_pairs.iter().enumerate() {
                let Some(j) = *j else { continue };
                let (hits, sys_n, _) = rouge_counts(&sys_tokens[i], &gold_tokens[j], n);
                let weight = 1.0 / (day_distance(sys_dates[i], gold_dates[j]) + 1.0);
                p_num += weight * hits as f64;
                p_den += sys_n as f64;
            }
            let (mut r_num, mut r_den) = (0.0, 0.0);
            for (j, i) in recall_pairs.iter().enumerate() {
                match *i {
                    Some(i) => {
                        let (hits, _, gold_n) = rouge_counts(&sys_tokens[i], &gold_tokens[j], n);
                        let weight = 1.0 / (day_distance(sys_dates[i], gold_dates[j]) + 1.0);
                        r_num += weight * hits as f64;
                        r_den += gold_n as f64;
                    }
                    // An empty system timeline: every gold n-gram is missed.
                    None => r_den += ngrams(&gold_tokens[j], n).values().sum::<usize>() as f64,
                }
            }
            let ratio = |num: f64, den: f64| if den == 0.0 { 0.0 } else { num / den };
            Prf::new(ratio(p_num, p_den), ratio(r_num, r_den))
        })
        .collect()
}

/// Date-F1, AR1 and AR2 of `system` against `gold`.
pub fn score_timeline(
    gold: &Timeline,
    system: &Timeline,
    tokenizer: &RougeTokenizer,
) -> TimelineScores {
    let rouge = align_rouge(gold, system, &[1, 2], tokenizer);
    TimelineScores {
        date: date_f1(gold, system),
        ar1: rouge[0],
        ar2: rouge[1],
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn tl(entries: &[(&str, &[&str])]) -> Timeline {
        entries
            .iter()
            .map(|(d, s)| (day(d), s.iter().map(|x| x.to_string()).collect()))
            .collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn date_f1_counts_the_shared_days() {
        let gold = tl(&[
            ("2020-01-01", &[]),
            ("2020-01-02", &[]),
            ("2020-01-03", &[]),
        ]);
        let system = tl(&[
            ("2020-01-02", &[]),
            ("2020-01-03", &[]),
            ("2020-01-04", &[]),
            ("2020-01-05", &[]),
        ]);
        let prf = date_f1(&gold, &system);
        assert!(close(prf.precision, 0.5));
        assert!(close(prf.recall, 2.0 / 3.0));
        assert!(close(prf.f1, 4.0 / 7.0));
    }

    #[test]
    fn tokens_follow_rouge_155() {
        let tokens = RougeTokenizer::default().tokens(&[
            "The Army said soldiers were killed , -LRB- 2 -RRB- in Port-au-Prince , 400,000 $"
                .to_string(),
            "Bases".to_string(),
        ]);
        assert_eq!(
            tokens,
            [
                "armi", "soldier", "kill", "lrb", "2", "rrb", "port", "au", "princ", "400", "000",
                "base"
            ]
        );
    }

    #[test]
    fn bigrams_cross_sentences_and_removed_stop_words() {
        let tokenizer = RougeTokenizer::default();
        let sys = tokenizer.tokens(&["alpha of beta".to_string(), "gamma".to_string()]);
        let gold = tokenizer.tokens(&["alpha beta gamma".to_string()]);
        assert_eq!(rouge_counts(&sys, &gold, 2), (2, 2, 2));
    }

    /// Hand-computed: system 01-02 aligns to gold 01-03 (same words, one
    /// day off: cost 0.5 × 0 beats 0.5 × 1) and its hits count half.
    /// AR1: P = (2 + 0.5 × 2) / 5, R = (2 + 0.5 × 2) / 5.
    /// AR2: P = (1 + 0.5 × 1) / 3, R = (1 + 0.5 × 1) / 3.
    #[test]
    fn aligned_rouge_weights_hits_by_date_distance() {
        let gold = tl(&[
            ("2020-01-01", &["alpha beta gamma"]),
            ("2020-01-03", &["delta epsilon"]),
        ]);
        let system = tl(&[
            ("2020-01-01", &["alpha beta zeta"]),
            ("2020-01-02", &["delta epsilon"]),
        ]);
        let scores = score_timeline(&gold, &system, &RougeTokenizer::default());
        assert!(close(scores.ar1.precision, 0.6), "{scores:?}");
        assert!(close(scores.ar1.recall, 0.6), "{scores:?}");
        assert!(close(scores.ar2.precision, 0.5), "{scores:?}");
        assert!(close(scores.ar2.recall, 0.5), "{scores:?}");
        assert!(close(scores.date.f1, 0.5), "{scores:?}");
    }

    /// Content beats closeness: 01-02 aligns to 01-05 (cost 0.75 × 0)
    /// rather than 01-01 (cost 0.5 × 1), weight 1/4.
    /// P = 0.25 × 2 / 2, R = 0.25 × 2 / 4, F1 = 1/6.
    #[test]
    fn content_overlap_can_beat_date_distance() {
        let gold = tl(&[
            ("2020-01-01", &["alpha beta"]),
            ("2020-01-05", &["gamma delta"]),
        ]);
        let system = tl(&[("2020-01-02", &["gamma delta"])]);
        let ar1 = align_rouge(&gold, &system, &[1], &RougeTokenizer::default())[0];
        assert!(close(ar1.precision, 0.25), "{ar1:?}");
        assert!(close(ar1.recall, 0.125), "{ar1:?}");
        assert!(close(ar1.f1, 1.0 / 6.0), "{ar1:?}");
    }

    #[test]
    fn repeated_dates_merge_and_empty_systems_score_zero() {
        let gold = tl(&[("2020-01-01", &["alpha"]), ("2020-01-01", &["beta"])]);
        let system = tl(&[("2020-01-01", &["alpha beta"])]);
        let scores = score_timeline(&gold, &system, &RougeTokenizer::default());
        assert!(
            close(scores.ar1.f1, 1.0) && close(scores.ar2.f1, 1.0),
            "{scores:?}"
        );
        let empty = score_timeline(&gold, &Vec::new(), &RougeTokenizer::default());
        assert_eq!(empty, TimelineScores::default());
    }
}
