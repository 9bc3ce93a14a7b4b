//! The files a user names as input (profiles, the files they `extends`,
//! drafts, texts to import, templates) are read only when they are regular
//! files. Opening a FIFO blocks until something writes to it, a device such
//! as /dev/zero or /dev/urandom never ends, and /dev/stdin reads whatever
//! the terminal or pipe holds: each is refused before it is opened.

use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// A path that names something other than a regular file.
#[derive(Debug)]
pub struct NotAFile {
    pub path: PathBuf,
    /// What it is instead, in Chinese: 文件夹, 命名管道（FIFO）, 设备…
    pub what: &'static str,
}

impl fmt::Display for NotAFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} 是{}，不是普通文件", self.path.display(), self.what)
    }
}

impl std::error::Error for NotAFile {}

/// Why opening an input failed: it is no regular file, or the system
/// refused (not found, no permission…).
#[derive(Debug)]
pub enum OpenError {
    NotAFile(NotAFile),
    Io(io::Error),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NotAFile(n) => n.fmt(f),
            OpenError::Io(e) => f.write_str(&crate::error::io_message(e)),
        }
    }
}

impl std::error::Error for OpenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OpenError::NotAFile(n) => Some(n),
            OpenError::Io(e) => Some(e),
        }
    }
}

/// Opens `path` for reading if it is a regular file (symbolic links
/// followed) outside the system's device and process folders.
pub fn open(path: &Path) -> Result<File, OpenError> {
    regular_file(path)?;
    let file = File::open(path).map_err(OpenError::Io)?;
    // Swapped for something else between the check and the open: the
    // open did not block (only a FIFO does), so look again.
    match file.metadata() {
        Ok(m) if m.is_file() => Ok(file),
        Ok(m) => Err(not_a_file(path, &m)),
        Err(e) => Err(OpenError::Io(e)),
    }
}

/// Whether `path` may be read as an input: a regular file, not reached
/// through /dev, /proc or /sys.
pub fn regular_file(path: &Path) -> Result<(), OpenError> {
    let meta = std::fs::metadata(path).map_err(OpenError::Io)?;
    if !meta.is_file() {
        return Err(not_a_file(path, &meta));
    }
    if through_system_folder(path) {
        return Err(OpenError::NotAFile(NotAFile {
            path: path.to_owned(),
            what: "系统的设备或进程文件",
        }));
    }
    Ok(())
}

fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> OpenError {
    OpenError::NotAFile(NotAFile::new(path, meta))
}

impl NotAFile {
    /// What `meta` (of `path`, no regular file) says it is.
    pub fn new(path: &Path, meta: &std::fs::Metadata) -> NotAFile {
        let kind = meta.file_type();
        let what = if kind.is_dir() {
            "文件夹"
        } else {
            special_kind(&kind)
        };
        NotAFile {
            path: path.to_owned(),
            what,
        }
    }
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_fifo() {
        "命名管道（FIFO）"
    } else if kind.is_char_device() || kind.is_block_device() {
        "设备"
    } else if kind.is_socket() {
        "套接字"
    } else {
        "特殊文件"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "特殊文件"
}

/// Whether `path`, or a symbolic link on the way to its target, lies in
/// /dev, /proc or /sys: /dev/stdin is a regular file when standard input
/// is redirected from one, and must still not be read as a profile.
fn through_system_folder(path: &Path) -> bool {
    if !cfg!(unix) {
        return false;
    }
    let system = |p: &Path| ["/dev", "/proc", "/sys"].iter().any(|s| p.starts_with(s));
    let mut current = path.to_owned();
    // The kernel gives up after 40 links; so does this.
    for _ in 0..40 {
        if system(&current) {
            return true;
        }
        // The folder resolved, the name as written: `../../dev/stdin`
        // becomes /dev/stdin, and a link is seen before it is followed.
        let (Some(parent), Some(name)) = (current.parent(), current.file_name()) else {
            return false;
        };
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        let Ok(folder) = parent.canonicalize() else {
            return false;
        };
        let resolved = folder.join(name);
        if system(&resolved) {
            return true;
        }
        match std::fs::read_link(&resolved) {
            Ok(target) => current = folder.join(target),
            Err(_) => return false,
        }
    }
    true
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.yaml");
        std::fs::write(&file, "a: 1\n").unwrap();
        assert!(open(&file).is_ok());
        let Err(OpenError::NotAFile(n)) = open(dir.path()) else {
            panic!("opened a folder")
        };
        assert_eq!(n.what, "文件夹");
        for device in ["/dev/null", "/dev/zero", "/dev/stdin"] {
            let Err(e) = open(Path::new(device)) else {
                panic!("opened {device}")
            };
            assert!(matches!(e, OpenError::NotAFile(_)), "{device}: {e}");
        }
        assert!(matches!(
            open(&dir.path().join("gone.yaml")),
            Err(OpenError::Io(_))
        ));
    }

    #[test]
    fn a_link_into_dev_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("p.yaml");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        assert!(open(&link).is_err());
        assert!(through_system_folder(Path::new("/proc/self/status")));
        let up = dir.path().join("../".repeat(30)).join("dev/stdin");
        assert!(through_system_folder(&up));
    }
}
