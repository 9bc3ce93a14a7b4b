//! A draft read as lines of text a reader sees, each character remembering
//! its column in the file, so a finding points at the exact place.
//!
//! Plain text is taken as it is. Markdown (bigan's drafts, see
//! docs/templates.md) is read with the parser and options of
//! [`crate::output::blocks`], so lint sees exactly the text the HTML, text
//! and DOCX outputs show (a `*` that does not make emphasis stays visible),
//! while keeping the positions the block reader drops. A Word document or
//! a web page comes as blocks already read ([`crate::input`]).

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::output::blocks;

/// One line of the draft as a reader sees it.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the file.
    pub number: u32,
    /// The line as the file has it.
    pub raw: String,
    /// The visible text.
    pub chars: Vec<char>,
    /// For each of `chars`, its 1-based column (in characters) in `raw`;
    /// empty when character `i` stands at column `i + 1` (plain text), to
    /// spare four bytes a character. Read it through [`Line::column`].
    pub columns: Vec<u32>,
    /// `Some(level)` for a Markdown heading (`#` is 1).
    pub heading: Option<u8>,
}

impl Line {
    /// The visible text as a string.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The column in the file of visible character `i` (past the end: one
    /// after the last character).
    pub fn column(&self, i: usize) -> u32 {
        if self.columns.is_empty() {
            return u32::try_from(i.min(self.chars.len()) + 1).unwrap_or(u32::MAX);
        }
        match self.columns.get(i) {
            Some(&c) => c,
            None => self.columns.last().map_or(1, |c| c + 1),
        }
    }

    /// Whether the line has no visible text.
    pub fn is_blank(&self) -> bool {
        self.chars.iter().all(|c| c.is_whitespace())
    }

    /// Index of the first visible character that is not white space.
    pub fn indent(&self) -> usize {
        self.chars
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(self.chars.len())
    }
}

/// A whole draft.
#[derive(Debug, Clone)]
pub struct Source {
    /// The lines with visible text, and the headings, in order. A blank
    /// line has no entry (5 MB of line breaks is no reason for millions of
    /// them): [`Line::number`] says where each line stands.
    pub lines: Vec<Line>,
    pub markdown: bool,
}

impl Source {
    /// Reads `text`; `path` decides Markdown (`.md`, `.markdown`) unless the
    /// text itself has Markdown headings.
    pub fn new(path: &Path, text: &str) -> Source {
        let by_name = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        let markdown = by_name || looks_like_markdown(text);
        Source::with_mode(text, markdown)
    }

    /// The blocks a DOCX or HTML reader found, each a line (several may
    /// share a line number in a page's source).
    pub fn from_blocks(blocks: &[crate::input::Block]) -> Source {
        let lines = blocks
            .iter()
            .map(|b| Line {
                number: b.line,
                raw: b.text(),
                chars: b.chars.clone(),
                columns: b.columns.clone(),
                heading: b.heading,
            })
            .collect();
        Source {
            lines,
            markdown: false,
        }
    }

    /// Reads `text` as Markdown or as plain text.
    pub fn with_mode(text: &str, markdown: bool) -> Source {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines = if markdown {
            markdown_lines(text)
        } else {
            text.lines()
                .enumerate()
                .filter(|(_, raw)| !raw.trim().is_empty())
                .map(|(i, raw)| plain_line(number(i), raw.trim_end_matches('\r')))
                .collect()
        };
        Source { lines, markdown }
    }
}

fn number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// Whether plain-looking text is in fact Markdown: it has ATX headings.
fn looks_like_markdown(text: &str) -> bool {
    text.lines().any(|l| {
        let hashes = l.chars().take_while(|&c| c == '#').count();
        (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
    })
}

fn plain_line(number: u32, raw: &str) -> Line {
    Line {
        number,
        raw: raw.to_owned(),
        chars: raw.chars().collect(),
        columns: Vec::new(),
        heading: None,
    }
}

/// Markdown read with the same parser and options as
/// [`crate::output::blocks`]: the text events, each character placed at
/// its line and column. An ordered-list number (`1. `) is kept as text,
/// since for a draft it is a level-3 marker.
///
/// One pass over the parser's events, and so one long function: the
/// closures that find a line, place a column and record a character share
/// the text's line starts and the last position, which split apart would
/// be passed around together anyway.
fn markdown_lines(text: &str) -> Vec<Line> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    // Only the lines that get text or a heading, in order of number.
    let mut lines: Vec<Line> = Vec::new();
    let line_at = |lines: &mut Vec<Line>, index: usize| -> Option<usize> {
        let number = number(index);
        if lines.last().is_some_and(|l| l.number == number) {
            return Some(lines.len() - 1);
        }
        match lines.binary_search_by_key(&number, |l| l.number) {
            Ok(at) => Some(at),
            Err(at) => {
                let start = *starts.get(index)?;
                let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
                if start > end || (start == text.len() && index > 0) {
                    return None;
                }
                let raw = text.get(start..end)?.trim_end_matches('\r');
                lines.insert(
                    at,
                    Line {
                        number,
                        raw: raw.to_owned(),
                        chars: Vec::new(),
                        columns: Vec::new(),
                        heading: None,
                    },
                );
                Some(at)
            }
        }
    };
    // Events come in order along the text: the column is counted on from
    // the previous event's when it is on the same line, so a line of many
    // events is not recounted from its start for each.
    let last = std::cell::Cell::new((0usize, 0usize, 1u32));
    let locate = |byte: usize| -> (usize, u32) {
        let line = starts.partition_point(|&s| s <= byte).saturating_sub(1);
        let (last_byte, last_line, last_col) = last.get();
        let (from, col) = if last_line == line && last_byte <= byte {
            (last_byte, last_col)
        } else {
            (starts[line], 1)
        };
        let col = col + text.get(from..byte).map_or(0, |s| s.chars().count()) as u32;
        last.set((byte, line, col));
        (line, col)
    };
    let place = |lines: &mut Vec<Line>, shown: &str, range: std::ops::Range<usize>| {
        let slice = &text[range.clone()];
        // Escapes and entities: the text shown is the end of the source.
        let from = if slice == shown || !slice.ends_with(shown) {
            range.start
        } else {
            range.end - shown.len()
        };
        let (mut line, mut col) = locate(from);
        let exact = slice == shown || slice.ends_with(shown);
        for c in shown.chars() {
            if c == '\n' {
                line += 1;
                col = 1;
                continue;
            }
            if let Some(at) = line_at(lines, line) {
                lines[at].chars.push(c);
                lines[at].columns.push(col);
            }
            if exact {
                col += 1;
            }
        }
    };
    let mut in_code = false;
    let mut ordered: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(text, blocks::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::List(first)) => ordered.push(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                ordered.pop();
            }
            Event::Start(Tag::Item) if ordered.last() == Some(&true) => {
                let marker: String = text[range.start..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ')'))
                    .collect();
                let end = range.start + marker.len();
                place(&mut lines, &marker, range.start..end);
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let (line, _) = locate(range.start);
                if let Some(at) = line_at(&mut lines, line) {
                    lines[at].heading = Some(match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        HeadingLevel::H5 => 5,
                        HeadingLevel::H6 => 6,
                    });
                }
            }
            Event::Html(t) | Event::InlineHtml(t) if t.trim_start().starts_with("<!--") => {}
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) if !in_code => {
                place(&mut lines, &t, range);
            }
            _ => {}
        }
    }
    lines.retain(|l| l.heading.is_some() || !l.is_blank());
    lines
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    fn md(text: &str) -> Source {
        Source::with_mode(text, true)
    }

    /// The line numbered `n` (1-based).
    fn line(s: &Source, n: u32) -> &Line {
        s.lines.iter().find(|l| l.number == n).unwrap()
    }

    #[test]
    fn markdown_marks_are_not_text_but_columns_are_kept() {
        let s = md(
            "## 一、加强领导\n\n*（一）明确责任*。正文\n\n1\\. 第三层\n\n#### （2010年5月20日） {.byline}\n",
        );
        assert_eq!(line(&s, 1).text(), "一、加强领导");
        assert_eq!(line(&s, 1).heading, Some(2));
        assert_eq!(line(&s, 1).column(0), 4);
        assert_eq!(line(&s, 3).text(), "（一）明确责任。正文");
        assert_eq!(line(&s, 3).column(0), 2);
        assert_eq!(line(&s, 5).text(), "1. 第三层");
        assert_eq!(line(&s, 5).column(1), 3);
        assert_eq!(line(&s, 7).text(), "（2010年5月20日）");
        // Blank lines have no entry.
        assert_eq!(s.lines.len(), 4);
    }

    #[test]
    fn an_unpaired_star_is_text() {
        let s = md("我们**认识到\n");
        assert_eq!(s.lines[0].text(), "我们**认识到");
        let s = md("**第一，要重视**。正文\n");
        assert_eq!(s.lines[0].text(), "第一，要重视。正文");
        // CommonMark: a closing mark after 。 and before text is literal.
        let s = md("**第一，要重视。**正文\n");
        assert_eq!(s.lines[0].text(), "**第一，要重视。**正文");
    }

    #[test]
    fn ordered_list_numbers_stay_markers() {
        let s = md("- 列表\n\n2. 有序\n");
        assert_eq!(line(&s, 1).text(), "列表");
        assert_eq!(line(&s, 3).text(), "2.有序");
        assert_eq!(line(&s, 3).column(2), 4);
    }

    #[test]
    fn plain_text_is_taken_as_it_is() {
        let s = Source::with_mode("## 不是标题 *x*\n\n  \n第四行\r\n", false);
        assert_eq!(s.lines[0].text(), "## 不是标题 *x*");
        assert_eq!(
            (s.lines[1].number, s.lines[1].text()),
            (4, "第四行".to_owned())
        );
        assert_eq!(s.lines[1].column(2), 3);
        assert_eq!(s.lines.len(), 2);
        assert!(Source::new(Path::new("a.txt"), "# 标题\n").markdown);
    }

    /// Each line's number, visible text and columns.
    fn placed(s: &Source) -> Vec<(u32, String, Vec<u32>)> {
        s.lines
            .iter()
            .map(|l| {
                (
                    l.number,
                    l.text(),
                    (0..l.chars.len()).map(|i| l.column(i)).collect(),
                )
            })
            .collect()
    }

    fn row(n: u32, text: &str, columns: &[u32]) -> (u32, String, Vec<u32>) {
        (n, text.to_owned(), columns.to_vec())
    }

    #[test]
    fn entities_and_escapes_point_at_their_source() {
        assert_eq!(
            placed(&md("甲&amp;乙 \\*丙\n")),
            [row(1, "甲&乙 *丙", &[1, 2, 7, 8, 10, 11])]
        );
        assert_eq!(
            placed(&md("正文&#x4e00;乙\n")),
            [row(1, "正文一乙", &[1, 2, 3, 11])]
        );
        // An entity shown as its own last character (&#59; is ;) points
        // at that character.
        assert_eq!(placed(&md("甲&#59;乙\n")), [row(1, "甲;乙", &[1, 6, 7])]);
        // A code span's text is not where it stands in the source: each
        // of its characters points at the span.
        assert_eq!(
            placed(&md("甲`代码`乙\n")),
            [row(1, "甲代码乙", &[1, 2, 2, 6])]
        );
    }

    #[test]
    fn code_blocks_and_comments_are_not_text() {
        assert_eq!(
            placed(&md("```\n代码\n```\n正文\n")),
            [row(4, "正文", &[1, 2])]
        );
        assert_eq!(
            placed(&md("甲\n\n    代码\n\n乙\n")),
            [row(1, "甲", &[1]), row(5, "乙", &[1])]
        );
        assert_eq!(
            placed(&md("<!-- 注释 -->\n正文<!-- x -->乙\n")),
            [row(2, "正文乙", &[1, 2, 13])]
        );
        // Other HTML is shown as text, line by line.
        assert_eq!(
            placed(&md("<div>\n块\n</div>\n")),
            [
                row(1, "<div>", &[1, 2, 3, 4, 5]),
                row(2, "块", &[1]),
                row(3, "</div>", &[1, 2, 3, 4, 5, 6])
            ]
        );
        assert_eq!(
            placed(&md("甲<span\nclass=x>乙\n")),
            [
                row(1, "甲<span", &[1, 2, 3, 4, 5, 6]),
                row(2, "class=x>乙", &[1, 2, 3, 4, 5, 6, 7, 8, 9])
            ]
        );
    }

    #[test]
    fn list_numbers_and_nested_lists() {
        assert_eq!(
            placed(&md("1) 甲\n2) 乙\n")),
            [row(1, "1)甲", &[1, 2, 4]), row(2, "2)乙", &[1, 2, 4])]
        );
        // A bullet list inside a numbered one has no numbers, and the
        // numbered list goes on after it.
        assert_eq!(
            placed(&md("1. 甲\n   - 乙\n2. 丙\n")),
            [
                row(1, "1.甲", &[1, 2, 4]),
                row(2, "乙", &[6]),
                row(3, "2.丙", &[1, 2, 4])
            ]
        );
        assert_eq!(
            placed(&md("- 甲\n  1. 乙\n")),
            [row(1, "甲", &[3]), row(2, "1.乙", &[3, 4, 6])]
        );
        assert_eq!(
            placed(&md("1. 甲\n\n   乙\n")),
            [row(1, "1.甲", &[1, 2, 4]), row(3, "乙", &[4])]
        );
    }

    #[test]
    fn every_heading_level_and_an_empty_heading() {
        let s = md("# 一\n## 二\n### 三\n#### 四\n##### 五\n###### 六\n#\n");
        let levels: Vec<_> = s.lines.iter().map(|l| (l.number, l.heading)).collect();
        assert_eq!(
            levels,
            (1..=7u32)
                .map(|n| (n, Some(if n == 7 { 1 } else { n as u8 })))
                .collect::<Vec<_>>()
        );
        assert_eq!(line(&s, 6).column(0), 8);
        assert_eq!(line(&s, 7).text(), "");
    }

    #[test]
    fn line_ends_a_bom_and_a_last_line_without_a_break() {
        assert_eq!(
            placed(&md("\u{feff}第一行\n第二行\r\n第三行")),
            [
                row(1, "第一行", &[1, 2, 3]),
                row(2, "第二行", &[1, 2, 3]),
                row(3, "第三行", &[1, 2, 3])
            ]
        );
        assert_eq!(md("甲\r\n乙\n").lines[0].raw, "甲");
        assert_eq!(
            placed(&md("甲  \n乙\n")),
            [row(1, "甲", &[1]), row(2, "乙", &[1])]
        );
        assert_eq!(
            placed(&md("**甲\n乙**丙\n")),
            [row(1, "甲", &[3]), row(2, "乙丙", &[1, 4])]
        );
        let s = Source::with_mode("\u{feff}甲\n", false);
        assert_eq!(s.lines[0].text(), "甲");
    }

    #[test]
    fn columns_past_the_end_and_the_indent() {
        let s = md("甲&amp;乙\n");
        let l = &s.lines[0];
        assert_eq!(l.column(2), 7);
        assert_eq!(l.column(3), 8);
        assert_eq!(l.column(30), 8);
        let s = Source::with_mode("　　正文\n", false);
        let l = &s.lines[0];
        assert_eq!(
            (l.column(0), l.column(3), l.column(4), l.column(9)),
            (1, 4, 5, 5)
        );
        assert_eq!(l.indent(), 2);
        assert!(!l.is_blank());
        let s = md("# \n");
        assert!(s.lines[0].is_blank());
        assert_eq!(s.lines[0].indent(), 0);
        assert_eq!(s.lines[0].column(0), 1);
    }

    #[test]
    fn markdown_is_told_by_name_or_by_headings() {
        assert!(Source::new(Path::new("a.MD"), "正文\n").markdown);
        assert!(Source::new(Path::new("a.markdown"), "正文\n").markdown);
        assert!(!Source::new(Path::new("a.txt"), "正文\n").markdown);
        assert!(Source::new(Path::new("a"), "正文\n###### 六\n").markdown);
        assert!(!Source::new(Path::new("a"), "####### 七\n").markdown);
        assert!(!Source::new(Path::new("a"), "#标题\n").markdown);
        assert!(!Source::new(Path::new("a"), "正文 # 不是\n").markdown);
    }

    #[test]
    fn blocks_keep_their_lines_and_columns() {
        let blocks = [
            crate::input::Block {
                line: 3,
                chars: "标题".chars().collect(),
                columns: vec![5, 6],
                heading: Some(1),
            },
            crate::input::Block {
                line: 3,
                chars: "正文".chars().collect(),
                columns: vec![12, 13],
                heading: None,
            },
        ];
        let s = Source::from_blocks(&blocks);
        assert!(!s.markdown);
        assert_eq!(
            placed(&s),
            [row(3, "标题", &[5, 6]), row(3, "正文", &[12, 13])]
        );
        assert_eq!(
            (s.lines[0].heading, s.lines[0].raw.as_str()),
            (Some(1), "标题")
        );
        assert_eq!(s.lines[1].column(2), 14);
    }

    #[test]
    fn agrees_with_the_block_reader_on_a_draft() {
        let draft = "# 在动员大会上的讲话\n\n#### （2010年5月20日） {.byline}\n\n同志们：\n\n## 一、提高认识\n\n**第一，这是需要**。正文一。\n\n### （一）明确责任\n\n*（二）加强督查*。正文二。\n\n1\\. 第三层。\n";
        let ours: Vec<String> = md(draft)
            .lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(Line::text)
            .collect();
        let theirs: Vec<String> = blocks::parse(draft)
            .iter()
            .map(blocks::Block::text)
            .collect();
        assert_eq!(ours, theirs);
    }
}
