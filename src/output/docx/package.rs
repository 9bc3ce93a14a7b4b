//! The ZIP container of a DOCX, written so that equal parts give equal
//! bytes: a fixed timestamp and fixed permissions on every entry.

use std::io::{Cursor, Write as _};

use anyhow::Context as _;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

/// Zips `parts` (path, content) in the order given; `[Content_Types].xml`
/// comes first by convention.
pub fn zip(parts: &[(&str, String)]) -> anyhow::Result<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::DEFAULT)
        .system(System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, content) in parts {
        zip.start_file(*path, options)
            .and_then(|()| Ok(zip.write_all(content.as_bytes())?))
            .with_context(|| format!("生成 DOCX 失败：无法写入 {path}"))?;
    }
    let cursor = zip.finish().context("生成 DOCX 失败：无法完成 ZIP 文件")?;
    Ok(cursor.into_inner())
}
