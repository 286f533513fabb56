//! Loading the benchmark folders in `../shared/data`: which benchmark a
//! folder holds, its cases, and each page's HTML (gzip and charset handled
//! as ingestion does). Only what a crawler would supply with a page (its
//! URL) is passed on to extraction; the gold answers stay here until
//! scoring.

use crate::ingest::html::block_text::block_text;
use crate::ingest::{DEFAULT_MAX_FILE_SIZE, decode_bytes};
use jiff::civil::Date;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub use super::clustering_sets::{
    ClusteringSet, ClusteringSetKind, LabeledArticle, article_key, clustering_set,
    detect_clustering_set, label_lines, labeled_set,
};

/// A benchmark folder that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct DatasetError {
    /// The file or folder at fault.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

fn fail(path: &Path, message: impl std::fmt::Display) -> DatasetError {
    DatasetError {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

/// The extraction benchmarks `eval extraction` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractionBenchmark {
    /// `scrapinghub/article-extraction-benchmark`: `ground-truth.json` + `html/`.
    Zyte,
    /// trafilatura's `evaldata.json` + `pages/`.
    Trafilatura,
    /// Mozilla Readability's test pages (`*/source.html`, `*/expected.html`),
    /// scored with the Zyte metric against the text of `expected.html`.
    Readability,
}

impl ExtractionBenchmark {
    /// Tells the benchmark by the files in `dir`.
    pub fn detect(dir: &Path) -> Result<Self, DatasetError> {
        if dir.join("ground-truth.json").is_file() {
            Ok(Self::Zyte)
        } else if dir.join("evaldata.json").is_file() {
            Ok(Self::Trafilatura)
        } else if dir.join("001/expected.html").is_file() {
            Ok(Self::Readability)
        } else {
            Err(fail(
                dir,
                "holds neither ground-truth.json (Zyte benchmark) nor evaldata.json (trafilatura benchmark)",
            ))
        }
    }

    /// Short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Zyte => "zyte",
            Self::Trafilatura => "trafilatura-eval",
            Self::Readability => "readability-pages",
        }
    }
}

/// What the extracted text of one page is scored against.
#[derive(Debug, Clone)]
pub enum Truth {
    /// The whole article body (Zyte).
    Body(String),
    /// Segments that must and must not appear (trafilatura).
    Segments {
        /// Must appear.
        with: Vec<String>,
        /// Must not appear.
        without: Vec<String>,
    },
}

/// One page of an extraction benchmark.
#[derive(Debug, Clone)]
pub struct ExtractionCase {
    /// The benchmark's key for the page.
    pub id: String,
    /// The page's URL, when the benchmark gives one.
    pub url: Option<String>,
    /// The gzip-compressed page.
    pub page: PathBuf,
    /// The gold answer.
    pub truth: Truth,
}

/// Reads the cases of an extraction benchmark, in key order.
pub fn extraction_cases(
    dir: &Path,
) -> Result<(ExtractionBenchmark, Vec<ExtractionCase>), DatasetError> {
    let benchmark = ExtractionBenchmark::detect(dir)?;
    let mut cases = Vec::new();
    match benchmark {
        ExtractionBenchmark::Zyte => {
            let path = dir.join("ground-truth.json");
            for (id, entry) in read_json(&path)?.as_object().into_iter().flatten() {
                cases.push(ExtractionCase {
                    id: id.clone(),
                    url: entry["url"].as_str().map(String::from),
                    page: dir.join("html").join(format!("{id}.html.gz")),
                    truth: Truth::Body(entry["articleBody"].as_str().unwrap_or("").to_string()),
                });
            }
        }
        ExtractionBenchmark::Trafilatura => {
            let path = dir.join("evaldata.json");
            for (key, entry) in read_json(&path)?.as_object().into_iter().flatten() {
                let file = entry["file"].as_str().unwrap_or("");
                cases.push(ExtractionCase {
                    id: key.clone(),
                    url: key.starts_with("http").then(|| key.clone()),
                    page: dir.join("pages").join(format!("{file}.gz")),
                    truth: Truth::Segments {
                        with: strings(&entry["with"]),
                        without: strings(&entry["without"]),
                    },
                });
            }
        }
        ExtractionBenchmark::Readability => {
            let entries = std::fs::read_dir(dir).map_err(|e| fail(dir, e))?;
            for entry in entries.flatten() {
                let folder = entry.path();
                let expected = folder.join("expected.html");
                let Ok(html) = std::fs::read_to_string(&expected) else {
                    continue;
                };
                let body = readability_truth(&html);
                cases.push(ExtractionCase {
                    id: entry.file_name().to_string_lossy().into_owned(),
                    url: None,
                    page: folder.join("source.html"),
                    truth: Truth::Body(body),
                });
            }
        }
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    Ok((benchmark, cases))
}

/// The text of a Readability `expected.html`, as a browser shows it:
/// inline elements (`<span>`, `<a>`, `<b>`) run on without a separator and
/// blocks (paragraphs, headings, list items, line breaks) stand on lines of
/// their own. Joining every text node with a space instead split a run of
/// Chinese or Japanese at each inline tag ("一波波<span>接續性</span>" read
/// as two `\w+` tokens where the page and our extracted text have one).
pub fn readability_truth(html: &str) -> String {
    block_text(html)
}

/// One page of htmldate's benchmark.
#[derive(Debug, Clone)]
pub struct DateCase {
    /// The page's URL (the label's key).
    pub url: String,
    /// The gzip-compressed page.
    pub page: PathBuf,
    /// The gold publication date; `None` for the labels given as `NaN`.
    pub gold: Option<Date>,
}

/// Reads htmldate's two label files under `dir` (the `pubdates` folder or
/// its `htmldate` subfolder), or, for tuning, the pages of trafilatura's
/// `evaldata.json` that carry a gold `date`.
pub fn pubdate_cases(dir: &Path) -> Result<Vec<DateCase>, DatasetError> {
    if dir.join("evaldata.json").is_file() {
        let path = dir.join("evaldata.json");
        let mut cases = Vec::new();
        for (key, entry) in read_json(&path)?.as_object().into_iter().flatten() {
            let Some(gold) = entry["date"]
                .as_str()
                .and_then(|d| d.get(..10)?.parse().ok())
            else {
                continue;
            };
            let file = entry["file"].as_str().unwrap_or("");
            cases.push(DateCase {
                url: key.split("::").last().unwrap_or(key).to_string(),
                page: dir.join("pages").join(format!("{file}.gz")),
                gold: Some(gold),
            });
        }
        cases.sort_by(|a, b| a.url.cmp(&b.url));
        return Ok(cases);
    }
    let dir = if dir.join("htmldate").is_dir() {
        dir.join("htmldate")
    } else {
        dir.to_path_buf()
    };
    let mut cases = Vec::new();
    for name in ["eval_default.json", "eval_mediacloud_2020.json"] {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).map_err(|e| fail(&path, e))?;
        // Five labels are a bare NaN, which is not JSON.
        let value: Value =
            serde_json::from_str(&text.replace(": NaN", ": null")).map_err(|e| fail(&path, e))?;
        for (url, entry) in value.as_object().into_iter().flatten() {
            let file = entry["file"].as_str().unwrap_or("");
            cases.push(DateCase {
                url: url.clone(),
                page: dir.join("pages").join(format!("{file}.gz")),
                gold: entry["date"].as_str().and_then(|d| d.parse().ok()),
            });
        }
    }
    if cases.is_empty() {
        return Err(fail(&dir, "no labels found"));
    }
    Ok(cases)
}

/// Reads a benchmark page as text: gunzipped, decoded by its charset.
pub fn read_page(path: &Path) -> Result<String, DatasetError> {
    let bytes = std::fs::read(path).map_err(|e| fail(path, e))?;
    decode_bytes(bytes, DEFAULT_MAX_FILE_SIZE * 8).map_err(|e| fail(path, e))
}

fn read_json(path: &Path) -> Result<Value, DatasetError> {
    let text = std::fs::read_to_string(path).map_err(|e| fail(path, e))?;
    serde_json::from_str(&text).map_err(|e| fail(path, e))
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readability_truth_joins_inline_elements_and_separates_blocks() {
        let html = "<div id=\"readability-page-1\"><p><span>一波波<span>接續性</span>低溫</span></p>\
                    <p>寒流<a href=\"#\">報到</a></p><h2>Bridge</h2><p>re<b>opened</b> on <i>Monday</i>.</p></div>";
        let truth = readability_truth(html);
        assert_eq!(
            truth,
            "一波波接續性低溫\n寒流報到\nBridge\nreopened on Monday."
        );
        // Scored against the page's own rendering, nothing is missing or extra.
        let mut scorer = crate::eval::extraction::ShingleScorer::default();
        scorer.add(
            &truth,
            "一波波接續性低溫\n寒流報到\nBridge\nreopened on Monday.",
        );
        let s = scorer.scores();
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        // Blocks never fuse: the last word of one paragraph and the first of
        // the next stay two tokens.
        assert!(!readability_truth("<p>one</p><p>two</p>").contains("onetwo"));
    }

    #[test]
    fn benchmarks_are_told_by_their_files_and_nan_labels_become_null() {
        let dir = tempfile::tempdir().unwrap();
        assert!(ExtractionBenchmark::detect(dir.path()).is_err());
        std::fs::write(
            dir.path().join("ground-truth.json"),
            r#"{"a": {"articleBody": "x", "url": "https://e.x/1"}}"#,
        )
        .unwrap();
        let (benchmark, cases) = extraction_cases(dir.path()).unwrap();
        assert_eq!(benchmark, ExtractionBenchmark::Zyte);
        assert_eq!(cases[0].page, dir.path().join("html/a.html.gz"));
        assert_eq!(cases[0].url.as_deref(), Some("https://e.x/1"));

        let labels = dir.path().join("htmldate");
        std::fs::create_dir(&labels).unwrap();
        std::fs::write(
            labels.join("eval_default.json"),
            r#"{"https://e.x/2020/01/02/a": {"file": "a.html", "date": "2020-01-02"}}"#,
        )
        .unwrap();
        std::fs::write(
            labels.join("eval_mediacloud_2020.json"),
            r#"{"https://e.x/b": {"file": "b.html", "date": NaN}}"#,
        )
        .unwrap();
        let cases = pubdate_cases(dir.path()).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].gold, "2020-01-02".parse().ok());
        assert_eq!(cases[1].gold, None);
        assert_eq!(cases[1].page, labels.join("pages/b.html.gz"));
    }
}
