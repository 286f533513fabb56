//! The ingest snapshot: the duplicate detector's and the clusterer's state
//! after the stored articles, as one opaque versioned blob, so an ingest
//! into an existing store loads it instead of re-reading and re-tokenizing
//! every stored text (`Pipeline::replay`).
//!
//! The blob is [postcard] (a stable, documented binary format; floats kept
//! bit for bit): the format number first, then a [`Header`], then the
//! clusterer, then the duplicate detector. The header says which stored
//! articles the state covers, so the pipeline can tell a stale snapshot
//! from a good one without decoding the state:
//! - `format`: [`FORMAT`], bumped whenever the serialized types change;
//! - `fingerprint`: [`fingerprint`] of the clusterer and dedup
//!   configuration (model weights included), the crate version and the
//!   features of a fixed probe article, so a refit model or another
//!   tokenizer never meets an old state;
//! - `covered` and `keys_hash`: the first `covered` stored originals in
//!   publication order (always dated ones: undated originals replay last,
//!   so they are re-read on every run) and a chained hash of their keys
//!   (id, time, story, text revision), see [`chain_key`];
//! - `horizon`: the time the state's stories were retired against, if any
//!   (`Clusterer::retire_inactive`): the snapshot only serves batches
//!   whose every article is dated at or after it.
//!
//! The library knows nothing of where the blob lives: `Store::snapshot`
//! and `Store::save_with_snapshot` keep it next to the batch it follows.

use crate::cluster::{Clusterer, ClustererConfig};
use crate::dedup::{DedupConfig, Duplicates};
use crate::ingest::{InputDocument, parse_document};
use crate::store::ArticleKey;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The snapshot format; a blob of another format is ignored (replayed).
pub const FORMAT: u32 = 1;

/// The seed of [`chain_key`]: the hash of zero keys.
pub const EMPTY_KEYS: u64 = 0x5354_4f52_594c_494e;

/// What a snapshot covers; decoded without the state behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// [`fingerprint`] of the configuration the state was built under.
    pub fingerprint: u64,
    /// Stored originals covered: the first ones in publication order.
    pub covered: u64,
    /// [`chain_key`] over the covered originals' keys, in order.
    pub keys_hash: u64,
    /// The latest time stories were retired against; `None` when none
    /// were retired by time.
    pub horizon: Option<Timestamp>,
}

/// Why a blob could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// Written by another version of the format.
    #[error("snapshot format {found}, expected {FORMAT}")]
    Format {
        /// The format the blob says it has.
        found: u32,
    },
    /// Not a snapshot, or truncated.
    #[error("unreadable snapshot: {0}")]
    Decode(#[from] postcard::Error),
}

/// The blob of `header` and a state.
pub fn encode(
    header: &Header,
    clusterer: &Clusterer,
    duplicates: &Duplicates,
) -> Result<Vec<u8>, SnapshotError> {
    Ok(postcard::to_stdvec(&(
        FORMAT, header, clusterer, duplicates,
    ))?)
}

/// The header of a blob, and the rest of the blob (the state).
pub fn decode_header(blob: &[u8]) -> Result<(Header, &[u8]), SnapshotError> {
    let (found, rest) = postcard::take_from_bytes::<u32>(blob)?;
    if found != FORMAT {
        return Err(SnapshotError::Format { found });
    }
    Ok(postcard::take_from_bytes::<Header>(rest)?)
}

/// The state of a blob, its configuration put back.
pub fn decode_state(
    blob: &[u8],
    config: &ClustererConfig,
    dedup: &DedupConfig,
) -> Result<(Clusterer, Duplicates), SnapshotError> {
    let (_, state) = decode_header(blob)?;
    let (clusterer, rest) = postcard::take_from_bytes::<Clusterer>(state)?;
    let duplicates: Duplicates = postcard::from_bytes(rest)?;
    Ok((
        clusterer.with_config(config.clone()),
        duplicates.with_config(dedup.clone()),
    ))
}

/// `hash` extended by one more covered key (an order-sensitive chain, so
/// a snapshot can extend it by the batch's articles without re-reading the
/// covered ones).
pub fn chain_key(hash: u64, key: &ArticleKey) -> u64 {
    let mut bytes = Vec::with_capacity(64);
    bytes.extend_from_slice(key.id.0.as_bytes());
    bytes.push(0);
    if let Some(at) = key.published_at {
        bytes.extend_from_slice(&at.as_nanosecond().to_le_bytes());
    }
    bytes.push(0);
    if let Some(story) = &key.story {
        bytes.extend_from_slice(story.0.as_bytes());
    }
    bytes.push(0);
    bytes.extend_from_slice(&key.revision.to_le_bytes());
    xxh3_64_with_seed(&bytes, hash)
}

/// Identifies everything besides the stored articles that the state
/// depends on: both configurations (their `Debug` form writes every float
/// so that it reads back the same), the crate version, and the features a
/// fresh clusterer takes from a fixed probe article (so a change to the
/// tokenizer, stemmer or name rules shows even without a version bump).
pub fn fingerprint(config: &ClustererConfig, dedup: &DedupConfig) -> u64 {
    let probe = InputDocument::from_text(
        "probe.md",
        "---\ntitle: Roma agree £13.5m fee for Chris Smalling\ndate: 2020-09-30\n---\n\
         Roma have agreed a fee of £13.5m with Manchester United for Chris Smalling, \
         35, after weeks of talks in Rome and Manchester; the deal runs until 2023.\n",
    );
    let features = parse_document(&probe)
        .into_iter()
        .flatten()
        .map(|article| {
            let mut clusterer = Clusterer::new(config.clone());
            let (features, _) = clusterer.candidates(&article);
            format!("{features:?}")
        })
        .collect::<String>();
    let described = format!(
        "{FORMAT}\n{}\n{config:?}\n{dedup:?}\n{features}",
        env!("CARGO_PKG_VERSION")
    );
    xxh3_64_with_seed(described.as_bytes(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::long_stream;

    #[test]
    fn a_state_round_trips_and_scores_the_same() {
        let stream = long_stream();
        let (seen, next) = stream.split_at(400);
        let config = ClustererConfig::default();
        let mut live = Clusterer::new(config.clone());
        let mut duplicates = Duplicates::default();
        for article in seen {
            duplicates.check(article);
            live.assign(article);
        }
        let header = Header {
            fingerprint: fingerprint(&config, &DedupConfig::default()),
            covered: 400,
            keys_hash: EMPTY_KEYS,
            horizon: None,
        };
        let blob = encode(&header, &live, &duplicates).unwrap();
        assert_eq!(decode_header(&blob).unwrap().0, header);
        let (mut loaded, mut loaded_dups) =
            decode_state(&blob, &config, &DedupConfig::default()).unwrap();
        for article in next {
            assert_eq!(loaded.assign(article), live.assign(article));
            assert_eq!(loaded_dups.check(article), duplicates.check(article));
        }
    }

    #[test]
    fn another_format_or_garbage_is_an_error_not_a_panic() {
        let blob = postcard::to_stdvec(&(FORMAT + 1, 0u8)).unwrap();
        assert!(matches!(
            decode_header(&blob),
            Err(SnapshotError::Format { .. })
        ));
        assert!(decode_header(&[0x01]).is_err());
        assert!(decode_state(&[], &ClustererConfig::default(), &DedupConfig::default()).is_err());
    }

    #[test]
    fn the_fingerprint_follows_the_model() {
        let config = ClustererConfig::default();
        let dedup = DedupConfig::default();
        assert_eq!(fingerprint(&config, &dedup), fingerprint(&config, &dedup));
        let mut refit = config.clone();
        refit.model.threshold += 0.01;
        assert_ne!(fingerprint(&config, &dedup), fingerprint(&refit, &dedup));
    }
}
