//! Making a batch of writes durable at the cost of one flush, after git's
//! `core.fsyncMethod=batch`: every new file is written as a temporary file
//! beside its target without waiting for the disk, then one flush covers
//! them all, then each is renamed into place and each folder is flushed
//! once so the renames last.
//!
//! The flush: on Linux one `syncfs` per file system (it writes back and
//! flushes the disk's cache for every file of that file system, ours
//! included); elsewhere, or for a handful of files, an fsync of each file.
//! Folders are flushed where the platform can open one (Unix); Windows
//! offers no way through the standard library, and NTFS journals the
//! renames itself.
//!
//! A folder bigan writes drafts into is locked (`.bigan/lock`, released by
//! the system even when bigan is killed) for as long as a writer works in
//! it, so two runs never interleave their records, and whoever takes the
//! lock knows that any temporary file left there is debris from a run that
//! was killed, and removes it.

use std::fs::{File, OpenOptions};
use std::path::Path;

use anyhow::Context as _;

/// Every temporary file bigan writes starts with this…
pub const TEMP_PREFIX: &str = ".bigan-";
/// …and ends with this.
pub const TEMP_SUFFIX: &str = ".tmp";

/// Below this many files, each is flushed on its own: cheaper than
/// flushing the whole file system, which may hold other programs' writes.
const FEW: usize = 8;

/// Flushes `files` (just written, not yet synced) to the disk.
pub fn flush(files: &[&Path]) -> std::io::Result<()> {
    if files.len() <= FEW || !flush_file_systems(files)? {
        for file in files {
            sync_file(file)?;
        }
    }
    Ok(())
}

/// One `syncfs` per file system holding `files`; `false` where that is
/// not available.
#[cfg(target_os = "linux")]
fn flush_file_systems(files: &[&Path]) -> std::io::Result<bool> {
    use std::os::unix::fs::MetadataExt as _;
    let mut done = std::collections::HashSet::new();
    for file in files {
        let meta = std::fs::metadata(file)?;
        if done.insert(meta.dev()) {
            let f = File::open(file)?;
            rustix::fs::syncfs(&f)?;
        }
    }
    Ok(true)
}

#[cfg(not(target_os = "linux"))]
fn flush_file_systems(_files: &[&Path]) -> std::io::Result<bool> {
    Ok(false)
}

fn sync_file(path: &Path) -> std::io::Result<()> {
    // Write access: Windows flushes only a handle that may write.
    OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Makes the renames and new names in `dir` durable.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// A folder held for writing; the lock goes when this is dropped, or when
/// the process ends however it ends.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

/// Locks `folder` for writing (waiting for another bigan writing there to
/// finish), then removes the temporary files a killed run left in it, in
/// its `.bigan` and in `.bigan/backup`.
pub fn lock(folder: &Path, state: &Path) -> anyhow::Result<FolderLock> {
    std::fs::create_dir_all(state)
        .with_context(|| format!("无法创建 {}：检查文件夹是否可写", state.display()))?;
    let path = state.join("lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("无法打开 {}：检查文件夹是否可写", path.display()))?;
    if file.try_lock().is_err() {
        eprintln!(
            "另一个 bigan 正在往 {} 写文稿，等它写完……",
            folder.display()
        );
        file.lock()
            .with_context(|| format!("无法锁定 {}", path.display()))?;
    }
    for dir in [folder.to_owned(), state.to_owned(), state.join("backup")] {
        remove_leftovers(&dir);
    }
    Ok(FolderLock { _file: file })
}

/// Removes bigan's temporary files in `dir` (not in its subfolders).
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX)
            && name.ends_with(TEMP_SUFFIX)
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// For the kill test (debug builds only): `BIGAN_TEST_ABORT_AFTER_RENAMES=N`
/// makes a commit abort the process, as `kill -9` would, just before its
/// rename number N (0-based), after everything before it was made durable.
#[cfg(debug_assertions)]
pub fn fault_point(renames_done: usize) {
    static AT: std::sync::OnceLock<Option<usize>> = std::sync::OnceLock::new();
    let at = AT.get_or_init(|| {
        std::env::var("BIGAN_TEST_ABORT_AFTER_RENAMES")
            .ok()
            .and_then(|n| n.parse().ok())
    });
    if *at == Some(renames_done) {
        std::process::abort();
    }
}

#[cfg(not(debug_assertions))]
pub fn fault_point(_renames_done: usize) {}
