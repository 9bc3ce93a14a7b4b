//! Writing drafts without ever losing work.
//!
//! Every write is atomic: a temporary file in the same folder, flushed to
//! the disk, then renamed over the target, so a file is either wholly old
//! or wholly new. A draft is only overwritten when bigan wrote it and
//! nobody has edited it since: bigan records a fingerprint (FNV-1a, 64
//! bits) of each file it writes in `.bigan/written` beside it, and refuses,
//! unless `--force`, to replace a file whose content no longer matches, or
//! one it has no record of (the user may have written it by hand). A forced
//! overwrite first copies the old content to `.bigan/backup/NAME.TIME`,
//! under a name no earlier backup has: a backup is never replaced.
//!
//! A [`Writer`] pays for durability once per batch rather than once per
//! draft ([`durable`]): it writes each draft as a temporary file, and
//! [`Writer::commit`] flushes them all at once, saves the backups, saves
//! the records (old and new fingerprints), renames every draft into place,
//! flushes each folder once, then trims the records to the new
//! fingerprints. Killed at any moment, it leaves each target either as it
//! was or complete, never half-written; each is still recognised as
//! bigan's (a user's file is still refused without `--force`, and its
//! backup is on disk before it is replaced); and the next run in that
//! folder removes the temporary files left behind. What a kill can leave
//! is a mix: some drafts of a batch, or of one profile, new and the others
//! old. Running the same command again completes it.

mod durable;
mod records;

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context as _;

use crate::error::InputError;
pub use durable::{TEMP_PREFIX, TEMP_SUFFIX};
use records::Records;

/// The folder, beside the drafts, where bigan keeps what it wrote.
pub const STATE_DIR: &str = ".bigan";
/// Where a forced overwrite keeps the content it replaced.
const BACKUP_DIR: &str = "backup";
/// Files larger than this are never read into memory to be compared; a
/// forced overwrite backs them up by copying the file. No draft comes near
/// it.
const MAX_COMPARED_BYTES: u64 = 16 * 1024 * 1024;

/// A batch commits once this many drafts are waiting…
const COMMIT_EVERY_FILES: usize = 20_000;
/// …or once they hold this many bytes: what a kill can leave behind as
/// temporary files, and the records rewritten per commit, stay bounded.
const COMMIT_EVERY_BYTES: u64 = 256 * 1024 * 1024;

/// Writes `bytes` to `path` atomically and durably. On any failure the
/// old file, if there was one, is left exactly as it was. A new file gets
/// the usual permissions (umask applies); a replaced file keeps its own.
pub fn atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = temporary(path, bytes)?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| cannot_write(path, &e))?;
    tmp.persist(path)
        .map_err(|e| cannot_write(path, &e.error))?;
    Ok(())
}

/// `bytes` in a new temporary file beside `path` (not yet flushed), with
/// the permissions `path` has, or those of a new file.
fn temporary(path: &Path, bytes: &[u8]) -> anyhow::Result<tempfile::NamedTempFile> {
    let dir = folder_of(path);
    if !dir.is_dir() {
        anyhow::bail!(
            "无法写入 {}：文件夹 {} 不存在。先建好这个文件夹，或换一个输出位置",
            path.display(),
            shown(dir)
        );
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // tempfile's default is 0600: a draft in a shared folder would
        // become unreadable to colleagues.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| cannot_write(path, &e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Best effort: the new content keeps the old file's permissions.
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    tmp.write_all(bytes).map_err(|e| cannot_write(path, &e))?;
    Ok(tmp)
}

/// Why `path` could not be written, in Chinese, and what to try.
fn cannot_write(path: &Path, e: &std::io::Error) -> anyhow::Error {
    use std::io::ErrorKind;
    let why = match e.kind() {
        ErrorKind::PermissionDenied => {
            "没有写入权限，或文件正被 Word/WPS 打开：关掉它再试，或换一个输出位置".to_owned()
        }
        ErrorKind::StorageFull => "磁盘满了：腾出空间后再试".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "磁盘是只读的：换一个输出位置".to_owned(),
        ErrorKind::NotFound => "文件夹不存在：先建好它，或换一个输出位置".to_owned(),
        ErrorKind::IsADirectory => "这是一个文件夹：请给出文件名".to_owned(),
        _ => crate::error::io_reason(e),
    };
    anyhow::anyhow!("无法写入 {}：{why}；原来的文件没有改动", path.display())
}

/// Writes a draft to `path` atomically, refusing to overwrite a file the
/// user has edited since bigan wrote it, or one bigan did not write,
/// unless `force`. A file that already holds exactly `bytes` is left alone.
/// The refusal is an [`InputError`] that says how to keep both.
pub fn guarded(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let mut writer = Writer::new(force);
    writer.write(path, bytes)?;
    let (notes, failed) = writer.finish();
    for note in notes {
        eprintln!("{note}");
    }
    match failed.into_iter().next() {
        Some(f) => Err(f.error),
        None => Ok(()),
    }
}

/// Whether [`guarded`] would write `bytes` to `path`, without writing
/// anything.
pub fn check(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    Writer::new(force).check(path, bytes)
}

/// A draft that a commit could not put in place; its target is as it was.
#[derive(Debug)]
pub struct Failed {
    pub target: PathBuf,
    pub error: anyhow::Error,
}

/// Writes many drafts under the rules of [`guarded`], durably, paying for
/// the flush once per commit instead of once per draft (see the module's
/// description). [`Writer::write`] stages a draft; [`Writer::commit`] puts
/// what was staged in place ([`Writer::finish`] commits last).
pub struct Writer {
    force: bool,
    /// Each folder's records as first read, for deciding.
    seen: HashMap<PathBuf, Records>,
    /// The folders written into, each locked while this writer lives.
    locks: HashMap<PathBuf, durable::FolderLock>,
    /// Drafts written as temporary files, waiting for the commit.
    staged: Vec<Staged>,
    staged_bytes: u64,
    /// What to record at the next commit.
    changes: Vec<Change>,
    /// Things the user should know (backups made), for the caller to show.
    notes: Vec<String>,
}

/// A draft waiting for its commit.
struct Staged {
    /// Removed when dropped, unless it was renamed into place.
    temp: tempfile::TempPath,
    target: PathBuf,
    len: u64,
    /// What the target looked like when the draft was allowed to replace
    /// it (`None`: there was none). A target that changed since is left
    /// alone: the user may have saved an edit meanwhile.
    expected: Option<Stamp>,
    backup: Option<StagedBackup>,
}

/// The old content of a target, waiting to become its backup.
struct StagedBackup {
    temp: tempfile::TempPath,
    dir: PathBuf,
    name: OsString,
}

/// One name to record in a folder.
struct Change {
    folder: PathBuf,
    name: String,
    hash: u64,
    /// The recorded fingerprint of the draft this one replaces.
    replacing: Option<u64>,
}

/// Where a writer stood, to go back to (see [`Writer::abandon`]).
#[derive(Debug, Clone, Copy)]
pub struct Mark {
    staged: usize,
    changes: usize,
}

/// Enough of a file's metadata to tell that it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(meta),
        }
    }

    fn now(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

/// What to do with a target.
enum Decision {
    /// It already holds these bytes.
    Same,
    /// It is new.
    Create,
    /// It is bigan's own, unedited: as it is now, and its fingerprint.
    Replace(Stamp, u64),
    /// It is to be replaced by force: as it is now, and its old content,
    /// or `None` when it is too large to read and is copied instead.
    Overwrite(Stamp, Option<Vec<u8>>),
}

impl Writer {
    pub fn new(force: bool) -> Writer {
        Writer {
            force,
            seen: HashMap::new(),
            locks: HashMap::new(),
            staged: Vec::new(),
            staged_bytes: 0,
            changes: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Whether `bytes` may be written to `path`, writing nothing: a command
    /// writing several drafts checks them all first and writes none when
    /// one would be refused.
    pub fn check(&mut self, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        self.decide(&real_target(path), bytes).map(|_| ())
    }

    /// Stages `bytes` for `path` if the rules allow: written beside it as
    /// a temporary file, put in place by the next commit.
    pub fn write(&mut self, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        let target = real_target(path);
        let decision = self.decide(&target, bytes)?;
        let folder = folder_of(&target).to_owned();
        if !self.locks.contains_key(&folder) {
            let lock = durable::lock(&folder, &beside(&target, Path::new(STATE_DIR)))?;
            self.locks.insert(folder.clone(), lock);
        }
        let same = matches!(decision, Decision::Same);
        let (expected, replacing, backup) = match decision {
            Decision::Same | Decision::Create => (None, None, None),
            Decision::Replace(stamp, hash) => (Some(stamp), Some(hash), None),
            Decision::Overwrite(stamp, old) => {
                (Some(stamp), None, stage_backup(&target, old.as_deref())?)
            }
        };
        if !same {
            let temp = temporary(&target, bytes)?.into_temp_path();
            self.staged_bytes += bytes.len() as u64;
            self.staged.push(Staged {
                temp,
                target: target.clone(),
                len: bytes.len() as u64,
                expected,
                backup,
            });
        }
        if let Some(name) = record_name(&target) {
            self.changes.push(Change {
                folder,
                name,
                hash: fingerprint(bytes),
                replacing,
            });
        }
        Ok(())
    }

    /// Where the writer stands now.
    pub fn mark(&self) -> Mark {
        Mark {
            staged: self.staged.len(),
            changes: self.changes.len(),
        }
    }

    /// Drops what was staged since `mark` (its temporary files go): for a
    /// profile whose drafts are written all or none, when one could not be.
    pub fn abandon(&mut self, mark: Mark) {
        for dropped in self.staged.drain(mark.staged.min(self.staged.len())..) {
            self.staged_bytes -= dropped.len;
        }
        self.changes.truncate(mark.changes);
    }

    /// Whether enough is staged that a batch should commit now (between
    /// two profiles), so temporary files and records stay bounded.
    pub fn due(&self) -> bool {
        self.staged.len() >= COMMIT_EVERY_FILES || self.staged_bytes >= COMMIT_EVERY_BYTES
    }

    /// Puts every staged draft in place, durably: one flush for all the
    /// temporary files, the backups saved, the records saved with the old
    /// and new fingerprints, every rename, each folder flushed once, the
    /// records trimmed. What could not be put in place is returned; its
    /// target is as it was.
    pub fn commit(&mut self) -> Vec<Failed> {
        let staged = std::mem::take(&mut self.staged);
        let changes = std::mem::take(&mut self.changes);
        self.staged_bytes = 0;
        if staged.is_empty() && changes.is_empty() {
            return Vec::new();
        }
        let mut temps: Vec<&Path> = staged.iter().map(|s| s.temp.as_ref()).collect();
        temps.extend(
            staged
                .iter()
                .filter_map(|s| s.backup.as_ref().map(|b| -> &Path { b.temp.as_ref() })),
        );
        if let Err(e) = durable::flush(&temps) {
            return fail_all(staged, &e);
        }
        let mut failed = Vec::new();
        let staged = self.place_backups(staged, &mut failed);
        // Drafts that will not be renamed are not recorded.
        let dropped: Vec<&Path> = failed.iter().map(|f| f.target.as_path()).collect();
        let changes: Vec<Change> = changes
            .into_iter()
            .filter(|c| !dropped.contains(&c.folder.join(&c.name).as_path()))
            .collect();
        let mut records = self.save_records(&changes);

        let mut renamed: HashMap<PathBuf, Vec<String>> = HashMap::new();
        for (done, s) in staged.into_iter().enumerate() {
            durable::fault_point(done);
            if Stamp::now(&s.target) != s.expected {
                failed.push(Failed {
                    error: changed_meanwhile(&s.target),
                    target: s.target,
                });
                continue;
            }
            match s.temp.persist(&s.target) {
                Ok(()) => {
                    if let Some(name) = record_name(&s.target) {
                        renamed
                            .entry(folder_of(&s.target).to_owned())
                            .or_default()
                            .push(name);
                    }
                }
                Err(e) => failed.push(Failed {
                    error: cannot_write(&s.target, &e.error),
                    target: s.target,
                }),
            }
        }
        for (folder, names) in &renamed {
            if let Err(e) = durable::sync_dir(folder) {
                self.notes.push(format!(
                    "提醒：{} 里的文稿已写入，但没能确认它们已存到磁盘（{e}）；断电后可能需要重新生成",
                    shown(folder)
                ));
            }
            // Trimmed to the new fingerprints now that the renames are done.
            if let Some(r) = records.get_mut(folder) {
                r.settle(names.iter().map(String::as_str));
            }
        }
        for (folder, r) in &records {
            if let Err(e) = r.save(folder) {
                self.record_failed(folder, &e);
            }
        }
        failed
    }

    /// Saves each staged backup under its own name; a draft whose backup
    /// could not be saved is not written.
    fn place_backups(&mut self, staged: Vec<Staged>, failed: &mut Vec<Failed>) -> Vec<Staged> {
        let mut kept = Vec::with_capacity(staged.len());
        let mut dirs = Vec::new();
        for mut s in staged {
            let Some(b) = s.backup.take() else {
                kept.push(s);
                continue;
            };
            match place_backup(b.temp, &b.dir, &b.name) {
                Ok(saved) => {
                    self.notes.push(format!(
                        "提醒：{} 原来的内容已备份到 {}",
                        s.target.display(),
                        shown(&saved)
                    ));
                    if !dirs.contains(&b.dir) {
                        dirs.push(b.dir);
                    }
                    kept.push(s);
                }
                Err(e) => failed.push(Failed {
                    error: e.context(format!("备份 {} 失败，没有覆盖它", s.target.display())),
                    target: s.target,
                }),
            }
        }
        for dir in dirs {
            // The backups must outlast a crash before anything is replaced.
            if let Err(e) = durable::sync_dir(&dir) {
                let error = anyhow::Error::new(e);
                for s in kept.drain(..) {
                    failed.push(Failed {
                        error: anyhow::anyhow!(
                            "备份文件夹 {} 无法存到磁盘（{error}），没有覆盖 {}",
                            shown(&dir),
                            s.target.display()
                        ),
                        target: s.target,
                    });
                }
                break;
            }
        }
        kept
    }

    /// Saves each folder's records with `changes` (old and new
    /// fingerprints), read afresh from the disk under the folder's lock so
    /// nothing another run recorded is lost. The records, to be trimmed
    /// after the renames.
    fn save_records(&mut self, changes: &[Change]) -> HashMap<PathBuf, Records> {
        let mut records: HashMap<PathBuf, Records> = HashMap::new();
        for c in changes {
            records
                .entry(c.folder.clone())
                .or_insert_with(|| Records::load(&c.folder))
                .set(&c.name, c.hash, c.replacing);
        }
        for (folder, r) in &records {
            if let Err(e) = r.save(folder) {
                self.record_failed(folder, &e);
            }
            // What was decided on stays what was read then.
            self.seen.entry(folder.clone()).or_insert_with(|| r.clone());
        }
        records
    }

    fn record_failed(&mut self, folder: &Path, e: &anyhow::Error) {
        let note = format!(
            "提醒：{} 里的文稿已写入，但没能记下它们（{e:#}）；下次重新生成到这里时需要加 --force",
            shown(folder)
        );
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Commits what is left; the notes for the user, and what could not be
    /// written.
    pub fn finish(mut self) -> (Vec<String>, Vec<Failed>) {
        let failed = self.commit();
        (self.take_notes(), failed)
    }

    /// What the user should be told so far (backups made, records that
    /// could not be saved).
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    fn decide(&mut self, path: &Path, bytes: &[u8]) -> anyhow::Result<Decision> {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Decision::Create),
            Err(e) => {
                return Err(e).with_context(|| format!("无法读取 {} 的信息", path.display()));
            }
        };
        if meta.is_dir() {
            anyhow::bail!(
                "{} 是文件夹：-o 写一份文稿时要给文件名，如 -o 讲话.md",
                path.display()
            );
        }
        if !meta.is_file() {
            // A FIFO would block the comparison; a device would be replaced.
            anyhow::bail!(
                "{} 不是普通文件（是管道或设备）：-o 要给出文件名，如 -o 讲话.md",
                path.display()
            );
        }
        let stamp = Stamp::of(&meta);
        if meta.len() > MAX_COMPARED_BYTES {
            return if self.force {
                Ok(Decision::Overwrite(stamp, None))
            } else {
                Err(refusal(path, false))
            };
        }
        let old = std::fs::read(path).with_context(|| {
            format!(
                "无法读取 {}：检查是否有权限，或文件是否被 Word/WPS 打开",
                path.display()
            )
        })?;
        if old == bytes {
            return Ok(Decision::Same);
        }
        let folder = folder_of(path).to_owned();
        let records = self
            .seen
            .entry(folder.clone())
            .or_insert_with(|| Records::load(&folder));
        let old_hash = fingerprint(&old);
        let name = record_name(path);
        if name.as_deref().is_some_and(|n| records.holds(n, old_hash)) {
            return Ok(Decision::Replace(stamp, old_hash));
        }
        if self.force {
            return Ok(Decision::Overwrite(stamp, Some(old)));
        }
        let known = name.as_deref().is_some_and(|n| records.knows(n));
        Err(refusal(path, known))
    }
}

/// Every staged draft failed with `e` (the flush): none is renamed, and
/// their temporary files go.
fn fail_all(staged: Vec<Staged>, e: &std::io::Error) -> Vec<Failed> {
    staged
        .into_iter()
        .map(|s| Failed {
            error: cannot_write(&s.target, e),
            target: s.target,
        })
        .collect()
}

fn changed_meanwhile(path: &Path) -> anyhow::Error {
    InputError(format!(
        "{} 在生成期间被修改或移动了，没有覆盖它；确认后重新运行即可",
        path.display()
    ))
    .into()
}

/// Why an existing draft was not overwritten, and how to keep both.
fn refusal(path: &Path, edited: bool) -> anyhow::Error {
    let why = if edited {
        "在 bigan 上次生成之后被修改过"
    } else {
        "已经存在，而且不是 bigan 生成的（可能是手写或改过的稿子）"
    };
    InputError(format!(
        "{} {why}，没有覆盖它。要保留它：先把它另存为别的名字，或用 -o 写到别处；\
         确定要覆盖请加 --force（覆盖前的内容会备份到 {}）",
        path.display(),
        shown(&beside(path, &Path::new(STATE_DIR).join(BACKUP_DIR))),
    ))
    .into()
}

/// Of the files a command is about to create (`new`, `templates export`,
/// `import`), those already there: the command refuses them all, before
/// writing any, unless `force`; with `force` there are none, and each is
/// replaced by [`replace_keeping_backup`].
pub fn in_the_way<'a>(paths: impl IntoIterator<Item = &'a Path>, force: bool) -> Vec<&'a Path> {
    if force {
        return Vec::new();
    }
    paths.into_iter().filter(|p| p.exists()).collect()
}

/// Replaces `path` with `bytes` atomically, first backing up an existing,
/// different file to `.bigan/backup/` beside it (see [`backup`]). For files
/// the user asked to overwrite with `--force` that are not drafts (a new
/// profile, exported templates, an imported profile): nothing is recorded.
/// Returns the note to show the user when a backup was made.
pub fn replace_keeping_backup(path: &Path, bytes: &[u8]) -> anyhow::Result<Option<String>> {
    let target = real_target(path);
    let meta = match std::fs::metadata(&target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            atomic(&target, bytes)?;
            return Ok(None);
        }
        Err(e) => {
            return Err(e).with_context(|| format!("无法读取 {} 的信息", target.display()));
        }
    };
    if meta.is_dir() {
        anyhow::bail!("{} 是文件夹：请给出文件名", target.display());
    }
    if !meta.is_file() {
        // A FIFO would block the comparison; a device would be replaced.
        anyhow::bail!(
            "{} 不是普通文件（是管道或设备）：请给出文件名",
            target.display()
        );
    }
    let note = if meta.len() > MAX_COMPARED_BYTES {
        backup(&target, None)?
    } else {
        let old = std::fs::read(&target).with_context(|| {
            format!(
                "无法读取 {}：检查是否有权限，或文件是否被 Word/WPS 打开",
                target.display()
            )
        })?;
        if old == bytes {
            return Ok(None);
        }
        backup(&target, Some(&old))?
    };
    atomic(&target, bytes)?;
    Ok(note)
}

/// Keeps what an overwrite replaces as `.bigan/backup/NAME.YYYYMMDD-HHMMSS`
/// (local time), with `-2`, `-3`… when that name is taken, so a second
/// `--force` never destroys the first backup. `old` is the content when it
/// was read; `None` copies the file itself (one too large to read). An
/// empty file needs no backup. Durable before it returns.
fn backup(path: &Path, old: Option<&[u8]>) -> anyhow::Result<Option<String>> {
    let failed = || format!("备份 {} 失败，没有覆盖它", path.display());
    let Some(staged) = stage_backup(path, old)? else {
        return Ok(None);
    };
    durable::flush(&[staged.temp.as_ref()]).with_context(failed)?;
    let saved = place_backup(staged.temp, &staged.dir, &staged.name).with_context(failed)?;
    durable::sync_dir(&staged.dir).with_context(failed)?;
    Ok(Some(format!(
        "提醒：{} 原来的内容已备份到 {}",
        path.display(),
        shown(&saved)
    )))
}

/// The old content of `path` in a temporary file in its backup folder,
/// not yet flushed (see [`backup`]); `None` when there is nothing to keep.
fn stage_backup(path: &Path, old: Option<&[u8]>) -> anyhow::Result<Option<StagedBackup>> {
    if old.is_some_and(<[u8]>::is_empty) {
        return Ok(None);
    }
    let Some(name) = path.file_name() else {
        return Ok(None);
    };
    let dir = beside(path, &Path::new(STATE_DIR).join(BACKUP_DIR));
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("无法创建备份文件夹 {}，没有覆盖任何文件", shown(&dir)))?;
    let failed = || format!("备份 {} 失败，没有覆盖它", path.display());
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .with_context(failed)?;
    match old {
        Some(old) => tmp.write_all(old).with_context(failed)?,
        None => {
            std::fs::copy(path, tmp.path()).with_context(failed)?;
        }
    }
    Ok(Some(StagedBackup {
        temp: tmp.into_temp_path(),
        dir,
        name: name.to_os_string(),
    }))
}

/// Renames a flushed backup to `NAME.TIME[-n]` in `dir`, never over an
/// existing backup; where it went.
fn place_backup(
    mut temp: tempfile::TempPath,
    dir: &Path,
    name: &OsString,
) -> anyhow::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let mut base = name.clone();
    base.push(format!(".{stamp}"));
    let mut n = 1;
    loop {
        let mut candidate = base.clone();
        if n > 1 {
            candidate.push(format!("-{n}"));
        }
        let saved = dir.join(candidate);
        // No-clobber: an existing backup is never replaced, even by a
        // concurrent run that picked the same name.
        match temp.persist_noclobber(&saved) {
            Ok(()) => return Ok(saved),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists && n < 10_000 => {
                temp = e.path;
                n += 1;
            }
            Err(e) => return Err(e.error.into()),
        }
    }
}

/// The name a draft is recorded under; `None` for a name the one-line
/// format cannot hold (such a draft is then never overwritten silently).
fn record_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    (!name.contains(['\n', '\r'])).then(|| name.to_owned())
}

/// FNV-1a, 64 bits: tiny, stable across versions and platforms, and
/// plenty to tell an edited draft from the one bigan wrote.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The folder `path` is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// `relative` in the folder of `path`, shown without a leading `./`.
fn beside(path: &Path, relative: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.join(relative),
        _ => relative.to_owned(),
    }
}

/// A symbolic link is written through, not replaced by a file.
fn real_target(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

fn shown(dir: &Path) -> String {
    dir.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        atomic(&path, b"one").unwrap();
        atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_fails_without_writing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("a.md");
        assert!(atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }

    #[test]
    fn backups_never_replace_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, b"big").unwrap();
        for old in [&b"one"[..], b"two", b"three"] {
            assert!(backup(&path, Some(old)).unwrap().is_some());
        }
        // The copy of a file too large to read.
        assert!(backup(&path, None).unwrap().is_some());
        let mut kept: Vec<Vec<u8>> = std::fs::read_dir(dir.path().join(".bigan/backup"))
            .unwrap()
            .map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect();
        kept.sort();
        assert_eq!(kept, [&b"big"[..], b"one", b"three", b"two"]);
    }

    #[test]
    fn fingerprint_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fingerprint(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fingerprint(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fingerprint(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_writer_stages_then_commits_every_draft_and_records_them_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(false);
        for i in 0..5 {
            writer
                .write(&dir.path().join(format!("{i}.md")), b"x")
                .unwrap();
        }
        assert!(
            !dir.path().join("0.md").exists(),
            "put in place at the commit"
        );
        assert!(!dir.path().join(STATE_DIR).join(records::FILE).exists());
        let (notes, failed) = writer.finish();
        assert!(
            notes.is_empty() && failed.is_empty(),
            "{notes:?} {failed:?}"
        );
        assert_eq!(std::fs::read(dir.path().join("0.md")).unwrap(), b"x");
        assert_eq!(Records::load(dir.path()).len(), 5);
        // Unedited drafts are bigan's: a new writer may replace them.
        guarded(&dir.path().join("3.md"), b"y", false).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(TEMP_SUFFIX))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn an_abandoned_draft_leaves_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(false);
        writer.write(&dir.path().join("a.md"), b"a").unwrap();
        let mark = writer.mark();
        writer.write(&dir.path().join("b.md"), b"b").unwrap();
        writer.abandon(mark);
        let (_, failed) = writer.finish();
        assert!(failed.is_empty());
        assert!(dir.path().join("a.md").exists());
        assert!(!dir.path().join("b.md").exists());
        assert!(!Records::load(dir.path()).knows("b.md"));
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "a.md and .bigan: {names:?}");
    }

    #[test]
    fn a_target_edited_after_it_was_staged_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        guarded(&path, b"one", false).unwrap();
        let mut writer = Writer::new(false);
        writer.write(&path, b"two").unwrap();
        std::fs::write(&path, b"the user's edit").unwrap();
        let (_, failed) = writer.finish();
        assert_eq!(failed.len(), 1);
        assert_eq!(std::fs::read(&path).unwrap(), b"the user's edit");
    }

    #[test]
    fn the_next_writer_in_a_folder_removes_leftover_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".bigan/backup")).unwrap();
        for left in [
            ".bigan-x1.tmp",
            ".bigan/.bigan-x2.tmp",
            ".bigan/backup/.bigan-x3.tmp",
        ] {
            std::fs::write(dir.path().join(left), b"half").unwrap();
        }
        std::fs::write(dir.path().join("keep.tmp"), b"not ours").unwrap();
        guarded(&dir.path().join("a.md"), b"a", false).unwrap();
        for left in [
            ".bigan-x1.tmp",
            ".bigan/.bigan-x2.tmp",
            ".bigan/backup/.bigan-x3.tmp",
        ] {
            assert!(!dir.path().join(left).exists(), "{left}");
        }
        assert!(dir.path().join("keep.tmp").exists());
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_not_private_and_old_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let path = dir.path().join("a.md");
        atomic(&path, b"one").unwrap();
        let plain = dir.path().join("plain.md");
        std::fs::write(&plain, b"one").unwrap();
        assert_eq!(
            mode(&path),
            mode(&plain),
            "the umask applies, as to any file"
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        atomic(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o640);
    }
}
