//! Findings about a user's file: what is wrong, where, and how to fix it.
//!
//! `check` and `lint` report these instead of failing on the first problem;
//! they print rustc-style (`path:line:col: message`, the line, a caret) or
//! as JSON.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based, in characters; 0 when unknown.
    pub column: u32,
    pub severity: Severity,
    /// What is wrong, in Chinese.
    pub message: String,
    /// How to fix it, when there is something to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The source line the problem is on, for the caret display.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &Path, line: u32, column: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(path: &Path, line: u32, column: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, column, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attaches the offending line from `text`, for the caret display.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            // A minified or generated line can be megabytes long: show
            // what leads up to the column and a little after.
            let keep = (self.column as usize).max(80) + 40;
            self.source_line = text.lines().nth(self.line as usize - 1).map(|l| {
                let mut shown: String = l.chars().take(keep).collect();
                if shown.len() < l.len() {
                    shown.push('…');
                }
                shown
            });
        }
        self
    }

    /// `path:line:col`, leaving out what is unknown.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.path.display().to_string(),
            (l, 0) => format!("{}:{l}", self.path.display()),
            (l, c) => format!("{}:{l}:{c}", self.path.display()),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        };
        writeln!(f, "{}: {level}: {}", self.location(), self.message)?;
        if let Some(src) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{gutter} | {src}")?;
            if self.column > 0 {
                // Wide characters take two columns on a terminal.
                let indent: usize = src
                    .chars()
                    .take(self.column as usize - 1)
                    .map(|c| if c.is_ascii() { 1 } else { 2 })
                    .sum();
                writeln!(f, "{pad} | {}^", " ".repeat(indent))?;
            }
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = 修改建议：{hint}")?;
        }
        Ok(())
    }
}

/// Whether any of `diagnostics` is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

/// The candidate nearest to `word` by edit distance, if one is near enough
/// to be a likely typo ("did you mean").
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let keys = ["name", "short", "party_org"];
        assert_eq!(closest("nmae", keys), Some("name"));
        assert_eq!(closest("party-org", keys), Some("party_org"));
        assert_eq!(closest("zzzzzz", keys), None);
    }

    #[test]
    fn prints_location_line_and_caret() {
        let d = Diagnostic::error(Path::new("p.yaml"), 2, 3, "坏了")
            .with_hint("改好")
            .with_source("a: 1\n  名字: 2\n");
        let shown = d.to_string();
        assert!(shown.starts_with("p.yaml:2:3: 错误: 坏了\n"), "{shown}");
        assert!(shown.contains("2 |   名字: 2\n"), "{shown}");
        assert!(shown.contains("  |   ^\n"), "{shown}");
        assert!(shown.contains("修改建议：改好"), "{shown}");
    }
}
