//! `storyline eval timeline DIR`: timeline summarization on Timeline17 under
//! the standard protocol (as many dates and sentences per date as the gold
//! timeline), scored with tilse's Date-F1 and AR1/AR2 and printed beside
//! the best published system. Kept apart from `eval.rs` for its loader.
//!
//! Layout read: one folder per (topic, publisher) with `articles.json`
//! (`[{uid, dct, dates, text}]`, tokenized text, `dct` the publication day)
//! and one or more `*.timeline.json` (`[{date, text}]`, sentences separated
//! by two spaces). A folder without `articles.json` is reported as skipped.
//!
//! Days are ranked by the learned date ranker, out of fold by default: each
//! topic's timelines are built with a model fitted on the other topics'
//! gold timelines only (leave one topic out: a topic's publishers share
//! its events, so folds never split a topic). `--ranker committed` uses the
//! compiled-in model (fitted on every topic: in-sample here), `--ranker
//! hand-set` the ranking it replaced; `--refit PATH` writes a model fitted
//! on every topic.

use crate::args::Global;
use crate::cmd::print_json;
use crate::output::outln;
use crate::progress::Bar;
use anyhow::Context;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline_core::eval::timeline::{RougeTokenizer, Timeline, TimelineScores, score_timeline};
use storyline_core::pipeline::Progress;
use storyline_core::text::Analyzer;
use storyline_core::timeline::date_features::FEATURES;
use storyline_core::timeline::date_model::LabeledDays;
use storyline_core::timeline::{DateModel, DatedText, Summarizer};

/// DATEWISE on Timeline17 (Ghalandari & Ifrim 2020): AR1-F, AR2-F, Date-F1.
const DATEWISE: (f64, f64, f64) = (0.120, 0.035, 0.544);

/// Why the comparison with published figures is indirect.
const NOTE: &str = "each T17 folder is one publisher's coverage of a topic, while the published \
                    systems pooled all publishers' articles per topic: the comparison with \
                    DATEWISE is indirect (--pooled builds from the pooled articles)";

const POOLED_NOTE: &str = "built from all publishers' articles on each topic, as the published \
                           systems were";

/// Which date ranker builds the timelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Ranker {
    /// Per topic, a model fitted on the other topics (the honest figure).
    OutOfFold,
    /// The committed model, fitted on every topic (in-sample on T17).
    Committed,
    /// Later references plus publications (the ranking before the model).
    HandSet,
}

#[derive(Deserialize)]
struct RawArticle {
    dct: String,
    text: String,
}

#[derive(Deserialize)]
struct RawEntry {
    date: String,
    text: String,
}

/// One scored gold timeline.
#[derive(Serialize)]
struct TopicResult {
    topic: String,
    gold: String,
    articles: usize,
    dates: usize,
    sentences_per_date: usize,
    #[serde(flatten)]
    scores: TimelineScores,
}

/// A folder that could not be scored, and why.
#[derive(Serialize)]
struct Skipped {
    topic: String,
    reason: String,
}

#[derive(Serialize)]
struct Report {
    timelines: usize,
    /// True when each timeline was built from its whole topic's articles.
    pooled: bool,
    /// The date ranker used.
    ranker: Ranker,
    /// True when days were picked within each gold timeline's span only
    /// (the standard protocol).
    gold_span: bool,
    date_f1: f64,
    ar1_f: f64,
    ar2_f: f64,
    published: Published,
    note: &'static str,
    skipped: Vec<Skipped>,
    topics: Vec<TopicResult>,
}

#[derive(Serialize)]
struct Published {
    system: &'static str,
    date_f1: f64,
    ar1_f: f64,
    ar2_f: f64,
}

/// The dumped form of a timeline, read by `scripts/tilse_check.py`.
#[derive(Serialize)]
struct DumpEntry<'a> {
    date: String,
    sentences: &'a [String],
}

fn parse_day(text: &str, path: &Path) -> anyhow::Result<Date> {
    text.get(..10)
        .unwrap_or(text)
        .parse()
        .with_context(|| format!("{}: bad date {text:?}", path.display()))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<T> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: unexpected JSON", path.display()))
}

/// A gold timeline: entries of the same day merged, sentences split at
/// runs of two or more spaces.
fn read_gold(path: &Path) -> anyhow::Result<Timeline> {
    let entries: Vec<RawEntry> = read_json(path)?;
    let mut by_day: std::collections::BTreeMap<Date, Vec<String>> = Default::default();
    for entry in entries {
        let sentences = entry
            .text
            .split("  ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from);
        by_day
            .entry(parse_day(&entry.date, path)?)
            .or_default()
            .extend(sentences);
    }
    Ok(by_day.into_iter().collect())
}

/// Gold timeline files of a folder, in name order.
fn gold_files(folder: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("cannot list {}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".timeline.json"))
        .collect();
    files.sort();
    Ok(files)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

fn dump(dir: &Path, name: &str, timeline: &Timeline) -> anyhow::Result<()> {
    let entries: Vec<DumpEntry<'_>> = timeline
        .iter()
        .map(|(date, sentences)| DumpEntry {
            date: date.to_string(),
            sentences,
        })
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&entries)?)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Writes the candidate days of one gold timeline with their features and
/// labels (`[{date, features: {name: value}, in_gold}]`), for studying the
/// date ranker.
fn dump_days(dir: &Path, name: &str, labeled: &LabeledDays) -> anyhow::Result<()> {
    let rows: Vec<serde_json::Value> = labeled
        .days
        .iter()
        .zip(&labeled.in_gold)
        .map(|(day, in_gold)| {
            let features: serde_json::Map<String, serde_json::Value> = FEATURES
                .iter()
                .zip(day.values)
                .map(|(name, value)| (name.to_string(), value.into()))
                .collect();
            serde_json::json!({"date": day.day.to_string(), "features": features, "in_gold": in_gold})
        })
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(&rows)?)
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The topic of a `TOPIC_publisher` folder name (`bpoil_bbc` → `bpoil`).
fn topic_of(folder: &Path) -> String {
    let name = file_name(folder);
    match name.rsplit_once('_') {
        Some((topic, _)) => topic.to_string(),
        None => name,
    }
}

/// Reads the articles of `sources` (the folder itself, or every folder on
/// its topic).
fn read_articles(sources: &[&Path]) -> anyhow::Result<Vec<(Date, String)>> {
    let mut articles = Vec::new();
    for source in sources {
        let path = source.join("articles.json");
        let read: Vec<RawArticle> = read_json(&path)?;
        for article in read {
            articles.push((parse_day(&article.dct, &path)?, article.text));
        }
    }
    Ok(articles)
}

/// One gold timeline with what its system timeline is built from.
struct Task {
    /// The folder (`TOPIC_publisher`).
    folder: String,
    /// The topic (the fold it belongs to).
    topic: String,
    gold_name: String,
    gold: Timeline,
    /// Index into the summarizers.
    summarizer: usize,
    /// How many articles it is built from.
    articles: usize,
}

impl Task {
    fn dates(&self) -> usize {
        self.gold.len()
    }

    fn per_date(&self) -> usize {
        let sentences: usize = self.gold.iter().map(|(_, s)| s.len()).sum();
        ((sentences as f64 / self.dates().max(1) as f64).round() as usize).max(1)
    }
}

/// The gold timeline's first and last days.
fn span_of(gold: &Timeline) -> Option<RangeInclusive<Date>> {
    Some(gold.first()?.0..=gold.last()?.0)
}

/// The candidate days of `summarizer` (those `within` the span, if given)
/// labeled by `gold`.
fn labeled(
    summarizer: &Summarizer,
    gold: &Timeline,
    within: Option<&RangeInclusive<Date>>,
) -> LabeledDays {
    let days: Vec<_> = summarizer
        .candidates()
        .iter()
        .filter(|d| within.is_none_or(|span| span.contains(&d.day)))
        .copied()
        .collect();
    let in_gold = days
        .iter()
        .map(|d| gold.iter().any(|(day, _)| *day == d.day))
        .collect();
    LabeledDays { days, in_gold }
}

/// The topics read: one summarizer per set of source folders, the gold
/// timelines to build, and the folders that cannot be built.
struct Loaded {
    summarizers: Vec<Summarizer>,
    tasks: Vec<Task>,
    skipped: Vec<Skipped>,
}

/// Reads every folder's articles (every publisher's on its topic when
/// `pooled`) and gold timelines.
fn load(
    folders: &[PathBuf],
    pooled: bool,
    analyzer: &Analyzer,
    bar: &mut Bar,
) -> anyhow::Result<Loaded> {
    let mut summarizers: Vec<Summarizer> = Vec::new();
    // Pooled folders of one topic share one summarizer: (index, articles).
    let mut by_sources: HashMap<Vec<PathBuf>, (usize, usize)> = HashMap::new();
    let mut tasks = Vec::new();
    let mut skipped = Vec::new();
    for folder in folders {
        bar.item(folder);
        let own = folder.join("articles.json").is_file();
        let sources: Vec<&Path> = if pooled {
            let topic = topic_of(folder);
            folders
                .iter()
                .filter(|other| topic_of(other) == topic && other.join("articles.json").is_file())
                .map(PathBuf::as_path)
                .collect()
        } else if own {
            vec![folder.as_path()]
        } else {
            Vec::new()
        };
        if sources.is_empty() {
            let golds = gold_files(folder)?.len();
            skipped.push(Skipped {
                topic: file_name(folder),
                reason: format!("no articles.json ({golds} gold timeline(s) not built)"),
            });
            continue;
        }
        let key: Vec<PathBuf> = sources.iter().map(|p| p.to_path_buf()).collect();
        let (summarizer, articles) = match by_sources.get(&key) {
            Some(known) => *known,
            None => {
                let raw = read_articles(&sources)?;
                let articles: Vec<DatedText<'_>> = raw
                    .iter()
                    .map(|(published, text)| DatedText {
                        published: *published,
                        text,
                    })
                    .collect();
                summarizers.push(Summarizer::new(&articles, analyzer));
                let known = (summarizers.len() - 1, articles.len());
                by_sources.insert(key, known);
                known
            }
        };
        for gold_path in gold_files(folder)? {
            tasks.push(Task {
                folder: file_name(folder),
                topic: topic_of(folder),
                gold_name: file_name(&gold_path),
                gold: read_gold(&gold_path)?,
                summarizer,
                articles,
            });
        }
    }
    bar.finish();
    Ok(Loaded {
        summarizers,
        tasks,
        skipped,
    })
}

/// What `eval timeline` was asked for.
pub struct Options<'a> {
    /// Write built and gold timelines here.
    pub dump: Option<&'a Path>,
    /// Build from every publisher of a topic.
    pub pooled: bool,
    /// The date ranker.
    pub ranker: Ranker,
    /// Write a model fitted on every topic here.
    pub refit: Option<&'a Path>,
    /// Rank every candidate day, not only those within the gold
    /// timeline's span (the standard protocol restricts to it).
    pub full_span: bool,
}

/// Runs `eval timeline DIR`.
pub fn run(dir: &Path, options: &Options<'_>, global: &Global) -> anyhow::Result<ExitCode> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    if let Some(dir) = options.dump {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let analyzer = Analyzer::english();
    let tokenizer = RougeTokenizer::default();
    let mut bar = Bar::new(folders.len(), global.quiet);
    let Loaded {
        summarizers,
        tasks,
        skipped,
    } = load(&folders, options.pooled, &analyzer, &mut bar)?;
    let within = |task: &Task| {
        if options.full_span {
            None
        } else {
            span_of(&task.gold)
        }
    };
    let labels: Vec<LabeledDays> = tasks
        .iter()
        .map(|t| labeled(&summarizers[t.summarizer], &t.gold, within(t).as_ref()))
        .collect();
    let fit_without = |topic: Option<&str>| {
        let training: Vec<LabeledDays> = tasks
            .iter()
            .zip(&labels)
            .filter(|(t, _)| Some(t.topic.as_str()) != topic)
            .map(|(_, l)| l.clone())
            .collect();
        let pooled = if options.pooled { " (pooled)" } else { "" };
        DateModel::fit(&training, &format!("Timeline17{pooled} {}", dir.display()))
    };
    if let Some(path) = options.refit {
        let model = fit_without(None);
        let text = serde_json::to_string_pretty(&model)? + "\n";
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let committed = DateModel::default();
    let hand_set = DateModel::hand_set();
    let mut folds: HashMap<String, DateModel> = HashMap::new();
    let mut topics = Vec::new();
    for (task, label) in tasks.iter().zip(&labels) {
        let model = match options.ranker {
            Ranker::Committed => &committed,
            Ranker::HandSet => &hand_set,
            Ranker::OutOfFold => folds
                .entry(task.topic.clone())
                .or_insert_with(|| fit_without(Some(&task.topic))),
        };
        let system = summarizers[task.summarizer].timeline(
            task.dates(),
            task.per_date(),
            within(task),
            model,
        );
        if let Some(dir) = options.dump {
            let stem = task.gold_name.trim_end_matches(".timeline.json");
            dump(
                dir,
                &format!("{}__{stem}.system.json", task.folder),
                &system,
            )?;
            dump(
                dir,
                &format!("{}__{stem}.gold.json", task.folder),
                &task.gold,
            )?;
            dump_days(dir, &format!("{}__{stem}.days.json", task.folder), label)?;
        }
        topics.push(TopicResult {
            topic: task.folder.clone(),
            gold: task.gold_name.clone(),
            articles: task.articles,
            dates: task.dates(),
            sentences_per_date: task.per_date(),
            scores: score_timeline(&task.gold, &system, &tokenizer),
        });
    }
    let report = Report {
        timelines: topics.len(),
        date_f1: mean(topics.iter().map(|t| t.scores.date.f1)),
        ar1_f: mean(topics.iter().map(|t| t.scores.ar1.f1)),
        ar2_f: mean(topics.iter().map(|t| t.scores.ar2.f1)),
        published: Published {
            system: "DATEWISE",
            ar1_f: DATEWISE.0,
            ar2_f: DATEWISE.1,
            date_f1: DATEWISE.2,
        },
        pooled: options.pooled,
        ranker: options.ranker,
        gold_span: !options.full_span,
        note: if options.pooled { POOLED_NOTE } else { NOTE },
        skipped,
        topics,
    };
    if global.json {
        print_json(&report)?;
    } else {
        print_report(&report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(report: &Report) -> anyhow::Result<()> {
    outln!(
        "{:<52} {:>5} {:>3} {:>2} {:>7} {:>7} {:>7}",
        "timeline",
        "arts",
        "T",
        "N",
        "Date-F1",
        "AR1-F",
        "AR2-F"
    )?;
    for t in &report.topics {
        outln!(
            "{:<52} {:>5} {:>3} {:>2} {:>7.3} {:>7.3} {:>7.3}",
            format!("{}/{}", t.topic, t.gold),
            t.articles,
            t.dates,
            t.sentences_per_date,
            t.scores.date.f1,
            t.scores.ar1.f1,
            t.scores.ar2.f1
        )?;
    }
    for s in &report.skipped {
        outln!("skipped {}: {}", s.topic, s.reason)?;
    }
    outln!(
        "{:<65} {:>7.3} {:>7.3} {:>7.3}",
        format!("mean over {} timelines", report.timelines),
        report.date_f1,
        report.ar1_f,
        report.ar2_f
    )?;
    outln!(
        "{:<65} {:>7.3} {:>7.3} {:>7.3}",
        "DATEWISE (published, all publishers pooled per topic)",
        report.published.date_f1,
        report.published.ar1_f,
        report.published.ar2_f
    )?;
    let ranker = match report.ranker {
        Ranker::OutOfFold => {
            "out of fold (each topic ranked by a model fitted on the other topics)"
        }
        Ranker::Committed => "the committed model (fitted on every T17 topic: in-sample)",
        Ranker::HandSet => "hand-set (later references plus publications)",
    };
    outln!("date ranker: {ranker}")?;
    if report.gold_span {
        outln!(
            "days: within each gold timeline's first and last days, as news-tls evaluates \
             DATEWISE (--full-span lifts it)"
        )?;
    }
    outln!("note: {}", report.note)?;
    Ok(())
}
