//! A progress bar on stderr for long ingests, shown only when stderr is a
//! terminal and the user did not ask for quiet.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;
use storyline_core::pipeline::Progress;

/// Batches smaller than this finish too fast for a bar to help.
const MIN_FILES_FOR_BAR: usize = 20;

/// Progress through a known number of files.
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar for `total` files, hidden when it would not help.
    pub fn new(total: usize, quiet: bool) -> Self {
        if quiet || total < MIN_FILES_FOR_BAR || !std::io::stderr().is_terminal() {
            return Self(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(total as u64);
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files  {elapsed_precise}  {wide_msg}",
        ) {
            bar.set_style(style);
        }
        Self(bar)
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn item(&mut self, path: &Path) {
        self.0.inc(1);
        self.0.set_message(path.display().to_string());
    }
}
