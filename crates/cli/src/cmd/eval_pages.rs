//! `storyline eval extraction` and `eval pubdates`: HTML pages of peer
//! benchmarks through our HTML ingestion, scored with each benchmark's own
//! metric and printed beside its published table.

use crate::args::Global;
use crate::cmd::print_json;
use crate::output::outln;
use crate::progress::Bar;
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;
use storyline_core::eval::datasets::{
    ExtractionBenchmark, Truth, extraction_cases, pubdate_cases, read_page,
};
use storyline_core::eval::extraction::{
    ExtractionScores, PUBLISHED_TRAFILATURA, PUBLISHED_ZYTE, Published,
};
use storyline_core::eval::pubdates::PUBLISHED_HTMLDATE;
use storyline_core::eval::{DateScores, SegmentCounts, ShingleScorer};
use storyline_core::ingest::html::{Extractor, extract_main_text, limits, page_publication_time};
use storyline_core::pipeline::Progress;

/// What the eval adapters pass to extraction besides the page, as a crawler
/// would have supplied it (see CLARIFICATIONS: say which fields are used).
const FIELDS_USED: &str = "url";

/// Scores main-text extraction on the benchmark in `dir`.
pub fn extraction(
    dir: &Path,
    extractor: &str,
    show_pages: bool,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::parse(extractor).with_context(|| {
        format!("unknown extractor '{extractor}' (combined, trafilatura, dom_smoothie)")
    })?;
    let (benchmark, cases) = extraction_cases(dir)?;
    let mut bar = Bar::new(cases.len(), global.quiet);
    let mut shingles = ShingleScorer::default();
    let mut segments = SegmentCounts::default();
    let mut per_page = Vec::new();
    let mut failed = 0;
    let started = std::time::Instant::now();
    for case in &cases {
        bar.item(&case.page);
        let text = match read_page(&case.page) {
            Ok(html) => page_text(&html, case.url.as_deref(), extractor),
            Err(err) => {
                tracing::warn!("{err}");
                failed += 1;
                String::new()
            }
        };
        match &case.truth {
            Truth::Body(body) => {
                let mut one = ShingleScorer::default();
                one.add(body, &text);
                per_page.push(PageScore::new(&case.id, &one.scores()));
                shingles.add(body, &text);
            }
            Truth::Segments { with, without } => {
                let mut one = SegmentCounts::default();
                one.add(&text, with, without);
                per_page.push(PageScore::new(&case.id, &one.scores()));
                segments.add(&text, with, without);
            }
        }
    }
    bar.finish();
    let seconds = started.elapsed().as_secs_f64();
    // Readability's test pages come without URLs.
    let fields_used: &[&str] = if cases.iter().any(|c| c.url.is_some()) {
        &[FIELDS_USED]
    } else {
        &[]
    };
    let (scores, published) = match benchmark {
        ExtractionBenchmark::Zyte => (shingles.scores(), PUBLISHED_ZYTE),
        ExtractionBenchmark::Readability => (shingles.scores(), &[][..]),
        ExtractionBenchmark::Trafilatura => (segments.scores(), PUBLISHED_TRAFILATURA),
    };
    // Worst first, ties by name, so the pages to look at come on top.
    per_page.sort_by(|a, b| a.f1.total_cmp(&b.f1).then_with(|| a.id.cmp(&b.id)));
    if global.json {
        let mut value = serde_json::json!({
            "benchmark": benchmark.name(),
            "extractor": extractor.as_str(),
            "documents": scores.documents,
            "precision": scores.precision,
            "recall": scores.recall,
            "f1": scores.f1,
            "accuracy": scores.accuracy,
            "failed": failed,
            "fields_used": fields_used,
            "seconds": seconds,
            "published": published,
        });
        if show_pages && let Some(obj) = value.as_object_mut() {
            obj.insert("pages".into(), serde_json::to_value(&per_page)?);
        }
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{} benchmark: {} pages ({} unreadable), extractor {}, {:.1} ms/page; fields passed with each page: {}",
        benchmark.name(),
        scores.documents,
        failed,
        extractor.as_str(),
        seconds * 1000.0 / scores.documents.max(1) as f64,
        if fields_used.is_empty() {
            "none".to_string()
        } else {
            fields_used.join(", ")
        }
    )?;
    print_table(
        &scores,
        published,
        &format!("storyline ({})", extractor.as_str()),
    )?;
    if show_pages {
        outln!(
            "{:>6} {:>6} {:>6}  page (worst first)",
            "f1",
            "prec",
            "recall"
        )?;
        for page in per_page {
            outln!(
                "{:>6.3} {:>6.3} {:>6.3}  {}",
                page.f1,
                page.precision,
                page.recall,
                page.id
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One page's scores, for `--pages`: which pages pull the figures down and
/// whether by boilerplate kept (precision) or text lost (recall).
#[derive(Debug, serde::Serialize)]
struct PageScore {
    id: String,
    precision: f64,
    recall: f64,
    f1: f64,
}

impl PageScore {
    fn new(id: &str, scores: &ExtractionScores) -> Self {
        Self {
            id: id.to_string(),
            precision: scores.precision,
            recall: scores.recall,
            f1: scores.f1,
        }
    }
}

/// Main text as ingestion would extract it; a page refused as hostile
/// scores as an empty extraction.
fn page_text(html: &str, url: Option<&str>, extractor: Extractor) -> String {
    if limits::check_page(html).is_err() {
        return String::new();
    }
    extract_main_text(html, url, extractor).text
}

/// Scores publication dates on htmldate's benchmark in `dir`.
pub fn pubdates(dir: &Path, show_failures: bool, global: &Global) -> anyhow::Result<ExitCode> {
    let cases = pubdate_cases(dir)?;
    let mut bar = Bar::new(cases.len(), global.quiet);
    let mut scores = DateScores::default();
    let mut failures = Vec::new();
    let started = std::time::Instant::now();
    for case in &cases {
        bar.item(&case.page);
        let predicted = read_page(&case.page)
            .ok()
            .and_then(|html| page_publication_time(&html, Some(&case.url)).ok().flatten())
            .map(|t| t.date);
        if predicted != case.gold {
            failures.push((case.url.clone(), case.gold, predicted));
        }
        scores.add(case.gold, predicted);
    }
    bar.finish();
    let seconds = started.elapsed().as_secs_f64();
    if global.json {
        let mut value = serde_json::to_value(scores)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("fields_used".into(), serde_json::json!([FIELDS_USED]));
            obj.insert("seconds".into(), seconds.into());
            obj.insert(
                "published".into(),
                serde_json::to_value(PUBLISHED_HTMLDATE)?,
            );
        }
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "htmldate benchmark: {} pages, {:.1} ms/page; fields passed with each page: {FIELDS_USED}",
        scores.documents,
        seconds * 1000.0 / scores.documents.max(1) as f64
    )?;
    outln!(
        "TP {}  FP {}  FN {}  TN {}  accuracy {:.3}",
        scores.tp,
        scores.fp,
        scores.fn_,
        scores.tn,
        scores.accuracy
    )?;
    let ours = ExtractionScores {
        documents: scores.documents,
        precision: scores.precision,
        recall: scores.recall,
        f1: scores.f1,
        accuracy: scores.accuracy,
    };
    print_table(&ours, PUBLISHED_HTMLDATE, "storyline")?;
    if show_failures {
        for (url, gold, got) in failures {
            let show = |d: Option<jiff::civil::Date>| d.map_or("-".to_string(), |d| d.to_string());
            outln!("gold {:<10}  got {:<10}  {url}", show(gold), show(got))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(ours: &ExtractionScores, published: &[Published], name: &str) -> anyhow::Result<()> {
    outln!(
        "{:<34} {:>9} {:>7} {:>7}",
        "system",
        "precision",
        "recall",
        "F1"
    )?;
    outln!(
        "{:<34} {:>9.3} {:>7.3} {:>7.3}",
        name,
        ours.precision,
        ours.recall,
        ours.f1
    )?;
    for row in published {
        outln!(
            "{:<34} {:>9.3} {:>7.3} {:>7.3}  (published)",
            row.tool,
            row.precision,
            row.recall,
            row.f1
        )?;
    }
    Ok(())
}
