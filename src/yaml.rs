//! The one module that names the YAML crate (serde-saphyr).
//!
//! It parses one file into a serde type, records where every [`Located`]
//! value stood, collects *every* unknown key rather than stopping at the
//! first, and turns the parser's errors into located Chinese messages.

use std::cell::Cell;

use serde::de::{Deserialize, DeserializeOwned, Deserializer};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error, Options};

/// Which loaded file a position is in (an index the caller keeps).
pub type SourceId = u32;

/// A position in a loaded file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pos {
    pub source: SourceId,
    pub line: u32,
    pub column: u32,
}

/// A value with the position it was written at.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Located<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        Located { value, pos }
    }
}

thread_local! {
    // serde gives a Deserialize impl no way to receive context, and a
    // position is useless without its file; the file being parsed is set
    // here for the duration of one `parse` call.
    static CURRENT_SOURCE: Cell<SourceId> = const { Cell::new(0) };
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        let at = spanned.referenced;
        Ok(Located {
            value: spanned.value,
            pos: Pos {
                source: CURRENT_SOURCE.get(),
                line: clamp(at.line()),
                column: clamp(at.column()),
            },
        })
    }
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A key the schema does not know, with the keys it would have accepted.
#[derive(Debug, Clone)]
pub struct UnknownKey {
    pub key: String,
    pub expected: Vec<&'static str>,
    pub line: u32,
    pub column: u32,
}

/// A file that could not be read as the expected YAML.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub line: u32,
    pub column: u32,
    /// What is wrong, in Chinese.
    pub message: String,
    pub hint: Option<String>,
}

/// What parsing one file gave: the value if the file could be read, and
/// every unknown key found on the way.
#[derive(Debug)]
pub struct Parsed<T> {
    pub value: Result<T, YamlError>,
    pub unknown_keys: Vec<UnknownKey>,
}

/// The deepest nesting a profile may have; real profiles use five levels.
const MAX_DEPTH: usize = 64;
/// How many alias references one file may hold; a profile needs a handful.
const MAX_ALIASES: usize = 256;
/// How many nodes one file may hold (a 10,000-unit profile is far below).
const MAX_NODES: usize = 200_000;
/// How many unknown keys are collected before giving up.
const MAX_UNKNOWN: usize = 50;

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_nodes = MAX_NODES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.with_snippet = false;
    options
}

/// Parses `text` (the file `source`) into `T`.
///
/// Unknown keys do not stop the parse: each one is recorded, blanked out of
/// a working copy of the text (keeping every line where it was) and the
/// parse is tried again, so one run reports every misspelt key and still
/// yields the value for validation.
pub fn parse<T: DeserializeOwned>(text: &str, source: SourceId) -> Parsed<T> {
    let previous = CURRENT_SOURCE.replace(source);
    let parsed = parse_collecting(text);
    CURRENT_SOURCE.set(previous);
    parsed
}

fn parse_collecting<T: DeserializeOwned>(text: &str) -> Parsed<T> {
    let mut unknown_keys = Vec::new();
    let mut working: Option<String> = None;
    loop {
        let current = working.as_deref().unwrap_or(text);
        match serde_saphyr::from_str_with_options::<T>(current, options()) {
            Ok(value) => {
                return Parsed {
                    value: Ok(value),
                    unknown_keys,
                };
            }
            Err(Error::SerdeUnknownField {
                field,
                expected,
                location,
            }) => {
                let key = UnknownKey {
                    key: field,
                    expected,
                    line: clamp(location.line()),
                    column: clamp(location.column()),
                };
                let blanked = blank_entry(current, key.line, key.column);
                unknown_keys.push(key);
                match blanked {
                    Some(next) if unknown_keys.len() < MAX_UNKNOWN => working = Some(next),
                    _ => {
                        let last = &unknown_keys[unknown_keys.len() - 1];
                        let error = YamlError {
                            line: last.line,
                            column: last.column,
                            message: format!("未知的键“{}”", last.key),
                            hint: None,
                        };
                        return Parsed {
                            value: Err(error),
                            unknown_keys,
                        };
                    }
                }
            }
            Err(e) => {
                return Parsed {
                    value: Err(translate(&e)),
                    unknown_keys,
                };
            }
        }
    }
}

/// Blanks the mapping entry whose key starts at `line`:`column` (1-based),
/// with every more-indented line under it, replacing characters by spaces
/// so later positions stay true. Only block-style entries are blanked: a
/// key inside `{…}` gives `None`.
fn blank_entry(text: &str, line: u32, column: u32) -> Option<String> {
    let line_index = usize::try_from(line).ok()?.checked_sub(1)?;
    let key_col = usize::try_from(column).ok()?.checked_sub(1)?;
    let lines: Vec<&str> = text.split('\n').collect();
    let target = lines.get(line_index)?;
    let before: String = target.chars().take(key_col).collect();
    if !before.chars().all(|c| c == ' ' || c == '-') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut in_entry = true;
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if i < line_index {
            out.push_str(l);
            continue;
        }
        if i == line_index {
            out.push_str(&before);
            out.extend(l.chars().skip(key_col).map(blank_char));
            continue;
        }
        if in_entry {
            let indent = l.chars().take_while(|&c| c == ' ').count();
            let blank = l.trim().is_empty() || l.trim_start().starts_with('#');
            if blank || indent > key_col {
                out.extend(l.chars().map(blank_char));
                continue;
            }
            in_entry = false;
        }
        out.push_str(l);
    }
    Some(out)
}

fn blank_char(c: char) -> char {
    if c == '\r' { c } else { ' ' }
}

/// Turns a parser error into a located Chinese message with a fix.
fn translate(error: &Error) -> YamlError {
    let (line, column) = error
        .location()
        .map(|l| (clamp(l.line()), clamp(l.column())))
        .unwrap_or((0, 0));
    let (message, hint) = match error {
        Error::SerdeMissingField { field, .. } => (
            format!("缺少必填的键“{field}”"),
            Some(format!("在这一层加上“{field}: …”")),
        ),
        Error::DuplicateMappingKey { .. } => (
            "同一层里出现了重复的键".to_owned(),
            Some("删去或合并其中一个，同一个键只能写一次".to_owned()),
        ),
        Error::SerdeInvalidType { .. } => (
            format!("这里的值类型不对：{}", english_detail(error)),
            Some("检查这一项应当写成文字、列表（每项以“- ”开头）还是键值对".to_owned()),
        ),
        Error::Budget { .. } => (
            "文件嵌套过深或别名（*引用）展开过多，拒绝读取".to_owned(),
            Some(format!(
                "配置文件的嵌套不应超过{MAX_DEPTH}层，别名引用不应超过{MAX_ALIASES}个"
            )),
        ),
        Error::UnknownAnchor { .. } => (
            "引用了不存在的锚点（*名称 之前没有 &名称）".to_owned(),
            Some("先用 &名称 定义，再用 *名称 引用".to_owned()),
        ),
        Error::Eof { .. } => (
            "文件是空的".to_owned(),
            Some("至少写上 org.name、campaign.name 和 meeting.date".to_owned()),
        ),
        _ => syntax_message(error),
    };
    YamlError {
        line,
        column,
        message,
        hint,
    }
}

fn syntax_message(error: &Error) -> (String, Option<String>) {
    let detail = english_detail(error);
    let lower = detail.to_lowercase();
    let hint = if lower.contains("tab") {
        "YAML 不能用制表符（Tab）缩进，请改为空格"
    } else if lower.contains("quote") || lower.contains("quoted") {
        "引号没有成对闭合：检查这一行的引号"
    } else if lower.contains("indent") || lower.contains("mapping values") {
        "缩进不一致：同一层的键要对齐，下一层多缩进两个空格"
    } else {
        "检查这一行及上一行的缩进、冒号和引号"
    };
    (format!("YAML 格式错误（{detail}）"), Some(hint.to_owned()))
}

/// The parser's own first line, without its location prefix, for the
/// details a translation cannot carry.
fn english_detail(error: &Error) -> String {
    let rendered = error.without_snippet().to_string();
    let first = rendered.lines().next().unwrap_or_default().trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    match first.find(": ") {
        Some(i) if first[..i].contains("line") => first[i + 2..].to_owned(),
        _ => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: Located<String>,
        #[serde(default)]
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: Option<u32>,
    }

    #[test]
    fn records_positions_and_source() {
        let parsed: Parsed<Doc> = parse("name: 甲\n", 7);
        let doc = parsed.value.unwrap();
        assert_eq!(doc.name.value, "甲");
        assert_eq!(
            doc.name.pos,
            Pos {
                source: 7,
                line: 1,
                column: 7
            }
        );
    }

    #[test]
    fn collects_every_unknown_key_and_still_parses() {
        let text = "nmae: x\nname: 甲\ninner:\n  b:\n    - 1\n    - 2\n  a: 3\n";
        let parsed: Parsed<Doc> = parse(text, 0);
        let keys: Vec<_> = parsed
            .unknown_keys
            .iter()
            .map(|k| (k.key.as_str(), k.line, k.column))
            .collect();
        assert_eq!(keys, [("nmae", 1, 1), ("b", 4, 3)]);
        let doc = parsed.value.unwrap();
        assert_eq!(doc.inner.unwrap().a, Some(3));
    }

    #[test]
    fn refuses_deep_nesting() {
        let text = format!("name: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        let parsed: Parsed<Doc> = parse(&text, 0);
        assert!(parsed.value.is_err());
    }

    #[test]
    fn tabs_are_explained() {
        let parsed: Parsed<Doc> = parse("inner:\n\ta: 1\nname: x\n", 0);
        let error = parsed.value.unwrap_err();
        assert!(error.hint.unwrap().contains("制表符"), "{}", error.message);
    }
}
