//! Near-duplicates: MinHash signatures over word shingles, and an LSH index
//! that finds candidates by banding the signatures, so each new article is
//! compared with a handful of candidates instead of every stored article.
//! Candidates are then verified on their exact shingle sets (kept as sorted
//! 32-bit hashes), so the thresholds mean what they say and precision does
//! not hang on the estimate's noise.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Words per shingle. Three words separated labeled copies from other
/// reports of the same event best on `stories-dev` (3: copies' containment
/// ≥ 0.60 vs ≤ 0.51 for other pairs; 5: 0.50 vs 0.50).
pub const SHINGLE_WORDS: usize = 3;
/// Hash functions per signature.
pub const SIGNATURE_LEN: usize = 128;
/// LSH bands; `SIGNATURE_LEN / BANDS` rows each. Bands of 2 rows make a
/// copy with Jaccard similarity 0.28 (a heavily trimmed or re-edited copy)
/// share 10 bands on average; requiring [`MIN_SHARED_BANDS`] keeps
/// unrelated pairs (Jaccard ≈ 0.02, 0.05 bands on average) out.
pub const BANDS: usize = 64;
const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Bands two texts must share to be compared at all.
pub const MIN_SHARED_BANDS: usize = 2;

/// A text's MinHash signature and its exact shingle set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Minimum hash per hash function.
    pub mins: Vec<u64>,
    /// The distinct shingles, as sorted 32-bit hashes.
    pub set: Vec<u32>,
    /// Distinct shingles in the text.
    pub shingles: usize,
    /// The distinct words holding a digit (figures, dates, scores), as
    /// sorted 32-bit hashes: templated notices share their wording but not
    /// their figures.
    pub figures: Vec<u32>,
}

impl Signature {
    /// The signature of a text given as words; `None` when the text has
    /// fewer words than one shingle.
    pub fn of_words(words: &[String]) -> Option<Self> {
        if words.len() < SHINGLE_WORDS {
            return None;
        }
        // Each shingle's words joined by spaces, in one reused buffer.
        let mut shingle = String::new();
        let mut hashes: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|w| {
                shingle.clear();
                for (k, word) in w.iter().enumerate() {
                    if k > 0 {
                        shingle.push(' ');
                    }
                    shingle.push_str(word);
                }
                xxhash_rust::xxh3::xxh3_64(shingle.as_bytes())
            })
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        let keys: [u64; SIGNATURE_LEN] =
            std::array::from_fn(|i| SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1));
        let mut mins = vec![u64::MAX; SIGNATURE_LEN];
        for &h in &hashes {
            for (slot, key) in mins.iter_mut().zip(&keys) {
                let v = mix(h ^ key);
                if v < *slot {
                    *slot = v;
                }
            }
        }
        // The low 32 bits of a shingle hash: collisions among a few
        // hundred shingles are negligible, and the set takes half the memory.
        let mut set: Vec<u32> = hashes.iter().map(|&h| h as u32).collect();
        set.sort_unstable();
        set.dedup();
        let mut figures: Vec<u32> = words
            .iter()
            .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
            .map(|w| xxhash_rust::xxh3::xxh3_64(w.as_bytes()) as u32)
            .collect();
        figures.sort_unstable();
        figures.dedup();
        Some(Self {
            mins,
            shingles: set.len(),
            set,
            figures,
        })
    }

    /// Estimated Jaccard similarity from the signatures alone.
    pub fn estimated_jaccard(&self, other: &Self) -> f64 {
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / SIGNATURE_LEN as f64
    }

    /// Shingles the two texts share.
    fn common(&self, other: &Self) -> usize {
        common_sorted(&self.set, &other.set)
    }

    /// Share of the figures of the text with fewer shingles found in the
    /// other; 1 when it has fewer than 3 figures (too few to judge).
    pub fn figure_containment(&self, other: &Self) -> f64 {
        let (shorter, longer) = if self.shingles <= other.shingles {
            (self, other)
        } else {
            (other, self)
        };
        if shorter.figures.len() < 3 {
            return 1.0;
        }
        common_sorted(&shorter.figures, &longer.figures) as f64 / shorter.figures.len() as f64
    }

    /// Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Self) -> f64 {
        let common = self.common(other);
        let union = self.shingles + other.shingles - common;
        if union == 0 {
            return 0.0;
        }
        common as f64 / union as f64
    }

    /// Share of the smaller text's shingles found in the larger one: near 1
    /// for a copy with a trimmed ending.
    pub fn containment(&self, other: &Self) -> f64 {
        let smaller = self.shingles.min(other.shingles);
        if smaller == 0 {
            return 0.0;
        }
        self.common(other) as f64 / smaller as f64
    }

    fn band_keys(&self) -> impl Iterator<Item = u64> + '_ {
        // The band number then its rows, little-endian, in a buffer on the
        // stack (one allocation per band was most of an insert's cost).
        self.mins.chunks(ROWS).enumerate().map(|(band, rows)| {
            let mut bytes = [0u8; 8 * (ROWS + 1)];
            bytes[..8].copy_from_slice(&(band as u64).to_le_bytes());
            for (slot, r) in bytes[8..].chunks_exact_mut(8).zip(rows) {
                slot.copy_from_slice(&r.to_le_bytes());
            }
            xxhash_rust::xxh3::xxh3_64(&bytes[..8 * (rows.len() + 1)])
        })
    }
}

/// Elements two sorted, deduplicated lists share.
fn common_sorted(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Fixed seeds so signatures are the same on every run and machine.
const SEEDS: [u64; 4] = [
    0x9e37_79b9_7f4a_7c15,
    0xbf58_476d_1ce4_e5b9,
    0x94d0_49bb_1331_11eb,
    0x2545_f491_4f6c_dd1d,
];

/// splitmix64's finalizer: a cheap, well-mixed permutation of `u64`.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Signatures of the originals seen so far, banded for lookup.
///
/// Serializes as its entries only; [`LshIndex::rebuild_buckets`] derives
/// the buckets again (a third of the encoded size otherwise).
#[derive(Debug, Serialize, Deserialize)]
pub struct LshIndex<K> {
    entries: Vec<(K, Signature)>,
    /// Band key → entries; the keys are hashes already, so a fast hasher
    /// does (nothing iterates this map).
    #[serde(skip)]
    buckets: HashMap<u64, Vec<usize>, foldhash::fast::RandomState>,
}

impl<K> Default for LshIndex<K> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            buckets: HashMap::default(),
        }
    }
}

impl<K: Clone> LshIndex<K> {
    /// Rebuilds the buckets from the entries, in insertion order (as
    /// [`LshIndex::insert`] built them), after deserializing.
    pub fn rebuild_buckets(&mut self) {
        self.buckets.clear();
        for (at, (_, signature)) in self.entries.iter().enumerate() {
            for band in signature.band_keys() {
                self.buckets.entry(band).or_default().push(at);
            }
        }
    }

    /// Adds an original under `key`.
    pub fn insert(&mut self, key: K, signature: Signature) {
        let at = self.entries.len();
        for band in signature.band_keys() {
            self.buckets.entry(band).or_default().push(at);
        }
        self.entries.push((key, signature));
    }

    /// The entries sharing at least [`MIN_SHARED_BANDS`] bands with
    /// `signature`, in insertion order (so the earliest original wins ties).
    pub fn candidates<'a>(&'a self, signature: &Signature) -> Vec<&'a (K, Signature)> {
        // Sorted below, so the map's order does not matter.
        let mut shared: HashMap<usize, usize, foldhash::fast::RandomState> = HashMap::default();
        for band in signature.band_keys() {
            for &at in self.buckets.get(&band).into_iter().flatten() {
                *shared.entry(at).or_default() += 1;
            }
        }
        let mut hits: Vec<usize> = shared
            .into_iter()
            .filter(|&(_, n)| n >= MIN_SHARED_BANDS)
            .map(|(at, _)| at)
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|i| &self.entries[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::exact::words;

    fn text(n: usize, offset: usize) -> String {
        (offset..offset + n)
            .map(|i| format!("w{}", i * 7919 % 10007))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn identical_texts_agree_and_unrelated_ones_do_not() {
        let a = Signature::of_words(&words(&text(300, 0))).unwrap();
        let b = Signature::of_words(&words(&text(300, 0))).unwrap();
        let c = Signature::of_words(&words(&text(300, 5000))).unwrap();
        assert_eq!(a.jaccard(&b), 1.0);
        assert_eq!(a.estimated_jaccard(&b), 1.0);
        assert!(a.jaccard(&c) < 0.05);
        assert!(a.estimated_jaccard(&c) < 0.05);
    }

    #[test]
    fn a_trimmed_copy_is_contained_in_the_full_text() {
        let full = Signature::of_words(&words(&text(400, 0))).unwrap();
        let half = Signature::of_words(&words(&text(200, 0))).unwrap();
        assert!(full.containment(&half) > 0.8, "{}", full.containment(&half));
        let mut index = LshIndex::default();
        index.insert("full", full);
        assert_eq!(index.candidates(&half).len(), 1);
    }

    #[test]
    fn too_short_texts_have_no_signature() {
        assert!(Signature::of_words(&words("two words")).is_none());
    }
}
