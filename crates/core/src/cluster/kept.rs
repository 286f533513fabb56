//! A story's kept members' vectors of one kind laid out back to back,
//! oldest first: their term ids in one allocation, their weights in
//! another. The nearest-member cosines read every kept member of every
//! candidate story for every article; one contiguous run is streamed into
//! the cache ahead of its reading, where separately allocated vectors each
//! begin with a miss, and a first pass that only looks for the terms a
//! member shares with the article reads the ids alone.

use crate::cluster::vectors::SparseVector;

/// The vectors of a story's kept members, back to back, oldest first.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BackToBack {
    ids: Vec<u32>,
    weights: Vec<f32>,
    /// Each member's sum of squared weights.
    squares: Vec<f64>,
    /// Where each member's entries end in `ids` and `weights`, oldest
    /// member first.
    ends: Vec<usize>,
}

/// One kept member's vector as [`BackToBack::members`] lends it.
#[derive(Debug, Clone, Copy)]
pub struct KeptVector<'a> {
    /// Term ids, ascending.
    pub ids: &'a [u32],
    /// The weight of each term in `ids`.
    pub weights: &'a [f32],
    /// The sum of the squared weights (1 for a normalized vector, up to
    /// rounding).
    pub squares: f64,
}

impl BackToBack {
    /// Appends a member's vector as the latest.
    pub fn push(&mut self, vector: &SparseVector) {
        self.ids.extend(vector.0.iter().map(|(id, _)| *id));
        self.weights.extend(vector.0.iter().map(|(_, w)| *w));
        self.squares.push(
            vector
                .0
                .iter()
                .map(|(_, w)| f64::from(*w) * f64::from(*w))
                .sum(),
        );
        self.ends.push(self.ids.len());
    }

    /// Appends every member of `other`, after this one's (as later ones).
    pub fn append(&mut self, other: &Self) {
        let offset = self.ids.len();
        self.ids.extend_from_slice(&other.ids);
        self.weights.extend_from_slice(&other.weights);
        self.squares.extend_from_slice(&other.squares);
        self.ends.extend(other.ends.iter().map(|end| end + offset));
    }

    /// Drops the `count` oldest members (all when fewer).
    pub fn drop_oldest(&mut self, count: usize) {
        let count = count.min(self.ends.len());
        let Some(&cut) = count.checked_sub(1).and_then(|last| self.ends.get(last)) else {
            return;
        };
        self.ids.drain(..cut);
        self.weights.drain(..cut);
        self.squares.drain(..count);
        self.ends.drain(..count);
        for end in &mut self.ends {
            *end -= cut;
        }
    }

    /// Each member's vector, oldest first.
    pub fn members(&self) -> impl DoubleEndedIterator<Item = KeptVector<'_>> {
        self.ends
            .iter()
            .zip(&self.squares)
            .enumerate()
            .map(|(i, (&end, &squares))| {
                let start = i
                    .checked_sub(1)
                    .and_then(|previous| self.ends.get(previous))
                    .copied()
                    .unwrap_or(0);
                KeptVector {
                    ids: self.ids.get(start..end).unwrap_or_default(),
                    weights: self.weights.get(start..end).unwrap_or_default(),
                    squares,
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vector(ids: &[u32]) -> SparseVector {
        SparseVector::from_term_ids(ids)
    }

    fn listed(kept: &BackToBack) -> Vec<Vec<(u32, f32)>> {
        kept.members()
            .map(|m| {
                m.ids
                    .iter()
                    .copied()
                    .zip(m.weights.iter().copied())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn members_come_back_whole_in_order_after_drops_and_appends() {
        let (a, b, c, d) = (
            vector(&[1, 2, 2]),
            vector(&[]),
            vector(&[3, 7]),
            vector(&[4]),
        );
        let mut kept = BackToBack::default();
        for v in [&a, &b, &c] {
            kept.push(v);
        }
        assert_eq!(listed(&kept), [a.0.clone(), b.0.clone(), c.0.clone()]);
        assert_eq!(
            kept.members().next_back().map(|m| m.ids.to_vec()),
            Some(vec![3, 7]),
            "the latest member last"
        );
        let squares: Vec<f64> = kept.members().map(|m| m.squares).collect();
        assert!((squares[0] - 1.0).abs() < 1e-6 && squares[1] == 0.0);
        kept.drop_oldest(1);
        assert_eq!(listed(&kept), [b.0.clone(), c.0.clone()]);
        let mut other = BackToBack::default();
        other.push(&d);
        kept.append(&other);
        assert_eq!(listed(&kept), [b.0.clone(), c.0.clone(), d.0.clone()]);
        kept.drop_oldest(2);
        assert_eq!(listed(&kept), std::slice::from_ref(&d.0));
        kept.drop_oldest(5);
        assert_eq!(kept.members().count(), 0, "every member dropped");
    }
}
