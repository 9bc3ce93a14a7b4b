//! How far a batch has got, on stderr: a bar redrawn in place when stderr
//! is a terminal, one plain line per profile otherwise (a log, a pipe, CI),
//! and messages printed above the bar without tearing it.

use std::io::{IsTerminal as _, Write as _};
use std::time::{Duration, Instant};

/// Redraws closer together than this only cost time.
const REDRAW_EVERY: Duration = Duration::from_millis(40);
/// Cells in the bar. █ and ░ are two columns wide on a CJK terminal, so
/// the line still fits in 80 columns there.
const BAR_CELLS: usize = 24;

pub struct Progress {
    total: usize,
    done: usize,
    bar: bool,
    /// Whether a bar is on screen now (and must be cleared before printing).
    drawn: bool,
    last_draw: Option<Instant>,
}

impl Progress {
    /// A bar if stderr is a terminal that can redraw a line, plain lines
    /// otherwise.
    pub fn new(total: usize) -> Progress {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        Progress::with_bar(total, std::io::stderr().is_terminal() && !dumb)
    }

    pub fn with_bar(total: usize, bar: bool) -> Progress {
        Progress {
            total,
            done: 0,
            bar,
            drawn: false,
            last_draw: None,
        }
    }

    /// Prints `text` (whole lines) above the bar.
    pub fn print(&mut self, text: &str) {
        let mut err = std::io::stderr().lock();
        if self.drawn {
            let _ = err.write_all(b"\r\x1b[2K");
            self.drawn = false;
        }
        let _ = err.write_all(text.as_bytes());
        if !text.ends_with('\n') {
            let _ = err.write_all(b"\n");
        }
        drop(err);
        if self.bar {
            self.draw();
        }
    }

    /// One more profile finished; in plain mode `line` says how it went.
    pub fn advance(&mut self, line: &str) {
        self.done += 1;
        if !self.bar {
            let width = self.total.to_string().len();
            eprintln!("[{:>width$}/{}] {line}", self.done, self.total);
            return;
        }
        let due = self.last_draw.is_none_or(|t| t.elapsed() >= REDRAW_EVERY);
        if due || self.done == self.total {
            self.draw();
        }
    }

    /// Takes the bar off the screen, leaving the line for the summary.
    pub fn finish(&mut self) {
        if self.drawn {
            let _ = std::io::stderr().lock().write_all(b"\r\x1b[2K");
            self.drawn = false;
        }
    }

    fn draw(&mut self) {
        let line = bar_line(self.done, self.total);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.drawn = true;
        self.last_draw = Some(Instant::now());
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `生成中 [██████░░░░…] 523/1000`
fn bar_line(done: usize, total: usize) -> String {
    let filled = (done * BAR_CELLS).checked_div(total).unwrap_or(BAR_CELLS);
    format!(
        "生成中 [{}{}] {done}/{total}",
        "█".repeat(filled),
        "░".repeat(BAR_CELLS - filled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(bar_line(0, 10), format!("生成中 [{}] 0/10", "░".repeat(24)));
        assert_eq!(
            bar_line(5, 10),
            format!("生成中 [{}{}] 5/10", "█".repeat(12), "░".repeat(12))
        );
        assert_eq!(bar_line(0, 0), format!("生成中 [{}] 0/0", "█".repeat(24)));
    }
}
