//! The labeled clustering sets in `../shared/data`, read into ingestable
//! articles and their gold stories: `stories-dev`, `giveme5w1h-news-cluster`,
//! `googlenews-mstream` and `uci-news`, each told by the files it holds.
//!
//! Only what a crawler would have supplied with a page is put on the
//! article (its URL, outlet, publication time and declared language); the
//! gold story, duplicate links and event names stay on [`LabeledArticle`]
//! until scoring.

use crate::error::IngestError;
use crate::eval::datasets::DatasetError;
use crate::ingest::parallel::map_in_order;
use crate::ingest::time::parse_time;
use crate::ingest::{
    DEFAULT_MAX_FILE_SIZE, RawArticle, decode_bytes, parse_document, read_document,
};
use crate::model::{Article, SourceFormat};
use crate::normalize::{article_id, finish};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The clustering sets `eval clustering` and `bench clustering` know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusteringSetKind {
    /// `stories-dev/`: `labels.jsonl` + `articles/*.txt`.
    StoriesDev,
    /// `clustering/giveme5w1h-news-cluster/news_cluster.jsonl`.
    Giveme5w1h,
    /// `clustering/googlenews-mstream/News_Labels` (or `News-T_Labels` when
    /// that file is named).
    GoogleNewsMstream,
    /// `uci-news/uci-news-aggregator.prefix6366.csv.gz`.
    UciNews,
    /// Any articles with a `--labels` file.
    Labeled,
}

impl ClusteringSetKind {
    /// Short name for reports and for `testdata/eval/baseline.json`.
    pub fn name(self) -> &'static str {
        match self {
            Self::StoriesDev => "stories-dev",
            Self::Giveme5w1h => "giveme5w1h-news-cluster",
            Self::GoogleNewsMstream => "googlenews-mstream",
            Self::UciNews => "uci-news",
            Self::Labeled => "labeled",
        }
    }
}

/// One article of a labeled set with its gold labels.
#[derive(Debug, Clone)]
pub struct LabeledArticle {
    /// The set's key for the article (file name, `id`, `Id` or `ID`).
    pub key: String,
    /// The article as ingestion sees it; its `path` is unique in the set
    /// (`file#N` for items of one file), so it keeps file order.
    pub article: Article,
    /// Gold story; `None` for an article that belongs to no labeled story
    /// (score it as its own singleton).
    pub story: Option<String>,
    /// Language as the labels give it (not as detected).
    pub lang: Option<String>,
    /// False for an article the labels do not mention (not scored).
    pub labeled: bool,
    /// True when the labels mark it a copy (`duplicate_of`): gold for
    /// fitting, never passed to ingestion.
    pub duplicate: bool,
    /// The key of the article the labels say it copies (`duplicate_of`),
    /// if any: a copy in no labeled story is scored with its original.
    pub duplicate_of: Option<String>,
}

/// A labeled set read from disk.
#[derive(Debug)]
pub struct ClusteringSet {
    /// Which set.
    pub kind: ClusteringSetKind,
    /// The file or folder read.
    pub source: PathBuf,
    /// The articles, in file order.
    pub articles: Vec<LabeledArticle>,
    /// Inputs that could not be read as articles.
    pub failures: Vec<IngestError>,
    /// The label fields passed to ingestion, with how many articles took
    /// each (`url`, `outlet`, `date`, `lang`; never `story`).
    pub metadata_used: BTreeMap<&'static str, usize>,
}

impl ClusteringSet {
    /// Gold story per key, unlabeled articles as singletons
    /// (`alone:KEY`), labeled ones as `story:LABEL`. A copy in no labeled
    /// story (`duplicate_of` set, `story` null) takes its original's label,
    /// following a chain of copies to the first article that copies none:
    /// it is scored with its original, never as a singleton of its own.
    pub fn gold(&self) -> std::collections::HashMap<String, String> {
        let by_key: std::collections::HashMap<&str, &LabeledArticle> = self
            .articles
            .iter()
            .filter(|a| a.labeled)
            .map(|a| (a.key.as_str(), a))
            .collect();
        let original = |article: &LabeledArticle| -> String {
            let mut at = article;
            // At most one step per article, so a cycle in the labels ends.
            for _ in 0..by_key.len() {
                if at.story.is_some() {
                    break;
                }
                match at.duplicate_of.as_deref().and_then(|k| by_key.get(k)) {
                    Some(next) => at = next,
                    None => break,
                }
            }
            gold_label(&at.key, at.story.as_deref())
        };
        self.articles
            .iter()
            .filter(|a| a.labeled)
            .map(|a| (a.key.clone(), original(a)))
            .collect()
    }

    /// The articles alone, ready for `Pipeline::ingest_articles`.
    pub fn ingestable(&self) -> Vec<Article> {
        self.articles.iter().map(|a| a.article.clone()).collect()
    }
}

/// The gold label the metrics compare: `story:LABEL`, or `alone:KEY` for an
/// article in no labeled story.
pub fn gold_label(key: &str, story: Option<&str>) -> String {
    match story {
        Some(story) => format!("story:{story}"),
        None => format!("alone:{key}"),
    }
}

/// Which set `path` (a set's folder or its data file) holds, if any.
pub fn detect_clustering_set(path: &Path) -> Option<(ClusteringSetKind, PathBuf)> {
    if path.is_file() {
        let name = path.file_name()?.to_string_lossy().into_owned();
        return match name.as_str() {
            "News_Labels" | "News-T_Labels" => {
                Some((ClusteringSetKind::GoogleNewsMstream, path.to_path_buf()))
            }
            "news_cluster.jsonl" => Some((ClusteringSetKind::Giveme5w1h, path.to_path_buf())),
            n if n.starts_with("uci-news-aggregator") => {
                Some((ClusteringSetKind::UciNews, path.to_path_buf()))
            }
            _ => None,
        };
    }
    let candidates = [
        (ClusteringSetKind::StoriesDev, "labels.jsonl"),
        (ClusteringSetKind::Giveme5w1h, "news_cluster.jsonl"),
        (ClusteringSetKind::GoogleNewsMstream, "News_Labels"),
        (
            ClusteringSetKind::UciNews,
            "uci-news-aggregator.prefix6366.csv.gz",
        ),
    ];
    candidates.into_iter().find_map(|(kind, file)| {
        let file = path.join(file);
        let ok = file.is_file()
            && (kind != ClusteringSetKind::StoriesDev || path.join("articles").is_dir());
        ok.then_some((kind, file))
    })
}

/// Reads the labeled set at `path` (its folder or its data file).
pub fn clustering_set(path: &Path) -> Result<ClusteringSet, DatasetError> {
    let Some((kind, file)) = detect_clustering_set(path) else {
        return Err(fail(
            path,
            "is none of the known clustering sets (stories-dev, giveme5w1h-news-cluster, googlenews-mstream, uci-news); use --labels",
        ));
    };
    let mut set = ClusteringSet {
        kind,
        source: file.clone(),
        articles: Vec::new(),
        failures: Vec::new(),
        metadata_used: CRAWLER_FIELDS.iter().map(|f| (*f, 0)).collect(),
    };
    match kind {
        ClusteringSetKind::StoriesDev => read_stories_dev(&file, &mut set)?,
        ClusteringSetKind::Giveme5w1h => read_giveme5w1h(&file, &mut set)?,
        ClusteringSetKind::GoogleNewsMstream => read_googlenews(&file, &mut set)?,
        ClusteringSetKind::UciNews => read_uci(&file, &mut set)?,
        ClusteringSetKind::Labeled => return Err(fail(path, "needs --labels")),
    }
    Ok(set)
}

/// The label fields a crawler would have supplied with a page.
pub const CRAWLER_FIELDS: [&str; 4] = ["url", "outlet", "date", "lang"];

fn fail(path: &Path, message: impl std::fmt::Display) -> DatasetError {
    DatasetError {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

fn read_text(path: &Path) -> Result<String, DatasetError> {
    let bytes = std::fs::read(path).map_err(|e| fail(path, e))?;
    decode_bytes(bytes, DEFAULT_MAX_FILE_SIZE * 4).map_err(|e| fail(path, e))
}

fn item_path(file: &Path, n: usize) -> String {
    format!("{}#{n}", file.display())
}

/// One item of a labeled set, read but not yet normalized.
struct Pending {
    raw: RawArticle,
    path: String,
    key: String,
    story: Option<String>,
    lang: Option<String>,
}

/// Normalizes the items read from one set file, on every core, keeping
/// their order.
fn finish_all(set: &mut ClusteringSet, pending: Vec<Pending>) {
    for item in &pending {
        let raw = &item.raw;
        for (field, given) in [
            ("url", raw.url.is_some()),
            ("outlet", raw.source.is_some()),
            ("date", raw.published.is_some()),
            ("lang", raw.language.is_some()),
        ] {
            if given {
                *set.metadata_used.entry(field).or_default() += 1;
            }
        }
    }
    let finished = map_in_order(pending, |_, item| {
        let Pending {
            raw,
            path,
            key,
            story,
            lang,
        } = item;
        match finish(raw, Some(path.clone())) {
            Ok(article) => Ok(LabeledArticle {
                key,
                article,
                story,
                lang,
                labeled: true,
                duplicate: false,
                duplicate_of: None,
            }),
            Err(kind) => Err(IngestError::new(Path::new(&path), kind)),
        }
    });
    for item in finished {
        match item {
            Ok(article) => set.articles.push(article),
            Err(err) => set.failures.push(err),
        }
    }
}

fn string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// stories-dev: `--labels labels.jsonl articles/`.
fn read_stories_dev(labels: &Path, set: &mut ClusteringSet) -> Result<(), DatasetError> {
    let dir = labels.parent().unwrap_or(Path::new("."));
    read_labeled(labels, &[dir.join("articles")], set)
}

/// Reads the articles under `paths` (files and folders, as ingestion
/// finds them) with their gold stories from a JSON Lines `labels` file:
/// `id` (file name without extension) or `path`, and `story` (null: in no
/// labeled story). The label fields `url`, `outlet`, `date` and `lang` are
/// filled in where a page did not state them.
pub fn labeled_set(labels: &Path, paths: &[PathBuf]) -> Result<ClusteringSet, DatasetError> {
    let mut set = ClusteringSet {
        kind: ClusteringSetKind::Labeled,
        source: labels.to_path_buf(),
        articles: Vec::new(),
        failures: Vec::new(),
        metadata_used: CRAWLER_FIELDS.iter().map(|f| (*f, 0)).collect(),
    };
    read_labeled(labels, paths, &mut set)?;
    Ok(set)
}

/// The key an article file is labeled by: its file name without extension
/// (and without the `#N` of a collection item).
pub fn article_key(path: &str) -> String {
    let (file, _) = crate::ingest::split_item_path(path);
    Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The lines of a JSON Lines labels file, each keyed by its `id` (or the
/// file name of its `path`), in file order.
pub fn label_lines(labels: &Path) -> Result<Vec<(String, Value)>, DatasetError> {
    json_lines(labels)?
        .into_iter()
        .map(|(n, value)| {
            let key = value["id"]
                .as_str()
                .map(String::from)
                .or_else(|| value["path"].as_str().map(article_key))
                .ok_or_else(|| fail(labels, format!("line {n}: needs an `id` or a `path`")))?;
            Ok((key, value))
        })
        .collect()
}

/// The JSON values of a JSON Lines file with their line numbers (from 1);
/// blank lines are skipped, a malformed line fails naming the file and line.
fn json_lines(file: &Path) -> Result<Vec<(usize, Value)>, DatasetError> {
    read_text(file)?
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .map(|value| (n + 1, value))
                .map_err(|e| fail(file, format!("line {}: {e}", n + 1)))
        })
        .collect()
}

fn read_labeled(
    labels: &Path,
    paths: &[PathBuf],
    set: &mut ClusteringSet,
) -> Result<(), DatasetError> {
    let meta: std::collections::HashMap<String, Value> = label_lines(labels)?.into_iter().collect();
    let discovery = crate::ingest::discover(paths);
    set.failures.extend(discovery.errors);
    for path in &discovery.files {
        let doc = match read_document(path, DEFAULT_MAX_FILE_SIZE) {
            Ok(doc) => doc,
            Err(err) => {
                set.failures.push(err);
                continue;
            }
        };
        for item in parse_document(&doc) {
            let mut article = match item {
                Ok(article) => article,
                Err(err) => {
                    set.failures.push(err);
                    continue;
                }
            };
            let key = article_key(&path.to_string_lossy());
            let label = meta.get(&key);
            if let Some(value) = label {
                for field in apply_crawler_metadata(&mut article, value) {
                    *set.metadata_used.entry(field).or_default() += 1;
                }
            }
            set.articles.push(LabeledArticle {
                key,
                article,
                story: label.and_then(|v| string(&v["story"])),
                lang: label.and_then(|v| string(&v["lang"])),
                labeled: label.is_some(),
                duplicate: label.is_some_and(|v| v["duplicate_of"].is_string()),
                duplicate_of: label.and_then(|v| string(&v["duplicate_of"])),
            });
        }
    }
    Ok(())
}

/// Fills in what a crawler would know about a page (its URL, outlet, date
/// and language: the label fields `url`, `outlet`, `date`, `lang`) where
/// the page's text did not say; the URL also becomes the article's
/// identity, as it would at ingest. Returns the fields it used. Never reads
/// `story` or `duplicate_of`.
pub fn apply_crawler_metadata(article: &mut Article, meta: &Value) -> Vec<&'static str> {
    let mut used = Vec::new();
    if article.url.is_none()
        && let Some(url) = meta["url"].as_str()
    {
        article.url = Some(url.to_string());
        article.canonical_url = crate::dedup::canonical_url(url);
        article.id = article_id(article.canonical_url.as_deref(), &article.content_hash);
        used.push("url");
    }
    if article.source_domain.is_none()
        && let Some(outlet) = meta["outlet"].as_str()
    {
        article.source_domain = Some(outlet.to_string());
        used.push("outlet");
    }
    if article.published_at.is_none()
        && let Some(date) = meta["date"].as_str().and_then(parse_time)
    {
        article.published_at = Some(date.timestamp);
        article.published_at_approximate = date.approximate;
        used.push("date");
    }
    if article.language.is_none()
        && let Some(lang) = meta["lang"].as_str()
    {
        article.language = Some(lang.to_string());
        used.push("lang");
    }
    used
}

/// giveme5w1h: news-please fields title, description (lead), text,
/// date_publish, source_domain, url, language; `event_id` is the gold story.
fn read_giveme5w1h(file: &Path, set: &mut ClusteringSet) -> Result<(), DatasetError> {
    let mut pending = Vec::new();
    for (n, value) in json_lines(file)? {
        let mut raw = RawArticle::new(
            SourceFormat::JsonLines,
            string(&value["text"]).unwrap_or_default(),
        );
        raw.title = string(&value["title"]);
        raw.lead = string(&value["description"]);
        raw.url = string(&value["url"]);
        raw.source = string(&value["source_domain"]);
        raw.language = string(&value["language"]);
        raw.published = string(&value["date_publish"]).and_then(|d| parse_time(&d));
        let key = string(&value["id"]).unwrap_or_else(|| n.to_string());
        let lang = string(&value["language"]);
        let story = string(&value["event_id"]);
        pending.push(Pending {
            raw,
            path: item_path(file, n),
            key,
            story,
            lang,
        });
    }
    finish_all(set, pending);
    Ok(())
}

/// googlenews-mstream: `textCleaned` as given (the only text; no date, no
/// source), `clusterNo` the gold story, in file order.
fn read_googlenews(file: &Path, set: &mut ClusteringSet) -> Result<(), DatasetError> {
    let mut pending = Vec::new();
    for (n, value) in json_lines(file)? {
        let raw = RawArticle::new(
            SourceFormat::JsonLines,
            string(&value["textCleaned"]).unwrap_or_default(),
        );
        let key = string(&value["Id"]).unwrap_or_else(|| n.to_string());
        let story = string(&value["clusterNo"]);
        pending.push(Pending {
            raw,
            path: item_path(file, n),
            key,
            story,
            lang: None,
        });
    }
    finish_all(set, pending);
    Ok(())
}

/// uci-news: CSV with a header (ID, TITLE, URL, PUBLISHER, CATEGORY, STORY,
/// HOSTNAME, TIMESTAMP in Unix ms). The headline is the only text; the
/// outlet is HOSTNAME; STORY is the gold story.
fn read_uci(file: &Path, set: &mut ClusteringSet) -> Result<(), DatasetError> {
    let text = read_text(file)?;
    let mut rows = csv_records(&text).into_iter();
    let header = rows.next().ok_or_else(|| fail(file, "empty file"))?;
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .ok_or_else(|| fail(file, format!("no {name} column")))
    };
    let (id, title, url, host, story, time) = (
        column("ID")?,
        column("TITLE")?,
        column("URL")?,
        column("HOSTNAME")?,
        column("STORY")?,
        column("TIMESTAMP")?,
    );
    let mut pending = Vec::new();
    for (n, row) in rows.enumerate() {
        let cell = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
        let headline = cell(title).to_string();
        let mut raw = RawArticle::new(SourceFormat::JsonLines, headline.clone());
        raw.title = Some(headline);
        raw.url = Some(cell(url).to_string()).filter(|u| !u.is_empty());
        raw.source = Some(cell(host).to_string()).filter(|h| !h.is_empty());
        raw.published = cell(time)
            .parse::<i64>()
            .ok()
            .and_then(|ms| jiff::Timestamp::from_millisecond(ms).ok())
            .map(|timestamp| crate::ingest::time::ParsedTime {
                timestamp,
                approximate: false,
            });
        let key = Some(cell(id).to_string())
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| (n + 1).to_string());
        let story = Some(cell(story).to_string()).filter(|s| !s.is_empty());
        pending.push(Pending {
            raw,
            path: item_path(file, n + 1),
            key,
            story,
            lang: None,
        });
    }
    finish_all(set, pending);
    Ok(())
}

/// RFC 4180 records: fields separated by commas, quoted fields may hold
/// commas, newlines and doubled quotes.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_keep_quoted_commas_and_quotes() {
        let rows = csv_records("a,b\n1,\"x, \"\"y\"\"\"\n2,z");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], vec!["1", "x, \"y\""]);
        assert_eq!(rows[2], vec!["2", "z"]);
    }

    #[test]
    fn sets_are_told_by_their_files_and_labels_stay_off_the_articles() {
        let dir = tempfile::tempdir().unwrap();
        assert!(detect_clustering_set(dir.path()).is_none());
        let file = dir.path().join("News_Labels");
        std::fs::write(
            &file,
            "{\"Id\": \"000001\", \"clusterNo\": 65, \"textCleaned\": \"centrepoint gala london\"}\n\
             {\"Id\": \"000002\", \"clusterNo\": 96, \"textCleaned\": \"mourinho seek killer instinct\"}\n",
        )
        .unwrap();
        let set = clustering_set(dir.path()).unwrap();
        assert_eq!(set.kind, ClusteringSetKind::GoogleNewsMstream);
        assert_eq!(set.articles.len(), 2);
        assert_eq!(set.articles[0].key, "000001");
        assert_eq!(set.articles[0].story.as_deref(), Some("65"));
        assert!(set.articles[0].article.published_at.is_none());
        assert!(set.articles[0].article.extra.is_empty());
        assert_eq!(set.gold()["000002"], "story:96");

        let uci = dir.path().join("uci");
        std::fs::create_dir(&uci).unwrap();
        std::fs::write(
            uci.join("uci-news-aggregator.prefix6366.csv.gz"),
            "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n\
             1,\"Fed official says weak data caused by weather, should not slow taper\",http://e.x/a,LA Times,b,dd1,www.latimes.com,1394470370698\n",
        )
        .unwrap();
        let set = clustering_set(&uci).unwrap();
        assert_eq!(set.kind, ClusteringSetKind::UciNews);
        let article = &set.articles[0].article;
        assert!(article.title.starts_with("Fed official says weak data"));
        assert_eq!(article.source_domain.as_deref(), Some("latimes.com"));
        assert!(article.published_at.is_some());
        assert_eq!(set.metadata_used["date"], 1);
        assert_eq!(set.articles[0].story.as_deref(), Some("dd1"));
    }

    #[test]
    fn a_copy_in_no_story_is_scored_with_its_original() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        for id in ["a", "b", "c", "d", "e"] {
            std::fs::write(
                articles.join(format!("{id}.txt")),
                format!("Title {id}\n\nBody of {id}."),
            )
            .unwrap();
        }
        let labels = dir.path().join("labels.jsonl");
        std::fs::write(
            &labels,
            "{\"id\": \"a\", \"story\": null, \"duplicate_of\": null}\n\
             {\"id\": \"b\", \"story\": null, \"duplicate_of\": \"a\"}\n\
             {\"id\": \"c\", \"story\": null, \"duplicate_of\": \"b\"}\n\
             {\"id\": \"d\", \"story\": \"s\", \"duplicate_of\": null}\n\
             {\"id\": \"e\", \"story\": null, \"duplicate_of\": null}\n",
        )
        .unwrap();
        let set = labeled_set(&labels, &[articles]).unwrap();
        let gold = set.gold();
        assert_eq!(gold["a"], "alone:a");
        assert_eq!(gold["b"], "alone:a", "a copy goes with its original");
        assert_eq!(gold["c"], "alone:a", "a copy of a copy too");
        assert_eq!(gold["d"], "story:s");
        assert_eq!(gold["e"], "alone:e", "an article copying none stays alone");
    }
}
