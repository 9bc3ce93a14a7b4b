//! Noticing saves. The operating system's file events (inotify, FSEvents,
//! ReadDirectoryChangesW, through `notify`) wake the rebuilder as soon as
//! an editor writes; the files are then read and hashed, and a change
//! counts once no further event has come for [`SETTLE`] (an editor that
//! truncates then writes, or writes a temporary file and renames it over
//! the profile, is seen once, whole).
//!
//! Events are a hint, the content is the truth: every [`POLL`] the files
//! are hashed anyway. That keeps the preview working where events never
//! arrive (network shares, WSL's `/mnt/c`, some Docker bind mounts and
//! synced folders) or the watch could not be set up (too many inotify
//! watches), catches files that appear later, and, since the hash is of
//! the content rather than of mtimes, ignores a save that changed nothing
//! and catches two saves within one mtime tick (2 s on FAT). What is
//! hashed is small: a profile (capped at 1 MB, real ones a few KB), the
//! files it extends and a folder of templates and genre data.
//!
//! Folders are watched, not files: an editor that saves by renaming a new
//! file over the old one would leave a watch on the file behind on the
//! old, deleted inode.

use std::collections::{BTreeSet, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::profile::MAX_PROFILE_BYTES;

/// How often the files are hashed when no event says they changed: the
/// delay where events do not arrive.
pub const POLL: Duration = Duration::from_millis(300);

/// How long the files must have been quiet after an event before they are
/// read: editors write a save in several steps, microseconds apart.
pub const SETTLE: Duration = Duration::from_millis(15);

/// The longest a stream of events may delay a build (a file rewritten
/// without pause must not stop the preview for good).
const MAX_SETTLE: Duration = Duration::from_millis(500);

/// How deep a template folder is searched.
const MAX_DEPTH: usize = 16;

/// The files in a template folder that count: templates and genre data.
const TEMPLATE_EXTENSIONS: [&str; 4] = ["md", "yaml", "yml", "toml"];

/// What a save to is noticed in.
#[derive(Debug, Clone, Default)]
pub struct Watched {
    /// Files, which may not exist (yet).
    pub files: BTreeSet<PathBuf>,
    /// Folders whose templates and data files, at any depth, count.
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
/// cannot be read: a missing file and an empty one differ. Only regular
/// files are opened: reading a FIFO would block the watcher.
fn content(path: &Path) -> Option<Vec<u8>> {
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// The template and data files under `dir`, as the renderer reads them.
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
        } else if path
            .extension()
            .is_some_and(|e| TEMPLATE_EXTENSIONS.iter().any(|t| e == *t))
        {
            found.push(path);
        }
    }
}

/// Remembers what the files looked like at the last build, and listens
/// for the operating system's word that they changed.
pub struct Watcher {
    seen: u64,
    /// `None` where file events cannot be had: polling alone then.
    events: Option<Events>,
}

/// The operating system's file events for the watched folders.
struct Events {
    watcher: notify::RecommendedWatcher,
    /// One message per event that may be a save.
    rx: mpsc::Receiver<()>,
    /// Folders watched so far.
    folders: HashSet<PathBuf>,
}

impl Events {
    fn start() -> Option<Events> {
        let (tx, rx) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            // An error (say, the event queue overflowed) may hide a save.
            if event.map_or(true, |e| may_be_a_save(e.kind)) {
                let _ = tx.send(());
            }
        })
        .ok()?;
        Some(Events {
            watcher,
            rx,
            folders: HashSet::new(),
        })
    }

    /// Watches the folders of `watched` not watched yet. A folder that
    /// cannot be watched (missing, or out of watches) is left to polling.
    fn follow(&mut self, watched: &Watched) {
        let files = watched.files.iter().flat_map(|f| {
            // The folder as named, and the real one behind a link.
            let real = f.canonicalize().ok();
            [Some(f.clone()), real]
                .into_iter()
                .flatten()
                .filter_map(|f| std::path::absolute(f).ok()?.parent().map(Path::to_owned))
        });
        let wanted: Vec<(PathBuf, RecursiveMode)> = files
            .map(|d| (d, RecursiveMode::NonRecursive))
            .chain(
                watched
                    .dirs
                    .iter()
                    .filter_map(|d| std::path::absolute(d).ok())
                    .map(|d| (d, RecursiveMode::Recursive)),
            )
            .collect();
        for (folder, mode) in wanted {
            if self.folders.contains(&folder) || !folder.is_dir() {
                continue;
            }
            if self.watcher.watch(&folder, mode).is_ok() {
                self.folders.insert(folder);
            }
        }
    }
}

/// Whether an event of `kind` can mean a file's content changed: not the
/// opening or reading of a file (which hashing it causes itself).
fn may_be_a_save(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

impl Watcher {
    /// Takes the files as they are now; call it before the build that
    /// reads them, so a save during that build is not missed.
    pub fn new(watched: &Watched) -> Watcher {
        let mut events = Events::start();
        if let Some(events) = &mut events {
            events.follow(watched);
        }
        Watcher {
            seen: fingerprint(watched),
            events,
        }
    }

    /// Waits until the watched files changed and settled; `false` once
    /// `stop` is set. The files are taken as seen at the end: a save during
    /// the rebuild that follows shows up at the next call. A set of files
    /// that grew counts as a change, so a file the last build found (a new
    /// `extends`) is read by a build of its own.
    pub fn wait(&mut self, watched: &Watched, stop: &AtomicBool) -> bool {
        if let Some(events) = &mut self.events {
            events.follow(watched);
        }
        loop {
            if stop.load(Ordering::Relaxed) {
                return false;
            }
            let woken = self.next_event();
            if stop.load(Ordering::Relaxed) {
                return false;
            }
            let mut now = fingerprint(watched);
            if now == self.seen {
                continue;
            }
            if !woken {
                // Seen by polling, perhaps mid-save on a share that sends
                // no events: wait until it holds still.
                let since = Instant::now();
                loop {
                    thread::sleep(POLL / 3);
                    let next = fingerprint(watched);
                    if next == now || since.elapsed() >= MAX_SETTLE {
                        break;
                    }
                    now = next;
                }
            }
            self.seen = now;
            return true;
        }
    }

    /// Waits for an event and for the quiet after it (`true`), or for one
    /// poll (`false`).
    fn next_event(&mut self) -> bool {
        let Some(events) = &self.events else {
            thread::sleep(POLL);
            return false;
        };
        match events.rx.recv_timeout(POLL) {
            Ok(()) => {}
            Err(RecvTimeoutError::Timeout) => return false,
            Err(RecvTimeoutError::Disconnected) => {
                // The event thread is gone: poll from now on.
                self.events = None;
                return false;
            }
        }
        let Some(events) = &self.events else {
            return true;
        };
        let first = Instant::now();
        while first.elapsed() < MAX_SETTLE {
            match events.rx.recv_timeout(SETTLE) {
                Ok(()) => {}
                Err(_) => break,
            }
        }
        true
    }
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
        let with_template = fingerprint(&w);
        assert_ne!(with_template, before);
        fs::create_dir(dir.path().join("genre")).unwrap();
        fs::write(dir.path().join("genre/health.yaml"), "words: []\n").unwrap();
        assert_ne!(fingerprint(&w), with_template, "genre data counts");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("base.yaml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Would block for ever if the FIFO were opened.
        assert_eq!(content(&fifo), None);
    }

    #[test]
    fn file_events_wake_the_watcher_for_a_rename_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.yaml");
        fs::write(&file, "a: 1\n").unwrap();
        let w = watched(&[&file], &[]);
        let mut watcher = Watcher::new(&w);
        assert!(watcher.events.is_some(), "file events are available here");
        // As vim saves: a new file renamed over the old one.
        let tmp = dir.path().join("p.yaml.tmp");
        fs::write(&tmp, "a: 2\n").unwrap();
        fs::rename(&tmp, &file).unwrap();
        assert!(watcher.next_event(), "woken by an event, not by the poll");
        assert!(watcher.wait(&w, &AtomicBool::new(false)));
        assert_eq!(watcher.seen, fingerprint(&w));
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
