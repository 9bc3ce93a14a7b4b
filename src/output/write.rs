//! Writing drafts without ever losing work.
//!
//! Every write is atomic: a temporary file in the same folder, flushed,
//! then renamed over the target, so a file is either wholly old or wholly
//! new. A draft is only overwritten when bigan wrote it and nobody has
//! edited it since: bigan records a fingerprint (FNV-1a, 64 bits) of each
//! file it writes in `.bigan/written` beside it, and refuses, unless
//! `--force`, to replace a file whose content no longer matches, or one it
//! has no record of (the user may have written it by hand). A forced
//! overwrite first copies the old content to `.bigan/backup/NAME.TIME`,
//! under a name no earlier backup has: a backup is never replaced.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context as _;

use crate::error::InputError;

/// The folder, beside the drafts, where bigan keeps what it wrote.
pub const STATE_DIR: &str = ".bigan";
/// The record of what bigan wrote: one `fingerprint name` line per draft.
const STATE_FILE: &str = "written";
/// Where a forced overwrite keeps the content it replaced.
const BACKUP_DIR: &str = "backup";
/// Files larger than this are never read into memory to be compared; a
/// forced overwrite backs them up by copying the file. No draft comes near
/// it.
const MAX_COMPARED_BYTES: u64 = 16 * 1024 * 1024;

/// Serialises the read-modify-write of the records, so drafts written from
/// several threads at once all get recorded.
static RECORDS: Mutex<()> = Mutex::new(());

/// Writes `bytes` to `path` atomically. On any failure the old file, if
/// there was one, is left exactly as it was. A new file gets the usual
/// permissions (umask applies); a replaced file keeps its own.
pub fn atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = folder_of(path);
    if !dir.is_dir() {
        anyhow::bail!(
            "无法写入 {}：文件夹 {} 不存在。先建好这个文件夹，或换一个输出位置",
            path.display(),
            shown(dir)
        );
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bigan-").suffix(".tmp");
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
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| cannot_write(path, &e))?;
    tmp.persist(path)
        .map_err(|e| cannot_write(path, &e.error))?;
    Ok(())
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
    for note in writer.finish() {
        eprintln!("{note}");
    }
    Ok(())
}

/// Whether [`guarded`] would write `bytes` to `path`, without writing
/// anything.
pub fn check(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    Writer::new(force).check(path, bytes)
}

/// Writes many drafts under the rules of [`guarded`], reading each
/// folder's records once and saving them once, in [`Writer::finish`]:
/// a batch of thousands of drafts costs one record file per folder, not
/// one per draft.
pub struct Writer {
    force: bool,
    /// Each folder's records as read at its first draft.
    records: HashMap<PathBuf, Records>,
    /// What this writer wrote: folder → name → fingerprint.
    written: BTreeMap<PathBuf, BTreeMap<String, u64>>,
    /// Things the user should know (backups made), for the caller to show.
    notes: Vec<String>,
}

impl Writer {
    pub fn new(force: bool) -> Writer {
        Writer {
            force,
            records: HashMap::new(),
            written: BTreeMap::new(),
            notes: Vec::new(),
        }
    }

    /// Whether `bytes` may be written to `path`, writing nothing: a command
    /// writing several drafts checks them all first and writes none when
    /// one would be refused.
    pub fn check(&mut self, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        self.decide(&real_target(path), bytes).map(|_| ())
    }

    /// Writes `bytes` to `path` if the rules allow; the record is kept in
    /// memory until [`Writer::finish`].
    pub fn write(&mut self, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        let target = real_target(path);
        match self.decide(&target, bytes)? {
            Decision::Same => {}
            Decision::Write => atomic(&target, bytes)?,
            Decision::Overwrite(old) => {
                if let Some(note) = backup(&target, old.as_deref())? {
                    self.notes.push(note);
                }
                atomic(&target, bytes)?;
            }
        }
        if let Some(name) = record_name(&target) {
            self.written
                .entry(folder_of(&target).to_owned())
                .or_default()
                .insert(name, fingerprint(bytes));
        }
        Ok(())
    }

    /// Saves the records of everything written, and returns the notes for
    /// the user. The drafts themselves are already safely written: a record
    /// that cannot be saved only makes the next run ask for `--force`, which
    /// the notes then say.
    pub fn finish(mut self) -> Vec<String> {
        // Serialises the read-modify-write of the record files, so writers
        // in several threads at once all get recorded.
        let _lock = RECORDS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for (folder, names) in std::mem::take(&mut self.written) {
            if let Err(e) = save_records(&folder, names) {
                self.notes.push(format!(
                    "提醒：{} 里的文稿已写入，但没能记下它们（{e:#}）；下次重新生成到这里时需要加 --force",
                    shown(&folder)
                ));
            }
        }
        self.notes
    }

    fn decide(&mut self, path: &Path, bytes: &[u8]) -> anyhow::Result<Decision> {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Decision::Write),
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
                "{}：-o 要给出文件名，如 -o 讲话.md",
                crate::input::NotAFile::new(path, &meta)
            );
        }
        if meta.len() > MAX_COMPARED_BYTES {
            return if self.force {
                Ok(Decision::Overwrite(None))
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
        let recorded = self
            .records
            .entry(folder.clone())
            .or_insert_with(|| Records::load(&folder))
            .get(path);
        if recorded == Some(fingerprint(&old)) {
            return Ok(Decision::Write);
        }
        if self.force {
            return Ok(Decision::Overwrite(Some(old)));
        }
        Err(refusal(path, recorded.is_some()))
    }
}

/// What to do with a target.
enum Decision {
    /// It already holds these bytes.
    Same,
    /// It is new, or bigan's own and unedited.
    Write,
    /// It is to be replaced by force; its old content is kept here, or
    /// `None` when it is too large to read and is copied instead.
    Overwrite(Option<Vec<u8>>),
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
            "{}：请给出文件名",
            crate::input::NotAFile::new(&target, &meta)
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
/// empty file needs no backup.
fn backup(path: &Path, old: Option<&[u8]>) -> anyhow::Result<Option<String>> {
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
        .prefix(".bigan-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .with_context(failed)?;
    match old {
        Some(old) => tmp
            .write_all(old)
            .and_then(|()| tmp.as_file().sync_all())
            .with_context(failed)?,
        None => {
            std::fs::copy(path, tmp.path()).with_context(failed)?;
            tmp.as_file().sync_all().with_context(failed)?;
        }
    }
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let mut base = name.to_os_string();
    base.push(format!(".{stamp}"));
    let mut n = 1;
    let saved = loop {
        let mut candidate = base.clone();
        if n > 1 {
            candidate.push(format!("-{n}"));
        }
        let saved = dir.join(candidate);
        // No-clobber: an existing backup is never replaced, even by a
        // concurrent run that picked the same name.
        match tmp.persist_noclobber(&saved) {
            Ok(_) => break saved,
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists && n < 10_000 => {
                tmp = e.file;
                n += 1;
            }
            Err(e) => return Err(e.error).with_context(failed),
        }
    };
    Ok(Some(format!(
        "提醒：{} 原来的内容已备份到 {}",
        path.display(),
        shown(&saved)
    )))
}

/// Adds `names` to the records of `folder`, as they are on disk now.
fn save_records(folder: &Path, names: BTreeMap<String, u64>) -> anyhow::Result<()> {
    let mut records = Records::load(folder);
    let before = records.0.len();
    let mut changed = false;
    for (name, hash) in names {
        changed |= records.0.insert(name, hash) != Some(hash);
    }
    if !changed && records.0.len() == before {
        return Ok(());
    }
    let dir = folder.join(STATE_DIR);
    std::fs::create_dir_all(&dir).with_context(|| format!("无法创建 {}", shown(&dir)))?;
    atomic(&dir.join(STATE_FILE), records.to_text().as_bytes())
}

/// The fingerprints of the drafts bigan wrote into one folder, by name.
struct Records(BTreeMap<String, u64>);

impl Records {
    /// The records of `folder`; none when there are none or they cannot be
    /// read (which only makes bigan more careful).
    fn load(folder: &Path) -> Records {
        let text =
            std::fs::read_to_string(folder.join(STATE_DIR).join(STATE_FILE)).unwrap_or_default();
        let map = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (hash, name) = l.split_once(' ')?;
                Some((name.to_owned(), u64::from_str_radix(hash, 16).ok()?))
            })
            .collect();
        Records(map)
    }

    fn get(&self, path: &Path) -> Option<u64> {
        self.0.get(&record_name(path)?).copied()
    }

    fn to_text(&self) -> String {
        let mut out = String::from(
            "# bigan 在这个文件夹里生成的文稿及其内容指纹（FNV-1a），用来发现生成后的手工修改。\n",
        );
        for (name, hash) in &self.0 {
            out.push_str(&format!("{hash:016x} {name}\n"));
        }
        out
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
    fn records_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("讲 话.md");
        save_records(
            dir.path(),
            BTreeMap::from([("讲 话.md".to_owned(), fingerprint(b"x"))]),
        )
        .unwrap();
        assert_eq!(
            Records::load(dir.path()).get(&path),
            Some(fingerprint(b"x"))
        );
    }

    #[test]
    fn a_writer_saves_each_folder_once_with_every_draft() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = Writer::new(false);
        for i in 0..5 {
            writer
                .write(&dir.path().join(format!("{i}.md")), b"x")
                .unwrap();
        }
        assert!(!dir.path().join(STATE_DIR).exists(), "saved only at finish");
        assert!(writer.finish().is_empty());
        let records = Records::load(dir.path());
        assert_eq!(records.0.len(), 5);
        // Unedited drafts are bigan's: a new writer may replace them.
        Writer::new(false)
            .write(&dir.path().join("3.md"), b"y")
            .unwrap();
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
