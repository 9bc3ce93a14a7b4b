//! Noticing saves: every [`POLL`] the watched files are read and hashed,
//! and a change counts once the files have held still for one more poll
//! (an editor that truncates, then writes, is seen once, whole).
//!
//! Polling is the only mechanism, on purpose. What is watched is a profile,
//! the campaign files it extends and a folder of templates: a few small
//! files (a profile is capped at 1 MB, real ones are a few KB), so reading
//! them three times a second costs well under a millisecond. In exchange
//! it behaves the same everywhere the users' files live: network shares,
//! WSL's `/mnt/c`, Docker bind mounts and synced folders, where inotify or
//! FSEvents are missing or silent; it survives editors that save by
//! renaming a new file over the old one (which leaves an inotify watch on
//! the old inode); it sees files that appear later; and it adds no
//! dependency. Hashing the content rather than comparing mtimes also
//! catches two saves within one mtime tick (2 s on FAT) and ignores a save
//! that changed nothing.

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use crate::profile::MAX_PROFILE_BYTES;

/// How often the files are looked at.
pub const POLL: Duration = Duration::from_millis(300);

/// How many polls a change may keep changing before it is built anyway
/// (a file rewritten without pause must not stop the preview for good).
const MAX_SETTLE: usize = 10;

/// How deep a template folder is searched.
const MAX_DEPTH: usize = 16;

/// What a save to is noticed in.
#[derive(Debug, Clone, Default)]
pub struct Watched {
    /// Files, which may not exist (yet).
    pub files: BTreeSet<PathBuf>,
    /// Folders whose templates (`*.md`, at any depth) count.
    pub dirs: Vec<PathBuf>,
}

/// A hash of everything watched: which files there are, and their content.
pub fn fingerprint(watched: &Watched) -> u64 {
    let mut h = DefaultHasher::new();
    for file in &watched.files {
        file.hash(&mut h);
        content(file).hash(&mut h);
    }
    for dir in &watched.dirs {
        let mut found = Vec::new();
        templates(dir, 0, &mut found);
        found.sort();
        dir.hash(&mut h);
        for file in found {
            file.hash(&mut h);
            content(&file).hash(&mut h);
        }
    }
    h.finish()
}

/// The file's bytes (up to what a profile may hold), or `None` when it
/// cannot be read: a missing file and an empty one differ.
fn content(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// The `*.md` files under `dir`, as the renderer reads them.
fn templates(dir: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if depth < MAX_DEPTH {
                templates(&path, depth + 1, found);
            }
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
}

/// Remembers what the files looked like at the last build.
pub struct Watcher {
    seen: u64,
}

impl Watcher {
    /// Takes the files as they are now; call it before the build that
    /// reads them, so a save during that build is not missed.
    pub fn new(watched: &Watched) -> Watcher {
        Watcher {
            seen: fingerprint(watched),
        }
    }

    /// Waits until the watched files changed and held still for one poll;
    /// `false` once `stop` is set. The files are taken as seen at the end:
    /// a save during the rebuild that follows shows up at the next call.
    /// A set of files that grew counts as a change, so a file the last
    /// build found (a new `extends`) is read by a build of its own.
    pub fn wait(&mut self, watched: &Watched, stop: &AtomicBool) -> bool {
        loop {
            if !pause(stop) {
                return false;
            }
            let mut now = fingerprint(watched);
            if now == self.seen {
                continue;
            }
            for _ in 0..MAX_SETTLE {
                if !pause(stop) {
                    return false;
                }
                let next = fingerprint(watched);
                if next == now {
                    break;
                }
                now = next;
            }
            self.seen = now;
            return true;
        }
    }
}

/// Sleeps one poll; `false` when stopping.
fn pause(stop: &AtomicBool) -> bool {
    thread::sleep(POLL);
    !stop.load(Ordering::Relaxed)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::fs;

    use super::*;

    fn watched(files: &[&Path], dirs: &[&Path]) -> Watched {
        Watched {
            files: files.iter().map(|f| f.to_path_buf()).collect(),
            dirs: dirs.iter().map(|d| d.to_path_buf()).collect(),
        }
    }

    #[test]
    fn an_edit_of_the_same_length_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.yaml");
        fs::write(&file, "date: 2010-06-30\n").unwrap();
        let w = watched(&[&file], &[]);
        let before = fingerprint(&w);
        fs::write(&file, "date: 2010-06-29\n").unwrap();
        assert_ne!(fingerprint(&w), before);
    }

    #[test]
    fn a_save_that_changes_nothing_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.yaml");
        fs::write(&file, "a: 1\n").unwrap();
        let w = watched(&[&file], &[]);
        let before = fingerprint(&w);
        fs::write(&file, "a: 1\n").unwrap();
        assert_eq!(fingerprint(&w), before);
    }

    #[test]
    fn a_file_that_appears_or_goes_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("base.yaml");
        let w = watched(&[&file], &[]);
        let missing = fingerprint(&w);
        fs::write(&file, "").unwrap();
        let empty = fingerprint(&w);
        assert_ne!(missing, empty);
        fs::remove_file(&file).unwrap();
        assert_eq!(fingerprint(&w), missing);
    }

    #[test]
    fn templates_count_at_any_depth_and_nothing_else_does() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("speech")).unwrap();
        let w = watched(&[], &[dir.path()]);
        let before = fingerprint(&w);
        fs::write(dir.path().join("speech/.base.md.swp"), "x").unwrap();
        fs::write(dir.path().join("notes.txt"), "x").unwrap();
        assert_eq!(
            fingerprint(&w),
            before,
            "editor and other files are ignored"
        );
        fs::write(dir.path().join("speech/base.md"), "# {{ org.name }}\n").unwrap();
        assert_ne!(fingerprint(&w), before);
    }

    #[test]
    fn waiting_stops_when_asked() {
        let stop = AtomicBool::new(true);
        let w = Watched::default();
        assert!(!Watcher::new(&w).wait(&w, &stop));
    }

    #[test]
    fn waiting_returns_after_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.yaml");
        fs::write(&file, "a: 1\n").unwrap();
        let w = watched(&[&file], &[]);
        let mut watcher = Watcher::new(&w);
        fs::write(&file, "a: 2\n").unwrap();
        assert!(watcher.wait(&w, &AtomicBool::new(false)));
    }
}
