//! Genre knowledge as data: the sectors (how the prose speaks of a
//! hospital, a county, a police station), the campaign types (what each
//! point of each document is about), the passages every campaign shares,
//! and the era table. The files live in `genre/` beside `templates/`, are
//! embedded in the binary, and a user's `--templates DIR` may add or
//! replace any of them under `DIR/genre/` (docs/genre.md).
//!
//! This is the one registry of sectors and campaign types: the profile,
//! the command line, `new`, `import` and the templates ask it. A file is
//! parsed only when a profile needs it, and once per process.

mod check;
pub mod cond;
pub mod era;
pub mod model;
mod raw;
pub mod rules;
pub mod text;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use anyhow::Context as _;

pub use era::Era;
pub use model::*;

use crate::diagnostic::{Diagnostic, closest};
use crate::error::InputError;

/// Every built-in genre file, by its path under `genre/`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("common.yaml", include_str!("../../genre/common.yaml")),
    ("era.yaml", include_str!("../../genre/era.yaml")),
    (
        "sectors/generic.yaml",
        include_str!("../../genre/sectors/generic.yaml"),
    ),
    (
        "sectors/hospital.yaml",
        include_str!("../../genre/sectors/hospital.yaml"),
    ),
    (
        "sectors/county.yaml",
        include_str!("../../genre/sectors/county.yaml"),
    ),
    (
        "sectors/traffic.yaml",
        include_str!("../../genre/sectors/traffic.yaml"),
    ),
    (
        "types/study.yaml",
        include_str!("../../genre/types/study.yaml"),
    ),
    (
        "types/thematic.yaml",
        include_str!("../../genre/types/thematic.yaml"),
    ),
    (
        "types/create.yaml",
        include_str!("../../genre/types/create.yaml"),
    ),
    (
        "types/crackdown.yaml",
        include_str!("../../genre/types/crackdown.yaml"),
    ),
    (
        "types/conduct.yaml",
        include_str!("../../genre/types/conduct.yaml"),
    ),
    (
        "types/general.yaml",
        include_str!("../../genre/types/general.yaml"),
    ),
];

/// The sector a profile without `org.kind` belongs to.
pub const DEFAULT_SECTOR: &str = "generic";
/// The campaign type when neither `campaign.type` nor the name says.
pub const DEFAULT_TYPE: &str = "general";

/// A file's parse, done once: the value, or what is wrong with it.
pub type Loaded<T> = Result<Arc<T>, Vec<Diagnostic>>;

/// One genre file: where it is shown as coming from, its text, and its
/// parse once someone asked for it.
struct Entry<T> {
    key: String,
    path: PathBuf,
    text: Cow<'static, str>,
    cell: OnceLock<Loaded<T>>,
}

impl<T> Entry<T> {
    fn new(key: &str, path: PathBuf, text: Cow<'static, str>) -> Self {
        Entry {
            key: key.to_owned(),
            path,
            text,
            cell: OnceLock::new(),
        }
    }
}

/// The genre data a run uses: the built-in files with the user's on top.
pub struct Genre {
    common: Entry<Common>,
    era: Entry<Era>,
    sectors: Vec<Entry<Sector>>,
    types: Vec<Entry<CampaignType>>,
}

impl std::fmt::Debug for Genre {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Genre")
            .field("sectors", &self.sector_keys())
            .field("types", &self.type_keys())
            .finish()
    }
}

impl Genre {
    /// The built-in data, shared by every loader of the process.
    pub fn builtin() -> Arc<Genre> {
        static BUILT_IN: OnceLock<Arc<Genre>> = OnceLock::new();
        BUILT_IN
            .get_or_init(|| Arc::new(Genre::from_files(Vec::new(), None)))
            .clone()
    }

    /// The built-in data in a registry of its own, nothing parsed yet:
    /// what a cold process starts from (benchmarks measure parsing with it;
    /// everything else shares [`Genre::builtin`]).
    pub fn unshared() -> Genre {
        Genre::from_files(Vec::new(), None)
    }

    /// The built-in data with the user's files under `dir/genre/` added or
    /// put in place of built-in ones of the same name; the built-in data
    /// alone when `dir` is `None` or has no `genre/`.
    pub fn open(dir: Option<&Path>) -> anyhow::Result<Arc<Genre>> {
        let Some(dir) = dir else {
            return Ok(Genre::builtin());
        };
        let root = dir.join("genre");
        if !root.is_dir() {
            return Ok(Genre::builtin());
        }
        let mut user = Vec::new();
        for top in ["common.yaml", "era.yaml"] {
            let path = root.join(top);
            if path.is_file() {
                user.push((top.to_owned(), read(&path)?));
            }
        }
        for folder in ["sectors", "types"] {
            let sub = root.join(folder);
            if !sub.is_dir() {
                continue;
            }
            let mut names = Vec::new();
            for entry in fs_err::read_dir(&sub)? {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == "yaml") && path.is_file() {
                    names.push(path);
                }
            }
            names.sort();
            for path in names {
                let file = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                user.push((format!("{folder}/{file}"), read(&path)?));
            }
        }
        Ok(Arc::new(Genre::from_files(user, Some(dir))))
    }

    fn from_files(user: Vec<(String, String)>, dir: Option<&Path>) -> Genre {
        let mut files: Vec<(String, PathBuf, Cow<'static, str>)> = BUILTIN
            .iter()
            .filter(|(rel, _)| !user.iter().any(|(u, _)| u == rel))
            .map(|(rel, text)| {
                (
                    (*rel).to_owned(),
                    check::shown(rel, None),
                    Cow::Borrowed(*text),
                )
            })
            .collect();
        files.extend(
            user.into_iter()
                .map(|(rel, text)| (rel.clone(), check::shown(&rel, dir), Cow::Owned(text))),
        );
        let take = |name: &str, files: &mut Vec<(String, PathBuf, Cow<'static, str>)>| {
            let at = files.iter().position(|(rel, _, _)| rel == name);
            at.map(|i| files.remove(i))
        };
        let (_, common_path, common_text) = take("common.yaml", &mut files).unwrap_or_else(|| {
            (
                "common.yaml".into(),
                check::shown("common.yaml", None),
                Cow::Borrowed(""),
            )
        });
        let (_, era_path, era_text) = take("era.yaml", &mut files).unwrap_or_else(|| {
            (
                "era.yaml".into(),
                check::shown("era.yaml", None),
                Cow::Borrowed(""),
            )
        });
        let mut sectors = Vec::new();
        let mut types = Vec::new();
        for (rel, path, text) in files {
            let (folder, file) = rel.split_once('/').unwrap_or(("", &rel));
            let key = file.strip_suffix(".yaml").unwrap_or(file);
            match folder {
                "sectors" => sectors.push(Entry::new(key, path, text)),
                "types" => types.push(Entry::new(key, path, text)),
                _ => {}
            }
        }
        Genre {
            common: Entry::new("common", common_path, common_text),
            era: Entry::new("era", era_path, era_text),
            sectors,
            types,
        }
    }

    pub fn sector_keys(&self) -> Vec<&str> {
        self.sectors.iter().map(|e| e.key.as_str()).collect()
    }

    pub fn type_keys(&self) -> Vec<&str> {
        self.types.iter().map(|e| e.key.as_str()).collect()
    }

    /// The sector key `written` (a key or a Chinese name: 医院) names.
    pub fn sector_key(&self, written: &str) -> Option<&str> {
        find_key(&self.sectors, written.trim())
    }

    /// The campaign type key `written` (学习教育, crackdown) names.
    pub fn type_key(&self, written: &str) -> Option<&str> {
        find_key(&self.types, written.trim())
    }

    /// Every sector, key and Chinese names, for listings and hints.
    pub fn sector_names(&self) -> Vec<(&str, Vec<String>)> {
        self.sectors
            .iter()
            .map(|e| (e.key.as_str(), header_list(&e.text, "names")))
            .collect()
    }

    /// Every campaign type, key and Chinese names.
    pub fn type_names(&self) -> Vec<(&str, Vec<String>)> {
        self.types
            .iter()
            .map(|e| (e.key.as_str(), header_list(&e.text, "names")))
            .collect()
    }

    /// The nearest sector key or name to a misspelt `written`.
    pub fn closest_sector(&self, written: &str) -> Option<String> {
        closest_name(self.sector_names(), written)
    }

    pub fn closest_type(&self, written: &str) -> Option<String> {
        closest_name(self.type_names(), written)
    }

    /// The campaign type a campaign's name says, and the word that says
    /// it: the type whose word comes first in the name (创建全国文明城市集中
    /// 攻坚行动 is a 创建 drive), the longer word on a tie.
    pub fn infer_type(&self, name: &str) -> Option<(&str, String)> {
        let mut best: Option<(usize, usize, &str, String)> = None;
        for e in &self.types {
            for word in header_list(&e.text, "infer") {
                if let Some(at) = name.find(&word) {
                    let len = word.len();
                    let better = best
                        .as_ref()
                        .is_none_or(|(a, l, _, _)| at < *a || (at == *a && len > *l));
                    if better {
                        best = Some((at, len, e.key.as_str(), word));
                    }
                }
            }
        }
        best.map(|(_, _, key, word)| (key, word))
    }

    pub fn sector(&self, key: &str) -> Loaded<Sector> {
        match self.sectors.iter().find(|e| e.key == key) {
            Some(e) => parsed(e, |c, raw| c.sector(raw, &e.key)),
            None => Err(vec![missing(key, "行业")]),
        }
    }

    pub fn campaign_type(&self, key: &str) -> Loaded<CampaignType> {
        let Some(e) = self.types.iter().find(|e| e.key == key) else {
            return Err(vec![missing(key, "活动类型")]);
        };
        // A type's items may use common.yaml's: it is read first.
        let common = self.common()?;
        parsed(e, |c, raw| c.campaign_type(raw, &e.key, &common))
    }

    pub fn common(&self) -> Loaded<Common> {
        parsed(&self.common, |c, raw| c.common(raw))
    }

    pub fn era(&self) -> Loaded<Era> {
        parsed(&self.era, |c, raw| c.era(raw))
    }
}

/// The parse of `e`, made on the first call: the file read as `R`, then
/// checked into a `T` by `check`.
fn parsed<R, T>(
    e: &Entry<T>,
    check: impl FnOnce(check::Checker<'_>, R) -> (Option<T>, Vec<Diagnostic>),
) -> Loaded<T>
where
    R: serde::de::DeserializeOwned,
{
    e.cell
        .get_or_init(|| {
            let (raw, mut diagnostics) = check::parse::<R>(&e.path, &e.text);
            let Some(raw) = raw else {
                return Err(diagnostics);
            };
            let (value, more) = check(check::Checker::new(&e.path, &e.text, &e.key), raw);
            diagnostics.extend(more);
            value.map(Arc::new).ok_or(diagnostics)
        })
        .clone()
}

/// A user's genre file as text.
fn read(path: &Path) -> anyhow::Result<String> {
    let bytes = fs_err::read(path).with_context(|| format!("读取 {} 失败", path.display()))?;
    String::from_utf8(bytes).map_err(|_| {
        anyhow::Error::new(InputError(format!(
            "{}：文件不是 UTF-8 编码。请用记事本或 WPS 打开，“另存为”时把编码选为 UTF-8",
            path.display()
        )))
    })
}

fn missing(key: &str, what: &str) -> Diagnostic {
    Diagnostic::error(Path::new("genre"), 0, 0, format!("没有{what}文件“{key}”"))
}

fn find_key<'a, T>(entries: &'a [Entry<T>], written: &str) -> Option<&'a str> {
    if let Some(e) = entries.iter().find(|e| e.key == written) {
        return Some(&e.key);
    }
    entries
        .iter()
        .find(|e| header_list(&e.text, "names").iter().any(|n| n == written))
        .map(|e| e.key.as_str())
}

fn closest_name(all: Vec<(&str, Vec<String>)>, written: &str) -> Option<String> {
    let candidates: Vec<String> = all
        .into_iter()
        .flat_map(|(k, names)| std::iter::once(k.to_owned()).chain(names))
        .collect();
    closest(written.trim(), candidates.iter().map(String::as_str)).map(str::to_owned)
}

/// The list under the top-level key `key` of a genre file, read without
/// parsing the whole file: finding a sector by its Chinese name must not
/// cost a parse of every sector.
fn header_list(text: &str, key: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Only {
        #[serde(default)]
        list: Vec<String>,
    }
    let prefix = format!("{key}:");
    let mut lines = text.lines();
    let Some(first) = lines.by_ref().find(|l| l.starts_with(&prefix)) else {
        return Vec::new();
    };
    let mut snippet = format!("list:{}\n", &first[prefix.len()..]);
    for l in lines {
        let continues =
            l.starts_with(' ') || l.starts_with('-') || l.trim().is_empty() || l.starts_with('#');
        if !continues {
            break;
        }
        snippet.push_str(l);
        snippet.push('\n');
    }
    crate::yaml::parse::<Only>(&snippet, 0)
        .value
        .map(|o| o.list.into_iter().map(|s| s.trim().to_owned()).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lists_are_read_in_either_style() {
        assert_eq!(
            header_list("names: [医院, 卫生院]\nx: 1\n", "names"),
            ["医院", "卫生院"]
        );
        assert_eq!(
            header_list("# 注释\nnames:\n  - 医院\n  - 卫生院\ndefaults:\n", "names"),
            ["医院", "卫生院"]
        );
        assert!(header_list("x: 1\n", "names").is_empty());
    }

    #[test]
    fn every_built_in_file_loads_without_a_problem() {
        let g = Genre::builtin();
        let show = |d: Vec<Diagnostic>| d.iter().map(ToString::to_string).collect::<String>();
        if let Err(d) = g.common() {
            panic!("common.yaml:\n{}", show(d));
        }
        if let Err(d) = g.era() {
            panic!("era.yaml:\n{}", show(d));
        }
        for key in g.sector_keys() {
            if let Err(d) = g.sector(key) {
                panic!("{key}:\n{}", show(d));
            }
        }
        for key in g.type_keys() {
            if let Err(d) = g.campaign_type(key) {
                panic!("{key}:\n{}", show(d));
            }
        }
    }

    #[test]
    fn sectors_are_found_by_key_or_chinese_name() {
        let g = Genre::builtin();
        assert_eq!(g.sector_key("hospital"), Some("hospital"));
        assert_eq!(g.sector_key("医院"), Some("hospital"));
        assert_eq!(g.sector_key("县委"), Some("county"));
        assert_eq!(g.sector_key("hospitl"), None);
        assert_eq!(g.closest_sector("hospitl").as_deref(), Some("hospital"));
    }

    #[test]
    fn campaign_types_are_inferred_from_the_name() {
        let g = Genre::builtin();
        let infer = |name: &str| g.infer_type(name).map(|(k, _)| k.to_owned());
        assert_eq!(
            infer("2023年夏季治安打击整治行动").as_deref(),
            Some("crackdown")
        );
        assert_eq!(
            infer("创建全国文明城市集中攻坚行动").as_deref(),
            Some("create")
        );
        assert_eq!(infer("平安交通创建").as_deref(), Some("create"));
        assert_eq!(infer("创先争优").as_deref(), Some("create"));
        assert_eq!(infer("作风建设提升年").as_deref(), Some("conduct"));
        assert_eq!(infer("安全生产大检查").as_deref(), Some("crackdown"));
        assert_eq!(infer("党史学习教育").as_deref(), Some("study"));
        assert_eq!(infer("基层党建提升年"), None);
    }
}
