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
    fn x_runs_stand_alone_and_take_their_year_digits() {
        assert_eq!(found("xX、Xx年"), ["xX", "Xx"]);
        assert_eq!(found("第xxx条、2025xx号、xx1"), ["xxx", "2025xx", "xx"]);
        assert_eq!(found("x光、abxx、xxa、x"), Vec::<String>::new());
        // After a Latin word's x, the next x run is still looked at.
        assert_eq!(found("max xx"), ["xx"]);
    }

    #[test]
    fn repeated_marks_and_the_year_zero() {
        assert_eq!(
            found("□□、○○、ＸＸ、＊＊、✕✕"),
            ["□□", "○○", "ＸＸ", "＊＊", "✕✕"]
        );
        assert_eq!(found("×、□、*、__、某"), Vec::<String>::new());
        assert_eq!(found("〇〇、〇○"), ["〇〇", "〇○"]);
        for year in ["二〇〇八年", "〇〇八", "二〇〇"] {
            assert_eq!(found(year), Vec::<String>::new(), "{year}");
        }
        assert_eq!(
            found("**、___、＿＿＿、某某某"),
            ["**", "___", "＿＿＿", "某某某"]
        );
    }

    #[test]
    fn template_tags_and_their_ends() {
        assert_eq!(found("致{{ 名称"), ["{{"]);
        assert_eq!(found("{% if x %}甲"), ["{% if x %}"]);
        assert_eq!(found("{甲}、{ 乙 }"), Vec::<String>::new());
        assert_eq!(found("}}开头"), ["}}"]);
        assert_eq!(found("甲{{a}}乙{{b}}"), ["{{a}}", "{{b}}"]);
    }

    #[test]
    fn blanks_in_brackets_of_each_kind() {
        assert_eq!(found("( )、[ ]、（__）"), ["( )", "[ ]", "（__）"]);
        // Empty round or square brackets are not a blank; 【】 is.
        assert_eq!(found("（）、()、[]"), Vec::<String>::new());
        // Each opening bracket looks for its own closing one.
        assert_eq!(found("（ )、( ］、[ ）、【 ］"), Vec::<String>::new());
        assert_eq!(
            found("（待填）（请填写姓名）"),
            ["（待填）", "（请填写姓名）"]
        );
        assert_eq!(found("（甲（ ）乙）"), ["（ ）"]);
        let blank = |n: usize| format!("（{}）", " ".repeat(n));
        assert_eq!(found(&blank(40)), [blank(40)]);
        assert_eq!(found(&blank(41)), Vec::<String>::new());
        assert_eq!(found("名称请填写，（请填写）"), ["请填写", "（请填写）"]);
        assert_eq!(found("请填"), Vec::<String>::new());
    }

    #[test]
    fn leaves_real_text_alone() {
        assert!(found("Linux 和 Exxon、x光、二〇一〇年").is_empty());
        assert!(found("（一）加强领导【重点】").is_empty());
    }

    fn said(text: &str) -> Vec<(&'static str, u32, String, String)> {
        let only = crate::lint::Selection::new(&["placeholder".into(), "markup".into()], &[])
            .unwrap_or_default();
        crate::lint::check(std::path::Path::new("a.md"), text, &only)
            .into_iter()
            .map(|f| {
                let d = f.diagnostic;
                (f.rule.id, d.column, d.message, d.hint.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn a_finding_names_the_placeholder_and_import_blanks_say_where_from() {
        let f = said("单位：（请填写单位名称），日期：20xx年\n");
        assert_eq!(
            f.iter()
                .map(|(id, col, m, _)| (*id, *col, m.as_str()))
                .collect::<Vec<_>>(),
            [
                ("placeholder", 4, "残留占位符“（请填写单位名称）”"),
                ("placeholder", 17, "残留占位符“20xx”"),
            ]
        );
        assert!(f[0].3.contains("bigan import"), "{f:?}");
        assert_eq!(f[1].3, "换成实际内容");
    }

    #[test]
    fn stars_left_by_failed_emphasis_are_one_markup_finding() {
        let f = said("**第一，要重视。**正文\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1), ("markup.emphasis", 1));
        assert_eq!(f[0].2, "星号没有成为楷体或粗体标记，会原样印出来");
        let f = said("正文*第一，要重视。*正文\n");
        assert_eq!((f.len(), f[0].0, f[0].1), (1, "markup.emphasis", 3));
        // One run of stars is a placeholder, not failed emphasis.
        let f = said("正文 ** 正文\n");
        assert_eq!(
            f.iter()
                .map(|(id, col, ..)| (*id, *col))
                .collect::<Vec<_>>(),
            [("placeholder", 4)]
        );
        // Escaped stars are meant as stars: not failed emphasis, though
        // two of them are still a placeholder.
        let f = said("正文\\*\\*甲。\\*\\*乙\n");
        assert_eq!(
            f.iter()
                .map(|(id, col, ..)| (*id, *col))
                .collect::<Vec<_>>(),
            [("placeholder", 4), ("placeholder", 10)]
        );
        // Stars in plain text are placeholders.
        let only = crate::lint::Selection::new(&["placeholder".into(), "markup".into()], &[])
            .unwrap_or_default();
        let f = crate::lint::check(std::path::Path::new("a.txt"), "**甲。**乙\n", &only);
        let ids: Vec<_> = f.iter().map(|f| f.rule.id).collect();
        assert_eq!(ids, ["placeholder", "placeholder"]);
    }
}
