//! Reading a user's text file: a profile, a draft to lint, a 范文 to
//! import. One reader, so every command accepts the same files and refuses
//! the same ones with the same advice.
//!
//! Accepted: UTF-8, with or without the BOM Windows tools write, and UTF-16
//! with a BOM (what Notepad calls “Unicode”), converted. Refused, each with
//! what to do in words an office clerk can follow: GBK (Notepad's “ANSI”,
//! told apart from other encodings so the advice is exact), UTF-16 without a
//! BOM and UTF-32 (which no Chinese office tool writes by default), and
//! anything that is no text at all (NUL bytes, a Word, PDF or image file).

use std::fmt;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum Problem {
    NotFound,
    Denied,
    Folder,
    /// A FIFO, a device, or a file reached through /dev, /proc or /sys
    /// (/dev/stdin): reading it could block for ever, never end, or read
    /// whatever the terminal holds.
    NotRegular,
    Io(std::io::Error),
    /// Larger than the caller's limit (bytes).
    TooLarge(u64),
    /// Not UTF-8 at this 1-based line and column; `gbk` when it reads as GBK.
    Encoding {
        line: usize,
        column: usize,
        gbk: bool,
    },
    /// UTF-16 without a byte-order mark.
    Utf16WithoutBom,
    Utf32,
    /// A known binary format, named.
    Format(&'static str),
    /// NUL bytes or other binary data.
    Binary,
}

/// A file that could not be read as text, and why.
#[derive(Debug)]
pub struct TextError {
    pub path: PathBuf,
    pub problem: Problem,
}

impl TextError {
    /// Whether the file's content is at fault (the user must convert or
    /// pick another file), rather than the machine or the path.
    pub fn is_content(&self) -> bool {
        matches!(
            self.problem,
            Problem::TooLarge(_)
                | Problem::Encoding { .. }
                | Problem::Utf16WithoutBom
                | Problem::Utf32
                | Problem::Format(_)
                | Problem::Binary
        )
    }
}

/// How to save a file as UTF-8, for the messages below.
const SAVE_AS_UTF8: &str = "请用记事本或 WPS 打开，“另存为”时把编码选为 UTF-8";

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.problem {
            Problem::NotFound => write!(f, "找不到文件 {path}：检查文件名和所在的文件夹是否写对"),
            Problem::Denied => write!(
                f,
                "没有权限读取 {path}：检查文件的权限，或把它复制到自己的文件夹里"
            ),
            Problem::Folder => write!(f, "{path} 是文件夹，不是文件：请给出一个文件"),
            Problem::NotRegular => write!(
                f,
                "{path} 不是普通文件（是管道、设备或系统文件），bigan 不读它：请给出一个保存在磁盘上的文件"
            ),
            Problem::Io(e) => write!(
                f,
                "读取 {path} 失败（{}）：检查文件是否完好、磁盘是否正常",
                crate::error::io_reason(e)
            ),
            Problem::TooLarge(limit) => {
                write!(f, "{path}：文件超过 {} KB", limit / 1024)
            }
            Problem::Encoding { line, column, gbk } => {
                let what = if *gbk {
                    "文件是 GBK 编码（Windows 记事本的“ANSI”），bigan 只读 UTF-8"
                } else {
                    "文件不是 UTF-8 编码（可能是 GBK 或其他编码），bigan 只读 UTF-8"
                };
                let ext = self
                    .path
                    .extension()
                    .map(|e| format!(".{}", e.to_string_lossy()))
                    .unwrap_or_default();
                write!(
                    f,
                    "{path}:{line}:{column}: {what}。{SAVE_AS_UTF8}；\
                     或运行 iconv -f GBK -t UTF-8 原文件{ext} > 新文件{ext}"
                )
            }
            Problem::Utf16WithoutBom => write!(
                f,
                "{path}：文件像是没有 BOM 标记的 UTF-16 编码，bigan 读不了。{SAVE_AS_UTF8}"
            ),
            Problem::Utf32 => write!(
                f,
                "{path}：文件是 UTF-32 编码，bigan 读不了。{SAVE_AS_UTF8}"
            ),
            Problem::Format(what) => write!(
                f,
                "{path}：这是{what}，不是文字文件。请用 Word 或 WPS 打开，“另存为”纯文本（.txt，编码选 UTF-8）或 .docx"
            ),
            Problem::Binary => write!(
                f,
                "{path}：文件里有大量空字节（NUL），不是文字文件，bigan 不读它。请检查是否选错了文件"
            ),
        }
    }
}

impl std::error::Error for TextError {}

/// Reads the text file at `path`, refusing one over `limit` bytes.
pub fn read(path: &Path, limit: Option<u64>) -> Result<String, TextError> {
    let error = |problem| TextError {
        path: path.to_owned(),
        problem,
    };
    let bytes = read_bytes(path, limit).map_err(error)?;
    decode(&bytes).map_err(error)
}

/// The file's bytes, read only when it is a regular file within `limit`.
pub fn read_bytes(path: &Path, limit: Option<u64>) -> Result<Vec<u8>, Problem> {
    let meta = std::fs::metadata(path).map_err(io_problem)?;
    if meta.is_dir() {
        return Err(Problem::Folder);
    }
    if !meta.is_file() || through_system_folder(path) {
        return Err(Problem::NotRegular);
    }
    let file = std::fs::File::open(path).map_err(io_problem)?;
    // Swapped for something else since the look: the open did not block
    // (only a FIFO's does), so look again before reading.
    if !file.metadata().map_err(io_problem)?.is_file() {
        return Err(Problem::NotRegular);
    }
    // Room for the whole file up front: one read instead of a doubling
    // buffer's eight for a profile of a few KB.
    let room = limit.map_or(meta.len(), |l| meta.len().min(l + 1));
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0).saturating_add(1));
    match limit {
        Some(limit) => {
            file.take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(io_problem)?;
            if bytes.len() as u64 > limit {
                return Err(Problem::TooLarge(limit));
            }
        }
        None => {
            let mut file = file;
            file.read_to_end(&mut bytes).map_err(io_problem)?;
        }
    }
    Ok(bytes)
}

/// Whether `path`, or a symbolic link on the way to its target, lies in
/// /dev, /proc or /sys: /dev/stdin is a regular file when standard input
/// is redirected from one, and must still not be read as a profile.
fn through_system_folder(path: &Path) -> bool {
    if !cfg!(unix) {
        return false;
    }
    // /dev/shm is a tmpfs of ordinary files (a batch's fastest place).
    let system = |p: &Path| {
        ["/dev", "/proc", "/sys"].iter().any(|s| p.starts_with(s)) && !p.starts_with("/dev/shm")
    };
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

fn io_problem(e: std::io::Error) -> Problem {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => Problem::NotFound,
        ErrorKind::PermissionDenied => Problem::Denied,
        ErrorKind::IsADirectory => Problem::Folder,
        _ => Problem::Io(e),
    }
}

/// Text from a file's bytes, or why they are not text bigan reads.
pub fn decode(bytes: &[u8]) -> Result<String, Problem> {
    // UTF-32's marks first: FF FE 00 00 also starts with UTF-16's.
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(Problem::Utf32);
    }
    for (mark, encoding) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(mark) {
            return match encoding.decode_without_bom_handling_and_without_replacement(rest) {
                Some(text) => Ok(text.into_owned()),
                None => Err(Problem::Binary),
            };
        }
    }
    if let Some(format) = binary_format(bytes) {
        return Err(Problem::Format(format));
    }
    if memchr_nul(bytes) {
        return Err(nul_problem(bytes));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            let gbk = encoding_rs::GBK
                .decode_without_bom_handling_and_without_replacement(bytes)
                .is_some();
            Err(Problem::Encoding { line, column, gbk })
        }
    }
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Files office staff have at hand that are not text, by their first bytes.
fn binary_format(bytes: &[u8]) -> Option<&'static str> {
    const FORMATS: [(&[u8], &str); 6] = [
        (b"PK\x03\x04", "压缩包格式的文件（如 .docx、.xlsx、.zip）"),
        (
            b"\xD0\xCF\x11\xE0",
            "旧版 Word/WPS/Excel 文件（.doc、.wps、.xls）",
        ),
        (b"%PDF", "PDF 文件"),
        (b"\x89PNG", "PNG 图片"),
        (b"\xFF\xD8\xFF", "JPEG 图片"),
        (b"{\\rtf", "RTF 文件"),
    ];
    FORMATS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// What text with NUL bytes is: UTF-16 or UTF-32 without a mark (ASCII
/// characters leave NULs at regular places), or binary.
fn nul_problem(bytes: &[u8]) -> Problem {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let zeros_at = |step: usize, offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(step)
            .filter(|&&b| b == 0)
            .count()
    };
    let units = |step: usize| sample.len() / step;
    // UTF-32: of every four bytes at least two are NUL, for every character.
    if sample.len() >= 8 && sample.len().is_multiple_of(4) {
        let le = zeros_at(4, 3) == units(4) && zeros_at(4, 2) == units(4);
        let be = zeros_at(4, 0) == units(4) && zeros_at(4, 1) == units(4);
        if (le || be) && zeros_at(1, 0) < sample.len() {
            return Problem::Utf32;
        }
    }
    // UTF-16: the bytes read as UTF-16 one way or the other give text a
    // Chinese document is made of; binary data read so gives anything.
    let even = &sample[..sample.len() & !1];
    for encoding in [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE] {
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(even)
            && looks_like_text(&text)
        {
            return Problem::Utf16WithoutBom;
        }
    }
    Problem::Binary
}

/// Whether nearly all of `text` is what documents are written in: ASCII
/// text, CJK characters and punctuation, full-width forms.
fn looks_like_text(text: &str) -> bool {
    let total = text.chars().count();
    let plain = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | ' '..='~')
                || crate::zh::is_han(c)
                || ('\u{3000}'..='\u{303F}').contains(&c)
                || ('\u{FF00}'..='\u{FFEF}').contains(&c)
                || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
        })
        .count();
    total > 0 && plain * 10 >= total * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for unit in text.encode_utf16() {
            out.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("同志们：\n".as_bytes()).ok().as_deref(),
            Some("同志们：\n")
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBF\xE5\x90\x8C").ok().as_deref(),
            Some("同")
        );
    }

    #[test]
    fn utf16_with_a_bom_is_converted() {
        for le in [true, false] {
            let bytes = utf16("同志们：\r\n讲三点意见。", le, true);
            assert_eq!(
                decode(&bytes).ok().as_deref(),
                Some("同志们：\r\n讲三点意见。")
            );
        }
    }

    #[test]
    fn utf16_without_a_bom_and_utf32_are_refused() {
        let bytes = utf16("同志们：\n一、加强领导\n", true, false);
        assert!(matches!(decode(&bytes), Err(Problem::Utf16WithoutBom)));
        let bytes = utf16("a\n", false, false);
        assert!(matches!(decode(&bytes), Err(Problem::Utf16WithoutBom)));
        let utf32: Vec<u8> = "同志们\n"
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        assert!(matches!(decode(&utf32), Err(Problem::Utf32)));
        let mut marked = vec![0xFF, 0xFE, 0, 0];
        marked.extend(&utf32);
        assert!(matches!(decode(&marked), Err(Problem::Utf32)));
    }

    #[test]
    fn nul_bytes_and_office_files_are_not_text() {
        assert!(matches!(decode(&[0; 100_000]), Err(Problem::Binary)));
        assert!(matches!(
            decode(b"\xE5\x90\x8C\0\0\0x"),
            Err(Problem::Binary)
        ));
        assert!(matches!(decode(b"PK\x03\x04rest"), Err(Problem::Format(_))));
        assert!(matches!(decode(b"%PDF-1.7"), Err(Problem::Format(_))));
    }

    #[test]
    fn gbk_is_told_apart_and_located() {
        let (gbk, _, _) = encoding_rs::GBK.encode("一行\n同志们");
        match decode(&gbk) {
            Err(Problem::Encoding { line, column, gbk }) => {
                // 一 in GBK (D2 BB) happens to be a valid UTF-8 pair.
                assert_eq!((line, column, gbk), (1, 2, true));
            }
            other => panic!("{other:?}"),
        }
        let mut bytes = "甲\n乙".as_bytes().to_vec();
        bytes.push(0xFF);
        match decode(&bytes) {
            Err(Problem::Encoding { line, column, gbk }) => {
                assert_eq!((line, column, gbk), (2, 2, false));
            }
            other => panic!("{other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    #[allow(clippy::unwrap_used)]
    fn devices_and_system_files_are_not_read() {
        for device in ["/dev/null", "/dev/zero", "/dev/stdin", "/proc/self/status"] {
            assert!(
                matches!(
                    read_bytes(Path::new(device), None),
                    Err(Problem::NotRegular)
                ),
                "{device}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("p.yaml");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        assert!(matches!(read_bytes(&link, None), Err(Problem::NotRegular)));
        // A batch's profiles on the tmpfs /dev/shm are ordinary files.
        if let Ok(shm) = tempfile::tempdir_in("/dev/shm") {
            let file = shm.path().join("p.yaml");
            std::fs::write(&file, "org: {}\n").unwrap();
            assert!(read_bytes(&file, None).is_ok());
            let null = shm.path().join("null.yaml");
            std::os::unix::fs::symlink("/dev/null", &null).unwrap();
            assert!(matches!(read_bytes(&null, None), Err(Problem::NotRegular)));
        }
        let up = dir.path().join("../".repeat(30)).join("dev/stdin");
        assert!(through_system_folder(&up));
        let plain = dir.path().join("q.yaml");
        std::fs::write(&plain, "a: 1\n").unwrap();
        assert!(!through_system_folder(&plain));
    }
}
