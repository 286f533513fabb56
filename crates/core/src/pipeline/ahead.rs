//! The second core's work while the main thread goes through a batch
//! one article after another: it computes, a few articles ahead, what the
//! main thread would compute from an article alone. While the batch is
//! clustered it reads each fresh article's names, figures and case for
//! the clusterer ([`TextReading`]) and in between the articles' names and
//! claims for the story briefs ([`PreparedAnalyses`]); while the batch is
//! classified it reads each article's fingerprint and MinHash signature
//! for the duplicate detector ([`Comparable`]). All are pure functions of
//! an article, so what the main thread finds ready is what it would
//! compute itself; what it does not find (the helper is behind, or was not
//! scheduled) it computes itself. While the batch is saved it goes on with
//! the briefs' analyses the clustering left ([`while_saving`]). Results do
//! not depend on timing, only the share of the work each thread does.

use crate::cluster::TextReading;
use crate::dedup::{Comparable, DedupConfig};
use crate::facts::PreparedAnalyses;
use crate::model::Article;
use crate::text::Analyzer;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// How many articles past the one the main thread is at the helper
/// computes: enough to stay ahead, few enough to hold little memory.
const AHEAD: usize = 64;

/// Values computed by a helper thread for the main thread, one per
/// article of a batch.
#[derive(Debug)]
pub(super) struct Ahead<T> {
    /// Each article's value, until the main thread takes it.
    slots: Vec<Mutex<Option<T>>>,
    /// The position of the article the main thread is at.
    at: AtomicUsize,
    /// Set when the main thread is through: the helper stops.
    done: AtomicBool,
}

impl<T> Ahead<T> {
    /// Room for the values of `count` articles.
    pub(super) fn new(count: usize) -> Self {
        Self {
            slots: (0..count).map(|_| Mutex::new(None)).collect(),
            at: AtomicUsize::new(0),
            done: AtomicBool::new(false),
        }
    }

    /// The value of article `position`, when the helper has made it; the
    /// main thread has reached that article.
    pub(super) fn take(&self, position: usize) -> Option<T> {
        self.at.store(position, Ordering::Relaxed);
        self.slots.get(position)?.lock().ok()?.take()
    }

    /// Tells the helper the main thread is through.
    pub(super) fn finish(&self) {
        self.done.store(true, Ordering::Relaxed);
    }

    /// The helper's loop: the value of the next article fewer than
    /// [`AHEAD`] articles ahead of the main thread, else `other` (more
    /// work, false when it has none), else a short wait; until the main
    /// thread is through or every value is made and `other` has no more.
    fn fill(&self, compute: impl Fn(usize) -> T, mut other: impl FnMut() -> bool) {
        let count = self.slots.len();
        let mut next = 0;
        while !self.done.load(Ordering::Relaxed) {
            let at = self.at.load(Ordering::Relaxed);
            // An article the main thread has reached is computed there.
            next = next.max(at + 1);
            if next < count.min(at + 1 + AHEAD) {
                let value = compute(next);
                if let Ok(mut slot) = self.slots[next].lock() {
                    *slot = Some(value);
                }
                next += 1;
            } else if other() {
                continue;
            } else if next >= count {
                break;
            } else {
                std::thread::sleep(std::time::Duration::from_micros(100));
            }
        }
    }
}

impl Ahead<TextReading> {
    /// The helper while `articles` (those the slots were made for) are
    /// clustered: their readings ahead of the clustering, and in between
    /// the next analysis for the briefs.
    pub(super) fn read(&self, articles: &[Article]) -> PreparedAnalyses {
        let analyzer = Analyzer::english();
        let mut prepared = PreparedAnalyses::default();
        let mut next_analysis = 0;
        self.fill(
            |i| TextReading::of(&articles[i], &analyzer),
            || match articles.get(next_analysis) {
                Some(article) => {
                    prepared.add(article);
                    next_analysis += 1;
                    true
                }
                None => false,
            },
        );
        prepared
    }
}

/// Saves a batch through `save` while a second thread (when the machine
/// has one) goes on reading, for the story summaries, the analyses of
/// `articles` (the batch's fresh articles) that the reader of the
/// clustering did not reach: most of the rest of the reading overlaps the
/// writing of the articles instead of following it. `save` gets the
/// analyses by calling the function it is given, which stops the reading
/// there; what was not read by then the summaries read themselves.
pub(super) fn while_saving<R>(
    mut prepared: PreparedAnalyses,
    articles: &[Article],
    save: impl FnOnce(&mut dyn FnMut() -> PreparedAnalyses) -> R,
) -> R {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if cores < 2 || articles.iter().all(|a| prepared.contains(&a.id)) {
        let mut prepared = Some(prepared);
        return save(&mut || prepared.take().unwrap_or_default());
    }
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let stop = &stop;
        let reader = scope.spawn(move || {
            for article in articles {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                if !prepared.contains(&article.id) {
                    prepared.add(article);
                }
            }
            prepared
        });
        let mut reader = Some(reader);
        let mut finish = || {
            stop.store(true, Ordering::Relaxed);
            reader
                .take()
                .map(|reader| {
                    reader
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .unwrap_or_default()
        };
        let saved = save(&mut finish);
        // Stops the reader when `save` never asked (an error, or a store
        // that keeps no summaries).
        finish();
        saved
    })
}

/// The helper while a batch is classified: what the duplicate detector
/// reads of each article, ahead of the main thread. Dropping it stops and
/// joins the helper.
#[derive(Debug)]
pub(super) struct Comparing {
    ahead: Arc<Ahead<Comparable>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Comparing {
    /// Starts the helper on `texts` (each article's
    /// [`crate::dedup::comparable_text`], in the batch's order) under
    /// `config`; no helper on one core or for one article.
    pub(super) fn start(texts: Vec<String>, config: DedupConfig) -> Self {
        let ahead = Arc::new(Ahead::new(texts.len()));
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let thread = (cores >= 2 && texts.len() > 1).then(|| {
            let ahead = Arc::clone(&ahead);
            std::thread::spawn(move || {
                ahead.fill(|i| Comparable::of_text(&texts[i], &config), || false);
            })
        });
        Self { ahead, thread }
    }

    /// What the helper read of article `position`, when it is ready; the
    /// main thread has reached that article.
    pub(super) fn take(&self, position: usize) -> Option<Comparable> {
        self.ahead.take(position)
    }
}

impl Drop for Comparing {
    fn drop(&mut self) {
        self.ahead.finish();
        if let Some(thread) = self.thread.take() {
            // A helper that panicked made nothing the main thread needs.
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::conformance::sample_article;

    fn articles(count: u32) -> Vec<Article> {
        (0..count)
            .map(|n| {
                // Long enough for a MinHash signature.
                let body = format!(
                    "Roma offered Manchester United {n} million euros for Chris Smalling on \
                     Monday, the Italian club said, and the English club is expected to \
                     answer before the transfer window closes at the end of the month in \
                     Rome and Manchester, people close to the talks said."
                );
                sample_article(n, &format!("Roma bid {n}m for Smalling"), &body)
            })
            .collect()
    }

    /// Waits until the helper has made the values of the [`AHEAD`]
    /// articles after the first.
    fn wait_until_read_ahead<T>(ahead: &Ahead<T>) {
        while ahead.slots[AHEAD]
            .lock()
            .map(|s| s.is_none())
            .unwrap_or(false)
        {
            std::thread::yield_now();
        }
    }

    #[test]
    fn the_clustering_finds_the_readings_of_the_articles_ahead_and_every_article_is_analyzed() {
        let articles = articles(200);
        let ahead = Ahead::new(articles.len());
        let analyzer = Analyzer::english();
        let (prepared, taken) = std::thread::scope(|scope| {
            let reader = scope.spawn(|| ahead.read(&articles));
            // The clustering waits at article 0 while the reader reads
            // ahead, then walks through, taking what was read.
            wait_until_read_ahead(&ahead);
            let mut taken = 0;
            for (position, article) in articles.iter().enumerate() {
                if let Some(reading) = ahead.take(position) {
                    assert_eq!(reading, TextReading::of(article, &analyzer));
                    taken += 1;
                }
            }
            // Not told to stop: the reader ends once everything is read.
            (reader.join().unwrap(), taken)
        });
        assert!(taken >= AHEAD, "{taken} readings taken");
        assert_eq!(prepared.len(), articles.len());
    }

    #[test]
    fn the_reader_stops_when_the_clustering_is_over() {
        let articles = articles(5_000);
        let ahead = Ahead::new(articles.len());
        let prepared = std::thread::scope(|scope| {
            let reader = scope.spawn(|| ahead.read(&articles));
            ahead.finish();
            reader.join().unwrap()
        });
        assert!(prepared.len() < articles.len());
    }

    #[test]
    fn the_save_gets_what_the_clustering_read_and_more_of_the_batch_only() {
        let articles = articles(300);
        let read_while_clustering = PreparedAnalyses::of(&articles[..50]);
        let prepared = while_saving(read_while_clustering, &articles, |prepared| {
            // The save writes the batch, then asks.
            std::thread::sleep(std::time::Duration::from_millis(20));
            prepared()
        });
        assert!((50..=300).contains(&prepared.len()), "{}", prepared.len());
        assert!(articles[..50].iter().all(|a| prepared.contains(&a.id)));
        // Read in order: once one is missing, every later one is.
        let read = articles
            .iter()
            .take_while(|a| prepared.contains(&a.id))
            .count();
        assert_eq!(read, prepared.len());
    }

    #[test]
    fn a_save_that_never_asks_stops_the_reading_and_keeps_its_result() {
        let articles = articles(5_000);
        let result: Result<(), &str> = while_saving(PreparedAnalyses::default(), &articles, |_| {
            Err("cannot start a transaction")
        });
        assert_eq!(result, Err("cannot start a transaction"));
    }

    #[test]
    fn what_the_duplicate_detector_finds_ready_is_what_it_would_read() {
        let articles = articles(300);
        let texts: Vec<String> = articles.iter().map(crate::dedup::comparable_text).collect();
        let config = DedupConfig::default();
        let comparing = Comparing::start(texts.clone(), config.clone());
        wait_until_read_ahead(&comparing.ahead);
        let mut taken = 0;
        for (position, text) in texts.iter().enumerate() {
            if let Some(comparable) = comparing.take(position) {
                let read = Comparable::of_text(text, &config);
                assert!(read.signature().is_some());
                assert_eq!(comparable, read);
                taken += 1;
            }
        }
        drop(comparing);
        assert!(taken >= AHEAD, "{taken} taken");
    }
}
