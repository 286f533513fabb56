//! Sparse term vectors and document frequencies that grow with the stream,
//! so IDF weights reflect everything seen so far.

use std::cell::Cell;
use std::collections::HashMap;

/// A sparse vector over term ids, sorted by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector(pub Vec<(u32, f32)>);

impl SparseVector {
    /// Sublinear term frequencies (`1 + ln tf`), L2-normalized, from the
    /// term ids of one document (repeats allowed).
    pub fn from_term_ids(ids: &[u32]) -> Self {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for id in ids {
            *counts.entry(*id).or_default() += 1;
        }
        let mut entries: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(id, n)| (id, 1.0 + (n as f32).ln()))
            .collect();
        entries.sort_unstable_by_key(|(id, _)| *id);
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
#[derive(Debug, Default, Clone)]
pub struct TermWeights {
    ids: HashMap<String, u32>,
    document_frequency: Vec<u32>,
    documents: u32,
    /// Each term's IDF as last computed, with the document count it was
    /// computed at: one article is compared with many stories under the
    /// same weights, so each IDF is computed once per article, not once
    /// per comparison (the same expression, so the same value).
    cache: Vec<Cell<(u32, f32)>>,
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
        self.cache.push(Cell::new((u32::MAX, 0.0)));
        id
    }

    /// Records one document containing the terms of `vector`.
    pub fn observe(&mut self, vector: &SparseVector) {
        self.documents += 1;
        for (id, _) in &vector.0 {
            if let Some(df) = self.document_frequency.get_mut(*id as usize) {
                *df += 1;
            }
        }
    }

    /// Smoothed inverse document frequency: rare terms weigh more.
    pub fn idf(&self, id: u32) -> f32 {
        let cached = self.cache.get(id as usize);
        if let Some((documents, idf)) = cached.map(Cell::get)
            && documents == self.documents
        {
            return idf;
        }
        let df = self
            .document_frequency
            .get(id as usize)
            .copied()
            .unwrap_or(0) as f32;
        let idf = ((self.documents as f32 + 1.0) / (df + 1.0)).ln() + 1.0;
        if let Some(cell) = cached {
            cell.set((self.documents, idf));
        }
        idf
    }

    /// Number of documents observed.
    pub fn documents(&self) -> u32 {
        self.documents
    }
}

/// Cosine similarity between a document and a centroid, both weighted by
/// the current IDF (so early documents are compared with today's weights).
pub fn weighted_cosine(
    doc: &SparseVector,
    centroid: &HashMap<u32, f32>,
    weights: &TermWeights,
) -> f32 {
    if doc.is_empty() || centroid.is_empty() {
        return 0.0;
    }
    let mut dot = 0.0;
    let mut doc_norm = 0.0;
    for (id, w) in &doc.0 {
        let idf = weights.idf(*id);
        let x = w * idf;
        doc_norm += x * x;
        if let Some(c) = centroid.get(id) {
            dot += x * c * idf;
        }
    }
    // A hash map's order differs from run to run, and f32 sums depend on
    // their order: summed in f64 (squares of f32 are exact there), the
    // norm comes out the same on every run, so re-runs on the same input
    // give the same scores and the same stories.
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

/// Cosine similarity between two documents, weighted by the current IDF.
pub fn pair_cosine(a: &SparseVector, b: &SparseVector, weights: &TermWeights) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let norm = |v: &SparseVector| {
        v.0.iter()
            .map(|(id, w)| (w * weights.idf(*id)).powi(2))
            .sum::<f32>()
            .sqrt()
    };
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
    let denominator = norm(a) * norm(b);
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
        let centroid: HashMap<u32, f32> = va.0.iter().copied().collect();
        assert!((weighted_cosine(&va, &centroid, &weights) - 1.0).abs() < 1e-5);
        assert_eq!(weighted_cosine(&vb, &centroid, &weights), 0.0);
    }

    #[test]
    fn regression_weighted_cosine_is_the_same_whatever_the_map_order() {
        // Each HashMap has its own random order; an f32 sum over it gave
        // scores that differed in the last bit from run to run.
        let mut weights = TermWeights::default();
        let ids: Vec<u32> = (0..3000).map(|i| weights.id(&format!("t{i}"))).collect();
        let doc = SparseVector::from_term_ids(&ids[..50]);
        weights.observe(&doc);
        let entries: Vec<(u32, f32)> = ids
            .iter()
            .map(|&id| (id, 1.0 / (1.0 + id as f32 * 0.37)))
            .collect();
        let first = weighted_cosine(&doc, &entries.iter().copied().collect(), &weights);
        for _ in 0..20 {
            let centroid: HashMap<u32, f32> = entries.iter().copied().collect();
            assert_eq!(
                weighted_cosine(&doc, &centroid, &weights).to_bits(),
                first.to_bits()
            );
        }
    }
}
