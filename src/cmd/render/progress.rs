//! How far a batch has got, on stderr: an `indicatif` bar (count, rate,
//! time left; widths measured in terminal columns, so the Chinese label
//! and a CJK terminal's double-width cells line up) when stderr is a
//! terminal, one plain line per profile otherwise (a log, a pipe, CI).
//! Messages are printed above the bar without tearing it.

use std::io::IsTerminal as _;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// How often the bar may be redrawn: more only costs time.
const REDRAWS_PER_SECOND: u8 = 20;

pub struct Progress {
    total: usize,
    done: usize,
    /// The bar, when drawing one.
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar if stderr is a terminal that can redraw a line, plain lines
    /// otherwise.
    pub fn new(total: usize) -> Progress {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        Progress::with_bar(total, std::io::stderr().is_terminal() && !dumb)
    }

    pub fn with_bar(total: usize, bar: bool) -> Progress {
        let bar = bar.then(|| {
            let target = ProgressDrawTarget::stderr_with_hz(REDRAWS_PER_SECOND);
            let bar = ProgressBar::with_draw_target(Some(total as u64), target);
            bar.set_style(style());
            bar
        });
        Progress {
            total,
            done: 0,
            bar,
        }
    }

    /// Prints `text` (whole lines) above the bar.
    pub fn print(&mut self, text: &str) {
        let text = text.strip_suffix('\n').unwrap_or(text);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }

    /// One more profile finished; in plain mode `line` says how it went.
    pub fn advance(&mut self, line: &str) {
        self.done += 1;
        match &self.bar {
            Some(bar) => bar.inc(1),
            None => eprintln!("{}", plain_line(self.done, self.total, line)),
        }
    }

    /// Takes the bar off the screen, leaving the line for the summary.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `生成中 [████░░░░] 523/1000  每秒 210 份，约 2 秒后完成`
fn style() -> ProgressStyle {
    ProgressStyle::with_template("生成中 [{bar:24}] {pos}/{len}  {rate}{left}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("█░")
        .with_key("rate", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "每秒 {:.0} 份", s.per_sec());
        })
        .with_key("left", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{}", time_left(s.eta(), s.pos()));
        })
}

/// `，约 2 秒后完成` once there is a rate to go by.
fn time_left(eta: Duration, done: u64) -> String {
    if done == 0 {
        return String::new();
    }
    let secs = eta.as_secs();
    if secs >= 60 {
        format!("，约 {} 分 {} 秒后完成", secs / 60, secs % 60)
    } else {
        format!("，约 {} 秒后完成", secs.max(1))
    }
}

/// `[ 5/10] profiles/a.yaml → a.speech.md`
fn plain_line(done: usize, total: usize, line: &str) -> String {
    let width = total.to_string().len();
    format!("[{done:>width$}/{total}] {line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_count_up() {
        assert_eq!(
            plain_line(5, 10, "a.yaml → a.speech.md"),
            "[ 5/10] a.yaml → a.speech.md"
        );
        assert_eq!(plain_line(10, 10, "x"), "[10/10] x");
    }

    #[test]
    fn the_bar_says_rate_and_time_left_in_chinese() {
        assert!(
            ProgressStyle::with_template("生成中 [{bar:24}] {pos}/{len}  {rate}{left}").is_ok()
        );
        assert_eq!(time_left(Duration::from_secs(5), 0), "");
        assert_eq!(time_left(Duration::from_millis(300), 3), "，约 1 秒后完成");
        assert_eq!(
            time_left(Duration::from_secs(125), 3),
            "，约 2 分 5 秒后完成"
        );
        // A bar on no terminal draws nothing and still counts.
        let mut p = Progress::with_bar(3, false);
        p.advance("a");
        assert_eq!(p.done, 1);
    }
}
