//! Telling the user about the one-time re-briefing of stored stories.
//!
//! When a build raises [`storyline_core::view::BRIEF_VERSION`], the first
//! open of an older store recomputes every story's brief (state of play,
//! main entities). On a large store that takes seconds to minutes while the
//! command seems to hang, so the store says what it is doing and how long it
//! took, in the log the CLI shows (loudly from [`LOUD_FROM`] stories on).

use std::time::Instant;

/// From this many stories on, the re-briefing is announced as a warning (shown
/// by default) instead of an info line (shown with `-v`): a few hundred
/// stories take well under a second, thousands take long enough to explain.
pub(crate) const LOUD_FROM: usize = 1_000;

/// A re-briefing under way: announced when started, timed when finished.
pub(crate) struct Rebriefing {
    stories: usize,
    started: Instant,
}

impl Rebriefing {
    /// Announces that `stories` stored stories are about to be re-briefed.
    pub(crate) fn start(stories: usize) -> Self {
        let noun = stories_noun(stories);
        if stories >= LOUD_FROM {
            tracing::warn!(
                "re-briefing {stories} {noun} stored by an older Storyline \
                 (once, after an upgrade); this can take a while"
            );
        } else {
            tracing::info!("re-briefing {stories} {noun} stored by an older Storyline");
        }
        Self {
            stories,
            started: Instant::now(),
        }
    }

    /// Logs how long the re-briefing took.
    pub(crate) fn finish(self) {
        tracing::info!(
            "re-briefed {} {} in {:.1} s",
            self.stories,
            stories_noun(self.stories),
            self.started.elapsed().as_secs_f64()
        );
    }
}

/// "story" or "stories".
fn stories_noun(count: usize) -> &'static str {
    if count == 1 { "story" } else { "stories" }
}
