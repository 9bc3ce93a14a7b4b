//! `bigan render` over many profiles: which files are profiles, one output
//! file per profile and document, a bad profile reported and the others
//! still written, and a summary at the end.
//!
//! Which files are rendered:
//! - every `*.yaml` / `*.yml` named on the command line or found in a
//!   folder named there (and its subfolders, hidden ones left out);
//! - except a file that another file of the run reaches through
//!   `extends`: it is a shared campaign file, not a profile;
//! - and except a file found in a folder that has neither an `org` nor a
//!   `meeting` section (with what it extends): it is not a profile either.
//!   A file named on the command line is always rendered, and fails with
//!   its problems if it is not a profile.
//!
//! Output files are named `STEM.DOC.EXT` after the profile's file name; two
//! profiles with the same name (in different folders) would overwrite each
//! other, so that is refused before anything is written.
//!
//! The templates are compiled once for the run and every file is read and
//! parsed once, however many profiles `extends` it (one [`Loader`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::pool;
pub use super::pool::threads;
use super::progress::Progress;
use super::scan;
use crate::cli::RenderArgs;
use crate::diagnostic::Diagnostic;
use crate::error::{FAILURE, PROBLEMS, is_input};
use crate::output::{self, Format};
use crate::profile::{Loaded, Loader};
use crate::render::{Doc, Renderer};

/// A file the command line names, itself or through a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// Named on the command line, rather than found in a folder.
    pub named: bool,
}

/// What became of one candidate once every candidate was loaded.
pub enum Entry {
    /// A profile to render; it may still have errors (see its diagnostics).
    Profile { path: PathBuf, loaded: Box<Loaded> },
    /// A file that could not be read at all.
    Unreadable { path: PathBuf, error: anyhow::Error },
    /// A file that is not rendered on its own.
    Skipped { path: PathBuf, why: Skip },
}

/// Why a file is not rendered on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// Other files of the run extend it: `by` is the first, of `count`.
    Extended { by: PathBuf, count: usize },
    /// Found in a folder, with neither `org` nor `meeting`.
    NotAProfile,
}

/// The candidates `paths` name, in order, each file once: a folder gives
/// its `*.yaml` and `*.yml` files, subfolders included, sorted by name.
pub fn find(paths: &[PathBuf]) -> anyhow::Result<Vec<Candidate>> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)?;
            found.extend(
                files
                    .into_iter()
                    .map(|path| Candidate { path, named: false }),
            );
        } else {
            found.push(Candidate {
                path: path.clone(),
                named: true,
            });
        }
    }
    let mut seen = HashSet::new();
    found.retain(|c| seen.insert(canonical(&c.path)));
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries = fs_err::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // file_type does not follow links, so a linked folder cannot loop.
        if entry.file_type()?.is_dir() {
            walk(&path, found)?;
        } else if is_yaml(&path) && path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// What became of `candidate`, loaded with `loader`, once the quick look
/// at the whole run (`survey`) told which files others extend.
fn sort_out(loader: &mut Loader, candidate: &Candidate, survey: &scan::Survey) -> Entry {
    let path = candidate.path.clone();
    if let Some((by, count)) = survey.extended.get(&canonical(&path)) {
        return Entry::Skipped {
            path,
            why: Skip::Extended {
                by: by.clone(),
                count: *count,
            },
        };
    }
    match loader.load(&path) {
        Err(error) => Entry::Unreadable { path, error },
        Ok(loaded) if !candidate.named && !loaded.looks_like_profile => Entry::Skipped {
            path,
            why: Skip::NotAProfile,
        },
        Ok(loaded) => Entry::Profile {
            path,
            loaded: Box::new(loaded),
        },
    }
}

/// Profiles whose output files would have the same name, as groups of
/// paths (names compared without case, as Windows and macOS do).
pub fn clashes<'a>(profiles: impl IntoIterator<Item = &'a Path>) -> Vec<Vec<&'a Path>> {
    let mut by_stem: HashMap<String, Vec<&Path>> = HashMap::new();
    let mut order = Vec::new();
    for path in profiles {
        let key = super::stem(path).to_lowercase();
        let group = by_stem.entry(key.clone()).or_default();
        if group.is_empty() {
            order.push(key);
        }
        group.push(path);
    }
    order
        .into_iter()
        .filter_map(|k| by_stem.remove(&k))
        .filter(|g| g.len() > 1)
        .collect()
}

/// What rendering one entry gave.
pub enum Rendered {
    /// Every document asked for, ready to write.
    Drafts(Vec<(Doc, Vec<u8>)>),
    /// The profile has errors (in its diagnostics) or could not be read.
    Invalid,
    /// One document asked for and the profile lacks its facts: the
    /// located errors that name the keys to add.
    Lacking(Vec<crate::diagnostic::Diagnostic>),
    /// A template failed on this profile.
    Failed(anyhow::Error),
}

pub fn run(args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let Some(out) = args.output.as_deref() else {
        anyhow::bail!(
            "一次生成多份配置（或一个文件夹）时，请用 -o 指定输出文件夹，如 -o 文稿：每份配置的每篇文稿各写成一个文件"
        );
    };
    // An -o that is a file was refused by the caller (`render::run`).
    let docs = args.doc.docs();
    let renderer = Renderer::only(args.templates.as_deref(), &docs)?.with_variant(args.variant);
    let threads = threads();
    let genre = crate::genre::Genre::open(args.templates.as_deref())?;
    let mut loader = Loader::with_genre(genre);
    let candidates = find(&args.profiles)?;
    let paths: Vec<PathBuf> = candidates.iter().map(|c| c.path.clone()).collect();
    let survey = scan::survey(&paths, &mut loader);

    // Shared campaign files, and files found in a folder that are no
    // profile, are known from the quick look; the rest are rendered.
    let mut skipped: Vec<(PathBuf, Skip)> = Vec::new();
    let mut jobs: Vec<Candidate> = Vec::new();
    for c in candidates {
        let key = canonical(&c.path);
        if let Some((by, count)) = survey.extended.get(&key) {
            let why = Skip::Extended {
                by: by.clone(),
                count: *count,
            };
            skipped.push((c.path, why));
        } else if !c.named && survey.not_profiles.contains(&key) {
            skipped.push((c.path, Skip::NotAProfile));
        } else {
            jobs.push(c);
        }
    }
    for (path, why) in &skipped {
        eprintln!("跳过 {}：{}", path.display(), skip_reason(why));
    }
    if jobs.is_empty() {
        let given: Vec<String> = args
            .profiles
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        anyhow::bail!(
            "在 {} 中没有找到要生成的配置文件（*.yaml、*.yml）：检查路径，或用 bigan new 新建一份",
            given.join("、")
        );
    }
    let clashing = clashes(jobs.iter().map(|c| c.path.as_path()));
    if !clashing.is_empty() {
        let groups: Vec<String> = clashing
            .iter()
            .map(|g| {
                let names: Vec<String> = g.iter().map(|p| p.display().to_string()).collect();
                names.join(" 与 ")
            })
            .collect();
        anyhow::bail!(
            "这些配置文件同名，生成的文稿会互相覆盖，没有生成任何文稿：{}。请把其中一份改名，或分几次生成到不同的文件夹",
            groups.join("；")
        );
    }
    fs_err::create_dir_all(out)?;

    // A few hundred profiles at a time, parsed on every core, rendered on
    // every core, written in order, then forgotten: memory stays flat
    // however many there are.
    let mut report = Report::new(jobs.len(), out, args.force);
    for chunk in jobs.chunks(CHUNK) {
        let paths: Vec<PathBuf> = chunk.iter().map(|c| c.path.clone()).collect();
        loader.preload(&paths, threads);
        let entries: Vec<Entry> = chunk
            .iter()
            .map(|c| sort_out(&mut loader, c, &survey))
            .collect();
        let mut todo: Vec<&Entry> = Vec::with_capacity(entries.len());
        for entry in &entries {
            match entry {
                // What the quick look could not tell (it read no YAML).
                Entry::Skipped { path, why } => report.skip(path, why),
                _ => todo.push(entry),
            }
        }
        render_all(
            &renderer,
            &todo,
            &docs,
            args.format,
            threads,
            |entry, rendered| report.one(entry, rendered, args),
        );
        loader.forget(&paths);
    }
    Ok(report.finish(&skipped))
}

/// How many profiles a batch holds in memory at once: enough to keep every
/// core busy between two loads, few enough that memory does not grow.
const CHUNK: usize = 512;

/// Finds the files `paths` name, parses them on `threads` threads and
/// sorts them out with `loader` (see the module's rules), all at once: for
/// the benchmarks of the rendering itself.
pub fn gather(
    loader: &mut Loader,
    paths: &[PathBuf],
    threads: usize,
) -> anyhow::Result<Vec<Entry>> {
    let candidates = find(paths)?;
    let files: Vec<PathBuf> = candidates.iter().map(|c| c.path.clone()).collect();
    let survey = scan::survey(&files, loader);
    loader.preload(&files, threads);
    Ok(candidates
        .iter()
        .map(|c| sort_out(loader, c, &survey))
        .collect())
}

/// Renders `docs` of each of `jobs` on `threads` threads, handing each
/// result to `sink` on the calling thread in the order of `jobs`.
pub fn render_all(
    renderer: &Renderer,
    jobs: &[&Entry],
    docs: &[Doc],
    format: Format,
    threads: usize,
    sink: impl FnMut(&&Entry, Rendered),
) {
    pool::in_order(
        jobs,
        threads,
        |entry| render_entry(renderer, entry, docs, format),
        sink,
    );
}

impl Entry {
    pub fn path(&self) -> &Path {
        match self {
            Entry::Profile { path, .. }
            | Entry::Unreadable { path, .. }
            | Entry::Skipped { path, .. } => path,
        }
    }
}

/// Renders every document of `docs` the entry's profile has (worker side:
/// nothing printed, nothing written).
fn render_entry(renderer: &Renderer, entry: &Entry, docs: &[Doc], format: Format) -> Rendered {
    let Entry::Profile { loaded, .. } = entry else {
        return Rendered::Invalid;
    };
    let Some(profile) = &loaded.profile else {
        return Rendered::Invalid;
    };
    let docs = match super::wanted(docs, profile) {
        Ok(docs) => docs,
        Err(gaps) => return Rendered::Lacking(gaps),
    };
    match super::render_docs(renderer, profile, &docs, format) {
        Ok(drafts) => Rendered::Drafts(drafts),
        Err(e) => Rendered::Failed(e),
    }
}

/// The calling thread's side of a batch: writes what was rendered, says
/// what went wrong, keeps count for the summary.
struct Report<'a> {
    out: &'a Path,
    progress: Progress,
    profiles: usize,
    drafts: usize,
    failed: Vec<PathBuf>,
    io_failure: bool,
    /// Writes the drafts: staged as temporary files, put in place (one
    /// flush for many) when enough are waiting and at the end.
    writer: output::write::Writer,
    /// The profiles staged since the last commit, with their drafts.
    staged: Vec<(PathBuf, Vec<PathBuf>)>,
    /// Files that turned out not to be profiles once loaded.
    skipped: Vec<(PathBuf, Skip)>,
    /// Template errors already shown: the same error on many profiles is
    /// shown once.
    shown: HashSet<String>,
}

impl<'a> Report<'a> {
    fn new(total: usize, out: &'a Path, force: bool) -> Self {
        Report {
            writer: output::write::Writer::new(force),
            staged: Vec::new(),
            skipped: Vec::new(),
            out,
            progress: Progress::new(total),
            profiles: 0,
            drafts: 0,
            failed: Vec::new(),
            io_failure: false,
            shown: HashSet::new(),
        }
    }

    fn one(&mut self, entry: &Entry, rendered: Rendered, args: &RenderArgs) {
        let path = entry.path();
        match entry {
            Entry::Profile { loaded, .. } if !loaded.diagnostics.is_empty() => {
                self.progress.print(&diagnostics_text(&loaded.diagnostics));
            }
            Entry::Unreadable { error, .. } => {
                self.progress.print(&crate::error::report(error));
                self.io_failure = true;
            }
            _ => {}
        }
        let written = match rendered {
            Rendered::Drafts(drafts) => self.write(path, &drafts, args),
            Rendered::Invalid => None,
            Rendered::Lacking(gaps) => {
                self.progress.print(&diagnostics_text(&gaps));
                None
            }
            Rendered::Failed(e) => {
                let text = crate::error::report(&e);
                if self.shown.insert(text.clone()) {
                    self.progress
                        .print(&format!("{}：生成失败\n{text}", path.display()));
                } else {
                    self.progress
                        .print(&format!("{}：生成失败，模板错误同上", path.display()));
                }
                None
            }
        };
        match written {
            Some(files) => {
                self.profiles += 1;
                self.drafts += files.len();
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                self.progress
                    .advance(&format!("{} → {}", path.display(), names.join("、")));
            }
            None => {
                self.failed.push(path.to_owned());
                self.progress
                    .advance(&format!("{}：未生成（错误见上）", path.display()));
            }
        }
    }

    /// Writes one profile's drafts; `None` (reported) when one failed.
    fn write(
        &mut self,
        path: &Path,
        drafts: &[(Doc, Vec<u8>)],
        args: &RenderArgs,
    ) -> Option<Vec<PathBuf>> {
        let files: Vec<PathBuf> = drafts
            .iter()
            .map(|(doc, _)| super::file_for(self.out, path, *doc, args.format))
            .collect();
        // A profile's drafts are staged all or none: a refused one (edited
        // by hand) keeps its siblings as they were too.
        let mark = self.writer.mark();
        let checked = files
            .iter()
            .zip(drafts)
            .try_for_each(|(target, (_, bytes))| self.writer.check(target, bytes));
        let written = checked.and_then(|()| {
            files
                .iter()
                .zip(drafts)
                .try_for_each(|(target, (_, bytes))| self.writer.write(target, bytes))
        });
        if let Err(e) = written {
            self.writer.abandon(mark);
            self.progress.print(&crate::error::report(&e));
            self.io_failure |= !is_input(&e);
            return None;
        }
        self.staged.push((path.to_owned(), files.clone()));
        if self.writer.due() {
            let failed = self.writer.commit();
            self.committed(failed);
        }
        Some(files)
    }

    /// A file that turned out not to be a profile once loaded.
    fn skip(&mut self, path: &Path, why: &Skip) {
        self.progress
            .advance(&format!("跳过 {}：{}", path.display(), skip_reason(why)));
        self.skipped.push((path.to_owned(), why.clone()));
    }

    /// Takes note of the drafts a commit could not put in place: their
    /// profiles count as failed after all.
    fn committed(&mut self, failed: Vec<output::write::Failed>) {
        for f in failed {
            self.progress.print(&crate::error::report(&f.error));
            self.io_failure |= !is_input(&f.error);
            if let Some(i) = self
                .staged
                .iter()
                .position(|(_, files)| files.contains(&f.target))
            {
                let (profile, files) = self.staged.swap_remove(i);
                self.profiles -= 1;
                self.drafts -= files.len();
                self.failed.push(profile);
            }
        }
        self.staged.clear();
    }

    /// Prints the summary; the exit status: 1 when a profile failed, 2
    /// when a file could not be read or written.
    fn finish(mut self, skipped: &[(PathBuf, Skip)]) -> ExitCode {
        let failed = self.writer.commit();
        for note in self.writer.take_notes() {
            self.progress.print(&note);
        }
        self.committed(failed);
        self.progress.finish();
        let failed: Vec<&Path> = self.failed.iter().map(PathBuf::as_path).collect();
        let skipped: Vec<(&Path, &Skip)> = skipped
            .iter()
            .chain(&self.skipped)
            .map(|(path, why)| (path.as_path(), why))
            .collect();
        eprint!(
            "{}",
            summary(self.profiles, self.drafts, self.out, &failed, &skipped)
        );
        match (self.failed.is_empty(), self.io_failure) {
            (true, _) => ExitCode::SUCCESS,
            (false, false) => ExitCode::from(PROBLEMS),
            (false, true) => ExitCode::from(FAILURE),
        }
    }
}

fn diagnostics_text(diagnostics: &[Diagnostic]) -> String {
    crate::diagnostic::shown(diagnostics)
}

fn skip_reason(why: &Skip) -> String {
    match why {
        Skip::Extended { by, count: 1 } => {
            format!(
                "共用文件（{} 用 extends 引用了它），不单独生成",
                by.display()
            )
        }
        Skip::Extended { by, count } => format!(
            "共用文件（{} 等 {count} 份配置用 extends 引用了它），不单独生成",
            by.display()
        ),
        Skip::NotAProfile => {
            "没有 org（单位）和 meeting（会议）两节，不是单位配置；如果它是配置，请补上这两节"
                .to_owned()
        }
    }
}

/// How many failures the summary names before "等".
const NAMED_FAILURES: usize = 10;

fn summary(
    rendered: usize,
    written: usize,
    out: &Path,
    failed: &[&Path],
    skipped: &[(&Path, &Skip)],
) -> String {
    let mut s = if rendered == 0 {
        "没有生成任何文稿。\n".to_owned()
    } else {
        format!(
            "完成：{rendered} 份配置生成了 {written} 篇文稿，写在 {}\n",
            out.display()
        )
    };
    if !failed.is_empty() {
        let names: Vec<String> = failed
            .iter()
            .take(NAMED_FAILURES)
            .map(|p| p.display().to_string())
            .collect();
        let more = if failed.len() > NAMED_FAILURES {
            " 等"
        } else {
            ""
        };
        s.push_str(&format!(
            "失败 {} 份（错误见上，改好后重新运行即可）：{}{more}\n",
            failed.len(),
            names.join("、")
        ));
    }
    if !skipped.is_empty() {
        s.push_str(&format!(
            "跳过 {} 个文件（共用的活动文件，或不是单位配置，见上）\n",
            skipped.len()
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clashes_are_found_without_case() {
        let paths = [
            Path::new("a/hospital.yaml"),
            Path::new("b/county.yaml"),
            Path::new("c/Hospital.yml"),
        ];
        assert_eq!(
            clashes(paths),
            vec![vec![
                Path::new("a/hospital.yaml"),
                Path::new("c/Hospital.yml")
            ]]
        );
        assert!(clashes([Path::new("a/x.yaml"), Path::new("a/y.yaml")]).is_empty());
    }

    #[test]
    fn a_folder_gives_its_yaml_files_sorted_and_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in [
            "b.yaml",
            "a.yml",
            "notes.txt",
            "sub/c.yaml",
            ".hidden/d.yaml",
            ".e.yaml",
        ] {
            std::fs::write(root.join(f), "").unwrap();
        }
        let found = find(&[root.to_owned(), root.join("a.yml")]).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|c| c.path.strip_prefix(root).unwrap().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                Path::new("a.yml"),
                Path::new("b.yaml"),
                Path::new("sub/c.yaml")
            ]
        );
        assert!(
            found.iter().all(|c| !c.named),
            "a.yml was found in the folder first"
        );
    }
}
