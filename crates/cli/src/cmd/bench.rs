//! `storyline bench clustering PATH`: throughput of ingest → dedup →
//! cluster → store on real data, into a temporary SQLite database, with
//! the time of each stage and the peak resident memory. It checks that it
//! stored every article it says it read.

use crate::args::{BenchCommand, Global};
use crate::cmd::print_json;
use crate::output::outln;
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use storyline_core::cluster::{Clusterer, ClustererConfig};
use storyline_core::dedup::Duplicates;
use storyline_core::eval::datasets::clustering_set;
use storyline_core::ingest::{DEFAULT_MAX_FILE_SIZE, discover, parse_document, read_document};
use storyline_core::pipeline::{Pipeline, batch_order};
use storyline_core::{Article, IngestError, Store};
use storyline_store::SqliteStore;

/// Runs one benchmark.
pub fn run(command: &BenchCommand, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        BenchCommand::Clustering { path, expect } => clustering(path, *expect, global),
    }
}

/// The articles under `path`: a labeled set's (labels dropped), else
/// whatever ingestion reads there.
fn load(path: &Path) -> anyhow::Result<(String, Vec<Article>, Vec<IngestError>)> {
    if let Ok(set) = clustering_set(path) {
        let articles = set.ingestable();
        return Ok((set.kind.name().to_string(), articles, set.failures));
    }
    let discovery = discover(&[path.to_path_buf()]);
    let mut failures = discovery.errors;
    let mut articles = Vec::new();
    for file in &discovery.files {
        match read_document(file, DEFAULT_MAX_FILE_SIZE) {
            Ok(doc) => {
                for item in parse_document(&doc) {
                    match item {
                        Ok(article) => articles.push(article),
                        Err(err) => failures.push(err),
                    }
                }
            }
            Err(err) => failures.push(err),
        }
    }
    Ok((path.display().to_string(), articles, failures))
}

/// CPU seconds (user and system, every thread) this process has used so
/// far, where the system reports them (`/proc/self/stat`, in clock ticks
/// of 1/100 s): on a shared machine the pipeline's CPU time moves less
/// with the load than its wall-clock time.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold
    // spaces: state is field 3, utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    let total = ticks(11)? + ticks(12)?;
    Some(total as f64 / 100.0)
}

/// Peak resident set size of this process in kB (`VmHWM`), where the
/// system reports it.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn clustering(path: &Path, expect: Option<usize>, global: &Global) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (name, articles, failures) = load(path)?;
    let read_seconds = started.elapsed().as_secs_f64();
    let count = articles.len();
    let undated = articles.iter().filter(|a| a.published_at.is_none()).count();
    let failed = failures.len();

    // The stages alone, on a copy, to show where the time goes.
    let mut ordered = articles.clone();
    let started = Instant::now();
    ordered.sort_by(batch_order);
    let sort_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut duplicates = Duplicates::default();
    let mut originals = Vec::new();
    for article in &ordered {
        if duplicates.check(article).is_none() {
            originals.push(article);
        }
    }
    let dedup_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut clusterer = Clusterer::new(ClustererConfig::default());
    // As the pipeline does: stories too old for the next article retire
    // every 256 articles, unless an undated one (compared with every
    // story) is still to come.
    let all_dated = originals.last().is_none_or(|a| a.published_at.is_some());
    for (position, article) in originals.iter().enumerate() {
        if all_dated
            && position % 256 == 0
            && let Some(at) = article.published_at
        {
            clusterer.retire_inactive(at, |_| false);
        }
        clusterer.assign(article);
    }
    let cluster_seconds = started.elapsed().as_secs_f64();
    let (known_stories, live_stories, postings) = (
        clusterer.story_count(),
        clusterer.live_story_count(),
        clusterer.index_postings(),
    );
    drop(clusterer);
    drop(duplicates);
    drop(ordered);

    // The real thing: the whole pipeline into SQLite.
    let dir = tempfile_dir()?;
    let db = dir.join("bench.db");
    let store = SqliteStore::open(&db)
        .with_context(|| format!("cannot create the database {}", db.display()))?;
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut pipeline = Pipeline::new(store);
    let report = pipeline.ingest_articles(articles, failures)?;
    let pipeline_seconds = started.elapsed().as_secs_f64();
    let pipeline_cpu = cpu_before.zip(cpu_seconds()).map(|(a, b)| b - a);
    let stored = pipeline.store().articles()?.len();
    let stories = pipeline.store().stories()?.len();
    drop(pipeline);
    let _ = std::fs::remove_dir_all(&dir);

    // It must have processed what it claims.
    anyhow::ensure!(
        report.read == count + failed,
        "read {} inputs, expected {}",
        report.read,
        count + failed
    );
    anyhow::ensure!(
        stored == report.new + report.duplicates,
        "stored {stored} articles, but the report counts {} new and {} copies",
        report.new,
        report.duplicates
    );
    anyhow::ensure!(
        report.new + report.duplicates + report.unchanged + report.revised == count,
        "the report accounts for {} of {count} articles",
        report.new + report.duplicates + report.unchanged + report.revised
    );
    if let Some(expected) = expect {
        anyhow::ensure!(
            count == expected,
            "read {count} articles, expected {expected}"
        );
    }
    let per_second = count as f64 / pipeline_seconds.max(1e-9);
    let end_to_end = count as f64 / (pipeline_seconds + read_seconds).max(1e-9);
    let peak = peak_memory_kb();
    if global.json {
        print_json(&serde_json::json!({
            "input": name,
            "articles": count,
            "failed": failed,
            "undated": undated,
            "stored": stored,
            "duplicates": report.duplicates,
            "unchanged": report.unchanged,
            "stories": stories,
            "articles_per_second": per_second,
            "articles_per_second_with_reading": end_to_end,
            "seconds": {
                "read_and_parse": read_seconds,
                "pipeline": pipeline_seconds,
                "pipeline_cpu": pipeline_cpu,
                "sort_alone": sort_seconds,
                "dedup_alone": dedup_seconds,
                "cluster_alone": cluster_seconds,
                "pipeline_stages": {
                    "prepare": report.timings.prepare,
                    "classify": report.timings.classify,
                    "cluster": report.timings.cluster,
                    "snapshot": report.timings.snapshot,
                    "save": report.timings.save,
                },
            },
            "peak_memory_kb": peak,
            "clusterer": {
                "stories": known_stories,
                "live_stories": live_stories,
                "index_postings": postings,
            },
            "release_build": !cfg!(debug_assertions),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if cfg!(debug_assertions) {
        outln!("(debug build: measure with `cargo build --release`)")?;
    }
    outln!(
        "{name}: {count} articles read ({failed} failed, {undated} undated), {stored} stored ({} copies, {} unchanged), {stories} stories",
        report.duplicates,
        report.unchanged
    )?;
    outln!(
        "ingest → dedup → cluster → SQLite: {pipeline_seconds:.2} s, {per_second:.0} articles/s ({end_to_end:.0}/s counting {read_seconds:.2} s of reading and parsing)"
    )?;
    outln!(
        "stages alone: sort {sort_seconds:.2} s, dedup {dedup_seconds:.2} s, cluster {cluster_seconds:.2} s; the rest of the pipeline (identity, store) ≈ {:.2} s",
        (pipeline_seconds - sort_seconds - dedup_seconds - cluster_seconds).max(0.0)
    )?;
    if let Some(cpu) = pipeline_cpu {
        outln!("CPU time of the pipeline, every thread: {cpu:.2} s")?;
    }
    let t = report.timings;
    outln!(
        "pipeline stages: prepare {:.2} s, classify {:.2} s, cluster {:.2} s, snapshot {:.2} s, save (SQLite, story summaries) {:.2} s",
        t.prepare,
        t.classify,
        t.cluster,
        t.snapshot,
        t.save
    )?;
    outln!(
        "clusterer alone at the end: {live_stories} of {known_stories} stories live (the others retired, too old to attract), {postings} index postings"
    )?;
    match peak {
        Some(kb) => outln!("peak memory (VmHWM) {:.1} MiB", kb as f64 / 1024.0)?,
        None => outln!("peak memory: not reported by this system")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A fresh folder under the system's temporary directory.
fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "storyline-bench-{}-{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn the_cpu_time_counts_the_work_done() {
        let before = cpu_seconds().expect("Linux reports CPU time");
        let started = Instant::now();
        let mut x = 1_u64;
        // Spin until at least two clock ticks of CPU time are counted (on
        // a loaded machine that takes longer than two ticks of wall time).
        while cpu_seconds().is_some_and(|now| now - before < 0.02)
            && started.elapsed().as_secs() < 20
        {
            for _ in 0..100_000 {
                x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
            }
        }
        let spent = cpu_seconds().expect("Linux reports CPU time") - before;
        assert!(spent >= 0.02, "{spent} s counted");
    }
}
