//! The profile: loading a file and the campaign files it `extends`, merging
//! them, and resolving the result into a validated [`Profile`] with every
//! problem reported at its file, line and column.

mod defaults;
mod model;
mod raw;
mod resolve;
mod sources;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

pub use model::*;

use crate::diagnostic::{Diagnostic, closest};
use crate::yaml::{self, Pos, SourceId};
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
#[derive(Default)]
pub struct Loader {
    sources: Sources,
    layers: HashMap<PathBuf, Layer>,
}

impl Loader {
    pub fn new() -> Self {
        Loader::default()
    }

    /// Loads the profile at `path`. Fails only when `path` itself cannot be
    /// read; everything wrong inside it comes back as diagnostics.
    pub fn load(&mut self, path: &Path) -> anyhow::Result<Loaded> {
        let mut files = Vec::new();
        let mut diagnostics = Vec::new();
        let top = self.layer(path)?;
        let raw = self.with_bases(top.clone(), path, &mut files, &mut diagnostics);
        let looks_like_profile = raw
            .as_ref()
            .is_none_or(|r| r.org.is_some() || r.meeting.is_some());
        let profile = raw.and_then(|raw| {
            let root = Pos {
                source: top.source,
                line: 0,
                column: 0,
            };
            let mut resolver = resolve::Resolver::new(&self.sources, root);
            let profile = resolver.profile(raw);
            diagnostics.extend(resolver.diagnostics);
            profile
        });
        let profile = profile.filter(|_| !crate::diagnostic::has_errors(&diagnostics));
        Ok(Loaded {
            profile,
            diagnostics,
            files,
            looks_like_profile,
        })
    }

    /// Reads `paths` and parses them on up to `threads` threads, ahead of
    /// [`Loader::load`]: the YAML parse is most of a load, so a batch uses
    /// every core and still parses each file once. A file that cannot be
    /// read is left for `load` to report.
    pub fn preload(&mut self, paths: &[PathBuf], threads: usize) {
        let mut todo = Vec::new();
        let mut queued = std::collections::HashSet::new();
        for path in paths {
            let key = path.canonicalize().unwrap_or_else(|_| path.to_owned());
            if self.layers.contains_key(&key) || !queued.insert(key.clone()) {
                continue;
            }
            if let Ok(text) = read_profile_text(path) {
                todo.push((key, self.sources.add(path.to_owned(), text)));
            }
        }
        let chunk = todo.len().div_ceil(threads.max(1)).max(1);
        let this = &*self;
        let parsed: Vec<(PathBuf, Layer)> = std::thread::scope(|s| {
            let workers: Vec<_> = todo
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|(key, source)| (key.clone(), this.parse(*source)))
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
        self.layers.extend(parsed);
    }

    /// Follows the `extends` chain from `layer` (the file at `path`) and
    /// merges it; `None` when a file in the chain could not be parsed.
    fn with_bases(
        &mut self,
        layer: Layer,
        path: &Path,
        files: &mut Vec<PathBuf>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<RawProfile> {
        files.push(path.to_owned());
        diagnostics.extend(layer.diagnostics);
        let raw = layer.raw?;
        let Some(extends) = raw.extends.clone() else {
            return Some(raw);
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        let base_path = dir.join(extends.value.trim());
        let pos = extends.pos;
        let error = |this: &Self, message: String, hint: &str| {
            this.sources
                .diagnostic(pos, message)
                .with_hint(hint.to_owned())
        };
        let seen = files.iter().any(|f| same_file(f, &base_path));
        if seen {
            let chain: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            diagnostics.push(error(
                self,
                format!(
                    "extends 形成了循环：{} → {}",
                    chain.join(" → "),
                    base_path.display()
                ),
                "去掉其中一处 extends，让继承关系成为一条单向链",
            ));
            return None;
        }
        if base_path.is_dir() {
            diagnostics.push(error(
                self,
                format!("extends 指向的是文件夹：{}", base_path.display()),
                "extends 要写成某个 .yaml 文件的路径（相对于本文件）",
            ));
            return None;
        }
        let base = match self.layer(&base_path) {
            Ok(base) => base,
            Err(e) => {
                diagnostics.push(error(
                    self,
                    format!(
                        "extends 的文件读不了：{}（{}）",
                        base_path.display(),
                        root_cause(&e)
                    ),
                    "检查路径是否写对：它相对于本文件所在的文件夹",
                ));
                return None;
            }
        };
        let base = self.with_bases(base, &base_path, files, diagnostics)?;
        Some(raw.merge(base))
    }

    /// Reads and parses one file, or takes it from the cache.
    fn layer(&mut self, path: &Path) -> anyhow::Result<Layer> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        if let Some(layer) = self.layers.get(&key) {
            return Ok(layer.clone());
        }
        let text = read_profile_text(path)?;
        let source = self.sources.add(path.to_owned(), text);
        let layer = self.parse(source);
        self.layers.insert(key, layer.clone());
        Ok(layer)
    }

    fn parse(&self, source: SourceId) -> Layer {
        let Some(file) = self.sources.get(source) else {
            return Layer {
                raw: None,
                diagnostics: Vec::new(),
                source,
            };
        };
        let parsed = yaml::parse::<RawProfile>(&file.text, source);
        let mut diagnostics: Vec<Diagnostic> = parsed
            .unknown_keys
            .iter()
            .map(|k| {
                let hint = match closest(&k.key, k.expected.iter().copied()) {
                    Some(s) => format!("是否想写“{s}”？这一层可用的键：{}", k.expected.join("、")),
                    None => format!("这一层可用的键：{}", k.expected.join("、")),
                };
                Diagnostic::error(&file.path, k.line, k.column, format!("未知的键“{}”", k.key))
                    .with_hint(hint)
                    .with_source(&file.text)
            })
            .collect();
        let raw = match parsed.value {
            Ok(raw) => Some(raw),
            Err(e) => {
                // The unknown key that stopped the parse is already reported.
                if !parsed
                    .unknown_keys
                    .iter()
                    .any(|k| k.line == e.line && k.column == e.column)
                {
                    let mut d = Diagnostic::error(&file.path, e.line, e.column, e.message)
                        .with_source(&file.text);
                    d.hint = e.hint;
                    diagnostics.push(d);
                }
                None
            }
        };
        Layer {
            raw,
            diagnostics,
            source,
        }
    }
}

/// Loads one profile with a fresh [`Loader`].
pub fn load(path: &Path) -> anyhow::Result<Loaded> {
    Loader::new().load(path)
}

/// Reads a profile as UTF-8 text, refusing what is too large or in
/// another encoding with a message that says how to fix it.
fn read_profile_text(path: &Path) -> anyhow::Result<String> {
    let file = fs_err::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("读取 {} 失败", path.display()))?;
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        anyhow::bail!(
            "{}：文件超过 {} KB，不像是配置文件；配置文件一般只有几 KB",
            path.display(),
            MAX_PROFILE_BYTES / 1024
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            anyhow::bail!(
                "{}:{line}: 文件不是 UTF-8 编码（可能是 GBK/GB2312）。\
                 请用记事本或 WPS“另存为”时选择 UTF-8 编码，\
                 或运行：iconv -f GBK -t UTF-8 原文件.yaml > 新文件.yaml",
                path.display()
            )
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn root_cause(e: &anyhow::Error) -> String {
    e.root_cause().to_string()
}
