//! The order of the stages, and nothing else: read → parse → dedup →
//! cluster → save. One call ingests one batch in one store transaction.

use crate::cluster::{Clusterer, ClustererConfig};
use crate::dedup::{ExactDuplicates, Verdict};
use crate::error::{IngestError, StoreError};
use crate::ingest::{InputDocument, parse_document};
use crate::model::{Article, ArticleId, Story, StoryId};
use crate::store::{Batch, Store, publication_order};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Receives progress while a batch is read; `()` ignores it.
pub trait Progress {
    /// Called once an input has been parsed (or failed).
    fn item(&mut self, _path: &Path) {}
}

impl Progress for () {}

/// What happened to one input that could be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Outcome {
    /// Stored as a new article.
    New,
    /// The same article was already stored; nothing written.
    AlreadyStored,
    /// Stored as a copy of another article.
    Duplicate {
        /// The original.
        of: ArticleId,
    },
}

/// One readable input and where it went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleOutcome {
    /// The input file.
    pub path: PathBuf,
    /// The article's id.
    pub id: ArticleId,
    /// What happened.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The story it belongs to.
    pub story: Option<StoryId>,
}

/// The result of ingesting one batch.
#[derive(Debug, Default, Serialize)]
pub struct IngestReport {
    /// Inputs attempted.
    pub read: usize,
    /// Articles stored as new.
    pub new: usize,
    /// Copies of other articles (stored, pointing at the original).
    pub duplicates: usize,
    /// Inputs already in the store (nothing written).
    pub already_stored: usize,
    /// Inputs that could not be read or parsed.
    pub failed: usize,
    /// New articles without a publication time.
    pub undated: usize,
    /// Distinct stories the batch's articles belong to.
    pub stories: usize,
    /// New stories founded by this batch.
    pub new_stories: usize,
    /// Per input, what happened.
    pub articles: Vec<ArticleOutcome>,
    /// Why each failed input failed.
    #[serde(serialize_with = "serialize_errors")]
    pub failures: Vec<IngestError>,
}

fn serialize_errors<S: serde::Serializer>(errors: &[IngestError], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(errors.len()))?;
    for e in errors {
        seq.serialize_element(&serde_json::json!({
            "path": e.path.display().to_string(),
            "reason": e.kind.to_string(),
        }))?;
    }
    seq.end()
}

impl IngestReport {
    /// The one-line summary printed after every ingest.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "read {}, new {}, duplicates {}, failed {}, stories {}",
            self.read, self.new, self.duplicates, self.failed, self.stories
        );
        let mut notes = Vec::new();
        if self.already_stored > 0 {
            notes.push(format!("{} already stored", self.already_stored));
        }
        if self.undated > 0 {
            notes.push(format!("{} undated", self.undated));
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join(", ")));
        }
        line
    }
}

/// Runs batches through the stages into a store.
#[derive(Debug)]
pub struct Pipeline<S: Store> {
    store: S,
    config: ClustererConfig,
}

impl<S: Store> Pipeline<S> {
    /// A pipeline with the default clustering parameters.
    pub fn new(store: S) -> Self {
        Self::with_config(store, ClustererConfig::default())
    }

    /// A pipeline with explicit clustering parameters.
    pub fn with_config(store: S, config: ClustererConfig) -> Self {
        Self { store, config }
    }

    /// The store, for reading results.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Gives the store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// Ingests one batch: parses every input, skips what is stored, marks
    /// copies, clusters fresh articles in publication order and saves it all
    /// in one transaction. Bad inputs are reported, never fatal; only a
    /// store failure aborts (and then nothing of the batch is saved).
    pub fn ingest(
        &mut self,
        inputs: impl IntoIterator<Item = Result<InputDocument, IngestError>>,
        progress: &mut dyn Progress,
    ) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport::default();
        let mut seen = ExactDuplicates::default();
        let mut fresh: Vec<Article> = Vec::new();
        let mut copies: Vec<Article> = Vec::new();
        for input in inputs {
            report.read += 1;
            let parsed = match input {
                Ok(doc) => {
                    progress.item(&doc.path);
                    parse_document(&doc)
                }
                Err(err) => {
                    progress.item(&err.path);
                    Err(err)
                }
            };
            let article = match parsed {
                Ok(article) => article,
                Err(err) => {
                    report.failed += 1;
                    report.failures.push(err);
                    continue;
                }
            };
            let path = PathBuf::from(article.path.clone().unwrap_or_default());
            let (outcome, story) = match seen.check(&article, &self.store)? {
                Verdict::Fresh => {
                    fresh.push(article.clone());
                    (Outcome::New, None)
                }
                Verdict::AlreadyStored => {
                    let story = self.store.article(&article.id)?.and_then(|a| a.story);
                    (Outcome::AlreadyStored, story)
                }
                Verdict::DuplicateOf(original) => {
                    let mut copy = article.clone();
                    copy.duplicate_of = Some(original.clone());
                    copies.push(copy);
                    (Outcome::Duplicate { of: original }, None)
                }
            };
            report.articles.push(ArticleOutcome {
                path,
                id: article.id,
                outcome,
                story,
            });
        }

        let (stories, assigned) = self.cluster(&mut fresh)?;
        for copy in &mut copies {
            let original = copy.duplicate_of.clone().unwrap_or_else(|| copy.id.clone());
            copy.story = match assigned.get(&original) {
                Some(story) => Some(story.clone()),
                None => self.store.article(&original)?.and_then(|a| a.story),
            };
        }
        let story_of: HashMap<ArticleId, Option<StoryId>> = fresh
            .iter()
            .chain(copies.iter())
            .map(|a| (a.id.clone(), a.story.clone()))
            .collect();
        for entry in &mut report.articles {
            if let Some(story) = story_of.get(&entry.id) {
                entry.story = story.clone();
            }
        }
        report.new = fresh.len();
        report.duplicates = copies.len();
        report.already_stored = report
            .articles
            .iter()
            .filter(|a| a.outcome == Outcome::AlreadyStored)
            .count();
        report.undated = fresh.iter().filter(|a| a.published_at.is_none()).count();
        report.new_stories = stories.len();
        report.stories = report
            .articles
            .iter()
            .filter_map(|a| a.story.as_ref())
            .collect::<BTreeSet<_>>()
            .len();
        let mut articles = fresh;
        articles.extend(copies);
        self.store.save(&Batch { articles, stories })?;
        Ok(report)
    }

    /// Clusters fresh articles (sorted into publication order in place) and
    /// returns the stories they founded and every assignment.
    fn cluster(
        &self,
        fresh: &mut [Article],
    ) -> Result<(Vec<Story>, HashMap<ArticleId, StoryId>), StoreError> {
        let mut clusterer = Clusterer::new(self.config.clone());
        for article in self.store.articles()? {
            if let (None, Some(story)) = (&article.duplicate_of, &article.story) {
                clusterer.add_known(&article, story);
            }
        }
        fresh.sort_by(publication_order);
        let now = jiff::Timestamp::now();
        let mut stories = Vec::new();
        let mut assigned = HashMap::new();
        for article in fresh.iter_mut() {
            let assignment = clusterer.assign(article);
            tracing::debug!(
                article = %article.id,
                story = %assignment.story,
                score = assignment.score,
                founded = assignment.founded,
                "assigned"
            );
            if assignment.founded {
                stories.push(Story {
                    id: assignment.story.clone(),
                    title: article.title.clone(),
                    founded_by: article.id.clone(),
                    created_at: now,
                });
            }
            assigned.insert(article.id.clone(), assignment.story.clone());
            article.story = Some(assignment.story);
        }
        Ok((stories, assigned))
    }
}
