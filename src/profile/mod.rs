//! The profile: loading a file and the campaign files it `extends`, merging
//! them, and resolving the result into a validated [`Profile`] with every
//! problem reported at its file, line and column.

mod model;
mod raw;
mod resolve;
mod sources;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use model::*;

use crate::diagnostic::{Diagnostic, SourceText};
use crate::error::InputError;
use crate::genre::Genre;
use crate::input::text as textfile;
use crate::yaml::{Pos, SourceId};
use raw::{Merge, RawProfile};
use sources::Sources;

/// The largest profile read, in bytes; real ones are a few kilobytes.
pub const MAX_PROFILE_BYTES: u64 = 1024 * 1024;

/// What loading one profile gave.
pub struct Loaded {
    /// The profile, when nothing in it is an error.
    pub profile: Option<Profile>,
    /// Every problem found, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The profile and each file it extends, nearest first (for watching).
    pub files: Vec<PathBuf>,
    /// Whether the file, with what it extends, has an `org` or a `meeting`
    /// section (or could not be parsed): a campaign file shared through
    /// `extends` has neither and is no profile of its own.
    pub looks_like_profile: bool,
}

/// One file read and parsed, kept so a campaign file shared by many
/// profiles is read once.
#[derive(Clone)]
struct Layer {
    raw: Option<RawProfile>,
    diagnostics: Vec<Diagnostic>,
    source: SourceId,
}

/// Loads profiles, reading each file once however many profiles share it.
pub struct Loader {
    sources: Sources,
    layers: HashMap<PathBuf, Layer>,
    /// Each path's cache key, worked out once: resolving a path asks the
    /// system about every folder on the way, and a batch would ask it ten
    /// times for each profile.
    keys: HashMap<PathBuf, PathBuf>,
    /// Where sectors, campaign types and the era table come from.
    genre: Arc<Genre>,
}

impl Default for Loader {
    fn default() -> Self {
        Loader::with_genre(Genre::builtin())
    }
}

impl Loader {
    /// A loader with the built-in genre data.
    pub fn new() -> Self {
        Loader::default()
    }

    /// A loader whose profiles may name the sectors and campaign types of
    /// `genre` (the built-in ones and those under `--templates DIR/genre/`).
    pub fn with_genre(genre: Arc<Genre>) -> Self {
        Loader {
            sources: Sources::default(),
            layers: HashMap::new(),
            keys: HashMap::new(),
            genre,
        }
    }

    /// Loads the profile at `path`. Fails only when `path` itself cannot be
    /// read; everything wrong inside it comes back as diagnostics.
    pub fn load(&mut self, path: &Path) -> anyhow::Result<Loaded> {
        let Ok(loaded) = load_from(self, path);
        loaded
    }

    /// [`Loader::load`] for a profile whose files (it and every file it
    /// extends) [`Loader::preload`] has read and parsed: the loader is not
    /// changed, so any thread can resolve any profile of a batch. `None`
    /// when a file of its chain is not cached; [`Loader::load`] reads it.
    pub fn load_preloaded(&self, path: &Path) -> Option<anyhow::Result<Loaded>> {
        load_from(&mut Preloaded(self), path).ok()
    }

    /// Reads `paths` and parses them on up to `threads` threads, ahead of
    /// [`Loader::load`]: the YAML parse is most of a load, so a batch uses
    /// every core and still parses each file once. A file that cannot be
    /// read is left for `load` to report.
    pub fn preload(&mut self, paths: &[PathBuf], threads: usize) {
        let mut round = paths.to_vec();
        // Then the files they extend, and what those extend: so that
        // `load_preloaded` finds every file of each chain.
        while !round.is_empty() {
            let parsed = self.read_and_parse(&round, threads);
            round = parsed
                .iter()
                .filter_map(|file| {
                    let extends = file.layer.raw.as_ref()?.extends.as_ref()?;
                    Some(extended(&file.path, &extends.value))
                })
                .collect();
            // A file cached already (a campaign file shared, or a cycle)
            // is skipped by the next round's read: the loop ends.
            for file in parsed {
                self.keep(file);
            }
        }
    }

    /// Reads the files of `paths` not cached yet and parses them, on up to
    /// `threads` threads: reading too, as a batch's profiles are hundreds
    /// of small files. Each file's place among the sources is taken here,
    /// in order, and its text put there once read.
    fn read_and_parse(&mut self, paths: &[PathBuf], threads: usize) -> Vec<ParsedFile> {
        let mut todo = Vec::new();
        let mut queued = std::collections::HashSet::new();
        for path in paths {
            let key = self.key_of_mut(path);
            if self.layers.contains_key(&key) || !queued.insert(key.clone()) {
                continue;
            }
            let source = self.sources.reserve(path.clone());
            todo.push((key, path, source));
        }
        let chunk = todo.len().div_ceil(threads.max(1)).max(1);
        let read: Vec<(SourceId, Option<(SourceText, ParsedFile)>)> = std::thread::scope(|s| {
            let workers: Vec<_> = todo
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|(key, path, source)| {
                                let read = read_profile_text(path).ok().map(|text| {
                                    let text = SourceText::new(text);
                                    let parsed = ParsedFile {
                                        key: key.clone(),
                                        path: (*path).clone(),
                                        layer: parse(path, &text, *source),
                                    };
                                    (text, parsed)
                                });
                                (*source, read)
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            // A worker that died leaves its files to `load`.
            workers
                .into_iter()
                .filter_map(|w| w.join().ok())
                .flatten()
                .collect()
        });
        read.into_iter()
            .filter_map(|(source, read)| match read {
                Some((text, parsed)) => {
                    self.sources.fill(source, text);
                    Some(parsed)
                }
                // Unreadable: `load` says why.
                None => {
                    self.sources.release(source);
                    None
                }
            })
            .collect()
    }

    /// Caches a file a preloading thread parsed.
    fn keep(&mut self, parsed: ParsedFile) {
        self.layers.insert(parsed.key, parsed.layer);
    }

    /// Forgets the files at `paths` (their parse and their text), so a
    /// batch of any size holds only the profiles it is rendering. A file
    /// forgotten and needed again is read again.
    pub fn forget(&mut self, paths: &[PathBuf]) {
        for path in paths {
            let key = self.keys.remove(path).unwrap_or_else(|| canonical(path));
            if let Some(layer) = self.layers.remove(&key) {
                self.sources.release(layer.source);
            }
        }
        // The campaign files stay cached, but not every way of naming them
        // (`../x/../campaigns/c.yaml` from each folder): the memo starts
        // again, so a batch of any size holds only a chunk's names.
        self.keys.clear();
    }

    /// Reads and parses one file, or takes it from the cache.
    fn read_layer(&mut self, path: &Path) -> anyhow::Result<Layer> {
        let key = self.key_of_mut(path);
        if let Some(layer) = self.layers.get(&key) {
            return Ok(layer.clone());
        }
        let text = read_profile_text(path)?;
        let source = self.sources.add(path.to_owned(), text);
        let layer = self.parse(source);
        self.layers.insert(key, layer.clone());
        Ok(layer)
    }

    /// Takes `key` as the canonical path of `path`, worked out by the
    /// caller (a batch knows each profile's from finding it).
    pub fn remember(&mut self, path: PathBuf, key: PathBuf) {
        self.keys.insert(path, key);
    }

    /// The cache key of `path`, remembered.
    fn key_of_mut(&mut self, path: &Path) -> PathBuf {
        self.keys
            .entry(path.to_owned())
            .or_insert_with(|| canonical(path))
            .clone()
    }

    fn parse(&self, source: SourceId) -> Layer {
        match self.sources.get(source) {
            Some(file) => parse(&file.path, &file.text, source),
            None => Layer {
                raw: None,
                diagnostics: Vec::new(),
                source,
            },
        }
    }
}

/// A file of a chain that [`Loader::preload`] did not cache.
struct NotPreloaded;

/// Where a load comes by each file of a chain: a [`Loader`] reads what it
/// has not cached; [`Preloaded`] takes only what was cached, so it needs
/// no `&mut` and any thread can use it.
trait Layers {
    /// Why a file could not be had without reading it.
    type Miss;
    fn layer(&mut self, path: &Path) -> Result<anyhow::Result<Layer>, Self::Miss>;
    fn loader(&self) -> &Loader;
    /// The canonical path of `path`, remembered where it can be.
    fn key(&mut self, path: &Path) -> PathBuf;
}

impl Layers for Loader {
    type Miss = std::convert::Infallible;

    fn layer(&mut self, path: &Path) -> Result<anyhow::Result<Layer>, Self::Miss> {
        Ok(self.read_layer(path))
    }

    fn loader(&self) -> &Loader {
        self
    }

    fn key(&mut self, path: &Path) -> PathBuf {
        self.key_of_mut(path)
    }
}

struct Preloaded<'a>(&'a Loader);

impl Layers for Preloaded<'_> {
    type Miss = NotPreloaded;

    fn layer(&mut self, path: &Path) -> Result<anyhow::Result<Layer>, NotPreloaded> {
        let key = self.key(path);
        let layer = self.0.layers.get(&key).ok_or(NotPreloaded)?;
        Ok(Ok(layer.clone()))
    }

    fn loader(&self) -> &Loader {
        self.0
    }

    fn key(&mut self, path: &Path) -> PathBuf {
        self.0
            .keys
            .get(path)
            .cloned()
            .unwrap_or_else(|| canonical(path))
    }
}

/// [`Loader::load`], its files taken from `files`.
fn load_from<L: Layers>(files: &mut L, path: &Path) -> Result<anyhow::Result<Loaded>, L::Miss> {
    let top = match files.layer(path)? {
        Ok(top) => top,
        Err(e) => return Ok(Err(e)),
    };
    let mut chain = Vec::new();
    let mut diagnostics = Vec::new();
    let raw = with_bases(files, top.clone(), path, &mut chain, &mut diagnostics)?;
    let loader = files.loader();
    let looks_like_profile = raw
        .as_ref()
        .is_none_or(|r| r.org.is_some() || r.meeting.is_some());
    let profile = raw.and_then(|raw| {
        let root = Pos {
            source: top.source,
            line: 0,
            column: 0,
        };
        let mut resolver = resolve::Resolver::new(&loader.sources, root, &loader.genre);
        let profile = resolver.profile(raw);
        diagnostics.extend(resolver.diagnostics);
        profile
    });
    let profile = profile.filter(|_| !crate::diagnostic::has_errors(&diagnostics));
    // Read top to bottom: the profile's own problems first, then each
    // file it extends, each in line order.
    let file_rank = |d: &Diagnostic| {
        chain
            .iter()
            .position(|f| *f == d.path)
            .unwrap_or(usize::MAX)
    };
    diagnostics.sort_by_key(|d| (file_rank(d), d.line, d.column));
    Ok(Ok(Loaded {
        profile,
        diagnostics,
        files: chain,
        looks_like_profile,
    }))
}

/// Follows the `extends` chain from `layer` (the file at `path`) and
/// merges it; `None` when a file in the chain could not be parsed.
fn with_bases<L: Layers>(
    files: &mut L,
    layer: Layer,
    path: &Path,
    chain: &mut Vec<PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<RawProfile>, L::Miss> {
    chain.push(path.to_owned());
    diagnostics.extend(layer.diagnostics);
    let Some(raw) = layer.raw else {
        return Ok(None);
    };
    let Some(extends) = raw.extends.clone() else {
        return Ok(Some(raw));
    };
    let base_path = extended(path, &extends.value);
    let pos = extends.pos;
    let problem = |loader: &Loader, message: String, hint: &str| {
        loader
            .sources
            .diagnostic(pos, message)
            .with_hint(hint.to_owned())
    };
    let base_key = files.key(&base_path);
    let seen = chain.iter().any(|f| files.key(f) == base_key);
    if seen {
        let shown: Vec<String> = chain.iter().map(|f| f.display().to_string()).collect();
        diagnostics.push(problem(
            files.loader(),
            format!(
                "extends 形成了循环：{} → {}",
                shown.join(" → "),
                base_path.display()
            ),
            "去掉其中一处 extends，让继承关系成为一条单向链",
        ));
        return Ok(None);
    }
    let base = match files.layer(&base_path)? {
        Ok(base) => base,
        Err(e) => {
            let (message, hint) = match e.downcast_ref::<Unreadable>() {
                Some(u) if u.not_a_file && base_path.is_dir() => (
                    format!("extends 指向的是文件夹：{}", base_path.display()),
                    "extends 要写成某个 .yaml 文件的路径（相对于本文件）",
                ),
                // A FIFO would block, a device never end: not read.
                Some(u) if u.not_a_file => (
                    format!("extends 指向的 {}", u.what),
                    "extends 要写成某个 .yaml 文件的路径（相对于本文件）",
                ),
                Some(u) => (
                    format!("extends 的文件读不了：{}", u.what),
                    "检查路径是否写对：它相对于本文件所在的文件夹",
                ),
                // Too large or not UTF-8: the message says what to do.
                None => (
                    format!("extends 的文件读不了：{e}"),
                    "按上面的说明修改那个文件",
                ),
            };
            diagnostics.push(problem(files.loader(), message, hint));
            return Ok(None);
        }
    };
    let base = with_bases(files, base, &base_path, chain, diagnostics)?;
    Ok(base.map(|base| raw.merge(base)))
}

/// What a file is known by however it is reached (what the loader caches
/// it under, and how a batch tells two paths to one file apart): the same
/// file reached by two paths is read once.
pub fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// The file that the profile at `path` names in `extends: WRITTEN`: a
/// path relative to the profile's folder.
pub fn extended(path: &Path, written: &str) -> PathBuf {
    path.parent().unwrap_or(Path::new(".")).join(written.trim())
}

/// A file a batch's preload read and parsed, for [`Loader::keep`].
struct ParsedFile {
    key: PathBuf,
    path: PathBuf,
    layer: Layer,
}

/// Parses the file `source` (at `path`, holding `text`) into a layer.
fn parse(path: &Path, text: &SourceText, source: SourceId) -> Layer {
    if is_blank(text) {
        let d = Diagnostic::error(path, 0, 0, "文件是空的，没有任何配置内容")
            .with_hint("运行 bigan new 单位名称 生成一份可以直接使用的配置，再改写其中的内容");
        return Layer {
            raw: None,
            diagnostics: vec![d],
            source,
        };
    }
    let (raw, diagnostics) = crate::diagnostic::parse_yaml::<RawProfile>(
        path,
        text,
        source,
        |k, near, keys| match near {
            Some(s) => format!("是否想写“{s}”？这一层可用的键：{keys}"),
            None if !k.key.is_ascii() => format!(
                "键要用英文，中文写在冒号后面作为值；这一层可用的键：{keys}（含义见 docs/profile.md）"
            ),
            None => format!("这一层可用的键：{keys}"),
        },
    );
    Layer {
        raw,
        diagnostics,
        source,
    }
}

/// Loads one profile with a fresh [`Loader`].
pub fn load(path: &Path) -> anyhow::Result<Loaded> {
    Loader::new().load(path)
}

/// Reads a profile through the one text-file reader ([`crate::input::text`]),
/// refusing what is too large or in another encoding with a message that
/// says how to fix it (an [`InputError`]); a file that cannot be read at
/// all is [`Unreadable`].
fn read_profile_text(path: &Path) -> anyhow::Result<String> {
    use crate::input::text::Problem;
    let e = match textfile::read(path, Some(MAX_PROFILE_BYTES)) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let shown = path.display();
    let (what, advice) = match &e.problem {
        Problem::TooLarge(_) => {
            return Err(InputError(format!(
                "{shown}：文件超过 {} KB，不像是配置文件（配置文件一般只有几 KB）。\
                 请检查是否选错了文件；确实需要这么长的内容，请拆成几个文件，用 extends 引用",
                MAX_PROFILE_BYTES / 1024
            ))
            .into());
        }
        _ if e.is_content() => return Err(InputError(e.to_string()).into()),
        Problem::NotFound => (
            format!("找不到文件 {shown}"),
            "检查文件名和所在的文件夹是否写对",
        ),
        Problem::Denied => (
            format!("没有权限读取 {shown}"),
            "检查文件的权限，或把它复制到自己的文件夹里",
        ),
        Problem::Folder => {
            return Err(Unreadable {
                what: format!("{shown} 是文件夹，不是配置文件"),
                advice: "请给出一个 .yaml 文件",
                not_a_file: true,
            }
            .into());
        }
        Problem::NotRegular => {
            return Err(Unreadable {
                what: format!("{shown} 不是普通文件（是管道、设备或系统文件）"),
                advice: "请给出一个保存在磁盘上的 .yaml 文件",
                not_a_file: true,
            }
            .into());
        }
        _ => {
            let message = e.to_string();
            let (what, _) = message.split_once('：').unwrap_or((&message, ""));
            (what.to_owned(), "检查文件是否完好、磁盘是否正常")
        }
    };
    Err(Unreadable {
        what,
        advice,
        not_a_file: false,
    }
    .into())
}

/// A file that could not be read at all: what happened, and what to check.
#[derive(Debug)]
struct Unreadable {
    what: String,
    advice: &'static str,
    /// A folder, FIFO or device: the path exists but names no file.
    not_a_file: bool,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}：{}", self.what, self.advice)
    }
}

impl std::error::Error for Unreadable {}

/// Whether `text` holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}
