//! Findings about a user's file: what is wrong, where, and how to fix it.
//!
//! `check` and `lint` report these instead of failing on the first problem;
//! they print rustc-style (`path:line:col: message`, the line, a caret) or
//! as JSON.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::printable::{char_width, is_unsafe, printable_lines, push_escaped};

/// `text`, the file at `path` (source `id`), parsed as YAML into `T`, with
/// its problems as diagnostics: an error at every unknown key, with the
/// hint `hint` words from the key, the nearest accepted key and the list
/// of those accepted; and one where the parse stopped, unless an unknown
/// key already stands there. Profiles and genre files alike.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &SourceText,
    id: crate::yaml::SourceId,
    hint: impl Fn(&crate::yaml::UnknownKey, Option<&str>, &str) -> String,
) -> (Option<T>, Vec<Diagnostic>) {
    let parsed = crate::yaml::parse::<T>(text, id);
    let mut diagnostics: Vec<Diagnostic> = parsed
        .unknown_keys
        .iter()
        .map(|k| {
            let near = closest(&k.key, k.expected.iter().copied());
            let hint = hint(k, near, &k.expected.join("、"));
            Diagnostic::error(path, k.line, k.column, format!("未知的键“{}”", k.key))
                .with_hint(hint)
                .with_source(text)
        })
        .collect();
    let value = match parsed.value {
        Ok(v) => Some(v),
        Err(e) => {
            // The unknown key that stopped the parse is already reported.
            if !parsed
                .unknown_keys
                .iter()
                .any(|k| k.line == e.line && k.column == e.column)
            {
                let mut d = Diagnostic::error(path, e.line, e.column, e.message).with_source(text);
                d.hint = e.hint;
                diagnostics.push(d);
            }
            None
        }
    };
    (value, diagnostics)
}

/// How many diagnostics of one file `check`, `render` and the preview show
/// in full; the rest are counted. A file with thousands of problems is not
/// read line by line: the first ones show what is wrong.
pub const SHOWN: usize = 50;

/// A source line up to this many characters is shown whole; a longer one
/// (minified, generated, or a whole list on one line) as a window of
/// [`EXCERPT_CHARS`] characters: from its start when the column is within
/// [`EXCERPT_START`], otherwise from [`EXCERPT_BEFORE`] before the column.
const WHOLE_LINE_CHARS: usize = 160;
const EXCERPT_CHARS: usize = 120;
const EXCERPT_START: usize = 80;
const EXCERPT_BEFORE: usize = 40;

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
    /// The text the problem is in, for the caret display: shared, so a
    /// diagnostic costs the same on a long line as on a short one.
    #[serde(skip)]
    pub source: Option<SourceText>,
}

/// A file's text with the start of each line, shared by every diagnostic
/// pointing into it: finding a line is a lookup, not a scan, so reporting
/// n problems takes time linear in n.
#[derive(Clone)]
pub struct SourceText(Arc<Indexed>);

struct Indexed {
    text: String,
    /// Byte offset of each line's start.
    starts: Vec<usize>,
}

impl SourceText {
    pub fn new(text: String) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceText(Arc::new(Indexed { text, starts }))
    }

    /// Line `number` (1-based), without its line break.
    pub fn line(&self, number: u32) -> Option<&str> {
        let i = (number as usize).checked_sub(1)?;
        let start = *self.0.starts.get(i)?;
        let end = self
            .0
            .starts
            .get(i + 1)
            .map_or(self.0.text.len(), |next| next - 1);
        let line = self.0.text.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

impl std::ops::Deref for SourceText {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0.text
    }
}

impl fmt::Debug for SourceText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SourceText({} bytes)", self.0.text.len())
    }
}

impl PartialEq for SourceText {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.text == other.0.text
    }
}

impl Eq for SourceText {}

/// What is shown of a source line under a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line, or a window of it around the column with … where it was
    /// cut; unsafe characters escaped.
    pub text: String,
    /// How many characters of `text` stand before the caret, when the
    /// column is known; never more than `text` has.
    pub caret: Option<usize>,
}

impl Excerpt {
    /// The part of `line` around 1-based character `column` (0: unknown).
    pub fn new(line: &str, column: u32) -> Excerpt {
        let at = (column as usize).checked_sub(1);
        let whole = line.chars().nth(WHOLE_LINE_CHARS).is_none();
        let (first, most) = match at {
            _ if whole => (0, WHOLE_LINE_CHARS),
            None => (0, EXCERPT_CHARS),
            Some(a) if a < EXCERPT_START => (0, EXCERPT_CHARS),
            Some(a) => (a - EXCERPT_BEFORE, EXCERPT_CHARS),
        };
        let mut chars = line.chars();
        // Skipping is linear in the column, but only shown diagnostics
        // are excerpted, a bounded number.
        if first > 0 && chars.by_ref().take(first).count() < first {
            // The column is well past the line's end: show its start.
            let start = Excerpt::new(line, 0);
            let caret = Some(start.text.chars().count());
            return Excerpt { caret, ..start };
        }
        let mut text = String::new();
        let mut count = 0;
        if first > 0 {
            text.push('…');
            count += 1;
        }
        let mut caret = None;
        for (shown, c) in chars.enumerate() {
            if Some(first + shown) == at {
                caret = Some(count);
            }
            if shown == most {
                text.push('…');
                count += 1;
                break;
            }
            if c != '\t' && is_unsafe(c) {
                let before = text.len();
                push_escaped(&mut text, c);
                count += text.len() - before;
            } else {
                text.push(c);
                count += 1;
            }
        }
        if at.is_some() && caret.is_none() {
            // At or past the end of the line: just after what is shown.
            caret = Some(count);
        }
        Excerpt { text, caret }
    }

    /// What goes before the `^`: a space for each column of the text
    /// before it, and a tab under each tab so the two lines stay aligned
    /// whatever the terminal's tab stops.
    pub fn caret_indent(&self) -> Option<String> {
        let before = self.text.chars().take(self.caret?);
        Some(
            before
                .map(|c| match c {
                    '\t' => "\t".to_owned(),
                    c => " ".repeat(char_width(c)),
                })
                .collect(),
        )
    }
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
            source: None,
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

    /// Attaches the text the problem is in, for the caret display.
    pub fn with_source(mut self, source: &SourceText) -> Self {
        if self.line > 0 {
            self.source = Some(source.clone());
        }
        self
    }

    /// The offending line as shown, with the caret's place.
    pub fn excerpt(&self) -> Option<Excerpt> {
        let line = self.source.as_ref()?.line(self.line)?;
        Some(Excerpt::new(line, self.column))
    }

    /// `path:line:col`, leaving out what is unknown.
    pub fn location(&self) -> String {
        let path = self.path.display().to_string();
        let path = printable_lines(&path);
        match (self.line, self.column) {
            (0, _) => path.into_owned(),
            (l, 0) => format!("{path}:{l}"),
            (l, c) => format!("{path}:{l}:{c}"),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        };
        let message = printable_lines(&self.message);
        writeln!(f, "{}: {level}: {message}", self.location())?;
        if let Some(excerpt) = self.excerpt() {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{gutter} | {}", excerpt.text)?;
            if let Some(indent) = excerpt.caret_indent() {
                writeln!(f, "{pad} | {indent}^")?;
            }
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = 修改建议：{}", printable_lines(hint))?;
        }
        Ok(())
    }
}

/// `diagnostics` as the terminal and the preview show them: the first
/// [`SHOWN`] in full, then how many more there are.
pub fn shown(diagnostics: &[Diagnostic]) -> String {
    let mut out: String = diagnostics
        .iter()
        .take(SHOWN)
        .map(ToString::to_string)
        .collect();
    let rest = &diagnostics[diagnostics.len().min(SHOWN)..];
    if !rest.is_empty() {
        let errors = rest
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let kinds = match (errors, rest.len() - errors) {
            (_, 0) => format!("{errors} 处错误"),
            (0, w) => format!("{w} 处提醒"),
            (e, w) => format!("{e} 处错误、{w} 处提醒"),
        };
        out.push_str(&format!(
            "……另有 {kinds}未列出：先改正上面这些，再检查一遍\n"
        ));
    }
    out
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

    /// The character under the caret.
    fn under_caret(e: &Excerpt) -> Option<char> {
        e.text.chars().nth(e.caret?)
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_column() {
        let line: String = (0..100_000)
            .map(|i| if i % 2 == 0 { '甲' } else { 'b' })
            .collect();
        let e = Excerpt::new(&line, 50_001);
        assert!(
            e.text.starts_with('…') && e.text.ends_with('…'),
            "{}",
            e.text
        );
        assert!(e.text.chars().count() <= EXCERPT_CHARS + 6);
        // Character 50,001 (index 50,000, even) is 甲, under the caret.
        assert_eq!(under_caret(&e), Some('甲'), "{e:?}");
        assert_eq!(e.caret_indent().unwrap().len(), 2 + 40 / 2 * 3);

        let short = Excerpt::new("a: 值", 4);
        assert_eq!(
            short,
            Excerpt {
                text: "a: 值".to_owned(),
                caret: Some(3)
            }
        );
        assert_eq!(short.caret_indent().unwrap(), "   ");
        let tabbed = Excerpt::new("\t名: 值", 2);
        assert_eq!(tabbed.caret_indent().unwrap(), "\t");
    }

    #[test]
    fn a_column_past_the_end_puts_the_caret_after_the_line() {
        assert_eq!(Excerpt::new("ab", 3).caret, Some(2));
        let far = Excerpt::new("ab", 500);
        assert_eq!(
            far,
            Excerpt {
                text: "ab".to_owned(),
                caret: Some(2)
            }
        );
        assert_eq!(Excerpt::new("ab", 0).caret, None);
    }

    #[test]
    fn control_characters_are_escaped_and_the_caret_follows() {
        let e = Excerpt::new("k: \u{1b}[2J值", 8);
        assert_eq!(e.text, "k: \\u{1b}[2J值");
        assert_eq!(under_caret(&e), Some('值'));
        let d = Diagnostic::error(Path::new("p\u{1b}.yaml"), 1, 4, "“\u{1b}[2J”不对")
            .with_hint("删掉\u{7}")
            .with_source(&SourceText::new("k: \u{1b}[2J\n".to_owned()));
        let shown = d.to_string();
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown}"
        );
        assert!(shown.contains("p\\u{1b}.yaml:1:4"), "{shown}");
    }

    #[test]
    fn lines_are_found_by_number() {
        let s = SourceText::new("a\r\nb\n\nc".to_owned());
        assert_eq!(s.line(1), Some("a"));
        assert_eq!(s.line(2), Some("b"));
        assert_eq!(s.line(3), Some(""));
        assert_eq!(s.line(4), Some("c"));
        assert_eq!(s.line(5), None);
        assert_eq!(s.line(0), None);
    }

    #[test]
    fn only_the_first_diagnostics_are_shown() {
        let source = SourceText::new("x\n".repeat(200));
        let many: Vec<Diagnostic> = (1..=200)
            .map(|l| {
                let d = Diagnostic::error(Path::new("p"), l, 1, "坏").with_source(&source);
                if l % 2 == 0 {
                    Diagnostic {
                        severity: Severity::Warning,
                        ..d
                    }
                } else {
                    d
                }
            })
            .collect();
        let out = shown(&many);
        assert_eq!(out.lines().filter(|l| l.starts_with("p:")).count(), SHOWN);
        assert!(
            out.ends_with("……另有 75 处错误、75 处提醒未列出：先改正上面这些，再检查一遍\n"),
            "{out}"
        );
        assert_eq!(
            shown(&many[..3])
                .lines()
                .filter(|l| l.starts_with("p:"))
                .count(),
            3
        );
    }

    #[test]
    fn prints_location_line_and_caret() {
        let d = Diagnostic::error(Path::new("p.yaml"), 2, 3, "坏了")
            .with_hint("改好")
            .with_source(&SourceText::new("a: 1\n  名字: 2\n".to_owned()));
        let shown = d.to_string();
        assert!(shown.starts_with("p.yaml:2:3: 错误: 坏了\n"), "{shown}");
        assert!(shown.contains("2 |   名字: 2\n"), "{shown}");
        assert!(shown.contains("  |   ^\n"), "{shown}");
        assert!(shown.contains("修改建议：改好"), "{shown}");
    }
}
