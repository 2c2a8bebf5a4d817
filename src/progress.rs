//! The progress bar of long runs: on standard error, only when it is a terminal, and only
//! once a run has taken more than a second (short runs stay quiet).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// Files and words checked so far; safe to update from every worker thread.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
    words: AtomicUsize,
}

impl Progress {
    /// A progress bar over `files` files, or a silent one when disabled or not on a terminal.
    pub(crate) fn new(files: usize, enabled: bool) -> Self {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg} words, {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress { bar, started: Instant::now(), shown: AtomicBool::new(false), words: AtomicUsize::new(0) }
    }

    /// Counts one more file of `words` words.
    pub(crate) fn file_done(&self, words: usize) {
        self.add(1, words);
    }

    /// Counts `files` more files and `words` more words.
    pub(crate) fn add(&self, files: u64, words: usize) {
        let Some(bar) = &self.bar else { return };
        let total = self.words.fetch_add(words, Ordering::Relaxed) + words;
        bar.inc(files);
        bar.set_message(total.to_string());
        if self.started.elapsed() >= DELAY && !self.shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    /// Removes the bar before the report is written.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
