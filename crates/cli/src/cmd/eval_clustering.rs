//! `storyline eval clustering`: our clusterer and the single-pass TF-IDF
//! baseline on the same labeled articles, side by side, with the scores on
//! English pages and, where the labels have stories of null, the
//! distractors that joined a labeled story and the stories split apart.

use crate::cmd::print_json;
use crate::output::outln;
use anyhow::Context;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline_core::cluster::ClustererConfig;
use storyline_core::eval::baseline_clusterer::BaselineClusterer;
use storyline_core::eval::datasets::{
    ClusteringSet, ClusteringSetKind, article_key, clustering_set, labeled_set,
};
use storyline_core::eval::{ClusteringScores, PrecisionRecall, score_clustering};
use storyline_core::pipeline::{Pipeline, batch_order};
use storyline_core::store::MemoryStore;

/// Days of `active_days` that stand for "no time decay" (about 2,700
/// years: longer than any stream).
pub const NO_DECAY_DAYS: i64 = 1_000_000;

/// Options of one run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `Some(0)` turns time decay off; `None` keeps the default.
    pub active_days: Option<i64>,
    /// The baseline's cosine threshold.
    pub baseline_threshold: f32,
    /// Only the first N articles in file order.
    pub limit: Option<usize>,
    /// Whether the clusterer may merge stories.
    pub merges: bool,
    /// Whether to list wrong merges and splits with their scores.
    pub mistakes: bool,
    /// The merge threshold, when not the clusterer's default.
    pub merge_threshold: Option<f32>,
}

/// Scores restricted to the articles labeled `en`.
#[derive(Debug, Serialize)]
struct English {
    articles: usize,
    pairwise: PrecisionRecall,
    bcubed: PrecisionRecall,
}

/// One system's scores (ours or the baseline's).
#[derive(Debug, Serialize)]
struct Row {
    #[serde(flatten)]
    scores: ClusteringScores,
    articles_per_second: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    english: Option<English>,
}

/// A distractor (gold story null) placed in a story with labeled articles.
#[derive(Debug, Serialize)]
struct MergedDistractor {
    article: String,
    predicted_story: String,
    /// The gold stories of the labeled articles it sits with.
    joined: Vec<String>,
}

/// A labeled story spread over several predicted stories.
#[derive(Debug, Serialize)]
struct SplitStory {
    story: String,
    /// Sizes of its parts, largest first.
    parts: Vec<usize>,
}

#[derive(Debug, Serialize)]
struct Errors {
    distractors_merged: Vec<MergedDistractor>,
    stories_split: Vec<SplitStory>,
}

/// Runs the evaluation on a known set (`paths` = its folder) or on
/// `paths` with `labels`.
pub fn run(
    labels: Option<&Path>,
    paths: &[PathBuf],
    options: Options,
    global: &crate::args::Global,
) -> anyhow::Result<ExitCode> {
    let mut set = load(labels, paths)?;
    if let Some(limit) = options.limit {
        set.articles.truncate(limit);
    }
    let mut config = ClustererConfig {
        merges: options.merges,
        ..ClustererConfig::default()
    };
    if let Some(threshold) = options.merge_threshold {
        config.merge_threshold = threshold;
    }
    match options.active_days {
        Some(0) => config.active_days = NO_DECAY_DAYS,
        Some(days) => config.active_days = days,
        None => {}
    }
    let gold = set.gold();
    let key_by_path: HashMap<String, String> = set
        .articles
        .iter()
        .map(|a| (a.article.path.clone().unwrap_or_default(), a.key.clone()))
        .collect();
    let key_of = |path: &Path| {
        let path = path.to_string_lossy();
        key_by_path
            .get(&*path)
            .cloned()
            .unwrap_or_else(|| article_key(&path))
    };
    let english_keys: Vec<&str> = set
        .articles
        .iter()
        .filter(|a| a.labeled && a.lang.as_deref() == Some("en"))
        .map(|a| a.key.as_str())
        .collect();
    let has_languages = set.articles.iter().any(|a| a.lang.is_some());

    // Ours: the whole pipeline (identity, dedup, cluster, save).
    let articles = set.ingestable();
    let undated = articles.iter().filter(|a| a.published_at.is_none()).count();
    let started = std::time::Instant::now();
    let mut pipeline = Pipeline::with_config(MemoryStore::default(), config.clone());
    let failures = std::mem::take(&mut set.failures);
    let report = pipeline.ingest_articles(articles.clone(), failures)?;
    let ours_seconds = started.elapsed().as_secs_f64();
    let ours: HashMap<String, String> = report
        .articles
        .iter()
        .filter_map(|a| Some((key_of(&a.path), a.story.as_ref()?.0.clone())))
        .collect();

    // The baseline, on the same articles in the same order.
    let mut ordered = articles;
    ordered.sort_by(batch_order);
    let started = std::time::Instant::now();
    let mut baseline = BaselineClusterer::new(options.baseline_threshold);
    let theirs: HashMap<String, String> = ordered
        .iter()
        .map(|a| {
            let path = PathBuf::from(a.path.clone().unwrap_or_default());
            (key_of(&path), baseline.assign(a).to_string())
        })
        .collect();
    let baseline_seconds = started.elapsed().as_secs_f64();

    let count = ordered.len() as f64;
    let row = |predicted: &HashMap<String, String>, seconds: f64| Row {
        scores: score_clustering(&gold, predicted),
        articles_per_second: count / seconds.max(1e-9),
        english: has_languages.then(|| english(&gold, predicted, &english_keys)),
    };
    let ours_row = row(&ours, ours_seconds);
    let baseline_row = row(&theirs, baseline_seconds);
    let errors = (set.kind != ClusteringSetKind::GoogleNewsMstream
        && set.kind != ClusteringSetKind::UciNews
        && set.articles.iter().any(|a| a.labeled && a.story.is_none()))
    .then(|| errors(&set, &ours));
    let mistakes = options.mistakes.then(|| {
        let order: Vec<(String, storyline_core::model::ArticleId)> = report
            .articles
            .iter()
            .map(|a| (key_of(&a.path), a.id.clone()))
            .collect();
        crate::cmd::clustering_mistakes::mistakes(&gold, &ours, &order, pipeline.store())
    });
    let unlabeled = set.articles.iter().filter(|a| !a.labeled).count();
    let active_days = if config.active_days >= NO_DECAY_DAYS {
        None
    } else {
        Some(config.active_days)
    };

    if global.json {
        let mut value = serde_json::to_value(&ours_row)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("set".into(), set.kind.name().into());
            obj.insert("limit".into(), serde_json::to_value(options.limit)?);
            obj.insert("undated".into(), undated.into());
            obj.insert("failed".into(), report.failed.into());
            obj.insert("unlabeled".into(), unlabeled.into());
            obj.insert(
                "metadata_used".into(),
                serde_json::to_value(&set.metadata_used)?,
            );
            obj.insert("active_days".into(), serde_json::to_value(active_days)?);
            obj.insert("merges".into(), report.merges.into());
            let mut base = serde_json::to_value(&baseline_row)?;
            if let Some(b) = base.as_object_mut() {
                b.insert(
                    "threshold".into(),
                    f64::from(options.baseline_threshold).into(),
                );
            }
            obj.insert("baseline".into(), base);
            obj.insert(
                "ratio".into(),
                serde_json::json!({
                    "pairwise_f1": ratio(ours_row.scores.pairwise.f1, baseline_row.scores.pairwise.f1),
                    "bcubed_f1": ratio(ours_row.scores.bcubed.f1, baseline_row.scores.bcubed.f1),
                    "nmi": ratio(ours_row.scores.nmi, baseline_row.scores.nmi),
                }),
            );
            if let Some(mistakes) = &mistakes {
                obj.insert("mistakes".into(), serde_json::to_value(mistakes)?);
            }
            if let Some(errors) = &errors {
                obj.insert("errors".into(), serde_json::to_value(errors)?);
            }
        }
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }

    if let Some(limit) = options.limit {
        outln!("(only the first {limit} articles in file order)")?;
    }
    outln!(
        "set {} ({}): {} articles scored; {} undated (fed in file order after the dated ones); failed {}; without a label {}",
        set.kind.name(),
        set.source.display(),
        ours_row.scores.articles,
        undated,
        report.failed,
        unlabeled
    )?;
    let used: Vec<String> = set
        .metadata_used
        .iter()
        .map(|(f, n)| format!("{f} {n}"))
        .collect();
    outln!(
        "label fields passed to ingestion (articles): {} (never story or duplicate_of)",
        used.join(", ")
    )?;
    match active_days {
        Some(days) => {
            outln!("time decay: a story attracts articles for {days} days after its last")?
        }
        None => outln!("time decay: off")?,
    }
    if config.merges {
        outln!("stories merged by bridging articles: {}", report.merges)?;
    } else {
        outln!("story merges: off")?;
    }
    outln!("{:<22} {:>8} {:>8} {:>7}", "", "ours", "baseline", "ratio")?;
    let lines = [
        (
            "gold stories",
            ours_row.scores.gold_stories as f64,
            ours_row.scores.gold_stories as f64,
        ),
        (
            "predicted stories",
            ours_row.scores.predicted_stories as f64,
            baseline_row.scores.predicted_stories as f64,
        ),
    ];
    for (name, a, b) in lines {
        outln!("{name:<22} {a:>8.0} {b:>8.0}")?;
    }
    let (o, b) = (&ours_row.scores, &baseline_row.scores);
    let mut scores = vec![
        (
            "pairwise precision",
            o.pairwise.precision,
            b.pairwise.precision,
        ),
        ("pairwise recall", o.pairwise.recall, b.pairwise.recall),
        ("pairwise F1", o.pairwise.f1, b.pairwise.f1),
        ("b-cubed precision", o.bcubed.precision, b.bcubed.precision),
        ("b-cubed recall", o.bcubed.recall, b.bcubed.recall),
        ("b-cubed F1", o.bcubed.f1, b.bcubed.f1),
        ("nmi", o.nmi, b.nmi),
    ];
    if let (Some(oe), Some(be)) = (&ours_row.english, &baseline_row.english) {
        scores.push(("english pairwise F1", oe.pairwise.f1, be.pairwise.f1));
        scores.push(("english b-cubed F1", oe.bcubed.f1, be.bcubed.f1));
    }
    for (name, a, b) in scores {
        outln!("{name:<22} {a:>8.3} {b:>8.3} {:>7.2}", ratio(a, b))?;
    }
    if let Some(e) = &ours_row.english {
        outln!(
            "(english: the {} articles labeled `en`, from the same run)",
            e.articles
        )?;
    }
    outln!(
        "{:<22} {:>8.0} {:>8.0}",
        "articles/s",
        ours_row.articles_per_second,
        baseline_row.articles_per_second
    )?;
    outln!(
        "(ours: the whole pipeline into memory; baseline: single-pass TF-IDF cosine ≥ {:.2}, clustering only)",
        options.baseline_threshold
    )?;
    if let Some(errors) = &errors {
        outln!(
            "distractors in a labeled story: {}",
            errors.distractors_merged.len()
        )?;
        for d in &errors.distractors_merged {
            outln!(
                "  {} → {} (with {})",
                d.article,
                d.predicted_story,
                d.joined.join(", ")
            )?;
        }
        outln!("labeled stories split: {}", errors.stories_split.len())?;
        for s in &errors.stories_split {
            let parts: Vec<String> = s.parts.iter().map(ToString::to_string).collect();
            outln!(
                "  {} in {} parts: {}",
                s.story,
                s.parts.len(),
                parts.join(" + ")
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn load(labels: Option<&Path>, paths: &[PathBuf]) -> anyhow::Result<ClusteringSet> {
    if let Some(labels) = labels {
        return labeled_set(labels, paths)
            .with_context(|| format!("cannot read labels {}", labels.display()));
    }
    let [path] = paths else {
        anyhow::bail!("give one labeled set's folder, or --labels LABELS.jsonl PATH...");
    };
    Ok(clustering_set(path)?)
}

fn ratio(ours: f64, baseline: f64) -> f64 {
    if baseline > 0.0 { ours / baseline } else { 0.0 }
}

fn english(
    gold: &HashMap<String, String>,
    predicted: &HashMap<String, String>,
    keys: &[&str],
) -> English {
    let gold: HashMap<&str, &String> = keys
        .iter()
        .filter_map(|k| Some((*k, gold.get(*k)?)))
        .collect();
    let predicted: HashMap<&str, &String> = keys
        .iter()
        .filter_map(|k| Some((*k, predicted.get(*k)?)))
        .collect();
    let scores = score_clustering(&gold, &predicted);
    English {
        articles: scores.articles,
        pairwise: scores.pairwise,
        bcubed: scores.bcubed,
    }
}

fn errors(set: &ClusteringSet, predicted: &HashMap<String, String>) -> Errors {
    // Gold stories present in each predicted story.
    let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut parts: BTreeMap<&str, HashMap<&str, usize>> = BTreeMap::new();
    for article in set.articles.iter().filter(|a| a.labeled) {
        let Some(pred) = predicted.get(&article.key) else {
            continue;
        };
        if let Some(story) = &article.story {
            members.entry(pred).or_default().push(story);
            *parts.entry(story).or_default().entry(pred).or_default() += 1;
        }
    }
    let mut distractors_merged = Vec::new();
    for article in set
        .articles
        .iter()
        .filter(|a| a.labeled && a.story.is_none())
    {
        let Some(pred) = predicted.get(&article.key) else {
            continue;
        };
        if let Some(stories) = members.get(pred.as_str()) {
            let mut joined: Vec<String> = stories.iter().map(|s| (*s).to_string()).collect();
            joined.sort();
            joined.dedup();
            distractors_merged.push(MergedDistractor {
                article: article.key.clone(),
                predicted_story: pred.clone(),
                joined,
            });
        }
    }
    distractors_merged.sort_by(|a, b| a.article.cmp(&b.article));
    let stories_split = parts
        .into_iter()
        .filter(|(_, p)| p.len() > 1)
        .map(|(story, p)| {
            let mut sizes: Vec<usize> = p.into_values().collect();
            sizes.sort_unstable_by(|a, b| b.cmp(a));
            SplitStory {
                story: story.to_string(),
                parts: sizes,
            }
        })
        .collect();
    Errors {
        distractors_merged,
        stories_split,
    }
}
