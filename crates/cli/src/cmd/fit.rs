//! `storyline fit clusterer`: learns the clusterer's scoring model from
//! labeled folders and reports out-of-fold scores beside in-sample ones.

use crate::args::{FitCommand, Global};
use crate::cmd::print_json;
use crate::output::outln;
use anyhow::Context;
use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use storyline_core::cluster::ClustererConfig;
use storyline_core::cluster::fit::{self, Evaluation, LabeledArticle, Stream};
use storyline_core::eval::datasets::clustering_set;
use storyline_core::eval::{ClusteringScores, InContextScores, PrecisionRecall};

/// Runs one fit.
pub fn run(command: &FitCommand, global: &Global) -> anyhow::Result<ExitCode> {
    let FitCommand::Clusterer {
        dirs,
        out,
        folds,
        fold_seed,
        caseless_copies,
        score_only,
    } = command;
    let streams = dirs
        .iter()
        .map(|dir| read_stream(dir, global))
        .collect::<anyhow::Result<Vec<Stream>>>()?;
    let base = ClustererConfig::default();
    // What the fit learns from: each set's pairs (and its copy's).
    let mut pairs: Vec<PairCount> = streams.iter().map(|s| PairCount::of(s, &base)).collect();
    if *caseless_copies && !*score_only {
        pairs.extend(
            streams
                .iter()
                .map(|s| PairCount::of(&fit::caseless_copy(s), &base)),
        );
    }
    if *score_only {
        return score_only_report(&streams, dirs, &pairs, *folds, *fold_seed, &base, global);
    }
    let committed = fit::evaluate(&streams, &base, |_| true);
    let committed_each = fit::evaluate_each(&streams, &base);
    let cross = (*folds > 0)
        .then(|| fit::cross_validate(&streams, *folds, *fold_seed, &base, *caseless_copies));
    // The committed model's in-sample run, scored as the folds are.
    let by_folds = (*folds > 0).then(|| fit::scored_by_folds(&streams, *folds, *fold_seed, &base));
    let mut model = fit::fit(&streams, &base, *caseless_copies);
    let mut names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    model.fitted_on = format!("{}; fitted on {}", model.fitted_on, names.join(", "));
    let refit_config = ClustererConfig {
        model: model.clone(),
        ..base.clone()
    };
    let refit = fit::evaluate(&streams, &refit_config, |_| true);
    let mut refit_each = fit::evaluate_each(&streams, &refit_config);
    let mut committed_each = committed_each;
    if *caseless_copies {
        // The copies' rows follow the sets' (scores only: fitted on them).
        let copies: Vec<Stream> = streams.iter().map(|s| fit::caseless_copy(s)).collect();
        committed_each.extend(fit::evaluate_each(&copies, &base));
        refit_each.extend(fit::evaluate_each(&copies, &refit_config));
        let copy_names: Vec<String> = names
            .iter()
            .map(|n| format!("{n} (caseless copy)"))
            .collect();
        names.extend(copy_names);
    }
    if let Some(path) = out {
        let text = serde_json::to_string_pretty(&model)?;
        std::fs::write(path, text + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if global.json {
        let mut value = serde_json::json!({
            "model": model,
            "committed_in_sample": scores_json(&committed),
            "refit_in_sample": scores_json(&refit),
        });
        let mut per_set = Vec::new();
        for (n, name) in names.iter().enumerate() {
            let mut set = serde_json::json!({
                "set": name,
                "pairs": pairs.get(n),
                "committed_in_sample": committed_each.get(n).map(scores_json),
                "refit_in_sample": refit_each.get(n).map(scores_json),
            });
            if let Some((_, each)) = &cross {
                set["out_of_fold"] = each.get(n).map(scores_json).into();
            }
            if let Some((_, each)) = &by_folds {
                set["committed_by_folds"] = each.get(n).map(scores_json).into();
            }
            per_set.push(set);
        }
        value["per_set"] = per_set.into();
        if let Some((pooled, _)) = &cross {
            value["out_of_fold"] = scores_json(pooled);
            if let Some((pooled, _)) = &by_folds {
                value["committed_by_folds"] = scores_json(pooled);
            }
            value["folds"] = (*folds).into();
            value["fold_seed"] = (*fold_seed).into();
        }
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "fitted: bias {:.3} weights {:?} threshold {:.2}",
        model.bias,
        model.weights,
        model.threshold
    )?;
    print_scores("committed model (in sample)", &committed)?;
    print_scores("refitted model (in sample)", &refit)?;
    if let Some((pooled, _)) = &cross {
        print_scores(&format!("out of fold ({folds} folds of stories)"), pooled)?;
    }
    if let Some((pooled, _)) = &by_folds {
        print_scores(
            "committed model (in sample), scored fold by fold as out of fold is",
            pooled,
        )?;
    }
    for (n, name) in names.iter().enumerate() {
        outln!("{name}")?;
        if let Some(count) = pairs.get(n) {
            print_pairs(count)?;
        }
        for (title, scores) in [
            ("committed", committed_each.get(n)),
            ("refitted", refit_each.get(n)),
            (
                "committed by folds",
                by_folds.as_ref().and_then(|(_, each)| each.get(n)),
            ),
            (
                "out of fold",
                cross.as_ref().and_then(|(_, each)| each.get(n)),
            ),
        ] {
            if let Some(scores) = scores {
                print_line(title, &scores.all)?;
                if let Some(context) = &scores.in_context {
                    print_context(&format!("{title}, in context"), context)?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `fit clusterer --score-only`: the committed model in sample, pooled and
/// per set, and scored fold by fold as out-of-fold figures are.
fn score_only_report(
    streams: &[Stream],
    dirs: &[std::path::PathBuf],
    pairs: &[PairCount],
    folds: usize,
    fold_seed: u64,
    base: &ClustererConfig,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let committed_each = fit::evaluate_each(streams, base);
    let (pooled, by_folds) = fit::scored_by_folds(streams, folds, fold_seed, base);
    if global.json {
        let per_set: Vec<serde_json::Value> = dirs
            .iter()
            .zip(committed_each.iter().zip(&by_folds))
            .zip(pairs)
            .map(|((dir, (committed, folded)), count)| {
                serde_json::json!({
                    "set": dir.display().to_string(),
                    "pairs": count,
                    "committed_in_sample": scores_json(committed),
                    "committed_by_folds": scores_json(folded),
                })
            })
            .collect();
        print_json(&serde_json::json!({
            "committed_by_folds": scores_json(&pooled),
            "per_set": per_set,
            "folds": folds,
            "fold_seed": fold_seed,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    print_scores(
        "committed model (in sample), scored fold by fold as out of fold is",
        &pooled,
    )?;
    for ((dir, (committed, folded)), count) in dirs
        .iter()
        .zip(committed_each.iter().zip(&by_folds))
        .zip(pairs)
    {
        outln!("{}", dir.display())?;
        print_pairs(count)?;
        print_line("committed", &committed.all)?;
        print_line("by folds", &folded.all)?;
        if let Some(context) = &folded.in_context {
            print_context("by folds, in context", context)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// How many (article, candidate story) pairs one set gives the fit, and
/// how many of them pair an article with its own story: a drop says the
/// fit sees fewer candidates than before (the count depends only on the
/// labels and on candidate retrieval, not on the model's weights).
#[derive(Debug, Clone, Copy, serde::Serialize)]
struct PairCount {
    /// Every pair.
    all: usize,
    /// Pairs of an article and its own gold story.
    same_story: usize,
}

impl PairCount {
    /// The pairs [`fit::pairs`] collects from `stream`.
    fn of(stream: &[LabeledArticle], config: &ClustererConfig) -> Self {
        let pairs = fit::pairs(stream, config);
        Self {
            all: pairs.len(),
            same_story: pairs.iter().filter(|(_, same)| *same).count(),
        }
    }
}

fn print_pairs(count: &PairCount) -> anyhow::Result<()> {
    outln!(
        "  fit pairs   {} ({} of an article and its own story)",
        count.all,
        count.same_story
    )?;
    Ok(())
}

fn scores_json(evaluation: &Evaluation) -> serde_json::Value {
    let mut value = serde_json::json!({ "all": evaluation.all, "english": evaluation.english });
    if let Some(context) = &evaluation.in_context {
        value["in_context"] = serde_json::to_value(context).unwrap_or_default();
    }
    value
}

/// One line of scores where each fold's article is judged within its
/// fold's whole run (joins with other folds' articles cost precision).
fn print_context(name: &str, s: &InContextScores) -> anyhow::Result<()> {
    print_triples(name, s.articles, &s.pairwise, &s.bcubed)
}

fn print_scores(title: &str, evaluation: &Evaluation) -> anyhow::Result<()> {
    outln!("{title}")?;
    for (name, scores) in [("all", &evaluation.all), ("english", &evaluation.english)] {
        print_line(name, scores)?;
    }
    if let Some(context) = &evaluation.in_context {
        print_context("in context", context)?;
    }
    Ok(())
}

fn print_line(name: &str, s: &ClusteringScores) -> anyhow::Result<()> {
    print_triples(name, s.articles, &s.pairwise, &s.bcubed)
}

/// One line: articles, then pairwise and B-cubed precision, recall, F1.
fn print_triples(
    name: &str,
    articles: usize,
    pairwise: &PrecisionRecall,
    bcubed: &PrecisionRecall,
) -> anyhow::Result<()> {
    outln!(
        "  {name:<11} articles {:>4}  pairwise P {:.3} R {:.3} F1 {:.3}  b-cubed P {:.3} R {:.3} F1 {:.3}",
        articles,
        pairwise.precision,
        pairwise.recall,
        pairwise.f1,
        bcubed.precision,
        bcubed.recall,
        bcubed.f1
    )?;
    Ok(())
}

/// The labeled articles of one set `eval clustering` knows (stories-dev,
/// giveme5w1h-news-cluster, googlenews-mstream, uci-news), with the same
/// crawler fields passed to ingestion; inputs that cannot be read are
/// reported by name and left out.
fn read_stream(dir: &Path, global: &Global) -> anyhow::Result<Stream> {
    let set = clustering_set(dir)
        .with_context(|| format!("cannot read the labeled set {}", dir.display()))?;
    if !global.quiet {
        for failure in &set.failures {
            eprintln!("warning: left out: {failure}");
        }
    }
    let copies = copy_groups(&set.gold());
    Ok(set
        .articles
        .into_iter()
        .filter(|a| a.labeled)
        .map(|a| LabeledArticle {
            english: a.lang.as_deref().is_none_or(|l| l == "en"),
            story: a.story.or_else(|| copies.get(&a.key).cloned()),
            article: a.article,
            duplicate: a.duplicate,
        })
        .collect())
}

/// Articles of no labeled story that the gold puts together (a page and
/// its labeled copies, see `ClusteringSet::gold`), each with one story
/// name for the group, so fitting and fold scoring treat a copy as
/// `eval clustering` does: with its original, in the same fold.
fn copy_groups(gold: &HashMap<String, String>) -> HashMap<String, String> {
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for label in gold.values() {
        *sizes.entry(label.as_str()).or_default() += 1;
    }
    gold.iter()
        .filter_map(|(key, label)| {
            let original = label.strip_prefix("alone:")?;
            (sizes.get(label.as_str()).copied().unwrap_or(0) > 1)
                .then(|| (key.clone(), format!("copies-of:{original}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_and_its_copies_share_one_story_and_lone_pages_stay_alone() {
        let gold: HashMap<String, String> = [
            ("dev-035", "alone:dev-035"),
            ("dev-117", "alone:dev-035"),
            ("dev-002", "alone:dev-002"),
            ("dev-009", "story:rice-arsenal"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let groups = copy_groups(&gold);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups["dev-035"], "copies-of:dev-035");
        assert_eq!(groups["dev-117"], "copies-of:dev-035");
    }
}
