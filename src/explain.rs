//! Error messages from the parsers' failures: what is wrong and how to fix
//! it, in Chinese, from tables of (needle, what, hint) matched against the
//! parser's own words. The YAML parser ([`crate::yaml`]) and the template
//! engine (`crate::render`) parse; their errors are explained here and
//! with [`Entry`] tables of their own, so the English never reaches a user.
//!
//! For YAML this module also names the slips Chinese typing makes — a
//! full-width colon “：” or space “　” where YAML needs “:” or “ ”, a tab in
//! the indentation — at the character itself, which is rarely where the
//! parser noticed something was wrong.

use crate::yaml::{self, Failure};

/// One row of a translation table: the parser's message contains one of
/// `needles` (lower case; a leading `^` means it starts with it), so the
/// user reads `what` and `hint`. `{name}` in either stands for the name the
/// message quotes; the caller may fill other `{…}` places.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub needles: &'static [&'static str],
    pub what: &'static str,
    pub hint: &'static str,
}

/// The first row of `table` whose needle `message` holds.
pub fn lookup<'a>(table: &'a [Entry], message: &str) -> Option<&'a Entry> {
    let lower = message.to_lowercase();
    table.iter().find(|e| {
        e.needles.iter().any(|n| match n.strip_prefix('^') {
            Some(start) => lower.starts_with(start),
            None => lower.contains(n),
        })
    })
}

/// `text` with each `{key}` replaced by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// A located explanation: 1-based line and column, what, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub line: u32,
    pub column: u32,
    pub what: String,
    pub hint: String,
}

/// What YAML's scanner said, in the words the hints use. Order matters:
/// the first row that matches wins.
const YAML_SYNTAX: &[Entry] = &[
    Entry {
        needles: &["tab"],
        what: "YAML 不允许用制表符（Tab）缩进",
        hint: "YAML 只能用空格缩进：把行首的制表符换成空格，同一层对齐，下一层多缩进两个空格",
    },
    Entry {
        needles: &[
            "unclosed quote",
            "unexpected end of plain",
            "quoted scalar, found unexpected document",
        ],
        what: "引号没有闭合",
        hint: "在这段文字末尾补上同样的引号（\" 或 '），或者去掉开头的引号",
    },
    Entry {
        needles: &["trailing content after"],
        what: "引号后面还有多余的内容",
        hint: "整段文字要放在一对引号里：文字本身含有引号时，外面换用另一种引号，或者整段不加引号",
    },
    Entry {
        needles: &[
            "unknown escape",
            "hexadecimal",
            "surrogate",
            "unicode character escape",
        ],
        what: "双引号里的反斜杠 \\ 后面跟了无法识别的字符",
        hint: "双引号里的 \\ 是转义符：改用单引号，或把 \\ 写成 \\\\",
    },
    Entry {
        needles: &["mapping values are not allowed", "illegal placement of ':'"],
        what: "这里不该出现“键: 值”",
        hint: "多半是缩进不对：同一层的键要左对齐；如果冒号是文字的一部分，请给整段文字加上引号",
    },
    Entry {
        needles: &[
            "did not find expected key",
            "invalid indentation",
            "wrongly indented",
        ],
        what: "缩进不一致",
        hint: "同一层的键要左对齐，下一层比上一层多缩进两个空格",
    },
    Entry {
        needles: &[
            "did not find expected '-'",
            "block sequence entries are not allowed",
        ],
        what: "列表的缩进或“- ”不对",
        hint: "列表的每一项另起一行、左对齐，以“- ”开头（短横后面有一个空格）",
    },
    Entry {
        needles: &["unclosed bracket", "unexpected eof while parsing a flow"],
        what: "方括号或花括号没有闭合",
        hint: "在列表末尾补上 ]，或在键值对末尾补上 }；如果括号本是文字的一部分，请给整段文字加上引号",
    },
    Entry {
        needles: &["misplaced bracket", "mismatched bracket"],
        what: "括号不配对",
        hint: "[ 要用 ] 闭合，{ 要用 } 闭合；如果括号本是文字的一部分，请给整段文字加上引号",
    },
    Entry {
        needles: &["expected ',' or"],
        what: "方括号或花括号里缺少逗号或闭合括号",
        hint: "各项之间用英文逗号加空格分隔，如 [甲, 乙]；中文逗号“，”不算分隔",
    },
    Entry {
        needles: &["must be followed by", "expected whitespace"],
        what: "冒号或短横后面缺少空格",
        hint: "写成“键: 值”和“- 项目”：冒号、短横后面都要有一个空格",
    },
    Entry {
        needles: &["simple key", "could not find expected ':'"],
        what: "这一行缺少冒号，或者不该换行",
        hint: "每个键后面要有英文冒号和一个空格，如 name: 张三；一段文字要写在同一行里",
    },
    Entry {
        needles: &["anchor or alias"],
        what: "& 或 * 后面缺少名称",
        hint: "& 和 * 在 YAML 里有特殊含义：如果它们是文字的一部分，请给整段文字加上引号",
    },
    Entry {
        needles: &["tag", "handle"],
        what: "以 ! 开头的内容被当作了 YAML 标签",
        hint: "如果 ! 是文字的一部分，请给整段文字加上引号",
    },
    Entry {
        needles: &["block scalar"],
        what: "多行文字（| 或 >）的写法不对",
        hint: "| 或 > 后面换行，下面每一行都比键多缩进两个空格",
    },
    Entry {
        needles: &["recursion limit"],
        what: "嵌套太深，不像是配置文件",
        hint: "配置最多五六层：检查是否有大量连续的 [ 或 {",
    },
    Entry {
        needles: &["comment"],
        what: "# 的用法不对",
        hint: "# 开始注释，前面要有空格；如果 # 是文字的一部分，请给整段文字加上引号",
    },
    Entry {
        needles: &["unexpected character"],
        what: "这里有 YAML 无法识别的字符",
        hint: "如果它是文字的一部分，请给整段文字加上引号",
    },
    Entry {
        needles: &["directive", "document"],
        what: "文件里有 YAML 的文档标记（% 或 --- 或 ...）",
        hint: "配置文件不需要这些标记：删去这一行",
    },
];

/// When nothing in [`YAML_SYNTAX`] matches.
const YAML_OTHER: Entry = Entry {
    needles: &[],
    what: "YAML 格式有误",
    hint: "检查这一行和上一行的缩进、冒号和引号",
};

/// Explains a YAML failure at `line`:`column` of `text`. A slip of Chinese
/// typing near it is named instead, at its own place: it is the cause.
pub fn yaml(failure: &Failure, text: &str, line: u32, column: u32) -> Explained {
    if let Some(slip) = slip_near(text, line) {
        return slip;
    }
    let at = Spot::new(text, line, column);
    let (what, hint) = describe(failure, &at);
    let (line, column) = match failure {
        Failure::Syntax(english) if english.to_lowercase().contains("tab") => {
            tab_near(text, line).unwrap_or((line, column))
        }
        _ => (line, column),
    };
    Explained {
        line,
        column,
        what,
        hint,
    }
}

fn describe(failure: &Failure, at: &Spot) -> (String, String) {
    match failure {
        Failure::WrongKind { expected } => wrong_kind(expected, at),
        Failure::MissingField(field) => (
            format!("这一项缺少必填的键“{field}”"),
            format!("在这一项里加上一行“{}”", example(field)),
        ),
        Failure::Null => (
            format!("{}不能空着", at.key()),
            "在冒号后面填上内容；不需要这一项就删去这一行".to_owned(),
        ),
        Failure::DuplicateKey(key) => {
            let name = key.clone().unwrap_or_else(|| at.key_text());
            let earlier = earlier_key(at, &name)
                .map(|l| format!("（第{l}行已经写过）"))
                .unwrap_or_default();
            (
                format!("键“{name}”在同一层里重复出现{earlier}"),
                "同一个键在同一层只能写一次：删去其中一处，或把两处的内容合并".to_owned(),
            )
        }
        Failure::UnknownAnchor => (
            format!("引用了不存在的锚点“*{}”", at.alias()),
            "“*名称”只能引用前面用“&名称”标记过的内容；\
             如果 * 本是文字的一部分，请给整段文字加上引号"
                .to_owned(),
        ),
        Failure::MultipleDocuments => (
            "文件里有不止一份配置（出现了单独一行的 ---）".to_owned(),
            "一个文件只写一份配置：删去 --- 及其后的内容，或把它们另存为一个文件".to_owned(),
        ),
        Failure::TooDeep => (
            format!("嵌套超过{}层，不像是配置文件", yaml::MAX_DEPTH),
            "配置最多五六层：检查是否有大量连续的 [ 或 {，或缩进越来越深的行".to_owned(),
        ),
        Failure::TooManyAliases => too_many_aliases(),
        Failure::TooMuchExpanded => (
            "别名（*引用）展开后的文字过多，拒绝读取".to_owned(),
            format!(
                "展开后的文字不能超过{} MB：少用 *引用，把内容直接写出来",
                yaml::MAX_EXPANDED_BYTES / 1024 / 1024
            ),
        ),
        Failure::TooLarge => (
            "文件内容过多，不像是配置文件".to_owned(),
            "配置文件一般只有几十到几百行：检查是否选错了文件".to_owned(),
        ),
        Failure::Eof => (
            "文件在没写完的地方结束了".to_owned(),
            "检查最后几行：括号、引号是否成对".to_owned(),
        ),
        Failure::NotUtf8 => (
            "文件不是 UTF-8 编码".to_owned(),
            "用记事本或 WPS 另存为 UTF-8 编码".to_owned(),
        ),
        Failure::BadValue => (
            format!("{}的值无法识别", at.key()),
            "对照 docs/profile.md 检查这一项该怎么写；文字里有特殊符号时给整段加上引号".to_owned(),
        ),
        Failure::Syntax(english) => {
            let e = lookup(YAML_SYNTAX, english).unwrap_or(&YAML_OTHER);
            (e.what.to_owned(), e.hint.to_owned())
        }
    }
}

/// A slip of Chinese typing on line `line` or above it (the nearest), or
/// just below it: the parser notices such a slip a line late as often as
/// not.
fn slip_near(text: &str, line: u32) -> Option<Explained> {
    let slips = slips(text, line as usize + 1);
    slips
        .iter()
        .rev()
        .find(|s| s.line <= line)
        .or_else(|| slips.first())
        .cloned()
}

/// Slips of Chinese typing where YAML needs ASCII, in the first `upto`
/// lines, outside block scalars (`|`, `>`) and comments: a full-width
/// colon after a key, a full-width space in the indentation or after a
/// key's colon or a list's dash.
pub fn slips(text: &str, upto: usize) -> Vec<Explained> {
    let mut out = Vec::new();
    // The indentation of the key that opened a block scalar: lines deeper
    // than it are text.
    let mut block: Option<usize> = None;
    // One buffer for every line: this runs on each profile a batch reads.
    let mut chars: Vec<char> = Vec::new();
    for (i, raw) in text.lines().take(upto).enumerate() {
        chars.clear();
        chars.extend(raw.chars());
        let indent = chars.iter().take_while(|&&c| c == ' ').count();
        let blank = chars.iter().all(|c| c.is_whitespace());
        if let Some(level) = block {
            if blank || indent > level {
                continue;
            }
            block = None;
        }
        let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let at = |col: usize| u32::try_from(col + 1).unwrap_or(u32::MAX);
        // A full-width space before the first non-space character.
        if let Some(col) = chars
            .iter()
            .take_while(|c| c.is_whitespace())
            .position(|&c| c == '\u{3000}')
        {
            out.push(full_width_space(line, at(col), "缩进"));
            continue;
        }
        let mut k = indent;
        while chars.get(k) == Some(&'-') && matches!(chars.get(k + 1), Some(' ' | '\u{3000}')) {
            if chars[k + 1] == '\u{3000}' {
                out.push(full_width_space(line, at(k + 1), "“-”后面"));
            }
            k += 2;
            while chars.get(k) == Some(&' ') {
                k += 1;
            }
        }
        if chars.get(k) == Some(&'-') && chars.get(k + 1) == Some(&'\u{3000}') {
            out.push(full_width_space(line, at(k + 1), "“-”后面"));
            continue;
        }
        if chars.get(k) == Some(&'#') {
            continue;
        }
        let key_end = k + chars[k..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
            .count();
        if key_end == k || !chars[k].is_ascii_alphabetic() {
            continue;
        }
        let mut after = key_end;
        while chars.get(after) == Some(&' ') {
            after += 1;
        }
        let key = || chars[k..key_end].iter().collect::<String>();
        match chars.get(after) {
            Some('：') => out.push(Explained {
                line,
                column: at(after),
                what: format!("“{}”后面用了全角冒号“：”，YAML 要用英文冒号“:”", key()),
                hint: format!(
                    "把“：”改成英文冒号“:”（英文输入法下输入），冒号后面留一个空格，如 {}: …",
                    key()
                ),
            }),
            Some(':') if chars.get(after + 1) == Some(&'\u{3000}') => {
                out.push(full_width_space(line, at(after + 1), "冒号后面"));
            }
            Some(':') => {
                let rest = chars[after + 1..].iter().find(|c| !c.is_whitespace());
                if matches!(rest, Some('|' | '>')) {
                    block = Some(indent);
                }
            }
            _ => {}
        }
    }
    out
}

fn full_width_space(line: u32, column: u32, place: &str) -> Explained {
    Explained {
        line,
        column,
        what: format!("{place}用了全角空格“　”，YAML 要用半角空格"),
        hint: "把全角空格换成半角空格（英文输入法下的空格键）：缩进每层两个空格，冒号和“-”后面各一个空格"
            .to_owned(),
    }
}

/// The tab in the indentation nearest `line`: on it, below it, or above.
fn tab_near(text: &str, line: u32) -> Option<(u32, u32)> {
    let lines: Vec<&str> = text.lines().collect();
    let here = (line as usize).saturating_sub(1);
    let order = [here, here + 1]
        .into_iter()
        .chain((0..here).rev())
        .filter(|&i| i < lines.len());
    for i in order {
        let lead: Vec<char> = lines[i].chars().take_while(|c| c.is_whitespace()).collect();
        if let Some(col) = lead.iter().position(|&c| c == '\t') {
            return Some((
                u32::try_from(i + 1).unwrap_or(u32::MAX),
                u32::try_from(col + 1).unwrap_or(u32::MAX),
            ));
        }
    }
    None
}

/// The source around an error's position.
struct Spot<'a> {
    /// The lines before the error's line.
    before: &'a str,
    /// The line the error is on.
    text: &'a str,
    /// The lines after it, for what a key's value is when it starts there.
    rest: &'a str,
    /// 0-based character column.
    column: usize,
}

impl<'a> Spot<'a> {
    fn new(text: &'a str, line: u32, column: u32) -> Self {
        let index = (line as usize).saturating_sub(1);
        let start = if index == 0 {
            0
        } else {
            text.match_indices('\n')
                .nth(index - 1)
                .map_or(text.len(), |(i, _)| i + 1)
        };
        let before = &text[..start];
        let mut lines = text[start..].splitn(2, '\n');
        let this = lines.next().unwrap_or_default();
        let rest = lines.next().unwrap_or_default();
        Spot {
            before,
            text: this.trim_end_matches('\r'),
            rest,
            column: (column as usize).saturating_sub(1),
        }
    }

    /// What stands from the error's column on.
    fn here(&self) -> &'a str {
        let start = self
            .text
            .char_indices()
            .nth(self.column)
            .map_or(self.text.len(), |(i, _)| i);
        &self.text[start..]
    }

    /// The key written at the error (a duplicate's), as plain text.
    fn key_text(&self) -> String {
        let here = self.here();
        here.split(':').next().unwrap_or(here).trim().to_owned()
    }

    /// The key whose value starts at the error, as `“key”` or `“key”的一项`
    /// for an item of its list; `整个文件` at the top; `这一项` when there
    /// is no telling.
    fn key(&self) -> String {
        let before: String = self.text.chars().take(self.column).collect();
        let before = before.trim_end();
        // An item of a flow list `key: [a, b]`.
        if before.ends_with('[') || before.ends_with(',') {
            return match before.rfind('[').and_then(|i| key_of(&before[..i])) {
                Some(key) => format!("“{key}”的一项"),
                None => "这一项".to_owned(),
            };
        }
        let item = before.trim_start().starts_with('-') && before.trim_start().ends_with('-');
        if before.is_empty() || item {
            // A value on its own lines belongs to the key above it.
            let above = self.before.lines().rev().find(|l| {
                let t = l.trim();
                !t.is_empty() && !t.starts_with('#')
            });
            return match (above.and_then(key_of), above, item) {
                (Some(key), _, true) => format!("“{key}”的一项"),
                (Some(key), _, false) => format!("“{key}”"),
                (None, None, false) => "整个文件".to_owned(),
                (None, _, _) => "这一项".to_owned(),
            };
        }
        key_of(before).map_or_else(|| "这一项".to_owned(), |key| format!("“{key}”"))
    }

    /// What kind of value stands at the error, in words.
    fn found(&self) -> &'static str {
        let here = self.here().trim_start();
        if here.is_empty() || here.starts_with('#') {
            // The value starts on the next line that says anything.
            let next = self
                .rest
                .lines()
                .map(str::trim_start)
                .find(|l| !l.is_empty() && !l.starts_with('#'))
                .unwrap_or_default();
            return classify(next);
        }
        if here.starts_with('*') {
            // An alias: what its anchor marks.
            let anchor = format!("&{} ", self.alias());
            let whole = [self.before, self.text, self.rest].concat();
            if let Some(i) = whole.find(&anchor) {
                let marked = whole[i + anchor.len()..].trim_start_matches(' ');
                return match marked.strip_prefix('\n') {
                    Some(below) => classify(below.trim_start()),
                    None => classify(marked),
                };
            }
        }
        classify(here)
    }

    /// The name after `*` at the error, for an alias.
    fn alias(&self) -> String {
        self.here()
            .trim_start()
            .trim_start_matches('*')
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
            .collect()
    }
}

/// The key `line` ends with (`  key:` or `- key: &anchor`), if it looks
/// like one.
fn key_of(line: &str) -> Option<&str> {
    let mut t = line.trim_end();
    // An anchor between the key and its value.
    if let Some(i) = t.rfind(" &")
        && !t[i + 2..].contains(' ')
    {
        t = t[..i].trim_end();
    }
    let key = t.strip_suffix(':')?.trim();
    let mut key = key.rsplit(['{', ',']).next().unwrap_or(key).trim();
    while let Some(rest) = key.strip_prefix("- ") {
        key = rest.trim_start();
    }
    let plausible =
        !key.is_empty() && key.chars().count() <= 40 && !key.contains([' ', '[', '"', '\'', ':']);
    plausible.then_some(key)
}

/// What kind of value `value` (the text from where it starts) is.
fn classify(value: &str) -> &'static str {
    if value.starts_with('[') || value.starts_with("- ") || value.starts_with("-\n") || value == "-"
    {
        "列表"
    } else if value.starts_with('{') || looks_like_entry(value) {
        "键值对"
    } else if value.trim().is_empty() {
        "空值"
    } else {
        "一段文字"
    }
}

/// `key: value` or `key:` at the start of `s`.
fn looks_like_entry(s: &str) -> bool {
    let first = s.split(['\n', '#']).next().unwrap_or_default().trim_end();
    match first.find(':') {
        Some(i) => {
            let after = &first[i + 1..];
            i > 0 && (after.is_empty() || after.starts_with(' '))
        }
        None => false,
    }
}

/// What YAML expected, in the words the hints use.
fn kind_name(expected: &str) -> Option<&'static str> {
    let e = expected.to_ascii_lowercase();
    if e.contains("mapping") || e.contains("map") || e.contains("struct") {
        Some("键值对")
    } else if e.contains("sequence") || e.contains("seq") || e.contains("list") {
        Some("列表")
    } else if e.contains("string") || e.contains("str") || e.contains("char") {
        Some("一段文字")
    } else {
        None
    }
}

/// How to write a value of `kind`.
fn kind_hint(kind: &str, found: &str) -> String {
    match kind {
        "键值对" => "在冒号后换行，下面每行多缩进两个空格写“键: 值”（如 name: 张三），\
                    或写成 { name: 张三, title: 院长 }；可用的键见 docs/profile.md"
            .to_owned(),
        "列表" if found == "一段文字" => {
            "只有一项也要写成列表：用方括号括起来，如 [各党支部]；或另起一行，每项以“- ”开头"
                .to_owned()
        }
        "列表" => "写成 [甲, 乙, 丙]，或另起一行、每项一行并以“- ”开头".to_owned(),
        _ => "如果文字里本来就有 [ ] { } : # 等符号，请给整段文字加上引号；\
              否则去掉多余的括号或下一层的内容"
            .to_owned(),
    }
}

/// The line above `at` where `key` was first written at the same
/// indentation in the same block mapping.
fn earlier_key(at: &Spot, key: &str) -> Option<u32> {
    let above: Vec<&str> = at.before.lines().collect();
    for (i, line) in above.iter().enumerate().rev() {
        let body = line.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let mut col = line.len() - body.len();
        let mut rest = body;
        let mut item_start = false;
        while let Some(r) = rest.strip_prefix("- ") {
            let r2 = r.trim_start_matches(' ');
            col += rest.len() - r2.len();
            rest = r2;
            item_start = true;
        }
        if col < at.column {
            return None;
        }
        if col == at.column {
            let this = rest.split(':').next().unwrap_or_default().trim();
            let this = this.trim_matches(['"', '\'']);
            if this == key {
                return u32::try_from(i + 1).ok();
            }
            if item_start {
                return None;
            }
        }
    }
    None
}

fn wrong_kind(expected: &str, at: &Spot) -> (String, String) {
    let found = at.found();
    match kind_name(expected) {
        Some(kind) if kind != found => (
            format!("{}应当是{kind}，这里却写成了{found}", at.key()),
            kind_hint(kind, found),
        ),
        Some(kind) => (
            format!("{}应当是{kind}，这里的写法无法识别", at.key()),
            kind_hint(kind, found),
        ),
        None => (
            format!("{}的值类型不对", at.key()),
            "对照 docs/profile.md 检查这一项应当写成文字、列表还是键值对".to_owned(),
        ),
    }
}

fn example(field: &str) -> String {
    match field {
        "from" | "to" | "date" => format!("{field}: 2010-05-20"),
        "items" => "items: [甲, 乙, 丙]".to_owned(),
        "label" => "label: 五个好".to_owned(),
        _ => format!("{field}: …"),
    }
}

fn too_many_aliases() -> (String, String) {
    (
        "别名（*引用）太多或层层展开过多，拒绝读取".to_owned(),
        format!(
            "一份配置用到的 *引用 不应超过{}个，展开后也不应很大：把内容直接写出来",
            yaml::MAX_ALIASES
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_match_by_needle_in_order() {
        let e = lookup(
            YAML_SYNTAX,
            "tabs disallowed within this context (block indentation)",
        );
        assert_eq!(e.map(|e| e.what), Some("YAML 不允许用制表符（Tab）缩进"));
        assert!(lookup(YAML_SYNTAX, "something new").is_none());
        const T: &[Entry] = &[Entry {
            needles: &["^unknown filter"],
            what: "没有“{name}”",
            hint: "",
        }];
        assert!(lookup(T, "Unknown filter `x`").is_some());
        assert!(lookup(T, "an unknown filter").is_none());
        assert_eq!(fill("没有“{name}”", &[("name", "x")]), "没有“x”");
    }

    #[test]
    fn full_width_colons_and_spaces_are_named_where_they_are() {
        let s = slips("org：\n  name: 甲\n", 10);
        assert_eq!((s[0].line, s[0].column), (1, 4));
        assert!(s[0].what.contains("全角冒号"), "{}", s[0].what);
        let s = slips("org:\n  name:　甲\n", 10);
        assert_eq!((s[0].line, s[0].column), (2, 8));
        assert!(s[0].what.contains("全角空格"));
        let s = slips("org:\n　　name: 甲\n", 10);
        assert_eq!((s[0].line, s[0].column), (2, 1));
        let s = slips("list:\n  -　甲\n", 10);
        assert_eq!((s[0].line, s[0].column), (2, 4));
    }

    #[test]
    fn values_and_block_text_may_hold_them() {
        assert!(slips("title: 院党委书记　张建华\nnote: 时间：5月\n", 10).is_empty());
        assert!(slips("text: |\n  注意：这里\n  org：也是文字\nname: 甲\n", 10).is_empty());
        assert!(slips("# org：注释\n", 10).is_empty());
    }

    #[test]
    fn a_tab_is_found_in_the_indentation() {
        assert_eq!(tab_near("a:\n  b: 1\nc:\n\td: 2\n", 3), Some((4, 1)));
        assert_eq!(tab_near("a:\n \tb: 1\n", 2), Some((2, 2)));
    }
}
