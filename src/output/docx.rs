//! DOCX after GB/T 9704.

use crate::profile::Fonts;

/// Builds a Word document from a Markdown draft.
pub fn document(_markdown: &str, _fonts: &Fonts) -> anyhow::Result<Vec<u8>> {
    anyhow::bail!("DOCX 输出还没有做好：请先用 --format html 或 txt")
}
