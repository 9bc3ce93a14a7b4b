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
pub mod documents;
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

// `BUILTIN` (every built-in file's path under `genre/` and its text),
// `COMPILED` (the same files checked by build.rs, in the same order) and
// `LISTS` (their `names` and `infer`).
include!(concat!(env!("OUT_DIR"), "/genre.rs"));

/// The sector a profile without `org.kind` belongs to.
pub const DEFAULT_SECTOR: &str = "generic";
/// The campaign type when neither `campaign.type` nor the name says.
pub const DEFAULT_TYPE: &str = "general";

/// A file's parse, done once: the value, or what is wrong with it.
pub type Loaded<T> = Result<Arc<T>, Vec<Diagnostic>>;

/// One genre file: where it is shown as coming from, its text, the form
/// build.rs compiled it to (built-in files only), and its value once
/// someone asked for it.
struct Entry<T> {
    key: String,
    path: PathBuf,
    text: Cow<'static, str>,
    compiled: Option<&'static [u8]>,
    lists: Option<Lists>,
    cell: OnceLock<Loaded<T>>,
}

/// A file's `names` and `infer`, as build.rs found them.
type Lists = (&'static [&'static str], &'static [&'static str]);

impl<T> Entry<T> {
    fn new(key: &str, file: File) -> Self {
        Entry {
            key: key.to_owned(),
            path: file.path,
            text: file.text,
            compiled: file.compiled,
            lists: file.lists,
            cell: OnceLock::new(),
        }
    }

    /// The list `names` or `infer` of the file, without decoding or
    /// parsing all of it: finding a sector by its Chinese name must not
    /// cost a read of every sector.
    fn list(&self, key: &str) -> Vec<String> {
        match (self.lists, key) {
            (Some((names, _)), "names") => names.iter().map(|s| (*s).to_owned()).collect(),
            (Some((_, infer)), _) => infer.iter().map(|s| (*s).to_owned()).collect(),
            (None, _) => header_list(&self.text, key),
        }
    }
}

/// A genre file before it is sorted into its place.
struct File {
    rel: String,
    path: PathBuf,
    text: Cow<'static, str>,
    compiled: Option<&'static [u8]>,
    lists: Option<Lists>,
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

    /// The same registry reading every file from its YAML text, as a
    /// user's own files are read: for benchmarks and for the test that the
    /// compiled files say what their text says.
    pub fn without_compiled(mut self) -> Genre {
        let entries = self.sectors.iter_mut().map(|e| &mut e.compiled);
        let entries = entries.chain(self.types.iter_mut().map(|e| &mut e.compiled));
        for c in entries.chain([&mut self.common.compiled, &mut self.era.compiled]) {
            *c = None;
        }
        self
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
        // A built-in campaign type was compiled against the built-in
        // common.yaml (its items may use common's): with the user's own
        // common.yaml it is read again from its text.
        let own_common = user.iter().any(|(rel, _)| rel == "common.yaml");
        let mut files: Vec<File> = BUILTIN
            .iter()
            .zip(COMPILED.iter().zip(LISTS))
            .filter(|((rel, _), _)| !user.iter().any(|(u, _)| u == rel))
            .map(|((rel, text), (compiled, lists))| File {
                rel: (*rel).to_owned(),
                path: check::shown(rel, None),
                text: Cow::Borrowed(*text),
                compiled: (!(own_common && rel.starts_with("types/"))).then_some(*compiled),
                lists: Some(*lists),
            })
            .collect();
        files.extend(user.into_iter().map(|(rel, text)| File {
            path: check::shown(&rel, dir),
            rel,
            text: Cow::Owned(text),
            compiled: None,
            lists: None,
        }));
        let mut take = |name: &str| {
            let at = files.iter().position(|f| f.rel == name);
            at.map(|i| files.remove(i)).unwrap_or_else(|| File {
                rel: name.to_owned(),
                path: check::shown(name, None),
                text: Cow::Borrowed(""),
                compiled: None,
                lists: None,
            })
        };
        let common = take("common.yaml");
        let era = take("era.yaml");
        let mut sectors = Vec::new();
        let mut types = Vec::new();
        for file in files {
            let (folder, name) = file.rel.split_once('/').unwrap_or(("", &file.rel));
            let key = name.strip_suffix(".yaml").unwrap_or(name).to_owned();
            match folder {
                "sectors" => sectors.push(Entry::new(&key, file)),
                "types" => types.push(Entry::new(&key, file)),
                _ => {}
            }
        }
        Genre {
            common: Entry::new("common", common),
            era: Entry::new("era", era),
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
            .map(|e| (e.key.as_str(), e.list("names")))
            .collect()
    }

    /// Every campaign type, key and Chinese names.
    pub fn type_names(&self) -> Vec<(&str, Vec<String>)> {
        self.types
            .iter()
            .map(|e| (e.key.as_str(), e.list("names")))
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
            for word in e.list("infer") {
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

/// The value of `e`, made on the first call: decoded from what build.rs
/// compiled, or the file read as `R` and checked into a `T` by `check`.
fn parsed<R, T>(
    e: &Entry<T>,
    check: impl FnOnce(check::Checker<'_>, R) -> (Option<T>, Vec<Diagnostic>),
) -> Loaded<T>
where
    R: serde::de::DeserializeOwned,
    T: serde::Deserialize<'static>,
{
    e.cell
        .get_or_init(|| {
            if let Some(value) = e.compiled.and_then(|b| postcard::from_bytes::<T>(b).ok()) {
                return Ok(Arc::new(value));
            }
            check::load(&e.path, &e.text, &e.key, check).map(Arc::new)
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
        .find(|e| e.list("names").iter().any(|n| n == written))
        .map(|e| e.key.as_str())
}

fn closest_name(all: Vec<(&str, Vec<String>)>, written: &str) -> Option<String> {
    let candidates: Vec<String> = all
        .into_iter()
        .flat_map(|(k, names)| std::iter::once(k.to_owned()).chain(names))
        .collect();
    closest(written.trim(), candidates.iter().map(String::as_str)).map(str::to_owned)
}

/// The list under the top-level key `key` of a user's genre file, read
/// without parsing the whole file.
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

    /// The built-in data as build.rs compiled it is what reading the YAML
    /// gives: the same values, and every file decodes (a file that did not
    /// would be read from its text, silently and slowly).
    #[test]
    fn compiled_files_decode_to_what_their_text_says() {
        let compiled = Genre::unshared();
        let text = Genre::unshared().without_compiled();
        let same = |a: String, b: String, what: &str| assert!(a == b, "{what} differs");
        same(
            format!("{:?}", compiled.common().ok()),
            format!("{:?}", text.common().ok()),
            "common",
        );
        same(
            format!("{:?}", compiled.era().ok()),
            format!("{:?}", text.era().ok()),
            "era",
        );
        for e in &compiled.sectors {
            assert_eq!(e.list("names"), header_list(&e.text, "names"), "{}", e.key);
            assert!(postcard::from_bytes::<Sector>(e.compiled.unwrap_or_default()).is_ok());
            same(
                format!("{:?}", compiled.sector(&e.key).ok()),
                format!("{:?}", text.sector(&e.key).ok()),
                &e.key,
            );
        }
        for e in &compiled.types {
            assert_eq!(e.list("names"), header_list(&e.text, "names"), "{}", e.key);
            assert_eq!(e.list("infer"), header_list(&e.text, "infer"), "{}", e.key);
            assert!(postcard::from_bytes::<CampaignType>(e.compiled.unwrap_or_default()).is_ok());
            same(
                format!("{:?}", compiled.campaign_type(&e.key).ok()),
                format!("{:?}", text.campaign_type(&e.key).ok()),
                &e.key,
            );
        }
        for blob in [compiled.common.compiled, compiled.era.compiled] {
            assert!(blob.is_some_and(|b| !b.is_empty()));
        }
        assert!(
            postcard::from_bytes::<Common>(compiled.common.compiled.unwrap_or_default()).is_ok()
        );
        assert!(postcard::from_bytes::<Era>(compiled.era.compiled.unwrap_or_default()).is_ok());
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
