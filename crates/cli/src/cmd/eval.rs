//! `storyline eval`: scores on peer test suites, printed as a table (or
//! JSON), so a regression shows up as a number.

use crate::args::{EvalCommand, Global};
use crate::cmd::print_json;
use crate::output::outln;
use crate::progress::Bar;
use anyhow::Context;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline_core::eval::score_clustering;
use storyline_core::ingest::{DEFAULT_MAX_FILE_SIZE, discover, read_document};
use storyline_core::pipeline::Pipeline;
use storyline_core::store::MemoryStore;

/// Runs one evaluation.
pub fn run(command: &EvalCommand, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Money { dir, failures } => money(dir, *failures, global),
        EvalCommand::Dates { dir, failures } => dates(dir, *failures, global),
        EvalCommand::Clustering { labels, paths } => clustering(labels, paths, global),
        EvalCommand::Claims { dir, failures } => claims(dir, *failures, global),
        EvalCommand::Timeline { dir, dump } => {
            super::eval_timeline::run(dir, dump.as_deref(), global)
        }
    }
}

/// Gold story per article key (file name without extension); unlabeled
/// articles get a story of their own.
fn read_labels(path: &Path) -> anyhow::Result<HashMap<String, String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read labels {}", path.display()))?;
    let mut gold = HashMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a JSON object", path.display(), n + 1))?;
        let key = value["id"]
            .as_str()
            .map(String::from)
            .or_else(|| value["path"].as_str().map(|p| article_key(Path::new(p))))
            .with_context(|| format!("{}:{}: needs an `id` or a `path`", path.display(), n + 1))?;
        let story = match value["story"].as_str() {
            Some(story) => format!("story:{story}"),
            None => format!("alone:{key}"),
        };
        gold.insert(key, story);
    }
    Ok(gold)
}

/// `eval claims DIR`: recall of the gold money figures of `stories.md`.
fn claims(dir: &Path, failures: bool, global: &Global) -> anyhow::Result<ExitCode> {
    use std::collections::BTreeMap;
    use storyline_core::eval::claims::{parse_gold, score_claims};
    let stories = dir.join("stories.md");
    let markdown = std::fs::read_to_string(&stories)
        .with_context(|| format!("cannot read {}", stories.display()))?;
    let (gold, without_amount) = parse_gold(&markdown);
    let labels_path = dir.join("labels.jsonl");
    let labels = std::fs::read_to_string(&labels_path)
        .with_context(|| format!("cannot read {}", labels_path.display()))?;
    let mut languages: HashMap<String, String> = HashMap::new();
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}: a line is not JSON", labels_path.display()))?;
        if let (Some(id), Some(lang)) = (value["id"].as_str(), value["lang"].as_str()) {
            languages.insert(id.to_string(), lang.to_string());
        }
    }
    let mut found: BTreeMap<String, Vec<(f64, String)>> = BTreeMap::new();
    let ids: std::collections::BTreeSet<&str> = gold.iter().map(|g| g.article.as_str()).collect();
    for id in ids {
        let path = dir.join("articles").join(format!("{id}.txt"));
        let document = match read_document(&path, DEFAULT_MAX_FILE_SIZE) {
            Ok(document) => document,
            Err(err) => {
                tracing::warn!("{err}");
                continue;
            }
        };
        let article = match storyline_core::ingest::parse_document(&document) {
            Ok(article) => article,
            Err(err) => {
                tracing::warn!("{err}");
                continue;
            }
        };
        let amounts = storyline_core::facts::article_claims(&article)
            .into_iter()
            .filter_map(|c| c.amount.map(|a| (a.value, a.currency)))
            .collect();
        found.insert(id.to_string(), amounts);
    }
    let score = score_claims(&gold, without_amount, &found, |id| {
        languages.get(id).is_none_or(|lang| lang == "en")
    });
    if global.json {
        print_json(&score)?;
    } else {
        outln!("eval claims: money figures quoted in {}", stories.display())?;
        outln!(
            "  all articles      {:>4} / {:<4} recall {:.3}",
            score.found,
            score.gold,
            score.recall
        )?;
        outln!(
            "  English           {:>4} / {:<4} recall {:.3}",
            score.english.found,
            score.english.gold,
            score.english.recall
        )?;
        outln!(
            "  other languages   {:>4} / {:<4} recall {:.3}",
            score.other_languages.found,
            score.other_languages.gold,
            score.other_languages.recall
        )?;
        outln!(
            "  ({} quoted phrases hold no amount and are not scored)",
            score.quotes_without_amount
        )?;
        if failures {
            for miss in &score.missed {
                outln!(
                    "  missed {} {} {} in \"{}\"",
                    miss.article,
                    miss.value,
                    miss.currency,
                    miss.quote
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn article_key(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn clustering(labels: &Path, paths: &[PathBuf], global: &Global) -> anyhow::Result<ExitCode> {
    let gold = read_labels(labels)?;
    let discovery = discover(paths);
    let total = discovery.files.len();
    let documents: Vec<_> = discovery
        .errors
        .into_iter()
        .map(Err)
        .chain(
            discovery
                .files
                .iter()
                .map(|p| read_document(p, DEFAULT_MAX_FILE_SIZE)),
        )
        .collect();
    let mut bar = Bar::new(total, global.quiet);
    let started = std::time::Instant::now();
    let mut pipeline = Pipeline::new(MemoryStore::default());
    let report = pipeline.ingest(documents, &mut bar)?;
    let seconds = started.elapsed().as_secs_f64();
    bar.finish();
    let predicted: HashMap<String, String> = report
        .articles
        .iter()
        .filter_map(|a| Some((article_key(&a.path), a.story.as_ref()?.0.clone())))
        .collect();
    let unlabeled = predicted.keys().filter(|k| !gold.contains_key(*k)).count();
    let scores = score_clustering(&gold, &predicted);
    let per_second = report.read as f64 / seconds.max(1e-9);
    if global.json {
        let mut value = serde_json::to_value(&scores)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("articles_per_second".into(), per_second.into());
            obj.insert("undated".into(), report.undated.into());
            obj.insert("failed".into(), report.failed.into());
            obj.insert("unlabeled".into(), unlabeled.into());
        }
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "articles {} (undated {}, fed after the dated ones; failed {}; without a label {})",
        scores.articles,
        report.undated,
        report.failed,
        unlabeled
    )?;
    outln!(
        "stories: gold {}, predicted {}",
        scores.gold_stories,
        scores.predicted_stories
    )?;
    for (name, pr) in [("pairwise", scores.pairwise), ("b-cubed", scores.bcubed)] {
        outln!(
            "{name:<9} precision {:.3}  recall {:.3}  F1 {:.3}",
            pr.precision,
            pr.recall,
            pr.f1
        )?;
    }
    outln!("nmi       {:.3}", scores.nmi)?;
    outln!("throughput {per_second:.0} articles/s ({seconds:.2} s)")?;
    Ok(ExitCode::SUCCESS)
}

fn money(dir: &Path, show_failures: bool, global: &Global) -> anyhow::Result<ExitCode> {
    let files = [
        (
            "currency",
            dir.join("NumberWithUnit/English/CurrencyModel.json"),
        ),
        ("number", dir.join("Number/English/NumberModel.json")),
    ];
    let mut rows = Vec::new();
    for (name, path) in &files {
        let report = if *name == "currency" {
            storyline_extract::eval::eval_currency(path)
        } else {
            storyline_extract::eval::eval_numbers(path)
        }
        .with_context(|| format!("cannot evaluate {}", path.display()))?;
        rows.push((*name, path.clone(), report));
    }
    if global.json {
        let value: serde_json::Value = rows
            .iter()
            .map(|(name, path, report)| {
                let mut entry = serde_json::to_value(report).unwrap_or_default();
                if let Some(obj) = entry.as_object_mut() {
                    obj.insert("file".into(), path.display().to_string().into());
                    if !show_failures {
                        obj.remove("failures");
                    }
                }
                ((*name).to_string(), entry)
            })
            .collect::<serde_json::Map<_, _>>()
            .into();
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{:<10} {:>6} {:>9} {:>7} {:>7} {:>9}",
        "file",
        "cases",
        "excluded",
        "passed",
        "failed",
        "pass rate"
    )?;
    for (name, _, report) in &rows {
        outln!(
            "{:<10} {:>6} {:>9} {:>7} {:>7} {:>8.1}%",
            name,
            report.total,
            report.excluded.len(),
            report.passed,
            report.failed,
            report.pass_rate * 100.0
        )?;
    }
    for (name, _, report) in &rows {
        for excluded in &report.excluded {
            outln!(
                "excluded ({name}): {} — {}",
                excluded.input,
                excluded.reason
            )?;
        }
        if show_failures {
            for failure in &report.failures {
                outln!("failed ({name}): {}", failure.input)?;
                outln!("    expected {:?}", figures(&failure.expected))?;
                outln!("    got      {:?}", figures(&failure.got))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn figures(figures: &[storyline_extract::eval::Figure]) -> Vec<String> {
    figures
        .iter()
        .map(|f| {
            format!(
                "{}..={} {:?} {} {}",
                f.start, f.end, f.text, f.value, f.currency
            )
        })
        .collect()
}

fn dates(dir: &Path, show_failures: bool, global: &Global) -> anyhow::Result<ExitCode> {
    let path = dir.join("DateTime/English/DateTimeModel.json");
    let report = storyline_dates::eval::eval_datetime_model(&path)
        .with_context(|| format!("cannot evaluate {}", path.display()))?;
    if global.json {
        print_json(&serde_json::json!({
            "file": path.display().to_string(),
            "total": report.total,
            "excluded": report.excluded,
            "scored": report.scored,
            "passed": report.passed,
            "failed": report.failed,
            "pass_rate": report.pass_rate(),
            "negatives": report.negatives,
            "negatives_passed": report.negatives_passed,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!("DateTimeModel.json: {} cases", report.total)?;
    outln!(
        "  date and date-range cases: {}/{} passed ({:.1}%)",
        report.passed,
        report.scored,
        report.pass_rate() * 100.0
    )?;
    outln!(
        "  negative cases (nothing to find): {}/{} passed ({:.1}%)",
        report.negatives_passed,
        report.negatives,
        report.negative_pass_rate() * 100.0
    )?;
    for (reason, count) in &report.excluded {
        outln!("  excluded {count}: {reason}")?;
    }
    if show_failures {
        for failure in &report.failures {
            outln!("failed: {}", failure.input)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
