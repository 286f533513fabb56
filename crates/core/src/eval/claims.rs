//! Recall of money figures against the gold facts of `stories-dev`
//! (`stories.md`): every figure quoted there ("£73m", "85 million euros")
//! must be found in the article it is credited to, with the same amount
//! and currency. Figures in a quote are read with the same money
//! recognizer the product uses, so a gold figure the recognizer cannot read
//! is reported as unreadable gold rather than silently dropped.

use serde::Serialize;
use std::collections::BTreeMap;
use storyline_extract::find_money;

/// One gold figure: an amount quoted in `stories.md` for an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldFigure {
    /// The story heading it is listed under.
    pub story: String,
    /// The article id (`dev-034`).
    pub article: String,
    /// The quote it comes from.
    pub quote: String,
    /// The amount in units.
    pub value: f64,
    /// ISO 4217 code.
    pub currency: String,
}

/// Reads the gold figures of a `stories.md` file. Returns the figures and
/// the quotes that name an article but hold no readable amount.
pub fn parse_gold(markdown: &str) -> (Vec<GoldFigure>, usize) {
    let mut figures = Vec::new();
    let mut story = String::new();
    let mut without_amount = 0;
    for line in markdown.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            story = heading.trim().to_string();
            continue;
        }
        if !line.starts_with("- ") {
            continue;
        }
        // Quotes belong to the article id that follows them.
        let mut rest = line;
        while let Some(open) = rest.find("[dev-") {
            let Some(close) = rest[open..].find(']') else {
                break;
            };
            let article = rest[open + 1..open + close].to_string();
            for quote in quotes(&rest[..open]) {
                let amounts: Vec<_> = find_money(quote)
                    .into_iter()
                    .filter(|m| m.period.is_none() || m.value > 0.0)
                    .collect();
                if amounts.is_empty() {
                    without_amount += 1;
                }
                for money in amounts {
                    figures.push(GoldFigure {
                        story: story.clone(),
                        article: article.clone(),
                        quote: quote.to_string(),
                        value: money.max.unwrap_or(money.value),
                        currency: money.currency,
                    });
                }
            }
            rest = &rest[open + close + 1..];
        }
    }
    (figures, without_amount)
}

/// The "double-quoted" parts of a line.
fn quotes(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

/// Recall of one group of gold figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Recall {
    /// Gold figures.
    pub gold: usize,
    /// Gold figures found in their article.
    pub found: usize,
    /// `found / gold`.
    pub recall: f64,
}

/// The scores of `eval claims`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimsScore {
    /// Gold figures.
    pub gold: usize,
    /// Found.
    pub found: usize,
    /// Recall over all figures.
    pub recall: f64,
    /// English articles only.
    pub english: Recall,
    /// Articles in other languages.
    pub other_languages: Recall,
    /// Quotes that name an article but hold no amount (dates, words).
    pub quotes_without_amount: usize,
    /// The gold figures not found, for inspection.
    pub missed: Vec<GoldFigure>,
}

/// Scores found figures (`(value, currency)` per article id) against the
/// gold; `english` tells whether an article is labeled English.
pub fn score_claims(
    gold: &[GoldFigure],
    quotes_without_amount: usize,
    found: &BTreeMap<String, Vec<(f64, String)>>,
    english: impl Fn(&str) -> bool,
) -> ClaimsScore {
    let mut all = Recall::default();
    let mut en = Recall::default();
    let mut other = Recall::default();
    let mut missed = Vec::new();
    for figure in gold {
        let hit = found.get(&figure.article).is_some_and(|amounts| {
            amounts.iter().any(|(value, currency)| {
                *currency == figure.currency
                    && (value - figure.value).abs() <= figure.value.abs() * 0.005
            })
        });
        let group = if english(&figure.article) {
            &mut en
        } else {
            &mut other
        };
        for r in [&mut all, group] {
            r.gold += 1;
            r.found += usize::from(hit);
        }
        if !hit {
            missed.push(figure.clone());
        }
    }
    for r in [&mut all, &mut en, &mut other] {
        r.recall = if r.gold == 0 {
            0.0
        } else {
            r.found as f64 / r.gold as f64
        };
    }
    ClaimsScore {
        gold: all.gold,
        found: all.found,
        recall: all.recall,
        english: en,
        other_languages: other,
        quotes_without_amount,
        missed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "## rice\n- 2023-06-20 — bid: \"£90m\"; \"£75m plus £15m in add-ons\" — Examiner [dev-017]; \"100 million euros\" — AFP [dev-127]\n- note \"August 10\" [dev-034]\n";

    #[test]
    fn quotes_go_to_the_article_after_them() {
        let (gold, without) = parse_gold(GOLD);
        let shape: Vec<(&str, f64, &str)> = gold
            .iter()
            .map(|g| (g.article.as_str(), g.value, g.currency.as_str()))
            .collect();
        assert_eq!(
            shape,
            [
                ("dev-017", 90e6, "GBP"),
                ("dev-017", 75e6, "GBP"),
                ("dev-017", 15e6, "GBP"),
                ("dev-127", 100e6, "EUR"),
            ]
        );
        assert_eq!(without, 1);
    }

    #[test]
    fn recall_counts_figures_found_in_their_article() {
        let (gold, without) = parse_gold(GOLD);
        let mut found = BTreeMap::new();
        found.insert(
            "dev-017".to_string(),
            vec![(90e6, "GBP".to_string()), (75e6, "GBP".to_string())],
        );
        found.insert("dev-127".to_string(), vec![(100e6, "USD".to_string())]);
        let score = score_claims(&gold, without, &found, |id| id != "dev-127");
        assert_eq!((score.gold, score.found), (4, 2));
        assert_eq!(score.english.recall, 2.0 / 3.0);
        assert_eq!(score.other_languages.found, 0);
        assert_eq!(score.missed.len(), 2);
    }
}
