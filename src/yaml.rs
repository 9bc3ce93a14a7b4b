//! The one module that names the YAML crate (serde-saphyr).
//!
//! It parses one file into a serde type, records where every [`Located`]
//! value stood, collects *every* unknown key rather than stopping at the
//! first, and names each failure as a [`Failure`] for [`crate::explain`] to
//! put in Chinese at its line and column.

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
pub(crate) const MAX_DEPTH: usize = 64;
/// How many alias references one file may hold; a profile needs a handful.
pub(crate) const MAX_ALIASES: usize = 256;
/// How many nodes one file may hold (a 10,000-unit profile is far below).
const MAX_NODES: usize = 200_000;
/// How much text the values of one file may total once aliases are
/// expanded: four times the largest file read, so a "billion laughs" of
/// aliases is refused before it fills memory.
pub(crate) const MAX_EXPANDED_BYTES: usize = 4 * 1024 * 1024;
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
                // A full-width colon or space can still parse (as part of
                // a text): it is a slip all the same.
                let value = match crate::explain::slips(current, usize::MAX)
                    .into_iter()
                    .next()
                {
                    Some(slip) => Err(YamlError {
                        line: slip.line,
                        column: slip.column,
                        message: slip.what,
                        hint: Some(slip.hint),
                    }),
                    None => Ok(value),
                };
                return Parsed {
                    value,
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

/// What went wrong, named for [`crate::explain`]: saphyr's error variants
/// sorted by what the user must do about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A value of another kind than the schema's (`expected`, the
    /// parser's word for it: `a map`, `a sequence`…).
    WrongKind {
        expected: String,
    },
    MissingField(String),
    /// An empty value where text is needed.
    Null,
    DuplicateKey(Option<String>),
    UnknownAnchor,
    MultipleDocuments,
    TooDeep,
    TooManyAliases,
    TooMuchExpanded,
    TooLarge,
    Eof,
    NotUtf8,
    /// A value of the right kind that cannot be read (a bad date…).
    BadValue,
    /// The scanner's own sentence, matched against a table.
    Syntax(String),
}

fn failure(error: &Error) -> Failure {
    use serde_saphyr::budget::BudgetBreach as B;
    match error {
        // Where an alias was used is where the user looks; the error
        // inside says what went wrong.
        Error::AliasError { error, .. } | Error::WithSnippet { error, .. } => failure(error),
        Error::Unexpected { expected, .. } => Failure::WrongKind {
            expected: expected.to_string(),
        },
        Error::SerdeInvalidType { expected, .. } => Failure::WrongKind {
            expected: expected.clone(),
        },
        Error::SerdeMissingField { field, .. } => Failure::MissingField(field.to_string()),
        Error::NullIntoString { .. } => Failure::Null,
        Error::DuplicateMappingKey { key, .. } => Failure::DuplicateKey(key.clone()),
        Error::UnknownAnchor { .. } => Failure::UnknownAnchor,
        Error::MultipleDocuments { .. } => Failure::MultipleDocuments,
        Error::Budget { breach, .. } => match breach {
            B::Depth { .. } => Failure::TooDeep,
            B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
                Failure::TooManyAliases
            }
            B::ScalarBytes { .. } => Failure::TooMuchExpanded,
            _ => Failure::TooLarge,
        },
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => Failure::TooManyAliases,
        Error::Eof { .. } => Failure::Eof,
        Error::InvalidUtf8Input => Failure::NotUtf8,
        Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::SerdeUnknownVariant { .. }
        | Error::InvalidScalar { .. }
        | Error::Message { .. } => Failure::BadValue,
        _ => Failure::Syntax(english(error)),
    }
}

/// The parser's own first sentence, without its location, for the table
/// that names it.
fn english(error: &Error) -> String {
    let rendered = error.without_snippet().to_string();
    let first = rendered.lines().next().unwrap_or_default().trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    first.trim().to_owned()
}

/// A parser error as a located Chinese message with a fix; `text` is what
/// was parsed, to name what stands at the error's position.
fn translate(error: &Error, text: &str) -> YamlError {
    let (line, column) = error
        .location()
        .map(|l| (clamp(l.line()), clamp(l.column())))
        .unwrap_or((0, 0));
    let e = crate::explain::yaml(&failure(error), text, line, column);
    YamlError {
        line: e.line,
        column: e.column,
        message: e.what,
        hint: Some(e.hint),
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
    fn tabs_are_explained_at_the_tab() {
        let parsed: Parsed<Doc> = parse("name: x\ninner:\n  a: 1\n\ta: 1\n", 0);
        let error = parsed.value.unwrap_err();
        assert!(error.hint.unwrap().contains("制表符"), "{}", error.message);
        assert_eq!((error.line, error.column), (4, 1));
        assert!(!error.message.is_ascii() && !error.message.contains("tab"));
    }

    #[test]
    fn full_width_slips_are_named_at_their_place() {
        let parsed: Parsed<Doc> = parse("org：\n  name: 甲\n", 0);
        let error = parsed.value.unwrap_err();
        assert_eq!((error.line, error.column), (1, 4), "{error:?}");
        assert!(error.message.contains("全角冒号“：”"), "{}", error.message);
        // One that parses, as part of a text, is a slip all the same.
        let parsed: Parsed<Doc> = parse("name: 甲\n  inner：乙\n", 0);
        let error = parsed.value.unwrap_err();
        assert_eq!((error.line, error.column), (2, 8), "{error:?}");
        let parsed: Parsed<Doc> = parse("name:　甲\n", 0);
        let error = parsed.value.unwrap_err();
        assert_eq!((error.line, error.column), (1, 6), "{error:?}");
        assert!(error.message.contains("全角空格"), "{}", error.message);
    }
}
