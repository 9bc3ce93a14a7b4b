//! Which files of a batch are profiles to render (the rules are in
//! [`super::batch`]'s module docs): the files the command line names,
//! themselves or through folders; the shared campaign files and the
//! files that are no profile, set aside; and the refusals made before
//! anything is written (nothing found, two profiles of the same name).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::scan;
use crate::profile::{Loaded, Loader, canonical};

/// A file the command line names, itself or through a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    /// Named on the command line, rather than found in a folder.
    pub named: bool,
    /// Its canonical path: the file however it was reached (worked out
    /// once, as the system is asked about every folder on the way).
    pub key: PathBuf,
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
            walk(path, &canonical(path), &mut files)?;
            found.extend(files.into_iter().map(|(path, key)| Candidate {
                path,
                named: false,
                key,
            }));
        } else {
            found.push(Candidate {
                path: path.clone(),
                named: true,
                key: canonical(path),
            });
        }
    }
    let mut seen = HashSet::new();
    found.retain(|c| seen.insert(c.key.clone()));
    Ok(found)
}

/// The YAML files under `dir` (whose canonical path is `real`), each with
/// its canonical path: a file's is its folder's and its name, so the
/// system is asked only about links.
fn walk(dir: &Path, real: &Path, found: &mut Vec<(PathBuf, PathBuf)>) -> anyhow::Result<()> {
    let mut entries = fs_err::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // file_type does not follow links, so a linked folder cannot loop.
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, &real.join(&name), found)?;
        } else if is_yaml(&path) {
            if kind.is_file() {
                found.push((path, real.join(&name)));
            } else if path.is_file() {
                let key = canonical(&path);
                found.push((path, key));
            }
        }
    }
    Ok(())
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// What became of `candidate`, loaded with `loader`, once the quick look
/// at the whole run (`survey`) told which files others extend.
pub fn sort_out(loader: &mut Loader, candidate: &Candidate, survey: &scan::Survey) -> Entry {
    match extended_by(candidate, survey) {
        Some(why) => skipped(candidate, why),
        None => classify(candidate, loader.load(&candidate.path)),
    }
}

/// [`sort_out`] on any thread, for a candidate whose files
/// [`Loader::preload`] has cached; `None` when one was not (then
/// [`sort_out`] reads it).
pub fn sort_out_preloaded(
    loader: &Loader,
    candidate: &Candidate,
    survey: &scan::Survey,
) -> Option<Entry> {
    Some(match extended_by(candidate, survey) {
        Some(why) => skipped(candidate, why),
        None => classify(candidate, loader.load_preloaded(&candidate.path)?),
    })
}

/// Why `candidate` is set aside when other files of the run extend it: a
/// shared campaign file.
fn extended_by(candidate: &Candidate, survey: &scan::Survey) -> Option<Skip> {
    let (by, count) = survey.extended.get(&candidate.key)?;
    Some(Skip::Extended {
        by: by.clone(),
        count: *count,
    })
}

fn skipped(candidate: &Candidate, why: Skip) -> Entry {
    Entry::Skipped {
        path: candidate.path.clone(),
        why,
    }
}

fn classify(candidate: &Candidate, loaded: anyhow::Result<Loaded>) -> Entry {
    let path = candidate.path.clone();
    match loaded {
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

impl Entry {
    pub fn path(&self) -> &Path {
        match self {
            Entry::Profile { path, .. }
            | Entry::Unreadable { path, .. }
            | Entry::Skipped { path, .. } => path,
        }
    }
}

/// Of `candidates`, those to render and those set aside, as the quick look
/// at the whole run (`survey`) tells: shared campaign files, and files
/// found in a folder that are no profile.
pub fn select(
    candidates: Vec<Candidate>,
    survey: &scan::Survey,
) -> (Vec<Candidate>, Vec<(PathBuf, Skip)>) {
    let mut skipped: Vec<(PathBuf, Skip)> = Vec::new();
    let mut jobs: Vec<Candidate> = Vec::new();
    for c in candidates {
        if let Some(why) = extended_by(&c, survey) {
            skipped.push((c.path, why));
        } else if !c.named && survey.not_profiles.contains(&c.key) {
            skipped.push((c.path, Skip::NotAProfile));
        } else {
            jobs.push(c);
        }
    }
    (jobs, skipped)
}

/// Refuses a batch before anything is written: when `jobs` is empty (the
/// paths `given` hold no profile), or when two of them would write files
/// of the same name.
pub fn refuse(jobs: &[Candidate], given: &[PathBuf]) -> anyhow::Result<()> {
    if jobs.is_empty() {
        let given: Vec<String> = given.iter().map(|p| p.display().to_string()).collect();
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
    Ok(())
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
