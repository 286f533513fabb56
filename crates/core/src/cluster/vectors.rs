//! Sparse term vectors and document frequencies that grow with the stream,
//! so IDF weights reflect everything seen so far.

use crate::cluster::kept::KeptVector;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::HashMap;

/// A sparse vector over term ids, sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SparseVector(pub Vec<(u32, f32)>);

impl SparseVector {
    /// Sublinear term frequencies (`1 + ln tf`), L2-normalized, from the
    /// term ids of one document (repeats allowed).
    pub fn from_term_ids(ids: &[u32]) -> Self {
        // Sorting and counting runs gives the entries in id order without
        // a map.
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let mut entries: Vec<(u32, f32)> = Vec::new();
        for run in sorted.chunk_by(|a, b| a == b) {
            if let Some(&id) = run.first() {
                entries.push((id, 1.0 + (run.len() as f32).ln()));
            }
        }
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut entries {
                *w /= norm;
            }
        }
        Self(entries)
    }

    /// True when the vector has no terms.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Term ids and how many documents each term occurred in.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct TermWeights {
    ids: HashMap<String, u32, foldhash::fast::RandomState>,
    document_frequency: Vec<u32>,
    documents: u32,
    /// The IDF of each document frequency as last computed, with the
    /// document count it was computed at. The IDF depends on the term only
    /// through its frequency, and most terms share a few small ones, so
    /// one article, compared with many stories under the same weights,
    /// computes a logarithm per distinct frequency it meets rather than
    /// per term or per comparison (the same expression, so the same
    /// value). Not serialized: [`TermWeights::restore_cache`] rebuilds it.
    #[serde(skip)]
    by_frequency: Vec<Cell<(u32, f32)>>,
}

impl TermWeights {
    /// The id of `term`, assigning a new one on first sight.
    pub fn id(&mut self, term: &str) -> u32 {
        if let Some(id) = self.ids.get(term) {
            return *id;
        }
        let id = u32::try_from(self.document_frequency.len()).unwrap_or(u32::MAX);
        self.ids.insert(term.to_string(), id);
        self.document_frequency.push(0);
        id
    }

    /// The id of `term` when some document recorded so far has it (none
    /// for a term never seen, or only assigned an id).
    pub fn known(&self, term: &str) -> Option<u32> {
        let id = *self.ids.get(term)?;
        let df = self.document_frequency.get(id as usize).copied()?;
        (df > 0).then_some(id)
    }

    /// Records one document containing the terms of `vector`.
    pub fn observe(&mut self, vector: &SparseVector) {
        self.documents += 1;
        let mut highest = 0;
        for (id, _) in &vector.0 {
            if let Some(df) = self.document_frequency.get_mut(*id as usize) {
                *df += 1;
                highest = highest.max(*df);
            }
        }
        if self.by_frequency.len() <= highest as usize {
            self.by_frequency
                .resize(highest as usize + 1, Cell::new((u32::MAX, 0.0)));
        }
    }

    /// Smoothed inverse document frequency: rare terms weigh more.
    pub fn idf(&self, id: u32) -> f32 {
        let df = self
            .document_frequency
            .get(id as usize)
            .copied()
            .unwrap_or(0);
        let cached = self.by_frequency.get(df as usize);
        if let Some((documents, idf)) = cached.map(Cell::get)
            && documents == self.documents
        {
            return idf;
        }
        let idf = ((self.documents as f32 + 1.0) / (df as f32 + 1.0)).ln() + 1.0;
        if let Some(cell) = cached {
            cell.set((self.documents, idf));
        }
        idf
    }

    /// Sizes the IDF cache for the highest document frequency, empty, as
    /// `observe` leaves it (after deserializing, which skips the cache).
    pub fn restore_cache(&mut self) {
        let highest = self.document_frequency.iter().copied().max().unwrap_or(0);
        self.by_frequency = vec![Cell::new((u32::MAX, 0.0)); highest as usize + 1];
    }

    /// Number of documents observed.
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// Number of terms with an id.
    pub fn len(&self) -> usize {
        self.document_frequency.len()
    }

    /// True before the first term gets an id.
    pub fn is_empty(&self) -> bool {
        self.document_frequency.is_empty()
    }
}

/// A story's centroid: the sum of its articles' vectors, sorted by term
/// id, so scoring it is one pass over contiguous memory (a hash map costs
/// a lookup per article term and a scattered walk for the norm).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Centroid(Vec<(u32, f32)>);

impl Centroid {
    /// True when the centroid holds no term.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The terms and their summed weights, sorted by id.
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.0
    }

    /// Adds `entries` (sorted by id) to the centroid, calling `new_term`
    /// with each term it did not hold yet. Each weight is added once, as a
    /// map would add it, so the sums are the same.
    pub fn add(&mut self, entries: &[(u32, f32)], mut new_term: impl FnMut(u32)) {
        let old = self.0.len();
        let mut fresh: Vec<(u32, f32)> = Vec::new();
        let mut i = 0;
        for &(id, weight) in entries {
            while i < old && self.0[i].0 < id {
                i += 1;
            }
            match self.0.get_mut(i) {
                Some(entry) if i < old && entry.0 == id => entry.1 += weight,
                _ => {
                    fresh.push((id, weight));
                    new_term(id);
                }
            }
        }
        if fresh.is_empty() {
            return;
        }
        // Merge the new terms in from the back, in place.
        self.0.resize(old + fresh.len(), (0, 0.0));
        let (mut a, mut b, mut out) = (old, fresh.len(), old + fresh.len());
        while b > 0 {
            out -= 1;
            if a > 0 && self.0[a - 1].0 > fresh[b - 1].0 {
                self.0[out] = self.0[a - 1];
                a -= 1;
            } else {
                self.0[out] = fresh[b - 1];
                b -= 1;
            }
        }
    }
}

impl FromIterator<(u32, f32)> for Centroid {
    /// A centroid of the given terms (a repeated term's weights add up).
    fn from_iter<I: IntoIterator<Item = (u32, f32)>>(iter: I) -> Self {
        let mut entries: Vec<(u32, f32)> = iter.into_iter().collect();
        entries.sort_by_key(|(id, _)| *id);
        let mut centroid = Self::default();
        for entry in entries {
            centroid.add(&[entry], |_| {});
        }
        centroid
    }
}

/// The squared norm of a document under the current IDF, summed in term
/// order in f32 (what the cosine with a centroid divides by).
pub fn weighted_norm_squared(doc: &SparseVector, weights: &TermWeights) -> f32 {
    let mut norm = 0.0;
    for (id, w) in &doc.0 {
        let x = w * weights.idf(*id);
        norm += x * x;
    }
    norm
}

/// A centroid's squared norm under the current IDF and, in the same pass,
/// its dot product with `doc` (`None`: the norm alone).
///
/// The norm is summed in f64, where the squares of f32 values are exact,
/// so it does not depend on the order of the terms (a map's order differs
/// from run to run; re-runs on the same input must give the same scores).
/// The dot product is summed in f32 in the document's term order.
///
/// Also returns, from the same pass, the squared norm under the current
/// IDF of the part of `doc` the centroid holds (summed in f32 in term
/// order): no document whose terms the centroid all holds can have a
/// cosine with `doc` above the square root of it over `doc`'s squared
/// norm (Cauchy–Schwarz on the shared terms).
pub fn centroid_dot_norm_and_shared(
    doc: Option<&SparseVector>,
    centroid: &Centroid,
    weights: &TermWeights,
) -> (f32, f32, f32) {
    let doc = doc.map_or(&[][..], |d| &d.0[..]);
    let (mut dot, mut norm, mut shared) = (0.0f32, 0.0f64, 0.0f32);
    let mut next = doc.iter().peekable();
    for &(id, c) in &centroid.0 {
        let idf = weights.idf(id);
        let y = f64::from(c * idf);
        norm += y * y;
        while let Some(&&(d, _)) = next.peek()
            && d < id
        {
            next.next();
        }
        if let Some(&&(d, w)) = next.peek()
            && d == id
        {
            let x = w * idf;
            dot += x * c * idf;
            shared += x * x;
            next.next();
        }
    }
    (dot, norm as f32, shared)
}

/// The dot product of `doc` with a centroid under the current IDF, in the
/// document's term order (as [`centroid_dot_norm_and_shared`] sums it).
pub fn centroid_dot(doc: &SparseVector, centroid: &Centroid, weights: &TermWeights) -> f32 {
    let mut dot = 0.0;
    let entries = &centroid.0;
    let mut from = 0;
    for &(id, w) in &doc.0 {
        let Ok(at) = entries[from..].binary_search_by_key(&id, |(t, _)| *t) else {
            continue;
        };
        from += at;
        let idf = weights.idf(id);
        let x = w * idf;
        dot += x * entries[from].1 * idf;
    }
    dot
}

/// The cosine from a dot product and two squared norms (0 when either
/// norm is).
pub fn cosine_of(dot: f32, doc_norm_squared: f32, centroid_norm_squared: f32) -> f32 {
    if doc_norm_squared == 0.0 || centroid_norm_squared == 0.0 {
        return 0.0;
    }
    dot / (doc_norm_squared.sqrt() * centroid_norm_squared.sqrt())
}

/// Cosine similarity between a document and a centroid, both weighted by
/// the current IDF (so early documents are compared with today's weights).
/// The clusterer computes the same value in parts (the document's norm
/// once per article); this whole form is the reference its tests check.
#[cfg(test)]
pub fn weighted_cosine(doc: &SparseVector, centroid: &Centroid, weights: &TermWeights) -> f32 {
    if doc.is_empty() || centroid.is_empty() {
        return 0.0;
    }
    let doc_norm = weighted_norm_squared(doc, weights);
    let (dot, centroid_norm, _) = centroid_dot_norm_and_shared(Some(doc), centroid, weights);
    cosine_of(dot, doc_norm, centroid_norm)
}

/// One document prepared for many cosines with other documents under the
/// same weights: its norm computed once and its weights laid out densely
/// by term id, with each of its terms' IDF, so each comparison is one
/// pass over the other document, looking up no IDF for the terms they
/// share.
#[derive(Debug, Default)]
pub struct DenseQuery {
    /// Weight by term id; 0 for the terms the document lacks.
    dense: Vec<f32>,
    /// IDF by term id, for the document's terms.
    idf: Vec<f32>,
    terms: Vec<u32>,
    norm: f32,
    empty: bool,
}

impl DenseQuery {
    /// Lays `doc` out for comparisons under `weights`, reusing this
    /// query's memory.
    pub fn prepare(&mut self, doc: &SparseVector, weights: &TermWeights) {
        self.clear();
        let vocabulary = weights.len();
        if self.dense.len() < vocabulary {
            self.dense.resize(vocabulary, 0.0);
            self.idf.resize(vocabulary, 0.0);
        }
        for &(id, w) in &doc.0 {
            if let (Some(slot), Some(idf)) = (
                self.dense.get_mut(id as usize),
                self.idf.get_mut(id as usize),
            ) {
                *slot = w;
                *idf = weights.idf(id);
                self.terms.push(id);
            }
        }
        self.norm = norm(doc, weights);
        self.empty = doc.is_empty();
    }

    /// Forgets the document (the dense weights back to zero).
    fn clear(&mut self) {
        for id in self.terms.drain(..) {
            if let Some(slot) = self.dense.get_mut(id as usize) {
                *slot = 0.0;
            }
        }
    }

    /// Cosine between the prepared document and `other`, the same value
    /// as the straightforward `pair_cosine` (kept for the tests).
    #[cfg(test)]
    pub fn cosine(&self, other: &SparseVector, weights: &TermWeights) -> f32 {
        if self.empty || other.is_empty() {
            return 0.0;
        }
        let (mut dot, mut other_norm) = (0.0f32, 0.0f32);
        for &(id, wb) in &other.0 {
            let idf = weights.idf(id);
            other_norm += (wb * idf).powi(2);
            // Weights are positive: zero means the document lacks the term.
            let wa = self.dense.get(id as usize).copied().unwrap_or(0.0);
            if wa != 0.0 {
                dot += wa * wb * idf * idf;
            }
        }
        let denominator = self.norm * other_norm.sqrt();
        if denominator == 0.0 {
            0.0
        } else {
            dot / denominator
        }
    }

    /// The highest [`DenseQuery::cosine`] with any of `others` (0 when
    /// none is above), bit for bit, without computing every cosine in full.
    ///
    /// A first pass over each other document's term ids sums its dot
    /// product with the query (reading a weight and an IDF only for the
    /// terms they share) and, from the same shared terms, a lower bound of
    /// its squared norm under the current IDF: every IDF is at least 1 (a
    /// term's document frequency never exceeds the document count), so the
    /// norm is at least the sum of the squared weights (`squares`, summed
    /// once when the member was kept) plus, for each shared term, its
    /// square times `idf² - 1`. The bound is lowered by far more than the
    /// rounding of a sum of `n` squares in f32 can take off (`n + 2`
    /// halves of an ulp, relatively), so it stays below the norm as the
    /// second pass sums it; the dot product divided by it is therefore an
    /// upper bound of the cosine as `cosine` computes it. A document whose
    /// bound does not beat the best so far cannot change the maximum and
    /// skips the second pass (its norm under the current IDF, an IDF per
    /// term). Documents are taken from the last, the latest member of a
    /// story.
    pub fn highest_cosine<'a>(
        &self,
        others: impl DoubleEndedIterator<Item = KeptVector<'a>>,
        weights: &TermWeights,
    ) -> f32 {
        let mut best = 0.0f32;
        if self.empty {
            return best;
        }
        for other in others.rev() {
            if other.ids.is_empty() {
                continue;
            }
            let (mut dot, mut lift) = (0.0f32, 0.0f64);
            for (k, &id) in other.ids.iter().enumerate() {
                let wa = self.dense.get(id as usize).copied().unwrap_or(0.0);
                if wa != 0.0 {
                    let wb = other.weights.get(k).copied().unwrap_or(0.0);
                    let idf = self.idf.get(id as usize).copied().unwrap_or(1.0);
                    dot += wa * wb * idf * idf;
                    let (wb, idf) = (f64::from(wb), f64::from(idf));
                    lift += wb * wb * (idf * idf - 1.0);
                }
            }
            // 16 times the relative rounding of the sum, at least.
            let margin = (other.ids.len() as f64 + 8.0) / f64::from(1u32 << 20);
            if margin < 0.5 {
                let low_norm = ((other.squares + lift) * (1.0 - margin)) as f32;
                let bound_denominator = self.norm * low_norm.sqrt();
                if bound_denominator != 0.0 && dot / bound_denominator <= best {
                    continue;
                }
            }
            let mut other_norm = 0.0f32;
            for (&id, &wb) in other.ids.iter().zip(other.weights) {
                other_norm += (wb * weights.idf(id)).powi(2);
            }
            let denominator = self.norm * other_norm.sqrt();
            if denominator != 0.0 {
                best = best.max(dot / denominator);
            }
        }
        best
    }
}

/// The L2 norm of a document under the current IDF, summed in f32 in term
/// order.
fn norm(v: &SparseVector, weights: &TermWeights) -> f32 {
    v.0.iter()
        .map(|(id, w)| (w * weights.idf(*id)).powi(2))
        .sum::<f32>()
        .sqrt()
}

/// Cosine similarity between two documents, weighted by the current IDF:
/// the reference [`DenseQuery::cosine`] is checked against.
#[cfg(test)]
pub fn pair_cosine(a: &SparseVector, b: &SparseVector, weights: &TermWeights) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while let (Some((ia, wa)), Some((ib, wb))) = (a.0.get(i), b.0.get(j)) {
        match ia.cmp(ib) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let idf = weights.idf(*ia);
                dot += wa * wb * idf * idf;
                i += 1;
                j += 1;
            }
        }
    }
    let denominator = norm(a, weights) * norm(b, weights);
    if denominator == 0.0 {
        0.0
    } else {
        dot / denominator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_documents_have_cosine_one_and_disjoint_zero() {
        let mut weights = TermWeights::default();
        let a: Vec<u32> = ["roma", "smalling", "bid"]
            .iter()
            .map(|t| weights.id(t))
            .collect();
        let b: Vec<u32> = ["oil", "price"].iter().map(|t| weights.id(t)).collect();
        let va = SparseVector::from_term_ids(&a);
        let vb = SparseVector::from_term_ids(&b);
        weights.observe(&va);
        weights.observe(&vb);
        let centroid: Centroid = va.0.iter().copied().collect();
        assert!((weighted_cosine(&va, &centroid, &weights) - 1.0).abs() < 1e-5);
        assert_eq!(weighted_cosine(&vb, &centroid, &weights), 0.0);
    }

    /// The straightforward cosine with a centroid held in a map, as the
    /// clusterer computed it before centroids became sorted vectors.
    fn map_cosine(doc: &SparseVector, centroid: &HashMap<u32, f32>, weights: &TermWeights) -> f32 {
        if doc.is_empty() || centroid.is_empty() {
            return 0.0;
        }
        let (mut dot, mut doc_norm) = (0.0f32, 0.0f32);
        for (id, w) in &doc.0 {
            let idf = weights.idf(*id);
            let x = w * idf;
            doc_norm += x * x;
            if let Some(c) = centroid.get(id) {
                dot += x * c * idf;
            }
        }
        let centroid_norm = centroid
            .iter()
            .map(|(id, c)| {
                let y = f64::from(c * weights.idf(*id));
                y * y
            })
            .sum::<f64>() as f32;
        if doc_norm == 0.0 || centroid_norm == 0.0 {
            return 0.0;
        }
        dot / (doc_norm.sqrt() * centroid_norm.sqrt())
    }

    /// A pseudo-random document over `vocabulary` terms.
    fn document(seed: u64, vocabulary: u32, length: usize) -> SparseVector {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let ids: Vec<u32> = (0..length)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((state >> 33) % u64::from(vocabulary)) as u32
            })
            .collect();
        SparseVector::from_term_ids(&ids)
    }

    #[test]
    fn the_fast_cosines_give_the_very_values_of_the_straightforward_ones() {
        // Assignments must not move: sorted centroids, norms computed once
        // and dense queries are exact rewrites, bit for bit.
        let mut weights = TermWeights::default();
        for i in 0..400 {
            weights.id(&format!("t{i}"));
        }
        let docs: Vec<SparseVector> = (0..60)
            .map(|n| document(n, 400, 5 + n as usize * 3))
            .collect();
        let mut centroid = Centroid::default();
        let mut map: HashMap<u32, f32> = HashMap::new();
        let mut query = DenseQuery::default();
        for (n, doc) in docs.iter().enumerate() {
            weights.observe(doc);
            query.prepare(doc, &weights);
            for other in &docs[..n] {
                assert_eq!(
                    query.cosine(other, &weights).to_bits(),
                    pair_cosine(doc, other, &weights).to_bits()
                );
            }
            let fast = weighted_cosine(doc, &centroid, &weights);
            assert_eq!(fast.to_bits(), map_cosine(doc, &map, &weights).to_bits());
            let (dot, _, _) = centroid_dot_norm_and_shared(Some(doc), &centroid, &weights);
            assert_eq!(
                dot.to_bits(),
                centroid_dot(doc, &centroid, &weights).to_bits()
            );
            let mut added = Vec::new();
            centroid.add(&doc.0, |id| added.push(id));
            for (id, w) in &doc.0 {
                if map
                    .insert(*id, map.get(id).copied().unwrap_or(0.0) + w)
                    .is_none()
                {
                    assert!(added.contains(id), "a new term is reported");
                }
            }
            let mut entries: Vec<(u32, f32)> = map.iter().map(|(i, w)| (*i, *w)).collect();
            entries.sort_by_key(|(id, _)| *id);
            assert_eq!(centroid.entries(), &entries[..]);
        }
    }

    #[test]
    fn the_highest_member_cosine_is_the_very_maximum_of_the_full_cosines() {
        // The nearest-member components must not move: skipping members
        // whose bound cannot win leaves the maximum the same, bit for bit.
        let mut weights = TermWeights::default();
        for i in 0..300 {
            weights.id(&format!("t{i}"));
        }
        let docs: Vec<SparseVector> = (0..120)
            .map(|n| document(n * 7 + 3, 300, 4 + (n as usize % 40) * 2))
            .collect();
        let mut query = DenseQuery::default();
        let mut skipped_some = false;
        for (n, doc) in docs.iter().enumerate() {
            weights.observe(doc);
            query.prepare(doc, &weights);
            let members = &docs[n.saturating_sub(32)..n];
            let full = members
                .iter()
                .map(|other| pair_cosine(doc, other, &weights))
                .fold(0.0, f32::max);
            let mut kept = crate::cluster::kept::BackToBack::default();
            for member in members {
                kept.push(member);
            }
            let fast = query.highest_cosine(kept.members(), &weights);
            assert_eq!(fast.to_bits(), full.to_bits(), "article {n}");
            skipped_some |= members
                .iter()
                .any(|other| pair_cosine(doc, other, &weights) < full);
        }
        assert!(skipped_some, "the stream has members below the maximum");
        assert_eq!(
            query.highest_cosine(std::iter::empty(), &weights),
            0.0,
            "no member, no similarity"
        );
    }
}
