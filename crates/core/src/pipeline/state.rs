//! The duplicate detector's and the clusterer's state before a batch, as
//! if they had seen every stored original in publication order: loaded
//! from the store's snapshot (`crate::snapshot`) when it is valid, else
//! replayed from the stored texts; and the snapshot that follows the batch.
//!
//! A snapshot covers the dated stored originals only (undated ones replay
//! last, after any later batch's dated articles, so they are re-read on
//! every run). After a batch the next snapshot is the covered state
//! extended by the batch's fresh dated articles with their final stories,
//! exactly as a replay of the new store would see them, so loading it
//! gives the same assignments and explanations as replaying. It is built
//! only when that holds: no stored original was revised, no stored story
//! was absorbed, and the fresh articles come after every covered one;
//! otherwise the batch is saved without one and the next run replays.

use super::{Pipeline, REPLAY_PAGE};
use crate::cluster::Clusterer;
use crate::dedup::{DedupConfig, Duplicates};
use crate::error::StoreError;
use crate::model::{Article, ArticleId, StoryId};
use crate::snapshot::{self, EMPTY_KEYS, Header, chain_key};
use crate::store::{ArticleKey, Store, key_order, publication_order};
use jiff::Timestamp;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Whether ingest keeps a snapshot of its state in the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SnapshotMode {
    /// Replay the store on every run and keep no snapshot (one-off runs:
    /// evaluation, fitting, tests).
    #[default]
    Off,
    /// Load the stored snapshot when it is valid, else replay; save the
    /// next snapshot with the batch (`storyline ingest`, `track`).
    Use,
    /// Replay even when a valid snapshot exists, then save a fresh one
    /// (`--rebuild-state`).
    Rebuild,
}

/// How one run prepared its state, for the log and for tests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateReport {
    /// True when the state came from the stored snapshot.
    pub loaded: bool,
    /// Stored articles whose text was read back and replayed (all the
    /// originals without a snapshot; the undated ones with one).
    pub replayed: usize,
    /// Why the snapshot was not used, when snapshots are on.
    pub replay_reason: Option<String>,
    /// Size in bytes of the snapshot saved with the batch (0 when none).
    pub saved_bytes: usize,
    /// Why no snapshot was saved, when snapshots are on.
    pub not_saved_reason: Option<String>,
}

/// The state before a batch, and the base of the next snapshot.
pub(super) struct Prepared {
    /// The duplicate detector.
    pub duplicates: Duplicates,
    /// The clusterer.
    pub clusterer: Clusterer,
    /// The replay state over exactly the dated stored originals; `None`
    /// when snapshots are off or it could not be captured.
    pub base: Option<Base>,
    /// How it went.
    pub report: StateReport,
}

/// The replay state over exactly the dated stored originals: the prefix
/// the next snapshot extends.
pub(super) struct Base {
    /// Where the encoded state is.
    blob: BaseBlob,
    /// What it covers.
    header: Header,
    /// The last covered original's key.
    last: Option<ArticleKey>,
    /// Stored originals replayed after the base (the undated ones): when
    /// there are none, the live clusterer went on from the base alone.
    tail: usize,
    /// The latest time the live state's stories were retired against
    /// before the batch (the base's horizon or the replay's).
    horizon: Option<Timestamp>,
}

/// Where a base's encoded state is.
enum BaseBlob {
    /// No dated original: the empty state.
    Empty,
    /// Captured during the replay.
    Held(Vec<u8>),
    /// The store's snapshot, loaded at the start of the run: read again
    /// only if needed, rather than held in memory through the batch.
    InStore,
}

/// The live state after the batch: the next snapshot when nothing but the
/// batch's fresh articles, in publication order, went into it since the
/// base.
pub(super) struct Live {
    /// The clusterer that assigned the batch.
    pub clusterer: Clusterer,
    /// The duplicate detector that checked it.
    pub duplicates: Duplicates,
    /// The latest time the batch retired stories against.
    pub retired_at: Option<Timestamp>,
}

/// What a batch changed, as the next snapshot needs to know.
pub(super) struct BatchChanges<'a> {
    /// Fresh articles, final stories set, in batch order.
    pub fresh: &'a [Article],
    /// Revised articles.
    pub revised: &'a [Article],
    /// Stories the batch founded.
    pub founded: &'a HashSet<StoryId>,
    /// Stories the batch absorbed into others.
    pub absorbed: &'a [StoryId],
}

impl<S: Store> Pipeline<S> {
    /// The state before `batch` (in batch order): the stored snapshot when
    /// it is valid for this store and batch, with the stored originals it
    /// does not cover replayed on top, else a replay of every stored
    /// original, in publication order and [`REPLAY_PAGE`] articles at a
    /// time (never every text at once). When all of the batch is dated,
    /// after each page the clusterer retires the stories too old to
    /// attract the batch's earliest article (`Clusterer::retire_inactive`),
    /// sparing those with stored articles still to replay (an undated one
    /// comes last; a late one may have joined an old story), so
    /// assignments are the same as without retiring.
    pub(super) fn prepare(&self, batch: &[Article]) -> Result<Prepared, StoreError> {
        let started = std::time::Instant::now();
        let originals: Vec<ArticleKey> = self
            .store
            .article_keys()?
            .into_iter()
            .filter(|key| key.duplicate_of.is_none())
            .collect();
        let dated = originals.partition_point(|key| key.published_at.is_some());
        // The batch's earliest time bounds what it can still attract; an
        // undated article (last in batch order) is compared with every
        // story, so then nothing may retire.
        let earliest = match batch.last().map(|a| a.published_at) {
            Some(Some(_)) => batch.first().and_then(|a| a.published_at),
            _ => None,
        };
        let mut report = StateReport::default();
        let fingerprint = match self.snapshots {
            SnapshotMode::Off => 0,
            _ => snapshot::fingerprint(&self.config, &DedupConfig::default()),
        };
        let loaded = match self.snapshots {
            SnapshotMode::Off => None,
            SnapshotMode::Rebuild => {
                report.replay_reason = Some("rebuild requested".into());
                None
            }
            SnapshotMode::Use => match self.store.snapshot()? {
                None => {
                    report.replay_reason = Some("no current snapshot in the store".into());
                    None
                }
                Some(blob) => match self.load(blob, fingerprint, &originals[..dated], batch) {
                    Ok(state) => Some(state),
                    Err(why) => {
                        report.replay_reason = Some(why);
                        None
                    }
                },
            },
        };
        let (mut duplicates, mut clusterer, start, mut horizon, mut base) = match loaded {
            Some((header, clusterer, duplicates)) => {
                report.loaded = true;
                let covered = header.covered as usize;
                let base = (covered == dated).then(|| Base {
                    last: covered.checked_sub(1).map(|i| originals[i].clone()),
                    header: header.clone(),
                    blob: BaseBlob::InStore,
                    tail: 0,
                    horizon: None,
                });
                (duplicates, clusterer, covered, header.horizon, base)
            }
            None => {
                let empty = (dated == 0 && self.snapshots != SnapshotMode::Off).then_some(Base {
                    blob: BaseBlob::Empty,
                    header: Header {
                        fingerprint,
                        covered: 0,
                        keys_hash: EMPTY_KEYS,
                        horizon: None,
                    },
                    last: None,
                    tail: 0,
                    horizon: None,
                });
                let clusterer = Clusterer::new(self.config.clone());
                (Duplicates::default(), clusterer, 0, None, empty)
            }
        };
        // The last dated original, after which the base is captured.
        let capture_after =
            (base.is_none() && self.snapshots != SnapshotMode::Off && start < dated)
                .then(|| originals[dated - 1].id.clone());
        let mut last_replayed: HashMap<&StoryId, usize> = HashMap::new();
        for (position, key) in originals.iter().enumerate() {
            if let Some(story) = &key.story {
                last_replayed.insert(story, position);
            }
        }
        for (page, keys) in originals[start..].chunks(REPLAY_PAGE).enumerate() {
            let ids: Vec<ArticleId> = keys.iter().map(|key| key.id.clone()).collect();
            for article in self.store.articles_by_id(&ids)? {
                duplicates.remember(&article);
                if let Some(story) = &article.story {
                    clusterer.add_known(&article, story);
                }
                report.replayed += 1;
                if capture_after.as_ref() == Some(&article.id) {
                    let header = Header {
                        fingerprint,
                        covered: dated as u64,
                        keys_hash: keys_hash(&originals[..dated]),
                        horizon,
                    };
                    base = match snapshot::encode(&header, &clusterer, &duplicates) {
                        Ok(blob) => Some(Base {
                            blob: BaseBlob::Held(blob),
                            header,
                            last: Some(originals[dated - 1].clone()),
                            tail: 0,
                            horizon: None,
                        }),
                        Err(err) => {
                            tracing::warn!(%err, "cannot encode the ingest snapshot");
                            None
                        }
                    };
                }
            }
            // Replayed articles join their known story whatever its age;
            // only the batch needs the stories it could still attract.
            let replayed = start + page * REPLAY_PAGE + keys.len();
            if let Some(earliest) = earliest {
                let retired = clusterer.retire_inactive(earliest, |story| {
                    last_replayed.get(story).is_some_and(|&p| p >= replayed)
                });
                if retired > 0 {
                    horizon = Some(horizon.map_or(earliest, |h| h.max(earliest)));
                }
            }
        }
        if let Some(base) = &mut base {
            base.tail = originals.len() - dated;
            base.horizon = horizon;
        }
        if self.snapshots != SnapshotMode::Off {
            tracing::info!(
                elapsed_ms = started.elapsed().as_millis() as u64,
                from_snapshot = report.loaded,
                replayed = report.replayed,
                reason = report.replay_reason.as_deref().unwrap_or(""),
                "clusterer state prepared"
            );
        }
        Ok(Prepared {
            duplicates,
            clusterer,
            base,
            report,
        })
    }

    /// The stored snapshot decoded, when it describes these dated
    /// originals under this configuration and may serve this batch; else
    /// why not.
    #[allow(clippy::type_complexity)]
    fn load(
        &self,
        blob: Vec<u8>,
        fingerprint: u64,
        dated: &[ArticleKey],
        batch: &[Article],
    ) -> Result<(Header, Clusterer, Duplicates), String> {
        let (header, _) = snapshot::decode_header(&blob).map_err(|err| err.to_string())?;
        if header.fingerprint != fingerprint {
            return Err("the snapshot was built under another model or version".into());
        }
        let covered = usize::try_from(header.covered).unwrap_or(usize::MAX);
        if covered > dated.len() || keys_hash(&dated[..covered]) != header.keys_hash {
            return Err("the stored articles changed since the snapshot".into());
        }
        if let Some(horizon) = header.horizon
            && !batch.is_empty()
        {
            let first = batch.first().and_then(|a| a.published_at);
            let last = batch.last().and_then(|a| a.published_at);
            if last.is_none() || first.is_none_or(|first| first < horizon) {
                return Err(format!(
                    "the batch reaches before the snapshot's retirement horizon {horizon}"
                ));
            }
        }
        let (clusterer, duplicates) =
            snapshot::decode_state(&blob, &self.config, &DedupConfig::default())
                .map_err(|err| err.to_string())?;
        Ok((header, clusterer, duplicates))
    }

    /// The snapshot to save with the batch: `base` extended by the fresh
    /// dated articles (final stories set) in publication order, or why
    /// there is none. When only those articles went into the live state
    /// since the base (no undated stored article replayed, no merge, every
    /// fresh article dated and in publication order), the live state is
    /// that snapshot, its retirements recorded as the horizon; otherwise a
    /// clean state is built from the encoded base.
    pub(super) fn next_snapshot(
        &self,
        base: Option<Base>,
        live: Live,
        batch: &BatchChanges<'_>,
    ) -> Result<Vec<u8>, String> {
        let started = std::time::Instant::now();
        let Some(base) = base else {
            return Err("no state to extend".into());
        };
        if batch.revised.iter().any(|a| a.duplicate_of.is_none()) {
            return Err("the batch revised a stored original".into());
        }
        if batch
            .absorbed
            .iter()
            .any(|story| !batch.founded.contains(story))
        {
            return Err("the batch merged a stored story into another".into());
        }
        let mut dated: Vec<&Article> = batch
            .fresh
            .iter()
            .filter(|a| a.published_at.is_some())
            .collect();
        dated.sort_by(|a, b| publication_order(a, b));
        if let (Some(first), Some(last)) = (dated.first(), &base.last)
            && key_order(&ArticleKey::of(first), last) != Ordering::Greater
        {
            return Err("the batch reaches before the latest stored article".into());
        }
        let mut header = base.header;
        for article in &dated {
            header.keys_hash = chain_key(header.keys_hash, &ArticleKey::of(article));
            header.covered += 1;
        }
        let live_is_next = base.tail == 0
            && batch.absorbed.is_empty()
            && dated.len() == batch.fresh.len()
            && batch
                .fresh
                .windows(2)
                .all(|w| publication_order(&w[0], &w[1]) == Ordering::Less);
        let blob = if live_is_next && !dated.is_empty() {
            header.horizon = [header.horizon, base.horizon, live.retired_at]
                .into_iter()
                .flatten()
                .max();
            snapshot::encode(&header, &live.clusterer, &live.duplicates)
        } else {
            drop(live);
            let blob = match base.blob {
                BaseBlob::Empty => None,
                BaseBlob::Held(blob) => Some(blob),
                BaseBlob::InStore => Some(
                    self.store
                        .snapshot()
                        .map_err(|err| err.to_string())?
                        .ok_or("the stored snapshot changed during the run")?,
                ),
            };
            if dated.is_empty()
                && let Some(blob) = blob
            {
                // Nothing to add: the base is the next snapshot as it is.
                return Ok(blob);
            }
            let (mut clusterer, mut duplicates) = match &blob {
                Some(blob) => snapshot::decode_state(blob, &self.config, &DedupConfig::default())
                    .map_err(|err| err.to_string())?,
                None => (Clusterer::new(self.config.clone()), Duplicates::default()),
            };
            drop(blob);
            for article in dated {
                duplicates.remember(article);
                if let Some(story) = &article.story {
                    clusterer.add_known(article, story);
                }
            }
            snapshot::encode(&header, &clusterer, &duplicates)
        };
        let blob = blob.map_err(|err| err.to_string())?;
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            bytes = blob.len(),
            from_live_state = live_is_next,
            "ingest snapshot built"
        );
        Ok(blob)
    }
}

/// [`chain_key`] over `keys`, from [`EMPTY_KEYS`].
fn keys_hash(keys: &[ArticleKey]) -> u64 {
    keys.iter().fold(EMPTY_KEYS, chain_key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::{ClustererConfig, Explanation, long_stream};
    use crate::store::MemoryStore;

    /// Every stored article with its explanation, in publication order.
    type Outcome = Vec<(Article, Option<Explanation>)>;

    /// Ingests `batches` in turn; the outcome and each run's state report.
    fn run(
        config: &ClustererConfig,
        mode: SnapshotMode,
        batches: &[Vec<Article>],
    ) -> (Outcome, Vec<StateReport>) {
        let mut pipeline =
            Pipeline::with_config(MemoryStore::default(), config.clone()).with_snapshots(mode);
        let reports = batches
            .iter()
            .map(|batch| {
                let report = pipeline.ingest_articles(batch.clone(), Vec::new()).unwrap();
                report.state
            })
            .collect();
        let store = pipeline.into_store();
        let outcome = store
            .articles()
            .unwrap()
            .into_iter()
            .map(|a| {
                let why = store.explanation(&a.id).unwrap();
                (a, why)
            })
            .collect();
        (outcome, reports)
    }

    /// `article` under another identity.
    fn renamed(article: &Article, name: &str) -> Article {
        let mut a = article.clone();
        a.id = ArticleId(name.into());
        a.content_hash = name.into();
        a.path = Some(format!("{name}.txt"));
        a.url = None;
        a.canonical_url = None;
        a
    }

    #[test]
    fn snapshots_give_the_same_stories_and_explanations_as_replaying() {
        let config = ClustererConfig {
            active_days: 20,
            ..ClustererConfig::default()
        };
        let stream = long_stream();
        let cut = |from: usize, to: usize| stream[from..to].to_vec();
        let mut undated = renamed(&stream[3], "undated");
        undated.published_at = None;
        undated.body.push_str(" Undated note.");
        let copy = renamed(&stream[10], "copy-of-10");
        let mut backfill = renamed(&stream[100], "backfill");
        backfill.body.push_str(" Filed late.");
        let mut revision = stream[430].clone();
        revision.body.push_str(" Updated with a correction.");
        revision.content_hash = "revised-430".into();
        revision.published_at = stream[481].published_at;
        let batches = vec![
            cut(0, 150),
            [cut(150, 250), vec![undated]].concat(),
            [cut(250, 350), vec![copy]].concat(),
            [cut(350, 420), vec![backfill]].concat(),
            cut(420, 480),
            [cut(480, 540), vec![revision]].concat(),
            cut(540, 570),
            cut(570, 600),
        ];
        let (replayed, _) = run(&config, SnapshotMode::Off, &batches);
        let (loaded, reports) = run(&config, SnapshotMode::Use, &batches);
        assert_eq!(replayed.len(), 600 + 3);
        assert!(
            replayed.iter().any(|(a, _)| a.duplicate_of.is_some()),
            "the copy is recognized"
        );
        for (r, l) in replayed.iter().zip(&loaded) {
            assert_eq!(r, l, "same article, story and explanation");
        }
        let summary: Vec<(bool, usize, bool)> = reports
            .iter()
            .map(|r| (r.loaded, r.replayed, r.saved_bytes > 0))
            .collect();
        assert_eq!(
            summary,
            [
                (false, 0, true),   // empty store
                (true, 0, true),    // snapshot of batch 1
                (true, 1, true),    // the undated article is re-read
                (true, 1, false),   // a backfilled article: no snapshot
                (false, 422, true), // replayed, and the snapshot rebuilt
                (true, 1, false),   // a revised original: no snapshot
                (false, 542, true), // replayed again
                (true, 1, true),
            ]
        );
    }

    #[test]
    fn batches_in_order_with_snapshots_match_replaying_and_one_batch() {
        let stream = long_stream();
        let batches: Vec<Vec<Article>> = stream.chunks(150).map(<[Article]>::to_vec).collect();
        let stories = |outcome: &Outcome| {
            outcome
                .iter()
                .map(|(a, why)| (a.id.clone(), a.story.clone(), why.clone()))
                .collect::<Vec<_>>()
        };
        // Stories retire along the way with 20 active days: the snapshot
        // (the live state) then carries a horizon.
        for active_days in [365, 20] {
            let config = ClustererConfig {
                active_days,
                ..ClustererConfig::default()
            };
            let (one, _) = run(&config, SnapshotMode::Off, std::slice::from_ref(&stream));
            let (replayed, _) = run(&config, SnapshotMode::Off, &batches);
            let (loaded, reports) = run(&config, SnapshotMode::Use, &batches);
            assert!(
                reports.iter().skip(1).all(|r| r.loaded && r.replayed == 0),
                "{reports:?}"
            );
            assert_eq!(replayed, loaded, "active_days {active_days}");
            assert_eq!(stories(&one), stories(&loaded), "active_days {active_days}");
        }
    }

    #[test]
    fn a_snapshot_from_another_model_or_a_rebuild_request_replays() {
        let stream = long_stream();
        let mut pipeline = Pipeline::new(MemoryStore::default()).with_snapshots(SnapshotMode::Use);
        pipeline
            .ingest_articles(stream[..100].to_vec(), Vec::new())
            .unwrap();
        let mut refit = ClustererConfig::default();
        refit.model.threshold += 0.01;
        let mut pipeline =
            Pipeline::with_config(pipeline.into_store(), refit).with_snapshots(SnapshotMode::Use);
        let report = pipeline
            .ingest_articles(stream[100..110].to_vec(), Vec::new())
            .unwrap();
        assert!(!report.state.loaded);
        assert_eq!(report.state.replayed, 100);
        let mut pipeline = pipeline.with_snapshots(SnapshotMode::Rebuild);
        let report = pipeline
            .ingest_articles(stream[110..120].to_vec(), Vec::new())
            .unwrap();
        assert_eq!(
            (report.state.loaded, report.state.replayed),
            (false, 110),
            "{:?}",
            report.state
        );
        let mut pipeline = pipeline.with_snapshots(SnapshotMode::Use);
        let report = pipeline
            .ingest_articles(stream[120..130].to_vec(), Vec::new())
            .unwrap();
        assert_eq!((report.state.loaded, report.state.replayed), (true, 0));
    }
}
