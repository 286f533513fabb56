//! The baseline every clustering figure is compared with: single-pass
//! TF-IDF cosine clustering with one threshold (the classic TDT
//! "single pass" of Allan et al. 1998). Nothing else: no names, no time,
//! no merges, no learned weights.
//!
//! Each article becomes stemmed terms of title, lead and body (the same
//! `Analyzer` as the clusterer), weighted by sublinear TF times smoothed IDF (`ln((N+1)/(df+1)) + 1`, as
//! scikit-learn) with
//! document frequencies counted over the stream so far (the article
//! itself included), L2-normalized. Each cluster keeps the sum of its
//! members' vectors; an article joins the cluster whose centroid has the
//! highest cosine when it reaches the threshold, else founds a new one.
//! Candidates come from an inverted index over centroid terms.

use crate::model::Article;
use crate::text::Analyzer;
use std::collections::HashMap;

/// The baseline's one parameter, fixed before any set was scored (it is
/// never fitted on a reported set): an article joins a cluster at cosine
/// ≥ 0.5 to its centroid.
pub const BASELINE_THRESHOLD: f32 = 0.5;

/// Single-pass TF-IDF cosine clusterer.
#[derive(Debug)]
pub struct BaselineClusterer {
    threshold: f32,
    analyzer: Analyzer,
    ids: HashMap<String, u32>,
    document_frequency: Vec<u32>,
    documents: u32,
    /// Per cluster: term → summed weight, and the squared norm of the sum.
    clusters: Vec<(HashMap<u32, f32>, f32)>,
    /// Term → clusters whose centroid holds it.
    postings: HashMap<u32, Vec<u32>>,
}

impl BaselineClusterer {
    /// A clusterer with no clusters yet.
    pub fn new(threshold: f32) -> Self {
        Self {
            threshold,
            analyzer: Analyzer::english(),
            ids: HashMap::new(),
            document_frequency: Vec::new(),
            documents: 0,
            clusters: Vec::new(),
            postings: HashMap::new(),
        }
    }

    /// Number of clusters so far.
    pub fn cluster_count(&self) -> usize {
        self.clusters.len()
    }

    /// Assigns the next article of the stream; returns its cluster number.
    pub fn assign(&mut self, article: &Article) -> usize {
        let vector = self.vector(article);
        let mut dots: HashMap<u32, f32> = HashMap::new();
        for (term, weight) in &vector {
            for cluster in self.postings.get(term).into_iter().flatten() {
                let (centroid, _) = &self.clusters[*cluster as usize];
                *dots.entry(*cluster).or_default() +=
                    weight * centroid.get(term).copied().unwrap_or(0.0);
            }
        }
        let best = dots
            .into_iter()
            .map(|(cluster, dot)| {
                let norm = self.clusters[cluster as usize].1.sqrt();
                (cluster, if norm > 0.0 { dot / norm } else { 0.0 })
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        let cluster = match best {
            Some((cluster, cosine)) if cosine >= self.threshold => cluster as usize,
            _ => {
                self.clusters.push((HashMap::new(), 0.0));
                self.clusters.len() - 1
            }
        };
        let index = u32::try_from(cluster).unwrap_or(u32::MAX);
        let (centroid, norm) = &mut self.clusters[cluster];
        for (term, weight) in &vector {
            let slot = centroid.entry(*term).or_insert_with(|| {
                self.postings.entry(*term).or_default().push(index);
                0.0
            });
            *slot += weight;
        }
        *norm = centroid.values().map(|w| w * w).sum();
        cluster
    }

    fn vector(&mut self, article: &Article) -> Vec<(u32, f32)> {
        let mut text = article.title.clone();
        if let Some(lead) = &article.lead {
            text.push_str(".\n");
            text.push_str(lead);
        }
        text.push_str(".\n");
        text.push_str(&article.body);
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for term in self.analyzer.terms(&text) {
            let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
            let id = *self.ids.entry(term).or_insert(next);
            if id as usize == self.document_frequency.len() {
                self.document_frequency.push(0);
            }
            *counts.entry(id).or_default() += 1;
        }
        self.documents += 1;
        for id in counts.keys() {
            if let Some(df) = self.document_frequency.get_mut(*id as usize) {
                *df += 1;
            }
        }
        let n = self.documents as f32;
        let mut vector: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(id, tf)| {
                let df = self.document_frequency[id as usize] as f32;
                (
                    id,
                    (1.0 + (tf as f32).ln()) * (((n + 1.0) / (df + 1.0)).ln() + 1.0),
                )
            })
            .collect();
        vector.sort_unstable_by_key(|(id, _)| *id);
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut vector {
                *w /= norm;
            }
        }
        vector
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::RawArticle;
    use crate::model::SourceFormat;

    fn article(text: &str) -> Article {
        let raw = RawArticle::new(SourceFormat::PlainText, text.to_string());
        crate::normalize::finish(raw, None).unwrap()
    }

    #[test]
    fn similar_texts_share_a_cluster_and_others_found_their_own() {
        let mut baseline = BaselineClusterer::new(0.3);
        let a = baseline.assign(&article("Earthquake kills hundreds in Turkey and Syria"));
        let b = baseline.assign(&article(
            "Turkey Syria earthquake death toll rises to thousands",
        ));
        let c = baseline.assign(&article("Chelsea sign midfielder for record transfer fee"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(baseline.cluster_count(), 2);
    }
}
