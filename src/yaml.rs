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
/// How much text the values of one file may total once aliases are
/// expanded: four times the largest file read, so a "billion laughs" of
/// aliases is refused before it fills memory.
const MAX_EXPANDED_BYTES: usize = 4 * 1024 * 1024;
/// How many events aliases may replay in all; reusing a speaker or a list
/// a few times costs tens.
const MAX_REPLAYED_EVENTS: usize = 10_000;
/// How many unknown keys are collected before giving up.
const MAX_UNKNOWN: usize = 50;

fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_nodes = MAX_NODES;
    budget.max_total_scalar_bytes = MAX_EXPANDED_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
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
                let error = YamlError {
                    line: key.line,
                    column: key.column,
                    message: format!("未知的键“{}”", key.key),
                    hint: None,
                };
                unknown_keys.push(key);
                match blanked {
                    Some(next) if unknown_keys.len() < MAX_UNKNOWN => working = Some(next),
                    // The caller reports the unknown key itself; the value
                    // is lost, so validation stops here.
                    _ => {
                        return Parsed {
                            value: Err(error),
                            unknown_keys,
                        };
                    }
                }
            }
            Err(e) => {
                return Parsed {
                    value: Err(translate(&e, current)),
                    unknown_keys,
                };
            }
        }
    }
}

/// Blanks the mapping entry whose key starts at `line`:`column` (1-based),
/// with every more-indented line under it, replacing characters by spaces
/// so later positions stay true. Only block-style entries are blanked: a
/// key inside `{…}` gives `None`, and so does an entry defining an anchor
/// (`&name`) that the rest of the file may still refer to.
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
    let mut blanked = String::new();
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
            blanked.extend(l.chars().skip(key_col));
            continue;
        }
        if in_entry {
            let indent = l.chars().take_while(|&c| c == ' ').count();
            let blank = l.trim().is_empty() || l.trim_start().starts_with('#');
            if blank || indent > key_col {
                out.extend(l.chars().map(blank_char));
                blanked.push_str(l);
                continue;
            }
            in_entry = false;
        }
        out.push_str(l);
    }
    if blanked.contains('&') && out.contains('*') {
        return None;
    }
    Some(out)
}

fn blank_char(c: char) -> char {
    if c == '\r' { c } else { ' ' }
}

/// Turns a parser error into a located Chinese message with a fix. `text`
/// is what was parsed, to name what stands at the error's position.
fn translate(error: &Error, text: &str) -> YamlError {
    let (line, column) = error
        .location()
        .map(|l| (clamp(l.line()), clamp(l.column())))
        .unwrap_or((0, 0));
    let at = Spot::new(text, line, column);
    let (message, hint) = describe(error, &at);
    YamlError {
        line,
        column,
        message,
        hint: Some(hint),
    }
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

fn describe(error: &Error, at: &Spot) -> (String, String) {
    match error {
        // Where an alias was used is where the user looks; the error
        // inside says what went wrong.
        Error::AliasError { error, .. } | Error::WithSnippet { error, .. } => describe(error, at),
        Error::Unexpected { expected, .. } => wrong_kind(expected, at),
        Error::SerdeInvalidType { expected, .. } => wrong_kind(expected, at),
        Error::SerdeMissingField { field, .. } => (
            format!("这一项缺少必填的键“{field}”"),
            format!("在这一项里加上一行“{}”", example(field)),
        ),
        Error::NullIntoString { .. } => (
            format!("{}不能空着", at.key()),
            "在冒号后面填上内容；不需要这一项就删去这一行".to_owned(),
        ),
        Error::DuplicateMappingKey { key, .. } => {
            let name = key.clone().unwrap_or_else(|| at.key_text());
            let earlier = earlier_key(at, &name)
                .map(|l| format!("（第{l}行已经写过）"))
                .unwrap_or_default();
            (
                format!("键“{name}”在同一层里重复出现{earlier}"),
                "同一个键在同一层只能写一次：删去其中一处，或把两处的内容合并".to_owned(),
            )
        }
        Error::UnknownAnchor { .. } => (
            format!("引用了不存在的锚点“*{}”", at.alias()),
            "“*名称”只能引用前面用“&名称”标记过的内容；\
             如果 * 本是文字的一部分，请给整段文字加上引号"
                .to_owned(),
        ),
        Error::MultipleDocuments { .. } => (
            "文件里有不止一份配置（出现了单独一行的 ---）".to_owned(),
            "一个文件只写一份配置：删去 --- 及其后的内容，或把它们另存为一个文件".to_owned(),
        ),
        Error::Budget { breach, .. } => budget(breach),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => too_many_aliases(),
        Error::Eof { .. } => (
            "文件在没写完的地方结束了".to_owned(),
            "检查最后几行：括号、引号是否成对".to_owned(),
        ),
        Error::InvalidUtf8Input => (
            "文件不是 UTF-8 编码".to_owned(),
            "用记事本或 WPS 另存为 UTF-8 编码".to_owned(),
        ),
        Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::SerdeUnknownVariant { .. }
        | Error::InvalidScalar { .. }
        | Error::Message { .. } => (
            format!("{}的值无法识别", at.key()),
            "对照 docs/profile.md 检查这一项该怎么写；文字里有特殊符号时给整段加上引号".to_owned(),
        ),
        _ => syntax(error),
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

fn budget(breach: &serde_saphyr::budget::BudgetBreach) -> (String, String) {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => (
            format!("嵌套超过{MAX_DEPTH}层，不像是配置文件"),
            "配置最多五六层：检查是否有大量连续的 [ 或 {，或缩进越来越深的行".to_owned(),
        ),
        B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => too_many_aliases(),
        B::ScalarBytes { .. } => (
            "别名（*引用）展开后的文字过多，拒绝读取".to_owned(),
            format!(
                "展开后的文字不能超过{} MB：少用 *引用，把内容直接写出来",
                MAX_EXPANDED_BYTES / 1024 / 1024
            ),
        ),
        _ => (
            "文件内容过多，不像是配置文件".to_owned(),
            "配置文件一般只有几十到几百行：检查是否选错了文件".to_owned(),
        ),
    }
}

fn too_many_aliases() -> (String, String) {
    (
        "别名（*引用）太多或层层展开过多，拒绝读取".to_owned(),
        format!("一份配置用到的 *引用 不应超过{MAX_ALIASES}个，展开后也不应很大：把内容直接写出来"),
    )
}

/// Parser (scanner) errors: their English sentence translated, kept in
/// parentheses as a supplement.
fn syntax(error: &Error) -> (String, String) {
    let detail = english_detail(error);
    let lower = detail.to_ascii_lowercase();
    let has = |s: &str| lower.contains(s);
    let (what, hint): (&str, &str) = if has("tab") {
        (
            "YAML 不允许用制表符（Tab）缩进",
            "YAML 只能用空格缩进：把行首的制表符换成空格，同一层对齐，下一层多缩进两个空格",
        )
    } else if has("unclosed quote")
        || has("unexpected end of plain")
        || has("quoted scalar, found unexpected document")
    {
        (
            "引号没有闭合",
            "在这段文字末尾补上同样的引号（\" 或 '），或者去掉开头的引号",
        )
    } else if has("trailing content after") {
        (
            "引号后面还有多余的内容",
            "整段文字要放在一对引号里：文字本身含有引号时，外面换用另一种引号，或者整段不加引号",
        )
    } else if has("unknown escape")
        || has("hexadecimal")
        || has("surrogate")
        || has("unicode character escape")
    {
        (
            "双引号里的反斜杠 \\ 后面跟了无法识别的字符",
            "双引号里的 \\ 是转义符：改用单引号，或把 \\ 写成 \\\\",
        )
    } else if has("mapping values are not allowed") || has("illegal placement of ':'") {
        (
            "这里不该出现“键: 值”",
            "多半是缩进不对：同一层的键要左对齐；如果冒号是文字的一部分，请给整段文字加上引号",
        )
    } else if has("did not find expected key")
        || has("invalid indentation")
        || has("wrongly indented")
    {
        (
            "缩进不一致",
            "同一层的键要左对齐，下一层比上一层多缩进两个空格",
        )
    } else if has("did not find expected '-'") || has("block sequence entries are not allowed") {
        (
            "列表的缩进或“- ”不对",
            "列表的每一项另起一行、左对齐，以“- ”开头（短横后面有一个空格）",
        )
    } else if has("unclosed bracket") || has("unexpected eof while parsing a flow") {
        (
            "方括号或花括号没有闭合",
            "在列表末尾补上 ]，或在键值对末尾补上 }；如果括号本是文字的一部分，请给整段文字加上引号",
        )
    } else if has("misplaced bracket") || has("mismatched bracket") {
        (
            "括号不配对",
            "[ 要用 ] 闭合，{ 要用 } 闭合；如果括号本是文字的一部分，请给整段文字加上引号",
        )
    } else if has("expected ',' or") {
        (
            "方括号或花括号里缺少逗号或闭合括号",
            "各项之间用英文逗号加空格分隔，如 [甲, 乙]；中文逗号“，”不算分隔",
        )
    } else if has("must be followed by") || has("expected whitespace") {
        (
            "冒号或短横后面缺少空格",
            "写成“键: 值”和“- 项目”：冒号、短横后面都要有一个空格",
        )
    } else if has("simple key") || has("could not find expected ':'") {
        (
            "这一行缺少冒号，或者不该换行",
            "每个键后面要有英文冒号和一个空格，如 name: 张三；一段文字要写在同一行里",
        )
    } else if has("anchor or alias") {
        (
            "& 或 * 后面缺少名称",
            "& 和 * 在 YAML 里有特殊含义：如果它们是文字的一部分，请给整段文字加上引号",
        )
    } else if has("tag") || has("handle") {
        (
            "以 ! 开头的内容被当作了 YAML 标签",
            "如果 ! 是文字的一部分，请给整段文字加上引号",
        )
    } else if has("block scalar") {
        (
            "多行文字（| 或 >）的写法不对",
            "| 或 > 后面换行，下面每一行都比键多缩进两个空格",
        )
    } else if has("recursion limit") {
        (
            "嵌套太深，不像是配置文件",
            "配置最多五六层：检查是否有大量连续的 [ 或 {",
        )
    } else if has("comment") {
        (
            "# 的用法不对",
            "# 开始注释，前面要有空格；如果 # 是文字的一部分，请给整段文字加上引号",
        )
    } else if has("unexpected character") {
        (
            "这里有 YAML 无法识别的字符",
            "如果它是文字的一部分，请给整段文字加上引号",
        )
    } else if has("directive") || has("document") {
        (
            "文件里有 YAML 的文档标记（% 或 --- 或 ...）",
            "配置文件不需要这些标记：删去这一行",
        )
    } else {
        ("YAML 格式有误", "检查这一行和上一行的缩进、冒号和引号")
    };
    let message = if detail.is_empty() {
        what.to_owned()
    } else {
        format!("{what}（{detail}）")
    };
    (message, hint.to_owned())
}

/// The parser's own first sentence, without its location suffix, for the
/// details a translation cannot carry.
fn english_detail(error: &Error) -> String {
    let rendered = error.without_snippet().to_string();
    let first = rendered.lines().next().unwrap_or_default().trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    first.trim().to_owned()
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
    fn an_unknown_key_holding_an_anchor_stops_collecting() {
        // Blanking `x` would leave `*a` pointing at nothing.
        let parsed: Parsed<Doc> = parse("x: &a 甲\nname: *a\n", 0);
        assert_eq!(parsed.unknown_keys.len(), 1);
        assert!(parsed.value.is_err());
    }

    #[test]
    fn a_duplicate_key_names_its_first_line() {
        let parsed: Parsed<Doc> = parse("inner:\n  a: 1\nname: x\ninner:\n  a: 2\n", 0);
        let error = parsed.value.unwrap_err();
        assert_eq!((error.line, error.column), (4, 1));
        assert!(error.message.contains("“inner”"), "{}", error.message);
        assert!(error.message.contains("第1行"), "{}", error.message);
    }

    #[test]
    fn a_wrong_kind_names_the_key_and_what_was_found() {
        let parsed: Parsed<Doc> = parse("name: x\ninner:\n  - 1\n", 0);
        let error = parsed.value.unwrap_err();
        assert_eq!(
            error.message, "“inner”应当是键值对，这里却写成了列表",
            "{error:?}"
        );
        let parsed: Parsed<Doc> = parse("name: [a, b]\n", 0);
        let error = parsed.value.unwrap_err();
        assert_eq!(error.message, "“name”应当是一段文字，这里却写成了列表");
    }

    #[test]
    fn aliases_expanding_to_megabytes_are_refused() {
        let big = "长".repeat(100_000);
        let items = ["*n"; 40].join(", ");
        let text = format!("name: &n {big}\nlist: &l [{items}]\nmore: [*l, *l, *l, *l]\n");
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Wide {
            name: String,
            list: Vec<String>,
            more: Vec<Vec<String>>,
        }
        let parsed: Parsed<Wide> = parse(&text, 0);
        let error = parsed.value.unwrap_err();
        assert!(error.message.contains("别名"), "{}", error.message);
    }

    #[test]
    fn tabs_are_explained() {
        let parsed: Parsed<Doc> = parse("inner:\n\ta: 1\nname: x\n", 0);
        let error = parsed.value.unwrap_err();
        assert!(error.hint.unwrap().contains("制表符"), "{}", error.message);
    }
}
