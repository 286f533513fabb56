//! Per-item work on every core, results in the items' order: a JSON Lines
//! file or a labeled set is one input holding thousands of articles, so
//! normalizing them (language detection, text clean-up, hashing) is shared
//! out item by item rather than file by file.
//!
//! The result never depends on the number of threads or on timing: items
//! go out in fixed chunks, each thread takes the next chunk not yet taken
//! (so a busy core does less, an idle one more), and every chunk's results
//! go back to the chunk's place.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// Items per chunk taken by a thread: small enough to share the work out
/// evenly on a loaded machine, large enough that taking one costs nothing.
const CHUNK: usize = 64;

/// `f(index, item)` for every item, on every core when there are more items
/// than one chunk, returned in the items' order.
pub(crate) fn map_in_order<T: Send, U: Send>(
    items: Vec<T>,
    f: impl Fn(usize, T) -> U + Sync,
) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len().div_ceil(CHUNK));
    if threads < 2 {
        return items
            .into_iter()
            .enumerate()
            .map(|(i, item)| f(i, item))
            .collect();
    }
    let mut chunks: Vec<Mutex<Vec<T>>> = Vec::with_capacity(items.len().div_ceil(CHUNK));
    let mut items = items.into_iter();
    loop {
        let chunk: Vec<T> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        chunks.push(Mutex::new(chunk));
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let taken = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(taken) else {
                return done;
            };
            // Each chunk is taken once, so the lock is never contended.
            let chunk = std::mem::take(&mut *chunk.lock().unwrap_or_else(PoisonError::into_inner));
            let first = taken * CHUNK;
            let results: Vec<U> = chunk
                .into_iter()
                .enumerate()
                .map(|(i, item)| f(first + i, item))
                .collect();
            done.push((taken, results));
        }
    };
    let mut slots: Vec<Vec<U>> = (0..chunks.len()).map(|_| Vec::new()).collect();
    std::thread::scope(|scope| {
        // The calling thread works too: one helper per other core.
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        for (taken, results) in all {
            slots[taken] = results;
        }
    });
    // Every chunk was taken by exactly one thread, so every slot is filled.
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_and_index_of_their_items() {
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 10 * CHUNK + 7] {
            let items: Vec<usize> = (0..len).map(|i| i * 3).collect();
            let mapped = map_in_order(items, |i, item| (i, item + 1));
            let expected: Vec<(usize, usize)> = (0..len).map(|i| (i, i * 3 + 1)).collect();
            assert_eq!(mapped, expected, "{len} items");
        }
    }
}
