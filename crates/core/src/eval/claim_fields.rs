//! Field-level scoring of money claims against hand labels
//! (`testdata/claims/labels.jsonl`).
//!
//! Each label is one money figure as written in an article, with the kind,
//! subject, holder and status a careful reader gives it. Predicted claims
//! are matched to gold figures per article, first by position (spans that
//! overlap, with two characters of slack), then by identical text. Over the
//! matched figures, every field (kind, subject, holder, status) gets a
//! precision (correct / predicted non-null) and a recall (correct / gold
//! non-null), values compared without regard to case, accents or
//! spacing; the share of gold figures matched at all is the figure recall. Articles are split into a tune half (odd numeric id) and a test
//! half (even numeric id) by [`half_of`].
//!
//! Everything here is pure: parsing takes the file's text, scoring takes
//! slices and maps; the binary reads the files.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The money kinds a label may carry.
pub const KINDS: [&str; 8] = [
    "offer",
    "asking_price",
    "valuation",
    "fee",
    "wage",
    "release_clause",
    "add_ons",
    "other",
];

/// The statuses a label may carry (or none).
pub const STATUSES: [&str; 5] = ["planned", "made", "rejected", "accepted", "considering"];

/// Characters of slack allowed when comparing a predicted span to a gold one.
pub const OFFSET_SLACK: usize = 2;

/// One hand-labeled money figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabeledFigure {
    /// The article id (`dev-034`).
    pub article: String,
    /// The figure as written (`£91.3m`).
    pub text: String,
    /// Character (code point) offset of the figure's first character in
    /// the article file.
    pub offset: usize,
    /// One of [`KINDS`].
    pub kind: String,
    /// Who or what the figure is about (a player, a company), if said.
    pub subject: Option<String>,
    /// Whose figure it is (the bidder, the seller asking), if said.
    pub holder: Option<String>,
    /// One of [`STATUSES`], if the text says.
    pub status: Option<String>,
    /// The neighbouring figure this one only converts (`£91.3m` for the
    /// `€100m` in `£91.3m (€100m)`).
    #[serde(default)]
    pub conversion_of: Option<String>,
}

/// Why a labels file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LabelError {
    /// A line is not a JSON object of the label schema.
    #[error("labels line {line}: {source}")]
    Json {
        /// 1-based line number.
        line: usize,
        /// The parser's complaint.
        #[source]
        source: serde_json::Error,
    },
    /// `kind` is not one of [`KINDS`].
    #[error("labels line {line}: unknown kind {kind:?}")]
    UnknownKind {
        /// 1-based line number.
        line: usize,
        /// The value found.
        kind: String,
    },
    /// `status` is not one of [`STATUSES`].
    #[error("labels line {line}: unknown status {status:?}")]
    UnknownStatus {
        /// 1-based line number.
        line: usize,
        /// The value found.
        status: String,
    },
    /// A required string (`article`, `text`) is empty.
    #[error("labels line {line}: empty {field}")]
    Empty {
        /// 1-based line number.
        line: usize,
        /// The field's name.
        field: &'static str,
    },
}

/// Parses a labels JSONL text: one [`LabeledFigure`] per non-blank line.
pub fn parse_labels(jsonl: &str) -> Result<Vec<LabeledFigure>, LabelError> {
    let mut labels = Vec::new();
    for (index, raw) in jsonl.lines().enumerate() {
        let line = index + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let label: LabeledFigure =
            serde_json::from_str(raw).map_err(|source| LabelError::Json { line, source })?;
        if label.article.trim().is_empty() {
            return Err(LabelError::Empty {
                line,
                field: "article",
            });
        }
        if label.text.trim().is_empty() {
            return Err(LabelError::Empty {
                line,
                field: "text",
            });
        }
        if !KINDS.contains(&label.kind.as_str()) {
            return Err(LabelError::UnknownKind {
                line,
                kind: label.kind,
            });
        }
        if let Some(status) = &label.status
            && !STATUSES.contains(&status.as_str())
        {
            return Err(LabelError::UnknownStatus {
                line,
                status: status.clone(),
            });
        }
        labels.push(label);
    }
    Ok(labels)
}

/// One predicted money claim of an article, as the scorer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PredictedClaim {
    /// The figure as written.
    pub text: String,
    /// Character offset of its first character in the article file
    /// ([`offset_in_file`]), as the labels count.
    pub offset: usize,
    /// Predicted kind, if any.
    pub kind: Option<String>,
    /// Predicted subject, if any.
    pub subject: Option<String>,
    /// Predicted holder, if any.
    pub holder: Option<String>,
    /// Predicted status, if any.
    pub status: Option<String>,
}

/// Characters of a part's opening looked for in the file to place it.
const PART_PROBE_CHARS: usize = 100;

/// Moves a claim's offset in the article's full text (title, lead and body
/// joined by blank lines, as the claim reader sees it) to the same
/// character in the article's file, where the labels count. Each part is
/// placed where its opening first appears in the file; an offset whose
/// part the file does not show as written (normalized away) is kept.
pub fn offset_in_file(article: &crate::Article, file_text: &str, offset: usize) -> usize {
    let mut parts: Vec<&str> = vec![&article.title];
    parts.extend(article.lead.as_deref());
    parts.push(&article.body);
    let mut start = 0;
    for part in parts {
        let len = part.chars().count();
        if offset < start + len {
            let probe: String = part.chars().take(PART_PROBE_CHARS).collect();
            return match file_text.find(&probe) {
                Some(byte) => file_text[..byte].chars().count() + (offset - start),
                None => offset,
            };
        }
        start += len + 2;
    }
    offset
}

/// `(text, char_offset, kind, subject, holder, status)`, the tuple form
/// callers hand in.
pub type ClaimTuple<'a> = (
    &'a str,
    usize,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

impl From<ClaimTuple<'_>> for PredictedClaim {
    fn from((text, offset, kind, subject, holder, status): ClaimTuple<'_>) -> Self {
        Self {
            text: text.to_string(),
            offset,
            kind: kind.map(str::to_string),
            subject: subject.map(str::to_string),
            holder: holder.map(str::to_string),
            status: status.map(str::to_string),
        }
    }
}

/// Which half of the labeled set an article belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Half {
    /// Articles with an odd numeric id: rules may be tuned on them.
    Tune,
    /// Articles with an even numeric id: held out for reporting.
    Test,
}

/// The half of an article id: the trailing digits of the id, odd → tune,
/// even → test. `None` when the id does not end in digits.
pub fn half_of(article: &str) -> Option<Half> {
    let digits: String = article
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let number: u64 = digits.parse().ok()?;
    Some(if number % 2 == 1 {
        Half::Tune
    } else {
        Half::Test
    })
}

/// Counts and ratios for one field over the matched figures.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct FieldScore {
    /// Matched figures whose prediction sets the field.
    pub predicted: usize,
    /// Matched figures whose gold label sets the field.
    pub gold: usize,
    /// Matched figures where both set it to the same value.
    pub correct: usize,
    /// `correct / predicted` (0 when nothing was predicted).
    pub precision: f64,
    /// `correct / gold` (0 when the gold never sets the field).
    pub recall: f64,
}

impl FieldScore {
    fn add(&mut self, gold: Option<&str>, predicted: Option<&str>) {
        let gold = gold.map(str::trim).filter(|g| !g.is_empty());
        let predicted = predicted.map(str::trim).filter(|p| !p.is_empty());
        if predicted.is_some() {
            self.predicted += 1;
        }
        if gold.is_some() {
            self.gold += 1;
        }
        if let (Some(g), Some(p)) = (gold, predicted)
            && fold(g) == fold(p)
        {
            self.correct += 1;
        }
    }

    fn finish(&mut self) {
        self.precision = ratio(self.correct, self.predicted);
        self.recall = ratio(self.correct, self.gold);
    }
}

/// A value as compared: decomposed, without combining marks, lowercase,
/// whitespace collapsed (`Moisés  Caicedo` = `moises caicedo`).
fn fold(value: &str) -> String {
    let bare: String = value
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// All scores for one set of articles.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ClaimFieldScores {
    /// Articles with at least one gold figure.
    pub articles: usize,
    /// Gold figures.
    pub gold_figures: usize,
    /// Predicted figures in those articles.
    pub predicted_figures: usize,
    /// Gold figures matched to a prediction.
    pub matched: usize,
    /// `matched / gold_figures`.
    pub figure_recall: f64,
    /// `matched / predicted_figures`.
    pub figure_precision: f64,
    /// Kind over matched figures.
    pub kind: FieldScore,
    /// Subject over matched figures.
    pub subject: FieldScore,
    /// Holder over matched figures.
    pub holder: FieldScore,
    /// Status over matched figures.
    pub status: FieldScore,
}

/// Scores for each half of the labeled set.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HalfScores {
    /// Odd-numbered articles.
    pub tune: ClaimFieldScores,
    /// Even-numbered articles.
    pub test: ClaimFieldScores,
}

fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// Whether two spans overlap once each is widened by [`OFFSET_SLACK`].
fn spans_touch(gold: &LabeledFigure, predicted: &PredictedClaim) -> bool {
    let gold_end = gold.offset + char_len(&gold.text);
    let predicted_end = predicted.offset + char_len(&predicted.text);
    predicted.offset < gold_end + OFFSET_SLACK && gold.offset < predicted_end + OFFSET_SLACK
}

/// Pairs gold figures of one article with predictions: `result[i]` is the
/// index of the prediction matched to `gold[i]`. Position first (nearest
/// start among touching spans), then identical text (nearest start), each
/// prediction used at most once.
pub fn match_figures(gold: &[&LabeledFigure], predicted: &[PredictedClaim]) -> Vec<Option<usize>> {
    let mut matched: Vec<Option<usize>> = vec![None; gold.len()];
    let mut used = vec![false; predicted.len()];
    let distance = |g: &LabeledFigure, p: &PredictedClaim| g.offset.abs_diff(p.offset);
    for (gi, g) in gold.iter().enumerate() {
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(pi, p)| !used[*pi] && spans_touch(g, p))
            .min_by_key(|(_, p)| distance(g, p));
        if let Some((pi, _)) = best {
            matched[gi] = Some(pi);
            used[pi] = true;
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if matched[gi].is_some() {
            continue;
        }
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(pi, p)| !used[*pi] && p.text.trim() == g.text.trim())
            .min_by_key(|(_, p)| distance(g, p));
        if let Some((pi, _)) = best {
            matched[gi] = Some(pi);
            used[pi] = true;
        }
    }
    matched
}

/// Scores predictions (by article id) against all the given gold figures.
/// Predictions for articles without gold are ignored.
pub fn score_claim_fields(
    gold: &[LabeledFigure],
    predicted: &BTreeMap<String, Vec<PredictedClaim>>,
) -> ClaimFieldScores {
    let mut by_article: BTreeMap<&str, Vec<&LabeledFigure>> = BTreeMap::new();
    for figure in gold {
        by_article.entry(&figure.article).or_default().push(figure);
    }
    let mut scores = ClaimFieldScores {
        articles: by_article.len(),
        gold_figures: gold.len(),
        ..ClaimFieldScores::default()
    };
    for (article, figures) in &by_article {
        let claims = predicted.get(*article).map(Vec::as_slice).unwrap_or(&[]);
        scores.predicted_figures += claims.len();
        for (figure, pick) in figures.iter().zip(match_figures(figures, claims)) {
            let Some(claim) = pick.and_then(|pi| claims.get(pi)) else {
                continue;
            };
            scores.matched += 1;
            scores
                .kind
                .add(Some(figure.kind.as_str()), claim.kind.as_deref());
            scores
                .subject
                .add(figure.subject.as_deref(), claim.subject.as_deref());
            scores
                .holder
                .add(figure.holder.as_deref(), claim.holder.as_deref());
            scores
                .status
                .add(figure.status.as_deref(), claim.status.as_deref());
        }
    }
    scores.figure_recall = ratio(scores.matched, scores.gold_figures);
    scores.figure_precision = ratio(scores.matched, scores.predicted_figures);
    for field in [
        &mut scores.kind,
        &mut scores.subject,
        &mut scores.holder,
        &mut scores.status,
    ] {
        field.finish();
    }
    scores
}

/// Scores the tune and test halves separately (see [`half_of`]); gold
/// figures whose article id has no number are left out of both.
pub fn score_by_half(
    gold: &[LabeledFigure],
    predicted: &BTreeMap<String, Vec<PredictedClaim>>,
) -> HalfScores {
    let half = |wanted: Half| -> Vec<LabeledFigure> {
        gold.iter()
            .filter(|g| half_of(&g.article) == Some(wanted))
            .cloned()
            .collect()
    };
    HalfScores {
        tune: score_claim_fields(&half(Half::Tune), predicted),
        test: score_claim_fields(&half(Half::Test), predicted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_offset_is_moved_to_where_the_file_shows_it() {
        let file = " date 2017-08-18 Share this\n\nLiverpool reject £114m bid. More.";
        let mut article = crate::store::conformance::sample_article(
            1,
            "Liverpool reject £114m bid.",
            "Liverpool reject £114m bid. More.",
        );
        article.lead = None;
        let full = article.full_text();
        let in_body = full.rfind("£114m").map(|b| full[..b].chars().count());
        let in_title = full.find("£114m").map(|b| full[..b].chars().count());
        let in_file = file.find("£114m").map(|b| file[..b].chars().count());
        assert_eq!(in_body.map(|o| offset_in_file(&article, file, o)), in_file);
        assert_eq!(
            in_title.map(|o| offset_in_file(&article, file, o)),
            in_file,
            "a title that is the text's first sentence is found there"
        );
        assert_eq!(offset_in_file(&article, "unrelated", 3), 3);
    }

    fn gold(
        article: &str,
        text: &str,
        offset: usize,
        kind: &str,
        holder: Option<&str>,
    ) -> LabeledFigure {
        LabeledFigure {
            article: article.to_string(),
            text: text.to_string(),
            offset,
            kind: kind.to_string(),
            subject: Some("Jadon Sancho".to_string()),
            holder: holder.map(str::to_string),
            status: Some("rejected".to_string()),
            conversion_of: None,
        }
    }

    #[test]
    fn parses_a_line_and_skips_blank_ones() {
        let text = r#"{"article": "dev-034", "text": "£91.3m", "offset": 79, "kind": "offer", "subject": "Jadon Sancho", "holder": "Manchester United", "status": "rejected", "conversion_of": null}

{"article": "dev-034", "text": "€100m", "offset": 87, "kind": "offer", "subject": null, "holder": null, "status": null, "conversion_of": "£91.3m"}"#;
        let labels = parse_labels(text).expect("valid labels");
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].holder.as_deref(), Some("Manchester United"));
        assert_eq!(labels[1].conversion_of.as_deref(), Some("£91.3m"));
        assert_eq!(labels[1].offset, 87);
    }

    #[test]
    fn rejects_bad_lines_with_their_number() {
        let bad_json = "{\"article\": \"dev-1\"}\n";
        assert!(matches!(
            parse_labels(bad_json),
            Err(LabelError::Json { line: 1, .. })
        ));
        let bad_kind = "\n{\"article\": \"dev-1\", \"text\": \"£1m\", \"offset\": 0, \"kind\": \"bid\", \"subject\": null, \"holder\": null, \"status\": null}";
        assert!(matches!(
            parse_labels(bad_kind),
            Err(LabelError::UnknownKind { line: 2, .. })
        ));
        let bad_status = "{\"article\": \"dev-1\", \"text\": \"£1m\", \"offset\": 0, \"kind\": \"fee\", \"subject\": null, \"holder\": null, \"status\": \"done\"}";
        assert!(matches!(
            parse_labels(bad_status),
            Err(LabelError::UnknownStatus { line: 1, .. })
        ));
        let empty_text = "{\"article\": \"dev-1\", \"text\": \" \", \"offset\": 0, \"kind\": \"fee\", \"subject\": null, \"holder\": null, \"status\": null}";
        assert!(matches!(
            parse_labels(empty_text),
            Err(LabelError::Empty { field: "text", .. })
        ));
    }

    #[test]
    fn halves_follow_the_parity_of_the_id() {
        assert_eq!(half_of("dev-034"), Some(Half::Test));
        assert_eq!(half_of("dev-093"), Some(Half::Tune));
        assert_eq!(half_of("seed"), None);
    }

    #[test]
    fn matches_by_position_before_text() {
        let a = gold("dev-034", "£91.3m", 79, "offer", None);
        let b = gold("dev-034", "£91.3m", 177, "offer", None);
        // Only the second occurrence is predicted, two characters off.
        let predicted = vec![PredictedClaim::from((
            "£91.3m", 179, None, None, None, None,
        ))];
        assert_eq!(match_figures(&[&a, &b], &predicted), vec![None, Some(0)]);
        // Text alone still matches when positions are far apart.
        let far = vec![PredictedClaim::from((
            "£91.3m", 500, None, None, None, None,
        ))];
        assert_eq!(match_figures(&[&a], &far), vec![Some(0)]);
        // A different figure at a distant position does not match.
        let other = vec![PredictedClaim::from(("£73m", 500, None, None, None, None))];
        assert_eq!(match_figures(&[&a], &other), vec![None]);
    }

    #[test]
    fn scores_fields_over_matched_figures() {
        let labels = vec![
            gold("dev-034", "£91.3m", 79, "offer", Some("Manchester United")),
            gold(
                "dev-034",
                "£108m",
                216,
                "valuation",
                Some("Borussia Dortmund"),
            ),
            gold("dev-034", "£73m", 155, "offer", Some("Manchester United")),
        ];
        let mut predicted = BTreeMap::new();
        predicted.insert(
            "dev-034".to_string(),
            vec![
                PredictedClaim::from((
                    "£91.3m",
                    79,
                    Some("offer"),
                    Some("Jadón  sancho"),
                    Some("Manchester United"),
                    None,
                )),
                PredictedClaim::from((
                    "£108m",
                    216,
                    Some("offer"),
                    None,
                    Some("Manchester United"),
                    Some("rejected"),
                )),
                PredictedClaim::from(("£5", 900, Some("other"), None, None, None)),
            ],
        );
        let scores = score_claim_fields(&labels, &predicted);
        assert_eq!(scores.gold_figures, 3);
        assert_eq!(scores.predicted_figures, 3);
        assert_eq!(scores.matched, 2);
        assert!((scores.figure_recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            (scores.kind.correct, scores.kind.predicted, scores.kind.gold),
            (1, 2, 2)
        );
        // Names compare without regard to case or accents.
        assert_eq!(
            (
                scores.subject.correct,
                scores.subject.predicted,
                scores.subject.gold
            ),
            (1, 1, 2)
        );
        assert!((scores.subject.precision - 1.0).abs() < 1e-9);
        assert!((scores.subject.recall - 0.5).abs() < 1e-9);
        assert_eq!((scores.holder.correct, scores.holder.predicted), (1, 2));
        assert_eq!((scores.status.correct, scores.status.predicted), (1, 1));
    }

    #[test]
    fn splits_into_halves_and_handles_missing_predictions() {
        let labels = vec![
            gold("dev-093", "€100m", 765, "offer", Some("Manchester United")),
            gold(
                "dev-034",
                "£108m",
                216,
                "valuation",
                Some("Borussia Dortmund"),
            ),
        ];
        let mut predicted = BTreeMap::new();
        predicted.insert(
            "dev-093".to_string(),
            vec![PredictedClaim::from((
                "€100m",
                765,
                Some("offer"),
                None,
                Some("Manchester United"),
                None,
            ))],
        );
        let halves = score_by_half(&labels, &predicted);
        assert_eq!(halves.tune.gold_figures, 1);
        assert_eq!(halves.tune.matched, 1);
        assert!((halves.tune.holder.precision - 1.0).abs() < 1e-9);
        assert_eq!(halves.test.gold_figures, 1);
        assert_eq!(halves.test.matched, 0);
        assert_eq!(halves.test.figure_recall, 0.0);
        assert_eq!(halves.test.kind.precision, 0.0);
    }

    #[test]
    fn the_committed_labels_parse_and_cover_both_halves() {
        let text = include_str!("../../../../testdata/claims/labels.jsonl");
        let labels = parse_labels(text).expect("committed labels parse");
        let articles: std::collections::BTreeSet<&str> =
            labels.iter().map(|l| l.article.as_str()).collect();
        assert!(articles.len() >= 40, "{} articles", articles.len());
        for half in [Half::Tune, Half::Test] {
            assert!(articles.iter().any(|a| half_of(a) == Some(half)));
        }
        // Every conversion names a figure labeled in the same article.
        for label in &labels {
            if let Some(original) = &label.conversion_of {
                assert!(
                    labels
                        .iter()
                        .any(|o| o.article == label.article && &o.text == original),
                    "{} {}",
                    label.article,
                    label.text
                );
            }
        }
        // Perfect predictions score 1 everywhere.
        let mut predicted: BTreeMap<String, Vec<PredictedClaim>> = BTreeMap::new();
        for l in &labels {
            predicted
                .entry(l.article.clone())
                .or_default()
                .push(PredictedClaim {
                    text: l.text.clone(),
                    offset: l.offset,
                    kind: Some(l.kind.clone()),
                    subject: l.subject.clone(),
                    holder: l.holder.clone(),
                    status: l.status.clone(),
                });
        }
        let halves = score_by_half(&labels, &predicted);
        for scores in [&halves.tune, &halves.test] {
            assert_eq!(scores.matched, scores.gold_figures);
            assert_eq!(scores.kind.precision, 1.0);
            assert_eq!(scores.holder.recall, 1.0);
        }
    }
}
