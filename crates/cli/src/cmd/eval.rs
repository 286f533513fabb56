//! `storyline eval`: scores on peer test suites, printed as a table (or
//! JSON), so a regression shows up as a number.

use crate::args::{EvalCommand, Global};
use crate::cmd::{eval_pages, print_json};
use crate::output::outln;
use anyhow::Context;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyline_core::eval::clustering_sets::{CRAWLER_FIELDS, apply_crawler_metadata};
use storyline_core::eval::score_duplicates;
use storyline_core::ingest::{DEFAULT_MAX_FILE_SIZE, discover, parse_document, read_document};
use storyline_core::pipeline::{Outcome, Pipeline};
use storyline_core::store::MemoryStore;

/// Runs one evaluation.
pub fn run(command: &EvalCommand, global: &Global) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Money { dir, failures } => money(dir, *failures, global),
        EvalCommand::Dates { dir, failures } => dates(dir, *failures, global),
        EvalCommand::Clustering {
            labels,
            paths,
            active_days,
            no_decay,
            no_merges,
            baseline_threshold,
            limit,
            mistakes,
            merge_threshold,
        } => super::eval_clustering::run(
            labels.as_deref(),
            paths,
            super::eval_clustering::Options {
                active_days: if *no_decay { Some(0) } else { *active_days },
                baseline_threshold: *baseline_threshold,
                limit: *limit,
                merges: !*no_merges,
                mistakes: *mistakes,
                merge_threshold: *merge_threshold,
            },
            global,
        ),
        EvalCommand::Claims {
            dir,
            failures,
            fields,
        } => claims(dir, *failures, fields.as_deref(), global),
        EvalCommand::Attribution { dir } => attribution(dir, global),
        EvalCommand::Dedup {
            labels,
            paths,
            failures,
        } => dedup(labels, paths, *failures, global),
        EvalCommand::Extraction {
            dir,
            extractor,
            pages,
        } => eval_pages::extraction(dir, extractor, *pages, global),
        EvalCommand::Pubdates { dir, failures } => eval_pages::pubdates(dir, *failures, global),
        EvalCommand::Timeline {
            dir,
            dump,
            pooled,
            ranker,
            refit,
            full_span,
        } => {
            let options = super::eval_timeline::Options {
                dump: dump.as_deref(),
                pooled: *pooled,
                ranker: *ranker,
                refit: refit.as_deref(),
                full_span: *full_span,
            };
            super::eval_timeline::run(dir, &options, global)
        }
    }
}

/// `eval claims DIR`: recall of the gold money figures of `stories.md`.
fn claims(
    dir: &Path,
    failures: bool,
    fields: Option<&Path>,
    global: &Global,
) -> anyhow::Result<ExitCode> {
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
        let Some((article, _)) = read_article(&path) else {
            continue;
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
    let field_scores = match fields {
        Some(path) => Some(claim_fields(dir, path, &labels, global)?),
        None => None,
    };
    if global.json {
        let mut value = serde_json::to_value(&score)?;
        if let (Some(fields), Some(map)) = (&field_scores, value.as_object_mut()) {
            map.insert("fields".into(), serde_json::to_value(fields)?);
        }
        print_json(&value)?;
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
        if let Some(halves) = &field_scores {
            for (name, half) in [
                ("tune half (odd ids)", &halves.tune),
                ("test half (even ids)", &halves.test),
            ] {
                outln!(
                    "  fields, {name}: {} articles, {} gold figures, {} matched (recall {:.3}, precision {:.3})",
                    half.articles,
                    half.gold_figures,
                    half.matched,
                    half.figure_recall,
                    half.figure_precision
                )?;
                for (field, f) in [
                    ("kind", &half.kind),
                    ("subject", &half.subject),
                    ("holder", &half.holder),
                    ("status", &half.status),
                ] {
                    outln!("    {field:<8} P {:.3}  R {:.3}", f.precision, f.recall)?;
                }
            }
        }
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

/// Scores claim fields against hand labels. Claims are built as the story
/// view builds them, over each labeled article's gold story (the labels'
/// `story`), so inference from the rest of the story is included. Subject
/// and holder names are compared as the alias book names them, on both
/// sides: "FC Barcelona" predicted for a gold "Barcelona" is one club
/// (`--no-builtin-aliases` compares the names as written).
fn claim_fields(
    dir: &Path,
    labels_path: &Path,
    story_labels: &str,
    global: &Global,
) -> anyhow::Result<storyline_core::eval::claim_fields::HalfScores> {
    use std::collections::{BTreeMap, BTreeSet};
    use storyline_core::eval::claim_fields::{
        PredictedClaim, offset_in_file, parse_labels, score_by_half,
    };
    let text = std::fs::read_to_string(labels_path)
        .with_context(|| format!("cannot read {}", labels_path.display()))?;
    let mut gold = parse_labels(&text).with_context(|| format!("in {}", labels_path.display()))?;
    let mut story_of: HashMap<String, String> = HashMap::new();
    for line in story_labels.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line)?;
        if let Some(id) = value["id"].as_str() {
            let story = value["story"]
                .as_str()
                .map_or_else(|| format!("alone:{id}"), String::from);
            story_of.insert(id.to_string(), story);
        }
    }
    let wanted: BTreeSet<&str> = gold
        .iter()
        .filter_map(|g| story_of.get(&g.article).map(String::as_str))
        .collect();
    let book = crate::cmd::alias_book(global)?;
    let mut predicted: BTreeMap<String, Vec<PredictedClaim>> = BTreeMap::new();
    let mut originals: HashMap<String, (storyline_core::Article, String)> = HashMap::new();
    for story in wanted {
        let mut articles = Vec::new();
        for (id, _) in story_of.iter().filter(|(_, s)| s.as_str() == story) {
            let path = dir.join("articles").join(format!("{id}.txt"));
            if let Some((mut article, file_text)) = read_article(&path) {
                // The file name is the id the labels use.
                article.id = storyline_core::ArticleId(id.clone());
                originals.insert(id.clone(), (article.clone(), file_text));
                articles.push(article);
            }
        }
        articles.sort_by(storyline_core::store::publication_order);
        for claim in storyline_core::facts::story_claims(&articles, book.as_ref()) {
            if claim.quantity.is_some() {
                continue;
            }
            predicted
                .entry(claim.article.0.clone())
                .or_default()
                .push(PredictedClaim {
                    text: claim.text.clone(),
                    offset: originals
                        .get(&claim.article.0)
                        .map_or(claim.span[0], |(article, file_text)| {
                            offset_in_file(article, file_text, claim.span[0])
                        }),
                    kind: Some(claim.kind.clone()),
                    subject: claim.subject.clone(),
                    holder: claim.holder.clone(),
                    status: claim
                        .status
                        .and_then(|s| serde_json::to_value(s).ok())
                        .and_then(|v| v.as_str().map(String::from)),
                });
        }
    }
    if let Some(book) = &book {
        let canonical = |name: &mut Option<String>| {
            if let Some(known) = name.as_deref().and_then(|n| book.lookup(n)) {
                *name = Some(known.name.clone());
            }
        };
        for figure in &mut gold {
            canonical(&mut figure.subject);
            canonical(&mut figure.holder);
        }
        for claim in predicted.values_mut().flatten() {
            canonical(&mut claim.subject);
            canonical(&mut claim.holder);
        }
    }
    Ok(score_by_half(&gold, &predicted))
}

/// `eval attribution DIR`: PolNeAR test split, one annotator per article
/// (the first `.ann` file in name order).
fn attribution(dir: &Path, global: &Global) -> anyhow::Result<ExitCode> {
    use storyline_core::eval::attribution::{SpanTally, brat_sources};
    use storyline_extract::attribution::{find_attributions, find_source};
    let text_dir = dir.join("data/test/text");
    let ann_dir = dir.join("data/test/attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("cannot read {}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let mut annotations: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("cannot read {}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    annotations.sort();
    let mut tally = SpanTally::default();
    let (mut scored, mut several) = (0, 0);
    for path in &texts {
        let stem = article_key(path);
        let mine: Vec<&PathBuf> = annotations
            .iter()
            .filter(|a| {
                a.file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(|s| s.rsplit_once('_'))
                    .is_some_and(|(name, _)| name == stem)
            })
            .collect();
        let Some(first) = mine.first() else {
            continue;
        };
        several += usize::from(mine.len() > 1);
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let ann = std::fs::read_to_string(first)
            .with_context(|| format!("cannot read {}", first.display()))?;
        let gold = brat_sources(&ann);
        let char_at = |byte: usize| text[..byte].chars().count();
        let mut predicted = Vec::new();
        for range in storyline_extract::claims::sentences(&text) {
            let sentence = &text[range.clone()];
            let mut spans: Vec<std::ops::Range<usize>> = find_attributions(sentence)
                .into_iter()
                .map(|a| a.span)
                .collect();
            if spans.is_empty() {
                spans.extend(find_source(sentence).map(|a| a.span));
            }
            for span in spans {
                predicted.push(char_at(range.start + span.start)..char_at(range.start + span.end));
            }
        }
        tally.add(&text, &gold, &predicted);
        scored += 1;
    }
    let scores = tally.scores();
    if global.json {
        print_json(&serde_json::json!({
            "articles": scored,
            "articles_with_several_annotators": several,
            "annotator_choice": "first .ann file in name order",
            "gold": scores.gold,
            "predicted": scores.predicted,
            "exact": scores.exact,
            "token": scores.token,
        }))?;
    } else {
        outln!(
            "eval attribution: PolNeAR test split, {scored} articles ({several} with several annotators: the first .ann file in name order is used)"
        )?;
        outln!(
            "  gold sources {}, predicted {}",
            scores.gold,
            scores.predicted
        )?;
        for (name, pr) in [
            ("exact span", scores.exact),
            ("token overlap", scores.token),
        ] {
            outln!(
                "  {name:<14} P {:.3}  R {:.3}  F1 {:.3}",
                pr.precision,
                pr.recall,
                pr.f1
            )?;
        }
        outln!(
            "  (PolNeAR marks every source, pronouns included; Storyline credits named sources and unnamed-source phrases)"
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The first article of one file with the file's text (where labels count
/// their offsets), or `None` (with a warning) when it cannot be read.
fn read_article(path: &Path) -> Option<(storyline_core::Article, String)> {
    let parsed = read_document(path, DEFAULT_MAX_FILE_SIZE).map(|doc| {
        let first = storyline_core::ingest::parse_document(&doc)
            .into_iter()
            .next();
        first.map(|article| article.map(|a| (a, doc.text)))
    });
    match parsed {
        Ok(Some(Ok(read))) => Some(read),
        Ok(Some(Err(err))) | Err(err) => {
            tracing::warn!("{err}");
            None
        }
        Ok(None) => None,
    }
}

fn article_key(path: &Path) -> String {
    storyline_core::eval::datasets::article_key(&path.to_string_lossy())
}

/// How many articles took each label field (only where the page's own text
/// did not say).
type MetadataCounts = std::collections::BTreeMap<&'static str, usize>;

fn dedup(
    labels: &Path,
    paths: &[PathBuf],
    show_failures: bool,
    global: &Global,
) -> anyhow::Result<ExitCode> {
    let mut metadata: HashMap<String, serde_json::Value> = HashMap::new();
    let mut gold_edges = Vec::new();
    for (key, value) in storyline_core::eval::datasets::label_lines(labels)? {
        if let Some(original) = value["duplicate_of"].as_str() {
            gold_edges.push((key.clone(), original.to_string()));
        }
        metadata.insert(key, value);
    }
    let discovery = discover(paths);
    let mut articles = Vec::new();
    let mut used: MetadataCounts = CRAWLER_FIELDS.iter().map(|f| (*f, 0)).collect();
    let mut failures: Vec<_> = discovery.errors;
    for path in &discovery.files {
        let doc = match read_document(path, DEFAULT_MAX_FILE_SIZE) {
            Ok(doc) => doc,
            Err(err) => {
                failures.push(err);
                continue;
            }
        };
        for item in parse_document(&doc) {
            match item {
                Ok(mut article) => {
                    if let Some(meta) = metadata.get(&article_key(path)) {
                        for field in apply_crawler_metadata(&mut article, meta) {
                            *used.entry(field).or_default() += 1;
                        }
                    }
                    articles.push(article);
                }
                Err(err) => failures.push(err),
            }
        }
    }
    let mut pipeline = Pipeline::new(MemoryStore::default());
    let report = pipeline.ingest_articles(articles, failures)?;
    // The first article read under each id; a later one with the same id
    // (same canonical URL: unchanged or a revision) is a copy of it too.
    let mut key_of: HashMap<_, String> = HashMap::new();
    let mut predicted: Vec<(String, String)> = Vec::new();
    for entry in &report.articles {
        let key = article_key(&entry.path);
        match key_of.get(&entry.id) {
            Some(first) => predicted.push((key.clone(), first.clone())),
            None => {
                key_of.insert(entry.id.clone(), key);
            }
        }
    }
    for entry in &report.articles {
        if let Outcome::Duplicate { of } = &entry.outcome
            && let Some(original) = key_of.get(of)
        {
            predicted.push((article_key(&entry.path), original.clone()));
        }
    }
    let scores = score_duplicates(report.articles.len(), &gold_edges, &predicted);
    if global.json {
        let mut value = serde_json::to_value(&scores)?;
        if let Some(obj) = value.as_object_mut() {
            let names: Vec<&str> = used
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(f, _)| *f)
                .collect();
            obj.insert("metadata_used".into(), names.into());
            obj.insert("metadata_counts".into(), serde_json::to_value(&used)?);
            obj.insert("failed".into(), report.failed.into());
            if !show_failures {
                obj.remove("missed");
                obj.remove("wrong");
            }
        }
        print_json(&value)?;
        return Ok(ExitCode::SUCCESS);
    }
    let used: Vec<String> = used.iter().map(|(f, n)| format!("{f} {n}")).collect();
    outln!(
        "articles {} (failed {}); label fields passed to ingestion (articles): {}",
        scores.documents,
        report.failed,
        used.join(", ")
    )?;
    outln!(
        "pairs: gold {}, found {}, correct {}",
        scores.gold_pairs,
        scores.predicted_pairs,
        scores.correct_pairs
    )?;
    outln!(
        "duplicates precision {:.3}  recall {:.3}  F1 {:.3}",
        scores.precision,
        scores.recall,
        scores.f1
    )?;
    if show_failures {
        for (a, b) in &scores.missed {
            outln!("missed: {a} ~ {b}")?;
        }
        for (a, b) in &scores.wrong {
            outln!("wrong:  {a} ~ {b}")?;
        }
    }
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
