//! The order of the stages, and nothing else: read → parse → order →
//! identity → dedup → cluster → save. One call ingests one batch in one
//! store transaction. `state` prepares the duplicate detector and the
//! clusterer before the batch (snapshot or replay) and builds the snapshot
//! saved with it.

mod ahead;
mod state;

pub use state::{SnapshotMode, StateReport};

use crate::cluster::{Clusterer, ClustererConfig, Explanation, StoryMerge};
use crate::dedup::{Comparable, comparable_text};
use crate::error::{IngestError, StoreError};
use crate::facts::PreparedAnalyses;
use crate::ingest::{InputDocument, parse_document, split_item_path};
use crate::model::{Article, ArticleId, SourceFormat, Story, StoryId};
use crate::store::{Batch, Store};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Stored articles read per query while replaying the store, and fresh
/// articles clustered between two retirements of inactive stories.
const REPLAY_PAGE: usize = 256;

/// Receives progress while a batch is read; `()` ignores it.
pub trait Progress {
    /// Called once an input has been parsed (or failed).
    fn item(&mut self, _path: &Path) {}
}

impl Progress for () {}

/// What happened to one article that could be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Outcome {
    /// Stored as a new article.
    New,
    /// The same article (same identity, same text) was already stored, or
    /// came earlier in this batch; nothing written. Serialized as
    /// `already_stored`, its name before `unchanged` (JSON keeps its values).
    #[serde(rename = "already_stored")]
    Unchanged,
    /// The same identity (canonical URL) with another text: the newest text
    /// replaced the stored one, which keeps its id and story.
    Revised {
        /// The revision number now stored (2 for the first revision).
        revision: u32,
    },
    /// Stored as a copy of another article.
    Duplicate {
        /// The original.
        of: ArticleId,
    },
}

/// One readable article and where it went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleOutcome {
    /// The input file, with `#N` for item N of a collection.
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
    /// Articles attempted (items of collections counted one by one), plus
    /// inputs that failed before any article could be read.
    pub read: usize,
    /// Articles stored as new.
    pub new: usize,
    /// Copies of other articles (stored, pointing at the original).
    pub duplicates: usize,
    /// Articles already in the store unchanged (nothing written); the same
    /// number as `unchanged`, kept under its first name.
    pub already_stored: usize,
    /// Articles already in the store unchanged (nothing written).
    pub unchanged: usize,
    /// Articles whose stored text was replaced by a newer revision.
    pub revised: usize,
    /// Inputs or items that could not be read or parsed.
    pub failed: usize,
    /// Story roundups Storyline itself published (`generator: storyline`
    /// in their front matter): skipped, since they are not new reporting.
    pub generated: usize,
    /// New articles without a publication time.
    pub undated: usize,
    /// Distinct stories the batch's articles belong to.
    pub stories: usize,
    /// New stories founded by this batch.
    pub new_stories: usize,
    /// Stories absorbed into others by this batch (an article bridged two
    /// stories about the same event).
    pub merges: usize,
    /// Articles read per input format (`plain_text`, `json_lines`, `rss`, …).
    pub formats: std::collections::BTreeMap<String, usize>,
    /// Per article, what happened.
    pub articles: Vec<ArticleOutcome>,
    /// Why each failed input failed.
    #[serde(serialize_with = "serialize_errors")]
    pub failures: Vec<IngestError>,
    /// How the clusterer's state was prepared (snapshot or replay) and
    /// whether a snapshot was saved; logged, not part of the JSON report.
    #[serde(skip)]
    pub state: StateReport,
    /// Wall-clock seconds of each stage of the batch (`bench` reports
    /// them); not part of the JSON report.
    #[serde(skip)]
    pub timings: StageTimings,
}

/// Wall-clock seconds of the stages of one batch.
#[derive(Debug, Default, Clone, Copy)]
pub struct StageTimings {
    /// Preparing the clusterer and duplicate detector (snapshot or replay).
    pub prepare: f64,
    /// Telling new articles from known ones, revisions and copies.
    pub classify: f64,
    /// Clustering the new articles (while a second thread reads their
    /// names and claims for the story summaries).
    pub cluster: f64,
    /// Building the snapshot for the next batch.
    pub snapshot: f64,
    /// Saving: articles, full-text index, explanations, stories and their
    /// summaries, in one transaction.
    pub save: f64,
}

/// True for a post Storyline wrote itself (`storyline publish --format
/// posts` marks them `generator: storyline`).
pub fn is_generated(article: &Article) -> bool {
    article
        .extra
        .get("generator")
        .and_then(|v| v.as_str())
        .is_some_and(|g| g.eq_ignore_ascii_case("storyline"))
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
        if self.unchanged > 0 {
            notes.push(format!("{} unchanged", self.unchanged));
        }
        if self.revised > 0 {
            notes.push(format!("{} revised", self.revised));
        }
        if self.undated > 0 {
            notes.push(format!("{} undated", self.undated));
        }
        if self.merges > 0 {
            notes.push(format!(
                "{} stor{} merged into an earlier one",
                self.merges,
                if self.merges == 1 { "y" } else { "ies" }
            ));
        }
        if self.generated > 0 {
            notes.push(format!(
                "{} generated by Storyline, skipped",
                self.generated
            ));
        }
        // Per-format counts explain `read` when a file expanded into many
        // articles; a batch of single-article files needs none.
        let collections = self
            .formats
            .keys()
            .any(|f| SourceFormat::parse(f).is_some_and(SourceFormat::is_collection));
        if collections {
            let formats: Vec<String> = self
                .formats
                .iter()
                .map(|(name, n)| format!("{name} {n}"))
                .collect();
            notes.push(formats.join(", "));
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join("; ")));
        }
        line
    }
}

/// The order a batch is processed in, so ids, copies and stories never
/// depend on the file system: publication time (undated last), then path,
/// then position inside the file.
pub fn batch_order(a: &Article, b: &Article) -> Ordering {
    let when = match (a.published_at, b.published_at) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let place = |article: &Article| {
        article
            .path
            .as_deref()
            .map(split_item_path)
            .map(|(file, n)| (file.to_string(), n))
    };
    when.then_with(|| place(a).cmp(&place(b)))
        .then_with(|| a.id.cmp(&b.id))
}

/// Runs batches through the stages into a store.
#[derive(Debug)]
pub struct Pipeline<S: Store> {
    store: S,
    config: ClustererConfig,
    snapshots: SnapshotMode,
}

/// Where the article with an already-known identity lives.
enum Known {
    /// Earlier in this batch, at this index of the fresh articles.
    Fresh(usize),
    /// Earlier in this batch, at this index of the revisions.
    Revision(usize),
    /// Earlier in this batch, at this index of the copies (duplicates).
    Copy(usize),
    /// In the store.
    Stored(Box<Article>),
}

impl<S: Store> Pipeline<S> {
    /// A pipeline with the default clustering parameters.
    pub fn new(store: S) -> Self {
        Self::with_config(store, ClustererConfig::default())
    }

    /// A pipeline with explicit clustering parameters.
    pub fn with_config(store: S, config: ClustererConfig) -> Self {
        Self {
            store,
            config,
            snapshots: SnapshotMode::Off,
        }
    }

    /// Whether runs load and save the store's snapshot of the clusterer
    /// and duplicate-detector state instead of replaying every stored
    /// article ([`SnapshotMode`]; off by default).
    pub fn with_snapshots(mut self, mode: SnapshotMode) -> Self {
        self.snapshots = mode;
        self
    }

    /// The store, for reading results.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Gives the store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// Ingests one batch: parses every input into its articles, then hands
    /// them to [`Pipeline::ingest_articles`]. Bad inputs and bad items are
    /// reported, never fatal; only a store failure aborts (and then nothing
    /// of the batch is saved).
    pub fn ingest(
        &mut self,
        inputs: impl IntoIterator<Item = Result<InputDocument, IngestError>>,
        progress: &mut dyn Progress,
    ) -> Result<IngestReport, StoreError> {
        let mut articles = Vec::new();
        let mut failures = Vec::new();
        for input in inputs {
            match input {
                Ok(doc) => {
                    progress.item(&doc.path);
                    for item in parse_document(&doc) {
                        match item {
                            Ok(article) => articles.push(article),
                            Err(err) => failures.push(err),
                        }
                    }
                }
                Err(err) => {
                    progress.item(&err.path);
                    failures.push(err);
                }
            }
        }
        self.ingest_articles(articles, failures)
    }

    /// Ingests parsed articles in [`batch_order`]: an article whose
    /// identity is known is unchanged or a revision, a copy is stored with
    /// `duplicate_of`, the rest are clustered; all saved in one transaction.
    pub fn ingest_articles(
        &mut self,
        mut articles: Vec<Article>,
        failures: Vec<IngestError>,
    ) -> Result<IngestReport, StoreError> {
        let mut report = IngestReport {
            read: articles.len() + failures.len(),
            failed: failures.len(),
            failures,
            ..IngestReport::default()
        };
        // Our own published roundups come back through site crawls and
        // feeds: they repeat the stories, they are not sources.
        let before = articles.len();
        articles.retain(|a| !is_generated(a));
        report.generated = before - articles.len();
        articles.sort_by(batch_order);
        let mut clock = std::time::Instant::now();
        let mut lap = || {
            let now = std::time::Instant::now();
            let seconds = now.duration_since(clock).as_secs_f64();
            clock = now;
            seconds
        };
        let state::Prepared {
            mut duplicates,
            clusterer,
            base,
            report: state_report,
        } = self.prepare(&articles)?;
        report.state = state_report;
        report.timings.prepare = lap();
        let mut fresh: Vec<Article> = Vec::new();
        let mut revisions: Vec<Article> = Vec::new();
        let mut copies: Vec<Article> = Vec::new();
        let mut known: HashMap<ArticleId, Known> = HashMap::new();
        // What the duplicate detector reads of each article (its MinHash
        // signature, most of the classifying) is computed ahead on a second
        // core; the main thread computes what it does not find ready.
        let config = duplicates.config().clone();
        let comparing = ahead::Comparing::start(
            articles.iter().map(comparable_text).collect(),
            config.clone(),
        );
        for (position, article) in articles.into_iter().enumerate() {
            let comparable = comparing.take(position);
            *report
                .formats
                .entry(article.format.as_str().to_string())
                .or_default() += 1;
            let path = PathBuf::from(article.path.clone().unwrap_or_default());
            let id = article.id.clone();
            let earlier = match known.get(&id) {
                Some(Known::Fresh(i)) => Some(&mut fresh[*i]),
                Some(Known::Revision(i)) => Some(&mut revisions[*i]),
                Some(Known::Copy(i)) => Some(&mut copies[*i]),
                Some(Known::Stored(_)) | None => None,
            };
            let (outcome, story) = if let Some(earlier) = earlier {
                // The same identity twice in one batch: keep the later
                // (newer, in batch order) text in place of the earlier one.
                if earlier.content_hash == article.content_hash {
                    (Outcome::Unchanged, None)
                } else {
                    let revision = earlier.revision + 1;
                    *earlier = revise(earlier, article);
                    (Outcome::Revised { revision }, None)
                }
            } else if let Some(stored) = self.known_in_store(&id, &mut known)? {
                if stored.content_hash == article.content_hash || is_older(&article, &stored) {
                    (Outcome::Unchanged, stored.story.clone())
                } else {
                    let revised = revise(&stored, article);
                    let revision = revised.revision;
                    known.insert(id.clone(), Known::Revision(revisions.len()));
                    revisions.push(revised);
                    (Outcome::Revised { revision }, stored.story.clone())
                }
            } else if let Some(original) = duplicates.check_comparable(
                &article,
                comparable.unwrap_or_else(|| Comparable::of(&article, &config)),
            ) {
                let mut copy = article;
                copy.duplicate_of = Some(original.clone());
                known.insert(id.clone(), Known::Copy(copies.len()));
                copies.push(copy);
                (Outcome::Duplicate { of: original }, None)
            } else {
                known.insert(id.clone(), Known::Fresh(fresh.len()));
                fresh.push(article);
                (Outcome::New, None)
            };
            report.articles.push(ArticleOutcome {
                path,
                id,
                outcome,
                story,
            });
        }
        drop(comparing);
        report.timings.classify = lap();
        let Clustered {
            stories,
            assigned,
            explanations,
            merges,
            survivor_of,
            clusterer,
            retired_at,
            prepared,
        } = self.cluster_and_prepare(clusterer, &mut fresh)?;
        report.timings.cluster = lap();
        let live = state::Live {
            clusterer,
            duplicates,
            retired_at,
        };
        for copy in &mut copies {
            let original = copy.duplicate_of.clone().unwrap_or_else(|| copy.id.clone());
            copy.story = match assigned.get(&original) {
                Some(story) => Some(story.clone()),
                None => self.store.article(&original)?.and_then(|a| a.story),
            };
        }
        // Stored stories absorbed by this batch: their copies and revisions
        // go to the survivor too.
        for article in copies.iter_mut().chain(revisions.iter_mut()) {
            if let Some(now) = article.story.as_ref().and_then(|s| survivor_of.get(s)) {
                article.story = Some(now.clone());
            }
        }
        let story_of: HashMap<ArticleId, Option<StoryId>> = fresh
            .iter()
            .chain(copies.iter())
            .chain(revisions.iter())
            .map(|a| (a.id.clone(), a.story.clone()))
            .collect();
        for entry in &mut report.articles {
            if let Some(story) = story_of.get(&entry.id) {
                entry.story = story.clone();
            }
        }
        report.new = fresh.len();
        report.duplicates = copies.len();
        let count = |wanted: fn(&Outcome) -> bool| {
            report
                .articles
                .iter()
                .filter(|a| wanted(&a.outcome))
                .count()
        };
        report.unchanged = count(|o| *o == Outcome::Unchanged);
        report.already_stored = report.unchanged;
        report.revised = count(|o| matches!(o, Outcome::Revised { .. }));
        report.undated = fresh.iter().filter(|a| a.published_at.is_none()).count();
        report.new_stories = stories.len();
        report.merges = merges.len();
        report.stories = report
            .articles
            .iter()
            .filter_map(|a| a.story.as_ref())
            .collect::<BTreeSet<_>>()
            .len();
        let snapshot = match self.snapshots {
            SnapshotMode::Off => {
                drop(live);
                None
            }
            SnapshotMode::Use | SnapshotMode::Rebuild => {
                let founded: HashSet<StoryId> = explanations
                    .iter()
                    .filter(|e| e.founded)
                    .map(|e| e.story.clone())
                    .collect();
                let absorbed: Vec<StoryId> = merges.iter().map(|m| m.absorbed.clone()).collect();
                let changes = state::BatchChanges {
                    fresh: &fresh,
                    revised: &revisions,
                    founded: &founded,
                    absorbed: &absorbed,
                };
                match self.next_snapshot(base, live, &changes) {
                    Ok(blob) => Some(blob),
                    Err(why) => {
                        tracing::info!(reason = %why, "no ingest snapshot saved: the next run replays");
                        report.state.not_saved_reason = Some(why);
                        None
                    }
                }
            }
        };
        report.state.saved_bytes = snapshot.as_ref().map_or(0, Vec::len);
        report.timings.snapshot = lap();
        let fresh_count = fresh.len();
        let mut articles = fresh;
        articles.extend(copies);
        articles.extend(revisions);
        let batch = Batch {
            articles,
            stories,
            explanations,
            merges,
        };
        let snapshot = match self.snapshots {
            SnapshotMode::Off => None,
            _ => snapshot.as_deref(),
        };
        let store = &mut self.store;
        ahead::while_saving(prepared, &batch.articles[..fresh_count], |prepared| {
            store.save_prepared(&batch, snapshot, prepared)
        })?;
        report.timings.save = lap();
        Ok(report)
    }

    /// The stored article with this id, looked up once per batch.
    fn known_in_store(
        &self,
        id: &ArticleId,
        known: &mut HashMap<ArticleId, Known>,
    ) -> Result<Option<Article>, StoreError> {
        if let Some(Known::Stored(article)) = known.get(id) {
            return Ok(Some((**article).clone()));
        }
        let stored = self.store.article(id)?;
        if let Some(article) = &stored {
            known.insert(id.clone(), Known::Stored(Box::new(article.clone())));
        }
        Ok(stored)
    }

    /// `Pipeline::cluster`, while a second thread (when the machine has
    /// a second core) reads the fresh articles' names and claims for the
    /// story summaries the batch's save refreshes (`facts::prepared`):
    /// the summaries are the same, but most of their reading overlaps the
    /// clustering instead of following it. The reader stops when the
    /// clustering ends, so it never delays the save.
    fn cluster_and_prepare(
        &self,
        clusterer: Clusterer,
        fresh: &mut [Article],
    ) -> Result<Clustered, StoreError> {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        if cores < 2 || fresh.is_empty() {
            return self.cluster(clusterer, fresh);
        }
        let ahead = ahead::Ahead::new(fresh.len());
        let (clustered, prepared) = std::thread::scope(|scope| {
            let articles: &[Article] = fresh;
            let ahead = &ahead;
            let reader = scope.spawn(move || ahead.read(articles));
            let clustered = self.cluster_in_place(clusterer, articles, Some(ahead));
            // What the reader has not reached yet is read by the summaries
            // (on every core), and only where a brief needs it.
            ahead.finish();
            let prepared = reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (clustered, prepared)
        });
        let (mut clustered, stories_of) = clustered?;
        for (article, story) in fresh.iter_mut().zip(stories_of) {
            article.story = Some(story);
        }
        clustered.prepared = prepared;
        Ok(clustered)
    }

    /// Clusters fresh articles (already in [`batch_order`]) with the
    /// clusterer the replay prepared: the stories they founded, every
    /// assignment and why it was made. When every fresh article is dated,
    /// stories too old for the next one retire every [`REPLAY_PAGE`]
    /// articles, so memory follows the active stories.
    fn cluster(
        &self,
        clusterer: Clusterer,
        fresh: &mut [Article],
    ) -> Result<Clustered, StoreError> {
        let (clustered, stories_of) = self.cluster_in_place(clusterer, fresh, None)?;
        for (article, story) in fresh.iter_mut().zip(stories_of) {
            article.story = Some(story);
        }
        Ok(clustered)
    }

    /// `Pipeline::cluster` without writing the articles' stories: they
    /// come back in the articles' order, for the caller to write. Texts
    /// another thread has read ahead are taken from `ahead`.
    fn cluster_in_place(
        &self,
        mut clusterer: Clusterer,
        fresh: &[Article],
        ahead: Option<&ahead::Ahead<crate::cluster::TextReading>>,
    ) -> Result<(Clustered, Vec<StoryId>), StoreError> {
        let all_dated = fresh.last().is_none_or(|a| a.published_at.is_some());
        let now = jiff::Timestamp::now();
        let mut stories: Vec<Story> = Vec::new();
        let mut assigned = HashMap::new();
        let mut explanations = Vec::with_capacity(fresh.len());
        let mut merges = Vec::new();
        let mut survivor_of: HashMap<StoryId, StoryId> = HashMap::new();
        let mut retired_at = None;
        let mut stories_of = Vec::with_capacity(fresh.len());
        for (position, article) in fresh.iter().enumerate() {
            if all_dated
                && position % REPLAY_PAGE == 0
                && let Some(at) = article.published_at
            {
                // Batch order: every later fresh article is dated at or
                // after this one.
                if clusterer.retire_inactive(at, |_| false) > 0 {
                    retired_at = Some(at);
                }
            }
            let reading = ahead.and_then(|ahead| ahead.take(position));
            let mut assignment = clusterer.assign_read(article, reading.as_ref());
            for merge in &mut assignment.merges {
                merge.absorbed_title = match stories.iter().find(|s| s.id == merge.absorbed) {
                    Some(story) => story.title.clone(),
                    None => self
                        .store
                        .story(&merge.absorbed)?
                        .map(|s| s.title)
                        .unwrap_or_default(),
                };
                tracing::info!(
                    article = %article.id,
                    absorbed = %merge.absorbed,
                    survivor = %merge.survivor,
                    score = merge.story_score,
                    "merged stories"
                );
                for now in survivor_of.values_mut() {
                    if *now == merge.absorbed {
                        *now = merge.survivor.clone();
                    }
                }
                survivor_of.insert(merge.absorbed.clone(), merge.survivor.clone());
                merges.push(merge.clone());
            }
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
            explanations.push(Explanation::new(
                &article.id,
                &assignment,
                self.config.model.threshold,
            ));
            assigned.insert(article.id.clone(), assignment.story.clone());
            stories_of.push(assignment.story);
        }
        // Earlier articles of the batch that joined a story absorbed later
        // in it follow it to the survivor; a story founded and absorbed in
        // the same batch is never stored (its id still resolves).
        for story in &mut stories_of {
            if let Some(now) = survivor_of.get(story) {
                *story = now.clone();
            }
        }
        for story in assigned.values_mut() {
            if let Some(now) = survivor_of.get(story) {
                *story = now.clone();
            }
        }
        stories.retain(|s| !survivor_of.contains_key(&s.id));
        let clustered = Clustered {
            stories,
            assigned,
            explanations,
            merges,
            survivor_of,
            clusterer,
            retired_at,
            prepared: PreparedAnalyses::default(),
        };
        Ok((clustered, stories_of))
    }
}

/// What clustering one batch produced.
struct Clustered {
    /// Stories founded by the batch.
    stories: Vec<Story>,
    /// Each fresh article's story.
    assigned: HashMap<ArticleId, StoryId>,
    /// Why each fresh article went where it went.
    explanations: Vec<Explanation>,
    /// Stories absorbed into others, in the order merged.
    merges: Vec<StoryMerge>,
    /// Each story absorbed in this batch → the story it resolves to now.
    survivor_of: HashMap<StoryId, StoryId>,
    /// The clusterer after the batch (the next snapshot may be it).
    clusterer: Clusterer,
    /// The latest time stories were retired against during the batch.
    retired_at: Option<jiff::Timestamp>,
    /// The fresh articles' names and claims read for the story summaries
    /// while they were clustered (empty on one core).
    prepared: PreparedAnalyses,
}

/// The newer text under the stored article's id, story and copy link: a
/// revision keeps its place in the store and in its story.
fn revise(stored: &Article, newer: Article) -> Article {
    Article {
        id: stored.id.clone(),
        story: stored.story.clone(),
        duplicate_of: stored.duplicate_of.clone(),
        revision: stored.revision + 1,
        ..newer
    }
}

/// True when `incoming` says it was published before the stored text: an
/// older text never replaces a newer one.
fn is_older(incoming: &Article, stored: &Article) -> bool {
    matches!((incoming.published_at, stored.published_at), (Some(a), Some(b)) if a < b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    #[test]
    fn our_own_published_posts_are_skipped_not_stored() {
        let post = InputDocument::from_text(
            "roundup.md",
            "---\ntitle: Roma and Smalling, where it stands\ngenerator: storyline\ndate: 2020-09-30\n---\nRoma's offer is being considered.\n",
        );
        let news = InputDocument::from_text(
            "news.txt",
            " date 2020-09-30 Roma have made a bid for Chris Smalling, the defender.",
        );
        let mut pipeline = Pipeline::new(MemoryStore::default());
        let report = pipeline.ingest(vec![Ok(post), Ok(news)], &mut ()).unwrap();
        assert_eq!((report.read, report.generated, report.new), (2, 1, 1));
        assert!(
            report
                .summary()
                .contains("1 generated by Storyline, skipped")
        );
        assert_eq!(pipeline.store().articles().unwrap().len(), 1);
    }

    fn jsonl(path: &str, lines: &[(&str, &str, &str)]) -> InputDocument {
        let text: String = lines
            .iter()
            .map(|(url, date, text)| {
                serde_json::json!({"title": "Vote", "text": text, "url": url, "date": date})
                    .to_string()
                    + "\n"
            })
            .collect();
        InputDocument::from_text(path, text)
    }

    #[test]
    fn unchanged_and_revised_articles_are_told_apart_from_duplicates() {
        let mut pipeline = Pipeline::new(MemoryStore::default());
        let doc = jsonl(
            "a.jsonl",
            &[(
                "https://x.example/vote",
                "2025-01-01",
                "Polls close at ten tonight.",
            )],
        );
        let first = pipeline.ingest(vec![Ok(doc.clone())], &mut ()).unwrap();
        assert_eq!(first.new, 1);
        let again = pipeline.ingest(vec![Ok(doc)], &mut ()).unwrap();
        assert_eq!((again.new, again.unchanged, again.duplicates), (0, 1, 0));
        let newer = jsonl(
            "b.jsonl",
            &[(
                "https://www.x.example/vote/",
                "2025-01-02",
                "Polls closed; turnout was high.",
            )],
        );
        let revised = pipeline.ingest(vec![Ok(newer)], &mut ()).unwrap();
        assert_eq!((revised.new, revised.revised), (0, 1));
        let stored = pipeline.store().articles().unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!(stored[0].revision, 2);
        assert!(stored[0].body.contains("turnout"));
        assert!(stored[0].story.is_some(), "a revision keeps its story");
    }

    #[test]
    fn a_copy_in_a_later_batch_points_at_the_stored_original_and_takes_its_story() {
        let wire: String = (0..30)
            .map(|i| {
                format!("Sentence {i} of the wire report on the harbour strike and its cost. ")
            })
            .collect();
        let mut pipeline = Pipeline::new(MemoryStore::default());
        let original = jsonl(
            "wire.jsonl",
            &[("https://wire.example/strike", "2025-01-01", &wire)],
        );
        pipeline.ingest(vec![Ok(original)], &mut ()).unwrap();
        let copy_text = format!("{wire} Read more on our site.");
        let copy = jsonl(
            "partner.jsonl",
            &[("https://partner.example/strike", "2025-01-02", &copy_text)],
        );
        let report = pipeline.ingest(vec![Ok(copy)], &mut ()).unwrap();
        assert_eq!((report.new, report.duplicates), (0, 1));
        let stored = pipeline.store().articles().unwrap();
        let (originals, copies): (Vec<_>, Vec<_>) =
            stored.iter().partition(|a| a.duplicate_of.is_none());
        assert_eq!(copies[0].duplicate_of.as_ref(), Some(&originals[0].id));
        assert_eq!(copies[0].story, originals[0].story);
    }

    #[test]
    fn a_copy_listed_twice_in_one_batch_is_one_copy_and_one_unchanged() {
        // Reuters-21578 lists a few syndicated items twice: the second
        // listing is the same article, not a second copy.
        let wire: String = (0..30)
            .map(|i| format!("Sentence {i} of the wire report on the grain harvest. "))
            .collect();
        let copy_text = format!("{wire} Read more on our site.");
        let doc = jsonl(
            "wire.jsonl",
            &[
                ("https://wire.example/grain", "2025-01-01", &wire),
                ("https://partner.example/grain", "2025-01-02", &copy_text),
                ("https://partner.example/grain", "2025-01-02", &copy_text),
            ],
        );
        let mut pipeline = Pipeline::new(MemoryStore::default());
        let report = pipeline.ingest(vec![Ok(doc)], &mut ()).unwrap();
        assert_eq!(
            (report.new, report.duplicates, report.unchanged),
            (1, 1, 1),
            "{report:?}"
        );
        assert_eq!(pipeline.store().articles().unwrap().len(), 2);
    }

    #[test]
    fn batch_order_is_time_then_path_then_position_whatever_the_input_order() {
        let doc = jsonl(
            "z.jsonl",
            &[
                (
                    "https://x.example/1",
                    "",
                    "Undated first line of the file here.",
                ),
                (
                    "https://x.example/2",
                    "2025-01-03",
                    "Dated third of January in the file.",
                ),
            ],
        );
        let early = jsonl(
            "a.jsonl",
            &[(
                "https://x.example/3",
                "2025-01-01",
                "Dated first of January somewhere.",
            )],
        );
        let run = |docs: Vec<InputDocument>| {
            let mut pipeline = Pipeline::new(MemoryStore::default());
            let report = pipeline.ingest(docs.into_iter().map(Ok), &mut ()).unwrap();
            report
                .articles
                .iter()
                .map(|a| a.path.display().to_string())
                .collect::<Vec<_>>()
        };
        let order = run(vec![doc.clone(), early.clone()]);
        assert_eq!(order, ["a.jsonl#1", "z.jsonl#2", "z.jsonl#1"]);
        assert_eq!(run(vec![early, doc]), order);
    }

    /// A saga told every 15 days for 300 days (one story, since each
    /// article is within `active_days` of the last), from `from_day`.
    fn saga(days: std::ops::Range<i64>, first_id: u32) -> Vec<Article> {
        use crate::cluster::word;
        days.step_by(15)
            .zip(first_id..)
            .map(|(day, n)| {
                let mut a = crate::store::conformance::sample_article(
                    n,
                    &format!(
                        "Varnok {} {} {}",
                        word(9000),
                        word(9001),
                        word(9100 + n as usize)
                    ),
                    &format!(
                        "Varnok said the {} {} {} {} went on. The {} {} {}.",
                        word(9002),
                        word(9003),
                        word(9004),
                        word(9200 + n as usize),
                        word(9005),
                        word(9006),
                        word(9007)
                    ),
                );
                a.lead = None;
                a.published_at = jiff::Timestamp::from_second(1_600_000_000 + day * 86_400).ok();
                a
            })
            .collect()
    }

    #[test]
    fn retiring_old_stories_changes_nothing_across_batches() {
        let mut first = crate::cluster::long_stream();
        first.extend(saga(0..300, 10_000));
        let second = saga(300..330, 20_000);
        // An older article and an undated one in a third batch.
        let mut third = crate::cluster::long_stream().split_off(590);
        for (i, a) in third.iter_mut().enumerate() {
            a.id = ArticleId(format!("late-{i}"));
            a.content_hash = format!("late-{i}");
            a.path = Some(format!("late/{i}.txt"));
        }
        third[0].published_at = None;
        let fourth = saga(340..400, 30_000);
        let run = |retire: bool| {
            let config = ClustererConfig {
                active_days: 20,
                retire,
                ..ClustererConfig::default()
            };
            let mut pipeline = Pipeline::with_config(MemoryStore::default(), config);
            for batch in [&first, &second, &third, &fourth] {
                pipeline.ingest_articles(batch.clone(), Vec::new()).unwrap();
            }
            let store = pipeline.into_store();
            store
                .articles()
                .unwrap()
                .into_iter()
                .map(|a| {
                    let why = store.explanation(&a.id).unwrap();
                    (a.id, a.story, why)
                })
                .collect::<Vec<_>>()
        };
        let (kept, retired) = (run(false), run(true));
        assert_eq!(kept.len(), 600 + 20 + 2 + 10 + 4);
        let saga_story = kept
            .iter()
            .find(|(id, ..)| id.0 == format!("{:016x}", 20_000));
        let saga_start = kept
            .iter()
            .find(|(id, ..)| id.0 == format!("{:016x}", 10_000));
        assert_eq!(
            saga_story.map(|k| &k.1),
            saga_start.map(|k| &k.1),
            "the saga goes on in one story across batches"
        );
        for (k, r) in kept.iter().zip(&retired) {
            assert_eq!(k, r, "same story and same explanation");
        }
    }
}
