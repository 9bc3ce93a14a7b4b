//! Placeholders left in a draft: xx, XX, 20xx, ××, ***, 某某, {{ }}, 【】 and
//! （  ） blanks, ____, and what `bigan import` asks the user to fill in
//! (“请填写”). A finished draft has none.

use super::source::Line;
use super::{Draft, Finding, MARKUP_EMPHASIS, PLACEHOLDER};
use crate::text::scan::Forward;

/// A placeholder found in a line: where it starts, how long it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hole {
    pub start: usize,
    pub end: usize,
}

/// The most characters between brackets that can still be a blank to fill
/// in (（请填写单位名称） is a dozen).
const MAX_BLANK: usize = 40;

fn run(chars: &[char], at: usize, pred: impl Fn(char) -> bool) -> usize {
    chars[at..].iter().take_while(|c| pred(**c)).count()
}

/// Every placeholder in `chars`.
pub fn holes(chars: &[char]) -> Vec<Hole> {
    let mut out = Vec::new();
    // Where each closing mark next stands: asked at every opening mark.
    let mut template_end = Forward::new(chars, |c: &[char], k| {
        matches!(c[k], '}' | '%') && c.get(k + 1) == Some(&'}')
    });
    let mut closing =
        ['】', '）', ')', ']'].map(|close| Forward::new(chars, move |c: &[char], k| c[k] == close));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        // xx, XX, 20xx: not inside a Latin word.
        if matches!(c, 'x' | 'X') && !prev.is_some_and(|p| p.is_ascii_alphabetic()) {
            let n = run(chars, i, |c| matches!(c, 'x' | 'X'));
            let after = chars.get(i + n);
            if n >= 2 && !after.is_some_and(|a| a.is_ascii_alphabetic()) {
                let digits = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                i = push(&mut out, i - digits, i + n);
                continue;
            }
            i += n;
            continue;
        }
        let repeated = |i: usize, set: &[char], min: usize| {
            let n = run(chars, i, |c| set.contains(&c));
            (n >= min).then_some(n)
        };
        if let Some(n) = repeated(i, &['×', 'Ｘ', 'ｘ', '✕', '＊', '○', '□', '〇'], 2) {
            // 二〇一〇 is a year, not a blank.
            let numeral = chars[i..i + n].iter().all(|c| *c == '〇')
                && (prev.is_some_and(is_year_digit)
                    || chars.get(i + n).is_some_and(|c| is_year_digit(*c)));
            if !numeral {
                i = push(&mut out, i, i + n);
                continue;
            }
            i += n;
            continue;
        }
        if let Some(n) = repeated(i, &['*'], 2) {
            i = push(&mut out, i, i + n);
            continue;
        }
        if let Some(n) = repeated(i, &['_', '＿'], 3) {
            i = push(&mut out, i, i + n);
            continue;
        }
        if let Some(n) = repeated(i, &['某'], 2) {
            i = push(&mut out, i, i + n);
            continue;
        }
        if c == '{' && matches!(chars.get(i + 1), Some('{' | '%')) {
            let close = template_end.from(i + 2).map_or(2, |k| k + 2 - i);
            i = push(&mut out, i, i + close);
            continue;
        }
        // A stray }} left of a template tag: the two braces (the hole
        // used to run one past them, out of a line ending in }}).
        if c == '}' && prev == Some('}') {
            i = push(&mut out, i - 1, i + 1);
            continue;
        }
        if matches!(c, '【' | '（' | '(' | '[') {
            let close = match c {
                '【' => 0,
                '（' => 1,
                '(' => 2,
                _ => 3,
            };
            // A blank to fill in is short; a long bracketed passage is text.
            let len = closing[close].from(i + 1).map(|k| k - i - 1);
            if let Some(len) = len.filter(|&len| len <= MAX_BLANK) {
                let inside: String = chars[i + 1..i + 1 + len].iter().collect();
                let blank = inside
                    .chars()
                    .all(|c| c.is_whitespace() || c == '_' || c == '＿');
                let blank = blank && (c == '【' || !inside.is_empty());
                if blank || inside.contains("请填写") || inside.contains("待填") {
                    i = push(&mut out, i, i + len + 2);
                    continue;
                }
            }
        }
        if c == '请' && chars[i..].starts_with(&['请', '填', '写']) {
            i = push(&mut out, i, i + 3);
            continue;
        }
        i += 1;
    }
    out
}

fn push(out: &mut Vec<Hole>, start: usize, end: usize) -> usize {
    out.push(Hole { start, end });
    end
}

fn is_year_digit(c: char) -> bool {
    crate::zh::year_digit(c).is_some()
}

/// Runs of `*` the Markdown parser left as text (not escaped `\*`):
/// (start, end) in the visible text.
fn stars(line: &Line) -> Vec<(usize, usize)> {
    let raw: Vec<char> = line.raw.chars().collect();
    let escaped = |i: usize| {
        let col = line.column(i) as usize;
        col >= 2 && raw.get(col - 2) == Some(&'\\')
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.chars.len() {
        if line.chars[i] == '*' && !escaped(i) {
            let n = line.chars[i..].iter().take_while(|c| **c == '*').count();
            out.push((i, i + n));
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

pub(crate) fn check(draft: &Draft<'_>, out: &mut Vec<Finding>) {
    for (index, line) in draft.source.lines.iter().enumerate() {
        // Marks in pairs that the parser left as text: emphasis that failed.
        let failed = if draft.source.markdown {
            let runs = stars(line);
            if runs.len() >= 2 {
                out.push(draft.finding(
                    &MARKUP_EMPHASIS,
                    index,
                    runs[0].0,
                    "星号没有成为楷体或粗体标记，会原样印出来",
                    "结束的 * 或 ** 紧跟在句末标点之后、后面又接着文字时不生效（CommonMark 规则）：\
                     把它移到标点之前，如 *（一）明确领导责任*。正文",
                ));
                runs
            } else {
                Vec::new()
            }
        } else {
            Vec::new()
        };
        for h in holes(&line.chars) {
            // Both in order along the line.
            if failed.binary_search_by_key(&h.start, |&(s, _)| s).is_ok() {
                continue;
            }
            let text: String = line.chars[h.start..h.end].iter().collect();
            let hint = if text.contains("请填写") {
                "换成实际内容；这是 bigan import 留下的待填项，在配置文件里改好后重新生成"
            } else {
                "换成实际内容"
            };
            out.push(draft.finding(
                &PLACEHOLDER,
                index,
                h.start,
                format!("残留占位符“{text}”"),
                hint,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        holes(&chars)
            .into_iter()
            .map(|h| chars[h.start..h.end].iter().collect())
            .collect()
    }

    #[test]
    fn finds_each_kind_of_placeholder() {
        assert_eq!(found("xx县20xx年"), ["xx", "20xx"]);
        assert_eq!(found("××同志，***单位，某某局"), ["××", "***", "某某"]);
        assert_eq!(found("致{{ org.name }}全体"), ["{{ org.name }}"]);
        assert_eq!(found("名称}}"), ["}}"]);
        assert_eq!(found("}}x{%"), ["}}", "{%"]);
        assert_eq!(
            found("【  】和【】，（　　）"),
            ["【  】", "【】", "（　　）"]
        );
        assert_eq!(found("单位：（请填写单位名称）"), ["（请填写单位名称）"]);
        assert_eq!(found("签名：_____"), ["_____"]);
    }

    #[test]
    fn leaves_real_text_alone() {
        assert!(found("Linux 和 Exxon、x光、二〇一〇年").is_empty());
        assert!(found("（一）加强领导【重点】").is_empty());
    }
}
